/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: gensh's entry point: command-line options (GENESIS spellings),
 * start-up order (system script, user startup file, then the script), batch
 * or interactive mode, and exit codes:
 *   0 no errors, 1 errors in the script, 2 usage or start-up failure,
 *   3 internal error, 130 interrupted in batch mode.
 */
#define _GNU_SOURCE /* sched_getaffinity */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../interp/interp.h"
#include "../interp/jobs/jobs.h"
#include "../models/core/bgstep.h"
#include "../models/solver/solver.h"
#include "../parallel/par.h"
#include "banner.h"
#include "heap.h"
#include "repl.h"
#include "signals.h"
#include "subcmd.h"

/* -threads past this is a mistake, not a machine */
#define GS_THREADS_MAX 1024

struct cmdline {
    struct gs_options opt;
    bool nosimrc;
    const char *altsimrc;
    const char *execdir;
    const char *emit_lua; /* --emit-lua FILE */
    enum gs_rng_kind rng; /* -rng KIND: the generator setrand starts with */
    const char *script;
    int nargs;            /* script arguments */
    char **args;
};

static void
usage(FILE *f)
{
    fputs("usage: gensh [options] [script.g|script.lua [args...]]\n"
          "       gensh submit|jobs|fetch|cancel ...  jobs on a Slurm cluster (docs/jobs.md)\n"
          "  -batch          run the script to its end and exit with its status\n"
          "  -strict         stop at the first error\n"
          "  -maxerrors N    -batch stops after N errors (default 1000; 0: no limit)\n"
          "  -nox            no GUI (XODUS elements stay headless)\n"
          "  -notty          no terminal editing at the prompt\n"
          "  -nosimrc        do not run ~/.gshrc\n"
          "  -altsimrc FILE  run FILE instead of ~/.gshrc\n"
          "  -execdir DIR    change to DIR before anything runs\n"
          "  -silent N       say less (0: everything, higher: quieter)\n"
          "  -nodes N        run on N MPI ranks\n"
          "  -oversubscribe  allow -nodes past 8 ranks a core of this machine\n"
          "  -threads N      share the compiled solver's cell groups among N threads\n"
          "                  (default 1; results identical to one thread)\n"
          "  -seed N         default random seed\n"
          "  -backend B      compiled models on cpu, cuda or auto (CUDA when built with it\n"
          "                  and a device is present; the default)\n"
          "  -rng KIND       random numbers: keyed (gensh's, the default), or GENESIS's\n"
          "                  nr or sprng generator (as setrand -nr, -sprng)\n"
          "  --emit-lua FILE print the Lua that a .g file compiles to\n"
          "  --version       print the version and exit\n"
          "  --help          print this help and exit\n",
          f);
}

static int GS_PRINTFLIKE(1, 2)
bad_usage(const char *fmt, ...)
{
    va_list ap;
    fputs("gensh: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (gensh --help lists the options)\n", stderr);
    return 2;
}

static bool
parse_count(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* The cores this process may run on. */
static int
usable_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Returns -1 to go on, or the exit status. */
static int
parse_cmdline(int argc, char **argv, struct cmdline *cl)
{
    int i;
    cl->opt.maxerrors = 1000;
    /* GENSH_THREADS: the default of -threads (CI runs the suite with 2).
     * A bad value is an error; past the cores it says nothing, since it is
     * a setting for every run, whose stderr tests compare. */
    const char *env_threads = getenv("GENSH_THREADS");
    if (env_threads && *env_threads) {
        long v;
        if (!parse_count(env_threads, 1, GS_THREADS_MAX, &v))
            return bad_usage("GENSH_THREADS expects a number of threads 1-%d, got '%s'",
                             GS_THREADS_MAX, env_threads);
        cl->opt.threads = (int)v;
    }
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        long v;
        if (strcmp(a, "-batch") == 0) {
            cl->opt.batch = true;
        } else if (strcmp(a, "-strict") == 0) {
            cl->opt.strict = true;
        } else if (strcmp(a, "-nox") == 0) {
            cl->opt.nox = true;
        } else if (strcmp(a, "-notty") == 0) {
            cl->opt.notty = true;
        } else if (strcmp(a, "-nosimrc") == 0) {
            cl->nosimrc = true;
        } else if (strcmp(a, "-altsimrc") == 0) {
            if (!next)
                return bad_usage("%s expects a file name", a);
            cl->altsimrc = argv[++i];
        } else if (strcmp(a, "-execdir") == 0) {
            if (!next)
                return bad_usage("%s expects a directory", a);
            cl->execdir = argv[++i];
        } else if (strcmp(a, "-silent") == 0) {
            if (!parse_count(next, 0, 10, &v))
                return bad_usage("-silent expects a level 0-10, got '%s'", next ? next : "");
            cl->opt.silent = (int)v;
            i++;
        } else if (strcmp(a, "-nodes") == 0) {
            if (!parse_count(next, 1, 100000, &v))
                return bad_usage("-nodes expects a positive number of ranks, got '%s'",
                                 next ? next : "");
            cl->opt.nodes = (int)v;
            i++;
        } else if (strcmp(a, "-threads") == 0) {
            if (!parse_count(next, 1, GS_THREADS_MAX, &v))
                return bad_usage("-threads expects a number of threads 1-%d, got '%s'",
                                 GS_THREADS_MAX, next ? next : "");
            cl->opt.threads = (int)v;
            int cores = usable_cores();
            if (v > cores)
                fprintf(stderr,
                        "gensh: warning: -threads %ld is more than the %d core%s this process "
                        "may use; the threads will take turns\n",
                        v, cores, cores == 1 ? "" : "s");
            i++;
        } else if (strcmp(a, "-maxerrors") == 0) {
            if (!parse_count(next, 0, 2147483647L, &v))
                return bad_usage("-maxerrors expects a count (0 for no limit), got '%s'",
                                 next ? next : "");
            cl->opt.maxerrors = (unsigned long)v;
            i++;
        } else if (strcmp(a, "-oversubscribe") == 0) {
            cl->opt.oversubscribe = true;
        } else if (strcmp(a, "-seed") == 0) {
            if (!parse_count(next, 0, 4294967295L, &v))
                return bad_usage("-seed expects a non-negative integer, got '%s'",
                                 next ? next : "");
            cl->opt.seed = (unsigned long)v;
            i++;
        } else if (strcmp(a, "-backend") == 0) {
            enum gs_backend_pick b;
            if (!next || !gs_backend_pick_parse(next, &b))
                return bad_usage("-backend expects cpu, cuda or auto, got '%s'", next ? next : "");
            cl->opt.backend = (int)b;
            i++;
        } else if (strcmp(a, "-rng") == 0) {
            if (!next || !rng_kind_parse(next, &cl->rng))
                return bad_usage("-rng expects keyed, nr or sprng, got '%s'", next ? next : "");
            i++;
        } else if (strcmp(a, "--emit-lua") == 0) {
            if (!next)
                return bad_usage("%s expects a .g file", a);
            cl->emit_lua = argv[++i];
        } else if (strcmp(a, "--version") == 0 || strcmp(a, "-version") == 0) {
            printf("gensh %s\n", PACKAGE_VERSION);
            return 0;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else {
            return bad_usage("unknown option '%s'", a);
        }
    }
    if (i < argc) {
        cl->script = argv[i];
        cl->nargs = argc - i - 1;
        cl->args = argv + i + 1;
    }
    if (cl->opt.batch && !cl->script)
        return bad_usage("%s needs a script to run", "-batch");
    return -1;
}

static int
emit_lua(struct gs_sim *sim, const char *path)
{
    struct strbuf out = STRBUF_INIT;
    enum gs_status st = interp_emit_lua(sim, path, &out);
    if (st == GS_OK)
        fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
    sb_free(&out);
    return st == GS_OK ? 0 : 1;
}

/* The data dir: $GENSH_DATADIR (tests, uninstalled runs) or the installed one. */
static const char *
datadir(void)
{
    const char *d = getenv("GENSH_DATADIR");
    return d && *d ? d : NULL;
}

int
main(int argc, char **argv)
{
    heap_tune();
    /* gensh submit|jobs|fetch|cancel: the cluster's queue (docs/jobs.md). */
    int rc = subcmd_run(argc, argv);
    if (rc >= 0)
        return rc;
    struct cmdline cl;
    memset(&cl, 0, sizeof cl);
    rc = parse_cmdline(argc, argv, &cl);
    if (rc >= 0)
        return rc;
    if (cl.execdir && chdir(cl.execdir) != 0) {
        fprintf(stderr, "gensh: -execdir: cannot change to '%s': %s\n", cl.execdir,
                strerror(errno));
        return 2;
    }
    if (cl.script && !cl.emit_lua && access(cl.script, R_OK) != 0) {
        fprintf(stderr, "gensh: %s: cannot read script: %s\n", cl.script, strerror(errno));
        return 2;
    }
    /* -nodes N outside an MPI job: run again as N ranks under the MPI
     * launcher; this process waits for them and exits with node 0's status. */
    if (!cl.emit_lua && (rc = par_launch(cl.opt.nodes, cl.opt.oversubscribe, argc, argv)) >= 0)
        return rc;

    struct gs_sim *sim = gs_sim_new(&cl.opt, datadir());
    sim->rng.kind = cl.rng;
    if (cl.emit_lua) {
        rc = emit_lua(sim, cl.emit_lua);
        gs_sim_free(sim);
        return rc;
    }
    if (interp_par_start(sim, cl.opt.nodes) != GS_OK) {
        fprintf(stderr, "gensh: %s\n", sim->diag.msg);
        rc = par_finalize(sim, 2);
        gs_sim_free(sim);
        return rc;
    }
    /* Only node 0 reads the terminal; the others run the script, then
     * service requests until node 0 ends the run. */
    bool root = par_rank(sim) == 0;
    signals_install(sim, NULL);
    if (root && !cl.opt.batch && cl.opt.silent < 1 && repl_interactive())
        banner_show(sim);
    enum gs_status st = interp_startup(sim, cl.nosimrc, cl.altsimrc);
    interp_clear_stop(sim);
    bool startup_failed = st != GS_OK;
    if (cl.script && !sim->quit_requested && !(startup_failed && cl.opt.strict)) {
        interp_run_file(sim, cl.script, cl.nargs, cl.args);
        interp_clear_stop(sim);
    }
    bool interrupted = signals_terminate_requested();
    bool prompt = root && !cl.opt.batch && !sim->quit_requested && !interrupted;
    if (prompt) {
        /* Mistakes typed at the prompt were answered there: the exit
         * status reflects the script and the startup files only. */
        unsigned long script_errors = sim->nerrors;
        repl_run(sim, !cl.opt.notty);
        sim->nerrors = script_errors;
    }
    interrupted = signals_terminate_requested();
    /* A `step -background` left when the script or the input ended runs
     * to its end (quit drops it, as GENESIS's did). */
    if (bgstep_pending(sim) && !sim->quit_requested && !interrupted) {
        if (bgstep_run(sim, 0) != GS_OK)
            interp_report(sim, "", "step");
        interrupted = signals_terminate_requested();
    }

    /* The errors of every rank count (node 0 gathers them). */
    bool quit = sim->quit_requested;
    unsigned long nerrors = par_end_run(sim, interrupted   ? PAR_END_SIGNAL
                                             : root && quit ? PAR_END_QUIT
                                             : prompt       ? PAR_END_PROMPT
                                                            : PAR_END_SCRIPT);
    if (quit)
        rc = sim->exit_status ? sim->exit_status : (nerrors ? 1 : 0);
    else if (interrupted)
        rc = 130;
    else if (startup_failed && !cl.script && cl.opt.batch)
        rc = 2;
    else
        rc = nerrors ? 1 : 0;
    if (root && cl.opt.batch && nerrors && cl.script)
        fprintf(stderr, "gensh: %s: %lu error%s\n", cl.script, nerrors, nerrors == 1 ? "" : "s");
    /* A job's run: its last model time into the job folder. */
    jobs_progress_end(sim);
    rc = par_finalize(sim, rc);
    signals_release();
    gs_sim_free(sim); /* flushes and closes every output file */
    return rc;
}
