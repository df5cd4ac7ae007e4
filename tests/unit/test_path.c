/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_path.c: path lookup and wildcard expansion: absolute and relative
 * paths, . and .., ^, indices, [] and ranges, #, ##, [TYPE=], [ISA=],
 * [CLASS=] (and !=), comma lists, order and uniqueness, errors.
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../tap.h"

static void
mk(struct gs_sim *sim, const char *cls, const char *path)
{
    struct gs_element *parent;
    char *name;
    int index;
    if (path_split_new(sim, path, &parent, &name, &index) != GS_OK
        || elem_create(sim, class_find(cls), parent, name, index, NULL) != GS_OK)
        diag("could not create %s: %s", path, sim->diag.msg);
    free(name);
}

/* The paths PATTERN matches, blank separated (or "ERR: msg"). */
static char *
glob_str(struct gs_sim *sim, const char *pattern)
{
    struct gs_elist l = GS_ELIST_INIT;
    struct strbuf sb = STRBUF_INIT;
    if (path_glob(sim, pattern, &l) != GS_OK) {
        sb_printf(&sb, "ERR: %s", sim->diag.msg);
        gs_diag_clear(sim);
    }
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            sb_putc(&sb, ' ');
        elem_path(l.v[i], &sb);
    }
    elist_free(&l);
    return sb_take(&sb);
}

#define GLOB_IS(pat, want)                                                                        \
    do {                                                                                          \
        char *got_ = glob_str(sim, pat);                                                          \
        is_str(got_, want, pat);                                                                  \
        free(got_);                                                                               \
    } while (0)

static void
test_paths(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    mk(sim, "neutral", "/net");
    for (int i = 0; i < 4; i++) {
        char p[64];
        snprintf(p, sizeof p, "/net/cell[%d]", i);
        mk(sim, "neutral", p);
        snprintf(p, sizeof p, "/net/cell[%d]/soma", i);
        mk(sim, "pulsegen", p);
        snprintf(p, sizeof p, "/net/cell[%d]/out", i);
        mk(sim, "asc_file", p);
    }
    mk(sim, "table", "/net/tab");
    struct gs_model *m = sim->model;

    ok(path_lookup(sim, "/net/cell[2]/soma") != NULL, "absolute path with index");
    ok(path_lookup(sim, "/net/cell[9]") == NULL, "missing index");
    m->cwe = path_lookup(sim, "/net/cell[1]");
    ok(path_lookup(sim, "soma") == path_lookup(sim, "/net/cell[1]/soma"), "relative path");
    ok(path_lookup(sim, "..") == path_lookup(sim, "/net"), "..");
    ok(path_lookup(sim, "./soma/..") == m->cwe, ". and .. inside a path");
    ok(path_lookup(sim, "../cell[3]/soma") != NULL, "relative with ..");
    ok(path_lookup(sim, "/..") == m->root, "/.. stays at the root");
    ok(path_lookup(sim, "^") == path_lookup(sim, "/net/tab"), "^ is the last created");
    ok(path_lookup(sim, "/net/cell") == path_lookup(sim, "/net/cell[0]"),
       "no index means index 0");
    struct gs_element *el;
    ok(path_find(sim, "/net/none", &el) == GS_ERR, "path_find reports a missing element");
    is_str(sim->diag.msg, "element '/net/none' does not exist", "with its path");
    gs_diag_clear(sim);
    m->cwe = m->root;

    GLOB_IS("/net/cell[]", "/net/cell /net/cell[1] /net/cell[2] /net/cell[3]");
    GLOB_IS("/net/cell[1-2]/soma", "/net/cell[1]/soma /net/cell[2]/soma");
    GLOB_IS("/net/cell[0,3]", "/net/cell /net/cell[3]");
    GLOB_IS("/net/#", "/net/cell /net/cell[1] /net/cell[2] /net/cell[3] /net/tab");
    GLOB_IS("/net/t*", "/net/tab");
    GLOB_IS("/net/cell[]/#[TYPE=pulsegen]",
            "/net/cell/soma /net/cell[1]/soma /net/cell[2]/soma /net/cell[3]/soma");
    GLOB_IS("/##[CLASS=output]", "/net/cell/out /net/cell[1]/out /net/cell[2]/out /net/cell[3]/out");
    GLOB_IS("/net/##[CLASS=segment]", "/net/tab");
    GLOB_IS("/net/##[ISA=table]", "/net/tab");
    GLOB_IS("/net/cell[1]/#[TYPE!=pulsegen]", "/net/cell[1]/out");
    GLOB_IS("/net/cell[1]/#[CLASS=device][CLASS!=output]", "/net/cell[1]/soma");
    GLOB_IS("/net/tab,/net/cell[2]", "/net/tab /net/cell[2]");
    GLOB_IS("/net/tab,/net/tab", "/net/tab");
    GLOB_IS("/nothing[]", "");
    GLOB_IS("/##[FOO=1]", "");
    GLOB_IS("/##[FOO=x]", "ERR: malformed path '/##[FOO=x]': a field condition compares with a number");
    GLOB_IS("/net/cell[3-1]", "ERR: malformed path '/net/cell[3-1]': index range runs backwards");
    GLOB_IS("/net/cell[", "ERR: malformed path '/net/cell[': missing ']'");
    {
        struct gs_elist l = GS_ELIST_INIT;
        path_glob(sim, "/##", &l);
        is_int(l.n, 16, "/## is every element below the root (with /proto and /output)");
        elist_free(&l);
    }
    gs_sim_free(sim);
}

static bool
collect(const char *cand, void *arg)
{
    struct strbuf *sb = arg;
    sb_printf(sb, "%s%s", sb->len ? " " : "", cand);
    return true;
}

static void
test_complete(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    mk(sim, "neutral", "/net");
    mk(sim, "neutral", "/net/cell[2]");
    mk(sim, "neutral", "/net/cell[2]/soma");
    mk(sim, "neutral", "/nest");
    struct strbuf sb = STRBUF_INIT;
    path_complete(sim, "/ne", collect, &sb);
    is_str(sb_str(&sb), "/net/ /nest", "top-level completion (with / for parents)");
    sb_reset(&sb);
    path_complete(sim, "/net/c", collect, &sb);
    is_str(sb_str(&sb), "/net/cell[2]/", "completion of an indexed child");
    sb_free(&sb);
    gs_sim_free(sim);
}

int
main(void)
{
    test_paths();
    test_complete();
    return tap_exit();
}
