/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_element.c: the element family: create, delete, copy, move, the
 * working element (ce, pwe, pushe, pope, stack), listing (le, el), tests
 * (exists, isa), getpath, position, disable/enable, call and addaction,
 * and the object catalogue (listobjects, listclasses, showobject). Paths and wildcards go
 * through models/core/path.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_addaction_exec(struct gs_call *call);
static enum gs_status cmd_call_exec(struct gs_call *call);
static enum gs_status cmd_ce_exec(struct gs_call *call);
static enum gs_status cmd_copy_exec(struct gs_call *call);
static enum gs_status cmd_countelementlist_exec(struct gs_call *call);
static enum gs_status cmd_create_exec(struct gs_call *call);
static enum gs_status cmd_delete_exec(struct gs_call *call);
static enum gs_status cmd_disable_exec(struct gs_call *call);
static enum gs_status cmd_el_exec(struct gs_call *call);
static enum gs_status cmd_enable_exec(struct gs_call *call);
static enum gs_status cmd_exists_exec(struct gs_call *call);
static enum gs_status cmd_getpath_exec(struct gs_call *call);
static enum gs_status cmd_isa_exec(struct gs_call *call);
static enum gs_status cmd_le_exec(struct gs_call *call);
static enum gs_status cmd_listclasses_exec(struct gs_call *call);
static enum gs_status cmd_listobjects_exec(struct gs_call *call);
static enum gs_status cmd_move_exec(struct gs_call *call);
static enum gs_status cmd_pope_exec(struct gs_call *call);
static enum gs_status cmd_position_exec(struct gs_call *call);
static enum gs_status cmd_pushe_exec(struct gs_call *call);
static enum gs_status cmd_pwe_exec(struct gs_call *call);
static enum gs_status cmd_showobject_exec(struct gs_call *call);
static enum gs_status cmd_stack_exec(struct gs_call *call);

const struct gs_cmd cmd_addaction_entry = {
    .name = "addaction",
    .family = "element",
    .summary = "make a script function carry out an action of an element (PROCESS, RESET, ...)",
    .usage = "element ACTION function | ACTION number",
    .pos = {{"element", GS_ARG_STR}, {"action", GS_ARG_STR}, {"function", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 3,
    .flags = GS_CMD_RESULT | GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_addaction_exec,
};

const struct gs_cmd cmd_call_entry = {
    .name = "call",
    .family = "element",
    .summary = "run an action of an element (RESET, PROCESS, TABCREATE, ...)",
    .usage = "path ACTION [arguments...] [-parent]",
    .pos = {{"path", GS_ARG_STR}, {"action", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW | GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_call_exec,
};

const struct gs_cmd cmd_ce_entry = {
    .name = "ce",
    .family = "element",
    .summary = "change the working element",
    .usage = "path",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_ce_exec,
};

static const struct gs_opt copy_opts[] = {
    {"-repeat", 1, GS_ARG_INT,
     "n: make n copies, indexed name[0] ... name[n-1]"},
    {"-autoindex", 0, GS_ARG_STR,
     "give the copy the first free index of its name"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_copy_entry = {
    .name = "copy",
    .family = "element",
    .summary = "copy an element and its subtree (with the messages inside it)",
    .usage = "source destination [-repeat n] [-autoindex]",
    .pos = {{"source", GS_ARG_STR}, {"destination", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = copy_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_copy_exec,
};

const struct gs_cmd cmd_countelementlist_entry = {
    .name = "countelementlist",
    .family = "element",
    .summary = "return how many elements a wildcard pattern matches",
    .usage = "pattern",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_countelementlist_exec,
};

const struct gs_cmd cmd_create_entry = {
    .name = "create",
    .family = "element",
    .summary = "create an element of a class, optionally setting fields",
    .usage = "class path [-autoindex] [-field value]...",
    .pos = {{"class", GS_ARG_STR}, {"path", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW | GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_create_exec,
};

const struct gs_cmd cmd_delete_entry = {
    .name = "delete",
    .family = "element",
    .summary = "delete elements and their subtrees",
    .usage = "path...",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_delete_exec,
};

const struct gs_cmd cmd_disable_entry = {
    .name = "disable",
    .family = "element",
    .summary = "leave elements out of the simulation",
    .usage = "path",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_disable_exec,
};

static const struct gs_opt el_opts[] = {
    {"-listname", 1, GS_ARG_STR,
     "name: accepted as GENESIS 2 takes it; the list is the command's result"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_el_entry = {
    .name = "el",
    .family = "element",
    .summary = "return the paths a wildcard pattern matches, blank separated",
    .usage = "pattern",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = el_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_el_exec,
};

const struct gs_cmd cmd_enable_entry = {
    .name = "enable",
    .family = "element",
    .summary = "put disabled elements back into the simulation",
    .usage = "path",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_enable_exec,
};

const struct gs_cmd cmd_exists_entry = {
    .name = "exists",
    .family = "element",
    .summary = "1 if the element (and the field, if given) exists, else 0",
    .usage = "path [field]",
    .pos = {{"path", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_exists_exec,
};

const struct gs_cmd cmd_getelementlist_entry = {
    .name = "getelementlist",
    .family = "element",
    .summary = "return the paths a wildcard pattern matches (same as el)",
    .usage = "pattern",
    .pos = {{"pattern", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = el_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_el_exec,
};

static const struct gs_opt getpath_opts[] = {
    {"-head", 0, GS_ARG_STR,
     "the path up to the last '/' (the parent's path, with its '/')"},
    {"-tail", 0, GS_ARG_STR,
     "the last name of the path (after the last '/')"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_getpath_entry = {
    .name = "getpath",
    .family = "element",
    .summary = "return the head (parent part) or tail (last name) of a path",
    .usage = "path -head|-tail",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = getpath_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getpath_exec,
};

const struct gs_cmd cmd_isa_entry = {
    .name = "isa",
    .family = "element",
    .summary = "1 if the element is of the object (or derived from it), else 0",
    .usage = "object path",
    .pos = {{"object", GS_ARG_STR}, {"path", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_isa_exec,
};

static const struct gs_opt le_opts[] = {
    {"-recursive", 0, GS_ARG_STR,
     "list the whole subtree, each element with its full path"},
    {"-types", 0, GS_ARG_STR,
     "show each element's object name after it"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_le_entry = {
    .name = "le",
    .family = "element",
    .summary = "list the children of an element",
    .usage = "[path] [-recursive] [-types]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .opts = le_opts,
    .exec = cmd_le_exec,
};

const struct gs_cmd cmd_listclasses_entry = {
    .name = "listclasses",
    .family = "element",
    .summary = "list the element classes ([CLASS=...]) and their objects",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_listclasses_exec,
};

const struct gs_cmd cmd_listobjects_entry = {
    .name = "listobjects",
    .family = "element",
    .summary = "list the objects (element types) create accepts",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_listobjects_exec,
};

const struct gs_cmd cmd_move_entry = {
    .name = "move",
    .family = "element",
    .summary = "move or rename an element",
    .usage = "source destination",
    .pos = {{"source", GS_ARG_STR}, {"destination", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_move_exec,
};

const struct gs_cmd cmd_pope_entry = {
    .name = "pope",
    .family = "element",
    .summary = "return to the working element saved by pushe",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_pope_exec,
};

const struct gs_cmd cmd_position_entry = {
    .name = "position",
    .family = "element",
    .summary = "set the coordinates of an element and move its subtree with it",
    .usage = "path x y z (each a number, Rnumber for relative, or I to keep)",
    .pos = {{"path", GS_ARG_STR}, {"x", GS_ARG_STR}, {"y", GS_ARG_STR}, {"z", GS_ARG_STR}},
    .min_pos = 4,
    .max_pos = 4,
    .flags = GS_CMD_ACK,
    .exec = cmd_position_exec,
};

const struct gs_cmd cmd_pushe_entry = {
    .name = "pushe",
    .family = "element",
    .summary = "save the working element and change to another",
    .usage = "[path]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_pushe_exec,
};

const struct gs_cmd cmd_pwe_entry = {
    .name = "pwe",
    .family = "element",
    .summary = "print the working element",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_pwe_exec,
};

const struct gs_cmd cmd_showobject_entry = {
    .name = "showobject",
    .family = "element",
    .summary = "describe an object: classes, fields, messages, actions",
    .usage = "object",
    .pos = {{"object", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .exec = cmd_showobject_exec,
};

const struct gs_cmd cmd_stack_entry = {
    .name = "stack",
    .family = "element",
    .summary = "print the pushe stack of working elements",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_stack_exec,
};

/* ---- exec functions ---------------------------------------------------- */

/* addaction ELEMENT ACTION FUNCTION (GENESIS's extended objects), or
 * addaction ACTION NUMBER (its library form, naming a new action for
 * compiled objects: gensh knows actions by their names, so there is
 * nothing to number; the number is checked and the command succeeds). */
static enum gs_status
cmd_addaction_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    if (call->npos == 2) {
        long id;
        if (!gs_parse_int(gs_arg(call, 1), &id))
            return gs_error(sim, "expected 'element ACTION function' or 'ACTION number', got "
                                 "'%s %s'",
                            gs_arg(call, 0), gs_arg(call, 1));
        gs_result_int(call, 1);
        return GS_OK;
    }
    struct gs_element *el;
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    const char *action = gs_arg(call, 1), *func = gs_arg(call, 2);
    if (!action[0] || !func[0])
        return gs_error(sim, "the action and the function must not be empty");
    elem_set_saction(sim, el, action, func);
    gs_result_int(call, 1);
    return GS_OK;
}

static enum gs_status
cmd_call_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el;
    if (path_find(sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    const char *name = gs_arg(call, 1);
    int nargs = call->npos - 2;
    /* -parent (last): the class's own action, not the script one. */
    bool parent = nargs > 0 && strcmp(call->pos[call->npos - 1], "-parent") == 0;
    if (parent)
        nargs--;
    if (!parent && elem_saction(el, name))
        return elem_run_saction(sim, el, name, nargs, call->pos + 2);
    const struct gs_named_action *na = class_extra(el->cls, name);
    if (na)
        return na->fn(sim, el, nargs, call->pos + 2);
    int a = class_action_find(name);
    if (a >= 0 && class_has_action(el->cls, (enum gs_action)a)) {
        struct gs_tick tick = {.t = sim->model->time,
                               .dt = sim->model->clock[el->clock],
                               .dt0 = sim->model->clock[0],
                               .step = sim->model->step};
        switch ((enum gs_action)a) {
        case GS_ACT_INIT:
            return el->cls->init(sim, el, &tick);
        case GS_ACT_PROCESS:
            return el->cls->process(sim, el, &tick);
        case GS_ACT_RESET:
            return el->cls->reset(sim, el);
        case GS_ACT_CHECK:
            return el->cls->check(sim, el);
        case GS_ACT_COUNT_:
            break;
        }
    }
    char *p = elem_path_str(el);
    gs_error(sim, "'%s' (class %s) has no action '%s'", p, el->cls->name, name);
    free(p);
    return GS_ERR;
}

static enum gs_status
cmd_ce_exec(struct gs_call *call)
{
    struct gs_element *el;
    if (path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    call->sim->model->cwe = el;
    return GS_OK;
}

/* The first index not used by a child NAME of PARENT. */
static int
free_index(const struct gs_element *parent, const char *name)
{
    for (int i = 0;; i++)
        if (!elem_child(parent, name, i))
            return i;
}

/* Resolves a copy/move destination: an existing element receives SRC under
 * its own name; otherwise DEST names the new element. */
static enum gs_status
destination(struct gs_sim *sim, const char *dest, const struct gs_element *src,
            struct gs_element **parent, char **name, int *index)
{
    struct gs_element *d = path_is_pattern(dest) ? NULL : path_lookup(sim, dest);
    if (d) {
        *parent = d;
        *name = xstrdup(src->name);
        *index = src->index;
        return GS_OK;
    }
    return path_split_new(sim, dest, parent, name, index);
}

static enum gs_status
cmd_copy_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *src, *parent, *made;
    char *name;
    int index;
    long repeat = gs_has_opt(call, "-repeat") ? gs_optval_int(call, "-repeat", 0) : 1;
    if (repeat < 1)
        return gs_error(sim, "-repeat expects a count of at least 1, got %ld", repeat);
    if (path_find(sim, gs_arg(call, 0), &src) != GS_OK)
        return GS_ERR;
    if (destination(sim, gs_arg(call, 1), src, &parent, &name, &index) != GS_OK)
        return GS_ERR;
    if (gs_has_opt(call, "-autoindex"))
        index = free_index(parent, name);
    if (index + repeat - 1 > GS_MAX_INDEX) {
        free(name);
        return gs_error(sim, "-repeat %ld takes the index of '%s' past %d", repeat, name,
                        GS_MAX_INDEX);
    }
    /* All or nothing: copies made so far go again if one fails. */
    struct gs_handle *made_h = xcalloc((size_t)repeat, sizeof *made_h);
    enum gs_status st = GS_OK;
    long k;
    for (k = 0; k < repeat && st == GS_OK; k++) {
        st = elem_copy(sim, src, parent, name, index + (int)k, &made);
        if (st == GS_OK)
            made_h[k] = elem_handle(made);
    }
    if (st != GS_OK)
        for (long j = 0; j < k - 1; j++) {
            struct gs_element *e = elem_from_handle(sim->model, made_h[j]);
            if (e)
                elem_delete(sim, e);
        }
    free(made_h);
    free(name);
    return st;
}

static enum gs_status
cmd_countelementlist_exec(struct gs_call *call)
{
    struct gs_elist l = GS_ELIST_INIT;
    if (path_glob(call->sim, gs_arg(call, 0), &l) != GS_OK)
        return GS_ERR;
    gs_result_int(call, (long long)l.n);
    elist_free(&l);
    return GS_OK;
}

static enum gs_status
cmd_create_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *cname = gs_arg(call, 0);
    const struct gs_class *cls = class_find(cname);
    if (!cls)
        return gs_error(sim, "unknown object '%s' (listobjects lists them)", cname);
    bool autoindex = false;
    int nf = 0;
    const char **names = xcalloc((size_t)call->npos, sizeof *names);
    const char **values = xcalloc((size_t)call->npos, sizeof *values);
    enum gs_status st = GS_OK;
    for (int i = 2; i < call->npos && st == GS_OK; i++) {
        const char *w = call->pos[i];
        if (strcmp(w, "-autoindex") == 0) {
            autoindex = true;
        } else if (cls->create_args) {
            /* The class reads these words itself (XODUS widgets: "[x,y,w,h]",
             * -nolabel, ...), once the element exists. */
            names[nf++] = w;
        } else if (w[0] == '-' && w[1] && !(w[1] >= '0' && w[1] <= '9') && w[1] != '.') {
            if (i + 1 >= call->npos) {
                st = gs_error(sim, "field initialiser '%s' has no value", w);
                break;
            }
            names[nf] = w + 1;
            values[nf++] = call->pos[++i];
        } else {
            st = gs_error(sim, "unexpected argument '%s' (expected -autoindex or -field value)",
                          w);
        }
    }
    struct gs_element *parent, *el = NULL;
    char *name = NULL;
    int index = 0;
    if (st == GS_OK)
        st = path_split_new(sim, gs_arg(call, 1), &parent, &name, &index);
    if (st == GS_OK && autoindex)
        index = free_index(parent, name);
    struct gs_element *prev = sim->model->last;
    struct gs_handle prev_h = prev ? elem_handle(prev) : (struct gs_handle){0, 0};
    if (st == GS_OK)
        st = elem_create(sim, cls, parent, name, index, &el);
    if (st == GS_OK && nf > 0
        && (cls->create_args ? cls->create_args(sim, el, nf, names)
                             : field_set_many(sim, el, nf, names, values))
               != GS_OK) {
        /* Nothing half-done: the element goes again, and ^ is what it was. */
        elem_delete(sim, el);
        sim->model->last = prev ? elem_from_handle(sim->model, prev_h) : NULL;
        st = GS_ERR;
    }
    free(name);
    free(names);
    free(values);
    return st;
}

static enum gs_status
cmd_delete_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist l = GS_ELIST_INIT;
    for (int i = 0; i < call->npos; i++) {
        const char *p = call->pos[i];
        if (path_is_pattern(p)) {
            if (path_glob(sim, p, &l) != GS_OK)
                goto fail;
        } else {
            struct gs_element *el;
            if (path_find(sim, p, &el) != GS_OK)
                goto fail;
            elist_add(&l, el);
        }
    }
    for (size_t i = 0; i < l.n; i++)
        if (!l.v[i]->parent) {
            gs_error(sim, "the root element cannot be deleted");
            goto fail;
        }
    /* Delete through handles: an element may go with an earlier one's subtree. */
    struct gs_handle *h = xcalloc(l.n ? l.n : 1, sizeof *h);
    for (size_t i = 0; i < l.n; i++)
        h[i] = elem_handle(l.v[i]);
    for (size_t i = 0; i < l.n; i++) {
        struct gs_element *el = elem_from_handle(sim->model, h[i]);
        if (el)
            elem_delete(sim, el);
    }
    free(h);
    elist_free(&l);
    return GS_OK;
fail:
    elist_free(&l);
    return GS_ERR;
}

/* Applies FN to every element PATTERN matches; an empty match is an error. */
static enum gs_status
each_element(struct gs_call *call, const char *pattern, struct gs_elist *l)
{
    if (path_glob(call->sim, pattern, l) != GS_OK)
        return GS_ERR;
    if (l->n == 0)
        return gs_error(call->sim, "element '%s' does not exist", pattern);
    return GS_OK;
}

static enum gs_status
set_disabled(struct gs_call *call, bool disabled)
{
    struct gs_elist l = GS_ELIST_INIT;
    if (each_element(call, gs_arg(call, 0), &l) != GS_OK) {
        elist_free(&l);
        return GS_ERR;
    }
    model_changed(call->sim->model);
    for (size_t i = 0; i < l.n; i++) {
        if (disabled)
            l.v[i]->flags |= GS_EL_DISABLED;
        else
            l.v[i]->flags &= ~GS_EL_DISABLED;
    }
    elist_free(&l);
    return GS_OK;
}

static enum gs_status
cmd_disable_exec(struct gs_call *call)
{
    return set_disabled(call, true);
}

static enum gs_status
cmd_el_exec(struct gs_call *call)
{
    struct gs_elist l = GS_ELIST_INIT;
    if (path_glob(call->sim, gs_arg(call, 0), &l) != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    gs_result_list_begin(call); /* no match is an empty list, not nothing */
    for (size_t i = 0; i < l.n; i++) {
        sb_reset(&sb);
        elem_path(l.v[i], &sb);
        gs_result_list_add(call, sb_str(&sb));
    }
    sb_free(&sb);
    elist_free(&l);
    return GS_OK;
}

static enum gs_status
cmd_enable_exec(struct gs_call *call)
{
    return set_disabled(call, false);
}

static enum gs_status
cmd_exists_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *el = path_lookup(sim, gs_arg(call, 0));
    int yes = el != NULL;
    if (el && call->npos > 1) {
        struct gs_fref f;
        yes = field_find(sim, el, gs_arg(call, 1), &f) == GS_OK;
        gs_diag_clear(sim);
    }
    gs_result_int(call, yes);
    return GS_OK;
}

static enum gs_status
cmd_getpath_exec(struct gs_call *call)
{
    const char *p = gs_arg(call, 0);
    bool head = gs_has_opt(call, "-head"), tail = gs_has_opt(call, "-tail");
    if (head == tail)
        return gs_error(call->sim, "expected one of -head or -tail");
    const char *slash = strrchr(p, '/');
    if (tail)
        gs_result_str(call, "%s", slash ? slash + 1 : p);
    else
        gs_result_str(call, "%.*s", slash ? (int)(slash - p + 1) : 0, p);
    return GS_OK;
}

static enum gs_status
cmd_isa_exec(struct gs_call *call)
{
    struct gs_element *el;
    const char *obj = gs_arg(call, 0);
    if (!class_find(obj))
        return gs_error(call->sim, "unknown object '%s' (listobjects lists them)", obj);
    if (path_find(call->sim, gs_arg(call, 1), &el) != GS_OK)
        return GS_ERR;
    gs_result_int(call, elem_isa(el, obj));
    return GS_OK;
}

/* One group of le's listing: NAME[start-end] of consecutive indices. */
struct le_group {
    const struct gs_element *first;
    int start, end;
};

static void
le_print(struct gs_sim *sim, const struct le_group *g, bool types, int *col)
{
    struct strbuf sb = STRBUF_INIT;
    if (g->first->flags & GS_EL_DISABLED)
        sb_putc(&sb, '*');
    sb_puts(&sb, g->first->name);
    if (g->start != g->end)
        sb_printf(&sb, "[%d-%d]", g->start, g->end);
    else if (g->start != 0)
        sb_printf(&sb, "[%d]", g->start);
    if (g->first->nchild > 0)
        sb_putc(&sb, '/');
    if (types)
        sb_printf(&sb, " {%s}", g->first->cls->name);
    gs_out(sim, "%-40s", sb_str(&sb));
    if (++*col % 2 == 0)
        gs_out(sim, "\n");
    sb_free(&sb);
}

/* Can child C extend group G (same name checked by the caller)? */
static bool
le_extends(const struct le_group *g, const struct gs_element *c)
{
    const struct gs_element *f = g->first;
    return (f->flags & GS_EL_DISABLED) == (c->flags & GS_EL_DISABLED) && f->cls == c->cls
           && g->end + 1 == c->index && (f->nchild > 0) == (c->nchild > 0);
}

/*
 * Lists EL's children as GENESIS's le does: one group per name, extended
 * while indices run on with the same class, state and childhood; a group
 * that cannot be extended is printed at once and restarted, and the groups
 * left are printed at the end in order of first appearance.
 */
static void
le_list(struct gs_sim *sim, const struct gs_element *el, int depth, bool rec, bool types)
{
    int col = 0, ng = 0;
    struct le_group *g = xcalloc((size_t)el->nchild + 1, sizeof *g);
    for (int i = 0; i < el->nchild; i++) {
        const struct gs_element *c = el->child[i];
        int k;
        for (k = 0; k < ng; k++)
            if (strcmp(g[k].first->name, c->name) == 0)
                break;
        if (k == ng) {
            g[ng++] = (struct le_group){c, c->index, c->index};
        } else if (le_extends(&g[k], c)) {
            g[k].end = c->index;
        } else {
            le_print(sim, &g[k], types, &col);
            g[k] = (struct le_group){c, c->index, c->index};
        }
    }
    if (ng > 0 && depth > 0) {
        char *p = elem_path_str(el);
        gs_out(sim, "\n%s:\n", p);
        free(p);
    }
    for (int k = 0; k < ng; k++)
        le_print(sim, &g[k], types, &col);
    if (col % 2 != 0)
        gs_out(sim, "\n");
    free(g);
    if (rec)
        for (int i = 0; i < el->nchild; i++)
            le_list(sim, el->child[i], depth + 1, rec, types);
}

static enum gs_status
cmd_le_exec(struct gs_call *call)
{
    struct gs_element *el = call->sim->model->cwe;
    if (call->npos > 0 && path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    le_list(call->sim, el, 0, gs_has_opt(call, "-recursive"), gs_has_opt(call, "-types"));
    return GS_OK;
}

static enum gs_status
cmd_listclasses_exec(struct gs_call *call)
{
    /* Collect the distinct class words, in first-seen order. */
    const char *words[256];
    size_t lens[256];
    int n = 0;
    for (int i = 0; i < gs_class_count; i++) {
        const char *p = gs_class_table[i]->classes;
        while (p && *p) {
            while (*p == ' ')
                p++;
            const char *e = p;
            while (*e && *e != ' ')
                e++;
            size_t len = (size_t)(e - p);
            bool seen = len == 0;
            for (int k = 0; k < n && !seen; k++)
                seen = lens[k] == len && strncmp(words[k], p, len) == 0;
            if (!seen && n < 256) {
                words[n] = p;
                lens[n++] = len;
            }
            p = e;
        }
    }
    for (int k = 0; k < n; k++) {
        gs_out(call->sim, "%.*s:", (int)lens[k], words[k]);
        char w[64];
        snprintf(w, sizeof w, "%.*s", (int)lens[k], words[k]);
        for (int i = 0; i < gs_class_count; i++)
            if (class_in(gs_class_table[i], w))
                gs_out(call->sim, " %s", gs_class_table[i]->name);
        gs_out(call->sim, "\n");
    }
    return GS_OK;
}

static enum gs_status
cmd_listobjects_exec(struct gs_call *call)
{
    for (int i = 0; i < gs_class_count; i++)
        gs_out(call->sim, "%-20s %s\n", gs_class_table[i]->name, gs_class_table[i]->desc);
    return GS_OK;
}

static enum gs_status
cmd_move_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_element *src, *parent;
    char *name;
    int index;
    if (path_find(sim, gs_arg(call, 0), &src) != GS_OK)
        return GS_ERR;
    if (destination(sim, gs_arg(call, 1), src, &parent, &name, &index) != GS_OK)
        return GS_ERR;
    enum gs_status st = elem_move(sim, src, parent, name, index);
    free(name);
    return st;
}

static enum gs_status
cmd_pope_exec(struct gs_call *call)
{
    struct gs_model *m = call->sim->model;
    while (m->nestack > 0) {
        struct gs_element *el = elem_from_handle(m, m->estack[--m->nestack]);
        if (!el)
            continue; /* deleted since it was pushed */
        m->cwe = el;
        if (call->sim->opt.silent < 1) {
            char *p = elem_path_str(el);
            gs_out(call->sim, "%s\n", p);
            free(p);
        }
        return GS_OK;
    }
    return gs_error(call->sim, "the element stack is empty");
}

/* Parses a position word: a number, Rnumber (relative) or I (ignore). */
static bool
coord(const char *w, double old, double *out)
{
    double v;
    if (strcmp(w, "I") == 0) {
        *out = old;
        return true;
    }
    if (w[0] == 'R') {
        if (!gs_parse_real(w + 1, &v))
            return false;
        *out = old + v;
        return true;
    }
    if (!gs_parse_real(w, &v))
        return false;
    *out = v;
    return true;
}

static void
shift_tree(struct gs_element *el, double dx, double dy, double dz)
{
    el->x += dx;
    el->y += dy;
    el->z += dz;
    for (int i = 0; i < el->nchild; i++)
        shift_tree(el->child[i], dx, dy, dz);
}

static enum gs_status
cmd_position_exec(struct gs_call *call)
{
    struct gs_element *el;
    double nx, ny, nz;
    if (path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    const double old[3] = {el->x, el->y, el->z};
    double *nv[3] = {&nx, &ny, &nz};
    for (int i = 0; i < 3; i++)
        if (!coord(gs_arg(call, i + 1), old[i], nv[i]))
            return gs_error(call->sim, "%c expects a number, Rnumber or I, got '%s'", "xyz"[i],
                            gs_arg(call, i + 1));
    shift_tree(el, nx - el->x, ny - el->y, nz - el->z);
    /* Set exactly, so repeated relative moves do not drift by rounding. */
    el->x = nx;
    el->y = ny;
    el->z = nz;
    return GS_OK;
}

static enum gs_status
cmd_pushe_exec(struct gs_call *call)
{
    struct gs_model *m = call->sim->model;
    struct gs_element *el = m->cwe;
    if (call->npos > 0 && path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    if (m->nestack >= 100)
        return gs_error(call->sim, "the element stack is full (100 entries)");
    if (m->nestack == m->capestack) {
        m->capestack = m->capestack ? m->capestack * 2 : 8;
        m->estack = xreallocarray(m->estack, (size_t)m->capestack, sizeof *m->estack);
    }
    m->estack[m->nestack++] = elem_handle(m->cwe);
    m->cwe = el;
    if (call->sim->opt.silent < 1) {
        char *p = elem_path_str(el);
        gs_out(call->sim, "%s\n", p);
        free(p);
    }
    return GS_OK;
}

static enum gs_status
cmd_pwe_exec(struct gs_call *call)
{
    char *p = elem_path_str(call->sim->model->cwe);
    gs_out(call->sim, "%s\n", p);
    free(p);
    return GS_OK;
}

static const char *
ftype_name(enum gs_ftype t)
{
    switch (t) {
    case GS_REAL:
        return "double";
    case GS_FLOAT:
        return "float";
    case GS_INT:
        return "int";
    case GS_STR:
        return "string";
    case GS_TABLE:
        return "table";
    }
    return "?";
}

static enum gs_status
cmd_showobject_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const struct gs_class *c = class_find(gs_arg(call, 0));
    if (!c)
        return gs_error(sim, "unknown object '%s' (listobjects lists them)", gs_arg(call, 0));
    gs_out(sim, "\nobject        = %s\n", c->name);
    gs_out(sim, "description   = %s\n", c->desc ? c->desc : "");
    gs_out(sim, "classes       = %s\n", c->classes && c->classes[0] ? c->classes : "(none)");
    if (c->isa)
        gs_out(sim, "is a          = %s\n", c->isa);
    gs_out(sim, "default clock = %d\n", c->clock);
    gs_out(sim, "\nFIELDS\n");
    for (const struct gs_field *f = c->fields; f && f->name; f++)
        gs_out(sim, "  %-16s %-7s %-6s %s%s%s\n", f->name, ftype_name(f->type), f->unit,
               f->desc, f->flags & GS_F_RO ? " (read-only)" : "",
               f->flags & GS_F_SOLVER ? " (solver)" : "");
    gs_out(sim, "\nMESSAGES\n");
    for (const struct gs_msgdef *d = c->msgs; d && d->name; d++) {
        gs_out(sim, "  %-16s", d->name);
        for (int i = 0; i < d->nslots; i++)
            gs_out(sim, " %s", d->slots[i] ? d->slots[i] : "value");
        gs_out(sim, "%s%s\n", d->desc ? "  : " : "", d->desc ? d->desc : "");
    }
    gs_out(sim, "\nACTIONS\n ");
    for (int a = 0; a < GS_ACT_COUNT_; a++)
        if (class_has_action(c, (enum gs_action)a))
            gs_out(sim, " %s", class_action_name((enum gs_action)a));
    for (const struct gs_named_action *na = c->extra; na && na->name; na++)
        gs_out(sim, " %s", na->name);
    gs_out(sim, "\n\n");
    return GS_OK;
}

static enum gs_status
cmd_stack_exec(struct gs_call *call)
{
    struct gs_model *m = call->sim->model;
    for (int i = 0; i < m->nestack; i++) {
        struct gs_element *el = elem_from_handle(m, m->estack[i]);
        if (!el)
            continue;
        char *p = elem_path_str(el);
        gs_out(call->sim, "%s\n", p);
        free(p);
    }
    return GS_OK;
}
