/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * paramtableBF.c: GENESIS's brute-force parameter search. INITSEARCH
 * names the swept parameters with (index, points, fraction of range)
 * triplets; each UPDATE_PARAMS moves to the next point of the grid,
 * the first swept parameter fastest, until every point has been visited
 * (done = 1). EVALUATE records a match and keeps the best point.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

struct paramtableBF {
    PTAB_HEAD;
    double *orig;          /* the centre of each parameter's range */
    int *search_divisions; /* points tested along each swept parameter */
    double *search_rangemod; /* fraction of the full range swept */
    int *search_count;     /* where the sweep is, per parameter */
    double *search_range;  /* half-width (or factor) actually swept */
};

#define T struct paramtableBF
static const struct gs_field bf_fields[] = {
    GS_FIELD_RO(T, iteration_number, GS_INT, "", "number of simulations so far"),
    GS_FIELD_RO(T, num_params, GS_INT, "", "number of parameters in the table"),
    GS_FIELD_RO(T, num_params_to_search, GS_INT, "", "number of parameters to search over"),
    GS_FIELD_RO(T, current_match, GS_REAL, "", "match of the most recent simulation"),
    GS_FIELD_RO(T, best_match, GS_REAL, "", "best match so far"),
    GS_FIELD_RO(T, new_best_match, GS_INT, "", "1 if the last match was the best so far"),
    GS_FIELD_RO(T, done, GS_INT, "", "1 when the search has finished"),
    GS_FIELD(T, filename, GS_STR, "", "file of SAVE and RESTORE"),
    GS_FIELD_RO(T, alloced, GS_INT, "", "1 when the tables are allocated"),
    GS_FIELD_END,
};

static const struct gs_field bf_arrays[] = {
    GS_FIELD(T, search, GS_INT, "", "1: search this parameter"),
    GS_FIELD(T, type, GS_INT, "", "0: additive, 1: multiplicative"),
    GS_FIELD(T, range, GS_REAL, "", "range of the parameter"),
    GS_FIELD(T, min, GS_REAL, "", "lowest value of the parameter"),
    GS_FIELD(T, max, GS_REAL, "", "highest value of the parameter"),
    GS_FIELD(T, label, GS_STR, "", "name of the parameter"),
    GS_FIELD_RO(T, current, GS_REAL, "", "parameter values to simulate next"),
    GS_FIELD_RO(T, best, GS_REAL, "", "best parameter values so far"),
    GS_FIELD(T, orig, GS_REAL, "", "original (centre) values"),
    GS_FIELD(T, search_divisions, GS_INT, "", "points per swept parameter"),
    GS_FIELD(T, search_rangemod, GS_REAL, "", "fraction of the full range to sweep"),
    GS_FIELD_RO(T, search_count, GS_INT, "", "where the sweep is"),
    GS_FIELD_F(T, search_range, GS_REAL, GS_F_HIDDEN, "", "range actually swept"),
    GS_FIELD_END,
};
static const enum ptab_len bf_lens[] = {
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
};
#undef T

#define BF(el) ((struct paramtableBF *)(void *)(el))

static void
bf_init_param(struct ptab *p, int i, double c)
{
    BF(p)->orig[i] = c;
}

/* GENESIS's SAVE layout. */
#define T struct paramtableBF
static const struct ptab_io bf_file_head[] = {
    {PTAB_IO_INT, offsetof(T, iteration_number), 0},
    {PTAB_IO_INT, offsetof(T, num_params), 0},
    {PTAB_IO_INT, offsetof(T, num_params_to_search), 0},
    {PTAB_IO_END, 0, 0},
};
static const struct ptab_io bf_file_body[] = {
    {PTAB_IO_SHORTS, offsetof(T, search), PTAB_LEN_NPARAMS},
    {PTAB_IO_SHORTS, offsetof(T, type), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, range), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, min), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, max), PTAB_LEN_NPARAMS},
    {PTAB_IO_LABELS, offsetof(T, label), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, current), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, current_match), 0},
    {PTAB_IO_DOUBLES, offsetof(T, best), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, best_match), 0},
    {PTAB_IO_DOUBLES, offsetof(T, orig), PTAB_LEN_NPARAMS},
    {PTAB_IO_INTS, offsetof(T, search_divisions), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, search_rangemod), PTAB_LEN_NPARAMS},
    {PTAB_IO_INTS, offsetof(T, search_count), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, search_range), PTAB_LEN_NPARAMS},
    {PTAB_IO_END, 0, 0},
};
#undef T

const struct ptab_class paramtableBF_ptab = {
    .arrays = bf_arrays,
    .lens = bf_lens,
    .has_ntosearch = true,
    .init_param = bf_init_param,
    .file_head = bf_file_head,
    .file_body = bf_file_body,
    .file_alloc = ptab_file_alloc,
};

static enum gs_status
bf_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    BF(el)->iteration_number = 0;
    return ptab_tabcreate_args(sim, el, argc, argv);
}

static enum gs_status
bf_tabdelete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    ptab_free(el);
    return GS_OK;
}

static enum gs_status
bf_initsearch(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableBF *b = BF(el);
    if (ptab_need_tables(sim, el, "INITSEARCH") != GS_OK)
        return GS_ERR;
    if (argc == 0 || argc % 3 != 0)
        return gs_error(sim, "paramtableBF: INITSEARCH expects (param npts scale) triplets, got "
                             "%d arguments",
                        argc);
    if (argc / 3 > b->num_params)
        return gs_error(sim, "paramtableBF: INITSEARCH: %d triplets for %d parameters", argc / 3,
                        b->num_params);
    int n = argc / 3;
    int *param = xcalloc((size_t)n, sizeof *param), *npts = xcalloc((size_t)n, sizeof *npts);
    double *scale = xcalloc((size_t)n, sizeof *scale);
    enum gs_status st = GS_OK;
    for (int t = 0; t < n && st == GS_OK; t++) {
        if (ptab_int(sim, el, "INITSEARCH", "a parameter index", argv[3 * t], &param[t]) != GS_OK
            || ptab_int(sim, el, "INITSEARCH", "a number of points", argv[3 * t + 1], &npts[t])
                   != GS_OK
            || ptab_real(sim, el, "INITSEARCH", "a scale", argv[3 * t + 2], &scale[t]) != GS_OK)
            st = GS_ERR;
        else if (param[t] < 0 || param[t] >= b->num_params)
            st = gs_error(sim, "paramtableBF: INITSEARCH: parameter index %d is out of range "
                               "(the table has %d parameters)",
                          param[t], b->num_params);
    }
    if (st == GS_OK) {
        b->iteration_number++;
        for (int i = 0; i < b->num_params; i++)
            b->search[i] = 0;
        for (int t = 0; t < n; t++) {
            b->search[param[t]] = 1;
            b->search_divisions[param[t]] = npts[t];
            b->search_rangemod[param[t]] = scale[t];
        }
        for (int i = 0; i < b->num_params; i++) {
            b->search_range[i] = b->type[i] == 0 ? b->range[i] * b->search_rangemod[i]
                                                 : pow(b->range[i], b->search_rangemod[i]);
            b->current[i] = b->best[i] = b->orig[i];
            if (b->search[i]) {
                if (b->type[i] == 0)
                    b->current[i] -= b->search_range[i];
                else
                    b->current[i] /= b->search_range[i];
            }
            b->search_count[i] = 0;
        }
        b->iteration_number = 0;
        b->done = 0;
        b->best_match = PTAB_HUGE;
    }
    free(param);
    free(npts);
    free(scale);
    return st;
}

static enum gs_status
bf_update_params(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableBF *b = BF(el);
    if (ptab_need_tables(sim, el, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    b->iteration_number++;
    bool moved = false;
    for (int i = 0; i < b->num_params && !moved; i++) {
        if (!b->search[i])
            continue;
        double r = b->search_range[i];
        if (++b->search_count[i] < b->search_divisions[i]) {
            double div = (double)(b->search_divisions[i] - 1);
            if (b->type[i] == 0)
                b->current[i] = (b->orig[i] - r) + b->search_count[i] * (2.0 * r / div);
            else
                b->current[i] =
                    exp(log(b->orig[i]) - log(r) + b->search_count[i] * (2.0 * log(r) / div));
            moved = true;
        } else {
            b->search_count[i] = 0;
            b->current[i] = b->type[i] == 0 ? b->orig[i] - r : b->orig[i] / r;
        }
    }
    if (!moved)
        b->done = 1;
    return GS_OK;
}

static enum gs_status
bf_evaluate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableBF *b = BF(el);
    double match;
    if (argc != 1)
        return gs_error(sim, "paramtableBF: EVALUATE expects one argument, the match; got %d",
                        argc);
    if (ptab_need_tables(sim, el, "EVALUATE") != GS_OK
        || ptab_real(sim, el, "EVALUATE", "the match", argv[0], &match) != GS_OK)
        return GS_ERR;
    b->current_match = match;
    if (match < b->best_match) {
        if (sim->opt.silent < 2)
            gs_out(sim, "Accepting new best match...\n");
        memcpy(b->best, b->current, (size_t)b->num_params * sizeof *b->best);
        b->best_match = match;
        b->new_best_match = 1;
    } else {
        b->new_best_match = 0;
    }
    return GS_OK;
}

static enum gs_status
bf_display(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    if (ptab_need_tables(sim, el, "DISPLAY") != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    ptab_plain_table((struct ptab *)(void *)el, &sb, true);
    gs_out(sim, "%s", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

/* SAVEBEST's table: DISPLAY's without the current values. */
static enum gs_status
bf_best_table(struct gs_sim *sim, struct gs_element *el, struct strbuf *sb)
{
    (void)sim;
    ptab_plain_table((struct ptab *)(void *)el, sb, false);
    return GS_OK;
}

static enum gs_status
bf_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return ptab_savebest(sim, el, argc, argv, bf_best_table);
}

/* RESTOREBEST: the table made anew with the file's types, ranges and best
 * values, which become the current ones. (GENESIS 2.4 reads an unset file
 * name here; this is what its code means to do.) */
static enum gs_status
bf_restorebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct ptab_best f;
    if (ptab_read_best(sim, el, argc, argv, false, &f) != GS_OK)
        return GS_ERR;
    enum gs_status st = ptab_alloc(sim, el, f.n);
    struct paramtableBF *b = BF(el);
    for (int i = 0; st == GS_OK && i < f.n; i++) {
        b->type[i] = f.type[i];
        b->range[i] = f.range[i];
        b->best[i] = b->current[i] = f.best[i];
        ptab_set_label((struct ptab *)b, i, f.label[i]);
    }
    if (st == GS_OK) {
        b->iteration_number = f.iteration;
        b->best_match = f.best_match;
    }
    ptab_best_free(&f);
    return st;
}

static enum gs_status
bf_check(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableBF *b = BF(el);
    if (!b->alloced)
        return GS_OK;
    for (int i = 0; i < b->num_params; i++) {
        if (b->type[i] != 0 && b->type[i] != 1)
            return gs_error(sim, "paramtableBF: type[%d] must be 0 or 1, got %d", i, b->type[i]);
        if (b->search[i] && b->search_divisions[i] <= 0)
            return gs_error(sim, "paramtableBF: search_divisions[%d] must be > 0", i);
        if (b->search[i] && (b->search_rangemod[i] <= 0.0 || b->search_rangemod[i] > 1.0))
            return gs_error(sim, "paramtableBF: search_rangemod[%d] must be in (0, 1]", i);
        if (b->type[i] == 0 && b->range[i] < 0.0)
            return gs_error(sim, "paramtableBF: range[%d] of an additive parameter must be >= 0",
                            i);
        if (b->type[i] == 1 && b->range[i] < 1.0)
            return gs_error(sim,
                            "paramtableBF: range[%d] of a multiplicative parameter must be >= 1",
                            i);
    }
    return GS_OK;
}

static const struct gs_named_action bf_actions[] = {
    {"TABCREATE", "num_params", bf_tabcreate},
    {"TABDELETE", "", bf_tabdelete},
    {"INITSEARCH", "param npts scale ...", bf_initsearch},
    {"EVALUATE", "match", bf_evaluate},
    {"UPDATE_PARAMS", "", bf_update_params},
    {"SAVE", "[filename]", ptab_save},
    {"SAVEBEST", "filename", bf_savebest},
    {"RESTORE", "[filename]", ptab_restore},
    {"RESTOREBEST", "filename", bf_restorebest},
    {"DISPLAY", "", bf_display},
    GS_ACTION_END,
};

const struct gs_class paramtableBF_class = {
    .name = "paramtableBF",
    .classes = "param",
    .desc = "parameter search by brute force: every point of a grid over the parameters",
    .size = sizeof(struct paramtableBF),
    .fields = bf_fields,
    .extra = bf_actions,
    .copy = ptab_copy,
    .destroy = ptab_free,
    .check = bf_check,
    .find_field = ptab_find_field,
};
