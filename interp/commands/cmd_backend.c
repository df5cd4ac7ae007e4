/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_backend.c: `backend [cpu|cuda|auto]` shows which backend advances
 * the compiled model now (the device, its memory and the kernel variant)
 * and which the next reset picks, and sets that pick (as gensh's -backend
 * option). The solver's backends are models/solver/ (docs/gpu.md).
 */
#include "config.h"

#include <stdio.h>

#include "../../models/core/core.h"
#include "../../models/solver/backend.h"
#include "../../models/solver/sclass.h"
#include "../../models/solver/solver.h"
#include "../cmd.h"

static enum gs_status cmd_backend_exec(struct gs_call *call);

const struct gs_cmd cmd_backend_entry = {
    .name = "backend",
    .family = "sim",
    .summary = "show the compiled model's backend; set the one the next reset uses",
    .usage = "[cpu|cuda|auto]",
    .pos = {{"backend", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_backend_exec,
};

static enum gs_status
cmd_backend_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    if (gs_arg(call, 0)) {
        enum gs_backend_pick b;
        if (!gs_backend_pick_parse(gs_arg(call, 0), &b))
            return gs_error(sim, "expected cpu, cuda or auto, got '%s'", gs_arg(call, 0));
#ifndef HAVE_CUDA
        if (b == GS_BACKEND_CUDA)
            return gs_error(sim, "this gensh was built without CUDA (configure found no nvcc): "
                                 "the backend stays %s",
                            gs_backend_pick_name((enum gs_backend_pick)sim->opt.backend));
#endif
        sim->opt.backend = (int)b;
    }
    const char *note, *now = gs_solver_running(sim, &note);
    gs_out(sim, "backend: %s (from the next reset)\n",
           gs_backend_pick_name((enum gs_backend_pick)sim->opt.backend));
    gs_out(sim, "running: %s\n", now ? now : "no compiled model");
    if (note)
        gs_out(sim, "why: %s\n", note);
#ifdef HAVE_CUDA
    char dev[256];
    gs_cuda_device_text(dev, sizeof dev);
    gs_out(sim, "device: %s\n", dev);
#else
    gs_out(sim, "device: none (built without CUDA)\n");
#endif
    return GS_OK;
}
