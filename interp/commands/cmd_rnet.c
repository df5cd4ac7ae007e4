/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_rnet.c: PGENESIS's raddmsg and rshowmsg, and the rnet_* requests
 * they send to destination nodes. raddmsg makes a message to an element
 * on another node: SPIKE (to a synchan: an rspike proxy there sends an
 * ordinary local SPIKE message), SAVE (to a column of a par_asc_file,
 * par_disk_out or par_hdf5_out), or any other type whose slots are
 * values (PLOT and PLOTSCALE to an xgraph or xplot, ICOORDS and IVALk to
 * an xview, ...): the destination node makes
 * the message, locally, from a stand-in element whose field-fed slots
 * are constants that the value exchange of parallel/rnet.c overwrites
 * every step. A destination on this node gets an ordinary message.
 * rvolumeconnect and its rules live in cmd_rvolume.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/io/parfile.h"
#include "../../models/network/network.h"
#include "../../parallel/par.h"
#include "../../parallel/parout.h"
#include "../../parallel/rnet.h"
#include "../cmd.h"
#include "cmd_rnet.h"

static enum gs_status cmd_raddmsg_exec(struct gs_call *call);
static enum gs_status cmd_rnet_link_exec(struct gs_call *call);
static enum gs_status cmd_rnet_save_exec(struct gs_call *call);
static enum gs_status cmd_rnet_show_exec(struct gs_call *call);
static enum gs_status cmd_rnet_value_exec(struct gs_call *call);
static enum gs_status cmd_rshowmsg_exec(struct gs_call *call);

const struct gs_cmd cmd_raddmsg_entry = {
    .name = "raddmsg",
    .family = "parallel",
    .summary = "add a message to an element on another node (SPIKE, SAVE, PLOT, IVAL, ...)",
    .usage = "source dest@node TYPE [slots...]",
    .pos = {{"source", GS_ARG_STR}, {"dest", GS_ARG_STR}, {"type", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_raddmsg_exec,
};

const struct gs_cmd cmd_rnet_link_entry = {
    .name = "rnet_link",
    .family = "parallel",
    .summary = "(internal) SPIKE messages from proxies of remote sources",
    .usage = "pattern node gid path n idx... [gid path n idx...]...",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_rnet_link_exec,
};

const struct gs_cmd cmd_rnet_save_entry = {
    .name = "rnet_save",
    .family = "parallel",
    .summary = "(internal) register SAVE indices on a par_asc_file, par_disk_out or par_hdf5_out",
    .usage = "file idx...",
    .pos = {{"file", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_rnet_save_exec,
};

const struct gs_cmd cmd_rnet_show_entry = {
    .name = "rnet_show",
    .family = "parallel",
    .summary = "(internal) the SPIKE messages of the proxy of a remote source",
    .usage = "gid",
    .pos = {{"gid", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_rnet_show_exec,
};

const struct gs_cmd cmd_rnet_value_entry = {
    .name = "rnet_value",
    .family = "parallel",
    .summary = "(internal) a value message from a stand-in of a remote source",
    .usage = "dest type origin slot...",
    .pos = {{"dest", GS_ARG_STR}, {"type", GS_ARG_STR}, {"origin", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_rnet_value_exec,
};

const struct gs_cmd cmd_rshowmsg_entry = {
    .name = "rshowmsg",
    .family = "parallel",
    .summary = "show the messages of an element, including those from and to other nodes",
    .usage = "element",
    .pos = {{"element", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_rshowmsg_exec,
};

/* ---- shared with cmd_rvolume.c ------------------------------------------------ */

enum gs_status
rnet_split_at(struct gs_sim *sim, const char *w, char **path, const char **nodes)
{
    const char *at = strrchr(w, '@');
    if (!at || at == w || !at[1])
        return gs_error(sim, "expected 'path@nodes', got '%s'", w);
    *path = xstrndup(w, (size_t)(at - w));
    *nodes = at + 1;
    return GS_OK;
}

enum gs_status
rnet_call_node(struct gs_sim *sim, int node, const char *name, int argc, const char *const *argv,
               const char *where, struct strbuf *res)
{
    char nl[32];
    snprintf(nl, sizeof nl, "%d", node);
    char kind = 0;
    return par_call(sim, nl, name, argc, argv, 0, where, res, &kind);
}

int
rnet_zone_node(struct gs_sim *sim, int rank)
{
    return par_mynode(sim) + (rank - par_rank(sim));
}

/* ---- raddmsg ------------------------------------------------------------------ */

static bool
is_number(const char *w)
{
    char *end;
    (void)strtod(w, &end);
    return end != w && *end == '\0';
}

/* SAVE: the index (a number, or a field read now) and the field. */
static enum gs_status
radd_save(struct gs_call *call, const struct gs_elist *src, const char *dpath, int node)
{
    struct gs_sim *sim = call->sim;
    if (call->npos != 5)
        return gs_error(sim, "raddmsg SAVE expects an index and a field, got %d word%s",
                        call->npos - 3, call->npos == 4 ? "" : "s");
    enum gs_status st = GS_OK;
    struct strbuf sb = STRBUF_INIT;
    const char **argv = xmalloc((src->n + 1) * sizeof *argv);
    char **own = xcalloc(src->n + 1, sizeof *own);
    long *idx = xcalloc(src->n + 1, sizeof *idx);
    argv[0] = dpath;
    for (size_t i = 0; i < src->n && st == GS_OK; i++) {
        struct gs_fref f;
        char *end;
        idx[i] = strtol(gs_arg(call, 3), &end, 10);
        if (*end) {
            if ((st = field_find(sim, src->v[i], gs_arg(call, 3), &f)) != GS_OK)
                break;
            idx[i] = (long)field_real(sim, &f);
        }
        st = field_find(sim, src->v[i], gs_arg(call, 4), &f);
        own[i] = xasprintf("%ld", idx[i]);
        argv[i + 1] = own[i];
    }
    if (st == GS_OK)
        st = rnet_call_node(sim, node, "rnet_save", (int)src->n + 1, argv, call->origin, &sb);
    /* Registered only once the file took every index: a failure changes nothing. */
    for (size_t i = 0; i < src->n && st == GS_OK; i++) {
        parout_save(sim, src->v[i], gs_arg(call, 4), node, idx[i]);
        char *text = xasprintf("MSG to '%s@%d' type [-1] 'SAVE' < index = %ld > < data = %s >",
                               dpath, node, idx[i], gs_arg(call, 4));
        rnet_note(sim, src->v[i], text);
        free(text);
    }
    for (size_t i = 0; i < src->n; i++)
        free(own[i]);
    free(own);
    free(idx);
    free(argv);
    sb_free(&sb);
    return st;
}

/* SPIKE: a proxy on the destination node, or a local message. */
static enum gs_status
radd_spike(struct gs_sim *sim, const struct gs_elist *src, const char *dpath, int node,
           int rank, const char *where)
{
    enum gs_status st = GS_OK;
    if (node == par_mynode(sim)) {
        struct gs_element *d = path_lookup(sim, dpath);
        for (size_t i = 0; i < src->n && st == GS_OK; i++)
            st = d ? msg_add(sim, src->v[i], d, "SPIKE", 0, NULL, NULL)
                   : gs_error(sim, "'%s' does not exist", dpath);
        return st;
    }
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < src->n && st == GS_OK; i++) {
        uint64_t gid = rnet_gid(sim, src->v[i]);
        char g[32], r[16];
        snprintf(g, sizeof g, "%llu", (unsigned long long)gid);
        snprintf(r, sizeof r, "%d", par_rank(sim));
        char *path = elem_path_str(src->v[i]);
        char *origin = xasprintf("%s@%d", path, par_mynode(sim));
        const char *argv[] = {dpath, r, g, origin, "1", "0"};
        st = rnet_call_node(sim, node, "rnet_link", 6, argv, where, &sb);
        if (st == GS_OK) {
            rnet_export(sim, src->v[i], gid);
            rnet_link_node(sim, rank);
        }
        free(origin);
        free(path);
    }
    sb_free(&sb);
    return st;
}

/* Any other type: the slots that name fields of the source are sent as
 * values; numbers and "*strings" go as they are. */
static enum gs_status
radd_value(struct gs_call *call, const struct gs_elist *src, const char *dpath, int node,
           int rank)
{
    struct gs_sim *sim = call->sim;
    const char *type = gs_arg(call, 2);
    int ns = call->npos - 3;
    enum gs_status st = GS_OK;
    if (node == par_mynode(sim)) {
        struct gs_element *d = path_lookup(sim, dpath);
        const char **w = xcalloc((size_t)ns + 1, sizeof *w);
        for (int k = 0; k < ns; k++)
            w[k] = gs_arg(call, 3 + k);
        for (size_t i = 0; i < src->n && st == GS_OK; i++)
            st = d ? msg_add(sim, src->v[i], d, type, ns, w, NULL)
                   : gs_error(sim, "'%s' does not exist", dpath);
        free(w);
        return st;
    }
    const char **argv = xcalloc((size_t)ns + 4, sizeof *argv);
    char **own = xcalloc((size_t)ns + 1, sizeof *own);
    struct strbuf res = STRBUF_INIT, note = STRBUF_INIT;
    for (size_t i = 0; i < src->n && st == GS_OK; i++) {
        struct gs_element *el = src->v[i];
        char *path = elem_path_str(el);
        char *origin = xasprintf("%s@%d", path, par_mynode(sim));
        argv[0] = dpath;
        argv[1] = type;
        argv[2] = origin;
        for (int k = 0; k < ns && st == GS_OK; k++) {
            const char *w = gs_arg(call, 3 + k);
            struct gs_fref f;
            if (w[0] == '*' || is_number(w))
                own[k] = xasprintf("L%s", w);
            else if ((st = field_find(sim, el, w, &f)) == GS_OK)
                own[k] = xasprintf("F%.17g", field_real(sim, &f));
            argv[3 + k] = own[k];
        }
        if (st == GS_OK)
            st = rnet_call_node(sim, node, "rnet_value", ns + 3, argv, call->origin, &res);
        /* The answer: type index, slot count, slot names, then channel and
         * slot pairs for the slots the source feeds. */
        char *p = res.buf ? res.buf : (char *)"";
        char *save = NULL;
        char *tok = st == GS_OK ? strtok_r(p, " ", &save) : NULL;
        if (tok) {
            int nslots = atoi(strtok_r(NULL, " ", &save));
            sb_printf(&note, "MSG to '%s@%d' type [%s] '%s'", dpath, node, tok, type);
            for (int k = 0; k < nslots; k++) {
                const char *name = strtok_r(NULL, " ", &save);
                const char *w = k < ns ? gs_arg(call, 3 + k) : "?";
                sb_printf(&note, " < %s = %s >", name ? name : "?", w[0] == '*' ? w + 1 : w);
            }
            while ((tok = strtok_r(NULL, " ", &save))) {
                long chan = atol(tok);
                const char *sl = strtok_r(NULL, " ", &save);
                int k = sl ? atoi(sl) : -1;
                if (k >= 0 && k < ns)
                    rnet_value_send(sim, el, gs_arg(call, 3 + k), node, chan);
            }
            rnet_note(sim, el, note.buf);
            rnet_link_node(sim, rank);
        }
        sb_free(&res);
        note.len = 0;
        for (int k = 0; k < ns; k++) {
            free(own[k]);
            own[k] = NULL;
        }
        free(origin);
        free(path);
    }
    sb_free(&note);
    free(own);
    free(argv);
    return st;
}

static enum gs_status
cmd_raddmsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *type = gs_arg(call, 2);
    char *dpath = NULL;
    const char *nodes;
    if (rnet_split_at(sim, gs_arg(call, 1), &dpath, &nodes) != GS_OK)
        return GS_ERR;
    int *nv = NULL, nn = 0;
    struct gs_elist src = GS_ELIST_INIT;
    enum gs_status st = par_nodelist(sim, nodes, &nv, &nn);
    if (st == GS_OK && nn != 1)
        st = gs_error(sim, "raddmsg needs exactly one destination node, got '%s'", nodes);
    if (st == GS_OK && path_glob(sim, gs_arg(call, 0), &src) == GS_OK && src.n == 0)
        st = gs_error(sim, "'%s' matches no element", gs_arg(call, 0));
    int node = nn == 1 ? rnet_zone_node(sim, nv[0]) : -1;
    if (st == GS_OK && strcmp(type, "SAVE") == 0)
        st = radd_save(call, &src, dpath, node);
    else if (st == GS_OK && strcmp(type, "SPIKE") == 0)
        st = radd_spike(sim, &src, dpath, node, nv[0], call->origin);
    else if (st == GS_OK)
        st = radd_value(call, &src, dpath, node, nv[0]);
    elist_free(&src);
    free(nv);
    free(dpath);
    return st;
}

/* ---- requests run on destination nodes ------------------------------------------ */

static enum gs_status
cmd_rnet_link_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist d = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &d) != GS_OK)
        return GS_ERR;
    int node = atoi(gs_arg(call, 1));
    enum gs_status st = GS_OK;
    for (int i = 2; i + 2 < call->npos && st == GS_OK;) {
        uint64_t gid = strtoull(gs_arg(call, i), NULL, 10);
        long n = atol(gs_arg(call, i + 2));
        struct gs_element *p;
        st = rnet_proxy(sim, gid, node, gs_arg(call, i + 1), &p);
        for (long k = 0; k < n && st == GS_OK; k++) {
            const char *w = gs_arg(call, i + 3 + (int)k);
            long idx = w ? atol(w) : -1;
            if (idx < 0 || (size_t)idx >= d.n)
                st = gs_error(sim, "destination %ld of '%s' does not exist", idx, gs_arg(call, 0));
            else
                st = msg_add(sim, p, d.v[idx], "SPIKE", 0, NULL, NULL);
        }
        i += 3 + (int)n;
    }
    elist_free(&d);
    return st;
}

static enum gs_status
cmd_rnet_save_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *f = path_lookup(sim, gs_arg(call, 0));
    if (!f || !parfile_is(f))
        return gs_error(sim, "'%s' is not a par_asc_file, par_disk_out or par_hdf5_out on node %d",
                        gs_arg(call, 0), par_mynode(sim));
    for (int i = 1; i < call->npos; i++)
        parfile_register(f, atol(gs_arg(call, i)));
    parout_file(sim, f);
    return GS_OK;
}

/* Makes the local message from a new stand-in; answers the destination
 * type's index and slot names, then "channel slot" for each slot fed from
 * the source. A slot named "index" keeps the value it had at raddmsg time
 * (PGENESIS's ICOORDS/IVAL index, like SAVE's). */
static enum gs_status
cmd_rnet_value_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *dpath = gs_arg(call, 0), *type = gs_arg(call, 1);
    struct gs_element *d = path_lookup(sim, dpath);
    if (!d)
        return gs_error(sim, "'%s' does not exist on node %d", dpath, par_mynode(sim));
    int ns = call->npos - 3;
    const char **w = xcalloc((size_t)ns + 1, sizeof *w);
    for (int k = 0; k < ns; k++)
        w[k] = gs_arg(call, 3 + k) + 1; /* past the L or F */
    struct gs_element *stand = NULL;
    struct gs_msg *m = NULL;
    enum gs_status st = rnet_standin(sim, gs_arg(call, 2), &stand);
    if (st == GS_OK && (st = msg_add(sim, stand, d, type, ns, w, &m)) != GS_OK)
        rnet_standin_drop(sim, stand);
    free(w);
    if (st != GS_OK)
        return GS_ERR;
    const struct gs_msgdef *def = &d->cls->msgs[m->type];
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%d %d", m->type, m->nslots);
    for (int k = 0; k < m->nslots; k++)
        sb_printf(&sb, " %s", def->slots[k] ? def->slots[k] : "slot");
    for (int k = 0; k < ns; k++) {
        if (gs_arg(call, 3 + k)[0] != 'F' || m->slot[k].kind != GS_SLOT_CONST
            || (def->slots[k] && strcmp(def->slots[k], "index") == 0))
            continue;
        long c = rnet_value_channel(sim, stand, k);
        if (c < 0) {
            sb_free(&sb);
            msg_delete(sim, m);
            rnet_standin_drop(sim, stand);
            return gs_error(sim, "too many values from other nodes on node %d", par_mynode(sim));
        }
        sb_printf(&sb, " %ld %d", c, k);
    }
    gs_result_str(call, "%s", sb.buf);
    sb_free(&sb);
    return GS_OK;
}

static enum gs_status
cmd_rnet_show_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *p = rnet_find_proxy(sim, strtoull(gs_arg(call, 0), NULL, 10));
    struct strbuf sb = STRBUF_INIT;
    for (int k = 0; p && k < p->nout; k++) {
        struct gs_msg *m = p->out[k];
        char *path = elem_path_str(m->dst);
        sb_printf(&sb, "MSG to '%s@%d' type [%d] '%s'", path, par_mynode(sim), m->type,
                  msg_type_name(m));
        struct net_synref s;
        if (net_is_synapse(m) && net_synapse(sim, m, &s) == GS_OK)
            sb_printf(&sb, " < weight = %g > < delay = %g >", (double)*s.weight,
                      (double)*s.delay);
        gs_diag_clear(sim);
        sb_puts(&sb, "\n");
        free(path);
    }
    gs_result_str(call, "%s", sb.buf ? sb.buf : "");
    sb_free(&sb);
    return GS_OK;
}

/* ---- rshowmsg ------------------------------------------------------------------- */

/* One message as showmsg prints it, the other end named by OTHER. */
static void
show_one(struct gs_sim *sim, const struct gs_msg *m, int i, bool out, const char *other)
{
    const struct gs_msgdef *d = &m->dst->cls->msgs[m->type];
    gs_out(sim, "MSG %d %s '%s' type [%d] '%s'", i, out ? "to" : "from", other, m->type, d->name);
    for (int k = 0; k < m->nslots; k++) {
        struct strbuf sb = STRBUF_INIT;
        if (m->slot[k].kind == GS_SLOT_STR)
            sb_puts(&sb, msg_str(m, k));
        else
            field_format_real(sim, msg_val(m, k), &sb);
        gs_out(sim, " < %s = %s >", d->slots[k] ? d->slots[k] : m->slot[k].text, sb_str(&sb));
        sb_free(&sb);
    }
    gs_out(sim, "\n");
}

static enum gs_status
cmd_rshowmsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    /* Ask first, print after: a failed request prints nothing. */
    struct strbuf remote = STRBUF_INIT;
    enum gs_status st = GS_OK;
    uint64_t gid = rnet_exported_gid(sim, el);
    if (gid != UINT64_MAX) {
        char g[32];
        snprintf(g, sizeof g, "%llu", (unsigned long long)gid);
        const char *argv[] = {g};
        int n = 0;
        const int *ln = rnet_link_nodes(sim, &n);
        for (int k = 0; k < n && st == GS_OK; k++) {
            struct strbuf res = STRBUF_INIT;
            st = rnet_call_node(sim, rnet_zone_node(sim, ln[k]), "rnet_show", 1, argv,
                                call->origin, &res);
            sb_puts(&remote, sb_str(&res));
            sb_free(&res);
        }
    }
    if (st != GS_OK) {
        sb_free(&remote);
        return GS_ERR;
    }
    gs_out(sim, "\nINCOMING MESSAGES\n");
    for (int i = 0; i < el->nin; i++) {
        const char *origin = rnet_origin(sim, el->in[i]->src);
        char *path = origin ? NULL : elem_path_str(el->in[i]->src);
        show_one(sim, el->in[i], i, false, origin ? origin : path);
        free(path);
    }
    gs_out(sim, "\nOUTGOING MESSAGES\n");
    for (int i = 0; i < el->nout; i++) {
        char *path = elem_path_str(el->out[i]->dst);
        show_one(sim, el->out[i], i, true, path);
        free(path);
    }
    size_t at = 0;
    for (const char *t; (t = rnet_notes(sim, el, &at));)
        gs_out(sim, "%s\n", t);
    gs_out(sim, "%s\n", sb_str(&remote));
    sb_free(&remote);
    return GS_OK;
}
