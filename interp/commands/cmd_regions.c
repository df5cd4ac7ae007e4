/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_regions.c: the regions family (issue 14, docs/regions.md): region
 * (declare a region on a node), regionport (add ports to its interface),
 * showregion, regionconnect (a pattern between the ports of two regions)
 * and showpattern. The work is in models/regions/; what crosses nodes
 * (regions on other nodes, the requests they answer) in
 * cmd_regions_par.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/regions/region.h"
#include "../../parallel/par.h"
#include "../cmd.h"
#include "cmd_regions.h"

static enum gs_status cmd_region_exec(struct gs_call *call);
static enum gs_status cmd_regionconnect_exec(struct gs_call *call);
static enum gs_status cmd_regionmap_exec(struct gs_call *call);
static enum gs_status cmd_regionnode_exec(struct gs_call *call);
static enum gs_status cmd_regionport_exec(struct gs_call *call);
static enum gs_status cmd_showpattern_exec(struct gs_call *call);
static enum gs_status cmd_showregion_exec(struct gs_call *call);

static const struct gs_opt regionconnect_opts[] = {
    {"-onetoone", 0, GS_ARG_STR, "the i-th source to the i-th destination (the default)"},
    {"-alltoall", 0, GS_ARG_STR, "every source to every destination"},
    {"-random", 1, GS_ARG_REAL,
     "p: each source-destination pair with probability p, drawn from the seed and the two "
     "ports' identities"},
    {"-seed", 1, GS_ARG_INT, "s: the seed of -random's draws (default 0)"},
    {"-weight", 1, GS_ARG_REAL, "w: the weight of every synapse made (default 1)"},
    {"-delay", 1, GS_ARG_REAL, "d: the delay of every synapse made, s (default 0)"},
    {"-file", 1, GS_ARG_STR,
     "f: the pairs of a pattern file: text, a line 'source destination [weight [delay]]' each, "
     "or HDF5, the datasets src, dst [, weight, delay]"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt region_opts[] = {
    {"-node", 1, GS_ARG_STR,
     "n|auto: the node that holds the region (default 0); auto: the one regionmap chooses"},
    {"-cells", 1, GS_ARG_REAL, "n: the region's cells, for regionmap's balance"},
    {"-synapses", 1, GS_ARG_REAL, "n: the synapses onto its cells, for regionmap's balance"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt regionport_opts[] = {
    {"-input", 0, GS_ARG_STR, "the ports are inputs (synaptic channels)"},
    {"-output", 0, GS_ARG_STR, "the ports are outputs (spike sources)"},
    {"-graded", 1, GS_ARG_STR,
     "word: graded ports: an output sends field WORD every step, an input receives it "
     "through a message of type WORD"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_region_entry = {
    .name = "region",
    .family = "regions",
    .summary = "declare a region: a named element subtree on one node, with an interface of "
               "ports",
    .usage = "name root [-node n|auto] [-cells n] [-synapses n]",
    .pos = {{"name", GS_ARG_STR}, {"root", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = region_opts,
    .flags = GS_CMD_COLLECTIVE,
    .exec = cmd_region_exec,
};

const struct gs_cmd cmd_regionconnect_entry = {
    .name = "regionconnect",
    .family = "regions",
    .summary = "connect output ports of one region to input ports of another (a pattern)",
    .usage = "pattern (source-selector destination-selector [-onetoone] [-alltoall] "
             "[-random p] [-seed s] | -file f) [-weight w] [-delay d]",
    .pos = {{"pattern", GS_ARG_STR}, {"source-selector", GS_ARG_STR},
            {"destination-selector", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 3,
    .opts = regionconnect_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_RESULT | GS_CMD_COLLECTIVE,
    .exec = cmd_regionconnect_exec,
};

const struct gs_cmd cmd_regionmap_entry = {
    .name = "regionmap",
    .family = "regions",
    .summary = "choose the nodes of the regions declared with -node auto, balancing their cost",
    .usage = "",
    .max_pos = 0,
    .flags = GS_CMD_RESULT | GS_CMD_COLLECTIVE,
    .exec = cmd_regionmap_exec,
};

const struct gs_cmd cmd_regionnode_entry = {
    .name = "regionnode",
    .family = "regions",
    .summary = "the node that holds a region",
    .usage = "region",
    .pos = {{"region", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_regionnode_exec,
};

const struct gs_cmd cmd_regionport_entry = {
    .name = "regionport",
    .family = "regions",
    .summary = "add the elements a selector names to a region's interface as ports",
    .usage = "region selector -input|-output [-graded field|msgtype]",
    .pos = {{"region", GS_ARG_STR}, {"selector", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = regionport_opts,
    .flags = GS_CMD_RESULT | GS_CMD_COLLECTIVE,
    .exec = cmd_regionport_exec,
};

const struct gs_cmd cmd_showpattern_entry = {
    .name = "showpattern",
    .family = "regions",
    .summary = "list a pattern's connections with their weights and delays",
    .usage = "pattern",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_showpattern_exec,
};

const struct gs_cmd cmd_showregion_entry = {
    .name = "showregion",
    .family = "regions",
    .summary = "show a region's interface (its ports and their directions), or every "
               "region's node and size",
    .usage = "[region]",
    .pos = {{"region", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_showregion_exec,
};

/* region is collective: every node declares every region, and a region
 * refused on one node (its root missing there) is declared on none. */
static enum gs_status
cmd_region_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    enum gs_status st = GS_OK;
    int node = 0;
    const char *nw = gs_has_opt(call, "-node") ? gs_optval(call, "-node", 0) : "0";
    double cells = gs_has_opt(call, "-cells") ? gs_optval_real(call, "-cells", 0) : 0;
    double syn = gs_has_opt(call, "-synapses") ? gs_optval_real(call, "-synapses", 0) : 0;
    if (strcmp(nw, "auto") == 0) {
        node = REGION_UNMAPPED;
        if (!gs_has_opt(call, "-cells"))
            st = gs_error(sim, "-node auto needs the region's size, which regionmap balances: "
                               "-cells n [-synapses n]");
    } else {
        char *end;
        long n = strtol(nw, &end, 10);
        int *nv = NULL, nn = 0;
        if (end == nw || *end || n < 0 || n > 1 << 20)
            st = gs_error(sim, "-node expects a node number >= 0 or 'auto', got '%s'", nw);
        else
            st = par_nodelist(sim, nw, &nv, &nn); /* "node 5 does not exist (nodes 0-3)" */
        free(nv);
        node = (int)n;
    }
    if (st == GS_OK && !(cells >= 0 && isfinite(cells) && syn >= 0 && isfinite(syn)))
        st = gs_error(sim, "-cells and -synapses expect counts >= 0, got %g and %g", cells, syn);
    size_t before = sim->regions ? sim->regions->n : 0;
    if (st == GS_OK)
        st = region_add(sim, gs_arg(call, 0), gs_arg(call, 1), node, par_mynode(sim));
    if (st == GS_OK) {
        struct region *r = &sim->regions->v[sim->regions->n - 1];
        r->cells = cells;
        r->synapses = syn;
    }
    if (par_agree(sim, "region", st, call->origin) == GS_OK)
        return GS_OK;
    if (st == GS_OK && sim->regions->n > before)
        region_drop_last(sim);
    return GS_ERR;
}

/* regionconnect is collective: the node of the source region makes the
 * pattern (asking the destination region's node for its ports when that
 * is another node), every node learns its count, and a pattern refused
 * anywhere is made nowhere. */
static enum gs_status
cmd_regionconnect_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    int nrules = gs_has_opt(call, "-onetoone") + gs_has_opt(call, "-alltoall")
                 + gs_has_opt(call, "-random");
    bool file = gs_has_opt(call, "-file");
    struct pattern_spec spec = {
        .name = gs_arg(call, 0),
        .src_sel = call->npos > 1 ? gs_arg(call, 1) : NULL,
        .dst_sel = call->npos > 2 ? gs_arg(call, 2) : NULL,
        .rule = file                          ? RULE_FILE
                : gs_has_opt(call, "-alltoall") ? RULE_ALL_TO_ALL
                : gs_has_opt(call, "-random")   ? RULE_RANDOM
                                                : RULE_ONE_TO_ONE,
        .probability = gs_has_opt(call, "-random") ? gs_optval_real(call, "-random", 0) : 1.0,
        .seed = gs_has_opt(call, "-seed") ? (uint64_t)gs_optval_int(call, "-seed", 0) : 0,
        .weight = gs_has_opt(call, "-weight") ? gs_optval_real(call, "-weight", 0) : 1.0,
        .delay = gs_has_opt(call, "-delay") ? gs_optval_real(call, "-delay", 0) : 0.0,
        .weighted = gs_has_opt(call, "-weight"),
        .delayed = gs_has_opt(call, "-delay"),
    };
    enum gs_status st = GS_OK;
    struct pattern_file pf = {0};
    double *pw = NULL, *pd = NULL;
    if (nrules > 1 || (file && (nrules > 0 || gs_has_opt(call, "-seed"))))
        st = gs_error(sim, "give one rule: -onetoone, -alltoall, -random p or -file f");
    else if (file != (call->npos == 1) || call->npos == 2)
        st = gs_error(sim, "give a source and a destination selector, or -file f alone");
    else if (file && pattern_file_read(sim, gs_optval(call, "-file", 0), &pf) == GS_OK) {
        /* every node reads it: its first pair names the two regions */
        const char *f = gs_optval(call, "-file", 0);
        spec.src = (struct port_list){
            .file = f, .dataset = pf.h5 ? "src" : NULL, .paths = pf.src, .lines = pf.line, .n = pf.n};
        spec.dst = (struct port_list){
            .file = f, .dataset = pf.h5 ? "dst" : NULL, .paths = pf.dst, .lines = pf.line, .n = pf.n};
        spec.src_sel = pf.src[0];
        spec.dst_sel = pf.dst[0];
        pw = xcalloc(pf.n + 1, sizeof *pw);
        pd = xcalloc(pf.n + 1, sizeof *pd);
        for (size_t i = 0; i < pf.n; i++) {
            spec.weighted |= !isnan(pf.w[i]);
            spec.delayed |= !isnan(pf.d[i]);
            pw[i] = isnan(pf.w[i]) ? spec.weight : pf.w[i];
            pd[i] = isnan(pf.d[i]) ? spec.delay : pf.d[i];
        }
        spec.pw = pw;
        spec.pd = pd;
    } else if (file)
        st = GS_ERR;
    if (!file) {
        spec.src.sel = spec.src_sel;
        spec.dst.sel = spec.dst_sel;
    }
    size_t made = 0;
    int src = -1, dst = -1, dnode = par_mynode(sim);
    if (st == GS_OK)
        st = pattern_spec_check(sim, &spec);
    if (st == GS_OK)
        st = regions_connect_any(call, &spec, &src, &dst, &dnode, &made);
    st = par_agree(sim, "regionconnect", st, call->origin);
    double n = (double)made;
    if (st == GS_OK && par_nnodes(sim) > 1)
        st = par_allreduce(sim, false, PAR_SUM, &n, 1, "regionconnect", call->origin);
    if (st == GS_OK)
        pattern_note(sim, &spec, src, dst, dnode, (size_t)n);
    pattern_file_free(&pf);
    free(pw);
    free(pd);
    if (st != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)n);
    return GS_OK;
}

/* regionmap is collective: every node maps the same regions alike (the
 * declarations and the sizes are the same on every node). */
static enum gs_status
cmd_regionmap_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    size_t n = regions_map(sim, par_nnodes(sim), par_mynode(sim));
    if (par_agree(sim, "regionmap", GS_OK, call->origin) != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)n);
    return GS_OK;
}

static enum gs_status
cmd_regionnode_exec(struct gs_call *call)
{
    struct region *r = region_find(call->sim, gs_arg(call, 0));
    if (!r)
        return gs_error(call->sim, "there is no region '%s'", gs_arg(call, 0));
    if (r->node == REGION_UNMAPPED)
        return region_mapped(call->sim, r);
    gs_result_int(call, r->node);
    return GS_OK;
}

/* regionport is collective: the region's node adds the ports, every node
 * returns their count, and a refusal there is an error on every node.
 * (So when any node goes on past it, the ports are in place for the
 * requests of a pattern.) */
static enum gs_status
cmd_regionport_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct region *r = region_find(sim, gs_arg(call, 0));
    bool in = gs_has_opt(call, "-input"), out = gs_has_opt(call, "-output");
    enum gs_status st = GS_OK;
    size_t added = 0;
    if (!r)
        st = gs_error(sim, "there is no region '%s'", gs_arg(call, 0));
    else if (in == out)
        st = gs_error(sim, "give one direction: -input or -output");
    else if (r->node == REGION_UNMAPPED)
        st = region_mapped(sim, r);
    else if (r->node == par_mynode(sim))
        st = region_add_ports(sim, r, gs_arg(call, 1), in ? PORT_IN : PORT_OUT,
                              gs_optval(call, "-graded", 0), &added);
    st = par_agree(sim, "regionport", st, call->origin);
    double n = (double)added;
    if (st == GS_OK && par_nnodes(sim) > 1)
        st = par_allreduce(sim, false, PAR_SUM, &n, 1, "regionport", call->origin);
    if (st != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)n);
    return GS_OK;
}

static enum gs_status
cmd_showpattern_exec(struct gs_call *call)
{
    struct pattern *p = pattern_find(call->sim, gs_arg(call, 0));
    if (!p || p->pending)
        return gs_error(call->sim, "there is no pattern '%s'", gs_arg(call, 0));
    return regions_show(call, "pattern", p->name, p->here ? par_mynode(call->sim) : p->node);
}

/* Every region's node, size and cost, and each node's total: the
 * mapping, as every node knows it. */
static void
show_regions(struct gs_sim *sim)
{
    struct gs_regions *rs = sim->regions;
    int nn = par_nnodes(sim);
    double *load = xcalloc((size_t)nn + 1, sizeof *load);
    gs_out(sim, "%-12s %-16s %5s %10s %10s %10s\n", "region", "root", "node", "cells",
           "synapses", "cost");
    for (size_t i = 0; rs && i < rs->n; i++) {
        const struct region *r = &rs->v[i];
        char node[16];
        if (r->node == REGION_UNMAPPED)
            snprintf(node, sizeof node, "auto");
        else
            snprintf(node, sizeof node, "%d", r->node);
        gs_out(sim, "%-12s %-16s %5s %10g %10g %10g\n", r->name, r->rootpath, node, r->cells,
               r->synapses, region_cost(r));
        if (r->node >= 0 && r->node < nn)
            load[r->node] += region_cost(r);
    }
    gs_out(sim, "cost by node:");
    for (int k = 0; k < nn; k++)
        gs_out(sim, " %g", load[k]);
    gs_out(sim, "\n");
    free(load);
}

static enum gs_status
cmd_showregion_exec(struct gs_call *call)
{
    if (call->npos == 0) {
        show_regions(call->sim);
        return GS_OK;
    }
    struct region *r = region_find(call->sim, gs_arg(call, 0));
    if (!r)
        return gs_error(call->sim, "there is no region '%s'", gs_arg(call, 0));
    if (r->node == REGION_UNMAPPED)
        return region_mapped(call->sim, r);
    return regions_show(call, "region", r->name, r->node);
}
