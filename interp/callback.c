/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * callback.c: runs a command line given as words (interp_run_words), the
 * way GENESIS's ExecuteFunction ran widget scripts: the first word names a
 * script function, runtime built-in or command (or "name@nodes"), or else a
 * function of a .lua script, and the other words are passed as strings,
 * with no further substitution. It goes
 * through the SLI runtime's own dispatch (gensh.S.run, gensh.R.call), so
 * errors are reported and counted exactly as for a script line. Installed
 * as sim->run_words, so that models/ (XODUS widget -script callbacks) can
 * call up without including anything from interp/.
 */
#include <string.h>

#include "interp_int.h"

/* Pushes gensh[TABLE][FN]; returns false (nothing pushed) if it is missing. */
static bool
push_runtime_fn(lua_State *L, const char *table, const char *fn)
{
    lua_getglobal(L, "gensh"); /* gensh */
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    lua_getfield(L, -1, table); /* gensh T */
    if (!lua_istable(L, -1)) {
        lua_pop(L, 2);
        return false;
    }
    lua_getfield(L, -1, fn); /* gensh T f */
    lua_remove(L, -2);       /* gensh f */
    lua_remove(L, -2);       /* f */
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    return true;
}

/* Is NAME neither a script function, a runtime built-in nor a command, but
 * a global Lua function? */
static bool
is_lua_function_only(lua_State *L, const char *name)
{
    static const char *const tables[][2] = {{"F", NULL}, {"S", "builtin"}, {"C", NULL}};
    bool known = false;
    lua_getglobal(L, "gensh"); /* gensh */
    for (size_t i = 0; i < sizeof tables / sizeof tables[0] && !known; i++) {
        int pushed = 1;
        lua_getfield(L, -1, tables[i][0]); /* gensh T */
        if (tables[i][1] && lua_istable(L, -1)) {
            lua_getfield(L, -1, tables[i][1]); /* gensh T sub */
            pushed++;
        }
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, name); /* gensh ... v */
            known = !lua_isnil(L, -1);
            pushed++;
        }
        lua_pop(L, pushed); /* gensh */
    }
    lua_pop(L, 1);
    if (known)
        return false;
    lua_getglobal(L, name); /* v */
    bool fn = lua_isfunction(L, -1);
    lua_pop(L, 1);
    return fn;
}

enum gs_status
interp_run_words(struct gs_sim *sim, int argc, const char *const *argv)
{
    if (argc < 1 || !argv[0][0])
        return GS_OK;
    if (!sim->interp)
        return gs_error(sim, "'%s': no interpreter to run it", argv[0]);
    lua_State *L = sim->interp->L;
    /* Not luaL_checkstack: this runs inside a command, where raising would
     * unwind through C frames. */
    if (!lua_checkstack(L, argc + 8))
        return gs_error(sim, "'%s': too many arguments (%d)", argv[0], argc - 1);
    const char *at = strchr(argv[0], '@');
    int nargs;
    if (at && at != argv[0] && at[1]) {
        /* name@nodes: R.call(nodes, name, {args}), as compiled SLI does. */
        if (!push_runtime_fn(L, "R", "call"))
            return gs_error(sim, "'%s': the SLI runtime has no remote calls", argv[0]);
        lua_pushstring(L, at + 1);                           /* f nodes */
        lua_pushlstring(L, argv[0], (size_t)(at - argv[0])); /* f nodes name */
        lua_createtable(L, argc - 1, 0);                     /* f nodes name t */
        for (int i = 1; i < argc; i++) {
            lua_pushstring(L, argv[i]);
            lua_rawseti(L, -2, i);
        }
        nargs = 3;
    } else if (is_lua_function_only(L, argv[0])) {
        /* A function defined in a .lua script (the Lua route): called
         * directly, with the words as strings. */
        lua_getglobal(L, argv[0]); /* f */
        for (int i = 1; i < argc; i++)
            lua_pushstring(L, argv[i]); /* f args... */
        nargs = argc - 1;
    } else {
        if (!push_runtime_fn(L, "S", "run"))
            return gs_error(sim, "'%s': the SLI runtime is not loaded", argv[0]);
        for (int i = 0; i < argc; i++)
            lua_pushstring(L, argv[i]); /* f name args... */
        nargs = argc;
    }
    sim->interp->depth++;
    enum gs_status st = interp_pcall(sim, nargs);
    sim->interp->depth--;
    if (st != GS_OK && !interp_stopping(sim))
        st = GS_OK; /* reported already; the script goes on (GENESIS) */
    if (st != GS_OK)
        return gs_error(sim, "stopped in the callback '%s'", argv[0]);
    return GS_OK;
}
