/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * playback.c: the playback class (class buffer): plays back a list of
 * events (time, magnitude) that putevent fills. At each tick at time t it
 * walks the events due by then (time <= t + dt0/10): state takes the
 * magnitude of an event that falls within half a tick of t, and 0 for one
 * that was passed by more than that (a tick can only see the events near
 * it); a tick with no new event keeps state. After the last event, state
 * goes to 0 at the first tick more than half a tick past it. This is
 * GENESIS's PlaybackBuffer: event times are floats, as GENESIS keeps them.
 * reset goes back to the first event and sets state to 0.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "playback.h"

struct event {
    float time;
    double magnitude;
};

struct playback {
    struct gs_element el;
    float tmin;
    int size;    /* slots of GENESIS's ring: the events and the start slot */
    int current; /* the ring slot of the event being played (0: none yet) */
    int start;   /* always 0 */
    int end;     /* the ring slot of the last event */
    int event_size;
    float state; /* the value played back */
    struct event *ev; /* end of them, in time order */
    int capev;
};

static const struct gs_field playback_fields[] = {
    GS_FIELD(struct playback, tmin, GS_FLOAT, "s", "not used (GENESIS's field, kept)"),
    GS_FIELD_RO(struct playback, size, GS_INT, "", "events plus one (GENESIS's ring size)"),
    GS_FIELD_RO(struct playback, current, GS_INT, "", "the event being played (1 is the first)"),
    GS_FIELD_RO(struct playback, start, GS_INT, "", "the slot before the first event (0)"),
    GS_FIELD_RO(struct playback, end, GS_INT, "",
                "the slot of the last event (the number of events)"),
    GS_FIELD_RO(struct playback, event_size, GS_INT, "", "bytes of one event"),
    GS_FIELD(struct playback, state, GS_FLOAT, "", "the value played back"),
    GS_FIELD_END,
};

extern const struct gs_class playback_class;

bool
playback_is(const struct gs_element *el)
{
    return el && el->cls == &playback_class;
}

void
playback_put(struct gs_element *el, double time, double magnitude)
{
    struct playback *b = GS_INST(struct playback, el);
    struct event e = {(float)time, magnitude};
    double corr = el->model->clock[0] / 10.0;
    int n = b->end, i = 0;
    /* GENESIS's InsertEvent: the first event not earlier than this one
     * (within the correction) is replaced when it has the same time, else
     * this one goes before it. */
    while (i < n && e.time > b->ev[i].time + corr)
        i++;
    if (i < n && fabs(e.time - b->ev[i].time) < corr) {
        b->ev[i] = e;
        return;
    }
    if (n == b->capev) {
        b->capev = b->capev ? 2 * b->capev : 16;
        b->ev = xreallocarray(b->ev, (size_t)b->capev, sizeof *b->ev);
    }
    memmove(b->ev + i + 1, b->ev + i, (size_t)(n - i) * sizeof *b->ev);
    b->ev[i] = e;
    b->end = n + 1;
    b->size = b->end + 1;
    if (b->current > i)
        b->current++;
}

static enum gs_status
playback_create(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct playback *b = GS_INST(struct playback, el);
    b->event_size = (int)sizeof(struct event);
    b->size = 1;
    return GS_OK;
}

static enum gs_status
playback_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    struct playback *d = GS_INST(struct playback, dst);
    const struct playback *s = GS_INST(const struct playback, src);
    d->ev = s->end ? xcalloc((size_t)s->end, sizeof *d->ev) : NULL;
    if (s->end)
        memcpy(d->ev, s->ev, (size_t)s->end * sizeof *d->ev);
    d->capev = s->end;
    return GS_OK;
}

static void
playback_destroy(struct gs_element *el)
{
    struct playback *b = GS_INST(struct playback, el);
    free(b->ev);
    b->ev = NULL;
}

static enum gs_status
playback_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    struct playback *b = GS_INST(struct playback, el);
    b->current = 0;
    b->state = 0;
    return GS_OK;
}

static enum gs_status
playback_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)sim;
    struct playback *b = GS_INST(struct playback, el);
    double t = tick->t, half = tick->dt / 2, corr = tick->dt0 / 10.0;
    if (b->end == 0)
        return GS_OK;
    if (b->current == 0)
        b->current = 1;
    double et = b->ev[b->current - 1].time;
    while (t >= et - corr) {
        b->state = et >= t - half && et <= t + half ? (float)b->ev[b->current - 1].magnitude : 0;
        if (b->current == b->end)
            break;
        b->current++;
        et = b->ev[b->current - 1].time;
    }
    return GS_OK;
}

const struct gs_class playback_class = {
    .name = "playback",
    .classes = "buffer",
    .desc = "plays back the events putevent gave it: state is the magnitude of the event now",
    .size = sizeof(struct playback),
    .fields = playback_fields,
    .create = playback_create,
    .copy = playback_copy,
    .destroy = playback_destroy,
    .reset = playback_reset,
    .process = playback_process,
};
