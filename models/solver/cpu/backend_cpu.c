/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * backend_cpu.c: the reference backend. It advances the compiled model in
 * place, one step at a time, in GENESIS 2.4's schedule order:
 *
 *   1. spikes due now are added to the synchans' activation (weight/dt,
 *      float, in the order GENESIS's pending-event list gives them) and
 *      the background frequency draws are made;
 *   2. spikegens and randomspikes test the Vm of the previous step;
 *   3. channels (tabchannel gates, synchans) update from that Vm;
 *   4. compartments integrate, the general ones in element order (an AXIAL
 *      message from Vm sees an earlier compartment's new value), then the
 *      cells under an hsolve, implicitly (hines.c);
 *   5. Ca_concen pools integrate the channel currents of this step;
 *   6. this step's spikes are queued on their synapses' delays.
 *
 * Uniform groups run 2-4 fused in the vectorised kernel (kern.c). When a
 * synapse has a zero delay (a spike acts in the step it is fired), all
 * spike tests run first and the queue is filled before step 1.
 */
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../backend.h"
#include "../model_int.h"
#include "kern.h"

#define PURPOSE_FREQ 0x53594e46u  /* synchan background frequency */
#define PURPOSE_RSPK 0x5253504bu  /* randomspike draws */

/* The events on their way: bucket b holds the synapses (model indices)
 * due at the steps congruent to b modulo SIZE, in the order they were
 * queued. */
struct calendar {
    int size;         /* power of two, > the longest delay in steps */
    int32_t **ev;
    int *n, *cap;
};

struct cpu_state {
    gs_group_fn group;
    struct calendar cal;
};

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

static void
cal_free(struct calendar *c)
{
    for (int b = 0; b < c->size; b++)
        free(c->ev[b]);
    free(c->ev);
    free(c->n);
    free(c->cap);
}

void
gs_fired_push(struct gs_cmodel *m, int32_t s)
{
    if (m->nfired == m->fired_cap) {
        m->fired_cap = m->fired_cap ? 2 * m->fired_cap : 64;
        m->fired = xreallocarray(m->fired, (size_t)m->fired_cap, sizeof *m->fired);
    }
    m->fired[m->nfired++] = s;
}

static gs_group_fn
pick_kernel(void)
{
    const char *want = getenv("GENSH_CPU_KERNEL");
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                  __builtin_cpu_supports("avx512vl");
    bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (want && strcmp(want, "base") == 0)
        return gs_kern_group_base;
    if (want && strcmp(want, "avx2") == 0 && avx2)
        return gs_kern_group_avx2;
    if (avx512 && !(want && strcmp(want, "avx2") == 0))
        return gs_kern_group_avx512;
    if (avx2)
        return gs_kern_group_avx2;
#endif
    (void)want;
    return gs_kern_group_base;
}

/* ---- spikes ----------------------------------------------------------- */

/* synchan.c PROCESS: due events add weight/dt, newest first. Each event
 * reaches three scattered places (its synapse's channel and weight, the
 * channel's activation): prefetched in two stages, 16 and 8 events ahead,
 * so a large network waits for memory once per event, not three times. */
static void
deliver(struct gs_cmodel *m, struct calendar *cal)
{
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
                           : rng_key_uniform(m->seed, m->syn_gid[y], PURPOSE_FREQ,
                                             (uint64_t)m->step);
        if (u <= m->freq[y] * m->dt)
            m->act[y] = (float)((double)m->act[y] + 1.0 / m->dt);
    }
}

static void
spikegen_test(struct gs_cmodel *m, int s)
{
    int c = m->gvsrc[s];
    if (c < 0 && c != GS_VSRC_EXT)
        return;
    double v = c >= 0 ? m->V[c] : m->ginput[s];
    float ready = m->lastevent[s] + m->refract[s];
    if (v >= (double)m->thresh[s] && (double)ready <= m->t + m->dt / 2.0) {
        m->lastevent[s] = (float)m->t;
        m->lastfire[s] = m->step;
        gs_fired_push(m, s);
    }
}

/* randomspike.c PROCESS, with counter-based draws keyed by the source, or
 * GENESIS's generator's next numbers (in randomspike order: GENESIS's). */
static void
randomspike_step(struct gs_cmodel *m, int r)
{
    int s = m->nspike + r;
    if (m->r_reset[r])
        m->r_state[r] = m->r_reset_value[r];
    if ((double)m->r_refract[r] > m->t - (double)m->r_last[r])
        return;
    float p = (float)(m->r_realrate[r] * m->dt);
    if (m->rng && rng_genesis(m->rng)) {
        if (p >= 1.0f || p >= rng_genesis_urandom(m->rng)) {
            m->r_last[r] = (float)m->t;
            if (m->r_min[r] != m->r_max[r]) /* frandom(min_amp, max_amp) in float */
                m->r_state[r] =
                    rng_genesis_urandom(m->rng) * (m->r_max[r] - m->r_min[r]) + m->r_min[r];
            else
                m->r_state[r] = m->r_min[r];
            gs_fired_push(m, s);
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
        gs_fired_push(m, s);
    }
}

static int
cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts the fired sources by their GENESIS processing order (often they
 * come in that order already). */
static void
sort_fired(struct gs_cmodel *m)
{
    int k = 1;
    while (k < m->nfired && m->src_order[m->fired[k - 1]] < m->src_order[m->fired[k]])
        k++;
    if (k == m->nfired)
        return;
    int64_t *key = xmalloc(sizeof(int64_t) * (size_t)m->nfired);
    for (int i = 0; i < m->nfired; i++)
        key[i] = (int64_t)m->src_order[m->fired[i]] << 32 | (uint32_t)m->fired[i];
    qsort(key, (size_t)m->nfired, sizeof *key, cmp_i64);
    for (int i = 0; i < m->nfired; i++)
        m->fired[i] = (int32_t)(key[i] & 0xffffffff);
    free(key);
}

/* Queues the fired sources' events in GENESIS element order and records
 * the spikes (builder source ids). */
static void
queue_spikes(struct gs_cmodel *m, struct calendar *cal)
{
    if (m->nfired == 0)
        return;
    if (m->nfired > 1)
        sort_fired(m);
    /* In a large network each source's list and the first delay are
     * cache misses: prefetched a few sources ahead, in two stages. */
    const int32_t *f = m->fired;
    for (int i = 0; i < m->nfired && i < 8; i++)
        __builtin_prefetch(&m->out_first[f[i]]);
    for (int i = 0; i < m->nfired; i++) {
        if (i + 8 < m->nfired)
            __builtin_prefetch(&m->out_first[f[i + 8]]);
        if (i + 4 < m->nfired)
            __builtin_prefetch(&m->out_syn[m->out_first[f[i + 4]]]);
        if (i + 2 < m->nfired) {
            int j2 = m->out_first[f[i + 2]];
            if (j2 < m->out_first[f[i + 2] + 1]) {
                __builtin_prefetch(&m->q_delay[m->out_syn[j2]]);
                __builtin_prefetch(&m->q_last[m->out_syn[j2]], 1);
            }
        }
        int s = f[i];
        for (int j = m->out_first[s]; j < m->out_first[s + 1]; j++) {
            int q = m->out_syn[j];
            float delay = m->q_delay[q];
            int d = gs_delay_steps(m, delay);
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
        if (m->nspikes == m->spikes_cap) {
            m->spikes_cap = m->spikes_cap ? 2 * m->spikes_cap : 256;
            m->spikes = xreallocarray(m->spikes, m->spikes_cap, sizeof *m->spikes);
        }
        m->spikes[m->nspikes].step = m->step;
        m->spikes[m->nspikes++].src = m->src_order[s];
    }
    m->nfired = 0;
}

/* ---- the general path ------------------------------------------------- */

static void
general_channels(struct gs_cmodel *m)
{
    const double dt = m->dt;
    for (int i = 0; i < m->ngen_tab; i++) {
        int h = m->gen_tab[i];
        double v = gs_chan_v(m, m->tvsrc[h]);
        for (int k = 0; k < GS_NGATES; k++) {
            int gi = m->tgate[h * GS_NGATES + k];
            if (gi < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
            double c = m->gconc[gi] >= 0 ? m->Ca[m->gconc[gi]] : 0.0, A, B;
            gs_gate_rates(&m->tabs[d->tab], d->input == GS_GIN_CONC ? c : v, true, &A, &B);
            if (d->input == GS_GIN_CODEP)
                A = c * A;
            m->X[gi] = gs_gate_step(m->X[gi], A, B, d->instant, dt, &m->exptab);
        }
    }
    for (int i = 0; i < m->ngen_syn; i++) {
        int y = m->gen_syn[i];
        double x = (double)m->act[y] * m->xc1[y] + m->sX[y] * m->xc2[y];
        m->sX[y] = x;
        m->sY[y] = x * m->yc1[y] + m->sY[y] * m->yc2[y];
        m->act[y] = 0.0f;
    }
}

static void
general_compartments(struct gs_cmodel *m)
{
    for (int i = 0; i < m->ngen_compt; i++) {
        int c = m->gen_compt[i];
        double A = 0.0, B = m->k_B0[c], C = 0.0;
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            int k = t->kind & ~GS_TERM_PREV;
            if (k == GS_T_TAB || k == GS_T_SYN) {
                double g = k == GS_T_TAB ? gs_tab_gk(m, t->ref) : gs_syn_gk(m, t->ref);
                double ek = k == GS_T_TAB ? m->tEk[t->ref] : m->sEk[t->ref];
                A += ek * g;
                B += g;
            } else if (k == GS_T_TAIL || k == GS_T_HEAD) {
                /* symcompart.c: into A, the neighbour's Ra times coeff */
                double v1 = (t->kind & GS_TERM_PREV) ? m->Vprev[t->ref] : m->V[t->ref];
                double ra = (double)m->Ra[t->ref] * (k == GS_T_TAIL ? m->coeff[c] : m->coeff2[c]);
                A += v1 / ra;
                B += 1.0 / ra;
            } else {
                double v1 = (t->kind & GS_TERM_PREV) ? m->Vprev[t->ref] : m->V[t->ref];
                double ra = k == GS_T_RAXIAL ? m->Ra[t->ref] : m->Ra[c];
                C += v1 / ra;
                B += 1.0 / ra;
            }
        }
        float lk = m->k_leak[c] + m->inject[c];
        A += (double)lk;
        double ac = (A + C) / (double)m->Cm[c], bc = B / (double)m->Cm[c];
        double D = vm_exp_clamped(-bc * m->dt, &m->exptab);
        m->V[c] = m->V[c] * D + (ac / bc) * (1.0 - D);
    }
}

static double
chan_ik(const struct gs_cmodel *m, int chkind, int ch)
{
    if (chkind == GS_CH_TAB)
        return (m->tEk[ch] - gs_chan_v(m, m->tvsrc[ch])) * gs_tab_gk(m, ch);
    return (m->sEk[ch] - gs_chan_v(m, m->svsrc[ch])) * gs_syn_gk(m, ch);
}

/* Ca_concen.c: dC/dt = B I_Ca - C/tau, Ca = Ca_base + C. */
static void
ca_pools(struct gs_cmodel *m)
{
    for (int a = 0; a < m->nca; a++) {
        float act = m->ca_ext[a];
        for (int j = m->cain_first[a]; j < m->cain_first[a + 1]; j++) {
            const struct gs_cainput *in = &m->cain[j];
            double ik = chan_ik(m, in->chkind, in->chan);
            switch (in->kind) {
            case GS_CA_ICA: act = (float)(act + ik); break;
            case GS_CA_FICA: act = (float)(act + ik * in->frac); break;
            case GS_CA_INC: act = (float)(act + fabs(ik)); break;
            case GS_CA_DEC: act = (float)(act - fabs(ik)); break;
            }
        }
        m->ca_act[a] = act;
        float a_in = m->ca_B[a] * act;
        float b_in = 1 / m->ca_tau[a];
        double D = vm_exp_clamped(-(double)b_in * m->dt, &m->exptab);
        m->caC[a] = m->caC[a] * D + ((double)a_in / (double)b_in) * (1.0 - D);
        m->Ca[a] = m->Ca_base[a] + m->caC[a];
    }
}

/* ---- one step --------------------------------------------------------- */

static void
step_once(struct gs_solver *s, struct cpu_state *st)
{
    struct gs_cmodel *m = s->m;
    struct calendar *cal = &st->cal;
    struct gs_kstep k = {m->t, m->step, !m->zero_delay};
    /* compartment INIT: previous_state = Vm (the grouped kernel keeps its
     * own copy) */
    for (int i = 0; i < m->ngen_compt; i++)
        m->Vprev[m->gen_compt[i]] = m->V[m->gen_compt[i]];
    if (m->nhines)
        gs_hines_begin(m);
    if (m->zero_delay) {
        for (int g = 0; g < m->ngroup; g++) {
            const struct gs_group *G = &m->groups[g];
            for (int u = 0; u < G->nspk * G->n; u++)
                spikegen_test(m, G->spk0 + u);
        }
    }
    for (int i = 0; i < m->ngen_spk; i++)
        spikegen_test(m, m->gen_spk[i]);
    for (int r = 0; r < m->nrand; r++)
        randomspike_step(m, r);
    if (m->zero_delay)
        queue_spikes(m, cal);
    deliver(m, cal);
    for (int g = 0; g < m->ngroup; g++)
        st->group(m, &m->groups[g], 0, m->groups[g].npad, &k);
    general_channels(m);
    general_compartments(m);
    if (m->nhines) /* hsolve cells: GENESIS's hsolver runs after the membranes */
        gs_hines_step(m);
    ca_pools(m);
    queue_spikes(m, cal);
    m->step++;
    m->t += m->dt;
}

static void
cpu_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals)
{
    for (int i = 0; i < n; i++)
        vals[i] = gs_model_read(s->m, list[i].kind, list[i].idx, list[i].field);
}

static void
record_probes(struct gs_solver *s)
{
    if (s->nprobe == 0)
        return;
    if (s->nrec == s->rec_cap) {
        s->rec_cap = s->rec_cap ? 2 * s->rec_cap : 1024;
        s->rec = xreallocarray(s->rec, s->rec_cap * (size_t)s->nprobe, sizeof *s->rec);
    }
    cpu_sample(s, s->probe, s->nprobe, s->rec + s->nrec++ * (size_t)s->nprobe);
}

static enum gs_status
cpu_compile(struct gs_solver *s, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    struct cpu_state *st = xcalloc(1, sizeof *st);
    st->group = pick_kernel();
    int maxd = 0;
    for (int q = 0; q < s->m->nsynapse; q++)
        if (gs_syn_dsteps(s->m, q) > maxd)
            maxd = gs_syn_dsteps(s->m, q);
    cal_fit(&st->cal, s->m->step, maxd);
    s->be_state = st;
    return GS_OK;
}

static void
cpu_reset(struct gs_solver *s)
{
    struct cpu_state *st = s->be_state;
    cal_clear(&st->cal);
}

static enum gs_status
cpu_advance(struct gs_solver *s, int64_t n)
{
    struct cpu_state *st = s->be_state;
    for (int64_t i = 0; i < n; i++) {
        step_once(s, st);
        record_probes(s);
    }
    return GS_OK;
}

static double
cpu_read(struct gs_solver *s, int kind, int idx, int field)
{
    return gs_model_read(s->m, kind, idx, field);
}

static enum gs_wresult
cpu_write(struct gs_solver *s, int kind, int idx, int field, double v)
{
    return gs_model_write(s->m, kind, idx, field, v);
}

static size_t
cpu_spikes(struct gs_solver *s, struct gs_spike *out, size_t max)
{
    struct gs_cmodel *m = s->m;
    size_t left = m->nspikes - m->spikes_head, n = left < max ? left : max;
    if (n == 0)
        return 0; /* the spike array may not exist yet: no memcpy from NULL */
    memcpy(out, m->spikes + m->spikes_head, n * sizeof *out);
    m->spikes_head += n;
    if (m->spikes_head == m->nspikes)
        m->spikes_head = m->nspikes = 0;
    return n;
}

static size_t
cpu_records(struct gs_solver *s, double *out, size_t maxrows)
{
    size_t n = s->nrec < maxrows ? s->nrec : maxrows, w = (size_t)s->nprobe;
    memcpy(out, s->rec, n * w * sizeof *out);
    memmove(s->rec, s->rec + n * w, (s->nrec - n) * w * sizeof *out);
    s->nrec -= n;
    return n;
}

static enum gs_status
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
        cal_push(cal, (int)(due & (cal->size - 1)), q);
        m->q_last[q] = (float)((double)at * m->dt + (double)m->q_delay[q]);
    }
    return GS_OK;
}

static size_t
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
    return n;
}

static void
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
    for (size_t k = 0; k < n; k++)
        if (ev[k].due >= now)
            cal_push(cal, (int)(ev[k].due & (cal->size - 1)), ev[k].q);
}

static void
cpu_release(struct gs_solver *s)
{
    struct cpu_state *st = s->be_state;
    if (st)
        cal_free(&st->cal);
    free(s->be_state);
    s->be_state = NULL;
}

static const char *
cpu_describe(const struct gs_solver *s)
{
    const struct cpu_state *st = s->be_state;
    if (!st)
        return "cpu";
#if defined(__x86_64__) && defined(__GNUC__)
    if (st->group == gs_kern_group_avx512)
        return "cpu-avx512";
    if (st->group == gs_kern_group_avx2)
        return "cpu-avx2";
#endif
    return "cpu";
}

const struct gs_backend gs_backend_cpu = {
    .name = "cpu",
    .compile = cpu_compile,
    .reset = cpu_reset,
    .advance = cpu_advance,
    .read_field = cpu_read,
    .write_field = cpu_write,
    .collect_spikes = cpu_spikes,
    .fire = cpu_fire,
    .pending = cpu_pending,
    .carry = cpu_carry,
    .collect_records = cpu_records,
    .sample = cpu_sample,
    .release = cpu_release,
    .describe = cpu_describe,
};
