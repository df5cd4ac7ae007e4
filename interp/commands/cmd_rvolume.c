/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_rvolume.c: PGENESIS's rvolumeconnect (volumeconnect whose
 * destinations live on the nodes of a list) and rvolumedelay/rvolumeweight
 * (volumedelay/volumeweight for every synapse of the sources, wherever it
 * is), with the rnet_* requests they send. rvolumeconnect reads its
 * options with volumeconnect's code (cmd_network.c), checks every
 * destination node before it connects on any, and chooses its pairs with
 * volumeconnect's binned search (models/network/connect.c). Connections to
 * another node go from an rspike proxy there (parallel/rnet.c). The weight
 * and delay rules are volumedelay's and volumeweight's own
 * (models/network/values.c, the options read by cmd_network.c): the
 * destination node computes the values of its synapses from the source's
 * position and identity, which the request carries, so the random parts
 * are the same draws as a serial volumedelay would make, for any slicing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/base/rng.h"
#include "../../models/network/network.h"
#include "../../parallel/par.h"
#include "../../parallel/rnet.h"
#include "../cmd.h"
#include "cmd_network.h"
#include "cmd_rnet.h"

static enum gs_status cmd_rvolumeconnect_exec(struct gs_call *call);
static enum gs_status cmd_rvolumedelay_exec(struct gs_call *call);
static enum gs_status cmd_rvolumeweight_exec(struct gs_call *call);
static enum gs_status cmd_rnet_dests_exec(struct gs_call *call);
static enum gs_status cmd_rnet_values_exec(struct gs_call *call);

/* The options and checks of volumeconnect/volumedelay/volumeweight
 * (cmd_network.c). */

const struct gs_cmd cmd_rvolumeconnect_entry = {
    .name = "rvolumeconnect",
    .family = "parallel",
    .summary = "volumeconnect with destinations on a node list",
    .usage = "source dest@nodes [-relative] [-sourcemask ...] [-sourcehole ...] [-destmask ...] "
             "[-desthole ...] [-probability p]",
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = cmd_net_connect_optv,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_rvolumeconnect_exec,
};

const struct gs_cmd cmd_rvolumedelay_entry = {
    .name = "rvolumedelay",
    .family = "parallel",
    .summary = "set the delays of every synapse fed by spike sources, on any node",
    .usage = "sourcepath (-fixed delay | -radial velocity) [-add] [-uniform scale] "
             "[-gaussian stdev maxdev] [-exponential mid max] [-absoluterandom]",
    .pos = {{"sourcepath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = cmd_net_delay_optv,
    .exec = cmd_rvolumedelay_exec,
};

const struct gs_cmd cmd_rvolumeweight_entry = {
    .name = "rvolumeweight",
    .family = "parallel",
    .summary = "set the weights of every synapse fed by spike sources, on any node",
    .usage = "sourcepath (-fixed weight | -decay rate max min) [-uniform scale] "
             "[-gaussian stdev maxdev] [-exponential mid max] [-absoluterandom]",
    .pos = {{"sourcepath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = cmd_net_weight_optv,
    .exec = cmd_rvolumeweight_exec,
};

const struct gs_cmd cmd_rnet_dests_entry = {
    .name = "rnet_dests",
    .family = "parallel",
    .summary = "(internal) positions and identities of rvolumeconnect destinations",
    .usage = "pattern",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_rnet_dests_exec,
};

const struct gs_cmd cmd_rnet_values_entry = {
    .name = "rnet_values",
    .family = "parallel",
    .summary = "(internal) set weights or delays of the synapses of proxies by a rule",
    .usage = "rule... [gid netgid x y z]...",
    .pos = {{"delay", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_rnet_values_exec,
};

/* ---- rvolumeconnect ---------------------------------------------------------- */

/*
 * rvolumeconnect works in two rounds, so that a refused command leaves no
 * synapse anywhere. Round 1 asks every node of the list for its
 * destinations (rnet_dests: positions and global ids), and that node
 * checks them all: a destination that is not a synchan fails the round,
 * and the command, before anything is connected. Round 2 chooses the
 * pairs of each node with the serial connect code (net_choose: the
 * destinations binned by position, so a local mask costs about N tests)
 * and connects them: locally with msg_add, elsewhere by an rnet_link
 * request that makes the SPIKE messages from the source's rspike proxy.
 */

/* The destinations of one node of the list, as round 1 found them. */
struct rnode {
    int rank;               /* the node, as the list names it */
    struct gs_elist local;  /* when it is this node: the elements */
    struct net_point *pt;   /* positions and global ids, in pattern order */
    size_t n;
};

/* Positions and global ids of the elements of D. */
static struct net_point *
points_of(struct gs_sim *sim, const struct gs_elist *d)
{
    struct net_point *pt = xcalloc(d->n + 1, sizeof *pt);
    for (size_t j = 0; j < d->n; j++)
        pt[j] = (struct net_point){d->v[j]->x, d->v[j]->y, d->v[j]->z, rnet_gid(sim, d->v[j])};
    return pt;
}

/* Parses rnet_dests's answer: "x y z gid" for each destination. */
static void
points_read(const char *p, struct rnode *r)
{
    size_t cap = 0;
    while (*p) {
        char *e;
        struct net_point t;
        t.x = strtod(p, &e);
        if (e == p)
            break;
        t.y = strtod(e, &e);
        t.z = strtod(e, &e);
        t.gid = strtoull(e, &e, 10);
        p = e;
        while (*p == ' ')
            p++;
        if (r->n == cap) {
            cap = cap ? 2 * cap : 256;
            r->pt = xreallocarray(r->pt, cap, sizeof *r->pt);
        }
        r->pt[r->n++] = t;
    }
}

/* Round 1 for node R->rank: its destinations, checked there. */
static enum gs_status
round_dests(struct gs_call *call, const char *dpath, struct rnode *r)
{
    struct gs_sim *sim = call->sim;
    if (r->rank == par_rank(sim)) {
        if (path_glob(sim, dpath, &r->local) != GS_OK)
            return GS_ERR;
        /* "node N: " as a failure on another node reads */
        char pre[32];
        snprintf(pre, sizeof pre, "node %d: ", r->rank);
        if (net_check_dests(sim, &r->local, pre) != GS_OK)
            return GS_ERR;
        r->pt = points_of(sim, &r->local);
        r->n = r->local.n;
        return GS_OK;
    }
    struct strbuf res = STRBUF_INIT;
    const char *argv[] = {dpath};
    enum gs_status st = rnet_call_node(sim, rnet_zone_node(sim, r->rank), "rnet_dests", 1, argv,
                                       call->origin, &res);
    if (st == GS_OK)
        points_read(res.buf ? res.buf : "", r);
    sb_free(&res);
    return st;
}

/* Round 2 for node R->rank: the pairs PR from the sources SEL (spike
 * sources, points SP) to its destinations. */
static enum gs_status
round_link(struct gs_call *call, const char *dpath, struct rnode *r, struct gs_element **sel,
           const struct net_point *sp, const struct net_pairs *pr)
{
    struct gs_sim *sim = call->sim;
    if (r->rank == par_rank(sim))
        return net_add_pairs(sim, sel, r->local.v, pr);
    if (pr->n == 0)
        return GS_OK;
    /* words: pattern rank [gid path@node n idx...]...; the pairs come
     * source by source */
    char rk[32];
    snprintf(rk, sizeof rk, "%d", par_rank(sim));
    size_t nw = 2, capw = 2 + 4 * pr->n + 1; /* 3 per source, 1 per pair */
    const char **w = xcalloc(capw, sizeof *w);
    char **own = xcalloc(capw, sizeof *own);
    size_t nown = 0;
    w[0] = dpath;
    w[1] = rk;
    for (size_t k = 0; k < pr->n;) {
        size_t e = k;
        while (e < pr->n && pr->s[e] == pr->s[k])
            e++;
        struct gs_element *s = sel[pr->s[k]];
        uint64_t gid = sp[pr->s[k]].gid;
        char *path = elem_path_str(s);
        w[nw++] = own[nown++] = xasprintf("%llu", (unsigned long long)gid);
        w[nw++] = own[nown++] = xasprintf("%s@%d", path, par_mynode(sim));
        w[nw++] = own[nown++] = xasprintf("%zu", e - k);
        free(path);
        for (; k < e; k++)
            w[nw++] = own[nown++] = xasprintf("%d", pr->d[k]);
        rnet_export(sim, s, gid);
    }
    rnet_link_node(sim, r->rank);
    struct strbuf res = STRBUF_INIT;
    enum gs_status st = rnet_call_node(sim, rnet_zone_node(sim, r->rank), "rnet_link", (int)nw,
                                       w, call->origin, &res);
    sb_free(&res);
    for (size_t i = 0; i < nown; i++)
        free(own[i]);
    free(own);
    free(w);
    return st;
}

static enum gs_status
cmd_rvolumeconnect_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct net_connect c;
    if (cmd_net_connect_opts(call, 3, &c) != GS_OK)
        return GS_ERR;
    char *dpath = NULL;
    const char *nodes = NULL;
    int *nv = NULL, nn = 0;
    struct gs_elist src = GS_ELIST_INIT;
    enum gs_status st = net_connect_check(sim, &c);
    if (st == GS_OK)
        st = rnet_split_at(sim, gs_arg(call, 1), &dpath, &nodes);
    if (st == GS_OK)
        st = par_nodelist(sim, nodes, &nv, &nn);
    if (st == GS_OK)
        st = path_glob(sim, gs_arg(call, 0), &src);
    struct rnode *rn = xcalloc((size_t)nn + 1, sizeof *rn);
    for (int k = 0; k < nn; k++)
        rn[k] = (struct rnode){.rank = nv[k], .local = GS_ELIST_INIT};
    /* round 1: every node's destinations, checked */
    for (int k = 0; k < nn && st == GS_OK; k++)
        st = round_dests(call, dpath, &rn[k]);
    /* round 2: choose and connect */
    struct gs_element **sel = xcalloc(src.n + 1, sizeof *sel);
    struct net_point *sp = xcalloc(src.n + 1, sizeof *sp);
    size_t ns = 0;
    for (size_t i = 0; i < src.n && st == GS_OK; i++) {
        struct gs_element *s = src.v[i];
        if (!class_in(s->cls, "spiking"))
            continue;
        sel[ns] = s;
        sp[ns++] = (struct net_point){s->x, s->y, s->z, rnet_gid(sim, s)};
    }
    for (int k = 0; k < nn && st == GS_OK; k++) {
        struct net_pairs pr = {0};
        /* the draws are keyed by the seed (randseed, -seed) and the
         * global ids, as volumeconnect's */
        net_choose(&c, sim->opt.seed, sp, ns, rn[k].pt, rn[k].n, &pr);
        st = round_link(call, dpath, &rn[k], sel, sp, &pr);
        net_pairs_free(&pr);
    }
    for (int k = 0; k < nn; k++) {
        elist_free(&rn[k].local);
        free(rn[k].pt);
    }
    free(rn);
    free(sel);
    free(sp);
    elist_free(&src);
    free(nv);
    free(dpath);
    net_region_free(&c.src);
    net_region_free(&c.dst);
    return st;
}

/* ---- requests run on destination nodes ------------------------------------------ */

/* Round 1 of rvolumeconnect: "x y z gid" of each destination. Errors: a
 * destination that is not a synchan (the caller's message gets "node N: "
 * in front). */
static enum gs_status
cmd_rnet_dests_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist d = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &d) != GS_OK)
        return GS_ERR;
    if (net_check_dests(sim, &d, NULL) != GS_OK) {
        elist_free(&d);
        return GS_ERR;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < d.n; i++)
        sb_printf(&sb, "%s%.17g %.17g %.17g %llu", i ? " " : "", d.v[i]->x, d.v[i]->y,
                  d.v[i]->z, (unsigned long long)rnet_gid(sim, d.v[i]));
    gs_result_str(call, "%s", sb.buf ? sb.buf : "");
    sb_free(&sb);
    elist_free(&d);
    return GS_OK;
}

/* A rule travels as these words (rule_words, rule_read). */
#define RULE_WORDS 13

static void
rule_words(const struct net_value *v, char w[RULE_WORDS][32])
{
    snprintf(w[0], 32, "%s", v->delay ? "delay" : "weight");
    snprintf(w[1], 32, "%d", v->dim);
    snprintf(w[2], 32, "%d", (int)v->rule);
    snprintf(w[3], 32, "%.17g", v->v);
    snprintf(w[4], 32, "%.17g", v->rate);
    snprintf(w[5], 32, "%.17g", v->vmax);
    snprintf(w[6], 32, "%.17g", v->vmin);
    snprintf(w[7], 32, "%d", (int)v->rand);
    snprintf(w[8], 32, "%.17g", v->r1);
    snprintf(w[9], 32, "%.17g", v->r2);
    snprintf(w[10], 32, "%d", v->absolute);
    snprintf(w[11], 32, "%d", v->add);
    snprintf(w[12], 32, "%llu", (unsigned long long)v->salt);
}

static void
rule_read(struct gs_call *call, struct net_value *v)
{
    *v = (struct net_value){.delay = strcmp(gs_arg(call, 0), "delay") == 0};
    v->dim = atoi(gs_arg(call, 1));
    v->rule = (enum net_vrule)atoi(gs_arg(call, 2));
    v->v = strtod(gs_arg(call, 3), NULL);
    v->rate = strtod(gs_arg(call, 4), NULL);
    v->vmax = strtod(gs_arg(call, 5), NULL);
    v->vmin = strtod(gs_arg(call, 6), NULL);
    v->rand = (enum net_rand)atoi(gs_arg(call, 7));
    v->r1 = strtod(gs_arg(call, 8), NULL);
    v->r2 = strtod(gs_arg(call, 9), NULL);
    v->absolute = atoi(gs_arg(call, 10)) != 0;
    v->add = atoi(gs_arg(call, 11)) != 0;
    v->salt = strtoull(gs_arg(call, 12), NULL, 10);
}

/* The rule, then for each source its proxy's gid, its net_gid and its
 * position: the synapses of the proxies found here get the rule's values. */
static enum gs_status
cmd_rnet_values_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    if (call->npos < RULE_WORDS || (call->npos - RULE_WORDS) % 5 != 0)
        return gs_error(sim, "rnet_values: malformed request (%d words)", call->npos);
    struct net_value v;
    rule_read(call, &v);
    size_t n = (size_t)(call->npos - RULE_WORDS) / 5, k = 0;
    struct net_vsource *vs = xcalloc(n + 1, sizeof *vs);
    for (size_t i = 0; i < n; i++) {
        int w = RULE_WORDS + 5 * (int)i;
        struct gs_element *p = rnet_find_proxy(sim, strtoull(gs_arg(call, w), NULL, 10));
        if (!p)
            continue;
        vs[k++] = (struct net_vsource){p, strtod(gs_arg(call, w + 2), NULL),
                                       strtod(gs_arg(call, w + 3), NULL),
                                       strtod(gs_arg(call, w + 4), NULL),
                                       strtoull(gs_arg(call, w + 1), NULL, 10)};
    }
    enum gs_status st = net_set_values_from(sim, &v, vs, k, NULL, NULL);
    free(vs);
    return st;
}

/* ---- rvolumedelay / rvolumeweight -------------------------------------------- */

/* The rule applies to the synapses of the sources here, then to those of
 * their proxies on every node this one has linked to. A pattern matching
 * nothing here is no error: each node names its own sources. */
static enum gs_status
run_rvalues(struct gs_call *call, bool delay)
{
    struct gs_sim *sim = call->sim;
    struct net_value v;
    if (cmd_net_value_opts(call, delay, 3, &v) != GS_OK || net_value_check(sim, &v) != GS_OK)
        return GS_ERR;
    struct gs_elist src = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &src) != GS_OK)
        return GS_ERR;
    enum gs_status st = net_set_values(sim, &v, &src, NULL, NULL);
    char rule[RULE_WORDS][32];
    rule_words(&v, rule);
    size_t argc = RULE_WORDS;
    const char **argv = xcalloc(argc + 5 * src.n + 1, sizeof *argv);
    char **own = xcalloc(5 * src.n + 1, sizeof *own);
    for (size_t i = 0; i < argc; i++)
        argv[i] = rule[i];
    for (size_t i = 0; i < src.n; i++) {
        struct gs_element *e = src.v[i];
        own[5 * i] = xasprintf("%llu", (unsigned long long)rnet_gid(sim, e));
        own[5 * i + 1] = xasprintf("%llu", (unsigned long long)net_gid(e));
        own[5 * i + 2] = xasprintf("%.17g", e->x);
        own[5 * i + 3] = xasprintf("%.17g", e->y);
        own[5 * i + 4] = xasprintf("%.17g", e->z);
        for (int j = 0; j < 5; j++)
            argv[argc++] = own[5 * i + (size_t)j];
    }
    int nl = 0;
    const int *ln = rnet_link_nodes(sim, &nl);
    struct strbuf sb = STRBUF_INIT;
    for (int k = 0; k < nl && st == GS_OK && src.n > 0; k++)
        st = rnet_call_node(sim, rnet_zone_node(sim, ln[k]), "rnet_values", (int)argc, argv,
                            call->origin, &sb);
    sb_free(&sb);
    for (size_t i = 0; i < 5 * src.n; i++)
        free(own[i]);
    free(own);
    free(argv);
    elist_free(&src);
    return st;
}

static enum gs_status
cmd_rvolumedelay_exec(struct gs_call *call)
{
    return run_rvalues(call, true);
}

static enum gs_status
cmd_rvolumeweight_exec(struct gs_call *call)
{
    return run_rvalues(call, false);
}
