/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hsolve.c: the hsolve class (GENESIS 2.4's Hines solver element). It
 * names, by a wildcard path relative to itself, the compartments of one
 * cell; after `call HSOLVE SETUP` the compiled model integrates them
 * together, implicitly (backward Euler, or Crank-Nicolson after
 * `setmethod 11`), by Hines' method (models/solver/hines.c), instead of
 * one by one by exponential Euler. chanmode >= 1 also moves the cell's
 * tabchannels into the solve (trapezoidal gates, as GENESIS's hsolve).
 *
 * The path is expanded again at each compile, relative to the hsolve, so
 * a copied cell (createmap of a cell with its hsolve) gets its own solve;
 * DUPLICATE (a new hsolve with this one's settings, as network scripts
 * give each copy of a cell) needs no shared tables. findsolvefield names (vm[i], chip[k],
 * givals[k], conc[k]) read and write the fields of the elements they
 * stand for, through the compiled model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"
#include "hsolve.h"

/* A name findsolvefield gave out: array[index] stands for FIELD of EL. */
struct hs_ref {
    char array[8];
    struct gs_handle el;
    char field[32];
};

struct hsolve {
    struct gs_element el;
    char *path;        /* the compartments, relative to the hsolve */
    int chanmode;      /* 0-5 */
    int calcmode;      /* 0: no table interpolation (chanmodes 2-5), 1: linear */
    int comptmode;     /* GENESIS 2.4 has only mode 1; kept for scripts */
    int storemode;     /* chanmodes 4-5: itotal sums (not kept by gensh) */
    int outclock;      /* clock of element updates in chanmodes 3-5 */
    int computeIm;     /* chanmodes 0-1: compute Im */
    int no_elminfo;
    int method;        /* setmethod: 11 Crank-Nicolson, anything else backward Euler */
    int ncompts;       /* compartments found by SETUP */
    int setup;         /* SETUP has run */
    /* private: findsolvefield names (copied whole, see hsolve_copy) */
    struct hs_ref *ref;
    int nref;
};

static const struct gs_field hsolve_fields[] = {
    GS_FIELD(struct hsolve, path, GS_STR, "", "wildcard path of the compartments to solve"),
    GS_FIELD(struct hsolve, chanmode, GS_INT, "", "0: compartments only; 1-5: channels too"),
    GS_FIELD(struct hsolve, calcmode, GS_INT, "", "0: no interpolation in tables, 1: linear"),
    GS_FIELD(struct hsolve, comptmode, GS_INT, "", "compartment mode (1; kept for scripts)"),
    GS_FIELD(struct hsolve, storemode, GS_INT, "", "chanmode 4-5 totals (0, 1 Ik, 2 Gk)"),
    GS_FIELD(struct hsolve, outclock, GS_INT, "", "clock for element updates (chanmode 3-5)"),
    GS_FIELD(struct hsolve, computeIm, GS_INT, "", "chanmode 0-1: compute Im"),
    GS_FIELD(struct hsolve, no_elminfo, GS_INT, "", "1: no HPUT/HSET information"),
    GS_FIELD_RO(struct hsolve, method, GS_INT, "", "integration method (setmethod)"),
    GS_FIELD_RO(struct hsolve, ncompts, GS_INT, "", "compartments taken over at SETUP"),
    GS_FIELD_END,
};

static enum gs_status
hsolve_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct hsolve *h = GS_INST(struct hsolve, el);
    h->path = xstrdup("../##[][TYPE=compartment]");
    h->calcmode = 1;
    h->comptmode = 1;
    return GS_OK;
}

static enum gs_status
hsolve_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    struct hsolve *d = GS_INST(struct hsolve, dst);
    const struct hsolve *s = GS_INST(const struct hsolve, src);
    d->ref = NULL;
    d->nref = 0;
    if (s->nref > 0) {
        d->ref = xmalloc(sizeof *d->ref * (size_t)s->nref);
        memcpy(d->ref, s->ref, sizeof *d->ref * (size_t)s->nref);
        d->nref = s->nref;
    }
    return GS_OK;
}

static void
hsolve_destroy(struct gs_element *el)
{
    struct hsolve *h = GS_INST(struct hsolve, el);
    free(h->ref);
    h->ref = NULL;
    h->nref = 0;
}

static enum gs_status
hsolve_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                    const struct gs_element *old)
{
    (void)old;
    const struct hsolve *h = GS_INST(const struct hsolve, new_);
    if (h->chanmode < 0 || h->chanmode > 5)
        return gs_error(sim, "chanmode must be 0 to 5, got %d", h->chanmode);
    if (h->calcmode < 0 || h->calcmode > 1)
        return gs_error(sim, "calcmode must be 0 or 1, got %d", h->calcmode);
    if (h->outclock < 0 || h->outclock > 99)
        return gs_error(sim, "outclock must be a clock from 0 to 99, got %d", h->outclock);
    return GS_OK;
}

static void
hsolve_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)el;
    /* the solve changes with its mode and path: recompile */
    if (strcmp(f->name, "chanmode") == 0 || strcmp(f->name, "calcmode") == 0
        || strcmp(f->name, "path") == 0)
        model_changed(sim->model);
}

static bool
is_compartment(const struct gs_element *el)
{
    return strcmp(el->cls->name, "compartment") == 0
           || strcmp(el->cls->name, "symcompartment") == 0;
}

/* The elements the path names, relative to the hsolve (GENESIS sets the
 * working element to the hsolve while it expands the path). */
static enum gs_status
expand(struct gs_sim *sim, struct gs_element *el, struct gs_elist *out)
{
    const struct hsolve *h = GS_INST(const struct hsolve, el);
    struct gs_model *m = sim->model;
    struct gs_element *cwe = m->cwe;
    m->cwe = el;
    enum gs_status st = path_glob(sim, h->path ? h->path : "", out);
    m->cwe = cwe;
    return st;
}

/* The compartments of the solve, checked: every element a compartment or
 * symcompartment, and at least one. */
static enum gs_status
compartments(struct gs_sim *sim, struct gs_element *el, struct gs_elist *out)
{
    const struct hsolve *h = GS_INST(const struct hsolve, el);
    char *p = elem_path_str(el);
    enum gs_status st = GS_OK;
    if (!h->path || !*h->path) {
        st = gs_error(sim, "hsolve '%s' has an empty path: set its path to the compartments "
                      "of the cell", p);
        goto out;
    }
    if (expand(sim, el, out) != GS_OK) {
        st = GS_ERR;
        goto out;
    }
    if (out->n == 0) {
        st = gs_error(sim, "hsolve '%s': path '%s' matches no element", p, h->path);
        goto out;
    }
    for (size_t i = 0; i < out->n; i++)
        if (!is_compartment(out->v[i])) {
            char *q = elem_path_str(out->v[i]);
            st = gs_error(sim, "hsolve '%s': '%s' is a %s; the path must name compartments or "
                          "symcompartments only", p, q, out->v[i]->cls->name);
            free(q);
            goto out;
        }
out:
    free(p);
    return st;
}

static enum gs_status
hsolve_setup(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argv;
    struct hsolve *h = GS_INST(struct hsolve, el);
    if (argc != 0)
        return gs_error(sim, "SETUP takes no arguments, got %d", argc);
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = compartments(sim, el, &l);
    if (st == GS_OK) {
        h->ncompts = (int)l.n;
        h->setup = 1;
        model_changed(sim->model);
    }
    elist_free(&l);
    return st;
}

/* DUPLICATE HSOLVE2 PATH: HSOLVE2 (made if it does not exist, as GENESIS
 * makes it) becomes a set-up hsolve with this one's settings and method,
 * solving the compartments PATH names relative to it. GENESIS shares its
 * tables between the two; here every hsolve compiles its own cell anyway,
 * so the copy of the settings is all there is to it. */
static enum gs_status
hsolve_duplicate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    if (argc != 2)
        return gs_error(sim, "DUPLICATE expects the new hsolve and the path of its "
                        "compartments, got %d word%s", argc, argc == 1 ? "" : "s");
    const struct hsolve *h = GS_INST(const struct hsolve, el);
    struct gs_element *dst = path_lookup(sim, argv[0]);
    bool made = false;
    if (dst && dst->cls != el->cls) {
        char *p = elem_path_str(dst);
        enum gs_status st = gs_error(sim, "'%s' is a %s, not an hsolve", p, dst->cls->name);
        free(p);
        return st;
    }
    if (!dst) {
        struct gs_element *parent;
        char *name = NULL;
        int index = 0;
        struct gs_element *last = sim->model->last;
        struct gs_handle last_h = last ? elem_handle(last) : (struct gs_handle){0, 0};
        enum gs_status st = path_split_new(sim, argv[0], &parent, &name, &index);
        if (st == GS_OK)
            st = elem_create(sim, el->cls, parent, name, index, &dst);
        free(name);
        if (st != GS_OK)
            return st;
        sim->model->last = last ? elem_from_handle(sim->model, last_h) : NULL;
        made = true;
    }
    struct hsolve *d = GS_INST(struct hsolve, dst);
    char *old_path = d->path;
    d->path = xstrdup(argv[1]);
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = compartments(sim, dst, &l);
    if (st != GS_OK) {
        free(d->path);
        d->path = old_path;
        elist_free(&l);
        if (made)
            elem_delete(sim, dst);
        return st;
    }
    free(old_path);
    d->chanmode = h->chanmode;
    d->calcmode = h->calcmode;
    d->comptmode = h->comptmode;
    d->storemode = h->storemode;
    d->outclock = h->outclock;
    d->computeIm = h->computeIm;
    d->no_elminfo = h->no_elminfo;
    d->method = h->method;
    d->ncompts = (int)l.n;
    d->setup = 1;
    elist_free(&l);
    model_changed(sim->model);
    return GS_OK;
}

/* HPUT, HGET, HSAVE, HRESTORE: the compiled model reads and writes the
 * elements' fields through already, so there is nothing to copy. */
static enum gs_status
hsolve_sync_action(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)el;
    (void)argv;
    if (argc > 1)
        return gs_error(sim, "expected at most one element, got %d words", argc);
    return GS_OK;
}

static const struct gs_named_action hsolve_actions[] = {
    {"DUPLICATE", "hsolve path", hsolve_duplicate},
    {"HGET", "[element]", hsolve_sync_action},
    {"HPUT", "[element]", hsolve_sync_action},
    {"HRESTORE", "", hsolve_sync_action},
    {"HSAVE", "", hsolve_sync_action},
    {"SETUP", "", hsolve_setup},
    GS_ACTION_END,
};

/* ---- the compiled model ------------------------------------------------ */

static int
cmp_el(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;
    return (x > y) - (x < y);
}

static bool
is_link(const char *t)
{
    static const char *const links[] = {"AXIAL", "RAXIAL", "RAXIAL2", "CONNECTHEAD",
                                        "CONNECTTAIL", "CONNECTCROSS", NULL};
    for (int i = 0; links[i]; i++)
        if (strcmp(t, links[i]) == 0)
            return true;
    return false;
}

static int
hsolve_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct hsolve *h = GS_INST(const struct hsolve, el);
    struct gsb_hines d = {h->method == GS_M_CRANK ? GS_M_CRANK : GS_M_BEULER, h->chanmode,
                          h->calcmode};
    if (!h->setup) {
        char *p = elem_path_str(el);
        gs_warn(cctx_sim(cx), "hsolve '%s' has not been set up (call %s SETUP): its "
                "compartments run on their own", p, p);
        free(p);
    }
    return gsb_hines(cctx_build(cx), &d);
}

static enum gs_status
hsolve_wire(struct gs_cctx *cx, struct gs_element *el)
{
    const struct hsolve *h = GS_INST(const struct hsolve, el);
    struct gs_sim *sim = cctx_sim(cx);
    if (!h->setup)
        return GS_OK;
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = compartments(sim, el, &l);
    struct gs_element **sorted = NULL;
    char *p = elem_path_str(el);
    if (st != GS_OK)
        goto out;
    sorted = xmalloc(sizeof *sorted * l.n);
    memcpy(sorted, l.v, sizeof *sorted * l.n);
    qsort(sorted, l.n, sizeof *sorted, cmp_el);
    for (size_t i = 0; i < l.n && st == GS_OK; i++) {
        struct gs_element *c = l.v[i];
        int id = cctx_id(c, GS_K_COMPT);
        char *q = elem_path_str(c);
        if (id < 0) {
            st = gs_error(sim, "hsolve '%s': compartment '%s' is not simulated (disabled?)", p,
                          q);
        }
        for (int k = 0; k < c->nin && st == GS_OK; k++) {
            const struct gs_msg *m = c->in[k];
            if (!is_link(msg_type_name(m)))
                continue;
            struct gs_element *src = m->src;
            if (!bsearch(&src, sorted, l.n, sizeof *sorted, cmp_el)) {
                char *s = elem_path_str(src);
                st = gs_error(sim, "hsolve '%s': compartment '%s' is linked to '%s' (%s), "
                              "which is not in its path '%s'", p, q, s, msg_type_name(m),
                              h->path);
                free(s);
            }
        }
        free(q);
        if (st == GS_OK)
            gsb_hines_compt(cctx_build(cx), el->solver_index, id);
    }
out:
    free(p);
    free(sorted);
    elist_free(&l);
    return st;
}

static const struct gs_sfmap hsolve_sfmap[] = {{NULL, 0}};

static const struct gs_solver_class hsolve_solver = {
    .kind = GS_K_HINES,
    .fmap = hsolve_sfmap,
    .add = hsolve_add,
    .wire = hsolve_wire,
};

/* ---- findsolvefield names ---------------------------------------------- */

/* vm[i] (the i-th compartment of the path), or a name handed out by
 * findsolvefield: the field of the element it stands for. */
static bool
hsolve_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    struct hsolve *h = GS_INST(struct hsolve, el);
    char arr[8];
    long i;
    int n = 0;
    if (sscanf(name, "%7[a-z][%ld]%n", arr, &i, &n) != 2 || name[n] != '\0' || i < 0)
        return false;
    const struct hs_ref *r = NULL;
    for (int k = 0; k < h->nref; k++)
        if (strcmp(h->ref[k].array, arr) == 0 && k == (int)i)
            r = &h->ref[k];
    if (!r)
        return false;
    struct gs_element *t = elem_from_handle(el->model, r->el);
    if (!t)
        return false;
    const struct gs_field *f = class_field(t->cls, r->field);
    if (!f)
        return false;
    out->el = t;
    out->field = f;
    out->type = f->type;
    out->addr = (char *)t + f->offset;
    out->flags = f->flags;
    return true;
}

bool
hsolve_method_valid(int method)
{
    return method == GS_M_FEULER || method == GS_M_EEULER
           || (method >= GS_M_AB2 && method <= GS_M_AB5) || method == GS_M_BEULER
           || method == GS_M_CRANK;
}

const char *
hsolve_method_name(int method)
{
    switch (method) {
    case GS_M_FEULER: return "forward Euler";
    case GS_M_EEULER: return "exponential Euler";
    case GS_M_AB2: return "Adams-Bashforth 2";
    case GS_M_AB3: return "Adams-Bashforth 3";
    case GS_M_AB4: return "Adams-Bashforth 4";
    case GS_M_AB5: return "Adams-Bashforth 5";
    case GS_M_BEULER: return "backward Euler";
    case GS_M_CRANK: return "Crank-Nicolson";
    default: return "unknown";
    }
}

enum gs_status
hsolve_setmethod(struct gs_sim *sim, struct gs_element *el, int method, bool all)
{
    if (strcmp(el->cls->name, "hsolve") == 0) {
        GS_INST(struct hsolve, el)->method = method;
        model_changed(sim->model);
        return GS_OK;
    }
    if (all || method == GS_M_EEULER || method >= GS_M_BEULER || !el->cls->solver)
        return GS_OK; /* GENESIS: implicit methods only change hsolves */
    char *p = elem_path_str(el);
    enum gs_status st = gs_error(sim, "'%s' (%s) cannot use method %d (%s): gensh integrates "
                                 "elements outside an hsolve by exponential Euler (method 0) "
                                 "only", p, el->cls->name, method, hsolve_method_name(method));
    free(p);
    return st;
}

/* The array a field of a taken-over element is kept in (GENESIS's names). */
static const char *
array_of(const struct hsolve *h, const struct gs_element *el, const char *field)
{
    const char *cls = el->cls->name;
    if (is_compartment(el)) {
        if (strcmp(field, "Vm") == 0)
            return "vm";
        if (strcmp(field, "inject") == 0)
            return "chip";
        if (h->chanmode >= 4 && (strcmp(field, "Im") == 0 || strcmp(field, "leak") == 0))
            return strcmp(field, "Im") == 0 ? "givals" : NULL;
        return NULL;
    }
    bool chan = strcmp(cls, "tabchannel") == 0 || strcmp(cls, "synchan") == 0;
    if (chan && h->chanmode >= 4
        && (strcmp(field, "Gk") == 0 || strcmp(field, "Ik") == 0 || strcmp(field, "Ek") == 0))
        return "givals";
    if (strcmp(cls, "tabchannel") == 0
        && (strcmp(field, "X") == 0 || strcmp(field, "Y") == 0 || strcmp(field, "Z") == 0))
        return "chip";
    if (strcmp(cls, "synchan") == 0 && (strcmp(field, "X") == 0 || strcmp(field, "Y") == 0))
        return "chip";
    if (strcmp(cls, "Ca_concen") == 0 && strcmp(field, "Ca") == 0)
        return "conc";
    return NULL;
}

enum gs_status
hsolve_findsolvefield(struct gs_sim *sim, struct gs_element *hs, struct gs_element *el,
                      const char *field, struct strbuf *out)
{
    char *hp = elem_path_str(hs), *ep = elem_path_str(el);
    enum gs_status st = GS_OK;
    struct gs_elist l = GS_ELIST_INIT;
    if (strcmp(hs->cls->name, "hsolve") != 0) {
        st = gs_error(sim, "'%s' is a %s, not an hsolve", hp, hs->cls->name);
        goto out;
    }
    struct hsolve *h = GS_INST(struct hsolve, hs);
    if (!h->setup) {
        st = gs_error(sim, "hsolve '%s' has not been set up (call %s SETUP first)", hp, hp);
        goto out;
    }
    if (h->chanmode < 2) {
        st = gs_error(sim, "hsolve '%s' has chanmode %d; findsolvefield needs chanmode 2 or "
                      "more", hp, h->chanmode);
        goto out;
    }
    if (compartments(sim, hs, &l) != GS_OK) {
        st = GS_ERR;
        goto out;
    }
    /* EL is one of the compartments, or below one */
    long ci = -1;
    for (const struct gs_element *a = el; a && ci < 0; a = a->parent)
        for (size_t i = 0; i < l.n; i++)
            if (l.v[i] == a) {
                ci = (long)i;
                break;
            }
    if (ci < 0) {
        st = gs_error(sim, "'%s' is not taken over by hsolve '%s' (not in or under its path "
                      "'%s')", ep, hp, h->path);
        goto out;
    }
    const char *arr = array_of(h, el, field);
    if (!arr || !class_field(el->cls, field)) {
        st = gs_error(sim, "hsolve '%s' holds no field '%s' of '%s' (%s)%s", hp, field, ep,
                      el->cls->name,
                      h->chanmode < 4 ? "; use chanmode 4 for Gk, Ik, Ek and Im" : "");
        goto out;
    }
    int k = -1;
    struct gs_handle eh = elem_handle(el);
    for (int i = 0; i < h->nref && k < 0; i++)
        if (strcmp(h->ref[i].array, arr) == 0 && h->ref[i].el.slot == eh.slot
            && h->ref[i].el.gen == eh.gen && strcmp(h->ref[i].field, field) == 0)
            k = i;
    if (k < 0) {
        h->ref = xreallocarray(h->ref, (size_t)h->nref + 1, sizeof *h->ref);
        struct hs_ref *r = &h->ref[h->nref];
        memset(r, 0, sizeof *r);
        snprintf(r->array, sizeof r->array, "%s", arr);
        snprintf(r->field, sizeof r->field, "%s", field);
        r->el = eh;
        k = h->nref++;
    }
    sb_printf(out, "%s[%d]", arr, k);
out:
    elist_free(&l);
    free(hp);
    free(ep);
    return st;
}

const struct gs_class hsolve_class = {
    .name = "hsolve",
    .classes = "hsolver",
    .desc = "Hines solver: integrates a cell's compartments implicitly (setmethod 10, 11)",
    .size = sizeof(struct hsolve),
    .fields = hsolve_fields,
    .extra = hsolve_actions,
    .create = hsolve_create,
    .copy = hsolve_copy,
    .destroy = hsolve_destroy,
    .check_fields = hsolve_check_fields,
    .field_set = hsolve_field_set,
    .find_field = hsolve_find_field,
    .solver = &hsolve_solver,
};
