/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * map.c: createmap: a two-dimensional array of copies of a prototype
 * element (usually a cell), numbered in row order and placed on a grid.
 * Each copy's whole subtree moves with it, so the spikegen and synchans
 * inside a cell carry the cell's grid position, which is what
 * planarconnect and planardelay measure. Positions are rounded to float
 * because GENESIS stores element coordinates as floats, and connection
 * masks and radial delays are computed from those values.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

/*
 * V rounded to float. Through a volatile: gcc 12.2's basic-block
 * vectorizer, given `p->x = (float)a; p->y = (float)b;`, drops both
 * double->float->double conversions at -O2 (a miscompile; loops are not
 * affected), and the coordinates must be GENESIS's floats.
 */
static double
to_float(double v)
{
    volatile float f = (float)v;
    return f;
}

/* Moves EL's subtree by (dx, dy, dz), keeping float coordinates. */
static void
shift(struct gs_element *el, double dx, double dy, double dz)
{
    el->x = to_float(el->x + dx);
    el->y = to_float(el->y + dy);
    el->z = to_float(el->z + dz);
    for (int i = 0; i < el->nchild; i++)
        shift(el->child[i], dx, dy, dz);
}

static enum gs_status
check(struct gs_sim *sim, const struct net_map *map)
{
    if (map->nx < 1 || map->ny < 1)
        return gs_error(sim, "the map needs at least 1 x 1 elements, got %d x %d", map->nx,
                        map->ny);
    if ((long long)map->nx * map->ny > GS_MAX_INDEX + 1LL)
        return gs_error(sim, "a %d x %d map has more than %d elements", map->nx, map->ny,
                        GS_MAX_INDEX + 1);
    if (!(map->dx >= 0) || !(map->dy >= 0) || !isfinite(map->dx) || !isfinite(map->dy))
        return gs_error(sim, "-delta expects spacings >= 0, got %g %g", map->dx, map->dy);
    if (!isfinite(map->x0) || !isfinite(map->y0))
        return gs_error(sim, "-origin expects finite coordinates, got %g %g", map->x0, map->y0);
    return GS_OK;
}

enum gs_status
net_createmap(struct gs_sim *sim, struct gs_element *src, const struct gs_class *cls,
              const char *name, struct gs_element *parent, const struct net_map *map)
{
    if (check(sim, map) != GS_OK)
        return GS_ERR;
    if (src && elem_is_ancestor(src, parent))
        return gs_error(sim, "cannot make a map of an element inside itself");
    int n = map->nx * map->ny;

    /* GENESIS replaces an earlier map of the same name; the prototype
     * itself cannot be one of the elements replaced. */
    for (int i = 0; i < parent->nchild; i++) {
        struct gs_element *c = parent->child[i];
        if (src && strcmp(c->name, name) == 0 && c->index < n && elem_is_ancestor(c, src)) {
            char *p = elem_path_str(c);
            enum gs_status st = gs_error(sim, "cannot replace '%s' by the map: the map's "
                                              "prototype is inside it", p);
            free(p);
            return st;
        }
    }
    bool replaced = false;
    for (int i = parent->nchild - 1; i >= 0; i--) {
        struct gs_element *c = parent->child[i];
        if (strcmp(c->name, name) == 0 && c->index < n) {
            elem_delete(sim, c);
            replaced = true;
        }
    }
    if (replaced)
        gs_warn(sim, "replaced the existing elements '%s[0-%d]'", name, n - 1);

    /* GENESIS parses the spacing and origin as floats and places copy
     * (ix, iy) at ix*dx + x0, iy*dy + y0 in double, stored as float. */
    double dx = to_float(map->dx), dy = to_float(map->dy);
    double x0 = to_float(map->x0), y0 = to_float(map->y0);
    struct gs_element **made = xcalloc((size_t)n, sizeof *made);
    enum gs_status st = GS_OK;
    int k = 0;
    for (int iy = 0; iy < map->ny && st == GS_OK; iy++)
        for (int ix = 0; ix < map->nx && st == GS_OK; ix++, k++) {
            struct gs_element *el;
            if (src)
                st = elem_copy(sim, src, parent, name, k, &el);
            else
                st = elem_create(sim, cls, parent, name, k, &el);
            if (st != GS_OK)
                break;
            made[k] = el;
            double z = src ? src->z : 0;
            double gx = to_float(ix * dx + x0), gy = to_float(iy * dy + y0);
            shift(el, gx - el->x, gy - el->y, z - el->z);
            el->x = gx;
            el->y = gy;
            el->z = z;
        }
    if (st != GS_OK)
        while (k-- > 0)
            if (made[k])
                elem_delete(sim, made[k]);
    free(made);
    return st;
}
