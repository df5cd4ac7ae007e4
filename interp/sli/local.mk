# SPDX-License-Identifier: GPL-2.0-or-later
# interp/sli/: the SLI (.g) to Lua compiler and its Lua runtime.
libgensh_a_SOURCES += \
	%reldir%/sli.h \
	%reldir%/sli_int.h \
	%reldir%/emit_int.h \
	%reldir%/ast.c \
	%reldir%/emit.c \
	%reldir%/emit_expr.c \
	%reldir%/lex.c \
	%reldir%/parse.c \
	%reldir%/parse_expr.c \
	%reldir%/sli.c
