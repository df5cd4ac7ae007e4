/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interpol.h: the interpolation table every tabulated field uses (the
 * gate tables of tabchannel, the `table` object's table, ...): a uniform
 * grid of xdivs + 1 values on [xmin, xmax], looked up with clamping at the
 * ends and linear interpolation in between, as GENESIS's Interpol does.
 * Fields of this type are reached as NAME->xmin, NAME->table[3], ...
 * (models/core/field.c). Depends on models/base only.
 */
#ifndef GS_INTERPOL_H
#define GS_INTERPOL_H

#include <stdbool.h>

#include "../base/gs.h"

/* calc_mode values, GENESIS's numbers. */
enum interpol_mode {
    INTERPOL_NONE = 0,  /* no interpolation: the entry at or below x */
    INTERPOL_LIN = 1,   /* linear interpolation between the two entries (default) */
    INTERPOL_FIXED = 2, /* every lookup gives oy */
};

/* A 1-D table. xdivs intervals, so xdivs + 1 entries in table[]. */
struct interpol {
    double xmin, xmax;  /* range of the table, in the input's units */
    int xdivs;          /* number of intervals (0: not allocated) */
    double dx;          /* (xmax - xmin) / xdivs */
    double invdx;       /* 1 / dx */
    double *table;      /* xdivs + 1 values; owned by the struct */
    int calc_mode;      /* enum interpol_mode */
    double sx, sy;      /* scale factors of x and y (tabchannel TABFILL/scaling) */
    double ox, oy;      /* offsets of x and y */
    bool allocated;     /* table[] holds xdivs + 1 entries */
};

/* A new, unallocated table (calc_mode LIN, scales 1). Caller frees with interpol_free. */
struct interpol *interpol_new(void);
/* Frees IP and its values; NULL is a no-op. */
void interpol_free(struct interpol *ip);
/* Deep copy (NULL gives NULL). Caller frees. */
struct interpol *interpol_dup(const struct interpol *ip);
/*
 * (Re)allocates IP to XDIVS intervals on [XMIN, XMAX], values zero, and sets
 * dx and invdx. Errors: GS_ERR (recorded in SIM) if XDIVS < 1, XMAX <= XMIN,
 * or the table cannot be allocated; IP is then unchanged.
 */
enum gs_status interpol_alloc(struct gs_sim *sim, struct interpol *ip, int xdivs, double xmin,
                              double xmax);
/* TABFILL modes (GENESIS's numbers). */
enum interpol_fill_mode { INTERPOL_FILL_BSPLINE = 0, INTERPOL_FILL_LINEAR = 2 };

/* Rescales the table to new scale factors and offsets (setting X->sx, sy,
 * ox or oy): y' = oy + (y - old oy) * sy / old sy, and the x range likewise. */
void interpol_scale(struct interpol *ip, double sx, double sy, double ox, double oy);
/* TABFILL: resamples the table to NPTS intervals over the same range,
 * linearly or by cubic B-spline. Errors: not allocated, NPTS < 3, bad mode. */
enum gs_status interpol_fill(struct gs_sim *sim, struct interpol *ip, int npts, int mode);
/* Recomputes dx and invdx after xmin, xmax or xdivs were set by hand. */
void interpol_update(struct interpol *ip);
/* The table's value at X as GENESIS's TabInterp computes it: position
 * p = (x - xmin) * invdx; LIN: the end values for p <= 0 or p >= xdivs,
 * else linear between entries (int)p and (int)p + 1; NONE: entry (int)p,
 * clamped; FIXED: oy. An unallocated table gives 0. */
double interpol_lookup(const struct interpol *ip, double x);

#endif
