/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rnet.h: remote network messages (raddmsg, rvolumeconnect, ...) and the
 * step-time work they need: the spike exchange per lookahead window and
 * the values sent point to point (SAVE rows on the output rank, PLOT ...).
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
/* The proxy (rspike) for remote source GID of rank NODE, made on first use;
 * ORIGIN ("path@node", may be NULL) names the source for rshowmsg. */
enum gs_status rnet_proxy(struct gs_sim *sim, uint64_t gid, int node, const char *origin,
                          struct gs_element **out);
/* The proxy of GID, or NULL. */
struct gs_element *rnet_find_proxy(struct gs_sim *sim, uint64_t gid);
/* Records that this rank's sources have proxies on rank NODE. */
void rnet_link_node(struct gs_sim *sim, int node);
/* The ranks recorded by rnet_link_node (*N of them). */
const int *rnet_link_nodes(struct gs_sim *sim, int *n);
/* Destination side of a value message from another rank: a new stand-in
 * element (/rvalues/rvalue[i]) to be the local message's source; ORIGIN
 * ("path@node") is what rshowmsg prints for it. */
enum gs_status rnet_standin(struct gs_sim *sim, const char *origin, struct gs_element **out);
/* Undoes rnet_standin (its message could not be made). */
void rnet_standin_drop(struct gs_sim *sim, struct gs_element *standin);
/* Slot SLOT (a constant) of STANDIN's message takes the values of a new
 * channel; returns its id (-1: too many). */
long rnet_value_channel(struct gs_sim *sim, struct gs_element *standin, int slot);
/* Source side: field FIELD of EL goes to channel CHAN of zone node NODE
 * every base step. */
void rnet_value_send(struct gs_sim *sim, struct gs_element *el, const char *field, int node,
                     long chan);
/* The same for a graded region pattern: sent at the start of every step,
 * so the value acts one step late on any node (to this node too). */
void rnet_graded_send(struct gs_sim *sim, struct gs_element *el, const char *field, int node,
                      long chan);
/* The remote source ("path@node") a proxy or stand-in EL stands for, or NULL. */
const char *rnet_origin(struct gs_sim *sim, const struct gs_element *el);
/* Notes TEXT (a line for rshowmsg) as a remote message from EL. */
void rnet_note(struct gs_sim *sim, struct gs_element *el, const char *text);
/* The notes of EL, one per call from index *AT on (start at 0); NULL at the end. */
const char *rnet_notes(struct gs_sim *sim, const struct gs_element *el, size_t *at);
/* The global id under which EL's spikes are exported, or UINT64_MAX. */
uint64_t rnet_exported_gid(struct gs_sim *sim, const struct gs_element *el);
/* Since the last reset: the seconds this node spent exchanging spikes and
 * graded values with the others (waits included) and the bytes of spikes
 * and values it sent them (getstat -exchange, -exchangebytes). */
void rnet_exchange_stats(struct gs_sim *sim, double *seconds, double *bytes);
/* sim->step_begin: spike exchange and the parallel output's rows. */
enum gs_status rnet_step_begin(struct gs_sim *sim);
/* sim->step_solved: the values of channels, every base step. */
enum gs_status rnet_step_solved(struct gs_sim *sim);
/* Frees the state (gs_sim_free). */
void rnet_free(struct gs_sim *sim);

#endif
