dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_FUZZING: --enable-fuzzing builds libFuzzer targets (needs clang).
AC_DEFUN([GS_FUZZING], [
  AC_ARG_ENABLE([fuzzing],
    [AS_HELP_STRING([--enable-fuzzing], [build the libFuzzer targets (CC=clang)])],
    [], [enable_fuzzing=no])
  AM_CONDITIONAL([ENABLE_FUZZING], [test "x$enable_fuzzing" = xyes])
  dnl The command layer's target runs the whole library: build all of it
  dnl with libFuzzer's coverage so that the fuzzer sees inside it.
  AS_IF([test "x$enable_fuzzing" = xyes],
    [SAN_FLAGS="$SAN_FLAGS -fsanitize=fuzzer-no-link"])
  gs_fuzz_summary=$enable_fuzzing
])
