/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rankout.c: where a rank's ordinary output goes. Node 0 writes to its
 * stdout unchanged. Every other rank's stdout becomes a stream that starts
 * each line with "[node K] " and writes whole lines in one write(2), so
 * the lines of different ranks, merged by the MPI launcher, stay readable;
 * `paron -output NAME` sends it to the file NAME.K instead (no prefix).
 * The C stdout itself is replaced, so Lua's print and anything else that
 * writes to stdout is routed too.
 *
 * While node 0 has a person at its prompt, the lines (and the error lines
 * the rank prints itself) travel to node 0 in PAR_MSG_OUTPUT messages
 * instead, and node 0 prints them above its prompt, as it does the output
 * of the requests it serves: through the launcher they would land in the
 * middle of the line being typed. Until the rank's run ends (its script
 * done, par_end_run); messages between two ranks keep their order, so
 * node 0 has printed them all before it sees that the rank is done.
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

enum { ROUTED_OUT = 1, ROUTED_ERR = 2 };

static void
send_output(struct par *p, uint32_t stream, const char *text, size_t n)
{
    struct wire w;
    par_msg_begin(&w, PAR_MSG_OUTPUT);
    wire_u32(&w, stream);
    wire_bytes(&w, text, n);
    par_send(p, 0, &w);
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
    bool ok = true;
    if (p->route_output && !p->output_name)
        send_output(p, ROUTED_OUT, sb_str(&line), line.len);
    else
        ok = write_all(p->out_fd, sb_str(&line), line.len);
    sb_free(&line);
    return ok ? (ssize_t)size : -1;
}

/* The routed error stream's write (error lines name the rank already). */
static ssize_t
routed_err_write(void *cookie, const char *buf, size_t size)
{
    send_output(cookie, ROUTED_ERR, buf, size);
    return (ssize_t)size;
}

void
par_output_route(struct par *p)
{
    if (p->rank == 0 || p->route_output)
        return;
    if (!p->prefixed)
        par_output_prefix(p);
    cookie_io_functions_t fns = {.write = routed_err_write};
    FILE *f = fopencookie(p, "w", fns);
    if (!f)
        return; /* the lines go through the launcher as before */
    setvbuf(f, NULL, _IOLBF, 0);
    fflush(p->prefixed);
    p->routed_err = f;
    p->orig_err = p->sim->err;
    p->sim->err = f;
    p->route_output = true;
}

void
par_output_unroute(struct par *p)
{
    if (!p->route_output)
        return;
    fflush(p->prefixed);
    fclose(p->routed_err); /* sends what it holds */
    if (p->sim->err == p->routed_err)
        p->sim->err = p->orig_err;
    p->routed_err = NULL;
    p->route_output = false;
}

void
par_handle_output(struct par *p, int src, struct wire_rd *r)
{
    uint32_t stream = rd_u32(r);
    size_t n = 0;
    const char *text = rd_bytes(r, &n);
    (void)src;
    if (p->rank != 0 || (stream != ROUTED_OUT && stream != ROUTED_ERR))
        r->bad = true;
    if (r->bad)
        return; /* handle() reports the corrupt message */
    struct gs_sim *sim = p->sim;
    FILE *f = stream == ROUTED_OUT ? (sim->out ? sim->out : stdout)
                                   : (sim->err ? sim->err : stderr);
    fwrite(text, 1, n, f);
    fflush(f);
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
    par_output_unroute(p);
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
