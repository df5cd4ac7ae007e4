# SPDX-License-Identifier: GPL-2.0-or-later
# models/: base utilities, element tree, classes, solver, files, graphics.
libgensh_a_SOURCES += \
	%reldir%/base/gs.h \
	%reldir%/base/strbuf.h \
	%reldir%/base/diag.c \
	%reldir%/base/rng.h \
	%reldir%/base/rng.c \
	%reldir%/base/strbuf.c \
	%reldir%/base/xalloc.c
