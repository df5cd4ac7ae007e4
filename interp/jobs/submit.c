/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * submit.c: `submit`: checks what the cluster has (sbatch, the partition,
 * its GPUs) before anything is made, then the job folder, its batch
 * script, and sbatch. Any failure removes the folder again.
 *
 * The batch script starts one gensh rank a task, through srun with PMIx
 * where this Slurm has it (gensh joins that MPI job: parallel/par.c's
 * par_in_job), else through mpiexec inside the allocation. Each rank's
 * exit status goes to ranks/K, the job's to `ended`; a SIGTERM (scancel,
 * the time limit) reaches the ranks, and `ended` is still written.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../parallel/par.h"
#include "jobs_int.h"

const char *
job_state_name(enum job_state s)
{
    switch (s) {
    case JOB_QUEUED:
        return "queued";
    case JOB_RUNNING:
        return "running";
    case JOB_DONE:
        return "done";
    case JOB_FAILED:
        return "failed";
    case JOB_CANCELLED:
        return "cancelled";
    case JOB_UNKNOWN:
        break;
    }
    return "unknown";
}

void
jobs_dir(struct strbuf *sb)
{
    sb_reset(sb);
    const char *d = getenv("GENSH_JOBS_DIR");
    if (d && *d) {
        sb_puts(sb, d);
    } else {
        const char *home = getenv("HOME");
        sb_printf(sb, "%s/gensh-jobs", home && *home ? home : ".");
    }
    while (sb->len > 1 && sb->buf[sb->len - 1] == '/')
        sb->buf[--sb->len] = '\0';
}

/* The largest count of GPUs one node offers in a GRES list ("gpu:2",
 * "gpu:a100:4(S:0-1),shard:8", "(null)"). */
static long
gres_gpus(const char *gres)
{
    long best = 0;
    char *copy = xstrdup(gres), *save = NULL;
    for (char *g = strtok_r(copy, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
        if (strncmp(g, "gpu", 3) != 0 || (g[3] != ':' && g[3] != '\0'))
            continue;
        char *paren = strchr(g, '(');
        if (paren)
            *paren = '\0';
        char *last = strrchr(g, ':');
        long n = last ? strtol(last + 1, NULL, 10) : 1;
        if (n > best)
            best = n;
    }
    free(copy);
    return best;
}

/* The partition exists, and has a node with GPUS GPUs (when asked). */
static enum gs_status
check_cluster(struct gs_sim *sim, const struct job_request *rq)
{
    struct strbuf out = STRBUF_INIT, names = STRBUF_INIT, gres = STRBUF_INIT;
    const char *argv[] = {"sinfo", "-h", "-o", "%P|%G", NULL};
    enum gs_status st = GS_OK;
    if (jobs_slurm(sim, argv, &out) != GS_OK) {
        sb_free(&out);
        return GS_ERR;
    }
    bool found = false;
    long gpus = 0;
    for (char *line = out.buf; line && *line;) {
        char *e = strchr(line, '\n');
        if (e)
            *e = '\0';
        char *bar = strchr(line, '|');
        if (bar) {
            *bar = '\0';
            size_t n = strlen(line);
            bool is_default = n > 0 && line[n - 1] == '*';
            if (is_default)
                line[n - 1] = '\0';
            if (!strstr(sb_str(&names), line) || !names.len) {
                if (names.len)
                    sb_puts(&names, ", ");
                sb_puts(&names, line);
            }
            if (rq->partition ? strcmp(line, rq->partition) == 0 : is_default) {
                found = true;
                long g = gres_gpus(bar + 1);
                gpus = g > gpus ? g : gpus;
                if (gres.len)
                    sb_putc(&gres, ',');
                sb_puts(&gres, bar + 1);
            }
        }
        line = e ? e + 1 : NULL;
    }
    if (rq->partition && !found)
        st = gs_error(sim, "unknown partition '%s' (this cluster has: %s)", rq->partition,
                      names.len ? sb_str(&names) : "none");
    else if (rq->gpus > 0 && gpus < rq->gpus)
        st = gs_error(sim, "-gpus %d: %s%s%s has %s (sinfo's GRES: %s)", rq->gpus,
                      rq->partition ? "partition '" : "the default partition",
                      rq->partition ? rq->partition : "", rq->partition ? "'" : "",
                      gpus ? "fewer GPUs on any one node" : "no GPUs",
                      gres.len ? sb_str(&gres) : "none");
    sb_free(&out);
    sb_free(&names);
    sb_free(&gres);
    return st;
}

/* The job's name: -name, else the script's base name without .g/.lua;
 * only letters, digits, '-', '_' and '.'. */
static char *
job_name(const struct job_request *rq)
{
    const char *b = rq->name;
    if (!b) {
        b = strrchr(rq->script, '/');
        b = b ? b + 1 : rq->script;
    }
    char *n = xstrdup(b);
    if (!rq->name) {
        char *dot = strrchr(n, '.');
        if (dot && (strcmp(dot, ".g") == 0 || strcmp(dot, ".lua") == 0) && dot != n)
            *dot = '\0';
    }
    for (char *p = n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
              || *p == '-' || *p == '_' || *p == '.'))
            *p = '_';
    return n;
}

static const char rank_sh[] =
    "#!/bin/sh\n"
    "# rank.sh: one rank of a gensh job (written by gensh submit): runs the\n"
    "# command it is given and records its exit status in ranks/RANK.\n"
    "r=${SLURM_PROCID:-${OMPI_COMM_WORLD_RANK:-${PMIX_RANK:-0}}}\n"
    "\"$@\"\n"
    "rc=$?\n"
    "echo $rc >\"$GENSH_JOB_DIR/ranks/$r\"\n"
    "exit $rc\n";

/* The Slurm batch script. */
static void
write_job_sh(struct strbuf *sb, const struct job_request *rq, const char *name,
             const char *folder, const char *gensh, const char *script)
{
    sb_printf(sb, "#!/bin/sh\n"
                  "# gensh job '%s': written by gensh submit (gensh %s).\n"
                  "# Runs %s on %d rank%s in run/; job.txt has the details.\n",
              name, PACKAGE_VERSION, script, rq->nodes, rq->nodes == 1 ? "" : "s");
    sb_printf(sb, "#SBATCH --job-name=gensh-%s\n", name);
    sb_printf(sb, "#SBATCH --ntasks=%d\n", rq->nodes);
    sb_printf(sb, "#SBATCH --output=%s/slurm.out\n", folder);
    sb_printf(sb, "#SBATCH --chdir=%s/run\n", folder);
    if (rq->time)
        sb_printf(sb, "#SBATCH --time=%s\n", rq->time);
    if (rq->partition)
        sb_printf(sb, "#SBATCH --partition=%s\n", rq->partition);
    if (rq->gpus > 0)
        sb_printf(sb, "#SBATCH --gpus-per-task=%d\n", rq->gpus);
    sb_puts(sb, "job=");
    jobs_sh_quote(sb, folder);
    sb_puts(sb, "\ncd \"$job/run\" || exit 1\n"
                "GENSH_JOB_DIR=$job GENSH_PROGRESS=$job/progress\n"
                "export GENSH_JOB_DIR GENSH_PROGRESS\n"
                "echo \"$(date +%s) $(hostname)\" >\"$job/started\"\n"
                "# One rank a task: srun with PMIx where this Slurm has it, else\n"
                "# mpiexec inside the allocation.\n"
                "n=${SLURM_NTASKS:-1}\n"
                "if srun --mpi=list 2>&1 | grep -q pmix; then\n"
                "    set -- srun --mpi=pmix --kill-on-bad-exit=1 -n \"$n\"\n"
                "elif [ \"$n\" -gt 1 ] && command -v mpiexec >/dev/null; then\n"
                "    set -- mpiexec -n \"$n\"\n"
                "else\n"
                "    set -- srun --kill-on-bad-exit=1 -n \"$n\"\n"
                "fi\n"
                "\"$@\" \"$job/rank.sh\" ");
    jobs_sh_quote(sb, gensh);
    sb_puts(sb, " -batch ");
    jobs_sh_quote(sb, script);
    for (int i = 0; i < rq->nargs; i++) {
        sb_putc(sb, ' ');
        jobs_sh_quote(sb, rq->args[i]);
    }
    sb_puts(sb, " >\"$job/gensh.log\" 2>&1 &\n"
                "pid=$!\n"
                "trap 'kill -TERM $pid 2>/dev/null' TERM INT\n"
                "wait $pid\n"
                "rc=$?\n"
                "# wait returns early when a signal comes: wait again for the ranks.\n"
                "while kill -0 $pid 2>/dev/null; do wait $pid; rc=$?; done\n"
                "echo \"$(date +%s) $rc\" >\"$job/ended\"\n"
                "exit $rc\n");
}

static void
write_record(struct strbuf *sb, const struct job_request *rq, const char *name,
             const struct job_files *f, const char *gensh, const char *dest)
{
    sb_printf(sb, "# gensh job record (gensh submit); KEY=VALUE, one a line\n"
                  "name=%s\nscript=%s\nnodes=%d\ngpus=%d\n",
              name, dest, rq->nodes, rq->gpus);
    if (rq->time)
        sb_printf(sb, "time=%s\n", rq->time);
    if (rq->partition)
        sb_printf(sb, "partition=%s\n", rq->partition);
    sb_printf(sb, "submitted=%lld\nsubmit_dir=%s\ngensh=%s\nversion=%s\n",
              (long long)time(NULL), f->cwd, gensh, PACKAGE_VERSION);
    if (rq->cmdline) {
        sb_puts(sb, "command=");
        for (const char *p = rq->cmdline; *p; p++)
            sb_putc(sb, *p == '\n' ? ' ' : *p);
        sb_putc(sb, '\n');
    }
    for (int i = 0; i < rq->nargs; i++)
        sb_printf(sb, "arg=%s\n", rq->args[i]);
    for (int i = 0; i < f->n; i++)
        sb_printf(sb, "input=%s\n", f->dest[i]);
}

/* Makes the folder's content; false with the reason recorded. */
static enum gs_status
fill_folder(struct gs_sim *sim, const char *folder, const struct job_request *rq, const char *name,
            const struct job_files *f, const char *gensh)
{
    struct strbuf p = STRBUF_INIT, text = STRBUF_INIT;
    enum gs_status st = GS_OK;
    for (int i = 0; st == GS_OK && i < f->n; i++) {
        sb_reset(&p);
        sb_printf(&p, "%s/run/%s", folder, f->dest[i]);
        if (!jobs_mkdirs_for(sb_str(&p)) || !jobs_copy_file(f->src[i], sb_str(&p)))
            st = gs_error(sim, "cannot copy '%s' into the job folder: %s", f->src[i],
                          strerror(errno));
    }
    sb_reset(&p);
    sb_printf(&p, "%s/ranks", folder);
    if (st == GS_OK && mkdir(sb_str(&p), 0755) != 0)
        st = gs_error(sim, "cannot make '%s': %s", sb_str(&p), strerror(errno));
    sb_reset(&p);
    sb_printf(&p, "%s/rank.sh", folder);
    if (st == GS_OK && !jobs_write_file(sb_str(&p), rank_sh, 0755))
        st = gs_error(sim, "cannot write '%s': %s", sb_str(&p), strerror(errno));
    if (st == GS_OK) {
        write_job_sh(&text, rq, name, folder, gensh, f->dest[0]);
        sb_reset(&p);
        sb_printf(&p, "%s/job.sh", folder);
        if (!jobs_write_file(sb_str(&p), sb_str(&text), 0755))
            st = gs_error(sim, "cannot write '%s': %s", sb_str(&p), strerror(errno));
    }
    if (st == GS_OK) {
        sb_reset(&text);
        write_record(&text, rq, name, f, gensh, f->dest[0]);
        sb_reset(&p);
        sb_printf(&p, "%s/job.txt.new", folder);
        if (!jobs_write_file(sb_str(&p), sb_str(&text), 0644))
            st = gs_error(sim, "cannot write '%s': %s", sb_str(&p), strerror(errno));
    }
    sb_free(&p);
    sb_free(&text);
    return st;
}

/* sbatch --parsable FOLDER/job.sh: the id into ID. */
static enum gs_status
sbatch(struct gs_sim *sim, const char *sbatch_path, const char *folder, struct strbuf *id)
{
    struct strbuf script = STRBUF_INIT, out = STRBUF_INIT;
    sb_printf(&script, "%s/job.sh", folder);
    const char *argv[] = {sbatch_path, "--parsable", sb_str(&script), NULL};
    enum gs_status st = jobs_slurm(sim, argv, &out);
    if (st == GS_OK) {
        /* "42" or "42;cluster" */
        size_t n = strspn(sb_str(&out), "0123456789_");
        sb_reset(id);
        sb_append(id, sb_str(&out), n);
        if (!jobs_id_ok(sb_str(id)))
            st = gs_error(sim, "sbatch printed no job id (it printed '%s')", sb_str(&out));
    }
    sb_free(&script);
    sb_free(&out);
    return st;
}

enum gs_status
jobs_submit(struct gs_sim *sim, const struct job_request *rq, struct strbuf *id)
{
    /* First what can be checked without making anything. */
    if (rq->nodes < 1)
        return gs_error(sim, "-nodes expects a positive number of ranks, got %d", rq->nodes);
    if (rq->gpus < 0)
        return gs_error(sim, "-gpus expects a number of GPUs >= 0, got %d", rq->gpus);
    if (rq->nodes > 1 && !par_have_mpi())
        return gs_error(sim, "-nodes %d: this gensh was built without MPI, so its jobs run on one "
                             "rank only",
                        rq->nodes);
    struct strbuf sbatch_path = STRBUF_INIT;
    if (!gs_which("sbatch", &sbatch_path)) {
        sb_free(&sbatch_path);
        return gs_error(sim, "sbatch was not found along PATH: submit needs Slurm's client "
                             "commands (Debian: slurm-client) on a machine of the cluster");
    }
    struct job_files f;
    if (job_files_collect(sim, rq, &f) != GS_OK) {
        sb_free(&sbatch_path);
        return GS_ERR;
    }
    enum gs_status st = check_cluster(sim, rq);
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (st == GS_OK && n <= 0)
        st = gs_error(sim, "cannot tell where this gensh is (/proc/self/exe: %s)",
                      strerror(errno));
    if (n > 0)
        self[n] = '\0';

    /* The folder: NAME.XXXXXX under the jobs directory. */
    char *name = job_name(rq);
    struct strbuf dir = STRBUF_INIT, folder = STRBUF_INIT, p = STRBUF_INIT;
    jobs_dir(&dir);
    if (st == GS_OK) {
        sb_printf(&p, "%s/x", sb_str(&dir));
        if (!jobs_mkdirs_for(sb_str(&p)))
            st = gs_error(sim, "cannot make the jobs folder '%s': %s", sb_str(&dir),
                          strerror(errno));
    }
    if (st == GS_OK) {
        char *abs = realpath(sb_str(&dir), NULL);
        sb_printf(&folder, "%s/%s.XXXXXX", abs ? abs : sb_str(&dir), name);
        free(abs);
        if (!mkdtemp(folder.buf)) {
            st = gs_error(sim, "cannot make a job folder in '%s': %s", sb_str(&dir),
                          strerror(errno));
            sb_reset(&folder);
        } else {
            chmod(folder.buf, 0755);
        }
    }
    if (st == GS_OK)
        st = fill_folder(sim, sb_str(&folder), rq, name, &f, self);
    bool submitted = false;
    if (st == GS_OK)
        st = sbatch(sim, sb_str(&sbatch_path), sb_str(&folder), id);
    submitted = st == GS_OK;
    /* The record gets its id; the id its link to the folder. */
    if (st == GS_OK) {
        struct strbuf rec = STRBUF_INIT, text = STRBUF_INIT;
        sb_printf(&rec, "%s/job.txt.new", sb_str(&folder));
        if (!jobs_read_file(sb_str(&rec), &text))
            st = gs_error(sim, "cannot read '%s' back: %s", sb_str(&rec), strerror(errno));
        sb_printf(&text, "id=%s\n", sb_str(id));
        sb_reset(&p);
        sb_printf(&p, "%s/job.txt", sb_str(&folder));
        if (st == GS_OK && !jobs_write_file(sb_str(&p), sb_str(&text), 0644))
            st = gs_error(sim, "cannot write '%s': %s", sb_str(&p), strerror(errno));
        unlink(sb_str(&rec));
        sb_reset(&p);
        sb_printf(&p, "%s/%s", sb_str(&dir), sb_str(id));
        const char *base = strrchr(sb_str(&folder), '/') + 1;
        if (st == GS_OK && symlink(base, sb_str(&p)) != 0)
            st = gs_error(sim, "cannot make the link '%s': %s", sb_str(&p), strerror(errno));
        sb_free(&rec);
        sb_free(&text);
    }
    if (st != GS_OK && submitted) {
        /* Submitted but not recorded: take it back. */
        const char *argv[] = {"scancel", sb_str(id), NULL};
        jobs_run(argv, NULL, NULL, JOBS_CMD_TIMEOUT);
        unlink(sb_str(&p));
    }
    if (st != GS_OK && folder.len)
        jobs_remove_tree(sb_str(&folder));
    free(name);
    sb_free(&dir);
    sb_free(&folder);
    sb_free(&p);
    sb_free(&sbatch_path);
    job_files_free(&f);
    return st;
}
