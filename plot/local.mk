# SPDX-License-Identifier: GPL-2.0-or-later
# plot/: gensh-plot, pictures of gensh's output files (matplotlib, h5py).
# The installed script's first line names the Python configure chose.
bin_SCRIPTS += gensh-plot
CLEANFILES += gensh-plot
EXTRA_DIST += %reldir%/gensh-plot.py
gensh-plot: $(srcdir)/%reldir%/gensh-plot.py Makefile
	$(AM_V_GEN)sed -e '1s|^#!.*|#!$(PYTHON)|' $(srcdir)/%reldir%/gensh-plot.py >$@.tmp && \
	chmod +x $@.tmp && mv $@.tmp $@
