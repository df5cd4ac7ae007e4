/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xo_events.c: GUI events of the headless XODUS classes. Each mouse or
 * keyboard event GENESIS maps to an action (B1DOWN, B1UP, KEYPRESS,
 * XOCOMMAND, ...; Clicks.txt) is a named action here, so `call /w B1DOWN`
 * does what a click does: a toggle changes state, a dialog takes the typed
 * value, and the widget's `script` callbacks whose suffix matches the event
 * run through sim->run_words with <widget>, <value>, <x> ... replaced. The
 * Tk layer will raise the same actions from real events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xo_int.h"

/* How an event changes a toggle. */
enum ev_kind { EV_OTHER, EV_DOWN, EV_UP };

struct ev_def {
    const char *name; /* the script suffix; NULL: the event runs no script */
    char letter;      /* its one-letter form */
    enum ev_kind kind;
    bool mouse; /* carries x y z (draws and pixes) */
};

/* Splits S at blanks and tabs into WORDS (pointers into S, which is cut);
 * returns the number of words, which may exceed MAX (only MAX are kept). */
static int
split_words(char *s, char **words, int max)
{
    int n = 0;
    for (char *p = s; *p;) {
        while (*p == ' ' || *p == '\t')
            *p++ = '\0';
        if (!*p)
            break;
        if (n < max)
            words[n] = p;
        n++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
    }
    return n;
}

/* Does a script word's suffix (after '.', or NULL) select event EV? */
static bool
suffix_matches(const char *suffix, const struct xo_event *ev)
{
    if (!suffix)
        return ev->letter == 'd' || ev->letter == 'u'; /* plain: presses and releases */
    if (strlen(suffix) > 1)
        return strcmp(suffix, ev->name) == 0;
    return suffix[0] == ev->letter;
}

#define XO_MAXWORDS 64

enum gs_status
xo_run_script(struct gs_sim *sim, struct gs_element *el, const char *script,
              const struct xo_event *ev)
{
    if (!script || !script[0])
        return GS_OK;
    if (!sim->run_words)
        return gs_error(sim, "widget scripts need the interpreter");
    /* Copies: a callback may change the script field or delete EL. */
    char *text = xstrdup(script);
    char *path = elem_path_str(el);
    /* Errors inside name the widget, the event and the script part, with
     * the script line they come from (a function's FILE:LINE). */
    const char *old_context = sim->err_context;
    char *context = NULL;
    enum gs_status st = GS_OK;
    char *part = text;
    while (part && st == GS_OK) {
        char *semi = strchr(part, ';');
        if (semi)
            *semi = '\0';
        char *words[XO_MAXWORDS + 1];
        const char *argv[2 * XO_MAXWORDS + 1];
        int n = split_words(part, words, XO_MAXWORDS);
        part = semi ? semi + 1 : NULL;
        if (n == 0)
            continue;
        if (n > XO_MAXWORDS) {
            st = gs_error(sim, "a script line of '%s' has %d words (at most %d)", path, n,
                          XO_MAXWORDS);
            break;
        }
        char *dot = strchr(words[0], '.');
        if (dot)
            *dot = '\0';
        if (!suffix_matches(dot ? dot + 1 : NULL, ev))
            continue;
        int argc = 0;
        argv[argc++] = words[0];
        for (int j = 1; j < n; j++) {
            const char *w = words[j];
            size_t len = strlen(w);
            if (len > 2 && w[0] == '<' && w[len - 1] == '>') {
                switch (w[1]) {
                case 'w': /* <widget> */
                case 'n': /* <name> */
                    w = path;
                    break;
                case 'v': /* <value> */
                    w = ev->value ? ev->value : "";
                    break;
                case 's': /* drag and drop: no second widget headless */
                case 'd':
                case 'S':
                case 'D':
                    w = "";
                    break;
                case 'x':
                    w = ev->xyz[0] ? ev->xyz[0] : "0";
                    break;
                case 'y':
                    w = ev->xyz[1] ? ev->xyz[1] : "0";
                    break;
                case 'z':
                    w = ev->xyz[2] ? ev->xyz[2] : "0";
                    break;
                case 'k': /* <key> */
                    w = ev->key ? ev->key : "";
                    break;
                default:
                    break;
                }
            }
            argv[argc++] = w;
        }
        for (int j = 0; j < ev->nextra && argc < 2 * XO_MAXWORDS; j++)
            argv[argc++] = ev->extra[j];
        argv[argc] = NULL;
        free(context);
        context = xasprintf("in the script of %s (%s: '%s')", path,
                            ev->action ? ev->action : ev->name, words[0]);
        sim->err_context = context;
        st = sim->run_words(sim, argc, argv);
        sim->err_context = old_context;
    }
    free(context);
    free(path);
    free(text);
    return st;
}

/* The `script` field of EL's class, or NULL when it has none. */
static const char *
script_of(const struct gs_element *el)
{
    const struct gs_field *f = class_field(el->cls, "script");
    if (!f || f->type != GS_STR)
        return NULL;
    return *(char *const *)((const char *)el + f->offset);
}

/* One event on EL, with the words given after the action name in `call`. */
static enum gs_status
fire(struct gs_sim *sim, struct gs_element *el, const struct ev_def *d, const char *action,
     int argc, const char *const *argv)
{
    struct xo_event ev = {.action = action, .name = d->name, .letter = d->letter, .value = ""};
    char buf[32];
    bool command = d->letter == 'c';
    if (el->cls == &xtoggle_class) {
        struct xtoggle *t = (struct xtoggle *)el;
        if (d->kind == EV_DOWN)
            t->state = 1;
        else if (d->kind == EV_UP)
            t->state = 0;
        snprintf(buf, sizeof buf, "%d", t->state);
        ev.value = buf;
    } else if (el->cls == &xdialog_class) {
        /* The first word is what was typed: it becomes the value. */
        struct xdialog *dg = (struct xdialog *)el;
        if (argc > 0 && !command) {
            xo_set_str(&dg->value, argv[0]);
            char *end;
            double v = strtod(argv[0], &end);
            dg->fvalue = end != argv[0] ? v : 0;
        }
        if (d->letter == 'k' && argc > 1)
            ev.key = argv[1];
        ev.value = dg->value ? dg->value : "";
    } else {
        const struct gs_field *f = class_field(el->cls, "value");
        if (f && f->type == GS_STR) {
            const char *v = *(char *const *)((const char *)el + f->offset);
            ev.value = v ? v : "";
        }
        if (d->mouse && argc >= 3 && !command) {
            ev.xyz[0] = argv[0];
            ev.xyz[1] = argv[1];
            ev.xyz[2] = argv[2];
        }
    }
    if (command) {
        ev.nextra = argc;
        ev.extra = argv;
    }
    if (!d->name)
        return GS_OK; /* ANYBDOWN, ANYBUP: state only, as GENESIS */
    return xo_run_script(sim, el, script_of(el), &ev);
}

/* One named-action function per event (the table entry carries no name). */
#define XO_EVENT(NAME, suffix, letter, kind, mouse)                                                \
    static enum gs_status act_##NAME(struct gs_sim *sim, struct gs_element *el, int argc,          \
                                     const char *const *argv)                                      \
    {                                                                                              \
        static const struct ev_def d = {suffix, letter, kind, mouse};                              \
        return fire(sim, el, &d, #NAME, argc, argv);                                               \
    }

XO_EVENT(B1DOWN, "d1", 'd', EV_DOWN, true)
XO_EVENT(B2DOWN, "d2", 'd', EV_DOWN, true)
XO_EVENT(B3DOWN, "d3", 'd', EV_DOWN, true)
XO_EVENT(ANYBDOWN, NULL, 'd', EV_DOWN, true)
XO_EVENT(B1UP, "u1", 'u', EV_UP, true)
XO_EVENT(B2UP, "u2", 'u', EV_UP, true)
XO_EVENT(B3UP, "u3", 'u', EV_UP, true)
XO_EVENT(ANYBUP, NULL, 'u', EV_UP, true)
XO_EVENT(B1DOUBLE, "D1", 'D', EV_OTHER, true)
XO_EVENT(B2DOUBLE, "D2", 'D', EV_OTHER, true)
XO_EVENT(B3DOUBLE, "D3", 'D', EV_OTHER, true)
XO_EVENT(B1ENTER, "e1", 'e', EV_OTHER, true)
XO_EVENT(B2ENTER, "e2", 'e', EV_OTHER, true)
XO_EVENT(B3ENTER, "e3", 'e', EV_OTHER, true)
XO_EVENT(KEYPRESS, "key", 'k', EV_OTHER, false)
XO_EVENT(XUPDATE, "x", 'x', EV_OTHER, false)
XO_EVENT(XODRAG, "drag", 'y', EV_OTHER, true)
XO_EVENT(XODROP, "drop", 'p', EV_OTHER, true)
XO_EVENT(XOWASDROPPED, "wasdropped", 'w', EV_OTHER, true)
XO_EVENT(XOCOMMAND, "command", 'c', EV_OTHER, false)

#define XO_ACT(NAME, usage)                                                                        \
    {                                                                                              \
#NAME, usage, act_##NAME                                                                   \
    }

/* The events of widgets that are drawn on (draw, its canvases, plots):
 * clicks, enters and drags at a point, with its coordinates. */
#define XO_POINTER_ACTIONS                                                                         \
    XO_ACT(B1DOWN, "[x y z]"), XO_ACT(B2DOWN, "[x y z]"), XO_ACT(B3DOWN, "[x y z]"),              \
        XO_ACT(ANYBDOWN, "[x y z]"), XO_ACT(B1DOUBLE, "[x y z]"), XO_ACT(B2DOUBLE, "[x y z]"),    \
        XO_ACT(B3DOUBLE, "[x y z]"), XO_ACT(B1ENTER, "[x y z]"), XO_ACT(B2ENTER, "[x y z]"),      \
        XO_ACT(B3ENTER, "[x y z]"), XO_ACT(XUPDATE, ""), XO_ACT(XODRAG, "[x y z]"),               \
        XO_ACT(XODROP, "[x y z]"), XO_ACT(XOWASDROPPED, "[x y z]"),                               \
        XO_ACT(XOCOMMAND, "[arguments...]")

const struct gs_named_action xo_static_actions[] = {
    XO_ACT(XUPDATE, ""),
    GS_ACTION_END,
};

const struct gs_named_action xo_button_actions[] = {
    XO_ACT(B1DOWN, ""),   XO_ACT(B2DOWN, ""),  XO_ACT(B3DOWN, ""),
    XO_ACT(ANYBDOWN, ""), XO_ACT(XUPDATE, ""), XO_ACT(XOCOMMAND, "[arguments...]"),
    GS_ACTION_END,
};

const struct gs_named_action xo_toggle_actions[] = {
    XO_ACT(B1DOWN, ""),  XO_ACT(B2DOWN, ""),
    XO_ACT(B3DOWN, ""),  XO_ACT(ANYBDOWN, ""),
    XO_ACT(B1UP, ""),    XO_ACT(B2UP, ""),
    XO_ACT(B3UP, ""),    XO_ACT(ANYBUP, ""),
    XO_ACT(XUPDATE, ""), XO_ACT(XOCOMMAND, "[arguments...]"),
    GS_ACTION_END,
};

const struct gs_named_action xo_dialog_actions[] = {
    XO_ACT(B1DOWN, "[value]"),           XO_ACT(B2DOWN, "[value]"),
    XO_ACT(B3DOWN, "[value]"),           XO_ACT(ANYBDOWN, "[value]"),
    XO_ACT(KEYPRESS, "[value [key]]"),   XO_ACT(XUPDATE, ""),
    XO_ACT(XOCOMMAND, "[arguments...]"), GS_ACTION_END,
};

const struct gs_named_action xo_draw_actions[] = {
    XO_POINTER_ACTIONS,
    GS_ACTION_END,
};

const struct gs_named_action xo_canvas_actions[] = {
    {"PRINT", "[file]", xo_print_action},
    XO_POINTER_ACTIONS,
    GS_ACTION_END,
};

const struct gs_named_action xo_plot_actions[] = {
    {"ADDPTS", "x y", xplot_addpts},
    XO_POINTER_ACTIONS,
    GS_ACTION_END,
};
