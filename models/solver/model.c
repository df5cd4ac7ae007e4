/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model.c: life of a compiled model: allocation, freeing, the builder-id
 * map and GENESIS's RESET of every element.
 *
 * RESET follows GENESIS 2.4: compartments take initVm; tabchannel gates
 * take their steady state A/B at the (reset) Vm of their VOLTAGE source;
 * synchans clear their state and compute the integration constants and
 * the conductance normalisation from dt, tau1, tau2 and gmax (their
 * RECALC); spikegens set lastevent = -abs_refract. The float/double mix
 * of each formula is GENESIS's (see docs/solver.md).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "build.h"
#include "model_int.h"

#define ARR(p, n) ((p) = calloc((size_t)(n) + 1, sizeof *(p)), ok = ok && (p) != NULL)

bool
gs_model_alloc(struct gs_cmodel *m, int kind)
{
    bool ok = true;
    int nc = m->ncompt, nt = m->ntab, ns = m->nsyn, nq = m->nsynapse;
    int nsrc = m->nspike + m->nrand + m->next;
    switch (kind) {
    case GS_K_COMPT:
        ARR(m->V, nc);
        ARR(m->Vprev, nc);
        ARR(m->initVm, nc);
        ARR(m->Em, nc);
        ARR(m->Rm, nc);
        ARR(m->Cm, nc);
        ARR(m->Ra, nc);
        ARR(m->inject, nc);
        ARR(m->dia, nc);
        ARR(m->len, nc);
        ARR(m->k_leak, nc);
        ARR(m->k_B0, nc);
        ARR(m->comp_general, nc);
        ARR(m->csym, nc);
        ARR(m->coeff, nc);
        ARR(m->coeff2, nc);
        ARR(m->term_first, nc + 1);
        break;
    case GS_K_TAB:
        ARR(m->Gbar, nt);
        ARR(m->tEk, nt);
        ARR(m->tgate, nt * GS_NGATES);
        ARR(m->tvsrc, nt);
        ARR(m->tgsrc, nt);
        ARR(m->tvreset, nt);
        ARR(m->Xidle, m->nidle);
        ARR(m->X, m->ngate);
        ARR(m->gdef, m->ngate);
        ARR(m->gconc, m->ngate);
        break;
    case GS_K_SYN:
        ARR(m->sX, ns);
        ARR(m->sY, ns);
        ARR(m->act, ns);
        ARR(m->sEk, ns);
        ARR(m->tau1, ns);
        ARR(m->tau2, ns);
        ARR(m->gmax, ns);
        ARR(m->freq, ns);
        ARR(m->norm, ns);
        ARR(m->normw, ns);
        ARR(m->xc1, ns);
        ARR(m->xc2, ns);
        ARR(m->yc1, ns);
        ARR(m->yc2, ns);
        ARR(m->svsrc, ns);
        ARR(m->syn_gid, ns);
        ARR(m->freq_syn, ns);
        break;
    case GS_K_SYNAPSE:
        ARR(m->syn_first, ns + 1);
        ARR(m->q_weight, nq);
        ARR(m->q_delay, nq);
        ARR(m->q_last, nq);
        ARR(m->q_src, nq);
        ARR(m->q_chan, nq);
        ARR(m->out_first, nsrc + 1);
        ARR(m->out_syn, nq);
        break;
    case GS_K_SRC:
        ARR(m->thresh, m->nspike);
        ARR(m->refract, m->nspike);
        ARR(m->amp, m->nspike);
        ARR(m->lastevent, m->nspike);
        ARR(m->gvsrc, m->nspike);
        ARR(m->ginput, m->nspike);
        ARR(m->lastfire, m->nspike);
        ARR(m->hspk_steps, m->nspike);
        ARR(m->hspk_count, m->nspike);
        ARR(m->r_rate, m->nrand);
        ARR(m->r_refract, m->nrand);
        ARR(m->r_reset_value, m->nrand);
        ARR(m->r_min, m->nrand);
        ARR(m->r_max, m->nrand);
        ARR(m->r_last, m->nrand);
        ARR(m->r_state, m->nrand);
        ARR(m->r_realrate, m->nrand);
        ARR(m->r_stride, m->nrand);
        ARR(m->r_dt, m->nrand);
        ARR(m->r_reset, m->nrand);
        ARR(m->src_order, nsrc);
        ARR(m->src_gid, nsrc);
        break;
    case GS_K_CA:
        ARR(m->caC, m->nca);
        ARR(m->Ca, m->nca);
        ARR(m->Ca_base, m->nca);
        ARR(m->ca_tau, m->nca);
        ARR(m->ca_B, m->nca);
        ARR(m->ca_thick, m->nca);
        ARR(m->ca_act, m->nca);
        ARR(m->ca_ext, m->nca);
        ARR(m->cain_first, m->nca + 1);
        break;
    default:
        GS_BUG("no arrays of element kind %d", kind);
    }
    return ok;
}

void
gs_model_free(struct gs_cmodel *m)
{
    if (!m)
        return;
    gs_model_uniform_free(m);
    gs_hines_free(m);
    gs_hsyn_free(m);
    for (int g = 0; g < m->ngroup && m->groups; g++) {
        for (int b = 0; b < m->groups[g].nbundle; b++)
            free(m->groups[g].bundle[b].rec);
        free(m->groups[g].bundle);
    }
    void *arrs[] = {
        m->V, m->Vprev, m->initVm, m->Em, m->Rm, m->Cm, m->Ra, m->inject, m->dia, m->len,
        m->k_leak, m->k_B0, m->comp_general, m->csym, m->coeff, m->coeff2, m->Gbar, m->tEk, m->tgate, m->tvsrc, m->tgsrc, m->tvreset,
        m->Xidle, m->X, m->gdef, m->gconc, m->gatedef, m->sX, m->sY, m->act, m->sEk, m->tau1,
        m->tau2, m->gmax, m->freq, m->norm, m->normw, m->xc1, m->xc2, m->yc1, m->yc2, m->svsrc,
        m->syn_first, m->syn_gid, m->q_weight, m->q_delay, m->q_last, m->q_src, m->q_chan,
        m->thresh, m->refract, m->amp, m->lastevent, m->gvsrc, m->ginput, m->lastfire, m->hspk_steps, m->hspk_count, m->r_rate,
        m->r_refract, m->r_reset_value, m->r_min, m->r_max, m->r_last, m->r_state,
        m->r_realrate, m->r_reset, m->r_stride, m->r_dt, m->out_first, m->out_syn, m->src_order, m->src_gid, m->caC,
        m->Ca, m->Ca_base, m->ca_tau, m->ca_B, m->ca_thick, m->ca_act, m->ca_ext, m->cain_first, m->cain,
        m->groups, m->gen_tab, m->gen_syn, m->gen_compt, m->gen_spk, m->term_first, m->terms,
        m->freq_syn,
    };
    for (size_t i = 0; i < sizeof arrs / sizeof arrs[0]; i++)
        free(arrs[i]);
    for (int k = 0; k < 6; k++)
        free(m->map[k]);
    for (int i = 0; i < m->ntabpair; i++)
        free(m->tabs[i].rec);
    free(m->tabs);
    free(m);
}

int
gs_model_map(const struct gs_cmodel *m, int kind, int id)
{
    if (kind < 0 || kind >= GS_K_NKINDS || id < 0 || id >= m->map_n[kind])
        return -1;
    return m->map[kind][id];
}

void
gs_model_refresh_compt(struct gs_cmodel *m, int c)
{
    /* compartment.c: A += Em/Rm + inject, in float; B = 1.0/Rm */
    m->k_leak[c] = m->Em[c] / m->Rm[c];
    m->k_B0[c] = 1.0 / (double)m->Rm[c];
    m->hines_stale = true;
}

/* synchan.c RECALC: integration constants and the peak normalisation. */
static void
syn_recalc(struct gs_cmodel *m, int y)
{
    double dt = m->dt;
    float t1 = m->tau1[y], t2 = m->tau2[y], gmax = m->gmax[y];
    m->xc1[y] = t1 * (1.0 - exp(-dt / t1));
    m->xc2[y] = exp(-dt / t1);
    m->yc1[y] = t2 * (1.0 - exp(-dt / t2));
    m->yc2[y] = exp(-dt / t2);
    float norm;
    if (t1 == t2) {
        norm = (float)(gmax * M_E / t1);
    } else {
        float tpeak = (float)(t1 * t2 * log(t1 / t2) / (t1 - t2));
        norm = (float)(gmax * (t1 - t2) /
                       (t1 * t2 * (exp(-tpeak / t1) - exp(-tpeak / t2))));
    }
    int nsyn = m->syn_first[y + 1] - m->syn_first[y];
    if (m->normw[y] != 0 && nsyn > 0)
        norm = norm / (short)nsyn;
    m->norm[y] = norm;
}

/* The synchans with a background frequency, in GENESIS element order (the
 * builder's order, which map[GS_K_SYN] turns into model indices): GENESIS's
 * generator is drawn in that order. */
void
gs_model_freq_list(struct gs_cmodel *m)
{
    m->nfreq = 0;
    const int *order = m->map[GS_K_SYN];
    bool by_builder = order && m->map_n[GS_K_SYN] == m->nsyn;
    for (int i = 0; i < m->nsyn; i++) {
        int y = by_builder ? order[i] : i;
        /* an hsolved synchan draws in its cell's step (hsyn.c) */
        if (m->freq[y] > 1e-20f && !(m->syn_hines && m->syn_hines[y] >= 0))
            m->freq_syn[m->nfreq++] = y;
    }
}

static void
reset_gates(struct gs_cmodel *m)
{
    for (int h = 0; h < m->ntab; h++) {
        double v = m->tvsrc[h] >= 0 ? m->V[m->tvsrc[h]] : m->tvreset[h];
        for (int k = 0; k < GS_NGATES; k++) {
            int gi = m->tgate[h * GS_NGATES + k];
            if (gi < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
            double c = m->gconc[gi] >= 0 ? m->Ca[m->gconc[gi]] : 0.0;
            double A, B;
            gs_gate_rates(&m->tabs[d->tab], d->input == GS_GIN_CONC ? c : v, false, &m->exptab,
                          &A, &B);
            if (d->input == GS_GIN_CODEP)
                A = c * A;
            m->X[gi] = A / B;
        }
    }
}

/* Everything that follows from parameters and dt only (GENESIS computes
 * these at RESET or each step; the solver once per compile and reset). */
void
gs_model_derive(struct gs_cmodel *m)
{
    for (int c = 0; c < m->ncompt; c++) {
        gs_model_refresh_compt(m, c);
        if (!m->csym[c])
            continue;
        /* symcompart.c RESET: the axial resistance split between the ends */
        double tail = 0, head = 0;
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            int k = m->terms[j].kind & ~GS_TERM_PREV;
            if (k == GS_T_TAIL)
                tail += m->Ra[c] / (double)m->Ra[m->terms[j].ref];
            else if (k == GS_T_HEAD)
                head += m->Ra[c] / (double)m->Ra[m->terms[j].ref];
        }
        m->coeff[c] = (float)((1 + tail) / 2.0);
        m->coeff2[c] = (float)((1 + head) / 2.0);
    }
    for (int y = 0; y < m->nsyn; y++)
        syn_recalc(m, y);
    gs_model_freq_list(m);
    m->zero_delay = false;
    for (int q = 0; q < m->nsynapse; q++)
        if (gs_syn_dsteps(m, q) == 0)
            m->zero_delay = true;
    for (int s = 0; s < m->nspike; s++) {
        int c = m->gvsrc[s];
        /* chanmode 0 and 1 leave the spikegen an element of its own */
        bool hines = c >= 0 && m->comp_hines && m->comp_hines[c] >= 0 &&
                     m->hines[m->comp_hines[c]].chanmode >= 2;
        m->hspk_steps[s] = hines ? (int)((double)m->refract[s] / m->dt + 1.9) : 0;
    }
    for (int r = 0; r < m->nrand; r++) {
        float p = 1.0f - m->r_rate[r] * m->r_refract[r];
        m->r_realrate[r] = p <= 1e-7f ? m->r_rate[r] : m->r_rate[r] / p;
    }
    gs_model_uniform(m);
}

/* randomspike.c RESET: a random time in the past (an exponential
 * interval), so a fast source is not bound to fire at t = 0. */
static float
randomspike_first(const struct gs_cmodel *m, int r)
{
    float u = 0.0f;
    for (uint64_t k = 0; u == 0.0f; k++)
        u = (float)rng_key_uniform(m->seed, m->src_gid[m->nspike + r], 0x52535431, k);
    float mean = 1.0f / m->r_rate[r];
    return mean * logf(u);
}

void
gs_model_reset(struct gs_cmodel *m)
{
    m->step = 0;
    m->t = 0.0;
    for (int c = 0; c < m->ncompt; c++) {
        m->V[c] = m->initVm[c];
        m->Vprev[c] = m->V[c];
    }
    for (int a = 0; a < m->nca; a++) {
        m->ca_act[a] = 0;
        m->caC[a] = 0;
        m->Ca[a] = m->Ca_base[a];
    }
    reset_gates(m);
    for (int y = 0; y < m->nsyn; y++) {
        m->sX[y] = m->sY[y] = 0;
        m->act[y] = 0;
    }
    gs_hsyn_reset(m);
    for (int q = 0; q < m->nsynapse; q++)
        m->q_last[q] = -1;
    for (int s = 0; s < m->nspike; s++) {
        m->lastevent[s] = -m->refract[s];
        m->lastfire[s] = -1;
        m->hspk_count[s] = 0;
    }
    gs_model_derive(m);
    for (int r = 0; r < m->nrand; r++) {
        m->r_state[r] = m->r_reset_value[r];
        if (m->r_rate[r] <= 0.0f) {
            m->r_last[r] = 0;
            m->r_realrate[r] = 0;
        } else {
            m->r_last[r] = randomspike_first(m, r);
        }
    }
}
