/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * state.c: what `jobs` says about each job. The job folder is the record
 * that lasts: job.sh writes `started`, `ended` and each rank's status,
 * the run writes `progress`, cancel writes `cancelled`. Slurm tells the
 * rest while it still knows the job: squeue (queued, running, and a
 * while after the end), then sacct where accounting is kept.
 */
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobs_int.h"

/* Slurm's view of the jobs: id -> state word and reason. */
struct slurm_view {
    char **id, **state, **reason;
    int n;
    bool ok;                 /* squeue answered */
};

static void
view_free(struct slurm_view *v)
{
    for (int i = 0; i < v->n; i++) {
        free(v->id[i]);
        free(v->state[i]);
        free(v->reason[i]);
    }
    free(v->id);
    free(v->state);
    free(v->reason);
}

static void
view_add(struct slurm_view *v, const char *id, const char *state, const char *reason)
{
    v->id = xreallocarray(v->id, (size_t)v->n + 1, sizeof *v->id);
    v->state = xreallocarray(v->state, (size_t)v->n + 1, sizeof *v->state);
    v->reason = xreallocarray(v->reason, (size_t)v->n + 1, sizeof *v->reason);
    v->id[v->n] = xstrdup(id);
    v->state[v->n] = xstrdup(state);
    v->reason[v->n] = xstrdup(reason);
    v->n++;
}

/* squeue for this user's jobs, all states Slurm still holds. */
static void
query_squeue(struct gs_sim *sim, struct slurm_view *v)
{
    memset(v, 0, sizeof *v);
    struct passwd *pw = getpwuid(getuid());
    char uid[32];
    snprintf(uid, sizeof uid, "%lu", (unsigned long)getuid());
    const char *argv[] = {"squeue", "-h", "--states=all", "-u", pw ? pw->pw_name : uid,
                          "-o",     "%i|%T|%r", NULL};
    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT, line = STRBUF_INIT;
    int rc = jobs_run(argv, &out, &err, JOBS_CMD_TIMEOUT);
    if (rc != 0) {
        jobs_first_line(sb_str(&err), &line);
        gs_warn(sim, "squeue %s: the states below come from the job folders alone",
                rc == -2   ? "did not answer"
                : rc == -1 ? "was not found"
                           : sb_str(&line));
    } else {
        v->ok = true;
        for (char *l = out.buf; l && *l;) {
            char *e = strchr(l, '\n');
            if (e)
                *e = '\0';
            char *b1 = strchr(l, '|'), *b2 = b1 ? strchr(b1 + 1, '|') : NULL;
            if (b2) {
                *b1 = *b2 = '\0';
                view_add(v, l, b1 + 1, b2 + 1);
            }
            l = e ? e + 1 : NULL;
        }
    }
    sb_free(&out);
    sb_free(&err);
    sb_free(&line);
}

/* sacct's state of one job, where accounting is kept; NULL otherwise. */
static char *
query_sacct(const char *id)
{
    const char *argv[] = {"sacct", "-n", "-P", "-X", "-j", id, "-o", "State", NULL};
    struct strbuf out = STRBUF_INIT;
    char *state = NULL;
    if (jobs_run(argv, &out, NULL, JOBS_CMD_TIMEOUT) == 0 && out.len) {
        size_t n = strcspn(out.buf, " \n|");
        if (n)
            state = xstrndup(out.buf, n);
    }
    sb_free(&out);
    return state;
}

/* The first number of FOLDER/NAME (and the second, when asked). */
static bool
read_numbers(const char *folder, const char *name, long long *a, long long *b)
{
    struct strbuf p = STRBUF_INIT, text = STRBUF_INIT;
    sb_printf(&p, "%s/%s", folder, name);
    bool ok = jobs_read_file(sb_str(&p), &text);
    if (ok) {
        char *end;
        *a = strtoll(text.buf, &end, 10);
        ok = end != text.buf;
        if (ok && b) {
            char *e2;
            *b = strtoll(end, &e2, 10);
            ok = e2 != end;
        }
    }
    sb_free(&p);
    sb_free(&text);
    return ok;
}

/* Is the line L (N bytes) an error? Pass 0: gensh's own ("gensh: ..." or
 * "gensh[K]: ...", not its warnings); pass 1: the launcher's and Slurm's
 * ("srun: error: ...", "slurmstepd: error: *** JOB 7 CANCELLED ..."). */
static bool
is_error_line(const char *l, size_t n, int pass)
{
    struct strbuf sb = STRBUF_INIT;
    sb_append(&sb, l, n);
    const char *s = sb_str(&sb);
    bool yes;
    if (pass == 0)
        yes = strncmp(s, "gensh", 5) == 0 && (s[5] == ':' || s[5] == '[')
              && !strstr(s, ": warning: ");
    else
        yes = strstr(s, "error:") || strstr(s, "ERROR") || strstr(s, "CANCELLED")
              || strstr(s, "Killed") || strstr(s, "Aborted") || strstr(s, "Segmentation fault");
    sb_free(&sb);
    return yes;
}

/* The first error line of FOLDER/NAME into WHY; false if none. */
static bool
first_error(const char *folder, const char *name, char **why)
{
    struct strbuf p = STRBUF_INIT, text = STRBUF_INIT;
    sb_printf(&p, "%s/%s", folder, name);
    bool found = false;
    if (jobs_read_file(sb_str(&p), &text)) {
        for (int pass = 0; pass < 2 && !found; pass++) {
            for (const char *l = text.buf; *l && !found;) {
                const char *e = strchr(l, '\n');
                size_t n = e ? (size_t)(e - l) : strlen(l);
                const char *s = l;
                /* A gensh error may follow output that had no newline yet, or
                 * the "[node K] " of another rank. */
                for (size_t k = 1; pass == 0 && k + 6 < n; k++)
                    if (strncmp(s + k, "gensh", 5) == 0 && (s[k + 5] == ':' || s[k + 5] == '[')) {
                        n -= k;
                        s += k;
                        break;
                    }
                if (n && is_error_line(s, n, pass)) {
                    *why = xstrndup(s, n);
                    found = true;
                }
                l = e ? e + 1 : l + n;
            }
        }
    }
    sb_free(&p);
    sb_free(&text);
    return found;
}

static enum job_state
from_slurm(const char *s)
{
    if (!s)
        return JOB_UNKNOWN;
    if (!strcmp(s, "PENDING") || !strcmp(s, "CONFIGURING") || !strcmp(s, "REQUEUED")
        || !strcmp(s, "RESV_DEL_HOLD") || !strcmp(s, "REQUEUE_HOLD"))
        return JOB_QUEUED;
    if (!strcmp(s, "RUNNING") || !strcmp(s, "COMPLETING") || !strcmp(s, "SUSPENDED")
        || !strcmp(s, "STOPPED") || !strcmp(s, "SIGNALING") || !strcmp(s, "STAGE_OUT"))
        return JOB_RUNNING;
    if (!strcmp(s, "COMPLETED"))
        return JOB_DONE;
    if (!strncmp(s, "CANCELLED", 9))
        return JOB_CANCELLED;
    return JOB_FAILED;
}

static char *
dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* Everything about the job in FOLDER with id ID. */
static void
describe(const char *id, const char *folder, const struct slurm_view *v, struct job_info *ji)
{
    memset(ji, 0, sizeof *ji);
    ji->id = xstrdup(id);
    ji->folder = xstrdup(folder);
    ji->exit_status = -1;
    struct job_record r;
    struct strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/job.txt", folder);
    if (job_record_read(sb_str(&p), &r)) {
        ji->name = dup_or_null(job_record_get(&r, "name"));
        ji->script = dup_or_null(job_record_get(&r, "script"));
        ji->partition = dup_or_null(job_record_get(&r, "partition"));
        ji->time_limit = dup_or_null(job_record_get(&r, "time"));
        const char *s = job_record_get(&r, "nodes");
        ji->nodes = s ? atoi(s) : 1;
        s = job_record_get(&r, "gpus");
        ji->gpus = s ? atoi(s) : 0;
        s = job_record_get(&r, "submitted");
        ji->submitted = s ? atoll(s) : 0;
        job_record_free(&r);
    }
    if (ji->nodes < 1)
        ji->nodes = 1;
    if (ji->nodes > 100000)
        ji->nodes = 100000;
    ji->ranks = xcalloc((size_t)ji->nodes, sizeof *ji->ranks);
    for (int k = 0; k < ji->nodes; k++) {
        long long st;
        sb_reset(&p);
        sb_printf(&p, "ranks/%d", k);
        ji->ranks[k] = read_numbers(folder, sb_str(&p), &st, NULL) ? (int)st : -1;
    }
    long long a, b;
    if (read_numbers(folder, "started", &a, NULL))
        ji->started = a;
    bool ended = read_numbers(folder, "ended", &a, &b);
    if (ended) {
        ji->ended = a;
        ji->exit_status = (int)b;
    }
    bool cancelled = read_numbers(folder, "cancelled", &a, NULL);
    struct strbuf prog = STRBUF_INIT;
    sb_reset(&p);
    sb_printf(&p, "%s/progress", folder);
    if (jobs_read_file(sb_str(&p), &prog)) {
        struct job_record pr = {0};
        /* The same KEY=VALUE form as job.txt. */
        if (job_record_read(sb_str(&p), &pr)) {
            const char *t = job_record_get(&pr, "time"), *n = job_record_get(&pr, "step");
            if (t) {
                ji->has_model_time = true;
                ji->model_time = strtod(t, NULL);
                ji->model_step = n ? atol(n) : 0;
            }
            job_record_free(&pr);
        }
    }
    sb_free(&prog);

    const char *sstate = NULL, *reason = NULL;
    for (int i = 0; v && i < v->n; i++)
        if (strcmp(v->id[i], id) == 0) {
            sstate = v->state[i];
            reason = v->reason[i];
        }
    char *acct = NULL;
    if (!ended && !sstate && !(v && !v->ok))
        sstate = acct = query_sacct(id);
    ji->slurm_state = dup_or_null(sstate);
    enum job_state ss = from_slurm(sstate);

    if (ended) {
        ji->state = ji->exit_status == 0 ? JOB_DONE : cancelled ? JOB_CANCELLED : JOB_FAILED;
        if (ji->state == JOB_FAILED && ss == JOB_CANCELLED)
            ji->state = JOB_CANCELLED;
    } else if (ss == JOB_QUEUED || ss == JOB_RUNNING) {
        ji->state = ss;
        if (ss == JOB_QUEUED && reason && strcmp(reason, "None") != 0)
            ji->why = xstrdup(reason);
    } else if (ss != JOB_UNKNOWN) {
        ji->state = cancelled ? JOB_CANCELLED : ss;
        if (ji->state == JOB_FAILED && sstate)
            ji->why = xstrdup(!strcmp(sstate, "TIMEOUT")         ? "Slurm stopped it at its time limit"
                              : !strcmp(sstate, "OUT_OF_MEMORY") ? "it ran out of memory"
                              : !strcmp(sstate, "NODE_FAIL")     ? "its node failed"
                                                                 : sstate);
    } else if (cancelled) {
        ji->state = JOB_CANCELLED;
    } else if (ji->started) {
        ji->state = JOB_FAILED;
        ji->why = xstrdup("it ended without recording an exit status (killed by Slurm: time limit "
                          "or node failure?)");
    } else {
        ji->state = JOB_UNKNOWN;
        ji->why = xstrdup(v && !v->ok ? "Slurm could not be asked"
                                      : "Slurm no longer knows this job and it never started");
    }
    free(acct);
    if (ji->state == JOB_FAILED) {
        char *line = NULL;
        if (first_error(folder, "gensh.log", &line) || first_error(folder, "slurm.out", &line)) {
            free(ji->why);
            ji->why = line;
        }
    }
    sb_free(&p);
}

static int
cmp_ids(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    long long u = atoll(x), w = atoll(y);
    return u < w ? -1 : u > w ? 1 : strcmp(x, y);
}

enum gs_status
jobs_list(struct gs_sim *sim, const char *id, struct job_info **out, int *n)
{
    *out = NULL;
    *n = 0;
    struct strbuf folder = STRBUF_INIT;
    char **ids = NULL;
    int nids = 0;
    if (id) {
        if (jobs_find(sim, id, &folder) != GS_OK) {
            sb_free(&folder);
            return GS_ERR;
        }
        ids = xcalloc(1, sizeof *ids);
        ids[nids++] = xstrdup(id);
    } else {
        struct strbuf dir = STRBUF_INIT;
        jobs_dir(&dir);
        DIR *d = opendir(sb_str(&dir));
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (!jobs_id_ok(e->d_name))
                continue;
            struct strbuf rec = STRBUF_INIT;
            sb_printf(&rec, "%s/%s/job.txt", sb_str(&dir), e->d_name);
            if (jobs_is_file(sb_str(&rec))) {
                ids = xreallocarray(ids, (size_t)nids + 1, sizeof *ids);
                ids[nids++] = xstrdup(e->d_name);
            }
            sb_free(&rec);
        }
        if (d)
            closedir(d);
        sb_free(&dir);
        qsort(ids, (size_t)nids, sizeof *ids, cmp_ids);
    }
    struct slurm_view v = {0};
    if (nids > 0)
        query_squeue(sim, &v);
    *out = xcalloc((size_t)(nids ? nids : 1), sizeof **out);
    for (int i = 0; i < nids; i++) {
        if (!id && jobs_find(sim, ids[i], &folder) != GS_OK) {
            gs_diag_clear(sim);
            continue;
        }
        describe(ids[i], sb_str(&folder), &v, &(*out)[*n]);
        (*n)++;
    }
    for (int i = 0; i < nids; i++)
        free(ids[i]);
    free(ids);
    view_free(&v);
    sb_free(&folder);
    return GS_OK;
}

void
job_info_free(struct job_info *ji)
{
    free(ji->id);
    free(ji->name);
    free(ji->folder);
    free(ji->script);
    free(ji->partition);
    free(ji->time_limit);
    free(ji->slurm_state);
    free(ji->ranks);
    free(ji->why);
    memset(ji, 0, sizeof *ji);
}

void
job_infos_free(struct job_info *v, int n)
{
    for (int i = 0; i < n; i++)
        job_info_free(&v[i]);
    free(v);
}

static bool
ended(enum job_state s)
{
    return s == JOB_DONE || s == JOB_FAILED || s == JOB_CANCELLED;
}

enum gs_status
jobs_wait(struct gs_sim *sim, const char *id, double timeout, struct job_info *info)
{
    double t0 = jobs_now(), pause = 0.25;
    memset(info, 0, sizeof *info);
    for (;;) {
        struct job_info *v;
        int n;
        if (jobs_list(sim, id, &v, &n) != GS_OK)
            return GS_ERR;
        if (n == 1 && (ended(v[0].state) || v[0].state == JOB_UNKNOWN)) {
            *info = v[0];
            memset(&v[0], 0, sizeof v[0]);
            job_infos_free(v, n);
            return GS_OK;
        }
        enum job_state s = n == 1 ? v[0].state : JOB_UNKNOWN;
        job_infos_free(v, n);
        if (sim->interrupted)
            return gs_error(sim, "interrupted while waiting for job %s (%s)", id,
                            job_state_name(s));
        if (timeout > 0 && jobs_now() - t0 >= timeout)
            return gs_error(sim, "job %s is still %s after %g s", id, job_state_name(s), timeout);
        /* Asked often at first, then less (a cluster's controller is shared). */
        struct timespec ts = {(time_t)pause, (long)((pause - (double)(time_t)pause) * 1e9)};
        nanosleep(&ts, NULL);
        pause = pause * 1.5 < 10 ? pause * 1.5 : 10;
    }
}
