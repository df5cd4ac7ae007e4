/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pool_cpu.c: the threads of one rank (gensh -threads N). The uniform
 * groups' pass of a step (the grouped kernel over m->groups) is split
 * among N threads: thread t runs its share of the blocks of every group.
 * The pool lives from compile to release; each pass is one barrier to
 * start it and one to end it, and the calling thread works as thread 0.
 *
 * Results are bit-identical to one thread: a unit's update in a group
 * pass reads and writes only its own state (and the Ca pools, read only),
 * and the one shared output, the spikegens that fired, goes to a list per
 * thread, marked where each group begins; the lists are joined group by
 * group in thread order, which is unit order, the one-thread order.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cpu.h"

/*
 * A barrier of the pool's threads (not pthread_barrier_t: a pool whose
 * threads could not all be started must end the ones that were, with a
 * smaller count). A step's group pass takes tens of microseconds, about
 * what a sleeping thread takes to wake, so a waiter first spins on the
 * generation (the others are usually a few microseconds behind) and
 * sleeps on the condition variable only when that fails. The spin adapts,
 * as an adaptive mutex's: a wait that had to sleep halves it, one that
 * ended while spinning doubles it, so that on a machine with fewer free
 * cores than threads (a waiter's partner is not running, and spinning
 * only takes its core) the wait soon becomes the condition variable's.
 * The last to arrive bumps the generation under the lock and wakes the
 * sleepers, so no wake-up is lost.
 */
#define SPIN_MIN 16
#define SPIN_MAX 8192
struct barrier {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int waiting;                 /* atomic */
    unsigned gen;                /* atomic; written under mu */
    int spin;                    /* atomic (relaxed): the spin's length now */
};

static void
barrier_init(struct barrier *b)
{
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    b->waiting = 0;
    b->gen = 0;
    b->spin = SPIN_MAX;
}

static void
barrier_destroy(struct barrier *b)
{
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->cv);
}

static inline void
cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* Waits until *N threads wait on B (*N read atomically: cpu_pool_new may
 * lower it while its threads wait). */
static void
barrier_wait(struct barrier *b, const int *n)
{
    unsigned gen = __atomic_load_n(&b->gen, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&b->waiting, 1, __ATOMIC_ACQ_REL) >=
        __atomic_load_n(n, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&b->waiting, 0, __ATOMIC_RELAXED);
        pthread_mutex_lock(&b->mu);
        __atomic_store_n(&b->gen, gen + 1, __ATOMIC_RELEASE);
        pthread_cond_broadcast(&b->cv);
        pthread_mutex_unlock(&b->mu);
        return;
    }
    int spin = __atomic_load_n(&b->spin, __ATOMIC_RELAXED);
    for (int i = 0; i < spin; i++) {
        if (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) != gen) {
            if (spin < SPIN_MAX)
                __atomic_store_n(&b->spin, 2 * spin, __ATOMIC_RELAXED);
            return;
        }
        cpu_relax();
    }
    if (spin > SPIN_MIN)
        __atomic_store_n(&b->spin, spin / 2, __ATOMIC_RELAXED);
    pthread_mutex_lock(&b->mu);
    while (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) == gen)
        pthread_cond_wait(&b->cv, &b->mu);
    pthread_mutex_unlock(&b->mu);
}

struct cpu_pool {
    int n;                       /* threads, the caller included (atomic: see cpu_pool_new) */
    pthread_t *tid;              /* the n - 1 others */
    struct barrier start, done;
    bool quit;                   /* set before the start barrier: end */
    struct gs_cmodel *m;
    gs_group_fn group;
    struct gs_kstep k;           /* this pass's step (its fired unused) */
    struct gs_fired *fired;      /* per thread */
    int *mark;                   /* per thread, ngroup + 1: fired[t].n at each group's start */
};

/* Thread T's share of group G: blocks [nb T / n, nb (T + 1) / n). */
static void
run_share(struct cpu_pool *p, int t)
{
    struct gs_cmodel *m = p->m;
    struct gs_kstep k = p->k;
    struct gs_fired *f = &p->fired[t];
    int *mark = p->mark + (size_t)t * (size_t)(m->ngroup + 1);
    f->n = 0;
    k.fired = f;
    for (int g = 0; g < m->ngroup; g++) {
        const struct gs_group *G = &m->groups[g];
        long nb = G->npad / GS_BLK;
        int u0 = (int)(nb * t / p->n) * GS_BLK, u1 = (int)(nb * (t + 1) / p->n) * GS_BLK;
        mark[g] = f->n;
        if (u0 < u1)
            p->group(m, G, u0, u1, &k);
    }
    mark[m->ngroup] = f->n;
}

static void *
worker(void *arg)
{
    struct cpu_pool *p = ((void **)arg)[0];
    int t = (int)(intptr_t)((void **)arg)[1];
    free(arg);
    for (;;) {
        barrier_wait(&p->start, &p->n);
        if (p->quit)
            return NULL;
        run_share(p, t);
        barrier_wait(&p->done, &p->n);
    }
}

struct cpu_pool *
cpu_pool_new(const struct gs_cmodel *m, int nthreads)
{
    long nblk = 0;
    for (int g = 0; g < m->ngroup; g++)
        nblk += m->groups[g].npad / GS_BLK;
    /* no more threads than blocks to share */
    int n = nthreads;
    if (n > nblk)
        n = (int)nblk;
    if (n < 2)
        return NULL;
    struct cpu_pool *p = xcalloc(1, sizeof *p);
    p->n = n;
    p->tid = xcalloc((size_t)n - 1, sizeof *p->tid);
    p->fired = xcalloc((size_t)n, sizeof *p->fired);
    p->mark = xcalloc((size_t)n * (size_t)(m->ngroup + 1), sizeof *p->mark);
    barrier_init(&p->start);
    barrier_init(&p->done);
    /* signals (SIGINT's stop) stay with the calling thread */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int started = 1;
    for (int t = 1; t < n; t++) {
        void **arg = xmalloc(2 * sizeof *arg);
        arg[0] = p;
        arg[1] = (void *)(intptr_t)t;
        if (pthread_create(&p->tid[t - 1], NULL, worker, arg) != 0) {
            free(arg);
            break;
        }
        started++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (started < n) {
        /* fewer threads than asked: end those started, run on one (the
         * started ones are waiting at the start barrier, which the smaller
         * count now opens) */
        __atomic_store_n(&p->n, started, __ATOMIC_RELEASE);
        cpu_pool_free(p);
        return NULL;
    }
    return p;
}

void
cpu_pool_free(struct cpu_pool *p)
{
    if (!p)
        return;
    p->quit = true;
    barrier_wait(&p->start, &p->n);
    for (int t = 1; t < p->n; t++)
        pthread_join(p->tid[t - 1], NULL);
    barrier_destroy(&p->start);
    barrier_destroy(&p->done);
    for (int t = 0; t < p->n; t++)
        free(p->fired[t].v);
    free(p->fired);
    free(p->mark);
    free(p->tid);
    free(p);
}

int
cpu_pool_threads(const struct cpu_pool *p)
{
    return p ? p->n : 1;
}

void
cpu_pool_groups(struct cpu_pool *p, struct gs_cmodel *m, gs_group_fn group,
                const struct gs_kstep *k)
{
    p->m = m;
    p->group = group;
    p->k = *k;
    barrier_wait(&p->start, &p->n);
    run_share(p, 0);
    barrier_wait(&p->done, &p->n);
    for (int g = 0; g < m->ngroup; g++)
        for (int t = 0; t < p->n; t++) {
            const int *mark = p->mark + (size_t)t * (size_t)(m->ngroup + 1);
            for (int i = mark[g]; i < mark[g + 1]; i++)
                gs_fired_push(k->fired, p->fired[t].v[i]);
        }
}
