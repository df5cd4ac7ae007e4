/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd.h: what a command is. Each command is one `const struct gs_cmd`
 * (declared once, listed in commands/cmd_list.h); the registry, the
 * argument parser, help, completion and the Lua trampoline all read it.
 * Command bodies see only this header and the models/ headers: never Lua.
 */
#ifndef GS_CMD_H
#define GS_CMD_H

#include <stdbool.h>

#include "../models/base/gs.h"
#include "../models/base/strbuf.h"

/* How a positional or option value is checked before the command runs. */
enum gs_arg_kind {
    GS_ARG_STR,  /* any word */
    GS_ARG_INT,  /* a whole number, checked fully ("3x" is an error) */
    GS_ARG_REAL, /* a number, checked fully */
};

#define GS_MAX_POS 8     /* positionals with a declared kind; later ones are strings */
#define GS_VARARGS (-1)  /* max_pos or nvals: as many as are given */

struct gs_opt {
    const char *name;      /* "-delta" */
    int nvals;             /* values that follow it, or GS_VARARGS: up to the next option */
    enum gs_arg_kind kind; /* kind of each value */
    const char *help;      /* what it does, for `help COMMAND` (with its values' names) */
};

struct gs_pos {
    const char *name;      /* shown in usage errors */
    enum gs_arg_kind kind;
};

enum gs_cmd_flags {
    GS_CMD_MUTATES = 1u << 0,    /* changes the model: recompile before the next step */
    GS_CMD_COLLECTIVE = 1u << 1, /* every rank must call it */
    GS_CMD_RESULT = 1u << 2,     /* returns a value usable in {...} */
    GS_CMD_NO_REMOTE = 1u << 3,  /* refused after @ */
    GS_CMD_RAW = 1u << 4,        /* no option parsing: every word is positional */
    GS_CMD_ACK = 1u << 5,        /* typed whole at the prompt, says "OK" when it succeeds,
                                  * as GENESIS did (interp_entry_acknowledged) */
};

struct gs_call;
typedef enum gs_status (*gs_exec_fn)(struct gs_call *call);

struct gs_cmd {
    const char *name;
    const char *family;   /* element, field, msg, sim, shell, math, string, ... */
    const char *summary;  /* one line for help and listcommands */
    const char *usage;    /* arguments after the name, e.g. "path [-nonewline]" */
    struct gs_pos pos[GS_MAX_POS];
    int min_pos;
    int max_pos;          /* or GS_VARARGS */
    const struct gs_opt *opts; /* {NULL} terminated, or NULL */
    unsigned flags;
    gs_exec_fn exec;
};

/* One occurrence of an option on the command line. */
struct gs_optval {
    int opt;              /* index into cmd->opts */
    int first;            /* index of its first value in call->words */
    int nvals;            /* number of values */
};

/* GS_RES_LIST: res_int words, stored one after another in res_str, each
 * ended by a NUL (SLI sees a list: foreach walks it, a command line
 * spreads it into arguments). */
enum gs_result_kind { GS_RES_NONE, GS_RES_INT, GS_RES_REAL, GS_RES_STR, GS_RES_LIST };

/* A command invocation: what exec functions receive. */
struct gs_call {
    struct gs_sim *sim;
    const struct gs_cmd *cmd;
    const char *origin;   /* "file.g:12" or "<stdin>:3"; may be "" */
    const char **words;   /* the argv after the command name; borrowed */
    int nwords;
    const char **pos;     /* positional words (points into an owned array) */
    int npos;
    struct gs_optval *optv; /* options in the order given */
    int noptv;
    enum gs_result_kind res_kind;
    long long res_int;
    double res_real;
    struct strbuf res_str;
    /* pos and optv for short command lines, so that most calls allocate
     * nothing (a loop of getfield calls makes millions of them) */
    const char *pos_small[8];
    struct gs_optval optv_small[4];
};

/* --- for exec functions ------------------------------------------------ */

const char *gs_arg(const struct gs_call *call, int i);       /* positional i, or NULL */
long gs_arg_int(const struct gs_call *call, int i);          /* already checked by the parser */
double gs_arg_real(const struct gs_call *call, int i);
/* Was the option given? NAME is its full spelling ("-delta"). */
bool gs_has_opt(const struct gs_call *call, const char *name);
/* Value K of the last occurrence of NAME (NULL when absent or short). */
const char *gs_optval(const struct gs_call *call, const char *name, int k);
double gs_optval_real(const struct gs_call *call, const char *name, int k);
long gs_optval_int(const struct gs_call *call, const char *name, int k);
/* Number of values the last occurrence of NAME carried (0 when absent). */
int gs_optval_count(const struct gs_call *call, const char *name);

void gs_result_int(struct gs_call *call, long long v);
void gs_result_real(struct gs_call *call, double v);
void gs_result_str(struct gs_call *call, const char *fmt, ...) GS_PRINTFLIKE(2, 3);
/* Makes the result an empty string and returns its buffer, to be written
 * into directly (saves gs_result_str's copy). */
struct strbuf *gs_result_buf(struct gs_call *call);
/* Makes the result an empty list; gs_result_list_add appends to it. */
void gs_result_list_begin(struct gs_call *call);
void gs_result_list_add(struct gs_call *call, const char *word);


/* --- for the front ends (trampoline, remote execution, tests) ------------ */

void gs_call_init(struct gs_call *call, struct gs_sim *sim, const struct gs_cmd *cmd,
                  const char *origin);
/* Parses ARGV (NWORDS words after the name) against the entry and runs it.
 * On GS_ERR, sim->diag holds the message (without command or location). */
enum gs_status gs_call_run(struct gs_call *call, int nwords, const char **argv);
void gs_call_done(struct gs_call *call);
/* Writes "usage: NAME USAGE" into SB. */
void gs_cmd_usage(const struct gs_cmd *cmd, struct strbuf *sb);

/* The registry (registry.c). */
extern const struct gs_cmd *const gs_cmd_table[];
extern const int gs_cmd_count;
const struct gs_cmd *gs_cmd_find(const char *name);
/* Up to MAX names near NAME (edit distance), for "did you mean". */
int gs_cmd_suggest(const char *name, const char **out, int max);

#endif
