/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_interp.c: the interpreter core through its public API: commands
 * called from Lua return their values and raise located errors, script
 * errors are reported once and counted, -strict stops a file, quit
 * unwinds quietly, SIMPATH lookup, completion, and Lua prompt entries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../interp/interp.h"
#include "../tap.h"

struct run {
    struct gs_sim *sim;
    struct strbuf out;
    char errbuf[4096];
    FILE *err;
};

static void
run_open(struct run *r, bool strict)
{
    struct gs_options opt = {.strict = strict};
    memset(r->errbuf, 0, sizeof r->errbuf);
    r->sim = gs_sim_new(&opt, NULL);
    r->out = (struct strbuf)STRBUF_INIT;
    r->sim->capture = &r->out;
    r->err = fmemopen(r->errbuf, sizeof r->errbuf - 1, "w");
    r->sim->err = r->err;
}

static void
run_close(struct run *r)
{
    fclose(r->err);
    sb_free(&r->out);
    gs_sim_free(r->sim);
}

/* Writes TEXT to a temp file named NAME in the current directory. */
static void
write_file(const char *name, const char *text)
{
    FILE *f = fopen(name, "w");
    fputs(text, f);
    fclose(f);
}

static void
test_lua_calls(void)
{
    struct run r;
    run_open(&r, false);
    write_file("t_calls.lua", "echo(strlen('abcd'), round(2.5), pow(2, 10))\n"
                              "local ok, err = pcall(sqrt, -1)\n"
                              "echo(err)\n");
    is_int(interp_run_file(r.sim, "t_calls.lua", 0, NULL), GS_OK, "a Lua script runs");
    fflush(r.err);
    is_str(sb_str(&r.out), "4 3 1024\nt_calls.lua:2: sqrt: expected a number >= 0, got '-1'\n",
           "commands return values and raise located errors");
    is_int(r.sim->nerrors, 0, "a caught error is not counted");
    run_close(&r);
    unlink("t_calls.lua");
}

static void
test_error_policy(void)
{
    struct run r;
    run_open(&r, false);
    write_file("t_err.lua", "echo('a')\nsqrt('x')\necho('b')\n");
    is_int(interp_run_file(r.sim, "t_err.lua", 0, NULL), GS_ERR, "an uncaught error stops a Lua file");
    fflush(r.err);
    is_str(r.errbuf, "gensh: t_err.lua:2: sqrt: x expects a number, got 'x'\n",
           "the error is printed once with its location");
    is_int(r.sim->nerrors, 1, "and counted");
    is_str(sb_str(&r.out), "a\n", "output before the error stays");
    run_close(&r);
    unlink("t_err.lua");
}

static void
test_quit(void)
{
    struct run r;
    run_open(&r, false);
    write_file("t_quit.lua", "echo('x')\nquit()\necho('y')\n");
    interp_run_file(r.sim, "t_quit.lua", 0, NULL);
    fflush(r.err);
    ok(r.sim->quit_requested, "quit is recorded");
    is_str(sb_str(&r.out), "x\n", "nothing runs after quit");
    is_str(r.errbuf, "", "quit is not an error");
    run_close(&r);
    unlink("t_quit.lua");
}

static void
test_find_file(void)
{
    struct run r;
    run_open(&r, false);
    mkdir("t_lib", 0755);
    write_file("t_lib/protos.g", "");
    setenv("SIMPATH", "/nonexistent t_lib", 1);
    char *p = interp_find_file(r.sim, "protos", ".g");
    is_str(p, "t_lib/protos.g", "SIMPATH is searched and .g added");
    free(p);
    ok(interp_find_file(r.sim, "nothere", ".g") == NULL, "a missing file is NULL");
    unsetenv("SIMPATH");
    unlink("t_lib/protos.g");
    rmdir("t_lib");
    run_close(&r);
}

static bool
count_cand(const char *cand, void *arg)
{
    int *n = arg;
    if (strcmp(cand, "strcat") == 0 || strcmp(cand, "strcmp") == 0)
        (*n)++;
    return true;
}

static void
test_complete(void)
{
    struct run r;
    run_open(&r, false);
    int n = 0;
    interp_complete(r.sim, "strc", true, count_cand, &n);
    is_int(n, 2, "command names complete");
    run_close(&r);
}

static void
test_lua_prompt(void)
{
    struct run r;
    run_open(&r, false);
    ok(interp_lua_needs_more(r.sim, "for i = 1, 3 do") == INTERP_NEEDS_MORE,
       "an open Lua block needs more");
    ok(interp_lua_needs_more(r.sim, "x = 1") == INTERP_COMPLETE, "a statement is complete");
    is_int(interp_eval_lua(r.sim, "y = 6 * 7"), GS_OK, "a Lua statement runs");
    is_int(interp_eval_lua(r.sim, "echo(y)"), GS_OK, "globals persist between entries");
    is_str(sb_str(&r.out), "42\n", "the value is there");
    run_close(&r);
}

int
main(void)
{
    test_lua_calls();
    test_error_policy();
    test_quit();
    test_find_file();
    test_complete();
    test_lua_prompt();
    return tap_exit();
}
