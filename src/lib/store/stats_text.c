/*
 * store/stats_text.c — the documents' text as the statistics read it: KWIC
 * candidates from the full-text index, bodies and titles by id, samples of
 * the corpus for keyness, and the full-text index's vocabulary and token
 * totals (store_stats.h).
 */
#include "config.h"

#include <stdlib.h>

#include "stats.h"

/* ---- KWIC candidates ------------------------------------------------------------------------- */

struct stats_ids {
    struct store *s;
    sqlite3_stmt *st; /* NULL once every id was read */
};

/* The FTS5 phrase for term: the whole term in double quotes (quotes
 * doubled), restricted to the body column. */
static char *
stats_fts_phrase(const char *term)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "body : \"");
    for (const char *p = term; *p; p++) {
        if (*p == '"')
            buf_putc(&b, '"');
        buf_putc(&b, *p);
    }
    buf_putc(&b, '"');
    return buf_steal(&b);
}

int
stats_kwic_candidates(struct store *s, const char *term, bool fts, int64_t sel,
                      struct stats_ids **out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    if (fts) {
        if (stats_prepare(s, ST_KWIC_FTS, &st, "looking for the term", err) != 0)
            return -1;
        char *phrase = stats_fts_phrase(term);
        sqlite3_bind_text(st, 1, phrase, -1, SQLITE_TRANSIENT);
        free(phrase);
    } else if (stats_prepare_sel(s, sel, ST_KWIC_ALL, ST_KWIC_SEL, &st, "looking for the term",
                                 err) != 0) {
        return -1;
    }
    struct stats_ids *c = xcalloc(1, sizeof *c);
    c->s = s;
    c->st = st;
    *out = c;
    return 0;
}

int
stats_ids_next(struct stats_ids *c, int64_t *id, struct ds_error *err)
{
    if (!c->st)
        return 0;
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(c->st, 0);
        return 1;
    }
    sqlite3_finalize(c->st);
    c->st = NULL;
    return rc == SQLITE_DONE ? 0 : store_fail(c->s, err, rc, "looking for the term");
}

void
stats_ids_free(struct stats_ids **cp)
{
    struct stats_ids *c = cp ? *cp : NULL;
    if (!c)
        return;
    sqlite3_finalize(c->st);
    free(c);
    *cp = NULL;
}

/* ---- documents' text ------------------------------------------------------------------------- */

struct stats_text {
    struct store *s;
    sqlite3_stmt *st;
    int ncols;          /* 1: body; 2: title, body */
    const char *doing;
};

int
stats_text_open(struct store *s, bool with_title, struct stats_text **out, struct ds_error *err)
{
    struct stats_text *r = xcalloc(1, sizeof *r);
    r->s = s;
    r->ncols = with_title ? 2 : 1;
    r->doing = with_title ? "reading documents" : "reading a document";
    *out = NULL;
    if (stats_prepare(s, with_title ? ST_DOC_TEXT : ST_DOC_BODY, &r->st, r->doing, err) != 0) {
        free(r);
        return -1;
    }
    *out = r;
    return 0;
}

/* fn for each non-NULL column of st's current row. */
static int
stats_row_texts(sqlite3_stmt *st, int ncols, stats_text_fn fn, void *ud)
{
    for (int c = 0; c < ncols; c++) {
        const char *text = (const char *)sqlite3_column_text(st, c);
        if (text && fn(text, (size_t)sqlite3_column_bytes(st, c), ud) != 0)
            return -1;
    }
    return 0;
}

int
stats_text_get(struct stats_text *r, int64_t id, stats_text_fn fn, void *ud,
               struct ds_error *err)
{
    sqlite3_bind_int64(r->st, 1, id);
    int rc = sqlite3_step(r->st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(r->st);
        return rc == SQLITE_DONE ? 0 : store_fail(r->s, err, rc, r->doing);
    }
    rc = stats_row_texts(r->st, r->ncols, fn, ud);
    sqlite3_reset(r->st);
    return rc == 0 ? 1 : -1;
}

void
stats_text_free(struct stats_text **rp)
{
    struct stats_text *r = rp ? *rp : NULL;
    if (!r)
        return;
    sqlite3_finalize(r->st);
    free(r);
    *rp = NULL;
}

int
stats_words(struct store *s, int64_t sel, int64_t *words, struct ds_error *err)
{
    sqlite3_stmt *st;
    *words = 0;
    if (stats_prepare_sel(s, sel, ST_WORDS_ALL, ST_WORDS_SEL, &st, "counting words", err) != 0)
        return -1;
    int rc = stats_step_int(s, st, words, "counting words", err);
    sqlite3_finalize(st);
    return rc;
}

int
stats_texts(struct store *s, const int64_t *ids, size_t n, int64_t stride, stats_text_fn fn,
            void *ud, struct ds_error *err)
{
    bool all = ids == NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[all ? ST_TEXT_SAMPLE : ST_DOC_TEXT], -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading documents");
    if (all)
        sqlite3_bind_int64(st, 2, stride);
    /* one statement run per selected document (every stride-th), or one
     * scan of the corpus */
    for (size_t i = 0; rc == SQLITE_OK && (all ? i == 0 : i < n); i += all ? 1 : (size_t)stride) {
        if (!all)
            sqlite3_bind_int64(st, 1, ids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (stats_row_texts(st, 2, fn, ud) != 0) {
                sqlite3_finalize(st);
                return -1;
            }
        }
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading documents");
    return 0;
}

int
stats_change_texts(struct store *s, int64_t above, stats_text_fn fn, void *ud,
                   struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, above < 0 ? ST_GONE_TEXTS : ST_NEW_TEXTS, &st, "updating statistics",
                      err) != 0)
        return -1;
    if (above >= 0)
        sqlite3_bind_int64(st, 1, above);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (stats_row_texts(st, 2, fn, ud) != 0) {
            sqlite3_finalize(st);
            return -1;
        }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading documents");
}

/* ---- the full-text index's vocabulary -------------------------------------------------------- */

int
stats_vocab_ready(struct store *s, struct ds_error *err)
{
    if (s->vocab_ready)
        return 0;
    if (stats_exec(s, ST_VOCAB_TABLE, "reading term statistics", err) != 0)
        return -1;
    s->vocab_ready = true;
    return 0;
}

/* A SQLite varint (what FTS5 writes) at p[0..n); bytes used, 0 if cut. */
static size_t
stats_varint(const unsigned char *p, size_t n, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            *v = (*v << 8) | p[i];
            return 9;
        }
        *v = (*v << 7) | (p[i] & 0x7F);
        if (!(p[i] & 0x80))
            return i + 1;
    }
    return 0;
}

/* From FTS5's "averages" record (row 1 of docs_fts_data: the row count,
 * then each column's total token count, as varints), which FTS5 keeps
 * current on every insert and delete. Summing fts5vocab instead walks every
 * doclist: seconds at 100k documents. */
int64_t
stats_index_tokens(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int64_t total = -1;
    if (sqlite3_prepare_v2(s->db, stats_sql[ST_FTS_AVERAGES], -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *p = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0), k;
        uint64_t v, sum = 0;
        int cols = 0;
        if (p && (k = stats_varint(p, n, &v)) > 0) { /* the row count */
            for (size_t off = k; off < n && (k = stats_varint(p + off, n - off, &v)) > 0;
                 off += k, cols++)
                sum += v;
            if (cols == 2) /* title, body */
                total = (int64_t)sum;
        }
    }
    sqlite3_finalize(st);
    return total;
}

int
stats_vocab_total(struct store *s, int64_t *total, struct ds_error *err)
{
    if (stats_vocab_ready(s, err) != 0)
        return -1;
    return stats_int(s, ST_VOCAB_SUM, total, "reading term statistics", err);
}

int
stats_vocab_each(struct store *s, void (*fn)(const char *term, int64_t count, void *ud), void *ud,
                 struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_vocab_ready(s, err) != 0)
        return -1;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_VOCAB_ALL], -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t)
            fn(t, sqlite3_column_int64(st, 1), ud);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading term statistics");
    return 0;
}

struct stats_vocab {
    struct store *s;
    sqlite3_stmt *st;
    sqlite3_stmt *index; /* derived: the index's own count of a term without a row */
};

int
stats_vocab_open(struct store *s, bool derived, struct stats_vocab **out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL, *index = NULL;
    *out = NULL;
    if (stats_vocab_ready(s, err) != 0 ||
        stats_prepare(s, derived ? ST_VOCAB_GET_DERIVED : ST_VOCAB_GET, &st,
                      "reading term statistics", err) != 0)
        return -1;
    if (derived && stats_prepare(s, ST_VOCAB_GET, &index, "reading term statistics", err) != 0) {
        sqlite3_finalize(st);
        return -1;
    }
    struct stats_vocab *v = xcalloc(1, sizeof *v);
    v->s = s;
    v->st = st;
    v->index = index;
    *out = v;
    return 0;
}

int
stats_vocab_count(struct stats_vocab *v, const char *term, double *count, struct ds_error *err)
{
    sqlite3_stmt *st = v->st;
    sqlite3_bind_text(st, 1, term, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE && v->index) {
        /* the derived vocabulary leaves out terms found once */
        sqlite3_reset(st);
        st = v->index;
        sqlite3_bind_text(st, 1, term, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    *count = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(v->s, err, rc, "reading term statistics");
    return 0;
}

void
stats_vocab_free(struct stats_vocab **vp)
{
    struct stats_vocab *v = vp ? *vp : NULL;
    if (!v)
        return;
    sqlite3_finalize(v->st);
    sqlite3_finalize(v->index);
    free(v);
    *vp = NULL;
}
