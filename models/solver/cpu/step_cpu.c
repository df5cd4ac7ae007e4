/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * step_cpu.c: advance in the CPU backend: the order of the stages of one
 * step, GENESIS 2.4's schedule order:
 *
 *   1. spikegens and randomspikes test the Vm of the previous step;
 *   2. spikes due now are added to the synchans' activation and the
 *      background frequency draws are made (spikes_cpu.c);
 *   3. the hsolvers' part (hsyn.c): the spikes of the step reach the
 *      synchans of cells under an hsolve of chanmode 2 to 5, cell by cell
 *      as GENESIS's hsolvers run, and those synchans integrate;
 *   4. channels (tabchannel gates, synchans) update from that Vm;
 *   5. compartments integrate, the general ones in element order
 *      (general_cpu.c), then the cells under an hsolve, implicitly
 *      (hines.c);
 *   6. Ca_concen pools integrate the channel currents of this step;
 *   7. this step's spikes are queued on their synapses' delays.
 *
 * Uniform groups run 1 and 4-5 fused in the grouped kernel (kern_body.h),
 * shared among the rank's threads with -threads N (pool_cpu.c). When a
 * synapse has a zero delay (a spike acts in the step it is fired), all
 * spikes are queued before 2; when there are hsolved synchans, all spike
 * tests run first, since step 3 needs them.
 */
#include "../model_int.h"
#include "cpu.h"

static void
step_once(struct gs_solver *s, struct cpu_state *st)
{
    struct gs_cmodel *m = s->m;
    bool early = m->zero_delay || m->nhsyn > 0; /* every spike test first */
    struct gs_kstep k = {m->t, m->step, !early, &st->fired};
    cpu_general_init(m);
    if (m->nhines)
        gs_hines_begin(m);
    cpu_spike_tests(m, st, early);
    cpu_sort_fired(m, &st->fired);
    if (m->zero_delay)
        cpu_queue_spikes(m, st);
    cpu_deliver(m, st);
    if (m->nhsyn)
        gs_hsyn_step(m, st->fired.v, st->fired.n);
    if (st->pool)
        cpu_pool_groups(st->pool, m, st->group, &k);
    else
        for (int g = 0; g < m->ngroup; g++)
            st->group(m, &m->groups[g], 0, m->groups[g].npad, &k);
    cpu_general_channels(m);
    cpu_general_compartments(m);
    if (m->nhines) /* hsolve cells: GENESIS's hsolver runs after the membranes */
        gs_hines_step(m);
    cpu_ca_pools(m);
    if (!m->zero_delay)
        cpu_queue_spikes(m, st);
    st->fired.n = 0;
    m->step++;
    m->t += m->dt;
}

enum gs_status
cpu_advance(struct gs_solver *s, int64_t n)
{
    struct cpu_state *st = s->be_state;
    for (int64_t i = 0; i < n; i++) {
        step_once(s, st);
        cpu_record(s);
    }
    return GS_OK;
}
