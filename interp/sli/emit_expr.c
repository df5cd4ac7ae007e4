/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * emit_expr.c: Lua text for SLI values: expressions, command calls and
 * argument words.
 *
 * SLI values map onto Lua values: int = Lua integer, float = Lua float,
 * str = Lua string, and a command's list result (GENESIS ARGLIST) = a Lua
 * table. Where the static types say the GENESIS rules and Lua's agree
 * (int + int, float * int, comparisons of numbers), the operator is
 * written inline; everything else goes through a gensh.S helper that
 * applies the GENESIS conversion (a string in arithmetic is read as a
 * float, in a comparison with an int as an int, and so on).
 */
#include <string.h>

#include "emit_int.h"

void
emit_quoted(struct strbuf *sb, const char *s, size_t n)
{
    sb_putc(sb, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            sb_puts(sb, "\\\"");
            break;
        case '\\':
            sb_puts(sb, "\\\\");
            break;
        case '\n':
            sb_puts(sb, "\\n");
            break;
        case '\t':
            sb_puts(sb, "\\t");
            break;
        default:
            if (c < 32 || c == 127)
                sb_printf(sb, "\\%03u", c);
            else
                sb_putc(sb, (char)c);
        }
    }
    sb_putc(sb, '"');
}

/* A global's Lua spelling: plain when it cannot clash with the chunk's own
 * names, else through _ENV. */
void
emit_global(struct emitter *E, const char *name)
{
    if (sli_lua_unsafe(name)) {
        sb_puts(E->out, "_ENV[");
        emit_quoted(E->out, name, strlen(name));
        sb_putc(E->out, ']');
    } else {
        sb_puts(E->out, name);
    }
}

static bool
is_num(enum vtype t)
{
    return t == T_INT || t == T_FLOAT || t == T_NUM;
}

static bool
is_cmp(enum sli_op op)
{
    return op >= OP_LT && op <= OP_NE;
}

/* Can evaluating E have an effect (a report, a command) beyond its value?
 * Only pure operands may be short-circuited by Lua's and/or. */
static bool
pure(const struct expr *e)
{
    switch (e->kind) {
    case E_INT:
    case E_FLOAT:
    case E_STR:
    case E_DOLLAR:
    case E_ARGC:
        return true;
    case E_VAR:
        return e->v || e->known;
    case E_UNARY:
        if (e->op == OP_NOT)
            return pure(e->a) && e->a->type != T_STR && e->a->type != T_ANY;
        return pure(e->a) && (e->op == OP_NEG ? is_num(e->a->type) : e->a->type == T_INT);
    case E_BINARY:
        switch (e->op) {
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_POW:
            return pure(e->a) && pure(e->b) && is_num(e->a->type) && is_num(e->b->type);
        case OP_CAT:
            return pure(e->a) && pure(e->b);
        case OP_BAND:
        case OP_BOR:
        case OP_BXOR:
            return pure(e->a) && pure(e->b) && e->a->type == T_INT && e->b->type == T_INT;
        case OP_OR:
        case OP_AND:
            return pure(e->a) && pure(e->b) && e->a->type != T_STR && e->a->type != T_ANY
                   && e->b->type != T_STR && e->b->type != T_ANY;
        default:
            if (is_cmp(e->op))
                return pure(e->a) && pure(e->b)
                       && ((is_num(e->a->type) && is_num(e->b->type))
                           || (e->a->type == T_STR && e->b->type == T_STR));
            return false;
        }
    default:
        return false;
    }
}

/* Is the truth of E (as emit_bool writes it) free of effects? */
static bool
bool_pure(const struct expr *e)
{
    return pure(e) && e->type != T_STR && e->type != T_ANY;
}

static const char *
lua_cmp(enum sli_op op)
{
    switch (op) {
    case OP_LT:
        return "<";
    case OP_LE:
        return "<=";
    case OP_GT:
        return ">";
    case OP_GE:
        return ">=";
    case OP_EQ:
        return "==";
    default:
        return "~=";
    }
}

static const char *
cmp_helper(enum sli_op op)
{
    switch (op) {
    case OP_LT:
        return "S.lt";
    case OP_LE:
        return "S.le";
    case OP_GT:
        return "S.gt";
    case OP_GE:
        return "S.ge";
    case OP_EQ:
        return "S.eq";
    default:
        return "S.ne";
    }
}

static void ex_natural(struct emitter *E, const struct expr *e);

/* A comparison as a Lua boolean, with GENESIS's promotion rules. */
static void
ex_compare(struct emitter *E, const struct expr *e)
{
    struct strbuf *o = E->out;
    enum vtype ta = e->a->type, tb = e->b->type;
    const char *op = lua_cmp(e->op);
    if (is_num(ta) && is_num(tb)) {
        sb_putc(o, '(');
        ex_natural(E, e->a);
        sb_printf(o, " %s ", op);
        ex_natural(E, e->b);
        sb_putc(o, ')');
    } else if (ta == T_STR && tb == T_STR) {
        if (e->op == OP_EQ || e->op == OP_NE) {
            sb_putc(o, '(');
            ex_natural(E, e->a);
            sb_printf(o, " %s ", op);
            ex_natural(E, e->b);
            sb_putc(o, ')');
        } else {
            sb_puts(o, "(S.scmp(");
            ex_natural(E, e->a);
            sb_puts(o, ", ");
            ex_natural(E, e->b);
            sb_printf(o, ") %s 0)", op);
        }
    } else if ((ta == T_STR && (tb == T_INT || tb == T_FLOAT))
               || (tb == T_STR && (ta == T_INT || ta == T_FLOAT))) {
        /* The string is read as the other side's type. */
        enum want w = (ta == T_INT || tb == T_INT) ? W_INT : W_FLT;
        sb_putc(o, '(');
        emit_value(E, e->a, ta == T_STR ? w : W_VAL);
        sb_printf(o, " %s ", op);
        emit_value(E, e->b, tb == T_STR ? w : W_VAL);
        sb_putc(o, ')');
    } else {
        sb_printf(o, "%s(", cmp_helper(e->op));
        ex_natural(E, e->a);
        sb_puts(o, ", ");
        ex_natural(E, e->b);
        sb_putc(o, ')');
    }
}

void
emit_bool(struct emitter *E, const struct expr *e)
{
    struct strbuf *o = E->out;
    if (e->kind == E_BINARY && is_cmp(e->op)) {
        ex_compare(E, e);
    } else if (e->kind == E_UNARY && e->op == OP_NOT) {
        sb_puts(o, "(not ");
        emit_bool(E, e->a);
        sb_putc(o, ')');
    } else if (e->kind == E_BINARY && (e->op == OP_OR || e->op == OP_AND)) {
        /* GENESIS evaluates both sides; Lua may skip the second only when
         * that cannot be seen. */
        if (bool_pure(e->b)) {
            sb_putc(o, '(');
            emit_bool(E, e->a);
            sb_puts(o, e->op == OP_OR ? " or " : " and ");
            emit_bool(E, e->b);
            sb_putc(o, ')');
        } else {
            sb_puts(o, e->op == OP_OR ? "S.either(" : "S.both(");
            emit_bool(E, e->a);
            sb_puts(o, ", ");
            emit_bool(E, e->b);
            sb_putc(o, ')');
        }
    } else if (e->kind == E_INT) {
        sb_puts(o, e->ival != 0 ? "true" : "false");
    } else if (e->type == T_INT) {
        sb_putc(o, '(');
        ex_natural(E, e);
        sb_puts(o, " ~= 0)");
    } else {
        sb_puts(o, "S.truth(");
        ex_natural(E, e);
        sb_putc(o, ')');
    }
}

/* One operand of A @ B: a nested @ joins the same Lua concatenation, so
 * that a @ "[" @ {i} @ "]" is one `..` chain (one string made, not one
 * per @; strings join the same either way), up to a few levels. */
static void
emit_cat(struct emitter *E, const struct expr *e, int depth)
{
    if (e->kind == E_BINARY && e->op == OP_CAT && depth < 16) {
        emit_cat(E, e->a, depth + 1);
        sb_puts(E->out, " .. ");
        emit_cat(E, e->b, depth + 1);
        return;
    }
    emit_value(E, e, W_STR);
}

static void
ex_binary(struct emitter *E, const struct expr *e)
{
    struct strbuf *o = E->out;
    const char *lop = NULL;
    switch (e->op) {
    case OP_ADD:
        lop = " + ";
        break;
    case OP_SUB:
        lop = " - ";
        break;
    case OP_MUL:
        lop = " * ";
        break;
    case OP_POW:
        lop = " ^ ";
        break;
    case OP_DIV:
        if ((e->a->type == T_FLOAT && is_num(e->b->type))
            || (e->b->type == T_FLOAT && is_num(e->a->type))) {
            lop = " / ";
            break;
        }
        sb_puts(o, e->a->type == T_INT && e->b->type == T_INT ? "S.idiv(" : "S.div(");
        emit_value(E, e->a, W_NUM);
        sb_puts(o, ", ");
        emit_value(E, e->b, W_NUM);
        sb_putc(o, ')');
        return;
    case OP_MOD:
        sb_puts(o, "S.mod(");
        emit_value(E, e->a, W_NUM);
        sb_puts(o, ", ");
        emit_value(E, e->b, W_NUM);
        sb_putc(o, ')');
        return;
    case OP_CAT:
        sb_putc(o, '(');
        emit_cat(E, e->a, 1);
        sb_puts(o, " .. ");
        emit_cat(E, e->b, 1);
        sb_putc(o, ')');
        return;
    case OP_BAND:
    case OP_BOR:
    case OP_BXOR:
        sb_putc(o, '(');
        emit_value(E, e->a, W_INT);
        sb_puts(o, e->op == OP_BAND ? " & " : e->op == OP_BOR ? " | " : " ~ ");
        emit_value(E, e->b, W_INT);
        sb_putc(o, ')');
        return;
    default: /* comparisons and logic: 1 or 0 */
        sb_putc(o, '(');
        emit_bool(E, e);
        sb_puts(o, " and 1 or 0)");
        return;
    }
    sb_putc(o, '(');
    emit_value(E, e->a, W_NUM);
    sb_puts(o, lop);
    emit_value(E, e->b, W_NUM);
    sb_putc(o, ')');
}

/* The value with its own SLI type. */
static void
ex_natural(struct emitter *E, const struct expr *e)
{
    struct strbuf *o = E->out;
    switch (e->kind) {
    case E_INT:
        sb_printf(o, "%lld", e->ival);
        return;
    case E_FLOAT:
        sb_puts(o, e->text);
        return;
    case E_STR:
        emit_quoted(o, e->text, e->len);
        return;
    case E_VAR:
        if (e->v) {
            sb_puts(o, e->v->lua);
        } else if (e->known) {
            emit_global(E, e->text);
        } else {
            sb_puts(o, "S.getg(");
            emit_quoted(o, e->text, strlen(e->text));
            sb_putc(o, ')');
        }
        return;
    case E_DOLLAR:
        sb_printf(o, "S.argv(%lld, ", e->ival);
        emit_quoted(o, E->fname, strlen(E->fname));
        sb_puts(o, ", ...)");
        return;
    case E_ARGC:
        sb_puts(o, "S.argc(...)");
        return;
    case E_ARGV:
        sb_puts(o, "S.argv(");
        ex_natural(E, e->a);
        sb_puts(o, ", ");
        emit_quoted(o, E->fname, strlen(E->fname));
        sb_puts(o, ", ...)");
        return;
    case E_CALL:
        emit_call(E, e->call, false);
        return;
    case E_REF:
        sb_puts(o, "S.ref(");
        emit_quoted(o, e->text, strlen(e->text));
        sb_putc(o, ')');
        return;
    case E_EITHER:
        /* the expression's value is never nil or false */
        sb_puts(o, e->known ? "(S.isexpr(" : "(S.isvar(");
        emit_quoted(o, e->text, strlen(e->text));
        sb_puts(o, ") and ");
        ex_natural(E, e->a);
        sb_puts(o, " or ");
        emit_call(E, e->call, false);
        sb_putc(o, ')');
        return;
    case E_UNARY:
        if (e->op == OP_NEG) {
            sb_puts(o, "(-");
            emit_value(E, e->a, W_NUM);
            sb_putc(o, ')');
        } else if (e->op == OP_BNOT) {
            sb_puts(o, "(~");
            emit_value(E, e->a, W_INT);
            sb_putc(o, ')');
        } else {
            sb_putc(o, '(');
            emit_bool(E, e->a);
            sb_puts(o, " and 0 or 1)");
        }
        return;
    case E_BINARY:
        ex_binary(E, e);
        return;
    }
}

void
emit_value(struct emitter *E, const struct expr *e, enum want w)
{
    struct strbuf *o = E->out;
    enum vtype t = e->type;
    const char *conv = NULL;
    switch (w) {
    case W_VAL:
        break;
    case W_NUM:
        if (!is_num(t))
            conv = t == T_STR ? "S.tof(" : "S.num(";
        break;
    case W_INT:
        if (t != T_INT)
            conv = "S.toint(";
        break;
    case W_FLT:
        if (t == T_INT && e->kind == E_INT) {
            sb_printf(o, "%lld.0", e->ival);
            return;
        }
        if (t != T_FLOAT)
            conv = "S.tof(";
        break;
    case W_STR:
        if (e->kind == E_INT) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", e->ival);
            emit_quoted(o, buf, strlen(buf));
            return;
        }
        if (t != T_STR)
            conv = "S.str(";
        break;
    }
    if (conv)
        sb_puts(o, conv);
    ex_natural(E, e);
    if (conv)
        sb_putc(o, ')');
}

/* ---- words and calls ---- */

/* A word whose one piece is a command call: its result may be a list,
 * which GENESIS spreads into several arguments. */
static bool
spreads(const struct word *w)
{
    return w->pieces && !w->pieces->next && w->pieces->kind == P_EXPR
           && (w->pieces->e->kind == E_CALL || w->pieces->e->kind == E_REF
               || w->pieces->e->kind == E_EITHER);
}

/* Past this many pieces or arguments, go through a table: Lua has at most
 * 255 registers per function. */
#define EMIT_MAX_INLINE 40

void
emit_word(struct emitter *E, const struct word *w)
{
    struct strbuf *o = E->out;
    int n = 0;
    for (const struct piece *pc = w->pieces; pc; pc = pc->next)
        n++;
    if (n == 0) {
        sb_puts(o, "\"\"");
        return;
    }
    bool table = n > EMIT_MAX_INLINE;
    if (table)
        sb_puts(o, "S.join({");
    else if (n > 1)
        sb_putc(o, '(');
    for (const struct piece *pc = w->pieces; pc; pc = pc->next) {
        if (pc != w->pieces)
            sb_puts(o, table ? ", " : " .. ");
        if (pc->kind == P_TEXT)
            emit_quoted(o, pc->text, pc->len);
        else
            emit_value(E, pc->e, W_STR);
    }
    if (table)
        sb_puts(o, "})");
    else if (n > 1)
        sb_putc(o, ')');
}

/* One argument: a string, or S.sp(v) for a call whose list result spreads. */
static void
emit_arg(struct emitter *E, const struct word *w)
{
    if (spreads(w)) {
        sb_puts(E->out, "S.sp(");
        emit_value(E, w->pieces->e, W_VAL);
        sb_putc(E->out, ')');
    } else {
        emit_word(E, w);
    }
}

void
emit_call(struct emitter *E, const struct call *c, bool direct)
{
    struct strbuf *o = E->out;
    int nargs = 0;
    bool any_spread = false;
    for (const struct word *w = c->args; w; w = w->next) {
        nargs++;
        any_spread = any_spread || spreads(w);
    }
    bool remote = c->nodes || c->async;
    bool table = remote || any_spread || nargs > EMIT_MAX_INLINE;
    if (remote) {
        sb_puts(o, c->async ? "R.async(" : "R.call(");
        if (c->nodes)
            emit_word(E, c->nodes);
        else
            sb_puts(o, "nil");
        sb_puts(o, ", ");
    } else {
        sb_puts(o, direct ? (table ? "S.cmdt(" : "S.cmd(") : (table ? "S.runt(" : "S.run("));
    }
    if (c->name)
        emit_quoted(o, c->name, strlen(c->name));
    else
        emit_word(E, c->dname);
    if (table)
        sb_puts(o, ", {");
    for (const struct word *w = c->args; w; w = w->next) {
        sb_puts(o, w == c->args && table ? "" : ", ");
        emit_arg(E, w);
    }
    sb_puts(o, table ? "})" : ")");
}
