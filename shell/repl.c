/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * repl.c: the prompt. "gensh #N > " reads SLI (N counts entries, like
 * genesis), continues lines inside open blocks and after a trailing '\',
 * switches to Lua with `lua` until `endlua`, keeps a history file and
 * completes commands, variables and element paths. Without readline (or
 * with -notty) it reads plain lines.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "../interp/interp.h"
#include "../models/core/bgstep.h"
#include "../parallel/par.h"
#include "repl.h"
#include "signals.h"

struct repl {
    struct gs_sim *sim;
    bool editor;      /* readline in use */
    bool lua_mode;    /* between `lua` and `endlua` */
    int count;        /* entries run, shown in the prompt */
    char *history;    /* history file, or NULL */
};

/* Output made while the prompt is shown, held back so that it does not
 * land in the middle of the prompt line. */
struct held {
    char *out, *err;
    size_t nout, nerr;
};

static void
held_free(struct held *h)
{
    free(h->out);
    free(h->err);
}

/* A background step runs in slices this long while the prompt waits, so
 * that keys typed meanwhile are answered within a blink. */
#define BACKGROUND_SLICE_S 0.02

/* What runs while the prompt waits: a slice of a `step -background`, then
 * the requests other nodes sent (remote commands, their echo and error
 * lines), with sim->out and sim->err going into H. Returns false when the
 * run must end (quit from node 0's peers, an interrupt). */
static bool
serve_others(struct gs_sim *sim, struct held *h)
{
    memset(h, 0, sizeof *h);
    bool background = bgstep_pending(sim);
    if (par_size(sim) < 2 && !background)
        return !sim->quit_requested;
    FILE *o = open_memstream(&h->out, &h->nout), *e = open_memstream(&h->err, &h->nerr);
    FILE *so = sim->out, *se = sim->err;
    if (o && e) {
        sim->out = o;
        sim->err = e;
    }
    if (background) {
        /* Ctrl-C interrupts the step, pressed while it runs or just before. */
        signals_at_prompt(false);
        if (signals_prompt_interrupted())
            sim->interrupted = 1;
        enum gs_status st = bgstep_run(sim, BACKGROUND_SLICE_S);
        signals_at_prompt(true);
        if (st != GS_OK) {
            interp_report(sim, "", "step");
            interp_clear_stop(sim); /* the interrupt ended the step, not the prompt */
        }
    }
    bool go_on = par_size(sim) < 2 ? !sim->quit_requested : par_service(sim) == GS_OK;
    sim->out = so;
    sim->err = se;
    if (o)
        fclose(o);
    if (e)
        fclose(e);
    return go_on;
}

/* Writes what H holds to the real streams. Node 0 of a parallel run
 * writes the error lines to stdout too: the MPI launcher forwards its
 * stdout and stderr separately, and would let them overtake the prompt
 * or the lines printed just before them. */
static void
show_held(struct gs_sim *sim, const struct held *h)
{
    FILE *o = sim->out ? sim->out : stdout, *e = sim->err ? sim->err : stderr;
    if (par_size(sim) > 1)
        e = o;
    fwrite(h->out, 1, h->nout, o);
    fflush(o);
    fwrite(h->err, 1, h->nerr, e);
    fflush(e);
}

/* How long the prompt waits for a key before it serves windows and other
 * nodes again. */
#define IDLE_WAIT_US 20000

#ifdef HAVE_READLINE
/* Readline's completion callback has no user argument. */
static struct gs_sim *complete_sim;

struct cand_list {
    char **v;
    size_t n, cap;
};

static bool
collect(const char *cand, void *arg)
{
    struct cand_list *cl = arg;
    if (cl->n + 1 >= cl->cap) {
        cl->cap = cl->cap ? cl->cap * 2 : 32;
        cl->v = xreallocarray(cl->v, cl->cap, sizeof *cl->v);
    }
    cl->v[cl->n++] = xstrdup(cand);
    return cl->n < 10000;
}

static char *
next_candidate(const char *text, int state)
{
    static struct cand_list cl;
    static size_t next;
    static bool at_command;
    if (state == 0) {
        for (size_t i = next; i < cl.n; i++)
            free(cl.v[i]);
        cl.n = 0;
        next = 0;
        /* The first word of a line (or after ';') is a command. */
        int i = rl_point - (int)strlen(text) - 1;
        while (i >= 0 && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
            i--;
        at_command = i < 0 || rl_line_buffer[i] == ';' || rl_line_buffer[i] == '{';
        interp_complete(complete_sim, text, at_command, collect, &cl);
    }
    return next < cl.n ? cl.v[next++] : NULL;
}

static char **
complete_word(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1; /* no file-name fallback */
    return rl_completion_matches(text, next_candidate);
}

/* While readline waits for keys: keep the windows live, and run other
 * nodes' requests with their output held back; what they printed appears
 * above the prompt, which readline draws again with the typed text. */
static int
service_while_idle(void)
{
    struct gs_sim *sim = complete_sim;
    if (sim->gui_pump)
        sim->gui_pump(sim, false);
    struct held h;
    bool go_on = serve_others(sim, &h);
    if (h.nout || h.nerr) {
        rl_clear_visible_line();
        show_held(sim, &h);
        rl_on_new_line();
        rl_redisplay();
    }
    held_free(&h);
    if (!go_on || sim->quit_requested)
        rl_done = 1; /* quit (from a window or another node): leave the prompt */
    /* Keys are looked for between slices while a background step runs. */
    rl_set_keyboard_input_timeout(bgstep_pending(sim) ? 1000 : IDLE_WAIT_US);
    return 0;
}

static void
clear_line_on_interrupt(void)
{
    /* Ctrl-C at the prompt: drop the line, show a fresh prompt. */
    ssize_t n = write(STDOUT_FILENO, "\n", 1);
    (void)n;
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_redisplay();
}
#endif

/* Is a person typing? A terminal, or (node 0 of a parallel run, whose
 * stdin the MPI launcher forwards through a pipe) the launcher's terminal. */
bool
repl_interactive(void)
{
    const char *tty = getenv("GENSH_STDIN_TTY");
    return isatty(STDIN_FILENO) || (tty && strcmp(tty, "1") == 0);
}

/* Does stdio hold input that poll(2) cannot see? */
static bool
stdin_buffered(void)
{
#ifdef __GLIBC__
    return stdin->_IO_read_ptr < stdin->_IO_read_end;
#else
    return false;
#endif
}

/* Does anything run while the prompt waits: windows, other nodes, a
 * background step? */
static bool
busy_while_waiting(struct gs_sim *sim)
{
    return sim->gui_pump || par_size(sim) > 1 || bgstep_pending(sim);
}

/* Waits for a line without readline: keeps the windows live and runs
 * other nodes' requests meanwhile. Their output is printed above the
 * prompt, which is drawn again (what was typed stays in the terminal's
 * line buffer and is read as typed). Returns false when the run must end
 * (quit from a window or from another node, an interrupt). */
static bool
wait_for_line(struct repl *r, const char *prompt)
{
    struct gs_sim *sim = r->sim;
    bool shown = repl_interactive();
    /* What the last line printed shows while the prompt waits, also on
     * a pipe or file (a script driving the windows reads it there). */
    if (busy_while_waiting(sim) && !stdin_buffered())
        fflush(stdout);
    while (busy_while_waiting(sim) && !stdin_buffered()) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        int rc = poll(&p, 1, bgstep_pending(sim) ? 0 : IDLE_WAIT_US / 1000);
        if (rc > 0 || (rc < 0 && errno != EINTR))
            break; /* a line, end of input or an error: the read says which */
        if (sim->gui_pump)
            sim->gui_pump(sim, false);
        struct held h;
        bool go_on = serve_others(sim, &h);
        if (h.nout || h.nerr) {
            if (shown)
                fputs("\r\033[K", stdout);
            show_held(sim, &h);
            if (shown) {
                fputs(prompt, stdout);
                fflush(stdout);
            }
        }
        held_free(&h);
        if (!go_on || sim->quit_requested || sim->interrupted)
            return false;
    }
    return true;
}

/* Reads one line with PROMPT; returns a new string or NULL at end of input. */
static char *
read_line(struct repl *r, const char *prompt)
{
#ifdef HAVE_READLINE
    if (r->editor)
        return readline(prompt);
#endif
    if (repl_interactive()) {
        fputs(prompt, stdout);
        fflush(stdout);
    }
    /* With windows or other nodes, stdin is polled (and unbuffered in a
     * parallel run, so that no typed line hides in stdio's buffer). */
    if (!wait_for_line(r, prompt))
        return NULL;
    struct strbuf sb = STRBUF_INIT;
    int c;
    while ((c = getchar()) != EOF && c != '\n')
        sb_putc(&sb, (char)c);
    if (c == EOF && sb.len == 0) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

static bool
ends_with_backslash(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return n && s[n - 1] == '\\';
}

/* Is LINE exactly WORD, apart from blanks? */
static bool
is_word(const char *line, const char *word)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(word);
    if (strncmp(line, word, n) != 0)
        return false;
    line += n;
    while (*line == ' ' || *line == '\t' || *line == '\r')
        line++;
    return *line == '\0';
}

/* Reads a whole entry (with continuation lines); NULL at end of input. */
static char *
read_entry(struct repl *r)
{
    char prompt[64], more[64];
    snprintf(prompt, sizeof prompt, r->lua_mode ? "gensh lua #%d > " : "gensh #%d > ", r->count);
    snprintf(more, sizeof more, "%*s", (int)strlen(prompt), "... ");
    signals_at_prompt(true);
    par_at_prompt(r->sim, true);
    char *line = read_line(r, prompt);
    par_at_prompt(r->sim, false);
    if (!line || r->sim->quit_requested) {
        signals_at_prompt(false);
        free(line);
        return NULL;
    }
    struct strbuf entry = STRBUF_INIT;
    if (!r->lua_mode && line[0] == '!') {
        /* GENESIS's recall (!!, !N, !prefix): the entry is shown, then run. */
        if (interp_history_recall(r->sim, line, &entry) != GS_OK) {
            interp_report(r->sim, NULL, NULL);
            entry.len = 0;
        } else {
            printf("%s\n", sb_str(&entry));
        }
    } else {
        sb_puts(&entry, line);
    }
    free(line);
    for (;;) {
        bool need;
        if (r->lua_mode && is_word(sb_str(&entry), "endlua"))
            break;
        if (r->lua_mode)
            need = interp_lua_needs_more(r->sim, sb_str(&entry)) == INTERP_NEEDS_MORE;
        else
            need = ends_with_backslash(sb_str(&entry))
                   || interp_sli_needs_more(r->sim, sb_str(&entry)) == INTERP_NEEDS_MORE;
        if (!need)
            break;
        line = read_line(r, more);
        if (!line)
            break; /* end of input inside a block: run it and let it fail */
        sb_putc(&entry, '\n');
        sb_puts(&entry, line);
        free(line);
    }
    signals_at_prompt(false);
    return sb_take(&entry);
}

static void
run_entry(struct repl *r, const char *entry)
{
    const char *p = entry;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0')
        return;
#ifdef HAVE_READLINE
    if (r->editor)
        add_history(entry);
#endif
    interp_history_add(r->sim, entry);
    r->count++;
    unsigned long nerrors = r->sim->nerrors;
    if (r->lua_mode) {
        if (is_word(p, "endlua"))
            r->lua_mode = false;
        else
            interp_eval_lua(r->sim, entry);
    } else if (is_word(p, "lua")) {
        r->lua_mode = true;
    } else if (strncmp(p, "lua", 3) == 0 && (p[3] == ' ' || p[3] == '\t')) {
        interp_eval_lua(r->sim, p + 4); /* the rest of the line, untouched by SLI */
    } else {
        interp_eval_sli(r->sim, entry);
        /* GENESIS's acknowledgement of create, setfield, addmsg... */
        if (r->sim->nerrors == nerrors && interp_entry_acknowledged(r->sim, entry))
            puts("OK");
    }
    interp_clear_stop(r->sim);
    fflush(stdout);
    if (r->sim->gui_pump)
        r->sim->gui_pump(r->sim, true); /* what the entry changed shows at once */
}

void
repl_run(struct gs_sim *sim, bool use_editor)
{
    struct repl r = {.sim = sim, .count = 0};
    if (par_size(sim) > 1)
        setvbuf(stdin, NULL, _IONBF, 0); /* see read_line */
#ifdef HAVE_READLINE
    r.editor = use_editor && isatty(STDIN_FILENO);
    if (r.editor) {
        const char *home = getenv("HOME");
        complete_sim = sim;
        rl_readline_name = "gensh";
        rl_attempted_completion_function = complete_word;
        rl_basic_word_break_characters = " \t\n\";{}()=,";
        rl_catch_signals = 0;
        /* Other nodes' requests and window events are handled while
         * readline waits for keys (a window may open at any time). */
        rl_event_hook = service_while_idle;
        rl_set_keyboard_input_timeout(IDLE_WAIT_US);
        if (home) {
            r.history = xasprintf("%s/.gensh_history", home);
            read_history(r.history);
        }
        signals_install(sim, clear_line_on_interrupt);
    } else {
        signals_install(sim, NULL);
    }
#else
    (void)use_editor;
    signals_install(sim, NULL);
#endif
    while (!sim->quit_requested && !signals_terminate_requested()) {
        char *entry = read_entry(&r);
        if (!entry) {
            if (repl_interactive() && !sim->quit_requested)
                putchar('\n');
            break;
        }
        run_entry(&r, entry);
        free(entry);
    }
#ifdef HAVE_READLINE
    if (r.history) {
        stifle_history(1000);
        write_history(r.history);
        free(r.history);
    }
#endif
}
