dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_LUA: Lua 5.4 is required. --with-lua=PREFIX points at an unpacked
dnl copy (PREFIX/include[/lua5.4], PREFIX/lib[/x86_64-linux-gnu]); otherwise
dnl pkg-config (lua5.4, lua-5.4, lua54).
AC_DEFUN([GS_CHECK_LUA], [
  AC_ARG_WITH([lua],
    [AS_HELP_STRING([--with-lua=PREFIX], [Lua 5.4 installed under PREFIX])],
    [], [with_lua=check])
  gs_lua_found=no
  AS_IF([test "x$with_lua" != xcheck && test "x$with_lua" != xyes], [
    for inc in "$with_lua/include/lua5.4" "$with_lua/include"; do
      AS_IF([test -f "$inc/lua.h"], [LUA_CFLAGS="-I$inc"; break])
    done
    for lib in "$with_lua/lib/x86_64-linux-gnu" "$with_lua/lib"; do
      AS_IF([ls "$lib"/liblua5.4.* >/dev/null 2>&1], [LUA_LIBS="-L$lib -llua5.4"; break])
      AS_IF([ls "$lib"/liblua.* >/dev/null 2>&1], [LUA_LIBS="-L$lib -llua"; break])
    done
    AS_IF([test -n "$LUA_CFLAGS" && test -n "$LUA_LIBS"], [gs_lua_found=yes])
  ], [
    PKG_CHECK_MODULES([LUA], [lua5.4], [gs_lua_found=yes], [
      PKG_CHECK_MODULES([LUA], [lua-5.4], [gs_lua_found=yes], [
        PKG_CHECK_MODULES([LUA], [lua54], [gs_lua_found=yes], [:])])])
  ])
  AS_IF([test "x$gs_lua_found" = xyes], [
    gs_save_CFLAGS=$CFLAGS; gs_save_LIBS=$LIBS
    CFLAGS="$CFLAGS $LUA_CFLAGS"; LIBS="$LUA_LIBS $LIBS"
    AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <lua.h>
#include <lauxlib.h>
#if LUA_VERSION_NUM != 504
#error need Lua 5.4
#endif]], [[lua_State *L = luaL_newstate(); lua_close(L);]])],
      [], [gs_lua_found=no])
    CFLAGS=$gs_save_CFLAGS; LIBS=$gs_save_LIBS
  ])
  AS_IF([test "x$gs_lua_found" != xyes],
    [AC_MSG_ERROR([Lua 5.4 not found: install the Debian package liblua5.4-dev, or pass --with-lua=PREFIX])])
  AC_SUBST([LUA_CFLAGS])
  AC_SUBST([LUA_LIBS])
  gs_lua_summary="yes ($LUA_LIBS)"
])
