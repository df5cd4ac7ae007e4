/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xshape.c: the xshape class, a drawn shape or text (the title of an
 * xgraph, the two shapes an xview interpolates between, icons). Its points
 * are xpts/ypts/zpts->table[i] for i < npts. With a PATH message, `value`
 * becomes the path of the message's source at each step. Headless: nothing
 * is drawn.
 */
#include <stdlib.h>

#include "xo_int.h"

enum { XSHAPE_PATH };

static const struct gs_field xshape_fields[] = {
    XO_PIX_FIELDS(struct xshape),
    GS_FIELD(struct xshape, drawmode, GS_STR, "",
             "DrawPoints, DrawLines, DrawSegs, DrawArrows, FillRects or FillPoly"),
    GS_FIELD(struct xshape, linewidth, GS_INT, "", "line width, pixels"),
    GS_FIELD(struct xshape, linestyle, GS_STR, "", "LineSolid, LineOnOffDash or LineDoubleDash"),
    GS_FIELD(struct xshape, capstyle, GS_STR, "", "CapNotLast, CapButt, CapRound or CapProjecting"),
    GS_FIELD(struct xshape, joinstyle, GS_STR, "", "JoinMiter, JoinRound or JoinBevel"),
    GS_FIELD(struct xshape, text, GS_STR, "", "text drawn at the shape"),
    GS_FIELD(struct xshape, textcolor, GS_STR, "", "colour of the text"),
    GS_FIELD(struct xshape, textmode, GS_STR, "", "draw, fill or nodraw"),
    GS_FIELD(struct xshape, textfont, GS_STR, "", "font of the text"),
    GS_FIELD(struct xshape, value, GS_STR, "", "the shape's value (<v> in scripts)"),
    GS_FIELD(struct xshape, npts, GS_INT, "", "number of points"),
    GS_FIELD(struct xshape, xpts, GS_TABLE, "", "x of the points"),
    GS_FIELD(struct xshape, ypts, GS_TABLE, "", "y of the points"),
    GS_FIELD(struct xshape, zpts, GS_TABLE, "", "z of the points"),
    GS_FIELD_END,
};

static const struct gs_msgdef xshape_msgs[] = {
    {"PATH", 1, {"dummy"}, "sets value to the path of the message's source"},
    GS_MSGDEF_END,
};

/* Room for N points in the three tables (errors recorded in SIM, if given). */
static enum gs_status
reserve(struct gs_sim *sim, struct xshape *s, long n)
{
    if (xo_table_reserve(sim, &s->p.el, &s->xpts, n) != GS_OK
        || xo_table_reserve(sim, &s->p.el, &s->ypts, n) != GS_OK)
        return GS_ERR;
    return xo_table_reserve(sim, &s->p.el, &s->zpts, n);
}

static enum gs_status
xshape_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xshape *s = (struct xshape *)el;
    if (xo_need_draw(sim, el) != GS_OK)
        return GS_ERR;
    if (reserve(sim, s, 2) != GS_OK)
        return GS_ERR;
    xo_pix_init(&s->p);
    s->drawmode = xstrdup("DrawLines");
    s->linewidth = 1;
    s->linestyle = xstrdup("LineSolid");
    s->capstyle = xstrdup("CapButt");
    s->joinstyle = xstrdup("JoinMiter");
    s->text = xstrdup("");
    s->textcolor = xstrdup("black");
    s->textmode = xstrdup("draw");
    s->textfont = xstrdup("");
    s->value = xstrdup("");
    return GS_OK;
}

static enum gs_status
xshape_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

static enum gs_status
xshape_check(struct gs_sim *sim, const struct gs_element *cand, const struct gs_element *old)
{
    (void)old;
    const struct xshape *s = (const struct xshape *)cand;
    if (s->npts < 0 || s->npts > GS_MAX_INDEX)
        return gs_error(sim, "npts must be 0 to %d, got %d", GS_MAX_INDEX, s->npts);
    return GS_OK;
}

/* A larger npts grows the tables; if memory runs out, npts stops there. */
static void
xshape_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    struct xshape *s = (struct xshape *)el;
    if (f->offset == offsetof(struct xshape, npts) && reserve(NULL, s, s->npts) != GS_OK) {
        int cap = s->xpts->xdivs;
        if (s->ypts->xdivs < cap)
            cap = s->ypts->xdivs;
        if (s->zpts->xdivs < cap)
            cap = s->zpts->xdivs;
        s->npts = cap + 1;
    }
}

static enum gs_status
xshape_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct xshape *s = (struct xshape *)el;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == XSHAPE_PATH) {
            free(s->value);
            s->value = elem_path_str(el->in[i]->src);
        }
    return GS_OK;
}

const struct gs_class xshape_class = {
    .name = "xshape",
    .classes = "gadget output",
    .desc = "drawn shape or text (icons, graph titles, xview shapes)",
    .size = sizeof(struct xshape),
    .fields = xshape_fields,
    .msgs = xshape_msgs,
    .extra = xo_draw_actions,
    .create = xshape_create,
    .create_args = xshape_create_args,
    .process = xshape_process,
    .check_fields = xshape_check,
    .field_set = xshape_field_set,
};
