/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * postmaster.h: the /post element PGENESIS scripts read and set (setfield
 * /post msg_hang_time 3600). The class is plain data in models/; paron in
 * parallel/ creates /post, fills the node and zone numbers, and reads the
 * settings from it whenever it waits.
 */
#ifndef GS_POSTMASTER_H
#define GS_POSTMASTER_H

#include "../core/core.h"

struct postmaster {
    struct gs_element el;
    /* set by paron (read-only for users) */
    int mynode;              /* node number in its zone */
    int myzone;
    int nnodes;              /* nodes in the zone */
    int nzones;
    int totalnodes;          /* nodes in all zones */
    /* settings */
    double msg_hang_time;    /* s: how long any wait lasts before it fails */
    double pvm_hang_time;    /* s: after this long a wait says what it waits for */
    int sync_before_step;    /* meet the zone before each step command */
    /* PGENESIS fields kept for scripts that set them; gensh does not use them */
    int remote_info, delete_msgs, delete_elts, copy_elts, min_delay, remote_error_report;
    int perfmon;
    double xupdate_period;   /* s */
    double xmin, xmax, ymin, ymax, zmin, zmax; /* m: the node's domain */
};

extern const struct gs_class postmaster_class;

#endif
