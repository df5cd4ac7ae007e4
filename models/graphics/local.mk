# SPDX-License-Identifier: GPL-2.0-or-later
# models/graphics/: the XODUS classes, headless (no Tk header here yet).
libgensh_a_SOURCES += \
	%reldir%/graphics.h \
	%reldir%/xo_int.h \
	%reldir%/xo_common.c \
	%reldir%/xo_events.c \
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
