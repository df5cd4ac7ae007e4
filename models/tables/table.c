/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * table.c: the table class: one interpolation table (the `table` field,
 * made by TABCREATE) used, by step_mode, as a lookup with SUM/PRD inputs
 * (0), a looping or one-shot function generator (1, 2), a recording
 * buffer (3), a spike-time recorder (4), a store for many INPUT messages
 * with TAB2FIELDS to write back (5), or a delay line (6). Actions:
 * TABCREATE, TABFILL, TAB2FIELDS, TABOP.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

enum { TAB_IO, TAB_LOOP, TAB_ONCE, TAB_BUF, TAB_SPIKE, TAB_FIELDS, TAB_DELAY };
enum { MSG_INPUT, MSG_SUM, MSG_PRD, MSG_INPUT2 };

struct table {
    struct gs_element el;
    double input;           /* lookup input (or position, by mode) */
    double output;          /* result (or sample count, by mode) */
    struct interpol *table; /* the table; NULL until TABCREATE */
    int alloced;            /* TABCREATE has run */
    int step_mode;          /* TAB_IO .. TAB_DELAY */
    float stepsize;         /* step through the table (modes 1, 2); threshold (mode 4) */
};

static const struct gs_field table_fields[] = {
    GS_FIELD(struct table, input, GS_REAL, "", "lookup input, or position in the table"),
    GS_FIELD(struct table, output, GS_REAL, "", "result, or number of samples stored"),
    GS_FIELD(struct table, table, GS_TABLE, "", "the table (TABCREATE makes it)"),
    GS_FIELD_RO(struct table, alloced, GS_INT, "", "1 once TABCREATE has run"),
    GS_FIELD(struct table, step_mode, GS_INT, "", "0 lookup, 1 loop, 2 once, 3 buffer, 4 spike times, 5 fields, 6 delay line"),
    GS_FIELD(struct table, stepsize, GS_FLOAT, "", "step per tick in modes 1 and 2 (0: use time); threshold in mode 4"),
    GS_FIELD_END,
};

static const struct gs_msgdef table_msgs[] = {
    [MSG_INPUT] = {"INPUT", 1, {"input"}, "input for lookup, or a value to store"},
    [MSG_SUM] = {"SUM", 1, {"value"}, "added to the output (mode 0)"},
    [MSG_PRD] = {"PRD", 1, {"value"}, "multiplies the output (mode 0)"},
    [MSG_INPUT2] = {"INPUT2", 2, {"value", "index"}, "a value and the entry to store it in (mode 5)"},
    GS_MSGDEF_END,
};

static int
iround(double x)
{
    return (int)(x + 0.5);
}

static enum gs_status
table_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    GS_INST(struct table, el)->output = 0;
    return GS_OK;
}

static enum gs_status
table_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    struct table *t = GS_INST(struct table, el);
    struct interpol *ip = t->alloced ? t->table : NULL;
    switch (t->step_mode) {
    case TAB_IO: {
        double sy = 0, py = 1;
        for (int i = 0; i < el->nin; i++) {
            const struct gs_msg *m = el->in[i];
            if (m->type == MSG_INPUT)
                t->input = msg_val(m, 0);
            else if (m->type == MSG_SUM)
                sy += msg_val(m, 0);
            else if (m->type == MSG_PRD)
                py *= msg_val(m, 0);
        }
        t->output = ip ? interpol_lookup(ip, t->input) * py + sy : py + sy;
        break;
    }
    case TAB_LOOP:
        if (!ip) {
            t->output = t->input = tick->t;
        } else if (t->stepsize == 0) {
            double len = ip->xmax - ip->xmin;
            double x = t->input + tick->t;
            x -= len * (int)(x / len);
            t->output = interpol_lookup(ip, x);
        } else {
            double x = t->input + t->stepsize;
            if (x > ip->xmax)
                x = ip->xmin;
            t->output = interpol_lookup(ip, x);
            t->input = x;
        }
        break;
    case TAB_ONCE:
        if (!ip) {
            t->output = t->input = tick->t;
        } else if (t->stepsize == 0) {
            t->output = interpol_lookup(ip, t->input + tick->t);
        } else {
            t->input += t->stepsize;
            t->output = interpol_lookup(ip, t->input);
        }
        break;
    case TAB_BUF:
        for (int i = 0; i < el->nin; i++) {
            const struct gs_msg *m = el->in[i];
            if (m->type != MSG_INPUT)
                continue;
            t->input = msg_val(m, 0);
            if (ip && t->output < ip->xdivs && iround(t->output) >= 0) {
                ip->table[iround(t->output)] = t->input;
                t->output += 1;
                ip->xmax = t->output;
            }
        }
        break;
    case TAB_SPIKE:
        for (int i = 0; ip && i < el->nin; i++) {
            const struct gs_msg *m = el->in[i];
            if (m->type != MSG_INPUT)
                continue;
            double v = msg_val(m, 0);
            /* A new spike: above threshold now, below it last step. */
            if (v > t->stepsize && t->output < ip->xdivs && t->output >= 0
                && t->input < t->stepsize) {
                ip->table[iround(t->output)] = tick->t;
                t->output += 1;
                ip->xmax = t->output;
            }
            t->input = v;
        }
        break;
    case TAB_FIELDS: {
        int k = 0;
        for (int i = 0; ip && i < el->nin; i++) {
            const struct gs_msg *m = el->in[i];
            if (m->type == MSG_INPUT) {
                if (k >= 0 && k < ip->xdivs)
                    ip->table[k++] = msg_val(m, 0);
            } else if (m->type == MSG_INPUT2) {
                k = (int)msg_val(m, 1);
                if (k >= 0 && k < ip->xdivs)
                    ip->table[k] = msg_val(m, 0);
            }
        }
        break;
    }
    case TAB_DELAY:
        for (int i = 0; ip && i < el->nin; i++) {
            const struct gs_msg *m = el->in[i];
            if (m->type != MSG_INPUT)
                continue;
            int k = iround(t->input);
            if (k >= 0 && k < ip->xdivs) {
                t->output = ip->table[k];
                ip->table[k++] = msg_val(m, 0);
                t->input = k >= ip->xdivs ? 0 : k;
            }
        }
        break;
    default:
        break;
    }
    return GS_OK;
}

static enum gs_status
table_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                   const struct gs_element *old)
{
    (void)old;
    const struct table *t = GS_INST(const struct table, new_);
    if (t->step_mode < TAB_IO || t->step_mode > TAB_DELAY)
        return gs_error(sim, "step_mode must be 0 to 6, got %d", t->step_mode);
    return GS_OK;
}

/* Parses the N numeric arguments of an action into V; names the action in errors. */
static enum gs_status
num_args(struct gs_sim *sim, const char *action, const char *usage, int argc,
         const char *const *argv, int n, double *v)
{
    if (argc < n)
        return gs_error(sim, "%s expects %s, got %d argument%s", action, usage, argc,
                        argc == 1 ? "" : "s");
    for (int i = 0; i < n; i++) {
        char *end;
        v[i] = strtod(argv[i], &end);
        if (end == argv[i] || *end)
            return gs_error(sim, "%s expects %s; '%s' is not a number", action, usage, argv[i]);
    }
    return GS_OK;
}

static enum gs_status
table_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct table *t = GS_INST(struct table, el);
    double v[3];
    if (num_args(sim, "TABCREATE", "xdivs xmin xmax", argc, argv, 3, v) != GS_OK)
        return GS_ERR;
    if (v[0] != floor(v[0]) || v[0] < 1 || v[0] > 1e9)
        return gs_error(sim, "TABCREATE: xdivs must be a whole number >= 1, got '%s'", argv[0]);
    struct interpol *ip = interpol_new();
    if (interpol_alloc(sim, ip, (int)v[0], v[1], v[2]) != GS_OK) {
        interpol_free(ip);
        return GS_ERR;
    }
    interpol_free(t->table);
    t->table = ip;
    t->alloced = 1;
    model_changed(el->model);
    return GS_OK;
}

static enum gs_status
table_tabfill(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct table *t = GS_INST(struct table, el);
    double v[2];
    if (num_args(sim, "TABFILL", "xdivs fill_mode", argc, argv, 2, v) != GS_OK)
        return GS_ERR;
    return interpol_fill(sim, t->alloced ? t->table : NULL, (int)v[0], (int)v[1]);
}

/* Writes V into the source field behind slot 0 of M. */
static void
write_back(struct gs_msg *m, double v)
{
    struct gs_slot *s = &m->slot[0];
    void *p = (void *)(uintptr_t)s->ptr; /* the source field itself */
    switch (s->kind) {
    case GS_SLOT_REAL:
        *(double *)p = v;
        break;
    case GS_SLOT_FLOAT:
        *(float *)p = (float)v;
        break;
    case GS_SLOT_INT:
        *(int *)p = (int)v;
        break;
    case GS_SLOT_CONST:
    case GS_SLOT_STR:
        break;
    }
}

static enum gs_status
table_tab2fields(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc;
    (void)argv;
    struct table *t = GS_INST(struct table, el);
    if (!t->alloced || t->step_mode != TAB_FIELDS)
        return gs_error(sim, "TAB2FIELDS needs an allocated table in step_mode 5");
    model_sync(el->model);
    int k = 0;
    for (int i = 0; i < el->nin; i++) {
        struct gs_msg *m = el->in[i];
        if (m->type != MSG_INPUT && m->type != MSG_INPUT2)
            continue;
        if (m->type == MSG_INPUT2)
            k = (int)msg_val(m, 1);
        if (k >= 0 && k < t->table->xdivs)
            write_back(m, t->table->table[k]);
        k++;
    }
    /* Source fields changed behind the solver's back: recompile before the next step. */
    model_changed(el->model);
    return GS_OK;
}

static enum gs_status
table_tabop(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct table *t = GS_INST(struct table, el);
    if (!t->alloced)
        return gs_error(sim, "TABOP needs an allocated table (TABCREATE first)");
    if (argc < 1 || !argv[0][0] || argv[0][1] || !strchr("amMrsS", argv[0][0]))
        return gs_error(sim, "TABOP expects an operation a, m, M, r, s or S [min max]");
    const struct interpol *ip = t->table;
    int lo = 0, hi = ip->xdivs;
    double fstart = ip->xmin, fstop = ip->xmax;
    if (argc >= 3) {
        double v[2];
        if (num_args(sim, "TABOP", "op min max", argc - 1, argv + 1, 2, v) != GS_OK)
            return GS_ERR;
        double invdx = ip->xdivs / (ip->xmax - ip->xmin);
        fstart = v[0];
        fstop = v[1];
        lo = (int)((fstart - ip->xmin) * invdx);
        hi = (int)((fstop - ip->xmin) * invdx);
        lo = lo < 0 ? 0 : lo > ip->xdivs ? ip->xdivs : lo;
        hi = hi < 0 ? 0 : hi > ip->xdivs ? ip->xdivs : hi;
        if (lo >= hi) {
            t->output = ip->table[lo];
            t->input = -1;
            return GS_OK;
        }
    }
    const double *v = ip->table;
    double r = v[lo], r2 = v[lo];
    switch (argv[0][0]) {
    case 'a':
        r = 0;
        for (int i = lo; i < hi; i++)
            r += v[i];
        r /= hi - lo;
        break;
    case 'm':
        for (int i = lo + 1; i < hi; i++)
            r = v[i] < r ? v[i] : r;
        break;
    case 'M':
        for (int i = lo + 1; i < hi; i++)
            r = v[i] > r ? v[i] : r;
        break;
    case 'r':
        for (int i = lo + 1; i < hi; i++) {
            r = v[i] > r ? v[i] : r;
            r2 = v[i] < r2 ? v[i] : r2;
        }
        r = r - r2;
        break;
    case 's':
        r = (v[hi] - v[lo]) / (fstop - fstart);
        break;
    case 'S':
        r = 0;
        for (int i = lo + 1; i < hi; i++)
            r += v[i] * v[i];
        r = sqrt(r);
        break;
    }
    t->output = r;
    return GS_OK;
}

static const struct gs_named_action table_extra[] = {
    {"TABCREATE", "xdivs xmin xmax", table_tabcreate},
    {"TABFILL", "xdivs fill_mode", table_tabfill},
    {"TAB2FIELDS", "", table_tab2fields},
    {"TABOP", "op [min max]", table_tabop},
    GS_ACTION_END,
};

const struct gs_class table_class = {
    .name = "table",
    .classes = "segment",
    .desc = "interpolation table: lookup, function generator, buffer, spike recorder, delay line",
    .size = sizeof(struct table),
    .fields = table_fields,
    .msgs = table_msgs,
    .extra = table_extra,
    .reset = table_reset,
    .process = table_process,
    .check_fields = table_check_fields,
};
