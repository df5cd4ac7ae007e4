/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_vmath.c: the solver's own exp() and integer powers
 * (models/solver/vmath.h) against the C library: never more than one unit
 * in the last place away, equal for all but a small fraction of arguments
 * (GENESIS calls libm, so each mismatch is a possible last-bit difference
 * from GENESIS), the edges (overflow, subnormal results, NaN), the clamped
 * form the kernel uses, and a table that has the same bits on every
 * machine (it is built from IEEE double arithmetic only).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/solver/vmath.h"
#include "tests/tap.h"

/* A repeatable uniform double in [lo, hi) (splitmix64). */
static uint64_t seed = 12345;
static double
uniform(double lo, double hi)
{
    uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + (hi - lo) * ((double)(z >> 11) * 0x1p-53);
}

/* Distance in units in the last place between two finite doubles of one
 * sign. */
static double
ulps(double a, double b)
{
    if (a == b)
        return 0;
    return fabs(a - b) / fabs(nextafter(b, INFINITY) - b);
}

static void
exp_range(const struct vm_exp_table *t, double lo, double hi, double max_mismatch)
{
    const int n = 2000000;
    int mismatch = 0;
    double worst = 0;
    for (int i = 0; i < n; i++) {
        double x = uniform(lo, hi), got = vm_exp(x, t), want = exp(x);
        if (got != want) {
            mismatch++;
            double u = ulps(got, want);
            if (u > worst)
                worst = u;
        }
    }
    char name[200];
    snprintf(name, sizeof name, "exp on [%g, %g]: within 1 ulp of libm (worst %.2f)", lo, hi,
             worst);
    ok(worst <= 1.0, name);
    snprintf(name, sizeof name, "exp on [%g, %g]: equal to libm but for %.4f%% (< %.2f%%)", lo,
             hi, 100.0 * mismatch / n, 100 * max_mismatch);
    ok((double)mismatch / n < max_mismatch, name);
}

int
main(void)
{
    struct vm_exp_table t;
    vm_exp_table_init(&t);

    /* the table: 2^(j/128) correctly rounded, with its low part */
    ok(t.hi[0] == 1.0 && t.lo[0] == 0.0, "table: 2^0 = 1 exactly");
    ok(t.hi[64] == 0x1.6a09e667f3bcdp+0, "table: 2^(1/2) correctly rounded");
    ok(t.lo[64] == -0x1.bdd3413b26456p-54, "table: the low part of 2^(1/2)");
    ok(t.hi[32] == 0x1.306fe0a31b715p+0, "table: 2^(1/4) correctly rounded");

    /* where the neuron update calls it: -B dt is small and negative */
    exp_range(&t, -1e-3, 0, 0.002);
    exp_range(&t, -2, 0, 0.002);
    exp_range(&t, -50, 50, 0.002);
    exp_range(&t, -700, 700, 0.002);

    ok(vm_exp(0.0, &t) == 1.0, "exp(0) = 1");
    ok(vm_exp(-0.0, &t) == 1.0, "exp(-0) = 1");
    ok(isinf(vm_exp(710.0, &t)), "exp(710) overflows to inf");
    ok(vm_exp(-746.0, &t) == 0.0, "exp(-746) underflows to 0");
    ok(isnan(vm_exp(NAN, &t)), "exp(NaN) is NaN");
    int sub_ok = 1;
    for (double x = -745.0; x < -708.0; x += 0.37)
        sub_ok &= ulps(vm_exp(x, &t), exp(x)) <= 1.0 || fabs(vm_exp(x, &t) - exp(x)) <= 0x1p-1074;
    ok(sub_ok, "exp in the subnormal range within 1 ulp (or one subnormal step) of libm");
    ok(vm_exp_clamped(-800.0, &t) == vm_exp(-708.0, &t), "clamped exp: below -708 gives exp(-708)");
    ok(vm_exp_clamped(800.0, &t) == vm_exp(709.0, &t), "clamped exp: above 709 gives exp(709)");
    ok(vm_exp_clamped(-0.25, &t) == vm_exp(-0.25, &t), "clamped exp: inside, the same bits");

    double in[300], out[300];
    for (int i = 0; i < 300; i++)
        in[i] = i == 7 ? 720.0 : i == 8 ? -760.0 : i == 9 ? NAN : uniform(-30, 30);
    vm_exp_block(out, in, 300, &t);
    int same = 1;
    for (int i = 0; i < 300; i++)
        same &= (isnan(in[i]) && isnan(out[i])) || out[i] == vm_exp(in[i], &t);
    ok(same, "exp over a block (with edge arguments) gives vm_exp's bits");

    /* powers: gates raise X in [0, 1] to 3 and 4. GENESIS calls pow(),
     * which glibc rounds correctly all but about 0.1% of the time; the
     * solver's powers always are (checked in binary128 where the compiler
     * has it). */
    int p3 = 0, p4 = 0, exact3 = 0, exact4 = 0;
    for (int i = 0; i < 1000000; i++) {
        double x = uniform(0, 1);
        p3 += vm_cube(x) != pow(x, 3.0);
        p4 += vm_pow4(x) != pow(x, 4.0);
#if defined(__SIZEOF_FLOAT128__)
        __float128 q = x;
        exact3 += vm_cube(x) != (double)(q * q * q);
        exact4 += vm_pow4(x) != (double)(q * q * q * q);
#endif
    }
    char name[160];
#if defined(__SIZEOF_FLOAT128__)
    snprintf(name, sizeof name, "x^3 and x^4 correctly rounded for 1e6 arguments in [0, 1] "
             "(%d, %d differ)", exact3, exact4);
    ok(exact3 == 0 && exact4 == 0, name);
#else
    skip("no binary128 to check x^3 and x^4 against");
#endif
    snprintf(name, sizeof name, "x^3, x^4 equal to libm's pow but for %.3f%%, %.3f%% (< 0.2%%)",
             p3 / 1e4, p4 / 1e4);
    ok(p3 < 2000 && p4 < 2000, name);
    tap_done();
    return tap_failed != 0;
}
