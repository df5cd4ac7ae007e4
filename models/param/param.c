/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * param.c: what the paramtable classes share: their per-parameter arrays
 * (allocation, copy, free, access by index as fields), labels, the
 * TABCREATE action, RECENTER, file helpers for SAVE/RESTORE and the random
 * draws of the searches, which go through gensh's generator layer so that
 * with a GENESIS generator selected they are GENESIS's numbers in
 * GENESIS's order. Knows nothing of any one search method.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/rng.h"
#include "param.h"

extern const struct gs_class paramtableBF_class, paramtableCG_class, paramtableGA_class,
    paramtableSA_class, paramtableSS_class;
extern const struct ptab_class paramtableBF_ptab, paramtableCG_ptab, paramtableGA_ptab,
    paramtableSA_ptab, paramtableSS_ptab;

const struct ptab_class *
ptab_of(const struct gs_element *el)
{
    static const struct {
        const struct gs_class *cls;
        const struct ptab_class *p;
    } map[] = {
        {&paramtableBF_class, &paramtableBF_ptab},
        {&paramtableCG_class, &paramtableCG_ptab},
        {&paramtableGA_class, &paramtableGA_ptab},
        {&paramtableSA_class, &paramtableSA_ptab},
        {&paramtableSS_class, &paramtableSS_ptab},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (el->cls == map[i].cls)
            return map[i].p;
    return NULL;
}

int
ptab_len_of(const struct gs_element *el, enum ptab_len len)
{
    const struct ptab_class *pc = ptab_of(el);
    const struct ptab *p = (const struct ptab *)(const void *)el;
    int nt = pc && pc->ntables ? pc->ntables(el) : 0;
    switch (len) {
    case PTAB_LEN_NPARAMS:
        return p->num_params;
    case PTAB_LEN_NPARAMS1:
        return p->num_params + 1;
    case PTAB_LEN_NTABLES:
        return nt;
    case PTAB_LEN_TABLES_PARAMS:
        return nt * p->num_params;
    case PTAB_LEN_SIMPLEX:
        return (p->num_params + 1) * p->num_params;
    case PTAB_LEN_THREE:
        return 3;
    case PTAB_LEN_DERIV_TABLE:
        return 100;
    }
    return 0;
}

/* Number of entries of array K of EL. */
static int
array_len(const struct ptab_class *pc, const struct gs_element *el, int k)
{
    return ptab_len_of(el, pc->lens[k]);
}

static void **
array_slot(const struct gs_element *el, const struct gs_field *f)
{
    return (void **)(void *)((char *)(uintptr_t)el + f->offset);
}

static size_t
elem_size(enum gs_ftype t)
{
    return t == GS_REAL ? sizeof(double) : t == GS_INT ? sizeof(int) : sizeof(char *);
}

void
ptab_free(struct gs_element *el)
{
    const struct ptab_class *pc = ptab_of(el);
    struct ptab *p = (struct ptab *)(void *)el;
    if (!pc)
        return;
    for (int k = 0; pc->arrays[k].name; k++) {
        void **slot = array_slot(el, &pc->arrays[k]);
        if (pc->arrays[k].type == GS_STR && *slot) {
            int n = array_len(pc, el, k);
            for (int i = 0; i < n; i++)
                free(((char **)*slot)[i]);
        }
        free(*slot);
        *slot = NULL;
    }
    p->alloced = 0;
}

void
ptab_alloc_arrays(struct gs_element *el, int n)
{
    const struct ptab_class *pc = ptab_of(el);
    struct ptab *p = (struct ptab *)(void *)el;
    ptab_free(el);
    p->num_params = n;
    for (int k = 0; pc->arrays[k].name; k++) {
        int len = array_len(pc, el, k);
        const struct gs_field *f = &pc->arrays[k];
        *array_slot(el, f) = xcalloc((size_t)(len > 0 ? len : 1), elem_size(f->type));
        if (f->type == GS_STR)
            for (int i = 0; i < len; i++)
                ((char **)*array_slot(el, f))[i] = xstrdup("");
    }
    p->alloced = 1;
}

enum gs_status
ptab_alloc(struct gs_sim *sim, struct gs_element *el, int n)
{
    if (n < 0)
        return gs_error(sim, "%s: TABCREATE: the number of parameters must be >= 0, got %d",
                        el->cls->name, n);
    ptab_alloc_arrays(el, n);
    if (sim->opt.silent < 1)
        gs_out(sim, "Creating parameter table with %d parameters.\n", n);
    return GS_OK;
}

enum gs_status
ptab_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    const struct ptab_class *pc = ptab_of(dst);
    const struct ptab *p = (const struct ptab *)(const void *)src;
    for (int k = 0; pc->arrays[k].name; k++) {
        const struct gs_field *f = &pc->arrays[k];
        void **d = array_slot(dst, f);
        void *s = *array_slot(src, f);
        if (!p->alloced || !s) {
            *d = NULL;
            continue;
        }
        int len = array_len(pc, src, k);
        size_t es = elem_size(f->type);
        *d = xcalloc((size_t)(len > 0 ? len : 1), es);
        if (f->type == GS_STR)
            for (int i = 0; i < len; i++)
                ((char **)*d)[i] = xstrdup(((char **)s)[i] ? ((char **)s)[i] : "");
        else if (len > 0)
            memcpy(*d, s, (size_t)len * es);
    }
    return GS_OK;
}

bool
ptab_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    const struct ptab_class *pc = ptab_of(el);
    const struct ptab *p = (const struct ptab *)(const void *)el;
    const char *br = strchr(name, '[');
    if (!pc || !br || !p->alloced)
        return false;
    size_t nl = (size_t)(br - name);
    char *end;
    errno = 0;
    long idx = strtol(br + 1, &end, 10);
    if (end == br + 1 || strcmp(end, "]") != 0 || errno)
        return false;
    for (int k = 0; pc->arrays[k].name; k++) {
        const struct gs_field *f = &pc->arrays[k];
        if (strlen(f->name) != nl || strncmp(f->name, name, nl) != 0)
            continue;
        if (idx < 0 || idx >= array_len(pc, el, k))
            return false;
        char *base = *array_slot(el, f);
        if (!base)
            return false;
        out->field = f;
        out->type = f->type;
        out->addr = base + (size_t)idx * elem_size(f->type);
        out->flags = f->flags;
        return true;
    }
    return false;
}

void
ptab_set_label(struct ptab *p, int i, const char *s)
{
    size_t n = strlen(s);
    if (n > PTAB_LABEL_SIZE)
        n = PTAB_LABEL_SIZE;
    char *l = xmalloc(n + 1);
    memcpy(l, s, n);
    l[n] = '\0';
    free(p->label[i]);
    p->label[i] = l;
}

enum gs_status
ptab_need_tables(struct gs_sim *sim, struct gs_element *el, const char *action)
{
    const struct ptab *p = (const struct ptab *)(const void *)el;
    if (p->alloced)
        return GS_OK;
    char *path = elem_path_str(el);
    gs_error(sim, "%s: %s: '%s' has no parameter tables: call TABCREATE first", el->cls->name,
             action, path);
    free(path);
    return GS_ERR;
}

enum gs_status
ptab_real(struct gs_sim *sim, const struct gs_element *el, const char *action, const char *what,
          const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno == ERANGE)
        return gs_error(sim, "%s: %s: %s must be a number, got '%s'", el->cls->name, action, what,
                        s);
    *out = v;
    return GS_OK;
}

enum gs_status
ptab_int(struct gs_sim *sim, const struct gs_element *el, const char *action, const char *what,
         const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno == ERANGE || v < -2147483647L || v > 2147483647L)
        return gs_error(sim, "%s: %s: %s must be a whole number, got '%s'", el->cls->name, action,
                        what, s);
    *out = (int)v;
    return GS_OK;
}

enum gs_status
ptab_tabcreate_args(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    int n;
    if (argc != 1)
        return gs_error(sim, "%s: TABCREATE expects one argument, num_params; got %d",
                        el->cls->name, argc);
    if (ptab_int(sim, el, "TABCREATE", "num_params", argv[0], &n) != GS_OK)
        return GS_ERR;
    return ptab_alloc(sim, el, n);
}

void
ptab_count_search(struct ptab *p)
{
    int n = 0;
    for (int i = 0; i < p->num_params; i++)
        n += p->search[i] == 1;
    p->num_params_to_search = n;
}

void
ptab_recenter(struct ptab *p)
{
    for (int i = 0; i < p->num_params; i++) {
        if (!p->search[i])
            continue;
        if (p->type[i] == 0) {
            p->min[i] = p->best[i] - p->range[i];
            p->max[i] = p->best[i] + p->range[i];
        } else {
            p->min[i] = p->best[i] / p->range[i];
            p->max[i] = p->best[i] * p->range[i];
        }
    }
}

enum gs_status
ptab_file_arg(struct gs_sim *sim, struct gs_element *el, const char *action, int argc,
              const char *const *argv, const char **out)
{
    const struct ptab *p = (const struct ptab *)(const void *)el;
    if (argc > 0)
        *out = argv[0];
    else if (p->filename && *p->filename)
        *out = p->filename;
    else
        return gs_error(sim, "%s: %s: no file name given and the filename field is empty",
                        el->cls->name, action);
    return GS_OK;
}

double
ptab_urandom(struct gs_sim *sim)
{
    if (rng_genesis(&sim->rng))
        return rng_genesis_urandom(&sim->rng);
    return rng_uniform(&sim->rng);
}

double
ptab_frandom(struct gs_sim *sim, double lo, double hi)
{
    /* GENESIS: G_RNG() * (h - l) + l, the float promoted to double */
    return ptab_urandom(sim) * (hi - lo) + lo;
}

double
ptab_rangauss(struct gs_sim *sim, double mean, double var)
{
    if (rng_genesis(&sim->rng))
        return rng_genesis_rangauss(&sim->rng, (float)mean, (float)var);
    return mean + sqrt(var) * rng_gauss(&sim->rng);
}
