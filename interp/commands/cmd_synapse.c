/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_synapse.c: the synapse commands of the network family: syndelay
 * (set the delays of a synaptic channel's synapses) and the queries
 * getsyncount, getsynindex, getsynsrc and getsyndest, with GENESIS's
 * meanings: a synapse is a SPIKE message, numbered within its channel in
 * the order the messages were added, and numbered within its source
 * among the source's SPIKE messages.
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/network/network.h"
#include "../cmd.h"
#include "cmd_network.h"

static enum gs_status cmd_getsyncount_exec(struct gs_call *call);
static enum gs_status cmd_getsyndest_exec(struct gs_call *call);
static enum gs_status cmd_getsynindex_exec(struct gs_call *call);
static enum gs_status cmd_getsynsrc_exec(struct gs_call *call);
static enum gs_status cmd_syndelay_exec(struct gs_call *call);

static const struct gs_opt getsyndest_opts[] = {
    {"-index", 0, GS_ARG_STR,
     "return the synapse's index on the destination channel instead of its path"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt getsynindex_opts[] = {
    {"-num", 1, GS_ARG_INT,
     "n: the n-th synapse from that source (from 0) when there are several"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt syndelay_opts[] = {
    GS_DELAY_RANDOM_OPTS,
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_getsyncount_entry = {
    .name = "getsyncount",
    .family = "network",
    .summary = "count synapses: of a channel, from a source, or between the two",
    .usage = "[presynaptic-element] [postsynaptic-element]",
    .pos = {{"element", GS_ARG_STR}, {"element", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getsyncount_exec,
};

const struct gs_cmd cmd_getsyndest_entry = {
    .name = "getsyndest",
    .family = "network",
    .summary = "the channel (or, with -index, the synapse number) of a source's N-th SPIKE "
               "message",
    .usage = "presynaptic-element spikemsg-number [-index]",
    .pos = {{"presynaptic-element", GS_ARG_STR}, {"spikemsg-number", GS_ARG_INT}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = getsyndest_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getsyndest_exec,
};

const struct gs_cmd cmd_getsynindex_entry = {
    .name = "getsynindex",
    .family = "network",
    .summary = "the number of the synapse of a channel fed by a source",
    .usage = "presynaptic-element postsynaptic-element [-num n]",
    .pos = {{"presynaptic-element", GS_ARG_STR}, {"postsynaptic-element", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = getsynindex_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getsynindex_exec,
};

const struct gs_cmd cmd_getsynsrc_entry = {
    .name = "getsynsrc",
    .family = "network",
    .summary = "the path of the source of a channel's synapse",
    .usage = "postsynaptic-element synapse-index",
    .pos = {{"postsynaptic-element", GS_ARG_STR}, {"synapse-index", GS_ARG_INT}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getsynsrc_exec,
};

const struct gs_cmd cmd_syndelay_entry = {
    .name = "syndelay",
    .family = "network",
    .summary = "set the delays of every synapse of synaptic channels",
    .usage = "path delay [-add] [-uniform scale] [-gaussian stdev maxdev] "
             "[-exponential mid max] [-absoluterandom]",
    .pos = {{"path", GS_ARG_STR}, {"delay", GS_ARG_REAL}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = syndelay_opts,
    .flags = GS_CMD_ACK,
    .exec = cmd_syndelay_exec,
};

/* ---- helpers ---------------------------------------------------------------- */

enum role { ROLE_NONE, ROLE_SRC, ROLE_CHAN };

static enum role
role_of(const struct gs_element *el)
{
    if (class_in(el->cls, "synchannel"))
        return ROLE_CHAN;
    if (class_in(el->cls, "spiking"))
        return ROLE_SRC;
    return ROLE_NONE;
}

/* Finds PATH and checks it plays role WANT (ROLE_NONE: either). */
static enum gs_status
find_role(struct gs_sim *sim, const char *path, enum role want, struct gs_element **out,
          enum role *got)
{
    if (path_find(sim, path, out) != GS_OK)
        return GS_ERR;
    enum role r = role_of(*out);
    if (r == ROLE_NONE || (want != ROLE_NONE && r != want)) {
        const char *what = want == ROLE_SRC    ? "a spike source (class spiking, e.g. spikegen)"
                           : want == ROLE_CHAN ? "a synaptic channel (class synchannel)"
                                               : "a spike source or a synaptic channel";
        return gs_error(sim, "'%s' (class %s) is not %s", path, (*out)->cls->name, what);
    }
    if (got)
        *got = r;
    return GS_OK;
}

/* ---- commands ---------------------------------------------------------------- */

static enum gs_status
cmd_getsyncount_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el[2] = {NULL, NULL}, *src = NULL, *chan = NULL;
    for (int i = 0; i < call->npos; i++) {
        enum role r;
        if (find_role(sim, gs_arg(call, i), ROLE_NONE, &el[i], &r) != GS_OK)
            return GS_ERR;
        struct gs_element **slot = r == ROLE_SRC ? &src : &chan;
        if (*slot)
            return gs_error(sim, "give at most one spike source and one synaptic channel");
        *slot = el[i];
    }
    long long n = 0;
    if (!src) {
        for (int i = 0; i < chan->nin; i++)
            n += net_is_synapse(chan->in[i]);
    } else {
        for (int i = 0; i < src->nout; i++)
            n += net_is_synapse(src->out[i]) && (!chan || src->out[i]->dst == chan);
    }
    gs_result_int(call, n);
    return GS_OK;
}

static enum gs_status
cmd_getsyndest_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *src;
    long want = gs_arg_int(call, 1);
    if (find_role(sim, gs_arg(call, 0), ROLE_SRC, &src, NULL) != GS_OK)
        return GS_ERR;
    if (want < 0)
        return gs_error(sim, "the SPIKE message number must be >= 0, got %ld", want);
    long k = 0;
    for (int i = 0; i < src->nout; i++) {
        struct gs_msg *m = src->out[i];
        if (!net_is_synapse(m) || k++ != want)
            continue;
        if (gs_has_opt(call, "-index")) {
            gs_result_int(call, net_synapse_index(m));
        } else {
            char *p = elem_path_str(m->dst);
            gs_result_str(call, "%s", p);
            free(p);
        }
        return GS_OK;
    }
    return gs_error(sim, "'%s' has %ld SPIKE message%s; there is no number %ld", gs_arg(call, 0),
                    k, k == 1 ? "" : "s", want);
}

static enum gs_status
cmd_getsynindex_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *src, *chan;
    long num = gs_has_opt(call, "-num") ? gs_optval_int(call, "-num", 0) : 0;
    if (find_role(sim, gs_arg(call, 0), ROLE_SRC, &src, NULL) != GS_OK
        || find_role(sim, gs_arg(call, 1), ROLE_CHAN, &chan, NULL) != GS_OK)
        return GS_ERR;
    if (num < 0)
        return gs_error(sim, "-num expects a number >= 0, got %ld", num);
    int n = 0;
    long seen = 0;
    for (int i = 0; i < chan->nin; i++) {
        const struct gs_msg *m = chan->in[i];
        if (!net_is_synapse(m))
            continue;
        if (m->src == src && seen++ == num) {
            gs_result_int(call, n);
            return GS_OK;
        }
        n++;
    }
    if (seen == 0)
        return gs_error(sim, "'%s' has no synapse from '%s'", gs_arg(call, 1), gs_arg(call, 0));
    return gs_error(sim, "'%s' has %ld synapse%s from '%s'; there is no -num %ld",
                    gs_arg(call, 1), seen, seen == 1 ? "" : "s", gs_arg(call, 0), num);
}

static enum gs_status
cmd_getsynsrc_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *chan;
    long idx = gs_arg_int(call, 1);
    if (find_role(sim, gs_arg(call, 0), ROLE_CHAN, &chan, NULL) != GS_OK)
        return GS_ERR;
    struct gs_msg *m = idx >= 0 && idx <= 0x7fffffff ? net_synapse_msg(chan, (int)idx) : NULL;
    if (!m) {
        int n = 0;
        for (int i = 0; i < chan->nin; i++)
            n += net_is_synapse(chan->in[i]);
        return gs_error(sim, "synapse index %ld is out of range: '%s' has %d synapse%s", idx,
                        gs_arg(call, 0), n, n == 1 ? "" : "s");
    }
    char *p = elem_path_str(m->src);
    gs_result_str(call, "%s", p);
    free(p);
    return GS_OK;
}

static enum gs_status
cmd_syndelay_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct net_value v = {.dim = 2, .delay = true, .rule = NET_V_FIXED};
    static const char *const names[] = {"-uniform", "-gaussian", "-exponential"};
    static const enum net_rand kinds[] = {NET_R_UNIFORM, NET_R_GAUSSIAN, NET_R_EXPONENTIAL};
    int given = 0;
    for (int i = 0; i < 3; i++)
        if (gs_has_opt(call, names[i])) {
            given++;
            v.rand = kinds[i];
            v.r1 = gs_optval_real(call, names[i], 0);
            v.r2 = i ? gs_optval_real(call, names[i], 1) : 0;
        }
    if (given > 1)
        return gs_error(sim, "give at most one of -uniform, -gaussian and -exponential");
    v.absolute = gs_has_opt(call, "-absoluterandom");
    v.add = gs_has_opt(call, "-add");
    v.v = gs_arg_real(call, 1);
    v.salt = net_hash_words(call->nwords, call->words);
    struct gs_elist chans = GS_ELIST_INIT;
    enum gs_status st = path_glob(sim, gs_arg(call, 0), &chans);
    if (st == GS_OK && chans.n == 0)
        st = gs_error(sim, "'%s' matches no element", gs_arg(call, 0));
    for (size_t i = 0; st == GS_OK && i < chans.n; i++)
        if (!class_in(chans.v[i]->cls, "synchannel")) {
            char *p = elem_path_str(chans.v[i]);
            st = gs_error(sim, "'%s' (class %s) is not a synaptic channel (class synchannel)", p,
                          chans.v[i]->cls->name);
            free(p);
        }
    if (st == GS_OK)
        st = net_syndelay(sim, &v, &chans, NULL);
    elist_free(&chans);
    return st;
}
