/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * build_int.h: the builder's records, shared by the adders (build.c) and
 * the layout pass (layout.c). Private to models/solver.
 */
#ifndef GS_SOLVER_BUILD_INT_H
#define GS_SOLVER_BUILD_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "build.h"

#define PUSH(vec, val)                                                                             \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            (vec).cap = (vec).cap ? 2 * (vec).cap : 16;                                            \
            (vec).v = xreallocarray((vec).v, (size_t)(vec).cap, sizeof *(vec).v);                 \
        }                                                                                          \
        (vec).v[(vec).n++] = (val);                                                                \
    } while (0)
/* Frees a kind's records once the layout has written them (gsb_compile
 * uses the builder up). */
#define DROP(vec)                                                                                  \
    do {                                                                                           \
        free((vec).v);                                                                             \
        (vec).v = NULL;                                                                            \
        (vec).n = (vec).cap = 0;                                                                   \
    } while (0)
#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *v;                                                                                      \
        int n, cap;                                                                                \
    }

struct btab {
    int xdivs, mode;
    double xmin, xmax, oyA, oyB;
    double *A, *B;
    const void *keyA, *keyB; /* the caller's names for the pair: repeats are found fast */
    uint64_t hash;
};
/* The gates of a tabchannel as the builder keeps them: what the copies of
 * one prototype share (tables, powers, inputs, Ca sources), stored once
 * and named by index from each channel's record. */
struct bgate {
    int tab, conc;
    float power;
    uint8_t instant, input;
};
struct bgates {
    struct bgate g[GS_NGATES];
    uint64_t hash;
};
/* A tabchannel's record: its own values, and its gates' shared
 * description (56 bytes instead of the 128 of struct gsb_tabchan). */
struct btabch {
    float Gbar, Ek;
    int vsrc, gsyn1;
    double vreset;
    double state[GS_NGATES];
    int gates;       /* index into gs_build.gates */
};
struct bsrc { int kind, idx; };  /* 0 spikegen, 1 randomspike, 2 external */
struct bterm { int compt, kind, ref; };
struct bcain { int ca; struct gs_cainput in; };
struct bgid { int kind, id; uint64_t gid; };
struct bhc { int hines, compt; };

struct gs_build {
    VEC(struct gsb_compt) compt;
    VEC(struct btab) tabs;
    VEC(struct btabch) tab;
    VEC(struct bgates) gates;
    int *gslot;                    /* hash of gates: index, -1 empty */
    int gcap;                      /* its size, a power of two */
    VEC(struct gsb_synchan) syn;
    VEC(struct gsb_spikegen) spk;
    VEC(struct gsb_randomspike) rnd;
    VEC(struct bsrc) src;
    VEC(struct gsb_synapse) synapse;
    VEC(struct gsb_caconc) ca;
    VEC(struct bcain) cain;
    VEC(struct bterm) term;
    VEC(struct bgid) gid;
    VEC(struct gsb_hines) hines;
    VEC(struct bhc) hcompt;
    int next;                      /* external sources */
    bool spent;                    /* laid out: its records are freed */
};


static inline uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

#endif
