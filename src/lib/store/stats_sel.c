/*
 * store/stats_sel.c — selections kept as rows of temp.corpus_sel, and the
 * reads over them that the statistics tables need: distributions, entity
 * mentions and names, entity documents and stored pairs, dates per day and
 * the documents export lists (store_stats.h).
 */
#include "config.h"

#include <stdlib.h>

#include "stats.h"

/* ---- selections ------------------------------------------------------------------------------ */

int
stats_sel_new(struct store *s, int64_t *num, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *num = 0;
    if (stats_exec(s, ST_SEL_TABLE, "preparing statistics", err) != 0 ||
        stats_prepare(s, ST_SEL_NEXT, &st, "preparing statistics", err) != 0)
        return -1;
    int rc = stats_step_int(s, st, num, "preparing statistics", err);
    sqlite3_finalize(st);
    return rc;
}

int
stats_sel_fill_query(struct store *s, int64_t num, const char *ids_sql, size_t nparams,
                     const struct query *q, struct ds_error *err)
{
    char *sql = xasprintf(ST_SEL_FILL_FORMAT, nparams + 1, ids_sql);
    sqlite3_stmt *st = NULL;
    int rc = store_prepare_query(s, sql, q, &st, err);
    free(sql);
    if (rc != 0)
        return -1;
    sqlite3_bind_int64(st, (int)nparams + 1, num);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "selecting documents");
    return 0;
}

int
stats_sel_add_ids(struct store *s, int64_t num, const int64_t *ids, size_t n,
                  struct ds_error *err)
{
    return stats_each_id(s, ST_SEL_ADD, num, ids, n, "selecting documents", err);
}

int
stats_collect_ids(struct store *s, sqlite3_stmt *st, int64_t **ids, size_t *n, const char *doing,
                  struct ds_error *err)
{
    size_t cap = *n;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            *ids = xrealloc(*ids, cap * sizeof **ids);
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

int
stats_sel_ids(struct store *s, int64_t num, int64_t **ids, size_t *n, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_SEL_IDS, &st, "reading the selection", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, num);
    return stats_collect_ids(s, st, ids, n, "reading the selection", err);
}

void
stats_sel_drop(struct store *s, int64_t num)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, stats_sql[ST_SEL_DROP], -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, num);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
}

int
stats_doc_count(struct store *s, int64_t *n, struct ds_error *err)
{
    return stats_int(s, ST_DOC_COUNT, n, "counting documents", err);
}

/* ---- distributions --------------------------------------------------------------------------- */

/* Each row (text, text, integer) of st into fn; st is finalized. */
static int
stats_rows_tti(struct store *s, sqlite3_stmt *st,
               void (*fn)(const char *a, const char *b, int64_t n, void *ud), void *ud,
               const char *doing, struct ds_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           sqlite3_column_int64(st, 2), ud);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

int
stats_distribution(struct store *s, int64_t sel, bool topic, bool derived, size_t max,
                   void (*fn)(const char *key, const char *label, int64_t count, void *ud),
                   void *ud, struct ds_error *err)
{
    enum stats_stmt_id part = topic ? (derived ? ST_TOPIC_SEL : ST_TOPIC_DIRECT)
                                    : (derived ? ST_SOURCE_SEL : ST_SOURCE_DIRECT);
    enum stats_stmt_id all = topic ? (derived ? ST_TOPIC_ALL_CACHED : ST_TOPIC_ALL)
                                   : ST_SOURCE_ALL;
    sqlite3_stmt *st;
    if (stats_prepare_sel(s, sel, all, part, &st, "counting documents", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 2, max ? (int64_t)max : -1);
    return stats_rows_tti(s, st, fn, ud, "counting documents", err);
}

/* ---- entities -------------------------------------------------------------------------------- */

/* At most max rows (id, count) of statement id (?1 = max, ?2 = kind)
 * appended to *v. A SQLite result code. */
static int
stats_idcount_rows(struct store *s, enum stats_stmt_id id, const char *kind, size_t max,
                   struct stats_idcount **v, size_t *n, size_t *cap)
{
    sqlite3_stmt *st = NULL;
    size_t end = max > SIZE_MAX - *n ? SIZE_MAX : *n + max;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[id], -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, max > INT64_MAX ? -1 : (int64_t)max);
        if (kind) /* its stored number (schema 28) */
            store_ent_bind_kind(st, 2, kind);
    }
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && *n < end) {
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            *v = xrealloc(*v, *cap * sizeof **v);
        }
        (*v)[*n].id = sqlite3_column_int64(st, 0);
        (*v)[*n].count = sqlite3_column_int64(st, 1);
        (*n)++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
stats_top_entities(struct store *s, const char *kind, bool derived, size_t max,
                   struct stats_idcount **out, size_t *n_out, struct ds_error *err)
{
    struct stats_idcount *v = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    *n_out = 0;
    int rc = stats_idcount_rows(s,
                                !derived ? ST_ENT_TOP_DIRECT
                                : kind   ? ST_ENT_TOP_KIND
                                         : ST_ENT_TOP_ANY,
                                kind, max, &v, &n, &cap);
    /* those in one document after: both indexes by count are partial
     * (schema 24 for every kind, 25 by kind) */
    if (derived && n < max && (rc == SQLITE_DONE || rc == SQLITE_OK))
        rc = stats_idcount_rows(s, kind ? ST_ENT_TOP_KIND_ONCE : ST_ENT_TOP_ONCE, kind, max - n,
                                &v, &n, &cap);
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        free(v);
        return store_fail(s, err, rc, "counting entities");
    }
    *out = v;
    *n_out = n;
    return 0;
}

int
stats_mentions_sel(struct store *s, int64_t sel, void (*fn)(int64_t doc, int64_t ent, void *ud),
                   void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_MENT_SEL], -1, &st, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(st, 1, sel);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        fn(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), ud);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "counting entities");
    return 0;
}

int
stats_mentions_of(struct store *s, const int64_t *ids, size_t n, size_t step,
                  void (*fn)(int64_t doc, int64_t ent, void *ud), void *ud, size_t *taken,
                  struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_MENT_OF_DOC], -1, &st, NULL);
    *taken = 0;
    for (size_t i = 0; rc == SQLITE_OK && i < n; i += step, (*taken)++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            fn(ids[i], sqlite3_column_int64(st, 0), ud);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting entities");
    return 0;
}

int
stats_entities_keep_kind(struct store *s, struct stats_idcount *v, size_t n, const char *kind,
                         size_t max, size_t *kept, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_ENT_IS_KIND], -1, &st, NULL);
    size_t w = 0;
    if (rc == SQLITE_OK)
        store_ent_bind_kind(st, 2, kind);
    for (size_t i = 0; rc == SQLITE_OK && i < n && w < max; i++) {
        sqlite3_bind_int64(st, 1, v[i].id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_int(st, 0))
            v[w++] = v[i];
        sqlite3_reset(st);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    *kept = w;
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting entities");
    return 0;
}

int
stats_entity_names(struct store *s, const int64_t *ids, size_t n,
                   void (*fn)(size_t i, bool found, const char *name, const char *kind, void *ud),
                   void *ud, const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_ENT_NAME], -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            fn(i, true, (const char *)sqlite3_column_text(st, 0),
               store_ent_word(sqlite3_column_int64(st, 1)), ud);
        else if (rc == SQLITE_DONE)
            fn(i, false, NULL, NULL, ud);
        sqlite3_reset(st);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, doing);
    return 0;
}

/* ---- co-occurrence --------------------------------------------------------------------------- */

int
stats_max_doc_id(struct store *s, int64_t *maxid, struct ds_error *err)
{
    return stats_int(s, ST_MAX_DOC_ID, maxid, "counting entity pairs", err);
}

int
stats_entity_docs(struct store *s, const int64_t *ids, size_t n,
                  void (*fn)(size_t i, int64_t doc, void *ud), void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_ENT_DOCS], -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            fn(i, sqlite3_column_int64(st, 0), ud);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting entity pairs");
    return 0;
}

int
stats_pairs_stored(struct store *s, struct stats_pair **out, size_t *n_out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    struct stats_pair *v = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    *n_out = 0;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_PAIRS_STORED], -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n].a = sqlite3_column_int64(st, 0);
        v[n].b = sqlite3_column_int64(st, 1);
        v[n].docs = sqlite3_column_int64(st, 2);
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return store_fail(s, err, rc, "counting entity pairs");
    }
    *out = v;
    *n_out = n;
    return 0;
}

/* ---- dates ----------------------------------------------------------------------------------- */

int
stats_days(struct store *s, int64_t sel, bool derived,
           void (*fn)(const char *day, int64_t count, void *ud), void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare_sel(s, sel, derived ? ST_DAYS_ALL : ST_DAYS_ALL_DIRECT,
                          derived ? ST_DAYS_SEL : ST_DAYS_SEL_DIRECT, &st, "reading dates",
                          err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1), ud);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading dates");
    return 0;
}

int
stats_undated(struct store *s, int64_t sel,
              void (*fn)(const char *why, int64_t count, void *ud), void *ud,
              struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare_sel(s, sel, ST_UNDATED_ALL, ST_UNDATED_SEL, &st, "reading undated",
                          err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1), ud);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading undated documents");
    return 0;
}

int
stats_topic_days(struct store *s, int64_t sel, bool derived, const char *slugs_json,
                 void (*fn)(const char *slug, const char *day, int64_t count, void *ud),
                 void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare_sel(s, sel, derived ? ST_SERIES_ALL : ST_SERIES_ALL_DIRECT,
                          derived ? ST_SERIES_SEL : ST_SERIES_SEL_DIRECT, &st, "reading topics",
                          err) != 0)
        return -1;
    sqlite3_bind_text(st, 2, slugs_json, -1, SQLITE_STATIC);
    return stats_rows_tti(s, st, fn, ud, "reading topics", err);
}

/* ---- documents for export -------------------------------------------------------------------- */

int
stats_docs_each(struct store *s, int64_t sel, int (*fn)(const struct stats_doc *d, void *ud),
                void *ud, struct ds_error *err)
{
    sqlite3_stmt *st;
    if (stats_prepare_sel(s, sel, ST_DOCS_ALL, ST_DOCS_SEL, &st, "reading documents", err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct stats_doc d;
        d.id = sqlite3_column_int64(st, 0);
        d.date = (const char *)sqlite3_column_text(st, 1);
        d.source = (const char *)sqlite3_column_text(st, 2);
        d.title = (const char *)sqlite3_column_text(st, 3);
        d.has_title = sqlite3_column_int(st, 4) != 0;
        d.path = (const char *)sqlite3_column_text(st, 5);
        d.topics = (const char *)sqlite3_column_text(st, 6);
        if (fn(&d, ud) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading documents");
    return 0;
}
