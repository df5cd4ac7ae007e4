/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xaxis.c: the xaxis class, an axis pix. An xgraph makes two, x_axis and
 * y_axis, and keeps their label ranges, units and titles in step with its
 * own fields (xgraph.c). Headless: only the fields exist.
 */
#include "xo_int.h"

static const struct gs_field xaxis_fields[] = {
    XO_PIX_FIELDS(struct xaxis),
    GS_FIELD(struct xaxis, linewidth, GS_INT, "", "line width, pixels"),
    GS_FIELD(struct xaxis, linestyle, GS_STR, "", "line style"),
    GS_FIELD(struct xaxis, textcolor, GS_STR, "", "colour of the labels"),
    GS_FIELD(struct xaxis, textmode, GS_STR, "", "draw, fill, nodraw (radraw: rotated)"),
    GS_FIELD(struct xaxis, textfont, GS_STR, "", "font of the labels"),
    GS_FIELD(struct xaxis, units, GS_STR, "", "units shown at the end of the axis"),
    GS_FIELD(struct xaxis, title, GS_STR, "", "title of the axis"),
    GS_FIELD(struct xaxis, unitoffset, GS_REAL, "", "distance of the units from the axis"),
    GS_FIELD(struct xaxis, titleoffset, GS_REAL, "", "distance of the title from the axis"),
    GS_FIELD(struct xaxis, ticklength, GS_REAL, "", "length of the ticks"),
    GS_FIELD(struct xaxis, tickmode, GS_STR, "", "tick placement"),
    GS_FIELD(struct xaxis, labeloffset, GS_REAL, "", "distance of the labels from the axis"),
    GS_FIELD(struct xaxis, rotatelabels, GS_INT, "", "1: labels turned along the axis"),
    GS_FIELD(struct xaxis, axx, GS_REAL, "", "x of the axis direction"),
    GS_FIELD(struct xaxis, axy, GS_REAL, "", "y of the axis direction"),
    GS_FIELD(struct xaxis, axz, GS_REAL, "", "z of the axis direction"),
    GS_FIELD(struct xaxis, axmin, GS_REAL, "", "start of the axis, draw coordinates"),
    GS_FIELD(struct xaxis, axmax, GS_REAL, "", "end of the axis, draw coordinates"),
    GS_FIELD(struct xaxis, axlength, GS_REAL, "", "length of the axis"),
    GS_FIELD(struct xaxis, tickx, GS_REAL, "", "x of the tick direction"),
    GS_FIELD(struct xaxis, ticky, GS_REAL, "", "y of the tick direction"),
    GS_FIELD(struct xaxis, tickz, GS_REAL, "", "z of the tick direction"),
    GS_FIELD(struct xaxis, labmin, GS_REAL, "", "value labelled at the start"),
    GS_FIELD(struct xaxis, labmax, GS_REAL, "", "value labelled at the end"),
    GS_FIELD_END,
};

static enum gs_status
xaxis_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xaxis *a = (struct xaxis *)el;
    if (xo_need_draw(sim, el) != GS_OK)
        return GS_ERR;
    xo_pix_init(&a->p);
    a->linewidth = 1;
    a->linestyle = xstrdup("LineSolid");
    a->textcolor = xstrdup("black");
    a->textmode = xstrdup("draw");
    a->textfont = xstrdup("");
    a->units = xstrdup("");
    a->title = xstrdup("");
    a->tickmode = xstrdup("");
    a->axx = 1;
    a->axmax = 100;
    a->axlength = 1;
    a->ticky = -1;
    a->ticklength = 0.04;
    a->labeloffset = 0.06;
    a->unitoffset = 0.1;
    a->titleoffset = 0.13;
    a->labmax = 100;
    return GS_OK;
}

static enum gs_status
xaxis_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

const struct gs_class xaxis_class = {
    .name = "xaxis",
    .classes = "gadget output",
    .desc = "axis of a graph (made by xgraph)",
    .size = sizeof(struct xaxis),
    .fields = xaxis_fields,
    .extra = xo_draw_actions,
    .create = xaxis_create,
    .create_args = xaxis_create_args,
};
