/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_clock.c: the clock family: setclock, getclock, useclock, showclocks.
 * Clocks live in models/core/sched.c.
 */
#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_getclock_exec(struct gs_call *call);
static enum gs_status cmd_setclock_exec(struct gs_call *call);
static enum gs_status cmd_showclocks_exec(struct gs_call *call);
static enum gs_status cmd_useclock_exec(struct gs_call *call);

const struct gs_cmd cmd_getclock_entry = {
    .name = "getclock",
    .family = "clock",
    .summary = "return a clock's interval (in single precision, as GENESIS)",
    .usage = "clock",
    .pos = {{"clock", GS_ARG_INT}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getclock_exec,
};

const struct gs_cmd cmd_setclock_entry = {
    .name = "setclock",
    .family = "clock",
    .summary = "set a clock's interval (clock 0 is the simulation step)",
    .usage = "clock interval",
    .pos = {{"clock", GS_ARG_INT}, {"interval", GS_ARG_REAL}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setclock_exec,
};

const struct gs_cmd cmd_showclocks_entry = {
    .name = "showclocks",
    .family = "clock",
    .summary = "print the clocks that are set",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_showclocks_exec,
};

const struct gs_cmd cmd_useclock_entry = {
    .name = "useclock",
    .family = "clock",
    .summary = "make elements run on a clock",
    .usage = "path clock",
    .pos = {{"path", GS_ARG_STR}, {"clock", GS_ARG_INT}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_useclock_exec,
};

static enum gs_status
cmd_getclock_exec(struct gs_call *call)
{
    double dt;
    if (clock_get(call->sim, (int)gs_arg_int(call, 0), &dt) != GS_OK)
        return GS_ERR;
    gs_result_real(call, (float)dt);
    return GS_OK;
}

static enum gs_status
cmd_setclock_exec(struct gs_call *call)
{
    long c = gs_arg_int(call, 0);
    if (c < 0 || c >= GS_NCLOCKS)
        return gs_error(call->sim, "clock %ld does not exist (clocks are numbered 0 to %d)", c,
                        GS_NCLOCKS - 1);
    return clock_set(call->sim, (int)c, gs_arg_real(call, 1));
}

static enum gs_status
cmd_showclocks_exec(struct gs_call *call)
{
    clock_show(call->sim);
    return GS_OK;
}

static enum gs_status
cmd_useclock_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    long c = gs_arg_int(call, 1);
    if (c < 0 || c >= GS_NCLOCKS)
        return gs_error(sim, "clock %ld does not exist (clocks are numbered 0 to %d)", c,
                        GS_NCLOCKS - 1);
    struct gs_elist l = GS_ELIST_INIT;
    const char *p = gs_arg(call, 0);
    if (path_glob(sim, p, &l) != GS_OK)
        return GS_ERR;
    if (l.n == 0) {
        elist_free(&l);
        return gs_error(sim, "element '%s' does not exist", p);
    }
    for (size_t i = 0; i < l.n; i++)
        clock_use(sim, l.v[i], (int)c);
    sim->model->sched_dirty = true;
    elist_free(&l);
    return GS_OK;
}
