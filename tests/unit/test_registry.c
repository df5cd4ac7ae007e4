/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_registry.c: checks of the command table itself (STYLE C3): sorted,
 * unique names, lower case (or GENESIS's own capitals after a lower-case
 * start: initparamBF); every entry has a summary, a usage, a family and an
 * exec; counts are consistent; options look like options and say what
 * they do; lookups
 * and suggestions work; several simulators can live in one process.
 */
#include <ctype.h>
#include <string.h>

#include "../../interp/cmd.h"
#include "../../interp/interp.h"
#include "../tap.h"

static void
test_table(void)
{
    int bad_order = 0, bad_entry = 0, bad_opt = 0, no_help = 0;
    for (int i = 0; i < gs_cmd_count; i++) {
        const struct gs_cmd *c = gs_cmd_table[i];
        if (i > 0 && strcmp(gs_cmd_table[i - 1]->name, c->name) >= 0) {
            diag("out of order or duplicate: %s after %s", c->name, gs_cmd_table[i - 1]->name);
            bad_order++;
        }
        /* lower case, except the capitals GENESIS itself spells after a
         * lower-case start (initparamBF, getparamGA) */
        if (!islower((unsigned char)c->name[0]))
            bad_entry++;
        for (const char *p = c->name; *p; p++)
            if (!(isalpha((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
                bad_entry++;
        if (!c->summary || !c->summary[0] || !c->usage || !c->family || !c->exec
            || (c->max_pos != GS_VARARGS && c->min_pos > c->max_pos)) {
            diag("incomplete entry: %s", c->name);
            bad_entry++;
        }
        for (const struct gs_opt *o = c->opts; o && o->name; o++)
            if (o->name[0] != '-' || !islower((unsigned char)o->name[1])) {
                diag("bad option name %s in %s", o->name, c->name);
                bad_opt++;
            }
        for (const struct gs_opt *o = c->opts; o && o->name; o++)
            if (!o->help || !o->help[0]) {
                diag("option %s of %s has no help text", o->name, c->name);
                no_help++;
            }
    }
    ok(gs_cmd_count > 30, "the table holds the commands");
    is_int(bad_order, 0, "names are sorted and unique");
    is_int(bad_entry, 0, "every entry is complete and lower case");
    is_int(bad_opt, 0, "every option is '-' and a lower-case letter");
    is_int(no_help, 0, "every option says what it does (help COMMAND prints it)");
}

static void
test_lookup(void)
{
    ok(gs_cmd_find("echo") != NULL, "echo is found");
    ok(gs_cmd_find("ech") == NULL, "no prefix matching of command names");
    const char *near[3];
    int n = gs_cmd_suggest("ecoh", near, 3);
    ok(n >= 1 && strcmp(near[0], "echo") == 0, "a transposition suggests echo");
}

static void
test_many_sims(void)
{
    /* No global state: simulators come and go independently. */
    struct gs_sim *a = gs_sim_new(NULL, NULL);
    struct gs_sim *b = gs_sim_new(NULL, NULL);
    gs_error(a, "first");
    ok(!b->diag.set, "diagnostics are per simulator");
    gs_sim_free(a);
    gs_sim_free(b);
    for (int i = 0; i < 20; i++)
        gs_sim_free(gs_sim_new(NULL, NULL));
    ok(1, "twenty simulators created and freed");
}

int
main(void)
{
    test_table();
    test_lookup();
    test_many_sims();
    return tap_exit();
}
