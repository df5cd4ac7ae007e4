/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sli_int.h: private interface of the SLI compiler: the arena that owns
 * every syntax-tree node, the scanner (lex.c), the syntax tree (ast.c), the
 * parser (parse.c, parse_expr.c) and the Lua writer (emit.c, emit_expr.c).
 * Nothing here knows about Lua states; only models/base (strbuf, xalloc).
 */
#ifndef GS_SLI_INT_H
#define GS_SLI_INT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "../../models/base/gs.h"
#include "../../models/base/strbuf.h"

/* Deepest nesting of blocks, braces and parentheses together. The Lua
 * parser has its own limit (200 C levels); each SLI level costs it two or
 * three, so stay well below. */
#define SLI_MAX_DEPTH 48
/* Longest chain of operators in one expression (a+b+c... is a chain):
 * keeps the writer's recursion bounded. */
#define SLI_MAX_EXPR 200
/* Deepest bracket nesting allowed in the Lua written for one line (Lua's
 * parser stops near 200 levels, blocks included). */
#define SLI_MAX_LUA_NESTING 120
/* Most locals (parameters included) one script function may declare: Lua
 * allows 200 active locals per function and the loops need a few. */
#define SLI_MAX_LOCALS 180
/* Lua's own limit is 200 active locals per function; keep a margin. */
#define SLI_LUA_LOCALS 195

/* ---- arena: every node and string of one compilation, freed at once ---- */

struct arena_blk;
struct arena {
    struct arena_blk *head;
};

void *arena_alloc(struct arena *a, size_t n); /* zeroed */
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* ---- scanner ---- */

enum tok_kind {
    TK_EOF,
    TK_NL,     /* end of line (not after a \ continuation) */
    TK_SEMI,   /* ; */
    TK_IDENT,  /* [_A-Za-z][_A-Za-z0-9]* (expression mode) */
    TK_INT,    /* 123 */
    TK_FLOAT,  /* 1.5, 1e-3, .5, 2. */
    TK_STRING, /* "..." (val holds the text, \" decoded) */
    TK_DOLLAR, /* $N: argument N of the script or function */
    TK_WORD,   /* a literal word (argument and list modes) */
    TK_LBRACE,
    TK_RBRACE,
    TK_LPAREN,
    TK_RPAREN,
    TK_COMMA,
    TK_OP, /* an operator, see enum sli_op */
    TK_BAD /* a character that starts no token */
};

/* Operators, in GENESIS precedence groups (see parse_expr.c). */
enum sli_op {
    OP_NONE,
    OP_OR,
    OP_AND,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_EQ,
    OP_NE,
    OP_NOT, /* ! */
    OP_ADD,
    OP_SUB,
    OP_BAND, /* & */
    OP_BOR,  /* | */
    OP_BXOR, /* ^ */
    OP_CAT,  /* @ */
    OP_MUL,
    OP_DIV,
    OP_MOD,
    OP_BNOT, /* ~ */
    OP_POW,  /* ** */
    OP_NEG,  /* unary - */
    OP_ASSIGN
};

/* What the scanner reads: the grammar decides, token by token. */
enum lex_mode {
    LM_EXPR, /* expressions and statement heads: identifiers, numbers, operators */
    LM_ARG,  /* command arguments: literal words, strings, {, }, $N */
    LM_LIST  /* foreach lists: like LM_ARG, but ( ) , end a word */
};

struct token {
    enum tok_kind kind;
    enum sli_op op;   /* TK_OP */
    const char *text; /* the source bytes of the token */
    size_t len;
    const char *val; /* TK_STRING, TK_WORD: the value (arena); TK_IDENT: NUL-ended name */
    size_t vlen;
    long long ival; /* TK_INT (when it fits), TK_DOLLAR */
    bool big;       /* TK_INT too large for 64 bits */
    int line;       /* 1-based */
    size_t off;     /* offset of the first byte in the source */
    bool space;     /* blanks, a comment or a continuation came before it */
};

struct parser;

struct lexer {
    const char *src;
    size_t len;
    size_t pos;
    int line;
    struct parser *p; /* for errors */
};

/* Reads the next token in MODE. With NL_SPACE, line ends are blanks (inside
 * braces and parentheses, which may span lines). Never fails: bad input is
 * reported through the parser (sli_error/sli_incomplete, which do not
 * return). */
void lex_next(struct lexer *lx, enum lex_mode mode, bool nl_space, struct token *t);
/* Skips blanks, comments and continuations (and line ends if NL_SPACE);
 * returns true if it skipped anything. */
bool lex_skip(struct lexer *lx, enum lex_mode mode, bool nl_space);
/* Byte at POS + K, or 0 at the end. */
int lex_peekc(const struct lexer *lx, size_t k);
const char *op_name(enum sli_op op);

/* ---- syntax tree ---- */

/* Static types of values. T_NUM: a number, int or float unknown; T_ANY:
 * unknown (a command result, an undeclared global). */
enum vtype { T_ANY, T_INT, T_FLOAT, T_NUM, T_STR };

struct var {
    const char *name;  /* SLI name */
    const char *lua;   /* the Lua local's name */
    enum vtype type;   /* current declared type while parsing */
    bool param;        /* a function parameter */
    int nparam;        /* its position (1-based) */
    bool in_loop_decl; /* declared inside a loop: declarations convert */
    bool declared;     /* has a declaration (not only a parameter) */
    struct var *next;
};

struct call;

enum expr_kind {
    E_INT,
    E_FLOAT,
    E_STR,
    E_VAR,    /* a local, or a global (v == NULL) */
    E_DOLLAR, /* $N */
    E_ARGC,   /* {argc} */
    E_ARGV,   /* {argv N} */
    E_CALL,   /* {command args} */
    E_REF,    /* {name}: a variable if one exists then, else a call */
    E_EITHER, /* {name -1}: an expression (a) if name is a variable then, else a call;
               * with `known` set ({name * 2} with name unknown here): the
               * expression unless name is a command or function then */
    E_UNARY,
    E_BINARY
};

struct expr {
    enum expr_kind kind;
    enum vtype type;
    int line;
    int depth;          /* operators stacked under (and with) this one */
    long long ival;     /* E_INT; E_DOLLAR: N */
    const char *text;   /* E_FLOAT: source text; E_STR: value; E_VAR, E_REF: name */
    size_t len;         /* E_STR */
    struct var *v;      /* E_VAR: the local, or NULL for a global */
    bool known;         /* E_VAR global: declared in this file; E_EITHER: see there */
    struct call *call;  /* E_CALL */
    enum sli_op op;     /* E_UNARY, E_BINARY */
    struct expr *a, *b; /* operands; E_ARGV: a = the position */
};

/* One argument: pieces written next to each other, joined into one word. */
enum piece_kind { P_TEXT, P_EXPR };
struct piece {
    enum piece_kind kind;
    const char *text; /* P_TEXT */
    size_t len;
    struct expr *e; /* P_EXPR: {...} or $N */
    struct piece *next;
};
struct word {
    struct piece *pieces;
    int line;
    struct word *next;
};

struct call {
    const char *name;   /* the command name when it is all literal, else NULL */
    struct word *dname; /* the name's pieces when it is not */
    struct word *nodes; /* the node list after '@', or NULL */
    struct word *args;
    bool async;
    int line;
};

/* Where an assignment or a foreach stores its value. */
struct target {
    const char *name;
    struct var *v;   /* the local, or NULL for a global */
    enum vtype type; /* declared type at this point; T_ANY if unknown */
};

enum stmt_kind {
    S_CMD,
    S_ASSIGN,
    S_DECL,
    S_IF,
    S_WHILE,
    S_FOR,
    S_FOREACH,
    S_BREAK,
    S_CONTINUE,
    S_RETURN,
    S_FUNC,
    S_EXTERN,
    S_INCLUDE,
    S_VALUE /* a value computed for nothing ({argv 1} as a statement) */
};

struct decl_item {
    struct target t;
    struct expr *init; /* or NULL */
    bool convert;      /* a local that may hold a value already: convert it */
    struct decl_item *next;
};

struct branch {
    struct expr *cond; /* NULL: else */
    int line;          /* line of if/elif/else */
    struct stmt *body;
    struct branch *next;
};

struct func;

struct stmt {
    enum stmt_kind kind;
    int line;
    int end_line; /* blocks: line of the closing 'end' */
    int label;    /* loops: its number, for continue */
    bool has_continue;
    struct stmt *next;
    struct call *call;        /* S_CMD */
    struct target t;          /* S_ASSIGN, S_FOREACH */
    struct expr *e;           /* S_ASSIGN, S_RETURN, S_WHILE/S_FOR cond, S_VALUE */
    enum vtype dtype;         /* S_DECL */
    struct decl_item *items;  /* S_DECL */
    struct branch *branches;  /* S_IF */
    struct stmt *init, *step; /* S_FOR */
    struct stmt *body;        /* loops, S_FUNC */
    struct word *list;        /* S_FOREACH; S_INCLUDE: file and arguments */
    struct func *fn;          /* S_FUNC */
    const char *name;         /* S_FUNC, S_EXTERN */
};

struct func {
    const char *name;
    int line;
    struct var *vars; /* parameters first, then locals, in order */
    int nparams;
    int nvars;
    int nlabels;
};

struct program {
    struct stmt *body;
    const char *name; /* what argv 0 is at the top level */
};

/* ---- parser ---- */

struct gvar; /* globals declared in this file (parse.c) */

struct parser {
    struct lexer lx;
    struct arena *a;
    const char *name; /* for messages */
    struct strbuf *err;
    jmp_buf fail;
    bool incomplete; /* the error is "the text ended too soon" */
    int depth;       /* current nesting */
    int trying;      /* inside a trial reading of {...} (parse_expr.c) */
    int brace_line;  /* the innermost open '{', for "missing '}'" */
    size_t brace_off;
    int loops;          /* enclosing loops (break/continue allowed) */
    int hidden;         /* Lua locals the writer adds for the open loops */
    int labels;         /* loop numbering */
    struct stmt *loop;  /* innermost loop */
    struct func *fn;    /* function being parsed, or NULL */
    struct gvar **gtab; /* hash table of declared globals */
    size_t gcap, gcount;
};

/* Records an error at source offset OFF (line LINE) and unwinds to
 * sli_compile. Messages are lower case with quoted values (STYLE E3). */
GS_NORETURN void sli_error_at(struct parser *p, int line, size_t off, const char *fmt, ...)
    GS_PRINTFLIKE(4, 5);
/* As sli_error_at, for text that ended too soon (SLI_INCOMPLETE). */
GS_NORETURN void sli_incomplete_at(struct parser *p, int line, size_t off, const char *fmt, ...)
    GS_PRINTFLIKE(4, 5);
void sli_enter(struct parser *p, int line, size_t off); /* depth + 1, checked */
void sli_leave(struct parser *p);

/* parse.c */
struct program *parse_program(struct parser *p);
struct var *parse_find_local(struct parser *p, const char *name);
bool parse_global_type(struct parser *p, const char *name, enum vtype *type);
bool sli_is_keyword(const char *name);
/* Must this SLI name be spelled differently in Lua (a Lua keyword, one of
 * the chunk's own locals, or a leading '_')? */
bool sli_lua_unsafe(const char *name);
/* Is NAME one of Lua's own globals (kept apart by the runtime)? Must match
 * runtime.lua's list. */
bool sli_lua_protected(const char *name);

/* parse_expr.c */
struct expr *parse_expr(struct parser *p, bool nl_space);
struct expr *parse_brace(struct parser *p, const struct token *open);
struct word *parse_words(struct parser *p, enum lex_mode mode, bool in_brace, struct token *end);
struct call *parse_call_rest(struct parser *p, const struct token *head, bool in_brace,
                             struct token *end);
void parse_check_nodes(struct parser *p, const struct call *c, int line, size_t off);

/* ast.c */
struct expr *ast_expr(struct parser *p, enum expr_kind kind, int line);
struct stmt *ast_stmt(struct parser *p, enum stmt_kind kind, int line);
struct word *ast_word(struct parser *p, int line);
void ast_add_piece(struct parser *p, struct word *w, enum piece_kind kind, const char *text,
                   size_t len, struct expr *e);
bool word_is_literal(const struct word *w);
/* Joins a literal word's pieces into one arena string. */
const char *word_text(struct parser *p, const struct word *w, size_t *len);
const char *vtype_name(enum vtype t);

/* emit.c */
struct emitter;
void emit_program(const struct program *prog, const char *name, bool markers, struct strbuf *out);

#endif
