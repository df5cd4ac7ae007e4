/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * synapse.c: the synapses of synaptic channels as the network commands
 * see them. A synapse is a SPIKE message into a synchannel; its weight and
 * delay are the fields synapse[N].weight and synapse[N].delay of the
 * channel, N counting the channel's SPIKE messages in the order they were
 * added. They are reached through the class's own field lookup
 * (find_field), so any synchan-like class that declares those fields
 * works; nothing here knows synchan's private layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

bool
net_is_synapse(const struct gs_msg *m)
{
    return m->dst && class_in(m->dst->cls, "synchannel")
           && strcmp(msg_type_name(m), "SPIKE") == 0;
}

int
net_synapse_index(const struct gs_msg *m)
{
    int n = 0;
    const struct gs_element *d = m->dst;
    for (int i = 0; i < d->nin; i++) {
        if (d->in[i] == m)
            return n;
        if (d->in[i]->type == m->type)
            n++;
    }
    return -1;
}

struct gs_msg *
net_synapse_msg(const struct gs_element *chan, int n)
{
    int spike = class_msg_index(chan->cls, "SPIKE");
    if (spike < 0 || n < 0)
        return NULL;
    for (int i = 0; i < chan->nin; i++)
        if (chan->in[i]->type == spike && n-- == 0)
            return chan->in[i];
    return NULL;
}

static enum gs_status
float_field(struct gs_sim *sim, struct gs_element *chan, int n, const char *sub, float **out)
{
    char name[64];
    struct gs_fref f;
    snprintf(name, sizeof name, "synapse[%d].%s", n, sub);
    if (field_find(sim, chan, name, &f) != GS_OK)
        return GS_ERR;
    if (f.type != GS_FLOAT || !f.addr) {
        char *p = elem_path_str(chan);
        gs_error(sim, "'%s' (class %s) keeps no float %s for its synapses", p, chan->cls->name,
                 sub);
        free(p);
        return GS_ERR;
    }
    *out = f.addr;
    return GS_OK;
}

enum gs_status
net_synapse(struct gs_sim *sim, struct gs_msg *m, struct net_synref *out)
{
    if (!net_is_synapse(m))
        return gs_error(sim, "a %s message is not a synapse (a SPIKE message into a synaptic "
                             "channel)", msg_type_name(m));
    int n = net_synapse_index(m);
    if (float_field(sim, m->dst, n, "weight", &out->weight) != GS_OK
        || float_field(sim, m->dst, n, "delay", &out->delay) != GS_OK)
        return GS_ERR;
    return GS_OK;
}

/* Offset of P in the message data, or -1 when it is not in the first
 * bytes of it (the class keeps the synapse elsewhere). */
static long
data_offset(const struct gs_msg *m, const float *p)
{
    const char *d = m->data, *q = (const char *)p;
    if (!d || q < d || q >= d + 256)
        return -1;
    return (long)(q - d);
}

enum gs_status
net_synapse_cached(struct gs_sim *sim, struct net_syncache *c, struct gs_msg *m,
                   struct net_synref *out)
{
    for (int i = 0; i < c->n; i++)
        if (c->cls[i] == m->dst->cls && c->woff[i] >= 0 && c->doff[i] >= 0 && m->data
            && net_is_synapse(m)) {
            out->weight = (float *)(void *)((char *)m->data + c->woff[i]);
            out->delay = (float *)(void *)((char *)m->data + c->doff[i]);
            return GS_OK;
        }
    if (net_synapse(sim, m, out) != GS_OK)
        return GS_ERR;
    bool known = false;
    for (int i = 0; i < c->n; i++)
        known |= c->cls[i] == m->dst->cls;
    if (!known && c->n < (int)(sizeof c->cls / sizeof c->cls[0])) {
        c->cls[c->n] = m->dst->cls;
        c->woff[c->n] = data_offset(m, out->weight);
        c->doff[c->n] = data_offset(m, out->delay);
        c->n++;
    }
    return GS_OK;
}
