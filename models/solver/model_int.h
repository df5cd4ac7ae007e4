/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model_int.h: helpers shared by the solver's own files: allocation and
 * reset of a compiled model, and the scalar forms of
 * the GENESIS formulas (table lookup, gate powers, conductances) that the
 * reset, the field reads and the general path use. The vectorised kernel
 * (cpu/kern.c) uses the same arithmetic, in the same order.
 * Private to models/solver.
 */
#ifndef GS_SOLVER_MODEL_INT_H
#define GS_SOLVER_MODEL_INT_H

/* No fused multiply-add in any solver file: GENESIS rounds each product. */
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Allocates every array for the counts already set in M; false when a
 * user-sized allocation fails (nothing is left allocated then). */
bool gs_model_alloc(struct gs_cmodel *m);

/* GENESIS RESET of every element, in the order RESET reaches them:
 * compartments, then channels (which read the reset Vm), synchans,
 * spikegens, randomspikes and Ca_concen; clears time (the backend clears
 * the events on their way). */
void gs_model_reset(struct gs_cmodel *m);

/* The constants that follow from parameters and dt (Em/Rm, synchan
 * integration constants, delays in steps, ...), without touching state. */
void gs_model_derive(struct gs_cmodel *m);
/* Finds the parameters each group's units share (uniform.c). */
void gs_model_uniform(struct gs_cmodel *m);
void gs_model_uniform_free(struct gs_cmodel *m);
/* Field FIELD of element IDX (array index) of KIND was written: the
 * group's shared copy of it, if any, no longer holds. */
void gs_model_nonuniform(struct gs_cmodel *m, int kind, int idx, int field);
/* Derived constants that follow a field at once (Em/Rm, 1/Rm, delays). */
void gs_model_refresh_compt(struct gs_cmodel *m, int c);
/* Rebuilds the list of synchans with a background frequency. */
void gs_model_freq_list(struct gs_cmodel *m);

/* Cells under an hsolve (hines.c). gs_hines_layout builds NH cells, cell h
 * from the compartments LIST[FIRST[h]..FIRST[h+1]) (model indices, path
 * order) and the tabchannels whose TAB_CELL (by model index) is h; false
 * with a message in ERR for a link leaving a cell. gs_hines_prepare makes
 * the tables the gates need (after the model's tables are in place);
 * gs_hines_begin refreshes what Cm, Rm, Ra and dt give and stores the
 * previous Vm, before the channels of a step; gs_hines_step integrates
 * the cells, after the general path's channels. */
struct gsb_hines;
bool gs_hines_layout(struct gs_cmodel *m, int nh, const struct gsb_hines *def, const int *first,
                     const int *list, const int *tab_cell, char *err, size_t errlen);
void gs_hines_prepare(struct gs_cmodel *m);
void gs_hines_begin(struct gs_cmodel *m);
void gs_hines_step(struct gs_cmodel *m);
void gs_hines_free(struct gs_cmodel *m);

/* A delay in steps, as synchan.c's EVENT computes it. */
static inline int
gs_delay_steps(const struct gs_cmodel *m, float delay)
{
    int d = (int)((double)delay / m->dt + 0.9);
    return d < 0 ? 0 : d;
}

/* Synapse Q's delay in steps. */
static inline int
gs_syn_dsteps(const struct gs_cmodel *m, int q)
{
    return gs_delay_steps(m, m->q_delay[q]);
}

/* GENESIS TabInterp on both tables of a pair. */
static inline void
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

/* One rate of an hh_channel gate at V (hh/update.c, GENESIS's libm exp()):
 * FORM 1 A exp((v-V0)/B), 2 A / (exp((v-V0)/B) + 1), 3 A (v-V0) /
 * (exp((v-V0)/B) - 1), A B at v = V0. A, B and V0 are GENESIS's floats.
 * GUARD: the step's overflow guard (an exponent above 100 gives A for
 * form 1 and 0 for forms 2 and 3); RESET evaluates without it. */
static inline double
gs_hh_rate(const double *p, double v, bool guard)
{
    double a = p[4], b = p[8], v0 = p[12], x;
    switch ((int)p[0]) {
    case GS_HH_EXP:
        x = (v - v0) / b;
        return guard && x > 100.0 ? a : a * exp(x);
    case GS_HH_SIGMOID:
        x = (v - v0) / b;
        return guard && x > 100.0 ? 0.0 : a / (exp(x) + 1);
    case GS_HH_LINOID:
        if (v == v0)
            return (double)((float)a * (float)b); /* a float product in GENESIS */
        x = (v - v0) / b;
        return guard && x > 100.0 ? 0.0 : a * (v - v0) / (exp(x) - 1);
    case GS_HH_CONST: /* Mg_block's [Mg] */
        return a;
    }
    return 0.0;
}

/* A gate's rates at X: an hh_channel's analytic ones (A = alpha, B = alpha
 * + beta) or a table lookup. The general path and reset only; the grouped
 * kernel calls gs_tab_lookup itself. */
static inline void
gs_gate_rates(const struct gs_tabpair *t, double x, bool guard, double *A, double *B)
{
    if (t->mode == GS_TAB_HH) {
        double al = gs_hh_rate(t->rec, x, guard), be = gs_hh_rate(t->rec + 2, x, guard);
        *A = al;
        *B = al + be;
        return;
    }
    gs_tab_lookup(t, x, A, B);
}

/* pow(x, power) for a gate, as the kernel computes it. */
static inline double
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

static inline double
gs_syn_gk(const struct gs_cmodel *m, int y)
{
    return m->sY[y] * (double)m->norm[y];
}

/* Gk of tabchannel H: Gbar (or for an Mg_block its synchan's Gk of the
 * step) times the powered gates, X then Y then Z. */
static inline double
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
static inline double
gs_chan_v(const struct gs_cmodel *m, int vsrc)
{
    return vsrc >= 0 ? m->Vprev[vsrc] : 0.0;
}

/* One gate's state update: exponential Euler on X' = A - B X, or A/B. */
static inline double
gs_gate_step(double x, double A, double B, bool instant, double dt,
             const struct vm_exp_table *et)
{
    if (instant)
        return A / B;
    double D = vm_exp_clamped(-B * dt, et);
    return x * D + (A / B) * (1.0 - D);
}

#endif
