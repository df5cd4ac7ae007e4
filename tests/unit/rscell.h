/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rscell.h: the single-compartment regular-spiking cell of the GENESIS
 * RSnet tutorial (RScell.p with the Destexhe-Pare Na, Kdr and KM channels,
 * an excitatory synchan and a spikegen), built directly in the solver's
 * builder with the values readcell and the channel scripts give it:
 * readcell's float arithmetic for the area, Rm, Cm and Gbar, setupalpha
 * tables with EREST_ACT = -0.063. Used by the solver tests and the cell
 * benchmark. Header-only.
 */
#ifndef GS_TEST_RSCELL_H
#define GS_TEST_RSCELL_H

#include <math.h>

#include "models/channels/gate_tables.h"
#include "models/solver/build.h"

struct rs_tables {
    int na_x, na_y, kdr_x, km_x; /* tabpair ids */
};

struct rs_cell {
    int compt, na, kdr, km, syn, spk;
};

static inline int
rs_tabpair(struct gs_build *b, const double args[10])
{
    double A[GT_XDIVS + 1], B[GT_XDIVS + 1];
    gt_setup(A, B, GT_XDIVS, GT_XMIN, GT_XMAX, args, GT_ALPHA, false);
    return gsb_tabpair(b, NULL, NULL, GT_XDIVS, GT_XMIN, GT_XMAX, 1, A, B, 0, 0);
}

/* DPchans.g, with EREST_ACT = -0.063 and the Na inactivation offset. */
static inline void
rs_make_tables(struct gs_build *b, struct rs_tables *t)
{
    const double E = -0.063, off = -0.010;
    const double na_x[10] = {320e3 * (0.013 + E), -320e3, -1.0, -1.0 * (0.013 + E), -0.004,
                             -280e3 * (0.040 + E), 280e3, -1.0, -1.0 * (0.040 + E), 5.0e-3};
    const double na_y[10] = {128.0, 0.0, 0.0, -1.0 * (0.017 + E + off), 0.018,
                             4.0e3, 0.0, 1.0, -1.0 * (0.040 + E + off), -5.0e-3};
    const double kdr_x[10] = {32e3 * (0.015 + E), -32e3, -1.0, -1.0 * (0.015 + E), -0.005,
                              500, 0.0, 0.0, -1.0 * (0.010 + E), 0.04};
    const double km_x[10] = {-3.0, -100.0, -1.0, 0.03, -0.009, 3.0, 100.0, -1.0, 0.030, 0.009};
    t->na_x = rs_tabpair(b, na_x);
    t->na_y = rs_tabpair(b, na_y);
    t->kdr_x = rs_tabpair(b, kdr_x);
    t->km_x = rs_tabpair(b, km_x);
}

/* readcell's surface of the 105 x 105 um soma: floats, PI = 3.1415926536. */
static inline float
rs_surface(void)
{
    float z = 105.0f, d = 105.0f, zero = 0.0f;
    z = (float)(z * 1.0e-6);
    d = (float)(d * 1.0e-6);
    float len = (float)sqrt(zero * zero + zero * zero + z * z);
    return (float)(len * d * 3.1415926536);
}

static inline void
rs_gate(struct gsb_gate *g, int tab, float power)
{
    g->tab = tab;
    g->power = power;
    g->instant = 0;
    g->input = 0;
    g->conc = -1;
    g->state = 0;
}

/* One cell, its messages in readcell's order (Na, Kdr, KM, Ex_channel). */
static inline void
rs_make_cell(struct gs_build *b, const struct rs_tables *t, struct rs_cell *c)
{
    float surf = rs_surface();
    float RM = 2.2f, RA = 2.5f, CM = 0.01f, d = (float)(105.0f * 1.0e-6);
    struct gsb_compt cp = {
        .Em = -0.080f, .Rm = RM / surf, .Cm = CM * surf,
        .Ra = (float)(4.0 * RA * d / (d * d * 3.1415926536)),
        .inject = 0, .initVm = -0.070f, .dia = d, .len = d, .Vm = 0,
    };
    c->compt = gsb_compartment(b, &cp);
    struct gsb_tabchan na = {.Gbar = 516.0f * surf, .Ek = 0.050f, .vsrc = c->compt};
    rs_gate(&na.g[0], t->na_x, 3);
    rs_gate(&na.g[1], t->na_y, 1);
    rs_gate(&na.g[2], -1, 0);
    struct gsb_tabchan kdr = {.Gbar = 100.0f * surf, .Ek = -0.090f, .vsrc = c->compt};
    rs_gate(&kdr.g[0], t->kdr_x, 4);
    rs_gate(&kdr.g[1], -1, 0);
    rs_gate(&kdr.g[2], -1, 0);
    struct gsb_tabchan km = {.Gbar = 5.0f * surf, .Ek = -0.090f, .vsrc = c->compt};
    rs_gate(&km.g[0], t->km_x, 1);
    rs_gate(&km.g[1], -1, 0);
    rs_gate(&km.g[2], -1, 0);
    struct gsb_synchan ex = {.Ek = 0.045f, .tau1 = 3.0e-3f, .tau2 = 3.0e-3f, .gmax = 1e-9f,
                             .frequency = 0, .normalize_weights = 0, .vsrc = c->compt};
    struct gsb_spikegen sp = {.thresh = 0, .abs_refract = 0.004f, .output_amp = 1,
                              .lastevent = 0, .vsrc = c->compt};
    c->na = gsb_tabchannel(b, &na);
    c->kdr = gsb_tabchannel(b, &kdr);
    c->km = gsb_tabchannel(b, &km);
    c->syn = gsb_synchan(b, &ex);
    c->spk = gsb_spikegen(b, &sp);
    gsb_term(b, c->compt, GS_T_TAB, c->na);
    gsb_term(b, c->compt, GS_T_TAB, c->kdr);
    gsb_term(b, c->compt, GS_T_TAB, c->km);
    gsb_term(b, c->compt, GS_T_SYN, c->syn);
}

/* RSnet's pulse: pulsegen (width1 50 ms, period 1 s) into a diffamp of
 * gain 1 nA; the compartment sees the value of the previous step. */
static inline float
rs_inject(double t_prev, bool first_step)
{
    if (first_step)
        return 0.0f;
    float tt = (float)fmod(t_prev, (double)1.0f);
    float level = tt < 0.0f + 0.05f ? 1.0f : 0.0f;
    return 1e-9f * level;
}

#endif
