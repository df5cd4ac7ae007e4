/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gs.h: the cross-cutting types every layer uses: the status code, the
 * simulator object, diagnostics, output routing and allocation helpers.
 * It depends on nothing but libc; the upper layers hang their own state
 * off struct gs_sim through opaque pointers.
 */
#ifndef GS_H
#define GS_H

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rng.h"

#define GS_PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#define GS_NORETURN         __attribute__((noreturn))

enum gs_status { GS_OK = 0, GS_ERR = 1 };

enum gs_severity { GS_SEV_ERROR, GS_SEV_WARNING };

struct strbuf;
struct gs_model;
struct gs_regions;
struct interp;
struct par;
struct gs_gui;

/* One recorded problem, filled by gs_error() and printed by the top level. */
struct gs_diag {
    bool set;         /* a diagnostic is waiting to be reported */
    enum gs_severity severity;
    char msg[1024];   /* lower case, no final period, values quoted */
};

/* What the command line asked for (shell/main.c fills it). */
struct gs_options {
    bool batch;       /* -batch: run the script to the end and exit */
    bool strict;      /* -strict: stop at the first error */
    bool nox;         /* -nox: no GUI */
    bool notty;       /* -notty: no terminal interaction */
    int silent;       /* -silent N: verbosity (higher says less) */
    int nodes;        /* -nodes N: requested ranks (0: not given) */
    bool oversubscribe; /* -oversubscribe: -nodes past RANKS_PER_CORE_MAX a core */
    unsigned long seed; /* -seed N: default random seed */
    unsigned long maxerrors; /* -maxerrors N: batch runs stop at N errors (0: never) */
    int backend;      /* -backend: enum gs_backend_pick (models/solver/solver.h) of the next reset */
    int threads;      /* -threads N: threads of a rank's compiled solver (0: one) */
};

/*
 * The simulator: the only mutable state in gensh. Every layer reaches its
 * state from here, so a test can build and free many in one process.
 */
struct gs_sim {
    struct gs_options opt;
    char tag[16];                 /* diagnostics start "TAG: ": "gensh", or "gensh[K]" on node K */
    struct gs_diag diag;          /* the pending diagnostic */
    const char *cmd_name;         /* the command running now (for warnings), or NULL */
    const char *cmd_origin;       /* where it was called ("file.g:12"), or "" */
    const char *err_context;      /* what is running, added to error lines ("in the
                                   * script of /control/RUN (B1DOWN)"), or NULL */
    unsigned long nerrors;        /* errors reported so far */
    unsigned long nwarnings;      /* warnings reported so far */
    struct {                      /* warnings already printed: hashes of */
        uint64_t *key;            /* origin, command and text, in the order */
        unsigned *count;          /* seen, each with how often it came */
        size_t n;
    } warned;
    struct strbuf *capture;       /* when set, gs_out() appends here */
    FILE *out;                    /* where gs_out() writes otherwise */
    FILE *err;                    /* where diagnostics are printed */
    struct gs_model *model;       /* element tree, clocks, solver (models/) */
    struct interp *interp;        /* Lua state and SLI runtime (interp/) */
    struct par *par;              /* ranks, zones, requests (parallel/) */
    struct gs_rng rng;            /* the script-level stream (rand, gaussian) */
    volatile sig_atomic_t interrupted; /* set by SIGINT; cleared by whoever acts on it */
    /* Element-path completion, installed by the model (NULL until then). */
    void (*complete_path)(struct gs_sim *sim, const char *prefix,
                          bool (*fn)(const char *cand, void *arg), void *arg);
    /* Runs a command line given as words (a script function, runtime
     * built-in or command, and "name@nodes"), as a script line would;
     * installed by interp/ (NULL until then). Lower layers use it for script
     * callbacks (the -script of XODUS widgets). Errors inside are reported
     * where they happen; GS_ERR means the running scripts are stopping. */
    enum gs_status (*run_words)(struct gs_sim *sim, int argc, const char *const *argv);
    /* Lets other MPI ranks' requests run; long loops in models/ (the step
     * loop) call it between steps. Installed by parallel/ when there are
     * several ranks (NULL otherwise). GS_ERR: stop now, quietly when
     * quit_requested is set (the run is ending). */
    enum gs_status (*service)(struct gs_sim *sim);
    /* Called on every rank at the start of each base step, before the
     * step runs (parallel/rnet.c: spike exchange per lookahead window and
     * par_asc_file rows). NULL when unused. */
    enum gs_status (*step_begin)(struct gs_sim *sim);
    /* Called on every rank once per base step, right after the compiled
     * model has advanced and before the elements of later tasks (output)
     * run; at the end of the step on a rank whose schedule runs no
     * compiled model. parallel/rnet.c delivers values sent across nodes
     * (raddmsg PLOT, IVAL, ...) there, so they reach their destination in
     * the same step, as a local message's would. NULL when unused. */
    enum gs_status (*step_solved)(struct gs_sim *sim);
    void *rnet;                   /* parallel/rnet.c's state, or NULL */
    struct gs_regions *regions;   /* models/regions: regions, ports, patterns, or NULL */
    struct gs_gui *gui;           /* the display (models/graphics/tk), or NULL: headless */
    /* Lets the GUI handle window events and redraw, at most about 30
     * times a second of wall time unless NOW; installed by models/graphics
     * when a display opens (NULL otherwise). The step loop calls it
     * between steps, the prompt while it waits for a line. */
    void (*gui_pump)(struct gs_sim *sim, bool now);
    /* Closes every window and the display (gs_sim_free); NULL when none. */
    void (*gui_close)(struct gs_sim *sim);
    bool quit_requested;          /* `quit` ran: stop after this command */
    int exit_status;              /* status `quit`/`exit` asked for */
};

/* Record an error in sim->diag (the first one wins); returns GS_ERR. */
enum gs_status gs_error(struct gs_sim *sim, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
enum gs_status gs_verror(struct gs_sim *sim, const char *fmt, va_list ap) GS_PRINTFLIKE(2, 0);
/* Record a warning; the command still succeeds. */
void gs_warn(struct gs_sim *sim, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
/* Forget the pending diagnostic (after it has been reported or retried). */
void gs_diag_clear(struct gs_sim *sim);
/* Free what the diagnostics keep (the warnings already printed). */
void gs_diag_free(struct gs_sim *sim);

/* Ordinary command output (echo, showfield): to the capture buffer or sim->out. */
void gs_out(struct gs_sim *sim, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
void gs_write(struct gs_sim *sim, const char *s, size_t n);

/* A bug: prints file, line and message and aborts. */
GS_NORETURN void gs_internal(const char *file, int line, const char *fmt, ...) GS_PRINTFLIKE(3, 4);
#define GS_BUG(...) gs_internal(__FILE__, __LINE__, __VA_ARGS__)

/* Whole-string numbers: blanks around them allowed, nothing else; an
 * integer may be written "3.0" but not "3.5" (num.c). */
bool gs_parse_real(const char *s, double *out);
bool gs_parse_int(const char *s, long *out);

/* Bookkeeping allocations: they never return NULL (out of memory is a bug-class failure). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) GS_PRINTFLIKE(1, 2);
/* User-sized allocations: NULL on failure, the caller reports it. */
void *gs_try_alloc(size_t n);

#endif
