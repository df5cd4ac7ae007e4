/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.h: what the files of the CPU backend share. The backend is split by
 * job, as the CUDA backend (../cuda) mirrors it file for file:
 *
 *   backend_cpu.c  the operation table: compile, reset, release, describe,
 *                  field reads and writes
 *   step_cpu.c     advance: the order of the stages of one step
 *   spikes_cpu.c   spike events: the calendar, delivery, spikegen and
 *                  randomspike tests, queueing, fire/pending/carry, the
 *                  spikes collected
 *   general_cpu.c  the general path: channels, compartments and Ca_concen
 *                  pools in GENESIS element order
 *   records_cpu.c  probes and sampled fields
 *   pool_cpu.c     the threads that share the uniform groups' pass
 *   kern_*.c       the grouped kernel (kern_body.h), one per instruction set
 *
 * Private to models/solver/cpu.
 */
#ifndef GS_SOLVER_CPU_H
#define GS_SOLVER_CPU_H

#include <stddef.h>
#include <stdint.h>

#include "../backend.h"
#include "kern.h"

/* The events on their way: bucket b holds the synapses (model indices)
 * due at the steps congruent to b modulo SIZE, in the order they were
 * queued. */
struct calendar {
    int size;         /* power of two, > the longest delay in steps */
    int32_t **ev;
    int *n, *cap;
};

/* The backend's own state (struct gs_solver.be_state). */
struct cpu_state {
    gs_group_fn group;        /* the grouped kernel for this CPU */
    struct calendar cal;
    struct gs_fired fired;    /* sources that fired in the current step */
    struct cpu_pool *pool;    /* the threads of the group pass; NULL: one */
    /* spikes [spikes_head, nspikes) not collected yet (collecting moves
     * the head; the array restarts once empty) */
    struct gs_spike *spikes;
    size_t nspikes, spikes_cap, spikes_head;
};

/* ---- spikes_cpu.c ---- */
/* Sizes the calendar for the model's longest delay. */
void cpu_spikes_compile(const struct gs_cmodel *m, struct cpu_state *st);
/* Empties the calendar, the fired list and the spikes (reset). */
void cpu_spikes_clear(struct cpu_state *st);
void cpu_spikes_free(struct cpu_state *st);
/* Due events into the synchans' activation, and background events. */
void cpu_deliver(struct gs_cmodel *m, struct cpu_state *st);
/* The spikegens of the general path (with GROUPED, the grouped ones too)
 * and the randomspikes test this step's input; those that fire go to the
 * fired list. */
void cpu_spike_tests(struct gs_cmodel *m, struct cpu_state *st, bool grouped);
/* Sorts the fired sources by their GENESIS processing order (often they
 * come in that order already). */
void cpu_sort_fired(const struct gs_cmodel *m, struct gs_fired *f);
/* Queues the events of the fired sources (but those into hsolved
 * synchans, hsyn.c's) and records their spikes; the fired list stays. */
void cpu_queue_spikes(struct gs_cmodel *m, struct cpu_state *st);
enum gs_status cpu_fire(struct gs_solver *s, int src, int64_t at);
size_t cpu_pending(struct gs_solver *s, struct gs_event **out);
void cpu_carry(struct gs_solver *s, const struct gs_event *ev, size_t n, int64_t now);
size_t cpu_collect_spikes(struct gs_solver *s, struct gs_spike *out, size_t max);

/* ---- general_cpu.c ---- */
/* compartment INIT of the general compartments: previous_state = Vm. */
void cpu_general_init(struct gs_cmodel *m);
void cpu_general_channels(struct gs_cmodel *m);
void cpu_general_compartments(struct gs_cmodel *m);
void cpu_ca_pools(struct gs_cmodel *m);

/* ---- records_cpu.c ---- */
void cpu_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals);
/* Appends a row of the probes' values. */
void cpu_record(struct gs_solver *s);
size_t cpu_collect_records(struct gs_solver *s, double *out, size_t maxrows);

/* ---- pool_cpu.c ---- */
struct cpu_pool;
/* Starts NTHREADS - 1 threads beside the caller for M's group pass (no
 * more than M has blocks); NULL where that leaves one thread. */
struct cpu_pool *cpu_pool_new(const struct gs_cmodel *m, int nthreads);
void cpu_pool_free(struct cpu_pool *p);
int cpu_pool_threads(const struct cpu_pool *p);
/* Runs GROUP over all of M's groups, shared among the threads; appends
 * the spikegens that fired to K->fired in unit order. */
void cpu_pool_groups(struct cpu_pool *p, struct gs_cmodel *m, gs_group_fn group,
                     const struct gs_kstep *k);

/* ---- step_cpu.c ---- */
enum gs_status cpu_advance(struct gs_solver *s, int64_t n);

#endif
