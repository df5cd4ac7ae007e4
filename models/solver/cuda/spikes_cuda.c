/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spikes_cuda.c: spike events of the CUDA backend. The device keeps no
 * event queues but a ring of bits per source (kern_cuda.h); here: the
 * window's spikes put in the CPU backend's order with their synapses'
 * arrival times, a remote spike's bit and calendar key (fire), the events
 * on their way read off the rings (pending) and set again in a new model
 * (carry), and the spikes collected.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cuda.h"

static int
cmp_spike(const void *a, const void *b)
{
    const struct gs_spike *x = a, *y = b;
    if (x->step != y->step)
        return (x->step > y->step) - (x->step < y->step);
    return (x->src > y->src) - (x->src < y->src);
}

/* The window's spikes in the CPU backend's order, into the model's spike
 * list (as builder source numbers), with their synapses' arrival times
 * (synchan.c EVENT: last_spike_time = time of the spike + delay). T0 is
 * the time of step STEP0. */
void
cuda_take_spikes(struct gs_solver *s, int64_t step0, const double *tstep)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    struct gs_spike *sp;
    size_t n = gs_cuda_spikes(st->c, &sp);
    for (size_t i = 0; i < n; i++)
        sp[i].src = m->src_order[sp[i].src];
    qsort(sp, n, sizeof *sp, cmp_spike);
    if (st->nspikes + n > st->spikes_cap) {
        st->spikes_cap = 2 * (st->nspikes + n) + 256;
        st->spikes = xreallocarray(st->spikes, st->spikes_cap, sizeof *st->spikes);
    }
    /* builder id -> model index, for the arrival times */
    const int *map = m->map[GS_K_SRC];
    for (size_t i = 0; i < n; i++) {
        st->spikes[st->nspikes++] = sp[i];
        int ms = map[sp[i].src];
        double t = tstep[sp[i].step - step0];
        for (int j = m->out_first[ms]; j < m->out_first[ms + 1]; j++) {
            int q = m->out_syn[j];
            m->q_last[q] = (float)(t + (double)m->q_delay[q]);
        }
    }
    free(sp);
}

/* A remote spike: its bit in the source's ring at AT, with the calendar
 * key of a spike queued now (after the local spikes of the step before,
 * in call order). An event one step late is due now, as on the CPU: the
 * bit moves a step later (exact when the late synapses share a delay). */
enum gs_status
cuda_fire(struct gs_solver *s, int src, int64_t at)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    bool late = false;
    for (int j = m->out_first[src]; j < m->out_first[src + 1]; j++) {
        int64_t due = at + gs_syn_dsteps(m, m->out_syn[j]);
        if (due < m->step - 1 || due - at > st->maxd)
            return GS_ERR;
        late |= due < m->step;
    }
    int64_t f = late ? at + 1 : at;
    gs_cuda_set_fired(st->c, src, f, 2 * m->step - 1, st->seq++);
    for (int j = m->out_first[src]; j < m->out_first[src + 1]; j++) {
        int q = m->out_syn[j];
        m->q_last[q] = (float)((double)at * m->dt + (double)m->q_delay[q]);
    }
    return GS_OK;
}

struct keyed {
    struct gs_event ev;
    int64_t k1, k2;
};

static int
cmp_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->ev.due != y->ev.due)
        return (x->ev.due > y->ev.due) - (x->ev.due < y->ev.due);
    if (x->k1 != y->k1)
        return (x->k1 > y->k1) - (x->k1 < y->k1);
    return (x->k2 > y->k2) - (x->k2 < y->k2);
}

/* The events on their way, read off the spike rings: synapse q of source
 * s has one due at f + delay for each step f < now with the bit of s set
 * and f + delay >= now; in the calendar's order (due step, then the order
 * they were queued in). */
size_t
cuda_pending(struct gs_solver *s, struct gs_event **out)
{
    struct cuda_state *st = s->be_state;
    const struct gs_cmodel *m = s->m;
    uint64_t *ring;
    int64_t *k1, *k2;
    *out = NULL;
    int R = gs_cuda_rings(st->c, &ring, &k1, &k2);
    if (R == 0)
        return 0;
    int nw = R / 64, next0 = m->nspike + m->nrand;
    int *jpos = xmalloc(sizeof(int) * ((size_t)m->nsynapse + 1));
    for (int src = 0; src < next0 + m->next; src++)
        for (int j = m->out_first[src]; j < m->out_first[src + 1]; j++)
            jpos[m->out_syn[j]] = j - m->out_first[src];
    struct keyed *ev = NULL;
    size_t n = 0, cap = 0;
    for (int q = 0; q < m->nsynapse; q++) {
        int src = m->q_src[q], d = gs_syn_dsteps(m, q);
        for (int64_t f = m->step - d; f < m->step; f++) {
            if (!((ring[(size_t)src * nw + (size_t)((f >> 6) & (nw - 1))] >> (f & 63)) & 1))
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 64;
                ev = xreallocarray(ev, cap, sizeof *ev);
            }
            struct keyed *e = &ev[n++];
            e->ev = (struct gs_event){f + d, q};
            if (src >= next0) {
                size_t k = (size_t)(src - next0) * (size_t)R + (size_t)(f & (R - 1));
                e->k1 = k1[k];
                e->k2 = k2[k] << 20 | jpos[q];
            } else {
                e->k1 = 2 * f;
                e->k2 = (int64_t)m->src_order[src] << 20 | jpos[q];
            }
        }
    }
    free(ring);
    free(k1);
    free(k2);
    free(jpos);
    qsort(ev, n, sizeof *ev, cmp_keyed);
    *out = xmalloc(sizeof **out * (n + 1));
    for (size_t i = 0; i < n; i++)
        (*out)[i] = ev[i].ev;
    free(ev);
    return n;
}

/* Events of an earlier model: each sets its source's bit at due - delay
 * (a remote source's with keys in the order given). One bit stands for
 * a spike on all the source's synapses: a synapse added since the spike
 * was sent gets its event too (docs/gpu.md). */
void
cuda_carry(struct gs_solver *s, const struct gs_event *ev, size_t n, int64_t now)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    gs_cuda_clear_rings(st->c);
    m->step = now;
    int next0 = m->nspike + m->nrand;
    for (size_t k = 0; k < n; k++) {
        if (ev[k].due < now)
            continue;
        int q = ev[k].q, src = m->q_src[q];
        int64_t f = ev[k].due - gs_syn_dsteps(m, q);
        gs_cuda_set_fired(st->c, src, f, src >= next0 ? 2 * f + 1 : 0, (int64_t)k);
    }
}

size_t
cuda_spikes(struct gs_solver *s, struct gs_spike *out, size_t max)
{
    struct cuda_state *st = s->be_state;
    size_t left = st->nspikes - st->spikes_head, n = left < max ? left : max;
    if (n == 0)
        return 0;
    memcpy(out, st->spikes + st->spikes_head, n * sizeof *out);
    st->spikes_head += n;
    if (st->spikes_head == st->nspikes)
        st->spikes_head = st->nspikes = 0;
    return n;
}
