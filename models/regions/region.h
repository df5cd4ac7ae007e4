/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * region.h: regions, their ports and the patterns between them (issue 14).
 * A region is an element subtree on one node with a name and an
 * interface: ports, each an element of the subtree that is an output or an
 * input, spiking or graded (struct port). A pattern connects output ports
 * of one region to input ports of another by a rule (one to one, all to
 * all, random with a probability, each pair's draw keyed by the
 * identities of its two ports and a seed, so it does not depend on the
 * order of anything or on how the model is spread over ranks) or the
 * pairs of a file. Each spiking connection is a SPIKE message whose
 * synapse gets the pattern's (or its line's) weight and delay; each graded
 * one a value message from a stand-in (made by the interp layer).
 *
 * Ports and patterns hold element handles, never pointers: a port whose
 * element was deleted is reported as such, not followed.
 *
 * The state lives in sim->regions (made on first use, freed by
 * regions_free). Depends on models/core, models/network and models/base;
 * what crosses nodes (asking the destination region's node for its ports,
 * the proxies of remote sources) is interp/commands/cmd_regions_par.c's.
 */
#ifndef GS_REGION_H
#define GS_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/strbuf.h"
#include "../core/core.h"
#include "../network/network.h"

enum port_dir { PORT_IN, PORT_OUT };

/*
 * A port is spiking (an output: a spike source; an input: a synaptic
 * channel) or graded, carrying a value every step: a graded output sends a
 * field of its element (WORD: "Vm"), a graded input receives it through a
 * message of one value (WORD: its type, "INJECT", "PLUS").
 */
struct port {
    struct gs_handle el;
    enum port_dir dir;
    char *word;            /* graded: the field or message type; NULL: spiking */
};

/*
 * A region lives on one node of the zone (its "node"): its elements and
 * ports exist there only. Every node knows every region's name, root path
 * and node, so that a pattern made on every node (SPMD) can tell which
 * node does the work; ROOT and the ports are valid on the region's node.
 */
struct port_slot {
    unsigned slot;         /* the element's slot */
    size_t port;           /* its index in ports */
};

struct region {
    char *name;
    char *rootpath;        /* absolute, as region_by_path compares it */
    int node;              /* the zone node that holds it; REGION_UNMAPPED until regions_map */
    bool local;            /* NODE is this node */
    double cells, synapses; /* the size the script gave (0 when none), for regions_map */
    struct gs_handle root; /* on NODE (found when first needed: region_root) */
    struct port *ports;    /* in the order declared (on NODE) */
    size_t nports, capports;
    struct port_slot *index; /* ports by slot (region_port), of the first NINDEXED */
    size_t nindex, nindexed;
};

enum pattern_rule { RULE_ONE_TO_ONE, RULE_ALL_TO_ALL, RULE_RANDOM, RULE_FILE };

/*
 * A pattern's connections are held by the node of its destination region
 * (NODE): there each is a SPIKE message from a sender (the source port, or
 * the rspike proxy standing for it when the source region is on another
 * node) to a destination port. Other nodes hold the pattern's name,
 * regions, rule and count only (HERE false).
 */
struct pattern {
    char *name;
    int src, dst;          /* indices of the two regions */
    enum pattern_rule rule;
    double probability;    /* RULE_RANDOM */
    uint64_t seed;         /* RULE_RANDOM */
    double weight, delay;  /* of every synapse made, delay in s */
    bool graded;           /* value messages (msyn -1), not SPIKE */
    int node;              /* the node holding the connections */
    bool here;             /* this node holds them (the arrays below) */
    bool pending;          /* made by a request, before this node's own regionconnect */
    struct gs_handle *msend, *mdst; /* the pairs made, in order; a graded pair's
                                     * sender is the stand-in of its value */
    char **srcpath;        /* each sender's source port path, shared by pairs (msrcp) */
    int *msrcp;            /* each pair's index into SRCPATH */
    size_t nsrcpath;
    int *msyn;             /* each pair's synapse index in its channel */
    size_t n;
};

struct gs_regions {
    struct region *v;
    size_t n, cap;
    struct pattern *pat;
    size_t npat, cappat;
};

void regions_free(struct gs_sim *sim);
/* The region called NAME, or NULL. */
struct region *region_find(struct gs_sim *sim, const char *name);
/*
 * Declares region NAME rooted at ROOT (a path; relative to the working
 * element) on zone node NODE; MYNODE is this node. On NODE the root must
 * exist. Errors: the name is taken or not a plain name, the root is
 * missing (on NODE), or inside another region or holds one.
 */
enum gs_status region_add(struct gs_sim *sim, const char *name, const char *root, int node,
                          int mynode);
/* The node of a region declared with -node auto before regions_map. */
#define REGION_UNMAPPED (-1)
/* What a synapse costs against a cell when regions_map balances (a cell
 * is computed every step, a synapse only when a spike reaches it). */
#define REGION_SYNAPSE_COST 0.01
/* R's cost for regions_map: its cells plus REGION_SYNAPSE_COST a synapse. */
double region_cost(const struct region *r);
/*
 * Maps every region still REGION_UNMAPPED onto the NNODES nodes of the
 * zone (MYNODE is this one), balancing the cost (region_cost): the
 * largest first, each onto the node whose regions cost least so far
 * (those already mapped counted), ties to the region declared first and
 * the lowest node. The same on every node. Returns how many it mapped.
 */
size_t regions_map(struct gs_sim *sim, int nnodes, int mynode);
/* GS_OK when R has a node; else the error that regionmap has not chosen
 * it yet. */
enum gs_status region_mapped(struct gs_sim *sim, const struct region *r);
/* The root of R, on R's node (looked up by path the first time: a region
 * mapped by regions_map is made after it is declared); NULL elsewhere, or
 * when it does not exist (yet). */
struct gs_element *region_root(struct gs_sim *sim, struct region *r);
/* Undoes the last region_add (a collective region refused elsewhere). */
void region_drop_last(struct gs_sim *sim);
/* The region whose root path is PATH or one of its ancestors, compared as
 * texts ("x" and "x[0]" alike), or NULL. */
struct region *region_by_path(struct gs_sim *sim, const char *path);
/*
 * The region the first path of selector SEL lies in (region_by_path), in
 * *OUT (NULL when none). Errors: the selector's.
 */
enum gs_status region_of_selector(struct gs_sim *sim, const char *sel, struct region **out);
/*
 * Adds the elements SEL selects (selector.h) to R's interface as ports of
 * direction DIR, in the selector's order: spiking when GRADED is NULL,
 * else graded with GRADED as the field (output) or message type (input).
 * Errors (nothing is added): the selector's, an element outside R's
 * subtree, a spiking output that is not a spike source, a spiking input
 * that is not a synaptic channel, a graded output without that field, a
 * graded input whose class takes no message of that type with one value,
 * an element that is a port of R already. *ADDED (may be NULL) gets the
 * count.
 */
enum gs_status region_add_ports(struct gs_sim *sim, struct region *r, const char *sel,
                                enum port_dir dir, const char *graded, size_t *added);
/* The port of region R that EL is, or NULL. */
const struct port *region_port(struct gs_sim *sim, const struct region *r,
                               const struct gs_element *el);
/* Appends R's interface, one port per line, to SB (on R's node). */
void region_text(struct gs_sim *sim, const struct region *r, struct strbuf *sb);

/* One side of a pattern: a selector, or (from a pattern file) the paths
 * of its N lines, one each, with their line numbers (an HDF5 file: the
 * rows of its DATASET, "src" or "dst"; NULL for a text file). */
struct port_list {
    const char *sel;
    const char *file;
    const char *dataset;
    char *const *paths;
    const long *lines;
    size_t n;
};

/* A pattern to make (region_connect). */
struct pattern_spec {
    const char *name;
    const char *src_sel, *dst_sel; /* the selectors, or the file's first line's paths */
    struct port_list src, dst;
    enum pattern_rule rule;
    double probability;
    uint64_t seed;
    double weight, delay;
    bool weighted, delayed; /* -weight, -delay given (refused for graded ports) */
    const double *pw, *pd;  /* RULE_FILE: each line's weight and delay (NAN: WEIGHT, DELAY) */
};

/* A pattern file read (pattern_file_read): a pair per line (an HDF5
 * file: per row of its datasets). */
struct pattern_file {
    char **src, **dst;
    long *line;             /* text: the line's number; HDF5: the row, from 0 */
    double *w, *d;          /* NAN where the line gives none */
    size_t n, cap;
    bool h5;                /* read from HDF5: LINE holds rows of "src" and "dst" */
};
/*
 * Reads pattern file FILE, text or HDF5 (told by the HDF5 signature).
 * Text: a line "source destination [weight [delay]]" per connection
 * (element paths; weight and delay in s as numbers); '#' starts a
 * comment, blank lines are skipped. Errors name the file and line: a line
 * of another shape, a number that is not one (a delay below 0), no pair
 * at all, a file that cannot be read. HDF5: pattern_h5_read.
 */
enum gs_status pattern_file_read(struct gs_sim *sim, const char *file, struct pattern_file *pf);
/* Appends one pair to PF (copies of the paths). */
void pattern_file_add(struct pattern_file *pf, const char *src, const char *dst, long line,
                      double w, double d);
void pattern_file_free(struct pattern_file *pf);
/*
 * Reads HDF5 pattern file FILE (pattern_h5.c; docs/regions.md): the 1-D
 * string datasets /src and /dst, an element path a row (fixed or variable
 * length), and optionally the 1-D numeric datasets /weight and /delay (s)
 * of as many rows, NaN where a row takes -weight or -delay. Errors name
 * the file and dataset (a dataset missing, not 1-D, of the wrong type or
 * length) or the row (a weight that is not finite, a delay below 0); no
 * pair at all. A build without HDF5 says so.
 */
enum gs_status pattern_h5_read(struct gs_sim *sim, const char *file, struct pattern_file *pf);
/* Checks SPEC's name (plain, not taken), probability, weight and delay. */
enum gs_status pattern_spec_check(struct gs_sim *sim, const struct pattern_spec *spec);
/* The elements of side PL (appended to OUT, which must be empty): its
 * selector's (sel_resolve), or its file's paths, one per line. Errors:
 * the selector's, "FILE:LINE: element 'P' does not exist". */
enum gs_status side_resolve(struct gs_sim *sim, const struct port_list *pl, struct gs_elist *out);
/*
 * One side of a pattern: resolves PL into OUT and checks that every
 * element is a port of direction DIR of one region, whose index goes to
 * *REG, and that all are spiking or all graded (*GRADED). OTHER is the
 * first port of the other side, named in the errors ("so it cannot feed
 * 'OTHER'"). OUT is empty after an error.
 */
enum gs_status pattern_side(struct gs_sim *sim, const struct port_list *pl, enum port_dir dir,
                            const char *other, struct gs_elist *out, int *reg, bool *graded);
/* The two sides' kinds agree, and a graded pattern has no weight or delay
 * (an error naming the first ports S0 and D0 otherwise). */
enum gs_status pattern_kinds(struct gs_sim *sim, const struct pattern_spec *spec, bool sgraded,
                             const char *s0, bool dgraded, const char *d0);
/* The identity of a port for the random rule's draws: the same on every
 * node and for any mapping (from its path). */
uint64_t pattern_port_key(const struct gs_element *el);
/*
 * Chooses the pairs of SPEC's rule between NS sources and ND
 * destinations (their keys SK, DK: pattern_port_key) into PR, source by
 * source (RULE_FILE: line by line). Errors: one to one with NS != ND.
 */
enum gs_status pattern_choose(struct gs_sim *sim, const struct pattern_spec *spec, size_t ns,
                              const uint64_t *sk, size_t nd, const uint64_t *dk,
                              struct net_pairs *pr);
/*
 * Makes the connections of pattern SPEC on this node: for each pair k of
 * PR a SPIKE message from SEND[PR->s[k]] (a source port, or its proxy) to
 * DST[PR->d[k]], whose synapse gets SPEC's weight and delay, or W[k] and
 * D[k] where W is not NULL (a pattern file's); SRCPATH[i] is
 * the path of the source port SEND[i] stands for (NSRC of them). Records
 * the pattern (from region SRC to region DST) as held here; PENDING as in
 * struct pattern. Errors: a message refused; nothing is left connected.
 */
enum gs_status pattern_link(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
                            struct gs_element *const *send, char *const *srcpath, size_t nsrc,
                            struct gs_element *const *dst_el, const struct net_pairs *pr,
                            const double *w, const double *d, bool pending);
/*
 * Records graded pattern SPEC as held here: pair k's value reaches
 * DST[PR->d[k]] from stand-in STAND[k] (made by the caller, with its
 * message), standing for source SRCPATH[PR->s[k]].
 */
void pattern_link_graded(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst,
                         struct gs_element *const *stand, char *const *srcpath, size_t nsrc,
                         struct gs_element *const *dst_el, const struct net_pairs *pr,
                         bool pending);
/* Records pattern SPEC (regions SRC, DST) whose N connections are held on
 * node NODE, not here. */
void pattern_note(struct gs_sim *sim, const struct pattern_spec *spec, int src, int dst, int node,
                  size_t n);
/*
 * Pattern SPEC when both regions are on this node, up to the choice: S
 * and D get the two sides' ports, *SRC and *DST their regions, *GRADED
 * their kind, PR the pairs of the rule. Errors (S and D are empty): a
 * selector error, an element that is no port ("'P' is not a port of any
 * region"), a port of the wrong direction (naming both ports of the first
 * pair it would have made), ports of several regions or kinds on one side,
 * kinds that differ (pattern_kinds), one to one with different counts.
 * SPEC must have passed pattern_spec_check.
 */
enum gs_status pattern_prepare(struct gs_sim *sim, const struct pattern_spec *spec,
                               struct gs_elist *s, struct gs_elist *d, int *src, int *dst,
                               bool *graded, struct net_pairs *pr);
/* Connects the spiking pairs PR that pattern_prepare chose between S and
 * D (pattern_link, the sources as their own senders). */
enum gs_status region_connect(struct gs_sim *sim, const struct pattern_spec *spec,
                              const struct gs_elist *s, const struct gs_elist *d, int src, int dst,
                              const struct net_pairs *pr);
/* The pattern called NAME, or NULL. */
struct pattern *pattern_find(struct gs_sim *sim, const char *name);
/* Appends P's connections to SB, one per line: source port, destination
 * port, weight and delay as the synapse holds them now (P held here). */
void pattern_text(struct gs_sim *sim, const struct pattern *p, struct strbuf *sb);

#endif
