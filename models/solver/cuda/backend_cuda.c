/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * backend_cuda.c: the CUDA backend (backend.h). The host model stays the
 * reference copy of parameters and the place fields are read from; the
 * device (kern_cuda.cu) holds every array a step touches and advances
 * them a window of steps per launch. After a window the state arrays come
 * back (messages and outputs read them on the host) with the window's
 * spikes, which are put in the CPU backend's order (step, then GENESIS
 * processing order); a field written on the host goes to the device as a
 * patch before the next window.
 *
 * What the device does not run falls back to the CPU backend at compile,
 * with the reason (cuda_unsupported): cells under an hsolve, and
 * GENESIS's sequential random generators.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../backend.h"
#include "../model_int.h"
#include "kern_cuda.h"

struct cuda_state {
    struct gs_cuda *c;
    bool stale;             /* the device's state is newer than the host's */
    /* the sampled fields as last given to sample(), gathered on the device
     * after each window when every one is stored (gather); fresh: the
     * gathered values are the model's now */
    struct gs_probe *slist;
    int ns;
    bool gather, fresh;
    int *gcol;              /* per sampled field: its gathered column, -1 read on the host */
    int maxd;               /* the longest delay in steps the spike rings hold */
    int64_t seq;            /* remote spikes queued (their calendar order) */
    struct gs_cuda_dev dev;
    char desc[320];
};

/* This process's rank on its node, from the MPI launcher's environment
 * (0 outside MPI). */
static int
local_rank(void)
{
    static const char *const vars[] = {"OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID",
                                       "MV2_COMM_WORLD_LOCAL_RANK", "SLURM_LOCALID"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return atoi(v);
    }
    return 0;
}

/* Fields whose value the steps change (or that are computed from such):
 * the host has them only after a download. */
static bool
state_field(int field)
{
    switch (field) {
    case GS_SF_VM: case GS_SF_PREV: case GS_SF_IM: case GS_SF_GK: case GS_SF_IK:
    case GS_SF_X: case GS_SF_Y: case GS_SF_Z: case GS_SF_ACT: case GS_SF_LASTEVENT:
    case GS_SF_STATE: case GS_SF_CA: case GS_SF_C:
        return true;
    }
    return false;
}

/* Brings the device's state to the host arrays, when it is newer. */
static bool
sync_host(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    char err[256];
    if (!st->stale)
        return true;
    if (!gs_cuda_download(st->c, s->m, err, sizeof err)) {
        fprintf(stderr, "gensh: %s\n", err);
        return false;
    }
    st->stale = false;
    return true;
}

const char *
gs_cuda_unsupported(const struct gs_cmodel *m)
{
    if (m->nhines > 0)
        return "cells under an hsolve are integrated on the CPU (the Hines solver is not on "
               "the device)";
    if (m->rng && rng_genesis(m->rng) && (m->nrand > 0 || m->nfreq > 0))
        return "GENESIS's sequential random generator (setrand -nr or -sprng) draws in element "
               "order, which the device cannot follow";
    return NULL;
}

bool
gs_cuda_present(void)
{
    struct gs_cuda_dev d;
    char err[160];
    return gs_cuda_find(local_rank(), &d, err, sizeof err);
}

bool
gs_cuda_device_text(char *buf, size_t len)
{
    struct gs_cuda_dev d;
    char err[200];
    if (!gs_cuda_find(local_rank(), &d, err, sizeof err)) {
        snprintf(buf, len, "%s", err);
        return false;
    }
    snprintf(buf, len,
             "%s, %.1f GB, %.1f GB free (device %d of %d), sm_%d%d, %d SMs, %.0f GB/s peak",
             d.name, (double)d.mem_total / 1e9, (double)d.mem_free / 1e9, d.index, d.count,
             d.cc_major, d.cc_minor, d.sms, d.peak_gbs);
    return true;
}

/* Each synapse's delay in steps (malloc'd), and the longest. */
static int *
delay_steps(const struct gs_cmodel *m, int *maxd)
{
    int *dq = xmalloc(sizeof(int) * ((size_t)m->nsynapse + 1));
    *maxd = 0;
    for (int q = 0; q < m->nsynapse; q++) {
        dq[q] = gs_syn_dsteps(m, q);
        if (dq[q] > *maxd)
            *maxd = dq[q];
    }
    return dq;
}

static bool
upload(struct gs_solver *s, char *err, size_t errlen)
{
    struct cuda_state *st = s->be_state;
    int maxd, *dq = delay_steps(s->m, &maxd);
    bool ok = gs_cuda_upload(st->c, s->m, dq, err, errlen);
    free(dq);
    return ok;
}

static enum gs_status
cuda_compile(struct gs_solver *s, char *err, size_t errlen)
{
    struct gs_cmodel *m = s->m;
    const char *why = gs_cuda_unsupported(m);
    if (why) {
        snprintf(err, errlen, "%s", why);
        return GS_ERR;
    }
    struct cuda_state *st = xcalloc(1, sizeof *st);
    if (!gs_cuda_find(local_rank(), &st->dev, err, errlen)) {
        free(st);
        return GS_ERR;
    }
    int maxd, *dq = delay_steps(m, &maxd);
    /* room for delays to grow to twice the longest (setfield delay) */
    st->maxd = 2 * maxd + 2;
    st->c = gs_cuda_open(m, st->dev.index, st->maxd, err, errlen);
    if (!st->c) {
        free(dq);
        free(st);
        return GS_ERR;
    }
    s->be_state = st;
    bool ok = gs_cuda_upload(st->c, m, dq, err, errlen);
    free(dq);
    if (!ok) {
        gs_cuda_close(st->c);
        free(st);
        s->be_state = NULL;
        return GS_ERR;
    }
    snprintf(st->desc, sizeof st->desc,
             "cuda (device %d of %d: %s, %.1f GB, sm_%d%d; model %.1f MB on the device; "
             "cooperative step kernel, %d blocks of 256)",
             st->dev.index, st->dev.count, st->dev.name, (double)st->dev.mem_total / 1e9,
             st->dev.cc_major, st->dev.cc_minor, (double)gs_cuda_bytes(st->c) / 1e6,
             gs_cuda_grid(st->c));
    return GS_OK;
}

static void
cuda_reset(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    char err[256];
    if (!upload(s, err, sizeof err))
        fprintf(stderr, "gensh: %s\n", err);
    st->stale = st->fresh = false;
}

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
static void
take_spikes(struct gs_solver *s, int64_t step0, const double *tstep)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    struct gs_spike *sp;
    size_t n = gs_cuda_spikes(st->c, &sp);
    for (size_t i = 0; i < n; i++) {
        int src = sp[i].src;
        sp[i].src = m->src_order[src];
        /* keep the model index for the arrival times below */
        (void)src;
    }
    qsort(sp, n, sizeof *sp, cmp_spike);
    if (m->nspikes + n > m->spikes_cap) {
        m->spikes_cap = 2 * (m->nspikes + n) + 256;
        m->spikes = xreallocarray(m->spikes, m->spikes_cap, sizeof *m->spikes);
    }
    /* builder id -> model index, for the arrival times */
    const int *map = m->map[GS_K_SRC];
    for (size_t i = 0; i < n; i++) {
        m->spikes[m->nspikes++] = sp[i];
        int ms = map[sp[i].src];
        double t = tstep[sp[i].step - step0];
        for (int j = m->out_first[ms]; j < m->out_first[ms + 1]; j++) {
            int q = m->out_syn[j];
            m->q_last[q] = (float)(t + (double)m->q_delay[q]);
        }
    }
    free(sp);
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
    double *row = s->rec + s->nrec++ * (size_t)s->nprobe;
    for (int p = 0; p < s->nprobe; p++)
        row[p] = gs_model_read(s->m, s->probe[p].kind, s->probe[p].idx, s->probe[p].field);
}

static enum gs_status
cuda_advance(struct gs_solver *s, int64_t n)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    char err[256];
    /* probes are read on the host: one step per window then */
    int64_t wmax = s->nprobe ? 1 : gs_cuda_window(st->c);
    double *tstep = xmalloc(sizeof(double) * (size_t)(wmax < n ? wmax : n) + sizeof(double));
    enum gs_status r = GS_OK;
    while (n > 0 && r == GS_OK) {
        int64_t w = n < wmax ? n : wmax;
        if (!gs_cuda_run(st->c, m, w, err, sizeof err) || !gs_cuda_result(st->c, err, sizeof err)) {
            fprintf(stderr, "gensh: %s\n", err);
            r = GS_ERR;
            break;
        }
        st->stale = true;
        st->fresh = st->gather;
        int64_t step0 = m->step;
        for (int64_t i = 0; i < w; i++) {
            tstep[i] = m->t;
            m->step++;
            m->t += m->dt;
        }
        take_spikes(s, step0, tstep);
        if (s->nprobe) {
            if (!sync_host(s))
                r = GS_ERR;
            record_probes(s);
        }
        n -= w;
    }
    free(tstep);
    return r;
}

static double
cuda_read(struct gs_solver *s, int kind, int idx, int field)
{
    if (state_field(field))
        sync_host(s);
    return gs_model_read(s->m, kind, idx, field);
}

static enum gs_wresult
cuda_write(struct gs_solver *s, int kind, int idx, int field, double v)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    bool state = state_field(field);
    if (state)
        sync_host(s);
    float old = kind == GS_K_SYNAPSE ? m->q_delay[idx] : 0;
    enum gs_wresult r = gs_model_write(m, kind, idx, field, v);
    if (r != GS_W_OK)
        return r;
    int dq = kind == GS_K_SYNAPSE ? gs_syn_dsteps(m, idx) : 0;
    if (dq > st->maxd) {
        /* longer than the spike rings hold: refused, the delay stays */
        m->q_delay[idx] = old;
        return GS_W_BAD;
    }
    if (state)
        st->fresh = false;
    /* what a write changes lies in the element's own record (Em/Rm, a
     * synchan's constants): the element's parameters go to the device,
     * and its state when a state field was written */
    gs_cuda_patch(st->c, m, kind, idx, dq, state);
    return r;
}

/* Where a stored state field lives on the device; NULL for parameters
 * (the host's copy is the model's) and computed values. */
static const void *
dev_field(struct cuda_state *st, const struct gs_cmodel *m, const struct gs_probe *p, int *isf)
{
#define DA(f) ((const char *)gs_cuda_dev_array(st->c, offsetof(struct gs_cmodel, f)))
    int i = p->idx;
    *isf = 0;
    switch (p->field) {
    case GS_SF_VM:
        return p->kind == GS_K_COMPT ? DA(V) + sizeof(double) * (size_t)i : NULL;
    case GS_SF_PREV:
        return p->kind == GS_K_COMPT ? DA(Vprev) + sizeof(double) * (size_t)i : NULL;
    case GS_SF_X:
    case GS_SF_Y:
    case GS_SF_Z:
        if (p->kind == GS_K_TAB) {
            int gi = m->tgate[i * GS_NGATES + (p->field - GS_SF_X)];
            return gi >= 0 ? DA(X) + sizeof(double) * (size_t)gi : NULL;
        }
        if (p->kind == GS_K_SYN && p->field != GS_SF_Z)
            return (p->field == GS_SF_X ? DA(sX) : DA(sY)) + sizeof(double) * (size_t)i;
        return NULL;
    case GS_SF_ACT:
        *isf = 1;
        return p->kind == GS_K_SYN ? DA(act) + sizeof(float) * (size_t)i : NULL;
    case GS_SF_LASTEVENT:
        *isf = 1;
        if (p->kind != GS_K_SRC)
            return NULL;
        if (i < m->nspike)
            return DA(lastevent) + sizeof(float) * (size_t)i;
        return i - m->nspike < m->nrand ? DA(r_last) + sizeof(float) * (size_t)(i - m->nspike)
                                        : NULL;
    case GS_SF_STATE:
        *isf = 1;
        return p->kind == GS_K_SRC && i >= m->nspike && i - m->nspike < m->nrand
                   ? DA(r_state) + sizeof(float) * (size_t)(i - m->nspike)
                   : NULL;
    case GS_SF_CA:
        return p->kind == GS_K_CA ? DA(Ca) + sizeof(double) * (size_t)i : NULL;
    case GS_SF_C:
        return p->kind == GS_K_CA ? DA(caC) + sizeof(double) * (size_t)i : NULL;
    }
    return NULL;
#undef DA
}

/* A new list of sampled fields: gathered on the device after each
 * window when every state field in it is a stored one. */
static void
new_samples(struct cuda_state *st, const struct gs_cmodel *m, const struct gs_probe *list, int n)
{
    free(st->slist);
    free(st->gcol);
    st->slist = xmalloc(sizeof *list * ((size_t)n + 1));
    memcpy(st->slist, list, sizeof *list * (size_t)n);
    st->ns = n;
    st->gcol = xmalloc(sizeof(int) * ((size_t)n + 1));
    struct gs_cuda_gather *g = xmalloc(sizeof *g * ((size_t)n + 1));
    int ng = 0;
    bool all = true;
    for (int i = 0; i < n; i++) {
        st->gcol[i] = -1;
        if (!state_field(list[i].field))
            continue;
        int isf;
        const void *a = dev_field(st, m, &list[i], &isf);
        if (!a) {
            all = false;
            continue;
        }
        g[ng] = (struct gs_cuda_gather){a, isf};
        st->gcol[i] = ng++;
    }
    st->gather = all && gs_cuda_set_gather(st->c, g, ng);
    if (!st->gather)
        gs_cuda_set_gather(st->c, NULL, 0);
    st->fresh = false;
    free(g);
}

/* The sampled fields (messages from compiled elements read them): the
 * values gathered on the device at the end of the window when they are
 * the model's now, else from the host after a download. */
static void
cuda_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals)
{
    struct cuda_state *st = s->be_state;
    if (n != st->ns || (n > 0 && memcmp(list, st->slist, sizeof *list * (size_t)n) != 0))
        new_samples(st, s->m, list, n);
    const double *gv = st->fresh ? gs_cuda_gathered(st->c) : NULL;
    if (!gv)
        sync_host(s);
    for (int i = 0; i < n; i++)
        vals[i] = gv && st->gcol[i] >= 0 ? gv[st->gcol[i]]
                                         : gs_model_read(s->m, list[i].kind, list[i].idx,
                                                         list[i].field);
}

/* A remote spike: its bit in the source's ring at AT, with the calendar
 * key of a spike queued now (after the local spikes of the step before,
 * in call order). An event one step late is due now, as on the CPU: the
 * bit moves a step later (exact when the late synapses share a delay). */
static enum gs_status
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
static size_t
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
static void
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

static size_t
cuda_spikes(struct gs_solver *s, struct gs_spike *out, size_t max)
{
    struct gs_cmodel *m = s->m;
    size_t left = m->nspikes - m->spikes_head, n = left < max ? left : max;
    if (n == 0)
        return 0;
    memcpy(out, m->spikes + m->spikes_head, n * sizeof *out);
    m->spikes_head += n;
    if (m->spikes_head == m->nspikes)
        m->spikes_head = m->nspikes = 0;
    return n;
}

static size_t
cuda_records(struct gs_solver *s, double *out, size_t maxrows)
{
    size_t n = s->nrec < maxrows ? s->nrec : maxrows, w = (size_t)s->nprobe;
    memcpy(out, s->rec, n * w * sizeof *out);
    memmove(s->rec, s->rec + n * w, (s->nrec - n) * w * sizeof *out);
    s->nrec -= n;
    return n;
}

static void
cuda_release(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    if (st) {
        gs_cuda_close(st->c);
        free(st->slist);
        free(st->gcol);
    }
    free(st);
    s->be_state = NULL;
}

static const char *
cuda_describe(const struct gs_solver *s)
{
    const struct cuda_state *st = s->be_state;
    return st ? st->desc : "cuda";
}

const struct gs_backend gs_backend_cuda = {
    .name = "cuda",
    .compile = cuda_compile,
    .reset = cuda_reset,
    .advance = cuda_advance,
    .read_field = cuda_read,
    .write_field = cuda_write,
    .collect_spikes = cuda_spikes,
    .fire = cuda_fire,
    .pending = cuda_pending,
    .carry = cuda_carry,
    .collect_records = cuda_records,
    .sample = cuda_sample,
    .release = cuda_release,
    .describe = cuda_describe,
};
