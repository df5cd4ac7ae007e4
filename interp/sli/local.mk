# SPDX-License-Identifier: GPL-2.0-or-later
# interp/sli/: the SLI (.g) to Lua compiler.
libgensh_a_SOURCES += \
	%reldir%/sli.h
