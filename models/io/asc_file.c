/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * asc_file.c: the asc_file class: writes one text row per tick of its
 * clock: the simulation time (unless notime) and the value of each SAVE
 * message, each printed with float_format ("%g") and followed by a blank,
 * as GENESIS writes them. Processed last in the schedule (class output),
 * so a row labelled t holds the values after the step that starts at t.
 * reset truncates the file at the next write unless append is set;
 * leave_open keeps it open between rows; flush flushes every row (the
 * file's life: outelem.h).
 */
#include <stdlib.h>

#include "../core/core.h"
#include "outelem.h"

enum { MSG_SAVE };

struct asc_file {
    struct gs_element el;
    struct outelem out; /* filename, leave_open, append, flush, is_open, the sink */
    int notime;         /* leave the time column out */
    char *float_format; /* printf format of every number ("%g") */
};
OUTELEM_LAYOUT(struct asc_file);

static const struct gs_field asc_file_fields[] = {
    OUTELEM_FIELD(struct asc_file, filename, GS_STR, 0u, "file to write (default: the element's name)"),
    OUTELEM_FIELD(struct asc_file, leave_open, GS_INT, 0u, "1: keep the file open between rows"),
    OUTELEM_FIELD(struct asc_file, append, GS_INT, 0u, "1: reset appends instead of starting the file again"),
    OUTELEM_FIELD(struct asc_file, flush, GS_INT, 0u, "1: flush every row to the disk"),
    GS_FIELD(struct asc_file, notime, GS_INT, "", "1: no time column"),
    GS_FIELD(struct asc_file, float_format, GS_STR, "", "printf format of the numbers (default %g)"),
    OUTELEM_FIELD(struct asc_file, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct asc_file, initialize, GS_INT, GS_F_HIDDEN, "1: start the file again at the next write"),
    GS_FIELD_END,
};

static const struct gs_msgdef asc_file_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each row"},
    GS_MSGDEF_END,
};

/* The text sink, with the element's format of now. */
static struct sink *
sink_of(struct asc_file *f)
{
    if (!f->out.sink)
        f->out.sink = sink_text_rows();
    sink_text_set(f->out.sink, f->float_format, f->notime);
    return f->out.sink;
}

static enum gs_status
asc_file_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct asc_file, el)->float_format = xstrdup("%g");
    return GS_OK;
}

static enum gs_status
asc_file_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    struct sink *s = sink_of(f);
    if (outelem_begin(sim, el, NULL) != GS_OK)
        return GS_ERR;
    long n = outelem_values(el, MSG_SAVE);
    sink_row(s, tick->t, f->out.vals, n);
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, s, &sf, tick->t);
}

static enum gs_status
asc_file_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                      const struct gs_element *old)
{
    (void)old;
    const struct asc_file *f = GS_INST(const struct asc_file, new_);
    if (!field_format_ok(f->float_format))
        return gs_error(sim, "float_format must hold one number conversion such as %%g or "
                             "%%0.9g, got '%s'", f->float_format ? f->float_format : "");
    return GS_OK;
}

/* Starts the file again and leaves it open. */
static enum gs_status
asc_file_out_open(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    sink_of(GS_INST(struct asc_file, el));
    outelem(el)->initialize = 1;
    return outelem_begin(sim, el, NULL);
}

static enum gs_status
asc_file_out_write(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (!sink_is_open(f->out.sink)) {
        char *p = elem_path_str(el);
        gs_error(sim, "the file of '%s' is not open (call OUT_OPEN first)", p);
        free(p);
        return GS_ERR;
    }
    struct sink_file sf = outelem_file(el);
    return sink_text_line(sim, sink_of(f), &sf, argc, argv);
}

static const struct gs_named_action asc_file_extra[] = {
    {"OUT_OPEN", "", asc_file_out_open},
    {"OUT_WRITE", "text...", asc_file_out_write},
    {"FLUSH", "", outelem_flush_action},
    {"SAVE", "", outelem_save_action},
    GS_ACTION_END,
};

const struct gs_class asc_file_class = {
    .name = "asc_file",
    .classes = "output",
    .desc = "writes the time and the SAVE message values as one text row per clock tick",
    .flags = GS_CLASS_MSG_ONLY, /* fused windows (sched.c) */
    .size = sizeof(struct asc_file),
    .fields = asc_file_fields,
    .msgs = asc_file_msgs,
    .extra = asc_file_extra,
    .create = asc_file_create,
    .copy = outelem_copy,
    .destroy = outelem_destroy,
    .reset = outelem_reset,
    .process = asc_file_process,
    .check_fields = asc_file_check_fields,
    .field_set = outelem_field_set,
};
