/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * strbuf.h: a growable, always NUL-terminated byte buffer.
 */
#ifndef GS_STRBUF_H
#define GS_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "gs.h"

struct strbuf {
    char *buf;   /* NUL-terminated; NULL until the first append */
    size_t len;  /* bytes used, not counting the NUL */
    size_t cap;  /* bytes allocated */
};

#define STRBUF_INIT {NULL, 0, 0}

void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap) GS_PRINTFLIKE(2, 0);
void sb_reset(struct strbuf *sb);
/* The contents ("" when empty); borrowed, valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/* Hands the buffer to the caller (who frees it) and empties SB. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
