/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_buffer.c: putevent, which fills a buffer element (playback) with
 * events, as GENESIS's putevent does (models/devices/playback.c plays
 * them back).
 */
#include <stdlib.h>

#include "../../models/core/core.h"
#include "../../models/devices/playback.h"
#include "../cmd.h"

static enum gs_status cmd_putevent_exec(struct gs_call *call);

const struct gs_cmd cmd_putevent_entry = {
    .name = "putevent",
    .family = "sim",
    .summary = "put events (time, amplitude) into a buffer element such as a playback",
    .usage = "buffer time amplitude [time amplitude]...",
    .pos = {{"buffer", GS_ARG_STR}, {"time", GS_ARG_REAL}, {"amplitude", GS_ARG_REAL}},
    .min_pos = 3,
    .max_pos = GS_VARARGS,
    .exec = cmd_putevent_exec,
};

static enum gs_status
cmd_putevent_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el = path_lookup(sim, gs_arg(call, 0));
    if (!el)
        return gs_error(sim, "element '%s' does not exist", gs_arg(call, 0));
    if (!playback_is(el))
        return gs_error(sim, "'%s' is a %s, not a buffer (putevent fills playback elements)",
                        gs_arg(call, 0), el->cls->name);
    if ((call->npos - 1) % 2 != 0)
        return gs_error(sim, "expected time amplitude pairs after the buffer, got %d number%s",
                        call->npos - 1, call->npos == 2 ? "" : "s");
    /* All numbers checked before any event goes in. */
    double *v = xcalloc((size_t)call->npos, sizeof *v);
    for (int i = 1; i < call->npos; i++)
        if (!gs_parse_real(gs_arg(call, i), &v[i])) {
            enum gs_status st = gs_error(sim, "%s %d must be a number, got '%s'",
                                         i % 2 ? "time" : "amplitude", (i + 1) / 2,
                                         gs_arg(call, i));
            free(v);
            return st;
        }
    for (int i = 1; i + 1 < call->npos; i += 2)
        playback_put(el, v[i], v[i + 1]);
    free(v);
    return GS_OK;
}
