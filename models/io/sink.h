/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sink.h: the one seam every output object writes through (DESIGN 10). A
 * sink is a file of one kind: text rows (asc_file, par_asc_file), FMT1
 * frames (disk_out, par_disk_out), spike lines (spikehistory), HDF5 rows
 * and SONATA spikes (hdf5_out, par_hdf5_out, sonata_out). An output object
 * keeps its own fields (filename, leave_open, flush, append, is_open) and
 * drives the sink with them at every tick:
 *
 *     if (initialize) sink_start(...)   a new file (truncated) and its header
 *     sink_open(...)                     open for appending unless open
 *     sink_row(...) or sink_spike(...)   the tick's values
 *     sink_done(...)                     flush if asked, check for write
 *                                        errors, close unless leave_open
 *
 * Errors name the file (and the time for write errors); a sink that failed
 * to write is closed, so nothing is kept half-open.
 */
#ifndef GS_SINK_H
#define GS_SINK_H

#include <stdbool.h>

#include "../core/core.h"

struct sink;

/* The element's fields the sink follows, read at every call. */
struct sink_file {
    const char *name;   /* the file */
    int leave_open;     /* keep it open between ticks */
    int flush;          /* flush after every tick */
    int *is_open;       /* the element's is_open field, kept in step (or NULL) */
};

/* What a new file says about its columns (its header). */
struct sink_cols {
    double t0, dt;              /* time of the first row, interval between rows, s */
    long n;                     /* value columns */
    const float *xyz;           /* 3 n source coordinates (FMT1), or NULL: zeros */
    const char *const *path;    /* n source paths, or NULL */
    const char *const *field;   /* n field names, or NULL */
    const long *index;          /* n column identities (io_index), or NULL: 0 .. n-1 */
    const char *units;          /* unit of the values, or NULL */
    const char *population;     /* SONATA population name, or NULL */
    bool shared;                /* HDF5 rows: the ranks of a zone will write the file
                                 * (sink_hdf5_shared) */
};

/* Text rows: the time (unless notime) and each value, printed with the
 * float format ("%g" when NULL or empty) and followed by a blank. */
struct sink *sink_text_rows(void);
/* GENESIS's FMT1 binary frames (fmt1.h): the header at start, a frame of
 * floats per row. */
struct sink *sink_fmt1(void);
/* spikehistory's text lines: "%6d     %.6f\n" (index and time), or the
 * source's path and the time when IDENT is set. */
struct sink *sink_spike_text(void);
/* The element's settings of a text sink, given before each tick (the
 * element's fields may change between ticks): FLOAT_FORMAT (rows; kept as
 * a pointer until the next call) and FLAG (rows: notime; spike lines:
 * ident). */
void sink_text_set(struct sink *s, const char *float_format, int flag);
/* HDF5 rows (hdf5_file.c): a [time x column] dataset of doubles, chunked,
 * compressed at level COMPRESS (0: none); rows are kept and written every
 * FLUSH_ROWS rows (and at every flush and close), so a run cut short
 * leaves a readable file holding every row written before its last flush. */
struct sink *sink_hdf5_rows(int compress, long flush_rows);
/* HDF5 rows of a file shared by the ranks of a zone (hdf5_file.c;
 * par_hdf5_out): the file exists (one rank started it with
 * sink_hdf5_rows); sink_open opens it on every rank, through MPI-IO on
 * COMM (an MPI_Comm *, opaque here, from the parallel layer; NULL: this
 * process alone), and C->n must be its number of columns. Each rank keeps
 * only its columns COLS[0..NCOLS-1] (ascending: a row holds their values
 * in that order) and LEAD the times; every FLUSH_ROWS rows (and at every
 * flush and close) all ranks write their parts of the block together.
 * Every call that writes, flushes or closes is collective. */
struct sink *sink_hdf5_shared(long flush_rows, const void *comm, bool lead, const long *cols,
                              long ncols);
/* Drops a shared file without closing it, when the other ranks may be
 * gone (a run ended by a signal): it stays as its last block left it. */
void sink_hdf5_forget(struct sink *s);
/* SONATA spikes (hdf5_file.c): /spikes/POPULATION/{timestamps (ms),
 * node_ids}, sorting "by_time". */
struct sink *sink_sonata(int compress, long flush_spikes);
/* Is HDF5 output built in? */
bool sink_hdf5_available(void);

/* Starts a new file (truncating it) and writes its header; leaves it open. */
enum gs_status sink_start(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
                          const struct sink_cols *c);
/* Opens the file for appending unless it is open. C: the columns the
 * element has now (NULL for text): an HDF5 file must have as many, and is
 * started when it does not exist. */
enum gs_status sink_open(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
                         const struct sink_cols *c);
/* Where the next row's N values may be put in place, to be passed to
 * sink_row as V: HDF5 rows keep a block of rows in memory, and a row
 * gathered straight into it is not copied again. NULL: the sink copies
 * V from wherever it is. */
double *sink_row_space(struct sink *s, long n);
/* Writes one row: time T and N values V. */
void sink_row(struct sink *s, double t, const double *v, long n);
/* Writes one spike of column INDEX (1-based for text lines; io_index for
 * SONATA), source SRC, at time T. */
void sink_spike(struct sink *s, long index, const struct gs_element *src, double t);
/* Ends a tick at time T: flushes if F asks, reports a write error (and
 * closes), closes unless F->leave_open. */
enum gs_status sink_done(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
                         double t);
/* Flushes an open file (the FLUSH action). */
enum gs_status sink_flush(struct gs_sim *sim, struct sink *s, const struct sink_file *f);
/* Closes the file if open. SIM NULL: errors are not reported (destroy). */
enum gs_status sink_close(struct gs_sim *sim, struct sink *s, const struct sink_file *f);
/* Is the file open? */
bool sink_is_open(const struct sink *s);
/* Writes TEXT words, each followed by a blank, and a newline, then
 * flushes (asc_file's OUT_WRITE; text rows only). */
enum gs_status sink_text_line(struct gs_sim *sim, struct sink *s, const struct sink_file *f,
                              int argc, const char *const *argv);
/* Rows written to the file since it was opened or started (HDF5: the
 * dataset's length). */
long sink_rows(const struct sink *s);
/* Frees S, closing its file silently. NULL is ignored. */
void sink_free(struct sink *s, const struct sink_file *f);

#endif
