/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nernst.c: the nernst class (GENESIS 2.4, device/nernst.c): the
 * equilibrium potential of one ion, E = constant ln(Cout / Cin) with
 * constant = scale (R/F) (T + 273.15) / valency, in volts times scale.
 * A plain element (class device): it runs its PROCESS action at the
 * devices' place in the schedule, after the compiled model's step, so a
 * channel's EK message reads the E of the previous step, as in GENESIS.
 * The constant is recomputed at RESET and when a TEMP message arrives,
 * not when scale, valency or T are set (GENESIS does the same).
 * Every field is a C float in GENESIS (valency a short) and rounds so here.
 */
#include <math.h>
#include <stdlib.h>

#include "../core/core.h"

#define NERNST_R_OVER_F 8.6171458e-5 /* V / K, GENESIS's value */
#define NERNST_ZERO_C 273.15         /* K */

enum { MSG_CIN, MSG_COUT, MSG_TEMP };

struct nernst {
    struct gs_element el;
    float constant;   /* scale R/(zF) (T + 273.15), computed */
    float E;          /* equilibrium potential (V times scale), computed */
    float T;          /* temperature, degrees Celsius */
    int valency;      /* z */
    float Cin, Cout;  /* concentrations inside and outside */
    float scale;      /* voltage scale factor (1: volts, 1000: mV) */
};

static const struct gs_field nernst_fields[] = {
    GS_FIELD_RO(struct nernst, constant, GS_FLOAT, "V", "scale R/(zF) (T + 273.15), computed"),
    GS_FIELD(struct nernst, E, GS_FLOAT, "V", "equilibrium potential, constant ln(Cout/Cin)"),
    GS_FIELD(struct nernst, T, GS_FLOAT, "degC", "temperature"),
    GS_FIELD(struct nernst, valency, GS_INT, "", "ionic valency z"),
    GS_FIELD(struct nernst, Cin, GS_FLOAT, "", "internal concentration"),
    GS_FIELD(struct nernst, Cout, GS_FLOAT, "", "external concentration"),
    GS_FIELD(struct nernst, scale, GS_FLOAT, "", "voltage scale factor (1: volts)"),
    GS_FIELD_END,
};

static const struct gs_msgdef nernst_msgs[] = {
    [MSG_CIN] = {"CIN", 1, {"Cin"}, "sets Cin"},
    [MSG_COUT] = {"COUT", 1, {"Cout"}, "sets Cout"},
    [MSG_TEMP] = {"TEMP", 1, {"T"}, "sets T and recomputes the constant"},
    GS_MSGDEF_END,
};

static void
nernst_constant(struct nernst *n)
{
    n->constant = (float)(n->scale * NERNST_R_OVER_F * (n->T + NERNST_ZERO_C) / n->valency);
}

static void
nernst_e(struct nernst *n)
{
    n->E = (float)(n->constant * log((double)(n->Cout / n->Cin)));
}

static enum gs_status
nernst_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct nernst *n = GS_INST(struct nernst, el);
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        float v = (float)msg_val(m, 0);
        if (m->type == MSG_CIN)
            n->Cin = v;
        else if (m->type == MSG_COUT)
            n->Cout = v;
        else if (m->type == MSG_TEMP)
            n->T = v;
    }
    if (n->valency == 0) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s': valency is 0; it must be the ion's charge (1 for Na, 2 for Ca)", p);
        free(p);
        return GS_ERR;
    }
    nernst_constant(n);
    nernst_e(n);
    return GS_OK;
}

static enum gs_status
nernst_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct nernst *n = GS_INST(struct nernst, el);
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        float v = (float)msg_val(m, 0);
        if (m->type == MSG_CIN) {
            n->Cin = v;
        } else if (m->type == MSG_COUT) {
            n->Cout = v;
        } else if (m->type == MSG_TEMP) {
            n->T = v;
            nernst_constant(n);
        }
    }
    nernst_e(n);
    return GS_OK;
}

static enum gs_status
nernst_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct nernst *n = GS_INST(const struct nernst, el);
    float cin = n->Cin, cout = n->Cout;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        if (m->type == MSG_CIN)
            cin = (float)msg_val(m, 0);
        else if (m->type == MSG_COUT)
            cout = (float)msg_val(m, 0);
    }
    if (n->valency == 0)
        return gs_error(sim, "invalid ionic valency z (0)");
    if (cin == 0)
        return gs_error(sim, "invalid intracellular concentration Cin (0)");
    if (cout == 0)
        return gs_error(sim, "invalid extracellular concentration Cout (0)");
    if (n->scale <= 0)
        return gs_error(sim, "invalid scale %g: it must be > 0", (double)n->scale);
    return GS_OK;
}

const struct gs_class nernst_class = {
    .name = "nernst",
    .classes = "device channel",
    .desc = "Nernst potential of one ion: E = scale RT/(zF) ln(Cout/Cin)",
    .size = sizeof(struct nernst),
    .fields = nernst_fields,
    .msgs = nernst_msgs,
    .reset = nernst_reset,
    .process = nernst_process,
    .check = nernst_check,
};
