/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readcell.c: the .p cell file reader: comments and continued lines, the
 * `*` directives (coordinate modes, compartment shape and symmetry,
 * *set_compt_param, *set_global, *compt, *origin, *lambda_warn, ...), the
 * compartment lines and their numbers, and the transaction around the
 * build: the cell is made under a staging element at the root, with the
 * working element on it (relative names in the file are relative to the
 * cell, as in GENESIS), and moved to its path only when every line was
 * read; *set_global values and the globals readcell declares are written
 * only then. cellbuild.c builds each compartment line.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "readcell_int.h"

/* Most words one entry of a .p file may have (a name, a parent, 7 numbers
 * and the channel pairs): GENESIS allowed 30 pairs; we allow more. */
#define RC_MAX_WORDS 1024

/* ---- diagnostics ------------------------------------------------------------ */

/* MSG with the staging element's path shown as the cell's final path
 * (core messages name elements by path); the caller frees. */
static char *
unstage(const struct rc_state *st, const char *msg)
{
    if (!st->cell || !st->cellpath)
        return xstrdup(msg);
    char *stage = elem_path_str(st->cell);
    size_t n = strlen(stage);
    struct strbuf sb = STRBUF_INIT;
    while (*msg) {
        if (strncmp(msg, stage, n) == 0 && (msg[n] == '/' || msg[n] == '\'' || !msg[n])) {
            sb_puts(&sb, st->cellpath);
            msg += n;
        } else {
            sb_putc(&sb, *msg++);
        }
    }
    free(stage);
    return sb_take(&sb);
}

enum gs_status
rc_error(struct rc_state *st, const char *fmt, ...)
{
    char msg[sizeof st->sim->diag.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap); /* may read the old diag: format first */
    va_end(ap);
    gs_diag_clear(st->sim);
    char *m = unstage(st, msg);
    if (st->line > 0)
        gs_error(st->sim, "%s:%d: %s", st->fname, st->line, m);
    else
        gs_error(st->sim, "%s: %s", st->fname, m);
    free(m);
    return GS_ERR;
}

void
rc_warn(struct rc_state *st, const char *fmt, ...)
{
    char msg[sizeof st->sim->diag.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gs_warn(st->sim, "%s:%d: %s", st->fname, st->line, msg);
}

enum gs_status
rc_wrap(struct rc_state *st)
{
    return rc_error(st, "%s", st->sim->diag.msg);
}

/* ---- numbers and globals ------------------------------------------------------ */

/* W as a float, the whole word (GENESIS reads them with %f). */
static bool
parse_float(const char *w, float *out)
{
    char *end;
    float v = strtof(w, &end);
    if (end == w || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Global NAME, seen through the *set_global values not yet written. */
static bool
get_global(struct rc_state *st, const char *name, double *out)
{
    for (int i = st->npend - 1; i >= 0; i--)
        if (strcmp(st->pend[i].name, name) == 0) {
            *out = st->pend[i].value;
            return true;
        }
    return st->vars && st->vars->get(st->vars->ctx, name, out);
}

static void
set_global(struct rc_state *st, const char *name, double v)
{
    st->pend = xreallocarray(st->pend, (size_t)st->npend + 1, sizeof *st->pend);
    st->pend[st->npend].name = xstrdup(name);
    st->pend[st->npend].value = v;
    st->npend++;
}

/* The value word of *set_global / *set_compt_param: a number, or a script
 * global given as NAME or {NAME}. */
static enum gs_status
value_of(struct rc_state *st, const char *w, float *out)
{
    if (parse_float(w, out))
        return GS_OK;
    char *name = xstrdup(w[0] == '{' ? w + 1 : w);
    size_t n = strlen(name);
    if (w[0] == '{' && n > 0 && name[n - 1] == '}')
        name[n - 1] = '\0';
    double v;
    bool ok = name[0] && get_global(st, name, &v);
    free(name);
    if (!ok)
        return rc_error(st, "bad value '%s' (expected a number or the name of a script global)", w);
    *out = (float)v;
    return GS_OK;
}

/* ---- directives ----------------------------------------------------------------- */

static enum gs_status
want_args(struct rc_state *st, const char *dir, int nw, int min, int max, const char *usage)
{
    if (nw - 1 < min || nw - 1 > max)
        return rc_error(st, "%s expects %s, got %d argument%s", dir, usage, nw - 1,
                        nw - 1 == 1 ? "" : "s");
    return GS_OK;
}

/* *set_compt_param NAME VALUE (GLOBAL false) and *set_global NAME VALUE. */
static enum gs_status
set_param(struct rc_state *st, const char *name, const char *word, bool global)
{
    float v = 0.0f;
    if (value_of(st, word, &v) != GS_OK)
        return GS_ERR;
    if (strcmp(name, "CONNECTTAIL") == 0) { /* GENESIS's "Nodus weight" */
        if (v < 0 || v > 1000)
            return rc_error(st, "CONNECTTAIL expects a count of 0 to 1000, got '%s'", word);
        st->tailweight = (int)v;
        return GS_OK;
    }
    if (strcmp(name, "RM") == 0) {
        st->RM = v;
    } else if (strcmp(name, "RA") == 0) {
        st->RA = v;
    } else if (strcmp(name, "CM") == 0) {
        st->CM = v;
    } else if (strcmp(name, "EREST_ACT") == 0) {
        st->EREST_ACT = v;
        if (!st->eleak_set)
            st->ELEAK = v;
    } else if (strcmp(name, "ELEAK") == 0) {
        st->ELEAK = v;
        st->eleak_set = true;
    } else if (!global) {
        return rc_error(st,
                        "unknown compartment parameter '%s' (expected RM, RA, CM, EREST_ACT, "
                        "ELEAK or CONNECTTAIL)",
                        name);
    }
    if (global)
        set_global(st, name, (double)v);
    return GS_OK;
}

static enum gs_status
set_proto(struct rc_state *st, const char *path)
{
    struct gs_element *p = path_lookup(st->sim, path);
    gs_diag_clear(st->sim);
    if (!p)
        return rc_error(st, "*compt: prototype compartment '%s' does not exist", path);
    if (!elem_isa(p, "compartment"))
        return rc_error(st, "*compt: '%s' is a %s, not a compartment or symcompartment", path,
                        p->cls->name);
    free(st->proto);
    st->proto = xstrdup(path);
    st->symmetric = elem_isa(p, "symcompartment");
    struct gs_fref f;
    double len = 1;
    if (field_find(st->sim, p, "len", &f) == GS_OK)
        len = field_real(st->sim, &f);
    gs_diag_clear(st->sim);
    st->spherical = len == 0.0;
    return GS_OK;
}

/* The directives with no argument that switch a mode. */
static bool
set_flag(struct rc_state *st, const char *d)
{
    if (strcmp(d, "*relative") == 0)
        st->relative = true;
    else if (strcmp(d, "*absolute") == 0)
        st->relative = false;
    else if (strcmp(d, "*polar") == 0)
        st->polar = true;
    else if (strcmp(d, "*cartesian") == 0)
        st->polar = false;
    else if (strcmp(d, "*lambda_unwarn") == 0)
        st->lambda_warn = false;
    else if (strcmp(d, "*syn_dens") == 0 || strcmp(d, "*syn_cond") == 0
             || strcmp(d, "*distribute_spines") == 0)
        ; /* accepted; GENESIS 2.4's readcell does nothing with them either */
    else if (strncmp(d, "*spherical", 6) == 0 && strncmp(d, "*spherical", strlen(d)) == 0)
        st->spherical = true;
    else if (strncmp(d, "*cylindrical", 7) == 0 && strncmp(d, "*cylindrical", strlen(d)) == 0)
        st->spherical = false;
    else if (strcmp(d, "*double_endpoint") == 0)
        st->double_endpoint = true;
    else if (strcmp(d, "*double_endpoint_off") == 0)
        st->double_endpoint = false;
    else if (strcmp(d, "*symmetric") == 0) {
        if (strcmp(st->proto, "/library/compartment") == 0) {
            free(st->proto);
            st->proto = xstrdup("/library/symcompartment");
        }
        st->symmetric = true;
    } else if (strcmp(d, "*asymmetric") == 0) {
        if (strcmp(st->proto, "/library/symcompartment") == 0) {
            free(st->proto);
            st->proto = xstrdup("/library/compartment");
        }
        st->symmetric = false;
    } else {
        return false;
    }
    return true;
}

static enum gs_status
directive(struct rc_state *st, int nw, char **w)
{
    const char *d = w[0];
    if (set_flag(st, d)) {
        if (nw > 1)
            return rc_error(st, "%s takes no arguments, got '%s'", d, w[1]);
        return GS_OK;
    }
    if (strcmp(d, "*set_compt_param") == 0 || strcmp(d, "*set_global") == 0) {
        if (want_args(st, d, nw, 2, 2, "a name and a value") != GS_OK)
            return GS_ERR;
        return set_param(st, w[1], w[2], strcmp(d, "*set_global") == 0);
    }
    if (strcmp(d, "*compt") == 0) {
        if (want_args(st, d, nw, 1, 1, "the path of a prototype compartment") != GS_OK)
            return GS_ERR;
        return set_proto(st, w[1]);
    }
    if (strcmp(d, "*lambda_warn") == 0) {
        if (nw != 1 && want_args(st, d, nw, 2, 2, "no arguments or MIN MAX") != GS_OK)
            return GS_ERR;
        st->lambda_warn = true;
        if (nw == 1)
            return GS_OK;
        float lo, hi;
        if (!parse_float(w[1], &lo) || !parse_float(w[2], &hi) || lo <= 0 || hi <= lo)
            return rc_error(st, "*lambda_warn expects 0 < MIN < MAX, got '%s' '%s'", w[1], w[2]);
        st->lambda_min = lo;
        st->lambda_max = hi;
        return GS_OK;
    }
    if (strcmp(d, "*origin") == 0) {
        if (want_args(st, d, nw, 3, 3, "X Y Z") != GS_OK)
            return GS_ERR;
        float o[3];
        for (int i = 0; i < 3; i++)
            if (!parse_float(w[i + 1], &o[i]))
                return rc_error(st, "*origin: bad number '%s'", w[i + 1]);
        st->X0 = o[0], st->Y0 = o[1], st->Z0 = o[2];
        return GS_OK;
    }
    if (strcmp(d, "*memb_factor") == 0) {
        if (want_args(st, d, nw, 1, 1, "a factor") != GS_OK)
            return GS_ERR;
        float f;
        if (!parse_float(w[1], &f) || f <= 0)
            return rc_error(st, "*memb_factor expects a factor > 0, got '%s'", w[1]);
        if (f > 10.0f || f < 1.0e-10f)
            rc_warn(st, "memb_factor %g is probably out of range", (double)f);
        st->memb = true;
        st->memb_factor = f;
        return GS_OK;
    }
    if (strcmp(d, "*add_spines") == 0) {
        if (want_args(st, d, nw, 3, 3, "DENDR_DIAM SPINE_DENS SPINE_SURF") != GS_OK)
            return GS_ERR;
        float v[3];
        for (int i = 0; i < 3; i++)
            if (!parse_float(w[i + 1], &v[i]) || v[i] < 0)
                return rc_error(st, "*add_spines: bad number '%s'", w[i + 1]);
        st->spines = true;
        st->spine_diam = (float)(v[0] * 1.0e-6);
        st->spine_dens = (float)(v[1] * 1.0e6);
        st->spine_surf = (float)(v[2] * 1.0e-12);
        return GS_OK;
    }
    if (strcmp(d, "*hsolve") == 0) {
        rc_warn(st, "*hsolve is obsolete (GENESIS ignores it too)");
        return GS_OK;
    }
    static const char *const unsupported[] = {
        "*start_cell",
        "*append_to_cell",
        "*makeproto",
        "*rand_spines",
        "*mrand_spines",
        "*fixed_spines",
        "*mfixed_spines",
        "*rand_branches",
        "*ifequal",
        "*endif",
        NULL,
    };
    for (int i = 0; unsupported[i]; i++)
        if (strcmp(d, unsupported[i]) == 0)
            return rc_error(st, "%s is not supported by gensh's readcell", d);
    return rc_error(st, "unknown directive '%s'", d);
}

/* ---- compartment lines -------------------------------------------------------- */

static enum gs_status
number(struct rc_state *st, const char *w, const char *what, float *out)
{
    if (!parse_float(w, out))
        return rc_error(st, "bad number '%s' for %s", w, what);
    return GS_OK;
}

/* Converts a point given in the file's units and mode to m. */
static void
to_metres(const struct rc_state *st, float *x, float *y, float *z)
{
    if (st->polar) {
        float r = (float)(*x * 1.0e-6);
        float theta = (float)(*y * RC_PI / 180.0), phi = (float)(*z * RC_PI / 180.0);
        *x = (float)(r * sin(phi) * cos(theta));
        *y = (float)(r * sin(phi) * sin(theta));
        *z = (float)(r * cos(phi));
    } else {
        *x = (float)(*x * 1.0e-6);
        *y = (float)(*y * 1.0e-6);
        *z = (float)(*z * 1.0e-6);
    }
}

static enum gs_status
data_line(struct rc_state *st, int nw, char **w)
{
    int npos = st->double_endpoint ? 9 : 6;
    if (nw < npos)
        return rc_error(st,
                        "malformed compartment line: expected 'name parent %sdia "
                        "[channel density]...', got %d word%s",
                        st->double_endpoint ? "x0 y0 z0 x y z " : "x y z ", nw, nw == 1 ? "" : "s");
    struct rc_compt c = {0};
    c.name = w[0];
    c.parent = strcmp(w[1], ".") == 0 ? st->lastname : w[1];
    static const char *const names[] = {"x", "y", "z", "dia"};
    static const char *const names2[] = {"x0", "y0", "z0", "x", "y", "z", "dia"};
    float v[7];
    for (int i = 0; i < npos - 2; i++)
        if (number(st, w[i + 2], st->double_endpoint ? names2[i] : names[i], &v[i]) != GS_OK)
            return GS_ERR;
    const float *p = v;
    if (st->double_endpoint) {
        c.x0 = v[0], c.y0 = v[1], c.z0 = v[2];
        to_metres(st, &c.x0, &c.y0, &c.z0);
        p = v + 3;
    }
    c.x = p[0], c.y = p[1], c.z = p[2];
    to_metres(st, &c.x, &c.y, &c.z);
    if (!(p[3] > 0))
        return rc_error(st, "bad diameter '%s' (expected a number > 0)", w[npos - 1]);
    c.dia = (float)(p[3] * 1.0e-6);
    if ((nw - npos) % 2 != 0)
        return rc_error(st, "channel '%s' has no density", w[nw - 1]);
    c.nchan = (nw - npos) / 2;
    c.chan = xcalloc((size_t)c.nchan + 1, sizeof *c.chan);
    c.dens = xcalloc((size_t)c.nchan + 1, sizeof *c.dens);
    enum gs_status rs = GS_OK;
    for (int i = 0; i < c.nchan && rs == GS_OK; i++) {
        c.chan[i] = w[npos + 2 * i];
        if (!parse_float(w[npos + 2 * i + 1], &c.dens[i]))
            rs = rc_error(st, "bad density '%s' for channel '%s'", w[npos + 2 * i + 1], c.chan[i]);
    }
    if (rs == GS_OK)
        rs = rc_build_compt(st, &c);
    if (rs == GS_OK) {
        free(st->lastname);
        st->lastname = xstrdup(c.name);
    }
    free(c.chan);
    free(c.dens);
    return rs;
}

/* ---- the file ------------------------------------------------------------------- */

/*
 * Reads the entries of TEXT: a line ending in '\' goes on on the next one;
 * "//" comments run to the end of the line and slash-star comments to
 * their end, on any line. Each entry is split into words and handed to
 * directive() or data_line(), with st->line its first line.
 */
static enum gs_status
read_text(struct rc_state *st, const char *text, size_t len)
{
    struct strbuf entry = STRBUF_INIT;
    char **w = xcalloc(RC_MAX_WORDS, sizeof *w);
    bool in_comment = false;
    int line = 1;
    size_t i = 0;
    enum gs_status rs = GS_OK;
    while (i < len && rs == GS_OK) {
        sb_reset(&entry);
        st->line = line;
        /* one entry: lines joined by a trailing backslash */
        for (;;) {
            size_t s = i;
            while (i < len && text[i] != '\n')
                i++;
            size_t e = i;
            if (i < len)
                i++; /* the newline */
            line++;
            while (e > s && (text[e - 1] == '\r' || text[e - 1] == ' ' || text[e - 1] == '\t'))
                e--;
            bool more = e > s && text[e - 1] == '\\' && i < len;
            if (more)
                e--;
            for (size_t k = s; k < e; k++) {
                char ch = text[k];
                if (in_comment) {
                    if (ch == '*' && k + 1 < e && text[k + 1] == '/') {
                        in_comment = false;
                        k++;
                        sb_putc(&entry, ' ');
                    }
                } else if (ch == '/' && k + 1 < e && text[k + 1] == '/') {
                    break;
                } else if (ch == '/' && k + 1 < e && text[k + 1] == '*') {
                    in_comment = true;
                    k++;
                } else {
                    sb_putc(&entry, ch == '\t' || ch == '\r' ? ' ' : ch);
                }
            }
            if (!more)
                break;
            sb_putc(&entry, ' ');
        }
        int nw = 0;
        char *save = NULL, *buf = entry.buf;
        for (char *t = buf ? strtok_r(buf, " ", &save) : NULL; t; t = strtok_r(NULL, " ", &save)) {
            if (nw == RC_MAX_WORDS) {
                rs = rc_error(st, "line too long (more than %d words)", RC_MAX_WORDS);
                break;
            }
            w[nw++] = t;
        }
        if (rs != GS_OK || nw == 0)
            continue;
        rs = w[0][0] == '*' ? directive(st, nw, w) : data_line(st, nw, w);
    }
    if (rs == GS_OK && in_comment) {
        st->line = line - 1;
        rs = rc_error(st, "comment not closed at the end of the file");
    }
    free(w);
    sb_free(&entry);
    return rs;
}

/* ---- the transaction -------------------------------------------------------------- */

/* The constants readcell starts from: the script's globals, 0 when missing
 * (GENESIS then declares them, as readcell_build does at the end). */
static void
load_globals(struct rc_state *st)
{
    double v;
    st->CM = get_global(st, "CM", &v) ? (float)v : 0.0f;
    st->RM = get_global(st, "RM", &v) ? (float)v : 0.0f;
    st->RA = get_global(st, "RA", &v) ? (float)v : 0.0f;
    st->EREST_ACT = get_global(st, "EREST_ACT", &v) ? (float)v : 0.0f;
    st->eleak_set = get_global(st, "ELEAK", &v);
    st->ELEAK = st->eleak_set ? (float)v : st->EREST_ACT;
}

/* Counts the elements below EL as GENESIS's summary does. */
static void
count(const struct gs_element *el, int n[4])
{
    for (int i = 0; i < el->nchild; i++) {
        const struct gs_element *c = el->child[i];
        const char *cn = c->cls->name;
        if (elem_isa(c, "compartment"))
            n[0]++;
        else if (elem_isa(c, "tabchannel") || elem_isa(c, "synchan") || elem_isa(c, "hh_channel")
                 || elem_isa(c, "vdep_channel") || elem_isa(c, "tab2Dchannel")
                 || strncmp(cn, "channel", 7) == 0)
            n[1]++;
        else if (elem_isa(c, "difshell"))
            n[2]++;
        else
            n[3]++;
        count(c, n);
    }
}

/* A free name for the staging element at the root. */
static char *
staging_name(struct gs_model *m)
{
    char *name = xstrdup(".readcell");
    for (int i = 1; elem_child(m->root, name, 0); i++) {
        free(name);
        name = xasprintf(".readcell%d", i);
    }
    return name;
}

/* Puts the built cell where it belongs: into TARGET when that is an empty
 * neutral (GENESIS builds into it), else in place of TARGET (which GENESIS
 * deletes, with a warning) or as a new element. */
static void
attach(struct rc_state *st, struct gs_element *parent, const char *name, int index)
{
    struct gs_sim *sim = st->sim;
    struct gs_element *target = elem_child(parent, name, index);
    if (target && target->nchild == 0 && strcmp(target->cls->name, "neutral") == 0
        && strcmp(st->cell->cls->name, "neutral") == 0) {
        while (st->cell->nchild > 0) {
            struct gs_element *c = st->cell->child[0];
            char *cname = xstrdup(c->name); /* elem_move frees c->name */
            if (elem_move(sim, c, target, cname, c->index) != GS_OK)
                GS_BUG("moving '%s' into the empty cell element failed", cname);
            free(cname);
        }
        elem_delete(sim, st->cell);
        st->cell = target;
        return;
    }
    if (target) {
        gs_warn(sim, "cell '%s' already exists: replacing it", st->cellpath);
        elem_delete(sim, target);
    }
    if (elem_move(sim, st->cell, parent, name, index) != GS_OK)
        GS_BUG("moving the staged cell to '%s' failed", st->cellpath);
}

/* The root of the new cell: an hsolve when asked and gensh has the class
 * (its path set to the cell's compartments), else a neutral. */
static enum gs_status
make_root(struct rc_state *st, const char *name)
{
    const struct gs_class *cls = st->opt.hsolve ? class_find("hsolve") : NULL;
    return elem_create(st->sim, cls ? cls : class_find("neutral"), st->sim->model->root, name, 0,
                       &st->cell);
}

enum gs_status
readcell_build(struct gs_sim *sim, const char *fname, const char *text, size_t len,
               const char *cellpath, const struct rc_options *opt, const struct rc_vars *vars)
{
    struct gs_model *m = sim->model;
    struct rc_state st = {
        .sim = sim,
        .fname = fname,
        .vars = vars,
        .opt = *opt,
        .lambda_min = 0.01f,
        .lambda_max = 0.20f,
        .memb_factor = 1.0f,
        .tailweight = 1,
        .proto = xstrdup("/library/compartment"),
        .lastname = xstrdup("none"),
    };
    if (st.opt.split < 1)
        st.opt.split = 1;
    st.maxsplit = st.opt.split;
    struct gs_element *parent;
    char *name = NULL;
    int index = 0;
    enum gs_status rs = path_split_new(sim, cellpath, &parent, &name, &index);
    if (rs != GS_OK) {
        char msg[sizeof sim->diag.msg];
        snprintf(msg, sizeof msg, "%s", sim->diag.msg);
        gs_diag_clear(sim);
        rs = gs_error(sim, "cannot make the cell '%s': %s", cellpath, msg);
        goto out;
    }
    struct strbuf sb = STRBUF_INIT;
    elem_path(parent, &sb);
    if (sb.len > 1)
        sb_putc(&sb, '/');
    sb_puts(&sb, name);
    if (index)
        sb_printf(&sb, "[%d]", index);
    st.cellpath = sb_take(&sb);
    load_globals(&st);

    struct gs_handle last_h = m->last ? elem_handle(m->last) : (struct gs_handle){0, 0};
    bool had_last = m->last != NULL;
    struct gs_handle cwe_h = elem_handle(m->cwe);
    char *stage = staging_name(m);
    rs = make_root(&st, stage);
    free(stage);
    if (rs != GS_OK)
        goto out;
    m->cwe = st.cell;
    rs = read_text(&st, text, len);
    struct gs_element *cwe = elem_from_handle(m, cwe_h);
    m->cwe = cwe ? cwe : m->root;
    if (rs != GS_OK) {
        elem_delete(sim, st.cell);
        m->last = had_last ? elem_from_handle(m, last_h) : NULL;
        goto out;
    }
    st.line = 0;
    attach(&st, parent, name, index);
    m->last = st.cell;
    if (strcmp(st.cell->cls->name, "hsolve") == 0
        && field_set(sim, st.cell, "path",
                     st.symmetric ? "./##[][TYPE=symcompartment]" : "./##[][TYPE=compartment]")
               != GS_OK)
        gs_diag_clear(sim);

    /* The globals: those readcell reads are declared if they were not,
     * then *set_global's values are written in order. */
    if (vars) {
        static const char *const std_names[] = {"CM", "RM", "RA", "EREST_ACT", NULL};
        double v;
        for (int i = 0; std_names[i]; i++) {
            bool pending = false;
            for (int k = 0; k < st.npend; k++)
                pending = pending || strcmp(st.pend[k].name, std_names[i]) == 0;
            if (!pending && !vars->get(vars->ctx, std_names[i], &v))
                vars->set(vars->ctx, std_names[i], 0.0);
        }
        for (int i = 0; i < st.npend; i++)
            vars->set(vars->ctx, st.pend[i].name, st.pend[i].value);
    }
    if (sim->opt.silent < 2) {
        int n[4] = {0, 0, 0, 1}; /* GENESIS counts the cell's own element as an other */
        count(st.cell, n);
        gs_out(sim, "%s read: %d %s, %d channels, %d shells, %d others\n", fname, n[0],
               st.symmetric ? "symcompartments" : "compartments", n[1], n[2], n[3]);
    }
out:
    for (int i = 0; i < st.npend; i++)
        free(st.pend[i].name);
    free(st.pend);
    free(st.proto);
    free(st.lastname);
    free(st.cellpath);
    free(name);
    return rs;
}
