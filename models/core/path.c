/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * path.c: element paths and wildcard patterns, used by every command.
 *
 * A pattern is a comma-separated list of paths. A path is absolute ("/a"),
 * relative to the working element ("a/b"), or starts at "^" (the last
 * created element); "." and ".." work anywhere. Each component is a name
 * (with "*" and "?" globbing, "#" or no name before a bracket for any name,
 * "##" for every descendant),
 * an optional index selection ("[3]", "[]", "[0-9]", "[1,4-6]") and any
 * number of conditions: on the class ("[TYPE=compartment]", "[OBJECT=x]",
 * "[ISA=x]", "[CLASS=x]", each also with "!=" or "<>") or on a field's
 * number ("[x>5]", "[Vm<=-0.06]", with = <> != > < >= <=; an element
 * without the field does not match). A plain name with no index selects
 * index 0, as in GENESIS; a wildcard name selects every index unless one
 * is given.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

void
elist_add(struct gs_elist *l, struct gs_element *el)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = el;
}

void
elist_free(struct gs_elist *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

bool
path_is_pattern(const char *p)
{
    /* Brackets holding only digits are plain indices. */
    for (const char *s = p; *s; s++) {
        if (strchr("*?#,", *s))
            return true;
        if (*s == '[') {
            const char *e = s + 1;
            while (isdigit((unsigned char)*e))
                e++;
            if (*e != ']' || e == s + 1)
                return true;
            s = e;
        }
    }
    return false;
}

/* ---- parsing ---------------------------------------------------------------- */

enum cond_kind { COND_TYPE, COND_ISA, COND_CLASS, COND_FIELD };
enum cond_op { OP_EQ, OP_NE, OP_GT, OP_LT, OP_GE, OP_LE };

struct cond {
    enum cond_kind kind;
    enum cond_op op;      /* OP_EQ or OP_NE for the class conditions */
    char *value;          /* the class name, or the field's name */
    double number;        /* COND_FIELD: what the field is compared with */
};

struct range {
    long lo, hi;
};

enum comp_kind { COMP_NAME, COMP_DOT, COMP_DOTDOT, COMP_ALLDESC };

struct comp {
    enum comp_kind kind;
    char *name;            /* glob pattern (COMP_NAME); "*" for '#' */
    bool glob;             /* name has wildcard characters */
    bool any_index;        /* [] or wildcard name without index */
    struct range *ranges;  /* explicit index selection */
    int nranges;
    struct cond *conds;
    int nconds;
    bool field_conds;      /* some condition reads a field */
    /* The class conditions depend only on an element's class: their result
     * per class, remembered for the life of the parsed pattern (a schedule
     * task's /##[CLASS=...] meets the same few classes 10^5 times). */
    const struct gs_class *memo_cls[32];
    bool memo_ok[32];
};

struct ppath {
    enum { START_CWE, START_ROOT, START_LAST } start;
    struct comp *comps;
    int ncomps;
    struct gs_sim *sim;    /* for the field conditions */
};

static void
ppath_free(struct ppath *p)
{
    for (int i = 0; i < p->ncomps; i++) {
        struct comp *c = &p->comps[i];
        free(c->name);
        free(c->ranges);
        for (int k = 0; k < c->nconds; k++)
            free(c->conds[k].value);
        free(c->conds);
    }
    free(p->comps);
    memset(p, 0, sizeof *p);
}

static enum gs_status
bad_path(struct gs_sim *sim, const char *full, const char *why)
{
    return gs_error(sim, "malformed path '%s': %s", full, why);
}

/* The comparison operator at S (of at most N characters): its kind and
 * length, or 0 when there is none. */
static size_t
cond_operator(const char *s, size_t n, enum cond_op *op)
{
    static const struct {
        const char *text;
        enum cond_op op;
    } ops[] = {{">=", OP_GE}, {"<=", OP_LE}, {"<>", OP_NE}, {"!=", OP_NE},
               {"=", OP_EQ},  {">", OP_GT},  {"<", OP_LT}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t len = strlen(ops[i].text);
        if (len <= n && strncmp(s, ops[i].text, len) == 0) {
            *op = ops[i].op;
            return len;
        }
    }
    return 0;
}

/* Parses a condition "[NAME OP VALUE]" (TEXT, length N, OPAT the index of
 * the operator) into C. */
static enum gs_status
parse_cond(struct gs_sim *sim, const char *full, const char *text, size_t n, size_t opat,
           struct comp *c)
{
    struct cond cd = {0};
    size_t oplen = cond_operator(text + opat, n - opat, &cd.op);
    size_t vlen = n - opat - oplen;
    const char *v = text + opat + oplen;
    if (opat == 0)
        return bad_path(sim, full, "a condition needs a field or TYPE, ISA or CLASS before its operator");
    if (vlen == 0)
        return bad_path(sim, full, "empty condition value");
    if ((opat == 4 && strncmp(text, "TYPE", 4) == 0) || (opat == 6 && strncmp(text, "OBJECT", 6) == 0))
        cd.kind = COND_TYPE;
    else if (opat == 3 && strncmp(text, "ISA", 3) == 0)
        cd.kind = COND_ISA;
    else if (opat == 5 && strncmp(text, "CLASS", 5) == 0)
        cd.kind = COND_CLASS;
    else
        cd.kind = COND_FIELD;
    if (cd.kind != COND_FIELD) {
        if (cd.op != OP_EQ && cd.op != OP_NE)
            return bad_path(sim, full, "TYPE, ISA and CLASS compare with = or != only");
        cd.value = xstrndup(v, vlen);
    } else {
        char *num = xstrndup(v, vlen), *end;
        cd.number = strtod(num, &end);
        bool ok = end != num && *end == '\0';
        free(num);
        if (!ok)
            return bad_path(sim, full, "a field condition compares with a number");
        cd.value = xstrndup(text, opat);
        c->field_conds = true;
    }
    c->conds = xreallocarray(c->conds, (size_t)c->nconds + 1, sizeof *c->conds);
    c->conds[c->nconds++] = cd;
    return GS_OK;
}

/* Parses the inside of [...] (TEXT, length N) into C. */
static enum gs_status
parse_bracket(struct gs_sim *sim, const char *full, const char *text, size_t n, struct comp *c)
{
    size_t opat = strcspn(text, "=<>!");
    if (opat < n)
        return parse_cond(sim, full, text, n, opat, c);
    if (n == 0 || (n == 1 && text[0] == '*')) {
        c->any_index = true;
        return GS_OK;
    }
    /* Index list: N, N-M, comma separated. */
    const char *p = text, *end = text + n;
    while (p < end) {
        char *e;
        if (!isdigit((unsigned char)*p))
            return bad_path(sim, full, "expected an index, a range or a condition in brackets");
        struct range r;
        r.lo = strtol(p, &e, 10);
        r.hi = r.lo;
        p = e;
        if (p < end && *p == '-') {
            p++;
            if (p >= end || !isdigit((unsigned char)*p))
                return bad_path(sim, full, "incomplete index range");
            r.hi = strtol(p, &e, 10);
            p = e;
        }
        if (r.hi < r.lo)
            return bad_path(sim, full, "index range runs backwards");
        c->ranges = xreallocarray(c->ranges, (size_t)c->nranges + 1, sizeof *c->ranges);
        c->ranges[c->nranges++] = r;
        if (p < end && *p == ',')
            p++;
        else if (p < end)
            return bad_path(sim, full, "expected ',' or ']' after an index");
    }
    return GS_OK;
}

/* Does [P, END) hold one or more digits and nothing else? */
static bool
digits_to_end(const char *p, const char *end)
{
    if (p >= end)
        return false;
    for (; p < end; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    return true;
}

/* Parses one component TEXT (length N). */
static enum gs_status
parse_comp(struct gs_sim *sim, const char *full, const char *text, size_t n, struct comp *c)
{
    memset(c, 0, sizeof *c);
    const char *br = memchr(text, '[', n);
    size_t nlen = br ? (size_t)(br - text) : n;
    if (nlen == 1 && text[0] == '.' && !br) {
        c->kind = COMP_DOT;
        return GS_OK;
    }
    if (nlen == 2 && strncmp(text, "..", 2) == 0 && !br) {
        c->kind = COMP_DOTDOT;
        return GS_OK;
    }
    if (nlen == 0 && !br)
        return bad_path(sim, full, "empty element name");
    c->kind = COMP_NAME;
    if (nlen == 0) {
        /* "[TYPE=compartment]", "[]": no name is any name, as '#' */
        c->name = xstrdup("*");
        c->glob = true;
    } else if (nlen == 2 && strncmp(text, "##", 2) == 0) {
        c->kind = COMP_ALLDESC;
        c->name = xstrdup("*");
        c->glob = true;
    } else if (nlen == 1 && text[0] == '#') {
        c->name = xstrdup("*");
        c->glob = true;
    } else {
        c->name = xstrndup(text, nlen);
        c->glob = strpbrk(c->name, "*?") != NULL;
    }
    const char *p = br, *end = text + n;
    while (p && p < end) {
        if (*p != '[')
            return bad_path(sim, full, "unexpected text after ']'");
        const char *q = memchr(p, ']', (size_t)(end - p));
        if (!q && digits_to_end(p + 1, end)) {
            /* "cell[3" (no ']'): GENESIS reads the digits as the index,
             * and scripts rely on it (RSnet's graphics.g). */
            if (parse_bracket(sim, full, p + 1, (size_t)(end - p - 1), c) != GS_OK)
                return GS_ERR;
            break;
        }
        if (!q)
            return bad_path(sim, full, "missing ']'");
        if (parse_bracket(sim, full, p + 1, (size_t)(q - p - 1), c) != GS_OK)
            return GS_ERR;
        p = q + 1;
    }
    if (c->glob && c->nranges == 0)
        c->any_index = true;
    return GS_OK;
}

/* Parses one path (no top-level commas) of length N. */
static enum gs_status
parse_path(struct gs_sim *sim, const char *text, size_t n, struct ppath *pp)
{
    memset(pp, 0, sizeof *pp);
    pp->sim = sim;
    char *full = xstrndup(text, n);
    const char *p = text, *end = text + n;
    enum gs_status st = GS_OK;
    if (n == 0) {
        st = bad_path(sim, full, "empty path");
        goto out;
    }
    if (*p == '/') {
        pp->start = START_ROOT;
        while (p < end && *p == '/')
            p++;
    } else if (*p == '^' && (p + 1 == end || p[1] == '/')) {
        pp->start = START_LAST;
        p++;
    } else {
        pp->start = START_CWE;
    }
    while (p < end) {
        if (*p == '/') {
            p++;
            continue;
        }
        /* A component runs to the next '/' outside brackets. */
        const char *q = p, *open = NULL;
        int depth = 0;
        while (q < end && (depth > 0 || *q != '/')) {
            /* An index left open ("cell[3/soma") ends at the '/'. */
            if (*q == '/' && depth == 1 && digits_to_end(open + 1, q))
                break;
            if (*q == '[') {
                depth++;
                open = q;
            } else if (*q == ']') {
                depth--;
            }
            q++;
        }
        pp->comps = xreallocarray(pp->comps, (size_t)pp->ncomps + 1, sizeof *pp->comps);
        st = parse_comp(sim, full, p, (size_t)(q - p), &pp->comps[pp->ncomps]);
        pp->ncomps++;
        if (st != GS_OK)
            goto out;
        p = q;
    }
out:
    free(full);
    return st;
}

/* ---- matching ---------------------------------------------------------------- */

/* A class condition (TYPE, ISA, CLASS) on EL's class. */
static bool
class_cond_ok(const struct cond *cd, const struct gs_element *el)
{
    bool r = false;
    switch (cd->kind) {
    case COND_TYPE:
        r = strcmp(el->cls->name, cd->value) == 0;
        break;
    case COND_ISA:
        r = class_isa(el->cls, cd->value);
        break;
    case COND_CLASS:
        r = class_in(el->cls, cd->value);
        break;
    case COND_FIELD:
        return true;
    }
    return cd->op == OP_NE ? !r : r;
}

/* A field condition on EL: false when EL has no such field. */
static bool
field_cond_ok(struct gs_sim *sim, const struct cond *cd, struct gs_element *el)
{
    struct gs_fref f;
    if (field_find(sim, el, cd->value, &f) != GS_OK) {
        gs_diag_clear(sim);
        return false;
    }
    double v = field_real(sim, &f);
    switch (cd->op) {
    case OP_EQ: return v == cd->number;
    case OP_NE: return v != cd->number;
    case OP_GT: return v > cd->number;
    case OP_LT: return v < cd->number;
    case OP_GE: return v >= cd->number;
    case OP_LE: return v <= cd->number;
    }
    return false;
}

static bool
comp_match(const struct ppath *pp, const struct comp *c, struct gs_element *el, bool check_name)
{
    if (check_name) {
        if (c->glob ? fnmatch(c->name, el->name, 0) != 0 : strcmp(c->name, el->name) != 0)
            return false;
    }
    if (c->nranges > 0) {
        bool in = false;
        for (int i = 0; i < c->nranges && !in; i++)
            in = el->index >= c->ranges[i].lo && el->index <= c->ranges[i].hi;
        if (!in)
            return false;
    } else if (!c->any_index && el->index != 0) {
        return false;
    }
    if (c->nconds == 0)
        return true;
    /* A cache, not state: the cast only fills it. */
    struct comp *mc = (struct comp *)(uintptr_t)c;
    unsigned h = (unsigned)(((uintptr_t)el->cls >> 4) & 31);
    if (mc->memo_cls[h] != el->cls) {
        bool ok = true;
        for (int i = 0; i < c->nconds && ok; i++)
            ok = class_cond_ok(&c->conds[i], el);
        mc->memo_cls[h] = el->cls;
        mc->memo_ok[h] = ok;
    }
    if (!mc->memo_ok[h] || !c->field_conds)
        return mc->memo_ok[h];
    for (int i = 0; i < c->nconds; i++)
        if (c->conds[i].kind == COND_FIELD && !field_cond_ok(pp->sim, &c->conds[i], el))
            return false;
    return true;
}

static void
add_unique(struct gs_elist *out, struct gs_element *el)
{
    if (el->flags & GS_EL_MARK)
        return;
    el->flags |= GS_EL_MARK;
    elist_add(out, el);
}

static void walk(const struct ppath *pp, int i, struct gs_element *el, struct gs_elist *out);

/* Every descendant of EL (pre-order) that matches C continues the walk. */
static void
walk_desc(const struct ppath *pp, int i, struct gs_element *el, struct gs_elist *out)
{
    const struct comp *c = &pp->comps[i];
    for (int k = 0; k < el->nchild; k++) {
        struct gs_element *ch = el->child[k];
        if (comp_match(pp, c, ch, false))
            walk(pp, i + 1, ch, out);
        walk_desc(pp, i, ch, out);
    }
}

/* Matches components I.. starting from EL. */
static void
walk(const struct ppath *pp, int i, struct gs_element *el, struct gs_elist *out)
{
    if (i == pp->ncomps) {
        add_unique(out, el);
        return;
    }
    const struct comp *c = &pp->comps[i];
    switch (c->kind) {
    case COMP_DOT:
        walk(pp, i + 1, el, out);
        return;
    case COMP_DOTDOT:
        walk(pp, i + 1, el->parent ? el->parent : el, out);
        return;
    case COMP_ALLDESC:
        walk_desc(pp, i, el, out);
        return;
    case COMP_NAME:
        break;
    }
    if (!c->glob && c->nranges == 0 && !c->any_index && c->nconds == 0) {
        struct gs_element *ch = elem_child(el, c->name, 0);
        if (ch)
            walk(pp, i + 1, ch, out);
        return;
    }
    for (int k = 0; k < el->nchild; k++)
        if (comp_match(pp, c, el->child[k], true))
            walk(pp, i + 1, el->child[k], out);
}

static struct gs_element *
start_of(struct gs_sim *sim, const struct ppath *pp)
{
    switch (pp->start) {
    case START_ROOT:
        return sim->model->root;
    case START_LAST:
        return sim->model->last;
    case START_CWE:
        break;
    }
    return sim->model->cwe;
}

enum gs_status
path_glob(struct gs_sim *sim, const char *pattern, struct gs_elist *out)
{
    size_t first = out->n;
    for (size_t i = 0; i < first; i++)
        out->v[i]->flags |= GS_EL_MARK;
    enum gs_status st = GS_OK;
    const char *p = pattern;
    do {
        /* Top-level commas separate paths; commas inside brackets do not. */
        const char *q = p;
        int depth = 0;
        while (*q && (depth > 0 || *q != ',')) {
            if (*q == '[')
                depth++;
            else if (*q == ']')
                depth--;
            q++;
        }
        struct ppath pp;
        st = parse_path(sim, p, (size_t)(q - p), &pp);
        if (st == GS_OK) {
            struct gs_element *s = start_of(sim, &pp);
            if (s)
                walk(&pp, 0, s, out);
        }
        ppath_free(&pp);
        p = *q ? q + 1 : q;
    } while (st == GS_OK && *p);
    for (size_t i = 0; i < out->n; i++)
        out->v[i]->flags &= ~GS_EL_MARK;
    if (st != GS_OK)
        out->n = first;
    return st;
}

/* Pre-order walk below EL adding each element to OUTS[k] for every
 * "/##[...]" pattern K (PP[K]) it matches. */
static void
walk_many(struct gs_element *el, const struct ppath *pp, const int *which, int n,
          struct gs_elist *outs)
{
    for (int k = 0; k < el->nchild; k++) {
        struct gs_element *ch = el->child[k];
        for (int j = 0; j < n; j++)
            if (comp_match(&pp[j], &pp[j].comps[0], ch, false))
                elist_add(&outs[which[j]], ch);
        walk_many(ch, pp, which, n, outs);
    }
}

enum gs_status
path_glob_many(struct gs_sim *sim, int n, const char *const *patterns, struct gs_elist *outs)
{
    struct ppath *pp = xcalloc((size_t)n + 1, sizeof *pp);
    int *which = xcalloc((size_t)n + 1, sizeof *which);
    int nd = 0;
    enum gs_status st = GS_OK;
    for (int i = 0; i < n && st == GS_OK; i++) {
        const char *p = patterns[i];
        bool simple = strncmp(p, "/##", 3) == 0 && !strchr(p, ',');
        if (simple && parse_path(sim, p, strlen(p), &pp[nd]) == GS_OK) {
            const struct ppath *q = &pp[nd];
            if (q->start == START_ROOT && q->ncomps == 1 && q->comps[0].kind == COMP_ALLDESC) {
                which[nd++] = i;
                continue;
            }
            ppath_free(&pp[nd]);
        }
        gs_diag_clear(sim);
        st = path_glob(sim, p, &outs[i]);
    }
    if (st == GS_OK && nd > 0)
        walk_many(sim->model->root, pp, which, nd, outs);
    for (int j = 0; j < nd; j++)
        ppath_free(&pp[j]);
    free(pp);
    free(which);
    return st;
}

/* Looks up a plain path ("/net/cell[12]/soma", "a/b", "^", "..") the
 * common way, without parsing it into a struct ppath: nothing is
 * allocated, and each name goes straight to elem_child (a script loop
 * that builds a path per iteration lives on this). Returns false for
 * anything it does not cover (a wildcard, a condition, "[1-3]", "cell[3"
 * with no ']', a name too long, a malformed path): lookup() then takes
 * the general route, which gives the same element or the same error. */
static bool
lookup_plain(struct gs_sim *sim, const char *path, struct gs_element **out)
{
    const char *p = path;
    struct gs_element *el;
    char name[GS_MAX_NAME + 1];
    if (*p == '/') {
        el = sim->model->root;
    } else if (*p == '^' && (p[1] == '\0' || p[1] == '/')) {
        el = sim->model->last;
        p++;
    } else if (*p) {
        el = sim->model->cwe;
    } else {
        return false; /* empty: an error, said by the general route */
    }
    for (;;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        size_t n = 0;
        while (p[n] && p[n] != '/' && p[n] != '[') {
            if (p[n] == '*' || p[n] == '?' || p[n] == '#' || p[n] == ',' || p[n] == ']')
                return false;
            n++;
        }
        if (n == 0 || n > GS_MAX_NAME)
            return false;
        long index = 0;
        const char *q = p + n;
        if (*q == '[') {
            const char *d = ++q;
            while (*q >= '0' && *q <= '9' && q - d < 9)
                index = index * 10 + (*q++ - '0');
            if (q == d || *q != ']' || (q[1] != '\0' && q[1] != '/'))
                return false;
            q++;
        }
        if (!el) {
            /* a missing element or no last element: keep reading, so a
             * malformed rest still goes the general way */
        } else if (n == 1 && p[0] == '.' && q == p + 1) {
            /* "." stays */
        } else if (n == 2 && p[0] == '.' && p[1] == '.' && q == p + 2) {
            el = el->parent ? el->parent : el;
        } else {
            memcpy(name, p, n);
            name[n] = '\0';
            el = elem_child(el, name, (int)index);
        }
        p = q;
    }
    *out = el;
    return true;
}

/* Plain paths found lately, with the working and last elements they were
 * read against, valid while the tree's shape is what it was (the child
 * map's generation: every create, delete and move changes it). A loop
 * that builds "/net/cell[" @ {j} @ "]/soma" meets the same few thousand
 * paths again and again; a hit costs a hash of the text and no probe of
 * the child map (whose slots and names are cache misses). Two-way set
 * associative: a path may sit in either entry of its pair. */
struct gs_pathcache {
    struct pc_entry {
        uint64_t gen;             /* the child map's generation; 0: empty */
        const struct gs_element *cwe, *last;
        struct gs_element *el;    /* what the path names */
        unsigned char len;        /* strlen(path) */
        char path[39];
    } e[8192];
    unsigned char next[4096];     /* per pair: the entry to replace next */
};

static bool
pc_hit(const struct pc_entry *pc, const struct gs_model *m, const char *path, size_t n)
{
    return pc->gen == m->childmap->gen && pc->cwe == m->cwe && pc->last == m->last && pc->len == n
           && memcmp(pc->path, path, n) == 0;
}

/* Looks PATH up without recording errors; *SYNTAX tells a malformed path. */
static struct gs_element *
lookup(struct gs_sim *sim, const char *path, bool *syntax)
{
    struct gs_element *el = NULL;
    *syntax = false;
    struct gs_model *m = sim->model;
    size_t n = strlen(path);
    struct pc_entry *pair = NULL;
    size_t set = 0;
    if (n < sizeof pair->path && m->childmap) {
        if (!m->pathcache)
            m->pathcache = xcalloc(1, sizeof *m->pathcache);
        uint64_t h = UINT64_C(1469598103934665603);
        for (size_t i = 0; i < n; i++)
            h = (h ^ (unsigned char)path[i]) * UINT64_C(1099511628211);
        set = (size_t)(h ^ (h >> 32)) & 4095;
        pair = &m->pathcache->e[2 * set];
        if (pc_hit(&pair[0], m, path, n))
            return pair[0].el;
        if (pc_hit(&pair[1], m, path, n))
            return pair[1].el;
    }
    if (lookup_plain(sim, path, &el)) {
        if (pair && el) {
            struct pc_entry *pc = &pair[m->pathcache->next[set]];
            m->pathcache->next[set] ^= 1;
            pc->gen = m->childmap->gen;
            pc->cwe = m->cwe;
            pc->last = m->last;
            pc->el = el;
            pc->len = (unsigned char)n;
            memcpy(pc->path, path, n);
        }
        return el;
    }
    if (path_is_pattern(path)) {
        struct gs_elist l = GS_ELIST_INIT;
        if (path_glob(sim, path, &l) != GS_OK)
            *syntax = true;
        else if (l.n > 0)
            el = l.v[0];
        elist_free(&l);
        return el;
    }
    struct ppath pp;
    if (parse_path(sim, path, strlen(path), &pp) != GS_OK) {
        ppath_free(&pp);
        *syntax = true;
        return NULL;
    }
    el = start_of(sim, &pp);
    for (int i = 0; el && i < pp.ncomps; i++) {
        const struct comp *c = &pp.comps[i];
        if (c->kind == COMP_DOT)
            continue;
        if (c->kind == COMP_DOTDOT) {
            el = el->parent ? el->parent : el;
            continue;
        }
        el = elem_child(el, c->name, c->nranges ? (int)c->ranges[0].lo : 0);
    }
    ppath_free(&pp);
    return el;
}

struct gs_element *
path_lookup(struct gs_sim *sim, const char *path)
{
    bool syntax;
    struct gs_element *el = lookup(sim, path, &syntax);
    if (syntax)
        gs_diag_clear(sim);
    return el;
}

enum gs_status
path_find(struct gs_sim *sim, const char *path, struct gs_element **out)
{
    bool syntax;
    *out = lookup(sim, path, &syntax);
    if (syntax)
        return GS_ERR;
    if (!*out) {
        if (path[0] == '^' && !sim->model->last)
            return gs_error(sim, "no element has been created yet ('^')");
        return gs_error(sim, "element '%s' does not exist", path);
    }
    return GS_OK;
}

enum gs_status
path_split_new(struct gs_sim *sim, const char *path, struct gs_element **parent, char **name,
               int *index)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    const char *slash = NULL;
    for (size_t i = 0; i < n; i++)
        if (path[i] == '/')
            slash = path + i;
    const char *last = slash ? slash + 1 : path;
    size_t llen = (size_t)(path + n - last);
    if (llen == 0)
        return gs_error(sim, "'%s' does not name a new element", path);
    if (slash == path) {
        *parent = sim->model->root;
    } else if (slash) {
        char *pp = xstrndup(path, (size_t)(slash - path));
        enum gs_status st = path_find(sim, pp, parent);
        free(pp);
        if (st != GS_OK)
            return GS_ERR;
    } else {
        *parent = sim->model->cwe;
    }
    const char *br = memchr(last, '[', llen);
    long idx = 0;
    if (br) {
        char *e;
        idx = strtol(br + 1, &e, 10);
        if (e == br + 1 || *e != ']' || e + 1 != path + n || idx < 0 || idx > GS_MAX_INDEX)
            return gs_error(sim, "malformed element index in '%s'", path);
    }
    size_t nlen = br ? (size_t)(br - last) : llen;
    char *nm = xstrndup(last, nlen);
    if (!elem_name_ok(nm)) {
        gs_error(sim, "'%s' is not a valid element name", nm);
        free(nm);
        return GS_ERR;
    }
    *name = nm;
    *index = (int)idx;
    return GS_OK;
}

void
path_complete(struct gs_sim *sim, const char *prefix, bool (*fn)(const char *cand, void *arg),
              void *arg)
{
    if (!sim->model)
        return;
    const char *slash = strrchr(prefix, '/');
    struct gs_element *dir;
    size_t dlen = 0;
    if (!slash) {
        dir = sim->model->cwe;
    } else {
        dlen = (size_t)(slash - prefix) + 1;
        if (slash == prefix) {
            dir = sim->model->root;
        } else {
            char *d = xstrndup(prefix, dlen - 1);
            dir = path_lookup(sim, d);
            free(d);
        }
    }
    if (!dir)
        return;
    const char *part = prefix + dlen;
    size_t plen = strlen(part);
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < dir->nchild; i++) {
        sb_reset(&sb);
        sb_append(&sb, prefix, dlen);
        elem_tail(dir->child[i], &sb);
        if (strncmp(sb_str(&sb) + dlen, part, plen) != 0)
            continue;
        if (dir->child[i]->nchild > 0)
            sb_putc(&sb, '/');
        if (!fn(sb_str(&sb), arg))
            break;
    }
    sb_free(&sb);
}
