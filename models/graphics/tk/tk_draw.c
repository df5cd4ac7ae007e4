/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tk_draw.c: what graphs and draws show on their Tk canvases, and saving
 * a widget as a picture.
 *
 * A graph draws its frame, ticks, title and units once for a given set of
 * limits and size, and its plots incrementally: each frame adds one canvas
 * line holding the points that arrived since the last frame (points that
 * fall on the same pixel are dropped), so a frame costs what is new, not
 * what is there. A reset (fewer points than drawn) or new limits draw the
 * plot again. A draw shows each of its views as one filled box per point,
 * coloured by the point's value on the colour scale (xcolorscale); a frame
 * recolours only the boxes whose colour changed.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <X11/Xutil.h>
#include <tcl.h>
#include <tk.h>

#include "../../core/model.h"
#include "../xo_int.h"
#include "tk_int.h"

#define NCOLORS 64

void
tkg_draw_forget(struct tkw *w)
{
    free(w->plots);
    w->plots = NULL;
    w->nplots = 0;
    free(w->gsig);
    w->gsig = NULL;
    free(w->cidx);
    w->cidx = NULL;
    free(w->items);
    w->items = NULL;
    w->ncidx = 0;
    free(w->vsig);
    w->vsig = NULL;
}

/* Replaces *SIG by NEW; true when it changed. */
static bool
sig_changed(char **sig, char *new)
{
    if (*sig && strcmp(*sig, new) == 0) {
        free(new);
        return false;
    }
    free(*sig);
    *sig = new;
    return true;
}

/* ---- graphs ----------------------------------------------------------------- */

struct area {
    double l, r, t, b;         /* plot area, pixels */
    double xmin, xmax, ymin, ymax;
};

static double
px(const struct area *a, double x)
{
    return a->l + (x - a->xmin) / (a->xmax - a->xmin) * (a->r - a->l);
}

static double
py(const struct area *a, double y)
{
    double v = a->b - (y - a->ymin) / (a->ymax - a->ymin) * (a->b - a->t);
    /* Off-scale values stay at the edge of the plot area. */
    return v < a->t - 1 ? a->t - 1 : v > a->b + 1 ? a->b + 1 : v;
}

/* The xplots of graph EL: its own and those kept in xoverlay. */
static int
collect_plots(struct gs_element *el, struct xplot **out, int max)
{
    int n = 0;
    for (int i = 0; i < el->nchild && n < max; i++) {
        struct gs_element *c = el->child[i];
        if (c->cls == &xplot_class)
            out[n++] = (struct xplot *)c;
        else if (strcmp(c->name, "xoverlay") == 0)
            for (int j = 0; j < c->nchild && n < max; j++)
                if (c->child[j]->cls == &xplot_class)
                    out[n++] = (struct xplot *)c->child[j];
    }
    return n;
}

/* Creates a line on canvas W through the NPTS pixel points XY. */
static void
make_line(struct gs_gui *g, const char *canvas, const double *xy, int npts, const char *color,
          const char *tag)
{
    Tcl_Obj *list = Tcl_NewListObj(0, NULL);
    Tcl_IncrRefCount(list);
    for (int i = 0; i < 2 * npts; i++)
        Tcl_ListObjAppendElement(NULL, list, Tcl_NewDoubleObj(xy[i]));
    Tcl_Obj *objv[8];
    const char *words[] = {canvas, "create", "line", NULL, "-fill", color, "-tags", tag};
    for (int i = 0; i < 8; i++) {
        objv[i] = i == 3 ? list : Tcl_NewStringObj(words[i], -1);
        if (i != 3)
            Tcl_IncrRefCount(objv[i]);
    }
    if (Tcl_EvalObjv(g->tcl, 8, objv, TCL_EVAL_GLOBAL) != TCL_OK) {
        /* A colour Tk does not know (GENESIS numbers): draw it black. */
        Tcl_DecrRefCount(objv[5]);
        objv[5] = Tcl_NewStringObj("black", -1);
        Tcl_IncrRefCount(objv[5]);
        Tcl_EvalObjv(g->tcl, 8, objv, TCL_EVAL_GLOBAL);
    }
    for (int i = 0; i < 8; i++)
        Tcl_DecrRefCount(objv[i]);
}

/* Adds the points of P from index FROM to its end to the canvas. */
static void
draw_points(struct gs_gui *g, struct tkw *w, struct tk_plot *tp, const struct xplot *p,
            const struct area *a, int k)
{
    int from = tp->drawn > 0 ? tp->drawn - 1 : 0;
    int n = p->npts;
    if (n - from < 2 || !p->xpts || !p->ypts)
        return;
    double *xy = xmalloc(sizeof(double) * 2 * (size_t)(n - from));
    int m = 0;
    for (int i = from; i < n; i++) {
        double x = p->xpts->table[i], y = p->ypts->table[i];
        if (!(x >= a->xmin && x <= a->xmax) || !isfinite(y))
            continue;
        double X = floor(px(a, x)) + 0.5, Y = floor(py(a, y)) + 0.5;
        /* The last point of a run on one pixel column is kept too, so that
         * spikes keep their height. */
        if (m > 0 && X == xy[2 * m - 2] && Y == xy[2 * m - 1])
            continue;
        xy[2 * m] = X;
        xy[2 * m + 1] = Y;
        m++;
    }
    char tag[24];
    snprintf(tag, sizeof tag, "p%d", k);
    if (m >= 2)
        make_line(g, w->path, xy, m, p->p.fg && *p->p.fg ? p->p.fg : "black", tag);
    free(xy);
    tp->drawn = n;
}

static void
fmt_tick(char *buf, size_t n, double v, double step)
{
    if (fabs(v) < step * 1e-6)
        v = 0;
    snprintf(buf, n, "%.3g", v);
}

static void
draw_graph(struct gs_gui *g, struct tkw *w, struct gs_element *el)
{
    struct area a;
    a.xmin = tkg_num(g, el, "xmin");
    a.xmax = tkg_num(g, el, "xmax");
    a.ymin = tkg_num(g, el, "ymin");
    a.ymax = tkg_num(g, el, "ymax");
    if (!(a.xmax > a.xmin))
        a.xmax = a.xmin + 1;
    if (!(a.ymax > a.ymin))
        a.ymax = a.ymin + 1;
    a.l = 58;
    a.r = w->w - 12;
    a.t = 24;
    a.b = w->h - 30;
    if (a.r < a.l + 10)
        a.r = a.l + 10;
    if (a.b < a.t + 10)
        a.b = a.t + 10;
    struct xplot *plots[64];
    int np = collect_plots(el, plots, 64);
    struct strbuf s = STRBUF_INIT;
    sb_printf(&s, "%d %d %g %g %g %g %d|", w->w, w->h, a.xmin, a.xmax, a.ymin, a.ymax, np);
    sb_printf(&s, "%s|", tkg_str(g, el, "title"));
    sb_printf(&s, "%s|", tkg_str(g, el, "XUnits"));
    sb_printf(&s, "%s|", tkg_str(g, el, "YUnits"));
    sb_printf(&s, "%s|", tkg_str(g, el, "fg"));
    for (int i = 0; i < np; i++) {
        struct gs_handle h = elem_handle(&plots[i]->p.el);
        sb_printf(&s, "%u.%u %s %s|", h.slot, h.gen, plots[i]->label ? plots[i]->label : "",
                  plots[i]->p.fg ? plots[i]->p.fg : "");
    }
    bool all = sig_changed(&w->gsig, sb_take(&s)) || w->redraw;
    w->redraw = false;
    if (all) {
        char *fg = xstrdup(tkg_str(g, el, "fg"));
        if (!*fg || tkg_evalf(g, "winfo rgb . {%s}", fg) != TCL_OK) {
            free(fg);
            fg = xstrdup("black");
        }
        tkg_evalf(g, "%s delete all", w->path);
        tkg_evalf(g, "%s create rectangle %g %g %g %g -outline {%s} -tags frame", w->path, a.l,
                  a.t, a.r, a.b, fg);
        /* A short graph (the tutorial's injection strip) labels its ends only. */
        int ny = a.b - a.t >= 80 ? 5 : 1;
        double xs = (a.xmax - a.xmin) / 5, ys = (a.ymax - a.ymin) / ny;
        char lab[64];
        for (int i = 0; i <= 5; i++) {
            double x = a.l + i * (a.r - a.l) / 5, y = a.b - i * (a.b - a.t) / ny;
            tkg_evalf(g, "%s create line %g %g %g %g -fill {%s}", w->path, x, a.b, x, a.b + 4, fg);
            fmt_tick(lab, sizeof lab, a.xmin + i * xs, xs);
            const char *t1[] = {w->path, "create", "text", NULL, NULL, "-text", lab, "-anchor",
                                "n", "-font", "TkSmallCaptionFont", "-fill", fg, NULL};
            char xb[32], yb[32];
            snprintf(xb, sizeof xb, "%g", x);
            snprintf(yb, sizeof yb, "%g", a.b + 5);
            t1[3] = xb;
            t1[4] = yb;
            tkg_eval(g, t1);
            if (i > ny)
                continue;
            tkg_evalf(g, "%s create line %g %g %g %g -fill {%s}", w->path, a.l - 4, y, a.l, y, fg);
            fmt_tick(lab, sizeof lab, a.ymin + i * ys, ys);
            snprintf(xb, sizeof xb, "%g", a.l - 6);
            snprintf(yb, sizeof yb, "%g", y);
            const char *t2[] = {w->path, "create", "text", xb, yb, "-text", lab, "-anchor", "e",
                                "-font", "TkSmallCaptionFont", "-fill", fg, NULL};
            tkg_eval(g, t2);
        }
        char xb[32], yb[32];
        snprintf(xb, sizeof xb, "%g", (a.l + a.r) / 2);
        const char *tt[] = {w->path, "create", "text", xb, "3", "-text", tkg_str(g, el, "title"),
                            "-anchor", "n", "-fill", fg, NULL};
        tkg_eval(g, tt);
        snprintf(xb, sizeof xb, "%g", a.r);
        snprintf(yb, sizeof yb, "%g", (double)w->h - 2);
        const char *xu[] = {w->path, "create", "text", xb, yb, "-text", tkg_str(g, el, "XUnits"),
                            "-anchor", "se", "-font", "TkSmallCaptionFont", "-fill", fg, NULL};
        tkg_eval(g, xu);
        const char *yu[] = {w->path, "create", "text", "3", "3", "-text", tkg_str(g, el, "YUnits"),
                            "-anchor", "nw", "-font", "TkSmallCaptionFont", "-fill", fg, NULL};
        tkg_eval(g, yu);
        /* The legend: each plot's name in its colour, top right. */
        for (int i = 0; i < np; i++) {
            const char *name = plots[i]->label && *plots[i]->label ? plots[i]->label
                                                                    : plots[i]->p.el.name;
            const char *col = plots[i]->p.fg && *plots[i]->p.fg ? plots[i]->p.fg : "black";
            snprintf(xb, sizeof xb, "%g", a.r - 3);
            snprintf(yb, sizeof yb, "%g", a.t + 2 + 12 * i);
            const char *lg[] = {w->path, "create", "text", xb, yb, "-text", name, "-anchor", "ne",
                                "-font", "TkSmallCaptionFont", "-fill", col, NULL};
            if (tkg_eval(g, lg) != TCL_OK) {
                lg[12] = "black";
                tkg_eval(g, lg);
            }
        }
        free(fg);
        free(w->plots);
        w->plots = xcalloc((size_t)(np ? np : 1), sizeof *w->plots);
        w->nplots = np;
        for (int i = 0; i < np; i++)
            w->plots[i].h = elem_handle(&plots[i]->p.el);
    }
    for (int i = 0; i < np && i < w->nplots; i++) {
        struct tk_plot *tp = &w->plots[i];
        if (plots[i]->npts < tp->drawn) {
            tkg_evalf(g, "%s delete p%d", w->path, i); /* a reset */
            tp->drawn = 0;
        }
        draw_points(g, w, tp, plots[i], &a, i);
    }
}

/* ---- draws and views ---------------------------------------------------------- */

/* Colour I (0..NCOLORS-1) of scale NAME as #rrggbb. */
static void
scale_color(const char *name, int i, char out[8])
{
    double t = (double)i / (NCOLORS - 1), r, gr, b;
    if (strcmp(name, "grey") == 0) {
        r = gr = b = t;
    } else if (strcmp(name, "hot") == 0 || strcmp(name, "redhot") == 0) {
        r = t < 0.4 ? t / 0.4 : 1;
        gr = t < 0.4 ? 0 : t < 0.8 ? (t - 0.4) / 0.4 : 1;
        b = t < 0.8 ? 0 : (t - 0.8) / 0.2;
    } else {
        /* rainbow (the default): blue, cyan, green, yellow, red */
        double h = (1 - t) * 4;
        int s = (int)h;
        double f = h - s;
        switch (s) {
        case 0:
            r = 1, gr = f, b = 0;
            break;
        case 1:
            r = 1 - f, gr = 1, b = 0;
            break;
        case 2:
            r = 0, gr = 1, b = f;
            break;
        case 3:
            r = 0, gr = 1 - f, b = 1;
            break;
        default:
            r = 0, gr = 0, b = 1;
            break;
        }
    }
    snprintf(out, 8, "#%02x%02x%02x", (int)(r * 255 + 0.5), (int)(gr * 255 + 0.5),
             (int)(b * 255 + 0.5));
}

static void
draw_view(struct gs_gui *g, struct tkw *w, struct gs_element *draw)
{
    double xmin = tkg_num(g, draw, "xmin"), xmax = tkg_num(g, draw, "xmax");
    double ymin = tkg_num(g, draw, "ymin"), ymax = tkg_num(g, draw, "ymax");
    if (!(xmax > xmin))
        xmax = xmin + 1;
    if (!(ymax > ymin))
        ymax = ymin + 1;
    const char *scale = g->sim->model->colorscale[0] ? g->sim->model->colorscale : "rainbow";
    /* The views of this draw, one after the other in cidx. */
    struct gs_element *views[16];
    int nv = 0, total = 0;
    struct xview_pts pts[16];
    for (int i = 0; i < draw->nchild && nv < 16; i++)
        if (draw->child[i]->cls == &xview_class) {
            views[nv] = draw->child[i];
            xview_points(views[nv], &pts[nv]);
            total += pts[nv].n;
            nv++;
        }
    struct strbuf s = STRBUF_INIT;
    sb_printf(&s, "%d %d %g %g %g %g %s %d", w->w, w->h, xmin, xmax, ymin, ymax, scale, total);
    for (int v = 0; v < nv; v++)
        sb_printf(&s, " %d %g %g %g %g", pts[v].n, pts[v].size,
                  pts[v].n ? pts[v].x[0] : 0.0, pts[v].n ? pts[v].y[pts[v].n - 1] : 0.0,
                  pts[v].n ? pts[v].x[pts[v].n - 1] : 0.0);
    bool all = sig_changed(&w->vsig, sb_take(&s)) || w->redraw;
    w->redraw = false;
    double sx = w->w / (xmax - xmin), sy = w->h / (ymax - ymin);
    if (all) {
        tkg_evalf(g, "%s delete all", w->path);
        free(w->cidx);
        free(w->items);
        w->cidx = xmalloc(sizeof(int) * (size_t)(total ? total : 1));
        w->items = xmalloc(sizeof(int) * (size_t)(total ? total : 1));
        w->ncidx = total;
        int k = 0;
        for (int v = 0; v < nv; v++)
            for (int i = 0; i < pts[v].n; i++, k++) {
                double hx = pts[v].size * sx / 2, hy = pts[v].size * sy / 2;
                double cx = (pts[v].x[i] - xmin) * sx, cy = w->h - (pts[v].y[i] - ymin) * sy;
                if (hx < 1)
                    hx = 1;
                if (hy < 1)
                    hy = 1;
                int id = 0;
                if (tkg_evalf(g, "%s create rectangle %g %g %g %g -width 0 -fill black",
                              w->path, cx - hx, cy - hy, cx + hx, cy + hy)
                    == TCL_OK)
                    Tcl_GetIntFromObj(NULL, Tcl_GetObjResult(g->tcl), &id);
                w->items[k] = id;
                w->cidx[k] = -1;
            }
    }
    int k = 0;
    for (int v = 0; v < nv; v++) {
        double lo = pts[v].vmin, hi = pts[v].vmax;
        if (!(hi > lo))
            hi = lo + 1;
        for (int i = 0; i < pts[v].n && k < w->ncidx; i++, k++) {
            double t = (pts[v].val[i] - lo) / (hi - lo);
            int c = !(t > 0) ? 0 : t >= 1 ? NCOLORS - 1 : (int)(t * (NCOLORS - 1) + 0.5);
            if (c == w->cidx[k])
                continue;
            w->cidx[k] = c;
            char col[8];
            scale_color(scale, c, col);
            tkg_evalf(g, "%s itemconfigure %d -fill %s", w->path, w->items[k], col);
        }
    }
}

void
tkg_draw(struct gs_gui *g, struct tkw *w, struct gs_element *el)
{
    if (w->kind == TKW_GRAPH)
        draw_graph(g, w, el);
    else
        draw_view(g, w, el);
}

/* ---- pictures ------------------------------------------------------------------ */

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* The lowest set bit of MASK, and its width: how a visual packs a colour. */
static void
mask_shift(unsigned long mask, int *shift, int *bits)
{
    *shift = 0;
    *bits = 0;
    if (!mask)
        return;
    while (!(mask & 1)) {
        mask >>= 1;
        (*shift)++;
    }
    while (mask & 1) {
        mask >>= 1;
        (*bits)++;
    }
}

/* Reads window W's pixels from the screen into a photo image and writes
 * it as PNG. */
static enum gs_status
save_png(struct gs_gui *g, struct tkw *w, const char *file)
{
    struct gs_sim *sim = g->sim;
    Tk_Window tw = Tk_NameToWindow(g->tcl, w->path, g->main);
    if (!tw || !Tk_IsMapped(tw))
        return gs_error(sim, "'%s': the widget is not on the screen (xshow its form first)", file);
    int W = Tk_Width(tw), H = Tk_Height(tw);
    XImage *im = XGetImage(g->dpy, Tk_WindowId(tw), 0, 0, (unsigned)W, (unsigned)H, AllPlanes,
                           ZPixmap);
    if (!im)
        return gs_error(sim, "'%s': cannot read the widget's pixels", file);
    unsigned char *px = gs_try_alloc((size_t)W * (size_t)H * 4);
    if (!px) {
        XDestroyImage(im);
        return gs_error(sim, "'%s': out of memory for a %dx%d picture", file, W, H);
    }
    int rs, rb, gsh, gb, bs, bb;
    mask_shift(im->red_mask, &rs, &rb);
    mask_shift(im->green_mask, &gsh, &gb);
    mask_shift(im->blue_mask, &bs, &bb);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            unsigned long p = XGetPixel(im, x, y);
            unsigned char *o = px + 4 * ((size_t)y * W + x);
            o[0] = rb ? (unsigned char)(((p & im->red_mask) >> rs) * 255 / ((1UL << rb) - 1)) : 0;
            o[1] = gb ? (unsigned char)(((p & im->green_mask) >> gsh) * 255 / ((1UL << gb) - 1)) : 0;
            o[2] = bb ? (unsigned char)(((p & im->blue_mask) >> bs) * 255 / ((1UL << bb) - 1)) : 0;
            o[3] = 255;
        }
    XDestroyImage(im);
    enum gs_status st = GS_OK;
    tkg_evalf(g, "image create photo gensh_snapshot -width %d -height %d", W, H);
    Tk_PhotoHandle ph = Tk_FindPhoto(g->tcl, "gensh_snapshot");
    Tk_PhotoImageBlock b = {px, W, H, 4 * W, 4, {0, 1, 2, 3}};
    if (!ph || Tk_PhotoPutBlock(g->tcl, ph, &b, 0, 0, W, H, TK_PHOTO_COMPOSITE_SET) != TCL_OK) {
        st = gs_error(sim, "'%s': cannot make the picture", file);
    } else {
        const char *a[] = {"gensh_snapshot", "write", file, "-format", "png", NULL};
        if (tkg_eval(g, a) != TCL_OK)
            st = gs_error(sim, "cannot write '%s': %s", file, Tcl_GetStringResult(g->tcl));
    }
    tkg_evalf(g, "image delete gensh_snapshot");
    free(px);
    return st;
}

enum gs_status
tkg_save(struct gs_gui *g, struct gs_element *el, const char *file)
{
    struct gs_sim *sim = g->sim;
    struct tkw *w = tkg_find(g, el);
    if (!w || !w->shown) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s' is not on the screen (xshow its form first)", p);
        free(p);
        return GS_ERR;
    }
    /* Draw what is pending first: the picture shows the current state. */
    tkg_evalf(g, "update idletasks");
    if (ends_with(file, ".ps") || ends_with(file, ".eps")) {
        if (w->kind != TKW_GRAPH && w->kind != TKW_DRAW) {
            char *p = elem_path_str(el);
            gs_error(sim, "'%s' is a %s: PostScript is written for graphs and draws (save a "
                          "form as .png)",
                     p, el->cls->name);
            free(p);
            return GS_ERR;
        }
        const char *a[] = {w->path, "postscript", "-file", file, NULL};
        if (tkg_eval(g, a) != TCL_OK)
            return gs_error(sim, "cannot write '%s': %s", file, Tcl_GetStringResult(g->tcl));
        return GS_OK;
    }
    return save_png(g, w, file);
}
