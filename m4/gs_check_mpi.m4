dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_MPI: Open MPI through its compiler wrapper. We do not compile with
dnl mpicc; we ask it for its flags (--showme) so one CC builds everything.
dnl --without-mpi builds the serial implementation of the parallel facade.
AC_DEFUN([GS_CHECK_MPI], [
  AC_ARG_WITH([mpi],
    [AS_HELP_STRING([--without-mpi], [build the one-rank parallel facade only])],
    [], [with_mpi=check])
  AC_ARG_VAR([MPICC], [MPI C compiler wrapper used to find MPI's flags])
  AC_ARG_VAR([MPIEXEC], [MPI launcher used by -nodes N and the parallel tests])
  have_mpi=no
  AS_IF([test "x$with_mpi" != xno], [
    AC_PATH_PROGS([MPICC], [mpicc])
    AC_PATH_PROGS([MPIEXEC], [mpiexec mpirun])
    AS_IF([test -n "$MPICC"], [
      MPI_CFLAGS=`$MPICC --showme:compile 2>/dev/null`
      MPI_LIBS=`$MPICC --showme:link 2>/dev/null`
      gs_save_CFLAGS=$CFLAGS; gs_save_LIBS=$LIBS
      CFLAGS="$CFLAGS $MPI_CFLAGS"; LIBS="$MPI_LIBS $LIBS"
      AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <mpi.h>]], [[MPI_Init(0, 0); MPI_Finalize();]])],
        [have_mpi=yes])
      CFLAGS=$gs_save_CFLAGS; LIBS=$gs_save_LIBS
    ])
  ])
  AS_IF([test "x$with_mpi" = xyes && test "x$have_mpi" != xyes],
    [AC_MSG_ERROR([MPI requested but not found: install the Debian packages libopenmpi-dev openmpi-bin])])
  AS_IF([test "x$have_mpi" = xyes],
    [AC_DEFINE([HAVE_MPI], [1], [MPI is available])
     AC_DEFINE_UNQUOTED([GS_MPIEXEC], ["$MPIEXEC"], [MPI launcher for -nodes N])
     gs_mpi_summary="yes ($MPIEXEC)"],
    [MPI_CFLAGS=; MPI_LIBS=; gs_mpi_summary="no (one rank; Debian: libopenmpi-dev openmpi-bin)"])
  AM_CONDITIONAL([HAVE_MPI], [test "x$have_mpi" = xyes])
  AC_SUBST([have_mpi])
  AC_SUBST([MPI_CFLAGS])
  AC_SUBST([MPI_LIBS])
])
