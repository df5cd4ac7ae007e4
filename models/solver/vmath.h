/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vmath.h: the two transcendental operations of the neuron update, written
 * so that a compiler can vectorise loops that call them: exp() for the
 * exponential-Euler factor and integer powers for gate conductances.
 *
 * GENESIS calls the C library's exp() and pow(). Those are scalar calls
 * and would dominate the cost of a step, so the solver uses these instead.
 * Both aim at the correctly rounded result (what libm returns in all but
 * rare cases): exp() keeps its intermediate error near 2^-60 and the
 * powers use an FMA-exact square, so results differ from libm by at most
 * one unit in the last place and only for a small fraction of arguments
 * (tests/unit/test_vmath.c measures it). Everything here is plain C with
 * no branches on the data: table lookups, integer bit tricks, selects.
 *
 * Depends on nothing but <math.h>, <stdint.h> and <string.h>. The 2^(j/N)
 * table is built once per compiled model (vm_exp_table_init) and passed in,
 * so there is no global state.
 */
#ifndef GS_VMATH_H
#define GS_VMATH_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Every function here is also compiled for the CUDA backend's device
 * code (nvcc, no FMA contraction, no fast math), with the same bits. */
#if defined(__CUDACC__)
#define VM_INLINE static __host__ __device__ __forceinline__
#define VM_HD static inline __host__ __device__
#define VM_RESTRICT __restrict__
#elif defined(__GNUC__)
#define VM_INLINE static inline __attribute__((always_inline))
#define VM_HD static inline
#define VM_RESTRICT restrict
#else
#define VM_INLINE static inline
#define VM_HD static inline
#define VM_RESTRICT restrict
#endif

#define VM_EXP_BITS 7
#define VM_EXP_N (1 << VM_EXP_BITS)

/*
 * 2^(j/N), j = 0..N-1: as hi + lo, as the bits of hi less j << 45 (so that
 * adding k << 45 for k = mN + j gives the bits of 2^m hi), and lo/hi.
 */
struct vm_exp_table {
    double hi[VM_EXP_N];
    double lo[VM_EXP_N];
    uint64_t sbits[VM_EXP_N];
    double tail[VM_EXP_N];
    uint64_t rec[2 * VM_EXP_N]; /* sbits, bits of tail: one 16-byte load */
};

VM_INLINE uint64_t
vm_bits(double x)
{
#if defined(__CUDA_ARCH__)
    return (uint64_t)__double_as_longlong(x);
#else
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
#endif
}

VM_INLINE double
vm_double(uint64_t u)
{
#if defined(__CUDA_ARCH__)
    return __longlong_as_double((long long)u);
#else
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
#endif
}

/* Double-double arithmetic (value = hi + lo, |lo| <= ulp(hi)/2) for the
 * table below: plain IEEE double operations and fma, so the table has the
 * same bits on every machine (long double or libm's exp2 would not). */
struct vm_dd {
    double hi, lo;
};

VM_INLINE struct vm_dd
vm_dd_make(double hi, double lo)
{
    struct vm_dd r;
    r.hi = hi;
    r.lo = lo;
    return r;
}

VM_INLINE struct vm_dd
vm_dd_norm(double a, double b)
{
    double s = a + b;
    return vm_dd_make(s, b - (s - a));
}

VM_INLINE struct vm_dd
vm_dd_add(struct vm_dd x, struct vm_dd y)
{
    double s = x.hi + y.hi, v = s - x.hi;
    double e = (x.hi - (s - v)) + (y.hi - v);
    return vm_dd_norm(s, e + x.lo + y.lo);
}

VM_INLINE struct vm_dd
vm_dd_mul(struct vm_dd x, struct vm_dd y)
{
    double p = x.hi * y.hi;
    double e = fma(x.hi, y.hi, -p);
    return vm_dd_norm(p, e + (x.hi * y.lo + x.lo * y.hi));
}

/* Fills T with 2^(j/N) = exp(j ln2 / N) to about 100 bits: the Taylor
 * series of exp in double-double arithmetic (the argument is below ln 2,
 * 40 terms leave a remainder far below 2^-106). */
static inline void
vm_exp_table_init(struct vm_exp_table *t)
{
    const struct vm_dd ln2 = vm_dd_make(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);
    for (int j = 0; j < VM_EXP_N; j++) {
        /* j/N is exact in binary: x = ln2 * (j/N) */
        struct vm_dd x = vm_dd_mul(ln2, vm_dd_make((double)j / VM_EXP_N, 0.0));
        struct vm_dd sum = vm_dd_make(1.0, 0.0), term = vm_dd_make(1.0, 0.0);
        for (int k = 1; k <= 40; k++) {
            term = vm_dd_mul(term, x);
            /* term / k: divide, then correct by the residual */
            double q = term.hi / k;
            double r = fma(-q, (double)k, term.hi) + term.lo;
            term = vm_dd_norm(q, r / k);
            sum = vm_dd_add(sum, term);
        }
        t->hi[j] = sum.hi;
        t->lo[j] = sum.lo;
        t->sbits[j] = vm_bits(t->hi[j]) - ((uint64_t)j << 45);
        t->tail[j] = t->lo[j] / t->hi[j];
        t->rec[2 * j] = t->sbits[j];
        t->rec[2 * j + 1] = vm_bits(t->tail[j]);
    }
}

/* ln2/N split so that k*VM_LN2N_HI is exact for |k| < 2^21. */
#define VM_INV_LN2N 184.6649652337873       /* N / ln 2 */
#define VM_LN2N_HI 0x1.62e42fee00000p-8     /* ln2/N to 32 bits */
#define VM_LN2N_LO 0x1.a39ef35793c76p-40    /* ln2/N - hi */
#define VM_SHIFT 0x1.8p52                   /* adding it rounds to an integer */

/* p(r) = exp(r) - 1 = r + r^2/2 + ... + r^6/720 (truncation < 2^-69 for
 * |r| <= ln2/2N), Horner in r after the linear term. */
VM_INLINE double
vm_expm1_poly(double r)
{
    double q = 1.0 / 720.0;
    q = q * r + 1.0 / 120.0;
    q = q * r + 1.0 / 24.0;
    q = q * r + 1.0 / 6.0;
    q = q * r + 0.5;
    return r + (r * r) * q;
}

/*
 * exp(x) for -708 <= x <= 709 (normal results), all in 64-bit lanes so
 * that it vectorises on any SIMD unit: x = (k/N) ln 2 + r, k = mN + j;
 * 2^m 2^(j/N) is built by adding k << 45 to a table of exponent bits,
 * and exp(x) = s + s (lo/hi + p(r)) with s = 2^m hi.
 */
VM_INLINE double
vm_exp_fast(double x, const struct vm_exp_table *t)
{
    double z = x * VM_INV_LN2N + VM_SHIFT;
    uint64_t ki = vm_bits(z);
    double kd = z - VM_SHIFT;
    double r = (x - kd * VM_LN2N_HI) - kd * VM_LN2N_LO;
    uint64_t j = ki & (VM_EXP_N - 1);
    double s = vm_double(t->sbits[j] + (ki << 45));
    return s + s * (t->tail[j] + vm_expm1_poly(r));
}

/* exp(x) outside the fast range: the same reduction, the power of two
 * applied in two factors (so a subnormal result is rounded by the second
 * product), overflow, NaN. */
VM_HD double
vm_exp_edge(double x, const struct vm_exp_table *t)
{
    if (x != x)
        return x;
    if (x > 709.782712893384)
        return INFINITY;
    if (x < -745.2)
        return 0.0;
    double z = x * VM_INV_LN2N + VM_SHIFT;
    uint64_t ki = vm_bits(z);
    double kd = z - VM_SHIFT;
    double r = (x - kd * VM_LN2N_HI) - kd * VM_LN2N_LO;
    int j = (int)(ki & (VM_EXP_N - 1));
    int64_t k = (int64_t)(ki & 0xfffffffffffffULL) - (int64_t)0x8000000000000LL;
    int64_t m = (k - j) / VM_EXP_N;
    int64_t m1 = m / 2, m2 = m - m1;
    double v = t->hi[j] + t->hi[j] * (t->tail[j] + vm_expm1_poly(r));
    return v * vm_double((uint64_t)(m1 + 1023) << 52) * vm_double((uint64_t)(m2 + 1023) << 52);
}

VM_INLINE bool
vm_exp_in_range(double x)
{
    return x >= -708.0 && x <= 709.0;
}

/*
 * exp(x) with x clamped to [-708, 709]: branch-free and exact (as vm_exp)
 * inside that range; below it the result is exp(-708) = 3.3e-308 instead
 * of something smaller, above it 8.2e307 instead of more. The neuron
 * update uses it for exp(-B dt), where only that absolute difference of
 * at most 3.3e-308 is ever possible in practice.
 */
VM_INLINE double
vm_exp_clamped(double x, const struct vm_exp_table *t)
{
    double xc = x < -708.0 ? -708.0 : x;
    xc = xc > 709.0 ? 709.0 : xc;
    return vm_exp_fast(xc, t);
}

/* exp(x) for any double x. */
VM_INLINE double
vm_exp(double x, const struct vm_exp_table *t)
{
    return vm_exp_in_range(x) ? vm_exp_fast(x, t) : vm_exp_edge(x, t);
}

/*
 * OUT[i] = exp(IN[i]) for a block of N values: one vectorisable pass, then
 * the rare arguments outside the fast range again. Same bits as vm_exp.
 */
VM_INLINE void
vm_exp_block(double *VM_RESTRICT out, const double *VM_RESTRICT in, int n,
             const struct vm_exp_table *t)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        out[i] = vm_exp_fast(in[i], t);
        bad |= !vm_exp_in_range(in[i]);
    }
    if (bad)
        for (int i = 0; i < n; i++)
            if (!vm_exp_in_range(in[i]))
                out[i] = vm_exp_edge(in[i], t);
}

/*
 * x^3 and x^4 rounded once (to within 2^-100 before the final rounding),
 * which is what pow() returns for these integer exponents. x*x is exact as
 * hi + lo through fma.
 */
VM_INLINE double
vm_cube(double x)
{
    double p = x * x;
    double e = fma(x, x, -p);
    return fma(p, x, e * x);
}

VM_INLINE double
vm_pow4(double x)
{
    double p = x * x;
    double e = fma(x, x, -p);
    return fma(p, p, 2.0 * p * e);
}

#endif
