/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_param.c: the commands of GENESIS's parameter-search library:
 * initparamBF and initparamSS (one parameter's type, range, centre and
 * label in one call), setsearch (which parameters a search varies), and
 * the argument-string helpers shiftarg and remarg that the library's
 * scripts use. The searches themselves are the paramtable classes in
 * models/param/.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/param/param.h"
#include "../cmd.h"

static enum gs_status cmd_initparamBF_exec(struct gs_call *call);
static enum gs_status cmd_initparamSS_exec(struct gs_call *call);
static enum gs_status cmd_remarg_exec(struct gs_call *call);
static enum gs_status cmd_setsearch_exec(struct gs_call *call);
static enum gs_status cmd_shiftarg_exec(struct gs_call *call);

#define INITPARAM_ENTRY(cls, what)                                                                 \
    const struct gs_cmd cmd_initparam##cls##_entry = {                                             \
        .name = "initparam" #cls,                                                                  \
        .family = "param",                                                                         \
        .summary = "set one parameter's type, range, centre and label in a " #what,               \
        .usage = "path param type range center label",                                            \
        .pos = {{"path", GS_ARG_STR},                                                              \
                {"param", GS_ARG_INT},                                                             \
                {"type", GS_ARG_INT},                                                              \
                {"range", GS_ARG_REAL},                                                            \
                {"center", GS_ARG_REAL},                                                           \
                {"label", GS_ARG_STR}},                                                            \
        .min_pos = 6,                                                                              \
        .max_pos = 6,                                                                              \
        .flags = GS_CMD_RESULT,                                                                    \
        .exec = cmd_initparam##cls##_exec,                                                         \
    }

INITPARAM_ENTRY(BF, paramtableBF);
INITPARAM_ENTRY(SS, paramtableSS);

const struct gs_cmd cmd_remarg_entry = {
    .name = "remarg",
    .family = "param",
    .summary = "what the last shiftarg left of its string",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_RESULT,
    .exec = cmd_remarg_exec,
};

static const struct gs_opt setsearch_opts[] = {
    {"-all", 0, GS_ARG_STR}, /* search every parameter */
    {"-not", 0, GS_ARG_STR}, /* the listed parameters are the ones not searched */
    {"-add", 0, GS_ARG_STR}, /* search the listed ones as well as those already searched */
    {NULL, 0, 0},
};

const struct gs_cmd cmd_setsearch_entry = {
    .name = "setsearch",
    .family = "param",
    .summary = "choose which parameters a paramtable search varies",
    .usage = "path [param1] [param2] ... [-all] [-not] [-add]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .opts = setsearch_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_setsearch_exec,
};

const struct gs_cmd cmd_shiftarg_entry = {
    .name = "shiftarg",
    .family = "param",
    .summary = "the first word of a string (remarg gives the rest)",
    .usage = "argument_string",
    .pos = {{"argument_string", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_shiftarg_exec,
};

/* The paramtable at PATH. Errors: no such element; not a paramtable; no
 * tables yet (when NEED_TABLES). */
static enum gs_status
find_ptab(struct gs_call *call, const char *path, bool need_tables, struct ptab **out)
{
    struct gs_element *el;
    if (path_find(call->sim, path, &el) != GS_OK)
        return GS_ERR;
    if (!ptab_of(el))
        return gs_error(call->sim, "'%s' is a %s, not a parameter table (paramtableBF, "
                                   "paramtableSS)",
                        path, el->cls->name);
    *out = (struct ptab *)(void *)el;
    if (need_tables && !(*out)->alloced)
        return gs_error(call->sim, "'%s' has no parameter tables: call '%s' TABCREATE first", path,
                        path);
    return GS_OK;
}

/* initparamXX: checks the index, type and range; sets type, range, min and
 * max, the label, and the centre where the class keeps it. */
static enum gs_status
initparam(struct gs_call *call, const char *cls)
{
    struct gs_sim *sim = call->sim;
    struct ptab *p;
    long param = gs_arg_int(call, 1), type = gs_arg_int(call, 2);
    double range = gs_arg_real(call, 3), center = gs_arg_real(call, 4);
    if (find_ptab(call, gs_arg(call, 0), true, &p) != GS_OK)
        return GS_ERR;
    if (strcmp(p->el.cls->name, cls) != 0)
        return gs_error(sim, "'%s' is a %s; this command sets up a %s", gs_arg(call, 0),
                        p->el.cls->name, cls);
    if (param < 0 || param >= p->num_params)
        return gs_error(sim, "parameter index %ld is out of range: '%s' has %d parameters (0 to "
                             "%d)",
                        param, gs_arg(call, 0), p->num_params, p->num_params - 1);
    if (type != 0 && type != 1)
        return gs_error(sim, "type must be 0 (additive) or 1 (multiplicative), got %ld", type);
    if (type == 0 && range < 0.0)
        return gs_error(sim, "the range of an additive parameter must be >= 0, got %g", range);
    if (type == 1 && range < 1.0)
        return gs_error(sim, "the range of a multiplicative parameter must be >= 1, got %g",
                        range);
    int i = (int)param;
    p->type[i] = (int)type;
    p->range[i] = range;
    ptab_of(&p->el)->set_center(p, i, center);
    ptab_set_label(p, i, gs_arg(call, 5));
    p->min[i] = type == 0 ? center - range : center / range;
    p->max[i] = type == 0 ? center + range : center * range;
    gs_result_int(call, 1);
    return GS_OK;
}

static enum gs_status
cmd_initparamBF_exec(struct gs_call *call)
{
    return initparam(call, "paramtableBF");
}

static enum gs_status
cmd_initparamSS_exec(struct gs_call *call)
{
    return initparam(call, "paramtableSS");
}

/* What shiftarg left over, for remarg. TODO(#15): keep it in the
 * simulator rather than here once gs_sim has room for library state. */
static char *remainder_text;

static enum gs_status
cmd_remarg_exec(struct gs_call *call)
{
    gs_result_str(call, "%s", remainder_text ? remainder_text : "");
    return GS_OK;
}

static enum gs_status
cmd_setsearch_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct ptab *p;
    bool all = gs_has_opt(call, "-all"), not_ = gs_has_opt(call, "-not"),
         add = gs_has_opt(call, "-add");
    if (all && not_)
        return gs_error(sim, "-all and -not cannot be used together");
    if (not_ && add)
        return gs_error(sim, "-not and -add cannot be used together");
    if (find_ptab(call, gs_arg(call, 0), true, &p) != GS_OK)
        return GS_ERR;
    int n = call->npos - 1;
    int *idx = xcalloc((size_t)(n > 0 ? n : 1), sizeof *idx);
    enum gs_status st = GS_OK;
    /* every index is checked before any flag changes (GENESIS cleared the
     * flags first) */
    for (int k = 0; k < n && !all && st == GS_OK; k++) {
        const char *w = call->pos[k + 1];
        char *end;
        errno = 0;
        long v = strtol(w, &end, 10);
        if (end == w || *end || errno)
            st = gs_error(sim, "a parameter index must be a whole number, got '%s'", w);
        else if (v < 0 || v >= p->num_params)
            st = gs_error(sim, "parameter index %ld is out of range: '%s' has %d parameters (0 "
                               "to %d)",
                          v, gs_arg(call, 0), p->num_params, p->num_params - 1);
        else
            idx[k] = (int)v;
    }
    if (st == GS_OK) {
        for (int i = 0; i < p->num_params; i++)
            if (all || not_)
                p->search[i] = 1;
            else if (!add)
                p->search[i] = 0;
        if (!all) {
            for (int k = 0; k < n; k++)
                p->search[idx[k]] = not_ ? 0 : 1;
        }
        /* GENESIS's -all returns before counting */
        if (!all && ptab_of(&p->el)->has_ntosearch)
            ptab_count_search(p);
        gs_result_int(call, 1);
    }
    free(idx);
    return st;
}

static enum gs_status
cmd_shiftarg_exec(struct gs_call *call)
{
    const char *s = gs_arg(call, 0);
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strcspn(s, " \t");
    gs_result_str(call, "%.*s", (int)n, s);
    free(remainder_text);
    remainder_text = xstrdup(s + n);
    return GS_OK;
}
