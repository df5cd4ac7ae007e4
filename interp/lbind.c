/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lbind.c: the one trampoline through which Lua calls every command, and
 * the location finder that gives diagnostics their FILE:LINE.
 *
 * The trampoline works in three phases (STYLE I4): a Lua phase that may
 * raise while C owns nothing, a C phase (parse + exec, no Lua calls), and
 * a return phase that frees C state before it pushes or raises.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "interp_int.h"

static const char SIM_KEY = 'S';

struct gs_sim *
lb_sim(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &SIM_KEY);
    struct gs_sim *sim = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return sim;
}

void
lb_set_sim(lua_State *L, struct gs_sim *sim)
{
    lua_pushlightuserdata(L, sim);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &SIM_KEY);
}

/* Finds the innermost frame running a script file (chunks of files are
 * named "@FILE"; the runtime and prompt entries are named "=...") and
 * writes "FILE:LINE" into BUF (N bytes). Returns false, with BUF empty,
 * when there is none or the text does not fit. Raises nothing and
 * allocates nothing: the line is asked for only of the frame that has it. */
static bool
where_buf(lua_State *L, char *buf, size_t n)
{
    lua_Debug ar;
    buf[0] = '\0';
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "S", &ar))
            break;
        if (ar.source[0] != '@')
            continue;
        if (!lua_getinfo(L, "l", &ar))
            break;
        if (ar.currentline <= 0)
            continue;
        /* "%s:%d" by hand: this runs for every command call */
        char digits[16];
        int nd = 0;
        for (int line = ar.currentline; line > 0 && nd < 15; line /= 10)
            digits[nd++] = (char)('0' + line % 10);
        size_t sl = strlen(ar.source + 1);
        if (sl + 1 + (size_t)nd + 1 > n)
            return false;
        memcpy(buf, ar.source + 1, sl);
        buf[sl++] = ':';
        while (nd > 0)
            buf[sl++] = digits[--nd];
        buf[sl] = '\0';
        return true;
    }
    return true;
}

const char *
lb_where(lua_State *L)
{
    char buf[256];
    if (where_buf(L, buf, sizeof buf)) {
        lua_pushstring(L, buf);
        return lua_tostring(L, -1);
    }
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar))
            break;
        if (ar.source[0] == '@' && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d", ar.source + 1, ar.currentline);
            return lua_tostring(L, -1);
        }
    }
    lua_pushliteral(L, "");
    return lua_tostring(L, -1);
}

/* Pushes the shortest decimal text that reads back as V exactly. */
static const char *
lb_push_real(lua_State *L, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    return lua_pushstring(L, buf);
}

/* Pushes the result of a successful call; returns the number of results. */
static int
push_result(lua_State *L, const struct gs_call *call)
{
    switch (call->res_kind) {
    case GS_RES_INT:
        lua_pushinteger(L, (lua_Integer)call->res_int);
        return 1;
    case GS_RES_REAL:
        lua_pushnumber(L, call->res_real);
        return 1;
    case GS_RES_STR:
        lua_pushlstring(L, sb_str(&call->res_str), call->res_str.len);
        return 1;
    case GS_RES_LIST: {
        /* A sequence with its length in n, as the SLI runtime's lists. */
        lua_createtable(L, (int)call->res_int, 1);
        const char *w = sb_str(&call->res_str);
        for (long long i = 1; i <= call->res_int; i++) {
            lua_pushstring(L, w);
            lua_rawseti(L, -2, (lua_Integer)i);
            w += strlen(w) + 1;
        }
        lua_pushinteger(L, (lua_Integer)call->res_int);
        lua_setfield(L, -2, "n");
        return 1;
    }
    case GS_RES_NONE:
        break;
    }
    return 0;
}

static int
lb_command(lua_State *L)
{
    const struct gs_cmd *cmd = lua_touserdata(L, lua_upvalueindex(1));
    int argc = lua_gettop(L);
    struct gs_sim *sim = lb_sim(L);
    struct gs_call call;

    /* Lua phase: may raise; C owns nothing yet. The origin and the argv
     * of a short call live in this frame (nothing to free if a conversion
     * raises); a long origin or argv goes on the Lua stack. */
    luaL_checkstack(L, argc + 8, "too many arguments");
    char where_small[256];
    const char *where = where_small;
    if (!where_buf(L, where_small, sizeof where_small))
        where = lb_where(L); /* +1 */
    const char *argv_small[16];
    const char **argv = argv_small;
    if (argc >= 16)
        argv = lua_newuserdatauv(L, (size_t)(argc + 1) * sizeof *argv, 0); /* +1 */
    for (int i = 0; i < argc; i++) {
        if (lua_type(L, i + 1) == LUA_TNUMBER && lua_isinteger(L, i + 1))
            argv[i] = lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, i + 1));
        else if (lua_type(L, i + 1) == LUA_TNUMBER)
            argv[i] = lb_push_real(L, lua_tonumber(L, i + 1));
        else if (lua_type(L, i + 1) == LUA_TSTRING)
            argv[i] = lua_tostring(L, i + 1); /* the argument itself */
        else
            argv[i] = luaL_tolstring(L, i + 1, NULL); /* each stays on the stack */
    }
    argv[argc] = NULL;

    /* C phase: no Lua calls until the call is done. */
    gs_diag_clear(sim);
    gs_call_init(&call, sim, cmd, where);
    enum gs_status st = gs_call_run(&call, argc, argv);

    /* Return phase. */
    if (sim->interrupted && !interp_stopping(sim)) {
        /* Ctrl-C: report what stopped, then unwind every running file. */
        if (st == GS_OK)
            snprintf(sim->diag.msg, sizeof sim->diag.msg, "interrupted");
        gs_call_done(&call);
        interp_report(sim, where, cmd->name);
        sim->interp->stopping = true;
        return lb_raise_stop(L);
    }
    if (st == GS_OK) {
        int n = sim->quit_requested ? 0 : push_result(L, &call);
        gs_call_done(&call);
        /* `quit`, or -strict stopping inside a file this command ran
         * (include): unwind every running file; it is already reported. */
        if (sim->quit_requested || interp_stopping(sim))
            return lb_raise_stop(L);
        return n;
    }
    gs_call_done(&call);
    if (interp_stopping(sim)) /* -strict: unwinding out of an include */
        return lb_raise_stop(L);
    if (sim->quit_requested) {
        /* A failure that ends the run (paron on too few nodes): reported
         * here, then every running file unwinds as after quit. */
        interp_report(sim, where, cmd->name);
        return lb_raise_stop(L);
    }
    if (where[0])
        lua_pushfstring(L, "%s: %s: %s", where, cmd->name, sim->diag.msg);
    else
        lua_pushfstring(L, "%s: %s", cmd->name, sim->diag.msg);
    gs_diag_clear(sim);
    return lua_error(L);
}

void
lb_register_commands(lua_State *L)
{
    lua_getglobal(L, "gensh");             /* gensh */
    lua_getfield(L, -1, "C");              /* gensh C */
    for (int i = 0; i < gs_cmd_count; i++) {
        const struct gs_cmd *cmd = gs_cmd_table[i];
        lua_pushlightuserdata(L, (void *)(uintptr_t)cmd);
        lua_pushcclosure(L, lb_command, 1); /* gensh C fn */
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, cmd->name);    /* gensh C fn */
        /* Also a Lua global, unless Lua already uses the name. */
        if (lua_getglobal(L, cmd->name) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_setglobal(L, cmd->name);
        } else {
            lua_pop(L, 2);
        }
    }
    lua_pop(L, 2);
}
