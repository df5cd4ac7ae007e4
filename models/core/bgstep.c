/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bgstep.h"

#include <stdlib.h>

#include "model.h"

struct gs_bgstep {
    struct sim_step_opts o; /* what is left: nsteps, or the -time origin */
    double verbose_wall;    /* the last status line, across chunks */
};

bool
bgstep_pending(const struct gs_sim *sim)
{
    return sim->model->bg != NULL;
}

enum gs_status
bgstep_busy(struct gs_sim *sim)
{
    const struct sim_step_opts *o = &sim->model->bg->o;
    if (o->by_time)
        return gs_error(sim, "a background step is running (to t = %g); 'stop' ends it",
                        o->start_time + o->duration);
    return gs_error(sim, "a background step is running (%ld step%s left); 'stop' ends it",
                    o->nsteps, o->nsteps == 1 ? "" : "s");
}

enum gs_status
bgstep_start(struct gs_sim *sim, const struct sim_step_opts *o)
{
    struct gs_model *m = sim->model;
    if (m->bg)
        return bgstep_busy(sim);
    if (!m->was_reset)
        return gs_error(sim, "the simulation has not been reset; run 'reset' first");
    struct gs_bgstep *bg = xcalloc(1, sizeof *bg);
    bg->o = *o;
    bg->o.progress = NULL;
    if (o->by_time) {
        bg->o.from_start = true;
        bg->o.start_time = m->time;
    }
    bg->o.verbose_wall = &bg->verbose_wall;
    m->bg = bg;
    return GS_OK;
}

void
bgstep_cancel(struct gs_sim *sim)
{
    free(sim->model->bg);
    sim->model->bg = NULL;
}

enum gs_status
bgstep_run(struct gs_sim *sim, double budget)
{
    struct gs_model *m = sim->model;
    struct gs_bgstep *bg = m->bg;
    if (!bg || m->stepping)
        return GS_OK;
    bool paused = false;
    long done = 0;
    bg->o.wall_budget = budget > 0 ? budget : 0;
    bg->o.paused = &paused;
    enum gs_status st = sim_step(sim, &bg->o, &done);
    if (!bg->o.by_time)
        bg->o.nsteps -= done;
    /* Over unless the budget paused it: done, stopped, interrupted, failed. */
    if (st != GS_OK || !paused)
        bgstep_cancel(sim);
    return st;
}
