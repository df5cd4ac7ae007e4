/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bench_cells.c: CPU cost of the compiled solver per neuron-step for
 * networks of N single-compartment RSnet cells (Na, Kdr, KM tabchannels,
 * an excitatory synchan, a spikegen; tests/unit/rscell.h), N = 1,000 to
 * 1,000,000. Every cell receives 4 synapses (weight 10, delay 2 ms, as in
 * RSnet) from random cells and a constant current that makes a share of
 * them fire, so spike delivery is part of the cost. Prints ns per
 * neuron-step for each kernel variant the CPU runs, the speed-up over
 * GENESIS 2.4's ~290 ns, spikes, bytes per neuron and a checksum of the
 * final Vm (equal across variants: the variants give the same bits).
 *
 * Built by `make bench`, not run by make check:
 *     tests/perf/bench_cells [max_cells] [steps_scale] [repeats]
 * With repeats > 1 each run is repeated from reset and the shortest time
 * is printed (on a shared machine the shortest is the least disturbed);
 * the repeats must give the same spikes and Vm, or the bench fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "models/solver/solver.h"
#include "tests/unit/rscell.h"

#define DT 50e-6
#define GENESIS_NS 290.0

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static uint64_t
mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

struct net {
    struct gs_build *b;
    struct rs_cell *cell;
    int n;
};

static void
build(struct net *nt, int n)
{
    nt->b = gsb_new();
    nt->n = n;
    nt->cell = malloc(sizeof *nt->cell * (size_t)n);
    struct rs_tables tab;
    rs_make_tables(nt->b, &tab);
    for (int i = 0; i < n; i++)
        rs_make_cell(nt->b, &tab, &nt->cell[i]);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 4; k++) {
            int src = (int)(mix((uint64_t)i * 4 + (uint64_t)k + 1) % (uint64_t)n);
            gsb_synapse(nt->b,
                        &(struct gsb_synapse){nt->cell[i].syn, nt->cell[src].spk, 10.0f, 0.002f, -1.0f});
        }
}

static int repeats = 1;

/* Runs STEPS steps of the net on kernel VARIANT (REPEATS times, keeping
 * the shortest); prints one line. */
static void
run(const struct net *nt, const char *variant, long steps, double *checksum)
{
    setenv("GENSH_CPU_KERNEL", variant, 1);
    struct gs_solver *s = gs_solver_new();
    char err[256];
    double t0 = now();
    if (gs_solver_compile(s, nt->b, DT, 1, err, sizeof err) != GS_OK) {
        fprintf(stderr, "compile: %s\n", err);
        exit(1);
    }
    double tc = now() - t0;
    double dt = 0, sum = 0;
    size_t nsp = 0;
    for (int r = 0; r < repeats; r++) {
        gs_solver_reset(s);
        /* a fifth of the cells get 0.1-0.5 nA (they fire at ~10-60 Hz) */
        for (int i = 0; i < nt->n; i++)
            if (mix((uint64_t)i + 77) % 5 == 0)
                gs_solver_write(s, GS_K_COMPT, nt->cell[i].compt, GS_SF_INJECT,
                                1e-10 * (1 + (double)(mix((uint64_t)i) % 5)));
        /* spikes are collected as a simulation collects them, every 100
         * steps (their collection is part of the time) */
        size_t n_r = 0;
        static struct gs_spike buf[4096];
        t0 = now();
        for (long done = 0; done < steps; done += 100) {
            gs_solver_advance(s, steps - done < 100 ? steps - done : 100);
            size_t got;
            while ((got = gs_solver_spikes(s, buf, 4096)) > 0)
                n_r += got;
        }
        double dt_r = now() - t0, sum_r = 0;
        for (int i = 0; i < nt->n; i++)
            sum_r += gs_solver_read(s, GS_K_COMPT, nt->cell[i].compt, GS_SF_VM);
        if (r > 0 && (n_r != nsp || sum_r != sum)) {
            fprintf(stderr, "repeat %d of %s at %d cells differs\n", r, variant, nt->n);
            exit(1);
        }
        nsp = n_r;
        sum = sum_r;
        if (r == 0 || dt_r < dt)
            dt = dt_r;
    }
    double ns = dt * 1e9 / ((double)nt->n * (double)steps);
    printf("%9d %7ld  %-10s %8.2f ns %7.1fx  %9.3f s %7.2f s  %8zu %10.1f  %.15g\n", nt->n,
           steps, gs_solver_backend(s), ns, GENESIS_NS / ns, dt, tc, nsp,
           (double)gs_solver_bytes(s) / nt->n, sum);
    fflush(stdout);
    *checksum = sum;
    gs_solver_free(s);
}

int
main(int argc, char **argv)
{
    long maxn = argc > 1 ? atol(argv[1]) : 1000000;
    double scale = argc > 2 ? atof(argv[2]) : 1.0;
    repeats = argc > 3 ? atoi(argv[3]) : 1;
    if (repeats < 1)
        repeats = 1;
    static const int sizes[] = {1000, 10000, 100000, 1000000};
    static const char *const variants[] = {"avx512", "avx2", "base"};
    printf("RSnet cells: Na, Kdr, KM, synchan (4 synapses), spikegen; dt 50 us\n");
    printf("%9s %7s  %-10s %11s %8s  %11s %9s  %8s %10s  %s\n", "cells", "steps", "kernel",
           "per n-step", "vs 290ns", "run", "compile", "spikes", "bytes/cell",
           "sum of final Vm");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int n = sizes[i];
        if (n > maxn)
            break;
        long steps = (long)(scale * 2e9 / n);
        if (steps > 10000)
            steps = 10000;
        if (steps < 100)
            steps = 100;
        double ref = 0, sum;
        for (int v = 0; v < 3; v++) {
            /* the scalar baseline only at the smaller sizes: it is slow */
            if (v == 2 && n > 10000)
                continue;
            /* a compile uses its builder up: one net per variant */
            struct net nt;
            build(&nt, n);
            run(&nt, variants[v], steps, &sum);
            gsb_free(nt.b);
            free(nt.cell);
            if (v == 0)
                ref = sum;
            else if (sum != ref)
                printf("  ** checksum differs from the first variant\n");
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak resident memory %.1f MB\n", ru.ru_maxrss / 1024.0);
    return 0;
}
