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
struct bsrc { int kind, idx; };  /* 0 spikegen, 1 randomspike, 2 external */
struct bterm { int compt, kind, ref; };
struct bcain { int ca; struct gs_cainput in; };
struct bgid { int kind, id; uint64_t gid; };
struct bhc { int hines, compt; };

struct gs_build {
    VEC(struct gsb_compt) compt;
    VEC(struct btab) tabs;
    VEC(struct gsb_tabchan) tab;
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
