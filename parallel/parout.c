/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parout.c: the parallel output (parout.h, rnet_int.h). A SAVE's value
 * travels as a flow (flow_int.h) keyed by its column: it is sent at the
 * start of every output step, so the row labelled t holds the values at
 * t, as PGENESIS writes it. The node that holds the files places each
 * value at its column and hands the row to each file (parfile_row), whose
 * sink writes it.
 *
 * A shared file (par_hdf5_out, parfile.h) is written by every node of
 * the zone: each node writes the columns whose SAVE messages name it,
 * through MPI-IO, and no row goes to one node. Every node has the
 * element; at reset the nodes check together that their indices make
 * 0 .. n-1, each once, and that their settings agree; at its first tick
 * node 0 gathers each column's source and field (once), starts the file,
 * and every node opens it.
 *
 * Flow control of SAVE rows, the one flow that goes one way: every
 * SAVE_WINDOW rows a sending node waits until its receivers have written
 * the row SAVE_WINDOW rows back. Without it the nodes of a large network
 * ran ahead of a slower output node, which queued every row it had not
 * written yet: memory that grew with the length of the run.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../models/core/core.h"
#include "../models/io/parfile.h"
#include "flow_int.h"
#include "par.h"
#include "parout.h"
#include "rnet_int.h"

#define SAVE_WINDOW 32

/* par_data_send tags: rnet.c uses 2 (channels) and 3 (spikes). */
enum { TAG_SAVE = 1, TAG_SAVE_ACK = 4, TAG_NAMES = 5 };

struct parout {
    struct flow fsave;      /* SAVE columns */
    struct gs_handle *files;
    size_t nfiles, capfiles;
    long R;                 /* output cadence (steps); 0: none */
    double *vals;           /* the row being received, by column */
    size_t nvals;
};

struct parout *
parout_new(void)
{
    return xcalloc(1, sizeof(struct parout));
}

void
parout_free(struct parout *po)
{
    if (!po)
        return;
    flow_free(&po->fsave);
    free(po->files);
    free(po->vals);
    free(po);
}

void
parout_save(struct gs_sim *sim, struct gs_element *el, const char *field, int node, long idx)
{
    flow_add(&rnet_parout(sim)->fsave, el, field, node, (uint32_t)idx);
}

void
parout_file(struct gs_sim *sim, struct gs_element *file)
{
    struct parout *po = rnet_parout(sim);
    struct gs_handle h = elem_handle(file);
    for (size_t i = 0; i < po->nfiles; i++)
        if (po->files[i].slot == h.slot && po->files[i].gen == h.gen)
            return;
    if (po->nfiles == po->capfiles) {
        po->capfiles = po->capfiles ? 2 * po->capfiles : 4;
        po->files = xreallocarray(po->files, po->capfiles, sizeof *po->files);
    }
    po->files[po->nfiles++] = h;
}

struct named {
    char *path;
    struct gs_element *el;
};

static int
cmp_named(const void *a, const void *b)
{
    return strcmp(((const struct named *)a)->path, ((const struct named *)b)->path);
}

/* This node's shared files, by path (the same order on every node). */
static struct named *
shared_files(struct gs_sim *sim, size_t *n)
{
    struct gs_model *m = sim->model;
    struct named *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (uint32_t i = 0; i < m->nslot; i++) {
        struct gs_element *el = elem_from_handle(m, (struct gs_handle){i, m->slot_gen[i]});
        if (!el || !parfile_shared(el))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 4;
            v = xreallocarray(v, cap, sizeof *v);
        }
        v[(*n)++] = (struct named){elem_path_str(el), el};
    }
    if (*n)
        qsort(v, *n, sizeof *v, cmp_named);
    return v;
}

static void
free_named(struct named *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].path);
    free(v);
}

/* A number (below 2^52, exact as a double) that differs, most likely,
 * when the paths or file names of V differ. */
static double
names_hash(const struct named *v, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        for (const char *s = v[i].path, *t = outelem_name(v[i].el);; s = t, t = NULL) {
            for (const char *c = s; *c; c++)
                h = (h ^ (unsigned char)*c) * 1099511628211ULL;
            h = (h ^ 0xff) * 1099511628211ULL;
            if (!t)
                break;
        }
    return (double)(h >> 12);
}

/* The zone's check of its shared files (every node runs it, in the same
 * order, so every node gives the same verdict): the same files with the
 * same settings everywhere, and all nodes' indices of each 0 .. n-1, each
 * once. A file that passes is written at this node's output ticks. */
static enum gs_status
check_shared(struct gs_sim *sim)
{
    bool multi = par_is_on(sim) && par_nnodes(sim) > 1;
    size_t n;
    struct named *v = shared_files(sim, &n);
    enum gs_status st = GS_OK;
    double *a = xcalloc(8 * n + 4, sizeof *a);
    a[0] = (double)n;
    a[1] = -(double)n;
    a[2] = names_hash(v, n);
    a[3] = -a[2];
    if (multi && par_allreduce(sim, false, PAR_MIN, a, 4, "par_hdf5_out check", "") != GS_OK) {
        st = GS_ERR;
        goto out;
    }
    if (a[0] != -a[1] || a[2] != -a[3]) {
        st = gs_error(sim, "par_hdf5_out: the nodes have different ones (this node has %zu); "
                           "every node of the zone must create the same ones, with the same "
                           "file names", n);
        goto out;
    }
    /* Each file: this node's indices (summed), and its settings (least
     * and, negated, greatest). */
    for (size_t i = 0; i < n; i++) {
        a[i] = (double)parfile_ncols(v[i].el);
        par_hdf5_out_settings(v[i].el, a + n + 6 * i);
        for (int k = 0; k < 3; k++)
            a[n + 6 * i + 3 + k] = -a[n + 6 * i + k];
    }
    if (multi && (par_allreduce(sim, false, PAR_SUM, a, (int)n, "par_hdf5_out check", "") != GS_OK
                  || par_allreduce(sim, false, PAR_MIN, a + n, 6 * (int)n, "par_hdf5_out check",
                                   "") != GS_OK)) {
        st = GS_ERR;
        goto out;
    }
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        const double *set = a + n + 6 * i;
        if (set[0] != -set[3] || set[1] != -set[4] || set[2] != -set[5]) {
            st = gs_error(sim, "par_hdf5_out '%s' (file '%s'): flush_rows, flush and compress "
                               "must be the same on every node", v[i].path,
                          outelem_name(v[i].el));
            goto out;
        }
        total += (long)a[i];
    }
    /* How many messages name each index, over the zone. */
    double *hist = xcalloc((size_t)total + 1, sizeof *hist);
    for (size_t i = 0, off = 0; i < n; off += (size_t)a[i], i++) {
        struct parfile_cols *c = parfile_cols(v[i].el);
        for (long k = 0; k < c->nidx; k++)
            if (c->idx[k] >= 0 && c->idx[k] < (long)a[i])
                hist[off + (size_t)c->idx[k]] += 1;
    }
    if (multi && total > 0
        && par_allreduce(sim, false, PAR_SUM, hist, (int)total, "par_hdf5_out check", "")
               != GS_OK)
        st = GS_ERR;
    for (size_t i = 0, off = 0; i < n && st == GS_OK; off += (size_t)a[i], i++) {
        long w = (long)a[i];
        for (long k = 0; k < w && st == GS_OK; k++)
            if (hist[off + (size_t)k] != 1)
                st = parfile_index_error(sim, v[i].el, k, hist[off + (size_t)k] > 1, w);
        if (st == GS_OK) {
            parfile_sort(v[i].el); /* the sink writes them in ascending order */
            parfile_cols(v[i].el)->nfile = (int)w;
            parout_file(sim, v[i].el);
        }
    }
    free(hist);
out:
    free(a);
    free_named(v, n);
    return st;
}

enum gs_status
parout_reset_check(struct gs_sim *sim)
{
    struct parout *po = rnet_parout_if(sim);
    enum gs_status st = GS_OK;
    for (size_t i = 0; po && i < po->nfiles && st == GS_OK; i++) {
        struct gs_element *f = elem_from_handle(sim->model, po->files[i]);
        if (f && !parfile_shared(f))
            st = parfile_check(sim, f);
    }
    /* Every node takes part in the check of the shared files. */
    return check_shared(sim) == GS_OK ? st : GS_ERR;
}

static long
clock_steps(struct gs_model *m, int clock)
{
    double c = m->clock[clock], c0 = m->clock[0];
    if (!(c > 0) || !(c0 > 0))
        return 1;
    long k = lround(c / c0);
    return k < 1 ? 1 : k;
}

void
parout_setup(struct parout *po, struct gs_model *m, int n, int me, double *cadence,
             double *msave)
{
    for (size_t i = 0; i < po->fsave.nout; i++)
        if (po->fsave.out[i].node >= 0 && po->fsave.out[i].node < n)
            msave[(size_t)me * (size_t)n + (size_t)po->fsave.out[i].node] -= 1;
    for (size_t i = 0; i < po->nfiles; i++) {
        struct gs_element *f = elem_from_handle(m, po->files[i]);
        if (f && (double)clock_steps(m, f->clock) < *cadence)
            *cadence = (double)clock_steps(m, f->clock);
    }
}

void
parout_agreed(struct parout *po, int n, int me, const double *msave, double cadence)
{
    flow_setup(&po->fsave, n, me, msave);
    po->R = cadence < HUGE_VAL ? (long)cadence : 0;
}

/* Does this node have a shared file? (Then it takes part in every output
 * tick, values to send or not.) */
static bool
has_shared(const struct parout *po, const struct gs_model *m)
{
    for (size_t i = 0; i < po->nfiles; i++)
        if (parfile_shared(elem_from_handle(m, po->files[i])))
            return true;
    return false;
}

bool
parout_due(const struct parout *po, const struct gs_model *m, long s)
{
    return po && po->R > 0 && s % po->R == 0 && (po->fsave.active || has_shared(po, m));
}

static void
apply_save(struct gs_sim *sim, void *ctx, uint32_t key, double v)
{
    (void)sim;
    struct parout *po = ctx;
    if (key < po->nvals)
        po->vals[key] = v;
}

/* Waits for the acknowledgement SEQ of every node FL sends to. */
static enum gs_status
await_acks(struct gs_sim *sim, const struct flow *fl, uint64_t seq, int me)
{
    for (size_t i = 0, j; i < fl->norder; i = j) {
        int node;
        j = flow_dest_run(fl, i, &node);
        if (node == me)
            continue;
        void *msg;
        const void *pay;
        size_t len;
        if (par_data_recv(sim, node, TAG_SAVE_ACK, seq, "output rows written", &msg, &pay, &len)
            != GS_OK)
            return GS_ERR;
        par_data_free(msg);
    }
    return GS_OK;
}

/* Acknowledges row SEQ to every node that sends FL's values here. */
static void
send_acks(struct gs_sim *sim, const struct flow *fl, uint64_t seq, int me)
{
    static const char none[1];
    for (int k = 0; fl->from && k < fl->nnodes; k++)
        if (k != me && fl->from[k] > 0)
            par_data_send(sim, k, TAG_SAVE_ACK, seq, none, 0);
}

enum gs_status
parout_send(struct gs_sim *sim, struct parout *po, long s, bool multi, int me, uint64_t gen)
{
    struct gs_model *m = sim->model;
    long ncols = 0;
    for (size_t i = 0; i < po->nfiles; i++) {
        struct gs_element *f = elem_from_handle(m, po->files[i]);
        if (f && parfile_width(f) > ncols)
            ncols = parfile_width(f);
    }
    if ((size_t)ncols > po->nvals) {
        po->vals = xreallocarray(po->vals, (size_t)ncols, sizeof *po->vals);
        memset(po->vals + po->nvals, 0, ((size_t)ncols - po->nvals) * sizeof *po->vals);
        po->nvals = (size_t)ncols;
    }
    long row = s / po->R;
    if (multi && row >= SAVE_WINDOW && row % SAVE_WINDOW == 0
        && await_acks(sim, &po->fsave, rnet_seq(gen, s - SAVE_WINDOW * po->R), me) != GS_OK)
        return GS_ERR;
    flow_send(sim, po, &po->fsave, TAG_SAVE, rnet_seq(gen, s), me, 0.0 / 0.0, apply_save);
    return GS_OK;
}

/* The sources and fields of the columns, from every node's SAVE values
 * (a key's first): on node 0 *PATH and *FIELD (N each) name them; the
 * caller frees them with free_names. */
static void
names_put(struct strbuf *b, const char *s)
{
    sb_append(b, s, strlen(s) + 1);
}

static enum gs_status
gather_names(struct gs_sim *sim, struct parout *po, long n, bool multi, int me, uint64_t seq,
             char ***path, char ***field)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < po->fsave.nout; i++) {
        const struct save *sv = &po->fsave.out[i];
        struct gs_element *el = elem_from_handle(sim->model, sv->h);
        char *p = el ? elem_path_str(el) : xstrdup("");
        char *at = xasprintf("%s@%d %u", p, me, sv->key);
        names_put(&b, at);
        names_put(&b, sv->field);
        free(at);
        free(p);
    }
    *path = *field = NULL;
    if (me != 0) {
        par_data_send(sim, 0, TAG_NAMES, seq, b.len ? b.buf : "", b.len);
        sb_free(&b);
        return GS_OK;
    }
    *path = xcalloc((size_t)n + 1, sizeof **path);
    *field = xcalloc((size_t)n + 1, sizeof **field);
    enum gs_status st = GS_OK;
    for (int k = 0; k < (multi ? par_nnodes(sim) : 1) && st == GS_OK; k++) {
        void *msg = NULL;
        const char *pay = b.buf;
        size_t len = b.len;
        if (k != 0) {
            const void *pv;
            st = par_data_recv(sim, k, TAG_NAMES, seq, "the names of the output columns", &msg,
                               &pv, &len);
            pay = pv;
        }
        for (size_t off = 0; st == GS_OK && off < len;) {
            const char *pa = pay + off, *fi = pa + strlen(pa) + 1;
            off = (size_t)(fi - pay) + strlen(fi) + 1;
            const char *sp = strrchr(pa, ' ');
            long key = sp ? strtol(sp + 1, NULL, 10) : -1;
            if (key >= 0 && key < n && !(*path)[key]) {
                (*path)[key] = xstrndup(pa, (size_t)(sp - pa));
                (*field)[key] = xstrdup(fi);
            }
        }
        par_data_free(msg);
    }
    for (long i = 0; i < n; i++)
        if (!(*path)[i]) {
            (*path)[i] = xstrdup("");
            (*field)[i] = xstrdup("");
        }
    sb_free(&b);
    return st;
}

static void
free_names(char **path, char **field, long n)
{
    for (long i = 0; path && i < n; i++) {
        free(path[i]);
        free(field[i]);
    }
    free(path);
    free(field);
}

/* Did any node of the zone fail? (ST: this node's.) */
static enum gs_status
zone_failed(struct gs_sim *sim, bool multi, enum gs_status st, struct gs_element *f,
            const char *what)
{
    double v = st == GS_OK ? 0 : 1;
    if (!multi)
        return st;
    if (par_allreduce(sim, false, PAR_MAX, &v, 1, what, "") != GS_OK)
        return GS_ERR;
    if (v == 0 || st != GS_OK)
        return v == 0 ? GS_OK : GS_ERR;
    char *p = elem_path_str(f);
    gs_error(sim, "par_hdf5_out '%s' (file '%s'): %s failed on another node", p,
             outelem_name(f), what);
    free(p);
    return GS_ERR;
}

/* The first tick of a shared file: node 0 starts it (unless append finds
 * one), then every node opens it. */
static enum gs_status
start_shared(struct gs_sim *sim, struct parout *po, struct gs_element *f, bool multi, int me,
             uint64_t seq, double t)
{
    long n = parfile_width(f);
    char **path, **field;
    enum gs_status st = gather_names(sim, po, n, multi, me, seq, &path, &field);
    if (st == GS_OK && me == 0)
        st = par_hdf5_out_make(sim, f, t, (const char *const *)path, (const char *const *)field);
    free_names(path, field, n);
    if (zone_failed(sim, multi, st, f, "starting the file") != GS_OK)
        return GS_ERR;
    /* One node needs no MPI-IO (and so works with a serial HDF5 too). */
    st = par_hdf5_out_open(sim, f, multi ? par_zone_mpi_comm(sim) : NULL, me == 0);
    return zone_failed(sim, multi, st, f, "opening the file");
}

enum gs_status
parout_write(struct gs_sim *sim, struct parout *po, long s, bool multi, int me, uint64_t gen,
             double t)
{
    uint64_t seq = rnet_seq(gen, s);
    struct gs_model *m = sim->model;
    if (flow_recv(sim, po, &po->fsave, TAG_SAVE, seq, me, "output values", apply_save) != GS_OK)
        return GS_ERR;
    enum gs_status st = GS_OK;
    for (size_t i = 0; i < po->nfiles && st == GS_OK; i++) {
        struct gs_element *f = elem_from_handle(m, po->files[i]);
        if (!f || s % clock_steps(m, f->clock) != 0 || (f->flags & GS_EL_DISABLED))
            continue;
        if (parfile_shared(f) && !par_hdf5_out_is_open(f))
            st = start_shared(sim, po, f, multi, me, seq, t);
        if (st == GS_OK)
            st = parfile_row(sim, f, t, po->vals);
    }
    if (multi && (s / po->R) % SAVE_WINDOW == 0)
        send_acks(sim, &po->fsave, seq, me);
    return st;
}

void
parout_end(struct gs_sim *sim, bool clean)
{
    struct parout *po = rnet_parout_if(sim);
    for (size_t i = 0; po && i < po->nfiles; i++) {
        struct gs_element *f = elem_from_handle(sim->model, po->files[i]);
        if (!parfile_shared(f))
            continue;
        if (clean)
            outelem_release(NULL, f);
        else
            par_hdf5_out_forget(f);
    }
}
