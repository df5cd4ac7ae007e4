/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt1.c: see fmt1.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmt1.h"

long
fmt1_header_size(int ndata)
{
    return FMT1_LABEL + 2 * (long)sizeof(float) + 2 * (long)sizeof(int)
           + 3 * (long)sizeof(float) * ndata;
}

int
fmt1_datasize(int datatype)
{
    switch (datatype) {
    case FMT1_SHORT:
        return (int)sizeof(short);
    case FMT1_INT:
        return (int)sizeof(int);
    case FMT1_FLOAT:
        return (int)sizeof(float);
    case FMT1_DOUBLE:
        return (int)sizeof(double);
    default:
        return 0;
    }
}

bool
fmt1_write_header(FILE *fp, float start, float dt, int ndata, const float *xyz)
{
    char label[FMT1_LABEL] = "FMT1";
    int datatype = FMT1_FLOAT;
    return fwrite(label, 1, sizeof label, fp) == sizeof label
           && fwrite(&start, sizeof start, 1, fp) == 1 && fwrite(&dt, sizeof dt, 1, fp) == 1
           && fwrite(&ndata, sizeof ndata, 1, fp) == 1
           && fwrite(&datatype, sizeof datatype, 1, fp) == 1
           && (ndata == 0 || fwrite(xyz, sizeof *xyz, 3 * (size_t)ndata, fp) == 3 * (size_t)ndata);
}

bool
fmt1_is(FILE *fp)
{
    char label[FMT1_LABEL];
    bool is = fread(label, 1, sizeof label, fp) == sizeof label && memcmp(label, "FMT1", 4) == 0;
    rewind(fp);
    return is;
}

enum gs_status
fmt1_read_header(struct gs_sim *sim, FILE *fp, const char *name, struct fmt1_header *h)
{
    char label[FMT1_LABEL];
    memset(h, 0, sizeof *h);
    rewind(fp);
    if (fread(label, 1, sizeof label, fp) != sizeof label || memcmp(label, "FMT1", 4) != 0)
        return gs_error(sim, "'%s' is not an FMT1 file (it does not start with the label FMT1)",
                        name);
    if (fread(&h->start, sizeof h->start, 1, fp) != 1 || fread(&h->dt, sizeof h->dt, 1, fp) != 1
        || fread(&h->ndata, sizeof h->ndata, 1, fp) != 1
        || fread(&h->datatype, sizeof h->datatype, 1, fp) != 1)
        return gs_error(sim, "FMT1 file '%s' ends inside its header", name);
    if (h->ndata < 0)
        return gs_error(sim, "FMT1 file '%s' says it holds %d values per frame", name, h->ndata);
    if (!fmt1_datasize(h->datatype))
        return gs_error(sim, "FMT1 file '%s' has data type %d; expected 2 (short), 3 (int), "
                             "4 (float) or 5 (double)", name, h->datatype);
    if (!(h->dt > 0))
        return gs_error(sim, "FMT1 file '%s' has a frame interval of %g; it must be > 0", name,
                        (double)h->dt);
    h->size = fmt1_header_size(h->ndata);
    h->xyz = xcalloc(3 * (size_t)h->ndata + 1, sizeof *h->xyz);
    if (h->ndata > 0 && fread(h->xyz, sizeof *h->xyz, 3 * (size_t)h->ndata, fp)
                            != 3 * (size_t)h->ndata) {
        free(h->xyz);
        h->xyz = NULL;
        return gs_error(sim, "FMT1 file '%s' ends inside the coordinates of its %d values", name,
                        h->ndata);
    }
    return GS_OK;
}
