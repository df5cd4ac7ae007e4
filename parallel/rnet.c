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
 * Values: one mechanism carries every message whose slots are values of
 * a source field (SAVE, PLOT, PLOTSCALE, ICOORDS, IVALk, ...): the
 * source's rank reads the fields and sends them point to point to the
 * node that needs them (par_data_send), never to the whole zone, and the
 * receiver places each value by its key, without sorting: the keys are
 * fixed at reset and travel once, with a run's first message. A SAVE's
 * key is its column: it is sent at the start of every output step, so the
 * par_asc_file row (or par_disk_out frame) labelled t holds the values at
 * t, as PGENESIS writes it. Any other message to another rank is an ordinary local message
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

#include "../models/core/core.h"
#include "../models/io/parfile.h"
#include "../models/network/network.h"
#include "../models/solver/sclass.h"
#include "par.h"
#include "rnet.h"

#define CHAN_MAX UINT64_C(0xffffffff)

/* par_data_send tags of the two kinds of values, of spikes, and of the
 * output node's acknowledgements of SAVE rows. */
enum { TAG_SAVE = 1, TAG_CHAN = 2, TAG_SPIKE = 3, TAG_SAVE_ACK = 4 };

/* Flow control of SAVE rows, the one flow that goes one way: every
 * SAVE_WINDOW rows a sending node waits until its receivers have written
 * the row SAVE_WINDOW rows back. Without it the nodes of a large network
 * ran ahead of a slower output node, which queued every row it had not
 * written yet: memory that grew with the length of the run. */
#define SAVE_WINDOW 32

struct proxy {
    uint64_t gid;
    int node;               /* total node of the source */
    struct gs_handle h;
    char *origin;           /* "path@node" of the remote source (rshowmsg), or NULL */
};

/* A value this rank sends: field FIELD of element H, to zone node NODE
 * under KEY (a SAVE column or a channel of that node). */
struct save {
    struct gs_handle h;
    char *field;
    int node;
    uint32_t key;
    struct gs_element *el;  /* the element F was resolved on (this run), or NULL */
    struct gs_fref f;
};

/* One kind of values (SAVE columns, or channels): what this rank sends,
 * and, set up at the first step of a run, what it receives. */
struct flow {
    struct save *out;
    size_t nout, capout;
    size_t *order;          /* OUT by destination node (stable) */
    size_t norder;
    int nnodes;             /* zone size at set-up */
    long *from;             /* per zone node: how many values it sends here */
    uint32_t **keys;        /* per zone node: their keys, from its first message */
    bool keys_sent;         /* this run's first messages (with the keys) went */
    bool active;            /* something to send or to receive this run */
    unsigned char *msg;     /* packing buffer, kept between steps */
    size_t capmsg;
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
    struct flow fsave;      /* SAVE columns */
    struct flow fchan;      /* channels of stand-ins */
    uint64_t gen;           /* runs set up so far (agreed by the zone) */
    struct chan *chan;      /* channels of this rank, by id */
    size_t nchan, capchan;
    struct standin *stand;
    size_t nstand, capstand;
    struct note *notes;
    size_t nnotes, capnotes;
    int nmade;              /* stand-ins made (their indices) */
    struct gs_handle *files;
    size_t nfiles, capfiles;
    int *lnodes;
    int nlnodes;
    long L, R;              /* window and output cadence (steps); 0: none */
    int nspk;               /* zone size at set-up */
    bool *spk_to, *spk_from; /* per zone node: it needs my spikes; I need its */
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

static void
flow_clear_in(struct flow *fl)
{
    for (int k = 0; k < fl->nnodes; k++)
        free(fl->keys ? fl->keys[k] : NULL);
    free(fl->keys);
    free(fl->from);
    free(fl->order);
    fl->keys = NULL;
    fl->from = NULL;
    fl->order = NULL;
    fl->nnodes = 0;
}

static void
flow_free(struct flow *fl)
{
    flow_clear_in(fl);
    for (size_t i = 0; i < fl->nout; i++)
        free(fl->out[i].field);
    free(fl->out);
    free(fl->msg);
}

static void
flow_add(struct flow *fl, struct gs_element *el, const char *field, int node, uint32_t key)
{
    fl->out = grow(fl->out, fl->nout, &fl->capout, sizeof *fl->out);
    fl->out[fl->nout++] = (struct save){elem_handle(el), xstrdup(field), node, key, NULL, {0}};
}

void
rnet_free(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    if (!r)
        return;
    flow_free(&r->fsave);
    flow_free(&r->fchan);
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
    free(r->files);
    free(r->lnodes);
    free(r->buf);
    free(r->spk_to);
    free(r->spk_from);
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

void
rnet_save(struct gs_sim *sim, struct gs_element *el, const char *field, int node, long idx)
{
    flow_add(&state(sim)->fsave, el, field, node, (uint32_t)idx);
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

/* For a new run: FL's values by destination node, and how many each of
 * the N zone nodes sends here (-MAT[k * N + ME]: the agreed counts). */
static void
flow_setup(struct flow *fl, int n, int me, const double *mat)
{
    flow_clear_in(fl);
    fl->nnodes = n;
    fl->from = xcalloc((size_t)n, sizeof *fl->from);
    fl->keys = xcalloc((size_t)n, sizeof *fl->keys);
    fl->active = false;
    for (int k = 0; k < n; k++) {
        fl->from[k] = (long)-mat[(size_t)k * (size_t)n + (size_t)me];
        if (fl->from[k] > 0)
            fl->active = true;
    }
    fl->order = xmalloc((fl->nout ? fl->nout : 1) * sizeof *fl->order);
    fl->norder = 0;
    for (int k = 0; k < n; k++)
        for (size_t i = 0; i < fl->nout; i++)
            if (fl->out[i].node == k)
                fl->order[fl->norder++] = i;
    for (size_t i = 0; i < fl->nout; i++)
        fl->out[i].el = NULL; /* resolved again in this run */
    if (fl->norder > 0)
        fl->active = true;
    fl->keys_sent = false;
}

/* The current value of SV's field (MISSING when the element or the field
 * is gone). The field is resolved on its first read in a run and kept:
 * a plain field of the element's own struct stays where it is (a solver
 * field is read through it too: field_real refreshes it). */
static double
read_out(struct gs_sim *sim, struct save *sv, double missing)
{
    struct gs_element *el = elem_from_handle(sim->model, sv->h);
    if (!el)
        return missing;
    if (el != sv->el) {
        struct gs_fref f;
        if (field_find(sim, el, sv->field, &f) != GS_OK) {
            gs_diag_clear(sim);
            return missing;
        }
        /* User fields and table entries can move: resolved every time. */
        if (f.ufield || f.table_whole || !f.field || f.field->type != f.type)
            return field_real(sim, &f);
        sv->f = f;
        sv->el = el;
    }
    return field_real(sim, &sv->f);
}

typedef void (*apply_fn)(struct gs_sim *sim, struct rnet *r, uint32_t key, double v);

/* A value message: u64 count (bit 63: the keys follow), the keys (u32,
 * padded to 8 bytes) in a run's first message only, then the values. */
#define KEYS_FLAG (UINT64_C(1) << 63)

/* The end of the run of FL's values (in destination order) that starts at
 * I: they all go to node *NODE. */
static size_t
dest_run(const struct flow *fl, size_t i, int *node)
{
    *node = fl->out[fl->order[i]].node;
    size_t j = i;
    while (j < fl->norder && fl->out[fl->order[j]].node == *node)
        j++;
    return j;
}

/* Reads this rank's values of FL and sends them to their nodes under
 * TAG/SEQ; the ones for this node (ME) go to APPLY at once. */
static void
flow_send(struct gs_sim *sim, struct rnet *r, struct flow *fl, uint32_t tag, uint64_t seq,
          int me, double missing, apply_fn apply)
{
    for (size_t i = 0, j; i < fl->norder; i = j) {
        int node;
        j = dest_run(fl, i, &node);
        size_t cnt = j - i;
        if (node == me) {
            for (size_t k = i; k < j; k++) {
                struct save *sv = &fl->out[fl->order[k]];
                apply(sim, r, sv->key, read_out(sim, sv, missing));
            }
            continue;
        }
        bool keys = !fl->keys_sent;
        size_t kbytes = keys ? (cnt * 4 + 7) & ~(size_t)7 : 0;
        size_t len = 8 + kbytes + cnt * 8;
        if (len > fl->capmsg) {
            fl->capmsg = len;
            fl->msg = xrealloc(fl->msg, len);
        }
        uint64_t hdr = (uint64_t)cnt | (keys ? KEYS_FLAG : 0);
        memcpy(fl->msg, &hdr, 8);
        if (keys) {
            memset(fl->msg + 8, 0, kbytes);
            for (size_t k = i; k < j; k++)
                memcpy(fl->msg + 8 + 4 * (k - i), &fl->out[fl->order[k]].key, 4);
        }
        unsigned char *vp = fl->msg + 8 + kbytes;
        for (size_t k = i; k < j; k++) {
            double v = read_out(sim, &fl->out[fl->order[k]], missing);
            memcpy(vp + 8 * (k - i), &v, 8);
        }
        par_data_send(sim, node, tag, seq, fl->msg, len);
    }
    fl->keys_sent = true;
}

/* Receives, from every node that sends FL's values here, the message
 * TAG/SEQ and gives each value to APPLY. */
static enum gs_status
flow_recv(struct gs_sim *sim, struct rnet *r, struct flow *fl, uint32_t tag, uint64_t seq,
          int me, const char *what, apply_fn apply)
{
    for (int k = 0; k < fl->nnodes; k++) {
        if (k == me || fl->from[k] <= 0)
            continue;
        void *msg;
        const void *pay;
        size_t len;
        if (par_data_recv(sim, k, tag, seq, what, &msg, &pay, &len) != GS_OK)
            return GS_ERR;
        const unsigned char *b = pay;
        uint64_t hdr = 0;
        if (len >= 8)
            memcpy(&hdr, b, 8);
        size_t cnt = (size_t)(hdr & ~KEYS_FLAG);
        bool keys = (hdr & KEYS_FLAG) != 0;
        size_t kbytes = keys ? (cnt * 4 + 7) & ~(size_t)7 : 0;
        if (cnt != (size_t)fl->from[k] || len != 8 + kbytes + cnt * 8 || (!keys && !fl->keys[k])) {
            par_data_free(msg);
            return gs_error(sim, "%s: node %d sent %zu values, expected %ld", what, k, cnt,
                            fl->from[k]);
        }
        if (keys) {
            free(fl->keys[k]);
            fl->keys[k] = xmalloc((cnt ? cnt : 1) * sizeof **fl->keys);
            memcpy(fl->keys[k], b + 8, cnt * 4);
        }
        const unsigned char *vp = b + 8 + kbytes;
        for (size_t i = 0; i < cnt; i++) {
            double v;
            memcpy(&v, vp + 8 * i, 8);
            apply(sim, r, fl->keys[k][i], v);
        }
        par_data_free(msg);
    }
    return GS_OK;
}

static void
apply_save(struct gs_sim *sim, struct rnet *r, uint32_t key, double v)
{
    (void)sim;
    if (key < r->nvals)
        r->vals[key] = v;
}

static void
apply_chan(struct gs_sim *sim, struct rnet *r, uint32_t c, double v)
{
    if (c >= r->nchan)
        return;
    struct gs_element *st = elem_from_handle(sim->model, r->chan[c].h);
    /* The stand-in's one message; gone when the user deleted it. */
    if (st && st->nout > 0 && r->chan[c].slot < st->out[0]->nslots
        && st->out[0]->slot[r->chan[c].slot].kind == GS_SLOT_CONST)
        st->out[0]->slot[r->chan[c].slot].value = v;
}

/* Waits for the acknowledgement SEQ of every node FL sends to. */
static enum gs_status
await_acks(struct gs_sim *sim, const struct flow *fl, uint64_t seq, int me)
{
    for (size_t i = 0, j; i < fl->norder; i = j) {
        int node;
        j = dest_run(fl, i, &node);
        if (node == me)
            continue;
        void *msg;
        const void *pay;
        size_t len;
        if (par_data_recv(sim, node, TAG_SAVE_ACK, seq, "output rows written", &msg, &pay, &len)
            != GS_OK)
            return GS_ERR;
        par_data_free(msg);
    }
    return GS_OK;
}

/* Acknowledges row SEQ to every node that sends FL's values here. */
static void
send_acks(struct gs_sim *sim, const struct flow *fl, uint64_t seq, int me)
{
    static const char none[1];
    for (int k = 0; fl->from && k < fl->nnodes; k++)
        if (k != me && fl->from[k] > 0)
            par_data_send(sim, k, TAG_SAVE_ACK, seq, none, 0);
}

/* The sequence number of the values of step S in this run. */
static uint64_t
seq_of(const struct rnet *r, long s)
{
    return r->gen << 40 | ((uint64_t)s & ((UINT64_C(1) << 40) - 1));
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
    size_t nn = (size_t)n * (size_t)n, nv = 3 + 3 * nn;
    double *v = xcalloc(nv, sizeof *v);
    double *msave = v + 3, *mchan = v + 3 + nn, *mspk = v + 3 + 2 * nn;
    int base = multi ? par_rank(sim) - me : 0; /* total node of zone node 0 */
    for (size_t i = 0; i < r->nprox; i++) {
        int k = r->prox[i].node - base;
        if (k >= 0 && k < n && k != me)
            mspk[(size_t)k * (size_t)n + (size_t)me] = -1;
    }
    v[0] = v[1] = HUGE_VAL;
    v[2] = -(double)(r->gen + 1);
    for (size_t i = 0; i < r->fsave.nout; i++)
        if (r->fsave.out[i].node >= 0 && r->fsave.out[i].node < n)
            msave[(size_t)me * (size_t)n + (size_t)r->fsave.out[i].node] -= 1;
    for (size_t i = 0; i < r->fchan.nout; i++)
        if (r->fchan.out[i].node >= 0 && r->fchan.out[i].node < n)
            mchan[(size_t)me * (size_t)n + (size_t)r->fchan.out[i].node] -= 1;
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
    flow_setup(&r->fsave, n, me, msave);
    flow_setup(&r->fchan, n, me, mchan);
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
    r->R = v[1] < HUGE_VAL ? (long)v[1] : 0;
    r->nbuf = 0;
    free(v);
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
            if (r->spk_to[k])
                par_data_send(sim, k, TAG_SPIKE, seq, r->buf, r->nbuf * sizeof *r->buf);
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
    bool spikes = r->L > 0 && s > 0 && s % r->L == 0;
    bool vals = r->R > 0 && s % r->R == 0 && r->fsave.active;
    int me = multi ? par_mynode(sim) : 0;
    if (vals) {
        long ncols = 0;
        for (size_t i = 0; i < r->nfiles; i++) {
            struct gs_element *f = elem_from_handle(m, r->files[i]);
            if (f && parfile_ncols(f) > ncols)
                ncols = parfile_ncols(f);
        }
        if ((size_t)ncols > r->nvals) {
            r->vals = xreallocarray(r->vals, (size_t)ncols, sizeof *r->vals);
            memset(r->vals + r->nvals, 0, ((size_t)ncols - r->nvals) * sizeof *r->vals);
            r->nvals = (size_t)ncols;
        }
        long row = s / r->R;
        if (multi && row >= SAVE_WINDOW && row % SAVE_WINDOW == 0 &&
            await_acks(sim, &r->fsave, seq_of(r, s - SAVE_WINDOW * r->R), me) != GS_OK)
            return GS_ERR;
        /* Sent before the spike exchange: the output node need not wait. */
        flow_send(sim, r, &r->fsave, TAG_SAVE, seq_of(r, s), me, 0.0 / 0.0, apply_save);
    }
    if (spikes && exchange_spikes(sim, r, multi, s) != GS_OK)
        return GS_ERR;
    if (!vals)
        return GS_OK;
    if (flow_recv(sim, r, &r->fsave, TAG_SAVE, seq_of(r, s), me, "output values", apply_save)
        != GS_OK)
        return GS_ERR;
    enum gs_status st = GS_OK;
    for (size_t i = 0; i < r->nfiles && st == GS_OK; i++) {
        struct gs_element *f = elem_from_handle(m, r->files[i]);
        if (f && s % clock_steps(m, f->clock) == 0 && !(f->flags & GS_EL_DISABLED))
            st = parfile_row(sim, f, m->time, r->vals);
    }
    if (multi && (s / r->R) % SAVE_WINDOW == 0)
        send_acks(sim, &r->fsave, seq_of(r, s), me);
    return st;
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

enum gs_status
rnet_reset_check(struct gs_sim *sim)
{
    struct rnet *r = sim->rnet;
    for (size_t i = 0; r && i < r->nfiles; i++) {
        struct gs_element *f = elem_from_handle(sim->model, r->files[i]);
        if (f && parfile_check(sim, f) != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}
