/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par.h: the parallel layer's whole interface (STYLE P1): starting and
 * joining an MPI job, ranks and PGENESIS zones, barriers and other
 * meetings that service requests while they wait, agreement on collective
 * commands, remote command requests with replies and futures, the
 * lookahead store for the spike exchange, and aborting the job.
 *
 * Two implementations share this header: par_mpi.c (the only file that
 * includes <mpi.h>) and par_serial.c (one rank, built without MPI). The
 * protocol itself (remote.c, meet.c, ...) is common to both, so every
 * command behaves the same in a serial build. The layer never calls the
 * interpreter: the interpreter installs hooks (struct par_hooks) that run
 * a request's command and report errors.
 *
 * Node numbers: a "node" is a rank's number inside its zone (mynode), a
 * "total node" its number in the whole job (mytotalnode = the MPI rank).
 * Functions taking ranks say which they mean.
 */
#ifndef GS_PAR_H
#define GS_PAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../models/base/gs.h"
#include "../models/base/strbuf.h"

/* --- starting and ending ------------------------------------------------ */

/* Is this process one rank of an MPI job (mpirun, mpiexec, srun)? Looks at
 * the launchers' environment only; starts nothing. */
bool par_in_job(void);
/* Was this gensh built with MPI (can it run more than one rank)? */
bool par_have_mpi(void);

/*
 * Called first by main(): when NODES > 1 and the process is not inside an
 * MPI job, re-executes ARGV under the MPI launcher (mpiexec -n NODES ...)
 * and does not return. Returns -1 to go on (serial run, or joining a job),
 * or an exit status after printing why it cannot start.
 */
int par_launch(int nodes, bool oversubscribe, int argc, char **argv);
/* The most ranks a core -nodes starts without -oversubscribe. */
#define RANKS_PER_CORE_MAX 8

/*
 * Sets up sim->par: joins the MPI job when inside one (and checks NODES
 * against its size when NODES > 0), else one rank. Ranks other than 0 get
 * their stdout prefixed with "[node K] ". Errors: NODES differs from the
 * job's size, MPI failed to start; the message is in sim->diag.
 */
enum gs_status par_init(struct gs_sim *sim, int nodes);

/* How a rank's run ended, for par_end_run. */
enum par_end {
    PAR_END_SCRIPT, /* the script finished (batch): wait for the others */
    PAR_END_PROMPT, /* node 0 left its prompt: others waiting for it leave too */
    PAR_END_QUIT,   /* `quit` on node 0: end every rank now */
    PAR_END_SIGNAL, /* SIGTERM/SIGINT: leave at once, no protocol */
};

/*
 * Ends the parallel run. Rank 0 waits (servicing requests) until every
 * other rank has finished its script, then tells them to leave; the others
 * finish their script, then service requests until rank 0 tells them to
 * leave. Returns the number of errors reported on all ranks (on rank 0; a
 * rank's own count elsewhere).
 */
unsigned long par_end_run(struct gs_sim *sim, enum par_end how);

/*
 * Shuts the parallel layer down and frees sim->par. STATUS is the exit
 * status the run deserves; returns the one this process should exit with
 * (rank 0 hands STATUS to the launcher that started the job, so that no
 * rank exits non-zero and the MPI launcher does not abort the others).
 */
int par_finalize(struct gs_sim *sim, int status);

/* Frees sim->par without any protocol (tests, serial use). */
void par_free(struct gs_sim *sim);

/* Returns sim->par, creating a one-rank instance when none exists yet. */
struct par *par_get(struct gs_sim *sim);

/* Ends the whole job: prints "gensh[K]: fatal: MESSAGE; ending the job on
 * every node", flushes every stream and aborts every rank. */
GS_NORETURN void par_abort(struct gs_sim *sim, const char *fmt, ...) GS_PRINTFLIKE(2, 3);

/* --- ranks and zones ------------------------------------------------------ */

int par_rank(struct gs_sim *sim);   /* total node: 0 .. par_size-1 */
int par_size(struct gs_sim *sim);   /* total nodes in the job */
int par_mynode(struct gs_sim *sim); /* node number inside my zone */
int par_nnodes(struct gs_sim *sim); /* nodes in my zone */
int par_myzone(struct gs_sim *sim);
int par_nzones(struct gs_sim *sim);
/* Total node of node NODE of zone ZONE, or -1 when there is none. */
int par_total_node(struct gs_sim *sim, int zone, int node);
/* Has paron run (and not paroff since)? */
bool par_is_on(struct gs_sim *sim);

/* The zone layouts paron sets up (PGENESIS paron -farm/-parallel/-mixed). */
enum par_zoning { PAR_ZONES_FARM, PAR_ZONES_PARALLEL, PAR_ZONES_MIXED };

struct par_paron {
    enum par_zoning zoning;
    const long *mixed;  /* -mixed: nnodes nzones pairs (PAR_ZONES_MIXED) */
    int nmixed;         /* number of values in MIXED (even) */
    int nodes;          /* -nodes N, or 0 */
    int silent;         /* -silent level, or -1 */
    const char *output; /* -output NAME (per-rank files NAME.K), or NULL */
};

/* paron: collective over the whole job; every rank must ask for the same
 * layout. On success, zones and output routing take effect on all ranks. */
enum gs_status par_paron(struct gs_sim *sim, const struct par_paron *spec, const char *where);
/* paroff: collective; back to the layout before paron. */
enum gs_status par_paroff(struct gs_sim *sim, const char *where);

/* The zone's MPI communicator, for a library that does its own collective
 * I/O (parallel HDF5: parout.c): a pointer to an MPI_Comm, opaque outside
 * par_mpi.c, valid until the zones change or the job ends; NULL when this
 * rank is alone (no MPI job, or a build without MPI). Collective over the
 * zone the first time after the zones changed. */
const void *par_zone_mpi_comm(struct gs_sim *sim);

/* --- node lists ------------------------------------------------------------ */

/* The zone layout a node list is read against (also used by the tests). */
struct par_layout {
    int nzones;
    const int *zone_start; /* total node of each zone's node 0 */
    const int *zone_size;
    int me;                /* my total node */
};

/*
 * Parses a node list ("0", "1,3", "0-3", "all", "others", "2.1",
 * "all.others", ...; see docs/parallel.md) against LAY. On success *OUT
 * holds the total nodes, ascending and without repeats (the caller frees
 * it) and *N their number (0 for "others" in a zone of one). Errors: writes
 * a message such as "node 7 does not exist (nodes 0-3)" to ERR.
 */
enum gs_status par_nodelist_parse(const struct par_layout *lay, const char *text, int **out,
                                  int *n, char *err, size_t errlen);
/* The same against the current layout of SIM; errors go to sim->diag. */
enum gs_status par_nodelist(struct gs_sim *sim, const char *text, int **out, int *n);

/* --- settings (the PGENESIS /post fields) ---------------------------------- */

struct par_settings {
    double msg_hang_time;  /* s: how long any wait lasts before it fails (120) */
    double pvm_hang_time;  /* s: after this long, say who is being waited for (3) */
    bool sync_before_step; /* meet the zone before each step command (true) */
};

/* The settings in force: the fields of /post (setfield /post ...) once
 * paron has made it, PGENESIS's defaults before. */
const struct par_settings *par_settings(struct gs_sim *sim);

/* --- waiting, meetings and agreement --------------------------------------- */

/* Notes the command this rank starts (called for every command, so it is
 * cheap: a copy into shared memory, and nothing on one rank). Other ranks
 * name it when this one is too busy to answer them. */
void par_note_command(struct gs_sim *sim, const char *name, const char *where);

/* What this rank is doing, for other ranks' timeout messages ("stepping"
 * at WHERE, a "file.g:LINE" location or ""; both copied). Long commands
 * set it and clear it with WHAT = NULL when they return; waits set their
 * own. */
void par_set_activity(struct gs_sim *sim, const char *what, const char *where);

/*
 * Services incoming requests and control messages without blocking: runs
 * queued remote commands, records replies and meeting arrivals. The step
 * loop calls it between steps (as sim->service, which par_init installs
 * when there are several ranks), the prompt while idle. Returns GS_ERR when
 * the run must stop (quit arrived from node 0, or an interrupt); the
 * caller then returns promptly (sim->quit_requested tells which).
 */
enum gs_status par_service(struct gs_sim *sim);

/*
 * clearthreads: runs every request and control message that has arrived,
 * now (par_service polls at most every 0.5 ms). Scripts call it in loops
 * that wait for other nodes, so when nothing had arrived it yields the CPU
 * for 50 us. Returns GS_ERR as par_service does.
 */
enum gs_status par_clear_requests(struct gs_sim *sim);

/*
 * Waits until FD is readable (node 0's prompt), servicing requests all the
 * while. Returns GS_ERR when the run must stop instead.
 */
enum gs_status par_wait_readable(struct gs_sim *sim, int fd);

/* Marks this rank as at the interactive prompt (or not): ranks waiting for
 * it then wait for the user rather than time out. */
void par_at_prompt(struct gs_sim *sim, bool at_prompt);

/* PGENESIS barrier ids: 1-24 for scripts; these for gensh's own uses. */
enum {
    PAR_BARRIER_MAX_USER = 24,
    PAR_BARRIER_DEFAULT = 31,     /* barrier with no id */
    PAR_BARRIER_ALL_DEFAULT = 30, /* barrierall with no id */
    PAR_BARRIER_PAROFF = 29,
    PAR_BARRIER_STEP = 28,        /* sync_before_step */
    PAR_BARRIER_RESET = 27,
};

/*
 * barrier (ALL false: my zone) or barrierall (ALL true: every rank) with
 * id ID. Waits at most TIMEOUT seconds (<= 0: msg_hang_time), servicing
 * requests, and says whom it waits for after NOTE seconds (< 0:
 * pvm_hang_time). Errors: a timeout naming the nodes that did not arrive
 * and where each is, a node that gave up or finished its script, a
 * deadlock.
 */
enum gs_status par_barrier(struct gs_sim *sim, bool all, int id, double timeout, double note,
                           const char *where);

/*
 * Agreement for collective commands (STYLE P2): every rank of the zone
 * calls it with its status; if any failed, every rank fails. A rank that
 * failed keeps its own diagnostic; on the others it names the failing node
 * (node 0 of the zone gets the failing node's message). CMD names the
 * command, checked to be the same on every rank.
 */
enum gs_status par_agree(struct gs_sim *sim, const char *cmd, enum gs_status st,
                         const char *where);

enum par_op { PAR_SUM, PAR_MIN, PAR_MAX };
/* Element-wise reduction of V[0..N-1] over the zone (ALL: every rank). */
enum gs_status par_allreduce(struct gs_sim *sim, bool all, enum par_op op, double *v, int n,
                             const char *what, const char *where);

/* --- remote commands ------------------------------------------------------- */

/* What a request asks the target to run, and what it answers. */
struct par_request {
    int origin;          /* total node that sent it */
    const char *where;   /* origin's location ("f.g:40" or "") */
    const char *name;    /* command or script function */
    int argc;
    const char *const *argv; /* the words, substituted at the origin */
    bool capture;        /* send the command's output back to the origin */
};

struct par_result {
    enum gs_status st;
    struct strbuf value; /* the command's value, as text */
    bool has_value;
    char kind;           /* 'i' integer, 'r' real, 's' string: how VALUE reads */
    struct strbuf msg;   /* on failure: what went wrong */
    struct strbuf output; /* captured output (when asked) */
};

/* Hooks the interpreter installs (interp/lpar.c). */
struct par_hooks {
    /* Runs REQ on this rank; fills RES (its strbufs start empty). */
    void (*exec)(struct gs_sim *sim, const struct par_request *req, struct par_result *res);
    /* Reports an error line that arose outside any command (an async
     * request that failed, with nobody waiting on it). */
    void (*report)(struct gs_sim *sim, const char *msg);
};
void par_set_hooks(struct gs_sim *sim, const struct par_hooks *hooks);

/* Flags of a remote call. */
enum {
    PAR_CALL_CAPTURE = 1u << 0, /* bring the targets' output back here */
    PAR_ASYNC_KEEP = 1u << 1,   /* async -complete/-scalar: keep the future for waiton */
};

/*
 * Runs NAME ARGV on the nodes of NODELIST (a node-list string) and waits
 * for every reply, servicing requests; runs it here too if this node is in
 * the list (after sending to the others). On success RESULT (when not
 * NULL) receives the value of the first node of the list that returned
 * one, with its kind ('i', 'r', 's'; 0 when none returned a value).
 * Errors: a bad node list (nothing is sent), a remote failure ("node 2:
 * message"), a timeout.
 */
enum gs_status par_call(struct gs_sim *sim, const char *nodelist, const char *name, int argc,
                        const char *const *argv, unsigned flags, const char *where,
                        struct strbuf *result, char *kind);

/*
 * Like par_call, but returns at once with a future id (> 0) in *FUTURE.
 * With PAR_ASYNC_KEEP in FLAGS the future is kept until a waiton collects
 * it; otherwise it is forgotten once complete, and a failure is reported
 * (with WHERE) as soon as its reply arrives.
 */
enum gs_status par_async(struct gs_sim *sim, const char *nodelist, const char *name, int argc,
                         const char *const *argv, const char *where, unsigned flags,
                         long *future);

/*
 * waiton: waits for future FUTURE (or every outstanding future when
 * FUTURE is 0) to complete, servicing requests. RESULT receives the value
 * of a single future, *KIND its kind as for par_call. Errors: unknown future, a remote failure, a timeout.
 */
enum gs_status par_waiton(struct gs_sim *sim, long future, struct strbuf *result, char *kind);

/* --- lookahead (for the spike exchange) ------------------------------------ */

/* setlookahead: VALUE (s) for node NODE of my zone, or for every node when
 * NODE < 0. VALUE <= 0 returns to the computed lookahead. */
void par_set_lookahead(struct gs_sim *sim, int node, double value);
/* The lookahead with respect to NODE (s): the value set, else the computed
 * one; 0 when neither is known. */
double par_get_lookahead(struct gs_sim *sim, int node);
/* Was a value set for NODE (rather than computed)? */
bool par_lookahead_is_set(struct gs_sim *sim, int node);
/* The spike exchange reports the minimum delay of the remote SPIKE
 * connections from each node (s; <= 0: none) through this. */
void par_set_computed_lookahead(struct gs_sim *sim, int node, double min_delay);

/* --- spike exchange (used by the solver; see docs/parallel.md) --------------- */

/* One spike crossing ranks: its emission time and the global id of its
 * source (io_index or another rank-independent identity). */
struct par_spike {
    double t;     /* s */
    uint64_t gid;
};

/*
 * Exchanges the spikes emitted on every rank of the zone during one
 * lookahead window: each rank gives its own (LOCAL, N) and receives all of
 * them in *ALL (*NALL; the caller frees), sorted by (t, gid), the same on
 * every rank whatever the rank count. Services requests while it waits.
 */
enum gs_status par_exchange_spikes(struct gs_sim *sim, const struct par_spike *local, size_t n,
                                   struct par_spike **all, size_t *nall);

/* --- point-to-point data (used for values sent across nodes) ------------------- */

/*
 * Sends LEN bytes to node NODE of my zone (not this one) under TAG and
 * sequence number SEQ, without waiting. Messages from one node arrive in
 * the order they were sent.
 */
void par_data_send(struct gs_sim *sim, int node, uint32_t tag, uint64_t seq, const void *buf,
                   size_t len);
/*
 * Waits, servicing requests, for the message under TAG with sequence SEQ
 * from node NODE of my zone; messages from it under TAG with a smaller
 * sequence (left over from a run that stopped early) are dropped. On
 * success *MSG holds the message (free it with par_data_free) and *PAY,
 * *LEN its payload. WHAT names the wait in messages. Errors: as any wait
 * (timeout, a node that gave up, deadlock).
 */
enum gs_status par_data_recv(struct gs_sim *sim, int node, uint32_t tag, uint64_t seq,
                             const char *what, void **msg, const void **pay, size_t *len);
void par_data_free(void *msg);

#endif
