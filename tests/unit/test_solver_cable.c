/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_solver_cable.c: the compiled solver against analytic and
 * independent results.
 *
 * 1. Rallpack 1 (Bhalla, Bilitch and Bower 1992): a passive cable 1 mm
 *    long, 1 um across, RM 4 ohm m^2, RA 1 ohm m, CM 0.01 F/m^2, Em -65 mV,
 *    0.1 nA into one end, 100 compartments. The compartments read their
 *    neighbours' previous_state, as GENESIS without hsolve, which is first
 *    order in dt / (Ra Cm of a compartment, 4 us here). Steady state at the
 *    Rallpack step of 1 us against the sealed finite cable,
 *    V - Em = I ri lambda cosh((L-x)/lambda) / sinh(L/lambda); the early
 *    rise at the injected end at 0.1 us against the semi-infinite cable,
 *    I ri lambda erf(sqrt(t/tau)). Both as asymmetric compartments
 *    (RAXIAL/AXIAL, as readcell wires them) and as symcompartments.
 * 2. Hodgkin-Huxley (the squid axon as in Rallpack 3's membrane): one
 *    compartment with Na and K tabchannels filled by the setupalpha
 *    formulas, against an RK4 integration of the same equations with the
 *    rate functions evaluated exactly and a 100x smaller step: spike times
 *    within 0.1 ms and peaks within 2 mV over 50 ms.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/channels/gate_tables.h"
#include "models/solver/solver.h"
#include "tests/tap.h"

#define PI 3.14159265358979323846

/* ---- Rallpack 1 ------------------------------------------------------- */

#define NC 100
static const double RM = 4.0, RA = 1.0, CM = 0.01, EM = -0.065, INJ = 0.1e-9;
static const double LEN = 1e-3, DIA = 1e-6;

/* The cable as compartments, compiled at dt and reset. */
static struct gs_solver *
cable_new(bool sym, double dt, struct gs_build **bp, int *c)
{
    double dx = LEN / NC, area = PI * DIA * dx;
    double ra = 4.0 * RA * dx / (PI * DIA * DIA);
    struct gs_build *b = gsb_new();
    for (int i = 0; i < NC; i++) {
        struct gsb_compt p = {.Em = (float)EM, .Rm = (float)(RM / area),
                              .Cm = (float)(CM * area), .Ra = (float)ra, .inject = 0,
                              .initVm = (float)EM, .dia = (float)DIA, .len = (float)dx,
                              .Vm = EM, .sym = sym};
        c[i] = gsb_compartment(b, &p);
    }
    for (int i = 0; i < NC; i++) {
        /* readcell's wiring: the parent gets RAXIAL from its child, the child
         * AXIAL from its parent, both reading previous_state */
        if (sym) {
            if (i > 0)
                gsb_term(b, c[i], GS_T_TAIL | GS_TERM_PREV, c[i - 1]);
            if (i + 1 < NC)
                gsb_term(b, c[i], GS_T_HEAD | GS_TERM_PREV, c[i + 1]);
        } else {
            if (i > 0)
                gsb_term(b, c[i], GS_T_AXIAL | GS_TERM_PREV, c[i - 1]);
            if (i + 1 < NC)
                gsb_term(b, c[i], GS_T_RAXIAL | GS_TERM_PREV, c[i + 1]);
        }
    }
    struct gs_solver *s = gs_solver_new();
    char err[256];
    if (gs_solver_compile(s, b, dt, 1, err, sizeof err) != GS_OK) {
        diag("%s", err);
        gs_solver_free(s);
        gsb_free(b);
        return NULL;
    }
    gs_solver_reset(s);
    gs_solver_write(s, GS_K_COMPT, c[0], GS_SF_INJECT, INJ);
    *bp = b;
    return s;
}

static void
cable(bool sym)
{
    const char *kind = sym ? "symmetric" : "asymmetric";
    double dx = LEN / NC, ri = 4 * RA / (PI * DIA * DIA);
    double lambda = sqrt(RM * DIA / (4 * RA)), tau = RM * CM;
    struct gs_build *b;
    int c[NC];
    char name[200];

    /* The early rise at the injected end against the semi-infinite cable.
     * The first compartment stands for [0, dx], so it sits I ri dx/2 below
     * the end. Each compartment sees its neighbours' previous voltages
     * (explicit coupling, as GENESIS without hsolve), which is first order
     * in dt / (Ra Cm) = dt / 4 us: at 1 us the rise is 13% low, at 0.1 us
     * about 1%, at 0.02 us 0.2%. */
    double dt = 1e-7;
    struct gs_solver *s = cable_new(sym, dt, &b, c);
    if (!s) {
        ok(0, "cable compiles");
        return;
    }
    double worst = 0;
    for (int k = 1; k <= 4; k++) {
        gs_solver_advance(s, (int64_t)(0.5e-3 / dt + 0.5));
        double t = k * 0.5e-3;
        double want = INJ * ri * (lambda * erf(sqrt(t / tau)) - dx / 2);
        double got = gs_solver_read(s, GS_K_COMPT, c[0], GS_SF_VM) - EM;
        double rel = fabs(got - want) / want;
        if (rel > worst)
            worst = rel;
    }
    snprintf(name, sizeof name,
             "%s cable, dt 0.1 us: rise at the injected end over 2 ms within 2%% of "
             "erf (worst %.2f%%)", kind, 100 * worst);
    ok(worst < 0.02, name);
    gs_solver_free(s);
    gsb_free(b);

    /* The steady state after 12 tau against the sealed finite cable, at the
     * Rallpack step of 1 us. */
    dt = 1e-6;
    s = cable_new(sym, dt, &b, c);
    if (!s) {
        ok(0, "cable compiles");
        return;
    }
    gs_solver_advance(s, (int64_t)(12 * tau / dt));
    worst = 0;
    for (int i = 0; i < NC; i += 11) {
        double x = (i + 0.5) * dx;
        double want = INJ * ri * lambda * cosh((LEN - x) / lambda) / sinh(LEN / lambda);
        double got = gs_solver_read(s, GS_K_COMPT, c[i], GS_SF_VM) - EM;
        double rel = fabs(got - want) / want;
        if (rel > worst)
            worst = rel;
    }
    snprintf(name, sizeof name,
             "%s cable, dt 1 us: steady state within 0.2%% of the sealed cable (worst %.3f%%)",
             kind, 100 * worst);
    ok(worst < 0.002, name);
    gs_solver_free(s);
    gsb_free(b);
}

/* ---- Hodgkin-Huxley --------------------------------------------------- */

/* The squid rates with V in volts, rest at -65 mV, rates in 1/s. */
static double
am(double v)
{
    double u = (v + 0.040) * 1e3;
    return fabs(u) < 1e-9 ? 1e3 : 1e3 * (0.1 * u) / (1 - exp(-u / 10));
}
static double bm(double v) { return 4e3 * exp(-(v + 0.065) / 0.018); }
static double ah(double v) { return 70.0 * exp(-(v + 0.065) / 0.020); }
static double bh(double v) { return 1e3 / (1 + exp(-(v + 0.035) / 0.010)); }
static double
an(double v)
{
    double u = (v + 0.055) * 1e3;
    return fabs(u) < 1e-9 ? 100.0 : 1e3 * (0.01 * u) / (1 - exp(-u / 10));
}
static double bn(double v) { return 125.0 * exp(-(v + 0.065) / 0.080); }

static const double GNA = 1200, GK = 360, GL = 3, ENA = 0.050, EKK = -0.077, EL = -0.0544;
static const double HCM = 0.01, HDIA = 30e-6, IHH = 0.3e-9;

static double
hh_area(void)
{
    return PI * HDIA * HDIA;
}

/* dy/dt of (V, m, h, n). */
static void
hh_rhs(const double *y, double *d)
{
    double a = hh_area(), v = y[0];
    double ina = GNA * a * y[1] * y[1] * y[1] * y[2] * (ENA - v);
    double ik = GK * a * pow(y[3], 4) * (EKK - v);
    double il = GL * a * (EL - v);
    d[0] = (ina + ik + il + IHH) / (HCM * a);
    d[1] = am(v) * (1 - y[1]) - bm(v) * y[1];
    d[2] = ah(v) * (1 - y[2]) - bh(v) * y[2];
    d[3] = an(v) * (1 - y[3]) - bn(v) * y[3];
}

/* Spike times (upward crossings of 0 V) of the RK4 reference. */
static int
hh_reference(double tmax, double *times, double *peaks, int max)
{
    double v = -0.065, y[4] = {v, am(v) / (am(v) + bm(v)), ah(v) / (ah(v) + bh(v)),
                               an(v) / (an(v) + bn(v))};
    double h = 5e-8;
    int n = 0;
    for (double t = 0; t < tmax && n < max; t += h) {
        double k1[4], k2[4], k3[4], k4[4], tmp[4];
        hh_rhs(y, k1);
        for (int i = 0; i < 4; i++)
            tmp[i] = y[i] + h / 2 * k1[i];
        hh_rhs(tmp, k2);
        for (int i = 0; i < 4; i++)
            tmp[i] = y[i] + h / 2 * k2[i];
        hh_rhs(tmp, k3);
        for (int i = 0; i < 4; i++)
            tmp[i] = y[i] + h * k3[i];
        hh_rhs(tmp, k4);
        double old = y[0];
        for (int i = 0; i < 4; i++)
            y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        if (old < 0 && y[0] >= 0) {
            times[n] = t + h;
            peaks[n++] = 0;
        }
        if (n > 0 && y[0] > peaks[n - 1])
            peaks[n - 1] = y[0];
    }
    return n;
}

/* A table pair filled from exact rate functions (as setupalpha would). */
static int
hh_tab(struct gs_build *b, double (*alpha)(double), double (*beta)(double))
{
    static double A[GT_XDIVS + 1], B[GT_XDIVS + 1];
    double dx = (GT_XMAX - GT_XMIN) / GT_XDIVS, x = GT_XMIN;
    for (int i = 0; i <= GT_XDIVS; i++, x += dx) {
        A[i] = alpha(x);
        B[i] = alpha(x) + beta(x);
    }
    return gsb_tabpair(b, NULL, NULL, GT_XDIVS, GT_XMIN, GT_XMAX, 1, A, B, 0, 0);
}

static void
hh(void)
{
    double ref_t[64], ref_p[64];
    int nref = hh_reference(0.05, ref_t, ref_p, 64);
    struct gs_build *b = gsb_new();
    double a = hh_area(), v0 = -0.065;
    struct gsb_compt p = {.Em = (float)EL, .Rm = (float)(1 / (GL * a)), .Cm = (float)(HCM * a),
                          .Ra = 1, .inject = (float)IHH, .initVm = (float)v0, .Vm = v0};
    int c = gsb_compartment(b, &p);
    struct gsb_tabchan na = {.Gbar = (float)(GNA * a), .Ek = (float)ENA, .vsrc = c};
    na.g[0] = (struct gsb_gate){hh_tab(b, am, bm), 3, 0, GS_GIN_V, -1, 0};
    na.g[1] = (struct gsb_gate){hh_tab(b, ah, bh), 1, 0, GS_GIN_V, -1, 0};
    na.g[2] = (struct gsb_gate){-1, 0, 0, GS_GIN_V, -1, 0};
    struct gsb_tabchan k = {.Gbar = (float)(GK * a), .Ek = (float)EKK, .vsrc = c};
    k.g[0] = (struct gsb_gate){hh_tab(b, an, bn), 4, 0, GS_GIN_V, -1, 0};
    k.g[1] = k.g[2] = (struct gsb_gate){-1, 0, 0, GS_GIN_V, -1, 0};
    int nai = gsb_tabchannel(b, &na);
    gsb_term(b, c, GS_T_TAB, nai);
    gsb_term(b, c, GS_T_TAB, gsb_tabchannel(b, &k));
    struct gsb_spikegen sg = {.thresh = 0, .abs_refract = 0.001f, .output_amp = 1, .vsrc = c};
    gsb_spikegen(b, &sg);
    struct gs_solver *s = gs_solver_new();
    char err[256];
    double dt = 5e-6;
    if (gs_solver_compile(s, b, dt, 1, err, sizeof err) != GS_OK) {
        ok(0, "HH compiles");
        diag("%s", err);
        return;
    }
    gs_solver_reset(s);
    /* probes and sampled fields give what a read gives, step by step: Vm
     * (stored) and the Na channel's Gk (computed) */
    int pv = gs_solver_probe(s, GS_K_COMPT, c, GS_SF_VM);
    int pg = gs_solver_probe(s, GS_K_TAB, nai, GS_SF_GK);
    int sv = gs_solver_add_sample(s, GS_K_COMPT, c, GS_SF_VM);
    int sgk = gs_solver_add_sample(s, GS_K_TAB, nai, GS_SF_GK);
    long probe_bad = 0, sample_bad = 0;
    double peak = -1, worst_t = 0, worst_p = 0, prev = v0;
    int n = 0;
    for (int step = 0; step < (int)(0.05 / dt); step++) {
        gs_solver_advance(s, 1);
        gs_solver_sample(s);
        double v = gs_solver_read(s, GS_K_COMPT, c, GS_SF_VM);
        double gk = gs_solver_read(s, GS_K_TAB, nai, GS_SF_GK), row[2];
        if (gs_solver_records(s, row, 1) != 1 || row[pv] != v || row[pg] != gk)
            probe_bad++;
        if (gs_solver_samples(s)[sv] != v || gs_solver_samples(s)[sgk] != gk)
            sample_bad++;
        if (prev < 0 && v >= 0 && n < nref) {
            double t = (step + 1) * dt;
            if (fabs(t - ref_t[n]) > worst_t)
                worst_t = fabs(t - ref_t[n]);
            if (n > 0 && fabs(peak - ref_p[n - 1]) > worst_p)
                worst_p = fabs(peak - ref_p[n - 1]);
            n++;
            peak = v;
        }
        if (n > 0 && v > peak)
            peak = v;
        prev = v;
    }
    if (n > 0 && n <= nref && fabs(peak - ref_p[n - 1]) > worst_p)
        worst_p = fabs(peak - ref_p[n - 1]);
    char name[200];
    snprintf(name, sizeof name, "HH: %d spikes in 50 ms, RK4 reference %d", n, nref);
    ok(n == nref && n >= 3, name);
    snprintf(name, sizeof name, "HH: spike times within 0.1 ms of RK4 (worst %.3f ms)",
             worst_t * 1e3);
    ok(worst_t < 1e-4, name);
    snprintf(name, sizeof name, "HH: spike peaks within 2 mV of RK4 (worst %.3f mV)",
             worst_p * 1e3);
    ok(worst_p < 2e-3, name);
    ok(pv == 0 && pg == 1 && probe_bad == 0, "HH: a probe row per step, Vm and Gk as read");
    ok(sv == 0 && sgk == 1 && sample_bad == 0, "HH: sampled Vm and Gk as read after each step");
    gs_solver_write(s, GS_K_COMPT, c, GS_SF_VM, -0.0123);
    ok(gs_solver_samples(s)[sv] == -0.0123, "HH: a written Vm is sampled at once");
    gs_solver_free(s);
    gsb_free(b);
}

int
main(void)
{
    cable(false);
    cable(true);
    hh();
    tap_done();
    return tap_failed != 0;
}
