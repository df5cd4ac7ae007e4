/* SPDX-License-Identifier: GPL-2.0-or-later */
/* repl.h: the interactive prompt (see repl.c). */
#ifndef GS_REPL_H
#define GS_REPL_H

#include <stdbool.h>

#include "../models/base/gs.h"

/* Reads and runs prompt entries until end of input or `quit`. USE_EDITOR
 * selects readline (history, completion) over the plain line reader. */
void repl_run(struct gs_sim *sim, bool use_editor);
/* Is a person typing (stdin is a terminal, or node 0's launcher's)? */
bool repl_interactive(void);

#endif
