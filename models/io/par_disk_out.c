/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_disk_out.c: the par_disk_out class (PGENESIS): disk_out's FMT1
 * binary file (fmt1.h) on the output rank, fed by SAVE messages from any
 * rank (raddmsg ... SAVE index field) and written in the order of their
 * indices. The columns, their check at reset and the gather of each
 * tick's values are par_asc_file's (parfile.h, parallel/rnet.c); this
 * file only writes what the gather hands over. The first tick after reset
 * writes the header: that tick's time, the element's clock interval, the
 * number of columns and, for each, the coordinates 0 0 0 (PGENESIS's
 * messages arrive from its postmaster element, at the origin); then every
 * tick one frame of floats. The frame of the tick at t holds the values
 * at t, as par_asc_file's row does.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "outfile.h"
#include "parfile.h"
#include "sink.h"

struct par_disk_out {
    struct gs_element el;
    struct parfile_cols cols; /* the SAVE indices (parfile.h: right after the element) */
    char *filename;           /* default: the element's name */
    int leave_open;
    int append;
    int flush;
    int is_open;
    int initialize;           /* write the header at the next tick (set by reset) */
    int ndata;                /* values per frame in the header */
    struct sink *sink;        /* the file (FMT1 frames) */
};

_Static_assert(offsetof(struct par_disk_out, cols) == offsetof(struct parfile_head, cols),
               "par_disk_out must start as struct parfile_head");

static const struct gs_field par_disk_out_fields[] = {
    GS_FIELD(struct par_disk_out, filename, GS_STR, "",
             "file to write (default: the element's name)"),
    GS_FIELD(struct par_disk_out, leave_open, GS_INT, "", "1: keep the file open between frames"),
    GS_FIELD(struct par_disk_out, append, GS_INT, "",
             "1: reset appends frames instead of a new file"),
    GS_FIELD(struct par_disk_out, flush, GS_INT, "", "1: flush every frame to the disk"),
    GS_FIELD_RO(struct par_disk_out, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_F(struct par_disk_out, initialize, GS_INT, GS_F_HIDDEN, "",
               "1: write a new header at the next tick (set by reset)"),
    GS_FIELD_RO(struct par_disk_out, ndata, GS_INT, "", "values per frame in the file's header"),
    {"ncols", GS_INT, offsetof(struct par_disk_out, cols.ncols), sizeof(int), "", GS_F_RO,
     "value columns (SAVE indices registered)"},
    GS_FIELD_END,
};

static const struct gs_msgdef par_disk_out_msgs[] = {
    GS_MSGDEF_END,
};

static const char *
file_name(const struct par_disk_out *f)
{
    return outfile_name(f->filename, &f->el);
}

const char *
par_disk_out_name(const struct gs_element *el)
{
    return file_name(GS_INST(const struct par_disk_out, el));
}

static struct sink_file
sfile(struct par_disk_out *f)
{
    if (!f->sink)
        f->sink = sink_fmt1();
    return (struct sink_file){file_name(f), f->leave_open, f->flush, &f->is_open};
}

static enum gs_status
close_file(struct gs_sim *sim, struct par_disk_out *f)
{
    struct sink_file sf = sfile(f);
    return sink_close(sim, f->sink, &sf);
}

static enum gs_status
par_disk_out_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct par_disk_out *f = GS_INST(struct par_disk_out, dst);
    f->sink = NULL;
    f->is_open = 0;
    parfile_cols_clear(&f->cols);
    return GS_OK;
}

static void
par_disk_out_destroy(struct gs_element *el)
{
    struct par_disk_out *f = GS_INST(struct par_disk_out, el);
    struct sink_file sf = sfile(f);
    sink_free(f->sink, &sf);
    f->sink = NULL;
    parfile_cols_free(&f->cols);
}

static enum gs_status
par_disk_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct par_disk_out *f = GS_INST(struct par_disk_out, el);
    if (!f->append)
        f->initialize = 1;
    return GS_OK;
}

enum gs_status
par_disk_out_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    struct par_disk_out *f = GS_INST(struct par_disk_out, el);
    long n = f->cols.nidx;
    struct sink_file sf = sfile(f);
    if (f->initialize) {
        /* PGENESIS's messages come from its postmaster, at the origin. */
        struct sink_cols c = {.t0 = t, .dt = el->model->clock[el->clock], .n = n};
        if (sink_start(sim, f->sink, &sf, &c) != GS_OK)
            return GS_ERR;
        f->ndata = (int)n;
        f->initialize = 0;
    }
    if (n != f->ndata) {
        char *p = elem_path_str(el);
        gs_error(sim, "par_disk_out '%s' has %ld SAVE messages, but the file '%s' was started "
                      "with %d value%s per frame; reset to start it again", p, n, file_name(f),
                 f->ndata, f->ndata == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    if (sink_open(sim, f->sink, &sf, NULL) != GS_OK)
        return GS_ERR;
    sink_row(f->sink, t, v, n);
    return sink_done(sim, f->sink, &sf, t);
}

static enum gs_status
par_disk_out_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    /* The frames come from the output gather (parallel/rnet.c). */
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static void
par_disk_out_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    struct par_disk_out *f = GS_INST(struct par_disk_out, el);
    if (strcmp(fd->name, "filename") == 0
        || (strcmp(fd->name, "leave_open") == 0 && !f->leave_open))
        if (close_file(sim, f) != GS_OK)
            gs_diag_clear(sim);
}

static enum gs_status
par_disk_out_save(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    return close_file(sim, GS_INST(struct par_disk_out, el));
}

static const struct gs_named_action par_disk_out_extra[] = {
    {"SAVE", "", par_disk_out_save},
    GS_ACTION_END,
};

const struct gs_class par_disk_out_class = {
    .name = "par_disk_out",
    .classes = "output",
    .desc = "FMT1 binary file on the output rank: SAVE values from every rank, in index order",
    .size = sizeof(struct par_disk_out),
    .fields = par_disk_out_fields,
    .msgs = par_disk_out_msgs,
    .extra = par_disk_out_extra,
    .copy = par_disk_out_copy,
    .destroy = par_disk_out_destroy,
    .process = par_disk_out_step,
    .reset = par_disk_out_reset,
    .field_set = par_disk_out_field_set,
};
