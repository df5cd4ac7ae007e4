/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rnet.h: remote network messages (raddmsg, rvolumeconnect, ...) and the
 * step-time work they need: the spike exchange per lookahead window and
 * the gathering of SAVE values into par_asc_file rows on the output rank.
 * The commands live in interp/commands/cmd_rnet.c; the state and the step
 * hook here.
 */
#ifndef GS_RNET_H
#define GS_RNET_H

#include <stdint.h>

#include "../models/core/core.h"

/* Global identity of a spike source or destination: the io_index of the
 * element or of its nearest ancestor that has one (PGENESIS scripts put it
 * on the soma), else a path-and-rank identity with bit 62 set. */
uint64_t rnet_gid(struct gs_sim *sim, struct gs_element *el);
/* Marks EL (a local spike source) as feeding synapses on other ranks. */
void rnet_export(struct gs_sim *sim, struct gs_element *el, uint64_t gid);
/* The proxy (rspike) for remote source GID of rank NODE, made on first use. */
enum gs_status rnet_proxy(struct gs_sim *sim, uint64_t gid, int node, struct gs_element **out);
/* The proxy of GID, or NULL. */
struct gs_element *rnet_find_proxy(struct gs_sim *sim, uint64_t gid);
/* Records that this rank's sources have proxies on rank NODE. */
void rnet_link_node(struct gs_sim *sim, int node);
/* The ranks recorded by rnet_link_node (*N of them). */
const int *rnet_link_nodes(struct gs_sim *sim, int *n);
/* A SAVE of field FIELD of EL, index IDX, to a par_asc_file elsewhere. */
void rnet_save(struct gs_sim *sim, struct gs_element *el, const char *field, long idx);
/* A par_asc_file here that receives SAVE values. */
void rnet_output_file(struct gs_sim *sim, struct gs_element *file);
/* sim->step_begin: spike exchange and output gather. */
enum gs_status rnet_step_begin(struct gs_sim *sim);
void rnet_free(struct gs_sim *sim);

#endif
