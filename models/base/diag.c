/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diag.c: recording diagnostics and routing ordinary output. Nothing here
 * prints an error: the top level (interp/report.c) does, once.
 */
#include <stdio.h>
#include <string.h>

#include "gs.h"
#include "strbuf.h"

enum gs_status
gs_verror(struct gs_sim *sim, const char *fmt, va_list ap)
{
    /* The first cause is kept: later errors are consequences of it. */
    if (sim->diag.set && sim->diag.severity == GS_SEV_ERROR)
        return GS_ERR;
    sim->diag.set = true;
    sim->diag.severity = GS_SEV_ERROR;
    vsnprintf(sim->diag.msg, sizeof sim->diag.msg, fmt, ap);
    return GS_ERR;
}

enum gs_status
gs_error(struct gs_sim *sim, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gs_verror(sim, fmt, ap);
    va_end(ap);
    return GS_ERR;
}

void
gs_warn(struct gs_sim *sim, const char *fmt, ...)
{
    /* Warnings are printed at once: they do not stop the command. */
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sim->nwarnings++;
    FILE *f = sim->err ? sim->err : stderr;
    fflush(sim->out ? sim->out : stdout); /* keep stdout and stderr in order */
    const char *where = sim->cmd_origin ? sim->cmd_origin : "";
    fprintf(f, "%s: %s%swarning: %s%s%s\n", sim->tag[0] ? sim->tag : "gensh", where,
            where[0] ? ": " : "",
            sim->cmd_name ? sim->cmd_name : "", sim->cmd_name ? ": " : "", msg);
}

void
gs_diag_clear(struct gs_sim *sim)
{
    sim->diag.set = false;
    sim->diag.msg[0] = '\0';
}

void
gs_write(struct gs_sim *sim, const char *s, size_t n)
{
    if (sim->capture)
        sb_append(sim->capture, s, n);
    else
        fwrite(s, 1, n, sim->out ? sim->out : stdout);
}

void
gs_out(struct gs_sim *sim, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (sim->capture) {
        sb_vprintf(sim->capture, fmt, ap);
    } else {
        vfprintf(sim->out ? sim->out : stdout, fmt, ap);
    }
    va_end(ap);
}
