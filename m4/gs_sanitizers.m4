dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_SANITIZERS: --enable-asan and --enable-ubsan (or --enable-sanitizers
dnl for both), for CI's sanitizer job.
AC_DEFUN([GS_SANITIZERS], [
  AC_ARG_ENABLE([asan],
    [AS_HELP_STRING([--enable-asan], [build with AddressSanitizer])], [], [enable_asan=no])
  AC_ARG_ENABLE([ubsan],
    [AS_HELP_STRING([--enable-ubsan], [build with UndefinedBehaviorSanitizer])], [], [enable_ubsan=no])
  AC_ARG_ENABLE([sanitizers],
    [AS_HELP_STRING([--enable-sanitizers], [same as --enable-asan --enable-ubsan])],
    [AS_IF([test "x$enableval" = xyes], [enable_asan=yes; enable_ubsan=yes])])
  gs_san_summary=none
  SAN_FLAGS=
  AS_IF([test "x$enable_asan" = xyes],
    [SAN_FLAGS="$SAN_FLAGS -fsanitize=address -fno-omit-frame-pointer"; gs_san_summary=asan])
  AS_IF([test "x$enable_ubsan" = xyes],
    [SAN_FLAGS="$SAN_FLAGS -fsanitize=undefined -fno-sanitize-recover=all"
     AS_IF([test "x$gs_san_summary" = xnone], [gs_san_summary=ubsan], [gs_san_summary="$gs_san_summary+ubsan"])])
  AS_IF([test -n "$SAN_FLAGS"], [SAN_FLAGS="$SAN_FLAGS -g -O1"])
  AC_SUBST([SAN_FLAGS])
])
