/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * network.h: building networks the GENESIS way (createmap, planarconnect,
 * volumeconnect, planar/volume weight and delay, syndelay, getsyn*): the
 * geometry of connection masks, the connection loop, and the per-synapse
 * weight and delay rules. The commands in interp/commands/ parse the
 * words; everything here works on elements and checks values.
 *
 * With gensh's streams (the default) randomness never comes from a shared
 * sequence: every draw is a counter-based value (models/base/rng.h) keyed
 * by the identity of the connection, i.e. the path-derived identities of
 * its source and its destination (net_gid), so that connectivity and
 * weights do not depend on the order elements are visited or on how a
 * model is divided among ranks (DESIGN decision 9). With GENESIS's
 * generators chosen (setrand -nr/-sprng) the draws are that generator's
 * next numbers, taken in GENESIS's order (DESIGN decision 15).
 *
 * Depends on models/core and models/base only.
 */
#ifndef GS_NETWORK_H
#define GS_NETWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"

/* ---- masks (geom.c) ----------------------------------------------------- */

enum net_shape {
    NET_BOX,     /* corners a (minimum) and b (maximum) */
    NET_ELLIPSE, /* centre a and semi-axes b (ellipse in 2-D, ellipsoid in 3-D) */
};

struct net_mask {
    bool hole;            /* -sourcehole/-desthole: excludes what it covers */
    enum net_shape shape;
    double a[3], b[3];    /* m; the z members are unused in 2-D */
};

/* The masks of one side (source or destination), in the order given. A
 * point is in the region when some mask that is not a hole covers it and
 * no hole does (GENESIS's rule: a hole overrules every mask). */
struct net_region {
    struct net_mask *v;
    int n, cap;
};

/*
 * Appends a mask parsed from the words after OPT ("-destmask"): a shape
 * name (a prefix of "box", or of "ellipse" (DIM 2) / "ellipsoid" (DIM 3))
 * followed by 2*DIM numbers. Errors: unknown shape, wrong count of
 * numbers, a number that is not one, a box whose minimum exceeds its
 * maximum, an ellipse axis that is zero. R is unchanged then.
 */
enum gs_status net_region_add(struct gs_sim *sim, struct net_region *r, int dim, bool hole,
                              const char *opt, int argc, const char *const *argv);
void net_region_free(struct net_region *r);
/* Is (x, y, z) in R? (z is ignored when DIM is 2.) */
bool net_region_has(const struct net_region *r, int dim, double x, double y, double z);
/* The bounding box of R's masks that are not holes, in LO/HI (DIM values
 * each). False when R has none: nothing can be inside. */
bool net_region_bounds(const struct net_region *r, int dim, double *lo, double *hi);

/* ---- identities and draws (geom.c) ---------------------------------------- */

/* A 64-bit identity of EL from its path (names and indices from the root),
 * the same on every rank that has an element of that path. */
uint64_t net_gid(const struct gs_element *el);
/* A 64-bit hash of the words of a command line (salts connection draws, so
 * two different planarconnect calls draw independently). */
uint64_t net_hash_words(int argc, const char *const *argv);

/* ---- connections (connect.c) ------------------------------------------------ */

struct net_connect {
    int dim;               /* 2: planarconnect, 3: volumeconnect */
    bool relative;         /* destination masks are relative to each source */
    double probability;    /* >= 1: every candidate; else a keyed draw per pair */
    uint64_t salt;         /* net_hash_words of the command */
    struct net_region src, dst;
    /* GENESIS's generator when setrand chose one (net_connect sets it):
     * each pair's draw is then its next number, in GENESIS's order. NULL:
     * keyed draws. */
    struct gs_rng *grng;
};

/* Errors of C alone: no source or no destination mask, a negative or
 * non-finite probability. (The commands check the probability first, to
 * quote the word given: cmd_net_connect_opts.) */
enum gs_status net_connect_check(struct gs_sim *sim, const struct net_connect *c);
/* Errors: an element of DST that is not a synchannel ("destination '...'
 * is a ..., not a synaptic channel ..."), the message starting with
 * PREFIX (may be NULL; rvolumeconnect's "node 2: "). */
enum gs_status net_check_dests(struct gs_sim *sim, const struct gs_elist *dst,
                               const char *prefix);

/* A source or destination as the choice of pairs sees it: its position
 * and the identity that keys its draws (net_gid, or for rvolumeconnect
 * the global id of parallel/rnet.h). */
struct net_point {
    double x, y, z;
    uint64_t gid;
};

/* Chosen pairs: source S[k] to destination D[k] (positions in the lists
 * given to net_choose). */
struct net_pairs {
    int *s, *d;
    size_t n, cap;
};
void net_pairs_free(struct net_pairs *p);

/*
 * The pairs planarconnect/volumeconnect/rvolumeconnect make, appended to
 * OUT: for each source of SRC in order that is in C's source region, each
 * destination of DST in order that is in the destination region (relative
 * to the source with -relative) and passes the probability draw (keyed by
 * SEED, C->salt and the two gids). The destinations are binned by x-y
 * position once and each source tests only the bins its region can reach,
 * so a local mask costs about N, not N^2, tests; the pairs are exactly
 * those and in exactly the order of the plain double loop.
 */
void net_choose(const struct net_connect *c, uint64_t seed, const struct net_point *src,
                size_t nsrc, const struct net_point *dst, size_t ndst, struct net_pairs *out);
/* A SPIKE message for every pair of PR, from SRC[s] to DST[d], in PR's
 * order. Errors: a message refused; those added before are removed. */
enum gs_status net_add_pairs(struct gs_sim *sim, struct gs_element *const *src,
                             struct gs_element *const *dst, const struct net_pairs *pr);

/*
 * Adds a SPIKE message from every source in SRC (elements of class
 * spiking; others are skipped, as in GENESIS) inside the source region to
 * every destination in DST inside the destination region (relative to the
 * source with -relative), with probability C->probability. Messages are
 * added source by source, each source's in DST's order, so the synapse
 * numbering of every synchan is GENESIS's.
 * Errors (nothing is added): no source or destination mask, a negative or
 * non-finite probability, a destination that is not a synchannel, no
 * spiking element among SRC. *MADE (may be NULL) gets the count.
 */
enum gs_status net_connect(struct gs_sim *sim, const struct net_connect *c,
                           const struct gs_elist *src, const struct gs_elist *dst, size_t *made);

/* ---- synapses (synapse.c) ---------------------------------------------------- */

/* Where a SPIKE message's synapse keeps its weight and delay (floats, as
 * GENESIS's synapse fields). */
struct net_synref {
    float *weight;
    float *delay;
};

/* Is M a SPIKE message into a synchannel? */
bool net_is_synapse(const struct gs_msg *m);
/* The synapse of SPIKE message M. Errors: M is not one, or its class keeps
 * no weight/delay fields. */
enum gs_status net_synapse(struct gs_sim *sim, struct gs_msg *m, struct net_synref *out);
/* net_synapse for many messages: remembers, per class, where in the
 * message data (msg->data) the class keeps weight and delay, so a network
 * of 10^6 synapses is not 10^6 field lookups. Zero-initialise; no free. */
struct net_syncache {
    const struct gs_class *cls[4];
    long woff[4], doff[4]; /* byte offsets in msg->data; -1: not in the data */
    int n;
};
enum gs_status net_synapse_cached(struct gs_sim *sim, struct net_syncache *c, struct gs_msg *m,
                                  struct net_synref *out);
/* The index of M among its destination's SPIKE messages (the N of
 * synapse[N]), or -1. */
int net_synapse_index(const struct gs_msg *m);
/* The N-th SPIKE message into CHAN, or NULL. */
struct gs_msg *net_synapse_msg(const struct gs_element *chan, int n);

/* How a weight or delay is computed before randomness is added. */
enum net_vrule {
    NET_V_FIXED,  /* -fixed value */
    NET_V_RADIAL, /* -radial velocity: distance / velocity (delays) */
    NET_V_DECAY,  /* -decay rate max min: (max-min)*exp(-rate*distance)+min (weights) */
};

/* The random component (GENESIS randomize_value). */
enum net_rand {
    NET_R_NONE,
    NET_R_UNIFORM,     /* -uniform scale: uniform in [-scale, scale] */
    NET_R_GAUSSIAN,    /* -gaussian stdev maxdev: normal, |x| <= |maxdev| */
    NET_R_EXPONENTIAL, /* -exponential mid max: exponential with 1/e point mid, <= max */
};

struct net_value {
    int dim;              /* distances over x, y (2) or x, y, z (3) */
    bool delay;           /* set delays (else weights) */
    enum net_vrule rule;
    double v;             /* the fixed value, or the conduction velocity */
    double rate, vmax, vmin; /* -decay */
    enum net_rand rand;
    double r1, r2;        /* the random rule's two arguments */
    bool absolute;        /* -absoluterandom: value + r, else value + value*r */
    bool add;             /* -add: add to the present value (delays) */
    uint64_t salt;        /* draws: net_hash_words of the command */
};

/* Checks V's numbers (a negative delay, a velocity <= 0, a maximum that
 * can never be met, ...). Errors: the first bad one. */
enum gs_status net_value_check(struct gs_sim *sim, const struct net_value *v);

/*
 * planarweight/planardelay/volume...: sets the weight or delay of every
 * synapse fed by a source in SRC (whose destination is in DST, when DST
 * is not NULL). All values are computed first, then written: a failure
 * changes nothing. *N (may be NULL) gets the synapses set.
 */
enum gs_status net_set_values(struct gs_sim *sim, const struct net_value *v,
                              const struct gs_elist *src, const struct gs_elist *dst,
                              size_t *n);
/* A spike source as the weight and delay rules see it: EL, whose SPIKE
 * messages are the synapses set (the source itself or, on another rank,
 * its rspike stand-in), and the position and net_gid of the real source,
 * which the distances and the random draws use. */
struct net_vsource {
    struct gs_element *el;
    double x, y, z;
    uint64_t gid;
};
/* net_set_values for sources given that way (NSRC of them); net_set_values
 * is this with each element standing for itself. */
enum gs_status net_set_values_from(struct gs_sim *sim, const struct net_value *v,
                                   const struct net_vsource *src, size_t nsrc,
                                   const struct gs_elist *dst, size_t *n);
/* syndelay: every synapse of the synchans in CHANS gets V (rule FIXED). */
enum gs_status net_syndelay(struct gs_sim *sim, const struct net_value *v,
                            const struct gs_elist *chans, size_t *n);

/* ---- maps (map.c) ------------------------------------------------------------- */

struct net_map {
    int nx, ny;
    double dx, dy;        /* spacing, m (>= 0) */
    double x0, y0;        /* position of element 0, m */
};

/*
 * createmap: NX*NY copies of SRC (or, when CLS is not NULL, new elements
 * of that class named after it) under PARENT, named like SRC with indices
 * 0.. in row order (index = ix + NX*iy), each subtree moved so its root is
 * at (x0 + ix*dx, y0 + iy*dy, SRC's z), coordinates rounded to float as
 * GENESIS stores them. Existing children of PARENT with SRC's name and an
 * index below NX*NY are replaced (with a warning), as in GENESIS.
 * Errors: bad sizes or spacing, a copy failing; what was made is removed.
 */
enum gs_status net_createmap(struct gs_sim *sim, struct gs_element *src,
                             const struct gs_class *cls, const char *name,
                             struct gs_element *parent, const struct net_map *map);

#endif
