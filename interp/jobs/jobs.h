/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * jobs.h: gensh runs on a cluster's queue (Slurm): submit a script with
 * its input files as a job, list the jobs and their states, fetch their
 * output, cancel them (DESIGN decision 14). The prompt commands submit,
 * jobs, fetch and cancel (commands/cmd_jobs.c) and the shell's
 * `gensh submit|jobs|fetch|cancel` (shell/subcmd.c, through the same
 * commands) are its users; docs/jobs.md describes the job folder.
 *
 * Every job has a folder under the jobs directory ($GENSH_JOBS_DIR, or
 * ~/gensh-jobs), NAME.XXXXXX, and a link named by its Slurm job id:
 *   job.txt     the record: id, script, ranks, GPUs, command line, version,
 *               and the files staged into run/ (input=...)
 *   job.sh      the Slurm batch script; rank.sh runs one rank
 *   run/        the run's working directory: the script, the files it
 *               includes, the -input files, and what the run writes
 *   gensh.log   what the ranks printed; slurm.out what Slurm printed
 *   started, ended, ranks/K, progress, cancelled: written as the job goes
 * Errors are recorded with gs_error(); a failed submit leaves no folder.
 */
#ifndef GS_JOBS_H
#define GS_JOBS_H

#include <stdbool.h>

#include "../../models/base/gs.h"
#include "../../models/base/strbuf.h"

/* What `submit` asks for. Strings are borrowed. */
struct job_request {
    const char *script;      /* as the user named it (relative to the cwd) */
    int nodes;               /* MPI ranks, >= 1 */
    int gpus;                /* GPUs for each rank; 0: none */
    const char *time;        /* Slurm time limit ("10", "1:00:00"), or NULL */
    const char *partition;   /* or NULL: the cluster's default */
    const char *name;        /* job name, or NULL: the script's base name */
    const char *const *inputs; /* files or folders to copy in too */
    int ninputs;
    const char *const *args; /* the script's arguments */
    int nargs;
    const char *cmdline;     /* the command line, for the record */
};

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_FAILED, JOB_CANCELLED, JOB_UNKNOWN };

/* What is known about one job. Strings are owned (job_info_free). */
struct job_info {
    char *id;
    char *name;
    char *folder;            /* the job folder, absolute */
    char *script;            /* relative to run/ */
    char *partition;         /* NULL: the default */
    char *time_limit;        /* NULL: the partition's */
    int nodes, gpus;
    enum job_state state;
    char *slurm_state;       /* Slurm's word (PENDING, TIMEOUT, ...) when it knows the job */
    long long submitted, started, ended; /* Unix times; 0: not (yet) */
    bool has_model_time;
    double model_time;       /* s, as the run last reported it */
    long model_step;
    int exit_status;         /* of the job (the launcher); -1: not known */
    int *ranks;              /* NODES exit statuses; -1: not recorded */
    char *why;               /* failed: the first error of the log; queued: Slurm's reason */
};

/* What `fetch` copied. */
struct job_fetch {
    char *dir;               /* where to */
    char **copied;           /* paths relative to DIR */
    int ncopied;
    char **missing;          /* "what: why" */
    int nmissing;
};

const char *job_state_name(enum job_state s);

/* The jobs directory into SB (not created). */
void jobs_dir(struct strbuf *sb);

/* Makes the job folder, submits it with sbatch and puts its id in ID.
 * Warnings (an include not found from here) go through gs_warn. */
enum gs_status jobs_submit(struct gs_sim *sim, const struct job_request *rq, struct strbuf *id);

/* The job ID (or every job, when ID is NULL), newest last. *OUT is an
 * array of *N (job_infos_free). An unknown ID is an error. */
enum gs_status jobs_list(struct gs_sim *sim, const char *id, struct job_info **out, int *n);
void job_info_free(struct job_info *ji);
void job_infos_free(struct job_info *v, int n);

/* Waits until job ID has ended (done, failed or cancelled), at most
 * TIMEOUT seconds (<= 0: no limit), or until Ctrl-C; INFO gets its state. */
enum gs_status jobs_wait(struct gs_sim *sim, const char *id, double timeout,
                         struct job_info *info);

/* Copies job ID's output and logs to DIR (NULL: ./job-ID); works while it
 * runs (what is there so far) and after it failed. */
enum gs_status jobs_fetch(struct gs_sim *sim, const char *id, const char *dir,
                          struct job_fetch *out);
void job_fetch_free(struct job_fetch *f);

/* Cancels job ID (scancel); an ended job is an error. */
enum gs_status jobs_cancel(struct gs_sim *sim, const char *id);

/* --- the run's side: progress into the job folder ----------------------- */

/* A job's run ($GENSH_PROGRESS set by job.sh) reports the model time it
 * has reached to that file, at most once a second, from node 0. */
struct jobs_progress {
    const char *path;        /* NULL: not a job, nothing to write */
    double last;             /* wall time of the last write */
};
/* Sets JP up for one step command; false when there is nothing to write. */
bool jobs_progress_begin(struct gs_sim *sim, struct jobs_progress *jp);
/* Writes the model time, if a second has passed since the last write (or FORCE). */
void jobs_progress_note(struct gs_sim *sim, struct jobs_progress *jp, bool force);
/* The end of the run: writes the last model time. */
void jobs_progress_end(struct gs_sim *sim);

#endif
