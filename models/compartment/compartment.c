/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * compartment.c: the compartment class (GENESIS 2.4's asymmetric
 * compartment): fields, messages and actions, and the parts symcompartment
 * shares. The membrane update itself is compiled (models/solver): at reset
 * the compartments, their channels and messages become arrays, and this
 * class's scheduled actions only mark where in the step that happens.
 *
 * GENESIS keeps Em, Rm, Cm, Ra, inject, initVm, Im, dia and len as C floats;
 * so does this class, and the solver computes with the same roundings.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compartment_int.h"

static const struct gs_field compartment_fields[] = {
    GS_FIELD_F(struct compartment, Vm, GS_REAL, GS_F_SOLVER, "V", "membrane potential"),
    GS_FIELD_F(struct compartment, previous_state, GS_REAL, GS_F_SOLVER, "V",
               "Vm at the start of the step"),
    GS_FIELD_F(struct compartment, Im, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "A",
               "axial and injected current"),
    GS_FIELD_F(struct compartment, Em, GS_FLOAT, GS_F_SOLVER, "V", "resting (leak) potential"),
    GS_FIELD_F(struct compartment, Rm, GS_FLOAT, GS_F_SOLVER, "ohm", "membrane resistance"),
    GS_FIELD_F(struct compartment, Cm, GS_FLOAT, GS_F_SOLVER, "F", "membrane capacitance"),
    GS_FIELD_F(struct compartment, Ra, GS_FLOAT, GS_F_SOLVER, "ohm", "axial resistance"),
    GS_FIELD_F(struct compartment, inject, GS_FLOAT, GS_F_SOLVER, "A", "injected current"),
    GS_FIELD_F(struct compartment, dia, GS_FLOAT, GS_F_SOLVER, "m",
               "diameter (not used numerically)"),
    GS_FIELD_F(struct compartment, len, GS_FLOAT, GS_F_SOLVER, "m",
               "length (not used numerically)"),
    GS_FIELD_F(struct compartment, initVm, GS_FLOAT, GS_F_SOLVER, "V", "Vm after reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef compartment_msgs[] = {
    {"CHANNEL", 2, {"Gk", "Ek"}, "a channel's conductance and reversal potential"},
    {"RAXIAL", 2, {"Ra", "Vm"}, "the next compartment's axial resistance and Vm"},
    {"AXIAL", 1, {"Vm"}, "the previous compartment's Vm (through this Ra)"},
    {"INJECT", 1, {"inject"}, "injected current; the inputs are summed into inject"},
    {"RANDINJECT", 2, {"probability", "amplitude"}, "random current pulses"},
    {"EREST", 1, {"Em"}, "sets Em"},
    GS_MSGDEF_END,
};

const struct gs_sfmap compartment_sfmap[] = {
    {"Vm", GS_SF_VM},         {"previous_state", GS_SF_PREV}, {"Im", GS_SF_IM},
    {"Em", GS_SF_EM},         {"Rm", GS_SF_RM},               {"Cm", GS_SF_CM},
    {"Ra", GS_SF_RA},         {"inject", GS_SF_INJECT},       {"dia", GS_SF_DIA},
    {"len", GS_SF_LEN},       {"initVm", GS_SF_INITVM},       {NULL, 0},
};

enum gs_status
compartment_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct compartment *c = GS_INST(struct compartment, el);
    c->Rm = 1;
    c->Cm = 1;
    return GS_OK;
}

/* compartment.c RESET: Vm starts at initVm. */
enum gs_status
compartment_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct compartment *c = GS_INST(struct compartment, el);
    c->Vm = c->initVm;
    c->previous_state = c->Vm;
    return GS_OK;
}

enum gs_status
compartment_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct compartment *c = GS_INST(struct compartment, el);
    if (!(c->Rm > 0))
        return gs_error(sim, "invalid Rm %g: it must be > 0", c->Rm);
    if (!(c->Cm > 0))
        return gs_error(sim, "invalid Cm %g: it must be > 0", c->Cm);
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        const char *t = msg_type_name(m);
        if ((strcmp(t, "RAXIAL") == 0 && msg_val(m, 0) <= 0) ||
            (strcmp(t, "AXIAL") == 0 && el->cls->msgs[m->type].nslots == 1 && !(c->Ra > 0)))
            return gs_error(sim, "invalid axial resistance for message %s: it must be > 0", t);
    }
    return GS_OK;
}

/* The update is compiled; an element left out of the compiled model
 * (under a disabled element) is not simulated, as in GENESIS. */
enum gs_status
compartment_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

/* GENESIS's SET action: initVm follows Em while the two were equal (to
 * 0.1% of Em), so `setfield Em` alone moves where reset starts. */
void
compartment_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    struct compartment *c = GS_INST(struct compartment, el);
    if (strcmp(f->name, "Em") != 0)
        return;
    if (fabsf(c->em_seen - c->initVm) <= fabsf(c->em_seen / 1000.0f)) {
        c->initVm = c->Em;
        gs_solver_push(sim, el, "initVm");
    }
    c->em_seen = c->Em;
}

static const struct gs_solver_class compartment_solver = {
    .kind = GS_K_COMPT,
    .fmap = compartment_sfmap,
    .add = compartment_add,
    .wire = compartment_wire,
};

const struct gs_class compartment_class = {
    .name = "compartment",
    .classes = "segment membrane",
    .desc = "axially asymmetric compartment: membrane RC with channels and axial links",
    .size = sizeof(struct compartment),
    .fields = compartment_fields,
    .msgs = compartment_msgs,
    .create = compartment_create,
    .init = compartment_step,
    .process = compartment_step,
    .reset = compartment_reset,
    .check = compartment_check,
    .field_set = compartment_field_set,
    .solver = &compartment_solver,
};
