/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spikes_cpu.c: spike events in the CPU backend. The calendar holds the
 * events on their way, one bucket of synapse indices per step modulo a
 * power of two above the longest delay. In a step (step_cpu.c has the
 * order): spikegens test the previous step's Vm and randomspikes draw;
 * the events due now add weight/dt to their synchans' activation, newest
 * first, as GENESIS's pending list gives them, with the background
 * frequency draws; the sources that fired have their events queued in
 * GENESIS element order (the delay read when the spike is sent, the
 * arrival time kept as the synapse's last_spike_time) and their spikes
 * recorded for collection. Spikes from outside (fire), the events on
 * their way (pending) and events carried over a recompile (carry) go
 * through the same calendar.
 */
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cpu.h"

#define PURPOSE_RSPK 0x5253504bu  /* randomspike draws */

/* ---- the calendar ------------------------------------------------------ */

static void
cal_push(struct calendar *c, int b, int32_t q)
{
    if (c->n[b] == c->cap[b]) {
        c->cap[b] = c->cap[b] ? 2 * c->cap[b] : 8;
        c->ev[b] = xreallocarray(c->ev[b], (size_t)c->cap[b], sizeof *c->ev[b]);
    }
    c->ev[b][c->n[b]++] = q;
}

/* Makes C hold events due up to MAXSTEPS steps after STEP, keeping those
 * it has. */
static void
cal_fit(struct calendar *c, int64_t step, int maxsteps)
{
    int size = 2;
    while (size <= maxsteps)
        size *= 2;
    if (size <= c->size)
        return;
    struct calendar old = *c;
    c->size = size;
    c->ev = xcalloc((size_t)size, sizeof *c->ev);
    c->n = xcalloc((size_t)size, sizeof *c->n);
    c->cap = xcalloc((size_t)size, sizeof *c->cap);
    /* bucket b of the old calendar holds the events due at the step in
     * [step, step + old.size) that is congruent to b */
    for (int i = 0; i < old.size; i++) {
        int64_t due = step + ((i - step) % old.size + old.size) % old.size;
        for (int j = 0; j < old.n[i]; j++)
            cal_push(c, (int)(due & (size - 1)), old.ev[i][j]);
        free(old.ev[i]);
    }
    free(old.ev);
    free(old.n);
    free(old.cap);
}

static void
cal_clear(struct calendar *c)
{
    for (int b = 0; b < c->size; b++)
        c->n[b] = 0;
}

void
cpu_spikes_compile(const struct gs_cmodel *m, struct cpu_state *st)
{
    int maxd = 0;
    for (int q = 0; q < m->nsynapse; q++)
        if (gs_syn_dsteps(m, q) > maxd)
            maxd = gs_syn_dsteps(m, q);
    cal_fit(&st->cal, m->step, maxd);
}

void
cpu_spikes_clear(struct cpu_state *st)
{
    cal_clear(&st->cal);
    st->fired.n = 0;
    st->nspikes = st->spikes_head = 0;
}

void
cpu_spikes_free(struct cpu_state *st)
{
    struct calendar *c = &st->cal;
    for (int b = 0; b < c->size; b++)
        free(c->ev[b]);
    free(c->ev);
    free(c->n);
    free(c->cap);
    free(st->fired.v);
    free(st->spikes);
}

void
gs_fired_push(struct gs_fired *f, int32_t s)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 64;
        f->v = xreallocarray(f->v, (size_t)f->cap, sizeof *f->v);
    }
    f->v[f->n++] = s;
}

/* ---- delivery ----------------------------------------------------------- */

/* synchan.c PROCESS: due events add weight/dt, newest first. Each event
 * reaches three scattered places (its synapse's channel and weight, the
 * channel's activation): prefetched in two stages, 16 and 8 events ahead,
 * so a large network waits for memory once per event, not three times. */
void
cpu_deliver(struct gs_cmodel *m, struct cpu_state *st)
{
    struct calendar *cal = &st->cal;
    int b = (int)(m->step & (cal->size - 1));
    int32_t *ev = cal->ev[b];
    for (int i = cal->n[b] - 1; i >= 0; i--) {
        if (i >= 16) {
            __builtin_prefetch(&m->q_chan[ev[i - 16]]);
            __builtin_prefetch(&m->q_weight[ev[i - 16]]);
        }
        if (i >= 8)
            __builtin_prefetch(&m->act[m->q_chan[ev[i - 8]]], 1);
        int q = ev[i], y = m->q_chan[q];
        m->act[y] = (float)((double)m->act[y] + (double)m->q_weight[q] / m->dt);
    }
    cal->n[b] = 0;
    bool genesis = m->rng && rng_genesis(m->rng);
    for (int i = 0; i < m->nfreq; i++) {
        int y = m->freq_syn[i];
        double u = genesis ? rng_genesis_urandom(m->rng)
                           : rng_key_uniform(m->seed, m->syn_gid[y], GS_PURPOSE_FREQ,
                                             (uint64_t)m->step);
        if (u <= m->freq[y] * m->dt)
            m->act[y] = (float)((double)m->act[y] + 1.0 / m->dt);
    }
}

/* ---- spike tests -------------------------------------------------------- */

/* spikegen.c PROCESS: fires when its input reaches thresh and lastevent +
 * abs_refract (a float sum) <= t + dt/2. */
static void
spikegen_test(struct gs_cmodel *m, struct gs_fired *fired, int s)
{
    int c = m->gvsrc[s];
    if (c < 0 && c != GS_VSRC_EXT)
        return;
    double v = c >= 0 ? m->V[c] : m->ginput[s];
    if (m->hspk_steps[s] > 0) { /* under an hsolve: its own rule */
        if (--m->hspk_count[s] <= 0 && v > (double)m->thresh[s]) {
            m->hspk_count[s] = m->hspk_steps[s];
            m->lastevent[s] = (float)m->t;
            m->lastfire[s] = m->step;
            gs_fired_push(fired, s);
        }
        return;
    }
    if (gs_spikegen_fires(v, m->thresh[s], m->lastevent[s], m->refract[s], m->t, m->dt)) {
        m->lastevent[s] = (float)m->t;
        m->lastfire[s] = m->step;
        gs_fired_push(fired, s);
    }
}

/* randomspike.c PROCESS, with counter-based draws keyed by the source, or
 * GENESIS's generator's next numbers (in randomspike order: GENESIS's). */
static void
randomspike_step(struct gs_cmodel *m, struct gs_fired *fired, int r)
{
    int s = m->nspike + r;
    if (m->r_stride[r] == 0 || m->step % m->r_stride[r] != 0)
        return; /* not its clock's step */
    if (m->r_reset[r])
        m->r_state[r] = m->r_reset_value[r];
    if ((double)m->r_refract[r] > m->t - (double)m->r_last[r])
        return;
    float p = (float)(m->r_realrate[r] * m->r_dt[r]);
    if (m->rng && rng_genesis(m->rng)) {
        if (p >= 1.0f || p >= rng_genesis_urandom(m->rng)) {
            m->r_last[r] = (float)m->t;
            if (m->r_min[r] != m->r_max[r]) /* frandom(min_amp, max_amp) in float */
                m->r_state[r] =
                    rng_genesis_urandom(m->rng) * (m->r_max[r] - m->r_min[r]) + m->r_min[r];
            else
                m->r_state[r] = m->r_min[r];
            gs_fired_push(fired, s);
        }
        return;
    }
    uint64_t key = (uint64_t)m->step * 2;
    if (p >= 1.0f || (double)p >= rng_key_uniform(m->seed, m->src_gid[s], PURPOSE_RSPK, key)) {
        m->r_last[r] = (float)m->t;
        if (m->r_min[r] != m->r_max[r]) {
            double u = rng_key_uniform(m->seed, m->src_gid[s], PURPOSE_RSPK, key + 1);
            m->r_state[r] = (float)(m->r_min[r] + (m->r_max[r] - m->r_min[r]) * u);
        } else {
            m->r_state[r] = m->r_min[r];
        }
        gs_fired_push(fired, s);
    }
}

void
cpu_spike_tests(struct gs_cmodel *m, struct cpu_state *st, bool grouped)
{
    for (int g = 0; grouped && g < m->ngroup; g++) {
        const struct gs_group *G = &m->groups[g];
        for (int u = 0; u < G->nspk * G->n; u++)
            spikegen_test(m, &st->fired, G->spk0 + u);
    }
    for (int i = 0; i < m->ngen_spk; i++)
        spikegen_test(m, &st->fired, m->gen_spk[i]);
    for (int r = 0; r < m->nrand; r++)
        randomspike_step(m, &st->fired, r);
}

/* ---- queueing ----------------------------------------------------------- */

static int
cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void
cpu_sort_fired(const struct gs_cmodel *m, struct gs_fired *f)
{
    if (f->n < 2)
        return;
    int k = 1;
    while (k < f->n && m->src_order[f->v[k - 1]] < m->src_order[f->v[k]])
        k++;
    if (k == f->n)
        return;
    int64_t *key = xmalloc(sizeof(int64_t) * (size_t)f->n);
    for (int i = 0; i < f->n; i++)
        key[i] = (int64_t)m->src_order[f->v[i]] << 32 | (uint32_t)f->v[i];
    qsort(key, (size_t)f->n, sizeof *key, cmp_i64);
    for (int i = 0; i < f->n; i++)
        f->v[i] = (int32_t)(key[i] & 0xffffffff);
    free(key);
}

/* Queues the fired sources' events in GENESIS element order and records
 * the spikes (builder source ids). */
void
cpu_queue_spikes(struct gs_cmodel *m, struct cpu_state *st)
{
    struct calendar *cal = &st->cal;
    struct gs_fired *fd = &st->fired;
    if (fd->n == 0)
        return;
    cpu_sort_fired(m, fd);
    /* In a large network each source's list and the first delay are
     * cache misses: prefetched a few sources ahead, in two stages. */
    const int32_t *f = fd->v;
    for (int i = 0; i < fd->n && i < 8; i++)
        __builtin_prefetch(&m->out_first[f[i]]);
    for (int i = 0; i < fd->n; i++) {
        if (i + 8 < fd->n)
            __builtin_prefetch(&m->out_first[f[i + 8]]);
        if (i + 4 < fd->n)
            __builtin_prefetch(&m->out_syn[m->out_first[f[i + 4]]]);
        if (i + 2 < fd->n) {
            int j2 = m->out_first[f[i + 2]];
            if (j2 < m->out_first[f[i + 2] + 1]) {
                __builtin_prefetch(&m->q_delay[m->out_syn[j2]]);
                __builtin_prefetch(&m->q_last[m->out_syn[j2]], 1);
            }
        }
        int s = f[i];
        /* a spike that GENESIS's hsolver sends reaches the synchans of
         * their own, which ran before the hsolvers, a step later */
        int late = s < m->nspike && m->hspk_steps[s] > 0;
        for (int j = m->out_first[s]; j < m->out_first[s + 1]; j++) {
            int q = m->out_syn[j];
            if (m->syn_hines && m->syn_hines[m->q_chan[q]] >= 0)
                continue; /* hsyn.c queued it */
            float delay = m->q_delay[q];
            int d = gs_delay_steps(m, delay) + late;
            if (d >= cal->size)
                cal_fit(cal, m->step, d);
            if (d == 0 && !m->zero_delay) {
                /* a delay set to 0 while running: from the next step on
                 * spikes are tested first; this one arrives a step late */
                m->zero_delay = true;
                d = 1;
            }
            cal_push(cal, (int)((m->step + d) & (cal->size - 1)), q);
            m->q_last[q] = (float)(m->t + (double)delay); /* synchan.c EVENT */
        }
        if (st->nspikes == st->spikes_cap) {
            st->spikes_cap = st->spikes_cap ? 2 * st->spikes_cap : 256;
            st->spikes = xreallocarray(st->spikes, st->spikes_cap, sizeof *st->spikes);
        }
        st->spikes[st->nspikes].step = m->step;
        st->spikes[st->nspikes++].src = m->src_order[s];
    }
}

size_t
cpu_collect_spikes(struct gs_solver *s, struct gs_spike *out, size_t max)
{
    struct cpu_state *st = s->be_state;
    size_t left = st->nspikes - st->spikes_head, n = left < max ? left : max;
    if (n == 0)
        return 0; /* the spike array may not exist yet: no memcpy from NULL */
    memcpy(out, st->spikes + st->spikes_head, n * sizeof *out);
    st->spikes_head += n;
    if (st->spikes_head == st->nspikes)
        st->spikes_head = st->nspikes = 0;
    return n;
}

/* ---- events from outside the step --------------------------------------- */

enum gs_status
cpu_fire(struct gs_solver *s, int src, int64_t at)
{
    struct gs_cmodel *m = s->m;
    struct calendar *cal = &((struct cpu_state *)s->be_state)->cal;
    int64_t last = m->step;
    for (int j = m->out_first[src]; j < m->out_first[src + 1]; j++) {
        int64_t due = at + gs_syn_dsteps(m, m->out_syn[j]);
        if (due < m->step - 1)
            return GS_ERR;
        if (due > last)
            last = due;
    }
    if (last - m->step >= cal->size)
        cal_fit(cal, m->step, (int)(last - m->step));
    for (int j = m->out_first[src]; j < m->out_first[src + 1]; j++) {
        int q = m->out_syn[j];
        /* One step late (a zero delay from another node): due now, as
         * GENESIS's synchan rounds int(delay/dt - lateness + 0.9) to 0. */
        int64_t due = at + gs_syn_dsteps(m, q);
        if (due < m->step)
            due = m->step;
        if (m->syn_hines && m->syn_hines[m->q_chan[q]] >= 0)
            gs_hsyn_send(m, q, (int)(due - m->step));
        else
            cal_push(cal, (int)(due & (cal->size - 1)), q);
        m->q_last[q] = (float)((double)at * m->dt + (double)m->q_delay[q]);
    }
    return GS_OK;
}

size_t
cpu_pending(struct gs_solver *s, struct gs_event **out)
{
    const struct gs_cmodel *m = s->m;
    const struct calendar *cal = &((struct cpu_state *)s->be_state)->cal;
    size_t n = 0, cap = 0;
    *out = NULL;
    for (int i = 0; i < cal->size; i++) {
        int b = (int)((m->step + i) & (cal->size - 1));
        for (int j = 0; j < cal->n[b]; j++) {
            if (n == cap) {
                cap = cap ? 2 * cap : 64;
                *out = xreallocarray(*out, cap, sizeof **out);
            }
            (*out)[n++] = (struct gs_event){m->step + i, cal->ev[b][j]};
        }
    }
    return gs_hsyn_pending(m, out, n, &cap);
}

void
cpu_carry(struct gs_solver *s, const struct gs_event *ev, size_t n, int64_t now)
{
    struct calendar *cal = &((struct cpu_state *)s->be_state)->cal;
    cal_clear(cal);
    s->m->step = now;
    int64_t last = now;
    for (size_t k = 0; k < n; k++)
        if (ev[k].due > last)
            last = ev[k].due;
    cal_fit(cal, now, (int)(last - now));
    gs_hsyn_reset(s->m);
    for (size_t k = 0; k < n; k++) {
        if (ev[k].due < now)
            continue;
        if (s->m->syn_hines && s->m->syn_hines[s->m->q_chan[ev[k].q]] >= 0)
            gs_hsyn_carry(s->m, ev[k].q, ev[k].due, now);
        else
            cal_push(cal, (int)(ev[k].due & (cal->size - 1)), ev[k].q);
    }
}
