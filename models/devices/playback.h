/* SPDX-License-Identifier: GPL-2.0-or-later */
/* playback.h: what the putevent command needs of the playback class. */
#ifndef GS_PLAYBACK_H
#define GS_PLAYBACK_H

#include "../core/core.h"

/* Is EL a buffer (a playback element)? */
bool playback_is(const struct gs_element *el);
/* Puts the event (TIME, MAGNITUDE) into EL's list, in time order; an
 * event within clock 0's interval / 10 of an existing one replaces it. */
void playback_put(struct gs_element *el, double time, double magnitude);

#endif
