/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * report.c: the one place that prints diagnostics (STYLE E2, E3):
 * "gensh: FILE:LINE: COMMAND: message" on stderr ("gensh[K]: ..." on node K
 * of a parallel run), counted in the sim.
 */
#include <stdio.h>

#include "interp_int.h"

void
interp_report_msg(struct gs_sim *sim, const char *msg)
{
    FILE *f = sim->err ? sim->err : stderr;
    fflush(sim->out ? sim->out : stdout); /* keep stdout and stderr in order */
    fprintf(f, "%s: %s\n", sim->tag, msg);
    fflush(f);
    sim->nerrors++;
}

void
interp_report(struct gs_sim *sim, const char *where, const char *cmd)
{
    char line[1400];
    snprintf(line, sizeof line, "%s%s%s%s%s", where && where[0] ? where : "",
             where && where[0] ? ": " : "", cmd && cmd[0] ? cmd : "", cmd && cmd[0] ? ": " : "",
             sim->diag.msg);
    interp_report_msg(sim, line);
    gs_diag_clear(sim);
}
