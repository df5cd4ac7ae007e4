/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * outfile.h: the text file behind an output element (asc_file,
 * par_asc_file, spikehistory): its name (the filename field, or the
 * element's name when that is empty), and opening and closing it with the
 * element's is_open field kept in step and errors that name the file.
 */
#ifndef GS_OUTFILE_H
#define GS_OUTFILE_H

#include <stdio.h>

#include "../core/core.h"

/* FILENAME when set, else EL's name. */
const char *outfile_name(const char *filename, const struct gs_element *el);
/* Opens NAME with MODE into *FP unless it is open already; *IS_OPEN
 * follows. Error: it cannot be opened. */
enum gs_status outfile_open(struct gs_sim *sim, FILE **fp, int *is_open, const char *name,
                            const char *mode);
/* Closes *FP if open. Error (only when SIM is set): the close failed, so
 * rows were lost. */
enum gs_status outfile_close(struct gs_sim *sim, FILE **fp, int *is_open, const char *name);

#endif
