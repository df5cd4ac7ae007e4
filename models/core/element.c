/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * element.c: the element tree: create, delete, copy and move elements,
 * find children, build paths, handles and user fields. Instance and
 * element are one allocation of cls->size bytes, owned here (K4).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/rng.h"
#include "core_int.h"

/* The pointers an array of room LCAP holds. */
static size_t
room(uint8_t lcap)
{
    return lcap ? (size_t)1 << lcap : 0;
}

void
core_push(struct gs_model *m, void ***arr, int *n, uint8_t *lcap, void *item)
{
    if ((size_t)*n == room(*lcap)) {
        /* From 2: most elements have one or two children or messages. */
        if (*lcap >= 30)
            GS_BUG("array of %zu pointers cannot grow", room(*lcap));
        uint8_t nl = *lcap ? (uint8_t)(*lcap + 1) : 1;
        *arr = pool_realloc(&m->pool, *arr, room(*lcap) * sizeof **arr, room(nl) * sizeof **arr);
        *lcap = nl;
    }
    (*arr)[(*n)++] = item;
}

void
core_array_free(struct gs_model *m, void **arr, uint8_t lcap)
{
    pool_free(m->pool, arr, room(lcap) * sizeof *arr);
}

size_t
elem_block_size(const struct gs_class *cls)
{
    return cls->size < sizeof(struct gs_element) ? sizeof(struct gs_element) : cls->size;
}

void
core_remove_at(void **arr, int *n, int i)
{
    memmove(arr + i, arr + i + 1, (size_t)(*n - i - 1) * sizeof *arr);
    (*n)--;
}

bool
elem_name_ok(const char *name)
{
    if (!name || !name[0] || strlen(name) > GS_MAX_NAME)
        return false;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 127 || strchr("/[]*?#,^@{}\"'\\=<>!&|;", c))
            return false;
    }
    return true;
}

/* The child map's key: the parent's address, the hash the string pool
 * keeps for the (pooled) name, and the index, mixed. */
static size_t
child_hash(const struct gs_element *parent, const char *pooled, int index)
{
    uint64_t h = (uint64_t)(uintptr_t)parent * 0xff51afd7ed558ccdull;
    h ^= strpool_hash(pooled) * 0xc4ceb9fe1a85ec53ull;
    h ^= (uint64_t)(unsigned)index * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return (size_t)h;
}

/* The children of a parent with at most this many are found by a scan of
 * its child array (a few neighbouring blocks of the pool); only larger
 * families, such as the cells of a map, are in the child map. */
#define CHILD_SCAN 8

/* Names are pooled: equal names are the same pointer. */
static bool
child_is(const struct gs_element *c, const struct gs_element *parent, const char *pooled,
         int index)
{
    return c->parent == parent && c->index == index && c->name == pooled;
}

static void
childmap_put(struct gs_childmap *cm, struct gs_element *el)
{
    size_t mask = cm->cap - 1;
    size_t i = child_hash(el->parent, el->name, el->index) & mask;
    while (cm->slot[i])
        i = (i + 1) & mask;
    cm->slot[i] = el;
    cm->n++;
}

/* The model's child map; made on first use. */
static struct gs_childmap *
childmap_of(struct gs_model *m)
{
    if (!m->childmap)
        m->childmap = xcalloc(1, sizeof *m->childmap);
    return m->childmap;
}

static void
childmap_insert(struct gs_model *m, struct gs_element *el)
{
    struct gs_childmap *cm = childmap_of(m);
    el->flags |= GS_EL_INMAP;
    if ((cm->n + 1) * 2 > cm->cap) {
        /* Keep the load under a half; rehash into a doubled table. */
        struct gs_element **old = cm->slot;
        size_t oldcap = cm->cap;
        cm->cap = oldcap ? oldcap * 2 : 64;
        cm->slot = xcalloc(cm->cap, sizeof *cm->slot);
        cm->n = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                childmap_put(cm, old[i]);
        free(old);
    }
    childmap_put(cm, el);
}

static void
childmap_remove(struct gs_model *m, struct gs_element *el)
{
    struct gs_childmap *cm = m->childmap;
    if (!(el->flags & GS_EL_INMAP))
        return;
    el->flags &= ~(unsigned)GS_EL_INMAP;
    size_t mask = cm->cap - 1;
    size_t i = child_hash(el->parent, el->name, el->index) & mask;
    while (cm->slot[i] && cm->slot[i] != el)
        i = (i + 1) & mask;
    if (!cm->slot[i])
        GS_BUG("element '%s' is not in the child map", el->name);
    /* Backward-shift deletion keeps every probe chain unbroken. */
    cm->slot[i] = NULL;
    cm->n--;
    for (size_t j = (i + 1) & mask; cm->slot[j]; j = (j + 1) & mask) {
        struct gs_element *e = cm->slot[j];
        size_t home = child_hash(e->parent, e->name, e->index) & mask;
        /* Move E back to the hole when the hole lies on its probe path. */
        if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
            cm->slot[i] = e;
            cm->slot[j] = NULL;
            i = j;
        }
    }
}

void
childmap_free(struct gs_childmap *cm)
{
    if (!cm)
        return;
    free(cm->slot);
    free(cm);
}

struct gs_element *
elem_child(const struct gs_element *parent, const char *name, int index)
{
    /* A text no element uses is no element's name. */
    const char *pooled = strpool_find(parent->model->strings, name);
    if (!pooled)
        return NULL;
    if (parent->nchild <= CHILD_SCAN) {
        for (int i = 0; i < parent->nchild; i++)
            if (parent->child[i]->index == index && parent->child[i]->name == pooled)
                return parent->child[i];
        return NULL;
    }
    const struct gs_childmap *cm = parent->model->childmap;
    size_t mask = cm->cap - 1;
    for (size_t i = child_hash(parent, pooled, index) & mask; cm->slot[i]; i = (i + 1) & mask)
        if (child_is(cm->slot[i], parent, pooled, index))
            return cm->slot[i];
    return NULL;
}

bool
elem_is_ancestor(const struct gs_element *a, const struct gs_element *b)
{
    for (; b; b = b->parent)
        if (a == b)
            return true;
    return false;
}

void
elem_tail(const struct gs_element *el, struct strbuf *sb)
{
    sb_puts(sb, el->name);
    if (el->index != 0)
        sb_printf(sb, "[%d]", el->index);
}

void
elem_path(const struct gs_element *el, struct strbuf *sb)
{
    if (!el->parent) {
        sb_putc(sb, '/');
        return;
    }
    /* Collect the ancestors, then print from the top. */
    const struct gs_element *chain[256];
    int n = 0;
    for (const struct gs_element *e = el; e->parent && n < 256; e = e->parent)
        chain[n++] = e;
    if (n == 256) {
        elem_path(chain[255]->parent, sb);
        if (sb->len == 1)
            sb_reset(sb);
    }
    while (n > 0) {
        sb_putc(sb, '/');
        elem_tail(chain[--n], sb);
    }
}

char *
elem_path_str(const struct gs_element *el)
{
    struct strbuf sb = STRBUF_INIT;
    elem_path(el, &sb);
    return sb_take(&sb);
}

bool
elem_isa(const struct gs_element *el, const char *object)
{
    return class_isa(el->cls, object);
}

struct gs_handle
elem_handle(const struct gs_element *el)
{
    struct gs_handle h = {el->slot, el->model->slot_gen[el->slot]};
    return h;
}

struct gs_element *
elem_from_handle(const struct gs_model *m, struct gs_handle h)
{
    if (h.slot >= m->nslot || m->slot_gen[h.slot] != h.gen)
        return NULL;
    return m->slot_el[h.slot];
}

/* Links EL as the last child of PARENT. While a parent has more than
 * CHILD_SCAN children, all of them are in the child map. */
static void
link_child(struct gs_element *parent, struct gs_element *el)
{
    struct gs_model *m = el->model;
    el->parent = parent;
    core_push(m, (void ***)&parent->child, &parent->nchild, &parent->lcapchild, el);
    childmap_of(m)->gen++;
    if (parent->nchild == CHILD_SCAN + 1) {
        for (int i = 0; i < parent->nchild; i++)
            if (!(parent->child[i]->flags & GS_EL_INMAP))
                childmap_insert(m, parent->child[i]);
    } else if (parent->nchild > CHILD_SCAN) {
        childmap_insert(m, el);
    }
}

static void
unlink_child(struct gs_element *el)
{
    struct gs_element *p = el->parent;
    childmap_of(el->model)->gen++;
    childmap_remove(el->model, el);
    /* Children are mostly removed last-first (delete, failed creates). */
    for (int i = p->nchild - 1; i >= 0; i--)
        if (p->child[i] == el) {
            core_remove_at((void **)p->child, &p->nchild, i);
            break;
        }
    el->parent = NULL;
}

struct gs_element *
elem_alloc(struct gs_model *m, const struct gs_class *cls, const char *name, int index)
{
    struct gs_element *el = pool_alloc(&m->pool, elem_block_size(cls));
    el->cls = cls;
    el->name = strpool_get(&m->strings, name);
    el->index = index;
    el->model = m;
    el->clock = cls->clock;
    el->solver_index = -1;
    model_slot_alloc(m, el);
    return el;
}

void
elem_free_memory(struct gs_element *el)
{
    struct gs_model *m = el->model;
    field_free_owned(el);
    struct gs_elem_extra *x = el->extra;
    if (x) {
        for (int i = 0; i < x->nufield; i++) {
            free(x->ufield[i].name);
            free(x->ufield[i].value);
        }
        free(x->ufield);
        for (int i = 0; i < x->nsaction; i++) {
            free(x->saction[i].action);
            free(x->saction[i].func);
        }
        free(x->saction);
        free(x);
    }
    core_array_free(m, (void **)el->child, el->lcapchild);
    core_array_free(m, (void **)el->in, el->lcapin);
    core_array_free(m, (void **)el->out, el->lcapout);
    strpool_put(m->strings, el->name);
    pool_free(m->pool, el, elem_block_size(el->cls));
}

/* Frees an element that has no children, messages or links left. */
static void
elem_release(struct gs_model *m, struct gs_element *el)
{
    model_slot_free(m, el);
    elem_free_memory(el);
}

static void
free_below(struct gs_element *el)
{
    for (int i = el->nchild - 1; i >= 0; i--) {
        struct gs_element *c = el->child[i];
        free_below(c);
        if (c->cls->destroy)
            c->cls->destroy(c);
        for (int k = 0; k < c->nin; k++)
            msg_free_unlinked(c->in[k]);
        elem_free_memory(c);
    }
    el->nchild = 0;
}

/* The end of a model: unlike elem_delete, nothing is taken out of the
 * lists of what remains (parents' children, the other ends' messages, the
 * child map, the slot table), since all of it goes too; one walk, bottom
 * up, each message freed with its destination. */
void
elem_free_all_below(struct gs_element *root)
{
    free_below(root);
    for (int k = 0; k < root->nin; k++)
        msg_free_unlinked(root->in[k]);
    root->nin = 0;
    root->nout = 0;
}

static enum gs_status
check_new_name(struct gs_sim *sim, struct gs_element *parent, const char *name, int index)
{
    if (!elem_name_ok(name))
        return gs_error(sim, "'%s' is not a valid element name", name);
    if (index < 0 || index > GS_MAX_INDEX)
        return gs_error(sim, "index %d of '%s' is out of range (0 to %d)", index, name,
                        GS_MAX_INDEX);
    if (elem_child(parent, name, index)) {
        struct strbuf sb = STRBUF_INIT;
        elem_path(parent, &sb);
        if (sb.len > 1)
            sb_putc(&sb, '/');
        sb_puts(&sb, name);
        if (index)
            sb_printf(&sb, "[%d]", index);
        gs_error(sim, "element '%s' already exists", sb_str(&sb));
        sb_free(&sb);
        return GS_ERR;
    }
    return GS_OK;
}

enum gs_status
elem_create(struct gs_sim *sim, const struct gs_class *cls, struct gs_element *parent,
            const char *name, int index, struct gs_element **out)
{
    struct gs_model *m = sim->model;
    if (check_new_name(sim, parent, name, index) != GS_OK)
        return GS_ERR;
    model_changed(m);
    struct gs_element *el = elem_alloc(m, cls, name, index);
    link_child(parent, el);
    if (cls->create && cls->create(sim, el) != GS_OK) {
        unlink_child(el);
        if (cls->destroy)
            cls->destroy(el);
        elem_release(m, el);
        return GS_ERR;
    }
    m->last = el;
    if (out)
        *out = el;
    return GS_OK;
}

/* Deletes EL's subtree bottom-up; EL is still linked to its parent. */
static void
delete_rec(struct gs_sim *sim, struct gs_element *el)
{
    while (el->nchild > 0)
        delete_rec(sim, el->child[el->nchild - 1]);
    while (el->nin > 0)
        msg_delete(sim, el->in[el->nin - 1]);
    while (el->nout > 0)
        msg_delete(sim, el->out[el->nout - 1]);
    if (el->cls->destroy)
        el->cls->destroy(el);
    model_forget(el->model, el);
    unlink_child(el);
    elem_release(el->model, el);
}

void
elem_delete(struct gs_sim *sim, struct gs_element *el)
{
    if (!el->parent)
        GS_BUG("attempt to delete the root element");
    model_changed(sim->model);
    delete_rec(sim, el);
}

/* Pairs of (original, copy) for re-creating messages inside a copied subtree. */
struct copy_map {
    struct gs_element **from, **to;
    size_t n, cap;
};

static void
map_add(struct copy_map *cm, struct gs_element *from, struct gs_element *to)
{
    if (cm->n == cm->cap) {
        cm->cap = cm->cap ? cm->cap * 2 : 16;
        cm->from = xreallocarray(cm->from, cm->cap, sizeof *cm->from);
        cm->to = xreallocarray(cm->to, cm->cap, sizeof *cm->to);
    }
    cm->from[cm->n] = from;
    cm->to[cm->n] = to;
    cm->n++;
}

static struct gs_ufield *ufield_append(struct gs_element *el, const char *name);

/* Copies SRC (and below) as NAME[INDEX] under PARENT; records pairs in CM. */
static enum gs_status
copy_rec(struct gs_sim *sim, struct gs_element *src, struct gs_element *parent, const char *name,
         int index, struct copy_map *cm, struct gs_element **out)
{
    const struct gs_class *cls = src->cls;
    struct gs_element *el = elem_alloc(sim->model, cls, name, index);
    size_t hdr = sizeof(struct gs_element);
    if (cls->size > hdr)
        memcpy((char *)el + hdr, (const char *)src + hdr, cls->size - hdr);
    field_dup_owned(el);
    el->clock = src->clock;
    el->flags = src->flags & GS_EL_DISABLED;
    el->x = src->x;
    el->y = src->y;
    el->z = src->z;
    const struct gs_elem_extra *sx = src->extra;
    for (int i = 0; sx && i < sx->nufield; i++) {
        struct gs_ufield *u = ufield_append(el, sx->ufield[i].name);
        free(u->value);
        u->value = xstrdup(sx->ufield[i].value);
    }
    for (int i = 0; sx && i < sx->nsaction; i++)
        elem_set_saction(sim, el, sx->saction[i].action, sx->saction[i].func);
    link_child(parent, el);
    if (cls->copy && cls->copy(sim, el, src) != GS_OK) {
        unlink_child(el);
        /* The class's copy failed half-way; its destroy must cope with that. */
        if (cls->destroy)
            cls->destroy(el);
        elem_release(sim->model, el);
        return GS_ERR;
    }
    map_add(cm, src, el);
    *out = el;
    /* Children: iterate over a snapshot count, since copying into a subtree
     * of SRC is refused by the caller. */
    for (int i = 0; i < src->nchild; i++) {
        struct gs_element *c;
        if (copy_rec(sim, src->child[i], el, src->child[i]->name, src->child[i]->index, cm, &c)
            != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}

static struct gs_element *
map_find(const struct copy_map *cm, const struct gs_element *from)
{
    for (size_t i = 0; i < cm->n; i++)
        if (cm->from[i] == from)
            return cm->to[i];
    return NULL;
}

enum gs_status
elem_copy(struct gs_sim *sim, struct gs_element *src, struct gs_element *parent, const char *name,
          int index, struct gs_element **out)
{
    if (!src->parent)
        return gs_error(sim, "cannot copy the root element");
    if (elem_is_ancestor(src, parent))
        return gs_error(sim, "cannot copy an element into itself");
    if (check_new_name(sim, parent, name, index) != GS_OK)
        return GS_ERR;
    model_sync(sim->model);
    model_changed(sim->model);
    struct copy_map cm = {0};
    struct gs_element *top = NULL;
    enum gs_status st = copy_rec(sim, src, parent, name, index, &cm, &top);
    /* Messages with both ends inside the copied subtree, in the order the
     * destinations received them. */
    for (size_t i = 0; st == GS_OK && i < cm.n; i++) {
        struct gs_element *d = cm.from[i];
        for (int k = 0; k < d->nin && st == GS_OK; k++) {
            struct gs_msg *m = d->in[k];
            struct gs_element *s2 = map_find(&cm, m->src);
            if (!s2)
                continue;
            struct gs_msg *nm;
            st = msg_copy(sim, m, s2, cm.to[i], &nm);
            if (st == GS_OK && d->cls->msg_copied)
                d->cls->msg_copied(sim, nm, m);
        }
    }
    if (st != GS_OK) {
        if (top && top->parent)
            delete_rec(sim, top);
    } else {
        sim->model->last = top;
        if (out)
            *out = top;
    }
    free(cm.from);
    free(cm.to);
    return st;
}

enum gs_status
elem_move(struct gs_sim *sim, struct gs_element *el, struct gs_element *parent, const char *name,
          int index)
{
    if (!el->parent)
        return gs_error(sim, "cannot move the root element");
    if (elem_is_ancestor(el, parent))
        return gs_error(sim, "cannot move an element into itself");
    struct gs_element *same = elem_child(parent, name, index);
    if (same == el)
        return GS_OK;
    if (check_new_name(sim, parent, name, index) != GS_OK)
        return GS_ERR;
    model_changed(sim->model);
    unlink_child(el);
    const char *old = el->name;
    el->name = strpool_get(&sim->model->strings, name);
    strpool_put(sim->model->strings, old);
    el->index = index;
    link_child(parent, el);
    return GS_OK;
}

static struct gs_elem_extra *
extra_of(struct gs_element *el)
{
    if (!el->extra)
        el->extra = xcalloc(1, sizeof *el->extra);
    return el->extra;
}

/* Appends user field NAME (value "") to EL; returns it. */
static struct gs_ufield *
ufield_append(struct gs_element *el, const char *name)
{
    struct gs_elem_extra *x = extra_of(el);
    x->ufield = xreallocarray(x->ufield, (size_t)x->nufield + 1, sizeof *x->ufield);
    struct gs_ufield *u = &x->ufield[x->nufield++];
    u->name = xstrdup(name);
    u->value = xstrdup("");
    return u;
}

struct gs_ufield *
elem_ufield(const struct gs_element *el, const char *name)
{
    const struct gs_elem_extra *x = el->extra;
    for (int i = 0; x && i < x->nufield; i++)
        if (strcmp(x->ufield[i].name, name) == 0)
            return &x->ufield[i];
    return NULL;
}

int
elem_nufield(const struct gs_element *el)
{
    return el->extra ? el->extra->nufield : 0;
}

const char *
elem_ufield_name(const struct gs_element *el, int i)
{
    return el->extra->ufield[i].name;
}

uint64_t
elem_identity(const struct gs_element *el)
{
    if (!el->parent)
        return UINT64_C(0x6a09e667f3bcc908);
    const struct gs_ufield *io = elem_ufield(el, "io_index");
    if (io && io->value[0])
        return rng_key(UINT64_C(0xbb67ae8584caa73b), strtoull(io->value, NULL, 10), 0, 0);
    uint64_t h = UINT64_C(0xcbf29ce484222325); /* FNV-1a of the name */
    for (const char *c = el->name; *c; c++)
        h = (h ^ (unsigned char)*c) * UINT64_C(0x100000001b3);
    return rng_key(elem_identity(el->parent), h, (uint64_t)el->index, 0);
}

enum gs_status
elem_add_ufield(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    if (!name[0] || strpbrk(name, " \t/[]->.") || strlen(name) > GS_MAX_NAME)
        return gs_error(sim, "'%s' is not a valid field name", name);
    if (class_field(el->cls, name) || elem_ufield(el, name)) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s' already has a field '%s'", p, name);
        free(p);
        return GS_ERR;
    }
    ufield_append(el, name);
    return GS_OK;
}

enum gs_status
elem_delete_ufield(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    struct gs_elem_extra *x = el->extra;
    for (int i = 0; x && i < x->nufield; i++)
        if (strcmp(x->ufield[i].name, name) == 0) {
            free(x->ufield[i].name);
            free(x->ufield[i].value);
            memmove(x->ufield + i, x->ufield + i + 1,
                    (size_t)(x->nufield - i - 1) * sizeof *x->ufield);
            x->nufield--;
            return GS_OK;
        }
    char *p = elem_path_str(el);
    if (class_field(el->cls, name))
        gs_error(sim, "'%s' is a built-in field of '%s' and cannot be deleted", name, p);
    else
        gs_error(sim, "'%s' has no added field '%s'", p, name);
    free(p);
    return GS_ERR;
}

/* ---- script actions (addaction) ---------------------------------------------------- */

static struct gs_saction *
saction_find(const struct gs_element *el, const char *action)
{
    const struct gs_elem_extra *x = el->extra;
    for (int i = 0; x && i < x->nsaction; i++)
        if (strcasecmp(x->saction[i].action, action) == 0)
            return &x->saction[i];
    return NULL;
}

const char *
elem_saction(const struct gs_element *el, const char *action)
{
    const struct gs_saction *sa = saction_find(el, action);
    return sa ? sa->func : NULL;
}

void
elem_set_saction(struct gs_sim *sim, struct gs_element *el, const char *action, const char *func)
{
    struct gs_saction *sa = saction_find(el, action);
    if (sa) {
        free(sa->func);
        sa->func = xstrdup(func);
    } else {
        struct gs_elem_extra *x = extra_of(el);
        x->saction = xreallocarray(x->saction, (size_t)x->nsaction + 1, sizeof *x->saction);
        sa = &x->saction[x->nsaction++];
        sa->action = xstrdup(action);
        sa->func = xstrdup(func);
    }
    sim->model->sched_dirty = true;
}

enum gs_status
elem_run_saction(struct gs_sim *sim, struct gs_element *el, const char *action, int argc,
                 const char *const *argv)
{
    const char *func = elem_saction(el, action);
    if (!func)
        GS_BUG("no script action %s", action);
    if (!sim->run_words)
        return gs_error(sim, "action %s: no interpreter to run '%s'", action, func);
    const char **words = xcalloc((size_t)argc + 2, sizeof *words);
    char *fn = xstrdup(func); /* the function may replace its own action */
    char *act = xstrdup(action);
    words[0] = fn;
    words[1] = act;
    for (int i = 0; i < argc; i++)
        words[i + 2] = argv[i];
    /* The element is the working element while its action runs; the old
     * one comes back after, unless the action deleted it. */
    struct gs_model *m = sim->model;
    struct gs_handle old = elem_handle(m->cwe);
    m->cwe = el;
    enum gs_status st = sim->run_words(sim, argc + 2, words);
    struct gs_element *back = elem_from_handle(m, old);
    m->cwe = back ? back : m->root;
    free(act);
    free(fn);
    free(words);
    return st;
}

bool
elem_has_action(const struct gs_element *el, enum gs_action a)
{
    return class_has_action(el->cls, a)
           || (el->extra && elem_saction(el, class_action_name(a)));
}
