/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_body.h: one step of a uniform group, a block of GS_BLK cells at a
 * time: spikegen test on the old Vm, gate tables and exponential Euler,
 * channel conductances, synchan dual exponential, and the compartment
 * update, in GENESIS's order and arithmetic (model_int.h has the scalar
 * forms). Each stage is a loop over the cells of the block with no
 * data-dependent branches, so the compiler vectorises it; the block's
 * intermediates stay in L1.
 *
 * Included by kern_base.c, kern_avx2.c and kern_avx512.c, which set the
 * instruction set (a target pragma), the function name (KERN_NAME), and
 * optionally the bundle table lookup (KERN_BLOOKUP: A and B at the block's
 * rows, GENESIS's TabInterp, written per instruction set because that
 * gather is where compilers do worst), the exp of a block (KERN_EXPBLOCK),
 * or the whole step of a bundled gate (KERN_GATESTEP: lookup, exp and
 * update in one pass, replacing the other two there). Floating-point contraction is off:
 * a fused multiply-add would round differently, and every variant must
 * give the same bits as the scalar formulas in model_int.h.
 */
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
/* no FMA; and comparisons may be if-converted (no FP traps are used) */
#pragma GCC optimize("fp-contract=off", "no-trapping-math", "vect-cost-model=dynamic")
#endif

#include <math.h>

#include "../model_int.h"
#include "kern.h"

/* Table position of each cell's Vm in a bundle's geometry (TabInterp's
 * lo, clamped): the offset of its row in the bundle's records and the
 * fraction. */
VM_INLINE void
bundle_index(const struct gs_bundle *b, const double *restrict v, int *restrict row,
             double *restrict fr)
{
    const double xmin = b->xmin, invdx = b->invdx, xd = (double)b->xdivs;
    const int w = 4 * b->ngate;
    for (int j = 0; j < GS_BLK; j++) {
        double lo = (v[j] - xmin) * invdx;
        lo = lo > 0.0 ? lo : 0.0;
        lo = lo < xd ? lo : xd;
        int i = (int)lo;
        row[j] = i * w;
        fr[j] = lo - (double)i;
    }
}

/* A and B of gate K of a bundle at the rows, portable form. */
VM_INLINE void
bundle_lookup_c(const struct gs_bundle *b, int k, const int *restrict row,
                const double *restrict fr, double *restrict A, double *restrict B)
{
    const double *rec = b->rec + 4 * k;
    for (int j = 0; j < GS_BLK; j++) {
        int o = row[j];
        A[j] = fr[j] * rec[o + 1] + rec[o];
        B[j] = fr[j] * rec[o + 3] + rec[o + 2];
    }
}

#ifndef KERN_BLOOKUP
#define KERN_BLOOKUP bundle_lookup_c
#endif

/* OUT[j] = vm_exp_clamped(IN[j]) over the block, portable form. */
VM_INLINE void
exp_block_c(double *restrict out, const double *restrict in, const struct vm_exp_table *et)
{
    for (int j = 0; j < GS_BLK; j++)
        out[j] = vm_exp_clamped(in[j], et);
}

#ifndef KERN_EXPBLOCK
#define KERN_EXPBLOCK exp_block_c
#endif

/* Exponential Euler of a gate from its A and B. */
VM_INLINE void
gate_update(double *restrict X, const double *restrict A, const double *restrict B, double dt,
            const struct vm_exp_table *et)
{
    double arg[GS_BLK], D[GS_BLK];
    for (int j = 0; j < GS_BLK; j++)
        arg[j] = -B[j] * dt;
    KERN_EXPBLOCK(D, arg, et);
    for (int j = 0; j < GS_BLK; j++)
        X[j] = X[j] * D[j] + (A[j] / B[j]) * (1.0 - D[j]);
}

/* pow(x, power) of a gate, the form fixed at compile time (PT constant). */
VM_INLINE double
gate_pow(double x, int pt, float power)
{
    switch (pt) {
    case GS_POW1:
        return x;
    case GS_POW2:
        return x * x;
    case GS_POW3:
        return vm_cube(x);
    case GS_POW4:
        return vm_pow4(x);
    default:
        return pow(x, (double)power);
    }
}

/* A gate outside the bundles (concentration input, other table modes,
 * instant): its state update only. */
VM_INLINE void
gate_any(double *restrict X, const double *restrict in, const double *restrict cin,
         const struct gs_gatedef *d, const struct gs_tabpair *t, double dt,
         const struct vm_exp_table *et)
{
    double A[GS_BLK], B[GS_BLK];
    for (int j = 0; j < GS_BLK; j++)
        gs_tab_lookup(t, in[j], &A[j], &B[j]);
    if (d->input == GS_GIN_CODEP)
        for (int j = 0; j < GS_BLK; j++)
            A[j] = cin[j] * A[j];
    for (int j = 0; j < GS_BLK; j++)
        X[j] = gs_gate_step(X[j], A[j], B[j], d->instant, dt, et);
}

/* g *= pow(X, power) over the block; PT constant at each call. */
VM_INLINE void
apply_pow(double *restrict g, const double *restrict X, int pt, float power)
{
    for (int j = 0; j < GS_BLK; j++)
        g[j] *= gate_pow(X[j], pt, power);
}

VM_INLINE void
conductance(double *restrict g, const double *restrict X, const struct gs_gatedef *d)
{
    switch (d->ptype) {
    case GS_POW1:
        apply_pow(g, X, GS_POW1, d->power);
        break;
    case GS_POW2:
        apply_pow(g, X, GS_POW2, d->power);
        break;
    case GS_POW3:
        apply_pow(g, X, GS_POW3, d->power);
        break;
    case GS_POW4:
        apply_pow(g, X, GS_POW4, d->power);
        break;
    default:
        apply_pow(g, X, GS_POWGEN, d->power);
        break;
    }
}

VM_INLINE void
spike_stage(struct gs_cmodel *m, const struct gs_group *g, int b0, const double *v,
            const struct gs_kstep *k)
{
    int s0 = g->spk0 + b0;
    const float *th = g->uni.thresh ? g->uni.thresh : m->thresh + s0;
    const float *rf = g->uni.refract ? g->uni.refract : m->refract + s0;
    float *le = m->lastevent + s0;
    /* spikegen.c: fires when state >= thresh and lastevent + abs_refract
     * (a float sum) <= t + dt/2 */
    double lim = k->t + m->dt / 2.0;
    unsigned char f[GS_BLK];
    int any = 0;
    for (int j = 0; j < GS_BLK; j++) {
        float ready = le[j] + rf[j];
        f[j] = (unsigned char)((v[j] >= (double)th[j]) & ((double)ready <= lim));
        any |= f[j];
    }
    if (!any)
        return;
    for (int j = 0; j < GS_BLK; j++)
        if (f[j]) {
            le[j] = (float)k->t;
            m->lastfire[s0 + j] = k->step;
            gs_fired_push(k->fired, s0 + j);
        }
}

VM_INLINE void
syn_stage(struct gs_cmodel *m, const struct gs_uni *u, int s, int y0, double *restrict gk)
{
    double *restrict sX = m->sX + y0, *restrict sY = m->sY + y0;
    float *restrict act = m->act + y0;
    const double *restrict xc1 = u->xc1[s] ? u->xc1[s] : m->xc1 + y0;
    const double *restrict xc2 = u->xc2[s] ? u->xc2[s] : m->xc2 + y0;
    const double *restrict yc1 = u->yc1[s] ? u->yc1[s] : m->yc1 + y0;
    const double *restrict yc2 = u->yc2[s] ? u->yc2[s] : m->yc2 + y0;
    const float *restrict norm = u->norm[s] ? u->norm[s] : m->norm + y0;
    for (int j = 0; j < GS_BLK; j++) {
        double x = (double)act[j] * xc1[j] + sX[j] * xc2[j];
        sX[j] = x;
        sY[j] = x * yc1[j] + sY[j] * yc2[j];
        gk[j] = sY[j] * (double)norm[j];
    }
    /* a loop of its own: GCC does not vectorise a float store amid double
     * arithmetic */
    for (int j = 0; j < GS_BLK; j++)
        act[j] = 0.0f;
}

void
KERN_NAME(struct gs_cmodel *m, const struct gs_group *g, int u0, int u1,
          const struct gs_kstep *k)
{
    const double dt = m->dt;
    const struct vm_exp_table *et = &m->exptab;
    double v[GS_BLK], cin[GS_BLK], gk[GS_MAX_SLOTS][GS_BLK];
    double A[GS_BLK], B[GS_BLK];

    for (int b0 = u0; b0 < u1; b0 += GS_BLK) {
        const int c0 = g->compt0 + b0;
        double *restrict V = m->V + c0;
        for (int j = 0; j < GS_BLK; j++)
            v[j] = V[j];
        if (g->nspk && k->spikes)
            spike_stage(m, g, b0, v, k);

        /* channels read the Vm of the previous step: gates that share a
         * table geometry first (one index per cell), then the others */
        for (int b = 0; b < g->nbundle; b++) {
            const struct gs_bundle *bu = &g->bundle[b];
            int row[GS_BLK];
            double fr[GS_BLK];
            bundle_index(bu, v, row, fr);
            for (int q = 0; q < bu->ngate; q++) {
                double *X = m->X + g->gbase[bu->slot[q]][bu->q[q]] + b0;
#ifdef KERN_GATESTEP
                KERN_GATESTEP(bu, q, row, fr, X, dt, et);
#else
                KERN_BLOOKUP(bu, q, row, fr, A, B);
                gate_update(X, A, B, dt, et);
#endif
            }
        }
        for (int s = 0; s < g->nslot; s++) {
            for (int q = 0; q < GS_NGATES; q++) {
                if (g->gdef[s][q] < 0 || g->bundled[s][q])
                    continue;
                const struct gs_gatedef *d = &m->gatedef[g->gdef[s][q]];
                const int gi0 = g->gbase[s][q] + b0;
                const double *in = v;
                if (d->input != GS_GIN_V) {
                    for (int j = 0; j < GS_BLK; j++) {
                        int a = m->gconc[gi0 + j];
                        cin[j] = a >= 0 ? m->Ca[a] : 0.0;
                    }
                    if (d->input == GS_GIN_CONC)
                        in = cin;
                }
                gate_any(m->X + gi0, in, cin, d, &m->tabs[d->tab], dt, et);
            }
        }
        /* conductances: Gbar times the powered gates, X then Y then Z */
        for (int s = 0; s < g->nslot; s++) {
            if (g->kind[s] == GS_CH_SYN) {
                syn_stage(m, &g->uni, s, g->base[s] + b0, gk[s]);
                continue;
            }
            const float *gbar = g->uni.Gbar[s] ? g->uni.Gbar[s] : m->Gbar + g->base[s] + b0;
            for (int j = 0; j < GS_BLK; j++)
                gk[s][j] = (double)gbar[j];
            for (int q = 0; q < GS_NGATES; q++)
                if (g->gdef[s][q] >= 0)
                    conductance(gk[s], m->X + g->gbase[s][q] + b0,
                                &m->gatedef[g->gdef[s][q]]);
        }

        /* compartment.c: A = sum Ek Gk + Em/Rm + inject, B = 1/Rm + sum Gk,
         * then exponential Euler on dVm/dt = A/Cm - Vm B/Cm */
        const double *B0 = g->uni.B0 ? g->uni.B0 : m->k_B0 + c0;
        for (int j = 0; j < GS_BLK; j++) {
            A[j] = 0.0;
            B[j] = B0[j];
        }
        for (int s = 0; s < g->nslot; s++) {
            const float *ek = g->uni.Ek[s] ? g->uni.Ek[s]
                              : (g->kind[s] == GS_CH_TAB ? m->tEk : m->sEk) + g->base[s] + b0;
            for (int j = 0; j < GS_BLK; j++) {
                A[j] += (double)ek[j] * gk[s][j];
                B[j] += gk[s][j];
            }
        }
        const float *leak = g->uni.leak ? g->uni.leak : m->k_leak + c0;
        const float *cm = g->uni.Cm ? g->uni.Cm : m->Cm + c0;
        const float *inj = m->inject + c0;
        double *restrict Vp = m->Vprev + c0;
        double Vn[GS_BLK], ac[GS_BLK], bc[GS_BLK], arg[GS_BLK], D[GS_BLK];
        for (int j = 0; j < GS_BLK; j++) {
            float lk = leak[j] + inj[j];
            ac[j] = (A[j] + (double)lk) / (double)cm[j];
            bc[j] = B[j] / (double)cm[j];
            arg[j] = -bc[j] * dt;
        }
        KERN_EXPBLOCK(D, arg, et);
        for (int j = 0; j < GS_BLK; j++)
            Vn[j] = v[j] * D[j] + (ac[j] / bc[j]) * (1.0 - D[j]);
        /* separate loops: the compiler cannot tell V from Vprev */
        for (int j = 0; j < GS_BLK; j++)
            Vp[j] = v[j];
        for (int j = 0; j < GS_BLK; j++)
            V[j] = Vn[j];
    }
}

