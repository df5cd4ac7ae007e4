/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xo_look.c: what a graph and a view look like, in pixels, whoever draws
 * them: the Tk layer on the screen (tk/tk_draw.c) and the pictures that
 * PRINT writes (xo_print.c). One place decides the plot area, the ticks
 * and their labels, which plots a graph shows and the colour of a value,
 * so that a picture shows what the window shows.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/model.h"
#include "xo_int.h"

/* A number field of EL (0 when it has none). */
static double
num_field(struct gs_element *el, const char *name)
{
    const struct gs_field *f = class_field(el->cls, name);
    if (!f || f->type != GS_REAL)
        return 0;
    return *(const double *)((const char *)el + f->offset);
}

void
xo_graph_area(struct gs_element *graph, int w, int h, struct xo_area *a)
{
    double lim[4];
    xgraph_limits(graph, lim);
    a->xmin = lim[0];
    a->xmax = lim[1];
    a->ymin = lim[2];
    a->ymax = lim[3];
    if (!(a->xmax > a->xmin))
        a->xmax = a->xmin + 1;
    if (!(a->ymax > a->ymin))
        a->ymax = a->ymin + 1;
    a->l = 58;
    a->r = w - 12;
    a->t = 24;
    a->b = h - 30;
    if (a->r < a->l + 10)
        a->r = a->l + 10;
    if (a->b < a->t + 10)
        a->b = a->t + 10;
    /* A short graph (the tutorial's injection strip) labels its ends only. */
    a->nyticks = a->b - a->t >= 80 ? 5 : 1;
}

void
xo_draw_area(struct gs_element *draw, int w, int h, struct xo_area *a)
{
    a->xmin = num_field(draw, "xmin");
    a->xmax = num_field(draw, "xmax");
    a->ymin = num_field(draw, "ymin");
    a->ymax = num_field(draw, "ymax");
    if (!(a->xmax > a->xmin))
        a->xmax = a->xmin + 1;
    if (!(a->ymax > a->ymin))
        a->ymax = a->ymin + 1;
    a->l = 0;
    a->r = w;
    a->t = 0;
    a->b = h;
    a->nyticks = 0;
}

double
xo_area_x(const struct xo_area *a, double x)
{
    return a->l + (x - a->xmin) / (a->xmax - a->xmin) * (a->r - a->l);
}

double
xo_area_y(const struct xo_area *a, double y)
{
    double v = a->b - (y - a->ymin) / (a->ymax - a->ymin) * (a->b - a->t);
    /* Off-scale values stay at the edge of the plot area. */
    return v < a->t - 1 ? a->t - 1 : v > a->b + 1 ? a->b + 1 : v;
}

void
xo_tick(const struct xo_area *a, int axis, int i, double *pos, char *label, size_t n)
{
    int nt = axis == 0 ? XO_NXTICKS : a->nyticks;
    double step = axis == 0 ? (a->xmax - a->xmin) / nt : (a->ymax - a->ymin) / nt;
    double v = (axis == 0 ? a->xmin : a->ymin) + i * step;
    *pos = axis == 0 ? a->l + i * (a->r - a->l) / nt : a->b - i * (a->b - a->t) / nt;
    if (fabs(v) < step * 1e-6)
        v = 0;
    snprintf(label, n, "%.3g", v);
}

int
xo_graph_plots(struct gs_element *graph, struct xplot **out, int max)
{
    int n = 0;
    for (int i = 0; i < graph->nchild && n < max; i++) {
        struct gs_element *c = graph->child[i];
        if (c->cls == &xplot_class)
            out[n++] = (struct xplot *)c;
        else if (strcmp(c->name, "xoverlay") == 0)
            for (int j = 0; j < c->nchild && n < max; j++)
                if (c->child[j]->cls == &xplot_class)
                    out[n++] = (struct xplot *)c->child[j];
    }
    return n;
}

int
xo_value_color(double v, double lo, double hi)
{
    if (!(hi > lo))
        hi = lo + 1;
    double t = (v - lo) / (hi - lo);
    return !(t > 0) ? 0 : t >= 1 ? XO_NCOLORS - 1 : (int)(t * (XO_NCOLORS - 1) + 0.5);
}

void
xo_scale_rgb(const char *scale, int i, unsigned char rgb[3])
{
    double t = (double)i / (XO_NCOLORS - 1), r, g, b;
    if (strcmp(scale, "grey") == 0) {
        r = g = b = t;
    } else if (strcmp(scale, "hot") == 0 || strcmp(scale, "redhot") == 0) {
        r = t < 0.4 ? t / 0.4 : 1;
        g = t < 0.4 ? 0 : t < 0.8 ? (t - 0.4) / 0.4 : 1;
        b = t < 0.8 ? 0 : (t - 0.8) / 0.2;
    } else {
        /* rainbow (the default): blue, cyan, green, yellow, red */
        double h = (1 - t) * 4;
        int s = (int)h;
        double f = h - s;
        switch (s) {
        case 0:
            r = 1, g = f, b = 0;
            break;
        case 1:
            r = 1 - f, g = 1, b = 0;
            break;
        case 2:
            r = 0, g = 1, b = f;
            break;
        case 3:
            r = 0, g = 1 - f, b = 1;
            break;
        default:
            r = 0, g = 0, b = 1;
            break;
        }
    }
    rgb[0] = (unsigned char)(r * 255 + 0.5);
    rgb[1] = (unsigned char)(g * 255 + 0.5);
    rgb[2] = (unsigned char)(b * 255 + 0.5);
}

const char *
xo_colorscale_name(const struct gs_sim *sim)
{
    return sim->model->colorscale[0] ? sim->model->colorscale : "rainbow";
}

void
xo_view_box(const struct xo_area *a, const struct xview_pts *p, int i, double box[4])
{
    double sx = (a->r - a->l) / (a->xmax - a->xmin), sy = (a->b - a->t) / (a->ymax - a->ymin);
    double hx = p->size * sx / 2, hy = p->size * sy / 2;
    double cx = a->l + (p->x[i] - a->xmin) * sx, cy = a->b - (p->y[i] - a->ymin) * sy;
    if (hx < 1)
        hx = 1;
    if (hy < 1)
        hy = 1;
    box[0] = cx - hx;
    box[1] = cy - hy;
    box[2] = cx + hx;
    box[3] = cy + hy;
}
