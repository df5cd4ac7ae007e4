/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * flow_int.h: one kind of values sent point to point (flow.c): the fields
 * this rank reads and sends, each to a zone node under a key (a SAVE
 * column, a channel), and, set up at the first step of a run, how many
 * values each node sends here. The keys travel once, with a run's first
 * message; the receiver places each value by its key (FLOW_APPLY), never
 * sorting. Used by the parallel output (parout.c) and the value messages
 * of rnet.c.
 */
#ifndef GS_FLOW_INT_H
#define GS_FLOW_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../models/core/core.h"

/* A value this rank sends: field FIELD of element H, to zone node NODE
 * under KEY (a SAVE column or a channel of that node). */
struct save {
    struct gs_handle h;
    char *field;
    int node;
    uint32_t key;
    struct gs_element *el;  /* the element F was resolved on (this run), or NULL */
    struct gs_fref f;
};

struct flow {
    struct save *out;
    size_t nout, capout;
    size_t *order;          /* OUT by destination node (stable) */
    size_t norder;
    int nnodes;             /* zone size at set-up */
    long *from;             /* per zone node: how many values it sends here */
    uint32_t **keys;        /* per zone node: their keys, from its first message */
    bool keys_sent;         /* this run's first messages (with the keys) went */
    bool active;            /* something to send or to receive this run */
    unsigned char *msg;     /* packing buffer, kept between steps */
    size_t capmsg;
};

/* Where a received (or local) value goes: KEY's place, in CTX. */
typedef void (*flow_apply_fn)(struct gs_sim *sim, void *ctx, uint32_t key, double v);

void flow_clear_in(struct flow *fl);
void flow_free(struct flow *fl);
/* FL sends field FIELD of EL to zone node NODE under KEY. */
void flow_add(struct flow *fl, struct gs_element *el, const char *field, int node, uint32_t key);
/* For a new run: FL's values by destination node, and how many each of
 * the N zone nodes sends here (-MAT[k * N + ME]: the agreed counts). */
void flow_setup(struct flow *fl, int n, int me, const double *mat);
/* The end of the run of FL's values (in destination order) that starts at
 * I: they all go to node *NODE. */
size_t flow_dest_run(const struct flow *fl, size_t i, int *node);
/* Reads this rank's values of FL and sends them to their nodes under
 * TAG/SEQ; the ones for this node (ME) go to APPLY at once; a source that
 * is gone reads MISSING. */
void flow_send(struct gs_sim *sim, void *ctx, struct flow *fl, uint32_t tag, uint64_t seq,
               int me, double missing, flow_apply_fn apply);
/* Receives, from every node that sends FL's values here, the message
 * TAG/SEQ and gives each value to APPLY. Error: a node sent a message of
 * the wrong size (WHAT names the flow). */
enum gs_status flow_recv(struct gs_sim *sim, void *ctx, struct flow *fl, uint32_t tag,
                         uint64_t seq, int me, const char *what, flow_apply_fn apply);

#endif
