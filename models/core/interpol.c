/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interpol.c: the interpolation table shared by every tabulated field:
 * allocation on a grid, copies, and lookup with end clamping and linear
 * interpolation (GENESIS's rules: below xmin the first entry, at or above
 * xmax the last, otherwise entry i + fraction of the way to i + 1).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interpol.h"

struct interpol *
interpol_new(void)
{
    struct interpol *ip = xcalloc(1, sizeof *ip);
    ip->calc_mode = INTERPOL_LIN;
    ip->sx = ip->sy = 1.0;
    return ip;
}

void
interpol_free(struct interpol *ip)
{
    if (!ip)
        return;
    free(ip->table);
    free(ip);
}

struct interpol *
interpol_dup(const struct interpol *ip)
{
    if (!ip)
        return NULL;
    struct interpol *c = xmalloc(sizeof *c);
    *c = *ip;
    if (ip->table) {
        size_t n = (size_t)ip->xdivs + 1;
        c->table = xreallocarray(NULL, n, sizeof *c->table);
        memcpy(c->table, ip->table, n * sizeof *c->table);
    }
    return c;
}

enum gs_status
interpol_alloc(struct gs_sim *sim, struct interpol *ip, int xdivs, double xmin, double xmax)
{
    if (xdivs < 1)
        return gs_error(sim, "a table needs at least 1 division, got %d", xdivs);
    /* xmin == xmax is allowed, as in GENESIS: scripts use such a table as
     * a plain array (TABCREATE n 0 0) */
    if (!(xmax >= xmin))
        return gs_error(sim, "a table needs xmax >= xmin, got xmin %g and xmax %g", xmin, xmax);
    if ((size_t)xdivs + 1 > ((size_t)1 << 31) / sizeof(double))
        return gs_error(sim, "a table of %d divisions is too large", xdivs);
    double *t = gs_try_alloc(((size_t)xdivs + 1) * sizeof *t);
    if (!t)
        return gs_error(sim, "cannot allocate a table of %d divisions", xdivs);
    memset(t, 0, ((size_t)xdivs + 1) * sizeof *t);
    free(ip->table);
    ip->table = t;
    ip->xdivs = xdivs;
    ip->xmin = xmin;
    ip->xmax = xmax;
    ip->allocated = true;
    interpol_update(ip);
    return GS_OK;
}

void
interpol_update(struct interpol *ip)
{
    if (ip->xdivs > 0) {
        ip->dx = (ip->xmax - ip->xmin) / ip->xdivs;
        /* As GENESIS: a degenerate range gets invdx 1 rather than infinity. */
        ip->invdx = fabs(ip->dx) > 1e-50 ? 1.0 / ip->dx : 1.0;
    } else {
        ip->dx = 0;
        ip->invdx = 1.0;
    }
}

double
interpol_lookup(const struct interpol *ip, double x)
{
    if (!ip || !ip->allocated || !ip->table)
        return 0;
    switch (ip->calc_mode) {
    case INTERPOL_NONE: {
        /* Truncation toward zero, then clamping, as GENESIS does. */
        int i = (int)((x - ip->xmin) * ip->invdx);
        if (i < 0)
            return ip->table[0];
        if (i > ip->xdivs)
            return ip->table[ip->xdivs];
        return ip->table[i];
    }
    case INTERPOL_LIN: {
        double pos = (x - ip->xmin) * ip->invdx;
        if (pos <= 0.0)
            return ip->table[0];
        if (pos >= ip->xdivs)
            return ip->table[ip->xdivs];
        int i = (int)pos;
        double lo = ip->table[i];
        return (pos - (double)i) * (ip->table[i + 1] - lo) + lo;
    }
    case INTERPOL_FIXED:
        return ip->oy;
    default:
        break;
    }
    return 0;
}

void
interpol_scale(struct interpol *ip, double sx, double sy, double ox, double oy)
{
    /* New y = oy + (old y - old oy) * sy / old sy; the x range maps the same
     * way, so the table keeps its shape under the new scales and offsets. */
    if ((oy != ip->oy || sy != ip->sy) && ip->table) {
        double k = fabs(ip->sy) < 1e-30 ? 1.0 : sy / ip->sy;
        for (int i = 0; i <= ip->xdivs; i++)
            ip->table[i] = oy + (ip->table[i] - ip->oy) * k;
    }
    if (ip->sx != 0) {
        ip->xmin = ox + (ip->xmin - ip->ox) * sx / ip->sx;
        ip->xmax = ox + (ip->xmax - ip->ox) * sx / ip->sx;
    }
    ip->sx = sx;
    ip->sy = sy;
    ip->ox = ox;
    ip->oy = oy;
    interpol_update(ip);
}

/* Value at fractional position POS of the old table T (N intervals), linear. */
static double
lin_at(const double *t, int n, double pos)
{
    int i = (int)pos;
    if (i >= n)
        return t[n];
    return (pos - i) * (t[i + 1] - t[i]) + t[i];
}

enum gs_status
interpol_fill(struct gs_sim *sim, struct interpol *ip, int npts, int mode)
{
    if (!ip || !ip->allocated)
        return gs_error(sim, "the table has not been allocated (TABCREATE first)");
    if (npts < 3)
        return gs_error(sim, "TABFILL needs at least 3 divisions, got %d", npts);
    if (mode != INTERPOL_FILL_BSPLINE && mode != INTERPOL_FILL_LINEAR)
        return gs_error(sim, "TABFILL mode %d is not available (0: B-spline, 2: linear)", mode);
    double *nt = gs_try_alloc(((size_t)npts + 1) * sizeof *nt);
    if (!nt)
        return gs_error(sim, "cannot allocate a table of %d divisions", npts);
    const double *t = ip->table;
    int n = ip->xdivs;
    double step = (double)n / npts;
    for (int j = 0; j <= npts; j++) {
        double pos = j * step;
        int i = (int)pos;
        if (mode == INTERPOL_FILL_BSPLINE && i >= 2 && i <= n - 2) {
            /* Uniform cubic B-spline through t[i-1..i+2] (needs one point on
             * each side, so the two ends stay linear). */
            double u = pos - i, u2 = u * u, u3 = u2 * u;
            double b0 = (1 - u) * (1 - u) * (1 - u) / 6.0;
            double b1 = (3 * u3 - 6 * u2 + 4) / 6.0;
            double b2 = (-3 * u3 + 3 * u2 + 3 * u + 1) / 6.0;
            double b3 = u3 / 6.0;
            nt[j] = b0 * t[i - 1] + b1 * t[i] + b2 * t[i + 1] + b3 * t[i + 2];
        } else {
            nt[j] = lin_at(t, n, pos);
        }
    }
    free(ip->table);
    ip->table = nt;
    ip->xdivs = npts;
    interpol_update(ip);
    return GS_OK;
}
