/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_jobs.c: the jobs family: submit, jobs, fetch and cancel, gensh runs
 * on a Slurm cluster's queue (interp/jobs/ does the work; docs/jobs.md).
 * The shell's `gensh submit ...` runs these same commands. Every listing
 * comes as text or, with -json, as one JSON object.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../cmd.h"
#include "../jobs/jobs.h"

static enum gs_status cmd_cancel_exec(struct gs_call *call);
static enum gs_status cmd_fetch_exec(struct gs_call *call);
static enum gs_status cmd_jobs_exec(struct gs_call *call);
static enum gs_status cmd_submit_exec(struct gs_call *call);

static const struct gs_opt cancel_opts[] = {
    {"-json", 0, GS_ARG_STR,
     "print the result as JSON"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_cancel_entry = {
    .name = "cancel",
    .family = "jobs",
    .summary = "cancel a gensh job on the cluster's queue",
    .usage = "id [-json]",
    .pos = {{"id", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = cancel_opts,
    .flags = GS_CMD_NO_REMOTE,
    .exec = cmd_cancel_exec,
};

static const struct gs_opt fetch_opts[] = {
    {"-json", 0, GS_ARG_STR,
     "print the result as JSON"},
    {"-o", 1, GS_ARG_STR,
     "dir: copy the job's files into dir instead of the current directory"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_fetch_entry = {
    .name = "fetch",
    .family = "jobs",
    .summary = "copy a job's output files and logs back (to job-ID, or -o DIR)",
    .usage = "id [-o dir] [-json]",
    .pos = {{"id", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = 1,
    .opts = fetch_opts,
    .flags = GS_CMD_RESULT | GS_CMD_NO_REMOTE,
    .exec = cmd_fetch_exec,
};

static const struct gs_opt jobs_opts[] = {
    {"-json", 0, GS_ARG_STR,
     "print the jobs as JSON"},
    {"-quiet", 0, GS_ARG_STR,
     "print nothing (for {jobs ID -wait -quiet}: the state is the result)"},
    {"-timeout", 1, GS_ARG_REAL,
     "seconds: with -wait, give up after this long"},
    {"-wait", 0, GS_ARG_STR,
     "wait until the job has ended"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_jobs_entry = {
    .name = "jobs",
    .family = "jobs",
    .summary = "list gensh jobs and their states; with an id, one job (and its state as the result)",
    .usage = "[id] [-wait] [-timeout seconds] [-quiet] [-json]",
    .pos = {{"id", GS_ARG_STR}},
    .min_pos = 0,
    .max_pos = 1,
    .opts = jobs_opts,
    .flags = GS_CMD_RESULT | GS_CMD_NO_REMOTE,
    .exec = cmd_jobs_exec,
};

#define SUBMIT_USAGE                                                                               \
    "script [arguments...] [-nodes n] [-gpus g] [-time limit] [-partition p] [-input file...] "   \
    "[-name name] [-json] [-- arguments...]"

/* The table entry takes its words raw so that the script's own arguments
 * after "--" may look like options; the words before it go through the
 * shared parser with this entry. */
static const struct gs_opt submit_opts[] = {
    {"-gpus", 1, GS_ARG_INT,
     "g: GPUs per node to ask Slurm for"},
    {"-input", GS_VARARGS, GS_ARG_STR,
     "file...: files and folders the job needs, copied into its folder"},
    {"-json", 0, GS_ARG_STR,
     "print the job as JSON"},
    {"-name", 1, GS_ARG_STR,
     "name: the job's name in the queue"},
    {"-nodes", 1, GS_ARG_INT,
     "n: MPI ranks to run the script on"},
    {"-partition", 1, GS_ARG_STR,
     "p: the Slurm partition to queue in"},
    {"-time", 1, GS_ARG_STR,
     "limit: the time limit Slurm enforces (minutes, or [D-]HH:MM:SS)"},
    {NULL, 0, 0, NULL},
};

static enum gs_status
submit_parsed(struct gs_call *call)
{
    (void)call;
    return GS_OK;
}

static const struct gs_cmd submit_options_entry = {
    .name = "submit",
    .family = "jobs",
    .summary = "submit a script as a job",
    .usage = SUBMIT_USAGE,
    .pos = {{"script", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .opts = submit_opts,
    .exec = submit_parsed,
};

const struct gs_cmd cmd_submit_entry = {
    .name = "submit",
    .family = "jobs",
    .summary = "submit a script, with its input files, as a job on the cluster's queue (Slurm)",
    .usage = SUBMIT_USAGE,
    .pos = {{"script", GS_ARG_STR}},
    .min_pos = 1,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RAW | GS_CMD_RESULT | GS_CMD_NO_REMOTE,
    .exec = cmd_submit_exec,
};

/* --- formatting -------------------------------------------------------------- */

static void
json_str(struct strbuf *sb, const char *s)
{
    if (!s) {
        sb_puts(sb, "null");
        return;
    }
    sb_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_printf(sb, "\\%c", *p);
        else if (*p == '\n')
            sb_puts(sb, "\\n");
        else if (*p == '\t')
            sb_puts(sb, "\\t");
        else if (*p < 0x20)
            sb_printf(sb, "\\u%04x", *p);
        else
            sb_putc(sb, (char)*p);
    }
    sb_putc(sb, '"');
}

/* A Unix time as local "YYYY-MM-DD HH:MM:SS" (ISO 8601 with its offset
 * for JSON); "-" (null) when 0. */
static void
put_time(struct strbuf *sb, long long t, bool json)
{
    if (!t) {
        sb_puts(sb, json ? "null" : "-");
        return;
    }
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[64];
    localtime_r(&tt, &tm);
    strftime(buf, sizeof buf, json ? "\"%Y-%m-%dT%H:%M:%S%z\"" : "%Y-%m-%d %H:%M:%S", &tm);
    sb_puts(sb, buf);
}

/* Seconds the job has run (so far), or -1 before it starts. */
static long long
elapsed(const struct job_info *ji)
{
    if (!ji->started)
        return -1;
    long long end = ji->ended ? ji->ended : ji->state == JOB_RUNNING ? (long long)time(NULL) : 0;
    return end >= ji->started ? end - ji->started : -1;
}

/* Slurm's form: [D-]H:MM:SS. */
static void
put_elapsed(struct strbuf *sb, long long s)
{
    if (s < 0) {
        sb_puts(sb, "-");
        return;
    }
    if (s >= 86400)
        sb_printf(sb, "%lld-%02lld:%02lld:%02lld", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    else
        sb_printf(sb, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
}

/* "exit 0" for every rank, or each rank's status where they differ. */
static void
put_ranks(struct strbuf *sb, const struct job_info *ji)
{
    bool same = true;
    for (int k = 1; k < ji->nodes; k++)
        same = same && ji->ranks[k] == ji->ranks[0];
    if (same && ji->ranks[0] >= 0) {
        sb_printf(sb, "%sexit %d", ji->nodes == 1 ? "" : "all ", ji->ranks[0]);
        return;
    }
    for (int k = 0; k < ji->nodes; k++) {
        if (k)
            sb_puts(sb, ", ");
        if (ji->ranks[k] < 0)
            sb_printf(sb, "%d: no status", k);
        else if (ji->ranks[k] > 128)
            sb_printf(sb, "%d: signal %d", k, ji->ranks[k] - 128);
        else
            sb_printf(sb, "%d: exit %d", k, ji->ranks[k]);
    }
}

static bool
any_rank_status(const struct job_info *ji)
{
    for (int k = 0; k < ji->nodes; k++)
        if (ji->ranks[k] >= 0)
            return true;
    return false;
}

static void
json_job(struct strbuf *sb, const struct job_info *ji)
{
    sb_puts(sb, "{\"id\": ");
    json_str(sb, ji->id);
    sb_puts(sb, ", \"name\": ");
    json_str(sb, ji->name);
    sb_puts(sb, ", \"state\": ");
    json_str(sb, job_state_name(ji->state));
    sb_puts(sb, ", \"slurm_state\": ");
    json_str(sb, ji->slurm_state);
    sb_puts(sb, ", \"script\": ");
    json_str(sb, ji->script);
    sb_printf(sb, ", \"nodes\": %d, \"gpus\": %d, \"partition\": ", ji->nodes, ji->gpus);
    json_str(sb, ji->partition);
    sb_puts(sb, ", \"time_limit\": ");
    json_str(sb, ji->time_limit);
    sb_puts(sb, ", \"submitted\": ");
    put_time(sb, ji->submitted, true);
    sb_puts(sb, ", \"started\": ");
    put_time(sb, ji->started, true);
    sb_puts(sb, ", \"ended\": ");
    put_time(sb, ji->ended, true);
    long long e = elapsed(ji);
    if (e >= 0)
        sb_printf(sb, ", \"elapsed_s\": %lld", e);
    else
        sb_puts(sb, ", \"elapsed_s\": null");
    if (ji->has_model_time)
        sb_printf(sb, ", \"model_time\": %.9g, \"model_step\": %ld", ji->model_time,
                  ji->model_step);
    else
        sb_puts(sb, ", \"model_time\": null, \"model_step\": null");
    if (ji->exit_status >= 0)
        sb_printf(sb, ", \"exit_status\": %d", ji->exit_status);
    else
        sb_puts(sb, ", \"exit_status\": null");
    sb_puts(sb, ", \"ranks\": [");
    for (int k = 0; k < ji->nodes; k++) {
        if (k)
            sb_puts(sb, ", ");
        if (ji->ranks[k] >= 0)
            sb_printf(sb, "%d", ji->ranks[k]);
        else
            sb_puts(sb, "null");
    }
    sb_puts(sb, "], \"why\": ");
    json_str(sb, ji->why);
    sb_puts(sb, ", \"folder\": ");
    json_str(sb, ji->folder);
    sb_puts(sb, "}");
}

static void
put_model_time(struct strbuf *sb, const struct job_info *ji)
{
    if (ji->has_model_time)
        sb_printf(sb, "%.6g s", ji->model_time);
    else
        sb_puts(sb, "-");
}

/* The table of `jobs`: one line a job, and a "why" line under a failed or
 * waiting one. */
static void
text_table(struct strbuf *sb, const struct job_info *v, int n)
{
    static const char *const head[] = {"ID", "NAME", "STATE", "RANKS", "STARTED", "ELAPSED",
                                       "MODEL TIME"};
    enum { NCOL = 7 };
    struct strbuf *cell = xcalloc((size_t)(n + 1) * NCOL, sizeof *cell);
    int width[NCOL] = {0};
    for (int c = 0; c < NCOL; c++)
        sb_puts(&cell[c], head[c]);
    for (int i = 0; i < n; i++) {
        struct strbuf *r = &cell[(i + 1) * NCOL];
        const struct job_info *ji = &v[i];
        sb_puts(&r[0], ji->id);
        sb_puts(&r[1], ji->name ? ji->name : "-");
        sb_puts(&r[2], job_state_name(ji->state));
        sb_printf(&r[3], "%d", ji->nodes);
        put_time(&r[4], ji->started, false);
        put_elapsed(&r[5], elapsed(ji));
        put_model_time(&r[6], ji);
    }
    for (int i = 0; i <= n; i++)
        for (int c = 0; c < NCOL; c++)
            if ((int)cell[i * NCOL + c].len > width[c])
                width[c] = (int)cell[i * NCOL + c].len;
    for (int i = 0; i <= n; i++) {
        struct strbuf line = STRBUF_INIT;
        for (int c = 0; c < NCOL; c++)
            sb_printf(&line, "%-*s  ", width[c], sb_str(&cell[i * NCOL + c]));
        while (line.len && line.buf[line.len - 1] == ' ')
            line.buf[--line.len] = '\0';
        sb_printf(sb, "%s\n", sb_str(&line));
        sb_free(&line);
        if (i > 0 && v[i - 1].why)
            sb_printf(sb, "%*s  why: %s\n", width[0], "", v[i - 1].why);
    }
    for (int i = 0; i < (n + 1) * NCOL; i++)
        sb_free(&cell[i]);
    free(cell);
}

/* `jobs ID`: everything known about one job. */
static void
text_detail(struct strbuf *sb, const struct job_info *ji)
{
    sb_printf(sb, "job %s (%s): %s", ji->id, ji->name ? ji->name : "-",
              job_state_name(ji->state));
    if (ji->slurm_state)
        sb_printf(sb, " (Slurm: %s)", ji->slurm_state);
    sb_puts(sb, "\n");
    if (ji->why)
        sb_printf(sb, "  why:        %s\n", ji->why);
    sb_printf(sb, "  script:     %s\n", ji->script ? ji->script : "-");
    sb_printf(sb, "  ranks:      %d", ji->nodes);
    if (any_rank_status(ji)) {
        sb_puts(sb, " (");
        put_ranks(sb, ji);
        sb_puts(sb, ")");
    }
    sb_puts(sb, "\n");
    if (ji->gpus)
        sb_printf(sb, "  gpus:       %d a rank\n", ji->gpus);
    sb_printf(sb, "  partition:  %s\n", ji->partition ? ji->partition : "(the default)");
    if (ji->time_limit)
        sb_printf(sb, "  time limit: %s\n", ji->time_limit);
    sb_puts(sb, "  submitted:  ");
    put_time(sb, ji->submitted, false);
    sb_puts(sb, "\n  started:    ");
    put_time(sb, ji->started, false);
    sb_puts(sb, "\n  ended:      ");
    put_time(sb, ji->ended, false);
    if (ji->exit_status >= 0)
        sb_printf(sb, " (exit status %d)", ji->exit_status);
    sb_puts(sb, "\n  elapsed:    ");
    put_elapsed(sb, elapsed(ji));
    sb_puts(sb, "\n  model time: ");
    put_model_time(sb, ji);
    if (ji->has_model_time)
        sb_printf(sb, " (step %ld)", ji->model_step);
    sb_printf(sb, "\n  folder:     %s\n", ji->folder);
}

static void
emit(struct gs_call *call, struct strbuf *sb)
{
    gs_write(call->sim, sb_str(sb), sb->len);
}

/* --- the commands --------------------------------------------------------------- */

static enum gs_status
cmd_cancel_exec(struct gs_call *call)
{
    const char *id = gs_arg(call, 0);
    if (jobs_cancel(call->sim, id) != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    if (gs_has_opt(call, "-json")) {
        sb_puts(&sb, "{\"id\": ");
        json_str(&sb, id);
        sb_puts(&sb, ", \"cancelled\": true}\n");
    } else {
        sb_printf(&sb, "cancelled job %s\n", id);
    }
    emit(call, &sb);
    sb_free(&sb);
    return GS_OK;
}

static enum gs_status
cmd_fetch_exec(struct gs_call *call)
{
    const char *id = gs_arg(call, 0);
    struct job_fetch f;
    if (jobs_fetch(call->sim, id, gs_optval(call, "-o", 0), &f) != GS_OK)
        return GS_ERR;
    struct job_info *v;
    int n;
    const char *state = "unknown";
    if (jobs_list(call->sim, id, &v, &n) == GS_OK && n == 1)
        state = job_state_name(v[0].state);
    else
        gs_diag_clear(call->sim);
    struct strbuf sb = STRBUF_INIT;
    if (gs_has_opt(call, "-json")) {
        sb_puts(&sb, "{\"id\": ");
        json_str(&sb, id);
        sb_puts(&sb, ", \"state\": ");
        json_str(&sb, state);
        sb_puts(&sb, ", \"dir\": ");
        json_str(&sb, f.dir);
        sb_puts(&sb, ", \"copied\": [");
        for (int i = 0; i < f.ncopied; i++) {
            if (i)
                sb_puts(&sb, ", ");
            json_str(&sb, f.copied[i]);
        }
        sb_puts(&sb, "], \"missing\": [");
        for (int i = 0; i < f.nmissing; i++) {
            if (i)
                sb_puts(&sb, ", ");
            json_str(&sb, f.missing[i]);
        }
        sb_puts(&sb, "]}\n");
    } else {
        int logs = 0;
        for (int i = 0; i < f.ncopied; i++)
            logs += strncmp(f.copied[i], "gensh-job/", 10) == 0;
        sb_printf(&sb, "fetched job %s (%s) into %s: %d output file%s, %d log and record file%s\n",
                  id, state, f.dir, f.ncopied - logs, f.ncopied - logs == 1 ? "" : "s", logs,
                  logs == 1 ? "" : "s");
        for (int i = 0; i < f.ncopied; i++)
            if (strncmp(f.copied[i], "gensh-job/", 10) != 0)
                sb_printf(&sb, "  %s\n", f.copied[i]);
        for (int i = 0; i < f.nmissing; i++)
            sb_printf(&sb, "missing: %s\n", f.missing[i]);
    }
    if (n > 0)
        job_infos_free(v, n);
    emit(call, &sb);
    gs_result_str(call, "%s", f.dir);
    sb_free(&sb);
    job_fetch_free(&f);
    return GS_OK;
}

static enum gs_status
cmd_jobs_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *id = gs_arg(call, 0);
    bool json = gs_has_opt(call, "-json");
    struct job_info *v = NULL;
    int n = 0;
    if (gs_has_opt(call, "-wait")) {
        if (!id)
            return gs_error(sim, "-wait needs a job id: jobs ID -wait");
        double timeout = gs_has_opt(call, "-timeout") ? gs_optval_real(call, "-timeout", 0) : 0;
        v = xcalloc(1, sizeof *v);
        if (jobs_wait(sim, id, timeout, &v[0]) != GS_OK) {
            free(v);
            return GS_ERR;
        }
        n = 1;
    } else if (jobs_list(sim, id, &v, &n) != GS_OK) {
        return GS_ERR;
    }
    struct strbuf sb = STRBUF_INIT;
    if (json) {
        sb_puts(&sb, "{\"jobs\": [");
        for (int i = 0; i < n; i++) {
            sb_puts(&sb, i ? ",\n  " : "\n  ");
            json_job(&sb, &v[i]);
        }
        sb_puts(&sb, n ? "\n]}\n" : "]}\n");
    } else if (id) {
        text_detail(&sb, &v[0]);
    } else if (n == 0) {
        struct strbuf dir = STRBUF_INIT;
        jobs_dir(&dir);
        sb_printf(&sb, "no gensh jobs in %s\n", sb_str(&dir));
        sb_free(&dir);
    } else {
        text_table(&sb, v, n);
    }
    if (!gs_has_opt(call, "-quiet"))
        emit(call, &sb);
    if (id) {
        gs_result_str(call, "%s", job_state_name(v[0].state));
    } else {
        gs_result_list_begin(call);
        for (int i = 0; i < n; i++)
            gs_result_list_add(call, v[i].id);
    }
    sb_free(&sb);
    job_infos_free(v, n);
    return GS_OK;
}

/* The -input words: every value of every occurrence. */
static const char **
inputs_of(const struct gs_call *c, int *n)
{
    const char **v = xcalloc((size_t)c->nwords + 1, sizeof *v);
    *n = 0;
    for (int i = 0; i < c->noptv; i++)
        if (strcmp(c->cmd->opts[c->optv[i].opt].name, "-input") == 0)
            for (int k = 0; k < c->optv[i].nvals; k++)
                v[(*n)++] = c->words[c->optv[i].first + k];
    return v;
}

static enum gs_status
cmd_submit_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    /* The words up to "--" are submit's; the rest the script's. */
    int cut = call->npos;
    for (int i = 0; i < call->npos; i++)
        if (strcmp(call->pos[i], "--") == 0) {
            cut = i;
            break;
        }
    struct gs_call c;
    gs_call_init(&c, sim, &submit_options_entry, call->origin);
    if (gs_call_run(&c, cut, call->pos) != GS_OK) {
        gs_call_done(&c);
        return GS_ERR;
    }
    if (c.npos == 0) { /* -usage or -help: printed */
        gs_call_done(&c);
        return GS_OK;
    }
    int ninputs = 0, nargs = 0;
    const char **inputs = inputs_of(&c, &ninputs);
    const char **args = xcalloc((size_t)call->npos + 1, sizeof *args);
    for (int i = 1; i < c.npos; i++)
        args[nargs++] = c.pos[i];
    for (int i = cut + 1; i < call->npos; i++)
        args[nargs++] = call->pos[i];
    struct strbuf cmdline = STRBUF_INIT;
    sb_puts(&cmdline, "submit");
    for (int i = 0; i < call->npos; i++)
        sb_printf(&cmdline, " %s", call->pos[i]);
    struct job_request rq = {
        .script = gs_arg(&c, 0),
        .nodes = gs_has_opt(&c, "-nodes") ? (int)gs_optval_int(&c, "-nodes", 0) : 1,
        .gpus = gs_has_opt(&c, "-gpus") ? (int)gs_optval_int(&c, "-gpus", 0) : 0,
        .time = gs_optval(&c, "-time", 0),
        .partition = gs_optval(&c, "-partition", 0),
        .name = gs_optval(&c, "-name", 0),
        .inputs = inputs,
        .ninputs = ninputs,
        .args = args,
        .nargs = nargs,
        .cmdline = sb_str(&cmdline),
    };
    struct strbuf id = STRBUF_INIT, folder = STRBUF_INIT, sb = STRBUF_INIT;
    enum gs_status st = jobs_submit(sim, &rq, &id);
    if (st == GS_OK) {
        struct job_info *v;
        int n;
        if (jobs_list(sim, sb_str(&id), &v, &n) == GS_OK && n == 1) {
            if (gs_has_opt(&c, "-json")) {
                sb_puts(&sb, "{\"id\": ");
                json_str(&sb, sb_str(&id));
                sb_puts(&sb, ", \"name\": ");
                json_str(&sb, v[0].name);
                sb_puts(&sb, ", \"folder\": ");
                json_str(&sb, v[0].folder);
                sb_puts(&sb, "}\n");
            } else {
                sb_printf(&sb, "submitted job %s (%s on %d rank%s", sb_str(&id), v[0].script,
                          v[0].nodes, v[0].nodes == 1 ? "" : "s");
                if (v[0].gpus)
                    sb_printf(&sb, ", %d GPU%s a rank", v[0].gpus, v[0].gpus == 1 ? "" : "s");
                if (v[0].partition)
                    sb_printf(&sb, ", partition %s", v[0].partition);
                sb_printf(&sb, "), folder %s\n", v[0].folder);
            }
            job_infos_free(v, n);
        } else {
            gs_diag_clear(sim);
            sb_printf(&sb, "submitted job %s\n", sb_str(&id));
        }
        emit(call, &sb);
        gs_result_str(call, "%s", sb_str(&id));
    }
    sb_free(&id);
    sb_free(&folder);
    sb_free(&sb);
    sb_free(&cmdline);
    free(inputs);
    free(args);
    gs_call_done(&c);
    return st;
}
