/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Ca_concen.c: the Ca_concen class (GENESIS 2.4): a single calcium pool,
 * dC/dt = B I_Ca - C/tau, Ca = Ca_base + C, integrated by exponential
 * Euler after the compartments in each step, from the channel currents of
 * that step (I_Ca, fractional fI_Ca, INCREASE and DECREASE as |Ik|).
 * Channels whose Z gate reads Ca see the value of the previous step.
 */
#include <string.h>

#include "../solver/sclass.h"

struct Ca_concen {
    struct gs_element el;
    float activation;   /* summed current of the step, A */
    double Ca;          /* concentration */
    double C;           /* Ca - Ca_base */
    double Ca_base;
    float tau;          /* s */
    float B;            /* 1/(valence Faraday volume) */
    float thick;        /* shell thickness, m (readcell's scaling) */
};

static const struct gs_field ca_fields[] = {
    GS_FIELD_F(struct Ca_concen, activation, GS_FLOAT, GS_F_RO, "A", "current of the last step"),
    GS_FIELD_F(struct Ca_concen, Ca, GS_REAL, GS_F_SOLVER, "mM", "concentration"),
    GS_FIELD_F(struct Ca_concen, C, GS_REAL, GS_F_SOLVER, "mM", "concentration above Ca_base"),
    GS_FIELD_F(struct Ca_concen, Ca_base, GS_REAL, GS_F_SOLVER, "mM", "resting concentration"),
    GS_FIELD_F(struct Ca_concen, tau, GS_FLOAT, GS_F_SOLVER, "s", "decay time constant"),
    GS_FIELD_F(struct Ca_concen, B, GS_FLOAT, GS_F_SOLVER, "", "1/(charge Faraday volume)"),
    GS_FIELD_F(struct Ca_concen, thick, GS_FLOAT, GS_F_SOLVER, "m",
               "shell thickness (0: the whole compartment)"),
    GS_FIELD_END,
};

static const struct gs_msgdef ca_msgs[] = {
    {"I_Ca", 1, {"I_Ca"}, "calcium current"},
    {"fI_Ca", 2, {"I_Ca", "fraction"}, "a fraction of a current"},
    {"INCREASE", 1, {"I_Ca"}, "adds |current|"},
    {"DECREASE", 1, {"I_Ca"}, "subtracts |current|"},
    {"BASE", 1, {"Ca_base"}, "sets Ca_base"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap ca_sfmap[] = {
    {"Ca", GS_SF_CA}, {"C", GS_SF_C}, {"Ca_base", GS_SF_CABASE}, {"tau", GS_SF_TAU},
    {"B", GS_SF_B},   {"thick", GS_SF_THICK}, {NULL, 0},
};

static enum gs_status
ca_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct Ca_concen *c = GS_INST(struct Ca_concen, el);
    c->activation = 0;
    c->C = 0;
    c->Ca = c->Ca_base;
    return GS_OK;
}

static enum gs_status
ca_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct Ca_concen *c = GS_INST(const struct Ca_concen, el);
    if (!(c->tau > 0))
        return gs_error(sim, "invalid tau %g: it must be > 0", c->tau);
    if (c->Ca_base < 0)
        return gs_error(sim, "Ca_base must be >= 0, got %g", c->Ca_base);
    return GS_OK;
}

static enum gs_status
ca_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
ca_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct Ca_concen *c = GS_INST(const struct Ca_concen, el);
    struct gsb_caconc d = {.tau = c->tau, .B = c->B, .thick = c->thick,
                           .Ca_base = c->Ca_base, .C = c->C, .Ca = c->Ca};
    return gsb_caconc(cctx_build(cx), &d);
}

static enum gs_status
ca_wire(struct gs_cctx *cx, struct gs_element *el)
{
    static const char *const kinds[] = {"I_Ca", "fI_Ca", "INCREASE", "DECREASE"};
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        const char *n = msg_type_name(m);
        if (strcmp(n, "BASE") == 0) {
            cctx_input(cx, GS_K_CA, el->solver_index, GS_SF_CABASE, m, 0, false);
            continue;
        }
        int k = 0;
        while (k < 4 && strcmp(n, kinds[k]) != 0)
            k++;
        int tab = cctx_id(m->src, GS_K_TAB), syn = cctx_id(m->src, GS_K_SYN);
        if (k == 0 && tab < 0 && syn < 0) {
            /* a current from outside the model, taken before each step */
            cctx_input(cx, GS_K_CA, el->solver_index, GS_SF_CAEXT, m, 0, true);
            continue;
        }
        if (k == 4 || (tab < 0 && syn < 0) || (k == 1 && m->slot[1].kind != GS_SLOT_CONST))
            return cctx_unsupported(cx, el, m);
        gsb_cainput(cctx_build(cx), el->solver_index, k, tab >= 0 ? GS_CH_TAB : GS_CH_SYN,
                    tab >= 0 ? tab : syn, k == 1 ? m->slot[1].value : 1.0);
    }
    return GS_OK;
}

static const struct gs_solver_class ca_solver = {
    .kind = GS_K_CA,
    .fmap = ca_sfmap,
    .add = ca_add,
    .wire = ca_wire,
};

const struct gs_class Ca_concen_class = {
    .name = "Ca_concen",
    .classes = "segment concentration",
    .desc = "single calcium pool: dC/dt = B I_Ca - C/tau, Ca = Ca_base + C",
    .size = sizeof(struct Ca_concen),
    .fields = ca_fields,
    .msgs = ca_msgs,
    .init = ca_step,
    .process = ca_step,
    .reset = ca_reset,
    .check = ca_check,
    .solver = &ca_solver,
};
