/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pulsegen.c: the pulsegen class: a generator of single or double pulses,
 * free running, triggered or gated by an INPUT message. Levels, widths and
 * delays are single precision and the cycle arithmetic is done in float,
 * as GENESIS 2.4 does, so pulse edges land on the same steps.
 */
#include <math.h>
#include <stdlib.h>

#include "../core/core.h"

enum { FREE_RUN = 0, EXT_TRIG = 1, EXT_GATE = 2 };
enum { MSG_INPUT, MSG_LEVEL, MSG_WIDTH, MSG_DELAY };

struct pulsegen {
    struct gs_element el;
    double output;      /* current output */
    float level1;       /* level of pulse 1 */
    float width1;       /* width of pulse 1, s */
    float delay1;       /* delay of pulse 1 after the trigger (or after pulse 2), s */
    float level2;       /* level of pulse 2 */
    float width2;       /* width of pulse 2, s */
    float delay2;       /* delay of pulse 2 after the start of pulse 1, s */
    float baselevel;    /* output between pulses */
    float trig_time;    /* time of the last trigger, s (-1: never) */
    int trig_mode;      /* 0 free run, 1 external trigger, 2 external gate */
    int previous_input; /* the input of the previous step (edge detection) */
};

static const struct gs_field pulsegen_fields[] = {
    GS_FIELD(struct pulsegen, level1, GS_FLOAT, "", "level of pulse 1"),
    GS_FIELD(struct pulsegen, width1, GS_FLOAT, "s", "width of pulse 1"),
    GS_FIELD(struct pulsegen, delay1, GS_FLOAT, "s", "delay of pulse 1 (after trigger/gate, or after pulse 2 when free running)"),
    GS_FIELD(struct pulsegen, level2, GS_FLOAT, "", "level of pulse 2"),
    GS_FIELD(struct pulsegen, width2, GS_FLOAT, "s", "width of pulse 2"),
    GS_FIELD(struct pulsegen, delay2, GS_FLOAT, "s", "delay of pulse 2 after the start of pulse 1"),
    GS_FIELD(struct pulsegen, baselevel, GS_FLOAT, "", "output between pulses"),
    GS_FIELD(struct pulsegen, trig_mode, GS_INT, "", "0: free run, 1: external trigger, 2: external gate"),
    GS_FIELD(struct pulsegen, output, GS_REAL, "", "current output"),
    GS_FIELD(struct pulsegen, trig_time, GS_FLOAT, "s", "time of the last trigger (-1: none)"),
    GS_FIELD(struct pulsegen, previous_input, GS_INT, "", "input of the previous step"),
    GS_FIELD_END,
};

static const struct gs_msgdef pulsegen_msgs[] = {
    [MSG_INPUT] = {"INPUT", 1, {"gate"}, "trigger or gate: 0 low, non-zero high"},
    [MSG_LEVEL] = {"LEVEL", 2, {"pulse", "level"}, "set the level of pulse 1 or 2"},
    [MSG_WIDTH] = {"WIDTH", 2, {"pulse", "width"}, "set the width of pulse 1 or 2"},
    [MSG_DELAY] = {"DELAY", 2, {"pulse", "delay"}, "set the delay of pulse 1 or 2"},
    GS_MSGDEF_END,
};

static enum gs_status
pulsegen_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct pulsegen *p = GS_INST(struct pulsegen, el);
    p->previous_input = 0;
    p->trig_time = -1;
    p->output = p->baselevel;
    return GS_OK;
}

/* Stores V into pulse N's field (1 or 2) of a LEVEL/WIDTH/DELAY message. */
static enum gs_status
set_pulse(struct gs_sim *sim, struct gs_element *el, const char *what, double n, float *f1,
          float *f2, double v)
{
    if (n == 1) {
        *f1 = (float)v;
    } else if (n == 2) {
        *f2 = (float)v;
    } else {
        char *path = elem_path_str(el);
        gs_error(sim, "%s message to '%s' names pulse %g; expected 1 or 2", what, path, n);
        free(path);
        return GS_ERR;
    }
    return GS_OK;
}

static enum gs_status
pulsegen_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct pulsegen *p = GS_INST(struct pulsegen, el);
    int input = 0;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        enum gs_status st = GS_OK;
        switch (m->type) {
        case MSG_INPUT:
            if (msg_val(m, 0) != 0)
                input = 1;
            break;
        case MSG_LEVEL:
            st = set_pulse(sim, el, "LEVEL", msg_val(m, 0), &p->level1, &p->level2,
                           msg_val(m, 1));
            break;
        case MSG_WIDTH:
            st = set_pulse(sim, el, "WIDTH", msg_val(m, 0), &p->width1, &p->width2,
                           msg_val(m, 1));
            break;
        case MSG_DELAY:
            st = set_pulse(sim, el, "DELAY", msg_val(m, 0), &p->delay1, &p->delay2,
                           msg_val(m, 1));
            break;
        }
        if (st != GS_OK)
            return GS_ERR;
    }
    /* Single precision on purpose (GENESIS's arithmetic). */
    float tcycle;
    if (p->width1 > p->delay2 + p->width2)
        tcycle = p->delay1 + p->width1;
    else
        tcycle = p->delay1 + p->delay2 + p->width2;
    float tt = 0;
    double now = tick->t;
    switch (p->trig_mode) {
    case FREE_RUN:
        tt = (float)fmod(now, tcycle);
        break;
    case EXT_GATE:
        if (input == 0) {
            tt = tcycle; /* gate low: baselevel */
        } else {
            if (p->previous_input == 0)
                p->trig_time = (float)now;
            tt = (float)fmod(now - p->trig_time, tcycle);
        }
        p->previous_input = input;
        break;
    case EXT_TRIG:
        if (input == 0) {
            tt = p->trig_time < 0 ? tcycle : (float)(now - p->trig_time);
        } else {
            if (p->previous_input == 0)
                p->trig_time = (float)now;
            tt = (float)(now - p->trig_time);
        }
        p->previous_input = input;
        break;
    default:
        break;
    }
    if (tt < p->delay1 || tt >= tcycle)
        p->output = p->baselevel;
    else if (tt < p->delay1 + p->width1)
        p->output = p->level1;
    else if (tt < p->delay1 + p->delay2)
        p->output = p->baselevel;
    else
        p->output = p->level2;
    return GS_OK;
}

static enum gs_status
pulsegen_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                      const struct gs_element *old)
{
    (void)old;
    const struct pulsegen *p = GS_INST(const struct pulsegen, new_);
    if (p->trig_mode < 0 || p->trig_mode > 2)
        return gs_error(sim, "trig_mode must be 0 (free run), 1 (trigger) or 2 (gate), got %d",
                        p->trig_mode);
    return GS_OK;
}

const struct gs_class pulsegen_class = {
    .name = "pulsegen",
    .classes = "device",
    .desc = "pulse generator: single, double and repeated pulses, free running, triggered or gated",
    .flags = GS_CLASS_MSG_ONLY, /* fused windows (sched.c) */
    .size = sizeof(struct pulsegen),
    .fields = pulsegen_fields,
    .msgs = pulsegen_msgs,
    .reset = pulsegen_reset,
    .process = pulsegen_process,
    .check_fields = pulsegen_check_fields,
};
