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

#include "formulas.h"
#include "model.h"

/* Allocates every array for the counts already set in M; false when a
 * user-sized allocation fails (nothing is left allocated then). */
bool gs_model_alloc(struct gs_cmodel *m);

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
