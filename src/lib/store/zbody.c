/*
 * store/zbody.c — a document's cleaned body stored deflated (schema 20).
 *
 * The body was the biggest thing in the index (13.7 of 45 MB on 3,000
 * generated news documents, issue 16). It is kept in documents.body as a
 * BLOB: a version byte (ZBODY_V1), the inflated length as a varint, then
 * zlib's stream. A body too short to gain, or one deflate does not shrink
 * by an eighth, stays TEXT, as every body of an older index did; both read
 * the same through ds_body().
 *
 * Everything that reads the text goes through the inflating side: the C
 * readers select ds_body(body), and the full-text index reads its content
 * through the view docs_text (id, title, ds_body(body)), so FTS5's
 * snippet(), 'rebuild' and 'integrity-check' see the text. The lead (the
 * list's first sentence) stays a TEXT column of its own, so a screen of the
 * article list inflates nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "lib.h"

enum {
    ZBODY_V1 = 1,    /* version byte, varint length, zlib stream */
    ZBODY_MIN = 128, /* shorter bodies stay text */
    ZBODY_LEVEL = 6, /* zlib's default; level 1 keeps 4% more of the text */
};

/* The varint of v (7 bits a byte, low first) appended to b. */
static void
zb_put_varint(struct buf *b, size_t v)
{
    while (v >= 0x80) {
        buf_putc(b, (char)(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    buf_putc(b, (char)v);
}

/* body deflated into out (at least compressBound bytes free past out->len)
 * by stream z, reset first; the bytes written, or 0 on failure. */
static size_t
zb_deflate(z_stream *z, const char *body, size_t n, struct buf *out, size_t cap)
{
    if (deflateReset(z) != Z_OK)
        return 0;
    z->next_in = (Bytef *)(uintptr_t)body;
    z->avail_in = (uInt)n;
    z->next_out = (Bytef *)out->data + out->len;
    z->avail_out = (uInt)cap;
    return deflate(z, Z_FINISH) == Z_STREAM_END ? (size_t)z->total_out : 0;
}

/* See lib.h. A deflate stream is 268 kB of state that takes longer to set
 * up than a news article takes to deflate (5x the whole cost on 3,000
 * documents), so a store keeps one for all its writes. */
bool
store_body_pack(struct store *s, const char *body, size_t n, struct buf *out)
{
    buf_reset(out);
    if (n < ZBODY_MIN || n > (size_t)1 << 30)
        return false;
    z_stream one, *z = s ? s->body_z : NULL;
    if (!z) {
        /* zlib's state points back at its z_stream: initialised in place */
        z = s ? xcalloc(1, sizeof *z) : memset(&one, 0, sizeof one);
        if (deflateInit(z, ZBODY_LEVEL) != Z_OK) {
            if (z != &one)
                free(z);
            return false;
        }
        if (s)
            s->body_z = z;
    }
    size_t cap = (size_t)deflateBound(z, (uLong)n);
    buf_reserve(out, cap + 16);
    buf_putc(out, (char)ZBODY_V1);
    zb_put_varint(out, n);
    size_t zlen = zb_deflate(z, body, n, out, cap);
    if (z == &one)
        deflateEnd(z);
    if (zlen == 0 || out->len + zlen > n - n / 8) {
        buf_reset(out);
        return false;
    }
    out->len += zlen;
    out->data[out->len] = '\0';
    return true;
}

/* See lib.h. */
void
store_body_free(struct store *s)
{
    if (!s->body_z)
        return;
    deflateEnd(s->body_z);
    free(s->body_z);
    s->body_z = NULL;
}

/* See lib.h. */
int
store_body_unpack(const void *blob, size_t n, struct buf *out)
{
    const unsigned char *p = blob, *end = p + n;
    buf_reset(out);
    if (n < 2 || *p++ != ZBODY_V1)
        return -1;
    size_t len = 0;
    for (int shift = 0;; shift += 7) {
        if (p == end || shift > 56)
            return -1;
        len |= (size_t)(*p & 0x7f) << shift;
        if (!(*p++ & 0x80))
            break;
    }
    /* deflate expands at most about 1,032 times: a longer claim is damage */
    if (len / 1100 > (size_t)(end - p))
        return -1;
    buf_reserve(out, len + 1);
    uLongf got = (uLongf)len;
    if (uncompress((Bytef *)out->data, &got, p, (uLong)(end - p)) != Z_OK || got != len) {
        buf_reset(out);
        return -1;
    }
    out->len = len;
    out->data[len] = '\0';
    return 0;
}

/* ds_body(x): the text of a body as stored, inflated when it is a BLOB
 * (store_body_pack), as it is otherwise (TEXT, NULL). An error when a
 * BLOB is damaged, so that no reader takes damage for text. */
static void
store_sql_body(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    struct buf b = BUF_INIT;
    if (store_body_unpack(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]),
                          &b) != 0) {
        buf_free(&b);
        sqlite3_result_error(ctx, "a document's stored text is damaged", -1);
        return;
    }
    size_t len = b.len;
    sqlite3_result_text(ctx, buf_steal(&b), (int)len, free);
}

/* ds_body_pack(text): the body as store_body_pack stores it (the migration
 * to schema 20); a BLOB or NULL is returned as it is. */
static void
store_sql_body_pack(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    struct buf b = BUF_INIT;
    if (store_body_pack(sqlite3_user_data(ctx), text, n, &b)) {
        size_t len = b.len;
        sqlite3_result_blob(ctx, buf_steal(&b), (int)len, free);
    } else {
        buf_free(&b);
        sqlite3_result_value(ctx, argv[0]);
    }
}

/* See lib.h. */
int
store_body_register(struct store *s)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(s->db, "ds_body", 1, flags, NULL, store_sql_body, NULL,
                                        NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_pack", 1, flags, s,
                                        store_sql_body_pack, NULL, NULL, NULL);
    return rc;
}
