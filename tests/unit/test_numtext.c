/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_numtext.c: numtext_put (models/io/numtext.c) writes exactly what
 * printf writes: for every precision it handles by itself, for the formats
 * it hands to printf, on random values of every magnitude, on decimal ties
 * and powers of ten (where its own digits are not trusted), and on zero,
 * negative zero, subnormals, infinities and NaN.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "models/io/numtext.h"
#include "tests/tap.h"

static uint64_t seed = 2024;
static uint64_t
next(void)
{
    uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Compares numtext_put with snprintf for V; returns 1 when they differ
 * (and says how, the first few times). */
static int
differs(const char *fmt, double v)
{
    static int shown;
    char want[NUMTEXT_MAX], got[NUMTEXT_MAX + 1];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    snprintf(want, sizeof want, fmt, v);
#pragma GCC diagnostic pop
    size_t n = numtext_put(got, fmt, numtext_precision(fmt), v);
    got[n] = '\0';
    if (strcmp(got, want) == 0)
        return 0;
    if (shown++ < 5)
        diag("%s of %.17g: got '%s', printf '%s'", fmt, v, got, want);
    return 1;
}

int
main(void)
{
    is_int(numtext_precision("%g"), 6, "%g is precision 6");
    is_int(numtext_precision("%.9g"), 9, "%.9g is precision 9");
    is_int(numtext_precision("%0.9g"), 9, "%0.9g is precision 9");
    is_int(numtext_precision("%.1g"), 1, "%.1g is precision 1");
    is_int(numtext_precision("%.12g"), 0, "%.12g goes to printf");
    is_int(numtext_precision("%10g"), 0, "%10g goes to printf");
    is_int(numtext_precision("%f"), 0, "%f goes to printf");
    is_int(numtext_precision("%G"), 0, "%G goes to printf");
    is_int(numtext_precision(NULL), 0, "no format goes to printf");

    static const char *const fmts[] = {"%g", "%.1g", "%.2g", "%.3g", "%.4g", "%.5g",
                                       "%.7g", "%.8g", "%.9g", "%0.9g", "%.12g", "%f",
                                       "%e", "%10.4g", "%-8g"};
    const int nf = (int)(sizeof fmts / sizeof fmts[0]);
    for (int f = 0; f < nf; f++) {
        int bad = 0;
        /* random mantissas over every exponent from 1e-40 to 1e40 */
        for (int i = 0; i < 60000; i++) {
            double m = (double)(next() >> 11) * 0x1p-53;
            int e = (int)(next() % 81) - 40;
            double v = (m + 0.1) * pow(10.0, e) * ((next() & 1) ? -1 : 1);
            bad += differs(fmts[f], v);
        }
        /* decimal ties and powers of ten at each precision: k + 0.5 units
         * of the last digit, and the values either side */
        for (int p = 1; p <= 9; p++)
            for (int e = -8; e <= 8; e++)
                for (int k = 0; k < 40; k++) {
                    double unit = pow(10.0, e - p + 1);
                    double v = (pow(10.0, p - 1) + (double)(next() % 9000) + 0.5) * unit;
                    bad += differs(fmts[f], v);
                    bad += differs(fmts[f], nextafter(v, 0));
                    bad += differs(fmts[f], nextafter(v, INFINITY));
                    bad += differs(fmts[f], pow(10.0, e) * (k % 2 ? 1 : -1));
                    bad += differs(fmts[f], nextafter(pow(10.0, e), 0));
                }
        static const double odd[] = {0.0, -0.0, 5e-324, -2.2e-308, 1e-30, 1e30, 1.7e308};
        for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
            bad += differs(fmts[f], odd[i]);
        bad += differs(fmts[f], INFINITY) + differs(fmts[f], -INFINITY) + differs(fmts[f], NAN);
        char name[64];
        snprintf(name, sizeof name, "%s: every value as printf writes it", fmts[f]);
        ok(bad == 0, name);
    }
    /* the Vm values a network writes: -0.1 .. 0.05 V */
    int bad = 0;
    for (int i = 0; i < 500000; i++) {
        double v = -0.1 + 0.15 * (double)(next() >> 11) * 0x1p-53;
        bad += differs("%.9g", v) + differs("%g", v);
    }
    ok(bad == 0, "membrane potentials with %.9g and %g");
    tap_done();
    return tap_failed != 0;
}
