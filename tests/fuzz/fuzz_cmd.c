/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_cmd.c: libFuzzer target for the command layer: the argument and
 * option parser of every command, the commands themselves and the model
 * they build (elements, fields, messages, clocks, reset, a few steps),
 * through the interpreter as a script line reaches them. Each input is a
 * script run line by line in a new simulator, freed at the end, so that
 * LeakSanitizer sees what a command forgot to free.
 *
 * What an input may do is bounded, so that a finding is a bug and not a
 * model that is merely too big or too long (or a command that leaves the
 * sandbox):
 *   - a line that names a word of DENIED (a shell, Lua, files by name,
 *     jobs, waiting, ending the process) is dropped before it runs;
 *   - a whole number has at most two digits and no exponent above 9, so a
 *     line asks for at most about 10^4 elements;
 *   - the lines stop once the model holds MAX_ELEMENTS elements, and a
 *     run stops after MAX_STEPS steps (a -time step with a tiny clock).
 * It runs in a folder of its own, as user nobody when started as root, so
 * files that commands write (asc_file, openfile, save) stay there.
 * Built by --enable-fuzzing (CC=clang); replay.c runs the same function
 * over tests/fuzz/corpus/cmd in `make check`. See README.md here.
 */
#include <ctype.h>
#include <dirent.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interp/interp.h"
#include "models/core/core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

enum { MAX_ELEMENTS = 2000, MAX_STEPS = 2000, MAX_LINE = 512 };

static const char *const DENIED[] = {
    "sh",     "lua",    "quit",   "exit",    "include", "source", "async",  "waiton",
    "submit", "jobs",   "fetch",  "cancel",  "cd",      "setenv", "autoshell",
    "strcat", "dev",    "proc",   "sys",     "stdin",   "tty",    "readcell",
    "xinit",  "barrier", "barrierall",
};

static char home[64];
static long steps_run;
static enum gs_status (*inner_step_begin)(struct gs_sim *sim);

static enum gs_status
capped_step_begin(struct gs_sim *sim)
{
    if (++steps_run > MAX_STEPS) {
        sim->model->stop_requested = true;
        return gs_error(sim, "the fuzz target's step cap");
    }
    return inner_step_begin ? inner_step_begin(sim) : GS_OK;
}

/* Does LINE hold a denied word (letters, digits and '_' between others)? */
static bool
denied(const char *line)
{
    const char *p = line;
    while (*p) {
        if (!isalnum((unsigned char)*p) && *p != '_') {
            p++;
            continue;
        }
        const char *w = p;
        while (isalnum((unsigned char)*p) || *p == '_')
            p++;
        for (size_t i = 0; i < sizeof DENIED / sizeof *DENIED; i++)
            if (strlen(DENIED[i]) == (size_t)(p - w) && strncmp(DENIED[i], w, (size_t)(p - w)) == 0)
                return true;
    }
    return false;
}

/* Is OUT (the text written so far, from LINE) inside an exponent? */
static bool
in_exponent(const char *line, const char *out)
{
    const char *q = out;
    if (q > line && (q[-1] == '+' || q[-1] == '-'))
        q--;
    return q - line >= 2 && (q[-1] == 'e' || q[-1] == 'E') && isdigit((unsigned char)q[-2]);
}

/* Cuts whole numbers to two digits and exponents to one ("1e99" becomes
 * "1e9", "123456" becomes "12"); fractions keep their digits. */
static void
bound_numbers(char *line)
{
    char *out = line;
    const char *p = line;
    while (*p) {
        if (isdigit((unsigned char)*p) && !(out > line && out[-1] == '.')) {
            int keep = in_exponent(line, out) ? 1 : 2, k = 0;
            while (isdigit((unsigned char)*p)) {
                if (k++ < keep)
                    *out++ = *p;
                p++;
            }
            continue;
        }
        *out++ = *p++;
    }
    *out = '\0';
}

/* Removes the files the last input wrote (asc_file rows, save files). */
static void
clean_home(void)
{
    DIR *d = opendir(".");
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(e->d_name);
    if (d)
        closedir(d);
}

/* A folder of its own for the files commands write; as root, the process
 * becomes user nobody there when DROP is set (libFuzzer's arbitrary
 * inputs), so that no input can write outside it. */
static void
enter_sandbox(bool drop)
{
    snprintf(home, sizeof home, "/tmp/gensh-fuzz-cmd.XXXXXX");
    if (!mkdtemp(home))
        abort();
    struct passwd *nobody = drop && geteuid() == 0 ? getpwnam("nobody") : NULL;
    if (nobody && chown(home, nobody->pw_uid, nobody->pw_gid) != 0)
        abort();
    if (chdir(home) != 0)
        abort();
    if (nobody && (setgid(nobody->pw_gid) != 0 || setuid(nobody->pw_uid) != 0))
        abort();
    setenv("PATH", "", 1); /* no program runs by a word that names no command */
}

static void
leave_sandbox(void)
{
    clean_home();
    if (chdir("/") == 0)
        rmdir(home);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    enter_sandbox(true);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!home[0]) {
        enter_sandbox(false); /* replay.c: the repository's own inputs */
        atexit(leave_sandbox);
    }
    struct gs_options opt = {.batch = true, .nox = true, .notty = true, .maxerrors = 0};
    struct gs_sim *sim = gs_sim_new(&opt, NULL);
    /* The commands' output and error lines, shown with FUZZ_CMD_SHOW set
     * (to read what a crashing input did). */
    FILE *sink = getenv("FUZZ_CMD_SHOW") ? NULL : fopen("/dev/null", "w");
    sim->out = sink ? sink : stderr;
    sim->err = sink ? sink : stderr;
    *interp_noautoshell(sim) = true;
    steps_run = 0;
    inner_step_begin = NULL;
    char line[MAX_LINE + 1];
    size_t i = 0;
    while (i < size && sim->model->nelements < MAX_ELEMENTS && !sim->quit_requested) {
        size_t n = 0;
        while (i < size && data[i] != '\n') {
            if (n < MAX_LINE)
                line[n++] = data[i] == '\0' ? ' ' : (char)data[i];
            i++;
        }
        i++;
        line[n] = '\0';
        if (denied(line))
            continue;
        bound_numbers(line);
        if (sim->step_begin != capped_step_begin) {
            inner_step_begin = sim->step_begin;
            sim->step_begin = capped_step_begin;
        }
        interp_eval_sli(sim, line);
        interp_clear_stop(sim);
    }
    gs_sim_free(sim);
    if (sink)
        fclose(sink);
    clean_home();
    return 0;
}
