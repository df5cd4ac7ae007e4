/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * general_cpu.c: the general path of the CPU backend: the elements that
 * are not in a uniform group (multi-compartment cells, odd wiring), one
 * at a time in GENESIS element order, with the scalar formulas of
 * formulas.h (the CUDA backend's general path runs the same): tabchannel gates and synchans, then compartments (an AXIAL
 * message from Vm sees an earlier compartment's new value), and the
 * Ca_concen pools, which integrate the channel currents of the step.
 */
#include "../model_int.h"
#include "cpu.h"

void
cpu_general_init(struct gs_cmodel *m)
{
    /* the grouped kernel keeps its own copy */
    for (int i = 0; i < m->ngen_compt; i++)
        m->Vprev[m->gen_compt[i]] = m->V[m->gen_compt[i]];
}

void
cpu_general_channels(struct gs_cmodel *m)
{
    for (int i = 0; i < m->ngen_tab; i++)
        gs_tab_gates_step(m, m->gen_tab[i]);
    for (int i = 0; i < m->ngen_syn; i++) {
        int y = m->gen_syn[i];
        gs_syn_step(&m->sX[y], &m->sY[y], m->act[y], m->xc1[y], m->xc2[y], m->yc1[y], m->yc2[y]);
        m->act[y] = 0.0f;
    }
}

void
cpu_general_compartments(struct gs_cmodel *m)
{
    for (int i = 0; i < m->ngen_compt; i++) {
        int c = m->gen_compt[i];
        m->V[c] = gs_compt_general(m, c);
    }
}

/* Ca_concen.c: dC/dt = B I_Ca - C/tau, Ca = Ca_base + C. */
void
cpu_ca_pools(struct gs_cmodel *m)
{
    for (int a = 0; a < m->nca; a++) {
        if (m->ca_hines && m->ca_hines[a])
            continue; /* its hsolve integrated it (hines.c) */
        float act = gs_ca_input(m, a);
        m->ca_act[a] = act;
        m->caC[a] = gs_ca_step(m->caC[a], act, m->ca_B[a], m->ca_tau[a], m->dt, &m->exptab);
        m->Ca[a] = m->Ca_base[a] + m->caC[a];
    }
}
