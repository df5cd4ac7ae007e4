# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/: the script library installed under $(pkgdatadir): the startup
# script, and the neurokit-compatible prototypes `include` finds there.
dist_pkgdata_DATA += \
	%reldir%/startup.g \
	%reldir%/compartments.g \
	%reldir%/hh_tchan.g \
	%reldir%/hhchan.g \
	%reldir%/protodefs.g \
	%reldir%/protospike.g \
	%reldir%/synchans.g
