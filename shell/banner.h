/* SPDX-License-Identifier: GPL-2.0-or-later */
/* banner.h: the start-up banner of an interactive session (banner.c). */
#ifndef GS_BANNER_H
#define GS_BANNER_H

#include "../models/base/gs.h"

/* Prints what this build has and how to get help, on stdout. */
void banner_show(struct gs_sim *sim);

#endif
