/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * element.h: the element tree. An element is an instance of a class; its
 * instance struct begins with `struct gs_element`, so a class casts
 * (struct compartment *)el. Elements have a name and an index (cell[3]),
 * a parent and ordered children, a clock, incoming and outgoing messages,
 * user fields (addfield) and a position. The core allocates instance and
 * element together and frees them (K4).
 *
 * Handles: every element has a slot in the model's slot table; deleting it
 * bumps the slot's generation, so an (index, generation) handle of a deleted
 * element resolves to NULL instead of freed memory (STYLE I5).
 */
#ifndef GS_ELEMENT_H
#define GS_ELEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/gs.h"
#include "../base/strbuf.h"
#include "class.h"

struct gs_model;
struct gs_msg;

/* A user field added by addfield: a string value, as in GENESIS. */
struct gs_ufield {
    char *name;
    char *value;  /* never NULL */
};

/* An action of one element carried out by a script function (addaction,
 * GENESIS's extended objects): the function is called with the action's
 * name (and its arguments), the element being the working element. */
struct gs_saction {
    char *action; /* "PROCESS", "RESET", or a new name, as given */
    char *func;   /* the script function */
};

enum gs_elem_flags {
    GS_EL_DISABLED = 1u << 0, /* disable: left out of the schedule */
    GS_EL_MARK = 1u << 1,     /* scratch mark for tree walks; always clear between calls */
    GS_EL_INMAP = 1u << 2,    /* in the model's child map (element.c) */
};

/* What few elements have: addfield fields and addaction functions. */
struct gs_elem_extra {
    struct gs_ufield *ufield;      /* addfield fields */
    int nufield;
    int nsaction;
    struct gs_saction *saction;    /* addaction: script actions (copied with the element) */
};

/* Every element of a network carries this header: it is kept small (no
 * padding, the rare parts behind `extra`). */
struct gs_element {
    const struct gs_class *cls;
    const char *name;              /* without the index; shared (the model's string pool) */
    struct gs_element *parent;     /* NULL only for the root */
    struct gs_element **child;     /* in creation order */
    struct gs_model *model;
    struct gs_msg **in;            /* incoming messages, in the order added */
    struct gs_msg **out;           /* outgoing messages, in the order added */
    struct gs_elem_extra *extra;   /* NULL until addfield or addaction */
    double x, y, z;                /* position, m */
    int index;                     /* cell[3] -> 3; 0 when not given */
    uint32_t slot;                 /* in the model's slot table (handles) */
    int nchild, nin, nout;
    int solver_index;              /* set by the solver's compile when it takes the
                                    * element over; -1 otherwise. Scheduled actions
                                    * are skipped while >= 0. */
    int16_t clock;                 /* useclock (0..GS_NCLOCKS-1); starts at cls->clock */
    uint8_t flags;                 /* enum gs_elem_flags */
    /* the room of child, in and out: 2^l pointers, none for 0 (core_push);
     * as bytes they keep the header at 120 bytes, a 128-byte block for a
     * neutral element and 16 bytes less for most others (pool.c's grain) */
    uint8_t lcapchild, lcapin, lcapout;
};

/* A handle that survives deletion (STYLE I5). */
struct gs_handle {
    uint32_t slot;
    uint32_t gen;
};

/* The instance struct of EL as type T. */
#define GS_INST(T, el) ((T *)(void *)(el))

/* Iterates over the children of EL (do not delete inside the loop). */
#define ELEM_FOREACH(el, c)                                                                       \
    for (int c##_i_ = 0; c##_i_ < (el)->nchild && ((c) = (el)->child[c##_i_], 1); c##_i_++)

/* Largest index an element may have, and longest name. */
#define GS_MAX_INDEX 100000000
#define GS_MAX_NAME  255

/*
 * Creates an element of class CLS named NAME[INDEX] under PARENT and runs
 * the class's create action. It becomes the "last created element" (^).
 * Errors: GS_ERR if NAME is not a valid element name or PARENT already has
 * a child NAME[INDEX]; nothing is created then. *OUT may be NULL.
 */
enum gs_status elem_create(struct gs_sim *sim, const struct gs_class *cls,
                           struct gs_element *parent, const char *name, int index,
                           struct gs_element **out);
/* Deletes EL and its subtree (messages to and from them too). Not the root. */
void elem_delete(struct gs_sim *sim, struct gs_element *el);
/*
 * Copies the subtree of SRC to NAME[INDEX] under PARENT, with the messages
 * between elements inside the subtree (messages crossing its border are not
 * copied, as in GENESIS). Errors: name taken, PARENT inside SRC.
 */
enum gs_status elem_copy(struct gs_sim *sim, struct gs_element *src, struct gs_element *parent,
                         const char *name, int index, struct gs_element **out);
/* Moves EL under PARENT as NAME[INDEX]. Errors: name taken, PARENT inside EL, EL is root. */
enum gs_status elem_move(struct gs_sim *sim, struct gs_element *el, struct gs_element *parent,
                         const char *name, int index);

/* The child NAME[INDEX] of PARENT, or NULL. */
struct gs_element *elem_child(const struct gs_element *parent, const char *name, int index);
/* Is A equal to B or an ancestor of it? */
bool elem_is_ancestor(const struct gs_element *a, const struct gs_element *b);
/* Appends the full path of EL ("/a/cell[3]/soma", "/" for the root) to SB. */
void elem_path(const struct gs_element *el, struct strbuf *sb);
/* The full path of EL in a new string; the caller frees. */
char *elem_path_str(const struct gs_element *el);
/* Appends "name" or "name[3]" to SB (the index shows when it is not 0). */
void elem_tail(const struct gs_element *el, struct strbuf *sb);
/* The element's class membership tests ([CLASS=], [ISA=], [TYPE=]). */
bool elem_isa(const struct gs_element *el, const char *object);

/* Handles. */
struct gs_handle elem_handle(const struct gs_element *el);
/* The element of H, or NULL if it was deleted. */
struct gs_element *elem_from_handle(const struct gs_model *m, struct gs_handle h);

/* User fields (addfield/deletefield): by name (NULL if none), how many
 * there are, and the name of the I-th (0-based, in the order added). */
struct gs_ufield *elem_ufield(const struct gs_element *el, const char *name);
int elem_nufield(const struct gs_element *el);
const char *elem_ufield_name(const struct gs_element *el, int i);
/* Adds user field NAME (value ""). Errors: it exists, or is a class field. */
enum gs_status elem_add_ufield(struct gs_sim *sim, struct gs_element *el, const char *name);
/* Removes user field NAME. Errors: no such user field. */
enum gs_status elem_delete_ufield(struct gs_sim *sim, struct gs_element *el, const char *name);

/* Script actions (addaction). The function for ACTION (case-insensitive)
 * on EL, or NULL. */
const char *elem_saction(const struct gs_element *el, const char *action);
/* Makes FUNC carry out ACTION on EL, replacing an earlier one. Scheduled
 * actions (INIT, PROCESS) change the schedule: it is rebuilt before the
 * next step. */
void elem_set_saction(struct gs_sim *sim, struct gs_element *el, const char *action,
                      const char *func);
/*
 * Runs the script function of ACTION on EL with the action's name and
 * ARGV as its arguments, EL being the working element meanwhile (through
 * sim->run_words; errors inside are reported there). Returns GS_ERR only
 * when running scripts must stop, or there is no interpreter.
 */
enum gs_status elem_run_saction(struct gs_sim *sim, struct gs_element *el, const char *action,
                                int argc, const char *const *argv);
/* Does EL carry out action A, through its class or a script function? */
bool elem_has_action(const struct gs_element *el, enum gs_action a);

/* A number that names EL wherever and whenever it is made, for keyed
 * random streams: the io_index of EL or of its nearest ancestor that has
 * one (global across the nodes of a parallel run), then the names and
 * indices below it; the full path where no ancestor has an io_index. Not
 * the slot, which depends on what was created before. */
uint64_t elem_identity(const struct gs_element *el);

/* Is NAME usable as an element name (letters, digits, _ and a few others;
 * no '/', '[', ']', blanks, wildcards)? */
bool elem_name_ok(const char *name);

#endif
