/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sclass.h: how a class the solver can run describes its elements (the
 * `solver` member of struct gs_class, opaque to the core), and what the
 * classes' hooks may call while the model is being compiled (glue.c).
 *
 * At `reset` the glue walks the element tree in GENESIS order, calls
 * `add` for every element of such a class (not under a disabled element),
 * then `wire` for each of them, and compiles the result. An element's
 * builder id is kept in el->solver_index.
 */
#ifndef GS_SOLVER_SCLASS_H
#define GS_SOLVER_SCLASS_H

#include "../core/core.h"
#include "build.h"
#include "solver.h"

struct gs_cctx;

/* A class field the solver holds while compiled, and its enum gs_sfield. */
struct gs_sfmap {
    const char *name;
    int code;
};

/*
 * Records an element keeps outside itself whose fields the solver holds
 * while compiled (a synchan's synapses, each in its SPIKE message's data).
 * Each is compiled as an element of kind KIND; the class's wire hook gives
 * their builder ids with cctx_sub, in record order.
 */
struct gs_solver_sub {
    int kind;                       /* enum gs_ekind */
    const struct gs_field *fields;  /* offsets within a record */
    const struct gs_sfmap *fmap;    /* the solver-owned ones; {NULL, 0} terminated */
    /* The message whose data is record K of EL; NULL when K is past the last. */
    struct gs_msg *(*msg)(const struct gs_element *el, int k);
};

struct gs_solver_class {
    int kind;                       /* enum gs_ekind */
    const struct gs_sfmap *fmap;    /* {NULL, 0} terminated */
    const struct gs_solver_sub *sub; /* NULL: none */
    /* Adds EL with its parameters and state; returns the builder id, or -1
     * after gs_error() for something the solver cannot run. */
    int (*add)(struct gs_cctx *cx, struct gs_element *el);
    /* Adds the wiring of EL's incoming messages (every element has its id
     * by then). GS_ERR after gs_error() for a message it cannot run. */
    enum gs_status (*wire)(struct gs_cctx *cx, struct gs_element *el);
    /* add() describes the element's clock to the solver; the others run
     * at clock 0's step, so an element of theirs on a clock of another
     * step is an error at reset (never silently run at the wrong rate) */
    bool clocked;
};

struct gs_build *cctx_build(struct gs_cctx *cx);
struct gs_sim *cctx_sim(struct gs_cctx *cx);
/* EL's builder id if it is compiled as KIND, else -1. */
int cctx_id(const struct gs_element *el, int kind);
/* Before each step, field FIELD of (KIND, ID) takes slot SLOT of message M
 * (read then): ADD sums all such messages of the field (INJECT), else the
 * last one wins (EREST, EK). */
void cctx_input(struct gs_cctx *cx, int kind, int id, int field, struct gs_msg *m, int slot,
                bool add);
/* The next record of EL (the first at the first call) is compiled as
 * builder id ID of its class's sub kind. */
void cctx_sub(struct gs_cctx *cx, struct gs_element *el, int id);
/* Reports an unsupported incoming message of EL; returns GS_ERR. */
enum gs_status cctx_unsupported(struct gs_cctx *cx, struct gs_element *el,
                                const struct gs_msg *m);

/* A class hook changed field NAME of EL itself (initVm following Em):
 * gives the compiled model the new value, if EL is compiled. */
void gs_solver_push(struct gs_sim *sim, struct gs_element *el, const char *name);

/* Installs the compiled model in SIM (called once, when SIM is made). */
void gs_solver_install(struct gs_sim *sim);

/* The spikes of the last step the compiled model advanced: builder source
 * ids and their elements (for spike recorders). Valid until the next step. */
size_t gs_solver_last_spikes(struct gs_sim *sim, const struct gs_spike **out);
/* The backend of the compiled model in words (NULL: none compiled), and
 * in *NOTE why it is the CPU though CUDA was possible (NULL: it is not). */
const char *gs_solver_running(struct gs_sim *sim, const char **note);
/* Fires EL (an external spike source, such as a remote-spike proxy) as
 * if it had spiked in STEP. GS_ERR when EL is not compiled or an event
 * would be due in the past. */
enum gs_status gs_solver_fire_element(struct gs_sim *sim, struct gs_element *el, int64_t step);
struct gs_element *gs_solver_src_element(struct gs_sim *sim, int src);

/* A spike event on its way to a compiled synchan SYN: its synapse
 * (synapse[K]) and the step it is due (save and restore carry them). */
struct gs_syn_event {
    struct gs_element *syn;
    int k;
    int64_t due;
};
/* The events on their way now, in delivery order (a malloc'd array in
 * *OUT, NULL when there are none). */
size_t gs_solver_events(struct gs_sim *sim, struct gs_syn_event **out);
/* Restore: the compiled model goes on from the model's step count (its
 * own step count follows it), with EV on their way instead of what it
 * had. Events whose synapse is not in the model are dropped. When the
 * model waits for a recompile, they are kept for it. */
void gs_solver_resume(struct gs_sim *sim, const struct gs_syn_event *ev, size_t n);

#endif
