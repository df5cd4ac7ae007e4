/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * paramtableCG.c: GENESIS's gradient parameter search ("conjugate
 * gradient"). Each UPDATE_PARAMS takes the match of the point just
 * simulated and picks the next one: first the partial derivatives, one
 * parameter at a time, by central differences extrapolated to a zero step
 * (Ridders' method: up to ten step sizes per derivative); then a line
 * minimisation along the new direction (a bracket of the minimum by
 * golden-ratio steps and parabolic extrapolation, then Brent's method);
 * then the derivatives again, until two line minima agree within
 * `tolerance`. Multiplicative parameters move in their logarithm. As in
 * GENESIS, the direction is always the steepest descent (its conjugate
 * update is never switched on). No random draws but RANDOMIZE's.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

#define DERIV_NTAB 10         /* step sizes per derivative */
#define DERIV_DECR 1.4        /* default shrinking of the step */
#define DERIV_SAFE 2.0
#define DERIV_DECR_ON_ERROR 5.0
#define DERIV_MAX_ERROR 0.2   /* relative error that makes a derivative start again */
#define DERIV_MAX_COUNT (4 * DERIV_NTAB)
#define DERIV_SMALL 0.001     /* a derivative and error this small are accepted */
#define DERIV_TINY 0.0001     /* a gradient this small ends the search */
#define LINEMIN_INITSTEP 0.01
#define GOLD 1.61803398874989484820
#define CGOLD 0.38196601125010515180
#define GLIMIT 100.0
#define BRENT_ITMAX 100
#define ZEPS 1.0e-10
#define STINY 1.0e-20

enum { CG_START, CG_GRADIENT, CG_LINEMIN };
enum { DERIV1HI = 1, DERIV1LO, DERIV2HI, DERIV2LO };
enum { LM_BRACKET = 1, LM_BRENT };
enum { BR_INIT = 1001, BR_INIT2, BR_TEST1, BR_TEST2, BR_TEST3, BR_TEST4, BRENT_INIT, BRENT_MAIN };

struct paramtableCG {
    PTAB_HEAD;
    double *realcenter, *realrange, *realmin, *realmax, *realcurrent;
    int linemin_number;
    int state;
    int deriv_method;
    double orig_param;  /* the parameter's value before its derivative's steps */
    double h, h_init;   /* the derivative's step */
    int deriv_count;
    int deriv_state;
    int deriv_index;
    double *deriv_h_init, *deriv_h_decrease, *deriv_h_min;
    double *deriv_matrix; /* [DERIV_NTAB][DERIV_NTAB] Ridders' tableau */
    double *deriv, *g, *dir;
    double tolerance;
    int linemin_state, linemin_init, linemin_bracket_state;
    double *linemin_bracket, *linemin_mbracket; /* [3] */
    int linemin_brent_state;
    double linemin_point, linemin_match, prev_linemin_match;
    double *linemin_origin;
    double linemin_tolerance;
    /* the derivative's, the bracket's and Brent's working values between
     * calls (statics in GENESIS, saved at the end of its SAVE file) */
    int dv_i;
    double dv_hval, dv_lval, dv_err, dv_answer;
    double bk_r, bk_q, bk_u, bk_ulim, bk_fu, bk_fu2, bk_ax, bk_bx, bk_cx, bk_fa, bk_fb, bk_fc;
    double bt_a, bt_b, bt_u, bt_x, bt_w, bt_v, bt_fw, bt_fu, bt_fv, bt_fx;
    int bt_iter;
    double bt_d, bt_e;
};

#define T struct paramtableCG
static const struct gs_field cg_fields[] = {
    GS_FIELD_RO(T, iteration_number, GS_INT, "", "number of simulations so far"),
    GS_FIELD_RO(T, num_params, GS_INT, "", "number of parameters"),
    GS_FIELD_RO(T, num_params_to_search, GS_INT, "", "number of parameters to search over"),
    GS_FIELD_RO(T, current_match, GS_REAL, "", "match of the most recent simulation"),
    GS_FIELD_RO(T, best_match, GS_REAL, "", "best match so far"),
    GS_FIELD_RO(T, new_best_match, GS_INT, "", "1 if the last match was the best so far"),
    GS_FIELD_RO(T, done, GS_INT, "", "1 when the search has finished"),
    GS_FIELD(T, filename, GS_STR, "", "file of SAVE and RESTORE"),
    GS_FIELD_RO(T, alloced, GS_INT, "", "1 when the tables are allocated"),
    GS_FIELD_RO(T, linemin_number, GS_INT, "", "line minimisations so far"),
    GS_FIELD_RO(T, state, GS_INT, "", "0: start, 1: derivatives, 2: line minimisation"),
    GS_FIELD(T, deriv_method, GS_INT, "", "kept for GENESIS (unused there too)"),
    GS_FIELD_RO(T, deriv_index, GS_INT, "", "parameter whose derivative is being taken"),
    GS_FIELD(T, tolerance, GS_REAL, "", "relative change of the line minima that ends it"),
    GS_FIELD(T, linemin_tolerance, GS_REAL, "", "relative tolerance of a line minimisation"),
    GS_FIELD_END,
};

static const struct gs_field cg_arrays[] = {
    GS_FIELD(T, search, GS_INT, "", "1: search this parameter"),
    GS_FIELD(T, type, GS_INT, "", "0: additive, 1: multiplicative"),
    GS_FIELD(T, center, GS_REAL, "", "centre of the parameter's range"),
    GS_FIELD(T, range, GS_REAL, "", "range of the parameter"),
    GS_FIELD(T, min, GS_REAL, "", "lowest value of the parameter"),
    GS_FIELD(T, max, GS_REAL, "", "highest value of the parameter"),
    GS_FIELD_RO(T, label, GS_STR, "", "name of the parameter"),
    GS_FIELD_RO(T, current, GS_REAL, "", "parameter values to simulate next"),
    GS_FIELD_RO(T, best, GS_REAL, "", "best parameter values so far"),
    GS_FIELD_F(T, realcenter, GS_REAL, GS_F_HIDDEN, "", "centre, log for multiplicative"),
    GS_FIELD_F(T, realrange, GS_REAL, GS_F_HIDDEN, "", "range, log for multiplicative"),
    GS_FIELD_F(T, realmin, GS_REAL, GS_F_HIDDEN, "", "lowest value, log for multiplicative"),
    GS_FIELD_F(T, realmax, GS_REAL, GS_F_HIDDEN, "", "highest value, log for multiplicative"),
    GS_FIELD_F(T, realcurrent, GS_REAL, GS_F_HIDDEN, "", "current, log for multiplicative"),
    GS_FIELD(T, deriv_h_init, GS_REAL, "", "first step of each derivative"),
    GS_FIELD(T, deriv_h_decrease, GS_REAL, "", "shrinking of the step"),
    GS_FIELD(T, deriv_h_min, GS_REAL, "", "smallest step"),
    GS_FIELD_F(T, deriv_matrix, GS_REAL, GS_F_HIDDEN, "", "the derivative's tableau"),
    GS_FIELD_RO(T, deriv, GS_REAL, "", "d(match)/d(parameter)"),
    GS_FIELD_F(T, g, GS_REAL, GS_F_HIDDEN, "", "internal vector"),
    GS_FIELD_RO(T, dir, GS_REAL, "", "direction of the line minimisation"),
    GS_FIELD_F(T, linemin_bracket, GS_REAL, GS_F_HIDDEN, "", "bracket of the line minimum"),
    GS_FIELD_F(T, linemin_mbracket, GS_REAL, GS_F_HIDDEN, "", "matches at the bracket"),
    GS_FIELD_F(T, linemin_origin, GS_REAL, GS_F_HIDDEN, "", "start of the line"),
    GS_FIELD_END,
};
static const enum ptab_len cg_lens[] = {
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_DERIV_TABLE, PTAB_LEN_NPARAMS, PTAB_LEN_NPARAMS,
    PTAB_LEN_NPARAMS, PTAB_LEN_THREE, PTAB_LEN_THREE, PTAB_LEN_NPARAMS,
};

/* GENESIS's SAVE layout, the working values of its statics at the end. */
#define D(m) {PTAB_IO_DOUBLE, offsetof(T, m), 0}
#define I(m) {PTAB_IO_INT, offsetof(T, m), 0}
#define S(m) {PTAB_IO_SHORT, offsetof(T, m), 0}
#define A(m) {PTAB_IO_DOUBLES, offsetof(T, m), PTAB_LEN_NPARAMS}
static const struct ptab_io cg_file_head[] = {
    I(iteration_number), I(linemin_number), I(num_params), {PTAB_IO_END, 0, 0},
};
static const struct ptab_io cg_file_body[] = {
    S(state), S(deriv_method), D(orig_param), D(h), D(h_init), I(deriv_count), S(deriv_state),
    I(deriv_index), A(deriv_h_init), A(deriv_h_decrease), A(deriv_h_min),
    {PTAB_IO_DOUBLES, offsetof(T, deriv_matrix), PTAB_LEN_DERIV_TABLE},
    A(deriv), A(g), A(dir), D(tolerance), S(linemin_state), S(linemin_init),
    S(linemin_bracket_state), {PTAB_IO_DOUBLES, offsetof(T, linemin_bracket), PTAB_LEN_THREE},
    {PTAB_IO_DOUBLES, offsetof(T, linemin_mbracket), PTAB_LEN_THREE}, S(linemin_brent_state),
    D(linemin_point), D(linemin_match), D(prev_linemin_match), A(linemin_origin),
    D(linemin_tolerance), I(num_params_to_search),
    {PTAB_IO_SHORTS, offsetof(T, search), PTAB_LEN_NPARAMS},
    {PTAB_IO_SHORTS, offsetof(T, type), PTAB_LEN_NPARAMS}, A(center), A(range), A(min), A(max),
    A(current), A(realcenter), A(realrange), A(realmin), A(realmax), A(realcurrent), A(best),
    {PTAB_IO_LABELS, offsetof(T, label), PTAB_LEN_NPARAMS}, D(current_match), D(best_match),
    S(new_best_match), I(dv_i), D(dv_hval), D(dv_lval), D(dv_err), D(dv_answer), D(bk_r),
    D(bk_q), D(bk_u), D(bk_ulim), D(bk_fu), D(bk_fu2), D(bk_ax), D(bk_bx), D(bk_cx), D(bk_fa),
    D(bk_fb), D(bk_fc), D(bt_a), D(bt_b), D(bt_u), D(bt_x), D(bt_w), D(bt_v), D(bt_fw),
    D(bt_fu), D(bt_fv), D(bt_fx), I(bt_iter), D(bt_d), D(bt_e), {PTAB_IO_END, 0, 0},
};
#undef D
#undef I
#undef S
#undef A
#undef T

#define CG(el) ((struct paramtableCG *)(void *)(el))
#define DM(c, i, j) ((c)->deriv_matrix[(i) * DERIV_NTAB + (j)])

/* initparamCG's part beyond type, range, limits and label: the log
 * coordinates, the derivative's steps, and whether the parameter is
 * searched at all (not when its range is empty). */
static void
cg_init_param(struct ptab *p, int i, double c)
{
    struct paramtableCG *g = CG(p);
    double r = g->range[i];
    g->center[i] = c;
    if (g->type[i] == 0) {
        g->realcenter[i] = c;
        g->realrange[i] = r;
        g->realmin[i] = g->min[i];
        g->realmax[i] = g->max[i];
    } else {
        g->realcenter[i] = log(c);
        g->realrange[i] = log(r);
        g->realmin[i] = g->realcenter[i] - g->realrange[i];
        g->realmax[i] = g->realcenter[i] + g->realrange[i];
    }
    g->deriv_h_init[i] = g->type[i] == 0 ? 0.002 : 0.01;
    g->deriv_h_decrease[i] = DERIV_DECR;
    g->deriv_h_min[i] = g->type[i] == 0 ? 0.00002 : 0.0001;
    g->search[i] = !((g->type[i] == 0 && r < PTAB_TINY) || (g->type[i] == 1 && r - 1.0 < PTAB_TINY));
}

const struct ptab_class paramtableCG_ptab = {
    .arrays = cg_arrays,
    .lens = cg_lens,
    .has_ntosearch = true,
    .init_param = cg_init_param,
    .file_head = cg_file_head,
    .file_body = cg_file_body,
    .file_alloc = ptab_file_alloc,
};

/* ---- the search --------------------------------------------------------------- */

/* GENESIS's wrapping of a point that left its range, as it is: its
 * "range" is min - max (negative) and the count of ranges is truncated,
 * so a point within one range of the limits stays where it is. */
static double
adjust_to_range(double num, double min, double max)
{
    double range = min - max;
    if (num > max)
        return num - (int)((num - min) / range) * range;
    if (num < min)
        return num + (int)((max - num) / range) * range;
    return num;
}

static void
cg_next_point(struct paramtableCG *c)
{
    for (int i = 0; i < c->num_params; i++)
        c->current[i] = c->type[i] == 0 ? c->realcurrent[i] : exp(c->realcurrent[i]);
}

static void
cg_init_derivative(struct paramtableCG *c, bool reset_count)
{
    for (int k = 0; k < DERIV_NTAB * DERIV_NTAB; k++)
        c->deriv_matrix[k] = 0.0;
    c->orig_param = c->realcurrent[c->deriv_index];
    c->h = c->h_init;
    c->realcurrent[c->deriv_index] += c->h;
    c->deriv_state = DERIV1HI;
    if (reset_count)
        c->deriv_count = 0;
}

/* One step of Ridders' derivative with the match of the last point.
 * Returns true with *DERIV and *ERR when it is done, else sets *NEXT. */
static bool
cg_derivative(struct paramtableCG *c, double match, double *next, double *deriv, double *err)
{
    double decr = c->deriv_h_decrease[c->deriv_index], decr2 = decr * decr;
    switch (c->deriv_state) {
    case DERIV1HI:
        c->dv_err = PTAB_HUGE;
        c->dv_hval = match;
        *next = c->orig_param - c->h;
        c->deriv_state = DERIV1LO;
        break;
    case DERIV1LO:
        c->dv_lval = match;
        DM(c, 0, 0) = (c->dv_hval - c->dv_lval) / (2.0 * c->h);
        c->dv_i = 1;
        c->h /= decr;
        *next = c->orig_param + c->h;
        c->deriv_state = DERIV2HI;
        break;
    case DERIV2HI:
        c->dv_hval = match;
        *next = c->orig_param - c->h;
        c->deriv_state = DERIV2LO;
        break;
    case DERIV2LO: {
        int i = c->dv_i;
        c->dv_lval = match;
        DM(c, 0, i) = (c->dv_hval - c->dv_lval) / (2.0 * c->h);
        double fac = decr2;
        for (int j = 1; j <= i; j++) {
            DM(c, j, i) = (DM(c, j - 1, i) * fac - DM(c, j - 1, i - 1)) / (fac - 1.0);
            fac *= decr2;
            double a1 = fabs(DM(c, j, i) - DM(c, j - 1, i));
            double a2 = fabs(DM(c, j, i) - DM(c, j - 1, i - 1));
            double errt = a1 > a2 ? a1 : a2;
            if (errt < c->dv_err) {
                c->dv_err = errt;
                c->dv_answer = DM(c, j, i);
            }
        }
        if (fabs(DM(c, i, i) - DM(c, i - 1, i - 1)) >= DERIV_SAFE * c->dv_err
            || ++c->dv_i == DERIV_NTAB) {
            *deriv = c->dv_answer;
            *err = c->dv_err;
            return true;
        }
        c->h /= DERIV_DECR; /* GENESIS: the fixed factor here, not deriv_h_decrease */
        *next = c->orig_param + c->h;
        c->deriv_state = DERIV2HI;
        break;
    }
    default:
        break;
    }
    return false;
}

/* The first searched parameter's derivative. False when none is searched. */
static bool
cg_init_gradient(struct paramtableCG *c)
{
    c->deriv_index = 0;
    while (c->deriv_index < c->num_params && !c->search[c->deriv_index])
        c->deriv_index++;
    if (c->deriv_index >= c->num_params)
        return false;
    c->h_init = c->deriv_h_init[c->deriv_index];
    cg_init_derivative(c, true);
    return true;
}

/* One step of the gradient; true when every derivative is done. */
static bool
cg_gradient(struct gs_sim *sim, struct paramtableCG *c, double match)
{
    double next = 0.0, deriv = 0.0, err = 0.0;
    c->deriv_count++;
    if (!cg_derivative(c, match, &next, &deriv, &err)) {
        c->realcurrent[c->deriv_index] = next;
        return false;
    }
    /* how good is it? */
    int quality = 0; /* 0 ok, 1 start again with a smaller step, 2 poor but kept */
    if (!(fabs(deriv) < DERIV_SMALL && fabs(err) < DERIV_SMALL)) {
        if (c->h < c->deriv_h_min[c->deriv_index]) {
            if (sim->opt.silent < 1)
                gs_out(sim, "paramtableCG: check_derivative: Accepting derivative %f with error "
                            "%f for step size %f.\n",
                       deriv, err, c->h);
        } else if (fabs(err / deriv) > DERIV_MAX_ERROR) {
            quality = c->deriv_count < DERIV_MAX_COUNT ? 1 : 2;
        }
    }
    if (quality == 1) {
        c->realcurrent[c->deriv_index] = c->orig_param;
        c->h_init /= DERIV_DECR_ON_ERROR;
        cg_init_derivative(c, false);
        return false;
    }
    if (quality == 2)
        gs_warn(sim, "paramtableCG: the derivative of parameter %d is %f with error %f",
                c->deriv_index, deriv, err);
    c->deriv[c->deriv_index] = deriv;
    c->realcurrent[c->deriv_index] = c->orig_param;
    do {
        if (++c->deriv_index == c->num_params)
            return true;
    } while (!c->search[c->deriv_index]);
    c->h_init = c->deriv_h_init[c->deriv_index];
    cg_init_derivative(c, true);
    return false;
}

/* realcurrent along the line: origin + dir * linemin_point, wrapped. */
static void
cg_line_point(struct paramtableCG *c)
{
    for (int i = 0; i < c->num_params; i++) {
        double v = c->search[i] ? c->linemin_origin[i] + c->dir[i] * c->linemin_point
                                : c->linemin_origin[i];
        c->realcurrent[i] = adjust_to_range(v, c->realmin[i], c->realmax[i]);
    }
}

static void
cg_init_linemin(struct paramtableCG *c)
{
    c->linemin_number++;
    c->prev_linemin_match = c->linemin_match;
    if (c->linemin_init) {
        for (int i = 0; i < c->num_params; i++)
            c->dir[i] = c->g[i] = c->search[i] ? -c->deriv[i] : 0.0;
    } else {
        double num = 0.0, den = 0.0;
        for (int i = 0; i < c->num_params; i++)
            if (c->search[i]) {
                num += (c->deriv[i] + c->g[i]) * c->deriv[i];
                den += c->g[i] * c->g[i];
            }
        double gamma = num / den;
        for (int i = 0; i < c->num_params; i++) {
            if (!c->search[i]) {
                c->dir[i] = c->g[i] = 0.0;
            } else {
                c->g[i] = -c->deriv[i];
                c->dir[i] = c->g[i] + gamma * c->dir[i];
            }
        }
    }
    memcpy(c->linemin_origin, c->realcurrent, (size_t)c->num_params * sizeof *c->realcurrent);
    c->linemin_state = LM_BRACKET;
    c->linemin_bracket_state = BR_INIT;
    c->linemin_bracket[0] = 0.0;
    c->linemin_mbracket[0] = c->linemin_match;
    c->linemin_bracket[1] = LINEMIN_INITSTEP;
    c->linemin_point = c->linemin_bracket[1];
    cg_line_point(c);
}

static double
sign_of(double a, double b)
{
    return b > 0.0 ? fabs(a) : -fabs(a);
}

/* One step of bracketing the line minimum (Numerical Recipes' mnbrak,
 * one function value per call). True when the bracket is found. */
static bool
cg_bracket(struct paramtableCG *c, double match)
{
    bool main_step = false;
    switch (c->linemin_bracket_state) {
    case BR_INIT:
        c->bk_ax = c->linemin_bracket[0];
        c->bk_fa = c->linemin_mbracket[0];
        c->bk_bx = c->linemin_bracket[1];
        c->bk_fb = match;
        if (c->bk_fb > c->bk_fa) {
            double t = c->bk_bx;
            c->bk_bx = c->bk_ax;
            c->bk_ax = t;
            t = c->bk_fb;
            c->bk_fb = c->bk_fa;
            c->bk_fa = t;
        }
        c->bk_cx = c->bk_bx + GOLD * (c->bk_bx - c->bk_ax);
        c->linemin_point = c->bk_cx;
        c->linemin_bracket_state = BR_INIT2;
        return false;
    case BR_INIT2:
        c->bk_fc = match;
        main_step = true;
        break;
    case BR_TEST1:
        c->bk_fu = match;
        if (c->bk_fu < c->bk_fc) {
            c->bk_ax = c->bk_bx;
            c->bk_bx = c->bk_u;
            c->bk_fa = c->bk_fb;
            c->bk_fb = c->bk_fu;
            goto found;
        }
        if (c->bk_fu > c->bk_fb) {
            c->bk_cx = c->bk_u;
            c->bk_fc = c->bk_fu;
            goto found;
        }
        c->bk_u = c->bk_cx + GOLD * (c->bk_cx - c->bk_bx);
        c->linemin_point = c->bk_u;
        c->linemin_bracket_state = BR_TEST2;
        return false;
    case BR_TEST2:
        c->bk_fu = match;
        c->bk_ax = c->bk_bx, c->bk_bx = c->bk_cx, c->bk_cx = c->bk_u;
        c->bk_fa = c->bk_fb, c->bk_fb = c->bk_fc, c->bk_fc = c->bk_fu;
        main_step = true;
        break;
    case BR_TEST3:
        c->bk_fu = match;
        if (c->bk_fu < c->bk_fc) {
            c->bk_bx = c->bk_cx, c->bk_cx = c->bk_u;
            c->bk_u = c->bk_cx + GOLD * (c->bk_cx - c->bk_bx);
            c->linemin_point = c->bk_u;
            c->linemin_bracket_state = BR_TEST4;
            return false;
        }
        c->bk_ax = c->bk_bx, c->bk_bx = c->bk_cx, c->bk_cx = c->bk_u;
        c->bk_fa = c->bk_fb, c->bk_fb = c->bk_fc, c->bk_fc = c->bk_fu;
        main_step = true;
        break;
    case BR_TEST4:
        c->bk_fu2 = match;
        c->bk_fb = c->bk_fc, c->bk_fc = c->bk_fu, c->bk_fu = c->bk_fu2;
        c->bk_ax = c->bk_bx, c->bk_bx = c->bk_cx, c->bk_cx = c->bk_u;
        c->bk_fa = c->bk_fb, c->bk_fb = c->bk_fc, c->bk_fc = c->bk_fu;
        main_step = true;
        break;
    default:
        return false;
    }
    if (main_step) {
        if (c->bk_fc > c->bk_fb)
            goto found;
        double ax = c->bk_ax, bx = c->bk_bx, cx = c->bk_cx;
        c->bk_r = (bx - ax) * (c->bk_fb - c->bk_fc);
        c->bk_q = (bx - cx) * (c->bk_fb - c->bk_fa);
        double dq = fabs(c->bk_q - c->bk_r);
        c->bk_u = bx - ((bx - cx) * c->bk_q - (bx - ax) * c->bk_r)
                           / (2.0 * sign_of(dq > STINY ? dq : STINY, c->bk_q - c->bk_r));
        c->bk_ulim = bx + GLIMIT * (cx - bx);
        double u = c->bk_u, ulim = c->bk_ulim;
        if ((bx - u) * (u - cx) > 0.0) {
            c->linemin_bracket_state = BR_TEST1;
        } else if ((cx - u) * (u - ulim) > 0.0) {
            c->linemin_bracket_state = BR_TEST3;
        } else if ((u - ulim) * (ulim - cx) >= 0.0) {
            c->bk_u = ulim;
            c->linemin_bracket_state = BR_TEST2;
        } else {
            c->bk_u = cx + GOLD * (cx - bx);
            c->linemin_bracket_state = BR_TEST2;
        }
        c->linemin_point = c->bk_u;
        return false;
    }
    return false;
found:
    c->linemin_bracket[0] = c->bk_ax;
    c->linemin_bracket[1] = c->bk_bx;
    c->linemin_bracket[2] = c->bk_cx;
    c->linemin_mbracket[0] = c->bk_fa;
    c->linemin_mbracket[1] = c->bk_fb;
    c->linemin_mbracket[2] = c->bk_fc;
    return true;
}

/* One step of Brent's line minimisation. True when it has converged
 * (linemin_point and linemin_match are the minimum). */
static bool
cg_brent(struct gs_sim *sim, struct paramtableCG *c, double match)
{
    if (c->linemin_brent_state == BRENT_INIT) {
        double ax = c->linemin_bracket[0], bx = c->linemin_bracket[1], cx = c->linemin_bracket[2];
        c->bt_d = c->bt_e = 0.0;
        c->bt_a = ax < cx ? ax : cx;
        c->bt_b = ax > cx ? ax : cx;
        c->bt_x = c->bt_w = c->bt_v = bx;
        c->bt_fw = c->bt_fv = c->bt_fx = c->linemin_mbracket[1];
        c->bt_iter = 0;
        c->linemin_brent_state = BRENT_MAIN;
    } else if (c->linemin_brent_state == BRENT_MAIN) {
        c->bt_iter++;
        c->bt_fu = c->linemin_match = match;
        if (c->bt_fu <= c->bt_fx) {
            if (c->bt_u >= c->bt_x)
                c->bt_a = c->bt_x;
            else
                c->bt_b = c->bt_x;
            c->bt_v = c->bt_w, c->bt_w = c->bt_x, c->bt_x = c->bt_u;
            c->bt_fv = c->bt_fw, c->bt_fw = c->bt_fx, c->bt_fx = c->bt_fu;
        } else {
            if (c->bt_u < c->bt_x)
                c->bt_a = c->bt_u;
            else
                c->bt_b = c->bt_u;
            if (c->bt_fu <= c->bt_fw || c->bt_w == c->bt_x) {
                c->bt_v = c->bt_w;
                c->bt_w = c->bt_u;
                c->bt_fv = c->bt_fw;
                c->bt_fw = c->bt_fu;
            } else if (c->bt_fu <= c->bt_fw || c->bt_v == c->bt_x || c->bt_v == c->bt_w) {
                /* GENESIS tests fu <= fw here where Numerical Recipes has fv */
                c->bt_v = c->bt_u;
                c->bt_fv = c->bt_fu;
            }
        }
    } else {
        return false;
    }
    if (c->bt_iter == BRENT_ITMAX) {
        gs_warn(sim, "paramtableCG: the line minimisation took %d steps: taking the best "
                     "point so far",
                BRENT_ITMAX);
        c->linemin_point = c->bt_x;
        c->linemin_match = c->bt_fx;
        return true;
    }
    double x = c->bt_x, xm = 0.5 * (c->bt_a + c->bt_b);
    double tol1 = c->linemin_tolerance * fabs(x) + ZEPS, tol2 = 2.0 * tol1;
    if (fabs(x - xm) <= tol2 - 0.5 * (c->bt_b - c->bt_a)) {
        c->linemin_point = x;
        c->linemin_match = c->bt_fx;
        return true;
    }
    if (fabs(c->bt_e) > tol1) {
        double r = (x - c->bt_w) * (c->bt_fx - c->bt_fv);
        double q = (x - c->bt_v) * (c->bt_fx - c->bt_fw);
        double p = (x - c->bt_v) * q - (x - c->bt_w) * r;
        q = 2.0 * (q - r);
        if (q > 0.0)
            p = -p;
        q = fabs(q);
        double etemp = c->bt_e;
        c->bt_e = c->bt_d;
        if (fabs(p) >= fabs(0.5 * q * etemp) || p <= q * (c->bt_a - x) || p >= q * (c->bt_b - x)) {
            c->bt_e = x >= xm ? c->bt_a - x : c->bt_b - x;
            c->bt_d = CGOLD * c->bt_e;
        } else {
            c->bt_d = p / q;
            c->bt_u = x + c->bt_d;
            if (c->bt_u - c->bt_a < tol2 || c->bt_b - c->bt_u < tol2)
                c->bt_d = sign_of(tol1, xm - x);
        }
    } else {
        c->bt_e = x >= xm ? c->bt_a - x : c->bt_b - x;
        c->bt_d = CGOLD * c->bt_e;
    }
    c->bt_u = fabs(c->bt_d) >= tol1 ? x + c->bt_d : x + sign_of(tol1, c->bt_d);
    c->linemin_point = c->bt_u;
    return false;
}

/* One step of the line minimisation; true when it is done. */
static bool
cg_linemin(struct gs_sim *sim, struct paramtableCG *c, double match)
{
    if (c->linemin_state == LM_BRACKET) {
        if (cg_bracket(c, match)) {
            c->linemin_state = LM_BRENT;
            c->linemin_brent_state = BRENT_INIT;
            cg_brent(sim, c, 0.0); /* GENESIS ignores whether this first step converged */
        }
    } else if (c->linemin_state == LM_BRENT) {
        if (cg_brent(sim, c, match))
            return true;
    }
    cg_line_point(c);
    return false;
}

/* ---- the actions ---------------------------------------------------------- */

static enum gs_status
cg_tabcreate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableCG *c = CG(el);
    int n;
    if (argc != 1)
        return gs_error(sim, "paramtableCG: TABCREATE expects one argument, num_params; got %d",
                        argc);
    if (ptab_int(sim, el, "TABCREATE", "num_params", argv[0], &n) != GS_OK)
        return GS_ERR;
    if (ptab_alloc(sim, el, n) != GS_OK)
        return GS_ERR;
    c->iteration_number = c->linemin_number = 0;
    return GS_OK;
}

static enum gs_status
cg_tabdelete(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    ptab_free(el);
    return GS_OK;
}

static enum gs_status
cg_initsearch(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableCG *c = CG(el);
    if (ptab_need_tables(sim, el, "INITSEARCH") != GS_OK)
        return GS_ERR;
    c->iteration_number = 0;
    c->linemin_init = 1;
    c->done = 0;
    c->state = CG_START;
    c->best_match = PTAB_HUGE;
    memcpy(c->current, c->center, (size_t)c->num_params * sizeof *c->current);
    memcpy(c->realcurrent, c->realcenter, (size_t)c->num_params * sizeof *c->realcurrent);
    return GS_OK;
}

static enum gs_status
cg_randomize(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableCG *c = CG(el);
    if (ptab_need_tables(sim, el, "RANDOMIZE") != GS_OK)
        return GS_ERR;
    for (int i = 0; i < c->num_params; i++)
        if (c->search[i])
            c->realcurrent[i] = ptab_frandom(sim, c->realmin[i], c->realmax[i]);
    cg_next_point(c);
    return GS_OK;
}

static enum gs_status
cg_evaluate(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct paramtableCG *c = CG(el);
    double match;
    if (argc != 1)
        return gs_error(sim, "paramtableCG: EVALUATE expects one argument, the match; got %d",
                        argc);
    if (ptab_need_tables(sim, el, "EVALUATE") != GS_OK
        || ptab_real(sim, el, "EVALUATE", "the match", argv[0], &match) != GS_OK)
        return GS_ERR;
    c->current_match = match;
    c->new_best_match = match < c->best_match;
    if (c->new_best_match) {
        if (sim->opt.silent < 2)
            gs_out(sim, "Accepting new best match...\n");
        memcpy(c->best, c->current, (size_t)c->num_params * sizeof *c->best);
        c->best_match = match;
    }
    return GS_OK;
}

static enum gs_status
cg_update_params(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableCG *c = CG(el);
    if (ptab_need_tables(sim, el, "UPDATE_PARAMS") != GS_OK)
        return GS_ERR;
    double match = c->current_match;
    c->iteration_number++;
    switch (c->state) {
    case CG_START:
        c->linemin_match = match;
        if (!cg_init_gradient(c))
            return gs_error(sim, "paramtableCG: UPDATE_PARAMS: no parameter is searched");
        c->state = CG_GRADIENT;
        break;
    case CG_GRADIENT:
        if (cg_gradient(sim, c, match)) {
            bool flat = true;
            for (int i = 0; i < c->num_params; i++)
                if (fabs(c->deriv[i]) > DERIV_TINY)
                    flat = false;
            if (flat) {
                c->done = 1;
                return GS_OK; /* GENESIS leaves current[] as it was */
            }
            c->state = CG_LINEMIN;
            cg_init_linemin(c);
        }
        break;
    case CG_LINEMIN:
        if (cg_linemin(sim, c, match)) {
            if (!cg_init_gradient(c))
                return gs_error(sim, "paramtableCG: UPDATE_PARAMS: no parameter is searched");
            c->state = CG_GRADIENT;
            c->done = 2.0 * fabs(c->linemin_match - c->prev_linemin_match)
                      <= c->tolerance
                             * (fabs(c->linemin_match) + fabs(c->prev_linemin_match) + 1.0e-10);
        }
        break;
    default:
        return gs_error(sim, "paramtableCG: UPDATE_PARAMS: unknown state %d", c->state);
    }
    cg_next_point(c);
    return GS_OK;
}

static enum gs_status
cg_update_params2(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)sim, (void)argc, (void)argv;
    CG(el)->iteration_number++;
    return GS_OK;
}

/* LOADBEST and RESTART: the best point becomes the current one;
 * RESTART starts the search again from it. */
static enum gs_status
cg_load_best(struct gs_sim *sim, struct gs_element *el, const char *action)
{
    struct paramtableCG *c = CG(el);
    if (ptab_need_tables(sim, el, action) != GS_OK)
        return GS_ERR;
    for (int i = 0; i < c->num_params; i++) {
        c->current[i] = c->best[i];
        c->realcurrent[i] = c->type[i] == 0 ? c->best[i] : log(c->best[i]);
    }
    return GS_OK;
}

static enum gs_status
cg_loadbest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    return cg_load_best(sim, el, "LOADBEST");
}

static enum gs_status
cg_restart(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    (void)argc, (void)argv;
    struct paramtableCG *c = CG(el);
    if (cg_load_best(sim, el, "RESTART") != GS_OK)
        return GS_ERR;
    c->linemin_init = 1;
    c->done = 0;
    c->state = CG_START;
    return GS_OK;
}

static enum gs_status
cg_display(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
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
cg_best_table(struct gs_sim *sim, struct gs_element *el, struct strbuf *sb)
{
    (void)sim;
    ptab_plain_table((struct ptab *)(void *)el, sb, false);
    return GS_OK;
}

static enum gs_status
cg_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    return ptab_savebest(sim, el, argc, argv, cg_best_table);
}

/* RESTOREBEST: reads a SAVEBEST file back (GENESIS 2.4 aborts on this
 * action, and its reader expects columns its SAVEBEST does not write):
 * the table is made anew with the file's types, ranges and best values,
 * which become the centres; a parameter is searched when its range is
 * not empty, as initparamCG decides. */
static enum gs_status
cg_restorebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    struct ptab_best f;
    if (ptab_read_best(sim, el, argc, argv, false, &f) != GS_OK)
        return GS_ERR;
    enum gs_status st = ptab_alloc(sim, el, f.n);
    struct paramtableCG *c = CG(el);
    for (int i = 0; st == GS_OK && i < f.n; i++) {
        double best = f.best[i], range = f.range[i];
        c->type[i] = f.type[i];
        c->range[i] = range;
        c->min[i] = f.type[i] == 0 ? best - range : best / range;
        c->max[i] = f.type[i] == 0 ? best + range : best * range;
        ptab_set_label((struct ptab *)(void *)c, i, f.label[i]);
        cg_init_param((struct ptab *)(void *)c, i, best);
        c->best[i] = c->current[i] = best;
    }
    if (st == GS_OK) {
        c->iteration_number = f.iteration;
        c->best_match = f.best_match;
        ptab_count_search((struct ptab *)(void *)c);
    }
    ptab_best_free(&f);
    return st;
}

static enum gs_status
cg_check(struct gs_sim *sim, struct gs_element *el)
{
    struct paramtableCG *c = CG(el);
    for (int i = 0; c->alloced && i < c->num_params; i++) {
        if (c->type[i] != 0 && c->type[i] != 1)
            return gs_error(sim, "paramtableCG: CHECK: type[%d] must be 0 or 1, got %d", i,
                            c->type[i]);
        if (c->type[i] == 0 ? c->range[i] < 0.0 : c->range[i] < 1.0)
            return gs_error(sim, "paramtableCG: CHECK: range[%d] (%g) is too small for its type",
                            i, c->range[i]);
        if (c->min[i] > c->max[i])
            return gs_error(sim, "paramtableCG: CHECK: min[%d] must be <= max[%d]", i, i);
    }
    return GS_OK;
}

static enum gs_status
cg_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    CG(el)->tolerance = 1.0e-4;
    CG(el)->linemin_tolerance = 1.0e-5;
    return GS_OK;
}

static const struct gs_named_action cg_actions[] = {
    {"TABCREATE", "num_params", cg_tabcreate},
    {"TABDELETE", "", cg_tabdelete},
    {"INITSEARCH", "", cg_initsearch},
    {"RANDOMIZE", "", cg_randomize},
    {"EVALUATE", "match", cg_evaluate},
    {"UPDATE_PARAMS", "", cg_update_params},
    {"UPDATE_PARAMS2", "", cg_update_params2},
    {"LOADBEST", "", cg_loadbest},
    {"RESTART", "", cg_restart},
    {"SAVE", "[filename]", ptab_save},
    {"SAVEBEST", "filename", cg_savebest},
    {"RESTORE", "[filename]", ptab_restore},
    {"RESTOREBEST", "filename", cg_restorebest},
    {"DISPLAY", "", cg_display},
    GS_ACTION_END,
};

const struct gs_class paramtableCG_class = {
    .name = "paramtableCG",
    .classes = "param",
    .desc = "parameter search by gradients: derivatives, then a line minimisation, in turn",
    .size = sizeof(struct paramtableCG),
    .fields = cg_fields,
    .extra = cg_actions,
    .create = cg_create,
    .copy = ptab_copy,
    .destroy = ptab_free,
    .check = cg_check,
    .find_field = ptab_find_field,
};
