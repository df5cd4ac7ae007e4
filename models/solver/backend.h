/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * backend.h: what a solver backend implements (STYLE K5). The solver owns
 * the compiled model's arrays (model.h); a backend receives them as a view
 * in compile(), advances them, and answers for their values. The CPU
 * backend (cpu/backend_cpu.c) works in place and is the reference; a GPU
 * backend keeps device mirrors of the same arrays, filled in compile(),
 * and moves only spikes, probe values and single fields across the bus.
 *
 * Every function gets the solver; per-backend state hangs off
 * struct gs_solver.be_state. Private to models/solver.
 */
#ifndef GS_SOLVER_BACKEND_H
#define GS_SOLVER_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "../base/gs.h"
#include "model.h"
#include "solver.h"

/* A spike event on its way: synapse Q (model index) is due at step DUE. */
struct gs_event {
    int64_t due;
    int32_t q;
};

/* A field of a compiled element: what probes record every step and the
 * sampled fields hold. */
struct gs_probe {
    int kind, idx, field;   /* idx: array index in the model */
};

struct gs_backend {
    const char *name;
    /* Takes the freshly compiled (and reset) model S->m as its view. */
    enum gs_status (*compile)(struct gs_solver *s, char *err, size_t errlen);
    /* The model was reset on the host: copy state again. */
    void (*reset)(struct gs_solver *s);
    /* Advances N steps, collecting spikes and probe rows. */
    enum gs_status (*advance)(struct gs_solver *s, int64_t n);
    double (*read_field)(struct gs_solver *s, int kind, int idx, int field);
    enum gs_wresult (*write_field)(struct gs_solver *s, int kind, int idx, int field, double v);
    /* Moves spikes out (oldest first); returns how many. */
    size_t (*collect_spikes)(struct gs_solver *s, struct gs_spike *out, size_t max);
    /* Source SRC (model index) fired in step AT, outside the model (a remote
     * spike): its events are queued as for a local spike of that step, an
     * event due in the step just done is due now (gs_solver_fire). GS_ERR,
     * queueing nothing, when an event would be due earlier. */
    enum gs_status (*fire)(struct gs_solver *s, int src, int64_t at);
    /* The events on their way, in delivery order (a malloc'd array in *OUT;
     * its length is returned). */
    size_t (*pending)(struct gs_solver *s, struct gs_event **out);
    /* Replaces the events on their way by EV (N, events of an earlier model
     * on this model's synapses); the model's step count becomes NOW. Events
     * due before NOW are dropped. */
    void (*carry)(struct gs_solver *s, const struct gs_event *ev, size_t n, int64_t now);
    /* Moves probe rows out; returns how many rows. */
    size_t (*collect_records)(struct gs_solver *s, double *out, size_t maxrows);
    /* VALS[i] = the value of field LIST[i] (N of them), as read_field gives
     * it: the sampled fields that messages read, refreshed after advancing. */
    void (*sample)(struct gs_solver *s, const struct gs_probe *list, int n, double *vals);
    /* Advances N steps with inputs from outside the model streamed in:
     * before step i the input fields (s->input, s->ninput) take the values
     * IN[i * ninput + k], as write_field writes them, and after step i
     * row i of OUT gets the sampled fields' values (s->sample, s->nsample,
     * as sample() gives them). Spikes are kept as by advance. */
    enum gs_status (*advance_window)(struct gs_solver *s, int64_t n, const double *in,
                                     double *out);
    /* Frees what compile() made. */
    void (*release)(struct gs_solver *s);
    /* Which variant runs ("cpu-avx2"). */
    const char *(*describe)(const struct gs_solver *s);
};


struct gs_solver {
    struct gs_cmodel *m;
    const struct gs_backend *be;
    void *be_state;
    int pick;               /* enum gs_backend_pick of the next compile */
    struct gs_rng *rng;     /* the simulator's generators, for the next compile */
    int threads;            /* threads of the next compile's group pass (-threads) */
    char note[320];         /* why the last compile runs elsewhere than asked */
    bool note_error;        /* CUDA was asked for by name */
    struct gs_probe *probe;
    int nprobe;
    double *rec;            /* rows of nprobe values */
    size_t nrec, rec_cap;   /* rows */
    struct gs_probe *sample; /* the sampled fields and their values */
    double *sval;
    int nsample, sample_cap;
    struct gs_sample_key *skey; /* the samples by field (solver.c); NULL: not made yet */
    struct gs_probe *input; /* the input fields of advance_window */
    int ninput;
};

extern const struct gs_backend gs_backend_cpu;
/* The CUDA backend (cuda/), in builds with HAVE_CUDA. */
extern const struct gs_backend gs_backend_cuda;
/* Why model M cannot run on the device (NULL: it can). */
const char *gs_cuda_unsupported(const struct gs_cmodel *m);
/* Whether this process sees a CUDA device. */
bool gs_cuda_present(void);
/* The device this process uses, in words ("NVIDIA H100 80GB HBM3, 85.0 GB
 * (device 0 of 1), sm_90"), or why there is none; false when none. */
bool gs_cuda_device_text(char *buf, size_t len);

/* advance_window one step at a time: write_field, advance, sample (the
 * CPU backend's, and the CUDA backend's where its kernel cannot take the
 * inputs or gather the samples). */
enum gs_status gs_window_by_steps(struct gs_solver *s, int64_t n, const double *in, double *out);

/* Host-side field access on the model arrays (fields.c), by array index. */
double gs_model_read(const struct gs_cmodel *m, int kind, int idx, int field);
/* The array that holds FIELD of every element of KIND as doubles, so that
 * gs_model_read(m, kind, i, field) is its element i; NULL where the field
 * is computed or kept in another type. */
const double *gs_model_doubles(const struct gs_cmodel *m, int kind, int field);
enum gs_wresult gs_model_write(struct gs_cmodel *m, int kind, int idx, int field, double v);

#endif
