/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * region.c: the regions of a model, their ports and the patterns between
 * them (region.h).
 */
#include "region.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/rng.h"
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
        free(rs->v[i].ports);
    }
    for (size_t i = 0; i < rs->npat; i++) {
        free(rs->pat[i].name);
        free(rs->pat[i].msrc);
        free(rs->pat[i].mdst);
        free(rs->pat[i].msyn);
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

/* The region whose subtree holds EL (the root included), or NULL. */
static struct region *
region_of(struct gs_sim *sim, const struct gs_element *el)
{
    struct gs_regions *rs = sim->regions;
    for (size_t i = 0; rs && i < rs->n; i++) {
        struct gs_element *root = el_of(sim, rs->v[i].root);
        if (root && (root == el || elem_is_ancestor(root, el)))
            return &rs->v[i];
    }
    return NULL;
}

enum gs_status
region_add(struct gs_sim *sim, const char *name, struct gs_element *root)
{
    if (!elem_name_ok(name) || strchr(name, '/'))
        return gs_error(sim, "region name '%s' is not a plain name (letters, digits, '_')",
                        name);
    if (region_find(sim, name))
        return gs_error(sim, "region '%s' exists already", name);
    struct gs_regions *rs = regions_of(sim);
    for (size_t i = 0; i < rs->n; i++) {
        struct gs_element *other = el_of(sim, rs->v[i].root);
        if (other
            && (other == root || elem_is_ancestor(other, root) || elem_is_ancestor(root, other))) {
            char *a = elem_path_str(root), *b = elem_path_str(other);
            enum gs_status st = gs_error(sim,
                                         "'%s' overlaps region '%s' (rooted at '%s'): "
                                         "regions are disjoint subtrees",
                                         a, rs->v[i].name, b);
            free(a);
            free(b);
            return st;
        }
    }
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? 2 * rs->cap : 8;
        rs->v = xreallocarray(rs->v, rs->cap, sizeof *rs->v);
    }
    rs->v[rs->n++] = (struct region){.name = xstrdup(name), .root = elem_handle(root)};
    return GS_OK;
}

static const char *
dir_name(enum port_dir d)
{
    return d == PORT_IN ? "input" : "output";
}

/* Can EL be a port of direction DIR? (An error naming it when not.) */
static enum gs_status
port_kind_ok(struct gs_sim *sim, const struct gs_element *el, enum port_dir dir)
{
    const char *want = dir == PORT_OUT ? "spiking" : "synchannel";
    if (class_in(el->cls, want))
        return GS_OK;
    char *p = elem_path_str(el);
    enum gs_status st = gs_error(sim, "'%s' is a %s: an %s port must be %s", p, el->cls->name,
                                 dir_name(dir),
                                 dir == PORT_OUT ? "a spike source (class spiking, e.g. spikegen)"
                                                 : "a synaptic channel (class synchannel, "
                                                   "e.g. synchan)");
    free(p);
    return st;
}

enum gs_status
region_add_ports(struct gs_sim *sim, struct region *r, const char *sel, enum port_dir dir,
                 size_t *added)
{
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = GS_ERR;
    if (added)
        *added = 0;
    struct gs_element *root = el_of(sim, r->root);
    if (!root) {
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
            port_kind_ok(sim, el, dir);
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
        r->ports[r->nports++] = (struct port){elem_handle(l.v[i]), dir};
    if (added)
        *added = l.n;
    st = GS_OK;
out:
    elist_free(&l);
    return st;
}

void
region_show(struct gs_sim *sim, const struct region *r)
{
    struct gs_element *root = el_of(sim, r->root);
    char *rp = root ? elem_path_str(root) : xstrdup("(deleted)");
    size_t nin = 0;
    for (size_t i = 0; i < r->nports; i++)
        nin += r->ports[i].dir == PORT_IN;
    gs_out(sim, "region %s at %s: %zu ports (%zu input, %zu output)\n", r->name, rp, r->nports,
           nin, r->nports - nin);
    free(rp);
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        char *p = el ? elem_path_str(el) : xstrdup("(deleted)");
        gs_out(sim, "  %-6s spike  %s\n", r->ports[i].dir == PORT_IN ? "in" : "out", p);
        free(p);
    }
}

/* ---- patterns ------------------------------------------------------------- */

/*
 * Checks one side of a pattern: the ports in L (resolved from selector
 * SEL) must be ports of direction DIR of one region, whose index goes to
 * *REG. OTHER is the first port of the other side, named in the errors.
 */
static enum gs_status
side(struct gs_sim *sim, const char *sel, const struct gs_elist *l, enum port_dir dir,
     const char *other, int *reg)
{
    const struct gs_elist *out = l;
    struct region *r = region_of(sim, out->v[0]);
    if (!r) {
        char *p = elem_path_str(out->v[0]);
        gs_error(sim, "'%s' is not a port of any region", p);
        free(p);
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
        char *p = elem_path_str(el);
        struct region *ro = region_of(sim, el);
        bool port = false;
        for (size_t k = 0; ro && k < ro->nports; k++)
            port |= el_of(sim, ro->ports[k].el) == el;
        if (ro != r)
            gs_error(sim,
                     "'%s' selects ports of region '%s' and %s%s%s ('%s'): one side of a "
                     "pattern is one region",
                     sel, r->name, ro ? "of region '" : "elements of no region",
                     ro ? ro->name : "", ro ? "'" : "", p);
        else if (!port)
            gs_error(sim, "'%s' is not a port of region '%s'", p, r->name);
        else if (dir == PORT_OUT)
            gs_error(sim, "source port '%s' is an input of region '%s', so it cannot feed '%s'",
                     p, r->name, other);
        else
            gs_error(sim,
                     "destination port '%s' is an output of region '%s', so '%s' cannot feed it",
                     p, r->name, other);
        free(p);
    }
    for (size_t i = 0; i < r->nports; i++) {
        struct gs_element *el = el_of(sim, r->ports[i].el);
        if (el)
            el->flags &= ~GS_EL_MARK;
    }
    return sim->diag.set ? GS_ERR : GS_OK;
}

/* Chooses the pairs of SPEC's rule between S (NS) and D (ND) into PR. */
static enum gs_status
choose(struct gs_sim *sim, const struct pattern_spec *spec, const struct gs_elist *s,
       const struct gs_elist *d, struct net_pairs *pr)
{
    if (spec->rule == RULE_ONE_TO_ONE && s->n != d->n)
        return gs_error(sim,
                        "one to one needs as many sources as destinations: '%s' selects %zu "
                        "ports, '%s' selects %zu",
                        spec->src_sel, s->n, spec->dst_sel, d->n);
    uint64_t *gd = NULL;
    if (spec->rule == RULE_RANDOM) {
        gd = xcalloc(d->n + 1, sizeof *gd);
        for (size_t j = 0; j < d->n; j++)
            gd[j] = net_gid(d->v[j]);
    }
    for (size_t i = 0; i < s->n; i++) {
        uint64_t gs = spec->rule == RULE_RANDOM ? net_gid(s->v[i]) : 0;
        size_t j0 = spec->rule == RULE_ONE_TO_ONE ? i : 0;
        size_t j1 = spec->rule == RULE_ONE_TO_ONE ? i + 1 : d->n;
        for (size_t j = j0; j < j1; j++) {
            if (spec->rule == RULE_RANDOM) {
                uint64_t pair = rng_key(spec->seed, gs, PURPOSE_PATTERN, gd[j]);
                if (!(rng_key_uniform(spec->seed, pair, PURPOSE_PATTERN, 0) < spec->probability))
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
    free(gd);
    return GS_OK;
}

static enum gs_status
spec_check(struct gs_sim *sim, const struct pattern_spec *spec)
{
    if (!elem_name_ok(spec->name) || strchr(spec->name, '/'))
        return gs_error(sim, "pattern name '%s' is not a plain name (letters, digits, '_')",
                        spec->name);
    if (pattern_find(sim, spec->name))
        return gs_error(sim, "pattern '%s' exists already", spec->name);
    if (!(spec->probability >= 0 && spec->probability <= 1))
        return gs_error(sim, "probability %g is outside [0, 1]", spec->probability);
    if (!isfinite(spec->weight))
        return gs_error(sim, "weight %g is not a finite number", spec->weight);
    if (!(spec->delay >= 0 && isfinite(spec->delay)))
        return gs_error(sim, "delay %g s is not a finite number >= 0", spec->delay);
    return GS_OK;
}

enum gs_status
region_connect(struct gs_sim *sim, const struct pattern_spec *spec, size_t *made)
{
    struct gs_elist s = GS_ELIST_INIT, d = GS_ELIST_INIT;
    struct net_pairs pr = {0};
    struct gs_msg **msgs = NULL;
    enum gs_status st = GS_ERR;
    int rs_i = -1, rd_i = -1;
    if (made)
        *made = 0;
    if (spec_check(sim, spec) != GS_OK || sel_resolve(sim, spec->src_sel, &s) != GS_OK
        || sel_resolve(sim, spec->dst_sel, &d) != GS_OK)
        goto out;
    {
        char *s0 = elem_path_str(s.v[0]), *d0 = elem_path_str(d.v[0]);
        bool ok = side(sim, spec->src_sel, &s, PORT_OUT, d0, &rs_i) == GS_OK
                  && side(sim, spec->dst_sel, &d, PORT_IN, s0, &rd_i) == GS_OK;
        free(s0);
        free(d0);
        if (!ok)
            goto out;
    }
    if (choose(sim, spec, &s, &d, &pr) != GS_OK)
        goto out;
    msgs = xcalloc(pr.n + 1, sizeof *msgs);
    size_t k = 0;
    for (; k < pr.n; k++)
        if (msg_add(sim, s.v[pr.s[k]], d.v[pr.d[k]], "SPIKE", 0, NULL, &msgs[k]) != GS_OK)
            break;
    struct net_syncache cache = {0};
    struct net_synref *ref = xcalloc(pr.n + 1, sizeof *ref);
    for (size_t i = 0; k == pr.n && i < pr.n; i++)
        if (net_synapse_cached(sim, &cache, msgs[i], &ref[i]) != GS_OK)
            k = i; /* undo all below */
    if (k < pr.n || sim->diag.set) {
        for (size_t i = pr.n; i-- > 0;)
            if (msgs[i])
                msg_delete(sim, msgs[i]);
        free(ref);
        goto out;
    }
    struct gs_regions *rs = sim->regions;
    if (rs->npat == rs->cappat) {
        rs->cappat = rs->cappat ? 2 * rs->cappat : 8;
        rs->pat = xreallocarray(rs->pat, rs->cappat, sizeof *rs->pat);
    }
    struct pattern *p = &rs->pat[rs->npat++];
    *p = (struct pattern){.name = xstrdup(spec->name),
                          .src = rs_i,
                          .dst = rd_i,
                          .rule = spec->rule,
                          .probability = spec->probability,
                          .seed = spec->seed,
                          .weight = spec->weight,
                          .delay = spec->delay,
                          .msrc = xcalloc(pr.n + 1, sizeof *p->msrc),
                          .mdst = xcalloc(pr.n + 1, sizeof *p->mdst),
                          .msyn = xcalloc(pr.n + 1, sizeof *p->msyn),
                          .n = pr.n};
    for (size_t i = 0; i < pr.n; i++) {
        *ref[i].weight = (float)spec->weight;
        *ref[i].delay = (float)spec->delay;
        p->msrc[i] = elem_handle(s.v[pr.s[i]]);
        p->mdst[i] = elem_handle(d.v[pr.d[i]]);
        p->msyn[i] = net_synapse_index(msgs[i]);
    }
    free(ref);
    if (made)
        *made = pr.n;
    st = GS_OK;
out:
    free(msgs);
    net_pairs_free(&pr);
    elist_free(&s);
    elist_free(&d);
    return st;
}

static const char *
rule_name(enum pattern_rule r)
{
    return r == RULE_ONE_TO_ONE ? "onetoone" : r == RULE_ALL_TO_ALL ? "alltoall" : "random";
}

void
pattern_show(struct gs_sim *sim, const struct pattern *p)
{
    const struct gs_regions *rs = sim->regions;
    gs_out(sim, "pattern %s: region %s -> region %s, %s", p->name, rs->v[p->src].name,
           rs->v[p->dst].name, rule_name(p->rule));
    if (p->rule == RULE_RANDOM)
        gs_out(sim, " (probability %g, seed %llu)", p->probability,
               (unsigned long long)p->seed);
    gs_out(sim, ", %zu connections\n", p->n);
    for (size_t i = 0; i < p->n; i++) {
        struct gs_element *s = el_of(sim, p->msrc[i]), *d = el_of(sim, p->mdst[i]);
        struct gs_msg *m = d ? net_synapse_msg(d, p->msyn[i]) : NULL;
        char *sp = s ? elem_path_str(s) : xstrdup("(deleted)");
        char *dp = d ? elem_path_str(d) : xstrdup("(deleted)");
        struct net_synref ref;
        if (m && m->src == s && net_synapse(sim, m, &ref) == GS_OK)
            gs_out(sim, "  %s -> %s synapse[%d] weight %g delay %g\n", sp, dp, p->msyn[i],
                   (double)*ref.weight, (double)*ref.delay);
        else
            gs_out(sim, "  %s -> %s (message removed)\n", sp, dp);
        free(sp);
        free(dp);
    }
}
