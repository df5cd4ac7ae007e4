/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_network.c: the network family: createmap, planarconnect,
 * volumeconnect, planardelay, volumedelay, planarweight, volumeweight.
 * The commands turn words into the descriptions of models/network/ and
 * leave geometry, draws and the all-or-nothing rules to it. The synapse
 * queries (getsyn*) and syndelay are in cmd_synapse.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/network/network.h"
#include "../cmd.h"
#include "cmd_network.h"

static enum gs_status cmd_createmap_exec(struct gs_call *call);
static enum gs_status cmd_planarconnect_exec(struct gs_call *call);
static enum gs_status cmd_planardelay_exec(struct gs_call *call);
static enum gs_status cmd_planarweight_exec(struct gs_call *call);
static enum gs_status cmd_volumeconnect_exec(struct gs_call *call);
static enum gs_status cmd_volumedelay_exec(struct gs_call *call);
static enum gs_status cmd_volumeweight_exec(struct gs_call *call);

static const struct gs_opt createmap_opts[] = {
    {"-delta", 2, GS_ARG_REAL,
     "dx dy: spacing of the copies in x and y (m)"},
    {"-origin", 2, GS_ARG_REAL,
     "x y: position of the first copy (m)"},
    {"-object", 0, GS_ARG_STR,
     "source names an object (a class); the map holds new elements of it"},
    {NULL, 0, 0, NULL},
};

/* The masks take a shape and numbers; their count is checked by
 * models/network so the error can say what the shape needs. */
const struct gs_opt cmd_net_connect_optv[] = {
    {"-relative", 0, GS_ARG_STR,
     "the masks of the destination are relative to each source's position"},
    {"-sourcemask", GS_VARARGS, GS_ARG_STR,
     "shape x1 y1 x2 y2...: the region of sources to connect (box or ellipse; may be given again)"},
    {"-sourcehole", GS_VARARGS, GS_ARG_STR,
     "shape x1 y1 x2 y2...: a region left out of the sources"},
    {"-destmask", GS_VARARGS, GS_ARG_STR,
     "shape x1 y1 x2 y2...: the region of destinations to connect"},
    {"-desthole", GS_VARARGS, GS_ARG_STR,
     "shape x1 y1 x2 y2...: a region left out of the destinations"},
    {"-probability", 1, GS_ARG_REAL,
     "p: connect each candidate pair with probability p (p >= 1: all)"},
    {NULL, 0, 0, NULL},
};

const struct gs_opt cmd_net_delay_optv[] = {
    {"-fixed", 1, GS_ARG_REAL,
     "d: the same delay for every synapse (s)"},
    {"-radial", 1, GS_ARG_REAL,
     "v: delay = distance / v (conduction velocity, m/s)"},
    GS_DELAY_RANDOM_OPTS,
    {NULL, 0, 0, NULL},
};

const struct gs_opt cmd_net_weight_optv[] = {
    {"-fixed", 1, GS_ARG_REAL,
     "w: the same weight for every synapse"},
    {"-decay", 3, GS_ARG_REAL,
     "rate max min: weight = (max-min) exp(-rate distance) + min"},
    {"-uniform", 1, GS_ARG_REAL,
     "scale: multiply by a uniform draw in [1-scale, 1+scale]"},
    {"-gaussian", 2, GS_ARG_REAL,
     "sd max: add a Gaussian draw of this SD, cut at max"},
    {"-exponential", 2, GS_ARG_REAL,
     "mid max: a draw from an exponential with 1/e point mid, at most max"},
    {"-absoluterandom", 0, GS_ARG_STR,
     "the random part is absolute, not relative to the weight"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_createmap_entry = {
    .name = "createmap",
    .family = "network",
    .summary = "make a 2-D grid of copies of an element",
    .usage = "source dest nx ny [-delta dx dy] [-origin x y] [-object]",
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}, {"nx", GS_ARG_INT}, {"ny", GS_ARG_INT}},
    .min_pos = 4,
    .max_pos = 4,
    .opts = createmap_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_createmap_exec,
};

#define CONNECT_USAGE(S, N)                                                                       \
    "source dest [-relative] [-sourcemask " S " " N "] [-sourcehole " S " " N "] [-destmask " S  \
    " " N "] [-desthole " S " " N "] [-probability p]"

const struct gs_cmd cmd_planarconnect_entry = {
    .name = "planarconnect",
    .family = "network",
    .summary = "connect spike sources to synaptic channels by their x-y positions",
    .usage = CONNECT_USAGE("{box,ellipse}", "x1 y1 x2 y2"),
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = cmd_net_connect_optv,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_planarconnect_exec,
};

#define DELAY_USAGE                                                                               \
    "sourcepath [destpath] (-fixed delay | -radial velocity) [-add] [-uniform scale] "            \
    "[-gaussian stdev maxdev] [-exponential mid max] [-absoluterandom]"
#define WEIGHT_USAGE                                                                              \
    "sourcepath [destpath] (-fixed weight | -decay rate max min) [-uniform scale] "               \
    "[-gaussian stdev maxdev] [-exponential mid max] [-absoluterandom]"

const struct gs_cmd cmd_planardelay_entry = {
    .name = "planardelay",
    .family = "network",
    .summary = "set the delays of the synapses fed by spike sources (x-y distances)",
    .usage = DELAY_USAGE,
    .pos = {{"sourcepath", GS_ARG_STR}, {"destpath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = cmd_net_delay_optv,
    .flags = GS_CMD_ACK,
    .exec = cmd_planardelay_exec,
};

const struct gs_cmd cmd_planarweight_entry = {
    .name = "planarweight",
    .family = "network",
    .summary = "set the weights of the synapses fed by spike sources (x-y distances)",
    .usage = WEIGHT_USAGE,
    .pos = {{"sourcepath", GS_ARG_STR}, {"destpath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = cmd_net_weight_optv,
    .flags = GS_CMD_ACK,
    .exec = cmd_planarweight_exec,
};

const struct gs_cmd cmd_volumeconnect_entry = {
    .name = "volumeconnect",
    .family = "network",
    .summary = "connect spike sources to synaptic channels by their x-y-z positions",
    .usage = CONNECT_USAGE("{box,ellipsoid}", "x1 y1 z1 x2 y2 z2"),
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = cmd_net_connect_optv,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_volumeconnect_exec,
};

const struct gs_cmd cmd_volumedelay_entry = {
    .name = "volumedelay",
    .family = "network",
    .summary = "set the delays of the synapses fed by spike sources (x-y-z distances)",
    .usage = DELAY_USAGE,
    .pos = {{"sourcepath", GS_ARG_STR}, {"destpath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = cmd_net_delay_optv,
    .flags = GS_CMD_ACK,
    .exec = cmd_volumedelay_exec,
};

const struct gs_cmd cmd_volumeweight_entry = {
    .name = "volumeweight",
    .family = "network",
    .summary = "set the weights of the synapses fed by spike sources (x-y-z distances)",
    .usage = WEIGHT_USAGE,
    .pos = {{"sourcepath", GS_ARG_STR}, {"destpath", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = cmd_net_weight_optv,
    .flags = GS_CMD_ACK,
    .exec = cmd_volumeweight_exec,
};

/* ---- helpers ---------------------------------------------------------------- */

/* Expands PATTERN into OUT. Errors: malformed, or it matches nothing. */
static enum gs_status
glob_some(struct gs_sim *sim, const char *pattern, struct gs_elist *out)
{
    if (path_glob(sim, pattern, out) != GS_OK)
        return GS_ERR;
    if (out->n == 0)
        return gs_error(sim, "'%s' matches no element", pattern);
    return GS_OK;
}

static const char *
opt_name(const struct gs_call *call, const struct gs_optval *ov)
{
    return call->cmd->opts[ov->opt].name;
}

/* ---- createmap --------------------------------------------------------------- */

static enum gs_status
cmd_createmap_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *src = NULL, *parent, *made_parent = NULL;
    const struct gs_class *cls = NULL;
    const char *name;
    struct net_map map = {.nx = 0, .ny = 0, .dx = 1, .dy = 1};
    long nx = gs_arg_int(call, 2), ny = gs_arg_int(call, 3);
    if (nx < 1 || ny < 1 || nx > GS_MAX_INDEX || ny > GS_MAX_INDEX)
        return gs_error(sim, "nx and ny must be at least 1, got %ld and %ld", nx, ny);
    map.nx = (int)nx;
    map.ny = (int)ny;
    if (gs_has_opt(call, "-delta")) {
        map.dx = gs_optval_real(call, "-delta", 0);
        map.dy = gs_optval_real(call, "-delta", 1);
    }
    if (gs_has_opt(call, "-origin")) {
        map.x0 = gs_optval_real(call, "-origin", 0);
        map.y0 = gs_optval_real(call, "-origin", 1);
    }
    if (gs_has_opt(call, "-object")) {
        cls = class_find(gs_arg(call, 0));
        if (!cls)
            return gs_error(sim, "'%s' is not a class (-object expects a class name)",
                            gs_arg(call, 0));
        name = cls->name;
    } else {
        if (path_find(sim, gs_arg(call, 0), &src) != GS_OK)
            return GS_ERR;
        if (!src->parent)
            return gs_error(sim, "cannot make a map of the root element");
        name = src->name;
    }
    parent = path_lookup(sim, gs_arg(call, 1));
    if (!parent) {
        /* GENESIS makes a missing destination as a neutral element. */
        struct gs_element *pp;
        char *pname;
        int index;
        if (path_split_new(sim, gs_arg(call, 1), &pp, &pname, &index) != GS_OK)
            return GS_ERR;
        enum gs_status st = elem_create(sim, class_find("neutral"), pp, pname, index, &parent);
        free(pname);
        if (st != GS_OK)
            return GS_ERR;
        made_parent = parent;
    }
    if (net_createmap(sim, src, cls, name, parent, &map) != GS_OK) {
        if (made_parent)
            elem_delete(sim, made_parent);
        return GS_ERR;
    }
    return GS_OK;
}

/* ---- planarconnect / volumeconnect ------------------------------------------- */

/* The description of a connect command from its options, shared with
 * rvolumeconnect (cmd_network.h). */
enum gs_status
cmd_net_connect_opts(struct gs_call *call, int dim, struct net_connect *c)
{
    struct gs_sim *sim = call->sim;
    *c = (struct net_connect){.dim = dim, .probability = 1.0};
    c->salt = net_hash_words(call->nwords, call->words);
    enum gs_status st = GS_OK;
    for (int i = 0; i < call->noptv && st == GS_OK; i++) {
        const struct gs_optval *ov = &call->optv[i];
        const char *o = opt_name(call, ov);
        const char *const *w = call->words + ov->first;
        if (strcmp(o, "-relative") == 0)
            c->relative = true;
        else if (strcmp(o, "-probability") == 0)
            c->probability = strtod(w[0], NULL);
        else if (strcmp(o, "-sourcemask") == 0 || strcmp(o, "-sourcehole") == 0)
            st = net_region_add(sim, &c->src, dim, strcmp(o, "-sourcehole") == 0, o, ov->nvals, w);
        else
            st = net_region_add(sim, &c->dst, dim, strcmp(o, "-desthole") == 0, o, ov->nvals, w);
    }
    if (st == GS_OK && (!(c->probability >= 0) || !isfinite(c->probability)))
        st = gs_error(sim, "-probability expects a number >= 0, got '%s'",
                      gs_optval(call, "-probability", 0));
    if (st != GS_OK) {
        net_region_free(&c->src);
        net_region_free(&c->dst);
    }
    return st;
}

static enum gs_status
run_connect(struct gs_call *call, int dim)
{
    struct gs_sim *sim = call->sim;
    struct net_connect c;
    struct gs_elist src = GS_ELIST_INIT, dst = GS_ELIST_INIT;
    if (cmd_net_connect_opts(call, dim, &c) != GS_OK)
        return GS_ERR;
    enum gs_status st = glob_some(sim, gs_arg(call, 0), &src);
    if (st == GS_OK)
        st = glob_some(sim, gs_arg(call, 1), &dst);
    if (st == GS_OK)
        st = net_connect(sim, &c, &src, &dst, NULL);
    elist_free(&src);
    elist_free(&dst);
    net_region_free(&c.src);
    net_region_free(&c.dst);
    return st;
}

static enum gs_status
cmd_planarconnect_exec(struct gs_call *call)
{
    return run_connect(call, 2);
}

static enum gs_status
cmd_volumeconnect_exec(struct gs_call *call)
{
    return run_connect(call, 3);
}

/* ---- weights and delays ------------------------------------------------------- */

/* Reads the random-part options shared by every weight and delay command.
 * Errors: more than one of -uniform, -gaussian, -exponential. */
static enum gs_status
random_opts(struct gs_call *call, struct net_value *v)
{
    static const char *const names[] = {"-uniform", "-gaussian", "-exponential"};
    static const enum net_rand kinds[] = {NET_R_UNIFORM, NET_R_GAUSSIAN, NET_R_EXPONENTIAL};
    int given = 0;
    for (int i = 0; i < 3; i++)
        if (gs_has_opt(call, names[i])) {
            given++;
            v->rand = kinds[i];
            v->r1 = gs_optval_real(call, names[i], 0);
            v->r2 = i ? gs_optval_real(call, names[i], 1) : 0;
        }
    if (given > 1)
        return gs_error(call->sim, "give at most one of -uniform, -gaussian and -exponential");
    v->absolute = gs_has_opt(call, "-absoluterandom");
    return GS_OK;
}

static enum gs_status
run_values(struct gs_call *call, struct net_value *v)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist src = GS_ELIST_INIT, dst = GS_ELIST_INIT;
    /* GENESIS sets nothing and says nothing when the sources match no
     * element (VAnet2 sets its inputs' weights before it makes them):
     * gensh goes on too, with a warning. */
    enum gs_status st = path_glob(sim, gs_arg(call, 0), &src);
    if (st == GS_OK && src.n == 0) {
        gs_warn(sim, "'%s' matches no element: no synapse was changed", gs_arg(call, 0));
        elist_free(&src);
        return GS_OK;
    }
    if (st == GS_OK && call->npos > 1)
        st = glob_some(sim, gs_arg(call, 1), &dst);
    if (st == GS_OK)
        st = net_set_values(sim, v, &src, call->npos > 1 ? &dst : NULL, NULL);
    elist_free(&src);
    elist_free(&dst);
    return st;
}

/* The rule of a delay (DELAY) or weight command from its options, shared
 * with rvolumedelay/rvolumeweight (cmd_network.h). */
enum gs_status
cmd_net_value_opts(struct gs_call *call, bool delay, int dim, struct net_value *v)
{
    *v = (struct net_value){.dim = dim, .delay = delay};
    if (delay) {
        bool fixed = gs_has_opt(call, "-fixed"), radial = gs_has_opt(call, "-radial");
        if (fixed == radial)
            return gs_error(call->sim, "give exactly one of -fixed delay and -radial velocity");
        v->rule = fixed ? NET_V_FIXED : NET_V_RADIAL;
        v->v = gs_optval_real(call, fixed ? "-fixed" : "-radial", 0);
        v->add = gs_has_opt(call, "-add");
    } else {
        bool fixed = gs_has_opt(call, "-fixed"), decay = gs_has_opt(call, "-decay");
        if (fixed == decay)
            return gs_error(call->sim, "give exactly one of -fixed weight and -decay rate max min");
        if (fixed) {
            v->rule = NET_V_FIXED;
            v->v = gs_optval_real(call, "-fixed", 0);
        } else {
            v->rule = NET_V_DECAY;
            v->rate = gs_optval_real(call, "-decay", 0);
            v->vmax = gs_optval_real(call, "-decay", 1);
            v->vmin = gs_optval_real(call, "-decay", 2);
        }
    }
    v->salt = net_hash_words(call->nwords, call->words);
    return random_opts(call, v);
}

static enum gs_status
run_delay(struct gs_call *call, int dim)
{
    struct net_value v;
    if (cmd_net_value_opts(call, true, dim, &v) != GS_OK)
        return GS_ERR;
    return run_values(call, &v);
}

static enum gs_status
run_weight(struct gs_call *call, int dim)
{
    struct net_value v;
    if (cmd_net_value_opts(call, false, dim, &v) != GS_OK)
        return GS_ERR;
    return run_values(call, &v);
}

static enum gs_status
cmd_planardelay_exec(struct gs_call *call)
{
    return run_delay(call, 2);
}

static enum gs_status
cmd_planarweight_exec(struct gs_call *call)
{
    return run_weight(call, 2);
}

static enum gs_status
cmd_volumedelay_exec(struct gs_call *call)
{
    return run_delay(call, 3);
}

static enum gs_status
cmd_volumeweight_exec(struct gs_call *call)
{
    return run_weight(call, 3);
}
