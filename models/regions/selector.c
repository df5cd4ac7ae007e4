/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * selector.c: expands port selectors into ordered lists of element paths
 * (the grammar is in selector.h) and resolves them through path.c.
 */
#include "selector.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../base/strbuf.h"

void
sel_list_free(struct sel_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static void
sel_add(struct sel_list *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = s;
}

/* The parse of one selector: the text, and where the scan is. */
struct scan {
    struct gs_sim *sim;
    const char *text;
    const char *p;
};

static enum gs_status
bad(struct scan *s, const char *at, const char *why)
{
    return gs_error(s->sim, "selector '%s': column %d: %s", s->text, (int)(at - s->text) + 1,
                    why);
}

/* Brackets whose inside path.c reads as it is: [], [*], conditions. */
static bool
passthrough(const char *in, size_t n)
{
    if (n == 0 || (n == 1 && in[0] == '*'))
        return true;
    for (size_t i = 0; i < n; i++)
        if (strchr("=<>!", in[i]))
            return true;
    return false;
}

static bool
name_char(char c)
{
    return c && !strchr("/[],", c) && !isspace((unsigned char)c);
}

/* The end (']') of the bracket opened at OPEN, or NULL after an error. */
static const char *
close_of(struct scan *s, const char *open)
{
    for (const char *q = open + 1; *q; q++) {
        if (*q == ']')
            return q;
        if (*q == '[')
            return bad(s, q, "'[' inside brackets"), NULL;
    }
    return bad(s, open, "'[' is never closed"), NULL;
}

/* Parses a whole number at *P (digits only); false when there is none. */
static bool
number(const char **p, long *out)
{
    if (!isdigit((unsigned char)**p))
        return false;
    long v = 0;
    for (; isdigit((unsigned char)**p); (*p)++) {
        if (v > (SEL_MAX_PATHS * 10L))
            v = SEL_MAX_PATHS * 10L; /* too large: caught by the path limit */
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return true;
}

/* Appends the indices of the index list [IN, END) to IDX/NIDX. */
static enum gs_status
index_list(struct scan *s, const char *in, const char *end, long **idx, size_t *nidx)
{
    const char *p = in;
    for (;;) {
        const char *item = p;
        long lo, hi;
        if (!number(&p, &lo))
            return bad(s, p, "expected an index (N) or a range (N:M)");
        hi = lo + 1;
        if (*p == ':') {
            p++;
            if (!number(&p, &hi))
                return bad(s, p, "expected the end of the range after ':'");
            if (hi < lo)
                return bad(s, item, "index range runs backwards");
            if (hi == lo)
                return bad(s, item, "index range is empty (the end is excluded)");
        }
        if ((size_t)(hi - lo) > SEL_MAX_PATHS || *nidx + (size_t)(hi - lo) > SEL_MAX_PATHS)
            return bad(s, item, "more than 10000000 indices");
        *idx = xreallocarray(*idx, *nidx + (size_t)(hi - lo), sizeof **idx);
        for (long v = lo; v < hi; v++)
            (*idx)[(*nidx)++] = v;
        if (p == end)
            return GS_OK;
        if (*p != ',')
            return bad(s, p, *p == '-' ? "expected ',' or ']' (a range is written N:M)"
                                       : "expected ',' or ']' after an index");
        p++;
    }
}

/*
 * Parses one component at s->p (up to '/', ',' or the end) into ALTS, the
 * texts it stands for in order.
 */
static enum gs_status
component(struct scan *s, struct sel_list *alts)
{
    struct sel_list names = SEL_LIST_INIT;
    struct strbuf suffix = STRBUF_INIT; /* the brackets passed on to path.c */
    long *idx = NULL;
    size_t nidx = 0;
    bool indexed = false;
    enum gs_status st = GS_ERR;
    const char *p = s->p;

    if (*p == '[' && (isalpha((unsigned char)p[1]) || p[1] == '_')) {
        const char *q = close_of(s, p);
        if (!q)
            goto out;
        if (passthrough(p + 1, (size_t)(q - p - 1))) {
            sel_add(&names, xstrdup(""));
        } else { /* [L1,L2]: alternatives for the name */
            const char *a = p + 1;
            for (;;) {
                const char *e = a;
                while (e < q && name_char(*e))
                    e++;
                if (e == a) {
                    bad(s, a, "expected a name in the alternatives");
                    goto out;
                }
                sel_add(&names, xstrndup(a, (size_t)(e - a)));
                if (e == q)
                    break;
                if (*e != ',') {
                    bad(s, e, "expected ',' or ']' after a name");
                    goto out;
                }
                a = e + 1;
            }
            p = q + 1;
        }
    } else {
        const char *e = p;
        while (name_char(*e))
            e++;
        if (e == p && *p != '[') {
            bad(s, p, *p ? "expected a name" : "expected a name at the end");
            goto out;
        }
        sel_add(&names, xstrndup(p, (size_t)(e - p)));
        p = e;
    }
    while (*p == '[') {
        const char *q = close_of(s, p);
        if (!q)
            goto out;
        if (passthrough(p + 1, (size_t)(q - p - 1))) {
            sb_append(&suffix, p, (size_t)(q - p + 1));
        } else if (indexed) {
            bad(s, p, "a second index list");
            goto out;
        } else {
            indexed = true;
            if (index_list(s, p + 1, q, &idx, &nidx) != GS_OK)
                goto out;
        }
        p = q + 1;
    }
    if (*p && *p != '/' && *p != ',') {
        bad(s, p, *p == ']' ? "']' without '['"
                  : p[-1] == ']' ? "unexpected character after ']'"
                                 : "unexpected character (a blank?)");
        goto out;
    }
    const char *sfx = suffix.len ? sb_str(&suffix) : "";
    for (size_t a = 0; a < names.n; a++) {
        if (!indexed)
            sel_add(alts, xasprintf("%s%s", names.v[a], sfx));
        for (size_t k = 0; k < nidx; k++)
            sel_add(alts, xasprintf("%s[%ld]%s", names.v[a], idx[k], sfx));
    }
    s->p = p;
    st = GS_OK;
out:
    sel_list_free(&names);
    sb_free(&suffix);
    free(idx);
    return st;
}

/* Appends to OUT every PREFIX + the product of COMPS[I..N) joined by '/'. */
static void
product(struct sel_list *comps, size_t i, size_t n, struct strbuf *prefix, struct sel_list *out)
{
    if (i == n) {
        sel_add(out, xstrdup(sb_str(prefix)));
        return;
    }
    size_t keep = prefix->len;
    for (size_t k = 0; k < comps[i].n; k++) {
        if (i > 0)
            sb_putc(prefix, '/');
        sb_puts(prefix, comps[i].v[k]);
        product(comps, i + 1, n, prefix, out);
        prefix->len = keep;
        prefix->buf[keep] = '\0';
    }
}

/* One member of the union, at s->p, up to a ',' outside brackets or the end. */
static enum gs_status
member(struct scan *s, struct sel_list *out)
{
    struct sel_list *comps = NULL;
    size_t ncomps = 0;
    struct strbuf prefix = STRBUF_INIT;
    enum gs_status st = GS_ERR;
    const char *start = s->p;
    while (*s->p == '/')
        sb_putc(&prefix, *s->p++);
    if (!*s->p || *s->p == ',') {
        bad(s, s->p, s->p == start ? "empty selector" : "expected a name after '/'");
        goto out;
    }
    size_t total = 1;
    for (;;) {
        comps = xreallocarray(comps, ncomps + 1, sizeof *comps);
        comps[ncomps] = (struct sel_list)SEL_LIST_INIT;
        const char *at = s->p;
        if (component(s, &comps[ncomps++]) != GS_OK)
            goto out;
        total *= comps[ncomps - 1].n;
        if (total + out->n > SEL_MAX_PATHS) {
            bad(s, at, "the selector names more than 10000000 paths");
            goto out;
        }
        if (*s->p != '/')
            break;
        while (*s->p == '/')
            s->p++;
        if (!*s->p || *s->p == ',')
            break; /* a trailing '/' is allowed, as in paths */
    }
    product(comps, 0, ncomps, &prefix, out);
    st = GS_OK;
out:
    for (size_t i = 0; i < ncomps; i++)
        sel_list_free(&comps[i]);
    free(comps);
    sb_free(&prefix);
    return st;
}

enum gs_status
sel_expand(struct gs_sim *sim, const char *sel, struct sel_list *out)
{
    struct scan s = {sim, sel, sel};
    size_t first = out->n;
    for (;;) {
        if (member(&s, out) != GS_OK) {
            while (out->n > first)
                free(out->v[--out->n]);
            return GS_ERR;
        }
        if (!*s.p)
            return GS_OK;
        s.p++; /* the ',' of the union */
    }
}

enum gs_status
sel_resolve(struct gs_sim *sim, const char *sel, struct gs_elist *out)
{
    struct sel_list paths = SEL_LIST_INIT;
    struct gs_elist found = GS_ELIST_INIT;
    enum gs_status st = sel_expand(sim, sel, &paths);
    for (size_t i = 0; st == GS_OK && i < paths.n; i++) {
        const char *p = paths.v[i];
        if (!path_is_pattern(p)) {
            struct gs_element *el = path_lookup(sim, p);
            if (!el) {
                gs_diag_clear(sim); /* a syntax error of path.c reads as "does not exist" */
                st = gs_error(sim, "selector '%s': element '%s' does not exist", sel, p);
                break;
            }
            if (!(el->flags & GS_EL_MARK)) {
                el->flags |= GS_EL_MARK;
                elist_add(out, el);
            }
            continue;
        }
        found.n = 0;
        st = path_glob(sim, p, &found);
        for (size_t k = 0; st == GS_OK && k < found.n; k++)
            if (!(found.v[k]->flags & GS_EL_MARK)) {
                found.v[k]->flags |= GS_EL_MARK;
                elist_add(out, found.v[k]);
            }
    }
    for (size_t i = 0; i < out->n; i++)
        out->v[i]->flags &= ~GS_EL_MARK;
    if (st == GS_OK && out->n == 0)
        st = gs_error(sim, "selector '%s' matches no element", sel);
    if (st != GS_OK)
        out->n = 0;
    elist_free(&found);
    sel_list_free(&paths);
    return st;
}
