/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * msg.c: messages between elements: validation against the destination
 * class's message table, slot resolution (source fields become pointers,
 * numbers constants, "*words" strings), the incoming/outgoing arrays of
 * both ends, and removal.
 */
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

const char *
msg_type_name(const struct gs_msg *m)
{
    return m->dst->cls->msgs[m->type].name;
}

const char *
msg_str(const struct gs_msg *m, int k)
{
    const struct gs_slot *s = &m->slot[k];
    if (s->kind == GS_SLOT_STR && s->ptr) {
        const char *v = *(char *const *)s->ptr;
        return v ? v : "";
    }
    if (s->kind == GS_SLOT_STR && s->text[0] == '*')
        return s->text + 1;
    return s->text;
}

/* Resolves slot S from its text against SRC; records an error on failure. */
static enum gs_status
resolve_slot(struct gs_sim *sim, struct gs_element *src, struct gs_slot *s)
{
    double v;
    s->ptr = NULL;
    s->value = 0;
    if (s->text[0] == '*') {
        s->kind = GS_SLOT_STR;
        gs_parse_real(s->text + 1, &s->value);
        return GS_OK;
    }
    if (gs_parse_real(s->text, &v)) {
        s->kind = GS_SLOT_CONST;
        s->value = v;
        return GS_OK;
    }
    struct gs_fref f;
    if (field_find(sim, src, s->text, &f) != GS_OK)
        return GS_ERR;
    if (f.ufield) {
        /* User fields are strings whose storage moves; take the value now. */
        s->kind = GS_SLOT_CONST;
        gs_parse_real(f.ufield->value, &s->value);
        return GS_OK;
    }
    switch (f.type) {
    case GS_REAL:
        s->kind = GS_SLOT_REAL;
        break;
    case GS_FLOAT:
        s->kind = GS_SLOT_FLOAT;
        break;
    case GS_INT:
        s->kind = GS_SLOT_INT;
        break;
    case GS_STR:
        s->kind = GS_SLOT_STR;
        break;
    case GS_TABLE:
        return gs_error(sim, "field '%s' is a table and cannot be sent in a message", s->text);
    }
    s->ptr = f.addr;
    return GS_OK;
}

static void
slot_list(const struct gs_msgdef *d, struct strbuf *sb)
{
    for (int i = 0; i < d->nslots; i++)
        sb_printf(sb, "%s%s", i ? " " : "", d->slots[i] ? d->slots[i] : "value");
}

static size_t
msg_block_size(int nslots)
{
    return sizeof(struct gs_msg) + (size_t)nslots * sizeof(struct gs_slot);
}

/* Bumped wherever a message comes or goes or a slot is pointed anew. */
static unsigned long slots_epoch = 1;

unsigned long
msg_slots_epoch(void)
{
    return slots_epoch;
}

void
msg_free_unlinked(struct gs_msg *m)
{
    slots_epoch++;
    struct gs_model *model = m->dst->model;
    for (int i = 0; i < m->nslots; i++)
        strpool_put(model->strings, m->slot[i].text);
    free(m->data);
    pool_free(model->pool, m, msg_block_size(m->nslots));
}

static void
remove_ptr(struct gs_msg **arr, int *n, const struct gs_msg *m)
{
    for (int i = *n - 1; i >= 0; i--)
        if (arr[i] == m) {
            core_remove_at((void **)arr, n, i);
            return;
        }
}

/* Puts the new message M into its ends' lists and tells the destination's
 * class; frees M if the class refuses it. */
static enum gs_status
link(struct gs_sim *sim, struct gs_msg *m, struct gs_msg **out)
{
    struct gs_element *src = m->src, *dst = m->dst;
    slots_epoch++;
    core_push(sim->model, (void ***)&dst->in, &dst->nin, &dst->lcapin, m);
    core_push(sim->model, (void ***)&src->out, &src->nout, &src->lcapout, m);
    if (dst->cls->msg_added && dst->cls->msg_added(sim, dst, m) != GS_OK) {
        remove_ptr(dst->in, &dst->nin, m);
        remove_ptr(src->out, &src->nout, m);
        msg_free_unlinked(m);
        return GS_ERR;
    }
    if (out)
        *out = m;
    return GS_OK;
}

enum gs_status
msg_add(struct gs_sim *sim, struct gs_element *src, struct gs_element *dst, const char *type,
        int nslots, const char *const *slots, struct gs_msg **out)
{
    const struct gs_class *cls = dst->cls;
    int t = class_msg_index(cls, type);
    char *dpath = NULL;
    if (t < 0) {
        struct strbuf sb = STRBUF_INIT;
        for (int i = 0; cls->msgs && cls->msgs[i].name; i++)
            sb_printf(&sb, "%s%s", i ? ", " : "", cls->msgs[i].name);
        dpath = elem_path_str(dst);
        if (sb.len)
            gs_error(sim, "'%s' (class %s) accepts no %s messages; it accepts %s", dpath,
                     cls->name, type, sb_str(&sb));
        else
            gs_error(sim, "'%s' (class %s) accepts no messages", dpath, cls->name);
        sb_free(&sb);
        free(dpath);
        return GS_ERR;
    }
    const struct gs_msgdef *d = &cls->msgs[t];
    if (nslots != d->nslots) {
        struct strbuf sb = STRBUF_INIT;
        slot_list(d, &sb);
        if (d->nslots)
            gs_error(sim, "a %s message to class %s carries %d value%s (%s), got %d", d->name,
                     cls->name, d->nslots, d->nslots == 1 ? "" : "s", sb_str(&sb), nslots);
        else
            gs_error(sim, "a %s message to class %s carries no values, got %d", d->name,
                     cls->name, nslots);
        sb_free(&sb);
        return GS_ERR;
    }
    struct gs_msg *m = pool_alloc(&sim->model->pool, msg_block_size(nslots));
    m->src = src;
    m->dst = dst;
    m->type = t;
    m->nslots = nslots;
    for (int i = 0; i < nslots; i++) {
        m->slot[i].text = strpool_get(&sim->model->strings, slots[i]);
        if (resolve_slot(sim, src, &m->slot[i]) != GS_OK) {
            m->nslots = i + 1;
            msg_free_unlinked(m);
            return GS_ERR;
        }
    }
    model_changed(sim->model);
    return link(sim, m, out);
}

enum gs_status
msg_copy(struct gs_sim *sim, const struct gs_msg *from, struct gs_element *src,
         struct gs_element *dst, struct gs_msg **out)
{
    if (src->cls != from->src->cls || dst->cls != from->dst->cls)
        GS_BUG("msg_copy between elements of other classes");
    struct gs_msg *m = pool_alloc(&sim->model->pool, msg_block_size(from->nslots));
    m->src = src;
    m->dst = dst;
    m->type = from->type;
    m->nslots = from->nslots;
    const char *base = (const char *)from->src;
    size_t size = elem_block_size(src->cls);
    for (int i = 0; i < m->nslots; i++) {
        const struct gs_slot *s = &from->slot[i];
        struct gs_slot *t = &m->slot[i];
        t->text = strpool_get(&sim->model->strings, s->text);
        const char *p = s->ptr;
        /* A field of the source's own block is the same field of the copy's
         * (a slot the solver bound elsewhere is resolved again). */
        if (s->kind != GS_SLOT_CONST && p && p >= base && p < base + size) {
            t->kind = s->kind;
            t->ptr = (const char *)src + (p - base);
            t->value = s->value;
        } else if (resolve_slot(sim, src, t) != GS_OK) {
            m->nslots = i + 1;
            msg_free_unlinked(m);
            return GS_ERR;
        }
    }
    model_changed(sim->model);
    return link(sim, m, out);
}

void
msg_delete(struct gs_sim *sim, struct gs_msg *m)
{
    model_changed(sim->model);
    if (m->dst->cls->msg_deleted)
        m->dst->cls->msg_deleted(sim, m->dst, m);
    remove_ptr(m->dst->in, &m->dst->nin, m);
    remove_ptr(m->src->out, &m->src->nout, m);
    msg_free_unlinked(m);
}

void
msg_resolve(struct gs_msg *m)
{
    struct gs_sim *sim = m->dst->model->sim;
    slots_epoch++;
    for (int i = 0; i < m->nslots; i++)
        if (resolve_slot(sim, m->src, &m->slot[i]) != GS_OK) {
            /* The field existed when the message was made; class fields do
             * not go away, so this is a table that was freed. */
            gs_diag_clear(sim);
            m->slot[i].kind = GS_SLOT_CONST;
            m->slot[i].value = 0;
        }
}

void
msg_slot_bind(struct gs_msg *m, int k, enum gs_slot_kind kind, const void *ptr)
{
    slots_epoch++;
    m->slot[k].kind = kind;
    m->slot[k].ptr = ptr;
}

int
msg_in_index(const struct gs_msg *m)
{
    for (int i = 0; i < m->dst->nin; i++)
        if (m->dst->in[i] == m)
            return i;
    return -1;
}

int
msg_out_index(const struct gs_msg *m)
{
    for (int i = 0; i < m->src->nout; i++)
        if (m->src->out[i] == m)
            return i;
    return -1;
}
