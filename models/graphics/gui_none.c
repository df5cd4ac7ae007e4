/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gui_none.c: the display of a build without Tk (configure --without-tk,
 * or no tk-dev): there is none, and the XODUS classes stay headless.
 */
#include "gui.h"

bool
gui_open(struct gs_sim *sim)
{
    (void)sim;
    return false;
}

void
gui_sync(struct gs_sim *sim)
{
    (void)sim;
}

bool
gui_widget_size(struct gs_sim *sim, struct gs_element *el, int *w, int *h)
{
    (void)sim;
    (void)el;
    (void)w;
    (void)h;
    return false;
}
