/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tk_int.h: private to models/graphics/tk: the display's state and the
 * helpers its files share (tk_gui.c: windows, layout, events; tk_draw.c:
 * graphs and views).
 */
#ifndef GS_TK_INT_H
#define GS_TK_INT_H

#include <setjmp.h>
#include <stdbool.h>

#include <tcl.h>
#include <tk.h>

#include "../../base/strbuf.h"
#include "../../core/core.h"

enum tkw_kind { TKW_FORM, TKW_LABEL, TKW_BUTTON, TKW_TOGGLE, TKW_DIALOG, TKW_TEXT, TKW_GRAPH, TKW_DRAW };

/* One plot as drawn on a graph's canvas. */
struct tk_plot {
    struct gs_handle h; /* the xplot */
    int drawn;          /* points drawn so far */
    int npts_seen;      /* its npts at the last frame (a drop: reset) */
    double lastx, lasty; /* pixel position of the last point drawn */
};

/* One drawn widget. Records are never removed (their index names them in
 * Tk callbacks); a deleted element's record is marked dead. */
struct tkw {
    struct gs_handle eh; /* the element */
    enum tkw_kind kind;
    size_t idx;
    char path[96];   /* the Tk window */
    int x, y, w, h;  /* placed (pixels; a form: on the screen) */
    bool shown, nested, dead;
    bool redraw;     /* draw everything again at the next frame */
    char *sig;       /* the configuration last applied (fields joined) */
    /* graphs: plots and the limits they were drawn with */
    struct tk_plot *plots;
    int nplots;
    double lim[4];
    char *gsig;      /* axes, titles, units last drawn */
    /* draws: the colour index of each view point, and the point count */
    int *cidx;
    int ncidx;
    char *vsig;
    /* draws: the views are painted into one photo image (RGBA, w x h),
     * handed to Tk in one call per frame that changed a colour */
    unsigned char *pix;
    int pw, ph;
    unsigned char bg[3]; /* the draw's background where no box is */
    bool has_image;      /* the photo gensh_view<idx> and its canvas item exist */
};

struct gs_gui {
    struct gs_sim *sim;
    Tcl_Interp *tcl;
    Tk_Window main;
    Display *dpy;
    struct tkw *w;
    size_t n, cap;
    double next_frame;  /* wall time of the next bounded frame */
    double frame_cost;  /* wall seconds a bounded frame takes (running average) */
    jmp_buf *guard;     /* where a broken display connection jumps to */
    bool dead;          /* the display went away, or never opened */
    bool need_full;     /* look for new, shown and hidden forms at the next frame */
    int in_frame;       /* a frame (and the callbacks it runs) is under way */
    int in_callback;
    Tk_ErrorHandler xerr; /* keeps X protocol errors from ending gensh */
    bool xerr_said;       /* one warning for errors other than a lost window */
    struct strbuf fbuf; /* tkg_str's value */
    char display[64];   /* the display's name, for messages */
};

/* Runs the Tcl command ARGV (NULL ended, words as they are: no quoting
 * needed); returns TCL_OK or TCL_ERROR. */
int tkg_eval(struct gs_gui *g, const char *const *argv);
/* Runs a Tcl script made from FMT (the caller quotes). */
int tkg_evalf(struct gs_gui *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Field NAME of EL as GENESIS prints it ("" if it has none); valid until
 * the next call. */
const char *tkg_str(struct gs_gui *g, struct gs_element *el, const char *name);
/* Field NAME of EL as a number (0 if it has none). */
double tkg_num(struct gs_gui *g, struct gs_element *el, const char *name);
/* The element record W draws, or NULL once it is deleted. */
struct gs_element *tkg_elem(struct gs_gui *g, const struct tkw *w);
/* The record drawing EL, or NULL. */
struct tkw *tkg_find(struct gs_gui *g, const struct gs_element *el);

/* Redraws graph or draw W (element EL): new points, changed limits, view
 * colours (tk_draw.c). */
void tkg_draw(struct gs_gui *g, struct tkw *w, struct gs_element *el);
/* Frees W's drawing state (not its window). */
void tkg_draw_forget(struct tkw *w);

#endif
