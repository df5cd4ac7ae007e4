/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * values.c: synaptic weights and delays set by rule (planarweight,
 * planardelay, volumeweight, volumedelay, syndelay): a fixed value, a
 * distance over a conduction velocity, or an exponential decay with
 * distance, plus an optional random part, as GENESIS's newconn does it
 * (values are floats; the random part is relative unless -absoluterandom;
 * a result below zero becomes zero).
 *
 * Every random part is drawn from counter-based streams keyed by the
 * connection (source and destination identities and the number of earlier
 * synapses between the same two elements), never from a shared sequence;
 * unless setrand chose one of GENESIS's generators: then each synapse
 * draws that generator's next numbers, in GENESIS's order (sources in
 * order, each source's SPIKE messages in order; syndelay: channels in
 * order, each one's synapses in order). All values are computed before the
 * first is written.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

#define PURPOSE_WEIGHT 0x57474854u /* "WGHT" */
#define PURPOSE_DELAY  0x444c4159u /* "DLAY" */
#define TINY           1e-20       /* a gaussian maximum below this adds nothing */
#define MAX_DRAWS      100000      /* rejection draws before giving up on a bound */
#define MAX_DELAY_STEPS 16777216.0 /* 2^24 steps of clock 0: longer is a mistake */

static bool
bad(double v)
{
    return !isfinite(v);
}

enum gs_status
net_value_check(struct gs_sim *sim, const struct net_value *v)
{
    const char *what = v->delay ? "delay" : "weight";
    if (bad(v->v) || bad(v->rate) || bad(v->vmax) || bad(v->vmin) || bad(v->r1) || bad(v->r2))
        return gs_error(sim, "the %s options need finite numbers", what);
    switch (v->rule) {
    case NET_V_FIXED:
        if (v->delay && v->v < 0)
            return gs_error(sim, "a delay must be >= 0 s, got %g", v->v);
        if (v->delay) {
            double dt = sim->model->clock[0];
            if (dt > 0 && v->v / dt > MAX_DELAY_STEPS)
                return gs_error(sim, "a delay of %g s is %.0f steps of clock 0 (%g s); at most "
                                     "%.0f steps are supported",
                                v->v, v->v / dt, dt, MAX_DELAY_STEPS);
        }
        break;
    case NET_V_RADIAL:
        if (!(v->v > 0))
            return gs_error(sim, "-radial expects a conduction velocity > 0 m/s, got %g", v->v);
        break;
    case NET_V_DECAY:
        break;
    }
    switch (v->rand) {
    case NET_R_NONE:
    case NET_R_UNIFORM:
        break;
    case NET_R_GAUSSIAN:
        if (v->r1 < 0)
            return gs_error(sim, "-gaussian expects a standard deviation >= 0, got %g", v->r1);
        break;
    case NET_R_EXPONENTIAL:
        if (!(v->r1 > 0))
            return gs_error(sim, "-exponential expects a 1/e point > 0, got %g", v->r1);
        if (!(v->r2 > 0))
            return gs_error(sim, "-exponential expects a maximum > 0, got %g", v->r2);
        break;
    }
    return GS_OK;
}

static enum gs_status
never_within(struct gs_sim *sim, const struct net_value *v)
{
    return gs_error(sim, "-%s %g %g: the random part never fell within its maximum in %d "
                         "draws; the maximum is too small",
                    v->rand == NET_R_GAUSSIAN ? "gaussian" : "exponential", v->r1, v->r2,
                    MAX_DRAWS);
}

/* The random part from GENESIS's generator: randomize_value's float
 * arithmetic and draws (uniform: frandom(-a1, a1); gaussian: rangauss(0,
 * a1 * a1) until |s| <= |a2|; exponential: a1 * -log(u), u > 0, until
 * s <= a2). */
static enum gs_status
genesis_part(struct gs_sim *sim, const struct net_value *v, float *out)
{
    struct gs_rng *g = &sim->rng;
    float a1 = (float)v->r1, a2 = (float)v->r2;
    switch (v->rand) {
    case NET_R_NONE:
        *out = 0;
        return GS_OK;
    case NET_R_UNIFORM:
        *out = rng_genesis_urandom(g) * (a1 - -a1) + -a1;
        return GS_OK;
    case NET_R_GAUSSIAN:
        if (fabsf(a2) < TINY) {
            *out = 0;
            return GS_OK;
        }
        for (int k = 0; k < MAX_DRAWS; k++) {
            float s = rng_genesis_rangauss(g, 0.0f, a1 * a1);
            if (fabsf(s) <= fabsf(a2)) {
                *out = s;
                return GS_OK;
            }
        }
        break;
    case NET_R_EXPONENTIAL:
        for (int k = 0; k < MAX_DRAWS; k++) {
            float x;
            do
                x = rng_genesis_urandom(g);
            while (x == 0.0f);
            float y = (float)-log((double)x);
            float s = a1 * y;
            if (s <= a2) {
                *out = s;
                return GS_OK;
            }
        }
        break;
    }
    return GS_ERR;
}

/* The random part (GENESIS randomize_value), drawn for connection KEY (or
 * from GENESIS's generator when setrand chose one). */
static enum gs_status
random_part(struct gs_sim *sim, const struct net_value *v, uint64_t key, float *out)
{
    uint64_t seed = sim->opt.seed, purpose = v->delay ? PURPOSE_DELAY : PURPOSE_WEIGHT;
    float a1 = (float)v->r1, a2 = (float)v->r2;
    if (rng_genesis(&sim->rng))
        return genesis_part(sim, v, out) == GS_OK ? GS_OK : never_within(sim, v);
    switch (v->rand) {
    case NET_R_NONE:
        *out = 0;
        return GS_OK;
    case NET_R_UNIFORM: {
        double u = rng_key_uniform(seed, key, purpose, 0);
        *out = (float)(-a1 + 2.0 * a1 * u);
        return GS_OK;
    }
    case NET_R_GAUSSIAN:
        if (fabsf(a2) < TINY) {
            *out = 0;
            return GS_OK;
        }
        for (uint64_t k = 0; k < MAX_DRAWS; k++) {
            float s = (float)(a1 * rng_key_gauss(seed, key, purpose, k));
            if (fabsf(s) <= fabsf(a2)) {
                *out = s;
                return GS_OK;
            }
        }
        break;
    case NET_R_EXPONENTIAL:
        for (uint64_t k = 0; k < MAX_DRAWS; k++) {
            double u = 1.0 - rng_key_uniform(seed, key, purpose, k); /* (0, 1] */
            float s = (float)(a1 * -log(u));
            if (s <= a2) {
                *out = s;
                return GS_OK;
            }
        }
        break;
    }
    return never_within(sim, v);
}

static double
distance(const struct net_vsource *a, const struct gs_element *b, int dim)
{
    double dx = a->x - b->x, dy = a->y - b->y, dz = dim == 3 ? a->z - b->z : 0;
    return sqrt(dx * dx + dy * dy + dz * dz);
}

/* The new value of one synapse from SRC to DST (KEY: its draws). */
static enum gs_status
value_of(struct gs_sim *sim, const struct net_value *v, const struct net_vsource *src,
         const struct gs_element *dst, uint64_t key, float old, float *out)
{
    float x;
    switch (v->rule) {
    case NET_V_RADIAL:
        x = (float)(distance(src, dst, v->dim) / v->v);
        break;
    case NET_V_DECAY:
        x = (float)((v->vmax - v->vmin) * exp(-v->rate * distance(src, dst, v->dim)) + v->vmin);
        break;
    case NET_V_FIXED:
    default:
        x = (float)v->v;
        break;
    }
    if (v->rand != NET_R_NONE) {
        float r = 0;
        if (random_part(sim, v, key, &r) != GS_OK)
            return GS_ERR;
        x = v->absolute ? x + r : x + x * r;
        if (x <= 0)
            x = 0;
    }
    *out = v->add ? old + x : x;
    double dt = sim->model->clock[0];
    if (v->delay && dt > 0 && *out / dt > MAX_DELAY_STEPS)
        return gs_error(sim, "a delay of %g s is %.0f steps of clock 0 (%g s); at most %.0f "
                             "steps are supported",
                        *out, *out / dt, dt, MAX_DELAY_STEPS);
    return GS_OK;
}

/* A planned write. */
struct plan {
    float *where;
    float value;
};

struct plans {
    struct plan *v;
    size_t n, cap;
};

static void
plan_add(struct plans *p, float *where, float value)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 1024;
        p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
    }
    p->v[p->n++] = (struct plan){where, value};
}

static void
commit(struct gs_sim *sim, struct plans *p, size_t *n)
{
    /* A compiled model holds the synapses' values: it is released (its
     * state kept) and rebuilt from the values written here before the
     * next step. */
    if (p->n > 0 && sim->model->compiled)
        model_changed(sim->model);
    for (size_t i = 0; i < p->n; i++)
        *p->v[i].where = p->v[i].value;
    if (n)
        *n = p->n;
    free(p->v);
}

static int
cmp_dst(const void *a, const void *b)
{
    const struct gs_msg *const *x = a, *const *y = b;
    uintptr_t p = (uintptr_t)(*x)->dst, q = (uintptr_t)(*y)->dst;
    return (p > q) - (p < q);
}

/* The keys of the synapses in OUT[0..N) (one source's, in message order):
 * each is the pair of identities and the number of earlier synapses
 * between the same two elements. */
static void
synapse_keys(uint64_t gsrc, struct gs_msg **out, size_t n, uint64_t salt, uint64_t *keys)
{
    struct gs_msg **sorted = xcalloc(n + 1, sizeof *sorted);
    memcpy(sorted, out, n * sizeof *out);
    /* Sorted by destination only to see quickly whether a destination
     * appears more than once; ordinals are counted in OUT's order. */
    qsort(sorted, n, sizeof *sorted, cmp_dst);
    for (size_t i = 0; i < n; i++) {
        const struct gs_element *d = out[i]->dst;
        /* earlier messages in OUT with the same destination */
        uint64_t ord = 0;
        size_t lo = 0, hi = n;
        while (lo < hi) { /* first in SORTED with this dst */
            size_t mid = (lo + hi) / 2;
            if ((uintptr_t)sorted[mid]->dst < (uintptr_t)d)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo + 1 < n && sorted[lo + 1]->dst == d)
            for (size_t k = 0; k < i; k++)
                ord += out[k]->dst == d;
        keys[i] = rng_key(salt, gsrc, net_gid(d), ord);
    }
    free(sorted);
}

enum gs_status
net_set_values(struct gs_sim *sim, const struct net_value *v, const struct gs_elist *src,
               const struct gs_elist *dst, size_t *n)
{
    struct net_vsource *vs = xcalloc(src->n + 1, sizeof *vs);
    for (size_t i = 0; i < src->n; i++) {
        struct gs_element *e = src->v[i];
        vs[i] = (struct net_vsource){e, e->x, e->y, e->z, net_gid(e)};
    }
    enum gs_status st = net_set_values_from(sim, v, vs, src->n, dst, n);
    free(vs);
    return st;
}

enum gs_status
net_set_values_from(struct gs_sim *sim, const struct net_value *v, const struct net_vsource *src,
                    size_t nsrc, const struct gs_elist *dst, size_t *n)
{
    if (n)
        *n = 0;
    if (net_value_check(sim, v) != GS_OK)
        return GS_ERR;
    if (dst)
        for (size_t j = 0; j < dst->n; j++)
            dst->v[j]->flags |= GS_EL_MARK;
    struct plans pl = {0};
    struct net_syncache cache = {0};
    struct gs_msg **syn = NULL;
    uint64_t *keys = NULL;
    size_t cap = 0;
    enum gs_status st = GS_OK;
    for (size_t i = 0; i < nsrc && st == GS_OK; i++) {
        struct gs_element *s = src[i].el;
        size_t ns = 0;
        if ((size_t)s->nout > cap) {
            cap = 2 * (size_t)s->nout;
            syn = xreallocarray(syn, cap, sizeof *syn);
            keys = xreallocarray(keys, cap, sizeof *keys);
        }
        for (int k = 0; k < s->nout; k++) {
            struct gs_msg *m = s->out[k];
            if (net_is_synapse(m) && (!dst || (m->dst->flags & GS_EL_MARK)))
                syn[ns++] = m;
        }
        if (ns == 0)
            continue;
        if (v->rand != NET_R_NONE)
            synapse_keys(src[i].gid, syn, ns, v->salt, keys);
        for (size_t k = 0; k < ns && st == GS_OK; k++) {
            struct net_synref r;
            float x;
            if (net_synapse_cached(sim, &cache, syn[k], &r) != GS_OK) {
                st = GS_ERR;
                break;
            }
            float *where = v->delay ? r.delay : r.weight;
            st = value_of(sim, v, &src[i], syn[k]->dst, v->rand != NET_R_NONE ? keys[k] : 0, *where,
                          &x);
            if (st == GS_OK)
                plan_add(&pl, where, x);
        }
    }
    if (dst)
        for (size_t j = 0; j < dst->n; j++)
            dst->v[j]->flags &= ~(unsigned)GS_EL_MARK;
    free(syn);
    free(keys);
    if (st != GS_OK) {
        free(pl.v);
        return GS_ERR;
    }
    commit(sim, &pl, n);
    return GS_OK;
}

enum gs_status
net_syndelay(struct gs_sim *sim, const struct net_value *v, const struct gs_elist *chans,
             size_t *n)
{
    if (n)
        *n = 0;
    if (net_value_check(sim, v) != GS_OK)
        return GS_ERR;
    struct plans pl = {0};
    struct net_syncache cache = {0};
    for (size_t i = 0; i < chans->n; i++) {
        struct gs_element *c = chans->v[i];
        if (!class_in(c->cls, "synchannel"))
            continue;
        uint64_t gc = net_gid(c);
        int spike = class_msg_index(c->cls, "SPIKE"), k = 0;
        for (int j = 0; j < c->nin; j++) {
            struct gs_msg *m = c->in[j];
            if (m->type != spike)
                continue;
            struct net_synref r;
            float x;
            struct net_vsource vs = {m->src, m->src->x, m->src->y, m->src->z, 0};
            if (net_synapse_cached(sim, &cache, m, &r) != GS_OK
                || value_of(sim, v, &vs, c, rng_key(v->salt, gc, (uint64_t)k, 0), *r.delay,
                            &x) != GS_OK) {
                free(pl.v);
                return GS_ERR;
            }
            plan_add(&pl, r.delay, x);
            k++;
        }
    }
    commit(sim, &pl, n);
    return GS_OK;
}
