/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xalloc.c: allocation helpers. Bookkeeping allocations that fail are
 * internal errors (gensh cannot go on without them); user-sized ones go
 * through gs_try_alloc and the caller reports the failure.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gs.h"

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        GS_BUG("out of memory allocating %zu bytes", n);
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        GS_BUG("out of memory allocating %zu x %zu bytes", n, size);
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        GS_BUG("out of memory reallocating %zu bytes", n);
    return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        GS_BUG("allocation of %zu x %zu bytes overflows", n, size);
    return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = xmalloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *
xasprintf(const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        GS_BUG("vsnprintf failed for format '%s'", fmt);
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

void *
gs_try_alloc(size_t n)
{
    return malloc(n ? n : 1);
}

void
gs_internal(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "gensh: internal error at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (please report this)\n", stderr);
    abort();
}
