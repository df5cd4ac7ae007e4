/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * build.c: the model builder: elements are collected as plain records in
 * GENESIS element order, to be laid out by gsb_compile() (layout.c).
 * Tables are copied in and shared by content, so the copies of one
 * prototype channel cost one table.
 *
 * Owns the builder's records and the tables copied into it. Depends on
 * models/base for allocation only.
 */
#include "build.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "build_int.h"

struct gs_build *
gsb_new(void)
{
    return xcalloc(1, sizeof(struct gs_build));
}

void
gsb_free(struct gs_build *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->tabs.n; i++) {
        free(b->tabs.v[i].A);
        free(b->tabs.v[i].B);
    }
    free(b->compt.v);
    free(b->tabs.v);
    free(b->tab.v);
    free(b->gates.v);
    free(b->gslot);
    free(b->syn.v);
    free(b->spk.v);
    free(b->rnd.v);
    free(b->src.v);
    free(b->synapse.v);
    free(b->ca.v);
    free(b->cain.v);
    free(b->term.v);
    free(b->gid.v);
    free(b->hines.v);
    free(b->hcompt.v);
    free(b);
}

#define RESERVE(vec, k)                                                                            \
    do {                                                                                           \
        if ((k) > (vec).cap) {                                                                     \
            (vec).cap = (k);                                                                       \
            (vec).v = xreallocarray((vec).v, (size_t)(vec).cap, sizeof *(vec).v);                 \
        }                                                                                          \
    } while (0)

void
gsb_reserve(struct gs_build *b, const struct gsb_sizes *n)
{
    RESERVE(b->compt, n->compt);
    RESERVE(b->tab, n->tab);
    RESERVE(b->syn, n->syn);
    RESERVE(b->spk, n->src);
    RESERVE(b->src, n->src);
    RESERVE(b->synapse, n->synapse);
    RESERVE(b->term, n->term);
    RESERVE(b->ca, n->ca);
    RESERVE(b->cain, n->cain);
    RESERVE(b->gid, n->gid);
}

int
gsb_compartment(struct gs_build *b, const struct gsb_compt *c)
{
    PUSH(b->compt, *c);
    return b->compt.n - 1;
}

int
gsb_tabpair(struct gs_build *b, const void *keyA, const void *keyB, int xdivs, double xmin,
            double xmax, int mode, const double *A, const double *B, double oyA, double oyB)
{
    /* the same caller's tables again (copies of one prototype share them) */
    if (keyA && keyB) {
        for (int i = b->tabs.n - 1; i >= 0 && i >= b->tabs.n - 64; i--)
            if (b->tabs.v[i].keyA == keyA && b->tabs.v[i].keyB == keyB)
                return i;
    }
    size_t n = (size_t)(xdivs + 1);
    uint64_t h = 14695981039346656037ULL;
    h = hash_bytes(h, &xdivs, sizeof xdivs);
    h = hash_bytes(h, &xmin, sizeof xmin);
    h = hash_bytes(h, &xmax, sizeof xmax);
    h = hash_bytes(h, &mode, sizeof mode);
    if (A)
        h = hash_bytes(h, A, n * sizeof *A);
    if (B)
        h = hash_bytes(h, B, n * sizeof *B);
    for (int i = 0; i < b->tabs.n; i++) {
        const struct btab *t = &b->tabs.v[i];
        if (t->hash == h && t->xdivs == xdivs && t->xmin == xmin && t->xmax == xmax &&
            t->mode == mode && t->oyA == oyA && t->oyB == oyB &&
            (!A || memcmp(t->A, A, n * sizeof *A) == 0) &&
            (!B || memcmp(t->B, B, n * sizeof *B) == 0)) {
            if (keyA && keyB && !t->keyA) {
                b->tabs.v[i].keyA = keyA;
                b->tabs.v[i].keyB = keyB;
            }
            return i;
        }
    }
    struct btab t = {xdivs, mode, xmin, xmax, oyA, oyB, xcalloc(n, sizeof(double)),
                     xcalloc(n, sizeof(double)), keyA, keyB, h};
    if (A)
        memcpy(t.A, A, n * sizeof *A);
    if (B)
        memcpy(t.B, B, n * sizeof *B);
    PUSH(b->tabs, t);
    return b->tabs.n - 1;
}

static uint64_t
gates_hash(const struct bgates *d)
{
    uint64_t h = 14695981039346656037ULL;
    for (int k = 0; k < GS_NGATES; k++) {
        const struct bgate *g = &d->g[k];
        h = hash_bytes(h, &g->tab, sizeof g->tab);
        h = hash_bytes(h, &g->conc, sizeof g->conc);
        h = hash_bytes(h, &g->power, sizeof g->power);
        h = hash_bytes(h, &g->instant, sizeof g->instant);
        h = hash_bytes(h, &g->input, sizeof g->input);
    }
    return h;
}

static bool
gates_eq(const struct bgates *a, const struct bgates *b)
{
    for (int k = 0; k < GS_NGATES; k++) {
        const struct bgate *x = &a->g[k], *y = &b->g[k];
        if (x->tab != y->tab || x->conc != y->conc || x->power != y->power ||
            x->instant != y->instant || x->input != y->input)
            return false;
    }
    return true;
}

/* The index of gate description D (its hash set), added if new. */
static int
gates_id(struct gs_build *b, struct bgates *d)
{
    d->hash = gates_hash(d);
    if (2 * (b->gates.n + 1) > b->gcap) {
        b->gcap = b->gcap ? 2 * b->gcap : 64;
        b->gslot = xreallocarray(b->gslot, (size_t)b->gcap, sizeof *b->gslot);
        for (int i = 0; i < b->gcap; i++)
            b->gslot[i] = -1;
        for (int i = 0; i < b->gates.n; i++) {
            size_t j = b->gates.v[i].hash & (size_t)(b->gcap - 1);
            while (b->gslot[j] >= 0)
                j = (j + 1) & (size_t)(b->gcap - 1);
            b->gslot[j] = i;
        }
    }
    size_t j = d->hash & (size_t)(b->gcap - 1);
    for (; b->gslot[j] >= 0; j = (j + 1) & (size_t)(b->gcap - 1)) {
        const struct bgates *e = &b->gates.v[b->gslot[j]];
        if (e->hash == d->hash && gates_eq(e, d))
            return b->gslot[j];
    }
    PUSH(b->gates, *d);
    b->gslot[j] = b->gates.n - 1;
    return b->gates.n - 1;
}

int
gsb_tabchannel(struct gs_build *b, const struct gsb_tabchan *t)
{
    struct bgates d;
    struct btabch r = {t->Gbar, t->Ek, t->vsrc, t->gsyn1, t->vreset, {0}, 0};
    memset(&d, 0, sizeof d);
    for (int k = 0; k < GS_NGATES; k++) {
        const struct gsb_gate *g = &t->g[k];
        d.g[k] = (struct bgate){g->tab, g->conc, g->power, (uint8_t)(g->instant != 0),
                                (uint8_t)g->input};
        r.state[k] = g->state;
    }
    r.gates = gates_id(b, &d);
    PUSH(b->tab, r);
    return b->tab.n - 1;
}

int
gsb_synchan(struct gs_build *b, const struct gsb_synchan *s)
{
    PUSH(b->syn, *s);
    return b->syn.n - 1;
}

int
gsb_spikegen(struct gs_build *b, const struct gsb_spikegen *s)
{
    PUSH(b->spk, *s);
    struct bsrc r = {0, b->spk.n - 1};
    PUSH(b->src, r);
    return b->src.n - 1;
}

int
gsb_randomspike(struct gs_build *b, const struct gsb_randomspike *r)
{
    PUSH(b->rnd, *r);
    struct bsrc s = {1, b->rnd.n - 1};
    PUSH(b->src, s);
    return b->src.n - 1;
}

int
gsb_extsource(struct gs_build *b)
{
    struct bsrc s = {2, b->next++};
    PUSH(b->src, s);
    return b->src.n - 1;
}

int
gsb_synapse(struct gs_build *b, const struct gsb_synapse *q)
{
    PUSH(b->synapse, *q);
    return b->synapse.n - 1;
}

int
gsb_caconc(struct gs_build *b, const struct gsb_caconc *c)
{
    PUSH(b->ca, *c);
    return b->ca.n - 1;
}

int
gsb_hines(struct gs_build *b, const struct gsb_hines *h)
{
    PUSH(b->hines, *h);
    return b->hines.n - 1;
}

void
gsb_hines_compt(struct gs_build *b, int hines, int compt)
{
    struct bhc e = {hines, compt};
    PUSH(b->hcompt, e);
}

void
gsb_cainput(struct gs_build *b, int ca, int kind, int chkind, int chan, double frac)
{
    struct bcain c = {ca, {(uint8_t)kind, (uint8_t)chkind, chan, frac}};
    PUSH(b->cain, c);
}

void
gsb_term(struct gs_build *b, int compt, int kind, int ref)
{
    struct bterm t = {compt, kind, ref};
    PUSH(b->term, t);
}

void
gsb_set_vsrc(struct gs_build *b, int kind, int id, int compt)
{
    if (kind == GS_K_TAB && id >= 0 && id < b->tab.n)
        b->tab.v[id].vsrc = compt;
    else if (kind == GS_K_SYN && id >= 0 && id < b->syn.n)
        b->syn.v[id].vsrc = compt;
    else if (kind == GS_K_SRC && id >= 0 && id < b->src.n && b->src.v[id].kind == 0)
        b->spk.v[b->src.v[id].idx].vsrc = compt;
}

void
gsb_set_gsyn(struct gs_build *b, int tab, int syn, float ek)
{
    b->tab.v[tab].gsyn1 = syn + 1;
    b->tab.v[tab].Ek = ek;
}

void
gsb_set_conc(struct gs_build *b, int tab, int gate, int ca)
{
    if (tab >= 0 && tab < b->tab.n && gate >= 0 && gate < GS_NGATES) {
        struct bgates d = b->gates.v[b->tab.v[tab].gates];
        d.g[gate].conc = ca;
        b->tab.v[tab].gates = gates_id(b, &d);
    }
}

void
gsb_set_gid(struct gs_build *b, int kind, int id, uint64_t gid)
{
    struct bgid g = {kind, id, gid};
    PUSH(b->gid, g);
}

