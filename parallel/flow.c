/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * flow.c: values of source fields sent point to point, by key (flow_int.h):
 * the SAVE columns of the parallel output (parout.c) and the channels of
 * value messages to stand-ins (rnet.c) travel this way.
 */
#include <stdlib.h>
#include <string.h>

#include "../models/core/core.h"
#include "flow_int.h"
#include "par.h"

static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? 2 * *cap : 16;
    return xreallocarray(v, *cap, size);
}

void
flow_clear_in(struct flow *fl)
{
    for (int k = 0; k < fl->nnodes; k++)
        free(fl->keys ? fl->keys[k] : NULL);
    free(fl->keys);
    free(fl->from);
    free(fl->order);
    fl->keys = NULL;
    fl->from = NULL;
    fl->order = NULL;
    fl->nnodes = 0;
}

void
flow_free(struct flow *fl)
{
    flow_clear_in(fl);
    for (size_t i = 0; i < fl->nout; i++)
        free(fl->out[i].field);
    free(fl->out);
    free(fl->msg);
}

void
flow_add(struct flow *fl, struct gs_element *el, const char *field, int node, uint32_t key)
{
    fl->out = grow(fl->out, fl->nout, &fl->capout, sizeof *fl->out);
    fl->out[fl->nout++] = (struct save){elem_handle(el), xstrdup(field), node, key, NULL, {0}};
}

/* For a new run: FL's values by destination node, and how many each of
 * the N zone nodes sends here (-MAT[k * N + ME]: the agreed counts). */
void
flow_setup(struct flow *fl, int n, int me, const double *mat)
{
    flow_clear_in(fl);
    fl->nnodes = n;
    fl->from = xcalloc((size_t)n, sizeof *fl->from);
    fl->keys = xcalloc((size_t)n, sizeof *fl->keys);
    fl->active = false;
    for (int k = 0; k < n; k++) {
        fl->from[k] = (long)-mat[(size_t)k * (size_t)n + (size_t)me];
        if (fl->from[k] > 0)
            fl->active = true;
    }
    fl->order = xmalloc((fl->nout ? fl->nout : 1) * sizeof *fl->order);
    fl->norder = 0;
    for (int k = 0; k < n; k++)
        for (size_t i = 0; i < fl->nout; i++)
            if (fl->out[i].node == k)
                fl->order[fl->norder++] = i;
    for (size_t i = 0; i < fl->nout; i++)
        fl->out[i].el = NULL; /* resolved again in this run */
    if (fl->norder > 0)
        fl->active = true;
    fl->keys_sent = false;
}

/* The current value of SV's field (MISSING when the element or the field
 * is gone). The field is resolved on its first read in a run and kept:
 * a plain field of the element's own struct stays where it is (a solver
 * field is read through it too: field_real refreshes it). */
static double
read_out(struct gs_sim *sim, struct save *sv, double missing)
{
    struct gs_element *el = elem_from_handle(sim->model, sv->h);
    if (!el)
        return missing;
    if (el != sv->el) {
        struct gs_fref f;
        if (field_find(sim, el, sv->field, &f) != GS_OK) {
            gs_diag_clear(sim);
            return missing;
        }
        /* User fields and table entries can move: resolved every time. */
        if (f.ufield || f.table_whole || !f.field || f.field->type != f.type)
            return field_real(sim, &f);
        sv->f = f;
        sv->el = el;
    }
    return field_real(sim, &sv->f);
}

/* A value message: u64 count (bit 63: the keys follow), the keys (u32,
 * padded to 8 bytes) in a run's first message only, then the values. */
#define KEYS_FLAG (UINT64_C(1) << 63)

/* The end of the run of FL's values (in destination order) that starts at
 * I: they all go to node *NODE. */
size_t
flow_dest_run(const struct flow *fl, size_t i, int *node)
{
    *node = fl->out[fl->order[i]].node;
    size_t j = i;
    while (j < fl->norder && fl->out[fl->order[j]].node == *node)
        j++;
    return j;
}

/* Reads this rank's values of FL and sends them to their nodes under
 * TAG/SEQ; the ones for this node (ME) go to APPLY at once. */
void
flow_send(struct gs_sim *sim, void *ctx, struct flow *fl, uint32_t tag, uint64_t seq,
          int me, double missing, flow_apply_fn apply)
{
    for (size_t i = 0, j; i < fl->norder; i = j) {
        int node;
        j = flow_dest_run(fl, i, &node);
        size_t cnt = j - i;
        if (node == me) {
            for (size_t k = i; k < j; k++) {
                struct save *sv = &fl->out[fl->order[k]];
                apply(sim, ctx, sv->key, read_out(sim, sv, missing));
            }
            continue;
        }
        bool keys = !fl->keys_sent;
        size_t kbytes = keys ? (cnt * 4 + 7) & ~(size_t)7 : 0;
        size_t len = 8 + kbytes + cnt * 8;
        if (len > fl->capmsg) {
            fl->capmsg = len;
            fl->msg = xrealloc(fl->msg, len);
        }
        uint64_t hdr = (uint64_t)cnt | (keys ? KEYS_FLAG : 0);
        memcpy(fl->msg, &hdr, 8);
        if (keys) {
            memset(fl->msg + 8, 0, kbytes);
            for (size_t k = i; k < j; k++)
                memcpy(fl->msg + 8 + 4 * (k - i), &fl->out[fl->order[k]].key, 4);
        }
        unsigned char *vp = fl->msg + 8 + kbytes;
        for (size_t k = i; k < j; k++) {
            double v = read_out(sim, &fl->out[fl->order[k]], missing);
            memcpy(vp + 8 * (k - i), &v, 8);
        }
        par_data_send(sim, node, tag, seq, fl->msg, len);
    }
    fl->keys_sent = true;
}

/* Receives, from every node that sends FL's values here, the message
 * TAG/SEQ and gives each value to APPLY. */
enum gs_status
flow_recv(struct gs_sim *sim, void *ctx, struct flow *fl, uint32_t tag, uint64_t seq,
          int me, const char *what, flow_apply_fn apply)
{
    for (int k = 0; k < fl->nnodes; k++) {
        if (k == me || fl->from[k] <= 0)
            continue;
        void *msg;
        const void *pay;
        size_t len;
        if (par_data_recv(sim, k, tag, seq, what, &msg, &pay, &len) != GS_OK)
            return GS_ERR;
        const unsigned char *b = pay;
        uint64_t hdr = 0;
        if (len >= 8)
            memcpy(&hdr, b, 8);
        size_t cnt = (size_t)(hdr & ~KEYS_FLAG);
        bool keys = (hdr & KEYS_FLAG) != 0;
        size_t kbytes = keys ? (cnt * 4 + 7) & ~(size_t)7 : 0;
        if (cnt != (size_t)fl->from[k] || len != 8 + kbytes + cnt * 8 || (!keys && !fl->keys[k])) {
            par_data_free(msg);
            return gs_error(sim, "%s: node %d sent %zu values, expected %ld", what, k, cnt,
                            fl->from[k]);
        }
        if (keys) {
            free(fl->keys[k]);
            fl->keys[k] = xmalloc((cnt ? cnt : 1) * sizeof **fl->keys);
            memcpy(fl->keys[k], b + 8, cnt * 4);
        }
        const unsigned char *vp = b + 8 + kbytes;
        for (size_t i = 0; i < cnt; i++) {
            double v;
            memcpy(&v, vp + 8 * i, 8);
            apply(sim, ctx, fl->keys[k][i], v);
        }
        par_data_free(msg);
    }
    return GS_OK;
}

