/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * remote.c: cmd@nodes. A call sends (origin location, command, words) to
 * each target, runs the command here too when this node is in the list
 * (after sending, so the targets work meanwhile), and waits for the
 * replies, servicing requests. An async call returns a future at once;
 * waiton collects it. Requests that arrive are queued and run in arrival
 * order through the interpreter's hook, whenever this rank services (at a
 * wait, at the prompt, between steps); each one's status, value and
 * message go back in a reply.
 *
 * Failures are reported at the origin: a plain call fails with the
 * targets' messages; a kept async call's (-complete, -scalar) by the
 * waiton that collects it (or at the end of the run, if none does); any
 * other async call's as soon as its reply arrives, with its location.
 */
#include <stdlib.h>
#include <string.h>

#include "par_int.h"

void
par_result_init(struct par_result *res)
{
    memset(res, 0, sizeof *res);
    res->st = GS_OK;
}

void
par_result_free(struct par_result *res)
{
    sb_free(&res->value);
    sb_free(&res->msg);
    sb_free(&res->output);
}

/* --- the target side ------------------------------------------------------------------ */

void
par_handle_request(struct par *p, int src, char *buf, size_t len)
{
    if (p->inq_len == p->inq_cap) {
        /* Grow the ring, keeping the order. */
        size_t cap = p->inq_cap ? 2 * p->inq_cap : 16;
        struct par_inreq *q = xcalloc(cap, sizeof *q);
        for (size_t i = 0; i < p->inq_len; i++)
            q[i] = p->inq[(p->inq_head + i) % p->inq_cap];
        free(p->inq);
        p->inq = q;
        p->inq_cap = cap;
        p->inq_head = 0;
    }
    p->inq[(p->inq_head + p->inq_len) % p->inq_cap] = (struct par_inreq){src, buf, len};
    p->inq_len++;
}

static void
send_reply(struct par *p, int dest, uint64_t id, const struct par_result *res)
{
    struct wire w;
    par_msg_begin(&w, PAR_MSG_REPLY);
    wire_u64(&w, id);
    wire_u32(&w, (uint32_t)res->st);
    wire_u32(&w, res->has_value ? (uint32_t)(unsigned char)(res->kind ? res->kind : 's') : 0);
    wire_str(&w, sb_str(&res->value));
    wire_str(&w, sb_str(&res->msg));
    wire_str(&w, sb_str(&res->output));
    par_send(p, dest, &w);
}

/* Runs REQ here through the interpreter's hook, keeping the pending
 * diagnostic of whatever this rank was doing. */
static void
exec_here(struct par *p, const struct par_request *req, struct par_result *res)
{
    struct gs_sim *sim = p->sim;
    if (!p->hooks.exec) {
        res->st = GS_ERR;
        sb_printf(&res->msg, "node %d cannot run commands (no interpreter)", p->rank);
        return;
    }
    struct gs_diag saved = sim->diag;
    gs_diag_clear(sim);
    p->hooks.exec(sim, req, res);
    sim->diag = saved;
}

/* Runs one queued request and replies. */
static void
run_request(struct par *p, int src, char *buf, size_t len)
{
    struct wire_rd r = {buf, len, false};
    rd_u32(&r); /* the type */
    uint64_t id = rd_u64(&r);
    uint32_t flags = rd_u32(&r);
    const char *where = rd_str(&r);
    const char *name = rd_str(&r);
    uint32_t argc = rd_u32(&r);
    if (r.bad || argc > len)
        GS_BUG("corrupt request from node %d", src);
    const char **argv = xcalloc((size_t)argc + 1, sizeof *argv);
    for (uint32_t i = 0; i < argc; i++)
        argv[i] = rd_str(&r);
    if (r.bad)
        GS_BUG("corrupt request from node %d", src);

    struct par_request req = {.origin = src,
                              .where = where,
                              .name = name,
                              .argc = (int)argc,
                              .argv = argv,
                              .capture = (flags & PAR_CALL_CAPTURE) != 0};
    struct par_result res;
    par_result_init(&res);
    if (p->quit_received) {
        res.st = GS_ERR;
        sb_printf(&res.msg, "node %d is leaving the run", p->rank);
    } else {
        char what[96];
        snprintf(what, sizeof what, "running %s for node %d", name, src);
        par_push_activity(p, what, where, src);
        p->running_requests++;
        exec_here(p, &req, &res);
        p->running_requests--;
        par_pop_activity(p);
    }
    send_reply(p, src, id, &res);
    par_result_free(&res);
    free(argv);
}

void
par_run_queued(struct par *p)
{
    /* Pop before running: a request that waits services the queue again
     * (nested), and the order of arrival is kept. */
    while (p->inq_len > 0) {
        struct par_inreq q = p->inq[p->inq_head];
        p->inq_head = (p->inq_head + 1) % p->inq_cap;
        p->inq_len--;
        run_request(p, q.src, q.buf, q.len);
        free(q.buf);
    }
}

/* --- the origin side --------------------------------------------------------------------- */

static struct par_pending *
add_pending(struct par *p)
{
    if (p->npend == p->cappend) {
        p->cappend = p->cappend ? 2 * p->cappend : 16;
        p->pend = xreallocarray(p->pend, p->cappend, sizeof *p->pend);
    }
    struct par_pending *e = &p->pend[p->npend++];
    memset(e, 0, sizeof *e);
    par_result_init(&e->res);
    return e;
}

/* Removes the entries that KEEP rejects (freeing their results). */
static void
prune_pending(struct par *p, bool (*drop)(const struct par_pending *, long), long key)
{
    size_t k = 0;
    for (size_t i = 0; i < p->npend; i++) {
        if (drop(&p->pend[i], key))
            par_result_free(&p->pend[i].res);
        else
            p->pend[k++] = p->pend[i];
    }
    p->npend = k;
}

static bool
of_call(const struct par_pending *e, long call)
{
    return e->call == call;
}

static bool
of_future(const struct par_pending *e, long fut)
{
    return e->future == fut;
}

static struct par_future *
find_future(struct par *p, long id)
{
    for (size_t i = 0; i < p->nfuts; i++)
        if (p->futs[i].id == id)
            return &p->futs[i];
    return NULL;
}

static void
drop_future(struct par *p, long id)
{
    prune_pending(p, of_future, id);
    size_t k = 0;
    for (size_t i = 0; i < p->nfuts; i++) {
        if (p->futs[i].id == id)
            free(p->futs[i].label);
        else
            p->futs[k++] = p->futs[i];
    }
    p->nfuts = k;
}

/* Sends REQ to DEST as request ID. */
static void
send_request(struct par *p, int dest, uint64_t id, unsigned flags, const char *where,
             const char *name, int argc, const char *const *argv)
{
    struct wire w;
    par_msg_begin(&w, PAR_MSG_REQ);
    wire_u64(&w, id);
    wire_u32(&w, flags);
    wire_str(&w, where);
    wire_str(&w, name);
    wire_u32(&w, (uint32_t)argc);
    for (int i = 0; i < argc; i++)
        wire_str(&w, argv[i]);
    par_send(p, dest, &w);
}

/* Appends "0-2, 5" for the ascending nodes V[0..N-1]. */
static void
put_node_ranges(struct strbuf *sb, const int *v, int n)
{
    for (int i = 0; i < n;) {
        int j = i;
        while (j + 1 < n && v[j + 1] == v[j] + 1)
            j++;
        sb_printf(sb, "%s%d", i ? ", " : "", v[i]);
        if (j > i)
            sb_printf(sb, "%s%d", j == i + 1 ? ", " : "-", v[j]);
        i = j + 1;
    }
}

/* Builds "node 2: msg; nodes 0-1, 3: other msg" from the failed entries of
 * a call or future (SEL/KEY select them), in node order, one part per
 * distinct message; returns how many nodes failed. */
static int
collect_failures(struct par *p, bool (*sel)(const struct par_pending *, long), long key,
                 struct strbuf *sb)
{
    int nbad = 0, nparts = 0;
    int *nodes = xmalloc((size_t)p->size * sizeof *nodes);
    const struct par_pending **bad = xcalloc((size_t)p->size, sizeof *bad);
    for (size_t i = 0; i < p->npend; i++) {
        const struct par_pending *e = &p->pend[i];
        if (sel(e, key) && e->res.st != GS_OK && !bad[e->node]) {
            bad[e->node] = e;
            nbad++;
        }
    }
    bool *done = xcalloc((size_t)p->size, sizeof *done);
    for (int a = 0; a < p->size; a++) {
        if (!bad[a] || done[a])
            continue;
        const char *msg = sb_str(&bad[a]->res.msg);
        int n = 0;
        for (int b = a; b < p->size; b++)
            if (bad[b] && !done[b] && strcmp(sb_str(&bad[b]->res.msg), msg) == 0) {
                nodes[n++] = b;
                done[b] = true;
            }
        if (nparts == 3) {
            sb_puts(sb, "; and others");
            break;
        }
        sb_printf(sb, "%s%s ", nparts ? "; " : "", PAR_NODE_WORD(n));
        put_node_ranges(sb, nodes, n);
        sb_printf(sb, ": %s", msg);
        nparts++;
    }
    free(done);
    free(bad);
    free(nodes);
    return nbad;
}

/* The value of the first node (in node order) that returned one, and the
 * captured output of every node, in node order. */
static void
collect_values(struct par *p, bool (*sel)(const struct par_pending *, long), long key,
               struct strbuf *result, char *kind)
{
    const struct par_pending *best = NULL;
    for (size_t i = 0; i < p->npend; i++) {
        const struct par_pending *e = &p->pend[i];
        if (sel(e, key) && e->res.has_value && (!best || e->node < best->node))
            best = e;
    }
    if (kind)
        *kind = best ? (best->res.kind ? best->res.kind : 's') : 0;
    if (best && result)
        sb_puts(result, sb_str(&best->res.value));
}

static void
print_outputs(struct par *p, long call)
{
    for (int node = 0; node < p->size; node++) {
        for (size_t i = 0; i < p->npend; i++) {
            const struct par_pending *e = &p->pend[i];
            if (e->call != call || e->node != node || e->res.output.len == 0)
                continue;
            const char *s = sb_str(&e->res.output);
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t)(nl - s + 1) : strlen(s);
                if (e->node != p->rank)
                    gs_out(p->sim, "[node %d] ", e->node);
                gs_write(p->sim, s, n);
                s += n;
            }
        }
    }
}

/* Waits until every entry selected by SEL/KEY is done. */
static enum gs_status
wait_entries(struct par *p, bool (*sel)(const struct par_pending *, long), long key,
             const char *what, const char *where)
{
    struct par_wait w;
    int *missing = xmalloc((size_t)p->size * sizeof *missing);
    enum gs_status st = GS_OK;
    par_wait_begin(&w, p, what, where, 0, PAR_WAIT_REPLY);
    for (;;) {
        int n = 0;
        for (size_t i = 0; i < p->npend; i++)
            if (sel(&p->pend[i], key) && !p->pend[i].done)
                missing[n++] = p->pend[i].node;
        if (n == 0)
            break;
        if (par_wait_step(&w, missing, n) != GS_OK) {
            st = GS_ERR;
            break;
        }
    }
    par_wait_end(&w);
    free(missing);
    return st;
}

/* Sends to every target but this node; returns whether this node is one. */
static bool
send_all(struct par *p, const int *targets, int n, long call, long future, unsigned flags,
         const char *where, const char *name, int argc, const char *const *argv)
{
    bool here = false;
    for (int i = 0; i < n; i++) {
        if (targets[i] == p->rank) {
            here = true;
            continue;
        }
        struct par_pending *e = add_pending(p);
        e->id = p->next_req++;
        e->node = targets[i];
        e->call = call;
        e->future = future;
        send_request(p, targets[i], e->id, flags, where, name, argc, argv);
    }
    return here;
}

/* Runs the request here and records it as a done entry. */
static void
run_here(struct par *p, long call, long future, unsigned flags, const char *where,
         const char *name, int argc, const char *const *argv)
{
    struct par_request req = {.origin = p->rank,
                              .where = where,
                              .name = name,
                              .argc = argc,
                              .argv = argv,
                              .capture = (flags & PAR_CALL_CAPTURE) != 0};
    struct par_result res;
    par_result_init(&res);
    exec_here(p, &req, &res);
    /* Find the slot after exec: the request may have added entries. */
    struct par_pending *e = add_pending(p);
    e->node = p->rank;
    e->call = call;
    e->future = future;
    e->done = true;
    e->res = res;
}

enum gs_status
par_call(struct gs_sim *sim, const char *nodelist, const char *name, int argc,
         const char *const *argv, unsigned flags, const char *where, struct strbuf *result,
         char *kind)
{
    struct par *p = par_get(sim);
    int *targets, n;
    if (kind)
        *kind = 0;
    if (par_nodelist(sim, nodelist, &targets, &n) != GS_OK)
        return GS_ERR;
    long call = p->next_call++;
    bool here = send_all(p, targets, n, call, 0, flags, where, name, argc, argv);
    free(targets);
    if (here)
        run_here(p, call, 0, flags, where, name, argc, argv);
    char what[128];
    snprintf(what, sizeof what, "%s@%s", name, nodelist);
    enum gs_status st = wait_entries(p, of_call, call, what, where);
    if (st == GS_OK) {
        if (flags & PAR_CALL_CAPTURE)
            print_outputs(p, call);
        struct strbuf bad = STRBUF_INIT;
        if (collect_failures(p, of_call, call, &bad) > 0)
            st = gs_error(sim, "%s", sb_str(&bad));
        else
            collect_values(p, of_call, call, result, kind);
        sb_free(&bad);
    }
    /* Late replies to an abandoned call find no entry and are dropped. */
    prune_pending(p, of_call, call);
    return st;
}

/* A future whose replies are all in: when it is not kept for a waiton, its
 * failure (if any) is reported now and it is forgotten. */
static void
settle_future(struct par *p, struct par_future *f)
{
    for (size_t i = 0; i < p->npend; i++)
        if (p->pend[i].future == f->id && !p->pend[i].done)
            return;
    /* A kept future (-complete, -scalar) is for a waiton to collect. The
     * others are reported (with the async's location) and forgotten, also
     * while `waiton all` waits for them. */
    if (f->keep)
        return;
    struct strbuf bad = STRBUF_INIT;
    if (collect_failures(p, of_future, f->id, &bad) > 0 && p->hooks.report) {
        char *msg = xasprintf("%s: %s", f->label, sb_str(&bad));
        p->hooks.report(p->sim, msg);
        free(msg);
    }
    sb_free(&bad);
    drop_future(p, f->id);
}

enum gs_status
par_async(struct gs_sim *sim, const char *nodelist, const char *name, int argc,
          const char *const *argv, const char *where, unsigned flags, long *future)
{
    struct par *p = par_get(sim);
    int *targets, n;
    *future = 0;
    if (par_nodelist(sim, nodelist, &targets, &n) != GS_OK)
        return GS_ERR;
    if (p->nfuts == p->capfuts) {
        p->capfuts = p->capfuts ? 2 * p->capfuts : 8;
        p->futs = xreallocarray(p->futs, p->capfuts, sizeof *p->futs);
    }
    long id = p->next_future++;
    struct par_future *f = &p->futs[p->nfuts++];
    f->id = id;
    f->keep = (flags & PAR_ASYNC_KEEP) != 0;
    f->label = where && where[0] ? xasprintf("%s: async %s@%s", where, name, nodelist)
                                 : xasprintf("async %s@%s", name, nodelist);
    bool here = send_all(p, targets, n, 0, id, 0, where, name, argc, argv);
    free(targets);
    if (here)
        run_here(p, 0, id, 0, where, name, argc, argv);
    *future = id;
    f = find_future(p, id);
    if (f)
        settle_future(p, f);
    return GS_OK;
}

enum gs_status
par_waiton(struct gs_sim *sim, long future, struct strbuf *result, char *kind)
{
    struct par *p = par_get(sim);
    if (kind)
        *kind = 0;
    if (future > 0 && !find_future(p, future)) {
        if (future < p->next_future)
            return GS_OK; /* finished, not kept: its failure was reported */
        return gs_error(sim, "no future %ld (async has returned futures 1-%ld)", future,
                        p->next_future - 1);
    }
    char what[64];
    if (future > 0)
        snprintf(what, sizeof what, "waiton %ld", future);
    else
        snprintf(what, sizeof what, "waiton all");
    enum gs_status st = GS_OK;
    struct strbuf bad = STRBUF_INIT;
    int nbad = 0;
    if (future > 0) {
        st = wait_entries(p, of_future, future, what, "");
        if (st == GS_OK) {
            nbad = collect_failures(p, of_future, future, &bad);
            if (nbad == 0)
                collect_values(p, of_future, future, result, kind);
            drop_future(p, future);
        }
    } else {
        /* Every outstanding future, oldest first. */
        while (st == GS_OK && p->nfuts > 0) {
            long id = p->futs[0].id;
            st = wait_entries(p, of_future, id, what, "");
            if (st != GS_OK)
                break;
            if (!find_future(p, id))
                continue; /* not kept: settled (and reported) as it completed */
            if (nbad)
                sb_puts(&bad, "; ");
            nbad += collect_failures(p, of_future, id, &bad);
            drop_future(p, id);
        }
    }
    if (st == GS_OK && nbad > 0)
        st = gs_error(sim, "%s", sb_str(&bad));
    sb_free(&bad);
    return st;
}

void
par_handle_reply(struct par *p, int src, struct wire_rd *r)
{
    uint64_t id = rd_u64(r);
    uint32_t st = rd_u32(r);
    uint32_t has_value = rd_u32(r);
    const char *value = rd_str(r);
    const char *msg = rd_str(r);
    const char *output = rd_str(r);
    if (r->bad)
        return;
    for (size_t i = 0; i < p->npend; i++) {
        struct par_pending *e = &p->pend[i];
        if (e->id != id || e->node != src || e->done)
            continue;
        e->done = true;
        e->res.st = st == GS_OK ? GS_OK : GS_ERR;
        e->res.has_value = has_value != 0;
        e->res.kind = (char)has_value;
        sb_puts(&e->res.value, value);
        sb_puts(&e->res.msg, msg);
        sb_puts(&e->res.output, output);
        if (e->future) {
            struct par_future *f = find_future(p, e->future);
            if (f)
                settle_future(p, f);
        }
        return;
    }
    /* A reply to a call that was given up (timeout, interrupt): dropped. */
}

void
par_report_orphans(struct par *p)
{
    /* Kept futures never waited on: report their failures once. */
    while (p->nfuts > 0) {
        struct par_future *f = &p->futs[0];
        struct strbuf bad = STRBUF_INIT;
        bool done = true;
        for (size_t i = 0; i < p->npend; i++)
            if (p->pend[i].future == f->id && !p->pend[i].done)
                done = false;
        if (done && collect_failures(p, of_future, f->id, &bad) > 0 && p->hooks.report) {
            char *msg = xasprintf("%s: %s", f->label, sb_str(&bad));
            p->hooks.report(p->sim, msg);
            free(msg);
        }
        sb_free(&bad);
        drop_future(p, f->id);
    }
}
