/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * class.h: what a class (GENESIS "object") is. Each class is one
 * `const struct gs_class <name>_class` in its own file under models/<family>/,
 * listed in models/class_list.h. The record declares, once, the instance
 * size, the fields (name, type, offset, unit, flags, description), the
 * messages the class accepts, its actions and default clock, and (for the
 * classes the solver takes over) an opaque compile hook. Every command,
 * showfield, completion and the solver read these declarations
 * (STYLE K1-K4). Depends on models/base only.
 */
#ifndef GS_CLASS_H
#define GS_CLASS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/gs.h"

struct gs_element;
struct gs_msg;
struct gs_fref;
struct gs_solver_class; /* defined by models/solver/; opaque to the core */

/* ---- fields ------------------------------------------------------------- */

/* How a field is stored in the instance struct. */
enum gs_ftype {
    GS_REAL,  /* double */
    GS_FLOAT, /* float: fields GENESIS keeps in single precision */
    GS_INT,   /* int */
    GS_STR,   /* char *, owned by the instance (xstrdup'd; NULL reads as "") */
    GS_TABLE, /* struct interpol *, owned by the instance (NULL: not created);
               * reached as NAME->xmin, NAME->table[i], ... */
};

/* Field flags. */
enum gs_field_flags {
    GS_F_RO = 1u << 0,     /* read-only for users: computed, or set only by actions */
    GS_F_HIDDEN = 1u << 1, /* left out of showfield (but readable) */
    GS_F_SOLVER = 1u << 2, /* while compiled, the value lives in the solver's arrays:
                            * reads and writes go through the solver's ops */
    GS_F_STRUCT = 1u << 3, /* changing it changes the model's structure: the compiled
                            * model is marked dirty (e.g. a gate power) */
    GS_F_SHARED = 1u << 4, /* a GS_TABLE the class shares between copies and counts
                            * references to itself (GENESIS's tabchannel tables):
                            * copy does not duplicate it, delete does not free it */
};

struct gs_field {
    const char *name;  /* the GENESIS field name, exactly (Vm, X_A, ...) */
    enum gs_ftype type;
    size_t offset;     /* offsetof(instance struct, member) */
    size_t size;       /* sizeof the member: checked against type by a unit test */
    const char *unit;  /* SI unit ("V", "ohm", "F", "s", ""), for showfield -describe */
    unsigned flags;    /* enum gs_field_flags */
    const char *desc;  /* one line */
};

#define GS_FIELD_X_(T, m, type, flags, unit, desc)                                               \
    {#m, type, offsetof(T, m), sizeof(((T *)0)->m), unit, flags, desc}
/* A read-write field: GS_FIELD(struct compartment, Vm, GS_REAL, "V", "membrane potential"). */
#define GS_FIELD(T, m, type, unit, desc)        GS_FIELD_X_(T, m, type, 0u, unit, desc)
#define GS_FIELD_RO(T, m, type, unit, desc)     GS_FIELD_X_(T, m, type, GS_F_RO, unit, desc)
#define GS_FIELD_F(T, m, type, flags, unit, desc) GS_FIELD_X_(T, m, type, flags, unit, desc)
#define GS_FIELD_END                            {NULL, GS_REAL, 0, 0, NULL, 0, NULL}

/* ---- messages ------------------------------------------------------------ */

#define GS_MSG_MAXSLOTS 8

/* One message type a class accepts (as destination). The index of the entry
 * in the class's msgs[] table is the message's `type` at run time, so a
 * class declares an enum in the same order. */
struct gs_msgdef {
    const char *name;                     /* "SAVE", "AXIAL", "INJECT", ... */
    int nslots;                           /* values the message carries */
    const char *slots[GS_MSG_MAXSLOTS];   /* their names, for showmsg and errors */
    const char *desc;                     /* one line */
};
#define GS_MSGDEF_END {NULL, 0, {NULL}, NULL}

/* ---- actions ------------------------------------------------------------- */

/* What a scheduled action gets besides the element. */
struct gs_tick {
    double t;     /* simulation time at the start of this step, s */
    double dt;    /* the element's clock interval, s */
    double dt0;   /* the base clock (0) interval, s */
    long step;    /* base steps completed before this one (0 on the first) */
};

/* The actions a schedule can name (addtask ... -action NAME). */
enum gs_action {
    GS_ACT_INIT,    /* once per step before PROCESS (GENESIS INIT) */
    GS_ACT_PROCESS, /* the step itself */
    GS_ACT_RESET,   /* back to initial state (the reset command) */
    GS_ACT_CHECK,   /* consistency check (the check command) */
    GS_ACT_COUNT_
};

typedef enum gs_status (*gs_elem_fn)(struct gs_sim *sim, struct gs_element *el);
typedef enum gs_status (*gs_step_fn)(struct gs_sim *sim, struct gs_element *el,
                                     const struct gs_tick *tick);

/* An extra action invoked by `call PATH NAME args...` (TABCREATE, TABFILL, ...). */
struct gs_named_action {
    const char *name;  /* upper case, as GENESIS spells it */
    const char *usage; /* the arguments after the name, for errors */
    enum gs_status (*fn)(struct gs_sim *sim, struct gs_element *el, int argc,
                         const char *const *argv);
};
#define GS_ACTION_END {NULL, NULL, NULL}

/* ---- the class record ------------------------------------------------------ */

enum gs_class_flags {
    GS_CLASS_NO_CHILDREN = 1u << 0, /* reserved; every class may have children today */
    /* Its INIT and PROCESS read nothing of other elements but through its
     * messages (and a SPIKESAVE's spikes), and run no script: the
     * scheduler may run it a window of steps ahead of the compiled model
     * or behind it (sched.c's fused windows). */
    GS_CLASS_MSG_ONLY = 1u << 1,
};

struct gs_class {
    const char *name;    /* "compartment" */
    const char *classes; /* the GENESIS classes it belongs to, blank separated
                          * ("segment membrane"), for [CLASS=...] and the schedule */
    const char *isa;     /* the objects it also "is", blank separated ("compartment"
                          * for symcompartment), for [ISA=...] and isa; may be NULL */
    const char *desc;    /* one line for listobjects/showobject */
    size_t size;         /* sizeof the instance struct (struct gs_element first) */
    const struct gs_field *fields;       /* GS_FIELD_END terminated; may be NULL */
    const struct gs_msgdef *msgs;        /* GS_MSGDEF_END terminated; may be NULL */
    const struct gs_named_action *extra; /* GS_ACTION_END terminated; may be NULL */
    int clock;           /* default clock (usually 0) */
    unsigned flags;      /* enum gs_class_flags */

    /* Lifecycle. Every pointer may be NULL. */
    /* After the core zeroed the instance and linked it in: set defaults,
     * allocate what the class owns. GS_ERR undoes the create. */
    gs_elem_fn create;
    /* The words of the create line after the path that the class reads
     * itself (XODUS widgets: a geometry "[x,y,w,h]", flags such as -nolabel,
     * options whose names are not field names). create calls it right after
     * the element exists, with every such word except -autoindex; on GS_ERR
     * create deletes the element again, so nothing is left half made. NULL:
     * create's own "-field value" rule applies. */
    enum gs_status (*create_args)(struct gs_sim *sim, struct gs_element *el, int argc,
                                  const char *const *argv);
    /* After a byte copy of the instance (copy command): deep-copy what the
     * class owns (strings and tables are handled by the core already).
     * Must not share pointers with SRC afterwards. */
    enum gs_status (*copy)(struct gs_sim *sim, struct gs_element *dst,
                           const struct gs_element *src);
    /* Frees what the class allocated itself (K4) and closes its files.
     * Strings and tables named in the field table are freed by the core.
     * Must touch nothing but EL's own instance: at the end of a model the
     * other elements, and EL's messages, may be gone already. */
    void (*destroy)(struct gs_element *el);

    /* Scheduled actions. */
    gs_step_fn init;     /* GS_ACT_INIT */
    gs_step_fn process;  /* GS_ACT_PROCESS */
    gs_elem_fn reset;    /* GS_ACT_RESET */
    gs_elem_fn check;    /* GS_ACT_CHECK: report problems with gs_error/gs_warn */

    /* Fields. */
    /* Validates a candidate instance before setfield commits (K3). NEW is a
     * copy with the requested values; OLD the current instance. Returns GS_ERR
     * with a message to refuse; nothing is then changed. */
    enum gs_status (*check_fields)(struct gs_sim *sim, const struct gs_element *new_,
                                   const struct gs_element *old);
    /* After setfield committed field F (e.g. to recompute derived values). */
    void (*field_set)(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f);
    /* Fields outside the table (synapse[3].weight): fills *OUT and returns
     * true when NAME is one of them. */
    bool (*find_field)(struct gs_element *el, const char *name, struct gs_fref *out);

    /* Messages (GENESIS ADDMSGIN/DELETEMSGIN). */
    /* A message to EL was added (after validation); may refuse with GS_ERR,
     * which removes it again. The class may hang data on msg->data. */
    enum gs_status (*msg_added)(struct gs_sim *sim, struct gs_element *el, struct gs_msg *msg);
    /* A message to EL is about to be removed: free msg->data. */
    void (*msg_deleted)(struct gs_sim *sim, struct gs_element *el, struct gs_msg *msg);
    /* copy made DST, a copy of message SRC (msg_added already ran for DST):
     * carry the per-message data over (e.g. synapse weight and delay). */
    void (*msg_copied)(struct gs_sim *sim, struct gs_msg *dst, const struct gs_msg *src);

    /* The solver's description of this class (DESIGN decision 5). Non-NULL
     * means the compiled model may take the element over; the core only
     * passes it to the solver. */
    const struct gs_solver_class *solver;
};

/* ---- the class table (class.c) -------------------------------------------- */

extern const struct gs_class *const gs_class_table[];
extern const int gs_class_count;

/* The class called NAME, or NULL. */
const struct gs_class *class_find(const char *name);
/* The field NAME in CLS's table, or NULL. */
const struct gs_field *class_field(const struct gs_class *cls, const char *name);
/* Index of message type NAME in CLS's msgs[] (case-insensitive), or -1. */
int class_msg_index(const struct gs_class *cls, const char *name);
/* The named action NAME (case-insensitive) of CLS, or NULL. */
const struct gs_named_action *class_extra(const struct gs_class *cls, const char *name);
/* Does CLS belong to the GENESIS class WORD ([CLASS=word])? */
bool class_in(const struct gs_class *cls, const char *word);
/* Is CLS the object WORD or derived from it ([ISA=word], isa)? */
bool class_isa(const struct gs_class *cls, const char *word);
/* Name of action A ("PROCESS"), and the action called NAME (-1 if none). */
const char *class_action_name(enum gs_action a);
int class_action_find(const char *name);
/* Does CLS implement action A? */
bool class_has_action(const struct gs_class *cls, enum gs_action a);

#endif
