/*
 * store/rank.c — relevance ranking: BM25 exactly as FTS5's bm25() computes
 * it, but with each hit's length read from a compact table instead of one
 * B-tree lookup per hit.
 *
 * Why: bm25() asks FTS5 for every matching row's token count
 * (xColumnSize), which is a lookup in the docs_fts_docsize table per hit.
 * For a two-word query matching 170,000 of a million documents that is
 * three quarters of the query's time (210 ms of 280 ms in bench/). Here the
 * lengths live in doc_lengths: one row per 4,096 document ids holding their
 * token counts as 16-bit numbers, so ranking those 170,000 hits reads 245
 * small blobs (about 2 MB) in rowid order.
 *
 * The writer keeps doc_lengths current: after each full-text insert it
 * reads the new row's docsize (hot in the page cache) and patches the
 * chunk in memory; the touched chunks are written just before COMMIT, in
 * the same transaction. A length that is missing (0) or too large for 16
 * bits (0xffff) falls back to FTS5's own lookup, so a stale or absent
 * chunk can cost time but never change a rank. Deleted documents keep
 * their old length until the id is reused: they match nothing meanwhile.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

#define LEN_UNKNOWN 0
#define LEN_LOOKUP 0xffff /* too long for 16 bits: ask FTS5 */

/* ---- token counts in FTS5's docsize blobs ------------------------------------------ */

/* One SQLite varint (as FTS5 writes them) from p[0..n); 0 when truncated. */
static size_t
rank_varint(const unsigned char *p, size_t n, uint64_t *v)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            *v = (x << 8) | p[i];
            return 9;
        }
        x = (x << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    return 0;
}

/* Total tokens over all columns of one docsize blob, as a stored length. */
static uint16_t
rank_length_of(const void *blob, int nbytes)
{
    const unsigned char *p = blob;
    size_t n = nbytes > 0 ? (size_t)nbytes : 0, at = 0;
    uint64_t total = 0, v;
    while (at < n) {
        size_t k = rank_varint(p + at, n - at, &v);
        if (k == 0)
            return LEN_UNKNOWN;
        total += v;
        at += k;
    }
    if (total == 0)
        return LEN_UNKNOWN;
    return total >= LEN_LOOKUP ? LEN_LOOKUP : (uint16_t)total;
}

static void
rank_put16(unsigned char *chunk, size_t slot, uint16_t v)
{
    chunk[2 * slot] = (unsigned char)(v & 0xff);
    chunk[2 * slot + 1] = (unsigned char)(v >> 8);
}

static uint16_t
rank_get16(const unsigned char *chunk, size_t slot)
{
    return (uint16_t)(chunk[2 * slot] | (chunk[2 * slot + 1] << 8));
}

/* ---- the writer's side ------------------------------------------------------------- */

struct store_len_chunk {
    int64_t chunk;
    unsigned char lens[STORE_LEN_CHUNK_BYTES];
};

static struct store_len_chunk *
rank_dirty_chunk(struct store *s, int64_t chunk, struct ds_error *err)
{
    /* Documents arrive in id order, so the chunk is nearly always the last. */
    for (size_t i = s->nlen_dirty; i-- > 0;)
        if (s->len_dirty[i]->chunk == chunk)
            return s->len_dirty[i];
    struct store_len_chunk *c = xcalloc(1, sizeof *c);
    c->chunk = chunk;
    sqlite3_stmt *st = store_stmt(s, SQ_LEN_GET, err);
    if (!st) {
        free(c);
        return NULL;
    }
    sqlite3_bind_int64(st, 1, chunk);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == STORE_LEN_CHUNK_BYTES)
        memcpy(c->lens, sqlite3_column_blob(st, 0), STORE_LEN_CHUNK_BYTES);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        free(c);
        store_fail(s, err, rc, "recording document lengths");
        return NULL;
    }
    if (s->nlen_dirty == s->len_dirty_cap) {
        s->len_dirty_cap = s->len_dirty_cap ? s->len_dirty_cap * 2 : 8;
        s->len_dirty = xrealloc(s->len_dirty, s->len_dirty_cap * sizeof *s->len_dirty);
    }
    s->len_dirty[s->nlen_dirty++] = c;
    return c;
}

int
store_lengths_note(struct store *s, int64_t id, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_LEN_DOCSIZE, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    uint16_t len = LEN_UNKNOWN;
    if (rc == SQLITE_ROW)
        len = rank_length_of(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0));
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "recording document lengths");
    struct store_len_chunk *c = rank_dirty_chunk(s, id / STORE_LEN_CHUNK, err);
    if (!c)
        return -1;
    rank_put16(c->lens, (size_t)(id % STORE_LEN_CHUNK), len);
    return 0;
}

int
store_lengths_flush(struct store *s, struct ds_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < s->nlen_dirty && rc == 0; i++) {
        sqlite3_stmt *st = store_stmt(s, SQ_LEN_PUT, err);
        if (!st) {
            rc = -1;
            break;
        }
        sqlite3_bind_int64(st, 1, s->len_dirty[i]->chunk);
        sqlite3_bind_blob(st, 2, s->len_dirty[i]->lens, STORE_LEN_CHUNK_BYTES, SQLITE_STATIC);
        rc = store_step_done(s, st, "recording document lengths", err);
    }
    store_lengths_discard(s);
    return rc;
}

void
store_lengths_discard(struct store *s)
{
    for (size_t i = 0; i < s->nlen_dirty; i++)
        free(s->len_dirty[i]);
    s->nlen_dirty = 0;
}

/* ds_length_chunk(id, sz): aggregate building one chunk blob from
 * docs_fts_docsize rows (migration 5 fills doc_lengths with it). */
static void
rank_chunk_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    unsigned char *lens = sqlite3_aggregate_context(ctx, STORE_LEN_CHUNK_BYTES);
    if (!lens) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    int64_t id = sqlite3_value_int64(argv[0]);
    if (id < 0)
        return;
    uint16_t len = rank_length_of(sqlite3_value_blob(argv[1]), sqlite3_value_bytes(argv[1]));
    rank_put16(lens, (size_t)(id % STORE_LEN_CHUNK), len);
}

static void
rank_chunk_final(sqlite3_context *ctx)
{
    unsigned char *lens = sqlite3_aggregate_context(ctx, 0);
    if (!lens) {
        sqlite3_result_zeroblob(ctx, STORE_LEN_CHUNK_BYTES);
        return;
    }
    sqlite3_result_blob(ctx, lens, STORE_LEN_CHUNK_BYTES, SQLITE_TRANSIENT);
}

/* ---- phrase document counts, cached per connection ------------------------------------ */

#define RANK_CACHE_SIZE 64

struct store_rank_cache {
    struct rank_cache_entry {
        char *key;         /* the phrase as written in the MATCH text */
        int64_t hits;      /* rows it matches */
        int64_t nrow;      /* rows in the index then */
        unsigned version;  /* the database's data version then */
    } e[RANK_CACHE_SIZE];
    size_t next; /* the slot replaced next (round robin) */
};

void
store_rank_cache_free(struct store *s)
{
    if (!s->rank_cache)
        return;
    for (size_t i = 0; i < RANK_CACHE_SIZE; i++)
        free(s->rank_cache->e[i].key);
    free(s->rank_cache);
    s->rank_cache = NULL;
}

static int64_t
rank_cache_get(struct store *s, const char *key, int64_t nrow, unsigned version)
{
    if (!s->rank_cache)
        return -1;
    for (size_t i = 0; i < RANK_CACHE_SIZE; i++) {
        struct rank_cache_entry *e = &s->rank_cache->e[i];
        if (e->key && e->nrow == nrow && e->version == version && strcmp(e->key, key) == 0)
            return e->hits;
    }
    return -1;
}

static void
rank_cache_put(struct store *s, const char *key, int64_t hits, int64_t nrow, unsigned version)
{
    if (!s->rank_cache)
        s->rank_cache = xcalloc(1, sizeof *s->rank_cache);
    struct rank_cache_entry *e = &s->rank_cache->e[s->rank_cache->next];
    s->rank_cache->next = (s->rank_cache->next + 1) % RANK_CACHE_SIZE;
    free(e->key);
    *e = (struct rank_cache_entry){xstrdup(key), hits, nrow, version};
}

/* The phrases of a MATCH text as query/query.c writes them (every phrase quoted,
 * optionally "column : " before and "*" after), in order of appearance,
 * which is FTS5's phrase numbering. Bare words are not seen: the caller
 * compares the count with xPhraseCount and does not use the keys when they
 * differ. Returns a newly allocated array of *n new strings. */
static char **
rank_phrase_keys(const char *expr, size_t *n)
{
    char **keys = NULL;
    *n = 0;
    for (size_t i = 0; expr[i]; i++) {
        if (expr[i] != '"')
            continue;
        size_t start = i, j = i;
        while (j > 0 && expr[j - 1] == ' ')
            j--;
        if (j > 0 && expr[j - 1] == ':') {
            j--;
            while (j > 0 && expr[j - 1] == ' ')
                j--;
            while (j > 0 && (isalnum((unsigned char)expr[j - 1]) || expr[j - 1] == '_'))
                j--;
            start = j;
        }
        for (i++; expr[i]; i++) {
            if (expr[i] == '"' && expr[i + 1] == '"')
                i++;
            else if (expr[i] == '"')
                break;
        }
        if (!expr[i])
            break; /* unterminated: not our text */
        if (expr[i + 1] == '*')
            i++;
        keys = xrealloc(keys, (*n + 1) * sizeof *keys);
        keys[(*n)++] = xstrndup(expr + start, i + 1 - start);
    }
    return keys;
}

/* ---- the reader's side: dossier_rank(docs_fts, w_title, w_body [, match]) -------------- */

struct rank_query {
    int nphrase;
    double avgdl;
    double *idf, *freq;
    sqlite3 *db;
    sqlite3_blob *blob;   /* open on the last chunk read, or NULL */
    int64_t chunk;        /* chunk in lens; -1 before the first */
    bool chunk_ok;        /* lens holds that chunk (else: ask FTS5 for each row) */
    unsigned char lens[STORE_LEN_CHUNK_BYTES];
};

static void
rank_query_free(void *p)
{
    struct rank_query *rq = p;
    if (rq->blob)
        sqlite3_blob_close(rq->blob);
    free(rq->idf);
    free(rq);
}

static int
rank_count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ud)
{
    (void)api;
    (void)fts;
    (*(int64_t *)ud)++;
    return SQLITE_OK;
}

/* What the whole query shares: the same numbers bm25() computes once.
 * match: the query's MATCH text, or NULL. */
static int
rank_query_get(const Fts5ExtensionApi *api, Fts5Context *fts, const char *match,
               struct rank_query **out)
{
    struct rank_query *rq = api->xGetAuxdata(fts, 0);
    if (rq) {
        *out = rq;
        return SQLITE_OK;
    }
    rq = xcalloc(1, sizeof *rq);
    rq->nphrase = api->xPhraseCount(fts);
    rq->idf = xcalloc((size_t)rq->nphrase * 2 + 1, sizeof *rq->idf);
    rq->freq = rq->idf + rq->nphrase;
    rq->chunk = -1;
    struct store *s = api->xUserData(fts);
    rq->db = s->db;
    sqlite3_int64 nrow = 0, ntoken = 0;
    int rc = api->xRowCount(fts, &nrow);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &ntoken);
    rq->avgdl = nrow > 0 ? (double)ntoken / (double)nrow : 1.0;
    unsigned version = 0;
    size_t nkeys = 0;
    char **keys = match ? rank_phrase_keys(match, &nkeys) : NULL;
    bool cached = nkeys > 0 && nkeys == (size_t)rq->nphrase &&
                  sqlite3_file_control(rq->db, "main", SQLITE_FCNTL_DATA_VERSION, &version) ==
                      SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < rq->nphrase; i++) {
        int64_t hits = cached ? rank_cache_get(s, keys[i], nrow, version) : -1;
        if (hits < 0) {
            hits = 0;
            rc = api->xQueryPhrase(fts, i, &hits, rank_count_cb);
            if (rc == SQLITE_OK && cached)
                rank_cache_put(s, keys[i], hits, nrow, version);
        }
        /* bm25's IDF, floored as FTS5 does for terms in over half the rows */
        double idf = log(((double)nrow - (double)hits + 0.5) / ((double)hits + 0.5));
        rq->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, rq, rank_query_free);
    else
        rank_query_free(rq);
    *out = rc == SQLITE_OK ? rq : NULL;
    return rc;
}

/* Make rq->lens hold chunk's lengths if doc_lengths has them. */
static void
rank_load_chunk(struct rank_query *rq, int64_t chunk)
{
    rq->chunk = chunk;
    rq->chunk_ok = false;
    int rc = rq->blob ? sqlite3_blob_reopen(rq->blob, chunk)
                      : sqlite3_blob_open(rq->db, "main", "doc_lengths", "lens", chunk, 0,
                                          &rq->blob);
    if (rc == SQLITE_OK && sqlite3_blob_bytes(rq->blob) == STORE_LEN_CHUNK_BYTES)
        rc = sqlite3_blob_read(rq->blob, rq->lens, STORE_LEN_CHUNK_BYTES, 0);
    else if (rc == SQLITE_OK)
        rc = SQLITE_MISMATCH;
    if (rc == SQLITE_OK) {
        rq->chunk_ok = true;
    } else if (rq->blob) {
        /* a failed reopen leaves the handle unusable: start afresh next time */
        sqlite3_blob_close(rq->blob);
        rq->blob = NULL;
    }
}

static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
        sqlite3_value **vals)
{
    const double k1 = 1.2, b = 0.75;
    struct rank_query *rq;
    int ncol = api->xColumnCount(fts);
    const char *match = nval > ncol && sqlite3_value_type(vals[ncol]) == SQLITE_TEXT
                            ? (const char *)sqlite3_value_text(vals[ncol])
                            : NULL;
    int rc = rank_query_get(api, fts, match, &rq);
    int ninst = 0;
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &ninst);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    memset(rq->freq, 0, (size_t)rq->nphrase * sizeof *rq->freq);
    for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
        int phrase, col, off;
        rc = api->xInst(fts, i, &phrase, &col, &off);
        if (rc == SQLITE_OK)
            rq->freq[phrase] += nval > col && col < ncol ? sqlite3_value_double(vals[col]) : 1.0;
    }
    int64_t id = api->xRowid(fts);
    uint16_t len = LEN_UNKNOWN;
    if (id >= 0) {
        if (id / STORE_LEN_CHUNK != rq->chunk)
            rank_load_chunk(rq, id / STORE_LEN_CHUNK);
        if (rq->chunk_ok)
            len = rank_get16(rq->lens, (size_t)(id % STORE_LEN_CHUNK));
    }
    double d = len;
    if (len == LEN_UNKNOWN || len == LEN_LOOKUP) {
        int ntok = 0;
        if (rc == SQLITE_OK)
            rc = api->xColumnSize(fts, -1, &ntok);
        d = ntok;
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = 0.0;
    for (int i = 0; i < rq->nphrase; i++) {
        double f = rq->freq[i];
        score += rq->idf[i] * (f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * d / rq->avgdl));
    }
    sqlite3_result_double(ctx, -score);
}

int
store_rank_register(struct store *s)
{
    int rc = s->fts->xCreateFunction(s->fts, "dossier_rank", s, rank_fn, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_length_chunk", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                        NULL, NULL, rank_chunk_step, rank_chunk_final, NULL);
    return rc;
}
