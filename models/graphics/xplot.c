/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xplot.c: the xplot class, one line in a graph: the points
 * (xpts->table[i], ypts->table[i]) for i < npts. An xgraph makes one for
 * each PLOT/PLOTSCALE message it gets and feeds it (xgraph.c); an xplot made
 * by hand takes the same messages itself. PLOT adds (t, data) at every step
 * of its clock, PLOTSCALE (t, data * scale + yoffset), an X message gives
 * the x of the PLOT point instead of t, and WAVEPLOT messages set the y of
 * successive points. Headless, every point is kept (GENESIS's squish mode
 * drops points that are close on screen; a headless run has no screen).
 */
#include <stdlib.h>
#include <string.h>

#include "xo_int.h"

#define XPLOT_START_POINTS 201 /* GENESIS's first allocation */

static const struct gs_field xplot_fields[] = {
    XO_PIX_FIELDS(struct xplot),
    GS_FIELD(struct xplot, linewidth, GS_INT, "", "line width, pixels"),
    GS_FIELD(struct xplot, linestyle, GS_STR, "", "LineSolid, LineOnOffDash or LineDoubleDash"),
    GS_FIELD(struct xplot, xmin, GS_REAL, "", "x range shown: lower end"),
    GS_FIELD(struct xplot, xmax, GS_REAL, "", "x range shown: upper end"),
    GS_FIELD(struct xplot, ymin, GS_REAL, "", "y range shown: lower end"),
    GS_FIELD(struct xplot, ymax, GS_REAL, "", "y range shown: upper end"),
    GS_FIELD(struct xplot, wx, GS_REAL, "", "x scale of the plot window"),
    GS_FIELD(struct xplot, wy, GS_REAL, "", "y scale of the plot window"),
    GS_FIELD(struct xplot, memory_mode, GS_STR, "",
             "squish, limit, roll or oscope (headless: "
             "every point is kept)"),
    GS_FIELD(struct xplot, ysquish, GS_REAL, "", "squish mode's y resolution"),
    GS_FIELD(struct xplot, do_slope, GS_INT, "", "1: plot the slope of the input"),
    GS_FIELD(struct xplot, npts, GS_INT, "", "number of points"),
    GS_FIELD(struct xplot, xpts, GS_TABLE, "", "x of the points"),
    GS_FIELD(struct xplot, ypts, GS_TABLE, "", "y of the points"),
    GS_FIELD(struct xplot, label, GS_STR, "", "the plot's name on the graph (from PLOT)"),
    GS_FIELD_F(struct xplot, processed, GS_INT, GS_F_HIDDEN | GS_F_RO, "",
               "a point was added since reset"),
    GS_FIELD_F(struct xplot, has_x, GS_INT, GS_F_HIDDEN | GS_F_RO, "", "an X message gives x"),
    GS_FIELD_END,
};

static const struct gs_msgdef xplot_msgs[] = {
    {"PLOT", 3, {"data", "name", "color"}, "adds (time, data) at each step"},
    {"PLOTSCALE",
     5,
     {"data", "name", "color", "scale", "yoffset"},
     "adds (time, data * scale + yoffset) at each step"},
    {"X", 2, {"x", "name"}, "the x of the point the PLOT message adds"},
    {"WAVEPLOT", 3, {"data", "name", "color"}, "the y of one of a line of points"},
    GS_MSGDEF_END,
};

void
xplot_clear(struct xplot *p)
{
    p->npts = 0;
    p->processed = 0;
}

/* Room for N points in both tables (errors recorded in SIM). */
static enum gs_status
reserve(struct gs_sim *sim, struct xplot *p, long n)
{
    if (xo_table_reserve(sim, &p->p.el, &p->xpts, n) != GS_OK)
        return GS_ERR;
    return xo_table_reserve(sim, &p->p.el, &p->ypts, n);
}

enum gs_status
xplot_feed(struct gs_sim *sim, struct xplot *p, const struct gs_msg *m, int type, double t,
           double dt, int wave)
{
    double y;
    switch (type) {
    case XO_PLOT:
    case XO_PLOTSCALE:
        y = msg_val(m, 0);
        if (type == XO_PLOTSCALE)
            y = y * msg_val(m, 3) + msg_val(m, 4);
        if (p->do_slope) {
            double in = y;
            y = dt > 0 ? (in - p->input) / dt : 0;
            p->input = in;
        } else {
            p->input = y;
        }
        if (reserve(sim, p, (long)p->npts + 1) != GS_OK)
            return GS_ERR;
        p->ypts->table[p->npts] = y;
        if (!p->has_x) {
            /* The time of the step's start: the values after this step (the
             * same stamp as asc_file). */
            p->xpts->table[p->npts] = t;
            p->npts++;
        }
        p->processed = 1;
        break;
    case XO_X:
        if (!p->has_x)
            break;
        if (reserve(sim, p, (long)p->npts + 1) != GS_OK)
            return GS_ERR;
        p->xpts->table[p->npts] = msg_val(m, 0);
        p->npts++;
        break;
    case XO_WAVEPLOT:
        if (reserve(sim, p, (long)wave + 1) != GS_OK)
            return GS_ERR;
        p->ypts->table[wave] = msg_val(m, 0);
        p->xpts->table[wave] = wave;
        if (p->npts < wave + 1)
            p->npts = wave + 1;
        p->processed = 1;
        break;
    default:
        break;
    }
    return GS_OK;
}

static enum gs_status
xplot_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xplot *p = (struct xplot *)el;
    if (xo_need_draw(sim, el) != GS_OK)
        return GS_ERR;
    if (reserve(sim, p, XPLOT_START_POINTS) != GS_OK)
        return GS_ERR;
    xo_pix_init(&p->p);
    p->linewidth = 1;
    p->linestyle = xstrdup("LineSolid");
    p->memory_mode = xstrdup("squish");
    p->label = xstrdup(el->name);
    p->xmax = p->ymax = 1;
    p->wx = p->wy = 1;
    if (el->parent->cls == &xgraph_class) {
        double lim[4];
        xgraph_limits(el->parent, lim);
        p->xmin = lim[0];
        p->xmax = lim[1];
        p->ymin = lim[2];
        p->ymax = lim[3];
    }
    return GS_OK;
}

static enum gs_status
xplot_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

static enum gs_status
xplot_check(struct gs_sim *sim, const struct gs_element *cand, const struct gs_element *old)
{
    (void)old;
    const struct xplot *p = (const struct xplot *)cand;
    if (p->npts < 0)
        return gs_error(sim, "npts must be >= 0, got %d", p->npts);
    if (p->npts > GS_MAX_INDEX)
        return gs_error(sim, "npts must be at most %d, got %d", GS_MAX_INDEX, p->npts);
    return GS_OK;
}

/* A larger npts grows the tables (zeros); if memory runs out, npts stops there. */
static void
xplot_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    struct xplot *p = (struct xplot *)el;
    if (f->offset == offsetof(struct xplot, npts) && reserve(NULL, p, p->npts) != GS_OK)
        p->npts = p->xpts->xdivs < p->ypts->xdivs ? p->xpts->xdivs + 1 : p->ypts->xdivs + 1;
}

/* The data slot of a plot message must be a number. */
static enum gs_status
xplot_msg_added(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    struct xplot *p = (struct xplot *)el;
    if (m->slot[0].kind == GS_SLOT_STR)
        return gs_error(sim, "the %s slot of %s must be a number or a numeric field, got '%s'",
                        el->cls->msgs[m->type].slots[0], el->cls->msgs[m->type].name,
                        m->slot[0].text);
    switch (m->type) {
    case XO_PLOT:
    case XO_PLOTSCALE:
        xo_set_str(&p->p.fg, msg_str(m, 2));
        xplot_clear(p);
        break;
    case XO_X:
        p->has_x = 1;
        break;
    case XO_WAVEPLOT:
        if (p->nwave++ == 0)
            xo_set_str(&p->p.fg, msg_str(m, 2));
        break;
    default:
        break;
    }
    return GS_OK;
}

/* Recounts what the plot's own messages ask for, leaving out GONE. */
static void
scan_own(struct xplot *p, const struct gs_msg *gone)
{
    int nplot = 0, nx = 0, nwave = 0;
    for (int i = 0; i < p->p.el.nin; i++) {
        const struct gs_msg *m = p->p.el.in[i];
        if (m == gone)
            continue;
        nplot += m->type == XO_PLOT || m->type == XO_PLOTSCALE;
        nx += m->type == XO_X;
        nwave += m->type == XO_WAVEPLOT;
    }
    /* Plots an xgraph feeds have no messages of their own: keep its flags. */
    if (nplot + nx + nwave == 0 && !gone)
        return;
    p->has_x = nx > 0 && nplot > 0;
    p->nwave = nwave;
}

static void
xplot_msg_deleted(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    (void)sim;
    scan_own((struct xplot *)el, m);
}

static enum gs_status
xplot_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct xplot *p = (struct xplot *)el;
    int nplot = 0, nwave = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type == XO_PLOT || m->type == XO_PLOTSCALE) {
            if (nplot++ == 0)
                p->input = m->type == XO_PLOT ? msg_val(m, 0)
                                              : msg_val(m, 0) * msg_val(m, 3) + msg_val(m, 4);
        }
        nwave += m->type == XO_WAVEPLOT;
    }
    /* Only a plot with messages of its own starts again; copies kept as
     * overlays, and plots filled by hand, keep their points. */
    if (nplot > 0 || nwave > 0) {
        scan_own(p, NULL);
        xplot_clear(p);
    }
    if (nplot > 1) {
        char *path = elem_path_str(el);
        gs_warn(sim, "xplot '%s' has %d PLOT/PLOTSCALE messages; each adds its own points", path,
                nplot);
        free(path);
    }
    return GS_OK;
}

static enum gs_status
xplot_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct xplot *p = (struct xplot *)el;
    int wave = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (xplot_feed(sim, p, m, m->type, tick->t, tick->dt, m->type == XO_WAVEPLOT ? wave++ : 0)
            != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}

/* ADDPTS x y: adds one point by hand (GENESIS's old xaddpts); listed in
 * xo_plot_actions with the mouse events. */
enum gs_status
xplot_addpts(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct xplot *p = (struct xplot *)el;
    if (argc != 2)
        return gs_error(sim, "ADDPTS expects x and y, got %d argument%s", argc,
                        argc == 1 ? "" : "s");
    double v[2];
    for (int i = 0; i < 2; i++) {
        char *end;
        v[i] = strtod(argv[i], &end);
        if (end == argv[i] || *end)
            return gs_error(sim, "ADDPTS expects numbers, got '%s'", argv[i]);
    }
    if (reserve(sim, p, (long)p->npts + 1) != GS_OK)
        return GS_ERR;
    p->xpts->table[p->npts] = v[0];
    p->ypts->table[p->npts] = v[1];
    p->npts++;
    return GS_OK;
}

const struct gs_class xplot_class = {
    .name = "xplot",
    .classes = "gadget output",
    .desc = "one plotted line of a graph, with its points",
    .size = sizeof(struct xplot),
    .fields = xplot_fields,
    .msgs = xplot_msgs,
    .extra = xo_plot_actions,
    .create = xplot_create,
    .create_args = xplot_create_args,
    .reset = xplot_reset,
    .process = xplot_process,
    .check_fields = xplot_check,
    .field_set = xplot_field_set,
    .msg_added = xplot_msg_added,
    .msg_deleted = xplot_msg_deleted,
};
