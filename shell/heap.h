/* SPDX-License-Identifier: GPL-2.0-or-later */
/* heap.h: start-up tuning of the C library's allocator (see heap.c). */
#ifndef GS_HEAP_H
#define GS_HEAP_H

/* Grows the heap in large steps backed by huge pages where the system
 * allows it. Call first thing in main(); harmless where unsupported. */
void heap_tune(void);

#endif
