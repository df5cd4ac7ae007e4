/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hh_channel.c: the hh_channel class (GENESIS 2.4, hh/channel.c): a
 * Hodgkin-Huxley channel of two gates X and Y whose rates alpha and beta
 * are analytic functions of the Vm, each of one of three forms chosen by
 * a FORM field (1 EXPONENTIAL A exp((v-V0)/B), 2 SIGMOID A / (exp((v-V0)/B)
 * + 1), 3 LINOID A (v-V0) / (exp((v-V0)/B) - 1)), evaluated every step
 * rather than tabulated. Gk = Gbar X^Xpower Y^Ypower, Ik = (Ek - v) Gk.
 *
 * The step is compiled: the channel becomes a tabchannel of the general
 * path whose gates' rate "tables" are GS_TAB_HH pairs holding the eight
 * constants (model.h), so the gates move by exponential Euler on X' =
 * alpha - (alpha + beta) X exactly where a tabchannel's would, with the
 * rates of hh_update (its overflow guard included). This file holds the
 * fields, the VOLTAGE message, RESET (each gate at alpha / (alpha + beta)
 * at the reset Vm, as hh_evaluate), the checks, and the compiled view.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"

struct hh_channel {
    struct gs_element el;
    float activation;
    double Ik;             /* channel current, A (computed) */
    double Gk;             /* conductance, S (computed) */
    float Ek;              /* reversal potential, V */
    float Gbar;            /* maximal conductance, S */
    double X, Y;           /* gate states */
    float Xpower, Ypower;
    int X_alpha_FORM;
    float X_alpha_A, X_alpha_B, X_alpha_V0;
    int X_beta_FORM;
    float X_beta_A, X_beta_B, X_beta_V0;
    int Y_alpha_FORM;
    float Y_alpha_A, Y_alpha_B, Y_alpha_V0;
    int Y_beta_FORM;
    float Y_beta_A, Y_beta_B, Y_beta_V0;
};

#define HHF(m, type, unit, desc) GS_FIELD_F(struct hh_channel, m, type, GS_F_STRUCT, unit, desc)
#define HHRATE(G, R)                                                                               \
    HHF(G##_##R##_FORM, GS_INT, "", #G " gate " #R ": 1 EXPONENTIAL, 2 SIGMOID, 3 LINOID"),       \
        HHF(G##_##R##_A, GS_FLOAT, "", #G " gate " #R ": A (1/s, or 1/(V s) for LINOID)"),         \
        HHF(G##_##R##_B, GS_FLOAT, "V", #G " gate " #R ": B"),                                     \
        HHF(G##_##R##_V0, GS_FLOAT, "V", #G " gate " #R ": V0")

static const struct gs_field hh_channel_fields[] = {
    GS_FIELD(struct hh_channel, activation, GS_FLOAT, "", "channel activation (unused)"),
    GS_FIELD_F(struct hh_channel, Ik, GS_REAL, GS_F_SOLVER, "A", "channel current"),
    GS_FIELD_F(struct hh_channel, Gk, GS_REAL, GS_F_SOLVER, "S", "conductance"),
    GS_FIELD_F(struct hh_channel, Ek, GS_FLOAT, GS_F_SOLVER, "V", "reversal potential"),
    GS_FIELD_F(struct hh_channel, Gbar, GS_FLOAT, GS_F_SOLVER, "S", "maximal conductance"),
    GS_FIELD_F(struct hh_channel, X, GS_REAL, GS_F_SOLVER, "", "state of gate X (m)"),
    GS_FIELD_F(struct hh_channel, Y, GS_REAL, GS_F_SOLVER, "", "state of gate Y (h)"),
    HHF(Xpower, GS_FLOAT, "", "power of X (0: no gate)"),
    HHF(Ypower, GS_FLOAT, "", "power of Y (0: no gate)"),
    HHRATE(X, alpha),
    HHRATE(X, beta),
    HHRATE(Y, alpha),
    HHRATE(Y, beta),
    GS_FIELD_END,
};

static const struct gs_msgdef hh_channel_msgs[] = {
    {"VOLTAGE", 1, {"Vm"}, "the membrane potential the gates read"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap hh_channel_sfmap[] = {
    {"Ik", GS_SF_IK}, {"Gk", GS_SF_GK}, {"Ek", GS_SF_EK}, {"Gbar", GS_SF_GBAR},
    {"X", GS_SF_X},   {"Y", GS_SF_Y},   {NULL, 0},
};

/* The constants of one rate, in gs_hh_rate's order. */
struct hh_rate {
    int form;
    float A, B, V0;
};

static void
gate_rates(const struct hh_channel *c, int k, struct hh_rate *al, struct hh_rate *be)
{
    if (k == 0) {
        *al = (struct hh_rate){c->X_alpha_FORM, c->X_alpha_A, c->X_alpha_B, c->X_alpha_V0};
        *be = (struct hh_rate){c->X_beta_FORM, c->X_beta_A, c->X_beta_B, c->X_beta_V0};
    } else {
        *al = (struct hh_rate){c->Y_alpha_FORM, c->Y_alpha_A, c->Y_alpha_B, c->Y_alpha_V0};
        *be = (struct hh_rate){c->Y_beta_FORM, c->Y_beta_A, c->Y_beta_B, c->Y_beta_V0};
    }
}

/* hh/evaluate.c: one rate at V, without hh_update's overflow guard (the
 * compiled model's reset computes the same, model_int.h). */
static double
rate_at(const struct hh_rate *r, double v)
{
    double a = r->A, b = r->B, v0 = r->V0;
    switch (r->form) {
    case 1:
        return a * exp((v - v0) / b);
    case 2:
        return a / (exp((v - v0) / b) + 1);
    case 3:
        if (v == v0)
            return (double)(r->A * r->B);
        return a * (v - v0) / (exp((v - v0) / b) - 1);
    }
    return 0.0;
}

static enum gs_status
hh_channel_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                        const struct gs_element *old)
{
    (void)old;
    const struct hh_channel *c = GS_INST(const struct hh_channel, new_);
    static const char *const name[] = {"X_alpha_FORM", "X_beta_FORM", "Y_alpha_FORM",
                                       "Y_beta_FORM"};
    const int form[] = {c->X_alpha_FORM, c->X_beta_FORM, c->Y_alpha_FORM, c->Y_beta_FORM};
    for (int i = 0; i < 4; i++)
        if (form[i] < 0 || form[i] > 3)
            return gs_error(sim, "%s must be 1 (EXPONENTIAL), 2 (SIGMOID) or 3 (LINOID), got %d",
                            name[i], form[i]);
    if (c->Xpower < 0)
        return gs_error(sim, "Xpower must be >= 0, got %g", (double)c->Xpower);
    if (c->Ypower < 0)
        return gs_error(sim, "Ypower must be >= 0, got %g", (double)c->Ypower);
    return GS_OK;
}

/* The Vm of the VOLTAGE message (0 without one) and how many there are. */
static double
voltage(const struct gs_element *el, int *n)
{
    double v = 0;
    *n = 0;
    for (int i = 0; i < el->nin; i++)
        if (strcmp(msg_type_name(el->in[i]), "VOLTAGE") == 0) {
            v = msg_val(el->in[i], 0);
            ++*n;
        }
    return v;
}

/* channel.c RESET: each gate with a power at alpha / (alpha + beta) at the
 * Vm of the VOLTAGE message (its compartment is reset first). With Xpower 0
 * GENESIS leaves Y out of Gk (Gk = Gbar); so does this. */
static double
gk_of(const struct hh_channel *c)
{
    if (c->Xpower != 0 && c->Ypower != 0)
        return c->Gbar * pow(c->X, c->Xpower) * pow(c->Y, c->Ypower);
    if (c->Ypower == 0)
        return c->Gbar * pow(c->X, c->Xpower);
    return c->Gbar;
}

static enum gs_status
hh_channel_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct hh_channel *c = GS_INST(struct hh_channel, el);
    int n;
    double v = voltage(el, &n);
    c->activation = 0;
    double *st[2] = {&c->X, &c->Y};
    const float pw[2] = {c->Xpower, c->Ypower};
    for (int k = 0; k < 2; k++) {
        if (pw[k] == 0)
            continue;
        struct hh_rate al, be;
        gate_rates(c, k, &al, &be);
        double a = rate_at(&al, v), b = rate_at(&be, v);
        *st[k] = a / (a + b);
    }
    c->Gk = gk_of(c);
    c->Ik = (c->Ek - v) * c->Gk;
    return GS_OK;
}

static enum gs_status
hh_channel_check(struct gs_sim *sim, struct gs_element *el)
{
    int n;
    voltage(el, &n);
    if (n == 0)
        return gs_error(sim, "missing VOLTAGE message");
    return GS_OK;
}

static enum gs_status
hh_channel_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

/* ---- the compiled model's view ---------------------------------------- */

static int
hh_channel_add(struct gs_cctx *cx, struct gs_element *el)
{
    struct hh_channel *c = GS_INST(struct hh_channel, el);
    struct gs_build *b = cctx_build(cx);
    struct gs_sim *sim = cctx_sim(cx);
    struct gsb_tabchan d = {.Gbar = c->Gbar, .Ek = c->Ek, .vsrc = -1, .vreset = 0};
    const float pw[2] = {c->Xpower, c->Ypower};
    const double st[2] = {c->X, c->Y};
    for (int k = 0; k < GS_NGATES; k++) {
        struct gsb_gate *g = &d.g[k];
        g->tab = -1;
        g->power = k < 2 ? pw[k] : 0.0f;
        g->input = GS_GIN_V;
        g->conc = -1;
        g->state = k < 2 ? st[k] : 0.0;
    }
    /* GENESIS computes Gk = Gbar when Xpower is 0, whatever Ypower; Y still
     * moves. Its state then matters to nobody but getfield: keep it out. */
    if (pw[0] == 0 && pw[1] != 0) {
        char *p = elem_path_str(el);
        gs_warn(sim, "'%s': Xpower is 0, so Gk = Gbar whatever Ypower (as in GENESIS)", p);
        free(p);
        d.g[1].power = 0.0f;
    }
    for (int k = 0; k < 2; k++) {
        if (d.g[k].power == 0)
            continue;
        struct hh_rate r[2];
        gate_rates(c, k, &r[0], &r[1]);
        double A[4], B[4];
        for (int j = 0; j < 2; j++) {
            if (r[j].form < 1 || r[j].form > 3) {
                char *p = elem_path_str(el);
                gs_error(sim, "'%s': gate %c has power %g but %c_%s_FORM is %d (set 1 "
                         "EXPONENTIAL, 2 SIGMOID or 3 LINOID)", p, "XY"[k], (double)pw[k],
                         "XY"[k], j ? "beta" : "alpha", r[j].form);
                free(p);
                return -1;
            }
            double *o = j ? B : A;
            o[0] = r[j].form;
            o[1] = r[j].A;
            o[2] = r[j].B;
            o[3] = r[j].V0;
        }
        d.g[k].tab = gsb_tabpair(b, NULL, NULL, 3, 0.0, 0.0, GS_TAB_HH, A, B, 0.0, 0.0);
    }
    int nv;
    voltage(el, &nv);
    if (nv == 0) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s': hh_channel has no VOLTAGE message (addmsg COMPARTMENT '%s' "
                 "VOLTAGE Vm)", p, p);
        free(p);
        return -1;
    }
    return gsb_tabchannel(b, &d);
}

static enum gs_status
hh_channel_wire(struct gs_cctx *cx, struct gs_element *el)
{
    int id = el->solver_index;
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        int c = cctx_id(m->src, GS_K_COMPT);
        if (c < 0)
            return cctx_unsupported(cx, el, m);
        gsb_set_vsrc(cctx_build(cx), GS_K_TAB, id, c);
    }
    return GS_OK;
}

static const struct gs_solver_class hh_channel_solver = {
    .kind = GS_K_TAB,
    .fmap = hh_channel_sfmap,
    .add = hh_channel_add,
    .wire = hh_channel_wire,
};

const struct gs_class hh_channel_class = {
    .name = "hh_channel",
    .classes = "segment channel",
    .desc = "Hodgkin-Huxley channel, analytic rates: Gk = Gbar X^Xpower Y^Ypower",
    .size = sizeof(struct hh_channel),
    .fields = hh_channel_fields,
    .msgs = hh_channel_msgs,
    .init = hh_channel_step,
    .process = hh_channel_step,
    .reset = hh_channel_reset,
    .check = hh_channel_check,
    .check_fields = hh_channel_check_fields,
    .solver = &hh_channel_solver,
};
