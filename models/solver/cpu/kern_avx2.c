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
/* Every function here is compiled for these features (clang has no
 * GCC target pragma; its attribute push does the same). */
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#else
#pragma GCC target("avx2,fma")
#endif

#include <immintrin.h>

#include "kern_avx.h"

#define KERN_NAME gs_kern_group_avx2
#define KERN_BLOOKUP bundle_lookup_avx2
#define KERN_EXPBLOCK exp_block_avx2

#include "kern_body.h"
#ifdef __clang__
#pragma clang attribute pop
#endif
#else
typedef int gs_kern_avx2_unused;
#endif
