/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xo_common.c: what every headless XODUS class shares: the create-line
 * reader ("[x,y,w,h]", "-field value", aliases and flags), the geometry
 * syntax check (XODUS.txt 19.3: N, N%, N:ref.edge), defaults, the rule that
 * widgets live in forms and pixes in draws, growable point tables, and
 * element names made from plot labels. Nothing here draws.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graphics.h"
#include "gui.h"
#include "xo_int.h"

/* ---- strings ------------------------------------------------------------- */

void
xo_set_str(char **dst, const char *src)
{
    free(*dst);
    *dst = src ? xstrdup(src) : NULL;
}

char *
xo_element_name(const char *text)
{
    if (!text || !text[0])
        return xstrdup("plot");
    size_t n = strlen(text);
    if (n > GS_MAX_NAME)
        n = GS_MAX_NAME;
    char *s = xstrndup(text, n);
    for (char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 127 || strchr("/[]*?#,^@{}\"'\\=<>!&|;", c))
            *p = '_';
    }
    if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
        s[0] = '_';
    return s;
}

/* ---- geometry -------------------------------------------------------------- */

static bool
edge_ok(const char *e, size_t n)
{
    static const char *const edges[] = {"left", "right", "top", "bottom", "width", "height"};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        if (strlen(edges[i]) == n && strncasecmp(e, edges[i], n) == 0)
            return true;
    return false;
}

enum gs_status
xo_geom_check(struct gs_sim *sim, const char *field, const char *value, bool form)
{
    const char *s = value ? value : "";
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return GS_OK; /* empty: the default */
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!isdigit((unsigned char)*p))
        goto bad;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p == '%')
        p++;
    if (*p == ':') {
        if (form)
            return gs_error(sim,
                            "a form's %s takes pixels or a percentage of the screen, not a "
                            "reference: '%s'",
                            field, value);
        const char *ref = ++p;
        while (*p && *p != '.' && *p != ' ' && *p != '\t')
            p++;
        size_t nref = (size_t)(p - ref);
        if (nref == 0 || memchr(ref, ',', nref) || memchr(ref, '[', nref))
            goto bad;
        if (*p == '.') {
            const char *edge = ++p;
            while (isalpha((unsigned char)*p))
                p++;
            if (!edge_ok(edge, (size_t)(p - edge)))
                return gs_error(sim,
                                "%s '%s': unknown edge (expected left, right, top, bottom, "
                                "width or height)",
                                field, value);
        }
    }
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0')
        return GS_OK;
bad:
    return gs_error(sim,
                    "%s '%s' is not a geometry (expected N, N%% or N:ref.edge, as in 10, "
                    "50%%, 0:label.bottom)",
                    field, value);
}

enum gs_status
xo_widget_check(struct gs_sim *sim, const struct gs_element *cand, const struct gs_element *old)
{
    const struct xo_widget *c = (const struct xo_widget *)cand;
    const struct xo_widget *o = (const struct xo_widget *)old;
    bool form = cand->cls == &xform_class;
    /* Only the strings being set: the candidate shares the others. */
    if (c->xgeom != o->xgeom && xo_geom_check(sim, "xgeom", c->xgeom, form) != GS_OK)
        return GS_ERR;
    if (c->ygeom != o->ygeom && xo_geom_check(sim, "ygeom", c->ygeom, form) != GS_OK)
        return GS_ERR;
    if (c->wgeom != o->wgeom && xo_geom_check(sim, "wgeom", c->wgeom, form) != GS_OK)
        return GS_ERR;
    if (c->hgeom != o->hgeom && xo_geom_check(sim, "hgeom", c->hgeom, form) != GS_OK)
        return GS_ERR;
    return GS_OK;
}

void
xo_widget_init(struct xo_widget *w, bool form)
{
    w->fg = xstrdup("black");
    w->bg = xstrdup("white");
    if (form) {
        /* Pixels on the screen; forms start hidden until xshow. */
        w->xgeom = xstrdup("0");
        w->ygeom = xstrdup("0");
        w->wgeom = xstrdup("300");
        w->hgeom = xstrdup("375");
        w->visible = 0;
    } else {
        /* XODUS.txt 19.3: left edge, below the last widget, full width. */
        w->xgeom = xstrdup("0");
        w->ygeom = xstrdup("0:last.bottom");
        w->wgeom = xstrdup("100%");
        w->hgeom = xstrdup("");
        w->visible = 1;
    }
}

void
xo_pix_init(struct xo_pix *p)
{
    p->fg = xstrdup("black");
    p->script = xstrdup("");
}

/* ---- ancestry ------------------------------------------------------------ */

struct gs_element *
xo_ancestor(const struct gs_element *el, const struct gs_class *cls)
{
    for (struct gs_element *a = el->parent; a; a = a->parent)
        if (a->cls == cls)
            return a;
    return NULL;
}

enum gs_status
xo_need_form(struct gs_sim *sim, struct gs_element *el)
{
    if (xo_ancestor(el, &xform_class))
        return GS_OK;
    char *p = elem_path_str(el);
    gs_error(sim, "%s '%s' must be inside an xform (create the form first)", el->cls->name, p);
    free(p);
    return GS_ERR;
}

enum gs_status
xo_need_draw(struct gs_sim *sim, struct gs_element *el)
{
    for (struct gs_element *a = el->parent; a; a = a->parent)
        if (a->cls == &xdraw_class || a->cls == &xgraph_class || a->cls == &xcoredraw_class)
            return GS_OK;
    char *p = elem_path_str(el);
    gs_error(sim, "%s '%s' must be inside an xdraw, xgraph or xcoredraw", el->cls->name, p);
    free(p);
    return GS_ERR;
}

bool
xo_is_widget(const struct gs_element *el)
{
    return class_in(el->cls, "widget");
}

/* ---- create options ------------------------------------------------------ */

/* An option word: '-' and a letter ("-0.5" and "-" are values). */
static bool
is_option(const char *w)
{
    return w[0] == '-' && isalpha((unsigned char)w[1]);
}

/* Pending assignments of one create line; values may be owned copies. */
struct assign {
    const char **names, **values;
    char **owned;
    int n, nowned, cap;
};

/* Adds NAME = VALUE; OWN_NAME/OWN_VALUE: the string was allocated for this. */
static void
assign_add2(struct assign *a, const char *name, bool own_name, const char *value, bool own_value)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 16;
        a->names = xreallocarray(a->names, (size_t)a->cap, sizeof *a->names);
        a->values = xreallocarray(a->values, (size_t)a->cap, sizeof *a->values);
        /* At most a name and a value per assignment are owned. */
        a->owned = xreallocarray(a->owned, 2 * (size_t)a->cap, sizeof *a->owned);
    }
    a->names[a->n] = name;
    a->values[a->n++] = value;
    if (own_name)
        a->owned[a->nowned++] = (char *)name;
    if (own_value)
        a->owned[a->nowned++] = (char *)value;
}

static void
assign_add(struct assign *a, const char *name, const char *value, bool own)
{
    assign_add2(a, name, false, value, own);
}

static void
assign_free(struct assign *a)
{
    for (int i = 0; i < a->nowned; i++)
        free(a->owned[i]);
    free(a->names);
    free(a->values);
    free(a->owned);
}

/* Splits "[x,y,w,h]" into its four parts; empty parts keep the default. */
static enum gs_status
geometry_words(struct gs_sim *sim, const char *g, struct assign *a)
{
    static const char *const names[4] = {"xgeom", "ygeom", "wgeom", "hgeom"};
    size_t n = strlen(g);
    if (n < 2 || g[n - 1] != ']')
        return gs_error(sim, "geometry '%s' has no closing ']'", g);
    const char *p = g + 1, *end = g + n - 1;
    int k = 0;
    const char *part[4];
    size_t len[4];
    for (;;) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *stop = c ? c : end;
        if (k == 4)
            return gs_error(sim, "geometry '%s' has more than 4 parts (expected [x,y,w,h])", g);
        part[k] = p;
        len[k++] = (size_t)(stop - p);
        if (!c)
            break;
        p = c + 1;
    }
    if (k != 4)
        return gs_error(sim,
                        "geometry '%s' has %d part%s (expected [x,y,w,h]; a part may be "
                        "empty)",
                        g, k, k == 1 ? "" : "s");
    for (int i = 0; i < 4; i++) {
        while (len[i] && (*part[i] == ' ' || *part[i] == '\t'))
            part[i]++, len[i]--;
        while (len[i] && (part[i][len[i] - 1] == ' ' || part[i][len[i] - 1] == '\t'))
            len[i]--;
        if (len[i])
            assign_add(a, names[i], xstrndup(part[i], len[i]), true);
    }
    return GS_OK;
}

static const struct xo_option *
find_option(const struct xo_option *opts, const char *name)
{
    for (const struct xo_option *o = opts; o && o->name; o++)
        if (strcmp(o->name, name) == 0)
            return o;
    return NULL;
}

/* Adds the fields of alias O (blank separated) with VALUE. */
static void
alias_add(const struct xo_option *o, const char *value, struct assign *a)
{
    const char *f = o->fields;
    while (*f) {
        while (*f == ' ')
            f++;
        const char *e = f;
        while (*e && *e != ' ')
            e++;
        if (e > f)
            assign_add2(a, xstrndup(f, (size_t)(e - f)), true, value, false);
        f = e;
    }
}

enum gs_status
xo_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv,
               const struct xo_option *opts)
{
    struct assign a = {0};
    size_t flags[16];
    int nflags = 0;
    enum gs_status st = GS_OK;
    for (int i = 0; i < argc && st == GS_OK; i++) {
        const char *w = argv[i];
        if (w[0] == '[') {
            /* A geometry, possibly split at blanks into several words. */
            struct strbuf g = STRBUF_INIT;
            sb_puts(&g, w);
            while (g.len && sb_str(&g)[g.len - 1] != ']' && i + 1 < argc && !is_option(argv[i + 1]))
                sb_puts(&g, argv[++i]);
            st = geometry_words(sim, sb_str(&g), &a);
            sb_free(&g);
            continue;
        }
        if (!is_option(w)) {
            /* XODUS's xoParseCreateArgs skips such a word silently;
             * the tutorials have some ("-label \"Weight\" inject"). */
            gs_warn(sim, "ignoring '%s' (expected [x,y,w,h] or -option value), as GENESIS does",
                    w);
            continue;
        }
        const char *name = w + 1;
        const struct xo_option *o = find_option(opts, name);
        if (o && !o->fields) {
            if (nflags < (int)(sizeof flags / sizeof flags[0]))
                flags[nflags++] = o->flag_offset;
            continue;
        }
        if (!o && !class_field(el->cls, name)) {
            st = gs_error(sim,
                          "unknown option '%s' for %s (expected -FIELD VALUE with a field of "
                          "%s, or [x,y,w,h])",
                          w, el->cls->name, el->cls->name);
            break;
        }
        if (i + 1 >= argc || is_option(argv[i + 1])) {
            st = gs_error(sim, "option '%s' expects a value", w);
            break;
        }
        const char *value = argv[++i];
        if (o)
            alias_add(o, value, &a);
        else
            assign_add(&a, name, value, false);
    }
    if (st == GS_OK && a.n > 0)
        st = field_set_many(sim, el, a.n, a.names, a.values);
    if (st == GS_OK)
        for (int k = 0; k < nflags; k++)
            *(int *)((char *)el + flags[k]) = 1;
    assign_free(&a);
    return st;
}

/* ---- tables ---------------------------------------------------------------- */

enum gs_status
xo_table_reserve(struct gs_sim *sim, struct gs_element *el, struct interpol **tp, long n)
{
    struct interpol *ip = *tp;
    if (n < 2)
        n = 2;
    long have = ip && ip->allocated ? (long)ip->xdivs + 1 : 0;
    if (have >= n)
        return GS_OK;
    long want = have * 2 > n ? have * 2 : n; /* doubling: amortised growth */
    if (want > (long)GS_MAX_INDEX + 1)
        want = (long)GS_MAX_INDEX + 1;
    if (n > want) {
        if (sim) {
            char *p = elem_path_str(el);
            gs_error(sim, "'%s': cannot hold %ld points (at most %d)", p, n, GS_MAX_INDEX + 1);
            free(p);
        }
        return GS_ERR;
    }
    double *t = gs_try_alloc((size_t)want * sizeof *t);
    if (!t) {
        if (sim) {
            char *p = elem_path_str(el);
            gs_error(sim, "'%s': out of memory for %ld points", p, want);
            free(p);
        }
        return GS_ERR;
    }
    if (have)
        memcpy(t, ip->table, (size_t)have * sizeof *t);
    memset(t + have, 0, (size_t)(want - have) * sizeof *t);
    if (!ip) {
        ip = interpol_new();
        ip->xmin = 0;
        ip->xmax = 1;
        *tp = ip;
    }
    free(ip->table);
    ip->table = t;
    ip->xdivs = (int)(want - 1);
    ip->allocated = true;
    interpol_update(ip);
    return GS_OK;
}

/* ---- the commands' entry points (graphics.h) -------------------------------- */

enum gs_status
xo_check_widget(struct gs_sim *sim, struct gs_element *el)
{
    if (xo_is_widget(el))
        return GS_OK;
    char *p = elem_path_str(el);
    gs_error(sim, "'%s' is not a widget (class %s)", p, el->cls->name);
    free(p);
    return GS_ERR;
}

void
xo_show(struct gs_sim *sim, struct gs_element *el, bool show)
{
    if (!xo_is_widget(el))
        return;
    ((struct xo_widget *)el)->visible = show;
    if (show)
        gui_open(sim);
    gui_sync(sim);
}

void
xo_update(struct gs_sim *sim)
{
    gui_sync(sim);
}

enum gs_status
xo_colorscale(struct gs_sim *sim, const char *name)
{
    static const char *const scales[] = {"hot", "rainbow", "rainbow2", "redhot", "grey"};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
        if (strcmp(name, scales[i]) == 0) {
            snprintf(sim->model->colorscale, sizeof sim->model->colorscale, "%s", scales[i]);
            return GS_OK;
        }
    return gs_error(sim,
                    "unknown colour scale '%s' (expected hot, rainbow, rainbow2, redhot or "
                    "grey)",
                    name);
}

bool
xo_have_display(const struct gs_sim *sim)
{
    return sim->gui_pump != NULL; /* installed while a display is open */
}

bool
xo_open_display(struct gs_sim *sim)
{
    return gui_open(sim);
}
