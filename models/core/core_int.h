/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * core_int.h: private to models/core: the slot table behind handles and
 * the helpers element.c, msg.c, field.c and sched.c share.
 */
#ifndef GS_CORE_INT_H
#define GS_CORE_INT_H

#include "core.h"

/* Gives EL a slot in M's table. */
void model_slot_alloc(struct gs_model *m, struct gs_element *el);
/* Frees EL's slot and bumps its generation, so old handles go stale. */
void model_slot_free(struct gs_model *m, struct gs_element *el);
/* Frees message M: its slots and its destination's data. M must be out of
 * its ends' lists already, or they must be going too (a whole model). */
void msg_free_unlinked(struct gs_msg *m);
/* Frees everything below ROOT (destroy actions included) and every
 * message into ROOT or below: all the messages, for the model's root.
 * ROOT itself, its lists and name stay. */
void elem_free_all_below(struct gs_element *root);
/* Called by elem_delete: forgets EL in the model's pointers (^, ce, stack). */
void model_forget(struct gs_model *m, struct gs_element *el);

/* The child index: open addressing with linear probing over element
 * pointers, keyed by (parent, name, index). Owned by the model. */
struct gs_childmap {
    struct gs_element **slot; /* NULL: empty */
    size_t cap;               /* a power of two */
    size_t n;
    uint64_t gen;             /* bumped by every insert and remove (path.c's cache) */
};
void childmap_free(struct gs_childmap *cm);

/* Grows an array of pointers by one; *CAP doubles. */
void core_push(void ***arr, int *n, int *cap, void *item);
/* Removes the item at I, keeping order. */
void core_remove_at(void **arr, int *n, int i);

#endif
