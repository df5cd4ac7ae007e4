/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_par.c: the PGENESIS family (pgenesis/Hyperdoc/ref): paron, paroff,
 * the node and zone numbers, barrier and barrierall, async and waiton,
 * clearthreads, and the lookahead commands. Remote execution itself (cmd@nodes) is not
 * a command: the SLI compiler turns it into a call of gensh.R, served by
 * interp/lpar.c. Everything here goes through parallel/par.h, so it works
 * the same on one rank.
 */
#include <stdlib.h>
#include <string.h>

#include "../../parallel/par.h"
#include "../cmd.h"

static enum gs_status cmd_async_exec(struct gs_call *call);
static enum gs_status cmd_barrier_exec(struct gs_call *call);
static enum gs_status cmd_barrierall_exec(struct gs_call *call);
static enum gs_status cmd_clearthreads_exec(struct gs_call *call);
static enum gs_status cmd_getlookahead_exec(struct gs_call *call);
static enum gs_status cmd_mynode_exec(struct gs_call *call);
static enum gs_status cmd_mytotalnode_exec(struct gs_call *call);
static enum gs_status cmd_myzone_exec(struct gs_call *call);
static enum gs_status cmd_nnodes_exec(struct gs_call *call);
static enum gs_status cmd_ntotalnodes_exec(struct gs_call *call);
static enum gs_status cmd_nzones_exec(struct gs_call *call);
static enum gs_status cmd_paroff_exec(struct gs_call *call);
static enum gs_status cmd_paron_exec(struct gs_call *call);
static enum gs_status cmd_setlookahead_exec(struct gs_call *call);
static enum gs_status cmd_showlookahead_exec(struct gs_call *call);
static enum gs_status cmd_waiton_exec(struct gs_call *call);

const struct gs_cmd cmd_async_entry = {
    .name = "async",
    .family = "par",
    .summary = "run a command on other nodes without waiting; returns a future",
    .usage = "command[@nodes] [arguments...] [-complete | -scalar]",
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW | GS_CMD_RESULT,
    .exec = cmd_async_exec,
};

const struct gs_cmd cmd_barrier_entry = {
    .name = "barrier",
    .family = "par",
    .summary = "wait until every node of this zone reaches the barrier with the same id",
    .usage = "[id [timeout [note-interval]]]",
    .pos = {{"id", GS_ARG_INT}, {"timeout", GS_ARG_REAL}, {"note-interval", GS_ARG_REAL}},
    .min_pos = 0,
    .max_pos = 3,
    .flags = GS_CMD_COLLECTIVE | GS_CMD_NO_REMOTE,
    .exec = cmd_barrier_exec,
};

const struct gs_cmd cmd_barrierall_entry = {
    .name = "barrierall",
    .family = "par",
    .summary = "wait until every node of every zone reaches the barrier with the same id",
    .usage = "[id [timeout [note-interval]]]",
    .pos = {{"id", GS_ARG_INT}, {"timeout", GS_ARG_REAL}, {"note-interval", GS_ARG_REAL}},
    .min_pos = 0,
    .max_pos = 3,
    .flags = GS_CMD_COLLECTIVE | GS_CMD_NO_REMOTE,
    .exec = cmd_barrierall_exec,
};

const struct gs_cmd cmd_clearthreads_entry = {
    .name = "clearthreads",
    .family = "par",
    .summary = "run the requests other nodes have sent so far, without waiting",
    .usage = "",
    .flags = GS_CMD_RESULT | GS_CMD_NO_REMOTE,
    .exec = cmd_clearthreads_exec,
};

const struct gs_cmd cmd_getlookahead_entry = {
    .name = "getlookahead",
    .family = "par",
    .summary = "the lookahead of this node with respect to another node, in seconds",
    .usage = "node",
    .pos = {{"node", GS_ARG_INT}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getlookahead_exec,
};

const struct gs_cmd cmd_mynode_entry = {
    .name = "mynode",
    .family = "par",
    .summary = "the number of this node within its zone",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_mynode_exec,
};

const struct gs_cmd cmd_mytotalnode_entry = {
    .name = "mytotalnode",
    .family = "par",
    .summary = "the number of this node among all nodes of all zones",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_mytotalnode_exec,
};

const struct gs_cmd cmd_myzone_entry = {
    .name = "myzone",
    .family = "par",
    .summary = "the number of this node's zone",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_myzone_exec,
};

const struct gs_cmd cmd_nnodes_entry = {
    .name = "nnodes",
    .family = "par",
    .summary = "the number of nodes in this zone",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_nnodes_exec,
};

const struct gs_cmd cmd_ntotalnodes_entry = {
    .name = "ntotalnodes",
    .family = "par",
    .summary = "the number of nodes in all zones",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_ntotalnodes_exec,
};

const struct gs_cmd cmd_nzones_entry = {
    .name = "nzones",
    .family = "par",
    .summary = "the number of zones",
    .usage = "",
    .max_pos = GS_VARARGS, /* ignored, with a warning (PGENESIS ignores them) */
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_nzones_exec,
};

const struct gs_cmd cmd_paroff_entry = {
    .name = "paroff",
    .family = "par",
    .summary = "turn the parallel library off (every node of every zone)",
    .usage = "",
    .flags = GS_CMD_COLLECTIVE | GS_CMD_NO_REMOTE,
    .exec = cmd_paroff_exec,
};

/* PGENESIS's spawning options (-executable, -execdir, ...) are accepted and
 * have nothing to do: the ranks already run when the script does. */
static const struct gs_opt paron_opts[] = {
    {"-parallel", 0, GS_ARG_STR,
     "one zone holding every node"},
    {"-farm", 0, GS_ARG_STR,
     "one zone per node (the default)"},
    {"-mixed", GS_VARARGS, GS_ARG_STR,
     "nnodes nzones...: zones of these sizes (pairs: nzones zones of nnodes nodes)"},
    {"-nodes", 1, GS_ARG_INT,
     "n: check that the job has n nodes"},
    {"-silent", 1, GS_ARG_INT,
     "level: the silent level of the other nodes"},
    {"-output", 1, GS_ARG_STR,
     "name: node K > 0 writes its output to the file name.K"},
    {"-executable", 1, GS_ARG_STR,
     "f: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-execdir", 1, GS_ARG_STR,
     "d: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-altsimrc", 1, GS_ARG_STR,
     "f: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-startup", 1, GS_ARG_STR,
     "f: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-debug", 1, GS_ARG_STR,
     "flags: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-dbgout", 1, GS_ARG_STR,
     "f: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-nice", 1, GS_ARG_INT,
     "n: accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {"-batch", 0, GS_ARG_STR,
     "accepted (PGENESIS spawned the nodes; gensh's are already running)"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_paron_entry = {
    .name = "paron",
    .family = "par",
    .summary = "turn the parallel library on and divide the nodes into zones",
    .usage = "[-parallel | -farm | -mixed nnodes nzones...] [-nodes n] [-silent level] "
             "[-output name] [-executable f] [-execdir d] [-altsimrc f] [-startup f] "
             "[-debug flags] [-dbgout f] [-nice n] [-batch]",
    .min_pos = 0,
    .max_pos = 0,
    .opts = paron_opts,
    .flags = GS_CMD_COLLECTIVE | GS_CMD_NO_REMOTE,
    .exec = cmd_paron_exec,
};

const struct gs_cmd cmd_setlookahead_entry = {
    .name = "setlookahead",
    .family = "par",
    .summary = "set this node's lookahead (for every node, or one), or let gensh compute it",
    .usage = "[[node] seconds]",
    .pos = {{"node-or-seconds", GS_ARG_REAL}, {"seconds", GS_ARG_REAL}},
    .min_pos = 0,
    .max_pos = 2,
    .exec = cmd_setlookahead_exec,
};

const struct gs_cmd cmd_showlookahead_entry = {
    .name = "showlookahead",
    .family = "par",
    .summary = "print this node's lookahead with respect to every node of its zone",
    .usage = "",
    .exec = cmd_showlookahead_exec,
};

const struct gs_cmd cmd_waiton_entry = {
    .name = "waiton",
    .family = "par",
    .summary = "wait for an async command's future (or all of them); returns its value",
    .usage = "future | all",
    .pos = {{"future", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_NO_REMOTE,
    .exec = cmd_waiton_exec,
};

/* --- exec functions --------------------------------------------------------------- */

/* The node and zone numbers take no arguments; PGENESIS ignored any, and
 * scripts rely on it without knowing: GENESIS reads {mynode * 347} as the
 * command mynode with the words '*' and '347' (orient2's o.g). */
static void
ignore_args(struct gs_call *call)
{
    if (call->npos == 0)
        return;
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < call->npos; i++)
        sb_printf(&sb, "%s%s", i ? " " : "", call->pos[i]);
    gs_warn(call->sim, "ignoring the argument%s '%s', as PGENESIS does ({%s %s} is %s called "
                       "with %s, not arithmetic)",
            call->npos == 1 ? "" : "s", sb_str(&sb), call->cmd->name, sb_str(&sb),
            call->cmd->name, call->npos == 1 ? "it" : "them");
    sb_free(&sb);
}

static enum gs_status
cmd_async_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    int n = call->npos;
    unsigned flags = 0;
    /* -complete / -scalar are async's own only at the very end: earlier
     * words belong to the command. */
    while (n > 1 && (strcmp(call->pos[n - 1], "-complete") == 0
                     || strcmp(call->pos[n - 1], "-scalar") == 0)) {
        flags |= PAR_ASYNC_KEEP;
        n--;
    }
    const char *target = call->pos[0];
    const char *at = strchr(target, '@');
    char *name = at ? xstrndup(target, (size_t)(at - target)) : xstrdup(target);
    char *nodes = NULL;
    if (at) {
        nodes = xstrdup(at + 1);
    } else {
        /* No node list: this node (PGENESIS). */
        nodes = xasprintf("%d", par_mynode(sim));
    }
    enum gs_status st;
    const struct gs_cmd *cmd = gs_cmd_find(name);
    long future = 0;
    if (name[0] == '\0' || nodes[0] == '\0') {
        st = gs_error(sim, "expected command@nodes, got '%s'", target);
    } else if (cmd && (cmd->flags & GS_CMD_NO_REMOTE)) {
        st = gs_error(sim, "%s cannot run through async", name);
    } else {
        st = par_async(sim, nodes, name, n - 1, call->pos + 1, call->origin, flags, &future);
    }
    if (st == GS_OK)
        gs_result_int(call, future);
    free(name);
    free(nodes);
    return st;
}

/* barrier and barrierall: [id [timeout [note-interval]]]. */
static enum gs_status
barrier_common(struct gs_call *call, bool all)
{
    struct gs_sim *sim = call->sim;
    int id = all ? PAR_BARRIER_ALL_DEFAULT : PAR_BARRIER_DEFAULT;
    double timeout = 0;
    if (call->npos >= 1) {
        long v = gs_arg_int(call, 0);
        if (v < 1 || v > PAR_BARRIER_MAX_USER)
            return gs_error(sim, "barrier id must be 1-%d, got '%s'", PAR_BARRIER_MAX_USER,
                            gs_arg(call, 0));
        id = (int)v;
    }
    if (call->npos >= 2) {
        timeout = gs_arg_real(call, 1);
        if (timeout <= 0)
            return gs_error(sim, "timeout must be > 0 seconds, got '%s'", gs_arg(call, 1));
    }
    double note = -1;
    if (call->npos >= 3) {
        note = gs_arg_real(call, 2);
        if (note < 0)
            return gs_error(sim, "note interval must be >= 0 seconds, got '%s'",
                            gs_arg(call, 2));
    }
    enum gs_status st = par_barrier(sim, all, id, timeout, note, call->origin);
    if (st != GS_OK && sim->quit_requested)
        return GS_OK; /* leaving: the trampoline unwinds quietly */
    return st;
}

static enum gs_status
cmd_barrier_exec(struct gs_call *call)
{
    return barrier_common(call, false);
}

static enum gs_status
cmd_barrierall_exec(struct gs_call *call)
{
    return barrier_common(call, true);
}

/* PGENESIS's clearthreads: 1 once paron has run (0 before, when PGENESIS
 * had no postmaster), after running what has arrived. */
static enum gs_status
cmd_clearthreads_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    par_clear_requests(sim); /* GS_ERR only when quitting: the trampoline unwinds */
    gs_result_int(call, par_is_on(sim) ? 1 : 0);
    return GS_OK;
}

static enum gs_status
cmd_getlookahead_exec(struct gs_call *call)
{
    long node = gs_arg_int(call, 0);
    if (node < 0 || node >= par_nnodes(call->sim))
        return gs_error(call->sim, "node %ld does not exist (nodes 0-%d)", node,
                        par_nnodes(call->sim) - 1);
    int total = par_total_node(call->sim, par_myzone(call->sim), (int)node);
    gs_result_real(call, par_get_lookahead(call->sim, total));
    return GS_OK;
}

static enum gs_status
cmd_mynode_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_mynode(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_mytotalnode_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_rank(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_myzone_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_myzone(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_nnodes_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_nnodes(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_ntotalnodes_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_size(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_nzones_exec(struct gs_call *call)
{
    ignore_args(call);
    gs_result_int(call, par_nzones(call->sim));
    return GS_OK;
}

static enum gs_status
cmd_paroff_exec(struct gs_call *call)
{
    enum gs_status st = par_paroff(call->sim, call->origin);
    if (st != GS_OK && call->sim->quit_requested)
        return GS_OK;
    return st;
}

static enum gs_status
cmd_paron_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct par_paron spec = {.zoning = PAR_ZONES_FARM, .silent = -1};
    int nzoning = gs_has_opt(call, "-parallel") + gs_has_opt(call, "-farm")
                  + gs_has_opt(call, "-mixed");
    if (nzoning > 1)
        return gs_error(sim, "give one of -parallel, -farm and -mixed, not %d", nzoning);
    long *mixed = NULL;
    if (gs_has_opt(call, "-parallel")) {
        spec.zoning = PAR_ZONES_PARALLEL;
    } else if (gs_has_opt(call, "-mixed")) {
        int n = gs_optval_count(call, "-mixed");
        if (n < 2 || n % 2 != 0)
            return gs_error(sim, "-mixed expects pairs of 'nnodes nzones', got %d value%s", n,
                            n == 1 ? "" : "s");
        mixed = xcalloc((size_t)n, sizeof *mixed);
        for (int i = 0; i < n; i++) {
            /* A word that is not a number ("others") means: derive it. */
            if (!gs_parse_int(gs_optval(call, "-mixed", i), &mixed[i]))
                mixed[i] = 0;
        }
        spec.zoning = PAR_ZONES_MIXED;
        spec.mixed = mixed;
        spec.nmixed = n;
    }
    if (gs_has_opt(call, "-nodes")) {
        long n = gs_optval_int(call, "-nodes", 0);
        if (n < 1) {
            free(mixed);
            return gs_error(sim, "-nodes expects a positive number, got '%s'",
                            gs_optval(call, "-nodes", 0));
        }
        spec.nodes = (int)n;
    }
    if (gs_has_opt(call, "-silent"))
        spec.silent = (int)gs_optval_int(call, "-silent", 0);
    spec.output = gs_optval(call, "-output", 0);
    enum gs_status st = par_paron(sim, &spec, call->origin);
    free(mixed);
    /* Fewer nodes than the script needs: PGENESIS ends the run, and the
     * script would only fail later. Every node has the error (paron
     * agrees), reports it and stops, even when node 0's end of the run
     * reached it first. */
    if (st != GS_OK && spec.nodes > par_size(sim)) {
        sim->quit_requested = true;
        return st;
    }
    if (st != GS_OK && sim->quit_requested)
        return GS_OK;
    return st;
}

static enum gs_status
cmd_setlookahead_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    if (call->npos == 0) {
        par_set_lookahead(sim, -1, 0); /* back to the computed values */
        return GS_OK;
    }
    double value = gs_arg_real(call, call->npos - 1);
    if (value <= 0)
        return gs_error(sim, "lookahead must be > 0 seconds, got '%s'",
                        gs_arg(call, call->npos - 1));
    if (call->npos == 1) {
        par_set_lookahead(sim, -1, value);
        return GS_OK;
    }
    long node;
    if (!gs_parse_int(gs_arg(call, 0), &node))
        return gs_error(sim, "node expects an integer, got '%s'", gs_arg(call, 0));
    if (node < 0 || node >= par_nnodes(sim))
        return gs_error(sim, "node %ld does not exist (nodes 0-%d)", node, par_nnodes(sim) - 1);
    par_set_lookahead(sim, par_total_node(sim, par_myzone(sim), (int)node), value);
    return GS_OK;
}

static enum gs_status
cmd_showlookahead_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    int n = par_nnodes(sim), me = par_mynode(sim), zone = par_myzone(sim);
    for (int i = 0; i < n; i++) {
        if (i == me)
            continue;
        int total = par_total_node(sim, zone, i);
        double v = par_get_lookahead(sim, total);
        const char *how = par_lookahead_is_set(sim, total) ? "set" : "computed";
        if (v > 0)
            gs_out(sim, "lookahead of node %d with respect to node %d: %g s (%s)\n", me, i, v,
                   how);
        else
            gs_out(sim, "lookahead of node %d with respect to node %d: none yet (computed at "
                        "reset)\n",
                   me, i);
    }
    return GS_OK;
}

static enum gs_status
cmd_waiton_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *w = gs_arg(call, 0);
    long future = 0;
    if (strcmp(w, "all") != 0 && (!gs_parse_int(w, &future) || future < 1))
        return gs_error(sim, "expected a future (a number from async) or 'all', got '%s'", w);
    struct strbuf value = STRBUF_INIT;
    char kind = 0;
    enum gs_status st = par_waiton(sim, future, &value, &kind);
    double real;
    long integer;
    if (st == GS_OK && kind == 'i' && gs_parse_int(sb_str(&value), &integer))
        gs_result_int(call, integer);
    else if (st == GS_OK && kind == 'r' && gs_parse_real(sb_str(&value), &real))
        gs_result_real(call, real);
    else if (st == GS_OK && kind)
        gs_result_str(call, "%s", sb_str(&value));
    sb_free(&value);
    if (st != GS_OK && sim->quit_requested)
        return GS_OK;
    return st;
}
