# SPDX-License-Identifier: GPL-2.0-or-later
# shell/: main(), options, the prompt, signals.
gensh_SOURCES += \
	%reldir%/banner.c \
	%reldir%/banner.h \
	%reldir%/heap.c \
	%reldir%/heap.h \
	%reldir%/main.c \
	%reldir%/repl.c \
	%reldir%/repl.h \
	%reldir%/signals.c \
	%reldir%/signals.h \
	%reldir%/subcmd.c \
	%reldir%/subcmd.h
dist_man_MANS += %reldir%/gensh.1
