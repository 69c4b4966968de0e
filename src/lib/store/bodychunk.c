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
 * chunk. A body may also fill the holes deleted bodies left in committed
 * chunks (bodyholes.c): its reference then names several slices, read one
 * after another. The delete trigger makes a deleted document's slices
 * holes (ds_body_free) and copies its bytes, not the reference, into
 * corpus_gone; store_chunks_collect() (the end of an index run,
 * store_reclaim) rewrites the bodies of a chunk more than half holes
 * elsewhere and deletes it.
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

/* See lib.h. */
void
store_body_ref_add(struct buf *ref, int64_t chunk, size_t off, size_t n)
{
    if (ref->len == 0)
        buf_putc(ref, (char)ZBODY_REF);
    store_varint_put(ref, (size_t)chunk);
    store_varint_put(ref, off);
    store_varint_put(ref, n);
}

/* See lib.h. */
size_t
store_body_extents(const void *blob, size_t n, struct store_extent *v, size_t max)
{
    const unsigned char *p = blob, *end = p + n;
    size_t k = 0;
    if (!blob || n < 4 || *p++ != ZBODY_REF)
        return 0;
    while (p < end) {
        size_t c, off, len;
        if (k == max || !store_varint_get(&p, end, &c) || !store_varint_get(&p, end, &off) ||
            !store_varint_get(&p, end, &len) || c == 0 || c > INT64_MAX)
            return 0;
        v[k++] = (struct store_extent){(int64_t)c, off, len};
    }
    return k;
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
chunk_write(struct store *s, int64_t id, const struct buf *data, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_CHUNK_PUT, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, (int64_t)data->len);
    sqlite3_bind_blob(st, 3, data->data, (int)data->len, SQLITE_STATIC);
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
    s->chunk.id = 0;
}

/* See lib.h. */
int
store_chunk_flush(struct store *s, struct ds_error *err)
{
    struct store_chunk *c = &s->chunk;
    if (!c->id)
        return 0;
    int rc = chunk_write(s, c->id, &c->data, err);
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
    size_t done = 0;
    buf_reset(ref);
    if (sqlite3_get_autocommit(s->db) || n == 0 || n > INT_MAX / 2)
        return 0;
    /* the dead slices of deleted bodies first (bodyholes.c) */
    if (store_holes_fill(s, packed, n, ref, &done, err) != 0)
        return -1;
    if (done == n)
        return 1;
    if (c->id && c->data.len + (n - done) > CHUNK_TARGET && store_chunk_flush(s, err) != 0)
        return -1;
    if (!c->id && chunk_next_id(s, &c->id, err) != 0)
        return -1;
    store_body_ref_add(ref, c->id, c->data.len, n - done);
    buf_append(&c->data, (const char *)packed + done, n - done);
    return 1;
}

/* n bytes at off of chunk id appended to out; 0 or -1. */
static int
chunk_read(sqlite3 *db, int64_t id, size_t off, size_t n, struct buf *out)
{
    if (off > INT_MAX || n > (size_t)INT_MAX - off)
        return -1;
    sqlite3_blob *b = NULL;
    int rc = sqlite3_blob_open(db, "main", "body_chunks", "data", id, 0, &b);
    buf_reserve(out, out->len + n + 1);
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_read(b, out->data + out->len, (int)n, (int)off);
    sqlite3_blob_close(b);
    if (rc != SQLITE_OK)
        return -1;
    out->len += n;
    out->data[out->len] = '\0';
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
    struct store_extent v[STORE_EXTENTS_MAX];
    size_t k = store_body_extents(blob, n, v, STORE_EXTENTS_MAX);
    *p = blob;
    *pn = n;
    if (k == 0)
        return 0;
    buf_reset(tmp);
    for (size_t i = 0; i < k; i++) {
        const struct buf *whole = NULL;
        if (s && s->chunk.id == v[i].chunk) /* the writer's own, not yet written */
            whole = &s->chunk.data;
        else if (s && chunk_cached(s, db, v[i].chunk, &whole) < 0)
            return -1;
        if (!whole) {
            if (chunk_read(db, v[i].chunk, v[i].off, v[i].len, tmp) != 0)
                return -1;
            continue;
        }
        if (v[i].off > whole->len || v[i].len > whole->len - v[i].off)
            return -1;
        if (k == 1) { /* the slice itself, no copy */
            *p = whole->data + v[i].off;
            *pn = v[i].len;
            return 0;
        }
        buf_append(tmp, whole->data + v[i].off, v[i].len);
    }
    *p = tmp->data;
    *pn = tmp->len;
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

/* ds_body_free(x), called by the delete trigger: the slices of a deleted
 * body are holes for later bodies (bodyholes.c). Every deletion dossier
 * makes is inside a transaction, whose COMMIT writes the holes; outside
 * one the slices are left dead. */
static void
sql_body_free(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *s = sqlite3_user_data(ctx);
    struct ds_error err = {0};
    if (sqlite3_value_type(argv[0]) == SQLITE_BLOB && !sqlite3_get_autocommit(s->db) &&
        store_holes_free_ref(s, sqlite3_value_blob(argv[0]),
                             (size_t)sqlite3_value_bytes(argv[0]), &err) != 0)
        sqlite3_result_error(ctx, "could not record where a document's text was", -1);
    else
        sqlite3_result_null(ctx);
    ds_error_clear(&err);
}

/* ds_body_chunked(x): a deflated body (migration 23) moved into the chunk
 * being filled, its reference returned; x as it is otherwise (text, a
 * reference already, outside a transaction). */
static void
sql_body_chunked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store *s = sqlite3_user_data(ctx);
    const unsigned char *blob = sqlite3_value_blob(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    struct buf ref = BUF_INIT;
    struct ds_error err = {0};
    int rc = 0;
    if (sqlite3_value_type(argv[0]) == SQLITE_BLOB && n > 0 && (blob[0] == 1 || blob[0] == 2))
        rc = store_chunk_put(s, blob, n, &ref, &err);
    if (rc > 0)
        sqlite3_result_blob(ctx, ref.data, (int)ref.len, SQLITE_TRANSIENT);
    else if (rc == 0)
        sqlite3_result_value(ctx, argv[0]);
    else
        sqlite3_result_error(ctx, "could not move a document's text into a chunk", -1);
    buf_free(&ref);
    ds_error_clear(&err);
}

/* See lib.h. */
int
store_chunk_register(struct store *s)
{
    int rc = sqlite3_create_function_v2(s->db, "ds_body_own", 1,
                                        SQLITE_UTF8 | SQLITE_INNOCUOUS, s, sql_body_own, NULL,
                                        NULL, NULL);
    if (rc == SQLITE_OK) /* a trigger's: not DIRECTONLY */
        rc = sqlite3_create_function_v2(s->db, "ds_body_free", 1, SQLITE_UTF8, s, sql_body_free,
                                        NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_body_chunked", 1,
                                        SQLITE_UTF8 | SQLITE_DIRECTONLY, s, sql_body_chunked,
                                        NULL, NULL, NULL);
    return rc;
}

/* ---- giving dead slices back ------------------------------------------------------------ */

/* A document with a slice in a chunk being rewritten, and its reference. */
struct moved_doc {
    int64_t doc;
    struct buf ref;
};

static bool
chunk_listed(int64_t chunk, const int64_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] == chunk)
            return true;
    return false;
}

/* The documents with a slice in chunks ids (all read: a rewrite is rare
 * once holes are filled by new bodies), into *out (*nout). */
static int
docs_in_chunks(struct store *s, const int64_t *ids, size_t nids, struct moved_doc **out,
               size_t *nout, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_CHUNK_DOCS, err);
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        struct store_extent v[STORE_EXTENTS_MAX];
        size_t k = store_body_extents(blob, n, v, STORE_EXTENTS_MAX);
        bool hit = false;
        for (size_t i = 0; i < k && !hit; i++)
            hit = chunk_listed(v[i].chunk, ids, nids);
        if (!hit)
            continue;
        if (*nout == cap) {
            cap = cap ? cap * 2 : 64;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct moved_doc *m = &(*out)[(*nout)++];
        m->doc = sqlite3_column_int64(st, 0);
        m->ref = (struct buf)BUF_INIT;
        buf_append(&m->ref, blob, n);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading documents' text");
}

/* Document m's body written again (into holes or the pending chunk), its
 * row pointed there, its slices outside chunks ids made holes. */
static int
move_body(struct store *s, const struct moved_doc *m, const int64_t *ids, size_t nids,
          struct ds_error *err)
{
    struct buf tmp = BUF_INIT, bytes = BUF_INIT, ref = BUF_INIT;
    const void *p;
    size_t pn;
    int rc = store_body_resolve(s, s->db, m->ref.data, m->ref.len, &tmp, &p, &pn);
    if (rc != 0)
        ds_error_set(err, -1, "a document's stored text is damaged (document %lld)",
                     (long long)m->doc);
    if (rc == 0) {
        buf_append(&bytes, p, pn); /* p may point into a chunk about to change */
        rc = store_chunk_put(s, bytes.data, bytes.len, &ref, err) > 0 ? 0 : -1;
    }
    sqlite3_stmt *st = rc == 0 ? store_stmt(s, SQ_CHUNK_REPOINT, err) : NULL;
    if (rc == 0 && !st)
        rc = -1;
    if (st) {
        sqlite3_bind_blob(st, 1, ref.data, (int)ref.len, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, m->doc);
        rc = store_step_done(s, st, "packing documents' text", err);
    }
    struct store_extent v[STORE_EXTENTS_MAX];
    size_t k = rc == 0 ? store_body_extents(m->ref.data, m->ref.len, v, STORE_EXTENTS_MAX) : 0;
    for (size_t i = 0; i < k; i++)
        if (!chunk_listed(v[i].chunk, ids, nids))
            store_holes_add(s, v[i].chunk, v[i].off, v[i].len);
    buf_free(&tmp);
    buf_free(&bytes);
    buf_free(&ref);
    return rc;
}

/* Chunks ids rewritten: their live slices moved, then the rows deleted. */
static int
collect_chunks(struct store *s, const int64_t *ids, size_t nids, struct ds_error *err)
{
    struct moved_doc *docs = NULL;
    size_t ndocs = 0;
    int rc = store_holes_load(s, err);
    for (size_t i = 0; i < nids && rc == 0; i++)
        store_holes_forget_chunk(s, ids[i]); /* they go with their chunk */
    if (rc == 0)
        rc = docs_in_chunks(s, ids, nids, &docs, &ndocs, err);
    for (size_t i = 0; i < ndocs && rc == 0; i++)
        rc = move_body(s, &docs[i], ids, nids, err);
    for (size_t i = 0; i < nids && rc == 0; i++)
        rc = store_run_once(s, "DELETE FROM body_chunks WHERE id = ?3", NULL, NULL, ids[i], 0,
                            "packing documents' text", err) < 0
                 ? -1
                 : 0;
    for (size_t i = 0; i < ndocs; i++)
        buf_free(&docs[i].ref);
    free(docs);
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
    /* a caller's transaction may hold a pending chunk and holes not yet
     * written: written first, so the table below is current */
    int rc = store_chunk_flush(s, err);
    if (rc == 0)
        rc = store_holes_flush(s, err);
    s->chunk_cache.id = 0; /* chunks change below */
    sqlite3_stmt *st = rc == 0 ? store_stmt(s, SQ_CHUNK_DEAD, err) : NULL;
    int64_t ids[CHUNK_COLLECT_MAX];
    size_t n = 0;
    int step = SQLITE_DONE;
    while (st && n < CHUNK_COLLECT_MAX && (step = sqlite3_step(st)) == SQLITE_ROW)
        ids[n++] = sqlite3_column_int64(st, 0);
    if (st)
        sqlite3_reset(st);
    if (rc == 0 && !st)
        rc = -1;
    else if (rc == 0 && step != SQLITE_DONE && step != SQLITE_ROW)
        rc = store_fail(s, err, step, "reading documents' text");
    if (rc == 0 && n > 0)
        rc = collect_chunks(s, ids, n, err);
    return store_own_end(s, begun, rc, err);
}
