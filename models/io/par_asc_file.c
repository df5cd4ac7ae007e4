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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "numtext.h"
#include "outfile.h"
#include "parfile.h"

struct par_asc_file {
    struct gs_element el;
    struct parfile_cols cols; /* the SAVE indices (parfile.h: right after the element) */
    char *filename;     /* default: the element's name */
    int leave_open;
    int append;
    int flush;
    char *float_format; /* "%g" */
    int is_open;
    FILE *fp;
    int initialize;
    char *row;          /* the row being written (%g), kept between rows */
    size_t caprow;
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

static enum gs_status
close_file(struct gs_sim *sim, struct par_asc_file *f)
{
    return outfile_close(sim, &f->fp, &f->is_open, file_name(f));
}

static enum gs_status
open_file(struct gs_sim *sim, struct par_asc_file *f, const char *mode)
{
    return outfile_open(sim, &f->fp, &f->is_open, file_name(f), mode);
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
    f->fp = NULL;
    f->is_open = 0;
    parfile_cols_clear(&f->cols);
    f->row = NULL;
    f->caprow = 0;
    return GS_OK;
}

static void
par_asc_file_destroy(struct gs_element *el)
{
    struct par_asc_file *f = GS_INST(struct par_asc_file, el);
    close_file(NULL, f);
    parfile_cols_free(&f->cols);
    free(f->row);
    f->row = NULL;
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
    if (f->initialize) {
        if (close_file(sim, f) != GS_OK || open_file(sim, f, "w") != GS_OK)
            return GS_ERR;
        f->initialize = 0;
    }
    if (open_file(sim, f, "a") != GS_OK)
        return GS_ERR;
    /* The whole row in one buffer, one write. */
    const char *fmt = f->float_format && f->float_format[0] ? f->float_format : "%g";
    const int prec = numtext_precision(fmt);
    size_t need = (NUMTEXT_MAX + 1) * ((size_t)f->cols.nidx + 1) + 2;
    if (need > f->caprow) {
        f->caprow = need;
        f->row = xrealloc(f->row, need);
    }
    char *p = f->row;
    p += numtext_put(p, fmt, prec, t);
    *p++ = ' ';
    for (long i = 0; i < f->cols.nidx; i++) {
        p += numtext_put(p, fmt, prec, v[i]);
        *p++ = ' ';
    }
    *p++ = '\n';
    fwrite(f->row, 1, (size_t)(p - f->row), f->fp);
    if ((f->flush && fflush(f->fp) != 0) || ferror(f->fp)) {
        gs_error(sim, "cannot write '%s' at t = %g: %s", file_name(f), t, strerror(errno));
        close_file(NULL, f);
        return GS_ERR;
    }
    if (!f->leave_open)
        return close_file(sim, f);
    return GS_OK;
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
