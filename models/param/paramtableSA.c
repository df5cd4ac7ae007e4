/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * paramtableSA.c: GENESIS's simulated-annealing parameter search: a
 * Nelder-Mead simplex over the searched parameters (multiplicative ones
 * in their logarithm), whose comparisons of match values carry thermal
 * noise (temperature * -log(u)), so that at high temperature the simplex
 * can climb out of local minima. The script simulates `current`, hands
 * the match to EVALUATE and calls UPDATE_PARAMS, which steps the simplex
 * (reflection, expansion, contraction, shrinking: one simulation each)
 * and cools the temperature by the annealing schedule; `done` says when
 * the simplex has shrunk within `tolerance` at a temperature at or below
 * testtemp, or stop_after iterations brought nothing better.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

struct paramtableSA {
    PTAB_HEAD;
    double *realcenter, *realrange, *realmin, *realmax; /* in the simplex's coordinates:
                                                         * log for multiplicative ones */
    int best_match_iteration;
    int iterations_per_temp;
    double temperature;
    double inittemp;
    int annealing_method; /* 0: by hand, 1: linear, 2: exponential (annealing_rate) */
    int max_iterations;   /* linear schedule */
    double annealing_rate;
    double testtemp;      /* the search can end at or below this temperature */
    double tolerance;
    int stop_after;       /* iterations without a better match that end the search */
    int restart_every;    /* RESTART every so many iterations (0: never) */
    int state;            /* of the simplex step (0: first points, 1-5) */
    int next_index;       /* simplex point to simulate next; initparamSA's count before */
    double simplex_init_noise;
    double *simplex;      /* [num_params + 1][num_params] */
    double *simplex_match; /* [num_params + 1] */
    double *partial_sum;
    double *test_point;
    double scale;         /* step of the first simplex */
    double *scalemod;     /* per parameter factor of scale */
    /* the step's ranking, kept between UPDATE_PARAMS calls (GENESIS keeps
     * them in statics shared by every paramtableSA) */
    int best_index, worst_index;
    double rank_best, rank_second_worst, rank_worst, saved_worst;
};

#define T struct paramtableSA
static const struct gs_field sa_fields[] = {
    GS_FIELD_RO(T, iteration_number, GS_INT, "", "iterations so far"),
    GS_FIELD_RO(T, num_params, GS_INT, "", "number of parameters"),
    GS_FIELD_RO(T, num_params_to_search, GS_INT, "", "number of parameters searched"),
    GS_FIELD_RO(T, current_match, GS_REAL, "", "match of the last point simulated"),
    GS_FIELD_RO(T, best_match, GS_REAL, "", "best match so far"),
    GS_FIELD_F(T, best_match_iteration, GS_INT, GS_F_RO | GS_F_HIDDEN, "",
               "iteration of the best match"),
    GS_FIELD_RO(T, new_best_match, GS_INT, "", "1 if the last match was the best so far"),
    GS_FIELD_RO(T, done, GS_INT, "", "1 when the search has finished"),
    GS_FIELD(T, filename, GS_STR, "", "file of SAVE and RESTORE"),
    GS_FIELD_RO(T, alloced, GS_INT, "", "1 when the tables are allocated"),
    GS_FIELD(T, iterations_per_temp, GS_INT, "", "iterations per temperature"),
    GS_FIELD(T, temperature, GS_REAL, "", "of the annealing"),
    GS_FIELD(T, inittemp, GS_REAL, "", "initial temperature"),
    GS_FIELD(T, annealing_method, GS_INT, "", "0: by hand, 1: linear, 2: exponential"),
    GS_FIELD(T, max_iterations, GS_INT, "", "for the linear schedule"),
    GS_FIELD(T, annealing_rate, GS_REAL, "", "for the exponential schedule"),
    GS_FIELD(T, testtemp, GS_REAL, "", "the search may end at or below this temperature"),
    GS_FIELD(T, tolerance, GS_REAL, "", "spread of the simplex's matches that ends the search"),
    GS_FIELD(T, stop_after, GS_INT, "", "iterations without progress that end the search"),
    GS_FIELD(T, restart_every, GS_INT, "", "RESTART every so many iterations (0: never)"),
    GS_FIELD_RO(T, state, GS_INT, "", "of the search"),
    GS_FIELD_F(T, next_index, GS_INT, GS_F_RO | GS_F_HIDDEN, "", "simplex point next"),
    GS_FIELD(T, simplex_init_noise, GS_REAL, "", "noise in the first simplex, in [0, 1]"),
    GS_FIELD(T, scale, GS_REAL, "", "step of the first simplex"),
    GS_FIELD_END,
};

static const struct gs_field sa_arrays[] = {
    GS_FIELD(T, search, GS_INT, "", "1: search this parameter"),
    GS_FIELD(T, type, GS_INT, "", "0: additive, 1: multiplicative"),
    GS_FIELD(T, center, GS_REAL, "", "centre of the parameter's range"),
    GS_FIELD(T, range, GS_REAL, "", "range of the parameter"),
    GS_FIELD(T, min, GS_REAL, "", "lowest value of the parameter"),
    GS_FIELD(T, max, GS_REAL, "", "highest value of the parameter"),
    GS_FIELD(T, label, GS_STR, "", "name of the parameter"),
    GS_FIELD_RO(T, current, GS_REAL, "", "parameter values to simulate next"),
    GS_FIELD_RO(T, best, GS_REAL, "", "best parameter values so far"),
    GS_FIELD_F(T, realcenter, GS_REAL, GS_F_HIDDEN, "", "centre in simplex coordinates"),
    GS_FIELD_F(T, realrange, GS_REAL, GS_F_HIDDEN, "", "range in simplex coordinates"),
    GS_FIELD_F(T, realmin, GS_REAL, GS_F_HIDDEN, "", "lowest value in simplex coordinates"),
    GS_FIELD_F(T, realmax, GS_REAL, GS_F_HIDDEN, "", "highest value in simplex coordinates"),
    GS_FIELD_F(T, simplex, GS_REAL, GS_F_RO | GS_F_HIDDEN, "",
               "the simplex's points, point by point"),
    GS_FIELD(T, simplex_match, GS_REAL, "", "match of each point of the simplex"),
    GS_FIELD_F(T, partial_sum, GS_REAL, GS_F_HIDDEN, "", "sums over the simplex"),
    GS_FIELD_F(T, test_point, GS_REAL, GS_F_HIDDEN, "", "point being tried"),
    GS_FIELD(T, scalemod, GS_REAL, "", "per parameter factor of scale"),
    GS_FIELD_END,
};
static const enum ptab_len sa_lens[] = {
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,  PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,  PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_SIMPLEX,  PTAB_LEN_NPARAMS1,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
};

/* GENESIS's SAVE layout: all num_params + 1 simplex points but only
 * num_params of their matches, and `scale` in 4 bytes (the low half of
 * the double, as GENESIS writes and reads it). */
static const struct ptab_io sa_file_head[] = {
    {PTAB_IO_INT, offsetof(T, iteration_number), 0},
    {PTAB_IO_INT, offsetof(T, iterations_per_temp), 0},
    {PTAB_IO_DOUBLE, offsetof(T, temperature), 0},
    {PTAB_IO_DOUBLE, offsetof(T, inittemp), 0},
    {PTAB_IO_SHORT, offsetof(T, annealing_method), 0},
    {PTAB_IO_INT, offsetof(T, max_iterations), 0},
    {PTAB_IO_DOUBLE, offsetof(T, annealing_rate), 0},
    {PTAB_IO_DOUBLE, offsetof(T, testtemp), 0},
    {PTAB_IO_DOUBLE, offsetof(T, tolerance), 0},
    {PTAB_IO_INT, offsetof(T, stop_after), 0},
    {PTAB_IO_SHORT, offsetof(T, done), 0},
    {PTAB_IO_INT, offsetof(T, restart_every), 0},
    {PTAB_IO_INT, offsetof(T, state), 0},
    {PTAB_IO_INT, offsetof(T, num_params), 0},
    {PTAB_IO_INT, offsetof(T, num_params_to_search), 0},
    {PTAB_IO_END, 0, 0},
};
static const struct ptab_io sa_file_body[] = {
    {PTAB_IO_SHORTS, offsetof(T, search), PTAB_LEN_NPARAMS},
    {PTAB_IO_SHORTS, offsetof(T, type), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, center), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, range), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, min), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, max), PTAB_LEN_NPARAMS},
    {PTAB_IO_LABELS1, offsetof(T, label), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, realcenter), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, realrange), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, realmin), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, realmax), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, best), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, best_match), 0},
    {PTAB_IO_INT, offsetof(T, best_match_iteration), 0},
    {PTAB_IO_SHORT, offsetof(T, new_best_match), 0},
    {PTAB_IO_DOUBLES, offsetof(T, current), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, current_match), 0},
    {PTAB_IO_INT, offsetof(T, next_index), 0},
    {PTAB_IO_DOUBLE, offsetof(T, simplex_init_noise), 0},
    {PTAB_IO_DOUBLES, offsetof(T, simplex), PTAB_LEN_SIMPLEX},
    {PTAB_IO_DOUBLES, offsetof(T, simplex_match), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, partial_sum), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, test_point), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE_LOW4, offsetof(T, scale), 0},
    {PTAB_IO_DOUBLES, offsetof(T, scalemod), PTAB_LEN_NPARAMS},
    {PTAB_IO_END, 0, 0},
};
#undef T

#define SA(el) ((struct paramtableSA *)(void *)(el))

/* Point P's coordinate I of the simplex. */
#define SX(s, p, i) ((s)->simplex[(size_t)(p) * (size_t)(s)->num_params + (size_t)(i)])

static void
sa_init_param(struct ptab *p, int i, double c)
{
    struct paramtableSA *s = SA(p);
    s->center[i] = c;
    s->search[i] = 1;
}

void
ptab_sa_init_param(struct gs_element *el, int i, double scalemod)
{
    struct paramtableSA *s = SA(el);
    if (s->type[i] == 1) {
        s->realcenter[i] = log(s->center[i]);
        s->realrange[i] = log(s->range[i]);
        s->realmin[i] = log(s->min[i]);
        s->realmax[i] = log(s->max[i]);
        s->scalemod[i] = log(1.0 + scalemod / s->center[i]);
    } else {
        s->realcenter[i] = s->center[i];
        s->realrange[i] = s->range[i];
        s->realmin[i] = s->min[i];
        s->realmax[i] = s->max[i];
        s->scalemod[i] = scalemod;
    }
    s->next_index++; /* INITSEARCH needs one call per parameter */
}

/* RESTORE makes the tables without a message, as GENESIS's SA does. */
static enum gs_status
sa_file_alloc(struct gs_sim *sim, struct gs_element *el)
{
    int n = SA(el)->num_params;
    if (n < 0 || n > 1000000)
        return gs_error(sim, "paramtableSA: RESTORE: the file holds %d parameters", n);
    ptab_alloc_arrays(el, n);
    return GS_OK;
}

const struct ptab_class paramtableSA_ptab = {
    .arrays = sa_arrays,
    .lens = sa_lens,
    .init_param = sa_init_param,
    .file_head = sa_file_head,
    .file_body = sa_file_body,
    .file_alloc = sa_file_alloc,
};

/* ---- the simplex ------------------------------------------------------------ */

/* current[] from the simplex point next_index (states 0 and 5) or the
 * test point, back from the logarithm for multiplicative parameters. */
static void
sa_next_point(struct paramtableSA *s)
{
    for (int i = 0; i < s->num_params; i++) {
        double v = s->state == 0 || s->state == 5 ? SX(s, s->next_index, i) : s->test_point[i];
        s->current[i] = s->type[i] == 0 ? v : exp(v);
    }
}

static void
sa_partial_sums(struct paramtableSA *s)
{
    int n = s->num_params_to_search + 1;
    for (int i = 0; i < s->num_params; i++) {
        if (!s->search[i])
            continue;
        double sum = 0.0;
        for (int p = 0; p < n; p++)
            sum += SX(s, p, i);
        s->partial_sum[i] = sum;
    }
}

/* Wraps X into [lo, hi] by whole ranges (GENESIS's periodic bounds). */
static double
wrap(double x, double lo, double hi)
{
    double full = hi - lo;
    if (!(full > 0.0))
        return x < lo ? lo : x > hi ? hi : x;
    while (x < lo)
        x += full;
    while (x > hi)
        x -= full;
    return x;
}

/* Ranks the simplex's points by their matches plus thermal noise. */
static void
sa_ranks(struct gs_sim *sim, struct paramtableSA *s)
{
    int n = s->num_params_to_search + 1;
    double tt = -s->temperature;
    int besti = 0, worsti = 1;
    double bestm = s->simplex_match[0] + tt * log(ptab_urandom(sim)), second = bestm;
    double worstm = s->simplex_match[1] + tt * log(ptab_urandom(sim));
    if (bestm > worstm) {
        worsti = 0;
        besti = 1;
        second = worstm;
        worstm = bestm;
        bestm = second;
    }
    for (int p = 2; p < n; p++) {
        double m = s->simplex_match[p] + tt * log(ptab_urandom(sim));
        if (m <= bestm) {
            besti = p;
            bestm = m;
        } else if (m > worstm) {
            second = worstm;
            worsti = p;
            worstm = m;
        } else if (m > second) {
            second = m;
        }
    }
    s->best_index = besti;
    s->worst_index = worsti;
    s->rank_best = bestm;
    s->rank_second_worst = second;
    s->rank_worst = worstm;
}

/* The test point: the worst point moved through the centroid of the
 * others by the factor FAC (-1 reflects, 2 expands, 0.5 contracts). */
static void
sa_point(struct paramtableSA *s, int index, double fac)
{
    int num = s->num_params_to_search;
    sa_partial_sums(s);
    double fac1 = (1.0 - fac) / num, fac2 = fac1 - fac;
    for (int i = 0; i < s->num_params; i++)
        s->test_point[i] = s->search[i]
                               ? wrap(s->partial_sum[i] * fac1 - SX(s, index, i) * fac2,
                                      s->realmin[i], s->realmax[i])
                               : s->realcenter[i];
}

/* The test point's MATCH, with noise, against the worst point's: the
 * test point replaces it when better. Returns the noisy match. */
static double
sa_try(struct gs_sim *sim, struct paramtableSA *s, double match)
{
    double noisy = match - (-s->temperature) * log(ptab_urandom(sim));
    if (noisy < s->rank_worst) {
        s->simplex_match[s->worst_index] = match;
        for (int i = 0; i < s->num_params; i++)
            SX(s, s->worst_index, i) = s->test_point[i];
        s->rank_worst = noisy;
    }
    return noisy;
}

/* Rank and reflect the worst point (state 1 -> 2). */
static void
sa_reflect(struct gs_sim *sim, struct paramtableSA *s)
{
    s->state = 1;
    sa_ranks(sim, s);
    sa_point(s, s->worst_index, -1.0);
    s->state = 2;
    sa_next_point(s);
}

/* One step of the simplex with the match of the point just simulated. */
static void
sa_step(struct gs_sim *sim, struct paramtableSA *s)
{
    int n = s->num_params_to_search + 1;
    double match = s->current_match, noisy;
    switch (s->state) {
    case 0: /* simulating the first simplex, point by point */
        s->simplex_match[s->next_index] = match;
        if (s->next_index < n - 1) {
            s->next_index++;
            sa_next_point(s);
            return;
        }
        sa_reflect(sim, s);
        return;
    case 2: /* the reflected point */
        noisy = sa_try(sim, s, match);
        if (noisy <= s->rank_best) {
            sa_point(s, s->worst_index, 2.0);
            s->state = 3;
            sa_next_point(s);
        } else if (noisy >= s->rank_second_worst) {
            s->saved_worst = s->rank_worst;
            sa_point(s, s->worst_index, 0.5);
            s->state = 4;
            sa_next_point(s);
        } else {
            sa_reflect(sim, s);
        }
        return;
    case 3: /* the expanded point */
        sa_try(sim, s, match);
        sa_reflect(sim, s);
        return;
    case 4: /* the contracted point */
        noisy = sa_try(sim, s, match);
        if (noisy < s->saved_worst) {
            sa_reflect(sim, s);
            return;
        }
        /* no better: shrink every point towards the best one. GENESIS
         * tests search[] with the point's index here, not the
         * parameter's (kept: it decides which points move) */
        for (int p = 0; p < n; p++) {
            if (p == s->best_index)
                continue;
            for (int i = 0; i < s->num_params; i++) {
                if (p < s->num_params && !s->search[p])
                    continue;
                SX(s, p, i) = 0.5 * (SX(s, p, i) + SX(s, s->best_index, i));
            }
        }
        s->next_index = s->best_index == 0 ? 1 : 0;
        s->state = 5;
        sa_next_point(s);
        return;
    case 5: /* simulating the shrunk simplex, the best point left out */
        s->simplex_match[s->next_index] = match;
        if (s->next_index < n - 1) {
            s->next_index++;
            if (s->next_index == s->best_index) {
                if (s->next_index == n - 1) {
                    sa_reflect(sim, s);
                    return;
                }
                s->next_index++;
            }
            sa_next_point(s);
            return;
        }
        sa_reflect(sim, s);
        return;
    default:
        return;
    }
}

/* RESTART: the worst point of the simplex becomes the best point so far
 * (unless the simplex already holds it). */
static enum gs_status
sa_restart(struct gs_sim *sim, struct paramtableSA *s)
{
    int worsti = -1, besti = -1;
    double worstm = -PTAB_HUGE, bestm = PTAB_HUGE;
    for (int p = 0; p < s->num_params + 1; p++) {
        if (s->simplex_match[p] > worstm) {
            worstm = s->simplex_match[p];
            worsti = p;
        }
        if (s->simplex_match[p] < bestm) {
            bestm = s->simplex_match[p];
            besti = p;
        }
    }
    if (worsti == -1 || besti == -1)
        return gs_error(sim, "paramtableSA: RESTART: the simplex's matches are not numbers");
    if (fabs(bestm - s->best_match) <= s->tolerance)
        return GS_OK;
    for (int i = 0; i < s->num_params; i++)
        SX(s, worsti, i) = s->type[i] == 0 ? s->best[i] : log(s->best[i]);
    s->simplex_match[worsti] = s->best_match;
    return GS_OK;
}

static void
sa_check_done(struct gs_sim *sim, struct paramtableSA *s)
{
    int n = s->num_params_to_search + 1;
    if (s->temperature > s->testtemp) {
        s->done = 0;
        return;
    }
    double bestm = PTAB_HUGE, worstm = -PTAB_HUGE;
    for (int p = 0; p < n; p++) {
        bestm = s->simplex_match[p] < bestm ? s->simplex_match[p] : bestm;
        worstm = s->simplex_match[p] > worstm ? s->simplex_match[p] : worstm;
    }
    if (fabs(bestm - worstm) <= s->tolerance) {
        if (fabs(bestm - s->best_match) > s->tolerance) {
            sa_restart(sim, s);
            s->done = 0;
        } else {
            s->done = 1;
        }
    } else {
        s->done = s->stop_after > 0
                  && abs(s->iteration_number - s->best_match_iteration) >= s->stop_after;
    }
}

/* ---- the actions ---------------------------------------------------------- */

static enum gs_status
sa_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableSA *s = SA(el);
    int n;
    if (argc != 1)
        return gs_error(sim, "paramtableSA: TABCREATE expects one argument, num_params; got %d",
                        argc);
    if (ptab_int(sim, el, "TABCREATE", "num_params", argv[0], &n) != GS_OK)
        return GS_ERR;
    if (n < 0 || n > 1000000)
        return gs_error(sim, "paramtableSA: TABCREATE: the number of parameters must be >= 0, "
                             "got %d",
                        n);
    s->iteration_number = 0;
    s->next_index = 0;
    ptab_alloc_arrays(el, n);
    for (int i = 0; i < n; i++) {
        s->search[i] = 1;
        s->scalemod[i] = 1.0;
    }
    return GS_OK;
}

static enum gs_status
sa_tabdelete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    ptab_free(el);
    return GS_OK;
}

/* The first simplex: point 0 at the centre (or drawn within the limits,
 * with FROM_BEST false and "random"), or at the best point (RESTART2);
 * point k moved from it along the k-th searched parameter by scale *
 * scalemod (times a uniform draw for RESTART2). */
static enum gs_status
sa_first_simplex(struct gs_sim *sim, struct paramtableSA *s, const char *action, bool random,
                 bool from_best)
{
    if (ptab_need_tables(sim, &s->el, action) != GS_OK)
        return GS_ERR;
    if (s->next_index != s->num_params)
        return gs_error(sim, "paramtableSA: %s: every parameter must be set up by initparamSA "
                             "first (%d of %d are)",
                        action, s->next_index, s->num_params);
    int ns = 0;
    for (int i = 0; i < s->num_params; i++)
        ns += s->search[i] != 0;
    if (ns < 2)
        return gs_error(sim, "paramtableSA: %s: the search needs at least two parameters, "
                             "got %d",
                        action, ns);
    if (!from_best) {
        s->num_params_to_search = ns;
        for (int p = 0; p < ns + 1; p++) {
            for (int i = 0; i < s->num_params; i++)
                SX(s, p, i) = 0.0;
            s->simplex_match[p] = 0.0;
        }
    }
    /* RESTART2 remakes a simplex of num_params + 1 points, as GENESIS's */
    int n = from_best ? s->num_params + 1 : s->num_params_to_search + 1;
    for (int i = 0; i < s->num_params; i++)
        SX(s, 0, i) = from_best ? (s->type[i] == 0 ? s->best[i] : log(s->best[i]))
                      : random && s->search[i] ? ptab_frandom(sim, s->realmin[i], s->realmax[i])
                                               : s->realcenter[i];
    for (int p = 1, j = 0; p < n; p++, j++) {
        for (int i = 0; i < s->num_params; i++)
            SX(s, p, i) = SX(s, 0, i);
        while (j < s->num_params && !s->search[j])
            j++;
        if (j >= s->num_params)
            return gs_error(sim, "paramtableSA: %s: fewer searched parameters than the "
                                 "simplex's points",
                            action);
        double step = s->scale * s->scalemod[j];
        if (from_best)
            step *= ptab_urandom(sim);
        SX(s, p, j) = wrap(SX(s, p, j) + step, s->realmin[j], s->realmax[j]);
    }
    if (!from_best)
        for (int p = 1; p < n; p++)
            for (int i = 0; i < s->num_params; i++) {
                if (!s->search[i])
                    continue;
                double noise = s->simplex_init_noise;
                SX(s, p, i) = SX(s, p, i) * (1.0 - noise)
                              + noise * ptab_frandom(sim, s->realmin[i], s->realmax[i]);
            }
    sa_partial_sums(s);
    s->temperature = s->inittemp;
    s->best_match = 1.0e10;
    s->state = 0;
    s->next_index = 0;
    sa_next_point(s);
    memcpy(s->best, s->current, (size_t)s->num_params * sizeof *s->best);
    return GS_OK;
}

static enum gs_status
sa_initsearch(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    bool random = argc > 0 && strcmp(argv[0], "random") == 0;
    if (argc > 1 || (argc == 1 && !random))
        return gs_error(sim, "paramtableSA: INITSEARCH expects nothing or 'random', got '%s'",
                        argv[argc - 1]);
    return sa_first_simplex(sim, SA(el), "INITSEARCH", random, false);
}

static enum gs_status
sa_restart2(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    return sa_first_simplex(sim, SA(el), "RESTART2", false, true);
}

static enum gs_status
sa_restart_action(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    if (ptab_need_tables(sim, el, "RESTART") != GS_OK)
        return GS_ERR;
    return sa_restart(sim, SA(el));
}

static enum gs_status
sa_evaluate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableSA *s = SA(el);
    double match;
    if (argc != 1)
        return gs_error(sim, "paramtableSA: EVALUATE expects one argument, the match; got %d",
                        argc);
    if (ptab_need_tables(sim, el, "EVALUATE") != GS_OK
        || ptab_real(sim, el, "EVALUATE", "the match", argv[0], &match) != GS_OK)
        return GS_ERR;
    s->current_match = match;
    s->new_best_match = match < s->best_match;
    if (s->new_best_match) {
        s->best_match = match;
        s->best_match_iteration = s->iteration_number;
        memcpy(s->best, s->current, (size_t)s->num_params * sizeof *s->best);
    }
    return GS_OK;
}

static enum gs_status
sa_update_params(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSA *s = SA(el);
    if (ptab_need_tables(sim, el, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    if (s->num_params_to_search < 2 || s->iterations_per_temp < 1)
        return gs_error(sim, "paramtableSA: UPDATE_PARAMS: INITSEARCH first (and "
                             "iterations_per_temp >= 1, got %d)",
                        s->iterations_per_temp);
    if ((s->iteration_number + 1) % s->iterations_per_temp == 0) {
        if (s->annealing_method == 1) {
            /* GENESIS's linear schedule, as it is: iteration / max_iterations */
            double t = (double)s->iteration_number / (double)s->max_iterations;
            s->temperature = 0.0 > t ? 0.0 : t;
        } else if (s->annealing_method == 2) {
            s->temperature *= s->annealing_rate;
        }
    }
    sa_step(sim, s);
    if (s->restart_every != 0 && (s->iteration_number + 1) % s->restart_every == 0
        && sa_restart(sim, s) != GS_OK)
        return GS_ERR;
    s->iteration_number++;
    sa_check_done(sim, s);
    return GS_OK;
}

static enum gs_status
sa_recenter(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSA *s = SA(el);
    if (ptab_need_tables(sim, el, "RECENTER") != GS_OK)
        return GS_ERR;
    for (int i = 0; i < s->num_params; i++) {
        s->center[i] = s->best[i];
        bool add = s->type[i] == 0;
        s->min[i] = add ? s->center[i] - s->range[i] : s->center[i] / s->range[i];
        s->max[i] = add ? s->center[i] + s->range[i] : s->center[i] * s->range[i];
        s->realcenter[i] = add ? s->center[i] : log(s->center[i]);
        s->realrange[i] = add ? s->range[i] : log(s->range[i]);
        s->realmin[i] = add ? s->min[i] : log(s->min[i]);
        s->realmax[i] = add ? s->max[i] : log(s->max[i]);
    }
    return GS_OK;
}

static enum gs_status
sa_display(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSA *s = SA(el);
    if (ptab_need_tables(sim, el, "DISPLAY") != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "\nBest match so far: %g\n", s->best_match);
    sb_puts(&sb, "Parameter table data:\n");
    sb_puts(&sb, "-----------------------------------------------------------------------\n");
    sb_printf(&sb, "Iteration number: %d\n", s->iteration_number);
    sb_printf(&sb, "Temperature: %f\n", s->temperature);
    sb_printf(&sb, "Number of parameters: %d\n", s->num_params);
    sb_puts(&sb, "\nParam   Varied?    Type    Range    Best              Label\n");
    sb_puts(&sb, "-----   -------    ----    -----    ----              -----\n\n");
    for (int i = 0; i < s->num_params; i++)
        sb_printf(&sb, "%-5d   %s        %s    %-8g   %-15.6g   %s\n", i,
                  s->search[i] ? "YES" : "NO ", s->type[i] ? "mult" : "add ", s->range[i],
                  s->best[i], s->label[i]);
    sb_printf(&sb, "Best match so far: %g\n\n", s->best_match);
    gs_out(sim, "%s", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

static enum gs_status
sa_display2(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableSA *s = SA(el);
    if (ptab_need_tables(sim, el, "DISPLAY2") != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "Best match so far: %g\n", s->best_match);
    sb_puts(&sb, "Parameter table data:\n");
    sb_puts(&sb, "-----------------------------------------------------------------------"
                 "-------\n");
    sb_printf(&sb, "Iteration number: %d\n", s->iteration_number);
    sb_printf(&sb, "Temperature: %f\n", s->temperature);
    sb_printf(&sb, "Number of parameters: %d\n", s->num_params);
    sb_puts(&sb, "Param\tType\tRange\t\tCurrent\t\tBest\t\tLabel\n");
    for (int i = 0; i < s->num_params; i++)
        sb_printf(&sb, "%d\t%d\t%g\t\t%-10.6g\t%-10.6g\t%s\n", i, s->type[i], s->range[i],
                  s->current[i], s->best[i], s->label[i]);
    sb_printf(&sb, "Match of current point: %g\n", s->current_match);
    sb_printf(&sb, "Best match so far: %g\n", s->best_match);
    gs_out(sim, "%s", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

/* SAVEBEST's table (more digits than DISPLAY's). */
static enum gs_status
sa_best_table(struct gs_sim *sim, struct gs_element *el, struct strbuf *sb)
{
    (void)sim;
    const struct paramtableSA *s = SA(el);
    sb_printf(sb, "Best match so far: %g\n", s->best_match);
    sb_puts(sb, "Parameter table data:\n");
    sb_puts(sb, "-----------------------------------------------------------------------\n");
    sb_printf(sb, "Iteration number: %d\n", s->iteration_number);
    sb_printf(sb, "Temperature: %f\n", s->temperature);
    sb_printf(sb, "Number of parameters: %d\n", s->num_params);
    sb_puts(sb, "\nParam  Varied?  Type  Range      Best                       Label\n");
    sb_puts(sb, "-----  -------  ----  -----      ----                       -----\n\n");
    for (int i = 0; i < s->num_params; i++)
        sb_printf(sb, "%-5d  %s      %s  %-8g   %-25.20g  %s\n", i, s->search[i] ? "YES" : "NO ",
                  s->type[i] ? "mult" : "add ", s->range[i], s->best[i], s->label[i]);
    sb_printf(sb, "\nBest match so far: %.10g\n", s->best_match);
    return GS_OK;
}

static enum gs_status
sa_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return ptab_savebest(sim, el, argc, argv, sa_best_table);
}

static enum gs_status
sa_check(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableSA *s = SA(el);
    if (s->iterations_per_temp < 1)
        return gs_error(sim, "paramtableSA: CHECK: iterations_per_temp must be >= 1, got %d",
                        s->iterations_per_temp);
    if (s->temperature < 0.0 || s->inittemp < 0.0 || s->testtemp < 0.0 || s->tolerance < 0.0
        || s->annealing_rate < 0.0 || s->scale < 0.0)
        return gs_error(sim, "paramtableSA: CHECK: temperature, inittemp, testtemp, tolerance, "
                             "annealing_rate and scale must be >= 0");
    if (s->annealing_method < 0 || s->annealing_method > 2)
        return gs_error(sim, "paramtableSA: CHECK: annealing_method must be 0, 1 or 2, got %d",
                        s->annealing_method);
    if (s->max_iterations < 0 || s->stop_after < 0 || s->restart_every < 0)
        return gs_error(sim, "paramtableSA: CHECK: max_iterations, stop_after and "
                             "restart_every must be >= 0");
    if (!(s->simplex_init_noise >= 0.0 && s->simplex_init_noise <= 1.0))
        return gs_error(sim, "paramtableSA: CHECK: simplex_init_noise must be in [0, 1], got %g",
                        s->simplex_init_noise);
    for (int i = 0; s->alloced && i < s->num_params; i++)
        if (s->type[i] != 0 && s->type[i] != 1)
            return gs_error(sim, "paramtableSA: CHECK: type[%d] must be 0 or 1, got %d", i,
                            s->type[i]);
    return GS_OK;
}

static enum gs_status
sa_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct paramtableSA *s = SA(el);
    s->iterations_per_temp = 1;
    s->stop_after = 200;
    s->scale = 1.0;
    return GS_OK;
}

static const struct gs_named_action sa_actions[] = {
    {"TABCREATE", "num_params", sa_tabcreate},
    {"TABDELETE", "", sa_tabdelete},
    {"INITSEARCH", "[random]", sa_initsearch},
    {"EVALUATE", "match", sa_evaluate},
    {"UPDATE_PARAMS", "", sa_update_params},
    {"RECENTER", "", sa_recenter},
    {"RESTART", "", sa_restart_action},
    {"RESTART2", "", sa_restart2},
    {"SAVE", "[filename]", ptab_save},
    {"SAVEBEST", "filename", sa_savebest},
    {"RESTORE", "[filename]", ptab_restore},
    {"DISPLAY", "", sa_display},
    {"DISPLAY2", "", sa_display2},
    GS_ACTION_END,
};

const struct gs_class paramtableSA_class = {
    .name = "paramtableSA",
    .classes = "param",
    .desc = "parameter search by simulated annealing: a noisy Nelder-Mead simplex",
    .size = sizeof(struct paramtableSA),
    .fields = sa_fields,
    .extra = sa_actions,
    .create = sa_create,
    .copy = ptab_copy,
    .destroy = ptab_free,
    .check = sa_check,
    .find_field = ptab_find_field,
};
