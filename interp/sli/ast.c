/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ast.c: the arena that owns one compilation's syntax tree, and the small
 * constructors and queries the parser and the writer share. The arena is
 * what lets the parser stop at the first error (longjmp) without leaking:
 * everything is freed in one go by sli_compile.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sli_int.h"

struct arena_blk {
    struct arena_blk *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_BLOCK 65536

void *
arena_alloc(struct arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct arena_blk *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = xmalloc(sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void
arena_free(struct arena *a)
{
    struct arena_blk *b = a->head;
    while (b) {
        struct arena_blk *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

struct expr *
ast_expr(struct parser *p, enum expr_kind kind, int line)
{
    struct expr *e = arena_alloc(p->a, sizeof *e);
    e->kind = kind;
    e->line = line;
    e->type = T_ANY;
    return e;
}

struct stmt *
ast_stmt(struct parser *p, enum stmt_kind kind, int line)
{
    struct stmt *s = arena_alloc(p->a, sizeof *s);
    s->kind = kind;
    s->line = line;
    s->end_line = line;
    return s;
}

struct word *
ast_word(struct parser *p, int line)
{
    struct word *w = arena_alloc(p->a, sizeof *w);
    w->line = line;
    return w;
}

void
ast_add_piece(struct parser *p, struct word *w, enum piece_kind kind, const char *text, size_t len,
              struct expr *e)
{
    struct piece **tail = &w->pieces;
    while (*tail)
        tail = &(*tail)->next;
    /* Adjacent literal text is merged, so a literal word is one piece. */
    if (kind == P_TEXT && tail != &w->pieces) {
        struct piece *last = w->pieces;
        while (last->next)
            last = last->next;
        if (last->kind == P_TEXT) {
            char *t = arena_alloc(p->a, last->len + len + 1);
            memcpy(t, last->text, last->len);
            memcpy(t + last->len, text, len);
            last->text = t;
            last->len += len;
            return;
        }
    }
    struct piece *pc = arena_alloc(p->a, sizeof *pc);
    pc->kind = kind;
    pc->text = text;
    pc->len = len;
    pc->e = e;
    *tail = pc;
}

bool
word_is_literal(const struct word *w)
{
    for (const struct piece *pc = w->pieces; pc; pc = pc->next)
        if (pc->kind != P_TEXT)
            return false;
    return true;
}

const char *
word_text(struct parser *p, const struct word *w, size_t *len)
{
    size_t n = 0;
    for (const struct piece *pc = w->pieces; pc; pc = pc->next)
        n += pc->len;
    char *t = arena_alloc(p->a, n + 1), *d = t;
    for (const struct piece *pc = w->pieces; pc; pc = pc->next) {
        memcpy(d, pc->text, pc->len);
        d += pc->len;
    }
    if (len)
        *len = n;
    return t;
}

const char *
vtype_name(enum vtype t)
{
    switch (t) {
    case T_INT:
        return "int";
    case T_FLOAT:
        return "float";
    case T_STR:
        return "str";
    case T_NUM:
    case T_ANY:
        break;
    }
    return "any";
}
