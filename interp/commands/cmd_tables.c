/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_tables.c: the tables family: filling the gate tables of tabchannels
 * from rate formulas (setupalpha, setuptau), converting tables filled by
 * hand (tweakalpha, tweaktau), reshaping them (scaletabchan), and filling
 * a `table` element's table (setupgate). The arithmetic is in
 * models/channels/gate_tables.c, GENESIS 2.4's to the bit.
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/channels/gate_tables.h"
#include "../../models/channels/tabchannel.h"
#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_scaletabchan_exec(struct gs_call *call);
static enum gs_status cmd_setupalpha_exec(struct gs_call *call);
static enum gs_status cmd_setupgate_exec(struct gs_call *call);
static enum gs_status cmd_setuptau_exec(struct gs_call *call);
static enum gs_status cmd_tweakalpha_exec(struct gs_call *call);
static enum gs_status cmd_tweaktau_exec(struct gs_call *call);

static const struct gs_opt setup_opts[] = {
    {"-size", 1, GS_ARG_INT,
     "n: the number of table divisions (default 3000)"},
    {"-range", 2, GS_ARG_REAL,
     "min max: the voltage range of the tables (default -0.1 to 0.05 V)"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt setupgate_opts[] = {
    {"-size", 1, GS_ARG_INT,
     "n: the number of table divisions (default 3000)"},
    {"-range", 2, GS_ARG_REAL,
     "min max: the range of the table (default -0.1 to 0.05)"},
    {"-noalloc", 0, GS_ARG_STR,
     "fill the table that exists instead of making a new one"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt scale_opts[] = {
    {"-duplicate", 0, GS_ARG_STR,
     "give this channel its own copy of the shared tables first"},
    {NULL, 0, 0, NULL},
};

#define SETUP_POS                                                                                 \
    {{"channel", GS_ARG_STR}, {"gate", GS_ARG_STR}, {"AA", GS_ARG_REAL}, {"AB", GS_ARG_REAL},   \
     {"AC", GS_ARG_REAL}, {"AD", GS_ARG_REAL}, {"AF", GS_ARG_REAL}, {"BA", GS_ARG_REAL}}

const struct gs_cmd cmd_scaletabchan_entry = {
    .name = "scaletabchan",
    .family = "tables",
    .summary = "scale and shift the alpha, beta, tau or minf of a tabchannel gate",
    .usage = "channel gate mode sx sy ox oy [-duplicate]",
    .pos = {{"channel", GS_ARG_STR}, {"gate", GS_ARG_STR}, {"mode", GS_ARG_STR},
            {"sx", GS_ARG_REAL}, {"sy", GS_ARG_REAL}, {"ox", GS_ARG_REAL}, {"oy", GS_ARG_REAL}},
    .min_pos = 7,
    .max_pos = 7,
    .opts = scale_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_scaletabchan_exec,
};

const struct gs_cmd cmd_setupalpha_entry = {
    .name = "setupalpha",
    .family = "tables",
    .summary = "fill a tabchannel gate from alpha and beta (A + B v)/(C + exp((v + D)/F))",
    .usage = "channel gate AA AB AC AD AF BA BB BC BD BF [-size n] [-range min max]",
    .pos = SETUP_POS,
    .min_pos = 12,
    .max_pos = 12,
    .opts = setup_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setupalpha_exec,
};

const struct gs_cmd cmd_setupgate_entry = {
    .name = "setupgate",
    .family = "tables",
    .summary = "fill a table element from (A + B x)/(C + exp((x + D)/F))",
    .usage = "element table A B C D F [-size n] [-range min max] [-noalloc]",
    .pos = {{"element", GS_ARG_STR}, {"table", GS_ARG_STR}, {"A", GS_ARG_REAL},
            {"B", GS_ARG_REAL}, {"C", GS_ARG_REAL}, {"D", GS_ARG_REAL}, {"F", GS_ARG_REAL}},
    .min_pos = 7,
    .max_pos = 7,
    .opts = setupgate_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setupgate_exec,
};

const struct gs_cmd cmd_setuptau_entry = {
    .name = "setuptau",
    .family = "tables",
    .summary = "fill a tabchannel gate from tau and minf (A + B v)/(C + exp((v + D)/F))",
    .usage = "channel gate AA AB AC AD AF BA BB BC BD BF [-size n] [-range min max]",
    .pos = SETUP_POS,
    .min_pos = 12,
    .max_pos = 12,
    .opts = setup_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setuptau_exec,
};

const struct gs_cmd cmd_tweakalpha_entry = {
    .name = "tweakalpha",
    .family = "tables",
    .summary = "turn a gate's alpha, beta tables (filled by hand) into A, A + B",
    .usage = "channel gate",
    .pos = {{"channel", GS_ARG_STR}, {"gate", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_tweakalpha_exec,
};

const struct gs_cmd cmd_tweaktau_entry = {
    .name = "tweaktau",
    .family = "tables",
    .summary = "turn a gate's tau, minf tables (filled by hand) into minf/tau, 1/tau",
    .usage = "channel gate",
    .pos = {{"channel", GS_ARG_STR}, {"gate", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_tweaktau_exec,
};

/* ---- exec functions ---------------------------------------------------- */

/* The tabchannel named by positional 0 and its gate letter (positional 1). */
static enum gs_status
channel_gate(struct gs_call *call, struct gs_element **el, char *g)
{
    struct gs_sim *sim = call->sim;
    if (path_find(sim, gs_arg(call, 0), el) != GS_OK)
        return GS_ERR;
    if ((*el)->cls != &tabchannel_class)
        return gs_error(sim, "'%s' is a %s, expected a tabchannel", gs_arg(call, 0),
                        (*el)->cls->name);
    const char *w = gs_arg(call, 1);
    if (strcmp(w, "X") != 0 && strcmp(w, "Y") != 0 && strcmp(w, "Z") != 0)
        return gs_error(sim, "gate must be X, Y or Z, got '%s'", w);
    *g = w[0];
    return GS_OK;
}

/* The gate's tables, which must exist. */
static enum gs_status
gate_tables(struct gs_call *call, struct gs_element *el, char g, struct interpol **A,
            struct interpol **B)
{
    struct interpol **pb = NULL, **pa = tabchannel_gate(GS_INST(struct tabchannel, el), g, &pb);
    if (!*pa || !(*pa)->allocated || !*pb || !(*pb)->allocated)
        return gs_error(call->sim, "gate %c of '%s' has no tables (setupalpha or TABCREATE)", g,
                        gs_arg(call, 0));
    if ((*pa)->xdivs != (*pb)->xdivs)
        return gs_error(call->sim, "tables %c_A and %c_B of '%s' differ in size", g, g,
                        gs_arg(call, 0));
    *A = *pa;
    *B = *pb;
    return GS_OK;
}

static enum gs_status
setup(struct gs_call *call, enum gt_mode mode)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    char g;
    double args[10];
    if (channel_gate(call, &el, &g) != GS_OK)
        return GS_ERR;
    for (int i = 0; i < 10; i++)
        if (!gs_parse_real(gs_arg(call, 2 + i), &args[i]))
            return gs_error(sim, "expected a number for %s, got '%s'",
                            i < 5 ? "an alpha coefficient" : "a beta coefficient",
                            gs_arg(call, 2 + i));
    long xdivs = GT_XDIVS;
    double xmin = GT_XMIN, xmax = GT_XMAX;
    if (gs_has_opt(call, "-size"))
        xdivs = gs_optval_int(call, "-size", 0);
    if (gs_has_opt(call, "-range")) {
        xmin = gs_optval_real(call, "-range", 0);
        xmax = gs_optval_real(call, "-range", 1);
    }
    if (xdivs < 1 || xdivs > 100000000)
        return gs_error(sim, "-size must be between 1 and 100000000, got %ld", xdivs);
    if (tabchannel_new_tables(sim, el, g, (int)xdivs, xmin, xmax) != GS_OK)
        return GS_ERR;
    struct interpol *A, *B;
    if (gate_tables(call, el, g, &A, &B) != GS_OK)
        return GS_ERR;
    gt_setup(A->table, B->table, A->xdivs, xmin, xmax, args, mode, false);
    return GS_OK;
}

static enum gs_status
tweak(struct gs_call *call, enum gt_mode mode)
{
    struct gs_element *el;
    char g;
    struct interpol *A, *B;
    if (channel_gate(call, &el, &g) != GS_OK || gate_tables(call, el, g, &A, &B) != GS_OK)
        return GS_ERR;
    gt_tweak(A->table, B->table, A->xdivs, mode);
    model_changed(call->sim->model);
    return GS_OK;
}

static enum gs_status
cmd_scaletabchan_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    char g;
    struct interpol *A, *B;
    if (channel_gate(call, &el, &g) != GS_OK || gate_tables(call, el, g, &A, &B) != GS_OK)
        return GS_ERR;
    char mode = gs_arg(call, 2)[0];
    if (mode != 'a' && mode != 'b' && mode != 't' && mode != 'm')
        return gs_error(sim, "mode must be alpha, beta, tau or minf (a, b, t, m), got '%s'",
                        gs_arg(call, 2));
    double sx = gs_arg_real(call, 3), sy = gs_arg_real(call, 4);
    double ox = gs_arg_real(call, 5), oy = gs_arg_real(call, 6);
    if (!((float)sx > 0))
        return gs_error(sim, "sx must be > 0, got '%s'", gs_arg(call, 3));
    if (gs_has_opt(call, "-duplicate")) {
        if (tabchannel_unshare(sim, el, g) != GS_OK || gate_tables(call, el, g, &A, &B) != GS_OK)
            return GS_ERR;
    }
    if (!gt_scale(A->table, B->table, A->xdivs, A->xmin, A->xmax, mode, sx, sy, ox, oy, false))
        return gs_error(sim, "cannot scale gate %c of '%s' (out of memory)", g, gs_arg(call, 0));
    model_changed(sim->model);
    return GS_OK;
}

static enum gs_status
cmd_setupalpha_exec(struct gs_call *call)
{
    return setup(call, GT_ALPHA);
}

static enum gs_status
cmd_setupgate_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    if (el->cls == &tabchannel_class)
        return gs_error(sim, "a tabchannel's A and B tables are set together: use setupalpha "
                        "or setuptau");
    struct gs_fref f;
    if (strcmp(el->cls->name, "table") != 0 || field_find(sim, el, "table", &f) != GS_OK ||
        f.type != GS_TABLE) {
        gs_diag_clear(sim);
        return gs_error(sim, "'%s' is a %s, expected a table", gs_arg(call, 0), el->cls->name);
    }
    double abcdf[5];
    for (int i = 0; i < 5; i++)
        abcdf[i] = gs_arg_real(call, 2 + i);
    long xdivs = GT_XDIVS;
    double xmin = GT_XMIN, xmax = GT_XMAX;
    if (gs_has_opt(call, "-size"))
        xdivs = gs_optval_int(call, "-size", 0);
    if (gs_has_opt(call, "-range")) {
        xmin = gs_optval_real(call, "-range", 0);
        xmax = gs_optval_real(call, "-range", 1);
    }
    if (xdivs <= 9 || xdivs > 100000000)
        return gs_error(sim, "a table needs at least 10 divisions, got %ld", xdivs);
    if (!(xmin < xmax))
        return gs_error(sim, "xmin %g must be less than xmax %g", xmin, xmax);
    struct interpol **ip = f.addr;
    if (gs_has_opt(call, "-noalloc")) {
        if (!*ip || !(*ip)->allocated)
            return gs_error(sim, "-noalloc needs a table already made (TABCREATE)");
        xdivs = (*ip)->xdivs;
    } else {
        if (!*ip)
            *ip = interpol_new();
        if (interpol_alloc(sim, *ip, (int)xdivs, xmin, xmax) != GS_OK)
            return GS_ERR;
    }
    gt_setupgate((*ip)->table, (int)xdivs, xmin, xmax, abcdf);
    struct gs_fref a;
    if (field_find(sim, el, "alloced", &a) == GS_OK && a.type == GS_INT)
        *(int *)a.addr = 1;
    gs_diag_clear(sim);
    return GS_OK;
}

static enum gs_status
cmd_setuptau_exec(struct gs_call *call)
{
    return setup(call, GT_TAU);
}

static enum gs_status
cmd_tweakalpha_exec(struct gs_call *call)
{
    return tweak(call, GT_ALPHA);
}

static enum gs_status
cmd_tweaktau_exec(struct gs_call *call)
{
    return tweak(call, GT_TAU);
}
