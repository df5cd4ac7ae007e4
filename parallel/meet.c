/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * meet.c: meetings of a group of ranks (a zone, or every rank), and what
 * is built on them: barrier and barrierall, agreement on collective
 * commands (P2), reductions and the spike exchange.
 *
 * Meetings match by (group, id), as PGENESIS matched barriers by id: each
 * rank sends its arrival (with a payload) to every other member and waits,
 * servicing requests, until it has one arrival from everyone; so every
 * member ends with every payload, and a reduction is computed the same way
 * everywhere. Arrivals are used in the order they came, one per meeting.
 * A rank that gives up (timeout, interrupt, mismatch, deadlock) takes its
 * arrival back and tells the others, who then fail at once instead of
 * waiting for it; a barrier waiting for a rank that has finished its
 * script fails at once too. Meetings nest: a request run during a wait
 * may hold a meeting of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "par_int.h"
#include "parout.h"
#include "rnet.h"

/* Meetings in progress on this rank (they nest). */
#define MAX_INFLIGHT 64

struct meet_out {
    int first, n;     /* the group: total nodes first .. first+n-1 */
    char **pay;       /* payload of each member (copies) */
    size_t *len;
};

static void
free_rec(struct par_meetrec *m)
{
    free(m->what);
    free(m->where);
    free(m->payload);
}

void
par_meet_free(struct par *p)
{
    for (size_t i = 0; i < p->nrecs; i++)
        free_rec(&p->recs[i]);
    free(p->recs);
    free(p->inflight);
}

/* The oldest record of KIND from SRC for (GROUP, ID) that counts for
 * meeting CLAIMED (0: that no meeting has claimed yet), or NULL. Records
 * are kept in the order they came. */
static struct par_meetrec *
find_rec(struct par *p, int group, int id, int src, bool abandon, uint64_t claimed)
{
    for (size_t i = 0; i < p->nrecs; i++) {
        struct par_meetrec *m = &p->recs[i];
        if (m->group == group && m->id == id && m->abandon == abandon && m->src == src
            && m->claimed == claimed)
            return m;
    }
    return NULL;
}

/* Gives arrival M to the oldest meeting under way here that it belongs to
 * and that has none from its sender yet. Meetings nest (a request run
 * while waiting may hold one with the same id: `step` inside a `reset`'s
 * agreement); the sender's arrivals come in its program order, so the
 * oldest open meeting is the one this arrival answers. */
static void
claim(struct par *p, struct par_meetrec *m)
{
    for (int i = 0; i < p->ninflight; i++) {
        const struct par_inflight *f = &p->inflight[i];
        if (f->group != m->group || f->id != m->id || m->src < f->first
            || m->src >= f->first + f->n)
            continue;
        if (!find_rec(p, m->group, m->id, m->src, false, f->serial)) {
            m->claimed = f->serial;
            return;
        }
    }
}

static void
drop_rec(struct par *p, struct par_meetrec *m)
{
    size_t i = (size_t)(m - p->recs);
    free_rec(m);
    memmove(p->recs + i, p->recs + i + 1, (p->nrecs - i - 1) * sizeof *p->recs);
    p->nrecs--;
}

void
par_handle_meet(struct par *p, int src, struct wire_rd *r, bool abandon)
{
    int group = (int)rd_u32(r), id = (int)rd_u32(r);
    const char *what = rd_str(r);
    const char *where = abandon ? "" : rd_str(r);
    size_t paylen = 0;
    const void *pay = abandon ? NULL : rd_bytes(r, &paylen);
    bool fact = abandon && rd_u32(r) != 0;
    if (r->bad)
        return;
    if (abandon) {
        /* SRC left that meeting: its arrival no longer counts for anyone
         * who comes later. (It arrived last, so its newest arrival.) */
        struct par_meetrec *last = NULL;
        for (size_t i = 0; i < p->nrecs; i++) {
            struct par_meetrec *m = &p->recs[i];
            if (m->group == group && m->id == id && !m->abandon && m->src == src)
                last = m;
        }
        if (last)
            drop_rec(p, last);
        /* Nobody waits at that meeting here: nothing else to tell. */
        bool waited = false;
        for (int i = 0; i < p->ninflight; i++)
            if (p->inflight[i].group == group && p->inflight[i].id == id)
                waited = true;
        if (!waited)
            return;
    }
    if (p->nrecs == p->caprecs) {
        p->caprecs = p->caprecs ? 2 * p->caprecs : 16;
        p->recs = xreallocarray(p->recs, p->caprecs, sizeof *p->recs);
    }
    struct par_meetrec *m = &p->recs[p->nrecs++];
    m->group = group;
    m->id = id;
    m->src = src;
    m->serial = ++p->rec_serial;
    m->abandon = abandon;
    m->fact = fact;
    m->what = xstrdup(what);
    m->where = xstrdup(where);
    m->payload = paylen ? xmalloc(paylen) : NULL;
    if (paylen)
        memcpy(m->payload, pay, paylen);
    m->paylen = paylen;
    m->claimed = 0;
    if (!abandon)
        claim(p, m);
}

static void
send_abandon(struct par *p, int group, int id, int first, int n, const char *reason, bool fact)
{
    for (int r = first; r < first + n; r++) {
        if (r == p->rank)
            continue;
        struct wire w;
        par_msg_begin(&w, PAR_MSG_ABANDON);
        wire_u32(&w, (uint32_t)group);
        wire_u32(&w, (uint32_t)id);
        wire_str(&w, reason);
        wire_u32(&w, fact);
        par_send(p, r, &w);
    }
}

/* Forgets give-up notices for (GROUP, ID) once no meeting on it runs. */
static void
drop_abandons(struct par *p, int group, int id)
{
    for (int i = 0; i < p->ninflight; i++)
        if (p->inflight[i].group == group && p->inflight[i].id == id)
            return;
    for (size_t i = 0; i < p->nrecs;) {
        struct par_meetrec *m = &p->recs[i];
        if (m->group == group && m->id == id && m->abandon)
            drop_rec(p, m);
        else
            i++;
    }
}

static void
meet_out_free(struct meet_out *o)
{
    for (int i = 0; o->pay && i < o->n; i++)
        free(o->pay[i]);
    free(o->pay);
    free(o->len);
}

/*
 * Holds meeting (GROUP, ID) with payload PAY/LEN. WHAT names it in
 * messages and must be the same on every member. BARRIER: a member that
 * has finished its script makes it fail at once. On success OUT holds every
 * member's payload.
 *
 * Meetings match by id, as PGENESIS's barriers did: each rank's arrivals
 * at an id are used in the order they came, one per meeting; a rank that
 * gives up takes its arrival back.
 */
/* Has this rank asked node R for something it has not answered yet? A
 * node that has finished its script still runs what it is asked (step@all
 * from node 0's prompt), and may then arrive at a barrier. */
static bool
awaits_reply(const struct par *p, int r)
{
    for (size_t i = 0; i < p->npend; i++)
        if (p->pend[i].node == r && !p->pend[i].done)
            return true;
    return false;
}

static enum gs_status
meet(struct par *p, int group, int id, const char *what, const char *where, const void *pay,
     size_t len, double timeout, bool barrier, struct meet_out *out)
{
    struct gs_sim *sim = p->sim;
    int first, n;
    par_group_range(p, group, &first, &n);
    memset(out, 0, sizeof *out);
    out->first = first;
    out->n = n;
    out->pay = xcalloc((size_t)n, sizeof *out->pay);
    out->len = xcalloc((size_t)n, sizeof *out->len);
    out->pay[p->rank - first] = len ? xmalloc(len) : NULL;
    if (len)
        memcpy(out->pay[p->rank - first], pay, len);
    out->len[p->rank - first] = len;
    if (n == 1)
        return GS_OK;

    if (p->ninflight >= MAX_INFLIGHT)
        GS_BUG("meetings nested more than %d deep", MAX_INFLIGHT);
    if (!p->inflight)
        p->inflight = xcalloc(MAX_INFLIGHT, sizeof *p->inflight);
    uint64_t since = p->rec_serial; /* give-ups from before this meeting are old news */
    uint64_t serial = ++p->meet_serial;
    p->inflight[p->ninflight++] = (struct par_inflight){group, id, serial, first, n};
    /* Arrivals that came before this meeting began count for it, oldest
     * first (the ones an older meeting here holds do not). */
    for (int r = first; r < first + n; r++) {
        struct par_meetrec *m = r == p->rank ? NULL : find_rec(p, group, id, r, false, 0);
        if (m)
            m->claimed = serial;
    }

    for (int r = first; r < first + n; r++) {
        if (r == p->rank)
            continue;
        struct wire w;
        par_msg_begin(&w, PAR_MSG_MEET);
        wire_u32(&w, (uint32_t)group);
        wire_u32(&w, (uint32_t)id);
        wire_str(&w, what);
        wire_str(&w, where);
        wire_bytes(&w, pay, len);
        par_send(p, r, &w);
    }

    int *missing = xmalloc((size_t)n * sizeof *missing);
    struct par_wait w;
    enum gs_status st = GS_OK;
    bool tell = true; /* tell the others when this rank gives up */
    bool fact = false; /* ... because of a third node's state */
    par_wait_begin(&w, p, what, where, timeout, PAR_WAIT_MEET);
    for (;;) {
        int nmissing = 0;
        for (int r = first; r < first + n; r++)
            if (r != p->rank && !find_rec(p, group, id, r, false, serial))
                missing[nmissing++] = r;
        if (nmissing == 0)
            break;
        if (barrier) {
            int gone = -1;
            for (int i = 0; i < nmissing && gone < 0; i++)
                if (p->peer_state[missing[i]] >= PAR_DONE && !awaits_reply(p, missing[i]))
                    gone = missing[i];
            if (gone >= 0 && p->peer_state[gone] == PAR_CLOSING) {
                /* Kept for node 0's prompt, which has closed: leave. */
                sim->quit_requested = true;
                st = GS_ERR;
                tell = false;
                break;
            }
            if (gone >= 0) {
                st = gs_error(sim, "%s: node %d %s and cannot arrive", what, gone,
                              p->peer_state[gone] == PAR_FINISHING ? "is ending the run"
                                                                   : "has finished its script");
                fact = true;
                break;
            }
        }
        /* After the states: a node that gave up because of a third one
         * is less to the point than that third one. */
        const struct par_meetrec *ab = NULL;
        for (int i = 0; i < nmissing && !ab; i++) {
            const struct par_meetrec *m = find_rec(p, group, id, missing[i], true, 0);
            if (m && m->serial > since)
                ab = m;
        }
        if (ab) {
            /* (This rank still tells the others: its own arrival must be
             * taken back wherever it is waited for.) */
            if (ab->fact) /* the same words whichever news comes first */
                st = gs_error(sim, "%s: %s", what, ab->what);
            else
                st = gs_error(sim, "%s: node %d gave up: %s", what, ab->src, ab->what);
            fact = ab->fact;
            break;
        }
        if (par_wait_step(&w, missing, nmissing) != GS_OK) {
            st = GS_ERR;
            tell = !sim->quit_requested;
            break;
        }
    }
    par_wait_end(&w);
    free(missing);

    if (st == GS_OK) {
        /* Every member must be at the same meeting: agreement on `reset`
         * must not pair with another rank's `step`. */
        for (int r = first; r < first + n; r++) {
            if (r == p->rank)
                continue;
            struct par_meetrec *m = find_rec(p, group, id, r, false, serial);
            if (st == GS_OK && strcmp(m->what, what) != 0)
                st = gs_error(sim, "node %d is at '%s'%s%s%s, not at '%s'", r, m->what,
                              m->where[0] ? " (" : "", m->where, m->where[0] ? ")" : "", what);
            out->pay[r - first] = m->payload;
            out->len[r - first] = m->paylen;
            m->payload = NULL;
            drop_rec(p, m); /* used: the next meeting takes the next one */
        }
    } else if (tell) {
        /* The reason without our "barrier 7: " in front: they know which. */
        const char *reason = sim->diag.set ? sim->diag.msg : "it stopped";
        size_t wl = strlen(what);
        if (strncmp(reason, what, wl) == 0 && reason[wl] == ':' && reason[wl + 1] == ' ')
            reason += wl + 2;
        send_abandon(p, group, id, first, n, reason, fact);
    }
    p->ninflight--;
    /* A meeting that failed lets go of what it held: those arrivals count
     * for the next meeting (or another open one) as if they came now. */
    for (size_t i = 0; i < p->nrecs; i++)
        if (p->recs[i].claimed == serial) {
            p->recs[i].claimed = 0;
            claim(p, &p->recs[i]);
        }
    drop_abandons(p, group, id);
    if (st != GS_OK)
        meet_out_free(out);
    return st;
}

/* --- barriers --------------------------------------------------------------------- */

enum gs_status
par_barrier(struct gs_sim *sim, bool all, int id, double timeout, double note, const char *where)
{
    struct par *p = par_get(sim);
    p->note_override = note;
    char what[64];
    const char *name = all ? "barrierall" : "barrier";
    switch (id) {
    case PAR_BARRIER_DEFAULT:
    case PAR_BARRIER_ALL_DEFAULT:
        snprintf(what, sizeof what, "%s", name);
        break;
    case PAR_BARRIER_PAROFF:
        snprintf(what, sizeof what, "paroff");
        break;
    case PAR_BARRIER_STEP:
        snprintf(what, sizeof what, "step synchronisation");
        break;
    case PAR_BARRIER_RESET:
        snprintf(what, sizeof what, "reset synchronisation");
        break;
    default:
        snprintf(what, sizeof what, "%s %d", name, id);
        break;
    }
    struct meet_out out;
    enum gs_status st = meet(p, all ? PAR_GROUP_WORLD : PAR_GROUP_ZONE, id, what, where, NULL, 0,
                             timeout, true, &out);
    p->note_override = -1;
    if (st == GS_OK)
        meet_out_free(&out);
    return st;
}

/* --- agreement ------------------------------------------------------------------------- */

enum gs_status
par_agree_group(struct gs_sim *sim, int group, const char *cmd, enum gs_status st,
                const char *where)
{
    struct par *p = par_get(sim);
    int first, n;
    par_group_range(p, group, &first, &n);
    if (n == 1)
        return st;
    struct wire w = {STRBUF_INIT};
    wire_u32(&w, (uint32_t)st);
    wire_str(&w, st == GS_OK ? "" : sim->diag.msg);
    /* Keep this rank's own diagnostic through the wait: requests run
     * while waiting must not overwrite it. */
    struct gs_diag mine = sim->diag;
    struct meet_out out;
    enum gs_status mst = meet(p, group, PAR_MEET_AGREE, cmd, where, w.sb.buf, w.sb.len, 0, false,
                              &out);
    sb_free(&w.sb);
    if (st != GS_OK) {
        sim->diag = mine; /* a rank that failed reports its own cause */
        if (mst == GS_OK)
            meet_out_free(&out);
        return GS_ERR;
    }
    if (mst != GS_OK)
        return GS_ERR;
    int bad = -1, nbad = 0;
    const char *msg = "";
    for (int i = 0; i < n; i++) {
        struct wire_rd r = {out.pay[i], out.len[i], false};
        if (rd_u32(&r) != GS_OK) {
            if (bad < 0) {
                bad = first + i;
                msg = rd_str(&r);
            }
            nbad++;
        }
    }
    enum gs_status res = GS_OK;
    if (nbad > 0) {
        if (p->rank == first)
            res = gs_error(sim, "failed on node %d%s: %s", bad,
                           nbad > 1 ? " (and others)" : "", msg);
        else
            res = gs_error(sim, "failed on node %d%s", bad, nbad > 1 ? " (and others)" : "");
    }
    meet_out_free(&out);
    return res;
}

enum gs_status
par_agree(struct gs_sim *sim, const char *cmd, enum gs_status st, const char *where)
{
    bool reset = strcmp(cmd, "reset") == 0;
    if (!sim->par) /* no parallel layer started: one rank */
        return reset && st == GS_OK ? parout_reset_check(sim) : st;
    st = par_agree_group(sim, PAR_GROUP_ZONE, cmd, st, where);
    if (!reset || st != GS_OK)
        return st;
    /* Other nodes' SAVE registrations are served while this node waits in
     * the agreement: only now are they all in, and can be checked (and a
     * failure must fail reset everywhere). */
    return par_agree_group(sim, PAR_GROUP_ZONE, cmd, parout_reset_check(sim), where);
}

/* --- reductions -------------------------------------------------------------------------- */

enum gs_status
par_allreduce(struct gs_sim *sim, bool all, enum par_op op, double *v, int n, const char *what,
              const char *where)
{
    struct par *p = par_get(sim);
    char label[160];
    snprintf(label, sizeof label, "reduction of %d value%s (%s)", n, n == 1 ? "" : "s", what);
    struct meet_out out;
    if (meet(p, all ? PAR_GROUP_WORLD : PAR_GROUP_ZONE, PAR_MEET_REDUCE, label, where, v,
             (size_t)n * sizeof *v, 0, false, &out) != GS_OK)
        return GS_ERR;
    /* Reduce in member order, so every rank computes the same bits. */
    for (int k = 0; k < n; k++) {
        double acc = 0;
        for (int i = 0; i < out.n; i++) {
            double x;
            memcpy(&x, out.pay[i] + (size_t)k * sizeof x, sizeof x);
            if (i == 0)
                acc = x;
            else if (op == PAR_SUM)
                acc += x;
            else if (op == PAR_MIN)
                acc = x < acc ? x : acc;
            else
                acc = x > acc ? x : acc;
        }
        v[k] = acc;
    }
    meet_out_free(&out);
    return GS_OK;
}

/* --- spike exchange ------------------------------------------------------------------------ */

static int
spike_cmp(const void *a, const void *b)
{
    const struct par_spike *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return x->gid < y->gid ? -1 : x->gid > y->gid;
}

enum gs_status
par_exchange_spikes(struct gs_sim *sim, const struct par_spike *local, size_t n,
                    struct par_spike **all, size_t *nall)
{
    struct par *p = par_get(sim);
    struct meet_out out;
    *all = NULL;
    *nall = 0;
    if (meet(p, PAR_GROUP_ZONE, PAR_MEET_SPIKES, "spike exchange", "", local, n * sizeof *local,
             0, false, &out) != GS_OK)
        return GS_ERR;
    size_t total = 0;
    for (int i = 0; i < out.n; i++)
        total += out.len[i] / sizeof(struct par_spike);
    struct par_spike *v = xmalloc((total ? total : 1) * sizeof *v);
    size_t k = 0;
    for (int i = 0; i < out.n; i++) {
        size_t m = out.len[i] / sizeof(struct par_spike);
        if (m)
            memcpy(v + k, out.pay[i], m * sizeof *v);
        k += m;
    }
    qsort(v, total, sizeof *v, spike_cmp);
    meet_out_free(&out);
    *all = v;
    *nall = total;
    return GS_OK;
}

/* --- point-to-point data ----------------------------------------------------------------- */

/* Unlike a meeting, data goes to one node only: the values of a SAVE or
 * of a PLOT go where they are needed, and neither side waits for the
 * others (the receiver waits for its senders alone). */

void
par_handle_data(struct par *p, int src, char *buf, struct wire_rd *r)
{
    uint32_t tag = rd_u32(r);
    uint64_t seq = rd_u64(r);
    size_t len = 0;
    const void *pay = rd_bytes(r, &len);
    if (r->bad)
        GS_BUG("corrupt data message from node %d", src);
    if (p->ndata == p->capdata && p->data_head > 0) {
        /* Taken ones lie at the front: close the gap. */
        memmove(p->data, p->data + p->data_head, (p->ndata - p->data_head) * sizeof *p->data);
        p->ndata -= p->data_head;
        p->data_head = 0;
    }
    if (p->ndata == p->capdata) {
        p->capdata = p->capdata ? 2 * p->capdata : 16;
        p->data = xreallocarray(p->data, p->capdata, sizeof *p->data);
    }
    p->data[p->ndata++] = (struct par_datarec){src, tag, seq, buf, pay, len};
}

void
par_data_send(struct gs_sim *sim, int node, uint32_t tag, uint64_t seq, const void *buf,
              size_t len)
{
    struct par *p = par_get(sim);
    struct wire w;
    par_msg_begin(&w, PAR_MSG_DATA);
    wire_u32(&w, tag);
    wire_u64(&w, seq);
    wire_bytes(&w, buf, len);
    par_send(p, p->rank - p->mynode + node, &w);
}

/* Removes message I from the queue (and frees it when FREE). The queue
 * can hold thousands (senders run ahead of a busy receiver), and
 * messages are taken about in arrival order: a taken one leaves a hole,
 * and the front moves past the holes, so that neither taking nor looking
 * costs more than the few messages ahead of the wanted one. */
static void
drop_data(struct par *p, size_t i, bool free_it)
{
    if (free_it)
        free(p->data[i].buf);
    p->data[i].buf = NULL;
    while (p->data_head < p->ndata && !p->data[p->data_head].buf)
        p->data_head++;
    if (p->data_head == p->ndata)
        p->data_head = p->ndata = 0;
}

/* 1: found (index in *AT), 0: not yet, -1: a later message came first. */
static int
take_data(struct par *p, int src, uint32_t tag, uint64_t seq, size_t *at)
{
    for (size_t i = p->data_head; i < p->ndata;) {
        struct par_datarec *d = &p->data[i];
        if (!d->buf || d->src != src || d->tag != tag) {
            i++;
            continue;
        }
        if (d->seq < seq) {
            drop_data(p, i, true); /* left over from a run that stopped early */
            i++;
            continue;
        }
        *at = i;
        return d->seq == seq ? 1 : -1;
    }
    return 0;
}

enum gs_status
par_data_recv(struct gs_sim *sim, int node, uint32_t tag, uint64_t seq, const char *what,
              void **msg, const void **pay, size_t *len)
{
    struct par *p = par_get(sim);
    int src = p->rank - p->mynode + node;
    size_t at = 0;
    int got = take_data(p, src, tag, seq, &at);
    if (got == 0) {
        par_poll(p, false);
        got = take_data(p, src, tag, seq, &at);
    }
    if (got == 0) {
        struct par_wait w;
        par_wait_begin(&w, p, what, "", 0, PAR_WAIT_MEET);
        while ((got = take_data(p, src, tag, seq, &at)) == 0) {
            if (par_wait_step(&w, &src, 1) != GS_OK) {
                par_wait_end(&w);
                return GS_ERR;
            }
        }
        par_wait_end(&w);
    }
    if (got < 0)
        return gs_error(sim, "%s: node %d is out of step (sent %llu, expected %llu)", what,
                        src, (unsigned long long)p->data[at].seq, (unsigned long long)seq);
    *msg = p->data[at].buf;
    *pay = p->data[at].pay;
    *len = p->data[at].len;
    drop_data(p, at, false);
    return GS_OK;
}

void
par_data_free(void *msg)
{
    free(msg);
}
