/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * par_mpi.c: the MPI transport, the only file in gensh that includes
 * <mpi.h> (STYLE L2), and the launcher that re-executes `gensh -nodes N`
 * under mpiexec.
 *
 * Transport: one duplicated communicator and one tag; every send is an
 * MPI_Isend whose buffer is kept until it completes, every receive an
 * MPI_Iprobe followed by a receive of exactly that message, so nothing
 * here ever blocks on another rank (par_int.h). Outside an MPI job the
 * transport stays off and the run has one rank, without MPI_Init.
 *
 * Launcher: mpiexec runs as a child of the gensh the user started, which
 * waits for it and exits with node 0's status (node 0 writes it to a file
 * named in GENSH_STATUS_FILE; every rank exits 0, so that Open MPI never
 * aborts the job because one rank's script had errors).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include <mpi.h>

#include "par_int.h"

#ifndef GS_MPIEXEC
#define GS_MPIEXEC "mpiexec"
#endif

enum { TAG = 7001 };

struct sendreq {
    MPI_Request req;
    char *buf;
};

/* A rank's slot on the whereabouts board (a seqlock: odd SEQ = being
 * written). */
struct board_slot {
    uint32_t seq;
    char name[44];
    char where[208];
};

struct tr {
    MPI_Comm comm;
    struct sendreq *sends;
    size_t nsends, capsends;
    MPI_Win board_win;            /* a shared-memory window, one slot per rank */
    struct board_slot **slots;    /* each rank's slot, mapped here */
    bool has_zcomm;               /* ZCOMM is the zone of total nodes ZFIRST.. (ZN of them) */
    MPI_Comm zcomm;
    int zfirst, zn;
};

/* --- launcher ------------------------------------------------------------------------ */

/* The launcher forwards SIGTERM/SIGHUP to mpiexec; the handler needs its
 * pid, and the wait loop needs to know that it did. */
static volatile pid_t launch_child;
static volatile sig_atomic_t launch_signalled;

static void
forward_signal(int signo)
{
    launch_signalled = 1;
    if (launch_child > 0)
        kill(launch_child, signo);
}

/* Seconds the ranks get to end after a forwarded signal before mpiexec is
 * killed (each rank then gets SIGTERM from its parent's death, below). */
#define LAUNCH_GRACE_S 5.0

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Waits for mpiexec; once a termination signal has been passed on, kills
 * it if it has not ended within LAUNCH_GRACE_S (an overloaded machine can
 * take minutes to end its ranks one by one). */
static int
wait_launched(pid_t pid)
{
    int ws = 0;
    double since = -1.0;
    for (;;) {
        pid_t r = waitpid(pid, &ws, launch_signalled ? WNOHANG : 0);
        if (r == pid || (r < 0 && errno != EINTR))
            return ws;
        if (!launch_signalled)
            continue;
        if (since < 0)
            since = now_s();
        else if (now_s() - since > LAUNCH_GRACE_S)
            kill(pid, SIGKILL);
        struct timespec nap = {0, 50 * 1000 * 1000};
        nanosleep(&nap, NULL);
    }
}

static bool
is_open_mpi(void)
{
    char version[MPI_MAX_LIBRARY_VERSION_STRING];
    int len = 0;
    /* Allowed before MPI_Init (MPI 3.1). */
    if (MPI_Get_library_version(version, &len) != MPI_SUCCESS)
        return false;
    return strstr(version, "Open MPI") != NULL;
}

static int
read_status(const char *file)
{
    FILE *f = fopen(file, "r");
    int status = -1;
    if (f) {
        if (fscanf(f, "%d", &status) != 1)
            status = -1;
        fclose(f);
    }
    return status;
}

bool
par_have_mpi(void)
{
    return true;
}

int
tr_launch(int nodes, int argc, char **argv)
{
    if (getenv("GENSH_LAUNCHED")) {
        fprintf(stderr,
                "gensh: -nodes %d: started by %s, but no MPI job is visible "
                "(none of OMPI_COMM_WORLD_SIZE, PMI_RANK, PMIX_RANK is set)\n",
                nodes, GS_MPIEXEC);
        return 2;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0)
        self[n] = '\0';
    else
        snprintf(self, sizeof self, "%s", argv[0]);

    char count[24];
    snprintf(count, sizeof count, "%d", nodes);
    const char **args = xcalloc((size_t)argc + 32, sizeof *args);
    int k = 0;
    args[k++] = GS_MPIEXEC;
    args[k++] = "-n";
    args[k++] = count;
    if (is_open_mpi()) {
        /* More ranks than cores must work (tests run 4 ranks on 2 cores);
         * then pinning would stack ranks on one core. */
        args[k++] = "--oversubscribe";
        long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
        if (ncpu > 0 && nodes > ncpu) {
            args[k++] = "--bind-to";
            args[k++] = "none";
        }
        /* Ranks on other hosts get these too (local ones inherit all). */
        static const char *const pass[] = {"SIMPATH", "GENSH_DATADIR", "GENSH_LAUNCHED",
                                           "GENSH_STATUS_FILE", "GENSH_STDIN_TTY", NULL};
        for (int i = 0; pass[i]; i++) {
            args[k++] = "-x";
            args[k++] = pass[i];
        }
    }
    args[k++] = self;
    for (int i = 1; i < argc; i++)
        args[k++] = argv[i];
    args[k] = NULL;

    const char *tmp = getenv("TMPDIR");
    char *file = xasprintf("%s/gensh-status.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(file);
    if (fd < 0) {
        fprintf(stderr, "gensh: -nodes %d: cannot create a status file in '%s': %s\n", nodes,
                tmp && *tmp ? tmp : "/tmp", strerror(errno));
        free(file);
        free(args);
        return 2;
    }
    close(fd);
    setenv("GENSH_LAUNCHED", "1", 1);
    setenv("GENSH_STATUS_FILE", file, 1);
    setenv("SIMPATH", getenv("SIMPATH") ? getenv("SIMPATH") : ".", 1);
    setenv("GENSH_DATADIR", getenv("GENSH_DATADIR") ? getenv("GENSH_DATADIR") : "", 0);
    setenv("GENSH_STDIN_TTY", isatty(STDIN_FILENO) ? "1" : "0", 1);
    if (geteuid() == 0) {
        /* Open MPI refuses root unless told twice. */
        setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
        setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
    }
    fflush(NULL);

    pid_t launcher = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "gensh: -nodes %d: cannot start %s: %s\n", nodes, GS_MPIEXEC,
                strerror(errno));
        unlink(file);
        free(file);
        free(args);
        return 2;
    }
    if (pid == 0) {
#ifdef __linux__
        /* Should this launcher die, even by SIGKILL, mpiexec is told to
         * end too (and it ends the ranks), so that no rank outlives it. */
        if (prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && getppid() != launcher)
            _exit(1); /* the launcher died before prctl */
#endif
        execv(GS_MPIEXEC, (char *const *)args);
        fprintf(stderr, "gensh: -nodes %d: cannot run '%s': %s\n", nodes, GS_MPIEXEC,
                strerror(errno));
        _exit(127);
    }
    /* The terminal's Ctrl-C reaches mpiexec itself (same process group);
     * this process only waits, and passes termination on. */
    launch_child = pid;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = forward_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    int ws = wait_launched(pid);
    int status = read_status(file);
    unlink(file);
    free(file);
    free(args);
    if (status >= 0)
        return status;
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 127)
        return 2; /* the exec failed; the child said why */
    if (WIFEXITED(ws) && WEXITSTATUS(ws) != 0)
        return WEXITSTATUS(ws);
    if (WIFSIGNALED(ws))
        return 128 + WTERMSIG(ws);
    fprintf(stderr, "gensh: the parallel run ended without a status from node 0\n");
    return 3;
}

/* --- transport ------------------------------------------------------------------------ */

/* Sets up the whereabouts board when every rank shares this host (MPI-3
 * shared-memory window); without it, a busy rank is just "busy". */
static void
board_open(struct par *p, struct tr *t)
{
    MPI_Comm local;
    int lsize = 0;
    MPI_Comm_split_type(t->comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
    MPI_Comm_size(local, &lsize);
    MPI_Comm_free(&local);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    p->crowded = ncpu > 0 && lsize > ncpu;
    if (lsize != p->size || p->size < 2)
        return;
    struct board_slot *mine = NULL;
    if (MPI_Win_allocate_shared((MPI_Aint)sizeof *mine, 1, MPI_INFO_NULL, t->comm, &mine,
                                &t->board_win) != MPI_SUCCESS)
        return;
    t->slots = xcalloc((size_t)p->size, sizeof *t->slots);
    for (int r = 0; r < p->size; r++) {
        MPI_Aint sz;
        int disp;
        MPI_Win_shared_query(t->board_win, r, &sz, &disp, &t->slots[r]);
    }
    memset(mine, 0, sizeof *mine);
    MPI_Barrier(t->comm); /* every slot is cleared before anyone reads */
    p->board = true;
}

enum gs_status
tr_init(struct par *p, char *err, size_t errlen)
{
    if (!par_in_job()) {
        p->mpi = false;
        p->rank = 0;
        p->size = 1;
        return GS_OK;
    }
#ifdef __linux__
    /* A rank that gensh's launcher started ends (as on SIGTERM: files
     * flushed and closed) when mpiexec dies, so none is left orphaned. */
    if (getenv("GENSH_LAUNCHED")) {
        pid_t parent = getppid();
        if (prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && parent == 1)
            raise(SIGTERM);
    }
#endif
    int inited = 0;
    MPI_Initialized(&inited);
    if (!inited && MPI_Init(NULL, NULL) != MPI_SUCCESS) {
        snprintf(err, errlen, "MPI_Init failed: cannot join the MPI job");
        return GS_ERR;
    }
    struct tr *t = xcalloc(1, sizeof *t);
    MPI_Comm_dup(MPI_COMM_WORLD, &t->comm);
    MPI_Comm_rank(t->comm, &p->rank);
    MPI_Comm_size(t->comm, &p->size);
    p->tr = t;
    p->mpi = true;
    board_open(p, t);
    return GS_OK;
}

/* --- whereabouts board ------------------------------------------------------------------ */

void
tr_board_post(struct par *p, const char *name, const char *where)
{
    struct tr *t = p->tr;
    struct board_slot *s = t->slots[p->rank];
    uint32_t seq = s->seq;
    __atomic_store_n(&s->seq, seq + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    snprintf(s->name, sizeof s->name, "%s", name ? name : "");
    snprintf(s->where, sizeof s->where, "%s", where ? where : "");
    __atomic_store_n(&s->seq, seq + 2, __ATOMIC_RELEASE);
}

bool
tr_board_read(struct par *p, int r, char *name, size_t nlen, char *where, size_t wlen)
{
    struct tr *t = p->tr;
    if (!p->board || r < 0 || r >= p->size)
        return false;
    const struct board_slot *s = t->slots[r];
    for (int tries = 0; tries < 1000; tries++) {
        uint32_t a = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
        if (a & 1)
            continue;
        struct board_slot copy;
        memcpy(&copy, s, sizeof copy);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (__atomic_load_n(&s->seq, __ATOMIC_RELAXED) != a)
            continue;
        copy.name[sizeof copy.name - 1] = '\0';
        copy.where[sizeof copy.where - 1] = '\0';
        snprintf(name, nlen, "%s", copy.name);
        snprintf(where, wlen, "%s", copy.where);
        return copy.name[0] != '\0';
    }
    return false;
}

void
tr_send(struct par *p, int dest, struct strbuf *msg)
{
    struct tr *t = p->tr;
    if (t->nsends == t->capsends) {
        t->capsends = t->capsends ? 2 * t->capsends : 16;
        t->sends = xreallocarray(t->sends, t->capsends, sizeof *t->sends);
    }
    size_t len = msg->len;
    if (len > INT_MAX)
        GS_BUG("message of %zu bytes to node %d", len, dest);
    struct sendreq *s = &t->sends[t->nsends++];
    s->buf = sb_take(msg);
    MPI_Isend(s->buf, (int)len, MPI_BYTE, dest, TAG, t->comm, &s->req);
}

bool
tr_recv(struct par *p, int *src, char **buf, size_t *len)
{
    struct tr *t = p->tr;
    int flag = 0, count = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, TAG, t->comm, &flag, &status);
    if (!flag)
        return false;
    MPI_Get_count(&status, MPI_BYTE, &count);
    *buf = xmalloc((size_t)count + 1);
    MPI_Recv(*buf, count, MPI_BYTE, status.MPI_SOURCE, TAG, t->comm, MPI_STATUS_IGNORE);
    *src = status.MPI_SOURCE;
    *len = (size_t)count;
    return true;
}

bool
tr_sends_done(struct par *p)
{
    struct tr *t = p->tr;
    size_t k = 0;
    for (size_t i = 0; i < t->nsends; i++) {
        int done = 0;
        MPI_Test(&t->sends[i].req, &done, MPI_STATUS_IGNORE);
        if (done)
            free(t->sends[i].buf);
        else
            t->sends[k++] = t->sends[i];
    }
    t->nsends = k;
    return k == 0;
}

/* Receives and drops whatever still arrives while the run shuts down. */
static void
drain(struct par *p)
{
    int src;
    char *buf;
    size_t len;
    while (tr_recv(p, &src, &buf, &len))
        free(buf);
}

void
tr_finish(struct par *p)
{
    struct tr *t = p->tr;
    struct timespec nap = {0, 200000};
    double end = tr_wtime() + 60;
    while (!tr_sends_done(p) && tr_wtime() < end) {
        drain(p);
        nanosleep(&nap, NULL);
    }
    MPI_Request req;
    int done = 0;
    MPI_Ibarrier(t->comm, &req);
    while (!done) {
        MPI_Test(&req, &done, MPI_STATUS_IGNORE);
        drain(p);
        if (!done && tr_wtime() > end)
            par_abort(p->sim, "node %d: the last meeting of all nodes did not complete",
                      p->rank);
        if (!done)
            nanosleep(&nap, NULL);
    }
    drain(p);
    if (p->board) {
        MPI_Win_free(&t->board_win); /* collective: every rank is here */
        p->board = false;
    }
    if (t->has_zcomm)
        MPI_Comm_free(&t->zcomm);
    t->has_zcomm = false;
    MPI_Comm_free(&t->comm);
    MPI_Finalize();
    p->mpi = false;
}

const void *
par_zone_mpi_comm(struct gs_sim *sim)
{
    struct par *p = sim->par;
    if (!p || !p->mpi)
        return NULL;
    struct tr *t = p->tr;
    int zone = par_myzone(sim), n = par_nnodes(sim), first = par_total_node(sim, zone, 0);
    if (t->has_zcomm && t->zfirst == first && t->zn == n)
        return &t->zcomm;
    if (t->has_zcomm)
        MPI_Comm_free(&t->zcomm);
    /* Made by the zone's ranks alone (other zones may be elsewhere). */
    int *ranks = xmalloc((size_t)n * sizeof *ranks);
    for (int k = 0; k < n; k++)
        ranks[k] = par_total_node(sim, zone, k);
    MPI_Group world, group;
    MPI_Comm_group(t->comm, &world);
    MPI_Group_incl(world, n, ranks, &group);
    MPI_Comm_create_group(t->comm, group, TAG + 1, &t->zcomm);
    MPI_Group_free(&group);
    MPI_Group_free(&world);
    free(ranks);
    t->has_zcomm = true;
    t->zfirst = first;
    t->zn = n;
    return &t->zcomm;
}

void
tr_abort(struct par *p, int code)
{
    if (p->mpi)
        MPI_Abort(MPI_COMM_WORLD, code);
    exit(code);
}

void
tr_free(struct par *p)
{
    struct tr *t = p->tr;
    if (!t)
        return;
    for (size_t i = 0; i < t->nsends; i++)
        free(t->sends[i].buf);
    free(t->sends);
    free(t->slots);
    free(t);
    p->tr = NULL;
}
