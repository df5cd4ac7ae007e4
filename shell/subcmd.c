/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * subcmd.c: `gensh submit|jobs|fetch|cancel ...`: the jobs commands of
 * the prompt (interp/commands/cmd_jobs.c), run once from the command line
 * with the same options and messages (docs/jobs.md). Exit status 0, or 1
 * when the command failed (its error on stderr).
 */
#include <stdlib.h>
#include <string.h>

#include "../interp/interp.h"
#include "subcmd.h"

static const char *const subcommands[] = {"submit", "jobs", "fetch", "cancel", NULL};

int
subcmd_run(int argc, char **argv)
{
    if (argc < 2)
        return -1;
    int i;
    for (i = 0; subcommands[i]; i++)
        if (strcmp(argv[1], subcommands[i]) == 0)
            break;
    if (!subcommands[i])
        return -1;
    struct gs_options opt;
    memset(&opt, 0, sizeof opt);
    opt.batch = true;
    opt.notty = true;
    const char *d = getenv("GENSH_DATADIR");
    struct gs_sim *sim = gs_sim_new(&opt, d && *d ? d : NULL);
    interp_run_words(sim, argc - 1, (const char *const *)(argv + 1));
    int rc = sim->nerrors ? 1 : 0;
    gs_sim_free(sim);
    return rc;
}
