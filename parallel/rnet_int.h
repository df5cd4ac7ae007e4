/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rnet_int.h: how the step-time work of rnet.c (spike exchange, value
 * messages) and the parallel output of parout.c share one set-up and one
 * step: rnet.c owns the state and calls the parout_* steps below at the
 * start of each step.
 */
#ifndef GS_RNET_INT_H
#define GS_RNET_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "../models/core/core.h"

struct parout;

/* The sequence number of the values of step S in run GEN. */
static inline uint64_t
rnet_seq(uint64_t gen, long s)
{
    return gen << 40 | ((uint64_t)s & ((UINT64_C(1) << 40) - 1));
}

/* The parallel output state of SIM (made on first use, with rnet's). */
struct parout *rnet_parout(struct gs_sim *sim);
/* The same, or NULL when none was made. */
struct parout *rnet_parout_if(struct gs_sim *sim);

struct parout *parout_new(void);
void parout_free(struct parout *po);
/* Before the zone's set-up reduction: lowers *CADENCE to the smallest
 * clock (in base steps) of this node's files and counts, in MSAVE[ME * N
 * + k] (negative), the SAVE values this node sends to node k. */
void parout_setup(struct parout *po, struct gs_model *m, int n, int me, double *cadence,
                  double *msave);
/* After it: MSAVE and CADENCE are the zone's. */
void parout_agreed(struct parout *po, int n, int me, const double *msave, double cadence);
/* Is step S an output step? */
bool parout_due(const struct parout *po, const struct gs_model *m, long s);
/* Output step S of run GEN: every SAVE_WINDOW rows waits until the
 * output nodes acknowledged the row SAVE_WINDOW rows back, then sends this
 * node's values of the row. Sent before the spike exchange, so that the
 * output node need not wait for it. */
enum gs_status parout_send(struct gs_sim *sim, struct parout *po, long s, bool multi, int me,
                           uint64_t gen);
/* Output step S of run GEN: receives the row's values from the other
 * nodes and writes the rows of this node's files (time T), acknowledging
 * every SAVE_WINDOW rows. */
enum gs_status parout_write(struct gs_sim *sim, struct parout *po, long s, bool multi, int me,
                            uint64_t gen, double t);

#endif
