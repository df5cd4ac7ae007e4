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

# The fuzz target's checks over the corpus and the script tests, without
# libFuzzer (a short run as part of make check).
check_PROGRAMS += tests/fuzz/fuzz_sli_replay.t
TESTS += tests/fuzz/fuzz_sli_replay.t
tests_fuzz_fuzz_sli_replay_t_SOURCES = tests/fuzz/fuzz_sli.c tests/fuzz/replay.c
tests_fuzz_fuzz_sli_replay_t_CPPFLAGS = $(AM_CPPFLAGS) $(LUA_CFLAGS) \
	-DREPLAY_DIRS='"tests/fuzz/corpus/sli", "tests/scripts/sli"'
tests_fuzz_fuzz_sli_replay_t_LDADD = $(GS_LIBS)
EXTRA_DIST += tests/fuzz/README.md tests/fuzz/sli.dict tests/fuzz/corpus/sli

# The libFuzzer target (--enable-fuzzing, CC=clang): the compiler's sources
# are built into it with coverage, so libFuzzer sees inside them.
if ENABLE_FUZZING
check_PROGRAMS += tests/fuzz/fuzz_sli
tests_fuzz_fuzz_sli_SOURCES = tests/fuzz/fuzz_sli.c \
	%reldir%/ast.c %reldir%/emit.c %reldir%/emit_expr.c %reldir%/lex.c \
	%reldir%/parse.c %reldir%/parse_expr.c %reldir%/sli.c \
	models/base/strbuf.c models/base/xalloc.c
tests_fuzz_fuzz_sli_CPPFLAGS = $(AM_CPPFLAGS) $(LUA_CFLAGS)
tests_fuzz_fuzz_sli_CFLAGS = $(AM_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
tests_fuzz_fuzz_sli_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer,address,undefined
tests_fuzz_fuzz_sli_LDADD = $(LUA_LIBS) -lm
endif

# The compile-speed benchmark (built by make check, run by hand).
check_PROGRAMS += tests/perf/sli_compile
tests_perf_sli_compile_SOURCES = tests/perf/sli_compile.c
tests_perf_sli_compile_CPPFLAGS = $(AM_CPPFLAGS) $(LUA_CFLAGS)
tests_perf_sli_compile_LDADD = $(GS_LIBS)
