/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * model.h: the compiled model, structure of arrays. `reset` turns the
 * element tree into one of these (through the builder, build.h); `step`
 * advances it through a backend (backend.h) without looking at the tree.
 *
 * The solver owns every array here. Backends get the struct as a view:
 * the CPU backend works on the arrays in place, a GPU backend mirrors
 * them. Fields GENESIS 2.4 stores as C floats are floats here too, and the
 * update code rounds through float exactly where GENESIS does.
 *
 * Layout. Elements of one kind live in one array each. Single-compartment
 * units (a compartment, the channels that feed it and read its Vm, and the
 * spikegens that watch it) with the same structure form a group; a group's
 * elements are contiguous per channel slot and padded to GS_BLK units, so
 * the CPU kernel runs the whole update of a block of cells in one pass
 * over contiguous memory. Everything else (multi-compartment cells, odd
 * wiring) is "general" and runs in GENESIS element order.
 */
#ifndef GS_SOLVER_MODEL_H
#define GS_SOLVER_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vmath.h"

/* Units per block of the group kernel; groups are padded to a multiple. */
#define GS_BLK 64
/* Channel slots per group unit and gates per tabchannel. */
#define GS_MAX_SLOTS 16
#define GS_NGATES 3

/* Table interpolation modes, as GENESIS's interpol calc_mode; GS_TAB_HH is
 * no table but an hh_channel gate's analytic rates (gs_hh_rates), kept in
 * the pair's records: rec[4j] = (form, A, B, V0) of alpha for j = 0..3,
 * rec[4j + 2] the same of beta. Gates of that kind run in the general
 * path only (the grouped kernel and hsolve never see them). */
enum gs_tabmode { GS_TAB_NOINTERP = 0, GS_TAB_LIN = 1, GS_TAB_FIXED = 2, GS_TAB_HH = 3 };
/* hh_channel rate forms (GENESIS's EXPONENTIAL, SIGMOID, LINOID). */
enum gs_hhform { GS_HH_EXP = 1, GS_HH_SIGMOID = 2, GS_HH_LINOID = 3, GS_HH_CONST = 4 };

/*
 * A gate's A and B tables, interleaved for one memory access per lookup:
 * rec[4i..4i+3] = A_i, A_{i+1}-A_i, B_i, B_{i+1}-B_i; the last record has
 * zero differences, so clamping the index reproduces GENESIS's end values
 * exactly.
 */
struct gs_tabpair {
    int xdivs;
    int mode;          /* enum gs_tabmode */
    double xmin, xmax; /* V or concentration */
    double invdx;      /* 1/((xmax-xmin)/xdivs), as GENESIS computes it */
    double oyA, oyB;   /* GS_TAB_FIXED values */
    double *rec;       /* 4*(xdivs+1) doubles */
};

/* What a gate reads. */
enum gs_gate_input {
    GS_GIN_V = 0,     /* membrane potential of the VOLTAGE source */
    GS_GIN_CONC = 1,  /* concentration (Z gate, Z_conc) */
    GS_GIN_CODEP = 2, /* Zpower < 0: A = c * A(v), B = B(v) */
};

/* How a gate's power is applied (g *= pow(x, power)). */
enum gs_ptype { GS_POW1, GS_POW2, GS_POW3, GS_POW4, GS_POWGEN };

/* A gate's fixed description; gates with equal descriptions share one. */
struct gs_gatedef {
    int tab;         /* gs_tabpair index */
    float power;     /* as given (|Zpower| for co-dependent Z) */
    uint8_t ptype;   /* enum gs_ptype */
    uint8_t instant; /* X = A/B instead of integrating */
    uint8_t input;   /* enum gs_gate_input */
};

/* Channel slot kinds. */
enum gs_chkind { GS_CH_TAB = 0, GS_CH_SYN = 1 };

/*
 * Parameters a group's units all share are read from one GS_BLK-long copy
 * (cache-resident) instead of the per-unit arrays; NULL: they differ, read
 * the array. Built at compile and reset; a field write that makes a value
 * differ sets its pointer back to NULL.
 */
struct gs_uni {
    double *B0;
    float *Cm, *leak, *thresh, *refract;
    float *Gbar[GS_MAX_SLOTS], *Ek[GS_MAX_SLOTS], *norm[GS_MAX_SLOTS];
    double *xc1[GS_MAX_SLOTS], *xc2[GS_MAX_SLOTS], *yc1[GS_MAX_SLOTS], *yc2[GS_MAX_SLOTS];
    void *buf;            /* owns the copies */
};

/*
 * The gates of a group that read the Vm through linear tables of one
 * geometry share the table index, and their tables are merged: record i
 * holds (A, A', B, B') of gate 0, then gate 1, ..., so one cell's lookups
 * touch two cache lines whatever the number of gates.
 */
#define GS_MAX_BGATES (GS_MAX_SLOTS * GS_NGATES)
struct gs_bundle {
    int ngate;
    int xdivs;
    double xmin, invdx;
    double *rec;                     /* 4 * ngate * (xdivs + 1) doubles */
    uint8_t slot[GS_MAX_BGATES];     /* gate k is gate q[k] of slot slot[k] */
    uint8_t q[GS_MAX_BGATES];
};

/* One uniform group of single-compartment units. */
struct gs_group {
    int n, npad;          /* units, units rounded up to GS_BLK */
    int compt0;           /* first compartment index */
    int nslot;            /* channels per unit, in CHANNEL message order */
    uint8_t kind[GS_MAX_SLOTS];
    int base[GS_MAX_SLOTS];  /* first tabchannel or synchan index of the slot */
    /* tabchannel slots: gate k of slot s is gate gbase[s][k] + u */
    int gbase[GS_MAX_SLOTS][GS_NGATES];
    int gdef[GS_MAX_SLOTS][GS_NGATES]; /* -1: no gate */
    int nspk;             /* spikegens per unit (0 or 1) */
    int spk0;             /* first spikegen index */
    struct gs_uni uni;
    int nbundle;
    struct gs_bundle *bundle;
    /* per slot and gate: in a bundle (updated there) or not */
    bool bundled[GS_MAX_SLOTS][GS_NGATES];
};

/* Compartment message terms of the general path, in message order. */
enum gs_term_kind {
    GS_T_TAB = 0,    /* CHANNEL from tabchannel ref */
    GS_T_SYN = 1,    /* CHANNEL from synchan ref */
    GS_T_AXIAL = 2,  /* AXIAL from compartment ref, uses own Ra */
    GS_T_RAXIAL = 3, /* RAXIAL from compartment ref, its Ra */
    GS_T_TAIL = 4,   /* symcompartment CONNECTTAIL/RAXIAL: ref's Ra times coeff */
    GS_T_HEAD = 5,   /* symcompartment CONNECTHEAD/CROSS/AXIAL/RAXIAL2: times coeff2 */
};
#define GS_TERM_PREV 0x10  /* source value is previous_state, not Vm */

struct gs_term {
    uint8_t kind;  /* enum gs_term_kind | GS_TERM_PREV */
    int ref;
};

/* Inputs of a Ca_concen, in message order. */
enum gs_cain_kind { GS_CA_ICA = 0, GS_CA_FICA = 1, GS_CA_INC = 2, GS_CA_DEC = 3 };
struct gs_cainput {
    uint8_t kind;     /* enum gs_cain_kind */
    uint8_t chkind;   /* enum gs_chkind of the channel whose Ik is read */
    int chan;
    double frac;      /* second value of fractional I_Ca */
};

/*
 * One cell under an hsolve (hines.c). Its compartments are the rows of a
 * sparse linear system, numbered in elimination order (Hines' order:
 * every compartment before the one it hangs from, so a branched cable
 * eliminates without fill-in). The off-diagonal entries live in val (val0:
 * their values before elimination, refreshed when Cm or Ra change); ops is
 * the elimination unrolled at compile time, as GENESIS's funcs array.
 */
enum gs_hop_kind {
    GS_HOP_ELIM = 0,  /* f = val[a] / d[c]; r[b] -= f * r[c] (row b, pivot c) */
    GS_HOP_DIAG = 1,  /* d[b] -= f * val[a] */
    GS_HOP_VAL = 2,   /* val[b] -= f * val[a] */
};
struct gs_hop {
    uint8_t kind;
    int a, b, c;
};
/* A gate of the fast step: where its table rows and input are. */
struct gs_hgate {
    const double *tab;    /* 4 doubles per row: the chip table, or A/B for instant gates */
    double xmin, invdx, xdivs;
    int src;              /* index into V (or Ca when conc), -1: the input is 0 */
    uint8_t conc, inst, interp;
    uint8_t ob, oa;       /* offsets of the B and A columns in a row */
    bool same;            /* same input and table geometry as the gate before */
};
struct gs_hines {
    int n;                /* rows */
    int method;           /* 10 backward Euler, 11 Crank-Nicolson */
    int chanmode, calcmode;
    int *compt;           /* row -> compartment index */
    double *diag0;        /* 1 + dt'/(Cm Rm) + sum dt'/(Cm Ra) */
    double *tbyc;         /* dt'/Cm; dt' = dt/2 for Crank-Nicolson */
    double *d, *r;        /* the diagonal and right-hand side of this step */
    int *ufirst, *ucol;   /* n + 1: upper entries (col > row) of each row, in val */
    int *uval;
    int nval;
    double *val0, *val;
    double *bval;         /* the entries back substitution reads (hines_coeffs) */
    bool genesis;         /* rows numbered as GENESIS's hsolve numbers them */
    int *lnk_first;       /* n + 1: the axial links of each row: val0 index and */
    int *lnk_term;        /* compartment term that gives its resistance */
    int *lnk_val;
    int nops;
    struct gs_hop *ops;
    bool copy_val;        /* ops modify val: start each step from val0 */
    int *tab_first, *tab; /* n + 1: the tabchannels this cell updates (chanmode >= 1) */
    /* the fast step (hines.c): a tree (no op changes an off-diagonal) */
    bool tree;
    int *par;             /* row -> parent row, -1 for a root */
    int *lo_val, *up_val; /* val indices of (parent, row) and (row, parent) */
    uint8_t *fixed;       /* rows whose elimination is the same every step */
    double *ffix;         /* and their factors (hines.c, fixed_rows) */
    /* channels of each row in message order: kind 0 a tabchannel this cell
     * updates, 1 a tabchannel updated elsewhere, 2 a synchan */
    int *ch_first;        /* n + 1 */
    uint8_t *ch_kind;
    int *ch_ref;
    /* chanmode >= 2: the gates of those tabchannels, updated in two passes
     * (table lookups, then the trapezoidal step as one vector loop) */
    bool fastgates;
    int ng;
    int *g_gi, *g_tab, *g_src; /* gate state, table pair, Vm (or Ca) index */
    uint8_t *g_conc, *g_inst;
    double *g_A, *g_B, *g_X;
    struct gs_hgate *g;   /* the same, packed for the step (hines.c) */
    /* per tabchannel this cell updates (in tab order): its gates' places
     * in g_X (-1 none) and integer powers (0: use pow) */
    int *t_g;             /* 3 per tabchannel */
    int8_t *t_pow;
    double *t_gk;         /* Gk of the step */
    int *ch_loc;          /* per channel of kind 0: its index in t_gk */
    /* chanmode >= 2: the Ca_concen pools fed only by this cell's channels,
     * which GENESIS's hsolve integrates itself (hines_conc_chip.c) */
    int *ch_cain;         /* per channel: its I_Ca or fI_Ca input (m->cain), -1 none, */
    int *ch_pool;         /* and the pool it feeds */
    int npool, *pool;
};

/* A spike: source id (spike-source numbering) and the step it fired in. */
struct gs_spike {
    int64_t step;
    int32_t src;
};

struct gs_cmodel {
    double dt;
    int64_t step;         /* steps advanced since reset */
    double t;             /* time of the next step (dt accumulated in double) */
    uint64_t seed;        /* for synchan frequency and randomspike draws */
    /* The simulator's generators (glue.c sets it; NULL in bare models):
     * when setrand chose one of GENESIS's, frequency and randomspike draws
     * are its next numbers, in GENESIS's order. */
    struct gs_rng *rng;
    struct vm_exp_table exptab;

    /* compartments */
    int ncompt;
    double *V, *Vprev;
    float *initVm, *Em, *Rm, *Cm, *Ra, *inject, *dia, *len;
    float *k_leak;        /* Em/Rm, rounded to float as GENESIS does */
    double *k_B0;         /* 1/Rm */
    bool *comp_general;   /* updated by the general path */
    bool *csym;           /* symcompartment: axial terms add to A, scaled by coeff */
    float *coeff, *coeff2;

    /* tabchannels and gates */
    int ntab;
    float *Gbar, *tEk;
    int *tgate;           /* ntab * GS_NGATES gate indices; < 0: the gate is absent
                           * (power 0), its state kept in Xidle[-1 - tgate] */
    int *tvsrc;           /* VOLTAGE source compartment, -1 none */
    int *tgsrc;           /* Mg_block: the synchan whose Gk of the step is Gbar, -1 none */
    double *tvreset;      /* v used at reset when there is no VOLTAGE source */
    int nidle;
    double *Xidle;        /* the states of the absent gates (a field still) */
    int ngate;
    double *X;            /* gate states */
    int *gdef;            /* gatedef per gate */
    int *gconc;           /* Ca_concen read by the gate, -1 none */
    int ngatedef;
    struct gs_gatedef *gatedef;
    int ntabpair;
    struct gs_tabpair *tabs;

    /* synchans and synapses */
    int nsyn;
    double *sX, *sY;
    float *act;           /* activation of the current step, float as GENESIS */
    float *sEk, *tau1, *tau2, *gmax, *freq, *norm;
    short *normw;
    double *xc1, *xc2, *yc1, *yc2;
    int *svsrc;
    int *syn_first;       /* nsyn + 1: synapses of synchan y are syn_first[y].. */
    int nsynapse;
    /* per synapse q (synapses of one synchan contiguous, in its message
     * order): GENESIS reads the weight when a spike arrives and the delay
     * when it is sent; last_spike_time is the arrival time of the last
     * spike sent (GENESIS's synchan EVENT; -1 after RESET) */
    float *q_weight, *q_delay, *q_last;
    int *q_src, *q_chan;

    /* spike sources: spikegens 0..nspike-1, then randomspikes, then external */
    int nspike;
    float *thresh, *refract, *amp, *lastevent;
    int *gvsrc;           /* spikegen input compartment, or GS_VSRC_EXT */
    double *ginput;       /* the GS_VSRC_EXT spikegens' input value */
    int64_t *lastfire;    /* step of the last spike (state field), -1 none */
    /* spikegens watching a cell under an hsolve of chanmode 2 to 5 fire by GENESIS's hsolve
     * rule instead (hines_chip.c: Vm > thresh, and a refractory period of
     * int(abs_refract/dt + 1.9) steps counted down every step): their
     * hspk_steps > 0, with the countdown in hspk_count */
    int *hspk_steps, *hspk_count;
    int nrand;
    float *r_rate, *r_refract, *r_reset_value, *r_min, *r_max, *r_last, *r_state, *r_realrate;
    short *r_reset;
    int *r_stride;        /* runs in steps that are multiples (0: never) */
    double *r_dt;         /* its clock's dt, for the draw */
    int next;             /* external sources, after the randomspikes */
    int *out_first;       /* nsrc + 1: outgoing synapses, CSR, message order */
    int *out_syn;         /* the synapse q of each outgoing list position */
    int *src_order;       /* GENESIS processing order of each source */
    uint64_t *src_gid;    /* global identity for random streams */
    uint64_t *syn_gid;    /* global identity of each synchan */

    /* Ca_concen */
    int nca;
    double *caC, *Ca, *Ca_base;
    double *ca_flux;      /* per pool: the current an hsolve sums for it this step */
    bool *ca_hines;       /* per pool: integrated by an hsolve, not the general path */
    float *ca_tau, *ca_B, *ca_thick, *ca_act;
    float *ca_ext;        /* I_Ca from outside the compiled model (GS_SF_CAEXT) */
    int *cain_first;
    struct gs_cainput *cain;

    /* groups and the general path */
    int ngroup;
    struct gs_group *groups;
    int ngen_tab, ngen_syn, ngen_compt, ngen_spk;
    int *gen_tab, *gen_syn, *gen_compt, *gen_spk;
    int *term_first;      /* ncompt + 1 */
    struct gs_term *terms;
    int nfreq;            /* synchans with background frequency */
    int *freq_syn;
    bool zero_delay;      /* some synapse delivers in the step it fires */

    /* cells under an hsolve */
    int nhines;
    struct gs_hines *hines;
    int *comp_hines;      /* per compartment: its hines cell, -1 none */
    bool hines_stale;     /* Cm, Rm, Ra or dt changed: coefficients to recompute */
    double **htab;        /* per table pair, for hsolve gates (chanmode >= 2): rows of
                           * (1 + dt/2 B, dt A), as GENESIS's chip tables; NULL unused */
    /* synchans in a cell under an hsolve of chanmode 2 to 5: GENESIS's
     * hsolve takes in their events and integrates them itself, cell by
     * cell, in its chip order (hsyn.c) */
    int nhsyn;
    int *syn_hines;       /* per synchan: its hsolve cell, -1 none (NULL: no cell) */
    int *hord_first;      /* nhines + 1: each cell's spikegens and synchans, */
    int *hord;            /* in chip order: >= 0 synchan y, < 0 spikegen -1 - s */
    struct gs_hsyn *hsyn; /* their events on the way (hsyn.c) */

    /* builder id -> array index, per enum gs_ekind (build.h) */
    int *map[6];
    int map_n[6];
};

#endif
