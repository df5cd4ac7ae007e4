/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_xodus.c: the xodus family: showing and hiding widgets (xshow, xhide,
 * xmap, xshowontop, xraise, xlower), redraws (xupdate, xflushevents),
 * colour scales (xcolorscale), whether XODUS runs (xgetstat), xinit, and
 * the PostScript settings of printed graphs and draws (xps, setpostscript).
 * gensh's widgets are headless elements (models/graphics/); these commands
 * keep their GENESIS argument rules and change only what the elements
 * record, so GUI scripts run in batch and under -nox. A Tk layer will draw.
 */
#include "../../models/core/core.h"
#include "../../models/graphics/graphics.h"
#include "../../parallel/par.h"
#include "../cmd.h"

static enum gs_status cmd_xcolorscale_exec(struct gs_call *call);
static enum gs_status cmd_xflushevents_exec(struct gs_call *call);
static enum gs_status cmd_xgetstat_exec(struct gs_call *call);
static enum gs_status cmd_xhide_exec(struct gs_call *call);
static enum gs_status cmd_xinit_exec(struct gs_call *call);
static enum gs_status cmd_xps_exec(struct gs_call *call);
static enum gs_status cmd_xshow_exec(struct gs_call *call);
static enum gs_status cmd_xwidget_exec(struct gs_call *call);

#define WIDGET_POS                                                                                 \
    {                                                                                              \
        {                                                                                          \
            "widget", GS_ARG_STR                                                                   \
        }                                                                                          \
    }

static const struct gs_opt xps_opts[] = {
    {"-maxgray", 1, GS_ARG_INT, "maxgray: the channel value (0-256) drawn at full intensity"},
    {"-mingray", 1, GS_ARG_INT, "mingray: the channel value (0-256) drawn as none"},
    {"-inverse", 1, GS_ARG_INT, "0|1: 1 reverses the colours (light plots on black)"},
    {"-dpi", 1, GS_ARG_INT, "screendpi: a one-pixel line is 1/screendpi inch wide"},
    {"-filename", 1, GS_ARG_STR, "name: write pictures to this file (.png: PNG, .eps: EPS)"},
    {"-printer", 0, GS_ARG_STR, "send pictures to the printer (lpr) again"},
    {NULL, 0, GS_ARG_STR, NULL},
};

#define XPS_USAGE                                                                                  \
    "[-maxgray maxgray] [-mingray mingray] [-inverse 0|1] [-dpi screendpi] [-filename name] "      \
    "[-printer]"

const struct gs_cmd cmd_setpostscript_entry = {
    .name = "setpostscript",
    .family = "xodus",
    .summary = "alias of xps: where and how graphs and draws are printed (Ctrl-P, PRINT)",
    .usage = XPS_USAGE,
    .opts = xps_opts,
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_xps_exec,
};

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

const struct gs_cmd cmd_xps_entry = {
    .name = "xps",
    .family = "xodus",
    .summary = "where and how graphs and draws are printed (Ctrl-P, PRINT); no options: show",
    .usage = XPS_USAGE,
    .opts = xps_opts,
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_xps_exec,
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

/* In a parallel run node 0 answers for XODUS: a script that asks before
 * building its windows, run on every node, draws them once. Another node
 * draws what its script shows (PGENESIS's graphics_node), and says 1 once
 * it does. */
static enum gs_status
cmd_xgetstat_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    gs_result_int(call, par_rank(sim) == 0 ? xo_open_display(sim) : xo_have_display(sim));
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

/* Without options it shows the settings, as XODUS's xps did. */
static enum gs_status
cmd_xps_exec(struct gs_call *call)
{
    if (call->noptv == 0) {
        xo_ps_status(call->sim);
        return GS_OK;
    }
    struct xo_ps_change c = {XO_PS_UNSET, XO_PS_UNSET, XO_PS_UNSET, XO_PS_UNSET, NULL, false};
    if (gs_has_opt(call, "-maxgray"))
        c.maxgray = (int)gs_optval_int(call, "-maxgray", 0);
    if (gs_has_opt(call, "-mingray"))
        c.mingray = (int)gs_optval_int(call, "-mingray", 0);
    if (gs_has_opt(call, "-inverse"))
        c.inverse = (int)gs_optval_int(call, "-inverse", 0);
    if (gs_has_opt(call, "-dpi"))
        c.dpi = (int)gs_optval_int(call, "-dpi", 0);
    c.filename = gs_optval(call, "-filename", 0);
    c.printer = gs_has_opt(call, "-printer");
    if (c.filename && c.printer)
        return gs_error(call->sim, "-filename and -printer exclude each other");
    return xo_ps_settings(call->sim, &c);
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
