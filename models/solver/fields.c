/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fields.c: reading and writing fields of compiled elements on the host
 * arrays. Values GENESIS computes in PROCESS but the solver does not store
 * (channel Gk and Ik, spikegen state) are recomputed here from the stored
 * state with the same arithmetic, so a read gives what GENESIS would show.
 * Writes take effect when GENESIS would apply them: at once for fields
 * PROCESS reads every step, at the next reset for synchan time constants
 * and gmax (GENESIS folds those in at RESET).
 */
#include <math.h>

#include "backend.h"
#include "model_int.h"

static double
src_read(const struct gs_cmodel *m, int i, int field)
{
    if (i < m->nspike) {
        switch (field) {
        case GS_SF_THRESH:
            return m->thresh[i];
        case GS_SF_REFRACT:
            return m->refract[i];
        case GS_SF_AMP:
            return m->amp[i];
        case GS_SF_LASTEVENT:
            return m->lastevent[i];
        case GS_SF_STATE:
            return m->lastfire[i] >= 0 && m->lastfire[i] == m->step - 1 ? m->amp[i] : 0.0f;
        case GS_SF_INPUT:
            return m->ginput[i];
        default:
            return NAN;
        }
    }
    int r = i - m->nspike;
    if (r >= m->nrand)
        return NAN;
    switch (field) {
    case GS_SF_RATE:
        return m->r_rate[r];
    case GS_SF_REFRACT:
        return m->r_refract[r];
    case GS_SF_MINAMP:
        return m->r_min[r];
    case GS_SF_MAXAMP:
        return m->r_max[r];
    case GS_SF_RESETV:
        return m->r_reset_value[r];
    case GS_SF_RESET:
        return m->r_reset[r];
    case GS_SF_LASTEVENT:
        return m->r_last[r];
    case GS_SF_STATE:
        return m->r_state[r];
    default:
        return NAN;
    }
}

/* Im: GENESIS sums the axial currents and the injected current. */
static double
compt_im(const struct gs_cmodel *m, int c)
{
    double im = m->inject[c];
    for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
        const struct gs_term *t = &m->terms[j];
        int k = t->kind & ~GS_TERM_PREV;
        if (k < GS_T_AXIAL)
            continue;
        double v1 = (t->kind & GS_TERM_PREV) ? m->Vprev[t->ref] : m->V[t->ref];
        double ra = k == GS_T_RAXIAL ? m->Ra[t->ref]
                    : k == GS_T_TAIL ? (double)m->Ra[t->ref] * m->coeff[c]
                    : k == GS_T_HEAD ? (double)m->Ra[t->ref] * m->coeff2[c] : m->Ra[c];
        im += (v1 - m->Vprev[c]) / ra;
    }
    return im;
}

const double *
gs_model_doubles(const struct gs_cmodel *m, int kind, int f)
{
    switch (kind) {
    case GS_K_COMPT:
        return f == GS_SF_VM ? m->V : f == GS_SF_PREV ? m->Vprev : NULL;
    case GS_K_SYN:
        return f == GS_SF_X ? m->sX : f == GS_SF_Y ? m->sY : NULL;
    }
    return NULL;
}

double
gs_model_read(const struct gs_cmodel *m, int kind, int i, int f)
{
    switch (kind) {
    case GS_K_COMPT:
        switch (f) {
        case GS_SF_VM: return m->V[i];
        case GS_SF_PREV: return m->Vprev[i];
        case GS_SF_INITVM: return m->initVm[i];
        case GS_SF_EM: return m->Em[i];
        case GS_SF_RM: return m->Rm[i];
        case GS_SF_CM: return m->Cm[i];
        case GS_SF_RA: return m->Ra[i];
        case GS_SF_INJECT: return m->inject[i];
        case GS_SF_DIA: return m->dia[i];
        case GS_SF_LEN: return m->len[i];
        case GS_SF_IM: return compt_im(m, i);
        case GS_SF_COEFF: return m->coeff[i];
        case GS_SF_COEFF2: return m->coeff2[i];
        }
        break;
    case GS_K_TAB:
        switch (f) {
        case GS_SF_GBAR: return m->Gbar[i];
        case GS_SF_EK: return m->tEk[i];
        case GS_SF_GK: return gs_tab_gk(m, i);
        case GS_SF_IK: return (m->tEk[i] - gs_chan_v(m, m->tvsrc[i])) * gs_tab_gk(m, i);
        case GS_SF_X:
        case GS_SF_Y:
        case GS_SF_Z: {
            int k = f - GS_SF_X, gi = m->tgate[i * GS_NGATES + k];
            return gi >= 0 ? m->X[gi] : m->Xidle[-1 - gi];
        }
        }
        break;
    case GS_K_SYN:
        switch (f) {
        case GS_SF_EK: return m->sEk[i];
        case GS_SF_GK: return gs_syn_gk(m, i);
        case GS_SF_IK: return (m->sEk[i] - gs_chan_v(m, m->svsrc[i])) * gs_syn_gk(m, i);
        case GS_SF_X: return m->sX[i];
        case GS_SF_Y: return m->sY[i];
        case GS_SF_TAU1: return m->tau1[i];
        case GS_SF_TAU2: return m->tau2[i];
        case GS_SF_GMAX: return m->gmax[i];
        case GS_SF_FREQ: return m->freq[i];
        case GS_SF_ACT: return m->act[i];
        case GS_SF_NSYN: return m->syn_first[i + 1] - m->syn_first[i];
        case GS_SF_NORMW: return m->normw[i];
        }
        break;
    case GS_K_SYNAPSE:
        switch (f) {
        case GS_SF_WEIGHT: return m->q_weight[i];
        case GS_SF_DELAY: return m->q_delay[i];
        case GS_SF_LASTSPIKE: return m->q_last[i];
        }
        break;
    case GS_K_SRC:
        return src_read(m, i, f);
    case GS_K_CA:
        switch (f) {
        case GS_SF_CA: return m->Ca[i];
        case GS_SF_C: return m->caC[i];
        case GS_SF_CABASE: return m->Ca_base[i];
        case GS_SF_TAU: return m->ca_tau[i];
        case GS_SF_B: return m->ca_B[i];
        case GS_SF_THICK: return m->ca_thick[i];
        case GS_SF_CAEXT: return m->ca_ext[i];
        }
        break;
    }
    return NAN;
}

static enum gs_wresult
src_write(struct gs_cmodel *m, int i, int f, double v)
{
    if (i < m->nspike) {
        switch (f) {
        case GS_SF_THRESH: m->thresh[i] = (float)v; return GS_W_OK;
        case GS_SF_REFRACT: m->refract[i] = (float)v; return GS_W_OK;
        case GS_SF_AMP: m->amp[i] = (float)v; return GS_W_OK;
        case GS_SF_LASTEVENT: m->lastevent[i] = (float)v; return GS_W_OK;
        case GS_SF_STATE: return GS_W_OK; /* recomputed every step */
        case GS_SF_INPUT: m->ginput[i] = v; return GS_W_OK;
        }
        return GS_W_BAD;
    }
    int r = i - m->nspike;
    if (r >= m->nrand)
        return GS_W_BAD;
    switch (f) {
    case GS_SF_RATE: m->r_rate[r] = (float)v; break;
    case GS_SF_REFRACT: m->r_refract[r] = (float)v; break;
    case GS_SF_MINAMP: m->r_min[r] = (float)v; return GS_W_OK;
    case GS_SF_MAXAMP: m->r_max[r] = (float)v; return GS_W_OK;
    case GS_SF_RESETV: m->r_reset_value[r] = (float)v; return GS_W_OK;
    case GS_SF_RESET: m->r_reset[r] = (short)v; return GS_W_OK;
    case GS_SF_LASTEVENT: m->r_last[r] = (float)v; return GS_W_OK;
    case GS_SF_STATE: m->r_state[r] = (float)v; return GS_W_OK;
    default: return GS_W_BAD;
    }
    /* randomspike SET: the rate is corrected for the refractory period */
    float p = 1.0f - m->r_rate[r] * m->r_refract[r];
    m->r_realrate[r] = p <= 1e-7f ? m->r_rate[r] : m->r_rate[r] / p;
    return GS_W_OK;
}

static enum gs_wresult
delay_write(struct gs_cmodel *m, int q, double v)
{
    m->q_delay[q] = (float)v;
    if (gs_syn_dsteps(m, q) == 0)
        m->zero_delay = true;
    return GS_W_OK;
}

enum gs_wresult
gs_model_write(struct gs_cmodel *m, int kind, int i, int f, double v)
{
    float fv = (float)v;
    gs_model_nonuniform(m, kind, i, f);
    switch (kind) {
    case GS_K_COMPT:
        switch (f) {
        case GS_SF_VM: m->V[i] = v; return GS_W_OK;
        case GS_SF_PREV: m->Vprev[i] = v; return GS_W_OK;
        case GS_SF_INITVM: m->initVm[i] = fv; return GS_W_OK;
        case GS_SF_EM: m->Em[i] = fv; gs_model_refresh_compt(m, i); return GS_W_OK;
        case GS_SF_RM: m->Rm[i] = fv; gs_model_refresh_compt(m, i); return GS_W_OK;
        case GS_SF_CM: m->Cm[i] = fv; m->hines_stale = true; return GS_W_OK;
        case GS_SF_RA: m->Ra[i] = fv; m->hines_stale = true; return GS_W_OK;
        case GS_SF_INJECT: m->inject[i] = fv; return GS_W_OK;
        case GS_SF_DIA: m->dia[i] = fv; return GS_W_OK;
        case GS_SF_LEN: m->len[i] = fv; return GS_W_OK;
        case GS_SF_IM:
        case GS_SF_COEFF:
        case GS_SF_COEFF2: return GS_W_OK; /* computed */
        }
        break;
    case GS_K_TAB:
        switch (f) {
        case GS_SF_GBAR: m->Gbar[i] = fv; return GS_W_OK;
        case GS_SF_EK: m->tEk[i] = fv; return GS_W_OK;
        case GS_SF_GK:
        case GS_SF_IK: return GS_W_OK; /* recomputed every step */
        case GS_SF_X:
        case GS_SF_Y:
        case GS_SF_Z: {
            int k = f - GS_SF_X, gi = m->tgate[i * GS_NGATES + k];
            if (gi >= 0)
                m->X[gi] = v;
            else
                m->Xidle[-1 - gi] = v;
            return GS_W_OK;
        }
        }
        break;
    case GS_K_SYN:
        switch (f) {
        case GS_SF_EK: m->sEk[i] = fv; return GS_W_OK;
        case GS_SF_GK:
        case GS_SF_IK: return GS_W_OK;
        case GS_SF_X: m->sX[i] = v; return GS_W_OK;
        case GS_SF_Y: m->sY[i] = v; return GS_W_OK;
        case GS_SF_TAU1: m->tau1[i] = fv; return GS_W_OK;
        case GS_SF_TAU2: m->tau2[i] = fv; return GS_W_OK;
        case GS_SF_GMAX: m->gmax[i] = fv; return GS_W_OK;
        case GS_SF_FREQ: m->freq[i] = fv; gs_model_freq_list(m); return GS_W_OK;
        case GS_SF_ACT: m->act[i] = fv; return GS_W_OK;
        case GS_SF_NORMW: m->normw[i] = (short)v; return GS_W_OK;
        }
        break;
    case GS_K_SYNAPSE:
        switch (f) {
        case GS_SF_WEIGHT: m->q_weight[i] = fv; return GS_W_OK;
        case GS_SF_DELAY: return delay_write(m, i, v);
        case GS_SF_LASTSPIKE: m->q_last[i] = fv; return GS_W_OK;
        }
        break;
    case GS_K_SRC:
        return src_write(m, i, f, v);
    case GS_K_CA:
        switch (f) {
        case GS_SF_CA: m->Ca[i] = v; return GS_W_OK;
        case GS_SF_C: m->caC[i] = v; return GS_W_OK;
        case GS_SF_CABASE: m->Ca_base[i] = v; return GS_W_OK;
        case GS_SF_TAU: m->ca_tau[i] = fv; return GS_W_OK;
        case GS_SF_B: m->ca_B[i] = fv; return GS_W_OK;
        case GS_SF_THICK: m->ca_thick[i] = fv; return GS_W_OK;
        case GS_SF_CAEXT: m->ca_ext[i] = fv; return GS_W_OK;
        }
        break;
    }
    return GS_W_BAD;
}
