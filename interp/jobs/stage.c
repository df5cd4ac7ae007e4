/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * stage.c: which files a job takes with it. The script, the -input files
 * and folders, and, read statically, the files that scripts include and
 * that readcell reads under literal names (`include rsprotos.g`,
 * `readcell rscell.p /library/cell`): a name built at run time
 * (`include {dir}/x.g`) is not followed; -input names those.
 *
 * A file under the submit directory keeps its path relative to it, so
 * the run, started in run/, finds it as it would here; a file from
 * elsewhere goes to run/ under its base name. A literal name is looked
 * for in the submit directory, in the directory of the file that names
 * it, in those of the script and of every file taken so far (scripts
 * often put their own directory on SIMPATH), and along $SIMPATH; a file
 * of gensh's script library stays behind (the cluster's gensh has it).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

#include "jobs_int.h"

/* A literal name a script reads, waiting to be found. */
struct ref {
    char *name;
    char *from;      /* the file that names it (absolute) */
    int line;
    bool include;    /* include (".g" may be left out) or readcell */
};

struct stager {
    struct gs_sim *sim;
    struct job_files *f;
    const char *main_dir;
    char *libdir;    /* gensh's script library, absolute, or NULL */
    struct ref *refs;
    int nrefs;
    int scanned;     /* files of f scanned so far */
};

/* PATH made absolute against CWD, with "." and ".." folded. */
static char *
absolute(const char *cwd, const char *path)
{
    struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
    if (path[0] != '/')
        sb_printf(&in, "%s/", cwd);
    sb_puts(&in, path);
    char *s = sb_take(&in), *save = NULL;
    for (char *c = strtok_r(s, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (strcmp(c, ".") == 0)
            continue;
        if (strcmp(c, "..") == 0) {
            char *slash = out.len ? strrchr(out.buf, '/') : NULL;
            if (slash) {
                out.len = (size_t)(slash - out.buf);
                out.buf[out.len] = '\0';
            }
            continue;
        }
        sb_putc(&out, '/');
        sb_puts(&out, c);
    }
    free(s);
    if (!out.len)
        sb_puts(&out, "/");
    return sb_take(&out);
}

static char *
dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

static const char *
base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool
under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return dir[n - 1] == '/' ? strncmp(path, dir, n) == 0
                             : strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* Where SRC goes in run/: its path under the submit directory, or BASE. */
static const char *
rel_or(const struct job_files *f, const char *src, const char *base)
{
    if (under(src, f->cwd))
        return src + strlen(f->cwd) + (f->cwd[1] ? 1 : 0);
    return base;
}

static char *
dest_for(const struct job_files *f, const char *src, const char *base)
{
    return xstrdup(rel_or(f, src, base));
}

/* Takes SRC (absolute) as run/DEST; the same file twice is taken once. */
static enum gs_status
take(struct stager *s, const char *src, char *dest)
{
    struct job_files *f = s->f;
    for (int i = 0; i < f->n; i++) {
        if (strcmp(f->dest[i], dest) != 0)
            continue;
        enum gs_status st = GS_OK;
        if (strcmp(f->src[i], src) != 0)
            st = gs_error(s->sim, "two files would be '%s' in the job folder: %s and %s (run "
                                  "submit from a folder above both)",
                          dest, f->src[i], src);
        free(dest);
        return st;
    }
    f->src = xreallocarray(f->src, (size_t)f->n + 1, sizeof *f->src);
    f->dest = xreallocarray(f->dest, (size_t)f->n + 1, sizeof *f->dest);
    f->src[f->n] = xstrdup(src);
    f->dest[f->n] = dest;
    f->n++;
    return GS_OK;
}

/* Takes every regular file under the folder SRC as DEST/...; symbolic
 * links to folders are not followed (no loops). */
static enum gs_status
take_tree(struct stager *s, const char *src, const char *dest)
{
    DIR *d = opendir(src);
    if (!d)
        return gs_error(s->sim, "cannot read the folder '%s': %s", src, strerror(errno));
    enum gs_status st = GS_OK;
    struct dirent *e;
    while (st == GS_OK && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct strbuf p = STRBUF_INIT, q = STRBUF_INIT;
        sb_printf(&p, "%s/%s", src, e->d_name);
        sb_printf(&q, "%s/%s", dest, e->d_name);
        struct stat lst;
        if (lstat(sb_str(&p), &lst) == 0 && S_ISDIR(lst.st_mode))
            st = take_tree(s, sb_str(&p), sb_str(&q));
        else if (jobs_is_file(sb_str(&p)))
            st = take(s, sb_str(&p), sb_take(&q));
        sb_free(&p);
        sb_free(&q);
    }
    closedir(d);
    return st;
}

/* --- reading the scripts ---------------------------------------------------- */

static bool
literal(const char *w)
{
    return *w && !strpbrk(w, "{}$@`*?[]");
}

static void
add_ref(struct stager *s, const char *name, size_t n, const char *from, int line, bool include)
{
    s->refs = xreallocarray(s->refs, (size_t)s->nrefs + 1, sizeof *s->refs);
    s->refs[s->nrefs++] = (struct ref){xstrndup(name, n), xstrdup(from), line, include};
}

/* One SLI statement: `include NAME ...` or `readcell NAME ...`. */
static void
scan_statement(struct stager *s, const char *st, const char *from, int line)
{
    while (*st == ' ' || *st == '\t')
        st++;
    size_t n = strcspn(st, " \t");
    bool inc = n == 7 && strncmp(st, "include", 7) == 0;
    bool cell = n == 8 && strncmp(st, "readcell", 8) == 0;
    if (!inc && !cell)
        return;
    st += n;
    while (*st == ' ' || *st == '\t')
        st++;
    if (*st == '"') {
        st++;
        n = strcspn(st, "\"");
    } else {
        n = strcspn(st, " \t");
    }
    char *w = xstrndup(st, n);
    if (literal(w))
        add_ref(s, w, n, from, line, inc);
    free(w);
}

/* The literal names a .g file includes and reads cells from: statements
 * split at ';', with // and block comments taken out. */
static void
scan_sli(struct stager *s, char *text, const char *from)
{
    bool in_block = false;
    int line = 0;
    for (char *p = text; p; ) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        line++;
        /* Comments out; quotes kept (a // inside "..." is text). */
        char *w = p;
        bool quoted = false;
        for (char *r = p; *r; r++) {
            if (in_block) {
                if (r[0] == '*' && r[1] == '/') {
                    in_block = false;
                    r++;
                }
                continue;
            }
            if (*r == '"')
                quoted = !quoted;
            if (!quoted && r[0] == '/' && r[1] == '/')
                break;
            if (!quoted && r[0] == '/' && r[1] == '*') {
                in_block = true;
                r++;
                continue;
            }
            *w++ = *r;
        }
        *w = '\0';
        char *save = NULL;
        for (char *st = strtok_r(p, ";", &save); st; st = strtok_r(NULL, ";", &save))
            scan_statement(s, st, from, line);
        p = e ? e + 1 : NULL;
    }
}

/* include("NAME") and readcell("NAME", ...) in a .lua file. */
static void
scan_lua(struct stager *s, const char *text, const char *from)
{
    static const char *const fns[] = {"include", "readcell"};
    int line = 1;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        for (int k = 0; k < 2; k++) {
            size_t n = strlen(fns[k]);
            if (strncmp(p, fns[k], n) != 0 || (p > text && (p[-1] == '_' || p[-1] == '.'
                                                             || (p[-1] >= 'a' && p[-1] <= 'z'))))
                continue;
            const char *q = p + n;
            while (*q == ' ')
                q++;
            if (*q++ != '(')
                continue;
            while (*q == ' ')
                q++;
            char quote = *q;
            if (quote != '"' && quote != '\'')
                continue;
            const char *end = strchr(q + 1, quote);
            if (end && memchr(q + 1, '\n', (size_t)(end - q - 1)) == NULL)
                add_ref(s, q + 1, (size_t)(end - q - 1), from, line, k == 0);
        }
    }
}

static bool
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static void
scan_file(struct stager *s, const char *path)
{
    bool sli = ends_with(path, ".g"), lua = ends_with(path, ".lua");
    if (!sli && !lua)
        return;
    struct strbuf text = STRBUF_INIT;
    if (jobs_read_file(path, &text)) {
        if (sli)
            scan_sli(s, text.buf, path);
        else
            scan_lua(s, text.buf, path);
    }
    sb_free(&text);
}

/* D/NAME, or D/NAME.g for an include without an extension. */
static char *
try_in(const char *d, const struct ref *r)
{
    char *p = absolute(d, r->name);
    if (jobs_is_file(p))
        return p;
    free(p);
    if (r->include && !strchr(base_of(r->name), '.')) {
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%s.g", r->name);
        p = absolute(d, sb_str(&sb));
        sb_free(&sb);
        if (jobs_is_file(p))
            return p;
        free(p);
    }
    return NULL;
}

/* The file R names, as the run would most likely find it, or NULL. */
static char *
resolve(struct stager *s, const struct ref *r)
{
    if (r->name[0] == '/')
        return try_in("/", r);
    char *found = try_in(s->f->cwd, r);
    char *d = dir_of(r->from);
    if (!found)
        found = try_in(d, r);
    free(d);
    if (!found)
        found = try_in(s->main_dir, r);
    for (int i = 0; !found && i < s->f->n; i++) {
        d = dir_of(s->f->src[i]);
        found = try_in(d, r);
        free(d);
    }
    const char *simpath = getenv("SIMPATH");
    if (!found && simpath) {
        char *copy = xstrdup(simpath), *save = NULL;
        for (char *p = strtok_r(copy, ": \t", &save); p && !found; p = strtok_r(NULL, ": \t", &save))
            found = try_in(p[0] == '/' ? p : s->f->cwd, r);
        free(copy);
    }
    if (!found && s->libdir)
        found = try_in(s->libdir, r);
    return found;
}

/* Scans the files taken since the last pass, then finds what they name;
 * again until nothing new comes. Names still not found are warned of. */
static enum gs_status
follow(struct stager *s)
{
    bool more = true;
    while (more) {
        more = false;
        for (; s->scanned < s->f->n; s->scanned++)
            scan_file(s, s->f->src[s->scanned]);
        for (int i = 0; i < s->nrefs; i++) {
            if (!s->refs[i].name)
                continue;
            char *found = resolve(s, &s->refs[i]);
            if (!found)
                continue;
            enum gs_status st = GS_OK;
            if (!(s->libdir && under(found, s->libdir))) {
                int before = s->f->n;
                st = take(s, found, dest_for(s->f, found, base_of(found)));
                more = more || s->f->n > before;
            }
            free(found);
            free(s->refs[i].name);
            s->refs[i].name = NULL;
            if (st != GS_OK)
                return st;
        }
    }
    for (int i = 0; i < s->nrefs; i++) {
        const struct ref *r = &s->refs[i];
        if (r->name)
            gs_warn(s->sim, "%s:%d: %s '%s' was not found from here: the job will look for it "
                            "when it runs (name it with -input to take it along)",
                    rel_or(s->f, r->from, base_of(r->from)), r->line,
                    r->include ? "include" : "readcell", r->name);
    }
    return GS_OK;
}

enum gs_status
job_files_collect(struct gs_sim *sim, const struct job_request *rq, struct job_files *f)
{
    memset(f, 0, sizeof *f);
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return gs_error(sim, "cannot tell the current directory: %s", strerror(errno));
    f->cwd = cwd;
    struct stager s = {.sim = sim, .f = f};
    const char *lib = getenv("GENSH_DATADIR");
    if (!lib || !*lib)
        lib = GS_DATADIR;
    s.libdir = absolute(cwd, lib);

    enum gs_status st = GS_OK;
    char *script = absolute(cwd, rq->script);
    if (!jobs_is_file(script))
        st = gs_error(sim, "script '%s': %s", rq->script,
                      jobs_is_dir(script) ? "is a folder, not a script"
                      : access(script, F_OK) == 0 ? "cannot be read"
                                                  : "no such file");
    char *main_dir = dir_of(script);
    s.main_dir = main_dir;
    if (st == GS_OK)
        st = take(&s, script, dest_for(f, script, base_of(script)));
    for (int i = 0; st == GS_OK && i < rq->ninputs; i++) {
        char *p = absolute(cwd, rq->inputs[i]);
        if (jobs_is_dir(p))
            st = take_tree(&s, p, rel_or(f, p, base_of(p)));
        else if (jobs_is_file(p))
            st = take(&s, p, dest_for(f, p, base_of(p)));
        else
            st = gs_error(sim, "input '%s': %s", rq->inputs[i],
                          access(p, F_OK) == 0 ? "cannot be read" : "no such file or folder");
        free(p);
    }
    if (st == GS_OK)
        st = follow(&s);
    for (int i = 0; i < s.nrefs; i++) {
        free(s.refs[i].name);
        free(s.refs[i].from);
    }
    free(s.refs);
    free(s.libdir);
    free(main_dir);
    free(script);
    if (st != GS_OK)
        job_files_free(f);
    return st;
}

void
job_files_free(struct job_files *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->src[i]);
        free(f->dest[i]);
    }
    free(f->src);
    free(f->dest);
    free(f->cwd);
    memset(f, 0, sizeof *f);
}
