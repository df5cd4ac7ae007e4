/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * graphics.h: the public face of models/graphics (the headless XODUS
 * classes) for the xodus commands: showing and hiding widgets, colour
 * scales, and whether a display is there. The classes themselves are
 * reached like any other through the class table.
 */
#ifndef GS_GRAPHICS_H
#define GS_GRAPHICS_H

#include <stdbool.h>

#include "../core/core.h"

/* Errors unless EL is a widget (xform, xbutton, xgraph, ...; not a pix):
 * "'PATH' is not a widget (class C)". */
enum gs_status xo_check_widget(struct gs_sim *sim, struct gs_element *el);
/* Shows (xshow, xmap) or hides (xhide) the widget EL; EL must be a widget. */
void xo_show(struct gs_element *el, bool show);
/* Chooses the colour scale for values shown as colour (xcolorscale).
 * Errors: NAME is not one of hot, rainbow, rainbow2, redhot, grey. */
enum gs_status xo_colorscale(struct gs_sim *sim, const char *name);
/* Is there a display to draw on? (xgetstat) Never, headless. */
bool xo_have_display(const struct gs_sim *sim);

#endif
