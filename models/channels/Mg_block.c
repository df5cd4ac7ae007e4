/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Mg_block.c: the Mg_block class (GENESIS 2.4, segment/Mg_block.c): the
 * voltage- and [Mg]-dependent block of a channel (an NMDA synchan) set
 * between it and the compartment:
 *     Gk = G KMg / (KMg + CMg),  KMg = KMg_A exp(Vm / KMg_B),
 *     Ik = Gk (Ek - Vm),
 * G and Ek the blocked channel's (CHANNEL Gk Ek, CHANNEL2 Gk Ek, or
 * CHANNEL1 Gk alone). GENESIS runs it among the channels (class segment
 * channel), in element order, so it sees the synchan's Gk of the step
 * when the synchan comes first, as it does when the block is its child.
 *
 * Compiled as a tabchannel of the general path whose Gbar is the synchan's
 * Gk of the step (model.h tgsrc) and whose one gate is instant, with the
 * analytic rates alpha = KMg (form 1 with V0 = 0) and beta = CMg (a
 * constant): X = KMg / (KMg + CMg), read from the Vm of the previous step.
 */
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"

enum { MSG_VOLTAGE, MSG_CHANNEL, MSG_CHANNEL1, MSG_CHANNEL2, MSG_CHARGE };

struct Mg_block {
    struct gs_element el;
    double Ik;        /* blocked current, A (computed) */
    double Gk;        /* blocked conductance, S (computed) */
    float Ek;         /* reversal potential (the channel's) */
    float Zk;         /* charge, or charge / fraction of the current */
    float KMg_A;      /* A of KMg = A exp(Vm / B), mM */
    float KMg_B;      /* B of KMg, V */
    float CMg;        /* [Mg], mM */
};

static const struct gs_field Mg_block_fields[] = {
    GS_FIELD_F(struct Mg_block, Ik, GS_REAL, GS_F_SOLVER, "A", "blocked current"),
    GS_FIELD_F(struct Mg_block, Gk, GS_REAL, GS_F_SOLVER, "S", "blocked conductance"),
    GS_FIELD_F(struct Mg_block, Ek, GS_FLOAT, GS_F_SOLVER, "V",
               "reversal potential (the blocked channel's)"),
    GS_FIELD(struct Mg_block, Zk, GS_FLOAT, "", "charge (or charge / fraction of I)"),
    GS_FIELD_F(struct Mg_block, KMg_A, GS_FLOAT, GS_F_STRUCT, "mM", "A of KMg = A exp(Vm/B)"),
    GS_FIELD_F(struct Mg_block, KMg_B, GS_FLOAT, GS_F_STRUCT, "V", "B of KMg = A exp(Vm/B)"),
    GS_FIELD_F(struct Mg_block, CMg, GS_FLOAT, GS_F_STRUCT, "mM", "[Mg]"),
    GS_FIELD_END,
};

static const struct gs_msgdef Mg_block_msgs[] = {
    [MSG_VOLTAGE] = {"VOLTAGE", 1, {"Vm"}, "the membrane potential"},
    [MSG_CHANNEL] = {"CHANNEL", 2, {"Gk", "Ek"}, "the unblocked channel's Gk and Ek"},
    [MSG_CHANNEL1] = {"CHANNEL1", 1, {"Gk"}, "the unblocked channel's Gk"},
    [MSG_CHANNEL2] = {"CHANNEL2", 2, {"Gk", "Ek"}, "the unblocked channel's Gk and Ek"},
    [MSG_CHARGE] = {"CHARGE", 1, {"Zk"}, "sets Zk"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap Mg_block_sfmap[] = {
    {"Ik", GS_SF_IK}, {"Gk", GS_SF_GK}, {"Ek", GS_SF_EK}, {NULL, 0},
};

/* Mg_block.c RESET: Gk = 0 (the compiled model starts from the synchan's
 * Gk, which its own reset clears). */
static enum gs_status
Mg_block_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct Mg_block *b = GS_INST(struct Mg_block, el);
    b->Gk = 0.0;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_CHARGE)
            b->Zk = (float)msg_val(el->in[i], 0);
    return GS_OK;
}

static enum gs_status
Mg_block_check(struct gs_sim *sim, struct gs_element *el)
{
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_VOLTAGE)
            return GS_OK;
    return gs_error(sim, "no membrane potential (VOLTAGE message)");
}

static enum gs_status
Mg_block_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
Mg_block_add(struct gs_cctx *cx, struct gs_element *el)
{
    struct Mg_block *m = GS_INST(struct Mg_block, el);
    struct gs_build *b = cctx_build(cx);
    int nv = 0, nch = 0;
    for (int i = 0; i < el->nin; i++) {
        int t = el->in[i]->type;
        nv += t == MSG_VOLTAGE;
        nch += t == MSG_CHANNEL || t == MSG_CHANNEL1 || t == MSG_CHANNEL2;
    }
    if (nv == 0 || nch != 1) {
        char *p = elem_path_str(el);
        if (nv == 0)
            gs_error(cctx_sim(cx), "'%s': Mg_block has no VOLTAGE message (addmsg "
                     "COMPARTMENT '%s' VOLTAGE Vm)", p, p);
        else
            gs_error(cctx_sim(cx), "'%s': Mg_block needs exactly one CHANNEL, CHANNEL1 or "
                     "CHANNEL2 message from the channel it blocks, got %d", p, nch);
        free(p);
        return -1;
    }
    struct gsb_tabchan d = {.Gbar = 0, .Ek = m->Ek, .vsrc = -1, .vreset = 0};
    for (int k = 0; k < GS_NGATES; k++) {
        d.g[k].tab = -1;
        d.g[k].conc = -1;
        d.g[k].input = GS_GIN_V;
    }
    const double A[4] = {GS_HH_EXP, m->KMg_A, m->KMg_B, 0.0};
    const double B[4] = {GS_HH_CONST, m->CMg, 0.0, 0.0};
    d.g[0].power = 1;
    d.g[0].instant = 1;
    d.g[0].state = 1.0;
    d.g[0].tab = gsb_tabpair(b, NULL, NULL, 3, 0.0, 0.0, GS_TAB_HH, A, B, 0.0, 0.0);
    return gsb_tabchannel(b, &d);
}

static enum gs_status
Mg_block_wire(struct gs_cctx *cx, struct gs_element *el)
{
    struct gs_build *b = cctx_build(cx);
    int id = el->solver_index;
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        if (m->type == MSG_VOLTAGE) {
            int c = cctx_id(m->src, GS_K_COMPT);
            if (c < 0)
                return cctx_unsupported(cx, el, m);
            gsb_set_vsrc(b, GS_K_TAB, id, c);
        } else if (m->type == MSG_CHANNEL || m->type == MSG_CHANNEL1 ||
                   m->type == MSG_CHANNEL2) {
            int y = cctx_id(m->src, GS_K_SYN);
            if (y < 0)
                return cctx_unsupported(cx, el, m);
            float ek = m->type == MSG_CHANNEL1 ? GS_INST(struct Mg_block, el)->Ek
                                               : (float)msg_val(m, 1);
            gsb_set_gsyn(b, id, y, ek);
        } else if (m->type != MSG_CHARGE) {
            return cctx_unsupported(cx, el, m);
        }
    }
    return GS_OK;
}

static const struct gs_solver_class Mg_block_solver = {
    .kind = GS_K_TAB,
    .fmap = Mg_block_sfmap,
    .add = Mg_block_add,
    .wire = Mg_block_wire,
};

const struct gs_class Mg_block_class = {
    .name = "Mg_block",
    .classes = "segment channel",
    .desc = "voltage- and [Mg]-dependent block of a channel: Gk = G KMg / (KMg + [Mg])",
    .size = sizeof(struct Mg_block),
    .fields = Mg_block_fields,
    .msgs = Mg_block_msgs,
    .init = Mg_block_step,
    .process = Mg_block_step,
    .reset = Mg_block_reset,
    .check = Mg_block_check,
    .solver = &Mg_block_solver,
};
