dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_WARNINGS: the warning set every build uses; --enable-werror adds -Werror
dnl (CI always, users never by default: new compilers add warnings).
AC_DEFUN([GS_WARNINGS], [
  GS_CFLAGS="-std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
-Wformat=2 -Wwrite-strings -Wpointer-arith -Wundef -Wvla -Wno-unused-parameter"
  AC_ARG_ENABLE([werror],
    [AS_HELP_STRING([--enable-werror], [treat compiler warnings as errors])],
    [], [enable_werror=no])
  AS_IF([test "x$enable_werror" = xyes],
    [GS_CFLAGS="$GS_CFLAGS -Werror"; gs_werror_summary="-Werror"],
    [gs_werror_summary="warnings only"])
  AC_SUBST([GS_CFLAGS])
])
