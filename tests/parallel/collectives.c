/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * collectives.c: a C program run by collectives.test under mpiexec on 1, 2
 * and 4 ranks: the spike exchange, reductions and agreement of
 * parallel/par.h. Node 0 prints what every rank got; the lines must be the
 * same for every rank count (STYLE P4: results do not depend on it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../parallel/par.h"

/* The spikes of one window of the whole model: gids 0..NG-1, each firing
 * (or not) at a time that depends on the window and the gid only. */
enum { NG = 40, NWIN = 5 };

static bool
fires(int win, int gid, double *t)
{
    int k = (gid * 7 + win * 11) % 13;
    if (k > 9)
        return false;
    *t = win * 1e-3 + k * 1e-4; /* ties on purpose: several gids share a time */
    return true;
}

int
main(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    if (interp_par_start(sim, 0) != GS_OK) {
        fprintf(stderr, "par_init: %s\n", sim->diag.msg);
        return 2;
    }
    int rank = par_rank(sim), size = par_size(sim), bad = 0;
    for (int win = 0; win < NWIN; win++) {
        /* This rank owns the gids of its slice: a different split for
         * every rank count, the same model. */
        struct par_spike local[NG];
        size_t n = 0;
        for (int gid = rank * NG / size; gid < (rank + 1) * NG / size; gid++) {
            double t;
            if (fires(win, gid, &t))
                local[n++] = (struct par_spike){t, (uint64_t)gid};
        }
        struct par_spike *all = NULL;
        size_t nall = 0;
        if (par_exchange_spikes(sim, local, n, &all, &nall) != GS_OK) {
            fprintf(stderr, "exchange: %s\n", sim->diag.msg);
            return 1;
        }
        unsigned long sum = 0;
        for (size_t i = 0; i < nall; i++) {
            sum = sum * 31 + (unsigned long)all[i].gid + (unsigned long)(all[i].t * 1e7);
            if (i && (all[i].t < all[i - 1].t
                      || (all[i].t == all[i - 1].t && all[i].gid <= all[i - 1].gid)))
                bad++;
        }
        double got[2] = {(double)nall, (double)(sum % 1000003)}, lo[2], hi[2];
        memcpy(lo, got, sizeof got);
        memcpy(hi, got, sizeof got);
        if (par_allreduce(sim, false, PAR_MIN, lo, 2, "check", "") != GS_OK
            || par_allreduce(sim, false, PAR_MAX, hi, 2, "check", "") != GS_OK)
            return 1;
        if (rank == 0)
            printf("window %d: %zu spikes, order %s, check %.0f, the same on every node: %s\n",
                   win, nall, bad ? "WRONG" : "by (time, gid)", got[1],
                   lo[0] == hi[0] && lo[1] == hi[1] ? "yes" : "NO");
        free(all);
    }
    double r = rank;
    if (par_allreduce(sim, true, PAR_SUM, &r, 1, "ranks", "") != GS_OK)
        return 1;
    if (rank == 0)
        printf("sum of node numbers %s n(n-1)/2: %s\n", "=", r == size * (size - 1) / 2.0 ? "yes" : "NO");
    /* Agreement: one rank fails, every rank fails. */
    enum gs_status st = GS_OK;
    if (rank == size - 1)
        st = gs_error(sim, "this rank cannot");
    st = par_agree(sim, "test", st, "");
    if (rank == 0)
        printf("agreement with one failing node: %s\n", st == GS_OK ? "passed (WRONG)" : "failed");
    gs_diag_clear(sim);
    fflush(stdout);
    par_end_run(sim, PAR_END_SCRIPT);
    int rc = par_finalize(sim, 0);
    gs_sim_free(sim);
    return rc;
}
