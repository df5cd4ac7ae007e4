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
# The element tree, classes, fields, messages, paths, clocks and schedule.
libgensh_a_SOURCES += \
	%reldir%/class_list.h \
	%reldir%/core/core.h \
	%reldir%/core/core_int.h \
	%reldir%/core/class.h \
	%reldir%/core/class.c \
	%reldir%/core/element.h \
	%reldir%/core/element.c \
	%reldir%/core/field.h \
	%reldir%/core/field.c \
	%reldir%/core/interpol.h \
	%reldir%/core/interpol.c \
	%reldir%/core/model.h \
	%reldir%/core/model.c \
	%reldir%/core/msg.h \
	%reldir%/core/msg.c \
	%reldir%/core/path.h \
	%reldir%/core/path.c \
	%reldir%/core/sched.h \
	%reldir%/core/sched.c \
	%reldir%/basic/neutral.c \
	%reldir%/devices/diffamp.c \
	%reldir%/devices/pulsegen.c \
	%reldir%/io/asc_file.c \
	%reldir%/tables/table.c
