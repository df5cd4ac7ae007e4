/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nodelist.c: the node lists after '@' (PGENESIS atsign.txt), parsed and
 * checked against the zone layout before anything is sent:
 *
 *   list  := spec { ',' spec }
 *   spec  := nodes [ '.' zones ]
 *   nodes := N | N '-' M | 'all' | 'other' | 'others' | '-1' | '-2'
 *   zones := N | N '-' M | 'all' | 'other' | 'others' | '-1' | '-2'
 *
 * Node numbers are counted inside a zone; a spec without a zone means the
 * caller's zone. 'others' as a node leaves out, in each zone named, the
 * node whose number is the caller's; as a zone it leaves out the caller's
 * zone. -1 and -2 are PGENESIS's old spellings of 'others' and 'all'.
 * Ranges (N-M) are a gensh addition. Blanks around words are allowed. The
 * result is a set of total nodes; it may be empty only through 'others'
 * (a one-node zone), which lets scripts written for N nodes run on one.
 *
 * Pure code: no MPI, no simulator, so it is unit-tested and fuzzed alone.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "par_int.h"

enum sel_kind { SEL_RANGE, SEL_ALL, SEL_OTHERS };

struct sel {
    enum sel_kind kind;
    long lo, hi; /* SEL_RANGE */
};

struct cursor {
    const char *text; /* the whole list, for messages */
    const char *p;
    char *err;
    size_t errlen;
};

static enum gs_status GS_PRINTFLIKE(2, 3)
fail(struct cursor *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return GS_ERR;
}

static void
skip_blanks(struct cursor *c)
{
    while (*c->p == ' ' || *c->p == '\t')
        c->p++;
}

/* Where an error is: "'REST'" of the text, or "the end". Uses BUF. */
static const char *
rest_q(const struct cursor *c, char *buf, size_t len)
{
    if (!*c->p)
        return "the end";
    snprintf(buf, len, "'%s'", c->p);
    return buf;
}
#define rest(c) rest_q((c), (char[160]){0}, 160)

static bool
word_at(const char *p, const char *word, size_t *len)
{
    size_t n = strlen(word);
    if (strncmp(p, word, n) != 0)
        return false;
    if (isalnum((unsigned char)p[n]) || p[n] == '_')
        return false;
    *len = n;
    return true;
}

static enum gs_status
parse_number(struct cursor *c, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(c->p, &end, 10);
    if (end == c->p || !isdigit((unsigned char)*c->p))
        return fail(c, "bad node list '%s': expected a number at %s", c->text, rest(c));
    if (errno == ERANGE || v > INT_MAX)
        return fail(c, "bad node list '%s': number too large at %s", c->text, rest(c));
    c->p = end;
    *out = v;
    return GS_OK;
}

/* One selector: a number, a range, 'all', 'other(s)', -1 or -2. WHAT is
 * "node" or "zone", for messages. */
static enum gs_status
parse_sel(struct cursor *c, struct sel *s, const char *what)
{
    size_t n;
    skip_blanks(c);
    if (word_at(c->p, "all", &n)) {
        s->kind = SEL_ALL;
        c->p += n;
    } else if (word_at(c->p, "others", &n) || word_at(c->p, "other", &n)) {
        s->kind = SEL_OTHERS;
        c->p += n;
    } else if (c->p[0] == '-' && (c->p[1] == '1' || c->p[1] == '2')
               && !isdigit((unsigned char)c->p[2])) {
        s->kind = c->p[1] == '1' ? SEL_OTHERS : SEL_ALL;
        c->p += 2;
    } else if (isdigit((unsigned char)*c->p)) {
        s->kind = SEL_RANGE;
        if (parse_number(c, &s->lo) != GS_OK)
            return GS_ERR;
        s->hi = s->lo;
        skip_blanks(c);
        if (*c->p == '-') {
            c->p++;
            skip_blanks(c);
            if (parse_number(c, &s->hi) != GS_OK)
                return GS_ERR;
            if (s->hi < s->lo)
                return fail(c, "bad node list '%s': %s range %ld-%ld runs backwards", c->text,
                            what, s->lo, s->hi);
        }
    } else {
        return fail(c, "bad node list '%s': expected a %s number, 'all' or 'others' at %s",
                    c->text, what, rest(c));
    }
    skip_blanks(c);
    return GS_OK;
}

static void
describe_range(char *buf, size_t len, const char *what, int n)
{
    if (n == 1)
        snprintf(buf, len, "%s 0", what);
    else
        snprintf(buf, len, "%ss 0-%d", what, n - 1);
}

/* Marks the nodes SEL picks in zone Z. */
static enum gs_status
mark_zone(struct cursor *c, const struct par_layout *lay, int z, const struct sel *sel,
          int myzone_node, unsigned char *set)
{
    int size = lay->zone_size[z], start = lay->zone_start[z];
    switch (sel->kind) {
    case SEL_ALL:
        memset(set + start, 1, (size_t)size);
        break;
    case SEL_OTHERS:
        for (int i = 0; i < size; i++)
            if (i != myzone_node)
                set[start + i] = 1;
        break;
    case SEL_RANGE:
        if (sel->hi >= size) {
            char have[48];
            describe_range(have, sizeof have, "node", size);
            long bad = sel->lo >= size ? sel->lo : sel->hi;
            if (lay->nzones > 1)
                return fail(c, "node %ld does not exist in zone %d (%s)", bad, z, have);
            return fail(c, "node %ld does not exist (%s)", bad, have);
        }
        for (long i = sel->lo; i <= sel->hi; i++)
            set[start + i] = 1;
        break;
    }
    return GS_OK;
}

enum gs_status
par_nodelist_parse(const struct par_layout *lay, const char *text, int **out, int *n,
                   char *err, size_t errlen)
{
    struct cursor c = {.text = text, .p = text, .err = err, .errlen = errlen};
    int total = 0, myzone = -1, mynode = -1;
    for (int z = 0; z < lay->nzones; z++) {
        total += lay->zone_size[z];
        if (lay->me >= lay->zone_start[z] && lay->me < lay->zone_start[z] + lay->zone_size[z]) {
            myzone = z;
            mynode = lay->me - lay->zone_start[z];
        }
    }
    if (myzone < 0 || total <= 0)
        GS_BUG("node list parsed against a layout without the caller (node %d)", lay->me);
    *out = NULL;
    *n = 0;
    skip_blanks(&c);
    if (*c.p == '\0')
        return fail(&c, "empty node list");

    /* First read the whole list, so that a syntax error anywhere is
     * reported before a missing node; then pick the nodes. */
    size_t cap = 8, nspec = 0;
    struct sel(*specs)[2] = xmalloc(cap * sizeof *specs);
    unsigned char *set = NULL;
    for (;;) {
        struct sel nodes, zones = {.kind = SEL_RANGE, .lo = myzone, .hi = myzone};
        if (parse_sel(&c, &nodes, "node") != GS_OK)
            goto bad;
        if (*c.p == '.') {
            c.p++;
            if (parse_sel(&c, &zones, "zone") != GS_OK)
                goto bad;
        }
        if (nspec == cap) {
            cap *= 2;
            specs = xreallocarray(specs, cap, sizeof *specs);
        }
        specs[nspec][0] = nodes;
        specs[nspec++][1] = zones;
        if (*c.p == '\0')
            break;
        if (*c.p != ',') {
            fail(&c, "bad node list '%s': expected ',' or '.' at %s", text, rest(&c));
            goto bad;
        }
        c.p++;
    }
    set = xcalloc((size_t)total, 1);
    for (size_t k = 0; k < nspec; k++) {
        const struct sel *nodes = &specs[k][0], *zones = &specs[k][1];
        if (zones->kind == SEL_RANGE && zones->hi >= lay->nzones) {
            char have[48];
            describe_range(have, sizeof have, "zone", lay->nzones);
            fail(&c, "zone %ld does not exist (%s)",
                 zones->lo >= lay->nzones ? zones->lo : zones->hi, have);
            goto bad;
        }
        for (int z = 0; z < lay->nzones; z++) {
            bool pick = zones->kind == SEL_ALL || (zones->kind == SEL_OTHERS && z != myzone)
                        || (zones->kind == SEL_RANGE && z >= zones->lo && z <= zones->hi);
            if (pick && mark_zone(&c, lay, z, nodes, mynode, set) != GS_OK)
                goto bad;
        }
    }
    free(specs);

    int count = 0;
    for (int i = 0; i < total; i++)
        count += set[i];
    int *list = xmalloc((size_t)(count ? count : 1) * sizeof *list);
    for (int i = 0, k = 0; i < total; i++)
        if (set[i])
            list[k++] = i;
    free(set);
    *out = list;
    *n = count;
    return GS_OK;
bad:
    free(specs);
    free(set);
    return GS_ERR;
}
