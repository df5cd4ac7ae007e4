/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rng.h: random numbers. Two kinds:
 *  - a sequential stream (xoshiro256**) for script-level `rand`, seeded by
 *    randseed;
 *  - counter-based draws keyed by (seed, global identity, purpose, counter),
 *    so that a connection's or element's draw never depends on how the
 *    model is divided among ranks (DESIGN decision 9).
 */
#ifndef GS_RNG_H
#define GS_RNG_H

#include <stdint.h>

struct gs_rng {
    uint64_t s[4];
};

void rng_seed(struct gs_rng *r, uint64_t seed);
uint64_t rng_next(struct gs_rng *r);
/* Uniform in [0, 1). */
double rng_uniform(struct gs_rng *r);
/* Standard normal (Box-Muller on two uniforms). */
double rng_gauss(struct gs_rng *r);

/* A 64-bit hash of the key: the counter-based generator. */
uint64_t rng_key(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter);
/* Uniform in [0, 1) for the key. */
double rng_key_uniform(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter);
/* Standard normal for the key (uses counters 2c and 2c+1). */
double rng_key_gauss(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter);

#endif
