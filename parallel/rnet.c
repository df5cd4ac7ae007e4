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
 * Values: one mechanism carries every message whose slots are values of
 * a source field (SAVE, PLOT, PLOTSCALE, ICOORDS, IVALk, ...): the
 * source's rank reads the fields and sends (key, value) pairs in the same
 * exchange as the spikes (bit 63 of the id flags a value, the value rides
 * in the time member). A SAVE's key is its column: it is sent at the start
 * of every output step, so the par_asc_file row labelled t holds the
 * values at t, as PGENESIS writes it. Any other message to another rank
 * is an ordinary local message there, from a stand-in element
 * (/rvalues/rvalue[i], made by rnet_standin) whose slots fed from the
 * source are constants that the exchange overwrites; its key (bit 62 set)
 * names the destination node and the channel (stand-in and slot). These
 * are exchanged every base step right after the compiled model has
 * advanced (sim->step_solved), so the destination reads the value of the
 * same step that a local message would give it.
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

#define VAL_BIT  (UINT64_C(1) << 63)
#define CHAN_BIT (UINT64_C(1) << 62) /* with VAL_BIT: a channel, not a SAVE column */
#define CHAN_MAX UINT64_C(0xffffffff)

struct proxy {
    uint64_t gid;
    struct gs_handle h;
    char *origin;           /* "path@node" of the remote source (rshowmsg), or NULL */
};

/* A value this rank sends: field FIELD of element H under KEY. */
struct save {
    struct gs_handle h;
    char *field;
    uint64_t key;
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
    struct save *save;      /* SAVE columns */
    size_t nsave, capsave;
    struct save *send;      /* channels of other ranks */
    size_t nsend, capsend;
    struct chan *chan;      /* channels of this rank, by id */
    size_t nchan, capchan;
    struct standin *stand;
    size_t nstand, capstand;
    struct note *notes;
    size_t nnotes, capnotes;
    int nmade;              /* stand-ins made (their indices) */
    bool V;                 /* some rank of the zone has channels (agreed at reset) */
    struct par_spike *vbuf;
    size_t capvbuf;
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
    for (size_t i = 0; i < r->nsave; i++)
        free(r->save[i].field);
    for (size_t i = 0; i < r->nsend; i++)
        free(r->send[i].field);
    for (size_t i = 0; i < r->nprox; i++)
        free(r->prox[i].origin);
    for (size_t i = 0; i < r->nstand; i++)
        free(r->stand[i].origin);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i].text);
    free(r->exp);
    free(r->prox);
    free(r->save);
    free(r->send);
    free(r->chan);
    free(r->stand);
    free(r->notes);
    free(r->vbuf);
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
        if (origin && !r->prox[i].origin)
            r->prox[i].origin = xstrdup(origin);
    } else {
        size_t at = (size_t)(-i - 1);
        if (r->nprox == r->capprox) {
            r->capprox = r->capprox ? 2 * r->capprox : 64;
            r->prox = xreallocarray(r->prox, r->capprox, sizeof *r->prox);
        }
        memmove(r->prox + at + 1, r->prox + at, (r->nprox - at) * sizeof *r->prox);
        r->prox[at] = (struct proxy){gid, elem_handle(p), origin ? xstrdup(origin) : NULL};
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
    r->save[r->nsave++] = (struct save){elem_handle(el), xstrdup(field), VAL_BIT | (uint64_t)idx};
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
    struct rnet *r = state(sim);
    r->send = grow(r->send, r->nsend, &r->capsend, sizeof *r->send);
    r->send[r->nsend++] = (struct save){elem_handle(el), xstrdup(field),
                                        VAL_BIT | CHAN_BIT | (uint64_t)node << 32
                                            | ((uint64_t)chan & CHAN_MAX)};
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
    /* v[2] is 0 when this rank sends or receives channels */
    double v[3] = {HUGE_VAL, HUGE_VAL, r->nchan > 0 || r->nsend > 0 ? 0 : 1};
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
    if (multi && par_allreduce(sim, false, PAR_MIN, v, 3, "spike exchange set-up", "") != GS_OK)
        return GS_ERR;
    r->V = multi && v[2] < 0.5;
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
            push(r, v, r->save[i].key);
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
            if (idx & CHAN_BIT)
                continue;
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

/* The current value of field FIELD of the element of H (0 when either is
 * gone). */
static double
read_value(struct gs_sim *sim, struct gs_handle h, const char *field)
{
    struct gs_element *el = elem_from_handle(sim->model, h);
    struct gs_fref f;
    if (!el || field_find(sim, el, field, &f) != GS_OK) {
        gs_diag_clear(sim);
        return 0; /* not NaN: the exchange sorts by value */
    }
    return field_real(sim, &f);
}

enum gs_status
rnet_step_solved(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    if (!r || !r->V)
        return GS_OK;
    if (r->capvbuf < r->nsend + 1) {
        r->capvbuf = r->nsend + 1;
        r->vbuf = xreallocarray(r->vbuf, r->capvbuf, sizeof *r->vbuf);
    }
    for (size_t i = 0; i < r->nsend; i++)
        r->vbuf[i] = (struct par_spike){read_value(sim, r->send[i].h, r->send[i].field),
                                        r->send[i].key};
    struct par_spike *all = NULL;
    size_t nall = 0;
    if (par_exchange_spikes(sim, r->vbuf, r->nsend, &all, &nall) != GS_OK)
        return GS_ERR;
    uint64_t me = (uint64_t)par_mynode(sim);
    for (size_t i = 0; i < nall; i++) {
        uint64_t key = all[i].gid;
        if (!(key & CHAN_BIT) || ((key & ~(VAL_BIT | CHAN_BIT)) >> 32) != me)
            continue;
        uint64_t c = key & CHAN_MAX;
        if (c >= r->nchan)
            continue;
        struct gs_element *st = elem_from_handle(sim->model, r->chan[c].h);
        /* The stand-in's one message; gone when the user deleted it. */
        if (st && st->nout > 0 && r->chan[c].slot < st->out[0]->nslots
            && st->out[0]->slot[r->chan[c].slot].kind == GS_SLOT_CONST)
            st->out[0]->slot[r->chan[c].slot].value = all[i].t;
    }
    free(all);
    return GS_OK;
}
