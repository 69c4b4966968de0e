/*
 * store/saved.c — saved searches and what is new to them, and the numbers a
 * reader polls to see the index change under it.
 *
 * A saved search is a row of saved_searches (its name and query text) and
 * one of saved_seen: seen_id, the highest document id when it was last
 * opened. Document ids
 * only grow as documents are added (a changed file becomes a new document),
 * so "new to this search" is "matches it with an id above seen_id", one
 * comparison per hit of a result set already in hand
 * (result_set_count_after). *Why in the index and not beside feeds.tsv:*
 * the mark is a document id of this index; in a file it would point into
 * whichever index was opened. Like tags, a saved search is the reader's
 * own annotation of the collection it lives in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* See store.h. */
int
store_saved_add(struct store *s, const char *name, const char *query, struct ds_error *err)
{
    int n = store_run_once(s, "INSERT OR IGNORE INTO saved_searches(name, query) VALUES (?1, ?2)",
                           name, query, 0, 0, "saving a search", err);
    if (n <= 0)
        return n < 0 ? -1 : 1;
    return store_saved_seen(s, name, err) < 0 ? -1 : 0;
}

/* See store.h. */
int
store_saved_remove(struct store *s, const char *name, struct ds_error *err)
{
    int n = store_run_once(s, "DELETE FROM saved_searches WHERE name = ?1", name, NULL, 0, 0,
                           "removing a saved search", err);
    return n < 0 ? -1 : n == 0;
}

/* See store.h. */
int
store_saved_seen(struct store *s, const char *name, struct ds_error *err)
{
    int n = store_run_once(s,
                           "INSERT OR REPLACE INTO saved_seen(name, seen_id)"
                           " SELECT name, (SELECT coalesce(max(id), 0) FROM documents)"
                           " FROM saved_searches WHERE name = ?1",
                           name, NULL, 0, 0, "marking a saved search seen", err);
    return n < 0 ? -1 : n == 0;
}

/* See store.h. */
int
store_saved_seen_at(struct store *s, const char *name, int64_t seen_id, struct ds_error *err)
{
    int n = store_run_once(s,
                           "INSERT INTO saved_seen(name, seen_id)"
                           " SELECT name, ?3 FROM saved_searches WHERE name = ?1"
                           " ON CONFLICT(name) DO UPDATE SET seen_id = max(seen_id, excluded.seen_id)",
                           name, NULL, seen_id, 0, "marking a saved search seen", err);
    return n < 0 ? -1 : n == 0;
}

/* See store.h. */
int
store_saved_list(struct store *s, struct saved_search **out, size_t *n, struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT name, query, (SELECT seen_id FROM saved_seen v"
                                " WHERE v.name = s.name) FROM saved_searches s ORDER BY name",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading saved searches");
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct saved_search *v = &(*out)[(*n)++];
        v->name = store_col_dup(st, 0);
        v->query = store_col_dup(st, 1);
        v->seen_id = sqlite3_column_int64(st, 2);
        if (!v->name)
            v->name = xstrdup("");
        if (!v->query)
            v->query = xstrdup("");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        saved_searches_free(*out, *n);
        *out = NULL;
        *n = 0;
        return store_fail(s, err, rc, "reading saved searches");
    }
    return 0;
}

/* See store.h. */
void
saved_searches_free(struct saved_search *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].query);
    }
    free(v);
}

/* See store.h. */
int64_t
store_max_doc_id(struct store *s, struct ds_error *err)
{
    int64_t v = 0;
    int rc = store_int_once(s, "SELECT coalesce(max(id), 0) FROM documents", 0, &v,
                            "reading the index", err);
    return rc < 0 ? -1 : v;
}

/* See store.h. */
int64_t
store_data_version(struct store *s, struct ds_error *err)
{
    int64_t v = 0;
    int rc = store_int_once(s, "PRAGMA data_version", 0, &v, "reading the index's version", err);
    return rc < 0 ? -1 : v;
}
