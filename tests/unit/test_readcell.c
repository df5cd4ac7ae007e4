/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_readcell.c: models/cell's reader from C: the fields come out as the
 * floats GENESIS's float arithmetic gives (checked against the same
 * expressions written out here), the script globals are read before and
 * written only after a successful build, and the transaction holds on bad
 * input: every .p file of the script tests, each of its prefixes and a few
 * thousand random mutations either build a cell or fail with one
 * "FILE:LINE: " message, leaving the tree, the working element and ^ as
 * they were.
 */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/cell/readcell.h"
#include "../../models/core/core.h"
#include "../tap.h"

/* ---- a fake set of script globals ------------------------------------------- */

struct fake_vars {
    const char *name[16];
    double value[16];
    int n;
    int nset;         /* set() calls */
    char setlog[512]; /* "NAME=VALUE " for each */
};

static bool
fv_get(void *ctx, const char *name, double *out)
{
    struct fake_vars *fv = ctx;
    for (int i = 0; i < fv->n; i++)
        if (strcmp(fv->name[i], name) == 0) {
            *out = fv->value[i];
            return true;
        }
    return false;
}

static void
fv_set(void *ctx, const char *name, double v)
{
    struct fake_vars *fv = ctx;
    size_t len = strlen(fv->setlog);
    snprintf(fv->setlog + len, sizeof fv->setlog - len, "%s=%g ", name, v);
    fv->nset++;
}

static struct gs_element *
mk(struct gs_sim *sim, const char *cls, const char *path)
{
    struct gs_element *parent, *el = NULL;
    char *name;
    int index;
    if (path_split_new(sim, path, &parent, &name, &index) != GS_OK)
        return NULL;
    if (elem_create(sim, class_find(cls), parent, name, index, &el) != GS_OK)
        el = NULL;
    free(name);
    return el;
}

static float
getf(struct gs_sim *sim, const char *path, const char *field)
{
    struct gs_element *el = path_lookup(sim, path);
    struct gs_fref f;
    if (!el || field_find(sim, el, field, &f) != GS_OK) {
        gs_diag_clear(sim);
        return NAN;
    }
    return (float)field_real(sim, &f);
}

static enum gs_status
read_text(struct gs_sim *sim, const char *text, const char *cell, struct fake_vars *fv)
{
    struct rc_options opt = {.split = 1};
    struct rc_vars vars = {fv, fv_get, fv_set};
    return readcell_build(sim, "t.p", text, strlen(text), cell, &opt, fv ? &vars : NULL);
}

static struct gs_sim *
new_sim(void)
{
    struct gs_options o = {.silent = 2};
    struct gs_sim *sim = gs_sim_new(&o, NULL);
    mk(sim, "neutral", "/library");
    mk(sim, "compartment", "/library/compartment");
    mk(sim, "symcompartment", "/library/symcompartment");
    mk(sim, "tabchannel", "/library/Na");
    mk(sim, "synchan", "/library/Ex");
    mk(sim, "spikegen", "/library/spike");
    struct gs_element *ca = mk(sim, "Ca_concen", "/library/Ca");
    field_set(sim, ca, "thick", "1e-7");
    struct gs_element *k = mk(sim, "tabchannel", "/library/KCa");
    elem_add_ufield(sim, k, "addmsg1");
    field_set(sim, k, "addmsg1", "../Ca . CONCEN Ca");
    return sim;
}

/* ---- GENESIS's arithmetic --------------------------------------------------- */

static void
test_floats(void)
{
    struct gs_sim *sim = new_sim();
    struct fake_vars fv = {{"RM", "CM", "RA", "EREST_ACT"}, {3.3, 0.011, 1.7, -0.066}, 4, 0, ""};
    const char *p = "*relative\n"
                    "soma none 0 0 33.3 21.7 Na 123.4 Ex -2e-9 spike -0.01\n"
                    "dend soma 55.5 12.5 0 3.1 Na 77 Ca 5.2e-12 KCa 8\n"
                    "*spherical\n"
                    "ball dend 0 0 0 13.3\n";
    ok(read_text(sim, p, "/c", &fv) == GS_OK, "a cell from text");
    const double pi = 3.1415926536;
    float RM = 3.3f, CM = 0.011f, RA = 1.7f;

    /* soma: a cylinder from the origin, 33.3 um long, 21.7 um across */
    float z = (float)(33.3f * 1.0e-6), d = (float)(21.7f * 1.0e-6), zero = 0.0f;
    float len = (float)sqrt(zero * zero + zero * zero + z * z);
    float surf = (float)((double)(len * d) * pi);
    ok(getf(sim, "/c/soma", "Rm") == RM / surf, "soma Rm = RM / area in float");
    ok(getf(sim, "/c/soma", "Cm") == CM * surf, "soma Cm = CM * area in float");
    ok(getf(sim, "/c/soma", "Ra") == (float)(4.0 * RA * len / ((double)(d * d) * pi)),
       "soma Ra = 4 RA len / (dia^2 pi)");
    ok(getf(sim, "/c/soma/Na", "Gbar") == 123.4f * surf, "Gbar = density * area");
    ok(getf(sim, "/c/soma/Na", "surface") == surf, "the tabchannel's surface");
    ok(getf(sim, "/c/soma/Ex", "gmax") == 2e-9f, "negative density: absolute gmax");
    ok(getf(sim, "/c/soma/spike", "thresh") == -0.01f, "spikegen threshold");
    is_dbl(getf(sim, "/c/soma", "Em"), -0.066, 1e-7, 0, "Em follows EREST_ACT");

    /* dend: relative (55.5, 12.5, 0) from the soma's end */
    float x = (float)(55.5f * 1.0e-6), y = (float)(12.5f * 1.0e-6);
    float d2 = (float)(3.1f * 1.0e-6);
    float len2 = (float)sqrt(x * x + y * y + zero * zero);
    float surf2 = (float)((double)(len2 * d2) * pi);
    ok(getf(sim, "/c/dend", "len") == len2, "dend length from a relative point");
    ok(getf(sim, "/c/dend", "Rm") == RM / surf2, "dend Rm");
    ok(getf(sim, "/c/dend/Na", "Gbar") == 77.0f * surf2, "dend Na Gbar");
    float th = 1e-7f, dd = d2 - 2 * th;
    float vol = (float)((double)(len2 * (d2 * d2 - dd * dd)) * pi / 4.0);
    ok(getf(sim, "/c/dend/Ca", "B") == 5.2e-12f / vol, "Ca_concen B = density / shell volume");
    ok(getf(sim, "/c/dend", "x") == (float)(0.0f + x) && getf(sim, "/c/dend", "z") == z,
       "dend ends at soma's end + the offset");

    /* ball: a sphere of 13.3 um */
    float d3 = (float)(13.3f * 1.0e-6);
    float surf3 = (float)((double)(d3 * d3) * pi);
    ok(getf(sim, "/c/ball", "len") == 0.0f && getf(sim, "/c/ball", "Cm") == CM * surf3,
       "sphere: no length, area dia^2 pi");
    ok(getf(sim, "/c/ball", "Ra") == (float)(13.50 * RA / ((double)d3 * pi)),
       "sphere Ra = 13.5 RA / (dia pi)");
    struct gs_element *kca = path_lookup(sim, "/c/dend/KCa");
    int concen = 0;
    for (int i = 0; kca && i < kca->nin; i++)
        concen += strcmp(msg_type_name(kca->in[i]), "CONCEN") == 0
                  && kca->in[i]->src == path_lookup(sim, "/c/dend/Ca");
    is_int(concen, 1, "the addmsg field made CONCEN from the pool");
    gs_sim_free(sim);
}

/* ---- globals -------------------------------------------------------------------- */

static void
test_globals(void)
{
    struct gs_sim *sim = new_sim();
    struct fake_vars fv = {{"RM", "X"}, {2.0, 5.0}, 2, 0, ""};
    const char *bad = "*set_global RA 3\n*set_global CM {X}\nsoma none 10 0 0 10 Nope 1\n";
    ok(read_text(sim, bad, "/c", &fv) == GS_ERR, "a bad file fails");
    is_int(fv.nset, 0, "and sets no global");
    const char *good = "*set_global RA 3\n*set_global CM {X}\n*set_compt_param RM 7\n"
                       "soma none 10 0 0 10\n";
    ok(read_text(sim, good, "/c", &fv) == GS_OK, "a good one builds");
    is_str(fv.setlog, "EREST_ACT=0 RA=3 CM=5 ", "declares the missing ones, then *set_global");
    struct gs_element *s = path_lookup(sim, "/c/soma");
    float area = (float)((double)(10e-6f * 10e-6f) * 3.1415926536);
    ok(s && getf(sim, "/c/soma", "Rm") == 7.0f / area, "*set_compt_param RM wins over the global");
    gs_sim_free(sim);
}

/* ---- robustness ------------------------------------------------------------------- */

struct state {
    size_t nelements;
    struct gs_element *cwe, *last;
};

static struct state
snap(struct gs_sim *sim)
{
    struct state s = {sim->model->nelements, sim->model->cwe, sim->model->last};
    return s;
}

/* Reads TEXT (N bytes) as a cell; false when an invariant broke. */
static bool
try_text(struct gs_sim *sim, const char *text, size_t n)
{
    struct state before = snap(sim);
    struct rc_options opt = {.split = 1};
    enum gs_status st = readcell_build(sim, "fuzz.p", text, n, "/cell", &opt, NULL);
    if (st != GS_OK) {
        bool good = sim->diag.set && strncmp(sim->diag.msg, "fuzz.p:", 7) == 0;
        struct state after = snap(sim);
        good = good && after.nelements == before.nelements && after.cwe == before.cwe
               && after.last == before.last && !path_lookup(sim, "/cell");
        if (!good)
            diag("bad failure: '%s'", sim->diag.msg);
        gs_diag_clear(sim);
        return good;
    }
    struct gs_element *c = path_lookup(sim, "/cell");
    bool good = c && sim->model->cwe == before.cwe;
    if (c)
        elem_delete(sim, c);
    good = good && sim->model->nelements == before.nelements;
    if (!good)
        diag("bad success");
    return good;
}

static uint64_t
next_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* The file's text, its prefixes and mutations (bytes replaced by ones the
 * reader cares about, deleted or duplicated). */
static bool
fuzz_file(struct gs_sim *sim, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    struct strbuf sb = STRBUF_INIT;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_append(&sb, chunk, got);
    fclose(f);
    const char *text = sb_str(&sb);
    size_t n = sb.len;
    bool good = try_text(sim, text, n);
    for (size_t k = 0; k < n && good; k++)
        good = try_text(sim, text, k);
    static const char alphabet[] = " \t\n\\/*.-0123456789e[]{}xyz";
    uint64_t seed = 0x9e3779b97f4a7c15ull ^ n;
    char *buf = xmalloc(2 * n + 2);
    for (int round = 0; round < 300 && good && n > 0; round++) {
        memcpy(buf, text, n);
        size_t m = n;
        int edits = 1 + (int)(next_rand(&seed) % 4);
        for (int e = 0; e < edits && m > 0; e++) {
            size_t at = (size_t)(next_rand(&seed) % m);
            switch (next_rand(&seed) % 3) {
            case 0:
                buf[at] = alphabet[next_rand(&seed) % (sizeof alphabet - 1)];
                break;
            case 1:
                memmove(buf + at, buf + at + 1, m - at - 1);
                m--;
                break;
            default:
                if (m < 2 * n) {
                    memmove(buf + at + 1, buf + at, m - at);
                    m++;
                }
                break;
            }
        }
        good = try_text(sim, buf, m);
    }
    free(buf);
    sb_free(&sb);
    return good;
}

static void
test_robust(void)
{
    struct gs_sim *sim = new_sim();
    mk(sim, "tabchannel", "/library/K");
    mk(sim, "tabchannel", "/library/CaL");
    mk(sim, "Ca_concen", "/library/Ca_pool");
    const char *top = getenv("GS_TOP_SRCDIR");
    char *dir = xasprintf("%s/tests/scripts/cell/data", top ? top : ".");
    DIR *d = opendir(dir);
    int files = 0, bad = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".p") != 0)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        if (!fuzz_file(sim, p)) {
            diag("%s: an invariant broke", e->d_name);
            bad++;
        }
        files++;
        free(p);
    }
    if (d)
        closedir(d);
    ok(files > 10 && bad == 0,
       "every .p file, its prefixes and mutations: a cell or a clean error");
    diag("%d files", files);
    free(dir);
    gs_sim_free(sim);
}

int
main(void)
{
    test_floats();
    test_globals();
    test_robust();
    tap_done();
    return tap_failed != 0;
}
