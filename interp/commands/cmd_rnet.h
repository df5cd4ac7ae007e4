/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_rnet.h: what the two files of PGENESIS's remote network commands
 * share: cmd_rnet.c (raddmsg, rshowmsg and the requests they send) and
 * cmd_rvolume.c (rvolumeconnect, rvolumedelay, rvolumeweight).
 */
#ifndef GS_CMD_RNET_H
#define GS_CMD_RNET_H

#include "../../models/base/strbuf.h"
#include "../cmd.h"

/* Splits "path@nodes" into a copy of the path (caller frees) and the node
 * list (inside W). Errors: no '@', or nothing on one side of it. */
enum gs_status rnet_split_at(struct gs_sim *sim, const char *w, char **path, const char **nodes);
/* Runs NAME ARGV on zone node NODE, waiting for its reply (RES: its value). */
enum gs_status rnet_call_node(struct gs_sim *sim, int node, const char *name, int argc,
                              const char *const *argv, const char *where, struct strbuf *res);
/* The zone node of total node (rank) RANK. */
int rnet_zone_node(struct gs_sim *sim, int rank);

#endif
