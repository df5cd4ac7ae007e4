/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xtext.c: the xtext class, a box of (editable) text. Headless, the text is
 * kept in `text` (gensh's name for the shown text; GENESIS starts it from
 * `initialtext` or the file `filename`, and the xtextload command adds
 * lines).
 */
#include "xo_int.h"

struct xtext {
    struct xo_widget w;
    char *initialtext, *filename, *font, *text;
    int editable;
};

static const struct gs_field xtext_fields[] = {
    XO_WIDGET_FIELDS(struct xtext),
    GS_FIELD(struct xtext, initialtext, GS_STR, "", "text shown when created"),
    GS_FIELD(struct xtext, editable, GS_INT, "", "1: the user may edit the text"),
    GS_FIELD(struct xtext, filename, GS_STR, "", "file whose text is shown"),
    GS_FIELD(struct xtext, font, GS_STR, "", "font"),
    GS_FIELD(struct xtext, text, GS_STR, "", "the text shown (gensh)"),
    GS_FIELD_END,
};

static enum gs_status
xtext_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xtext *t = (struct xtext *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&t->w, false);
    t->initialtext = xstrdup("");
    t->filename = xstrdup("");
    t->font = xstrdup("");
    t->text = xstrdup("");
    return GS_OK;
}

static enum gs_status
xtext_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

/* Setting initialtext shows it. */
static void
xtext_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    struct xtext *t = (struct xtext *)el;
    if (f->offset == offsetof(struct xtext, initialtext))
        xo_set_str(&t->text, t->initialtext);
}

const struct gs_class xtext_class = {
    .name = "xtext",
    .classes = "widget output",
    .desc = "box of text (headless: kept in the text field)",
    .size = sizeof(struct xtext),
    .fields = xtext_fields,
    .extra = xo_dialog_actions,
    .create = xtext_create,
    .create_args = xtext_create_args,
    .check_fields = xo_widget_check,
    .field_set = xtext_field_set,
};
