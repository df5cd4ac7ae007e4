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

/* The hash below a word at a time (rng_key_hash(s, i, p, c) is
 * rng_key_step(rng_key_step(rng_key_step(rng_key_start(s), i), p), c)),
 * so that many draws sharing their first words hash those once. */
RNG_HD uint64_t
rng_key_start(uint64_t seed)
{
    uint64_t x = seed ^ 0x243f6a8885a308d3ULL;
    return rng_splitmix64(&x);
}

RNG_HD uint64_t
rng_key_step(uint64_t h, uint64_t word)
{
    uint64_t x = h ^ word;
    return rng_splitmix64(&x);
}

/* Four rounds of a splitmix-style mixer over the key words: every bit of
 * every word reaches every output bit. */
RNG_HD uint64_t
rng_key_hash(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    return rng_key_step(rng_key_step(rng_key_step(rng_key_start(seed), id), purpose), counter);
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
