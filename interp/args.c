/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * args.c: the one argument parser, with GENESIS's rules. A word is an
 * option only when it is '-' followed by a lower-case letter, so "-0.07"
 * and "-1e-3" stay values. Options may be abbreviated to any unique prefix
 * and may come before, between or after positionals. Every value is
 * checked against its declared kind before the command body runs.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../parallel/par.h"
#include "cmd.h"

static bool
is_option_word(const char *w)
{
    /* "-inf" and "-nan" are what a negative infinity or a NaN prints as:
     * values, not options. */
    if (strcasecmp(w, "-inf") == 0 || strcasecmp(w, "-nan") == 0)
        return false;
    return w[0] == '-' && islower((unsigned char)w[1]);
}

static const char *
kind_name(enum gs_arg_kind kind)
{
    switch (kind) {
    case GS_ARG_INT:
        return "an integer";
    case GS_ARG_REAL:
        return "a number";
    case GS_ARG_STR:
        break;
    }
    return "a word";
}

static bool
value_ok(enum gs_arg_kind kind, const char *w)
{
    double d;
    long l;
    switch (kind) {
    case GS_ARG_INT:
        return gs_parse_int(w, &l);
    case GS_ARG_REAL:
        return gs_parse_real(w, &d);
    case GS_ARG_STR:
        break;
    }
    return true;
}

/* Finds the option WORD abbreviates; records an error listing candidates. */
static int
match_option(struct gs_call *call, const char *word)
{
    const struct gs_opt *opts = call->cmd->opts;
    size_t n = strlen(word);
    int found = -1, nfound = 0;
    if (!opts)
        return gs_error(call->sim, "unknown option '%s'", word), -1;
    for (int i = 0; opts[i].name; i++) {
        if (strcmp(opts[i].name, word) == 0)
            return i;
        if (strncmp(opts[i].name, word, n) == 0) {
            found = i;
            nfound++;
        }
    }
    if (nfound == 1)
        return found;
    if (nfound == 0) {
        gs_error(call->sim, "unknown option '%s'", word);
        return -1;
    }
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; opts[i].name; i++)
        if (strncmp(opts[i].name, word, n) == 0)
            sb_printf(&sb, "%s%s", sb.len ? ", " : "", opts[i].name);
    gs_error(call->sim, "ambiguous option '%s' (could be %s)", word, sb_str(&sb));
    sb_free(&sb);
    return -1;
}

static bool
wants_help(const char *w)
{
    return strcmp(w, "-usage") == 0 || strcmp(w, "-help") == 0;
}

void
gs_cmd_usage(const struct gs_cmd *cmd, struct strbuf *sb)
{
    sb_printf(sb, "usage: %s%s%s", cmd->name, cmd->usage[0] ? " " : "", cmd->usage);
}

void
gs_call_init(struct gs_call *call, struct gs_sim *sim, const struct gs_cmd *cmd,
             const char *origin)
{
    memset(call, 0, sizeof *call);
    call->sim = sim;
    call->cmd = cmd;
    call->origin = origin ? origin : "";
    par_note_command(sim, cmd->name, call->origin); /* for other ranks' timeout messages */
}

void
gs_call_done(struct gs_call *call)
{
    if (call->pos != call->pos_small)
        free(call->pos);
    if (call->optv != call->optv_small)
        free(call->optv);
    sb_free(&call->res_str);
    call->pos = NULL;
    call->optv = NULL;
}

static enum gs_status
usage_error(struct gs_call *call, const char *what)
{
    struct strbuf sb = STRBUF_INIT;
    gs_cmd_usage(call->cmd, &sb);
    gs_error(call->sim, "%s (%s)", what, sb_str(&sb));
    sb_free(&sb);
    return GS_ERR;
}

/* Splits WORDS into positionals and options and checks every value. */
static enum gs_status
parse(struct gs_call *call)
{
    const struct gs_cmd *cmd = call->cmd;
    size_t n = (size_t)call->nwords + 1;
    call->pos = n <= 8 ? call->pos_small : xcalloc(n, sizeof *call->pos);
    call->optv = n <= 4 ? call->optv_small : xcalloc(n, sizeof *call->optv);
    for (int i = 0; i < call->nwords; i++) {
        const char *w = call->words[i];
        if (cmd->flags & GS_CMD_RAW || w[0] != '-' || !is_option_word(w)) {
            call->pos[call->npos++] = w;
            continue;
        }
        int o = match_option(call, w);
        if (o < 0)
            return GS_ERR; /* match_option recorded why */
        const struct gs_opt *opt = &cmd->opts[o];
        struct gs_optval *ov = &call->optv[call->noptv++];
        ov->opt = o;
        ov->first = i + 1;
        if (opt->nvals == GS_VARARGS) {
            while (i + 1 < call->nwords && !is_option_word(call->words[i + 1])) {
                i++;
                ov->nvals++;
            }
        } else {
            for (int k = 0; k < opt->nvals; k++) {
                if (i + 1 >= call->nwords)
                    return gs_error(call->sim, "option %s expects %d value%s, got %d",
                                    opt->name, opt->nvals, opt->nvals == 1 ? "" : "s", k);
                i++;
                ov->nvals++;
            }
        }
        for (int k = 0; k < ov->nvals; k++) {
            const char *v = call->words[ov->first + k];
            if (!value_ok(opt->kind, v))
                return gs_error(call->sim, "option %s expects %s, got '%s'", opt->name,
                                kind_name(opt->kind), v);
        }
    }
    if (call->npos < cmd->min_pos || (cmd->max_pos != GS_VARARGS && call->npos > cmd->max_pos)) {
        char what[128];
        if (cmd->max_pos == GS_VARARGS)
            snprintf(what, sizeof what, "expected at least %d argument%s, got %d", cmd->min_pos,
                     cmd->min_pos == 1 ? "" : "s", call->npos);
        else if (cmd->min_pos == cmd->max_pos)
            snprintf(what, sizeof what, "expected %d argument%s, got %d", cmd->min_pos,
                     cmd->min_pos == 1 ? "" : "s", call->npos);
        else
            snprintf(what, sizeof what, "expected %d to %d arguments, got %d", cmd->min_pos,
                     cmd->max_pos, call->npos);
        return usage_error(call, what);
    }
    for (int i = 0; i < call->npos && i < GS_MAX_POS; i++) {
        const struct gs_pos *p = &cmd->pos[i];
        if (p->name && !value_ok(p->kind, call->pos[i]))
            return gs_error(call->sim, "%s expects %s, got '%s'", p->name, kind_name(p->kind),
                            call->pos[i]);
    }
    return GS_OK;
}

enum gs_status
gs_call_run(struct gs_call *call, int nwords, const char **argv)
{
    call->words = argv;
    call->nwords = nwords;
    /* -usage (or -help) anywhere among the options; for a command whose
     * words are not option-parsed (setfield, sh, strlen...), as its only
     * word. */
    bool help = nwords == 1 && wants_help(argv[0]);
    for (int i = 0; !help && !(call->cmd->flags & GS_CMD_RAW) && i < nwords; i++)
        help = argv[i][0] == '-' && wants_help(argv[i]);
    if (help) {
        struct strbuf sb = STRBUF_INIT;
        gs_cmd_usage(call->cmd, &sb);
        gs_out(call->sim, "%s\n", sb_str(&sb));
        sb_free(&sb);
        return GS_OK;
    }
    if (parse(call) != GS_OK)
        return GS_ERR;
    /* Name the running command for warnings; commands nest (include). */
    const char *outer_name = call->sim->cmd_name, *outer_origin = call->sim->cmd_origin;
    call->sim->cmd_name = call->cmd->name;
    call->sim->cmd_origin = call->origin;
    enum gs_status st = call->cmd->exec(call);
    call->sim->cmd_name = outer_name;
    call->sim->cmd_origin = outer_origin;
    return st;
}

/* --- accessors ----------------------------------------------------------- */

const char *
gs_arg(const struct gs_call *call, int i)
{
    return i >= 0 && i < call->npos ? call->pos[i] : NULL;
}

long
gs_arg_int(const struct gs_call *call, int i)
{
    long v = 0;
    const char *w = gs_arg(call, i);
    if (w)
        gs_parse_int(w, &v);
    return v;
}

double
gs_arg_real(const struct gs_call *call, int i)
{
    double v = 0;
    const char *w = gs_arg(call, i);
    if (w)
        gs_parse_real(w, &v);
    return v;
}

static const struct gs_optval *
last_occurrence(const struct gs_call *call, const char *name)
{
    for (int i = call->noptv - 1; i >= 0; i--)
        if (strcmp(call->cmd->opts[call->optv[i].opt].name, name) == 0)
            return &call->optv[i];
    return NULL;
}

bool
gs_has_opt(const struct gs_call *call, const char *name)
{
    return last_occurrence(call, name) != NULL;
}

const char *
gs_optval(const struct gs_call *call, const char *name, int k)
{
    const struct gs_optval *ov = last_occurrence(call, name);
    if (!ov || k < 0 || k >= ov->nvals)
        return NULL;
    return call->words[ov->first + k];
}

double
gs_optval_real(const struct gs_call *call, const char *name, int k)
{
    double v = 0;
    const char *w = gs_optval(call, name, k);
    if (w)
        gs_parse_real(w, &v);
    return v;
}

long
gs_optval_int(const struct gs_call *call, const char *name, int k)
{
    long v = 0;
    const char *w = gs_optval(call, name, k);
    if (w)
        gs_parse_int(w, &v);
    return v;
}

int
gs_optval_count(const struct gs_call *call, const char *name)
{
    const struct gs_optval *ov = last_occurrence(call, name);
    return ov ? ov->nvals : 0;
}

void
gs_result_int(struct gs_call *call, long long v)
{
    call->res_kind = GS_RES_INT;
    call->res_int = v;
}

void
gs_result_real(struct gs_call *call, double v)
{
    call->res_kind = GS_RES_REAL;
    call->res_real = v;
}

void
gs_result_str(struct gs_call *call, const char *fmt, ...)
{
    va_list ap;
    call->res_kind = GS_RES_STR;
    sb_reset(&call->res_str);
    va_start(ap, fmt);
    sb_vprintf(&call->res_str, fmt, ap);
    va_end(ap);
}

struct strbuf *
gs_result_buf(struct gs_call *call)
{
    call->res_kind = GS_RES_STR;
    sb_reset(&call->res_str);
    return &call->res_str;
}

void
gs_result_list_begin(struct gs_call *call)
{
    call->res_kind = GS_RES_LIST;
    call->res_int = 0;
    sb_reset(&call->res_str);
}

void
gs_result_list_add(struct gs_call *call, const char *word)
{
    if (call->res_kind != GS_RES_LIST)
        gs_result_list_begin(call);
    sb_append(&call->res_str, word, strlen(word) + 1); /* keeps the NUL */
    call->res_int++;
}
