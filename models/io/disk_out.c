/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * disk_out.c: the disk_out class: writes GENESIS's FMT1 binary file
 * (fmt1.h): at the first tick of its clock after reset the header (the
 * time of that tick, the clock's interval, the number of SAVE messages and
 * the x, y, z of each message's source), then at every tick one frame of
 * floats, one per SAVE message in message order. Processed last in the
 * schedule (class output), as asc_file, so the frame of a tick at t holds
 * the values after the step that starts at t. reset starts the file again
 * at the next tick unless append is set; leave_open keeps it open between
 * frames; flush flushes every frame (the file's life: outelem.h). A SAVE
 * message added or deleted after the header was written would shift every
 * later frame: the step fails instead, until a reset writes a new header.
 */
#include <stdlib.h>

#include "../core/core.h"
#include "outelem.h"

enum { MSG_SAVE };

struct disk_out {
    struct gs_element el;
    struct outelem out; /* filename, leave_open, append, flush, is_open, the sink */
    int ndata;          /* values per frame, as the header says */
};
OUTELEM_LAYOUT(struct disk_out);

static const struct gs_field disk_out_fields[] = {
    OUTELEM_FIELD(struct disk_out, filename, GS_STR, 0u, "file to write (default: the element's name)"),
    OUTELEM_FIELD(struct disk_out, leave_open, GS_INT, 0u, "1: keep the file open between frames"),
    OUTELEM_FIELD(struct disk_out, append, GS_INT, 0u, "1: reset appends frames instead of a new file"),
    OUTELEM_FIELD(struct disk_out, flush, GS_INT, 0u, "1: flush every frame to the disk"),
    OUTELEM_FIELD(struct disk_out, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct disk_out, initialize, GS_INT, GS_F_HIDDEN,
                  "1: write a new header at the next tick (set by reset)"),
    GS_FIELD_RO(struct disk_out, ndata, GS_INT, "", "values per frame in the file's header"),
    GS_FIELD_END,
};

static const struct gs_msgdef disk_out_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each frame (as a float)"},
    GS_MSGDEF_END,
};

static enum gs_status
disk_out_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct disk_out *f = GS_INST(struct disk_out, el);
    if (!f->out.sink)
        f->out.sink = sink_fmt1();
    if (f->out.initialize) {
        /* A new file with its header (GENESIS's SetupFile). */
        struct outelem_cols oc = outelem_columns(el, MSG_SAVE);
        struct sink_cols c = {.t0 = tick->t, .dt = tick->dt, .n = oc.n, .xyz = oc.xyz};
        enum gs_status st = outelem_begin(sim, el, &c);
        outelem_columns_free(&oc);
        if (st != GS_OK)
            return GS_ERR;
        f->ndata = (int)c.n;
    }
    long n = outelem_count(el, MSG_SAVE);
    if (n != f->ndata) {
        char *p = elem_path_str(el);
        gs_error(sim, "disk_out '%s' has %ld SAVE messages, but the file '%s' was started with "
                      "%d value%s per frame; reset to start it again", p, n, outelem_name(el),
                 f->ndata, f->ndata == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    if (outelem_begin(sim, el, NULL) != GS_OK)
        return GS_ERR;
    outelem_values(el, MSG_SAVE);
    sink_row(f->out.sink, tick->t, f->out.vals, n);
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, f->out.sink, &sf, tick->t);
}

static const struct gs_named_action disk_out_extra[] = {
    {"SAVE", "", outelem_save_action},
    {"FLUSH", "", outelem_flush_action},
    GS_ACTION_END,
};

const struct gs_class disk_out_class = {
    .name = "disk_out",
    .classes = "output",
    .desc = "writes the SAVE message values as float frames of a binary FMT1 file, one per tick",
    .size = sizeof(struct disk_out),
    .fields = disk_out_fields,
    .msgs = disk_out_msgs,
    .extra = disk_out_extra,
    .copy = outelem_copy,
    .destroy = outelem_destroy,
    .reset = outelem_reset,
    .process = disk_out_process,
    .field_set = outelem_field_set,
};
