/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cuda.h: what the host files of the CUDA backend share. The backend is
 * split by job as the CPU backend (../cpu) is:
 *
 *   backend_cuda.c  the operation table: compile, reset, release, describe,
 *                   field reads and writes, the device and the fallback
 *   step_cuda.c     advance: windows of steps on the device
 *   spikes_cuda.c   spike events: the window's spikes in the CPU's order,
 *                   fire/pending/carry on the spike rings, the spikes
 *                   collected
 *   records_cuda.c  probes and sampled fields
 *   kern_cuda.cu    the device: the model's mirror and the step kernel,
 *                   whose stages are the CPU's general path and grouped
 *                   kernel, element kind by element kind (kern_cuda.h)
 *
 * Private to models/solver/cuda.
 */
#ifndef GS_SOLVER_CUDA_H
#define GS_SOLVER_CUDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../backend.h"
#include "kern_cuda.h"

struct cuda_state {
    struct gs_cuda *c;
    bool stale;             /* the device's state is newer than the host's */
    /* the sampled fields as last given to sample(), gathered on the device
     * after each window when every one is stored (gather); fresh: the
     * gathered values are the model's now */
    struct gs_probe *slist;
    int ns;
    bool gather, fresh;
    int *gcol;              /* per sampled field: its gathered column, -1 read on the host */
    int ng;                 /* gathered columns */
    int nin_set;            /* inputs the device knows (advance_window's) */
    int maxd;               /* the longest delay in steps the spike rings hold */
    int64_t seq;            /* remote spikes queued (their calendar order) */
    struct gs_cuda_dev dev;
    char desc[320];
    /* spikes not collected yet: [spikes_head, nspikes) */
    struct gs_spike *spikes;
    size_t nspikes, spikes_cap, spikes_head;
};

/* Whether steps change FIELD (or it is computed from what they change):
 * the host has it only after a download. */
bool cuda_state_field(int field);
/* Brings the device's state to the host arrays, when it is newer. */
bool cuda_sync_host(struct gs_solver *s);

/* step_cuda.c */
enum gs_status cuda_advance(struct gs_solver *s, int64_t n);
enum gs_status cuda_advance_window(struct gs_solver *s, int64_t n, const double *in,
                                   double *out);

/* spikes_cuda.c: the spikes of the window just run, in the CPU backend's
 * order, into the model's spike list; TSTEP[i]: the time of step STEP0+i */
void cuda_take_spikes(struct gs_solver *s, int64_t step0, const double *tstep);
enum gs_status cuda_fire(struct gs_solver *s, int src, int64_t at);
size_t cuda_pending(struct gs_solver *s, struct gs_event **out);
void cuda_carry(struct gs_solver *s, const struct gs_event *ev, size_t n, int64_t now);
size_t cuda_spikes(struct gs_solver *s, struct gs_spike *out, size_t max);

/* records_cuda.c */
void cuda_record_probes(struct gs_solver *s);
size_t cuda_records(struct gs_solver *s, double *out, size_t maxrows);
void cuda_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals);
/* Whether every one of the solver's sampled fields is gathered on the
 * device (the gathered columns in gcol, for the list now). */
bool cuda_samples_gathered(struct gs_solver *s);

#endif
