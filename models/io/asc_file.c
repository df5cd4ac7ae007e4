/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * asc_file.c: the asc_file class: writes one text row per tick of its
 * clock: the simulation time (unless notime) and the value of each SAVE
 * message, each printed with float_format ("%g") and followed by a blank,
 * as GENESIS writes them. Processed last in the schedule (class output),
 * so a row labelled t holds the values after the step that starts at t.
 * reset truncates the file at the next write unless append is set;
 * leave_open keeps it open between rows; flush flushes every row.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "outfile.h"
#include "sink.h"

enum { MSG_SAVE };

struct asc_file {
    struct gs_element el;
    char *filename;     /* the file (default: the element's name) */
    int leave_open;     /* keep the file open between rows */
    int append;         /* reset does not truncate the file */
    int flush;          /* flush after every row */
    int notime;         /* leave the time column out */
    char *float_format; /* printf format of every number ("%g") */
    int is_open;        /* the file is open now */
    int initialize;     /* truncate at the next write (set by reset) */
    struct sink *sink;  /* not a field: the file (text rows) */
    double *vals;       /* not a field: the row's values */
    int capvals;
};

static const struct gs_field asc_file_fields[] = {
    GS_FIELD(struct asc_file, filename, GS_STR, "", "file to write (default: the element's name)"),
    GS_FIELD(struct asc_file, leave_open, GS_INT, "", "1: keep the file open between rows"),
    GS_FIELD(struct asc_file, append, GS_INT, "", "1: reset appends instead of starting the file again"),
    GS_FIELD(struct asc_file, flush, GS_INT, "", "1: flush every row to the disk"),
    GS_FIELD(struct asc_file, notime, GS_INT, "", "1: no time column"),
    GS_FIELD(struct asc_file, float_format, GS_STR, "", "printf format of the numbers (default %g)"),
    GS_FIELD_RO(struct asc_file, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_F(struct asc_file, initialize, GS_INT, GS_F_HIDDEN, "", "1: start the file again at the next write"),
    GS_FIELD_END,
};

static const struct gs_msgdef asc_file_msgs[] = {
    [MSG_SAVE] = {"SAVE", 1, {"data"}, "a value to write in each row"},
    GS_MSGDEF_END,
};

/* The sink's view of the element's fields. */
static struct sink_file
sfile(struct asc_file *f)
{
    if (!f->sink)
        f->sink = sink_text_rows();
    sink_text_set(f->sink, f->float_format, f->notime);
    return (struct sink_file){outfile_name(f->filename, &f->el), f->leave_open, f->flush,
                              &f->is_open};
}

static enum gs_status
close_file(struct gs_sim *sim, struct asc_file *f)
{
    struct sink_file sf = sfile(f);
    return sink_close(sim, f->sink, &sf);
}

static enum gs_status
asc_file_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct asc_file, el)->float_format = xstrdup("%g");
    return GS_OK;
}

static enum gs_status
asc_file_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct asc_file *f = GS_INST(struct asc_file, dst);
    f->sink = NULL; /* the copy opens its own file */
    f->is_open = 0;
    f->vals = NULL;
    f->capvals = 0;
    return GS_OK;
}

static void
asc_file_destroy(struct gs_element *el)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    struct sink_file sf = sfile(f);
    sink_free(f->sink, &sf);
    f->sink = NULL;
    free(f->vals);
    f->vals = NULL;
}

static enum gs_status
asc_file_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (!f->append)
        f->initialize = 1;
    return GS_OK;
}

/* Starts the file again (OUT_OPEN, and the first write after reset). */
static enum gs_status
setup_file(struct gs_sim *sim, struct asc_file *f)
{
    struct sink_file sf = sfile(f);
    if (sink_start(sim, f->sink, &sf, NULL) != GS_OK)
        return GS_ERR;
    f->initialize = 0;
    if (!f->leave_open)
        return sink_close(sim, f->sink, &sf);
    return GS_OK;
}

static enum gs_status
asc_file_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (f->initialize && setup_file(sim, f) != GS_OK)
        return GS_ERR;
    struct sink_file sf = sfile(f);
    if (sink_open(sim, f->sink, &sf, NULL) != GS_OK)
        return GS_ERR;
    if (el->nin > f->capvals) {
        f->capvals = el->nin;
        f->vals = xreallocarray(f->vals, (size_t)f->capvals, sizeof *f->vals);
    }
    long n = 0;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_SAVE)
            f->vals[n++] = msg_val(el->in[i], 0);
    sink_row(f->sink, tick->t, f->vals, n);
    return sink_done(sim, f->sink, &sf, tick->t);
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

static void
asc_file_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    /* A new name or leave_open 0 takes effect now: the old file is closed. */
    if (strcmp(fd->name, "filename") == 0 || (strcmp(fd->name, "leave_open") == 0 && !f->leave_open))
        if (close_file(sim, f) != GS_OK)
            gs_diag_clear(sim);
}

static enum gs_status
asc_file_out_open(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (setup_file(sim, f) != GS_OK)
        return GS_ERR;
    struct sink_file sf = sfile(f);
    return sink_open(sim, f->sink, &sf, NULL);
}

static enum gs_status
asc_file_out_write(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    struct sink_file sf = sfile(f);
    if (!sink_is_open(f->sink)) {
        char *p = elem_path_str(el);
        gs_error(sim, "the file of '%s' is not open (call OUT_OPEN first)", p);
        free(p);
        return GS_ERR;
    }
    return sink_text_line(sim, f->sink, &sf, argc, argv);
}

static enum gs_status
asc_file_flush(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct asc_file *f = GS_INST(struct asc_file, el);
    struct sink_file sf = sfile(f);
    return sink_flush(sim, f->sink, &sf);
}

static const struct gs_named_action asc_file_extra[] = {
    {"OUT_OPEN", "", asc_file_out_open},
    {"OUT_WRITE", "text...", asc_file_out_write},
    {"FLUSH", "", asc_file_flush},
    GS_ACTION_END,
};

const struct gs_class asc_file_class = {
    .name = "asc_file",
    .classes = "output",
    .desc = "writes the time and the SAVE message values as one text row per clock tick",
    .size = sizeof(struct asc_file),
    .fields = asc_file_fields,
    .msgs = asc_file_msgs,
    .extra = asc_file_extra,
    .create = asc_file_create,
    .copy = asc_file_copy,
    .destroy = asc_file_destroy,
    .reset = asc_file_reset,
    .process = asc_file_process,
    .check_fields = asc_file_check_fields,
    .field_set = asc_file_field_set,
};
