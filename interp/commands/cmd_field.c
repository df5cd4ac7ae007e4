/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_field.c: the field family: setfield, getfield, showfield,
 * getfieldnames, addfield, deletefield and floatformat. Fields are reached
 * only through models/core/field.h (class tables, table sub-fields, user
 * fields); setting is all-or-nothing across every element and field named.
 */
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_addfield_exec(struct gs_call *call);
static enum gs_status cmd_deletefield_exec(struct gs_call *call);
static enum gs_status cmd_floatformat_exec(struct gs_call *call);
static enum gs_status cmd_getfield_exec(struct gs_call *call);
static enum gs_status cmd_getfieldnames_exec(struct gs_call *call);
static enum gs_status cmd_setfield_exec(struct gs_call *call);
static enum gs_status cmd_showfield_exec(struct gs_call *call);

static const struct gs_opt addfield_opts[] = {
    {"-description", 1, GS_ARG_STR,
     "text: the line showobject and showfield -describe print for the field"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_addfield_entry = {
    .name = "addfield",
    .family = "field",
    .summary = "add a user field (a string, initially empty) to elements",
    .usage = "[path] field [-description text]",
    .pos = {{"path", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .opts = addfield_opts,
    .flags = GS_CMD_ACK,
    .exec = cmd_addfield_exec,
};

const struct gs_cmd cmd_deletefield_entry = {
    .name = "deletefield",
    .family = "field",
    .summary = "remove a user field added by addfield",
    .usage = "[path] field",
    .pos = {{"path", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .flags = GS_CMD_ACK,
    .exec = cmd_deletefield_exec,
};

const struct gs_cmd cmd_floatformat_entry = {
    .name = "floatformat",
    .family = "field",
    .summary = "set the printf format of numeric field values (default %0.10g)",
    .usage = "format",
    .pos = {{"format", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_floatformat_exec,
};

const struct gs_cmd cmd_getfield_entry = {
    .name = "getfield",
    .family = "field",
    .summary = "return the value of a field",
    .usage = "[path] field",
    .pos = {{"path", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getfield_exec,
};

const struct gs_cmd cmd_getfieldnames_entry = {
    .name = "getfieldnames",
    .family = "field",
    .summary = "return the names of an element's fields, blank separated",
    .usage = "[path]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getfieldnames_exec,
};

const struct gs_cmd cmd_setfield_entry = {
    .name = "setfield",
    .family = "field",
    .summary = "set fields of elements (all or nothing)",
    .usage = "[path] field value [field value]... [-empty_ok]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW | GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_setfield_exec,
};

static const struct gs_opt showfield_opts[] = {
    {"-all", 0, GS_ARG_STR,
     "every field with its value (as the field word **)"},
    {"-basic", 0, GS_ARG_STR,
     "the element's object, clock, state, position and message counts"},
    {"-describe", 0, GS_ARG_STR,
     "the object's description of each field shown"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_showfield_entry = {
    .name = "showfield",
    .family = "field",
    .summary = "print fields of elements (* all fields, ** everything)",
    .usage = "[path] [field...] [-all] [-basic] [-describe]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = GS_VARARGS,
    .opts = showfield_opts,
    .exec = cmd_showfield_exec,
};

/* ---- helpers -------------------------------------------------------------- */

/* Expands PATTERN; an empty match is an error naming it. */
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

/* For "[path] field" commands: the elements and the field word. */
static enum gs_status
path_and_field(struct gs_call *call, struct gs_elist *l, const char **field)
{
    if (call->npos == 1) {
        elist_add(l, call->sim->model->cwe);
        *field = gs_arg(call, 0);
        return GS_OK;
    }
    *field = gs_arg(call, 1);
    return elements(call->sim, gs_arg(call, 0), l);
}

/* ---- exec functions ---------------------------------------------------------- */

static enum gs_status
cmd_addfield_exec(struct gs_call *call)
{
    struct gs_elist l = GS_ELIST_INIT;
    const char *field;
    enum gs_status st = path_and_field(call, &l, &field);
    /* Check every element first: nothing is added unless all can take it. */
    for (size_t i = 0; st == GS_OK && i < l.n; i++) {
        struct gs_fref f;
        if (field_find(call->sim, l.v[i], field, &f) == GS_OK) {
            char *p = elem_path_str(l.v[i]);
            st = gs_error(call->sim, "'%s' already has a field '%s'", p, field);
            free(p);
        } else {
            gs_diag_clear(call->sim);
        }
    }
    for (size_t i = 0; st == GS_OK && i < l.n; i++)
        st = elem_add_ufield(call->sim, l.v[i], field);
    elist_free(&l);
    return st;
}

static enum gs_status
cmd_deletefield_exec(struct gs_call *call)
{
    struct gs_elist l = GS_ELIST_INIT;
    const char *field;
    enum gs_status st = path_and_field(call, &l, &field);
    for (size_t i = 0; st == GS_OK && i < l.n; i++)
        if (!elem_ufield(l.v[i], field))
            st = elem_delete_ufield(call->sim, l.v[i], field); /* records why */
    for (size_t i = 0; st == GS_OK && i < l.n; i++)
        st = elem_delete_ufield(call->sim, l.v[i], field);
    elist_free(&l);
    return st;
}

static enum gs_status
cmd_floatformat_exec(struct gs_call *call)
{
    const char *f = gs_arg(call, 0);
    if (!field_format_ok(f) || strlen(f) >= sizeof call->sim->model->float_format)
        return gs_error(call->sim, "expected a format like %%0.10g or %%g, got '%s'", f);
    strcpy(call->sim->model->float_format, f);
    return GS_OK;
}

static enum gs_status
cmd_getfield_exec(struct gs_call *call)
{
    struct gs_element *el = call->sim->model->cwe;
    const char *field = gs_arg(call, 0);
    if (call->npos == 2) {
        if (path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
            return GS_ERR;
        field = gs_arg(call, 1);
    }
    struct gs_fref f;
    if (field_find(call->sim, el, field, &f) != GS_OK)
        return GS_ERR;
    field_format(call->sim, &f, gs_result_buf(call));
    return GS_OK;
}

static enum gs_status
cmd_getfieldnames_exec(struct gs_call *call)
{
    struct gs_element *el = call->sim->model->cwe;
    if (call->npos > 0 && path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    for (const struct gs_field *f = el->cls->fields; f && f->name; f++)
        if (!(f->flags & GS_F_HIDDEN))
            sb_printf(&sb, "%s%s", sb.len ? " " : "", f->name);
    for (int i = 0; i < elem_nufield(el); i++)
        sb_printf(&sb, "%s%s", sb.len ? " " : "", elem_ufield_name(el, i));
    gs_result_str(call, "%s", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

/* Is W setfield's -empty_ok, or an abbreviation of it (-em...)? Its
 * arguments are not option-parsed (a value may start with '-'), so this
 * one option is looked for by hand, wherever it is, as GENESIS's initopt
 * finds it. */
static bool
is_empty_ok(const char *w)
{
    size_t n = strlen(w);
    return n >= 3 && strncmp(w, "-empty_ok", n) == 0;
}

static enum gs_status
cmd_setfield_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist l = GS_ELIST_INIT;
    /* -empty_ok: a path that matches nothing sets nothing, silently. */
    bool empty_ok = false;
    int kept = 0;
    for (int i = 0; i < call->npos; i++) {
        if (is_empty_ok(call->pos[i]))
            empty_ok = true;
        else
            call->pos[kept++] = call->pos[i];
    }
    call->npos = kept;
    if (call->npos < 2)
        return gs_error(sim, "expected [path] field value, got %d word%s", call->npos,
                        call->npos == 1 ? "" : "s");
    int first = 0;
    if (call->npos % 2 == 1) {
        if (empty_ok && path_is_pattern(gs_arg(call, 0))) {
            if (path_glob(sim, gs_arg(call, 0), &l) != GS_OK) {
                elist_free(&l);
                return GS_ERR;
            }
            if (l.n == 0)
                return GS_OK;
        } else if (empty_ok && !path_lookup(sim, gs_arg(call, 0))) {
            return GS_OK;
        } else if (elements(sim, gs_arg(call, 0), &l) != GS_OK) {
            elist_free(&l);
            return GS_ERR;
        }
        first = 1;
    } else {
        /* An element path where a field name should be: a value is missing. */
        struct gs_fref f;
        const char *w = gs_arg(call, 0);
        if (field_find(sim, sim->model->cwe, w, &f) != GS_OK) {
            gs_diag_clear(sim);
            if (strchr(w, '/') || path_lookup(sim, w))
                return gs_error(sim, "a value is missing: expected field value pairs after '%s'",
                                w);
        }
        elist_add(&l, sim->model->cwe);
    }
    int n = (call->npos - first) / 2;
    const char **names = xcalloc((size_t)n + 1, sizeof *names);
    const char **values = xcalloc((size_t)n + 1, sizeof *values);
    for (int i = 0; i < n; i++) {
        names[i] = call->pos[first + 2 * i];
        values[i] = call->pos[first + 2 * i + 1];
    }
    enum gs_status st = GS_OK;
    /* Every element is checked before any is written (K3 across a wildcard). */
    for (size_t i = 0; st == GS_OK && l.n > 1 && i < l.n; i++)
        st = field_check_many(sim, l.v[i], n, names, values);
    for (size_t i = 0; st == GS_OK && i < l.n; i++)
        st = field_set_many(sim, l.v[i], n, names, values);
    free(names);
    free(values);
    elist_free(&l);
    return st;
}

static void
show_basic(struct gs_sim *sim, const struct gs_element *el)
{
    gs_out(sim, "%-20s = %s\n", "object", el->cls->name);
    gs_out(sim, "%-20s = %d (%g)\n", "clock", el->clock, sim->model->clock[el->clock]);
    gs_out(sim, "%-20s = %d\n", "enabled", !(el->flags & GS_EL_DISABLED));
    gs_out(sim, "%-20s = %g %g %g\n", "position", el->x, el->y, el->z);
    gs_out(sim, "%-20s = %d\n", "incoming messages", el->nin);
    gs_out(sim, "%-20s = %d\n", "outgoing messages", el->nout);
}

static void
show_one(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    struct gs_fref f;
    struct strbuf sb = STRBUF_INIT;
    if (field_find(sim, el, name, &f) != GS_OK)
        return;
    field_format(sim, &f, &sb);
    gs_out(sim, "%-20s = %s\n", name, sb_str(&sb));
    sb_free(&sb);
}

static void
show_all(struct gs_sim *sim, struct gs_element *el)
{
    for (const struct gs_field *f = el->cls->fields; f && f->name; f++)
        if (!(f->flags & GS_F_HIDDEN))
            show_one(sim, el, f->name);
    for (int i = 0; i < elem_nufield(el); i++)
        show_one(sim, el, elem_ufield_name(el, i));
}

static void
show_describe(struct gs_sim *sim, const struct gs_element *el)
{
    const struct gs_class *c = el->cls;
    gs_out(sim, "%s: %s\n", c->name, c->desc ? c->desc : "");
    for (const struct gs_field *f = c->fields; f && f->name; f++)
        if (!(f->flags & GS_F_HIDDEN))
            gs_out(sim, "  %-16s %-6s %s\n", f->name, f->unit, f->desc);
}

static enum gs_status
cmd_showfield_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist l = GS_ELIST_INIT;
    int first = 0;
    const char *p0 = gs_arg(call, 0);
    /* The first word is a path when it names elements; otherwise a field. */
    if (p0 && strcmp(p0, "*") != 0 && strcmp(p0, "**") != 0
        && (path_is_pattern(p0) || path_lookup(sim, p0) || strchr(p0, '/'))) {
        if (elements(sim, p0, &l) != GS_OK) {
            elist_free(&l);
            return GS_ERR;
        }
        first = 1;
    } else {
        elist_add(&l, sim->model->cwe);
    }
    /* Every field must exist on every element before anything prints. */
    for (size_t i = 0; i < l.n; i++)
        for (int k = first; k < call->npos; k++) {
            const char *w = call->pos[k];
            struct gs_fref f;
            if (strcmp(w, "*") != 0 && strcmp(w, "**") != 0
                && field_find(sim, l.v[i], w, &f) != GS_OK) {
                elist_free(&l);
                return GS_ERR;
            }
        }
    bool all = gs_has_opt(call, "-all"), basic = gs_has_opt(call, "-basic");
    bool describe = gs_has_opt(call, "-describe");
    for (size_t i = 0; i < l.n; i++) {
        struct gs_element *el = l.v[i];
        char *p = elem_path_str(el);
        gs_out(sim, "\n[ %s ]\n", p);
        free(p);
        if (basic || all)
            show_basic(sim, el);
        if (all)
            show_all(sim, el);
        if (describe)
            show_describe(sim, el);
        for (int k = first; k < call->npos; k++) {
            const char *w = call->pos[k];
            if (strcmp(w, "*") == 0) {
                show_all(sim, el);
            } else if (strcmp(w, "**") == 0) {
                show_basic(sim, el);
                show_all(sim, el);
                show_describe(sim, el);
            } else {
                show_one(sim, el, w);
            }
        }
    }
    elist_free(&l);
    return GS_OK;
}
