/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sink.c: the driver every kind of sink shares (sink.h). */
#include <errno.h>
#include <string.h>

#include "sink_int.h"

static const char *
why(void)
{
    return errno ? strerror(errno) : "write error";
}

static void
mark(struct sink *s, const struct sink_file *f, bool open)
{
    s->open = open;
    if (f && f->is_open)
        *f->is_open = open;
}

bool
sink_is_open(const struct sink *s)
{
    return s && s->open;
}

long
sink_rows(const struct sink *s)
{
    return s ? s->rows : 0;
}

enum gs_status
sink_close(struct gs_sim *sim, struct sink *s, const struct sink_file *f)
{
    if (!s || !s->open) {
        if (f && f->is_open)
            *f->is_open = 0;
        return GS_OK;
    }
    errno = 0;
    bool ok = s->ops->close(s);
    mark(s, f, false);
    if (!ok && sim)
        return gs_error(sim, "cannot write '%s': %s", f->name, why());
    return GS_OK;
}

enum gs_status
sink_start(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
           const struct sink_cols *c)
{
    if (sink_close(sim, s, f) != GS_OK)
        return GS_ERR;
    errno = 0;
    if (s->ops->start(sim, s, f->name, c) != GS_OK)
        return GS_ERR;
    s->rows = 0;
    mark(s, f, true);
    return GS_OK;
}

enum gs_status
sink_open(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
          const struct sink_cols *c)
{
    if (s->open)
        return GS_OK;
    errno = 0;
    if (s->ops->open(sim, s, f->name, c) != GS_OK)
        return GS_ERR;
    mark(s, f, true);
    return GS_OK;
}

double *
sink_row_space(struct sink *s, long n)
{
    return s->ops->space ? s->ops->space(s, n) : NULL;
}

void
sink_row(struct sink *s, double t, const double *v, long n)
{
    s->ops->row(s, t, v, n);
    s->rows++;
}

void
sink_spike(struct sink *s, long index, const struct gs_element *src, double t)
{
    s->ops->spike(s, index, src, t);
}

enum gs_status
sink_done(struct gs_sim *sim, struct sink *s, const struct sink_file *f, double t)
{
    if (!s->open)
        return GS_OK;
    errno = 0;
    if (!s->ops->sync(s, f->flush != 0)) {
        gs_error(sim, "cannot write '%s' at t = %g: %s", f->name, t, why());
        sink_close(NULL, s, f);
        return GS_ERR;
    }
    if (!f->leave_open)
        return sink_close(sim, s, f);
    return GS_OK;
}

enum gs_status
sink_flush(struct gs_sim *sim, struct sink *s, const struct sink_file *f)
{
    if (!s || !s->open)
        return GS_OK;
    errno = 0;
    if (!s->ops->sync(s, true))
        return gs_error(sim, "cannot write '%s': %s", f->name, why());
    return GS_OK;
}

void
sink_free(struct sink *s, const struct sink_file *f)
{
    if (!s)
        return;
    sink_close(NULL, s, f);
    s->ops->free(s);
}
