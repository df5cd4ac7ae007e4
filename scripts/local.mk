# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/: the script library installed under $(pkgdatadir).
dist_pkgdata_DATA += %reldir%/startup.g
