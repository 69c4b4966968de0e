/*
 * store/meta.c — the indexer's side of the store, part two: the meta table,
 * skipped files, corpus-wide line frequencies (kept in memory during a
 * transaction and written sorted at COMMIT), tags, totals and the shared
 * tokenizer.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dossier/store_stats.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "lib.h"

/* ---- meta, skipped, line frequencies ------------------------------------------------ */

char *
store_meta_get(struct store *s, const char *key)
{
    struct ds_error err;
    sqlite3_stmt *st = store_stmt(s, SQ_META_GET, &err);
    if (!st)
        return NULL;
    store_bind_text(st, 1, key);
    char *v = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = store_col_dup(st, 0);
    sqlite3_reset(st);
    return v;
}

int
store_meta_set(struct store *s, const char *key, const char *value, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_META_SET, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, key);
    store_bind_text(st, 2, value);
    return store_step_done(s, st, "saving a setting", err);
}

int
store_skip_put(struct store *s, const char *path, const char *reason, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_SKIP_PUT, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    store_bind_text(st, 2, reason);
    return store_step_done(s, st, "recording a skipped file", err);
}

int
store_skip_clear(struct store *s, struct ds_error *err)
{
    return store_exec(s, "DELETE FROM skipped", "clearing the skipped files", err);
}

int
store_skip_each(struct store *s, int (*fn)(const char *path, const char *reason, void *ud),
                void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT path, reason FROM skipped ORDER BY path", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading the skipped files");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *path = (const char *)sqlite3_column_text(st, 0);
        const char *reason = (const char *)sqlite3_column_text(st, 1);
        if (fn(path ? path : "", reason ? reason : "", ud) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading the skipped files");
    return 0;
}

static int
store_linefreq_write(struct store *s, uint64_t hash, uint32_t docs, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_LINEFREQ_ADD, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, (int64_t)hash);
    sqlite3_bind_int64(st, 2, docs);
    return store_step_done(s, st, "counting lines", err);
}

static void
store_lf_put(struct store_lf_pending *lf, uint64_t h, uint32_t n)
{
    if ((lf->n + 1) * 2 > lf->cap) {
        struct store_lf_pending old = *lf;
        lf->cap = old.cap ? old.cap * 2 : 4096;
        lf->keys = xcalloc(lf->cap, sizeof *lf->keys);
        lf->counts = xcalloc(lf->cap, sizeof *lf->counts);
        lf->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                store_lf_put(lf, old.keys[i], old.counts[i]);
        free(old.keys);
        free(old.counts);
    }
    size_t j = h & (lf->cap - 1);
    while (lf->keys[j] && lf->keys[j] != h)
        j = (j + 1) & (lf->cap - 1);
    if (!lf->keys[j]) {
        lf->keys[j] = h;
        lf->n++;
    }
    lf->counts[j] += n;
}

void
store_lf_clear(struct store *s)
{
    s->lf.zero = 0;
    if (s->lf.n == 0)
        return;
    memset(s->lf.keys, 0, s->lf.cap * sizeof *s->lf.keys);
    memset(s->lf.counts, 0, s->lf.cap * sizeof *s->lf.counts);
    s->lf.n = 0;
}

static int
cmp_u64_pair(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Write the pending line counts, in hash order so that the inserts walk the
 * table's pages once instead of landing at random. */
int
store_lf_flush(struct store *s, struct ds_error *err)
{
    if (s->lf.n == 0 && s->lf.zero == 0)
        return 0;
    uint64_t (*pairs)[2] = xmalloc((s->lf.n + 1) * sizeof *pairs);
    size_t n = 0;
    if (s->lf.zero) {
        pairs[n][0] = 0;
        pairs[n][1] = s->lf.zero;
        n++;
    }
    for (size_t i = 0; i < s->lf.cap; i++)
        if (s->lf.keys[i]) {
            pairs[n][0] = s->lf.keys[i];
            pairs[n][1] = s->lf.counts[i];
            n++;
        }
    qsort(pairs, n, sizeof *pairs, cmp_u64_pair);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = store_linefreq_write(s, pairs[i][0], (uint32_t)pairs[i][1], err);
    free(pairs);
    store_lf_clear(s);
    return rc;
}

int
store_linefreq_add(struct store *s, const uint64_t *hashes, size_t n, struct ds_error *err)
{
    if (sqlite3_get_autocommit(s->db)) {
        for (size_t i = 0; i < n; i++)
            if (store_linefreq_write(s, hashes[i], 1, err) != 0)
                return -1;
        return 0;
    }
    /* Inside a transaction the counts wait for store_commit(): a batch
     * repeats the same furniture lines many times, and one sorted upsert
     * per distinct line costs less than one per line of each document. */
    for (size_t i = 0; i < n; i++) {
        if (hashes[i])
            store_lf_put(&s->lf, hashes[i], 1);
        else
            s->lf.zero++;
    }
    return 0;
}

int
store_linefreq_frequent(struct store *s, int64_t min_docs, uint64_t **hashes_out, size_t *n_out,
                        struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    size_t n = 0, cap = 0;
    uint64_t *h = NULL;

    *hashes_out = NULL;
    *n_out = 0;
    if (!sqlite3_get_autocommit(s->db) && store_lf_flush(s, err) != 0)
        return -1;
    int rc = sqlite3_prepare_v2(s->db, "SELECT hash FROM line_freq WHERE docs >= ?1", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading line frequencies");
    sqlite3_bind_int64(st, 1, min_docs);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            h = xrealloc(h, cap * sizeof *h);
        }
        h[n++] = (uint64_t)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(h);
        return store_fail(s, err, rc, "reading line frequencies");
    }
    *hashes_out = h;
    *n_out = n;
    return 0;
}

int
store_linefreq_docs(struct store *s, const uint64_t *hashes, size_t n, int64_t *docs,
                    struct ds_error *err)
{
    if (!sqlite3_get_autocommit(s->db) && store_lf_flush(s, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT docs FROM line_freq WHERE hash = ?1", -1, &st,
                                NULL);
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        sqlite3_bind_int64(st, 1, (int64_t)hashes[i]);
        rc = sqlite3_step(st);
        docs[i] = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? 0 : store_fail(s, err, rc, "reading line frequencies");
}

/* ---- tags ------------------------------------------------------------------------------ */

static int
store_tag_run(struct store *s, enum store_stmt_id id, int64_t doc_id, const char *tag,
              const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, id, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    store_bind_text(st, 2, tag);
    return store_step_done(s, st, doing, err);
}

int
store_tag_add(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err)
{
    if (!tag || !*tag) {
        ds_error_set(err, -1, "a tag cannot be empty");
        return -1;
    }
    int rc = store_doc_exists(s, doc_id, err);
    if (rc == 1)
        ds_error_set(err, -1, "no document %lld", (long long)doc_id);
    if (rc != 0)
        return -1;
    return store_tag_run(s, SQ_TAG_ADD, doc_id, tag, "adding a tag", err);
}

int
store_tag_remove(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err)
{
    return store_tag_run(s, SQ_TAG_DEL, doc_id, tag, "removing a tag", err);
}

int
store_tag_has(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_TAG_HAS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    store_bind_text(st, 2, tag);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return store_fail(s, err, rc, "reading tags");
}

/* ---- totals ------------------------------------------------------------------------------ */

void
store_stats_clear(struct store_stats *st)
{
    if (!st)
        return;
    free(st->first_date);
    free(st->last_date);
    memset(st, 0, sizeof *st);
}

int
store_stats(struct store *s, struct store_stats *out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    memset(out, 0, sizeof *out);
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM files),"
        " (SELECT coalesce(sum(words), 0) FROM documents),"
        " (SELECT count(DISTINCT source) FROM documents), (SELECT count(*) FROM skipped),"
        " (SELECT count(doc_id) FROM files) - (SELECT count(DISTINCT doc_id) FROM files),"
        " (SELECT min(published) FROM documents), (SELECT max(published) FROM documents),"
        " (SELECT count(*) FROM files_missing)",
        -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->documents = sqlite3_column_int64(st, 0);
        out->files = sqlite3_column_int64(st, 1);
        out->words = sqlite3_column_int64(st, 2);
        out->outlets = sqlite3_column_int64(st, 3);
        out->skipped = sqlite3_column_int64(st, 4);
        out->duplicates = sqlite3_column_int64(st, 5);
        out->first_date = store_col_dup(st, 6);
        out->last_date = store_col_dup(st, 7);
        out->missing = sqlite3_column_int64(st, 8);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting the index");
    return 0;
}

/* ---- tokenizer -------------------------------------------------------------------------- */

struct tokenize_ctx {
    void (*fn)(const char *token, size_t start, size_t end, void *ud);
    void *ud;
    struct buf tok;
};

static int
store_tokenize_cb(void *p, int tflags, const char *token, int n, int start, int end)
{
    struct tokenize_ctx *c = p;
    if (tflags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK; /* a CJK run's extra last character: not a new position */
    buf_reset(&c->tok);
    buf_append(&c->tok, token, (size_t)n);
    c->fn(buf_str(&c->tok), (size_t)start, (size_t)end, c->ud);
    return SQLITE_OK;
}

int
store_tokenize(struct store *s, const char *text, size_t len,
               void (*fn)(const char *token, size_t start, size_t end, void *ud), void *ud,
               struct ds_error *err)
{
    if (len > INT_MAX) {
        ds_error_set(err, -1, "text too long to tokenize");
        return -1;
    }
    struct tokenize_ctx c = {fn, ud, BUF_INIT};
    int rc = s->tok.xTokenize(s->tok_inst, &c, FTS5_TOKENIZE_DOCUMENT, text, (int)len,
                              store_tokenize_cb);
    buf_free(&c.tok);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "tokenizing text");
    return 0;
}
