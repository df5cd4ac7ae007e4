/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * emit_int.h: what emit.c (statements and lines) and emit_expr.c (values
 * and calls) share.
 */
#ifndef GS_EMIT_INT_H
#define GS_EMIT_INT_H

#include "sli_int.h"

struct emitter {
    struct strbuf *out;
    const char *name;  /* the script's name, for markers */
    bool markers;      /* append "-- NAME:LINE" to each line with code */
    int line;          /* the Lua line being written (1-based) */
    bool has_code;     /* something is written on it */
    const char *fname; /* what argv 0 gives: the function or script name */
    const struct func *fn;
};

/* How a value is wanted: as is, or converted the way GENESIS converts. */
enum want {
    W_VAL, /* its own type */
    W_NUM, /* a number for arithmetic: a string is read as a float */
    W_INT, /* CastToInt */
    W_FLT, /* CastToFloat */
    W_STR  /* CastToStr */
};

void emit_quoted(struct strbuf *sb, const char *s, size_t n);
void emit_global(struct emitter *E, const char *name);
void emit_value(struct emitter *E, const struct expr *e, enum want w);
void emit_bool(struct emitter *E, const struct expr *e);
void emit_word(struct emitter *E, const struct word *w);
/* A command call; DIRECT: a built-in command only (include), not a script
 * function of the same name. */
void emit_call(struct emitter *E, const struct call *c, bool direct);

#endif
