/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * backend_cpu.c: the reference backend's table of operations. It works
 * on the compiled model's arrays in place; its own state (struct
 * cpu_state, cpu.h) is the grouped kernel picked for this CPU, the event
 * calendar and the spikes not collected yet. The jobs live in their own
 * files (cpu.h lists them); this one compiles, resets, releases and
 * describes, and reads and writes fields.
 */
#include <stdlib.h>
#include <string.h>

#include "../../base/gs.h"
#include "../model_int.h"
#include "cpu.h"

static gs_group_fn
pick_kernel(void)
{
    const char *want = getenv("GENSH_CPU_KERNEL");
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                  __builtin_cpu_supports("avx512vl");
    bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (want && strcmp(want, "base") == 0)
        return gs_kern_group_base;
    if (want && strcmp(want, "avx2") == 0 && avx2)
        return gs_kern_group_avx2;
    if (avx512 && !(want && strcmp(want, "avx2") == 0))
        return gs_kern_group_avx512;
    if (avx2)
        return gs_kern_group_avx2;
#endif
    (void)want;
    return gs_kern_group_base;
}

static enum gs_status
cpu_compile(struct gs_solver *s, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    struct cpu_state *st = xcalloc(1, sizeof *st);
    st->group = pick_kernel();
    cpu_spikes_compile(s->m, st);
    st->pool = cpu_pool_new(s->m, s->threads);
    s->be_state = st;
    return GS_OK;
}

static void
cpu_reset(struct gs_solver *s)
{
    cpu_spikes_clear(s->be_state);
}

static double
cpu_read(struct gs_solver *s, int kind, int idx, int field)
{
    return gs_model_read(s->m, kind, idx, field);
}

static enum gs_wresult
cpu_write(struct gs_solver *s, int kind, int idx, int field, double v)
{
    return gs_model_write(s->m, kind, idx, field, v);
}

static void
cpu_release(struct gs_solver *s)
{
    struct cpu_state *st = s->be_state;
    if (st) {
        cpu_pool_free(st->pool);
        cpu_spikes_free(st);
    }
    free(st);
    s->be_state = NULL;
}

static const char *
cpu_describe(const struct gs_solver *s)
{
    const struct cpu_state *st = s->be_state;
    if (!st)
        return "cpu";
#if defined(__x86_64__) && defined(__GNUC__)
    if (st->group == gs_kern_group_avx512)
        return "cpu-avx512";
    if (st->group == gs_kern_group_avx2)
        return "cpu-avx2";
#endif
    return "cpu";
}

const struct gs_backend gs_backend_cpu = {
    .name = "cpu",
    .compile = cpu_compile,
    .reset = cpu_reset,
    .advance = cpu_advance,
    .read_field = cpu_read,
    .write_field = cpu_write,
    .collect_spikes = cpu_collect_spikes,
    .fire = cpu_fire,
    .pending = cpu_pending,
    .carry = cpu_carry,
    .collect_records = cpu_collect_records,
    .sample = cpu_sample,
    .advance_window = gs_window_by_steps,
    .release = cpu_release,
    .describe = cpu_describe,
};
