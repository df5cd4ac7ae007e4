/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ptab_best.c: the SAVEBEST and RESTOREBEST files of every paramtable
 * class. Each class writes its own table (GENESIS's layouts differ by
 * class); opening, writing and the errors are here once. Two layouts are
 * read back: the plain one of BF and CG ("index type range best label")
 * and the one with the search flag spelled out ("index YES|NO add|mult
 * range best label") that GA, SA and SS write. The whole file is read
 * before a class changes anything, so a bad file leaves the table as it
 * was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

enum gs_status
ptab_savebest(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv,
              enum gs_status (*table)(struct gs_sim *sim, struct gs_element *el,
                                      struct strbuf *sb))
{
    const char *cls = el->cls->name;
    if (argc != 1)
        return gs_error(sim, "%s: SAVEBEST expects one argument, a file name; got %d", cls, argc);
    if (ptab_need_tables(sim, el, "SAVEBEST") != GS_OK)
        return GS_ERR;
    struct strbuf sb = STRBUF_INIT;
    if (table(sim, el, &sb) != GS_OK) {
        sb_free(&sb);
        return GS_ERR;
    }
    FILE *fp = fopen(argv[0], "w");
    if (!fp) {
        sb_free(&sb);
        return gs_error(sim, "%s: SAVEBEST: cannot open '%s' for writing", cls, argv[0]);
    }
    bool ok = fputs(sb_str(&sb), fp) >= 0;
    sb_free(&sb);
    if (fclose(fp) != 0 || !ok)
        return gs_error(sim, "%s: SAVEBEST: error writing '%s'", cls, argv[0]);
    return GS_OK;
}

void
ptab_plain_table(const struct ptab *p, struct strbuf *sb, bool with_current)
{
    sb_printf(sb, "Best match so far: %g\n", p->best_match);
    sb_puts(sb, "Parameter table data:\n");
    sb_puts(sb, with_current ? "------------------------------------------------------------"
                               "-----------------\n"
                             : "-------------------------------------------------------------\n");
    sb_printf(sb, "Iteration number: %d\n", p->iteration_number);
    sb_printf(sb, "Number of parameters: %d\n", p->num_params);
    sb_puts(sb, with_current ? "Param\tType\tRange\t\tCurrent\t\tBest\t\tLabel\n"
                             : "Param\tType\tRange\t\tBest\t\tLabel\n");
    for (int i = 0; i < p->num_params; i++) {
        sb_printf(sb, "%d\t%d\t%g\t\t", i, p->type[i], p->range[i]);
        if (with_current)
            sb_printf(sb, "%-10.6g\t", p->current[i]);
        sb_printf(sb, "%-10.6g\t%s\n", p->best[i], p->label[i]);
    }
    sb_printf(sb, "Best match so far: %g\n", p->best_match);
}

void
ptab_best_free(struct ptab_best *b)
{
    for (int i = 0; i < b->n; i++)
        free(b->label[i]);
    free(b->label);
    free(b->search);
    free(b->type);
    free(b->range);
    free(b->best);
    memset(b, 0, sizeof *b);
}

/* One parameter's line into row I of B; false when it is not one. */
static bool
read_row(char *line, bool flagged, struct ptab_best *b, int i)
{
    int num, used = 0;
    bool ok;
    if (flagged) {
        char varied[16], ty[16];
        ok = sscanf(line, "%d %15s %15s %lg %lg %n", &num, varied, ty, &b->range[i], &b->best[i],
                    &used) >= 5
             && (strcmp(varied, "YES") == 0 || strcmp(varied, "NO") == 0)
             && (strcmp(ty, "add") == 0 || strcmp(ty, "mult") == 0);
        if (ok) {
            b->search[i] = strcmp(varied, "YES") == 0;
            b->type[i] = strcmp(ty, "mult") == 0;
        }
    } else {
        ok = sscanf(line, "%d %d %lg %lg %n", &num, &b->type[i], &b->range[i], &b->best[i],
                    &used) >= 4
             && (b->type[i] == 0 || b->type[i] == 1);
        b->search[i] = 1;
    }
    if (!ok || num != i)
        return false;
    line[strcspn(line, "\n")] = '\0';
    b->label[i] = xstrdup(line + used);
    return true;
}

enum gs_status
ptab_read_best(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv,
               bool flagged, struct ptab_best *out)
{
    const char *cls = el->cls->name;
    memset(out, 0, sizeof *out);
    out->best_match = PTAB_HUGE;
    if (argc != 1)
        return gs_error(sim, "%s: RESTOREBEST expects one argument, a file name; got %d", cls,
                        argc);
    const char *fn = argv[0];
    FILE *fp = fopen(fn, "r");
    if (!fp)
        return gs_error(sim, "%s: RESTOREBEST: cannot open '%s'", cls, fn);
    /* The head: best match, title, rule, the iteration (or generation)
     * line, then the class's own lines up to the parameter count. */
    char line[1024];
    int n = -1, k = 0;
    while (n < 0 && k++ < 8 && fgets(line, sizeof line, fp))
        if (sscanf(line, "Number of parameters: %d", &n) != 1
            && sscanf(line, "Iteration number: %d", &out->iteration) != 1)
            sscanf(line, "Generation number: %d", &out->iteration);
    /* The column titles: one line (plain), or a blank, two and a blank. */
    for (int t = 0; t < (flagged ? 4 : 1) && n >= 0; t++)
        if (!fgets(line, sizeof line, fp))
            n = -1;
    if (n < 0 || n > 1000000) {
        fclose(fp);
        return gs_error(sim, "%s: RESTOREBEST: '%s' is not a SAVEBEST file", cls, fn);
    }
    out->search = xcalloc((size_t)n + 1, sizeof *out->search);
    out->type = xcalloc((size_t)n + 1, sizeof *out->type);
    out->range = xcalloc((size_t)n + 1, sizeof *out->range);
    out->best = xcalloc((size_t)n + 1, sizeof *out->best);
    out->label = xcalloc((size_t)n + 1, sizeof *out->label);
    out->n = n;
    enum gs_status st = GS_OK;
    for (int i = 0; i < n && st == GS_OK; i++)
        if (!fgets(line, sizeof line, fp) || !read_row(line, flagged, out, i))
            st = gs_error(sim, "%s: RESTOREBEST: '%s': parameter %d's line is not '%s'", cls, fn,
                          i,
                          flagged ? "index YES|NO add|mult range best label"
                                  : "index type range best label");
    /* The best match follows the rows (after a blank line and, for SS,
     * its variances). */
    while (st == GS_OK && fgets(line, sizeof line, fp))
        if (sscanf(line, "Best match so far: %lg", &out->best_match) == 1
            || sscanf(line, "Best fitness so far: %lg", &out->best_match) == 1)
            break;
    fclose(fp);
    if (st != GS_OK)
        ptab_best_free(out);
    return st;
}
