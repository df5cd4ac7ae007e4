/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * checkpoint.h: save and restore (GENESIS's SAVE2/RESTORE2 file, TYPE2):
 * the state of a simulation written so that a later run of the same
 * model can go on from it. The file is GENESIS's: a first line starting
 * "TYPE2", then per element its path on a line, an int n and n doubles
 * (the machine's byte order). The records of compartment,
 * symcompartment, tabchannel, Ca_concen, spikegen and synchan (with its
 * spike events on their way) are GENESIS's layouts; randomspike,
 * pulsegen, diffamp, calculator and playback have records of gensh's
 * own, which
 * GENESIS's restore skips. gensh's first line also holds the step count,
 * the time and clock 0's interval, so that a restore goes on at the
 * saved time (GENESIS reads only "TYPE2").
 */
#ifndef GS_CHECKPOINT_H
#define GS_CHECKPOINT_H

#include <stdbool.h>

#include "../core/core.h"

/* Writes the records of the elements of ELS that have state into FILE
 * (APPEND: after the records already there); *NSAVED counts them.
 * Errors: the file cannot be written, or (APPEND) is not a save file. */
enum gs_status checkpoint_save(struct gs_sim *sim, const struct gs_elist *els, const char *file,
                               bool append, long *nsaved);
/* Reads FILE and puts its state into the elements, the time and the spike
 * events on their way; all or nothing: a file that does not fit this model
 * (an element it names is missing, or a record does not fit the element's
 * class), a damaged file or a model that was not reset changes nothing.
 * *NRESTORED counts the elements. */
enum gs_status checkpoint_restore(struct gs_sim *sim, const char *file, long *nrestored);

#endif
