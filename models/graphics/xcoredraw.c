/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xcoredraw.c: the xcoredraw class, the plain drawing area that pixes
 * (xshape, xview, xplot ...) live in, showing the region [xmin, xmax] x
 * [ymin, ymax]. Headless: only the fields and the mouse events exist.
 */
#include "xo_int.h"

struct xcoredraw {
    struct xo_widget w;
    double xmin, xmax, ymin, ymax;
    char *script;
};

static const struct gs_field xcoredraw_fields[] = {
    XO_WIDGET_FIELDS(struct xcoredraw),
    GS_FIELD(struct xcoredraw, xmin, GS_REAL, "", "left of the region shown"),
    GS_FIELD(struct xcoredraw, xmax, GS_REAL, "", "right of the region shown"),
    GS_FIELD(struct xcoredraw, ymin, GS_REAL, "", "bottom of the region shown"),
    GS_FIELD(struct xcoredraw, ymax, GS_REAL, "", "top of the region shown"),
    GS_FIELD(struct xcoredraw, script, GS_STR, "", "script callbacks for mouse events"),
    GS_FIELD_END,
};

static enum gs_status
xcoredraw_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xcoredraw *d = (struct xcoredraw *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&d->w, false);
    d->xmax = d->ymax = 1;
    d->script = xstrdup("");
    return GS_OK;
}

static enum gs_status
xcoredraw_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

const struct gs_class xcoredraw_class = {
    .name = "xcoredraw",
    .classes = "widget output",
    .desc = "drawing area for pixes (the base of xdraw and xgraph)",
    .size = sizeof(struct xcoredraw),
    .fields = xcoredraw_fields,
    .extra = xo_canvas_actions,
    .create = xcoredraw_create,
    .create_args = xcoredraw_create_args,
    .check_fields = xo_widget_check,
};
