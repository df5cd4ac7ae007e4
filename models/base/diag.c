/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diag.c: recording diagnostics and routing ordinary output. Nothing here
 * prints an error: the top level (interp/report.c) does, once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* FNV-1a over a string, continuing from H. */
static uint64_t
hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
    return (h ^ 0xff) * UINT64_C(0x100000001b3);
}

/* How many times this warning has come before (0: never). Distinct
 * warnings past the table's size are not remembered: they always print. */
#define WARNED_MAX 4096
static unsigned
warned_before(struct gs_sim *sim, uint64_t key)
{
    for (size_t i = 0; i < sim->warned.n; i++)
        if (sim->warned.key[i] == key)
            return sim->warned.count[i]++;
    if (sim->warned.n < WARNED_MAX) {
        size_t n = sim->warned.n + 1;
        sim->warned.key = xreallocarray(sim->warned.key, n, sizeof *sim->warned.key);
        sim->warned.count = xreallocarray(sim->warned.count, n, sizeof *sim->warned.count);
        sim->warned.key[n - 1] = key;
        sim->warned.count[n - 1] = 1;
        sim->warned.n = n;
    }
    return 0;
}

void
gs_warn(struct gs_sim *sim, const char *fmt, ...)
{
    /* Warnings are printed at once: they do not stop the command. A
     * warning that comes again from the same place with the same text (a
     * tolerated word in a loop) is printed twice, the second time saying
     * that further repeats are not shown. */
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sim->nwarnings++;
    const char *where = sim->cmd_origin ? sim->cmd_origin : "";
    uint64_t key = hash_str(hash_str(hash_str(UINT64_C(0xcbf29ce484222325), where),
                                     sim->cmd_name), msg);
    unsigned before = warned_before(sim, key);
    if (before > 1)
        return;
    FILE *f = sim->err ? sim->err : stderr;
    fflush(sim->out ? sim->out : stdout); /* keep stdout and stderr in order */
    fprintf(f, "%s: %s%swarning: %s%s%s%s\n", sim->tag[0] ? sim->tag : "gensh", where,
            where[0] ? ": " : "", sim->cmd_name ? sim->cmd_name : "", sim->cmd_name ? ": " : "",
            msg, before ? " (again: further repeats are not shown)" : "");
}

void
gs_diag_free(struct gs_sim *sim)
{
    free(sim->warned.key);
    free(sim->warned.count);
    sim->warned.key = NULL;
    sim->warned.count = NULL;
    sim->warned.n = 0;
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
