/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_nodelist.c: node lists after '@' (parallel/nodelist.c) against
 * three zone layouts (one zone, a farm, mixed zones): every form, the
 * exact error messages, and a pseudo-random sweep of garbage that must
 * never crash and must only ever give sorted, distinct, existing nodes.
 */
#include <stdlib.h>
#include <string.h>

#include "../../parallel/par.h"
#include "../tap.h"

/* Parses TEXT and compares with WANT ("1,3", "" for none, or "!message"). */
static void
check(const struct par_layout *lay, const char *text, const char *want)
{
    int *v = NULL, n = 0;
    char err[256] = "", got[512] = "", name[512];
    enum gs_status st = par_nodelist_parse(lay, text, &v, &n, err, sizeof err);
    if (st == GS_OK) {
        size_t len = 0;
        for (int i = 0; i < n; i++)
            len += (size_t)snprintf(got + len, sizeof got - len, "%s%d", i ? "," : "", v[i]);
    } else {
        snprintf(got, sizeof got, "!%s", err);
    }
    free(v);
    snprintf(name, sizeof name, "'%s' (me %d)", text, lay->me);
    is_str(got, want, name);
}

static void
test_one_zone(void)
{
    static const int start[] = {0}, size[] = {4};
    struct par_layout lay = {1, start, size, 1};
    check(&lay, "0", "0");
    check(&lay, "1,3", "1,3");
    check(&lay, "0-3", "0,1,2,3");
    check(&lay, "1-2,0", "0,1,2");
    check(&lay, "all", "0,1,2,3");
    check(&lay, "others", "0,2,3");
    check(&lay, "other", "0,2,3");
    check(&lay, "-1", "0,2,3");
    check(&lay, "-2", "0,1,2,3");
    check(&lay, " 2 , 0 ", "0,2");
    check(&lay, "3,3,1", "1,3");
    check(&lay, "0.0", "0");
    check(&lay, "all.all", "0,1,2,3");
    check(&lay, "others.all", "0,2,3");
    check(&lay, "all.others", "");
    check(&lay, "1.0-0", "1");
    check(&lay, "7", "!node 7 does not exist (nodes 0-3)");
    check(&lay, "1-7", "!node 7 does not exist (nodes 0-3)");
    check(&lay, "5-7", "!node 5 does not exist (nodes 0-3)");
    check(&lay, "0.1", "!zone 1 does not exist (zone 0)");
    check(&lay, "", "!empty node list");
    check(&lay, "  ", "!empty node list");
    check(&lay, "x", "!bad node list 'x': expected a node number, 'all' or 'others' at 'x'");
    check(&lay, "1,,2", "!bad node list '1,,2': expected a node number, 'all' or 'others' at ',2'");
    check(&lay, "1,", "!bad node list '1,': expected a node number, 'all' or 'others' at the end");
    check(&lay, "3-1", "!bad node list '3-1': node range 3-1 runs backwards");
    check(&lay, "1.x", "!bad node list '1.x': expected a zone number, 'all' or 'others' at 'x'");
    check(&lay, "1 2", "!bad node list '1 2': expected ',' or '.' at '2'");
    check(&lay, "alls", "!bad node list 'alls': expected a node number, 'all' or 'others' at 'alls'");
    check(&lay, "-3", "!bad node list '-3': expected a node number, 'all' or 'others' at '-3'");
    check(&lay, "1-", "!bad node list '1-': expected a number at the end");
    check(&lay, "99999999999", "!bad node list '99999999999': number too large at '99999999999'");
    check(&lay, "{1}", "!bad node list '{1}': expected a node number, 'all' or 'others' at '{1}'");
}

static void
test_farm(void)
{
    /* paron -farm on 4 ranks: every node its own zone; I am total node 2. */
    static const int start[] = {0, 1, 2, 3}, size[] = {1, 1, 1, 1};
    struct par_layout lay = {4, start, size, 2};
    check(&lay, "0", "2");
    check(&lay, "0.1", "1");
    check(&lay, "0.all", "0,1,2,3");
    check(&lay, "0.others", "0,1,3");
    check(&lay, "all.all", "0,1,2,3");
    check(&lay, "others", "");
    check(&lay, "others.all", "");
    check(&lay, "all.0-1,0.3", "0,1,3");
    check(&lay, "1", "!node 1 does not exist in zone 2 (node 0)");
    check(&lay, "0.4", "!zone 4 does not exist (zones 0-3)");
}

static void
test_mixed(void)
{
    /* zones {0,1} {2,3} {4}; I am total node 3 = node 1 of zone 1. */
    static const int start[] = {0, 2, 4}, size[] = {2, 2, 1};
    struct par_layout lay = {3, start, size, 3};
    check(&lay, "0", "2");
    check(&lay, "all", "2,3");
    check(&lay, "others", "2");
    check(&lay, "0.0", "0");
    check(&lay, "others.all", "0,2,4");
    check(&lay, "all.others", "0,1,4");
    check(&lay, "others.others", "0,4");
    check(&lay, "0.all", "0,2,4");
    check(&lay, "1.all", "!node 1 does not exist in zone 2 (node 0)");
    check(&lay, "0.0-1", "0,2");
}

/* A small deterministic generator (no libc rand state shared with others). */
static unsigned long
next(unsigned long *s)
{
    *s = *s * 6364136223846793005UL + 1442695040888963407UL;
    return *s >> 33;
}

static void
test_garbage(void)
{
    static const int start[] = {0, 2, 4}, size[] = {2, 2, 1};
    struct par_layout lay = {3, start, size, 3};
    static const char *const pieces[] = {"0", "1", "2", "9", "-", ",", ".", " ", "all", "other",
                                         "others", "-1", "-2", "x", "{", "}", "@", "\t", "\xff",
                                         "99999999999999999999"};
    unsigned long seed = 12345;
    int bad_shape = 0, accepted = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char text[64] = "";
        int parts = (int)(next(&seed) % 8);
        for (int k = 0; k < parts; k++) {
            const char *p = pieces[next(&seed) % (sizeof pieces / sizeof pieces[0])];
            if (strlen(text) + strlen(p) < sizeof text)
                strcat(text, p);
        }
        int *v = NULL, n = -1;
        char err[256];
        if (par_nodelist_parse(&lay, text, &v, &n, err, sizeof err) == GS_OK) {
            accepted++;
            for (int i = 0; i < n; i++)
                if (v[i] < 0 || v[i] >= 5 || (i && v[i] <= v[i - 1]))
                    bad_shape++;
        } else if (err[0] == '\0' || v != NULL) {
            bad_shape++;
        }
        free(v);
    }
    is_int(bad_shape, 0, "20000 random lists: results sorted, distinct, in range; errors say why");
    ok(accepted > 100, "the random lists include valid ones");
}

int
main(void)
{
    test_one_zone();
    test_farm();
    test_mixed();
    test_garbage();
    return tap_exit();
}
