# SPDX-License-Identifier: GPL-2.0-or-later
# docs/: reference pages (our own text), shipped in the tarball.
EXTRA_DIST += $(wildcard $(srcdir)/%reldir%/*.md) $(wildcard $(srcdir)/%reldir%/commands/*.md)
