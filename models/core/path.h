/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * path.h: element paths and wildcards, the one module every command uses.
 * Paths: absolute (/a/b), relative to the working element (a/b), ".", "..",
 * "^" (the last created element), indices (cell[3]). Wildcard patterns
 * (GENESIS): "*" and "?" in names, "#" (any name), "##" (the whole subtree
 * below), "[]" (any index), index ranges "[0-9]", lists "[1,3,5-7]", and
 * conditions [TYPE=x], [ISA=x], [CLASS=x] (with != too) combined by
 * repetition, and comma-separated lists of patterns ("a,b").
 */
#ifndef GS_PATH_H
#define GS_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/gs.h"
#include "element.h"

/* A list of elements, in tree order. */
struct gs_elist {
    struct gs_element **v;
    size_t n, cap;
};
#define GS_ELIST_INIT {NULL, 0, 0}

void elist_add(struct gs_elist *l, struct gs_element *el);
void elist_free(struct gs_elist *l);

/* Does PATH contain wildcard syntax? */
bool path_is_pattern(const char *path);
/* The element PATH names (no wildcards), or NULL. */
struct gs_element *path_lookup(struct gs_sim *sim, const char *path);
/* As path_lookup, but records "element 'PATH' does not exist" (or a syntax
 * error) and returns GS_ERR when there is none. */
enum gs_status path_find(struct gs_sim *sim, const char *path, struct gs_element **out);
/*
 * Expands PATTERN into OUT (appended, no duplicates, tree order). An empty
 * result is not an error. Errors: GS_ERR for malformed patterns.
 */
enum gs_status path_glob(struct gs_sim *sim, const char *pattern, struct gs_elist *out);
/*
 * path_glob for N patterns at once, into OUTS[0..N) (which must be empty):
 * the patterns of the form "/##[conditions]" (the schedule's) are matched
 * in one walk of the tree instead of one each. Same results and order as
 * path_glob. Errors: as path_glob.
 */
enum gs_status path_glob_many(struct gs_sim *sim, int n, const char *const *patterns,
                              struct gs_elist *outs);
/*
 * Splits PATH for creating a new element: finds the existing parent and
 * returns the last component's NAME (a new string; caller frees) and INDEX.
 * Errors: the parent does not exist, the name is malformed.
 */
enum gs_status path_split_new(struct gs_sim *sim, const char *path, struct gs_element **parent,
                              char **name, int *index);
/* Element-path completion for the prompt (installed as sim->complete_path). */
void path_complete(struct gs_sim *sim, const char *prefix,
                   bool (*fn)(const char *cand, void *arg), void *arg);

#endif
