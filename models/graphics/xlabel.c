/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xlabel.c: the xlabel class, a line of static text in a form. Its label
 * defaults to its name. Headless: only the fields exist.
 */
#include "xo_int.h"

struct xlabel {
    struct xo_widget w;
    char *label, *font;
};

static const struct gs_field xlabel_fields[] = {
    XO_WIDGET_FIELDS(struct xlabel),
    GS_FIELD(struct xlabel, label, GS_STR, "", "text shown (default: the element's name)"),
    GS_FIELD(struct xlabel, font, GS_STR, "", "font"),
    GS_FIELD_END,
};

static const struct xo_option xlabel_options[] = {
    {"title", "label", 0},
    XO_OPTION_END,
};

static enum gs_status
xlabel_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xlabel *l = (struct xlabel *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&l->w, false);
    l->label = xstrdup(el->name);
    l->font = xstrdup("");
    return GS_OK;
}

static enum gs_status
xlabel_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, xlabel_options);
}

const struct gs_class xlabel_class = {
    .name = "xlabel",
    .classes = "widget output",
    .desc = "static text in a form",
    .size = sizeof(struct xlabel),
    .fields = xlabel_fields,
    .extra = xo_static_actions,
    .create = xlabel_create,
    .create_args = xlabel_create_args,
    .check_fields = xo_widget_check,
};
