/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * progress.c: the run's side of a job: the model time reached, written to
 * $GENSH_PROGRESS (job.sh points it into the job folder) by node 0, at
 * most once a second, and once more when the run ends. Outside a job the
 * variable is unset and this costs one getenv a step command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "../../models/core/model.h"
#include "../../parallel/par.h"
#include "jobs_int.h"

bool
jobs_progress_begin(struct gs_sim *sim, struct jobs_progress *jp)
{
    jp->path = NULL;
    jp->last = 0;
    const char *p = getenv("GENSH_PROGRESS");
    if (!p || !*p || par_rank(sim) != 0)
        return false;
    jp->path = p;
    /* The last write of an earlier step command: the file's own time. */
    struct stat st;
    if (stat(p, &st) == 0)
        jp->last = (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9;
    return true;
}

void
jobs_progress_note(struct gs_sim *sim, struct jobs_progress *jp, bool force)
{
    if (!jp->path || !sim->model)
        return;
    double now = jobs_now();
    if (!force && now - jp->last < 1.0)
        return;
    char text[160];
    snprintf(text, sizeof text, "time=%.9g\nstep=%ld\nwall=%lld\n", sim->model->time,
             sim->model->step, (long long)now);
    jobs_write_file(jp->path, text, 0644);
    jp->last = now;
}

void
jobs_progress_end(struct gs_sim *sim)
{
    struct jobs_progress jp;
    if (jobs_progress_begin(sim, &jp))
        jobs_progress_note(sim, &jp, true);
}
