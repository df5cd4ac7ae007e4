/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sli_compile.c: how fast the SLI compiler is. Generates a 10,000-line
 * script in the style of the tutorial networks (declarations, functions
 * with typed parameters, loops, command lines with {} substitution,
 * continuations, comments, @ forms), compiles it several times and prints
 * the best time, then the time Lua takes to load the result.
 *
 *     make tests/perf/sli_compile && ./tests/perf/sli_compile [LINES]
 */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "interp/sli/sli.h"

/* Wall time; CPU time of this process with CPU (a loaded machine stretches
 * the first, not the second). */
static double
now_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
now(void)
{
    return now_clock(CLOCK_MONOTONIC);
}

static double
cpu(void)
{
    return now_clock(CLOCK_PROCESS_CPUTIME_ID);
}

/* Appends about LINES lines of script to SB. */
static void
generate(struct strbuf *sb, int lines)
{
    int n = 0, k = 0;
    while (n < lines) {
        sb_printf(sb,
                  "// block %d\n"
                  "int NX%d = 25  // number of cells\n"
                  "float SEP%d = 0.001, W%d = NX%d * SEP%d / 2\n"
                  "str path%d = \"/network/cell\" @ %d\n"
                  "function f%d(delay, width, interval)\n"
                  "    float delay, width, interval\n"
                  "    int i\n"
                  "    for (i = 0; i < {NX%d}; i = i + 1)\n"
                  "        if (i %% 2 == 0 && delay < width)\n"
                  "            setfield {path%d}[{i}]/soma width1 {width} delay1 {delay} \\\n"
                  "                delay2 {interval - delay} x {i * SEP%d} // comment\n"
                  "        elif (i > 10)\n"
                  "            break\n"
                  "        else\n"
                  "            echo@0 \"cell \"{i}\" of \"{NX%d} {strlen {path%d}}\n"
                  "        end\n"
                  "    end\n"
                  "    return {delay + width * 2.5e-3}\n"
                  "end\n"
                  "f%d {W%d} 0.05 1\n",
                  k, k, k, k, k, k, k, k, k, k, k, k, k, k, k, k);
        n += 20;
        k++;
    }
}

int
main(int argc, char **argv)
{
    int lines = argc > 1 ? atoi(argv[1]) : 10000;
    struct strbuf src = STRBUF_INIT;
    generate(&src, lines);
    int real_lines = 0;
    for (size_t i = 0; i < src.len; i++)
        real_lines += src.buf[i] == '\n';

    double best = 1e9, best_cpu = 1e9;
    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
    for (int rep = 0; rep < 10; rep++) {
        sb_reset(&out);
        double t0 = now(), c0 = cpu();
        enum sli_status st = sli_compile(sb_str(&src), src.len, "bench.g", NULL, &out, &err);
        double t = now() - t0, c = cpu() - c0;
        if (st != SLI_OK) {
            fprintf(stderr, "sli_compile failed: %s\n", sb_str(&err));
            return 1;
        }
        if (t < best)
            best = t;
        if (c < best_cpu)
            best_cpu = c;
    }
    printf("sli_compile: %d lines (%zu bytes) -> %zu bytes of Lua in %.2f ms (%.2f ms CPU; "
           "%.0f lines/s)\n",
           real_lines, src.len, out.len, best * 1e3, best_cpu * 1e3, real_lines / best_cpu);

    lua_State *L = luaL_newstate();
    double lbest = 1e9;
    for (int rep = 0; rep < 10; rep++) {
        double t0 = now();
        if (luaL_loadbuffer(L, sb_str(&out), out.len, "@bench.g") != LUA_OK) {
            fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
            return 1;
        }
        double t = now() - t0;
        lua_settop(L, 0);
        if (t < lbest)
            lbest = t;
    }
    printf("luaL_loadbuffer of that Lua: %.2f ms; compile + load: %.2f ms\n", lbest * 1e3,
           (best + lbest) * 1e3);
    lua_close(L);
    sb_free(&src);
    sb_free(&out);
    sb_free(&err);
    return 0;
}
