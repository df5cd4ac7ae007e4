/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sched.h: clocks, the schedule and the simulation loop. The schedule is
 * an ordered list of tasks (addtask Simulate PATH -action ACTION); resched
 * expands each task's path into its elements. reset runs every element's
 * RESET action, then compiles the model; step runs the tasks once per base
 * clock step, each element when its clock is due, with the compiled model
 * advanced in place of the elements it owns.
 */
#ifndef GS_SCHED_H
#define GS_SCHED_H

#include <stdbool.h>

#include "../base/gs.h"
#include "path.h"

/* One schedule entry. */
struct gs_task {
    char *func;            /* "Simulate" (the only task function) */
    char *path;            /* wildcard pattern */
    enum gs_action action; /* INIT or PROCESS (or RESET/CHECK) */
    struct gs_elist elems; /* resched result: elements able to do ACTION */
    bool runs_solver;      /* the compiled model advances before this task's elements */
};

/* Clocks. Errors: clock number outside 0..99, negative value. */
enum gs_status clock_set(struct gs_sim *sim, int clock, double dt);
/* Clock's interval (0 if unset). Errors: bad number. */
enum gs_status clock_get(struct gs_sim *sim, int clock, double *dt);
/* useclock: assigns CLOCK to EL. Errors: bad number. */
/* Base steps between firings of clock K (0: never): round(dt_k / dt_0). */
long clock_ratio(const struct gs_model *m, int k);
enum gs_status clock_use(struct gs_sim *sim, struct gs_element *el, int clock);
/* Prints the clocks as showclocks does. */
void clock_show(struct gs_sim *sim);

/* Schedule. */
enum gs_status sched_add(struct gs_sim *sim, const char *func, const char *path,
                         const char *action);
void sched_clear(struct gs_sim *sim);
/* Installs GENESIS's default schedule (startup/schedule.g's order). */
void sched_default(struct gs_sim *sim);
/* Rebuilds every task's element list. */
enum gs_status sched_resched(struct gs_sim *sim);
/* Prints the schedule as showsched does. */
void sched_show(struct gs_sim *sim);

/* The reset command: RESET on every element (tree order), time 0, compile. */
enum gs_status sim_reset(struct gs_sim *sim);
/* The check command: CHECK actions and schedule consistency. */
enum gs_status sim_check(struct gs_sim *sim);

/* Step options. */
struct sim_step_opts {
    long nsteps;            /* base steps (when !by_time) */
    bool by_time;           /* run until simulated time advanced by DURATION */
    double duration;        /* s */
    bool verbose;           /* status lines: see sim_step */
    bool from_start;        /* by_time counts from START_TIME, not the current time */
    double start_time;      /* s (a background step's origin: see bgstep.h) */
    double wall_budget;     /* > 0: return after this much wall time (s), the step unfinished */
    bool *paused;           /* set when WALL_BUDGET ended the call with steps left (or NULL) */
    double *verbose_wall;   /* wall time of the last status line, kept across calls (or NULL) */
    /* Called about every 0.2 s of wall time with progress (may be NULL). */
    void (*progress)(struct gs_sim *sim, double t, double frac, double steps_per_s,
                     double eta_s, void *arg);
    void *progress_arg;
};
/*
 * Runs steps. GENESIS counting for -time: step until time - t0 >= duration
 * compared in single precision (step 0.5 -time with dt 5e-5 is 10,001 steps).
 * VERBOSE prints "time = ... ; step = ..." after the last step and after any
 * step at least 0.25 s of wall time after the previous line (GENESIS printed
 * one per step: thousands of lines a second say nothing).
 * Errors: not reset, clock 0 unset, interrupted ("interrupted at t = ..."),
 * a failing action. *DONE (may be NULL) gets the steps taken.
 */
enum gs_status sim_step(struct gs_sim *sim, const struct sim_step_opts *o, long *done);

#endif
