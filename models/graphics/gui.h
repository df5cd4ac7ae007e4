/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gui.h: the display behind the XODUS classes, as the rest of
 * models/graphics sees it. With Tk (models/graphics/tk/, the only place
 * that includes Tk's headers) the widgets are drawn on node 0 when there
 * is a display and -nox was not given; without Tk (gui_none.c) every
 * function here says "no display" and the classes stay headless.
 *
 * The display is opened on first need (xshow, xgetstat), so a script
 * without a GUI never touches X. Once open, it installs sim->gui_pump,
 * which the step loop calls between steps and the prompt while it waits:
 * events are handled and changed widgets redrawn at most about 30 times a
 * second of wall time, whatever dt is.
 */
#ifndef GS_GUI_H
#define GS_GUI_H

#include <stdbool.h>

#include "../core/core.h"

/* Opens the display if there is one to open (not -nox, DISPLAY set, this
 * build has Tk); true when windows can be drawn. A display that cannot be
 * opened is a warning once, then headless. */
bool gui_open(struct gs_sim *sim);
/* Shows the current state of every widget now (after xshow, xupdate, a
 * command typed at the prompt); nothing when no display is open. */
void gui_sync(struct gs_sim *sim);
/* The size in pixels widget EL has on the screen; false when it is not
 * drawn (headless, or hidden). */
bool gui_widget_size(struct gs_sim *sim, struct gs_element *el, int *w, int *h);

#endif
