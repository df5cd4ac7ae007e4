/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * files.c: the file work of the job folder: whole-file reads, writes
 * through a temporary name (a reader never sees half a file), copies,
 * rm -rf, and the job record (job.txt: KEY=VALUE lines).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jobs_int.h"

bool
jobs_read_file(const char *path, struct strbuf *sb)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    char buf[8192];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        sb_append(sb, buf, (size_t)n);
    int e = errno;
    close(fd);
    errno = e;
    if (!sb->buf)
        sb_puts(sb, "");
    return n == 0;
}

static bool
write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool
jobs_write_file(const char *path, const char *text, int mode)
{
    struct strbuf tmp = STRBUF_INIT;
    sb_printf(&tmp, "%s.tmp", path);
    int fd = open(sb_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC, mode);
    bool ok = fd >= 0 && write_all(fd, text, strlen(text));
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (ok && rename(sb_str(&tmp), path) != 0)
        ok = false;
    if (!ok) {
        int e = errno;
        unlink(sb_str(&tmp));
        errno = e;
    }
    sb_free(&tmp);
    return ok;
}

bool
jobs_copy_file(const char *src, const char *dst)
{
    int in = open(src, O_RDONLY);
    if (in < 0)
        return false;
    struct stat st;
    if (fstat(in, &st) != 0) {
        close(in);
        return false;
    }
    struct strbuf tmp = STRBUF_INIT;
    sb_printf(&tmp, "%s.tmp", dst);
    int out = open(sb_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC, (st.st_mode & 0111) ? 0755 : 0644);
    bool ok = out >= 0;
    char buf[65536];
    ssize_t n = 0;
    while (ok && (n = read(in, buf, sizeof buf)) > 0)
        ok = write_all(out, buf, (size_t)n);
    if (n < 0)
        ok = false;
    int e = errno;
    close(in);
    if (out >= 0 && close(out) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && rename(sb_str(&tmp), dst) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok)
        unlink(sb_str(&tmp));
    sb_free(&tmp);
    errno = e;
    return ok;
}

bool
jobs_mkdirs_for(const char *path)
{
    char *p = xstrdup(path);
    bool ok = true;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST)
            ok = false;
        *s = '/';
        if (!ok)
            break;
    }
    free(p);
    return ok;
}

void
jobs_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", path, e->d_name);
        jobs_remove_tree(sb_str(&p));
        sb_free(&p);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

bool
jobs_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

bool
jobs_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void
jobs_sh_quote(struct strbuf *sb, const char *s)
{
    sb_putc(sb, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            sb_puts(sb, "'\\''");
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '\'');
}

/* --- the job record ------------------------------------------------------- */

bool
job_record_read(const char *path, struct job_record *r)
{
    memset(r, 0, sizeof *r);
    struct strbuf sb = STRBUF_INIT;
    if (!jobs_read_file(path, &sb)) {
        sb_free(&sb);
        return false;
    }
    char *p = sb.buf;
    while (p && *p) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        char *eq = strchr(p, '=');
        if (p[0] != '#' && eq) {
            r->key = xreallocarray(r->key, (size_t)r->n + 1, sizeof *r->key);
            r->val = xreallocarray(r->val, (size_t)r->n + 1, sizeof *r->val);
            r->key[r->n] = xstrndup(p, (size_t)(eq - p));
            r->val[r->n] = xstrdup(eq + 1);
            r->n++;
        }
        p = e ? e + 1 : NULL;
    }
    sb_free(&sb);
    return true;
}

const char *
job_record_get(const struct job_record *r, const char *key)
{
    for (int i = r->n - 1; i >= 0; i--)
        if (strcmp(r->key[i], key) == 0)
            return r->val[i];
    return NULL;
}

void
job_record_free(struct job_record *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->key[i]);
        free(r->val[i]);
    }
    free(r->key);
    free(r->val);
    memset(r, 0, sizeof *r);
}

bool
jobs_id_ok(const char *id)
{
    if (!id || !*id || strlen(id) > 30)
        return false;
    for (const char *p = id; *p; p++)
        if (!(*p >= '0' && *p <= '9') && !(*p == '_' && p != id && p[1]))
            return false;
    return true;
}

enum gs_status
jobs_find(struct gs_sim *sim, const char *id, struct strbuf *folder)
{
    struct strbuf dir = STRBUF_INIT;
    jobs_dir(&dir);
    if (!jobs_id_ok(id)) {
        gs_error(sim, "'%s' is not a job id (a number, as submit printed it)", id);
        sb_free(&dir);
        return GS_ERR;
    }
    sb_reset(folder);
    sb_printf(folder, "%s/%s", sb_str(&dir), id);
    char real[PATH_MAX];
    struct strbuf rec = STRBUF_INIT;
    sb_printf(&rec, "%s/job.txt", sb_str(folder));
    enum gs_status st = GS_OK;
    if (!jobs_is_file(sb_str(&rec)) || !realpath(sb_str(folder), real)) {
        st = gs_error(sim, "no gensh job '%s' in %s (gensh jobs lists them)", id, sb_str(&dir));
    } else {
        sb_reset(folder);
        sb_puts(folder, real);
    }
    sb_free(&rec);
    sb_free(&dir);
    return st;
}
