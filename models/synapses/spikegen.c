/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spikegen.c: the spikegen class (GENESIS 2.4): turns a membrane potential
 * into spike events. In a step where the input (the Vm of the previous
 * step) is >= thresh and lastevent + abs_refract <= t + dt/2, it sends a
 * spike on its SPIKE messages, sets state to output_amp and lastevent to
 * t; otherwise state is 0. As in GENESIS it is level-triggered: a Vm that
 * stays above thresh fires again every abs_refract. The test is compiled
 * with the cell it watches.
 */
#include <string.h>

#include "../solver/sclass.h"

struct spikegen {
    struct gs_element el;
    float state;       /* output_amp in the step of a spike, else 0 */
    float thresh;      /* V */
    float output_amp;
    float abs_refract; /* s */
    float lastevent;   /* s */
};

static const struct gs_field spikegen_fields[] = {
    GS_FIELD_F(struct spikegen, state, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "",
               "output_amp in the step of a spike, else 0"),
    GS_FIELD_F(struct spikegen, thresh, GS_FLOAT, GS_F_SOLVER, "V", "spike threshold"),
    GS_FIELD_F(struct spikegen, output_amp, GS_FLOAT, GS_F_SOLVER, "", "amplitude of a spike"),
    GS_FIELD_F(struct spikegen, abs_refract, GS_FLOAT, GS_F_SOLVER, "s",
               "absolute refractory period"),
    GS_FIELD_F(struct spikegen, lastevent, GS_FLOAT, GS_F_SOLVER, "s", "time of the last spike"),
    GS_FIELD_END,
};

static const struct gs_msgdef spikegen_msgs[] = {
    {"INPUT", 1, {"Vm"}, "the potential compared with thresh"},
    {"THRESH", 1, {"threshold"}, "sets the threshold"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap spikegen_sfmap[] = {
    {"state", GS_SF_STATE},         {"thresh", GS_SF_THRESH},       {"output_amp", GS_SF_AMP},
    {"abs_refract", GS_SF_REFRACT}, {"lastevent", GS_SF_LASTEVENT}, {NULL, 0},
};

static enum gs_status
spikegen_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct spikegen, el)->output_amp = 1;
    return GS_OK;
}

static enum gs_status
spikegen_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct spikegen *s = GS_INST(struct spikegen, el);
    s->lastevent = -s->abs_refract;
    s->state = 0;
    return GS_OK;
}

static enum gs_status
spikegen_check(struct gs_sim *sim, struct gs_element *el)
{
    for (int i = 0; i < el->nin; i++)
        if (strcmp(msg_type_name(el->in[i]), "INPUT") == 0)
            return GS_OK;
    return gs_error(sim, "an INPUT message is required");
}

static enum gs_status
spikegen_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
spikegen_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct spikegen *s = GS_INST(const struct spikegen, el);
    struct gsb_spikegen d = {.thresh = s->thresh, .abs_refract = s->abs_refract,
                             .output_amp = s->output_amp, .lastevent = s->lastevent,
                             .vsrc = -1};
    int id = gsb_spikegen(cctx_build(cx), &d);
    gsb_set_gid(cctx_build(cx), GS_K_SRC, id, elem_identity(el));
    return id;
}

static enum gs_status
spikegen_wire(struct gs_cctx *cx, struct gs_element *el)
{
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        if (strcmp(msg_type_name(m), "INPUT") == 0) {
            /* a compartment's Vm is read in the step; any other value is
             * taken from its source before each step */
            int c = cctx_id(m->src, GS_K_COMPT);
            if (c >= 0 && m->slot[0].text && strcmp(m->slot[0].text, "Vm") == 0) {
                gsb_set_vsrc(cctx_build(cx), GS_K_SRC, el->solver_index, c);
            } else {
                gsb_set_vsrc(cctx_build(cx), GS_K_SRC, el->solver_index, GS_VSRC_EXT);
                cctx_input(cx, GS_K_SRC, el->solver_index, GS_SF_INPUT, m, 0, false);
            }
        } else if (strcmp(msg_type_name(m), "THRESH") == 0) {
            cctx_input(cx, GS_K_SRC, el->solver_index, GS_SF_THRESH, m, 0, false);
        } else {
            return cctx_unsupported(cx, el, m);
        }
    }
    return GS_OK;
}

static const struct gs_solver_class spikegen_solver = {
    .kind = GS_K_SRC,
    .fmap = spikegen_sfmap,
    .add = spikegen_add,
    .wire = spikegen_wire,
};

const struct gs_class spikegen_class = {
    .name = "spikegen",
    .classes = "spiking",
    .desc = "spike generator: an event when the input crosses thresh, at most every abs_refract",
    .size = sizeof(struct spikegen),
    .fields = spikegen_fields,
    .msgs = spikegen_msgs,
    .create = spikegen_create,
    .process = spikegen_step,
    .reset = spikegen_reset,
    .check = spikegen_check,
    .solver = &spikegen_solver,
};
