/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parout.c: the parallel output (parout.h, rnet_int.h). A SAVE's value
 * travels as a flow (flow_int.h) keyed by its column: it is sent at the
 * start of every output step, so the row labelled t holds the values at
 * t, as PGENESIS writes it. The node that holds the files places each
 * value at its column and hands the row to each file (parfile_row), whose
 * sink writes it.
 *
 * Flow control of SAVE rows, the one flow that goes one way: every
 * SAVE_WINDOW rows a sending node waits until its receivers have written
 * the row SAVE_WINDOW rows back. Without it the nodes of a large network
 * ran ahead of a slower output node, which queued every row it had not
 * written yet: memory that grew with the length of the run.
 */
#include <math.h>
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
enum { TAG_SAVE = 1, TAG_SAVE_ACK = 4 };

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

enum gs_status
parout_reset_check(struct gs_sim *sim)
{
    struct parout *po = rnet_parout_if(sim);
    for (size_t i = 0; po && i < po->nfiles; i++) {
        struct gs_element *f = elem_from_handle(sim->model, po->files[i]);
        if (f && parfile_check(sim, f) != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
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

bool
parout_due(const struct parout *po, long s)
{
    return po && po->R > 0 && s % po->R == 0 && po->fsave.active;
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
        if (f && parfile_ncols(f) > ncols)
            ncols = parfile_ncols(f);
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
        if (f && s % clock_steps(m, f->clock) == 0 && !(f->flags & GS_EL_DISABLED))
            st = parfile_row(sim, f, t, po->vals);
    }
    if (multi && (s / po->R) % SAVE_WINDOW == 0)
        send_acks(sim, &po->fsave, seq, me);
    return st;
}
