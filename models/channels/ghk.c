/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghk.c: the ghk class (GENESIS 2.4, segment/ghk.c): the Goldman-Hodgkin-
 * Katz current of one ion,
 *     Ik = -p F z K Vm (Cin - Cout exp(-K Vm)) / (1 - exp(-K Vm)),
 *     K = z F / (R (T + 273.15)),
 * with Ek = ln(Cout/Cin) / K and the chord conductance Gk = Ik / (Ek - Vm),
 * so that a compartment can take it as a channel (CHANNEL Gk Ek). p is
 * the sum of the PERMEABILITY messages of the step (0 without any).
 * A plain element (class device): it runs its PROCESS action after the
 * compiled model's step, as GENESIS runs it after the membranes; the
 * compartment takes its Gk and Ek before the next step (glue: a CHANNEL
 * from a plain element). K is computed at RESET only. Fields are GENESIS's
 * floats and doubles, and the arithmetic follows ghk.c's order.
 */
#include <math.h>
#include <stdlib.h>

#include "../core/core.h"

#define GHK_FARADAY 9.6487e4   /* C / mol */
#define GHK_ZERO_C 273.15      /* K */
#define GHK_F_OVER_R 1.1605364e4 /* K / V */

enum { MSG_CIN, MSG_COUT, MSG_CIN2, MSG_COUT2, MSG_VOLTAGE, MSG_PERM };

struct ghk {
    struct gs_element el;
    double Ik;        /* current, A (computed) */
    double Gk;        /* chord conductance, S (computed) */
    float Ek;         /* reversal potential, V (computed) */
    float T;          /* temperature, degrees Celsius */
    double p;         /* permeability (sum of the PERMEABILITY messages) */
    double Vm;        /* membrane potential (VOLTAGE) */
    float Cin, Cout;  /* concentrations, mM */
    int valency;      /* z */
    float constant;   /* z F / (R (T + 273.15)), computed at reset */
};

static const struct gs_field ghk_fields[] = {
    GS_FIELD(struct ghk, Ik, GS_REAL, "A", "current of the ion (computed)"),
    GS_FIELD(struct ghk, Gk, GS_REAL, "S", "chord conductance Ik / (Ek - Vm) (computed)"),
    GS_FIELD(struct ghk, Ek, GS_FLOAT, "V", "reversal potential (computed)"),
    GS_FIELD(struct ghk, T, GS_FLOAT, "degC", "temperature"),
    GS_FIELD(struct ghk, p, GS_REAL, "", "permeability (the PERMEABILITY messages' sum)"),
    GS_FIELD(struct ghk, Vm, GS_REAL, "V", "membrane potential"),
    GS_FIELD(struct ghk, Cin, GS_FLOAT, "mM", "concentration inside"),
    GS_FIELD(struct ghk, Cout, GS_FLOAT, "mM", "concentration outside"),
    GS_FIELD(struct ghk, valency, GS_INT, "", "charge of the ion"),
    GS_FIELD_RO(struct ghk, constant, GS_FLOAT, "1/V", "z F / (R (T + 273.15)), set at reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef ghk_msgs[] = {
    [MSG_CIN] = {"Cin", 1, {"intracell_concen"}, "sets Cin"},
    [MSG_COUT] = {"Cout", 1, {"extracell_concen"}, "sets Cout"},
    [MSG_CIN2] = {"CIN", 1, {"intracell_concen"}, "sets Cin (as Cin)"},
    [MSG_COUT2] = {"COUT", 1, {"extracell_concen"}, "sets Cout (as Cout)"},
    [MSG_VOLTAGE] = {"VOLTAGE", 1, {"Vm"}, "the membrane potential"},
    [MSG_PERM] = {"PERMEABILITY", 1, {"p"}, "added to p for the step"},
    GS_MSGDEF_END,
};

static enum gs_status
ghk_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct ghk *g = GS_INST(struct ghk, el);
    if (g->valency == 0 || !(g->T + GHK_ZERO_C > 0)) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s': %s", p,
                 g->valency == 0 ? "valency is 0; it must be the ion's charge (2 for Ca)"
                                 : "T is at or below absolute zero");
        free(p);
        return GS_ERR;
    }
    g->constant = (float)(GHK_F_OVER_R * g->valency / (g->T + GHK_ZERO_C));
    return GS_OK;
}

static enum gs_status
ghk_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct ghk *g = GS_INST(struct ghk, el);
    g->p = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        double v = msg_val(m, 0);
        switch (m->type) {
        case MSG_CIN:
        case MSG_CIN2:
            g->Cin = (float)v;
            break;
        case MSG_COUT:
        case MSG_COUT2:
            g->Cout = (float)v;
            break;
        case MSG_VOLTAGE:
            g->Vm = v;
            break;
        case MSG_PERM:
            g->p += v;
            break;
        }
    }
    g->Ek = (float)(log((double)(g->Cout / g->Cin)) / g->constant);
    double x = g->constant * g->Vm, ex = exp(-x);
    if (fabs(x) < .00001)
        g->Ik = -g->valency * g->p * GHK_FARADAY * (g->Cin - (g->Cout * ex)) / (1 - 0.5 * x);
    else
        g->Ik = -g->p * GHK_FARADAY * g->valency * x * (g->Cin - (g->Cout * ex)) / (1.0 - ex);
    double d = g->Ek - g->Vm;
    if (fabs(d) < 1e-12)
        g->Ik = g->Gk = 0.0;
    else
        g->Gk = g->Ik / d;
    return GS_OK;
}

static enum gs_status
ghk_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct ghk *g = GS_INST(const struct ghk, el);
    if (g->valency == 0)
        return gs_error(sim, "invalid ionic valency z (0)");
    if (g->Cin < 0)
        return gs_error(sim, "invalid intracellular concentration Cin (%g)", (double)g->Cin);
    if (g->Cout < 0)
        return gs_error(sim, "invalid extracellular concentration Cout (%g)", (double)g->Cout);
    if (g->T + GHK_ZERO_C <= 0)
        return gs_error(sim, "invalid temperature T (%g)", (double)g->T);
    if (g->p < 0)
        return gs_error(sim, "invalid permeability p (%g)", g->p);
    return GS_OK;
}

const struct gs_class ghk_class = {
    .name = "ghk",
    .classes = "channel device",
    .desc = "Goldman-Hodgkin-Katz current of one ion, with its Ek and chord Gk",
    .size = sizeof(struct ghk),
    .fields = ghk_fields,
    .msgs = ghk_msgs,
    .reset = ghk_reset,
    .process = ghk_process,
    .check = ghk_check,
};
