/*
 * store/stats_themes.c — the rows of the themes found in the collection
 * (corpus/themes.c fits them, corpus/themes_model.c assigns documents):
 * the fit (theme_fit: k, seed, documents then; theme_vocab: its terms and
 * idf; theme_centroids: each theme's centroid as the caller encoded it),
 * the themes (number, label, size) and each document's theme (doc_themes,
 * 0 for none), written in one transaction; every document's content hash
 * to draw the sample by, the texts of the documents with no theme yet,
 * the themes read back by number and counted in a selection (the
 * statistics view). The query field theme:N reads doc_themes through
 * qsql.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"

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

/* ---- the stored fit ---------------------------------------------------------------------- */

void
stats_theme_fit_free(struct stats_theme_fit *f)
{
    for (size_t i = 0; i < f->nterms; i++)
        free(f->terms[i]);
    for (int64_t c = 0; f->labels && c < f->k; c++) {
        free(f->labels[c]);
        free(f->vec[c]);
    }
    free(f->terms);
    free(f->idf);
    free(f->labels);
    free(f->vec);
    free(f->veclen);
    memset(f, 0, sizeof *f);
}

/* Step a prepared insert once and reset it; the step's code. */
static int
stats_step_reset(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc;
}

/* The fit's row and its terms. */
static int
stats_theme_fit_head(struct store *s, const struct stats_theme_fit *f, const char *doing,
                     struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEME_FIT_PUT, &st, doing, err) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, f->k);
    sqlite3_bind_int64(st, 2, f->seed);
    sqlite3_bind_int64(st, 3, f->docs);
    sqlite3_bind_int64(st, 4, f->sample);
    sqlite3_bind_int64(st, 5, f->fitted);
    int rc = stats_step_reset(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || stats_prepare(s, ST_THEME_VOCAB_PUT, &st, doing, err) != 0)
        return rc != SQLITE_DONE ? store_fail(s, err, rc, doing) : -1;
    for (size_t i = 0; i < f->nterms && rc == SQLITE_DONE; i++) {
        sqlite3_bind_int64(st, 1, (int64_t)i);
        sqlite3_bind_text(st, 2, f->terms[i], -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 3, f->idf[i]);
        rc = stats_step_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

/* The themes (size 0) and their centroids. */
static int
stats_theme_fit_themes(struct store *s, const struct stats_theme_fit *f, const char *doing,
                       struct ds_error *err)
{
    sqlite3_stmt *th = NULL, *ce = NULL;
    if (stats_prepare(s, ST_THEME_PUT, &th, doing, err) != 0)
        return -1;
    if (stats_prepare(s, ST_THEME_CENT_PUT, &ce, doing, err) != 0) {
        sqlite3_finalize(th);
        return -1;
    }
    int rc = SQLITE_DONE;
    for (int64_t c = 0; c < f->k && rc == SQLITE_DONE; c++) {
        sqlite3_bind_int64(th, 1, c + 1);
        sqlite3_bind_text(th, 2, f->labels[c], -1, SQLITE_STATIC);
        sqlite3_bind_int64(th, 3, 0);
        rc = stats_step_reset(th);
        sqlite3_bind_int64(ce, 1, c + 1);
        sqlite3_bind_blob(ce, 2, f->vec[c], (int)f->veclen[c], SQLITE_STATIC);
        if (rc == SQLITE_DONE)
            rc = stats_step_reset(ce);
    }
    sqlite3_finalize(th);
    sqlite3_finalize(ce);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

int
stats_theme_fit_put(struct store *s, const struct stats_theme_fit *f, struct ds_error *err)
{
    const char *doing = "saving themes";
    bool own = sqlite3_get_autocommit(s->db) != 0;
    if (own && stats_exec(s, ST_BEGIN, doing, err) != 0)
        return -1;
    int rc = stats_exec(s, ST_THEME_FIT_CLEAR, doing, err) != 0 ||
                     stats_theme_fit_head(s, f, doing, err) != 0 ||
                     stats_theme_fit_themes(s, f, doing, err) != 0
                 ? -1
                 : 0;
    return stats_refresh_end(s, own, rc, err);
}

/* The stored terms and centroids into f (its k already read). */
static int
stats_theme_fit_body(struct store *s, struct stats_theme_fit *f, const char *doing,
                     struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEME_VOCAB_GET, &st, doing, err) != 0)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (f->nterms == cap) {
            cap = cap ? cap * 2 : 1024;
            f->terms = xrealloc(f->terms, cap * sizeof *f->terms);
            f->idf = xrealloc(f->idf, cap * sizeof *f->idf);
        }
        const char *t = (const char *)sqlite3_column_text(st, 0);
        f->terms[f->nterms] = xstrdup(t ? t : "");
        f->idf[f->nterms++] = sqlite3_column_double(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || stats_prepare(s, ST_THEME_CENT_GET, &st, doing, err) != 0)
        return rc != SQLITE_DONE ? store_fail(s, err, rc, doing) : -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t c = sqlite3_column_int64(st, 0) - 1;
        if (c < 0 || c >= f->k || f->vec[c])
            continue;
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        const void *blob = sqlite3_column_blob(st, 1);
        const char *label = (const char *)sqlite3_column_text(st, 2);
        f->vec[c] = xmalloc(len + 1);
        if (len)
            memcpy(f->vec[c], blob, len);
        f->veclen[c] = len;
        f->labels[c] = xstrdup(label ? label : "");
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

int
stats_theme_fit_get(struct store *s, struct stats_theme_fit *f, struct ds_error *err)
{
    const char *doing = "reading themes";
    memset(f, 0, sizeof *f);
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEME_FIT_GET, &st, doing, err) != 0)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        f->k = sqlite3_column_int64(st, 0);
        f->seed = sqlite3_column_int64(st, 1);
        f->docs = sqlite3_column_int64(st, 2);
        f->sample = sqlite3_column_int64(st, 3);
        f->fitted = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, doing);
    if (f->k < 1 || f->k > 1000) {
        memset(f, 0, sizeof *f);
        return 0;
    }
    f->labels = xcalloc((size_t)f->k, sizeof *f->labels);
    f->vec = xcalloc((size_t)f->k, sizeof *f->vec);
    f->veclen = xcalloc((size_t)f->k, sizeof *f->veclen);
    if (stats_theme_fit_body(s, f, doing, err) != 0) {
        stats_theme_fit_free(f);
        return -1;
    }
    for (int64_t c = 0; c < f->k; c++) /* a theme without its row: no fit */
        if (!f->vec[c]) {
            stats_theme_fit_free(f);
            return 0;
        }
    return 1;
}

int
stats_theme_doc_keys(struct store *s, void (*fn)(int64_t id, uint64_t hash, void *ud), void *ud,
                     struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_THEME_DOC_KEYS, &st, "sampling documents", err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(sqlite3_column_int64(st, 0), (uint64_t)sqlite3_column_int64(st, 1), ud);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "sampling documents");
}

int
stats_theme_docs_unassigned(struct store *s, bool all, stats_theme_doc_fn fn, void *ud,
                            struct ds_error *err)
{
    const char *doing = "reading documents for themes";
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, all ? ST_THEME_DOCS_ALL : ST_THEME_DOCS_NEW, &st, doing, err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *title = (const char *)sqlite3_column_text(st, 1);
        size_t tlen = (size_t)sqlite3_column_bytes(st, 1);
        const char *body = (const char *)sqlite3_column_text(st, 2);
        size_t blen = (size_t)sqlite3_column_bytes(st, 2);
        if (fn(sqlite3_column_int64(st, 0), title, tlen, body ? body : "", blen, ud) != 0) {
            sqlite3_finalize(st);
            return -1;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

/* Insert or replace the rows (ids[i], themes[i]) of doc_themes. */
static int
stats_theme_rows_put(struct store *s, const int64_t *ids, const int *themes, size_t n,
                     const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_DOC_THEME_PUT, &st, doing, err) != 0)
        return -1;
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        sqlite3_bind_int(st, 2, themes[i]);
        rc = stats_step_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

int
stats_theme_put_docs(struct store *s, const int64_t *ids, const int *themes, size_t n,
                     struct ds_error *err)
{
    const char *doing = "saving themes";
    bool own = sqlite3_get_autocommit(s->db) != 0;
    if (own && stats_exec(s, ST_BEGIN, doing, err) != 0)
        return -1;
    int rc = stats_theme_rows_put(s, ids, themes, n, doing, err);
    return stats_refresh_end(s, own, rc, err);
}

int
stats_theme_resize(struct store *s, struct ds_error *err)
{
    return stats_exec(s, ST_THEME_RESIZE, "saving themes", err);
}

int
stats_theme_renumber(struct store *s, const int *num, size_t k, struct ds_error *err)
{
    const char *doing = "numbering themes";
    static const enum stats_stmt_id ids[3] = {ST_THEME_RENUM_DOCS, ST_THEME_RENUM_CENT,
                                              ST_THEME_RENUM_THEME};
    for (int q = 0; q < 3; q++) {
        sqlite3_stmt *st = NULL;
        if (stats_prepare(s, ids[q], &st, doing, err) != 0)
            return -1;
        int rc = SQLITE_DONE;
        for (size_t c = 0; c < k && rc == SQLITE_DONE; c++) {
            sqlite3_bind_int64(st, 1, (int64_t)c + 1);
            sqlite3_bind_int64(st, 2, num[c]);
            rc = stats_step_reset(st);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return store_fail(s, err, rc, doing);
    }
    return stats_exec(s, ST_THEME_RENUM_FLIP, doing, err);
}

int
stats_theme_counts_docs(struct store *s, int64_t *ndocs, int64_t *assigned,
                        struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *ndocs = *assigned = 0;
    if (stats_prepare(s, ST_THEME_DOC_COUNTS, &st, "counting documents", err) != 0)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *ndocs = sqlite3_column_int64(st, 0);
        *assigned = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : store_fail(s, err, rc, "counting documents");
}

int
stats_theme_members(struct store *s, int64_t theme, int64_t **ids, size_t *n,
                    struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *ids = NULL;
    *n = 0;
    if (stats_prepare(s, ST_THEME_MEMBERS, &st, "reading themes", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, theme);
    return stats_collect_ids(s, st, ids, n, "reading themes", err);
}

int
stats_theme_drift(struct store *s, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int64_t drift = 0;
    if (stats_prepare(s, ST_THEME_DRIFT, &st, "counting themes", err) != 0)
        return -1;
    int rc = stats_step_int(s, st, &drift, "counting themes", err);
    sqlite3_finalize(st);
    if (rc != 0 || !drift)
        return rc;
    return stats_exec(s, ST_THEME_RESIZE, "saving themes", err);
}
