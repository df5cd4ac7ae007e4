/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lelem.c: element handles for Lua (STYLE I5). `element(path)` returns a
 * full userdata "gensh.element" holding a (slot, generation) handle and,
 * as its user value, the path it was made from. Reading h.Vm reads a field,
 * `h.Vm = -0.07` runs the same all-or-nothing setfield, tostring(h) gives
 * the current path; h.path, h.parent, h.children, h.class and h.exists
 * answer the obvious questions. A handle of a deleted element fails with
 * "element 'PATH' was deleted" instead of touching freed memory.
 *
 * Every function does its Lua work (argument checks, pushes) while C owns
 * nothing, and formats into a strbuf only between Lua calls that cannot
 * raise, so an error never leaks memory (STYLE I4, O5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../models/core/core.h"
#include "interp_int.h"

#define ELEM_MT "gensh.element"

/* Pushes a handle for EL. */
static void
push_handle(lua_State *L, struct gs_element *el)
{
    struct gs_handle *h = lua_newuserdatauv(L, sizeof *h, 1); /* h */
    *h = elem_handle(el);
    char *p = elem_path_str(el);
    lua_pushstring(L, p); /* h path; lua_pushstring copies before any raise */
    free(p);
    lua_setiuservalue(L, -2, 1); /* h */
    luaL_setmetatable(L, ELEM_MT);
}

/* The live element of the handle at IDX, or a Lua error naming its path. */
static struct gs_element *
check_live(lua_State *L, int idx)
{
    struct gs_handle *h = luaL_checkudata(L, idx, ELEM_MT);
    struct gs_sim *sim = lb_sim(L);
    struct gs_element *el = elem_from_handle(sim->model, *h);
    if (!el) {
        lua_getiuservalue(L, idx, 1); /* path */
        luaL_error(L, "element '%s' was deleted", lua_tostring(L, -1));
    }
    return el;
}

/* element(path): a handle, or nil and a message when there is none. */
static int
l_element(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    struct gs_sim *sim = lb_sim(L);
    struct gs_element *el;
    if (path_find(sim, path, &el) != GS_OK) {
        lua_pushnil(L);
        lua_pushstring(L, sim->diag.msg);
        gs_diag_clear(sim);
        return 2;
    }
    push_handle(L, el);
    return 1;
}

/* Pushes the value of field F: numbers as numbers, the rest as strings. */
static void
push_field(lua_State *L, struct gs_sim *sim, const struct gs_fref *f)
{
    if (!f->ufield && (f->type == GS_REAL || f->type == GS_FLOAT)) {
        lua_pushnumber(L, field_real(sim, f));
        return;
    }
    if (!f->ufield && f->type == GS_INT) {
        lua_pushinteger(L, (lua_Integer)field_real(sim, f));
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    field_format(sim, f, &sb);
    lua_pushlstring(L, sb_str(&sb), sb.len); /* may raise only on memory: sb is lost then */
    sb_free(&sb);
}

static int
l_index(lua_State *L)
{
    struct gs_element *el = check_live(L, 1);
    const char *key = luaL_checkstring(L, 2);
    struct gs_sim *sim = lb_sim(L);
    if (strcmp(key, "path") == 0 || strcmp(key, "class") == 0) {
        char *p = key[0] == 'p' ? elem_path_str(el) : xstrdup(el->cls->name);
        lua_pushstring(L, p);
        free(p);
        return 1;
    }
    if (strcmp(key, "exists") == 0) {
        lua_pushboolean(L, 1);
        return 1;
    }
    if (strcmp(key, "parent") == 0) {
        if (el->parent)
            push_handle(L, el->parent);
        else
            lua_pushnil(L);
        return 1;
    }
    if (strcmp(key, "children") == 0) {
        lua_createtable(L, el->nchild, 0); /* t */
        for (int i = 0; i < el->nchild; i++) {
            push_handle(L, el->child[i]);
            lua_rawseti(L, -2, i + 1);
        }
        return 1;
    }
    struct gs_fref f;
    if (field_find(sim, el, key, &f) != GS_OK) {
        char msg[sizeof sim->diag.msg];
        memcpy(msg, sim->diag.msg, sizeof msg);
        gs_diag_clear(sim);
        return luaL_error(L, "%s", msg);
    }
    push_field(L, sim, &f);
    return 1;
}

static int
l_newindex(lua_State *L)
{
    struct gs_element *el = check_live(L, 1);
    const char *key = luaL_checkstring(L, 2);
    const char *val;
    if (lua_type(L, 3) == LUA_TNUMBER && !lua_isinteger(L, 3)) {
        char num[40];
        snprintf(num, sizeof num, "%.17g", lua_tonumber(L, 3)); /* the double, exactly */
        val = lua_pushstring(L, num);
    } else {
        val = luaL_tolstring(L, 3, NULL);
    }
    struct gs_sim *sim = lb_sim(L);
    if (field_set(sim, el, key, val) != GS_OK) {
        char msg[sizeof sim->diag.msg];
        memcpy(msg, sim->diag.msg, sizeof msg);
        gs_diag_clear(sim);
        return luaL_error(L, "%s", msg);
    }
    return 0;
}

static int
l_tostring(lua_State *L)
{
    struct gs_handle *h = luaL_checkudata(L, 1, ELEM_MT);
    struct gs_element *el = elem_from_handle(lb_sim(L)->model, *h);
    if (!el) {
        lua_getiuservalue(L, 1, 1);
        lua_pushfstring(L, "%s (deleted)", lua_tostring(L, -1));
        return 1;
    }
    char *p = elem_path_str(el);
    lua_pushstring(L, p);
    free(p);
    return 1;
}

static int
l_eq(lua_State *L)
{
    struct gs_handle *a = luaL_checkudata(L, 1, ELEM_MT);
    struct gs_handle *b = luaL_checkudata(L, 2, ELEM_MT);
    lua_pushboolean(L, a->slot == b->slot && a->gen == b->gen);
    return 1;
}

void
lb_register_elements(lua_State *L)
{
    static const luaL_Reg meta[] = {
        {"__index", l_index},
        {"__newindex", l_newindex},
        {"__tostring", l_tostring},
        {"__eq", l_eq},
        {NULL, NULL},
    };
    luaL_newmetatable(L, ELEM_MT); /* mt */
    luaL_setfuncs(L, meta, 0);
    lua_pop(L, 1);
    lua_getglobal(L, "gensh"); /* gensh */
    lua_pushcfunction(L, l_element);
    lua_setfield(L, -2, "element");
    lua_pop(L, 1);
    if (lua_getglobal(L, "element") == LUA_TNIL) { /* a global too, when the name is free */
        lua_pushcfunction(L, l_element);
        lua_setglobal(L, "element");
    }
    lua_pop(L, 1);
}
