/* SPDX-License-Identifier: GPL-2.0-or-later */
/* signals.h: SIGINT/SIGTERM handling (flags only; see signals.c). */
#ifndef GS_SIGNALS_H
#define GS_SIGNALS_H

#include <stdbool.h>

#include "../models/base/gs.h"

/* Installs the handlers for SIM. AT_PROMPT_HOOK, when set, is called from
 * the handler while the prompt is reading a line (to clear it). */
void signals_install(struct gs_sim *sim, void (*at_prompt_hook)(void));
/* Tells the handler whether the prompt is waiting for a line. */
void signals_at_prompt(bool at_prompt);
/* Was SIGTERM/SIGHUP received? The shell then closes files and exits. */
bool signals_terminate_requested(void);

#endif
