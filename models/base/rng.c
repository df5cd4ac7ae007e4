/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rng.c: gensh's sequential and counter-based random numbers, and
 * GENESIS 2.4's two generators written anew from their description
 * (rng.h; docs/random.md). The GENESIS generators are checked draw for
 * draw against numbers dumped from GENESIS's own code
 * (tests/unit/test_rng.c).
 */
#include "rng.h"
#include "rng_key.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t
splitmix64(uint64_t *x)
{
    return rng_splitmix64(x);
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
    return rng_unit(x);
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
    return rng_key_hash(seed, id, purpose, counter);
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

/* ---- GENESIS's generators -------------------------------------------- */

bool
rng_genesis(const struct gs_rng *r)
{
    return r->kind != GS_RNG_KEYED;
}

const char *
rng_kind_name(enum gs_rng_kind kind)
{
    switch (kind) {
    case GS_RNG_NR:
        return "nr";
    case GS_RNG_SPRNG:
        return "sprng";
    case GS_RNG_KEYED:
        break;
    }
    return "keyed";
}

bool
rng_kind_parse(const char *name, enum gs_rng_kind *out)
{
    static const enum gs_rng_kind kinds[] = {GS_RNG_KEYED, GS_RNG_NR, GS_RNG_SPRNG};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, rng_kind_name(kinds[i])) == 0) {
            *out = kinds[i];
            return true;
        }
    return false;
}

/*
 * ran1 (Numerical Recipes in C, first edition): three linear congruential
 * generators; the first two make the table entries (high and low part of
 * a fraction), the third picks which entry is returned and replaced. The
 * constants and the arithmetic follow GENESIS: long integers, and the
 * entry computed in double as (ix1 + ix2 / M2) / M1, then stored as float.
 */
enum {
    NR_M1 = 259200, NR_A1 = 7141, NR_C1 = 54773,
    NR_M2 = 134456, NR_A2 = 8121, NR_C2 = 28411,
    NR_M3 = 243000, NR_A3 = 4561, NR_C3 = 51349,
};

static float
ran1_entry(long ix1, long ix2)
{
    return (float)(((double)ix1 + (double)ix2 / NR_M2) / NR_M1);
}

static void
ran1_init(struct gs_ran1 *g, long idum)
{
    g->ready = true;
    g->ix1 = (NR_C1 - idum) % NR_M1; /* C's remainder: negative stays negative */
    g->ix1 = (NR_A1 * g->ix1 + NR_C1) % NR_M1;
    g->ix2 = g->ix1 % NR_M2;
    g->ix1 = (NR_A1 * g->ix1 + NR_C1) % NR_M1;
    g->ix3 = g->ix1 % NR_M3;
    for (int j = 1; j <= 97; j++) {
        g->ix1 = (NR_A1 * g->ix1 + NR_C1) % NR_M1;
        g->ix2 = (NR_A2 * g->ix2 + NR_C2) % NR_M2;
        g->table[j] = ran1_entry(g->ix1, g->ix2);
    }
}

float
rng_ran1_next(struct gs_ran1 *g)
{
    if (!g->ready)
        ran1_init(g, 0);
    g->ix1 = (NR_A1 * g->ix1 + NR_C1) % NR_M1;
    g->ix2 = (NR_A2 * g->ix2 + NR_C2) % NR_M2;
    g->ix3 = (NR_A3 * g->ix3 + NR_C3) % NR_M3;
    long j = 1 + (97 * g->ix3) / NR_M3;
    if (j < 1 || j > 97) /* only after a negative seed on first use */
        j = j < 1 ? 1 : 97;
    float out = g->table[j];
    g->table[j] = ran1_entry(g->ix1, g->ix2);
    return out;
}

/*
 * SPRNG 1's additive lagged Fibonacci generator (lfg), parameter set 0:
 * x[n] = x[n-1279] + x[n-861] mod 2^32 in two registers; a number is the
 * odd register (low bit cleared) xor the even one shifted right. The
 * registers are filled from a 64-bit shift register (primitive polynomial
 * x^64 + x^4 + x^3 + x + 1) started from the seed, as SPRNG's
 * init_rng(0, 1, seed, 0) does, and run 4 * 1279 steps before the first
 * number.
 */
#define LFG_K     861
#define LFG_FIRST 233        /* the word whose low bit is forced to 1 */
#define LFG_GS0   0x372f05acu

static uint32_t
parity(uint32_t x)
{
    return (uint32_t)__builtin_parity(x);
}

/* Steps the 64-bit register (two words) 64 times. */
static void
lfg_advance(uint32_t reg[2])
{
    static const uint32_t taps[4][2] = {
        {0xb0000000u, 0x1bu}, {0x60000000u, 0x2du}, {0xc0000000u, 0x5au}, {0x80000000u, 0xafu}};
    const uint32_t poly = 0x1b;
    uint32_t lo = 0, hi = 0, m = poly << 27;
    for (int i = 27; i >= 0; i--, m >>= 1) {
        lo = lo << 1 | parity(reg[0] & m);
        hi = hi << 1 | parity(reg[1] & m);
    }
    for (int i = 28; i < 32; i++) {
        lo |= (parity(reg[0] & (poly << i)) ^ parity(reg[1] & (poly >> (32 - i)))) << i;
        hi |= (parity(reg[0] & taps[i - 28][0]) ^ parity(reg[1] & taps[i - 28][1])) << i;
    }
    reg[0] = lo;
    reg[1] = hi;
}

/* One register's start: word 0 holds the stream index, the others the
 * shift register's low 31 bits, each shifted up by one. */
static void
lfg_fill(uint32_t *r, uint32_t index, uint32_t seed)
{
    uint32_t reg[2];
    reg[0] = reg[1] = index ^ seed;
    if (reg[0] == 0)
        reg[0] = LFG_GS0;
    lfg_advance(reg);
    lfg_advance(reg);
    r[0] = (index & 0x7fffffffu) << 1;
    for (int i = 1; i < GS_LFG_L - 1; i++) {
        lfg_advance(reg);
        r[i] = (reg[0] & 0x7fffffffu) << 1;
    }
    r[GS_LFG_L - 1] = 0;
    r[LFG_FIRST] |= 1;
}

/* One step of both registers at position hptr; returns the combined word. */
static uint32_t
lfg_step(struct gs_lfg *g, int h)
{
    int l = h + LFG_K;
    if (l >= GS_LFG_L)
        l -= GS_LFG_L;
    g->r0[h] += g->r0[l];
    g->r1[h] += g->r1[l];
    return (g->r1[h] & ~1u) ^ (g->r0[h] >> 1);
}

/* Two steps (SPRNG skips every other element); the two words. */
static void
lfg_pair(struct gs_lfg *g, uint32_t *w1, uint32_t *w2)
{
    int h = g->hptr;
    *w1 = lfg_step(g, h);
    h = h == 0 ? GS_LFG_L - 1 : h - 1;
    *w2 = lfg_step(g, h);
    g->hptr = h == 0 ? GS_LFG_L - 1 : h - 1;
}

void
rng_lfg_seed(struct gs_lfg *g, int seed)
{
    uint32_t s = ((uint32_t)seed & 0x7fffffffu) ^ LFG_GS0;
    lfg_fill(g->r0, 0, s);
    lfg_fill(g->r1, 1, s);
    g->hptr = GS_LFG_L - 1;
    g->ready = true;
    uint32_t a, b;
    for (int i = 0; i < 4 * GS_LFG_L; i++)
        lfg_pair(g, &a, &b);
}

double
rng_lfg_next(struct gs_lfg *g)
{
    if (!g->ready)
        rng_lfg_seed(g, 0);
    uint32_t w1, w2;
    lfg_pair(g, &w1, &w2);
    const double scale = 0x1.0p-32;
    return ((double)w2 * scale + (double)w1) * scale;
}

void
rng_genesis_seed(struct gs_rng *r, long seed)
{
    /* GENESIS passes -seed to ran1, which re-initialises only for a
     * negative argument (or the first time) and always draws one. */
    long idum = -seed;
    if (idum < 0 || !r->nr.ready)
        ran1_init(&r->nr, idum);
    (void)rng_ran1_next(&r->nr);
    rng_lfg_seed(&r->lfg, (int)seed);
}

float
rng_genesis_urandom(struct gs_rng *r)
{
    switch (r->kind) {
    case GS_RNG_NR:
        return rng_ran1_next(&r->nr);
    case GS_RNG_SPRNG:
        return (float)rng_lfg_next(&r->lfg);
    case GS_RNG_KEYED:
        break;
    }
    abort(); /* a caller drew GENESIS numbers with gensh's streams selected */
}

float
rng_genesis_rangauss(struct gs_rng *r, float mean, float var)
{
    struct gs_rangauss *c = &r->gauss;
    if (c->saved && c->mean == mean && c->var == var) {
        c->saved = false;
        return c->value;
    }
    float x, y, s;
    do {
        /* frandom(-1, 1) in float: u * 2 - 1 */
        x = rng_genesis_urandom(r) * 2.0f + -1.0f;
        y = rng_genesis_urandom(r) * 2.0f + -1.0f;
        s = x * x + y * y;
    } while (s >= 1.0f || s <= 0.0f);
    float fac = (float)sqrt(-2.0 * (double)var * log((double)s) / (double)s);
    c->value = x * fac + mean;
    c->mean = mean;
    c->var = var;
    c->saved = true;
    return y * fac + mean;
}
