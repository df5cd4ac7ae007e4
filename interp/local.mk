# SPDX-License-Identifier: GPL-2.0-or-later
# interp/: Lua state, command registry, argument parser, diagnostics, commands.
libgensh_a_SOURCES += \
	%reldir%/cmd.h \
	%reldir%/interp.h \
	%reldir%/interp_int.h \
	%reldir%/args.c \
	%reldir%/lfallback.c \
	%reldir%/callback.c \
	%reldir%/complete.c \
	%reldir%/lbind.c \
	%reldir%/lelem.c \
	%reldir%/lpar.c \
	%reldir%/lstate.c \
	%reldir%/lvars.c \
	%reldir%/prompt.c \
	%reldir%/registry.c \
	%reldir%/report.c \
	%reldir%/commands/cmd_list.h \
	%reldir%/commands/cmd_backend.c \
	%reldir%/commands/cmd_buffer.c \
	%reldir%/commands/cmd_cell.c \
	%reldir%/commands/cmd_clock.c \
	%reldir%/commands/cmd_dump.c \
	%reldir%/commands/cmd_element.c \
	%reldir%/commands/cmd_field.c \
	%reldir%/commands/cmd_help.c \
	%reldir%/commands/cmd_hsolve.c \
	%reldir%/commands/cmd_io.c \
	%reldir%/commands/cmd_msg.c \
	%reldir%/commands/cmd_param.c \
	%reldir%/commands/cmd_traces.c \
	%reldir%/commands/cmd_par.c \
	%reldir%/commands/cmd_random.c \
	%reldir%/commands/cmd_shell.c \
	%reldir%/commands/cmd_sim.c \
	%reldir%/commands/cmd_math.c \
	%reldir%/commands/cmd_string.c \
	%reldir%/commands/cmd_tables.c \
	%reldir%/commands/cmd_xodus.c

# The SLI runtime is Lua source embedded in the binary as a C string.
nodist_libgensh_a_SOURCES += %reldir%/sli/runtime_lua.c
BUILT_SOURCES += %reldir%/sli/runtime_lua.c
CLEANFILES += %reldir%/sli/runtime_lua.c
EXTRA_DIST += %reldir%/sli/runtime.lua %reldir%/sli/embed.sh
%reldir%/sli/runtime_lua.c: $(srcdir)/%reldir%/sli/runtime.lua $(srcdir)/%reldir%/sli/embed.sh
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(SHELL) $(srcdir)/%reldir%/sli/embed.sh sli_runtime_lua $(srcdir)/%reldir%/sli/runtime.lua > $@.tmp && \
	mv $@.tmp $@
# The network family (createmap, planarconnect, ..., getsyn*).
libgensh_a_SOURCES += \
	%reldir%/commands/cmd_network.c \
	%reldir%/commands/cmd_network.h \
	%reldir%/commands/cmd_rnet.h \
	%reldir%/commands/cmd_rnet.c \
	%reldir%/commands/cmd_rvolume.c \
	%reldir%/commands/cmd_synapse.c
# The regions family (region, regionport, regionconnect, show...).
libgensh_a_SOURCES += %reldir%/commands/cmd_regions.c %reldir%/commands/cmd_regions.h \
	%reldir%/commands/cmd_regions_par.c
# The jobs family (submit, jobs, fetch, cancel); the library is interp/jobs/.
libgensh_a_SOURCES += %reldir%/commands/cmd_jobs.c

# The command layer's fuzz target (tests/fuzz/fuzz_cmd.c): its checks over
# its corpus in make check, and the libFuzzer target with --enable-fuzzing
# (CC=clang; the library is then built with coverage, see gs_fuzzing.m4).
check_PROGRAMS += tests/fuzz/fuzz_cmd_replay.t
TESTS += tests/fuzz/fuzz_cmd_replay.t
tests_fuzz_fuzz_cmd_replay_t_SOURCES = tests/fuzz/fuzz_cmd.c tests/fuzz/replay.c
tests_fuzz_fuzz_cmd_replay_t_CPPFLAGS = $(AM_CPPFLAGS) -DREPLAY_DIRS='"tests/fuzz/corpus/cmd"' \
	-DREPLAY_PREFIX_MAX=0
tests_fuzz_fuzz_cmd_replay_t_LDADD = $(GS_LIBS)
EXTRA_DIST += tests/fuzz/corpus/cmd tests/fuzz/cmd.dict
if ENABLE_FUZZING
check_PROGRAMS += tests/fuzz/fuzz_cmd
tests_fuzz_fuzz_cmd_SOURCES = tests/fuzz/fuzz_cmd.c
tests_fuzz_fuzz_cmd_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_cmd_LDADD = $(GS_LIBS)
endif
