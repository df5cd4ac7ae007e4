# SPDX-License-Identifier: GPL-2.0-or-later
# wildcard.mk: included by plain make (not automake): the script tests
# (tests/scripts/<family>/<case>.g|.lua) and the shell-driven tests
# (tests/shell/*.test, tests/parallel/*.test, tests/jobs/*.test), found
# when make runs, and
# the files they need in the tarball.
gs_srcdir = $(srcdir)
GS_SCRIPT_TESTS = $(patsubst $(gs_srcdir)/%,%,$(sort \
	$(wildcard $(gs_srcdir)/tests/scripts/*/*.g) \
	$(wildcard $(gs_srcdir)/tests/scripts/*/*.lua)))
GS_SHELL_TESTS = $(patsubst $(gs_srcdir)/%,%,$(sort $(wildcard $(gs_srcdir)/tests/shell/*.test) \
	$(wildcard $(gs_srcdir)/tests/parallel/*.test) $(wildcard $(gs_srcdir)/tests/jobs/*.test)))
TESTS += $(GS_SCRIPT_TESTS) $(GS_SHELL_TESTS)
EXTRA_DIST += $(GS_SCRIPT_TESTS) $(GS_SHELL_TESTS) \
	$(patsubst $(gs_srcdir)/%,%,$(wildcard \
	$(gs_srcdir)/tests/scripts/*/*.out $(gs_srcdir)/tests/scripts/*/*.err \
	$(gs_srcdir)/tests/scripts/*/*.in $(gs_srcdir)/tests/scripts/*/data/* \
	$(gs_srcdir)/tests/shell/*.exp $(gs_srcdir)/tests/shell/*.sh \
	$(gs_srcdir)/tests/parallel/data/* $(gs_srcdir)/tests/parallel/*.sh \
	$(gs_srcdir)/tests/jobs/*.sh))
