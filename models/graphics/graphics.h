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
/* What an xps (setpostscript) command changes; XO_PS_UNSET: not given. */
#define XO_PS_UNSET (-2147483647 - 1)
struct xo_ps_change {
    int maxgray, mingray, inverse, dpi;
    const char *filename; /* NULL: not given */
    bool printer;         /* -printer: pictures go to lpr again */
};
/* Changes the PostScript settings that PRINT (Ctrl-P on a graph or draw)
 * uses. Errors: grey levels outside 0..256 or maxgray <= mingray, dpi <= 0,
 * inverse not 0 or 1, an empty file name; nothing is changed then. */
enum gs_status xo_ps_settings(struct gs_sim *sim, const struct xo_ps_change *c);
/* Prints the settings, as XODUS's xps did when called without arguments. */
void xo_ps_status(struct gs_sim *sim);
/* Chooses the colour scale for values shown as colour (xcolorscale).
 * Errors: NAME is not one of hot, rainbow, rainbow2, redhot, grey. */
enum gs_status xo_colorscale(struct gs_sim *sim, const char *name);
/* Is a display open now? Never headless (-nox, no DISPLAY, no Tk). */
bool xo_have_display(const struct gs_sim *sim);
/* Opens the display if it can be (xgetstat); true when windows can be drawn. */
bool xo_open_display(struct gs_sim *sim);

#endif
