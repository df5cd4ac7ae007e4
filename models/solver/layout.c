/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * layout.c: gsb_compile(), the layout pass. It checks the wiring, sorts
 * single-compartment units into uniform groups (same channel slots, same
 * gate descriptions, same spikegen count) and writes the structure-of-
 * arrays model of model.h, padding each group to GS_BLK units, with a map
 * from builder ids to array indices. The rest runs in the general path in
 * GENESIS element order.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "build_int.h"
#include "model_int.h"

/* ---- compile ---------------------------------------------------------- */

/* Scratch state of one compile. */
struct lay {
    const struct gs_build *b;
    struct gs_cmodel *m;
    char *err;
    size_t errlen;
    int *tab_gd;      /* per gate description (gs_build.gates) * 3: gatedef, -1 absent */
    int *chan_target; /* per channel (tab then syn): compartment, -1, or -2 (several) */
    int *comp_group;  /* per compartment: group or -1 */
    int *comp_spk;    /* per compartment: the one spikegen watching it, -1, -2 */
    int *unit_of;     /* per compartment: unit index within its group */
    int *comp_hines;  /* per compartment: the hsolve cell it belongs to, or -1 */
    int idle;         /* absent gates given their place in Xidle so far */
};

static bool
fail(struct lay *L, const char *fmt, ...) GS_PRINTFLIKE(2, 3);

static bool
fail(struct lay *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err, L->errlen, fmt, ap);
    va_end(ap);
    return false;
}

static bool
in_range(int v, int n)
{
    return v >= 0 && v < n;
}

static int
ptype_of(float p)
{
    if (p == 1.0f)
        return GS_POW1;
    if (p == 2.0f)
        return GS_POW2;
    if (p == 3.0f)
        return GS_POW3;
    if (p == 4.0f)
        return GS_POW4;
    return GS_POWGEN;
}

static int
gatedef_id(struct gs_cmodel *m, const struct gs_gatedef *d)
{
    for (int i = 0; i < m->ngatedef; i++) {
        const struct gs_gatedef *e = &m->gatedef[i];
        if (e->tab == d->tab && e->power == d->power && e->ptype == d->ptype &&
            e->instant == d->instant && e->input == d->input)
            return i;
    }
    m->gatedef = xreallocarray(m->gatedef, (size_t)m->ngatedef + 1, sizeof *m->gatedef);
    m->gatedef[m->ngatedef] = *d;
    return m->ngatedef++;
}

/* Checks every reference; fills tab_gd and the gate descriptions. */
static bool
check_refs(struct lay *L)
{
    const struct gs_build *b = L->b;
    int nc = b->compt.n;
    for (int i = 0; i < b->term.n; i++) {
        const struct bterm *t = &b->term.v[i];
        int k = t->kind & ~GS_TERM_PREV;
        if (!in_range(t->compt, nc))
            return fail(L, "message into compartment %d, which does not exist", t->compt);
        int lim = k == GS_T_TAB ? b->tab.n : k == GS_T_SYN ? b->syn.n : nc;
        if (k > GS_T_HEAD || !in_range(t->ref, lim))
            return fail(L, "bad message source %d (kind %d) into compartment %d", t->ref, k,
                        t->compt);
    }
    /* each gate description is checked and given its gatedefs at its first
     * channel, in channel order (-2: not yet) */
    L->tab_gd = xmalloc(sizeof(int) * (size_t)(b->gates.n * GS_NGATES + 1));
    for (int i = 0; i < b->gates.n * GS_NGATES; i++)
        L->tab_gd[i] = -2;
    for (int i = 0; i < b->tab.n; i++) {
        const struct btabch *t = &b->tab.v[i];
        if (t->vsrc != -1 && !in_range(t->vsrc, nc))
            return fail(L, "tabchannel %d: VOLTAGE source %d does not exist", i, t->vsrc);
        if (t->gsyn1 && !in_range(t->gsyn1 - 1, b->syn.n))
            return fail(L, "tabchannel %d: Gk source synchan %d does not exist", i, t->gsyn1 - 1);
        int *gd = &L->tab_gd[t->gates * GS_NGATES];
        if (gd[0] != -2)
            continue;
        for (int k = 0; k < GS_NGATES; k++) {
            const struct bgate *g = &b->gates.v[t->gates].g[k];
            gd[k] = -1;
            if (g->tab < 0 || g->power == 0.0f)
                continue;
            if (!in_range(g->tab, b->tabs.n))
                return fail(L, "tabchannel %d: gate %d has no tables", i, k);
            if (g->conc != -1 && !in_range(g->conc, b->ca.n))
                return fail(L, "tabchannel %d: concentration source %d does not exist", i,
                            g->conc);
            float pw = g->input == GS_GIN_CODEP ? -g->power : g->power;
            struct gs_gatedef d = {g->tab, pw, (uint8_t)ptype_of(pw), (uint8_t)(g->instant != 0),
                                   (uint8_t)g->input};
            gd[k] = gatedef_id(L->m, &d);
        }
    }
    for (int i = 0; i < b->syn.n; i++)
        if (b->syn.v[i].vsrc != -1 && !in_range(b->syn.v[i].vsrc, nc))
            return fail(L, "synchan %d: VOLTAGE source %d does not exist", i, b->syn.v[i].vsrc);
    for (int i = 0; i < b->spk.n; i++)
        if (b->spk.v[i].vsrc != -1 && b->spk.v[i].vsrc != GS_VSRC_EXT &&
            !in_range(b->spk.v[i].vsrc, nc))
            return fail(L, "spikegen %d: input compartment %d does not exist", i,
                        b->spk.v[i].vsrc);
    for (int i = 0; i < b->synapse.n; i++) {
        const struct gsb_synapse *q = &b->synapse.v[i];
        if (!in_range(q->syn, b->syn.n) || !in_range(q->src, b->src.n))
            return fail(L, "synapse %d: bad synchan %d or spike source %d", i, q->syn, q->src);
    }
    for (int i = 0; i < b->cain.n; i++) {
        const struct bcain *c = &b->cain.v[i];
        int lim = c->in.chkind == GS_CH_TAB ? b->tab.n : b->syn.n;
        if (!in_range(c->ca, b->ca.n) || !in_range(c->in.chan, lim))
            return fail(L, "Ca_concen input %d: bad pool %d or channel %d", i, c->ca, c->in.chan);
    }
    L->comp_hines = xmalloc(sizeof(int) * (size_t)(nc + 1));
    for (int c = 0; c < nc; c++)
        L->comp_hines[c] = -1;
    for (int i = 0; i < b->hcompt.n; i++) {
        const struct bhc *h = &b->hcompt.v[i];
        if (!in_range(h->hines, b->hines.n) || !in_range(h->compt, nc))
            return fail(L, "hsolve %d: bad compartment %d", h->hines, h->compt);
        if (L->comp_hines[h->compt] >= 0)
            return fail(L, "compartment %d is in two hsolves", h->compt);
        L->comp_hines[h->compt] = h->hines;
    }
    return true;
}

/* Which compartments can be grouped, and their structural signatures. */
struct sig {
    int nslot, nspk;
    int kind[GS_MAX_SLOTS];
    int gd[GS_MAX_SLOTS][GS_NGATES];
};

static bool
sig_eq(const struct sig *a, const struct sig *b)
{
    if (a->nslot != b->nslot || a->nspk != b->nspk)
        return false;
    for (int s = 0; s < a->nslot; s++) {
        if (a->kind[s] != b->kind[s])
            return false;
        for (int k = 0; k < GS_NGATES; k++)
            if (a->gd[s][k] != b->gd[s][k])
                return false;
    }
    return true;
}

static uint64_t
sig_hash(const struct sig *s)
{
    uint64_t h = 14695981039346656037ULL;
    h = hash_bytes(h, &s->nslot, sizeof s->nslot);
    h = hash_bytes(h, &s->nspk, sizeof s->nspk);
    for (int i = 0; i < s->nslot; i++) {
        h = hash_bytes(h, &s->kind[i], sizeof s->kind[i]);
        h = hash_bytes(h, s->gd[i], sizeof s->gd[i]);
    }
    return h;
}

/* Per-compartment term ranges of the builder (terms sorted by compartment). */
struct cterms {
    int *first;   /* nc + 1 */
    int *idx;     /* builder term indices, per compartment in message order */
};

static void
index_terms(const struct gs_build *b, struct cterms *ct)
{
    int nc = b->compt.n;
    ct->first = xcalloc((size_t)nc + 1, sizeof(int));
    ct->idx = xmalloc(sizeof(int) * (size_t)(b->term.n + 1));
    for (int i = 0; i < b->term.n; i++)
        ct->first[b->term.v[i].compt + 1]++;
    for (int c = 0; c < nc; c++)
        ct->first[c + 1] += ct->first[c];
    int *fill = xcalloc((size_t)nc + 1, sizeof(int));
    for (int i = 0; i < b->term.n; i++) {
        int c = b->term.v[i].compt;
        ct->idx[ct->first[c] + fill[c]++] = i;
    }
    free(fill);
}

/* The gatedefs of builder tabchannel TAB's gates (-1: absent). */
static const int *
tab_gd(const struct lay *L, int tab)
{
    return &L->tab_gd[L->b->tab.v[tab].gates * GS_NGATES];
}

/* Tabchannel I has a gate with analytic rates (an hh_channel) or takes its
 * Gbar from a synchan (an Mg_block): it runs in the general path, never in
 * a group or an hsolve. */
static bool
tab_analytic(const struct gs_build *b, int i)
{
    if (b->tab.v[i].gsyn1)
        return true;
    for (int k = 0; k < GS_NGATES; k++) {
        const struct bgate *g = &b->gates.v[b->tab.v[i].gates].g[k];
        if (g->tab >= 0 && g->power != 0.0f && b->tabs.v[g->tab].mode == GS_TAB_HH)
            return true;
    }
    return false;
}

/* Decides the groups. Returns the number of groups; fills comp_group. */
static int
make_groups(struct lay *L, const struct cterms *ct, struct sig **sigs_out, int **gsize_out)
{
    const struct gs_build *b = L->b;
    int nc = b->compt.n, ntab = b->tab.n, nsyn = b->syn.n;
    bool *axial = xcalloc((size_t)nc + 1, sizeof(bool));
    L->chan_target = xmalloc(sizeof(int) * (size_t)(ntab + nsyn + 1));
    for (int i = 0; i < ntab + nsyn; i++)
        L->chan_target[i] = -1;
    for (int i = 0; i < b->term.n; i++) {
        const struct bterm *t = &b->term.v[i];
        int k = t->kind & ~GS_TERM_PREV;
        if (k >= GS_T_AXIAL) {
            axial[t->compt] = true;
            axial[t->ref] = true;
            continue;
        }
        int ch = (k == GS_T_TAB ? 0 : ntab) + t->ref;
        L->chan_target[ch] = L->chan_target[ch] == -1 ? t->compt : -2;
    }
    L->comp_spk = xmalloc(sizeof(int) * (size_t)(nc + 1));
    for (int c = 0; c < nc; c++)
        L->comp_spk[c] = -1;
    for (int i = 0; i < b->spk.n; i++) {
        int c = b->spk.v[i].vsrc;
        if (c >= 0)
            L->comp_spk[c] = L->comp_spk[c] == -1 ? i : -2;
    }
    L->comp_group = xmalloc(sizeof(int) * (size_t)(nc + 1));
    L->unit_of = xmalloc(sizeof(int) * (size_t)(nc + 1));
    struct sig *sigs = NULL;
    uint64_t *hashes = NULL;
    int *gsize = NULL, ng = 0;
    for (int c = 0; c < nc; c++) {
        L->comp_group[c] = -1;
        int nt = ct->first[c + 1] - ct->first[c];
        if (axial[c] || nt > GS_MAX_SLOTS || b->compt.v[c].sym || L->comp_hines[c] >= 0)
            continue;
        struct sig s;
        memset(&s, 0, sizeof s);
        s.nslot = nt;
        s.nspk = (L->comp_spk[c] >= 0 && !L->m->zero_delay) ? 1 : 0;
        bool ok = true;
        for (int j = 0; j < nt && ok; j++) {
            const struct bterm *t = &b->term.v[ct->idx[ct->first[c] + j]];
            int k = t->kind & ~GS_TERM_PREV;
            int ch = (k == GS_T_TAB ? 0 : ntab) + t->ref;
            int vsrc = k == GS_T_TAB ? b->tab.v[t->ref].vsrc : b->syn.v[t->ref].vsrc;
            if (L->chan_target[ch] != c || vsrc != c ||
                (k == GS_T_TAB && tab_analytic(b, t->ref)))
                ok = false;
            s.kind[j] = k;
            for (int g = 0; g < GS_NGATES; g++)
                s.gd[j][g] = k == GS_T_TAB ? tab_gd(L, t->ref)[g] : -1;
        }
        if (!ok)
            continue;
        uint64_t h = sig_hash(&s);
        int gi = -1;
        for (int i = ng - 1; i >= 0; i--)
            if (hashes[i] == h && sig_eq(&sigs[i], &s)) {
                gi = i;
                break;
            }
        if (gi < 0) {
            sigs = xreallocarray(sigs, (size_t)ng + 1, sizeof *sigs);
            hashes = xreallocarray(hashes, (size_t)ng + 1, sizeof *hashes);
            gsize = xreallocarray(gsize, (size_t)ng + 1, sizeof *gsize);
            sigs[ng] = s;
            hashes[ng] = h;
            gsize[ng] = 0;
            gi = ng++;
        }
        L->comp_group[c] = gi;
        L->unit_of[c] = gsize[gi]++;
    }
    free(axial);
    free(hashes);
    *sigs_out = sigs;
    *gsize_out = gsize;
    return ng;
}


/* ---- merged tables --------------------------------------------------- */

/* Bundles the group's Vm gates with linear tables, by table geometry. */
static void
make_bundles(struct gs_cmodel *m, struct gs_group *g)
{
    g->bundle = xcalloc(GS_MAX_BGATES, sizeof *g->bundle);
    for (int s = 0; s < g->nslot; s++) {
        for (int q = 0; q < GS_NGATES; q++) {
            int gd = g->gdef[s][q];
            if (g->kind[s] != GS_CH_TAB || gd < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[gd];
            const struct gs_tabpair *t = &m->tabs[d->tab];
            if (d->input != GS_GIN_V || d->instant || t->mode != GS_TAB_LIN ||
                d->ptype == GS_POWGEN)
                continue;
            int b = 0;
            while (b < g->nbundle && !(g->bundle[b].xdivs == t->xdivs &&
                                       g->bundle[b].xmin == t->xmin &&
                                       g->bundle[b].invdx == t->invdx))
                b++;
            struct gs_bundle *B = &g->bundle[b];
            if (b == g->nbundle) {
                g->nbundle++;
                B->xdivs = t->xdivs;
                B->xmin = t->xmin;
                B->invdx = t->invdx;
            }
            B->slot[B->ngate] = (uint8_t)s;
            B->q[B->ngate++] = (uint8_t)q;
            g->bundled[s][q] = true;
        }
    }
    for (int b = 0; b < g->nbundle; b++) {
        struct gs_bundle *B = &g->bundle[b];
        int w = 4 * B->ngate;
        B->rec = xmalloc(sizeof(double) * (size_t)w * (size_t)(B->xdivs + 1));
        for (int k = 0; k < B->ngate; k++) {
            const struct gs_gatedef *d = &m->gatedef[g->gdef[B->slot[k]][B->q[k]]];
            const double *src = m->tabs[d->tab].rec;
            for (int i = 0; i <= B->xdivs; i++)
                for (int c = 0; c < 4; c++)
                    B->rec[(size_t)i * w + 4 * k + c] = src[4 * i + c];
        }
    }
}

/* ---- writing the arrays ------------------------------------------------ */

static void
put_compt(struct gs_cmodel *m, int i, const struct gsb_compt *c)
{
    m->V[i] = c->Vm;
    m->Vprev[i] = c->Vm;
    m->initVm[i] = c->initVm;
    m->Em[i] = c->Em;
    m->Rm[i] = c->Rm;
    m->Cm[i] = c->Cm;
    m->Ra[i] = c->Ra;
    m->inject[i] = c->inject;
    m->dia[i] = c->dia;
    m->len[i] = c->len;
    m->csym[i] = c->sym;
}

/* The padding units of group G in the arrays of KIND (GS_K_COMPT, GS_K_TAB,
 * GS_K_SYN or GS_K_SRC): harmless values that never fire and never
 * overflow. */
static void
pad_group(struct lay *L, const struct gs_group *g, int kind)
{
    struct gs_cmodel *m = L->m;
    const struct gsb_compt pc = {0, 1, 1, 1, 0, -0.065f, 0, 0, -0.065, false};
    for (int u = g->n; u < g->npad; u++) {
        int c = g->compt0 + u;
        if (kind == GS_K_COMPT)
            put_compt(m, c, &pc);
        for (int s = 0; s < g->nslot; s++) {
            int ch = g->base[s] + u;
            if (g->kind[s] == GS_CH_TAB && kind == GS_K_TAB) {
                m->Gbar[ch] = 0;
                m->tEk[ch] = 0;
                m->tvsrc[ch] = c;
                for (int k = 0; k < GS_NGATES; k++) {
                    int gi = g->gdef[s][k] >= 0 ? g->gbase[s][k] + u : -1 - L->idle++;
                    m->tgate[ch * GS_NGATES + k] = gi;
                    if (gi >= 0) {
                        m->X[gi] = 0;
                        m->gdef[gi] = g->gdef[s][k];
                        m->gconc[gi] = -1;
                    } else {
                        m->Xidle[-1 - gi] = 0;
                    }
                }
            } else if (g->kind[s] == GS_CH_SYN && kind == GS_K_SYN) {
                m->sEk[ch] = 0;
                m->tau1[ch] = m->tau2[ch] = 1;
                m->gmax[ch] = 0;
                m->svsrc[ch] = c;
            }
        }
        if (g->nspk && kind == GS_K_SRC) {
            int s = g->spk0 + u;
            m->thresh[s] = INFINITY;
            m->gvsrc[s] = c;
            m->lastfire[s] = -1;
            m->src_order[s] = -1;
        }
    }
}

static void
put_tab(struct lay *L, int mi, int bi, const int *gidx, const int *ca_model)
{
    struct gs_cmodel *m = L->m;
    const struct btabch *t = &L->b->tab.v[bi];
    const struct bgates *d = &L->b->gates.v[t->gates];
    m->Gbar[mi] = t->Gbar;
    m->tEk[mi] = t->Ek;
    m->tvreset[mi] = t->vreset;
    for (int k = 0; k < GS_NGATES; k++) {
        int gi = gidx[k] >= 0 ? gidx[k] : -1 - L->idle++;
        m->tgate[mi * GS_NGATES + k] = gi;
        if (gi < 0) {
            m->Xidle[-1 - gi] = t->state[k];
            continue;
        }
        m->X[gi] = t->state[k];
        m->gdef[gi] = tab_gd(L, bi)[k];
        m->gconc[gi] = d->g[k].conc >= 0 ? ca_model[d->g[k].conc] : -1;
    }
}

static void
put_syn(struct gs_cmodel *m, int mi, const struct gsb_synchan *s)
{
    m->sX[mi] = s->X;
    m->sY[mi] = s->Y;
    m->sEk[mi] = s->Ek;
    m->tau1[mi] = s->tau1;
    m->tau2[mi] = s->tau2;
    m->gmax[mi] = s->gmax;
    m->freq[mi] = s->frequency;
    m->normw[mi] = s->normalize_weights;
}

static void
put_spk(struct gs_cmodel *m, int mi, const struct gsb_spikegen *s, int vsrc)
{
    m->thresh[mi] = s->thresh;
    m->refract[mi] = s->abs_refract;
    m->amp[mi] = s->output_amp;
    m->lastevent[mi] = s->lastevent;
    m->lastfire[mi] = -1;
    m->gvsrc[mi] = vsrc;
}

static void
put_tables(struct gs_cmodel *m, const struct gs_build *b)
{
    m->ntabpair = b->tabs.n;
    m->tabs = xcalloc((size_t)b->tabs.n + 1, sizeof *m->tabs);
    for (int i = 0; i < b->tabs.n; i++) {
        const struct btab *s = &b->tabs.v[i];
        struct gs_tabpair *t = &m->tabs[i];
        t->xdivs = s->xdivs;
        t->mode = s->mode;
        t->xmin = s->xmin;
        t->xmax = s->xmax;
        t->oyA = s->oyA;
        t->oyB = s->oyB;
        double dx = (s->xmax - s->xmin) / (double)s->xdivs;
        t->invdx = fabs(dx) > 1e-50 ? 1.0 / dx : 1.0;
        t->rec = xmalloc(sizeof(double) * 4 * (size_t)(s->xdivs + 1));
        for (int j = 0; j <= s->xdivs; j++) {
            bool last = j == s->xdivs;
            t->rec[4 * j + 0] = s->A[j];
            t->rec[4 * j + 1] = last ? 0.0 : s->A[j + 1] - s->A[j];
            t->rec[4 * j + 2] = s->B[j];
            t->rec[4 * j + 3] = last ? 0.0 : s->B[j + 1] - s->B[j];
        }
    }
}

static int *
int_array(int n, int fill)
{
    int *a = xmalloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i <= n; i++)
        a[i] = fill;
    return a;
}

/* Allocates the model's arrays of KIND (gs_model_alloc). */
static bool
alloc_kind(struct lay *L, int kind)
{
    const struct gs_cmodel *m = L->m;
    if (gs_model_alloc(L->m, kind))
        return true;
    return fail(L, "not enough memory for %d compartments, %d channels and %d synapses",
                m->map_n[GS_K_COMPT], m->map_n[GS_K_TAB] + m->map_n[GS_K_SYN],
                m->map_n[GS_K_SYNAPSE]);
}

/*
 * The records of each kind are freed (DROP) as soon as the kind is
 * written, and the next kind's arrays are allocated after that, so that
 * they take the freed memory: the compile's peak is the builder's records
 * and the layout's scratch, not that plus the whole model.
 */
struct gs_cmodel *
gsb_compile(struct gs_build *b, double dt, uint64_t seed, char *err, size_t errlen)
{
    struct gs_cmodel *m = xcalloc(1, sizeof *m);
    m->dt = dt;
    m->seed = seed;
    vm_exp_table_init(&m->exptab);
    struct lay L = {.b = b, .m = m, .err = err, .errlen = errlen};
    struct cterms ct = {NULL, NULL};
    struct sig *sigs = NULL;
    int *gsize = NULL;
    /* the builder id -> array index maps, filled as the layout decides */
    m->map_n[GS_K_COMPT] = b->compt.n;
    m->map_n[GS_K_TAB] = b->tab.n;
    m->map_n[GS_K_SYN] = b->syn.n;
    m->map_n[GS_K_SYNAPSE] = b->synapse.n;
    m->map_n[GS_K_SRC] = b->src.n;
    m->map_n[GS_K_CA] = b->ca.n;
    for (int k = 0; k < GS_K_NKINDS; k++)
        m->map[k] = int_array(m->map_n[k], -1);
    int *comp_model = m->map[GS_K_COMPT], *tab_model = m->map[GS_K_TAB];
    int *syn_model = m->map[GS_K_SYN], *ca_model = m->map[GS_K_CA];
    int *spk_model = int_array(b->spk.n, -1), *tab_slot = int_array(b->tab.n, -1);
    int *tab_hines = NULL, *syn_hines = NULL;
    bool ok = false;

    if (b->spent) {
        fail(&L, "the builder was laid out already (it is used up by a compile)");
        goto out;
    }
    b->spent = true;
    if (!(dt > 0)) {
        fail(&L, "time step %g must be > 0", dt);
        goto out;
    }
    for (int i = 0; i < b->synapse.n; i++) {
        const struct gsb_synapse *q = &b->synapse.v[i];
        if ((int)((double)q->delay / dt + 0.9) <= 0)
            m->zero_delay = true;
    }
    if (!check_refs(&L))
        goto out;
    index_terms(b, &ct);
    int ng = make_groups(&L, &ct, &sigs, &gsize);

    /* sizes: groups first, padded, then the general elements */
    m->ngroup = ng;
    m->groups = xcalloc((size_t)ng + 1, sizeof *m->groups);
    int nc = 0, nt = 0, ngt = 0, ns = 0, nsp = 0;
    for (int g = 0; g < ng; g++) {
        struct gs_group *G = &m->groups[g];
        G->n = gsize[g];
        G->npad = (G->n + GS_BLK - 1) / GS_BLK * GS_BLK;
        G->compt0 = nc;
        nc += G->npad;
        G->nslot = sigs[g].nslot;
        G->nspk = sigs[g].nspk;
        for (int s = 0; s < G->nslot; s++) {
            G->kind[s] = (uint8_t)sigs[g].kind[s];
            for (int k = 0; k < GS_NGATES; k++) {
                G->gdef[s][k] = sigs[g].gd[s][k];
                G->gbase[s][k] = -1;
            }
            if (G->kind[s] == GS_CH_TAB) {
                G->base[s] = nt;
                nt += G->npad;
                for (int k = 0; k < GS_NGATES; k++)
                    if (G->gdef[s][k] >= 0) {
                        G->gbase[s][k] = ngt;
                        ngt += G->npad;
                    }
            } else {
                G->base[s] = ns;
                ns += G->npad;
            }
        }
        if (G->nspk) {
            G->spk0 = nsp;
            nsp += G->npad;
        }
    }
    /* map grouped elements */
    for (int c = 0; c < b->compt.n; c++) {
        int g = L.comp_group[c];
        if (g < 0)
            continue;
        const struct gs_group *G = &m->groups[g];
        int u = L.unit_of[c];
        comp_model[c] = G->compt0 + u;
        for (int s = 0; s < G->nslot; s++) {
            const struct bterm *t = &b->term.v[ct.idx[ct.first[c] + s]];
            int *map = G->kind[s] == GS_CH_TAB ? tab_model : syn_model;
            map[t->ref] = G->base[s] + u;
            if (G->kind[s] == GS_CH_TAB)
                tab_slot[t->ref] = s;
        }
        if (G->nspk)
            spk_model[L.comp_spk[c]] = G->spk0 + u;
    }
    m->gen_compt = xmalloc(sizeof(int) * (size_t)(b->compt.n + 1));
    m->ngen_compt = 0;
    for (int c = 0; c < b->compt.n; c++)
        if (comp_model[c] < 0 && L.comp_hines[c] < 0) {
            comp_model[c] = nc++;
            m->gen_compt[m->ngen_compt++] = comp_model[c];
        }
    for (int c = 0; c < b->compt.n; c++) /* hsolve cells: after the general ones */
        if (comp_model[c] < 0)
            comp_model[c] = nc++;
    int gen_gates = 0;
    m->gen_tab = xmalloc(sizeof(int) * (size_t)(b->tab.n + 1));
    /* per builder tabchannel: the hsolve cell that updates it (chanmode >= 1) */
    tab_hines = int_array(b->tab.n, -1);
    for (int i = 0; i < b->tab.n; i++) {
        int c = L.chan_target[i];
        if (c >= 0 && L.comp_hines[c] >= 0 && b->hines.v[L.comp_hines[c]].chanmode >= 1 &&
            !tab_analytic(b, i))
            tab_hines[i] = L.comp_hines[c];
    }
    for (int i = 0; i < b->tab.n; i++)
        if (tab_model[i] < 0) {
            tab_model[i] = nt++;
            if (tab_hines[i] < 0)
                m->gen_tab[m->ngen_tab++] = tab_model[i];
            for (int k = 0; k < GS_NGATES; k++)
                gen_gates += tab_gd(&L, i)[k] >= 0;
        }
    /* per builder synchan: the hsolve cell of chanmode >= 2 that takes in
     * its events and integrates it (hsyn.c), instead of the general path */
    syn_hines = int_array(b->syn.n, -1);
    for (int i = 0; i < b->syn.n; i++) {
        int c = L.chan_target[b->tab.n + i];
        if (c >= 0 && L.comp_hines[c] >= 0 && b->hines.v[L.comp_hines[c]].chanmode >= 2)
            syn_hines[i] = L.comp_hines[c];
    }
    m->gen_syn = xmalloc(sizeof(int) * (size_t)(b->syn.n + 1));
    for (int i = 0; i < b->syn.n; i++)
        if (syn_model[i] < 0) {
            syn_model[i] = ns++;
            if (syn_hines[i] < 0)
                m->gen_syn[m->ngen_syn++] = syn_model[i];
        }
    m->gen_spk = xmalloc(sizeof(int) * (size_t)(b->spk.n + 1));
    for (int i = 0; i < b->spk.n; i++)
        if (spk_model[i] < 0) {
            spk_model[i] = nsp++;
            m->gen_spk[m->ngen_spk++] = spk_model[i];
        }
    for (int i = 0; i < b->ca.n; i++)
        ca_model[i] = i;

    m->ncompt = nc;
    m->ntab = nt;
    m->ngate = ngt + gen_gates;
    m->nidle = nt * GS_NGATES - m->ngate;
    m->nsyn = ns;
    m->nspike = nsp;
    m->nrand = b->rnd.n;
    m->next = b->next;
    m->nsynapse = b->synapse.n;
    m->nca = b->ca.n;
    put_tables(m, b);
    for (int g = 0; g < ng; g++)
        make_bundles(m, &m->groups[g]);

    /* message terms of the general compartments (the last use of the
     * builder's terms) */
    if (!alloc_kind(&L, GS_K_COMPT))
        goto out;
    for (int c = 0; c < b->compt.n; c++)
        if (L.comp_group[c] < 0)
            m->term_first[comp_model[c] + 1] = ct.first[c + 1] - ct.first[c];
    for (int c = 0; c < m->ncompt; c++)
        m->term_first[c + 1] += m->term_first[c];
    m->terms = xcalloc((size_t)m->term_first[m->ncompt] + 1, sizeof *m->terms);
    for (int c = 0; c < b->compt.n; c++) {
        if (L.comp_group[c] >= 0)
            continue;
        int o = m->term_first[comp_model[c]];
        for (int j = ct.first[c]; j < ct.first[c + 1]; j++) {
            const struct bterm *t = &b->term.v[ct.idx[j]];
            int k = t->kind & ~GS_TERM_PREV;
            int ref = k == GS_T_TAB ? tab_model[t->ref]
                      : k == GS_T_SYN ? syn_model[t->ref] : comp_model[t->ref];
            m->terms[o].kind = (uint8_t)t->kind;
            m->terms[o++].ref = ref;
        }
    }
    DROP(b->term);
    free(ct.first);
    free(ct.idx);
    ct.first = ct.idx = NULL;

    /* values, kind by kind */
    for (int g = 0; g < ng; g++)
        pad_group(&L, &m->groups[g], GS_K_COMPT);
    for (int c = 0; c < b->compt.n; c++) {
        put_compt(m, comp_model[c], &b->compt.v[c]);
        m->comp_general[comp_model[c]] = L.comp_group[c] < 0 && L.comp_hines[c] < 0;
    }
    DROP(b->compt);

    if (!alloc_kind(&L, GS_K_TAB))
        goto out;
    for (int g = 0; g < ng; g++)
        pad_group(&L, &m->groups[g], GS_K_TAB);
    int gnext = ngt;
    for (int i = 0; i < b->tab.n; i++) {
        int gidx[GS_NGATES], mi = tab_model[i];
        int c = L.chan_target[i];
        bool grouped = c >= 0 && L.comp_group[c] >= 0;
        for (int k = 0; k < GS_NGATES; k++) {
            gidx[k] = -1;
            if (tab_gd(&L, i)[k] < 0)
                continue;
            if (grouped) {
                const struct gs_group *G = &m->groups[L.comp_group[c]];
                int s = tab_slot[i];
                gidx[k] = G->gbase[s][k] + (mi - G->base[s]);
            } else {
                gidx[k] = gnext++;
            }
        }
        put_tab(&L, mi, i, gidx, ca_model);
        int v = b->tab.v[i].vsrc;
        m->tvsrc[mi] = v >= 0 ? comp_model[v] : -1;
        m->tgsrc[mi] = b->tab.v[i].gsyn1 ? syn_model[b->tab.v[i].gsyn1 - 1] : -1;
    }
    DROP(b->tab);
    DROP(b->gates);
    free(b->gslot);
    b->gslot = NULL;
    b->gcap = 0;
    free(L.tab_gd);
    free(tab_slot);
    L.tab_gd = tab_slot = NULL;

    if (!alloc_kind(&L, GS_K_SYN))
        goto out;
    for (int g = 0; g < ng; g++)
        pad_group(&L, &m->groups[g], GS_K_SYN);
    for (int i = 0; i < b->syn.n; i++) {
        put_syn(m, syn_model[i], &b->syn.v[i]);
        int v = b->syn.v[i].vsrc;
        m->svsrc[syn_model[i]] = v >= 0 ? comp_model[v] : -1;
        m->syn_gid[syn_model[i]] = (uint64_t)i;
    }
    DROP(b->syn);

    if (!alloc_kind(&L, GS_K_SRC))
        goto out;
    for (int g = 0; g < ng; g++)
        pad_group(&L, &m->groups[g], GS_K_SRC);
    for (int i = 0; i < b->spk.n; i++) {
        int v = b->spk.v[i].vsrc;
        put_spk(m, spk_model[i], &b->spk.v[i], v >= 0 ? comp_model[v] : v);
    }
    DROP(b->spk);
    for (int i = 0; i < b->rnd.n; i++) {
        const struct gsb_randomspike *r = &b->rnd.v[i];
        m->r_rate[i] = r->rate;
        m->r_refract[i] = r->abs_refract;
        m->r_reset_value[i] = r->reset_value;
        m->r_min[i] = r->min_amp;
        m->r_max[i] = r->max_amp;
        m->r_last[i] = r->lastevent;
        m->r_state[i] = r->state;
        m->r_reset[i] = r->reset;
        m->r_stride[i] = r->stride;
        m->r_dt[i] = r->dt;
    }
    DROP(b->rnd);
    /* spike sources: builder numbering <-> spikegens then randomspikes */
    int nsrc = m->nspike + m->nrand + m->next;
    for (int i = 0; i < b->src.n; i++) {
        const struct bsrc *s = &b->src.v[i];
        int ms = s->kind == 0 ? spk_model[s->idx]
                 : s->kind == 1 ? m->nspike + s->idx : m->nspike + m->nrand + s->idx;
        m->map[GS_K_SRC][i] = ms;
        m->src_order[ms] = i;
        m->src_gid[ms] = (uint64_t)i;
    }
    DROP(b->src);
    for (int i = 0; i < b->gid.n; i++) {
        const struct bgid *g = &b->gid.v[i];
        if (g->kind == GS_K_SRC && in_range(g->id, m->map_n[GS_K_SRC]))
            m->src_gid[m->map[GS_K_SRC][g->id]] = g->gid;
        else if (g->kind == GS_K_SYN && in_range(g->id, m->map_n[GS_K_SYN]))
            m->syn_gid[syn_model[g->id]] = g->gid;
    }
    DROP(b->gid);

    if (!alloc_kind(&L, GS_K_CA))
        goto out;
    for (int i = 0; i < b->ca.n; i++) {
        m->caC[i] = b->ca.v[i].C;
        m->Ca[i] = b->ca.v[i].Ca;
        m->Ca_base[i] = b->ca.v[i].Ca_base;
        m->ca_tau[i] = b->ca.v[i].tau;
        m->ca_B[i] = b->ca.v[i].B;
        m->ca_thick[i] = b->ca.v[i].thick;
    }
    DROP(b->ca);
    /* Ca_concen inputs */
    for (int i = 0; i < b->cain.n; i++)
        m->cain_first[b->cain.v[i].ca + 1]++;
    for (int a = 0; a < m->nca; a++)
        m->cain_first[a + 1] += m->cain_first[a];
    m->cain = xcalloc((size_t)b->cain.n + 1, sizeof *m->cain);
    int *fa = xcalloc((size_t)m->nca + 1, sizeof(int));
    for (int i = 0; i < b->cain.n; i++) {
        const struct bcain *c = &b->cain.v[i];
        struct gs_cainput in = c->in;
        in.chan = in.chkind == GS_CH_TAB ? tab_model[in.chan] : syn_model[in.chan];
        m->cain[m->cain_first[c->ca] + fa[c->ca]++] = in;
    }
    free(fa);
    DROP(b->cain);

    /* synapses by synchan, and the outgoing lists by source */
    if (!alloc_kind(&L, GS_K_SYNAPSE))
        goto out;
    for (int i = 0; i < b->synapse.n; i++)
        m->syn_first[syn_model[b->synapse.v[i].syn] + 1]++;
    for (int y = 0; y < m->nsyn; y++)
        m->syn_first[y + 1] += m->syn_first[y];
    for (int i = 0; i < b->synapse.n; i++)
        m->out_first[m->map[GS_K_SRC][b->synapse.v[i].src] + 1]++;
    for (int s = 0; s < nsrc; s++)
        m->out_first[s + 1] += m->out_first[s];
    int *fy = xcalloc((size_t)m->nsyn + 1, sizeof(int));
    int *fs = xcalloc((size_t)nsrc + 1, sizeof(int));
    for (int i = 0; i < b->synapse.n; i++) {
        const struct gsb_synapse *q = &b->synapse.v[i];
        int y = syn_model[q->syn], ms = m->map[GS_K_SRC][q->src];
        int mq = m->syn_first[y] + fy[y]++, jo = m->out_first[ms] + fs[ms]++;
        m->q_weight[mq] = q->weight;
        m->q_delay[mq] = q->delay;
        m->q_last[mq] = q->last_spike_time;
        m->q_src[mq] = ms;
        m->q_chan[mq] = y;
        m->map[GS_K_SYNAPSE][i] = mq;
        m->out_syn[jo] = mq;
    }
    free(fy);
    free(fs);
    DROP(b->synapse);

    if (b->hines.n > 0) {
        int nh = b->hines.n;
        int *first = xcalloc((size_t)nh + 1, sizeof(int));
        int *list = xmalloc(sizeof(int) * (size_t)(b->hcompt.n + 1));
        int *fill = xcalloc((size_t)nh + 1, sizeof(int));
        int *tab_cell = int_array(m->ntab, -1);
        for (int i = 0; i < b->hcompt.n; i++)
            first[b->hcompt.v[i].hines + 1]++;
        for (int h = 0; h < nh; h++)
            first[h + 1] += first[h];
        for (int i = 0; i < b->hcompt.n; i++) {
            const struct bhc *e = &b->hcompt.v[i];
            list[first[e->hines] + fill[e->hines]++] = comp_model[e->compt];
        }
        for (int i = 0; i < m->map_n[GS_K_TAB]; i++)
            if (tab_hines[i] >= 0)
                tab_cell[tab_model[i]] = tab_hines[i];
        bool hok = gs_hines_layout(m, nh, b->hines.v, first, list, tab_cell, err, errlen);
        free(first);
        free(list);
        free(fill);
        free(tab_cell);
        if (!hok)
            goto out;
        gs_hines_prepare(m);
        int *syn_cell = int_array(m->nsyn, -1), *syn_compt = int_array(m->nsyn, -1);
        for (int i = 0; i < m->map_n[GS_K_SYN]; i++)
            if (syn_hines[i] >= 0) {
                syn_cell[syn_model[i]] = syn_hines[i];
                syn_compt[syn_model[i]] = comp_model[L.chan_target[m->map_n[GS_K_TAB] + i]];
            }
        gs_hsyn_layout(m, syn_cell, syn_compt);
        free(syn_cell);
        free(syn_compt);
    }
    ok = true;
out:
    free(ct.first);
    free(ct.idx);
    free(sigs);
    free(gsize);
    free(L.tab_gd);
    free(L.chan_target);
    free(L.comp_group);
    free(L.comp_spk);
    free(L.unit_of);
    free(L.comp_hines);
    free(tab_hines);
    free(syn_hines);
    free(spk_model);
    free(tab_slot);
    if (!ok) {
        gs_model_free(m);
        return NULL;
    }
    return m;
}
