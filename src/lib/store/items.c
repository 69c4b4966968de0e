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

#include "dossier/url.h"
#include "lib.h"

/* A one-off write (store_run_once): 0, or -1 with err. */
static int
run_ok(struct store *s, const char *sql, const char *t1, const char *t2, int64_t i3, int64_t i4,
       const char *doing, struct ds_error *err)
{
    return store_run_once(s, sql, t1, t2, i3, i4, doing, err) < 0 ? -1 : 0;
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
    return run_ok(s,
                  "INSERT INTO files(path, size, mtime_ns, doc_id) VALUES (?1, ?4, ?3, NULL)"
                  " ON CONFLICT(path) DO UPDATE SET size = ?4, mtime_ns = ?3, doc_id = NULL",
                  path, NULL, fs->mtime_ns, fs->size, "recording a feed", err);
}

/* See store.h. */
int
store_items_forget(struct store *s, const char *file, struct ds_error *err)
{
    int begun = store_own_begin(s, err);
    if (begun < 0)
        return -1;
    int rc = run_ok(s, sql_drop_orphans, file, NULL, 0, 0, "forgetting a feed's items", err);
    if (rc == 0)
        rc = run_ok(s, "DELETE FROM items WHERE file = ?1", file, NULL, 0, 0,
                    "forgetting a feed's items", err);
    return store_own_end(s, begun, rc, err);
}

/* See store.h. */
int
store_item_put(struct store *s, const char *file, const char *key, uint64_t hash, int64_t doc_id,
               struct ds_error *err)
{
    int begun = store_own_begin(s, err);
    if (begun < 0)
        return -1;
    /* the document the item held before goes when nothing else holds it */
    int rc = run_ok(s,
                    "DELETE FROM documents WHERE id = (SELECT doc_id FROM items"
                    "  WHERE file = ?1 AND key = ?2) AND id <> ?3"
                    " AND NOT EXISTS (SELECT 1 FROM files f WHERE f.doc_id = documents.id)"
                    " AND NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = documents.id"
                    "  AND NOT (i.file = ?1 AND i.key = ?2))",
                    file, key, doc_id, 0, "replacing a feed item", err);
    if (rc == 0)
        rc = run_ok(s,
                    "INSERT INTO items(file, key, hash, doc_id) VALUES (?1, ?2, ?4, ?3)"
                    " ON CONFLICT(file, key) DO UPDATE SET hash = ?4, doc_id = ?3",
                    file, key, doc_id, (int64_t)hash, "recording a feed item", err);
    return store_own_end(s, begun, rc, err);
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

/* ds_url_key(url): url_normalize() for SQL; NULL stays NULL. */
static void
store_sql_url_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *url = (const char *)sqlite3_value_text(argv[0]);
    if (!url) {
        sqlite3_result_null(ctx);
        return;
    }
    char *key = url_normalize(url);
    sqlite3_result_text(ctx, key, -1, free);
}

/* See lib.h. */
int
store_url_key_register(struct store *s)
{
    return sqlite3_create_function_v2(s->db, "ds_url_key", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      store_sql_url_key, NULL, NULL, NULL);
}

/* See store.h. */
int
store_doc_url_put(struct store *s, int64_t doc_id, const char *url, struct ds_error *err)
{
    char *key = url_normalize(url);
    int rc = run_ok(s, "INSERT OR REPLACE INTO doc_urls(doc_id, url) VALUES (?3, ?1)", url, NULL,
                    doc_id, 0, "recording a document's URL", err);
    if (rc == 0)
        rc = run_ok(s, "INSERT OR REPLACE INTO doc_url_keys(doc_id, key) VALUES (?3, ?1)", key,
                    NULL, doc_id, 0, "recording a document's URL", err);
    free(key);
    return rc;
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

/* An item's summary and the page of the same URL: (item document, page document). */
struct link_pair {
    int64_t item_doc, page_doc;
};

/* Items whose document is held by no file and states a URL that a document
 * held by a file states too; *out newly allocated. */
static int
find_page_links(struct store *s, struct link_pair **out, size_t *n, struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT i.doc_id, min(f.doc_id) FROM items i"
        " JOIN doc_url_keys iu ON iu.doc_id = i.doc_id"
        " JOIN doc_url_keys pu ON pu.key = iu.key AND pu.doc_id <> iu.doc_id"
        " JOIN files f ON f.doc_id = pu.doc_id"
        " WHERE NOT EXISTS (SELECT 1 FROM files x WHERE x.doc_id = i.doc_id)"
        " GROUP BY i.doc_id",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "linking feed items to their pages");
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[(*n)++] = (struct link_pair){sqlite3_column_int64(st, 0),
                                            sqlite3_column_int64(st, 1)};
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return store_fail(s, err, rc, "linking feed items to their pages");
    }
    return 0;
}

/* See store.h. */
int
store_items_link_pages(struct store *s, size_t *linked, struct ds_error *err)
{
    struct link_pair *v;
    size_t n;
    *linked = 0;
    if (find_page_links(s, &v, &n, err) != 0)
        return -1;
    int rc = n ? store_begin(s, err) : 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        rc = run_ok(s, "UPDATE items SET doc_id = ?4 WHERE doc_id = ?3", NULL, NULL, v[i].item_doc,
                    v[i].page_doc, "linking a feed item to its page", err);
        if (rc == 0)
            rc = run_ok(s,
                        "DELETE FROM documents WHERE id = ?3"
                        " AND NOT EXISTS (SELECT 1 FROM files WHERE doc_id = ?3)"
                        " AND NOT EXISTS (SELECT 1 FROM items WHERE doc_id = ?3)",
                        NULL, NULL, v[i].item_doc, 0, "linking a feed item to its page", err);
    }
    if (n && rc == 0)
        rc = store_commit(s, err);
    else if (n)
        store_rollback(s);
    if (rc == 0)
        *linked = n;
    free(v);
    return rc;
}

/* See store.h. */
int
store_page_with_url(struct store *s, const char *url, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT 1 FROM doc_url_keys u JOIN files f ON f.doc_id = u.doc_id"
                                " WHERE u.key = ?1 LIMIT 1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "looking up a page");
    char *key = url_normalize(url);
    store_bind_text(st, 1, key);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    free(key);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return store_fail(s, err, rc, "looking up a page");
}
