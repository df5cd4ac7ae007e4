/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readcell.h: building a cell from a GENESIS cell parameter (.p) file, as
 * GENESIS 2.4's readcell does: compartments copied from a prototype, with
 * their geometry, membrane constants and axial messages, and the channels
 * and other elements of /library copied into them and scaled by the
 * compartment's area or volume. The whole cell is built under a staging
 * element and attached at the end, so a failure leaves the tree as it was.
 *
 * The text comes from the caller (the readcell command reads the file), and
 * so do the script globals readcell reads and sets (RM, CM, RA, EREST_ACT,
 * ELEAK, *set_global): models/ cannot reach the interpreter itself.
 */
#ifndef GS_READCELL_H
#define GS_READCELL_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/gs.h"

/* Access to the script's global variables. */
struct rc_vars {
    void *ctx;
    /* The value of global NAME as a number; false when it is not defined. */
    bool (*get)(void *ctx, const char *name, double *out);
    /* Sets global NAME (declares it as a float when it does not exist).
     * Called only after the cell was built. */
    void (*set)(void *ctx, const char *name, double v);
};

/* The command-line options of readcell. */
struct rc_options {
    bool hsolve;           /* -hsolve: the cell root is an hsolve when gensh has one */
    int split;             /* -split N: every compartment in N pieces (1: none) */
    double lambdasplit;    /* -lambdasplit L: pieces of at most L lambdas (0: none) */
    bool rand, prand;      /* -rand / -prand: random lengths and diameters */
    double sd_len, sd_dia; /* their standard deviations (um for -rand, relative for -prand) */
};

/*
 * Builds the cell described by TEXT (LEN bytes, the contents of the file
 * called FNAME in messages) at CELLPATH, as readcell does, and prints the
 * "FNAME read: ..." summary unless sim->opt.silent >= 2.
 * Errors: a malformed line or directive, a bad number, an unknown parent,
 * channel or prototype, a bad CELLPATH; the message starts with
 * "FNAME:LINE: ". Nothing is created and no global is changed then.
 */
enum gs_status readcell_build(struct gs_sim *sim, const char *fname, const char *text, size_t len,
                              const char *cellpath, const struct rc_options *opt,
                              const struct rc_vars *vars);

#endif
