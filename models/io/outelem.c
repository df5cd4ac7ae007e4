/* SPDX-License-Identifier: GPL-2.0-or-later */
/* outelem.c: see outelem.h. */
#include <stdlib.h>
#include <string.h>

#include "outelem.h"

struct outelem *
outelem(struct gs_element *el)
{
    return &GS_INST(struct outelem_head, el)->out;
}

const char *
outelem_name(const struct gs_element *el)
{
    const struct outelem *o = &GS_INST(const struct outelem_head, el)->out;
    return o->filename && o->filename[0] ? o->filename : el->name;
}

struct sink_file
outelem_file(struct gs_element *el)
{
    struct outelem *o = outelem(el);
    return (struct sink_file){outelem_name(el), o->leave_open, o->flush, &o->is_open};
}

enum gs_status
outelem_begin(struct gs_sim *sim, struct gs_element *el, const struct sink_cols *c)
{
    struct outelem *o = outelem(el);
    struct sink_file sf = outelem_file(el);
    if (o->initialize) {
        if (sink_start(sim, o->sink, &sf, c) != GS_OK)
            return GS_ERR;
        o->initialize = 0;
    }
    return sink_open(sim, o->sink, &sf, c);
}

enum gs_status
outelem_close(struct gs_sim *sim, struct gs_element *el)
{
    struct sink_file sf = outelem_file(el);
    return sink_close(sim, outelem(el)->sink, &sf);
}

enum gs_status
outelem_release(struct gs_sim *sim, struct gs_element *el)
{
    struct outelem *o = outelem(el);
    struct sink_file sf = outelem_file(el);
    enum gs_status st = sink_close(sim, o->sink, &sf);
    sink_free(o->sink, &sf);
    o->sink = NULL;
    return st;
}

long
outelem_count(const struct gs_element *el, int type)
{
    long n = 0;
    for (int i = 0; i < el->nin; i++)
        n += el->in[i]->type == type;
    return n;
}

/* How a row is gathered: the messages of one type, and while every one
 * of them reads a double, as runs of adjacent doubles (a solver's sampled
 * values are adjacent in message order: a row of 10,000 somas is then one
 * copy instead of 10,000 trips through the messages). Kept while
 * msg_slots_epoch() is unchanged. */
struct outelem_run {
    const double *p;
    long len;
};
struct outelem_plan {
    unsigned long epoch;
    int type;
    long n;                  /* messages of the type */
    long nruns, caprun;      /* nruns -1: some slot is not a double; read message by message */
    struct outelem_run *run;
};

static const struct outelem_plan *
plan(struct gs_element *el, int type)
{
    struct outelem *o = outelem(el);
    struct outelem_plan *p = o->plan;
    if (p && p->epoch == msg_slots_epoch() && p->type == type)
        return p;
    if (!p)
        p = o->plan = xcalloc(1, sizeof *p);
    p->epoch = msg_slots_epoch();
    p->type = type;
    p->n = 0;
    p->nruns = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type != type)
            continue;
        p->n++;
        if (p->nruns < 0)
            continue;
        if (m->nslots < 1 || m->slot[0].kind != GS_SLOT_REAL) {
            p->nruns = -1;
            continue;
        }
        const double *v = m->slot[0].ptr;
        struct outelem_run *last = p->nruns ? &p->run[p->nruns - 1] : NULL;
        if (last && last->p + last->len == v) {
            last->len++;
            continue;
        }
        if (p->nruns == p->caprun) {
            p->caprun = p->caprun ? 2 * p->caprun : 16;
            p->run = xreallocarray(p->run, (size_t)p->caprun, sizeof *p->run);
        }
        p->run[p->nruns++] = (struct outelem_run){v, 1};
    }
    return p;
}

long
outelem_gather(struct gs_element *el, int type, double *dst, long max)
{
    const struct outelem_plan *p = plan(el, type);
    if (p->n > max)
        return p->n;
    if (p->nruns >= 0) {
        for (long r = 0; r < p->nruns; r++) {
            memcpy(dst, p->run[r].p, (size_t)p->run[r].len * sizeof *dst);
            dst += p->run[r].len;
        }
        return p->n;
    }
    long n = 0;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == type)
            dst[n++] = msg_val(el->in[i], 0);
    return n;
}

long
outelem_values(struct gs_element *el, int type)
{
    struct outelem *o = outelem(el);
    long n = plan(el, type)->n;
    if (n > o->capvals) {
        o->capvals = n;
        o->vals = xreallocarray(o->vals, (size_t)o->capvals, sizeof *o->vals);
    }
    return outelem_gather(el, type, o->vals, o->capvals);
}

static void
plan_free(struct outelem *o)
{
    if (o->plan)
        free(o->plan->run);
    free(o->plan);
    o->plan = NULL;
}

struct outelem_cols
outelem_columns(const struct gs_element *el, int type)
{
    struct outelem_cols c = {outelem_count(el, type), NULL, NULL, NULL};
    c.path = xcalloc((size_t)c.n + 1, sizeof *c.path);
    c.field = xcalloc((size_t)c.n + 1, sizeof *c.field);
    c.xyz = xcalloc(3 * (size_t)c.n + 1, sizeof *c.xyz);
    for (int i = 0, k = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type != type)
            continue;
        c.path[k] = elem_path_str(m->src);
        c.field[k] = m->nslots > 0 && m->slot[0].text ? m->slot[0].text : "";
        c.xyz[3 * k] = (float)m->src->x;
        c.xyz[3 * k + 1] = (float)m->src->y;
        c.xyz[3 * k + 2] = (float)m->src->z;
        k++;
    }
    return c;
}

void
outelem_columns_free(struct outelem_cols *c)
{
    for (long i = 0; i < c->n; i++)
        free(c->path[i]);
    free(c->path);
    free(c->field);
    free(c->xyz);
    *c = (struct outelem_cols){0, NULL, NULL, NULL};
}

enum gs_status
outelem_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct outelem *o = outelem(dst);
    o->sink = NULL; /* the copy opens its own file */
    o->is_open = 0;
    o->vals = NULL;
    o->capvals = 0;
    o->plan = NULL;
    return GS_OK;
}

void
outelem_destroy(struct gs_element *el)
{
    struct outelem *o = outelem(el);
    struct sink_file sf = outelem_file(el);
    sink_free(o->sink, &sf);
    o->sink = NULL;
    free(o->vals);
    o->vals = NULL;
    plan_free(o);
}

enum gs_status
outelem_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct outelem *o = outelem(el);
    if (!o->append)
        o->initialize = 1;
    return GS_OK;
}

void
outelem_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    struct outelem *o = outelem(el);
    enum gs_status st = GS_OK;
    if (strcmp(fd->name, "filename") == 0 || (strcmp(fd->name, "leave_open") == 0 && !o->leave_open))
        st = outelem_close(sim, el);
    else if (strcmp(fd->name, "compress") == 0 || strcmp(fd->name, "flush_rows") == 0
             || strcmp(fd->name, "flush_spikes") == 0)
        st = outelem_release(sim, el);
    /* field_set cannot fail: an error closing the old file is dropped. */
    if (st != GS_OK)
        gs_diag_clear(sim);
}

enum gs_status
outelem_flush_action(struct gs_sim *sim, struct gs_element *el, int argc,
                     const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct sink_file sf = outelem_file(el);
    return sink_flush(sim, outelem(el)->sink, &sf);
}

enum gs_status
outelem_save_action(struct gs_sim *sim, struct gs_element *el, int argc,
                    const char *const *argv)
{
    (void)argc;
    (void)argv;
    return outelem_close(sim, el);
}
