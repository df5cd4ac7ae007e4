/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tabchannel.c: the tabchannel class (GENESIS 2.4): a channel of up to
 * three gates X, Y, Z, each with tabulated rates A (alpha, or minf/tau)
 * and B (alpha + beta, or 1/tau), Gk = Gbar X^Xpower Y^Ypower Z^Zpower.
 * Gates update by exponential Euler on X' = A - B X (or X = A/B for an
 * instant gate); Z reads a concentration (Z_conc 1), the Vm (Z_conc 0), or
 * with Zpower < 0 the product of both. The update is compiled; this file
 * holds the fields, messages, RESET (steady state at the reset Vm), the
 * shared tables, TABCREATE and TABFILL, and the compiled model's view.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"
#include "gate_tables.h"
#include "tabchannel.h"

/* ---- shared tables ---------------------------------------------------- */

/* A table with a reference count; the interpol comes first, so the
 * instance's pointers are ordinary interpol pointers. */
struct stab {
    struct interpol ip;
    int refs;
};

static struct interpol *
stab_new(void)
{
    struct stab *s = xcalloc(1, sizeof *s);
    s->ip.calc_mode = INTERPOL_LIN;
    s->ip.sx = s->ip.sy = 1.0;
    s->ip.invdx = 1.0;
    s->refs = 1;
    return &s->ip;
}

static void
stab_ref(struct interpol *ip)
{
    if (ip)
        ((struct stab *)(void *)ip)->refs++;
}

static void
stab_unref(struct interpol *ip)
{
    if (!ip)
        return;
    struct stab *s = (struct stab *)(void *)ip;
    if (--s->refs == 0) {
        free(s->ip.table);
        free(s);
    }
}

struct interpol **
tabchannel_gate(struct tabchannel *c, char g, struct interpol ***B)
{
    switch (g) {
    case 'X':
        *B = &c->X_B;
        return &c->X_A;
    case 'Y':
        *B = &c->Y_B;
        return &c->Y_A;
    case 'Z':
        *B = &c->Z_B;
        return &c->Z_A;
    }
    return NULL;
}

static int *
gate_alloced(struct tabchannel *c, char g)
{
    return g == 'X' ? &c->X_alloced : g == 'Y' ? &c->Y_alloced : &c->Z_alloced;
}

enum gs_status
tabchannel_new_tables(struct gs_sim *sim, struct gs_element *el, char g, int xdivs, double xmin,
                      double xmax)
{
    struct tabchannel *c = GS_INST(struct tabchannel, el);
    struct interpol **B = NULL, **A = tabchannel_gate(c, g, &B);
    if (!A)
        return gs_error(sim, "gate '%c' is not X, Y or Z", g);
    struct interpol *na = stab_new(), *nb = stab_new();
    if (interpol_alloc(sim, na, xdivs, xmin, xmax) != GS_OK ||
        interpol_alloc(sim, nb, xdivs, xmin, xmax) != GS_OK) {
        stab_unref(na);
        stab_unref(nb);
        return GS_ERR;
    }
    stab_unref(*A);
    stab_unref(*B);
    *A = na;
    *B = nb;
    *gate_alloced(c, g) = 1;
    model_changed(sim->model);
    return GS_OK;
}

static struct interpol *
stab_copy(const struct interpol *src)
{
    struct stab *s = xcalloc(1, sizeof *s);
    s->ip = *src;
    s->refs = 1;
    size_t n = (size_t)src->xdivs + 1;
    s->ip.table = xreallocarray(NULL, n, sizeof *s->ip.table);
    memcpy(s->ip.table, src->table, n * sizeof *s->ip.table);
    return &s->ip;
}

enum gs_status
tabchannel_unshare(struct gs_sim *sim, struct gs_element *el, char g)
{
    struct tabchannel *c = GS_INST(struct tabchannel, el);
    struct interpol **B = NULL, **A = tabchannel_gate(c, g, &B);
    if (!A)
        return gs_error(sim, "gate '%c' is not X, Y or Z", g);
    if (!*A || !(*A)->allocated || !*B || !(*B)->allocated)
        return gs_error(sim, "gate %c has no tables", g);
    struct interpol *na = stab_copy(*A), *nb = stab_copy(*B);
    stab_unref(*A);
    stab_unref(*B);
    *A = na;
    *B = nb;
    model_changed(sim->model);
    return GS_OK;
}

/* ---- the class -------------------------------------------------------- */

#define TABF(m, desc) GS_FIELD_F(struct tabchannel, m, GS_TABLE, GS_F_SHARED | GS_F_STRUCT, "", desc)

static const struct gs_field tabchannel_fields[] = {
    GS_FIELD_F(struct tabchannel, Ik, GS_REAL, GS_F_SOLVER, "A", "channel current"),
    GS_FIELD_F(struct tabchannel, Gk, GS_REAL, GS_F_SOLVER, "S", "conductance"),
    GS_FIELD_F(struct tabchannel, Ek, GS_FLOAT, GS_F_SOLVER, "V", "reversal potential"),
    GS_FIELD_F(struct tabchannel, Gbar, GS_FLOAT, GS_F_SOLVER, "S", "maximal conductance"),
    GS_FIELD_F(struct tabchannel, X, GS_REAL, GS_F_SOLVER, "", "state of gate X"),
    GS_FIELD_F(struct tabchannel, Y, GS_REAL, GS_F_SOLVER, "", "state of gate Y"),
    GS_FIELD_F(struct tabchannel, Z, GS_REAL, GS_F_SOLVER, "", "state of gate Z"),
    GS_FIELD_F(struct tabchannel, Xpower, GS_FLOAT, GS_F_STRUCT, "", "power of X (0: no gate)"),
    GS_FIELD_F(struct tabchannel, Ypower, GS_FLOAT, GS_F_STRUCT, "", "power of Y (0: no gate)"),
    GS_FIELD_F(struct tabchannel, Zpower, GS_FLOAT, GS_F_STRUCT, "",
               "power of Z (0: no gate; < 0: Z reads concentration times Vm tables)"),
    GS_FIELD_F(struct tabchannel, instant, GS_INT, GS_F_STRUCT, "",
               "gates at steady state: 1 X, 2 Y, 4 Z (sums combine)"),
    GS_FIELD_RO(struct tabchannel, X_alloced, GS_INT, "", "1 once X has tables"),
    GS_FIELD_RO(struct tabchannel, Y_alloced, GS_INT, "", "1 once Y has tables"),
    GS_FIELD_RO(struct tabchannel, Z_alloced, GS_INT, "", "1 once Z has tables"),
    GS_FIELD(struct tabchannel, surface, GS_FLOAT, "m^2", "membrane area (readcell sets it)"),
    GS_FIELD_F(struct tabchannel, Z_conc, GS_INT, GS_F_STRUCT, "",
               "1: Z reads a concentration; 0: Z reads the Vm"),
    TABF(X_A, "gate X: alpha (or minf/tau) against Vm"),
    TABF(X_B, "gate X: alpha + beta (or 1/tau) against Vm"),
    TABF(Y_A, "gate Y: alpha (or minf/tau)"),
    TABF(Y_B, "gate Y: alpha + beta (or 1/tau)"),
    TABF(Z_A, "gate Z: alpha (or minf/tau)"),
    TABF(Z_B, "gate Z: alpha + beta (or 1/tau)"),
    GS_FIELD_END,
};

static const struct gs_msgdef tabchannel_msgs[] = {
    {"VOLTAGE", 1, {"Vm"}, "the membrane potential the gates read"},
    {"CONCEN", 1, {"concentration"}, "the concentration gate Z reads"},
    {"CONCEN1", 1, {"concentration"}, "the concentration gate Z reads (as CONCEN)"},
    {"DOMAINCONC", 2, {"Ik", "scale"}, "a concentration as Ik * scale / surface"},
    {"EK", 1, {"Ek"}, "sets Ek"},
    {"ADD_GBAR", 1, {"increment"}, "added to Gbar for the step"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap tabchannel_sfmap[] = {
    {"Ik", GS_SF_IK}, {"Gk", GS_SF_GK}, {"Ek", GS_SF_EK}, {"Gbar", GS_SF_GBAR},
    {"X", GS_SF_X},   {"Y", GS_SF_Y},   {"Z", GS_SF_Z},   {NULL, 0},
};

static enum gs_status
tabchannel_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct tabchannel, el)->Z_conc = 1;
    return GS_OK;
}

static enum gs_status
tabchannel_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct tabchannel *c = GS_INST(struct tabchannel, dst);
    stab_ref(c->X_A);
    stab_ref(c->X_B);
    stab_ref(c->Y_A);
    stab_ref(c->Y_B);
    stab_ref(c->Z_A);
    stab_ref(c->Z_B);
    return GS_OK;
}

/* Gives up the channel's references to its tables; a table shared with
 * copies of the channel stays theirs. */
static void
drop_tables(struct tabchannel *c)
{
    struct interpol **t[] = {&c->X_A, &c->X_B, &c->Y_A, &c->Y_B, &c->Z_A, &c->Z_B};
    for (int i = 0; i < 6; i++) {
        stab_unref(*t[i]);
        *t[i] = NULL;
    }
    c->X_alloced = c->Y_alloced = c->Z_alloced = 0;
}

static void
tabchannel_destroy(struct gs_element *el)
{
    drop_tables(GS_INST(struct tabchannel, el));
}

/* The input values a RESET or CHECK sees: v, c and Gbar + ADD_GBAR. */
static void
read_inputs(const struct gs_element *el, double *v, double *c, double *g, int *nv, int *nc)
{
    const struct tabchannel *t = GS_INST(const struct tabchannel, el);
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        const char *n = msg_type_name(m);
        if (strcmp(n, "VOLTAGE") == 0) {
            *v = msg_val(m, 0);
            ++*nv;
        } else if (strcmp(n, "CONCEN") == 0 || strcmp(n, "CONCEN1") == 0) {
            *c = msg_val(m, 0);
            ++*nc;
        } else if (strcmp(n, "DOMAINCONC") == 0) {
            *c = msg_val(m, 0) * msg_val(m, 1) / t->surface;
            ++*nc;
        } else if (strcmp(n, "ADD_GBAR") == 0) {
            *g = msg_val(m, 0) + *g;
        }
    }
}

/* tabchannel.c RESET: each gate at its steady state A/B at the Vm of the
 * VOLTAGE message (its compartment is reset first, being its parent). */
static enum gs_status
tabchannel_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct tabchannel *t = GS_INST(struct tabchannel, el);
    double v = 0, c = 0, g = t->Gbar;
    int nv = 0, nc = 0;
    t->activation = 0;
    read_inputs(el, &v, &c, &g, &nv, &nc);
    if (t->Xpower != 0) {
        t->X = interpol_lookup(t->X_A, v) / interpol_lookup(t->X_B, v);
        g *= pow(t->X, t->Xpower);
    }
    if (t->Ypower != 0) {
        t->Y = interpol_lookup(t->Y_A, v) / interpol_lookup(t->Y_B, v);
        g *= pow(t->Y, t->Ypower);
    }
    if (t->Zpower > 0) {
        double x = t->Z_conc ? c : v;
        t->Z = interpol_lookup(t->Z_A, x) / interpol_lookup(t->Z_B, x);
        g *= pow(t->Z, t->Zpower);
    } else if (t->Zpower < 0 && t->Z_conc) {
        t->Z = c * interpol_lookup(t->Z_A, v) / interpol_lookup(t->Z_B, v);
        g *= pow(t->Z, -t->Zpower);
    }
    t->Gk = g;
    t->Ik = (t->Ek - v) * g;
    return GS_OK;
}

static enum gs_status
tabchannel_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct tabchannel *t = GS_INST(const struct tabchannel, el);
    double v = 0, c = 0, g = 0;
    int nv = 0, nc = 0;
    read_inputs(el, &v, &c, &g, &nv, &nc);
    if (nv == 0)
        return gs_error(sim, "missing VOLTAGE message");
    if (nc > 1)
        return gs_error(sim, "a CONCEN message cannot be combined with DOMAINCONC");
    if (t->Zpower != 0 && t->Z_conc && nc == 0)
        return gs_error(sim, "missing CONCEN message for gate Z");
    if ((t->Xpower != 0 && !t->X_alloced) || (t->Ypower != 0 && !t->Y_alloced) ||
        (t->Zpower != 0 && !t->Z_alloced))
        return gs_error(sim, "a gate with a power has no tables (setupalpha or TABCREATE)");
    return GS_OK;
}

static enum gs_status
tabchannel_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

/* ---- TABCREATE and TABFILL -------------------------------------------- */

static enum gs_status
gate_word(struct gs_sim *sim, const char *w, char *g)
{
    if (strcmp(w, "X") != 0 && strcmp(w, "Y") != 0 && strcmp(w, "Z") != 0)
        return gs_error(sim, "gate must be X, Y or Z, got '%s'", w);
    *g = w[0];
    return GS_OK;
}

static enum gs_status
number(struct gs_sim *sim, const char *w, double *v)
{
    char *end;
    *v = strtod(w, &end);
    if (end == w || *end)
        return gs_error(sim, "expected a number, got '%s'", w);
    return GS_OK;
}

static enum gs_status
tab_create(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    char g;
    double xd, lo, hi;
    if (argc != 4)
        return gs_error(sim, "TABCREATE expects: gate xdivs xmin xmax");
    if (gate_word(sim, argv[0], &g) != GS_OK || number(sim, argv[1], &xd) != GS_OK ||
        number(sim, argv[2], &lo) != GS_OK || number(sim, argv[3], &hi) != GS_OK)
        return GS_ERR;
    if (xd != (int)xd || xd < 1)
        return gs_error(sim, "xdivs must be a whole number >= 1, got '%s'", argv[1]);
    return tabchannel_new_tables(sim, el, g, (int)xd, lo, hi);
}

static enum gs_status
tab_fill(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    char g;
    double np, mode;
    if (argc != 3)
        return gs_error(sim, "TABFILL expects: gate xdivs fill_mode");
    if (gate_word(sim, argv[0], &g) != GS_OK || number(sim, argv[1], &np) != GS_OK ||
        number(sim, argv[2], &mode) != GS_OK)
        return GS_ERR;
    struct interpol **B = NULL, **A = tabchannel_gate(GS_INST(struct tabchannel, el), g, &B);
    if (!*A || !(*A)->allocated || !*B || !(*B)->allocated)
        return gs_error(sim, "gate %c has no tables (TABCREATE first)", g);
    if (np != (int)np || np < 3)
        return gs_error(sim, "TABFILL needs a whole number of divisions >= 3, got '%s'", argv[1]);
    if (mode != 0 && mode != 2)
        return gs_error(sim, "fill mode %s is not available (0: B-spline, 2: linear)", argv[2]);
    double *na = gt_fill((*A)->table, (*A)->xdivs, (int)np, (int)mode);
    double *nb = gt_fill((*B)->table, (*B)->xdivs, (int)np, (int)mode);
    if (!na || !nb) {
        free(na);
        free(nb);
        return gs_error(sim, "cannot allocate tables of %d divisions", (int)np);
    }
    free((*A)->table);
    free((*B)->table);
    (*A)->table = na;
    (*B)->table = nb;
    (*A)->xdivs = (*B)->xdivs = (int)np;
    interpol_update(*A);
    interpol_update(*B);
    model_changed(sim->model);
    return GS_OK;
}

/* GENESIS frees the tables here even when copies share them; counted
 * references make that safe: the copies keep theirs. The channel has no
 * tables afterwards (a reset with a gate power is an error until
 * TABCREATE or setupalpha gives it new ones). */
static enum gs_status
tab_delete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argv;
    if (argc != 0)
        return gs_error(sim, "TABDELETE takes no arguments");
    drop_tables(GS_INST(struct tabchannel, el));
    model_changed(sim->model);
    return GS_OK;
}

static const struct gs_named_action tabchannel_extra[] = {
    {"TABCREATE", "gate xdivs xmin xmax", tab_create},
    {"TABDELETE", "", tab_delete},
    {"TABFILL", "gate xdivs fill_mode", tab_fill},
    GS_ACTION_END,
};

/* ---- the compiled model's view ---------------------------------------- */

static int
tabchannel_add(struct gs_cctx *cx, struct gs_element *el)
{
    struct tabchannel *t = GS_INST(struct tabchannel, el);
    struct gs_build *b = cctx_build(cx);
    struct gsb_tabchan d = {.Gbar = t->Gbar, .Ek = t->Ek, .vsrc = -1, .vreset = 0};
    const float pw[GS_NGATES] = {t->Xpower, t->Ypower, t->Zpower};
    const double st[GS_NGATES] = {t->X, t->Y, t->Z};
    const char *letter = "XYZ";
    for (int k = 0; k < GS_NGATES; k++) {
        struct gsb_gate *g = &d.g[k];
        struct interpol **B = NULL, **A = tabchannel_gate(t, letter[k], &B);
        g->tab = -1;
        g->power = pw[k];
        g->instant = (t->instant >> k) & 1;
        g->input = k < 2 ? GS_GIN_V : pw[k] < 0 ? GS_GIN_CODEP : t->Z_conc ? GS_GIN_CONC : GS_GIN_V;
        g->conc = -1;
        g->state = st[k];
        if (pw[k] == 0)
            continue;
        const struct interpol *a = *A, *bb = *B;
        if (!a || !a->allocated || !bb || !bb->allocated) {
            char *p = elem_path_str(el);
            gs_error(cctx_sim(cx), "'%s': gate %c has power %g but no tables (setupalpha or "
                     "TABCREATE first)", p, letter[k], (double)pw[k]);
            free(p);
            return -1;
        }
        if (a->xdivs != bb->xdivs || a->xmin != bb->xmin || a->xmax != bb->xmax ||
            a->calc_mode != bb->calc_mode) {
            char *p = elem_path_str(el);
            gs_error(cctx_sim(cx), "'%s': tables %c_A and %c_B must have the same range, size "
                     "and calc_mode", p, letter[k], letter[k]);
            free(p);
            return -1;
        }
        g->tab = gsb_tabpair(b, a, bb, a->xdivs, a->xmin, a->xmax, a->calc_mode, a->table,
                             bb->table, a->oy, bb->oy);
    }
    return gsb_tabchannel(b, &d);
}

static enum gs_status
tabchannel_wire(struct gs_cctx *cx, struct gs_element *el)
{
    struct gs_build *b = cctx_build(cx);
    int id = el->solver_index;
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        const char *n = msg_type_name(m);
        if (strcmp(n, "VOLTAGE") == 0) {
            int c = cctx_id(m->src, GS_K_COMPT);
            if (c < 0)
                return cctx_unsupported(cx, el, m);
            gsb_set_vsrc(b, GS_K_TAB, id, c);
        } else if (strcmp(n, "CONCEN") == 0 || strcmp(n, "CONCEN1") == 0) {
            int ca = cctx_id(m->src, GS_K_CA);
            if (ca < 0)
                return cctx_unsupported(cx, el, m);
            gsb_set_conc(b, id, 2, ca);
        } else if (strcmp(n, "EK") == 0) {
            cctx_input(cx, GS_K_TAB, id, GS_SF_EK, m, 0, false);
        } else {
            return cctx_unsupported(cx, el, m);
        }
    }
    return GS_OK;
}

static const struct gs_solver_class tabchannel_solver = {
    .kind = GS_K_TAB,
    .fmap = tabchannel_sfmap,
    .add = tabchannel_add,
    .wire = tabchannel_wire,
};

const struct gs_class tabchannel_class = {
    .name = "tabchannel",
    .classes = "segment channel",
    .desc = "channel with tabulated gates X, Y, Z: Gk = Gbar X^p Y^q Z^r",
    .size = sizeof(struct tabchannel),
    .fields = tabchannel_fields,
    .msgs = tabchannel_msgs,
    .extra = tabchannel_extra,
    .create = tabchannel_create,
    .copy = tabchannel_copy,
    .destroy = tabchannel_destroy,
    .init = tabchannel_step,
    .process = tabchannel_step,
    .reset = tabchannel_reset,
    .check = tabchannel_check,
    .solver = &tabchannel_solver,
};
