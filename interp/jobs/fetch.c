/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fetch.c: `fetch` (a job's output and logs, copied back) and `cancel`.
 * The output is what the run left in run/ besides the files submit put
 * there; the logs and records go to DIR/gensh-job/.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jobs_int.h"

/* The job's own files, copied to DIR/gensh-job/. */
static const char *const job_files[] = {"job.txt",  "job.sh",   "gensh.log", "slurm.out",
                                        "progress", "started",  "ended",     "cancelled",
                                        NULL};

struct fetcher {
    struct gs_sim *sim;
    struct job_fetch *out;
    const struct job_record *rec;
};

static void
add(char ***v, int *n, char *s)
{
    *v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
    (*v)[(*n)++] = s;
}

static bool
was_input(const struct job_record *r, const char *rel)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->key[i], "input") == 0 && strcmp(r->val[i], rel) == 0)
            return true;
    return false;
}

static enum gs_status
copy_one(struct fetcher *f, const char *src, const char *rel)
{
    struct strbuf dst = STRBUF_INIT;
    sb_printf(&dst, "%s/%s", f->out->dir, rel);
    enum gs_status st = GS_OK;
    if (!jobs_mkdirs_for(sb_str(&dst)) || !jobs_copy_file(src, sb_str(&dst)))
        st = gs_error(f->sim, "cannot copy '%s' to '%s': %s", src, sb_str(&dst), strerror(errno));
    else
        add(&f->out->copied, &f->out->ncopied, xstrdup(rel));
    sb_free(&dst);
    return st;
}

/* The files under RUN/REL that the run made. */
static enum gs_status
copy_outputs(struct fetcher *f, const char *run, const char *rel)
{
    struct strbuf dirp = STRBUF_INIT;
    sb_printf(&dirp, "%s%s%s", run, rel[0] ? "/" : "", rel);
    DIR *d = opendir(sb_str(&dirp));
    enum gs_status st = GS_OK;
    if (!d) {
        sb_free(&dirp);
        return GS_OK;
    }
    /* In name order: the same fetch lists the same way. */
    char **names = NULL;
    int nn = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            add(&names, &nn, xstrdup(e->d_name));
    closedir(d);
    for (int i = 1; i < nn; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < nn; i++) {
        struct strbuf r = STRBUF_INIT, p = STRBUF_INIT;
        sb_printf(&r, "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
        sb_printf(&p, "%s/%s", sb_str(&dirp), names[i]);
        struct stat lst;
        if (st == GS_OK && lstat(sb_str(&p), &lst) == 0) {
            if (S_ISDIR(lst.st_mode))
                st = copy_outputs(f, run, sb_str(&r));
            else if (S_ISREG(lst.st_mode) && !was_input(f->rec, sb_str(&r)))
                st = copy_one(f, sb_str(&p), sb_str(&r));
        }
        sb_free(&r);
        sb_free(&p);
        free(names[i]);
    }
    free(names);
    sb_free(&dirp);
    return st;
}

enum gs_status
jobs_fetch(struct gs_sim *sim, const char *id, const char *dir, struct job_fetch *out)
{
    memset(out, 0, sizeof *out);
    struct job_info *v;
    int n;
    if (jobs_list(sim, id, &v, &n) != GS_OK)
        return GS_ERR;
    if (n != 1) {
        job_infos_free(v, n);
        return gs_error(sim, "no gensh job '%s'", id);
    }
    struct job_info *ji = &v[0];
    struct strbuf p = STRBUF_INIT, where = STRBUF_INIT;
    if (dir)
        sb_puts(&where, dir);
    else
        sb_printf(&where, "job-%s", id);
    enum gs_status st = GS_OK;
    sb_printf(&p, "%s/started", ji->folder);
    if (ji->state == JOB_QUEUED)
        st = gs_error(sim, "job %s is queued: it has not started, so there is nothing to fetch "
                           "yet",
                      id);
    else if (!jobs_is_file(sb_str(&p)) && ji->state != JOB_FAILED)
        st = gs_error(sim, "job %s never started (%s): there is nothing to fetch", id,
                      job_state_name(ji->state));
    struct job_record rec = {0};
    sb_reset(&p);
    sb_printf(&p, "%s/job.txt", ji->folder);
    if (st == GS_OK && !job_record_read(sb_str(&p), &rec))
        st = gs_error(sim, "cannot read '%s': %s", sb_str(&p), strerror(errno));
    if (st == GS_OK && mkdir(sb_str(&where), 0755) != 0 && errno != EEXIST)
        st = gs_error(sim, "cannot make '%s': %s", sb_str(&where), strerror(errno));
    if (st == GS_OK && !jobs_is_dir(sb_str(&where)))
        st = gs_error(sim, "'%s' is not a folder", sb_str(&where));
    if (st == GS_OK) {
        out->dir = sb_take(&where);
        struct fetcher f = {sim, out, &rec};
        sb_reset(&p);
        sb_printf(&p, "%s/run", ji->folder);
        st = copy_outputs(&f, sb_str(&p), "");
        int outputs = out->ncopied;
        for (int i = 0; st == GS_OK && job_files[i]; i++) {
            sb_reset(&p);
            sb_printf(&p, "%s/%s", ji->folder, job_files[i]);
            struct strbuf rel = STRBUF_INIT;
            sb_printf(&rel, "gensh-job/%s", job_files[i]);
            if (jobs_is_file(sb_str(&p)))
                st = copy_one(&f, sb_str(&p), sb_str(&rel));
            sb_free(&rel);
        }
        for (int k = 0; st == GS_OK && k < ji->nodes; k++) {
            sb_reset(&p);
            sb_printf(&p, "%s/ranks/%d", ji->folder, k);
            struct strbuf rel = STRBUF_INIT;
            sb_printf(&rel, "gensh-job/ranks/%d", k);
            if (jobs_is_file(sb_str(&p)))
                st = copy_one(&f, sb_str(&p), sb_str(&rel));
            sb_free(&rel);
        }
        /* What a finished run should have left and did not. */
        sb_reset(&p);
        sb_printf(&p, "%s/gensh.log", ji->folder);
        struct strbuf m = STRBUF_INIT;
        if (!jobs_is_file(sb_str(&p)))
            add(&out->missing, &out->nmissing, xstrdup("gensh.log: the ranks never started"));
        if (ji->state == JOB_RUNNING)
            add(&out->missing, &out->nmissing,
                xstrdup("the rest: the job is still running (this is its output so far)"));
        else if (!ji->ended)
            add(&out->missing, &out->nmissing,
                xstrdup("gensh-job/ended: the job script was killed before it could record "
                        "its end"));
        for (int k = 0; ji->state != JOB_RUNNING && ji->started && k < ji->nodes; k++)
            if (ji->ranks[k] < 0) {
                sb_reset(&m);
                sb_printf(&m, "gensh-job/ranks/%d: rank %d recorded no exit status (killed?)",
                          k, k);
                add(&out->missing, &out->nmissing, sb_take(&m));
            }
        if (outputs == 0 && ji->state != JOB_RUNNING)
            add(&out->missing, &out->nmissing, xstrdup("output: the run wrote no files"));
        sb_free(&m);
    }
    if (st != GS_OK)
        job_fetch_free(out);
    job_record_free(&rec);
    sb_free(&p);
    sb_free(&where);
    job_infos_free(v, n);
    return st;
}

void
job_fetch_free(struct job_fetch *f)
{
    for (int i = 0; i < f->ncopied; i++)
        free(f->copied[i]);
    for (int i = 0; i < f->nmissing; i++)
        free(f->missing[i]);
    free(f->copied);
    free(f->missing);
    free(f->dir);
    memset(f, 0, sizeof *f);
}

enum gs_status
jobs_cancel(struct gs_sim *sim, const char *id)
{
    struct job_info *v;
    int n;
    if (jobs_list(sim, id, &v, &n) != GS_OK)
        return GS_ERR;
    enum gs_status st = GS_OK;
    if (n != 1) {
        st = gs_error(sim, "no gensh job '%s'", id);
    } else if (v[0].state == JOB_DONE || v[0].state == JOB_FAILED
               || v[0].state == JOB_CANCELLED) {
        st = gs_error(sim, "job %s has already ended (%s)", id, job_state_name(v[0].state));
    } else {
        struct strbuf p = STRBUF_INIT, t = STRBUF_INIT;
        sb_printf(&p, "%s/cancelled", v[0].folder);
        sb_printf(&t, "%lld\n", (long long)time(NULL));
        if (!jobs_write_file(sb_str(&p), sb_str(&t), 0644))
            st = gs_error(sim, "cannot write '%s': %s", sb_str(&p), strerror(errno));
        const char *argv[] = {"scancel", id, NULL};
        if (st == GS_OK && jobs_slurm(sim, argv, NULL) != GS_OK) {
            unlink(sb_str(&p));
            st = GS_ERR;
        }
        sb_free(&p);
        sb_free(&t);
    }
    job_infos_free(v, n);
    return st;
}
