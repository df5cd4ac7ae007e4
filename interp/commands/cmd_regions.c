/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_regions.c: the regions family (issue 14, docs/regions.md): region
 * (declare a region), regionport (add ports to its interface),
 * showregion, regionconnect (a pattern between the ports of two regions)
 * and showpattern. The work is in models/regions/.
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/regions/region.h"
#include "../cmd.h"

static enum gs_status cmd_region_exec(struct gs_call *call);
static enum gs_status cmd_regionconnect_exec(struct gs_call *call);
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
    {NULL, 0, 0, NULL},
};

static const struct gs_opt regionport_opts[] = {
    {"-input", 0, GS_ARG_STR, "the ports are inputs (synaptic channels)"},
    {"-output", 0, GS_ARG_STR, "the ports are outputs (spike sources)"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_region_entry = {
    .name = "region",
    .family = "regions",
    .summary = "declare a region: a named element subtree with an interface of ports",
    .usage = "name root",
    .pos = {{"name", GS_ARG_STR}, {"root", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .exec = cmd_region_exec,
};

const struct gs_cmd cmd_regionconnect_entry = {
    .name = "regionconnect",
    .family = "regions",
    .summary = "connect output ports of one region to input ports of another (a pattern)",
    .usage = "pattern source-selector destination-selector [-onetoone] [-alltoall] "
             "[-random p] [-seed s] [-weight w] [-delay d]",
    .pos = {{"pattern", GS_ARG_STR}, {"source-selector", GS_ARG_STR},
            {"destination-selector", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = 3,
    .opts = regionconnect_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_RESULT,
    .exec = cmd_regionconnect_exec,
};

const struct gs_cmd cmd_regionport_entry = {
    .name = "regionport",
    .family = "regions",
    .summary = "add the elements a selector names to a region's interface as ports",
    .usage = "region selector -input|-output",
    .pos = {{"region", GS_ARG_STR}, {"selector", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = regionport_opts,
    .flags = GS_CMD_RESULT,
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
    .summary = "show a region's interface: its ports and their directions",
    .usage = "region",
    .pos = {{"region", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_showregion_exec,
};

static enum gs_status
cmd_region_exec(struct gs_call *call)
{
    struct gs_element *root;
    if (path_find(call->sim, gs_arg(call, 1), &root) != GS_OK)
        return GS_ERR;
    return region_add(call->sim, gs_arg(call, 0), root);
}

static enum gs_status
cmd_regionconnect_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    int nrules = gs_has_opt(call, "-onetoone") + gs_has_opt(call, "-alltoall")
                 + gs_has_opt(call, "-random");
    if (nrules > 1)
        return gs_error(sim, "give one rule: -onetoone, -alltoall or -random p");
    struct pattern_spec spec = {
        .name = gs_arg(call, 0),
        .src_sel = gs_arg(call, 1),
        .dst_sel = gs_arg(call, 2),
        .rule = gs_has_opt(call, "-alltoall") ? RULE_ALL_TO_ALL
                : gs_has_opt(call, "-random") ? RULE_RANDOM
                                              : RULE_ONE_TO_ONE,
        .probability = gs_has_opt(call, "-random") ? gs_optval_real(call, "-random", 0) : 1.0,
        .seed = gs_has_opt(call, "-seed") ? (uint64_t)gs_optval_int(call, "-seed", 0) : 0,
        .weight = gs_has_opt(call, "-weight") ? gs_optval_real(call, "-weight", 0) : 1.0,
        .delay = gs_has_opt(call, "-delay") ? gs_optval_real(call, "-delay", 0) : 0.0,
    };
    size_t made;
    if (region_connect(sim, &spec, &made) != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)made);
    return GS_OK;
}

static enum gs_status
cmd_regionport_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct region *r = region_find(sim, gs_arg(call, 0));
    if (!r)
        return gs_error(sim, "there is no region '%s'", gs_arg(call, 0));
    bool in = gs_has_opt(call, "-input"), out = gs_has_opt(call, "-output");
    if (in == out)
        return gs_error(sim, "give one direction: -input or -output");
    size_t added;
    if (region_add_ports(sim, r, gs_arg(call, 1), in ? PORT_IN : PORT_OUT, &added) != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)added);
    return GS_OK;
}

static enum gs_status
cmd_showpattern_exec(struct gs_call *call)
{
    struct pattern *p = pattern_find(call->sim, gs_arg(call, 0));
    if (!p)
        return gs_error(call->sim, "there is no pattern '%s'", gs_arg(call, 0));
    pattern_show(call->sim, p);
    return GS_OK;
}

static enum gs_status
cmd_showregion_exec(struct gs_call *call)
{
    struct region *r = region_find(call->sim, gs_arg(call, 0));
    if (!r)
        return gs_error(call->sim, "there is no region '%s'", gs_arg(call, 0));
    region_show(call->sim, r);
    return GS_OK;
}
