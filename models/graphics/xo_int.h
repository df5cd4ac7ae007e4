/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xo_int.h: private to models/graphics: what the XODUS classes share. The
 * classes are headless: each is an element with GENESIS's fields, create
 * options, messages and mouse-event actions, and nothing is drawn (a later
 * Tk layer draws them from these same elements; no Tk header is included
 * anywhere here). This header declares the common leading members of
 * widgets ("widget" class) and pixes ("gadget" class), the instance structs
 * that several files touch, the create-option parser, geometry checks, the
 * script-callback runner and the table helpers.
 */
#ifndef GS_XO_INT_H
#define GS_XO_INT_H

#include <stddef.h>

#include "../core/core.h"

/* ---- common members ------------------------------------------------------ */

/* The members every widget (xform, xlabel, xbutton, ...) begins with. */
struct xo_widget {
    struct gs_element el;
    char *fg, *bg;                       /* colours (names, as X or Tk spell them) */
    char *xgeom, *ygeom, *wgeom, *hgeom; /* geometry strings (XODUS.txt 19.3) */
    int visible;                         /* mapped: xshow 1, xhide 0 (gensh) */
};

/* The members every pix (xplot, xaxis, xshape, xview) begins with. */
struct xo_pix {
    struct gs_element el;
    char *fg;          /* colour */
    char *script;      /* script callbacks */
    double tx, ty, tz; /* displacement in the parent draw's coordinates */
    int pixflags;      /* GENESIS pix flags, as a number */
};

/* A field entry for a member reached through a nested struct (w.fg). */
#define XO_F(T, fname, m, type, flags, desc)                                                       \
    {                                                                                              \
        fname, type, offsetof(T, m), sizeof(((T *)0)->m), "", flags, desc                          \
    }

/* The field entries of the struct xo_widget member W of T. */
#define XO_WIDGET_FIELDS(T)                                                                        \
    XO_F(T, "fg", w.fg, GS_STR, 0, "foreground colour"),                                           \
        XO_F(T, "bg", w.bg, GS_STR, 0, "background colour"),                                       \
        XO_F(T, "xgeom", w.xgeom, GS_STR, 0, "x position: N, N%, or N:ref.edge"),                  \
        XO_F(T, "ygeom", w.ygeom, GS_STR, 0, "y position (downwards)"),                            \
        XO_F(T, "wgeom", w.wgeom, GS_STR, 0, "width"),                                             \
        XO_F(T, "hgeom", w.hgeom, GS_STR, 0, "height (empty: the natural height)"),                \
        XO_F(T, "visible", w.visible, GS_INT, GS_F_RO, "1 when shown (xshow), 0 when hidden")

/* The field entries of the struct xo_pix member P of T. */
#define XO_PIX_FIELDS(T)                                                                           \
    XO_F(T, "fg", p.fg, GS_STR, 0, "colour"),                                                      \
        XO_F(T, "script", p.script, GS_STR, 0, "script callbacks (Clicks.txt)"),                   \
        XO_F(T, "tx", p.tx, GS_REAL, 0, "x displacement"),                                         \
        XO_F(T, "ty", p.ty, GS_REAL, 0, "y displacement"),                                         \
        XO_F(T, "tz", p.tz, GS_REAL, 0, "z displacement"),                                         \
        XO_F(T, "pixflags", p.pixflags, GS_INT, 0, "pix flags")

/* ---- instances shared between files -------------------------------------- */

struct xtoggle {
    struct xo_widget w;
    char *onlabel, *offlabel, *onfg, *offfg, *onbg, *offbg, *onfont, *offfont;
    char *script;
    int state; /* 1 on, 0 off */
};

struct xdialog {
    struct xo_widget w;
    char *label, *font, *value, *script;
    double fvalue; /* value as a number */
};

/* A plotted line: (xpts->table[i], ypts->table[i]) for i < npts. */
struct xplot {
    struct xo_pix p;
    int linewidth;
    char *linestyle, *memory_mode, *label;
    double xmin, xmax, ymin, ymax, wx, wy, ysquish;
    int do_slope; /* plot the slope of the input instead */
    int npts;     /* points plotted */
    struct interpol *xpts, *ypts;
    /* hidden */
    int processed; /* a point was added since the last reset */
    int has_x;     /* an X message supplies the x values */
    int nwave;     /* WAVEPLOT messages feeding it */
    double input;  /* last input (for do_slope) */
};

struct xaxis {
    struct xo_pix p;
    int linewidth, rotatelabels;
    char *linestyle, *textcolor, *textmode, *textfont, *units, *title, *tickmode;
    double unitoffset, titleoffset, ticklength, labeloffset;
    double axx, axy, axz, axmin, axmax, axlength, tickx, ticky, tickz, labmin, labmax;
};

struct xshape {
    struct xo_pix p;
    char *drawmode, *linestyle, *capstyle, *joinstyle, *text, *textcolor, *textmode, *textfont,
        *value;
    int linewidth, npts;
    struct interpol *xpts, *ypts, *zpts;
};

/* ---- classes (for isa tests and children made by other classes) ----------- */

extern const struct gs_class xaxis_class, xbutton_class, xcoredraw_class, xdialog_class,
    xdraw_class, xform_class, xgraph_class, xlabel_class, xplot_class, xshape_class, xtext_class,
    xtoggle_class, xview_class;

/* ---- create options ------------------------------------------------------ */

/* A create option of a class beyond "-field value" (an alias or a flag). */
struct xo_option {
    const char *name;   /* without the '-' */
    const char *fields; /* the field(s) it sets, blank separated; NULL: a flag */
    size_t flag_offset; /* for a flag: the int member set to 1 */
};
#define XO_OPTION_END                                                                              \
    {                                                                                              \
        NULL, NULL, 0                                                                              \
    }

/*
 * Reads the create-line words of a widget or pix: "[x,y,w,h]" (also split
 * over several words, parts may be empty), "-field value" for any field of
 * the class, and the class's own OPTS. All fields are set together (K3);
 * flags after that. Errors: a bad geometry, an unknown option, a missing
 * value, a stray word; the element is then deleted by create.
 */
enum gs_status xo_create_args(struct gs_sim *sim, struct gs_element *el, int argc,
                              const char *const *argv, const struct xo_option *opts);

/* ---- geometry ------------------------------------------------------------ */

/*
 * Checks one geometry value: "" (the default), or an integer with an
 * optional '%', then optionally ":ref" and ".edge" (ref: parent, last or a
 * sibling's name; edge: left right top bottom width height). FORM: forms take
 * no reference. Errors name the field and the value.
 */
enum gs_status xo_geom_check(struct gs_sim *sim, const char *field, const char *value, bool form);
/* check_fields hook for every widget: the four geometry fields. */
enum gs_status xo_widget_check(struct gs_sim *sim, const struct gs_element *cand,
                               const struct gs_element *old);
/* Sets the common widget defaults (FORM: a form's pixel geometry). */
void xo_widget_init(struct xo_widget *w, bool form);
/* Sets the common pix defaults. */
void xo_pix_init(struct xo_pix *p);

/* ---- ancestry ------------------------------------------------------------ */

/* The nearest ancestor of EL of class CLS, or NULL. */
struct gs_element *xo_ancestor(const struct gs_element *el, const struct gs_class *cls);
/* Errors unless an ancestor of EL is an xform (widgets live in forms). */
enum gs_status xo_need_form(struct gs_sim *sim, struct gs_element *el);
/* Errors unless an ancestor of EL is a draw (xcoredraw, xdraw, xgraph). */
enum gs_status xo_need_draw(struct gs_sim *sim, struct gs_element *el);
/* Does EL accept widget commands (xshow, xhide ...)? Widgets, not pixes. */
bool xo_is_widget(const struct gs_element *el);

/* ---- mouse events and script callbacks ----------------------------------- */

/* The GUI actions classes offer to `call` (Clicks.txt), GS_ACTION_END ended. */
extern const struct gs_named_action xo_static_actions[]; /* xform, xlabel */
extern const struct gs_named_action xo_button_actions[]; /* xbutton */
extern const struct gs_named_action xo_toggle_actions[]; /* xtoggle */
extern const struct gs_named_action xo_dialog_actions[]; /* xdialog, xtext */
extern const struct gs_named_action xo_draw_actions[];   /* draws and pixes */
extern const struct gs_named_action xo_plot_actions[];   /* xplot: the above and ADDPTS */
extern const struct gs_named_action xo_canvas_actions[]; /* graphs and draws: the above and PRINT */
/* PRINT [file]: writes the picture of a graph or draw (xo_print.c), as
 * XODUS's Ctrl-P did: to FILE, or where xps says (a file or the printer). */
enum gs_status xo_print_action(struct gs_sim *sim, struct gs_element *el, int argc,
                               const char *const *argv);
/* xplot's ADDPTS x y action (xplot.c). */
enum gs_status xplot_addpts(struct gs_sim *sim, struct gs_element *el, int argc,
                            const char *const *argv);

/* A GUI event as scripts see it (Clicks.txt): its suffix name ("d1") and
 * letter ('d'), and the values passed to <v>, <x> <y> <z>, <k>. */
struct xo_event {
    const char *action; /* B1DOWN, XUPDATE...: for error lines */
    const char *name;
    char letter;
    const char *value;
    const char *xyz[3];
    const char *key;
    int nextra; /* words appended to every call (XOCOMMAND) */
    const char *const *extra;
};

/*
 * Runs the script callbacks in SCRIPT for event EV of EL: each
 * ';'-separated "func[.suffix] args..." whose suffix matches the event (no
 * suffix: any button press or release), with <widget>/<w>/<n>, <value>/<v>,
 * <x>/<y>/<z> and <key>/<k> replaced and EV->extra appended. Each runs
 * through sim->run_words. Errors: GS_ERR only when the scripts must stop
 * (-strict); errors inside a callback are reported where they happen.
 */
enum gs_status xo_run_script(struct gs_sim *sim, struct gs_element *el, const char *script,
                             const struct xo_event *ev);

/* ---- tables ---------------------------------------------------------------- */

/*
 * Makes *TP hold at least N entries (N >= 2), keeping its values and zeroing
 * new ones; creates it on [0, 1] if needed; grows by doubling. Errors: the
 * allocation failed (a user-sized one) or N is past GS_MAX_INDEX; *TP is
 * then unchanged, and the error is recorded unless SIM is NULL.
 */
enum gs_status xo_table_reserve(struct gs_sim *sim, struct gs_element *el, struct interpol **tp,
                                long n);

/* ---- views (xview.c) ------------------------------------------------------ */

/* Takes the values of view EL (an xview) again if a step ran since they
 * were last taken; steps only mark views stale, so that a view costs
 * nothing until it is read or drawn. */
void xview_refresh(struct gs_element *el);
/* What a view shows, for drawing: N points at X[i], Y[i] with the value
 * shown as colour VAL[i] (color_val's, value 1 when it is 0), between VMIN
 * and VMAX; boxes SIZE wide. Refreshes the values first. */
struct xview_pts {
    int n;
    const double *x, *y, *val;
    double vmin, vmax, size;
};
void xview_points(struct gs_element *el, struct xview_pts *out);

/* ---- the look of graphs and views (xo_look.c) ------------------------------ */

/* Where a graph or draw puts its values, in pixels of a W x H widget: the
 * plot area (left, right, top, bottom) and the limits it spans; graphs also
 * the number of y ticks (x ticks: XO_NXTICKS). */
struct xo_area {
    double l, r, t, b;
    double xmin, xmax, ymin, ymax;
    int nyticks;
};
#define XO_NXTICKS 5
#define XO_NCOLORS 64 /* colours of a colour scale */
void xo_graph_area(struct gs_element *graph, int w, int h, struct xo_area *a);
/* A draw (xdraw, xcoredraw): its whole area spans xmin..xmax, ymin..ymax. */
void xo_draw_area(struct gs_element *draw, int w, int h, struct xo_area *a);
/* Pixel x of value X, pixel y of value Y (off-scale y stays at the edge). */
double xo_area_x(const struct xo_area *a, double x);
double xo_area_y(const struct xo_area *a, double y);
/* Tick I (0..XO_NXTICKS or 0..nyticks) of AXIS (0 x, 1 y): its pixel
 * position along the axis and its label. */
void xo_tick(const struct xo_area *a, int axis, int i, double *pos, char *label, size_t n);
/* The plots graph GRAPH shows: its own xplots and those kept in xoverlay. */
int xo_graph_plots(struct gs_element *graph, struct xplot **out, int max);
/* The title and units graph GRAPH shows ("" when unset). */
void xgraph_texts(const struct gs_element *graph, const char **title, const char **xunits,
                  const char **yunits);
/* The colour (0..XO_NCOLORS-1) of value V on a scale from LO to HI. */
int xo_value_color(double v, double lo, double hi);
/* Colour I of colour scale SCALE (hot, rainbow, ..., grey) as 0..255. */
void xo_scale_rgb(const char *scale, int i, unsigned char rgb[3]);
/* The colour scale chosen by xcolorscale (rainbow by default). */
const char *xo_colorscale_name(const struct gs_sim *sim);
/* The box (x0 y0 x1 y1, pixels) of point I of a view drawn in area A. */
void xo_view_box(const struct xo_area *a, const struct xview_pts *p, int i, double box[4]);

/* ---- plots (xplot.c, used by xgraph.c) ----------------------------------- */

/* The axis limits of graph G: xmin, xmax, ymin, ymax (new plots start with them). */
void xgraph_limits(const struct gs_element *g, double lim[4]);
/* Forgets the points of P (npts 0), as a reset does. */
void xplot_clear(struct xplot *p);
/* Feeds one PLOT/PLOTSCALE/X/WAVEPLOT message M (of the msg table order
 * shared by xgraph and xplot) into P at time T, clock interval DT. WAVE is
 * the position of a WAVEPLOT message among P's. Errors: out of memory. */
enum gs_status xplot_feed(struct gs_sim *sim, struct xplot *p, const struct gs_msg *m, int type,
                          double t, double dt, int wave);
/* The message types of xgraph and xplot (same order in both tables). */
enum { XO_PLOT, XO_PLOTSCALE, XO_X, XO_WAVEPLOT };

/* Turns TEXT into a valid element name (blanks and other characters paths
 * use become '_'; empty gives "plot"). Returns a new string; caller frees. */
char *xo_element_name(const char *text);
/* Replaces the string member *DST by a copy of SRC (NULL stays NULL). */
void xo_set_str(char **dst, const char *src);

#endif
