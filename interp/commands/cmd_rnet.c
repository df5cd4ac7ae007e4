/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_rnet.c: PGENESIS's remote network commands: raddmsg (SPIKE to a
 * synchan on another node, SAVE to a par_asc_file on the output node),
 * rvolumeconnect (volumeconnect with destinations on a node list) and
 * rvolumedelay/rvolumeweight with -fixed values, plus the rnet_* helper
 * commands these send to the destination nodes. Connections to a
 * destination on this node are ordinary SPIKE messages; to another node
 * they go from an rspike proxy there (parallel/rnet.c).
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/io/par_asc_file.h"
#include "../../models/base/rng.h"
#include "../../models/network/network.h"
#include "../../parallel/par.h"
#include "../../parallel/rnet.h"
#include "../cmd.h"

static enum gs_status cmd_raddmsg_exec(struct gs_call *call);
static enum gs_status cmd_rvolumeconnect_exec(struct gs_call *call);
static enum gs_status cmd_rvolumedelay_exec(struct gs_call *call);
static enum gs_status cmd_rvolumeweight_exec(struct gs_call *call);
static enum gs_status cmd_rnet_dests_exec(struct gs_call *call);
static enum gs_status cmd_rnet_link_exec(struct gs_call *call);
static enum gs_status cmd_rnet_save_exec(struct gs_call *call);
static enum gs_status cmd_rnet_syn_exec(struct gs_call *call);

static const struct gs_opt rconnect_opts[] = {
    {"-relative", 0, GS_ARG_STR},
    {"-sourcemask", GS_VARARGS, GS_ARG_STR},
    {"-sourcehole", GS_VARARGS, GS_ARG_STR},
    {"-destmask", GS_VARARGS, GS_ARG_STR},
    {"-desthole", GS_VARARGS, GS_ARG_STR},
    {"-probability", 1, GS_ARG_REAL},
    {NULL, 0, 0},
};

static const struct gs_opt fixed_opts[] = {
    {"-fixed", 1, GS_ARG_REAL},
    {NULL, 0, 0},
};

const struct gs_cmd cmd_raddmsg_entry = {
    .name = "raddmsg",
    .family = "parallel",
    .summary = "add a message to an element on another node (SPIKE, SAVE)",
    .usage = "source dest@node TYPE [slots...]",
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}, {"type", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_raddmsg_exec,
};

const struct gs_cmd cmd_rvolumeconnect_entry = {
    .name = "rvolumeconnect",
    .family = "parallel",
    .summary = "volumeconnect with destinations on a node list",
    .usage = "source dest@nodes [-relative] [-sourcemask ...] [-sourcehole ...] [-destmask ...] "
             "[-desthole ...] [-probability p]",
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = rconnect_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_rvolumeconnect_exec,
};

const struct gs_cmd cmd_rvolumedelay_entry = {
    .name = "rvolumedelay",
    .family = "parallel",
    .summary = "set the delays of every synapse fed by spike sources, on any node",
    .usage = "sourcepath -fixed delay",
    .pos = {{"sourcepath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = fixed_opts,
    .exec = cmd_rvolumedelay_exec,
};

const struct gs_cmd cmd_rvolumeweight_entry = {
    .name = "rvolumeweight",
    .family = "parallel",
    .summary = "set the weights of every synapse fed by spike sources, on any node",
    .usage = "sourcepath -fixed weight",
    .pos = {{"sourcepath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = fixed_opts,
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

const struct gs_cmd cmd_rnet_link_entry = {
    .name = "rnet_link",
    .family = "parallel",
    .summary = "(internal) SPIKE messages from proxies of remote sources",
    .usage = "pattern node gid n idx... [gid n idx...]...",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_rnet_link_exec,
};

const struct gs_cmd cmd_rnet_save_entry = {
    .name = "rnet_save",
    .family = "parallel",
    .summary = "(internal) register SAVE indices on a par_asc_file",
    .usage = "file idx...",
    .pos = {{"file", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_rnet_save_exec,
};

const struct gs_cmd cmd_rnet_syn_entry = {
    .name = "rnet_syn",
    .family = "parallel",
    .summary = "(internal) set weight or delay of the synapses of proxies",
    .usage = "weight|delay value gid...",
    .pos = {{"field", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_rnet_syn_exec,
};

/* Splits "path@nodes" into a copy of the path and the node list. */
static enum gs_status
split_at(struct gs_sim *sim, const char *w, char **path, const char **nodes)
{
    const char *at = strrchr(w, '@');
    if (!at || at == w || !at[1])
        return gs_error(sim, "expected 'path@nodes', got '%s'", w);
    *path = xstrndup(w, (size_t)(at - w));
    *nodes = at + 1;
    return GS_OK;
}

static enum gs_status
call_node(struct gs_sim *sim, int node, const char *name, int argc, const char *const *argv,
          const char *where, struct strbuf *res)
{
    char nl[32];
    snprintf(nl, sizeof nl, "%d", par_mynode(sim) >= 0 ? node : node);
    char kind = 0;
    return par_call(sim, nl, name, argc, argv, 0, where, res, &kind);
}

/* ---- raddmsg ------------------------------------------------------------- */

static enum gs_status
cmd_raddmsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *type = gs_arg(call, 2);
    char *dpath = NULL;
    const char *nodes;
    if (split_at(sim, gs_arg(call, 1), &dpath, &nodes) != GS_OK)
        return GS_ERR;
    int *nv = NULL, nn = 0;
    struct gs_elist src = GS_ELIST_INIT;
    enum gs_status st = par_nodelist(sim, nodes, &nv, &nn);
    if (st == GS_OK && nn != 1)
        st = gs_error(sim, "raddmsg needs exactly one destination node, got '%s'", nodes);
    if (st == GS_OK && path_glob(sim, gs_arg(call, 0), &src) == GS_OK && src.n == 0)
        st = gs_error(sim, "'%s' matches no element", gs_arg(call, 0));
    int me = par_mynode(sim);
    int node = nn == 1 ? par_mynode(sim) + (nv[0] - par_rank(sim)) : -1;
    if (st == GS_OK && strcmp(type, "SAVE") == 0) {
        if (call->npos != 5) {
            st = gs_error(sim, "raddmsg SAVE expects an index and a field, got %d words",
                          call->npos - 3);
        } else {
            struct strbuf sb = STRBUF_INIT;
            const char **argv = xmalloc((src.n + 1) * sizeof *argv);
            char **own = xcalloc(src.n, sizeof *own);
            argv[0] = dpath;
            for (size_t i = 0; i < src.n && st == GS_OK; i++) {
                struct gs_fref f;
                long idx;
                char *end;
                idx = strtol(gs_arg(call, 3), &end, 10);
                if (*end) {
                    if ((st = field_find(sim, src.v[i], gs_arg(call, 3), &f)) != GS_OK)
                        break;
                    idx = (long)field_real(sim, &f);
                }
                if ((st = field_find(sim, src.v[i], gs_arg(call, 4), &f)) != GS_OK)
                    break;
                rnet_save(sim, src.v[i], gs_arg(call, 4), idx);
                own[i] = xasprintf("%ld", idx);
                argv[i + 1] = own[i];
            }
            if (st == GS_OK)
                st = call_node(sim, node, "rnet_save", (int)src.n + 1, argv, call->origin, &sb);
            for (size_t i = 0; i < src.n; i++)
                free(own[i]);
            free(own);
            free(argv);
            sb_free(&sb);
        }
    } else if (st == GS_OK && strcmp(type, "SPIKE") == 0) {
        if (node == me) {
            struct gs_element *d = path_lookup(sim, dpath);
            for (size_t i = 0; i < src.n && st == GS_OK; i++)
                st = d ? msg_add(sim, src.v[i], d, "SPIKE", 0, NULL, NULL)
                       : gs_error(sim, "'%s' does not exist", dpath);
        } else {
            struct strbuf sb = STRBUF_INIT;
            for (size_t i = 0; i < src.n && st == GS_OK; i++) {
                uint64_t gid = rnet_gid(sim, src.v[i]);
                char g[32], r[16];
                snprintf(g, sizeof g, "%llu", (unsigned long long)gid);
                snprintf(r, sizeof r, "%d", par_rank(sim));
                const char *argv[] = {dpath, r, g, "1", "0"};
                st = call_node(sim, node, "rnet_link", 5, argv, call->origin, &sb);
                if (st == GS_OK) {
                    rnet_export(sim, src.v[i], gid);
                    rnet_link_node(sim, nv[0]);
                }
            }
            sb_free(&sb);
        }
    } else if (st == GS_OK) {
        st = gs_error(sim, "raddmsg %s is not supported (SPIKE and SAVE are)", type);
    }
    elist_free(&src);
    free(nv);
    free(dpath);
    return st;
}

/* ---- helpers run on destination nodes ---------------------------------------- */

static enum gs_status
cmd_rnet_dests_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist d = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &d) != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < d.n; i++)
        sb_printf(&sb, "%s%.17g %.17g %.17g %llu", i ? " " : "", d.v[i]->x, d.v[i]->y,
                  d.v[i]->z, (unsigned long long)rnet_gid(sim, d.v[i]));
    gs_result_str(call, "%s", sb.buf ? sb.buf : "");
    sb_free(&sb);
    elist_free(&d);
    return GS_OK;
}

static enum gs_status
cmd_rnet_link_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist d = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &d) != GS_OK)
        return GS_ERR;
    int node = atoi(gs_arg(call, 1));
    enum gs_status st = GS_OK;
    for (int i = 2; i + 1 < call->npos && st == GS_OK;) {
        uint64_t gid = strtoull(gs_arg(call, i), NULL, 10);
        long n = atol(gs_arg(call, i + 1));
        struct gs_element *p;
        st = rnet_proxy(sim, gid, node, &p);
        for (long k = 0; k < n && st == GS_OK; k++) {
            long idx = atol(gs_arg(call, i + 2 + (int)k));
            if (idx < 0 || (size_t)idx >= d.n)
                st = gs_error(sim, "destination %ld of '%s' does not exist", idx, gs_arg(call, 0));
            else
                st = msg_add(sim, p, d.v[idx], "SPIKE", 0, NULL, NULL);
        }
        i += 2 + (int)n;
    }
    elist_free(&d);
    return st;
}

static enum gs_status
cmd_rnet_save_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *f = path_lookup(sim, gs_arg(call, 0));
    if (!f || !par_asc_file_is(f))
        return gs_error(sim, "'%s' is not a par_asc_file on node %d", gs_arg(call, 0),
                        par_mynode(sim));
    for (int i = 1; i < call->npos; i++)
        par_asc_file_register(f, atol(gs_arg(call, i)));
    rnet_output_file(sim, f);
    return GS_OK;
}

static enum gs_status
set_syn(struct gs_sim *sim, struct gs_element *src, bool delay, float v)
{
    for (int k = 0; k < src->nout; k++) {
        struct net_synref s;
        if (!net_is_synapse(src->out[k]))
            continue;
        if (net_synapse(sim, src->out[k], &s) != GS_OK)
            return GS_ERR;
        *(delay ? s.delay : s.weight) = v;
    }
    return GS_OK;
}

static enum gs_status
cmd_rnet_syn_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    bool delay = strcmp(gs_arg(call, 0), "delay") == 0;
    float v = (float)strtod(gs_arg(call, 1), NULL);
    for (int i = 2; i < call->npos; i++) {
        struct gs_element *p = rnet_find_proxy(sim, strtoull(gs_arg(call, i), NULL, 10));
        if (p && set_syn(sim, p, delay, v) != GS_OK)
            return GS_ERR;
    }
    return GS_OK;
}

/* ---- rvolumedelay / rvolumeweight ---------------------------------------- */

static enum gs_status
fixed(struct gs_call *call, bool delay)
{
    struct gs_sim *sim = call->sim;
    if (!gs_has_opt(call, "-fixed"))
        return gs_error(sim, "expected -fixed %s (other rules are not supported remotely)",
                        delay ? "delay" : "weight");
    double v = gs_optval_real(call, "-fixed", 0);
    if (delay && !(v >= 0))
        return gs_error(sim, "-fixed expects a delay >= 0, got '%s'", gs_optval(call, "-fixed", 0));
    struct gs_elist src = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &src) != GS_OK)
        return GS_ERR;
    enum gs_status st = GS_OK;
    const char **argv = xmalloc((src.n + 2) * sizeof *argv);
    char **own = xcalloc(src.n, sizeof *own);
    int argc = 2;
    argv[0] = delay ? "delay" : "weight";
    argv[1] = gs_optval(call, "-fixed", 0);
    for (size_t i = 0; i < src.n && st == GS_OK; i++) {
        st = set_syn(sim, src.v[i], delay, (float)v);
        own[i] = xasprintf("%llu", (unsigned long long)rnet_gid(sim, src.v[i]));
        argv[argc++] = own[i];
    }
    int nl = 0;
    const int *ln = rnet_link_nodes(sim, &nl);
    struct strbuf sb = STRBUF_INIT;
    for (int k = 0; k < nl && st == GS_OK; k++)
        st = call_node(sim, ln[k] - par_rank(sim) + par_mynode(sim), "rnet_syn", argc, argv,
                       call->origin, &sb);
    sb_free(&sb);
    for (size_t i = 0; i < src.n; i++)
        free(own[i]);
    free(own);
    free(argv);
    elist_free(&src);
    return st;
}

static enum gs_status
cmd_rvolumedelay_exec(struct gs_call *call)
{
    return fixed(call, true);
}

static enum gs_status
cmd_rvolumeweight_exec(struct gs_call *call)
{
    return fixed(call, false);
}

/* ---- rvolumeconnect ---------------------------------------------------------- */

struct dest {
    double x, y, z;
    uint64_t gid;
};

static enum gs_status
cmd_rvolumeconnect_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct net_connect c = {.dim = 3, .probability = 1.0};
    c.salt = net_hash_words(call->nwords, call->words);
    enum gs_status st = GS_OK;
    for (int i = 0; i < call->noptv && st == GS_OK; i++) {
        const struct gs_optval *ov = &call->optv[i];
        const char *o = call->cmd->opts[ov->opt].name;
        const char *const *w = call->words + ov->first;
        if (strcmp(o, "-relative") == 0)
            c.relative = true;
        else if (strcmp(o, "-probability") == 0)
            c.probability = strtod(w[0], NULL);
        else if (strcmp(o, "-sourcemask") == 0 || strcmp(o, "-sourcehole") == 0)
            st = net_region_add(sim, &c.src, 3, strcmp(o, "-sourcehole") == 0, o, ov->nvals, w);
        else
            st = net_region_add(sim, &c.dst, 3, strcmp(o, "-desthole") == 0, o, ov->nvals, w);
    }
    char *dpath = NULL;
    const char *nodes = NULL;
    int *nv = NULL, nn = 0;
    struct gs_elist src = GS_ELIST_INIT;
    if (st == GS_OK)
        st = split_at(sim, gs_arg(call, 1), &dpath, &nodes);
    if (st == GS_OK)
        st = par_nodelist(sim, nodes, &nv, &nn);
    if (st == GS_OK)
        st = path_glob(sim, gs_arg(call, 0), &src);
    int me = par_rank(sim);
    for (int k = 0; k < nn && st == GS_OK; k++) {
        int node = nv[k] - me + par_mynode(sim);
        struct strbuf res = STRBUF_INIT, link = STRBUF_INIT;
        struct gs_elist local = GS_ELIST_INIT;
        struct dest *d = NULL;
        size_t nd = 0;
        if (nv[k] == me) {
            st = path_glob(sim, dpath, &local);
            d = xcalloc(local.n + 1, sizeof *d);
            for (size_t j = 0; j < local.n; j++)
                d[nd++] = (struct dest){local.v[j]->x, local.v[j]->y, local.v[j]->z,
                                        rnet_gid(sim, local.v[j])};
        } else {
            const char *argv[] = {dpath};
            st = call_node(sim, node, "rnet_dests", 1, argv, call->origin, &res);
            const char *p = res.buf ? res.buf : "";
            size_t cap = 0;
            while (st == GS_OK && *p) {
                char *e;
                struct dest t;
                t.x = strtod(p, &e);
                if (e == p)
                    break;
                t.y = strtod(e, &e);
                t.z = strtod(e, &e);
                t.gid = strtoull(e, &e, 10);
                p = e;
                while (*p == ' ')
                    p++;
                if (nd == cap) {
                    cap = cap ? 2 * cap : 256;
                    d = xreallocarray(d, cap, sizeof *d);
                }
                d[nd++] = t;
            }
        }
        struct strbuf rk = STRBUF_INIT;
        sb_printf(&rk, "%d", me);
        size_t nlinks = 0;
        for (size_t i = 0; i < src.n && st == GS_OK; i++) {
            struct gs_element *s = src.v[i];
            if (!class_in(s->cls, "spiking") || !net_region_has(&c.src, 3, s->x, s->y, s->z))
                continue;
            double ox = c.relative ? s->x : 0, oy = c.relative ? s->y : 0;
            double oz = c.relative ? s->z : 0;
            uint64_t sg = rnet_gid(sim, s);
            size_t mark = link.len;
            long cnt = 0;
            struct strbuf idx = STRBUF_INIT;
            for (size_t j = 0; j < nd && st == GS_OK; j++) {
                if (!net_region_has(&c.dst, 3, d[j].x - ox, d[j].y - oy, d[j].z - oz))
                    continue;
                if (c.probability < 1.0) {
                    uint64_t pair = rng_key(c.salt, sg, 0x434f4e4eu, d[j].gid);
                    if (!(rng_key_uniform(0, pair, 0x434f4e4eu, 0) < c.probability))
                        continue;
                }
                if (nv[k] == me)
                    st = msg_add(sim, s, local.v[j], "SPIKE", 0, NULL, NULL);
                else
                    sb_printf(&idx, " %zu", j);
                cnt++;
            }
            (void)mark;
            if (nv[k] != me && cnt > 0) {
                sb_printf(&link, " %llu %ld%s", (unsigned long long)sg, cnt, idx.buf);
                rnet_export(sim, s, sg);
                rnet_link_node(sim, nv[k]);
                nlinks++;
            }
            sb_free(&idx);
        }
        if (st == GS_OK && nlinks > 0) {
            /* words: pattern rank gid n idx... */
            size_t nw = 2, capw = 64;
            const char **w = xmalloc(capw * sizeof *w);
            w[0] = dpath;
            w[1] = rk.buf;
            char *save = NULL;
            for (char *t = strtok_r(link.buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
                if (nw == capw) {
                    capw *= 2;
                    w = xreallocarray(w, capw, sizeof *w);
                }
                w[nw++] = t;
            }
            st = call_node(sim, node, "rnet_link", (int)nw, w, call->origin, &res);
            free(w);
        }
        sb_free(&rk);
        sb_free(&res);
        sb_free(&link);
        elist_free(&local);
        free(d);
    }
    elist_free(&src);
    free(nv);
    free(dpath);
    net_region_free(&c.src);
    net_region_free(&c.dst);
    return st;
}
