/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_avx2.c: the group kernel (kern_body.h) for x86-64 with AVX2 and
 * FMA (FMA only as the compiler's choice of instructions for explicit
 * fma() calls; contraction stays off). The table lookup loads each cell's
 * 32-byte record (A, dA, B, dB) whole and transposes four records at a
 * time, instead of the eight scalar loads per cell a compiler emits for
 * the gathers; the arithmetic is TabInterp's.
 */
#if defined(__x86_64__) && defined(__GNUC__)
#pragma GCC target("avx2,fma")

#include <immintrin.h>

#include "kern_avx.h"

#define KERN_NAME gs_kern_group_avx2
#define KERN_BLOOKUP bundle_lookup_avx2
#define KERN_EXPBLOCK exp_block_avx2

#include "kern_body.h"
#else
typedef int gs_kern_avx2_unused;
#endif
