/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par.c: the parallel state of one rank: creating and freeing it, zones
 * (PGENESIS paron -farm/-parallel/-mixed), the /post settings, the
 * lookahead store, this rank's activity (for the others' timeout
 * messages) and aborting the job. The protocol lives in service.c,
 * meet.c, remote.c and finish.c; the transport in par_mpi.c/par_serial.c.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../models/basic/postmaster.h"
#include "par_int.h"
#include "rnet.h"

bool
par_in_job(void)
{
    /* Open MPI's mpirun, PMI/PMIx launchers (MPICH's hydra, srun with
     * --mpi=pmi*), and a Slurm job step. */
    static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK",
                                       "PMI_SIZE", "MPI_LOCALNRANKS", NULL};
    for (int i = 0; vars[i]; i++)
        if (getenv(vars[i]))
            return true;
    return getenv("SLURM_STEP_ID") && getenv("SLURM_PROCID");
}

int
par_launch(int nodes, bool oversubscribe, int argc, char **argv)
{
    if (nodes <= 1 || par_in_job())
        return -1;
    /* A few ranks a core are normal (PGENESIS scripts ask for more nodes
     * than a workstation has cores); hundreds bring the machine down. */
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu > 0 && nodes > RANKS_PER_CORE_MAX * ncpu && !oversubscribe) {
        fprintf(stderr,
                "gensh: -nodes %d: this machine has %ld core%s; more than %ld ranks (%d a core) "
                "would overload it (give -oversubscribe to start them anyway)\n",
                nodes, ncpu, ncpu == 1 ? "" : "s", RANKS_PER_CORE_MAX * ncpu, RANKS_PER_CORE_MAX);
        return 2;
    }
    return tr_launch(nodes, argc, argv);
}

struct par *
par_new(struct gs_sim *sim)
{
    struct par *p = xcalloc(1, sizeof *p);
    p->sim = sim;
    p->rank = 0;
    p->size = 1;
    p->set.msg_hang_time = 120.0; /* PGENESIS's default */
    p->set.pvm_hang_time = 3.0;
    p->set.sync_before_step = true;
    p->next_req = 1;
    p->next_call = 1;
    p->next_future = 1;
    p->next_query = 1;
    p->out_fd = -1;
    p->note_override = -1;
    return p;
}

/* Sizes the per-rank arrays once the rank count is known. */
static void
par_size_arrays(struct par *p)
{
    p->peer_state = xcalloc((size_t)p->size, sizeof *p->peer_state);
    p->peer_errors = xcalloc((size_t)p->size, sizeof *p->peer_errors);
    p->la_set = xcalloc((size_t)p->size, sizeof *p->la_set);
    p->la_auto = xcalloc((size_t)p->size, sizeof *p->la_auto);
    par_layout_single(p);
}

void
par_layout_single(struct par *p)
{
    free(p->zone_start);
    free(p->zone_size);
    p->nzones = 1;
    p->zone_start = xcalloc(1, sizeof *p->zone_start);
    p->zone_size = xcalloc(1, sizeof *p->zone_size);
    p->zone_size[0] = p->size;
    p->myzone = 0;
    p->mynode = p->rank;
}

void
par_layout_of(struct par *p, struct par_layout *lay)
{
    lay->nzones = p->nzones;
    lay->zone_start = p->zone_start;
    lay->zone_size = p->zone_size;
    lay->me = p->rank;
}

void
par_group_range(struct par *p, int group, int *first, int *n)
{
    if (group == PAR_GROUP_WORLD) {
        *first = 0;
        *n = p->size;
    } else {
        *first = p->zone_start[p->myzone];
        *n = p->zone_size[p->myzone];
    }
}

struct par *
par_get(struct gs_sim *sim)
{
    if (!sim->par) {
        sim->par = par_new(sim);
        par_size_arrays(sim->par);
    }
    return sim->par;
}

/* --- fatal signals ------------------------------------------------------------------ */

/* A rank that crashes says so, with its number, before the MPI launcher
 * ends the job (and names it once more). The handler can only use what
 * it was given beforehand: the line is made at start-up. These statics
 * are per process, like the signal dispositions they go with. */
static char fatal_prefix[48];
static struct sigaction fatal_old[NSIG];
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

static void
on_fatal(int signo)
{
    const char *name = signo == SIGSEGV ? "segmentation fault"
                       : signo == SIGBUS ? "bus error"
                       : signo == SIGFPE ? "arithmetic exception"
                       : signo == SIGILL ? "illegal instruction"
                                         : "aborted";
    ssize_t w = write(STDERR_FILENO, fatal_prefix, strlen(fatal_prefix));
    w = write(STDERR_FILENO, name, strlen(name));
    static const char tail[] = "; ending the job on every node\n";
    w = write(STDERR_FILENO, tail, sizeof tail - 1);
    (void)w;
    /* Then whatever was there before (Open MPI's backtrace), or the default. */
    sigaction(signo, &fatal_old[signo], NULL);
    raise(signo);
}

static void
catch_fatal_signals(int rank)
{
    snprintf(fatal_prefix, sizeof fatal_prefix, "gensh[%d]: fatal: ", rank);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, &fatal_old[fatal_signals[i]]);
}

enum gs_status
par_init(struct gs_sim *sim, int nodes)
{
    char err[512] = "";
    if (sim->par)
        GS_BUG("par_init called twice");
    struct par *p = par_new(sim);
    sim->par = p;
    if (tr_init(p, err, sizeof err) != GS_OK) {
        par_size_arrays(p);
        return gs_error(sim, "%s", err);
    }
    par_size_arrays(p);
    if (nodes > 0 && nodes != p->size) {
        if (p->mpi)
            return gs_error(sim,
                            "-nodes %d, but this MPI job has %d rank%s; start it with "
                            "'mpiexec -n %d' or leave out -nodes",
                            nodes, p->size, p->size == 1 ? "" : "s", nodes);
        return gs_error(sim, "-nodes %d: not inside an MPI job", nodes);
    }
    if (p->size > 1 && p->rank > 0) {
        par_output_prefix(p);
        /* Node 0 will have a person at its prompt (par_mpi.c's launcher
         * says whether its stdin is a terminal). */
        const char *tty = getenv("GENSH_STDIN_TTY");
        if (!sim->opt.batch && tty && strcmp(tty, "1") == 0)
            par_output_route(p);
    }
    if (p->size > 1) {
        /* E3: name the rank in diagnostics when there are several. */
        snprintf(sim->tag, sizeof sim->tag, "gensh[%d]", p->rank);
        sim->service = par_service;
        sim->step_begin = rnet_step_begin; /* every rank meets after reset */
        catch_fatal_signals(p->rank);
    }
    return GS_OK;
}

void
par_free(struct gs_sim *sim)
{
    struct par *p = sim ? sim->par : NULL;
    if (!p)
        return;
    par_output_restore(p);
    tr_free(p);
    for (size_t i = 0; i < p->npend; i++)
        par_result_free(&p->pend[i].res);
    free(p->pend);
    for (size_t i = 0; i < p->nfuts; i++)
        free(p->futs[i].label);
    free(p->futs);
    for (size_t i = p->inq_head; i < p->inq_head + p->inq_len; i++)
        free(p->inq[i % p->inq_cap].buf);
    free(p->inq);
    par_meet_free(p);
    for (size_t i = 0; i < p->ndata; i++)
        free(p->data[i].buf); /* NULL for taken ones */
    free(p->data);
    for (size_t i = 0; i < p->nanswers; i++)
        free(p->answers[i].desc);
    free(p->answers);
    free(p->zone_start);
    free(p->zone_size);
    free(p->peer_state);
    free(p->peer_errors);
    free(p->la_set);
    free(p->la_auto);
    free(p->output_name);
    free(p);
    sim->par = NULL;
    sim->service = NULL;
}

/* --- queries ----------------------------------------------------------------- */

int
par_rank(struct gs_sim *sim)
{
    return par_get(sim)->rank;
}

int
par_size(struct gs_sim *sim)
{
    return par_get(sim)->size;
}

int
par_mynode(struct gs_sim *sim)
{
    return par_get(sim)->mynode;
}

int
par_nnodes(struct gs_sim *sim)
{
    struct par *p = par_get(sim);
    return p->zone_size[p->myzone];
}

int
par_myzone(struct gs_sim *sim)
{
    return par_get(sim)->myzone;
}

int
par_nzones(struct gs_sim *sim)
{
    return par_get(sim)->nzones;
}

int
par_total_node(struct gs_sim *sim, int zone, int node)
{
    struct par *p = par_get(sim);
    if (zone < 0 || zone >= p->nzones || node < 0 || node >= p->zone_size[zone])
        return -1;
    return p->zone_start[zone] + node;
}

bool
par_is_on(struct gs_sim *sim)
{
    return par_get(sim)->on;
}

/* The /post element, if paron made it and it still exists. */
static struct postmaster *
post_element(struct par *p)
{
    if (!p->has_post || !p->sim->model)
        return NULL;
    struct gs_element *el = elem_from_handle(p->sim->model, p->post);
    if (!el || el->cls != &postmaster_class) {
        p->has_post = false; /* deleted: back to the settings as they were */
        return NULL;
    }
    return (struct postmaster *)el;
}

void
par_refresh_settings(struct par *p)
{
    const struct postmaster *pm = post_element(p);
    if (!pm)
        return;
    p->set.msg_hang_time = pm->msg_hang_time;
    p->set.pvm_hang_time = pm->pvm_hang_time;
    p->set.sync_before_step = pm->sync_before_step != 0;
}

const struct par_settings *
par_settings(struct gs_sim *sim)
{
    struct par *p = par_get(sim);
    par_refresh_settings(p);
    return &p->set;
}

/* paron: makes /post (PGENESIS's postmaster) with this node's numbers and
 * the current settings, unless the model has no tree (unit tests). */
static enum gs_status
post_create(struct par *p)
{
    struct gs_sim *sim = p->sim;
    if (!sim->model)
        return GS_OK;
    struct gs_element *root = path_lookup(sim, "/"), *el = NULL;
    struct gs_element *old = root ? elem_child(root, "post", 0) : NULL;
    if (!root)
        return GS_OK;
    if (old && old->cls != &postmaster_class)
        return gs_error(sim, "'/post' exists and is a %s, not the parallel library's postmaster",
                        old->cls->name);
    if (!old && elem_create(sim, &postmaster_class, root, "post", 0, &el) != GS_OK)
        return GS_ERR;
    struct postmaster *pm = (struct postmaster *)(old ? old : el);
    pm->mynode = p->mynode;
    pm->myzone = p->myzone;
    pm->nnodes = p->zone_size[p->myzone];
    pm->nzones = p->nzones;
    pm->totalnodes = p->size;
    if (!old) {
        pm->msg_hang_time = p->set.msg_hang_time;
        pm->pvm_hang_time = p->set.pvm_hang_time;
        pm->sync_before_step = p->set.sync_before_step;
    }
    p->post = elem_handle(&pm->el);
    p->has_post = true;
    return GS_OK;
}

static void
post_delete(struct par *p)
{
    struct postmaster *pm = post_element(p);
    if (pm) {
        par_refresh_settings(p); /* the settings outlive the element */
        elem_delete(p->sim, &pm->el);
    }
    p->has_post = false;
}

void
par_set_hooks(struct gs_sim *sim, const struct par_hooks *hooks)
{
    par_get(sim)->hooks = *hooks;
}

enum gs_status
par_nodelist(struct gs_sim *sim, const char *text, int **out, int *n)
{
    struct par *p = par_get(sim);
    struct par_layout lay;
    char err[512];
    par_layout_of(p, &lay);
    if (par_nodelist_parse(&lay, text, out, n, err, sizeof err) != GS_OK)
        return gs_error(sim, "%s", err);
    return GS_OK;
}

/* --- zones: paron and paroff ------------------------------------------------------ */

/* Builds the zones of SPEC for SIZE ranks (PGENESIS zones.c rules for
 * -mixed: "nnodes nzones" pairs; a value < 1 is derived from the other;
 * the nodes left over become one-node zones). */
static enum gs_status
make_zones(struct gs_sim *sim, const struct par_paron *spec, int size, int **start_out,
           int **size_out, int *nzones_out)
{
    int *start = xcalloc((size_t)size, sizeof *start);
    int *zsize = xcalloc((size_t)size, sizeof *zsize);
    int nz = 0;
    switch (spec->zoning) {
    case PAR_ZONES_PARALLEL:
        zsize[0] = size;
        nz = 1;
        break;
    case PAR_ZONES_FARM:
        for (nz = 0; nz < size; nz++) {
            start[nz] = nz;
            zsize[nz] = 1;
        }
        break;
    case PAR_ZONES_MIXED: {
        int node = 0;
        for (int k = 0; k + 1 < spec->nmixed; k += 2) {
            long nn = spec->mixed[k], zz = spec->mixed[k + 1];
            int left = size - node;
            if (nn < 1 && zz >= 1)
                nn = left / zz;
            else if (zz < 1 && nn >= 1)
                zz = left / nn;
            else if (nn < 1 && zz < 1) {
                zz = 1;
                nn = left;
            }
            if (nn * zz > left || nn < 1) {
                free(start);
                free(zsize);
                return gs_error(sim,
                                "-mixed %ld %ld: needs %ld nodes, but only %d are left of %d",
                                spec->mixed[k], spec->mixed[k + 1], nn * (zz > 0 ? zz : 1),
                                left, size);
            }
            for (long z = 0; z < zz; z++) {
                start[nz] = node;
                zsize[nz++] = (int)nn;
                node += (int)nn;
            }
        }
        while (node < size) { /* the rest: one-node zones */
            start[nz] = node++;
            zsize[nz++] = 1;
        }
        break;
    }
    }
    *start_out = start;
    *size_out = zsize;
    *nzones_out = nz;
    return GS_OK;
}

static void
set_layout(struct par *p, int *start, int *zsize, int nz)
{
    free(p->zone_start);
    free(p->zone_size);
    p->zone_start = start;
    p->zone_size = zsize;
    p->nzones = nz;
    for (int z = 0; z < nz; z++)
        if (p->rank >= start[z] && p->rank < start[z] + zsize[z]) {
            p->myzone = z;
            p->mynode = p->rank - start[z];
        }
}

/* A text form of SPEC that must match on every rank. */
static void
spec_key(const struct par_paron *spec, struct strbuf *sb)
{
    static const char *const names[] = {"-farm", "-parallel", "-mixed"};
    sb_puts(sb, names[spec->zoning]);
    for (int i = 0; spec->zoning == PAR_ZONES_MIXED && i < spec->nmixed; i++)
        sb_printf(sb, " %ld", spec->mixed[i]);
    if (spec->nodes > 0)
        sb_printf(sb, " -nodes %d", spec->nodes);
}

enum gs_status
par_paron(struct gs_sim *sim, const struct par_paron *spec, const char *where)
{
    struct par *p = par_get(sim);
    struct strbuf key = STRBUF_INIT;
    int *start = NULL, *zsize = NULL, nz = 0;
    enum gs_status st = GS_OK;

    /* Check locally first, then agree over every rank, so that a paron
     * refused on one rank is refused on all and nothing changes. */
    if (p->on) {
        st = gs_error(sim, "the parallel library is already on (paroff first)");
    } else if (spec->nodes > p->size) {
        /* PGENESIS stops here ("N nodes requested but only M PEs"). */
        st = gs_error(sim,
                      "the script asks for %d nodes (-nodes %d), but this run has only %d; "
                      "stopping (start it with 'gensh -nodes %d script')",
                      spec->nodes, spec->nodes, p->size, spec->nodes);
    } else if (spec->nodes > 0 && spec->nodes != p->size) {
        st = gs_error(sim,
                      "-nodes %d, but this run has %d node%s; start it with "
                      "'gensh -nodes %d script'",
                      spec->nodes, p->size, p->size == 1 ? "" : "s", spec->nodes);
    } else {
        st = make_zones(sim, spec, p->size, &start, &zsize, &nz);
    }
    spec_key(spec, &key);
    /* Every rank must ask for the same layout: compare the key through a
     * world meeting (the agreement carries the command text). */
    struct strbuf what = STRBUF_INIT;
    sb_printf(&what, "paron %s", sb_str(&key));
    enum gs_status agreed = par_agree_group(sim, PAR_GROUP_WORLD, sb_str(&what), st, where);
    sb_free(&what);
    sb_free(&key);
    if (agreed != GS_OK) {
        free(start);
        free(zsize);
        return GS_ERR;
    }
    set_layout(p, start, zsize, nz);
    p->on = true;
    p->zoning = spec->zoning;
    if (spec->silent >= 0)
        sim->opt.silent = spec->silent;
    enum gs_status st2 = post_create(p);
    if (st2 == GS_OK && spec->output && p->rank > 0)
        st2 = par_output_to_file(p, spec->output);
    return st2;
}

enum gs_status
par_paroff(struct gs_sim *sim, const char *where)
{
    struct par *p = par_get(sim);
    if (par_barrier(sim, true, PAR_BARRIER_PAROFF, 0, -1, where) != GS_OK)
        return GS_ERR;
    post_delete(p);
    par_layout_single(p);
    p->on = false;
    return GS_OK;
}

/* --- lookahead --------------------------------------------------------------------- */

void
par_set_lookahead(struct gs_sim *sim, int node, double value)
{
    struct par *p = par_get(sim);
    double v = value > 0 ? value : 0;
    if (node < 0) {
        for (int i = 0; i < p->size; i++)
            p->la_set[i] = v;
    } else if (node < p->size) {
        p->la_set[node] = v;
    }
}

double
par_get_lookahead(struct gs_sim *sim, int node)
{
    struct par *p = par_get(sim);
    if (node < 0 || node >= p->size)
        return 0;
    return p->la_set[node] > 0 ? p->la_set[node] : p->la_auto[node];
}

bool
par_lookahead_is_set(struct gs_sim *sim, int node)
{
    struct par *p = par_get(sim);
    return node >= 0 && node < p->size && p->la_set[node] > 0;
}

void
par_set_computed_lookahead(struct gs_sim *sim, int node, double min_delay)
{
    struct par *p = par_get(sim);
    if (node >= 0 && node < p->size)
        p->la_auto[node] = min_delay > 0 ? min_delay : 0;
}

/* --- activity ------------------------------------------------------------------------ */

void
par_push_activity(struct par *p, const char *what, const char *where, int serving)
{
    if (p->nacts < (int)(sizeof p->acts / sizeof p->acts[0])) {
        struct par_activity *a = &p->acts[p->nacts];
        snprintf(a->what, sizeof a->what, "%s", what ? what : "");
        snprintf(a->where, sizeof a->where, "%s", where ? where : "");
        a->serving = serving;
    }
    p->nacts++;
}

void
par_pop_activity(struct par *p)
{
    if (p->nacts > 0)
        p->nacts--;
}

void
par_set_activity(struct gs_sim *sim, const char *what, const char *where)
{
    struct par *p = sim->par;
    if (!p)
        return;
    /* A command's activity sits on top of whatever this rank was doing
     * (its script, or a request it runs); NULL takes it off again. */
    if (!what) {
        par_pop_activity(p);
        return;
    }
    par_push_activity(p, what, where, -1);
}

void
par_describe(struct par *p, struct strbuf *sb)
{
    int top = p->nacts < (int)(sizeof p->acts / sizeof p->acts[0])
                  ? p->nacts
                  : (int)(sizeof p->acts / sizeof p->acts[0]);
    if (p->state == PAR_FINISHING || p->state == PAR_CLOSING) {
        sb_puts(sb, "ending the run");
        return;
    }
    if (p->state == PAR_DONE && top == 0) {
        sb_puts(sb, "finished its script");
        return;
    }
    if (p->at_prompt && top == 0) {
        sb_puts(sb, "at the prompt");
        return;
    }
    if (top == 0 || !p->acts[top - 1].what[0]) {
        sb_puts(sb, "running its script");
        return;
    }
    const struct par_activity *a = &p->acts[top - 1];
    sb_puts(sb, a->what);
    if (a->where[0])
        sb_printf(sb, " (%s)", a->where);
}

void
par_note_command(struct gs_sim *sim, const char *name, const char *where)
{
    struct par *p = sim->par;
    if (p && p->board)
        tr_board_post(p, name, where);
}

void
par_at_prompt(struct gs_sim *sim, bool at_prompt)
{
    struct par *p = par_get(sim);
    if (p->at_prompt == at_prompt)
        return;
    p->at_prompt = at_prompt;
    p->state = at_prompt ? PAR_PROMPT : PAR_RUNNING;
}

/* --- abort ---------------------------------------------------------------------------- */

void
par_abort(struct gs_sim *sim, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct par *p = sim ? sim->par : NULL;
    fflush(NULL); /* every stdio stream: output files, stdout */
    if (p && p->size > 1)
        fprintf(stderr, "gensh[%d]: fatal: %s; ending the job on every node\n", p->rank, msg);
    else
        fprintf(stderr, "gensh: fatal: %s\n", msg);
    fflush(stderr);
    if (p)
        tr_abort(p, 3);
    exit(3);
}
