/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spikehistory.c: the spikehistory class (GENESIS 2.4): one text line per
 * spike of every spike source that sends it a SPIKESAVE message:
 *
 *     "%6d     %.6f\n"  index of the message (1-based, in the order the
 *                       SPIKESAVE messages were added) and spike time, or
 *     "%s     %.6f\n"   the source's path and the time (ident_toggle != 0).
 *
 * The time is the start of the step in which the source fired, which is
 * what GENESIS's SimulationTime() gives its EVENT action. Spikes of one
 * step are written in the order the compiled model fires them (GENESIS
 * element order). The spike sources are compiled, so the lines are made
 * from the spikes the solver reports for the step just advanced; a
 * spikehistory must therefore run every base step (clock 0, its default).
 *
 * File handling follows asc_file (outelem.h): reset truncates the file at
 * the first step unless append is set (GENESIS truncates at the first
 * spike, which leaves an old file in place when nothing fires);
 * leave_open keeps it open; flush flushes every line.
 *
 * sonata_out (a gensh class) takes the same SPIKESAVE messages and writes
 * the spikes in the SONATA layout through the HDF5 sink: node_ids are the
 * sources' io_index (of the element or its nearest ancestor that has
 * one), else the message's order from 0, so the file does not depend on
 * how the network is sliced.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "outelem.h"
#include "../solver/sclass.h"

enum { MSG_SPIKESAVE };

/* Which SPIKESAVE messages come from a source (by element slot). */
struct srcidx {
    uint32_t slot;
    int index; /* 1-based among the SPIKESAVE messages */
    long node; /* sonata_out: the node id */
};

struct spikehistory {
    struct gs_element el;
    struct outelem out; /* filename, leave_open, append, flush, is_open, the sink */
    int ident_toggle;   /* 0: message index, else source path */
    int nspikes;        /* lines written since reset (a gensh addition) */
    char *population;   /* sonata_out: the SONATA population */
    int compress;       /* sonata_out: deflate level */
    int flush_spikes;   /* sonata_out: spikes kept before a block is written */
    struct srcidx *map; /* sorted by slot; rebuilt when the messages change */
    size_t nmap;
    bool map_stale;
    /* Per compiled spike source (builder id): the element last seen there
     * and its first map entry (-1: none), so a spike costs no search and
     * no look at the element. (An element deleted and another made at its
     * address cannot fool it: deleting a source deletes its SPIKESAVE
     * message, which empties the cache.) */
    const struct gs_element **cptr;
    int *cpos;
    size_t ncache;
};
OUTELEM_LAYOUT(struct spikehistory);

static const struct gs_field spikehistory_fields[] = {
    OUTELEM_FIELD(struct spikehistory, filename, GS_STR, 0u,
                  "file to write (default: the element's name)"),
    OUTELEM_FIELD(struct spikehistory, leave_open, GS_INT, 0u, "1: keep the file open between writes"),
    OUTELEM_FIELD(struct spikehistory, append, GS_INT, 0u,
                  "1: reset appends instead of starting the file again"),
    OUTELEM_FIELD(struct spikehistory, flush, GS_INT, 0u, "1: flush every line to the disk"),
    GS_FIELD(struct spikehistory, ident_toggle, GS_INT, "",
             "0: name the source by its message number; 1: by its path"),
    OUTELEM_FIELD(struct spikehistory, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct spikehistory, initialize, GS_INT, 0u,
                  "1: start the file again at the next write"),
    GS_FIELD_RO(struct spikehistory, nspikes, GS_INT, "", "lines written since reset"),
    GS_FIELD_END,
};

static const struct gs_field sonata_out_fields[] = {
    OUTELEM_FIELD(struct spikehistory, filename, GS_STR, 0u,
                  "HDF5 file to write (default: the element's name)"),
    GS_FIELD(struct spikehistory, population, GS_STR, "",
             "SONATA population: /spikes/POPULATION (default: the element's name)"),
    OUTELEM_FIELD(struct spikehistory, append, GS_INT, 0u,
                  "1: reset continues the file's datasets instead of starting again"),
    OUTELEM_FIELD(struct spikehistory, flush, GS_INT, 0u, "1: write every step's spikes at once"),
    GS_FIELD(struct spikehistory, flush_spikes, GS_INT, "",
             "spikes kept in memory before a block is written (default 4096)"),
    GS_FIELD(struct spikehistory, compress, GS_INT, "", "deflate level 0-9 (default 1)"),
    OUTELEM_FIELD(struct spikehistory, is_open, GS_INT, GS_F_RO, "1 while the file is open"),
    OUTELEM_FIELD(struct spikehistory, initialize, GS_INT, GS_F_HIDDEN,
                  "1: start the file again at the next write"),
    GS_FIELD_RO(struct spikehistory, nspikes, GS_INT, "", "spikes written since reset"),
    GS_FIELD_END,
};

static const struct gs_msgdef spikehistory_msgs[] = {
    [MSG_SPIKESAVE] = {"SPIKESAVE", 0, {NULL}, "record the spikes of the source"},
    GS_MSGDEF_END,
};

extern const struct gs_class sonata_out_class;

static bool
is_sonata(const struct spikehistory *h)
{
    return h->el.cls == &sonata_out_class;
}

/* The element's sink, with its settings of now. */
static struct sink *
sink_of(struct spikehistory *h)
{
    if (!h->out.sink)
        h->out.sink = is_sonata(h) ? sink_sonata(h->compress, h->flush_spikes) : sink_spike_text();
    sink_text_set(h->out.sink, NULL, h->ident_toggle);
    return h->out.sink;
}

/* The columns of a SONATA file: only its population. */
static struct sink_cols
scols(const struct spikehistory *h)
{
    return (struct sink_cols){.population = h->population && h->population[0] ? h->population
                                                                               : h->el.name};
}

/* The io_index of EL or its nearest ancestor that has one, or -1. */
static long
io_index(const struct gs_element *el)
{
    for (const struct gs_element *e = el; e; e = e->parent) {
        struct gs_ufield *u = elem_ufield(e, "io_index");
        if (u && u->value[0])
            return strtol(u->value, NULL, 10);
    }
    return -1;
}

static int
cmp_srcidx(const void *a, const void *b)
{
    const struct srcidx *x = a, *y = b;
    if (x->slot != y->slot)
        return (x->slot > y->slot) - (x->slot < y->slot);
    return (x->index > y->index) - (x->index < y->index);
}

static void
build_map(struct spikehistory *h)
{
    struct gs_element *el = &h->el;
    free(h->map);
    h->map = xcalloc((size_t)el->nin + 1, sizeof *h->map);
    h->nmap = 0;
    int index = 0;
    for (int i = 0; i < el->nin; i++)
        if (el->in[i]->type == MSG_SPIKESAVE) {
            long node = is_sonata(h) ? io_index(el->in[i]->src) : -1;
            h->map[h->nmap++] = (struct srcidx){el->in[i]->src->slot, index + 1,
                                                node >= 0 ? node : index};
            index++;
        }
    qsort(h->map, h->nmap, sizeof *h->map, cmp_srcidx);
    h->map_stale = false;
    for (size_t i = 0; i < h->ncache; i++)
        h->cptr[i] = NULL;
}

/* The first map entry of SLOT, or NULL. */
static const struct srcidx *
lookup(const struct spikehistory *h, uint32_t slot)
{
    size_t lo = 0, hi = h->nmap;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (h->map[mid].slot < slot)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < h->nmap && h->map[lo].slot == slot ? &h->map[lo] : NULL;
}

static enum gs_status
spikehistory_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    (void)src;
    struct spikehistory *h = GS_INST(struct spikehistory, dst);
    h->map = NULL;
    h->nmap = 0;
    h->map_stale = true;
    h->cptr = NULL;
    h->cpos = NULL;
    h->ncache = 0;
    return outelem_copy(sim, dst, src);
}

static void
spikehistory_destroy(struct gs_element *el)
{
    struct spikehistory *h = GS_INST(struct spikehistory, el);
    outelem_destroy(el);
    free(h->map);
    free(h->cptr);
    free(h->cpos);
    h->map = NULL;
    h->cptr = NULL;
    h->cpos = NULL;
}

static enum gs_status
spikehistory_msg_added(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    (void)sim;
    (void)m;
    GS_INST(struct spikehistory, el)->map_stale = true;
    return GS_OK;
}

static void
spikehistory_msg_deleted(struct gs_sim *sim, struct gs_element *el, struct gs_msg *m)
{
    (void)sim;
    (void)m;
    GS_INST(struct spikehistory, el)->map_stale = true;
}

static enum gs_status
spikehistory_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct spikehistory *h = GS_INST(struct spikehistory, el);
    h->nspikes = 0;
    h->map_stale = true;
    return outelem_reset(sim, el);
}

/* The first map entry of the source with builder id ID (element SRC), or
 * NULL: the cache answers unless the compiled model was rebuilt since. */
static const struct srcidx *
lookup_src(struct spikehistory *h, int id, const struct gs_element *src)
{
    if (id < 0)
        return lookup(h, src->slot);
    if ((size_t)id >= h->ncache) {
        size_t n = 2 * (size_t)id + 64;
        h->cptr = xreallocarray(h->cptr, n, sizeof *h->cptr);
        h->cpos = xreallocarray(h->cpos, n, sizeof *h->cpos);
        for (size_t i = h->ncache; i < n; i++)
            h->cptr[i] = NULL;
        h->ncache = n;
    }
    if (h->cptr[id] != src) {
        const struct srcidx *e = lookup(h, src->slot);
        h->cptr[id] = src;
        h->cpos[id] = e ? (int)(e - h->map) : -1;
    }
    return h->cpos[id] >= 0 ? &h->map[h->cpos[id]] : NULL;
}

static enum gs_status
spikehistory_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct spikehistory *h = GS_INST(struct spikehistory, el);
    struct sink *s = sink_of(h);
    struct sink_cols sc = scols(h);
    if (h->out.initialize) {
        /* The file starts at the first step, spikes or not. */
        if (outelem_begin(sim, el, &sc) != GS_OK)
            return GS_ERR;
        if (!h->out.leave_open && outelem_close(sim, el) != GS_OK)
            return GS_ERR;
    }
    const struct gs_spike *sp;
    size_t n = gs_solver_last_spikes(sim, &sp);
    if (n == 0)
        return GS_OK;
    if (h->map_stale)
        build_map(h);
    bool opened = false;
    for (size_t i = 0; i < n; i++) {
        const struct gs_element *src = gs_solver_src_element(sim, sp[i].src);
        const struct srcidx *e = src ? lookup_src(h, sp[i].src, src) : NULL;
        if (!e)
            continue;
        if (!opened) {
            if (outelem_begin(sim, el, &sc) != GS_OK)
                return GS_ERR;
            opened = true;
        }
        /* One line per SPIKESAVE message from the source. */
        double t = tick->t - (double)(tick->step - sp[i].step) * tick->dt0;
        for (uint32_t slot = e->slot; e < h->map + h->nmap && e->slot == slot; e++) {
            sink_spike(s, is_sonata(h) ? e->node : e->index, src, t);
            h->nspikes++;
        }
    }
    if (!opened)
        return GS_OK;
    struct sink_file sf = outelem_file(el);
    return sink_done(sim, s, &sf, tick->t);
}

static const struct gs_named_action spikehistory_extra[] = {
    {"FLUSH", "", outelem_flush_action},
    {"SAVE", "", outelem_save_action},
    GS_ACTION_END,
};

const struct gs_class spikehistory_class = {
    .name = "spikehistory",
    .classes = "output",
    .desc = "writes one text line (source, time) per spike of its SPIKESAVE sources",
    .flags = GS_CLASS_MSG_ONLY, /* fused windows (sched.c) */
    .size = sizeof(struct spikehistory),
    .fields = spikehistory_fields,
    .msgs = spikehistory_msgs,
    .extra = spikehistory_extra,
    .copy = spikehistory_copy,
    .destroy = spikehistory_destroy,
    .reset = spikehistory_reset,
    .process = spikehistory_process,
    .field_set = outelem_field_set,
    .msg_added = spikehistory_msg_added,
    .msg_deleted = spikehistory_msg_deleted,
};

static enum gs_status
sonata_out_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct spikehistory *h = GS_INST(struct spikehistory, el);
    /* An HDF5 file stays open: opening it per step would cost more than
     * the step. */
    h->out.leave_open = 1;
    h->compress = 1;
    h->flush_spikes = 4096;
    return GS_OK;
}

static enum gs_status
sonata_out_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                        const struct gs_element *old)
{
    (void)old;
    const struct spikehistory *h = GS_INST(const struct spikehistory, new_);
    if (h->compress < 0 || h->compress > 9)
        return gs_error(sim, "compress must be a deflate level from 0 to 9, got %d", h->compress);
    if (h->flush_spikes < 1)
        return gs_error(sim, "flush_spikes must be at least 1, got %d", h->flush_spikes);
    if (h->population && strchr(h->population, '/'))
        return gs_error(sim, "population must be a name without '/', got '%s'", h->population);
    return GS_OK;
}

const struct gs_class sonata_out_class = {
    .name = "sonata_out",
    .classes = "output",
    .desc = "writes the spikes of its SPIKESAVE sources to an HDF5 file in the SONATA layout",
    .size = sizeof(struct spikehistory),
    .fields = sonata_out_fields,
    .msgs = spikehistory_msgs,
    .extra = spikehistory_extra,
    .create = sonata_out_create,
    .copy = spikehistory_copy,
    .destroy = spikehistory_destroy,
    .reset = spikehistory_reset,
    .process = spikehistory_process,
    .check_fields = sonata_out_check_fields,
    .field_set = outelem_field_set,
    .msg_added = spikehistory_msg_added,
    .msg_deleted = spikehistory_msg_deleted,
};
