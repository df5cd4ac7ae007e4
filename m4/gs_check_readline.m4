dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_READLINE: GNU Readline for the prompt; --without-readline (or its
dnl absence) gives the plain line reader.
AC_DEFUN([GS_CHECK_READLINE], [
  AC_ARG_WITH([readline],
    [AS_HELP_STRING([--without-readline], [use the plain line reader])],
    [], [with_readline=check])
  have_readline=no
  AS_IF([test "x$with_readline" != xno], [
    PKG_CHECK_MODULES([READLINE], [readline], [have_readline=yes], [
      AC_CHECK_HEADER([readline/readline.h],
        [AC_CHECK_LIB([readline], [readline], [have_readline=yes; READLINE_LIBS=-lreadline])])])
  ])
  AS_IF([test "x$with_readline" = xyes && test "x$have_readline" != xyes],
    [AC_MSG_ERROR([readline requested but not found: install the Debian package libreadline-dev])])
  AS_IF([test "x$have_readline" = xyes],
    [AC_DEFINE([HAVE_READLINE], [1], [GNU Readline is available])
     gs_readline_summary=yes],
    [gs_readline_summary="no (plain line reader; Debian: libreadline-dev)"])
  AM_CONDITIONAL([HAVE_READLINE], [test "x$have_readline" = xyes])
  AC_SUBST([READLINE_CFLAGS])
  AC_SUBST([READLINE_LIBS])
])
