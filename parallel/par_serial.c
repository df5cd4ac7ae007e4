/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_serial.c: the transport of a build without MPI: always one rank.
 * The protocol code above it (remote.c, meet.c, ...) is the same as in an
 * MPI build, so every parallel command works, and is tested, here too: a
 * node list can only name node 0, meetings of one rank complete at once.
 * Nothing may ever be sent.
 */
#include <stdio.h>
#include <stdlib.h>

#include "par_int.h"

bool
par_have_mpi(void)
{
    return false;
}

int
tr_launch(int nodes, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr,
            "gensh: -nodes %d: this gensh was built without MPI, so it runs on one node only "
            "(install Open MPI, e.g. the Debian packages libopenmpi-dev and openmpi-bin, and "
            "run configure again)\n",
            nodes);
    return 2;
}

enum gs_status
tr_init(struct par *p, char *err, size_t errlen)
{
    p->mpi = false;
    p->rank = 0;
    p->size = 1;
    if (par_in_job()) {
        /* Every rank would run the whole script alone: refuse. */
        snprintf(err, errlen,
                 "this gensh was built without MPI, but it was started as one rank of an "
                 "MPI job; rebuild it with Open MPI");
        return GS_ERR;
    }
    return GS_OK;
}

void
tr_send(struct par *p, int dest, struct strbuf *msg)
{
    (void)msg;
    GS_BUG("message to node %d in a one-node run (node %d)", dest, p->rank);
}

bool
tr_recv(struct par *p, int *src, char **buf, size_t *len)
{
    (void)p;
    (void)src;
    (void)buf;
    (void)len;
    return false;
}

bool
tr_sends_done(struct par *p)
{
    (void)p;
    return true;
}

void
tr_finish(struct par *p)
{
    (void)p;
}

void
tr_abort(struct par *p, int code)
{
    (void)p;
    exit(code);
}

void
tr_free(struct par *p)
{
    (void)p;
}

void
tr_board_post(struct par *p, const char *name, const char *where)
{
    (void)p;
    (void)name;
    (void)where;
}

bool
tr_board_read(struct par *p, int r, char *name, size_t nlen, char *where, size_t wlen)
{
    (void)p;
    (void)r;
    (void)name;
    (void)nlen;
    (void)where;
    (void)wlen;
    return false;
}

const void *
par_zone_mpi_comm(struct gs_sim *sim)
{
    (void)sim;
    return NULL;
}
