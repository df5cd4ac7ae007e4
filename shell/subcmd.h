/* SPDX-License-Identifier: GPL-2.0-or-later */
/* subcmd.h: gensh's subcommands (submit, jobs, fetch, cancel). */
#ifndef GS_SUBCMD_H
#define GS_SUBCMD_H

/* When ARGV[1] names a subcommand, runs it and returns the exit status;
 * otherwise returns -1 (gensh goes on as usual). */
int subcmd_run(int argc, char **argv);

#endif
