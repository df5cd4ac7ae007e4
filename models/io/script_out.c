/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * script_out.c: the script_out class: at every tick of its clock runs its
 * command field as a script line: a script function or a command, with
 * the words after it as arguments (split at blanks; "..." keeps blanks in
 * a word). Processed with the output class, last in the schedule. A
 * failing command fails the step, as a failing command of a script does.
 * argc is the number of words (read-only; GENESIS's argv, its internal
 * copy of the words, is not a field here).
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

#define SCRIPT_OUT_MAXWORDS 64

struct script_out {
    struct gs_element el;
    char *command; /* the script line */
    int argc;      /* its words, the name included (read-only) */
};

static const struct gs_field script_out_fields[] = {
    GS_FIELD(struct script_out, command, GS_STR, "",
             "script line run at every tick: function or command and its arguments"),
    GS_FIELD_RO(struct script_out, argc, GS_INT, "", "words of command, its name included"),
    GS_FIELD_END,
};

/* Splits TEXT (modified) into at most MAX words; returns how many it has. */
static int
split(char *text, char **words, int max)
{
    int n = 0;
    char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            return n;
        char *w = p, *o = p;
        bool quoted = false;
        while (*p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n'))) {
            if (*p == '"')
                quoted = !quoted;
            else
                *o++ = *p;
            p++;
        }
        if (*p)
            p++;
        *o = '\0';
        if (n < max)
            words[n] = w;
        n++;
    }
}

static void
count_words(struct script_out *s)
{
    char *text = xstrdup(s->command ? s->command : "");
    char *words[SCRIPT_OUT_MAXWORDS];
    s->argc = split(text, words, SCRIPT_OUT_MAXWORDS);
    free(text);
}

static enum gs_status
script_out_reset(struct gs_sim *sim, struct gs_element *el)
{
    (void)sim;
    count_words(GS_INST(struct script_out, el));
    return GS_OK;
}

static enum gs_status
script_out_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    (void)tick;
    struct script_out *s = GS_INST(struct script_out, el);
    if (!s->command || !s->command[0])
        return GS_OK;
    if (!sim->run_words)
        return gs_error(sim, "script_out: no interpreter to run '%s'", s->command);
    /* A copy: the command may change its own field or delete EL. */
    char *text = xstrdup(s->command);
    char *words[SCRIPT_OUT_MAXWORDS + 1];
    int n = split(text, words, SCRIPT_OUT_MAXWORDS);
    enum gs_status st = GS_OK;
    if (n > SCRIPT_OUT_MAXWORDS) {
        char *p = elem_path_str(el);
        st = gs_error(sim, "the command of script_out '%s' has %d words (at most %d)", p, n,
                      SCRIPT_OUT_MAXWORDS);
        free(p);
    } else if (n > 0) {
        words[n] = NULL;
        st = sim->run_words(sim, n, (const char *const *)words);
    }
    free(text);
    return st;
}

static void
script_out_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    (void)sim;
    if (strcmp(fd->name, "command") == 0)
        count_words(GS_INST(struct script_out, el));
}

const struct gs_class script_out_class = {
    .name = "script_out",
    .classes = "output",
    .desc = "runs a script command (its command field) at every tick of its clock",
    .size = sizeof(struct script_out),
    .fields = script_out_fields,
    .reset = script_out_reset,
    .process = script_out_process,
    .field_set = script_out_field_set,
};
