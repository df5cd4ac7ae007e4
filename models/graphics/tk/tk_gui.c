/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tk_gui.c: the XODUS widgets drawn with Tk 8.6, in the same process, on
 * the node that has the display. This folder is the only place in gensh
 * that includes Tk's (and Tcl's, and Xlib's) headers (STYLE B1.3); the
 * classes in models/graphics stay headless and know nothing of it.
 *
 * The elements are the truth. This layer keeps one record per drawn
 * widget (a handle to its element and its Tk window) and, at each frame,
 * makes the windows show what the elements hold: forms become toplevel
 * windows at their geometry, widgets inside are placed from their
 * geometry strings (xgeom 0:RESET, ygeom 0:last.bottom, wgeom 25%, ...),
 * labels and colours follow their fields, graphs draw their plots and
 * axes on a canvas, draws show their views as coloured boxes. Clicks and
 * typed values raise the same actions as `call WIDGET B1DOWN ...`, so
 * callbacks run exactly as they do headless.
 *
 * Frames are bounded: the step loop calls gui_pump between steps, and a
 * frame runs only when about 1/30 s of wall time has passed, so drawing
 * costs the same whatever dt is. A display that goes away (the X server
 * dies) longjmps out of Xlib into the guard around every entry point;
 * the GUI is then dropped without touching Tk again and the run goes on
 * headless, with one warning.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <tcl.h>
#include <tk.h>

#include "../../base/strbuf.h"
#include "../../core/field.h"
#include "../../core/model.h"
#include "../gui.h"
#include "../xo_int.h"
#include "tk_int.h"

/* ---- small helpers -------------------------------------------------------- */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int
tkg_eval(struct gs_gui *g, const char *const *argv)
{
    Tcl_Obj *objv[32] = {NULL};
    int n = 0;
    while (argv[n] && n < 32) {
        objv[n] = Tcl_NewStringObj(argv[n], -1);
        Tcl_IncrRefCount(objv[n]);
        n++;
    }
    int rc = Tcl_EvalObjv(g->tcl, n, objv, TCL_EVAL_GLOBAL);
    for (int i = 0; i < n; i++)
        Tcl_DecrRefCount(objv[i]);
    return rc;
}

int
tkg_evalf(struct gs_gui *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return TCL_ERROR;
    char *s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = Tcl_EvalEx(g->tcl, s, -1, TCL_EVAL_GLOBAL);
    free(s);
    return rc;
}

const char *
tkg_str(struct gs_gui *g, struct gs_element *el, const char *name)
{
    struct gs_fref f;
    g->fbuf.len = 0;
    if (field_find(g->sim, el, name, &f) != GS_OK) {
        gs_diag_clear(g->sim);
        return "";
    }
    field_format(g->sim, &f, &g->fbuf);
    return sb_str(&g->fbuf);
}

double
tkg_num(struct gs_gui *g, struct gs_element *el, const char *name)
{
    struct gs_fref f;
    if (field_find(g->sim, el, name, &f) != GS_OK) {
        gs_diag_clear(g->sim);
        return 0;
    }
    return field_real(g->sim, &f);
}

struct gs_element *
tkg_elem(struct gs_gui *g, const struct tkw *w)
{
    return w->dead ? NULL : elem_from_handle(g->sim->model, w->eh);
}

/* ---- records -------------------------------------------------------------- */

static enum tkw_kind
kind_of(const struct gs_element *el)
{
    const struct gs_class *c = el->cls;
    if (c == &xform_class)
        return TKW_FORM;
    if (c == &xlabel_class)
        return TKW_LABEL;
    if (c == &xbutton_class)
        return TKW_BUTTON;
    if (c == &xtoggle_class)
        return TKW_TOGGLE;
    if (c == &xdialog_class)
        return TKW_DIALOG;
    if (c == &xtext_class)
        return TKW_TEXT;
    if (c == &xgraph_class)
        return TKW_GRAPH;
    return TKW_DRAW; /* xdraw, xcoredraw */
}

struct tkw *
tkg_find(struct gs_gui *g, const struct gs_element *el)
{
    struct gs_handle h = elem_handle(el);
    for (size_t i = 0; i < g->n; i++)
        if (!g->w[i].dead && g->w[i].eh.slot == h.slot && g->w[i].eh.gen == h.gen)
            return &g->w[i];
    return NULL;
}

/* Forgets record W (its window is gone or going) and a draw's picture.
 * Marked dead first, so that the <Destroy> binding of a form that this
 * destroys is ignored. */
static void
forget(struct gs_gui *g, struct tkw *w)
{
    w->dead = true;
    if (w->has_image)
        tkg_evalf(g, "image delete gensh_view%zu", w->idx);
    tkg_draw_forget(w);
    free(w->sig);
    w->sig = NULL;
}

/* Destroys record W's window and forgets its drawing state. */
static void
drop(struct gs_gui *g, struct tkw *w)
{
    if (w->dead)
        return;
    forget(g, w);
    const char *argv[] = {"destroy", w->path, NULL};
    tkg_eval(g, argv);
}

/* Makes the Tk window of widget EL (kind K) inside PARENT ("." for a form). */
static struct tkw *
realize(struct gs_gui *g, struct gs_element *el, const char *parent)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 32;
        g->w = xreallocarray(g->w, g->cap, sizeof *g->w);
    }
    size_t idx = g->n++;
    struct tkw *w = &g->w[idx];
    memset(w, 0, sizeof *w);
    w->eh = elem_handle(el);
    w->kind = kind_of(el);
    w->idx = idx;
    w->nested = w->kind == TKW_FORM && strcmp(parent, ".") != 0;
    snprintf(w->path, sizeof w->path, "%s.w%zu", strcmp(parent, ".") == 0 ? "" : parent, idx);
    char id[32];
    snprintf(id, sizeof id, "%zu", idx);
    switch (w->kind) {
    case TKW_FORM:
        if (w->nested) {
            tkg_evalf(g, "frame %s -borderwidth 0 -highlightthickness 0", w->path);
        } else {
            tkg_evalf(g, "toplevel %s -borderwidth 0; wm withdraw %s", w->path, w->path);
            /* Closing a window hides the form; the element stays. */
            tkg_evalf(g, "wm protocol %s WM_DELETE_WINDOW {gensh_event %s CLOSE}", w->path, id);
            /* So does a window destroyed by another client (xkill, a
             * window manager's destroy, xdotool windowclose): Tk then
             * destroys the toplevel and its widgets, and the records go. */
            tkg_evalf(g, "bind %s <Destroy> {if {\"%%W\" eq \"%s\"} {gensh_event %s DESTROYED}}",
                      w->path, w->path, id);
        }
        break;
    case TKW_LABEL:
        tkg_evalf(g, "label %s -borderwidth 1 -relief flat -highlightthickness 0", w->path);
        break;
    case TKW_BUTTON:
        tkg_evalf(g,
                  "button %s -borderwidth 2 -highlightthickness 0 -padx 1 -pady 1 "
                  "-command {gensh_event %s B1DOWN}",
                  w->path, id);
        break;
    case TKW_TOGGLE:
        tkg_evalf(g,
                  "button %s -borderwidth 2 -highlightthickness 0 -padx 1 -pady 1 "
                  "-command {gensh_event %s TOGGLE}",
                  w->path, id);
        break;
    case TKW_DIALOG:
        tkg_evalf(g,
                  "frame %s -borderwidth 1 -relief raised -highlightthickness 0;"
                  "label %s.l -borderwidth 0 -highlightthickness 0;"
                  "entry %s.e -borderwidth 1 -highlightthickness 0 -relief sunken;"
                  "pack %s.l -side left; pack %s.e -side left -fill both -expand 1;"
                  "bind %s.e <Return> {gensh_event %s B1DOWN [%s.e get]}",
                  w->path, w->path, w->path, w->path, w->path, w->path, id, w->path);
        break;
    case TKW_TEXT:
        tkg_evalf(g, "text %s -borderwidth 1 -highlightthickness 0 -wrap word", w->path);
        break;
    case TKW_GRAPH:
    case TKW_DRAW:
        tkg_evalf(g, "canvas %s -borderwidth 0 -highlightthickness 0", w->path);
        tkg_evalf(g, "bind %s <ButtonPress> {gensh_event %s B%%bDOWN %%x %%y}", w->path, id);
        /* Ctrl-P over a graph or draw prints it, as in XODUS (xps says where). */
        tkg_evalf(g, "bind %s <Enter> {focus %%W}", w->path);
        tkg_evalf(g, "bind %s <Control-p> {gensh_event %s PRINT}", w->path, id);
        break;
    }
    return w;
}

/* ---- layout ------------------------------------------------------------------ */

struct rect {
    int x, y, w, h;
};

/* Laid-out siblings of one form: names and rectangles, for references. */
struct sibs {
    const struct gs_element *el[256];
    struct rect r[256];
    int n;
};

static int
edge_of(const struct rect *r, const char *edge, int axis)
{
    if (!edge || !*edge)
        edge = axis == 0 ? "right" : axis == 1 ? "bottom" : axis == 2 ? "width" : "height";
    if (strncasecmp(edge, "left", 4) == 0)
        return r->x;
    if (strncasecmp(edge, "right", 5) == 0)
        return r->x + r->w;
    if (strncasecmp(edge, "top", 3) == 0)
        return r->y;
    if (strncasecmp(edge, "bottom", 6) == 0)
        return r->y + r->h;
    if (strncasecmp(edge, "width", 5) == 0)
        return r->w;
    return r->h;
}

/* One geometry value (XODUS.txt 19.3) on AXIS (0 x, 1 y, 2 w, 3 h), in
 * pixels, in a parent of size PW x PH with the siblings laid out so far. */
static int
geom(const char *s, int axis, int pw, int ph, const struct sibs *sb, int dflt)
{
    if (!s || !*s)
        return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s)
        return dflt;
    bool pct = *end == '%';
    if (pct)
        end++;
    int size = axis == 0 || axis == 2 ? pw : ph;
    if (*end != ':')
        return pct ? (int)(v * size / 100) : (int)v;
    char ref[128];
    const char *r = end + 1;
    const char *dot = strchr(r, '.');
    size_t n = dot ? (size_t)(dot - r) : strlen(r);
    if (n >= sizeof ref)
        n = sizeof ref - 1;
    memcpy(ref, r, n);
    ref[n] = '\0';
    const char *edge = dot ? dot + 1 : NULL;
    struct rect pr = {0, 0, pw, ph}, rr = pr;
    bool found = false;
    if (strcmp(ref, "parent") == 0) {
        /* x N:parent means N from the parent's left, not its right */
        if (!edge)
            edge = axis == 0 ? "left" : axis == 1 ? "top" : NULL;
        found = true;
    } else if (strcmp(ref, "last") == 0) {
        if (sb->n > 0) {
            rr = sb->r[sb->n - 1];
            found = true;
        }
    } else {
        for (int i = sb->n - 1; i >= 0 && !found; i--)
            if (strcmp(sb->el[i]->name, ref) == 0) {
                rr = sb->r[i];
                found = true;
            }
    }
    if (!found)
        return pct ? (int)(v * size / 100) : (int)v;
    int e = edge_of(&rr, edge, axis);
    bool extent = edge && (strncasecmp(edge, "width", 5) == 0 || strncasecmp(edge, "height", 6) == 0);
    if (pct)
        return extent ? (int)(v * e / 100) : e + (int)(v * size / 100);
    return e + (int)v;
}

/* The height a widget of kind K takes when its hgeom is empty. */
static int
natural_height(enum tkw_kind k, int ph, int y)
{
    switch (k) {
    case TKW_LABEL:
    case TKW_BUTTON:
    case TKW_TOGGLE:
    case TKW_DIALOG:
        return 25;
    case TKW_TEXT:
        return 100;
    default:
        return ph - y > 20 ? ph - y : 20;
    }
}

/* Applies EL's fields to its window W when they changed since last time. */
static void
configure(struct gs_gui *g, struct tkw *w, struct gs_element *el)
{
    struct strbuf sig = STRBUF_INIT;
    const char *fg = tkg_str(g, el, "fg");
    sb_printf(&sig, "%s\x1f", fg);
    char *fgs = xstrdup(fg);
    char *bgs = xstrdup(tkg_str(g, el, "bg"));
    sb_printf(&sig, "%s\x1f", bgs);
    char *text = NULL, *tfg = NULL, *tbg = NULL;
    switch (w->kind) {
    case TKW_FORM:
        text = xstrdup(tkg_str(g, el, "title"));
        break;
    case TKW_LABEL:
        text = xstrdup(tkg_str(g, el, "label"));
        break;
    case TKW_BUTTON:
    case TKW_TOGGLE: {
        bool on = w->kind == TKW_TOGGLE && tkg_num(g, el, "state") != 0;
        text = xstrdup(tkg_str(g, el, on ? "onlabel" : "offlabel"));
        tfg = xstrdup(tkg_str(g, el, on ? "onfg" : "offfg"));
        tbg = xstrdup(tkg_str(g, el, on ? "onbg" : "offbg"));
        break;
    }
    case TKW_DIALOG:
        text = xstrdup(tkg_str(g, el, "label"));
        sb_printf(&sig, "%s\x1f", tkg_str(g, el, "value"));
        break;
    case TKW_TEXT:
        text = xstrdup(tkg_str(g, el, "text"));
        break;
    default:
        break;
    }
    sb_printf(&sig, "%s\x1f%s\x1f%s", text ? text : "", tfg ? tfg : "", tbg ? tbg : "");
    if (w->sig && strcmp(w->sig, sb_str(&sig)) == 0)
        goto out;
    free(w->sig);
    w->sig = sb_take(&sig);
    const char *fgc = tfg && *tfg ? tfg : fgs, *bgc = tbg && *tbg ? tbg : bgs;
    /* A colour Tk does not know is left at its default, not an error:
     * GENESIS scripts name colours by number too. */
    switch (w->kind) {
    case TKW_FORM:
        if (!w->nested) {
            const char *a[] = {"wm", "title", w->path, text, NULL};
            tkg_eval(g, a);
        }
        {
            const char *a[] = {w->path, "configure", "-background", bgc, NULL};
            tkg_eval(g, a);
        }
        break;
    case TKW_LABEL:
    case TKW_BUTTON:
    case TKW_TOGGLE: {
        const char *a[] = {w->path, "configure", "-text", text, NULL};
        tkg_eval(g, a);
        const char *b[] = {w->path, "configure", "-foreground", fgc, NULL};
        tkg_eval(g, b);
        const char *c[] = {w->path, "configure", "-background", bgc, NULL};
        tkg_eval(g, c);
        if (w->kind != TKW_LABEL) {
            const char *d[] = {w->path, "configure", "-activebackground", bgc, NULL};
            tkg_eval(g, d);
        }
        break;
    }
    case TKW_DIALOG: {
        char sub[sizeof w->path + 4];
        snprintf(sub, sizeof sub, "%s.l", w->path);
        const char *a[] = {sub, "configure", "-text", text, "-foreground", fgc, NULL};
        tkg_eval(g, a);
        const char *b[] = {sub, "configure", "-background", bgc, NULL};
        tkg_eval(g, b);
        const char *c[] = {w->path, "configure", "-background", bgc, NULL};
        tkg_eval(g, c);
        snprintf(sub, sizeof sub, "%s.e", w->path);
        const char *d[] = {sub, "delete", "0", "end", NULL};
        tkg_eval(g, d);
        const char *e[] = {sub, "insert", "0", tkg_str(g, el, "value"), NULL};
        tkg_eval(g, e);
        break;
    }
    case TKW_TEXT: {
        const char *a[] = {w->path, "delete", "1.0", "end", NULL};
        tkg_eval(g, a);
        const char *b[] = {w->path, "insert", "1.0", text, NULL};
        tkg_eval(g, b);
        const char *c[] = {w->path, "configure", "-foreground", fgc, "-background", bgc, NULL};
        tkg_eval(g, c);
        break;
    }
    case TKW_GRAPH:
    case TKW_DRAW: {
        const char *a[] = {w->path, "configure", "-background", bgc, NULL};
        tkg_eval(g, a);
        w->redraw = true;
        break;
    }
    }
out:
    sb_free(&sig);
    free(fgs);
    free(bgs);
    free(text);
    free(tfg);
    free(tbg);
}

/* Lays out and configures the widgets inside form F (window FW, size W x H). */
static void
layout(struct gs_gui *g, struct gs_element *f, struct tkw *fw, int W, int H)
{
    struct sibs sb = {.n = 0};
    for (int i = 0; i < f->nchild; i++) {
        struct gs_element *c = f->child[i];
        if (!xo_is_widget(c))
            continue;
        struct xo_widget *xw = (struct xo_widget *)c;
        enum tkw_kind k = kind_of(c);
        bool nested = k == TKW_FORM;
        if (nested && !tkg_num(g, c, "nested"))
            continue; /* a form inside a form is its own window unless -nested */
        struct tkw *w = tkg_find(g, c);
        if (!w) {
            w = realize(g, c, fw->path);
            fw = tkg_find(g, f); /* realize may move the records */
        }
        struct rect r;
        r.x = geom(xw->xgeom, 0, W, H, &sb, 0);
        r.y = geom(xw->ygeom, 1, W, H, &sb, sb.n ? sb.r[sb.n - 1].y + sb.r[sb.n - 1].h : 0);
        r.w = geom(xw->wgeom, 2, W, H, &sb, W);
        r.h = geom(xw->hgeom, 3, W, H, &sb, natural_height(k, H, r.y));
        if (r.w < 1)
            r.w = 1;
        if (r.h < 1)
            r.h = 1;
        if (sb.n < 256) {
            sb.el[sb.n] = c;
            sb.r[sb.n++] = r;
        }
        bool show = !nested || xw->visible;
        if (r.x != w->x || r.y != w->y || r.w != w->w || r.h != w->h || show != w->shown) {
            w->x = r.x;
            w->y = r.y;
            w->w = r.w;
            w->h = r.h;
            w->shown = show;
            if (show)
                tkg_evalf(g, "place %s -x %d -y %d -width %d -height %d", w->path, r.x, r.y, r.w,
                          r.h);
            else
                tkg_evalf(g, "place forget %s", w->path);
            w->redraw = true;
        }
        configure(g, w, c);
        if (nested)
            layout(g, c, w, r.w, r.h);
    }
}

/* Finds the top-level forms under EL and shows, hides or lays them out. */
static void
sync_forms(struct gs_gui *g, struct gs_element *el)
{
    for (int i = 0; i < el->nchild; i++) {
        struct gs_element *c = el->child[i];
        if (c->cls != &xform_class || (tkg_num(g, c, "nested") && xo_ancestor(c, &xform_class))) {
            sync_forms(g, c);
            continue;
        }
        struct xo_widget *xw = (struct xo_widget *)c;
        struct tkw *w = tkg_find(g, c);
        if (!w && !xw->visible) {
            sync_forms(g, c);
            continue;
        }
        if (!w)
            w = realize(g, c, ".");
        int sw = WidthOfScreen(Tk_Screen(g->main)), sh = HeightOfScreen(Tk_Screen(g->main));
        struct sibs none = {.n = 0};
        struct rect r = {geom(xw->xgeom, 0, sw, sh, &none, 0), geom(xw->ygeom, 1, sw, sh, &none, 0),
                         geom(xw->wgeom, 2, sw, sh, &none, 300),
                         geom(xw->hgeom, 3, sw, sh, &none, 375)};
        if (r.w < 10)
            r.w = 10;
        if (r.h < 10)
            r.h = 10;
        if (r.x != w->x || r.y != w->y || r.w != w->w || r.h != w->h) {
            w->x = r.x;
            w->y = r.y;
            w->w = r.w;
            w->h = r.h;
            tkg_evalf(g, "wm geometry %s %dx%d+%d+%d", w->path, r.w, r.h, r.x, r.y);
        }
        configure(g, w, c);
        layout(g, c, w, r.w, r.h);
        w = tkg_find(g, c);
        if (xw->visible != w->shown) {
            w->shown = xw->visible;
            tkg_evalf(g, xw->visible ? "wm deiconify %s; raise %s" : "wm withdraw %s%.0s", w->path,
                      w->path);
        }
        sync_forms(g, c); /* forms made inside forms without -nested */
    }
}

/* Drops the windows of deleted elements (children first: Tk destroys them
 * with their parent). */
static void
sync_deleted(struct gs_gui *g)
{
    for (size_t i = g->n; i-- > 0;)
        if (!g->w[i].dead && !elem_from_handle(g->sim->model, g->w[i].eh))
            drop(g, &g->w[i]);
}

/* Brings every window up to date with its element, then lets Tk draw. */
static void
frame(struct gs_gui *g, bool full)
{
    if (full) {
        sync_deleted(g);
        sync_forms(g, g->sim->model->root);
    } else {
        for (size_t i = 0; i < g->n; i++) {
            struct tkw *w = &g->w[i];
            struct gs_element *el = tkg_elem(g, w);
            if (!el) {
                if (!w->dead)
                    drop(g, w);
                continue;
            }
            configure(g, w, el);
        }
    }
    for (size_t i = 0; i < g->n; i++) {
        struct tkw *w = &g->w[i];
        struct gs_element *el = tkg_elem(g, w);
        if (el && w->shown && (w->kind == TKW_GRAPH || w->kind == TKW_DRAW))
            tkg_draw(g, w, el);
    }
    while (Tcl_DoOneEvent(TCL_ALL_EVENTS | TCL_DONT_WAIT))
        ;
}

/* ---- events ------------------------------------------------------------------ */

/* Toplevel record F's window was destroyed by another client: Tk has
 * destroyed it with every widget inside, so their records go too. */
static void
forget_destroyed(struct gs_gui *g, struct tkw *f)
{
    size_t n = strlen(f->path);
    for (size_t i = 0; i < g->n; i++) {
        struct tkw *w = &g->w[i];
        if (!w->dead && strncmp(w->path, f->path, n) == 0 && (w->path[n] == '\0' || w->path[n] == '.'))
            forget(g, w);
    }
}

/* gensh_event INDEX EVENT ?WORDS...?: a click or typed value on widget
 * INDEX raises EVENT's action on its element, as `call` would. */
static int
event_cmd(ClientData cd, Tcl_Interp *ip, int objc, Tcl_Obj *const objv[])
{
    (void)ip;
    struct gs_gui *g = cd;
    struct gs_sim *sim = g->sim;
    long idx;
    if (objc < 3 || Tcl_GetLongFromObj(NULL, objv[1], &idx) != TCL_OK || idx < 0
        || (size_t)idx >= g->n)
        return TCL_OK;
    struct gs_element *el = tkg_elem(g, &g->w[idx]);
    if (!el)
        return TCL_OK;
    const char *ev = Tcl_GetString(objv[2]);
    if (strcmp(ev, "CLOSE") == 0) {
        ((struct xo_widget *)el)->visible = 0; /* the window manager's close: as xhide */
        g->need_full = true;
        return TCL_OK;
    }
    if (strcmp(ev, "DESTROYED") == 0) {
        /* Destroyed from outside: hidden, and drawn anew by the next xshow. */
        ((struct xo_widget *)el)->visible = 0;
        forget_destroyed(g, &g->w[idx]);
        g->need_full = true;
        return TCL_OK;
    }
    if (strcmp(ev, "TOGGLE") == 0)
        ev = tkg_num(g, el, "state") != 0 ? "B1UP" : "B1DOWN";
    const struct gs_named_action *a = class_extra(el->cls, ev);
    if (!a)
        return TCL_OK;
    const char *argv[8];
    int argc = 0;
    for (int i = 3; i < objc && argc < 7; i++)
        argv[argc++] = Tcl_GetString(objv[i]);
    argv[argc] = NULL;
    /* Errors inside the callback name the widget (E3: its path stands
     * where a script's FILE:LINE would). */
    char *path = elem_path_str(el);
    char *origin = xasprintf("%s (%s)", path, ev);
    const char *old_origin = sim->cmd_origin, *old_cmd = sim->cmd_name;
    sim->cmd_origin = origin;
    sim->cmd_name = NULL;
    unsigned long nerrors = sim->nerrors;
    g->in_callback++;
    enum gs_status st = a->fn(sim, el, argc, argv);
    g->in_callback--;
    if (st != GS_OK && sim->quit_requested) {
        gs_diag_clear(sim); /* QUIT: the prompt sees quit_requested and ends */
    } else if (st != GS_OK && sim->nerrors != nerrors) {
        /* Reported inside, naming the widget and the script part; what
         * comes back (-strict's "stopped in the callback") adds nothing. */
        gs_diag_clear(sim);
    } else if (st != GS_OK && sim->diag.set) {
        fprintf(sim->err, "%s: %s: %s\n", sim->tag, origin, sim->diag.msg);
        sim->nerrors++;
        gs_diag_clear(sim);
    }
    sim->cmd_origin = old_origin;
    sim->cmd_name = old_cmd;
    fflush(sim->out); /* what a callback echoes shows now, as at the prompt */
    free(origin);
    free(path);
    g->need_full = true;
    return TCL_OK;
}

/* ---- the display going away -------------------------------------------------- */

/* Xlib calls this when the connection breaks; returning would exit the
 * process, so it jumps back to the guard of the running entry point. */
static struct gs_gui *io_gui;

static int
io_error(Display *d)
{
    (void)d;
    if (io_gui && io_gui->guard)
        longjmp(*io_gui->guard, 1);
    /* Not inside a guard (cannot happen: every entry point sets one).
     * Xlib exits after this; say why. */
    fputs("gensh: the display went away outside the GUI's guard\n", stderr);
    return 0;
}

/* Every X protocol error of the display comes here (Tk passes on to
 * Xlib's default handler, which exits the process, an error no handler of
 * Tk's own claims). A window that another client destroyed makes
 * BadWindow and BadDrawable errors for requests already on their way; the
 * <Destroy> binding forgets it, so those are dropped silently. Anything
 * else is reported once; the run goes on. */
static int
x_error(ClientData cd, XErrorEvent *ev)
{
    struct gs_gui *g = cd;
    if (ev->error_code == BadWindow || ev->error_code == BadDrawable || g->xerr_said)
        return 0;
    char text[160];
    XGetErrorText(ev->display, ev->error_code, text, sizeof text);
    fprintf(g->sim->err,
            "%s: warning: the X server refused a drawing request (%s, request %d); "
            "further X errors are not shown\n",
            g->sim->tag, text, ev->request_code);
    g->xerr_said = true;
    return 0;
}

/* After the jump: forget Tk without calling it again (its state is
 * half-way through an Xlib call); the run goes on headless. */
static void
display_lost(struct gs_sim *sim)
{
    struct gs_gui *g = sim->gui;
    g->dead = true;
    g->guard = NULL;
    sim->gui_pump = NULL;
    for (size_t i = 0; i < g->n; i++) {
        tkg_draw_forget(&g->w[i]);
        free(g->w[i].sig);
        g->w[i].sig = NULL;
    }
    gs_warn(sim, "the display '%s' went away: the windows are gone, the run goes on without them",
            g->display);
    if (sim->diag.set) {
        /* Outside a command (the prompt's pump): report it here. */
        if (!sim->cmd_name) {
            fprintf(sim->err, "%s: warning: %s\n", sim->tag, sim->diag.msg);
            gs_diag_clear(sim);
        }
    }
}

/* Every entry point runs under this guard. */
#define GUARDED(g, sim, body)                                                                      \
    do {                                                                                           \
        jmp_buf jb, *saved = (g)->guard;                                                           \
        if (setjmp(jb) != 0) {                                                                     \
            display_lost(sim);                                                                     \
            break;                                                                                 \
        }                                                                                          \
        (g)->guard = &jb;                                                                          \
        body;                                                                                      \
        (g)->guard = saved;                                                                        \
    } while (0)

/* ---- entry points ------------------------------------------------------------ */

static void
pump(struct gs_sim *sim, bool now)
{
    struct gs_gui *g = sim->gui;
    if (!g || g->dead || g->in_frame)
        return;
    double t = now_s();
    if (!now && t < g->next_frame)
        return;
    g->in_frame++;
    GUARDED(g, sim, {
        frame(g, now || g->need_full);
        g->need_full = false;
    });
    /* About 30 frames a second, and drawing at most about a tenth of the
     * time: when frames take longer (a large view, a loaded machine) the
     * next comes further off, at least 4 a second. The cost is averaged
     * over bounded frames, so that one slow frame (the first drawing of
     * the windows, at xshow) does not hold the next back. */
    if (!now)
        g->frame_cost = 0.8 * g->frame_cost + 0.2 * (now_s() - t);
    double gap = 10 * g->frame_cost;
    g->next_frame = t + (gap < 1.0 / 30 ? 1.0 / 30 : gap > 0.25 ? 0.25 : gap);
    if (g->in_frame)
        g->in_frame--;
}

static void
close_gui(struct gs_sim *sim)
{
    struct gs_gui *g = sim->gui;
    if (!g)
        return;
    if (!g->dead && g->tcl) {
        GUARDED(g, sim, {
            for (size_t i = g->n; i-- > 0;)
                drop(g, &g->w[i]);
            Tcl_DeleteInterp(g->tcl);
            while (Tcl_DoOneEvent(TCL_ALL_EVENTS | TCL_DONT_WAIT))
                ;
            if (g->xerr) {
                /* Errors of requests made so far arrive now, while G lives. */
                XSync(g->dpy, False);
                Tk_DeleteErrorHandler(g->xerr);
            }
        });
    }
    for (size_t i = 0; i < g->n; i++) {
        tkg_draw_forget(&g->w[i]);
        free(g->w[i].sig);
    }
    free(g->w);
    sb_free(&g->fbuf);
    if (io_gui == g)
        io_gui = NULL;
    free(g);
    sim->gui = NULL;
    sim->gui_pump = NULL;
    sim->gui_close = NULL;
}

bool
gui_open(struct gs_sim *sim)
{
    if (sim->gui)
        return !sim->gui->dead;
    const char *d = getenv("DISPLAY");
    /* -batch runs to the end and exits: no windows (and none in tests). */
    if (sim->opt.nox || sim->opt.batch || !d || !*d)
        return false;
    if (io_gui) /* one display per process: another simulator has it */
        return false;
    struct gs_gui *g = xcalloc(1, sizeof *g);
    g->sim = sim;
    snprintf(g->display, sizeof g->display, "%s", d);
    g->tcl = Tcl_CreateInterp();
    if (Tcl_Init(g->tcl) != TCL_OK || Tk_Init(g->tcl) != TCL_OK) {
        gs_warn(sim, "cannot open the display '%s' (%s): the widgets stay headless", d,
                Tcl_GetStringResult(g->tcl));
        Tcl_DeleteInterp(g->tcl);
        /* Kept, dead, so that the next xshow does not try again. */
        g->dead = true;
        sim->gui = g;
        sim->gui_close = close_gui;
        return false;
    }
    g->main = Tk_MainWindow(g->tcl);
    g->dpy = Tk_Display(g->main);
    io_gui = g;
    XSetIOErrorHandler(io_error);
    g->xerr = Tk_CreateErrorHandler(g->dpy, -1, -1, -1, x_error, g);
    Tcl_CreateObjCommand(g->tcl, "gensh_event", event_cmd, g, NULL);
    tkg_evalf(g, "wm withdraw .");
    sim->gui = g;
    sim->gui_pump = pump;
    sim->gui_close = close_gui;
    return true;
}

void
gui_sync(struct gs_sim *sim)
{
    struct gs_gui *g = sim->gui;
    if (!g || g->dead)
        return;
    if (g->in_frame) {
        g->need_full = true; /* inside a callback: the frame after it */
        return;
    }
    g->need_full = true;
    pump(sim, true);
}

bool
gui_widget_size(struct gs_sim *sim, struct gs_element *el, int *w, int *h)
{
    struct gs_gui *g = sim->gui;
    struct tkw *r = g && !g->dead ? tkg_find(g, el) : NULL;
    if (!r || !r->shown)
        return false;
    *w = r->w;
    *h = r->h;
    return true;
}
