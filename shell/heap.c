/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * heap.c: allocator settings for a simulator's memory pattern.
 *
 * Building a network makes tens of thousands of small allocations
 * (elements, messages, names) and then a few large arrays (the compiled
 * model). With glibc's defaults each new 4 KiB page of that memory costs a
 * page fault, and the large arrays each get a mapping of their own: at
 * 32x32 rsnet cells that was about 1,900 faults, a third of the build time
 * (more in a virtual machine, where a fault is dearer). Here the heap grows
 * 64 MiB at a time, the large arrays come from it too, and its first 64 MiB
 * are marked for transparent huge pages, so one fault there maps 2 MiB
 * (later growth keeps the system's default). Memory is still only
 * committed where it is touched.
 *
 * Only glibc on Linux has these knobs; elsewhere, and under sanitizers or
 * valgrind (which bring their own allocator), this does nothing useful and
 * nothing harmful.
 */
#include "config.h"

#include <stdlib.h> /* defines __GLIBC__ */

#include "heap.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define HEAP_STEP ((size_t)64 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

void
heap_tune(void)
{
    mallopt(M_TOP_PAD, (int)HEAP_STEP);
    mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_STEP));
    mallopt(M_MMAP_THRESHOLD, (int)(HEAP_STEP / 2));
#ifdef MADV_HUGEPAGE
    /* one allocation grows the heap by HEAP_STEP now, so the huge-page
     * advice covers a mapped range */
    char *p = malloc(1 << 20);
    if (!p)
        return;
    uintptr_t brk_now = (uintptr_t)sbrk(0), at = (uintptr_t)p;
    /* only when P is in the brk heap (not another allocator's arena) */
    if (at < brk_now && brk_now - at <= 2 * HEAP_STEP) {
        uintptr_t lo = (at + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        uintptr_t hi = brk_now & ~(HUGE_PAGE - 1);
        if (hi > lo)
            madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    }
    free(p);
#endif
}
#else
void
heap_tune(void)
{
}
#endif
