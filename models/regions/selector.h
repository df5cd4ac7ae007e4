/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * selector.h: port selectors (issue 14), path-like texts that name an
 * ordered set of elements:
 *   /med/L1[0:10]      indices 0 to 9 (the end is excluded)
 *   /med/L1[0,3]       a list of indices (each an index or a range)
 *   /med/[L1,L2][0]    alternatives for a name
 *   /a/x[0],/b/y[1:3]  a union of selectors
 *   /med/L1[*], /med/ * wildcards ("*" as a name), and anything else path.c knows
 *                      (#, ##, [], [TYPE=...]), passed to it as they are
 * A selector is expanded once (when ports are declared or a pattern is
 * made, never while stepping) into an ordered list of element paths: the
 * union's members in the order written, and inside one member the
 * leftmost alternative or index varying slowest. Matching the expanded
 * paths against the element tree is path.c's job (sel_resolve); this file
 * only adds the ordered expansion, so there is one wildcard mechanism.
 */
#ifndef GS_SELECTOR_H
#define GS_SELECTOR_H

#include <stddef.h>

#include "../core/core.h"

/* Paths, in order; each a heap string owned by the list. */
struct sel_list {
    char **v;
    size_t n, cap;
};
#define SEL_LIST_INIT {NULL, 0, 0}
void sel_list_free(struct sel_list *l);

/* The most paths one selector may expand to (a typo such as [0:1000000000]
 * is an error, not an exhausted memory). */
#define SEL_MAX_PATHS 10000000

/*
 * Expands SEL into OUT (appended). Errors (OUT unchanged): a bad character,
 * a bracket left open, an empty name or alternative, an index range that
 * is empty or runs backwards, more than SEL_MAX_PATHS paths. The message
 * quotes the selector and gives the 1-based column of the bad character:
 * "selector '/a[3:1]': column 6: index range runs backwards".
 */
enum gs_status sel_expand(struct gs_sim *sim, const char *sel, struct sel_list *out);

/*
 * The elements SEL names, in its order, each once (appended to OUT, which
 * must be empty). A path without wildcards must name an element; a
 * wildcard path may match none, but the whole selector must match some.
 * Errors: those of sel_expand; "selector 'S': element 'P' does not
 * exist"; "selector 'S' matches no element". OUT is empty then.
 */
enum gs_status sel_resolve(struct gs_sim *sim, const char *sel, struct gs_elist *out);

#endif
