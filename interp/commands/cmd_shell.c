/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_shell.c: the shell family: autoshell, echo, include, quit (and exit), h,
 * listcommands, lua, silent, and the environment and working-directory
 * commands.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../cmd.h"
#include "../interp.h"

extern char **environ;

static enum gs_status cmd_cd_exec(struct gs_call *call);
static enum gs_status cmd_echo_exec(struct gs_call *call);
static enum gs_status cmd_exit_exec(struct gs_call *call);
static enum gs_status cmd_getarg_exec(struct gs_call *call);
static enum gs_status cmd_getdate_exec(struct gs_call *call);
static enum gs_status cmd_getenv_exec(struct gs_call *call);
static enum gs_status cmd_h_exec(struct gs_call *call);
static enum gs_status cmd_include_exec(struct gs_call *call);
static enum gs_status cmd_listcommands_exec(struct gs_call *call);
static enum gs_status cmd_lua_exec(struct gs_call *call);
static enum gs_status cmd_printenv_exec(struct gs_call *call);
static enum gs_status cmd_pwd_exec(struct gs_call *call);
static enum gs_status cmd_quit_exec(struct gs_call *call);
static enum gs_status cmd_setenv_exec(struct gs_call *call);
static enum gs_status cmd_autoshell_exec(struct gs_call *call);
static enum gs_status cmd_sh_exec(struct gs_call *call);
static enum gs_status cmd_silent_exec(struct gs_call *call);

const struct gs_cmd cmd_autoshell_entry = {
    .name = "autoshell",
    .family = "shell",
    .summary = "set (with 0 or 1) and return whether a word that names no command or script "
               "runs the program of that name along PATH (1, the default, as GENESIS)",
    .usage = "[0|1]",
    .pos = {{"state", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_autoshell_exec,
};

const struct gs_cmd cmd_cd_entry = {
    .name = "cd",
    .family = "shell",
    .summary = "change the working directory",
    .usage = "[directory]",
    .pos = {{"directory", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_cd_exec,
};

static const struct gs_opt echo_opts[] = {
    {"-nonewline", 0, GS_ARG_STR,
     "do not end the line"},
    {"-format", 1, GS_ARG_STR,
     "fmt: print each argument by fmt, one %[flag][width]s, with no blanks added"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_echo_entry = {
    .name = "echo",
    .family = "shell",
    .summary = "print the arguments, separated by blanks",
    .usage = "[arguments...] [-nonewline] [-format %[flag][width]s]",
    .min_pos = 0,
    .max_pos = GS_VARARGS,
    .opts = echo_opts,
    .exec = cmd_echo_exec,
};

/* GENESIS's exit is quit under another name. */
const struct gs_cmd cmd_exit_entry = {
    .name = "exit",
    .family = "shell",
    .summary = "close every output file and leave gensh (the same as quit)",
    .usage = "[status]",
    .pos = {{"status", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_exit_exec,
};

static const struct gs_opt getarg_opts[] = {
    {"-count", 0, GS_ARG_STR,
     "return how many arguments there are"},
    {"-arg", 1, GS_ARG_INT,
     "n: return argument n (from 1)"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_getarg_entry = {
    .name = "getarg",
    .family = "shell",
    .summary = "count the arguments, or return one of them",
    .usage = "[arguments...] -count | -arg n",
    .min_pos = 0,
    .max_pos = GS_VARARGS,
    .opts = getarg_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getarg_exec,
};

const struct gs_cmd cmd_getdate_entry = {
    .name = "getdate",
    .family = "shell",
    .summary = "return the current date and time",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getdate_exec,
};

const struct gs_cmd cmd_getenv_entry = {
    .name = "getenv",
    .family = "shell",
    .summary = "return the value of an environment variable (empty if unset)",
    .usage = "name",
    .pos = {{"name", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_getenv_exec,
};

/* GENESIS's h; history is its longer name. */
const struct gs_cmd cmd_h_entry = {
    .name = "h",
    .family = "shell",
    .summary = "list the entries typed at the prompt, numbered as the prompt numbered them",
    .usage = "[start [end]]",
    .pos = {{"start", GS_ARG_INT}, {"end", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 2,
    .exec = cmd_h_exec,
};

const struct gs_cmd cmd_history_entry = {
    .name = "history",
    .family = "shell",
    .summary = "list the entries typed at the prompt (the same as h)",
    .usage = "[start [end]]",
    .pos = {{"start", GS_ARG_INT}, {"end", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 2,
    .exec = cmd_h_exec,
};

const struct gs_cmd cmd_include_entry = {
    .name = "include",
    .family = "shell",
    .summary = "run a script file found along SIMPATH (.g may be left out)",
    .usage = "file [arguments...]",
    .pos = {{"file", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_include_exec,
};

const struct gs_cmd cmd_listcommands_entry = {
    .name = "listcommands",
    .family = "shell",
    .summary = "list the commands and script functions",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_listcommands_exec,
};

const struct gs_cmd cmd_lua_entry = {
    .name = "lua",
    .family = "shell",
    .summary = "run the rest of the line as Lua",
    .usage = "chunk...",
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_lua_exec,
};

const struct gs_cmd cmd_printenv_entry = {
    .name = "printenv",
    .family = "shell",
    .summary = "print one environment variable, or all of them",
    .usage = "[name]",
    .pos = {{"name", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_printenv_exec,
};

const struct gs_cmd cmd_pwd_entry = {
    .name = "pwd",
    .family = "shell",
    .summary = "print the working directory",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_pwd_exec,
};

const struct gs_cmd cmd_quit_entry = {
    .name = "quit",
    .family = "shell",
    .summary = "close every output file and leave gensh",
    .usage = "[status]",
    .pos = {{"status", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 1,
    .exec = cmd_quit_exec,
};

const struct gs_cmd cmd_setenv_entry = {
    .name = "setenv",
    .family = "shell",
    .summary = "set an environment variable",
    .usage = "name [value...]",
    .pos = {{"name", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .exec = cmd_setenv_exec,
};

const struct gs_cmd cmd_sh_entry = {
    .name = "sh",
    .family = "shell",
    .summary = "run a command line in the system shell",
    .usage = "command...",
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW,
    .exec = cmd_sh_exec,
};

const struct gs_cmd cmd_silent_entry = {
    .name = "silent",
    .family = "shell",
    .summary = "set (with a level) and return the level that hides informative messages",
    .usage = "[level]",
    .pos = {{"level", GS_ARG_INT}},
    .min_pos = 0,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_silent_exec,
};

/* Joins positionals FROM.. with blanks into SB. */
static void
join_args(const struct gs_call *call, int from, struct strbuf *sb)
{
    for (int i = from; i < call->npos; i++) {
        if (i > from)
            sb_putc(sb, ' ');
        sb_puts(sb, call->pos[i]);
    }
}

static enum gs_status
cmd_cd_exec(struct gs_call *call)
{
    const char *dir = gs_arg(call, 0);
    if (!dir)
        dir = getenv("HOME");
    if (!dir)
        return gs_error(call->sim, "no directory given and HOME is not set");
    if (chdir(dir) != 0)
        return gs_error(call->sim, "cannot change to '%s': %s", dir, strerror(errno));
    return GS_OK;
}

/* Checks a GENESIS echo format: %[flags][width]s and nothing else. */
static bool
echo_format_ok(const char *f)
{
    const char *p = strchr(f, '%');
    if (!p || strchr(p + 1, '%'))
        return false;
    p++;
    while (*p == '-' || *p == '0' || *p == ' ' || *p == '+')
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == 's';
}

static enum gs_status
cmd_echo_exec(struct gs_call *call)
{
    struct strbuf sb = STRBUF_INIT;
    const char *fmt = gs_optval(call, "-format", 0);
    if (fmt && !echo_format_ok(fmt))
        return gs_error(call->sim, "-format expects '%%[flag][width]s', got '%s'", fmt);
    join_args(call, 0, &sb);
    if (fmt) {
        char *s = sb_take(&sb);
        /* The format was checked to hold exactly one %s conversion. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        sb_printf(&sb, fmt, s);
#pragma GCC diagnostic pop
        free(s);
    }
    if (!gs_has_opt(call, "-nonewline"))
        sb_putc(&sb, '\n');
    gs_write(call->sim, sb_str(&sb), sb.len);
    sb_free(&sb);
    return GS_OK;
}

static enum gs_status
cmd_exit_exec(struct gs_call *call)
{
    return cmd_quit_exec(call);
}

static enum gs_status
cmd_getarg_exec(struct gs_call *call)
{
    if (gs_has_opt(call, "-count")) {
        gs_result_int(call, call->npos);
        return GS_OK;
    }
    if (!gs_has_opt(call, "-arg"))
        return gs_error(call->sim, "expected -count or -arg n");
    long n = gs_optval_int(call, "-arg", 0);
    if (n < 1 || n > call->npos)
        return gs_error(call->sim, "-arg %ld: there are %d arguments", n, call->npos);
    gs_result_str(call, "%s", call->pos[n - 1]);
    return GS_OK;
}

static enum gs_status
cmd_getdate_exec(struct gs_call *call)
{
    time_t now = time(NULL);
    char buf[64];
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
    gs_result_str(call, "%s", buf);
    return GS_OK;
}

static enum gs_status
cmd_getenv_exec(struct gs_call *call)
{
    const char *v = getenv(gs_arg(call, 0));
    gs_result_str(call, "%s", v ? v : "");
    return GS_OK;
}

/* As GENESIS: a start or end out of range means the first or last entry;
 * the lines of a multi-line entry are indented under its number. */
static enum gs_status
cmd_h_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    long n = (long)interp_history_count(sim);
    long start = call->npos > 0 ? gs_arg_int(call, 0) : 0;
    long end = call->npos > 1 ? gs_arg_int(call, 1) : n - 1;
    if (start < 0 || start > n - 1)
        start = 0;
    if (end < 0 || end > n - 1)
        end = n - 1;
    for (long i = start; i <= end; i++) {
        const char *e = interp_history_get(sim, (size_t)i);
        const char *nl;
        gs_out(sim, "%6ld    ", i);
        while ((nl = strchr(e, '\n'))) {
            gs_out(sim, "%.*s\n          ", (int)(nl - e), e);
            e = nl + 1;
        }
        gs_out(sim, "%s\n", e);
    }
    return GS_OK;
}

static enum gs_status
cmd_include_exec(struct gs_call *call)
{
    const char *name = gs_arg(call, 0);
    char *path = interp_find_file(call->sim, name, ".g");
    if (!path)
        return gs_error(call->sim, "cannot find '%s' (looked in ., SIMPATH and the script library)",
                        name);
    /* Errors inside the file are reported where they happen, once. */
    interp_run_file(call->sim, path, call->npos - 1, (char **)call->pos + 1);
    free(path);
    return GS_OK;
}

static bool
print_function(const char *name, void *arg)
{
    gs_out(arg, "  %s (script function)\n", name);
    return true;
}

static enum gs_status
cmd_listcommands_exec(struct gs_call *call)
{
    for (int i = 0; i < gs_cmd_count; i++)
        gs_out(call->sim, "  %-20s %s\n", gs_cmd_table[i]->name, gs_cmd_table[i]->summary);
    interp_script_functions(call->sim, print_function, call->sim);
    return GS_OK;
}

static enum gs_status
cmd_lua_exec(struct gs_call *call)
{
    struct strbuf sb = STRBUF_INIT;
    join_args(call, 0, &sb);
    enum gs_status st = interp_eval_lua_chunk(call->sim, sb_str(&sb), call->origin);
    sb_free(&sb);
    return st;
}

static enum gs_status
cmd_printenv_exec(struct gs_call *call)
{
    const char *name = gs_arg(call, 0);
    if (name) {
        const char *v = getenv(name);
        if (!v)
            return gs_error(call->sim, "'%s' is not set", name);
        gs_out(call->sim, "%s=%s\n", name, v);
        return GS_OK;
    }
    for (char **e = environ; *e; e++)
        gs_out(call->sim, "%s\n", *e);
    return GS_OK;
}

static enum gs_status
cmd_pwd_exec(struct gs_call *call)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        return gs_error(call->sim, "cannot read the working directory: %s", strerror(errno));
    gs_out(call->sim, "%s\n", buf);
    return GS_OK;
}

static enum gs_status
cmd_quit_exec(struct gs_call *call)
{
    call->sim->quit_requested = true;
    call->sim->exit_status = (int)gs_arg_int(call, 0);
    return GS_OK;
}

static enum gs_status
cmd_setenv_exec(struct gs_call *call)
{
    struct strbuf sb = STRBUF_INIT;
    join_args(call, 1, &sb);
    int rc = setenv(gs_arg(call, 0), sb_str(&sb), 1);
    sb_free(&sb);
    if (rc != 0)
        return gs_error(call->sim, "cannot set '%s': %s", gs_arg(call, 0), strerror(errno));
    return GS_OK;
}

static enum gs_status
cmd_sh_exec(struct gs_call *call)
{
    struct strbuf sb = STRBUF_INIT;
    join_args(call, 0, &sb);
    fflush(NULL); /* keep our output before the child's */
    int rc = system(sb_str(&sb));
    sb_free(&sb);
    if (rc == -1)
        return gs_error(call->sim, "cannot run the shell: %s", strerror(errno));
    gs_result_int(call, WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc));
    return GS_OK;
}

static enum gs_status
cmd_autoshell_exec(struct gs_call *call)
{
    if (call->npos == 1) {
        long v = gs_arg_int(call, 0);
        if (v != 0 && v != 1)
            return gs_error(call->sim, "state must be 0 or 1, got '%s'", gs_arg(call, 0));
        *interp_noautoshell(call->sim) = v == 0;
    }
    gs_result_int(call, !*interp_noautoshell(call->sim));
    return GS_OK;
}

/* The level is -silent's (sim->opt.silent): >= 1 hides pushe/pope's echo
 * and the notes of waits for other nodes, >= 2 also readcell's "read:"
 * summary; a negative level hides nothing. */
static enum gs_status
cmd_silent_exec(struct gs_call *call)
{
    if (call->npos == 1) {
        long v = gs_arg_int(call, 0);
        if (v < -10 || v > 10)
            return gs_error(call->sim, "level must be -10 to 10, got '%s'", gs_arg(call, 0));
        call->sim->opt.silent = (int)v;
    }
    gs_result_int(call, call->sim->opt.silent);
    return GS_OK;
}
