/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * paramtableGA.c: GENESIS's genetic-algorithm parameter search. The
 * object holds num_tables parameter sets (a population), each parameter
 * coded as an unsigned integer of param_size bytes giving its place in
 * its range (Gray coded by default). The script simulates every table,
 * stores the fitness values (larger is better) and calls UPDATE_PARAMS,
 * which makes the next generation: fitness-proportional reproduction
 * (the `preserve` best tables kept unchanged in front), crossing-over of
 * pairs of tables at bit positions, and mutation of single bits; after
 * restart_after generations without progress the tables are drawn afresh
 * (RESTART). The draws are gensh's generator's (GENESIS's own under
 * setrand -nr or -sprng, in GENESIS's order).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

struct paramtableGA {
    PTAB_HEAD;
    int generation;
    int num_tables;           /* parameter sets in the population */
    int param_size;           /* bytes per coded parameter: 1, 2 or 4 */
    int bits_per_parameter;   /* 8 * param_size */
    uint32_t max_parameter;   /* 2^bits - 1: the code of the top of a range */
    int *param;               /* [num_tables][num_params] codes (as uint32_t) */
    int *temp;                /* the same, scratch */
    double *fitness;          /* of each table, set by the script */
    double *tempfitness;
    int *fitrank;             /* tables from the fittest down (FITSTATS order) */
    double min_fitness, max_fitness, avg_fitness, stdev_fitness;
    int min_fitness_index, max_fitness_index;
    double *normfitness;      /* fitness / sum of fitnesses */
    double *cumulfitness;     /* running sums of normfitness */
    int *selectindex;         /* tables still free for crossing-over */
    int preserve;             /* best tables kept unchanged each generation */
    int crossover_type;       /* 0: exactly crossover_number cuts; 1: that many on average */
    double crossover_probability;
    int crossover_number;
    int crossover_break_param; /* 1: a cut may fall inside a parameter */
    double mutation_probability; /* per bit */
    int use_gray_code;
    int do_restart;           /* 1: RESTART after restart_after poor generations */
    int restart_after;
    int restart_count;
    double old_fitness;       /* the fitness a generation must beat by restart_thresh */
    double restart_thresh;
};

#define T struct paramtableGA
static const struct gs_field ga_fields[] = {
    GS_FIELD(T, generation, GS_INT, "", "generation number"),
    GS_FIELD_RO(T, num_tables, GS_INT, "", "number of parameter tables"),
    GS_FIELD_RO(T, num_params, GS_INT, "", "number of parameters per table"),
    GS_FIELD_RO(T, num_params_to_search, GS_INT, "", "number of parameters to search over"),
    GS_FIELD(T, best_match, GS_REAL, "", "best match (fitness) so far"),
    GS_FIELD(T, filename, GS_STR, "", "file of SAVE and RESTORE"),
    GS_FIELD_RO(T, alloced, GS_INT, "", "1 when the tables are allocated"),
    GS_FIELD_RO(T, param_size, GS_INT, "", "bytes per coded parameter (1, 2 or 4; TABCREATE)"),
    GS_FIELD_F(T, bits_per_parameter, GS_INT, GS_F_RO | GS_F_HIDDEN, "", "bits per parameter"),
    GS_FIELD_RO(T, min_fitness, GS_REAL, "", "lowest fitness (FITSTATS)"),
    GS_FIELD_RO(T, max_fitness, GS_REAL, "", "highest fitness (FITSTATS)"),
    GS_FIELD_RO(T, avg_fitness, GS_REAL, "", "mean fitness (FITSTATS)"),
    GS_FIELD_RO(T, stdev_fitness, GS_REAL, "", "standard deviation of the fitnesses"),
    GS_FIELD_RO(T, min_fitness_index, GS_INT, "", "table of the lowest fitness"),
    GS_FIELD_RO(T, max_fitness_index, GS_INT, "", "table of the highest fitness"),
    GS_FIELD(T, preserve, GS_INT, "", "best tables kept unchanged each generation"),
    GS_FIELD(T, crossover_type, GS_INT, "", "0: exactly crossover_number cuts, 1: on average"),
    GS_FIELD(T, crossover_probability, GS_REAL, "", "fraction of tables crossed over"),
    GS_FIELD(T, crossover_number, GS_INT, "", "cuts per crossing-over"),
    GS_FIELD(T, crossover_break_param, GS_INT, "", "1: cuts may fall inside a parameter"),
    GS_FIELD(T, mutation_probability, GS_REAL, "", "probability of mutation per bit"),
    GS_FIELD(T, use_gray_code, GS_INT, "", "1: parameters are Gray coded"),
    GS_FIELD(T, do_restart, GS_INT, "", "1: reseed after restart_after poor generations"),
    GS_FIELD(T, restart_after, GS_INT, "", "poor generations before a reseeding"),
    GS_FIELD_RO(T, restart_count, GS_INT, "", "poor generations so far"),
    GS_FIELD_RO(T, old_fitness, GS_REAL, "", "the fitness to beat"),
    GS_FIELD(T, restart_thresh, GS_REAL, "", "progress that counts as a good generation"),
    GS_FIELD_END,
};

static const struct gs_field ga_arrays[] = {
    GS_FIELD(T, search, GS_INT, "", "1: search this parameter"),
    GS_FIELD(T, type, GS_INT, "", "0: additive, 1: multiplicative"),
    GS_FIELD(T, center, GS_REAL, "", "centre of the parameter's range"),
    GS_FIELD(T, range, GS_REAL, "", "range of the parameter"),
    GS_FIELD(T, label, GS_STR, "", "name of the parameter"),
    GS_FIELD(T, best, GS_REAL, "", "best parameter values"),
    GS_FIELD_F(T, param, GS_INT, GS_F_RO | GS_F_HIDDEN, "",
               "coded parameters (getparamGA/setparamGA read and write them)"),
    GS_FIELD_F(T, temp, GS_INT, GS_F_RO | GS_F_HIDDEN, "", "scratch copy of param"),
    GS_FIELD(T, fitness, GS_REAL, "", "fitness of each table"),
    GS_FIELD_F(T, tempfitness, GS_REAL, GS_F_RO | GS_F_HIDDEN, "", "scratch fitnesses"),
    GS_FIELD_F(T, fitrank, GS_INT, GS_F_RO | GS_F_HIDDEN, "", "tables by fitness"),
    GS_FIELD_RO(T, normfitness, GS_REAL, "", "normalised fitness of each table"),
    GS_FIELD_RO(T, cumulfitness, GS_REAL, "", "cumulative normalised fitness"),
    GS_FIELD_F(T, selectindex, GS_INT, GS_F_RO | GS_F_HIDDEN, "", "tables free for crossing"),
    GS_FIELD_END,
};
static const enum ptab_len ga_lens[] = {
    PTAB_LEN_NPARAMS,        PTAB_LEN_NPARAMS,        PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS,        PTAB_LEN_NPARAMS,        PTAB_LEN_TABLES_PARAMS,
    PTAB_LEN_TABLES_PARAMS,  PTAB_LEN_NTABLES,        PTAB_LEN_NTABLES, PTAB_LEN_NTABLES,
    PTAB_LEN_NTABLES,        PTAB_LEN_NTABLES,        PTAB_LEN_NTABLES,
};

/* GENESIS's SAVE layout (coded parameters as 8-byte unsigned longs, as
 * GENESIS 2.4 writes them on a 64-bit machine; labels of 81 bytes). */
static const struct ptab_io ga_file_head[] = {
    {PTAB_IO_INT, offsetof(T, generation), 0},
    {PTAB_IO_INT, offsetof(T, num_tables), 0},
    {PTAB_IO_INT, offsetof(T, num_params), 0},
    {PTAB_IO_INT, offsetof(T, num_params_to_search), 0},
    {PTAB_IO_SHORT, offsetof(T, param_size), 0},
    {PTAB_IO_SHORT, offsetof(T, bits_per_parameter), 0},
    {PTAB_IO_ULONG, offsetof(T, max_parameter), 0},
    {PTAB_IO_END, 0, 0},
};
static const struct ptab_io ga_file_body[] = {
    {PTAB_IO_SHORTS, offsetof(T, search), PTAB_LEN_NPARAMS},
    {PTAB_IO_SHORTS, offsetof(T, type), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, center), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, range), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, best), PTAB_LEN_NPARAMS},
    {PTAB_IO_DOUBLE, offsetof(T, best_match), 0},
    {PTAB_IO_LABELS1, offsetof(T, label), PTAB_LEN_NPARAMS},
    {PTAB_IO_ULONGS, offsetof(T, param), PTAB_LEN_TABLES_PARAMS},
    {PTAB_IO_ULONGS, offsetof(T, temp), PTAB_LEN_TABLES_PARAMS},
    {PTAB_IO_DOUBLES, offsetof(T, fitness), PTAB_LEN_NTABLES},
    {PTAB_IO_DOUBLES, offsetof(T, tempfitness), PTAB_LEN_NTABLES},
    {PTAB_IO_INTS, offsetof(T, fitrank), PTAB_LEN_NTABLES},
    {PTAB_IO_DOUBLE, offsetof(T, min_fitness), 0},
    {PTAB_IO_DOUBLE, offsetof(T, max_fitness), 0},
    {PTAB_IO_DOUBLE, offsetof(T, avg_fitness), 0},
    {PTAB_IO_DOUBLE, offsetof(T, stdev_fitness), 0},
    {PTAB_IO_INT, offsetof(T, min_fitness_index), 0},
    {PTAB_IO_INT, offsetof(T, max_fitness_index), 0},
    {PTAB_IO_DOUBLES, offsetof(T, normfitness), PTAB_LEN_NTABLES},
    {PTAB_IO_DOUBLES, offsetof(T, cumulfitness), PTAB_LEN_NTABLES},
    {PTAB_IO_INTS, offsetof(T, selectindex), PTAB_LEN_NTABLES},
    {PTAB_IO_INT, offsetof(T, preserve), 0},
    {PTAB_IO_SHORT, offsetof(T, crossover_type), 0},
    {PTAB_IO_DOUBLE, offsetof(T, crossover_probability), 0},
    {PTAB_IO_INT, offsetof(T, crossover_number), 0},
    {PTAB_IO_SHORT, offsetof(T, crossover_break_param), 0},
    {PTAB_IO_DOUBLE, offsetof(T, mutation_probability), 0},
    {PTAB_IO_SHORT, offsetof(T, use_gray_code), 0},
    {PTAB_IO_SHORT, offsetof(T, do_restart), 0},
    {PTAB_IO_INT, offsetof(T, restart_after), 0},
    {PTAB_IO_INT, offsetof(T, restart_count), 0},
    {PTAB_IO_DOUBLE, offsetof(T, old_fitness), 0},
    {PTAB_IO_DOUBLE, offsetof(T, restart_thresh), 0},
    {PTAB_IO_END, 0, 0},
};
#undef T

#define GA(el) ((struct paramtableGA *)(void *)(el))

/* The code of table T's parameter I. */
static uint32_t *
code(struct paramtableGA *g, int *arr, int t, int i)
{
    return (uint32_t *)(void *)&arr[(size_t)t * (size_t)g->num_params + (size_t)i];
}

static int
ga_ntables(const struct gs_element *el)
{
    return GA(el)->num_tables;
}

static void
ga_init_param(struct ptab *p, int i, double c)
{
    struct paramtableGA *g = GA(p);
    g->center[i] = c;
    g->search[i] = 1;
    g->num_params_to_search++; /* as GENESIS: counts calls, not parameters */
}

/* Makes the tables for the counts and param_size now in G (checked). */
static enum gs_status
ga_make_tables(struct gs_sim *sim, struct paramtableGA *g, const char *action)
{
    if (g->num_tables < 0 || g->num_tables > 1000000 || g->num_params < 0
        || g->num_params > 1000000 || (size_t)g->num_tables * (size_t)g->num_params > 100000000)
        return gs_error(sim, "paramtableGA: %s: the tables must be >= 0 and the parameters "
                             ">= 0 (not too many), got %d tables of %d parameters",
                        action, g->num_tables, g->num_params);
    if (g->param_size != 1 && g->param_size != 2 && g->param_size != 4)
        return gs_error(sim, "paramtableGA: %s: param_size must be 1, 2 or 4, got %d", action,
                        g->param_size);
    g->bits_per_parameter = 8 * g->param_size;
    g->max_parameter = (uint32_t)((1ull << g->bits_per_parameter) - 1);
    if (sim->opt.silent < 1)
        gs_out(sim, "Creating %d tables with %d parameters each.\nUsing %d-byte parameters "
                    "i.e. %d bits per parameter.\n",
               g->num_tables, g->num_params, g->param_size, g->bits_per_parameter);
    ptab_alloc_arrays(&g->el, g->num_params);
    return GS_OK;
}

static enum gs_status
ga_file_alloc(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableGA *g = GA(el);
    if (ga_make_tables(sim, g, "RESTORE") != GS_OK)
        return GS_ERR;
    return GS_OK;
}

const struct ptab_class paramtableGA_ptab = {
    .arrays = ga_arrays,
    .lens = ga_lens,
    .ntables = ga_ntables,
    .has_ntosearch = true,
    .init_param = ga_init_param,
    .file_head = ga_file_head,
    .file_body = ga_file_body,
    .file_alloc = ga_file_alloc,
};

/* ---- coding parameters as bit strings ------------------------------------ */

static uint32_t
from_gray(uint32_t v)
{
    for (int sh = 1; sh < 32; sh <<= 1)
        v ^= v >> sh;
    return v;
}

/* The code of value PAR of parameter I. A value outside the range wraps
 * around within the code's bits, as GENESIS's conversion of the scaled
 * value to an unsigned long, Gray coding and truncation to param_size
 * bytes make it do. */
static uint32_t
ga_encode(const struct paramtableGA *g, int i, double center, double par)
{
    double range = g->range[i], lo = center - range, hi = center + range, x;
    if (g->type[i] == 0)
        x = fabs(range) < PTAB_TINY ? 0.0 : (par - lo) / (hi - lo) * g->max_parameter;
    else
        x = fabs(range - 1.0) < PTAB_TINY
                ? 0.0
                : 0.5 * (log(par / center) / log(range) + 1.0) * g->max_parameter;
    /* x86-64's double to unsigned long: the truncated value, two's
     * complement when negative, 2^63 when out of reach */
    uint64_t v = fabs(x) < 9.2e18 ? (uint64_t)(int64_t)x : (uint64_t)1 << 63;
    if (g->use_gray_code)
        v ^= v >> 1;
    return (uint32_t)(v & g->max_parameter);
}

static double
ga_decode(const struct paramtableGA *g, int i, double center, uint32_t v)
{
    double range = g->range[i], lo = center - range, hi = center + range;
    double d = (double)(g->use_gray_code ? from_gray(v) : v);
    if (g->type[i] == 0)
        return fabs(range) < PTAB_TINY ? center : d / (double)g->max_parameter * (hi - lo) + lo;
    return fabs(range - 1.0) < PTAB_TINY
               ? center
               : center * exp((d / (double)g->max_parameter * 2.0 - 1.0) * log(range));
}

double
ptab_ga_get(const struct gs_element *el, int t, int i)
{
    struct paramtableGA *g = GA(el);
    return ga_decode(g, i, g->center[i], *code(g, g->param, t, i));
}

void
ptab_ga_set(struct gs_element *el, int t, int i, double v)
{
    struct paramtableGA *g = GA(el);
    *code(g, g->param, t, i) = ga_encode(g, i, g->center[i], v);
}

int
ptab_ga_ntables(const struct gs_element *el)
{
    return GA(el)->alloced ? GA(el)->num_tables : 0;
}

/* ---- the actions ---------------------------------------------------------- */

static enum gs_status
ga_check_ranges(struct gs_sim *sim, struct paramtableGA *g, const char *action)
{
    for (int i = 0; i < g->num_params; i++) {
        if (g->type[i] == 0 && g->range[i] < 0.0)
            return gs_error(sim, "paramtableGA: %s: range[%d] of an additive parameter must be "
                                 ">= 0, got %g",
                            action, i, g->range[i]);
        if (g->type[i] == 1 && g->range[i] < 1.0)
            return gs_error(sim, "paramtableGA: %s: range[%d] of a multiplicative parameter "
                                 "must be >= 1, got %g",
                            action, i, g->range[i]);
    }
    return GS_OK;
}

static enum gs_status
ga_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableGA *g = GA(el);
    int nt, np, size = g->param_size;
    if (argc < 2 || argc > 3)
        return gs_error(sim, "paramtableGA: TABCREATE expects num_tables num_params "
                             "[param_size]; got %d arguments",
                        argc);
    if (ptab_int(sim, el, "TABCREATE", "num_tables", argv[0], &nt) != GS_OK
        || ptab_int(sim, el, "TABCREATE", "num_params", argv[1], &np) != GS_OK
        || (argc == 3 && ptab_int(sim, el, "TABCREATE", "param_size", argv[2], &size) != GS_OK))
        return GS_ERR;
    struct paramtableGA probe = *g;
    probe.num_tables = nt;
    probe.num_params = np;
    probe.param_size = size;
    if (nt < 0 || np < 0 || (size != 1 && size != 2 && size != 4))
        return ga_make_tables(sim, &probe, "TABCREATE"); /* names what is wrong */
    g->generation = 0;
    ptab_free(el);
    g->num_tables = nt;
    g->num_params = np;
    g->param_size = size;
    return ga_make_tables(sim, g, "TABCREATE");
}

static enum gs_status
ga_tabdelete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    ptab_free(el);
    return GS_OK;
}

/* A value drawn within parameter I's range (GENESIS's frandom, the
 * logarithm of the factor uniform for a multiplicative one). */
static double
ga_draw(struct gs_sim *sim, const struct paramtableGA *g, int i)
{
    double c = g->center[i], r = g->range[i];
    if (g->type[i] == 0)
        return ptab_frandom(sim, c - r, c + r);
    return c * exp(ptab_frandom(sim, -log(r), log(r)));
}

/* Draws tables FIRST.. afresh: the searched parameters (every one with
 * ALL, as GENESIS's RESTART does); the others, and table FIRST with
 * KEEP_FIRST, are the centre. */
static void
ga_seed(struct gs_sim *sim, struct paramtableGA *g, int first, bool keep_first, bool all)
{
    for (int t = first; t < g->num_tables; t++)
        for (int i = 0; i < g->num_params; i++) {
            bool draw = (all || g->search[i]) && !(t == first && keep_first);
            double v = draw ? ga_draw(sim, g, i) : g->center[i];
            *code(g, g->param, t, i) = ga_encode(g, i, g->center[i], v);
        }
}

static enum gs_status
ga_randomize(struct gs_sim *sim, struct paramtableGA *g, bool random_first, const char *action)
{
    if (ptab_need_tables(sim, &g->el, action) != GS_OK
        || ga_check_ranges(sim, g, action) != GS_OK)
        return GS_ERR;
    ga_seed(sim, g, 0, !random_first, false);
    return GS_OK;
}

static enum gs_status
ga_initsearch(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableGA *g = GA(el);
    bool random_first = argc > 0 && strcmp(argv[0], "random") == 0;
    if (argc > 1 || (argc == 1 && !random_first))
        return gs_error(sim, "paramtableGA: INITSEARCH expects nothing or 'random', got '%s'",
                        argv[argc - 1]);
    if (ptab_need_tables(sim, el, "INITSEARCH") != GS_OK)
        return GS_ERR;
    g->generation = 0;
    return ga_randomize(sim, g, random_first, "INITSEARCH");
}

static enum gs_status
ga_randomize_action(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    return ga_randomize(sim, GA(el), false, "RANDOMIZE");
}

/* GENESIS's ranking: a quicksort of the table numbers by fitness, largest
 * first (its pivot choice and swaps, so that ties fall as they do there). */
static void
rank_swap(int *rank, double *fit, int i, int j)
{
    int r = rank[i];
    double f = fit[i];
    rank[i] = rank[j];
    fit[i] = fit[j];
    rank[j] = r;
    fit[j] = f;
}

static void
rank_sort(int *rank, double *fit, int left, int right)
{
    while (left < right) {
        rank_swap(rank, fit, left, (left + right) / 2);
        int last = left;
        for (int i = left + 1; i <= right; i++)
            if (fit[i] > fit[left])
                rank_swap(rank, fit, ++last, i);
        rank_swap(rank, fit, left, last);
        rank_sort(rank, fit, left, last - 1);
        left = last + 1;
    }
}

static void
ga_sortranks(struct paramtableGA *g)
{
    for (int t = 0; t < g->num_tables; t++) {
        g->fitrank[t] = t;
        g->tempfitness[t] = g->fitness[t];
    }
    rank_sort(g->fitrank, g->tempfitness, 0, g->num_tables - 1);
}

/* normfitness and cumulfitness from fitness; false when they cannot be
 * made (a sum of fitnesses that is not positive, or one that does not
 * come to 1 after normalising). */
static bool
ga_normalise(struct paramtableGA *g, double *sum_out)
{
    double sum = 0.0, cum = 0.0;
    for (int t = 0; t < g->num_tables; t++)
        sum += g->fitness[t];
    *sum_out = sum;
    if (!(sum > PTAB_TINY))
        return false;
    for (int t = 0; t < g->num_tables; t++) {
        g->normfitness[t] = g->fitness[t] / sum;
        cum += g->normfitness[t];
        g->cumulfitness[t] = cum;
    }
    return fabs(cum - 1.0) <= PTAB_TINY;
}

static void
copy_row(struct paramtableGA *g, int *dst, int dt, const int *src, int st)
{
    memcpy(&dst[(size_t)dt * (size_t)g->num_params], &src[(size_t)st * (size_t)g->num_params],
           (size_t)g->num_params * sizeof *dst);
}

static enum gs_status
ga_reproduce(struct gs_sim *sim, struct paramtableGA *g)
{
    double sum;
    if (g->preserve < 0 || g->preserve > g->num_tables)
        return gs_error(sim, "paramtableGA: REPRODUCE: preserve must be between 0 and the "
                             "number of tables (%d), got %d",
                        g->num_tables, g->preserve);
    ga_sortranks(g);
    if (!ga_normalise(g, &sum))
        return gs_error(sim, "paramtableGA: REPRODUCE: the sum of the fitness values must be "
                             "a positive number, got %g",
                        sum);
    for (int t = 0; t < g->num_tables; t++)
        g->tempfitness[t] = g->fitness[t];
    memcpy(g->temp, g->param, (size_t)g->num_tables * (size_t)g->num_params * sizeof *g->temp);
    for (int t = 0; t < g->preserve; t++) {
        copy_row(g, g->param, t, g->temp, g->fitrank[t]);
        g->fitness[t] = g->tempfitness[g->fitrank[t]];
    }
    for (int t = g->preserve; t < g->num_tables; t++) {
        /* the first table whose cumulative fitness reaches the draw */
        double u = ptab_urandom(sim);
        int k = 0;
        while (k < g->num_tables - 1 && g->cumulfitness[k] < u)
            k++;
        copy_row(g, g->param, t, g->temp, k);
        g->fitness[t] = g->tempfitness[k];
    }
    for (int t = 0; t < g->num_tables; t++)
        g->normfitness[t] = g->cumulfitness[t] = 0.0;
    return GS_OK;
}

/* Two tables drawn from the first LAST entries of SEL, each taken out. */
static int
take_index(struct gs_sim *sim, int *sel, int *last)
{
    int k = (int)ptab_frandom(sim, 0.0, (double)(float)*last);
    int idx = sel[k];
    sel[k] = sel[*last - 1];
    sel[*last - 1] = -1;
    (*last)--;
    return idx;
}

/* The cut positions (bit numbers from the top of the string, ascending)
 * of one crossing-over. Returns how many, at most MAXN. */
static int
cut_positions(struct gs_sim *sim, const struct paramtableGA *g, long *cuts)
{
    int len = g->bits_per_parameter;
    long size = (long)len * g->num_params;
    int max = g->crossover_break_param ? (int)(size - 1) : g->num_params - 1;
    int n = 0;
    if (g->crossover_type == 0) {
        /* exactly crossover_number distinct cuts: a drawn one already taken
         * moves on to the next free place */
        char *taken = xcalloc((size_t)max + 2, 1);
        for (int c = 0; c < g->crossover_number; c++) {
            int k = (int)(ptab_urandom(sim) * max) + 1;
            while (taken[k])
                k = k == max ? 1 : k + 1;
            taken[k] = 1;
        }
        for (int k = 1; k <= max; k++)
            if (taken[k])
                cuts[n++] = g->crossover_break_param ? k : (long)k * len;
        free(taken);
    } else {
        /* every place a cut with the probability that gives crossover_number on average */
        double prob = (double)g->crossover_number / (double)max;
        if (g->crossover_break_param) {
            for (long b = 1; b < size; b++)
                if (ptab_urandom(sim) < prob)
                    cuts[n++] = b;
        } else {
            for (long b = len; b < size; b += len)
                if (ptab_urandom(sim) < prob)
                    cuts[n++] = b;
        }
    }
    return n;
}

/* Crosses tables A and B of temp into param rows POS and POS + 1: each cut
 * exchanges everything after it (within a parameter, the low bits). */
static void
cross(struct gs_sim *sim, struct paramtableGA *g, int a, int b, int pos, long *cuts)
{
    int np = g->num_params, len = g->bits_per_parameter;
    int n = cut_positions(sim, g, cuts);
    uint32_t *p0 = code(g, g->param, pos, 0), *p1 = code(g, g->param, pos + 1, 0);
    uint32_t *ta = code(g, g->temp, a, 0), *tb = code(g, g->temp, b, 0);
    if (n == 0) {
        memcpy(p0, ta, (size_t)np * sizeof *p0);
        memcpy(p1, tb, (size_t)np * sizeof *p1);
        return;
    }
    for (int c = 0; c < n; c++) {
        int within = (int)(cuts[c] % len), at = (int)(cuts[c] / len);
        for (int i = 0; i < np; i++) {
            bool swap = within == 0 ? i >= at : i > at;
            p0[i] = swap ? tb[i] : ta[i];
            p1[i] = swap ? ta[i] : tb[i];
        }
        if (within != 0) {
            uint32_t low = g->max_parameter >> within;
            p0[at] = (ta[at] & ~low) + (tb[at] & low);
            p1[at] = (tb[at] & ~low) + (ta[at] & low);
        }
        if (c < n - 1) { /* the next cut crosses the result */
            memcpy(ta, p0, (size_t)np * sizeof *ta);
            memcpy(tb, p1, (size_t)np * sizeof *tb);
        }
    }
}

static enum gs_status
ga_crossover(struct gs_sim *sim, struct paramtableGA *g)
{
    if (!(g->crossover_probability >= 0.0 && g->crossover_probability <= 1.0))
        return gs_error(sim, "paramtableGA: CROSSOVER: crossover_probability must be between 0 "
                             "and 1, got %g",
                        g->crossover_probability);
    if (g->crossover_type != 0 && g->crossover_type != 1)
        return gs_error(sim, "paramtableGA: CROSSOVER: crossover_type must be 0 or 1, got %d",
                        g->crossover_type);
    int maxcuts = g->crossover_break_param ? g->num_params * g->bits_per_parameter - 1
                                           : g->num_params - 1;
    if (g->crossover_number < 0 || g->crossover_number > maxcuts)
        return gs_error(sim, "paramtableGA: CROSSOVER: crossover_number must be between 0 and "
                             "%d, got %d",
                        maxcuts, g->crossover_number);
    if (g->preserve < 0 || g->preserve > g->num_tables)
        return gs_error(sim, "paramtableGA: CROSSOVER: preserve must be between 0 and the "
                             "number of tables (%d), got %d",
                        g->num_tables, g->preserve);
    ga_sortranks(g);
    int last = g->num_tables - g->preserve;
    for (int t = 0; t < g->num_tables; t++)
        g->selectindex[t] = t < last ? g->fitrank[t] : -1;
    memcpy(g->temp, g->param, (size_t)g->num_tables * (size_t)g->num_params * sizeof *g->temp);
    int ncross = (int)((g->num_tables - g->preserve) * g->crossover_probability / 2.0);
    long *cuts = xcalloc((size_t)g->num_params * (size_t)g->bits_per_parameter + 1, sizeof *cuts);
    for (int c = 0; c < ncross; c++) {
        int a = take_index(sim, g->selectindex, &last);
        int b = take_index(sim, g->selectindex, &last);
        cross(sim, g, a, b, 2 * c + g->preserve, cuts);
    }
    free(cuts);
    for (int k = 0; k < last; k++)
        copy_row(g, g->param, g->preserve + 2 * ncross + k, g->temp, g->selectindex[k]);
    return GS_OK;
}

static enum gs_status
ga_mutate(struct gs_sim *sim, struct paramtableGA *g)
{
    for (int t = g->preserve > 0 ? g->preserve : 0; t < g->num_tables; t++)
        for (int i = 0; i < g->num_params; i++) {
            if (!g->search[i])
                continue;
            uint32_t *v = code(g, g->param, t, i);
            for (int b = 0; b < g->bits_per_parameter; b++)
                if (ptab_urandom(sim) < g->mutation_probability)
                    *v ^= (uint32_t)1 << b;
        }
    return GS_OK;
}

static enum gs_status
ga_fitstats(struct gs_sim *sim, struct paramtableGA *g)
{
    double sum = 0.0, sumsq = 0.0, lo = 9999999.0, hi = -9999999.0;
    int ilo = 9999999, ihi = 9999999, n = g->num_tables;
    for (int t = 0; t < n; t++) {
        double f = g->fitness[t];
        sum += f;
        sumsq += f * f;
        if (f < lo) {
            lo = f;
            ilo = t;
        }
        if (f > hi) {
            hi = f;
            ihi = t;
        }
    }
    if (!(sum > PTAB_TINY))
        return gs_error(sim, "paramtableGA: FITSTATS: the sum of the fitness values must be a "
                             "positive number, got %g",
                        sum);
    g->min_fitness = lo;
    g->min_fitness_index = ilo;
    g->max_fitness = hi;
    g->max_fitness_index = ihi;
    g->avg_fitness = sum / n;
    g->stdev_fitness = n > 1 ? sqrt((sumsq - sum * sum / n) / (n - 1)) : 0.0;
    if (!ga_normalise(g, &sum))
        return gs_error(sim, "paramtableGA: FITSTATS: the normalised fitness values do not "
                             "sum to 1");
    return GS_OK;
}

#define GA_ACTION(name, fn, what)                                                                \
    static enum gs_status name(struct gs_sim *sim, struct gs_element *el, int argc,              \
                               const char *const *argv)                                         \
    {                                                                                            \
        (void)argc, (void)argv;                                                                  \
        if (ptab_need_tables(sim, el, what) != GS_OK)                                            \
            return GS_ERR;                                                                       \
        return fn(sim, GA(el));                                                                  \
    }
GA_ACTION(ga_reproduce_action, ga_reproduce, "REPRODUCE")
GA_ACTION(ga_crossover_action, ga_crossover, "CROSSOVER")
GA_ACTION(ga_mutate_action, ga_mutate, "MUTATE")
GA_ACTION(ga_fitstats_action, ga_fitstats, "FITSTATS")

static void
ga_restart(struct gs_sim *sim, struct paramtableGA *g)
{
    gs_out(sim, "\n\n>>>>> Reseeding parameter table! <<<<<\n\n");
    ga_seed(sim, g, g->preserve > 0 ? g->preserve : 0, false, true);
}

static enum gs_status
ga_restart_action(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    if (ptab_need_tables(sim, el, "RESTART") != GS_OK
        || ga_check_ranges(sim, GA(el), "RESTART") != GS_OK)
        return GS_ERR;
    ga_restart(sim, GA(el));
    return GS_OK;
}

static enum gs_status
ga_update_params(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableGA *g = GA(el);
    if (ptab_need_tables(sim, el, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    if (g->do_restart) {
        if (g->max_fitness - g->old_fitness > g->restart_thresh) {
            g->old_fitness = g->max_fitness;
            g->restart_count = 0;
        } else if (g->restart_count >= g->restart_after) {
            if (ga_check_ranges(sim, g, "UPDATE_PARAMS") != GS_OK)
                return GS_ERR;
            g->restart_count = 0;
            ga_restart(sim, g);
            g->generation++;
            return GS_OK;
        } else {
            g->restart_count++;
        }
    }
    if (ga_reproduce(sim, g) != GS_OK || ga_crossover(sim, g) != GS_OK
        || ga_mutate(sim, g) != GS_OK)
        return GS_ERR;
    g->generation++;
    return GS_OK;
}

/* RECENTER: each parameter's centre moves to the middle of the values in
 * the tables (for an additive one GENESIS takes half their spread, not
 * their midpoint: kept), and the codes are redone around it. */
static enum gs_status
ga_recenter(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableGA *g = GA(el);
    if (ptab_need_tables(sim, el, "RECENTER") != GS_OK
        || ga_check_ranges(sim, g, "RECENTER") != GS_OK)
        return GS_ERR;
    for (int i = 0; i < g->num_params; i++) {
        double lo = 9999999.0, hi = -9999999.0;
        for (int t = 0; t < g->num_tables; t++) {
            double v = ga_decode(g, i, g->center[i], *code(g, g->param, t, i));
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        double c = g->type[i] == 0 ? (hi - lo) / 2.0 : sqrt(hi * lo);
        for (int t = 0; t < g->num_tables; t++) {
            uint32_t *v = code(g, g->param, t, i);
            *v = ga_encode(g, i, c, ga_decode(g, i, g->center[i], *v));
        }
        g->center[i] = c;
    }
    return GS_OK;
}

static void
ga_table(struct paramtableGA *g, struct strbuf *sb)
{
    sb_printf(sb, "Best fitness so far: %g\n", g->best_match);
    sb_puts(sb, "Parameter table data:\n");
    sb_puts(sb, "-----------------------------------------------------------------------\n");
    sb_printf(sb, "Generation number: %d\n", g->generation);
    sb_printf(sb, "Number of parameters: %d\n", g->num_params);
    sb_puts(sb, "\nParam   Varied?    Type    Range      Best             Label\n");
    sb_puts(sb, "-----   -------    ----    -----      ----             -----\n\n");
    for (int i = 0; i < g->num_params; i++) {
        double v = g->search[i] == 1 ? ptab_ga_get(&g->el, g->max_fitness_index, i)
                                     : g->center[i];
        sb_printf(sb, "%-5d   %s        %s    %-8g   %-15.6g  %s\n", i,
                  g->search[i] ? "YES" : "NO ", g->type[i] ? "mult" : "add ", g->range[i], v,
                  g->label[i]);
    }
    sb_printf(sb, "\nBest fitness so far: %.10g\n", g->best_match);
}

/* SAVEBEST's table, of the fittest member now. */
static enum gs_status
ga_best_table(struct gs_sim *sim, struct gs_element *el, struct strbuf *sb)
{
    struct paramtableGA *g = GA(el);
    if (ga_fitstats(sim, g) != GS_OK)
        return GS_ERR;
    g->best_match = g->max_fitness;
    ga_table(g, sb);
    return GS_OK;
}

static enum gs_status
ga_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return ptab_savebest(sim, el, argc, argv, ga_best_table);
}

/* RESTOREBEST: reads a SAVEBEST file: its values become table 0 (with the
 * file's search flags, types and ranges); the other tables are drawn
 * afresh. GENESIS 2.4 aborts on this action (a null file name); this is
 * what its code means to do. The whole file is checked before anything
 * changes. */
static enum gs_status
ga_restorebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableGA *g = GA(el);
    struct ptab_best f;
    if (ptab_need_tables(sim, el, "RESTOREBEST") != GS_OK
        || ptab_read_best(sim, el, argc, argv, true, &f) != GS_OK)
        return GS_ERR;
    const char *fn = argv[0];
    enum gs_status st = GS_OK;
    if (f.n != g->num_params)
        st = gs_error(sim, "paramtableGA: RESTOREBEST: '%s' holds %d parameters, the table %d",
                      fn, f.n, g->num_params);
    for (int i = 0; i < f.n && st == GS_OK; i++) {
        double c = g->center[i], range = f.range[i], best = f.best[i];
        double lo = f.type[i] == 0 ? c - range : c / range;
        double hi = f.type[i] == 0 ? c + range : c * range;
        if (f.type[i] == 0 ? range <= 0.0 : range <= 1.0)
            st = gs_error(sim, "paramtableGA: RESTOREBEST: '%s': range %g of parameter %d is "
                               "too small",
                          fn, range, i);
        else if (!f.search[i] && fabs(c - best) > PTAB_TINY)
            st = gs_error(sim, "paramtableGA: RESTOREBEST: '%s': fixed parameter %d (%g) is "
                               "not its centre (%g)",
                          fn, i, best, c);
        else if (best < lo || best > hi)
            st = gs_error(sim, "paramtableGA: RESTOREBEST: '%s': parameter %d (%g) is outside "
                               "its range",
                          fn, i, best);
    }
    if (st == GS_OK) {
        for (int i = 0; i < f.n; i++) {
            g->search[i] = f.search[i];
            g->type[i] = f.type[i];
            g->range[i] = f.range[i];
            *code(g, g->param, 0, i) = ga_encode(g, i, g->center[i], f.best[i]);
        }
        ga_seed(sim, g, 1, false, false);
    }
    ptab_best_free(&f);
    return st;
}

static enum gs_status
ga_check(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableGA *g = GA(el);
    if (!g->alloced)
        return GS_OK;
    for (int i = 0; i < g->num_params; i++)
        if (g->type[i] != 0 && g->type[i] != 1)
            return gs_error(sim, "paramtableGA: CHECK: type[%d] must be 0 or 1, got %d", i,
                            g->type[i]);
    if (ga_check_ranges(sim, g, "CHECK") != GS_OK)
        return GS_ERR;
    if (g->num_tables <= 0 || g->num_params <= 0)
        return gs_error(sim, "paramtableGA: CHECK: the tables and parameters must be > 0");
    if (g->preserve <= 0)
        return gs_error(sim, "paramtableGA: CHECK: preserve must be > 0, got %d", g->preserve);
    if (g->crossover_type != 0 && g->crossover_type != 1)
        return gs_error(sim, "paramtableGA: CHECK: crossover_type must be 0 or 1, got %d",
                        g->crossover_type);
    if (!(g->crossover_probability >= 0.0 && g->crossover_probability <= 1.0)
        || !(g->mutation_probability >= 0.0 && g->mutation_probability <= 1.0))
        return gs_error(sim, "paramtableGA: CHECK: crossover_probability and "
                             "mutation_probability must be between 0 and 1");
    int maxcuts = g->crossover_break_param ? g->num_params * g->bits_per_parameter - 1
                                           : g->num_params - 1;
    if (g->crossover_number < 0 || g->crossover_number > maxcuts)
        return gs_error(sim, "paramtableGA: CHECK: crossover_number must be between 0 and %d",
                        maxcuts);
    return GS_OK;
}

static enum gs_status
ga_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct paramtableGA *g = GA(el);
    g->param_size = 4;
    g->preserve = 1;
    g->crossover_type = 1;
    g->crossover_probability = 0.5;
    g->crossover_number = 1;
    g->mutation_probability = 0.01;
    g->use_gray_code = 1;
    g->do_restart = 1;
    g->restart_after = 25;
    g->restart_thresh = 1.0;
    return GS_OK;
}

static const struct gs_named_action ga_actions[] = {
    {"TABCREATE", "num_tables num_params [param_size]", ga_tabcreate},
    {"TABDELETE", "", ga_tabdelete},
    {"INITSEARCH", "[random]", ga_initsearch},
    {"RANDOMIZE", "", ga_randomize_action},
    {"UPDATE_PARAMS", "", ga_update_params},
    {"REPRODUCE", "", ga_reproduce_action},
    {"CROSSOVER", "", ga_crossover_action},
    {"MUTATE", "", ga_mutate_action},
    {"FITSTATS", "", ga_fitstats_action},
    {"RECENTER", "", ga_recenter},
    {"RESTART", "", ga_restart_action},
    {"SAVE", "[filename]", ptab_save},
    {"SAVEBEST", "filename", ga_savebest},
    {"RESTORE", "[filename]", ptab_restore},
    {"RESTOREBEST", "filename", ga_restorebest},
    GS_ACTION_END,
};

const struct gs_class paramtableGA_class = {
    .name = "paramtableGA",
    .classes = "param",
    .desc = "parameter search by a genetic algorithm: a population of coded parameter sets",
    .size = sizeof(struct paramtableGA),
    .fields = ga_fields,
    .extra = ga_actions,
    .create = ga_create,
    .copy = ptab_copy,
    .destroy = ptab_free,
    .check = ga_check,
    .find_field = ptab_find_field,
};
