/* SPDX-License-Identifier: GPL-2.0-or-later */
/* outfile.c: see outfile.h. */
#include <errno.h>
#include <string.h>

#include "outfile.h"

const char *
outfile_name(const char *filename, const struct gs_element *el)
{
    return filename && filename[0] ? filename : el->name;
}

enum gs_status
outfile_open(struct gs_sim *sim, FILE **fp, int *is_open, const char *name, const char *mode)
{
    if (*fp)
        return GS_OK;
    *fp = fopen(name, mode);
    *is_open = *fp != NULL;
    if (!*fp)
        return gs_error(sim, "cannot open '%s' for writing: %s", name, strerror(errno));
    return GS_OK;
}

enum gs_status
outfile_close(struct gs_sim *sim, FILE **fp, int *is_open, const char *name)
{
    enum gs_status st = GS_OK;
    if (*fp && fclose(*fp) != 0 && sim)
        st = gs_error(sim, "cannot write '%s': %s", name, strerror(errno));
    *fp = NULL;
    *is_open = 0;
    return st;
}
