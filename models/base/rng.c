/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rng.c: sequential and counter-based random numbers (see rng.h). */
#include "rng.h"

#include <math.h>

static uint64_t
splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void
rng_seed(struct gs_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

uint64_t
rng_next(struct gs_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static double
to_unit(uint64_t x)
{
    return (double)(x >> 11) * 0x1.0p-53;
}

double
rng_uniform(struct gs_rng *r)
{
    return to_unit(rng_next(r));
}

static double
box_muller(double u1, double u2)
{
    /* u1 in (0, 1]: log never sees 0. */
    return sqrt(-2.0 * log(1.0 - u1)) * cos(2.0 * M_PI * u2);
}

double
rng_gauss(struct gs_rng *r)
{
    double u1 = rng_uniform(r), u2 = rng_uniform(r);
    return box_muller(u1, u2);
}

uint64_t
rng_key(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    /* Four rounds of a splitmix-style mixer over the key words: every bit
     * of every word reaches every output bit. */
    uint64_t x = seed ^ 0x243f6a8885a308d3ULL;
    uint64_t h = splitmix64(&x);
    x = h ^ id;
    h = splitmix64(&x);
    x = h ^ purpose;
    h = splitmix64(&x);
    x = h ^ counter;
    return splitmix64(&x);
}

double
rng_key_uniform(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    return to_unit(rng_key(seed, id, purpose, counter));
}

double
rng_key_gauss(uint64_t seed, uint64_t id, uint64_t purpose, uint64_t counter)
{
    return box_muller(rng_key_uniform(seed, id, purpose, 2 * counter),
                      rng_key_uniform(seed, id, purpose, 2 * counter + 1));
}
