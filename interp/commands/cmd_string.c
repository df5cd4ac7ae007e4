/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmd_string.c: the string family: strcat, strcmp, strncmp, strlen,
 * substring, findchar, chr. Indexes start at 0, as in GENESIS.
 */
#include <string.h>

#include "../cmd.h"

static enum gs_status
cmd_strcat_exec(struct gs_call *call)
{
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < call->npos; i++)
        sb_puts(&sb, call->pos[i]);
    gs_result_str(call, "%s", sb_str(&sb));
    sb_free(&sb);
    return GS_OK;
}

const struct gs_cmd cmd_strcat_entry = {
    .name = "strcat",
    .family = "string",
    .summary = "join strings",
    .usage = "s1 s2 [s3...]",
    .min_pos = 2,
    .max_pos = GS_VARARGS,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_strcat_exec,
};

static int
sign(int v)
{
    return (v > 0) - (v < 0);
}

static enum gs_status
cmd_strcmp_exec(struct gs_call *call)
{
    gs_result_int(call, sign(strcmp(gs_arg(call, 0), gs_arg(call, 1))));
    return GS_OK;
}

const struct gs_cmd cmd_strcmp_entry = {
    .name = "strcmp",
    .family = "string",
    .summary = "compare strings: -1, 0 or 1",
    .usage = "s1 s2",
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_strcmp_exec,
};

static enum gs_status
cmd_strncmp_exec(struct gs_call *call)
{
    long n = gs_arg_int(call, 2);
    if (n < 0)
        return gs_error(call->sim, "n must be >= 0, got '%s'", gs_arg(call, 2));
    gs_result_int(call, sign(strncmp(gs_arg(call, 0), gs_arg(call, 1), (size_t)n)));
    return GS_OK;
}

const struct gs_cmd cmd_strncmp_entry = {
    .name = "strncmp",
    .family = "string",
    .summary = "compare the first n characters of two strings: -1, 0 or 1",
    .usage = "s1 s2 n",
    .pos = {{"s1", GS_ARG_STR}, {"s2", GS_ARG_STR}, {"n", GS_ARG_INT}},
    .min_pos = 3,
    .max_pos = 3,
    .flags = GS_CMD_RESULT,
    .exec = cmd_strncmp_exec,
};

static enum gs_status
cmd_strlen_exec(struct gs_call *call)
{
    gs_result_int(call, (long long)strlen(gs_arg(call, 0)));
    return GS_OK;
}

const struct gs_cmd cmd_strlen_entry = {
    .name = "strlen",
    .family = "string",
    .summary = "length of a string",
    .usage = "s",
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_strlen_exec,
};

static enum gs_status
cmd_substring_exec(struct gs_call *call)
{
    const char *s = gs_arg(call, 0);
    long len = (long)strlen(s);
    long start = gs_arg_int(call, 1);
    long end = gs_arg(call, 2) ? gs_arg_int(call, 2) : len - 1;
    if (start < 0 || start > len)
        return gs_error(call->sim, "start index %ld is outside '%s' (0-%ld)", start, s, len);
    if (end >= len)
        end = len - 1;
    if (end < start - 1)
        return gs_error(call->sim, "end index %ld is before start index %ld", end, start);
    gs_result_str(call, "%.*s", (int)(end - start + 1), s + start);
    return GS_OK;
}

const struct gs_cmd cmd_substring_entry = {
    .name = "substring",
    .family = "string",
    .summary = "characters start..end (inclusive, from 0) of a string",
    .usage = "s start [end]",
    .pos = {{"s", GS_ARG_STR}, {"start", GS_ARG_INT}, {"end", GS_ARG_INT}},
    .min_pos = 2,
    .max_pos = 3,
    .flags = GS_CMD_RESULT,
    .exec = cmd_substring_exec,
};

static enum gs_status
cmd_findchar_exec(struct gs_call *call)
{
    const char *s = gs_arg(call, 0), *c = gs_arg(call, 1);
    if (c[0] == '\0')
        return gs_error(call->sim, "expected a character to find, got ''");
    const char *p = strchr(s, c[0]);
    gs_result_int(call, p ? p - s : -1);
    return GS_OK;
}

const struct gs_cmd cmd_findchar_entry = {
    .name = "findchar",
    .family = "string",
    .summary = "position of the first occurrence of a character, or -1",
    .usage = "s char",
    .min_pos = 2,
    .max_pos = 2,
    .flags = GS_CMD_RESULT | GS_CMD_RAW,
    .exec = cmd_findchar_exec,
};

static enum gs_status
cmd_chr_exec(struct gs_call *call)
{
    long c = gs_arg_int(call, 0);
    if (c < 1 || c > 255)
        return gs_error(call->sim, "expected a character code 1-255, got '%s'", gs_arg(call, 0));
    gs_result_str(call, "%c", (int)c);
    return GS_OK;
}

const struct gs_cmd cmd_chr_entry = {
    .name = "chr",
    .family = "string",
    .summary = "the character with a given code",
    .usage = "code",
    .pos = {{"code", GS_ARG_INT}},
    .min_pos = 1,
    .max_pos = 1,
    .flags = GS_CMD_RESULT,
    .exec = cmd_chr_exec,
};
