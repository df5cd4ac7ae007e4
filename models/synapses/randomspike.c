/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * randomspike.c: the randomspike class (GENESIS 2.4): Poisson spike
 * events at `rate`, with an absolute refractory period (the rate used,
 * realrate = rate / (1 - rate abs_refract), makes up for it). Amplitudes
 * are uniform in [min_amp, max_amp]. Random numbers come from the
 * counter-based streams keyed by the element's identity, the step and the
 * seed, so a run never depends on how elements are divided among ranks.
 * The draws are made in the compiled model.
 */
#include <math.h>
#include <string.h>

#include "../solver/sclass.h"

struct randomspike {
    struct gs_element el;
    float state;        /* amplitude of the last spike, or reset_value */
    float rate;         /* 1/s */
    int reset;          /* set state to reset_value every step */
    float reset_value;
    float min_amp, max_amp;
    float abs_refract;  /* s */
    float lastevent;    /* s */
    float realrate;     /* 1/s (computed) */
};

static const struct gs_field randomspike_fields[] = {
    GS_FIELD_F(struct randomspike, state, GS_FLOAT, GS_F_SOLVER, "", "amplitude of the last spike"),
    GS_FIELD_F(struct randomspike, rate, GS_FLOAT, GS_F_SOLVER, "1/s", "mean spike rate"),
    GS_FIELD_F(struct randomspike, reset, GS_INT, GS_F_SOLVER, "",
               "nonzero: state returns to reset_value every step"),
    GS_FIELD_F(struct randomspike, reset_value, GS_FLOAT, GS_F_SOLVER, "", "state between spikes"),
    GS_FIELD_F(struct randomspike, min_amp, GS_FLOAT, GS_F_SOLVER, "", "smallest amplitude"),
    GS_FIELD_F(struct randomspike, max_amp, GS_FLOAT, GS_F_SOLVER, "", "largest amplitude"),
    GS_FIELD_F(struct randomspike, abs_refract, GS_FLOAT, GS_F_SOLVER, "s",
               "absolute refractory period"),
    GS_FIELD_F(struct randomspike, lastevent, GS_FLOAT, GS_F_SOLVER, "s", "time of the last spike"),
    GS_FIELD_RO(struct randomspike, realrate, GS_FLOAT, "1/s",
                "rate corrected for the refractory period"),
    GS_FIELD_END,
};

static const struct gs_msgdef randomspike_msgs[] = {
    {"RATE", 1, {"rate"}, "sets the rate"},
    {"MINMAX", 2, {"min_amp", "max_amp"}, "sets the amplitude range"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap randomspike_sfmap[] = {
    {"state", GS_SF_STATE},     {"rate", GS_SF_RATE},     {"reset", GS_SF_RESET},
    {"reset_value", GS_SF_RESETV}, {"min_amp", GS_SF_MINAMP}, {"max_amp", GS_SF_MAXAMP},
    {"abs_refract", GS_SF_REFRACT}, {"lastevent", GS_SF_LASTEVENT}, {NULL, 0},
};

static void
update_realrate(struct randomspike *r)
{
    float p = 1.0f - r->rate * r->abs_refract;
    r->realrate = p <= 1e-7f ? r->rate : r->rate / p;
}

static void
randomspike_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f)
{
    (void)sim;
    if (strcmp(f->name, "rate") == 0 || strcmp(f->name, "abs_refract") == 0)
        update_realrate(GS_INST(struct randomspike, el));
}

/* GENESIS's defaults (newconnlib.g): state returns to reset_value after
 * each step, and spikes have amplitude 1. */
static enum gs_status
randomspike_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct randomspike *r = GS_INST(struct randomspike, el);
    r->reset = 1;
    r->min_amp = r->max_amp = 1;
    return GS_OK;
}

static enum gs_status
randomspike_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct randomspike *r = GS_INST(struct randomspike, el);
    r->state = r->reset_value;
    update_realrate(r);
    if (r->rate <= 0.0f) {
        r->lastevent = 0;
        r->realrate = 0;
        return GS_OK;
    }
    /* a random time in the past, so a fast source need not fire at t = 0 */
    if (rng_genesis(&sim->rng)) { /* GENESIS: m = 1/rate; lastevent = m * log(p) */
        float p = 0.0f, m = (float)(1.0 / (double)r->rate);
        while (p == 0.0f)
            p = rng_genesis_urandom(&sim->rng);
        r->lastevent = (float)((double)m * log((double)p));
        return GS_OK;
    }
    float u = 0.0f;
    for (uint64_t k = 0; u == 0.0f; k++)
        u = (float)rng_key_uniform(sim->opt.seed, elem_identity(el), 0x52535431, k);
    r->lastevent = (1.0f / r->rate) * logf(u);
    return GS_OK;
}

static enum gs_status
randomspike_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct randomspike *r = GS_INST(const struct randomspike, el);
    if (r->rate < 0)
        return gs_error(sim, "rate must be >= 0, got %g", r->rate);
    if (r->rate * r->abs_refract >= 1)
        return gs_error(sim, "rate %g is too high for abs_refract %g", r->rate, r->abs_refract);
    return GS_OK;
}

static enum gs_status
randomspike_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
randomspike_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct randomspike *r = GS_INST(const struct randomspike, el);
    struct gsb_randomspike d = {
        .rate = r->rate, .abs_refract = r->abs_refract, .reset_value = r->reset_value,
        .min_amp = r->min_amp, .max_amp = r->max_amp, .lastevent = r->lastevent,
        .state = r->state, .reset = (short)r->reset,
        .stride = (int)clock_ratio(cctx_sim(cx)->model, el->clock),
        .dt = cctx_sim(cx)->model->clock[el->clock],
    };
    int id = gsb_randomspike(cctx_build(cx), &d);
    gsb_set_gid(cctx_build(cx), GS_K_SRC, id, elem_identity(el));
    return id;
}

static enum gs_status
randomspike_wire(struct gs_cctx *cx, struct gs_element *el)
{
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        if (strcmp(msg_type_name(m), "RATE") == 0) {
            cctx_input(cx, GS_K_SRC, el->solver_index, GS_SF_RATE, m, 0, false);
        } else if (strcmp(msg_type_name(m), "MINMAX") == 0) {
            cctx_input(cx, GS_K_SRC, el->solver_index, GS_SF_MINAMP, m, 0, false);
            cctx_input(cx, GS_K_SRC, el->solver_index, GS_SF_MAXAMP, m, 1, false);
        } else {
            return cctx_unsupported(cx, el, m);
        }
    }
    return GS_OK;
}

static const struct gs_solver_class randomspike_solver = {
    .kind = GS_K_SRC,
    .fmap = randomspike_sfmap,
    .add = randomspike_add,
    .wire = randomspike_wire,
    .clocked = true,
};

const struct gs_class randomspike_class = {
    .name = "randomspike",
    .classes = "spiking",
    .desc = "Poisson spike source with refractory period and random amplitudes",
    .size = sizeof(struct randomspike),
    .fields = randomspike_fields,
    .msgs = randomspike_msgs,
    .process = randomspike_step,
    .create = randomspike_create,
    .reset = randomspike_reset,
    .check = randomspike_check,
    .field_set = randomspike_field_set,
    .solver = &randomspike_solver,
};
