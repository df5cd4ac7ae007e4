/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_dump.c: saving a simulation: save and restore (the state, in
 * GENESIS's binary TYPE2 file: models/io/checkpoint.c), and simdump with
 * the commands of the script it writes (initdump, simobjdump, simundump,
 * enddump), which recreate the elements, their fields and their
 * messages.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/io/checkpoint.h"
#include "../cmd.h"
#include "../interp.h"

/* The fields simundump lines of one object carry (simobjdump). */
struct dump_obj {
    const struct gs_class *cls;
    char **field;
    int nfield;
    char **set;   /* the fields simundump sets: those that exist here and can be set */
    int *at;      /* their positions among the values */
    int nset;
};

struct dump_state {
    struct dump_obj *obj;      /* in the order first named */
    int nobj, capobj;
    int version;               /* initdump -version */
    bool ignoreorphans;        /* initdump -ignoreorphans 1 */
    bool allowmsgdup;          /* initdump -allowmsgdup */
    struct gs_handle *loaded;  /* elements simundump set since initdump */
    size_t nloaded, caploaded;
};

/* GENESIS's element flags as simundump carries them: the clock (0-31) in
 * the low bits, 32 when the element is disabled. */
#define DUMP_FLAG_DISABLED 32
#define DUMP_FLAG_CLOCK 31

static enum gs_status cmd_enddump_exec(struct gs_call *call);
static enum gs_status cmd_initdump_exec(struct gs_call *call);
static enum gs_status cmd_restore_exec(struct gs_call *call);
static enum gs_status cmd_save_exec(struct gs_call *call);
static enum gs_status cmd_simdump_exec(struct gs_call *call);
static enum gs_status cmd_simobjdump_exec(struct gs_call *call);
static enum gs_status cmd_simundump_exec(struct gs_call *call);

static const struct gs_opt initdump_opts[] = {
    {"-version", 1, GS_ARG_INT,
     "n: the version of the dump files to read (simdump writes the latest)"},
    {"-ignoreorphans", 1, GS_ARG_INT,
     "0|1: 1 skips messages to elements that the dump file does not make"},
    {"-allowmsgdup", 0, GS_ARG_STR,
     "let simundump make a message twice (by default the second is deleted)"},
    {NULL, 0, 0, NULL},
};

static const struct gs_opt save_opts[] = {
    {"-append", 0, GS_ARG_STR,
     "add the records to an existing save file instead of emptying it"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_enddump_entry = {
    .name = "enddump",
    .family = "sim",
    .summary = "end of a dump file: drops the messages it duplicated (unless -allowmsgdup)",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_enddump_exec,
};

const struct gs_cmd cmd_initdump_entry = {
    .name = "initdump",
    .family = "sim",
    .summary = "start reading a dump file (simdump writes it first)",
    .usage = "[-version n] [-ignoreorphans 0|1] [-allowmsgdup]",
    .min_pos = 0,
    .max_pos = 0,
    .opts = initdump_opts,
    .exec = cmd_initdump_exec,
};

const struct gs_cmd cmd_restore_entry = {
    .name = "restore",
    .family = "sim",
    .summary = "put the state written by save back into the (reset) simulation and go on from it",
    .usage = "file-name",
    .pos = {{"file-name", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_restore_exec,
};

const struct gs_cmd cmd_save_entry = {
    .name = "save",
    .family = "sim",
    .summary = "write the state of elements (and the time) to a file that restore reads",
    .usage = "path file-name [-append]",
    .pos = {{"path", GS_ARG_STR}, {"file-name", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = save_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_save_exec,
};

static const struct gs_opt simdump_opts[] = {
    {"-path", 1, GS_ARG_STR,
     "path: dump the elements this path matches (may be given again)"},
    {"-tree", 1, GS_ARG_STR,
     "tree: accepted, as in GENESIS, where it is disabled too"},
    {"-messages", 0, GS_ARG_STR,
     "accepted, as in GENESIS, where it is disabled too"},
    {"-all", 0, GS_ARG_STR,
     "dump every element of every object listed by simobjdump"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_simdump_entry = {
    .name = "simdump",
    .family = "sim",
    .summary = "append a script that recreates elements, their fields and messages to a file",
    .usage = "filename [-path path]... [-all] [-tree tree] [-messages]",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = simdump_opts,
    .exec = cmd_simdump_exec,
};

static const struct gs_opt simobjdump_opts[] = {
    {"-coords", 0, GS_ARG_STR,
     "also dump the elements' x, y, z"},
    {"-default", 0, GS_ARG_STR,
     "dump every field the object has"},
    {"-noDUMP", 0, GS_ARG_STR,
     "accepted: gensh's objects have no DUMP action to skip"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_simobjdump_entry = {
    .name = "simobjdump",
    .family = "sim",
    .summary = "choose the fields simdump writes for an object (default: all it can set)",
    .usage = "object [field...] [-coords] [-default] [-noDUMP]",
    .pos = {{"object", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .opts = simobjdump_opts,
    .exec = cmd_simobjdump_exec,
};

const struct gs_cmd cmd_simundump_entry = {
    .name = "simundump",
    .family = "sim",
    .summary = "(dump files) create an element, or find it, and set its flags and fields",
    .usage = "object element flags [value...]",
    .pos = {{"object", GS_ARG_STR}, {"element", GS_ARG_STR}, {"flags", GS_ARG_INT}},
    .min_pos = 3,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_MUTATES | GS_CMD_RAW,
    .exec = cmd_simundump_exec,
};

/* ---- the dump state -------------------------------------------------------- */

void
dump_state_free(struct dump_state *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->nobj; i++) {
        for (int k = 0; k < d->obj[i].nfield; k++)
            free(d->obj[i].field[k]);
        free(d->obj[i].field);
        free(d->obj[i].set);
        free(d->obj[i].at);
    }
    free(d->obj);
    free(d->loaded);
    free(d);
}

static struct dump_state *
dump_state(struct gs_sim *sim)
{
    struct dump_state **d = interp_dump_state(sim);
    if (!*d) {
        *d = xcalloc(1, sizeof **d);
        (*d)->version = 3;
    }
    return *d;
}

static struct dump_obj *
find_obj(struct dump_state *d, const struct gs_class *cls)
{
    for (int i = 0; i < d->nobj; i++)
        if (d->obj[i].cls == cls)
            return &d->obj[i];
    return NULL;
}

/* Can a dump set field F of CLS (x, y and z of any element)? */
static bool
settable(const struct gs_class *cls, const char *f)
{
    if (strcmp(f, "x") == 0 || strcmp(f, "y") == 0 || strcmp(f, "z") == 0)
        return true;
    const struct gs_field *fd = class_field(cls, f);
    return fd && fd->type != GS_TABLE && !(fd->flags & GS_F_RO);
}

/* Sets CLS's field list to the N names of FIELD (copied). */
static void
set_obj(struct dump_state *d, const struct gs_class *cls, int n, const char *const *field)
{
    struct dump_obj *o = find_obj(d, cls);
    if (!o) {
        if (d->nobj == d->capobj) {
            d->capobj = d->capobj ? 2 * d->capobj : 16;
            d->obj = xreallocarray(d->obj, (size_t)d->capobj, sizeof *d->obj);
        }
        o = &d->obj[d->nobj++];
        *o = (struct dump_obj){cls, NULL, 0, NULL, NULL, 0};
    }
    for (int k = 0; k < o->nfield; k++)
        free(o->field[k]);
    free(o->field);
    free(o->set);
    free(o->at);
    o->field = xcalloc((size_t)n + 1, sizeof *o->field);
    o->set = xcalloc((size_t)n + 1, sizeof *o->set);
    o->at = xcalloc((size_t)n + 1, sizeof *o->at);
    o->nset = 0;
    for (int k = 0; k < n; k++) {
        o->field[k] = xstrdup(field[k]);
        if (settable(cls, field[k])) {
            o->set[o->nset] = o->field[k];
            o->at[o->nset++] = k;
        }
    }
    o->nfield = n;
}

/* A field simdump writes by default: one a script can set, holding a
 * number or a string (tables are not written). */
static bool
default_field(const struct gs_field *f)
{
    return !(f->flags & (GS_F_RO | GS_F_HIDDEN)) && f->type != GS_TABLE;
}

/* CLS's default list (with x y z first when COORDS). */
static void
set_default(struct dump_state *d, const struct gs_class *cls, bool coords)
{
    const char **names = xcalloc(64 + 3, sizeof *names);
    int n = 0, cap = 64;
    if (coords) {
        names[n++] = "x";
        names[n++] = "y";
        names[n++] = "z";
    }
    for (const struct gs_field *f = cls->fields; f && f->name; f++) {
        if (!default_field(f))
            continue;
        if (n == cap) {
            cap *= 2;
            names = xreallocarray(names, (size_t)cap + 3, sizeof *names);
        }
        names[n++] = f->name;
    }
    set_obj(d, cls, n, names);
    free(names);
}

/* ---- commands -------------------------------------------------------------- */

static enum gs_status
cmd_enddump_exec(struct gs_call *call)
{
    struct dump_state *d = dump_state(call->sim);
    struct gs_sim *sim = call->sim;
    /* Merged into elements that had messages: the same message twice
     * (source, type and slot words) is one too many. */
    for (size_t i = 0; i < d->nloaded && !d->allowmsgdup; i++) {
        struct gs_element *el = elem_from_handle(sim->model, d->loaded[i]);
        for (int a = 0; el && a < el->nin; a++)
            for (int b = el->nin - 1; b > a; b--) {
                const struct gs_msg *x = el->in[a], *y = el->in[b];
                bool same = x->src == y->src && x->type == y->type && x->nslots == y->nslots;
                for (int k = 0; same && k < x->nslots; k++)
                    same = strcmp(x->slot[k].text, y->slot[k].text) == 0;
                if (same)
                    msg_delete(sim, el->in[b]);
            }
    }
    free(d->loaded);
    d->loaded = NULL;
    d->nloaded = d->caploaded = 0;
    return GS_OK;
}

static enum gs_status
cmd_initdump_exec(struct gs_call *call)
{
    struct dump_state *d = dump_state(call->sim);
    if (gs_has_opt(call, "-version")) {
        long v = gs_optval_int(call, "-version", 0);
        if (v != 3)
            return gs_error(call->sim, "dump version %ld is not supported; gensh reads version "
                                       "3 (every simdump since GENESIS 2.0)", v);
        d->version = (int)v;
    }
    d->ignoreorphans =
        gs_has_opt(call, "-ignoreorphans") && gs_optval_int(call, "-ignoreorphans", 0) != 0;
    d->allowmsgdup = gs_has_opt(call, "-allowmsgdup");
    free(d->loaded);
    d->loaded = NULL;
    d->nloaded = d->caploaded = 0;
    return GS_OK;
}

static enum gs_status
cmd_restore_exec(struct gs_call *call)
{
    long n;
    if (checkpoint_restore(call->sim, gs_arg(call, 0), &n) != GS_OK)
        return GS_ERR;
    gs_result_int(call, n);
    return GS_OK;
}

static enum gs_status
cmd_save_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_elist l = GS_ELIST_INIT;
    if (path_glob(sim, gs_arg(call, 0), &l) != GS_OK)
        return GS_ERR;
    if (l.n == 0) {
        elist_free(&l);
        return gs_error(sim, "no element matches '%s'", gs_arg(call, 0));
    }
    long n;
    enum gs_status st =
        checkpoint_save(sim, &l, gs_arg(call, 1), gs_has_opt(call, "-append"), &n);
    elist_free(&l);
    if (st == GS_OK)
        gs_result_int(call, n);
    return st;
}

static enum gs_status
cmd_simobjdump_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const struct gs_class *cls = class_find(gs_arg(call, 0));
    if (!cls)
        return gs_error(sim, "unknown object '%s' (listobjects lists them)", gs_arg(call, 0));
    struct dump_state *d = dump_state(sim);
    bool coords = gs_has_opt(call, "-coords");
    if (call->npos == 1 || gs_has_opt(call, "-default")) {
        set_default(d, cls, coords);
        return GS_OK;
    }
    const char **names = xcalloc((size_t)call->npos + 3, sizeof *names);
    int n = 0;
    if (coords) {
        names[n++] = "x";
        names[n++] = "y";
        names[n++] = "z";
    }
    /* A field gensh's object does not have, or computes itself (GENESIS's
     * dumps name some), keeps its place; simundump skips its values. */
    for (int i = 1; i < call->npos; i++) {
        const char *f = gs_arg(call, i);
        if (!settable(cls, f)) {
            const struct gs_field *fd = class_field(cls, f);
            gs_warn(sim, "%s has no field '%s' that a dump can set here (%s): simundump skips "
                         "its values", cls->name, f,
                    !fd ? "no such field" : fd->type == GS_TABLE ? "a table" : "read-only");
        }
        names[n++] = f;
    }
    set_obj(d, cls, n, names);
    free(names);
    return GS_OK;
}

static enum gs_status
cmd_simundump_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct dump_state *d = dump_state(sim);
    const char *object = gs_arg(call, 0), *path = gs_arg(call, 1);
    const struct gs_class *cls = class_find(object);
    if (!cls)
        return gs_error(sim, "unknown object '%s' (listobjects lists them)", object);
    struct dump_obj *o = find_obj(d, cls);
    if (!o)
        return gs_error(sim, "object '%s' has no simobjdump line before its simundump lines",
                        object);
    long flags = gs_arg_int(call, 2);
    if (flags < 0 || (flags & ~(long)(DUMP_FLAG_CLOCK | DUMP_FLAG_DISABLED)))
        return gs_error(sim, "flags must be a clock (0-31), plus 32 for a disabled element, "
                             "got %ld", flags);
    if (call->npos - 3 != o->nfield)
        return gs_error(sim, "'%s': %d value%s for the %d fields simobjdump named for %s",
                        path, call->npos - 3, call->npos == 4 ? "" : "s", o->nfield, object);
    struct gs_element *el = path_lookup(sim, path);
    bool made = false;
    if (el && el->cls != cls)
        return gs_error(sim, "element '%s' exists but is a %s, not a %s", path, el->cls->name,
                        object);
    if (!el) {
        struct gs_element *parent;
        char *name;
        int index;
        if (path_split_new(sim, path, &parent, &name, &index) != GS_OK) {
            if (d->ignoreorphans) {
                gs_diag_clear(sim);
                return GS_OK;
            }
            return GS_ERR;
        }
        enum gs_status st = elem_create(sim, cls, parent, name, index, &el);
        free(name);
        if (st != GS_OK)
            return GS_ERR;
        made = true;
    }
    const char **vals = xcalloc((size_t)o->nset + 1, sizeof *vals);
    for (int k = 0; k < o->nset; k++)
        vals[k] = call->pos[3 + o->at[k]];
    enum gs_status st = o->nset == 0 ? GS_OK
                                     : field_set_many(sim, el, o->nset,
                                                      (const char *const *)o->set, vals);
    free(vals);
    if (st != GS_OK) {
        if (made)
            elem_delete(sim, el);
        return GS_ERR;
    }
    if (clock_use(sim, el, (int)(flags & DUMP_FLAG_CLOCK)) != GS_OK)
        return GS_ERR;
    sim->model->sched_dirty = true;
    if (((el->flags & GS_EL_DISABLED) != 0) != ((flags & DUMP_FLAG_DISABLED) != 0)) {
        model_changed(sim->model);
        if (flags & DUMP_FLAG_DISABLED)
            el->flags |= GS_EL_DISABLED;
        else
            el->flags &= ~GS_EL_DISABLED;
    }
    if (d->nloaded == d->caploaded) {
        d->caploaded = d->caploaded ? 2 * d->caploaded : 64;
        d->loaded = xreallocarray(d->loaded, d->caploaded, sizeof *d->loaded);
    }
    d->loaded[d->nloaded++] = elem_handle(el);
    return GS_OK;
}

/* ---- simdump ----------------------------------------------------------------- */

static int
cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
    return (x > y) - (x < y);
}

/* Writes the words of one command line, wrapped as GENESIS wraps them. */
struct line {
    FILE *fp;
    int col;
};

static void
line_word(struct line *l, const char *w)
{
    int len = (int)strlen(w);
    if (l->col > 0 && l->col + 1 + len > 76) {
        fputs(" \\\n  ", l->fp);
        l->col = 2;
    } else if (l->col > 0) {
        fputc(' ', l->fp);
        l->col++;
    }
    fputs(w, l->fp);
    l->col += len;
}

static void
line_end(struct line *l)
{
    fputc('\n', l->fp);
    l->col = 0;
}

/* A word as SLI reads it back: quoted when empty or holding blanks. */
static void
line_text(struct line *l, const char *s)
{
    if (*s && !strpbrk(s, " \t\"")) {
        line_word(l, s);
        return;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_putc(&sb, '\\');
        sb_putc(&sb, *p);
    }
    sb_putc(&sb, '"');
    line_word(l, sb_str(&sb));
    sb_free(&sb);
}

/* The value of field NAME of EL, exactly (doubles to 17 digits). */
static void
field_word(struct gs_sim *sim, struct gs_element *el, const char *name, struct line *l)
{
    struct gs_fref f;
    char num[40];
    if (field_find(sim, el, name, &f) != GS_OK) {
        gs_diag_clear(sim);
        line_word(l, "0");
        return;
    }
    if (f.type == GS_STR || f.ufield) {
        struct strbuf sb = STRBUF_INIT;
        field_format(sim, &f, &sb);
        line_text(l, sb_str(&sb));
        sb_free(&sb);
        return;
    }
    double v = field_real(sim, &f);
    if (f.type == GS_INT)
        snprintf(num, sizeof num, "%d", (int)v);
    else
        snprintf(num, sizeof num, f.type == GS_FLOAT ? "%.9g" : "%.17g", v);
    line_word(l, num);
}

static void
add_tree(struct gs_element *el, struct gs_elist *all)
{
    elist_add(all, el);
    for (int i = 0; i < el->nchild; i++)
        add_tree(el->child[i], all);
}

static enum gs_status
cmd_simdump_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct gs_model *m = sim->model;
    struct dump_state *d = dump_state(sim);
    const char *file = gs_arg(call, 0);
    if (gs_has_opt(call, "-tree") || gs_has_opt(call, "-messages"))
        gs_warn(sim, "-tree and -messages are disabled options, as in GENESIS: ignored");
    /* The elements: every -path, or all of them; in tree order. */
    struct gs_elist sel = GS_ELIST_INIT, all = GS_ELIST_INIT;
    bool every = gs_has_opt(call, "-all");
    for (int i = 0; i < call->noptv && !every; i++) {
        if (strcmp(call->cmd->opts[call->optv[i].opt].name, "-path") != 0)
            continue;
        if (path_glob(sim, call->words[call->optv[i].first], &sel) != GS_OK) {
            elist_free(&sel);
            return GS_ERR;
        }
    }
    if (!every && sel.n == 0) {
        elist_free(&sel);
        return gs_error(sim, "nothing to dump: give -path PATH (matching some element) or -all");
    }
    for (int i = 0; i < m->root->nchild; i++)
        add_tree(m->root->child[i], &all);
    const void **mark = xcalloc(sel.n + 1, sizeof *mark);
    for (size_t i = 0; i < sel.n; i++)
        mark[i] = sel.v[i];
    qsort(mark, sel.n, sizeof *mark, cmp_ptr);
    struct gs_elist els = GS_ELIST_INIT;
    for (size_t i = 0; i < all.n; i++) {
        const void *key = all.v[i];
        if (every || bsearch(&key, mark, sel.n, sizeof *mark, cmp_ptr))
            elist_add(&els, all.v[i]);
    }
    free(mark);
    elist_free(&sel);
    elist_free(&all);
    FILE *fp = fopen(file, "a");
    if (!fp) {
        elist_free(&els);
        return gs_error(sim, "cannot open '%s' for appending: %s", file, strerror(errno));
    }
    model_sync(m);
    /* Objects not given to simobjdump get all the fields a script can set. */
    for (size_t i = 0; i < els.n; i++)
        if (!find_obj(d, els.v[i]->cls))
            set_default(d, els.v[i]->cls, false);
    struct line l = {fp, 0};
    fprintf(fp, "//genesis\n\ninitdump -version 3\n");
    for (int i = 0; i < d->nobj; i++) {
        line_word(&l, "simobjdump");
        line_word(&l, d->obj[i].cls->name);
        for (int k = 0; k < d->obj[i].nfield; k++)
            line_word(&l, d->obj[i].field[k]);
        line_end(&l);
    }
    for (size_t i = 0; i < els.n; i++) {
        struct gs_element *el = els.v[i];
        const struct dump_obj *o = find_obj(d, el->cls);
        char *p = elem_path_str(el);
        char flags[16];
        int clock = el->clock & DUMP_FLAG_CLOCK;
        snprintf(flags, sizeof flags, "%d",
                 clock | ((el->flags & GS_EL_DISABLED) ? DUMP_FLAG_DISABLED : 0));
        line_word(&l, "simundump");
        line_word(&l, el->cls->name);
        line_word(&l, p);
        line_word(&l, flags);
        for (int k = 0; k < o->nfield; k++)
            field_word(sim, el, o->field[k], &l);
        line_end(&l);
        if (el->clock != clock) /* beyond what the flags carry */
            fprintf(fp, "useclock %s %d\n", p, el->clock);
        free(p);
    }
    /* Messages between dumped elements, by destination. */
    const void **in = xcalloc(els.n + 1, sizeof *in);
    for (size_t i = 0; i < els.n; i++)
        in[i] = els.v[i];
    qsort(in, els.n, sizeof *in, cmp_ptr);
    for (size_t i = 0; i < els.n; i++) {
        struct gs_element *el = els.v[i];
        for (int k = 0; k < el->nin; k++) {
            const struct gs_msg *msg = el->in[k];
            const void *key = msg->src;
            if (!bsearch(&key, in, els.n, sizeof *in, cmp_ptr))
                continue;
            char *s = elem_path_str(msg->src), *t = elem_path_str(el);
            line_word(&l, "addmsg");
            line_word(&l, s);
            line_word(&l, t);
            line_word(&l, el->cls->msgs[msg->type].name);
            for (int j = 0; j < msg->nslots; j++)
                line_text(&l, msg->slot[j].text);
            line_end(&l);
            free(s);
            free(t);
        }
    }
    free(in);
    fprintf(fp, "enddump\n// End of dump\n\n");
    elist_free(&els);
    int bad = ferror(fp);
    if (fclose(fp) != 0 || bad)
        return gs_error(sim, "cannot write '%s': %s", file, strerror(errno ? errno : EIO));
    return GS_OK;
}
