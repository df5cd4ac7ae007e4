/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtoggle.c: the xtoggle class, a button with a state. A press (B1DOWN,
 * B2DOWN, B3DOWN, ANYBDOWN) turns it on and a release (B1UP ...) off,
 * running `script` with <value> the new state (xo_events.c); `state` can
 * also be set directly, and sent in messages. -label and -title set both
 * labels, -label0 the off one and -label1 the on one.
 */
#include "xo_int.h"

static const struct gs_field xtoggle_fields[] = {
    XO_WIDGET_FIELDS(struct xtoggle),
    GS_FIELD(struct xtoggle, onlabel, GS_STR, "", "text while on"),
    GS_FIELD(struct xtoggle, offlabel, GS_STR, "", "text while off"),
    GS_FIELD(struct xtoggle, onfg, GS_STR, "", "text colour while on"),
    GS_FIELD(struct xtoggle, offfg, GS_STR, "", "text colour while off"),
    GS_FIELD(struct xtoggle, onbg, GS_STR, "", "background while on"),
    GS_FIELD(struct xtoggle, offbg, GS_STR, "", "background while off"),
    GS_FIELD(struct xtoggle, onfont, GS_STR, "", "font while on"),
    GS_FIELD(struct xtoggle, offfont, GS_STR, "", "font while off"),
    GS_FIELD(struct xtoggle, script, GS_STR, "", "script callbacks run by a click"),
    GS_FIELD(struct xtoggle, state, GS_INT, "", "1 on, 0 off"),
    GS_FIELD_END,
};

static const struct xo_option xtoggle_options[] = {
    {"label", "onlabel offlabel", 0},
    {"title", "onlabel offlabel", 0},
    {"label0", "offlabel", 0},
    {"label1", "onlabel", 0},
    XO_OPTION_END,
};

static enum gs_status
xtoggle_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xtoggle *t = (struct xtoggle *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&t->w, false);
    t->onlabel = xstrdup(el->name);
    t->offlabel = xstrdup(el->name);
    t->onfg = xstrdup("black");
    t->offfg = xstrdup("black");
    t->onbg = xstrdup("white");
    t->offbg = xstrdup("white");
    t->onfont = xstrdup("");
    t->offfont = xstrdup("");
    t->script = xstrdup("");
    return GS_OK;
}

static enum gs_status
xtoggle_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, xtoggle_options);
}

/* Only 0 and 1 are states. */
static enum gs_status
xtoggle_check(struct gs_sim *sim, const struct gs_element *cand, const struct gs_element *old)
{
    const struct xtoggle *t = (const struct xtoggle *)cand;
    if (t->state != 0 && t->state != 1)
        return gs_error(sim, "state of xtoggle must be 0 or 1, got %d", t->state);
    return xo_widget_check(sim, cand, old);
}

const struct gs_class xtoggle_class = {
    .name = "xtoggle",
    .classes = "widget output",
    .desc = "on/off button that runs its script when clicked",
    .size = sizeof(struct xtoggle),
    .fields = xtoggle_fields,
    .extra = xo_toggle_actions,
    .create = xtoggle_create,
    .create_args = xtoggle_create_args,
    .check_fields = xtoggle_check,
};
