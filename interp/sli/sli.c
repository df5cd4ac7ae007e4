/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sli.c: sli_compile, the compiler's entry point, and its error reports.
 * The parser stops at the first error: it formats the message here (with
 * the source line and a caret under the offending byte) and longjmps back
 * to sli_compile, which frees the arena holding the whole syntax tree.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sli.h"
#include "sli_int.h"

/* Appends LINE's text and a caret under byte OFF (when OFF is on it). */
static void
show_line(struct strbuf *err, const char *src, size_t len, size_t off)
{
    if (off > len)
        off = len;
    size_t start = off, end = off;
    while (start > 0 && src[start - 1] != '\n' && src[start - 1] != '\r')
        start--;
    while (end < len && src[end] != '\n' && src[end] != '\r')
        end++;
    if (end == start)
        return;
    /* Long lines: a window around the caret. */
    size_t from = start, to = end;
    if (off - from > 100)
        from = off - 60;
    if (to - from > 160)
        to = from + 160;
    sb_puts(err, "\n    ");
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)src[i];
        sb_putc(err, c == '\t' ? ' ' : c < 32 || c == 127 ? '?' : (char)c);
    }
    if (off < from || off > to)
        return;
    sb_puts(err, "\n    ");
    for (size_t i = from; i < off; i++)
        sb_putc(err, ' ');
    sb_putc(err, '^');
}

static GS_NORETURN GS_PRINTFLIKE(5, 0) void fail_v(struct parser *p, bool incomplete, int line,
                                                   size_t off, const char *fmt, va_list ap)
{
    sb_reset(p->err);
    sb_printf(p->err, "%s:%d: ", p->name, line);
    sb_vprintf(p->err, fmt, ap);
    show_line(p->err, p->lx.src, p->lx.len, off);
    p->incomplete = incomplete;
    longjmp(p->fail, 1);
}

void
sli_error_at(struct parser *p, int line, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(p, false, line, off, fmt, ap);
}

void
sli_incomplete_at(struct parser *p, int line, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(p, true, line, off, fmt, ap);
}

void
sli_enter(struct parser *p, int line, size_t off)
{
    if (++p->depth > SLI_MAX_DEPTH)
        sli_error_at(p, line, off,
                     "nested too deeply (more than %d levels of blocks, braces "
                     "and parentheses)",
                     SLI_MAX_DEPTH);
}

void
sli_leave(struct parser *p)
{
    p->depth--;
}

/* The deepest bracket nesting in the Lua text from offset FROM, and the Lua
 * line (= SLI line) where it first passes SLI_MAX_LUA_NESTING (0 if never).
 * Strings and "--" comments are skipped. */
static int
too_deep_line(const char *s, size_t from, size_t len)
{
    int depth = 0, line = 1;
    for (size_t i = from; i < len; i++) {
        char c = s[i];
        if (c == '\n') {
            line++;
        } else if (c == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
        } else if (c == '-' && i + 1 < len && s[i + 1] == '-') {
            while (i + 1 < len && s[i + 1] != '\n')
                i++;
        } else if (c == '(' || c == '{' || c == '[') {
            if (++depth > SLI_MAX_LUA_NESTING)
                return line;
        } else if (c == ')' || c == '}' || c == ']') {
            depth--;
        }
    }
    return 0;
}

/* The offset of the start of LINE in the source, for the caret. */
static size_t
line_offset(const struct parser *p, int line)
{
    size_t off = 0;
    for (int l = 1; l < line && off < p->lx.len; off++) {
        char c = p->lx.src[off];
        if (c == '\n' || (c == '\r' && (off + 1 >= p->lx.len || p->lx.src[off + 1] != '\n')))
            l++;
    }
    return off;
}

/* Compile under setjmp: kept apart so no local of sli_compile changes
 * between setjmp and longjmp. */
static bool
compile(struct parser *p, const char *name, const struct sli_options *opt, struct strbuf *out)
{
    if (setjmp(p->fail))
        return false;
    struct program *prog = parse_program(p);
    prog->name = name;
    size_t from = out->len;
    emit_program(prog, name, opt && opt->markers, out);
    int line = too_deep_line(sb_str(out), from, out->len);
    if (line) {
        out->len = from;
        out->buf[from] = '\0';
        sli_error_at(p, line, line_offset(p, line),
                     "this line nests too deeply for Lua (brackets more than %d deep): split it "
                     "into smaller statements",
                     SLI_MAX_LUA_NESTING);
    }
    return true;
}

enum sli_status
sli_compile(const char *src, size_t len, const char *name, const struct sli_options *opt,
            struct strbuf *out, struct strbuf *err)
{
    struct arena arena = {NULL};
    struct strbuf local_err = STRBUF_INIT;
    struct parser *p = xcalloc(1, sizeof *p);
    p->a = &arena;
    p->name = name ? name : "?";
    p->err = err ? err : &local_err;
    p->lx.src = src ? src : "";
    p->lx.len = src ? len : 0;
    p->lx.line = 1;
    p->lx.p = p;
    enum sli_status st = SLI_OK;
    if (!compile(p, p->name, opt, out))
        st = p->incomplete ? SLI_INCOMPLETE : SLI_ERROR;
    arena_free(&arena);
    sb_free(&local_err);
    free(p);
    return st;
}
