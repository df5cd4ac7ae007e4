/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wire.c: the byte format of messages between ranks: little-endian
 * fixed-size integers and doubles, strings with a length and a trailing
 * NUL (so a reader can use them in place), and raw byte blocks. Every
 * rank runs the same binary, so no version or byte-order negotiation is
 * needed; the reader still checks every length, and a message that does
 * not parse is reported as a bug by the caller.
 */
#include <string.h>

#include "par_int.h"

static void
put(struct wire *w, const void *p, size_t n)
{
    sb_append(&w->sb, p, n);
}

void
wire_u32(struct wire *w, uint32_t v)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(w, b, 4);
}

void
wire_u64(struct wire *w, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(w, b, 8);
}

void
wire_f64(struct wire *w, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    wire_u64(w, u);
}

void
wire_bytes(struct wire *w, const void *p, size_t n)
{
    wire_u64(w, n);
    if (n)
        put(w, p, n);
}

void
wire_str(struct wire *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    wire_u64(w, n);
    if (n)
        put(w, s, n);
    put(w, "", 1); /* the NUL, so readers can use the string in place */
}

static const unsigned char *
take(struct wire_rd *r, size_t n)
{
    if (r->bad || r->left < n) {
        r->bad = true;
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)r->p;
    r->p += n;
    r->left -= n;
    return p;
}

uint32_t
rd_u32(struct wire_rd *r)
{
    const unsigned char *b = take(r, 4);
    uint32_t v = 0;
    if (b)
        for (int i = 0; i < 4; i++)
            v |= (uint32_t)b[i] << (8 * i);
    return v;
}

uint64_t
rd_u64(struct wire_rd *r)
{
    const unsigned char *b = take(r, 8);
    uint64_t v = 0;
    if (b)
        for (int i = 0; i < 8; i++)
            v |= (uint64_t)b[i] << (8 * i);
    return v;
}

double
rd_f64(struct wire_rd *r)
{
    uint64_t u = rd_u64(r);
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

const void *
rd_bytes(struct wire_rd *r, size_t *n)
{
    uint64_t len = rd_u64(r);
    if (r->bad || len > r->left) {
        r->bad = true;
        *n = 0;
        return NULL;
    }
    *n = (size_t)len;
    return take(r, (size_t)len);
}

const char *
rd_str(struct wire_rd *r)
{
    uint64_t len = rd_u64(r);
    if (r->bad || len >= r->left) {
        r->bad = true;
        return "";
    }
    const char *s = (const char *)take(r, (size_t)len + 1);
    if (!s || s[len] != '\0') {
        r->bad = true;
        return "";
    }
    return s;
}
