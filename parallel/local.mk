# SPDX-License-Identifier: GPL-2.0-or-later
# parallel/: the MPI facade (par_mpi.c) and its one-rank twin (par_serial.c).
