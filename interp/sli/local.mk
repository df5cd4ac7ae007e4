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

# Unit tests of the compiler and the runtime (TAP).
check_PROGRAMS += tests/unit/test_sli.t
TESTS += tests/unit/test_sli.t
tests_unit_test_sli_t_SOURCES = tests/unit/test_sli.c tests/tap.h
tests_unit_test_sli_t_CPPFLAGS = $(AM_CPPFLAGS) $(LUA_CFLAGS)
tests_unit_test_sli_t_LDADD = $(GS_LIBS)
