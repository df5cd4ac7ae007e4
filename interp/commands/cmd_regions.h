/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_regions.h: what the regions commands (cmd_regions.c) take from the
 * file that works across nodes (cmd_regions_par.c).
 */
#ifndef GS_CMD_REGIONS_H
#define GS_CMD_REGIONS_H

#include "../../models/regions/region.h"
#include "../cmd.h"

/*
 * This node's part of pattern SPEC (checked by pattern_spec_check): the
 * node of the source region makes it, locally when the destination region
 * is there too, else by asking the destination region's node for its
 * ports and then for the connections (SPIKE messages from proxies of the
 * sources); the other nodes only learn the two regions. *SRC, *DST get
 * the regions' indices, *DNODE the destination region's node, *MADE the
 * connections this node made (0 elsewhere).
 */
enum gs_status regions_connect_any(struct gs_call *call, const struct pattern_spec *spec, int *src,
                                   int *dst, int *dnode, size_t *made);
/* Prints the text of region or pattern (WHAT) NAME, which node NODE
 * holds: here, or asked of NODE. */
enum gs_status regions_show(struct gs_call *call, const char *what, const char *name, int node);

#endif
