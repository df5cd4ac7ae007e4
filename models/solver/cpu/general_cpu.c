/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * general_cpu.c: the general path of the CPU backend: the elements that
 * are not in a uniform group (multi-compartment cells, odd wiring), one
 * at a time in GENESIS element order, with the scalar formulas of
 * model_int.h: tabchannel gates and synchans, then compartments (an AXIAL
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
    const double dt = m->dt;
    for (int i = 0; i < m->ngen_tab; i++) {
        int h = m->gen_tab[i];
        double v = gs_chan_v(m, m->tvsrc[h]);
        for (int k = 0; k < GS_NGATES; k++) {
            int gi = m->tgate[h * GS_NGATES + k];
            if (gi < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
            double c = m->gconc[gi] >= 0 ? m->Ca[m->gconc[gi]] : 0.0, A, B;
            gs_gate_rates(&m->tabs[d->tab], d->input == GS_GIN_CONC ? c : v, true, &m->exptab,
                          &A, &B);
            if (d->input == GS_GIN_CODEP)
                A = c * A;
            m->X[gi] = gs_gate_step(m->X[gi], A, B, d->instant, dt, &m->exptab);
        }
    }
    for (int i = 0; i < m->ngen_syn; i++) {
        int y = m->gen_syn[i];
        double x = (double)m->act[y] * m->xc1[y] + m->sX[y] * m->xc2[y];
        m->sX[y] = x;
        m->sY[y] = x * m->yc1[y] + m->sY[y] * m->yc2[y];
        m->act[y] = 0.0f;
    }
}

void
cpu_general_compartments(struct gs_cmodel *m)
{
    for (int i = 0; i < m->ngen_compt; i++) {
        int c = m->gen_compt[i];
        double A = 0.0, B = m->k_B0[c], C = 0.0;
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            int k = t->kind & ~GS_TERM_PREV;
            if (k == GS_T_TAB || k == GS_T_SYN) {
                double g = k == GS_T_TAB ? gs_tab_gk(m, t->ref) : gs_syn_gk(m, t->ref);
                double ek = k == GS_T_TAB ? m->tEk[t->ref] : m->sEk[t->ref];
                A += ek * g;
                B += g;
            } else if (k == GS_T_TAIL || k == GS_T_HEAD) {
                /* symcompart.c: into A, the neighbour's Ra times coeff */
                double v1 = (t->kind & GS_TERM_PREV) ? m->Vprev[t->ref] : m->V[t->ref];
                double ra = (double)m->Ra[t->ref] * (k == GS_T_TAIL ? m->coeff[c] : m->coeff2[c]);
                A += v1 / ra;
                B += 1.0 / ra;
            } else {
                double v1 = (t->kind & GS_TERM_PREV) ? m->Vprev[t->ref] : m->V[t->ref];
                double ra = k == GS_T_RAXIAL ? m->Ra[t->ref] : m->Ra[c];
                C += v1 / ra;
                B += 1.0 / ra;
            }
        }
        float lk = m->k_leak[c] + m->inject[c];
        A += (double)lk;
        double ac = (A + C) / (double)m->Cm[c], bc = B / (double)m->Cm[c];
        double D = vm_exp_clamped(-bc * m->dt, &m->exptab);
        m->V[c] = m->V[c] * D + (ac / bc) * (1.0 - D);
    }
}

static double
chan_ik(const struct gs_cmodel *m, int chkind, int ch)
{
    if (chkind == GS_CH_TAB)
        return (m->tEk[ch] - gs_chan_v(m, m->tvsrc[ch])) * gs_tab_gk(m, ch);
    return (m->sEk[ch] - gs_chan_v(m, m->svsrc[ch])) * gs_syn_gk(m, ch);
}

/* Ca_concen.c: dC/dt = B I_Ca - C/tau, Ca = Ca_base + C. */
void
cpu_ca_pools(struct gs_cmodel *m)
{
    for (int a = 0; a < m->nca; a++) {
        float act = m->ca_ext[a];
        for (int j = m->cain_first[a]; j < m->cain_first[a + 1]; j++) {
            const struct gs_cainput *in = &m->cain[j];
            double ik = chan_ik(m, in->chkind, in->chan);
            switch (in->kind) {
            case GS_CA_ICA: act = (float)(act + ik); break;
            case GS_CA_FICA: act = (float)(act + ik * in->frac); break;
            case GS_CA_INC: act = (float)(act + fabs(ik)); break;
            case GS_CA_DEC: act = (float)(act - fabs(ik)); break;
            }
        }
        m->ca_act[a] = act;
        float a_in = m->ca_B[a] * act;
        float b_in = 1 / m->ca_tau[a];
        double D = vm_exp_clamped(-(double)b_in * m->dt, &m->exptab);
        m->caC[a] = m->caC[a] * D + ((double)a_in / (double)b_in) * (1.0 - D);
        m->Ca[a] = m->Ca_base[a] + m->caC[a];
    }
}
