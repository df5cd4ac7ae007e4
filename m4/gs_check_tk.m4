dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_TK: Tk 8.6 for the XODUS widgets; --without-tk keeps them headless.
AC_DEFUN([GS_CHECK_TK], [
  AC_ARG_WITH([tk],
    [AS_HELP_STRING([--without-tk], [no Tk GUI (XODUS elements stay headless)])],
    [], [with_tk=check])
  have_tk=no
  AS_IF([test "x$with_tk" != xno],
    [PKG_CHECK_MODULES([TK], [tk >= 8.6 x11], [have_tk=yes], [:])])
  AS_IF([test "x$with_tk" = xyes && test "x$have_tk" != xyes],
    [AC_MSG_ERROR([Tk requested but not found: install the Debian package tk-dev])])
  AS_IF([test "x$have_tk" = xyes],
    [AC_DEFINE([HAVE_TK], [1], [Tk is available])
     gs_tk_summary=yes],
    [gs_tk_summary="no (headless XODUS; Debian: tk-dev)"])
  AM_CONDITIONAL([HAVE_TK], [test "x$have_tk" = xyes])
])
