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

#include "dossier/ingest.h"
#include "lib.h"

enum {
    ZBODY_V1 = 1,    /* version byte, varint length, zlib stream */
    ZBODY_V2 = 2,    /* ... lengths of the body, removed + 1 (0: NULL), the raw pack */
    ZBODY_MIN = 128, /* shorter bodies stay text */
    ZBODY_LEVEL = 4, /* 2,000 news bodies: level 6 stores 0.8% less and takes 1.4x the CPU */
};

/* See lib.h. */
void
store_varint_put(struct buf *b, size_t v)
{
    while (v >= 0x80) {
        buf_putc(b, (char)(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    buf_putc(b, (char)v);
}

/* The n parts deflated as one stream into out (at least cap bytes free
 * past out->len) by stream z, reset first; the bytes written, or 0. */
static size_t
zb_deflate(z_stream *z, const void *const *part, const size_t *len, int n, struct buf *out,
           size_t cap)
{
    if (deflateReset(z) != Z_OK)
        return 0;
    z->next_out = (Bytef *)out->data + out->len;
    z->avail_out = (uInt)cap;
    int rc = Z_OK;
    for (int i = 0; i < n && rc == Z_OK; i++) {
        if (len[i] == 0 && i < n - 1)
            continue; /* deflate says Z_BUF_ERROR when given nothing */
        z->next_in = (Bytef *)(uintptr_t)part[i];
        z->avail_in = (uInt)len[i];
        rc = deflate(z, i == n - 1 ? Z_FINISH : Z_NO_FLUSH);
    }
    return rc == Z_STREAM_END ? (size_t)z->total_out : 0;
}

/* The deflate stream kept in *slot, made on first use; &one (initialised)
 * when slot is NULL, NULL when zlib has no memory. */
static z_stream *
zb_stream(z_stream **slot, z_stream *one)
{
    if (slot && *slot)
        return *slot;
    /* zlib's state points back at its z_stream: initialised in place */
    z_stream *z = slot ? xcalloc(1, sizeof *z) : memset(one, 0, sizeof *one);
    if (deflateInit(z, ZBODY_LEVEL) != Z_OK) {
        if (z != one)
            free(z);
        return NULL;
    }
    if (slot)
        *slot = z;
    return z;
}

/* The stream in *slot ended and freed. */
static void
zb_stream_free(z_stream **slot)
{
    if (!*slot)
        return;
    deflateEnd(*slot);
    free(*slot);
    *slot = NULL;
}

/* See lib.h. A deflate stream is 268 kB of state that takes longer to set
 * up than a news article takes to deflate (5x the whole cost on 3,000
 * documents), so a store keeps one for all its writes. */
static int
zb_pack(z_stream **slot, const char *body, size_t n, const char *removed, const void *raw,
        size_t raw_n, struct buf *out)
{
    buf_reset(out);
    size_t removed_n = removed ? strlen(removed) : 0;
    size_t total = n + removed_n + (raw ? raw_n : 0);
    if (n < ZBODY_MIN || total > (size_t)1 << 30)
        return 0;
    z_stream one, *z = zb_stream(slot, &one);
    if (!z)
        return 0;
    const void *part[3] = {body, removed ? removed : "", raw};
    size_t len[3] = {n, removed_n, raw_n};
    int kind = raw ? ZBODY_V2 : ZBODY_V1;
    size_t cap = (size_t)deflateBound(z, (uLong)total);
    buf_reserve(out, cap + 32);
    buf_putc(out, (char)kind);
    store_varint_put(out, n);
    if (kind == ZBODY_V2) {
        store_varint_put(out, removed ? removed_n + 1 : 0);
        store_varint_put(out, raw_n);
    }
    size_t zlen = zb_deflate(z, part, len, kind == ZBODY_V2 ? 3 : 1, out, cap);
    if (z == &one)
        deflateEnd(z);
    size_t plain = kind == ZBODY_V2 ? total : n;
    if (zlen == 0 || out->len + zlen > plain - plain / 8) {
        buf_reset(out);
        /* all three gained too little: the body alone may still */
        return kind == ZBODY_V2 ? zb_pack(slot, body, n, NULL, NULL, 0, out) : 0;
    }
    out->len += zlen;
    out->data[out->len] = '\0';
    return kind;
}

/* See lib.h. */
int
store_body_pack(struct store *s, const char *body, size_t n, const char *removed,
                const void *raw, size_t raw_n, struct buf *out)
{
    return zb_pack(s ? &s->body_z : NULL, body, n, removed, raw, raw_n, out);
}

/* See lib.h. */
void
store_body_free(struct store *s)
{
    zb_stream_free(&s->body_z);
}

/* ---- a body packed before the writer stores it ---------------------------------------- */

struct store_packer {
    z_stream *z; /* made at the first body */
};

/* See store.h. */
struct store_packer *
store_packer_new(void)
{
    return xcalloc(1, sizeof(struct store_packer));
}

/* See store.h. */
void
store_packer_free(struct store_packer **pk)
{
    if (!*pk)
        return;
    zb_stream_free(&(*pk)->z);
    free(*pk);
    *pk = NULL;
}

/* a's body packed into out with the stream in *slot: the removed lines
 * and the raw pack in the same stream unless the pack is deflated already
 * (the removed lines are then its literals). */
static void
zb_prepare(z_stream **slot, const struct article *a, const void *raw_packed, size_t n,
           struct store_body *out)
{
    const char *body = a->body ? a->body : "";
    bool inside = !ingest_raw_pack_deflated(raw_packed, n);
    out->kind = zb_pack(slot, body, strlen(body), inside ? a->removed : NULL,
                        inside ? (raw_packed ? raw_packed : "") : NULL, inside ? n : 0, &out->z);
    out->ready = true;
}

/* See store.h. */
void
store_body_prepare(struct store_packer *pk, const struct article *a, const void *raw_packed,
                   size_t n, struct store_body *out)
{
    zb_prepare(&pk->z, a, raw_packed, n, out);
}

/* See lib.h. */
void
store_body_prepare_here(struct store *s, const struct article *a, const void *raw_packed,
                        size_t n, struct store_body *out)
{
    zb_prepare(&s->body_z, a, raw_packed, n, out);
}

/* See store.h. */
void
store_body_clear(struct store_body *b)
{
    buf_free(&b->z);
    b->kind = 0;
    b->ready = false;
}

/* See lib.h. */
bool
store_varint_get(const unsigned char **p, const unsigned char *end, size_t *v)
{
    *v = 0;
    for (int shift = 0; shift <= 56; shift += 7) {
        if (*p == end)
            return false;
        unsigned char c = *(*p)++;
        *v |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return true;
    }
    return false;
}

/* The first want bytes of a zlib stream [p, end) that inflates to total
 * bytes, into out (reset first, NUL-terminated). 0, or -1 when damaged. */
static int
zb_inflate(const unsigned char *p, const unsigned char *end, size_t want, size_t total,
           struct buf *out)
{
    /* deflate expands at most about 1,032 times: a longer claim is damage */
    if (total / 1100 > (size_t)(end - p) || want > total || total > (size_t)1 << 31)
        return -1;
    buf_reset(out);
    buf_reserve(out, want + 1);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return -1;
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)(end - p);
    z.next_out = (Bytef *)out->data;
    z.avail_out = (uInt)want;
    int rc = want ? inflate(&z, want == total ? Z_FINISH : Z_SYNC_FLUSH) : Z_OK;
    size_t got = (size_t)z.total_out;
    inflateEnd(&z);
    if (got != want || (want == total ? rc != Z_STREAM_END : rc != Z_OK && rc != Z_BUF_ERROR))
        return -1;
    out->len = want;
    out->data[want] = '\0';
    return 0;
}

/* See lib.h. */
int
store_body_unpack(const void *blob, size_t n, struct buf *out, struct store_body_extra *extra)
{
    const unsigned char *p = blob, *end = p + n;
    size_t body_len, removed1 = 0, raw_len = 0;
    buf_reset(out);
    if (extra)
        extra->whole = false;
    if (n < 2 || (*p != ZBODY_V1 && *p != ZBODY_V2))
        return -1;
    bool v2 = *p++ == ZBODY_V2;
    if (!store_varint_get(&p, end, &body_len) ||
        (v2 && (!store_varint_get(&p, end, &removed1) || !store_varint_get(&p, end, &raw_len))))
        return -1;
    size_t total = body_len + (removed1 ? removed1 - 1 : 0) + raw_len;
    if (!v2 || !extra)
        return zb_inflate(p, end, body_len, total, out);
    struct buf all = BUF_INIT;
    if (zb_inflate(p, end, total, total, &all) != 0) {
        buf_free(&all);
        return -1;
    }
    buf_append(out, all.data, body_len);
    extra->whole = true;
    extra->removed = removed1 ? xstrndup(all.data + body_len, removed1 - 1) : NULL;
    buf_reset(&extra->raw);
    buf_append(&extra->raw, all.data + body_len + (removed1 ? removed1 - 1 : 0), raw_len);
    buf_free(&all);
    return 0;
}

/* ds_body(x): the text of a body as stored, inflated when it is a BLOB
 * (store_body_pack), read from its chunk first when it is a reference
 * (bodychunk.c), as it is otherwise (TEXT, NULL). An error when a BLOB is
 * damaged, so that no reader takes damage for text. */
static void
store_sql_body(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    struct buf b = BUF_INIT, slice = BUF_INIT;
    const void *p;
    size_t pn;
    if (store_body_resolve(sqlite3_user_data(ctx), sqlite3_context_db_handle(ctx),
                           sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]),
                           &slice, &p, &pn) != 0 ||
        store_body_unpack(p, pn, &b, NULL) != 0) {
        buf_free(&b);
        buf_free(&slice);
        sqlite3_result_error(ctx, "a document's stored text is damaged", -1);
        return;
    }
    buf_free(&slice);
    size_t len = b.len;
    sqlite3_result_text(ctx, buf_steal(&b), (int)len, free);
}

/* ds_body_pack(body, removed, raw): the body as store_body_pack stores it
 * (the migration to schema 20), with removed and raw inside when raw is a
 * pack that is not deflated already (then the caller empties those
 * columns: the result starts with byte 2); a BLOB or NULL body is returned
 * as it is. */
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
    const char *removed = (const char *)sqlite3_value_text(argv[1]);
    const void *raw = sqlite3_value_blob(argv[2]);
    size_t raw_n = (size_t)sqlite3_value_bytes(argv[2]);
    if (sqlite3_value_type(argv[2]) != SQLITE_BLOB || ingest_raw_pack_deflated(raw, raw_n))
        raw = NULL;
    struct buf b = BUF_INIT;
    if (store_body_pack(sqlite3_user_data(ctx), text, n, raw ? removed : NULL, raw,
                        raw ? raw_n : 0, &b)) {
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
    /* s: a reference into the writer's pending chunk reads from memory */
    int rc = sqlite3_create_function_v2(s->db, "ds_body", 1, flags, s, store_sql_body, NULL,
                                        NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_pack", 3, flags, s,
                                        store_sql_body_pack, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_chunk_register(s);
    return rc;
}
