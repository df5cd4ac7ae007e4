/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * build.h: describing a model to the solver. The compile hooks of the
 * classes (or a test, or a benchmark) add elements and their message
 * wiring here, in GENESIS element order; gsb_compile() then lays them out
 * as the arrays of model.h. Every gsb_* adder returns the element's
 * builder id (its insertion index within its kind); after compiling,
 * gs_model_map() turns a builder id into an array index.
 *
 * Ids are only checked in gsb_compile(), which reports the first bad
 * reference as an error string; the adders themselves cannot fail.
 */
#ifndef GS_SOLVER_BUILD_H
#define GS_SOLVER_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct gs_build;

/* Element kinds, for gs_model_map(). */
enum gs_ekind {
    GS_K_COMPT, GS_K_TAB, GS_K_SYN, GS_K_SYNAPSE, GS_K_SRC, GS_K_CA, GS_K_NKINDS
};
/* The kind of an hsolve (solver class kind; it has no arrays of its own and
 * no entry in the id maps). */
#define GS_K_HINES GS_K_NKINDS

/* Integration methods (GENESIS's setmethod numbers). */
enum gs_method {
    GS_M_FEULER = -1, GS_M_EEULER = 0, GS_M_AB2 = 2, GS_M_AB3 = 3, GS_M_AB4 = 4, GS_M_AB5 = 5,
    GS_M_BEULER = 10, GS_M_CRANK = 11,
};

/* A cell solved implicitly (an hsolve): its compartments leave the general
 * path and are integrated together by Hines' method (hines.c). */
struct gsb_hines {
    int method;       /* GS_M_BEULER or GS_M_CRANK */
    int chanmode;     /* 0: channels run on their own; >= 1: tabchannels inside */
    int calcmode;     /* 0: no interpolation of the tables (chanmode >= 2) */
};

struct gsb_compt {
    float Em, Rm, Cm, Ra, inject, initVm, dia, len;
    double Vm;
    bool sym;         /* symcompartment */
};

/* One gate of a tabchannel. */
struct gsb_gate {
    int tab;          /* gsb_tabpair() id; -1: the gate is absent (power 0) */
    float power;      /* Xpower, Ypower, Zpower as set (Zpower may be < 0) */
    int instant;
    int input;        /* enum gs_gate_input */
    int conc;         /* Ca_concen id for GS_GIN_CONC/CODEP, -1: c = 0 */
    double state;
};

struct gsb_tabchan {
    float Gbar, Ek;
    struct gsb_gate g[GS_NGATES];   /* X, Y, Z */
    int vsrc;         /* compartment id of the VOLTAGE message, -1 none */
    double vreset;    /* v at RESET without VOLTAGE (EREST_ACT or 0) */
    int gsyn1;        /* Mg_block: 1 + the synchan whose Gk of the step is Gbar; 0 none */
};

struct gsb_synchan {
    float Ek, tau1, tau2, gmax, frequency;
    short normalize_weights;
    int vsrc;
    double X, Y;
};

struct gsb_spikegen {
    float thresh, abs_refract, output_amp, lastevent;
    int vsrc;         /* compartment whose Vm is the INPUT, -1 none, GS_VSRC_EXT:
                       * a value written to GS_SF_INPUT before each step */
};

struct gsb_randomspike {
    float rate, abs_refract, reset_value, min_amp, max_amp, lastevent, state;
    short reset;
    /* its clock: it runs every STRIDE base steps (0: never), drawing with
     * the clock's DT, as GENESIS's randomspike draws with its Clockrate */
    int stride;
    double dt;
};

struct gsb_caconc {
    float tau, B, thick;
    double Ca_base, C, Ca;
};

struct gs_build *gsb_new(void);
void gsb_free(struct gs_build *b);

/* How many records of each sort a model will have, or at most (0: not
 * known). */
struct gsb_sizes {
    int compt, tab, syn, src, synapse, term, ca, cain, gid;
};
/* Makes room for N's records at once, so that the builder's arrays are
 * not grown by doubling (which leaves up to half of each unused, and the
 * copies of the smaller arrays in the heap, at the compile's peak). More
 * records than this still fit. */
void gsb_reserve(struct gs_build *b, const struct gsb_sizes *n);

int gsb_compartment(struct gs_build *b, const struct gsb_compt *c);
/* A/B table pair with XDIVS+1 points each (copied); equal pairs share an
 * id. KEYA and KEYB, when not NULL, name the caller's tables: a pair added
 * again with the same keys (tables shared by copies of one prototype) is
 * found without comparing contents, so the caller must not change a keyed
 * table while the builder lives. */
int gsb_tabpair(struct gs_build *b, const void *keyA, const void *keyB, int xdivs, double xmin,
                double xmax, int mode, const double *A, const double *B, double oyA, double oyB);
int gsb_tabchannel(struct gs_build *b, const struct gsb_tabchan *t);
int gsb_synchan(struct gs_build *b, const struct gsb_synchan *s);
/* Spike sources share one numbering, in the order they are added. */
int gsb_spikegen(struct gs_build *b, const struct gsb_spikegen *s);
int gsb_randomspike(struct gs_build *b, const struct gsb_randomspike *r);
/* A source fired from outside (another rank, a test): gs_solver_fire(). */
int gsb_extsource(struct gs_build *b);
/* A SPIKE message from source SRC to synchan SYN; its index within SYN is
 * the number of earlier synapses of SYN. The compiled model owns the
 * weight, the delay and the arrival time of the last spike sent
 * (last_spike_time; GENESIS's RESET value is -1): they are read and
 * written as fields of the synapse (GS_K_SYNAPSE). */
struct gsb_synapse {
    int syn, src;
    float weight, delay, last_spike_time;
};
/* Returns the synapse id. */
int gsb_synapse(struct gs_build *b, const struct gsb_synapse *q);
int gsb_caconc(struct gs_build *b, const struct gsb_caconc *c);
/* An implicitly solved cell; compartments join it with gsb_hines_compt
 * (each at most once, in the order the hsolve lists them). */
int gsb_hines(struct gs_build *b, const struct gsb_hines *h);
void gsb_hines_compt(struct gs_build *b, int hines, int compt);
/* A message into Ca_concen CA reading the Ik of channel (CHKIND, CHAN). */
void gsb_cainput(struct gs_build *b, int ca, int kind, int chkind, int chan, double frac);
/* A message into compartment COMPT, in message order: kind is a
 * gs_term_kind (| GS_TERM_PREV for previous_state), ref a channel or
 * compartment id. */
void gsb_term(struct gs_build *b, int compt, int kind, int ref);
/* Wiring found after the element was added (its source may come later in
 * element order): the VOLTAGE source of a tabchannel, synchan or spikegen
 * (KIND GS_K_TAB, GS_K_SYN or GS_K_SRC), and the Ca_concen read by gate
 * GATE (0-2) of tabchannel TAB. */
/* A spikegen input that is not a compiled compartment: the caller writes
 * its value to GS_SF_INPUT before each step. */
#define GS_VSRC_EXT (-2)
void gsb_set_vsrc(struct gs_build *b, int kind, int id, int compt);
void gsb_set_conc(struct gs_build *b, int tab, int gate, int ca);
/* Tabchannel TAB takes the Gk of synchan SYN of the same step as its Gbar
 * (an Mg_block scaling a synchan); its Ek becomes EK. */
void gsb_set_gsyn(struct gs_build *b, int tab, int syn, float ek);

/* Global identities for the random streams (default: the builder id). */
void gsb_set_gid(struct gs_build *b, int kind, int id, uint64_t gid);

/*
 * Lays the model out. Returns a new model (caller frees with
 * gs_model_free) or NULL with a message in ERR for a bad reference or
 * an unsupported wiring. It uses B up: each kind's records are freed as
 * soon as they are written into the model (so that a large model's
 * records and arrays are not resident together), and B can then only be
 * freed; compiling it again is an error.
 */
struct gs_cmodel *gsb_compile(struct gs_build *b, double dt, uint64_t seed, char *err,
                             size_t errlen);

/* Array index of builder id ID of kind KIND in a compiled model. */
int gs_model_map(const struct gs_cmodel *m, int kind, int id);
void gs_model_free(struct gs_cmodel *m);

#endif
