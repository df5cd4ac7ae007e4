/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * solver.c: the solver facade of solver.h. It owns the compiled model and
 * the probe list, forwards stepping, field access and spike events to the
 * backend, and translates builder ids into array indices.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "build.h"
#include "model_int.h"
#include "solver.h"

struct gs_solver *
gs_solver_new(void)
{
    struct gs_solver *s = xcalloc(1, sizeof *s);
    s->be = &gs_backend_cpu;
    return s;
}

static void
drop_model(struct gs_solver *s)
{
    if (s->m && s->be->release)
        s->be->release(s);
    gs_model_free(s->m);
    s->m = NULL;
    free(s->probe);
    free(s->rec);
    free(s->sample);
    free(s->sval);
    free(s->skey);
    free(s->input);
    s->input = NULL;
    s->ninput = 0;
    s->probe = NULL;
    s->rec = NULL;
    s->nprobe = 0;
    s->nrec = s->rec_cap = 0;
    s->sample = NULL;
    s->sval = NULL;
    s->skey = NULL;
    s->nsample = s->sample_cap = 0;
}

void
gs_solver_free(struct gs_solver *s)
{
    if (!s)
        return;
    drop_model(s);
    free(s);
}

const char *
gs_solver_backend(const struct gs_solver *s)
{
    if (s->m && s->be->describe)
        return s->be->describe(s);
    return s->be->name;
}

void
gs_solver_pick(struct gs_solver *s, enum gs_backend_pick pick, struct gs_rng *rng)
{
    s->pick = pick;
    s->rng = rng;
}

const char *
gs_solver_note(const struct gs_solver *s, bool *by_name)
{
    *by_name = s->note_error;
    return s->note[0] ? s->note : NULL;
}

static const char *const pick_names[] = {"auto", "cpu", "cuda"};

const char *
gs_backend_pick_name(enum gs_backend_pick pick)
{
    return pick_names[pick];
}

bool
gs_backend_pick_parse(const char *name, enum gs_backend_pick *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, pick_names[i]) == 0) {
            *out = (enum gs_backend_pick)i;
            return true;
        }
    return false;
}

/* The backend for model M: CUDA where asked for (or AUTO) and possible;
 * otherwise the CPU, with the reason in S->note. */
static void
choose_backend(struct gs_solver *s)
{
    s->be = &gs_backend_cpu;
    s->note[0] = '\0';
    s->note_error = s->pick == GS_BACKEND_CUDA;
    if (s->pick == GS_BACKEND_CPU)
        return;
#ifdef HAVE_CUDA
    char why[256];
    if (s->pick == GS_BACKEND_AUTO && !gs_cuda_present())
        return; /* no device: the CPU is the choice, not a fallback */
    s->be = &gs_backend_cuda;
    if (s->be->compile(s, why, sizeof why) == GS_OK)
        return;
    s->be = &gs_backend_cpu;
    snprintf(s->note, sizeof s->note, "the model runs on the CPU backend: %s", why);
#else
    if (s->pick == GS_BACKEND_CUDA)
        snprintf(s->note, sizeof s->note,
                 "the model runs on the CPU backend: this gensh was built without CUDA "
                 "(configure found no nvcc)");
#endif
}

enum gs_status
gs_solver_compile(struct gs_solver *s, struct gs_build *b, double dt, uint64_t seed,
                  char *err, size_t errlen)
{
    struct gs_cmodel *m = gsb_compile(b, dt, seed, err, errlen);
    if (!m)
        return GS_ERR;
    drop_model(s);
    s->m = m;
    m->rng = s->rng;
    gs_model_derive(m);
    choose_backend(s);
    if (s->be == &gs_backend_cpu && s->be->compile(s, err, errlen) != GS_OK) {
        gs_model_free(s->m);
        s->m = NULL;
        return GS_ERR;
    }
    return GS_OK;
}

void
gs_solver_reset(struct gs_solver *s)
{
    if (!s->m)
        return;
    gs_model_reset(s->m);
    s->nrec = 0;
    if (s->be->reset)
        s->be->reset(s);
    gs_solver_sample(s);
}

enum gs_status
gs_solver_advance(struct gs_solver *s, int64_t n)
{
    if (!s->m)
        return GS_ERR;
    return s->be->advance(s, n);
}

int64_t
gs_solver_step(const struct gs_solver *s)
{
    return s->m ? s->m->step : 0;
}

double
gs_solver_read(struct gs_solver *s, int kind, int id, int field)
{
    int i = s->m ? gs_model_map(s->m, kind, id) : -1;
    if (i < 0)
        return 0.0 / 0.0;
    return s->be->read_field(s, kind, i, field);
}

/* A sampled field and its place, for finding the samples of a field. */
struct gs_sample_key {
    struct gs_probe p;
    int col;
};

static int
cmp_key(const struct gs_probe *a, const struct gs_probe *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->idx != b->idx)
        return a->idx < b->idx ? -1 : 1;
    return (a->field > b->field) - (a->field < b->field);
}

static int
cmp_sample_key(const void *a, const void *b)
{
    const struct gs_sample_key *x = a, *y = b;
    int c = cmp_key(&x->p, &y->p);
    return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* The sampled values of field FIELD of element IDX of KIND, after a write. */
static void
resample(struct gs_solver *s, int kind, int idx, int field)
{
    if (!s->skey) {
        s->skey = xmalloc(sizeof *s->skey * (size_t)s->nsample);
        for (int i = 0; i < s->nsample; i++)
            s->skey[i] = (struct gs_sample_key){s->sample[i], i};
        qsort(s->skey, (size_t)s->nsample, sizeof *s->skey, cmp_sample_key);
    }
    const struct gs_probe key = {kind, idx, field};
    int lo = 0, hi = s->nsample;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (cmp_key(&s->skey[mid].p, &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < s->nsample && cmp_key(&s->skey[lo].p, &key) == 0; lo++)
        s->sval[s->skey[lo].col] = s->be->read_field(s, kind, idx, field);
}

enum gs_wresult
gs_solver_write(struct gs_solver *s, int kind, int id, int field, double v)
{
    int i = s->m ? gs_model_map(s->m, kind, id) : -1;
    if (i < 0)
        return GS_W_BAD;
    enum gs_wresult r = s->be->write_field(s, kind, i, field, v);
    if (r == GS_W_OK && s->nsample > 0)
        resample(s, kind, i, field);
    return r;
}

enum gs_status
gs_solver_fire(struct gs_solver *s, int src, int64_t at)
{
    int ms = s->m ? gs_model_map(s->m, GS_K_SRC, src) : -1;
    if (ms < 0)
        return GS_ERR;
    return s->be->fire(s, ms, at);
}

size_t
gs_solver_pending(struct gs_solver *s, struct gs_pending **out)
{
    struct gs_cmodel *m = s->m;
    struct gs_event *ev = NULL;
    *out = NULL;
    size_t n = m ? s->be->pending(s, &ev) : 0;
    if (n == 0) {
        free(ev);
        return 0;
    }
    /* synchan model index -> builder id */
    int *id_of = xmalloc(sizeof(int) * (size_t)(m->nsyn + 1));
    for (int y = 0; y < m->nsyn; y++)
        id_of[y] = -1;
    for (int id = 0; id < m->map_n[GS_K_SYN]; id++)
        if (m->map[GS_K_SYN][id] >= 0)
            id_of[m->map[GS_K_SYN][id]] = id;
    *out = xmalloc(sizeof **out * n);
    for (size_t i = 0; i < n; i++) {
        int q = ev[i].q, y = m->q_chan[q];
        (*out)[i] = (struct gs_pending){id_of[y], q - m->syn_first[y], ev[i].due};
    }
    free(id_of);
    free(ev);
    return n;
}

void
gs_solver_carry(struct gs_solver *s, const struct gs_pending *ev, size_t n, int64_t now)
{
    struct gs_cmodel *m = s->m;
    if (!m)
        return;
    struct gs_event *e = xmalloc(sizeof *e * (n + 1));
    size_t ne = 0;
    for (size_t k = 0; k < n; k++) {
        int y = ev[k].syn >= 0 ? gs_model_map(m, GS_K_SYN, ev[k].syn) : -1;
        if (y >= 0 && ev[k].k >= 0 && ev[k].k < m->syn_first[y + 1] - m->syn_first[y])
            e[ne++] = (struct gs_event){ev[k].due, m->syn_first[y] + ev[k].k};
    }
    s->be->carry(s, e, ne, now);
    free(e);
}

size_t
gs_solver_spikes(struct gs_solver *s, struct gs_spike *out, size_t max)
{
    return s->m ? s->be->collect_spikes(s, out, max) : 0;
}

int
gs_solver_add_sample(struct gs_solver *s, int kind, int id, int field)
{
    int i = s->m ? gs_model_map(s->m, kind, id) : -1;
    if (i < 0)
        return -1;
    if (s->nsample == s->sample_cap) {
        s->sample_cap = s->sample_cap ? 2 * s->sample_cap : 64;
        s->sample = xreallocarray(s->sample, (size_t)s->sample_cap, sizeof *s->sample);
        s->sval = xreallocarray(s->sval, (size_t)s->sample_cap, sizeof *s->sval);
    }
    s->sample[s->nsample] = (struct gs_probe){kind, i, field};
    s->sval[s->nsample] = s->be->read_field(s, kind, i, field);
    free(s->skey);
    s->skey = NULL;
    return s->nsample++;
}

const double *
gs_solver_samples(const struct gs_solver *s)
{
    return s->sval;
}

void
gs_solver_sample(struct gs_solver *s)
{
    if (s->m && s->nsample > 0)
        s->be->sample(s, s->sample, s->nsample, s->sval);
}

int
gs_solver_input(struct gs_solver *s, int kind, int id, int field)
{
    int i = s->m ? gs_model_map(s->m, kind, id) : -1;
    if (i < 0)
        return -1;
    s->input = xreallocarray(s->input, (size_t)s->ninput + 1, sizeof *s->input);
    s->input[s->ninput] = (struct gs_probe){kind, i, field};
    return s->ninput++;
}

enum gs_status
gs_window_by_steps(struct gs_solver *s, int64_t n, const double *in, double *out)
{
    for (int64_t i = 0; i < n; i++) {
        for (int k = 0; k < s->ninput; k++)
            s->be->write_field(s, s->input[k].kind, s->input[k].idx, s->input[k].field,
                               in[i * s->ninput + k]);
        if (s->be->advance(s, 1) != GS_OK)
            return GS_ERR;
        if (s->nsample > 0)
            s->be->sample(s, s->sample, s->nsample, out + i * s->nsample);
    }
    return GS_OK;
}

enum gs_status
gs_solver_advance_window(struct gs_solver *s, int64_t n, const double *in, double *out)
{
    if (!s->m)
        return GS_ERR;
    return s->be->advance_window(s, n, in, out);
}

void
gs_solver_set_samples(struct gs_solver *s, const double *vals)
{
    if (s->nsample > 0 && vals != s->sval)
        memcpy(s->sval, vals, sizeof *vals * (size_t)s->nsample);
}

int
gs_solver_nsamples(const struct gs_solver *s)
{
    return s->nsample;
}

int
gs_solver_probe(struct gs_solver *s, int kind, int id, int field)
{
    int i = s->m ? gs_model_map(s->m, kind, id) : -1;
    if (i < 0)
        return -1;
    s->probe = xreallocarray(s->probe, (size_t)s->nprobe + 1, sizeof *s->probe);
    s->probe[s->nprobe].kind = kind;
    s->probe[s->nprobe].idx = i;
    s->probe[s->nprobe].field = field;
    /* rows already kept have no value for the new column: drop them */
    s->nrec = 0;
    free(s->rec);
    s->rec = NULL;
    s->rec_cap = 0;
    return s->nprobe++;
}

size_t
gs_solver_records(struct gs_solver *s, double *out, size_t maxrows)
{
    return s->m ? s->be->collect_records(s, out, maxrows) : 0;
}

size_t
gs_solver_bytes(const struct gs_solver *s)
{
    const struct gs_cmodel *m = s->m;
    if (!m)
        return 0;
    size_t b = 0;
    b += (size_t)m->ncompt * (2 * sizeof(double) + 10 * sizeof(float) + sizeof(double) + 1);
    b += (size_t)m->ntab * (2 * sizeof(float) + (GS_NGATES * 2 + 1) * sizeof(int) +
                            sizeof(double));
    b += (size_t)m->nidle * sizeof(double);
    b += (size_t)m->ngate * (sizeof(double) + 2 * sizeof(int));
    b += (size_t)m->nsyn * (6 * sizeof(double) + 8 * sizeof(float) + 3 * sizeof(int) + 10);
    /* weight, delay, arrival time; source, channel, out_syn */
    b += (size_t)m->nsynapse * (3 * sizeof(float) + 3 * sizeof(int));
    b += (size_t)m->nspike * (4 * sizeof(float) + sizeof(int) + sizeof(int64_t));
    b += (size_t)(m->nspike + m->nrand) * (2 * sizeof(int) + sizeof(uint64_t));
    for (int i = 0; i < m->ntabpair; i++)
        b += 4 * sizeof(double) * (size_t)(m->tabs[i].xdivs + 1);
    /* the groups' merged copies of their tables */
    for (int g = 0; g < m->ngroup; g++)
        for (int k = 0; k < m->groups[g].nbundle; k++)
            b += 4 * sizeof(double) * (size_t)m->groups[g].bundle[k].ngate *
                 (size_t)(m->groups[g].bundle[k].xdivs + 1);
    for (int k = 0; k < 6; k++)
        b += sizeof(int) * (size_t)m->map_n[k];
    return b;
}

struct gs_cmodel *
gs_solver_model(struct gs_solver *s)
{
    return s->m;
}
