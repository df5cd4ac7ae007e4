/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_msg.c: the msg family: addmsg, deletemsg, getmsg, showmsg. Messages
 * are checked against the destination class's message table by
 * models/core/msg.c; addmsg over wildcards is all or nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_addmsg_exec(struct gs_call *call);
static enum gs_status cmd_deletemsg_exec(struct gs_call *call);
static enum gs_status cmd_getmsg_exec(struct gs_call *call);
static enum gs_status cmd_showmsg_exec(struct gs_call *call);

const struct gs_cmd cmd_addmsg_entry = {
    .name = "addmsg",
    .family = "msg",
    .summary = "send values from source elements to destination elements each step",
    .usage = "source destination TYPE [slot...]",
    .pos = {{"source", GS_ARG_STR}, {"destination", GS_ARG_STR}, {"type", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = 3 + GS_MSG_MAXSLOTS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW | GS_CMD_ACK,
    .exec = cmd_addmsg_exec,
};

static const struct gs_opt deletemsg_opts[] = {
    {"-incoming", 0, GS_ARG_STR,
     "count the message number among incoming messages (the default)"},
    {"-outgoing", 0, GS_ARG_STR,
     "count it among outgoing messages"},
    {"-find", 2, GS_ARG_STR,
     "source TYPE: delete the first incoming TYPE message from source"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_deletemsg_entry = {
    .name = "deletemsg",
    .family = "msg",
    .summary = "delete a message by number, or the first from a source of a type",
    .usage = "element [msg-number] [-incoming|-outgoing] [-find source TYPE]",
    .pos = {{"element", GS_ARG_STR}, {"msg-number", GS_ARG_INT}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = deletemsg_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_deletemsg_exec,
};

static const struct gs_opt getmsg_opts[] = {
    {"-incoming", 0, GS_ARG_STR,
     "look at incoming messages (the default)"},
    {"-outgoing", 0, GS_ARG_STR,
     "look at outgoing messages"},
    {"-slot", 2, GS_ARG_INT,
     "n k: the value of slot k of message n"},
    {"-count", 0, GS_ARG_STR,
     "how many messages there are"},
    {"-type", 1, GS_ARG_INT,
     "n: the type of message n"},
    {"-destination", 1, GS_ARG_INT,
     "n: the destination element of message n"},
    {"-source", 1, GS_ARG_INT,
     "n: the source element of message n"},
    {"-find", 2, GS_ARG_STR,
     "source TYPE: the number of the first TYPE message from source, or -1"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_getmsg_entry = {
    .name = "getmsg",
    .family = "msg",
    .summary = "return facts about an element's messages",
    .usage = "element [-incoming|-outgoing] -count | -type n | -source n | -destination n"
             " | -slot n k | -find source TYPE",
    .pos = {{"element", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = getmsg_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getmsg_exec,
};

const struct gs_cmd cmd_showmsg_entry = {
    .name = "showmsg",
    .family = "msg",
    .summary = "print the incoming and outgoing messages of an element",
    .usage = "element",
    .pos = {{"element", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_showmsg_exec,
};

/* ---- helpers ---------------------------------------------------------------- */

static enum gs_status
elements(struct gs_sim *sim, const char *pattern, struct gs_elist *l)
{
    if (!path_is_pattern(pattern)) {
        struct gs_element *el;
        if (path_find(sim, pattern, &el) != GS_OK)
            return GS_ERR;
        elist_add(l, el);
        return GS_OK;
    }
    if (path_glob(sim, pattern, l) != GS_OK)
        return GS_ERR;
    if (l->n == 0)
        return gs_error(sim, "no element matches '%s'", pattern);
    return GS_OK;
}

/* Appends slot K's current value as GENESIS shows it. */
static void
slot_text(struct gs_sim *sim, const struct gs_msg *m, int k, struct strbuf *sb)
{
    if (m->slot[k].kind == GS_SLOT_STR)
        sb_puts(sb, msg_str(m, k));
    else
        field_format_real(sim, msg_val(m, k), sb);
}

/* The first incoming message of EL from SRC with type TYPE, or -1. */
static int
find_in(const struct gs_element *el, const struct gs_element *src, const char *type)
{
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->src == src && strcasecmp(msg_type_name(el->in[i]), type) == 0)
            return i;
    return -1;
}

/* ---- exec functions ------------------------------------------------------------ */

static enum gs_status
cmd_addmsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist src = GS_ELIST_INIT, dst = GS_ELIST_INIT;
    struct gs_msg **made = NULL;
    size_t nmade = 0;
    enum gs_status st = elements(sim, gs_arg(call, 0), &src);
    if (st == GS_OK)
        st = elements(sim, gs_arg(call, 1), &dst);
    if (st == GS_OK && src.n * dst.n > 0)
        made = xcalloc(src.n * dst.n, sizeof *made);
    /* One message per (source, destination) pair; all or nothing. */
    for (size_t d = 0; st == GS_OK && d < dst.n; d++)
        for (size_t s = 0; st == GS_OK && s < src.n; s++) {
            st = msg_add(sim, src.v[s], dst.v[d], gs_arg(call, 2), call->npos - 3,
                         call->pos + 3, &made[nmade]);
            if (st == GS_OK)
                nmade++;
        }
    if (st != GS_OK)
        while (nmade > 0)
            msg_delete(sim, made[--nmade]);
    free(made);
    elist_free(&src);
    elist_free(&dst);
    return st;
}

static enum gs_status
cmd_deletemsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el, *src;
    bool out = gs_has_opt(call, "-outgoing") && !gs_has_opt(call, "-incoming");
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    long n;
    if (gs_has_opt(call, "-find")) {
        if (path_find(sim, gs_optval(call, "-find", 0), &src) != GS_OK)
            return GS_ERR;
        n = find_in(el, src, gs_optval(call, "-find", 1));
        if (n < 0) {
            char *p = elem_path_str(el);
            gs_error(sim, "no %s message from '%s' to '%s'", gs_optval(call, "-find", 1),
                     gs_optval(call, "-find", 0), p);
            free(p);
            return GS_ERR;
        }
        out = false;
    } else if (call->npos < 2) {
        return gs_error(sim, "expected a message number or -find source TYPE");
    } else {
        n = gs_arg_int(call, 1);
    }
    int count = out ? el->nout : el->nin;
    if (n < 0 || n >= count) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s' has no %s message %ld (it has %d)", p, out ? "outgoing" : "incoming",
                 n, count);
        free(p);
        return GS_ERR;
    }
    msg_delete(sim, out ? el->out[n] : el->in[n]);
    return GS_OK;
}

static enum gs_status
cmd_getmsg_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    bool out = gs_has_opt(call, "-outgoing") && !gs_has_opt(call, "-incoming");
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    struct gs_msg **list = out ? el->out : el->in;
    int count = out ? el->nout : el->nin;
    const char *dir = out ? "outgoing" : "incoming";
    if (gs_has_opt(call, "-count")) {
        gs_result_int(call, count);
        return GS_OK;
    }
    if (gs_has_opt(call, "-find")) {
        struct gs_element *src;
        if (path_find(sim, gs_optval(call, "-find", 0), &src) != GS_OK)
            return GS_ERR;
        gs_result_int(call, find_in(el, src, gs_optval(call, "-find", 1)));
        return GS_OK;
    }
    const char *which = gs_has_opt(call, "-type")          ? "-type"
                        : gs_has_opt(call, "-destination") ? "-destination"
                        : gs_has_opt(call, "-source")      ? "-source"
                        : gs_has_opt(call, "-slot")        ? "-slot"
                                                           : NULL;
    if (!which)
        return gs_error(sim, "expected one of -count, -type, -source, -destination, -slot or "
                             "-find");
    long n = gs_optval_int(call, which, 0);
    if (n < 0 || n >= count) {
        char *p = elem_path_str(el);
        gs_error(sim, "'%s' has no %s message %ld (it has %d)", p, dir, n, count);
        free(p);
        return GS_ERR;
    }
    const struct gs_msg *m = list[n];
    if (strcmp(which, "-type") == 0) {
        gs_result_str(call, "%s", msg_type_name(m));
    } else if (strcmp(which, "-destination") == 0 || strcmp(which, "-source") == 0) {
        char *p = elem_path_str(which[1] == 'd' ? m->dst : m->src);
        gs_result_str(call, "%s", p);
        free(p);
    } else {
        long k = gs_optval_int(call, "-slot", 1);
        if (k < 0 || k >= m->nslots)
            return gs_error(sim, "message %ld (%s) has no slot %ld (it has %d)", n,
                            msg_type_name(m), k, m->nslots);
        struct strbuf sb = STRBUF_INIT;
        slot_text(sim, m, (int)k, &sb);
        gs_result_str(call, "%s", sb_str(&sb));
        sb_free(&sb);
    }
    return GS_OK;
}

static void
show_list(struct gs_sim *sim, struct gs_msg **list, int n, bool out)
{
    for (int i = 0; i < n; i++) {
        const struct gs_msg *m = list[i];
        const struct gs_msgdef *d = &m->dst->cls->msgs[m->type];
        char *p = elem_path_str(out ? m->dst : m->src);
        gs_out(sim, "MSG %d %s '%s' type [%d] '%s'", i, out ? "to" : "from", p, m->type, d->name);
        free(p);
        for (int k = 0; k < m->nslots; k++) {
            struct strbuf sb = STRBUF_INIT;
            slot_text(sim, m, k, &sb);
            gs_out(sim, " < %s = %s >", d->slots[k] ? d->slots[k] : m->slot[k].text,
                   sb_str(&sb));
            sb_free(&sb);
        }
        gs_out(sim, "\n");
    }
}

static enum gs_status
cmd_showmsg_exec(struct gs_call *call)
{
    struct gs_element *el;
    if (path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    gs_out(call->sim, "\nINCOMING MESSAGES\n");
    show_list(call->sim, el->in, el->nin, false);
    gs_out(call->sim, "\nOUTGOING MESSAGES\n");
    show_list(call->sim, el->out, el->nout, true);
    gs_out(call->sim, "\n");
    return GS_OK;
}
