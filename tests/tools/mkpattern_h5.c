/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkpattern_h5.c: writes an HDF5 pattern file (docs/regions.md) from a
 * text one, for tests/parallel/regions_h5.test: the datasets src and dst
 * (strings) and weight and delay (doubles; NaN where a line gives none),
 * as h5py would write them, and the wrong layouts the errors are about.
 *
 *   mkpattern_h5 IN.txt OUT.h5 [-vlen] [-utf8] [-omit D] [-int D] [-text D] [-2d D] [-short D]
 *
 * -vlen: variable-length strings (h5py.string_dtype()), else fixed length
 * (numpy's "S"); -utf8: strings marked UTF-8; -omit D: no dataset D;
 * -int D: D as integers (the row numbers); -text D: D as strings; -2d D:
 * D as [rows x 1]; -short D: D one row short. Lines of IN are
 * "source destination [weight [delay]]", '#' comments.
 */
#include <hdf5.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXROWS 1000

static char *src[MAXROWS], *dst[MAXROWS];
static double wt[MAXROWS], dl[MAXROWS];
static int nrows;
static bool vlen, utf8;
static const char *omit = "", *as_int = "", *as_text = "", *two_d = "", *short_d = "";

static hid_t
string_type(size_t fixed)
{
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, vlen ? H5T_VARIABLE : fixed);
    H5Tset_cset(t, utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
    if (!vlen)
        H5Tset_strpad(t, H5T_STR_NULLPAD);
    return t;
}

/* Dataset NAME of the N strings V, or of their row numbers, or ... as the
 * options say. */
static void
put(hid_t f, const char *name, char **v, const double *x)
{
    if (strcmp(omit, name) == 0)
        return;
    hsize_t n = (hsize_t)nrows - (strcmp(short_d, name) == 0);
    hsize_t dims[2] = {n, 1};
    hid_t sp = H5Screate_simple(strcmp(two_d, name) == 0 ? 2 : 1, dims, NULL);
    char *text[MAXROWS];
    char num[MAXROWS][32];
    long ints[MAXROWS];
    for (int i = 0; i < nrows; i++) {
        ints[i] = i;
        if (x)
            snprintf(num[i], sizeof num[i], "%g", x[i]);
        text[i] = v ? v[i] : num[i];
    }
    bool strings = (v && strcmp(as_int, name) != 0) || strcmp(as_text, name) == 0;
    hid_t t;
    const void *buf;
    char *fixed = NULL;
    if (strings) {
        size_t len = 1;
        for (int i = 0; i < nrows; i++)
            if (strlen(text[i]) > len)
                len = strlen(text[i]);
        t = string_type(len);
        if (vlen)
            buf = text;
        else {
            fixed = calloc((size_t)nrows, len);
            for (int i = 0; i < nrows; i++)
                memcpy(fixed + (size_t)i * len, text[i], strlen(text[i]));
            buf = fixed;
        }
    } else if (!x || strcmp(as_int, name) == 0) {
        t = H5Tcopy(H5T_NATIVE_LONG);
        buf = ints;
    } else {
        t = H5Tcopy(H5T_NATIVE_DOUBLE);
        buf = x;
    }
    hid_t d = H5Dcreate2(f, name, t, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (d < 0 || H5Dwrite(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) {
        fprintf(stderr, "mkpattern_h5: cannot write dataset %s\n", name);
        exit(1);
    }
    free(fixed);
    H5Dclose(d);
    H5Tclose(t);
    H5Sclose(sp);
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: mkpattern_h5 IN.txt OUT.h5 [options]\n");
        return 2;
    }
    for (int i = 3; i < argc; i++) {
        const char **opt = strcmp(argv[i], "-omit") == 0    ? &omit
                           : strcmp(argv[i], "-int") == 0   ? &as_int
                           : strcmp(argv[i], "-text") == 0  ? &as_text
                           : strcmp(argv[i], "-2d") == 0    ? &two_d
                           : strcmp(argv[i], "-short") == 0 ? &short_d
                                                            : NULL;
        if (strcmp(argv[i], "-vlen") == 0)
            vlen = true;
        else if (strcmp(argv[i], "-utf8") == 0)
            utf8 = true;
        else if (opt && i + 1 < argc)
            *opt = argv[++i];
        else {
            fprintf(stderr, "mkpattern_h5: bad option '%s'\n", argv[i]);
            return 2;
        }
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    char line[1024];
    while (fgets(line, sizeof line, in) && nrows < MAXROWS) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char s[512], d[512];
        double w = NAN, x = NAN;
        if (sscanf(line, "%511s %511s %lf %lf", s, d, &w, &x) < 2)
            continue;
        src[nrows] = strdup(s);
        dst[nrows] = strdup(d);
        wt[nrows] = w;
        dl[nrows++] = x;
    }
    fclose(in);
    hid_t f = H5Fcreate(argv[2], H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (f < 0) {
        fprintf(stderr, "mkpattern_h5: cannot create %s\n", argv[2]);
        return 1;
    }
    put(f, "src", src, NULL);
    put(f, "dst", dst, NULL);
    put(f, "weight", NULL, wt);
    put(f, "delay", NULL, dl);
    H5Fclose(f);
    for (int i = 0; i < nrows; i++) {
        free(src[i]);
        free(dst[i]);
    }
    return 0;
}
