/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hdf5_in.c: the hdf5_in class: plays a [time x column] dataset of an
 * HDF5 file (hdf5_out's layout: h5table.h) into the network. Each column
 * has an identifier (/columns/index, else its number from 0), and a
 * message reads the column of identifier ID as the field val[ID]:
 *
 *     addmsg /stim /network/rscell[5]/soma INJECT val[5]
 *
 * At reset and at every tick of its clock the values are those of the
 * file's last row whose time is at or before the time then (sample and
 * hold: a file written with another step is resampled to the run's, and
 * a step change in the file is one in the run). reset opens the file again and checks
 * it; a tick past the file's last row (its time plus the last row
 * interval) is an error naming the file, as is a val[ID] the file has no
 * column for. Only the columns whose val[ID] something reads (a message,
 * getfield) are read from the file: in a parallel run, where each node's
 * hdf5_in drives that node's cells, a node reads its own cells' columns.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "h5table.h"

struct hdf5_in {
    struct gs_element el;
    char *filename;       /* the file to read */
    char *dataset;        /* its [time x column] dataset ("/data") */
    int is_open;          /* the file is open (reset opened it) */
    int nrows, ncols;     /* the dataset's size (read-only) */
    int row;              /* the row played now (-1: none yet) */
    struct h5table tab;   /* not fields */
    int nread;            /* columns read from each row (read-only) */
    double *rowv;         /* the row read: the values of the columns read */
    long *cols;           /* the positions of the columns read (NREAD) */
    double *val;          /* the values by identifier: val[ID] */
    unsigned char *used;  /* used[ID]: val[ID] is read (its column is read) */
    long nval;
};

static const struct gs_field hdf5_in_fields[] = {
    GS_FIELD(struct hdf5_in, filename, GS_STR, "", "HDF5 file to read"),
    GS_FIELD(struct hdf5_in, dataset, GS_STR, "", "its [time x column] dataset (default /data)"),
    GS_FIELD_RO(struct hdf5_in, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_RO(struct hdf5_in, nrows, GS_INT, "", "rows (times) of the dataset"),
    GS_FIELD_RO(struct hdf5_in, ncols, GS_INT, "", "columns of the dataset"),
    GS_FIELD_RO(struct hdf5_in, row, GS_INT, "", "the row played now (-1: none)"),
    GS_FIELD_RO(struct hdf5_in, nread, GS_INT, "", "columns read from each row: those whose val[ID] is read"),
    GS_FIELD_END,
};

/* val[ID]: the value of the column of identifier ID. */
static const struct gs_field hdf5_in_val_field = {
    "val", GS_REAL, 0, sizeof(double), "", 0, "the value of the column of identifier ID now",
};

static enum gs_status
hdf5_in_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct hdf5_in *h = GS_INST(struct hdf5_in, el);
    h->dataset = xstrdup("/data");
    h->row = -1;
    return GS_OK;
}

static void
close_file(struct hdf5_in *h)
{
    h5table_close(&h->tab);
    free(h->rowv);
    free(h->cols);
    h->rowv = NULL;
    h->cols = NULL;
    h->nread = 0;
    h->is_open = 0;
}

/* Reads only the file's columns whose val[ID] is read. */
static void
select_columns(struct hdf5_in *h)
{
    const struct h5table *tab = &h->tab;
    free(h->rowv);
    free(h->cols);
    h->cols = xcalloc((size_t)tab->ncols + 1, sizeof *h->cols);
    long k = 0;
    for (long c = 0; c < tab->ncols; c++)
        if (tab->ids[c] >= 0 && tab->ids[c] < h->nval && h->used[tab->ids[c]])
            h->cols[k++] = c;
    h->nread = (int)k;
    h->rowv = xcalloc((size_t)k + 1, sizeof *h->rowv);
    h5table_select(&h->tab, h->cols, k);
}

/* Row R of the file into val (its columns that are read). */
static bool
load_row(struct hdf5_in *h, long r)
{
    if (!h5table_row(&h->tab, r, h->rowv))
        return false;
    h->row = (int)r;
    for (long k = 0; k < h->nread; k++)
        h->val[h->tab.ids[h->cols[k]]] = h->rowv[k];
    return true;
}

/* VAL holds identifiers 0 .. N-1 at least. Messages point into it: after
 * it moves they are resolved again and the compiled model is rebuilt. */
static void
grow_val(struct hdf5_in *h, long n)
{
    if (n <= h->nval)
        return;
    h->val = xreallocarray(h->val, (size_t)n, sizeof *h->val);
    h->used = xreallocarray(h->used, (size_t)n, sizeof *h->used);
    for (long i = h->nval; i < n; i++) {
        h->val[i] = 0;
        h->used[i] = 0;
    }
    h->nval = n;
    for (int i = 0; i < h->el.nout; i++)
        msg_resolve(h->el.out[i]);
    model_changed(h->el.model);
}

/* ID of a field name val[ID], or -1. */
static long
val_id(const char *name)
{
    long id;
    int n = 0;
    if (!name || sscanf(name, "val[%ld]%n", &id, &n) != 1 || name[n] != '\0' || id < 0
        || id > 1L << 30)
        return -1;
    return id;
}

static bool
hdf5_in_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    struct hdf5_in *h = GS_INST(struct hdf5_in, el);
    long id = val_id(name);
    if (id < 0)
        return false;
    grow_val(h, id + 1);
    if (!h->used[id]) {
        /* First read while the file is open (getfield): its column is
         * read from now on, and val[ID] is the row's value at once. */
        h->used[id] = 1;
        if (h->is_open) {
            select_columns(h);
            if (h->row >= 0)
                load_row(h, h->row);
        }
    }
    out->field = &hdf5_in_val_field;
    out->type = GS_REAL;
    out->addr = &h->val[id];
    out->flags = 0;
    return true;
}

static enum gs_status
hdf5_in_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct hdf5_in *h = GS_INST(struct hdf5_in, dst);
    h->tab = (struct h5table){0, 0, NULL, NULL, NULL};
    h->rowv = h->val = NULL;
    h->cols = NULL;
    h->used = NULL;
    h->nread = 0;
    h->nval = 0;
    h->is_open = 0;
    h->row = -1;
    return GS_OK;
}

static void
hdf5_in_destroy(struct gs_element *el)
{
    struct hdf5_in *h = GS_INST(struct hdf5_in, el);
    close_file(h);
    free(h->val);
    free(h->used);
    h->val = NULL;
    h->used = NULL;
}

/* The last row at or before T (rows are mostly played in order) into
 * val. At reset (AT_RESET) a T before the first row leaves val at 0;
 * otherwise a T outside the file is an error. */
static enum gs_status
play(struct gs_sim *sim, struct hdf5_in *h, double t, double dt0, bool at_reset)
{
    const struct h5table *tab = &h->tab;
    double eps = 1e-9 * dt0;
    long n = tab->nrows;
    long r = h->row < 0 ? 0 : h->row;
    if (r < n && tab->time[r] > t + eps)
        r = 0;
    while (r + 1 < n && tab->time[r + 1] <= t + eps)
        r++;
    double last = n > 1 ? tab->time[n - 1] - tab->time[n - 2] : dt0;
    if (tab->time[r] > t + eps && at_reset)
        return GS_OK;
    if (tab->time[r] > t + eps || t >= tab->time[n - 1] + last - eps) {
        char *p = elem_path_str(&h->el);
        gs_error(sim, "hdf5_in '%s': '%s' dataset %s holds t = %g .. %g s (%ld rows); the run "
                      "is at t = %g s", p, h->filename,
                 h->dataset && h->dataset[0] ? h->dataset : "/data", tab->time[0],
                 tab->time[n - 1] + last, n, t);
        free(p);
        return GS_ERR;
    }
    if (r == h->row)
        return GS_OK;
    if (!load_row(h, r)) {
        char *p = elem_path_str(&h->el);
        gs_error(sim, "hdf5_in '%s': cannot read row %ld of '%s'", p, r, h->filename);
        free(p);
        return GS_ERR;
    }
    return GS_OK;
}

static enum gs_status
hdf5_in_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct hdf5_in *h = GS_INST(struct hdf5_in, el);
    close_file(h);
    h->row = -1;
    for (long i = 0; i < h->nval; i++)
        h->val[i] = 0;
    const char *ds = h->dataset && h->dataset[0] ? h->dataset : "/data";
    if (!h->filename || !h->filename[0]) {
        char *p = elem_path_str(el);
        gs_error(sim, "hdf5_in '%s' has no filename", p);
        free(p);
        return GS_ERR;
    }
    if (h5table_open(sim, h->filename, ds, &h->tab) != GS_OK)
        return GS_ERR;
    h->nrows = (int)h->tab.nrows;
    h->ncols = (int)h->tab.ncols;
    /* Every identifier a message reads must be a column of the file. */
    for (int i = 0; i < el->nout; i++)
        for (int k = 0; k < el->out[i]->nslots; k++) {
            long id = val_id(el->out[i]->slot[k].text), c = 0;
            while (id >= 0 && c < h->tab.ncols && h->tab.ids[c] != id)
                c++;
            if (id >= 0 && c == h->tab.ncols) {
                char *p = elem_path_str(el->out[i]->dst);
                gs_error(sim, "'%s' dataset %s has no column with identifier %ld (read as "
                              "val[%ld] by a message to '%s')", h->filename, ds, id, id, p);
                free(p);
                close_file(h);
                return GS_ERR;
            }
        }
    if (h->tab.nrows == 0) {
        gs_error(sim, "'%s' dataset %s has no rows", h->filename, ds);
        close_file(h);
        return GS_ERR;
    }
    select_columns(h);
    h->is_open = 1;
    /* The values of the reset's time, as a pulsegen's output is set at
     * reset: the first step already sees them. */
    return play(sim, h, el->model->time, el->model->clock[0], true);
}

static enum gs_status
hdf5_in_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct hdf5_in *h = GS_INST(struct hdf5_in, el);
    if (!h->is_open)
        return GS_OK; /* reset reported why */
    return play(sim, h, tick->t, tick->dt0, false);
}

static void
hdf5_in_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    (void)sim;
    /* Another file or dataset: read from the next reset. */
    if (strcmp(fd->name, "filename") == 0 || strcmp(fd->name, "dataset") == 0)
        close_file(GS_INST(struct hdf5_in, el));
}

const struct gs_class hdf5_in_class = {
    .name = "hdf5_in",
    .classes = "device",
    .desc = "plays the columns of an HDF5 [time x column] dataset into the network: val[ID]",
    .size = sizeof(struct hdf5_in),
    .fields = hdf5_in_fields,
    .create = hdf5_in_create,
    .copy = hdf5_in_copy,
    .destroy = hdf5_in_destroy,
    .reset = hdf5_in_reset,
    .process = hdf5_in_process,
    .field_set = hdf5_in_field_set,
    .find_field = hdf5_in_find_field,
};
