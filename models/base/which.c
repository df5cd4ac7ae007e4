/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * which.c: a program's path along $PATH (which.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "which.h"

bool
gs_which(const char *prog, struct strbuf *sb)
{
    sb_reset(sb);
    if (strchr(prog, '/')) {
        sb_puts(sb, prog);
        return access(prog, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        sb_reset(sb);
        if (n == 0)
            sb_puts(sb, ".");
        else
            sb_append(sb, path, n);
        sb_putc(sb, '/');
        sb_puts(sb, prog);
        struct stat st;
        if (stat(sb_str(sb), &st) == 0 && S_ISREG(st.st_mode) && access(sb_str(sb), X_OK) == 0)
            return true;
        path += n;
        if (*path == ':')
            path++;
    }
    sb_reset(sb);
    return false;
}
