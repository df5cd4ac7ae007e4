/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_sim.c: the sim family: reset, step, check, stop, the schedule
 * (addtask, deletetasks, resched, showsched) and simulation status
 * (getstat, showstat). The loop itself is models/core/sched.c; this file
 * adds the one-line progress display of a long step at a terminal, and a
 * job's progress file (interp/jobs/progress.c) when gensh runs as a job.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../models/core/bgstep.h"
#include "../../models/core/core.h"
#include "../../parallel/par.h"
#include "../../parallel/rnet.h"
#include "../cmd.h"
#include "../jobs/jobs.h"

static enum gs_status cmd_addtask_exec(struct gs_call *call);
static enum gs_status cmd_check_exec(struct gs_call *call);
static enum gs_status cmd_deletetasks_exec(struct gs_call *call);
static enum gs_status cmd_getstat_exec(struct gs_call *call);
static enum gs_status cmd_reclaim_exec(struct gs_call *call);
static enum gs_status cmd_resched_exec(struct gs_call *call);
static enum gs_status cmd_reset_exec(struct gs_call *call);
static enum gs_status cmd_showsched_exec(struct gs_call *call);
static enum gs_status cmd_showstat_exec(struct gs_call *call);
static enum gs_status cmd_step_exec(struct gs_call *call);
static enum gs_status cmd_stop_exec(struct gs_call *call);

static const struct gs_opt addtask_opts[] = {
    {"-action", 1, GS_ARG_STR,
     "INIT|PROCESS: the action the task runs on the elements"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_addtask_entry = {
    .name = "addtask",
    .family = "sim",
    .summary = "append a task to the simulation schedule",
    .usage = "Simulate path -action INIT|PROCESS",
    .pos = {{"function", GS_ARG_STR}, {"path", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = addtask_opts,
    .exec = cmd_addtask_exec,
};

const struct gs_cmd cmd_check_entry = {
    .name = "check",
    .family = "sim",
    .summary = "check clocks, elements and the schedule for problems",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_COLLECTIVE,
    .exec = cmd_check_exec,
};

const struct gs_cmd cmd_deletetasks_entry = {
    .name = "deletetasks",
    .family = "sim",
    .summary = "empty the simulation schedule",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_deletetasks_exec,
};

static const struct gs_opt getstat_opts[] = {
    {"-time", 0, GS_ARG_STR,
     "the simulation time (the default)"},
    {"-step", 0, GS_ARG_STR,
     "the number of steps done since reset"},
    {"-elements", 0, GS_ARG_STR,
     "the number of elements"},
    {"-memory", 0, GS_ARG_STR,
     "the bytes of memory gensh holds (its resident set)"},
    {"-exchange", 0, GS_ARG_STR,
     "the seconds this node spent exchanging spikes and graded values since reset"},
    {"-exchangebytes", 0, GS_ARG_STR,
     "the bytes of spikes and graded values this node sent other nodes since reset"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_getstat_entry = {
    .name = "getstat",
    .family = "sim",
    .summary = "return the simulation time (default), the step count, the element count or "
               "the memory in use",
    .usage = "[-time|-step|-elements|-memory|-exchange|-exchangebytes]",
    .min_pos = 0,
    .max_pos = 0,
    .opts = getstat_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getstat_exec,
};

const struct gs_cmd cmd_reclaim_entry = {
    .name = "reclaim",
    .family = "sim",
    .summary = "give the memory of deleted elements back to the system; returns 0",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_RESULT,
    .exec = cmd_reclaim_exec,
};

const struct gs_cmd cmd_resched_entry = {
    .name = "resched",
    .family = "sim",
    .summary = "reassign elements to the schedule's tasks",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_resched_exec,
};

const struct gs_cmd cmd_reset_entry = {
    .name = "reset",
    .family = "sim",
    .summary = "return every element to its initial state, time to 0, and compile the model",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_COLLECTIVE,
    .exec = cmd_reset_exec,
};

const struct gs_cmd cmd_showsched_entry = {
    .name = "showsched",
    .family = "sim",
    .summary = "print the working simulation schedule",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_showsched_exec,
};

const struct gs_cmd cmd_showstat_entry = {
    .name = "showstat",
    .family = "sim",
    .summary = "print the simulation time, step count and element count",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_showstat_exec,
};

static const struct gs_opt step_opts[] = {
    {"-time", 0, GS_ARG_STR,
     "the number is model time in seconds, not a count of steps"},
    {"-verbose", 0, GS_ARG_STR,
     "print 'time = T ; step = N' after the last step and at most four times a second "
     "before it"},
    {"-background", 0, GS_ARG_STR,
     "return at once; the steps run while gensh waits at the prompt (in -batch, after "
     "the script's last line); stop or Ctrl-C ends them. A parallel run steps in the "
     "foreground"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_step_entry = {
    .name = "step",
    .family = "sim",
    .summary = "advance the simulation N steps (default 1), or T seconds with -time",
    .usage = "[steps-or-time] [-time] [-verbose] [-background]",
    .pos = {{"steps-or-time", GS_ARG_REAL}},
    .min_pos = 0,
    .max_pos = 1,
    .opts = step_opts,
    .flags = GS_CMD_COLLECTIVE,
    .exec = cmd_step_exec,
};

const struct gs_cmd cmd_stop_entry = {
    .name = "stop",
    .family = "sim",
    .summary = "end the running step after the current step, or the background step",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_stop_exec,
};

static enum gs_status
cmd_addtask_exec(struct gs_call *call)
{
    const char *action = gs_optval(call, "-action", 0);
    if (!action)
        return gs_error(call->sim, "expected -action INIT or -action PROCESS");
    return sched_add(call->sim, gs_arg(call, 0), gs_arg(call, 1), action);
}

static enum gs_status
cmd_check_exec(struct gs_call *call)
{
    return sim_check(call->sim);
}

static enum gs_status
cmd_deletetasks_exec(struct gs_call *call)
{
    sched_clear(call->sim);
    return GS_OK;
}

/* The memory gensh holds: its resident set (the second field of
 * /proc/self/statm, in pages), which counts what any allocator in use
 * (glibc's, a sanitizer's) has touched. */
static enum gs_status
memory_held(struct gs_call *call)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long long size = 0, resident = 0;
    int n = f ? fscanf(f, "%lld %lld", &size, &resident) : 0;
    if (f)
        fclose(f);
    if (n != 2)
        return gs_error(call->sim, "-memory: cannot read /proc/self/statm");
    gs_result_int(call, resident * (long long)sysconf(_SC_PAGESIZE));
    return GS_OK;
}

static enum gs_status
cmd_getstat_exec(struct gs_call *call)
{
    struct gs_model *m = call->sim->model;
    if (gs_has_opt(call, "-step"))
        gs_result_int(call, m->step);
    else if (gs_has_opt(call, "-elements"))
        gs_result_int(call, (long long)m->nelements);
    else if (gs_has_opt(call, "-memory"))
        return memory_held(call);
    else if (gs_has_opt(call, "-exchange") || gs_has_opt(call, "-exchangebytes")) {
        double t, bytes;
        rnet_exchange_stats(call->sim, &t, &bytes);
        gs_result_real(call, gs_has_opt(call, "-exchange") ? t : bytes);
    } else
        gs_result_real(call, m->time);
    return GS_OK;
}

/* GENESIS frees deleted elements only here or at the prompt; gensh frees
 * them when they are deleted, so what is left to do is to hand the free
 * heap memory back to the system. */
static enum gs_status
cmd_reclaim_exec(struct gs_call *call)
{
#ifdef HAVE_MALLOC_TRIM
    malloc_trim(0);
#endif
    gs_result_int(call, 0);
    return GS_OK;
}

static enum gs_status
cmd_resched_exec(struct gs_call *call)
{
    return sched_resched(call->sim);
}

static enum gs_status
cmd_reset_exec(struct gs_call *call)
{
    /* Collective (P2): if reset fails on one node, it fails on all. */
    enum gs_status st = sim_reset(call->sim);
    if (call->sim->quit_requested)
        return GS_OK;
    st = par_agree(call->sim, "reset", st, call->origin);
    /* Failed on any node: no node may step (else the others would wait in
     * the spike exchange for a node that refuses to step). */
    if (st != GS_OK)
        call->sim->model->was_reset = false;
    return st;
}

static enum gs_status
cmd_showsched_exec(struct gs_call *call)
{
    sched_show(call->sim);
    return GS_OK;
}

static enum gs_status
cmd_showstat_exec(struct gs_call *call)
{
    struct gs_model *m = call->sim->model;
    gs_out(call->sim, "time = %f ; step = %ld ; elements = %zu\n", m->time, m->step,
           m->nelements);
    return GS_OK;
}

/* The progress line of an interactive step: model time, percent, speed,
 * time left, redrawn in place; shown once the step has taken a second. */
struct progress_line {
    double start; /* wall time the step began */
    bool shown;   /* drawn at least once (to be erased at the end) */
};

static double
wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
progress(struct gs_sim *sim, double t, double frac, double rate, double eta, void *arg)
{
    struct progress_line *pl = arg;
    if (!pl->shown && wall_s() - pl->start < 1.0)
        return;
    char line[160];
    snprintf(line, sizeof line, "\r  t = %.6g s  %3.0f%%  %.3g steps/s  %.0f s left ", t,
             100 * frac, rate, eta);
    gs_out(sim, "%s\033[K", line);
    fflush(sim->out ? sim->out : stdout);
    pl->shown = true;
}

/* A job's progress: the model time, into the job folder (jobs.h). */
static void
job_progress(struct gs_sim *sim, double t, double frac, double rate, double eta, void *arg)
{
    (void)t;
    (void)frac;
    (void)rate;
    (void)eta;
    jobs_progress_note(sim, arg, false);
}

static enum gs_status
cmd_step_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct sim_step_opts o = {.nsteps = 1};
    o.by_time = gs_has_opt(call, "-time");
    o.verbose = gs_has_opt(call, "-verbose");
    if (call->npos > 0) {
        double v = gs_arg_real(call, 0);
        if (o.by_time) {
            o.duration = v;
        } else {
            long n;
            if (!gs_parse_int(gs_arg(call, 0), &n) || n < 0)
                return gs_error(sim, "steps expects a whole number >= 0, got '%s' (use -time "
                                     "for a duration)", gs_arg(call, 0));
            o.nsteps = n;
        }
    } else if (o.by_time) {
        return gs_error(sim, "-time needs the time to run, e.g. step 0.5 -time");
    }
    if (bgstep_pending(sim))
        return bgstep_busy(sim);
    /* Every node steps together: a parallel step cannot wait for idle time
     * at node 0's prompt. */
    if (gs_has_opt(call, "-background") && par_size(sim) == 1)
        return bgstep_start(sim, &o);
    /* A live progress line only for a person at a terminal. */
    struct progress_line pl = {.start = wall_s(), .shown = false};
    if (!sim->opt.batch && !sim->capture && !o.verbose && isatty(fileno(sim->out ? sim->out
                                                                              : stdout))) {
        o.progress = progress;
        o.progress_arg = &pl;
    }
    struct jobs_progress jp;
    bool job = jobs_progress_begin(sim, &jp);
    if (job && !o.progress) {
        o.progress = job_progress;
        o.progress_arg = &jp;
    }
    /* PGENESIS's sync_before_step: the zone meets before stepping; while
     * stepping, this node says so to nodes that wait for it. */
    if (sim->service && par_settings(sim)->sync_before_step
        && par_barrier(sim, false, PAR_BARRIER_STEP, 0, -1, call->origin) != GS_OK)
        return sim->quit_requested ? GS_OK : GS_ERR;
    par_set_activity(sim, "stepping", call->origin);
    enum gs_status st = sim_step(sim, &o, NULL);
    par_set_activity(sim, NULL, NULL);
    if (job)
        jobs_progress_note(sim, &jp, false);
    /* Output files that stay open hold whole rows only; make them visible
     * when step returns (STYLE E5), whatever their flush setting. */
    fflush(NULL);
    if (pl.shown) {
        gs_out(sim, "\r\033[K");
        fflush(sim->out ? sim->out : stdout);
    }
    if (sim->quit_requested)
        return GS_OK;
    return par_agree(sim, "step", st, call->origin); /* collective, like reset */
}

static enum gs_status
cmd_stop_exec(struct gs_call *call)
{
    /* A background step's slice runs too: it ends when its slice returns. */
    if (call->sim->model->stepping)
        call->sim->model->stop_requested = true;
    else
        bgstep_cancel(call->sim);
    return GS_OK;
}
