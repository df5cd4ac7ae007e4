/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * glue.c: the compiled model inside the simulator (struct gs_solver_ops of
 * models/core/model.h). At `reset` it walks the element tree in GENESIS
 * order and lets each class of sclass.h describe its elements and their
 * messages to the builder, compiles, and takes the elements over; `step`
 * then advances the compiled model once per base step. It also keeps the
 * element tree honest while compiled:
 *
 * - reads and writes of solver-owned fields go through to the arrays;
 * - messages from compiled elements to the rest (asc_file SAVE Vm, a
 *   graph PLOT Gk) read the solver's sampled fields, refreshed after
 *   every step;
 * - messages from the rest into compiled elements (INJECT from a diffamp)
 *   are read before each step, as the compartment would read them.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "backend.h"
#include "model_int.h"
#include "sclass.h"
#include "solver.h"

struct input {
    int kind, id, field;
    bool add;
    struct gs_msg *m;
    int slot;
    size_t seq; /* order of registration: message order within a field */
};

/* The builder ids of the records of one kind's elements (cctx_sub):
 * element E (builder id) has ids id[first[E]] .. (first[E + 1] or nid). */
struct subs {
    int *first;
    int nel, capel;
    int *id;
    int nid, capid;
};

/* A class's solver-owned fields, resolved once. */
#define GLUE_MAXF 48
struct ccache {
    const struct gs_class *cls;
    int n;
    const struct gs_field *f[GLUE_MAXF];
    int code[GLUE_MAXF];
};

/* A fused window (sched.c's; the ops window, stage, run_window, replay):
 * the inputs staged step by step, the sampled values after each step and
 * the window's spikes by step. */
struct window {
    bool ready;       /* the inputs are registered with the solver */
    bool ok;          /* the model can run windows (no input from inside it) */
    int *col;         /* per run of inputs to one field (apply_inputs'): its column */
    long rows;        /* steps the buffers hold */
    int nin, nsample;
    double *in, *out; /* rows of nin, rows of nsample */
    double *before;   /* the samples before the window */
    struct gs_spike *sp;
    size_t nsp, capsp;
    size_t *first;    /* rows + 1: the first spike of each step in SP */
};

struct glue {
    struct gs_solver *s;
    struct gs_element **els;    /* compiled elements, tree order */
    size_t nels, capels;
    struct gs_element **srcs;   /* builder spike-source id -> element */
    size_t nsrcs, capsrcs;
    struct input *in;
    size_t nin, capin;
    struct subs sub[GS_K_NKINDS];
    struct ccache cache[32];
    int ncache;
    char said[320];             /* the last backend note printed */
    struct gs_spike *last;
    size_t nlast, caplast;
    /* the spikes the elements that read the model see (gs_solver_last_spikes):
     * those of the last step, in LAST or, replaying a window, in WSP */
    const struct gs_spike *view;
    size_t nview;
    struct window win;
    /* spike events on their way when the model was released, kept for the
     * next compile (a structural change in the middle of a run) */
    struct carried *carry;
    size_t ncarry;
    int64_t carry_now;
};

struct carried {
    struct gs_handle syn;       /* the synchan */
    const struct gs_msg *msg;   /* the synapse's message (compared, never read:
                                 * it may have been deleted since) */
    int64_t due;
};

struct gs_cctx {
    struct glue *g;
    struct gs_sim *sim;
    struct gs_build *b;
};

struct gs_build *
cctx_build(struct gs_cctx *cx)
{
    return cx->b;
}

struct gs_sim *
cctx_sim(struct gs_cctx *cx)
{
    return cx->sim;
}

int
cctx_id(const struct gs_element *el, int kind)
{
    if (!el || el->solver_index < 0 || !el->cls->solver || el->cls->solver->kind != kind)
        return -1;
    return el->solver_index;
}

void
cctx_input(struct gs_cctx *cx, int kind, int id, int field, struct gs_msg *m, int slot, bool add)
{
    struct glue *g = cx->g;
    if (g->nin == g->capin) {
        g->capin = g->capin ? 2 * g->capin : 64;
        g->in = xreallocarray(g->in, g->capin, sizeof *g->in);
    }
    g->in[g->nin] = (struct input){kind, id, field, add, m, slot, g->nin};
    g->nin++;
}

void
cctx_sub(struct gs_cctx *cx, struct gs_element *el, int id)
{
    struct subs *s = &cx->g->sub[el->cls->solver->kind];
    if (el->solver_index < s->nel - 1)
        GS_BUG("records added out of element order");
    while (s->nel <= el->solver_index) {
        if (s->nel == s->capel) {
            s->capel = s->capel ? 2 * s->capel : 64;
            s->first = xreallocarray(s->first, (size_t)s->capel, sizeof *s->first);
        }
        s->first[s->nel++] = s->nid;
    }
    if (s->nid == s->capid) {
        s->capid = s->capid ? 2 * s->capid : 256;
        s->id = xreallocarray(s->id, (size_t)s->capid, sizeof *s->id);
    }
    s->id[s->nid++] = id;
}

/* The builder id of record K of EL, or -1. */
static int
sub_id(const struct glue *g, const struct gs_element *el, int k)
{
    const struct subs *s = &g->sub[el->cls->solver->kind];
    int e = el->solver_index;
    if (e < 0 || e >= s->nel || k < 0)
        return -1;
    int end = e + 1 < s->nel ? s->first[e + 1] : s->nid;
    return s->first[e] + k < end ? s->id[s->first[e] + k] : -1;
}

static int
sub_code(const struct gs_solver_sub *sub, const struct gs_field *f)
{
    for (const struct gs_sfmap *e = sub->fmap; e->name; e++)
        if (strcmp(e->name, f->name) == 0)
            return e->code;
    return -1;
}

enum gs_status
cctx_unsupported(struct gs_cctx *cx, struct gs_element *el, const struct gs_msg *m)
{
    char *d = elem_path_str(el), *s = elem_path_str(m->src);
    enum gs_status st = gs_error(cx->sim,
                                 "the compiled model cannot run message %s from '%s' (%s) to "
                                 "'%s' (%s)",
                                 msg_type_name(m), s, m->src->cls->name, d, el->cls->name);
    free(d);
    free(s);
    return st;
}

/* Inputs of one field together (apply_inputs sums or takes the last of a
 * run), in message order within it. */
static int
cmp_input(const void *pa, const void *pb)
{
    const struct input *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    if (a->field != b->field)
        return a->field < b->field ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* The solver-owned fields of CLS with their codes. */
static const struct ccache *
class_cache(struct glue *g, const struct gs_class *cls)
{
    for (int i = 0; i < g->ncache; i++)
        if (g->cache[i].cls == cls)
            return &g->cache[i];
    if (g->ncache == (int)(sizeof g->cache / sizeof g->cache[0]))
        GS_BUG("more solver classes than the glue's cache holds");
    struct ccache *c = &g->cache[g->ncache++];
    c->cls = cls;
    c->n = 0;
    for (const struct gs_sfmap *e = cls->solver->fmap; e && e->name; e++) {
        const struct gs_field *f = class_field(cls, e->name);
        if (f && c->n < GLUE_MAXF) {
            c->f[c->n] = f;
            c->code[c->n++] = e->code;
        }
    }
    return c;
}

static int
field_code(struct glue *g, const struct gs_element *el, const struct gs_field *f)
{
    const struct ccache *c = class_cache(g, el->cls);
    for (int i = 0; i < c->n; i++)
        if (c->f[i] == f || strcmp(c->f[i]->name, f->name) == 0)
            return c->code[i];
    return -1;
}

/* The compiled element and field code a resolved field stands for; false
 * for a field the solver does not hold. */
static bool
ref_target(struct glue *g, const struct gs_fref *f, int *kind, int *id, int *code)
{
    const struct gs_solver_class *sc = f->el->cls->solver;
    if (!sc || !f->field || !f->addr)
        return false;
    if (f->sub >= 0) {
        if (!sc->sub)
            return false;
        *kind = sc->sub->kind;
        *id = sub_id(g, f->el, f->sub);
        *code = sub_code(sc->sub, f->field);
    } else {
        *kind = sc->kind;
        *id = f->el->solver_index;
        *code = field_code(g, f->el, f->field);
    }
    return *id >= 0 && *code >= 0;
}

static void
store(void *a, enum gs_ftype type, double v)
{
    switch (type) {
    case GS_REAL:
        *(double *)a = v;
        break;
    case GS_FLOAT:
        *(float *)a = (float)v;
        break;
    case GS_INT:
        *(int *)a = (int)v;
        break;
    default:
        break;
    }
}

static double
load(const void *a, enum gs_ftype type)
{
    switch (type) {
    case GS_REAL:
        return *(const double *)a;
    case GS_FLOAT:
        return *(const float *)a;
    case GS_INT:
        return *(const int *)a;
    default:
        return 0;
    }
}

/* ---- compile ---------------------------------------------------------- */

static void
push_el(struct glue *g, struct gs_element *el)
{
    if (g->nels == g->capels) {
        g->capels = g->capels ? 2 * g->capels : 256;
        g->els = xreallocarray(g->els, g->capels, sizeof *g->els);
    }
    g->els[g->nels++] = el;
    if (el->cls->solver->kind != GS_K_SRC)
        return;
    while (g->nsrcs <= (size_t)el->solver_index) {
        if (g->nsrcs == g->capsrcs) {
            g->capsrcs = g->capsrcs ? 2 * g->capsrcs : 256;
            g->srcs = xreallocarray(g->srcs, g->capsrcs, sizeof *g->srcs);
        }
        g->srcs[g->nsrcs++] = NULL;
    }
    g->srcs[el->solver_index] = el;
}

/* Counts the elements of EL's subtree that walk_add will add, by kind
 * (GS_K_HINES included), and their incoming messages, the most records
 * their wiring can add. */
static void
walk_count(const struct gs_element *el, int *nel, int *nin)
{
    if (el->flags & GS_EL_DISABLED)
        return;
    if (el->cls->solver) {
        nel[el->cls->solver->kind]++;
        nin[el->cls->solver->kind] += el->nin;
    }
    for (int i = 0; i < el->nchild; i++)
        walk_count(el->child[i], nel, nin);
}

/* Sizes the builder's arrays, and the glue's list of compiled elements,
 * for the model under ROOT at once. */
static void
reserve(struct glue *g, struct gs_build *b, const struct gs_element *root)
{
    int nel[GS_K_NKINDS + 1] = {0}, nin[GS_K_NKINDS + 1] = {0};
    walk_count(root, nel, nin);
    size_t total = 0;
    for (int k = 0; k <= GS_K_NKINDS; k++)
        total += (size_t)nel[k];
    if (total > g->capels) {
        g->capels = total;
        g->els = xreallocarray(g->els, g->capels, sizeof *g->els);
    }
    struct gsb_sizes n = {
        .compt = nel[GS_K_COMPT], .tab = nel[GS_K_TAB], .syn = nel[GS_K_SYN],
        .src = nel[GS_K_SRC], .synapse = nin[GS_K_SYN], .term = nin[GS_K_COMPT],
        .ca = nel[GS_K_CA], .cain = nin[GS_K_CA], .gid = nel[GS_K_SYN] + nel[GS_K_SRC],
    };
    gsb_reserve(b, &n);
}

/* Adds EL's subtree in tree order; a disabled element hides its subtree,
 * as GENESIS's disable does. */
static enum gs_status
walk_add(struct gs_cctx *cx, struct gs_element *el)
{
    if (el->flags & GS_EL_DISABLED)
        return GS_OK;
    if (el->cls->solver) {
        const struct gs_model *m = cctx_sim(cx)->model;
        if (!el->cls->solver->clocked && clock_ratio(m, el->clock) != 1) {
            char *p = elem_path_str(el);
            gs_error(cctx_sim(cx), "'%s' is on clock %d (dt %g), but the compiled model runs a "
                     "%s at clock 0's step (dt %g): useclock %s 0, or give clock %d that step",
                     p, el->clock, m->clock[el->clock], el->cls->name, m->clock[0], p, el->clock);
            free(p);
            return GS_ERR;
        }
        int id = el->cls->solver->add(cx, el);
        if (id < 0)
            return GS_ERR;
        el->solver_index = id;
        push_el(cx->g, el);
    }
    for (int i = 0; i < el->nchild; i++)
        if (walk_add(cx, el->child[i]) != GS_OK)
            return GS_ERR;
    return GS_OK;
}

static int
cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;
    return (x > y) - (x < y);
}

/* A message slot bound to a sampled value. */
struct binding {
    struct gs_msg *msg;
    int slot, col;
};

/* The element whose field slot SL of a message from EL reads: EL itself,
 * or the element a name of EL's class stands for (the names findsolvefield
 * gives an hsolve: a message from the hsolve reads the compartment's Vm);
 * NULL when neither. */
static struct gs_element *
slot_owner(struct gs_element *el, const struct gs_slot *sl)
{
    const char *p = sl->ptr;
    if (p >= (const char *)el && p < (const char *)el + el->cls->size)
        return el;
    struct gs_fref f;
    if (el->cls->find_field && sl->text && el->cls->find_field(el, sl->text, &f)
        && f.addr == sl->ptr && f.el != el)
        return f.el;
    return NULL;
}

/* Binds the slots of messages from compiled elements (or hsolves) that
 * read a field the solver holds to the solver's sampled values of those
 * fields. */
static void
bind_outputs(struct glue *g)
{
    struct gs_cmodel *m = gs_solver_model(g->s);
    struct binding *b = NULL;
    size_t nb = 0, cap = 0;
    /* Messages between two compiled elements are wired inside the model
     * and nobody reads their slots, unless the destination reads them as
     * an input (cctx_input): only those need a sampled value. Without
     * this, every channel's CHANNEL Gk message was refreshed every step. */
    const struct gs_msg **inputs = xcalloc(g->nin + 1, sizeof *inputs);
    for (size_t i = 0; i < g->nin; i++)
        inputs[i] = g->in[i].m;
    qsort(inputs, g->nin, sizeof *inputs, cmp_ptr);
    for (size_t e = 0; e < g->nels; e++) {
        struct gs_element *el = g->els[e];
        for (int i = 0; i < el->nout; i++) {
            struct gs_msg *msg = el->out[i];
            if (msg->dst->solver_index >= 0 && msg->dst->cls->solver
                && !bsearch(&msg, inputs, g->nin, sizeof *inputs, cmp_ptr))
                continue;
            for (int k = 0; k < msg->nslots; k++) {
                struct gs_slot *sl = &msg->slot[k];
                if (sl->kind != GS_SLOT_REAL && sl->kind != GS_SLOT_FLOAT)
                    continue;
                struct gs_element *t = slot_owner(el, sl);
                if (!t || !t->cls->solver
                    || gs_model_map(m, t->cls->solver->kind, t->solver_index) < 0)
                    continue;
                const struct ccache *c = class_cache(g, t->cls);
                int kind = t->cls->solver->kind;
                size_t off = (size_t)((const char *)sl->ptr - (const char *)t);
                int code = -1;
                for (int j = 0; j < c->n; j++)
                    if (c->f[j]->offset == off)
                        code = c->code[j];
                if (code < 0)
                    continue;
                if (nb == cap) {
                    cap = cap ? 2 * cap : 64;
                    b = xreallocarray(b, cap, sizeof *b);
                }
                b[nb++] = (struct binding){msg, k,
                                           gs_solver_add_sample(g->s, kind, t->solver_index, code)};
            }
        }
    }
    free(inputs);
    /* the values stay where they are once every sample is added */
    const double *vals = gs_solver_samples(g->s);
    for (size_t i = 0; i < nb; i++)
        msg_slot_bind(b[i].msg, b[i].slot, GS_SLOT_REAL, &vals[b[i].col]);
    free(b);
}

static void
window_drop(struct window *w)
{
    free(w->col);
    free(w->in);
    free(w->out);
    free(w->before);
    free(w->sp);
    free(w->first);
    *w = (struct window){0};
}

static void
forget(struct glue *g)
{
    for (size_t e = 0; e < g->nels; e++) {
        struct gs_element *el = g->els[e];
        for (int i = 0; i < el->nout; i++)
            msg_resolve(el->out[i]);
        el->solver_index = -1;
    }
    g->nels = g->nsrcs = g->nin = 0;
    for (int k = 0; k < GS_K_NKINDS; k++)
        g->sub[k].nel = g->sub[k].nid = 0;
    g->nlast = 0;
    g->view = NULL;
    g->nview = 0;
    window_drop(&g->win);
    gs_solver_free(g->s);
    g->s = gs_solver_new();
}

/* Builder synchan id -> element, for ids 0..*MAXID (a calloc'd array). */
static struct gs_element **
synchans(const struct glue *g, int *maxid)
{
    *maxid = -1;
    for (size_t e = 0; e < g->nels; e++)
        if (g->els[e]->cls->solver->kind == GS_K_SYN && g->els[e]->solver_index > *maxid)
            *maxid = g->els[e]->solver_index;
    struct gs_element **syn = xcalloc((size_t)*maxid + 2, sizeof *syn);
    for (size_t e = 0; e < g->nels; e++)
        if (g->els[e]->cls->solver->kind == GS_K_SYN && g->els[e]->solver_index >= 0)
            syn[g->els[e]->solver_index] = g->els[e];
    return syn;
}

/* The events on their way in the compiled model, with their synchans'
 * elements (a malloc'd array in *OUT). */
static size_t
compiled_events(struct glue *g, struct gs_syn_event **out)
{
    struct gs_pending *pend;
    size_t n = gs_solver_pending(g->s, &pend), m = 0;
    *out = NULL;
    if (n == 0) {
        free(pend);
        return 0;
    }
    int maxid;
    struct gs_element **syn = synchans(g, &maxid);
    struct gs_syn_event *ev = xmalloc(sizeof *ev * n);
    for (size_t k = 0; k < n; k++) {
        int id = pend[k].syn;
        struct gs_element *el = id >= 0 && id <= maxid ? syn[id] : NULL;
        if (el)
            ev[m++] = (struct gs_syn_event){el, pend[k].k, pend[k].due};
    }
    free(syn);
    free(pend);
    *out = ev;
    return m;
}

/* Keeps EV (N events) for the next compile, each by its synchan and its
 * synapse's message (a recompile may renumber the synapses). */
static void
keep_events(struct glue *g, const struct gs_syn_event *ev, size_t n, int64_t now)
{
    free(g->carry);
    g->carry = n ? xmalloc(sizeof *g->carry * n) : NULL;
    g->ncarry = 0;
    g->carry_now = now;
    for (size_t k = 0; k < n; k++) {
        const struct gs_solver_sub *sub = ev[k].syn->cls->solver ? ev[k].syn->cls->solver->sub
                                                                : NULL;
        const struct gs_msg *msg = sub ? sub->msg(ev[k].syn, ev[k].k) : NULL;
        if (msg)
            g->carry[g->ncarry++] = (struct carried){elem_handle(ev[k].syn), msg, ev[k].due};
    }
}

/* Keeps the events on their way for the next compile. */
static void
keep_pending(struct glue *g)
{
    struct gs_syn_event *ev;
    size_t n = compiled_events(g, &ev);
    keep_events(g, ev, n, gs_solver_step(g->s));
    free(ev);
}

struct msgk {
    const struct gs_msg *msg;
    int k;
};

static int
cmp_msgk(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct msgk *)a)->msg;
    uintptr_t y = (uintptr_t)((const struct msgk *)b)->msg;
    return (x > y) - (x < y);
}

/* The kept events with their synapses' indices now (a malloc'd array in
 * *OUT); those whose synchan or synapse message is gone are dropped, as
 * GENESIS drops the events of a deleted SPIKE message. */
static size_t
kept_events(struct gs_sim *sim, const struct glue *g, struct gs_syn_event **out)
{
    *out = NULL;
    if (g->ncarry == 0)
        return 0;
    /* the synchans' synapse messages, by address */
    struct gs_element **els = xmalloc(sizeof *els * g->ncarry);
    size_t nel = 0;
    for (size_t k = 0; k < g->ncarry; k++) {
        struct gs_element *el = elem_from_handle(sim->model, g->carry[k].syn);
        if (el && el->cls->solver && el->cls->solver->sub)
            els[nel++] = el;
    }
    qsort(els, nel, sizeof *els, cmp_ptr);
    struct msgk *tab = NULL;
    size_t ntab = 0, cap = 0;
    for (size_t i = 0; i < nel; i++) {
        if (i > 0 && els[i] == els[i - 1])
            continue;
        const struct gs_solver_sub *sub = els[i]->cls->solver->sub;
        const struct gs_msg *msg;
        for (int k = 0; (msg = sub->msg(els[i], k)) != NULL; k++) {
            if (ntab == cap) {
                cap = cap ? 2 * cap : 64;
                tab = xreallocarray(tab, cap, sizeof *tab);
            }
            tab[ntab++] = (struct msgk){msg, k};
        }
    }
    free(els);
    if (ntab > 1)
        qsort(tab, ntab, sizeof *tab, cmp_msgk);
    struct gs_syn_event *ev = xmalloc(sizeof *ev * g->ncarry);
    size_t n = 0;
    for (size_t k = 0; k < g->ncarry; k++) {
        struct gs_element *el = elem_from_handle(sim->model, g->carry[k].syn);
        struct msgk key = {g->carry[k].msg, 0};
        const struct msgk *f = ntab ? bsearch(&key, tab, ntab, sizeof *tab, cmp_msgk) : NULL;
        if (el && f && f->msg->dst == el)
            ev[n++] = (struct gs_syn_event){el, f->k, g->carry[k].due};
    }
    free(tab);
    *out = ev;
    return n;
}

/* Queues EV (N events) in the compiled model, which goes on from step NOW. */
static void
queue_events(struct glue *g, const struct gs_syn_event *ev, size_t n, int64_t now)
{
    struct gs_pending *pend = xmalloc(sizeof *pend * (n + 1));
    for (size_t k = 0; k < n; k++) {
        const struct gs_element *el = ev[k].syn;
        int id = el->cls->solver && el->cls->solver->kind == GS_K_SYN ? el->solver_index : -1;
        pend[k] = (struct gs_pending){id, ev[k].k, ev[k].due};
    }
    gs_solver_carry(g->s, pend, n, now);
    free(pend);
}

/* Queues the kept events in the model just compiled, when it goes on from
 * the step they were kept at; after a reset (the step count is 0 again)
 * they are dropped, as reset drops pending events. */
static void
carry_pending(struct gs_sim *sim, struct glue *g)
{
    if (g->ncarry > 0 && (int64_t)sim->model->step != g->carry_now)
        g->ncarry = 0;
    if (g->ncarry == 0)
        return;
    struct gs_syn_event *ev;
    size_t n = kept_events(sim, g, &ev);
    queue_events(g, ev, n, g->carry_now);
    free(ev);
    free(g->carry);
    g->carry = NULL;
    g->ncarry = 0;
}

/* Why the model runs on the CPU though CUDA was asked for by name, once
 * per reason; the model runs. (With AUTO, the `backend` command says it:
 * a script's output is the same with and without a device.) */
static void
say_backend(struct gs_sim *sim, struct glue *g)
{
    bool by_name;
    const char *note = gs_solver_note(g->s, &by_name);
    if (!note || !by_name || strcmp(note, g->said) == 0)
        return;
    snprintf(g->said, sizeof g->said, "%s", note);
    gs_warn(sim, "-backend cuda: %s", note);
}

static enum gs_status
glue_compile(struct gs_sim *sim, void *state)
{
    struct glue *g = state;
    struct gs_cctx cx = {g, sim, gsb_new()};
    g->nels = g->nsrcs = g->nin = 0;
    for (int k = 0; k < GS_K_NKINDS; k++)
        g->sub[k].nel = g->sub[k].nid = 0;
    reserve(g, cx.b, sim->model->root);
    enum gs_status st = walk_add(&cx, sim->model->root);
    for (size_t e = 0; e < g->nels && st == GS_OK; e++) {
        struct gs_element *el = g->els[e];
        if (el->cls->solver->wire)
            st = el->cls->solver->wire(&cx, el);
    }
    if (st == GS_OK && g->nin > 1)
        qsort(g->in, g->nin, sizeof *g->in, cmp_input);
    if (st == GS_OK) {
        char err[512];
        gs_solver_pick(g->s, (enum gs_backend_pick)sim->opt.backend, &sim->rng);
        g->s->threads = sim->opt.threads;
        if (gs_solver_compile(g->s, cx.b, sim->model->clock[0], sim->opt.seed, err,
                              sizeof err) != GS_OK)
            st = gs_error(sim, "the model does not compile: %s", err);
        else
            say_backend(sim, g);
    }
    gsb_free(cx.b);
    if (st != GS_OK) {
        forget(g);
        return GS_ERR;
    }
    bind_outputs(g);
    carry_pending(sim, g);
    window_drop(&g->win);
    g->view = NULL;
    g->nview = 0;
    return GS_OK;
}

/* ---- stepping and fields --------------------------------------------- */

/* The end of the run of inputs to one field that starts at I. */
static size_t
input_run(const struct glue *g, size_t i)
{
    const struct input *a = &g->in[i];
    size_t j = i;
    while (j < g->nin && g->in[j].kind == a->kind && g->in[j].id == a->id &&
           g->in[j].field == a->field)
        j++;
    return j;
}

/* The value the inputs I .. J - 1 (one run) give their field now: the
 * sum of an adding field's messages, else the last one's. */
static double
input_value(const struct glue *g, size_t i, size_t j)
{
    double v = 0;
    for (size_t q = i; q < j; q++)
        v = g->in[i].add ? v + msg_val(g->in[q].m, g->in[q].slot)
                         : msg_val(g->in[q].m, g->in[q].slot);
    return v;
}

/* Values of messages from outside into compiled elements, as the element
 * would read them at the start of its step. */
static void
apply_inputs(struct glue *g)
{
    for (size_t i = 0; i < g->nin;) {
        const struct input *a = &g->in[i];
        size_t j = input_run(g, i);
        gs_solver_write(g->s, a->kind, a->id, a->field, input_value(g, i, j));
        i = j;
    }
}

static enum gs_status
glue_advance(struct gs_sim *sim, void *state, const struct gs_tick *tick, long nsteps)
{
    struct glue *g = state;
    struct gs_cmodel *m = gs_solver_model(g->s);
    if (!m)
        return GS_OK;
    m->t = tick->t;
    m->step = tick->step;
    g->nlast = 0;
    for (long i = 0; i < nsteps; i++) {
        apply_inputs(g);
        if (gs_solver_advance(g->s, 1) != GS_OK)
            return gs_error(sim, "the compiled model failed to advance");
        struct gs_spike buf[256];
        size_t n;
        while ((n = gs_solver_spikes(g->s, buf, 256)) > 0) {
            if (g->nlast + n > g->caplast) {
                g->caplast = 2 * (g->nlast + n);
                g->last = xreallocarray(g->last, g->caplast, sizeof *g->last);
            }
            memcpy(g->last + g->nlast, buf, n * sizeof *buf);
            g->nlast += n;
        }
    }
    g->view = g->last;
    g->nview = g->nlast;
    gs_solver_sample(g->s);
    return GS_OK;
}

/* ---- fused windows ------------------------------------------------------ */

/* Registers the input fields with the solver and sizes the buffers; a
 * message into the model from one of its own elements (read through a
 * sampled value, so from the step before) keeps it stepping one step at
 * a time. */
static void
window_prepare(struct glue *g)
{
    struct window *w = &g->win;
    window_drop(w);
    w->ready = true;
    w->ok = true;
    for (size_t i = 0; i < g->nin; i++)
        if (g->in[i].m->src->solver_index >= 0)
            w->ok = false;
    if (!w->ok)
        return;
    w->col = xmalloc(sizeof(int) * (g->nin + 1));
    int nruns = 0;
    for (size_t i = 0; i < g->nin; i = input_run(g, i))
        w->col[nruns++] = gs_solver_input(g->s, g->in[i].kind, g->in[i].id, g->in[i].field);
    for (int r = 0; r < nruns; r++)
        if (w->col[r] >= w->nin)
            w->nin = w->col[r] + 1;
    w->nsample = gs_solver_nsamples(g->s);
    /* at most 1024 steps, and about 8 MB of values */
    long per = w->nin + w->nsample + 1;
    w->rows = (1L << 20) / per;
    if (w->rows > 1024)
        w->rows = 1024;
    if (w->rows < 1)
        w->rows = 1;
    w->in = xcalloc((size_t)w->rows * (size_t)w->nin + 1, sizeof *w->in);
    w->out = xcalloc((size_t)w->rows * (size_t)w->nsample + 1, sizeof *w->out);
    w->before = xcalloc((size_t)w->nsample + 1, sizeof *w->before);
    w->first = xcalloc((size_t)w->rows + 1, sizeof *w->first);
}

static long
glue_window(struct gs_sim *sim, void *state)
{
    struct glue *g = state;
    (void)sim;
    if (!gs_solver_model(g->s))
        return 0;
    if (!g->win.ready)
        window_prepare(g);
    return g->win.ok ? g->win.rows : 0;
}

/* Step I of the window: the inputs as apply_inputs would write them now. */
static void
glue_stage(void *state, long i)
{
    struct glue *g = state;
    struct window *w = &g->win;
    int r = 0;
    for (size_t k = 0; k < g->nin; r++) {
        size_t j = input_run(g, k);
        if (w->col[r] >= 0)
            w->in[(size_t)i * (size_t)w->nin + (size_t)w->col[r]] = input_value(g, k, j);
        k = j;
    }
}

static enum gs_status
glue_run_window(struct gs_sim *sim, void *state, const struct gs_tick *tick, long n)
{
    struct glue *g = state;
    struct window *w = &g->win;
    struct gs_cmodel *m = gs_solver_model(g->s);
    m->t = tick->t;
    m->step = tick->step;
    /* what the elements that read the model see before the window's first
     * step (replay(-1)): the spikes of the step before, into LAST */
    if (g->view != g->last) {
        if (g->nview > g->caplast) {
            g->caplast = g->nview;
            g->last = xreallocarray(g->last, g->caplast, sizeof *g->last);
        }
        if (g->nview)
            memcpy(g->last, g->view, g->nview * sizeof *g->last);
        g->nlast = g->nview;
        g->view = g->last;
    }
    if (w->nsample)
        memcpy(w->before, gs_solver_samples(g->s), sizeof *w->before * (size_t)w->nsample);
    if (gs_solver_advance_window(g->s, n, w->in, w->out) != GS_OK)
        return gs_error(sim, "the compiled model failed to advance");
    struct gs_spike buf[256];
    size_t k;
    w->nsp = 0;
    while ((k = gs_solver_spikes(g->s, buf, 256)) > 0) {
        if (w->nsp + k > w->capsp) {
            w->capsp = 2 * (w->nsp + k);
            w->sp = xreallocarray(w->sp, w->capsp, sizeof *w->sp);
        }
        memcpy(w->sp + w->nsp, buf, k * sizeof *buf);
        w->nsp += k;
    }
    /* the spikes come oldest first */
    size_t at = 0;
    for (long i = 0; i < n; i++) {
        w->first[i] = at;
        while (at < w->nsp && w->sp[at].step <= (int64_t)tick->step + i)
            at++;
    }
    w->first[n] = w->nsp;
    return GS_OK;
}

static void
glue_replay(void *state, long i)
{
    struct glue *g = state;
    struct window *w = &g->win;
    if (i < 0) {
        g->view = g->last;
        g->nview = g->nlast;
        gs_solver_set_samples(g->s, w->before);
        return;
    }
    g->view = w->sp + w->first[i];
    g->nview = w->first[i + 1] - w->first[i];
    if (w->nsample)
        gs_solver_set_samples(g->s, w->out + (size_t)i * (size_t)w->nsample);
}

static void
glue_read(void *state, const struct gs_fref *f)
{
    struct glue *g = state;
    int kind, id, code;
    if (ref_target(g, f, &kind, &id, &code))
        store(f->addr, f->type, gs_solver_read(g->s, kind, id, code));
}

static void
glue_write(void *state, const struct gs_fref *f)
{
    struct glue *g = state;
    int kind, id, code;
    if (ref_target(g, f, &kind, &id, &code))
        gs_solver_write(g->s, kind, id, code, load(f->addr, f->type));
}

/* EL's records (a synchan's synapses) back into their messages' data. */
static void
sync_records(struct glue *g, struct gs_element *el)
{
    const struct gs_solver_sub *sub = el->cls->solver->sub;
    for (int k = 0; sub; k++) {
        int id = sub_id(g, el, k);
        struct gs_msg *msg = id >= 0 ? sub->msg(el, k) : NULL;
        if (!msg)
            return;
        for (const struct gs_field *f = sub->fields; f->name; f++) {
            int code = sub_code(sub, f);
            if (code >= 0)
                store((char *)msg->data + f->offset, f->type,
                      gs_solver_read(g->s, sub->kind, id, code));
        }
    }
}

static void
glue_sync(void *state)
{
    struct glue *g = state;
    for (size_t e = 0; e < g->nels; e++) {
        struct gs_element *el = g->els[e];
        const struct ccache *c = class_cache(g, el->cls);
        for (int i = 0; i < c->n; i++)
            store((char *)el + c->f[i]->offset, c->f[i]->type,
                  gs_solver_read(g->s, el->cls->solver->kind, el->solver_index, c->code[i]));
        sync_records(g, el);
    }
}

static void
glue_release(struct gs_sim *sim, void *state)
{
    (void)sim;
    glue_sync(state);
    keep_pending(state);
    forget(state);
}

static void
glue_free(void *state)
{
    struct glue *g = state;
    if (!g)
        return;
    gs_solver_free(g->s);
    free(g->els);
    free(g->srcs);
    free(g->in);
    for (int k = 0; k < GS_K_NKINDS; k++) {
        free(g->sub[k].first);
        free(g->sub[k].id);
    }
    free(g->last);
    free(g->carry);
    window_drop(&g->win);
    free(g);
}

static const struct gs_solver_ops glue_ops = {
    .name = "gensh solver",
    .compile = glue_compile,
    .advance = glue_advance,
    .read_field = glue_read,
    .write_field = glue_write,
    .sync = glue_sync,
    .release = glue_release,
    .free = glue_free,
    .window = glue_window,
    .stage = glue_stage,
    .run_window = glue_run_window,
    .replay = glue_replay,
};

void
gs_solver_install(struct gs_sim *sim)
{
    struct glue *g = xcalloc(1, sizeof *g);
    g->s = gs_solver_new();
    model_set_solver(sim->model, &glue_ops, g);
}

void
gs_solver_push(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    struct gs_model *m = sim->model;
    if (m->solver != &glue_ops || !m->compiled || el->solver_index < 0)
        return;
    struct gs_fref f;
    if (field_find(sim, el, name, &f) == GS_OK)
        glue_write(m->solver_state, &f);
}

const char *
gs_solver_running(struct gs_sim *sim, const char **note)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    bool by_name;
    *note = g && gs_solver_model(g->s) ? gs_solver_note(g->s, &by_name) : NULL;
    return g && gs_solver_model(g->s) ? gs_solver_backend(g->s) : NULL;
}

size_t
gs_solver_last_spikes(struct gs_sim *sim, const struct gs_spike **out)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    *out = g ? g->view : NULL;
    return g ? g->nview : 0;
}

struct gs_element *
gs_solver_src_element(struct gs_sim *sim, int src)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    if (!g || src < 0 || (size_t)src >= g->nsrcs)
        return NULL;
    return g->srcs[src];
}

enum gs_status
gs_solver_fire_element(struct gs_sim *sim, struct gs_element *el, int64_t step)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    if (!g || !sim->model->compiled || el->solver_index < 0)
        return GS_ERR;
    return gs_solver_fire(g->s, el->solver_index, step);
}

size_t
gs_solver_events(struct gs_sim *sim, struct gs_syn_event **out)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    *out = NULL;
    if (!g)
        return 0;
    if (!sim->model->compiled) {
        /* Released since: the events kept for the next compile. */
        if (g->carry_now != (int64_t)sim->model->step)
            return 0;
        return kept_events(sim, g, out);
    }
    return compiled_events(g, out);
}

void
gs_solver_resume(struct gs_sim *sim, const struct gs_syn_event *ev, size_t n)
{
    struct glue *g = sim->model->solver == &glue_ops ? sim->model->solver_state : NULL;
    if (!g)
        return;
    int64_t now = (int64_t)sim->model->step;
    if (!sim->model->compiled)
        keep_events(g, ev, n, now); /* as a recompile keeps events, for the next compile */
    else
        queue_events(g, ev, n, now);
}
