/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_hsolve.c: the integration-method commands: setmethod (GENESIS's
 * method numbers; the implicit ones for hsolves) and findsolvefield (the
 * name under which an hsolve holds a field of an element it took over).
 * The hsolve class (models/hines) does the work.
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/hines/hsolve.h"
#include "../cmd.h"

static enum gs_status cmd_findsolvefield_exec(struct gs_call *call);
static enum gs_status cmd_setmethod_exec(struct gs_call *call);

const struct gs_cmd cmd_findsolvefield_entry = {
    .name = "findsolvefield",
    .family = "sim",
    .summary = "name under which an hsolve holds a field of an element it solves",
    .usage = "hsolve element field",
    .pos = {{"hsolve", GS_ARG_STR}, {"element", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 3,
    .max_pos = 3,
    .flags = GS_CMD_RESULT,
    .exec = cmd_findsolvefield_exec,
};

const struct gs_cmd cmd_setmethod_entry = {
    .name = "setmethod",
    .family = "sim",
    .summary = "set the integration method of elements (10, 11: hsolves only)",
    .usage = "[path] method",
    .pos = {{"path", GS_ARG_STR}, {"method", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setmethod_exec,
};

/* ---- exec functions ---------------------------------------------------- */

/* The element of findsolvefield: a path as usual, or, as GENESIS also
 * takes it, "compname/childname" relative to the hsolve's cell (its
 * parent), as network scripts name a synchan of each copy of a cell. */
static enum gs_status
solved_element(struct gs_sim *sim, struct gs_element *hs, const char *path,
               struct gs_element **out)
{
    if (path[0] != '/' && !path_lookup(sim, path) && hs->parent) {
        struct gs_model *m = sim->model;
        struct gs_element *cwe = m->cwe;
        m->cwe = hs->parent;
        *out = path_lookup(sim, path);
        m->cwe = cwe;
        if (*out)
            return GS_OK;
    }
    return path_find(sim, path, out);
}

static enum gs_status
cmd_findsolvefield_exec(struct gs_call *call)
{
    struct gs_element *hs, *el;
    if (path_find(call->sim, gs_arg(call, 0), &hs) != GS_OK
        || solved_element(call->sim, hs, gs_arg(call, 1), &el) != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    enum gs_status st = hsolve_findsolvefield(call->sim, hs, el, gs_arg(call, 2), &sb);
    if (st == GS_OK)
        gs_result_str(call, "%s", sb_str(&sb));
    sb_free(&sb);
    return st;
}

/* Every element of the tree below EL, EL first. */
static enum gs_status
set_all(struct gs_sim *sim, struct gs_element *el, int method)
{
    if (hsolve_setmethod(sim, el, method, true) != GS_OK)
        return GS_ERR;
    for (int i = 0; i < el->nchild; i++)
        if (set_all(sim, el->child[i], method) != GS_OK)
            return GS_ERR;
    return GS_OK;
}

static enum gs_status
cmd_setmethod_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *mw = gs_arg(call, call->npos - 1);
    char *end = NULL;
    long method = strtol(mw, &end, 10);
    if (!*mw || *end || !hsolve_method_valid((int)method))
        return gs_error(sim, "unknown integration method '%s' (expected -1 forward Euler, 0 "
                        "exponential Euler, 2-5 Adams-Bashforth, 10 backward Euler or 11 "
                        "Crank-Nicolson)", mw);
    if (call->npos == 1)
        return set_all(sim, sim->model->root, (int)method);
    struct gs_elist l = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &l) != GS_OK)
        return GS_ERR;
    enum gs_status st = GS_OK;
    if (l.n == 0)
        st = gs_error(sim, "no element matches '%s'", gs_arg(call, 0));
    /* all or nothing: check every element before changing any */
    for (size_t i = 0; i < l.n && st == GS_OK; i++)
        if (strcmp(l.v[i]->cls->name, "hsolve") != 0)
            st = hsolve_setmethod(sim, l.v[i], (int)method, false);
    for (size_t i = 0; i < l.n && st == GS_OK; i++)
        if (strcmp(l.v[i]->cls->name, "hsolve") == 0)
            st = hsolve_setmethod(sim, l.v[i], (int)method, false);
    elist_free(&l);
    return st;
}
