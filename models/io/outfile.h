/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * outfile.h: the name of the file behind an output element (asc_file,
 * par_asc_file, disk_out, spikehistory, hdf5_out, ...): the filename
 * field, or the element's name when that is empty. Opening, writing and
 * closing go through the element's sink (sink.h).
 */
#ifndef GS_OUTFILE_H
#define GS_OUTFILE_H

#include "../core/core.h"

/* FILENAME when set, else EL's name. */
const char *outfile_name(const char *filename, const struct gs_element *el);

#endif
