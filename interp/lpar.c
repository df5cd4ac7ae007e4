/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lpar.c: the interpreter's side of the parallel layer. It starts the
 * layer for the shell (interp_par_start), gives Lua gensh.rcall (what the
 * SLI runtime's R.call uses for cmd@nodes), and installs the hooks through
 * which the parallel layer, below us, runs a request that another node
 * sent and reports errors that arise outside any command.
 *
 * A request runs the way a script line would: a script function or
 * runtime built-in through the SLI runtime (gensh.S.run), in a Lua thread
 * of its own so that locations in messages are the function's and not
 * those of whatever this rank was doing when it serviced the request; a
 * command directly through the registry, so that its failure goes back to
 * the origin as a plain message ("node 2: ...") instead of being reported
 * here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parallel/par.h"
#include "cmd.h"
#include "interp_int.h"

/* The shortest text that reads back as V exactly. */
static void
put_real(struct strbuf *sb, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    sb_puts(sb, buf);
}

/* Puts the value at IDX of thread T, as text, into RES. */
static void
take_value(lua_State *T, int idx, struct par_result *res)
{
    int t = lua_type(T, idx);
    if (t == LUA_TNIL || t == LUA_TNONE)
        return;
    if (t == LUA_TTABLE) { /* an SLI list reads as its first item */
        lua_rawgeti(T, idx, 1);
        take_value(T, lua_gettop(T), res);
        lua_pop(T, 1);
        return;
    }
    res->has_value = true;
    res->kind = 's';
    if (t == LUA_TNUMBER && lua_isinteger(T, idx)) {
        res->kind = 'i';
        sb_printf(&res->value, "%lld", (long long)lua_tointeger(T, idx));
    } else if (t == LUA_TNUMBER) {
        res->kind = 'r';
        put_real(&res->value, lua_tonumber(T, idx));
    } else if (t == LUA_TBOOLEAN) {
        sb_puts(&res->value, lua_toboolean(T, idx) ? "1" : "0");
    } else {
        size_t n;
        const char *s = luaL_tolstring(T, idx, &n);
        sb_append(&res->value, s, n);
        lua_pop(T, 1);
    }
}

/* Is gensh.T1[NAME] (or gensh.T1.T2[NAME] when T2) set? */
static bool
runtime_has(lua_State *L, const char *t1, const char *t2, const char *name)
{
    int top = lua_gettop(L);
    bool has = false;
    if (lua_getglobal(L, "gensh") == LUA_TTABLE && lua_getfield(L, -1, t1) == LUA_TTABLE
        && (!t2 || lua_getfield(L, -1, t2) == LUA_TTABLE))
        has = lua_getfield(L, -1, name) != LUA_TNIL;
    lua_settop(L, top);
    return has;
}

/* Runs a script function, built-in or Lua function in its own thread. */
static void
exec_lua(struct gs_sim *sim, const struct par_request *req, bool via_runtime,
         struct par_result *res)
{
    lua_State *L = sim->interp->L;
    if (!lua_checkstack(L, 4)) {
        res->st = GS_ERR;
        sb_puts(&res->msg, "out of Lua stack");
        return;
    }
    lua_State *T = lua_newthread(L); /* anchored on L's stack */
    if (!lua_checkstack(T, req->argc + 8)) {
        lua_pop(L, 1);
        res->st = GS_ERR;
        sb_printf(&res->msg, "too many arguments (%d)", req->argc);
        return;
    }
    int nargs = req->argc;
    if (via_runtime) {
        lua_getglobal(T, "gensh");
        lua_getfield(T, -1, "S");
        lua_getfield(T, -1, "run");
        lua_replace(T, 1);
        lua_settop(T, 1);
        lua_pushstring(T, req->name);
        nargs++;
    } else {
        lua_getglobal(T, req->name);
    }
    for (int i = 0; i < req->argc; i++)
        lua_pushstring(T, req->argv[i]);
    sim->interp->depth++;
    int rc = lua_pcall(T, nargs, 1, 0);
    sim->interp->depth--;
    if (rc == LUA_OK) {
        take_value(T, -1, res);
    } else if (sim->quit_requested) {
        res->st = GS_OK; /* `quit` unwinds with the STOP sentinel */
    } else {
        res->st = GS_ERR;
        lua_getglobal(T, "gensh");        /* err gensh */
        lua_getfield(T, -1, "STOP");      /* err gensh STOP */
        bool stop = lua_rawequal(T, -1, -3);
        lua_pop(T, 2);                    /* err */
        if (stop)
            sb_printf(&res->msg, "%s stopped after an error (reported on node %d)", req->name,
                      par_rank(sim));
        else
            sb_puts(&res->msg, lua_tostring(T, -1) ? lua_tostring(T, -1) : "error");
    }
    lua_pop(L, 1); /* the thread */
}

/* Runs a registered command through the parser, as the trampoline does. */
static void
exec_cmd(struct gs_sim *sim, const struct par_request *req, const struct gs_cmd *cmd,
         struct par_result *res)
{
    struct gs_call call;
    gs_call_init(&call, sim, cmd, req->where);
    enum gs_status st = gs_call_run(&call, req->argc, (const char **)req->argv);
    if (st == GS_OK) {
        switch (call.res_kind) {
        case GS_RES_INT:
            res->has_value = true;
            res->kind = 'i';
            sb_printf(&res->value, "%lld", call.res_int);
            break;
        case GS_RES_REAL:
            res->has_value = true;
            res->kind = 'r';
            put_real(&res->value, call.res_real);
            break;
        case GS_RES_STR:
            res->has_value = true;
            res->kind = 's';
            sb_puts(&res->value, sb_str(&call.res_str));
            break;
        case GS_RES_LIST: {
            /* Sent as the words joined by blanks, as GENESIS prints a list. */
            const char *w = sb_str(&call.res_str);
            res->has_value = true;
            res->kind = 's';
            for (long long i = 0; i < call.res_int; i++, w += strlen(w) + 1)
                sb_printf(&res->value, "%s%s", i ? " " : "", w);
            break;
        }
        case GS_RES_NONE:
            break;
        }
    } else {
        res->st = GS_ERR;
        sb_puts(&res->msg, sim->diag.set ? sim->diag.msg : "failed");
        gs_diag_clear(sim);
    }
    gs_call_done(&call);
}

/* The parallel layer's exec hook: runs REQ here. */
static void
lpar_exec(struct gs_sim *sim, const struct par_request *req, struct par_result *res)
{
    lua_State *L = sim->interp->L;
    struct strbuf *saved = sim->capture;
    if (req->capture)
        sim->capture = &res->output;
    const struct gs_cmd *cmd = gs_cmd_find(req->name);
    /* The order of a script line: script function, built-in, command. */
    if (runtime_has(L, "F", NULL, req->name) || runtime_has(L, "S", "builtin", req->name)) {
        exec_lua(sim, req, true, res);
    } else if (cmd) {
        if (cmd->flags & GS_CMD_NO_REMOTE) {
            res->st = GS_ERR;
            sb_printf(&res->msg, "%s cannot run on other nodes", req->name);
        } else {
            exec_cmd(sim, req, cmd, res);
        }
    } else if (lua_getglobal(L, req->name) == LUA_TFUNCTION) {
        lua_pop(L, 1);
        exec_lua(sim, req, false, res); /* a function of a .lua script */
    } else {
        lua_pop(L, 1);
        const char *near[2];
        int n = gs_cmd_suggest(req->name, near, 1);
        res->st = GS_ERR;
        sb_printf(&res->msg, "unknown command '%s'", req->name);
        if (n)
            sb_printf(&res->msg, "; did you mean %s?", near[0]);
    }
    if (req->capture)
        sim->capture = saved;
}

/* The parallel layer's report hook: an error line outside any command. */
static void
lpar_report(struct gs_sim *sim, const char *msg)
{
    interp_report_msg(sim, msg);
    if (sim->opt.strict && sim->interp)
        sim->interp->stopping = true;
}

/* Formats a Lua number argument the way the trampoline does. */
static const char *
push_arg(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TNUMBER && lua_isinteger(L, idx))
        return lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, idx));
    if (lua_type(L, idx) == LUA_TNUMBER) {
        char buf[40];
        double v = lua_tonumber(L, idx);
        snprintf(buf, sizeof buf, "%.15g", v);
        if (strtod(buf, NULL) != v)
            snprintf(buf, sizeof buf, "%.17g", v);
        return lua_pushstring(L, buf);
    }
    return luaL_tolstring(L, idx, NULL);
}

/* Pushes a remote value with the type it had where it was made. */
static int
push_value(lua_State *L, const char *s, char kind)
{
    if (kind == 'i' || kind == 'r') {
        if (lua_stringtonumber(L, s) != 0) {
            if (kind == 'r' && lua_isinteger(L, -1)) { /* "3" from a real: keep it real */
                lua_Number v = (lua_Number)lua_tointeger(L, -1);
                lua_pop(L, 1);
                lua_pushnumber(L, v);
            }
            return 1;
        }
    }
    lua_pushstring(L, s);
    return 1;
}

/*
 * gensh.rcall(nodes, name, ...): runs NAME with the arguments on the nodes
 * of the node list and returns the first node's value. Raises
 * "FILE:LINE: name@nodes: node K: message" on failure.
 */
static int
l_rcall(lua_State *L)
{
    struct gs_sim *sim = lb_sim(L);
    const char *nodes = luaL_checkstring(L, 1);
    const char *name = luaL_checkstring(L, 2);
    int argc = lua_gettop(L) - 2;

    /* Lua phase: may raise; C owns nothing yet. */
    luaL_checkstack(L, argc + 8, "too many arguments");
    const char *where = lb_where(L);
    const char **argv = lua_newuserdatauv(L, (size_t)(argc + 1) * sizeof *argv, 0);
    for (int i = 0; i < argc; i++)
        argv[i] = push_arg(L, i + 3);
    argv[argc] = NULL;
    const struct gs_cmd *cmd = gs_cmd_find(name);
    if (cmd && (cmd->flags & GS_CMD_NO_REMOTE))
        return luaL_error(L, "%s%s%s@%s: %s cannot run on other nodes", where,
                          where[0] ? ": " : "", name, nodes, name);

    /* C phase. */
    struct strbuf value = STRBUF_INIT;
    char kind = 0;
    /* At the prompt, show the targets' output here, whatever their own
     * output goes to (a log file after paron -output). */
    unsigned flags = where[0] == '\0' && par_rank(sim) == 0 ? PAR_CALL_CAPTURE : 0;
    gs_diag_clear(sim);
    enum gs_status st = par_call(sim, nodes, name, argc, argv, flags, where, &value, &kind);

    /* Return phase. */
    if (sim->quit_requested) {
        sb_free(&value);
        return lb_raise_stop(L);
    }
    if (st != GS_OK) {
        sb_free(&value);
        if (sim->interrupted && !interp_stopping(sim)) {
            char label[256];
            snprintf(label, sizeof label, "%s@%s", name, nodes);
            interp_report(sim, where, label);
            sim->interp->stopping = true;
            return lb_raise_stop(L);
        }
        lua_pushfstring(L, "%s%s%s@%s: %s", where, where[0] ? ": " : "", name, nodes,
                        sim->diag.msg);
        gs_diag_clear(sim);
        return lua_error(L);
    }
    int n = 0;
    if (kind)
        n = push_value(L, sb_str(&value), kind);
    sb_free(&value);
    return n;
}

enum gs_status
interp_par_start(struct gs_sim *sim, int nodes)
{
    enum gs_status st = par_init(sim, nodes);
    struct par_hooks hooks = {.exec = lpar_exec, .report = lpar_report};
    par_set_hooks(sim, &hooks);
    lua_State *L = sim->interp->L;
    lua_getglobal(L, "gensh");
    lua_pushcfunction(L, l_rcall);
    lua_setfield(L, -2, "rcall");
    lua_pop(L, 1);
    return st;
}
