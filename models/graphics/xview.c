/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xview.c: the xview class, a view of many values at points in space (the
 * network view of the tutorials: one coloured box per cell). The points
 * come from COORDS messages (the i-th message gives point i), ICOORDS
 * messages (index x y z: PGENESIS's, indexed by io_index), or the elements
 * matching `path`, read at reset. Up to five values per point, values[k][i],
 * come from VALk messages (the i-th VALk message gives point i), IVALk
 * messages (index data), or, with `path`, the fields `field` and `field2`
 * of those elements (or of relpath below them), or with field msgin/msgout
 * a slot of their first matching message. Values are taken at reset and,
 * after each step, when they are next looked at: a read of values[k][i],
 * or a redraw by the Tk layer (at most about 30 a second). A step only
 * marks the view stale, so a view of a thousand cells costs nothing per
 * step (reading every cell's Vm at every step doubled the run of the
 * tutorial network). Headless: nothing is drawn; xpts/ypts/zpts->table[i],
 * ncoords and values[k][i] can be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xo_int.h"

#define XVIEW_NVAL 5

struct xview {
    struct xo_pix p;
    char *viewmode, *path, *relpath, *field, *field2, *msgpath, *msgtype, *valuemode, *value;
    double value_min, value_max, sizescale;
    int color_val, morph_val, xoffset_val, yoffset_val, zoffset_val, text_val, textcolor_val,
        linethickness_val, autolimits, msgslotno;
    int ncoords; /* number of points */
    struct interpol *xpts, *ypts, *zpts;
    /* Owned by the class (xview_copy, xview_destroy): */
    double *vals[XVIEW_NVAL]; /* values[k][i], i < cap */
    long cap;
    struct view_src *src; /* path mode: where each point's values come from */
    int nsrc;
    struct gs_sim *stale; /* a step ran since values were taken (borrowed; NULL: fresh) */
};

/* Path mode: a point's element, and the first two values' sources. */
struct view_src {
    struct gs_handle h;       /* the element holding the fields */
    struct gs_fref f[2];      /* field and field2 (f[k].el NULL: none) */
    const struct gs_msg *msg; /* msgin/msgout: the message read */
    int msg_in;               /* 1: msg is el->in[msg_at], 0: el->out[msg_at] */
    int msg_at;
};

enum { XVIEW_VAL1 = 0, XVIEW_COORDS = 5, XVIEW_IVAL1 = 6, XVIEW_ICOORDS = 11 };

static const struct gs_field xview_fields[] = {
    XO_PIX_FIELDS(struct xview),
    GS_FIELD(struct xview, viewmode, GS_STR, "",
             "shape, colorview, boxview, colorboxview or fillboxview"),
    GS_FIELD(struct xview, value_min, GS_REAL, "", "value shown as shape[0]"),
    GS_FIELD(struct xview, value_max, GS_REAL, "", "value shown as the last shape"),
    GS_FIELD(struct xview, color_val, GS_INT, "", "value (1-5) shown as colour; 0: none"),
    GS_FIELD(struct xview, morph_val, GS_INT, "", "value shown as shape"),
    GS_FIELD(struct xview, xoffset_val, GS_INT, "", "value shown as x offset"),
    GS_FIELD(struct xview, yoffset_val, GS_INT, "", "value shown as y offset"),
    GS_FIELD(struct xview, zoffset_val, GS_INT, "", "value shown as z offset"),
    GS_FIELD(struct xview, text_val, GS_INT, "", "value printed"),
    GS_FIELD(struct xview, textcolor_val, GS_INT, "", "value shown as text colour"),
    GS_FIELD(struct xview, linethickness_val, GS_INT, "", "value shown as line thickness"),
    GS_FIELD(struct xview, autolimits, GS_INT, "", "0 off, 1 max ever, 2 max now (unused)"),
    GS_FIELD(struct xview, sizescale, GS_REAL, "", "size of the shapes"),
    GS_FIELD(struct xview, xpts, GS_TABLE, "", "x of the points"),
    GS_FIELD(struct xview, ypts, GS_TABLE, "", "y of the points"),
    GS_FIELD(struct xview, zpts, GS_TABLE, "", "z of the points"),
    GS_FIELD_RO(struct xview, ncoords, GS_INT, "", "number of points"),
    GS_FIELD(struct xview, path, GS_STR, "", "elements whose positions are the points"),
    GS_FIELD(struct xview, relpath, GS_STR, "", "path below each of them holding the fields"),
    GS_FIELD(struct xview, field, GS_STR, "", "field shown as value 1 (or msgin, msgout)"),
    GS_FIELD(struct xview, field2, GS_STR, "", "field shown as value 2"),
    GS_FIELD(struct xview, msgpath, GS_STR, "", "msgin/msgout: elements at the other end"),
    GS_FIELD(struct xview, msgtype, GS_STR, "", "msgin/msgout: message type"),
    GS_FIELD(struct xview, msgslotno, GS_INT, "", "msgin/msgout: slot shown"),
    GS_FIELD(struct xview, valuemode, GS_STR, "",
             "what a click puts in value: path, index, lookup"),
    GS_FIELD(struct xview, value, GS_STR, "", "set by a click (valuemode)"),
    GS_FIELD_END,
};

static const struct gs_msgdef xview_msgs[] = {
    {"VAL1", 1, {"data"}, "value 1 of the next point"},
    {"VAL2", 1, {"data"}, "value 2 of the next point"},
    {"VAL3", 1, {"data"}, "value 3 of the next point"},
    {"VAL4", 1, {"data"}, "value 4 of the next point"},
    {"VAL5", 1, {"data"}, "value 5 of the next point"},
    {"COORDS", 3, {"x", "y", "z"}, "position of the next point"},
    {"IVAL1", 2, {"index", "data"}, "value 1 of point INDEX"},
    {"IVAL2", 2, {"index", "data"}, "value 2 of point INDEX"},
    {"IVAL3", 2, {"index", "data"}, "value 3 of point INDEX"},
    {"IVAL4", 2, {"index", "data"}, "value 4 of point INDEX"},
    {"IVAL5", 2, {"index", "data"}, "value 5 of point INDEX"},
    {"ICOORDS", 4, {"index", "x", "y", "z"}, "position of point INDEX"},
    GS_MSGDEF_END,
};

/* values[K][I] for K < 5, I < ncoords (a 2-D field outside the table). */
static const struct gs_field values_entry = {
    "values", GS_REAL, 0, sizeof(double), "", 0, "values[k][i]: value k+1 of point i"};

static void update_values(struct gs_sim *sim, struct xview *v);

void
xview_refresh(struct gs_element *el)
{
    struct xview *v = (struct xview *)el;
    if (v->stale) {
        struct gs_sim *sim = v->stale;
        v->stale = NULL;
        update_values(sim, v);
    }
}

void
xview_points(struct gs_element *el, struct xview_pts *out)
{
    struct xview *v = (struct xview *)el;
    xview_refresh(el);
    int k = v->color_val >= 1 && v->color_val <= XVIEW_NVAL ? v->color_val - 1 : 0;
    out->n = v->ncoords;
    out->x = v->xpts->table;
    out->y = v->ypts->table;
    out->val = v->vals[k];
    out->vmin = v->value_min;
    out->vmax = v->value_max;
    out->size = v->sizescale;
}

static bool
xview_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    struct xview *v = (struct xview *)el;
    char *end;
    if (strncmp(name, "values[", 7) != 0)
        return false;
    long k = strtol(name + 7, &end, 10);
    if (end == name + 7 || end[0] != ']' || end[1] != '[')
        return false;
    const char *p = end + 2;
    long i = strtol(p, &end, 10);
    if (end == p || end[0] != ']' || end[1] != '\0')
        return false;
    if (k < 0 || k >= XVIEW_NVAL || i < 0 || i >= v->ncoords)
        return false;
    xview_refresh(el);
    out->field = &values_entry;
    out->type = GS_REAL;
    out->addr = &v->vals[k][i];
    out->flags = 0;
    return true;
}

/* Room for N points: the value arrays and the coordinate tables. */
static enum gs_status
reserve(struct gs_sim *sim, struct xview *v, long n)
{
    struct gs_element *el = &v->p.el;
    if (xo_table_reserve(sim, el, &v->xpts, n) != GS_OK
        || xo_table_reserve(sim, el, &v->ypts, n) != GS_OK
        || xo_table_reserve(sim, el, &v->zpts, n) != GS_OK)
        return GS_ERR;
    if (n <= v->cap)
        return GS_OK;
    long want = (long)v->xpts->xdivs + 1;
    for (int k = 0; k < XVIEW_NVAL; k++) {
        double *a = gs_try_alloc((size_t)want * sizeof *a);
        if (!a) {
            char *path = elem_path_str(el);
            gs_error(sim, "'%s': out of memory for %ld points", path, want);
            free(path);
            return GS_ERR;
        }
        if (v->cap)
            memcpy(a, v->vals[k], (size_t)v->cap * sizeof *a);
        memset(a + v->cap, 0, (size_t)(want - v->cap) * sizeof *a);
        free(v->vals[k]);
        v->vals[k] = a;
    }
    v->cap = want;
    return GS_OK;
}

static void
point_set(struct xview *v, long i, double x, double y, double z)
{
    v->xpts->table[i] = x;
    v->ypts->table[i] = y;
    v->zpts->table[i] = z;
}

static enum gs_status
xview_create(struct gs_sim *sim, struct gs_element *el)
{
    struct xview *v = (struct xview *)el;
    if (xo_need_draw(sim, el) != GS_OK)
        return GS_ERR;
    if (reserve(sim, v, 2) != GS_OK)
        return GS_ERR;
    xo_pix_init(&v->p);
    v->viewmode = xstrdup("colorboxview");
    v->path = xstrdup("");
    v->relpath = xstrdup("");
    v->field = xstrdup("");
    v->field2 = xstrdup("");
    v->msgpath = xstrdup("");
    v->msgtype = xstrdup("");
    v->valuemode = xstrdup("path");
    v->value = xstrdup("");
    v->value_max = 1;
    v->sizescale = 1;
    /* The two shapes GENESIS interpolates between: a small one in colour 0
     * and a 1x1 one in colour 63. */
    for (int i = 0; i < 2; i++) {
        struct gs_element *c;
        if (elem_create(sim, &xshape_class, el, "shape", i, &c) != GS_OK) {
            while (el->nchild > 0)
                elem_delete(sim, el->child[el->nchild - 1]);
            return GS_ERR;
        }
        struct xshape *s = (struct xshape *)c;
        xo_set_str(&s->p.fg, i == 0 ? "0" : "63");
        xo_set_str(&s->drawmode, "FillRects");
    }
    return GS_OK;
}

static enum gs_status
xview_create_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return xo_create_args(sim, el, argc, argv, NULL);
}

static enum gs_status
xview_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    struct xview *d = (struct xview *)dst;
    const struct xview *s = (const struct xview *)src;
    for (int k = 0; k < XVIEW_NVAL; k++) {
        d->vals[k] = xreallocarray(NULL, (size_t)(s->cap ? s->cap : 1), sizeof(double));
        if (s->cap)
            memcpy(d->vals[k], s->vals[k], (size_t)s->cap * sizeof(double));
    }
    /* The copy looks its sources up again at the next reset. */
    d->src = NULL;
    d->nsrc = 0;
    d->stale = NULL;
    return GS_OK;
}

static void
xview_destroy(struct gs_element *el)
{
    struct xview *v = (struct xview *)el;
    for (int k = 0; k < XVIEW_NVAL; k++)
        free(v->vals[k]);
    free(v->src);
}

static bool
is_msg_mode(const char *field)
{
    return strcmp(field, "msgin") == 0 || strcmp(field, "msgout") == 0;
}

/* Msgin/msgout mode: the first message of EL (incoming when IN) of type
 * msgtype (any if empty) whose other end is in OTHERS (any if NULL). */
static void
find_view_msg(const struct xview *v, struct gs_element *el, bool in, const struct gs_elist *others,
              struct view_src *s)
{
    int n = in ? el->nin : el->nout;
    for (int i = 0; i < n; i++) {
        const struct gs_msg *m = in ? el->in[i] : el->out[i];
        if (v->msgtype[0] && strcasecmp(msg_type_name(m), v->msgtype) != 0)
            continue;
        if (others) {
            const struct gs_element *o = in ? m->src : m->dst;
            bool found = false;
            for (size_t k = 0; k < others->n && !found; k++)
                found = others->v[k] == o;
            if (!found)
                continue;
        }
        s->msg = m;
        s->msg_in = in;
        s->msg_at = i;
        return;
    }
}

/* Problems that leave parts of a view empty: reset warns once about them
 * and goes on, so a mistake in the GUI does not stop the simulation. */
struct problems {
    char first[sizeof(((struct gs_diag *)0)->msg)];
    int n;
};

/* Takes the recorded error as a problem. */
static void
note(struct gs_sim *sim, struct problems *pb)
{
    if (pb->n++ == 0)
        snprintf(pb->first, sizeof pb->first, "%s", sim->diag.msg);
    gs_diag_clear(sim);
}

/* Path mode: the points are the elements of `path`; their fields (or those
 * of relpath below them) are resolved now, so steps stay cheap. A field
 * that is not there shows as 0. Errors: out of memory only. */
static enum gs_status
coords_from_path(struct gs_sim *sim, struct xview *v, struct problems *pb)
{
    struct gs_elist l = GS_ELIST_INIT, others = GS_ELIST_INIT;
    bool msgs = is_msg_mode(v->field);
    if (path_glob(sim, v->path, &l) != GS_OK) {
        note(sim, pb);
        elist_free(&l);
    }
    if (msgs && v->msgpath[0] && path_glob(sim, v->msgpath, &others) != GS_OK)
        note(sim, pb); /* then no message matches */
    if (reserve(sim, v, (long)l.n) != GS_OK) {
        elist_free(&l);
        elist_free(&others);
        return GS_ERR;
    }
    v->src = xcalloc(l.n ? l.n : 1, sizeof *v->src);
    const char *fields[2] = {msgs ? "" : v->field, is_msg_mode(v->field2) ? "" : v->field2};
    for (size_t i = 0; i < l.n; i++) {
        struct gs_element *e = l.v[i], *fe = e;
        struct view_src *s = &v->src[i];
        point_set(v, (long)i, e->x, e->y, e->z);
        if (v->relpath[0] && strcmp(v->relpath, ".") != 0) {
            char *pe = elem_path_str(e);
            char *rel = xasprintf("%s/%s", strcmp(pe, "/") == 0 ? "" : pe, v->relpath);
            fe = path_lookup(sim, rel);
            gs_diag_clear(sim);
            free(rel);
            free(pe);
        }
        s->h = fe ? elem_handle(fe) : (struct gs_handle){0, 0};
        if (!fe)
            continue; /* GENESIS shows 0 where relpath finds nothing */
        for (int k = 0; k < 2; k++)
            if (fields[k][0] && field_find(sim, fe, fields[k], &s->f[k]) != GS_OK) {
                memset(&s->f[k], 0, sizeof s->f[k]);
                note(sim, pb);
            }
        if (msgs)
            find_view_msg(v, fe, strcmp(v->field, "msgin") == 0, v->msgpath[0] ? &others : NULL, s);
    }
    v->nsrc = (int)l.n;
    v->ncoords = (int)l.n;
    elist_free(&l);
    elist_free(&others);
    return GS_OK;
}

/* Message mode: COORDS in order, ICOORDS by index (a bad index is skipped).
 * Errors: out of memory only. */
static enum gs_status
coords_from_msgs(struct gs_sim *sim, struct xview *v, struct problems *pb)
{
    struct gs_element *el = &v->p.el;
    long n = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type == XVIEW_COORDS) {
            if (reserve(sim, v, n + 1) != GS_OK)
                return GS_ERR;
            point_set(v, n++, msg_val(m, 0), msg_val(m, 1), msg_val(m, 2));
        } else if (m->type == XVIEW_ICOORDS) {
            double d = msg_val(m, 0);
            if (!(d >= 0 && d <= GS_MAX_INDEX)) {
                char *src = elem_path_str(m->src);
                gs_error(sim, "ICOORDS index %g from '%s' is out of range (0 to %d)", d, src,
                         GS_MAX_INDEX);
                free(src);
                note(sim, pb);
                continue;
            }
            long k = (long)d;
            if (reserve(sim, v, k + 1) != GS_OK)
                return GS_ERR;
            point_set(v, k, msg_val(m, 1), msg_val(m, 2), msg_val(m, 3));
            if (k + 1 > n)
                n = k + 1;
        }
    }
    v->ncoords = (int)n;
    return GS_OK;
}

/* Takes the values of every point from messages and path-mode sources. */
static void
update_values(struct gs_sim *sim, struct xview *v)
{
    struct gs_element *el = &v->p.el;
    long next[XVIEW_NVAL] = {0};
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type >= XVIEW_VAL1 && m->type < XVIEW_VAL1 + XVIEW_NVAL) {
            int k = m->type - XVIEW_VAL1;
            if (next[k] < v->ncoords)
                v->vals[k][next[k]++] = msg_val(m, 0);
        } else if (m->type >= XVIEW_IVAL1 && m->type < XVIEW_IVAL1 + XVIEW_NVAL) {
            double d = msg_val(m, 0);
            if (d >= 0 && d < v->ncoords) /* points without coordinates are not shown */
                v->vals[m->type - XVIEW_IVAL1][(long)d] = msg_val(m, 1);
        }
    }
    struct gs_model *model = sim->model;
    for (int i = 0; i < v->nsrc && i < v->ncoords; i++) {
        struct view_src *s = &v->src[i];
        struct gs_element *e = elem_from_handle(model, s->h);
        for (int k = 0; k < 2; k++)
            if (s->f[k].el)
                v->vals[k][i] = e == s->f[k].el ? field_real(sim, &s->f[k]) : 0;
        if (s->msg) {
            bool ok = e
                      && (s->msg_in ? s->msg_at < e->nin && e->in[s->msg_at] == s->msg
                                    : s->msg_at < e->nout && e->out[s->msg_at] == s->msg);
            v->vals[0][i] = ok && v->msgslotno >= 0 && v->msgslotno < s->msg->nslots
                                ? msg_val(s->msg, v->msgslotno)
                                : 0;
        }
    }
}

static enum gs_status
xview_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct xview *v = (struct xview *)el;
    struct problems pb = {.n = 0};
    free(v->src);
    v->src = NULL;
    v->nsrc = 0;
    v->ncoords = 0;
    if (is_msg_mode(v->field2)) {
        gs_error(sim, "field2 cannot be '%s' (only field can)", v->field2);
        note(sim, &pb);
    }
    enum gs_status st = v->path[0] ? coords_from_path(sim, v, &pb) : coords_from_msgs(sim, v, &pb);
    if (st != GS_OK)
        return GS_ERR;
    for (int k = 0; k < XVIEW_NVAL; k++)
        memset(v->vals[k], 0, (size_t)v->cap * sizeof(double));
    v->stale = NULL;
    update_values(sim, v);
    if (pb.n > 0) {
        char *path = elem_path_str(el);
        if (pb.n > 1)
            gs_warn(sim, "xview '%s': %s (and %d more like it); left empty in the view", path,
                    pb.first, pb.n - 1);
        else
            gs_warn(sim, "xview '%s': %s; left empty in the view", path, pb.first);
        free(path);
    }
    return GS_OK;
}

static enum gs_status
xview_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)tick;
    ((struct xview *)el)->stale = sim; /* taken when looked at: xview_refresh */
    return GS_OK;
}

/* The index slot of IVAL/ICOORDS and the data slots must be numbers. */
static enum gs_status
xview_msg_added(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    for (int k = 0; k < m->nslots; k++)
        if (m->slot[k].kind == GS_SLOT_STR)
            return gs_error(sim,
                            "the %s slot of %s must be a number or a numeric field, got "
                            "'%s'",
                            el->cls->msgs[m->type].slots[k], el->cls->msgs[m->type].name,
                            m->slot[k].text);
    return GS_OK;
}

const struct gs_class xview_class = {
    .name = "xview",
    .classes = "gadget output",
    .desc = "values shown at many points (network views)",
    .size = sizeof(struct xview),
    .fields = xview_fields,
    .msgs = xview_msgs,
    .extra = xo_draw_actions,
    .create = xview_create,
    .create_args = xview_create_args,
    .copy = xview_copy,
    .destroy = xview_destroy,
    .reset = xview_reset,
    .process = xview_process,
    .find_field = xview_find_field,
    .msg_added = xview_msg_added,
};
