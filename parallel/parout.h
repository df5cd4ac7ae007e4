/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * parout.h: the parallel output (PGENESIS's par_asc_file and
 * par_disk_out; parallel HDF5 files). A SAVE message from any rank
 * (raddmsg ... SAVE index field) sends its value, at every tick of the
 * file's clock, to the node that holds the file; that node places the
 * values by index and hands the row to the file's sink (models/io/sink.h).
 */
#ifndef GS_PAROUT_H
#define GS_PAROUT_H

#include "../models/core/core.h"

/* A SAVE of field FIELD of EL, index IDX, to a parallel output file on
 * zone node NODE (maybe this one). */
void parout_save(struct gs_sim *sim, struct gs_element *el, const char *field, int node,
                 long idx);
/* FILE, a parallel output file here, receives SAVE values. */
void parout_file(struct gs_sim *sim, struct gs_element *file);
/* After the zone agreed on reset (every SAVE registration has arrived by
 * then): checks the SAVE indices of this node's files (a gap or a
 * duplicate is an error naming the element and its file). */
enum gs_status parout_reset_check(struct gs_sim *sim);
/* At the end of the job, before MPI ends: closes the shared files
 * (CLEAN: every node is here), or drops them as their last block left
 * them (a signal ended the run: other nodes may be gone). */
void parout_end(struct gs_sim *sim, bool clean);

#endif
