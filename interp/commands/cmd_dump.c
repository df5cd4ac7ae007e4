/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_dump.c: saving a simulation: save and restore (the state, in
 * GENESIS's binary TYPE2 file: models/io/checkpoint.c), and simdump with
 * the commands of the script it writes (initdump, simobjdump, simundump,
 * enddump), which recreate the elements, their fields and their
 * messages.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/io/checkpoint.h"
#include "../cmd.h"

static enum gs_status cmd_restore_exec(struct gs_call *call);
static enum gs_status cmd_save_exec(struct gs_call *call);

static const struct gs_opt save_opts[] = {
    {"-append", 0, GS_ARG_STR},
    {NULL, 0, 0},
};

const struct gs_cmd cmd_restore_entry = {
    .name = "restore",
    .family = "sim",
    .summary = "put the state written by save back into the (reset) simulation and go on from it",
    .usage = "file-name",
    .pos = {{"file-name", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_restore_exec,
};

const struct gs_cmd cmd_save_entry = {
    .name = "save",
    .family = "sim",
    .summary = "write the state of elements (and the time) to a file that restore reads",
    .usage = "path file-name [-append]",
    .pos = {{"path", GS_ARG_STR}, {"file-name", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = save_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_save_exec,
};

static enum gs_status
cmd_restore_exec(struct gs_call *call)
{
    long n;
    if (checkpoint_restore(call->sim, gs_arg(call, 0), &n) != GS_OK)
        return GS_ERR;
    gs_result_int(call, n);
    return GS_OK;
}

static enum gs_status
cmd_save_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist l = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &l) != GS_OK)
        return GS_ERR;
    if (l.n == 0) {
        elist_free(&l);
        return gs_error(sim, "no element matches '%s'", gs_arg(call, 0));
    }
    long n;
    enum gs_status st =
        checkpoint_save(sim, &l, gs_arg(call, 1), gs_has_opt(call, "-append"), &n);
    elist_free(&l);
    if (st == GS_OK)
        gs_result_int(call, n);
    return st;
}
