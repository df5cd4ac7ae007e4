/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diffamp.c: the diffamp class: a difference amplifier. Output =
 * gain * ((plus + PLUS inputs) - (minus + MINUS inputs)), clipped to
 * [-saturation, saturation]; a GAIN message sets the gain.
 */
#include "../core/core.h"

enum { MSG_PLUS, MSG_MINUS, MSG_GAIN };

struct diffamp {
    struct gs_element el;
    float plus;       /* constant added to the + terminal */
    float minus;      /* constant added to the - terminal */
    float gain;       /* amplification */
    float saturation; /* output limit (output stays in [-saturation, saturation]) */
    double output;    /* current output */
};

static const struct gs_field diffamp_fields[] = {
    GS_FIELD(struct diffamp, plus, GS_FLOAT, "", "constant input to the + terminal"),
    GS_FIELD(struct diffamp, minus, GS_FLOAT, "", "constant input to the - terminal"),
    GS_FIELD(struct diffamp, gain, GS_FLOAT, "", "amplification"),
    GS_FIELD(struct diffamp, saturation, GS_FLOAT, "", "output limit: |output| <= saturation"),
    GS_FIELD(struct diffamp, output, GS_REAL, "", "current output"),
    GS_FIELD_END,
};

static const struct gs_msgdef diffamp_msgs[] = {
    [MSG_PLUS] = {"PLUS", 1, {"input"}, "added to the + terminal"},
    [MSG_MINUS] = {"MINUS", 1, {"input"}, "added to the - terminal"},
    [MSG_GAIN] = {"GAIN", 1, {"gain"}, "sets the gain"},
    GS_MSGDEF_END,
};

static enum gs_status
diffamp_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct diffamp, el)->output = 0;
    return GS_OK;
}

static enum gs_status
diffamp_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)tick;
    struct diffamp *a = GS_INST(struct diffamp, el);
    double plus = a->plus, minus = a->minus;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        switch (m->type) {
        case MSG_PLUS:
            plus += msg_val(m, 0);
            break;
        case MSG_MINUS:
            minus += msg_val(m, 0);
            break;
        case MSG_GAIN:
            a->gain = (float)msg_val(m, 0);
            break;
        }
    }
    a->output = a->gain * (plus - minus);
    if (a->output > a->saturation)
        a->output = a->saturation;
    else if (a->output < -a->saturation)
        a->output = -a->saturation;
    return GS_OK;
}

const struct gs_class diffamp_class = {
    .name = "diffamp",
    .classes = "device",
    .desc = "difference amplifier: gain * (plus - minus), saturating",
    .flags = GS_CLASS_MSG_ONLY, /* fused windows (sched.c) */
    .size = sizeof(struct diffamp),
    .fields = diffamp_fields,
    .msgs = diffamp_msgs,
    .reset = diffamp_reset,
    .process = diffamp_process,
};
