/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_int.h: private to parallel/: the parallel state (struct par), the
 * wire format of messages between ranks, the transport interface that
 * par_mpi.c and par_serial.c implement, and the pieces the protocol files
 * (service.c, meet.c, remote.c, finish.c) share.
 *
 * All traffic between ranks is small point-to-point messages on one
 * channel, so messages from one rank arrive in the order they were sent.
 * Nothing ever blocks in the transport: sends are buffered (the transport
 * keeps them until they complete) and receives are polled, so a rank that
 * waits always keeps servicing requests, and two ranks sending to each
 * other can never deadlock.
 */
#ifndef GS_PAR_INT_H
#define GS_PAR_INT_H

#include <stdio.h>

#include "../models/core/core.h"
#include "par.h"

/* --- wire format ------------------------------------------------------------ */

/* Message types (the first word of every message). */
enum par_msg {
    PAR_MSG_REQ = 1, /* run a command: id, flags, where, name, argv */
    PAR_MSG_REPLY,   /* its outcome: id, status, value, message, output */
    PAR_MSG_MEET,    /* arrival at a meeting: group, id, gen, what, where, payload */
    PAR_MSG_ABANDON, /* a rank gave up a meeting: group, id, gen, reason */
    PAR_MSG_STATE,   /* a rank's run state changed: state, errors */
    PAR_MSG_WHERE_Q, /* where are you? query id */
    PAR_MSG_WHERE_A, /* answer: query id, state, description */
    PAR_MSG_QUIT,    /* from total node 0: leave now */
    PAR_MSG_DATA,    /* point-to-point data (par_data_send): tag, seq, payload */
    PAR_MSG_OUTPUT,  /* to node 0: what a rank printed (rankout.c): stream, text */
};

/* Builds a message. */
struct wire {
    struct strbuf sb;
};
void wire_u32(struct wire *w, uint32_t v);
void wire_u64(struct wire *w, uint64_t v);
void wire_f64(struct wire *w, double v);
void wire_str(struct wire *w, const char *s);
void wire_bytes(struct wire *w, const void *p, size_t n);

/* Reads one; any overrun sets BAD (a corrupt message is a bug). */
struct wire_rd {
    const char *p;
    size_t left;
    bool bad;
};
uint32_t rd_u32(struct wire_rd *r);
uint64_t rd_u64(struct wire_rd *r);
double rd_f64(struct wire_rd *r);
/* A string inside the message (NUL-terminated there); "" when bad. */
const char *rd_str(struct wire_rd *r);
/* N bytes inside the message; *N receives the count. */
const void *rd_bytes(struct wire_rd *r, size_t *n);

/* --- transport (par_mpi.c or par_serial.c) --------------------------------- */

/* par_launch's work: re-executes under the MPI launcher (or says why not). */
int tr_launch(int nodes, int argc, char **argv);
/* Joins the job (inside one) or stays one rank; sets p->rank, p->size. */
enum gs_status tr_init(struct par *p, char *err, size_t errlen);
/* Sends MSG to total node DEST; takes MSG's buffer. */
void tr_send(struct par *p, int dest, struct strbuf *msg);
/* Receives one waiting message: returns true with *BUF (caller frees). */
bool tr_recv(struct par *p, int *src, char **buf, size_t *len);
/* Advances buffered sends; returns true when none is left. */
bool tr_sends_done(struct par *p);
/* Meets every rank one last time and shuts the transport down. */
void tr_finish(struct par *p);
GS_NORETURN void tr_abort(struct par *p, int code);
/* Frees the transport's state (after tr_finish, or without MPI). */
void tr_free(struct par *p);
/* Monotonic seconds (service.c). */
double tr_wtime(void);
/* The whereabouts board: one slot per rank, in memory every rank of a
 * single-host job can read without the owner's help, so that a rank busy
 * in a long command can still be located. Post writes this rank's slot;
 * read copies rank R's (false when there is no board). */
void tr_board_post(struct par *p, const char *name, const char *where);
bool tr_board_read(struct par *p, int r, char *name, size_t nlen, char *where, size_t wlen);

/* --- state ------------------------------------------------------------------ */

/* A rank's run state, as the others know it. */
enum par_state {
    PAR_RUNNING = 0, /* running its script (or commands) */
    PAR_PROMPT,      /* idle at the interactive prompt */
    PAR_DONE,        /* finished its script; only services requests */
    PAR_FINISHING,   /* total node 0 ending the job at the end of its script */
    PAR_CLOSING,     /* total node 0 ending the job after its prompt */
};

/* What a rank is doing, for the others' timeout messages. */
struct par_activity {
    char what[96];   /* "at barrier 7", "running step for node 0" */
    char where[160]; /* "f.g:30" or "" */
    int serving;     /* origin of the request being run, or -1 */
    bool waiting;    /* a wait (barrier, reply, ...), not work */
};

/* A meeting arrival or give-up notice received from another rank. */
struct par_meetrec {
    int group, id;   /* PAR_GROUP_*, meeting id */
    int src;         /* total node */
    uint64_t serial; /* order of arrival here */
    uint64_t claimed; /* the meeting (its serial) this arrival counts for, or 0 */
    bool abandon;    /* a give-up notice rather than an arrival */
    bool fact;       /* (abandon) the reason is a third node's state, which every
                      * waiter learns: report it, not who passed it on */
    char *what;      /* "barrier 7", "reset", ...; or the reason (abandon) */
    char *where;
    char *payload;
    size_t paylen;
};

enum { PAR_GROUP_ZONE = 0, PAR_GROUP_WORLD = 1 };

/* Internal meeting ids, above the barrier ids (1-31). */
enum {
    PAR_MEET_AGREE = 40,
    PAR_MEET_REDUCE = 41,
    PAR_MEET_SPIKES = 42,
    PAR_MEET_PARON = 43,
    PAR_MEET_BARRIER_BASE = 0, /* barrier id N is meeting id N */
};

/* A request this rank sent and the reply it is waiting for. */
struct par_pending {
    uint64_t id;
    int node;        /* total node it went to */
    long future;     /* the future it belongs to, or 0 for a plain call */
    long call;       /* the plain call it belongs to, or 0 */
    bool done;
    struct par_result res;
};

/* An async call (a future). */
struct par_future {
    long id;
    bool keep;       /* -complete/-scalar: kept until waited on */
    char *label;     /* "f.g:12: async echo@2" for messages */
};

/* A request received and not yet run. */
struct par_inreq {
    int src;
    char *buf;       /* the message, parsed again when it runs */
    size_t len;
};

/* An answer to a where-query. */
struct par_answer {
    uint64_t qid;
    int src;
    enum par_state state;
    int serving;     /* origin of the request it is running, or -1 */
    bool waiting;    /* it is itself blocked in a wait */
    bool waits_for_me; /* ... at a meeting that waits for the asker */
    double elapsed;  /* s it has waited there */
    char *desc;
};

struct par {
    struct gs_sim *sim;
    int rank, size;          /* total node, total nodes */
    bool mpi;                /* inside an MPI job (transport active) */
    bool board;              /* the whereabouts board is there */
    bool crowded;            /* more ranks on this host than cores (waits sleep) */
    void *tr;                /* transport-private */

    /* zones (PGENESIS): before paron, one zone holding every rank */
    bool on;                 /* paron has run */
    enum par_zoning zoning;
    int nzones;
    int *zone_start, *zone_size;
    int myzone, mynode;

    struct par_settings set;     /* from /post when it exists (par_refresh_settings) */
    struct gs_handle post;       /* the /post element paron made */
    bool has_post;
    double note_override;        /* s: the next wait's note interval, or < 0 */
    struct par_hooks hooks;

    /* what this rank is doing */
    struct par_activity acts[16];
    int nacts;
    bool at_prompt;
    enum par_state state;

    /* what the others are doing */
    unsigned char *peer_state;   /* enum par_state per total node */
    unsigned long *peer_errors;  /* errors each rank reported at DONE */
    bool quit_received;          /* total node 0 said: leave */
    enum par_end ending;         /* how par_end_run was asked to end */

    /* requests */
    uint64_t next_req;
    long next_call, next_future;
    struct par_pending *pend;
    size_t npend, cappend;
    struct par_future *futs;
    size_t nfuts, capfuts;
    struct par_inreq *inq;       /* FIFO of requests to run */
    size_t inq_head, inq_len, inq_cap;
    int running_requests;        /* nesting depth of requests being run */

    /* meetings */
    struct par_meetrec *recs;
    size_t nrecs, caprecs;
    uint64_t rec_serial;          /* records received so far */
    uint64_t meet_serial;         /* meetings started so far */
    struct par_inflight {
        int group, id;
        uint64_t serial;
        int first, n;              /* its members: total nodes first .. first+n-1 */
    } *inflight;                   /* meetings under way, oldest first (they nest) */
    int ninflight;

    /* point-to-point data received and not yet taken (par_data_recv),
     * in arrival order */
    struct par_datarec {
        int src;                   /* total node */
        uint32_t tag;
        uint64_t seq;
        char *buf;                 /* the whole message */
        const char *pay;           /* its payload, inside BUF */
        size_t len;
    } *data;
    size_t ndata, capdata;
    size_t data_head;              /* entries before it are taken (buf NULL) */

    /* where-queries */
    uint64_t next_query;
    struct par_answer *answers;
    size_t nanswers, capanswers;

    /* lookahead, per total node: set by setlookahead, computed by spikes */
    double *la_set, *la_auto;

    /* output of this rank */
    FILE *orig_stdout;           /* stdout before par_init replaced it */
    FILE *prefixed;              /* the "[node K] " stream, or NULL */
    int out_fd;                  /* where the prefixed stream writes */
    bool out_midline;
    char *output_name;           /* paron -output NAME */
    /* Node 0 has a person at its prompt: this rank's output and error lines
     * go to node 0, which prints them above the prompt (rankout.c). */
    bool route_output;
    FILE *routed_err;            /* sim->err while routed, or NULL */
    FILE *orig_err;              /* sim->err before */
    int service_depth;
    double last_service;         /* when par_service last polled (tr_wtime) */
    bool sends_pending;          /* sends not yet complete at the last poll */
    struct par_wait *wait_top;   /* the innermost wait under way */
};

/* --- shared helpers ------------------------------------------------------------ */

/* Reads the settings from /post into p->set (when /post exists). */
void par_refresh_settings(struct par *p);

struct par *par_new(struct gs_sim *sim);
/* Sets the zone layout to the single zone of every rank. */
void par_layout_single(struct par *p);
/* The layout for the node-list parser. */
void par_layout_of(struct par *p, struct par_layout *lay);
/* Members of GROUP (total nodes, ascending): *FIRST and *N. Zones are
 * contiguous ranges of total nodes. */
void par_group_range(struct par *p, int group, int *first, int *n);

/* Sends the message W (its buffer is taken) to total node DEST. */
void par_send(struct par *p, int dest, struct wire *w);
/* Starts a message of TYPE. */
void par_msg_begin(struct wire *w, enum par_msg type);

/* Polls the transport and handles what arrived; runs queued requests
 * unless NO_RUN. Returns the number of messages handled. */
int par_poll(struct par *p, bool no_run);

/* Activity stack (for where-answers). */
void par_push_activity(struct par *p, const char *what, const char *where, int serving);
void par_pop_activity(struct par *p);
/* One line describing this rank's activity ("at barrier 7 (f.g:30)"). */
void par_describe(struct par *p, struct strbuf *sb);

/* Broadcasts this rank's state to every other rank. */
void par_broadcast_state(struct par *p, enum par_state st);

/* What a wait is for: it decides when a wait that has run out of time
 * is a hang and when it goes on (see par_wait_step). */
enum par_wait_kind {
    PAR_WAIT_MEET,   /* others must arrive: a hang unless all are at the prompt */
    PAR_WAIT_REPLY,  /* replies: goes on while a target works on the request */
    PAR_WAIT_FINISH, /* the end of the run: goes on while anyone still works */
};

/*
 * A wait with a timeout, notes and where-queries (P3). The waiter calls
 * par_wait_step() in its loop with the ranks it is still waiting for;
 * it returns GS_ERR (diag set, or quitting) when the wait must end.
 */
struct par_wait {
    struct par *p;
    struct par_wait *prev;   /* the wait this one runs inside, or NULL */
    const char *what;        /* "barrier 7" */
    enum par_wait_kind kind;
    const int *missing;      /* whom it waits for (as of the last step) */
    int nmissing;
    double start, deadline, next_note, note_every, timeout;
    int idle;                /* 0 until the first poll (for the back-off) */
    double last_traffic;     /* when a message last came, for the back-off */
    bool recheck;            /* messages came: let the caller look again first */
    uint64_t qid;            /* where-query in flight, or 0 */
    double qsent, qdeadline;
    double qnominal;         /* s into the wait the note in flight was due */
    bool qfor_deadline;      /* the query decides a timeout (else a note) */
    bool extended;           /* the deadline was put off (someone was working) */
};
void par_wait_begin(struct par_wait *w, struct par *p, const char *what, const char *where,
                    double timeout, enum par_wait_kind kind);
enum gs_status par_wait_step(struct par_wait *w, const int *missing, int nmissing);
void par_wait_end(struct par_wait *w);

/* Request execution and replies (remote.c). */
void par_handle_request(struct par *p, int src, char *buf, size_t len);
void par_handle_reply(struct par *p, int src, struct wire_rd *r);
void par_run_queued(struct par *p);
void par_result_init(struct par_result *res);
void par_result_free(struct par_result *res);
/* Reports failures of finished futures nobody waits for (at finish). */
void par_report_orphans(struct par *p);

/* Meetings (meet.c). */
enum gs_status par_agree_group(struct gs_sim *sim, int group, const char *cmd, enum gs_status st,
                               const char *where);
void par_handle_meet(struct par *p, int src, struct wire_rd *r, bool abandon);
/* Keeps a PAR_MSG_DATA message (takes BUF; R is past the type word). */
void par_handle_data(struct par *p, int src, char *buf, struct wire_rd *r);
void par_meet_free(struct par *p);

/* Per-rank output (rankout.c). */
void par_output_prefix(struct par *p);
enum gs_status par_output_to_file(struct par *p, const char *name);
void par_output_restore(struct par *p);
/* On a rank other than 0 whose node 0 has a person at its prompt: output
 * and error lines travel to node 0 from now on. */
void par_output_route(struct par *p);
/* Sends what is held back and writes directly again (the run is ending). */
void par_output_unroute(struct par *p);
/* Node 0: prints what rank SRC printed (a PAR_MSG_OUTPUT message). */
void par_handle_output(struct par *p, int src, struct wire_rd *r);

/* A node number as the user sees it in messages: the total node. */
#define PAR_NODE_WORD(n) ((n) == 1 ? "node" : "nodes")

#endif
