/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lfallback.c: what a command word that names no command runs, as in
 * GENESIS: a script of that name found as `include` finds one (SIMPATH,
 * .g may be left out), run with the words as its arguments; else, while
 * autoshell is on (the default; `autoshell 0` turns it off), a program of
 * that name along $PATH, run with the words as its arguments and waited
 * for (`cp a b`, `mv`, `rm` in GENESIS scripts). Only a word that is
 * neither is an unknown command.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>

#include "../models/base/which.h"
#include "interp_int.h"

/* gensh.fallback(name): "script" or "program", or nil for neither. */
static int
l_fallback(lua_State *L)
{
    struct gs_sim *sim = lb_sim(L);
    const char *name = luaL_checkstring(L, 1);
    char *script = interp_find_file(sim, name, ".g");
    if (script) {
        free(script);
        lua_pushliteral(L, "script");
        return 1;
    }
    struct strbuf sb = STRBUF_INIT;
    bool found = !sim->interp->noautoshell && gs_which(name, &sb);
    sb_free(&sb);
    if (!found)
        return 0;
    lua_pushliteral(L, "program");
    return 1;
}

/* Raises "FILE:LINE: NAME: WHAT", as a failed command reports. */
static int
fail(lua_State *L, const char *name, const char *what)
{
    const char *where = lb_where(L);
    if (where[0])
        return luaL_error(L, "%s: %s: %s", where, name, what);
    return luaL_error(L, "%s: %s", name, what);
}

/* gensh.execute(name, args...): runs the program and waits; raises an
 * error naming it when it cannot start or ends with another status than 0. */
static int
l_execute(lua_State *L)
{
    int argc = lua_gettop(L);
    struct strbuf path = STRBUF_INIT;
    if (!gs_which(luaL_checkstring(L, 1), &path)) {
        sb_free(&path);
        return fail(L, lua_tostring(L, 1), "no such program along PATH");
    }
    luaL_checkstack(L, argc, "too many arguments");
    const char **argv = xcalloc((size_t)argc + 1, sizeof *argv);
    for (int i = 0; i < argc; i++)
        argv[i] = luaL_tolstring(L, i + 1, NULL);
    fflush(NULL); /* our output before the program's */
    pid_t pid = fork();
    if (pid == 0) {
        execv(sb_str(&path), (char *const *)argv);
        fprintf(stderr, "gensh: cannot run %s: %s\n", sb_str(&path), strerror(errno));
        _exit(127);
    }
    int status = 0, err = errno;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    free(argv);
    sb_free(&path);
    char what[96];
    if (pid < 0)
        snprintf(what, sizeof what, "cannot start it: %s", strerror(err));
    else if (WIFSIGNALED(status))
        snprintf(what, sizeof what, "killed by signal %d", WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0)
        snprintf(what, sizeof what, "exit status %d", WEXITSTATUS(status));
    else
        what[0] = 0;
    if (what[0])
        return fail(L, lua_tostring(L, 1), what);
    lua_pushinteger(L, 0);
    return 1;
}

bool *
interp_noautoshell(struct gs_sim *sim)
{
    return &sim->interp->noautoshell;
}

void
interp_register_autoshell(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"fallback", l_fallback},
        {"execute", l_execute},
        {NULL, NULL},
    };
    luaL_setfuncs(L, fns, 0);
}
