/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * disk_in.c: the disk_in class: reads a 2-D array of values, val[x][y]
 * (nx by ny floats), from a file at every tick of its clock; messages
 * read its entries as val[x][y]. reset finds out what the file is:
 *
 * - FMT1 (disk_out's binary file, fmt1.h): the header sets nx 1 and ny
 *   to the number of values per frame, and fills the tables xpts, ypts
 *   and zpts with their coordinates; each tick reads the frame of index
 *   (int)((t - time_offset) / dt), computed as GENESIS does (dt and
 *   time_offset are floats), so the frames a disk_out wrote come back at
 *   the ticks they were written. A tick outside the file keeps the
 *   values it had.
 * - anything else is text: numbers separated by blanks (16 at most per
 *   line; more are ignored), read in order into val with x running
 *   fastest; each tick starts a new line, and a line's numbers beyond
 *   what fills the array are dropped. At the end of the file, loop 1
 *   starts it again; otherwise the values stay. nx and ny must be set
 *   before reset.
 *
 * Unlike GENESIS, the FMT1 header is read again at every reset (a file
 * written since is seen), and a text file is read from its start after
 * every reset whether or not leave_open is set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "fmt1.h"

enum { FORMAT_ASCII = 0, FORMAT_FMT1 = 1 };

struct disk_in {
    struct gs_element el;
    char *filename;
    int leave_open;
    int nx, ny;
    int loop;
    int fileformat;
    float time_offset;
    int is_open;
    int allocated;
    float start_time;
    float dt;
    int datatype;
    int header_size;
    struct interpol *xpts, *ypts, *zpts;
    FILE *fp;           /* not fields */
    long lastpos;       /* text: where the next tick reads when the file is closed between ticks */
    float *val;         /* nx * ny values, val[x][y] at x * ny + y */
    int anx, any;       /* the size VAL has */
    unsigned char *raw; /* one FMT1 frame as read */
    size_t capraw;
};

static const struct gs_field disk_in_fields[] = {
    GS_FIELD(struct disk_in, filename, GS_STR, "", "the file to read"),
    GS_FIELD(struct disk_in, leave_open, GS_INT, "", "1: keep the file open between ticks"),
    GS_FIELD(struct disk_in, nx, GS_INT, "", "first dimension of val (FMT1: 1)"),
    GS_FIELD(struct disk_in, ny, GS_INT, "", "second dimension of val (FMT1: values per frame)"),
    GS_FIELD(struct disk_in, loop, GS_INT, "", "1: a text file starts again at its end"),
    GS_FIELD(struct disk_in, fileformat, GS_INT, "", "0 text, 1 FMT1 (found out at reset)"),
    GS_FIELD(struct disk_in, time_offset, GS_FLOAT, "s",
             "FMT1: simulation time minus the file's time of a frame"),
    GS_FIELD_RO(struct disk_in, is_open, GS_INT, "", "1 while the file is open"),
    GS_FIELD_RO(struct disk_in, allocated, GS_INT, "", "1 when val has its nx * ny values"),
    GS_FIELD_RO(struct disk_in, start_time, GS_FLOAT, "s", "FMT1: time of the first frame"),
    GS_FIELD(struct disk_in, dt, GS_FLOAT, "s", "FMT1: interval between frames (from the file)"),
    GS_FIELD_RO(struct disk_in, datatype, GS_INT, "",
                "FMT1: 2 short, 3 int, 4 float, 5 double (from the file)"),
    GS_FIELD_RO(struct disk_in, header_size, GS_INT, "", "FMT1: bytes before the first frame"),
    GS_FIELD_RO(struct disk_in, xpts, GS_TABLE, "m", "FMT1: x of each value's source"),
    GS_FIELD_RO(struct disk_in, ypts, GS_TABLE, "m", "FMT1: y of each value's source"),
    GS_FIELD_RO(struct disk_in, zpts, GS_TABLE, "m", "FMT1: z of each value's source"),
    GS_FIELD_END,
};

/* val[x][y]: a float of the array. */
static const struct gs_field disk_in_val_field = {
    "val", GS_FLOAT, 0, sizeof(float), "", 0, "the values read at the last tick",
};

static const char *
name_of(const struct disk_in *d)
{
    return d->filename && d->filename[0] ? d->filename : "";
}

static void
close_file(struct disk_in *d)
{
    if (d->fp)
        fclose(d->fp);
    d->fp = NULL;
    d->is_open = 0;
}

/* Messages from EL point into val: after it moves they are resolved again,
 * and the compiled model, which may have copied them, is rebuilt. */
static void
val_moved(struct disk_in *d)
{
    for (int i = 0; i < d->el.nout; i++)
        msg_resolve(d->el.out[i]);
    model_changed(d->el.model);
}

/* Gives val nx * ny zeroed values (or none when either is not positive). */
static void
alloc_val(struct disk_in *d)
{
    int n = d->nx > 0 && d->ny > 0 ? d->nx * d->ny : 0;
    if (d->allocated && d->anx == d->nx && d->any == d->ny) {
        memset(d->val, 0, (size_t)n * sizeof *d->val);
        return;
    }
    free(d->val);
    d->val = n ? xcalloc((size_t)n, sizeof *d->val) : NULL;
    d->anx = n ? d->nx : 0;
    d->any = n ? d->ny : 0;
    d->allocated = n > 0;
    val_moved(d);
}

static bool
disk_in_find_field(struct gs_element *el, const char *name, struct gs_fref *out)
{
    struct disk_in *d = GS_INST(struct disk_in, el);
    long x, y;
    int n = 0;
    if (sscanf(name, "val[%ld][%ld]%n", &x, &y, &n) != 2 || name[n] != '\0')
        return false;
    if (!d->allocated || x < 0 || x >= d->anx || y < 0 || y >= d->any)
        return false;
    out->field = &disk_in_val_field;
    out->type = GS_FLOAT;
    out->addr = &d->val[x * d->any + y];
    out->flags = 0;
    return true;
}

static enum gs_status
disk_in_copy(struct gs_sim *sim, struct gs_element *dst, const struct gs_element *src)
{
    (void)sim;
    struct disk_in *d = GS_INST(struct disk_in, dst);
    const struct disk_in *s = GS_INST(const struct disk_in, src);
    d->fp = NULL;
    d->is_open = 0;
    d->raw = NULL;
    d->capraw = 0;
    size_t n = (size_t)s->anx * (size_t)s->any;
    d->val = n ? xcalloc(n, sizeof *d->val) : NULL;
    if (n)
        memcpy(d->val, s->val, n * sizeof *d->val);
    return GS_OK;
}

static void
disk_in_destroy(struct gs_element *el)
{
    struct disk_in *d = GS_INST(struct disk_in, el);
    close_file(d);
    free(d->val);
    d->val = NULL;
    free(d->raw);
    d->raw = NULL;
}

static struct interpol *
coord_table(struct gs_sim *sim, struct interpol *ip, int n, const float *xyz, int k)
{
    if (!ip)
        ip = interpol_new();
    if (interpol_alloc(sim, ip, n, 0, n) != GS_OK) {
        gs_diag_clear(sim);
        return ip;
    }
    for (int i = 0; i < n; i++)
        ip->table[i] = xyz[3 * i + k];
    return ip;
}

static enum gs_status
read_header(struct gs_sim *sim, struct disk_in *d, FILE *fp)
{
    struct fmt1_header h;
    if (fmt1_read_header(sim, fp, name_of(d), &h) != GS_OK)
        return GS_ERR;
    d->start_time = h.start;
    d->dt = h.dt;
    d->datatype = h.datatype;
    d->header_size = (int)h.size;
    d->nx = 1;
    d->ny = h.ndata;
    alloc_val(d);
    d->xpts = coord_table(sim, d->xpts, h.ndata, h.xyz, 0);
    d->ypts = coord_table(sim, d->ypts, h.ndata, h.xyz, 1);
    d->zpts = coord_table(sim, d->zpts, h.ndata, h.xyz, 2);
    free(h.xyz);
    return GS_OK;
}

static enum gs_status
disk_in_reset(struct gs_sim *sim, struct gs_element *el)
{
    struct disk_in *d = GS_INST(struct disk_in, el);
    close_file(d);
    d->lastpos = 0;
    FILE *fp = fopen(name_of(d), "rb");
    if (!fp) {
        char *p = elem_path_str(el);
        gs_error(sim, "disk_in '%s' cannot open '%s' for reading: %s", p, name_of(d),
                 strerror(errno));
        free(p);
        return GS_ERR;
    }
    d->fileformat = fmt1_is(fp) ? FORMAT_FMT1 : FORMAT_ASCII;
    enum gs_status st = GS_OK;
    if (d->fileformat == FORMAT_FMT1) {
        st = read_header(sim, d, fp);
    } else if (d->nx <= 0 || d->ny <= 0) {
        char *p = elem_path_str(el);
        st = gs_error(sim, "disk_in '%s' reads the text file '%s' into nx by ny values: set nx "
                           "and ny (both > 0) first, they are %d and %d", p, name_of(d), d->nx,
                      d->ny);
        free(p);
    } else {
        alloc_val(d);
    }
    if (st != GS_OK || !d->leave_open) {
        fclose(fp);
        return st;
    }
    rewind(fp);
    d->fp = fp;
    d->is_open = 1;
    return GS_OK;
}

/* One tick of a text file: lines until val is full (GENESIS's reading). */
static void
read_text(struct disk_in *d, FILE *fp)
{
    char line[201];
    int x = 0, y = 0;
    bool full = false, wrapped = false, any = false;
    while (!full) {
        while (!full && fgets(line, sizeof line, fp)) {
            const char *p = line;
            char *end;
            for (int k = 0; k < 16 && !full; k++) {
                double v = strtod(p, &end);
                if (end == p)
                    break;
                p = end;
                any = true;
                d->val[x * d->any + y] = (float)v;
                if (++x >= d->anx) {
                    x = 0;
                    if (++y >= d->any)
                        full = true;
                }
            }
        }
        /* At the end: loop starts the file again (once per tick when it
         * held no number at all, which would loop for ever). */
        if (full || !d->loop || (wrapped && !any))
            break;
        rewind(fp);
        wrapped = true;
    }
}

/* One tick of an FMT1 file: the frame of this time, as floats. */
static void
read_frame(struct disk_in *d, FILE *fp, double t)
{
    int size = fmt1_datasize(d->datatype);
    if (!size || !d->allocated || !(d->dt != 0))
        return;
    long frame = (long)(int)((t - (double)d->time_offset) / (double)d->dt);
    size_t bytes = (size_t)d->any * (size_t)size;
    if (frame < 0 || fseek(fp, d->header_size + frame * (long)bytes, SEEK_SET) != 0)
        return;
    if (bytes > d->capraw) {
        d->capraw = bytes;
        d->raw = xrealloc(d->raw, bytes);
    }
    if (bytes == 0 || fread(d->raw, 1, bytes, fp) != bytes)
        return;
    for (int i = 0; i < d->any; i++) {
        const unsigned char *r = d->raw + (size_t)i * (size_t)size;
        double v = 0;
        switch (d->datatype) {
        case FMT1_SHORT: {
            short s;
            memcpy(&s, r, sizeof s);
            v = s;
            break;
        }
        case FMT1_INT: {
            int n;
            memcpy(&n, r, sizeof n);
            v = n;
            break;
        }
        case FMT1_FLOAT: {
            float f;
            memcpy(&f, r, sizeof f);
            v = f;
            break;
        }
        default:
            memcpy(&v, r, sizeof v);
            break;
        }
        d->val[i] = (float)v;
    }
}

static enum gs_status
disk_in_process(struct gs_sim *sim, struct gs_element *el, const struct gs_tick *tick)
{
    struct disk_in *d = GS_INST(struct disk_in, el);
    if (!d->allocated)
        return GS_OK;
    if (!d->fp) {
        d->fp = fopen(name_of(d), "rb");
        if (!d->fp) {
            char *p = elem_path_str(el);
            gs_error(sim, "disk_in '%s' cannot open '%s' for reading at t = %g: %s", p,
                     name_of(d), tick->t, strerror(errno));
            free(p);
            return GS_ERR;
        }
        d->is_open = 1;
        if (d->fileformat == FORMAT_ASCII && fseek(d->fp, d->lastpos, SEEK_SET) != 0)
            rewind(d->fp);
    }
    if (d->fileformat == FORMAT_FMT1)
        read_frame(d, d->fp, tick->t);
    else
        read_text(d, d->fp);
    if (!d->leave_open) {
        d->lastpos = ftell(d->fp);
        close_file(d);
    }
    return GS_OK;
}

static enum gs_status
disk_in_check_fields(struct gs_sim *sim, const struct gs_element *new_,
                     const struct gs_element *old)
{
    const struct disk_in *n = GS_INST(const struct disk_in, new_);
    const struct disk_in *o = GS_INST(const struct disk_in, old);
    if (n->nx < 0 || n->ny < 0)
        return gs_error(sim, "nx and ny must be >= 0, got %d and %d", n->nx, n->ny);
    if ((n->nx != o->nx || n->ny != o->ny) && o->fileformat == FORMAT_FMT1 && o->allocated)
        return gs_error(sim, "the size of val comes from the FMT1 file '%s' at reset; nx and ny "
                             "cannot be set", name_of(o));
    if (n->fileformat != FORMAT_ASCII && n->fileformat != FORMAT_FMT1)
        return gs_error(sim, "fileformat must be 0 (text) or 1 (FMT1), got %d", n->fileformat);
    return GS_OK;
}

static void
disk_in_field_set(struct gs_sim *sim, struct gs_element *el, const struct gs_field *fd)
{
    (void)sim;
    struct disk_in *d = GS_INST(struct disk_in, el);
    if (strcmp(fd->name, "filename") == 0) {
        close_file(d);
        d->lastpos = 0;
    } else if (strcmp(fd->name, "leave_open") == 0 && !d->leave_open && d->fp) {
        d->lastpos = ftell(d->fp);
        close_file(d);
    } else if ((strcmp(fd->name, "nx") == 0 || strcmp(fd->name, "ny") == 0)
               && (d->nx != d->anx || d->ny != d->any)) {
        /* A text file's array follows nx and ny at once, as GENESIS's SET does. */
        alloc_val(d);
    }
}

const struct gs_class disk_in_class = {
    .name = "disk_in",
    .classes = "segment",
    .desc = "reads a 2-D array of values, val[x][y], from a text or FMT1 file at every tick",
    .size = sizeof(struct disk_in),
    .fields = disk_in_fields,
    .copy = disk_in_copy,
    .destroy = disk_in_destroy,
    .reset = disk_in_reset,
    .process = disk_in_process,
    .check_fields = disk_in_check_fields,
    .field_set = disk_in_field_set,
    .find_field = disk_in_find_field,
};
