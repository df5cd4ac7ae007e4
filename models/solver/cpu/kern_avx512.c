/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_avx512.c: the group kernel (kern_body.h) for x86-64 with AVX-512
 * (F, DQ, VL): 512-bit vectors for the arithmetic, and each bundled gate
 * advanced in one pass (table lookup, exp, update) with its intermediates
 * in registers.
 */
#if defined(__x86_64__) && defined(__GNUC__)
/* Every function here is compiled for these features (clang has no
 * GCC target pragma; its attribute push does the same). */
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))), apply_to = function)
#else
#pragma GCC target("avx512f,avx512dq,avx512vl,avx2,fma")
#endif

#include <immintrin.h>

#include "kern_avx.h"

/* vm_exp_clamped of eight lanes (exp_block_avx2's method): each lane's
 * 16-byte table record loaded whole, two per 32-byte half, so the low half
 * holds lanes 0-3 and the high half lanes 4-7. */
static inline __attribute__((always_inline)) __m512d
exp8(__m512d x, const __m128i *rec)
{
    const __m512d lo = _mm512_set1_pd(-708.0), hi = _mm512_set1_pd(709.0);
    const __m512d shift = _mm512_set1_pd(VM_SHIFT);
    x = _mm512_min_pd(hi, _mm512_max_pd(lo, x));
    __m512d z = _mm512_add_pd(_mm512_mul_pd(x, _mm512_set1_pd(VM_INV_LN2N)), shift);
    __m512i ki = _mm512_castpd_si512(z);
    __m512d kd = _mm512_sub_pd(z, shift);
    __m512d r = _mm512_sub_pd(_mm512_sub_pd(x, _mm512_mul_pd(kd, _mm512_set1_pd(VM_LN2N_HI))),
                              _mm512_mul_pd(kd, _mm512_set1_pd(VM_LN2N_LO)));
    long long ix[8];
    _mm512_storeu_si512(ix, _mm512_and_si512(ki, _mm512_set1_epi64(VM_EXP_N - 1)));
#define GS_REC2(a, b)                                                                             \
    _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128(rec + ix[a])),                \
                            _mm_loadu_si128(rec + ix[b]), 1)
    __m256i u0 = GS_REC2(0, 2), v0 = GS_REC2(1, 3), u1 = GS_REC2(4, 6), v1 = GS_REC2(5, 7);
#undef GS_REC2
    __m512i sb = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_unpacklo_epi64(u0, v0)),
                                    _mm256_unpacklo_epi64(u1, v1), 1);
    __m512i tb = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_unpackhi_epi64(u0, v0)),
                                    _mm256_unpackhi_epi64(u1, v1), 1);
    __m512d s = _mm512_castsi512_pd(_mm512_add_epi64(sb, _mm512_slli_epi64(ki, 45)));
    __m512d q = _mm512_set1_pd(1.0 / 720.0);
    q = _mm512_add_pd(_mm512_mul_pd(q, r), _mm512_set1_pd(1.0 / 120.0));
    q = _mm512_add_pd(_mm512_mul_pd(q, r), _mm512_set1_pd(1.0 / 24.0));
    q = _mm512_add_pd(_mm512_mul_pd(q, r), _mm512_set1_pd(1.0 / 6.0));
    q = _mm512_add_pd(_mm512_mul_pd(q, r), _mm512_set1_pd(0.5));
    __m512d p = _mm512_add_pd(r, _mm512_mul_pd(_mm512_mul_pd(r, r), q));
    return _mm512_add_pd(s, _mm512_mul_pd(s, _mm512_add_pd(_mm512_castsi512_pd(tb), p)));
}

static inline __attribute__((always_inline)) void
exp_block_avx512(double *restrict out, const double *restrict in, const struct vm_exp_table *t)
{
    for (int j = 0; j < GS_BLK; j += 8)
        _mm512_storeu_pd(out + j, exp8(_mm512_loadu_pd(in + j), (const __m128i *)t->rec));
}

/* Gate K of a bundle over the block in one pass, eight cells at a time:
 * TabInterp's A and B from each cell's (A, A', B, B') record (eight
 * records loaded whole and transposed), then gate_update's exponential
 * Euler, with nothing stored in between. */
static inline __attribute__((always_inline)) void
gate_step_avx512(const struct gs_bundle *b, int k, const int *restrict row,
                 const double *restrict fr, double *restrict X, double dt,
                 const struct vm_exp_table *et)
{
    const double *rec = b->rec + 4 * k;
    /* lanes of (A_j, B_j) after the unpacks, for j = 0..7 */
    const __m512i pa = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
    const __m512i pb = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
    const __m512d one = _mm512_set1_pd(1.0), ndt = _mm512_set1_pd(-dt);
    for (int j = 0; j < GS_BLK; j += 8) {
#define GS_ROW2(a, b)                                                                             \
    _mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_loadu_pd(rec + row[j + a])),                \
                       _mm256_loadu_pd(rec + row[j + b]), 1)
        __m512d r04 = GS_ROW2(0, 4), r15 = GS_ROW2(1, 5), r26 = GS_ROW2(2, 6), r37 = GS_ROW2(3, 7);
#undef GS_ROW2
        __m512d t0 = _mm512_unpacklo_pd(r04, r15), t1 = _mm512_unpackhi_pd(r04, r15);
        __m512d t2 = _mm512_unpacklo_pd(r26, r37), t3 = _mm512_unpackhi_pd(r26, r37);
        __m512d f = _mm512_loadu_pd(fr + j);
        __m512d A = _mm512_add_pd(_mm512_mul_pd(f, _mm512_permutex2var_pd(t1, pa, t3)),
                                  _mm512_permutex2var_pd(t0, pa, t2));
        __m512d B = _mm512_add_pd(_mm512_mul_pd(f, _mm512_permutex2var_pd(t1, pb, t3)),
                                  _mm512_permutex2var_pd(t0, pb, t2));
        /* -B*dt, as gate_update's -B[j] * dt (negation is exact) */
        __m512d D = exp8(_mm512_mul_pd(B, ndt), (const __m128i *)et->rec);
        __m512d x = _mm512_loadu_pd(X + j);
        x = _mm512_add_pd(_mm512_mul_pd(x, D),
                          _mm512_mul_pd(_mm512_div_pd(A, B), _mm512_sub_pd(one, D)));
        _mm512_storeu_pd(X + j, x);
    }
}

#define KERN_NAME gs_kern_group_avx512
#define KERN_GATESTEP gate_step_avx512
#define KERN_EXPBLOCK exp_block_avx512

#include "kern_body.h"
#ifdef __clang__
#pragma clang attribute pop
#endif
#else
typedef int gs_kern_avx512_unused;
#endif
