/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * banner.c: the lines gensh shows before an interactive session, as
 * GENESIS shows its own: what this build has (MPI, CUDA, HDF5, Tk), what
 * this run uses of it, and how to get help.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "../parallel/par.h"
#include "banner.h"

void
banner_show(struct gs_sim *sim)
{
#ifdef HAVE_MPI
    int n = par_size(sim);
    char mpi[64];
    snprintf(mpi, sizeof mpi, "yes (%d node%s)", n, n == 1 ? "; -nodes N for more" : "s");
#else
    const char *mpi = "no (this build runs on one node)";
#endif
#ifdef HAVE_CUDA
    const char *cuda = "yes (-backend auto: a GPU when the machine has one; `backend` "
                       "names it)";
#else
    const char *cuda = "no (CPU solver)";
#endif
#ifdef HAVE_HDF5
    const char *hdf5 = "yes (hdf5_out, sonata_out)";
#else
    const char *hdf5 = "no";
#endif
#ifdef HAVE_TK
    const char *d = getenv("DISPLAY");
    const char *tk = sim->opt.nox  ? "yes (windows off: -nox)"
                     : !d || !*d   ? "yes (no windows: DISPLAY is not set)"
                                   : "yes (XODUS widgets are drawn)";
#else
    const char *tk = "no (XODUS widgets stay headless)";
#endif
    printf("gensh %s, a GENESIS 2.4-compatible simulator shell\n"
           "  MPI %s; CUDA %s\n"
           "  HDF5 %s; Tk %s\n"
           "Type \"help\" for help (help COMMAND, help OBJECT, help foreach), \"quit\" to "
           "leave.\n",
           PACKAGE_VERSION, mpi, cuda, hdf5, tk);
    fflush(stdout);
}
