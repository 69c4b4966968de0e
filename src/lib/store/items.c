/*
 * store/items.c — one file, many documents: the items of a feed file, and
 * where a document came from (its file, its feed item, its URL).
 *
 * A feed file has a row in `files` with no document of its own (doc_id
 * NULL: its size and mtime say whether it changed). Each of its items is a
 * row in `items` (file, key) -> the item's content hash and its document,
 * so a changed feed re-indexes only the items whose hash changed. A
 * document goes when no file and no item holds it any more. Statements
 * here are prepared per call: they run once per feed item, not per word.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* Run sql with text ?1 and optional text ?2, int ?3, int ?4 (unused ones
 * are NULL / 0 and ignored by statements that do not name them). */
static int
run(struct store *s, const char *sql, const char *t1, const char *t2, int64_t i3, int64_t i4,
    const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, doing);
    int np = sqlite3_bind_parameter_count(st);
    if (np >= 1)
        store_bind_text(st, 1, t1);
    if (np >= 2)
        store_bind_text(st, 2, t2);
    if (np >= 3)
        sqlite3_bind_int64(st, 3, i3);
    if (np >= 4)
        sqlite3_bind_int64(st, 4, i4);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, doing);
    return 0;
}

/* Documents of file's items that nothing else holds go. */
static const char sql_drop_orphans[] =
    "DELETE FROM documents WHERE id IN (SELECT doc_id FROM items WHERE file = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM files f WHERE f.doc_id = documents.id)"
    " AND NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = documents.id AND i.file <> ?1)";

/* See store.h. */
int
store_feed_file_put(struct store *s, const char *path, const struct file_state *fs,
                    struct ds_error *err)
{
    return run(s,
               "INSERT INTO files(path, size, mtime_ns, doc_id) VALUES (?1, ?4, ?3, NULL)"
               " ON CONFLICT(path) DO UPDATE SET size = ?4, mtime_ns = ?3, doc_id = NULL",
               path, NULL, fs->mtime_ns, fs->size, "recording a feed", err);
}

/* See store.h. */
int
store_items_forget(struct store *s, const char *file, struct ds_error *err)
{
    if (run(s, sql_drop_orphans, file, NULL, 0, 0, "forgetting a feed's items", err) != 0 ||
        store_fts_sync_now(s, err) != 0)
        return -1;
    return run(s, "DELETE FROM items WHERE file = ?1", file, NULL, 0, 0,
               "forgetting a feed's items", err);
}

/* See store.h. */
int
store_item_put(struct store *s, const char *file, const char *key, uint64_t hash, int64_t doc_id,
               struct ds_error *err)
{
    /* the document the item held before goes when nothing else holds it */
    int rc = run(s,
                 "DELETE FROM documents WHERE id = (SELECT doc_id FROM items"
                 "  WHERE file = ?1 AND key = ?2) AND id <> ?3"
                 " AND NOT EXISTS (SELECT 1 FROM files f WHERE f.doc_id = documents.id)"
                 " AND NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = documents.id"
                 "  AND NOT (i.file = ?1 AND i.key = ?2))",
                 file, key, doc_id, 0, "replacing a feed item", err);
    if (rc == 0)
        rc = store_fts_sync_now(s, err);
    if (rc == 0)
        rc = run(s,
                 "INSERT INTO items(file, key, hash, doc_id) VALUES (?1, ?2, ?4, ?3)"
                 " ON CONFLICT(file, key) DO UPDATE SET hash = ?4, doc_id = ?3",
                 file, key, doc_id, (int64_t)hash, "recording a feed item", err);
    return rc;
}

/* qsort: items by key hash. */
static int
cmp_item(const void *a, const void *b)
{
    const struct store_item *x = a, *y = b;
    return x->key_hash < y->key_hash ? -1 : x->key_hash > y->key_hash;
}

/* See store.h. */
int
store_items_of(struct store *s, const char *file, struct store_item **out, size_t *n,
               struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT key, hash FROM items WHERE file = ?1", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading a feed's items");
    store_bind_text(st, 1, file);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        const char *key = (const char *)sqlite3_column_text(st, 0);
        (*out)[*n].key_hash = ds_hash64(key ? key : "", key ? strlen(key) : 0);
        (*out)[*n].hash = (uint64_t)sqlite3_column_int64(st, 1);
        (*n)++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return store_fail(s, err, rc, "reading a feed's items");
    }
    if (*n)
        qsort(*out, *n, sizeof **out, cmp_item);
    return 0;
}

/* See store.h. */
int
store_doc_url_put(struct store *s, int64_t doc_id, const char *url, struct ds_error *err)
{
    return run(s, "INSERT OR REPLACE INTO doc_urls(doc_id, url) VALUES (?3, ?1)", url, NULL,
               doc_id, 0, "recording a document's URL", err);
}

/* See store.h. */
void
doc_origin_clear(struct doc_origin *o)
{
    if (!o)
        return;
    free(o->file);
    free(o->item);
    free(o->url);
    memset(o, 0, sizeof *o);
}

/* See store.h. */
int
store_doc_origin(struct store *s, int64_t doc_id, struct doc_origin *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT coalesce((SELECT min(path) FROM files WHERE doc_id = ?1),"
        "  (SELECT min(file) FROM items WHERE doc_id = ?1)),"
        " (SELECT key FROM items WHERE doc_id = ?1 ORDER BY file, key LIMIT 1),"
        " (SELECT url FROM doc_urls WHERE doc_id = ?1)",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading where a document came from");
    sqlite3_bind_int64(st, 1, doc_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->file = store_col_dup(st, 0);
        out->item = store_col_dup(st, 1);
        out->url = store_col_dup(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "reading where a document came from");
    return 0;
}

/* See store/lib.h. */
int
store_feed_first_doc(struct store *s, const char *path, int64_t *id_out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT doc_id FROM items WHERE file = ?1 ORDER BY key"
                                " LIMIT 1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "looking up a feed");
    store_bind_text(st, 1, path);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id_out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return 1;
    return store_fail(s, err, rc, "looking up a feed");
}
