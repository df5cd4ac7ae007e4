# SPDX-License-Identifier: GPL-2.0-or-later
# parallel/: the MPI facade. The protocol is common; the transport is
# par_mpi.c (the only file with <mpi.h>) or, without MPI, par_serial.c.
libgensh_a_SOURCES += \
	%reldir%/par.h \
	%reldir%/par_int.h \
	%reldir%/parout.h \
	%reldir%/parout.c \
	%reldir%/finish.c \
	%reldir%/flow_int.h \
	%reldir%/flow.c \
	%reldir%/meet.c \
	%reldir%/nodelist.c \
	%reldir%/par.c \
	%reldir%/rankout.c \
	%reldir%/remote.c \
	%reldir%/rnet.h \
	%reldir%/rnet.c \
	%reldir%/rnet_int.h \
	%reldir%/service.c \
	%reldir%/wire.c
if HAVE_MPI
libgensh_a_SOURCES += %reldir%/par_mpi.c
else
libgensh_a_SOURCES += %reldir%/par_serial.c
endif
EXTRA_DIST += %reldir%/par_mpi.c %reldir%/par_serial.c

# Unit tests of this layer (kept here rather than in tests/local.mk so the
# layer's build lives in one fragment).
GS_PAR_UNIT_TESTS = tests/unit/test_nodelist.t tests/unit/test_par.t
check_PROGRAMS += $(GS_PAR_UNIT_TESTS)
TESTS += $(GS_PAR_UNIT_TESTS)
tests_unit_test_nodelist_t_SOURCES = tests/unit/test_nodelist.c tests/tap.h
tests_unit_test_nodelist_t_LDADD = $(GS_LIBS)
tests_unit_test_par_t_SOURCES = tests/unit/test_par.c tests/tap.h
tests_unit_test_par_t_LDADD = $(GS_LIBS)

# The node-list fuzz target (STYLE T7): built by make check with
# --enable-fuzzing (CC=clang), run by hand: tests/fuzz/fuzz_nodelist -max_total_time=60
if ENABLE_FUZZING
check_PROGRAMS += tests/fuzz/fuzz_nodelist
tests_fuzz_fuzz_nodelist_SOURCES = tests/fuzz/fuzz_nodelist.c
tests_fuzz_fuzz_nodelist_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_nodelist_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_nodelist_LDADD = $(GS_LIBS)
endif
EXTRA_DIST += tests/supp/openmpi.supp

# A C program the parallel tests run under mpiexec (tests/parallel/collectives.test).
check_PROGRAMS += tests/parallel/collectives
tests_parallel_collectives_SOURCES = tests/parallel/collectives.c
tests_parallel_collectives_LDADD = $(GS_LIBS)
