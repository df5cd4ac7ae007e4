dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_HDF5: HDF5 (parallel build preferred when MPI is there).
dnl Debian's libhdf5-openmpi-dev and libhdf5-dev install side by side
dnl (headers in /usr/include/hdf5/openmpi and .../serial, each with its own
dnl pkg-config module): with MPI, hdf5-openmpi is taken (par_hdf5_out
dnl writes through MPI-IO), else hdf5-serial; a serial HDF5 in an MPI
dnl build writes par_hdf5_out on one node only.
AC_DEFUN([GS_CHECK_HDF5], [
  AC_ARG_WITH([hdf5],
    [AS_HELP_STRING([--without-hdf5], [build without HDF5 output])],
    [], [with_hdf5=check])
  have_hdf5=no
  AS_IF([test "x$with_hdf5" != xno], [
    AS_IF([test "x$have_mpi" = xyes],
      [PKG_CHECK_MODULES([HDF5], [hdf5-openmpi], [have_hdf5=parallel], [:])])
    AS_IF([test "x$have_hdf5" = xno],
      [PKG_CHECK_MODULES([HDF5], [hdf5-serial], [have_hdf5=serial],
        [PKG_CHECK_MODULES([HDF5], [hdf5], [have_hdf5=serial], [:])])])
  ])
  AS_IF([test "x$with_hdf5" = xyes && test "x$have_hdf5" = xno],
    [AC_MSG_ERROR([HDF5 requested but not found: install the Debian package libhdf5-dev])])
  AS_CASE([$have_hdf5],
    [parallel], [AC_DEFINE([HAVE_HDF5], [1], [HDF5 is available])
                 AC_DEFINE([HAVE_HDF5_PARALLEL], [1], [HDF5 has MPI-IO])
                 gs_hdf5_summary="yes (parallel)"],
    [serial], [AC_DEFINE([HAVE_HDF5], [1], [HDF5 is available])
               gs_hdf5_summary="yes (serial)"],
    [gs_hdf5_summary="no (Debian: libhdf5-dev)"])
  AM_CONDITIONAL([HAVE_HDF5], [test "x$have_hdf5" != xno])
])
