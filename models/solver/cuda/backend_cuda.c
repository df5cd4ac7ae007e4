/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * backend_cuda.c: the CUDA backend's table of operations (backend.h).
 * The host model stays the reference copy of parameters and the place
 * fields are read from; the device (kern_cuda.cu) holds every array a
 * step touches and advances it a window of steps per launch. The jobs
 * live in their own files (cuda.h lists them); this one finds the device,
 * compiles (or says why the model stays on the CPU), resets, releases and
 * describes, and reads and writes fields: a state field (Vm, a gate...)
 * comes from the device before it is read or written, and a write goes
 * to the device with the next launch.
 *
 * What the device does not run falls back to the CPU backend at compile,
 * with the reason (gs_cuda_unsupported): cells under an hsolve, and
 * GENESIS's sequential random generators.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cuda.h"

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
bool
cuda_state_field(int field)
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
bool
cuda_sync_host(struct gs_solver *s)
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

static double
cuda_read(struct gs_solver *s, int kind, int idx, int field)
{
    if (cuda_state_field(field))
        cuda_sync_host(s);
    return gs_model_read(s->m, kind, idx, field);
}

static enum gs_wresult
cuda_write(struct gs_solver *s, int kind, int idx, int field, double v)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    bool state = cuda_state_field(field);
    if (state)
        cuda_sync_host(s);
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

static void
cuda_release(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    if (st) {
        gs_cuda_close(st->c);
        free(st->slist);
        free(st->gcol);
        free(st->spikes);
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
    .advance_window = cuda_advance_window,
    .release = cuda_release,
    .describe = cuda_describe,
};
