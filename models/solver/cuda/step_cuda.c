/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * step_cuda.c: advance on the device. A window of steps is one launch of
 * the step kernel (kern_cuda.cu: every step's stages in the CPU backend's
 * order, grid-wide barriers between them); after it one small copy brings
 * the spike counter and the sampled fields, then the window's spikes come
 * (spikes_cuda.c). The host keeps the step count and the time, adding dt
 * step by step as the CPU backend does.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cuda.h"

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
        cuda_take_spikes(s, step0, tstep);
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
