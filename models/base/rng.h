/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rng.h: random numbers. Three generators, one chosen by `setrand` (or the
 * -rng option) for the draws of scripts and objects:
 *  - gensh's own (the default, "keyed"): a sequential stream (xoshiro256**)
 *    for script-level `rand`/`gaussian`, seeded by randseed, and
 *    counter-based draws keyed by (seed, global identity, purpose,
 *    counter) for objects, so that a connection's or element's draw never
 *    depends on how the model is divided among ranks (DESIGN decision 9);
 *  - GENESIS 2.4's default generator (Numerical Recipes' ran1, as
 *    sim_random.c has it: three congruential generators and a 97-entry
 *    shuffle table, returning floats);
 *  - GENESIS 2.4's SPRNG generator (SPRNG 1's additive lagged Fibonacci
 *    generator with lags 1279 and 861, the library GENESIS links, used
 *    through its double-precision draw and rounded to float).
 * With either GENESIS generator every draw comes from one sequence in the
 * order GENESIS makes it (docs/random.md says where gensh's order
 * differs), so a serial run reproduces a GENESIS run draw for draw.
 */
#ifndef GS_RNG_H
#define GS_RNG_H

#include <stdbool.h>
#include <stdint.h>

enum gs_rng_kind {
    GS_RNG_KEYED = 0, /* gensh's streams (the default) */
    GS_RNG_NR,        /* GENESIS's Numerical Recipes ran1 (GENESIS's default) */
    GS_RNG_SPRNG,     /* GENESIS's SPRNG lagged Fibonacci generator */
};

/* Numerical Recipes ran1 as GENESIS 2.4 runs it. */
struct gs_ran1 {
    bool ready;       /* false: the next draw initialises from idum 0 */
    long ix1, ix2, ix3;
    float table[98];  /* entries 1..97 are used */
};

/* SPRNG 1's lagged Fibonacci generator: two registers of 1279 words. */
#define GS_LFG_L 1279
struct gs_lfg {
    bool ready;       /* false: the next draw seeds it with 0 first */
    int hptr;
    uint32_t r0[GS_LFG_L], r1[GS_LFG_L];
};

/* GENESIS's rangauss keeps the second deviate of each Box-Muller pair for
 * the next call with the same mean and variance. */
struct gs_rangauss {
    bool saved;
    float value, mean, var;
};

struct gs_rng {
    uint64_t s[4];             /* gensh's sequential stream */
    enum gs_rng_kind kind;     /* which generator scripts and objects draw from */
    struct gs_ran1 nr;
    struct gs_lfg lfg;
    struct gs_rangauss gauss;
};

/* gensh's sequential stream. rng_seed seeds only this stream. */
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

/* --- GENESIS's generators ------------------------------------------------ */

/* Is one of GENESIS's generators selected (draws must then come, in
 * GENESIS's order, from rng_genesis_urandom)? */
bool rng_genesis(const struct gs_rng *r);
/* The kind's name: "keyed", "nr" or "sprng"; and back (false: no such). */
const char *rng_kind_name(enum gs_rng_kind kind);
bool rng_kind_parse(const char *name, enum gs_rng_kind *out);
/* GENESIS's randseed: seeds both GENESIS generators, whichever is
 * selected. ran1 is re-initialised only by a positive seed (or on first
 * use), and one number is drawn and dropped, as GENESIS does; SPRNG takes
 * the low 31 bits of (int)seed. */
void rng_genesis_seed(struct gs_rng *r, long seed);
/* GENESIS's urandom()/G_RNG(): the selected GENESIS generator's next
 * number, a float in [0, 1] (SPRNG's double is rounded to float). */
float rng_genesis_urandom(struct gs_rng *r);
/* The generators themselves, whatever is selected (for tests). */
float rng_ran1_next(struct gs_ran1 *g);
double rng_lfg_next(struct gs_lfg *g);
void rng_lfg_seed(struct gs_lfg *g, int seed);
/* GENESIS's rangauss(mean, var): Box-Muller (polar form) on urandom, in
 * GENESIS's float arithmetic, with its one saved deviate. */
float rng_genesis_rangauss(struct gs_rng *r, float mean, float var);

#endif
