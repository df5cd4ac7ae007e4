/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ptab_file.c: the SAVE and RESTORE actions of every paramtable class.
 * A class describes its file as two lists of items (struct ptab_io): the
 * head, read first because it holds the table sizes, and the body, read
 * once the tables are made. The files are GENESIS's: the fields in the
 * order its SAVE actions write them, in native byte order, with GENESIS's
 * shorts, 8-byte unsigned longs and fixed-size labels, so a search saved
 * by GENESIS resumes here and the other way round.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

static void *
at(const struct gs_element *el, size_t offset)
{
    return (char *)(uintptr_t)el + offset;
}

static void *
array_at(const struct gs_element *el, size_t offset)
{
    return *(void **)at(el, offset);
}

static bool
put(FILE *fp, const void *p, size_t size)
{
    return fwrite(p, size, 1, fp) == 1;
}

static bool
get(FILE *fp, void *p, size_t size)
{
    return fread(p, size, 1, fp) == 1;
}

/* One label of LEN bytes, zero padded (GENESIS's fixed-size char arrays). */
static bool
put_label(FILE *fp, const char *s, size_t len)
{
    char buf[PTAB_LABEL_SIZE + 1] = {0};
    strncpy(buf, s ? s : "", len);
    return fwrite(buf, 1, len, fp) == len;
}

static bool
get_label(FILE *fp, char **s, size_t len)
{
    char buf[PTAB_LABEL_SIZE + 2] = {0};
    if (fread(buf, 1, len, fp) != len)
        return false;
    buf[PTAB_LABEL_SIZE] = '\0'; /* GENESIS's labels hold 80 characters */
    free(*s);
    *s = xstrdup(buf);
    return true;
}

/* Writes (WR) or reads one item of EL. */
static bool
item_io(FILE *fp, struct gs_element *el, const struct ptab_io *it, bool wr)
{
    int n = it->kind >= PTAB_IO_INTS ? ptab_len_of(el, it->len) : 1;
    void *p = it->kind >= PTAB_IO_INTS ? array_at(el, it->offset) : at(el, it->offset);
    for (int i = 0; i < n; i++) {
        bool ok = true;
        switch (it->kind) {
        case PTAB_IO_INT:
        case PTAB_IO_INTS:
            ok = wr ? put(fp, (int *)p + i, sizeof(int)) : get(fp, (int *)p + i, sizeof(int));
            break;
        case PTAB_IO_SHORT:
        case PTAB_IO_SHORTS: {
            short s = (short)((int *)p)[i];
            ok = wr ? put(fp, &s, sizeof s) : get(fp, &s, sizeof s);
            if (!wr)
                ((int *)p)[i] = s;
            break;
        }
        case PTAB_IO_DOUBLE:
        case PTAB_IO_DOUBLES:
            ok = wr ? put(fp, (double *)p + i, sizeof(double))
                    : get(fp, (double *)p + i, sizeof(double));
            break;
        case PTAB_IO_ULONG:
        case PTAB_IO_ULONGS: {
            uint64_t v = ((uint32_t *)p)[i];
            ok = wr ? put(fp, &v, sizeof v) : get(fp, &v, sizeof v);
            if (!wr)
                ((uint32_t *)p)[i] = (uint32_t)v;
            break;
        }
        case PTAB_IO_DOUBLE_LOW4: {
            unsigned char b[4];
            memcpy(b, p, sizeof b);
            ok = wr ? put(fp, b, sizeof b) : get(fp, b, sizeof b);
            if (!wr)
                memcpy(p, b, sizeof b);
            break;
        }
        case PTAB_IO_LABELS:
        case PTAB_IO_LABELS1: {
            size_t len = PTAB_LABEL_SIZE + (it->kind == PTAB_IO_LABELS1);
            ok = wr ? put_label(fp, ((char **)p)[i], len) : get_label(fp, (char **)p + i, len);
            break;
        }
        case PTAB_IO_END:
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

static bool
items_io(FILE *fp, struct gs_element *el, const struct ptab_io *items, bool wr)
{
    for (const struct ptab_io *it = items; it->kind != PTAB_IO_END; it++)
        if (!item_io(fp, el, it, wr))
            return false;
    return true;
}

enum gs_status
ptab_save(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    const struct ptab_class *pc = ptab_of(el);
    const char *fn;
    if (ptab_need_tables(sim, el, "SAVE") != GS_OK
        || ptab_file_arg(sim, el, "SAVE", argc, argv, &fn) != GS_OK)
        return GS_ERR;
    FILE *fp = fopen(fn, "wb");
    if (!fp)
        return gs_error(sim, "%s: SAVE: cannot open '%s' for writing", el->cls->name, fn);
    bool ok = items_io(fp, el, pc->file_head, true) && items_io(fp, el, pc->file_body, true);
    if (fclose(fp) != 0 || !ok)
        return gs_error(sim, "%s: SAVE: error writing '%s'", el->cls->name, fn);
    return GS_OK;
}

enum gs_status
ptab_file_alloc(struct gs_sim *sim, struct gs_element *el)
{
    const struct ptab *p = (const struct ptab *)(const void *)el;
    if (p->num_params < 0 || p->num_params > 1000000)
        return gs_error(sim, "%s: RESTORE: the file holds %d parameters", el->cls->name,
                        p->num_params);
    return ptab_alloc(sim, el, p->num_params);
}

enum gs_status
ptab_restore(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    const struct ptab_class *pc = ptab_of(el);
    const char *fn;
    if (ptab_file_arg(sim, el, "RESTORE", argc, argv, &fn) != GS_OK)
        return GS_ERR;
    FILE *fp = fopen(fn, "rb");
    if (!fp)
        return gs_error(sim, "%s: RESTORE: cannot open '%s'", el->cls->name, fn);
    /* Read into a copy whose arrays are its own, so that a bad file
     * leaves EL as it was. */
    struct gs_element *tmp = xmalloc(el->cls->size);
    memcpy(tmp, el, el->cls->size);
    for (int k = 0; pc->arrays[k].name; k++)
        *(void **)at(tmp, pc->arrays[k].offset) = NULL;
    ((struct ptab *)(void *)tmp)->alloced = 0;
    enum gs_status st = GS_OK;
    if (!items_io(fp, tmp, pc->file_head, false))
        st = gs_error(sim, "%s: RESTORE: '%s' is not a %s SAVE file", el->cls->name, fn,
                      el->cls->name);
    else if (pc->file_alloc(sim, tmp) != GS_OK)
        st = GS_ERR;
    else if (!items_io(fp, tmp, pc->file_body, false))
        st = gs_error(sim, "%s: RESTORE: '%s' ends early", el->cls->name, fn);
    fclose(fp);
    if (st == GS_OK) {
        ptab_free(el);
        memcpy(el, tmp, el->cls->size);
    } else {
        ptab_free(tmp);
    }
    free(tmp);
    return st;
}
