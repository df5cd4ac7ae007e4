/* SPDX-License-Identifier: GPL-2.0-or-later */
/* outfile.c: see outfile.h. */
#include "outfile.h"

const char *
outfile_name(const char *filename, const struct gs_element *el)
{
    return filename && filename[0] ? filename : el->name;
}
