/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model.h: the model as a whole: the element tree's root, the working
 * element and its stack, the last created element (^), the slot table of
 * handles, clocks, the schedule, simulation time, and the hook through
 * which the compiled model (models/solver/) takes over the elements it
 * owns. It hangs off sim->model (model_new/model_free, called by
 * gs_sim_new/gs_sim_free).
 */
#ifndef GS_MODEL_H
#define GS_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/gs.h"
#include "class.h"
#include "element.h"

#define GS_NCLOCKS 100 /* clocks 0..99, as GENESIS */

struct gs_task; /* sched.c */
struct gs_fref; /* field.h */

/*
 * The compiled model's operations (DESIGN decisions 5-6). The solver
 * installs them with model_set_solver(); STATE is its own data. The core
 * calls them at these points:
 * - compile: at `reset`, after every element's RESET action, and before a
 *   step when the model is dirty (structure changed since the last compile).
 *   It takes over the elements it can by setting el->solver_index >= 0 and
 *   may rebind message slots into its arrays (msg_slot_bind). The scheduled
 *   actions of taken-over elements are skipped; instead `advance` runs once
 *   per base step at the position of the first schedule task that holds a
 *   taken-over element.
 * - advance: NSTEPS base steps starting at TICK (tick->dt is clock 0's).
 * - read_field: refresh the value at F->addr (a field of F->el, or of one of
 *   its records: F->sub) from the arrays (called before getfield/showfield/
 *   message setup reads a GS_F_SOLVER field).
 * - write_field: push the value at F->addr into the arrays (after setfield
 *   wrote it).
 * - sync: copy all compiled state back into the instances (before a
 *   recompile, a copy, or a structural change).
 * - release: forget the compiled model; set every solver_index back to -1.
 * - free: free STATE (at model_free).
 * - window, stage, run_window, replay: fused windows (sched.c), where every
 *   element the schedule runs either never reads the compiled model
 *   (directly or through other elements) or only reads it, so a window of
 *   steps can run in one go: `window` says how many steps (0: none now);
 *   the core then runs the elements that do not read the model for each
 *   step of the window, calling `stage(I)` where `advance` would run in
 *   step I (the solver takes its inputs as it would then); then
 *   `run_window` advances the staged steps from TICK; then the elements
 *   that read the model run for each step again, `replay(I)` making the
 *   model's outputs (sampled fields, spikes) those after step I of the
 *   window (I = -1: before it).
 * Any pointer but compile/advance may be NULL.
 */
struct gs_solver_ops {
    const char *name;
    enum gs_status (*compile)(struct gs_sim *sim, void *state);
    enum gs_status (*advance)(struct gs_sim *sim, void *state, const struct gs_tick *tick,
                              long nsteps);
    void (*read_field)(void *state, const struct gs_fref *f);
    void (*write_field)(void *state, const struct gs_fref *f);
    void (*sync)(void *state);
    void (*release)(struct gs_sim *sim, void *state);
    void (*free)(void *state);
    long (*window)(struct gs_sim *sim, void *state);
    void (*stage)(void *state, long i);
    enum gs_status (*run_window)(struct gs_sim *sim, void *state, const struct gs_tick *tick,
                                 long nsteps);
    void (*replay)(void *state, long i);
};

struct gs_model {
    struct gs_sim *sim;
    struct gs_element *root;       /* "/", class neutral */
    struct gs_element *cwe;        /* current working element (ce) */
    struct gs_element *last;       /* last created element (^); NULL if deleted */
    struct gs_handle *estack;      /* pushe stack */
    int nestack, capestack;

    /* Handles: slot -> element and generation. */
    struct gs_element **slot_el;
    uint32_t *slot_gen;
    uint32_t nslot, capslot;
    uint32_t *free_slots;
    uint32_t nfree, capfree;
    size_t nelements;              /* live elements, root included */
    struct gs_childmap *childmap;  /* (parent, name, index) -> child, for O(1) lookups */
    struct gs_strpool *strings;    /* element names and message slot words, shared */
    struct gs_pool *pool;          /* elements, messages and their arrays (pool.c) */
    struct gs_fmtcache *fmtcache;  /* recent float_format texts (field.c), or NULL */
    struct gs_pathcache *pathcache; /* recently looked-up plain paths (path.c), or NULL */

    /* Clocks: intervals in s; 0 means "not set". clock 0 starts at 1 (GENESIS). */
    double clock[GS_NCLOCKS];

    /* Schedule: tasks in order (sched.c). */
    struct gs_task *task;
    int ntask, captask;
    bool sched_dirty;              /* element lists must be rebuilt before a step */

    /* Simulation state. */
    double time;                   /* simulation time, s */
    long step;                     /* base steps taken since reset */
    bool was_reset;                /* `reset` has run (step refuses before) */
    bool dirty;                    /* structure changed since the last compile */
    bool stop_requested;           /* `stop`: end the running step loop */
    bool stepping;                 /* sim_step is running: a widget callback raised
                                    * between steps may not step or reset again */
    struct gs_bgstep *bg;          /* a `step -background` still to run (bgstep.h), or NULL */
    char float_format[16];         /* printf format of numeric field values ("%0.10g") */
    char colorscale[16];           /* XODUS colour scale chosen by xcolorscale ("": default) */
    struct {                       /* XODUS's PostScript settings (xps): colour range, */
        int maxgray, mingray;      /* inverse, screen dots per inch (line width) and the */
        int inverse, dpi;          /* file a PRINT writes (NULL: the printer, lpr) */
        char *filename;
    } xps;

    /* The compiled model. */
    const struct gs_solver_ops *solver;
    void *solver_state;
    bool compiled;                 /* solver->compile succeeded and nothing since */
};

/* Builds sim->model with the root element, the default clocks and an empty
 * schedule. Called by gs_sim_new. */
void model_new(struct gs_sim *sim);
/* Frees sim->model and everything in it. NULL model is a no-op. */
void model_free(struct gs_sim *sim);

/* Installs the compiled model's operations (the solver calls this once,
 * from gs_sim_new). The model frees STATE with ops->free. */
void model_set_solver(struct gs_model *m, const struct gs_solver_ops *ops, void *state);
/* Records a structural change: the compiled model must be rebuilt and the
 * schedule's element lists recomputed. */
void model_changed(struct gs_model *m);
/* Brings every solver-owned field back into the instances (ops->sync), e.g.
 * before copying elements. */
void model_sync(struct gs_model *m);

/* The last created element (^), or NULL. */
struct gs_element *model_last(const struct gs_model *m);

#endif
