/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * geom.c: connection masks (box, ellipse, ellipsoid; masks and holes) and
 * the identities that key the network's random draws. Mask semantics are
 * GENESIS's newconn rules: a box holds its boundary; an ellipse with
 * centre c and semi-axes r holds the points with sum((p-c)^2/r^2) <= 1;
 * a point is in a region when some mask covers it and no hole does.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

static bool
parse_number(const char *s, double *out)
{
    char *end;
    if (!s || !*s)
        return false;
    double v = strtod(s, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Is WORD a non-empty prefix of FULL (GENESIS lets "b" stand for "box")? */
static bool
prefix_of(const char *word, const char *full)
{
    size_t n = strlen(word);
    return n > 0 && strncmp(word, full, n) == 0;
}

enum gs_status
net_region_add(struct gs_sim *sim, struct net_region *r, int dim, bool hole, const char *opt,
               int argc, const char *const *argv)
{
    const char *ell = dim == 3 ? "ellipsoid" : "ellipse";
    struct net_mask m = {.hole = hole};
    if (argc < 1)
        return gs_error(sim, "%s expects a shape (box or %s) and %d numbers", opt, ell, 2 * dim);
    if (prefix_of(argv[0], "box"))
        m.shape = NET_BOX;
    else if (prefix_of(argv[0], ell))
        m.shape = NET_ELLIPSE;
    else
        return gs_error(sim, "%s expects the shape box or %s, got '%s'", opt, ell, argv[0]);
    if (argc - 1 != 2 * dim)
        return gs_error(sim, "%s %s expects %d numbers (%s), got %d", opt,
                        m.shape == NET_BOX ? "box" : ell, 2 * dim,
                        m.shape == NET_BOX
                            ? (dim == 3 ? "xmin ymin zmin xmax ymax zmax" : "xmin ymin xmax ymax")
                            : (dim == 3 ? "x y z rx ry rz" : "x y rx ry"),
                        argc - 1);
    for (int i = 0; i < 2 * dim; i++) {
        double v;
        if (!parse_number(argv[1 + i], &v))
            return gs_error(sim, "%s expects numbers, got '%s'", opt, argv[1 + i]);
        if (i < dim)
            m.a[i] = v;
        else
            m.b[i - dim] = v;
    }
    for (int i = 0; i < dim; i++) {
        if (m.shape == NET_BOX && m.a[i] > m.b[i])
            return gs_error(sim, "%s box: the minimum %c (%g) exceeds the maximum (%g)", opt,
                            "xyz"[i], m.a[i], m.b[i]);
        if (m.shape == NET_ELLIPSE) {
            if (m.b[i] == 0)
                return gs_error(sim, "%s %s: the %c semi-axis must not be 0", opt, ell,
                                "xyz"[i]);
            m.b[i] = fabs(m.b[i]); /* GENESIS squares it */
        }
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 4;
        r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
    }
    r->v[r->n++] = m;
    return GS_OK;
}

void
net_region_free(struct net_region *r)
{
    free(r->v);
    r->v = NULL;
    r->n = r->cap = 0;
}

static bool
mask_has(const struct net_mask *m, int dim, const double *p)
{
    if (m->shape == NET_BOX) {
        for (int i = 0; i < dim; i++)
            if (!(p[i] >= m->a[i] && p[i] <= m->b[i]))
                return false;
        return true;
    }
    double s = 0;
    for (int i = 0; i < dim; i++) {
        double d = p[i] - m->a[i];
        s += d * d / (m->b[i] * m->b[i]);
    }
    return s <= 1.0;
}

bool
net_region_has(const struct net_region *r, int dim, double x, double y, double z)
{
    const double p[3] = {x, y, z};
    bool in = false;
    for (int i = 0; i < r->n; i++)
        if (mask_has(&r->v[i], dim, p)) {
            if (r->v[i].hole)
                return false;
            in = true;
        }
    return in;
}

bool
net_region_bounds(const struct net_region *r, int dim, double *lo, double *hi)
{
    bool any = false;
    for (int i = 0; i < r->n; i++) {
        const struct net_mask *m = &r->v[i];
        if (m->hole)
            continue;
        for (int k = 0; k < dim; k++) {
            double a = m->shape == NET_BOX ? m->a[k] : m->a[k] - m->b[k];
            double b = m->shape == NET_BOX ? m->b[k] : m->a[k] + m->b[k];
            lo[k] = any ? fmin(lo[k], a) : a;
            hi[k] = any ? fmax(hi[k], b) : b;
        }
        any = true;
    }
    return any;
}

/* ---- identities --------------------------------------------------------- */

static uint64_t
mix64(uint64_t h, uint64_t v)
{
    /* splitmix64's finaliser over h ^ v: every input bit reaches every
     * output bit, so (name, index) pairs do not collide in practice. */
    uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t
hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t
net_gid(const struct gs_element *el)
{
    if (!el || !el->parent)
        return 0x6a09e667f3bcc908ULL; /* the root */
    return mix64(mix64(net_gid(el->parent), hash_str(el->name)), (uint64_t)el->index);
}

uint64_t
net_hash_words(int argc, const char *const *argv)
{
    uint64_t h = 0x243f6a8885a308d3ULL;
    for (int i = 0; i < argc; i++)
        h = mix64(h, hash_str(argv[i]));
    return h;
}
