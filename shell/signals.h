/* SPDX-License-Identifier: GPL-2.0-or-later */
/* signals.h: SIGINT/SIGTERM handling (flags only; see signals.c). */
#ifndef GS_SIGNALS_H
#define GS_SIGNALS_H

#include <stdbool.h>

#include "../models/base/gs.h"

/* Installs the handlers for SIM. AT_PROMPT_HOOK, when set, is called from
 * the handler while the prompt is reading a line (to clear it). */
void signals_install(struct gs_sim *sim, void (*at_prompt_hook)(void));
/* Lets go of the simulator before it is freed: a SIGTERM from here on (an
 * MPI launcher ending the job while this rank closes its files) is only
 * recorded, so that the files still close whole. */
void signals_release(void);
/* Tells the handler whether the prompt is waiting for a line (entering it
 * forgets an earlier Ctrl-C at the prompt). */
void signals_at_prompt(bool at_prompt);
/* Was Ctrl-C pressed at the prompt since the last call (or since the prompt
 * came)? A background step the prompt runs takes it as its interrupt. */
bool signals_prompt_interrupted(void);
/* Was SIGTERM/SIGHUP received? The shell then closes files and exits. */
bool signals_terminate_requested(void);

#endif
