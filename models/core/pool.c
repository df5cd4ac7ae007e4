/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pool.c: the model's small blocks: elements, messages and the pointer
 * arrays that link them. A network makes millions of these, a few tens
 * to a few hundred bytes each, and frees them only when elements go.
 * They are carved out of large chunks, one free list per size (a
 * multiple of 16 bytes), with no per-block header: one heap allocation per
 * chunk instead of one per block, and no allocator bookkeeping per block.
 * Blocks larger than GS_POOL_MAX come from the heap. Freed blocks are
 * reused by later blocks of the same size; the chunks go back with the
 * model.
 *
 * Under AddressSanitizer every block is its own heap block, so that
 * overruns and uses after free are still caught.
 */
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_PASS_THROUGH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_PASS_THROUGH 1
#endif
#endif
#ifndef POOL_PASS_THROUGH
#define POOL_PASS_THROUGH 0
#endif

#define GRAIN    16
#define NCLASS   (GS_POOL_MAX / GRAIN)
#define CHUNK    (256 * 1024)

struct chunk {
    struct chunk *next;
    /* blocks follow, GRAIN-aligned */
};

struct freeblock {
    struct freeblock *next;
};

struct gs_pool {
    struct freeblock *free[NCLASS]; /* class c: blocks of (c + 1) * GRAIN bytes */
    struct chunk *chunks;
    char *cur;                      /* the unused tail of the newest chunk */
    size_t left;
};

static size_t
class_of(size_t size)
{
    return (size + GRAIN - 1) / GRAIN - 1;
}

void *
pool_alloc(struct gs_pool **pp, size_t size)
{
    if (POOL_PASS_THROUGH || size == 0 || size > GS_POOL_MAX)
        return xcalloc(1, size ? size : 1);
    if (!*pp)
        *pp = xcalloc(1, sizeof **pp);
    struct gs_pool *p = *pp;
    size_t c = class_of(size), bytes = (c + 1) * GRAIN;
    void *b = p->free[c];
    if (b) {
        p->free[c] = p->free[c]->next;
    } else {
        if (p->left < bytes) {
            /* The rest of the old chunk (less than one block) is left unused. */
            struct chunk *ch = xmalloc(CHUNK);
            ch->next = p->chunks;
            p->chunks = ch;
            p->cur = (char *)ch + GRAIN;
            p->left = CHUNK - GRAIN;
        }
        b = p->cur;
        p->cur += bytes;
        p->left -= bytes;
    }
    return memset(b, 0, bytes);
}

void
pool_free(struct gs_pool *p, void *b, size_t size)
{
    if (!b)
        return;
    if (POOL_PASS_THROUGH || size == 0 || size > GS_POOL_MAX) {
        free(b);
        return;
    }
    size_t c = class_of(size);
    struct freeblock *f = b;
    f->next = p->free[c];
    p->free[c] = f;
}

void *
pool_realloc(struct gs_pool **pp, void *b, size_t old, size_t size)
{
    if (b && old > GS_POOL_MAX && size > GS_POOL_MAX && !POOL_PASS_THROUGH)
        return xrealloc(b, size);
    void *nb = pool_alloc(pp, size);
    if (b) {
        memcpy(nb, b, old < size ? old : size);
        pool_free(*pp, b, old);
    }
    return nb;
}

void
pool_destroy(struct gs_pool *p)
{
    if (!p)
        return;
    for (struct chunk *ch = p->chunks, *next; ch; ch = next) {
        next = ch->next;
        free(ch);
    }
    free(p);
}
