/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_hdf5_out.c: the par_hdf5_out class: hdf5_out's file (/data [row x
 * column], /time, /columns, attributes) written by every node of a zone
 * at once, through MPI-IO (parallel HDF5). Every node creates the element
 * (same path, same settings); SAVE messages come with an index, as to a
 * par_asc_file (raddmsg SRC /out@NODE SAVE index field), and each node
 * writes the columns whose messages name it: sent to the sender's own
 * node (@{mynode}) no value travels. At reset (after the zone agreed on
 * it) the indices of all nodes must be 0 .. n-1, each once, and the
 * nodes' settings the same (parallel/parout.c checks it). At the first
 * output tick node 0 starts the file alone with every column's source
 * and field (unless append finds one to continue), then every node opens
 * it and, at every tick, keeps its columns' values; every flush_rows rows
 * the nodes write their parts of the block in one collective write. The
 * row labelled t holds the values at t, as par_asc_file's does.
 */
#include <stdlib.h>
#include <unistd.h>

#include "../core/core.h"
#include "parfile.h"

struct par_hdf5_out {
    struct gs_element el;
    struct outelem out;       /* filename, append, flush, is_open, the sink */
    struct parfile_cols cols; /* the SAVE indices that name this node */
    int flush_rows;           /* rows kept before a block is written */
    int compress;             /* deflate level of /data */
    char *units;              /* the values' unit, an attribute of /data */
    int nrows;                /* rows written since reset */
};
PARFILE_LAYOUT(struct par_hdf5_out);

static const struct gs_field par_hdf5_out_fields[] = {
    OUTELEM_FIELD(struct par_hdf5_out, filename, GS_STR, 0u, "HDF5 file to write (default: the element's name)"),
    OUTELEM_FIELD(struct par_hdf5_out, append, GS_INT, 0u, "1: reset continues the file's datasets instead of starting again"),
    OUTELEM_FIELD(struct par_hdf5_out, flush, GS_INT, 0u, "1: write every row to the file at once"),
    GS_FIELD(struct par_hdf5_out, flush_rows, GS_INT, "", "rows kept in memory before a block is written (default 64)"),
    GS_FIELD(struct par_hdf5_out, compress, GS_INT, "", "deflate level 0-9 of /data (default 1)"),
    GS_FIELD(struct par_hdf5_out, units, GS_STR, "", "unit of the values (an attribute of /data)"),
    OUTELEM_FIELD(struct par_hdf5_out, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct par_hdf5_out, initialize, GS_INT, GS_F_HIDDEN, "1: start the file again at the next tick"),
    {"ncols", GS_INT, offsetof(struct par_hdf5_out, cols.ncols), sizeof(int), "", GS_F_RO,
     "columns this node writes (SAVE indices that name it)"},
    {"nfile", GS_INT, offsetof(struct par_hdf5_out, cols.nfile), sizeof(int), "", GS_F_RO,
     "columns of the file (every node's, set at reset)"},
    GS_FIELD_RO(struct par_hdf5_out, nrows, GS_INT, "", "rows written since reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef par_hdf5_out_msgs[] = {
    GS_MSGDEF_END,
};

static enum gs_status
par_hdf5_out_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct par_hdf5_out *f = GS_INST(struct par_hdf5_out, el);
    f->out.leave_open = 1;
    f->flush_rows = 64;
    f->compress = 1;
    return GS_OK;
}

/* Every row so far is in the file before the next run starts (every node
 * resets, so the close is collective). */
static enum gs_status
par_hdf5_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    GS_INST(struct par_hdf5_out, el)->nrows = 0;
    outelem_reset(sim, el);
    return outelem_release(sim, el);
}

void
par_hdf5_out_settings(const struct gs_element *el, double v[3])
{
    const struct par_hdf5_out *f = GS_INST(const struct par_hdf5_out, el);
    v[0] = f->flush_rows;
    v[1] = f->out.flush;
    v[2] = f->compress;
}

bool
par_hdf5_out_is_open(const struct gs_element *el)
{
    const struct par_hdf5_out *f = GS_INST(const struct par_hdf5_out, el);
    return !f->out.initialize && sink_is_open(f->out.sink);
}

enum gs_status
par_hdf5_out_make(struct gs_sim *sim, struct gs_element *el, double t0,
                  const char *const *path, const char *const *field)
{
    struct par_hdf5_out *f = GS_INST(struct par_hdf5_out, el);
    if (!f->out.initialize && access(outelem_name(el), F_OK) == 0)
        return GS_OK; /* append: the nodes open it and check its columns */
    struct sink *s = sink_hdf5_rows(f->compress, f->flush_rows);
    struct sink_file sf = outelem_file(el);
    sf.is_open = NULL;
    struct sink_cols c = {.t0 = t0, .dt = el->model->clock[el->clock], .n = f->cols.nfile,
                          .path = path, .field = field, .units = f->units, .shared = true};
    enum gs_status st = sink_start(sim, s, &sf, &c);
    if (st == GS_OK)
        st = sink_close(sim, s, &sf);
    sink_free(s, &sf);
    return st;
}

enum gs_status
par_hdf5_out_open(struct gs_sim *sim, struct gs_element *el, const void *comm, bool lead)
{
    struct par_hdf5_out *f = GS_INST(struct par_hdf5_out, el);
    outelem_release(sim, el);
    f->out.sink = sink_hdf5_shared(f->flush_rows, comm, lead, f->cols.idx, f->cols.nidx);
    f->out.initialize = 0;
    struct sink_cols c = {.n = f->cols.nfile};
    return outelem_begin(sim, el, &c);
}

enum gs_status
par_hdf5_out_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    struct par_hdf5_out *f = GS_INST(struct par_hdf5_out, el);
    struct outelem *o = &f->out;
    if (f->cols.nidx > o->capvals) {
        o->capvals = f->cols.nidx;
        o->vals = xreallocarray(o->vals, (size_t)o->capvals, sizeof *o->vals);
    }
    for (long k = 0; k < f->cols.nidx; k++)
        o->vals[k] = v[f->cols.idx[k]];
    sink_row(o->sink, t, o->vals, f->cols.nidx);
    f->nrows++;
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, o->sink, &sf, t);
}

void
par_hdf5_out_forget(struct gs_element *el)
{
    struct outelem *o = outelem(el);
    if (o->sink)
        sink_hdf5_forget(o->sink);
}

static enum gs_status
par_hdf5_out_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                          const struct gs_element *old)
{
    (void)old;
    const struct par_hdf5_out *f = GS_INST(const struct par_hdf5_out, new_);
    if (f->compress < 0 || f->compress > 9)
        return gs_error(sim, "compress must be a deflate level from 0 to 9, got %d", f->compress);
    if (f->flush_rows < 1)
        return gs_error(sim, "flush_rows must be at least 1, got %d", f->flush_rows);
    return GS_OK;
}

const struct gs_class par_hdf5_out_class = {
    .name = "par_hdf5_out",
    .classes = "output",
    .desc = "HDF5 file written by every node at once: each node's SAVE columns, in index order",
    .size = sizeof(struct par_hdf5_out),
    .fields = par_hdf5_out_fields,
    .msgs = par_hdf5_out_msgs,
    .create = par_hdf5_out_create,
    .copy = parfile_copy,
    .destroy = parfile_destroy,
    .process = parfile_step,
    .reset = par_hdf5_out_reset,
    .check_fields = par_hdf5_out_check_fields,
    .field_set = outelem_field_set,
};
