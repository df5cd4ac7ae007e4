/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * h5list.h: 1-D datasets of an HDF5 file read whole, as strings or as
 * numbers (hdf5_file.c, the file with <hdf5.h>; hdf5_none.c without
 * HDF5): the columns of an HDF5 pattern file (models/regions/pattern_h5.c).
 */
#ifndef GS_H5LIST_H
#define GS_H5LIST_H

#include <stddef.h>

#include "../core/core.h"

struct h5list {
    const char *file; /* for the errors */
    void *impl;       /* the open file */
};

/* Opens FILE for reading. Errors: it is not a readable HDF5 file, or
 * gensh was built without HDF5. */
enum gs_status h5list_open(struct gs_sim *sim, const char *file, struct h5list *l);
/* Does the file hold an object called NAME? */
bool h5list_has(struct h5list *l, const char *name);
/*
 * The rows of the 1-D string dataset NAME (fixed or variable length), in
 * *V (*N of them). Ownership: *V and each string are new; the caller
 * frees them. Errors name the file and the dataset: missing, not 1-D, not
 * strings, unreadable.
 */
enum gs_status h5list_strings(struct gs_sim *sim, struct h5list *l, const char *name, char ***v,
                              size_t *n);
/* The rows of the 1-D numeric (integer or floating-point) dataset NAME as
 * doubles, in a new *V (*N of them). Errors as h5list_strings's. */
enum gs_status h5list_numbers(struct gs_sim *sim, struct h5list *l, const char *name, double **v,
                              size_t *n);
void h5list_close(struct h5list *l);

#endif
