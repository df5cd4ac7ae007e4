/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readcell_int.h: what the .p reader (readcell.c) and the cell builder
 * (cellbuild.c) share: the reader's state (the modes the directives set,
 * the compartment constants, the staging cell) and the builder's entry
 * points. Private to models/cell.
 *
 * GENESIS keeps these constants and all the geometry in C floats and
 * computes with them in float (mixed with double where its code has a
 * double constant); so do we, so the fields come out bit for bit the same.
 */
#ifndef GS_READCELL_INT_H
#define GS_READCELL_INT_H

#include "../core/core.h"
#include "readcell.h"

/* GENESIS's value of pi for areas, volumes and Ra. */
#define RC_PI 3.1415926536

/* A script global *set_global changes once the cell is built. */
struct rc_pending {
    char *name;
    double value;
};

struct rc_state {
    struct gs_sim *sim;
    const char *fname; /* the file, as named in messages */
    int line;          /* line of the entry being read (its first line) */
    const struct rc_vars *vars;
    struct rc_options opt;

    /* Modes set by the directives. */
    bool relative, polar, spherical, symmetric, lambda_warn, double_endpoint;
    bool memb, spines;
    float RM, CM, RA, EREST_ACT, ELEAK; /* ohm m^2, F/m^2, ohm m, V, V */
    bool eleak_set;                     /* ELEAK given: it no longer follows EREST_ACT */
    float X0, Y0, Z0;                   /* *origin, m */
    float lambda_min, lambda_max;
    float memb_factor;
    float spine_diam, spine_dens, spine_surf; /* *add_spines: m, 1/m, m^2 */
    int tailweight;                           /* RAXIAL/CONNECTTAIL messages per link */
    char *proto;                              /* path of the prototype compartment */

    struct gs_element *cell; /* the staging cell root */
    char *cellpath;          /* where it goes (for messages) */
    char *lastname;          /* the previous line's compartment, for "." */
    int maxsplit;            /* most pieces a compartment was split into */
    struct rc_pending *pend; /* *set_global values, in order */
    int npend;
};

/* Records "FNAME:LINE: message" as the command's error, paths in the staging
 * cell shown as the cell's own; returns GS_ERR. */
enum gs_status rc_error(struct rc_state *st, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
/* Prints "FNAME:LINE: message" as a warning of the command. */
void rc_warn(struct rc_state *st, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
/* Turns the error a core call just recorded into a readcell error at the
 * current line, with the staging path shown as the cell's path. */
enum gs_status rc_wrap(struct rc_state *st);

/* One compartment line, its numbers already read and converted to m. */
struct rc_compt {
    char *name;       /* "dend" or "dend[3]" */
    char *parent;     /* "none" or a compartment of the cell */
    float x, y, z;    /* end point, m */
    float x0, y0, z0; /* start point (double-endpoint mode), m */
    float dia;        /* m */
    int nchan;
    char **chan; /* channel (or compartment field) names */
    float *dens; /* their densities */
};

/* Builds one compartment line into the staging cell. */
enum gs_status rc_build_compt(struct rc_state *st, const struct rc_compt *c);

#endif
