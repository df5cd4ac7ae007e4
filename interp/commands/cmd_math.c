/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_math.c: the math family: the C library functions GENESIS scripts
 * call ({exp 1}, {pow x 2}, ...), rounding and min/max. Domain errors
 * are errors, not silent NaNs. The random numbers are in cmd_random.c.
 *
 * GENESIS's math commands (shell_ops.c) are C functions that return a
 * float, so a script gets their value rounded to single precision ({exp 1}
 * is 2.718281746, {max 0.1 0.2} is 0.200000003): gensh rounds the same
 * way (as_float), since scripts fill channel tables with them and
 * GENESIS's tables hold those values.
 */
#include <math.h>

#include "../cmd.h"

#define X {{"x", GS_ARG_REAL}}

/* One-argument functions share one entry shape and one exec. */
struct unary {
    double (*fn)(double);
    double lo, hi;         /* allowed domain, inclusive */
    bool open_lo;          /* lo itself is excluded */
    const char *domain;    /* said in the error */
};

static const struct unary unary_fns[] = {
    {fabs, -INFINITY, INFINITY, false, NULL},
    {acos, -1, 1, false, "a number in [-1, 1]"},
    {asin, -1, 1, false, "a number in [-1, 1]"},
    {atan, -INFINITY, INFINITY, false, NULL},
    {cos, -INFINITY, INFINITY, false, NULL},
    {exp, -INFINITY, INFINITY, false, NULL},
    {log, 0, INFINITY, true, "a number > 0"},
    {log10, 0, INFINITY, true, "a number > 0"},
    {sin, -INFINITY, INFINITY, false, NULL},
    {sqrt, 0, INFINITY, false, "a number >= 0"},
    {tan, -INFINITY, INFINITY, false, NULL},
};
enum { U_ABS, U_ACOS, U_ASIN, U_ATAN, U_COS, U_EXP, U_LOG, U_LOG10, U_SIN, U_SQRT, U_TAN };

/* A result as GENESIS's float-returning command gives it. */
static double
as_float(double v)
{
    return (double)(float)v;
}

static enum gs_status
run_unary(struct gs_call *call, const struct unary *u)
{
    double x = gs_arg_real(call, 0);
    if (x < u->lo || x > u->hi || (u->open_lo && x == u->lo))
        return gs_error(call->sim, "expected %s, got '%s'", u->domain, gs_arg(call, 0));
    gs_result_real(call, as_float(u->fn(x)));
    return GS_OK;
}

#define UNARY(NAME, IDX, SUMMARY)                                                                  \
    static enum gs_status cmd_##NAME##_exec(struct gs_call *call)                                 \
    {                                                                                              \
        return run_unary(call, &unary_fns[IDX]);                                                   \
    }                                                                                              \
    const struct gs_cmd cmd_##NAME##_entry = {                                                    \
        .name = #NAME,                                                                             \
        .family = "math",                                                                          \
        .summary = SUMMARY,                                                                        \
        .usage = "x",                                                                              \
        .pos = X,                                                                                  \
        .min_pos = 1,                                                                              \
        .max_pos = 1,                                                                              \
        .flags = GS_CMD_RESULT,                                                                    \
        .exec = cmd_##NAME##_exec,                                                                 \
    };

UNARY(abs, U_ABS, "absolute value")
UNARY(acos, U_ACOS, "arc cosine, radians")
UNARY(asin, U_ASIN, "arc sine, radians")
UNARY(atan, U_ATAN, "arc tangent, radians")
UNARY(cos, U_COS, "cosine of an angle in radians")
UNARY(exp, U_EXP, "e to the power x")
UNARY(log, U_LOG, "natural logarithm")
UNARY(log10, U_LOG10, "base-10 logarithm")
UNARY(sin, U_SIN, "sine of an angle in radians")
UNARY(sqrt, U_SQRT, "square root")
UNARY(tan, U_TAN, "tangent of an angle in radians")

static enum gs_status
cmd_pow_exec(struct gs_call *call)
{
    double x = gs_arg_real(call, 0), y = gs_arg_real(call, 1);
    if (x < 0 && y != floor(y))
        return gs_error(call->sim, "a negative base '%s' needs a whole exponent, got '%s'",
                        gs_arg(call, 0), gs_arg(call, 1));
    if (x == 0 && y < 0)
        return gs_error(call->sim, "zero to a negative power ('%s') is undefined",
                        gs_arg(call, 1));
    gs_result_real(call, as_float(pow(x, y)));
    return GS_OK;
}

const struct gs_cmd cmd_pow_entry = {
    .name = "pow",
    .family = "math",
    .summary = "x to the power y",
    .usage = "x y",
    .pos = {{"x", GS_ARG_REAL}, {"y", GS_ARG_REAL}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_pow_exec,
};

/* Converts to an integer result, refusing values an int cannot hold. */
static enum gs_status
int_result(struct gs_call *call, double v)
{
    if (!(v >= -9.2e18 && v <= 9.2e18))
        return gs_error(call->sim, "'%s' is out of the integer range", gs_arg(call, 0));
    gs_result_int(call, (long long)v);
    return GS_OK;
}

static enum gs_status
cmd_round_exec(struct gs_call *call)
{
    /* GENESIS rounds halves up: round 15.5 is 16, round -2.5 is -2. */
    return int_result(call, floor(gs_arg_real(call, 0) + 0.5));
}

static enum gs_status
cmd_trunc_exec(struct gs_call *call)
{
    return int_result(call, trunc(gs_arg_real(call, 0)));
}

const struct gs_cmd cmd_round_entry = {
    .name = "round",
    .family = "math",
    .summary = "nearest integer (halves round up)",
    .usage = "x",
    .pos = X,
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_round_exec,
};

const struct gs_cmd cmd_trunc_entry = {
    .name = "trunc",
    .family = "math",
    .summary = "integer part (towards zero)",
    .usage = "x",
    .pos = X,
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_trunc_exec,
};

static enum gs_status
cmd_min_exec(struct gs_call *call)
{
    double a = gs_arg_real(call, 0), b = gs_arg_real(call, 1);
    gs_result_real(call, as_float(a < b ? a : b));
    return GS_OK;
}

static enum gs_status
cmd_max_exec(struct gs_call *call)
{
    double a = gs_arg_real(call, 0), b = gs_arg_real(call, 1);
    gs_result_real(call, as_float(a > b ? a : b));
    return GS_OK;
}

const struct gs_cmd cmd_max_entry = {
    .name = "max",
    .family = "math",
    .summary = "the larger of two numbers",
    .usage = "a b",
    .pos = {{"a", GS_ARG_REAL}, {"b", GS_ARG_REAL}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_max_exec,
};

const struct gs_cmd cmd_min_entry = {
    .name = "min",
    .family = "math",
    .summary = "the smaller of two numbers",
    .usage = "a b",
    .pos = {{"a", GS_ARG_REAL}, {"b", GS_ARG_REAL}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_min_exec,
};
