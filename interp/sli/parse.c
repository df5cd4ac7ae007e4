/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parse.c: SLI statements: command lines, assignments, declarations,
 * if/elif/else, while, for, foreach, break/continue, return, functions,
 * extern and include. It also keeps what is known while parsing: the
 * locals of the function being read and the globals this file declares,
 * with their types at each point of the text (GENESIS decides at parse
 * time too).
 *
 * A statement ends at a line end or ';'. As in GENESIS, a block header
 * (`if (x)`, `else`, `function f`) may be followed by its first statement
 * on the same line, and `end` must end its line.
 */
#include <stdint.h>
#include <string.h>

#include "sli_int.h"

static const char *const keywords[] = {
    "break",    "continue", "elif",    "else", "end",    "extern", "float", "for", "foreach",
    "function", "if",       "include", "int",  "return", "str",    "while", NULL,
};

bool
sli_is_keyword(const char *name)
{
    for (const char *const *k = keywords; *k; k++)
        if (strcmp(*k, name) == 0)
            return true;
    return false;
}

static bool
is_kw(const struct token *t, const char *kw)
{
    return t->kind == TK_IDENT && strcmp(t->val, kw) == 0;
}

/* ---- globals declared in this file ---- */

struct gvar {
    const char *name;
    enum vtype type;
};

static uint32_t
hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static struct gvar **
gslot(struct parser *p, const char *name)
{
    size_t i = hash_name(name) & (p->gcap - 1);
    while (p->gtab[i] && strcmp(p->gtab[i]->name, name) != 0)
        i = (i + 1) & (p->gcap - 1);
    return &p->gtab[i];
}

/* Lua's own global names (and gensh): an SLI global with one of these
 * names is kept out of _G by the runtime (in gensh.V), so the compiler
 * never treats it as a known Lua global. */
bool
sli_lua_protected(const char *name)
{
    static const char *const names[] = {
        "assert",       "collectgarbage",
        "coroutine",    "debug",
        "dofile",       "error",
        "getmetatable", "io",
        "ipairs",       "load",
        "loadfile",     "math",
        "next",         "os",
        "package",      "pairs",
        "pcall",        "print",
        "rawequal",     "rawget",
        "rawlen",       "rawset",
        "require",      "select",
        "setmetatable", "string",
        "table",        "tonumber",
        "tostring",     "type",
        "utf8",         "warn",
        "xpcall",       "_G",
        "_VERSION",     "gensh",
        NULL,
    };
    for (const char *const *n = names; *n; n++)
        if (strcmp(*n, name) == 0)
            return true;
    return false;
}

static void
global_declare(struct parser *p, const char *name, enum vtype type)
{
    if (sli_lua_protected(name))
        return;
    if (p->gcount * 2 >= p->gcap) {
        struct gvar **old = p->gtab;
        size_t oldcap = p->gcap;
        p->gcap = oldcap ? oldcap * 2 : 64;
        p->gtab = arena_alloc(p->a, p->gcap * sizeof *p->gtab);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                *gslot(p, old[i]->name) = old[i];
    }
    struct gvar **slot = gslot(p, name);
    if (!*slot) {
        *slot = arena_alloc(p->a, sizeof **slot);
        (*slot)->name = name;
        p->gcount++;
    }
    (*slot)->type = type;
}

bool
parse_global_type(struct parser *p, const char *name, enum vtype *type)
{
    if (!p->gcap)
        return false;
    struct gvar *g = *gslot(p, name);
    if (!g)
        return false;
    *type = g->type;
    return true;
}

/* ---- locals ---- */

struct var *
parse_find_local(struct parser *p, const char *name)
{
    if (!p->fn)
        return NULL;
    for (struct var *v = p->fn->vars; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

/* Lua names that a local may not take as is: Lua's keywords, the chunk's
 * own locals, and anything starting with '_' (the writer's temporaries
 * are _1, _2 ...; a renamed local becomes _v_NAME). */
bool
sli_lua_unsafe(const char *name)
{
    static const char *const lua_kw[] = {
        "and",  "break", "do",    "else",  "elseif", "end", "false", "for",    "function",
        "goto", "if",    "in",    "local", "nil",    "not", "or",    "repeat", "return",
        "then", "true",  "until", "while", "C",      "S",   "R",     "F",      NULL,
    };
    if (name[0] == '_')
        return true;
    for (const char *const *k = lua_kw; *k; k++)
        if (strcmp(*k, name) == 0)
            return true;
    return false;
}

static void check_locals(struct parser *p, int more, int line, size_t off);

static struct var *
add_local(struct parser *p, const char *name, enum vtype type, int line, size_t off)
{
    struct func *f = p->fn;
    if (f->nvars >= SLI_MAX_LOCALS)
        sli_error_at(p, line, off, "function '%s' has too many local variables (at most %d)",
                     f->name, SLI_MAX_LOCALS);
    check_locals(p, 1, line, off);
    struct var *v = arena_alloc(p->a, sizeof *v);
    v->name = name;
    v->type = type;
    if (sli_lua_unsafe(name)) {
        size_t n = strlen(name);
        char *l = arena_alloc(p->a, n + 4);
        memcpy(l, "_v_", 3);
        memcpy(l + 3, name, n + 1);
        v->lua = l;
    } else {
        v->lua = name;
    }
    struct var **tail = &f->vars;
    while (*tail)
        tail = &(*tail)->next;
    *tail = v;
    f->nvars++;
    return v;
}

/* ---- helpers ---- */

static void
next_tok(struct parser *p, enum lex_mode mode, bool nl, struct token *t)
{
    lex_next(&p->lx, mode, nl, t);
}

static void
show_token(const struct token *t, char *buf, size_t n)
{
    if (t->kind == TK_EOF) {
        snprintf(buf, n, "the end of the text");
        return;
    }
    if (t->kind == TK_NL) {
        snprintf(buf, n, "the end of the line");
        return;
    }
    size_t len = t->len > 40 ? 40 : t->len, k = 0;
    char tmp[48];
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)t->text[i];
        tmp[k++] = c >= 32 && c < 127 ? (char)c : '?';
    }
    tmp[k] = '\0';
    snprintf(buf, n, "'%s'", tmp);
}

static GS_NORETURN void
expected(struct parser *p, const struct token *t, const char *what)
{
    char d[64];
    show_token(t, d, sizeof d);
    if (t->kind == TK_EOF)
        sli_incomplete_at(p, t->line, t->off, "%s expected, got %s", what, d);
    sli_error_at(p, t->line, t->off, "%s expected, got %s", what, d);
}

/* The statement must end here: a line end, ';' or the end of the text. */
static void
end_of_statement(struct parser *p, const char *after)
{
    struct token t;
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind == TK_NL || t.kind == TK_SEMI || t.kind == TK_EOF)
        return;
    char d[64], what[64];
    show_token(&t, d, sizeof d);
    snprintf(what, sizeof what, "the end of the statement after %s", after);
    sli_error_at(p, t.line, t.off, "%s expected, got %s", what, d);
}

static void
expect_tok(struct parser *p, enum tok_kind kind, bool nl, const char *what)
{
    struct token t;
    next_tok(p, LM_EXPR, nl, &t);
    if (t.kind != kind)
        expected(p, &t, what);
}

/* ---- statements ---- */

enum stop_kw { STOP_EOF, STOP_END, STOP_ELSE, STOP_ELIF };

static struct stmt *parse_list(struct parser *p, enum stop_kw *stop, struct token *stoptok);

static struct target
resolve_target(struct parser *p, const char *name)
{
    struct target t = {.name = name};
    t.v = parse_find_local(p, name);
    if (t.v)
        t.type = t.v->type;
    else if (!parse_global_type(p, name, &t.type))
        t.type = T_ANY;
    return t;
}

/* NAME = expr, the '=' not read yet. */
static struct stmt *
parse_assign(struct parser *p, const struct token *name, bool nl)
{
    struct stmt *s = ast_stmt(p, S_ASSIGN, name->line);
    expect_tok(p, TK_OP, nl, "'='");
    s->t = resolve_target(p, name->val);
    s->e = parse_expr(p, nl);
    return s;
}

/* The block of a control statement opened by OPEN (for messages), up to
 * its 'end'. */
static struct stmt *
parse_body(struct parser *p, const struct token *open, int *end_line)
{
    enum stop_kw stop;
    struct token st;
    struct stmt *body = parse_list(p, &stop, &st);
    if (stop == STOP_EOF)
        sli_incomplete_at(p, open->line, open->off, "'%s' at line %d has no matching 'end'",
                          open->val, open->line);
    if (stop != STOP_END)
        sli_error_at(p, st.line, st.off, "'%s' without 'if' ('%s' at line %d is still open)",
                     st.val, open->val, open->line);
    *end_line = st.line;
    end_of_statement(p, "'end'");
    return body;
}

/* The ')' that closes OPEN; at the end of the text, the '(' is reported. */
static void
close_paren(struct parser *p, const struct token *open)
{
    struct token t;
    next_tok(p, LM_EXPR, true, &t);
    if (t.kind == TK_RPAREN)
        return;
    if (t.kind == TK_EOF)
        sli_incomplete_at(p, open->line, open->off, "missing ')' to close this '('");
    expected(p, &t, "')'");
}

static struct expr *
paren_cond(struct parser *p, const struct token *kw)
{
    struct token t;
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind != TK_LPAREN) {
        char what[48];
        snprintf(what, sizeof what, "'(' after '%s'", kw->val);
        expected(p, &t, what);
    }
    struct expr *e = parse_expr(p, true);
    close_paren(p, &t);
    return e;
}

static struct stmt *
parse_if(struct parser *p, const struct token *kw)
{
    struct stmt *s = ast_stmt(p, S_IF, kw->line);
    struct branch **tail = &s->branches;
    struct token open = *kw;
    struct expr *cond = paren_cond(p, kw);
    int line = kw->line;
    for (;;) {
        struct branch *b = arena_alloc(p->a, sizeof *b);
        b->cond = cond;
        b->line = line;
        *tail = b;
        tail = &b->next;
        enum stop_kw stop;
        struct token st;
        b->body = parse_list(p, &stop, &st);
        if (stop == STOP_EOF)
            sli_incomplete_at(p, open.line, open.off, "'if' at line %d has no matching 'end'",
                              open.line);
        line = st.line;
        if (stop == STOP_END) {
            s->end_line = st.line;
            end_of_statement(p, "'end'");
            return s;
        }
        if (!cond)
            sli_error_at(p, st.line, st.off, "'%s' after 'else' (the 'if' at line %d)", st.val,
                         open.line);
        cond = stop == STOP_ELIF ? paren_cond(p, &st) : NULL;
    }
}

/* Lua locals the writer adds for an open loop (the generic for's hidden
 * ones and its variables; the for statement's first-round flag). */
static int
loop_locals(enum stmt_kind kind)
{
    return kind == S_FOREACH ? 6 : kind == S_FOR ? 1 : 0;
}

/* Checks that the Lua function being written stays under Lua's limit of
 * 200 active locals. */
static void
check_locals(struct parser *p, int more, int line, size_t off)
{
    int used = (p->fn ? p->fn->nvars : 2) + p->hidden + more;
    if (used > SLI_LUA_LOCALS)
        sli_error_at(p, line, off,
                     "%s has too many local variables and nested loops "
                     "(Lua allows %d locals in one function)",
                     p->fn ? "this function" : "this script", SLI_LUA_LOCALS);
}

static struct stmt *
loop_begin(struct parser *p, enum stmt_kind kind, int line, struct stmt **outer)
{
    check_locals(p, loop_locals(kind), line, 0);
    p->hidden += loop_locals(kind);
    struct stmt *s = ast_stmt(p, kind, line);
    s->label = ++p->labels;
    *outer = p->loop;
    p->loop = s;
    p->loops++;
    return s;
}

static void
loop_end(struct parser *p, struct stmt *outer)
{
    p->hidden -= loop_locals(p->loop->kind);
    p->loop = outer;
    p->loops--;
}

static struct stmt *
parse_while(struct parser *p, const struct token *kw)
{
    struct stmt *outer;
    struct stmt *s = loop_begin(p, S_WHILE, kw->line, &outer);
    s->e = paren_cond(p, kw);
    s->body = parse_body(p, kw, &s->end_line);
    loop_end(p, outer);
    return s;
}

static GS_NORETURN void
bad_for(struct parser *p, const struct token *t)
{
    char d[64];
    show_token(t, d, sizeof d);
    if (t->kind == TK_EOF)
        sli_incomplete_at(p, t->line, t->off, "the text ends inside a 'for' header");
    sli_error_at(p, t->line, t->off,
                 "bad 'for' header at %s: expected 'for (var = value; condition; var = value)'", d);
}

static struct stmt *
for_assign(struct parser *p)
{
    struct token t, eq;
    next_tok(p, LM_EXPR, true, &t);
    if (t.kind != TK_IDENT || sli_is_keyword(t.val))
        bad_for(p, &t);
    struct lexer save = p->lx;
    next_tok(p, LM_EXPR, true, &eq);
    if (eq.kind != TK_OP || eq.op != OP_ASSIGN)
        bad_for(p, &eq);
    p->lx = save;
    return parse_assign(p, &t, true);
}

static void
for_sep(struct parser *p, enum tok_kind kind)
{
    struct token t;
    next_tok(p, LM_EXPR, true, &t);
    if (t.kind != kind)
        bad_for(p, &t);
}

static struct stmt *
parse_for(struct parser *p, const struct token *kw)
{
    struct token t;
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind != TK_LPAREN)
        bad_for(p, &t);
    struct stmt *init = for_assign(p);
    for_sep(p, TK_SEMI);
    struct lexer save = p->lx;
    next_tok(p, LM_EXPR, true, &t);
    if (t.kind == TK_SEMI || t.kind == TK_RPAREN)
        bad_for(p, &t);
    p->lx = save;
    struct expr *cond = parse_expr(p, true);
    for_sep(p, TK_SEMI);
    struct stmt *step = for_assign(p);
    for_sep(p, TK_RPAREN);
    struct stmt *outer;
    struct stmt *s = loop_begin(p, S_FOR, kw->line, &outer);
    s->init = init;
    s->e = cond;
    s->step = step;
    s->body = parse_body(p, kw, &s->end_line);
    loop_end(p, outer);
    return s;
}

static struct stmt *
parse_foreach(struct parser *p, const struct token *kw)
{
    struct token t;
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind != TK_IDENT || sli_is_keyword(t.val))
        expected(p, &t, "a variable name after 'foreach'");
    struct target target = resolve_target(p, t.val);
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind != TK_LPAREN)
        expected(p, &t, "'(' and a list after the 'foreach' variable");
    struct token end;
    struct word *list = parse_words(p, LM_LIST, false, &end);
    struct stmt *outer;
    struct stmt *s = loop_begin(p, S_FOREACH, kw->line, &outer);
    s->t = target;
    s->list = list;
    s->body = parse_body(p, kw, &s->end_line);
    loop_end(p, outer);
    return s;
}

static struct stmt *
parse_function(struct parser *p, const struct token *kw)
{
    struct token t;
    if (p->fn)
        sli_error_at(p, kw->line, kw->off,
                     "a function cannot be defined inside another (function '%s' at line %d)",
                     p->fn->name, p->fn->line);
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind != TK_IDENT)
        expected(p, &t, "a function name");
    if (sli_is_keyword(t.val))
        sli_error_at(p, t.line, t.off, "'%s' is a keyword and cannot name a function", t.val);
    struct stmt *s = ast_stmt(p, S_FUNC, kw->line);
    struct func *f = arena_alloc(p->a, sizeof *f);
    f->name = t.val;
    f->line = kw->line;
    s->fn = f;
    s->name = t.val;
    p->fn = f;
    int outer_loops = p->loops, outer_hidden = p->hidden;
    struct stmt *outer_loop = p->loop;
    p->loops = 0;
    p->hidden = 0;
    p->loop = NULL;
    struct lexer save = p->lx;
    next_tok(p, LM_EXPR, false, &t);
    if (t.kind == TK_LPAREN) {
        struct lexer save2 = p->lx;
        next_tok(p, LM_EXPR, true, &t);
        if (t.kind != TK_RPAREN) {
            p->lx = save2;
            for (;;) {
                next_tok(p, LM_EXPR, true, &t);
                if (t.kind != TK_IDENT || sli_is_keyword(t.val))
                    expected(p, &t, "a parameter name");
                if (parse_find_local(p, t.val))
                    sli_error_at(p, t.line, t.off, "parameter '%s' is named twice", t.val);
                struct var *v = add_local(p, t.val, T_STR, t.line, t.off);
                v->param = true;
                v->nparam = ++f->nparams;
                next_tok(p, LM_EXPR, true, &t);
                if (t.kind == TK_RPAREN)
                    break;
                if (t.kind != TK_COMMA)
                    expected(p, &t, "',' or ')' in the parameter list");
            }
        }
    } else {
        p->lx = save;
    }
    s->body = parse_body(p, kw, &s->end_line);
    f->nlabels = p->labels;
    p->fn = NULL;
    p->loops = outer_loops;
    p->hidden = outer_hidden;
    p->loop = outer_loop;
    return s;
}

/* Reports the bad variable name starting at T: up to a blank, ',', '=' or ';'. */
static GS_NORETURN void
bad_name(struct parser *p, const struct token *kw, const struct token *t)
{
    size_t n = 0;
    while (t->off + n < p->lx.len && n < 40 && !strchr(" \t\r\n,=;", p->lx.src[t->off + n]))
        n++;
    char shown[48];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p->lx.src[t->off + i];
        shown[i] = c >= 32 && c < 127 ? (char)c : '?';
    }
    shown[n] = '\0';
    sli_error_at(p, t->line, t->off,
                 "bad variable name '%s' in '%s' declaration: names are letters, digits and '_', "
                 "not starting with a digit",
                 shown, kw->val);
}

/* int/float/str NAME [= expr] {, NAME [= expr]} */
static struct stmt *
parse_decl(struct parser *p, const struct token *kw)
{
    struct stmt *s = ast_stmt(p, S_DECL, kw->line);
    s->dtype = kw->val[0] == 'i' ? T_INT : kw->val[0] == 'f' ? T_FLOAT : T_STR;
    struct decl_item **tail = &s->items;
    for (;;) {
        struct token t;
        next_tok(p, LM_EXPR, false, &t);
        if (t.kind != TK_IDENT || sli_is_keyword(t.val)) {
            if (t.kind == TK_EOF || t.kind == TK_NL || t.kind == TK_SEMI)
                sli_error_at(p, t.line, t.off, "a variable name expected after '%s'", kw->val);
            if (t.kind == TK_IDENT)
                sli_error_at(p, t.line, t.off, "'%s' is a keyword and cannot name a variable",
                             t.val);
            bad_name(p, kw, &t);
        }
        {
            /* a name with more glued on (a-b, x.y): say the whole thing is bad */
            struct lexer peek = p->lx;
            struct token u;
            next_tok(p, LM_EXPR, false, &u);
            p->lx = peek;
            if (!u.space && u.kind != TK_NL && u.kind != TK_SEMI && u.kind != TK_EOF
                && u.kind != TK_COMMA && !(u.kind == TK_OP && u.op == OP_ASSIGN))
                bad_name(p, kw, &t);
        }
        struct decl_item *it = arena_alloc(p->a, sizeof *it);
        it->t.name = t.val;
        if (p->fn) {
            struct var *v = parse_find_local(p, t.val);
            if (!v) {
                v = add_local(p, t.val, s->dtype, t.line, t.off);
                it->convert = p->loops > 0;
            } else {
                v->type = s->dtype;
                it->convert = true;
            }
            v->declared = true;
            it->t.v = v;
            it->t.type = s->dtype;
        } else {
            global_declare(p, t.val, s->dtype);
            it->t.type = sli_lua_protected(t.val) ? T_ANY : s->dtype;
        }
        *tail = it;
        tail = &it->next;
        struct lexer save = p->lx;
        next_tok(p, LM_EXPR, false, &t);
        if (t.kind == TK_OP && t.op == OP_ASSIGN) {
            it->init = parse_expr(p, false);
            save = p->lx;
            next_tok(p, LM_EXPR, false, &t);
        }
        if (t.kind == TK_COMMA)
            continue;
        p->lx = save;
        end_of_statement(p, "the declaration");
        return s;
    }
}

/* `lua CHUNK`: the rest of the line, after the blanks (K bytes), is Lua
 * source, one argument as written: SLI's quoting, braces, `//` comments
 * and `;` do not apply to it (Lua has strings and // of its own). */
static struct stmt *
parse_lua_line(struct parser *p, const struct token *head, size_t k)
{
    struct stmt *s = ast_stmt(p, S_CMD, head->line);
    struct call *c = arena_alloc(p->a, sizeof *c);
    c->line = head->line;
    c->name = "lua";
    size_t start = p->lx.pos + k, end = start;
    while (end < p->lx.len && p->lx.src[end] != '\n')
        end++;
    size_t n = end;
    while (n > start && (p->lx.src[n - 1] == ' ' || p->lx.src[n - 1] == '\t' || p->lx.src[n - 1] == '\r'))
        n--;
    c->args = ast_word(p, head->line);
    ast_add_piece(p, c->args, P_TEXT, p->lx.src + start, n - start, NULL);
    p->lx.pos = end; /* the line end stays: it ends the statement */
    s->call = c;
    return s;
}

static struct stmt *
parse_command(struct parser *p, const struct token *head, bool async)
{
    struct stmt *s = ast_stmt(p, S_CMD, head->line);
    struct token end;
    s->call = parse_call_rest(p, head, false, &end);
    s->call->async = async;
    return s;
}

/* One statement starting with token T (an identifier). Returns NULL for a
 * statement that compiles to nothing. */
static struct stmt *
parse_statement(struct parser *p, struct token *t)
{
    const char *w = t->val;
    struct stmt *s;
    sli_enter(p, t->line, t->off);
    if (strcmp(w, "if") == 0) {
        s = parse_if(p, t);
    } else if (strcmp(w, "while") == 0) {
        s = parse_while(p, t);
    } else if (strcmp(w, "for") == 0) {
        s = parse_for(p, t);
    } else if (strcmp(w, "foreach") == 0) {
        s = parse_foreach(p, t);
    } else if (strcmp(w, "function") == 0) {
        s = parse_function(p, t);
    } else if (strcmp(w, "int") == 0 || strcmp(w, "float") == 0 || strcmp(w, "str") == 0) {
        s = parse_decl(p, t);
    } else if (strcmp(w, "break") == 0 || strcmp(w, "continue") == 0) {
        if (!p->loop)
            sli_error_at(p, t->line, t->off, "'%s' outside a loop", w);
        s = ast_stmt(p, w[0] == 'b' ? S_BREAK : S_CONTINUE, t->line);
        s->label = p->loop->label;
        if (w[0] == 'c')
            p->loop->has_continue = true;
        end_of_statement(p, w[0] == 'b' ? "'break'" : "'continue'");
    } else if (strcmp(w, "return") == 0) {
        s = ast_stmt(p, S_RETURN, t->line);
        struct lexer save = p->lx;
        struct token u;
        next_tok(p, LM_EXPR, false, &u);
        p->lx = save;
        if (u.kind != TK_NL && u.kind != TK_SEMI && u.kind != TK_EOF)
            s->e = parse_expr(p, false);
        end_of_statement(p, "'return'");
    } else if (strcmp(w, "extern") == 0) {
        struct token u;
        next_tok(p, LM_EXPR, false, &u);
        if (u.kind != TK_IDENT || sli_is_keyword(u.val))
            expected(p, &u, "a function name after 'extern'");
        s = NULL;
        end_of_statement(p, "'extern NAME'");
    } else if (strcmp(w, "include") == 0) {
        s = ast_stmt(p, S_INCLUDE, t->line);
        struct token end;
        s->list = parse_words(p, LM_ARG, false, &end);
        if (!s->list)
            sli_error_at(p, t->line, t->off, "'include' needs a file name");
    } else {
        /* Look at the raw text: the rest of a command line is not an
         * expression, so the expression scanner must not read it. */
        size_t k = 0;
        while (lex_peekc(&p->lx, k) == ' ' || lex_peekc(&p->lx, k) == '\t')
            k++;
        int c = lex_peekc(&p->lx, k), d = lex_peekc(&p->lx, k + 1);
        if (c == '=' && d != '=') {
            s = parse_assign(p, t, false);
            end_of_statement(p, "the assignment");
        } else if (strcmp(w, "lua") == 0 && k > 0 && c != '\n' && c != '\0') {
            s = parse_lua_line(p, t, k);
        } else if (strcmp(w, "async") == 0 && k > 0
                   && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
            struct token u;
            next_tok(p, LM_EXPR, false, &u);
            s = parse_command(p, &u, true);
        } else {
            s = parse_command(p, t, false);
        }
    }
    sli_leave(p);
    return s;
}

static struct stmt *
parse_list(struct parser *p, enum stop_kw *stop, struct token *stoptok)
{
    struct stmt *head = NULL, **tail = &head;
    for (;;) {
        struct token t;
        next_tok(p, LM_EXPR, false, &t);
        if (t.kind == TK_NL || t.kind == TK_SEMI)
            continue;
        if (t.kind == TK_EOF) {
            *stop = STOP_EOF;
            *stoptok = t;
            return head;
        }
        if (t.kind != TK_IDENT) {
            char d[64];
            show_token(&t, d, sizeof d);
            sli_error_at(p, t.line, t.off, "a command, assignment or keyword expected, got %s", d);
        }
        if (is_kw(&t, "end") || is_kw(&t, "else") || is_kw(&t, "elif")) {
            *stop = t.val[1] == 'n' ? STOP_END : t.val[2] == 's' ? STOP_ELSE : STOP_ELIF;
            *stoptok = t;
            return head;
        }
        struct stmt *s = parse_statement(p, &t);
        if (s) {
            *tail = s;
            tail = &s->next;
        }
    }
}

struct program *
parse_program(struct parser *p)
{
    struct program *prog = arena_alloc(p->a, sizeof *prog);
    enum stop_kw stop;
    struct token st;
    prog->body = parse_list(p, &stop, &st);
    if (stop != STOP_EOF)
        sli_error_at(p, st.line, st.off, "'%s' without an open block", st.val);
    return prog;
}
