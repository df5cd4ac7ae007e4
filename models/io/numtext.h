/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * numtext.h: numbers as text for the output classes, exactly as printf
 * writes them, without printf's cost where the format allows.
 */
#ifndef GS_NUMTEXT_H
#define GS_NUMTEXT_H

#include <stddef.h>

/* Room numtext_put needs. */
#define NUMTEXT_MAX 64

/* The precision of FMT when it is one of the %g forms numtext writes by
 * itself ("%g", "%.Ng" or "%0.Ng" with N from 1 to 9), else 0. */
int numtext_precision(const char *fmt);

/* Writes V into OUT (NUMTEXT_MAX bytes, no terminating NUL counted) as
 * printf(FMT, V) would and returns the length. PREC is
 * numtext_precision(FMT); FMT must hold one double conversion (checked
 * when the format was set, field_format_ok). */
size_t numtext_put(char *out, const char *fmt, int prec, double v);

#endif
