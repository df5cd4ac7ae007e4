/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_disk_out.c: the par_disk_out class (PGENESIS): disk_out's FMT1
 * binary file (fmt1.h) on the output rank, fed by SAVE messages from any
 * rank (raddmsg ... SAVE index field) and written in the order of their
 * indices. The columns, their check at reset and the gather of each
 * tick's values are par_asc_file's (parfile.h, parallel/parout.c); this
 * file only writes what the gather hands over. The first tick after reset
 * writes the header: that tick's time, the element's clock interval, the
 * number of columns and, for each, the coordinates 0 0 0 (PGENESIS's
 * messages arrive from its postmaster element, at the origin); then every
 * tick one frame of floats. The frame of the tick at t holds the values
 * at t, as par_asc_file's row does.
 */
#include <stdlib.h>

#include "../core/core.h"
#include "parfile.h"

struct par_disk_out {
    struct gs_element el;
    struct outelem out;       /* filename, leave_open, append, flush, is_open, the sink */
    struct parfile_cols cols; /* the SAVE indices */
    int ndata;                /* values per frame in the header */
};
PARFILE_LAYOUT(struct par_disk_out);

static const struct gs_field par_disk_out_fields[] = {
    OUTELEM_FIELD(struct par_disk_out, filename, GS_STR, 0u,
                  "file to write (default: the element's name)"),
    OUTELEM_FIELD(struct par_disk_out, leave_open, GS_INT, 0u, "1: keep the file open between frames"),
    OUTELEM_FIELD(struct par_disk_out, append, GS_INT, 0u,
                  "1: reset appends frames instead of a new file"),
    OUTELEM_FIELD(struct par_disk_out, flush, GS_INT, 0u, "1: flush every frame to the disk"),
    OUTELEM_FIELD(struct par_disk_out, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct par_disk_out, initialize, GS_INT, GS_F_HIDDEN,
                  "1: write a new header at the next tick (set by reset)"),
    GS_FIELD_RO(struct par_disk_out, ndata, GS_INT, "", "values per frame in the file's header"),
    {"ncols", GS_INT, offsetof(struct par_disk_out, cols.ncols), sizeof(int), "", GS_F_RO,
     "value columns (SAVE indices registered)"},
    GS_FIELD_END,
};

static const struct gs_msgdef par_disk_out_msgs[] = {
    GS_MSGDEF_END,
};

enum gs_status
par_disk_out_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    struct par_disk_out *f = GS_INST(struct par_disk_out, el);
    long n = f->cols.nidx;
    if (!f->out.sink)
        f->out.sink = sink_fmt1();
    if (f->out.initialize) {
        /* PGENESIS's messages come from its postmaster, at the origin. */
        struct sink_cols c = {.t0 = t, .dt = el->model->clock[el->clock], .n = n};
        if (outelem_begin(sim, el, &c) != GS_OK)
            return GS_ERR;
        f->ndata = (int)n;
    }
    if (n != f->ndata) {
        char *p = elem_path_str(el);
        gs_error(sim, "par_disk_out '%s' has %ld SAVE messages, but the file '%s' was started "
                      "with %d value%s per frame; reset to start it again", p, n, outelem_name(el),
                 f->ndata, f->ndata == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    if (outelem_begin(sim, el, NULL) != GS_OK)
        return GS_ERR;
    sink_row(f->out.sink, t, v, n);
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, f->out.sink, &sf, t);
}

static const struct gs_named_action par_disk_out_extra[] = {
    {"SAVE", "", outelem_save_action},
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
    .copy = parfile_copy,
    .destroy = parfile_destroy,
    .process = parfile_step,
    .reset = outelem_reset,
    .field_set = outelem_field_set,
};
