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

/* A barrier of the pool's threads (not pthread_barrier_t: a pool whose
 * threads could not all be started must end the ones that were, with a
 * smaller count). */
struct barrier {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int waiting;
    unsigned gen;
};

struct cpu_pool {
    int n;                       /* threads, the caller included */
    pthread_t *tid;              /* the n - 1 others */
    struct barrier start, done;
    bool quit;                   /* set before the start barrier: end */
    struct gs_cmodel *m;
    gs_group_fn group;
    struct gs_kstep k;           /* this pass's step (its fired unused) */
    struct gs_fired *fired;      /* per thread */
    int *mark;                   /* per thread, ngroup + 1: fired[t].n at each group's start */
};

static void
barrier_init(struct barrier *b)
{
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    b->waiting = 0;
    b->gen = 0;
}

static void
barrier_destroy(struct barrier *b)
{
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->cv);
}

/* Waits until *N threads wait on B (*N read under its lock). */
static void
barrier_wait(struct barrier *b, const int *n)
{
    pthread_mutex_lock(&b->mu);
    unsigned gen = b->gen;
    if (++b->waiting >= *n) {
        b->waiting = 0;
        b->gen++;
        pthread_cond_broadcast(&b->cv);
    } else {
        while (gen == b->gen)
            pthread_cond_wait(&b->cv, &b->mu);
    }
    pthread_mutex_unlock(&b->mu);
}

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
        pthread_mutex_lock(&p->start.mu);
        p->n = started;
        pthread_mutex_unlock(&p->start.mu);
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
