/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * compartment_int.h: what compartment and symcompartment share: the
 * instance struct (GENESIS's COMPARTMENT_TYPE, with its float fields), the
 * RESET and CHECK actions, the Em/initVm rule, and the description the
 * compiled model gets (compartment_solver.c). Private to
 * models/compartment.
 */
#ifndef GS_COMPARTMENT_INT_H
#define GS_COMPARTMENT_INT_H

#include "../core/core.h"
#include "../solver/sclass.h"

struct compartment {
    struct gs_element el;
    double Vm;             /* membrane potential, V */
    double previous_state; /* Vm at the start of the step, V */
    float Im;              /* axial and injected current, A (computed) */
    float Em;              /* leak reversal potential, V */
    float Rm;              /* membrane resistance, ohm */
    float Cm;              /* membrane capacitance, F */
    float Ra;              /* axial resistance, ohm */
    float inject;          /* injected current, A */
    float dia, len;        /* size, m (not used numerically) */
    float initVm;          /* Vm after reset, V */
    float coeff, coeff2;   /* symcompartment: shares of Ra at the two ends */
    float em_seen;         /* Em before the last setfield (initVm follows it) */
};

enum gs_status compartment_create(struct gs_sim *sim, struct gs_element *el);
enum gs_status compartment_reset(struct gs_sim *sim, struct gs_element *el);
enum gs_status compartment_check(struct gs_sim *sim, struct gs_element *el);
enum gs_status compartment_step(struct gs_sim *sim, struct gs_element *el,
                                const struct gs_tick *tick);
void compartment_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f);

/* The compiled model's view, for both classes. */
extern const struct gs_sfmap compartment_sfmap[];
int compartment_add(struct gs_cctx *cx, struct gs_element *el);
enum gs_status compartment_wire(struct gs_cctx *cx, struct gs_element *el);

#endif
