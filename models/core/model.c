/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model.c: the model object behind sim->model: creation with its root
 * element (and GENESIS's /proto and /output), default clocks and default
 * schedule; the slot table behind element handles; the working element's
 * bookkeeping when elements go; and the compiled-model hook (install,
 * invalidate, sync).
 */
#include <stdlib.h>
#include <string.h>

#include "bgstep.h"
#include "core_int.h"

extern const struct gs_class neutral_class;

void
model_new(struct gs_sim *sim)
{
    struct gs_model *m = xcalloc(1, sizeof *m);
    m->sim = sim;
    sim->model = m;
    struct gs_element *root = elem_alloc(m, &neutral_class, "", 0);
    m->root = root;
    m->cwe = root;
    /* GENESIS starts clock 0 at 1 (Clocks.txt); scripts set it. */
    m->clock[0] = 1.0;
    strcpy(m->float_format, "%0.10g");
    m->xps.maxgray = 256;
    m->xps.dpi = 100;
    sched_default(sim);
    sim->complete_path = path_complete;
    /* GENESIS's start-up elements (StartupElements): /proto, for
     * prototypes, left out of the simulation as GENESIS blocks it, and
     * /output. They are not the last created element (^). */
    struct gs_element *proto = NULL;
    if (elem_create(sim, &neutral_class, root, "proto", 0, &proto) != GS_OK
        || elem_create(sim, &neutral_class, root, "output", 0, NULL) != GS_OK)
        GS_BUG("cannot create /proto and /output: %s", sim->diag.msg);
    proto->flags |= GS_EL_DISABLED;
    m->last = NULL;
    m->dirty = false;
}

void
model_free(struct gs_sim *sim)
{
    struct gs_model *m = sim->model;
    if (!m)
        return;
    if (m->solver && m->compiled && m->solver->release)
        m->solver->release(sim, m->solver_state);
    m->compiled = false;
    bgstep_cancel(sim);
    elem_free_all_below(m->root);
    sched_clear(sim);
    free(m->task);
    if (m->solver && m->solver->free)
        m->solver->free(m->solver_state);
    elem_free_memory(m->root);
    free(m->estack);
    free(m->slot_el);
    free(m->slot_gen);
    free(m->free_slots);
    childmap_free(m->childmap);
    strpool_free(m->strings);
    pool_destroy(m->pool);
    free(m->fmtcache);
    free(m->pathcache);
    free(m->xps.filename);
    free(m);
    sim->model = NULL;
    sim->complete_path = NULL;
}

void
model_slot_alloc(struct gs_model *m, struct gs_element *el)
{
    uint32_t s;
    if (m->nfree > 0) {
        s = m->free_slots[--m->nfree];
    } else {
        if (m->nslot == m->capslot) {
            m->capslot = m->capslot ? m->capslot * 2 : 64;
            m->slot_el = xreallocarray(m->slot_el, m->capslot, sizeof *m->slot_el);
            m->slot_gen = xreallocarray(m->slot_gen, m->capslot, sizeof *m->slot_gen);
        }
        s = m->nslot++;
        m->slot_gen[s] = 1;
    }
    m->slot_el[s] = el;
    el->slot = s;
    m->nelements++;
}

void
model_slot_free(struct gs_model *m, struct gs_element *el)
{
    uint32_t s = el->slot;
    m->slot_el[s] = NULL;
    m->slot_gen[s]++;
    if (m->nfree == m->capfree) {
        m->capfree = m->capfree ? m->capfree * 2 : 64;
        m->free_slots = xreallocarray(m->free_slots, m->capfree, sizeof *m->free_slots);
    }
    m->free_slots[m->nfree++] = s;
    m->nelements--;
}

void
model_forget(struct gs_model *m, struct gs_element *el)
{
    if (m->last == el)
        m->last = NULL;
    /* The working element goes up to the nearest surviving ancestor. */
    if (m->cwe == el)
        m->cwe = el->parent ? el->parent : m->root;
}

void
model_set_solver(struct gs_model *m, const struct gs_solver_ops *ops, void *state)
{
    if (m->solver && m->solver->free)
        m->solver->free(m->solver_state);
    m->solver = ops;
    m->solver_state = state;
    m->compiled = false;
    m->dirty = true;
}

void
model_sync(struct gs_model *m)
{
    if (m->compiled && m->solver->sync)
        m->solver->sync(m->solver_state);
}

void
model_changed(struct gs_model *m)
{
    if (m->compiled) {
        /* Keep the state the solver computed: the recompile starts from it. */
        model_sync(m);
        if (m->solver->release)
            m->solver->release(m->sim, m->solver_state);
        m->compiled = false;
    }
    m->dirty = true;
    m->sched_dirty = true;
}

struct gs_element *
model_last(const struct gs_model *m)
{
    return m->last;
}
