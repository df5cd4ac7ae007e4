/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * solver.h: the compiled-model solver as the rest of gensh sees it. The
 * model layer builds a description (build.h), compiles it here at
 * `reset`, advances it at `step`, and reads and writes the fields of
 * compiled elements through it. Which backend advances the model (the CPU
 * reference, later CUDA) is hidden behind struct gs_backend (backend.h).
 *
 * Elements are named by (kind, builder id) as returned by the gsb_*
 * adders; fields by enum gs_field.
 */
#ifndef GS_SOLVER_H
#define GS_SOLVER_H

#include <stddef.h>
#include <stdint.h>

#include "../base/gs.h"
#include "build.h"

/* Fields of compiled elements that can be read or written. */
enum gs_field {
    /* compartment (GS_K_COMPT) */
    GS_F_VM, GS_F_PREV, GS_F_INITVM, GS_F_EM, GS_F_RM, GS_F_CM, GS_F_RA, GS_F_INJECT,
    GS_F_DIA, GS_F_LEN, GS_F_IM,
    /* tabchannel (GS_K_TAB); synchan (GS_K_SYN) shares EK, GK, IK */
    GS_F_GBAR, GS_F_EK, GS_F_GK, GS_F_IK, GS_F_X, GS_F_Y, GS_F_Z,
    /* synchan (GS_K_SYN); X and Y are GS_F_X, GS_F_Y */
    GS_F_TAU1, GS_F_TAU2, GS_F_GMAX, GS_F_FREQ, GS_F_ACT, GS_F_NSYN, GS_F_NORMW,
    /* synapse (GS_K_SYNAPSE) */
    GS_F_WEIGHT, GS_F_DELAY,
    /* spikegen and randomspike (GS_K_SRC) */
    GS_F_THRESH, GS_F_REFRACT, GS_F_AMP, GS_F_LASTEVENT, GS_F_STATE, GS_F_RATE,
    GS_F_MINAMP, GS_F_MAXAMP, GS_F_RESETV, GS_F_RESET,
    /* Ca_concen (GS_K_CA) */
    GS_F_CA, GS_F_C, GS_F_CABASE, GS_F_TAU, GS_F_B, GS_F_THICK,
    GS_F_NFIELDS
};

/* Result of gs_solver_write. */
enum gs_wresult {
    GS_W_OK = 0,        /* the compiled model has the value */
    GS_W_RECOMPILE = 1, /* structural: takes effect when the model is recompiled */
    GS_W_BAD = -1,      /* no such element or field, or read-only */
};

struct gs_solver;

/* A new, empty solver on the best backend available. Caller frees. */
struct gs_solver *gs_solver_new(void);
void gs_solver_free(struct gs_solver *s);
/* Name of the backend in use ("cpu-avx512", "cpu-avx2", "cpu"). */
const char *gs_solver_backend(const struct gs_solver *s);

/*
 * Compiles B (kept by the caller) with time step DT and random SEED,
 * replacing any previous model. The state (Vm, gate states, ...) is the
 * builder's; gs_solver_reset() applies GENESIS RESET instead.
 * Errors: GS_ERR with a message in ERR for bad wiring or no memory.
 */
enum gs_status gs_solver_compile(struct gs_solver *s, const struct gs_build *b, double dt,
                                 uint64_t seed, char *err, size_t errlen);
/* GENESIS RESET of the compiled model: initial values, time 0. */
void gs_solver_reset(struct gs_solver *s);
bool gs_solver_ready(const struct gs_solver *s);

/* Advances N steps; spikes and probe values are kept for collection. */
enum gs_status gs_solver_advance(struct gs_solver *s, int64_t n);
/* Steps done since reset. */
int64_t gs_solver_step(const struct gs_solver *s);

double gs_solver_read(struct gs_solver *s, int kind, int id, int field);
enum gs_wresult gs_solver_write(struct gs_solver *s, int kind, int id, int field, double v);

/* Source SRC (builder id) fired in step AT (>= the current step minus the
 * shortest delay of its synapses): its events are queued as for a local
 * spike of that step. GS_ERR if an event would be due in the past. */
enum gs_status gs_solver_fire(struct gs_solver *s, int src, int64_t at);

/* Moves up to MAX spikes (builder source ids, oldest first) into OUT. */
size_t gs_solver_spikes(struct gs_solver *s, struct gs_spike *out, size_t max);

/* Registers a field sampled after every step; returns its column. */
int gs_solver_probe(struct gs_solver *s, int kind, int id, int field);
/* Moves up to MAX rows of probe values (one double per probe) into OUT;
 * returns the rows moved. */
size_t gs_solver_records(struct gs_solver *s, double *out, size_t maxrows);

/* Bytes of model state and parameters (for the memory figures). */
size_t gs_solver_bytes(const struct gs_solver *s);
/* The model itself, for tests and the benchmark. */
struct gs_model *gs_solver_model(struct gs_solver *s);

#endif
