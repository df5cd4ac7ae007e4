/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * msg.h: messages (addmsg src dest TYPE slots...). A message belongs to the
 * destination's class's message type TYPE (an index into dst->cls->msgs),
 * and carries slots: source fields resolved to pointers at addmsg time,
 * constants, or strings. PROCESS actions read them cheaply:
 *
 *     for (int i = 0; i < el->nin; i++) {
 *         const struct gs_msg *m = el->in[i];
 *         if (m->type == PULSEGEN_INPUT) input = msg_val(m, 0);
 *     }
 *
 * The solver may rebind slots of messages whose source it owns
 * (msg_slot_bind); reset re-resolves every slot to the instance first.
 */
#ifndef GS_MSG_H
#define GS_MSG_H

#include <stdbool.h>

#include "../base/gs.h"
#include "../base/strbuf.h"
#include "class.h"
#include "element.h"

enum gs_slot_kind {
    GS_SLOT_CONST, /* a number given on the addmsg line: value */
    GS_SLOT_REAL,  /* a double field of the source: *(double *)ptr */
    GS_SLOT_FLOAT, /* a float field: *(float *)ptr */
    GS_SLOT_INT,   /* an int field: *(int *)ptr */
    GS_SLOT_STR,   /* a string: "*name" on the addmsg line, or a string field */
};

struct gs_slot {
    enum gs_slot_kind kind;
    const void *ptr;   /* for REAL/FLOAT/INT (and STR fields: char **) */
    double value;      /* for CONST */
    const char *text;  /* as given on the addmsg line (shared: the model's string pool) */
};

struct gs_msg {
    struct gs_element *src, *dst;
    int type;          /* index into dst->cls->msgs */
    int nslots;
    void *data;        /* the destination class's per-message data (msg_added/msg_deleted):
                        * a heap block, freed with the message */
    struct gs_slot slot[]; /* nslots of them (at most GS_MSG_MAXSLOTS): allocated with the
                            * message, so a network's SPIKE messages (no slots) stay small */
};

/* Slot K's value as a number (the hot path of PROCESS actions). */
static inline double
msg_val(const struct gs_msg *m, int k)
{
    const struct gs_slot *s = &m->slot[k];
    switch (s->kind) {
    case GS_SLOT_REAL:
        return *(const double *)s->ptr;
    case GS_SLOT_FLOAT:
        return *(const float *)s->ptr;
    case GS_SLOT_INT:
        return *(const int *)s->ptr;
    case GS_SLOT_CONST:
    case GS_SLOT_STR:
        break;
    }
    return s->value;
}
/* Slot K's text (string slots; for others the text given on the line). */
const char *msg_str(const struct gs_msg *m, int k);
/* The message type's name ("SAVE"). */
const char *msg_type_name(const struct gs_msg *m);

/*
 * Adds a message of type TYPE from SRC to DST with NSLOTS slot words.
 * Errors: DST's class accepts no TYPE (the message lists what it accepts),
 * wrong slot count, a slot word that is neither a number, a "*string" nor
 * a field of SRC, or the class's msg_added refusing. Nothing is added then.
 */
enum gs_status msg_add(struct gs_sim *sim, struct gs_element *src, struct gs_element *dst,
                       const char *type, int nslots, const char *const *slots,
                       struct gs_msg **out);
/*
 * Adds a copy of message FROM, from SRC to DST (of the classes of FROM's
 * ends), as msg_add with FROM's type and slot words would, but a slot
 * that reads a field of FROM's source reads the same field of SRC without
 * its name being looked up again (elem_copy, a cell's messages copied by
 * the hundred thousand). Errors as msg_add's.
 */
enum gs_status msg_copy(struct gs_sim *sim, const struct gs_msg *from, struct gs_element *src,
                        struct gs_element *dst, struct gs_msg **out);
/* Removes M (and tells the destination class). */
void msg_delete(struct gs_sim *sim, struct gs_msg *m);
/* Re-resolves every slot of M to the source instance (undoing solver binds). */
void msg_resolve(struct gs_msg *m);
/* Points slot K of M at the solver's storage. */
void msg_slot_bind(struct gs_msg *m, int k, enum gs_slot_kind kind, const void *ptr);
/* A number that changes whenever any message is added or freed or any
 * slot is resolved or bound again: what a reader caches from slots (an
 * output's row of value pointers) holds while it is unchanged. */
unsigned long msg_slots_epoch(void);
/* Index of M in M->dst->in (0-based), or -1. */
int msg_in_index(const struct gs_msg *m);
/* Index of M in M->src->out (0-based), or -1. */
int msg_out_index(const struct gs_msg *m);

#endif
