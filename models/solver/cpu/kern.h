/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern.h: the vectorised group kernel of the CPU backend. kern_body.h is
 * compiled once per instruction set (baseline x86-64 or any CPU, AVX2+FMA,
 * AVX-512), always without floating-point contraction, so every variant
 * gives the same bits; backend_cpu.c picks the best one the CPU runs.
 */
#ifndef GS_SOLVER_KERN_H
#define GS_SOLVER_KERN_H

#include <stdbool.h>
#include <stdint.h>

#include "../model.h"

/* Spike sources (model indices) that fired in the current step. */
struct gs_fired {
    int32_t *v;
    int n, cap;
};

/* What the group kernel needs besides the model. */
struct gs_kstep {
    double t;          /* simulation time of this step */
    int64_t step;      /* its number since reset */
    bool spikes;       /* run the spikegen stage (false: done in a prepass) */
    struct gs_fired *fired; /* where the spikegens that fire go */
};

/* Advances units [u0, u1) of group G (multiples of GS_BLK) by one step;
 * appends the spikegens that fired to k->fired. */
typedef void (*gs_group_fn)(struct gs_cmodel *m, const struct gs_group *g, int u0, int u1,
                            const struct gs_kstep *k);

void gs_kern_group_base(struct gs_cmodel *m, const struct gs_group *g, int u0, int u1,
                        const struct gs_kstep *k);
void gs_kern_group_avx2(struct gs_cmodel *m, const struct gs_group *g, int u0, int u1,
                        const struct gs_kstep *k);
void gs_kern_group_avx512(struct gs_cmodel *m, const struct gs_group *g, int u0, int u1,
                          const struct gs_kstep *k);

/* Appends spike source S to F (grows it). */
void gs_fired_push(struct gs_fired *f, int32_t s);

#endif
