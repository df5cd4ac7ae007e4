/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * finish.c: how a parallel run ends, so that no rank is left waiting and
 * no output is lost. A rank other than 0 that finishes its script (or runs
 * `quit`) tells everyone it is done, then keeps servicing requests (node
 * 0's prompt may still send it `step@all`) until node 0 says leave. Node 0
 * ends the run when its script and prompt are over: it tells everyone,
 * waits until every rank is done, says leave, and all ranks meet a last
 * time before MPI shuts down. `quit` on node 0 (or quit@all) says leave
 * first, so the others stop at their next service point. When node 0's
 * user leaves the prompt, ranks waiting at a barrier for node 0 (the
 * PGENESIS way of keeping them for the prompt) leave quietly; a batch
 * script that ends while others wait for it makes their barriers fail.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "par_int.h"
#include "parout.h"

static void
broadcast_quit(struct par *p, int status)
{
    for (int r = 1; r < p->size; r++) {
        struct wire w;
        par_msg_begin(&w, PAR_MSG_QUIT);
        wire_u32(&w, (uint32_t)status);
        par_send(p, r, &w);
    }
}

/* Node 0: waits until every other rank has finished its script. */
static void
wait_all_done(struct par *p)
{
    struct par_wait w;
    int *missing = xmalloc((size_t)p->size * sizeof *missing);
    par_wait_begin(&w, p, "the end of the run", "", 0, PAR_WAIT_FINISH);
    for (;;) {
        int n = 0;
        for (int r = 1; r < p->size; r++)
            if (p->peer_state[r] != PAR_DONE)
                missing[n++] = r;
        if (n == 0)
            break;
        /* A request run here may have asked to quit: that only hurries
         * the end along. */
        p->sim->quit_requested = false;
        if (par_wait_step(&w, missing, n) != GS_OK) {
            if (p->sim->quit_requested)
                continue;
            char msg[sizeof p->sim->diag.msg];
            snprintf(msg, sizeof msg, "%s", p->sim->diag.msg);
            par_abort(p->sim, "%s", msg);
        }
    }
    par_wait_end(&w);
    free(missing);
}

/* Ranks > 0: service requests until node 0 says leave. */
static void
serve_until_quit(struct par *p)
{
    int idle = 0;
    par_push_activity(p, "finished its script", "", -1);
    while (!p->quit_received) {
        /* `quit` run here by a request ends nothing more: this rank's
         * script is already over. */
        p->sim->quit_requested = false;
        if (p->sim->interrupted) {
            /* SIGTERM (the launcher is ending the job): leave at once. */
            p->ending = PAR_END_SIGNAL;
            break;
        }
        if (par_poll(p, false)) {
            idle = 0;
            continue;
        }
        /* The windows of a graphics node other than 0 stay live. */
        if (p->sim->gui_pump)
            p->sim->gui_pump(p->sim, false);
        struct timespec ts = {0, idle < 100 ? 50000 : idle < 2000 ? 1000000 : 5000000};
        nanosleep(&ts, NULL);
        idle++;
    }
    par_pop_activity(p);
}

unsigned long
par_end_run(struct gs_sim *sim, enum par_end how)
{
    struct par *p = sim->par;
    if (!p)
        return sim->nerrors;
    par_report_orphans(p);
    /* This rank's last lines reach node 0 before its "done" does; what it
     * prints from now on is served requests' output or goes directly. */
    par_output_unroute(p);
    p->ending = how;
    if (!p->mpi || p->size == 1 || how == PAR_END_SIGNAL)
        return sim->nerrors;
    unsigned long total = sim->nerrors;
    p->nacts = 0;
    p->at_prompt = false;
    if (p->rank == 0) {
        if (how == PAR_END_QUIT) {
            broadcast_quit(p, sim->exit_status);
            p->quit_received = true;
        }
        par_broadcast_state(p, how == PAR_END_PROMPT ? PAR_CLOSING : PAR_FINISHING);
        wait_all_done(p);
        if (how != PAR_END_QUIT)
            broadcast_quit(p, sim->exit_status);
        for (int r = 1; r < p->size; r++)
            total += p->peer_errors[r];
    } else {
        if (!p->quit_received)
            sim->quit_requested = false;
        par_broadcast_state(p, PAR_DONE);
        serve_until_quit(p);
    }
    return total;
}

int
par_finalize(struct gs_sim *sim, int status)
{
    struct par *p = sim->par;
    if (!p)
        return status;
    int rank = p->rank;
    bool mpi = p->mpi;
    /* Ended by a signal (the launcher is ending the job: a node died, or
     * Ctrl-C): the launcher's own status says more than ours. */
    bool report = p->ending != PAR_END_SIGNAL;
    fflush(NULL);
    /* Files every node writes through MPI-IO are closed while MPI runs. */
    parout_end(sim, p->ending != PAR_END_SIGNAL);
    /* Then every rank's own files (hdf5_out, sonata_out, asc_file...),
     * also while MPI runs: MPI_Finalize ends the HDF5 library too, and an
     * hdf5_out closed after it lost the rows it still held. Windows show
     * elements, so they close first. */
    if (sim->gui_close)
        sim->gui_close(sim);
    model_free(sim);
    /* After a signal the launcher is ending the job: no last meeting. */
    if (mpi && p->ending != PAR_END_SIGNAL)
        tr_finish(p);
    par_free(sim);
    if (!mpi)
        return status;
    /* The launcher collects node 0's status; every rank exits 0, so the
     * MPI launcher never aborts a job that ended well. */
    const char *file = getenv("GENSH_STATUS_FILE");
    if (rank != 0)
        return 0;
    if (file && *file && report) {
        FILE *f = fopen(file, "w");
        if (f) {
            fprintf(f, "%d\n", status);
            if (fclose(f) == 0)
                return 0;
        }
    }
    return status;
}
