/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parse_expr.c: SLI expressions, command arguments and {...} substitutions.
 *
 * Operator precedence is GENESIS's (its yacc grammar), lowest first:
 *   1  || &&              (one level, left to right: a || b && c is (a || b) && c)
 *   2  < <= > >= == !=    (not chainable)
 *   3  ! (prefix)         (so !a + b is !(a + b), !a < b is (!a) < b)
 *   4  + - & | ^ @
 *   5  * / % and ~ (prefix)
 *   6  **                 (left to right)
 *   7  unary -
 *
 * What {...} holds is decided as GENESIS does, by what the first name is:
 * a variable known here starts an expression; any other name starts a
 * command call. A name declared in another file cannot be known when this
 * one is compiled, so for those the text decides: {name} alone is looked
 * up when it runs (variable, else command), and {name op value} with the
 * operator set off by blanks (or written against the name) is an
 * expression, while {name arg ...} is a call.
 */
#include <setjmp.h>
#include <string.h>

#include "sli_int.h"

static void
describe(const struct token *t, char *buf, size_t n)
{
    switch (t->kind) {
    case TK_EOF:
        snprintf(buf, n, "the end of the text");
        return;
    case TK_NL:
        snprintf(buf, n, "the end of the line");
        return;
    case TK_STRING:
        snprintf(buf, n, "a string");
        return;
    default:
        break;
    }
    size_t len = t->len > 40 ? 40 : t->len;
    char tmp[48];
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)t->text[i];
        tmp[k++] = c >= 32 && c < 127 ? (char)c : '?';
    }
    tmp[k] = '\0';
    snprintf(buf, n, "'%s'", tmp);
}

/* Reports an unexpected token: the text ended (incomplete) or it is wrong. */
static GS_NORETURN void
unexpected(struct parser *p, const struct token *t, const char *what)
{
    char d[64];
    describe(t, d, sizeof d);
    if (t->kind == TK_EOF)
        sli_incomplete_at(p, t->line, t->off, "%s expected, got %s", what, d);
    sli_error_at(p, t->line, t->off, "%s expected, got %s", what, d);
}

static enum vtype
numeric(enum vtype t)
{
    return t == T_STR ? T_FLOAT : t == T_ANY ? T_NUM : t;
}

static enum vtype
arith_type(enum vtype a, enum vtype b)
{
    a = numeric(a);
    b = numeric(b);
    if (a == T_INT && b == T_INT)
        return T_INT;
    if (a == T_FLOAT || b == T_FLOAT)
        return T_FLOAT;
    return T_NUM;
}

static int
binary_level(enum sli_op op)
{
    switch (op) {
    case OP_OR:
    case OP_AND:
        return 1;
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
    case OP_EQ:
    case OP_NE:
        return 2;
    case OP_ADD:
    case OP_SUB:
    case OP_BAND:
    case OP_BOR:
    case OP_BXOR:
    case OP_CAT:
        return 4;
    case OP_MUL:
    case OP_DIV:
    case OP_MOD:
        return 5;
    case OP_POW:
        return 6;
    default:
        return 0;
    }
}

static struct expr *
make_binary(struct parser *p, enum sli_op op, struct expr *a, struct expr *b, int line)
{
    struct expr *e = ast_expr(p, E_BINARY, line);
    e->op = op;
    e->a = a;
    e->b = b;
    e->depth = 1 + (a->depth > b->depth ? a->depth : b->depth);
    if (e->depth > SLI_MAX_EXPR)
        sli_error_at(p, line, p->lx.pos, "expression too long: more than %d operators in a row",
                     SLI_MAX_EXPR);
    switch (op) {
    case OP_ADD:
    case OP_SUB:
    case OP_MUL:
    case OP_DIV:
    case OP_MOD:
        e->type = arith_type(a->type, b->type);
        break;
    case OP_POW:
        e->type = T_FLOAT;
        break;
    case OP_CAT:
        e->type = T_STR;
        break;
    default: /* comparisons, logic and bit operations give ints */
        e->type = T_INT;
        break;
    }
    return e;
}

static struct expr *parse_binary(struct parser *p, int min_level, bool nl);

static struct expr *
var_expr(struct parser *p, const struct token *t)
{
    struct expr *e = ast_expr(p, E_VAR, t->line);
    e->text = t->val;
    e->v = parse_find_local(p, t->val);
    if (e->v) {
        e->type = e->v->type;
    } else if (parse_global_type(p, t->val, &e->type)) {
        e->known = true;
    } else {
        e->type = T_ANY;
    }
    return e;
}

static struct expr *
parse_primary(struct parser *p, bool nl)
{
    struct token t;
    lex_next(&p->lx, LM_EXPR, nl, &t);
    struct expr *e;
    switch (t.kind) {
    case TK_INT:
        if (t.big) {
            e = ast_expr(p, E_FLOAT, t.line);
            e->text = t.val;
            e->type = T_FLOAT;
        } else {
            e = ast_expr(p, E_INT, t.line);
            e->ival = t.ival;
            e->type = T_INT;
        }
        return e;
    case TK_FLOAT:
        e = ast_expr(p, E_FLOAT, t.line);
        e->text = t.val;
        e->type = T_FLOAT;
        return e;
    case TK_STRING:
        e = ast_expr(p, E_STR, t.line);
        e->text = t.val;
        e->len = t.vlen;
        e->type = T_STR;
        return e;
    case TK_DOLLAR:
        e = ast_expr(p, E_DOLLAR, t.line);
        e->ival = t.ival;
        e->type = T_STR;
        return e;
    case TK_LBRACE:
        return parse_brace(p, &t);
    case TK_LPAREN:
        sli_enter(p, t.line, t.off);
        e = parse_expr(p, true);
        {
            struct token c;
            lex_next(&p->lx, LM_EXPR, true, &c);
            if (c.kind == TK_EOF)
                sli_incomplete_at(p, t.line, t.off, "missing ')' to close this '('");
            if (c.kind != TK_RPAREN)
                unexpected(p, &c, "')'");
        }
        sli_leave(p);
        return e;
    case TK_IDENT:
        if (sli_is_keyword(t.val))
            sli_error_at(p, t.line, t.off, "'%s' is a keyword, not a value", t.val);
        return var_expr(p, &t);
    default:
        unexpected(p, &t, "a value");
    }
}

static struct expr *
parse_unary(struct parser *p, bool nl)
{
    struct lexer save = p->lx;
    struct token t;
    lex_next(&p->lx, LM_EXPR, nl, &t);
    if (t.kind == TK_OP && (t.op == OP_SUB || t.op == OP_NOT || t.op == OP_BNOT)) {
        sli_enter(p, t.line, t.off);
        struct expr *e = ast_expr(p, E_UNARY, t.line);
        /* A prefix operator takes in every operator that binds tighter. */
        switch (t.op) {
        case OP_SUB:
            e->op = OP_NEG;
            e->a = parse_binary(p, 8, nl);
            e->type = numeric(e->a->type);
            break;
        case OP_NOT:
            e->op = OP_NOT;
            e->a = parse_binary(p, 4, nl);
            e->type = T_INT;
            break;
        default:
            e->op = OP_BNOT;
            e->a = parse_binary(p, 6, nl);
            e->type = T_INT;
            break;
        }
        e->depth = 1 + e->a->depth;
        if (e->depth > SLI_MAX_EXPR)
            sli_error_at(p, t.line, t.off, "expression too long: more than %d operators in a row",
                         SLI_MAX_EXPR);
        sli_leave(p);
        return e;
    }
    p->lx = save;
    return parse_primary(p, nl);
}

static struct expr *
parse_binary(struct parser *p, int min_level, bool nl)
{
    struct expr *left = parse_unary(p, nl);
    for (;;) {
        struct lexer save = p->lx;
        struct token t;
        lex_next(&p->lx, LM_EXPR, nl, &t);
        int level = t.kind == TK_OP ? binary_level(t.op) : 0;
        if (level == 0 || level < min_level) {
            p->lx = save;
            return left;
        }
        sli_enter(p, t.line, t.off);
        struct expr *right = parse_binary(p, level + 1, nl);
        sli_leave(p);
        left = make_binary(p, t.op, left, right, t.line);
        if (level == 2) {
            struct lexer save2 = p->lx;
            struct token u;
            lex_next(&p->lx, LM_EXPR, nl, &u);
            if (u.kind == TK_OP && binary_level(u.op) == 2)
                sli_error_at(p, u.line, u.off,
                             "comparisons cannot be chained: use && between them");
            p->lx = save2;
        }
    }
}

struct expr *
parse_expr(struct parser *p, bool nl_space)
{
    return parse_binary(p, 1, nl_space);
}

/* ---- node lists: 0  0,2  1-3  all  others  2.1  all.all ---- */

static size_t
node_item(const char *s, size_t i, size_t n, bool zone)
{
    static const char *const kw[] = {"others", "other", "all"};
    for (size_t k = 0; k < 3; k++) {
        size_t m = strlen(kw[k]);
        if (n - i >= m && memcmp(s + i, kw[k], m) == 0)
            return i + m;
    }
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j == i)
        return 0;
    if (!zone && j < n && s[j] == '-') {
        size_t k = j + 1;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k == j + 1)
            return 0;
        j = k;
    }
    return j;
}

void
parse_check_nodes(struct parser *p, const struct call *c, int line, size_t off)
{
    size_t n;
    const char *s = word_text(p, c->nodes, &n);
    if (n == 0)
        sli_error_at(p, line, off,
                     "empty node list after '%s@': expected a node number, 'all' or 'others'",
                     c->name);
    size_t i = 0;
    for (;;) {
        size_t j = node_item(s, i, n, false);
        if (j && j < n && s[j] == '.')
            j = node_item(s, j + 1, n, true);
        if (!j)
            break;
        i = j;
        if (i == n)
            return;
        if (s[i] != ',' || i + 1 == n)
            break;
        i++;
    }
    char shown[64];
    size_t k = 0;
    for (size_t m = 0; m < n && k < sizeof shown - 1; m++)
        shown[k++] = (unsigned char)s[m] >= 32 && (unsigned char)s[m] < 127 ? s[m] : '?';
    shown[k] = '\0';
    sli_error_at(
        p, line, off,
        "bad node list '%s' after '%s@': expected nodes like 0  1,3  0-2  all  others  1.0", shown,
        c->name);
}

/* ---- arguments ---- */

struct word *
parse_words(struct parser *p, enum lex_mode mode, bool in_brace, struct token *end)
{
    struct word *head = NULL, **tail = &head, *cur = NULL;
    bool nl = in_brace || mode == LM_LIST;
    for (;;) {
        struct token t;
        lex_next(&p->lx, mode, nl, &t);
        switch (t.kind) {
        case TK_WORD:
        case TK_STRING:
        case TK_DOLLAR:
        case TK_LBRACE:
            if (!cur || t.space) {
                cur = ast_word(p, t.line);
                *tail = cur;
                tail = &cur->next;
            }
            if (t.kind == TK_WORD || t.kind == TK_STRING) {
                ast_add_piece(p, cur, P_TEXT, t.val, t.vlen, NULL);
            } else if (t.kind == TK_DOLLAR) {
                struct expr *e = ast_expr(p, E_DOLLAR, t.line);
                e->ival = t.ival;
                e->type = T_STR;
                ast_add_piece(p, cur, P_EXPR, NULL, 0, e);
            } else {
                ast_add_piece(p, cur, P_EXPR, NULL, 0, parse_brace(p, &t));
            }
            break;
        case TK_RBRACE:
            if (in_brace) {
                *end = t;
                return head;
            }
            sli_error_at(p, t.line, t.off, "'}' without a matching '{'");
        case TK_RPAREN:
            if (mode == LM_LIST) {
                *end = t;
                return head;
            }
            unexpected(p, &t, "an argument");
        case TK_SEMI:
            if (in_brace)
                sli_error_at(p, t.line, t.off, "';' inside '{...}': '}' expected first");
            *end = t;
            return head;
        case TK_NL:
        case TK_EOF:
            if (mode == LM_LIST)
                unexpected(p, &t, "')'");
            if (in_brace && t.kind == TK_EOF)
                sli_incomplete_at(p, p->brace_line, p->brace_off, "missing '}' to close this '{'");
            *end = t;
            return head;
        default:
            unexpected(p, &t, mode == LM_LIST ? "a list item or ')'" : "an argument");
        }
    }
}

/* The rest of a command after its first name token HEAD: name pieces
 * written against it (`echo@{n}`, `foo{x}`), then the arguments. */
struct call *
parse_call_rest(struct parser *p, const struct token *head, bool in_brace, struct token *end)
{
    struct call *c = arena_alloc(p->a, sizeof *c);
    c->line = head->line;
    struct word *name = ast_word(p, head->line);
    ast_add_piece(p, name, P_TEXT, head->val, head->vlen, NULL);
    for (;;) {
        struct lexer save = p->lx;
        struct token t;
        lex_next(&p->lx, LM_ARG, in_brace, &t);
        if (t.space
            || (t.kind != TK_WORD && t.kind != TK_STRING && t.kind != TK_LBRACE
                && t.kind != TK_DOLLAR)) {
            p->lx = save;
            break;
        }
        if (t.kind == TK_WORD || t.kind == TK_STRING)
            ast_add_piece(p, name, P_TEXT, t.val, t.vlen, NULL);
        else if (t.kind == TK_DOLLAR) {
            struct expr *e = ast_expr(p, E_DOLLAR, t.line);
            e->ival = t.ival;
            e->type = T_STR;
            ast_add_piece(p, name, P_EXPR, NULL, 0, e);
        } else {
            ast_add_piece(p, name, P_EXPR, NULL, 0, parse_brace(p, &t));
        }
    }
    /* cmd@nodes: the first '@' in the literal start of the name. */
    struct piece *first = name->pieces;
    const char *at = memchr(first->text, '@', first->len);
    if (at) {
        size_t nlen = (size_t)(at - first->text);
        c->name = arena_strndup(p->a, first->text, nlen);
        c->nodes = ast_word(p, head->line);
        if (first->len > nlen + 1)
            ast_add_piece(p, c->nodes, P_TEXT, at + 1, first->len - nlen - 1, NULL);
        for (struct piece *pc = first->next; pc; pc = pc->next)
            ast_add_piece(p, c->nodes, pc->kind, pc->text, pc->len, pc->e);
        if (word_is_literal(c->nodes))
            parse_check_nodes(p, c, head->line, head->off + nlen);
    } else if (first->next) {
        c->dname = name;
    } else {
        c->name = first->text;
    }
    c->args = parse_words(p, LM_ARG, in_brace, end);
    return c;
}

/* Is C a byte that can start an operator? */
static bool
op_char(int c)
{
    return c && strchr("+-*/%<>=!&|^~@", c) != NULL;
}

static bool
blank_or_end(int c)
{
    return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* For a name not known here, written first in {...}: is this an expression?
 * The lexer stands just after the name. */
static bool
unknown_name_starts_expr(struct parser *p)
{
    struct lexer *lx = &p->lx;
    int c = lex_peekc(lx, 0);
    if (op_char(c))
        return c != '@'; /* {x+1} is an expression, {cmd@node} a call */
    if (!blank_or_end(c))
        return false;
    size_t k = 0;
    while (lex_peekc(lx, k) == ' ' || lex_peekc(lx, k) == '\t')
        k++;
    c = lex_peekc(lx, k);
    if (!op_char(c))
        return false;
    /* An operator set off by blanks: {x - 1}; a word after a blank is an
     * argument: {getfield -x}, {el /#}. */
    size_t n = 1;
    int d = lex_peekc(lx, k + 1);
    if ((c == '*' && d == '*') || (c == '|' && d == '|') || (c == '&' && d == '&')
        || ((c == '<' || c == '>' || c == '=' || c == '!') && d == '='))
        n = 2;
    return blank_or_end(lex_peekc(lx, k + n));
}

/* After an unknown name: blanks, then an operator glued to what follows
 * ({x -1}, {cmd -opt}, {cmd /path}): either reading may be meant. */
static bool
blank_then_op(struct parser *p)
{
    size_t k = 0;
    while (lex_peekc(&p->lx, k) == ' ' || lex_peekc(&p->lx, k) == '\t')
        k++;
    int c = lex_peekc(&p->lx, k);
    return k > 0 && op_char(c) && c != '@';
}

/* Reads {...} from FROM as an expression up to its '}'; returns NULL, and
 * leaves the parser as it was, if it is not one. */
static struct expr *
try_brace_expr(struct parser *p, const struct lexer *from)
{
    jmp_buf outer;
    memcpy(outer, p->fail, sizeof outer);
    int depth = p->depth, brace_line = p->brace_line;
    size_t brace_off = p->brace_off;
    struct lexer lx = p->lx;
    struct expr *volatile e = NULL;
    /* Braces inside are read one way only: trying both at every level
     * would take time exponential in the nesting. */
    p->trying++;
    if (setjmp(p->fail) == 0) {
        p->lx = *from;
        struct expr *x = parse_expr(p, true);
        struct token end;
        lex_next(&p->lx, LM_EXPR, true, &end);
        if (end.kind == TK_RBRACE)
            e = x;
    }
    memcpy(p->fail, outer, sizeof outer);
    p->trying--;
    p->depth = depth;
    p->brace_line = brace_line;
    p->brace_off = brace_off;
    p->lx = lx;
    p->incomplete = false;
    sb_reset(p->err);
    return e;
}

/* Reads the rest of {NAME ...} as NAME's arguments up to the '}' (the
 * lexer stands after NAME); returns NULL, and leaves the parser as it was,
 * if it is not that. On success the lexer stands after the '}'. */
static struct call *
try_brace_call(struct parser *p, const struct token *name)
{
    jmp_buf outer;
    memcpy(outer, p->fail, sizeof outer);
    int depth = p->depth, brace_line = p->brace_line;
    size_t brace_off = p->brace_off;
    struct lexer lx = p->lx;
    struct call *volatile c = NULL;
    p->trying++;
    if (setjmp(p->fail) == 0) {
        struct token end;
        c = parse_call_rest(p, name, true, &end);
        if (end.kind != TK_RBRACE)
            c = NULL;
    }
    memcpy(p->fail, outer, sizeof outer);
    p->trying--;
    p->depth = depth;
    p->brace_line = brace_line;
    p->brace_off = brace_off;
    if (!c)
        p->lx = lx;
    p->incomplete = false;
    sb_reset(p->err);
    return c;
}

static struct expr *
call_expr(struct parser *p, struct call *c)
{
    struct expr *e = ast_expr(p, E_CALL, c->line);
    e->call = c;
    return e;
}

static struct expr *brace_body(struct parser *p, const struct token *open);

/* {argv N}: exactly one argument, the position. */
static struct expr *
argv_expr(struct parser *p, const struct token *name)
{
    struct token end;
    struct word *w = parse_words(p, LM_ARG, true, &end);
    if (!w || w->next)
        sli_error_at(p, name->line, name->off, "argv expects one argument, the argument number");
    struct expr *e = ast_expr(p, E_ARGV, name->line);
    e->type = T_STR;
    if (!w->pieces->next && w->pieces->kind == P_EXPR) {
        e->a = w->pieces->e;
    } else if (word_is_literal(w)) {
        size_t n;
        const char *s = word_text(p, w, &n);
        struct expr *s_e = ast_expr(p, E_STR, name->line);
        s_e->text = s;
        s_e->len = n;
        s_e->type = T_STR;
        e->a = s_e;
    } else {
        sli_error_at(p, name->line, name->off, "argv expects one argument, the argument number");
    }
    return e;
}

struct expr *
parse_brace(struct parser *p, const struct token *open)
{
    int outer_line = p->brace_line;
    size_t outer_off = p->brace_off;
    p->brace_line = open->line;
    p->brace_off = open->off;
    struct expr *e = brace_body(p, open);
    p->brace_line = outer_line;
    p->brace_off = outer_off;
    return e;
}

static struct expr *
brace_body(struct parser *p, const struct token *open)
{
    sli_enter(p, open->line, open->off);
    struct lexer save = p->lx;
    struct token t, end;
    struct expr *e = NULL;
    lex_next(&p->lx, LM_EXPR, true, &t);
    if (t.kind == TK_IDENT && !sli_is_keyword(t.val)) {
        struct expr *known = var_expr(p, &t);
        bool is_var = known->v || known->known;
        if (!is_var && strcmp(t.val, "argc") == 0) {
            struct lexer after = p->lx;
            lex_next(&p->lx, LM_EXPR, true, &end);
            if (end.kind == TK_RBRACE) {
                e = ast_expr(p, E_ARGC, t.line);
                e->type = T_INT;
                sli_leave(p);
                return e;
            }
            p->lx = after;
        }
        if (!is_var && strcmp(t.val, "argv") == 0) {
            e = argv_expr(p, &t);
            sli_leave(p);
            return e;
        }
        if (!is_var && !p->trying && blank_or_end(lex_peekc(&p->lx, 0))
            && unknown_name_starts_expr(p)) {
            /* {mynode * 347}: GENESIS reads a name that is no variable as
             * a command with the rest as its words. Which one it is is
             * known only when it runs: keep both readings. */
            struct expr *x = try_brace_expr(p, &save);
            struct call *c = x ? try_brace_call(p, &t) : NULL;
            if (c) {
                sli_leave(p);
                e = ast_expr(p, E_EITHER, t.line);
                e->text = t.val;
                e->known = true;
                e->a = x;
                e->call = c;
                return e;
            }
            p->lx = save;
        } else if (is_var || unknown_name_starts_expr(p)) {
            p->lx = save;
        } else {
            struct lexer after = p->lx;
            lex_next(&p->lx, LM_EXPR, true, &end);
            if (end.kind == TK_RBRACE) {
                e = ast_expr(p, E_REF, t.line);
                e->text = t.val;
                sli_leave(p);
                return e;
            }
            p->lx = after;
            if (strcmp(t.val, "async") == 0) {
                struct token n;
                struct lexer before = p->lx;
                lex_next(&p->lx, LM_EXPR, true, &n);
                if (n.kind == TK_IDENT && n.space) {
                    struct call *c = parse_call_rest(p, &n, true, &end);
                    c->async = true;
                    sli_leave(p);
                    return call_expr(p, c);
                }
                p->lx = before;
            }
            /* {x -1} with x declared elsewhere is x - 1 in GENESIS: keep
             * both readings and choose when it runs. */
            struct expr *alt = !p->trying && blank_then_op(p) ? try_brace_expr(p, &save) : NULL;
            struct call *c = parse_call_rest(p, &t, true, &end);
            sli_leave(p);
            if (alt) {
                e = ast_expr(p, E_EITHER, t.line);
                e->text = t.val;
                e->a = alt;
                e->call = c;
                return e;
            }
            return call_expr(p, c);
        }
    } else {
        p->lx = save;
    }
    e = parse_expr(p, true);
    lex_next(&p->lx, LM_EXPR, true, &end);
    if (end.kind != TK_RBRACE) {
        if (end.kind == TK_EOF)
            sli_incomplete_at(p, open->line, open->off, "missing '}' to close this '{'");
        unexpected(p, &end, "'}'");
    }
    sli_leave(p);
    return e;
}
