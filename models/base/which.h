/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * which.h: finding a program as the Unix shell does (a name with a slash
 * as given, else the first executable regular file of that name along
 * $PATH), for the Slurm client commands and GENESIS's autoshell.
 */
#ifndef GS_WHICH_H
#define GS_WHICH_H

#include <stdbool.h>

#include "strbuf.h"

/* Puts the program's path in SB; false (SB empty) when there is none. */
bool gs_which(const char *prog, struct strbuf *sb);

#endif
