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

long
outelem_values(struct gs_element *el, int type)
{
    struct outelem *o = outelem(el);
    if (el->nin > o->capvals) {
        o->capvals = el->nin;
        o->vals = xreallocarray(o->vals, (size_t)o->capvals, sizeof *o->vals);
    }
    long n = 0;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == type)
            o->vals[n++] = msg_val(el->in[i], 0);
    return n;
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
