/*
 * store/bodychunk.c — deflated bodies packed into chunks (schema 23).
 *
 * A deflated body of 1-4 kB kept in its documents row left much of a 4 kB
 * page empty: rows go in key order, and a 2.1 kB row is alone on its page
 * (7.4 of 125 MB at 10k generated English documents, issue 16). Inside a
 * transaction the writer appends each deflated body (zbody.c) to a chunk
 * held in memory, and the row keeps a reference instead: a version byte
 * (ZBODY_REF), then the chunk, the offset and the length as varints. A
 * chunk of about 256 kB is one row of body_chunks, its overflow pages
 * filled whole. It is written when full and just before COMMIT
 * (store_commit), so an interrupted run rolls the chunk back with the rows
 * that point into it. A body written outside a transaction stays in its
 * row, as do the bodies that stay text.
 *
 * Readers resolve a reference with sqlite3_blob_read (store_body_resolve,
 * ds_body), or from memory when it points into the writer's own pending
 * chunk. The delete trigger counts a deleted document's slice dead in
 * body_dead and copies its bytes, not the reference, into corpus_gone;
 * store_chunks_collect() (the end of an index run, store_reclaim) rewrites
 * a chunk more than half dead with its live slices under a new id.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

enum {
    ZBODY_REF = 3,                 /* the first byte of a reference */
    CHUNK_TARGET = 256 * 1024,     /* a chunk is written once it holds this much */
    CHUNK_COLLECT_MAX = 64,        /* chunks rewritten by one collection (16 MB) */
    CHUNK_CACHE_MAX = 2 * CHUNK_TARGET, /* a bigger chunk (one huge body) is read in slices */
};

/* A reference to n bytes at off in chunk, into out (reset first). */
static void
ref_make(struct buf *out, int64_t chunk, size_t off, size_t n)
{
    buf_reset(out);
    buf_putc(out, (char)ZBODY_REF);
    store_varint_put(out, (size_t)chunk);
    store_varint_put(out, off);
    store_varint_put(out, n);
}

/* See lib.h. */
bool
store_body_ref_parse(const void *blob, size_t n, int64_t *chunk, size_t *off, size_t *len)
{
    const unsigned char *p = blob, *end = p + n;
    size_t c;
    if (!blob || n < 4 || *p++ != ZBODY_REF)
        return false;
    if (!store_varint_get(&p, end, &c) || !store_varint_get(&p, end, off) ||
        !store_varint_get(&p, end, len) || p != end || c == 0 || c > INT64_MAX)
        return false;
    *chunk = (int64_t)c;
    return true;
}

/* The id the next chunk takes: one past the highest written. */
static int
chunk_next_id(struct store *s, int64_t *id, struct ds_error *err)
{
    *id = 1;
    return store_int_once(s, "SELECT max(id) + 1 FROM body_chunks", 0, id,
                          "saving a document's text", err) < 0
               ? -1
               : 0;
}

/* Write one chunk row. */
static int
chunk_write(struct store *s, int64_t id, int64_t first, int64_t last, const struct buf *data,
            struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_CHUNK_PUT, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, first);
    sqlite3_bind_int64(st, 3, last);
    sqlite3_bind_int64(st, 4, (int64_t)data->len);
    sqlite3_bind_blob(st, 5, data->data, (int)data->len, SQLITE_STATIC);
    return store_step_done(s, st, "saving documents' text", err);
}

/* See lib.h. */
void
store_chunk_cache_free(struct store *s)
{
    buf_free(&s->chunk_cache.data);
    s->chunk_cache.id = 0;
}

/* See lib.h. */
void
store_chunk_discard(struct store *s)
{
    s->chunk_cache.id = 0; /* this connection is changing chunks */
    buf_reset(&s->chunk.data);
    s->chunk.id = s->chunk.first = s->chunk.last = 0;
}

/* See lib.h. */
int
store_chunk_flush(struct store *s, struct ds_error *err)
{
    struct store_chunk *c = &s->chunk;
    if (!c->id)
        return 0;
    int rc = chunk_write(s, c->id, c->first, c->last, &c->data, err);
    store_chunk_discard(s);
    if (c->data.cap > 2 * CHUNK_TARGET) /* one huge body: give its room back */
        buf_free(&c->data);
    return rc;
}

/* See lib.h. */
int
store_chunk_put(struct store *s, const void *packed, size_t n, struct buf *ref,
                struct ds_error *err)
{
    struct store_chunk *c = &s->chunk;
    if (sqlite3_get_autocommit(s->db) || n == 0 || n > INT_MAX / 2)
        return 0;
    if (c->id && c->data.len + n > CHUNK_TARGET && store_chunk_flush(s, err) != 0)
        return -1;
    if (!c->id && chunk_next_id(s, &c->id, err) != 0)
        return -1;
    ref_make(ref, c->id, c->data.len, n);
    buf_append(&c->data, packed, n);
    return 1;
}

/* See lib.h. */
void
store_chunk_note(struct store *s, int64_t doc_id)
{
    struct store_chunk *c = &s->chunk;
    if (!c->first || doc_id < c->first)
        c->first = doc_id;
    if (doc_id > c->last)
        c->last = doc_id;
}

/* n bytes at off of chunk id read into out (reset first); 0 or -1. */
static int
chunk_read(sqlite3 *db, int64_t id, size_t off, size_t n, struct buf *out)
{
    if (off > INT_MAX || n > (size_t)INT_MAX - off)
        return -1;
    sqlite3_blob *b = NULL;
    int rc = sqlite3_blob_open(db, "main", "body_chunks", "data", id, 0, &b);
    buf_reset(out);
    buf_reserve(out, n + 1);
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_read(b, out->data, (int)n, (int)off);
    sqlite3_blob_close(b);
    if (rc != SQLITE_OK)
        return -1;
    out->len = n;
    out->data[n] = '\0';
    return 0;
}

/* Chunk id whole, from s's cache or read into it: its bytes in *out; 1
 * when it is not to be cached (the first body asked of it since another
 * chunk's: readers in rank order ask a chunk once, and reading 256 kB for
 * one body cost them 1.3x their CPU; too big; no version to check it by),
 * -1 when it cannot be read. The version changes with every commit, this
 * connection's or another's, so a chunk rewritten or taken again under
 * its id is never read from an older copy. */
static int
chunk_cached(struct store *s, sqlite3 *db, int64_t id, const struct buf **out)
{
    struct store_chunk_cache *c = &s->chunk_cache;
    unsigned int version = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
        return 1;
    if (c->id != id || c->version != version) {
        if (c->asked != id || c->asked_version != version) {
            c->asked = id;
            c->asked_version = version;
            return 1;
        }
        sqlite3_blob *b = NULL;
        int rc = sqlite3_blob_open(db, "main", "body_chunks", "data", id, 0, &b);
        int n = rc == SQLITE_OK ? sqlite3_blob_bytes(b) : 0;
        if (rc == SQLITE_OK && n > CHUNK_CACHE_MAX) {
            sqlite3_blob_close(b);
            return 1;
        }
        c->id = 0;
        buf_reset(&c->data);
        buf_reserve(&c->data, (size_t)n + 1);
        if (rc == SQLITE_OK)
            rc = sqlite3_blob_read(b, c->data.data, n, 0);
        sqlite3_blob_close(b);
        if (rc != SQLITE_OK)
            return -1;
        c->data.len = (size_t)n;
        c->id = id;
        c->version = version;
    }
    *out = &c->data;
    return 0;
}

/* See lib.h. */
int
store_body_resolve(struct store *s, sqlite3 *db, const void *blob, size_t n, struct buf *tmp,
                   const void **p, size_t *pn)
{
    int64_t chunk;
    size_t off, len;
    *p = blob;
    *pn = n;
    if (!store_body_ref_parse(blob, n, &chunk, &off, &len))
        return 0;
    const struct buf *whole = NULL;
    if (s && s->chunk.id == chunk) /* the writer's own, not yet written */
        whole = &s->chunk.data;
    else if (s) {
        int rc = chunk_cached(s, db, chunk, &whole);
        if (rc < 0)
            return -1;
    }
    if (whole) {
        if (off > whole->len || len > whole->len - off)
            return -1;
        *p = whole->data + off;
        *pn = len;
        return 0;
    }
    if (chunk_read(db, chunk, off, len, tmp) != 0)
        return -1;
    *p = tmp->data;
    *pn = len;
    return 0;
}

/* ---- SQL functions ---------------------------------------------------------------------- */

/* ds_body_own(x): the bytes a reference points at (a body as zbody.c
 * packs it, readable without the chunk: corpus_gone keeps a deleted
 * document's text past the chunk's rewrite), x as it is otherwise. */
static void
sql_body_own(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const void *blob = sqlite3_value_blob(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]), pn;
    const void *p;
    struct buf tmp = BUF_INIT;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
    } else if (store_body_resolve(sqlite3_user_data(ctx), sqlite3_context_db_handle(ctx), blob,
                                  n, &tmp, &p, &pn) != 0) {
        sqlite3_result_error(ctx, "a document's stored text is damaged", -1);
    } else {
        sqlite3_result_blob(ctx, p, (int)pn, SQLITE_TRANSIENT);
    }
    buf_free(&tmp);
}

/* ds_body_chunk(x), ds_body_len(x): the chunk a reference points into and
 * its length; NULL when x is no reference. */
static void
sql_body_ref_part(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    int64_t chunk;
    size_t off, len;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB ||
        !store_body_ref_parse(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]),
                              &chunk, &off, &len))
        sqlite3_result_null(ctx);
    else if (sqlite3_user_data(ctx))
        sqlite3_result_int64(ctx, (int64_t)len);
    else
        sqlite3_result_int64(ctx, chunk);
}

/* ds_body_chunked(id, x): a deflated body (migration 23) moved into the
 * chunk being filled, its reference returned; x as it is otherwise (text,
 * a reference already, outside a transaction). */
static void
sql_body_chunked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *s = sqlite3_user_data(ctx);
    const unsigned char *blob = sqlite3_value_blob(argv[1]);
    size_t n = (size_t)sqlite3_value_bytes(argv[1]);
    struct buf ref = BUF_INIT;
    struct ds_error err = {0};
    int rc = 0;
    if (sqlite3_value_type(argv[1]) == SQLITE_BLOB && n > 0 && (blob[0] == 1 || blob[0] == 2))
        rc = store_chunk_put(s, blob, n, &ref, &err);
    if (rc > 0) {
        store_chunk_note(s, sqlite3_value_int64(argv[0]));
        sqlite3_result_blob(ctx, ref.data, (int)ref.len, SQLITE_TRANSIENT);
    } else if (rc == 0) {
        sqlite3_result_value(ctx, argv[1]);
    } else {
        sqlite3_result_error(ctx, "could not move a document's text into a chunk", -1);
    }
    buf_free(&ref);
    ds_error_clear(&err);
}

/* See lib.h. */
int
store_chunk_register(struct store *s)
{
    static int len_tag; /* non-NULL user data: ds_body_len */
    int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(s->db, "ds_body_own", 1, flags, s, sql_body_own, NULL,
                                        NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_chunk", 1, flags | SQLITE_DETERMINISTIC,
                                        NULL, sql_body_ref_part, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_len", 1, flags | SQLITE_DETERMINISTIC,
                                        &len_tag, sql_body_ref_part, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_chunked", 2,
                                        SQLITE_UTF8 | SQLITE_DIRECTONLY, s, sql_body_chunked,
                                        NULL, NULL, NULL);
    return rc;
}

/* ---- giving dead slices back ------------------------------------------------------------ */

/* One live slice of a chunk being rewritten: its document and length. */
struct live_slice {
    int64_t doc;
    size_t off, len; /* off: in the new chunk */
};

/* The live slices of chunk id (documents first..last pointing into it),
 * copied from old into out, listed in *live (*nlive). 0 or -1. */
static int
collect_live(struct store *s, int64_t id, int64_t first, int64_t last, const struct buf *old,
             struct buf *out, struct live_slice **live, size_t *nlive, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_CHUNK_DOCS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, first);
    sqlite3_bind_int64(st, 2, last);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t chunk;
        size_t off, len;
        if (!store_body_ref_parse(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1),
                                  &chunk, &off, &len) ||
            chunk != id)
            continue;
        if (off > old->len || len > old->len - off) {
            sqlite3_reset(st);
            ds_error_set(err, -1, "a document's stored text is damaged (chunk %lld)",
                         (long long)id);
            return -1;
        }
        if (*nlive == cap) {
            cap = cap ? cap * 2 : 64;
            *live = xrealloc(*live, cap * sizeof **live);
        }
        (*live)[(*nlive)++] = (struct live_slice){sqlite3_column_int64(st, 0), out->len, len};
        buf_append(out, old->data + off, len);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading documents' text");
}

/* The rows of the live slices pointed at chunk id, now holding them. */
static int
repoint_live(struct store *s, int64_t id, const struct live_slice *live, size_t nlive,
             struct ds_error *err)
{
    struct buf ref = BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < nlive && rc == 0; i++) {
        sqlite3_stmt *st = store_stmt(s, SQ_CHUNK_REPOINT, err);
        if (!st) {
            rc = -1;
            break;
        }
        ref_make(&ref, id, live[i].off, live[i].len);
        sqlite3_bind_blob(st, 1, ref.data, (int)ref.len, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, live[i].doc);
        rc = store_step_done(s, st, "packing documents' text", err);
    }
    buf_free(&ref);
    return rc;
}

/* Chunk id (documents first..last, size bytes) rewritten with its live
 * slices under a new id, or deleted when none is left. */
static int
collect_one(struct store *s, int64_t id, int64_t first, int64_t last, size_t size,
            struct ds_error *err)
{
    struct buf old = BUF_INIT, out = BUF_INIT;
    struct live_slice *live = NULL;
    size_t nlive = 0;
    int rc = chunk_read(s->db, id, 0, size, &old) == 0 ? 0 : -1;
    if (rc != 0)
        ds_error_set(err, -1, "a document's stored text is damaged (chunk %lld)", (long long)id);
    if (rc == 0)
        rc = collect_live(s, id, first, last, &old, &out, &live, &nlive, err);
    if (rc == 0 && nlive > 0) {
        int64_t nid;
        rc = chunk_next_id(s, &nid, err);
        if (rc == 0)
            rc = chunk_write(s, nid, live[0].doc, live[nlive - 1].doc, &out, err);
        if (rc == 0)
            rc = repoint_live(s, nid, live, nlive, err);
    }
    if (rc == 0)
        rc = store_run_once(s, "DELETE FROM body_chunks WHERE id = ?3", NULL, NULL, id, 0,
                            "packing documents' text", err) < 0
                 ? -1
                 : 0;
    if (rc == 0) /* an id taken again later starts with nothing dead */
        rc = store_run_once(s, "DELETE FROM body_dead WHERE chunk = ?3", NULL, NULL, id, 0,
                            "packing documents' text", err) < 0
                 ? -1
                 : 0;
    buf_free(&old);
    buf_free(&out);
    free(live);
    return rc;
}

/* See lib.h. */
int
store_chunks_collect(struct store *s, struct ds_error *err)
{
    if (s->readonly)
        return 0;
    int begun = store_own_begin(s, err);
    if (begun < 0)
        return -1;
    /* a caller's transaction may hold a pending chunk: written first */
    int rc = store_chunk_flush(s, err);
    s->chunk_cache.id = 0; /* chunks change below */
    sqlite3_stmt *st = rc == 0 ? store_stmt(s, SQ_CHUNK_DEAD, err) : NULL;
    int64_t todo[CHUNK_COLLECT_MAX][4]; /* id, first, last, size */
    size_t n = 0;
    int step = st ? SQLITE_ROW : SQLITE_DONE;
    while (st && n < CHUNK_COLLECT_MAX && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < 4; c++)
            todo[n][c] = sqlite3_column_int64(st, c);
        n++;
    }
    if (st)
        sqlite3_reset(st);
    if (!st)
        rc = -1;
    else if (step != SQLITE_DONE && step != SQLITE_ROW)
        rc = store_fail(s, err, step, "reading documents' text");
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = collect_one(s, todo[i][0], todo[i][1], todo[i][2], (size_t)todo[i][3], err);
    /* the counts of chunks rewritten, and of any chunk no longer there */
    if (rc == 0 && store_exec(s,
                              "DELETE FROM body_dead WHERE chunk NOT IN"
                              " (SELECT id FROM body_chunks)",
                              "packing documents' text", err) != 0)
        rc = -1;
    return store_own_end(s, begun, rc, err);
}
