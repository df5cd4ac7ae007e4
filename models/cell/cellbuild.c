/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cellbuild.c: readcell's builder: one compartment line of a .p file
 * becomes a copy of the prototype compartment (its children rescaled to
 * the new size), linked to its parent by axial messages, with its Ra, Rm,
 * Cm, initVm, Em, size and position, and copies of the /library elements
 * the line names, scaled by the compartment's area (channels), volume
 * (Ca_concen) or taken as they are (spikegen thresholds).
 *
 * The arithmetic follows GENESIS 2.4's readcell expression by expression,
 * in C floats with doubles where its code has double constants (pi, 4.0,
 * 1e-6), so areas, conductances and resistances are the same floats.
 * Only models/core is used; the staging cell is st->cell.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "readcell_int.h"

/* ---- what readcell does with each kind of element --------------------------- */

enum rc_scale {
    RC_NONE,   /* copied as it is */
    RC_AREA,   /* FIELD = density * area; negative: -density, unscaled */
    RC_AS_IS,  /* FIELD = the density itself (spike thresholds) */
    RC_VOLUME, /* FIELD = density / shell volume; negative: -density */
};

enum rc_link {
    RC_L_NONE,    /* no messages */
    RC_L_CHANNEL, /* CHANNEL Gk Ek to the compartment, VOLTAGE Vm back */
    RC_L_INPUT,   /* INPUT Vm from the compartment */
};

struct rc_kind {
    const char *object; /* the object (or an object it derives from) */
    const char *field;  /* the field the density sets */
    enum rc_scale scale;
    enum rc_link link;
    bool surface; /* also record the area in the `surface` field */
};

/* The objects GENESIS's readcell knows; those gensh has no class for are
 * listed so that a class added later is treated the same way. */
static const struct rc_kind rc_kinds[] = {
    {"tabchannel", "Gbar", RC_AREA, RC_L_CHANNEL, true},
    {"tab2Dchannel", "Gbar", RC_AREA, RC_L_CHANNEL, true},
    {"tabcurrent", "Gbar", RC_AREA, RC_L_CHANNEL, true},
    {"hh_channel", "Gbar", RC_AREA, RC_L_CHANNEL, false},
    {"vdep_channel", "gbar", RC_AREA, RC_L_CHANNEL, false},
    {"synchan", "gmax", RC_AREA, RC_L_CHANNEL, false},
    {"synchan2", "gmax", RC_AREA, RC_L_CHANNEL, false},
    {"hebbsynchan", "gmax", RC_AREA, RC_L_CHANNEL, false},
    {"ddsyn", "gmax", RC_AREA, RC_L_CHANNEL, false},
    {"receptor2", "gmax", RC_AREA, RC_L_CHANNEL, false},
    {"spikegen", "thresh", RC_AS_IS, RC_L_INPUT, false},
    {"spike", "thresh", RC_AS_IS, RC_L_INPUT, false},
    {"graded", NULL, RC_NONE, RC_L_INPUT, false},
    {"Ca_concen", "B", RC_VOLUME, RC_L_NONE, false},
    {NULL, NULL, RC_NONE, RC_L_NONE, false},
};

static const struct rc_kind *
kind_of(const struct gs_element *el)
{
    for (const struct rc_kind *k = rc_kinds; k->object; k++)
        if (elem_isa(el, k->object))
            return k;
    return NULL;
}

/* ---- GENESIS's geometry, in its float arithmetic ---------------------------- */

/* Membrane area: a sphere of diameter DIA when LEN is 0, else a cylinder. */
static float
rc_surf(float len, float dia)
{
    if (len == 0.0f)
        return (float)((double)(dia * dia) * RC_PI);
    return (float)((double)(len * dia) * RC_PI);
}

/* Volume of the shell of thickness THICK under the membrane (THICK <= 0:
 * the whole compartment), for Ca_concen's B. */
static float
rc_shell_vol(float len, float dia, float thick)
{
    float d = 0.0f;
    if (thick > 0.0f) {
        d = dia - 2 * thick;
        if (d < 0.0f)
            d = 0.0f;
    }
    if (len == 0.0f) {
        float v1 = dia * dia * dia, v2 = d * d * d;
        return (float)((double)(v1 - v2) * RC_PI / 6.0);
    }
    float v1 = dia * dia, v2 = d * d;
    return (float)((double)(len * (v1 - v2)) * RC_PI / 4.0);
}

/* ---- small helpers ------------------------------------------------------------ */

static float
get_float(struct rc_state *st, struct gs_element *el, const char *name)
{
    struct gs_fref f;
    if (field_find(st->sim, el, name, &f) != GS_OK) {
        gs_diag_clear(st->sim);
        return 0.0f;
    }
    return (float)field_real(st->sim, &f);
}

static enum gs_status
set_float(struct rc_state *st, struct gs_element *el, const char *name, float v)
{
    if (field_set_real(st->sim, el, name, (double)v) != GS_OK)
        return rc_wrap(st);
    return GS_OK;
}

/* The path of EL relative to the cell ("soma/Na"), for messages; the
 * caller frees. */
static char *
rel_path(struct rc_state *st, const struct gs_element *el)
{
    char *full = elem_path_str(el), *cell = elem_path_str(st->cell);
    size_t n = strlen(cell);
    char *r = strncmp(full, cell, n) == 0 && full[n] == '/' ? xstrdup(full + n + 1) : xstrdup(full);
    free(full);
    free(cell);
    return r;
}

/* Splits "name" or "name[3]" into a new name and an index; false when it
 * is neither. */
static bool
split_name(const char *s, char **name, int *index)
{
    const char *br = strchr(s, '[');
    *index = 0;
    if (!br) {
        if (!elem_name_ok(s))
            return false;
        *name = xstrdup(s);
        return true;
    }
    char *end;
    long v = strtol(br + 1, &end, 10);
    if (end == br + 1 || strcmp(end, "]") != 0 || v < 0 || v > GS_MAX_INDEX)
        return false;
    char *n = xstrndup(s, (size_t)(br - s));
    if (!elem_name_ok(n)) {
        free(n);
        return false;
    }
    *name = n;
    *index = (int)v;
    return true;
}

/* The compartment NAME of the cell, or NULL. */
static struct gs_element *
find_compt(struct rc_state *st, const char *name)
{
    char *base;
    int index;
    if (!split_name(name, &base, &index))
        return NULL;
    struct gs_element *el = elem_child(st->cell, base, index);
    free(base);
    return el && elem_isa(el, "compartment") ? el : NULL;
}

/* Moves EL from where it is to (X, Y, Z) and its subtree with it: children
 * that sat where EL sat go where it goes, the others keep their offset
 * (GENESIS's Gabs_position). */
static void
place(struct gs_element *el, double x, double y, double z)
{
    double ox = el->x, oy = el->y, oz = el->z;
    float dx = (float)x - (float)ox, dy = (float)y - (float)oy, dz = (float)z - (float)oz;
    el->x = x;
    el->y = y;
    el->z = z;
    for (int i = 0; i < el->nchild; i++) {
        struct gs_element *c = el->child[i];
        if (c->x == ox && c->y == oy && c->z == oz)
            place(c, x, y, z);
        else
            place(c, (float)((float)c->x + dx), (float)((float)c->y + dy),
                  (float)((float)c->z + dz));
    }
}

static enum gs_status
add_msg(struct rc_state *st, struct gs_element *src, struct gs_element *dst, const char *type,
        int n, const char *s1, const char *s2)
{
    const char *slots[2] = {s1, s2};
    if (msg_add(st->sim, src, dst, type, n, slots, NULL) != GS_OK)
        return rc_wrap(st);
    return GS_OK;
}

/* ---- scaling ------------------------------------------------------------------ */

/* The density an element of a prototype of size (TLEN, TDIA) stands for. */
static float
unscale(struct rc_state *st, struct gs_element *el, const struct rc_kind *k, float tlen, float tdia,
        float tsurf)
{
    float d = get_float(st, el, k->field);
    if (k->scale == RC_AREA && d > 0.0f)
        d /= tsurf;
    else if (k->scale == RC_VOLUME && d > 0.0f)
        d *= rc_shell_vol(tlen, tdia, get_float(st, el, "thick"));
    return d;
}

/* Sets EL's field from density DENS for a compartment of size (LEN, DIA)
 * and area SURF. */
static enum gs_status
scale(struct rc_state *st, struct gs_element *el, const struct rc_kind *k, float dens, float len,
      float dia, float surf)
{
    float v;
    switch (k->scale) {
    case RC_NONE:
        return GS_OK;
    case RC_AREA:
        v = dens < 0.0f ? (float)(-1.0 * dens) : dens * surf;
        if (set_float(st, el, k->field, v) != GS_OK)
            return GS_ERR;
        return k->surface ? set_float(st, el, "surface", surf) : GS_OK;
    case RC_AS_IS:
        return set_float(st, el, k->field, dens);
    case RC_VOLUME:
        v = dens < 0.0f ? (float)(-1.0 * dens)
                        : dens / rc_shell_vol(len, dia, get_float(st, el, "thick"));
        return set_float(st, el, k->field, v);
    }
    return GS_OK;
}

/* Rescales the subtree below EL (copied from a prototype of size TLEN,
 * TDIA) to a compartment of size (LEN, DIA): compartments inside it take
 * the cell's initVm and Em, everything readcell scales keeps its density. */
static enum gs_status
rescale_kids(struct rc_state *st, struct gs_element *el, float tlen, float tdia, float tsurf,
             float len, float dia, float surf)
{
    for (int i = 0; i < el->nchild; i++) {
        struct gs_element *c = el->child[i];
        if (rescale_kids(st, c, tlen, tdia, tsurf, len, dia, surf) != GS_OK)
            return GS_ERR;
        if (elem_isa(c, "compartment")) {
            if (set_float(st, c, "Em", st->ELEAK) != GS_OK
                || set_float(st, c, "initVm", st->EREST_ACT) != GS_OK)
                return GS_ERR;
            continue;
        }
        const struct rc_kind *k = kind_of(c);
        if (k && k->scale != RC_NONE
            && scale(st, c, k, unscale(st, c, k, tlen, tdia, tsurf), len, dia, surf) != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}

/* ---- messages readcell adds ------------------------------------------------------ */

/* Runs the "addmsgN" (or "sendmsgN") user fields of EL, N = 1, 2, ... until
 * one is missing. Each holds "source destination TYPE [slots]"; RESOLVE
 * turns the two paths into elements (or leaves them NULL to skip). */
typedef enum gs_status (*rc_resolve_fn)(struct rc_state *st, const char *src, const char *dst,
                                        struct gs_element **s, struct gs_element **d,
                                        const void *arg);

static enum gs_status
run_addmsgs(struct rc_state *st, struct gs_element *el, rc_resolve_fn resolve, const void *arg)
{
    for (int i = 1;; i++) {
        char fname[32];
        snprintf(fname, sizeof fname, "addmsg%d", i);
        struct gs_ufield *u = elem_ufield(el, fname);
        if (!u) {
            snprintf(fname, sizeof fname, "sendmsg%d", i);
            u = elem_ufield(el, fname);
        }
        if (!u)
            return GS_OK;
        char *copy = xstrdup(u->value), *save = NULL;
        const char *w[3 + GS_MSG_MAXSLOTS];
        int n = 0;
        for (char *t = strtok_r(copy, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
            if (n == 3 + GS_MSG_MAXSLOTS)
                break;
            w[n++] = t;
        }
        enum gs_status rs = GS_OK;
        char *who = rel_path(st, el);
        struct gs_element *s = NULL, *d = NULL;
        if (n < 3)
            rs = rc_error(st, "'%s': %s '%s' is not 'source destination TYPE [values]'", who, fname,
                          u->value);
        else if (resolve(st, w[0], w[1], &s, &d, arg) != GS_OK)
            rs = rc_error(st, "'%s': %s '%s': %s", who, fname, u->value, st->sim->diag.msg);
        else if (s && d && msg_add(st->sim, s, d, w[2], n - 3, w + 3, NULL) != GS_OK) {
            char msg[sizeof st->sim->diag.msg];
            snprintf(msg, sizeof msg, "%s", st->sim->diag.msg);
            gs_diag_clear(st->sim);
            rs = rc_error(st, "'%s': %s '%s': %s", who, fname, u->value, msg);
        }
        free(who);
        free(copy);
        if (rs != GS_OK)
            return GS_ERR;
    }
}

/* Paths of a channel's addmsg fields: both relative to the channel. */
static enum gs_status
resolve_in_channel(struct rc_state *st, const char *src, const char *dst, struct gs_element **s,
                   struct gs_element **d, const void *arg)
{
    const char *prefix = arg; /* "compartment/channel" */
    char *ps = xasprintf("%s/%s", prefix, src), *pd = xasprintf("%s/%s", prefix, dst);
    *s = path_lookup(st->sim, ps);
    *d = path_lookup(st->sim, pd);
    enum gs_status r = GS_OK;
    gs_diag_clear(st->sim);
    if (!*s)
        r = gs_error(st->sim, "element '%s' does not exist", ps);
    else if (!*d)
        r = gs_error(st->sim, "element '%s' does not exist", pd);
    free(ps);
    free(pd);
    return r;
}

struct rc_link_paths {
    const char *name, *link; /* the new compartment and its parent */
};

/* Paths of a prototype child's addmsg fields: "-/..." is in the parent
 * compartment, "./..." in the new one; a message whose parent end does not
 * exist is left out, as GENESIS does. */
static enum gs_status
resolve_to_parent(struct rc_state *st, const char *src, const char *dst, struct gs_element **s,
                  struct gs_element **d, const void *arg)
{
    const struct rc_link_paths *lp = arg;
    bool from_parent = strncmp(src, "-/", 2) == 0, to_parent = strncmp(dst, "-/", 2) == 0;
    *s = *d = NULL;
    if (!from_parent && !to_parent)
        return GS_OK; /* messages inside the prototype were copied with it */
    char *ps = xasprintf("%s%s", from_parent ? lp->link : lp->name, src + 1);
    char *pd = xasprintf("%s%s", to_parent ? lp->link : lp->name, dst + 1);
    *s = path_lookup(st->sim, ps);
    *d = path_lookup(st->sim, pd);
    gs_diag_clear(st->sim);
    enum gs_status r = GS_OK;
    if ((from_parent && !*s) || (to_parent && !*d)) {
        *s = *d = NULL;
    } else if (!*s || !*d) {
        r = gs_error(st->sim, "element '%s' does not exist", !*s ? ps : pd);
    }
    free(ps);
    free(pd);
    return r;
}

/* The axial messages between compartment EL and its parent P (GENESIS's
 * readcell: AXIAL/RAXIAL for compartments; CONNECTHEAD/CONNECTTAIL, and
 * CONNECTCROSS with P's other children, for symcompartments). */
static enum gs_status
link_parent(struct rc_state *st, struct gs_element *el, struct gs_element *p)
{
    if (!elem_isa(el, "symcompartment")) {
        if (add_msg(st, p, el, "AXIAL", 1, "previous_state", NULL) != GS_OK)
            return GS_ERR;
        for (int i = 0; i < st->tailweight; i++)
            if (add_msg(st, el, p, "RAXIAL", 2, "Ra", "previous_state") != GS_OK)
                return GS_ERR;
        return GS_OK;
    }
    if (!elem_isa(p, "symcompartment")) {
        char *pp = rel_path(st, p);
        rc_error(st,
                 "parent '%s' is a compartment, not a symcompartment (a symmetric "
                 "compartment needs a symmetric parent)",
                 pp);
        free(pp);
        return GS_ERR;
    }
    if (add_msg(st, p, el, "CONNECTHEAD", 2, "Ra", "previous_state") != GS_OK)
        return GS_ERR;
    int n = p->nin;
    for (int i = 0; i < n; i++) {
        const struct gs_msg *m = p->in[i];
        const char *t = msg_type_name(m);
        if (strcmp(t, "CONNECTTAIL") != 0 && strcmp(t, "RAXIAL") != 0)
            continue;
        struct gs_element *sib = m->src;
        if (add_msg(st, sib, el, "CONNECTCROSS", 2, "Ra", "previous_state") != GS_OK
            || add_msg(st, el, sib, "CONNECTCROSS", 2, "Ra", "previous_state") != GS_OK)
            return GS_ERR;
    }
    for (int i = 0; i < st->tailweight; i++)
        if (add_msg(st, el, p, "CONNECTTAIL", 2, "Ra", "previous_state") != GS_OK)
            return GS_ERR;
    return GS_OK;
}

/* -lambdasplit: most pieces one compartment may become. */
#define RC_MAX_PIECES 10000

/* ---- one compartment ----------------------------------------------------------- */

/* A normal deviate of mean M and variance V (GENESIS's rangauss). */
static float
rangauss(struct rc_state *st, float m, float v)
{
    return (float)(m + sqrt((double)v) * rng_gauss(&st->sim->rng));
}

/* GENESIS's add_compartment: copies the prototype to NAME, linked to
 * compartment LINK ("none": none), of length LEN and diameter DIA, ending
 * at P (GENESIS keeps the start point only in graphical elements). SPLIT: a
 * second or later piece of a split compartment. *SURFACE receives its area. */
static struct gs_element *
add_compartment(struct rc_state *st, const char *name, const char *link, float len, float dia,
                float *surface, const float p[3], bool split)
{
    struct gs_sim *sim = st->sim;
    char *base;
    int index;
    if (!split_name(name, &base, &index)) {
        rc_error(st, "'%s' is not a compartment name (expected a name or name[index])", name);
        return NULL;
    }
    if (elem_child(st->cell, base, index)) {
        rc_error(st, "compartment '%s' is defined twice", name);
        free(base);
        return NULL;
    }
    struct gs_element *proto = path_lookup(sim, st->proto), *el = NULL;
    gs_diag_clear(sim);
    if (!proto || !elem_isa(proto, "compartment")) {
        rc_error(st, "the prototype compartment '%s' %s", st->proto,
                 proto ? "is not a compartment or symcompartment"
                       : "does not exist (create it in /library, e.g. with "
                         "make_cylind_compartment, or name one with *compt)");
        free(base);
        return NULL;
    }
    enum gs_status rs = elem_copy(sim, proto, st->cell, base, index, &el);
    free(base);
    if (rs != GS_OK) {
        rc_wrap(st);
        return NULL;
    }
    if (st->opt.rand || st->opt.prand) {
        /* -rand gives the deviations in um, -prand as they are (GENESIS) */
        double unit = st->opt.rand ? 1.0e-6 : 1.0;
        float vlen = (float)(st->opt.sd_len * unit), vdia = (float)(st->opt.sd_dia * unit);
        vlen *= vlen;
        vdia *= vdia;
        if (len > 0.0f && vlen > 0.0f)
            len = rangauss(st, len, vlen);
        if (vdia > 0.0f)
            dia = rangauss(st, dia, st->opt.rand ? vdia : vdia * dia * dia);
    }
    *surface = rc_surf(len, dia);

    /* The prototype's children take the new size. */
    if (el->nchild > 0) {
        float tlen = get_float(st, el, "len"), tdia = get_float(st, el, "dia");
        if (tdia <= 0.0f) {
            rc_error(st,
                     "the prototype compartment '%s' has zero diameter, so its children "
                     "cannot be scaled",
                     st->proto);
            return NULL;
        }
        if (rescale_kids(st, el, tlen, tdia, rc_surf(tlen, tdia), len, dia, *surface) != GS_OK)
            return NULL;
    }

    if (strcmp(link, "none") != 0) {
        char *lname = xstrdup(link);
        if (!split) /* a split parent: link to its last piece */
            for (int i = st->maxsplit; i > 1; i--) {
                char *piece = xasprintf("%d%s", i, link);
                if (find_compt(st, piece)) {
                    free(lname);
                    lname = piece;
                    break;
                }
                free(piece);
            }
        struct gs_element *pc = find_compt(st, lname);
        struct rc_link_paths lp = {name, lname};
        rs = GS_OK;
        if (!pc)
            rs = rc_error(st, "unknown parent compartment '%s'", lname);
        else if (link_parent(st, el, pc) != GS_OK)
            rs = GS_ERR;
        for (int i = 0; rs == GS_OK && i < el->nchild; i++)
            rs = run_addmsgs(st, el->child[i], resolve_to_parent, &lp);
        free(lname);
        if (rs != GS_OK)
            return NULL;
    }

    float Ra = len == 0.0f ? (float)(13.50 * st->RA / ((double)dia * RC_PI))
                           : (float)(4.0 * st->RA * len / ((double)(dia * dia) * RC_PI));
    float tsurf = *surface;
    if (len > 0.0f && st->spines && dia <= st->spine_diam) {
        float nspines = len * st->spine_dens; /* collapsed spines */
        if (nspines > 0.0f)
            tsurf = tsurf + nspines * st->spine_surf;
    }
    if (st->memb)
        tsurf *= st->memb_factor;
    if (set_float(st, el, "Ra", Ra) != GS_OK || set_float(st, el, "dia", dia) != GS_OK
        || set_float(st, el, "len", len) != GS_OK
        || set_float(st, el, "Cm", st->CM * tsurf) != GS_OK
        || set_float(st, el, "Rm", st->RM / tsurf) != GS_OK
        || set_float(st, el, "Em", st->ELEAK) != GS_OK
        || set_float(st, el, "initVm", st->EREST_ACT) != GS_OK)
        return NULL;
    place(el, p[0], p[1], p[2]);
    return el;
}

/* GENESIS's set_compt_field: a name on a compartment line that is not in
 * /library sets a field of the compartment (RA, RM and CM recompute Ra, Rm
 * and Cm from the cell's constants). */
static enum gs_status
set_compt_field(struct rc_state *st, struct gs_element *el, const char *field, float value,
                float len, float dia)
{
    if (strcmp(field, "RA") == 0) {
        float Ra = get_float(st, el, "len") == 0.0f
                       ? (float)(8.0 * st->RA / ((double)dia * RC_PI))
                       : (float)(4.0 * st->RA * len / ((double)(dia * dia) * RC_PI));
        return set_float(st, el, "Ra", Ra);
    }
    if (strcmp(field, "RM") == 0)
        return set_float(st, el, "Rm", st->RM / rc_surf(len, dia));
    if (strcmp(field, "CM") == 0)
        return set_float(st, el, "Cm", st->CM * rc_surf(len, dia));
    const struct gs_field *f = class_field(el->cls, field);
    if (!f || (f->type != GS_FLOAT && f->type != GS_REAL && f->type != GS_INT))
        return rc_error(st, "unknown channel '%s' (not in /library)", field);
    return set_float(st, el, field, value);
}

/* Copies /library/NAME into compartment C, links and scales it; *OUT is
 * NULL when there is no such library element. */
static enum gs_status
add_channel(struct rc_state *st, const char *name, struct gs_element *c, float dens, float len,
            float dia, float surf, struct gs_element **out)
{
    struct gs_sim *sim = st->sim;
    char *lp = xasprintf("/library/%s", name);
    struct gs_element *lib = path_lookup(sim, lp), *el;
    gs_diag_clear(sim);
    free(lp);
    *out = NULL;
    if (!lib)
        return GS_OK;
    if (elem_child(c, lib->name, lib->index)) {
        char *cp = rel_path(st, c);
        rc_error(st, "'%s' already has an element '%s' (listed twice, or in the prototype)", cp,
                 name);
        free(cp);
        return GS_ERR;
    }
    if (elem_copy(sim, lib, c, lib->name, lib->index, &el) != GS_OK)
        return rc_wrap(st);
    place(el, c->x, c->y, c->z);
    const struct rc_kind *k = kind_of(el);
    if (k && k->link == RC_L_CHANNEL) {
        if (add_msg(st, el, c, "CHANNEL", 2, "Gk", "Ek") != GS_OK
            || add_msg(st, c, el, "VOLTAGE", 1, "Vm", NULL) != GS_OK)
            return GS_ERR;
    } else if (k && k->link == RC_L_INPUT) {
        if (add_msg(st, c, el, "INPUT", 1, "Vm", NULL) != GS_OK)
            return GS_ERR;
    }
    if (k && scale(st, el, k, dens, len, dia, surf) != GS_OK)
        return GS_ERR;
    *out = el;
    return GS_OK;
}

/* The electrotonic length of a cylinder of length LEN and diameter DIA. */
static float
lambdas(const struct rc_state *st, float len, float dia)
{
    return (float)(len / sqrt((double)(st->RM * dia) * 0.25 / st->RA));
}

enum gs_status
rc_build_compt(struct rc_state *st, const struct rc_compt *c)
{
    float p0[3], p[3] = {c->x, c->y, c->z}, t[3] = {c->x, c->y, c->z};
    bool none = strcmp(c->parent, "none") == 0;
    if (none) {
        if (st->double_endpoint) {
            p0[0] = c->x0, p0[1] = c->y0, p0[2] = c->z0;
        } else {
            p0[0] = st->X0, p0[1] = st->Y0, p0[2] = st->Z0;
        }
    } else {
        struct gs_element *pe = find_compt(st, c->parent);
        if (!pe)
            return rc_error(st, "unknown parent compartment '%s' (not defined on an earlier line)",
                            c->parent);
        float px = (float)pe->x, py = (float)pe->y, pz = (float)pe->z;
        if (st->double_endpoint && st->relative) {
            p0[0] = c->x0 + px, p0[1] = c->y0 + py, p0[2] = c->z0 + pz;
        } else if (st->double_endpoint) {
            p0[0] = c->x0, p0[1] = c->y0, p0[2] = c->z0;
        } else {
            p0[0] = px, p0[1] = py, p0[2] = pz;
        }
    }

    /* One compartment, or its pieces (-split, -lambdasplit), each the child
     * of the one before, named "2name", "3name", ... after the first. */
    int nsplit = st->opt.split, k = nsplit;
    float mlambda = (float)st->opt.lambdasplit;
    float len = 0.0f, surf = 0.0f;
    char *newname = xstrdup(c->name), *newpname = xstrdup(c->parent);
    struct gs_element *compt = NULL;
    enum gs_status rs = GS_OK;
    for (int i = 1; i <= k && rs == GS_OK; i++) {
        bool split = false;
        if (k == 1 || i == 1) {
            if (!st->spherical) {
                if (!st->relative)
                    for (int j = 0; j < 3; j++)
                        t[j] = p[j] - p0[j];
                float sq = t[0] * t[0] + t[1] * t[1] + t[2] * t[2];
                if (k == 1) {
                    len = (float)sqrt(sq);
                    float nl = lambdas(st, len, c->dia);
                    if (st->opt.lambdasplit > 0 && nl > mlambda) {
                        if (!isfinite(nl) || nl / mlambda >= RC_MAX_PIECES) {
                            rs = rc_error(st,
                                          "compartment '%s' (%g lambdas) would be split "
                                          "into too many pieces (check RM and RA)",
                                          c->name, (double)nl);
                            break;
                        }
                        k = 1 + (int)(nl / mlambda);
                        if (k > st->maxsplit)
                            st->maxsplit = k;
                        len = len / (float)k;
                        for (int j = 0; j < 3; j++)
                            t[j] = t[j] / (float)k;
                        gs_out(st->sim, "Splitting %s (%f) into %d\n", c->name, (double)nl, k);
                    }
                } else {
                    len = (float)(sqrt(sq) / (float)nsplit);
                    for (int j = 0; j < 3; j++)
                        t[j] = t[j] / (float)nsplit;
                }
                for (int j = 0; j < 3; j++)
                    p[j] = p0[j] + t[j];
                if (len == 0.0f) {
                    rs = rc_error(st,
                                  "cylindrical compartment '%s' has zero length (use "
                                  "*spherical for a sphere)",
                                  c->name);
                    break;
                }
            } else {
                len = 0.0f;
                if (k > 1)
                    k = i; /* a sphere is not split */
            }
        } else {
            for (int j = 0; j < 3; j++) {
                p0[j] = p[j];
                p[j] = p0[j] + t[j];
            }
            free(newpname);
            newpname = newname;
            newname = xasprintf("%d%s", i, c->name);
            split = true;
        }
        compt = add_compartment(st, newname, newpname, len, c->dia, &surf, p, split);
        if (!compt)
            rs = GS_ERR;
    }
    free(newname);
    free(newpname);
    if (rs != GS_OK)
        return GS_ERR;

    if (st->lambda_warn && !st->spherical) {
        float nl = lambdas(st, len, c->dia);
        if (nl <= st->lambda_min)
            rc_warn(st, "compartment '%s' is only %g lambdas", c->name, (double)nl);
        else if (nl >= st->lambda_max)
            rc_warn(st, "compartment '%s' is too long: %g lambdas", c->name, (double)nl);
    }

    /* The line's channels and other elements go into the first piece;
     * compartment fields are set on the last. */
    struct gs_element *first = find_compt(st, c->name);
    struct gs_element **made = xcalloc((size_t)c->nchan + 1, sizeof *made);
    for (int i = 0; i < c->nchan && rs == GS_OK; i++) {
        rs = add_channel(st, c->chan[i], first, c->dens[i], len, c->dia, surf, &made[i]);
        if (rs == GS_OK && !made[i])
            rs = set_compt_field(st, compt, c->chan[i], c->dens[i], len, c->dia);
    }
    for (int i = 0; i < c->nchan && rs == GS_OK; i++) {
        if (!made[i])
            continue;
        char *prefix = xasprintf("%s/%s", c->name, c->chan[i]);
        rs = run_addmsgs(st, made[i], resolve_in_channel, prefix);
        free(prefix);
    }
    free(made);
    return rs;
}
