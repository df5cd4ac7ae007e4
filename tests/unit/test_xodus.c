/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_xodus.c: the pieces of the headless XODUS classes that scripts do
 * not show directly: the geometry grammar, plot names made from labels,
 * the colour scale kept in the model, and interp_run_words (the way widget
 * callbacks reach the interpreter): script functions, commands, name@node,
 * errors under the script policy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../../models/graphics/graphics.h"
#include "../../models/graphics/xo_int.h"
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
    struct gs_options opt = {.strict = strict, .nox = true};
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

static void
test_geometry(void)
{
    struct run r;
    run_open(&r, false);
    static const char *const good[] = {"",
                                       "0",
                                       "-5",
                                       "+7",
                                       "25%",
                                       "0:RESET",
                                       "0:label.bottom",
                                       "-50:label.TOP",
                                       "80%:label.width",
                                       " 12 ",
                                       "3:last",
                                       "0:parent.right"};
    static const char *const bad[] = {
        "x", "1.5", "10px", "%", ":a", "1:", "1:a.", "1:a.mid", "1 2", "0:a,b", "--1", "1%%"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        gs_diag_clear(r.sim);
        char name[64];
        snprintf(name, sizeof name, "geometry '%s' accepted", good[i]);
        is_int(xo_geom_check(r.sim, "xgeom", good[i], false), GS_OK, name);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        gs_diag_clear(r.sim);
        char name[64];
        snprintf(name, sizeof name, "geometry '%s' refused", bad[i]);
        is_int(xo_geom_check(r.sim, "xgeom", bad[i], false), GS_ERR, name);
    }
    gs_diag_clear(r.sim);
    is_int(xo_geom_check(r.sim, "ygeom", "20%", true), GS_OK, "a form takes a percentage");
    is_int(xo_geom_check(r.sim, "ygeom", "0:last", true), GS_ERR, "but no reference");
    ok(strstr(r.sim->diag.msg, "not a reference") != NULL, "and says so");
    run_close(&r);
}

static void
test_names(void)
{
    char *s = xo_element_name("center 312");
    is_str(s, "center_312", "blanks become '_'");
    free(s);
    s = xo_element_name("a/b[3]*#");
    is_str(s, "a_b_3___", "path characters become '_'");
    free(s);
    s = xo_element_name("");
    is_str(s, "plot", "an empty label gives 'plot'");
    free(s);
    s = xo_element_name("..");
    is_str(s, "_.", "'..' is not a name");
    free(s);
}

static void
test_colorscale(void)
{
    struct run r;
    run_open(&r, false);
    is_str(r.sim->model->colorscale, "", "no colour scale at first");
    is_int(xo_colorscale(r.sim, "redhot"), GS_OK, "redhot is a colour scale");
    is_str(r.sim->model->colorscale, "redhot", "and is kept in the model");
    is_int(xo_colorscale(r.sim, "blue"), GS_ERR, "blue is not");
    is_str(r.sim->model->colorscale, "redhot", "and changes nothing");
    ok(!xo_have_display(r.sim), "headless: no display");
    run_close(&r);
}

static void
test_run_words(void)
{
    struct run r;
    run_open(&r, false);
    ok(r.sim->run_words == interp_run_words, "gs_sim_new installs run_words");
    const char *echo[] = {"echo", "a  b", "{not evaluated}"};
    is_int(r.sim->run_words(r.sim, 3, echo), GS_OK, "a command runs");
    is_str(sb_str(&r.out), "a  b {not evaluated}\n", "its words are passed as they are");
    sb_reset(&r.out);
    is_int(interp_eval_sli(r.sim, "function twice(x)\n echo {x} {x}\nend\n"), GS_OK,
           "a script function is defined");
    const char *call[] = {"twice", "7"};
    is_int(r.sim->run_words(r.sim, 2, call), GS_OK, "a script function runs");
    is_str(sb_str(&r.out), "7 7\n", "with its argument");
    sb_reset(&r.out);
    const char *remote[] = {"echo@0", "here"};
    is_int(r.sim->run_words(r.sim, 2, remote), GS_OK, "name@node runs on that node");
    is_str(sb_str(&r.out), "here\n", "here, node 0");
    const char *none[] = {"nosuchfunction", "1"};
    unsigned long nerr = r.sim->nerrors;
    is_int(r.sim->run_words(r.sim, 2, none), GS_OK, "an unknown name goes on (not -strict)");
    is_int(r.sim->nerrors, nerr + 1, "but is reported once");
    fflush(r.err);
    ok(strstr(r.errbuf, "unknown command 'nosuchfunction'") != NULL, "naming it");
    is_int(r.sim->run_words(r.sim, 0, none), GS_OK, "no words: nothing to do");
    run_close(&r);

    run_open(&r, true);
    is_int(r.sim->run_words(r.sim, 2, none), GS_ERR, "under -strict the scripts stop");
    interp_clear_stop(r.sim);
    run_close(&r);
}

int
main(void)
{
    test_geometry();
    test_names();
    test_colorscale();
    test_run_words();
    tap_done();
    return tap_failed ? 1 : 0;
}
