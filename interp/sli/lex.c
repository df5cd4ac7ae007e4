/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lex.c: the SLI scanner. GENESIS scans a line differently depending on
 * where it is (command arguments are literal words, expressions have
 * identifiers and operators), so the parser asks for each token in a mode.
 * The rules follow the GENESIS 2.4 lexer:
 *   - `//` starts a comment to the end of the line, where a token starts;
 *   - `/ *` starts a comment, except in an argument where it begins a longer
 *     word (`/ *` then a word character: `le /##` style paths stay words);
 *     comments may span lines and count as blanks;
 *   - `\` starts a continuation: the rest of the line is ignored and the
 *     line end is a blank (so `\  // note` works);
 *   - a string cannot span lines; `\"` in it is a quote, other backslashes
 *     are kept as written;
 *   - `$N` is argument N.
 * Line ends are \n, \r\n or \r.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sli_int.h"

int
lex_peekc(const struct lexer *lx, size_t k)
{
    return lx->pos + k < lx->len ? (unsigned char)lx->src[lx->pos + k] : 0;
}

static bool
at_end(const struct lexer *lx, size_t k)
{
    return lx->pos + k >= lx->len;
}

/* ASCII only: the C library's classes depend on the locale. */
static bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool
is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static bool
is_eol(int c)
{
    return c == '\n' || c == '\r';
}

/* Consumes one line end (\n, \r\n or \r) at the current position. */
static void
eat_eol(struct lexer *lx)
{
    if (lex_peekc(lx, 0) == '\r' && lex_peekc(lx, 1) == '\n')
        lx->pos += 2;
    else
        lx->pos += 1;
    lx->line++;
}

/* Can byte C (at offset K from the current position) continue a literal word? */
static bool
word_char(const struct lexer *lx, size_t k, enum lex_mode mode)
{
    if (at_end(lx, k))
        return false;
    int c = lex_peekc(lx, k);
    if (is_blank(c) || is_eol(c))
        return false;
    switch (c) {
    case '{':
    case '}':
    case '"':
    case '\\':
        return false;
    case ';':
        return mode == LM_LIST;
    case '(':
    case ')':
    case ',':
        return mode != LM_LIST;
    case '$':
        return !is_digit(lex_peekc(lx, k + 1));
    default:
        return true;
    }
}

bool
lex_skip(struct lexer *lx, enum lex_mode mode, bool nl_space)
{
    bool skipped = false;
    for (;;) {
        if (at_end(lx, 0))
            return skipped;
        int c = lex_peekc(lx, 0);
        if (is_blank(c)) {
            lx->pos++;
        } else if (c == '\\') {
            /* A continuation: ignore the rest of the line and its end. */
            size_t start = lx->pos;
            int line = lx->line;
            while (!at_end(lx, 0) && !is_eol(lex_peekc(lx, 0)))
                lx->pos++;
            if (at_end(lx, 0))
                sli_incomplete_at(lx->p, line, start, "the text ends after a '\\' continuation");
            eat_eol(lx);
            if (at_end(lx, 0))
                sli_incomplete_at(lx->p, line, start, "the text ends after a '\\' continuation");
        } else if (c == '/' && lex_peekc(lx, 1) == '/') {
            while (!at_end(lx, 0) && !is_eol(lex_peekc(lx, 0)))
                lx->pos++;
        } else if (c == '/' && lex_peekc(lx, 1) == '*'
                   && (mode != LM_ARG || !word_char(lx, 2, mode))) {
            size_t start = lx->pos;
            int line = lx->line;
            lx->pos += 2;
            for (;;) {
                if (at_end(lx, 0))
                    sli_incomplete_at(lx->p, line, start, "unterminated comment: '*/' expected");
                int d = lex_peekc(lx, 0);
                if (d == '*' && lex_peekc(lx, 1) == '/') {
                    lx->pos += 2;
                    break;
                }
                if (is_eol(d))
                    eat_eol(lx);
                else
                    lx->pos++;
            }
        } else if (is_eol(c) && nl_space) {
            eat_eol(lx);
        } else {
            return skipped;
        }
        skipped = true;
    }
}

/* "..." at the current position: the value with \" decoded. */
static void
scan_string(struct lexer *lx, struct token *t)
{
    size_t start = lx->pos;
    lx->pos++; /* the opening quote */
    size_t vstart = lx->pos, n = 0;
    size_t quotes = 0; /* escaped quotes seen: each drops a backslash */
    for (;;) {
        /* A string cannot span lines, so more text cannot complete it. */
        if (at_end(lx, 0))
            sli_error_at(lx->p, t->line, start, "unterminated string: '\"' expected");
        int c = lex_peekc(lx, 0);
        if (is_eol(c))
            sli_error_at(lx->p, t->line, start,
                         "unterminated string: '\"' expected before the end of the line");
        if (c == '"' && lx->pos > vstart && lx->src[lx->pos - 1] == '\\') {
            quotes++;
            lx->pos++;
            continue;
        }
        if (c == '"')
            break;
        lx->pos++;
    }
    n = lx->pos - vstart;
    lx->pos++; /* the closing quote */
    if (quotes == 0) {
        t->val = arena_strndup(lx->p->a, lx->src + vstart, n);
        t->vlen = n;
    } else {
        char *v = arena_alloc(lx->p->a, n + 1);
        size_t k = 0;
        for (size_t i = vstart; i < vstart + n; i++) {
            if (lx->src[i] == '\\' && i + 1 < vstart + n && lx->src[i + 1] == '"')
                continue; /* \" -> " */
            v[k++] = lx->src[i];
        }
        v[k] = '\0';
        t->val = v;
        t->vlen = k;
    }
    t->kind = TK_STRING;
}

static void
scan_dollar(struct lexer *lx, struct token *t)
{
    lx->pos++;
    long long n = 0;
    while (is_digit(lex_peekc(lx, 0))) {
        if (n < 1000000)
            n = n * 10 + (lex_peekc(lx, 0) - '0');
        lx->pos++;
    }
    t->kind = TK_DOLLAR;
    t->ival = n;
}

/* A number in an expression: [0-9]+, or a float with '.' and/or exponent. */
static void
scan_number(struct lexer *lx, struct token *t)
{
    size_t start = lx->pos;
    bool is_float = false;
    while (is_digit(lex_peekc(lx, 0)))
        lx->pos++;
    if (lex_peekc(lx, 0) == '.') {
        is_float = true;
        lx->pos++;
        while (is_digit(lex_peekc(lx, 0)))
            lx->pos++;
    }
    int e = lex_peekc(lx, 0);
    if (e == 'e' || e == 'E') {
        size_t k = 1;
        if (lex_peekc(lx, k) == '+' || lex_peekc(lx, k) == '-')
            k++;
        if (is_digit(lex_peekc(lx, k))) {
            is_float = true;
            lx->pos += k;
            while (is_digit(lex_peekc(lx, 0)))
                lx->pos++;
        }
    }
    t->len = lx->pos - start;
    t->val = arena_strndup(lx->p->a, lx->src + start, t->len);
    t->vlen = t->len;
    if (is_float) {
        t->kind = TK_FLOAT;
        return;
    }
    t->kind = TK_INT;
    errno = 0;
    t->ival = strtoll(t->val, NULL, 10);
    t->big = errno == ERANGE;
}

static const struct {
    const char *text;
    enum sli_op op;
} ops[] = {
    {"||", OP_OR},  {"&&", OP_AND}, {"<=", OP_LE},    {">=", OP_GE},  {"==", OP_EQ},  {"!=", OP_NE},
    {"**", OP_POW}, {"<", OP_LT},   {">", OP_GT},     {"!", OP_NOT},  {"+", OP_ADD},  {"-", OP_SUB},
    {"*", OP_MUL},  {"/", OP_DIV},  {"%", OP_MOD},    {"~", OP_BNOT}, {"&", OP_BAND}, {"|", OP_BOR},
    {"^", OP_BXOR}, {"@", OP_CAT},  {"=", OP_ASSIGN},
};

const char *
op_name(enum sli_op op)
{
    if (op == OP_NEG)
        return "-";
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].op == op)
            return ops[i].text;
    return "?";
}

static bool
scan_op(struct lexer *lx, struct token *t)
{
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if (lx->pos + n <= lx->len && memcmp(lx->src + lx->pos, ops[i].text, n) == 0) {
            lx->pos += n;
            t->kind = TK_OP;
            t->op = ops[i].op;
            return true;
        }
    }
    return false;
}

void
lex_next(struct lexer *lx, enum lex_mode mode, bool nl_space, struct token *t)
{
    memset(t, 0, sizeof *t);
    t->space = lex_skip(lx, mode, nl_space);
    t->line = lx->line;
    t->off = lx->pos;
    t->text = lx->src + lx->pos;
    if (at_end(lx, 0)) {
        t->kind = TK_EOF;
        return;
    }
    int c = lex_peekc(lx, 0);
    if (is_eol(c)) {
        eat_eol(lx);
        t->kind = TK_NL;
        t->len = 1;
        return;
    }
    if (c == '"') {
        scan_string(lx, t);
    } else if (c == '$' && is_digit(lex_peekc(lx, 1))) {
        scan_dollar(lx, t);
    } else if (c == '{') {
        t->kind = TK_LBRACE;
        lx->pos++;
    } else if (c == '}') {
        t->kind = TK_RBRACE;
        lx->pos++;
    } else if (c == ';' && mode != LM_LIST) {
        t->kind = TK_SEMI;
        lx->pos++;
    } else if (mode != LM_EXPR) {
        if (mode == LM_LIST && (c == '(' || c == ')' || c == ',')) {
            t->kind = c == '(' ? TK_LPAREN : c == ')' ? TK_RPAREN : TK_COMMA;
            lx->pos++;
        } else {
            while (word_char(lx, 0, mode))
                lx->pos++;
            t->kind = TK_WORD;
            t->val = lx->src + t->off;
            t->vlen = lx->pos - t->off;
        }
    } else if (is_ident_start(c)) {
        while (is_ident_start(lex_peekc(lx, 0)) || is_digit(lex_peekc(lx, 0)))
            lx->pos++;
        t->kind = TK_IDENT;
        t->val = arena_strndup(lx->p->a, lx->src + t->off, lx->pos - t->off);
        t->vlen = lx->pos - t->off;
    } else if (is_digit(c) || (c == '.' && is_digit(lex_peekc(lx, 1)))) {
        scan_number(lx, t);
    } else if (c == '(' || c == ')' || c == ',') {
        t->kind = c == '(' ? TK_LPAREN : c == ')' ? TK_RPAREN : TK_COMMA;
        lx->pos++;
    } else if (!scan_op(lx, t)) {
        t->kind = TK_BAD;
        lx->pos++;
    }
    t->len = lx->pos - t->off;
}
