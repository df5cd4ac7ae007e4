/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_sli.c: libFuzzer target for the SLI compiler (lexer, parser and Lua
 * writer). Besides "no crash, no hang, no sanitizer report", it checks the
 * compiler's promises on every input:
 *   - an accepted script becomes Lua that Lua's parser accepts too (only
 *     Lua's own size limits may refuse it, never its syntax);
 *   - a refused script gets one message that starts with "NAME:LINE: ";
 *   - the Lua has no more lines than the script (plus the last one).
 * Built by --enable-fuzzing (CC=clang); replay.c runs the same function
 * over the corpus in `make check`. See README.md here.
 */
#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/sli/sli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
lines_in(const char *s, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            lines++;
    return lines;
}

/* Lua's messages for code too big or too deep, which are not syntax errors. */
static bool
lua_limit(const char *msg)
{
    static const char *const limits[] = {
        "too many registers",       "C stack overflow",
        "too many local variables", "control structure too long",
        "too many upvalues",        "constant table overflow",
        "not enough memory",        NULL,
    };
    for (const char *const *l = limits; *l; l++)
        if (strstr(msg, *l))
            return true;
    return false;
}

static void
fail(const char *what, const char *detail, const uint8_t *data, size_t size)
{
    fprintf(stderr, "fuzz_sli: %s\n%s\n--- input (%zu bytes) ---\n", what, detail, size);
    fwrite(data, 1, size, stderr);
    fputc('\n', stderr);
    abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lua_State *L;
    if (!L)
        L = luaL_newstate();
    if (!L)
        return 0;
    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
    struct sli_options opt = {.markers = size % 2 == 1};
    enum sli_status st = sli_compile((const char *)data, size, "fuzz.g", &opt, &out, &err);
    if (st == SLI_OK) {
        if (err.len)
            fail("a message with SLI_OK", sb_str(&err), data, size);
        if (lines_in(sb_str(&out), out.len) > lines_in((const char *)data, size) + 1)
            fail("more Lua lines than script lines", sb_str(&out), data, size);
        if (luaL_loadbuffer(L, sb_str(&out), out.len, "=fuzz") != LUA_OK) {
            const char *msg = lua_tostring(L, -1);
            if (!msg || !lua_limit(msg)) {
                struct strbuf d = STRBUF_INIT;
                sb_printf(&d, "lua: %s\n--- lua ---\n%s", msg ? msg : "?", sb_str(&out));
                fail("the Lua written does not load", sb_str(&d), data, size);
            }
        }
        lua_settop(L, 0);
    } else if (st == SLI_ERROR || st == SLI_INCOMPLETE) {
        if (strncmp(sb_str(&err), "fuzz.g:", 7) != 0)
            fail("a message without NAME:LINE", sb_str(&err), data, size);
        if (out.len)
            fail("Lua written for a refused script", sb_str(&out), data, size);
    } else {
        fail("an unknown status", "", data, size);
    }
    sb_free(&out);
    sb_free(&err);
    /* Keep the state small across millions of inputs. */
    static unsigned runs;
    if (++runs % 1000 == 0)
        lua_gc(L, LUA_GCCOLLECT, 0);
    return 0;
}
