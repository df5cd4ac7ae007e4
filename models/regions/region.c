/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * region.c: the regions of a model, their ports and the patterns between
 * them (region.h).
 */
#include "region.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/rng.h"
#include "../base/rng_key.h"
#include "../base/strbuf.h"
#include "../network/network.h"
#include "selector.h"

/* The purpose word of a pattern's draws ("regn"), apart from other draws. */
#define PURPOSE_PATTERN 0x7265676eu

static struct gs_regions *
regions_of(struct gs_sim *sim)
{
    if (!sim->regions)
        sim->regions = xcalloc(1, sizeof *sim->regions);
    return sim->regions;
}

void
regions_free(struct gs_sim *sim)
{
    struct gs_regions *rs = sim->regions;
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->v[i].name);
        free(rs->v[i].rootpath);
        for (size_t k = 0; k < rs->v[i].nports; k++)
            free(rs->v[i].ports[k].word);
        free(rs->v[i].ports);
        free(rs->v[i].index);
    }
    for (size_t i = 0; i < rs->npat; i++) {
        struct pattern *p = &rs->pat[i];
        free(p->name);
        free(p->msend);
        free(p->mdst);
        free(p->msyn);
        free(p->msrcp);
        for (size_t k = 0; k < p->nsrcpath; k++)
            free(p->srcpath[k]);
        free(p->srcpath);
    }
    free(rs->v);
    free(rs->pat);
    free(rs);
    sim->regions = NULL;
}

struct region *
region_find(struct gs_sim *sim, const char *name)
{
    struct gs_regions *rs = sim->regions;
    for (size_t i = 0; rs && i < rs->n; i++)
        if (strcmp(rs->v[i].name, name) == 0)
            return &rs->v[i];
    return NULL;
}

struct pattern *
pattern_find(struct gs_sim *sim, const char *name)
{
    struct gs_regions *rs = sim->regions;
    for (size_t i = 0; rs && i < rs->npat; i++)
        if (strcmp(rs->pat[i].name, name) == 0)
            return &rs->pat[i];
    return NULL;
}

static struct gs_element *
el_of(struct gs_sim *sim, struct gs_handle h)
{
    return elem_from_handle(sim->model, h);
}

struct gs_element *
region_root(struct gs_sim *sim, struct region *r)
{
    if (!r->local)
        return NULL;
    struct gs_element *root = el_of(sim, r->root);
    if (!root && r->root.gen == 0 && (root = path_lookup(sim, r->rootpath)) != NULL)
        r->root = elem_handle(root);
    return root;
}

enum gs_status
region_mapped(struct gs_sim *sim, const struct region *r)
{
    if (r->node != REGION_UNMAPPED)
        return GS_OK;
    return gs_error(sim, "region '%s' has no node yet: it was declared with -node auto, and "
                         "regionmap chooses its node",
                    r->name);
}

double
region_cost(const struct region *r)
{
    return r->cells + REGION_SYNAPSE_COST * r->synapses;
}

size_t
regions_map(struct gs_sim *sim, int nnodes, int mynode)
{
    struct gs_regions *rs = sim->regions;
    if (!rs || nnodes < 1)
        return 0;
    double *load = xcalloc((size_t)nnodes, sizeof *load);
    size_t *todo = xcalloc(rs->n + 1, sizeof *todo), n = 0;
    for (size_t i = 0; i < rs->n; i++) {
        if (rs->v[i].node == REGION_UNMAPPED)
            todo[n++] = i;
        else if (rs->v[i].node < nnodes)
            load[rs->v[i].node] += region_cost(&rs->v[i]);
    }
    /* the largest first, the first declared among equals (insertion sort:
     * stable, and a model has tens of regions, not thousands) */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && region_cost(&rs->v[todo[j]]) > region_cost(&rs->v[todo[j - 1]]);
             j--) {
            size_t t = todo[j];
            todo[j] = todo[j - 1];
            todo[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        struct region *r = &rs->v[todo[i]];
        int best = 0;
        for (int k = 1; k < nnodes; k++)
            if (load[k] < load[best])
                best = k;
        r->node = best;
        r->local = best == mynode;
        load[best] += region_cost(r);
    }
    free(load);
    free(todo);
    return n;
}

/* The region whose subtree holds EL (the root included), or NULL; only
 * regions of this node have a root here. */
static struct region *
region_of(struct gs_sim *sim, const struct gs_element *el)
{
    struct gs_regions *rs = sim->regions;
    for (size_t i = 0; rs && i < rs->n; i++) {
        struct gs_element *root = region_root(sim, &rs->v[i]);
        if (root && (root == el || elem_is_ancestor(root, el)))
            return &rs->v[i];
    }
    return NULL;
}

void
region_drop_last(struct gs_sim *sim)
{
    struct gs_regions *rs = sim->regions;
    struct region *r = &rs->v[--rs->n];
    free(r->name);
    free(r->rootpath);
    free(r->ports);
    free(r->index);
}

/* Are the path components P (NP chars) and Q (NQ) equal? ("x" is "x[0]",
 * as path.c reads it.) */
static bool
component_eq(const char *p, size_t np, const char *q, size_t nq)
{
    if (np >= 3 && strncmp(p + np - 3, "[0]", 3) == 0)
        np -= 3;
    if (nq >= 3 && strncmp(q + nq - 3, "[0]", 3) == 0)
        nq -= 3;
    return np == nq && strncmp(p, q, np) == 0;
}

/* Is ROOT (absolute) PATH or an ancestor of it, component by component? */
static bool
path_under(const char *root, const char *path)
{
    for (;;) {
        while (*root == '/')
            root++;
        while (*path == '/')
            path++;
        if (!*root)
            return true;
        size_t nr = strcspn(root, "/"), np = strcspn(path, "/");
        if (!np || !component_eq(root, nr, path, np))
            return false;
        root += nr;
        path += np;
    }
}

struct region *
region_by_path(struct gs_sim *sim, const char *path)
{
    struct gs_regions *rs = sim->regions;
    for (size_t i = 0; rs && i < rs->n; i++)
        if (path_under(rs->v[i].rootpath, path))
            return &rs->v[i];
    return NULL;
}

enum gs_status
region_of_selector(struct gs_sim *sim, const char *sel, struct region **out)
{
    struct sel_list l = SEL_LIST_INIT;
    *out = NULL;
    if (sel_expand(sim, sel, &l) != GS_OK)
        return GS_ERR;
    if (l.n)
        *out = region_by_path(sim, l.v[0]);
    sel_list_free(&l);
    return GS_OK;
}

/* ROOT as an absolute path: relative ones start at the working element. */
static char *
absolute(struct gs_sim *sim, const char *root)
{
    if (root[0] == '/')
        return xstrdup(root);
    char *ce = elem_path_str(sim->model->cwe);
    char *a = xasprintf("%s/%s", strcmp(ce, "/") == 0 ? "" : ce, root);
    free(ce);
    return a;
}

enum gs_status
region_add(struct gs_sim *sim, const char *name, const char *rootp, int node, int mynode)
{
    if (!elem_name_ok(name) || strchr(name, '/'))
        return gs_error(sim, "region name '%s' is not a plain name (letters, digits, '_')",
                        name);
    if (region_find(sim, name))
        return gs_error(sim, "region '%s' exists already", name);
    struct gs_element *root = NULL;
    if (node == mynode && path_find(sim, rootp, &root) != GS_OK)
        return GS_ERR; /* (never with -node auto: regionmap chooses the node later) */
    char *path = root ? elem_path_str(root) : absolute(sim, rootp);
    struct gs_regions *rs = regions_of(sim);
    for (size_t i = 0; i < rs->n; i++) {
        const char *other = rs->v[i].rootpath;
        if (path_under(other, path) || path_under(path, other)) {
            enum gs_status st = gs_error(sim,
                                         "'%s' overlaps region '%s' (rooted at '%s'): "
                                         "regions are disjoint subtrees",
                                         path, rs->v[i].name, other);
            free(path);
            return st;
        }
    }
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? 2 * rs->cap : 8;
        rs->v = xreallocarray(rs->v, rs->cap, sizeof *rs->v);
    }
    rs->v[rs->n++] = (struct region){.name = xstrdup(name),
                                     .rootpath = path,
                                     .node = node,
                                     .local = node == mynode,
                                     .root = root ? elem_handle(root) : (struct gs_handle){0}};
    return GS_OK;
}

static const char *
dir_name(enum port_dir d)
{
    return d == PORT_IN ? "input" : "output";
}

/* Can EL be a port of direction DIR (graded with word GRADED, or
 * spiking when NULL)? (An error naming it when not.) */
static enum gs_status
port_kind_ok(struct gs_sim *sim, struct gs_element *el, enum port_dir dir, const char *graded)
{
    char *p = elem_path_str(el);
    enum gs_status st = GS_OK;
    if (graded && dir == PORT_OUT) {
        struct gs_fref f;
        if (field_find(sim, el, graded, &f) != GS_OK) {
            gs_diag_clear(sim);
            st = gs_error(sim, "'%s' (a %s) has no field '%s' for a graded output port to send",
                          p, el->cls->name, graded);
        }
    } else if (graded) {
        int t = class_msg_index(el->cls, graded);
        if (t < 0 || el->cls->msgs[t].nslots != 1)
            st = gs_error(sim,
                          "'%s' (a %s) takes no %s message of one value: a graded input port "
                          "receives the value through one",
                          p, el->cls->name, graded);
    } else if (!class_in(el->cls, dir == PORT_OUT ? "spiking" : "synchannel")) {
        st = gs_error(sim, "'%s' is a %s: an %s port must be %s", p, el->cls->name,
                      dir_name(dir),
                      dir == PORT_OUT ? "a spike source (class spiking, e.g. spikegen)"
                                      : "a synaptic channel (class synchannel, e.g. synchan)");
    }
    free(p);
    return st;
}

static int
cmp_slot(const void *a, const void *b)
{
    const struct port_slot *x = a, *y = b;
    return (x->slot > y->slot) - (x->slot < y->slot);
}

const struct port *
region_port(struct gs_sim *sim, const struct region *rc, const struct gs_element *el)
{
    /* by element slot, from an index rebuilt when ports were added (a
     * pattern asks once per port: a search, not a scan) */
    struct region *r = (struct region *)rc;
    if (r->nindexed != r->nports) {
        r->index = xreallocarray(r->index, r->nports + 1, sizeof *r->index);
        size_t n = 0;
        for (size_t k = 0; k < r->nports; k++) {
            struct gs_element *p = el_of(sim, r->ports[k].el);
            if (p)
                r->index[n++] = (struct port_slot){p->slot, k};
        }
        qsort(r->index, n, sizeof *r->index, cmp_slot);
        r->nindex = n;
        r->nindexed = r->nports;
    }
    size_t lo = 0, hi = r->nindex;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->index[mid].slot < el->slot)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->nindex && r->index[lo].slot == el->slot) {
        const struct port *pt = &r->ports[r->index[lo].port];
        if (el_of(sim, pt->el) == el)
            return pt;
    }
    return NULL;
}

enum gs_status
region_add_ports(struct gs_sim *sim, struct region *r, const char *sel, enum port_dir dir,
                 const char *graded, size_t *added)
{
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = GS_ERR;
    if (added)
        *added = 0;
    struct gs_element *root = region_root(sim, r);
    if (!root) {
        if (r->root.gen == 0)
            gs_error(sim, "the root '%s' of region '%s' does not exist on its node (%d)",
                     r->rootpath, r->name, r->node);
        else
            gs_error(sim, "the root of region '%s' was deleted", r->name);
        goto out;
    }
    if (sel_resolve(sim, sel, &l) != GS_OK)
        goto out;
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        if (el)
            el->flags |= GS_EL_MARK;
    }
    for (size_t i = 0; i < l.n && !sim->diag.set; i++) {
        struct gs_element *el = l.v[i];
        char *p = NULL;
        if (el != root && !elem_is_ancestor(root, el))
            gs_error(sim, "'%s' is outside region '%s'", p = elem_path_str(el), r->name);
        else if (el->flags & GS_EL_MARK)
            gs_error(sim, "'%s' is a port of region '%s' already", p = elem_path_str(el),
                     r->name);
        else
            port_kind_ok(sim, el, dir, graded);
        free(p);
    }
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        if (el)
            el->flags &= ~GS_EL_MARK;
    }
    if (sim->diag.set)
        goto out;
    if (r->nports + l.n > r->capports) {
        r->capports = r->nports + l.n + r->capports;
        r->ports = xreallocarray(r->ports, r->capports, sizeof *r->ports);
    }
    for (size_t i = 0; i < l.n; i++)
        r->ports[r->nports++] =
            (struct port){elem_handle(l.v[i]), dir, graded ? xstrdup(graded) : NULL};
    if (added)
        *added = l.n;
    st = GS_OK;
out:
    elist_free(&l);
    return st;
}

void
region_text(struct gs_sim *sim, const struct region *r, struct strbuf *sb)
{
    size_t nin = 0;
    for (size_t i = 0; i < r->nports; i++)
        nin += r->ports[i].dir == PORT_IN;
    sb_printf(sb, "region %s at %s: %zu ports (%zu input, %zu output)\n", r->name,
              region_root(sim, (struct region *)r) ? r->rootpath : "(deleted)", r->nports, nin,
              r->nports - nin);
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        char *p = el ? elem_path_str(el) : xstrdup("(deleted)");
        const char *w = r->ports[i].word;
        sb_printf(sb, "  %-6s %-6s %s%s%s\n", r->ports[i].dir == PORT_IN ? "in" : "out",
                  w ? "graded" : "spike", p, w ? " " : "", w ? w : "");
        free(p);
    }
}

/* ---- patterns ------------------------------------------------------------- */

/* "FILE:LINE: " (an HDF5 file: "FILE: DATASET[ROW]: ") before an error
 * about element I of side PL, or "". */
static char *
where(const struct port_list *pl, size_t i)
{
    if (!pl->paths)
        return xstrdup("");
    if (pl->dataset)
        return xasprintf("%s: %s[%ld]: ", pl->file, pl->dataset, pl->lines[i]);
    return xasprintf("%s:%ld: ", pl->file, pl->lines[i]);
}

/* The elements of side PL: its selector's, or its file's paths in line
 * order (a path once per line that names it). Errors name the file and
 * line of a path that names no element. */
enum gs_status
side_resolve(struct gs_sim *sim, const struct port_list *pl, struct gs_elist *out)
{
    if (!pl->paths)
        return sel_resolve(sim, pl->sel, out);
    for (size_t i = 0; i < pl->n; i++) {
        struct gs_element *el = path_lookup(sim, pl->paths[i]);
        if (!el) {
            char *w = where(pl, i);
            gs_error(sim, "%selement '%s' does not exist", w, pl->paths[i]);
            free(w);
            elist_free(out);
            return GS_ERR;
        }
        elist_add(out, el);
    }
    return GS_OK;
}

enum gs_status
pattern_side(struct gs_sim *sim, const struct port_list *pl, enum port_dir dir, const char *other,
             struct gs_elist *out, int *reg, bool *graded)
{
    if (side_resolve(sim, pl, out) != GS_OK)
        return GS_ERR;
    const char *sel = pl->paths ? pl->file : pl->sel;
    struct region *r = region_of(sim, out->v[0]);
    if (!r) {
        char *p = elem_path_str(out->v[0]), *w = where(pl, 0);
        gs_error(sim, "%s'%s' is not a port of any region", w, p);
        free(p);
        free(w);
        elist_free(out);
        return GS_ERR;
    }
    *reg = (int)(r - sim->regions->v);
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        if (el && r->ports[i].dir == dir)
            el->flags |= GS_EL_MARK;
    }
    for (size_t i = 0; i < out->n && !sim->diag.set; i++) {
        struct gs_element *el = out->v[i];
        if (el->flags & GS_EL_MARK)
            continue;
        char *p = elem_path_str(el), *w = where(pl, i);
        struct region *ro = region_of(sim, el);
        bool port = ro && region_port(sim, ro, el);
        if (ro != r)
            gs_error(sim,
                     "%s'%s' selects ports of region '%s' and %s%s%s ('%s'): one side of a "
                     "pattern is one region",
                     w, sel, r->name, ro ? "of region '" : "elements of no region",
                     ro ? ro->name : "", ro ? "'" : "", p);
        else if (!port)
            gs_error(sim, "%s'%s' is not a port of region '%s'", w, p, r->name);
        else if (dir == PORT_OUT)
            gs_error(sim,
                     "%ssource port '%s' is an input of region '%s', so it cannot feed '%s'", w,
                     p, r->name, other);
        else
            gs_error(sim,
                     "%sdestination port '%s' is an output of region '%s', so '%s' cannot feed "
                     "it",
                     w, p, r->name, other);
        free(p);
        free(w);
    }
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        if (el)
            el->flags &= ~GS_EL_MARK;
    }
    /* one kind on a side */
    *graded = false;
    for (size_t i = 0; i < out->n && !sim->diag.set; i++) {
        bool g = region_port(sim, r, out->v[i])->word != NULL;
        if (i == 0)
            *graded = g;
        else if (g != *graded) {
            char *a = elem_path_str(out->v[0]), *b = elem_path_str(out->v[i]), *w = where(pl, i);
            gs_error(sim,
                     "%s'%s' selects %s port '%s' and %s port '%s': one side of a pattern "
                     "is of one kind",
                     w, sel, *graded ? "graded" : "spiking", a, g ? "graded" : "spiking", b);
            free(a);
            free(b);
            free(w);
        }
    }
    if (!sim->diag.set)
        return GS_OK;
    elist_free(out);
    return GS_ERR;
}

enum gs_status
pattern_kinds(struct gs_sim *sim, const struct pattern_spec *spec, bool sgraded, const char *s0,
              bool dgraded, const char *d0)
{
    if (sgraded != dgraded)
        return gs_error(sim,
                        "source port '%s' is %s and destination port '%s' is %s: a pattern "
                        "joins ports of one kind",
                        s0, sgraded ? "graded" : "spiking", d0, dgraded ? "graded" : "spiking");
    if (sgraded && (spec->weighted || spec->delayed))
        return gs_error(sim,
                        "graded ports ('%s' -> '%s') carry the value as it is, one step late: "
                        "no -weight or -delay (scale it in the destination region, e.g. with a "
                        "diffamp's gain)",
                        s0, d0);
    return GS_OK;
}

uint64_t
pattern_port_key(const struct gs_element *el)
{
    return net_gid(el);
}

enum gs_status
pattern_choose(struct gs_sim *sim, const struct pattern_spec *spec, size_t ns, const uint64_t *sk,
               size_t nd, const uint64_t *dk, struct net_pairs *pr)
{
    if (spec->rule == RULE_FILE) { /* line k: its source k to its destination k */
        for (size_t k = 0; k < ns && k < nd; k++) {
            if (pr->n == pr->cap) {
                pr->cap = pr->cap ? 2 * pr->cap : 64;
                pr->s = xreallocarray(pr->s, pr->cap, sizeof *pr->s);
                pr->d = xreallocarray(pr->d, pr->cap, sizeof *pr->d);
            }
            pr->s[pr->n] = (int)k;
            pr->d[pr->n++] = (int)k;
        }
        return GS_OK;
    }
    if (spec->rule == RULE_ONE_TO_ONE && ns != nd)
        return gs_error(sim,
                        "one to one needs as many sources as destinations: '%s' selects %zu "
                        "ports, '%s' selects %zu",
                        spec->src_sel, ns, spec->dst_sel, nd);
    /* A pair's draw: rng_key_uniform(seed, rng_key(seed, source key,
     * PURPOSE_PATTERN, destination key), PURPOSE_PATTERN, 0), its hash's
     * words shared by a source's pairs (and the seed's by all) hashed once:
     * the same numbers at half the cost (the draws are most of the time a
     * large pattern takes to make). */
    uint64_t start = rng_key_start(spec->seed);
    for (size_t i = 0; i < ns; i++) {
        size_t j0 = spec->rule == RULE_ONE_TO_ONE ? i : 0;
        size_t j1 = spec->rule == RULE_ONE_TO_ONE ? i + 1 : nd;
        uint64_t src = rng_key_step(rng_key_step(start, sk[i]), PURPOSE_PATTERN);
        for (size_t j = j0; j < j1; j++) {
            if (spec->rule == RULE_RANDOM) {
                uint64_t pair = rng_key_step(src, dk[j]);
                uint64_t h = rng_key_step(rng_key_step(rng_key_step(start, pair), PURPOSE_PATTERN), 0);
                if (!(rng_unit(h) < spec->probability))
                    continue;
            }
            if (pr->n == pr->cap) {
                pr->cap = pr->cap ? 2 * pr->cap : 64;
                pr->s = xreallocarray(pr->s, pr->cap, sizeof *pr->s);
                pr->d = xreallocarray(pr->d, pr->cap, sizeof *pr->d);
            }
            pr->s[pr->n] = (int)i;
            pr->d[pr->n++] = (int)j;
        }
    }
    return GS_OK;
}

void
pattern_file_free(struct pattern_file *pf)
{
    for (size_t i = 0; i < pf->n; i++) {
        free(pf->src[i]);
        free(pf->dst[i]);
    }
    free(pf->src);
    free(pf->dst);
    free(pf->line);
    free(pf->w);
    free(pf->d);
    memset(pf, 0, sizeof *pf);
}

void
pattern_file_add(struct pattern_file *pf, const char *src, const char *dst, long line, double w,
                 double d)
{
    if (pf->n == pf->cap) {
        pf->cap = pf->cap ? 2 * pf->cap : 64;
        pf->src = xreallocarray(pf->src, pf->cap, sizeof *pf->src);
        pf->dst = xreallocarray(pf->dst, pf->cap, sizeof *pf->dst);
        pf->line = xreallocarray(pf->line, pf->cap, sizeof *pf->line);
        pf->w = xreallocarray(pf->w, pf->cap, sizeof *pf->w);
        pf->d = xreallocarray(pf->d, pf->cap, sizeof *pf->d);
    }
    pf->src[pf->n] = xstrdup(src);
    pf->dst[pf->n] = xstrdup(dst);
    pf->line[pf->n] = line;
    pf->w[pf->n] = w;
    pf->d[pf->n++] = d;
}

/* Does F begin with HDF5's signature (where a superblock may start: byte
 * 0, 512, 1024, 2048, ...)? */
static bool
is_hdf5(FILE *f)
{
    static const unsigned char sig[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    unsigned char b[8];
    for (long at = 0; at >= 0 && fseek(f, at, SEEK_SET) == 0; at = at ? 2 * at : 512) {
        if (fread(b, 1, sizeof b, f) != sizeof b)
            break;
        if (memcmp(b, sig, sizeof sig) == 0)
            return true;
    }
    rewind(f);
    return false;
}

/* A number field of a pattern file's line: the whole word, finite. */
static bool
number_word(const char *w, double *out)
{
    char *end;
    *out = strtod(w, &end);
    return end != w && *end == '\0' && isfinite(*out);
}

enum gs_status
pattern_file_read(struct gs_sim *sim, const char *file, struct pattern_file *pf)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return gs_error(sim, "cannot read pattern file '%s': %s", file, strerror(errno));
    if (is_hdf5(f)) {
        fclose(f);
        return pattern_h5_read(sim, file, pf);
    }
    char buf[4096];
    long ln = 0;
    enum gs_status st = GS_OK;
    while (st == GS_OK && fgets(buf, sizeof buf, f)) {
        ln++;
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *w[5], *save = NULL;
        int nw = 0;
        for (char *t = strtok_r(buf, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save))
            if (nw < 5)
                w[nw++] = t;
            else
                nw = 6;
        if (nw == 0)
            continue;
        double wt = NAN, dl = NAN;
        if (nw < 2 || nw > 4)
            st = gs_error(sim, "%s:%ld: expected 'source destination [weight [delay]]'", file,
                          ln);
        else if (nw >= 3 && !number_word(w[2], &wt))
            st = gs_error(sim, "%s:%ld: weight '%s' is not a number", file, ln, w[2]);
        else if (nw == 4 && (!number_word(w[3], &dl) || dl < 0))
            st = gs_error(sim, "%s:%ld: delay '%s' is not a number >= 0 (s)", file, ln, w[3]);
        if (st != GS_OK)
            break;
        pattern_file_add(pf, w[0], w[1], ln, wt, dl);
    }
    fclose(f);
    if (st == GS_OK && pf->n == 0)
        st = gs_error(sim, "pattern file '%s' holds no pair", file);
    if (st != GS_OK)
        pattern_file_free(pf);
    return st;
}

enum gs_status
pattern_spec_check(struct gs_sim *sim, const struct pattern_spec *spec)
{
    if (!elem_name_ok(spec->name) || strchr(spec->name, '/'))
        return gs_error(sim, "pattern name '%s' is not a plain name (letters, digits, '_')",
                        spec->name);
    struct pattern *old = pattern_find(sim, spec->name);
    if (old && !old->pending)
        return gs_error(sim, "pattern '%s' exists already", spec->name);
    if (!(spec->probability >= 0 && spec->probability <= 1))
        return gs_error(sim, "probability %g is outside [0, 1]", spec->probability);
    if (!isfinite(spec->weight))
        return gs_error(sim, "weight %g is not a finite number", spec->weight);
    if (!(spec->delay >= 0 && isfinite(spec->delay)))
        return gs_error(sim, "delay %g s is not a finite number >= 0", spec->delay);
    return GS_OK;
}

static struct pattern *
pattern_new(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst, int node)
{
    struct gs_regions *rs = regions_of(sim);
    if (rs->npat == rs->cappat) {
        rs->cappat = rs->cappat ? 2 * rs->cappat : 8;
        rs->pat = xreallocarray(rs->pat, rs->cappat, sizeof *rs->pat);
    }
    struct pattern *p = &rs->pat[rs->npat++];
    *p = (struct pattern){.name = xstrdup(spec->name),
                          .src = src,
                          .dst = dst,
                          .rule = spec->rule,
                          .probability = spec->probability,
                          .seed = spec->seed,
                          .weight = spec->weight,
                          .delay = spec->delay,
                          .node = node};
    return p;
}

void
pattern_note(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst, int node,
             size_t n)
{
    struct pattern *p = pattern_find(sim, spec->name);
    if (p) { /* held here (made by a request that came first: pending till now) */
        p->pending = false;
        return;
    }
    pattern_new(sim, spec, src, dst, node)->n = n;
}

/* A pattern whose connections this node made: room for its N pairs and
 * the source paths the requests named. */
static struct pattern *
pattern_here(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst, size_t n,
             char *const *srcpath, size_t nsrc, bool pending)
{
    struct pattern *p = pattern_new(sim, spec, src, dst, -1);
    p->here = true;
    p->pending = pending;
    p->n = n;
    p->msend = xcalloc(n + 1, sizeof *p->msend);
    p->mdst = xcalloc(n + 1, sizeof *p->mdst);
    p->msyn = xcalloc(n + 1, sizeof *p->msyn);
    p->msrcp = xcalloc(n + 1, sizeof *p->msrcp);
    p->srcpath = xcalloc(nsrc + 1, sizeof *p->srcpath);
    p->nsrcpath = nsrc;
    for (size_t i = 0; i < nsrc; i++)
        p->srcpath[i] = xstrdup(srcpath[i]);
    return p;
}

enum gs_status
pattern_link(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
             struct gs_element *const *send, char *const *srcpath, size_t nsrc,
             struct gs_element *const *dst_el, const struct net_pairs *pr, const double *w,
             const double *d, bool pending)
{
    struct gs_msg **msgs = xcalloc(pr->n + 1, sizeof *msgs);
    struct net_synref *ref = xcalloc(pr->n + 1, sizeof *ref);
    size_t k = 0;
    for (; k < pr->n; k++)
        if (msg_add(sim, send[pr->s[k]], dst_el[pr->d[k]], "SPIKE", 0, NULL, &msgs[k]) != GS_OK)
            break;
    struct net_syncache cache = {0};
    for (size_t i = 0; k == pr->n && i < pr->n; i++)
        if (net_synapse_cached(sim, &cache, msgs[i], &ref[i]) != GS_OK)
            k = i; /* undo all below */
    if (k < pr->n || sim->diag.set) {
        for (size_t i = pr->n; i-- > 0;)
            if (msgs[i])
                msg_delete(sim, msgs[i]);
        free(ref);
        free(msgs);
        return GS_ERR;
    }
    struct pattern *p = pattern_here(sim, spec, src, dst, pr->n, srcpath, nsrc, pending);
    for (size_t i = 0; i < pr->n; i++) {
        *ref[i].weight = (float)(w ? w[i] : spec->weight);
        *ref[i].delay = (float)(d ? d[i] : spec->delay);
        p->msend[i] = elem_handle(send[pr->s[i]]);
        p->mdst[i] = elem_handle(dst_el[pr->d[i]]);
        p->msrcp[i] = pr->s[i];
        p->msyn[i] = net_synapse_index(msgs[i]);
    }
    free(ref);
    free(msgs);
    return GS_OK;
}

void
pattern_link_graded(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
                    struct gs_element *const *stand, char *const *srcpath, size_t nsrc,
                    struct gs_element *const *dst_el, const struct net_pairs *pr, bool pending)
{
    struct pattern *p = pattern_here(sim, spec, src, dst, pr->n, srcpath, nsrc, pending);
    p->graded = true;
    for (size_t i = 0; i < pr->n; i++) {
        p->msend[i] = elem_handle(stand[i]);
        p->mdst[i] = elem_handle(dst_el[pr->d[i]]);
        p->msrcp[i] = pr->s[i];
        p->msyn[i] = -1;
    }
}

/* The keys (pattern_port_key) of the elements of L. */
static uint64_t *
keys_of(const struct gs_elist *l)
{
    uint64_t *k = xcalloc(l->n + 1, sizeof *k);
    for (size_t i = 0; i < l->n; i++)
        k[i] = pattern_port_key(l->v[i]);
    return k;
}

enum gs_status
pattern_prepare(struct gs_sim *sim, const struct pattern_spec *spec, struct gs_elist *s,
                struct gs_elist *d, int *src, int *dst, bool *graded, struct net_pairs *pr)
{
    bool sg = false, dg = false;
    /* Each side's errors name the other side's first port: resolve both
     * before checking either. */
    if (side_resolve(sim, &spec->src, s) != GS_OK || side_resolve(sim, &spec->dst, d) != GS_OK)
        goto fail;
    char *s0 = elem_path_str(s->v[0]), *d0 = elem_path_str(d->v[0]);
    elist_free(s);
    elist_free(d);
    bool ok = pattern_side(sim, &spec->src, PORT_OUT, d0, s, src, &sg) == GS_OK
              && pattern_side(sim, &spec->dst, PORT_IN, s0, d, dst, &dg) == GS_OK
              && pattern_kinds(sim, spec, sg, s0, dg, d0) == GS_OK;
    free(s0);
    free(d0);
    if (!ok)
        goto fail;
    *graded = sg;
    uint64_t *sk = keys_of(s), *dk = keys_of(d);
    enum gs_status st = pattern_choose(sim, spec, s->n, sk, d->n, dk, pr);
    free(sk);
    free(dk);
    if (st == GS_OK)
        return GS_OK;
fail:
    elist_free(s);
    elist_free(d);
    return GS_ERR;
}

enum gs_status
region_connect(struct gs_sim *sim, const struct pattern_spec *spec, const struct gs_elist *s,
               const struct gs_elist *d, int src, int dst, const struct net_pairs *pr)
{
    char **paths = xcalloc(s->n + 1, sizeof *paths);
    for (size_t i = 0; i < s->n; i++)
        paths[i] = elem_path_str(s->v[i]);
    enum gs_status st =
        pattern_link(sim, spec, src, dst, s->v, paths, s->n, d->v, pr, spec->pw, spec->pd, false);
    for (size_t i = 0; i < s->n; i++)
        free(paths[i]);
    free(paths);
    return st;
}

static const char *
rule_name(enum pattern_rule r)
{
    return r == RULE_ONE_TO_ONE   ? "onetoone"
           : r == RULE_ALL_TO_ALL ? "alltoall"
           : r == RULE_RANDOM     ? "random"
                                  : "file";
}

void
pattern_text(struct gs_sim *sim, const struct pattern *p, struct strbuf *sb)
{
    const struct gs_regions *rs = sim->regions;
    sb_printf(sb, "pattern %s: region %s -> region %s, %s", p->name, rs->v[p->src].name,
              rs->v[p->dst].name, rule_name(p->rule));
    if (p->rule == RULE_RANDOM)
        sb_printf(sb, " (probability %g, seed %llu)", p->probability,
                  (unsigned long long)p->seed);
    sb_printf(sb, ", %zu connections%s\n", p->n, p->graded ? " (graded)" : "");
    for (size_t i = 0; i < p->n && p->graded; i++) {
        struct gs_element *s = el_of(sim, p->msend[i]), *d = el_of(sim, p->mdst[i]);
        char *dp = d ? elem_path_str(d) : xstrdup("(deleted)");
        const char *type = s && s->nout > 0 ? msg_type_name(s->out[0]) : NULL;
        if (type)
            sb_printf(sb, "  %s -> %s %s\n", p->srcpath[p->msrcp[i]], dp, type);
        else
            sb_printf(sb, "  %s -> %s (message removed)\n", p->srcpath[p->msrcp[i]], dp);
        free(dp);
    }
    for (size_t i = 0; i < p->n && !p->graded; i++) {
        struct gs_element *s = el_of(sim, p->msend[i]), *d = el_of(sim, p->mdst[i]);
        struct gs_msg *m = d ? net_synapse_msg(d, p->msyn[i]) : NULL;
        const char *sp = s ? p->srcpath[p->msrcp[i]] : "(deleted)";
        char *dp = d ? elem_path_str(d) : xstrdup("(deleted)");
        struct net_synref ref;
        if (m && m->src == s && net_synapse(sim, m, &ref) == GS_OK)
            sb_printf(sb, "  %s -> %s synapse[%d] weight %g delay %g\n", sp, dp, p->msyn[i],
                      (double)*ref.weight, (double)*ref.delay);
        else
            sb_printf(sb, "  %s -> %s (message removed)\n", sp, dp);
        gs_diag_clear(sim);
        free(dp);
    }
}
