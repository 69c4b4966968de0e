/*
 * ingest/rawpack.c — the raw text of an article stored as edits against its
 * cleaned body (see ingest.h, ingest_raw_pack).
 *
 * Cleaning mostly drops whole lines and keeps the rest as they were, so the
 * raw text is, line for line, the body's lines plus a few others. Storing it
 * whole doubled the text in the index (1 GB instead of 0.5 GB at 100k
 * documents) and with it the indexer's writes. Packed, a document's raw text
 * costs the lines cleaning removed or changed, plus a few bytes per run of
 * lines it kept.
 *
 * Format (bytes): a version byte (RAWPACK_V1), then operations until the end:
 *   'c' SKIP COUNT  skip SKIP body lines, then copy the next COUNT body lines
 *   'l' LEN BYTES   a literal line of LEN bytes (it may hold '\n' itself)
 * SKIP, COUNT and LEN are unsigned LEB128 varints. The output is the lines
 * the operations produce, joined with '\n'. Lines are split on '\n' only,
 * and the text after the last '\n' (possibly empty) is a line too, so any
 * byte string joins back exactly: "a\n" is the lines "a" and "".
 *
 * RAWPACK_V2 is the same operations deflated (zlib): the version byte, the
 * inflated length of the operations as a varint, then zlib's stream. A
 * saved web page is almost all markup that cleaning removes, so its
 * operations are one long literal: deflated, a page takes a fifth of the
 * space (the 130 pages of Readability's tests, 25.7 MB: their index went
 * from 29.9 MB to 9.4 MB). Short packs stay V1, where deflate would save
 * little and cost a call.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "dossier/ingest.h"

#define RAWPACK_V1 0x01
#define RAWPACK_V2 0x02
/* Packs at least this long are deflated when that saves a quarter. */
#define RAWPACK_DEFLATE_MIN 512
/* zlib's level: 1, the fastest, already shrinks markup four- to fivefold;
 * the packing runs on the indexer's preparing thread. */
#define RAWPACK_LEVEL 1
/* How many body lines past the cursor a raw line is looked for: enough to
 * step over the blank lines and joined lines that cleaning adds or moves,
 * small enough that a line absent from the body costs little. */
#define RAWPACK_WINDOW 16

struct rp_lines {
    const char **start;
    size_t *len;
    size_t n;
};

static void
rp_split(const char *text, size_t n, struct rp_lines *out)
{
    size_t cap = n / 32 + 8;
    out->start = xmalloc(cap * sizeof *out->start);
    out->len = xmalloc(cap * sizeof *out->len);
    out->n = 0;
    const char *p = text, *end = text + n;
    for (;;) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        if (out->n == cap) {
            cap *= 2;
            out->start = xrealloc(out->start, cap * sizeof *out->start);
            out->len = xrealloc(out->len, cap * sizeof *out->len);
        }
        out->start[out->n] = p;
        out->len[out->n] = (size_t)((nl ? nl : end) - p);
        out->n++;
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void
rp_lines_free(struct rp_lines *l)
{
    free(l->start);
    free(l->len);
}

static void
rp_put_varint(struct buf *b, size_t v)
{
    do {
        unsigned char c = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            c |= 0x80;
        buf_putc(b, (char)c);
    } while (v);
}

/* Read a varint at *p (before end); false when it is cut short or too big. */
static bool
rp_get_varint(const unsigned char **p, const unsigned char *end, size_t *out)
{
    size_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (*p >= end)
            return false;
        unsigned char c = *(*p)++;
        v |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

static void
rp_flush_copy(struct buf *out, size_t *skip, size_t *count)
{
    if (*count == 0)
        return;
    buf_putc(out, 'c');
    rp_put_varint(out, *skip);
    rp_put_varint(out, *count);
    *skip = 0;
    *count = 0;
}

/* Apply the edits to the body's lines (see ingest_raw_unpack). */
static int
rp_unpack(const void *packed, size_t n, const struct rp_lines *b, struct buf *out)
{
    const unsigned char *p = packed, *end = p + n;
    size_t cur = 0, lines = 0;

    buf_reset(out);
    buf_puts(out, "");
    if (n == 0 || *p++ != RAWPACK_V1)
        return -1;
    while (p < end) {
        unsigned char op = *p++;
        size_t a, c;
        if (op == 'c') {
            if (!rp_get_varint(&p, end, &a) || !rp_get_varint(&p, end, &c))
                return -1;
            if (a > b->n - cur || c > b->n - cur - a)
                return -1;
            cur += a;
            for (size_t k = 0; k < c; k++, cur++) {
                if (lines++)
                    buf_putc(out, '\n');
                buf_append(out, b->start[cur], b->len[cur]);
            }
        } else if (op == 'l') {
            if (!rp_get_varint(&p, end, &a) || a > (size_t)(end - p))
                return -1;
            if (lines++)
                buf_putc(out, '\n');
            buf_append(out, p, a);
            p += a;
        } else {
            return -1;
        }
    }
    return 0;
}

/* The edits, without the check that they give raw back. */
static void
rp_pack(const char *raw, size_t raw_len, const struct rp_lines *bl, struct buf *out)
{
    struct rp_lines r;
    const struct rp_lines b = *bl;
    rp_split(raw, raw_len, &r);
    size_t cur = 0;               /* next body line not yet used */
    size_t skip = 0, count = 0;   /* the pending copy run */

    buf_putc(out, (char)RAWPACK_V1);
    for (size_t i = 0; i < r.n; i++) {
        size_t found = b.n;
        /* An empty line matches only where the body has one next: sought
         * further, it would skip body lines the next raw lines need. */
        size_t limit = r.len[i] == 0 ? 1 : RAWPACK_WINDOW;
        for (size_t k = cur; k < b.n && k - cur < limit; k++) {
            if (b.len[k] == r.len[i] && memcmp(b.start[k], r.start[i], r.len[i]) == 0) {
                found = k;
                break;
            }
        }
        if (found < b.n) {
            if (found > cur || count == 0) {
                rp_flush_copy(out, &skip, &count);
                skip = found - cur;
            }
            count++;
            cur = found + 1;
            continue;
        }
        rp_flush_copy(out, &skip, &count);
        buf_putc(out, 'l');
        rp_put_varint(out, r.len[i]);
        buf_append(out, r.start[i], r.len[i]);
    }
    rp_flush_copy(out, &skip, &count);
    rp_lines_free(&r);
}

/* A V2 pack inflated into V1 operations (out, reset first). 0, or -1 when
 * it is damaged. */
static int
rp_inflate(const unsigned char *p, size_t n, struct buf *out)
{
    const unsigned char *end = p + n;
    size_t len;
    p++; /* the version byte */
    /* deflate expands at most about 1,032 times: a longer claim is damage */
    if (!rp_get_varint(&p, end, &len) || len / 1100 > (size_t)(end - p))
        return -1;
    buf_reset(out);
    buf_reserve(out, len + 2);
    out->data[0] = (char)RAWPACK_V1;
    uLongf got = (uLongf)len;
    if (uncompress((Bytef *)out->data + 1, &got, p, (uLong)(end - p)) != Z_OK || got != len)
        return -1;
    out->len = len + 1;
    out->data[out->len] = '\0';
    return 0;
}

/* pack (V1, its version byte first) deflated into a V2 pack when that is
 * worth it: pack is replaced, or left as it is. */
static void
rp_deflate(struct buf *pack)
{
    if (pack->len < RAWPACK_DEFLATE_MIN)
        return;
    size_t ops = pack->len - 1;
    uLongf cap = compressBound((uLong)ops);
    struct buf z = BUF_INIT;
    buf_reserve(&z, (size_t)cap + 16);
    buf_putc(&z, (char)RAWPACK_V2);
    rp_put_varint(&z, ops);
    uLongf zlen = cap;
    if (compress2((Bytef *)z.data + z.len, &zlen, (const Bytef *)pack->data + 1, (uLong)ops,
                  RAWPACK_LEVEL) == Z_OK &&
        z.len + zlen < pack->len - pack->len / 4) {
        z.len += zlen;
        z.data[z.len] = '\0';
        buf_free(pack);
        *pack = z;
        return;
    }
    buf_free(&z);
}

void
ingest_raw_pack(const char *raw, size_t raw_len, const char *body, size_t body_len,
                struct buf *out)
{
    struct rp_lines b;
    rp_split(body, body_len, &b);
    buf_reset(out);
    rp_pack(raw, raw_len, &b, out);
    /* The packed form is all that is kept of the raw text: check that it
     * gives the text back, and keep the text whole when it would not. */
    struct buf check = BUF_INIT;
    buf_reserve(&check, raw_len + 1);
    bool same = rp_unpack(out->data, out->len, &b, &check) == 0 && check.len == raw_len &&
                memcmp(buf_str(&check), raw, raw_len) == 0;
    buf_free(&check);
    rp_lines_free(&b);
    if (!same) {
        buf_reset(out);
        buf_putc(out, (char)RAWPACK_V1);
        buf_putc(out, 'l');
        rp_put_varint(out, raw_len);
        buf_append(out, raw, raw_len);
    }
    rp_deflate(out);
}

int
ingest_raw_unpack(const void *packed, size_t n, const char *body, size_t body_len,
                  struct buf *out)
{
    struct buf inflated = BUF_INIT;
    if (n > 0 && *(const unsigned char *)packed == RAWPACK_V2) {
        if (rp_inflate(packed, n, &inflated) != 0) {
            buf_free(&inflated);
            buf_reset(out);
            buf_puts(out, "");
            return -1;
        }
        packed = inflated.data;
        n = inflated.len;
    }
    struct rp_lines b;
    rp_split(body, body_len, &b);
    int rc = rp_unpack(packed, n, &b, out);
    rp_lines_free(&b);
    buf_free(&inflated);
    return rc;
}

bool
ingest_raw_pack_deflated(const void *packed, size_t n)
{
    return n > 0 && *(const unsigned char *)packed == RAWPACK_V2;
}
