/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * paramtableSS.c: GENESIS's stochastic search. Each UPDATE_PARAMS draws a
 * new point around the best one, each searched parameter moved by a
 * gaussian of the current variance (scaled by its range), clipped to its
 * limits; the variance shrinks by `contract` each time and starts again at
 * maxvariance when it falls below minvariance (a new round). The script
 * decides whether to ACCEPT a point.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

struct paramtableSS {
    PTAB_HEAD;
    int round_number;    /* expansion-contraction cycles */
    double variance;     /* of the gaussian now */
    double minvariance;
    double maxvariance;
    double addvarscale;  /* variance factor of additive parameters */
    double multvarscale; /* variance factor of multiplicative parameters */
    double contract;     /* variance factor per update */
};

#define T struct paramtableSS
static const struct gs_field ss_fields[] = {
    GS_FIELD_RO(T, iteration_number, GS_INT, "", "number of simulations so far"),
    GS_FIELD_RO(T, num_params, GS_INT, "", "number of parameters in the table"),
    GS_FIELD_RO(T, best_match, GS_REAL, "", "best match so far"),
    GS_FIELD(T, filename, GS_STR, "", "file of SAVE and RESTORE"),
    GS_FIELD_RO(T, alloced, GS_INT, "", "1 when the tables are allocated"),
    GS_FIELD_RO(T, round_number, GS_INT, "", "number of expansion-contraction cycles"),
    GS_FIELD(T, variance, GS_REAL, "", "current variance of the gaussian"),
    GS_FIELD(T, minvariance, GS_REAL, "", "smallest variance"),
    GS_FIELD(T, maxvariance, GS_REAL, "", "largest variance"),
    GS_FIELD(T, addvarscale, GS_REAL, "", "variance factor of additive parameters"),
    GS_FIELD(T, multvarscale, GS_REAL, "", "variance factor of multiplicative parameters"),
    GS_FIELD(T, contract, GS_REAL, "", "variance factor per update"),
    GS_FIELD_END,
};

static const struct gs_field ss_arrays[] = {
    GS_FIELD(T, search, GS_INT, "", "1: search this parameter"),
    GS_FIELD(T, type, GS_INT, "", "0: additive, 1: multiplicative"),
    GS_FIELD(T, range, GS_REAL, "", "range of the parameter"),
    GS_FIELD(T, min, GS_REAL, "", "lowest value of the parameter"),
    GS_FIELD(T, max, GS_REAL, "", "highest value of the parameter"),
    GS_FIELD(T, label, GS_STR, "", "name of the parameter"),
    GS_FIELD(T, current, GS_REAL, "", "parameter values to simulate next"),
    GS_FIELD(T, best, GS_REAL, "", "best parameter values so far"),
    GS_FIELD_END,
};
static const enum ptab_len ss_lens[] = {
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
};
#undef T

static void
ss_init_param(struct ptab *p, int i, double c)
{
    p->current[i] = p->best[i] = c;
}

/* GENESIS's SAVE layout. */
#define T struct paramtableSS
static const struct ptab_io ss_file_head[] = {
    {PTAB_IO_INT, offsetof(T, iteration_number), 0},
    {PTAB_IO_INT, offsetof(T, round_number), 0},
    {PTAB_IO_INT, offsetof(T, num_params), 0},
    {PTAB_IO_END, 0, 0},
};
static const struct ptab_io ss_file_body[] = {
    {PTAB_IO_SHORTS, offsetof(T, search), PTAB_LEN_NPARAMS},
    {PTAB_IO_SHORTS, offsetof(T, type), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, range), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, min), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, max), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, current), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, best), PTAB_LEN_NPARAMS},
    {PTAB_IO_LABELS, offsetof(T, label), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, best_match), 0},
    {PTAB_IO_DOUBLE, offsetof(T, variance), 0},
    {PTAB_IO_DOUBLE, offsetof(T, minvariance), 0},
    {PTAB_IO_DOUBLE, offsetof(T, maxvariance), 0},
    {PTAB_IO_DOUBLE, offsetof(T, addvarscale), 0},
    {PTAB_IO_DOUBLE, offsetof(T, multvarscale), 0},
    {PTAB_IO_DOUBLE, offsetof(T, contract), 0},
    {PTAB_IO_END, 0, 0},
};
#undef T

const struct ptab_class paramtableSS_ptab = {
    .arrays = ss_arrays,
    .lens = ss_lens,
    .init_param = ss_init_param,
    .file_head = ss_file_head,
    .file_body = ss_file_body,
    .file_alloc = ptab_file_alloc,
};

#define SS(el) ((struct paramtableSS *)(void *)(el))

static enum gs_status
ss_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct paramtableSS *s = SS(el);
    s->best_match = PTAB_HUGE;
    s->minvariance = 0.05;
    s->maxvariance = 0.5;
    s->addvarscale = 1.0;
    s->multvarscale = 1.0;
    s->contract = 0.95;
    return GS_OK;
}

static enum gs_status
ss_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableSS *s = SS(el);
    if (ptab_tabcreate_args(sim, el, argc, argv) != GS_OK)
        return GS_ERR;
    for (int i = 0; i < s->num_params; i++)
        s->search[i] = 1;
    return GS_OK;
}

static enum gs_status
ss_tabdelete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    ptab_free(el);
    return GS_OK;
}

/* The checks GENESIS makes before drawing: every range must fit its type. */
static enum gs_status
ss_check_ranges(struct gs_sim *sim, struct paramtableSS *s, const char *action)
{
    for (int i = 0; i < s->num_params; i++) {
        if (s->type[i] == 0 && s->range[i] < 0.0)
            return gs_error(sim, "paramtableSS: %s: range[%d] of an additive parameter must be "
                                 ">= 0, got %g",
                            action, i, s->range[i]);
        if (s->type[i] == 1 && s->range[i] < 1.0)
            return gs_error(sim, "paramtableSS: %s: range[%d] of a multiplicative parameter "
                                 "must be >= 1, got %g",
                            action, i, s->range[i]);
    }
    return GS_OK;
}

static enum gs_status
ss_initsearch(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSS *s = SS(el);
    if (ptab_need_tables(sim, el, "INITSEARCH") != GS_OK)
        return GS_ERR;
    if (s->maxvariance <= PTAB_TINY)
        return gs_error(sim, "paramtableSS: INITSEARCH: maxvariance must be > 0, got %g",
                        s->maxvariance);
    s->iteration_number = 0;
    s->round_number = 0;
    s->variance = s->maxvariance;
    return GS_OK;
}

static enum gs_status
ss_randomize(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSS *s = SS(el);
    if (ptab_need_tables(sim, el, "RANDOMIZE") != GS_OK
        || ss_check_ranges(sim, s, "RANDOMIZE") != GS_OK)
        return GS_ERR;
    for (int i = 0; i < s->num_params; i++) {
        if (!s->search[i])
            continue;
        if (s->type[i] == 0) {
            s->current[i] = ptab_frandom(sim, s->min[i], s->max[i]);
        } else {
            double lr = log(s->range[i]);
            double v = s->best[i] * exp(ptab_frandom(sim, -lr, lr));
            if (v < s->min[i])
                v = s->min[i];
            if (v > s->max[i])
                v = s->max[i];
            s->current[i] = v;
        }
    }
    return GS_OK;
}

static enum gs_status
ss_update_params(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSS *s = SS(el);
    if (ptab_need_tables(sim, el, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    if (s->maxvariance < PTAB_TINY)
        return gs_error(sim, "paramtableSS: UPDATE_PARAMS: maxvariance must be > 0, got %g",
                        s->maxvariance);
    if (ss_check_ranges(sim, s, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    s->iteration_number++;
    if (s->variance > s->maxvariance) {
        s->variance = s->maxvariance;
    } else if (s->variance < s->minvariance) {
        s->variance = s->minvariance;
    } else {
        s->variance *= s->contract;
        if (s->variance < s->minvariance) {
            s->round_number++;
            s->variance = s->maxvariance;
        }
    }
    for (int i = 0; i < s->num_params; i++) {
        if (!s->search[i])
            continue;
        double v;
        if (s->type[i] == 0)
            v = s->best[i] + s->range[i] * ptab_rangauss(sim, 0.0, s->variance * s->addvarscale);
        else
            v = s->best[i]
                * pow(s->range[i], ptab_rangauss(sim, 0.0, s->variance * s->multvarscale));
        if (v < s->min[i])
            v = s->min[i];
        else if (v > s->max[i])
            v = s->max[i];
        s->current[i] = v;
    }
    return GS_OK;
}

static enum gs_status
ss_accept(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableSS *s = SS(el);
    double match;
    if (argc != 1)
        return gs_error(sim, "paramtableSS: ACCEPT expects one argument, the match; got %d",
                        argc);
    if (ptab_need_tables(sim, el, "ACCEPT") != GS_OK
        || ptab_real(sim, el, "ACCEPT", "the match", argv[0], &match) != GS_OK)
        return GS_ERR;
    s->best_match = match;
    memcpy(s->best, s->current, (size_t)s->num_params * sizeof *s->best);
    return GS_OK;
}

static enum gs_status
ss_recenter(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    if (ptab_need_tables(sim, el, "RECENTER") != GS_OK)
        return GS_ERR;
    ptab_recenter((struct ptab *)(void *)el);
    return GS_OK;
}

/* The table of DISPLAY and SAVEBEST. */
static enum gs_status
ss_table(struct gs_sim *sim, struct gs_element *el, struct strbuf *sb)
{
    (void)sim;
    const struct paramtableSS *s = SS(el);
    sb_printf(sb, "Best match so far: %g\n", s->best_match);
    sb_puts(sb, "Parameter table data:\n");
    sb_puts(sb, "-----------------------------------------------------------------------\n");
    sb_printf(sb, "Iteration number: %d\n", s->iteration_number);
    sb_printf(sb, "Round number: %d\n", s->round_number);
    sb_printf(sb, "Number of parameters: %d\n", s->num_params);
    sb_puts(sb, "\nParam   Varied?    Type    Range      Best             Label\n");
    sb_puts(sb, "-----   -------    ----    -----      ----             -----\n\n");
    for (int i = 0; i < s->num_params; i++)
        sb_printf(sb, "%-5d   %s        %s    %-8g   %-15.6g  %s\n", i,
                  s->search[i] ? "YES" : "NO ", s->type[i] ? "mult" : "add ", s->range[i],
                  s->best[i], s->label[i]);
    sb_printf(sb, "\nVariance: %g\n", s->variance);
    sb_printf(sb, "Minimum variance: %g\n", s->minvariance);
    sb_printf(sb, "Maximum variance: %g\n", s->maxvariance);
    sb_printf(sb, "Scaling factor for additive parameter variances: %g\n", s->addvarscale);
    sb_printf(sb, "Scaling factor for multiplicative parameter variances: %g\n",
              s->multvarscale);
    sb_printf(sb, "Rate of variance contraction: %g\n", s->contract);
    sb_printf(sb, "Best match so far: %g\n", s->best_match);
    return GS_OK;
}

static enum gs_status
ss_display(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    if (ptab_need_tables(sim, el, "DISPLAY") != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    ss_table(sim, el, &sb);
    gs_out(sim, "%s\n", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

static enum gs_status
ss_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return ptab_savebest(sim, el, argc, argv, ss_table);
}

static enum gs_status
ss_check(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableSS *s = SS(el);
    if (!s->alloced)
        return GS_OK;
    for (int i = 0; i < s->num_params; i++)
        if (s->type[i] != 0 && s->type[i] != 1)
            return gs_error(sim, "paramtableSS: CHECK: type[%d] must be 0 or 1, got %d", i,
                            s->type[i]);
    if (ss_check_ranges(sim, s, "CHECK") != GS_OK)
        return GS_ERR;
    if (s->minvariance >= s->maxvariance)
        return gs_error(sim, "paramtableSS: CHECK: minvariance (%g) must be below maxvariance "
                             "(%g)",
                        s->minvariance, s->maxvariance);
    if (s->minvariance <= PTAB_TINY || s->maxvariance <= PTAB_TINY || s->variance <= PTAB_TINY
        || s->addvarscale <= PTAB_TINY || s->multvarscale <= PTAB_TINY)
        return gs_error(sim, "paramtableSS: CHECK: variance, variance limits and scaling "
                             "factors must be > 0");
    return GS_OK;
}

static const struct gs_named_action ss_actions[] = {
    {"TABCREATE", "num_params", ss_tabcreate},
    {"TABDELETE", "", ss_tabdelete},
    {"INITSEARCH", "", ss_initsearch},
    {"RANDOMIZE", "", ss_randomize},
    {"UPDATE_PARAMS", "", ss_update_params},
    {"ACCEPT", "match", ss_accept},
    {"RECENTER", "", ss_recenter},
    {"SAVE", "[filename]", ptab_save},
    {"SAVEBEST", "filename", ss_savebest},
    {"RESTORE", "[filename]", ptab_restore},
    {"DISPLAY", "", ss_display},
    GS_ACTION_END,
};

const struct gs_class paramtableSS_class = {
    .name = "paramtableSS",
    .classes = "param",
    .desc = "parameter search by stochastic search: gaussian steps around the best point",
    .size = sizeof(struct paramtableSS),
    .fields = ss_fields,
    .extra = ss_actions,
    .create = ss_create,
    .copy = ptab_copy,
    .destroy = ptab_free,
    .check = ss_check,
    .find_field = ptab_find_field,
};
