/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_avx512.c: the group kernel (kern_body.h) for x86-64 with AVX-512
 * (F, DQ, VL): 512-bit vectors for the arithmetic, the AVX2 record lookup
 * of kern_avx.h for the tables.
 */
#if defined(__x86_64__) && defined(__GNUC__)
#pragma GCC target("avx512f,avx512dq,avx512vl,avx2,fma")

#include <immintrin.h>

#include "kern_avx.h"

#define KERN_NAME gs_kern_group_avx512
#define KERN_BLOOKUP bundle_lookup_avx2

#include "kern_body.h"
#else
typedef int gs_kern_avx512_unused;
#endif
