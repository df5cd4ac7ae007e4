dnl SPDX-License-Identifier: GPL-2.0-or-later
dnl GS_CHECK_PLOT: the Python 3 that runs gensh-plot. The first of $PYTHON
dnl (when set, alone), else python3 on PATH and /usr/bin/python3, that imports
dnl matplotlib wins (one with h5py as well before one without it): a
dnl PATH python3 of its own (pyenv, a venv) often lacks Debian's
dnl python3-matplotlib. gensh-plot is installed whatever is found; without
dnl the modules it says which one is missing. Sets PYTHON, have_plot
dnl (yes, text: no h5py, no) and gs_plot_summary.
AC_DEFUN([GS_CHECK_PLOT], [
  AC_ARG_VAR([PYTHON], [the Python 3 interpreter that runs gensh-plot])
  gs_py_first=
  gs_py_best=
  gs_py_best_rank=0
  gs_py_candidates=${PYTHON:-"python3 /usr/bin/python3"}
  for gs_py in $gs_py_candidates; do
    gs_py_path=`command -v "$gs_py" 2>/dev/null` || continue
    "$gs_py_path" -c 'import sys; sys.exit(sys.version_info < (3, 5))' >/dev/null 2>&1 || continue
    AS_IF([test -z "$gs_py_first"], [gs_py_first=$gs_py_path])
    gs_py_rank=0
    AS_IF(["$gs_py_path" -c 'import numpy, matplotlib' >/dev/null 2>&1],
      [gs_py_rank=1
       AS_IF(["$gs_py_path" -c 'import h5py' >/dev/null 2>&1], [gs_py_rank=2])])
    AS_IF([test $gs_py_rank -gt $gs_py_best_rank],
      [gs_py_best=$gs_py_path
       gs_py_best_rank=$gs_py_rank])
    AS_IF([test $gs_py_rank -eq 2], [break])
  done
  AC_MSG_CHECKING([for a Python 3 with matplotlib and h5py (gensh-plot)])
  AS_CASE([$gs_py_best_rank],
    [2], [PYTHON=$gs_py_best
          have_plot=yes
          gs_plot_summary="yes ($PYTHON, matplotlib, h5py): pictures of HDF5, text and FMT1 output"],
    [1], [PYTHON=$gs_py_best
          have_plot=text
          gs_plot_summary="text and FMT1 files only ($PYTHON has no h5py; Debian: python3-h5py)"],
    [AS_IF([test -n "$gs_py_first"],
       [PYTHON=$gs_py_first
        gs_plot_summary="no ($PYTHON has no matplotlib; Debian: python3-matplotlib python3-h5py): gensh-plot says so"],
       [PYTHON=/usr/bin/python3
        gs_plot_summary="no (no python3; Debian: python3-matplotlib python3-h5py): gensh-plot says so"])
     have_plot=no])
  AC_MSG_RESULT([$have_plot ($PYTHON)])
  AC_SUBST([PYTHON])
])
