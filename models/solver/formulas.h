/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * formulas.h: the scalar forms of the GENESIS 2.4 updates the solver runs,
 * the one reference both backends use: table lookup (TabInterp), gate
 * rates and the gate step, hh_channel rates, gate powers and channel
 * conductances, the synchan dual exponential, the compartment's
 * exponential Euler, the spikegen test and Ca_concen. The CPU backend's
 * general path and reset call them as they are and its vectorised group
 * kernel (cpu/kern_body.h) computes the same arithmetic in the same
 * order; the CUDA backend (cuda/) compiles them for the device: GS_HD is
 * __host__ __device__ under nvcc, and nvcc runs with -fmad=false and no
 * fast math, so a device gives the CPU's bits. exp() is gensh's own
 * everywhere (vmath.h); pow() of a non-integer gate power is the C
 * library's on the CPU and the device's own on a GPU (docs/gpu.md).
 * Private to models/solver.
 */
#ifndef GS_SOLVER_FORMULAS_H
#define GS_SOLVER_FORMULAS_H

/* No fused multiply-add: GENESIS rounds each product. */
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__) && !defined(__CUDACC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <math.h>
#include <stdbool.h>

#include "model.h"

#if defined(__CUDACC__)
#define GS_HD static inline __host__ __device__
#else
#define GS_HD static inline
#endif

/* GENESIS TabInterp on both tables of a pair. */
GS_HD void
gs_tab_lookup(const struct gs_tabpair *t, double x, double *A, double *B)
{
    if (t->mode == GS_TAB_FIXED) {
        *A = t->oyA;
        *B = t->oyB;
        return;
    }
    double lo = (x - t->xmin) * t->invdx;
    if (!(lo > 0.0))
        lo = 0.0;    /* also NaN: GENESIS would read out of bounds there */
    if (lo > (double)t->xdivs)
        lo = (double)t->xdivs;
    int i = (int)lo;
    const double *r = t->rec + 4 * i;
    if (t->mode == GS_TAB_NOINTERP) {
        *A = r[0];
        *B = r[2];
        return;
    }
    double f = lo - (double)i;
    *A = f * r[1] + r[0];
    *B = f * r[3] + r[2];
}

/* One rate of an hh_channel gate at V (hh/update.c): FORM 1 A
 * exp((v-V0)/B), 2 A / (exp((v-V0)/B) + 1), 3 A (v-V0) / (exp((v-V0)/B)
 * - 1), A B at v = V0. A, B and V0 are GENESIS's floats. GENESIS calls
 * libm's exp(); this is gensh's (vmath.h), which differs from it by at
 * most an ulp, rarely, and is the same function on the CPU and a GPU
 * (whose exp() is not glibc's). GUARD: the step's overflow guard (an
 * exponent above 100 gives A for form 1 and 0 for forms 2 and 3); RESET
 * evaluates without it. */
GS_HD double
gs_hh_rate(const double *p, double v, bool guard, const struct vm_exp_table *et)
{
    double a = p[4], b = p[8], v0 = p[12], x;
    switch ((int)p[0]) {
    case GS_HH_EXP:
        x = (v - v0) / b;
        return guard && x > 100.0 ? a : a * vm_exp(x, et);
    case GS_HH_SIGMOID:
        x = (v - v0) / b;
        return guard && x > 100.0 ? 0.0 : a / (vm_exp(x, et) + 1);
    case GS_HH_LINOID:
        if (v == v0)
            return (double)((float)a * (float)b); /* a float product in GENESIS */
        x = (v - v0) / b;
        return guard && x > 100.0 ? 0.0 : a * (v - v0) / (vm_exp(x, et) - 1);
    case GS_HH_CONST: /* Mg_block's [Mg] */
        return a;
    }
    return 0.0;
}

/* A gate's rates at X: an hh_channel's analytic ones (A = alpha, B = alpha
 * + beta) or a table lookup. The general path and reset only; the grouped
 * kernel calls gs_tab_lookup itself. */
GS_HD void
gs_gate_rates(const struct gs_tabpair *t, double x, bool guard, const struct vm_exp_table *et,
              double *A, double *B)
{
    if (t->mode == GS_TAB_HH) {
        double al = gs_hh_rate(t->rec, x, guard, et), be = gs_hh_rate(t->rec + 2, x, guard, et);
        *A = al;
        *B = al + be;
        return;
    }
    gs_tab_lookup(t, x, A, B);
}

/* pow(x, power) for a gate, as the kernel computes it. */
GS_HD double
gs_gate_pow(double x, const struct gs_gatedef *d)
{
    switch (d->ptype) {
    case GS_POW1:
        return x;
    case GS_POW2:
        return x * x;
    case GS_POW3:
        return vm_cube(x);
    case GS_POW4:
        return vm_pow4(x);
    default:
        return pow(x, (double)d->power);
    }
}

GS_HD double
gs_syn_gk(const struct gs_cmodel *m, int y)
{
    return m->sY[y] * (double)m->norm[y];
}

/* Gk of tabchannel H: Gbar (or for an Mg_block its synchan's Gk of the
 * step) times the powered gates, X then Y then Z. */
GS_HD double
gs_tab_gk(const struct gs_cmodel *m, int h)
{
    double g = m->tgsrc[h] >= 0 ? gs_syn_gk(m, m->tgsrc[h]) : m->Gbar[h];
    for (int k = 0; k < GS_NGATES; k++) {
        int gi = m->tgate[h * GS_NGATES + k];
        if (gi >= 0)
            g *= gs_gate_pow(m->X[gi], &m->gatedef[m->gdef[gi]]);
    }
    return g;
}

/* The Vm a channel read in the last step (0 without a VOLTAGE source). */
GS_HD double
gs_chan_v(const struct gs_cmodel *m, int vsrc)
{
    return vsrc >= 0 ? m->Vprev[vsrc] : 0.0;
}

/* One gate's state update: exponential Euler on X' = A - B X, or A/B. */
GS_HD double
gs_gate_step(double x, double A, double B, bool instant, double dt,
             const struct vm_exp_table *et)
{
    if (instant)
        return A / B;
    double D = vm_exp_clamped(-B * dt, et);
    return x * D + (A / B) * (1.0 - D);
}

/* synchan.c PROCESS: the dual exponential's X and Y from this step's
 * activation ACT and the integration constants; returns Y. */
GS_HD double
gs_syn_step(double *X, double *Y, float act, double xc1, double xc2, double yc1, double yc2)
{
    double x = (double)act * xc1 + *X * xc2;
    *X = x;
    *Y = x * yc1 + *Y * yc2;
    return *Y;
}

/* synchan.c: an event adds weight/dt to the activation, in float. */
GS_HD float
gs_syn_event(float act, float weight, double dt)
{
    return (float)((double)act + (double)weight / dt);
}

/* compartment.c's exponential Euler: dVm/dt = AC - Vm BC, with AC =
 * (sum Ek Gk + Em/Rm + inject + axial)/Cm and BC = (1/Rm + sum Gk +
 * axial)/Cm already divided. */
GS_HD double
gs_compt_step(double v, double ac, double bc, double dt, const struct vm_exp_table *et)
{
    double D = vm_exp_clamped(-bc * dt, et);
    return v * D + (ac / bc) * (1.0 - D);
}

/* spikegen.c: fires when the input reaches thresh and lastevent +
 * abs_refract (a float sum) is at most t + dt/2. */
GS_HD bool
gs_spikegen_fires(double v, float thresh, float lastevent, float refract, double t, double dt)
{
    float ready = lastevent + refract;
    return v >= (double)thresh && (double)ready <= t + dt / 2.0;
}

/* Ca_concen.c: dC/dt = B I_Ca - C/tau from the summed current ACT;
 * returns the new C (Ca = Ca_base + C). */
GS_HD double
gs_ca_step(double C, float act, float B, float tau, double dt, const struct vm_exp_table *et)
{
    float a_in = B * act;
    float b_in = 1 / tau;
    double D = vm_exp_clamped(-(double)b_in * dt, et);
    return C * D + ((double)a_in / (double)b_in) * (1.0 - D);
}

/* Ik of a channel of kind CHKIND (enum gs_chkind) from the Vm it read. */
GS_HD double
gs_chan_ik(const struct gs_cmodel *m, int chkind, int ch)
{
    if (chkind == GS_CH_TAB)
        return (m->tEk[ch] - gs_chan_v(m, m->tvsrc[ch])) * gs_tab_gk(m, ch);
    return (m->sEk[ch] - gs_chan_v(m, m->svsrc[ch])) * gs_syn_gk(m, ch);
}

/* Ca_concen's summed input current: the external one, then each input in
 * message order, in float as GENESIS adds them. */
GS_HD float
gs_ca_input(const struct gs_cmodel *m, int a)
{
    float act = m->ca_ext[a];
    for (int j = m->cain_first[a]; j < m->cain_first[a + 1]; j++) {
        const struct gs_cainput *in = &m->cain[j];
        double ik = gs_chan_ik(m, in->chkind, in->chan);
        switch (in->kind) {
        case GS_CA_ICA: act = (float)(act + ik); break;
        case GS_CA_FICA: act = (float)(act + ik * in->frac); break;
        case GS_CA_INC: act = (float)(act + fabs(ik)); break;
        case GS_CA_DEC: act = (float)(act - fabs(ik)); break;
        }
    }
    return act;
}

/* The general path's step of tabchannel H's gates: rates from the Vm (or
 * concentration) it read, then exponential Euler (or the instant value). */
GS_HD void
gs_tab_gates_step(const struct gs_cmodel *m, int h)
{
    double v = gs_chan_v(m, m->tvsrc[h]);
    for (int k = 0; k < GS_NGATES; k++) {
        int gi = m->tgate[h * GS_NGATES + k];
        if (gi < 0)
            continue;
        const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
        double c = m->gconc[gi] >= 0 ? m->Ca[m->gconc[gi]] : 0.0, A, B;
        gs_gate_rates(&m->tabs[d->tab], d->input == GS_GIN_CONC ? c : v, true, &m->exptab, &A,
                      &B);
        if (d->input == GS_GIN_CODEP)
            A = c * A;
        m->X[gi] = gs_gate_step(m->X[gi], A, B, d->instant, m->dt, &m->exptab);
    }
}

/* The general path's compartment C (compartment.c, symcompartment.c):
 * A = sum Ek Gk + Em/Rm + inject (+ a symcompartment's axial terms), B =
 * 1/Rm + sum Gk + sum 1/Ra, C = the axial currents, in message order;
 * returns the new Vm. */
GS_HD double
gs_compt_general(const struct gs_cmodel *m, int c)
{
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
    return gs_compt_step(m->V[c], ac, bc, m->dt, &m->exptab);
}

#endif
