/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interp.h: the public API of the interpreter layer: build a simulator,
 * run files and prompt entries (SLI or Lua), report diagnostics, complete
 * words. The shell sees gensh only through this header.
 */
#ifndef GS_INTERP_H
#define GS_INTERP_H

#include <stdbool.h>

#include "../models/base/gs.h"
#include "../models/base/strbuf.h"

/* Builds a simulator with its Lua state and command table. DATADIR is the
 * script library (startup script, prototypes); NULL for the built-in default. */
struct gs_sim *gs_sim_new(const struct gs_options *opt, const char *datadir);
void gs_sim_free(struct gs_sim *sim);

/* Runs a .g (SLI) or .lua file, chosen by extension; ARGV are its arguments.
 * Errors inside are reported as they happen; returns GS_ERR if the file
 * could not be run or stopped on an error (-strict). */
enum gs_status interp_run_file(struct gs_sim *sim, const char *path, int argc, char **argv);
/* Finds NAME along SIMPATH (as `include` does); EXT is tried when NAME has
 * none. Returns a new string (caller frees) or NULL. */
char *interp_find_file(struct gs_sim *sim, const char *name, const char *ext);
/* The script global NAME as a number (an int or float, or a string that
 * reads as one); false when there is no such global. */
bool interp_global_real(struct gs_sim *sim, const char *name, double *out);
/* Sets the script global NAME to V, converted to its declared type; a
 * global that does not exist is declared as a float (GENESIS's readcell
 * declares RM, CM, RA and EREST_ACT so). */
void interp_set_global_real(struct gs_sim *sim, const char *name, double v);

/* What a prompt entry needs before it can run. */
enum interp_more { INTERP_COMPLETE, INTERP_NEEDS_MORE };
/* Does TEXT (one or more lines) need more lines to be a whole SLI entry? */
enum interp_more interp_sli_needs_more(struct gs_sim *sim, const char *text);
enum interp_more interp_lua_needs_more(struct gs_sim *sim, const char *text);
/* Runs one prompt entry; errors are reported. */
enum gs_status interp_eval_sli(struct gs_sim *sim, const char *text);
enum gs_status interp_eval_lua(struct gs_sim *sim, const char *text);
/* Runs a Lua chunk from a script line (the `lua` command); ORIGIN names it. */
enum gs_status interp_eval_lua_chunk(struct gs_sim *sim, const char *text, const char *origin);
/* Calls FN with the name of each script function. */
void interp_script_functions(struct gs_sim *sim, bool (*fn)(const char *name, void *arg),
                             void *arg);
/* Runs the command line ARGV[0] ARGV[1] ... as a script line would: a
 * script function, runtime built-in or command named ARGV[0] (or
 * "name@nodes"), with the other words as its string arguments, unparsed.
 * Errors inside are reported where they happen, under the script error
 * policy; returns GS_ERR only when running scripts must stop (-strict).
 * Installed as sim->run_words for callbacks from lower layers. */
enum gs_status interp_run_words(struct gs_sim *sim, int argc, const char *const *argv);
/* Compiles SLI source to Lua text (for --emit-lua). Returns GS_ERR and
 * reports a syntax error. OUT receives the Lua. */
enum gs_status interp_emit_lua(struct gs_sim *sim, const char *path, struct strbuf *out);

/* Prints the pending diagnostic (sim->diag) as "gensh: WHERE: CMD: msg". */
void interp_report(struct gs_sim *sim, const char *where, const char *cmd);
/* Prints an already formatted message as an error line and counts it;
 * past a few errors from one place ("FILE:LINE: COMMAND") only counts it,
 * and in batch mode stops the scripts at -maxerrors errors. */
void interp_report_msg(struct gs_sim *sim, const char *msg);
/* Says how many errors of each place were not shown, and forgets them
 * (run_loaded calls it when the outermost script or entry ends). */
void interp_report_repeats(struct gs_sim *sim);

/* Completion candidates for the word PREFIX: commands, script functions and
 * variables (AT_COMMAND), or element paths and variables (otherwise).
 * Calls FN for each; stops when FN returns false. */
void interp_complete(struct gs_sim *sim, const char *prefix, bool at_command,
                     bool (*fn)(const char *cand, void *arg), void *arg);

/* The prompt's history, kept with the interpreter (prompt.c): entry N is
 * the one typed at "gensh #N > ". */
void interp_history_add(struct gs_sim *sim, const char *entry);
size_t interp_history_count(struct gs_sim *sim);
/* Entry I, or NULL past the end. */
const char *interp_history_get(struct gs_sim *sim, size_t i);
/* GENESIS's recall: LINE starts with '!'; "!!" is the last entry, "!N"
 * entry N, "!prefix" the last entry that starts with prefix, each followed
 * by the rest of LINE. The entry goes into OUT; GS_ERR (sim->diag) when
 * there is none. */
enum gs_status interp_history_recall(struct gs_sim *sim, const char *line, struct strbuf *out);
/* Does GENESIS say "OK" after ENTRY when it succeeds at the keyboard? A
 * whole entry that is one command marked GS_CMD_ACK, not silenced. */
bool interp_entry_acknowledged(struct gs_sim *sim, const char *entry);

/* Asks running Lua code to stop at its next instruction (Ctrl-C). Safe to
 * call from a signal handler. */
void interp_interrupt(struct gs_sim *sim);
/* Clears interrupt and -strict unwinding state before the next entry. */
void interp_clear_stop(struct gs_sim *sim);

/* Runs the startup scripts: the system one from the data dir, then the
 * user's (~/.gshrc or ALTSIMRC, unless NOSIMRC). */
enum gs_status interp_startup(struct gs_sim *sim, bool nosimrc, const char *altsimrc);

/* The script's ASCII files (openfile ... closefile, commands/cmd_io.c),
 * kept with the interpreter so that gs_sim_free flushes and closes what a
 * script left open. The slot holds NULL until the first openfile. */
struct io_files;
struct io_files **interp_io_files(struct gs_sim *sim);
/* Closes every file of T (flushing it) and frees T; NULL is a no-op. */
void io_files_free(struct io_files *t);
/* What shiftarg left over, for remarg (commands/cmd_param.c): a string
 * the interpreter owns and frees, NULL until the first shiftarg. */
char **interp_shift_rest(struct gs_sim *sim);
/* The `autoshell 0` state (lfallback.c): true while words that name no
 * command or script are errors, not programs. */
bool *interp_noautoshell(struct gs_sim *sim);
/* simdump's state (simobjdump's field lists, initdump's flags,
 * commands/cmd_dump.c), kept with the interpreter; NULL until first used. */
struct dump_state;
struct dump_state **interp_dump_state(struct gs_sim *sim);
void dump_state_free(struct dump_state *d);

/* Starts the parallel layer for the shell (interp/lpar.c): joins the MPI
 * job when inside one (checking NODES, when > 0, against its size),
 * installs the hooks through which other nodes' requests run here, and
 * gives Lua gensh.rcall (cmd@nodes). Errors: the message is in sim->diag. */
enum gs_status interp_par_start(struct gs_sim *sim, int nodes);

#endif
