/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * calculator.c: the calculator class (GENESIS 2.2's device): at each tick
 * output starts from where the last tick left it (or from output_init,
 * after reset and whenever the clock resetclock fired at the last tick)
 * and each message applies, in message order: SUM adds its value,
 * SUBTRACT subtracts it, MULTIPLY multiplies by it, DIVIDE divides by it.
 * With resetclock 0 (the default) output is recomputed from output_init
 * at every step; a slower resetclock accumulates over its interval (a
 * ramp, summing a constant). A resetclock that is not set counts as due
 * every step, as GENESIS treats it.
 */
#include "../core/core.h"

enum { MSG_SUM, MSG_SUBTRACT, MSG_MULTIPLY, MSG_DIVIDE };

struct calculator {
    struct gs_element el;
    double output;      /* the result of the last tick */
    int resetclock;     /* output goes back to output_init after this clock's ticks */
    float output_init;  /* output after reset */
    double next_init;   /* where the next tick starts (hidden) */
};

static const struct gs_field calculator_fields[] = {
    GS_FIELD(struct calculator, output, GS_REAL, "", "computed value"),
    GS_FIELD(struct calculator, resetclock, GS_INT, "",
             "clock whose ticks start output from output_init again (default 0: every step)"),
    GS_FIELD(struct calculator, output_init, GS_FLOAT, "", "value of output after reset"),
    GS_FIELD_F(struct calculator, next_init, GS_REAL, GS_F_HIDDEN, "",
               "where the next tick starts"),
    GS_FIELD_END,
};

static const struct gs_msgdef calculator_msgs[] = {
    [MSG_SUM] = {"SUM", 1, {"number"}, "added to output"},
    [MSG_SUBTRACT] = {"SUBTRACT", 1, {"number"}, "subtracted from output"},
    [MSG_MULTIPLY] = {"MULTIPLY", 1, {"number"}, "output is multiplied by it"},
    [MSG_DIVIDE] = {"DIVIDE", 1, {"number"}, "output is divided by it"},
    GS_MSGDEF_END,
};

static enum gs_status
calculator_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct calculator *c = GS_INST(struct calculator, el);
    c->output = c->next_init = c->output_init;
    return GS_OK;
}

/* Did clock K fire at STEP? (GENESIS's clock_active, for clocks at least
 * as slow as clock 0; a clock not set is due every step.) */
static bool
clock_due(const struct gs_model *m, int k, long step)
{
    double dt0 = m->clock[0], dt = m->clock[k];
    if (k <= 0 || !(dt > 0) || !(dt0 > 0))
        return true;
    long r = (long)(dt / dt0 + 0.5);
    return r <= 1 || step % r == 0;
}

static enum gs_status
calculator_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    struct calculator *c = GS_INST(struct calculator, el);
    double out = c->next_init;
    for (int i = 0; i < el->nin; i++) {
        const struct gs_msg *m = el->in[i];
        double v = msg_val(m, 0);
        switch (m->type) {
        case MSG_SUM:
            out += v;
            break;
        case MSG_SUBTRACT:
            out -= v;
            break;
        case MSG_MULTIPLY:
            out *= v;
            break;
        case MSG_DIVIDE:
            out /= v;
            break;
        }
    }
    c->output = out;
    c->next_init = clock_due(el->model, c->resetclock, tick->step) ? c->output_init : c->output;
    return GS_OK;
}

static enum gs_status
calculator_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                        const struct gs_element *old)
{
    (void)old;
    const struct calculator *c = GS_INST(const struct calculator, new_);
    if (c->resetclock < 0 || c->resetclock >= GS_NCLOCKS)
        return gs_error(sim, "resetclock must be a clock from 0 to %d, got %d", GS_NCLOCKS - 1,
                        c->resetclock);
    return GS_OK;
}

const struct gs_class calculator_class = {
    .name = "calculator",
    .classes = "device",
    .desc = "adds, subtracts, multiplies and divides its messages' values into output",
    .size = sizeof(struct calculator),
    .fields = calculator_fields,
    .msgs = calculator_msgs,
    .reset = calculator_reset,
    .process = calculator_process,
    .check_fields = calculator_check_fields,
};
