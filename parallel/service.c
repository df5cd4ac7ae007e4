/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * service.c: the heart of waiting. Polls the transport, sorts what arrives
 * (requests are queued and run in arrival order, replies and meeting
 * arrivals are recorded, where-queries are answered at once), and gives
 * every wait the same behaviour (STYLE P3): it keeps servicing requests,
 * backs off so that oversubscribed ranks do not steal each other's CPU,
 * says who it is waiting for after pvm_hang_time, and fails after
 * msg_hang_time naming the nodes that did not come and where each one is.
 * A wait for nodes that are all at the interactive prompt waits for the
 * user instead of failing.
 */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "par_int.h"

double
tr_wtime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void
par_msg_begin(struct wire *w, enum par_msg type)
{
    w->sb = (struct strbuf)STRBUF_INIT;
    wire_u32(w, (uint32_t)type);
}

void
par_send(struct par *p, int dest, struct wire *w)
{
    if (dest == p->rank || dest < 0 || dest >= p->size)
        GS_BUG("message to node %d from node %d (of %d)", dest, p->rank, p->size);
    tr_send(p, dest, &w->sb);
}

void
par_broadcast_state(struct par *p, enum par_state st)
{
    p->state = st;
    for (int r = 0; r < p->size; r++) {
        if (r == p->rank)
            continue;
        struct wire w;
        par_msg_begin(&w, PAR_MSG_STATE);
        wire_u32(&w, (uint32_t)st);
        wire_u64(&w, p->sim->nerrors);
        par_send(p, r, &w);
    }
}

/* The state this rank reports when asked: busy with a request counts as
 * running, whatever the rank was doing underneath. */
static enum par_state
reported_state(struct par *p)
{
    if (p->running_requests > 0)
        return PAR_RUNNING;
    return p->state;
}

static int
serving_origin(struct par *p)
{
    int top = p->nacts < (int)(sizeof p->acts / sizeof p->acts[0])
                  ? p->nacts
                  : (int)(sizeof p->acts / sizeof p->acts[0]);
    for (int i = top - 1; i >= 0; i--)
        if (p->acts[i].serving >= 0)
            return p->acts[i].serving;
    return -1;
}

/* Is this rank blocked in a wait (with no request running above it)? */
static bool
is_waiting(struct par *p)
{
    int top = p->nacts < (int)(sizeof p->acts / sizeof p->acts[0])
                  ? p->nacts
                  : (int)(sizeof p->acts / sizeof p->acts[0]);
    return top > 0 && p->acts[top - 1].waiting;
}

/* Is this rank blocked at a meeting that waits for total node ASKER? */
static bool
meeting_waits_for(struct par *p, int asker)
{
    const struct par_wait *w = p->wait_top;
    if (!is_waiting(p) || !w || w->kind != PAR_WAIT_MEET)
        return false;
    for (int i = 0; i < w->nmissing; i++)
        if (w->missing[i] == asker)
            return true;
    return false;
}

static void
answer_where(struct par *p, int src, uint64_t qid)
{
    struct strbuf desc = STRBUF_INIT;
    struct wire w;
    par_describe(p, &desc);
    par_msg_begin(&w, PAR_MSG_WHERE_A);
    wire_u64(&w, qid);
    wire_u32(&w, (uint32_t)reported_state(p));
    wire_u32(&w, (uint32_t)(serving_origin(p) + 1));
    wire_u32(&w, is_waiting(p));
    wire_u32(&w, meeting_waits_for(p, src));
    wire_f64(&w, p->wait_top ? tr_wtime() - p->wait_top->start : 0);
    wire_str(&w, sb_str(&desc));
    par_send(p, src, &w);
    sb_free(&desc);
}

static void
store_answer(struct par *p, int src, struct wire_rd *r)
{
    uint64_t qid = rd_u64(r);
    enum par_state st = (enum par_state)rd_u32(r);
    int serving = (int)rd_u32(r) - 1;
    bool waiting = rd_u32(r) != 0;
    bool waits_for_me = rd_u32(r) != 0;
    double elapsed = rd_f64(r);
    const char *desc = rd_str(r);
    if (r->bad)
        return;
    if (p->nanswers == p->capanswers) {
        p->capanswers = p->capanswers ? 2 * p->capanswers : 8;
        p->answers = xreallocarray(p->answers, p->capanswers, sizeof *p->answers);
    }
    struct par_answer *a = &p->answers[p->nanswers++];
    a->qid = qid;
    a->src = src;
    a->state = st;
    a->serving = serving;
    a->waiting = waiting;
    a->waits_for_me = waits_for_me;
    a->elapsed = elapsed;
    a->desc = xstrdup(desc);
}

/* Handles one message; takes BUF. */
static void
handle(struct par *p, int src, char *buf, size_t len)
{
    struct wire_rd r = {buf, len, false};
    enum par_msg type = (enum par_msg)rd_u32(&r);
    switch (type) {
    case PAR_MSG_REQ:
        par_handle_request(p, src, buf, len); /* keeps BUF */
        return;
    case PAR_MSG_REPLY:
        par_handle_reply(p, src, &r);
        break;
    case PAR_MSG_DATA:
        par_handle_data(p, src, buf, &r); /* keeps BUF */
        return;
    case PAR_MSG_MEET:
    case PAR_MSG_ABANDON:
        par_handle_meet(p, src, &r, type == PAR_MSG_ABANDON);
        break;
    case PAR_MSG_STATE: {
        uint32_t st = rd_u32(&r);
        uint64_t errs = rd_u64(&r);
        if (!r.bad) {
            p->peer_state[src] = (unsigned char)st;
            p->peer_errors[src] = (unsigned long)errs;
        }
        break;
    }
    case PAR_MSG_WHERE_Q: {
        uint64_t qid = rd_u64(&r);
        if (!r.bad)
            answer_where(p, src, qid);
        break;
    }
    case PAR_MSG_WHERE_A:
        store_answer(p, src, &r);
        break;
    case PAR_MSG_OUTPUT:
        par_handle_output(p, src, &r);
        break;
    case PAR_MSG_QUIT:
        rd_u32(&r);
        p->quit_received = true;
        p->sim->quit_requested = true;
        break;
    default:
        r.bad = true;
        break;
    }
    if (r.bad)
        GS_BUG("corrupt message (type %u, %zu bytes) from node %d", (unsigned)type, len, src);
    free(buf);
}

int
par_poll(struct par *p, bool no_run)
{
    int n = 0;
    if (p->mpi) {
        int src;
        char *buf;
        size_t len;
        while (tr_recv(p, &src, &buf, &len)) {
            handle(p, src, buf, len);
            n++;
        }
        p->sends_pending = !tr_sends_done(p);
    }
    if (!no_run && p->inq_len > 0) {
        par_run_queued(p);
        n++;
    }
    return n;
}

enum gs_status
par_service(struct gs_sim *sim)
{
    struct par *p = sim->par;
    if (!p || !p->mpi)
        return sim->quit_requested ? GS_ERR : GS_OK;
    /* Called between steps, thousands of times a second: a poll costs a
     * system call (Open MPI yields the CPU in it when ranks share cores),
     * and one every 0.5 ms serves requests promptly enough. */
    double now = tr_wtime();
    if (now - p->last_service < 0.0005 && now >= p->last_service)
        return sim->quit_requested ? GS_ERR : GS_OK;
    p->last_service = now;
    par_poll(p, false);
    return sim->quit_requested ? GS_ERR : GS_OK;
}

enum gs_status
par_clear_requests(struct gs_sim *sim)
{
    struct par *p = sim->par;
    if (p && p->mpi) {
        p->last_service = tr_wtime();
        if (par_poll(p, false) == 0) {
            struct timespec ts = {0, 50000};
            nanosleep(&ts, NULL);
        }
    }
    return sim->quit_requested ? GS_ERR : GS_OK;
}

enum gs_status
par_wait_readable(struct gs_sim *sim, int fd)
{
    struct par *p = sim->par;
    if (!p || !p->mpi)
        return GS_OK; /* one rank: let the read block */
    int quiet = 0;
    for (;;) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        /* Short sleeps while requests flow, longer when all is quiet. */
        int ms = quiet < 20 ? 2 : 20;
        int rc = poll(&pfd, 1, ms);
        if (rc > 0)
            return GS_OK;
        if (rc < 0 && errno != EINTR)
            return GS_OK; /* let the read report it */
        quiet = par_poll(p, false) ? 0 : quiet + 1;
        if (sim->quit_requested || sim->interrupted)
            return GS_ERR;
    }
}

/* --- waits with timeouts --------------------------------------------------------------- */

void
par_wait_begin(struct par_wait *w, struct par *p, const char *what, const char *where,
               double timeout, enum par_wait_kind kind)
{
    memset(w, 0, sizeof *w);
    par_refresh_settings(p); /* setfield /post ... may have changed them */
    w->p = p;
    w->what = what;
    w->kind = kind;
    w->timeout = timeout > 0 ? timeout : p->set.msg_hang_time;
    w->start = tr_wtime();
    w->deadline = w->start + w->timeout;
    w->note_every = p->note_override >= 0 ? p->note_override : p->set.pvm_hang_time;
    p->note_override = -1; /* for this wait only (a barrier's third argument) */
    w->next_note = w->note_every > 0 ? w->start + w->note_every : 0;
    w->prev = p->wait_top;
    p->wait_top = w;
    struct strbuf act = STRBUF_INIT;
    sb_printf(&act, "at %s", what);
    par_push_activity(p, sb_str(&act), where, -1);
    if (p->nacts <= (int)(sizeof p->acts / sizeof p->acts[0]))
        p->acts[p->nacts - 1].waiting = true;
    sb_free(&act);
}

void
par_wait_end(struct par_wait *w)
{
    par_pop_activity(w->p);
    w->p->wait_top = w->prev;
}

/* Between polls. The first 0.1 ms of a wait only yield the CPU (the
 * answer to a request or the last arrival at a meeting comes within
 * microseconds), unless ranks share cores: spinning would take the CPU
 * from the very ranks being waited for. Then the wait sleeps for a
 * quarter of the time it has lasted (20 us to 2 ms): a long wait costs
 * next to no CPU and wakes at most a quarter late, a short one stays
 * short (the timer slack is set to 1 us, so that a short sleep is short:
 * the default 50 us would more than double it). */
static void
backoff(struct par_wait *w, int handled)
{
    double now = tr_wtime();
    if (handled || w->idle == 0) {
        w->idle = 1;
        w->last_traffic = now;
        return;
    }
#ifdef PR_SET_TIMERSLACK
    static bool slack_set;
    if (!slack_set) {
        prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
        slack_set = true;
    }
#endif
    double quiet = now - w->last_traffic;
    if (quiet < 0.0001 && !w->p->crowded) {
        sched_yield();
        return;
    }
    double d = quiet / 4;
    d = d < 20e-6 ? 20e-6 : d > 0.002 ? 0.002 : d;
    /* A large message still being sent may need this side's polls to
     * move (an MPI without single-copy transfers sends it in pieces):
     * while one is pending, keep the sleeps short. */
    if (w->p->sends_pending && d > 50e-6)
        d = 50e-6;
    struct timespec ts = {0, (long)(d * 1e9)};
    nanosleep(&ts, NULL);
}

static void
send_query(struct par_wait *w, const int *missing, int nmissing, bool for_deadline)
{
    struct par *p = w->p;
    w->qid = p->next_query++;
    w->qsent = tr_wtime();
    /* Ranks that service requests answer within milliseconds; give busy
     * ones a moment before a timeout is decided (not longer than a short
     * timeout itself), less for a note, which only informs. */
    double grace = for_deadline ? w->timeout / 4 : 0.2;
    w->qdeadline = tr_wtime() + (grace < 0.2 ? 0.2 : grace > 1.0 ? 1.0 : grace);
    w->qfor_deadline = for_deadline;
    for (int i = 0; i < nmissing; i++) {
        struct wire m;
        par_msg_begin(&m, PAR_MSG_WHERE_Q);
        wire_u64(&m, w->qid);
        par_send(p, missing[i], &m);
    }
}

static struct par_answer *
find_answer(struct par *p, uint64_t qid, int src)
{
    for (size_t i = 0; i < p->nanswers; i++)
        if (p->answers[i].qid == qid && p->answers[i].src == src)
            return &p->answers[i];
    return NULL;
}

static void
drop_answers(struct par *p, uint64_t qid)
{
    size_t k = 0;
    for (size_t i = 0; i < p->nanswers; i++) {
        if (p->answers[i].qid == qid)
            free(p->answers[i].desc);
        else
            p->answers[k++] = p->answers[i];
    }
    p->nanswers = k;
}

/* A duration as people write it: "0.25 s", "3 s", "120 s", "3600 s". */
static void
put_secs(struct strbuf *sb, double s)
{
    if (s >= 10)
        sb_printf(sb, "%.0f s", s);
    else
        sb_printf(sb, "%.2g s", s);
}

/* "nodes 2, 3" */
static void
list_nodes(struct strbuf *sb, const int *v, int n)
{
    sb_printf(sb, "%s ", PAR_NODE_WORD(n));
    for (int i = 0; i < n; i++)
        sb_printf(sb, "%s%d", i ? ", " : "", v[i]);
}

/* "node 2 is at barrier 8 (f.g:30); node 3 did not answer" */
static void
list_whereabouts(struct par *p, struct strbuf *sb, uint64_t qid, const int *v, int n)
{
    for (int i = 0; i < n; i++) {
        const struct par_answer *a = find_answer(p, qid, v[i]);
        char name[48], where[208];
        if (i)
            sb_puts(sb, "; ");
        if (!a && tr_board_read(p, v[i], name, sizeof name, where, sizeof where))
            sb_printf(sb, "node %d is busy in '%s'%s%s%s", v[i], name, where[0] ? " (" : "", where,
                      where[0] ? ")" : "");
        else if (!a)
            sb_printf(sb, "node %d is busy and did not answer", v[i]);
        else
            sb_printf(sb, "node %d is %s", v[i], a->desc);
    }
}

/* Decides on the answers to the query in flight. */
static enum gs_status
evaluate(struct par_wait *w, const int *missing, int nmissing)
{
    struct par *p = w->p;
    struct gs_sim *sim = p->sim;
    double now = tr_wtime();
    bool all_prompt = nmissing > 0, working = false, busy = false;
    bool cycle = nmissing > 0 && w->kind == PAR_WAIT_MEET;
    double oldest = 1e300;
    for (int i = 0; i < nmissing; i++) {
        const struct par_answer *a = find_answer(p, w->qid, missing[i]);
        if (!a || a->state != PAR_PROMPT)
            all_prompt = false;
        if (a && a->serving == p->rank)
            working = true;
        if (!a || (!a->waiting && a->state == PAR_RUNNING))
            busy = true;
        if (!a || !a->waits_for_me)
            cycle = false;
        else if (a->elapsed < oldest)
            oldest = a->elapsed;
    }
    /* Every node missing here waits at a meeting for this one: nobody can
     * move. Found at a note (pvm_hang_time), before the timeout: the node
     * that came last gives up (the others keep waiting, so that, say, nodes
     * kept at a barrier for node 0's prompt stay there when node 0 steps
     * without @all). At the timeout the usual message says it all. */
    if (cycle && !w->qfor_deadline && w->qsent - w->start <= oldest) {
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s: deadlock: ", w->what);
        list_whereabouts(p, &sb, w->qid, missing, nmissing);
        sb_printf(&sb, "; %s wait%s for node %d", nmissing == 1 ? "it" : "they",
                  nmissing == 1 ? "s" : "", p->rank);
        enum gs_status st = gs_error(sim, "%s", sb_str(&sb));
        sb_free(&sb);
        drop_answers(p, w->qid);
        w->qid = 0;
        return st;
    }
    /* When is running out of time not a hang? When the missing nodes wait
     * for the user; when a target is working on this node's request; at
     * the end of the run, while any node is still working. */
    bool goes_on = nmissing == 0 || all_prompt || (w->kind == PAR_WAIT_REPLY && working)
                   || (w->kind == PAR_WAIT_FINISH && busy);
    enum gs_status st = GS_OK;
    if (w->qfor_deadline) {
        if (goes_on) {
            w->deadline = now + w->timeout;
            w->extended = true;
        } else {
            static const char *const verbs[] = {"arrive", "reply", "finish"};
            struct strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "%s: waited ", w->what);
            /* The limit, as set (a busy machine may notice it a little
             * late); the time itself when the wait was extended. */
            put_secs(&sb, w->extended ? w->qsent - w->start : w->timeout);
            sb_puts(&sb, "; ");
            list_nodes(&sb, missing, nmissing);
            sb_printf(&sb, " did not %s (", verbs[w->kind]);
            list_whereabouts(p, &sb, w->qid, missing, nmissing);
            sb_puts(&sb, ")");
            st = gs_error(sim, "%s", sb_str(&sb));
            sb_free(&sb);
        }
    } else {
        if (!all_prompt && nmissing > 0 && sim->opt.silent < 1) {
            struct strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "note: %s: waiting ", w->what);
            put_secs(&sb, w->qnominal); /* when the note was due */
            sb_puts(&sb, " for ");
            list_nodes(&sb, missing, nmissing);
            sb_puts(&sb, " (");
            list_whereabouts(p, &sb, w->qid, missing, nmissing);
            sb_puts(&sb, ")");
            FILE *f = sim->err ? sim->err : stderr;
            fflush(sim->out ? sim->out : stdout);
            fprintf(f, "gensh[%d]: %s\n", p->rank, sb_str(&sb));
            fflush(f);
            sb_free(&sb);
        }
        /* Then less and less often: a long wait is not news every 3 s. */
        w->note_every *= 2;
        w->next_note = w->note_every > 0 ? now + w->note_every : 0;
    }
    drop_answers(p, w->qid);
    w->qid = 0;
    return st;
}

enum gs_status
par_wait_step(struct par_wait *w, const int *missing, int nmissing)
{
    struct par *p = w->p;
    w->missing = missing;
    w->nmissing = nmissing;
    struct gs_sim *sim = p->sim;
    if (sim->quit_requested)
        return GS_ERR;
    if (sim->interrupted)
        return gs_error(sim, "%s: interrupted", w->what);
    int handled = par_poll(p, false);
    if (sim->quit_requested)
        return GS_ERR;
    backoff(w, handled);
    /* What arrived may have changed who is missing: decide nothing on the
     * caller's list until it has looked again (but skip one call at most,
     * so that steady traffic cannot put a timeout off forever). */
    if (handled && !w->recheck) {
        w->recheck = true;
        return GS_OK;
    }
    w->recheck = false;
    double now = tr_wtime();
    if (w->qid) {
        bool all = true;
        for (int i = 0; i < nmissing && all; i++)
            all = find_answer(p, w->qid, missing[i]) != NULL;
        if (all || now >= w->qdeadline)
            return evaluate(w, missing, nmissing);
    } else if (now >= w->deadline) {
        send_query(w, missing, nmissing, true);
    } else if (w->next_note > 0 && now >= w->next_note) {
        w->qnominal = w->next_note - w->start;
        send_query(w, missing, nmissing, false);
    }
    return GS_OK;
}
