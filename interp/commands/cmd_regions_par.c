/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_regions_par.c: regions on several nodes (docs/regions.md, "Regions
 * on nodes"). A region lives on one node; a pattern is made by the node of
 * its source region. When the destination region is on another node, that
 * node is asked twice, so that a refused pattern leaves nothing behind:
 * region_dests resolves and checks the destination ports there and
 * answers their keys (for the random rule's draws), then, once the pairs
 * are chosen, region_link makes the SPIKE messages there from rspike
 * proxies of the sources (parallel/rnet.c's spike exchange carries the
 * spikes). showregion and showpattern ask the node that holds the region
 * or the connections (region_show).
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/regions/region.h"
#include "../../models/regions/selector.h"
#include "../../parallel/par.h"
#include "../../parallel/rnet.h"
#include "../cmd.h"
#include "cmd_regions.h"
#include "cmd_rnet.h"

static enum gs_status cmd_region_dests_exec(struct gs_call *call);
static enum gs_status cmd_region_graded_exec(struct gs_call *call);
static enum gs_status cmd_region_link_exec(struct gs_call *call);
static enum gs_status cmd_region_show_exec(struct gs_call *call);

const struct gs_cmd cmd_region_dests_entry = {
    .name = "region_dests",
    .family = "regions",
    .summary = "(internal) the destination ports of a pattern, checked on their node",
    .usage = "selector first-source",
    .pos = {{"selector", GS_ARG_STR}, {"first-source", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_region_dests_exec,
};

const struct gs_cmd cmd_region_link_entry = {
    .name = "region_link",
    .family = "regions",
    .summary = "(internal) a pattern's SPIKE messages from proxies of remote sources",
    .usage = "pattern selector rank src dst rule p seed weight delay [gid path n idx...]...",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 10,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_region_link_exec,
};

const struct gs_cmd cmd_region_show_entry = {
    .name = "region_show",
    .family = "regions",
    .summary = "(internal) the text of showregion or showpattern, on the node that holds it",
    .usage = "region|pattern name",
    .pos = {{"what", GS_ARG_STR}, {"name", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_region_show_exec,
};

const struct gs_cmd cmd_region_graded_entry = {
    .name = "region_graded",
    .family = "regions",
    .summary = "(internal) a graded pattern's value messages from stand-ins of remote sources",
    .usage = "pattern selector node src dst rule p seed [path n idx...]...",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 8,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_region_graded_exec,
};

/* The identity under which a source port's spikes cross nodes: its
 * io_index (or an ancestor's) as rnet_gid gives it, else one from its
 * path alone, so that it does not depend on the node (spikes are
 * delivered in (step, identity) order: the same order for any mapping). */
static uint64_t
port_gid(struct gs_sim *sim, struct gs_element *el)
{
    uint64_t g = rnet_gid(sim, el);
    if (g >> 62 & 1)
        g = pattern_port_key(el) >> 2 | UINT64_C(1) << 62;
    return g;
}

static void
pairs_add(struct net_pairs *pr, int s, int d)
{
    if (pr->n == pr->cap) {
        pr->cap = pr->cap ? 2 * pr->cap : 64;
        pr->s = xreallocarray(pr->s, pr->cap, sizeof *pr->s);
        pr->d = xreallocarray(pr->d, pr->cap, sizeof *pr->d);
    }
    pr->s[pr->n] = s;
    pr->d[pr->n++] = d;
}

/* A growing list of words (region_link's arguments). */
struct words {
    char **v;
    size_t n, cap;
};

static void GS_PRINTFLIKE(2, 3)
words_add(struct words *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct strbuf sb = STRBUF_INIT;
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 64;
        w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
    }
    w->v[w->n++] = sb_take(&sb);
}

static void
words_free(struct words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
}

/* The prefix of a request's destination word that names a pattern file
 * (the node reads the file's destinations itself) rather than a selector. */
#define FILE_WORD "<file>"

/* The destination side that word W of a request names, in *PL (and *PF,
 * to be freed, for a file). */
static enum gs_status
side_of_word(struct gs_sim *sim, const char *w, struct port_list *pl, struct pattern_file *pf)
{
    *pl = (struct port_list){.sel = w};
    if (strncmp(w, FILE_WORD, strlen(FILE_WORD)) != 0)
        return GS_OK;
    pl->file = w + strlen(FILE_WORD);
    if (pattern_file_read(sim, pl->file, pf) != GS_OK)
        return GS_ERR;
    pl->dataset = pf->h5 ? "dst" : NULL;
    pl->paths = pf->dst;
    pl->lines = pf->line;
    pl->n = pf->n;
    return GS_OK;
}

/* The destination word of SPEC's requests: its selector, or its file. */
static char *
dst_word(const struct pattern_spec *spec)
{
    return spec->dst.paths ? xasprintf("%s%s", FILE_WORD, spec->dst.file)
                           : xstrdup(spec->dst_sel);
}

/* Parses region_dests's answer "region graded first-path key...". */
static enum gs_status
dests_read(struct gs_sim *sim, const char *p, int *reg, bool *graded, char **d0, uint64_t **keys,
           size_t *n)
{
    char *e;
    *reg = (int)strtol(p, &e, 10);
    *graded = strtol(e, &e, 10) != 0;
    while (*e == ' ')
        e++;
    size_t len = strcspn(e, " ");
    if (e == p || len == 0)
        return gs_error(sim, "bad answer from the destination region's node: '%.40s'", p);
    *d0 = xstrndup(e, len);
    p = e + len;
    size_t cap = 0;
    *n = 0;
    *keys = NULL;
    for (;;) {
        uint64_t k = strtoull(p, &e, 10);
        if (e == p)
            break;
        p = e;
        if (*n == cap) {
            cap = cap ? 2 * cap : 256;
            *keys = xreallocarray(*keys, cap, sizeof **keys);
        }
        (*keys)[(*n)++] = k;
    }
    return GS_OK;
}

/* The words of region_link (GRADED: region_graded) for the pairs PR from
 * sources S. */
static void
link_words(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
           const struct gs_elist *s, const struct net_pairs *pr, bool graded, struct words *w)
{
    char *dw = dst_word(spec);
    words_add(w, "%s", spec->name);
    words_add(w, "%s", dw);
    free(dw);
    words_add(w, "%d", graded ? par_mynode(sim) : par_rank(sim));
    words_add(w, "%d", src);
    words_add(w, "%d", dst);
    words_add(w, "%d", (int)spec->rule);
    words_add(w, "%.17g", spec->probability);
    words_add(w, "%" PRIu64, spec->seed);
    if (!graded) {
        words_add(w, "%.17g", spec->weight);
        words_add(w, "%.17g", spec->delay);
    }
    for (size_t k = 0; k < pr->n;) {
        size_t e = k;
        while (e < pr->n && pr->s[e] == pr->s[k])
            e++;
        struct gs_element *el = s->v[pr->s[k]];
        char *path = elem_path_str(el);
        if (!graded)
            words_add(w, "%" PRIu64, port_gid(sim, el));
        words_add(w, "%s", path);
        words_add(w, "%zu", e - k);
        free(path);
        for (; k < e; k++)
            words_add(w, "%d", pr->d[k]);
    }
}

/*
 * The destination side of graded pattern SPEC: for each pair k of PR a
 * stand-in (standing for source SRCPATH[PR->s[k]] on node SNODE) and its
 * message of the destination port's type to DST[PR->d[k]], whose value
 * comes through a new channel, CHAN[k]. All or nothing; records the
 * pattern as held here.
 */
static enum gs_status
graded_make(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
            char *const *srcpath, size_t nsrc, struct gs_element *const *d,
            const struct net_pairs *pr, int snode, bool pending, long *chan)
{
    const struct region *rd = &sim->regions->v[dst];
    struct gs_element **stand = xcalloc(pr->n + 1, sizeof *stand);
    size_t k = 0;
    for (; k < pr->n; k++) {
        char *origin = xasprintf("%s@%d", srcpath[pr->s[k]], snode);
        const char *zero[] = {"0"};
        enum gs_status st = rnet_standin(sim, origin, &stand[k]);
        free(origin);
        if (st != GS_OK)
            break;
        const struct port *pt = region_port(sim, rd, d[pr->d[k]]);
        if (msg_add(sim, stand[k], d[pr->d[k]], pt->word, 1, zero, NULL) != GS_OK
            || (chan[k] = rnet_value_channel(sim, stand[k], 0)) < 0) {
            if (!sim->diag.set)
                gs_error(sim, "too many graded values on node %d", par_mynode(sim));
            rnet_standin_drop(sim, stand[k]);
            break;
        }
    }
    if (k < pr->n) { /* nothing stays: the stand-ins made go with their messages */
        while (k-- > 0)
            rnet_standin_drop(sim, stand[k]);
        free(stand);
        return GS_ERR;
    }
    pattern_link_graded(sim, spec, src, dst, stand, srcpath, nsrc, d, pr, pending);
    free(stand);
    return GS_OK;
}

/* The source side of a graded pattern: each pair's source field goes to
 * channel CHAN[k] of node D every step. */
static void
graded_send(struct gs_sim *sim, int src, const struct gs_elist *s, const struct net_pairs *pr,
            int d, const long *chan)
{
    const struct region *rs = &sim->regions->v[src];
    for (size_t k = 0; k < pr->n; k++) {
        struct gs_element *el = s->v[pr->s[k]];
        rnet_graded_send(sim, el, region_port(sim, rs, el)->word, d, chan[k]);
    }
}

/* Graded pattern SPEC with both regions here. */
static enum gs_status
graded_local(struct gs_sim *sim, const struct pattern_spec *spec, const struct gs_elist *s,
             const struct gs_elist *d, int src, int dst, const struct net_pairs *pr)
{
    char **paths = xcalloc(s->n + 1, sizeof *paths);
    long *chan = xcalloc(pr->n + 1, sizeof *chan);
    for (size_t i = 0; i < s->n; i++)
        paths[i] = elem_path_str(s->v[i]);
    int me = par_mynode(sim);
    enum gs_status st = graded_make(sim, spec, src, dst, paths, s->n, d->v, pr, me, false, chan);
    if (st == GS_OK)
        graded_send(sim, src, s, pr, me, chan);
    for (size_t i = 0; i < s->n; i++)
        free(paths[i]);
    free(paths);
    free(chan);
    return st;
}

/* The source region's node, when the destination region is on node D. */
static enum gs_status
connect_remote(struct gs_call *call, const struct pattern_spec *spec, int d, size_t *made)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist s = GS_ELIST_INIT;
    struct net_pairs pr = {0};
    struct strbuf res = STRBUF_INIT;
    struct words w = {0};
    char *d0 = NULL, *s0 = NULL;
    uint64_t *dk = NULL, *sk = NULL;
    size_t nd = 0;
    int src = -1, dst = -1;
    bool sg = false, dg = false;
    enum gs_status st = side_resolve(sim, &spec->src, &s);
    if (st == GS_OK) {
        char *dw = dst_word(spec);
        s0 = elem_path_str(s.v[0]);
        const char *argv[] = {dw, s0};
        st = rnet_call_node(sim, d, "region_dests", 2, argv, call->origin, &res);
        elist_free(&s);
        free(dw);
    }
    if (st == GS_OK)
        st = dests_read(sim, res.buf ? res.buf : "", &dst, &dg, &d0, &dk, &nd);
    if (st == GS_OK)
        st = pattern_side(sim, &spec->src, PORT_OUT, d0, &s, &src, &sg);
    if (st == GS_OK)
        st = pattern_kinds(sim, spec, sg, s0, dg, d0);
    if (st == GS_OK) {
        sk = xcalloc(s.n + 1, sizeof *sk);
        for (size_t i = 0; i < s.n; i++)
            sk[i] = pattern_port_key(s.v[i]);
        st = pattern_choose(sim, spec, s.n, sk, nd, dk, &pr);
    }
    if (st == GS_OK) {
        link_words(sim, spec, src, dst, &s, &pr, sg, &w);
        sb_reset(&res);
        st = rnet_call_node(sim, d, sg ? "region_graded" : "region_link", (int)w.n,
                            (const char *const *)w.v, call->origin, &res);
    }
    if (st == GS_OK && sg) {
        /* the answer: each pair's channel */
        long *chan = xcalloc(pr.n + 1, sizeof *chan);
        const char *p = res.buf ? res.buf : "";
        for (size_t k = 0; k < pr.n; k++) {
            char *e;
            chan[k] = strtol(p, &e, 10);
            p = e;
        }
        graded_send(sim, src, &s, &pr, d, chan);
        free(chan);
        *made = pr.n;
    } else if (st == GS_OK) {
        for (size_t k = 0; k < pr.n; k++)
            rnet_export(sim, s.v[pr.s[k]], port_gid(sim, s.v[pr.s[k]]));
        if (pr.n)
            rnet_link_node(sim, par_total_node(sim, par_myzone(sim), d));
        *made = pr.n;
    }
    words_free(&w);
    sb_free(&res);
    free(d0);
    free(s0);
    free(dk);
    free(sk);
    net_pairs_free(&pr);
    elist_free(&s);
    return st;
}

/* Both regions here: pattern_prepare, then spiking or graded links. */
static enum gs_status
connect_local(struct gs_sim *sim, const struct pattern_spec *spec, int *src, int *dst,
              size_t *made)
{
    struct gs_elist s = GS_ELIST_INIT, d = GS_ELIST_INIT;
    struct net_pairs pr = {0};
    bool graded;
    enum gs_status st = pattern_prepare(sim, spec, &s, &d, src, dst, &graded, &pr);
    if (st == GS_OK)
        st = graded ? graded_local(sim, spec, &s, &d, *src, *dst, &pr)
                    : region_connect(sim, spec, &s, &d, *src, *dst, &pr);
    if (st == GS_OK)
        *made = pr.n;
    net_pairs_free(&pr);
    elist_free(&s);
    elist_free(&d);
    return st;
}

enum gs_status
regions_connect_any(struct gs_call *call, const struct pattern_spec *spec, int *src, int *dst,
                    int *dnode, size_t *made)
{
    struct gs_sim *sim = call->sim;
    struct region *rs = NULL, *rd = NULL;
    int me = par_mynode(sim);
    *made = 0;
    *dnode = me;
    if (region_of_selector(sim, spec->src_sel, &rs) != GS_OK
        || region_of_selector(sim, spec->dst_sel, &rd) != GS_OK)
        return GS_ERR;
    if ((rs && region_mapped(sim, rs) != GS_OK) || (rd && region_mapped(sim, rd) != GS_OK))
        return GS_ERR;
    if (!rs || !rd) {
        if (par_nnodes(sim) > 1)
            return gs_error(sim,
                            "'%s' does not begin with a region's root: on several nodes each "
                            "side of a pattern names its region by the root's path",
                            rs ? spec->dst_sel : spec->src_sel);
        /* one node: the elements say which regions (and the errors, which not) */
        return connect_local(sim, spec, src, dst, made);
    }
    *src = (int)(rs - sim->regions->v);
    *dst = (int)(rd - sim->regions->v);
    *dnode = rd->node;
    if (rs->node != rd->node && !par_is_on(sim))
        return gs_error(sim,
                        "regions '%s' (node %d) and '%s' (node %d) are on two nodes: spikes "
                        "cross nodes once 'paron -parallel' has set up the parallel library",
                        rs->name, rs->node, rd->name, rd->node);
    if (rs->node != me)
        return GS_OK;
    if (rd->node == me)
        return connect_local(sim, spec, src, dst, made);
    return connect_remote(call, spec, rd->node, made);
}

enum gs_status
regions_show(struct gs_call *call, const char *what, const char *name, int node)
{
    struct gs_sim *sim = call->sim;
    struct strbuf sb = STRBUF_INIT;
    enum gs_status st = GS_OK;
    if (node == par_mynode(sim)) {
        if (strcmp(what, "region") == 0)
            region_text(sim, region_find(sim, name), &sb);
        else
            pattern_text(sim, pattern_find(sim, name), &sb);
    } else {
        const char *argv[] = {what, name};
        st = rnet_call_node(sim, node, "region_show", 2, argv, call->origin, &sb);
    }
    if (st == GS_OK && sb.buf)
        gs_out(sim, "%s", sb.buf);
    sb_free(&sb);
    return st;
}

/* ---- requests run on the destination region's node --------------------------- */

/* "region first-path key..." of the destination ports, checked here. */
static enum gs_status
cmd_region_dests_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist d = GS_ELIST_INIT;
    int reg;
    bool graded;
    struct port_list pl;
    struct pattern_file pf = {0};
    enum gs_status st = side_of_word(sim, gs_arg(call, 0), &pl, &pf);
    if (st == GS_OK)
        st = pattern_side(sim, &pl, PORT_IN, gs_arg(call, 1), &d, &reg, &graded);
    pattern_file_free(&pf);
    if (st != GS_OK)
        return GS_ERR;
    struct strbuf *sb = gs_result_buf(call);
    char *d0 = elem_path_str(d.v[0]);
    sb_printf(sb, "%d %d %s", reg, graded, d0);
    free(d0);
    for (size_t i = 0; i < d.n; i++)
        sb_printf(sb, " %" PRIu64, pattern_port_key(d.v[i]));
    elist_free(&d);
    return GS_OK;
}

/* The pattern a link request names: name, destination selector, and
 * (words 5-7) its rule, probability and seed, as the origin sent them. */
static struct pattern_spec
request_spec(const struct gs_call *call)
{
    return (struct pattern_spec){
        .name = gs_arg(call, 0),
        .dst_sel = gs_arg(call, 1),
        .rule = (enum pattern_rule)atoi(gs_arg(call, 5)),
        .probability = strtod(gs_arg(call, 6), NULL),
        .seed = strtoull(gs_arg(call, 7), NULL, 10),
    };
}

/* Makes the connections of a pattern from another node's sources; all or
 * nothing (pattern_link). The pattern stays pending until this node's own
 * regionconnect for it. */
static enum gs_status
cmd_region_link_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct pattern_spec spec = request_spec(call);
    spec.weight = strtod(gs_arg(call, 8), NULL);
    spec.delay = strtod(gs_arg(call, 9), NULL);
    int rank = atoi(gs_arg(call, 2)), src = atoi(gs_arg(call, 3)), dst = atoi(gs_arg(call, 4));
    struct gs_elist d = GS_ELIST_INIT;
    struct port_list pl;
    struct pattern_file pf = {0};
    if (side_of_word(sim, spec.dst_sel, &pl, &pf) != GS_OK || side_resolve(sim, &pl, &d) != GS_OK) {
        pattern_file_free(&pf);
        return GS_ERR;
    }
    size_t cap = (size_t)call->npos;
    struct gs_element **send = xcalloc(cap, sizeof *send);
    char **paths = xcalloc(cap, sizeof *paths);
    struct net_pairs pr = {0};
    size_t ns = 0;
    enum gs_status st = GS_OK;
    int snode = rnet_zone_node(sim, rank);
    for (int i = 10; i + 2 < call->npos && st == GS_OK;) {
        uint64_t gid = strtoull(gs_arg(call, i), NULL, 10);
        long n = atol(gs_arg(call, i + 2));
        char *origin = xasprintf("%s@%d", gs_arg(call, i + 1), snode);
        st = rnet_proxy(sim, gid, rank, origin, &send[ns]);
        free(origin);
        paths[ns] = xstrdup(gs_arg(call, i + 1));
        for (long k = 0; k < n && st == GS_OK; k++) {
            const char *wd = gs_arg(call, i + 3 + (int)k);
            long idx = wd ? atol(wd) : -1;
            if (idx < 0 || (size_t)idx >= d.n) {
                st = gs_error(sim, "destination %ld of '%s' does not exist", idx, spec.dst_sel);
                break;
            }
            pairs_add(&pr, (int)ns, (int)idx);
        }
        ns++;
        i += 3 + (int)n;
    }
    /* a pattern file's weights and delays, pair by pair (its line's) */
    double *w = NULL, *dl = NULL;
    if (st == GS_OK && pl.paths) {
        w = xcalloc(pr.n + 1, sizeof *w);
        dl = xcalloc(pr.n + 1, sizeof *dl);
        for (size_t k = 0; k < pr.n; k++) {
            w[k] = isnan(pf.w[pr.d[k]]) ? spec.weight : pf.w[pr.d[k]];
            dl[k] = isnan(pf.d[pr.d[k]]) ? spec.delay : pf.d[pr.d[k]];
        }
    }
    if (st == GS_OK)
        st = pattern_link(sim, &spec, src, dst, send, paths, ns, d.v, &pr, w, dl, true);
    free(w);
    free(dl);
    pattern_file_free(&pf);
    for (size_t i = 0; i < ns; i++)
        free(paths[i]);
    free(paths);
    free(send);
    net_pairs_free(&pr);
    elist_free(&d);
    return st;
}

/* Makes a graded pattern's stand-ins and messages for another node's
 * sources; answers each pair's channel. All or nothing (graded_make). */
static enum gs_status
cmd_region_graded_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct pattern_spec spec = request_spec(call);
    spec.weight = 1;
    int snode = atoi(gs_arg(call, 2)), src = atoi(gs_arg(call, 3)), dst = atoi(gs_arg(call, 4));
    struct gs_elist d = GS_ELIST_INIT;
    struct port_list pl;
    struct pattern_file pf = {0};
    enum gs_status rs = side_of_word(sim, spec.dst_sel, &pl, &pf);
    if (rs == GS_OK)
        rs = side_resolve(sim, &pl, &d);
    pattern_file_free(&pf);
    if (rs != GS_OK)
        return GS_ERR;
    char **paths = xcalloc((size_t)call->npos, sizeof *paths);
    struct net_pairs pr = {0};
    size_t ns = 0;
    enum gs_status st = GS_OK;
    for (int i = 8; i + 1 < call->npos && st == GS_OK;) {
        long n = atol(gs_arg(call, i + 1));
        paths[ns] = xstrdup(gs_arg(call, i));
        for (long k = 0; k < n && st == GS_OK; k++) {
            const char *wd = gs_arg(call, i + 2 + (int)k);
            long idx = wd ? atol(wd) : -1;
            if (idx < 0 || (size_t)idx >= d.n)
                st = gs_error(sim, "destination %ld of '%s' does not exist", idx, spec.dst_sel);
            else
                pairs_add(&pr, (int)ns, (int)idx);
        }
        ns++;
        i += 2 + (int)n;
    }
    long *chan = xcalloc(pr.n + 1, sizeof *chan);
    if (st == GS_OK)
        st = graded_make(sim, &spec, src, dst, paths, ns, d.v, &pr, snode, true, chan);
    if (st == GS_OK) {
        struct strbuf *sb = gs_result_buf(call);
        for (size_t k = 0; k < pr.n; k++)
            sb_printf(sb, "%s%ld", k ? " " : "", chan[k]);
    }
    free(chan);
    for (size_t i = 0; i < ns; i++)
        free(paths[i]);
    free(paths);
    net_pairs_free(&pr);
    elist_free(&d);
    return st;
}

static enum gs_status
cmd_region_show_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *what = gs_arg(call, 0), *name = gs_arg(call, 1);
    struct strbuf *sb = gs_result_buf(call);
    if (strcmp(what, "region") == 0) {
        struct region *r = region_find(sim, name);
        if (!r || r->node != par_mynode(sim))
            return gs_error(sim, "node %d holds no region '%s'", par_mynode(sim), name);
        region_text(sim, r, sb);
        return GS_OK;
    }
    struct pattern *p = pattern_find(sim, name);
    if (!p || !p->here)
        return gs_error(sim, "node %d holds no pattern '%s'", par_mynode(sim), name);
    pattern_text(sim, p, sb);
    return GS_OK;
}
