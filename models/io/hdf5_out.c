/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hdf5_out.c: the hdf5_out class: asc_file's rows in an HDF5 file. At
 * every tick of its clock it writes one row: the time (dataset /time) and
 * the value of each SAVE message (a row of /data, in message order), the
 * same values asc_file would print, as doubles. Processed last in the
 * schedule (class output), as asc_file, so the row labelled t holds the
 * values after the step that starts at t. The first tick after reset
 * starts the file (unless append is set: then it continues the datasets
 * of an existing file with as many columns) and writes, for every column,
 * the source's path, the field and the index (/columns). The file stays
 * open; rows are written flush_rows at a time (sink.h, hdf5_file.c).
 */
#include <stdlib.h>

#include "../core/core.h"
#include "outelem.h"

enum { MSG_SAVE };

struct hdf5_out {
    struct gs_element el;
    struct outelem out; /* filename, append, flush, is_open, the sink */
    int flush_rows;     /* rows kept before a block is written */
    int compress;       /* deflate level */
    char *units;        /* the values' unit, an attribute of /data */
    int ncols;          /* columns of the file (read-only) */
    int nrows;          /* rows written since reset (read-only) */
};
OUTELEM_LAYOUT(struct hdf5_out);

static const struct gs_field hdf5_out_fields[] = {
    OUTELEM_FIELD(struct hdf5_out, filename, GS_STR, 0u, "HDF5 file to write (default: the element's name)"),
    OUTELEM_FIELD(struct hdf5_out, append, GS_INT, 0u, "1: reset continues the file's datasets instead of starting again"),
    OUTELEM_FIELD(struct hdf5_out, flush, GS_INT, 0u, "1: write every row to the file at once"),
    GS_FIELD(struct hdf5_out, flush_rows, GS_INT, "", "rows kept in memory before a block is written (default 64)"),
    GS_FIELD(struct hdf5_out, compress, GS_INT, "", "deflate level 0-9 of /data (default 1)"),
    GS_FIELD(struct hdf5_out, units, GS_STR, "", "unit of the values (an attribute of /data)"),
    OUTELEM_FIELD(struct hdf5_out, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct hdf5_out, initialize, GS_INT, GS_F_HIDDEN, "1: start the file again at the next tick"),
    GS_FIELD_RO(struct hdf5_out, ncols, GS_INT, "", "value columns of the file"),
    GS_FIELD_RO(struct hdf5_out, nrows, GS_INT, "", "rows written since reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef hdf5_out_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each row (a column of /data)"},
    GS_MSGDEF_END,
};

static enum gs_status
hdf5_out_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    f->out.leave_open = 1; /* opening the file per row would cost more than the row */
    f->flush_rows = 64;
    f->compress = 1;
    return GS_OK;
}

static enum gs_status
hdf5_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    GS_INST(struct hdf5_out, el)->nrows = 0;
    outelem_reset(sim, el);
    /* Every row so far is in the file before the next run starts. */
    return outelem_release(sim, el);
}

static enum gs_status
hdf5_out_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    if (!f->out.sink)
        f->out.sink = sink_hdf5_rows(f->compress, f->flush_rows);
    if (f->out.initialize || !sink_is_open(f->out.sink)) {
        /* The columns: the SAVE messages' sources, fields and order. */
        struct outelem_cols oc = outelem_columns(el, MSG_SAVE);
        struct sink_cols c = {.t0 = tick->t, .dt = tick->dt, .n = oc.n,
                              .path = (const char *const *)oc.path, .field = oc.field,
                              .units = f->units};
        enum gs_status st = outelem_begin(sim, el, &c);
        outelem_columns_free(&oc);
        if (st != GS_OK)
            return GS_ERR;
        f->ncols = (int)c.n;
    }
    /* The values go straight into the block the sink keeps. */
    double *row = sink_row_space(f->out.sink, f->ncols);
    long n = row ? outelem_gather(el, MSG_SAVE, row, f->ncols) : outelem_values(el, MSG_SAVE);
    if (n != f->ncols) {
        char *p = elem_path_str(el);
        gs_error(sim, "hdf5_out '%s' has %ld SAVE messages, but the file '%s' was started with "
                      "%d column%s; reset to start it again", p, n, outelem_name(el), f->ncols,
                 f->ncols == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    sink_row(f->out.sink, tick->t, row ? row : f->out.vals, n);
    f->nrows++;
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, f->out.sink, &sf, tick->t);
}

static enum gs_status
hdf5_out_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                      const struct gs_element *old)
{
    (void)old;
    const struct hdf5_out *f = GS_INST(const struct hdf5_out, new_);
    if (f->compress < 0 || f->compress > 9)
        return gs_error(sim, "compress must be a deflate level from 0 to 9, got %d", f->compress);
    if (f->flush_rows < 1)
        return gs_error(sim, "flush_rows must be at least 1, got %d", f->flush_rows);
    return GS_OK;
}

static const struct gs_named_action hdf5_out_extra[] = {
    {"FLUSH", "", outelem_flush_action},
    {"SAVE", "", outelem_save_action},
    GS_ACTION_END,
};

const struct gs_class hdf5_out_class = {
    .name = "hdf5_out",
    .classes = "output",
    .desc = "writes the time and the SAVE message values as one row of an HDF5 dataset per tick",
    .size = sizeof(struct hdf5_out),
    .fields = hdf5_out_fields,
    .msgs = hdf5_out_msgs,
    .extra = hdf5_out_extra,
    .create = hdf5_out_create,
    .copy = outelem_copy,
    .destroy = outelem_destroy,
    .reset = hdf5_out_reset,
    .process = hdf5_out_process,
    .check_fields = hdf5_out_check_fields,
    .field_set = outelem_field_set,
};
