/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_cell.c: the cell family: readcell. The command finds and reads the
 * .p file and gives the reader (models/cell) access to the script globals
 * it uses; building the cell is models/cell's job.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../models/base/strbuf.h"
#include "../../models/cell/readcell.h"
#include "../cmd.h"
#include "../interp.h"

static enum gs_status cmd_readcell_exec(struct gs_call *call);

static const struct gs_opt readcell_opts[] = {
    {"-hsolve", 0, GS_ARG_STR, "make the cell an hsolve element (GENESIS's readcell -hsolve)"},
    {"-prand", 2, GS_ARG_REAL,
     "sdlen sddia: as -rand, the diameter's SD proportional to the diameter"},
    {"-rand", 2, GS_ARG_REAL,
     "sdlen sddia: Gaussian noise of these SDs (um) on lengths and diameters"},
    {"-split", 1, GS_ARG_INT, "n: cut every cylinder into n equal compartments in a chain (1-99)"},
    {"-lambdasplit", 1, GS_ARG_REAL,
     "maxl: cut cylinders longer than maxl space constants (0-0.5) into pieces"},
    {NULL, 0, 0, NULL},
};

const struct gs_cmd cmd_readcell_entry = {
    .name = "readcell",
    .family = "cell",
    .summary = "build a cell from a GENESIS cell parameter (.p) file",
    .usage = "file cellpath [-hsolve] [-prand sdlen sddia] [-rand sdlen sddia] [-split n] "
             "[-lambdasplit maxl]",
    .pos = {{"file", GS_ARG_STR}, {"cellpath", GS_ARG_STR}},
    .min_pos = 2,
    .max_pos = 2,
    .opts = readcell_opts,
    .flags = GS_CMD_MUTATES,
    .exec = cmd_readcell_exec,
};

/* ---- exec functions ---------------------------------------------------- */

static bool
vars_get(void *ctx, const char *name, double *out)
{
    return interp_global_real(ctx, name, out);
}

static void
vars_set(void *ctx, const char *name, double v)
{
    interp_set_global_real(ctx, name, v);
}

/* Reads all of PATH into SB; false (errno set) on failure. */
static bool
slurp(const char *path, struct strbuf *sb)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_append(sb, chunk, n);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad)
        errno = EIO;
    return !bad;
}

static enum gs_status
cmd_readcell_exec(struct gs_call *call)
{
    struct gs_sim *sim = call->sim;
    const char *file = gs_arg(call, 0);
    struct rc_options opt = {.split = 1};
    opt.hsolve = gs_has_opt(call, "-hsolve");
    if (gs_has_opt(call, "-split")) {
        long n = gs_optval_int(call, "-split", 0);
        if (n < 1 || n > 99)
            return gs_error(sim, "-split expects a number of pieces from 1 to 99, got %ld", n);
        opt.split = (int)n;
    }
    if (gs_has_opt(call, "-lambdasplit")) {
        opt.lambdasplit = gs_optval_real(call, "-lambdasplit", 0);
        if (!(opt.lambdasplit > 0 && opt.lambdasplit <= 0.5))
            return gs_error(sim,
                            "-lambdasplit expects a length above 0 and at most 0.5 lambda, "
                            "got %g",
                            opt.lambdasplit);
    }
    const char *ro = gs_has_opt(call, "-rand")    ? "-rand"
                     : gs_has_opt(call, "-prand") ? "-prand"
                                                  : NULL;
    if (ro) {
        if (gs_has_opt(call, "-rand") && gs_has_opt(call, "-prand"))
            return gs_error(sim, "-rand and -prand cannot be given together");
        opt.rand = ro[1] == 'r';
        opt.prand = !opt.rand;
        opt.sd_len = gs_optval_real(call, ro, 0);
        opt.sd_dia = gs_optval_real(call, ro, 1);
        if (opt.sd_len < 0 || opt.sd_dia < 0)
            return gs_error(sim, "%s expects standard deviations >= 0, got %g %g", ro, opt.sd_len,
                            opt.sd_dia);
    }
    char *path = interp_find_file(sim, file, NULL);
    if (!path)
        return gs_error(sim,
                        "cannot find cell file '%s' (looked in ., SIMPATH and the script "
                        "library)",
                        file);
    struct strbuf text = STRBUF_INIT;
    enum gs_status st;
    if (!slurp(path, &text)) {
        st = gs_error(sim, "cannot read cell file '%s': %s", file, strerror(errno));
    } else {
        struct rc_vars vars = {sim, vars_get, vars_set};
        st = readcell_build(sim, file, sb_str(&text), text.len, gs_arg(call, 1), &opt, &vars);
    }
    sb_free(&text);
    free(path);
    return st;
}
