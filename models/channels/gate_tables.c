/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gate_tables.c: the table arithmetic of setupalpha, setuptau, tweakalpha,
 * tweaktau, setupgate, scaletabchan and TABFILL (see gate_tables.h),
 * written from GENESIS 2.4's documented behaviour and its numerics: x
 * advances by accumulating dx, a denominator smaller than 1e-6 repeats the
 * previous entry, tweaktau and scaletabchan work through C floats.
 */
#include "gate_tables.h"

#include <math.h>
#include <stdlib.h>

#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

/* (a + b x) / (c + exp((x + d) / f)), or PREV when the denominator
 * vanishes, or 0 when f does. */
static double
rate(const double *p, double x, double prev)
{
    if (fabs(p[4]) < GT_SING_TINY)
        return 0.0;
    double den = p[2] + exp((x + p[3]) / p[4]);
    if (fabs(den) < GT_SING_TINY)
        return prev;
    return (p[0] + p[1] * x) / den;
}

void
gt_setup(double *A, double *B, int xdivs, double xmin, double xmax, const double args[10],
         enum gt_mode mode, bool tabgate)
{
    double n = (double)xdivs;
    double dx = (xmax - xmin) / n;
    double x = xmin;
    for (int i = 0; i <= xdivs; i++, x += dx) {
        double a = rate(args, x, i > 0 ? A[i - 1] : 0.0);
        A[i] = a;
        B[i] = rate(args + 5, x, i > 0 ? B[i - 1] : 0.0);
        if (!tabgate && mode == GT_ALPHA)
            B[i] += a;
    }
    if (mode != GT_TAU)
        return;
    for (int i = 0; i <= xdivs; i++) {
        double tau = A[i], minf = B[i];
        if (fabs(tau) < GT_SING_TINY) {
            A[i] = 0.0;
            B[i] = 0.0;
        } else {
            A[i] = minf / tau;
            B[i] = tabgate ? tau - minf : 1.0 / tau;
        }
    }
}

void
gt_tweak(double *A, double *B, int xdivs, enum gt_mode mode)
{
    for (int i = 0; i <= xdivs; i++) {
        if (mode == GT_ALPHA) {
            B[i] += A[i];
            continue;
        }
        /* tweaktau works in float and keeps tau away from zero */
        float tau = (float)A[i], minf = (float)B[i];
        if (fabs(tau) < GT_SING_TINY)
            tau = tau < 0.0f ? (float)-GT_SING_TINY : (float)GT_SING_TINY;
        A[i] = minf / tau;
        B[i] = 1.0 / tau;
    }
}

void
gt_setupgate(double *T, int xdivs, double xmin, double xmax, const double abcdf[5])
{
    float a = (float)abcdf[0], b = (float)abcdf[1], c = (float)abcdf[2];
    float d = (float)abcdf[3], f = (float)abcdf[4];
    float dx = (float)((xmax - xmin) / (float)xdivs);
    float x = (float)(xmin + dx / 2.0);
    for (int i = 0; i <= xdivs; i++, x += dx) {
        if (fabs(f) < GT_SING_TINY) {
            T[i] = 0.0;
            continue;
        }
        float den = (float)(c + exp((x + d) / f));
        if (fabs(den) < GT_SING_TINY)
            T[i] = i > 0 ? T[i - 1] : 0.0;
        else
            T[i] = (float)((a + b * x) / den);
    }
}

/* Index of the unscaled table entry that lands on entry I after scaling. */
static int
scaled_index(int i, double xmin, float dx, float sx, float ox, int xdivs)
{
    int j = (int)((xmin * (1.0 - sx) / sx - ox) / dx + (float)i / sx);
    if (j > xdivs)
        j = xdivs;
    if (j < 0)
        j = 0;
    return j;
}

bool
gt_scale(double *A, double *B, int xdivs, double xmin, double xmax, char mode, double sx_,
         double sy_, double ox_, double oy_, bool tabgate)
{
    float sx = (float)sx_, sy = (float)sy_, ox = (float)ox_, oy = (float)oy_;
    if (sx <= 0.0f || (mode != 'a' && mode != 'b' && mode != 't' && mode != 'm'))
        return false;
    float dx = (float)((xmax - xmin) / (float)xdivs);
    float *h1 = calloc((size_t)xdivs + 2, sizeof *h1);
    float *h2 = calloc((size_t)xdivs + 2, sizeof *h2);
    if (!h1 || !h2) {
        free(h1);
        free(h2);
        return false;
    }
    if (tabgate)
        for (int i = 0; i <= xdivs; i++)
            B[i] += A[i];
    for (int i = 0; i <= xdivs; i++) {
        int j = scaled_index(i, xmin, dx, sx, ox, xdivs);
        float v;
        switch (mode) {
        case 'a':
            h2[i] = (float)(B[i] - A[i]);
            v = (float)(oy + A[j] * sy);
            h1[i] = v < 0.0f ? 0.0f : v;
            break;
        case 'b':
            v = (float)A[j];
            v = (float)B[j] - v;
            v = oy + v * sy;
            h1[i] = v < 0.0f ? 0.0f : v;
            break;
        case 't':
            h2[i] = (float)(A[i] / B[i]);
            v = (float)(1.0 / B[j]);
            v = oy + v * sy;
            h1[i] = v < 0.0f ? 0.00000001f : v;
            break;
        default: /* 'm' */
            v = (float)(A[j] / B[j]);
            v = oy + v * sy;
            h1[i] = v < 0.0f ? 0.0f : v;
            break;
        }
    }
    for (int i = 0; i <= xdivs; i++) {
        switch (mode) {
        case 'a':
            A[i] = h1[i];
            B[i] = h1[i] + h2[i];
            break;
        case 'b':
            B[i] = h1[i] + A[i];
            break;
        case 't':
            A[i] = h2[i] / h1[i];
            B[i] = 1.0 / h1[i];
            break;
        default:
            A[i] = h1[i] * B[i];
            break;
        }
    }
    if (tabgate)
        for (int i = 0; i <= xdivs; i++)
            B[i] -= A[i];
    free(h1);
    free(h2);
    return true;
}

/* Linear interpolation of T at fractional index LO (integer part I). */
static double
lin(const double *T, int xdivs, double lo, int i)
{
    if (i < xdivs)
        return (lo - (double)i) * (T[i + 1] - T[i]) + T[i];
    return T[xdivs];
}

double *
gt_fill(const double *T, int xdivs, int newdivs, int fill_mode)
{
    if (newdivs < 3 || (fill_mode != 0 && fill_mode != 2))
        return NULL;
    double *N = calloc((size_t)newdivs + 1, sizeof *N);
    if (!N)
        return NULL;
    double dlo = (double)xdivs / (double)newdivs, lo = 0.0;
    int i = 0, j = 0;
    if (fill_mode == 2) {
        for (; j <= newdivs; lo += dlo, i = (int)lo, j++)
            N[j] = lin(T, xdivs, lo, i);
        return N;
    }
    /* uniform cubic B-spline between the ends, linear at the ends */
    const double sa = 1.0 / 6.0, sb = 2.0 / 3.0;
    for (; i <= 1 && j <= newdivs; lo += dlo, i = (int)lo, j++)
        N[j] = lin(T, xdivs, lo, i);
    for (; i <= xdivs - 2 && j <= newdivs; lo += dlo, i = (int)lo, j++) {
        double t = lo - (double)i, t2 = t * t, t3 = t2 * t;
        double c1 = -sa * t3 + t2 / 2.0 - t / 2.0 + sa;
        double c2 = t3 / 2.0 - t2 + sb;
        double c3 = -t3 / 2.0 + t2 / 2.0 + t / 2.0 + sa;
        double c4 = sa * t3;
        N[j] = c1 * T[i - 1] + c2 * T[i] + c3 * T[i + 1] + c4 * T[i + 2];
    }
    for (; j <= newdivs; lo += dlo, i = (int)lo, j++)
        N[j] = lin(T, xdivs, lo, i);
    return N;
}
