/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_asc_file.c: the par_asc_file class (PGENESIS): a text file on the
 * output rank with one row per tick of its clock: the time, then one value
 * per SAVE message (raddmsg ... SAVE index field) from any rank, ordered by
 * the message's index. The values of the row labelled t are those at t
 * (the row of time 0 holds the initial values). Rows are written by the
 * output gather of parallel/rnet.c; at reset (once the zone has agreed on
 * it, so that every node's registrations are in) the indices must be
 * exactly 0 .. n-1, each once: a gap or a duplicate is an error there
 * rather than a file of misplaced columns.
 */
#include <stdlib.h>

#include "../core/core.h"
#include "outfile.h"
#include "parfile.h"
#include "sink.h"

struct par_asc_file {
    struct gs_element el;
    struct parfile_cols cols; /* the SAVE indices (parfile.h: right after the element) */
    char *filename;     /* default: the element's name */
    int leave_open;
    int append;
    int flush;
    char *float_format; /* "%g" */
    int is_open;
    int initialize;
    struct sink *sink;  /* the file (text rows) */
};

_Static_assert(offsetof(struct par_asc_file, cols) == offsetof(struct parfile_head, cols),
               "par_asc_file must start as struct parfile_head");

static const struct gs_field par_asc_file_fields[] = {
    GS_FIELD(struct par_asc_file, filename, GS_STR, "", "file to write (default: the element's name)"),
    GS_FIELD(struct par_asc_file, leave_open, GS_INT, "", "1: keep the file open between rows"),
    GS_FIELD(struct par_asc_file, append, GS_INT, "", "1: reset appends instead of starting again"),
    GS_FIELD(struct par_asc_file, flush, GS_INT, "", "1: flush every row to the disk"),
    GS_FIELD(struct par_asc_file, float_format, GS_STR, "", "printf format of the numbers (default %g)"),
    GS_FIELD_RO(struct par_asc_file, is_open, GS_INT, "", "1 while the file is open"),
    {"ncols", GS_INT, offsetof(struct par_asc_file, cols.ncols), sizeof(int), "", GS_F_RO,
     "value columns (SAVE indices registered)"},
    GS_FIELD_END,
};

static const struct gs_msgdef par_asc_file_msgs[] = {
    GS_MSGDEF_END,
};

static const char *
file_name(const struct par_asc_file *f)
{
    return outfile_name(f->filename, &f->el);
}

const char *
par_asc_file_name(const struct gs_element *el)
{
    return file_name(GS_INST(const struct par_asc_file, el));
}

static struct sink_file
sfile(struct par_asc_file *f)
{
    if (!f->sink)
        f->sink = sink_text_rows();
    sink_text_set(f->sink, f->float_format, 0);
    return (struct sink_file){file_name(f), f->leave_open, f->flush, &f->is_open};
}

static enum gs_status
par_asc_file_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct par_asc_file, el)->float_format = xstrdup("%g");
    return GS_OK;
}

static enum gs_status
par_asc_file_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct par_asc_file *f = GS_INST(struct par_asc_file, dst);
    f->sink = NULL;
    f->is_open = 0;
    parfile_cols_clear(&f->cols);
    return GS_OK;
}

static void
par_asc_file_destroy(struct gs_element *el)
{
    struct par_asc_file *f = GS_INST(struct par_asc_file, el);
    struct sink_file sf = sfile(f);
    sink_free(f->sink, &sf);
    f->sink = NULL;
    parfile_cols_free(&f->cols);
}

static enum gs_status
par_asc_file_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct par_asc_file *f = GS_INST(struct par_asc_file, el);
    if (!f->append)
        f->initialize = 1;
    return GS_OK;
}

enum gs_status
par_asc_file_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    struct par_asc_file *f = GS_INST(struct par_asc_file, el);
    struct sink_file sf = sfile(f);
    if (f->initialize) {
        if (sink_start(sim, f->sink, &sf, NULL) != GS_OK)
            return GS_ERR;
        f->initialize = 0;
    }
    if (sink_open(sim, f->sink, &sf, NULL) != GS_OK)
        return GS_ERR;
    sink_row(f->sink, t, v, f->cols.nidx);
    return sink_done(sim, f->sink, &sf, t);
}

/* The format is given to printf with a double: it must hold exactly one
 * number conversion (a %s would read a pointer that is not there). */
static enum gs_status
par_asc_file_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                          const struct gs_element *old)
{
    (void)old;
    const struct par_asc_file *f = GS_INST(const struct par_asc_file, new_);
    if (f->float_format && f->float_format[0] && !field_format_ok(f->float_format))
        return gs_error(sim, "float_format must hold one number conversion such as %%g or "
                             "%%0.9g, got '%s'", f->float_format);
    return GS_OK;
}

static enum gs_status
par_asc_file_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

const struct gs_class par_asc_file_class = {
    .name = "par_asc_file",
    .classes = "output",
    .desc = "text file on the output rank: time and values of SAVE messages from every rank",
    .size = sizeof(struct par_asc_file),
    .fields = par_asc_file_fields,
    .msgs = par_asc_file_msgs,
    .create = par_asc_file_create,
    .copy = par_asc_file_copy,
    .destroy = par_asc_file_destroy,
    .process = par_asc_file_step,
    .reset = par_asc_file_reset,
    .check_fields = par_asc_file_check_fields,
};
