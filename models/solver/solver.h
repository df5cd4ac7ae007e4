/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * solver.h: the compiled-model solver as the rest of gensh sees it. The
 * model layer builds a description (build.h), compiles it here at
 * `reset`, advances it at `step`, and reads and writes the fields of
 * compiled elements through it. Which backend advances the model (the CPU
 * reference, later CUDA) is hidden behind struct gs_backend (backend.h).
 *
 * Elements are named by (kind, builder id) as returned by the gsb_*
 * adders; fields by enum gs_sfield.
 */
#ifndef GS_SOLVER_H
#define GS_SOLVER_H

#include <stddef.h>
#include <stdint.h>

#include "../base/gs.h"
#include "build.h"

/* Fields of compiled elements that can be read or written. */
enum gs_sfield {
    /* compartment (GS_K_COMPT) */
    GS_SF_VM, GS_SF_PREV, GS_SF_INITVM, GS_SF_EM, GS_SF_RM, GS_SF_CM, GS_SF_RA, GS_SF_INJECT,
    GS_SF_DIA, GS_SF_LEN, GS_SF_IM, GS_SF_COEFF, GS_SF_COEFF2,
    /* tabchannel (GS_K_TAB); synchan (GS_K_SYN) shares EK, GK, IK */
    GS_SF_GBAR, GS_SF_EK, GS_SF_GK, GS_SF_IK, GS_SF_X, GS_SF_Y, GS_SF_Z,
    /* synchan (GS_K_SYN); X and Y are GS_SF_X, GS_SF_Y */
    GS_SF_TAU1, GS_SF_TAU2, GS_SF_GMAX, GS_SF_FREQ, GS_SF_ACT, GS_SF_NSYN, GS_SF_NORMW,
    /* synapse (GS_K_SYNAPSE) */
    GS_SF_WEIGHT, GS_SF_DELAY, GS_SF_LASTSPIKE,
    /* spikegen and randomspike (GS_K_SRC) */
    GS_SF_THRESH, GS_SF_REFRACT, GS_SF_AMP, GS_SF_LASTEVENT, GS_SF_STATE, GS_SF_RATE,
    GS_SF_MINAMP, GS_SF_MAXAMP, GS_SF_RESETV, GS_SF_RESET, GS_SF_INPUT,
    /* Ca_concen (GS_K_CA) */
    GS_SF_CA, GS_SF_C, GS_SF_CABASE, GS_SF_TAU, GS_SF_B, GS_SF_THICK,
    GS_SF_CAEXT, /* current from outside the model, added before the channels' */
    GS_SF_NFIELDS
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
/* Name of the backend in use ("cpu-avx512", "cpu-avx2", "cpu", or
 * "cuda (device 0 of 1: NVIDIA H100 80GB HBM3, 85.0 GB, sm_90)"). */
const char *gs_solver_backend(const struct gs_solver *s);

/* Which backend compiles the next model: AUTO is CUDA when gensh was
 * built with it and a device is present, else the CPU. */
enum gs_backend_pick { GS_BACKEND_AUTO = 0, GS_BACKEND_CPU = 1, GS_BACKEND_CUDA = 2 };
void gs_solver_pick(struct gs_solver *s, enum gs_backend_pick pick, struct gs_rng *rng);
/* After a compile: why the model runs on the CPU although CUDA was
 * possible or asked for (NULL: it runs where asked); *BY_NAME when CUDA
 * was asked for by name (an error), false for AUTO (information). */
const char *gs_solver_note(const struct gs_solver *s, bool *by_name);
/* "cpu", "cuda" or "auto"; and back (false: no such). */
const char *gs_backend_pick_name(enum gs_backend_pick pick);
bool gs_backend_pick_parse(const char *name, enum gs_backend_pick *out);

/*
 * Compiles B with time step DT and random SEED, replacing any previous
 * model. B is used up (gsb_compile): the caller can only free it. The
 * state (Vm, gate states, ...) is the builder's; gs_solver_reset()
 * applies GENESIS RESET instead.
 * Errors: GS_ERR with a message in ERR for bad wiring or no memory.
 */
enum gs_status gs_solver_compile(struct gs_solver *s, struct gs_build *b, double dt,
                                 uint64_t seed, char *err, size_t errlen);
/* GENESIS RESET of the compiled model: initial values, time 0. */
void gs_solver_reset(struct gs_solver *s);

/* Advances N steps; spikes and probe values are kept for collection. */
enum gs_status gs_solver_advance(struct gs_solver *s, int64_t n);
/* Steps done since reset. */
int64_t gs_solver_step(const struct gs_solver *s);

double gs_solver_read(struct gs_solver *s, int kind, int id, int field);
enum gs_wresult gs_solver_write(struct gs_solver *s, int kind, int id, int field, double v);

/* Source SRC (builder id) fired in step AT (>= the current step minus the
 * shortest delay of its synapses): its events are queued as for a local
 * spike of that step. An event that would have been due in the step just
 * done is due now (GENESIS's synchan makes an event that arrives late by
 * less than its delay plus 0.9 steps due at once: a zero-delay spike from
 * another node acts one step after it fired). GS_ERR if an event would be
 * due earlier. */
enum gs_status gs_solver_fire(struct gs_solver *s, int src, int64_t at);

/* A spike event on its way: due at step DUE on synapse K (its index
 * within the synchan, in the order its synapses were added) of synchan
 * SYN (builder id). */
struct gs_pending {
    int syn;
    int k;
    int64_t due;
};

/* The events on their way, in delivery order (a malloc'd array in *OUT;
 * its length is returned). With gs_solver_carry they survive a recompile
 * in the middle of a run, as they survive in GENESIS's synchans. */
size_t gs_solver_pending(struct gs_solver *s, struct gs_pending **out);
/* Queues events taken from an earlier model (gs_solver_pending) in this
 * one, whose current step is NOW (the model's step count becomes NOW), on
 * the same synapses, in place of any events it had; an event whose
 * synapse or synchan is gone is dropped (GENESIS drops the events of a
 * deleted SPIKE message). */
void gs_solver_carry(struct gs_solver *s, const struct gs_pending *ev, size_t n, int64_t now);

/* Moves up to MAX spikes (builder source ids, oldest first) into OUT. */
size_t gs_solver_spikes(struct gs_solver *s, struct gs_spike *out, size_t max);

/*
 * Sampled fields: the values messages from compiled elements read (an
 * asc_file's SAVE Vm, a graph's PLOT Gk). gs_solver_add_sample registers
 * field FIELD of (KIND, ID) and returns its place in gs_solver_samples(),
 * -1 for no such element; gs_solver_sample refreshes every value from the
 * model (after advancing), and a write through gs_solver_write refreshes
 * those of its field. The array moves only when a sample is added, and
 * is dropped with the model.
 */
int gs_solver_add_sample(struct gs_solver *s, int kind, int id, int field);
const double *gs_solver_samples(const struct gs_solver *s);
void gs_solver_sample(struct gs_solver *s);

/*
 * Windows of steps (the scheduler's fused windows, glue.c): the fields
 * that messages from outside the model write before each step are
 * registered as inputs (gs_solver_input: field FIELD of (KIND, ID); its
 * column, -1 for no such element); gs_solver_advance_window then advances
 * N steps, field k taking IN[i * ninputs + k] before step i, and gives the
 * sampled fields' values after step i in row i of OUT (one value per
 * sample). Inputs are dropped with the model.
 */
int gs_solver_input(struct gs_solver *s, int kind, int id, int field);
enum gs_status gs_solver_advance_window(struct gs_solver *s, int64_t n, const double *in,
                                        double *out);
/* Sets the sampled values to VALS (a row of OUT, or values kept). */
void gs_solver_set_samples(struct gs_solver *s, const double *vals);
int gs_solver_nsamples(const struct gs_solver *s);

/* Registers a field sampled after every step; returns its column. */
int gs_solver_probe(struct gs_solver *s, int kind, int id, int field);
/* Moves up to MAX rows of probe values (one double per probe) into OUT;
 * returns the rows moved. */
size_t gs_solver_records(struct gs_solver *s, double *out, size_t maxrows);

/* Bytes of model state and parameters (for the memory figures; the
 * backend's queues of events on their way are not counted). */
size_t gs_solver_bytes(const struct gs_solver *s);
/* The model itself, for tests and the benchmark. */
struct gs_cmodel *gs_solver_model(struct gs_solver *s);

#endif
