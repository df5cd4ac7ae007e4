/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_element.c: the element tree (create, delete, copy, move, handles,
 * user fields), the class table (sorted, fields sized by type) and field
 * access (formats, transactional setfield, table sub-fields).
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../tap.h"

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

static char *
get(struct gs_sim *sim, struct gs_element *el, const char *field)
{
    struct gs_fref f;
    struct strbuf sb = STRBUF_INIT;
    if (field_find(sim, el, field, &f) != GS_OK) {
        gs_diag_clear(sim);
        return xstrdup("(error)");
    }
    field_format(sim, &f, &sb);
    return sb_take(&sb);
}

static void
test_class_table(void)
{
    int bad_order = 0, bad_size = 0;
    for (int i = 0; i < gs_class_count; i++) {
        const struct gs_class *c = gs_class_table[i];
        if (i > 0 && strcmp(gs_class_table[i - 1]->name, c->name) >= 0)
            bad_order++;
        for (const struct gs_field *f = c->fields; f && f->name; f++) {
            size_t want = f->type == GS_REAL ? sizeof(double)
                          : f->type == GS_FLOAT ? sizeof(float)
                          : f->type == GS_INT   ? sizeof(int)
                                                : sizeof(void *);
            if (f->size != want || f->offset + f->size > c->size) {
                diag("%s.%s: size %zu, expected %zu", c->name, f->name, f->size, want);
                bad_size++;
            }
        }
        for (int k = 0; c->msgs && c->msgs[k].name; k++)
            if (c->msgs[k].nslots < 0 || c->msgs[k].nslots > GS_MSG_MAXSLOTS)
                bad_size++;
    }
    is_int(bad_order, 0, "classes are sorted and unique");
    is_int(bad_size, 0, "every field's member matches its declared type");
    ok(class_find("neutral") && !class_find("nosuch"), "class_find");
    ok(class_in(class_find("pulsegen"), "device"), "pulsegen is in class device");
    ok(class_isa(class_find("table"), "table"), "a class is itself");
}

static void
test_tree(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_model *m = sim->model;
    struct gs_element *a = mk(sim, "neutral", "/a");
    struct gs_element *b = mk(sim, "neutral", "/a/b");
    struct gs_element *c3 = mk(sim, "neutral", "/a/c[3]");
    ok(a && b && c3, "three elements created");
    ok(m->last == c3, "^ is the last created element");
    char *p = elem_path_str(c3);
    is_str(p, "/a/c[3]", "path with an index");
    free(p);
    p = elem_path_str(m->root);
    is_str(p, "/", "the root's path");
    free(p);
    ok(mk(sim, "neutral", "/a/b") == NULL, "a duplicate name is refused");
    ok(strstr(sim->diag.msg, "already exists") != NULL, "and says so");
    gs_diag_clear(sim);
    ok(mk(sim, "neutral", "/nope/x") == NULL, "a missing parent is refused");
    is_str(sim->diag.msg, "element '/nope' does not exist", "and names the parent");
    gs_diag_clear(sim);
    ok(mk(sim, "neutral", "/a/b*") == NULL, "a wildcard name is refused");
    gs_diag_clear(sim);

    struct gs_handle hb = elem_handle(b);
    ok(elem_from_handle(m, hb) == b, "a handle finds its element");
    size_t n0 = m->nelements;
    elem_delete(sim, b);
    ok(elem_from_handle(m, hb) == NULL, "a handle of a deleted element is stale");
    is_int(m->nelements, n0 - 1, "the count drops");
    struct gs_element *b2 = mk(sim, "neutral", "/a/b");
    ok(b2 && elem_from_handle(m, hb) == NULL, "a reused slot does not revive the old handle");

    /* copy: the subtree and its inner messages */
    struct gs_element *pg = mk(sim, "pulsegen", "/a/b/p");
    struct gs_element *df = mk(sim, "diffamp", "/a/b/d");
    const char *slot[] = {"output"};
    ok(msg_add(sim, pg, df, "PLUS", 1, slot, NULL) == GS_OK, "a message inside the subtree");
    struct gs_element *cp;
    ok(elem_copy(sim, b2, m->root, "bcopy", 0, &cp) == GS_OK, "copy a subtree");
    struct gs_element *cd = path_lookup(sim, "/bcopy/d");
    ok(cd && cd->nin == 1 && cd->in[0]->src == path_lookup(sim, "/bcopy/p"),
       "the copy's message joins the copies");
    ok(df->nin == 1, "the original keeps its message");
    ok(elem_copy(sim, a, b2, "x", 0, NULL) == GS_ERR, "copy into itself is refused");
    gs_diag_clear(sim);

    /* move */
    ok(elem_move(sim, cp, a, "moved", 2) == GS_OK, "move and rename");
    p = elem_path_str(cd);
    is_str(p, "/a/moved[2]/d", "children follow the move");
    free(p);
    ok(elem_move(sim, a, cp, "z", 0) == GS_ERR, "move into its own subtree is refused");
    gs_diag_clear(sim);

    /* deleting the working element moves ce up */
    m->cwe = cd;
    elem_delete(sim, cd->parent);
    ok(m->cwe == a, "the working element goes to the surviving parent");
    gs_sim_free(sim);
}

static void
test_fields(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_element *p = mk(sim, "pulsegen", "/p");
    char *v;
    const char *n2[] = {"level1", "width1"}, *v2[] = {"0.1", "2e-3"};
    ok(field_set_many(sim, p, 2, n2, v2) == GS_OK, "set two fields");
    v = get(sim, p, "level1");
    is_str(v, "0.1000000015", "a float field prints its float value with %0.10g");
    free(v);
    const char *n3[] = {"level1", "width1"}, *v3[] = {"5", "abc"};
    ok(field_set_many(sim, p, 2, n3, v3) == GS_ERR, "a bad value fails the whole set");
    is_str(sim->diag.msg, "field 'width1' of '/p' expects a number, got 'abc'", "with the reason");
    gs_diag_clear(sim);
    v = get(sim, p, "level1");
    is_str(v, "0.1000000015", "and nothing changed");
    free(v);
    ok(field_set(sim, p, "trig_mode", "7") == GS_ERR, "check_fields refuses a bad mode");
    gs_diag_clear(sim);
    v = get(sim, p, "trig_mode");
    is_str(v, "0", "trig_mode unchanged");
    free(v);
    ok(field_set(sim, p, "nosuch", "1") == GS_ERR, "an unknown field");
    is_str(sim->diag.msg, "'nosuch' is not a field of '/p' (class pulsegen)", "is named");
    gs_diag_clear(sim);
    ok(field_set(sim, p, "trig_mode", "1.5") == GS_ERR, "an int field refuses 1.5");
    gs_diag_clear(sim);

    /* element header fields and user fields */
    ok(field_set(sim, p, "x", "1e-3") == GS_OK, "x is a field");
    ok(p->x == 1e-3, "and sets the position");
    ok(field_set(sim, p, "name", "q") == GS_ERR, "name is read-only");
    gs_diag_clear(sim);
    ok(elem_add_ufield(sim, p, "io_index") == GS_OK, "addfield");
    ok(field_set(sim, p, "io_index", "12") == GS_OK, "set a user field");
    v = get(sim, p, "io_index");
    is_str(v, "12", "read it back");
    free(v);
    ok(elem_add_ufield(sim, p, "level1") == GS_ERR, "a class field name is refused");
    gs_diag_clear(sim);

    /* table sub-fields */
    struct gs_element *t = mk(sim, "table", "/t");
    ok(field_set(sim, t, "table->table[0]", "1") == GS_ERR, "no table before TABCREATE");
    gs_diag_clear(sim);
    const char *args[] = {"4", "0", "8"};
    ok(class_extra(t->cls, "tabcreate")->fn(sim, t, 3, args) == GS_OK, "TABCREATE 4 0 8");
    ok(field_set(sim, t, "table->table[4]", "3") == GS_OK, "set the last entry");
    ok(field_set(sim, t, "table->table[5]", "3") == GS_ERR, "one past the end is refused");
    is_str(sim->diag.msg, "index 5 of 'table' of '/t' is out of range (0 to 4)", "with the range");
    gs_diag_clear(sim);
    v = get(sim, t, "table->dx");
    is_str(v, "2", "dx of the table");
    free(v);
    ok(field_set(sim, t, "table->dx", "1") == GS_ERR, "dx is read-only");
    gs_diag_clear(sim);
    gs_sim_free(sim);
}

static void
test_interpol(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct interpol *ip = interpol_new();
    ok(interpol_alloc(sim, ip, 4, 0, 4) == GS_OK, "allocate 4 divisions");
    for (int i = 0; i <= 4; i++)
        ip->table[i] = i * i;
    is_dbl(interpol_lookup(ip, -1), 0, 0, 0, "below xmin: first entry");
    is_dbl(interpol_lookup(ip, 9), 16, 0, 0, "above xmax: last entry");
    is_dbl(interpol_lookup(ip, 2.5), 6.5, 1e-15, 0, "linear between entries");
    ip->calc_mode = INTERPOL_NONE;
    is_dbl(interpol_lookup(ip, 2.9), 4, 0, 0, "no interpolation: entry below");
    ip->calc_mode = INTERPOL_LIN;
    interpol_scale(ip, 1, 2, 0, 1);
    is_dbl(ip->table[2], 9, 1e-15, 0, "sy 2, oy 1 rescale the entries");
    ok(interpol_fill(sim, ip, 8, INTERPOL_FILL_LINEAR) == GS_OK, "TABFILL linear to 8");
    is_int(ip->xdivs, 8, "8 divisions");
    is_dbl(ip->table[5], (9 + 19) / 2.0, 1e-15, 0, "midpoints interpolated");
    ok(interpol_alloc(sim, ip, 0, 0, 1) == GS_ERR, "0 divisions refused");
    gs_diag_clear(sim);
    is_int(ip->xdivs, 8, "and the table is unchanged");
    interpol_free(ip);
    gs_sim_free(sim);
}

static void
test_many_children(void)
{
    /* The child index stays right through growth, deletes and renames. */
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_element *net = mk(sim, "neutral", "/net");
    enum { N = 20000 };
    int bad = 0;
    for (int i = 0; i < N; i++)
        if (elem_create(sim, class_find("neutral"), net, "cell", i, NULL) != GS_OK)
            bad++;
    is_int(bad, 0, "20000 children created");
    for (int i = 0; i < N; i += 3)
        elem_delete(sim, elem_child(net, "cell", i));
    for (int i = 1; i < N; i += 3)
        elem_move(sim, elem_child(net, "cell", i), net, "moved", i);
    bad = 0;
    for (int i = 0; i < N; i++) {
        struct gs_element *c = elem_child(net, "cell", i), *mv = elem_child(net, "moved", i);
        bool want_cell = i % 3 == 2, want_moved = i % 3 == 1;
        if ((c != NULL) != want_cell || (mv != NULL) != want_moved || (c && c->index != i))
            bad++;
    }
    is_int(bad, 0, "every lookup agrees after deletes and moves");
    is_int(net->nchild, N - (N + 2) / 3, "the child count");
    gs_sim_free(sim);
}

/* Counts the children of P that elem_child finds again by name and index. */
static int
found_again(struct gs_element *p)
{
    int n = 0;
    for (int i = 0; i < p->nchild; i++)
        n += elem_child(p, p->child[i]->name, p->child[i]->index) == p->child[i];
    return n;
}

static void
test_small_families(void)
{
    /* Small families are scanned, large ones go through the child map: a
     * family that grows past the limit and shrinks back stays findable. */
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_element *p = mk(sim, "neutral", "/p"), *q = mk(sim, "neutral", "/q");
    for (int i = 0; i < 5; i++)
        elem_create(sim, class_find("neutral"), p, "c", i, NULL);
    is_int(found_again(p), 5, "five children found");
    ok(elem_child(p, "c", 5) == NULL && elem_child(p, "d", 0) == NULL
           && elem_child(p, "nosuchname", 0) == NULL,
       "and no others");
    for (int i = 5; i < 30; i++)
        elem_create(sim, class_find("neutral"), p, i % 2 ? "c" : "d", i, NULL);
    is_int(found_again(p), 30, "thirty children found");
    for (int i = 29; i >= 3; i--)
        elem_delete(sim, p->child[i]);
    is_int(found_again(p), 3, "three left, found");
    ok(elem_child(p, "c", 10) == NULL, "a deleted one is not");
    for (int i = 0; i < 12; i++)
        elem_create(sim, class_find("neutral"), p, "e", i, NULL);
    is_int(found_again(p), 15, "grown again to fifteen, found");
    struct gs_element *e = elem_child(p, "e", 7);
    ok(elem_move(sim, e, q, "moved", 1) == GS_OK, "moved from a large family to a small one");
    ok(elem_child(q, "moved", 1) == e && elem_child(p, "e", 7) == NULL, "found only there");
    ok(elem_move(sim, e, p, "e", 7) == GS_OK && elem_child(p, "e", 7) == e, "and back");
    gs_sim_free(sim);
}

int
main(void)
{
    test_class_table();
    test_tree();
    test_fields();
    test_interpol();
    test_many_children();
    test_small_families();
    return tap_exit();
}
