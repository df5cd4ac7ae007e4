/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sli.h: the SLI (.g) to Lua compiler. It depends only on models/base
 * (strbuf): no Lua state, so it is unit-tested and fuzzed on its own.
 */
#ifndef GS_SLI_H
#define GS_SLI_H

#include <stdbool.h>
#include <stddef.h>

#include "../../models/base/strbuf.h"

enum sli_status {
    SLI_OK,         /* OUT holds the Lua source */
    SLI_ERROR,      /* ERR holds "NAME:LINE: message" */
    SLI_INCOMPLETE, /* the text ends inside a block, string or continuation */
};

struct sli_options {
    bool markers;   /* add "-- NAME:LINE" comments (for --emit-lua) */
};

/*
 * Compiles SRC (LEN bytes, from NAME, used in messages) to Lua source and
 * appends it to OUT. The generated code keeps every statement on the Lua
 * line equal to its SLI line, so Lua's own locations name the .g line when
 * the chunk is loaded as "@NAME".
 */
enum sli_status sli_compile(const char *src, size_t len, const char *name,
                            const struct sli_options *opt, struct strbuf *out,
                            struct strbuf *err);

#endif
