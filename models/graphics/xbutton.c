/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xbutton.c: the xbutton class, a push button whose `script` runs on a
 * click. Headless, `call /form/button B1DOWN` is the click (xo_events.c).
 * -label and -title set both labels, which default to the element's name.
 */
#include "xo_int.h"

struct xbutton {
    struct xo_widget w;
    char *onlabel, *offlabel, *onfg, *offfg, *onbg, *offbg, *onfont, *offfont;
    char *script;
};

static const struct gs_field xbutton_fields[] = {
    XO_WIDGET_FIELDS(struct xbutton),
    GS_FIELD(struct xbutton, onlabel, GS_STR, "", "text while pressed"),
    GS_FIELD(struct xbutton, offlabel, GS_STR, "", "text while not pressed"),
    GS_FIELD(struct xbutton, onfg, GS_STR, "", "text colour while pressed"),
    GS_FIELD(struct xbutton, offfg, GS_STR, "", "text colour while not pressed"),
    GS_FIELD(struct xbutton, onbg, GS_STR, "", "background while pressed"),
    GS_FIELD(struct xbutton, offbg, GS_STR, "", "background while not pressed"),
    GS_FIELD(struct xbutton, onfont, GS_STR, "", "font while pressed"),
    GS_FIELD(struct xbutton, offfont, GS_STR, "", "font while not pressed"),
    GS_FIELD(struct xbutton, script, GS_STR, "", "script callbacks run by a click"),
    GS_FIELD_END,
};

static const struct xo_option xbutton_options[] = {
    {"label", "onlabel offlabel", 0},
    {"title", "onlabel offlabel", 0},
    XO_OPTION_END,
};

static enum gs_status
xbutton_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xbutton *b = (struct xbutton *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&b->w, false);
    b->onlabel = xstrdup(el->name);
    b->offlabel = xstrdup(el->name);
    b->onfg = xstrdup("black");
    b->offfg = xstrdup("black");
    b->onbg = xstrdup("white");
    b->offbg = xstrdup("white");
    b->onfont = xstrdup("");
    b->offfont = xstrdup("");
    b->script = xstrdup("");
    return GS_OK;
}

static enum gs_status
xbutton_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, xbutton_options);
}

const struct gs_class xbutton_class = {
    .name = "xbutton",
    .classes = "widget output",
    .desc = "push button that runs its script when clicked",
    .size = sizeof(struct xbutton),
    .fields = xbutton_fields,
    .extra = xo_button_actions,
    .create = xbutton_create,
    .create_args = xbutton_create_args,
    .check_fields = xo_widget_check,
};
