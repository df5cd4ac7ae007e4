/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xgraph.c: the xgraph class, a graph in a form. Like GENESIS's, it makes
 * its axes (x_axis, y_axis) and title (an xshape) when created, and one
 * xplot child for each PLOT or PLOTSCALE message it gets, named after the
 * message's name slot (characters a path cannot hold become '_'; a second
 * plot of the same name gets the next index). The messages stay on the
 * graph; each step the graph adds their values to its plots (xplot.c), at
 * the graph's clock. reset empties the plots; with `overlay` set, the old
 * plots are first kept as copies under the child `xoverlay`.
 */
#include <stdlib.h>
#include <string.h>

#include "xo_int.h"

struct xgraph {
    struct xo_widget w;
    double xmin, xmax, ymin, ymax;
    double cdxmin, cdxmax, cdymin, cdymax;
    double xoffset, yoffset;
    char *script, *title, *xlabel, *ylabel, *XUnits, *YUnits;
    int overlay;
    int processed;  /* hidden: stepped since the last reset */
    int overlay_no; /* hidden: resets kept as overlays */
};

/* What a message to the graph feeds: the plot, and its place among the
 * WAVEPLOT messages of that plot. Hangs on msg->data. */
struct plot_ref {
    struct gs_handle plot;
    int wave;
};

static const struct gs_field xgraph_fields[] = {
    XO_WIDGET_FIELDS(struct xgraph),
    GS_FIELD(struct xgraph, xmin, GS_REAL, "", "x axis: lower limit"),
    GS_FIELD(struct xgraph, xmax, GS_REAL, "", "x axis: upper limit"),
    GS_FIELD(struct xgraph, ymin, GS_REAL, "", "y axis: lower limit"),
    GS_FIELD(struct xgraph, ymax, GS_REAL, "", "y axis: upper limit"),
    GS_FIELD(struct xgraph, cdxmin, GS_REAL, "", "drawing region: left (axis units = 0..1)"),
    GS_FIELD(struct xgraph, cdxmax, GS_REAL, "", "drawing region: right"),
    GS_FIELD(struct xgraph, cdymin, GS_REAL, "", "drawing region: bottom"),
    GS_FIELD(struct xgraph, cdymax, GS_REAL, "", "drawing region: top"),
    GS_FIELD(struct xgraph, xoffset, GS_REAL, "", "x offset between successive plots"),
    GS_FIELD(struct xgraph, yoffset, GS_REAL, "", "y offset between successive plots"),
    GS_FIELD(struct xgraph, overlay, GS_INT, "", "1: reset keeps the old plots (xoverlay)"),
    GS_FIELD(struct xgraph, script, GS_STR, "", "script callbacks for mouse events"),
    GS_FIELD(struct xgraph, title, GS_STR, "", "title, top middle"),
    GS_FIELD(struct xgraph, xlabel, GS_STR, "", "label under the x axis"),
    GS_FIELD(struct xgraph, ylabel, GS_STR, "", "label left of the y axis"),
    GS_FIELD(struct xgraph, XUnits, GS_STR, "", "units at the end of the x axis"),
    GS_FIELD(struct xgraph, YUnits, GS_STR, "", "units at the end of the y axis"),
    GS_FIELD_F(struct xgraph, processed, GS_INT, GS_F_HIDDEN | GS_F_RO, "",
               "stepped since the last reset"),
    GS_FIELD_F(struct xgraph, overlay_no, GS_INT, GS_F_HIDDEN | GS_F_RO, "",
               "resets kept as overlays"),
    GS_FIELD_END,
};

static const struct gs_msgdef xgraph_msgs[] = {
    {"PLOT", 3, {"data", "name", "color"}, "plots data against time in the plot NAME"},
    {"PLOTSCALE",
     5,
     {"data", "name", "color", "scale", "yoffset"},
     "plots data * scale + yoffset against time"},
    {"X", 2, {"x", "name"}, "the x of the points of the plot NAME (an xy plot)"},
    {"WAVEPLOT", 3, {"data", "name", "color"}, "one y of a line of points (plot NAME)"},
    GS_MSGDEF_END,
};

static const struct xo_option xgraph_options[] = {
    {"xunits", "XUnits", 0},
    {"yunits", "YUnits", 0},
    XO_OPTION_END,
};

void
xgraph_limits(const struct gs_element *g, double lim[4])
{
    const struct xgraph *x = (const struct xgraph *)g;
    lim[0] = x->xmin;
    lim[1] = x->xmax;
    lim[2] = x->ymin;
    lim[3] = x->ymax;
}

void
xgraph_texts(const struct gs_element *g, const char **title, const char **xunits,
             const char **yunits)
{
    const struct xgraph *x = (const struct xgraph *)g;
    *title = x->title ? x->title : "";
    *xunits = x->XUnits ? x->XUnits : "";
    *yunits = x->YUnits ? x->YUnits : "";
}

/* Keeps the axes and the title shape in step with the graph's fields. */
static void
sync_children(struct xgraph *g)
{
    struct gs_element *el = &g->w.el;
    struct gs_element *c = elem_child(el, "x_axis", 0);
    if (c && c->cls == &xaxis_class) {
        struct xaxis *a = (struct xaxis *)c;
        a->labmin = g->xmin;
        a->labmax = g->xmax;
        xo_set_str(&a->units, g->XUnits);
        xo_set_str(&a->title, g->xlabel);
    }
    c = elem_child(el, "y_axis", 0);
    if (c && c->cls == &xaxis_class) {
        struct xaxis *a = (struct xaxis *)c;
        a->labmin = g->ymin;
        a->labmax = g->ymax;
        xo_set_str(&a->units, g->YUnits);
        xo_set_str(&a->title, g->ylabel);
    }
    c = elem_child(el, "title", 0);
    if (c && c->cls == &xshape_class)
        xo_set_str(&((struct xshape *)c)->text, g->title);
}

static void
xgraph_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    (void)f;
    sync_children((struct xgraph *)el);
}

/* Makes the axes and the title, as GENESIS's xgraph does. */
static enum gs_status
make_children(struct gs_sim *sim, struct xgraph *g)
{
    struct gs_element *el = &g->w.el, *c = NULL;
    struct xaxis *a;
    if (elem_create(sim, &xaxis_class, el, "x_axis", 0, &c) != GS_OK)
        return GS_ERR;
    a = (struct xaxis *)c;
    a->axx = 1;
    a->ticky = -1;
    if (elem_create(sim, &xaxis_class, el, "y_axis", 0, &c) != GS_OK)
        return GS_ERR;
    a = (struct xaxis *)c;
    a->axx = 0;
    a->axy = 1;
    a->tickx = -1;
    a->ticky = 0;
    a->ticklength = 0.02;
    a->labeloffset = 0.03;
    a->titleoffset = 0.14;
    a->rotatelabels = 1;
    xo_set_str(&a->textmode, "radraw");
    if (elem_create(sim, &xshape_class, el, "title", 0, &c) != GS_OK)
        return GS_ERR;
    struct xshape *s = (struct xshape *)c;
    s->p.tx = 0.5;
    s->p.ty = 1.1;
    return GS_OK;
}

static enum gs_status
xgraph_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xgraph *g = (struct xgraph *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&g->w, false);
    xo_set_str(&g->w.hgeom, "80%");
    g->xmax = g->ymax = 100;
    g->cdxmin = g->cdymin = -0.2;
    g->cdxmax = g->cdymax = 1.2;
    g->script = xstrdup("");
    g->title = xstrdup(el->name);
    g->xlabel = xstrdup("");
    g->ylabel = xstrdup("");
    g->XUnits = xstrdup("");
    g->YUnits = xstrdup("");
    if (make_children(sim, g) != GS_OK) {
        /* The core frees the graph itself, not children made here. */
        while (el->nchild > 0)
            elem_delete(sim, el->child[el->nchild - 1]);
        return GS_ERR;
    }
    sync_children(g);
    return GS_OK;
}

static enum gs_status
xgraph_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, xgraph_options);
}

/* The first child xplot called NAME (any index), or NULL. */
static struct xplot *
plot_named(struct gs_element *el, const char *name)
{
    for (int i = 0; i < el->nchild; i++) {
        struct gs_element *c = el->child[i];
        if (c->cls == &xplot_class && strcmp(c->name, name) == 0)
            return (struct xplot *)c;
    }
    return NULL;
}

/* A new plot NAME[i] (i the first free index from the count of NAMEs, as
 * GENESIS picks it), coloured COLOR, labelled LABEL. ^ is left alone. */
static enum gs_status
new_plot(struct gs_sim *sim, struct xgraph *g, const char *name, const char *label,
         const char *color, struct xplot **out)
{
    struct gs_element *el = &g->w.el, *c;
    struct gs_model *m = sim->model;
    int n = 0;
    for (int i = 0; i < el->nchild; i++)
        n += strcmp(el->child[i]->name, name) == 0;
    while (elem_child(el, name, n))
        n++;
    struct gs_element *last = m->last;
    struct gs_handle last_h = last ? elem_handle(last) : (struct gs_handle){0, 0};
    enum gs_status st = elem_create(sim, &xplot_class, el, name, n, &c);
    m->last = last ? elem_from_handle(m, last_h) : NULL;
    if (st != GS_OK)
        return GS_ERR;
    struct xplot *p = (struct xplot *)c;
    xo_set_str(&p->p.fg, color);
    xo_set_str(&p->label, label);
    c->clock = el->clock; /* drawn at the graph's pace */
    *out = p;
    return GS_OK;
}

static enum gs_status
xgraph_msg_added(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    struct xgraph *g = (struct xgraph *)el;
    if (m->slot[0].kind == GS_SLOT_STR)
        return gs_error(sim, "the %s slot of %s must be a number or a numeric field, got '%s'",
                        xgraph_msgs[m->type].slots[0], xgraph_msgs[m->type].name, m->slot[0].text);
    /* The name up to '[' names the plot, as in GENESIS. */
    const char *label = msg_str(m, 1);
    const char *br = strchr(label, '[');
    char *base = br ? xstrndup(label, (size_t)(br - label)) : xstrdup(label);
    char *name = xo_element_name(base);
    free(base);
    struct xplot *p = plot_named(el, name);
    enum gs_status st = GS_OK;
    int wave = 0;
    switch (m->type) {
    case XO_PLOT:
    case XO_PLOTSCALE:
        st = new_plot(sim, g, name, label, msg_str(m, 2), &p);
        break;
    case XO_X:
        if (!p) {
            char *path = elem_path_str(el);
            st = gs_error(sim,
                          "X message to '%s' names no plot '%s' (add its PLOT message "
                          "first)",
                          path, label);
            free(path);
            break;
        }
        p->has_x = 1;
        break;
    case XO_WAVEPLOT:
        if (!p)
            st = new_plot(sim, g, name, label, msg_str(m, 2), &p);
        if (st == GS_OK)
            wave = p->nwave++;
        break;
    default:
        break;
    }
    free(name);
    if (st != GS_OK)
        return GS_ERR;
    struct plot_ref *ref = xmalloc(sizeof *ref);
    ref->plot = elem_handle(&p->p.el);
    ref->wave = wave;
    m->data = ref;
    return GS_OK;
}

/* After GONE leaves: the plot's X flag and WAVEPLOT places follow the rest. */
static void
xgraph_msg_deleted(struct gs_sim *sim, struct gs_element *el, struct gs_msg *gone)
{
    const struct plot_ref *ref = gone->data; /* freed with the message */
    if (!ref)
        return;
    struct gs_handle ph = ref->plot;
    struct gs_element *pe = elem_from_handle(sim->model, ph);
    if (!pe || pe->cls != &xplot_class)
        return;
    struct xplot *p = (struct xplot *)pe;
    int nx = 0, nwave = 0;
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        struct plot_ref *r = m->data;
        if (m == gone || !r || r->plot.slot != ph.slot || r->plot.gen != ph.gen)
            continue;
        nx += m->type == XO_X;
        if (m->type == XO_WAVEPLOT)
            r->wave = nwave++;
    }
    p->has_x = nx > 0;
    p->nwave = nwave;
}

/* Reset with overlay: keeps each plot that was drawn as a copy named
 * NAME_N under xoverlay (N counts the resets kept). */
static enum gs_status
keep_overlays(struct gs_sim *sim, struct xgraph *g)
{
    struct gs_element *el = &g->w.el, *ov = elem_child(el, "xoverlay", 0);
    struct gs_model *m = sim->model;
    struct gs_element *last = m->last;
    struct gs_handle last_h = last ? elem_handle(last) : (struct gs_handle){0, 0};
    enum gs_status st = GS_OK;
    if (!ov)
        st = elem_create(sim, class_find("neutral"), el, "xoverlay", 0, &ov);
    int n = el->nchild;
    for (int i = 0; i < n && st == GS_OK; i++) {
        struct gs_element *c = el->child[i];
        if (c->cls != &xplot_class || !((struct xplot *)c)->processed)
            continue;
        char *name = xasprintf("%s_%d", c->name, g->overlay_no);
        struct gs_element *old = elem_child(ov, name, c->index);
        if (old)
            elem_delete(sim, old);
        st = elem_copy(sim, c, ov, name, c->index, NULL);
        free(name);
    }
    m->last = last ? elem_from_handle(m, last_h) : NULL;
    g->overlay_no++;
    return st;
}

static enum gs_status
xgraph_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct xgraph *g = (struct xgraph *)el;
    if (g->overlay) {
        if (g->processed && keep_overlays(sim, g) != GS_OK)
            return GS_ERR;
    } else {
        struct gs_element *ov = elem_child(el, "xoverlay", 0);
        if (ov)
            elem_delete(sim, ov);
        g->overlay_no = 0;
    }
    for (int i = 0; i < el->nin; i++) {
        struct plot_ref *r = el->in[i]->data;
        struct gs_element *pe = r ? elem_from_handle(sim->model, r->plot) : NULL;
        if (pe && pe->cls == &xplot_class)
            xplot_clear((struct xplot *)pe);
    }
    g->processed = 0;
    return GS_OK;
}

static enum gs_status
xgraph_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct xgraph *g = (struct xgraph *)el;
    g->processed = 1;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        const struct plot_ref *r = m->data;
        struct gs_element *pe = r ? elem_from_handle(sim->model, r->plot) : NULL;
        if (!pe || pe->cls != &xplot_class)
            continue; /* the plot was deleted */
        if (xplot_feed(sim, (struct xplot *)pe, m, m->type, tick->t, tick->dt, r->wave) != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}

const struct gs_class xgraph_class = {
    .name = "xgraph",
    .classes = "widget output",
    .desc = "graph: makes an xplot for each PLOT/PLOTSCALE message and fills it",
    .size = sizeof(struct xgraph),
    .fields = xgraph_fields,
    .msgs = xgraph_msgs,
    .extra = xo_canvas_actions,
    .create = xgraph_create,
    .create_args = xgraph_create_args,
    .reset = xgraph_reset,
    .process = xgraph_process,
    .check_fields = xo_widget_check,
    .field_set = xgraph_field_set,
    .msg_added = xgraph_msg_added,
    .msg_deleted = xgraph_msg_deleted,
};
