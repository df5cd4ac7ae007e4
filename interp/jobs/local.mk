# SPDX-License-Identifier: GPL-2.0-or-later
# interp/jobs/: gensh runs on a Slurm queue (submit, jobs, fetch, cancel),
# used by commands/cmd_jobs.c and, through it, by `gensh submit ...`.
libgensh_a_SOURCES += \
	%reldir%/jobs.h \
	%reldir%/jobs_int.h \
	%reldir%/fetch.c \
	%reldir%/files.c \
	%reldir%/proc.c \
	%reldir%/progress.c \
	%reldir%/stage.c \
	%reldir%/state.c \
	%reldir%/submit.c
