/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * records_cuda.c: what the CUDA backend reads out of the model for
 * others: the sampled fields that messages read (gathered on the device
 * at the end of each window when they are stored state fields, one small
 * copy; else read on the host after a download of the state) and the
 * probes, a row of values after every step kept until collected.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cuda.h"

void
cuda_record_probes(struct gs_solver *s)
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

static int
cmp_gather(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct gs_cuda_gather *)a)->addr;
    uintptr_t y = (uintptr_t)((const struct gs_cuda_gather *)b)->addr;
    if (x != y)
        return (x > y) - (x < y);
    return (((const struct gs_cuda_gather *)a)->col > ((const struct gs_cuda_gather *)b)->col) -
           (((const struct gs_cuda_gather *)a)->col < ((const struct gs_cuda_gather *)b)->col);
}

/* A new list of sampled fields: gathered on the device, each place once,
 * when every state field in it is a stored one. */
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
        if (!cuda_state_field(list[i].field))
            continue;
        int isf;
        const void *a = dev_field(st, m, &list[i], &isf);
        if (!a) {
            all = false;
            continue;
        }
        g[ng++] = (struct gs_cuda_gather){a, isf, i}; /* col: the sample, for now */
    }
    /* one column per place: sampled twice (two files save one Vm), read once */
    qsort(g, (size_t)ng, sizeof *g, cmp_gather);
    int nu = 0;
    for (int k = 0; k < ng; k++) {
        if (nu == 0 || g[nu - 1].addr != g[k].addr)
            g[nu++] = g[k];
        st->gcol[g[k].col] = nu - 1;
    }
    for (int k = 0; k < nu; k++)
        g[k].col = k;
    st->ng = nu;
    st->gather = all && gs_cuda_set_gather(st->c, g, nu);
    if (!st->gather)
        gs_cuda_set_gather(st->c, NULL, 0);
    st->fresh = false;
    free(g);
}

bool
cuda_samples_gathered(struct gs_solver *s)
{
    struct cuda_state *st = s->be_state;
    int n = s->nsample;
    if (!st->slist || n != st->ns ||
        (n > 0 && memcmp(s->sample, st->slist, sizeof *s->sample * (size_t)n) != 0))
        new_samples(st, s->m, s->sample, n);
    return st->gather;
}

/* The sampled fields (messages from compiled elements read them): the
 * values gathered on the device at the end of the window when they are
 * the model's now, else from the host after a download. */
void
cuda_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals)
{
    struct cuda_state *st = s->be_state;
    if (n != st->ns || (n > 0 && memcmp(list, st->slist, sizeof *list * (size_t)n) != 0))
        new_samples(st, s->m, list, n);
    const double *gv = st->fresh ? gs_cuda_gathered(st->c) : NULL;
    if (!gv)
        cuda_sync_host(s);
    for (int i = 0; i < n; i++)
        vals[i] = gv && st->gcol[i] >= 0 ? gv[st->gcol[i]]
                                         : gs_model_read(s->m, list[i].kind, list[i].idx,
                                                         list[i].field);
}

size_t
cuda_records(struct gs_solver *s, double *out, size_t maxrows)
{
    size_t n = s->nrec < maxrows ? s->nrec : maxrows, w = (size_t)s->nprobe;
    memcpy(out, s->rec, n * w * sizeof *out);
    memmove(s->rec, s->rec + n * w, (s->nrec - n) * w * sizeof *out);
    s->nrec -= n;
    return n;
}
