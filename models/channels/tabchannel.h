/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tabchannel.h: the tabchannel instance, for the table commands
 * (setupalpha, setuptau, tweakalpha, tweaktau, scaletabchan) and the
 * compiled model. Tables are shared between copies of a channel, as in
 * GENESIS (a copied channel points at its prototype's tables): each table
 * counts its references, and making new tables for one gate (TABCREATE,
 * setupalpha) replaces only that channel's pointers.
 */
#ifndef GS_TABCHANNEL_H
#define GS_TABCHANNEL_H

#include "../core/core.h"

/* The instant field's bits, GENESIS's INSTANTX/Y/Z. */
enum { TAB_INSTANT_X = 1, TAB_INSTANT_Y = 2, TAB_INSTANT_Z = 4 };

struct tabchannel {
    struct gs_element el;
    float activation;
    double Ik;             /* channel current, A (computed) */
    double Gk;             /* conductance, S (computed) */
    float Ek;              /* reversal potential, V */
    float Gbar;            /* maximal conductance, S */
    double X, Y, Z;        /* gate states */
    float Xpower, Ypower, Zpower;
    int instant;           /* TAB_INSTANT_* bits */
    int X_alloced, Y_alloced, Z_alloced;
    float surface;         /* m^2, set by readcell */
    int Z_conc;            /* 1: Z reads a concentration (default), 0: the Vm */
    struct interpol *X_A, *X_B, *Y_A, *Y_B, *Z_A, *Z_B;
};

extern const struct gs_class tabchannel_class;

/* Gate G ('X', 'Y' or 'Z') of tabchannel EL: its A and B table slots, or
 * NULL for another letter. */
struct interpol **tabchannel_gate(struct tabchannel *c, char g, struct interpol ***B);
/*
 * Gives gate G of EL new A and B tables of XDIVS divisions on [XMIN, XMAX]
 * (zero-filled), dropping its references to the old ones, and marks the
 * gate allocated. Errors: a bad gate letter, bad range, or no memory;
 * nothing changes then.
 */
enum gs_status tabchannel_new_tables(struct gs_sim *sim, struct gs_element *el, char g, int xdivs,
                                     double xmin, double xmax);

/* Gives gate G of EL private copies of its tables (scaletabchan
 * -duplicate), so changing them leaves the channels it was copied from
 * alone. Errors: no such gate or no tables. */
enum gs_status tabchannel_unshare(struct gs_sim *sim, struct gs_element *el, char g);

#endif
