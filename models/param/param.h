/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * param.h: what the parameter-search classes (paramtableBF, SS, SA, GA,
 * CG: GENESIS 2.4's param library) share. Each class's instance struct
 * starts with PTAB_HEAD, so the commands (initparamXX, setsearch) and the
 * shared code reach the parameter arrays of any of them through struct
 * ptab. The per-parameter arrays are fields reached by index (current[3],
 * label[0]); each class lists them in a table of gs_field records whose
 * offset is that of the array's pointer, and struct ptab_class says how
 * long each one is. Depends on models/core and models/base only.
 */
#ifndef GS_PARAM_H
#define GS_PARAM_H

#include <stdbool.h>

#include "../core/core.h"

/* GENESIS's constants (param_defs.h). */
#define PTAB_HUGE       1.0e30 /* "no match yet" */
#define PTAB_TINY       1.0e-8
#define PTAB_LABEL_SIZE 80

/* Common head of every paramtable instance. GENESIS's short flags are
 * ints here (the values are the same). */
#define PTAB_HEAD                                                                                 \
    struct gs_element el;                                                                         \
    int num_params;           /* parameters in the table */                                       \
    int num_params_to_search; /* how many have search[i] = 1 (bookkeeping) */                     \
    int *search;              /* 1: the search varies this parameter */                           \
    int *type;                /* 0: additive, 1: multiplicative */                                \
    double *center;           /* centre of the range (GA, SA, CG) */                              \
    double *range;            /* half-width (additive) or factor (multiplicative) */              \
    double *min;              /* lowest value allowed */                                          \
    double *max;              /* highest value allowed */                                         \
    char **label;             /* names, for DISPLAY and SAVEBEST */                               \
    double *current;          /* the parameter set to simulate next */                            \
    double *best;             /* the best parameter set so far */                                 \
    double current_match;     /* match of the last simulation */                                  \
    double best_match;        /* the best match so far */                                         \
    int new_best_match;       /* 1: the last match was the best so far */                         \
    int done;                 /* 1: the search has finished */                                    \
    int iteration_number;     /* simulations so far */                                            \
    char *filename;           /* default file of SAVE and RESTORE */                              \
    int alloced               /* 1: the arrays exist (TABCREATE) */

struct ptab {
    PTAB_HEAD;
};

/* How long an array field is. */
enum ptab_len {
    PTAB_LEN_NPARAMS,   /* num_params */
    PTAB_LEN_NPARAMS1,  /* num_params + 1 (a simplex's points) */
    PTAB_LEN_NTABLES,   /* num_tables (GA) */
    PTAB_LEN_TABLES_PARAMS, /* num_tables x num_params, table by table (GA) */
    PTAB_LEN_SIMPLEX,   /* (num_params + 1) x num_params, point by point (SA) */
    PTAB_LEN_THREE,     /* 3 (a bracket) */
    PTAB_LEN_DERIV_TABLE, /* 10 x 10 (CG's derivative tableau) */
};

/* One item of a class's SAVE file (GENESIS's binary layout: the fields in
 * the order its SAVE action writes them, native byte order). Scalars are
 * at OFFSET in the instance; arrays are the pointer at OFFSET, LEN long. */
enum ptab_io_kind {
    PTAB_IO_INT,     /* int */
    PTAB_IO_SHORT,   /* int, stored as a short */
    PTAB_IO_DOUBLE,  /* double */
    PTAB_IO_ULONG,   /* unsigned, stored as GENESIS's 8-byte unsigned long */
    PTAB_IO_DOUBLE_LOW4, /* the first 4 bytes of a double (GENESIS's SA saves its
                          * `scale` with sizeof(int)); reading keeps the rest */
    PTAB_IO_INTS,    /* int array */
    PTAB_IO_SHORTS,  /* int array, each stored as a short */
    PTAB_IO_DOUBLES, /* double array */
    PTAB_IO_ULONGS,  /* unsigned array, each stored as an 8-byte unsigned long */
    PTAB_IO_LABELS,  /* char * array, PTAB_LABEL_SIZE bytes each */
    PTAB_IO_LABELS1, /* char * array, PTAB_LABEL_SIZE + 1 bytes each */
    PTAB_IO_END,
};

struct ptab_io {
    enum ptab_io_kind kind;
    size_t offset;
    enum ptab_len len; /* arrays only */
};

/* What the shared code needs to know about one paramtable class. */
struct ptab_class {
    const struct gs_field *arrays; /* the array fields: offset of the pointer member;
                                    * GS_REAL (double *), GS_INT (int *), GS_STR (char **);
                                    * GS_FIELD_END terminated */
    const enum ptab_len *lens;     /* length of each, in the same order */
    int (*ntables)(const struct gs_element *el); /* GA: its table count; else NULL */
    bool has_ntosearch;            /* setsearch keeps num_params_to_search up to date */
    /* What initparamXX does beyond type, range, label and (for classes
     * with them) min and max: keep the centre C where the class keeps it
     * (orig[], center[], current[] and best[] ...), and so on. */
    void (*init_param)(struct ptab *p, int i, double c);
    /* SAVE/RESTORE: the items before the tables (the counts among them),
     * the items after, both PTAB_IO_END terminated; and how RESTORE makes
     * the tables once the head is read (the counts checked there). */
    const struct ptab_io *file_head, *file_body;
    enum gs_status (*file_alloc)(struct gs_sim *sim, struct gs_element *el);
};

/* The param class record of EL's class, or NULL when EL is no paramtable. */
const struct ptab_class *ptab_of(const struct gs_element *el);

/* How many entries an array of length kind LEN has in EL now. */
int ptab_len_of(const struct gs_element *el, enum ptab_len len);
/* Gives EL arrays for N parameters (all zero, labels empty), freeing old
 * ones; sets num_params and alloced. Prints GENESIS's "Creating parameter
 * table with N parameters." unless silent. Errors: N < 0 (CLS names the
 * class in the message). */
enum gs_status ptab_alloc(struct gs_sim *sim, struct gs_element *el, int n);
/* The same without the checks and the message: arrays for N parameters
 * (and, for GA, the num_tables already set). */
void ptab_alloc_arrays(struct gs_element *el, int n);
/* Frees EL's arrays (alloced = 0). */
void ptab_free(struct gs_element *el);
/* Deep-copies DST's arrays after a byte copy (the copy hook). */
enum gs_status ptab_copy(struct gs_sim *sim, struct gs_element *dst,
                         const struct gs_element *src);
/* The find_field hook: NAME[i] for the class's array fields. */
bool ptab_find_field(struct gs_element *el, const char *name, struct gs_fref *out);
/* Sets label I to S, cut to GENESIS's 80 characters. */
void ptab_set_label(struct ptab *p, int i, const char *s);
/* Is the table allocated? Errors: "NAME: tables must be created with
 * TABCREATE first" naming ACTION. */
enum gs_status ptab_need_tables(struct gs_sim *sim, struct gs_element *el, const char *action);
/* Reads S as a number the way an action does (strict: an error naming
 * EL's class, ACTION and WHAT when S is not one). */
enum gs_status ptab_real(struct gs_sim *sim, const struct gs_element *el, const char *action,
                         const char *what, const char *s, double *out);
enum gs_status ptab_int(struct gs_sim *sim, const struct gs_element *el, const char *action,
                        const char *what, const char *s, int *out);
/* The TABCREATE action shared by every class (one argument: the count). */
enum gs_status ptab_tabcreate_args(struct gs_sim *sim, struct gs_element *el, int argc,
                                   const char *const *argv);
/* Counts search[i] = 1 into num_params_to_search. */
void ptab_count_search(struct ptab *p);
/* RECENTER for classes with min and max: min and max around best[i] by
 * range[i], for the searched parameters. */
void ptab_recenter(struct ptab *p);
/* The SAVE/RESTORE file name: ARGV[0], or the filename field. Errors
 * when neither is given. */
enum gs_status ptab_file_arg(struct gs_sim *sim, struct gs_element *el, const char *action,
                             int argc, const char *const *argv, const char **out);

/* The SAVE and RESTORE actions of every class: the file named by ARGV[0]
 * or the filename field, in the class's layout (file_head, file_body).
 * RESTORE reads into a copy and changes EL only when the whole file was
 * read: an unreadable, short or foreign file is an error naming it. */
enum gs_status ptab_save(struct gs_sim *sim, struct gs_element *el, int argc,
                         const char *const *argv);
enum gs_status ptab_restore(struct gs_sim *sim, struct gs_element *el, int argc,
                            const char *const *argv);
/* The file_alloc of classes whose tables depend on num_params only. */
enum gs_status ptab_file_alloc(struct gs_sim *sim, struct gs_element *el);

/* SAVEBEST of every class: ARGV[0] (the one argument) gets the text
 * TABLE writes (the class's layout; TABLE may fail, e.g. GA's statistics).
 * Errors name the class. */
enum gs_status ptab_savebest(struct gs_sim *sim, struct gs_element *el, int argc,
                             const char *const *argv,
                             enum gs_status (*table)(struct gs_sim *sim, struct gs_element *el,
                                                     struct strbuf *sb));
/* The table of BF and CG (DISPLAY WITH_CURRENT, SAVEBEST without). */
void ptab_plain_table(const struct ptab *p, struct strbuf *sb, bool with_current);

/* A SAVEBEST file read back: N parameters' search flags (1 in the plain
 * layout), types, ranges, best values and labels; the iteration (or
 * generation) and the best match (PTAB_HUGE when the file has none). */
struct ptab_best {
    int n, iteration;
    double best_match;
    int *search, *type;
    double *range, *best;
    char **label;
};
/* RESTOREBEST's file (ARGV[0]) read whole into OUT, in the plain layout
 * or the FLAGGED one ("index YES|NO add|mult range best label"). Errors
 * name the class, the file and the first bad parameter line; OUT then
 * holds nothing. */
enum gs_status ptab_read_best(struct gs_sim *sim, struct gs_element *el, int argc,
                              const char *const *argv, bool flagged, struct ptab_best *out);
void ptab_best_free(struct ptab_best *b);

/* paramtableGA's coded parameters (getparamGA, setparamGA): the value of
 * parameter I of table T, and setting it (clamped to the range); the
 * number of tables (0 before TABCREATE). EL must be a paramtableGA and T
 * and I in range. */
double ptab_ga_get(const struct gs_element *el, int t, int i);
void ptab_ga_set(struct gs_element *el, int t, int i, double v);
int ptab_ga_ntables(const struct gs_element *el);
/* initparamSA's part beyond initparam's: parameter I's coordinates in the
 * simplex (logarithms for a multiplicative one), its scalemod, and the
 * count of parameters set up. */
void ptab_sa_init_param(struct gs_element *el, int i, double scalemod);

/* Random draws through gensh's generator layer: GENESIS's urandom() (a
 * float in [0, 1]), frandom(lo, hi) and rangauss(mean, var) with a GENESIS
 * generator selected; the script stream otherwise. */
double ptab_urandom(struct gs_sim *sim);
double ptab_frandom(struct gs_sim *sim, double lo, double hi);
double ptab_rangauss(struct gs_sim *sim, double mean, double var);

#endif
