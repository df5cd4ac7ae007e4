/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_network.h: what cmd_network.c shares with the other command files:
 * reading planar/volumeconnect's options and the rule of planar/volume
 * weight and delay commands, so that rvolumeconnect, rvolumedelay and
 * rvolumeweight (cmd_rvolume.c) take the same options with the same checks
 * and messages.
 */
#ifndef GS_CMD_NETWORK_H
#define GS_CMD_NETWORK_H

#include <stdbool.h>

#include "../../models/network/network.h"
#include "../cmd.h"

/* The option tables of volumeconnect, volumedelay and volumeweight (and
 * their planar forms), shared by the remote commands. */
extern const struct gs_opt cmd_net_connect_optv[];
extern const struct gs_opt cmd_net_delay_optv[];
/* The options of a delay's random part, shared by the delay commands and
 * syndelay. */
#define GS_DELAY_RANDOM_OPTS \
    {"-add", 0, GS_ARG_STR, \
     "add the random part to the delay already set instead of replacing it"}, \
    {"-uniform", 1, GS_ARG_REAL, "scale: multiply by a uniform draw in [1-scale, 1+scale]"}, \
    {"-gaussian", 2, GS_ARG_REAL, "sd max: add a Gaussian draw of this SD, cut at max"}, \
    {"-exponential", 2, GS_ARG_REAL, \
     "mid max: a draw from an exponential with 1/e point mid, at most max"}, \
    {"-absoluterandom", 0, GS_ARG_STR, \
     "the random part is absolute (s), not relative to the delay"}
extern const struct gs_opt cmd_net_weight_optv[];

/* Fills V from CALL's options: -fixed/-radial (DELAY) or -fixed/-decay,
 * -add, -uniform/-gaussian/-exponential, -absoluterandom; the salt of the
 * draws is the hash of the command's words after its name. Errors: not
 * exactly one rule, more than one random part. */
enum gs_status cmd_net_value_opts(struct gs_call *call, bool delay, int dim, struct net_value *v);

/* Fills C (DIM 2 or 3) from CALL's options: -relative, -probability, the
 * masks and holes; the salt is the hash of the command's words. Errors: a
 * bad mask, a negative probability ("-probability expects a number >= 0,
 * got '-0.5'"); C holds nothing to free then. Otherwise free C's regions
 * (net_region_free). */
enum gs_status cmd_net_connect_opts(struct gs_call *call, int dim, struct net_connect *c);

#endif
