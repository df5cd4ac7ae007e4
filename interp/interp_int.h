/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interp_int.h: private to interp/: the interpreter state and the pieces
 * lstate.c, lbind.c, report.c and complete.c share.
 */
#ifndef GS_INTERP_INT_H
#define GS_INTERP_INT_H

#include <lauxlib.h>
#include <lua.h>

#include "interp.h"

struct interp {
    lua_State *L;
    struct gs_sim *sim;
    char *datadir;        /* the script library (startup script, prototypes) */
    int depth;            /* nesting of files being run (include) */
    bool stopping;        /* -strict: an error is unwinding every file */
    struct io_files *files; /* openfile's files (commands/cmd_io.c), or NULL */
    struct dump_state *dump; /* simobjdump's field lists (commands/cmd_dump.c), or NULL */
    struct repeats *repeats; /* errors counted by place (report.c), or NULL */
    char *shift_rest;     /* shiftarg's leftover words (cmd_param.c), or NULL */
    struct history *history; /* the prompt's entries (prompt.c), or NULL */
    bool noautoshell;     /* `autoshell 0`: unknown words never run programs */
};

/* gensh.fallback and gensh.execute (lfallback.c) into the table on top. */
void interp_register_autoshell(lua_State *L);

/* Frees prompt.c's history. */
void interp_history_free(struct history *h);

/* Frees report.c's error counts (at the end of the interpreter). */
void interp_repeats_free(struct repeats *rp);
/* Is a -strict stop unwinding? Then commands raise gensh.STOP. */
bool interp_stopping(struct gs_sim *sim);
/* Raises the gensh.STOP sentinel (an error that is already reported). */
int lb_raise_stop(lua_State *L);
void lb_set_sim(lua_State *L, struct gs_sim *sim);

/* Registers every command of the table as gensh.C[name] (and a global when
 * the name is free). Defined in lbind.c. */
void lb_register_commands(lua_State *L);
/* Registers element handles: gensh.element(path) and the global element()
 * (when free), with the "gensh.element" metatable. Defined in lelem.c. */
void lb_register_elements(lua_State *L);
/* Pushes the location "FILE:LINE" of the innermost script frame, or "" when
 * the call comes from the prompt. Defined in lbind.c. */
const char *lb_where(lua_State *L);
/* Returns the simulator from the Lua registry. */
struct gs_sim *lb_sim(lua_State *L);

/* Compiles SLI text and loads it as a function (pushed). Returns LUA_OK or
 * an error code with the message pushed. */
int interp_load_sli(lua_State *L, const char *text, size_t len, const char *chunkname);
/* Runs the function on top of the stack with NARGS arguments under the
 * error policy (report, count, STOP sentinel). */
enum gs_status interp_pcall(struct gs_sim *sim, int nargs);

/* The embedded SLI runtime (generated from interp/sli/runtime.lua). */
extern const char sli_runtime_lua[];
extern const unsigned long sli_runtime_lua_len;

#endif
