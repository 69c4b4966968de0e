/*
 * store/similar.c — the store's side of similarity: the tokenizer adapter,
 * document frequencies, candidates for a set of words, and the
 * near-duplicate signature tables (see store_similar.h). Rows only: the
 * compare part scores, bands and groups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/store.h" /* store_meta_get, store_meta_set */
#include "dossier/store_similar.h"
#include "lib.h"

/* The meta key holding the rule the saved signatures follow. */
#define SIG_RULE_KEY "sig_rule"

static const char neardup_schema[] =
    "CREATE TABLE IF NOT EXISTS neardup_sigs(doc_id INTEGER PRIMARY KEY"
    " REFERENCES documents(id) ON DELETE CASCADE, sig BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS neardup_bands(band_hash INTEGER NOT NULL,"
    " doc_id INTEGER NOT NULL, PRIMARY KEY(band_hash, doc_id)) WITHOUT ROWID;";

/* ---- the tokenizer adapter -------------------------------------------------- */

static int
store_text_tokenize(void *ctx, const char *text, size_t len, text_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return store_tokenize(ctx, text, len, fn, ud, &err);
}

void
store_text_tokenizer(struct store *s, struct text_tokenizer *out)
{
    out->tokenize = store_text_tokenize;
    out->ctx = s;
}

/* ---- term statistics ----------------------------------------------------------- */

struct store_termstats {
    struct store *s;
    sqlite3_stmt *vocab; /* SELECT cnt FROM corpus_vocab WHERE term = ?1, or NULL */
    int64_t total;
};

void
store_termstats_free(struct store_termstats **tsp)
{
    struct store_termstats *ts = *tsp;
    if (!ts)
        return;
    sqlite3_finalize(ts->vocab);
    free(ts);
    *tsp = NULL;
}

int
store_termstats_open(struct store *s, struct store_termstats **out, struct ds_error *err)
{
    *out = NULL;
    struct store_termstats *ts = xcalloc(1, sizeof *ts);
    ts->s = s;
    int64_t have = 0;
    const char *doing = "reading term statistics";
    if (store_int_once(s, "SELECT coalesce(max(id), 0) FROM documents", 0, &ts->total, doing,
                       err) < 0 ||
        store_int_once(s,
                       "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'corpus_vocab')",
                       0, &have, doing, err) < 0 ||
        (have && store_int_once(s, "SELECT EXISTS (SELECT 1 FROM corpus_vocab)", 0, &have, doing,
                                err) < 0)) {
        store_termstats_free(&ts);
        return -1;
    }
    if (have) {
        int rc = sqlite3_prepare_v2(s->db, "SELECT cnt FROM corpus_vocab WHERE term = ?1", -1,
                                    &ts->vocab, NULL);
        if (rc != SQLITE_OK) {
            store_termstats_free(&ts);
            return store_fail(s, err, rc, "reading term statistics");
        }
    } else if (store_df_ready(s, err) != 0) {
        store_termstats_free(&ts);
        return -1;
    }
    *out = ts;
    return 0;
}

bool
store_termstats_exact(const struct store_termstats *ts)
{
    return ts->vocab != NULL;
}

int64_t
store_termstats_docs_total(const struct store_termstats *ts)
{
    return ts->total;
}

/* term's count in the vocabulary (0 when absent), or -1 with err. */
static int64_t
termstats_vocab(struct store_termstats *ts, const char *term, struct ds_error *err)
{
    sqlite3_reset(ts->vocab);
    sqlite3_bind_text(ts->vocab, 1, term, -1, SQLITE_STATIC);
    int rc = sqlite3_step(ts->vocab);
    int64_t df = rc == SQLITE_ROW ? sqlite3_column_int64(ts->vocab, 0) : 0;
    sqlite3_reset(ts->vocab);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(ts->s, err, rc, "reading term statistics");
    return df;
}

int64_t
store_termstats_df(struct store_termstats *ts, const char *term, const char *word,
                   struct ds_error *err)
{
    if (!ts->vocab || store_term_is_cjk(term)) {
        /* a Chinese word is no term of the index (it holds bigrams): its
         * documents are those of the phrase */
        bool estimated;
        if (!ts->s->dfc && store_df_ready(ts->s, err) != 0)
            return -1;
        return store_word_docs(ts->s, word, &estimated, err);
    }
    return termstats_vocab(ts, term, err);
}

int64_t
store_termstats_index_df(struct store_termstats *ts, const char *term, const char *word,
                         struct ds_error *err)
{
    if (!ts->vocab || !store_term_is_cjk(term) || !store_term_is_bigram(term))
        return store_termstats_df(ts, term, word, err);
    /* a bigram or a run's single character is a term of the index: read
     * like any word, not counted as a phrase */
    return termstats_vocab(ts, term, err);
}

int
store_doc_text(struct store *s, int64_t doc_id, char **title, char **body, struct ds_error *err)
{
    *title = *body = NULL;
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_TEXT, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *title = store_col_dup(st, 0);
        *body = store_col_dup(st, 1);
        if (!*body)
            *body = xstrdup("");
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return 1;
    return store_fail(s, err, rc, "reading a document");
}

int
store_doc_day(struct store *s, int64_t doc_id, int64_t *day, struct ds_error *err)
{
    *day = 0;
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_DAY, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    int rc = sqlite3_step(st);
    int found = 1;
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        *day = sqlite3_column_int64(st, 0);
        found = 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading a document's date");
    return found;
}

int
store_term_candidates(struct store *s, const char *const *words, size_t n, int64_t exclude,
                      size_t limit, int64_t **ids, size_t *n_ids, struct ds_error *err)
{
    *ids = NULL;
    *n_ids = 0;
    struct buf expr = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (strchr(words[i], '"'))
            continue; /* no quoting inside an FTS5 phrase: leave the word out */
        buf_printf(&expr, "%s\"%s\"", expr.len ? " OR " : "", words[i]);
    }
    if (!expr.len) {
        buf_free(&expr);
        return 0;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1"
                                " AND rowid <> ?2 ORDER BY rank LIMIT ?3",
                                -1, &st, NULL);
    size_t cap = 0, got = 0;
    int64_t *v = NULL;
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, buf_str(&expr), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, exclude);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (got == cap)
                v = xrealloc(v, (cap = cap ? cap * 2 : 64) * sizeof *v);
            v[got++] = sqlite3_column_int64(st, 0);
        }
    }
    sqlite3_finalize(st);
    buf_free(&expr);
    if (rc != SQLITE_DONE) {
        free(v);
        return store_fail(s, err, rc, "finding similar articles");
    }
    *ids = v;
    *n_ids = got;
    return 0;
}

/* ---- signatures: writing ----------------------------------------------------------- */

struct store_sig_writer {
    struct store *s;
    size_t nbands;
    sqlite3_stmt *old, *del, *sig, *band;
};

void
store_sig_writer_free(struct store_sig_writer **wp)
{
    struct store_sig_writer *w = *wp;
    if (!w)
        return;
    sqlite3_finalize(w->old);
    sqlite3_finalize(w->del);
    sqlite3_finalize(w->sig);
    sqlite3_finalize(w->band);
    free(w);
    *wp = NULL;
}

int
store_sig_writer_open(struct store *s, size_t nbands, struct store_sig_writer **out,
                      struct ds_error *err)
{
    *out = NULL;
    if (store_exec(s, neardup_schema, "creating the near-duplicate tables", err) != 0)
        return -1;
    struct store_sig_writer *w = xcalloc(1, sizeof *w);
    w->s = s;
    w->nbands = nbands;
    /* One statement for all of a document's bands: ?1..?nbands the keys,
     * ?nbands+1 the document. */
    struct buf ins = BUF_INIT, del = BUF_INIT;
    buf_puts(&ins, "INSERT OR IGNORE INTO neardup_bands(band_hash, doc_id) VALUES ");
    buf_puts(&del, "DELETE FROM neardup_bands WHERE band_hash IN (");
    for (size_t b = 0; b < nbands; b++) {
        buf_printf(&ins, "%s(?%zu, ?%zu)", b ? ", " : "", b + 1, nbands + 1);
        buf_printf(&del, "%s?%zu", b ? ", " : "", b + 1);
    }
    buf_printf(&del, ") AND doc_id = ?%zu", nbands + 1);
    int rc = sqlite3_prepare_v3(s->db, buf_str(&del), -1, SQLITE_PREPARE_PERSISTENT, &w->del,
                                NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(s->db, "SELECT sig FROM neardup_sigs WHERE doc_id = ?1", -1,
                                SQLITE_PREPARE_PERSISTENT, &w->old, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(s->db,
                                "INSERT OR REPLACE INTO neardup_sigs(doc_id, sig) VALUES (?1, ?2)",
                                -1, SQLITE_PREPARE_PERSISTENT, &w->sig, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(s->db, buf_str(&ins), -1, SQLITE_PREPARE_PERSISTENT, &w->band,
                                NULL);
    buf_free(&ins);
    buf_free(&del);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "saving near-duplicate signatures");
        store_sig_writer_free(&w);
        return -1;
    }
    /* Signatures saved into empty tables all follow today's rule. */
    int64_t any = 1;
    if (store_int_once(s, "SELECT EXISTS (SELECT 1 FROM neardup_sigs)", 0, &any,
                       "saving near-duplicate signatures", err) < 0 ||
        (!any && !store_sig_rule_current(s) && store_sig_rule_mark(s, err) != 0)) {
        store_sig_writer_free(&w);
        return -1;
    }
    *out = w;
    return 0;
}

/* Copy a blob column of exactly len bytes: 1, or 0 when NULL or of another length. */
static int
blob_copy(sqlite3_stmt *st, int col, void *out, size_t len)
{
    const void *p = sqlite3_column_blob(st, col);
    if (!p || (size_t)sqlite3_column_bytes(st, col) != len)
        return 0;
    memcpy(out, p, len);
    return 1;
}

int
store_sig_writer_old(struct store_sig_writer *w, int64_t doc_id, void *sig, size_t len,
                     struct ds_error *err)
{
    sqlite3_bind_int64(w->old, 1, doc_id);
    int rc = sqlite3_step(w->old);
    int found = rc == SQLITE_ROW ? blob_copy(w->old, 0, sig, len) : 0;
    sqlite3_reset(w->old);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(w->s, err, rc, "saving a near-duplicate signature");
    return found;
}

static int
step_reset(struct store *s, sqlite3_stmt *st, struct ds_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "saving a near-duplicate signature");
    return 0;
}

int
store_sig_put(struct store_sig_writer *w, int64_t doc_id, const void *sig, size_t len,
              const int64_t *bands, const int64_t *old_bands, struct ds_error *err)
{
    int last = (int)w->nbands + 1;
    if (old_bands) {
        for (size_t b = 0; b < w->nbands; b++)
            sqlite3_bind_int64(w->del, (int)b + 1, old_bands[b]);
        sqlite3_bind_int64(w->del, last, doc_id);
        if (step_reset(w->s, w->del, err) != 0)
            return -1;
    }
    sqlite3_bind_int64(w->sig, 1, doc_id);
    sqlite3_bind_blob(w->sig, 2, sig, (int)len, SQLITE_STATIC);
    if (step_reset(w->s, w->sig, err) != 0)
        return -1;
    for (size_t b = 0; b < w->nbands; b++)
        sqlite3_bind_int64(w->band, (int)b + 1, bands[b]);
    sqlite3_bind_int64(w->band, last, doc_id);
    return step_reset(w->s, w->band, err);
}

/* ---- signatures: reading ------------------------------------------------------------ */

int
store_sig_tables(struct store *s, struct ds_error *err)
{
    int64_t n = 0;
    if (store_int_once(s,
                       "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                       " AND name IN ('neardup_sigs', 'neardup_bands')",
                       0, &n, "reading near-duplicate signatures", err) < 0)
        return -1;
    return n == 2;
}

int
store_sig_rule_current(struct store *s)
{
    char *v = store_meta_get(s, SIG_RULE_KEY);
    int current = v && atoi(v) == STORE_SIG_RULE;
    free(v);
    return current;
}

int
store_sig_rule_mark(struct store *s, struct ds_error *err)
{
    char v[16];
    snprintf(v, sizeof v, "%d", STORE_SIG_RULE);
    return store_meta_set(s, SIG_RULE_KEY, v, err);
}

int
store_sig_reset(struct store *s, struct ds_error *err)
{
    return store_exec(s, "DELETE FROM neardup_sigs; DELETE FROM neardup_bands;",
                      "removing near-duplicate signatures of an older rule", err);
}

int
store_sig_stale(struct store *s, struct ds_error *err)
{
    int have = store_sig_tables(s, err);
    if (have < 0)
        return -1;
    int64_t stale = 0;
    if (store_int_once(s,
                       have ? "SELECT (SELECT max(id) FROM documents) >"
                       " coalesce((SELECT max(doc_id) FROM neardup_sigs), 0)"
                       : "SELECT EXISTS (SELECT 1 FROM documents)",
                       0, &stale, "reading near-duplicate signatures", err) < 0)
        return -1;
    if (!stale && have && !store_sig_rule_current(s) &&
        store_int_once(s, "SELECT EXISTS (SELECT 1 FROM neardup_sigs)", 0, &stale,
                       "reading near-duplicate signatures", err) < 0)
        return -1;
    return stale != 0;
}

int
store_sig_get(struct store *s, int64_t doc_id, void *sig, size_t len, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT sig FROM neardup_sigs WHERE doc_id = ?1", -1, &st,
                                NULL);
    int found = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, doc_id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            found = blob_copy(st, 0, sig, len);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading near-duplicate signatures");
    return found;
}

int
store_sig_band_docs(struct store *s, const int64_t *bands, size_t nbands, int64_t exclude,
                    int64_t **ids, size_t *n_ids, struct ds_error *err)
{
    *ids = NULL;
    *n_ids = 0;
    struct buf sql = BUF_INIT;
    buf_puts(&sql, "SELECT DISTINCT doc_id FROM neardup_bands WHERE band_hash IN (");
    for (size_t b = 0; b < nbands; b++)
        buf_printf(&sql, "%s?%zu", b ? ", " : "", b + 1);
    buf_printf(&sql, ") AND doc_id <> ?%zu ORDER BY doc_id", nbands + 1);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, buf_str(&sql), -1, &st, NULL);
    buf_free(&sql);
    int64_t *v = NULL;
    size_t n = 0, cap = 0;
    if (rc == SQLITE_OK) {
        for (size_t b = 0; b < nbands; b++)
            sqlite3_bind_int64(st, (int)b + 1, bands[b]);
        sqlite3_bind_int64(st, (int)nbands + 1, exclude);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n == cap)
                v = xrealloc(v, (cap = cap ? cap * 2 : 16) * sizeof *v);
            v[n++] = sqlite3_column_int64(st, 0);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return store_fail(s, err, rc, "finding near-duplicates");
    }
    *ids = v;
    *n_ids = n;
    return 0;
}

/* Run sql (no parameters) and call row(st, ud) for each row until it returns
 * non-zero: 0, row's value, or -1 with err (doing names the work). */
static int
each_row(struct store *s, const char *sql, int (*row)(sqlite3_stmt *st, void *ud), void *ud,
         const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    int stop = 0;
    while (rc == SQLITE_OK && !stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        stop = row(st, ud);
    }
    sqlite3_finalize(st);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, doing);
}

struct sig_each {
    size_t len;
    int (*fn)(int64_t doc_id, const void *sig, void *ud);
    int (*band_fn)(int64_t band, int64_t doc_id, void *ud);
    int (*body_fn)(int64_t doc_id, const char *body, size_t len, void *ud);
    void *ud;
};

static int
sig_row(sqlite3_stmt *st, void *ud)
{
    struct sig_each *e = ud;
    const void *p = sqlite3_column_blob(st, 1);
    if (!p || (size_t)sqlite3_column_bytes(st, 1) != e->len)
        return 0;
    return e->fn(sqlite3_column_int64(st, 0), p, e->ud);
}

int
store_sig_each(struct store *s, size_t len, int (*fn)(int64_t doc_id, const void *sig, void *ud),
               void *ud, struct ds_error *err)
{
    struct sig_each e = {.len = len, .fn = fn, .ud = ud};
    return each_row(s, "SELECT doc_id, sig FROM neardup_sigs ORDER BY doc_id", sig_row, &e,
                    "grouping near-duplicates", err);
}

static int
band_row(sqlite3_stmt *st, void *ud)
{
    struct sig_each *e = ud;
    return e->band_fn(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), e->ud);
}

int
store_sig_bands_each(struct store *s, int (*fn)(int64_t band, int64_t doc_id, void *ud), void *ud,
                     struct ds_error *err)
{
    struct sig_each e = {.band_fn = fn, .ud = ud};
    return each_row(s, "SELECT band_hash, doc_id FROM neardup_bands ORDER BY band_hash, doc_id",
                    band_row, &e, "grouping near-duplicates", err);
}

static int
body_row(sqlite3_stmt *st, void *ud)
{
    struct sig_each *e = ud;
    const char *body = (const char *)sqlite3_column_text(st, 1);
    return e->body_fn(sqlite3_column_int64(st, 0), body ? body : "",
                      (size_t)sqlite3_column_bytes(st, 1), e->ud);
}

int
store_sig_unsigned_each(struct store *s,
                        int (*fn)(int64_t doc_id, const char *body, size_t len, void *ud),
                        void *ud, struct ds_error *err)
{
    if (store_exec(s, neardup_schema, "creating the near-duplicate tables", err) != 0)
        return -1;
    struct sig_each e = {.body_fn = fn, .ud = ud};
    return each_row(s,
                    "SELECT id, ds_body(body) FROM documents WHERE id NOT IN"
                    " (SELECT doc_id FROM neardup_sigs) ORDER BY id",
                    body_row, &e, "reading documents for near-duplicate signatures", err);
}

int
store_sig_sweep(struct store *s, struct ds_error *err)
{
    return store_exec(s,
                      "DELETE FROM neardup_bands WHERE doc_id NOT IN"
                      " (SELECT doc_id FROM neardup_sigs)",
                      "removing stale near-duplicate rows", err);
}
