/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * outelem.h: what every output element has (asc_file, disk_out,
 * spikehistory, hdf5_out, sonata_out, par_asc_file, par_disk_out,
 * par_hdf5_out): a file name, the file settings GENESIS gives them
 * (leave_open, append, flush), the sink that writes the file (sink.h), and
 * the row of SAVE values gathered at each tick. Each class's instance
 * starts with the element and then struct outelem (OUTELEM_LAYOUT checks
 * it), so the copy, destroy, reset, field_set, FLUSH and SAVE of every
 * output class are the ones here; a class adds only what is its own (the
 * kind of sink, what a row holds, its extra fields).
 *
 * The file's life, driven from the class's tick:
 *
 *     reset             initialize = 1 unless append
 *     outelem_begin     a new file (initialize) or open for appending
 *     sink_row/spike    the tick's values
 *     sink_done         flush if asked, close unless leave_open
 */
#ifndef GS_OUTELEM_H
#define GS_OUTELEM_H

#include <stddef.h>

#include "../core/core.h"
#include "sink.h"

struct outelem {
    char *filename;     /* the file (default: the element's name) */
    int leave_open;     /* keep the file open between ticks */
    int append;         /* reset continues the file instead of starting it again */
    int flush;          /* flush after every tick */
    int is_open;        /* the file is open now (read-only) */
    int initialize;     /* start the file at the next tick (set by reset) */
    struct sink *sink;  /* not a field: the file, made by the class at its first use */
    double *vals;       /* not a field: the tick's values (outelem_values) */
    long capvals;
    struct outelem_plan *plan; /* not a field: how the values are gathered (outelem.c) */
};

struct outelem_head {
    struct gs_element el;
    struct outelem out;
};

/* Put after a class's struct: it must start as struct outelem_head. */
#define OUTELEM_LAYOUT(T)                                                                         \
    _Static_assert(offsetof(T, out) == offsetof(struct outelem_head, out),                        \
                   #T " must start with the element and struct outelem")

/* A field of the head in a class's field table: OUTELEM_FIELD(struct
 * asc_file, filename, GS_STR, 0u, "file to write"). */
#define OUTELEM_FIELD(T, m, type, flags, desc)                                                    \
    {#m, type, offsetof(T, out.m), sizeof(((T *)0)->out.m), "", flags, desc}

struct outelem *outelem(struct gs_element *el);
/* The file: the filename field, or the element's name when it is empty. */
const char *outelem_name(const struct gs_element *el);
/* The sink's view of the element's fields (sink.h). */
struct sink_file outelem_file(struct gs_element *el);

/* Starts the file when reset asked for it (C: its header; the sink must
 * exist), else opens it for appending unless it is open. */
enum gs_status outelem_begin(struct gs_sim *sim, struct gs_element *el,
                             const struct sink_cols *c);
/* Closes the file if it is open (errors reported). */
enum gs_status outelem_close(struct gs_sim *sim, struct gs_element *el);
/* Closes the file and frees the sink: the next file is made with the
 * element's settings of then (HDF5's compression, block size). */
enum gs_status outelem_release(struct gs_sim *sim, struct gs_element *el);

/* The values of EL's messages of type TYPE (first slot), in message order,
 * into the head's row; returns how many. */
long outelem_values(struct gs_element *el, int type);
/* The same values into DST, which has room for MAX: returns how many
 * messages there are, and writes nothing when that is more than MAX. */
long outelem_gather(struct gs_element *el, int type, double *dst, long max);
/* How many messages of type TYPE EL has. */
long outelem_count(const struct gs_element *el, int type);

/* The columns of a new file: the sources of EL's messages of type TYPE,
 * their first slot's text (the field) and coordinates, in message order.
 * Free with outelem_columns_free. */
struct outelem_cols {
    long n;
    char **path;
    const char **field;
    float *xyz;
};
struct outelem_cols outelem_columns(const struct gs_element *el, int type);
void outelem_columns_free(struct outelem_cols *c);

/* The class hooks every output class shares. */
enum gs_status outelem_copy(struct gs_sim *sim, struct gs_element *dst,
                            const struct gs_element *src);
void outelem_destroy(struct gs_element *el);
enum gs_status outelem_reset(struct gs_sim *sim, struct gs_element *el);
/* A new file name, leave_open 0 or new sink settings (compress,
 * flush_rows, flush_spikes) take effect now: the file is closed. */
void outelem_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd);
/* FLUSH: writes what is kept; SAVE (GENESIS): closes the file, which the
 * next tick opens again and continues. */
enum gs_status outelem_flush_action(struct gs_sim *sim, struct gs_element *el, int argc,
                                    const char *const *argv);
enum gs_status outelem_save_action(struct gs_sim *sim, struct gs_element *el, int argc,
                                   const char *const *argv);

#endif
