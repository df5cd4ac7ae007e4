/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tap.h: a small TAP producer for the C unit tests: plan, ok, is_int,
 * is_str, is_dbl (relative and absolute tolerance), skip, diag. Header-only
 * so each test program is one .c file.
 */
#ifndef GS_TAP_H
#define GS_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline void
tap_plan(int n)
{
    printf("1..%d\n", n);
}

static inline void
tap_done(void)
{
    printf("1..%d\n", tap_n);
}

static inline void
diag(const char *fmt, ...)
{
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
}

static inline int
ok_(int cond, const char *file, int line, const char *name)
{
    tap_n++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", tap_n, name);
    if (!cond) {
        tap_failed++;
        printf("#   failed at %s:%d\n", file, line);
    }
    return cond;
}
#define ok(cond, name) ok_(!!(cond), __FILE__, __LINE__, name)

#define is_int(got, want, name)                                                                    \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                  \
        if (!ok(g_ == w_, name))                                                                  \
            diag("  got %lld, want %lld", g_, w_);                                                \
    } while (0)

#define is_str(got, want, name)                                                                    \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                     \
        if (!ok(g_ && w_ && strcmp(g_, w_) == 0, name))                                           \
            diag("  got '%s', want '%s'", g_ ? g_ : "(null)", w_ ? w_ : "(null)");                \
    } while (0)

#define is_dbl(got, want, rel, abs_, name)                                                         \
    do {                                                                                           \
        double g_ = (got), w_ = (want);                                                           \
        if (!ok(fabs(g_ - w_) <= (abs_) + (rel)*fabs(w_), name))                                  \
            diag("  got %.17g, want %.17g", g_, w_);                                              \
    } while (0)

static inline void
skip(const char *why)
{
    tap_n++;
    printf("ok %d # SKIP %s\n", tap_n, why);
}

static inline int
tap_exit(void)
{
    tap_done();
    return tap_failed ? 1 : 0;
}

#endif
