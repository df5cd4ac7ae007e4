/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rankout.c: where a rank's ordinary output goes. Node 0 writes to its
 * stdout unchanged. Every other rank's stdout becomes a stream that starts
 * each line with "[node K] " and writes whole lines in one write(2), so
 * the lines of different ranks, merged by the MPI launcher, stay readable;
 * `paron -output NAME` sends it to the file NAME.K instead (no prefix).
 * The C stdout itself is replaced, so Lua's print and anything else that
 * writes to stdout is routed too.
 */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "par_int.h"

static bool
write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        s += k;
        n -= (size_t)k;
    }
    return true;
}

/* The cookie stream's write: a prefix at the start of every line. */
static ssize_t
prefixed_write(void *cookie, const char *buf, size_t size)
{
    struct par *p = cookie;
    bool prefix = p->output_name == NULL; /* log files need none */
    char head[32];
    int hlen = snprintf(head, sizeof head, "[node %d] ", p->rank);
    struct strbuf line = STRBUF_INIT;
    size_t i = 0;
    while (i < size) {
        const char *nl = memchr(buf + i, '\n', size - i);
        size_t n = nl ? (size_t)(nl - (buf + i)) + 1 : size - i;
        if (prefix && !p->out_midline)
            sb_append(&line, head, (size_t)hlen);
        sb_append(&line, buf + i, n);
        p->out_midline = nl == NULL;
        i += n;
    }
    bool ok = write_all(p->out_fd, sb_str(&line), line.len);
    sb_free(&line);
    return ok ? (ssize_t)size : -1;
}

static int
prefixed_close(void *cookie)
{
    struct par *p = cookie;
    if (p->output_name && p->out_fd > STDERR_FILENO)
        close(p->out_fd);
    p->out_fd = -1;
    return 0;
}

void
par_output_prefix(struct par *p)
{
    cookie_io_functions_t fns = {.write = prefixed_write, .close = prefixed_close};
    fflush(stdout);
    FILE *f = fopencookie(p, "w", fns);
    if (!f)
        GS_BUG("cannot set up the output of node %d", p->rank);
    /* Line buffered: each line reaches the cookie (and the terminal) whole. */
    setvbuf(f, NULL, _IOLBF, 0);
    p->out_fd = STDOUT_FILENO;
    p->orig_stdout = stdout;
    p->prefixed = f;
    if (p->sim->out == NULL || p->sim->out == stdout)
        p->sim->out = f;
    stdout = f;
}

enum gs_status
par_output_to_file(struct par *p, const char *name)
{
    char *path = xasprintf("%s.%d", name, p->rank);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        enum gs_status st =
            gs_error(p->sim, "-output: cannot open '%s' for node %d: %s", path, p->rank,
                     strerror(errno));
        free(path);
        return st;
    }
    free(path);
    if (!p->prefixed)
        par_output_prefix(p);
    fflush(p->prefixed);
    if (p->output_name && p->out_fd > STDERR_FILENO)
        close(p->out_fd);
    free(p->output_name);
    p->output_name = xstrdup(name);
    p->out_fd = fd;
    p->out_midline = false;
    return GS_OK;
}

void
par_output_restore(struct par *p)
{
    if (!p->prefixed)
        return;
    fflush(p->prefixed);
    if (p->sim->out == p->prefixed)
        p->sim->out = p->orig_stdout;
    if (stdout == p->prefixed)
        stdout = p->orig_stdout;
    fclose(p->prefixed);
    p->prefixed = NULL;
}
