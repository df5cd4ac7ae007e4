# SPDX-License-Identifier: GPL-2.0-or-later
# tests/: C unit tests (TAP, *.t) and script tests (*.g / *.lua with their
# expected stdout .out and stderr .err), all run by `make check`.
TEST_EXTENSIONS = .t .g .lua
T_LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
G_LOG_COMPILER = $(SHELL) $(top_srcdir)/%reldir%/scripts/run-script.sh
LUA_LOG_COMPILER = $(SHELL) $(top_srcdir)/%reldir%/scripts/run-script.sh
AM_TESTS_ENVIRONMENT = \
	GENSH='$(abs_top_builddir)/gensh'; export GENSH; \
	GS_TOP_SRCDIR='$(abs_top_srcdir)'; export GS_TOP_SRCDIR; \
	GS_TOP_BUILDDIR='$(abs_top_builddir)'; export GS_TOP_BUILDDIR; \
	GENSH_DATADIR='$(abs_top_srcdir)/scripts'; export GENSH_DATADIR; \
	HAVE_MPI='$(have_mpi)'; export HAVE_MPI; \
	GS_SAN_FLAGS='$(SAN_FLAGS)'; export GS_SAN_FLAGS;

# Unit tests: one TAP program per module.
GS_UNIT_TESTS = \
	%reldir%/unit/test_args.t \
	%reldir%/unit/test_interp.t \
	%reldir%/unit/test_registry.t
check_PROGRAMS += $(GS_UNIT_TESTS)
TESTS += $(GS_UNIT_TESTS)
%canon_reldir%_unit_test_args_t_SOURCES = %reldir%/unit/test_args.c %reldir%/tap.h
%canon_reldir%_unit_test_args_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_interp_t_SOURCES = %reldir%/unit/test_interp.c %reldir%/tap.h
%canon_reldir%_unit_test_interp_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_registry_t_SOURCES = %reldir%/unit/test_registry.c %reldir%/tap.h
%canon_reldir%_unit_test_registry_t_LDADD = $(GS_LIBS)

# Script and shell tests are found by wildcard when make runs, so adding a
# case needs no Makefile change; automake must not see those lists (it
# would try to expand them itself), hence the plain-make include.
TEST_EXTENSIONS += .test
TEST_LOG_COMPILER = $(SHELL)
# .test files print TAP: every check is counted.
TEST_LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
-include $(top_srcdir)/%reldir%/wildcard.mk
EXTRA_DIST += %reldir%/wildcard.mk %reldir%/scripts/run-script.sh %reldir%/setup.sh

# Unit tests of models/core (elements, paths, messages, schedule).
GS_CORE_UNIT_TESTS = \
	%reldir%/unit/test_element.t \
	%reldir%/unit/test_msg.t \
	%reldir%/unit/test_path.t \
	%reldir%/unit/test_sched.t
check_PROGRAMS += $(GS_CORE_UNIT_TESTS)
TESTS += $(GS_CORE_UNIT_TESTS)
%canon_reldir%_unit_test_element_t_SOURCES = %reldir%/unit/test_element.c %reldir%/tap.h
%canon_reldir%_unit_test_element_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_msg_t_SOURCES = %reldir%/unit/test_msg.c %reldir%/tap.h
%canon_reldir%_unit_test_msg_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_path_t_SOURCES = %reldir%/unit/test_path.c %reldir%/tap.h
%canon_reldir%_unit_test_path_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_sched_t_SOURCES = %reldir%/unit/test_sched.c %reldir%/tap.h
%canon_reldir%_unit_test_sched_t_LDADD = $(GS_LIBS)

# The compiled solver: numerics against GENESIS 2.4 and analytic cases.
GS_SOLVER_UNIT_TESTS = \
	%reldir%/unit/test_solver_rsnet.t \
	%reldir%/unit/test_solver_cable.t \
	%reldir%/unit/test_vmath.t
check_PROGRAMS += $(GS_SOLVER_UNIT_TESTS)
TESTS += $(GS_SOLVER_UNIT_TESTS)
%canon_reldir%_unit_test_solver_rsnet_t_SOURCES = %reldir%/unit/test_solver_rsnet.c \
	%reldir%/unit/rscell.h %reldir%/tap.h
%canon_reldir%_unit_test_solver_rsnet_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_solver_cable_t_SOURCES = %reldir%/unit/test_solver_cable.c %reldir%/tap.h
%canon_reldir%_unit_test_solver_cable_t_LDADD = $(GS_LIBS)
%canon_reldir%_unit_test_vmath_t_SOURCES = %reldir%/unit/test_vmath.c %reldir%/tap.h
%canon_reldir%_unit_test_vmath_t_LDADD = $(GS_LIBS)
EXTRA_DIST += %reldir%/validation/data/rsnet25_vm3.dat.xz \
	%reldir%/validation/data/README.md \
	%reldir%/validation/data/rsnet25_spikes_sel.txt.xz

# Benchmarks: built by `make bench`, never run by make check.
EXTRA_PROGRAMS = %reldir%/perf/bench_cells
%canon_reldir%_perf_bench_cells_SOURCES = %reldir%/perf/bench_cells.c %reldir%/unit/rscell.h
%canon_reldir%_perf_bench_cells_LDADD = $(GS_LIBS)
bench: %reldir%/perf/bench_cells$(EXEEXT)
.PHONY: bench

# Numbers as text for the output files: exactly printf's.
check_PROGRAMS += %reldir%/unit/test_numtext.t
TESTS += %reldir%/unit/test_numtext.t
%canon_reldir%_unit_test_numtext_t_SOURCES = %reldir%/unit/test_numtext.c %reldir%/tap.h
%canon_reldir%_unit_test_numtext_t_LDADD = $(GS_LIBS)

# The headless XODUS classes and the callback path into the interpreter.
check_PROGRAMS += %reldir%/unit/test_xodus.t
TESTS += %reldir%/unit/test_xodus.t
%canon_reldir%_unit_test_xodus_t_SOURCES = %reldir%/unit/test_xodus.c %reldir%/tap.h
%canon_reldir%_unit_test_xodus_t_LDADD = $(GS_LIBS)

# readcell from C: GENESIS's float arithmetic, globals, and the transaction
# under prefixes and mutations of the cell tests' .p files.
check_PROGRAMS += %reldir%/unit/test_readcell.t
TESTS += %reldir%/unit/test_readcell.t
%canon_reldir%_unit_test_readcell_t_SOURCES = %reldir%/unit/test_readcell.c %reldir%/tap.h
%canon_reldir%_unit_test_readcell_t_LDADD = $(GS_LIBS)

# Validation of the rsnet tutorial against real GENESIS runs (TAP), and
# its benchmark (tests/perf/bench_rsnet, not run by make check).
TESTS += %reldir%/validation/rsnet.test
EXTRA_DIST += %reldir%/validation/rsnet.test %reldir%/validation/spikecmp.awk \
	%reldir%/validation/data/rsnet25_spikes.txt.xz \
	%reldir%/validation/data/rsnet32_spikes.txt.xz \
	%reldir%/validation/data/rsnet32_vm3.dat.xz \
	%reldir%/validation/data/rsnet100_spikes.txt.xz \
	%reldir%/perf/bench_rsnet

# The parallel rsnet tutorial on 1, 2 and 4 slices against serial GENESIS's
# spikes and PGENESIS's Vm.dat (TAP; skipped without MPI), and its
# speed-up benchmark (tests/perf/bench_par_rsnet, not run by make check).
TESTS += %reldir%/validation/par-rsnet.test
EXTRA_DIST += %reldir%/validation/par-rsnet.test %reldir%/validation/vmcmp.awk \
	%reldir%/validation/data/par-rsnet_Vm.dat.xz \
	%reldir%/perf/bench_par_rsnet %reldir%/tools/genesis-par-rsnet.sh \
	%reldir%/perf/bench_regions %reldir%/perf/bench_regions.g \
	%reldir%/perf/on-device.sh

# -threads N: rsnet and par-rsnet bit-identical to one thread, and the
# option's bad input (TAP).
TESTS += %reldir%/validation/threads.test
EXTRA_DIST += %reldir%/validation/threads.test

# Rallpacks 1 and 3 under an hsolve against the exact cable and real
# GENESIS runs of the same scripts (TAP); the corpus benchmark, which
# times them (tests/perf/bench_corpus, not run by make check).
TESTS += %reldir%/validation/rallpack.test
EXTRA_DIST += %reldir%/validation/rallpack.test %reldir%/validation/rallpack/cable.g \
	%reldir%/validation/rallpack/axon.g %reldir%/validation/rallpack/cable.awk \
	%reldir%/validation/rallpack/cacell.g %reldir%/validation/data/hsolve_ca_genesis.txt.xz \
	%reldir%/validation/data/rallpack1_genesis.txt.xz \
	%reldir%/validation/data/rallpack3_genesis.txt.xz %reldir%/perf/bench_corpus

# The channel objects (hh_channel, ...) against nxgenesis running the same
# scripts (TAP).
TESTS += %reldir%/validation/channels.test
EXTRA_DIST += %reldir%/validation/channels.test %reldir%/validation/channels/hh_squid.g \
	%reldir%/validation/data/hh_squid_genesis.txt.xz \
	%reldir%/validation/channels/nernst_ca.g %reldir%/validation/data/nernst_ca_genesis.txt.xz \
	%reldir%/validation/channels/ghk_ca.g %reldir%/validation/data/ghk_ca_genesis.txt.xz \
	%reldir%/validation/channels/mg_nmda.g %reldir%/validation/data/mg_nmda_genesis.txt.xz

# The HDF5 output objects (hdf5_out, sonata_out) against asc_file and
# spikehistory on the rsnet tutorial, append, a killed run, bad input
# (TAP; skipped without HDF5).
TESTS += %reldir%/hdf5/hdf5.test
EXTRA_DIST += %reldir%/hdf5/hdf5.test
# par_hdf5_out on 1, 2 and 4 nodes (TAP; one node without parallel HDF5).
TESTS += %reldir%/hdf5/parhdf5.test
EXTRA_DIST += %reldir%/hdf5/parhdf5.test %reldir%/hdf5/data/parh5.g
# Each node's own hdf5_out, left open, closes whole before MPI ends (TAP).
TESTS += %reldir%/hdf5/rankfiles.test
EXTRA_DIST += %reldir%/hdf5/rankfiles.test %reldir%/hdf5/data/rankfiles.g
# hdf5_in on 2 nodes reads only its node's columns, as the 1-node run (TAP).
TESTS += %reldir%/hdf5/parhdf5_in.test
EXTRA_DIST += %reldir%/hdf5/parhdf5_in.test %reldir%/hdf5/data/stim6.g \
    %reldir%/hdf5/data/parh5in.g
# hdf5_in against pulsegens (TAP; skipped without HDF5).
TESTS += %reldir%/hdf5/hdf5_in.test
EXTRA_DIST += %reldir%/hdf5/hdf5_in.test
# gensh-plot on every kind of output file (TAP; skipped without matplotlib).
TESTS += %reldir%/plot/plot.test
EXTRA_DIST += %reldir%/plot/plot.test %reldir%/plot/data/outputs.g %reldir%/plot/data/par.g
# Text against HDF5 output speed (tests/perf/bench_io, not run by make check).
EXTRA_DIST += %reldir%/perf/bench_io

# The Vogels-Abbott tutorial against a real GENESIS run of it with GENESIS's
# generator, and the spread of its connections with gensh's own (TAP); its
# benchmark (tests/perf/bench_vanet, not run by make check).
TESTS += %reldir%/validation/vanet.test
EXTRA_DIST += %reldir%/validation/vanet.test \
	%reldir%/validation/data/vanet_nr_ex_spikes.txt.xz \
	%reldir%/validation/data/vanet_nr_inh_spikes.txt.xz \
	%reldir%/validation/data/vanet_nr_vm.dat.xz \
	%reldir%/tools/genesis-vanet.sh %reldir%/perf/bench_vanet \
	%reldir%/perf/bench_gui %reldir%/perf/bench_sli_loop %reldir%/perf/sli_loop.g \
	%reldir%/tools/corpus-sweep.sh %reldir%/tools/genesis-corpus-spikes.sh

# GENESIS's random generators, draw for draw against GENESIS's own code.
check_PROGRAMS += %reldir%/unit/test_rng.t
TESTS += %reldir%/unit/test_rng.t
%canon_reldir%_unit_test_rng_t_SOURCES = %reldir%/unit/test_rng.c %reldir%/tap.h
%canon_reldir%_unit_test_rng_t_LDADD = $(GS_LIBS)
# The CUDA backend against the CPU backend, bit for bit (SKIP without a
# device), its on-device runner and benchmark (docs/gpu.md).
TESTS += %reldir%/gpu/equiv.test
EXTRA_DIST += %reldir%/gpu/equiv.test %reldir%/gpu/on-device.sh %reldir%/perf/bench_gpu

# Port selectors of regions (issue 14): the grammar, its order and its errors.
check_PROGRAMS += %reldir%/unit/test_selector.t
TESTS += %reldir%/unit/test_selector.t
%canon_reldir%_unit_test_selector_t_SOURCES = %reldir%/unit/test_selector.c %reldir%/tap.h
%canon_reldir%_unit_test_selector_t_LDADD = $(GS_LIBS)
# HDF5 pattern files of regions (issue 14): the same connections as the
# text file of the same lines, and every bad layout an error (TAP; skipped
# without HDF5). mkpattern_h5 writes the files as h5py would.
if HAVE_HDF5
check_PROGRAMS += %reldir%/tools/mkpattern_h5
%canon_reldir%_tools_mkpattern_h5_SOURCES = %reldir%/tools/mkpattern_h5.c
%canon_reldir%_tools_mkpattern_h5_CPPFLAGS = $(HDF5_CFLAGS)
%canon_reldir%_tools_mkpattern_h5_LDADD = $(HDF5_LIBS) -lm
endif
EXTRA_DIST += %reldir%/tools/mkpattern_h5.c
