/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * synchan.c: the synchan class (GENESIS 2.4): a synaptic channel with a
 * dual-exponential (alpha when tau1 = tau2) conductance, normalised so a
 * single event of weight 1 peaks at gmax. Each SPIKE message is a synapse
 * with its own weight and delay (synapse[i].weight, synapse[i].delay); a
 * spike adds weight/dt to the activation of the step it arrives in,
 * int(delay/dt + 0.9) steps after it was sent. `frequency` adds
 * Poisson background events (drawn from the counter-based streams).
 *
 * The update and the spike queues are compiled. Each SPIKE message's data
 * holds its synapse's weight, delay and last_spike_time; while compiled
 * the model holds them (GS_K_SYNAPSE), fields read and write through to
 * it, and the values come back here when the model is released.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"

struct synchan {
    struct gs_element el;
    float activation;
    double Ik, Gk;          /* A, S (computed) */
    float Ek;               /* V */
    double X, Y;            /* dual-exponential state */
    float tau1, tau2;       /* s */
    float gmax;             /* S */
    float frequency;        /* background events per second */
    int nsynapses;          /* SPIKE messages */
    int normalize_weights;  /* divide gmax's normalisation by nsynapses */
    float nodes_per_synapse;
};

/* A synapse: the data of one SPIKE message. */
struct synapse {
    float weight, delay, last_spike_time;
};

static const struct gs_field synchan_fields[] = {
    GS_FIELD_F(struct synchan, activation, GS_FLOAT, GS_F_SOLVER | GS_F_RO, "",
               "driving input of this step"),
    GS_FIELD_F(struct synchan, Ik, GS_REAL, GS_F_SOLVER, "A", "channel current"),
    GS_FIELD_F(struct synchan, Gk, GS_REAL, GS_F_SOLVER, "S", "conductance"),
    GS_FIELD_F(struct synchan, Ek, GS_FLOAT, GS_F_SOLVER, "V", "reversal potential"),
    GS_FIELD_F(struct synchan, X, GS_REAL, GS_F_SOLVER, "", "first state variable"),
    GS_FIELD_F(struct synchan, Y, GS_REAL, GS_F_SOLVER, "", "second state variable"),
    GS_FIELD_F(struct synchan, tau1, GS_FLOAT, GS_F_SOLVER, "s",
               "first time constant (takes effect at reset)"),
    GS_FIELD_F(struct synchan, tau2, GS_FLOAT, GS_F_SOLVER, "s",
               "second time constant (takes effect at reset)"),
    GS_FIELD_F(struct synchan, gmax, GS_FLOAT, GS_F_SOLVER, "S",
               "peak conductance of one event of weight 1 (takes effect at reset)"),
    GS_FIELD_F(struct synchan, frequency, GS_FLOAT, GS_F_SOLVER, "1/s",
               "rate of random background events"),
    GS_FIELD_RO(struct synchan, nsynapses, GS_INT, "", "number of SPIKE messages (synapses)"),
    GS_FIELD_F(struct synchan, normalize_weights, GS_INT, GS_F_SOLVER, "",
               "nonzero: divide the normalisation by nsynapses"),
    GS_FIELD(struct synchan, nodes_per_synapse, GS_FLOAT, "",
             "event buffer per synapse (kept for compatibility; the queue grows)"),
    GS_FIELD_END,
};

static const struct gs_msgdef synchan_msgs[] = {
    {"VOLTAGE", 1, {"Vm"}, "the membrane potential of the compartment"},
    {"ACTIVATION", 1, {"activation"}, "graded activation added each step"},
    {"RAND_ACTIVATION", 2, {"probability", "amplitude"}, "random activation"},
    {"MOD", 1, {"modulation"}, "scales the activation"},
    {"SPIKE", 0, {NULL}, "a synapse: spikes from a spikegen or randomspike"},
    GS_MSGDEF_END,
};

static const struct gs_sfmap synchan_sfmap[] = {
    {"activation", GS_SF_ACT}, {"Ik", GS_SF_IK},     {"Gk", GS_SF_GK},
    {"Ek", GS_SF_EK},          {"X", GS_SF_X},       {"Y", GS_SF_Y},
    {"tau1", GS_SF_TAU1},      {"tau2", GS_SF_TAU2}, {"gmax", GS_SF_GMAX},
    {"frequency", GS_SF_FREQ}, {"normalize_weights", GS_SF_NORMW}, {NULL, 0},
};

static bool
is_spike(const struct gs_msg *m)
{
    return strcmp(msg_type_name(m), "SPIKE") == 0;
}

/* The I-th SPIKE message of EL, or NULL. */
static struct gs_msg *
synapse_msg(const struct gs_element *el, int i)
{
    for (int k = 0; k < el->nin; k++)
        if (is_spike(el->in[k]) && i-- == 0)
            return el->in[k];
    return NULL;
}

static const struct gs_field synapse_fields[] = {
    {"weight", GS_FLOAT, offsetof(struct synapse, weight), sizeof(float), "", GS_F_SOLVER,
     "weight of the synapse"},
    {"delay", GS_FLOAT, offsetof(struct synapse, delay), sizeof(float), "s", GS_F_SOLVER,
     "conduction delay of the synapse"},
    {"last_spike_time", GS_FLOAT, offsetof(struct synapse, last_spike_time), sizeof(float),
     "s", GS_F_SOLVER, "arrival time of the last spike (reset: -1)"},
    GS_FIELD_END,
};

static const struct gs_sfmap synapse_sfmap[] = {
    {"weight", GS_SF_WEIGHT}, {"delay", GS_SF_DELAY}, {"last_spike_time", GS_SF_LASTSPIKE},
    {NULL, 0},
};

static const struct gs_solver_sub synapse_sub = {
    .kind = GS_K_SYNAPSE,
    .fields = synapse_fields,
    .fmap = synapse_sfmap,
    .msg = synapse_msg,
};

/* synapse[I].FIELD */
static bool
synchan_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    long i;
    int n = 0;
    char sub[32];
    if (sscanf(name, "synapse[%ld].%31[a-z_]%n", &i, sub, &n) != 2 || name[n] != '\0')
        return false;
    struct gs_msg *m = i >= 0 && i <= INT_MAX ? synapse_msg(el, (int)i) : NULL;
    if (!m)
        return false;
    for (const struct gs_field *f = synapse_fields; f->name; f++)
        if (strcmp(f->name, sub) == 0) {
            out->field = f;
            out->type = f->type;
            out->addr = (char *)m->data + f->offset;
            out->flags = f->flags;
            out->sub = (int)i;
            return true;
        }
    return false;
}

static enum gs_status
synchan_msg_added(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    (void)sim;
    if (!is_spike(m))
        return GS_OK;
    struct synapse *s = xcalloc(1, sizeof *s);
    s->weight = 1;
    s->last_spike_time = -1;
    m->data = s;
    GS_INST(struct synchan, el)->nsynapses++;
    return GS_OK;
}

static void
synchan_msg_deleted(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    (void)sim;
    /* the synapse (m->data) goes with the message */
    if (is_spike(m))
        GS_INST(struct synchan, el)->nsynapses--;
}

static void
synchan_msg_copied(struct gs_sim *sim, struct gs_msg *dst, const struct gs_msg *src)
{
    (void)sim;
    if (dst->data && src->data)
        *(struct synapse *)dst->data = *(const struct synapse *)src->data;
}

static enum gs_status
synchan_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct synchan, el)->nodes_per_synapse = 1;
    return GS_OK;
}

/* synchan.c RESET: state and pending events cleared. */
static enum gs_status
synchan_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct synchan *s = GS_INST(struct synchan, el);
    s->activation = 0;
    s->Gk = s->Ik = 0;
    s->X = s->Y = 0;
    for (int i = 0; i < el->nin; i++)
        if (is_spike(el->in[i]) && el->in[i]->data)
            ((struct synapse *)el->in[i]->data)->last_spike_time = -1;
    return GS_OK;
}

static enum gs_status
synchan_check(struct gs_sim *sim, struct gs_element *el)
{
    const struct synchan *s = GS_INST(const struct synchan, el);
    int nv = 0;
    for (int i = 0; i < el->nin; i++)
        nv += strcmp(msg_type_name(el->in[i]), "VOLTAGE") == 0;
    if (nv == 0)
        return gs_error(sim, "no membrane potential (VOLTAGE message)");
    if (nv > 1)
        return gs_error(sim, "too many VOLTAGE messages (%d)", nv);
    if (!(s->tau1 > 0) || !(s->tau2 > 0))
        return gs_error(sim, "tau1 and tau2 must be > 0, got %g and %g", s->tau1, s->tau2);
    if (s->gmax < 0)
        return gs_error(sim, "gmax must be >= 0, got %g", s->gmax);
    if (s->frequency < 0)
        return gs_error(sim, "frequency must be >= 0, got %g", s->frequency);
    return GS_OK;
}

static enum gs_status
synchan_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
synchan_add(struct gs_cctx *cx, struct gs_element *el)
{
    const struct synchan *s = GS_INST(const struct synchan, el);
    struct gsb_synchan d = {
        .Ek = s->Ek, .tau1 = s->tau1, .tau2 = s->tau2, .gmax = s->gmax,
        .frequency = s->frequency, .normalize_weights = (short)s->normalize_weights,
        .vsrc = -1, .X = s->X, .Y = s->Y,
    };
    int id = gsb_synchan(cctx_build(cx), &d);
    gsb_set_gid(cctx_build(cx), GS_K_SYN, id, elem_identity(el));
    return id;
}

static enum gs_status
synchan_wire(struct gs_cctx *cx, struct gs_element *el)
{
    struct gs_build *b = cctx_build(cx);
    int id = el->solver_index;
    /* The normalisation divides by the time constants: GENESIS's Gk would
     * be NaN. That is harmless in a synchan nothing reads (a prototype left
     * unset), an error in one that feeds anything. */
    const struct synchan *s = GS_INST(const struct synchan, el);
    if ((!(s->tau1 > 0) || !(s->tau2 > 0)) && el->nout > 0) {
        char *p = elem_path_str(el);
        enum gs_status st = gs_error(cctx_sim(cx), "'%s' cannot be simulated: its %s is %g; it "
                                     "must be > 0", p, s->tau1 > 0 ? "tau2" : "tau1",
                                     s->tau1 > 0 ? s->tau2 : s->tau1);
        free(p);
        return st;
    }
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        const char *n = msg_type_name(m);
        if (strcmp(n, "VOLTAGE") == 0) {
            int c = cctx_id(m->src, GS_K_COMPT);
            if (c < 0)
                return cctx_unsupported(cx, el, m);
            gsb_set_vsrc(b, GS_K_SYN, id, c);
        } else if (is_spike(m)) {
            int src = cctx_id(m->src, GS_K_SRC);
            if (src < 0 || !m->data)
                return cctx_unsupported(cx, el, m);
            const struct synapse *sy = m->data;
            struct gsb_synapse q = {id, src, sy->weight, sy->delay, sy->last_spike_time};
            cctx_sub(cx, el, gsb_synapse(b, &q));
        } else if (strcmp(n, "ACTIVATION") == 0) {
            cctx_input(cx, GS_K_SYN, id, GS_SF_ACT, m, 0, true);
        } else {
            return cctx_unsupported(cx, el, m);
        }
    }
    return GS_OK;
}

static const struct gs_solver_class synchan_solver = {
    .kind = GS_K_SYN,
    .fmap = synchan_sfmap,
    .sub = &synapse_sub,
    .add = synchan_add,
    .wire = synchan_wire,
};

const struct gs_class synchan_class = {
    .name = "synchan",
    .classes = "segment channel synchannel",
    .desc = "synaptic channel: dual-exponential conductance driven by spikes",
    .size = sizeof(struct synchan),
    .fields = synchan_fields,
    .msgs = synchan_msgs,
    .create = synchan_create,
    .init = synchan_step,
    .process = synchan_step,
    .reset = synchan_reset,
    .check = synchan_check,
    .find_field = synchan_find_field,
    .msg_added = synchan_msg_added,
    .msg_deleted = synchan_msg_deleted,
    .msg_copied = synchan_msg_copied,
    .solver = &synchan_solver,
};
