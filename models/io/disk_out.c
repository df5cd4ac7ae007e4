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
 * frames; flush flushes every frame. A SAVE message added or deleted after
 * the header was written would shift every later frame: the step fails
 * instead, until a reset writes a new header.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "outfile.h"
#include "sink.h"

enum { MSG_SAVE };

struct disk_out {
    struct gs_element el;
    char *filename;  /* default: the element's name */
    int leave_open;
    int append;
    int flush;
    int is_open;
    int initialize;  /* write the header at the next tick (set by reset) */
    int ndata;       /* values per frame, as the header says */
    struct sink *sink; /* not a field: the file (FMT1 frames) */
    double *vals;      /* not a field: the frame's values */
    int capvals;
};

static const struct gs_field disk_out_fields[] = {
    GS_FIELD(struct disk_out, filename, GS_STR, "", "file to write (default: the element's name)"),
    GS_FIELD(struct disk_out, leave_open, GS_INT, "", "1: keep the file open between frames"),
    GS_FIELD(struct disk_out, append, GS_INT, "", "1: reset appends frames instead of a new file"),
    GS_FIELD(struct disk_out, flush, GS_INT, "", "1: flush every frame to the disk"),
    GS_FIELD_RO(struct disk_out, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_F(struct disk_out, initialize, GS_INT, GS_F_HIDDEN, "",
               "1: write a new header at the next tick (set by reset)"),
    GS_FIELD_RO(struct disk_out, ndata, GS_INT, "", "values per frame in the file's header"),
    GS_FIELD_END,
};

static const struct gs_msgdef disk_out_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each frame (as a float)"},
    GS_MSGDEF_END,
};

static const char *
file_name(const struct disk_out *f)
{
    return outfile_name(f->filename, &f->el);
}

static struct sink_file
sfile(struct disk_out *f)
{
    if (!f->sink)
        f->sink = sink_fmt1();
    return (struct sink_file){file_name(f), f->leave_open, f->flush, &f->is_open};
}

static enum gs_status
close_file(struct gs_sim *sim, struct disk_out *f)
{
    struct sink_file sf = sfile(f);
    return sink_close(sim, f->sink, &sf);
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
disk_out_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct disk_out *f = GS_INST(struct disk_out, dst);
    f->sink = NULL;
    f->is_open = 0;
    f->vals = NULL;
    f->capvals = 0;
    return GS_OK;
}

static void
disk_out_destroy(struct gs_element *el)
{
    struct disk_out *f = GS_INST(struct disk_out, el);
    struct sink_file sf = sfile(f);
    sink_free(f->sink, &sf);
    f->sink = NULL;
    free(f->vals);
    f->vals = NULL;
}

static enum gs_status
disk_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct disk_out *f = GS_INST(struct disk_out, el);
    if (!f->append)
        f->initialize = 1;
    return GS_OK;
}

/* A new file with its header (GENESIS's SetupFile). */
static enum gs_status
setup_file(struct gs_sim *sim, struct disk_out *f, const struct gs_tick *tick)
{
    const struct gs_element *el = &f->el;
    int n = count_saves(el);
    float *xyz = xcalloc(3 * (size_t)n + 1, sizeof *xyz);
    for (int i = 0, k = 0; i < el->nin; i++) {
        const struct gs_element *src = el->in[i]->src;
        if (el->in[i]->type != MSG_SAVE)
            continue;
        xyz[k++] = (float)src->x;
        xyz[k++] = (float)src->y;
        xyz[k++] = (float)src->z;
    }
    struct sink_file sf = sfile(f);
    struct sink_cols c = {.t0 = tick->t, .dt = tick->dt, .n = n, .xyz = xyz};
    enum gs_status st = sink_start(sim, f->sink, &sf, &c);
    free(xyz);
    if (st != GS_OK)
        return GS_ERR;
    f->ndata = n;
    f->initialize = 0;
    if (!f->leave_open)
        return close_file(sim, f);
    return GS_OK;
}

static enum gs_status
disk_out_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct disk_out *f = GS_INST(struct disk_out, el);
    if (f->initialize && setup_file(sim, f, tick) != GS_OK)
        return GS_ERR;
    int n = count_saves(el);
    if (n != f->ndata) {
        char *p = elem_path_str(el);
        gs_error(sim, "disk_out '%s' has %d SAVE messages, but the file '%s' was started with "
                      "%d value%s per frame; reset to start it again", p, n, file_name(f),
                 f->ndata, f->ndata == 1 ? "" : "s");
        free(p);
        return GS_ERR;
    }
    struct sink_file sf = sfile(f);
    if (sink_open(sim, f->sink, &sf, NULL) != GS_OK)
        return GS_ERR;
    if (n > f->capvals) {
        f->capvals = n;
        f->vals = xreallocarray(f->vals, (size_t)n, sizeof *f->vals);
    }
    for (int i = 0, k = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_SAVE)
            f->vals[k++] = msg_val(el->in[i], 0);
    sink_row(f->sink, tick->t, f->vals, n);
    return sink_done(sim, f->sink, &sf, tick->t);
}

static void
disk_out_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    struct disk_out *f = GS_INST(struct disk_out, el);
    /* A new name or leave_open 0 takes effect now: the old file is closed. */
    if (strcmp(fd->name, "filename") == 0
        || (strcmp(fd->name, "leave_open") == 0 && !f->leave_open))
        if (close_file(sim, f) != GS_OK)
            gs_diag_clear(sim);
}

/* GENESIS's SAVE action: close the file (it is opened again at the next tick). */
static enum gs_status
disk_out_save(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    return close_file(sim, GS_INST(struct disk_out, el));
}

static enum gs_status
disk_out_flush(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct disk_out *f = GS_INST(struct disk_out, el);
    struct sink_file sf = sfile(f);
    return sink_flush(sim, f->sink, &sf);
}

static const struct gs_named_action disk_out_extra[] = {
    {"SAVE", "", disk_out_save},
    {"FLUSH", "", disk_out_flush},
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
    .copy = disk_out_copy,
    .destroy = disk_out_destroy,
    .reset = disk_out_reset,
    .process = disk_out_process,
    .field_set = disk_out_field_set,
};
