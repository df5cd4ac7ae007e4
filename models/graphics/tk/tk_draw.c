/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tk_draw.c: what graphs and draws show on their Tk canvases.
 *
 * A graph draws its frame, ticks, title and units once for a given set of
 * limits and size, and its plots incrementally: each frame adds one canvas
 * line holding the points that arrived since the last frame (points that
 * fall on the same pixel are dropped), so a frame costs what is new, not
 * what is there. A reset (fewer points than drawn) or new limits draw the
 * plot again. A draw shows each of its views as one filled box per point,
 * coloured by the point's value on the colour scale (xcolorscale); a frame
 * recolours only the boxes whose colour changed. How they look (areas,
 * ticks, colours) is xo_look.c's, shared with the pictures PRINT writes.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <tcl.h>
#include <tk.h>

#include "../../core/model.h"
#include "../xo_int.h"
#include "tk_int.h"

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
    w->ncidx = 0;
    free(w->pix);
    w->pix = NULL;
    w->has_image = false;
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

/* Appends (X, Y) to XY (M points so far) unless it repeats the last. */
static void
add_point(double *xy, int *m, double X, double Y)
{
    if (*m > 0 && X == xy[2 * *m - 2] && Y == xy[2 * *m - 1])
        return;
    xy[2 * *m] = X;
    xy[2 * *m + 1] = Y;
    (*m)++;
}

/* Adds the points of P that arrived since the last frame to the canvas,
 * as one line. The points that fall in one pixel column are drawn as
 * that column's first, lowest, highest and last point (in their order):
 * the same pixels as every point, and a frame's cost does not grow with
 * the points per column (a small dt plots hundreds per frame). */
static void
draw_points(struct gs_gui *g, struct tkw *w, struct tk_plot *tp, const struct xplot *p,
            const struct xo_area *a, int k)
{
    int from = tp->drawn > 0 ? tp->drawn - 1 : 0;
    int n = p->npts;
    if (n - from < 2 || !p->xpts || !p->ypts)
        return;
    double *xy = xmalloc(sizeof(double) * 2 * (size_t)(n - from));
    int m = 0;
    /* The column being gathered: its x, and its first, lowest, highest
     * and last y, with the order of the lowest and highest. */
    bool open = false;
    double cx = 0, first = 0, lo = 0, hi = 0, last = 0;
    bool lo_first = true;
    for (int i = from; i <= n; i++) {
        double X = 0, Y = 0;
        bool have = false;
        if (i < n) {
            double x = p->xpts->table[i], y = p->ypts->table[i];
            if (!(x >= a->xmin && x <= a->xmax) || !isfinite(y))
                continue;
            X = floor(xo_area_x(a, x)) + 0.5;
            Y = floor(xo_area_y(a, y)) + 0.5;
            have = true;
            if (open && X == cx) {
                if (Y < lo) {
                    lo = Y;
                    lo_first = false;
                }
                if (Y > hi) {
                    hi = Y;
                    lo_first = true;
                }
                last = Y;
                continue;
            }
        }
        if (open) {
            add_point(xy, &m, cx, first);
            add_point(xy, &m, cx, lo_first ? lo : hi);
            add_point(xy, &m, cx, lo_first ? hi : lo);
            add_point(xy, &m, cx, last);
        }
        open = have;
        cx = X;
        first = lo = hi = last = Y;
        lo_first = true;
    }
    char tag[24];
    snprintf(tag, sizeof tag, "p%d", k);
    if (m >= 2)
        make_line(g, w->path, xy, m, p->p.fg && *p->p.fg ? p->p.fg : "black", tag);
    free(xy);
    tp->drawn = n;
}

static void
draw_graph(struct gs_gui *g, struct tkw *w, struct gs_element *el)
{
    struct xo_area a;
    xo_graph_area(el, w->w, w->h, &a);
    struct xplot *plots[64];
    int np = xo_graph_plots(el, plots, 64);
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
        char lab[64], xb[32], yb[32];
        for (int axis = 0; axis < 2; axis++)
            for (int i = 0; i <= (axis == 0 ? XO_NXTICKS : a.nyticks); i++) {
                double pos;
                xo_tick(&a, axis, i, &pos, lab, sizeof lab);
                if (axis == 0) {
                    tkg_evalf(g, "%s create line %g %g %g %g -fill {%s}", w->path, pos, a.b, pos,
                              a.b + 4, fg);
                    snprintf(xb, sizeof xb, "%g", pos);
                    snprintf(yb, sizeof yb, "%g", a.b + 5);
                } else {
                    tkg_evalf(g, "%s create line %g %g %g %g -fill {%s}", w->path, a.l - 4, pos,
                              a.l, pos, fg);
                    snprintf(xb, sizeof xb, "%g", a.l - 6);
                    snprintf(yb, sizeof yb, "%g", pos);
                }
                const char *t[] = {w->path, "create", "text", xb, yb, "-text", lab, "-anchor",
                                   axis == 0 ? "n" : "e", "-font", "TkSmallCaptionFont", "-fill",
                                   fg, NULL};
                tkg_eval(g, t);
            }
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

/* Paints the box BOX (pixels) of colour RGB into W's picture. */
static void
paint_box(struct tkw *w, const double box[4], const unsigned char rgb[3])
{
    int x0 = (int)lround(box[0]), x1 = (int)lround(box[2]);
    int y0 = (int)lround(box[1]), y1 = (int)lround(box[3]);
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > w->pw ? w->pw : x1;
    y1 = y1 > w->ph ? w->ph : y1;
    for (int y = y0; y < y1; y++) {
        unsigned char *p = w->pix + 4 * ((size_t)y * w->pw + x0);
        for (int x = x0; x < x1; x++, p += 4) {
            p[0] = rgb[0];
            p[1] = rgb[1];
            p[2] = rgb[2];
        }
    }
}

/* A draw's views, painted as one photo image: the background once, then
 * a frame that changes a colour paints every box again (so that
 * overlapping boxes keep their order) and hands the picture to Tk in one
 * call. One canvas item per
 * box, recoloured with a Tcl command each, cost a few microseconds a box:
 * milliseconds a frame for a thousand cells. */
static void
draw_view(struct gs_gui *g, struct tkw *w, struct gs_element *draw)
{
    struct xo_area a;
    xo_draw_area(draw, w->w, w->h, &a);
    const char *scale = xo_colorscale_name(g->sim);
    /* The views of this draw, one after the other in cidx. */
    int nv = 0, total = 0;
    struct xview_pts pts[16];
    for (int i = 0; i < draw->nchild && nv < 16; i++)
        if (draw->child[i]->cls == &xview_class) {
            xview_points(draw->child[i], &pts[nv]);
            total += pts[nv].n;
            nv++;
        }
    struct strbuf s = STRBUF_INIT;
    sb_printf(&s, "%d %d %g %g %g %g %s %d", w->w, w->h, a.xmin, a.xmax, a.ymin, a.ymax, scale,
              total);
    for (int v = 0; v < nv; v++)
        sb_printf(&s, " %d %g %g %g %g", pts[v].n, pts[v].size,
                  pts[v].n ? pts[v].x[0] : 0.0, pts[v].n ? pts[v].y[pts[v].n - 1] : 0.0,
                  pts[v].n ? pts[v].x[pts[v].n - 1] : 0.0);
    bool all = sig_changed(&w->vsig, sb_take(&s)) || w->redraw;
    w->redraw = false;
    char img[48];
    snprintf(img, sizeof img, "gensh_view%zu", w->idx);
    if (all) {
        free(w->cidx);
        free(w->pix);
        w->cidx = xmalloc(sizeof(int) * (size_t)(total ? total : 1));
        for (int k = 0; k < total; k++)
            w->cidx[k] = -1;
        w->ncidx = total;
        w->pw = w->w > 1 ? w->w : 1;
        w->ph = w->h > 1 ? w->h : 1;
        w->pix = xmalloc((size_t)w->pw * (size_t)w->ph * 4);
        XColor *bg = NULL;
        const char *bgname = ((const struct xo_widget *)draw)->bg;
        Tk_Window tw = Tk_NameToWindow(g->tcl, w->path, g->main);
        if (tw && bgname && *bgname)
            bg = Tk_GetColor(g->tcl, tw, bgname);
        w->bg[0] = bg ? (unsigned char)(bg->red >> 8) : 255;
        w->bg[1] = bg ? (unsigned char)(bg->green >> 8) : 255;
        w->bg[2] = bg ? (unsigned char)(bg->blue >> 8) : 255;
        if (bg)
            Tk_FreeColor(bg);
        size_t npx = (size_t)w->pw * (size_t)w->ph;
        for (size_t i = 0; i < npx; i++) {
            w->pix[4 * i] = w->bg[0];
            w->pix[4 * i + 1] = w->bg[1];
            w->pix[4 * i + 2] = w->bg[2];
            w->pix[4 * i + 3] = 255;
        }
        /* One image for the draw's life: a new one costs its colour
         * table again (milliseconds). */
        if (w->has_image)
            tkg_evalf(g, "%s configure -width %d -height %d", img, w->pw, w->ph);
        else
            tkg_evalf(g, "image create photo %s -width %d -height %d; %s create image 0 0 "
                         "-anchor nw -image %s",
                      img, w->pw, w->ph, w->path, img);
        w->has_image = true;
    }
    bool changed = all;
    int k = 0;
    for (int v = 0; v < nv; v++)
        for (int i = 0; i < pts[v].n && k < w->ncidx; i++, k++) {
            int c = xo_value_color(pts[v].val[i], pts[v].vmin, pts[v].vmax);
            if (c != w->cidx[k]) {
                w->cidx[k] = c;
                changed = true;
            }
        }
    if (!changed)
        return;
    unsigned char colors[XO_NCOLORS][3];
    for (int c = 0; c < XO_NCOLORS; c++)
        xo_scale_rgb(scale, c, colors[c]);
    k = 0;
    for (int v = 0; v < nv; v++)
        for (int i = 0; i < pts[v].n && k < w->ncidx; i++, k++) {
            double box[4];
            xo_view_box(&a, &pts[v], i, box);
            paint_box(w, box, colors[w->cidx[k]]);
        }
    Tk_PhotoHandle ph = Tk_FindPhoto(g->tcl, img);
    Tk_PhotoImageBlock b = {w->pix, w->pw, w->ph, 4 * w->pw, 4, {0, 1, 2, 3}};
    if (ph)
        Tk_PhotoPutBlock(g->tcl, ph, &b, 0, 0, w->pw, w->ph, TK_PHOTO_COMPOSITE_SET);
}

void
tkg_draw(struct gs_gui *g, struct tkw *w, struct gs_element *el)
{
    if (w->kind == TKW_GRAPH)
        draw_graph(g, w, el);
    else
        draw_view(g, w, el);
}
