/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rnet.c: the state behind raddmsg/rvolumeconnect and its step-time work.
 *
 * Spikes: a spike source with targets on other ranks is "exported"; each
 * rank that holds such targets has one rspike proxy per remote source,
 * and the synapses are ordinary local SPIKE messages from the proxy. The
 * spikes of exported sources are kept as they fire and exchanged by the
 * whole zone every lookahead window of L steps, L being the smallest
 * delay (in steps, as the compiled model rounds it) of any proxy's
 * synapse on any rank (setlookahead may lower it). Every rank receives all
 * of them sorted by (emission step, global source id) and fires its
 * proxies in that order at the emission step, so each event is due at the
 * step it would be due on one rank; since a delay is at least L steps and
 * the exchange happens before the first step it could be due, no event is
 * late.
 *
 * Output: SAVE values meant for a par_asc_file on another rank travel in
 * the same exchange (flagged by bit 63 of the id, the value in the time
 * member) at the start of every output step, so the row labelled t holds
 * the values at t, as PGENESIS writes it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../models/core/core.h"
#include "../models/io/par_asc_file.h"
#include "../models/network/network.h"
#include "../models/solver/sclass.h"
#include "par.h"
#include "rnet.h"

#define VAL_BIT (UINT64_C(1) << 63)

struct proxy {
    uint64_t gid;
    struct gs_handle h;
};

struct save {
    struct gs_handle h;
    char *field;
    long idx;
};

struct rnet {
    uint64_t *exp;          /* by element slot: gid + 1 of exported sources, 0 none */
    size_t nexp;
    struct proxy *prox;     /* sorted by gid */
    size_t nprox, capprox;
    struct save *save;
    size_t nsave, capsave;
    struct gs_handle *files;
    size_t nfiles, capfiles;
    int *lnodes;
    int nlnodes;
    long L, R;              /* window and output cadence (steps); 0: none */
    struct par_spike *buf;  /* spikes of exported sources since the last exchange */
    size_t nbuf, capbuf;
    double *vals;
    size_t nvals;
};

extern const struct gs_class rspike_class;
void rspike_set(struct gs_element *el, double gid, int node);

static struct rnet *
state(struct gs_sim *sim)
{
    if (!sim->rnet) {
        sim->rnet = xcalloc(1, sizeof(struct rnet));
        sim->step_begin = rnet_step_begin;
    }
    return sim->rnet;
}

void
rnet_free(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    if (!r)
        return;
    for (size_t i = 0; i < r->nsave; i++)
        free(r->save[i].field);
    free(r->exp);
    free(r->prox);
    free(r->save);
    free(r->files);
    free(r->lnodes);
    free(r->buf);
    free(r->vals);
    free(r);
    sim->rnet = NULL;
}

uint64_t
rnet_gid(struct gs_sim *sim, struct gs_element *el)
{
    for (struct gs_element *e = el; e; e = e->parent) {
        struct gs_ufield *u = elem_ufield(e, "io_index");
        if (u && u->value[0])
            return (uint64_t)strtoull(u->value, NULL, 10);
    }
    return (net_gid(el) ^ ((uint64_t)par_rank(sim) * UINT64_C(0x9e3779b97f4a7c15))) >> 2 |
           (UINT64_C(1) << 62);
}

void
rnet_export(struct gs_sim *sim, struct gs_element *el, uint64_t gid)
{
    struct rnet *r = state(sim);
    if (el->slot >= r->nexp) {
        size_t n = 2 * (size_t)el->slot + 64;
        r->exp = xreallocarray(r->exp, n, sizeof *r->exp);
        memset(r->exp + r->nexp, 0, (n - r->nexp) * sizeof *r->exp);
        r->nexp = n;
    }
    r->exp[el->slot] = gid + 1;
}

static long
find_proxy(const struct rnet *r, uint64_t gid)
{
    size_t lo = 0, hi = r->nprox;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->prox[mid].gid < gid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nprox && r->prox[lo].gid == gid ? (long)lo : -(long)lo - 1;
}

struct gs_element *
rnet_find_proxy(struct gs_sim *sim, uint64_t gid)
{
    struct rnet *r = state(sim);
    long i = find_proxy(r, gid);
    return i >= 0 ? elem_from_handle(sim->model, r->prox[i].h) : NULL;
}

enum gs_status
rnet_proxy(struct gs_sim *sim, uint64_t gid, int node, struct gs_element **out)
{
    struct rnet *r = state(sim);
    long i = find_proxy(r, gid);
    if (i >= 0 && (*out = elem_from_handle(sim->model, r->prox[i].h)))
        return GS_OK;
    /* Proxies live under /rspikes (made when first needed). */
    struct gs_element *root = path_lookup(sim, "/");
    struct gs_element *dir = elem_child(root, "rspikes", 0);
    if (!dir && elem_create(sim, class_find("neutral"), root, "rspikes", 0, &dir) != GS_OK)
        return GS_ERR;
    struct gs_element *p;
    if (elem_create(sim, &rspike_class, dir, "rspike", (int)r->nprox + dir->nchild, &p) != GS_OK)
        return GS_ERR;
    rspike_set(p, (double)gid, node);
    if (i >= 0) {
        r->prox[i].h = elem_handle(p);
    } else {
        size_t at = (size_t)(-i - 1);
        if (r->nprox == r->capprox) {
            r->capprox = r->capprox ? 2 * r->capprox : 64;
            r->prox = xreallocarray(r->prox, r->capprox, sizeof *r->prox);
        }
        memmove(r->prox + at + 1, r->prox + at, (r->nprox - at) * sizeof *r->prox);
        r->prox[at] = (struct proxy){gid, elem_handle(p)};
        r->nprox++;
    }
    *out = p;
    return GS_OK;
}

void
rnet_link_node(struct gs_sim *sim, int node)
{
    struct rnet *r = state(sim);
    for (int i = 0; i < r->nlnodes; i++)
        if (r->lnodes[i] == node)
            return;
    r->lnodes = xreallocarray(r->lnodes, (size_t)r->nlnodes + 1, sizeof *r->lnodes);
    r->lnodes[r->nlnodes++] = node;
}

const int *
rnet_link_nodes(struct gs_sim *sim, int *n)
{
    struct rnet *r = state(sim);
    *n = r->nlnodes;
    return r->lnodes;
}

void
rnet_save(struct gs_sim *sim, struct gs_element *el, const char *field, long idx)
{
    struct rnet *r = state(sim);
    if (r->nsave == r->capsave) {
        r->capsave = r->capsave ? 2 * r->capsave : 64;
        r->save = xreallocarray(r->save, r->capsave, sizeof *r->save);
    }
    r->save[r->nsave++] = (struct save){elem_handle(el), xstrdup(field), idx};
}

void
rnet_output_file(struct gs_sim *sim, struct gs_element *file)
{
    struct rnet *r = state(sim);
    struct gs_handle h = elem_handle(file);
    for (size_t i = 0; i < r->nfiles; i++)
        if (r->files[i].slot == h.slot && r->files[i].gen == h.gen)
            return;
    if (r->nfiles == r->capfiles) {
        r->capfiles = r->capfiles ? 2 * r->capfiles : 4;
        r->files = xreallocarray(r->files, r->capfiles, sizeof *r->files);
    }
    r->files[r->nfiles++] = h;
}

static long
clock_steps(struct gs_model *m, int clock)
{
    double c = m->clock[clock], c0 = m->clock[0];
    if (!(c > 0) || !(c0 > 0))
        return 1;
    long k = lround(c / c0);
    return k < 1 ? 1 : k;
}

/* After reset: the window and the output cadence, agreed by the zone. */
static enum gs_status
setup(struct gs_sim *sim, struct rnet *r, bool multi)
{
    struct gs_model *m = sim->model;
    double dt = m->clock[0];
    double v[2] = {HUGE_VAL, HUGE_VAL};
    for (size_t i = 0; i < r->nprox; i++) {
        struct gs_element *p = elem_from_handle(m, r->prox[i].h);
        for (int k = 0; p && k < p->nout; k++) {
            struct net_synref s;
            if (!net_is_synapse(p->out[k]) || net_synapse(sim, p->out[k], &s) != GS_OK)
                continue;
            double steps = floor((double)*s.delay / dt + 0.9);
            if (steps < v[0])
                v[0] = steps;
        }
    }
    for (size_t i = 0; i < r->nfiles; i++) {
        struct gs_element *f = elem_from_handle(m, r->files[i]);
        if (f && (double)clock_steps(m, f->clock) < v[1])
            v[1] = (double)clock_steps(m, f->clock);
    }
    if (multi && par_allreduce(sim, false, PAR_MIN, v, 2, "spike exchange set-up", "") != GS_OK)
        return GS_ERR;
    if (v[0] < HUGE_VAL) {
        if (v[0] < 1)
            return gs_error(sim, "a SPIKE message to another node has a delay below one step "
                                 "(%g s); remote synapses need a delay of at least dt", dt);
        par_set_computed_lookahead(sim, -1, v[0] * dt);
        if (par_lookahead_is_set(sim, par_mynode(sim))) {
            double set = floor(par_get_lookahead(sim, par_mynode(sim)) / dt + 1e-9);
            if (set >= 1 && set < v[0])
                v[0] = set;
        }
    }
    r->L = v[0] < HUGE_VAL ? (long)v[0] : 0;
    r->R = v[1] < HUGE_VAL ? (long)v[1] : 0;
    r->nbuf = 0;
    return GS_OK;
}

static int
cmp_spike(const void *a, const void *b)
{
    const struct par_spike *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return (x->gid > y->gid) - (x->gid < y->gid);
}

static void
push(struct rnet *r, double t, uint64_t gid)
{
    if (r->nbuf == r->capbuf) {
        r->capbuf = r->capbuf ? 2 * r->capbuf : 256;
        r->buf = xreallocarray(r->buf, r->capbuf, sizeof *r->buf);
    }
    r->buf[r->nbuf++] = (struct par_spike){t, gid};
}

enum gs_status
rnet_step_begin(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    bool multi = par_is_on(sim) && par_nnodes(sim) > 1;
    struct rnet *r = sim->rnet;
    if (!r) {
        if (!multi || m->step != 0)
            return GS_OK;
        r = state(sim);
    }
    long s = (long)m->step;
    if (s == 0) {
        if (setup(sim, r, multi) != GS_OK)
            return GS_ERR;
    } else if (r->L > 0) {
        const struct gs_spike *sp;
        size_t n = gs_solver_last_spikes(sim, &sp);
        for (size_t i = 0; i < n; i++) {
            struct gs_element *el = gs_solver_src_element(sim, sp[i].src);
            if (el && el->slot < r->nexp && r->exp[el->slot])
                push(r, (double)sp[i].step, r->exp[el->slot] - 1);
        }
    }
    bool spikes = r->L > 0 && s > 0 && s % r->L == 0;
    bool vals = r->R > 0 && s % r->R == 0;
    if (!spikes && !vals)
        return GS_OK;
    /* Pending spikes stay in the buffer until their window ends; values
     * go after them and leave with this exchange. */
    size_t base = spikes ? 0 : r->nbuf;
    if (vals) {
        for (size_t i = 0; i < r->nsave; i++) {
            struct gs_element *el = elem_from_handle(m, r->save[i].h);
            struct gs_fref f;
            double v = 0.0 / 0.0;
            if (el && field_find(sim, el, r->save[i].field, &f) == GS_OK)
                v = field_real(sim, &f);
            push(r, v, VAL_BIT | (uint64_t)r->save[i].idx);
        }
    }
    struct par_spike *all = NULL;
    size_t nall = 0;
    if (multi) {
        if (par_exchange_spikes(sim, r->buf + base, r->nbuf - base, &all, &nall) != GS_OK)
            return GS_ERR;
    } else {
        /* Without a zone to exchange with, everything is local. */
        nall = r->nbuf - base;
        all = xmalloc((nall ? nall : 1) * sizeof *all);
        memcpy(all, r->buf + base, nall * sizeof *all);
        qsort(all, nall, sizeof *all, cmp_spike);
    }
    r->nbuf = base;
    long ncols = 0;
    for (size_t i = 0; i < r->nfiles; i++) {
        struct gs_element *f = elem_from_handle(m, r->files[i]);
        if (f && par_asc_file_ncols(f) > ncols)
            ncols = par_asc_file_ncols(f);
    }
    if ((size_t)ncols > r->nvals) {
        r->vals = xreallocarray(r->vals, (size_t)ncols, sizeof *r->vals);
        r->nvals = (size_t)ncols;
    }
    enum gs_status st = GS_OK;
    for (size_t i = 0; i < nall && st == GS_OK; i++) {
        if (all[i].gid & VAL_BIT) {
            uint64_t idx = all[i].gid & ~VAL_BIT;
            if (idx < (uint64_t)ncols)
                r->vals[idx] = all[i].t;
            continue;
        }
        long k = find_proxy(r, all[i].gid);
        struct gs_element *p = k >= 0 ? elem_from_handle(m, r->prox[k].h) : NULL;
        if (p && p->nout > 0 && gs_solver_fire_element(sim, p, (int64_t)all[i].t) != GS_OK)
            st = gs_error(sim, "a spike from node %d arrived too late for its delay "
                               "(lookahead %ld steps)", 0, r->L);
    }
    free(all);
    if (st != GS_OK || !vals)
        return st;
    for (size_t i = 0; i < r->nfiles && st == GS_OK; i++) {
        struct gs_element *f = elem_from_handle(m, r->files[i]);
        if (f && s % clock_steps(m, f->clock) == 0 && !(f->flags & GS_EL_DISABLED))
            st = par_asc_file_row(sim, f, m->time, r->vals);
    }
    return st;
}
