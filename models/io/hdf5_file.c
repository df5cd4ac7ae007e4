/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hdf5_file.c: the HDF5 sinks (sink.h), the only file with <hdf5.h>
 * (STYLE L2) apart from the parallel output's MPI-IO.
 *
 * Rows (hdf5_out): one file per element,
 *
 *     /data              double [row x column], in chunks of rows (all
 *                        columns), deflated (compress)
 *     /time              double [row], s
 *     /columns/path      the source of each column (strings)
 *     /columns/field     its field (strings)
 *     /columns/index     its identity (io_index or message order)
 *     attributes of /:   gensh_version, command_line, script, dt, t0, units
 *
 * Rows are kept in memory and written FLUSH_ROWS at a time (at every row
 * when the element's flush is set), each block one write of whole chunks
 * followed by H5Fflush: a run killed between blocks leaves a file that
 * reads as the rows of the last block written. A clean end (quit, end of
 * a batch run, SIGINT, SIGTERM, a fatal error) closes the file with every
 * row.
 *
 * Shared rows (par_hdf5_out): a file one rank made as above, opened by
 * every rank of a zone through MPI-IO; each rank writes its own columns
 * of each block and the lead rank the times, in one collective write per
 * dataset, then a collective H5Fflush. No row travels between ranks.
 *
 * Tables read back (hdf5_in, h5table.h): a 2-D dataset read a row at a
 * time, with its row times and column identifiers read whole at open.
 *
 * Spikes (sonata_out), the SONATA layout: /spikes/POPULATION/timestamps
 * (double, ms), /spikes/POPULATION/node_ids (uint64), the group's
 * attribute sorting = "by_time" (a block is sorted by time, then node id,
 * so the file does not depend on the order in which ranks fire).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hdf5.h>

#include "h5list.h"
#include "h5table.h"
#include "sink_int.h"

struct sink_h5 {
    struct sink s;
    bool sonata;
    int compress;
    long flush_rows;
    hid_t file, data, time;    /* rows: /data, /time; spikes: timestamps, node_ids */
    long ncols;
    hsize_t nrows;             /* rows (spikes) in the file */
    double *buf, *tbuf;        /* rows (spikes: times) kept since the last block */
    unsigned long long *ids;   /* spikes: node ids */
    long nbuf, capbuf, bufper; /* rows kept, room for rows of BUFPER values */
    bool failed;               /* a write failed since the last sync */
    hsize_t whole;             /* rows of a chunk of /data that holds whole rows, unfiltered
                                * (written as it is kept: append_rows); 0: not so */
    char *name;                /* the file, for errors */
    /* Shared rows: the zone's communicator (an MPI_Comm *, or NULL: this
     * process alone), whether this rank writes /time, and the columns it
     * writes (ascending); a kept row holds only those. */
    bool shared;
    const void *comm;
    bool lead;
    long *lcols, nlcols;
};

#define H5(s) ((struct sink_h5 *)(s))

bool
sink_hdf5_available(void)
{
    return true;
}

static void
quiet(void)
{
    static bool done;
    if (!done) {
        H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
        done = true;
    }
}

static void
put_str_attr(hid_t obj, const char *name, const char *value)
{
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, strlen(value) + 1);
    hid_t sp = H5Screate(H5S_SCALAR);
    hid_t a = H5Acreate2(obj, name, t, sp, H5P_DEFAULT, H5P_DEFAULT);
    if (a >= 0) {
        H5Awrite(a, t, value);
        H5Aclose(a);
    }
    H5Sclose(sp);
    H5Tclose(t);
}

static void
put_double_attr(hid_t obj, const char *name, double v)
{
    hid_t sp = H5Screate(H5S_SCALAR);
    hid_t a = H5Acreate2(obj, name, H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, H5P_DEFAULT);
    if (a >= 0) {
        H5Awrite(a, H5T_NATIVE_DOUBLE, &v);
        H5Aclose(a);
    }
    H5Sclose(sp);
}

/* The command line (from /proc/self/cmdline, words joined by blanks) and
 * the script (its first word ending in .g or .lua). */
static void
command_line(char *cmd, size_t ncmd, char *script, size_t nscript)
{
    cmd[0] = script[0] = '\0';
    FILE *fp = fopen("/proc/self/cmdline", "r");
    if (!fp)
        return;
    char word[4096];
    size_t n = 0, len = 0;
    int c;
    while ((c = fgetc(fp)) != EOF) {
        if (c != 0) {
            if (n + 1 < sizeof word)
                word[n++] = (char)c;
            continue;
        }
        word[n] = '\0';
        if (len + n + 2 < ncmd) {
            if (len)
                cmd[len++] = ' ';
            memcpy(cmd + len, word, n + 1);
            len += n;
        }
        if (!script[0] && n > 2 && (strcmp(word + n - 2, ".g") == 0
                                    || (n > 4 && strcmp(word + n - 4, ".lua") == 0)))
            snprintf(script, nscript, "%s", word);
        n = 0;
    }
    fclose(fp);
}

/* An extensible 1-D or 2-D dataset of TYPE, in chunks of CHUNK_ROWS rows
 * by CHUNK_COLS columns, deflated at level COMPRESS (0: not), the bytes
 * shuffled first if SHUFFLE (EARLY: for MPI-IO). */
static hid_t
make_dataset(hid_t loc, const char *name, hid_t type, int rank, hsize_t cols, hsize_t chunk_rows,
             hsize_t chunk_cols, int compress, bool shuffle, bool early)
{
    hsize_t dims[2] = {0, cols}, maxd[2] = {H5S_UNLIMITED, cols ? cols : H5S_UNLIMITED};
    hsize_t chunk[2] = {chunk_rows, chunk_cols ? chunk_cols : 1};
    hid_t sp = H5Screate_simple(rank, dims, maxd);
    hid_t pl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(pl, rank, chunk);
    /* A file written through MPI-IO must have its chunks allocated when
     * the dataset grows (collectively), not at the first write. */
    if (early)
        H5Pset_alloc_time(pl, H5D_ALLOC_TIME_EARLY);
    if (compress > 0 && shuffle)
        H5Pset_shuffle(pl);
    if (compress > 0)
        H5Pset_deflate(pl, (unsigned)compress);
    hid_t d = H5Dcreate2(loc, name, type, sp, H5P_DEFAULT, pl, H5P_DEFAULT);
    H5Pclose(pl);
    H5Sclose(sp);
    return d;
}

/* The largest chunk of /data, in bytes: a chunk is one write to the
 * file, and on the test machine (docs/io.md) the kernel took 2 to 4 times
 * as long a byte for writes of 2.8 or 6 MB as for writes of 0.7 or 1.4. */
#define CHUNK_MAX ((hsize_t)3 << 19)

/* The chunks of /data match its writes: all COLS columns, and a part of
 * the block of FLUSH_ROWS rows (itself where it is no more than CHUNK_MAX,
 * else the largest equal part that is), so that a block is written, and
 * compressed, in whole chunks and no chunk is written twice. Only a row
 * over CHUNK_MAX alone is cut into equal runs of columns. */
static void
chunk_shape(hsize_t cols, long flush_rows, hsize_t *crows, hsize_t *ccols)
{
    hsize_t row = 8 * (cols ? cols : 1);
    hsize_t parts = (row + CHUNK_MAX - 1) / CHUNK_MAX;
    *ccols = cols ? (cols + parts - 1) / parts : 1;
    hsize_t rows = (hsize_t)flush_rows;
    for (hsize_t k = 1; k <= rows; k++)
        if (rows % k == 0 && (rows / k) * 8 * *ccols <= CHUNK_MAX) {
            *crows = rows / k;
            return;
        }
    *crows = 1;
}

/* A fixed 1-D dataset of N strings. */
static void
put_strings(hid_t loc, const char *name, const char *const *v, long n)
{
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, H5T_VARIABLE);
    hsize_t dims[1] = {(hsize_t)n};
    hid_t sp = H5Screate_simple(1, dims, NULL);
    hid_t d = H5Dcreate2(loc, name, t, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (d >= 0) {
        if (n > 0)
            H5Dwrite(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, v);
        H5Dclose(d);
    }
    H5Sclose(sp);
    H5Tclose(t);
}

static void
close_ids(struct sink_h5 *x)
{
    if (x->data >= 0)
        H5Dclose(x->data);
    if (x->time >= 0)
        H5Dclose(x->time);
    if (x->file >= 0)
        H5Fclose(x->file);
    x->data = x->time = x->file = -1;
}

static enum gs_status
fail_open(struct gs_sim *sim, struct sink_h5 *x, const char *name, const char *what)
{
    close_ids(x);
    return gs_error(sim, "cannot write HDF5 file '%s': %s", name, what);
}

/* The rows of D's chunks when each holds whole rows and no filter
 * touches them (its chunks are then the kept rows as they are), else 0. */
static hsize_t
whole_rows(hid_t d)
{
    hid_t pl = H5Dget_create_plist(d), sp = H5Dget_space(d);
    hsize_t chunk[2] = {0, 0}, dims[2] = {0, 0};
    hsize_t rows = 0;
    if (H5Pget_layout(pl) == H5D_CHUNKED && H5Pget_nfilters(pl) == 0
        && H5Sget_simple_extent_dims(sp, dims, NULL) == 2 && H5Pget_chunk(pl, 2, chunk) == 2
        && chunk[1] == dims[1] && dims[1] > 0)
        rows = chunk[0];
    H5Sclose(sp);
    H5Pclose(pl);
    return rows;
}

static enum gs_status
h5_start(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    struct sink_h5 *x = H5(s);
    quiet();
    free(x->name);
    x->name = xstrdup(name);
    x->nrows = 0;
    x->nbuf = 0;
    x->failed = false;
    x->ncols = c ? c->n : 0;
    x->file = H5Fcreate(name, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (x->file < 0)
        return gs_error(sim, "cannot open '%s' for writing: %s", name,
                        errno ? strerror(errno) : "HDF5 could not create it");
    char cmd[8192], script[4096];
    command_line(cmd, sizeof cmd, script, sizeof script);
    put_str_attr(x->file, "gensh_version", PACKAGE_VERSION);
    put_str_attr(x->file, "command_line", cmd);
    put_str_attr(x->file, "script", script);
    if (x->sonata) {
        hid_t g = H5Gcreate2(x->file, "/spikes", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        const char *pop = c && c->population && c->population[0] ? c->population : "default";
        hid_t p = g >= 0 ? H5Gcreate2(g, pop, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT) : -1;
        if (p < 0) {
            if (g >= 0)
                H5Gclose(g);
            return fail_open(sim, x, name, "cannot make the group /spikes/POPULATION");
        }
        put_str_attr(p, "sorting", "by_time");
        x->time = make_dataset(p, "timestamps", H5T_NATIVE_DOUBLE, 1, 0, 4096, 1, x->compress,
                               true, false);
        x->data = make_dataset(p, "node_ids", H5T_NATIVE_ULLONG, 1, 0, 4096, 1, x->compress,
                               true, false);
        if (x->time >= 0)
            put_str_attr(x->time, "units", "ms");
        H5Gclose(p);
        H5Gclose(g);
    } else {
        hsize_t cols = (hsize_t)x->ncols, crows, ccols;
        chunk_shape(cols, x->flush_rows, &crows, &ccols);
        bool early = c && c->shared;
        /* Deflate alone: on the rsnet's Vm (docs/io.md) the shuffle made
         * the file larger and the writing slower. */
        x->data = make_dataset(x->file, "data", H5T_NATIVE_DOUBLE, 2, cols, crows, ccols,
                               x->compress, false, early);
        x->time = make_dataset(x->file, "time", H5T_NATIVE_DOUBLE, 1, 0, 1024, 1, 0, false,
                               early);
        if (x->time >= 0)
            put_str_attr(x->time, "units", "s");
        if (x->data >= 0) {
            put_str_attr(x->data, "units", c && c->units ? c->units : "");
            put_double_attr(x->data, "dt", c ? c->dt : 0);
            put_double_attr(x->data, "t0", c ? c->t0 : 0);
        }
        hid_t g = H5Gcreate2(x->file, "/columns", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        if (g >= 0 && c) {
            const char **none = xcalloc((size_t)x->ncols + 1, sizeof *none);
            for (long i = 0; i < x->ncols; i++)
                none[i] = "";
            put_strings(g, "path", c->path ? (const char *const *)c->path : none, x->ncols);
            put_strings(g, "field", c->field ? (const char *const *)c->field : none, x->ncols);
            free(none);
            long long *idx = xcalloc((size_t)x->ncols + 1, sizeof *idx);
            for (long i = 0; i < x->ncols; i++)
                idx[i] = c->index ? c->index[i] : i;
            hsize_t dims[1] = {(hsize_t)x->ncols};
            hid_t sp = H5Screate_simple(1, dims, NULL);
            hid_t d = H5Dcreate2(g, "index", H5T_NATIVE_LLONG, sp, H5P_DEFAULT, H5P_DEFAULT,
                                 H5P_DEFAULT);
            if (d >= 0) {
                if (x->ncols > 0)
                    H5Dwrite(d, H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, idx);
                H5Dclose(d);
            }
            H5Sclose(sp);
            free(idx);
        }
        if (g >= 0)
            H5Gclose(g);
    }
    if (x->data < 0 || x->time < 0)
        return fail_open(sim, x, name, "cannot make its datasets");
    x->whole = x->sonata || x->shared ? 0 : whole_rows(x->data);
    if (H5Fflush(x->file, H5F_SCOPE_LOCAL) < 0)
        return fail_open(sim, x, name, "cannot flush it");
    return GS_OK;
}

static hsize_t
length(hid_t d)
{
    hsize_t dims[2] = {0, 0};
    hid_t sp = H5Dget_space(d);
    H5Sget_simple_extent_dims(sp, dims, NULL);
    H5Sclose(sp);
    return dims[0];
}

/* File access through MPI-IO on the zone's communicator (shared rows). */
static hid_t
access_plist(struct gs_sim *sim, const struct sink_h5 *x, const char *name)
{
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    if (!x->comm)
        return fapl;
#ifdef H5_HAVE_PARALLEL
    if (H5Pset_fapl_mpio(fapl, *(const MPI_Comm *)x->comm, MPI_INFO_NULL) >= 0)
        return fapl;
    gs_error(sim, "cannot open '%s' on every node: HDF5 cannot use MPI-IO", name);
#else
    gs_error(sim, "cannot write '%s' from several nodes: gensh's HDF5 is the serial one "
                  "(install the Debian package libhdf5-openmpi-dev and configure again)", name);
#endif
    H5Pclose(fapl);
    return -1;
}

static enum gs_status
h5_open(struct gs_sim *sim, struct sink *s, const char *name, const struct sink_cols *c)
{
    struct sink_h5 *x = H5(s);
    quiet();
    if (!x->shared && access(name, F_OK) != 0)
        return h5_start(sim, s, name, c);
    free(x->name);
    x->name = xstrdup(name);
    x->nbuf = 0;
    x->failed = false;
    hid_t fapl = access_plist(sim, x, name);
    if (fapl < 0)
        return GS_ERR;
    x->file = H5Fopen(name, H5F_ACC_RDWR, fapl);
    H5Pclose(fapl);
    if (x->file < 0)
        return gs_error(sim, "cannot append to '%s': it is not an HDF5 file gensh can write",
                        name);
    if (x->sonata) {
        const char *pop = c && c->population && c->population[0] ? c->population : "default";
        char path[512];
        snprintf(path, sizeof path, "/spikes/%s/timestamps", pop);
        x->time = H5Dopen2(x->file, path, H5P_DEFAULT);
        snprintf(path, sizeof path, "/spikes/%s/node_ids", pop);
        x->data = H5Dopen2(x->file, path, H5P_DEFAULT);
        if (x->data < 0 || x->time < 0) {
            close_ids(x);
            return gs_error(sim, "cannot append to '%s': it has no /spikes/%s/timestamps and "
                                 "node_ids", name, pop);
        }
        x->nrows = length(x->time);
        return GS_OK;
    }
    x->data = H5Dopen2(x->file, "/data", H5P_DEFAULT);
    x->time = H5Dopen2(x->file, "/time", H5P_DEFAULT);
    if (x->data < 0 || x->time < 0) {
        close_ids(x);
        return gs_error(sim, "cannot append to '%s': it has no datasets /data and /time", name);
    }
    hsize_t dims[2] = {0, 0};
    hid_t sp = H5Dget_space(x->data);
    int rank = H5Sget_simple_extent_dims(sp, dims, NULL);
    H5Sclose(sp);
    long n = c ? c->n : 0;
    if (rank != 2 || (long)dims[1] != n) {
        close_ids(x);
        return gs_error(sim, "cannot append to '%s': dataset /data has %ld columns, the "
                             "element has %ld; reset with append 0 to start it again", name,
                        rank == 2 ? (long)dims[1] : -1L, n);
    }
    x->ncols = n;
    x->nrows = dims[0];
    x->whole = x->shared ? 0 : whole_rows(x->data);
    return GS_OK;
}

static void
grow_buf(struct sink_h5 *x, long per)
{
    if (per < 1)
        per = 1;
    if (x->nbuf < x->capbuf && per == x->bufper)
        return;
    if (x->nbuf >= x->capbuf)
        x->capbuf = x->capbuf ? 2 * x->capbuf : 64;
    x->bufper = per;
    x->buf = xreallocarray(x->buf, (size_t)x->capbuf * (size_t)per, sizeof *x->buf);
    x->tbuf = xreallocarray(x->tbuf, (size_t)x->capbuf, sizeof *x->tbuf);
    x->ids = xreallocarray(x->ids, (size_t)x->capbuf, sizeof *x->ids);
}

/* Writes N rows of MEM (COLS per row; COLS 0: 1-D) into D at row AT. */
static bool
put_rows(hid_t d, hid_t type, hsize_t at, hsize_t n, hsize_t cols, const void *mem)
{
    int rank = cols ? 2 : 1;
    hsize_t start[2] = {at, 0}, count[2] = {n, cols};
    hid_t fs = H5Dget_space(d);
    hid_t ms = H5Screate_simple(rank, count, NULL);
    bool ok = H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL) >= 0
              && H5Dwrite(d, type, ms, fs, H5P_DEFAULT, mem) >= 0;
    H5Sclose(ms);
    H5Sclose(fs);
    return ok;
}

/* Appends N rows of MEM (COLS per row; COLS 0: 1-D) to D at row AT. */
static bool
append(hid_t d, hid_t type, hsize_t at, hsize_t n, hsize_t cols, const void *mem)
{
    hsize_t size[2] = {at + n, cols};
    return H5Dset_extent(d, size) >= 0 && put_rows(d, type, at, n, cols, mem);
}

/* Appends the N kept rows to /data at row AT: the chunks they fill whole
 * go to the file as the rows are kept (H5Dwrite_chunk: HDF5 neither
 * copies nor clears a chunk buffer for them), the rows before and after
 * through a selection. */
static bool
append_rows(struct sink_h5 *x, hsize_t at, hsize_t n)
{
    hsize_t cols = (hsize_t)x->ncols, c = x->whole;
    hsize_t first = c ? (at + c - 1) / c * c : at + n, end = c ? (at + n) / c * c : at + n;
    if (first >= end)
        return append(x->data, H5T_NATIVE_DOUBLE, at, n, cols, x->buf);
    hsize_t size[2] = {at + n, cols};
    bool ok = H5Dset_extent(x->data, size) >= 0;
    if (ok && first > at)
        ok = put_rows(x->data, H5T_NATIVE_DOUBLE, at, first - at, cols, x->buf);
    for (hsize_t r = first; ok && r < end; r += c) {
        hsize_t offset[2] = {r, 0};
        ok = H5Dwrite_chunk(x->data, H5P_DEFAULT, 0, offset, (size_t)(c * cols * sizeof *x->buf),
                            x->buf + (r - at) * cols) >= 0;
    }
    if (ok && end < at + n)
        ok = put_rows(x->data, H5T_NATIVE_DOUBLE, end, at + n - end, cols,
                      x->buf + (end - at) * cols);
    return ok;
}

/* Collective transfers where the file is shared. */
static hid_t
xfer_plist(const struct sink_h5 *x)
{
    hid_t dxpl = H5Pcreate(H5P_DATASET_XFER);
#ifdef H5_HAVE_PARALLEL
    if (x->comm)
        H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE);
#else
    (void)x;
#endif
    return dxpl;
}

/* Shared rows: every rank grows both datasets to AT + N rows, then writes
 * its columns of the N rows (a union of runs of adjacent columns, whose
 * row-major order is that of the kept rows) and the lead rank the times;
 * a rank with nothing to write selects nothing, but takes part. */
static bool
append_shared(struct sink_h5 *x, hsize_t at, hsize_t n)
{
    hsize_t size[2] = {at + n, (hsize_t)x->ncols};
    if (H5Dset_extent(x->data, size) < 0 || H5Dset_extent(x->time, size) < 0)
        return false;
    hid_t dxpl = xfer_plist(x);
    hid_t fs = H5Dget_space(x->data);
    hsize_t cnt[2] = {n, (hsize_t)x->nlcols};
    hid_t ms = H5Screate_simple(2, cnt, NULL);
    bool ok = true;
    if (x->nlcols == 0 || n == 0) {
        H5Sselect_none(fs);
        H5Sselect_none(ms);
    } else {
        H5Sselect_none(fs);
        for (long i = 0, j; i < x->nlcols && ok; i = j) {
            for (j = i + 1; j < x->nlcols && x->lcols[j] == x->lcols[j - 1] + 1; j++)
                ;
            hsize_t start[2] = {at, (hsize_t)x->lcols[i]}, count[2] = {n, (hsize_t)(j - i)};
            ok = H5Sselect_hyperslab(fs, H5S_SELECT_OR, start, NULL, count, NULL) >= 0;
        }
    }
    ok = ok && H5Dwrite(x->data, H5T_NATIVE_DOUBLE, ms, fs, dxpl, x->buf) >= 0;
    H5Sclose(ms);
    H5Sclose(fs);
    fs = H5Dget_space(x->time);
    hsize_t tn[1] = {n ? n : 1};
    ms = H5Screate_simple(1, tn, NULL);
    if (x->lead && n > 0) {
        hsize_t start[1] = {at}, count[1] = {n};
        H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL);
    } else {
        H5Sselect_none(fs);
        H5Sselect_none(ms);
    }
    ok = H5Dwrite(x->time, H5T_NATIVE_DOUBLE, ms, fs, dxpl, x->tbuf) >= 0 && ok;
    H5Sclose(ms);
    H5Sclose(fs);
    H5Pclose(dxpl);
    return ok;
}

static int
cmp_spike(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Writes the rows (spikes) kept since the last block, then flushes. */
static void
write_block(struct sink_h5 *x)
{
    if (x->nbuf == 0 || x->file < 0)
        return;
    hsize_t n = (hsize_t)x->nbuf;
    bool ok;
    if (x->shared) {
        ok = append_shared(x, x->nrows, n);
    } else if (x->sonata) {
        /* By time, then node id: the same file for any slicing. */
        double *pairs = xreallocarray(NULL, 2 * (size_t)n, sizeof *pairs);
        for (hsize_t i = 0; i < n; i++) {
            pairs[2 * i] = x->tbuf[i];
            pairs[2 * i + 1] = (double)x->ids[i];
        }
        qsort(pairs, (size_t)n, 2 * sizeof *pairs, cmp_spike);
        for (hsize_t i = 0; i < n; i++) {
            x->tbuf[i] = pairs[2 * i] * 1e3;
            x->ids[i] = (unsigned long long)pairs[2 * i + 1];
        }
        free(pairs);
        ok = append(x->time, H5T_NATIVE_DOUBLE, x->nrows, n, 0, x->tbuf)
             && append(x->data, H5T_NATIVE_ULLONG, x->nrows, n, 0, x->ids);
    } else {
        ok = (x->ncols == 0 || append_rows(x, x->nrows, n))
             && append(x->time, H5T_NATIVE_DOUBLE, x->nrows, n, 0, x->tbuf);
        if (ok && x->ncols == 0) {
            hsize_t size[2] = {x->nrows + n, 0};
            ok = H5Dset_extent(x->data, size) >= 0;
        }
    }
    ok = H5Fflush(x->file, x->shared ? H5F_SCOPE_GLOBAL : H5F_SCOPE_LOCAL) >= 0 && ok;
    if (!ok) {
        x->failed = true;
        if (!errno)
            errno = EIO;
    }
    x->nrows += n;
    x->nbuf = 0;
}

static double *
h5_space(struct sink *s, long n)
{
    struct sink_h5 *x = H5(s);
    if (n != (x->shared ? x->nlcols : x->ncols))
        return NULL;
    grow_buf(x, n);
    return x->buf + (size_t)x->nbuf * (size_t)n;
}

static void
h5_row(struct sink *s, double t, const double *v, long n)
{
    struct sink_h5 *x = H5(s);
    if (n != (x->shared ? x->nlcols : x->ncols)) {
        x->failed = true;
        return;
    }
    grow_buf(x, n);
    double *at = x->buf + (size_t)x->nbuf * (size_t)n;
    if (n > 0 && v != at)
        memcpy(at, v, (size_t)n * sizeof *v);
    x->tbuf[x->nbuf++] = t;
    if (x->nbuf >= x->flush_rows)
        write_block(x);
}

static void
h5_spike(struct sink *s, long index, const struct gs_element *src, double t)
{
    (void)src;
    struct sink_h5 *x = H5(s);
    grow_buf(x, 1);
    x->tbuf[x->nbuf] = t;
    x->ids[x->nbuf++] = (unsigned long long)index;
}

static bool
h5_sync(struct sink *s, bool hard)
{
    struct sink_h5 *x = H5(s);
    if (hard)
        write_block(x);
    if (x->sonata && x->nbuf >= x->flush_rows)
        write_block(x);
    bool ok = !x->failed;
    x->failed = false;
    return ok;
}

static bool
h5_close(struct sink *s)
{
    struct sink_h5 *x = H5(s);
    write_block(x);
    bool ok = !x->failed;
    if (x->data >= 0 && H5Dclose(x->data) < 0)
        ok = false;
    if (x->time >= 0 && H5Dclose(x->time) < 0)
        ok = false;
    if (x->file >= 0 && H5Fclose(x->file) < 0)
        ok = false;
    x->data = x->time = x->file = -1;
    x->failed = false;
    return ok;
}

static void
h5_free(struct sink *s)
{
    struct sink_h5 *x = H5(s);
    free(x->buf);
    free(x->tbuf);
    free(x->ids);
    free(x->name);
    free(x->lcols);
    free(x);
}

static const struct sink_ops h5_ops = {
    .start = h5_start,
    .open = h5_open,
    .space = h5_space,
    .row = h5_row,
    .spike = h5_spike,
    .sync = h5_sync,
    .close = h5_close,
    .free = h5_free,
};

static struct sink *
make(bool sonata, int compress, long flush_rows)
{
    struct sink_h5 *x = xcalloc(1, sizeof *x);
    x->s.ops = &h5_ops;
    x->sonata = sonata;
    x->compress = compress < 0 ? 0 : compress > 9 ? 9 : compress;
    x->flush_rows = flush_rows > 0 ? flush_rows : 1;
    x->file = x->data = x->time = -1;
    return &x->s;
}

struct sink *
sink_hdf5_rows(int compress, long flush_rows)
{
    return make(false, compress, flush_rows);
}

struct sink *
sink_sonata(int compress, long flush_rows)
{
    return make(true, compress, flush_rows);
}

struct sink *
sink_hdf5_shared(long flush_rows, const void *comm, bool lead, const long *cols, long ncols)
{
    struct sink_h5 *x = H5(make(false, 0, flush_rows));
    x->shared = true;
    x->comm = comm;
    x->lead = lead;
    x->nlcols = ncols;
    x->lcols = xcalloc((size_t)ncols + 1, sizeof *x->lcols);
    memcpy(x->lcols, cols, (size_t)ncols * sizeof *cols);
    return &x->s;
}

void
sink_hdf5_forget(struct sink *s)
{
    struct sink_h5 *x = H5(s);
    if (s->ops != &h5_ops)
        return;
    /* Left as the last flush wrote it: closing would wait for ranks that
     * are gone. */
    x->data = x->time = x->file = -1;
    x->nbuf = 0;
}

/* --- tables read back (h5table.h) ------------------------------------------ */

struct h5t_impl {
    hid_t file, data;
    hid_t fs, ms;   /* the selected columns of row 0 and the values read (h5table_select);
                     * -1: every column */
    long nsel;
};

static void
unselect(struct h5t_impl *im)
{
    if (im->fs >= 0)
        H5Sclose(im->fs);
    if (im->ms >= 0)
        H5Sclose(im->ms);
    im->fs = im->ms = -1;
}

/* The 1-D dataset NAME of FILE read as TYPE into a new array of N, or NULL
 * when it is not there (*BAD: it is there, but not 1-D of N). */
static void *
read_1d(hid_t file, const char *name, hid_t type, size_t size, long n, bool *bad)
{
    *bad = false;
    if (H5Lexists(file, name, H5P_DEFAULT) <= 0)
        return NULL;
    hid_t d = H5Dopen2(file, name, H5P_DEFAULT);
    if (d < 0) {
        *bad = true;
        return NULL;
    }
    hsize_t dims[2] = {0, 0};
    hid_t sp = H5Dget_space(d);
    int rank = H5Sget_simple_extent_dims(sp, dims, NULL);
    H5Sclose(sp);
    void *v = NULL;
    if (rank == 1 && (long)dims[0] == n) {
        v = xcalloc((size_t)n + 1, size);
        if (n > 0 && H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v) < 0) {
            free(v);
            v = NULL;
        }
    }
    H5Dclose(d);
    *bad = !v;
    return v;
}

static bool
get_double_attr(hid_t obj, const char *name, double *v)
{
    if (H5Aexists(obj, name) <= 0)
        return false;
    hid_t a = H5Aopen(obj, name, H5P_DEFAULT);
    bool ok = a >= 0 && H5Aread(a, H5T_NATIVE_DOUBLE, v) >= 0;
    if (a >= 0)
        H5Aclose(a);
    return ok;
}

/* DATASET of FILE, with a chunk cache that holds a row of its chunks:
 * rows are read one at a time, and gensh's own files have chunks of many
 * rows (chunk_shape), each of which would otherwise be read (and
 * decompressed) again for every row. */
static hid_t
open_rows(hid_t file, const char *dataset)
{
    hid_t d = H5Dopen2(file, dataset, H5P_DEFAULT);
    if (d < 0)
        return d;
    hid_t pl = H5Dget_create_plist(d), sp = H5Dget_space(d), ty = H5Dget_type(d);
    hsize_t chunk[2] = {0, 0}, dims[2] = {0, 0};
    size_t bytes = 0;
    if (H5Pget_layout(pl) == H5D_CHUNKED && H5Pget_chunk(pl, 2, chunk) == 2
        && H5Sget_simple_extent_dims(sp, dims, NULL) == 2 && chunk[1] > 0)
        bytes = (size_t)(chunk[0] * ((dims[1] + chunk[1] - 1) / chunk[1]) * chunk[1])
                * H5Tget_size(ty);
    H5Tclose(ty);
    H5Sclose(sp);
    H5Pclose(pl);
    size_t nslots, nbytes;
    double w0;
    hid_t dapl = H5Pcreate(H5P_DATASET_ACCESS);
    H5Pget_chunk_cache(dapl, &nslots, &nbytes, &w0);
    if (bytes + bytes / 8 > nbytes) {
        H5Dclose(d);
        H5Pset_chunk_cache(dapl, nslots, bytes + bytes / 8, w0);
        d = H5Dopen2(file, dataset, dapl);
    }
    H5Pclose(dapl);
    return d;
}

enum gs_status
h5table_open(struct gs_sim *sim, const char *file, const char *dataset, struct h5table *t)
{
    quiet();
    *t = (struct h5table){0, 0, NULL, NULL, NULL};
    if (access(file, R_OK) != 0)
        return gs_error(sim, "cannot read '%s': %s", file, strerror(errno));
    hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0)
        return gs_error(sim, "cannot read '%s': it is not an HDF5 file", file);
    hid_t d = H5Lexists(f, dataset, H5P_DEFAULT) > 0 ? open_rows(f, dataset) : -1;
    if (d < 0) {
        H5Fclose(f);
        return gs_error(sim, "'%s' has no dataset %s", file, dataset);
    }
    hsize_t dims[2] = {0, 0};
    hid_t sp = H5Dget_space(d), ty = H5Dget_type(d);
    int rank = H5Sget_simple_extent_dims(sp, dims, NULL);
    H5T_class_t cls = H5Tget_class(ty);
    H5Sclose(sp);
    H5Tclose(ty);
    const char *why = NULL;
    if (rank != 2)
        why = "is not 2-D [row x column]";
    else if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        why = "does not hold numbers";
    if (why) {
        H5Dclose(d);
        H5Fclose(f);
        return gs_error(sim, "'%s' dataset %s %s", file, dataset, why);
    }
    t->nrows = (long)dims[0];
    t->ncols = (long)dims[1];
    bool bad;
    t->time = read_1d(f, "/time", H5T_NATIVE_DOUBLE, sizeof *t->time, t->nrows, &bad);
    if (!t->time && !bad) {
        double t0 = 0, dt = 0;
        get_double_attr(d, "t0", &t0);
        if (get_double_attr(d, "dt", &dt) && dt > 0) {
            t->time = xcalloc((size_t)t->nrows + 1, sizeof *t->time);
            for (long i = 0; i < t->nrows; i++)
                t->time[i] = t0 + (double)i * dt;
        }
    }
    if (!t->time)
        why = bad ? "/time is not 1-D with one time per row"
                  : "has no row times (no /time, no attribute dt)";
    t->ids = read_1d(f, "/columns/index", H5T_NATIVE_LONG, sizeof *t->ids, t->ncols, &bad);
    if (!t->ids && bad && !why)
        why = "/columns/index is not 1-D with one identifier per column";
    if (!t->ids && !why) {
        t->ids = xcalloc((size_t)t->ncols + 1, sizeof *t->ids);
        for (long i = 0; i < t->ncols; i++)
            t->ids[i] = i;
    }
    for (long i = 1; !why && i < t->nrows; i++)
        if (!(t->time[i] > t->time[i - 1]))
            why = "/time does not increase from row to row";
    if (why) {
        H5Dclose(d);
        H5Fclose(f);
        h5table_close(t);
        return gs_error(sim, "'%s' dataset %s: %s", file, dataset, why);
    }
    struct h5t_impl *im = xcalloc(1, sizeof *im);
    im->file = f;
    im->data = d;
    im->fs = im->ms = -1;
    t->impl = im;
    return GS_OK;
}

bool
h5table_row(struct h5table *t, long row, double *v)
{
    struct h5t_impl *im = t->impl;
    if (!im || row < 0 || row >= t->nrows)
        return false;
    if (im->fs >= 0) {
        /* The selection of row 0, moved to ROW. */
        hssize_t at[2] = {(hssize_t)row, 0};
        return im->nsel == 0
               || (H5Soffset_simple(im->fs, at) >= 0
                   && H5Dread(im->data, H5T_NATIVE_DOUBLE, im->ms, im->fs, H5P_DEFAULT, v) >= 0);
    }
    if (t->ncols == 0)
        return true;
    hid_t fs = H5Dget_space(im->data);
    hsize_t start[2] = {(hsize_t)row, 0}, count[2] = {1, (hsize_t)t->ncols};
    hid_t ms = H5Screate_simple(2, count, NULL);
    bool ok = H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, NULL, count, NULL) >= 0
              && H5Dread(im->data, H5T_NATIVE_DOUBLE, ms, fs, H5P_DEFAULT, v) >= 0;
    H5Sclose(ms);
    H5Sclose(fs);
    return ok;
}

void
h5table_select(struct h5table *t, const long *cols, long n)
{
    struct h5t_impl *im = t->impl;
    if (!im)
        return;
    unselect(im);
    im->nsel = n;
    im->fs = H5Dget_space(im->data);
    H5Sselect_none(im->fs);
    for (long i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && cols[j] == cols[j - 1] + 1; j++)
            ;
        hsize_t start[2] = {0, (hsize_t)cols[i]}, count[2] = {1, (hsize_t)(j - i)};
        H5Sselect_hyperslab(im->fs, H5S_SELECT_OR, start, NULL, count, NULL);
    }
    hsize_t m[1] = {n > 0 ? (hsize_t)n : 1};
    im->ms = H5Screate_simple(1, m, NULL);
}

void
h5table_close(struct h5table *t)
{
    struct h5t_impl *im = t->impl;
    if (im) {
        unselect(im);
        H5Dclose(im->data);
        H5Fclose(im->file);
        free(im);
    }
    free(t->time);
    free(t->ids);
    *t = (struct h5table){0, 0, NULL, NULL, NULL};
}

/* --- 1-D lists read back (h5list.h) ---------------------------------------- */

enum gs_status
h5list_open(struct gs_sim *sim, const char *file, struct h5list *l)
{
    quiet();
    *l = (struct h5list){file, NULL};
    hid_t f = H5Fopen(file, H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0)
        return gs_error(sim, "cannot read '%s': it is not a readable HDF5 file", file);
    hid_t *h = xcalloc(1, sizeof *h);
    *h = f;
    l->impl = h;
    return GS_OK;
}

bool
h5list_has(struct h5list *l, const char *name)
{
    return l->impl && H5Lexists(*(hid_t *)l->impl, name, H5P_DEFAULT) > 0;
}

static const char *
class_words(H5T_class_t c)
{
    switch (c) {
    case H5T_INTEGER:
        return "integers";
    case H5T_FLOAT:
        return "floating-point numbers";
    case H5T_STRING:
        return "strings";
    case H5T_COMPOUND:
        return "compound records";
    default:
        return "values of another kind";
    }
}

/* Dataset NAME of L, 1-D (*N rows) and of class CLS (or, with CLS
 * H5T_INTEGER, integer or floating point); -1 after an error. */
static hid_t
open_1d(struct gs_sim *sim, struct h5list *l, const char *name, H5T_class_t cls, size_t *n)
{
    if (!h5list_has(l, name)) {
        gs_error(sim, "'%s' has no dataset '%s'", l->file, name);
        return -1;
    }
    hid_t d = H5Dopen2(*(hid_t *)l->impl, name, H5P_DEFAULT);
    if (d < 0) {
        gs_error(sim, "'%s': '%s' is not a dataset", l->file, name);
        return -1;
    }
    hid_t sp = H5Dget_space(d), ty = H5Dget_type(d);
    int rank = H5Sget_simple_extent_ndims(sp);
    hsize_t dims[H5S_MAX_RANK] = {0};
    H5Sget_simple_extent_dims(sp, dims, NULL);
    H5T_class_t c = H5Tget_class(ty);
    H5Sclose(sp);
    H5Tclose(ty);
    bool ok = cls == H5T_STRING ? c == H5T_STRING : c == H5T_INTEGER || c == H5T_FLOAT;
    if (rank != 1)
        gs_error(sim, "'%s': dataset '%s' is %d-D, not 1-D", l->file, name, rank);
    else if (!ok)
        gs_error(sim, "'%s': dataset '%s' holds %s, not %s", l->file, name, class_words(c),
                 cls == H5T_STRING ? "strings" : "numbers");
    if (rank != 1 || !ok) {
        H5Dclose(d);
        return -1;
    }
    *n = (size_t)dims[0];
    return d;
}

/* Reads the N strings of string dataset D into V (new strings). */
static bool
read_strings(hid_t d, size_t n, char **v)
{
    hid_t ty = H5Dget_type(d), mt = H5Tcopy(H5T_C_S1);
    H5Tset_cset(mt, H5Tget_cset(ty)); /* as stored: no conversion of characters */
    bool ok;
    if (H5Tis_variable_str(ty) > 0) {
        char **raw = xcalloc(n + 1, sizeof *raw);
        H5Tset_size(mt, H5T_VARIABLE);
        ok = n == 0 || H5Dread(d, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw) >= 0;
        for (size_t i = 0; ok && i < n; i++)
            v[i] = xstrdup(raw[i] ? raw[i] : "");
        if (ok && n > 0) {
            hid_t sp = H5Dget_space(d);
            H5Dvlen_reclaim(mt, sp, H5P_DEFAULT, raw);
            H5Sclose(sp);
        }
        free(raw);
    } else {
        size_t len = H5Tget_size(ty) + 1;
        char *buf = xcalloc(n * len + 1, 1);
        H5Tset_size(mt, len);
        H5Tset_strpad(mt, H5T_STR_NULLTERM);
        ok = n == 0 || H5Dread(d, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) >= 0;
        for (size_t i = 0; ok && i < n; i++)
            v[i] = xstrndup(buf + i * len, len - 1);
        free(buf);
    }
    H5Tclose(mt);
    H5Tclose(ty);
    return ok;
}

enum gs_status
h5list_strings(struct gs_sim *sim, struct h5list *l, const char *name, char ***v, size_t *n)
{
    *v = NULL;
    *n = 0;
    size_t rows = 0;
    hid_t d = open_1d(sim, l, name, H5T_STRING, &rows);
    if (d < 0)
        return GS_ERR;
    char **s = xcalloc(rows + 1, sizeof *s);
    bool ok = read_strings(d, rows, s);
    H5Dclose(d);
    if (!ok) {
        for (size_t i = 0; i < rows; i++)
            free(s[i]);
        free(s);
        return gs_error(sim, "'%s': dataset '%s' cannot be read", l->file, name);
    }
    *v = s;
    *n = rows;
    return GS_OK;
}

enum gs_status
h5list_numbers(struct gs_sim *sim, struct h5list *l, const char *name, double **v, size_t *n)
{
    *v = NULL;
    *n = 0;
    size_t rows = 0;
    hid_t d = open_1d(sim, l, name, H5T_INTEGER, &rows);
    if (d < 0)
        return GS_ERR;
    double *x = xcalloc(rows + 1, sizeof *x);
    bool ok = rows == 0 || H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, x) >= 0;
    H5Dclose(d);
    if (!ok) {
        free(x);
        return gs_error(sim, "'%s': dataset '%s' cannot be read", l->file, name);
    }
    *v = x;
    *n = rows;
    return GS_OK;
}

void
h5list_close(struct h5list *l)
{
    if (l->impl) {
        H5Fclose(*(hid_t *)l->impl);
        free(l->impl);
    }
    l->impl = NULL;
}
