/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rng_key.h: the counter-based generator's hash (rng.h's rng_key and
 * rng_key_uniform), inline, so that the CUDA backend's device code draws
 * the same numbers from the same keys as the CPU (RNG_HD is
 * __host__ __device__ under nvcc). Depends on <stdint.h> only.
 */
#ifndef GS_RNG_KEY_H
#define GS_RNG_KEY_H

#include <stdint.h>

#if defined(__CUDACC__)
#define RNG_HD static inline __host__ __device__
#else
#define RNG_HD static inline
#endif

RNG_HD uint64_t
rng_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Four rounds of a splitmix-style mixer over the key words: every bit of
 * every word reaches every output bit. */
RNG_HD uint64_t
rng_key_hash(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    uint64_t x = seed ^ 0x243f6a8885a308d3ULL;
    uint64_t h = rng_splitmix64(&x);
    x = h ^ id;
    h = rng_splitmix64(&x);
    x = h ^ purpose;
    h = rng_splitmix64(&x);
    x = h ^ counter;
    return rng_splitmix64(&x);
}

/* The top 53 bits as a double in [0, 1). */
RNG_HD double
rng_unit(uint64_t x)
{
    return (double)(x >> 11) * 0x1.0p-53;
}

RNG_HD double
rng_key_unit(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    return rng_unit(rng_key_hash(seed, id, purpose, counter));
}

#endif
