/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hdf5_none.c: the HDF5 sinks of a build without HDF5 (configure
 * --without-hdf5, or no libhdf5-dev): the classes exist, and opening a
 * file says why it cannot be written.
 */
#include <stdlib.h>

#include "h5list.h"
#include "h5table.h"
#include "sink_int.h"

bool
sink_hdf5_available(void)
{
    return false;
}

static enum gs_status
none_start(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    (void)s;
    (void)c;
    return gs_error(sim, "cannot write '%s': gensh was built without HDF5 (install the Debian "
                         "package libhdf5-dev or libhdf5-openmpi-dev and configure again)",
                    name);
}

static enum gs_status
none_open(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    return none_start(sim, s, name, c);
}

static void
none_row(struct sink *s, double t, const double *v, long n)
{
    (void)s;
    (void)t;
    (void)v;
    (void)n;
}

static void
none_spike(struct sink *s, long index, const struct gs_element *src, double t)
{
    (void)s;
    (void)index;
    (void)src;
    (void)t;
}

static bool
none_sync(struct sink *s, bool hard)
{
    (void)s;
    (void)hard;
    return true;
}

static bool
none_close(struct sink *s)
{
    (void)s;
    return true;
}

static void
none_free(struct sink *s)
{
    free(s);
}

static const struct sink_ops none_ops = {
    .start = none_start,
    .open = none_open,
    .row = none_row,
    .spike = none_spike,
    .sync = none_sync,
    .close = none_close,
    .free = none_free,
};

static struct sink *
make(void)
{
    struct sink *s = xcalloc(1, sizeof *s);
    s->ops = &none_ops;
    return s;
}

struct sink *
sink_hdf5_rows(int compress, long flush_rows)
{
    (void)compress;
    (void)flush_rows;
    return make();
}

struct sink *
sink_sonata(int compress, long flush_spikes)
{
    (void)compress;
    (void)flush_spikes;
    return make();
}

struct sink *
sink_hdf5_shared(long flush_rows, const void *comm, bool lead, const long *cols, long ncols)
{
    (void)flush_rows;
    (void)comm;
    (void)lead;
    (void)cols;
    (void)ncols;
    return make();
}

void
sink_hdf5_forget(struct sink *s)
{
    (void)s;
}

enum gs_status
h5table_open(struct gs_sim *sim, const char *file, const char *dataset, struct h5table *t)
{
    (void)dataset;
    *t = (struct h5table){0, 0, NULL, NULL, NULL};
    return gs_error(sim, "cannot read '%s': gensh was built without HDF5 (install the Debian "
                         "package libhdf5-dev or libhdf5-openmpi-dev and configure again)",
                    file);
}

bool
h5table_row(struct h5table *t, long row, double *v)
{
    (void)t;
    (void)row;
    (void)v;
    return false;
}

void
h5table_select(struct h5table *t, const long *cols, long n)
{
    (void)t;
    (void)cols;
    (void)n;
}

void
h5table_close(struct h5table *t)
{
    free(t->time);
    free(t->ids);
    *t = (struct h5table){0, 0, NULL, NULL, NULL};
}

enum gs_status
h5list_open(struct gs_sim *sim, const char *file, struct h5list *l)
{
    *l = (struct h5list){file, NULL};
    return gs_error(sim, "cannot read '%s': it is an HDF5 file, and gensh was built without HDF5 "
                         "(install the Debian package libhdf5-dev or libhdf5-openmpi-dev and "
                         "configure again)",
                    file);
}

bool
h5list_has(struct h5list *l, const char *name)
{
    (void)l;
    (void)name;
    return false;
}

enum gs_status
h5list_strings(struct gs_sim *sim, struct h5list *l, const char *name, char ***v, size_t *n)
{
    *v = NULL;
    *n = 0;
    return gs_error(sim, "cannot read dataset '%s' of '%s': gensh was built without HDF5", name,
                    l->file);
}

enum gs_status
h5list_numbers(struct gs_sim *sim, struct h5list *l, const char *name, double **v, size_t *n)
{
    *v = NULL;
    *n = 0;
    return gs_error(sim, "cannot read dataset '%s' of '%s': gensh was built without HDF5", name,
                    l->file);
}

void
h5list_close(struct h5list *l)
{
    l->impl = NULL;
}
