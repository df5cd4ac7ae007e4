/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_param.c: the commands of GENESIS's parameter-search library:
 * initparamBF, initparamCG, initparamGA, initparamSA and initparamSS (one parameter's
 * type, range, centre and label in one call), getparamGA and setparamGA (a GA table's
 * coded parameters as numbers), setsearch (which parameters a search varies),
 * spkcmp (the mismatch of two spike-time files, a search's match), and
 * the argument-string helpers shiftarg and remarg that the library's
 * scripts use. The searches themselves are the paramtable classes in
 * models/param/.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/param/param.h"
#include "../cmd.h"
#include "../interp.h"

static enum gs_status cmd_getparamGA_exec(struct gs_call *call);
static enum gs_status cmd_initparamBF_exec(struct gs_call *call);
static enum gs_status cmd_initparamCG_exec(struct gs_call *call);
static enum gs_status cmd_initparamGA_exec(struct gs_call *call);
static enum gs_status cmd_initparamSA_exec(struct gs_call *call);
static enum gs_status cmd_initparamSS_exec(struct gs_call *call);
static enum gs_status cmd_setparamGA_exec(struct gs_call *call);
static enum gs_status cmd_remarg_exec(struct gs_call *call);
static enum gs_status cmd_setsearch_exec(struct gs_call *call);
static enum gs_status cmd_shiftarg_exec(struct gs_call *call);
static enum gs_status cmd_spkcmp_exec(struct gs_call *call);

#define INITPARAM_ENTRY(cls, what)                                                                 \
    const struct gs_cmd cmd_initparam##cls##_entry = {                                             \
        .name = "initparam" #cls,                                                                  \
        .family = "param",                                                                         \
        .summary = "set one parameter's type, range, centre and label in a " #what,               \
        .usage = "path param type range center label",                                            \
        .pos = {{"path", GS_ARG_STR},                                                              \
                {"param", GS_ARG_INT},                                                             \
                {"type", GS_ARG_INT},                                                              \
                {"range", GS_ARG_REAL},                                                            \
                {"center", GS_ARG_REAL},                                                           \
                {"label", GS_ARG_STR}},                                                            \
        .min_pos = 6,                                                                              \
        .max_pos = 6,                                                                              \
        .flags = GS_CMD_RESULT,                                                                    \
        .exec = cmd_initparam##cls##_exec,                                                         \
    }

INITPARAM_ENTRY(BF, paramtableBF);
INITPARAM_ENTRY(CG, paramtableCG);
INITPARAM_ENTRY(GA, paramtableGA);
INITPARAM_ENTRY(SS, paramtableSS);

const struct gs_cmd cmd_initparamSA_entry = {
    .name = "initparamSA",
    .family = "param",
    .summary = "set one parameter's type, range, centre, step scale and label in a "
               "paramtableSA",
    .usage = "path param type range center scalemod label",
    .pos = {{"path", GS_ARG_STR},
            {"param", GS_ARG_INT},
            {"type", GS_ARG_INT},
            {"range", GS_ARG_REAL},
            {"center", GS_ARG_REAL},
            {"scalemod", GS_ARG_REAL},
            {"label", GS_ARG_STR}},
    .min_pos = 7,
    .max_pos = 7,
    .flags = GS_CMD_RESULT,
    .exec = cmd_initparamSA_exec,
};

const struct gs_cmd cmd_getparamGA_entry = {
    .name = "getparamGA",
    .family = "param",
    .summary = "the value of one parameter of one table of a paramtableGA",
    .usage = "path table param",
    .pos = {{"path", GS_ARG_STR}, {"table", GS_ARG_INT}, {"param", GS_ARG_INT}},
    .min_pos = 3,
    .max_pos = 3,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getparamGA_exec,
};

const struct gs_cmd cmd_setparamGA_entry = {
    .name = "setparamGA",
    .family = "param",
    .summary = "set one parameter of one table of a paramtableGA (coded within its range)",
    .usage = "path table param value",
    .pos = {{"path", GS_ARG_STR}, {"table", GS_ARG_INT}, {"param", GS_ARG_INT},
            {"value", GS_ARG_REAL}},
    .min_pos = 4,
    .max_pos = 4,
    .exec = cmd_setparamGA_exec,
};

const struct gs_cmd cmd_remarg_entry = {
    .name = "remarg",
    .family = "param",
    .summary = "what the last shiftarg left of its string",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_RESULT,
    .exec = cmd_remarg_exec,
};

static const struct gs_opt setsearch_opts[] = {
    {"-all", 0, GS_ARG_STR,
     "search every parameter"},
    {"-not", 0, GS_ARG_STR,
     "search all but the parameters listed"},
    {"-add", 0, GS_ARG_STR,
     "search the listed parameters as well as those already searched"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_setsearch_entry = {
    .name = "setsearch",
    .family = "param",
    .summary = "choose which parameters a paramtable search varies",
    .usage = "path [param1] [param2] ... [-all] [-not] [-add]",
    .pos = {{"path", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .opts = setsearch_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_setsearch_exec,
};

const struct gs_cmd cmd_shiftarg_entry = {
    .name = "shiftarg",
    .family = "param",
    .summary = "the first word of a string (remarg gives the rest)",
    .usage = "argument_string",
    .pos = {{"argument_string", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_shiftarg_exec,
};

static const struct gs_opt spkcmp_opts[] = {
    {"-offset", 1, GS_ARG_REAL,
     "t: add t seconds to the simulated spike times"},
    {"-pow1", 1, GS_ARG_REAL,
     "p: weight of early mismatches (>= 0)"},
    {"-pow2", 1, GS_ARG_REAL,
     "q: scaling of missing-spike penalties by the spike counts (>= 0)"},
    {"-msp", 1, GS_ARG_REAL,
     "penalty: per missing or extra spike (default 1)"},
    {"-nmp", 1, GS_ARG_REAL,
     "n: penalty per shrinking of consecutive simulated interspike intervals"},
    {"-et", 1, GS_ARG_REAL,
     "t: leave out spikes after t seconds"},
    {"-spk", 0, GS_ARG_STR,
     "return the mismatch and the missing-spike count instead of the score"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_spkcmp_entry = {
    .name = "spkcmp",
    .family = "param",
    .summary = "how far a simulation's spike times are from reference spike times",
    .usage = "reference-data simulation-data [-offset time] [-pow1 p] [-pow2 q] "
             "[-msp missing_spike_penalty] [-nmp nonmonotonicity_penalty] [-et end_time] "
             "[-spk]",
    .pos = {{"reference-data", GS_ARG_STR}, {"simulation-data", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = spkcmp_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_spkcmp_exec,
};

/* The paramtable at PATH. Errors: no such element; not a paramtable; no
 * tables yet (when NEED_TABLES). */
static enum gs_status
find_ptab(struct gs_call *call, const char *path, bool need_tables, struct ptab **out)
{
    struct gs_element *el;
    if (path_find(call->sim, path, &el) != GS_OK)
        return GS_ERR;
    if (!ptab_of(el))
        return gs_error(call->sim, "'%s' is a %s, not a parameter table (a paramtable object)",
                        path, el->cls->name);
    *out = (struct ptab *)(void *)el;
    if (need_tables && !(*out)->alloced)
        return gs_error(call->sim, "'%s' has no parameter tables: call '%s' TABCREATE first", path,
                        path);
    return GS_OK;
}

/* initparamXX: checks the index, type and range; sets type, range, min and
 * max, the label (argument LABEL), and the centre where the class keeps
 * it. */
static enum gs_status
initparam(struct gs_call *call, const char *cls, int label)
{
    struct gs_sim *sim = call->sim;
    struct ptab *p;
    long param = gs_arg_int(call, 1), type = gs_arg_int(call, 2);
    double range = gs_arg_real(call, 3), center = gs_arg_real(call, 4);
    if (find_ptab(call, gs_arg(call, 0), true, &p) != GS_OK)
        return GS_ERR;
    if (strcmp(p->el.cls->name, cls) != 0)
        return gs_error(sim, "'%s' is a %s; this command sets up a %s", gs_arg(call, 0),
                        p->el.cls->name, cls);
    if (param < 0 || param >= p->num_params)
        return gs_error(sim, "parameter index %ld is out of range: '%s' has %d parameters (0 to "
                             "%d)",
                        param, gs_arg(call, 0), p->num_params, p->num_params - 1);
    if (type != 0 && type != 1)
        return gs_error(sim, "type must be 0 (additive) or 1 (multiplicative), got %ld", type);
    if (type == 0 && range < 0.0)
        return gs_error(sim, "the range of an additive parameter must be >= 0, got %g", range);
    if (type == 1 && range < 1.0)
        return gs_error(sim, "the range of a multiplicative parameter must be >= 1, got %g",
                        range);
    int i = (int)param;
    p->type[i] = (int)type;
    p->range[i] = range;
    if (p->min) {
        p->min[i] = type == 0 ? center - range : center / range;
        p->max[i] = type == 0 ? center + range : center * range;
    }
    ptab_set_label(p, i, gs_arg(call, label));
    ptab_of(&p->el)->init_param(p, i, center);
    gs_result_int(call, 1);
    return GS_OK;
}

static enum gs_status
cmd_initparamBF_exec(struct gs_call *call)
{
    return initparam(call, "paramtableBF", 5);
}

static enum gs_status
cmd_initparamCG_exec(struct gs_call *call)
{
    return initparam(call, "paramtableCG", 5);
}

static enum gs_status
cmd_initparamGA_exec(struct gs_call *call)
{
    return initparam(call, "paramtableGA", 5);
}

static enum gs_status
cmd_initparamSA_exec(struct gs_call *call)
{
    double scalemod = gs_arg_real(call, 5);
    struct gs_element *el;
    if (scalemod < 0.0)
        return gs_error(call->sim, "scalemod must be >= 0, got %g", scalemod);
    if (initparam(call, "paramtableSA", 6) != GS_OK
        || path_find(call->sim, gs_arg(call, 0), &el) != GS_OK)
        return GS_ERR;
    ptab_sa_init_param(el, (int)gs_arg_int(call, 1), scalemod);
    return GS_OK;
}

static enum gs_status
cmd_initparamSS_exec(struct gs_call *call)
{
    return initparam(call, "paramtableSS", 5);
}

/* The paramtableGA at argument 0 and the table and parameter indices of
 * arguments 1 and 2, checked. */
static enum gs_status
ga_slot(struct gs_call *call, struct ptab **p, int *t, int *i)
{
    long table = gs_arg_int(call, 1), param = gs_arg_int(call, 2);
    if (find_ptab(call, gs_arg(call, 0), false, p) != GS_OK)
        return GS_ERR;
    if (strcmp((*p)->el.cls->name, "paramtableGA") != 0)
        return gs_error(call->sim, "'%s' is a %s, not a paramtableGA", gs_arg(call, 0),
                        (*p)->el.cls->name);
    if (find_ptab(call, gs_arg(call, 0), true, p) != GS_OK)
        return GS_ERR;
    int nt = ptab_ga_ntables(&(*p)->el);
    if (table < 0 || table >= nt)
        return gs_error(call->sim, "table index %ld is out of range: '%s' has %d tables", table,
                        gs_arg(call, 0), nt);
    if (param < 0 || param >= (*p)->num_params)
        return gs_error(call->sim, "parameter index %ld is out of range: '%s' has %d "
                                   "parameters",
                        param, gs_arg(call, 0), (*p)->num_params);
    *t = (int)table;
    *i = (int)param;
    return GS_OK;
}

static enum gs_status
cmd_getparamGA_exec(struct gs_call *call)
{
    struct ptab *p;
    int t, i;
    if (ga_slot(call, &p, &t, &i) != GS_OK)
        return GS_ERR;
    gs_result_real(call, ptab_ga_get(&p->el, t, i));
    return GS_OK;
}

static enum gs_status
cmd_setparamGA_exec(struct gs_call *call)
{
    struct ptab *p;
    int t, i;
    if (ga_slot(call, &p, &t, &i) != GS_OK)
        return GS_ERR;
    ptab_ga_set(&p->el, t, i, gs_arg_real(call, 3));
    return GS_OK;
}

static enum gs_status
cmd_remarg_exec(struct gs_call *call)
{
    const char *rest = *interp_shift_rest(call->sim);
    gs_result_str(call, "%s", rest ? rest : "");
    return GS_OK;
}

static enum gs_status
cmd_setsearch_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    struct ptab *p;
    bool all = gs_has_opt(call, "-all"), not_ = gs_has_opt(call, "-not"),
         add = gs_has_opt(call, "-add");
    if (all && not_)
        return gs_error(sim, "-all and -not cannot be used together");
    if (not_ && add)
        return gs_error(sim, "-not and -add cannot be used together");
    if (find_ptab(call, gs_arg(call, 0), true, &p) != GS_OK)
        return GS_ERR;
    int n = call->npos - 1;
    int *idx = xcalloc((size_t)(n > 0 ? n : 1), sizeof *idx);
    enum gs_status st = GS_OK;
    /* every index is checked before any flag changes (GENESIS cleared the
     * flags first) */
    for (int k = 0; k < n && !all && st == GS_OK; k++) {
        const char *w = call->pos[k + 1];
        char *end;
        errno = 0;
        long v = strtol(w, &end, 10);
        if (end == w || *end || errno)
            st = gs_error(sim, "a parameter index must be a whole number, got '%s'", w);
        else if (v < 0 || v >= p->num_params)
            st = gs_error(sim, "parameter index %ld is out of range: '%s' has %d parameters (0 "
                               "to %d)",
                          v, gs_arg(call, 0), p->num_params, p->num_params - 1);
        else
            idx[k] = (int)v;
    }
    if (st == GS_OK) {
        for (int i = 0; i < p->num_params; i++)
            if (all || not_)
                p->search[i] = 1;
            else if (!add)
                p->search[i] = 0;
        if (!all) {
            for (int k = 0; k < n; k++)
                p->search[idx[k]] = not_ ? 0 : 1;
        }
        /* GENESIS's -all returns before counting */
        if (!all && ptab_of(&p->el)->has_ntosearch)
            ptab_count_search(p);
        gs_result_int(call, 1);
    }
    free(idx);
    return st;
}

static enum gs_status
cmd_shiftarg_exec(struct gs_call *call)
{
    const char *s = gs_arg(call, 0);
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strcspn(s, " \t");
    gs_result_str(call, "%.*s", (int)n, s);
    char **rest = interp_shift_rest(call->sim);
    free(*rest);
    *rest = xstrdup(s + n);
    return GS_OK;
}

/* One spike-time file (GENESIS's .spk layout: "CURR i" starts a trace,
 * "SPK t" is a spike, a line with "----" ends the trace). */
struct spkfile {
    int ncurr;       /* traces */
    int maxspk;      /* most spikes in one trace, plus one for the end mark */
    double *curr;    /* [ncurr] */
    double **spk;    /* [ncurr][width]: times, then SPK_END, then zeros */
    int total;       /* spikes kept (within the end time) */
};

#define SPK_END (-9999.0)
#define SPK_SMALL 1.0e-5

static bool
spk_is_end(double v)
{
    return fabs(v - SPK_END) < SPK_SMALL;
}

/* Counts the traces and the longest one, as GENESIS does (lines read 79
 * characters at a time). */
static void
spk_sizes(FILE *fp, struct spkfile *f)
{
    char line[80];
    int n = 0, most = -1;
    f->ncurr = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strstr(line, "CURR"))
            f->ncurr++;
        else if (strstr(line, "SPK"))
            n++;
        else if (strstr(line, "----")) {
            if (n > most)
                most = n;
            n = 0;
        }
    }
    f->maxspk = most + 1;
}

/* The second word of LINE as a number (GENESIS's Atod: 0 when none). */
static double
spk_word2(const char *line)
{
    char a[80], b[80];
    if (sscanf(line, "%79s %79s", a, b) != 2)
        return 0.0;
    return atof(b);
}

static void
spk_read(FILE *fp, struct spkfile *f, int width, double end_time)
{
    char line[80];
    int c = 0, k = 0;
    rewind(fp);
    f->curr = xcalloc((size_t)(f->ncurr > 0 ? f->ncurr : 1), sizeof *f->curr);
    f->spk = xcalloc((size_t)(f->ncurr > 0 ? f->ncurr : 1), sizeof *f->spk);
    for (int i = 0; i < f->ncurr; i++)
        f->spk[i] = xcalloc((size_t)(width > 0 ? width : 1), sizeof **f->spk);
    f->total = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strstr(line, "CURR")) {
            if (c < f->ncurr)
                f->curr[c] = spk_word2(line);
        } else if (strstr(line, "SPK")) {
            double t = spk_word2(line);
            if (end_time > 0.0 && t > end_time)
                continue;
            if (c < f->ncurr && k < width)
                f->spk[c][k] = t;
            k++;
        } else if (strstr(line, "----")) {
            f->total += k;
            if (c < f->ncurr && k < width)
                f->spk[c][k] = SPK_END;
            c++;
            k = 0;
        }
    }
}

static void
spk_free(struct spkfile *f)
{
    for (int i = 0; f->spk && i < f->ncurr; i++)
        free(f->spk[i]);
    free(f->spk);
    free(f->curr);
}

/* GENESIS's spike-train mismatch (spkcmp's compare_spikes), in its order
 * of operations. */
static double
spk_compare(struct spkfile *raw, struct spkfile *sim, int width, double offset, double msp,
            double pow1, double pow2, double nmp, int *mismatch)
{
    int real_count = -1, sim_count = -1;
    double prev_isi = 0.0, prev_spk = 0.0, sum = 0.0;
    if (raw->total == 0 && sim->total == 0)
        return 0.0;
    for (int i = 0; i < raw->ncurr; i++) {
        double *r = raw->spk[i], *s = sim->spk[i];
        bool rdone = false, sdone = false;
        for (int j = 0; j < width; j++)
            if (spk_is_end(r[j])) {
                real_count = j;
                break;
            }
        for (int j = 0; j < width; j++) {
            if (spk_is_end(s[j])) {
                sim_count = j;
                break;
            }
            s[j] += offset;
        }
        for (int j = 0; j < width && !spk_is_end(s[j]); j++) {
            if (j == 0) {
                prev_spk = s[0];
            } else if (j == 1) {
                prev_isi = s[1] - prev_spk;
                prev_spk = s[1];
            } else {
                double isi = s[j] - prev_spk, disi = prev_isi - isi;
                prev_spk = s[j];
                prev_isi = isi;
                if (disi > 0.002) /* jitter below 2 ms is not penalised */
                    sum += disi * nmp;
            }
        }
        for (int j = 0; j < width; j++) {
            double m = 0.0;
            if (spk_is_end(r[j]))
                rdone = true;
            if (spk_is_end(s[j]))
                sdone = true;
            if (rdone && sdone)
                break;
            if (!rdone && !sdone) {
                m = fabs(pow1) < SPK_SMALL ? fabs(r[j] - s[j])
                                           : fabs(r[j] - s[j]) / pow(fmax(0.010, r[j]), pow1);
            } else {
                if (fabs(pow2) < SPK_SMALL || real_count == 0) {
                    m = msp;
                } else {
                    int lo = real_count < sim_count ? real_count : sim_count;
                    int hi = real_count < sim_count ? sim_count : real_count;
                    m = msp * (1.0 - pow((double)lo / (double)(hi > 0 ? hi : 1), pow2));
                }
                (*mismatch)++;
            }
            sum += m;
        }
    }
    double total = raw->total < sim->total ? raw->total : sim->total;
    return sum / (total > 1.0 ? total : 1.0);
}

static enum gs_status
cmd_spkcmp_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    double offset = gs_has_opt(call, "-offset") ? gs_optval_real(call, "-offset", 0) : 0.0;
    double pow1 = gs_has_opt(call, "-pow1") ? gs_optval_real(call, "-pow1", 0) : 0.0;
    double pow2 = gs_has_opt(call, "-pow2") ? gs_optval_real(call, "-pow2", 0) : 0.0;
    double msp = gs_has_opt(call, "-msp") ? gs_optval_real(call, "-msp", 0) : 1.0;
    double nmp = gs_has_opt(call, "-nmp") ? gs_optval_real(call, "-nmp", 0) : 0.0;
    double et = gs_has_opt(call, "-et") ? gs_optval_real(call, "-et", 0) : -1.0;
    bool print = gs_has_opt(call, "-spk");
    struct spkfile raw = {0}, simf = {0};
    FILE *fr = NULL, *fs = NULL;
    enum gs_status st = GS_ERR;
    if (pow1 < 0.0 || pow2 < 0.0) {
        gs_error(sim, "-pow1 and -pow2 must be >= 0, got %g and %g", pow1, pow2);
        goto out;
    }
    if (!(fr = fopen(gs_arg(call, 0), "r"))) {
        gs_error(sim, "cannot open reference data '%s'", gs_arg(call, 0));
        goto out;
    }
    if (!(fs = fopen(gs_arg(call, 1), "r"))) {
        gs_error(sim, "cannot open simulation data '%s'", gs_arg(call, 1));
        goto out;
    }
    spk_sizes(fr, &raw);
    spk_sizes(fs, &simf);
    if (raw.ncurr != simf.ncurr) {
        gs_error(sim, "'%s' has %d currents and '%s' %d: rerun the simulations",
                 gs_arg(call, 0), raw.ncurr, gs_arg(call, 1), simf.ncurr);
        goto out;
    }
    int width = raw.maxspk > simf.maxspk ? raw.maxspk : simf.maxspk;
    spk_read(fr, &raw, width, et);
    spk_read(fs, &simf, width, et);
    for (int i = 0; i < raw.ncurr; i++)
        if (fabs(raw.curr[i] - simf.curr[i]) > 0.01) {
            gs_error(sim, "the input currents differ (trace %d: %g and %g): rerun the "
                          "simulations",
                     i, raw.curr[i], simf.curr[i]);
            goto out;
        }
    int mismatch = 0;
    double v = spk_compare(&raw, &simf, width, offset, print ? 0.0 : msp, pow1, pow2, nmp,
                           &mismatch);
    if (print)
        gs_out(sim, "%.4f\t\t%d\n", v, mismatch);
    gs_result_real(call, v);
    st = GS_OK;
out:
    if (fr)
        fclose(fr);
    if (fs)
        fclose(fs);
    spk_free(&raw);
    spk_free(&simf);
    return st;
}
