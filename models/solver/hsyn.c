/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hsyn.c: synchans in a cell under an hsolve of chanmode 2 to 5, whose
 * events GENESIS 2.4's hsolve delivers itself (hines_conn.c, the HSEVENT
 * and HPROCESS parts of synchan.c, the SYN ops of hines_chip.c).
 *
 * GENESIS runs the spiking elements (randomspikes, spikegens of their own)
 * before the hsolvers, and each hsolver runs its cell's whole step in one
 * pass, its chip loop: it fires the cell's spikegen, sending the events at
 * once, and updates the synchans. A spike therefore reaches a cell whose
 * hsolve comes later in the same step, and a cell whose hsolve came
 * earlier one step later. Each synchan keeps GENESIS's list of pending
 * events (steps relative to the event before) and the hsolve a counter,
 * decremented every step, that delivers the first event when it reads 0.
 * The list is not decremented while the hsolve counts: a new event first
 * takes (int)((now - time_last_event)/dt) steps off the first one, a
 * truncation of accumulated times that can leave it a step late, as in
 * GENESIS. The synchan's own integration is the chip's, in double:
 * activation messages and a background event (weight xconst1/dt) enter X
 * before it decays, a delivered spike after:
 *
 *   X = (X + a xconst1 + [u <= frequency dt] xconst1/dt) xconst2
 *       + (dt act) (xconst1/dt)
 *   Y = X yconst1 + Y yconst2
 *
 * Everything here depends only on spikes, which spike tests of the
 * previous step's Vm decide at the start of the step, so the whole hsolve
 * part runs before the channels and compartments.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../base/gs.h"
#include "backend.h"
#include "model_int.h"

/* hines_defs.h: TINY (a frequency taken at all), VTINY (an activation
 * message taken at all) */
#define H_TINY 1.0e-6
#define H_VTINY 1.0e-10

/* The pending events: per synchan the first node, the hsolve's counter and
 * time_last_event; the nodes (the synapse, steps after the event before)
 * in one pool with a free list. */
struct gs_hsyn {
    int *head, *count;
    double *tle;
    int nnode, freelist;
    int *next, *q;
    uint32_t *time;   /* unsigned, as synaptic_event.h's: see insert_at */
};

static int
node_new(struct gs_hsyn *H, int q)
{
    if (H->freelist < 0) {
        int n = H->nnode ? 2 * H->nnode : 256;
        H->next = xreallocarray(H->next, (size_t)n, sizeof *H->next);
        H->time = xreallocarray(H->time, (size_t)n, sizeof *H->time);
        H->q = xreallocarray(H->q, (size_t)n, sizeof *H->q);
        for (int e = H->nnode; e < n; e++)
            H->next[e] = e + 1 < n ? e + 1 : -1;
        H->freelist = H->nnode;
        H->nnode = n;
    }
    int e = H->freelist;
    H->freelist = H->next[e];
    H->q[e] = q;
    return e;
}

static void
node_free(struct gs_hsyn *H, int e)
{
    H->next[e] = H->freelist;
    H->freelist = e;
}

/* ---- layout ------------------------------------------------------------ */

void
gs_hsyn_layout(struct gs_cmodel *m, const int *syn_cell, const int *syn_compt)
{
    int nh = m->nhines;
    m->syn_hines = xmalloc(sizeof(int) * ((size_t)m->nsyn + 1));
    m->nhsyn = 0;
    for (int y = 0; y < m->nsyn; y++) {
        m->syn_hines[y] = syn_cell[y];
        m->nhsyn += syn_cell[y] >= 0;
    }
    /* per compartment of a cell: its spikegens (firing by the hsolve's
     * rule) and synchans; the chip loop takes the compartments in the
     * cell's row order and, in each, the spikegens before the synchans
     * (hines_child.c sorts the children by type) */
    int *first = xcalloc((size_t)m->ncompt + 2, sizeof(int));
    for (int s = 0; s < m->nspike; s++) {
        int c = m->gvsrc[s];
        if (c >= 0 && m->comp_hines[c] >= 0 && m->hines[m->comp_hines[c]].chanmode >= 2)
            first[c + 1]++;
    }
    for (int y = 0; y < m->nsyn; y++)
        if (syn_cell[y] >= 0)
            first[syn_compt[y] + 1]++;
    for (int c = 0; c < m->ncompt; c++)
        first[c + 1] += first[c];
    int *byc = xmalloc(sizeof(int) * ((size_t)first[m->ncompt] + 1));
    int *fill = xcalloc((size_t)m->ncompt + 1, sizeof(int));
    for (int s = 0; s < m->nspike; s++) {
        int c = m->gvsrc[s];
        if (c >= 0 && m->comp_hines[c] >= 0 && m->hines[m->comp_hines[c]].chanmode >= 2)
            byc[first[c] + fill[c]++] = -1 - s;
    }
    for (int y = 0; y < m->nsyn; y++)
        if (syn_cell[y] >= 0)
            byc[first[syn_compt[y]] + fill[syn_compt[y]]++] = y;
    m->hord_first = xcalloc((size_t)nh + 1, sizeof(int));
    m->hord = xmalloc(sizeof(int) * ((size_t)first[m->ncompt] + 1));
    int n = 0;
    for (int h = 0; h < nh; h++) {
        const struct gs_hines *C = &m->hines[h];
        for (int k = 0; k < C->n; k++) {
            int c = C->compt[k];
            for (int j = first[c]; j < first[c + 1]; j++)
                m->hord[n++] = byc[j];
        }
        m->hord_first[h + 1] = n;
    }
    free(first);
    free(byc);
    free(fill);

    struct gs_hsyn *H = xcalloc(1, sizeof *H);
    H->head = xmalloc(sizeof(int) * ((size_t)m->nsyn + 1));
    H->count = xmalloc(sizeof(int) * ((size_t)m->nsyn + 1));
    H->tle = xcalloc((size_t)m->nsyn + 1, sizeof(double));
    H->freelist = -1;
    for (int y = 0; y < m->nsyn; y++)
        H->head[y] = -1;
    m->hsyn = H;
    gs_hsyn_reset(m);
}

void
gs_hsyn_reset(struct gs_cmodel *m)
{
    struct gs_hsyn *H = m->hsyn;
    if (!H)
        return;
    for (int y = 0; y < m->nsyn; y++) {
        for (int e = H->head[y]; e >= 0;) {
            int nx = H->next[e];
            node_free(H, e);
            e = nx;
        }
        H->head[y] = -1;
        H->count[y] = -1; /* chip_put_channelc3: no event */
        H->tle[y] = 0.0;
    }
}

void
gs_hsyn_free(struct gs_cmodel *m)
{
    struct gs_hsyn *H = m->hsyn;
    if (H) {
        free(H->head);
        free(H->count);
        free(H->tle);
        free(H->next);
        free(H->time);
        free(H->q);
        free(H);
    }
    m->hsyn = NULL;
    free(m->syn_hines);
    free(m->hord_first);
    free(m->hord);
    m->syn_hines = m->hord_first = m->hord = NULL;
    m->nhsyn = 0;
}

/* ---- events ------------------------------------------------------------ */

/* synchan.c EVENT for an hsolved synchan, at time T: the new event goes
 * into the list at K steps from now (after the events due no later); a
 * new first event sets the hsolve's counter (HSEVENT). GENESIS keeps the
 * steps in an unsigned int and compares them as such: a first event the
 * time adjustment takes below 0 counts as later than any other, and an
 * event left behind it (or the first one itself, once another event is
 * put before it) is never due again; GENESIS's hsolve loses such events,
 * and so does this. */
static void
insert_at(struct gs_cmodel *m, int q, int k, double T)
{
    struct gs_hsyn *H = m->hsyn;
    int y = m->q_chan[q];
    int e = node_new(H, q);
    int p = H->head[y];
    uint32_t t = (uint32_t)k;
    if (p < 0) {
        H->time[e] = t;
        H->next[e] = -1;
        H->head[y] = e;
        H->count[y] = k;
    } else {
        H->time[p] -= (uint32_t)(int)((T - H->tle[y]) / m->dt);
        int prev = -1;
        for (; p >= 0; prev = p, p = H->next[p]) {
            if (t <= H->time[p]) {
                if (prev < 0) {
                    H->head[y] = e;
                    H->count[y] = k;
                } else {
                    H->next[prev] = e;
                }
                H->time[e] = t;
                H->next[e] = p;
                H->time[p] -= t;
                break;
            }
            t -= H->time[p];
        }
        if (p < 0) {
            H->next[prev] = e;
            H->time[e] = t;
            H->next[e] = -1;
        }
    }
    H->tle[y] = T;
}

void
gs_hsyn_send(struct gs_cmodel *m, int q, int k)
{
    insert_at(m, q, k, m->t);
}

/* Source S's events: those into hsolved synchans (the others go through
 * the backend's calendar). */
static void
send_source(struct gs_cmodel *m, int s)
{
    for (int j = m->out_first[s]; j < m->out_first[s + 1]; j++) {
        int q = m->out_syn[j];
        if (m->syn_hines[m->q_chan[q]] < 0)
            continue;
        insert_at(m, q, gs_syn_dsteps(m, q), m->t);
        m->q_last[q] = (float)(m->t + (double)m->q_delay[q]); /* synchan.c EVENT */
    }
}

/* synchan.c HPROCESS: the first event is due; it and those due with it
 * add weight/dt to the activation, which is returned; the counter goes
 * to the next event (-1: none). */
static float
hprocess(struct gs_cmodel *m, int y)
{
    struct gs_hsyn *H = m->hsyn;
    int e = H->head[y];
    float act = 0.0f;
    if (e >= 0)
        H->time[e] = 0;
    while (e >= 0 && H->time[e] == 0) {
        int nx = H->next[e];
        act = gs_syn_event(act, m->q_weight[H->q[e]], m->dt);
        node_free(H, e);
        e = nx;
    }
    H->head[y] = e;
    if (e >= 0)
        H->tle[y] = m->t;
    /* ops[] is an int array: the unsigned steps go in as their bits */
    H->count[y] = e >= 0 ? (int)H->time[e] : -1;
    return act;
}

/* The SYN2/SYN3 op of the chip loop for synchan Y (with h_in_msgs'
 * activation messages, summed in act[y] before the step). */
static void
syn_op(struct gs_cmodel *m, int y, bool genesis)
{
    struct gs_hsyn *H = m->hsyn;
    double dt = m->dt, stab = m->xc1[y] / dt; /* stablist[k+3] */
    double X = m->sX[y];
    if ((double)m->act[y] > H_VTINY)
        X += (double)m->act[y] * stab * dt;
    if ((double)m->freq[y] > H_TINY) {
        double u = genesis ? rng_genesis_urandom(m->rng)
                           : rng_key_uniform(m->seed, m->syn_gid[y], GS_PURPOSE_FREQ,
                                             (uint64_t)m->step);
        if (u <= (double)m->freq[y] * dt)
            X += stab;
    }
    X *= m->xc2[y];
    if (H->count[y] == 0)
        X += dt * (double)hprocess(m, y) * stab;
    H->count[y]--;
    m->sY[y] = X * m->yc1[y] + m->sY[y] * m->yc2[y];
    m->sX[y] = X;
    m->act[y] = 0.0f;
}

void
gs_hsyn_step(struct gs_cmodel *m, const int32_t *fired, int n)
{
    /* the spiking elements, which GENESIS's schedule runs before the
     * hsolvers */
    for (int i = 0; i < n; i++) {
        int s = fired[i];
        if (s >= m->nspike || m->hspk_steps[s] == 0)
            send_source(m, s);
    }
    bool genesis = m->rng && rng_genesis(m->rng);
    for (int h = 0; h < m->nhines; h++)
        for (int e = m->hord_first[h]; e < m->hord_first[h + 1]; e++) {
            int v = m->hord[e];
            if (v >= 0)
                syn_op(m, v, genesis);
            else if (m->lastfire[-1 - v] == m->step) /* SPIKE op: fired this step */
                send_source(m, -1 - v);
        }
}

/* ---- across a recompile -------------------------------------------------- */

size_t
gs_hsyn_pending(const struct gs_cmodel *m, struct gs_event **out, size_t n, size_t *cap)
{
    const struct gs_hsyn *H = m->hsyn;
    if (!H)
        return n;
    for (int y = 0; y < m->nsyn; y++) {
        /* the counter is read (then decremented) in the next step; a
         * negative one, or steps that wrapped below 0, are never due */
        if (H->count[y] < 0)
            continue;
        int64_t due = m->step + H->count[y];
        for (int e = H->head[y], first = 1; e >= 0; e = H->next[e], first = 0) {
            if (!first) {
                if (H->time[e] > INT32_MAX)
                    break;
                due += H->time[e];
            }
            if (n == *cap) {
                *cap = *cap ? 2 * *cap : 64;
                *out = xreallocarray(*out, *cap, sizeof **out);
            }
            (*out)[n++] = (struct gs_event){due, H->q[e]};
        }
    }
    return n;
}

void
gs_hsyn_carry(struct gs_cmodel *m, int q, int64_t due, int64_t now)
{
    /* all carried events go in at one time, half a step before step NOW's,
     * so that the steps counted from it later are whole */
    double T = ((double)now - 0.5) * m->dt;
    int k = due > now ? (int)(due - now) : 0;
    m->hsyn->tle[m->q_chan[q]] = T;
    insert_at(m, q, k, T);
}
