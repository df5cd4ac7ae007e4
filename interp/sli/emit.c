/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * emit.c: writes the Lua for a parsed SLI program, statement by statement.
 *
 * Every statement starts on the Lua line equal to its SLI line: a construct
 * that spans lines puts its code on its first line and the lines after
 * stay blank, so a chunk loaded as "@file.g" reports file.g's own lines.
 * Statements sharing an SLI line (`a = 1; echo {a}`) share the Lua line.
 * Line 1 begins with the prologue that binds the runtime tables.
 *
 * SLI locals become Lua locals declared at the top of the function (SLI
 * has one scope per function), initialised to "0" as GENESIS does; SLI
 * globals are Lua globals; loops get a `::cN::` label when `continue`
 * needs one.
 */
#include <string.h>

#include "emit_int.h"

static void
end_line(struct emitter *E)
{
    if (E->markers && E->has_code) {
        sb_puts(E->out, " -- ");
        for (const char *s = E->name; *s; s++)
            sb_putc(E->out, (unsigned char)*s < 32 ? '?' : *s);
        sb_printf(E->out, ":%d", E->line);
    }
    sb_putc(E->out, '\n');
    E->line++;
    E->has_code = false;
}

/* Moves to Lua line LINE (or stays, if already past it) and separates what
 * follows from code already on the line. */
static void
at_line(struct emitter *E, int line)
{
    while (E->line < line)
        end_line(E);
    if (E->has_code)
        sb_putc(E->out, ' ');
    E->has_code = true;
}

static void emit_list(struct emitter *E, const struct stmt *s);

/* NAME = value converted to the target's declared type. */
static void
emit_store(struct emitter *E, const struct target *t, const struct expr *e, const char *raw)
{
    struct strbuf *o = E->out;
    if (!t->v && t->type == T_ANY) {
        sb_puts(o, "S.setg(");
        emit_quoted(o, t->name, strlen(t->name));
        sb_puts(o, ", ");
        if (e)
            emit_value(E, e, W_VAL);
        else
            sb_puts(o, raw);
        sb_putc(o, ')');
        return;
    }
    if (t->v)
        sb_puts(o, t->v->lua);
    else
        emit_global(E, t->name);
    sb_puts(o, " = ");
    if (e) {
        emit_value(E, e, t->type == T_INT ? W_INT : t->type == T_FLOAT ? W_FLT : W_STR);
        return;
    }
    sb_puts(o, t->type == T_INT ? "S.toint(" : t->type == T_FLOAT ? "S.tof(" : "S.str(");
    sb_puts(o, raw);
    sb_putc(o, ')');
}

static void
emit_decl(struct emitter *E, const struct stmt *s)
{
    struct strbuf *o = E->out;
    const char *ty = vtype_name(s->dtype);
    for (const struct decl_item *it = s->items; it; it = it->next) {
        if (it != s->items)
            sb_putc(o, ' ');
        if (!it->t.v) {
            /* A global: declared (or re-typed, keeping its value) by the runtime. */
            sb_puts(o, "S.gdecl(");
            emit_quoted(o, it->t.name, strlen(it->t.name));
            sb_printf(o, ", \"%s\"", ty);
            if (it->init && it->t.type == T_ANY) {
                /* kept apart from _G: the runtime assigns it */
                sb_puts(o, ", ");
                emit_value(E, it->init, W_VAL);
                sb_putc(o, ')');
                continue;
            }
            sb_putc(o, ')');
            if (it->init) {
                sb_putc(o, ' ');
                emit_store(E, &it->t, it->init, NULL);
            }
            continue;
        }
        const char *lua = it->t.v->lua;
        if (it->convert) {
            /* GENESIS casts the local's current value first. */
            emit_store(E, &it->t, NULL, lua);
            if (it->init)
                sb_putc(o, ' ');
        }
        if (it->init)
            emit_store(E, &it->t, it->init, NULL);
        else if (!it->convert)
            sb_printf(o, "%s = %s", lua,
                      s->dtype == T_INT     ? "0"
                      : s->dtype == T_FLOAT ? "0.0"
                                            : "\"0\"");
    }
}

/* The function header: parameters from the arguments, locals hoisted. */
static void
emit_func_head(struct emitter *E, const struct func *f)
{
    struct strbuf *o = E->out;
    sb_puts(o, "S.defun(");
    emit_quoted(o, f->name, strlen(f->name));
    sb_puts(o, ", function(...)");
    int k = 0;
    for (const struct var *v = f->vars; v && v->param; v = v->next) {
        sb_puts(o, k == 0 ? " local " : ", ");
        sb_puts(o, v->lua);
        k++;
    }
    if (k)
        sb_printf(o, " = S.params(%d, ...)", k);
    /* In groups, to keep each statement's register use small. */
    int n = 0;
    for (const struct var *v = f->vars; v; v = v->next) {
        if (v->param)
            continue;
        sb_puts(o, n % 32 == 0 ? " local " : ", ");
        sb_puts(o, v->lua);
        n++;
        if (n % 32 == 0 || !v->next) {
            sb_puts(o, " = ");
            int m = n % 32 ? n % 32 : 32;
            for (int i = 0; i < m; i++)
                sb_puts(o, i ? ", \"0\"" : "\"0\"");
        }
    }
}

static void
emit_stmt(struct emitter *E, const struct stmt *s)
{
    struct strbuf *o = E->out;
    at_line(E, s->line);
    switch (s->kind) {
    case S_CMD:
        emit_call(E, s->call, false);
        break;
    case S_INCLUDE: {
        struct call c = {.name = "include", .args = s->list, .line = s->line};
        emit_call(E, &c, true);
        break;
    }
    case S_ASSIGN:
        emit_store(E, &s->t, s->e, NULL);
        break;
    case S_DECL:
        emit_decl(E, s);
        break;
    case S_IF:
        for (const struct branch *b = s->branches; b; b = b->next) {
            if (b != s->branches)
                at_line(E, b->line);
            if (b->cond) {
                sb_puts(o, b == s->branches ? "if " : "elseif ");
                emit_bool(E, b->cond);
                sb_puts(o, " then");
            } else {
                sb_puts(o, "else");
            }
            emit_list(E, b->body);
        }
        at_line(E, s->end_line);
        sb_puts(o, "end");
        break;
    case S_WHILE:
        sb_puts(o, "while ");
        emit_bool(E, s->e);
        sb_puts(o, " do");
        emit_list(E, s->body);
        at_line(E, s->end_line);
        if (s->has_continue)
            sb_printf(o, "::c%d:: ", s->label);
        sb_puts(o, "end");
        break;
    case S_FOR:
        /* The step runs at the top of each later round, so all of the
         * header's code stays on the header's line. */
        sb_printf(o, "do local _f%d = false ", s->label);
        emit_store(E, &s->init->t, s->init->e, NULL);
        sb_printf(o, " while true do if _f%d then ", s->label);
        emit_store(E, &s->step->t, s->step->e, NULL);
        sb_printf(o, " end _f%d = true if not ", s->label);
        emit_bool(E, s->e);
        sb_puts(o, " then break end");
        emit_list(E, s->body);
        at_line(E, s->end_line);
        if (s->has_continue)
            sb_printf(o, "::c%d:: ", s->label);
        sb_puts(o, "end end");
        break;
    case S_FOREACH: {
        char raw[32];
        snprintf(raw, sizeof raw, "_x%d", s->label);
        sb_printf(o, "for _, %s in S.each({", raw);
        for (const struct word *w = s->list; w; w = w->next) {
            if (w != s->list)
                sb_puts(o, ", ");
            const struct piece *pc = w->pieces;
            if (pc && !pc->next && pc->kind == P_EXPR
                && (pc->e->kind == E_CALL || pc->e->kind == E_REF || pc->e->kind == E_EITHER)) {
                /* a list result spreads (S.sp also turns "no value" into "") */
                sb_puts(o, "S.sp(");
                emit_value(E, pc->e, W_VAL);
                sb_putc(o, ')');
            } else if (pc && !pc->next && pc->kind == P_EXPR) {
                emit_value(E, pc->e, W_VAL); /* keeps its type, as GENESIS does */
            } else {
                emit_word(E, w);
            }
        }
        sb_puts(o, "}) do ");
        emit_store(E, &s->t, NULL, raw);
        emit_list(E, s->body);
        at_line(E, s->end_line);
        if (s->has_continue)
            sb_printf(o, "::c%d:: ", s->label);
        sb_puts(o, "end");
        break;
    }
    case S_BREAK:
        sb_puts(o, "break");
        break;
    case S_CONTINUE:
        sb_printf(o, "goto c%d", s->label);
        break;
    case S_RETURN:
        if (!E->fn) {
            sb_puts(o, "do return end");
        } else if (s->e) {
            sb_puts(o, "do return ");
            emit_value(E, s->e, W_VAL);
            sb_puts(o, " end");
        } else {
            sb_puts(o, "do return 0 end");
        }
        break;
    case S_FUNC: {
        const char *outer = E->fname;
        E->fn = s->fn;
        E->fname = s->fn->name;
        emit_func_head(E, s->fn);
        emit_list(E, s->body);
        at_line(E, s->end_line);
        sb_puts(o, "return 0 end)");
        E->fn = NULL;
        E->fname = outer;
        break;
    }
    case S_EXTERN:
    case S_VALUE:
        break;
    }
}

static void
emit_list(struct emitter *E, const struct stmt *s)
{
    for (; s; s = s->next)
        emit_stmt(E, s);
}

void
emit_program(const struct program *prog, const char *name, bool markers, struct strbuf *out)
{
    struct emitter E = {
        .out = out,
        .name = name,
        .markers = markers,
        .line = 1,
        .fname = prog->name ? prog->name : name,
    };
    sb_puts(out, "local S, R = gensh.S, gensh.R;");
    E.has_code = true;
    emit_list(&E, prog->body);
    end_line(&E);
}
