/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * field.h: reading and writing fields by name, through the class field
 * tables only (STYLE K2): class fields, table sub-fields (X_A->table[3],
 * X_A->xmin), fields a class resolves itself (synapse[0].weight) and user
 * fields (addfield). Values are formatted as GENESIS prints them. Setting
 * is transactional (K3): every value is parsed and the class's
 * check_fields hook sees a candidate copy before anything is written.
 * Solver-owned fields are refreshed from and pushed to the compiled model.
 */
#ifndef GS_FIELD_H
#define GS_FIELD_H

#include <stdbool.h>

#include "../base/gs.h"
#include "../base/strbuf.h"
#include "class.h"
#include "element.h"

/* A resolved field of one element. */
struct gs_fref {
    struct gs_element *el;
    const struct gs_field *field; /* the declaration (class table, or the class's
                                   * own for find_field); NULL for user fields */
    enum gs_ftype type;           /* type of the value at ADDR (table sub-fields
                                   * resolve to GS_REAL/GS_INT) */
    void *addr;                   /* the value in memory (NULL: a table not yet
                                   * created, or a user field) */
    unsigned flags;               /* enum gs_field_flags (of the field) */
    struct gs_ufield *ufield;     /* for user fields */
    bool table_whole;             /* the GS_TABLE field itself (X_A) */
    int sub;                      /* the field is in record SUB the element keeps
                                   * outside itself (synapse[SUB].weight); -1: not */
};

/* Resolves NAME on EL. Errors: "'NAME' is not a field of 'PATH' (class C)"
 * and table index out of range. */
enum gs_status field_find(struct gs_sim *sim, struct gs_element *el, const char *name,
                          struct gs_fref *out);
/* Appends the value as GENESIS prints it (getfield, showfield) to SB. */
void field_format(struct gs_sim *sim, const struct gs_fref *f, struct strbuf *sb);
/* The value as a number (strings parsed; 0 if not numeric). */
double field_real(struct gs_sim *sim, const struct gs_fref *f);
/*
 * Sets fields of EL: NAMES[i] = VALUES[i] for i < N, all or nothing (K3).
 * Errors: unknown field, read-only field, value of the wrong type, index out
 * of range, or the class's check_fields refusing; nothing is changed then.
 */
enum gs_status field_set_many(struct gs_sim *sim, struct gs_element *el, int n,
                              const char *const *names, const char *const *values);
/* The checks of field_set_many without the writes (for setfield on many
 * elements: every element is checked before any is changed). */
enum gs_status field_check_many(struct gs_sim *sim, struct gs_element *el, int n,
                                const char *const *names, const char *const *values);
/* One field (same rules). */
enum gs_status field_set(struct gs_sim *sim, struct gs_element *el, const char *name,
                         const char *value);
/* Sets a numeric field from C without text (solver/readcell helpers). */
enum gs_status field_set_real(struct gs_sim *sim, struct gs_element *el, const char *name,
                              double v);

/* Appends V in the model's number format (GENESIS's "%0.10g" unless the
 * floatformat command changed it); floats are printed through the same
 * format after conversion, as GENESIS does. */
void field_format_real(struct gs_sim *sim, double v, struct strbuf *sb);

/* Is FMT a printf format with exactly one double conversion (%[flags]
 * [width][.prec] and one of g, f, e, G, E) and nothing else to expand? */
bool field_format_ok(const char *fmt);

/* Frees the strings and tables a class's field table says EL owns (the core
 * calls this at delete; classes do not). */
void field_free_owned(struct gs_element *el);
/* Deep-copies the strings and tables of DST (just byte-copied from another
 * element), so it shares nothing with the source. */
void field_dup_owned(struct gs_element *dst);

#endif
