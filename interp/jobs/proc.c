/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proc.c: running Slurm's client commands (sbatch, squeue, sinfo, sacct,
 * scancel): found along $PATH, their output collected, never waited on
 * for ever.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jobs_int.h"

double
jobs_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
drain(int *fd, struct strbuf *sb)
{
    char buf[4096];
    ssize_t n = read(*fd, buf, sizeof buf);
    if (n > 0) {
        if (sb)
            sb_append(sb, buf, (size_t)n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(*fd);
        *fd = -1;
    }
}

int
jobs_run(const char *const *argv, struct strbuf *out, struct strbuf *err, double timeout)
{
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        if (err)
            sb_printf(err, "cannot start %s: %s", argv[0], strerror(errno));
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(pe[0]);
        /* A child of its own process group: a timeout kills all of it. */
        setpgid(0, 0);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        execvp(argv[0], (char *const *)argv);
        dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    int fds[2] = {po[0], pe[0]};
    double deadline = jobs_now() + timeout;
    bool timed_out = false;
    while (fds[0] >= 0 || fds[1] >= 0) {
        struct pollfd p[2];
        int np = 0;
        for (int i = 0; i < 2; i++)
            if (fds[i] >= 0)
                p[np++] = (struct pollfd){.fd = fds[i], .events = POLLIN};
        double left = deadline - jobs_now();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        int r = poll(p, (nfds_t)np, (int)(left * 1000) + 1);
        if (r < 0 && errno != EINTR)
            break;
        for (int i = 0; i < np && r > 0; i++) {
            if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (p[i].fd == fds[0])
                drain(&fds[0], out);
            else
                drain(&fds[1], err);
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    if (timed_out) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out)
        return -2;
    if (WIFEXITED(status))
        return WEXITSTATUS(status) == 127 && err && strstr(sb_str(err), "cannot run ")
                   ? -1
                   : WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

void
jobs_first_line(const char *text, struct strbuf *sb)
{
    static const char *const noise[] = {"sbatch: error: ", "squeue: error: ", "sinfo: error: ",
                                        "scancel: error: ", "sacct: error: ", "error: ", NULL};
    sb_reset(sb);
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *s = p;
        while (n > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
            n--;
        if (n > 0) {
            for (int i = 0; noise[i]; i++) {
                size_t k = strlen(noise[i]);
                if (n > k && strncmp(s, noise[i], k) == 0) {
                    s += k;
                    n -= k;
                }
            }
            sb_append(sb, s, n);
            return;
        }
        if (!e)
            break;
        p = e + 1;
    }
}

enum gs_status
jobs_slurm(struct gs_sim *sim, const char *const *argv, struct strbuf *out)
{
    struct strbuf err = STRBUF_INIT, line = STRBUF_INIT;
    int rc = jobs_run(argv, out, &err, JOBS_CMD_TIMEOUT);
    enum gs_status st = GS_OK;
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    if (rc == -2) {
        st = gs_error(sim, "%s did not answer in %.0f s (is the Slurm controller up?)", name,
                      JOBS_CMD_TIMEOUT);
    } else if (rc != 0) {
        jobs_first_line(sb_str(&err), &line);
        if (!line.len && out)
            jobs_first_line(sb_str(out), &line);
        st = gs_error(sim, "%s failed: %s", name,
                      line.len ? sb_str(&line) : rc < 0 ? "it could not be started" : "no message");
    }
    sb_free(&err);
    sb_free(&line);
    return st;
}
