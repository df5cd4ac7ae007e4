/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rnet.c: the state behind raddmsg/rvolumeconnect and its step-time work.
 *
 * Spikes: a spike source with targets on other ranks is "exported"; each
 * rank that holds such targets has one rspike proxy per remote source,
 * and the synapses are ordinary local SPIKE messages from the proxy. The
 * spikes of exported sources are kept as they fire and sent, every
 * lookahead window of L steps, to the ranks that hold proxies of them (L
 * being the smallest delay, in steps as the compiled model rounds it, of
 * any proxy's synapse on any rank; setlookahead may lower it). Who sends
 * to whom is agreed at the first step of a run; a rank waits only for the
 * ranks whose sources it proxies. Each rank sorts what it receives by
 * (emission step, global source id) and fires its proxies in that order
 * at the emission step, so each event is due at the
 * step it would be due on one rank; since a delay is at least L steps and
 * the exchange happens before the first step it could be due, no event is
 * late.
 *
 * Values: one mechanism (flow_int.h) carries every message whose slots are
 * values of a source field (SAVE, PLOT, PLOTSCALE, ICOORDS, IVALk, ...):
 * the source's rank reads the fields and sends them point to point to the
 * node that needs them (par_data_send), never to the whole zone, and the
 * receiver places each value by its key, without sorting: the keys are
 * fixed at reset and travel once, with a run's first message. SAVE
 * values are the parallel output's (parout.c), which this file's set-up
 * and step drive. Any other message to another rank is an ordinary local message
 * there, from a stand-in element (/rvalues/rvalue[i], made by
 * rnet_standin) whose slots fed from the source are constants that the
 * values overwrite; its key is the channel (stand-in and slot). These are
 * sent every base step right after the compiled model has advanced
 * (sim->step_solved), so the destination reads the value of the same step
 * that a local message would give it. A source field is resolved once per
 * run (at the first step), not per value and row.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../models/core/core.h"
#include "../models/network/network.h"
#include "../models/solver/sclass.h"
#include "flow_int.h"
#include "par.h"
#include "parout.h"
#include "rnet.h"
#include "rnet_int.h"

#define CHAN_MAX UINT64_C(0xffffffff)

/* par_data_send tags of channel values and spikes (parout.c uses 1 and 4). */
enum { TAG_CHAN = 2, TAG_SPIKE = 3, TAG_GRADED = 6 };

struct proxy {
    uint64_t gid;
    int node;               /* total node of the source */
    struct gs_handle h;
    char *origin;           /* "path@node" of the remote source (rshowmsg), or NULL */
};

/* A channel this rank receives: slot SLOT of stand-in H's message. */
struct chan {
    struct gs_handle h;
    int slot;
};

/* A stand-in for a remote value source, and where its values come from. */
struct standin {
    struct gs_handle h;
    char *origin;
};

/* A remote message from a local element, as rshowmsg prints it. */
struct note {
    struct gs_handle h;
    char *text;
};

struct rnet {
    uint64_t *exp;          /* by element slot: gid + 1 of exported sources, 0 none */
    size_t nexp;
    struct proxy *prox;     /* sorted by gid */
    size_t nprox, capprox;
    struct parout *out;     /* the parallel output (SAVE columns and files) */
    struct flow fchan;      /* channels of stand-ins */
    struct flow fgrad;      /* channels of graded region patterns, at the step's start */
    double xtime, xbytes;   /* since reset: seconds in the exchanges, bytes sent (payload) */
    uint64_t gen;           /* runs set up so far (agreed by the zone) */
    struct chan *chan;      /* channels of this rank, by id */
    size_t nchan, capchan;
    struct standin *stand;
    size_t nstand, capstand;
    struct note *notes;
    size_t nnotes, capnotes;
    int nmade;              /* stand-ins made (their indices) */
    int *lnodes;
    int nlnodes;
    long L;                 /* the spike exchange window (steps); 0: none */
    int nspk;               /* zone size at set-up */
    bool *spk_to, *spk_from; /* per zone node: it needs my spikes; I need its */
    struct par_spike *buf;  /* spikes of exported sources since the last exchange */
    size_t nbuf, capbuf;
};

extern const struct gs_class rspike_class;
void rspike_set(struct gs_element *el, double gid, int node);

static struct rnet *
state(struct gs_sim *sim)
{
    if (!sim->rnet) {
        sim->rnet = xcalloc(1, sizeof(struct rnet));
        sim->step_begin = rnet_step_begin;
        sim->step_solved = rnet_step_solved;
    }
    return sim->rnet;
}

/* Grows *V (of *CAP elements of SIZE bytes) to hold N + 1. */
static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? 2 * *cap : 16;
    return xreallocarray(v, *cap, size);
}

void
rnet_free(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    if (!r)
        return;
    parout_free(r->out);
    flow_free(&r->fchan);
    flow_free(&r->fgrad);
    for (size_t i = 0; i < r->nprox; i++)
        free(r->prox[i].origin);
    for (size_t i = 0; i < r->nstand; i++)
        free(r->stand[i].origin);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i].text);
    free(r->exp);
    free(r->prox);
    free(r->chan);
    free(r->stand);
    free(r->notes);
    free(r->lnodes);
    free(r->buf);
    free(r->spk_to);
    free(r->spk_from);
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
rnet_proxy(struct gs_sim *sim, uint64_t gid, int node, const char *origin,
           struct gs_element **out)
{
    struct rnet *r = state(sim);
    long i = find_proxy(r, gid);
    if (i >= 0 && (*out = elem_from_handle(sim->model, r->prox[i].h))) {
        if (origin && !r->prox[i].origin)
            r->prox[i].origin = xstrdup(origin);
        return GS_OK;
    }
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
        r->prox[i].node = node;
        if (origin && !r->prox[i].origin)
            r->prox[i].origin = xstrdup(origin);
    } else {
        size_t at = (size_t)(-i - 1);
        if (r->nprox == r->capprox) {
            r->capprox = r->capprox ? 2 * r->capprox : 64;
            r->prox = xreallocarray(r->prox, r->capprox, sizeof *r->prox);
        }
        memmove(r->prox + at + 1, r->prox + at, (r->nprox - at) * sizeof *r->prox);
        r->prox[at] = (struct proxy){gid, node, elem_handle(p), origin ? xstrdup(origin) : NULL};
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

enum gs_status
rnet_standin(struct gs_sim *sim, const char *origin, struct gs_element **out)
{
    struct rnet *r = state(sim);
    struct gs_element *root = path_lookup(sim, "/");
    struct gs_element *dir = elem_child(root, "rvalues", 0);
    if (!dir && elem_create(sim, class_find("neutral"), root, "rvalues", 0, &dir) != GS_OK)
        return GS_ERR;
    if (elem_create(sim, class_find("neutral"), dir, "rvalue", r->nmade, out) != GS_OK)
        return GS_ERR;
    r->nmade++;
    r->stand = grow(r->stand, r->nstand, &r->capstand, sizeof *r->stand);
    r->stand[r->nstand++] = (struct standin){elem_handle(*out), xstrdup(origin)};
    return GS_OK;
}

void
rnet_standin_drop(struct gs_sim *sim, struct gs_element *standin)
{
    struct rnet *r = state(sim);
    if (r->nstand > 0) {
        struct gs_handle h = elem_handle(standin);
        struct standin *last = &r->stand[r->nstand - 1];
        if (last->h.slot == h.slot && last->h.gen == h.gen) {
            free(last->origin);
            r->nstand--;
        }
    }
    struct gs_element *dir = standin->parent;
    elem_delete(sim, standin);
    /* A failed raddmsg leaves nothing behind, not even the folder. */
    if (dir->nchild == 0 && dir->parent == path_lookup(sim, "/"))
        elem_delete(sim, dir);
}

long
rnet_value_channel(struct gs_sim *sim, struct gs_element *standin, int slot)
{
    struct rnet *r = state(sim);
    if (r->nchan > CHAN_MAX)
        return -1;
    r->chan = grow(r->chan, r->nchan, &r->capchan, sizeof *r->chan);
    r->chan[r->nchan] = (struct chan){elem_handle(standin), slot};
    return (long)r->nchan++;
}

void
rnet_value_send(struct gs_sim *sim, struct gs_element *el, const char *field, int node,
                long chan)
{
    flow_add(&state(sim)->fchan, el, field, node, (uint32_t)((uint64_t)chan & CHAN_MAX));
}

void
rnet_graded_send(struct gs_sim *sim, struct gs_element *el, const char *field, int node,
                 long chan)
{
    flow_add(&state(sim)->fgrad, el, field, node, (uint32_t)((uint64_t)chan & CHAN_MAX));
}

const char *
rnet_origin(struct gs_sim *sim, const struct gs_element *el)
{
    struct rnet *r = sim->rnet;
    if (!r)
        return NULL;
    struct gs_handle h = elem_handle(el);
    for (size_t i = 0; i < r->nstand; i++)
        if (r->stand[i].h.slot == h.slot && r->stand[i].h.gen == h.gen)
            return r->stand[i].origin;
    for (size_t i = 0; i < r->nprox; i++)
        if (r->prox[i].h.slot == h.slot && r->prox[i].h.gen == h.gen)
            return r->prox[i].origin;
    return NULL;
}

void
rnet_note(struct gs_sim *sim, struct gs_element *el, const char *text)
{
    struct rnet *r = state(sim);
    r->notes = grow(r->notes, r->nnotes, &r->capnotes, sizeof *r->notes);
    r->notes[r->nnotes++] = (struct note){elem_handle(el), xstrdup(text)};
}

const char *
rnet_notes(struct gs_sim *sim, const struct gs_element *el, size_t *at)
{
    struct rnet *r = sim->rnet;
    struct gs_handle h = elem_handle(el);
    for (; r && *at < r->nnotes; (*at)++)
        if (r->notes[*at].h.slot == h.slot && r->notes[*at].h.gen == h.gen)
            return r->notes[(*at)++].text;
    return NULL;
}

uint64_t
rnet_exported_gid(struct gs_sim *sim, const struct gs_element *el)
{
    struct rnet *r = sim->rnet;
    return r && el->slot < r->nexp && r->exp[el->slot] ? r->exp[el->slot] - 1 : UINT64_MAX;
}

struct parout *
rnet_parout(struct gs_sim *sim)
{
    struct rnet *r = state(sim);
    if (!r->out)
        r->out = parout_new();
    return r->out;
}

struct parout *
rnet_parout_if(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    return r ? r->out : NULL;
}

static void
apply_chan(struct gs_sim *sim, void *ctx, uint32_t c, double v)
{
    struct rnet *r = ctx;
    if (c >= r->nchan)
        return;
    struct gs_element *st = elem_from_handle(sim->model, r->chan[c].h);
    /* The stand-in's one message; gone when the user deleted it. */
    if (st && st->nout > 0 && r->chan[c].slot < st->out[0]->nslots
        && st->out[0]->slot[r->chan[c].slot].kind == GS_SLOT_CONST)
        st->out[0]->slot[r->chan[c].slot].value = v;
}

/* The sequence number of the values of step S in this run. */
static uint64_t
seq_of(const struct rnet *r, long s)
{
    return rnet_seq(r->gen, s);
}

/* After reset: the window and the output cadence, and who sends values to
 * whom, agreed by the zone. */
static enum gs_status
setup(struct gs_sim *sim, struct rnet *r, bool multi)
{
    struct gs_model *m = sim->model;
    double dt = m->clock[0];
    int n = multi ? par_nnodes(sim) : 1, me = multi ? par_mynode(sim) : 0;
    /* v[2]: minus the run number; then how many SAVE values and channel
     * values each node sends each node (minus, on the sender's row), and
     * which nodes need which nodes' spikes (-1 in the sender's row, the
     * receiver's column, set by the receiver: it has proxies of them). */
    size_t nn = (size_t)n * (size_t)n, nv = 3 + 4 * nn;
    double *v = xcalloc(nv, sizeof *v);
    double *msave = v + 3, *mchan = v + 3 + nn, *mspk = v + 3 + 2 * nn, *mgrad = v + 3 + 3 * nn;
    int base = multi ? par_rank(sim) - me : 0; /* total node of zone node 0 */
    for (size_t i = 0; i < r->nprox; i++) {
        int k = r->prox[i].node - base;
        if (k >= 0 && k < n && k != me)
            mspk[(size_t)k * (size_t)n + (size_t)me] = -1;
    }
    v[0] = v[1] = HUGE_VAL;
    v[2] = -(double)(r->gen + 1);
    for (size_t i = 0; i < r->fchan.nout; i++)
        if (r->fchan.out[i].node >= 0 && r->fchan.out[i].node < n)
            mchan[(size_t)me * (size_t)n + (size_t)r->fchan.out[i].node] -= 1;
    for (size_t i = 0; i < r->fgrad.nout; i++)
        if (r->fgrad.out[i].node >= 0 && r->fgrad.out[i].node < n)
            mgrad[(size_t)me * (size_t)n + (size_t)r->fgrad.out[i].node] -= 1;
    /* (the delays through the cache: a proxy of a region's source may
     * feed thousands of synapses, millions in all, too many for a field
     * lookup each) */
    struct net_syncache cache = {0};
    for (size_t i = 0; i < r->nprox; i++) {
        struct gs_element *p = elem_from_handle(m, r->prox[i].h);
        for (int k = 0; p && k < p->nout; k++) {
            struct net_synref s;
            if (!net_is_synapse(p->out[k]) || net_synapse_cached(sim, &cache, p->out[k], &s) != GS_OK)
                continue;
            double steps = floor((double)*s.delay / dt + 0.9);
            if (steps < v[0])
                v[0] = steps;
        }
    }
    if (r->out)
        parout_setup(r->out, m, n, me, &v[1], msave);
    if (multi && par_allreduce(sim, false, PAR_MIN, v, (int)nv, "spike exchange set-up", "")
                     != GS_OK) {
        free(v);
        return GS_ERR;
    }
    r->gen = (uint64_t)-v[2];
    free(r->spk_to);
    free(r->spk_from);
    r->nspk = n;
    r->spk_to = xcalloc((size_t)n, sizeof *r->spk_to);
    r->spk_from = xcalloc((size_t)n, sizeof *r->spk_from);
    for (int k = 0; k < n; k++) {
        r->spk_to[k] = mspk[(size_t)me * (size_t)n + (size_t)k] < -0.5;
        r->spk_from[k] = mspk[(size_t)k * (size_t)n + (size_t)me] < -0.5;
    }
    if (r->out)
        parout_agreed(r->out, n, me, msave, v[1]);
    flow_setup(&r->fchan, n, me, mchan);
    flow_setup(&r->fgrad, n, me, mgrad); /* one node: its own graded values */
    if (!multi)
        r->fchan.active = false; /* one node: every value message is local */
    if (v[0] < HUGE_VAL) {
        par_set_computed_lookahead(sim, -1, v[0] * dt);
        /* A delay below one step: spikes are exchanged every step and act
         * one step after they fired (gs_solver_fire), as in PGENESIS. */
        if (v[0] < 1)
            v[0] = 1;
        if (par_lookahead_is_set(sim, par_mynode(sim))) {
            double set = floor(par_get_lookahead(sim, par_mynode(sim)) / dt + 1e-9);
            if (set >= 1 && set < v[0])
                v[0] = set;
        }
    }
    r->L = v[0] < HUGE_VAL ? (long)v[0] : 0;
    r->nbuf = 0;
    r->xtime = r->xbytes = 0;
    free(v);
    return GS_OK;
}

/* A monotonic clock, s (the exchanges' own time, for getstat -exchange). */
static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void
rnet_exchange_stats(struct gs_sim *sim, double *seconds, double *bytes)
{
    struct rnet *r = sim->rnet;
    *seconds = r ? r->xtime : 0;
    *bytes = r ? r->xbytes : 0;
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

/* Sends this window's spikes of the exported sources (step S) to the
 * nodes that have proxies of them, receives those of the nodes whose
 * sources have proxies here, and fires the proxies in (emission step,
 * global id) order: the order of one node. Nodes that have nothing to do
 * with each other's spikes (an output node) do not wait for each other. */
static enum gs_status
exchange_spikes(struct gs_sim *sim, struct rnet *r, bool multi, long s)
{
    struct gs_model *m = sim->model;
    struct par_spike *all = NULL;
    size_t nall = 0;
    if (multi) {
        uint64_t seq = seq_of(r, s);
        for (int k = 0; k < r->nspk; k++)
            if (r->spk_to[k]) {
                par_data_send(sim, k, TAG_SPIKE, seq, r->buf, r->nbuf * sizeof *r->buf);
                r->xbytes += (double)(r->nbuf * sizeof *r->buf);
            }
        r->nbuf = 0;
        for (int k = 0; k < r->nspk; k++) {
            if (!r->spk_from[k])
                continue;
            void *msg;
            const void *pay;
            size_t len;
            if (par_data_recv(sim, k, TAG_SPIKE, seq, "spike exchange", &msg, &pay, &len)
                != GS_OK) {
                free(all);
                return GS_ERR;
            }
            size_t got = len / sizeof *all;
            if (got > 0) {
                all = xreallocarray(all, nall + got, sizeof *all);
                memcpy(all + nall, pay, got * sizeof *all);
                nall += got;
            }
            par_data_free(msg);
        }
    } else {
        /* Without a zone to exchange with, everything is local. */
        nall = r->nbuf;
        all = xmalloc((nall ? nall : 1) * sizeof *all);
        memcpy(all, r->buf, nall * sizeof *all);
    }
    r->nbuf = 0;
    if (nall > 1)
        qsort(all, nall, sizeof *all, cmp_spike);
    enum gs_status st = GS_OK;
    for (size_t i = 0; i < nall && st == GS_OK; i++) {
        long k = find_proxy(r, all[i].gid);
        struct gs_element *p = k >= 0 ? elem_from_handle(m, r->prox[k].h) : NULL;
        if (p && p->nout > 0 && gs_solver_fire_element(sim, p, (int64_t)all[i].t) != GS_OK)
            st = gs_error(sim, "a spike from node %d arrived too late for its delay "
                               "(lookahead %ld steps)", 0, r->L);
    }
    free(all);
    return st;
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
    /* Graded region values: each step reads its sources before anything of
     * the step runs, so a destination sees the value of the step before
     * (after reset at step 0), whatever its node and its schedule. */
    double t0 = now_s();
    if (r->fgrad.active) {
        int gme = multi ? par_mynode(sim) : 0;
        for (size_t i = 0; i < r->fgrad.norder; i++)
            if (r->fgrad.out[r->fgrad.order[i]].node != gme)
                r->xbytes += 8;
        flow_send(sim, r, &r->fgrad, TAG_GRADED, seq_of(r, s), gme, 0, apply_chan);
        if (flow_recv(sim, r, &r->fgrad, TAG_GRADED, seq_of(r, s), gme, "graded values",
                      apply_chan)
            != GS_OK)
            return GS_ERR;
    }
    bool spikes = r->L > 0 && s > 0 && s % r->L == 0;
    bool vals = parout_due(r->out, m, s);
    int me = multi ? par_mynode(sim) : 0;
    if (vals && parout_send(sim, r->out, s, multi, me, r->gen) != GS_OK)
        return GS_ERR;
    if (spikes && exchange_spikes(sim, r, multi, s) != GS_OK)
        return GS_ERR;
    r->xtime += now_s() - t0;
    if (!vals)
        return GS_OK;
    return parout_write(sim, r->out, s, multi, me, r->gen, m->time);
}

enum gs_status
rnet_step_solved(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    if (!r || !r->fchan.active)
        return GS_OK;
    int me = par_mynode(sim);
    uint64_t seq = seq_of(r, (long)sim->model->step);
    /* 0, not NaN, for a source that is gone (as a missing field reads). */
    flow_send(sim, r, &r->fchan, TAG_CHAN, seq, me, 0, apply_chan);
    return flow_recv(sim, r, &r->fchan, TAG_CHAN, seq, me, "values from other nodes", apply_chan);
}
