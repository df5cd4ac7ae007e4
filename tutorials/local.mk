# SPDX-License-Identifier: GPL-2.0-or-later
# tutorials/: worked models, shipped in the tarball.
EXTRA_DIST += $(wildcard $(srcdir)/%reldir%/*/*.g) $(wildcard $(srcdir)/%reldir%/*/*.md) \
	$(wildcard $(srcdir)/%reldir%/*/*.lua) $(wildcard $(srcdir)/%reldir%/*/*.p) \
	$(wildcard $(srcdir)/%reldir%/*/*.png) $(wildcard $(srcdir)/%reldir%/*/*.h5)
