/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model_int.h: helpers shared by the solver's own files: allocation and
 * reset of a compiled model. The scalar forms of the GENESIS formulas
 * (table lookup, gate powers, conductances, the element updates) are in
 * formulas.h, shared with the CUDA backend.
 * Private to models/solver.
 */
#ifndef GS_SOLVER_MODEL_INT_H
#define GS_SOLVER_MODEL_INT_H

/* No fused multiply-add in any solver file: GENESIS rounds each product. */
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formulas.h"
#include "model.h"

/* Allocates the arrays of element kind KIND (enum gs_ekind of build.h;
 * GS_K_TAB with the gates, GS_K_SRC the spikegens and randomspikes,
 * GS_K_SYNAPSE the synapses and the lists of them by synchan and by
 * source) for the counts already set in M, zeroed. The layout allocates
 * each kind's arrays only when it writes them, after freeing the records
 * of the kinds before, so that the model's arrays and the builder's
 * records are not all resident at once. False when a user-sized
 * allocation fails (gs_model_free frees what was allocated). */
bool gs_model_alloc(struct gs_cmodel *m, int kind);

/* GENESIS RESET of every element, in the order RESET reaches them:
 * compartments, then channels (which read the reset Vm), synchans,
 * spikegens, randomspikes and Ca_concen; clears time (the backend clears
 * the events on their way). */
void gs_model_reset(struct gs_cmodel *m);

/* The constants that follow from parameters and dt (Em/Rm, synchan
 * integration constants, delays in steps, ...), without touching state. */
void gs_model_derive(struct gs_cmodel *m);
/* Finds the parameters each group's units share (uniform.c). */
void gs_model_uniform(struct gs_cmodel *m);
void gs_model_uniform_free(struct gs_cmodel *m);
/* Field FIELD of element IDX (array index) of KIND was written: the
 * group's shared copy of it, if any, no longer holds. */
void gs_model_nonuniform(struct gs_cmodel *m, int kind, int idx, int field);
/* Derived constants that follow a field at once (Em/Rm, 1/Rm, delays). */
void gs_model_refresh_compt(struct gs_cmodel *m, int c);
/* Rebuilds the list of synchans with a background frequency. */
void gs_model_freq_list(struct gs_cmodel *m);

/* Cells under an hsolve (hines.c). gs_hines_layout builds NH cells, cell h
 * from the compartments LIST[FIRST[h]..FIRST[h+1]) (model indices, path
 * order) and the tabchannels whose TAB_CELL (by model index) is h; false
 * with a message in ERR for a link leaving a cell. gs_hines_prepare makes
 * the tables the gates need (after the model's tables are in place);
 * gs_hines_begin refreshes what Cm, Rm, Ra and dt give and stores the
 * previous Vm, before the channels of a step; gs_hines_step integrates
 * the cells, after the general path's channels. */
struct gsb_hines;
bool gs_hines_layout(struct gs_cmodel *m, int nh, const struct gsb_hines *def, const int *first,
                     const int *list, const int *tab_cell, char *err, size_t errlen);
void gs_hines_prepare(struct gs_cmodel *m);
void gs_hines_begin(struct gs_cmodel *m);
void gs_hines_step(struct gs_cmodel *m);
void gs_hines_free(struct gs_cmodel *m);

/* Synchans under an hsolve of chanmode 2 to 5 (hsyn.c), GENESIS's
 * hines_conn.c and synchan.c HPROCESS/HSEVENT. gs_hsyn_layout takes, per
 * model synchan, its cell (SYN_CELL, -1 none) and compartment (SYN_COMPT)
 * and orders each cell's spikegens and synchans as GENESIS's chip loop
 * does (after gs_hines_layout). gs_hsyn_reset empties the events
 * (synchan RESET). gs_hsyn_step runs the hsolve part of a step: the
 * events of the sources FIRED (N, in GENESIS order) that run before the
 * hsolvers, then cell by cell the spikes its step sends and its synchans'
 * delivery and integration. gs_hsyn_send queues synapse Q's event, due in
 * K steps, as synchan.c's EVENT does for an hsolved synchan;
 * gs_hsyn_pending lists the events on their way (due step, synapse) into
 * *OUT from index N (growing it, CAP its size) and returns the new count;
 * gs_hsyn_carry queues one again after a recompile that goes on from step
 * NOW. */
struct gs_event;
void gs_hsyn_layout(struct gs_cmodel *m, const int *syn_cell, const int *syn_compt);
void gs_hsyn_reset(struct gs_cmodel *m);
void gs_hsyn_free(struct gs_cmodel *m);
void gs_hsyn_step(struct gs_cmodel *m, const int32_t *fired, int n);
void gs_hsyn_send(struct gs_cmodel *m, int q, int k);
size_t gs_hsyn_pending(const struct gs_cmodel *m, struct gs_event **out, size_t n, size_t *cap);
void gs_hsyn_carry(struct gs_cmodel *m, int q, int64_t due, int64_t now);

/* The purpose keys of the keyed draws of a synchan's background frequency
 * (rng_key_uniform). */
#define GS_PURPOSE_FREQ 0x53594e46u

/* A delay in steps, as synchan.c's EVENT computes it. */
static inline int
gs_delay_steps(const struct gs_cmodel *m, float delay)
{
    int d = (int)((double)delay / m->dt + 0.9);
    return d < 0 ? 0 : d;
}

/* Synapse Q's delay in steps. */
static inline int
gs_syn_dsteps(const struct gs_cmodel *m, int q)
{
    return gs_delay_steps(m, m->q_delay[q]);
}

#endif
