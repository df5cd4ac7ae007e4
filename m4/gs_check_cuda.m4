dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_CUDA: the CUDA backend is built when nvcc is found (PATH, then
dnl /usr/local/cuda); --with-cuda=DIR names the toolkit, --without-cuda skips it.
AC_DEFUN([GS_CHECK_CUDA], [
  AC_ARG_WITH([cuda],
    [AS_HELP_STRING([--with-cuda=DIR], [CUDA toolkit in DIR (default: search)])],
    [], [with_cuda=check])
  AC_ARG_VAR([NVCC], [CUDA compiler])
  AC_ARG_VAR([NVCCFLAGS], [flags for nvcc])
  have_cuda=no
  AS_IF([test "x$with_cuda" != xno], [
    gs_cuda_path=$PATH:/usr/local/cuda/bin
    AS_IF([test "x$with_cuda" != xcheck && test "x$with_cuda" != xyes],
      [gs_cuda_path=$with_cuda/bin])
    AC_PATH_PROG([NVCC], [nvcc], [], [$gs_cuda_path])
    AS_IF([test -n "$NVCC"], [
      dnl nvcc on PATH may be a wrapper script or a link outside the
      dnl toolkit (/usr/local/bin/nvcc): ask nvcc where its toolkit is
      dnl rather than guessing from where it was found.
      AC_MSG_CHECKING([for the CUDA toolkit of $NVCC])
      CUDA_HOME=`"$NVCC" --dryrun -c -x cu /dev/null -o /dev/null 2>&1 | sed -n 's/^#\$ TOP=//p' | sed 1q`
      AS_IF([test -z "$CUDA_HOME"],
        [CUDA_HOME=`dirname "$NVCC"`; CUDA_HOME=`dirname "$CUDA_HOME"`])
      CUDA_HOME=`cd "$CUDA_HOME" 2>/dev/null && pwd -P`
      AC_MSG_RESULT([${CUDA_HOME:-not found}])
      gs_cudalib=
      for gs_d in "$CUDA_HOME/lib64" "$CUDA_HOME/lib" "$CUDA_HOME/targets/x86_64-linux/lib"; do
        AS_IF([test -z "$gs_cudalib" && test -n "$CUDA_HOME" && ls "$gs_d"/libcudart.* >/dev/null 2>&1],
          [gs_cudalib=$gs_d])
      done
      AS_IF([test -n "$gs_cudalib"], [
        CUDA_CFLAGS="-I$CUDA_HOME/include"
        CUDA_LIBS="-L$gs_cudalib -Wl,-rpath,$gs_cudalib -lcudart -lstdc++"
        have_cuda=yes],
        [AC_MSG_WARN([nvcc found but not libcudart beside its toolkit ($CUDA_HOME): CPU backend only])])])
  ])
  AS_IF([test "x$with_cuda" != xcheck && test "x$with_cuda" != xno && test "x$have_cuda" != xyes],
    [AC_MSG_ERROR([CUDA requested but no usable toolkit found (nvcc and libcudart): install the CUDA toolkit])])
  AS_IF([test "x$have_cuda" = xyes],
    [AC_DEFINE([HAVE_CUDA], [1], [the CUDA backend is built])
     AS_IF([test -z "$NVCCFLAGS"], [NVCCFLAGS="-O3"])
     dnl The same bits as the CPU backend: no FMA contraction, IEEE division
     dnl and square root, no flush to zero. Machine code for Ampere and
     dnl Hopper, and PTX that newer devices compile at load.
     GS_NVCCFLAGS="-std=c++17 -fmad=false -prec-div=true -prec-sqrt=true -ftz=false \
-gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 \
-gencode arch=compute_90,code=compute_90 -Xcompiler -Wall,-Wextra"
     AS_IF([test "x$enable_werror" = xyes],
       [GS_NVCCFLAGS="$GS_NVCCFLAGS -Werror all-warnings -Xcompiler -Werror"])
     gs_cuda_summary="yes ($NVCC)"],
    [gs_cuda_summary="no (CPU backend only)"])
  AM_CONDITIONAL([HAVE_CUDA], [test "x$have_cuda" = xyes])
  AC_SUBST([CUDA_CFLAGS])
  AC_SUBST([GS_NVCCFLAGS])
  AC_SUBST([CUDA_LIBS])
])
