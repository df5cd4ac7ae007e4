/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_asc_file.h: what the parallel output layer (parallel/rnet.c) needs
 * of the par_asc_file class: registering the io_index of each SAVE sent
 * to it from any rank, and writing one row from the values gathered for
 * an output step.
 */
#ifndef GS_PAR_ASC_FILE_H
#define GS_PAR_ASC_FILE_H

#include "../core/core.h"

/* Is EL a par_asc_file? */
bool par_asc_file_is(const struct gs_element *el);
/* Notes that a SAVE with index IDX will deliver values (any rank). */
void par_asc_file_register(struct gs_element *el, long idx);
/* Checks that the registered indices are 0 .. n-1, each once (after the
 * zone agreed on reset: parallel/rnet.c). */
enum gs_status par_asc_file_check(struct gs_sim *sim, struct gs_element *el);
/* Number of columns (registered indices). */
long par_asc_file_ncols(const struct gs_element *el);
/* Writes the row "t v[0] v[1] ... " (v in index order). */
enum gs_status par_asc_file_row(struct gs_sim *sim, struct gs_element *el, double t,
                                const double *v);

#endif
