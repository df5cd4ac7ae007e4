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
/* Shows (xshow, xmap) or hides (xhide) the widget EL; EL must be a widget.
 * With a display (opened here on the first xshow) the window follows. */
void xo_show(struct gs_sim *sim, struct gs_element *el, bool show);
/* Draws every change now (xupdate, xflushevents); nothing headless. */
void xo_update(struct gs_sim *sim);
/* Writes the picture widget EL shows to FILE (xsave): PNG, or PostScript
 * for .ps and .eps. Errors: no display, EL not shown, the file. */
enum gs_status xo_save(struct gs_sim *sim, struct gs_element *el, const char *file);
/* Chooses the colour scale for values shown as colour (xcolorscale).
 * Errors: NAME is not one of hot, rainbow, rainbow2, redhot, grey. */
enum gs_status xo_colorscale(struct gs_sim *sim, const char *name);
/* Is a display open now? Never headless (-nox, no DISPLAY, no Tk). */
bool xo_have_display(const struct gs_sim *sim);
/* Opens the display if it can be (xgetstat); true when windows can be drawn. */
bool xo_open_display(struct gs_sim *sim);

#endif
