/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interpol.c: the interpolation table shared by every tabulated field:
 * allocation on a grid, copies, and lookup with end clamping and linear
 * interpolation (GENESIS's rules: below xmin the first entry, at or above
 * xmax the last, otherwise entry i + fraction of the way to i + 1).
 */
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
    if (!(xmax > xmin))
        return gs_error(sim, "a table needs xmax > xmin, got xmin %g and xmax %g", xmin, xmax);
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
    if (ip->xdivs > 0 && ip->xmax != ip->xmin) {
        ip->dx = (ip->xmax - ip->xmin) / ip->xdivs;
        ip->invdx = 1.0 / ip->dx;
    } else {
        ip->dx = 0;
        ip->invdx = 0;
    }
}

double
interpol_lookup(const struct interpol *ip, double x)
{
    if (!ip || !ip->allocated)
        return 0;
    if (x <= ip->xmin)
        return ip->table[0];
    if (x >= ip->xmax)
        return ip->table[ip->xdivs];
    double pos = (x - ip->xmin) * ip->invdx;
    int i = (int)pos;
    if (i >= ip->xdivs) /* rounding at the top end */
        return ip->table[ip->xdivs];
    if (ip->calc_mode != INTERPOL_LIN)
        return ip->table[i];
    double frac = pos - i;
    return ip->table[i] + frac * (ip->table[i + 1] - ip->table[i]);
}
