/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lvars.c: script globals for C code (readcell reads RM, CM, RA, EREST_ACT
 * and ELEAK and sets *set_global values). SLI globals are Lua globals,
 * except those named like Lua's own globals, which the runtime keeps in
 * gensh.V; gensh.types holds the declared type of each (runtime.lua).
 */
#include <stdio.h>

#include "cmd.h"
#include "interp_int.h"

/* Pushes the table global NAME lives in (gensh.V or _G). */
static void
push_store(lua_State *L, const char *name)
{
    lua_getglobal(L, "gensh");        /* gensh */
    lua_getfield(L, -1, "S");         /* gensh S */
    lua_getfield(L, -1, "protected"); /* gensh S protected */
    bool prot = lua_istable(L, -1) && (lua_getfield(L, -1, name), lua_toboolean(L, -1));
    lua_settop(L, -4); /* gensh */
    if (prot) {
        lua_getfield(L, -1, "V"); /* gensh V */
        lua_remove(L, -2);        /* V */
    } else {
        lua_pop(L, 1);
        lua_pushglobaltable(L); /* _G */
    }
}

bool
interp_global_real(struct gs_sim *sim, const char *name, double *out)
{
    lua_State *L = sim->interp->L;
    int top = lua_gettop(L);
    push_store(L, name);
    bool ok = false;
    if (lua_istable(L, -1)) {
        lua_pushstring(L, name);
        lua_rawget(L, -2);
        if (lua_type(L, -1) == LUA_TNUMBER) {
            *out = lua_tonumber(L, -1);
            ok = true;
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            ok = gs_parse_real(lua_tostring(L, -1), out);
        }
    }
    lua_settop(L, top);
    return ok;
}

void
interp_set_global_real(struct gs_sim *sim, const char *name, double v)
{
    lua_State *L = sim->interp->L;
    int top = lua_gettop(L);
    lua_getglobal(L, "gensh");    /* gensh */
    lua_getfield(L, -1, "types"); /* gensh types */
    lua_getfield(L, -1, name);    /* gensh types ty */
    const char *ty = lua_tostring(L, -1);
    push_store(L, name); /* gensh types ty store */
    lua_pushstring(L, name);
    if (ty && ty[0] == 'i') {
        /* an int keeps C's conversion: toward zero */
        lua_pushinteger(L, (lua_Integer)v);
    } else if (ty && ty[0] == 's') {
        char buf[64];
        snprintf(buf, sizeof buf, "%g", v);
        lua_pushstring(L, buf);
    } else {
        lua_pushnumber(L, v);
    }
    lua_rawset(L, -3); /* store[name] = v */
    if (!ty) {
        lua_pushstring(L, "float"); /* declared as GENESIS's readcell does */
        lua_setfield(L, -4, name);  /* types[name] = "float" */
    }
    lua_settop(L, top);
}
