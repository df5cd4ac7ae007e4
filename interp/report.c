/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * report.c: the one place that prints diagnostics (STYLE E2, E3):
 * "gensh: FILE:LINE: COMMAND: message" on stderr ("gensh[K]: ..." on node K
 * of a parallel run), counted in the sim.
 *
 * A loop that repeats a failing command would print the same error
 * without end (57,000 lines a second). So errors are counted by where
 * they come from ("FILE:LINE: COMMAND"): the first REPEAT_SHOWN of a place
 * are printed, the next says that the rest are not, and when the outermost
 * script or prompt entry ends, one line per place says how many were not
 * shown. In batch mode the run stops after -maxerrors errors in all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define REPEAT_SHOWN 20
#define REPEAT_PLACES 256 /* places remembered; errors of others always print */

struct repeat {
    char *place;          /* "FILE:LINE: COMMAND" */
    unsigned long count;  /* errors from there since the last summary */
};

struct repeats {
    struct repeat r[REPEAT_PLACES];
    int n;
};

/* The place of MSG ("FILE:LINE: COMMAND" from "FILE:LINE: COMMAND: ..."),
 * its length in *LEN; false for a message without a script location. */
static bool
place_of(const char *msg, size_t *len)
{
    const char *colon = strstr(msg, ": ");
    if (!colon || colon == msg)
        return false;
    const char *d = colon;
    while (d > msg && d[-1] >= '0' && d[-1] <= '9')
        d--;
    if (d == colon || d == msg || d[-1] != ':')
        return false; /* not FILE:LINE */
    const char *end = strstr(colon + 2, ": ");
    *len = (size_t)((end ? end : colon) - msg);
    return true;
}

/* Counts MSG's place; returns its count (0: a message without a place). */
static unsigned long
count_place(struct gs_sim *sim, const char *msg)
{
    size_t len;
    if (!place_of(msg, &len))
        return 0;
    struct repeats *rp = sim->interp->repeats;
    if (!rp)
        rp = sim->interp->repeats = xcalloc(1, sizeof *rp);
    for (int i = 0; i < rp->n; i++)
        if (strlen(rp->r[i].place) == len && memcmp(rp->r[i].place, msg, len) == 0)
            return ++rp->r[i].count;
    if (rp->n == REPEAT_PLACES)
        return 0;
    rp->r[rp->n].place = xstrndup(msg, len);
    rp->r[rp->n].count = 1;
    rp->n++;
    return 1;
}

static void GS_PRINTFLIKE(2, 3)
print_line(struct gs_sim *sim, const char *fmt, ...)
{
    /* One write for the whole line: the ranks of a parallel run share
     * stderr, and separate writes of a line's parts interleave. */
    char line[2048];
    int k = snprintf(line, sizeof line, "%s: ", sim->tag);
    va_list ap;
    va_start(ap, fmt);
    if (k >= 0 && (size_t)k < sizeof line)
        k += vsnprintf(line + k, sizeof line - (size_t)k, fmt, ap);
    va_end(ap);
    if (sim->err_context && k >= 0 && (size_t)k < sizeof line)
        snprintf(line + k, sizeof line - (size_t)k, " (%s)", sim->err_context);
    FILE *f = sim->err ? sim->err : stderr;
    fflush(sim->out ? sim->out : stdout); /* keep stdout and stderr in order */
    fprintf(f, "%s\n", line);
    fflush(f);
}

void
interp_report_msg(struct gs_sim *sim, const char *msg)
{
    sim->nerrors++;
    unsigned long k = sim->interp ? count_place(sim, msg) : 0;
    size_t len;
    if (k <= REPEAT_SHOWN)
        print_line(sim, "%s", msg);
    else if (k == REPEAT_SHOWN + 1 && place_of(msg, &len))
        print_line(sim, "%.*s: more errors from here are not shown (their count follows at the end)",
                   (int)len, msg);
    unsigned long max = sim->opt.maxerrors;
    if (sim->opt.batch && max > 0 && sim->nerrors == max && sim->interp) {
        print_line(sim, "stopping after %lu errors (-maxerrors N to change the limit, 0 for none)",
                   max);
        sim->interp->stopping = true;
    }
}

void
interp_repeats_free(struct repeats *rp)
{
    for (int i = 0; rp && i < rp->n; i++)
        free(rp->r[i].place);
    free(rp);
}

void
interp_report_repeats(struct gs_sim *sim)
{
    struct repeats *rp = sim->interp ? sim->interp->repeats : NULL;
    for (int i = 0; rp && i < rp->n; i++)
        if (rp->r[i].count > REPEAT_SHOWN)
            print_line(sim, "%s: %lu more errors from here were not shown", rp->r[i].place,
                       rp->r[i].count - REPEAT_SHOWN);
    interp_repeats_free(rp);
    if (sim->interp)
        sim->interp->repeats = NULL;
}

void
interp_report(struct gs_sim *sim, const char *where, const char *cmd)
{
    char line[1400];
    snprintf(line, sizeof line, "%s%s%s%s%s", where && where[0] ? where : "",
             where && where[0] ? ": " : "", cmd && cmd[0] ? cmd : "", cmd && cmd[0] ? ": " : "",
             sim->diag.msg);
    interp_report_msg(sim, line);
    gs_diag_clear(sim);
}
