/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * symcompartment.c: the symcompartment class (GENESIS 2.4): a compartment
 * whose axial resistance is split between its two ends. At reset each end
 * takes a share coeff (coeff2) = (1 + sum of Ra/Ra_neighbour over the
 * links at that end) / 2, and a link's resistance is the neighbour's Ra
 * times that share. Shares its instance and actions with compartment.
 */
#include "compartment_int.h"

static const struct gs_field symcompartment_fields[] = {
    GS_FIELD_F(struct compartment, Vm, GS_REAL, GS_F_SOLVER, "V", "membrane potential"),
    GS_FIELD_F(struct compartment, previous_state, GS_REAL, GS_F_SOLVER, "V",
               "Vm at the start of the step"),
    GS_FIELD_F(struct compartment, Im, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "A",
               "axial and injected current"),
    GS_FIELD_F(struct compartment, Em, GS_FLOAT, GS_F_SOLVER, "V", "resting (leak) potential"),
    GS_FIELD_F(struct compartment, Rm, GS_FLOAT, GS_F_SOLVER, "ohm", "membrane resistance"),
    GS_FIELD_F(struct compartment, Cm, GS_FLOAT, GS_F_SOLVER, "F", "membrane capacitance"),
    GS_FIELD_F(struct compartment, Ra, GS_FLOAT, GS_F_SOLVER, "ohm", "total axial resistance"),
    GS_FIELD_F(struct compartment, inject, GS_FLOAT, GS_F_SOLVER, "A", "injected current"),
    GS_FIELD_F(struct compartment, dia, GS_FLOAT, GS_F_SOLVER, "m",
               "diameter (not used numerically)"),
    GS_FIELD_F(struct compartment, len, GS_FLOAT, GS_F_SOLVER, "m",
               "length (not used numerically)"),
    GS_FIELD_F(struct compartment, initVm, GS_FLOAT, GS_F_SOLVER, "V", "Vm after reset"),
    GS_FIELD_F(struct compartment, coeff, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "",
               "share of Ra at the tail (computed at reset)"),
    GS_FIELD_F(struct compartment, coeff2, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "",
               "share of Ra at the head (computed at reset)"),
    GS_FIELD_END,
};

static const struct gs_msgdef symcompartment_msgs[] = {
    {"CHANNEL", 2, {"Gk", "Ek"}, "a channel's conductance and reversal potential"},
    {"RAXIAL", 2, {"Ra", "Vm"}, "a compartment at the tail (as CONNECTTAIL)"},
    {"RAXIAL2", 2, {"Ra", "Vm"}, "a compartment at the head (as CONNECTHEAD)"},
    {"AXIAL", 2, {"Ra", "Vm"}, "a compartment at the head (as CONNECTHEAD)"},
    {"CONNECTTAIL", 2, {"Ra", "Vm"}, "a compartment at the tail"},
    {"CONNECTHEAD", 2, {"Ra", "Vm"}, "a compartment at the head"},
    {"INJECT", 1, {"inject"}, "injected current; the inputs are summed into inject"},
    {"CONNECTCROSS", 2, {"Ra", "Vm"}, "another compartment on the same head node"},
    {"EREST", 1, {"Em"}, "sets Em"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap symcompartment_sfmap[] = {
    {"Vm", GS_SF_VM},         {"previous_state", GS_SF_PREV}, {"Im", GS_SF_IM},
    {"Em", GS_SF_EM},         {"Rm", GS_SF_RM},               {"Cm", GS_SF_CM},
    {"Ra", GS_SF_RA},         {"inject", GS_SF_INJECT},       {"dia", GS_SF_DIA},
    {"len", GS_SF_LEN},       {"initVm", GS_SF_INITVM},       {"coeff", GS_SF_COEFF},
    {"coeff2", GS_SF_COEFF2}, {NULL, 0},
};

static const struct gs_solver_class symcompartment_solver = {
    .kind = GS_K_COMPT,
    .fmap = symcompartment_sfmap,
    .add = compartment_add,
    .wire = compartment_wire,
};

const struct gs_class symcompartment_class = {
    .name = "symcompartment",
    .classes = "segment membrane",
    .isa = "compartment",
    .desc = "axially symmetric compartment: Ra split between the two ends",
    .size = sizeof(struct compartment),
    .fields = symcompartment_fields,
    .msgs = symcompartment_msgs,
    .create = compartment_create,
    .init = compartment_step,
    .process = compartment_step,
    .reset = compartment_reset,
    .check = compartment_check,
    .field_set = compartment_field_set,
    .solver = &symcompartment_solver,
};
