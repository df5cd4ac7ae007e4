/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_asc_file.c: the par_asc_file class (PGENESIS): a text file on the
 * output rank with one row per tick of its clock: the time, then one value
 * per SAVE message (raddmsg ... SAVE index field) from any rank, ordered by
 * the message's index. The values of the row labelled t are those at t
 * (the row of time 0 holds the initial values). Rows are written by the
 * parallel output (parallel/parout.c); at reset (once the zone has agreed
 * on it, so that every node's registrations are in) the indices must be
 * exactly 0 .. n-1, each once: a gap or a duplicate is an error there
 * rather than a file of misplaced columns.
 */
#include "../core/core.h"
#include "parfile.h"

struct par_asc_file {
    struct gs_element el;
    struct outelem out;       /* filename, leave_open, append, flush, is_open, the sink */
    struct parfile_cols cols; /* the SAVE indices */
    char *float_format;       /* "%g" */
};
PARFILE_LAYOUT(struct par_asc_file);

static const struct gs_field par_asc_file_fields[] = {
    OUTELEM_FIELD(struct par_asc_file, filename, GS_STR, 0u, "file to write (default: the element's name)"),
    OUTELEM_FIELD(struct par_asc_file, leave_open, GS_INT, 0u, "1: keep the file open between rows"),
    OUTELEM_FIELD(struct par_asc_file, append, GS_INT, 0u, "1: reset appends instead of starting again"),
    OUTELEM_FIELD(struct par_asc_file, flush, GS_INT, 0u, "1: flush every row to the disk"),
    GS_FIELD(struct par_asc_file, float_format, GS_STR, "", "printf format of the numbers (default %g)"),
    OUTELEM_FIELD(struct par_asc_file, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    {"ncols", GS_INT, offsetof(struct par_asc_file, cols.ncols), sizeof(int), "", GS_F_RO,
     "value columns (SAVE indices registered)"},
    GS_FIELD_END,
};

static const struct gs_msgdef par_asc_file_msgs[] = {
    GS_MSGDEF_END,
};

static enum gs_status
par_asc_file_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct par_asc_file, el)->float_format = xstrdup("%g");
    return GS_OK;
}

enum gs_status
par_asc_file_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    struct par_asc_file *f = GS_INST(struct par_asc_file, el);
    if (!f->out.sink)
        f->out.sink = sink_text_rows();
    sink_text_set(f->out.sink, f->float_format, 0);
    if (outelem_begin(sim, el, NULL) != GS_OK)
        return GS_ERR;
    sink_row(f->out.sink, t, v, f->cols.nidx);
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, f->out.sink, &sf, t);
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

/* GENESIS's actions: FLUSH, and SAVE, which closes the file (the next
 * row opens it again and appends). */
static const struct gs_named_action par_asc_file_extra[] = {
    {"FLUSH", "", outelem_flush_action},
    {"SAVE", "", outelem_save_action},
    GS_ACTION_END,
};

const struct gs_class par_asc_file_class = {
    .name = "par_asc_file",
    .classes = "output",
    .desc = "text file on the output rank: time and values of SAVE messages from every rank",
    .size = sizeof(struct par_asc_file),
    .fields = par_asc_file_fields,
    .msgs = par_asc_file_msgs,
    .extra = par_asc_file_extra,
    .create = par_asc_file_create,
    .copy = parfile_copy,
    .destroy = parfile_destroy,
    .process = parfile_step,
    .reset = outelem_reset,
    .check_fields = par_asc_file_check_fields,
    .field_set = outelem_field_set,
};
