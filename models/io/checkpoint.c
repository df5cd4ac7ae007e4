/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * checkpoint.c: see checkpoint.h. The state is read and written through
 * the elements' fields (a compiled element's fields read and write the
 * compiled model), and the spike events on their way through the
 * solver's gs_solver_events/gs_solver_resume (models/solver/sclass.h).
 *
 * Records (n doubles after the path):
 *   compartment, symcompartment  Vm previous_state                 (GENESIS)
 *   tabchannel                   X Y Z                             (GENESIS)
 *   Ca_concen                    Ca                                (GENESIS)
 *   spikegen                     lastevent - t                     (GENESIS)
 *   synchan                      Gk X Y, the number of events on their
 *                                way + 0.5, then per event its due step
 *                                + 0.5 and its synapse's index + 0.5 (GENESIS)
 *   randomspike                  lastevent - t, state
 *   pulsegen                     output, trig_time, previous_input
 *   calculator                   output, next_init
 *   playback                     current, state
 *   diffamp                      output
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../solver/sclass.h"
#include "checkpoint.h"

enum kind {
    K_NONE, K_COMPT, K_TAB, K_CA, K_SPIKEGEN, K_SYN, K_RSPIKE, K_PULSE, K_CALC, K_PLAY, K_DIFFAMP
};

static enum kind
kind_of(const struct gs_element *el)
{
    static const struct {
        const char *name;
        enum kind k;
    } map[] = {
        {"compartment", K_COMPT}, {"symcompartment", K_COMPT}, {"tabchannel", K_TAB},
        {"Ca_concen", K_CA},      {"spikegen", K_SPIKEGEN},    {"synchan", K_SYN},
        {"randomspike", K_RSPIKE}, {"pulsegen", K_PULSE},      {"calculator", K_CALC},
        {"playback", K_PLAY},     {"diffamp", K_DIFFAMP},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(el->cls->name, map[i].name) == 0)
            return map[i].k;
    return K_NONE;
}

/* Values of the fixed records (synchan: before its events). */
static int
fixed_count(enum kind k)
{
    static const int n[] = {[K_NONE] = 0, [K_COMPT] = 2, [K_TAB] = 3, [K_CA] = 1,
                            [K_SPIKEGEN] = 1, [K_SYN] = 4, [K_RSPIKE] = 2, [K_PULSE] = 3,
                            [K_CALC] = 2, [K_PLAY] = 2, [K_DIFFAMP] = 1};
    return n[k];
}

static double
get(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    struct gs_fref f;
    if (field_find(sim, el, name, &f) != GS_OK)
        GS_BUG("checkpoint: %s has no field %s", el->cls->name, name);
    return field_real(sim, &f);
}

/* Writes a state field, read-only ones too (they are state the class
 * computes), and gives it to the compiled model. */
static void
put(struct gs_sim *sim, struct gs_element *el, const char *name, double v)
{
    struct gs_fref f;
    if (field_find(sim, el, name, &f) != GS_OK || !f.addr)
        GS_BUG("checkpoint: %s has no field %s", el->cls->name, name);
    switch (f.type) {
    case GS_REAL:
        *(double *)f.addr = v;
        break;
    case GS_FLOAT:
        *(float *)f.addr = (float)v;
        break;
    case GS_INT:
        *(int *)f.addr = (int)(v < 0 ? v - 0.5 : v + 0.5);
        break;
    default:
        GS_BUG("checkpoint: field %s is not a number", name);
    }
    if (f.field && (f.flags & GS_F_SOLVER))
        gs_solver_push(sim, el, name);
}

/* ---- save ------------------------------------------------------------------ */

static bool
is_type2(const char *file)
{
    char head[80] = "";
    FILE *fp = fopen(file, "rb");
    if (!fp)
        return false;
    bool ok = fgets(head, sizeof head, fp) && strncmp(head, "TYPE2", 5) == 0;
    fclose(fp);
    return ok;
}

/* The record of EL (kind K) into *V (grown as needed); returns n. */
static int
record(struct gs_sim *sim, struct gs_element *el, enum kind k, const struct gs_syn_event *ev,
       size_t nev, double **v, int *cap)
{
    double t = sim->model->time;
    int n = fixed_count(k);
    if (k == K_SYN)
        for (size_t i = 0; i < nev; i++)
            n += ev[i].syn == el ? 2 : 0;
    if (n > *cap) {
        *cap = n;
        *v = xreallocarray(*v, (size_t)n, sizeof **v);
    }
    double *r = *v;
    switch (k) {
    case K_COMPT:
        r[0] = get(sim, el, "Vm");
        r[1] = get(sim, el, "previous_state");
        break;
    case K_TAB:
        r[0] = get(sim, el, "X");
        r[1] = get(sim, el, "Y");
        r[2] = get(sim, el, "Z");
        break;
    case K_CA:
        r[0] = get(sim, el, "Ca");
        break;
    case K_SPIKEGEN:
        r[0] = get(sim, el, "lastevent") - t;
        break;
    case K_RSPIKE:
        r[0] = get(sim, el, "lastevent") - t;
        r[1] = get(sim, el, "state");
        break;
    case K_PULSE:
        r[0] = get(sim, el, "output");
        r[1] = get(sim, el, "trig_time");
        r[2] = get(sim, el, "previous_input");
        break;
    case K_CALC:
        r[0] = get(sim, el, "output");
        r[1] = get(sim, el, "next_init");
        break;
    case K_PLAY:
        r[0] = get(sim, el, "current");
        r[1] = get(sim, el, "state");
        break;
    case K_DIFFAMP:
        r[0] = get(sim, el, "output");
        break;
    case K_SYN: {
        r[0] = get(sim, el, "Gk");
        r[1] = get(sim, el, "X");
        r[2] = get(sim, el, "Y");
        r[3] = (double)((n - 4) / 2) + 0.5;
        int j = 4;
        for (size_t i = 0; i < nev; i++) {
            if (ev[i].syn != el)
                continue;
            r[j++] = (double)ev[i].due + 0.5;
            r[j++] = ev[i].k + 0.5;
        }
        break;
    }
    case K_NONE:
        break;
    }
    return n;
}

enum gs_status
checkpoint_save(struct gs_sim *sim, const struct gs_elist *els, const char *file, bool append,
                long *nsaved)
{
    struct gs_model *m = sim->model;
    *nsaved = 0;
    if (append && !is_type2(file))
        return gs_error(sim, "cannot append to '%s': it is not a save file (its first line "
                             "does not start with TYPE2)", file);
    FILE *fp = fopen(file, append ? "ab" : "wb");
    if (!fp)
        return gs_error(sim, "cannot open '%s' for writing: %s", file, strerror(errno));
    if (!append)
        fprintf(fp, "TYPE2 gensh step %ld time %a dt %a\n", m->step, m->time, m->clock[0]);
    struct gs_syn_event *ev = NULL;
    size_t nev = gs_solver_events(sim, &ev);
    double *v = NULL;
    int cap = 0;
    for (size_t i = 0; i < els->n; i++) {
        struct gs_element *el = els->v[i];
        enum kind k = kind_of(el);
        if (k == K_NONE)
            continue;
        int n = record(sim, el, k, ev, nev, &v, &cap);
        char *p = elem_path_str(el);
        fprintf(fp, "%s\n", p);
        free(p);
        fwrite(&n, sizeof n, 1, fp);
        fwrite(v, sizeof *v, (size_t)n, fp);
        (*nsaved)++;
    }
    free(v);
    free(ev);
    int bad = ferror(fp);
    if (fclose(fp) != 0 || bad)
        return gs_error(sim, "cannot write '%s': %s", file, strerror(errno ? errno : EIO));
    return GS_OK;
}

/* ---- restore --------------------------------------------------------------- */

struct rec {
    struct gs_element *el;
    enum kind k;
    int n;
    const double *v; /* n values (unaligned copy in the buffer: read with memcpy) */
};

static double
val(const struct rec *r, int i)
{
    double d;
    memcpy(&d, (const char *)r->v + (size_t)i * sizeof d, sizeof d);
    return d;
}

static char *
read_all(const char *file, size_t *len)
{
    FILE *fp = fopen(file, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
    }
    bool bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Checks record R against its element; records the error. */
static enum gs_status
check_rec(struct gs_sim *sim, const char *file, struct rec *r, const char *path)
{
    r->k = kind_of(r->el);
    int want = fixed_count(r->k);
    if (r->k == K_NONE)
        return gs_error(sim, "'%s' holds state for '%s', but it is a %s, which has none to "
                             "restore (a save file of another model?)", file, path,
                        r->el->cls->name);
    if (r->k == K_SYN) {
        if (r->n >= 4) {
            int ns = (int)get(sim, r->el, "nsynapses");
            int np = (int)val(r, 3);
            if (np < 0 || r->n != 4 + 2 * np)
                return gs_error(sim, "'%s': the record of '%s' is damaged (%d values for %d "
                                     "spike events)", file, path, r->n, np);
            for (int i = 0; i < np; i++)
                if ((int)val(r, 5 + 2 * i) >= ns || val(r, 5 + 2 * i) < 0)
                    return gs_error(sim, "'%s': a spike event of '%s' is for synapse %d, but it "
                                         "has %d (a save file of another model?)", file, path,
                                    (int)val(r, 5 + 2 * i), ns);
            return GS_OK;
        }
    } else if (r->n == want) {
        return GS_OK;
    }
    return gs_error(sim, "'%s': the record of '%s' has %d values, but a %s has %s%d (a save "
                         "file of another model?)", file, path, r->n, r->el->cls->name,
                    r->k == K_SYN ? "at least " : "", want);
}

static void
apply(struct gs_sim *sim, const struct rec *r, struct gs_syn_event **ev, size_t *nev,
      size_t *capev)
{
    struct gs_element *el = r->el;
    double t = sim->model->time;
    switch (r->k) {
    case K_COMPT:
        put(sim, el, "Vm", val(r, 0));
        put(sim, el, "previous_state", val(r, 1));
        break;
    case K_TAB:
        put(sim, el, "X", val(r, 0));
        put(sim, el, "Y", val(r, 1));
        put(sim, el, "Z", val(r, 2));
        break;
    case K_CA:
        put(sim, el, "Ca", val(r, 0));
        put(sim, el, "C", val(r, 0) - get(sim, el, "Ca_base"));
        break;
    case K_SPIKEGEN:
        put(sim, el, "lastevent", t + val(r, 0));
        break;
    case K_RSPIKE:
        put(sim, el, "lastevent", t + val(r, 0));
        put(sim, el, "state", val(r, 1));
        break;
    case K_PULSE:
        put(sim, el, "output", val(r, 0));
        put(sim, el, "trig_time", val(r, 1));
        put(sim, el, "previous_input", val(r, 2));
        break;
    case K_CALC:
        put(sim, el, "output", val(r, 0));
        put(sim, el, "next_init", val(r, 1));
        break;
    case K_PLAY:
        put(sim, el, "current", val(r, 0));
        put(sim, el, "state", val(r, 1));
        break;
    case K_DIFFAMP:
        put(sim, el, "output", val(r, 0));
        break;
    case K_SYN: {
        put(sim, el, "Gk", val(r, 0));
        put(sim, el, "X", val(r, 1));
        put(sim, el, "Y", val(r, 2));
        int np = (int)val(r, 3);
        for (int i = 0; i < np; i++) {
            if (*nev == *capev) {
                *capev = *capev ? 2 * *capev : 64;
                *ev = xreallocarray(*ev, *capev, sizeof **ev);
            }
            (*ev)[(*nev)++] = (struct gs_syn_event){el, (int)val(r, 5 + 2 * i),
                                                    (int64_t)val(r, 4 + 2 * i)};
        }
        break;
    }
    case K_NONE:
        break;
    }
}

static int
cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const void *const *)a, y = (uintptr_t) * (const void *const *)b;
    return (x > y) - (x < y);
}

enum gs_status
checkpoint_restore(struct gs_sim *sim, const char *file, long *nrestored)
{
    struct gs_model *m = sim->model;
    *nrestored = 0;
    if (!m->was_reset)
        return gs_error(sim, "the simulation has not been reset; run 'reset' first (restore "
                             "puts the saved state into a reset model)");
    size_t len;
    char *buf = read_all(file, &len);
    if (!buf)
        return gs_error(sim, "cannot read '%s': %s", file, strerror(errno));
    enum gs_status st = GS_OK;
    struct rec *recs = NULL;
    size_t nrec = 0, caprec = 0;
    char *eol = memchr(buf, '\n', len);
    long step = 0;
    double time = 0, dt = 0;
    bool own = false;
    if (len < 5 || strncmp(buf, "TYPE2", 5) != 0 || !eol) {
        st = gs_error(sim, "'%s' is not a save file (it does not start with TYPE2)", file);
        goto out;
    }
    *eol = '\0';
    own = sscanf(buf, "TYPE2 gensh step %ld time %la dt %la", &step, &time, &dt) == 3;
    if (own && dt != m->clock[0]) {
        st = gs_error(sim, "'%s' was saved with clock 0 at %g s, but it is %g s now", file, dt,
                      m->clock[0]);
        goto out;
    }
    for (size_t at = (size_t)(eol - buf) + 1; at < len && st == GS_OK;) {
        char *nl = memchr(buf + at, '\n', len - at);
        if (!nl) {
            st = gs_error(sim, "'%s' ends inside an element's path", file);
            break;
        }
        *nl = '\0';
        const char *path = buf + at;
        at = (size_t)(nl - buf) + 1;
        int n;
        if (len - at < sizeof n) {
            st = gs_error(sim, "'%s' ends inside the record of '%s'", file, path);
            break;
        }
        memcpy(&n, buf + at, sizeof n);
        at += sizeof n;
        if (n < 0 || (size_t)n > (len - at) / sizeof(double)) {
            st = gs_error(sim, "'%s' ends inside the record of '%s' (%d values)", file, path, n);
            break;
        }
        struct rec r = {path_lookup(sim, path), K_NONE, n, (const double *)(void *)(buf + at)};
        at += (size_t)n * sizeof(double);
        if (!r.el) {
            st = gs_error(sim, "'%s' holds the state of '%s', which does not exist in this "
                               "model (a save file of another model?)", file, path);
            break;
        }
        if ((st = check_rec(sim, file, &r, path)) != GS_OK)
            break;
        if (nrec == caprec) {
            caprec = caprec ? 2 * caprec : 64;
            recs = xreallocarray(recs, caprec, sizeof *recs);
        }
        recs[nrec++] = r;
    }
    if (st != GS_OK)
        goto out;
    /* Everything fits: the time first (records are relative to it), then
     * the elements, then the events on their way: the restored synchans'
     * and the others' as they are. */
    if (own) {
        m->time = time;
        m->step = step;
    }
    struct gs_syn_event *ev = NULL, *old = NULL;
    size_t nev = 0, capev = 0;
    size_t nold = gs_solver_events(sim, &old);
    for (size_t i = 0; i < nrec; i++)
        apply(sim, &recs[i], &ev, &nev, &capev);
    const struct gs_element **done = xcalloc(nrec + 1, sizeof *done);
    for (size_t j = 0; j < nrec; j++)
        done[j] = recs[j].el;
    qsort(done, nrec, sizeof *done, cmp_ptr);
    for (size_t i = 0; i < nold; i++) {
        const struct gs_element *key = old[i].syn;
        if (nrec && bsearch(&key, done, nrec, sizeof *done, cmp_ptr))
            continue;
        if (nev == capev) {
            capev = capev ? 2 * capev : 64;
            ev = xreallocarray(ev, capev, sizeof *ev);
        }
        ev[nev++] = old[i];
    }
    gs_solver_resume(sim, ev, nev);
    free(done);
    free(ev);
    free(old);
    *nrestored = (long)nrec;
out:
    free(recs);
    free(buf);
    return st;
}
