/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_random.c: the random family: rand, gaussian, randseed, setrand and
 * setrandfield. `setrand` chooses the generator (models/base/rng.h):
 * gensh's keyed streams (the default), or GENESIS 2.4's Numerical Recipes
 * or SPRNG generator, whose numbers these commands then reproduce with
 * GENESIS's float arithmetic (docs/random.md).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../models/core/core.h"
#include "../cmd.h"

static enum gs_status cmd_gaussian_exec(struct gs_call *call);
static enum gs_status cmd_rand_exec(struct gs_call *call);
static enum gs_status cmd_randseed_exec(struct gs_call *call);
static enum gs_status cmd_setrand_exec(struct gs_call *call);
static enum gs_status cmd_setrandfield_exec(struct gs_call *call);

const struct gs_cmd cmd_gaussian_entry = {
    .name = "gaussian",
    .family = "random",
    .summary = "a normally distributed random number",
    .usage = "mean sd",
    .pos = {{"mean", GS_ARG_STR}, {"sd", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_gaussian_exec,
};

const struct gs_cmd cmd_rand_entry = {
    .name = "rand",
    .family = "random",
    .summary = "a uniform random number in [lo, hi]",
    .usage = "lo hi",
    .pos = {{"lo", GS_ARG_STR}, {"hi", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_rand_exec,
};

const struct gs_cmd cmd_randseed_entry = {
    .name = "randseed",
    .family = "random",
    .summary = "seed every random number generator",
    .usage = "[seed]",
    .pos = {{"seed", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_MUTATES,
    .exec = cmd_randseed_exec,
};

static const struct gs_opt setrand_opts[] = {
    {"-keyed", 0, GS_ARG_STR,
     "gensh's keyed streams (the default; the same draws on any number of nodes)"},
    {"-nr", 0, GS_ARG_STR,
     "GENESIS's Numerical Recipes generator"},
    {"-sprng", 0, GS_ARG_STR,
     "GENESIS's SPRNG generator"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_setrand_entry = {
    .name = "setrand",
    .family = "random",
    .summary = "choose the random number generator (no option: say which is in use)",
    .usage = "[-keyed] [-nr] [-sprng]",
    .min_pos = 0,
    .max_pos = 0,
    .opts = setrand_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_setrand_exec,
};

static const struct gs_opt setrandfield_opts[] = {
    {"-exponential", 2, GS_ARG_REAL,
     "mid max: exponential values, 1/e point mid, at most max"},
    {"-gaussian", 2, GS_ARG_REAL,
     "mean sd: Gaussian values"},
    {"-uniform", 2, GS_ARG_REAL,
     "low high: uniform values"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_setrandfield_entry = {
    .name = "setrandfield",
    .family = "random",
    .summary = "set a field of elements to random values",
    .usage = "path field [-exponential mid max] [-gaussian mean sd] [-uniform low high]",
    .pos = {{"path", GS_ARG_STR}, {"field", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = setrandfield_opts,
    .flags = GS_CMD_MUTATES | GS_CMD_ACK,
    .exec = cmd_setrandfield_exec,
};

/* ---- helpers -------------------------------------------------------------- */

/* Positional I as GENESIS's Atof reads it (sscanf "%f": the longest
 * numeric prefix, 0 when there is none), as a double (*d) and as GENESIS's
 * float (*f). A word that is not wholly a number is what GENESIS silently
 * tolerates (`rand 0 population` in a real script): gensh says so in a
 * warning and goes on the same way. */
static void
number_word(struct gs_call *call, int i, double *d, float *f)
{
    const char *w = gs_arg(call, i);
    char *end;
    *f = strtof(w, &end);
    if (gs_parse_real(w, d))
        return;
    if (end == w)
        *f = 0.0f;
    *d = *f;
    gs_warn(call->sim, "'%s' is not a number: read as %g, as GENESIS does", w,
            *d);
}

/* ---- exec functions ---------------------------------------------------------- */

static enum gs_status
cmd_gaussian_exec(struct gs_call *call)
{
    struct gs_rng *r = &call->sim->rng;
    double mean, sd;
    float fmean, fsd;
    number_word(call, 0, &mean, &fmean);
    number_word(call, 1, &sd, &fsd);
    if (sd < 0)
        return gs_error(call->sim, "standard deviation must be >= 0, got '%s'", gs_arg(call, 1));
    if (rng_genesis(r))
        gs_result_real(call, rng_genesis_rangauss(r, fmean, fsd * fsd));
    else
        gs_result_real(call, mean + sd * rng_gauss(r));
    return GS_OK;
}

static enum gs_status
cmd_rand_exec(struct gs_call *call)
{
    struct gs_rng *r = &call->sim->rng;
    double lo, hi;
    float flo, fhi;
    number_word(call, 0, &lo, &flo);
    number_word(call, 1, &hi, &fhi);
    if (hi < lo)
        return gs_error(call->sim, "expected lo <= hi, got %s > %s", gs_arg(call, 0),
                        gs_arg(call, 1));
    if (rng_genesis(r)) {
        /* GENESIS's frandom on Atof's floats: float arithmetic throughout */
        float u = rng_genesis_urandom(r);
        gs_result_real(call, u * (fhi - flo) + flo);
    } else {
        gs_result_real(call, lo + (hi - lo) * rng_uniform(r));
    }
    return GS_OK;
}

static enum gs_status
cmd_randseed_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    /* No seed: one from the clock, returned so a run can be repeated. */
    long seed = gs_arg(call, 0) ? gs_arg_int(call, 0) : (long)time(NULL);
    sim->opt.seed = (unsigned long)seed;
    rng_seed(&sim->rng, (uint64_t)seed);
    /* GENESIS reads the seed with atoi and seeds both of its generators,
     * whichever is in use. */
    rng_genesis_seed(&sim->rng, (long)(int)seed);
    gs_result_int(call, rng_genesis(&sim->rng) ? (long)(int)seed : seed);
    return GS_OK;
}

static enum gs_status
cmd_setrand_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    static const enum gs_rng_kind kinds[] = {GS_RNG_KEYED, GS_RNG_NR, GS_RNG_SPRNG};
    int chosen = -1;
    for (int i = 0; i < call->noptv; i++) {
        if (chosen >= 0 && call->optv[i].opt != chosen)
            return gs_error(sim, "expected at most one of -keyed, -nr, -sprng");
        chosen = call->optv[i].opt;
    }
    if (chosen >= 0)
        sim->rng.kind = kinds[chosen];
    if (sim->opt.silent < 1) {
        switch (sim->rng.kind) {
        case GS_RNG_NR:
            gs_out(sim, "Using Numerical Recipes random number generator\n");
            break;
        case GS_RNG_SPRNG:
            gs_out(sim, "Using SPRNG random number generator\n");
            break;
        case GS_RNG_KEYED:
            gs_out(sim, "Using gensh keyed random number streams\n");
            break;
        }
    }
    return GS_OK;
}

enum randfield_mode { RF_UNIFORM, RF_GAUSSIAN, RF_EXPONENTIAL };

/* One value of setrandfield's distribution. GENESIS mode: its
 * do_random_field arithmetic (float parameters, frandom in float,
 * rangauss, exponential by -log(urandom) redrawn above max). gensh's
 * streams: keyed by the call and the element, so a rank sets the same
 * value on an element whatever else it holds. */
static double
randfield_value(struct gs_rng *r, enum randfield_mode mode, float a, float b, uint64_t call_key,
                uint64_t id)
{
    bool g = rng_genesis(r);
    if (mode == RF_UNIFORM) {
        if (g)
            return rng_genesis_urandom(r) * (b - a) + a;
        return (double)a + ((double)b - (double)a) * rng_key_uniform(call_key, id, 0, 0);
    }
    if (mode == RF_GAUSSIAN) {
        if (g)
            return rng_genesis_rangauss(r, a, b * b);
        return (double)a + (double)b * rng_key_gauss(call_key, id, 0, 0);
    }
    /* exponential: mid a, max b > 0 (checked), so a redraw ends */
    for (uint64_t k = 0;; k++) {
        double x;
        if (g) {
            do
                x = rng_genesis_urandom(r);
            while (x == 0.0);
        } else {
            x = 1.0 - rng_key_uniform(call_key, id, 0, k); /* (0, 1] */
        }
        double v = (double)a * -log(x);
        if (v <= (double)b)
            return v;
    }
}

static enum gs_status
cmd_setrandfield_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    static const char *const names[] = {"-uniform", "-gaussian", "-exponential"};
    int mode = -1;
    for (int i = 0; i < 3; i++) {
        if (!gs_has_opt(call, names[i]))
            continue;
        if (mode >= 0)
            return gs_error(sim, "expected one of -uniform, -gaussian, -exponential, got %s and %s",
                            names[mode], names[i]);
        mode = i;
    }
    if (mode < 0)
        return gs_error(sim, "expected one of -uniform low high, -gaussian mean sd, "
                             "-exponential mid max");
    /* GENESIS keeps the parameters as floats (Atof). */
    float a = (float)gs_optval_real(call, names[mode], 0);
    float b = (float)gs_optval_real(call, names[mode], 1);
    if (!isfinite(a) || !isfinite(b))
        return gs_error(sim, "%s expects finite numbers, got '%s' '%s'", names[mode],
                        gs_optval(call, names[mode], 0), gs_optval(call, names[mode], 1));
    if (mode == RF_GAUSSIAN && b < 0)
        return gs_error(sim, "-gaussian: the standard deviation must be >= 0, got '%s'",
                        gs_optval(call, names[mode], 1));
    if (mode == RF_EXPONENTIAL && (a <= 0 || b <= 0))
        return gs_error(sim, "-exponential: mid and max must be > 0, got '%s' '%s'",
                        gs_optval(call, names[mode], 0), gs_optval(call, names[mode], 1));

    const char *path = gs_arg(call, 0), *field = gs_arg(call, 1);
    struct gs_elist l = GS_ELIST_INIT;
    enum gs_status st;
    if (path_is_pattern(path)) {
        st = path_glob(sim, path, &l);
        if (st == GS_OK && l.n == 0)
            st = gs_error(sim, "no element matches '%s'", path);
    } else {
        struct gs_element *el;
        st = path_find(sim, path, &el);
        if (st == GS_OK)
            elist_add(&l, el);
    }
    /* Every element must take a number in the field before any draw. */
    const char *probe = "0";
    for (size_t i = 0; st == GS_OK && i < l.n; i++)
        st = field_check_many(sim, l.v[i], 1, &field, &probe);
    uint64_t call_key = rng_genesis(&sim->rng) ? 0 : rng_next(&sim->rng);
    for (size_t i = 0; st == GS_OK && i < l.n; i++) {
        double v = randfield_value(&sim->rng, (enum randfield_mode)mode, a, b, call_key,
                                   elem_identity(l.v[i]));
        /* GENESIS hands the value over as "%e" text: 7 significant digits */
        char text[64];
        snprintf(text, sizeof text, "%e", v);
        st = field_set(sim, l.v[i], field, text);
    }
    elist_free(&l);
    return st;
}
