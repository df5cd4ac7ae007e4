/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * region.h: regions, their ports and the patterns between them (issue 14).
 * A region is an element subtree with a name and an interface: ports,
 * each an element of the subtree that is an output (a spike source) or an
 * input (a synaptic channel). A pattern connects output ports of one
 * region to input ports of another by a rule (one to one, all to all, or
 * random with a probability, each pair's draw keyed by the identities of
 * its two ports and a seed, so it does not depend on the order of
 * anything or on how the model is spread over ranks). Each connection is
 * a SPIKE message whose synapse gets the pattern's weight and delay.
 *
 * Ports and patterns hold element handles, never pointers: a port whose
 * element was deleted is reported as such, not followed.
 *
 * The state lives in sim->regions (made on first use, freed by
 * regions_free). Depends on models/core, models/network and models/base.
 */
#ifndef GS_REGION_H
#define GS_REGION_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"

enum port_dir { PORT_IN, PORT_OUT };

struct port {
    struct gs_handle el;
    enum port_dir dir;
};

struct region {
    char *name;
    struct gs_handle root;
    struct port *ports;    /* in the order declared */
    size_t nports, capports;
};

enum pattern_rule { RULE_ONE_TO_ONE, RULE_ALL_TO_ALL, RULE_RANDOM };

struct pattern {
    char *name;
    int src, dst;          /* indices of the two regions */
    enum pattern_rule rule;
    double probability;    /* RULE_RANDOM */
    uint64_t seed;         /* RULE_RANDOM */
    double weight, delay;  /* of every synapse made, delay in s */
    struct gs_handle *msrc, *mdst; /* the pairs made, in order */
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
 * Declares region NAME rooted at ROOT. Errors: the name is taken or not a
 * plain name, ROOT is inside another region or holds one.
 */
enum gs_status region_add(struct gs_sim *sim, const char *name, struct gs_element *root);
/*
 * Adds the elements SEL selects (selector.h) to R's interface as ports of
 * direction DIR, in the selector's order. Errors (nothing is added): the
 * selector's, an element outside R's subtree, an output that is not a
 * spike source, an input that is not a synaptic channel, an element that
 * is a port of R already. *ADDED (may be NULL) gets the count.
 */
enum gs_status region_add_ports(struct gs_sim *sim, struct region *r, const char *sel,
                                enum port_dir dir, size_t *added);
/* Writes R's interface, one port per line, at the prompt. */
void region_show(struct gs_sim *sim, const struct region *r);

/* A pattern to make (region_connect). */
struct pattern_spec {
    const char *name;
    const char *src_sel, *dst_sel;
    enum pattern_rule rule;
    double probability;
    uint64_t seed;
    double weight, delay;
};
/*
 * Makes pattern SPEC: its source selector must select output ports of one
 * region, its destination selector input ports of another (or the same)
 * region; the rule chooses the pairs, and each pair gets a SPIKE message
 * with SPEC's weight and delay. Errors (nothing is connected): a selector
 * error, an element that is no port ("'P' is not a port of any region"),
 * a port of the wrong direction (naming both ports of the first pair it
 * would have made), ports of several regions on one side, one to one
 * with different counts, a bad probability, weight or delay, the name
 * taken. *MADE (may be NULL) gets the connections made.
 */
enum gs_status region_connect(struct gs_sim *sim, const struct pattern_spec *spec,
                              size_t *made);
/* The pattern called NAME, or NULL. */
struct pattern *pattern_find(struct gs_sim *sim, const char *name);
/* Writes P's connections, one per line: source port, destination port,
 * weight and delay as the synapse holds them now. */
void pattern_show(struct gs_sim *sim, const struct pattern *p);

#endif
