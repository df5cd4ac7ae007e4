/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_cuda.cu: the CUDA backend's device mirror and its step kernel
 * (kern_cuda.h). One cooperative launch advances a window of steps; a
 * grid-wide barrier separates the phases of a step, in the CPU backend's
 * order (cpu/backend_cpu.c):
 *
 *   A  spikegens outside groups (and every spikegen when a delay is zero)
 *      test the Vm of the step before; randomspikes draw (a phase only
 *      where the model has such sources);
 *   B  one thread per unit of a uniform group: its input from outside the
 *      model for this step (a diffamp's INJECT, streamed in with the
 *      window), its spikegen test, the events due on its synchans, gates,
 *      synchan, compartment (the group kernel's stages, unit by unit),
 *      and its Vm into the window's rows when it is sampled; then the
 *      general path (elements in GENESIS order, one thread, after a
 *      barrier: it may read what the groups computed);
 *   C  Ca_concen pools, one thread each;
 *   D  the other sampled fields into the window's rows.
 *
 * A barrier ends each phase. Where the model has no phase A, C or D
 * (the rsnet tutorial), a step costs one grid-wide barrier.
 *
 * Every value is computed by formulas.h, compiled here with -fmad=false.
 */
#include <cooperative_groups.h>
#include <cuda_runtime.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../base/rng_key.h"
#include "../build.h"
#include "../formulas.h"
#include "kern_cuda.h"

namespace cg = cooperative_groups;

/* A value written on the host that goes to the device before a window
 * (LEN bytes; PATCH_OR: 8 bytes or-ed in, for the bits of remote spikes). */
struct patch {
    void *dst;
    uint64_t bits;
    uint32_t len;
    uint32_t seq;    /* queue position */
};
#define PATCH_OR 0x100u

/* A few patches travel with the step kernel's launch (a diffamp's INJECT
 * every step: no copy and no launch of their own). */
#define KPATCH 96
struct kpatches {
    int n;
    struct patch p[KPATCH];
};

__device__ static void
patch_one(const struct patch *p)
{
    if (p->len == PATCH_OR)
        atomicOr((unsigned long long *)p->dst, (unsigned long long)p->bits);
    else if (p->len == 8)
        *(uint64_t *)p->dst = p->bits;
    else if (p->len == 4)
        *(uint32_t *)p->dst = (uint32_t)p->bits;
    else if (p->len == 2)
        *(uint16_t *)p->dst = (uint16_t)p->bits;
    else
        *(uint8_t *)p->dst = (uint8_t)p->bits;
}

/* What the kernel needs besides the model (passed by value). */
struct devx {
    const struct gs_cmodel *m;   /* the device copy of the model struct */
    uint64_t *hist;              /* nsrc * nw words: the spike rings */
    int nw;                      /* words per source (a power of two) */
    int nsrc, next0;             /* sources; first external source */
    int64_t *xk1, *xk2;          /* external sources: calendar key of each ring slot */
    const int *dq, *jpos;        /* per synapse: delay in steps, place in its source's list */
    const int *ustart;           /* ngroup + 1: first flat unit of each group */
    int nunit;
    struct gs_spike *sp;         /* the spikes, a ring of spcap */
    unsigned long long *nsp, spcap; /* spikes ever recorded (in the result block) */
    /* the sampled fields: a row of NGAT values after each step (EVERY) or
     * after the window's last, in the result block; a compartment's Vm is
     * written by the thread that computes it (VCOL: its column, -1 for
     * none; NULL where no Vm is sampled), the others (LATE) after the step */
    const struct gs_cuda_gather *late;
    int nlate, ngat;
    const int *vcol;
    double *gout;
    bool every;
    /* inputs from outside the model: before step i, compartment c's inject
     * takes INVAL[i * nin + incol[c]] (incol[c] >= 0) */
    const int *incol;
    const float *inval;
    int nin;
    bool zero_delay, general, aphase;
};

struct arr {
    size_t off;      /* where struct gs_cmodel holds the host array's pointer */
    void *dev;
    size_t esz, n;
    bool state;
};

#define MAXARR 96

struct gs_cuda {
    int dev;
    struct gs_cmodel dm;         /* the model struct with device pointers */
    struct gs_cmodel *dmp;       /* its copy on the device */
    struct arr a[MAXARR];
    int na;
    char *dstate;                /* the state arrays, one block */
    void *hstate;                /* its pinned host copy */
    size_t nstate;               /* bytes */
    char *dres;                  /* the result block: spike counter, rows of sampled values */
    void *hres;                  /* its pinned host copy */
    size_t capres;               /* values it holds */
    int64_t grows;               /* rows of sampled values a window may fill */
    int64_t lastrow;             /* the row of the model's values now, in hres */
    struct gs_cuda_gather *dgat; /* the late gathers */
    int *dvcol;                  /* ncompt: a Vm's column, or -1 */
    int *dincol;                 /* ncompt: an inject's input column, or -1 */
    float *dinval;               /* rows of input values */
    int64_t inrows;              /* rows it holds */
    unsigned long long taken;    /* spikes the host has taken */
    struct gs_tabpair *dtabs;
    double **dtabrec;            /* device rec of each table pair */
    struct gs_group *dgroups;
    struct devx x;
    size_t bytes;
    struct patch *pt;            /* host patches, and their device copy */
    int npt, cappt;
    struct patch *dpt;
    int dcappt;
    struct kpatches kp;          /* those that go with the next launch */
    bool pstate;                 /* the element's state goes too (patch_elem) */
    int nb;                      /* cooperative grid: blocks of 256 */
    int64_t window;
    char why[256];
};

#define PURPOSE_FREQ 0x53594e46u /* synchan background frequency: backend_cpu.c's key */
#define PURPOSE_RSPK 0x5253504bu /* randomspike draws */

static bool
ck(cudaError_t e, const char *what, char *err, size_t errlen)
{
    if (e == cudaSuccess)
        return true;
    if (err)
        snprintf(err, errlen, "CUDA: %s: %s", what, cudaGetErrorString(e));
    return false;
}

/* ---- device code ------------------------------------------------------ */

__device__ static void
fire_bit(const devx &x, int s, int64_t step, bool fired)
{
    uint64_t *w = &x.hist[(size_t)s * x.nw + (size_t)((step >> 6) & (x.nw - 1))];
    uint64_t b = 1ull << (step & 63);
    *w = fired ? (*w | b) : (*w & ~b);
    if (fired) {
        /* a ring: the host takes what a window added (never more than
         * spcap: the window is as long as that allows) */
        unsigned long long k = atomicAdd(x.nsp, 1ull) % x.spcap;
        x.sp[k].step = step;
        x.sp[k].src = s;
    }
}

__device__ static void
spikegen(const devx &x, const gs_cmodel *m, int s, int64_t step, double t)
{
    int c = m->gvsrc[s];
    bool f = false;
    if (c >= 0 || c == GS_VSRC_EXT) {
        double v = c >= 0 ? m->V[c] : m->ginput[s];
        f = gs_spikegen_fires(v, m->thresh[s], m->lastevent[s], m->refract[s], t, m->dt);
        if (f) {
            m->lastevent[s] = (float)t;
            m->lastfire[s] = step;
        }
    }
    fire_bit(x, s, step, f);
}

/* randomspike.c PROCESS with the keyed draws (backend_cpu.c's). */
__device__ static void
randomspike(const devx &x, const gs_cmodel *m, int r, int64_t step, double t)
{
    int s = m->nspike + r;
    if (m->r_stride[r] == 0 || step % m->r_stride[r] != 0) {
        fire_bit(x, s, step, false); /* not its clock's step */
        return;
    }
    if (m->r_reset[r])
        m->r_state[r] = m->r_reset_value[r];
    bool f = false;
    if (!((double)m->r_refract[r] > t - (double)m->r_last[r])) {
        float p = (float)(m->r_realrate[r] * m->r_dt[r]);
        uint64_t key = (uint64_t)step * 2;
        if (p >= 1.0f ||
            (double)p >= rng_key_unit(m->seed, m->src_gid[s], PURPOSE_RSPK, key)) {
            m->r_last[r] = (float)t;
            if (m->r_min[r] != m->r_max[r]) {
                double u = rng_key_unit(m->seed, m->src_gid[s], PURPOSE_RSPK, key + 1);
                m->r_state[r] = (float)(m->r_min[r] + (m->r_max[r] - m->r_min[r]) * u);
            } else {
                m->r_state[r] = m->r_min[r];
            }
            f = true;
        }
    }
    fire_bit(x, s, step, f);
}

/* The events due at STEP on synchan Y, in the CPU calendar's order
 * (newest first), then the background frequency draw. */
__device__ static void
deliver(const devx &x, const gs_cmodel *m, int y, int64_t step)
{
    float act = m->act[y];
    const int q0 = m->syn_first[y], q1 = m->syn_first[y + 1];
    const int64_t R = (int64_t)x.nw * 64;
    int64_t pk1 = INT64_MAX, pk2 = INT64_MAX;
    for (;;) {
        int bq = -1;
        int64_t bk1 = 0, bk2 = 0;
        for (int q = q0; q < q1; q++) {
            int s = m->q_src[q];
            int64_t f = step - x.dq[q];
            uint64_t wd = x.hist[(size_t)s * x.nw + (size_t)((f >> 6) & (x.nw - 1))];
            if (!((wd >> (f & 63)) & 1))
                continue;
            int64_t k1, k2;
            if (s >= x.next0) {
                size_t e = (size_t)(s - x.next0) * (size_t)R + (size_t)(f & (R - 1));
                k1 = x.xk1[e];
                k2 = (x.xk2[e] << 20) | x.jpos[q];
            } else {
                k1 = 2 * f;
                k2 = ((int64_t)m->src_order[s] << 20) | x.jpos[q];
            }
            bool below = k1 < pk1 || (k1 == pk1 && k2 < pk2);
            if (below && (bq < 0 || k1 > bk1 || (k1 == bk1 && k2 > bk2))) {
                bq = q;
                bk1 = k1;
                bk2 = k2;
            }
        }
        if (bq < 0)
            break;
        act = gs_syn_event(act, m->q_weight[bq], m->dt);
        pk1 = bk1;
        pk2 = bk2;
    }
    if (m->freq[y] > 1e-20f) {
        double u = rng_key_unit(m->seed, m->syn_gid[y], PURPOSE_FREQ, (uint64_t)step);
        if (u <= m->freq[y] * m->dt)
            act = (float)((double)act + 1.0 / m->dt);
    }
    m->act[y] = act;
}

/* Compartment C's input from outside the model in step I of the window. */
__device__ static void
take_input(const devx &x, const gs_cmodel *m, int c, int64_t i)
{
    if (x.nin) {
        int k = x.incol[c];
        if (k >= 0)
            m->inject[c] = x.inval[i * x.nin + k];
    }
}

/* Compartment C's new Vm into row ROW, when it is sampled. */
__device__ static void
put_vm(const devx &x, const gs_cmodel *m, int c, int64_t row)
{
    if (x.vcol) {
        int k = x.vcol[c];
        if (k >= 0)
            x.gout[row * x.ngat + k] = m->V[c];
    }
}

/* One unit of a uniform group: the stages of cpu/kern_body.h. */
__device__ static void
group_unit(const devx &x, const gs_cmodel *m, const gs_group *G, int u, int64_t step, double t,
           int64_t i, int64_t row)
{
    const double dt = m->dt;
    const int c = G->compt0 + u;
    take_input(x, m, c, i);
    const double v = m->V[c];
    if (G->nspk && !x.zero_delay)
        spikegen(x, m, G->spk0 + u, step, t);
    double A = 0.0, B = m->k_B0[c];
    for (int s = 0; s < G->nslot; s++) {
        double gk;
        float ek;
        if (G->kind[s] == GS_CH_SYN) {
            int y = G->base[s] + u;
            deliver(x, m, y, step);
            gs_syn_step(&m->sX[y], &m->sY[y], m->act[y], m->xc1[y], m->xc2[y], m->yc1[y],
                        m->yc2[y]);
            gk = gs_syn_gk(m, y);
            m->act[y] = 0.0f;
            ek = m->sEk[y];
        } else {
            int h = G->base[s] + u;
            for (int q = 0; q < GS_NGATES; q++) {
                int gd = G->gdef[s][q];
                if (gd < 0)
                    continue;
                const gs_gatedef *d = &m->gatedef[gd];
                int gi = G->gbase[s][q] + u;
                double cin = 0.0, in = v, Ar, Br;
                if (d->input != GS_GIN_V) {
                    int a = m->gconc[gi];
                    cin = a >= 0 ? m->Ca[a] : 0.0;
                    if (d->input == GS_GIN_CONC)
                        in = cin;
                }
                gs_tab_lookup(&m->tabs[d->tab], in, &Ar, &Br);
                if (d->input == GS_GIN_CODEP)
                    Ar = cin * Ar;
                m->X[gi] = gs_gate_step(m->X[gi], Ar, Br, d->instant, dt, &m->exptab);
            }
            gk = (double)m->Gbar[h];
            for (int q = 0; q < GS_NGATES; q++)
                if (G->gdef[s][q] >= 0)
                    gk *= gs_gate_pow(m->X[G->gbase[s][q] + u], &m->gatedef[G->gdef[s][q]]);
            ek = m->tEk[h];
        }
        A += (double)ek * gk;
        B += gk;
    }
    float lk = m->k_leak[c] + m->inject[c];
    double ac = (A + (double)lk) / (double)m->Cm[c], bc = B / (double)m->Cm[c];
    m->Vprev[c] = v;
    m->V[c] = gs_compt_step(v, ac, bc, dt, &m->exptab);
    put_vm(x, m, c, row);
}

/* The general path (cpu/general_cpu.c), in element order, one thread. */
__device__ static void
general(const devx &x, const gs_cmodel *m, int64_t step, int64_t w, int64_t row)
{
    for (int i = 0; i < m->ngen_compt; i++) {
        m->Vprev[m->gen_compt[i]] = m->V[m->gen_compt[i]];
        take_input(x, m, m->gen_compt[i], w);
    }
    for (int i = 0; i < m->ngen_syn; i++)
        deliver(x, m, m->gen_syn[i], step);
    for (int i = 0; i < m->ngen_tab; i++)
        gs_tab_gates_step(m, m->gen_tab[i]);
    for (int i = 0; i < m->ngen_syn; i++) {
        int y = m->gen_syn[i];
        gs_syn_step(&m->sX[y], &m->sY[y], m->act[y], m->xc1[y], m->xc2[y], m->yc1[y], m->yc2[y]);
        m->act[y] = 0.0f;
    }
    for (int i = 0; i < m->ngen_compt; i++) {
        int c = m->gen_compt[i];
        m->V[c] = gs_compt_general(m, c);
    }
    for (int i = 0; i < m->ngen_compt; i++)
        put_vm(x, m, m->gen_compt[i], row);
}

/* Phase A of STEP: spike tests that read the Vm of the step before. */
__device__ static void
phase_a(const devx &x, const gs_cmodel *m, long tid, long nth, int64_t step, double t)
{
    for (long i = tid; i < m->ngen_spk; i += nth)
        spikegen(x, m, m->gen_spk[i], step, t);
    for (long r = tid; r < m->nrand; r += nth)
        randomspike(x, m, (int)r, step, t);
    /* external sources: the host sets the bits of steps up to this one
     * (remote spikes; one late by a step is set at this step); the bit of
     * the next step, last used a ring ago, goes */
    for (long e = tid; e < m->next; e += nth) {
        int64_t nx = step + 1;
        uint64_t *w = &x.hist[(size_t)(x.next0 + e) * x.nw + (size_t)((nx >> 6) & (x.nw - 1))];
        *w &= ~(1ull << (nx & 63));
    }
    if (x.zero_delay)
        for (int g = 0; g < m->ngroup; g++) {
            const gs_group *G = &m->groups[g];
            for (long u = tid; u < (long)G->nspk * G->n; u += nth)
                spikegen(x, m, G->spk0 + (int)u, step, t);
        }
}

__global__ static void
apply_patches(const struct patch *p, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        patch_one(&p[i]);
}

__global__ static void
step_kernel(devx x, kpatches kp, int64_t step, double t, int64_t n)
{
    cg::grid_group grid = cg::this_grid();
    const gs_cmodel *m = x.m;
    const long tid = (long)blockIdx.x * blockDim.x + threadIdx.x;
    const long nth = (long)gridDim.x * blockDim.x;
    if (kp.n) { /* in the order written */
        if (tid == 0)
            for (int i = 0; i < kp.n; i++)
                patch_one(&kp.p[i]);
        grid.sync();
    }
    for (int64_t i = 0; i < n; i++) {
        const int64_t row = x.every ? i : 0;
        if (x.aphase) {
            phase_a(x, m, tid, nth, step, t);
            grid.sync();
        }
        for (long k = tid; k < x.nunit; k += nth) {
            int g = 0;
            while (x.ustart[g + 1] <= k)
                g++;
            group_unit(x, m, &m->groups[g], (int)(k - x.ustart[g]), step, t, i, row);
        }
        grid.sync();
        if (x.general) {
            if (tid == 0)
                general(x, m, step, i, row);
            grid.sync();
        }
        if (m->nca) {
            for (long a = tid; a < m->nca; a += nth) {
                float act = gs_ca_input(m, (int)a);
                m->ca_act[a] = act;
                m->caC[a] = gs_ca_step(m->caC[a], act, m->ca_B[a], m->ca_tau[a], m->dt,
                                       &m->exptab);
                m->Ca[a] = m->Ca_base[a] + m->caC[a];
            }
            grid.sync();
        }
        if (x.nlate && (x.every || i + 1 == n)) {
            for (long k = tid; k < x.nlate; k += nth) {
                const gs_cuda_gather *g = &x.late[k];
                x.gout[row * x.ngat + g->col] = g->isf ? (double)*(const float *)g->addr
                                                       : *(const double *)g->addr;
            }
            grid.sync();
        }
        step++;
        t += m->dt;
    }
}

/* ---- host side --------------------------------------------------------- */

static int
local_device(int lrank, int count)
{
    return count > 0 ? lrank % count : 0;
}

extern "C" bool
gs_cuda_find(int lrank, struct gs_cuda_dev *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    int n = 0;
    cudaError_t e = cudaGetDeviceCount(&n);
    if (e != cudaSuccess || n == 0) {
        snprintf(err, errlen, "no CUDA device (%s)",
                 e != cudaSuccess ? cudaGetErrorString(e) : "the driver sees none");
        cudaGetLastError();
        return false;
    }
    d->count = n;
    d->index = local_device(lrank, n);
    cudaDeviceProp p;
    if (!ck(cudaGetDeviceProperties(&p, d->index), "device properties", err, errlen))
        return false;
    snprintf(d->name, sizeof d->name, "%.95s", p.name);
    d->cc_major = p.major;
    d->cc_minor = p.minor;
    d->sms = p.multiProcessorCount;
    int clk = 0, bus = 0;
    cudaDeviceGetAttribute(&clk, cudaDevAttrMemoryClockRate, d->index);
    cudaDeviceGetAttribute(&bus, cudaDevAttrGlobalMemoryBusWidth, d->index);
    d->peak_gbs = 2.0 * clk * 1e3 * (bus / 8.0) / 1e9;
    if (!ck(cudaSetDevice(d->index), "select device", err, errlen))
        return false;
    if (!ck(cudaMemGetInfo(&d->mem_free, &d->mem_total), "memory info", err, errlen))
        return false;
    return true;
}

/* Registers a host array of N elements of ESZ bytes (NULL or N == 0:
 * nothing to mirror). */
static void
reg(struct gs_cuda *c, size_t off, size_t esz, size_t n, bool state)
{
    c->a[c->na++] = (struct arr){off, NULL, esz, n, state};
}

/* the host array of A in model M */
static void *
host_of(const struct arr *a, const struct gs_cmodel *m)
{
    return *(void *const *)((const char *)m + a->off);
}

#define REG(field, n, st) \
    reg(c, offsetof(struct gs_cmodel, field), sizeof *m->field, (size_t)(n), st)

static void
register_arrays(struct gs_cuda *c, const struct gs_cmodel *m)
{
    int nsrc = m->nspike + m->nrand + m->next;
    REG(V, m->ncompt, true);
    REG(Vprev, m->ncompt, true);
    REG(X, m->ngate, true);
    REG(sX, m->nsyn, true);
    REG(sY, m->nsyn, true);
    REG(act, m->nsyn, true);
    REG(lastevent, m->nspike, true);
    REG(lastfire, m->nspike, true);
    REG(r_state, m->nrand, true);
    REG(r_last, m->nrand, true);
    REG(caC, m->nca, true);
    REG(Ca, m->nca, true);
    REG(ca_act, m->nca, true);
    /* parameters and structure */
    REG(Cm, m->ncompt, false);
    REG(Ra, m->ncompt, false);
    REG(inject, m->ncompt, false);
    REG(k_leak, m->ncompt, false);
    REG(k_B0, m->ncompt, false);
    REG(coeff, m->ncompt, false);
    REG(coeff2, m->ncompt, false);
    REG(Gbar, m->ntab, false);
    REG(tEk, m->ntab, false);
    REG(tgate, (size_t)m->ntab * GS_NGATES, false);
    REG(tvsrc, m->ntab, false);
    REG(tgsrc, m->ntab, false);
    REG(gdef, m->ngate, false);
    REG(gconc, m->ngate, false);
    REG(gatedef, m->ngatedef, false);
    REG(sEk, m->nsyn, false);
    REG(freq, m->nsyn, false);
    REG(norm, m->nsyn, false);
    REG(xc1, m->nsyn, false);
    REG(xc2, m->nsyn, false);
    REG(yc1, m->nsyn, false);
    REG(yc2, m->nsyn, false);
    REG(svsrc, m->nsyn, false);
    REG(syn_first, m->nsyn + 1, false);
    REG(syn_gid, m->nsyn, false);
    REG(q_src, m->nsynapse, false);
    REG(q_weight, m->nsynapse, false);
    REG(thresh, m->nspike, false);
    REG(refract, m->nspike, false);
    REG(gvsrc, m->nspike, false);
    REG(ginput, m->nspike, false);
    REG(r_refract, m->nrand, false);
    REG(r_reset_value, m->nrand, false);
    REG(r_min, m->nrand, false);
    REG(r_max, m->nrand, false);
    REG(r_realrate, m->nrand, false);
    REG(r_reset, m->nrand, false);
    REG(r_stride, m->nrand, false);
    REG(r_dt, m->nrand, false);
    REG(src_order, nsrc, false);
    REG(src_gid, nsrc, false);
    REG(Ca_base, m->nca, false);
    REG(ca_tau, m->nca, false);
    REG(ca_B, m->nca, false);
    REG(ca_ext, m->nca, false);
    REG(cain_first, m->nca + 1, false);
    REG(cain, m->cain_first ? m->cain_first[m->nca] : 0, false);
    REG(gen_tab, m->ngen_tab, false);
    REG(gen_syn, m->ngen_syn, false);
    REG(gen_compt, m->ngen_compt, false);
    REG(gen_spk, m->ngen_spk, false);
    REG(term_first, m->ncompt + 1, false);
    REG(terms, m->term_first ? m->term_first[m->ncompt] : 0, false);
}

static void *
dalloc(struct gs_cuda *c, size_t bytes, bool *ok)
{
    void *p = NULL;
    if (!*ok)
        return NULL;
    if (cudaMalloc(&p, bytes ? bytes : 8) != cudaSuccess) {
        *ok = false;
        cudaGetLastError();
        return NULL;
    }
    c->bytes += bytes;
    return p;
}

extern "C" void
gs_cuda_close(struct gs_cuda *c)
{
    if (!c)
        return;
    cudaSetDevice(c->dev);
    for (int i = 0; i < c->na; i++)
        if (!c->a[i].state)
            cudaFree(c->a[i].dev);
    cudaFree(c->dstate);
    cudaFreeHost(c->hstate);
    cudaFree(c->dres);
    cudaFreeHost(c->hres);
    cudaFree(c->dgat);
    cudaFree(c->dvcol);
    cudaFree(c->dincol);
    cudaFree(c->dinval);
    for (int i = 0; i < c->dm.ntabpair; i++)
        if (c->dtabrec)
            cudaFree(c->dtabrec[i]);
    free(c->dtabrec);
    cudaFree(c->dtabs);
    cudaFree(c->dgroups);
    cudaFree(c->dmp);
    cudaFree(c->x.hist);
    cudaFree(c->x.xk1);
    cudaFree(c->x.xk2);
    cudaFree((void *)c->x.dq);
    cudaFree((void *)c->x.jpos);
    cudaFree((void *)c->x.ustart);
    cudaFree(c->x.sp);
    cudaFree(c->dpt);
    free(c->pt);
    free(c);
}

/* (Re)makes the result block for CAP sampled values, keeping the spike
 * counter. */
static bool
result_block(struct gs_cuda *c, size_t cap)
{
    size_t bytes = 8 + sizeof(double) * cap;
    char *d = NULL;
    void *h = NULL;
    if (cudaMalloc(&d, bytes) != cudaSuccess || cudaMallocHost(&h, bytes) != cudaSuccess) {
        cudaFree(d);
        cudaGetLastError();
        return false;
    }
    if (c->dres)
        cudaMemcpy(d, c->dres, 8, cudaMemcpyDeviceToDevice);
    else
        cudaMemset(d, 0, 8);
    cudaFree(c->dres);
    cudaFreeHost(c->hres);
    c->dres = d;
    c->hres = h;
    memset(h, 0, bytes);
    c->capres = cap;
    c->x.nsp = (unsigned long long *)d;
    c->x.gout = (double *)(d + 8);
    return true;
}

extern "C" struct gs_cuda *
gs_cuda_open(const struct gs_cmodel *m, int dev, int maxd, char *err, size_t errlen)
{
    struct gs_cuda *c = (struct gs_cuda *)calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    c->dev = dev;
    if (!ck(cudaSetDevice(dev), "select device", err, errlen)) {
        free(c);
        return NULL;
    }
    size_t mfree = 0, mtotal = 0;
    cudaMemGetInfo(&mfree, &mtotal);
    register_arrays(c, m);
    bool ok = true;
    /* the state arrays in one block after the spike counter, so that one
     * copy brings a window's results back */
    size_t off = 256;
    for (int i = 0; i < c->na; i++)
        if (c->a[i].state)
            off = (off + c->a[i].esz * c->a[i].n + 255) / 256 * 256;
    c->nstate = off;
    c->dstate = (char *)dalloc(c, off, &ok);
    if (ok && cudaMallocHost(&c->hstate, off) != cudaSuccess) {
        c->hstate = NULL;
        ok = false;
    }
    off = 256;
    for (int i = 0; i < c->na; i++) {
        if (!c->a[i].state) {
            c->a[i].dev = dalloc(c, c->a[i].esz * c->a[i].n, &ok);
        } else if (ok) {
            c->a[i].dev = c->dstate + off;
            off = (off + c->a[i].esz * c->a[i].n + 255) / 256 * 256;
        }
    }
    c->dtabrec = (double **)calloc((size_t)m->ntabpair + 1, sizeof *c->dtabrec);
    for (int i = 0; i < m->ntabpair; i++)
        if (m->tabs[i].rec)
            c->dtabrec[i] = (double *)dalloc(c, 4 * sizeof(double) * (size_t)(m->tabs[i].xdivs + 1), &ok);
    c->dtabs = (struct gs_tabpair *)dalloc(c, sizeof *m->tabs * (size_t)m->ntabpair, &ok);
    c->dgroups = (struct gs_group *)dalloc(c, sizeof *m->groups * (size_t)m->ngroup, &ok);
    c->dmp = (struct gs_cmodel *)dalloc(c, sizeof *m, &ok);
    int nsrc = m->nspike + m->nrand + m->next;
    int ring = 64;
    while (ring < maxd + 2)
        ring *= 2;
    struct devx *x = &c->x;
    x->nw = ring / 64;
    x->nsrc = nsrc;
    x->next0 = m->nspike + m->nrand;
    x->hist = (uint64_t *)dalloc(c, sizeof(uint64_t) * (size_t)x->nw * (size_t)nsrc, &ok);
    x->xk1 = (int64_t *)dalloc(c, sizeof(int64_t) * (size_t)ring * (size_t)m->next, &ok);
    x->xk2 = (int64_t *)dalloc(c, sizeof(int64_t) * (size_t)ring * (size_t)m->next, &ok);
    x->dq = (const int *)dalloc(c, sizeof(int) * (size_t)m->nsynapse, &ok);
    x->jpos = (const int *)dalloc(c, sizeof(int) * (size_t)m->nsynapse, &ok);
    x->ustart = (const int *)dalloc(c, sizeof(int) * ((size_t)m->ngroup + 1), &ok);
    /* room for every source firing in every step of a window of 8 steps
     * (a large model) up to 256 (a small one) */
    x->spcap = (unsigned long long)nsrc * 8 > 262144 ? (unsigned long long)nsrc * 8 : 262144;
    x->sp = (struct gs_spike *)dalloc(c, sizeof(struct gs_spike) * x->spcap, &ok);
    c->grows = 1;
    if (ok && !result_block(c, 0))
        ok = false;
    c->window = nsrc > 0 ? (int64_t)(x->spcap / (unsigned long long)nsrc) : 1 << 20;
    if (!ok) {
        snprintf(err, errlen,
                 "the model needs more device memory than is free: %.1f MB asked, "
                 "%.1f MB free of %.1f MB",
                 (double)c->bytes / 1e6, (double)mfree / 1e6, (double)mtotal / 1e6);
        gs_cuda_close(c);
        return NULL;
    }
    /* the model struct with device pointers */
    c->dm = *m;
    for (int i = 0; i < c->na; i++)
        *(void **)((char *)&c->dm + c->a[i].off) = c->a[i].dev;
    c->dm.tabs = c->dtabs;
    c->dm.groups = c->dgroups;
    c->dm.rng = NULL;
    c->dm.hines = NULL;
    x->m = c->dmp;
    int occ = 0;
    cudaOccupancyMaxActiveBlocksPerMultiprocessor(&occ, step_kernel, 256, 0);
    cudaDeviceProp p;
    cudaGetDeviceProperties(&p, dev);
    int work = nsrc;
    int nunit = 0;
    for (int g = 0; g < m->ngroup; g++)
        nunit += m->groups[g].n;
    x->nunit = nunit;
    if (nunit > work)
        work = nunit;
    if (m->nca > work)
        work = m->nca;
    int want = (work + 255) / 256;
    int most = (occ > 0 ? occ : 1) * p.multiProcessorCount;
    c->nb = want < 1 ? 1 : want > most ? most : want;
    return c;
}

extern "C" size_t
gs_cuda_bytes(const struct gs_cuda *c)
{
    return c->bytes;
}

extern "C" int
gs_cuda_grid(const struct gs_cuda *c)
{
    return c->nb;
}

extern "C" int64_t
gs_cuda_window(const struct gs_cuda *c)
{
    return c->window;
}

extern "C" int64_t
gs_cuda_rows(const struct gs_cuda *c)
{
    return c->x.nin && c->inrows < c->grows ? c->inrows : c->grows;
}

/* Rows of N values that fit about 8 MB, up to 1024. */
static int64_t
rows_for(int n)
{
    int64_t r = n > 0 ? (1 << 20) / n : 1024;
    return r < 1 ? 1 : r > 1024 ? 1024 : r;
}

extern "C" bool
gs_cuda_upload(struct gs_cuda *c, const struct gs_cmodel *m, const int *dq, char *err,
               size_t errlen)
{
    cudaSetDevice(c->dev);
    for (int i = 0; i < c->na; i++) {
        const struct arr *a = &c->a[i];
        void *h = host_of(a, m);
        if (a->n && h &&
            !ck(cudaMemcpy(a->dev, h, a->esz * a->n, cudaMemcpyHostToDevice), "upload", err,
                errlen))
            return false;
    }
    struct gs_tabpair *t = (struct gs_tabpair *)calloc((size_t)m->ntabpair + 1, sizeof *t);
    for (int i = 0; i < m->ntabpair; i++) {
        t[i] = m->tabs[i];
        t[i].rec = c->dtabrec[i];
        if (m->tabs[i].rec)
            cudaMemcpy(c->dtabrec[i], m->tabs[i].rec,
                       4 * sizeof(double) * (size_t)(m->tabs[i].xdivs + 1), cudaMemcpyHostToDevice);
    }
    cudaMemcpy(c->dtabs, t, sizeof *t * (size_t)m->ntabpair, cudaMemcpyHostToDevice);
    free(t);
    cudaMemcpy(c->dgroups, m->groups, sizeof *m->groups * (size_t)m->ngroup, cudaMemcpyHostToDevice);
    /* the struct: scalars may have changed (dt, seed, counts) */
    struct gs_cmodel dm = c->dm;
    dm.dt = m->dt;
    dm.seed = m->seed;
    dm.exptab = m->exptab;
    c->dm = dm;
    cudaMemcpy(c->dmp, &dm, sizeof dm, cudaMemcpyHostToDevice);
    struct devx *x = &c->x;
    int nsrc = x->nsrc;
    cudaMemset(x->hist, 0, sizeof(uint64_t) * (size_t)x->nw * (size_t)nsrc);
    cudaMemset(x->nsp, 0, sizeof *x->nsp);
    c->taken = 0;
    cudaMemcpy((void *)x->dq, dq, sizeof(int) * (size_t)m->nsynapse, cudaMemcpyHostToDevice);
    int *jp = (int *)calloc((size_t)m->nsynapse + 1, sizeof(int));
    for (int s = 0; s < nsrc; s++)
        for (int j = m->out_first[s]; j < m->out_first[s + 1]; j++)
            jp[m->out_syn[j]] = j - m->out_first[s];
    cudaMemcpy((void *)x->jpos, jp, sizeof(int) * (size_t)m->nsynapse, cudaMemcpyHostToDevice);
    free(jp);
    int *us = (int *)calloc((size_t)m->ngroup + 1, sizeof(int));
    for (int g = 0; g < m->ngroup; g++)
        us[g + 1] = us[g] + m->groups[g].n;
    cudaMemcpy((void *)x->ustart, us, sizeof(int) * ((size_t)m->ngroup + 1), cudaMemcpyHostToDevice);
    free(us);
    c->npt = 0;
    return ck(cudaDeviceSynchronize(), "upload", err, errlen);
}

static void
add_patch(struct gs_cuda *c, void *dst, const void *src, uint32_t len)
{
    if (c->npt == c->cappt) {
        c->cappt = c->cappt ? 2 * c->cappt : 64;
        c->pt = (struct patch *)realloc(c->pt, sizeof *c->pt * (size_t)c->cappt);
        if (!c->pt)
            abort();
    }
    struct patch *p = &c->pt[c->npt++];
    p->dst = dst;
    p->bits = 0;
    memcpy(&p->bits, src, len);
    p->len = len;
}

/* Queues element I of the host array at offset OFF of the model. */
static void
patch_elem(struct gs_cuda *c, const struct gs_cmodel *m, size_t off, size_t i)
{
    for (int k = 0; k < c->na; k++) {
        struct arr *a = &c->a[k];
        if (a->off != off || i >= a->n || (a->state && !c->pstate))
            continue;
        const char *h = (const char *)host_of(a, m);
        add_patch(c, (char *)a->dev + i * a->esz, h + i * a->esz, (uint32_t)a->esz);
    }
}

#define P(f, i) patch_elem(c, m, offsetof(struct gs_cmodel, f), (size_t)(i))

extern "C" void
gs_cuda_patch(struct gs_cuda *c, const struct gs_cmodel *m, int kind, int idx, int dq, bool state)
{
    c->pstate = state;
    switch (kind) {
    case GS_K_COMPT:
        P(V, idx); P(Vprev, idx); P(Cm, idx); P(Ra, idx); P(inject, idx); P(k_leak, idx);
        P(k_B0, idx); P(coeff, idx); P(coeff2, idx);
        break;
    case GS_K_TAB:
        P(Gbar, idx); P(tEk, idx);
        for (int k = 0; k < GS_NGATES; k++)
            if (m->tgate[idx * GS_NGATES + k] >= 0)
                P(X, m->tgate[idx * GS_NGATES + k]);
        break;
    case GS_K_SYN:
        P(sX, idx); P(sY, idx); P(act, idx); P(sEk, idx); P(freq, idx); P(norm, idx);
        P(xc1, idx); P(xc2, idx); P(yc1, idx); P(yc2, idx);
        break;
    case GS_K_SYNAPSE:
        P(q_weight, idx);
        add_patch(c, (void *)(c->x.dq + idx), &dq, sizeof dq);
        break;
    case GS_K_SRC:
        if (idx < m->nspike) {
            P(thresh, idx); P(refract, idx); P(lastevent, idx); P(lastfire, idx); P(ginput, idx);
        } else if (idx - m->nspike < m->nrand) {
            int r = idx - m->nspike;
            P(r_refract, r); P(r_reset_value, r); P(r_min, r); P(r_max, r); P(r_realrate, r);
            P(r_reset, r); P(r_state, r); P(r_last, r);
        }
        break;
    case GS_K_CA:
        P(caC, idx); P(Ca, idx); P(Ca_base, idx); P(ca_tau, idx); P(ca_B, idx); P(ca_ext, idx);
        break;
    }
}

extern "C" void
gs_cuda_set_fired(struct gs_cuda *c, int s, int64_t f, int64_t k1, int64_t k2)
{
    int64_t R = (int64_t)c->x.nw * 64;
    uint64_t bit = 1ull << (f & 63);
    add_patch(c, c->x.hist + (size_t)s * c->x.nw + (size_t)((f >> 6) & (c->x.nw - 1)), &bit, 8);
    c->pt[c->npt - 1].len = PATCH_OR;
    if (s < c->x.next0)
        return;
    size_t e = (size_t)(s - c->x.next0) * (size_t)R + (size_t)(f & (R - 1));
    add_patch(c, c->x.xk1 + e, &k1, 8);
    add_patch(c, c->x.xk2 + e, &k2, 8);
}

extern "C" void
gs_cuda_clear_rings(struct gs_cuda *c)
{
    cudaSetDevice(c->dev);
    const char *h0 = (const char *)c->x.hist;
    const char *h1 = h0 + sizeof(uint64_t) * (size_t)c->x.nw * (size_t)c->x.nsrc;
    int n = 0;
    for (int i = 0; i < c->npt; i++) {
        const char *d = (const char *)c->pt[i].dst;
        if (!(d >= h0 && d < h1))
            c->pt[n++] = c->pt[i];
    }
    c->npt = n;
    cudaMemset(c->x.hist, 0, (size_t)(h1 - h0));
}

static int
cmp_patch(const void *a, const void *b)
{
    const struct patch *x = (const struct patch *)a, *y = (const struct patch *)b;
    uintptr_t p = (uintptr_t)x->dst, q = (uintptr_t)y->dst;
    if (p != q)
        return (p > q) - (p < q);
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The patches to apply: of several to one place, the last written (each
 * carries the whole value then); or-ed bits all. Sorting by place with
 * the queue position as the tie-break keeps the order. */
static int
dedup_patches(struct gs_cuda *c)
{
    for (int i = 0; i < c->npt; i++)
        c->pt[i].seq = (uint32_t)i;
    qsort(c->pt, (size_t)c->npt, sizeof *c->pt, cmp_patch);
    int n = 0;
    for (int i = 0; i < c->npt; i++) {
        struct patch p = c->pt[i];
        if (i + 1 == c->npt || c->pt[i + 1].dst != p.dst || p.len == PATCH_OR)
            c->pt[n++] = p;
    }
    return n;
}

/* Applies the patches queued on the host. */
static bool
flush_patches(struct gs_cuda *c, char *err, size_t errlen)
{
    if (c->npt == 0)
        return true;
    c->npt = dedup_patches(c);
    if (c->npt > c->dcappt) {
        cudaFree(c->dpt);
        c->dcappt = c->cappt;
        if (!ck(cudaMalloc(&c->dpt, sizeof *c->dpt * (size_t)c->dcappt), "patch buffer", err,
                errlen))
            return false;
    }
    cudaMemcpy(c->dpt, c->pt, sizeof *c->pt * (size_t)c->npt, cudaMemcpyHostToDevice);
    apply_patches<<<(c->npt + 255) / 256, 256>>>(c->dpt, c->npt);
    c->npt = 0;
    return ck(cudaGetLastError(), "patch launch", err, errlen);
}

extern "C" bool
gs_cuda_run(struct gs_cuda *c, const struct gs_cmodel *m, int64_t n, const float *in, char *err,
            size_t errlen)
{
    cudaSetDevice(c->dev);
    if (in && c->x.nin && !ck(cudaMemcpy(c->dinval, in, sizeof *in * (size_t)n * (size_t)c->x.nin,
                             cudaMemcpyHostToDevice),
                  "input rows", err, errlen))
        return false;
    kpatches *kp = &c->kp;
    kp->n = 0;
    if (c->npt <= KPATCH) {
        memcpy(kp->p, c->pt, sizeof *c->pt * (size_t)c->npt);
        kp->n = c->npt;
        c->npt = 0;
    } else if (!flush_patches(c, err, errlen)) {
        return false;
    }
    struct devx x = c->x;
    x.zero_delay = m->zero_delay;
    x.general = m->ngen_tab + m->ngen_syn + m->ngen_compt > 0;
    x.aphase = m->ngen_spk > 0 || m->nrand > 0 || m->next > 0 || m->zero_delay;
    x.every = in != NULL;
    if (!in)
        x.nin = 0;
    int64_t step = m->step;
    double t = m->t;
    void *args[] = {&x, kp, &step, &t, &n};
    return ck(cudaLaunchCooperativeKernel((const void *)step_kernel, dim3(c->nb), dim3(256), args,
                                          0, 0),
              "step kernel launch", err, errlen);
}

/* An int array of N entries on the device, all -1 (*P made when NULL). */
static bool
minus_ones(int **p, size_t n)
{
    if (!*p && cudaMalloc((void **)p, sizeof **p * (n ? n : 1)) != cudaSuccess) {
        *p = NULL;
        cudaGetLastError();
        return false;
    }
    return cudaMemset(*p, 0xff, sizeof **p * n) == cudaSuccess;
}

/* An int array of N entries: COL[k] at IDX[k], else -1, onto the device. */
static bool
scatter(int **dev, size_t n, const int *idx, const int *col, int k)
{
    int *h = (int *)malloc(sizeof *h * (n ? n : 1));
    if (!h || !minus_ones(dev, n)) {
        free(h);
        return false;
    }
    memset(h, 0xff, sizeof *h * n);
    for (int i = 0; i < k; i++)
        h[idx[i]] = col[i];
    bool ok = cudaMemcpy(*dev, h, sizeof *h * n, cudaMemcpyHostToDevice) == cudaSuccess;
    free(h);
    return ok;
}

extern "C" bool
gs_cuda_set_gather(struct gs_cuda *c, const struct gs_cuda_gather *g, int n)
{
    cudaSetDevice(c->dev);
    const double *V = c->dm.V;
    size_t nc = (size_t)c->dm.ncompt;
    int64_t rows = rows_for(n);
    struct gs_cuda_gather *late = (struct gs_cuda_gather *)malloc(sizeof *late * ((size_t)n + 1));
    int *vi = (int *)malloc(sizeof(int) * ((size_t)n + 1));
    int *vc = (int *)malloc(sizeof(int) * ((size_t)n + 1));
    int nlate = 0, nv = 0;
    bool ok = late && vi && vc;
    for (int k = 0; ok && k < n; k++) {
        const double *a = (const double *)g[k].addr;
        if (!g[k].isf && a >= V && a < V + nc) {
            vi[nv] = (int)(a - V);
            vc[nv++] = g[k].col;
        } else {
            late[nlate++] = g[k];
        }
    }
    cudaFree(c->dgat);
    c->dgat = NULL;
    if (ok && (size_t)n * (size_t)rows > c->capres)
        ok = result_block(c, (size_t)n * (size_t)rows);
    if (ok && nlate)
        ok = cudaMalloc((void **)&c->dgat, sizeof *late * (size_t)nlate) == cudaSuccess &&
             cudaMemcpy(c->dgat, late, sizeof *late * (size_t)nlate, cudaMemcpyHostToDevice) ==
                 cudaSuccess;
    if (ok && nv)
        ok = scatter(&c->dvcol, nc, vi, vc, nv);
    free(late);
    free(vi);
    free(vc);
    if (!ok) {
        cudaGetLastError();
        cudaFree(c->dgat);
        c->dgat = NULL;
        n = nlate = nv = 0;
        rows = 1;
    }
    c->x.late = c->dgat;
    c->x.nlate = nlate;
    c->x.ngat = n;
    c->x.vcol = nv ? c->dvcol : NULL;
    c->grows = rows;
    c->lastrow = 0;
    return ok;
}

extern "C" bool
gs_cuda_set_inputs(struct gs_cuda *c, const int *compt, int n)
{
    cudaSetDevice(c->dev);
    int *col = (int *)malloc(sizeof(int) * ((size_t)n + 1));
    bool ok = col != NULL;
    for (int k = 0; ok && k < n; k++)
        col[k] = k;
    int64_t rows = rows_for(n);
    cudaFree(c->dinval);
    c->dinval = NULL;
    ok = ok && scatter(&c->dincol, (size_t)c->dm.ncompt, compt, col, n) &&
         cudaMalloc((void **)&c->dinval, sizeof(float) * (size_t)rows * (size_t)(n ? n : 1)) ==
             cudaSuccess;
    free(col);
    if (!ok) {
        cudaGetLastError();
        n = 0;
    }
    c->x.incol = c->dincol;
    c->x.inval = c->dinval;
    c->x.nin = n;
    c->inrows = rows;
    return ok;
}

extern "C" const double *
gs_cuda_result(struct gs_cuda *c, int64_t rows, char *err, size_t errlen)
{
    cudaSetDevice(c->dev);
    if (!ck(cudaMemcpy(c->hres, c->dres, 8 + sizeof(double) * (size_t)c->x.ngat * (size_t)rows,
                       cudaMemcpyDeviceToHost),
            "step kernel", err, errlen))
        return NULL;
    c->lastrow = rows - 1;
    return (const double *)((const char *)c->hres + 8);
}

extern "C" const double *
gs_cuda_gathered(struct gs_cuda *c)
{
    return (const double *)((const char *)c->hres + 8) + c->lastrow * c->x.ngat;
}

extern "C" void *
gs_cuda_dev_array(struct gs_cuda *c, size_t off)
{
    return *(void **)((char *)&c->dm + off);
}

extern "C" size_t
gs_cuda_spikes(struct gs_cuda *c, struct gs_spike **out)
{
    unsigned long long now = *(const unsigned long long *)c->hres, cap = c->x.spcap;
    unsigned long long n = now - c->taken;
    *out = NULL;
    if (n == 0)
        return 0;
    *out = (struct gs_spike *)malloc(sizeof **out * n);
    if (!*out)
        return 0;
    unsigned long long a = c->taken % cap, first = n < cap - a ? n : cap - a;
    cudaMemcpy(*out, c->x.sp + a, sizeof **out * first, cudaMemcpyDeviceToHost);
    if (first < n)
        cudaMemcpy(*out + first, c->x.sp, sizeof **out * (n - first), cudaMemcpyDeviceToHost);
    c->taken = now;
    return (size_t)n;
}

/* The state block in one copy (it waits for the window to end), then
 * into the host arrays. */
extern "C" bool
gs_cuda_download(struct gs_cuda *c, struct gs_cmodel *m, char *err, size_t errlen)
{
    cudaSetDevice(c->dev);
    if (!ck(cudaMemcpy(c->hstate, c->dstate, c->nstate, cudaMemcpyDeviceToHost), "step kernel",
            err, errlen))
        return false;
    for (int i = 0; i < c->na; i++) {
        const struct arr *a = &c->a[i];
        void *h = host_of(a, m);
        if (a->state && a->n && h)
            memcpy(h, (const char *)c->hstate + ((char *)a->dev - c->dstate), a->esz * a->n);
    }
    return true;
}

static bool
fetch(void **out, const void *dev, size_t bytes)
{
    *out = malloc(bytes + 8);
    if (*out && cudaMemcpy(*out, dev, bytes, cudaMemcpyDeviceToHost) == cudaSuccess)
        return true;
    free(*out);
    *out = NULL;
    return false;
}

extern "C" int
gs_cuda_rings(struct gs_cuda *c, uint64_t **out, int64_t **k1, int64_t **k2)
{
    cudaSetDevice(c->dev);
    if (!flush_patches(c, NULL, 0))
        return 0;
    int R = c->x.nw * 64;
    size_t nk = (size_t)R * (size_t)(c->x.nsrc - c->x.next0);
    if (!fetch((void **)out, c->x.hist, sizeof **out * (size_t)c->x.nw * (size_t)c->x.nsrc))
        return 0;
    if (k1 && !fetch((void **)k1, c->x.xk1, sizeof **k1 * nk))
        return 0;
    if (k2 && !fetch((void **)k2, c->x.xk2, sizeof **k2 * nk))
        return 0;
    return R;
}
