/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xdraw.c: the xdraw class, a drawing area with 3-D transforms for pixes
 * (the network view of the tutorials is an xview inside an xdraw). The
 * CENTER, ZOOM and VIEWPOINT messages set the centre, window size and
 * viewpoint at each step. Headless: nothing is projected or drawn.
 */
#include "xo_int.h"

struct xdraw {
    struct xo_widget w;
    double xmin, xmax, ymin, ymax, zmin, zmax;
    double cx, cy, cz, wx, wy, vx, vy, vz;
    char *transform, *script;
};

enum { XDRAW_CENTER, XDRAW_ZOOM, XDRAW_VIEWPOINT };

static const struct gs_field xdraw_fields[] = {
    XO_WIDGET_FIELDS(struct xdraw),
    GS_FIELD(struct xdraw, xmin, GS_REAL, "", "left of the region shown"),
    GS_FIELD(struct xdraw, xmax, GS_REAL, "", "right of the region shown"),
    GS_FIELD(struct xdraw, ymin, GS_REAL, "", "bottom of the region shown"),
    GS_FIELD(struct xdraw, ymax, GS_REAL, "", "top of the region shown"),
    GS_FIELD(struct xdraw, zmin, GS_REAL, "", "near end of the region shown"),
    GS_FIELD(struct xdraw, zmax, GS_REAL, "", "far end of the region shown"),
    GS_FIELD(struct xdraw, cx, GS_REAL, "", "x of the centre of the view"),
    GS_FIELD(struct xdraw, cy, GS_REAL, "", "y of the centre of the view"),
    GS_FIELD(struct xdraw, cz, GS_REAL, "", "z of the centre of the view"),
    GS_FIELD(struct xdraw, wx, GS_REAL, "", "width of the view window"),
    GS_FIELD(struct xdraw, wy, GS_REAL, "", "height of the view window"),
    GS_FIELD(struct xdraw, vx, GS_REAL, "", "x of the viewpoint"),
    GS_FIELD(struct xdraw, vy, GS_REAL, "", "y of the viewpoint"),
    GS_FIELD(struct xdraw, vz, GS_REAL, "", "z of the viewpoint"),
    GS_FIELD(struct xdraw, transform, GS_STR, "", "projection: x, y, z, ortho or persp"),
    GS_FIELD(struct xdraw, script, GS_STR, "", "script callbacks for mouse events"),
    GS_FIELD_END,
};

static const struct gs_msgdef xdraw_msgs[] = {
    {"CENTER", 3, {"cx", "cy", "cz"}, "centre of the view"},
    {"ZOOM", 2, {"wx", "wy"}, "size of the view window"},
    {"VIEWPOINT", 3, {"vx", "vy", "vz"}, "viewpoint"},
    GS_MSGDEF_END,
};

static enum gs_status
xdraw_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xdraw *d = (struct xdraw *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&d->w, false);
    d->xmax = d->ymax = d->zmax = 1;
    d->wx = d->wy = 1;
    d->vz = 1;
    d->transform = xstrdup("z");
    d->script = xstrdup("");
    return GS_OK;
}

static enum gs_status
xdraw_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

static enum gs_status
xdraw_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct xdraw *d = (struct xdraw *)el;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        switch (m->type) {
        case XDRAW_CENTER:
            d->cx = msg_val(m, 0);
            d->cy = msg_val(m, 1);
            d->cz = msg_val(m, 2);
            break;
        case XDRAW_ZOOM:
            d->wx = msg_val(m, 0);
            d->wy = msg_val(m, 1);
            break;
        case XDRAW_VIEWPOINT:
            d->vx = msg_val(m, 0);
            d->vy = msg_val(m, 1);
            d->vz = msg_val(m, 2);
            break;
        default:
            break;
        }
    }
    return GS_OK;
}

const struct gs_class xdraw_class = {
    .name = "xdraw",
    .classes = "widget output",
    .desc = "3-D drawing area for pixes, with transforms",
    .size = sizeof(struct xdraw),
    .fields = xdraw_fields,
    .msgs = xdraw_msgs,
    .extra = xo_canvas_actions,
    .create = xdraw_create,
    .create_args = xdraw_create_args,
    .process = xdraw_process,
    .check_fields = xo_widget_check,
};
