/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xform.c: the xform class, the window that holds other widgets. Headless:
 * its geometry is kept as pixels (or a percentage of the screen), its title
 * defaults to its name, and xshow/xhide only change `visible`. Forms start
 * hidden, as in GENESIS, unless made with -nested (and not -noautomap).
 */
#include "xo_int.h"

struct xform {
    struct xo_widget w;
    char *title;
    int auto_resize;
    int nested;    /* made with -nested: embedded in the parent form */
    int notitle;   /* -nolabel/-notitle: no title label inside the form */
    int noautomap; /* -noautomap: a nested form that starts hidden */
};

static const struct gs_field xform_fields[] = {
    XO_WIDGET_FIELDS(struct xform),
    GS_FIELD(struct xform, title, GS_STR, "", "title (window title; label with -title)"),
    GS_FIELD(struct xform, auto_resize, GS_INT, "", "resize to fit the contents"),
    GS_FIELD_RO(struct xform, nested, GS_INT, "", "1: embedded in the parent form (-nested)"),
    GS_FIELD_F(struct xform, notitle, GS_INT, GS_F_HIDDEN, "", "no title label (-nolabel)"),
    GS_FIELD_F(struct xform, noautomap, GS_INT, GS_F_HIDDEN, "", "starts hidden (-noautomap)"),
    GS_FIELD_END,
};

static const struct xo_option xform_options[] = {
    {"title", "title", 0},
    {"label", "title", 0},
    {"nolabel", NULL, offsetof(struct xform, notitle)},
    {"notitle", NULL, offsetof(struct xform, notitle)},
    {"nested", NULL, offsetof(struct xform, nested)},
    {"noautomap", NULL, offsetof(struct xform, noautomap)},
    XO_OPTION_END,
};

static enum gs_status
xform_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct xform *f = (struct xform *)el;
    xo_widget_init(&f->w, true);
    f->title = xstrdup(el->name);
    return GS_OK;
}

static enum gs_status
xform_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct xform *f = (struct xform *)el;
    if (xo_create_args(sim, el, argc, argv, xform_options) != GS_OK)
        return GS_ERR;
    /* An embedded form shows with its parent unless -noautomap. */
    if (f->nested && !f->noautomap && xo_ancestor(el, &xform_class))
        f->w.visible = 1;
    return GS_OK;
}

const struct gs_class xform_class = {
    .name = "xform",
    .classes = "widget output",
    .desc = "window holding other widgets (headless: nothing is drawn)",
    .size = sizeof(struct xform),
    .fields = xform_fields,
    .extra = xo_static_actions,
    .create = xform_create,
    .create_args = xform_create_args,
    .check_fields = xo_widget_check,
};
