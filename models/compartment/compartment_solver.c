/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * compartment_solver.c: how compartments and symcompartments enter the
 * compiled model: their parameters and Vm, then each incoming message in
 * message order (the order in which GENESIS sums them): channels, axial
 * links (previous_state or Vm, as the message names them), injected
 * current and EREST, which are read from their sources before each step.
 */
#include <stdlib.h>
#include <string.h>

#include "compartment_int.h"

/* Rm, Cm or an axial resistance <= 0 would make the update divide by zero
 * (GENESIS would go on with NaN); reset refuses such a compartment and
 * names it. */
static enum gs_status
invalid(struct gs_cctx *cx, const struct gs_element *el, const char *what, double v)
{
    char *p = elem_path_str(el);
    enum gs_status st = gs_error(cctx_sim(cx), "'%s' cannot be simulated: its %s is %g; it "
                                 "must be > 0", p, what, v);
    free(p);
    return st;
}

int
compartment_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct compartment *c = GS_INST(const struct compartment, el);
    struct gsb_compt p = {
        .Em = c->Em, .Rm = c->Rm, .Cm = c->Cm, .Ra = c->Ra, .inject = c->inject,
        .initVm = c->initVm, .dia = c->dia, .len = c->len, .Vm = c->Vm,
        .sym = strcmp(el->cls->name, "symcompartment") == 0,
    };
    return gsb_compartment(cctx_build(cx), &p);
}

/* The axial term of message M carrying the neighbour's Vm in slot K. */
static enum gs_status
axial(struct gs_cctx *cx, struct gs_element *el, int id, const struct gs_msg *m, int k,
      int kind)
{
    int src = cctx_id(m->src, GS_K_COMPT);
    if (src < 0)
        return cctx_unsupported(cx, el, m);
    const struct compartment *s = GS_INST(const struct compartment, m->src);
    /* the resistance is the neighbour's Ra, or this one's for AXIAL */
    const struct compartment *r =
        kind == GS_T_AXIAL ? GS_INST(const struct compartment, el) : s;
    if (!(r->Ra > 0))
        return invalid(cx, kind == GS_T_AXIAL ? el : m->src, "Ra", r->Ra);
    if (m->slot[k].ptr == &s->previous_state)
        kind |= GS_TERM_PREV;
    gsb_term(cctx_build(cx), id, kind, src);
    return GS_OK;
}

/* A CHANNEL message from a plain element (a ghk, which GENESIS runs as a
 * device after the membranes): a tabchannel without gates (Gk = Gbar)
 * whose Gbar and Ek take the message's Gk and Ek before each step, so the
 * compartment uses the values of the element's last PROCESS, as in
 * GENESIS. Gbar is a float, so Gk is rounded to float on the way. */
static void
external_channel(struct gs_cctx *cx, int compt, struct gs_msg *m)
{
    struct gs_build *b = cctx_build(cx);
    struct gsb_tabchan d = {.Gbar = (float)msg_val(m, 0), .Ek = (float)msg_val(m, 1),
                            .vsrc = -1, .vreset = 0};
    for (int k = 0; k < GS_NGATES; k++) {
        d.g[k].tab = -1;
        d.g[k].conc = -1;
    }
    int t = gsb_tabchannel(b, &d);
    gsb_term(b, compt, GS_T_TAB, t);
    cctx_input(cx, GS_K_TAB, t, GS_SF_GBAR, m, 0, false);
    cctx_input(cx, GS_K_TAB, t, GS_SF_EK, m, 1, false);
}

enum gs_status
compartment_wire(struct gs_cctx *cx, struct gs_element *el)
{
    struct gs_build *b = cctx_build(cx);
    int id = el->solver_index;
    bool sym = strcmp(el->cls->name, "symcompartment") == 0;
    const struct compartment *c = GS_INST(const struct compartment, el);
    if (!(c->Rm > 0))
        return invalid(cx, el, "Rm", c->Rm);
    if (!(c->Cm > 0))
        return invalid(cx, el, "Cm", c->Cm);
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        const char *t = msg_type_name(m);
        enum gs_status st = GS_OK;
        if (strcmp(t, "CHANNEL") == 0) {
            int tab = cctx_id(m->src, GS_K_TAB), syn = cctx_id(m->src, GS_K_SYN);
            if (tab >= 0)
                gsb_term(b, id, GS_T_TAB, tab);
            else if (syn >= 0)
                gsb_term(b, id, GS_T_SYN, syn);
            else if (!m->src->cls->solver)
                external_channel(cx, id, m);
            else
                st = cctx_unsupported(cx, el, m);
        } else if (strcmp(t, "INJECT") == 0) {
            cctx_input(cx, GS_K_COMPT, id, GS_SF_INJECT, m, 0, true);
        } else if (strcmp(t, "EREST") == 0) {
            cctx_input(cx, GS_K_COMPT, id, GS_SF_EM, m, 0, false);
        } else if (!sym && strcmp(t, "RAXIAL") == 0) {
            st = axial(cx, el, id, m, 1, GS_T_RAXIAL);
        } else if (!sym && strcmp(t, "AXIAL") == 0) {
            st = axial(cx, el, id, m, 0, GS_T_AXIAL);
        } else if (sym && (strcmp(t, "RAXIAL") == 0 || strcmp(t, "CONNECTTAIL") == 0)) {
            st = axial(cx, el, id, m, 1, GS_T_TAIL);
        } else if (sym && (strcmp(t, "RAXIAL2") == 0 || strcmp(t, "AXIAL") == 0 ||
                           strcmp(t, "CONNECTHEAD") == 0 || strcmp(t, "CONNECTCROSS") == 0)) {
            st = axial(cx, el, id, m, 1, GS_T_HEAD);
        } else {
            st = cctx_unsupported(cx, el, m);
        }
        if (st != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}
