/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_sched.c: clocks, the default schedule and its order, clock ratios,
 * GENESIS step counting for -time, step before reset, stop/interrupt, and
 * the compiled-model hook (takes elements over, advances once per step at
 * the first task that held one, recompiles after a structural change).
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../tap.h"

static struct gs_element *
mk(struct gs_sim *sim, const char *cls, const char *name)
{
    struct gs_element *el = NULL;
    if (elem_create(sim, class_find(cls), sim->model->root, name, 0, &el) != GS_OK)
        diag("cannot create %s: %s", name, sim->diag.msg);
    return el;
}

static double
num(struct gs_sim *sim, struct gs_element *el, const char *field)
{
    struct gs_fref f;
    if (field_find(sim, el, field, &f) != GS_OK)
        return -999;
    return field_real(sim, &f);
}

static enum gs_status
steps(struct gs_sim *sim, long n)
{
    struct sim_step_opts o = {.nsteps = n};
    return sim_step(sim, &o, NULL);
}

static void
test_default_schedule(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_model *m = sim->model;
    is_int(m->ntask, 14, "the default schedule has GENESIS's 14 tasks");
    ok(strcmp(m->task[0].path, "/##[CLASS=buffer]") == 0 && m->task[0].action == GS_ACT_INIT,
       "task 1: buffer INIT");
    ok(strcmp(m->task[12].path, "/##[CLASS=device]") == 0
           && m->task[12].action == GS_ACT_PROCESS,
       "task 13: device PROCESS");
    ok(strcmp(m->task[13].path, "/##[CLASS=output]") == 0, "task 14: output last");
    is_dbl(m->clock[0], 1.0, 0, 0, "clock 0 starts at 1");
    ok(sched_add(sim, "Simulate", "/##", "FOO") == GS_ERR, "an unknown action is refused");
    gs_diag_clear(sim);
    ok(sched_add(sim, "Other", "/##", "PROCESS") == GS_ERR, "an unknown task function");
    gs_diag_clear(sim);
    is_int(m->ntask, 14, "nothing added");
    gs_sim_free(sim);
}

static void
test_order(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    clock_set(sim, 0, 1e-3);
    struct gs_element *p = mk(sim, "pulsegen", "p");
    struct gs_element *t = mk(sim, "table", "t");
    struct gs_element *d = mk(sim, "diffamp", "d");
    /* pulsegen: 1 from t = 2 ms on (free run, long cycle) */
    const char *fn[] = {"level1", "delay1", "width1"}, *fv[] = {"1", "0.0015", "1"};
    field_set_many(sim, p, 3, fn, fv);
    field_set(sim, d, "gain", "1");
    field_set(sim, d, "saturation", "10");
    const char *s_out[] = {"output"};
    /* table (segment) runs before the devices: it sees last step's pulse */
    msg_add(sim, p, t, "SUM", 1, s_out, NULL);
    /* diffamp (device) was created after the pulsegen: same task, later */
    msg_add(sim, p, d, "PLUS", 1, s_out, NULL);
    ok(steps(sim, 1) == GS_ERR, "step before reset is an error");
    is_str(sim->diag.msg, "the simulation has not been reset; run 'reset' first", "saying so");
    gs_diag_clear(sim);
    ok(sim_reset(sim) == GS_OK, "reset");
    steps(sim, 2); /* t = 0, 1 ms: pulse still 0 */
    is_dbl(num(sim, p, "output"), 0, 0, 0, "pulse off at 1 ms");
    steps(sim, 1); /* t = 2 ms: pulse on */
    is_dbl(num(sim, p, "output"), 1, 0, 0, "pulse on at 2 ms");
    is_dbl(num(sim, d, "output"), 1, 0, 0, "the later device sees it in the same step");
    is_dbl(num(sim, t, "output"), 1, 0, 0, "table: 1 * 1 + 0 = 1 before the sum arrives");
    steps(sim, 1);
    is_dbl(num(sim, t, "output"), 2, 0, 0, "the segment sees the device one step later");
    is_int(sim->model->step, 4, "four steps taken");
    is_dbl(sim->model->time, 4e-3, 1e-12, 0, "time advanced by 4 dt");
    gs_sim_free(sim);
}

static void
test_clocks(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    clock_set(sim, 0, 0.5);
    clock_set(sim, 3, 1.5);
    ok(clock_set(sim, 100, 1) == GS_ERR, "clock 100 does not exist");
    gs_diag_clear(sim);
    ok(clock_set(sim, 2, -1) == GS_ERR, "a negative interval is refused");
    gs_diag_clear(sim);
    struct gs_element *t = mk(sim, "table", "t");
    const char *args[] = {"10", "0", "10"};
    class_extra(t->cls, "TABCREATE")->fn(sim, t, 3, args);
    field_set(sim, t, "step_mode", "3"); /* buffer: one sample per tick */
    struct gs_element *p = mk(sim, "pulsegen", "p");
    const char *s_out[] = {"output"};
    msg_add(sim, p, t, "INPUT", 1, s_out, NULL);
    clock_use(sim, t, 3);
    sim_reset(sim);
    steps(sim, 7); /* steps 0..6; clock 3 fires every 3 base steps: 0, 3, 6 */
    is_dbl(num(sim, t, "output"), 3, 0, 0, "a clock of 3 dt fires at steps 0, 3 and 6");
    struct gs_element *t2 = mk(sim, "table", "t2");
    clock_use(sim, t2, 7); /* never set: never runs */
    field_set(sim, t2, "step_mode", "1");
    steps(sim, 2);
    is_dbl(num(sim, t2, "output"), 0, 0, 0, "an element on an unset clock never runs");
    gs_sim_free(sim);
}

static void
test_time_counting(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    clock_set(sim, 0, 50e-6);
    sim_reset(sim);
    struct sim_step_opts o = {.by_time = true, .duration = 0.5};
    long n = 0;
    ok(sim_step(sim, &o, &n) == GS_OK, "step 0.5 -time");
    is_int(n, 10001, "GENESIS counts 10,001 steps for 0.5 s at 50 us");
    is_dbl(sim->model->time, 0.50005, 1e-12, 0, "ending at 0.50005");
    o.duration = 0.001;
    sim_step(sim, &o, &n);
    /* t0 = 0.50005 rounded to float is above 0.50005, so 20 steps fall
     * just short of 1 ms in GENESIS's comparison: 21. */
    is_int(n, 21, "then 1 ms more is 21 steps (float start time)");
    sim->interrupted = 1;
    ok(steps(sim, 5) == GS_ERR, "an interrupt stops the step");
    ok(strncmp(sim->diag.msg, "interrupted at t = ", 19) == 0, "and says when");
    gs_diag_clear(sim);
    sim->interrupted = 0;
    gs_sim_free(sim);
}

/* A fake compiled model that takes over every table. */
struct fake {
    int compiles, advances, releases;
    long last_step;
};

static enum gs_status
fake_compile(struct gs_sim *sim, void *state)
{
    struct fake *f = state;
    f->compiles++;
    struct gs_elist l = GS_ELIST_INIT;
    path_glob(sim, "/##[TYPE=table]", &l);
    for (size_t i = 0; i < l.n; i++)
        l.v[i]->solver_index = (int)i;
    elist_free(&l);
    return GS_OK;
}

static enum gs_status
fake_advance(struct gs_sim *sim, void *state, const struct gs_tick *tick, long n)
{
    (void)sim;
    struct fake *f = state;
    f->advances += (int)n;
    f->last_step = tick->step;
    return GS_OK;
}

static void
fake_release(struct gs_sim *sim, void *state)
{
    struct fake *f = state;
    f->releases++;
    struct gs_elist l = GS_ELIST_INIT;
    path_glob(sim, "/##", &l);
    for (size_t i = 0; i < l.n; i++)
        l.v[i]->solver_index = -1;
    elist_free(&l);
}

static const struct gs_solver_ops fake_ops = {
    .name = "fake",
    .compile = fake_compile,
    .advance = fake_advance,
    .release = fake_release,
};

static void
test_solver_hook(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct fake f = {0};
    model_set_solver(sim->model, &fake_ops, &f);
    clock_set(sim, 0, 1);
    struct gs_element *t = mk(sim, "table", "t");
    field_set(sim, t, "step_mode", "1"); /* would copy time to output if processed */
    mk(sim, "pulsegen", "p");
    sim_reset(sim);
    is_int(f.compiles, 1, "reset compiles");
    ok(t->solver_index == 0, "the solver took the table");
    steps(sim, 3);
    is_int(f.advances, 3, "one advance per step");
    is_dbl(num(sim, t, "output"), 0, 0, 0, "the taken element's PROCESS did not run");
    int solver_tasks = 0;
    for (int i = 0; i < sim->model->ntask; i++)
        solver_tasks += sim->model->task[i].runs_solver;
    is_int(solver_tasks, 1, "the solver runs at one task");
    mk(sim, "neutral", "n"); /* a structural change */
    is_int(f.releases, 1, "it releases the compiled model");
    steps(sim, 1);
    is_int(f.compiles, 2, "and recompiles before the next step");
    is_int(f.last_step, 3, "advance gets the step number");
    gs_sim_free(sim);
}

int
main(void)
{
    test_default_schedule();
    test_order();
    test_clocks();
    test_time_counting();
    test_solver_hook();
    return tap_exit();
}
