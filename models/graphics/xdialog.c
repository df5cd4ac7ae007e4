/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xdialog.c: the xdialog class, a labelled text entry. Typing a value and
 * pressing Return is, headless, `call /form/dialog B1DOWN VALUE`: the value
 * is stored and `script` runs with <value> (xo_events.c). An INPUT message
 * shows a number in the dialog at each step. -title sets the label, which
 * defaults to the element's name.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xo_int.h"

enum { XDIALOG_INPUT };

static const struct gs_field xdialog_fields[] = {
    XO_WIDGET_FIELDS(struct xdialog),
    GS_FIELD(struct xdialog, label, GS_STR, "", "label (default: the element's name)"),
    GS_FIELD(struct xdialog, font, GS_STR, "", "font"),
    GS_FIELD(struct xdialog, value, GS_STR, "", "the text in the dialog"),
    GS_FIELD(struct xdialog, fvalue, GS_REAL, "", "value as a number (0 if it is not one)"),
    GS_FIELD(struct xdialog, script, GS_STR, "", "script callbacks run on Return or a click"),
    GS_FIELD_END,
};

static const struct gs_msgdef xdialog_msgs[] = {
    {"INPUT", 1, {"value"}, "a number to show in the dialog"},
    GS_MSGDEF_END,
};

static const struct xo_option xdialog_options[] = {
    {"title", "label", 0},
    XO_OPTION_END,
};

static enum gs_status
xdialog_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xdialog *d = (struct xdialog *)el;
    if (xo_need_form(sim, el) != GS_OK)
        return GS_ERR;
    xo_widget_init(&d->w, false);
    d->label = xstrdup(el->name);
    d->font = xstrdup("");
    d->value = xstrdup("");
    d->script = xstrdup("");
    return GS_OK;
}

static enum gs_status
xdialog_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, xdialog_options);
}

/* fvalue follows value. */
static void
xdialog_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    struct xdialog *d = (struct xdialog *)el;
    if (f->offset == offsetof(struct xdialog, value)) {
        char *end;
        double v = strtod(d->value ? d->value : "", &end);
        d->fvalue = d->value && end != d->value ? v : 0;
    }
}

static enum gs_status
xdialog_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct xdialog *d = (struct xdialog *)el;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type != XDIALOG_INPUT)
            continue;
        char buf[40];
        d->fvalue = msg_val(m, 0);
        snprintf(buf, sizeof buf, "%g", d->fvalue);
        xo_set_str(&d->value, buf);
    }
    return GS_OK;
}

const struct gs_class xdialog_class = {
    .name = "xdialog",
    .classes = "widget output",
    .desc = "labelled text entry that runs its script on Return",
    .size = sizeof(struct xdialog),
    .fields = xdialog_fields,
    .msgs = xdialog_msgs,
    .extra = xo_dialog_actions,
    .create = xdialog_create,
    .create_args = xdialog_create_args,
    .process = xdialog_process,
    .check_fields = xo_widget_check,
    .field_set = xdialog_field_set,
};
