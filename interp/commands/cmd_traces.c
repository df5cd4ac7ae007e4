/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_traces.c: the commands of GENESIS's parameter-search library that
 * measure simulated voltage traces: gen2spk (the spike times of each
 * current step of an xplot-style trace file, written as the spike-time
 * file spkcmp reads) and shapematch (how far apart two waveforms are).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/core/core.h"
#include "../../models/core/interpol.h"
#include "../cmd.h"
#include "../interp.h"

static enum gs_status cmd_gen2spk_exec(struct gs_call *call);
static enum gs_status cmd_shapematch_exec(struct gs_call *call);

static const struct gs_opt gen2spk_opts[] = {
    {"-stepsize", 1, GS_ARG_REAL, "dt: seconds between samples (default 0.0001)"},
    {"-maxaccuracy", 0, GS_ARG_STR, "spike times with ten decimals instead of four"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_gen2spk_entry = {
    .name = "gen2spk",
    .family = "param",
    .summary = "extract the spike times of each current step of a trace file (to FILE.spk.sim)",
    .usage = "datafile current-start current-duration total-duration [-stepsize dt] "
             "[-maxaccuracy]",
    .pos = {{"datafile", GS_ARG_STR},
            {"current-start", GS_ARG_REAL},
            {"current-duration", GS_ARG_REAL},
            {"total-duration", GS_ARG_REAL}},
    .min_pos = 4,
    .max_pos = 4,
    .opts = gen2spk_opts,
    .exec = cmd_gen2spk_exec,
};

static const struct gs_opt shapematch_opts[] = {
    {"-start", 1, GS_ARG_REAL, "start-time: compare from this time on (s)"},
    {"-stepsize", 1, GS_ARG_REAL, "dt: the sampling step of the -alternate algorithm (s)"},
    {"-absdev", 0, GS_ARG_STR, "the mean absolute difference instead of the RMS one"},
    {"-alternate", 0, GS_ARG_STR, "compare interspike intervals, time-scaled"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_shapematch_entry = {
    .name = "shapematch",
    .family = "param",
    .summary = "how far apart two waveforms (files of time-value pairs, or tables) are",
    .usage = "reference-file simulation-file [-start start-time] [-stepsize dt] [-absdev] "
             "[-alternate]",
    .pos = {{"reference-file", GS_ARG_STR}, {"simulation-file", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = shapematch_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_shapematch_exec,
};

/* ---- gen2spk ---------------------------------------------------------------- */

#define G2S_WINDOW 5        /* samples looked ahead past a turning point */
#define G2S_MIN_HEIGHT 0.030 /* V: a spike rises and falls by more than this */

/* One trace: its current (the /plotname value) and samples, ended by the
 * next /newplot or the end of the file. N samples are kept; the buffer
 * has CAP entries, zero past N, as GENESIS's is. */
struct g2s_trace {
    double current;
    double *v;
    long n, cap;
};

/* Reads the next trace from FP. Returns 1 when a /newplot follows, 0 at
 * the end of the file, -1 on an error (recorded). */
static int
g2s_read(struct gs_sim *sim, FILE *fp, const char *fn, struct g2s_trace *tr, long size)
{
    char line[120], word[120] = "0";
    memset(tr->v, 0, (size_t)tr->cap * sizeof *tr->v);
    tr->n = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strstr(line, "/newplot"))
            return 1;
        if (strstr(line, "/plotname")) {
            char cur[120];
            if (sscanf(line, "%*s %119s", cur) == 1)
                tr->current = atof(cur);
        } else if (line[0] != '/') {
            sscanf(line, "%*s %119s", word); /* the second word: Vm */
            if (strcmp(word, "nan") == 0 || strcmp(word, "NaN") == 0 || strcmp(word, "-nan") == 0) {
                gs_error(sim, "'%s' holds a NaN value", fn);
                return -1;
            }
            if (tr->n >= size) {
                gs_error(sim, "'%s' holds more than %ld samples in one trace: "
                              "total-duration / stepsize is too small",
                         fn, size + 1);
                return -1;
            }
            tr->v[tr->n++] = atof(word);
        }
    }
    return 0;
}

/* The spike times (relative to the current's onset) of samples
 * FIRST..LAST of V: GENESIS's gen2spk algorithm. Each spike is a rise
 * to a maximum followed by a fall to a minimum, both more than 30 mV; a
 * rise or fall continues while a sample within the next five is beyond
 * the extreme so far; the time is the maximum's. (GENESIS measures the
 * spike's width too but keeps the spike whatever it is.) */
static long
g2s_spikes(const double *v, long first, long last, double dt, double *out, long maxout)
{
    long next = first, n = 0;
    while (next < last) {
        double lo_up = v[next++], top, lo_down;
        long more;
        do {
            while (v[next] >= v[next - 1] && next <= last)
                next++;
            top = v[next - 1];
            more = 0;
            for (long i = 0; i < G2S_WINDOW; i++)
                if (next + i <= last && v[next + i] >= top) {
                    top = v[next + i];
                    more = i + 1;
                }
            next += more;
            top = v[next - 1];
        } while (more != 0);
        double t = (double)(next - first - 1) * dt;
        do {
            while (v[next] <= v[next - 1] && next <= last)
                next++;
            lo_down = v[next - 1];
            more = 0;
            for (long i = 0; i < G2S_WINDOW; i++)
                if (next + i <= last && v[next + i] <= lo_down) {
                    lo_down = v[next + i];
                    more = i + 1;
                }
            next += more;
            lo_down = v[next - 1];
        } while (more != 0);
        --next;
        if (top - lo_up > G2S_MIN_HEIGHT && top - lo_down > G2S_MIN_HEIGHT && n < maxout)
            out[n++] = t;
    }
    return n;
}

static enum gs_status
cmd_gen2spk_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *fn = gs_arg(call, 0);
    double start = gs_arg_real(call, 1), dur = gs_arg_real(call, 2), total = gs_arg_real(call, 3);
    double dt = gs_has_opt(call, "-stepsize") ? gs_optval_real(call, "-stepsize", 0) : 0.0001;
    bool precise = gs_has_opt(call, "-maxaccuracy");
    if (!(dt > 0.0) || start < 0.0 || dur < 0.0 || !(total > 0.0) || start + dur > total)
        return gs_error(sim, "the step (%g) and total duration (%g) must be > 0, the "
                             "current's start (%g) and duration (%g) >= 0 and within the total",
                        dt, total, start, dur);
    long size = (long)ceil(total / dt) + 1;
    long first = (long)(start / dt), last = (long)((dur + start) / dt);
    if (size > 100000000L)
        return gs_error(sim, "%ld samples per trace are too many", size);
    FILE *in = fopen(fn, "r");
    if (!in)
        return gs_error(sim, "cannot open '%s'", fn);
    struct strbuf out = STRBUF_INIT;
    struct g2s_trace tr = {0.0, NULL, 0, size + 10 + G2S_WINDOW};
    tr.v = xcalloc((size_t)tr.cap, sizeof *tr.v);
    double *spk = xcalloc((size_t)size + 1, sizeof *spk);
    char line[120];
    enum gs_status st = GS_OK;
    /* everything before the first /newplot is a header */
    while (fgets(line, sizeof line, in) && !strstr(line, "/newplot"))
        ;
    for (int more = 1; more == 1 && st == GS_OK;) {
        more = g2s_read(sim, in, fn, &tr, size);
        if (more < 0) {
            st = GS_ERR;
            break;
        }
        long n = g2s_spikes(tr.v, first, last, dt, spk, size + 1);
        sb_printf(&out, "CURR\t\t%.4f\n", tr.current);
        for (long k = 0; k < n; k++)
            sb_printf(&out, precise ? "SPK\t\t%.10f\n" : "SPK\t\t%.4f\n", spk[k]);
        sb_puts(&out, "--------------------\n");
    }
    fclose(in);
    free(tr.v);
    free(spk);
    if (st == GS_OK) {
        /* the output file is written only when the whole input was read */
        struct strbuf name = STRBUF_INIT;
        sb_printf(&name, "%s.spk.sim", fn);
        FILE *fp = fopen(sb_str(&name), "w");
        if (!fp) {
            st = gs_error(sim, "cannot open '%s' for writing", sb_str(&name));
        } else {
            bool failed = fputs(sb_str(&out), fp) < 0;
            if (fclose(fp) != 0 || failed) /* closed whatever fputs said */
                st = gs_error(sim, "error writing '%s'", sb_str(&name));
        }
        sb_free(&name);
    }
    sb_free(&out);
    return st;
}

/* ---- shapematch ------------------------------------------------------------ */

#define SM_MAXPTS 10000 /* samples read from a file or table, as GENESIS */

struct wave {
    double *t, *v;
    int n;
};

/* The waveform NAME: a table element's table (x from xmin by dx), or a
 * file of "time value" pairs. */
static enum gs_status
wave_load(struct gs_sim *sim, const char *name, struct wave *w)
{
    struct gs_element *el = path_is_pattern(name) ? NULL : path_lookup(sim, name);
    w->t = xcalloc(SM_MAXPTS, sizeof *w->t);
    w->v = xcalloc(SM_MAXPTS, sizeof *w->v);
    w->n = 0;
    if (el) {
        struct gs_fref f;
        if (strcmp(el->cls->name, "table") != 0 || field_find(sim, el, "table", &f) != GS_OK
            || f.type != GS_TABLE)
            return gs_error(sim, "'%s' is a %s, not a table", name, el->cls->name);
        const struct interpol *ip = f.addr ? *(struct interpol **)f.addr : NULL;
        if (!ip || !ip->allocated)
            return gs_error(sim, "the table of '%s' has not been created", name);
        double dx = (ip->xmax - ip->xmin) / ip->xdivs, x = ip->xmin;
        for (int i = 0; i <= ip->xdivs && i < SM_MAXPTS; i++, x += dx) {
            w->v[i] = ip->table[i];
            w->t[i] = x;
            w->n = i + 1;
        }
        return GS_OK;
    }
    FILE *fp = fopen(name, "r");
    if (!fp)
        return gs_error(sim, "cannot open file or table '%s'", name);
    int k;
    while (w->n < SM_MAXPTS && (k = fscanf(fp, "%lf %lf", &w->t[w->n], &w->v[w->n])) == 2)
        w->n++;
    bool bad = w->n < SM_MAXPTS && !feof(fp);
    fclose(fp);
    if (bad)
        return gs_error(sim, "'%s': line %d is not a pair of numbers (time "
                             "value)",
                        name, w->n + 1);
    return GS_OK;
}

static void
wave_free(struct wave *w)
{
    free(w->t);
    free(w->v);
}

/* One interspike interval: samples lo..hi, times tlo..thi. */
struct isi {
    int lo, hi;
    double tlo, thi;
};

#define SM_MAXISIS 500

/* The intervals between spikes of V (crossings of THRESH, up and down,
 * each held for two samples); returns their number. */
static int
isis(const double *v, const double *t, int n, double thresh, struct isi *out)
{
    int k = 0;
    out[0].lo = 0;
    out[0].tlo = t[0];
    for (int i = 1; i < n - 2 && k < SM_MAXISIS - 1; i++) {
        if (v[i - 1] < thresh && v[i] <= thresh && v[i + 1] > thresh && v[i + 2] > thresh) {
            out[k].hi = i;
            out[k].thi = t[i];
            k++;
        }
        if (v[i - 1] > thresh && v[i] >= thresh && v[i + 1] < thresh && v[i + 2] < thresh) {
            out[k].lo = i + 1;
            out[k].tlo = t[i + 1];
        }
    }
    out[k].hi = n - 1;
    out[k].thi = t[n - 1];
    return k + 1;
}

/* GENESIS's alternate algorithm (Upi Bhalla's): the intervals between
 * spikes of the two traces are paired in order, each simulated interval
 * stretched onto its reference one, and the RMS difference taken at
 * steps of DT of reference time. */
static double
match_isis(const struct wave *r, const struct wave *s, double dt)
{
    double lo = r->v[0], hi = r->v[0];
    for (int i = 1; i < r->n; i++) {
        lo = r->v[i] < lo ? r->v[i] : lo;
        hi = r->v[i] > hi ? r->v[i] : hi;
    }
    double thresh = (hi + 5 * lo) / 6.0, sumsq = 0.0;
    struct isi *ri = xcalloc(SM_MAXISIS, sizeof *ri), *si = xcalloc(SM_MAXISIS, sizeof *si);
    int nr = isis(r->v, r->t, r->n, thresh, ri), ns = isis(s->v, s->t, s->n, thresh, si);
    int nmin = nr < ns ? nr : ns, k = 1, m = 1;
    long count = 0;
    double t = 0.0;
    for (int i = 0; i < nmin; i++) {
        double scale = (si[i].thi - si[i].tlo) / (ri[i].thi - ri[i].tlo);
        for (; t < ri[i].thi; t += dt) {
            while (k < r->n - 1 && t > r->t[k])
                k++;
            double ry = r->v[k - 1]
                        + (r->v[k] - r->v[k - 1]) * (t - r->t[k - 1]) / (r->t[k] - r->t[k - 1]);
            double st = si[i].tlo + (t - ri[i].tlo) * scale;
            while (m < s->n - 1 && st > s->t[m])
                m++;
            double sy = s->v[m - 1]
                        + (s->v[m] - s->v[m - 1]) * (st - s->t[m - 1]) / (s->t[m] - s->t[m - 1]);
            sumsq += (ry - sy) * (ry - sy);
            count++;
        }
    }
    free(ri);
    free(si);
    return sqrt(sumsq / (double)(count > 0 ? count : 1));
}

static enum gs_status
cmd_shapematch_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    double start = gs_has_opt(call, "-start") ? gs_optval_real(call, "-start", 0) : 0.0;
    double dt = gs_has_opt(call, "-stepsize") ? gs_optval_real(call, "-stepsize", 0) : 0.0001;
    bool absdev = gs_has_opt(call, "-absdev"), alt = gs_has_opt(call, "-alternate");
    if (start < 0.0)
        return gs_error(sim, "-start must be >= 0, got %g", start);
    if (absdev && alt)
        return gs_error(sim, "-absdev and -alternate cannot be used together");
    if (alt && !(dt > 0.0))
        return gs_error(sim, "-stepsize must be > 0, got %g", dt);
    struct wave r = {0}, s = {0};
    enum gs_status st = GS_ERR;
    if (wave_load(sim, gs_arg(call, 0), &r) != GS_OK || wave_load(sim, gs_arg(call, 1), &s) != GS_OK)
        goto out;
    int i = 0, j = 0;
    while (i < r.n && r.t[i] < start)
        i++;
    while (j < s.n && s.t[j] < start)
        j++;
    struct wave rw = {r.t + i, r.v + i, r.n - i}, sw = {s.t + j, s.v + j, s.n - j};
    if (rw.n < 1 || sw.n < 1) {
        gs_error(sim, "no samples at or after the start time %g", start);
        goto out;
    }
    double match;
    if (alt) {
        if (rw.n < 2 || sw.n < 2) {
            gs_error(sim, "-alternate needs at least two samples in each trace");
            goto out;
        }
        match = match_isis(&rw, &sw, dt);
    } else {
        if (rw.n != sw.n) {
            gs_error(sim, "the traces hold %d and %d samples: they must hold the "
                          "same (or use -alternate)",
                     rw.n, sw.n);
            goto out;
        }
        double sum = 0.0;
        for (int k = 0; k < sw.n; k++) {
            if (fabs(sw.t[k] - rw.t[k]) > 1e-8) {
                gs_error(sim, "the traces' times differ (sample %d: %g and %g)", k,
                         rw.t[k], sw.t[k]);
                goto out;
            }
            double d = rw.v[k] - sw.v[k];
            sum += absdev ? fabs(d) : d * d;
        }
        match = absdev ? sum / sw.n : sqrt(sum / sw.n);
    }
    gs_result_real(call, match);
    st = GS_OK;
out:
    wave_free(&r);
    wave_free(&s);
    return st;
}
