/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fmt1.h: GENESIS's FMT1 binary data file (disk_out, par_disk_out write
 * it; disk_in, xview and xplot readers read it). The layout, in the
 * machine's byte order as GENESIS writes it:
 *
 *   char  label[80]   "FMT1", then NUL bytes
 *   float start       simulation time of the first frame, s
 *   float dt          interval between frames (the writer's clock), s
 *   int   ndata       values per frame
 *   int   datatype    4 float (what the writers write); readers also
 *                     take 2 short, 3 int, 5 double
 *   float x, y, z     ndata times: the position of each value's source
 *   then one frame per interval: ndata values of datatype.
 */
#ifndef GS_FMT1_H
#define GS_FMT1_H

#include <stdbool.h>
#include <stdio.h>

#include "../base/gs.h"

#define FMT1_LABEL 80
enum { FMT1_SHORT = 2, FMT1_INT = 3, FMT1_FLOAT = 4, FMT1_DOUBLE = 5 };

struct fmt1_header {
    float start, dt;
    int ndata, datatype;
    float *xyz;  /* 3 * ndata coordinates (malloc'd by fmt1_read_header) */
    long size;   /* bytes before the first frame */
};

/* Bytes before the first frame of a file of NDATA values. */
long fmt1_header_size(int ndata);
/* Bytes of one value of DATATYPE, or 0 for a type FMT1 does not know. */
int fmt1_datasize(int datatype);
/* Writes the header (datatype float); XYZ holds 3 * NDATA coordinates.
 * Returns false when the write failed (errno says why). */
bool fmt1_write_header(FILE *fp, float start, float dt, int ndata, const float *xyz);
/* Is FP (at its start) an FMT1 file? Leaves FP at its start. */
bool fmt1_is(FILE *fp);
/* Reads the header of FP into H (H->xyz allocated). Errors (with NAME, the
 * file, in the message): not FMT1, truncated, an unknown datatype or a
 * negative count. */
enum gs_status fmt1_read_header(struct gs_sim *sim, FILE *fp, const char *name,
                                struct fmt1_header *h);

#endif
