/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * replay.c: runs a fuzz target's LLVMFuzzerTestOneInput over files, without
 * libFuzzer, as a TAP test (one check per directory). With arguments, they
 * are files or directories; without, the folders REPLAY_DIRS names (the
 * target's corpus and script tests, set by its build) under
 * $GS_TOP_SRCDIR (or "."). A failing input aborts the program, which the
 * TAP driver reports.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef REPLAY_PREFIX_MAX
#define REPLAY_PREFIX_MAX 512
#endif

static int checks;

static int
run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, n = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return -1;
    LLVMFuzzerTestOneInput(buf, n);
    /* and every prefix of small inputs (the prompt sees those), unless
     * the target's build sets REPLAY_PREFIX_MAX to 0 */
    if (n <= REPLAY_PREFIX_MAX)
        for (size_t k = 0; k < n; k++)
            LLVMFuzzerTestOneInput(buf, k);
    free(buf);
    return 0;
}

static void
run_path(const char *given)
{
    struct stat st;
    int files = 0, bad = 0;
    /* A target may change directory (fuzz_cmd works in a folder of its own). */
    char *path = realpath(given, NULL);
    if (!path) {
        printf("not ok %d - %s: no such file or folder\n", ++checks, given);
        return;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            size_t len = strlen(path) + strlen(e->d_name) + 2;
            char *p = malloc(len);
            if (!p)
                continue;
            snprintf(p, len, "%s/%s", path, e->d_name);
            struct stat fst;
            if (stat(p, &fst) == 0 && S_ISREG(fst.st_mode)) {
                bad += run_file(p) != 0;
                files++;
            }
            free(p);
        }
        if (d)
            closedir(d);
    } else {
        bad += run_file(path) != 0;
        files++;
    }
    printf("%s %d - %s: %d inputs\n", bad || files == 0 ? "not ok" : "ok", ++checks, given, files);
    free(path);
}

int
main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            run_path(argv[i]);
    } else {
        static const char *const dirs[] = {REPLAY_DIRS};
        const char *top = getenv("GS_TOP_SRCDIR");
        for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", top ? top : ".", dirs[i]);
            run_path(path);
        }
    }
    printf("1..%d\n", checks);
    return 0;
}
