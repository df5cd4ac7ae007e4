/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * numtext.c: printf's %.Ng by hand. printf's conversion costs more than
 * the whole model step when a file gets many columns a step (a Vm column
 * per cell), and it was a tenth of the run time of the rsnet tutorial.
 *
 * The N significant digits come from one product (or quotient) of |v| and
 * an exact power of ten: that is one rounding, so it is within 2^-53 of
 * the exact value, which for N <= 9 is below 1.2e-7 in units of the last
 * digit. Rounded to an integer it gives printf's digits unless it lies
 * within 1e-6 of a rounding tie or of a power of ten; those values, and
 * zero, infinities, NaN and the extremes, are left to printf.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "numtext.h"

/* Every power of ten up to 1e22 is a double. */
static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

int
numtext_precision(const char *fmt)
{
    if (!fmt || fmt[0] != '%')
        return 0;
    if (strcmp(fmt, "%g") == 0)
        return 6;
    const char *p = fmt + 1;
    if (*p == '0')
        p++;
    if (p[0] == '.' && p[1] >= '1' && p[1] <= '9' && p[2] == 'g' && p[3] == '\0')
        return p[1] - '0';
    return 0;
}

static size_t
by_printf(char *out, const char *fmt, double v)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    int n = snprintf(out, NUMTEXT_MAX, fmt, v);
#pragma GCC diagnostic pop
    return n < 0 ? 0 : n >= NUMTEXT_MAX ? NUMTEXT_MAX - 1 : (size_t)n;
}

/* The PREC digits of |V| rounded as printf rounds them, as an integer
 * 10^(PREC-1) <= *DIGITS < 10^PREC, and the decimal exponent; false when
 * the product is too near a tie or a boundary to be sure. */
static bool
digits_of(double a, int prec, long *digits, int *exp10)
{
    /* The decimal exponent from the binary one (log10 costs as much as the
     * rest): at most one off, which the loop puts right. */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int ex = (int)(bits >> 52) - 1022; /* a = m 2^ex, 0.5 <= m < 1 (a is normal) */
    int e = (int)floor((ex - 1) * 0.30102999566398120);
    const double lo = pow10_exact[prec - 1], hi = pow10_exact[prec];
    double s = 0;
    for (int tries = 0;; tries++) {
        int k = prec - 1 - e;
        if (tries == 3 || k > 22 || k < -22)
            return false;
        s = k >= 0 ? a * pow10_exact[k] : a / pow10_exact[-k];
        if (s < lo)
            e--;
        else if (s >= hi)
            e++;
        else
            break;
    }
    long n = (long)s; /* s is positive: the cast is floor */
    double frac = s - (double)n;
    if (fabs(frac - 0.5) < 1e-6 || s < lo + 1e-6 || s > hi - 1e-6)
        return false;
    n += frac > 0.5;
    if (n == (long)hi) {
        n = (long)lo;
        e++;
    }
    *digits = n;
    *exp10 = e;
    return true;
}

size_t
numtext_put(char *out, const char *fmt, int prec, double v)
{
    double a = v < 0 ? -v : v;
    long n;
    int x; /* the exponent of the E style */
    if (prec < 1 || prec > 9 || !(a >= 1e-30 && a < 1e30) || !digits_of(a, prec, &n, &x))
        return by_printf(out, fmt, v);
    char d[9];
    for (int i = prec - 1; i >= 0; i--) {
        d[i] = (char)('0' + n % 10);
        n /= 10;
    }
    int nd = prec; /* significant digits left after dropping trailing zeros */
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    char *p = out;
    if (v < 0)
        *p++ = '-';
    if (x >= -4 && x < prec) {
        if (x >= 0) {
            for (int i = 0; i <= x; i++)
                *p++ = d[i];
            if (nd > x + 1) {
                *p++ = '.';
                for (int i = x + 1; i < nd; i++)
                    *p++ = d[i];
            }
        } else {
            *p++ = '0';
            *p++ = '.';
            for (int i = 0; i < -x - 1; i++)
                *p++ = '0';
            for (int i = 0; i < nd; i++)
                *p++ = d[i];
        }
    } else {
        *p++ = d[0];
        if (nd > 1) {
            *p++ = '.';
            for (int i = 1; i < nd; i++)
                *p++ = d[i];
        }
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            *p++ = (char)('0' + ax / 100);
        *p++ = (char)('0' + ax / 10 % 10);
        *p++ = (char)('0' + ax % 10);
    }
    return (size_t)(p - out);
}
