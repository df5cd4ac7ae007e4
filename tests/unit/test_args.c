/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_args.c: the shared argument parser: option abbreviations, ambiguous
 * and unknown options, counts, number checks, -usage, negative numbers as
 * values.
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/cmd.h"
#include "../../interp/interp.h"
#include "../tap.h"

static int exec_calls;

static enum gs_status
probe_exec(struct gs_call *call)
{
    exec_calls++;
    return GS_OK;
}

static const struct gs_opt probe_opts[] = {
    {"-delta", 2, GS_ARG_REAL, "a test option"},
    {"-destmask", 1, GS_ARG_STR, "a test option"},
    {"-object", 0, GS_ARG_STR, "a test option"},
    {"-count", 1, GS_ARG_INT, "a test option"},
    {"-list", GS_VARARGS, GS_ARG_STR, "a test option"},
    {NULL, 0, 0, NULL},
};

static const struct gs_cmd probe = {
    .name = "probe",
    .family = "test",
    .summary = "a command for the parser tests",
    .usage = "src dest n [-delta dx dy] [-destmask m] [-object] [-count n] [-list words...]",
    .pos = {{"src", GS_ARG_STR}, {"dest", GS_ARG_STR}, {"n", GS_ARG_INT}},
    .min_pos = 3,
    .max_pos = 3,
    .opts = probe_opts,
    .exec = probe_exec,
};

/* Runs probe on a blank-separated line; returns the status. */
static enum gs_status
run(struct gs_sim *sim, struct gs_call *call, char *line)
{
    static const char *argv[32]; /* the call keeps pointing at it after run() */
    int n = 0;
    for (char *w = strtok(line, " "); w && n < 31; w = strtok(NULL, " "))
        argv[n++] = w;
    gs_diag_clear(sim);
    gs_call_init(call, sim, &probe, "t.g:1");
    return gs_call_run(call, n, argv);
}

static void
test_options(struct gs_sim *sim)
{
    struct gs_call c;
    char l1[] = "/a /b 3 -del 1e-3 -2.5e-3 -o";
    is_int(run(sim, &c, l1), GS_OK, "abbreviated options are accepted");
    is_dbl(gs_optval_real(&c, "-delta", 1), -2.5e-3, 0, 0, "a negative number is a value");
    ok(gs_has_opt(&c, "-object"), "flag option seen");
    is_int(gs_arg_int(&c, 2), 3, "integer positional");
    gs_call_done(&c);

    char l2[] = "/a /b 3 -de 1";
    is_int(run(sim, &c, l2), GS_ERR, "ambiguous prefix is an error");
    is_str(sim->diag.msg, "ambiguous option '-de' (could be -delta, -destmask)",
           "ambiguous error lists the candidates");
    gs_call_done(&c);

    char l3[] = "/a /b 3 -zap";
    is_int(run(sim, &c, l3), GS_ERR, "unknown option");
    is_str(sim->diag.msg, "unknown option '-zap'", "unknown option message");
    gs_call_done(&c);

    char l4[] = "/a /b 3 -delta 1e-3x 2";
    is_int(run(sim, &c, l4), GS_ERR, "1e-3x is not a number");
    is_str(sim->diag.msg, "option -delta expects a number, got '1e-3x'", "number check message");
    gs_call_done(&c);

    char l5[] = "/a /b 3 -delta 1";
    is_int(run(sim, &c, l5), GS_ERR, "too few option values");
    is_str(sim->diag.msg, "option -delta expects 2 values, got 1", "option count message");
    gs_call_done(&c);

    char l6[] = "-list x y z /a /b 3";
    is_int(run(sim, &c, l6), GS_ERR, "varargs option eats up to the next option");
    gs_call_done(&c);

    char l7[] = "/a /b 3 -list x y z -o";
    is_int(run(sim, &c, l7), GS_OK, "varargs option then a flag");
    is_int(gs_optval_count(&c, "-list"), 3, "varargs option value count");
    is_str(gs_optval(&c, "-list", 2), "z", "varargs option value");
    gs_call_done(&c);
}

static void
test_positionals(struct gs_sim *sim)
{
    struct gs_call c;
    char l1[] = "/a /b";
    is_int(run(sim, &c, l1), GS_ERR, "too few arguments");
    is_str(sim->diag.msg,
           "expected 3 arguments, got 2 (usage: probe src dest n [-delta dx dy] [-destmask m] "
           "[-object] [-count n] [-list words...])",
           "count error shows the usage");
    gs_call_done(&c);

    char l2[] = "/a /b 2.5";
    is_int(run(sim, &c, l2), GS_ERR, "2.5 is not an integer");
    is_str(sim->diag.msg, "n expects an integer, got '2.5'", "integer check message");
    gs_call_done(&c);

    char l3[] = "/a /b 4.0";
    is_int(run(sim, &c, l3), GS_OK, "4.0 is accepted as an integer");
    is_int(gs_arg_int(&c, 2), 4, "4.0 reads as 4");
    gs_call_done(&c);

    int before = exec_calls;
    char l4[] = "-usage";
    is_int(run(sim, &c, l4), GS_OK, "-usage succeeds");
    is_int(exec_calls, before, "-usage does not run the command");
    gs_call_done(&c);
}

static void
test_numbers(void)
{
    double d;
    long l;
    ok(gs_parse_real(" 1e-3 ", &d) && d == 1e-3, "blanks around a number are fine");
    ok(!gs_parse_real("", &d), "empty is not a number");
    ok(!gs_parse_real("1e999", &d), "overflow is not a number");
    ok(gs_parse_int("-12", &l) && l == -12, "negative integer");
    ok(!gs_parse_int("12abc", &l), "trailing junk is rejected");
}

int
main(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct strbuf out = STRBUF_INIT;
    sim->capture = &out; /* keep -usage output out of the TAP stream */
    test_options(sim);
    test_positionals(sim);
    test_numbers();
    sb_free(&out);
    gs_sim_free(sim);
    return tap_exit();
}
