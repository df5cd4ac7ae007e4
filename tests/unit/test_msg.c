/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_msg.c: messages: validation against the destination's message
 * table, slot kinds (field pointer, number, string), live values, order of
 * the incoming/outgoing arrays, deletion with elements, errors.
 */
#include <stdlib.h>
#include <string.h>

#include "../../interp/interp.h"
#include "../../models/core/core.h"
#include "../tap.h"

static struct gs_element *
mk(struct gs_sim *sim, const char *cls, const char *name)
{
    struct gs_element *el = NULL;
    if (elem_create(sim, class_find(cls), sim->model->root, name, 0, &el) != GS_OK)
        diag("cannot create %s: %s", name, sim->diag.msg);
    return el;
}

static void
test_add(void)
{
    struct gs_sim *sim = gs_sim_new(NULL, NULL);
    struct gs_element *p = mk(sim, "pulsegen", "p");
    struct gs_element *d = mk(sim, "diffamp", "d");
    struct gs_element *f = mk(sim, "asc_file", "f");
    struct gs_msg *m1, *m2, *m3;
    const char *s_out[] = {"output"}, *s_num[] = {"2.5"}, *s_lvl[] = {"1", "0.25"};
    ok(msg_add(sim, p, d, "PLUS", 1, s_out, &m1) == GS_OK, "PLUS output");
    ok(msg_add(sim, p, d, "minus", 1, s_num, &m2) == GS_OK, "message types ignore case");
    ok(msg_add(sim, d, p, "LEVEL", 2, s_lvl, &m3) == GS_OK, "two slots");
    is_int(m1->slot[0].kind, GS_SLOT_REAL, "a double field is a pointer slot");
    is_int(m2->slot[0].kind, GS_SLOT_CONST, "a number is a constant slot");
    field_set(sim, p, "output", "7");
    is_dbl(msg_val(m1, 0), 7, 0, 0, "a pointer slot reads the live value");
    is_dbl(msg_val(m2, 0), 2.5, 0, 0, "a constant slot");
    is_str(msg_type_name(m2), "MINUS", "the type name comes from the class");
    is_int(d->nin, 2, "two incoming");
    is_int(p->nout, 2, "two outgoing");
    ok(d->in[0] == m1 && d->in[1] == m2, "incoming in the order added");
    is_int(msg_in_index(m2), 1, "msg_in_index");

    /* errors, and nothing added */
    ok(msg_add(sim, p, d, "SAVE", 1, s_out, NULL) == GS_ERR, "diffamp takes no SAVE");
    is_str(sim->diag.msg, "'/d' (class diffamp) accepts no SAVE messages; it accepts PLUS, MINUS, GAIN",
           "the error lists what it accepts");
    gs_diag_clear(sim);
    ok(msg_add(sim, p, f, "SAVE", 0, NULL, NULL) == GS_ERR, "SAVE needs one value");
    is_str(sim->diag.msg, "a SAVE message to class asc_file carries 1 value (data), got 0",
           "the error names the slots");
    gs_diag_clear(sim);
    const char *s_bad[] = {"Vm"};
    ok(msg_add(sim, p, f, "SAVE", 1, s_bad, NULL) == GS_ERR, "a field the source lacks");
    is_str(sim->diag.msg, "'Vm' is not a field of '/p' (class pulsegen)", "names the field");
    gs_diag_clear(sim);
    const char *s_str[] = {"*label"};
    struct gs_msg *ms;
    ok(msg_add(sim, p, f, "SAVE", 1, s_str, &ms) == GS_OK, "a *string slot");
    is_str(msg_str(ms, 0), "label", "its text without the star");
    is_int(f->nin, 1, "only the good message arrived");

    msg_delete(sim, m1);
    is_int(d->nin, 1, "delete one");
    ok(d->in[0] == m2, "the rest keep their order");
    elem_delete(sim, p);
    is_int(d->nin, 0, "messages from a deleted element go with it");
    is_int(f->nin, 0, "on every destination");
    gs_sim_free(sim);
}

int
main(void)
{
    test_add();
    return tap_exit();
}
