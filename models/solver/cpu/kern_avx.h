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

/* A and B of gate K of a bundle at the positions: each cell's
 * (A, A', B, B') record loaded whole, four cells transposed at a time;
 * the arithmetic of bundle_lookup_c. */
static inline __attribute__((always_inline)) void
bundle_lookup_avx2(const struct gs_bundle *b, int k, const int *restrict idx,
                   const double *restrict fr, double *restrict A, double *restrict B)
{
    const int w = 4 * b->ngate;
    const double *rec = b->rec + 4 * k;
    for (int j = 0; j < GS_BLK; j += 4) {
        __m256d r0 = _mm256_loadu_pd(rec + idx[j] * w);
        __m256d r1 = _mm256_loadu_pd(rec + idx[j + 1] * w);
        __m256d r2 = _mm256_loadu_pd(rec + idx[j + 2] * w);
        __m256d r3 = _mm256_loadu_pd(rec + idx[j + 3] * w);
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

#endif
