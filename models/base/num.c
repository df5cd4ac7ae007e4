/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * num.c: whole-string number parsing, the one definition every layer uses
 * (the argument parser, field values, cell files): blanks around the
 * number are allowed, anything else is not ("1e-3x" is not a number), and
 * an integer may be written "3.0" but not "3.5".
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "gs.h"

bool
gs_parse_real(const char *s, double *out)
{
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '\0')
        return false;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s)
        return false;
    while (isspace((unsigned char)*end))
        end++;
    if (*end != '\0' || (errno == ERANGE && fabs(v) == HUGE_VAL))
        return false;
    *out = v;
    return true;
}

bool
gs_parse_int(const char *s, long *out)
{
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '\0')
        return false;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end != s && (*end == '.' || *end == 'e' || *end == 'E')) {
        /* GENESIS accepts "3.0" where an integer is wanted, not "3.5". */
        double d;
        if (!gs_parse_real(s, &d) || d != floor(d) || fabs(d) > 9.2e18)
            return false;
        *out = (long)d;
        return true;
    }
    if (end == s)
        return false;
    while (isspace((unsigned char)*end))
        end++;
    if (*end != '\0' || errno == ERANGE)
        return false;
    *out = v;
    return true;
}
