/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sink_text.c: the sinks that write through stdio: text rows (asc_file,
 * par_asc_file), FMT1 frames (disk_out, par_disk_out) and spikehistory's
 * lines. Each row is put together in one buffer and written with one
 * fwrite; numbers go through numtext (printf's text, faster).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt1.h"
#include "numtext.h"
#include "sink_int.h"

enum kind { ROWS, FRAMES, SPIKES };

struct sink_text {
    struct sink s;
    enum kind kind;
    FILE *fp;
    const char *fmt;  /* ROWS: the float format */
    int flag;         /* ROWS: notime; SPIKES: ident */
    char *buf;        /* the row being written, kept between rows */
    size_t capbuf;
};

#define TEXT(s) ((struct sink_text *)(s))

static void *
room(struct sink_text *x, size_t need)
{
    if (need > x->capbuf) {
        x->capbuf = need;
        x->buf = xrealloc(x->buf, need);
    }
    return x->buf;
}

static enum gs_status
text_fopen(struct gs_sim *sim, struct sink_text *x, const char *name, const char *mode)
{
    x->fp = fopen(name, mode);
    if (!x->fp)
        return gs_error(sim, "cannot open '%s' for writing: %s", name, strerror(errno));
    return GS_OK;
}

static enum gs_status
text_start(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    struct sink_text *x = TEXT(s);
    if (text_fopen(sim, x, name, "w") != GS_OK)
        return GS_ERR;
    if (x->kind != FRAMES)
        return GS_OK;
    long n = c ? c->n : 0;
    float *zeros = NULL;
    const float *xyz = c ? c->xyz : NULL;
    if (!xyz)
        xyz = zeros = xcalloc(3 * (size_t)n + 1, sizeof *zeros);
    errno = 0;
    bool ok = fmt1_write_header(x->fp, c ? (float)c->t0 : 0.0F, c ? (float)c->dt : 0.0F, (int)n,
                                xyz);
    free(zeros);
    if (!ok) {
        gs_error(sim, "cannot write '%s' at t = %g: %s", name, c ? c->t0 : 0.0,
                 errno ? strerror(errno) : "write error");
        fclose(x->fp);
        x->fp = NULL;
        return GS_ERR;
    }
    return GS_OK;
}

static enum gs_status
text_open(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    (void)c;
    return text_fopen(sim, TEXT(s), name, "a");
}

static void
text_row(struct sink *s, double t, const double *v, long n)
{
    struct sink_text *x = TEXT(s);
    if (x->kind == FRAMES) {
        float *fr = room(x, ((size_t)n + 1) * sizeof *fr);
        for (long i = 0; i < n; i++)
            fr[i] = (float)v[i];
        if (n > 0 && fwrite(fr, sizeof *fr, (size_t)n, x->fp) != (size_t)n && !errno)
            errno = EIO;
        return;
    }
    const char *fmt = x->fmt && x->fmt[0] ? x->fmt : "%g";
    const int prec = numtext_precision(fmt);
    char *row = room(x, (NUMTEXT_MAX + 1) * ((size_t)n + 1) + 2);
    char *p = row;
    if (!x->flag) {
        p += numtext_put(p, fmt, prec, t);
        *p++ = ' ';
    }
    for (long i = 0; i < n; i++) {
        p += numtext_put(p, fmt, prec, v[i]);
        *p++ = ' ';
    }
    *p++ = '\n';
    fwrite(row, 1, (size_t)(p - row), x->fp);
}

/*
 * Formats "%6d     %.6f\n" into BUF (at least 64 bytes); returns the
 * length. The common case is done by hand (printf's floating-point path
 * was a tenth of a network run); a time whose seventh decimal is near a
 * rounding tie, or a huge one, goes through snprintf so the text is
 * exactly printf's.
 */
static size_t
format_line(char *buf, long index, double t)
{
    double x = t * 1e6, r = floor(x);
    if (!(t >= 0 && t < 1e9) || fabs(x - r - 0.5) < 1e-6 || index < 0 || index > 2147483647L)
        return (size_t)snprintf(buf, 64, "%6d     %.6f\n", (int)index, t);
    long long q = (long long)r + (x - r > 0.5);
    char d[24];
    int nd = 0;
    unsigned long v = (unsigned long)index;
    do {
        d[nd++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    size_t n = 0;
    for (int i = nd; i < 6; i++)
        buf[n++] = ' ';
    while (nd)
        buf[n++] = d[--nd];
    memcpy(buf + n, "     ", 5);
    n += 5;
    long long ip = q / 1000000, fp = q % 1000000;
    do {
        d[nd++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    while (nd)
        buf[n++] = d[--nd];
    buf[n++] = '.';
    for (int i = 5; i >= 0; i--) {
        buf[n + (size_t)i] = (char)('0' + fp % 10);
        fp /= 10;
    }
    n += 6;
    buf[n++] = '\n';
    return n;
}

static void
text_spike(struct sink *s, long index, const struct gs_element *src, double t)
{
    struct sink_text *x = TEXT(s);
    if (x->flag) {
        char *p = elem_path_str(src);
        fprintf(x->fp, "%s     %.6f\n", p, t);
        free(p);
    } else {
        char line[64];
        fwrite(line, 1, format_line(line, index, t), x->fp);
    }
}

static bool
text_sync(struct sink *s, bool hard)
{
    struct sink_text *x = TEXT(s);
    if (hard && fflush(x->fp) != 0)
        return false;
    return !ferror(x->fp);
}

static bool
text_close(struct sink *s)
{
    struct sink_text *x = TEXT(s);
    bool ok = fclose(x->fp) == 0;
    x->fp = NULL;
    return ok;
}

static void
text_free(struct sink *s)
{
    struct sink_text *x = TEXT(s);
    free(x->buf);
    free(x);
}

static const struct sink_ops text_ops = {
    .start = text_start,
    .open = text_open,
    .row = text_row,
    .spike = text_spike,
    .sync = text_sync,
    .close = text_close,
    .free = text_free,
};

static struct sink *
make(enum kind kind)
{
    struct sink_text *x = xcalloc(1, sizeof *x);
    x->s.ops = &text_ops;
    x->kind = kind;
    return &x->s;
}

struct sink *
sink_text_rows(void)
{
    return make(ROWS);
}

struct sink *
sink_fmt1(void)
{
    return make(FRAMES);
}

struct sink *
sink_spike_text(void)
{
    return make(SPIKES);
}

void
sink_text_set(struct sink *s, const char *float_format, int flag)
{
    if (s->ops != &text_ops)
        return;
    TEXT(s)->fmt = float_format;
    TEXT(s)->flag = flag;
}

enum gs_status
sink_text_line(struct gs_sim *sim, struct sink *s, const struct sink_file *f, int argc,
               const char *const *argv)
{
    struct sink_text *x = TEXT(s);
    if (s->ops != &text_ops || !s->open)
        return gs_error(sim, "the file '%s' is not open (call OUT_OPEN first)", f->name);
    for (int i = 0; i < argc; i++)
        fprintf(x->fp, "%s ", argv[i]);
    fputc('\n', x->fp);
    if (fflush(x->fp) != 0)
        return gs_error(sim, "cannot write '%s': %s", f->name, strerror(errno));
    return GS_OK;
}
