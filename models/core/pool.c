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
 *
 * Chunks grow: the first is 256 KB (a small model stays small), each next
 * one twice the last, up to 4 MB. From 2 MB on they are aligned to 2 MB
 * (mapped from the kernel) and offered as huge pages (madvise, where
 * transparent huge pages are on "madvise"): building a large network is otherwise a
 * page fault per 4 KB of new blocks, a sixth of its time on the project's
 * virtual machine.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
#define CHUNK0   ((size_t)256 * 1024)
#define CHUNKMAX ((size_t)4 * 1024 * 1024)
#define HUGE_PAGE ((size_t)2 * 1024 * 1024)

struct chunk {
    struct chunk *next;
    size_t size;       /* from HUGE_PAGE on, mapped (map_huge); below, the heap's */
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
    size_t next_size;               /* of the next chunk; 0: CHUNK0 */
};

static size_t
class_of(size_t size)
{
    return (size + GRAIN - 1) / GRAIN - 1;
}

/* SIZE bytes aligned to a huge page, straight from the kernel (the
 * heap's aligned allocation leaves a partly used huge page's worth of
 * bytes behind each chunk), offered as huge pages. */
static void *
map_huge(size_t size)
{
    char *m = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (m == MAP_FAILED)
        GS_BUG("out of memory mapping %zu bytes", size);
    size_t head = (HUGE_PAGE - (uintptr_t)m % HUGE_PAGE) % HUGE_PAGE;
    if (head)
        munmap(m, head);
    if (HUGE_PAGE - head)
        munmap(m + head + size, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
    (void)madvise(m + head, size, MADV_HUGEPAGE); /* advice: no huge pages is no error */
#endif
    return m + head;
}

/* A new chunk of the next size, linked into P. */
static void
new_chunk(struct gs_pool *p)
{
    size_t size = p->next_size ? p->next_size : CHUNK0;
    p->next_size = size < CHUNKMAX ? 2 * size : CHUNKMAX;
    struct chunk *ch = size >= HUGE_PAGE ? map_huge(size) : xmalloc(size);
    ch->next = p->chunks;
    ch->size = size;
    p->chunks = ch;
    p->cur = (char *)ch + GRAIN;
    p->left = size - GRAIN;
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
        if (p->left < bytes)
            new_chunk(p); /* the rest of the old one (less than a block) stays unused */
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
        if (ch->size >= HUGE_PAGE)
            munmap(ch, ch->size);
        else
            free(ch);
    }
    free(p);
}
