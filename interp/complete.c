/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * complete.c: completion candidates for the prompt: command names, script
 * functions and variables, and element paths from the model.
 */
#include <string.h>

#include "cmd.h"
#include "interp_int.h"

/* Offers the string keys of the table on top of the stack that start with PREFIX. */
static bool
offer_keys(lua_State *L, const char *prefix, bool (*fn)(const char *, void *), void *arg)
{
    size_t n = strlen(prefix);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            if (strncmp(k, prefix, n) == 0 && !fn(k, arg)) {
                lua_pop(L, 1);
                return false;
            }
        }
    }
    return true;
}

void
interp_complete(struct gs_sim *sim, const char *prefix, bool at_command,
                bool (*fn)(const char *cand, void *arg), void *arg)
{
    lua_State *L = sim->interp->L;
    size_t n = strlen(prefix);
    if (at_command) {
        for (int i = 0; i < gs_cmd_count; i++)
            if (strncmp(gs_cmd_table[i]->name, prefix, n) == 0 && !fn(gs_cmd_table[i]->name, arg))
                return;
    }
    lua_getglobal(L, "gensh"); /* gensh */
    bool go = true;
    if (at_command) {
        lua_getfield(L, -1, "F"); /* gensh F */
        go = offer_keys(L, prefix, fn, arg);
        lua_pop(L, 1);
    }
    if (go) {
        lua_getfield(L, -1, "types"); /* gensh types: declared SLI globals */
        go = offer_keys(L, prefix, fn, arg);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (go && !at_command && sim->complete_path)
        sim->complete_path(sim, prefix, fn, arg);
}
