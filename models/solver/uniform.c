/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * uniform.c: finding the parameters a group's units share (struct gs_uni
 * in model.h). Most networks copy one prototype cell, so Rm, Cm, Gbar, Ek,
 * the synchan constants and the spike threshold are the same in every
 * unit; the kernel then reads them from one block-sized copy and streams
 * only the state. Values are compared bit for bit.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "build.h"
#include "model_int.h"
#include "solver.h"

/* Bytes of the copies one group may need. */
#define UNI_BYTES (GS_BLK * (size_t)(3 + 2 * GS_MAX_SLOTS) * sizeof(double) * 4)

static void *
take(char **p, size_t n)
{
    void *r = *p;
    *p += n;
    return r;
}

static double *
uni_d(char **p, const double *a, int n)
{
    for (int i = 1; i < n; i++)
        if (memcmp(&a[i], &a[0], sizeof *a) != 0)
            return NULL;
    double *b = take(p, GS_BLK * sizeof *b);
    for (int j = 0; j < GS_BLK; j++)
        b[j] = a[0];
    return b;
}

static float *
uni_f(char **p, const float *a, int n)
{
    for (int i = 1; i < n; i++)
        if (memcmp(&a[i], &a[0], sizeof *a) != 0)
            return NULL;
    float *b = take(p, GS_BLK * sizeof *b);
    for (int j = 0; j < GS_BLK; j++)
        b[j] = a[0];
    return b;
}

void
gs_model_uniform(struct gs_cmodel *m)
{
    for (int gi = 0; gi < m->ngroup; gi++) {
        struct gs_group *g = &m->groups[gi];
        struct gs_uni *u = &g->uni;
        free(u->buf);
        memset(u, 0, sizeof *u);
        if (g->n < 2)
            continue;
        u->buf = xmalloc(UNI_BYTES);
        char *p = u->buf;
        int c0 = g->compt0, n = g->n;
        u->B0 = uni_d(&p, m->k_B0 + c0, n);
        u->Cm = uni_f(&p, m->Cm + c0, n);
        u->leak = uni_f(&p, m->k_leak + c0, n);
        if (g->nspk) {
            u->thresh = uni_f(&p, m->thresh + g->spk0, n);
            u->refract = uni_f(&p, m->refract + g->spk0, n);
        }
        for (int s = 0; s < g->nslot; s++) {
            int b = g->base[s];
            if (g->kind[s] == GS_CH_TAB) {
                u->Gbar[s] = uni_f(&p, m->Gbar + b, n);
                u->Ek[s] = uni_f(&p, m->tEk + b, n);
            } else {
                u->Ek[s] = uni_f(&p, m->sEk + b, n);
                u->norm[s] = uni_f(&p, m->norm + b, n);
                u->xc1[s] = uni_d(&p, m->xc1 + b, n);
                u->xc2[s] = uni_d(&p, m->xc2 + b, n);
                u->yc1[s] = uni_d(&p, m->yc1 + b, n);
                u->yc2[s] = uni_d(&p, m->yc2 + b, n);
            }
        }
    }
}

void
gs_model_uniform_free(struct gs_cmodel *m)
{
    for (int gi = 0; gi < m->ngroup; gi++) {
        free(m->groups[gi].uni.buf);
        memset(&m->groups[gi].uni, 0, sizeof m->groups[gi].uni);
    }
}

static bool
in_block(int idx, int base, const struct gs_group *g)
{
    return base >= 0 && idx >= base && idx < base + g->npad;
}

void
gs_model_nonuniform(struct gs_cmodel *m, int kind, int idx, int field)
{
    for (int gi = 0; gi < m->ngroup; gi++) {
        struct gs_group *g = &m->groups[gi];
        struct gs_uni *u = &g->uni;
        if (kind == GS_K_COMPT && in_block(idx, g->compt0, g)) {
            if (field == GS_SF_EM || field == GS_SF_RM)
                u->leak = NULL;
            if (field == GS_SF_RM)
                u->B0 = NULL;
            if (field == GS_SF_CM)
                u->Cm = NULL;
        } else if (kind == GS_K_SRC && g->nspk && in_block(idx, g->spk0, g)) {
            if (field == GS_SF_THRESH)
                u->thresh = NULL;
            if (field == GS_SF_REFRACT)
                u->refract = NULL;
        } else if (kind == GS_K_TAB || kind == GS_K_SYN) {
            for (int s = 0; s < g->nslot; s++) {
                bool tab = g->kind[s] == GS_CH_TAB;
                if ((kind == GS_K_TAB) != tab || !in_block(idx, g->base[s], g))
                    continue;
                if (field == GS_SF_EK)
                    u->Ek[s] = NULL;
                if (field == GS_SF_GBAR)
                    u->Gbar[s] = NULL;
            }
        }
    }
}
