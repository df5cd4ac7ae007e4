/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_selector.c: port selectors (models/regions/selector.h): every form
 * (ranges, lists, alternatives, unions, wildcards), the order of the
 * expansion, errors with their columns, and resolution against a tree.
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../../models/regions/selector.h"
#include "../tap.h"

/* The paths SEL expands to, blank separated (or "ERR: msg"). */
static char *
expand_str(struct gs_sim *sim, const char *sel)
{
    struct sel_list l = SEL_LIST_INIT;
    struct strbuf sb = STRBUF_INIT;
    if (sel_expand(sim, sel, &l) != GS_OK) {
        sb_printf(&sb, "ERR: %s", sim->diag.msg);
        gs_diag_clear(sim);
    }
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            sb_putc(&sb, ' ');
        sb_puts(&sb, l.v[i]);
    }
    sel_list_free(&l);
    return sb_take(&sb);
}

/* The elements SEL resolves to, blank separated (or "ERR: msg"). */
static char *
resolve_str(struct gs_sim *sim, const char *sel)
{
    struct gs_elist l = GS_ELIST_INIT;
    struct strbuf sb = STRBUF_INIT;
    if (sel_resolve(sim, sel, &l) != GS_OK) {
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

#define EXPANDS(sel, want)                                                                        \
    do {                                                                                          \
        char *got_ = expand_str(sim, sel);                                                        \
        is_str(got_, want, sel);                                                                  \
        free(got_);                                                                               \
    } while (0)

#define RESOLVES(sel, want)                                                                       \
    do {                                                                                          \
        char *got_ = resolve_str(sim, sel);                                                       \
        is_str(got_, want, "resolve " sel);                                                       \
        free(got_);                                                                               \
    } while (0)

static void
test_forms(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    EXPANDS("/med/L1", "/med/L1");
    EXPANDS("/med/L1[0:3]", "/med/L1[0] /med/L1[1] /med/L1[2]");
    EXPANDS("/med/L1[0,3]", "/med/L1[0] /med/L1[3]");
    EXPANDS("/med/L1[5,0:2,9]", "/med/L1[5] /med/L1[0] /med/L1[1] /med/L1[9]");
    EXPANDS("/med/[L1,L2][0]", "/med/L1[0] /med/L2[0]");
    EXPANDS("/med/[L1,L2][0:2]", "/med/L1[0] /med/L1[1] /med/L2[0] /med/L2[1]");
    EXPANDS("/[lam,med]/out[0,1]/spike",
            "/lam/out[0]/spike /lam/out[1]/spike /med/out[0]/spike /med/out[1]/spike");
    EXPANDS("/a/x[0],/b/y[1:3]", "/a/x[0] /b/y[1] /b/y[2]");
    EXPANDS("/med/*", "/med/*");
    EXPANDS("/med/L1[*]/soma", "/med/L1[*]/soma");
    EXPANDS("/med/L1[0:2][TYPE=synchan]", "/med/L1[0][TYPE=synchan] /med/L1[1][TYPE=synchan]");
    EXPANDS("/med/##[TYPE=spikegen]", "/med/##[TYPE=spikegen]");
    EXPANDS("cell[1:3]/syn", "cell[1]/syn cell[2]/syn");
    EXPANDS("/med/L1/", "/med/L1");
    gs_sim_free(sim);
}

static void
test_errors(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    EXPANDS("/med/L1[3:1]", "ERR: selector '/med/L1[3:1]': column 9: index range runs backwards");
    EXPANDS("/med/L1[3:3]",
            "ERR: selector '/med/L1[3:3]': column 9: index range is empty (the end is excluded)");
    EXPANDS("/med/L1[0-9]",
            "ERR: selector '/med/L1[0-9]': column 10: expected ',' or ']' (a range is written N:M)");
    EXPANDS("/med/L1[0:]",
            "ERR: selector '/med/L1[0:]': column 11: expected the end of the range after ':'");
    EXPANDS("/med/L1[x1]",
            "ERR: selector '/med/L1[x1]': column 9: expected an index (N) or a range (N:M)");
    EXPANDS("/med/L1[0", "ERR: selector '/med/L1[0': column 8: '[' is never closed");
    EXPANDS("/med/L1]", "ERR: selector '/med/L1]': column 8: ']' without '['");
    EXPANDS("/med/[L1,,L2]",
            "ERR: selector '/med/[L1,,L2]': column 10: expected a name in the alternatives");
    EXPANDS("/med/L1[0][1]", "ERR: selector '/med/L1[0][1]': column 11: a second index list");
    EXPANDS("/med/L1[0]x", "ERR: selector '/med/L1[0]x': column 11: unexpected character after ']'");
    EXPANDS("/a,,/b", "ERR: selector '/a,,/b': column 4: empty selector");
    EXPANDS("", "ERR: selector '': column 1: empty selector");
    EXPANDS("/a/b c", "ERR: selector '/a/b c': column 5: unexpected character (a blank?)");
    EXPANDS("/a[0:100000000]", "ERR: selector '/a[0:100000000]': column 4: more than 10000000 "
                               "indices");
    EXPANDS("/a[0:5000]/b[0:5000]", "ERR: selector '/a[0:5000]/b[0:5000]': column 12: the "
                                    "selector names more than 10000000 paths");
    gs_sim_free(sim);
}

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

static void
test_resolve(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    mk(sim, "neutral", "/med");
    for (int i = 0; i < 4; i++) {
        char p[64];
        snprintf(p, sizeof p, "/med/L1[%d]", i);
        mk(sim, "neutral", p);
        snprintf(p, sizeof p, "/med/L2[%d]", i);
        mk(sim, "neutral", p);
    }
    /* index 0 is written without its index, as GENESIS does */
    RESOLVES("/med/L1[3,0]", "/med/L1[3] /med/L1");
    RESOLVES("/med/[L2,L1][1]", "/med/L2[1] /med/L1[1]");
    RESOLVES("/med/L1[1],/med/L1[*]", "/med/L1[1] /med/L1 /med/L1[2] /med/L1[3]");
    RESOLVES("/med/L2[2:4],/med/L1[0]", "/med/L2[2] /med/L2[3] /med/L1");
    RESOLVES("/med/L1[2:6]", "ERR: selector '/med/L1[2:6]': element '/med/L1[4]' does not exist");
    RESOLVES("/med/L3*", "ERR: selector '/med/L3*' matches no element");
    RESOLVES("/med/L1[9:3]", "ERR: selector '/med/L1[9:3]': column 9: index range runs backwards");
    gs_sim_free(sim);
}

int
main(void)
{
    test_forms();
    test_errors();
    test_resolve();
    return tap_exit();
}
