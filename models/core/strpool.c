/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * strpool.c: the model's shared strings. Element names and the words of
 * message slots repeat across every copy of a cell ("soma", "Na_rs",
 * "Vm", "Gk"); each distinct text is stored once, with a count of its
 * users, and freed when the last one lets it go. A network of a million
 * cells then holds a handful of name strings instead of millions of
 * small heap blocks.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

struct strent {
    struct strent *next; /* in its bucket */
    uint32_t hash;
    uint32_t refs;
    char s[];
};

struct gs_strpool {
    struct strent **bucket;
    size_t cap; /* a power of two */
    size_t n;
};

static uint32_t
str_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static struct strent *
ent_of(const char *s)
{
    return (struct strent *)(void *)(s - offsetof(struct strent, s));
}


static void
grow(struct gs_strpool *p)
{
    size_t cap = p->cap ? p->cap * 2 : 64;
    struct strent **b = xcalloc(cap, sizeof *b);
    for (size_t i = 0; i < p->cap; i++)
        for (struct strent *e = p->bucket[i], *next; e; e = next) {
            next = e->next;
            e->next = b[e->hash & (cap - 1)];
            b[e->hash & (cap - 1)] = e;
        }
    free(p->bucket);
    p->bucket = b;
    p->cap = cap;
}

static struct strent *
find(const struct gs_strpool *p, const char *s, uint32_t h)
{
    if (p && p->cap)
        for (struct strent *e = p->bucket[h & (p->cap - 1)]; e; e = e->next)
            if (e->hash == h && strcmp(e->s, s) == 0)
                return e;
    return NULL;
}

const char *
strpool_find(const struct gs_strpool *p, const char *s)
{
    struct strent *e = find(p, s, str_hash(s));
    return e ? e->s : NULL;
}

uint32_t
strpool_hash(const char *s)
{
    return ent_of(s)->hash;
}

const char *
strpool_get(struct gs_strpool **pp, const char *s)
{
    if (!*pp)
        *pp = xcalloc(1, sizeof **pp);
    struct gs_strpool *p = *pp;
    uint32_t h = str_hash(s);
    struct strent *e = find(p, s, h);
    if (e) {
        if (e->refs == UINT32_MAX)
            GS_BUG("string '%s' shared by too many users", s);
        e->refs++;
        return e->s;
    }
    if (p->n >= p->cap)
        grow(p);
    size_t len = strlen(s);
    e = xmalloc(sizeof *e + len + 1);
    memcpy(e->s, s, len + 1);
    e->hash = h;
    e->refs = 1;
    e->next = p->bucket[h & (p->cap - 1)];
    p->bucket[h & (p->cap - 1)] = e;
    p->n++;
    return e->s;
}

void
strpool_put(struct gs_strpool *p, const char *s)
{
    struct strent *e = ent_of(s);
    if (--e->refs > 0)
        return;
    for (struct strent **link = &p->bucket[e->hash & (p->cap - 1)]; *link; link = &(*link)->next)
        if (*link == e) {
            *link = e->next;
            p->n--;
            free(e);
            return;
        }
    GS_BUG("string '%s' is not in the pool", s);
}

void
strpool_free(struct gs_strpool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->cap; i++)
        for (struct strent *e = p->bucket[i], *next; e; e = next) {
            next = e->next;
            free(e);
        }
    free(p->bucket);
    free(p);
}
