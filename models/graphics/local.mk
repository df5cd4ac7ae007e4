# SPDX-License-Identifier: GPL-2.0-or-later
# models/graphics/: the XODUS classes (headless elements), and their display:
# Tk in tk/ (the only folder that includes Tk's headers), or none.
libgensh_a_SOURCES += \
	%reldir%/graphics.h \
	%reldir%/gui.h \
	%reldir%/xo_int.h \
	%reldir%/xo_common.c \
	%reldir%/xo_events.c \
	%reldir%/xo_look.c \
	%reldir%/xo_print.c \
	%reldir%/xaxis.c \
	%reldir%/xbutton.c \
	%reldir%/xcoredraw.c \
	%reldir%/xdialog.c \
	%reldir%/xdraw.c \
	%reldir%/xform.c \
	%reldir%/xgraph.c \
	%reldir%/xlabel.c \
	%reldir%/xplot.c \
	%reldir%/xshape.c \
	%reldir%/xtext.c \
	%reldir%/xtoggle.c \
	%reldir%/xview.c
if HAVE_TK
libgensh_a_SOURCES += \
	%reldir%/tk/tk_int.h \
	%reldir%/tk/tk_gui.c \
	%reldir%/tk/tk_draw.c
else
libgensh_a_SOURCES += %reldir%/gui_none.c
endif
