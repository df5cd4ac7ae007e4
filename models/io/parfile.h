/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parfile.h: the parallel output files (PGENESIS's par_asc_file, text
 * rows, and par_disk_out, FMT1 frames) as the parallel output layer
 * (parallel/rnet.c) and raddmsg see them: each SAVE sent to one from any
 * rank registers an index; at reset the indices must be 0 .. n-1, each
 * once; at each output tick the gather hands over the values in index
 * order and the file's class writes them.
 *
 * Both classes' instances start with the output head (outelem.h) and
 * then struct parfile_cols, which holds the indices.
 */
#ifndef GS_PARFILE_H
#define GS_PARFILE_H

#include <stddef.h>

#include "../core/core.h"
#include "outelem.h"

struct parfile_cols {
    int ncols;    /* indices registered (the read-only field ncols) */
    long *idx;    /* the indices, sorted by parfile_check */
    long nidx, capidx;
    int nfile;    /* a shared file's columns: every node's (set at reset) */
};

/* The start of both classes' instances (each asserts its layout). */
struct parfile_head {
    struct gs_element el;
    struct outelem out;
    struct parfile_cols cols;
};

/* Put after a class's struct: it must start as struct parfile_head. */
#define PARFILE_LAYOUT(T)                                                                         \
    OUTELEM_LAYOUT(T);                                                                            \
    _Static_assert(offsetof(T, cols) == offsetof(struct parfile_head, cols),                      \
                   #T " must start as struct parfile_head")

/* Is EL a par_asc_file, a par_disk_out or a par_hdf5_out? */
bool parfile_is(const struct gs_element *el);
/* Is EL a file every node of the zone writes (par_hdf5_out), rather than
 * one node's? */
bool parfile_shared(const struct gs_element *el);
/* Sorts the indices. */
void parfile_sort(struct gs_element *el);
/* Notes that a SAVE with index IDX will deliver values (any rank). */
void parfile_register(struct gs_element *el, long idx);
/* Checks that the registered indices are 0 .. n-1, each once (after the
 * zone agreed on reset: parallel/rnet.c). The error names the element and
 * its file. */
enum gs_status parfile_check(struct gs_sim *sim, struct gs_element *el);
/* The error of a wrong set of N indices: INDEX is missing, or (TWICE)
 * used twice. Names the element and its file. */
enum gs_status parfile_index_error(struct gs_sim *sim, struct gs_element *el, long index,
                                   bool twice, long n);
/* Number of columns (registered indices), and the width of the row of
 * values the gather hands over (a shared file's: its columns, of which
 * this node's are some). */
long parfile_ncols(const struct gs_element *el);
long parfile_width(const struct gs_element *el);
/* Writes the values V (in index order) of the output tick at time T. */
enum gs_status parfile_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v);

/* For the classes: the indices, and the hooks they share (a copy starts
 * without indices; the tick does nothing: rows come from the gather). */
struct parfile_cols *parfile_cols(struct gs_element *el);
enum gs_status parfile_copy(struct gs_sim *sim, struct gs_element *dst,
                            const struct gs_element *src);
void parfile_destroy(struct gs_element *el);
enum gs_status parfile_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick);
enum gs_status par_asc_file_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);
enum gs_status par_disk_out_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);

/* par_hdf5_out, for the parallel output: its settings that must be the
 * same on every node (flush_rows, flush, compress); the file's columns
 * (every node's, after the check at reset); node 0 starts the file alone
 * (with every column's PATH and FIELD) unless append finds one; then every
 * node opens it (COMM: the zone's MPI communicator, opaque; LEAD: this node
 * writes the times); is it open; a row (V by index, as the gather hands it
 * over; this node's columns are written); dropping the file unclosed when
 * the other nodes may be gone. */
void par_hdf5_out_settings(const struct gs_element *el, double v[3]);
enum gs_status par_hdf5_out_make(struct gs_sim *sim, struct gs_element *el, double t0,
                                 const char *const *path, const char *const *field);
enum gs_status par_hdf5_out_open(struct gs_sim *sim, struct gs_element *el, const void *comm,
                                 bool lead);
bool par_hdf5_out_is_open(const struct gs_element *el);
enum gs_status par_hdf5_out_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);
void par_hdf5_out_forget(struct gs_element *el);
extern const struct gs_class par_asc_file_class, par_disk_out_class, par_hdf5_out_class;

#endif
