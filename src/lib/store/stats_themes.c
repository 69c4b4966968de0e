/*
 * store/stats_themes.c — the rows of the themes found in the collection
 * (corpus/themes.c computes them): every document id to read, the themes
 * written in one transaction, read back by number and counted in a
 * selection (the statistics view). The query field
 * theme:N reads doc_themes through qsql.c.
 */
#include "config.h"

#include <stdlib.h>

#include "stats.h"

int
stats_all_ids(struct store *s, int64_t **ids, size_t *n, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *ids = NULL;
    *n = 0;
    if (stats_prepare(s, ST_ALL_IDS, &st, "listing documents", err) != 0)
        return -1;
    return stats_collect_ids(s, st, ids, n, "listing documents", err);
}

/* Insert the themes and the documents' themes (inside a transaction). */
static int
stats_themes_rows(struct store *s, const char *const *labels, const int64_t *sizes, size_t k,
                  const int64_t *doc_ids, const int *themes, size_t n, struct ds_error *err)
{
    const char *doing = "saving themes";
    if (stats_exec(s, ST_THEMES_CLEAR, doing, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEME_PUT, &st, doing, err) != 0)
        return -1;
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < k && rc == SQLITE_DONE; i++) {
        sqlite3_bind_int64(st, 1, (int64_t)i + 1);
        sqlite3_bind_text(st, 2, labels[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, sizes[i]);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    if (stats_prepare(s, ST_DOC_THEME_PUT, &st, doing, err) != 0)
        return -1;
    for (size_t j = 0; j < n && rc == SQLITE_DONE; j++) {
        sqlite3_bind_int64(st, 1, doc_ids[j]);
        sqlite3_bind_int(st, 2, themes[j]);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

int
stats_themes_put(struct store *s, const char *const *labels, const int64_t *sizes, size_t k,
                 const int64_t *doc_ids, const int *themes, size_t n, struct ds_error *err)
{
    bool own = sqlite3_get_autocommit(s->db) != 0;
    if (own && stats_exec(s, ST_BEGIN, "saving themes", err) != 0)
        return -1;
    int rc = stats_themes_rows(s, labels, sizes, k, doc_ids, themes, n, err);
    if (!own)
        return rc;
    if (rc == 0 && stats_exec(s, ST_COMMIT, "saving themes", err) != 0)
        rc = -1;
    if (rc != 0)
        sqlite3_exec(s->db, stats_sql[ST_ROLLBACK], NULL, NULL, NULL);
    return rc;
}

/* Step st (id, label, number) to its end, fn for each row; finalizes st. */
static int
stats_theme_rows(struct store *s, sqlite3_stmt *st,
                 void (*fn)(int64_t id, const char *label, int64_t n, void *ud), void *ud,
                 const char *doing, struct ds_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
           sqlite3_column_int64(st, 2), ud);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

int
stats_themes_each(struct store *s,
                  void (*fn)(int64_t id, const char *label, int64_t size, void *ud), void *ud,
                  struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEMES_EACH, &st, "reading themes", err) != 0)
        return -1;
    return stats_theme_rows(s, st, fn, ud, "reading themes", err);
}

int
stats_theme_counts(struct store *s, int64_t sel,
                   void (*fn)(int64_t id, const char *label, int64_t count, void *ud), void *ud,
                   struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare_sel(s, sel, ST_THEMES_COUNT_ALL, ST_THEMES_COUNT_SEL, &st,
                          "counting themes", err) != 0)
        return -1;
    return stats_theme_rows(s, st, fn, ud, "counting themes", err);
}
