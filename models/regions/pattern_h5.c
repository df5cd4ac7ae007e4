/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pattern_h5.c: pattern files in HDF5 (pattern_h5_read in region.h,
 * docs/regions.md): the datasets /src and /dst, an element path a row,
 * and optionally /weight and /delay, a number a row. They give the pairs
 * a text file of the same lines gives; every dataset and row is checked
 * before a pair is returned. The file is read through models/io/h5list.h
 * (no HDF5 here).
 */
#include <math.h>
#include <stdlib.h>

#include "../io/h5list.h"
#include "region.h"

static void
free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* The string dataset NAME of L (WHAT a row, for the error when it is
 * missing), or NULL after an error. */
static char **
paths_of(struct gs_sim *sim, struct h5list *l, const char *name, const char *what, size_t *n)
{
    char **v = NULL;
    if (!h5list_has(l, name))
        gs_error(sim, "pattern file '%s' has no dataset '%s' (%s a row)", l->file, name, what);
    else
        h5list_strings(sim, l, name, &v, n);
    return v;
}

/* The numeric dataset NAME of L, N rows, or N NaNs (every row takes
 * -weight or -delay) when there is none; NULL after an error. */
static double *
numbers_of(struct gs_sim *sim, struct h5list *l, const char *name, size_t n)
{
    double *v = NULL;
    size_t m = 0;
    if (!h5list_has(l, name)) {
        v = xcalloc(n + 1, sizeof *v);
        for (size_t i = 0; i < n; i++)
            v[i] = NAN;
    } else if (h5list_numbers(sim, l, name, &v, &m) == GS_OK && m != n) {
        gs_error(sim, "pattern file '%s': dataset '%s' has %zu rows and 'src' %zu: a row each "
                      "connection",
                 l->file, name, m, n);
        free(v);
        v = NULL;
    }
    return v;
}

enum gs_status
pattern_h5_read(struct gs_sim *sim, const char *file, struct pattern_file *pf)
{
    struct h5list l;
    if (h5list_open(sim, file, &l) != GS_OK)
        return GS_ERR;
    size_t ns = 0, nd = 0;
    char **src = paths_of(sim, &l, "src", "the source port's element path", &ns);
    char **dst = src ? paths_of(sim, &l, "dst", "the destination port's element path", &nd) : NULL;
    double *w = NULL, *d = NULL;
    if (dst && nd != ns)
        gs_error(sim, "pattern file '%s': dataset 'dst' has %zu rows and 'src' %zu: a row each "
                      "connection",
                 file, nd, ns);
    else if (dst && (w = numbers_of(sim, &l, "weight", ns)) != NULL)
        d = numbers_of(sim, &l, "delay", ns);
    for (size_t i = 0; d && i < ns && !sim->diag.set; i++) {
        if (isinf(w[i]))
            gs_error(sim, "%s: weight[%zu]: %g is not a finite number (NaN: -weight)", file, i,
                     w[i]);
        else if (!isnan(d[i]) && !(d[i] >= 0 && isfinite(d[i])))
            gs_error(sim, "%s: delay[%zu]: %g is not a number >= 0 (s; NaN: -delay)", file, i,
                     d[i]);
    }
    if (d && ns == 0)
        gs_error(sim, "pattern file '%s' holds no pair", file);
    enum gs_status st = d && !sim->diag.set ? GS_OK : GS_ERR;
    for (size_t i = 0; st == GS_OK && i < ns; i++)
        pattern_file_add(pf, src[i], dst[i], (long)i, w[i], d[i]);
    pf->h5 = true;
    free_strings(src, ns);
    free_strings(dst, nd);
    free(w);
    free(d);
    h5list_close(&l);
    return st;
}
