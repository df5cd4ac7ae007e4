/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * registry.c: the command table, built from commands/cmd_list.h (the one
 * list of commands), and lookups on it: exact name and "did you mean".
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

#define GS_CMD(name) extern const struct gs_cmd cmd_##name##_entry;
#include "commands/cmd_list.h"
#undef GS_CMD

#define GS_CMD(name) &cmd_##name##_entry,
const struct gs_cmd *const gs_cmd_table[] = {
#include "commands/cmd_list.h"
    NULL,
};
#undef GS_CMD

const int gs_cmd_count = (int)(sizeof gs_cmd_table / sizeof gs_cmd_table[0]) - 1;

const struct gs_cmd *
gs_cmd_find(const char *name)
{
    /* The table is sorted (a unit test checks it): binary search. */
    int lo = 0, hi = gs_cmd_count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(name, gs_cmd_table[mid]->name);
        if (c == 0)
            return gs_cmd_table[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Optimal-string-alignment distance, capped: enough to rank near names. */
static int
edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    int d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

int
gs_cmd_suggest(const char *name, const char **out, int max)
{
    int n = 0;
    int limit = strlen(name) <= 4 ? 1 : 2;
    /* Only the nearest names: once a distance has matches, stop. */
    for (int dist = 1; dist <= limit && n == 0; dist++)
        for (int i = 0; i < gs_cmd_count && n < max; i++)
            if (edit_distance(name, gs_cmd_table[i]->name) == dist)
                out[n++] = gs_cmd_table[i]->name;
    return n;
}
