/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_avx.h: GENESIS's TabInterp on the merged tables of a bundle for a
 * block of cells, with AVX2: each cell's (A, A', B, B') record loaded as
 * one 32-byte vector and four records transposed at a time, where a
 * compiler would emit sixteen scalar loads. Same arithmetic as
 * bundle_lookup_c in kern_body.h (multiply and add stay separate).
 * Included only by files compiled for AVX2 or better.
 */
#ifndef GS_SOLVER_KERN_AVX_H
#define GS_SOLVER_KERN_AVX_H

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <immintrin.h>

#include "../model.h"
#include "../vmath.h"

/* A and B of gate K of a bundle at the positions: each cell's
 * (A, A', B, B') record loaded whole, four cells transposed at a time;
 * the arithmetic of bundle_lookup_c. */
static inline __attribute__((always_inline)) void
bundle_lookup_avx2(const struct gs_bundle *b, int k, const int *restrict row,
                   const double *restrict fr, double *restrict A, double *restrict B)
{
    const double *rec = b->rec + 4 * k;
    for (int j = 0; j < GS_BLK; j += 4) {
        __m256d r0 = _mm256_loadu_pd(rec + row[j]);
        __m256d r1 = _mm256_loadu_pd(rec + row[j + 1]);
        __m256d r2 = _mm256_loadu_pd(rec + row[j + 2]);
        __m256d r3 = _mm256_loadu_pd(rec + row[j + 3]);
        __m256d t0 = _mm256_unpacklo_pd(r0, r1);
        __m256d t1 = _mm256_unpackhi_pd(r0, r1);
        __m256d t2 = _mm256_unpacklo_pd(r2, r3);
        __m256d t3 = _mm256_unpackhi_pd(r2, r3);
        __m256d f = _mm256_loadu_pd(fr + j);
        _mm256_storeu_pd(A + j, _mm256_add_pd(_mm256_mul_pd(f, _mm256_permute2f128_pd(t1, t3, 0x20)),
                                              _mm256_permute2f128_pd(t0, t2, 0x20)));
        _mm256_storeu_pd(B + j, _mm256_add_pd(_mm256_mul_pd(f, _mm256_permute2f128_pd(t1, t3, 0x31)),
                                              _mm256_permute2f128_pd(t0, t2, 0x31)));
    }
}

/* vm_exp_clamped over a block, four lanes at a time: the same operations
 * in the same order, with each lane's (sbits, tail) record of the 2^(j/N)
 * table loaded as one 16-byte vector, two lanes per 32-byte register,
 * where a compiler would emit eight scalar loads. */
static inline __attribute__((always_inline)) void
exp_block_avx2(double *restrict out, const double *restrict in, const struct vm_exp_table *t)
{
    const __m256d lo = _mm256_set1_pd(-708.0), hi = _mm256_set1_pd(709.0);
    const __m256d inv = _mm256_set1_pd(VM_INV_LN2N), shift = _mm256_set1_pd(VM_SHIFT);
    const __m256d l2h = _mm256_set1_pd(VM_LN2N_HI), l2l = _mm256_set1_pd(VM_LN2N_LO);
    const __m128i *rec = (const __m128i *)t->rec;
    for (int j = 0; j < GS_BLK; j += 4) {
        /* x < -708 ? -708 : x, then > 709 ? 709 : x (NaN passes) */
        __m256d x = _mm256_min_pd(hi, _mm256_max_pd(lo, _mm256_loadu_pd(in + j)));
        __m256d z = _mm256_add_pd(_mm256_mul_pd(x, inv), shift);
        __m256i ki = _mm256_castpd_si256(z);
        __m256d kd = _mm256_sub_pd(z, shift);
        __m256d r = _mm256_sub_pd(_mm256_sub_pd(x, _mm256_mul_pd(kd, l2h)), _mm256_mul_pd(kd, l2l));
        long long ix[4];
        _mm256_storeu_si256((__m256i *)ix, _mm256_and_si256(ki, _mm256_set1_epi64x(VM_EXP_N - 1)));
        __m256i u = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128(rec + ix[0])),
                                            _mm_loadu_si128(rec + ix[2]), 1);
        __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128(rec + ix[1])),
                                            _mm_loadu_si128(rec + ix[3]), 1);
        __m256i sb = _mm256_unpacklo_epi64(u, v);
        __m256d tail = _mm256_castsi256_pd(_mm256_unpackhi_epi64(u, v));
        __m256d s = _mm256_castsi256_pd(_mm256_add_epi64(sb, _mm256_slli_epi64(ki, 45)));
        __m256d q = _mm256_set1_pd(1.0 / 720.0);
        q = _mm256_add_pd(_mm256_mul_pd(q, r), _mm256_set1_pd(1.0 / 120.0));
        q = _mm256_add_pd(_mm256_mul_pd(q, r), _mm256_set1_pd(1.0 / 24.0));
        q = _mm256_add_pd(_mm256_mul_pd(q, r), _mm256_set1_pd(1.0 / 6.0));
        q = _mm256_add_pd(_mm256_mul_pd(q, r), _mm256_set1_pd(0.5));
        __m256d p = _mm256_add_pd(r, _mm256_mul_pd(_mm256_mul_pd(r, r), q));
        _mm256_storeu_pd(out + j, _mm256_add_pd(s, _mm256_mul_pd(s, _mm256_add_pd(tail, p))));
    }
}

#endif
