/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * field.c: field access by name through the class field tables (K2):
 * resolving "Vm", "X_A->table[3]", "X_A->xmin", class-resolved names and
 * user fields; formatting values as GENESIS prints them; transactional
 * setting (K3) with the class's check_fields hook; and the ownership of
 * string and table fields (freed and deep-copied here, not by classes).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

/* Descriptors of the sub-fields of a table field (offsets into struct interpol). */
#define IP_FIELD(m, type, flags, desc)                                                            \
    {#m, type, offsetof(struct interpol, m), sizeof(((struct interpol *)0)->m), "", flags, desc}
static const struct gs_field interpol_fields[] = {
    IP_FIELD(xmin, GS_REAL, 0, "lowest x of the table"),
    IP_FIELD(xmax, GS_REAL, 0, "highest x of the table"),
    IP_FIELD(xdivs, GS_INT, GS_F_RO, "number of intervals (set by TABCREATE)"),
    IP_FIELD(dx, GS_REAL, GS_F_RO, "interval width"),
    IP_FIELD(invdx, GS_REAL, GS_F_RO, "1 / dx"),
    IP_FIELD(calc_mode, GS_INT, 0, "0: no interpolation, 1: linear"),
    IP_FIELD(sx, GS_REAL, 0, "x scale"),
    IP_FIELD(sy, GS_REAL, 0, "y scale"),
    IP_FIELD(ox, GS_REAL, 0, "x offset"),
    IP_FIELD(oy, GS_REAL, 0, "y offset"),
    GS_FIELD_END,
};
/* Fields every element has (GENESIS's element header): position, name, index. */
#define EL_FIELD(m, type, flags, unit, desc)                                                      \
    {#m, type, offsetof(struct gs_element, m), sizeof(((struct gs_element *)0)->m), unit, flags,   \
     desc}
static const struct gs_field element_fields[] = {
    EL_FIELD(x, GS_REAL, 0, "m", "x coordinate"),
    EL_FIELD(y, GS_REAL, 0, "m", "y coordinate"),
    EL_FIELD(z, GS_REAL, 0, "m", "z coordinate"),
    EL_FIELD(name, GS_STR, GS_F_RO, "", "element name (without index)"),
    EL_FIELD(index, GS_INT, GS_F_RO, "", "element index"),
    GS_FIELD_END,
};

static const struct gs_field interpol_entry = {
    "table", GS_REAL, 0, sizeof(double), "", 0, "a table entry"};

static enum gs_status
no_field(struct gs_sim *sim, struct gs_element *el, const char *name)
{
    char *p = elem_path_str(el);
    gs_error(sim, "'%s' is not a field of '%s' (class %s)", name, p, el->cls->name);
    free(p);
    return GS_ERR;
}

/* Parses "[N]" at S (after the name); returns the char after ']' or NULL. */
static const char *
parse_index(const char *s, long *idx)
{
    char *end;
    if (*s != '[')
        return NULL;
    *idx = strtol(s + 1, &end, 10);
    if (end == s + 1 || *end != ']')
        return NULL;
    return end + 1;
}

/* Resolves the part after "->" of a table field. */
static enum gs_status
find_table_sub(struct gs_sim *sim, struct gs_element *el, const struct gs_field *f,
               const char *full, const char *sub, struct gs_fref *out)
{
    struct interpol *ip = *(struct interpol **)((char *)el + f->offset);
    char *p = NULL;
    if (!ip) {
        p = elem_path_str(el);
        gs_error(sim, "table '%s' of '%s' has not been created (TABCREATE makes it)", f->name,
                 p);
        free(p);
        return GS_ERR;
    }
    if (strncmp(sub, "table", 5) == 0 && (sub[5] == '[' || sub[5] == '\0')) {
        long i = -1;
        const char *rest = sub[5] == '[' ? parse_index(sub + 5, &i) : NULL;
        if (!rest || *rest) {
            gs_error(sim, "'%s': expected %s->table[INDEX]", full, f->name);
            return GS_ERR;
        }
        if (!ip->allocated || i < 0 || i > ip->xdivs) {
            p = elem_path_str(el);
            if (!ip->allocated)
                gs_error(sim, "table '%s' of '%s' is not allocated", f->name, p);
            else
                gs_error(sim, "index %ld of '%s' of '%s' is out of range (0 to %d)", i, f->name,
                         p, ip->xdivs);
            free(p);
            return GS_ERR;
        }
        out->field = &interpol_entry;
        out->type = GS_REAL;
        out->addr = &ip->table[i];
        out->flags = f->flags & ~GS_F_STRUCT;
        return GS_OK;
    }
    for (const struct gs_field *s = interpol_fields; s->name; s++)
        if (strcmp(s->name, sub) == 0) {
            out->field = s;
            out->type = s->type;
            out->addr = (char *)ip + s->offset;
            out->flags = s->flags | (f->flags & GS_F_SOLVER);
            return GS_OK;
        }
    return no_field(sim, el, full);
}

enum gs_status
field_find(struct gs_sim *sim, struct gs_element *el, const char *name, struct gs_fref *out)
{
    memset(out, 0, sizeof *out);
    out->el = el;
    out->sub = -1;
    const char *arrow = strstr(name, "->");
    if (arrow) {
        char base[GS_MAX_NAME + 1];
        size_t n = (size_t)(arrow - name);
        if (n == 0 || n > GS_MAX_NAME)
            return no_field(sim, el, name);
        memcpy(base, name, n);
        base[n] = '\0';
        const struct gs_field *f = class_field(el->cls, base);
        if (!f)
            return no_field(sim, el, name);
        if (f->type != GS_TABLE) {
            gs_error(sim, "field '%s' of class %s is not a table", base, el->cls->name);
            return GS_ERR;
        }
        return find_table_sub(sim, el, f, name, arrow + 2, out);
    }
    const struct gs_field *f = class_field(el->cls, name);
    if (f) {
        out->field = f;
        out->type = f->type;
        out->addr = (char *)el + f->offset;
        out->flags = f->flags;
        out->table_whole = f->type == GS_TABLE;
        return GS_OK;
    }
    if (el->cls->find_field && el->cls->find_field(el, name, out)) {
        /* out->el stays EL unless the hook named another element whose
         * field this name stands for (an hsolve's vm[3]) */
        if (out->field && !out->flags)
            out->flags = out->field->flags;
        return GS_OK;
    }
    for (const struct gs_field *b = element_fields; b->name; b++)
        if (strcmp(b->name, name) == 0) {
            out->field = b;
            out->type = b->type;
            out->addr = (char *)el + b->offset;
            out->flags = b->flags;
            return GS_OK;
        }
    struct gs_ufield *u = elem_ufield(el, name);
    if (u) {
        out->type = GS_STR;
        out->ufield = u;
        return GS_OK;
    }
    return no_field(sim, el, name);
}

/* Asks the solver for the current value of a solver-owned field. */
static void
refresh(struct gs_sim *sim, const struct gs_fref *f)
{
    struct gs_model *m = sim->model;
    if ((f->flags & GS_F_SOLVER) && f->field && m->compiled && f->el->solver_index >= 0
        && m->solver->read_field)
        m->solver->read_field(m->solver_state, f);
}

/* The texts float_format gave recent values: a script loop reads the same
 * field values again and again ({getfield ...} of cell positions), and
 * printf of a double costs more than the rest of a getfield. Direct
 * mapped on the value's bits; emptied when float_format changes. */
struct gs_fmtcache {
    char fmt[sizeof ((struct gs_model *)0)->float_format]; /* the format of the texts */
    struct fmt_entry {
        uint64_t bits;      /* the value's bits */
        unsigned char len;  /* the text's length; 0: empty */
        char text[23];
    } e[512];
};

static struct fmt_entry *
fmt_entry(struct gs_model *m, double v)
{
    struct gs_fmtcache *c = m->fmtcache;
    if (!c)
        c = m->fmtcache = xcalloc(1, sizeof *c);
    if (strcmp(c->fmt, m->float_format) != 0) {
        memset(c, 0, sizeof *c);
        strcpy(c->fmt, m->float_format);
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    struct fmt_entry *e = &c->e[(bits * UINT64_C(0x9e3779b97f4a7c15)) >> 55];
    if (e->bits != bits)
        e->len = 0;
    e->bits = bits;
    return e;
}

void
field_format_real(struct gs_sim *sim, double v, struct strbuf *sb)
{
    const char *fmt = sim->model ? sim->model->float_format : "%0.10g";
    struct fmt_entry *e = sim->model ? fmt_entry(sim->model, v) : NULL;
    if (e && e->len) {
        sb_append(sb, e->text, e->len);
        return;
    }
    size_t at = sb->len;
    /* The format is checked by the floatformat command: one double conversion. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    sb_printf(sb, fmt, v);
#pragma GCC diagnostic pop
    size_t n = sb->len - at;
    if (e && n > 0 && n < sizeof e->text) {
        memcpy(e->text, sb_str(sb) + at, n);
        e->len = (unsigned char)n;
    }
}

void
field_format(struct gs_sim *sim, const struct gs_fref *f, struct strbuf *sb)
{
    if (f->ufield) {
        sb_puts(sb, f->ufield->value);
        return;
    }
    refresh(sim, f);
    switch (f->type) {
    case GS_REAL:
        field_format_real(sim, *(double *)f->addr, sb);
        break;
    case GS_FLOAT:
        field_format_real(sim, *(float *)f->addr, sb);
        break;
    case GS_INT:
        sb_printf(sb, "%d", *(int *)f->addr);
        break;
    case GS_STR: {
        const char *s = *(char **)f->addr;
        sb_puts(sb, s ? s : "nil");
        break;
    }
    case GS_TABLE: {
        /* GENESIS shows the address of a table; an indication is more useful. */
        const struct interpol *ip = *(struct interpol **)f->addr;
        if (ip && ip->allocated)
            sb_printf(sb, "table[%d] on [%g, %g]", ip->xdivs + 1, ip->xmin, ip->xmax);
        else
            sb_puts(sb, "(no table)");
        break;
    }
    }
}

double
field_real(struct gs_sim *sim, const struct gs_fref *f)
{
    double v = 0;
    if (f->ufield) {
        gs_parse_real(f->ufield->value, &v);
        return v;
    }
    refresh(sim, f);
    switch (f->type) {
    case GS_REAL:
        return *(double *)f->addr;
    case GS_FLOAT:
        return *(float *)f->addr;
    case GS_INT:
        return *(int *)f->addr;
    case GS_STR:
        if (*(char **)f->addr)
            gs_parse_real(*(char **)f->addr, &v);
        return v;
    case GS_TABLE:
        break;
    }
    return 0;
}

/* One pending assignment of a transaction. */
struct pending {
    struct gs_fref ref;
    double d;     /* parsed number */
    long i;
    char *s;      /* new string (owned until committed) */
    size_t off;   /* offset in the instance, or (size_t)-1 outside it */
};

static const char *
type_word(enum gs_ftype t)
{
    switch (t) {
    case GS_INT:
        return "an integer";
    case GS_REAL:
    case GS_FLOAT:
        return "a number";
    case GS_STR:
        return "a string";
    case GS_TABLE:
        break;
    }
    return "a table";
}

/* Resolves and parses one assignment; records an error on failure. */
static enum gs_status
prepare(struct gs_sim *sim, struct gs_element *el, const char *name, const char *value,
        struct pending *p)
{
    memset(p, 0, sizeof *p);
    if (field_find(sim, el, name, &p->ref) != GS_OK)
        return GS_ERR;
    char *path = NULL;
    if (p->ref.flags & GS_F_RO) {
        path = elem_path_str(el);
        gs_error(sim, "field '%s' of '%s' is read-only", name, path);
        free(path);
        return GS_ERR;
    }
    if (p->ref.table_whole) {
        gs_error(sim, "field '%s' is a table: set its entries as %s->table[INDEX]", name, name);
        return GS_ERR;
    }
    bool okv = true;
    switch (p->ref.type) {
    case GS_REAL:
    case GS_FLOAT:
        okv = gs_parse_real(value, &p->d);
        if (okv && p->ref.type == GS_FLOAT && fabs(p->d) > 3.4028234663852886e38)
            okv = false;
        break;
    case GS_INT:
        okv = gs_parse_int(value, &p->i) && p->i >= -2147483647L - 1 && p->i <= 2147483647L;
        break;
    case GS_STR:
        p->s = xstrdup(value);
        break;
    case GS_TABLE:
        break;
    }
    if (!okv) {
        path = elem_path_str(el);
        gs_error(sim, "field '%s' of '%s' expects %s, got '%s'", name, path,
                 type_word(p->ref.type), value);
        free(path);
        return GS_ERR;
    }
    size_t size = el->cls->size;
    char *a = p->ref.addr;
    p->off = (!p->ref.ufield && a >= (char *)el && a < (char *)el + size) ? (size_t)(a - (char *)el)
                                                                          : (size_t)-1;
    return GS_OK;
}

/* Writes P's value at ADDR (in the element or in a candidate copy). */
static void
store(const struct pending *p, void *addr)
{
    switch (p->ref.type) {
    case GS_REAL:
        *(double *)addr = p->d;
        break;
    case GS_FLOAT:
        *(float *)addr = (float)p->d;
        break;
    case GS_INT:
        *(int *)addr = (int)p->i;
        break;
    case GS_STR:
        *(char **)addr = p->s;
        break;
    case GS_TABLE:
        break;
    }
}

/* Validates (and with COMMIT, applies) the assignments: see field_set_many. */
static enum gs_status
set_many(struct gs_sim *sim, struct gs_element *el, int n, const char *const *names,
         const char *const *values, bool commit)
{
    struct pending *pv = xcalloc((size_t)(n > 0 ? n : 1), sizeof *pv);
    enum gs_status st = GS_OK;
    int i;
    for (i = 0; i < n && st == GS_OK; i++)
        st = prepare(sim, el, names[i], values[i], &pv[i]);
    int nprep = i;
    if (st == GS_OK && el->cls->check_fields) {
        /* K3: the class sees a candidate with every new value in place. */
        char *cand = xmalloc(el->cls->size);
        memcpy(cand, el, el->cls->size);
        for (i = 0; i < n; i++)
            if (pv[i].off != (size_t)-1)
                store(&pv[i], cand + pv[i].off);
        st = el->cls->check_fields(sim, (const struct gs_element *)cand, el);
        free(cand);
    }
    if (st != GS_OK || !commit) {
        for (i = 0; i < nprep; i++)
            free(pv[i].s);
        free(pv);
        return st;
    }
    struct gs_model *m = sim->model;
    bool structural = false;
    for (i = 0; i < n; i++) {
        struct pending *p = &pv[i];
        if (p->ref.ufield) {
            free(p->ref.ufield->value);
            p->ref.ufield->value = p->s;
            continue;
        }
        if (p->ref.type == GS_STR)
            free(*(char **)p->ref.addr);
        const struct gs_field *pf = p->ref.field;
        if (pf >= &interpol_fields[6] && pf <= &interpol_fields[9]) {
            /* sx, sy, ox, oy rescale the table's entries and range (GENESIS). */
            struct interpol *ip = (struct interpol *)((char *)p->ref.addr - pf->offset);
            double v[4] = {ip->sx, ip->sy, ip->ox, ip->oy};
            v[pf - &interpol_fields[6]] = p->d;
            interpol_scale(ip, v[0], v[1], v[2], v[3]);
        } else {
            store(p, p->ref.addr);
        }
        if (pf == &interpol_fields[0] || pf == &interpol_fields[1]) {
            /* xmin or xmax moved: dx and invdx follow. */
            interpol_update((struct interpol *)((char *)p->ref.addr - pf->offset));
        }
        if (p->ref.flags & GS_F_STRUCT)
            structural = true;
        else if ((p->ref.flags & GS_F_SOLVER) && p->ref.field && m->compiled
                 && p->ref.el->solver_index >= 0 && m->solver->write_field)
            m->solver->write_field(m->solver_state, &p->ref);
        if (p->ref.el->cls->field_set && p->ref.field)
            p->ref.el->cls->field_set(sim, p->ref.el, p->ref.field);
    }
    if (structural)
        model_changed(m);
    free(pv);
    return GS_OK;
}

enum gs_status
field_set_many(struct gs_sim *sim, struct gs_element *el, int n, const char *const *names,
               const char *const *values)
{
    return set_many(sim, el, n, names, values, true);
}

enum gs_status
field_check_many(struct gs_sim *sim, struct gs_element *el, int n, const char *const *names,
                 const char *const *values)
{
    return set_many(sim, el, n, names, values, false);
}

enum gs_status
field_set(struct gs_sim *sim, struct gs_element *el, const char *name, const char *value)
{
    return field_set_many(sim, el, 1, &name, &value);
}

enum gs_status
field_set_real(struct gs_sim *sim, struct gs_element *el, const char *name, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    return field_set(sim, el, name, buf);
}

bool
field_format_ok(const char *f)
{
    if (!f)
        return false;
    const char *p = strchr(f, '%');
    while (p && p[1] == '%') /* "%%" is a literal percent */
        p = strchr(p + 2, '%');
    if (!p || strlen(f) > 15)
        return false;
    p++;
    while (*p && strchr("-+ #0", *p))
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (!*p || !strchr("gfeGE", *p))
        return false;
    for (const char *q = strchr(p + 1, '%'); q; q = strchr(q + 2, '%'))
        if (q[1] != '%')
            return false;
    return true;
}

void
field_free_owned(struct gs_element *el)
{
    for (const struct gs_field *f = el->cls->fields; f && f->name; f++) {
        void *a = (char *)el + f->offset;
        if (f->type == GS_STR) {
            free(*(char **)a);
            *(char **)a = NULL;
        } else if (f->type == GS_TABLE && !(f->flags & GS_F_SHARED)) {
            interpol_free(*(struct interpol **)a);
            *(struct interpol **)a = NULL;
        }
    }
}

void
field_dup_owned(struct gs_element *dst)
{
    for (const struct gs_field *f = dst->cls->fields; f && f->name; f++) {
        void *a = (char *)dst + f->offset;
        if (f->type == GS_STR && *(char **)a)
            *(char **)a = xstrdup(*(char **)a);
        else if (f->type == GS_TABLE && !(f->flags & GS_F_SHARED))
            *(struct interpol **)a = interpol_dup(*(struct interpol **)a);
    }
}
