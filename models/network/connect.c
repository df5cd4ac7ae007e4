/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * connect.c: planarconnect and volumeconnect (GENESIS newconn semantics):
 * SPIKE messages from spiking sources inside the source region to
 * synchannels inside the destination region, the latter optionally
 * relative to each source, each pair kept with a given probability.
 *
 * GENESIS tests every source against every destination, which is
 * quadratic; here the destinations are binned on a grid once, and
 * each source visits only the bins its destination region can reach. The
 * candidates are then taken in destination-list order, so the messages
 * (and so every synchan's synapse numbering) come out exactly as
 * GENESIS's loops make them. rvolumeconnect (interp/commands/cmd_rvolume.c)
 * chooses its pairs with the same code (net_choose), from positions that
 * may come from another node.
 *
 * All pairs are chosen before any message is added: a refused command
 * leaves the model as it was.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

#define PURPOSE_CONNECT 0x434f4e4eu /* "CONN" */

/* Destinations binned on a grid over their extent: x and y, and z too for
 * volumeconnect when the destinations spread in z (a sheet is binned in
 * x-y alone, a stack of layers in all three). */
struct grid {
    int dims;              /* axes binned: 2 or 3 */
    int nb[3];             /* bins along each axis (1 for an axis not binned) */
    double o[3], c[3];     /* origin and bin size, m */
    int *first;            /* bins + 1: bin b holds idx[first[b]..first[b+1]) */
    int *idx;              /* destination list positions, ascending within a bin */
};

static int
clampi(double v, int hi)
{
    if (!(v > 0)) /* also NaN */
        return 0;
    if (v >= hi)
        return hi - 1;
    return (int)v;
}

static double
coord(const struct net_point *p, int a)
{
    return a == 0 ? p->x : a == 1 ? p->y : p->z;
}

static size_t
bin_of(const struct grid *g, const struct net_point *p)
{
    size_t b = 0;
    for (int a = g->dims - 1; a >= 0; a--)
        b = b * (size_t)g->nb[a] + (size_t)clampi((coord(p, a) - g->o[a]) / g->c[a], g->nb[a]);
    return b;
}

static void
grid_build(struct grid *g, int dim, const struct net_point *dst, size_t n)
{
    double lo[3], hi[3];
    g->dims = dim == 3 ? 3 : 2;
    g->nb[2] = 1;
    g->o[2] = 0;
    g->c[2] = 1;
    int spread = 0;
    for (int a = 0; a < g->dims; a++) {
        lo[a] = INFINITY;
        hi[a] = -INFINITY;
        for (size_t j = 0; j < n; j++) {
            lo[a] = fmin(lo[a], coord(&dst[j], a));
            hi[a] = fmax(hi[a], coord(&dst[j], a));
        }
        spread += hi[a] > lo[a];
    }
    /* About one destination per bin, as many bins along each axis that
     * has an extent. */
    int side = spread ? (int)ceil(pow((double)n, 1.0 / spread) - 1e-9) : 1;
    if (side < 1)
        side = 1;
    size_t nb = 1;
    for (int a = 0; a < g->dims; a++) {
        g->nb[a] = hi[a] > lo[a] ? side : 1;
        g->o[a] = lo[a];
        g->c[a] = g->nb[a] > 1 ? (hi[a] - lo[a]) / g->nb[a] : 1;
        nb *= (size_t)g->nb[a];
    }
    g->first = xcalloc(nb + 1, sizeof *g->first);
    g->idx = xcalloc(n + 1, sizeof *g->idx);
    size_t *bin = xcalloc(n + 1, sizeof *bin);
    for (size_t j = 0; j < n; j++) {
        bin[j] = bin_of(g, &dst[j]);
        g->first[bin[j] + 1]++;
    }
    for (size_t b = 0; b < nb; b++)
        g->first[b + 1] += g->first[b];
    int *fill = xcalloc(nb + 1, sizeof *fill);
    for (size_t j = 0; j < n; j++)
        g->idx[g->first[bin[j]] + fill[bin[j]]++] = (int)j;
    free(fill);
    free(bin);
}

static void
grid_free(struct grid *g)
{
    free(g->first);
    free(g->idx);
}

static int
cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void
pairs_add(struct net_pairs *p, int s, int d)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 1024;
        p->s = xreallocarray(p->s, p->cap, sizeof *p->s);
        p->d = xreallocarray(p->d, p->cap, sizeof *p->d);
    }
    p->s[p->n] = s;
    p->d[p->n++] = d;
}

void
net_pairs_free(struct net_pairs *p)
{
    free(p->s);
    free(p->d);
    *p = (struct net_pairs){0};
}

/* The candidate destinations of a source whose destination region, in
 * absolute coordinates, lies within LO..HI (one value per binned axis):
 * every destination list position that may be inside, ascending. Returns
 * false when the whole list should be scanned instead. */
static bool
candidates(const struct grid *g, const double *lo, const double *hi, size_t ndst, int **buf,
           size_t *cap, size_t *nc)
{
    int b0[3] = {0, 0, 0}, b1[3] = {0, 0, 0};
    for (int a = 0; a < g->dims; a++) {
        b0[a] = clampi((lo[a] - g->o[a]) / g->c[a], g->nb[a]);
        b1[a] = clampi((hi[a] - g->o[a]) / g->c[a], g->nb[a]);
    }
    /* runs of consecutive bins along x, one per (y, z) */
    size_t count = 0;
    for (int bz = b0[2]; bz <= b1[2]; bz++)
        for (int by = b0[1]; by <= b1[1]; by++) {
            size_t row = ((size_t)bz * (size_t)g->nb[1] + (size_t)by) * (size_t)g->nb[0];
            count += (size_t)(g->first[row + (size_t)b1[0] + 1] - g->first[row + (size_t)b0[0]]);
        }
    if (count * 4 > ndst) /* most of them: a plain scan is cheaper than sorting */
        return false;
    if (count > *cap) {
        *cap = 2 * count;
        *buf = xreallocarray(*buf, *cap, sizeof **buf);
    }
    size_t k = 0;
    for (int bz = b0[2]; bz <= b1[2]; bz++)
        for (int by = b0[1]; by <= b1[1]; by++) {
            size_t row = ((size_t)bz * (size_t)g->nb[1] + (size_t)by) * (size_t)g->nb[0];
            for (int i = g->first[row + (size_t)b0[0]]; i < g->first[row + (size_t)b1[0] + 1]; i++)
                (*buf)[k++] = g->idx[i];
        }
    if (b1[0] > b0[0] || b1[1] > b0[1] || b1[2] > b0[2])
        qsort(*buf, k, sizeof **buf, cmp_int);
    *nc = k;
    return true;
}

/* Is the pair kept (the probability draw, keyed by the pair)? */
static bool
keep(const struct net_connect *c, uint64_t seed, uint64_t gsrc, uint64_t gdst)
{
    if (c->probability >= 1.0)
        return true;
    if (c->grng) /* GENESIS: urandom() <= pconnect */
        return (double)rng_genesis_urandom(c->grng) <= c->probability;
    uint64_t pair = rng_key(c->salt, gsrc, PURPOSE_CONNECT, gdst);
    return rng_key_uniform(seed, pair, PURPOSE_CONNECT, 0) < c->probability;
}

void
net_choose(const struct net_connect *c, uint64_t seed, const struct net_point *src, size_t nsrc,
           const struct net_point *dst, size_t ndst, struct net_pairs *out)
{
    int dim = c->dim;
    double blo[3] = {0}, bhi[3] = {0};
    if (!net_region_bounds(&c->dst, dim, blo, bhi) || ndst == 0)
        return; /* only holes: no destination can be inside */
    struct grid g;
    grid_build(&g, dim, dst, ndst);
    int *cand = NULL;
    size_t capc = 0;
    for (size_t i = 0; i < nsrc; i++) {
        const struct net_point *s = &src[i];
        if (!net_region_has(&c->src, dim, s->x, s->y, s->z))
            continue;
        double ox = c->relative ? s->x : 0, oy = c->relative ? s->y : 0;
        double oz = c->relative ? s->z : 0;
        const double org[3] = {ox, oy, oz};
        double lo[3], hi[3];
        /* A little wider than the masks: the mask test subtracts the
         * source position, which may round the other way. */
        for (int a = 0; a < g.dims; a++) {
            lo[a] = blo[a] + org[a];
            hi[a] = bhi[a] + org[a];
            double eps = 1e-9 * (fabs(lo[a]) + fabs(hi[a]) + g.c[a]);
            lo[a] -= eps;
            hi[a] += eps;
        }
        size_t nc = 0;
        bool sparse = candidates(&g, lo, hi, ndst, &cand, &capc, &nc);
        size_t n = sparse ? nc : ndst;
        for (size_t k = 0; k < n; k++) {
            int j = sparse ? cand[k] : (int)k;
            const struct net_point *d = &dst[j];
            if (!net_region_has(&c->dst, dim, d->x - ox, d->y - oy, d->z - oz))
                continue;
            if (keep(c, seed, s->gid, d->gid))
                pairs_add(out, (int)i, j);
        }
    }
    free(cand);
    grid_free(&g);
}

enum gs_status
net_connect_check(struct gs_sim *sim, const struct net_connect *c)
{
    if (c->src.n < 1 || c->dst.n < 1)
        return gs_error(sim, "at least one source mask (-sourcemask or -sourcehole) and one "
                             "destination mask (-destmask or -desthole) are needed");
    if (!(c->probability >= 0) || !isfinite(c->probability))
        return gs_error(sim, "-probability expects a number >= 0, got %g", c->probability);
    return GS_OK;
}

enum gs_status
net_check_dests(struct gs_sim *sim, const struct gs_elist *dst, const char *prefix)
{
    for (size_t j = 0; j < dst->n; j++)
        if (!class_in(dst->v[j]->cls, "synchannel")) {
            char *p = elem_path_str(dst->v[j]);
            enum gs_status st = gs_error(sim,
                                         "%sdestination '%s' is a %s, not a synaptic channel "
                                         "(class synchannel, e.g. synchan)",
                                         prefix ? prefix : "", p, dst->v[j]->cls->name);
            free(p);
            return st;
        }
    return GS_OK;
}

static enum gs_status
check(struct gs_sim *sim, const struct net_connect *c, const struct gs_elist *src,
      const struct gs_elist *dst)
{
    if (net_connect_check(sim, c) != GS_OK || net_check_dests(sim, dst, NULL) != GS_OK)
        return GS_ERR;
    for (size_t i = 0; i < src->n; i++)
        if (class_in(src->v[i]->cls, "spiking"))
            return GS_OK;
    if (src->n == 1) {
        char *p = elem_path_str(src->v[0]);
        enum gs_status st = gs_error(sim,
                                     "source '%s' is a %s, not a spike source (class spiking, "
                                     "e.g. spikegen)",
                                     p, src->v[0]->cls->name);
        free(p);
        return st;
    }
    return gs_error(sim, "none of the %zu source elements is a spike source (class spiking, "
                         "e.g. spikegen)", src->n);
}

enum gs_status
net_add_pairs(struct gs_sim *sim, struct gs_element *const *src, struct gs_element *const *dst,
              const struct net_pairs *pr)
{
    enum gs_status st = GS_OK;
    struct gs_msg **added = pr->n ? xcalloc(pr->n, sizeof *added) : NULL;
    size_t k = 0;
    for (; k < pr->n; k++)
        if (msg_add(sim, src[pr->s[k]], dst[pr->d[k]], "SPIKE", 0, NULL, &added[k]) != GS_OK) {
            st = GS_ERR;
            break;
        }
    if (st != GS_OK) /* undo, newest first, so nothing is left half connected */
        while (k-- > 0)
            msg_delete(sim, added[k]);
    free(added);
    return st;
}

enum gs_status
net_connect(struct gs_sim *sim, const struct net_connect *c, const struct gs_elist *src,
            const struct gs_elist *dst, size_t *made)
{
    if (made)
        *made = 0;
    if (check(sim, c, src, dst) != GS_OK)
        return GS_ERR;
    /* The spike sources, as points; the identities key the draws, so they
     * are only worked out when there are draws. */
    bool draws = c->probability < 1.0;
    struct gs_element **sel = xcalloc(src->n + 1, sizeof *sel);
    struct net_point *sp = xcalloc(src->n + 1, sizeof *sp);
    struct net_point *dp = xcalloc(dst->n + 1, sizeof *dp);
    size_t ns = 0;
    for (size_t i = 0; i < src->n; i++) {
        struct gs_element *s = src->v[i];
        if (!class_in(s->cls, "spiking"))
            continue;
        sel[ns] = s;
        sp[ns++] = (struct net_point){s->x, s->y, s->z, draws ? net_gid(s) : 0};
    }
    for (size_t j = 0; j < dst->n; j++) {
        const struct gs_element *d = dst->v[j];
        dp[j] = (struct net_point){d->x, d->y, d->z, draws ? net_gid(d) : 0};
    }
    struct net_pairs pr = {0};
    struct net_connect cc = *c;
    cc.grng = rng_genesis(&sim->rng) ? &sim->rng : NULL;
    net_choose(&cc, sim->opt.seed, sp, ns, dp, dst->n, &pr);
    enum gs_status st = net_add_pairs(sim, sel, dst->v, &pr);
    if (st == GS_OK && made)
        *made = pr.n;
    net_pairs_free(&pr);
    free(sel);
    free(sp);
    free(dp);
    return st;
}
