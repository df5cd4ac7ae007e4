/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_cuda.h: the device side of the CUDA backend, as plain C for
 * backend_cuda.c. kern_cuda.cu (built by nvcc, -fmad=false) holds a
 * device mirror of every array of a compiled model that a step touches,
 * and advances it with one cooperative kernel launch per window of steps,
 * with the formulas of formulas.h.
 *
 * Spike delivery is pulled, not pushed: every source keeps a ring of bits
 * (fired or not, one per step, longer than the longest delay), and a
 * synchan sums the events due now by testing, for each of its synapses,
 * the bit of its source DELAY steps ago, in the CPU calendar's delivery
 * order (newest first: descending queueing step, source order, position
 * in the source's outgoing list). So there are no event queues to fill,
 * no atomics on floating-point values, and the order of every float sum
 * is the CPU's.
 */
#ifndef GS_SOLVER_KERN_CUDA_H
#define GS_SOLVER_KERN_CUDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The device this process uses. */
struct gs_cuda_dev {
    int count;              /* devices visible */
    int index;              /* the one used: local rank modulo count */
    char name[96];
    size_t mem_total, mem_free;
    int cc_major, cc_minor, sms;
    double peak_gbs;        /* memory bandwidth from clock and bus width, GB/s */
};

/* Finds the device for local rank LRANK; false with the reason in ERR
 * (no driver, no device). */
bool gs_cuda_find(int lrank, struct gs_cuda_dev *d, char *err, size_t errlen);

struct gs_cuda;

/* Allocates the mirror of M on device DEV (nothing is copied yet);
 * NULL with the reason in ERR (too little memory: how much was needed and
 * how much is free). MAXD: the longest delay in steps the spike rings
 * must hold. */
struct gs_cuda *gs_cuda_open(const struct gs_cmodel *m, int dev, int maxd, char *err,
                             size_t errlen);
void gs_cuda_close(struct gs_cuda *c);
/* Device bytes held; blocks of the step kernel's grid. */
size_t gs_cuda_bytes(const struct gs_cuda *c);
int gs_cuda_grid(const struct gs_cuda *c);

/* Copies every array of M to the device (after compile and reset; the
 * delays in steps per synapse in DQ) and clears the spike rings. */
bool gs_cuda_upload(struct gs_cuda *c, const struct gs_cmodel *m, const int *dq, char *err,
                    size_t errlen);
/* Element IDX of KIND (enum gs_ekind) changed on the host: its
 * parameters (and with STATE its state) go to the device before the next
 * window. For a synapse, DQ is its delay in steps. */
void gs_cuda_patch(struct gs_cuda *c, const struct gs_cmodel *m, int kind, int idx, int dq,
                   bool state);

/* A sampled field: where it lives on the device and its column in the
 * rows of gathered values. */
struct gs_cuda_gather {
    const void *addr;
    int isf;                /* a float (else a double) */
    int col;
};
/* The fields gathered (N of them, one per column, each place once): a
 * row after each step of a window with inputs, or after its last step;
 * false when the device has no room. */
bool gs_cuda_set_gather(struct gs_cuda *c, const struct gs_cuda_gather *g, int n);
/* The inputs from outside the model: before each step of a window run
 * with input rows, the inject of compartment COMPT[k] takes column k. */
bool gs_cuda_set_inputs(struct gs_cuda *c, const int *compt, int n);
/* The most steps a window with input rows may run (the rows the device
 * holds). */
int64_t gs_cuda_rows(const struct gs_cuda *c);
/* The device copy of the model array at offset OFF of struct gs_cmodel. */
void *gs_cuda_dev_array(struct gs_cuda *c, size_t off);
/* Brings the spike counter and ROWS rows of gathered values of the last
 * window (one copy); returns the rows (NULL on failure, with ERR). */
const double *gs_cuda_result(struct gs_cuda *c, int64_t rows, char *err, size_t errlen);
/* The gathered values of the model now (the last row gs_cuda_result brought). */
const double *gs_cuda_gathered(struct gs_cuda *c);

/* The most steps one window may run (the spike buffer's size). */
int64_t gs_cuda_window(const struct gs_cuda *c);
/* Advances N steps (N <= gs_cuda_window) from M's step and time; the
 * model's state stays on the device until gs_cuda_download. With IN (N
 * rows of the inputs' values; N <= gs_cuda_rows), the inputs take a row
 * before each step and a row of the sampled fields is gathered after
 * each; without, the sampled fields are gathered after the last step. */
bool gs_cuda_run(struct gs_cuda *c, const struct gs_cmodel *m, int64_t n, const float *in,
                 char *err, size_t errlen);
/* The spikes since the last call (model source index, step), in no
 * particular order, after gs_cuda_result; returns how many were put in
 * *OUT (malloc'd). */
size_t gs_cuda_spikes(struct gs_cuda *c, struct gs_spike **out);
/* Copies the state arrays (Vm, gates, synchans, sources, pools) to M. */
bool gs_cuda_download(struct gs_cuda *c, struct gs_cmodel *m, char *err, size_t errlen);
/* The spike rings: *OUT (malloc'd) gets RING/64 words per source, bit
 * (f mod RING) set when the source fired in step f, and *K1, *K2 (when
 * not NULL; malloc'd) RING keys per external source; returns RING (0 on
 * failure). */
int gs_cuda_rings(struct gs_cuda *c, uint64_t **out, int64_t **k1, int64_t **k2);
/* Clears the spike rings (the events on their way go). */
void gs_cuda_clear_rings(struct gs_cuda *c);
/* Source S fired in step F: sets its bit (with the calendar key K1, K2
 * for an external source), before the next window. */
void gs_cuda_set_fired(struct gs_cuda *c, int s, int64_t f, int64_t k1, int64_t k2);

#ifdef __cplusplus
}
#endif

#endif
