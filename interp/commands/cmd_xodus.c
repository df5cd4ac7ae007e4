/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_xodus.c: the xodus family: showing and hiding widgets (xshow, xhide,
 * xmap, xshowontop, xraise, xlower), redraws (xupdate, xflushevents),
 * colour scales (xcolorscale), whether XODUS runs (xgetstat) and xinit.
 * gensh's widgets are headless elements (models/graphics/); these commands
 * keep their GENESIS argument rules and change only what the elements
 * record, so GUI scripts run in batch and under -nox. A Tk layer will draw.
 */
#include "../../models/core/core.h"
#include "../../models/graphics/graphics.h"
#include "../cmd.h"

static enum gs_status cmd_xcolorscale_exec(struct gs_call *call);
static enum gs_status cmd_xflushevents_exec(struct gs_call *call);
static enum gs_status cmd_xgetstat_exec(struct gs_call *call);
static enum gs_status cmd_xhide_exec(struct gs_call *call);
static enum gs_status cmd_xinit_exec(struct gs_call *call);
static enum gs_status cmd_xshow_exec(struct gs_call *call);
static enum gs_status cmd_xwidget_exec(struct gs_call *call);

#define WIDGET_POS                                                                                 \
    {                                                                                              \
        {                                                                                          \
            "widget", GS_ARG_STR                                                                   \
        }                                                                                          \
    }

const struct gs_cmd cmd_xcolorscale_entry = {
    .name = "xcolorscale",
    .family = "xodus",
    .summary = "choose the colour scale for values shown as colour (xview, xcell)",
    .usage = "colorscale",
    .pos = {{"colorscale", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xcolorscale_exec,
};

const struct gs_cmd cmd_xflushevents_entry = {
    .name = "xflushevents",
    .family = "xodus",
    .summary = "handle pending display events (nothing to do headless)",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_xflushevents_exec,
};

const struct gs_cmd cmd_xgetstat_entry = {
    .name = "xgetstat",
    .family = "xodus",
    .summary = "1 if XODUS can draw, 0 if not (-nox, or no display)",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_RESULT,
    .exec = cmd_xgetstat_exec,
};

const struct gs_cmd cmd_xhide_entry = {
    .name = "xhide",
    .family = "xodus",
    .summary = "hide a form (or other widget) and its contents",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xhide_exec,
};

const struct gs_cmd cmd_xinit_entry = {
    .name = "xinit",
    .family = "xodus",
    .summary = "no longer needed (XODUS starts by itself); does nothing",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_xinit_exec,
};

const struct gs_cmd cmd_xlower_entry = {
    .name = "xlower",
    .family = "xodus",
    .summary = "move a form below the other windows",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xwidget_exec,
};

const struct gs_cmd cmd_xmap_entry = {
    .name = "xmap",
    .family = "xodus",
    .summary = "show a form without raising it",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xshow_exec,
};

const struct gs_cmd cmd_xraise_entry = {
    .name = "xraise",
    .family = "xodus",
    .summary = "move a form above the other windows",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xwidget_exec,
};

const struct gs_cmd cmd_xshow_entry = {
    .name = "xshow",
    .family = "xodus",
    .summary = "show a form (or other widget) and its contents",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xshow_exec,
};

const struct gs_cmd cmd_xshowontop_entry = {
    .name = "xshowontop",
    .family = "xodus",
    .summary = "show a form above the other windows (as xshow)",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xshow_exec,
};

const struct gs_cmd cmd_xupdate_entry = {
    .name = "xupdate",
    .family = "xodus",
    .summary = "redraw a widget and the pixes in it",
    .usage = "widget",
    .pos = WIDGET_POS,
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_xwidget_exec,
};

static enum gs_status
cmd_xcolorscale_exec(struct gs_call *call)
{
    return xo_colorscale(call->sim, gs_arg(call, 0));
}

static enum gs_status
cmd_xflushevents_exec(struct gs_call *call)
{
    xo_update(call->sim);
    return GS_OK;
}

static enum gs_status
cmd_xgetstat_exec(struct gs_call *call)
{
    gs_result_int(call, xo_open_display(call->sim));
    return GS_OK;
}

/* The widget named by the first argument; errors for others. */
static enum gs_status
widget_arg(struct gs_call *call, struct gs_element **out)
{
    if (path_find(call->sim, gs_arg(call, 0), out) != GS_OK)
        return GS_ERR;
    return xo_check_widget(call->sim, *out);
}

static enum gs_status
cmd_xhide_exec(struct gs_call *call)
{
    struct gs_element *el;
    if (widget_arg(call, &el) != GS_OK)
        return GS_ERR;
    xo_show(call->sim, el, false);
    return GS_OK;
}

static enum gs_status
cmd_xinit_exec(struct gs_call *call)
{
    (void)call;
    return GS_OK;
}

static enum gs_status
cmd_xshow_exec(struct gs_call *call)
{
    struct gs_element *el;
    if (widget_arg(call, &el) != GS_OK)
        return GS_ERR;
    xo_show(call->sim, el, true);
    return GS_OK;
}

/* xraise, xlower, xupdate: the argument is checked and, with a display,
 * every change is drawn now (stacking is left to the window manager). */
static enum gs_status
cmd_xwidget_exec(struct gs_call *call)
{
    struct gs_element *el;
    if (widget_arg(call, &el) != GS_OK)
        return GS_ERR;
    xo_update(call->sim);
    return GS_OK;
}
