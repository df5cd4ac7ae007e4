/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_help.c: help, in the shell family. `help NAME` describes a command
 * (its summary, usage and every option with what it does, from the
 * command's entry), an object (its fields, messages and actions, as
 * showobject prints them, from the class record), or a word of the script
 * language (if, foreach, argv...: the table below, the only place their
 * help is written).
 */
#include <string.h>
#include <strings.h>

#include "../../models/core/core.h"
#include "../cmd.h"
#include "../interp.h"

static enum gs_status cmd_help_exec(struct gs_call *call);

const struct gs_cmd cmd_help_entry = {
    .name = "help",
    .family = "shell",
    .summary = "describe a command, an object or a word of the script language",
    .usage = "[command | object | word]",
    .pos = {{"name", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_help_exec,
};

/* The script language's words (docs/sli.md says the same at length). */
struct word_help {
    const char *word;
    const char *usage;
    const char *text;
};

static const struct word_help words[] = {
    {"argc", "{argc}",
     "the number of arguments of the running function (or of the script, at its top level)"},
    {"arglist", "{arglist \"a b c\"}",
     "the words of its arguments as a list: foreach walks it, and as a whole\n"
     "argument it spreads into one argument per word"},
    {"argv", "{argv N}",
     "argument N of the running function or script as text, from 1; {argv 0} is\n"
     "the function's (or script's) name. $N is the same argument."},
    {"break", "break", "leave the innermost while, for or foreach loop"},
    {"continue", "continue", "go on with the next round of the innermost loop"},
    {"elif", "if (expr) ... elif (expr) ... else ... end",
     "another condition of an if, tried when those before it were false"},
    {"else", "if (expr) ... else ... end", "what an if runs when no condition was true"},
    {"end", "end", "closes if, while, for, foreach and function blocks"},
    {"extern", "extern name", "accepted: functions may be called before they are defined"},
    {"float", "float name [= expr], ...",
     "declare floating-point variables: globals outside a function, locals inside;\n"
     "a new global starts at 0.0"},
    {"for", "for (var = expr; condition; var = expr) ... end",
     "a loop: the first assignment, then the body and the last assignment while\n"
     "the condition (converted to an int) is not 0"},
    {"foreach", "foreach var (item item ...) ... end",
     "runs the body once for each item, var set to it; a {...} item that gives a\n"
     "list (foreach e ({el /cell/#})) gives one round per word; a string with\n"
     "blanks is one item"},
    {"function", "function name(a, b) ... end",
     "define a script function; arguments arrive as strings (declare them to\n"
     "convert: float a); call it as a command (name x y), as a value ({name x y})\n"
     "or on other nodes (name@0 x); it returns `return value`, or 0"},
    {"if", "if (expr) ... [elif (expr) ...] [else ...] end",
     "runs the first block whose condition, converted to an int, is not 0 (so 0.5 is\n"
     "false); if (x) echo yes, on one line, works too"},
    {"int", "int name [= expr], ...",
     "declare integer variables: globals outside a function, locals inside; a new\n"
     "global starts at 0"},
    {"return", "return [expr]",
     "leave the running function with a value (0 without one); at the top of a\n"
     "file it ends that file"},
    {"str", "str name [= expr], ...",
     "declare string variables: globals outside a function, locals inside; a new\n"
     "global starts as \"\""},
    {"while", "while (expr) ... end",
     "runs the body while the condition, converted to an int, is not 0"},
};

static const struct word_help *
find_word(const char *name)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].word, name) == 0)
            return &words[i];
    return NULL;
}

/* Summary, usage, then each option with its values and what it does
 * (the entry's help text is "values: meaning", or the meaning alone). */
static void
describe(struct gs_sim *sim, const struct gs_cmd *cmd)
{
    struct strbuf sb = STRBUF_INIT;
    gs_cmd_usage(cmd, &sb);
    gs_out(sim, "%s: %s\n%s\n", cmd->name, cmd->summary, sb_str(&sb));
    sb_free(&sb);
    if (!cmd->opts || !cmd->opts[0].name)
        return;
    gs_out(sim, "options:\n");
    for (const struct gs_opt *o = cmd->opts; o->name; o++) {
        const char *h = o->help ? o->help : "";
        const char *colon = o->nvals != 0 ? strstr(h, ": ") : NULL;
        char head[96];
        if (colon)
            snprintf(head, sizeof head, "%s %.*s", o->name, (int)(colon - h), h);
        else
            snprintf(head, sizeof head, "%s", o->name);
        if (strlen(head) > 22) /* a long head: the meaning goes below it */
            gs_out(sim, "  %s\n  %-22s %s\n", head, "", colon ? colon + 2 : h);
        else
            gs_out(sim, "  %-22s %s\n", head, colon ? colon + 2 : h);
    }
}

/* An object: what showobject prints. */
static enum gs_status
describe_object(struct gs_call *call, const char *name)
{
    struct gs_call sub;
    gs_call_init(&sub, call->sim, gs_cmd_find("showobject"), call->origin);
    const char *argv[] = {name};
    enum gs_status st = gs_call_run(&sub, 1, argv);
    gs_call_done(&sub);
    return st;
}

static enum gs_status
cmd_help_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *name = gs_arg(call, 0);
    if (!name) {
        gs_out(sim, "gensh: a GENESIS-compatible simulator shell.\n"
                    "  help COMMAND     a command, with each of its options\n"
                    "  help OBJECT      an object: its fields, messages and actions\n"
                    "  help WORD        a word of the script language (if, foreach, argv...)\n"
                    "  listcommands     every command and script function\n"
                    "  listobjects      every object\n"
                    "  COMMAND -usage   a command's arguments\n"
                    "  h                the entries typed so far; !N, !! and !prefix rerun one\n"
                    "Documentation: docs/ in the sources (shell.md, sli.md, elements.md...).\n");
        return GS_OK;
    }
    const struct gs_cmd *cmd = gs_cmd_find(name);
    if (cmd) {
        describe(sim, cmd);
        return GS_OK;
    }
    if (class_find(name))
        return describe_object(call, name);
    const struct word_help *w = find_word(name);
    if (w) {
        gs_out(sim, "%s (script language): %s\n%s\n", w->word, w->usage, w->text);
        return GS_OK;
    }
    const char *near[3];
    int n = gs_cmd_suggest(name, near, 3);
    if (n)
        return gs_error(sim,
                        "no command, object or script word '%s'; did you mean %s? (listcommands, "
                        "listobjects)",
                        name, near[0]);
    return gs_error(sim, "no command, object or script word '%s' (listcommands, listobjects)",
                    name);
}
