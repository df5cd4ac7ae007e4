/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_io.c: the io family: GENESIS's script-level ASCII files (openfile,
 * writefile, readfile, closefile, flushfile, listfiles, eof) and
 * fileexists. A file is known by the name it was opened with, as in
 * GENESIS; the table lives with the interpreter (interp_io_files), so that
 * gs_sim_free flushes and closes whatever a script left open, at quit, at
 * the end of a batch run and on SIGINT/SIGTERM. Depends on libc only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cmd.h"
#include "../interp.h"

/* One open file. */
struct io_file {
    char *name;   /* as given to openfile: the key of later commands */
    char mode[4]; /* "r", "w", "a", "r+", "w+", "a+" */
    FILE *fp;
};

struct io_files {
    struct io_file *v; /* in the order opened (listfiles shows them so) */
    int n, cap;
};

static enum gs_status cmd_closefile_exec(struct gs_call *call);
static enum gs_status cmd_eof_exec(struct gs_call *call);
static enum gs_status cmd_fileexists_exec(struct gs_call *call);
static enum gs_status cmd_flushfile_exec(struct gs_call *call);
static enum gs_status cmd_listfiles_exec(struct gs_call *call);
static enum gs_status cmd_openfile_exec(struct gs_call *call);
static enum gs_status cmd_readfile_exec(struct gs_call *call);
static enum gs_status cmd_writefile_exec(struct gs_call *call);

const struct gs_cmd cmd_closefile_entry = {
    .name = "closefile",
    .family = "io",
    .summary = "close a file opened with openfile (writing out what was written)",
    .usage = "filename",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_closefile_exec,
};

const struct gs_cmd cmd_eof_entry = {
    .name = "eof",
    .family = "io",
    .summary = "1 when a file opened with openfile is at its end, else 0",
    .usage = "filename",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_eof_exec,
};

const struct gs_cmd cmd_fileexists_entry = {
    .name = "fileexists",
    .family = "io",
    .summary = "1 when a file exists and can be read, else 0",
    .usage = "filename",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_fileexists_exec,
};

const struct gs_cmd cmd_flushfile_entry = {
    .name = "flushfile",
    .family = "io",
    .summary = "write out what writefile has buffered for a file; it stays open",
    .usage = "filename",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_ACK,
    .exec = cmd_flushfile_exec,
};

const struct gs_cmd cmd_listfiles_entry = {
    .name = "listfiles",
    .family = "io",
    .summary = "list the files opened with openfile, with their modes",
    .usage = "",
    .min_pos = 0,
    .max_pos = 0,
    .exec = cmd_listfiles_exec,
};

const struct gs_cmd cmd_openfile_entry = {
    .name = "openfile",
    .family = "io",
    .summary = "open an ASCII file for readfile (r) or writefile (w: emptied, a: appended)",
    .usage = "filename mode",
    .pos = {{"filename", GS_ARG_STR}, {"mode", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT,
    .exec = cmd_openfile_exec,
};

static const struct gs_opt readfile_opts[] = {
    {"-linemode", 0, GS_ARG_STR,
     "return the whole line (without its newline) instead of its words as a list"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_readfile_entry = {
    .name = "readfile",
    .family = "io",
    .summary = "read the next line of a file opened with openfile: its words, or the whole line",
    .usage = "filename [-linemode]",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = readfile_opts,
    .flags = GS_CMD_RESULT,
    .exec = cmd_readfile_exec,
};

static const struct gs_opt writefile_opts[] = {
    {"-nonewline", 0, GS_ARG_STR,
     "do not end the line"},
    {"-format", 1, GS_ARG_STR,
     "fmt: write each argument by fmt, one %[flag][width][.precision]s, with no blanks added"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_writefile_entry = {
    .name = "writefile",
    .family = "io",
    .summary = "write the arguments as one line to a file opened with openfile (w or a)",
    .usage = "filename [arguments...] [-nonewline] [-format %[flag][width][.precision]s]",
    .pos = {{"filename", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .opts = writefile_opts,
    .flags = GS_CMD_RESULT | GS_CMD_ACK,
    .exec = cmd_writefile_exec,
};

/* --- the table ------------------------------------------------------------------------ */

void
io_files_free(struct io_files *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++) {
        fclose(t->v[i].fp);
        free(t->v[i].name);
    }
    free(t->v);
    free(t);
}

static struct io_files *
table(struct gs_sim *sim)
{
    struct io_files **slot = interp_io_files(sim);
    if (!*slot)
        *slot = xcalloc(1, sizeof **slot);
    return *slot;
}

/* The open file called NAME, or NULL. */
static struct io_file *
find(struct gs_sim *sim, const char *name)
{
    struct io_files *t = table(sim);
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->v[i].name, name) == 0)
            return &t->v[i];
    return NULL;
}

/* Closes entry F of the table; returns fclose's result (0, or EOF with errno). */
static int
drop(struct gs_sim *sim, struct io_file *f)
{
    struct io_files *t = table(sim);
    int rc = fclose(f->fp);
    free(f->name);
    int i = (int)(f - t->v);
    memmove(&t->v[i], &t->v[i + 1], (size_t)(t->n - i - 1) * sizeof *t->v);
    t->n--;
    return rc;
}

/* The open file NAME, or an error naming it. */
static struct io_file *
need_open(struct gs_call *call, const char *name)
{
    struct io_file *f = find(call->sim, name);
    if (!f)
        gs_error(call->sim, "file '%s' is not open (open it with openfile first)", name);
    return f;
}

/* --- exec functions ------------------------------------------------------------------- */

static enum gs_status
cmd_closefile_exec(struct gs_call *call)
{
    const char *name = gs_arg(call, 0);
    struct io_file *f = need_open(call, name);
    if (!f)
        return GS_ERR;
    if (drop(call->sim, f) != 0)
        return gs_error(call->sim, "cannot write out '%s': %s", name, strerror(errno));
    gs_result_int(call, 1);
    return GS_OK;
}

static enum gs_status
cmd_eof_exec(struct gs_call *call)
{
    struct io_file *f = need_open(call, gs_arg(call, 0));
    if (!f)
        return GS_ERR;
    /* GENESIS's eof is feof: true once a read has met the end. */
    gs_result_int(call, feof(f->fp) ? 1 : 0);
    return GS_OK;
}

static enum gs_status
cmd_fileexists_exec(struct gs_call *call)
{
    /* As GENESIS: "exists" means it can be opened for reading. */
    int fd = open(gs_arg(call, 0), O_RDONLY);
    if (fd >= 0)
        close(fd);
    gs_result_int(call, fd >= 0 ? 1 : 0);
    return GS_OK;
}

static enum gs_status
cmd_flushfile_exec(struct gs_call *call)
{
    const char *name = gs_arg(call, 0);
    struct io_file *f = need_open(call, name);
    if (!f)
        return GS_ERR;
    if (fflush(f->fp) != 0)
        return gs_error(call->sim, "cannot write out '%s': %s", name, strerror(errno));
    gs_result_int(call, 1);
    return GS_OK;
}

static enum gs_status
cmd_listfiles_exec(struct gs_call *call)
{
    struct io_files *t = table(call->sim);
    gs_out(call->sim, "\nOPEN ASCII FILES\n-----------------\n");
    for (int i = 0; i < t->n; i++)
        gs_out(call->sim, "%-20s %s\n", t->v[i].name, t->v[i].mode);
    gs_out(call->sim, "\n");
    return GS_OK;
}

static enum gs_status
cmd_openfile_exec(struct gs_call *call)
{
    static const char *const modes[] = {"r", "w", "a", "r+", "w+", "a+"};
    const char *name = gs_arg(call, 0), *mode = gs_arg(call, 1);
    bool mode_ok = false;
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        mode_ok = mode_ok || strcmp(mode, modes[i]) == 0;
    if (!mode_ok)
        return gs_error(call->sim, "mode must be r, w or a (or r+, w+, a+), got '%s'", mode);
    /* Opening a name that is open closes it first (GENESIS). */
    struct io_file *old = find(call->sim, name);
    if (old && drop(call->sim, old) != 0)
        return gs_error(call->sim, "cannot write out '%s' before opening it again: %s", name,
                        strerror(errno));
    FILE *fp = fopen(name, mode);
    if (!fp)
        return gs_error(call->sim, "cannot open '%s' with mode '%s': %s", name, mode,
                        strerror(errno));
    struct io_files *t = table(call->sim);
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 8;
        t->v = xreallocarray(t->v, (size_t)t->cap, sizeof *t->v);
    }
    struct io_file *f = &t->v[t->n++];
    f->name = xstrdup(name);
    snprintf(f->mode, sizeof f->mode, "%s", mode);
    f->fp = fp;
    gs_result_int(call, 1);
    return GS_OK;
}

/* Splits LINE into words at blanks; a double-quoted part is one word
 * without its quotes (GENESIS's StringToArgList). */
static void
add_words(struct gs_call *call, const char *line)
{
    struct strbuf w = STRBUF_INIT;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (!*p)
            break;
        sb_reset(&w);
        bool quoted = false;
        while (*p && (quoted || !(*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))) {
            if (*p == '"')
                quoted = !quoted;
            else
                sb_putc(&w, *p);
            p++;
        }
        gs_result_list_add(call, sb_str(&w));
    }
    sb_free(&w);
}

static enum gs_status
cmd_readfile_exec(struct gs_call *call)
{
    const char *name = gs_arg(call, 0);
    struct io_file *f = need_open(call, name);
    if (!f)
        return GS_ERR;
    if (f->mode[0] != 'r' && f->mode[1] != '+')
        return gs_error(call->sim, "file '%s' is open for writing (mode %s), not reading", name,
                        f->mode);
    char *line = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&line, &cap, f->fp);
    if (n < 0) {
        free(line);
        if (ferror(f->fp)) {
            clearerr(f->fp);
            return gs_error(call->sim, "cannot read '%s': %s", name,
                            strerror(errno ? errno : EIO));
        }
        /* At the end: an empty string, as GENESIS (eof then says 1). */
        gs_result_str(call, "%s", "");
        return GS_OK;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
    if (gs_has_opt(call, "-linemode")) {
        gs_result_str(call, "%s", line);
    } else {
        gs_result_list_begin(call);
        add_words(call, line);
    }
    free(line);
    return GS_OK;
}

/* Checks a writefile format: one %s conversion with flags, width and
 * precision ("%-10s", "(%3s)"), and %% for a percent sign. GENESIS gave
 * the format to fprintf unchecked; only %s can take a word. */
static bool
format_ok(const char *f)
{
    int convs = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        while (*p && strchr("-+ 0#", *p))
            p++;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9')
                p++;
        }
        if (*p != 's')
            return false;
        convs++;
    }
    return convs == 1;
}

static enum gs_status
cmd_writefile_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *name = gs_arg(call, 0);
    const char *fmt = gs_optval(call, "-format", 0);
    if (fmt && !format_ok(fmt))
        return gs_error(sim, "-format expects one '%%[flag][width][.precision]s', got '%s'", fmt);
    struct io_file *f = need_open(call, name);
    if (!f)
        return GS_ERR;
    if (f->mode[0] == 'r' && f->mode[1] != '+')
        return gs_error(sim, "file '%s' is open for reading (mode r), not writing", name);
    /* The line is built first and written in one go: a failed write
     * leaves no half line behind in the buffer's accounting. */
    struct strbuf sb = STRBUF_INIT;
    for (int i = 1; i < call->npos; i++) {
        if (fmt) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            sb_printf(&sb, fmt, call->pos[i]); /* checked: one %s */
#pragma GCC diagnostic pop
        } else {
            if (i > 1)
                sb_putc(&sb, ' '); /* blanks between words, only without -format */
            sb_puts(&sb, call->pos[i]);
        }
    }
    if (!gs_has_opt(call, "-nonewline"))
        sb_putc(&sb, '\n');
    size_t wrote = fwrite(sb_str(&sb), 1, sb.len, f->fp);
    bool bad = wrote != sb.len;
    sb_free(&sb);
    if (bad)
        return gs_error(sim, "cannot write to '%s': %s", name, strerror(errno ? errno : EIO));
    gs_result_int(call, 1);
    return GS_OK;
}
