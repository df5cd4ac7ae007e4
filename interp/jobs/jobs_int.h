/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * jobs_int.h: what the files of interp/jobs/ share: running Slurm's
 * client commands, small file helpers and the job record.
 */
#ifndef GS_JOBS_INT_H
#define GS_JOBS_INT_H

#include <stdbool.h>

#include "jobs.h"
#include "../../models/base/which.h"

/* How long a Slurm client command may take before it counts as hung. */
#define JOBS_CMD_TIMEOUT 60.0

/* --- proc.c -------------------------------------------------------------- */

/* Runs ARGV (NULL-terminated; argv[0] along $PATH) with stdin from
 * /dev/null; its stdout goes to OUT and stderr to ERR (NULL: dropped).
 * Gives up after TIMEOUT seconds and kills it. Returns the exit status,
 * 128 + N when killed by signal N, -1 when it could not be started (the
 * reason in ERR) and -2 on timeout. */
int jobs_run(const char *const *argv, struct strbuf *out, struct strbuf *err, double timeout);
/* Runs a Slurm client command that must succeed: on failure records
 * "WHAT: <its first error line>" and returns GS_ERR. */
enum gs_status jobs_slurm(struct gs_sim *sim, const char *const *argv, struct strbuf *out);
/* The first line of TEXT that says something (without "sbatch: error: "). */
void jobs_first_line(const char *text, struct strbuf *sb);

/* --- files.c ------------------------------------------------------------- */

/* Reads a whole file into SB; false (errno set) when it cannot. */
bool jobs_read_file(const char *path, struct strbuf *sb);
/* Writes TEXT to PATH through PATH.tmp and a rename (MODE for a new file). */
bool jobs_write_file(const char *path, const char *text, int mode);
/* Copies SRC to DST (through DST.tmp), keeping the mode's x bits. */
bool jobs_copy_file(const char *src, const char *dst);
/* mkdir -p of the folders above PATH (not PATH itself). */
bool jobs_mkdirs_for(const char *path);
/* rm -rf PATH. */
void jobs_remove_tree(const char *path);
/* Is PATH a readable regular file / a folder? */
bool jobs_is_file(const char *path);
bool jobs_is_dir(const char *path);
/* Appends S to SB quoted for sh ('...'). */
void jobs_sh_quote(struct strbuf *sb, const char *s);
/* Seconds since the epoch, with fractions. */
double jobs_now(void);

/* --- record.c: job.txt --------------------------------------------------- */

/* The lines KEY=VALUE of a job record, in order. */
struct job_record {
    char **key, **val;
    int n;
};
bool job_record_read(const char *path, struct job_record *r);
/* The last value of KEY, or NULL. */
const char *job_record_get(const struct job_record *r, const char *key);
void job_record_free(struct job_record *r);
/* The folder of job ID (its link resolved) into SB; GS_ERR (recorded)
 * when there is no such job. */
enum gs_status jobs_find(struct gs_sim *sim, const char *id, struct strbuf *folder);
/* Is ID a well-formed job id (digits, maybe _ and more digits)? */
bool jobs_id_ok(const char *id);

/* --- stage.c: what goes into run/ --------------------------------------- */

/* The files of a job: SRC (absolute) is copied to run/DEST. */
struct job_files {
    char **src, **dest;
    int n;
    char *cwd;                  /* the submit directory */
};
/* The script, the -input files and folders, and what the scripts include
 * and readcell reads under literal names. Errors: a missing script or
 * input, two files for one name in run/. */
enum gs_status job_files_collect(struct gs_sim *sim, const struct job_request *rq,
                                 struct job_files *f);
void job_files_free(struct job_files *f);

#endif
