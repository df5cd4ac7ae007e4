/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gate_tables.h: filling and reshaping the A/B tables of tabulated gates,
 * as GENESIS 2.4's setupalpha, setuptau, tweakalpha, tweaktau,
 * scaletabchan and TABFILL do it, on plain arrays of xdivs+1 doubles.
 * The commands and the tabchannel class put these on their tables; the
 * arithmetic (accumulated x, float intermediates, singularity rules) is
 * GENESIS's, so the tables come out bit for bit the same.
 */
#ifndef GS_GATE_TABLES_H
#define GS_GATE_TABLES_H

#include <stdbool.h>

/* GENESIS's defaults for setupalpha/setuptau tables. */
#define GT_XDIVS 3000
#define GT_XMIN (-0.1)
#define GT_XMAX 0.05
/* |value| below which a denominator counts as zero (olf_defs.h SING_TINY). */
#define GT_SING_TINY 1e-6

enum gt_mode { GT_ALPHA = 0, GT_TAU = 1 };

/*
 * setupalpha (mode GT_ALPHA) or setuptau (GT_TAU): ARGS are the ten
 * numbers AA AB AC AD AF BA BB BC BD BF, each half giving
 * (A + B x) / (C + exp((x + D) / F)). For a tabchannel (TABGATE false)
 * A ends as alpha (or minf/tau) and B as alpha+beta (or 1/tau).
 */
void gt_setup(double *A, double *B, int xdivs, double xmin, double xmax, const double args[10],
              enum gt_mode mode, bool tabgate);

/* tweakalpha / tweaktau: tables holding alpha, beta (or tau, minf)
 * become A, A+B (or minf/tau, 1/tau). */
void gt_tweak(double *A, double *B, int xdivs, enum gt_mode mode);

/* setupgate on one table: (A + B x)/(C + exp((x + D)/F)) at midpoints. */
void gt_setupgate(double *T, int xdivs, double xmin, double xmax, const double abcdf[5]);

/*
 * scaletabchan: scales the gate's alpha, beta, tau or minf (MODE 'a', 'b',
 * 't', 'm') by SY with offset OY along the table, and stretches it by SX
 * with offset OX along x. Returns false (nothing changed) for a bad mode
 * or SX <= 0.
 */
bool gt_scale(double *A, double *B, int xdivs, double xmin, double xmax, char mode, double sx,
              double sy, double ox, double oy, bool tabgate);

/*
 * TABFILL: resamples a table of XDIVS divisions to NEWDIVS divisions with
 * FILL_MODE 0 (B-spline) or 2 (linear). Returns a new array of
 * NEWDIVS+1 values (caller frees) or NULL for a bad mode or NEWDIVS < 3.
 */
double *gt_fill(const double *T, int xdivs, int newdivs, int fill_mode);

#endif
