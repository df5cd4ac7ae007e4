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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "numtext.h"
#include "outfile.h"

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
    FILE *fp;           /* not a field */
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

static const char *
file_name(const struct asc_file *f)
{
    return outfile_name(f->filename, &f->el);
}

static enum gs_status
close_file(struct gs_sim *sim, struct asc_file *f)
{
    return outfile_close(sim, &f->fp, &f->is_open, file_name(f));
}

static enum gs_status
open_file(struct gs_sim *sim, struct asc_file *f, const char *mode)
{
    return outfile_open(sim, &f->fp, &f->is_open, file_name(f), mode);
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
    f->fp = NULL; /* the copy opens its own file */
    f->is_open = 0;
    return GS_OK;
}

static void
asc_file_destroy(struct gs_element *el)
{
    close_file(NULL, GS_INST(struct asc_file, el));
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
    if (close_file(sim, f) != GS_OK || open_file(sim, f, "w") != GS_OK)
        return GS_ERR;
    f->initialize = 0;
    if (!f->leave_open)
        return close_file(sim, f);
    return GS_OK;
}

static enum gs_status
asc_file_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (f->initialize && setup_file(sim, f) != GS_OK)
        return GS_ERR;
    if (open_file(sim, f, "a") != GS_OK)
        return GS_ERR;
    /* The row in one buffer, one write (a row is short: the values come
     * from messages, a few per file in practice; longer rows go in parts). */
    const int prec = numtext_precision(f->float_format);
    char row[16 * (NUMTEXT_MAX + 1)];
    size_t n = 0;
    if (!f->notime) {
        n += numtext_put(row, f->float_format, prec, tick->t);
        row[n++] = ' ';
    }
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type != MSG_SAVE)
            continue;
        if (n > sizeof row - (NUMTEXT_MAX + 2)) {
            fwrite(row, 1, n, f->fp);
            n = 0;
        }
        n += numtext_put(row + n, f->float_format, prec, msg_val(m, 0));
        row[n++] = ' ';
    }
    row[n++] = '\n';
    fwrite(row, 1, n, f->fp);
    if ((f->flush && fflush(f->fp) != 0) || ferror(f->fp)) {
        gs_error(sim, "cannot write '%s' at t = %g: %s", file_name(f), tick->t, strerror(errno));
        close_file(NULL, f);
        return GS_ERR;
    }
    if (!f->leave_open)
        return close_file(sim, f);
    return GS_OK;
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
    return open_file(sim, f, "a");
}

static enum gs_status
asc_file_out_write(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (!f->fp) {
        char *p = elem_path_str(el);
        gs_error(sim, "the file of '%s' is not open (call OUT_OPEN first)", p);
        free(p);
        return GS_ERR;
    }
    for (int i = 0; i < argc; i++)
        fprintf(f->fp, "%s ", argv[i]);
    fputc('\n', f->fp);
    if (fflush(f->fp) != 0)
        return gs_error(sim, "cannot write '%s': %s", file_name(f), strerror(errno));
    return GS_OK;
}

static enum gs_status
asc_file_flush(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct asc_file *f = GS_INST(struct asc_file, el);
    if (f->fp && fflush(f->fp) != 0)
        return gs_error(sim, "cannot write '%s': %s", file_name(f), strerror(errno));
    return GS_OK;
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
