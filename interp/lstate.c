/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lstate.c: the simulator object and its one Lua state: creation, the
 * `gensh` module table, running files and prompt entries under the error
 * policy (report, go on; stop everything under -strict), start-up files.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lualib.h>

#include "../models/core/model.h"
#include "../models/regions/region.h"
#include "../models/solver/sclass.h"
#include "../parallel/par.h"
#include "../parallel/rnet.h"
#include "cmd.h"
#include "interp_int.h"
#include "sli/sli.h"

#ifndef GS_DATADIR
#define GS_DATADIR "/usr/local/share/gensh"
#endif

static const char STOP_KEY = 'T';

bool
interp_stopping(struct gs_sim *sim)
{
    return sim->interp && sim->interp->stopping;
}

int
lb_raise_stop(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &STOP_KEY);
    return lua_error(L);
}

static bool
is_stop(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx); /* the push below would move a relative index */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &STOP_KEY);
    bool same = lua_rawequal(L, idx, -1);
    lua_pop(L, 1);
    return same;
}

/* gensh.report(msg): print an error line; returns true when the scripts
 * must stop (-strict, -maxerrors). */
static int
l_report(lua_State *L)
{
    struct gs_sim *sim = lb_sim(L);
    interp_report_msg(sim, luaL_checkstring(L, 1));
    if (sim->opt.strict)
        sim->interp->stopping = true;
    lua_pushboolean(L, sim->interp->stopping); /* -strict, or -maxerrors reached */
    return 1;
}

/* gensh.suggest(name): "a, b" of the nearest command names, or nil. */
static int
l_suggest(lua_State *L)
{
    const char *near[4];
    int n = gs_cmd_suggest(luaL_checkstring(L, 1), near, 4);
    if (n == 0)
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < n; i++) {
        if (i)
            luaL_addstring(&b, n == 2 || i < n - 1 ? (i == n - 1 ? " or " : ", ") : " or ");
        luaL_addstring(&b, near[i]);
    }
    luaL_pushresult(&b);
    return 1;
}

int
interp_load_sli(lua_State *L, const char *text, size_t len, const char *chunkname)
{
    struct strbuf lua = STRBUF_INIT, err = STRBUF_INIT;
    struct sli_options opt = {.markers = false};
    const char *shown = chunkname[0] == '@' || chunkname[0] == '=' ? chunkname + 1 : chunkname;
    enum sli_status st = sli_compile(text, len, shown, &opt, &lua, &err);
    int rc;
    if (st == SLI_OK) {
        rc = luaL_loadbuffer(L, sb_str(&lua), lua.len, chunkname);
    } else {
        lua_pushstring(L, st == SLI_INCOMPLETE && err.len == 0 ? "unexpected end of input"
                                                               : sb_str(&err));
        rc = LUA_ERRSYNTAX;
    }
    sb_free(&lua);
    sb_free(&err);
    return rc;
}

/* gensh.run_sli(text[, chunkname]): compile and run SLI text here. */
static int
l_run_sli(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=sli");
    if (interp_load_sli(L, text, len, name) != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, LUA_MULTRET);
    return lua_gettop(L) - 2;
}

enum gs_status
interp_pcall(struct gs_sim *sim, int nargs)
{
    lua_State *L = sim->interp->L;
    if (lua_pcall(L, nargs, 0, 0) == LUA_OK)
        return GS_OK;
    if (is_stop(L, -1)) {
        sim->interp->stopping = true;
    } else {
        const char *msg = lua_tostring(L, -1);
        interp_report_msg(sim, msg ? msg : "error object is not a string");
        if (sim->opt.strict)
            sim->interp->stopping = true;
    }
    lua_pop(L, 1);
    return GS_ERR;
}

/* The count hook installed by interp_interrupt: unwinds running Lua. */
static void
interrupt_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    struct gs_sim *sim = lb_sim(L);
    lua_sethook(L, NULL, 0, 0);
    if (!sim->interrupted)
        return;
    if (!sim->interp->stopping) {
        interp_report_msg(sim, "interrupted");
        sim->interp->stopping = true;
    }
    lb_raise_stop(L);
}

void
interp_interrupt(struct gs_sim *sim)
{
    /* lua_sethook is documented as safe to call from a signal handler. */
    if (sim->interp)
        lua_sethook(sim->interp->L, interrupt_hook,
                    LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void
interp_clear_stop(struct gs_sim *sim)
{
    sim->interrupted = 0;
    sim->interp->stopping = false;
    lua_sethook(sim->interp->L, NULL, 0, 0);
}

static struct interp *
interp_new(struct gs_sim *sim, const char *datadir)
{
    struct interp *in = xcalloc(1, sizeof *in);
    in->sim = sim;
    in->datadir = xstrdup(datadir ? datadir : GS_DATADIR);
    lua_State *L = luaL_newstate();
    if (!L)
        GS_BUG("cannot create the Lua state");
    in->L = L;
    sim->interp = in;
    luaL_openlibs(L);
    lb_set_sim(L, sim);

    lua_newtable(L); /* the STOP sentinel: a unique table */
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &STOP_KEY);
    lua_newtable(L); /* STOP gensh */
    lua_insert(L, -2);
    lua_setfield(L, -2, "STOP");
    static const luaL_Reg fns[] = {
        {"report", l_report},
        {"suggest", l_suggest},
        {"run_sli", l_run_sli},
        {NULL, NULL},
    };
    luaL_setfuncs(L, fns, 0);
    interp_register_autoshell(L);
    for (const char *const *t = (const char *const[]){"C", "F", "S", "R", "types", NULL}; *t; t++) {
        lua_newtable(L);
        lua_setfield(L, -2, *t);
    }
    lua_pushboolean(L, sim->opt.strict);
    lua_setfield(L, -2, "strict");
    lua_setglobal(L, "gensh");
    lb_register_commands(L);
    lb_register_elements(L);

    if (luaL_loadbuffer(L, sli_runtime_lua, sli_runtime_lua_len, "=[sli runtime]") != LUA_OK
        || lua_pcall(L, 0, 0, 0) != LUA_OK)
        GS_BUG("the SLI runtime failed to load: %s", lua_tostring(L, -1));
    return in;
}

static void
interp_free(struct interp *in)
{
    if (!in)
        return;
    io_files_free(in->files); /* flushed and closed, as every output file */
    dump_state_free(in->dump);
    interp_repeats_free(in->repeats);
    free(in->shift_rest);
    interp_history_free(in->history);
    lua_close(in->L);
    free(in->datadir);
    free(in);
}

struct io_files **
interp_io_files(struct gs_sim *sim)
{
    return &sim->interp->files;
}

char **
interp_shift_rest(struct gs_sim *sim)
{
    return &sim->interp->shift_rest;
}

struct dump_state **
interp_dump_state(struct gs_sim *sim)
{
    return &sim->interp->dump;
}

struct gs_sim *
gs_sim_new(const struct gs_options *opt, const char *datadir)
{
    struct gs_sim *sim = xcalloc(1, sizeof *sim);
    if (opt)
        sim->opt = *opt;
    sim->out = stdout;
    sim->err = stderr;
    snprintf(sim->tag, sizeof sim->tag, "gensh");
    rng_seed(&sim->rng, sim->opt.seed);
    model_new(sim);
    gs_solver_install(sim);
    interp_new(sim, datadir);
    sim->run_words = interp_run_words;
    return sim;
}

void
gs_sim_free(struct gs_sim *sim)
{
    if (!sim)
        return;
    if (sim->gui_close)
        sim->gui_close(sim); /* the windows show elements: close them before */
    model_free(sim); /* first: classes close their files */
    par_free(sim);   /* a one-rank state made on demand (the shell finalises its own) */
    rnet_free(sim);  /* remote messages (raddmsg, rvolumeconnect) */
    regions_free(sim);
    interp_free(sim->interp);
    gs_diag_free(sim);
    free(sim);
}

/* Reads a whole file; returns a new buffer (caller frees) or NULL with errno. */
static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf sb = STRBUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_append(&sb, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_free(&sb);
        errno = EIO;
        return NULL;
    }
    *len = sb.len;
    return sb_take(&sb);
}

static bool
has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), m = strlen(ext);
    return n > m && strcmp(path + n - m, ext) == 0;
}

static bool
is_readable_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* Tries DIR/NAME and DIR/NAME.EXT. */
static char *
try_dir(const char *dir, const char *name, const char *ext)
{
    char *p = dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
    if (is_readable_file(p))
        return p;
    free(p);
    if (!ext || has_ext(name, ext))
        return NULL;
    p = dir ? xasprintf("%s/%s%s", dir, name, ext) : xasprintf("%s%s", name, ext);
    if (is_readable_file(p))
        return p;
    free(p);
    return NULL;
}

char *
interp_find_file(struct gs_sim *sim, const char *name, const char *ext)
{
    char *found = try_dir(NULL, name, ext);
    if (found || name[0] == '/')
        return found;
    /* SIMPATH: colon- or blank-separated directories, as in GENESIS. */
    const char *simpath = getenv("SIMPATH");
    if (simpath) {
        char *copy = xstrdup(simpath), *save = NULL;
        for (char *d = strtok_r(copy, ": \t", &save); d && !found; d = strtok_r(NULL, ": \t", &save))
            found = try_dir(d, name, ext);
        free(copy);
    }
    if (!found)
        found = try_dir(sim->interp->datadir, name, ext);
    return found;
}

static enum gs_status
run_loaded(struct gs_sim *sim, int argc, char **argv)
{
    lua_State *L = sim->interp->L;
    luaL_checkstack(L, argc + 2, "too many script arguments");
    for (int i = 0; i < argc; i++)
        lua_pushstring(L, argv[i]);
    sim->interp->depth++;
    enum gs_status st = interp_pcall(sim, argc);
    sim->interp->depth--;
    if (sim->interp->depth == 0) {
        interp_report_repeats(sim);
        if (!sim->opt.strict)
            sim->interp->stopping = false;
    }
    return st;
}

enum gs_status
interp_run_file(struct gs_sim *sim, const char *path, int argc, char **argv)
{
    lua_State *L = sim->interp->L;
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s: cannot read script: %s", path, strerror(errno));
        interp_report_msg(sim, msg);
        return GS_ERR;
    }
    char *chunk = xasprintf("@%s", path);
    int rc;
    if (has_ext(path, ".lua")) {
        /* Skip a #! line the way lua.c does, keeping line numbers. */
        const char *src = text;
        size_t n = len;
        if (n > 1 && src[0] == '#' && src[1] == '!') {
            while (n && *src != '\n')
                src++, n--;
        }
        rc = luaL_loadbuffer(L, src, n, chunk);
    } else {
        rc = interp_load_sli(L, text, len, chunk);
    }
    free(chunk);
    free(text);
    if (rc != LUA_OK) {
        interp_report_msg(sim, lua_tostring(L, -1));
        lua_pop(L, 1);
        if (sim->opt.strict)
            sim->interp->stopping = true;
        return GS_ERR;
    }
    return run_loaded(sim, argc, argv);
}

enum gs_status
interp_emit_lua(struct gs_sim *sim, const char *path, struct strbuf *out)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s: cannot read script: %s", path, strerror(errno));
        interp_report_msg(sim, msg);
        return GS_ERR;
    }
    struct strbuf err = STRBUF_INIT;
    struct sli_options opt = {.markers = true};
    enum sli_status st = sli_compile(text, len, path, &opt, out, &err);
    free(text);
    if (st != SLI_OK)
        interp_report_msg(sim, err.len ? sb_str(&err) : "unexpected end of input");
    sb_free(&err);
    return st == SLI_OK ? GS_OK : GS_ERR;
}

enum interp_more
interp_sli_needs_more(struct gs_sim *sim, const char *text)
{
    struct strbuf lua = STRBUF_INIT, err = STRBUF_INIT;
    struct sli_options opt = {.markers = false};
    enum sli_status st = sli_compile(text, strlen(text), "stdin", &opt, &lua, &err);
    sb_free(&lua);
    sb_free(&err);
    return st == SLI_INCOMPLETE ? INTERP_NEEDS_MORE : INTERP_COMPLETE;
}

enum interp_more
interp_lua_needs_more(struct gs_sim *sim, const char *text)
{
    lua_State *L = sim->interp->L;
    /* As lua.c: a syntax error at <eof> means the chunk is unfinished. */
    int rc = luaL_loadbuffer(L, text, strlen(text), "=stdin");
    enum interp_more more = INTERP_COMPLETE;
    if (rc == LUA_ERRSYNTAX) {
        size_t n;
        const char *msg = lua_tolstring(L, -1, &n);
        if (n >= 5 && strcmp(msg + n - 5, "<eof>") == 0)
            more = INTERP_NEEDS_MORE;
    }
    lua_pop(L, 1);
    return more;
}

static enum gs_status
finish_entry(struct gs_sim *sim, int rc)
{
    lua_State *L = sim->interp->L;
    if (rc != LUA_OK) {
        interp_report_msg(sim, lua_tostring(L, -1));
        lua_pop(L, 1);
        return GS_ERR;
    }
    enum gs_status st = run_loaded(sim, 0, NULL);
    /* At the prompt a -strict stop ends only the entry, not the shell. */
    sim->interp->stopping = false;
    return st;
}

enum gs_status
interp_eval_sli(struct gs_sim *sim, const char *text)
{
    return finish_entry(sim, interp_load_sli(sim->interp->L, text, strlen(text), "=stdin"));
}

enum gs_status
interp_eval_lua(struct gs_sim *sim, const char *text)
{
    lua_State *L = sim->interp->L;
    /* As lua.c: try it as an expression first, so values print. */
    char *ret = xasprintf("local v = table.pack(%s) if v.n > 0 then print(table.unpack(v, 1, v.n)) end", text);
    int rc = luaL_loadbuffer(L, ret, strlen(ret), "=stdin");
    free(ret);
    if (rc != LUA_OK) {
        lua_pop(L, 1);
        rc = luaL_loadbuffer(L, text, strlen(text), "=stdin");
    }
    return finish_entry(sim, rc);
}

enum gs_status
interp_startup(struct gs_sim *sim, bool nosimrc, const char *altsimrc)
{
    enum gs_status st = GS_OK;
    char *sys = xasprintf("%s/startup.g", sim->interp->datadir);
    if (is_readable_file(sys))
        st = interp_run_file(sim, sys, 0, NULL);
    free(sys);
    if (st != GS_OK || nosimrc)
        return st;
    if (altsimrc) {
        if (!is_readable_file(altsimrc)) {
            char msg[1200];
            snprintf(msg, sizeof msg, "%s: cannot read startup file: %s", altsimrc,
                     access(altsimrc, F_OK) == 0 ? "permission denied or not a file"
                                                 : "no such file");
            interp_report_msg(sim, msg);
            return GS_ERR;
        }
        return interp_run_file(sim, altsimrc, 0, NULL);
    }
    const char *home = getenv("HOME");
    if (!home)
        return GS_OK;
    char *rc = xasprintf("%s/.gshrc", home);
    if (access(rc, F_OK) == 0)
        st = interp_run_file(sim, rc, 0, NULL);
    free(rc);
    return st;
}

enum gs_status
interp_eval_lua_chunk(struct gs_sim *sim, const char *text, const char *origin)
{
    lua_State *L = sim->interp->L;
    char *name = xasprintf("=%s", origin && origin[0] ? origin : "lua");
    int rc = luaL_loadbuffer(L, text, strlen(text), name);
    free(name);
    if (rc == LUA_OK)
        rc = lua_pcall(L, 0, 0, 0);
    if (rc == LUA_OK)
        return GS_OK;
    if (is_stop(L, -1)) {
        lua_pop(L, 1);
        return GS_ERR;
    }
    gs_error(sim, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error object is not a string");
    lua_pop(L, 1);
    return GS_ERR;
}

void
interp_script_functions(struct gs_sim *sim, bool (*fn)(const char *name, void *arg), void *arg)
{
    lua_State *L = sim->interp->L;
    lua_getglobal(L, "gensh");
    lua_getfield(L, -1, "F"); /* gensh F */
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && !fn(lua_tostring(L, -1), arg)) {
            lua_pop(L, 1);
            break;
        }
    }
    lua_pop(L, 2);
}
