/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_par.c: the parallel facade on one rank (no MPI job; the same code
 * runs in a build without MPI): ranks and zones, paron/paroff checks,
 * meetings that complete at once, agreement keeping the failing rank's
 * message, remote calls, futures and their errors through a test hook,
 * the lookahead store, and the interpreter's side (gensh.rcall, async and
 * waiton from SLI).
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../../parallel/par.h"
#include "../tap.h"

static int hook_calls;
static char reported[512];

/* A fake interpreter: "val" returns its first word, "boom" fails. */
static void
fake_exec(struct gs_sim *sim, const struct par_request *req, struct par_result *res)
{
    (void)sim;
    hook_calls++;
    if (strcmp(req->name, "boom") == 0) {
        res->st = GS_ERR;
        sb_puts(&res->msg, "it blew up");
    } else if (strcmp(req->name, "val") == 0 && req->argc > 0) {
        res->has_value = true;
        res->kind = 's';
        sb_puts(&res->value, req->argv[0]);
    }
}

static void
fake_report(struct gs_sim *sim, const char *msg)
{
    (void)sim;
    snprintf(reported, sizeof reported, "%s", msg);
}

static struct gs_sim *
new_sim(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct par_hooks hooks = {.exec = fake_exec, .report = fake_report};
    par_set_hooks(sim, &hooks);
    return sim;
}

static void
test_ranks(void)
{
    struct gs_sim *sim = new_sim();
    is_int(par_rank(sim), 0, "rank 0");
    is_int(par_size(sim), 1, "one rank");
    is_int(par_mynode(sim), 0, "mynode 0");
    is_int(par_nnodes(sim), 1, "nnodes 1");
    is_int(par_myzone(sim), 0, "myzone 0");
    is_int(par_nzones(sim), 1, "nzones 1");
    is_int(par_total_node(sim, 0, 0), 0, "node 0 of zone 0 is total node 0");
    is_int(par_total_node(sim, 0, 1), -1, "there is no node 1");
    is_int(par_total_node(sim, 1, 0), -1, "there is no zone 1");
    ok(!par_is_on(sim), "off before paron");
    is_dbl(par_settings(sim)->msg_hang_time, 120, 0, 0, "msg_hang_time defaults to 120 s");
    is_dbl(par_settings(sim)->pvm_hang_time, 3, 0, 0, "pvm_hang_time defaults to 3 s");
    ok(par_settings(sim)->sync_before_step, "sync_before_step defaults to on");
    par_free(sim);
    gs_sim_free(sim);
}

static void
test_paron(void)
{
    struct gs_sim *sim = new_sim();
    struct par_paron spec = {.zoning = PAR_ZONES_PARALLEL, .silent = -1};
    is_int(par_paron(sim, &spec, "t.g:1"), GS_OK, "paron -parallel");
    ok(par_is_on(sim), "on after paron");
    gs_diag_clear(sim);
    is_int(par_paron(sim, &spec, "t.g:2"), GS_ERR, "a second paron fails");
    is_str(sim->diag.msg, "the parallel library is already on (paroff first)", "and says why");
    struct gs_element *post = path_lookup(sim, "/post");
    ok(post != NULL, "paron makes /post");
    struct strbuf v = STRBUF_INIT;
    struct gs_fref f;
    if (post && field_find(sim, post, "nnodes", &f) == GS_OK)
        field_format(sim, &f, &v);
    is_str(sb_str(&v), "1", "/post nnodes");
    gs_diag_clear(sim);
    is_int(post ? field_set(sim, post, "msg_hang_time", "7.5") : GS_ERR, GS_OK,
           "setfield /post msg_hang_time 7.5");
    is_dbl(par_settings(sim)->msg_hang_time, 7.5, 0, 0, "the wait time follows /post");
    is_int(post ? field_set(sim, post, "pvm_hang_time", "-1") : GS_OK, GS_ERR,
           "pvm_hang_time -1 is refused");
    is_str(sim->diag.msg, "pvm_hang_time must be >= 0 seconds, got -1", "saying why");
    gs_diag_clear(sim);
    is_int(post ? field_set(sim, post, "nnodes", "3") : GS_OK, GS_ERR, "nnodes is read-only");
    gs_diag_clear(sim);
    sb_free(&v);
    is_int(par_paroff(sim, "t.g:3"), GS_OK, "paroff");
    ok(!par_is_on(sim), "off after paroff");
    ok(path_lookup(sim, "/post") == NULL, "paroff deletes /post");
    is_dbl(par_settings(sim)->msg_hang_time, 7.5, 0, 0, "the settings stay");
    struct par_paron two = {.zoning = PAR_ZONES_FARM, .nodes = 2, .silent = -1};
    gs_diag_clear(sim);
    is_int(par_paron(sim, &two, "t.g:4"), GS_ERR, "paron -nodes 2 on one node fails");
    is_str(sim->diag.msg,
           "the script asks for 2 nodes (-nodes 2), but this run has only 1; stopping (start it "
           "with 'gensh -nodes 2 script')",
           "naming both counts and how to start it");
    ok(!par_is_on(sim), "and changes nothing");
    static const long mixed[] = {1, 1};
    struct par_paron mix = {.zoning = PAR_ZONES_MIXED, .mixed = mixed, .nmixed = 2, .silent = 2};
    is_int(par_paron(sim, &mix, "t.g:5"), GS_OK, "paron -mixed 1 1");
    is_int(sim->opt.silent, 2, "-silent sets the level");
    is_int(par_nzones(sim), 1, "one zone");
    par_paroff(sim, "t.g:6");
    static const long toobig[] = {2, 1};
    struct par_paron big = {.zoning = PAR_ZONES_MIXED, .mixed = toobig, .nmixed = 2, .silent = -1};
    gs_diag_clear(sim);
    is_int(par_paron(sim, &big, "t.g:7"), GS_ERR, "paron -mixed 2 1 on one node fails");
    is_str(sim->diag.msg, "-mixed 2 1: needs 2 nodes, but only 1 are left of 1", "and says why");
    par_free(sim);
    gs_sim_free(sim);
}

static void
test_meetings(void)
{
    struct gs_sim *sim = new_sim();
    is_int(par_barrier(sim, false, 7, 1, -1, "t.g:1"), GS_OK, "barrier of one completes");
    is_int(par_barrier(sim, true, PAR_BARRIER_ALL_DEFAULT, 0, 0.5, "t.g:2"), GS_OK,
           "barrierall too");
    is_int(par_agree(sim, "reset", GS_OK, "t.g:3"), GS_OK, "agreement on success");
    gs_error(sim, "bad field");
    is_int(par_agree(sim, "reset", GS_ERR, "t.g:4"), GS_ERR, "agreement on failure fails");
    is_str(sim->diag.msg, "bad field", "keeping this rank's message");
    gs_diag_clear(sim);
    double v[2] = {3, -1};
    is_int(par_allreduce(sim, false, PAR_SUM, v, 2, "test", "t.g:5"), GS_OK, "reduction");
    is_dbl(v[0], 3, 0, 0, "sum of one value is itself");
    struct par_spike in[] = {{0.002, 7}, {0.001, 9}, {0.002, 3}}, *out = NULL;
    size_t n = 0;
    is_int(par_exchange_spikes(sim, in, 3, &out, &n), GS_OK, "spike exchange");
    is_int(n, 3, "three spikes");
    ok(out[0].gid == 9 && out[1].gid == 3 && out[2].gid == 7, "sorted by (time, gid)");
    free(out);
    par_free(sim);
    gs_sim_free(sim);
}

static void
test_calls(void)
{
    struct gs_sim *sim = new_sim();
    struct strbuf value = STRBUF_INIT;
    char kind = 0;
    const char *args[] = {"hello", NULL};
    hook_calls = 0;
    is_int(par_call(sim, "0", "val", 1, args, 0, "t.g:1", &value, &kind), GS_OK, "val@0");
    is_str(sb_str(&value), "hello", "its value");
    is_int(kind, 's', "a string");
    is_int(hook_calls, 1, "ran once, here");
    sb_reset(&value);
    is_int(par_call(sim, "all", "val", 1, args, 0, "t.g:2", &value, &kind), GS_OK, "val@all");
    is_int(hook_calls, 2, "ran once more");
    is_int(par_call(sim, "others", "val", 1, args, 0, "t.g:3", NULL, &kind), GS_OK,
           "val@others names nobody on one node");
    is_int(kind, 0, "and has no value");
    is_int(hook_calls, 2, "nothing ran");
    gs_diag_clear(sim);
    is_int(par_call(sim, "1", "val", 1, args, 0, "t.g:4", NULL, NULL), GS_ERR, "val@1 fails");
    is_str(sim->diag.msg, "node 1 does not exist (node 0)", "before anything runs");
    is_int(hook_calls, 2, "nothing ran");
    gs_diag_clear(sim);
    is_int(par_call(sim, "0", "boom", 0, args, 0, "t.g:5", NULL, NULL), GS_ERR, "boom@0 fails");
    is_str(sim->diag.msg, "node 0: it blew up", "naming the node");
    gs_diag_clear(sim);
    sb_free(&value);
    par_free(sim);
    gs_sim_free(sim);
}

static void
test_futures(void)
{
    struct gs_sim *sim = new_sim();
    struct strbuf value = STRBUF_INIT;
    char kind = 0;
    const char *args[] = {"42", NULL};
    long f1 = 0, f2 = 0, f3 = 0;
    is_int(par_async(sim, "0", "val", 1, args, "t.g:1", PAR_ASYNC_KEEP, &f1), GS_OK, "async");
    is_int(f1, 1, "future 1");
    is_int(par_waiton(sim, f1, &value, &kind), GS_OK, "waiton 1");
    is_str(sb_str(&value), "42", "its value");
    gs_diag_clear(sim);
    is_int(par_waiton(sim, f1, NULL, NULL), GS_OK, "waiting again on a collected future is fine");
    is_int(par_waiton(sim, 9, NULL, NULL), GS_ERR, "waiton on a future never made fails");
    is_str(sim->diag.msg, "no future 9 (async has returned futures 1-1)", "and says why");
    gs_diag_clear(sim);
    reported[0] = '\0';
    is_int(par_async(sim, "0", "boom", 0, args, "t.g:2", 0, &f2), GS_OK, "async boom");
    is_str(reported, "t.g:2: async boom@0: node 0: it blew up",
           "its failure is reported at once when nobody waits for it");
    is_int(par_async(sim, "0", "boom", 0, args, "t.g:3", PAR_ASYNC_KEEP, &f3), GS_OK,
           "async boom -complete");
    is_int(par_waiton(sim, 0, NULL, NULL), GS_ERR, "waiton all reports a kept failure");
    is_str(sim->diag.msg, "node 0: it blew up", "naming the node");
    gs_diag_clear(sim);
    is_int(par_waiton(sim, 0, NULL, NULL), GS_OK, "nothing is left");
    sb_free(&value);
    par_free(sim);
    gs_sim_free(sim);
}

static void
test_lookahead(void)
{
    struct gs_sim *sim = new_sim();
    is_dbl(par_get_lookahead(sim, 0), 0, 0, 0, "no lookahead before anything");
    par_set_computed_lookahead(sim, 0, 0.002);
    is_dbl(par_get_lookahead(sim, 0), 0.002, 0, 0, "the computed one");
    ok(!par_lookahead_is_set(sim, 0), "is not 'set'");
    par_set_lookahead(sim, -1, 0.01);
    is_dbl(par_get_lookahead(sim, 0), 0.01, 0, 0, "setlookahead wins");
    ok(par_lookahead_is_set(sim, 0), "and is 'set'");
    par_set_lookahead(sim, -1, 0);
    is_dbl(par_get_lookahead(sim, 0), 0.002, 0, 0, "setlookahead with no value: computed again");
    par_free(sim);
    gs_sim_free(sim);
}

/* The interpreter's side: gensh.rcall and the commands, from Lua and SLI. */
static void
test_interp(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    is_int(interp_par_start(sim, 0), GS_OK, "interp_par_start");
    struct strbuf out = STRBUF_INIT;
    sim->capture = &out;
    is_int(interp_eval_lua(sim, "assert(gensh.rcall('0', 'mynode') == 0)"), GS_OK,
           "gensh.rcall returns the remote value");
    is_int(interp_eval_lua(sim, "gensh.rcall('all', 'echo', 'hi', 2)"), GS_OK, "echo@all");
    is_str(sb_str(&out), "hi 2\n", "prints (at the prompt, brought back)");
    sb_reset(&out);
    is_int(interp_eval_sli(sim, "echo {waiton {async mynode@0 -scalar}}"), GS_OK,
           "async and waiton from SLI");
    is_str(sb_str(&out), "0\n", "the future's value");
    sb_reset(&out);
    is_int(interp_eval_sli(sim, "echo {nnodes} {ntotalnodes} {mytotalnode} {nzones} {myzone}"),
           GS_OK, "the node numbers");
    is_str(sb_str(&out), "1 1 0 1 0\n", "on one node");
    sb_reset(&out);
    unsigned long errs = sim->nerrors;
    interp_eval_sli(sim, "echo@3 x");
    is_int(sim->nerrors, errs + 1, "echo@3 on one node is an error");
    interp_eval_sli(sim, "barrier@0");
    is_int(sim->nerrors, errs + 2, "barrier cannot run remotely");
    sim->capture = NULL;
    sb_free(&out);
    par_finalize(sim, 0);
    gs_sim_free(sim);
}

int
main(void)
{
    test_ranks();
    test_paron();
    test_meetings();
    test_calls();
    test_futures();
    test_lookahead();
    test_interp();
    return tap_exit();
}
