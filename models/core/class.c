/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * class.c: the class table (built from models/class_list.h) and lookups in
 * class records: fields, message types, named actions, class membership.
 */
#include <strings.h>
#include <string.h>

#include "core.h"

#define GS_CLASS(n) extern const struct gs_class n##_class;
#include "../class_list.h"
#undef GS_CLASS

const struct gs_class *const gs_class_table[] = {
#define GS_CLASS(n) &n##_class,
#include "../class_list.h"
#undef GS_CLASS
};
const int gs_class_count = (int)(sizeof gs_class_table / sizeof gs_class_table[0]);

const struct gs_class *
class_find(const char *name)
{
    /* The table is sorted (a unit test checks), so bisect. */
    int lo = 0, hi = gs_class_count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(name, gs_class_table[mid]->name);
        if (c == 0)
            return gs_class_table[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

const struct gs_field *
class_field(const struct gs_class *cls, const char *name)
{
    /* The first letters differ for most fields: compare them inline. */
    for (const struct gs_field *f = cls->fields; f && f->name; f++)
        if (f->name[0] == name[0] && strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

int
class_msg_index(const struct gs_class *cls, const char *name)
{
    for (int i = 0; cls->msgs && cls->msgs[i].name; i++)
        if (strcasecmp(cls->msgs[i].name, name) == 0)
            return i;
    return -1;
}

const struct gs_named_action *
class_extra(const struct gs_class *cls, const char *name)
{
    for (const struct gs_named_action *a = cls->extra; a && a->name; a++)
        if (strcasecmp(a->name, name) == 0)
            return a;
    return NULL;
}

/* Is WORD one of the blank-separated words of LIST? */
static bool
word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    if (!list || n == 0)
        return false;
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if ((size_t)(e - p) == n && strncmp(p, word, n) == 0)
            return true;
        p = e;
    }
    return false;
}

bool
class_in(const struct gs_class *cls, const char *word)
{
    return word_in(cls->classes, word);
}

bool
class_isa(const struct gs_class *cls, const char *word)
{
    return strcmp(cls->name, word) == 0 || word_in(cls->isa, word);
}

static const char *const action_names[GS_ACT_COUNT_] = {"INIT", "PROCESS", "RESET", "CHECK"};

const char *
class_action_name(enum gs_action a)
{
    return a >= 0 && a < GS_ACT_COUNT_ ? action_names[a] : "?";
}

int
class_action_find(const char *name)
{
    for (int i = 0; i < GS_ACT_COUNT_; i++)
        if (strcasecmp(action_names[i], name) == 0)
            return i;
    return -1;
}

bool
class_has_action(const struct gs_class *cls, enum gs_action a)
{
    switch (a) {
    case GS_ACT_INIT:
        return cls->init != NULL;
    case GS_ACT_PROCESS:
        return cls->process != NULL;
    case GS_ACT_RESET:
        return cls->reset != NULL;
    case GS_ACT_CHECK:
        return cls->check != NULL;
    case GS_ACT_COUNT_:
        break;
    }
    return false;
}
