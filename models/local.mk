# SPDX-License-Identifier: GPL-2.0-or-later
# models/: base utilities, element tree, classes, solver, files, graphics.
libgensh_a_SOURCES += \
	%reldir%/base/gs.h \
	%reldir%/base/strbuf.h \
	%reldir%/base/diag.c \
	%reldir%/base/num.c \
	%reldir%/base/rng.h \
	%reldir%/base/rng.c \
	%reldir%/base/rng_key.h \
	%reldir%/base/strbuf.c \
	%reldir%/base/which.h \
	%reldir%/base/which.c \
	%reldir%/base/xalloc.c
# The element tree, classes, fields, messages, paths, clocks and schedule.
libgensh_a_SOURCES += \
	%reldir%/class_list.h \
	%reldir%/core/core.h \
	%reldir%/core/core_int.h \
	%reldir%/core/class.h \
	%reldir%/core/class.c \
	%reldir%/core/element.h \
	%reldir%/core/element.c \
	%reldir%/core/field.h \
	%reldir%/core/field.c \
	%reldir%/core/interpol.h \
	%reldir%/core/interpol.c \
	%reldir%/core/model.h \
	%reldir%/core/model.c \
	%reldir%/core/msg.h \
	%reldir%/core/msg.c \
	%reldir%/core/path.h \
	%reldir%/core/path.c \
	%reldir%/core/bgstep.h \
	%reldir%/core/bgstep.c \
	%reldir%/core/sched.h \
	%reldir%/core/pool.c \
	%reldir%/core/sched.c \
	%reldir%/core/strpool.c \
	%reldir%/basic/neutral.c \
	%reldir%/basic/postmaster.h \
	%reldir%/basic/postmaster.c \
	%reldir%/devices/calculator.c \
	%reldir%/devices/diffamp.c \
	%reldir%/devices/playback.h \
	%reldir%/devices/playback.c \
	%reldir%/devices/pulsegen.c \
	%reldir%/io/asc_file.c \
	%reldir%/io/checkpoint.h \
	%reldir%/io/checkpoint.c \
	%reldir%/io/disk_in.c \
	%reldir%/io/disk_out.c \
	%reldir%/io/fmt1.h \
	%reldir%/io/fmt1.c \
	%reldir%/io/numtext.h \
	%reldir%/io/numtext.c \
	%reldir%/io/outelem.h \
	%reldir%/io/outelem.c \
	%reldir%/io/par_asc_file.c \
	%reldir%/io/par_disk_out.c \
	%reldir%/io/par_hdf5_out.c \
	%reldir%/io/parfile.h \
	%reldir%/io/parfile.c \
	%reldir%/io/script_out.c \
	%reldir%/io/sink.h \
	%reldir%/io/sink_int.h \
	%reldir%/io/sink.c \
	%reldir%/io/sink_text.c \
	%reldir%/io/h5list.h \
	%reldir%/io/h5table.h \
	%reldir%/io/hdf5_in.c \
	%reldir%/io/hdf5_out.c \
	%reldir%/tables/table.c
if HAVE_HDF5
libgensh_a_SOURCES += %reldir%/io/hdf5_file.c
else
libgensh_a_SOURCES += %reldir%/io/hdf5_none.c
endif
EXTRA_DIST += %reldir%/io/hdf5_file.c %reldir%/io/hdf5_none.c
# The compiled model: builder, layout, CPU backend (models/solver/), and the
# neuron classes it runs (compartment/, channels/, synapses/).
libgensh_a_SOURCES += \
	%reldir%/solver/backend.h \
	%reldir%/solver/build.h \
	%reldir%/solver/build_int.h \
	%reldir%/solver/build.c \
	%reldir%/solver/fields.c \
	%reldir%/solver/formulas.h \
	%reldir%/solver/layout.c \
	%reldir%/solver/model.h \
	%reldir%/solver/model_int.h \
	%reldir%/solver/model.c \
	%reldir%/solver/solver.h \
	%reldir%/solver/sclass.h \
	%reldir%/solver/glue.c \
	%reldir%/solver/hines.c \
	%reldir%/solver/hsyn.c \
	%reldir%/solver/solver.c \
	%reldir%/solver/uniform.c \
	%reldir%/solver/vmath.h \
	%reldir%/solver/cpu/backend_cpu.c \
	%reldir%/solver/cpu/cpu.h \
	%reldir%/solver/cpu/general_cpu.c \
	%reldir%/solver/cpu/pool_cpu.c \
	%reldir%/solver/cpu/records_cpu.c \
	%reldir%/solver/cpu/spikes_cpu.c \
	%reldir%/solver/cpu/step_cpu.c \
	%reldir%/solver/cpu/kern.h \
	%reldir%/solver/cpu/kern_avx.h \
	%reldir%/solver/cpu/kern_body.h \
	%reldir%/solver/cpu/kern_base.c \
	%reldir%/solver/cpu/kern_avx2.c \
	%reldir%/solver/cpu/kern_avx512.c \
	%reldir%/channels/gate_tables.h \
	%reldir%/channels/gate_tables.c \
	%reldir%/channels/tabchannel.h \
	%reldir%/channels/tabchannel.c \
	%reldir%/channels/hh_channel.c \
	%reldir%/channels/nernst.c \
	%reldir%/channels/ghk.c \
	%reldir%/channels/Mg_block.c \
	%reldir%/channels/Ca_concen.c \
	%reldir%/compartment/compartment_int.h \
	%reldir%/compartment/compartment.c \
	%reldir%/compartment/compartment_solver.c \
	%reldir%/compartment/symcompartment.c \
	%reldir%/hines/hsolve.h \
	%reldir%/hines/hsolve.c \
	%reldir%/synapses/randomspike.c \
	%reldir%/synapses/rspike.c \
	%reldir%/synapses/spikegen.c \
	%reldir%/synapses/synchan.c
# Networks (createmap, planar/volume connect, weights, delays) and the
# spike recorder.
libgensh_a_SOURCES += \
	%reldir%/network/network.h \
	%reldir%/network/connect.c \
	%reldir%/network/geom.c \
	%reldir%/network/map.c \
	%reldir%/network/synapse.c \
	%reldir%/network/values.c \
	%reldir%/io/spikehistory.c
# Regions (issue 14): port selectors, regions and their ports, patterns.
libgensh_a_SOURCES += \
	%reldir%/regions/selector.h \
	%reldir%/regions/selector.c \
	%reldir%/regions/region.h \
	%reldir%/regions/region.c \
	%reldir%/regions/pattern_h5.c
# readcell: building cells from .p files.
libgensh_a_SOURCES += \
	%reldir%/cell/readcell.h \
	%reldir%/cell/readcell_int.h \
	%reldir%/cell/readcell.c \
	%reldir%/cell/cellbuild.c
# GENESIS's parameter-search library: the paramtable classes.
libgensh_a_SOURCES += \
	%reldir%/param/param.h \
	%reldir%/param/param.c \
	%reldir%/param/paramtableBF.c \
	%reldir%/param/paramtableCG.c \
	%reldir%/param/paramtableGA.c \
	%reldir%/param/paramtableSA.c \
	%reldir%/param/paramtableSS.c \
	%reldir%/param/ptab_best.c \
	%reldir%/param/ptab_file.c

# The CUDA backend (models/solver/cuda/, docs/gpu.md): the host side is C,
# the device side one nvcc object, without FMA contraction or fast math so
# that it gives the CPU backend's bits.
EXTRA_DIST += %reldir%/solver/cuda/kern_cuda.cu
if HAVE_CUDA
libgensh_a_SOURCES += \
	%reldir%/solver/cuda/cuda.h \
	%reldir%/solver/cuda/backend_cuda.c \
	%reldir%/solver/cuda/step_cuda.c \
	%reldir%/solver/cuda/spikes_cuda.c \
	%reldir%/solver/cuda/records_cuda.c \
	%reldir%/solver/cuda/kern_cuda.h
libgensh_a_LIBADD += %reldir%/solver/cuda/kern_cuda.$(OBJEXT)
CLEANFILES += %reldir%/solver/cuda/kern_cuda.$(OBJEXT)
%reldir%/solver/cuda/kern_cuda.$(OBJEXT): $(srcdir)/%reldir%/solver/cuda/kern_cuda.cu \
		$(srcdir)/%reldir%/solver/cuda/kern_cuda.h $(srcdir)/%reldir%/solver/formulas.h \
		$(srcdir)/%reldir%/solver/vmath.h $(srcdir)/%reldir%/solver/model.h \
		$(srcdir)/%reldir%/base/rng_key.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(NVCC) $(GS_NVCCFLAGS) $(NVCCFLAGS) -I$(top_srcdir) -I$(top_builddir) -c -o $@ \
		$(srcdir)/%reldir%/solver/cuda/kern_cuda.cu
endif
