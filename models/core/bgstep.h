/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bgstep.h: `step -background`. As in GENESIS, the command returns at once
 * and the steps run while gensh is idle: at the prompt, between the keys a
 * person types (shell/repl.c), and in -batch after the script's last line
 * (GENESIS dropped a background step still pending when its batch script
 * ended; gensh finishes it, so the output it writes is complete). Only one
 * step runs at a time: another `step` while it is pending is an error, and
 * `stop` or `reset` ends it.
 */
#ifndef GS_BGSTEP_H
#define GS_BGSTEP_H

#include <stdbool.h>

#include "../base/gs.h"
#include "sched.h"

/* Starts O (steps or -time) in the background. Errors: one is pending. */
enum gs_status bgstep_start(struct gs_sim *sim, const struct sim_step_opts *o);
/* Is a background step pending? */
bool bgstep_pending(const struct gs_sim *sim);
/* Runs the pending step for about BUDGET seconds of wall time (<= 0: to
 * its end). It is over when done, stopped, interrupted or failed (the
 * error is reported here, as the step's own would be). */
enum gs_status bgstep_run(struct gs_sim *sim, double budget);
/* Ends a pending step without running the rest (stop, reset). */
void bgstep_cancel(struct gs_sim *sim);
/* The error line for a step started while one is pending. */
enum gs_status bgstep_busy(struct gs_sim *sim);

#endif
