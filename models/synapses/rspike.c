/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rspike.c: the rspike class, the local stand-in of a spike source that
 * lives on another rank. rvolumeconnect and raddmsg ... SPIKE make one per
 * remote source on each rank that holds destinations of it, and send its
 * SPIKE messages from it to the local synchans, so that synapse weights
 * and delays are ordinary local synapses. The spike exchange
 * (parallel/rnet.c) fires it, at the remote spike's emission step, once
 * that spike arrives; the compiled model treats it as an external source.
 */
#include "../solver/sclass.h"

struct rspike {
    struct gs_element el;
    double gid;  /* global identity of the remote source */
    int node;    /* total node (rank) that holds the source */
};

static const struct gs_field rspike_fields[] = {
    GS_FIELD_RO(struct rspike, gid, GS_REAL, "", "global identity of the remote source"),
    GS_FIELD_RO(struct rspike, node, GS_INT, "", "rank that holds the remote source"),
    GS_FIELD_END,
};

static const struct gs_msgdef rspike_msgs[] = {
    GS_MSGDEF_END,
};

static enum gs_status
rspike_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
rspike_add(struct gs_cctx *cx, struct gs_element *el)
{
    (void)el;
    return gsb_extsource(cctx_build(cx));
}

static enum gs_status
rspike_wire(struct gs_cctx *cx, struct gs_element *el)
{
    (void)cx;
    (void)el;
    return GS_OK;
}

static const struct gs_sfmap rspike_sfmap[] = {{NULL, 0}};

static const struct gs_solver_class rspike_solver = {
    .kind = GS_K_SRC,
    .fmap = rspike_sfmap,
    .add = rspike_add,
    .wire = rspike_wire,
};

const struct gs_class rspike_class = {
    .name = "rspike",
    .classes = "spiking",
    .desc = "stand-in for a spike source on another rank (made by rvolumeconnect/raddmsg)",
    .size = sizeof(struct rspike),
    .fields = rspike_fields,
    .msgs = rspike_msgs,
    .process = rspike_step,
    .solver = &rspike_solver,
};

void rspike_set(struct gs_element *el, double gid, int node);

void
rspike_set(struct gs_element *el, double gid, int node)
{
    GS_INST(struct rspike, el)->gid = gid;
    GS_INST(struct rspike, el)->node = node;
}
