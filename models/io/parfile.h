/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parfile.h: the parallel output files (PGENESIS's par_asc_file, text
 * rows, and par_disk_out, FMT1 frames) as the parallel output layer
 * (parallel/rnet.c) and raddmsg see them: each SAVE sent to one from any
 * rank registers an index; at reset the indices must be 0 .. n-1, each
 * once; at each output tick the gather hands over the values in index
 * order and the file's class writes them.
 *
 * Both classes' instances start with the element and then struct
 * parfile_cols, which holds the indices.
 */
#ifndef GS_PARFILE_H
#define GS_PARFILE_H

#include <stddef.h>

#include "../core/core.h"

struct parfile_cols {
    int ncols;    /* indices registered (the read-only field ncols) */
    long *idx;    /* the indices, sorted by parfile_check */
    long nidx, capidx;
};

/* The start of both classes' instances (each asserts its layout). */
struct parfile_head {
    struct gs_element el;
    struct parfile_cols cols;
};

/* Is EL a par_asc_file or a par_disk_out? */
bool parfile_is(const struct gs_element *el);
/* Notes that a SAVE with index IDX will deliver values (any rank). */
void parfile_register(struct gs_element *el, long idx);
/* Checks that the registered indices are 0 .. n-1, each once (after the
 * zone agreed on reset: parallel/rnet.c). The error names the element and
 * its file FILE. */
enum gs_status parfile_check(struct gs_sim *sim, struct gs_element *el);
/* Number of columns (registered indices). */
long parfile_ncols(const struct gs_element *el);
/* Writes the values V (in index order) of the output tick at time T. */
enum gs_status parfile_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v);

/* For the two classes. */
struct parfile_cols *parfile_cols(struct gs_element *el);
/* Forgets the indices (a copy starts without any), or frees them. */
void parfile_cols_clear(struct parfile_cols *c);
void parfile_cols_free(struct parfile_cols *c);
/* The file name the class writes (for errors). */
const char *par_asc_file_name(const struct gs_element *el);
const char *par_disk_out_name(const struct gs_element *el);
enum gs_status par_asc_file_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);
enum gs_status par_disk_out_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);
extern const struct gs_class par_asc_file_class, par_disk_out_class;

#endif
