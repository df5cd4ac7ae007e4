/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * prompt.c: what the prompt keeps with the interpreter, as GENESIS's shell
 * did: the entries typed this session (its history: `h` lists them, `!!`,
 * `!N` and `!prefix` recall them; entry N is the one typed at
 * "gensh #N > ", counted from 0 as GENESIS counts), and the "OK" that
 * GENESIS prints after a command that changes elements, messages or files
 * when it is typed whole at the keyboard.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "interp_int.h"

struct history {
    char **v;
    size_t n, cap;
};

void
interp_history_add(struct gs_sim *sim, const char *entry)
{
    struct interp *in = sim->interp;
    if (!in->history)
        in->history = xcalloc(1, sizeof *in->history);
    struct history *h = in->history;
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
    }
    h->v[h->n++] = xstrdup(entry);
}

size_t
interp_history_count(struct gs_sim *sim)
{
    return sim->interp->history ? sim->interp->history->n : 0;
}

const char *
interp_history_get(struct gs_sim *sim, size_t i)
{
    return i < interp_history_count(sim) ? sim->interp->history->v[i] : NULL;
}

void
interp_history_free(struct history *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        free(h->v[i]);
    free(h->v);
    free(h);
}

enum gs_status
interp_history_recall(struct gs_sim *sim, const char *line, struct strbuf *out)
{
    size_t n = interp_history_count(sim);
    const char *p = line + 1, *rest, *found = NULL;
    if (*p == '!') {
        rest = p + 1; /* "!!" and what follows it */
        if (n == 0)
            return gs_error(sim, "!!: nothing typed before");
        found = interp_history_get(sim, n - 1);
    } else {
        rest = p;
        while (*rest && !isspace((unsigned char)*rest))
            rest++;
        size_t len = (size_t)(rest - p);
        if (len == 0)
            return gs_error(sim, "!: expected !!, !N or !prefix");
        if (isdigit((unsigned char)*p)) {
            char *end;
            unsigned long i = strtoul(p, &end, 10);
            if (end != rest)
                return gs_error(sim, "!%.*s: expected an entry number", (int)len, p);
            if (i >= n)
                return gs_error(sim, "!%lu: no such entry (%zu typed so far, from 0)", i, n);
            found = interp_history_get(sim, i);
        } else {
            for (size_t i = n; i-- > 0 && !found;)
                if (strncmp(interp_history_get(sim, i), p, len) == 0)
                    found = interp_history_get(sim, i);
            if (!found)
                return gs_error(sim, "!%.*s: no entry typed so far starts with '%.*s'", (int)len,
                                p, (int)len, p);
        }
    }
    out->len = 0;
    sb_puts(out, found);
    sb_puts(out, rest);
    return GS_OK;
}

bool
interp_entry_acknowledged(struct gs_sim *sim, const char *entry)
{
    if (sim->opt.silent >= 1 || strpbrk(entry, ";\n"))
        return false; /* GENESIS: not when silent, and only a whole command */
    while (*entry == ' ' || *entry == '\t')
        entry++;
    char name[64];
    size_t len = strcspn(entry, " \t\r");
    if (len == 0 || len >= sizeof name)
        return false;
    memcpy(name, entry, len);
    name[len] = '\0';
    const struct gs_cmd *cmd = gs_cmd_find(name);
    if (!cmd || !(cmd->flags & GS_CMD_ACK))
        return false;
    /* A script function of that name runs instead of the command. */
    lua_State *L = sim->interp->L;
    lua_getglobal(L, "gensh");
    lua_getfield(L, -1, "F");
    lua_getfield(L, -1, name);
    bool shadowed = !lua_isnil(L, -1);
    lua_pop(L, 3);
    return !shadowed;
}
