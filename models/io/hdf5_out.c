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
#include <string.h>

#include "../core/core.h"
#include "outfile.h"
#include "sink.h"

enum { MSG_SAVE };

struct hdf5_out {
    struct gs_element el;
    char *filename;    /* default: the element's name */
    int append;        /* reset continues the file */
    int flush;         /* write every row at once */
    int flush_rows;    /* rows kept before a block is written */
    int compress;      /* deflate level */
    char *units;       /* the values' unit, an attribute of /data */
    int is_open;
    int initialize;    /* start the file at the next tick (set by reset) */
    int ncols;         /* columns of the file (read-only) */
    int nrows;         /* rows written since reset (read-only) */
    struct sink *sink; /* not a field */
    double *vals;      /* not a field: the row */
    int capvals;
};

static const struct gs_field hdf5_out_fields[] = {
    GS_FIELD(struct hdf5_out, filename, GS_STR, "", "HDF5 file to write (default: the element's name)"),
    GS_FIELD(struct hdf5_out, append, GS_INT, "", "1: reset continues the file's datasets instead of starting again"),
    GS_FIELD(struct hdf5_out, flush, GS_INT, "", "1: write every row to the file at once"),
    GS_FIELD(struct hdf5_out, flush_rows, GS_INT, "", "rows kept in memory before a block is written (default 64)"),
    GS_FIELD(struct hdf5_out, compress, GS_INT, "", "deflate level 0-9 of /data (default 1)"),
    GS_FIELD(struct hdf5_out, units, GS_STR, "", "unit of the values (an attribute of /data)"),
    GS_FIELD_RO(struct hdf5_out, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_F(struct hdf5_out, initialize, GS_INT, GS_F_HIDDEN, "", "1: start the file again at the next tick"),
    GS_FIELD_RO(struct hdf5_out, ncols, GS_INT, "", "value columns of the file"),
    GS_FIELD_RO(struct hdf5_out, nrows, GS_INT, "", "rows written since reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef hdf5_out_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each row (a column of /data)"},
    GS_MSGDEF_END,
};

static const char *
file_name(const struct hdf5_out *f)
{
    return outfile_name(f->filename, &f->el);
}

static struct sink_file
sfile(struct hdf5_out *f)
{
    if (!f->sink)
        f->sink = sink_hdf5_rows(f->compress, f->flush_rows);
    return (struct sink_file){file_name(f), 1, f->flush, &f->is_open};
}

static int
count_saves(const struct gs_element *el)
{
    int n = 0;
    for (int i = 0; i < el->nin; i++)
        n += el->in[i]->type == MSG_SAVE;
    return n;
}

static enum gs_status
hdf5_out_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    f->flush_rows = 64;
    f->compress = 1;
    return GS_OK;
}

static enum gs_status
hdf5_out_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct hdf5_out *f = GS_INST(struct hdf5_out, dst);
    f->sink = NULL;
    f->is_open = 0;
    f->vals = NULL;
    f->capvals = 0;
    return GS_OK;
}

static void
hdf5_out_destroy(struct gs_element *el)
{
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    struct sink_file sf = sfile(f);
    sink_free(f->sink, &sf);
    f->sink = NULL;
    free(f->vals);
    f->vals = NULL;
}

static enum gs_status
close_file(struct gs_sim *sim, struct hdf5_out *f)
{
    struct sink_file sf = sfile(f);
    enum gs_status st = sink_close(sim, f->sink, &sf);
    /* The next file may be written with other settings. */
    sink_free(f->sink, &sf);
    f->sink = NULL;
    return st;
}

static enum gs_status
hdf5_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    f->nrows = 0;
    if (!f->append)
        f->initialize = 1;
    /* Every row so far is in the file before the next run starts. */
    return close_file(sim, f);
}

/* The columns: the SAVE messages' sources, fields and order. */
static struct sink_cols
columns(struct hdf5_out *f, const struct gs_tick *tick, char ***paths, const char ***fields)
{
    const struct gs_element *el = &f->el;
    int n = count_saves(el);
    *paths = xcalloc((size_t)n + 1, sizeof **paths);
    *fields = xcalloc((size_t)n + 1, sizeof **fields);
    for (int i = 0, k = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type != MSG_SAVE)
            continue;
        (*paths)[k] = elem_path_str(m->src);
        (*fields)[k++] = m->nslots > 0 && m->slot[0].text ? m->slot[0].text : "";
    }
    return (struct sink_cols){.t0 = tick->t, .dt = tick->dt, .n = n,
                              .path = (const char *const *)*paths, .field = *fields,
                              .units = f->units};
}

static void
free_columns(char **paths, const char **fields, long n)
{
    for (long i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    free(fields);
}

static enum gs_status
hdf5_out_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    struct sink_file sf = sfile(f);
    if (f->initialize || !sink_is_open(f->sink)) {
        char **paths;
        const char **fields;
        struct sink_cols c = columns(f, tick, &paths, &fields);
        enum gs_status st = f->initialize ? sink_start(sim, f->sink, &sf, &c)
                                          : sink_open(sim, f->sink, &sf, &c);
        free_columns(paths, fields, c.n);
        if (st != GS_OK)
            return GS_ERR;
        f->initialize = 0;
        f->ncols = (int)c.n;
    }
    int n = count_saves(el);
    if (n != f->ncols) {
        char *p = elem_path_str(el);
        gs_error(sim, "hdf5_out '%s' has %d SAVE messages, but the file '%s' was started with "
                      "%d column%s; reset to start it again", p, n, file_name(f), f->ncols,
                 f->ncols == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    if (n > f->capvals) {
        f->capvals = n;
        f->vals = xreallocarray(f->vals, (size_t)n, sizeof *f->vals);
    }
    for (int i = 0, k = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_SAVE)
            f->vals[k++] = msg_val(el->in[i], 0);
    sink_row(f->sink, tick->t, f->vals, n);
    f->nrows++;
    return sink_done(sim, f->sink, &sf, tick->t);
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

static void
hdf5_out_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    /* A new name or new settings take effect now: the file is closed. */
    if (strcmp(fd->name, "filename") == 0 || strcmp(fd->name, "compress") == 0
        || strcmp(fd->name, "flush_rows") == 0)
        if (close_file(sim, f) != GS_OK)
            gs_diag_clear(sim);
}

static enum gs_status
hdf5_out_flush(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct hdf5_out *f = GS_INST(struct hdf5_out, el);
    struct sink_file sf = sfile(f);
    return sink_flush(sim, f->sink, &sf);
}

/* GENESIS's SAVE action: close the file (the next tick opens it again and
 * continues it). */
static enum gs_status
hdf5_out_save(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    return close_file(sim, GS_INST(struct hdf5_out, el));
}

static const struct gs_named_action hdf5_out_extra[] = {
    {"FLUSH", "", hdf5_out_flush},
    {"SAVE", "", hdf5_out_save},
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
    .copy = hdf5_out_copy,
    .destroy = hdf5_out_destroy,
    .reset = hdf5_out_reset,
    .process = hdf5_out_process,
    .check_fields = hdf5_out_check_fields,
    .field_set = hdf5_out_field_set,
};
