/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_nodelist.c: libFuzzer target for the node-list parser
 * (parallel/nodelist.c), built with --enable-fuzzing (CC=clang). The first
 * byte picks a zone layout and the caller's node, the rest is the list.
 * Besides crashes, it checks what the parser promises: on success sorted,
 * distinct, existing nodes; on failure a message and no list.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../parallel/par.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int one_start[] = {0}, one_size[] = {8};
    static const int farm_start[] = {0, 1, 2, 3}, farm_size[] = {1, 1, 1, 1};
    static const int mix_start[] = {0, 2, 4}, mix_size[] = {2, 2, 1};
    if (size == 0)
        return 0;
    struct par_layout lay;
    int total;
    switch (data[0] % 3) {
    case 0:
        lay = (struct par_layout){1, one_start, one_size, data[0] / 3 % 8};
        total = 8;
        break;
    case 1:
        lay = (struct par_layout){4, farm_start, farm_size, data[0] / 3 % 4};
        total = 4;
        break;
    default:
        lay = (struct par_layout){3, mix_start, mix_size, data[0] / 3 % 5};
        total = 5;
        break;
    }
    char *text = malloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0'; /* a NUL inside ends the list early, as in C */
    int *v = NULL, n = -1;
    char err[256] = "";
    if (par_nodelist_parse(&lay, text, &v, &n, err, sizeof err) == GS_OK) {
        for (int i = 0; i < n; i++)
            if (v[i] < 0 || v[i] >= total || (i > 0 && v[i] <= v[i - 1]))
                abort();
    } else if (err[0] == '\0' || v != NULL) {
        abort();
    }
    free(v);
    free(text);
    return 0;
}
