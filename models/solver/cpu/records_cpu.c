/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * records_cpu.c: what the CPU backend reads out of the model for others:
 * the sampled fields that messages read (refreshed after every step) and
 * the probes, a row of values after every step kept until collected.
 */
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cpu.h"

/* A field kept as doubles is read straight from its array (found again
 * only where the kind or field changes from the probe before: a run of
 * somas' Vm is a plain gather), any other through gs_model_read. */
void
cpu_sample(struct gs_solver *s, const struct gs_probe *list, int n, double *vals)
{
    const double *a = NULL;
    int kind = -1, field = -1;
    for (int i = 0; i < n; i++) {
        const struct gs_probe *p = &list[i];
        if (p->kind != kind || p->field != field) {
            kind = p->kind;
            field = p->field;
            a = gs_model_doubles(s->m, kind, field);
        }
        vals[i] = a ? a[p->idx] : gs_model_read(s->m, kind, p->idx, field);
    }
}

void
cpu_record(struct gs_solver *s)
{
    if (s->nprobe == 0)
        return;
    if (s->nrec == s->rec_cap) {
        s->rec_cap = s->rec_cap ? 2 * s->rec_cap : 1024;
        s->rec = xreallocarray(s->rec, s->rec_cap * (size_t)s->nprobe, sizeof *s->rec);
    }
    cpu_sample(s, s->probe, s->nprobe, s->rec + s->nrec++ * (size_t)s->nprobe);
}

size_t
cpu_collect_records(struct gs_solver *s, double *out, size_t maxrows)
{
    size_t n = s->nrec < maxrows ? s->nrec : maxrows, w = (size_t)s->nprobe;
    memcpy(out, s->rec, n * w * sizeof *out);
    memmove(s->rec, s->rec + n * w, (s->nrec - n) * w * sizeof *out);
    s->nrec -= n;
    return n;
}
