/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sched.c: clocks, the schedule and the simulation loop.
 *
 * Time: clock 0 is the base step; simulation time accumulates it in double
 * after each step, as GENESIS does. An element runs in a step when its
 * clock is due: clock k with interval dt_k fires every round(dt_k/dt_0)
 * base steps, starting with step 0. A task is "Simulate PATH -action A";
 * resched expands PATH into the elements that implement A, leaving out
 * disabled elements and those the compiled model owns; the compiled model
 * advances once per base step at the first task that would have held one
 * of its elements (DESIGN decision 5).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bgstep.h"
#include "core_int.h"

/* ---- clocks ------------------------------------------------------------------ */

static enum gs_status
bad_clock(struct gs_sim *sim, int clock)
{
    return gs_error(sim, "clock %d does not exist (clocks are numbered 0 to %d)", clock,
                    GS_NCLOCKS - 1);
}

enum gs_status
clock_set(struct gs_sim *sim, int clock, double dt)
{
    if (clock < 0 || clock >= GS_NCLOCKS)
        return bad_clock(sim, clock);
    if (!(dt >= 0) || !isfinite(dt))
        return gs_error(sim, "clock interval must be a number >= 0, got %g", dt);
    sim->model->clock[clock] = dt;
    sim->model->sched_dirty = true;
    return GS_OK;
}

enum gs_status
clock_get(struct gs_sim *sim, int clock, double *dt)
{
    if (clock < 0 || clock >= GS_NCLOCKS)
        return bad_clock(sim, clock);
    *dt = sim->model->clock[clock];
    return GS_OK;
}

enum gs_status
clock_use(struct gs_sim *sim, struct gs_element *el, int clock)
{
    if (clock < 0 || clock >= GS_NCLOCKS)
        return bad_clock(sim, clock);
    el->clock = clock;
    return GS_OK;
}

void
clock_show(struct gs_sim *sim)
{
    gs_out(sim, "\nACTIVE CLOCKS\n-------------\n");
    for (int i = 0; i < GS_NCLOCKS; i++)
        if (sim->model->clock[i] != 0)
            gs_out(sim, "[%d] : %g\n", i, sim->model->clock[i]);
    gs_out(sim, "\n");
}

long
clock_ratio(const struct gs_model *m, int k)
{
    double dt0 = m->clock[0], dt = m->clock[k];
    if (k == 0)
        return 1;
    if (dt <= 0)
        return 0;
    long r = (long)(dt / dt0 + 0.5);
    return r < 1 ? 1 : r;
}

/* ---- schedule ------------------------------------------------------------------ */

static void
task_free(struct gs_task *t)
{
    free(t->func);
    free(t->path);
    elist_free(&t->elems);
}

enum gs_status
sched_add(struct gs_sim *sim, const char *func, const char *path, const char *action)
{
    struct gs_model *m = sim->model;
    if (strcmp(func, "Simulate") != 0)
        return gs_error(sim, "unknown task function '%s' (expected Simulate)", func);
    int a = class_action_find(action);
    if (a != GS_ACT_INIT && a != GS_ACT_PROCESS)
        return gs_error(sim, "a task runs INIT or PROCESS, got '%s'", action);
    /* Check the pattern's syntax now, not at the first step. */
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st = path_glob(sim, path, &l);
    elist_free(&l);
    if (st != GS_OK)
        return GS_ERR;
    if (m->ntask == m->captask) {
        m->captask = m->captask ? m->captask * 2 : 16;
        m->task = xreallocarray(m->task, (size_t)m->captask, sizeof *m->task);
    }
    struct gs_task *t = &m->task[m->ntask++];
    memset(t, 0, sizeof *t);
    t->func = xstrdup(func);
    t->path = xstrdup(path);
    t->action = (enum gs_action)a;
    m->sched_dirty = true;
    return GS_OK;
}

void
sched_clear(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    for (int i = 0; i < m->ntask; i++)
        task_free(&m->task[i]);
    m->ntask = 0;
    m->sched_dirty = true;
}

void
sched_default(struct gs_sim *sim)
{
    /* The order of GENESIS's startup/schedule.g (Schedules.txt). */
    static const char *const def[][2] = {
        {"/##[CLASS=buffer]", "INIT"},
        {"/##[CLASS=segment]", "INIT"},
        {"/##[CLASS=device]", "INIT"},
        {"/##[CLASS=buffer]", "PROCESS"},
        {"/##[CLASS=projection]", "PROCESS"},
        {"/##[CLASS=spiking]", "PROCESS"},
        {"/##[CLASS=gate]", "PROCESS"},
        {"/##[CLASS=segment][CLASS!=membrane][CLASS!=gate][CLASS!=concentration]"
         "[CLASS!=concbuffer]",
         "PROCESS"},
        {"/##[CLASS=membrane]", "PROCESS"},
        {"/##[CLASS=hsolver]", "PROCESS"},
        {"/##[CLASS=concentration]", "PROCESS"},
        {"/##[CLASS=concbuffer]", "PROCESS"},
        {"/##[CLASS=device]", "PROCESS"},
        {"/##[CLASS=output]", "PROCESS"},
    };
    sched_clear(sim);
    for (size_t i = 0; i < sizeof def / sizeof def[0]; i++)
        if (sched_add(sim, "Simulate", def[i][0], def[i][1]) != GS_OK)
            GS_BUG("the default schedule does not parse: %s", sim->diag.msg);
}

/* Whether EL lies under a disabled element: GENESIS's schedule, as the
 * compiled model, does not descend into a disabled subtree (prototypes in
 * /library). */
static bool
under_disabled(const struct gs_element *el)
{
    for (const struct gs_element *p = el->parent; p; p = p->parent)
        if (p->flags & GS_EL_DISABLED)
            return true;
    return false;
}

enum gs_status
sched_resched(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    bool solver_placed = false;
    /* Every task's elements in one walk of the tree (the default
     * schedule's 13 tasks took 13 walks, a third of building a large
     * network). */
    const char **paths = xcalloc((size_t)m->ntask + 1, sizeof *paths);
    struct gs_elist *lists = xcalloc((size_t)m->ntask + 1, sizeof *lists);
    for (int i = 0; i < m->ntask; i++)
        paths[i] = m->task[i].path;
    enum gs_status st = path_glob_many(sim, m->ntask, paths, lists);
    free(paths);
    if (st != GS_OK) {
        for (int i = 0; i < m->ntask; i++)
            elist_free(&lists[i]);
        free(lists);
        return GS_ERR;
    }
    for (int i = 0; i < m->ntask; i++) {
        struct gs_task *t = &m->task[i];
        struct gs_elist all = lists[i];
        t->elems.n = 0;
        t->runs_solver = false;
        for (size_t k = 0; k < all.n; k++) {
            struct gs_element *el = all.v[k];
            if (!elem_has_action(el, t->action) || under_disabled(el))
                continue;
            if (el->solver_index >= 0) {
                if (!solver_placed && m->compiled) {
                    t->runs_solver = true;
                    solver_placed = true;
                }
                continue;
            }
            elist_add(&t->elems, el);
        }
        elist_free(&all);
    }
    free(lists);
    m->sched_dirty = false;
    return GS_OK;
}

void
sched_show(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    if (m->sched_dirty && sched_resched(sim) != GS_OK)
        gs_diag_clear(sim);
    gs_out(sim, "\nWORKING SIMULATION SCHEDULE\n\n");
    int n = 0;
    for (int i = 0; i < m->ntask; i++) {
        const struct gs_task *t = &m->task[i];
        /* As GENESIS, only tasks with something to do are "working". */
        if (t->elems.n == 0 && !t->runs_solver)
            continue;
        gs_out(sim, "[%d] %s\t%s\t-action\t%s\t", ++n, t->func, t->path,
               class_action_name(t->action));
        if (t->runs_solver)
            gs_out(sim, "(+ compiled model: %s)", m->solver->name ? m->solver->name : "solver");
        gs_out(sim, "\n");
    }
    gs_out(sim, "\n");
}

/* ---- reset, check, step ----------------------------------------------------------- */

/* Runs RESET on EL and its subtree in tree order; the first failure wins. */
static enum gs_status
reset_tree(struct gs_sim *sim, struct gs_element *el)
{
    enum gs_status st = GS_OK;
    for (int i = 0; i < el->nin; i++)
        msg_resolve(el->in[i]);
    if (!(el->flags & GS_EL_DISABLED)) {
        if (el->extra && elem_saction(el, "RESET"))
            st = elem_run_saction(sim, el, "RESET", 0, NULL); /* addaction */
        else if (el->cls->reset)
            st = el->cls->reset(sim, el);
    }
    for (int i = 0; i < el->nchild && st == GS_OK; i++)
        st = reset_tree(sim, el->child[i]);
    return st;
}

/* Points every message slot at its source's instance again. */
static void
resolve_tree(struct gs_element *el)
{
    for (int i = 0; i < el->nin; i++)
        msg_resolve(el->in[i]);
    for (int i = 0; i < el->nchild; i++)
        resolve_tree(el->child[i]);
}

/* Compiles the model if a solver is installed and the model changed. */
static enum gs_status
compile(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    if (m->solver && !m->compiled) {
        /* Slots the last compile bound into its (now released) arrays must
         * not outlive them: start from the instances, the solver rebinds. */
        resolve_tree(m->root);
        if (m->solver->compile(sim, m->solver_state) != GS_OK)
            return GS_ERR;
        m->compiled = true;
        m->sched_dirty = true;
    }
    m->dirty = false;
    return GS_OK;
}

enum gs_status
sim_reset(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    if (m->stepping)
        return gs_error(sim, "cannot reset while a step is running (stop it first)");
    bgstep_cancel(sim);
    if (m->compiled) {
        /* Reset starts from the instances; drop the compiled state. */
        if (m->solver->release)
            m->solver->release(sim, m->solver_state);
        m->compiled = false;
    }
    m->time = 0;
    m->step = 0;
    if (reset_tree(sim, m->root) != GS_OK)
        return GS_ERR;
    if (compile(sim) != GS_OK)
        return GS_ERR;
    if (sched_resched(sim) != GS_OK)
        return GS_ERR;
    m->was_reset = true;
    return GS_OK;
}

/* A problem found by check: a warning line now, counted for the result. */
#define CHECK_PROBLEM(sim, n, ...)                                                                \
    do {                                                                                          \
        gs_warn(sim, __VA_ARGS__);                                                                \
        (n)++;                                                                                    \
    } while (0)

static void
check_tree(struct gs_sim *sim, struct gs_element *el, int *nerr)
{
    struct gs_model *m = sim->model;
    /* A disabled element hides its subtree (prototypes in /library), as
     * it does from the schedule and the compiled model. */
    if (el->flags & GS_EL_DISABLED)
        return;
    if (el->parent) {
        double dt = m->clock[el->clock];
        if (dt > 0 && dt < m->clock[0]) {
            char *p = elem_path_str(el);
            CHECK_PROBLEM(sim, *nerr, "the interval of '%s' (clock %d, %g) is less than "
                          "the simulation dt (%g)", p, el->clock, dt, m->clock[0]);
            free(p);
        }
        if (el->cls->check) {
            gs_diag_clear(sim);
            if (el->cls->check(sim, el) != GS_OK) {
                char *p = elem_path_str(el);
                CHECK_PROBLEM(sim, *nerr, "%s: %s", p, sim->diag.msg);
                free(p);
                gs_diag_clear(sim);
            }
        }
    }
    for (int i = 0; i < el->nchild; i++)
        check_tree(sim, el->child[i], nerr);
}

enum gs_status
sim_check(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    int nerr = 0;
    if (sched_resched(sim) != GS_OK)
        return GS_ERR;
    if (!(m->clock[0] > 0))
        CHECK_PROBLEM(sim, nerr, "invalid simulation step size %g (clock 0)", m->clock[0]);
    check_tree(sim, m->root, &nerr);
    /* An element must not run the same action twice per step. */
    for (int i = 0; i < m->ntask; i++)
        for (size_t k = 0; k < m->task[i].elems.n; k++)
            m->task[i].elems.v[k]->flags &= ~GS_EL_MARK;
    for (int a = 0; a < GS_ACT_COUNT_; a++) {
        for (int i = 0; i < m->ntask; i++) {
            struct gs_task *t = &m->task[i];
            if ((int)t->action != a)
                continue;
            for (size_t k = 0; k < t->elems.n; k++) {
                struct gs_element *el = t->elems.v[k];
                if (el->flags & GS_EL_MARK) {
                    char *p = elem_path_str(el);
                    CHECK_PROBLEM(sim, nerr, "'%s' is scheduled twice for action %s "
                                  "(task %d)", p, class_action_name(t->action), i + 1);
                    free(p);
                }
                el->flags |= GS_EL_MARK;
            }
        }
        for (int i = 0; i < m->ntask; i++)
            for (size_t k = 0; k < m->task[i].elems.n; k++)
                m->task[i].elems.v[k]->flags &= ~GS_EL_MARK;
    }
    if (nerr > 0)
        return gs_error(sim, "%d problem%s found", nerr, nerr == 1 ? "" : "s");
    return GS_OK;
}

static double
wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/*
 * Runs the script action of task T's element *K (addaction). The script
 * may change the model (create, delete, addmsg): then the model is
 * compiled and the schedule rebuilt at once, and *K moves to the same
 * element in T's new list (to the end of the list if the element is gone),
 * so that the rest of the step runs on what exists now.
 */
static enum gs_status
run_script_action(struct gs_sim *sim, struct gs_task *t, size_t *k)
{
    struct gs_model *m = sim->model;
    struct gs_element *el = t->elems.v[*k];
    struct gs_handle h = elem_handle(el);
    if (elem_run_saction(sim, el, class_action_name(t->action), 0, NULL) != GS_OK)
        return GS_ERR;
    if (!m->dirty && !m->sched_dirty)
        return GS_OK;
    if (m->dirty && compile(sim) != GS_OK)
        return GS_ERR;
    if (sched_resched(sim) != GS_OK)
        return GS_ERR;
    struct gs_element *now = elem_from_handle(m, h);
    size_t i = 0;
    while (i < t->elems.n && t->elems.v[i] != now)
        i++;
    *k = i; /* the loop's k++ moves past it */
    return GS_OK;
}

/* Runs one base step: every task in order, each element when its clock is due. */
static enum gs_status
one_step(struct gs_sim *sim, const long *ratio)
{
    struct gs_model *m = sim->model;
    struct gs_tick tick = {.t = m->time, .dt0 = m->clock[0], .step = m->step};
    bool solver_done = false;
    for (int i = 0; i < m->ntask; i++) {
        struct gs_task *t = &m->task[i];
        if (t->runs_solver) {
            tick.dt = m->clock[0];
            if (m->solver->advance(sim, m->solver_state, &tick, 1) != GS_OK)
                return GS_ERR;
            solver_done = true;
            if (sim->step_solved && sim->step_solved(sim) != GS_OK)
                return GS_ERR;
        }
        for (size_t k = 0; k < t->elems.n; k++) {
            struct gs_element *el = t->elems.v[k];
            long r = ratio[el->clock];
            if (r == 0 || m->step % r != 0 || (el->flags & GS_EL_DISABLED))
                continue;
            tick.dt = m->clock[el->clock];
            if (el->extra && elem_saction(el, class_action_name(t->action))) {
                /* addaction: a script function carries the action out */
                if (run_script_action(sim, t, &k) != GS_OK)
                    return GS_ERR;
                continue;
            }
            gs_step_fn fn = t->action == GS_ACT_INIT ? el->cls->init : el->cls->process;
            if (fn(sim, el, &tick) != GS_OK)
                return GS_ERR;
        }
    }
    if (m->compiled && !solver_done) {
        tick.dt = m->clock[0];
        if (m->solver->advance(sim, m->solver_state, &tick, 1) != GS_OK)
            return GS_ERR;
    }
    /* Once per step on every rank, whatever its schedule (a collective). */
    if (!solver_done && sim->step_solved && sim->step_solved(sim) != GS_OK)
        return GS_ERR;
    m->time += m->clock[0];
    m->step++;
    return GS_OK;
}

/* ---- fused windows ------------------------------------------------------------ */

/*
 * Where every scheduled element either never reads the compiled model or
 * only reads it (directly or through others), a window of steps runs in
 * three passes with the same results as step by step: the elements that
 * do not read the model run for each step of the window, the model taking
 * its inputs where it would advance (stage); the model advances the whole
 * window at once (run_window: one launch on a GPU); then the elements
 * that read the model run for each step, seeing its outputs as they were
 * after that step (replay). Per-step hooks (parallel runs, windows,
 * verbose) keep the steps one by one.
 */

static bool
runs_apart(const struct gs_element *el, enum gs_action a)
{
    return (el->cls->flags & GS_CLASS_MSG_ONLY) &&
           !(el->extra && elem_saction(el, class_action_name(a)));
}

static int
cmp_el(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;
    return (x > y) - (x < y);
}

/* Marks in *BEHIND (one flag per element of each task, in task order; a
 * malloc'd array) the scheduled elements that read the compiled model:
 * those with a message from a compiled element or from an element so
 * marked. False where the schedule cannot be split so: an element that
 * may read others otherwise (no GS_CLASS_MSG_ONLY, a script action), or
 * one that reads the model and also a scheduled element that does not (it
 * would run ahead), or writes into the model. */
static bool
split_schedule(struct gs_model *m, bool **behind)
{
    size_t total = 0, k = 0;
    for (int i = 0; i < m->ntask; i++)
        total += m->task[i].elems.n;
    struct gs_element **els = xmalloc(sizeof *els * (total + 1));
    for (int i = 0; i < m->ntask; i++)
        for (size_t j = 0; j < m->task[i].elems.n; j++) {
            if (!runs_apart(m->task[i].elems.v[j], m->task[i].action)) {
                free(els);
                return false;
            }
            els[k++] = m->task[i].elems.v[j];
        }
    qsort(els, total, sizeof *els, cmp_el);
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < total; i++) {
            struct gs_element *el = els[i];
            for (int j = 0; j < el->nin && !(el->flags & GS_EL_MARK); j++) {
                const struct gs_element *src = el->in[j]->src;
                if (src->solver_index >= 0 || (src->flags & GS_EL_MARK)) {
                    el->flags |= GS_EL_MARK;
                    more = true;
                }
            }
        }
    }
    bool ok = true;
    for (size_t i = 0; i < total && ok; i++) {
        const struct gs_element *el = els[i];
        if (!(el->flags & GS_EL_MARK))
            continue;
        for (int j = 0; j < el->nin; j++) {
            const struct gs_element *src = el->in[j]->src;
            if (src->solver_index < 0 && !(src->flags & GS_EL_MARK) &&
                bsearch(&src, els, total, sizeof *els, cmp_el))
                ok = false;
        }
        for (int j = 0; j < el->nout; j++)
            if (el->out[j]->dst->solver_index >= 0)
                ok = false;
    }
    bool *b = xmalloc(sizeof *b * (total + 1));
    k = 0;
    for (int i = 0; i < m->ntask; i++)
        for (size_t j = 0; j < m->task[i].elems.n; j++)
            b[k++] = (m->task[i].elems.v[j]->flags & GS_EL_MARK) != 0;
    for (size_t i = 0; i < total; i++)
        els[i]->flags &= ~GS_EL_MARK;
    free(els);
    if (!ok) {
        free(b);
        return false;
    }
    *behind = b;
    return true;
}

/* Step I of a window: the elements that run ahead of the model (LATE
 * false; the model stages its inputs where it would advance) or those
 * behind it (the model's outputs those after step I - 1, then after step I
 * where it would advance). */
static enum gs_status
window_step(struct gs_sim *sim, const long *ratio, const bool *behind, bool late, long i)
{
    struct gs_model *m = sim->model;
    struct gs_tick tick = {.t = m->time, .dt0 = m->clock[0], .step = m->step};
    bool placed = false;
    size_t at = 0;
    if (late)
        m->solver->replay(m->solver_state, i - 1);
    for (int j = 0; j < m->ntask; j++) {
        struct gs_task *t = &m->task[j];
        if (t->runs_solver) {
            placed = true;
            if (late)
                m->solver->replay(m->solver_state, i);
            else
                m->solver->stage(m->solver_state, i);
        }
        for (size_t k = 0; k < t->elems.n; k++) {
            struct gs_element *el = t->elems.v[k];
            long r = ratio[el->clock];
            if (behind[at++] != late || r == 0 || m->step % r != 0 ||
                (el->flags & GS_EL_DISABLED))
                continue;
            tick.dt = m->clock[el->clock];
            gs_step_fn fn = t->action == GS_ACT_INIT ? el->cls->init : el->cls->process;
            if (fn(sim, el, &tick) != GS_OK)
                return GS_ERR;
        }
    }
    if (!placed) {
        if (late)
            m->solver->replay(m->solver_state, i);
        else
            m->solver->stage(m->solver_state, i);
    }
    m->time += m->clock[0];
    m->step++;
    return GS_OK;
}

/* One window of at most MAX steps, fewer where the run ends (*END) or an
 * element fails; *N counts the steps. */
static enum gs_status
fused_window(struct gs_sim *sim, const long *ratio, const bool *behind, const struct sim_step_opts *o,
             long max, float t0, float dur, long *n, bool *end)
{
    struct gs_model *m = sim->model;
    double time0 = m->time;
    long step0 = m->step, k = 0;
    enum gs_status st = GS_OK;
    while (k < max) {
        if ((st = window_step(sim, ratio, behind, false, k)) != GS_OK)
            break;
        k++;
        if (o->by_time ? m->time - (double)t0 >= (double)dur : *n + k >= o->nsteps) {
            *end = true;
            break;
        }
    }
    double time1 = m->time;
    m->time = time0;
    m->step = step0;
    if (k > 0) {
        struct gs_tick tick = {.t = time0, .dt = m->clock[0], .dt0 = m->clock[0], .step = step0};
        if (m->solver->run_window(sim, m->solver_state, &tick, k) != GS_OK)
            return GS_ERR;
        for (long i = 0; i < k && st == GS_OK; i++)
            st = window_step(sim, ratio, behind, true, i);
    }
    /* the model has advanced K steps: so has time, whatever failed */
    m->time = time1;
    m->step = step0 + k;
    *n += k;
    return st;
}

enum gs_status
sim_step(struct gs_sim *sim, const struct sim_step_opts *o, long *done)
{
    struct gs_model *m = sim->model;
    long n = 0;
    if (done)
        *done = 0;
    if (o->paused)
        *o->paused = false;
    if (m->stepping)
        return gs_error(sim, "a step is already running (a window's callback cannot start "
                             "another; stop it first)");
    if (!m->was_reset)
        return gs_error(sim, "the simulation has not been reset; run 'reset' first");
    if (!(m->clock[0] > 0))
        return gs_error(sim, "clock 0 is not set; use setclock 0 DT");
    if (!o->by_time && o->nsteps < 0)
        return gs_error(sim, "the number of steps must be >= 0, got %ld", o->nsteps);
    if (o->by_time && !(o->duration >= 0))
        return gs_error(sim, "the time to step must be >= 0, got %g", o->duration);
    if (m->dirty && compile(sim) != GS_OK)
        return GS_ERR;
    if (m->sched_dirty && sched_resched(sim) != GS_OK)
        return GS_ERR;
    long ratio[GS_NCLOCKS];
    for (int k = 0; k < GS_NCLOCKS; k++)
        ratio[k] = clock_ratio(m, k);
    /* GENESIS compares in single precision: start and duration are floats. */
    float t0 = (float)(o->from_start ? o->start_time : m->time), dur = (float)o->duration;
    double est = o->by_time ? o->duration / m->clock[0] + 1 : (double)o->nsteps;
    double w0 = wall_now(), wlast = w0;
    double wverbose = o->verbose_wall && *o->verbose_wall > 0 ? *o->verbose_wall : w0;
    m->stop_requested = false;
    m->stepping = true;
    enum gs_status st = GS_OK;
    bool *behind = NULL;
    /* windows where nothing must act between steps (a background step's
     * 20 ms slices stay step by step) */
    bool fused = m->compiled && m->solver->window && !sim->step_begin && !sim->step_solved &&
                 !sim->service && !sim->gui_pump && !o->verbose && o->wall_budget <= 0 &&
                 split_schedule(m, &behind);
    for (;;) {
        if (!o->by_time && n >= o->nsteps)
            break;
        long max = fused ? m->solver->window(sim, m->solver_state) : 0;
        if (max > 0) {
            bool end = false;
            if ((st = fused_window(sim, ratio, behind, o, max, t0, dur, &n, &end)) != GS_OK)
                break;
            if (sim->interrupted) {
                st = gs_error(sim, "interrupted at t = %g", m->time);
                break;
            }
            if (end)
                break;
            if (o->progress) {
                double w = wall_now();
                if (w - wlast >= 0.2) {
                    double rate = n / (w - w0), frac = est > 0 ? n / est : 0;
                    o->progress(sim, m->time, frac > 1 ? 1 : frac, rate,
                                rate > 0 ? (est - n) / rate : 0, o->progress_arg);
                    wlast = w;
                }
            }
            continue;
        }
        if (sim->step_begin && (st = sim->step_begin(sim)) != GS_OK)
            break;
        if ((st = one_step(sim, ratio)) != GS_OK)
            break;
        n++;
        bool last = o->by_time ? m->time - (double)t0 >= (double)dur : n >= o->nsteps;
        if (o->verbose) {
            double w = wall_now();
            if (last || w - wverbose >= 0.25) {
                gs_out(sim, "time = %f ; step = %ld\n", m->time, m->step);
                wverbose = w;
            }
        }
        if (sim->interrupted) {
            st = gs_error(sim, "interrupted at t = %g", m->time);
            break;
        }
        /* Window events and redraws, a few dozen times a second at most: a
         * STOP button's `stop` is seen just below. */
        if (sim->gui_pump)
            sim->gui_pump(sim, false);
        /* Other ranks' requests, between steps (PGENESIS ran them there). */
        if (sim->service && sim->service(sim) != GS_OK) {
            if (!sim->quit_requested)
                st = GS_ERR;
            break;
        }
        if (m->stop_requested)
            break;
        if (last)
            break;
        if (o->wall_budget > 0 && wall_now() - w0 >= o->wall_budget) {
            if (o->paused)
                *o->paused = true;
            break;
        }
        if (o->progress && (n & 63) == 0) {
            double w = wall_now();
            if (w - wlast >= 0.2) {
                double rate = n / (w - w0);
                double frac = est > 0 ? n / est : 0;
                o->progress(sim, m->time, frac > 1 ? 1 : frac, rate,
                            rate > 0 ? (est - n) / rate : 0, o->progress_arg);
                wlast = w;
            }
        }
    }
    free(behind);
    m->stop_requested = false;
    m->stepping = false;
    if (o->verbose_wall)
        *o->verbose_wall = wverbose;
    if (done)
        *done = n;
    return st;
}
