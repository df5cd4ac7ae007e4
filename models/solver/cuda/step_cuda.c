/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * step_cuda.c: advance on the device. A window of steps is one launch of
 * the step kernel (kern_cuda.cu: every step's stages in the CPU backend's
 * order, grid-wide barriers between them); after it one small copy brings
 * the spike counter and the sampled fields, then the window's spikes come
 * (spikes_cuda.c). The host keeps the step count and the time, adding dt
 * step by step as the CPU backend does.
 *
 * advance_window (the scheduler's fused windows) sends the inputs from
 * outside the model with the launch, a row per step, and brings a row of
 * the sampled fields per step back with the spike counter: a diffamp's
 * INJECT, an asc_file's Vm and a spikehistory cost no launch of their own.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cuda.h"

/* After a window of W steps on the device: the host's step count and
 * time move on, dt by dt (TSTEP gets each step's start), and the
 * window's spikes are taken. */
static void
host_steps(struct gs_solver *s, int64_t w, double *tstep)
{
    struct gs_cmodel *m = s->m;
    int64_t step0 = m->step;
    for (int64_t i = 0; i < w; i++) {
        tstep[i] = m->t;
        m->step++;
        m->t += m->dt;
    }
    cuda_take_spikes(s, step0, tstep);
}

enum gs_status
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
        if (!gs_cuda_run(st->c, m, w, NULL, err, sizeof err) ||
            !gs_cuda_result(st->c, 1, err, sizeof err)) {
            fprintf(stderr, "gensh: %s\n", err);
            r = GS_ERR;
            break;
        }
        st->stale = true;
        st->fresh = st->gather;
        host_steps(s, w, tstep);
        if (s->nprobe) {
            if (!cuda_sync_host(s))
                r = GS_ERR;
            cuda_record_probes(s);
        }
        n -= w;
    }
    free(tstep);
    return r;
}

/* Whether the kernel takes the window's inputs (each a compartment's
 * inject) and gathers the sampled fields; the device learns the inputs
 * the first time. */
static bool
kernel_takes(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    if (s->nprobe)
        return false;
    for (int k = 0; k < s->ninput; k++)
        if (s->input[k].kind != GS_K_COMPT || s->input[k].field != GS_SF_INJECT)
            return false;
    if (!cuda_samples_gathered(s))
        return false;
    /* a sampled field that is also an input: the host has only its last value */
    for (int i = 0; i < s->nsample; i++)
        for (int k = 0; k < s->ninput && st->gcol[i] < 0; k++)
            if (memcmp(&s->sample[i], &s->input[k], sizeof s->input[k]) == 0)
                return false;
    if (st->nin_set != s->ninput) {
        int *compt = xmalloc(sizeof(int) * ((size_t)s->ninput + 1));
        for (int k = 0; k < s->ninput; k++)
            compt[k] = s->input[k].idx;
        bool ok = gs_cuda_set_inputs(st->c, compt, s->ninput);
        free(compt);
        if (!ok)
            return false;
        st->nin_set = s->ninput;
    }
    return true;
}

enum gs_status
cuda_advance_window(struct gs_solver *s, int64_t n, const double *in, double *out)
{
    struct cuda_state *st = s->be_state;
    struct gs_cmodel *m = s->m;
    if (!kernel_takes(s))
        return gs_window_by_steps(s, n, in, out);
    const int nin = s->ninput, ns = s->nsample;
    int64_t wmax = gs_cuda_window(st->c), rmax = gs_cuda_rows(st->c);
    if (rmax < wmax)
        wmax = rmax;
    if (wmax > n)
        wmax = n;
    float *fin = xmalloc(sizeof(float) * (size_t)(wmax * nin) + sizeof(float));
    double *tstep = xmalloc(sizeof(double) * (size_t)wmax + sizeof(double));
    char err[256];
    enum gs_status r = GS_OK;
    for (int64_t done = 0; done < n;) {
        int64_t w = n - done < wmax ? n - done : wmax;
        /* each value as write_field stores it on the host (a float) */
        for (int64_t i = 0; i < w; i++)
            for (int k = 0; k < nin; k++) {
                int c = s->input[k].idx;
                gs_model_write(m, GS_K_COMPT, c, GS_SF_INJECT, in[(done + i) * nin + k]);
                fin[i * nin + k] = m->inject[c];
            }
        const double *rows = NULL;
        if (!gs_cuda_run(st->c, m, w, fin, err, sizeof err) ||
            !(rows = gs_cuda_result(st->c, w, err, sizeof err))) {
            fprintf(stderr, "gensh: %s\n", err);
            r = GS_ERR;
            break;
        }
        st->stale = true;
        st->fresh = true;
        host_steps(s, w, tstep);
        for (int64_t i = 0; i < w; i++)
            for (int j = 0; j < ns; j++)
                out[(done + i) * ns + j] =
                    st->gcol[j] >= 0 ? rows[i * st->ng + st->gcol[j]]
                                     : gs_model_read(m, s->sample[j].kind, s->sample[j].idx,
                                                     s->sample[j].field);
        done += w;
    }
    free(fin);
    free(tstep);
    return r;
}
