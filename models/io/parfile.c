/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parfile.c: see parfile.h. */
#include <stdlib.h>

#include "parfile.h"

bool
parfile_is(const struct gs_element *el)
{
    return el && (el->cls == &par_asc_file_class || el->cls == &par_disk_out_class
                  || el->cls == &par_hdf5_out_class);
}

bool
parfile_shared(const struct gs_element *el)
{
    return el && el->cls == &par_hdf5_out_class;
}

struct parfile_cols *
parfile_cols(struct gs_element *el)
{
    return &GS_INST(struct parfile_head, el)->cols;
}

void
parfile_register(struct gs_element *el, long idx)
{
    struct parfile_cols *c = parfile_cols(el);
    if (c->nidx == c->capidx) {
        c->capidx = c->capidx ? 2 * c->capidx : 64;
        c->idx = xreallocarray(c->idx, (size_t)c->capidx, sizeof *c->idx);
    }
    c->idx[c->nidx++] = idx;
    c->ncols = (int)c->nidx;
}

long
parfile_ncols(const struct gs_element *el)
{
    return GS_INST(const struct parfile_head, el)->cols.nidx;
}

long
parfile_width(const struct gs_element *el)
{
    if (!parfile_shared(el))
        return parfile_ncols(el);
    return GS_INST(const struct parfile_head, el)->cols.nfile;
}

enum gs_status
parfile_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    *parfile_cols(dst) = (struct parfile_cols){0, NULL, 0, 0, 0};
    return outelem_copy(sim, dst, src);
}

void
parfile_destroy(struct gs_element *el)
{
    outelem_destroy(el);
    free(parfile_cols(el)->idx);
    *parfile_cols(el) = (struct parfile_cols){0, NULL, 0, 0, 0};
}

enum gs_status
parfile_step(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    (void)el;
    (void)tick;
    return GS_OK;
}

static int
cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

void
parfile_sort(struct gs_element *el)
{
    struct parfile_cols *c = parfile_cols(el);
    qsort(c->idx, (size_t)c->nidx, sizeof *c->idx, cmp_long);
}

enum gs_status
parfile_index_error(struct gs_sim *sim, struct gs_element *el, long index, bool twice, long n)
{
    /* Name the element and its file: a script may have several. */
    char *p = elem_path_str(el);
    const char *file = outelem_name(el);
    if (twice)
        gs_error(sim, "%s '%s' (file '%s'): SAVE index %ld is used twice; each "
                      "index 0-%ld must come from exactly one message", el->cls->name, p,
                 file, index, n - 1);
    else
        gs_error(sim, "%s '%s' (file '%s'): SAVE indices have a gap: no message "
                      "has index %ld (%ld messages need indices 0-%ld)", el->cls->name, p,
                 file, index, n, n - 1);
    free(p);
    return GS_ERR;
}

/* The indices must be 0 .. n-1, each once. Not in the element's reset:
 * other nodes' registrations may still be on their way then (they are
 * served while this node waits for the zone to agree on reset). */
enum gs_status
parfile_check(struct gs_sim *sim, struct gs_element *el)
{
    struct parfile_cols *c = parfile_cols(el);
    parfile_sort(el);
    for (long i = 0; i < c->nidx; i++) {
        if (c->idx[i] == i)
            continue;
        bool twice = i > 0 && c->idx[i] == c->idx[i - 1];
        return parfile_index_error(sim, el, twice ? c->idx[i] : i, twice, c->nidx);
    }
    return GS_OK;
}

enum gs_status
parfile_row(struct gs_sim *sim, struct gs_element *el, double t, const double *v)
{
    if (el->cls == &par_disk_out_class)
        return par_disk_out_row(sim, el, t, v);
    if (el->cls == &par_hdf5_out_class)
        return par_hdf5_out_row(sim, el, t, v);
    return par_asc_file_row(sim, el, t, v);
}
