/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * postmaster.c: the postmaster class (/post, see postmaster.h): its field
 * table, defaults (PGENESIS's: 120 s, 3 s, sync before step) and checks.
 * It has no actions; the parallel layer gives the fields their meaning.
 */
#include "postmaster.h"

#define PM_FIELD(m, type, unit, desc)    GS_FIELD(struct postmaster, m, type, unit, desc)
#define PM_FIELD_RO(m, type, unit, desc) GS_FIELD_RO(struct postmaster, m, type, unit, desc)

static const struct gs_field postmaster_fields[] = {
    PM_FIELD_RO(mynode, GS_INT, "", "this node's number in its zone"),
    PM_FIELD_RO(myzone, GS_INT, "", "this node's zone"),
    PM_FIELD_RO(nnodes, GS_INT, "", "nodes in this zone"),
    PM_FIELD_RO(nzones, GS_INT, "", "zones"),
    PM_FIELD_RO(totalnodes, GS_INT, "", "nodes in all zones"),
    PM_FIELD(msg_hang_time, GS_REAL, "s", "how long a barrier or remote call waits before it fails"),
    PM_FIELD(pvm_hang_time, GS_REAL, "s", "after this long a wait says whom it waits for (0: never)"),
    PM_FIELD(sync_before_step, GS_INT, "", "1: the zone meets before each step command"),
    PM_FIELD(remote_info, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(delete_msgs, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(delete_elts, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(copy_elts, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(min_delay, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(remote_error_report, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(perfmon, GS_INT, "", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(xupdate_period, GS_REAL, "s", "kept for PGENESIS scripts (unused)"),
    PM_FIELD(xmin, GS_REAL, "m", "this node's domain (unused)"),
    PM_FIELD(xmax, GS_REAL, "m", "this node's domain (unused)"),
    PM_FIELD(ymin, GS_REAL, "m", "this node's domain (unused)"),
    PM_FIELD(ymax, GS_REAL, "m", "this node's domain (unused)"),
    PM_FIELD(zmin, GS_REAL, "m", "this node's domain (unused)"),
    PM_FIELD(zmax, GS_REAL, "m", "this node's domain (unused)"),
    GS_FIELD_END,
};

static enum gs_status
postmaster_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct postmaster *pm = (struct postmaster *)el;
    pm->msg_hang_time = 120;
    pm->pvm_hang_time = 3;
    pm->sync_before_step = 1;
    pm->min_delay = 1;
    pm->xupdate_period = 0.01;
    pm->nnodes = pm->nzones = pm->totalnodes = 1;
    return GS_OK;
}

static enum gs_status
postmaster_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                        const struct gs_element *old)
{
    (void)old;
    const struct postmaster *pm = (const struct postmaster *)new_;
    if (!(pm->msg_hang_time > 0))
        return gs_error(sim, "msg_hang_time must be > 0 seconds, got %g", pm->msg_hang_time);
    if (!(pm->pvm_hang_time >= 0))
        return gs_error(sim, "pvm_hang_time must be >= 0 seconds, got %g", pm->pvm_hang_time);
    return GS_OK;
}

const struct gs_class postmaster_class = {
    .name = "postmaster",
    .classes = "postmaster",
    .desc = "the parallel library's settings and node numbers (/post, made by paron)",
    .size = sizeof(struct postmaster),
    .fields = postmaster_fields,
    .create = postmaster_create,
    .check_fields = postmaster_check_fields,
};
