/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sink_int.h: what a kind of sink implements (sink.h drives it): text
 * kinds in sink_text.c, HDF5 kinds in hdf5_file.c.
 */
#ifndef GS_SINK_INT_H
#define GS_SINK_INT_H

#include "sink.h"

struct sink_ops {
    /* A new, truncated file named NAME with its header. */
    enum gs_status (*start)(struct gs_sim *sim, struct sink *s, const char *name,
                            const struct sink_cols *c);
    /* Opens NAME for appending (C: the element's columns, or NULL). */
    enum gs_status (*open)(struct gs_sim *sim, struct sink *s, const char *name,
                           const struct sink_cols *c);
    /* Room for the next row's N values (sink_row_space), or NULL if the
     * kind keeps none (optional). */
    double *(*space)(struct sink *s, long n);
    void (*row)(struct sink *s, double t, const double *v, long n);
    void (*spike)(struct sink *s, long index, const struct gs_element *src, double t);
    /* Pushes what is buffered (to the disk if HARD); false on a write
     * error, with errno set where it says why. */
    bool (*sync)(struct sink *s, bool hard);
    /* Closes; false on a write error. */
    bool (*close)(struct sink *s);
    void (*free)(struct sink *s);
};

struct sink {
    const struct sink_ops *ops;
    bool open;
    long rows;   /* rows written since the file was opened or started */
};

#endif
