/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * h5table.h: a [row x column] dataset of an HDF5 file read back
 * (hdf5_file.c, the only file with <hdf5.h>; hdf5_none.c without HDF5):
 * hdf5_in plays one into the network. The file is hdf5_out's layout or
 * any like it: the values (a 2-D numeric dataset, read as doubles), the
 * time of each row (the 1-D dataset /time of as many rows, else the
 * dataset's attributes t0 and dt), and each column's identifier (the 1-D
 * integer dataset /columns/index, else 0 .. n-1).
 */
#ifndef GS_H5TABLE_H
#define GS_H5TABLE_H

#include "../core/core.h"

struct h5table {
    long nrows, ncols;
    double *time;  /* NROWS row times, s, ascending */
    long *ids;     /* NCOLS column identifiers */
    void *impl;    /* the open file (hdf5_file.c) */
};

/* Opens DATASET of FILE. Errors name the file and the dataset: a missing
 * or unreadable file, no such dataset, not 2-D or not numeric, no row
 * times, /time or /columns/index of the wrong length. */
enum gs_status h5table_open(struct gs_sim *sim, const char *file, const char *dataset,
                            struct h5table *t);
/* Reads row ROW into V: its NCOLS values, or after h5table_select only
 * the selected columns' values, in their order; false on a read error. */
bool h5table_row(struct h5table *t, long row, double *v);
/* From now on h5table_row reads only the N columns at positions COLS
 * (ascending, each less than NCOLS; N may be 0): hdf5_in reads only the
 * columns its messages use, in a parallel run its own node's cells'. */
void h5table_select(struct h5table *t, const long *cols, long n);
/* Closes the file and frees T's arrays. */
void h5table_close(struct h5table *t);

#endif
