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
/* Allocates an element of CLS named NAME[INDEX] in M, with a slot; not yet
 * linked or created. */
struct gs_element *elem_alloc(struct gs_model *m, const struct gs_class *cls, const char *name,
                              int index);
/* Frees EL's memory: its owned fields, lists, name, slot-free block. */
void elem_free_memory(struct gs_element *el);
/* Called by elem_delete: forgets EL in the model's pointers (^, ce, stack). */
void model_forget(struct gs_model *m, struct gs_element *el);

/* The model's shared strings (strpool.c): element names and message slot
 * words, each distinct text stored once with a count of its users.
 * strpool_get returns the pool's copy of S (made on first use; *PP is
 * created then) and counts one more user; strpool_put lets one go and
 * frees the text after its last user. */
struct gs_strpool;
const char *strpool_get(struct gs_strpool **pp, const char *s);
void strpool_put(struct gs_strpool *p, const char *s);
/* The pool's copy of S, or NULL when no one uses that text (no count
 * taken); and the hash of a pooled text. */
const char *strpool_find(const struct gs_strpool *p, const char *s);
uint32_t strpool_hash(const char *pooled);
void strpool_free(struct gs_strpool *p);

/* The child index: open addressing with linear probing over element
 * pointers, keyed by (parent, name, index), for the children of parents
 * with many (element.c's CHILD_SCAN). Owned by the model. */
struct gs_childmap {
    struct gs_element **slot; /* NULL: empty */
    size_t cap;               /* a power of two */
    size_t n;
    uint64_t gen;             /* bumped by every link and unlink of a child (path.c's cache) */
};
void childmap_free(struct gs_childmap *cm);

/* The model's small blocks (pool.c): elements, messages and their pointer
 * arrays, from per-size free lists in large chunks. pool_alloc returns
 * SIZE zeroed bytes (*PP is created on first use); pool_free and
 * pool_realloc take the size the block was allocated with (pool_realloc
 * keeps the first min(OLD, SIZE) bytes; the rest is undefined). Blocks
 * over GS_POOL_MAX bytes come from the heap. */
#define GS_POOL_MAX 512
struct gs_pool;
void *pool_alloc(struct gs_pool **pp, size_t size);
void pool_free(struct gs_pool *p, void *b, size_t size);
void *pool_realloc(struct gs_pool **pp, void *b, size_t old, size_t size);
void pool_destroy(struct gs_pool *p);

/* Grows M's array of pointers (from its pool) by one; its room, 2^*LCAP
 * pointers (none for 0), doubles when full. */
void core_push(struct gs_model *m, void ***arr, int *n, uint8_t *lcap, void *item);
/* Frees an array of 2^LCAP pointers made by core_push. */
void core_array_free(struct gs_model *m, void **arr, uint8_t lcap);
/* The bytes of element EL's block (its instance struct). */
size_t elem_block_size(const struct gs_class *cls);
/* Removes the item at I, keeping order. */
void core_remove_at(void **arr, int *n, int i);

#endif
