/*
 * store/similar.c — the store's side of comparison: "more like this" over the
 * FTS5 index, MinHash signatures and their LSH band table, near-duplicate
 * lookups and groups. Declared in compare.h (the compare module owns this
 * file); uses the store's private header read-only.
 *
 * Tables (created on first write, IF NOT EXISTS, so an index made before they
 * existed keeps working; readers treat their absence as "no signatures"):
 *   neardup_sigs(doc_id, sig)        the 64 x 32-bit signature, little-endian;
 *                                    deleted with its document (cascade)
 *   neardup_bands(band_hash, doc_id) one row per LSH band (8 bands of 3 slots;
 *                                    candidates are then verified on all 64)
 * Band rows are only candidates: every lookup verifies a candidate by its
 * signature, so rows left behind by a deleted document are harmless (and
 * store_neardup_backfill sweeps them). This keeps indexing cheap: a document
 * costs one signature row and 16 band rows in one b-tree, with no secondary
 * index and no foreign key to maintain.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "lib.h"

#define ROWS_PER_BAND MINHASH_BAND_ROWS
#define SIMILAR_QUERY_TERMS 25
#define SIMILAR_CANDIDATES 50
#define DS_STR_(x) #x
#define DS_STR(x) DS_STR_(x)

static const char neardup_schema[] =
    "CREATE TABLE IF NOT EXISTS neardup_sigs(doc_id INTEGER PRIMARY KEY"
    " REFERENCES documents(id) ON DELETE CASCADE, sig BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS neardup_bands(band_hash INTEGER NOT NULL,"
    " doc_id INTEGER NOT NULL, PRIMARY KEY(band_hash, doc_id)) WITHOUT ROWID;";

/* ---- the tokenizer adapter -------------------------------------------------- */

static int
store_cmp_tokenize(void *ctx, const char *text, size_t len, cmp_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return store_tokenize(ctx, text, len, fn, ud, &err);
}

void
store_cmp_tokenizer(struct store *s, struct cmp_tokenizer *out)
{
    out->tokenize = store_cmp_tokenize;
    out->ctx = s;
}

/* ---- signatures ------------------------------------------------------------- */

static void
sig_pack(const uint32_t sig[MINHASH_K], unsigned char out[MINHASH_K * 4])
{
    for (size_t i = 0; i < MINHASH_K; i++) {
        out[4 * i] = (unsigned char)sig[i];
        out[4 * i + 1] = (unsigned char)(sig[i] >> 8);
        out[4 * i + 2] = (unsigned char)(sig[i] >> 16);
        out[4 * i + 3] = (unsigned char)(sig[i] >> 24);
    }
}

static bool
sig_unpack(const void *blob, int n, uint32_t sig[MINHASH_K])
{
    const unsigned char *p = blob;
    if (!p || n != MINHASH_K * 4)
        return false;
    for (size_t i = 0; i < MINHASH_K; i++)
        sig[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                 (uint32_t)p[4 * i + 3] << 24;
    return true;
}

/* The hash of band b of sig (band index included, so bands never collide
 * with each other). */
static int64_t
band_hash(const uint32_t sig[MINHASH_K], size_t b)
{
    unsigned char bytes[4 + ROWS_PER_BAND * 4];
    bytes[0] = (unsigned char)b;
    bytes[1] = bytes[2] = bytes[3] = 0;
    for (size_t r = 0; r < ROWS_PER_BAND; r++) {
        uint32_t v = sig[b * ROWS_PER_BAND + r];
        for (size_t k = 0; k < 4; k++)
            bytes[4 + 4 * r + k] = (unsigned char)(v >> (8 * k));
    }
    return (int64_t)ds_hash64(bytes, sizeof bytes);
}

/* 1 when the near-duplicate tables exist, 0 when not, -1 on error. */
static int
have_neardup_tables(struct store *s, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                " AND name IN ('neardup_sigs', 'neardup_bands')",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading near-duplicate signatures");
    int have = -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        have = sqlite3_column_int(st, 0) == 2;
    else
        store_fail(s, err, rc, "reading near-duplicate signatures");
    sqlite3_finalize(st);
    return have;
}

struct neardup_writer {
    struct store *s;
    sqlite3_stmt *old, *del, *sig, *band;
};

void
neardup_writer_free(struct neardup_writer **wp)
{
    struct neardup_writer *w = *wp;
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
neardup_writer_open(struct store *s, struct neardup_writer **out, struct ds_error *err)
{
    *out = NULL;
    if (store_exec(s, neardup_schema, "creating the near-duplicate tables", err) != 0)
        return -1;
    struct neardup_writer *w = xcalloc(1, sizeof *w);
    w->s = s;
    struct buf sql = BUF_INIT, del = BUF_INIT;
    buf_puts(&sql, "INSERT OR IGNORE INTO neardup_bands(band_hash, doc_id) VALUES ");
    buf_puts(&del, "DELETE FROM neardup_bands WHERE band_hash IN (");
    for (int b = 0; b < MINHASH_BANDS; b++) {
        buf_printf(&sql, "%s(?%d, ?%d)", b ? ", " : "", b + 1, MINHASH_BANDS + 1);
        buf_printf(&del, "%s?%d", b ? ", " : "", b + 1);
    }
    buf_printf(&del, ") AND doc_id = ?%d", MINHASH_BANDS + 1);
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
        rc = sqlite3_prepare_v3(s->db, buf_str(&sql), -1, SQLITE_PREPARE_PERSISTENT, &w->band,
                                NULL);
    buf_free(&sql);
    buf_free(&del);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "saving near-duplicate signatures");
        neardup_writer_free(&w);
        return -1;
    }
    *out = w;
    return 0;
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
neardup_writer_put(struct neardup_writer *w, int64_t doc_id, const uint32_t sig[MINHASH_K],
                   struct ds_error *err)
{
    unsigned char blob[MINHASH_K * 4];
    uint32_t old[MINHASH_K];
    /* A document signed before: remove its old band rows. */
    sqlite3_bind_int64(w->old, 1, doc_id);
    int rc = sqlite3_step(w->old);
    bool had = rc == SQLITE_ROW &&
               sig_unpack(sqlite3_column_blob(w->old, 0), sqlite3_column_bytes(w->old, 0), old);
    sqlite3_reset(w->old);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(w->s, err, rc, "saving a near-duplicate signature");
    if (had) {
        for (int b = 0; b < MINHASH_BANDS; b++)
            sqlite3_bind_int64(w->del, b + 1, band_hash(old, (size_t)b));
        sqlite3_bind_int64(w->del, MINHASH_BANDS + 1, doc_id);
        if (step_reset(w->s, w->del, err) != 0)
            return -1;
    }
    sig_pack(sig, blob);
    sqlite3_bind_int64(w->sig, 1, doc_id);
    sqlite3_bind_blob(w->sig, 2, blob, sizeof blob, SQLITE_STATIC);
    if (step_reset(w->s, w->sig, err) != 0)
        return -1;
    for (int b = 0; b < MINHASH_BANDS; b++)
        sqlite3_bind_int64(w->band, b + 1, band_hash(sig, (size_t)b));
    sqlite3_bind_int64(w->band, MINHASH_BANDS + 1, doc_id);
    return step_reset(w->s, w->band, err);
}

int
neardup_writer_add(struct neardup_writer *w, int64_t doc_id, const char *body, size_t len,
                   struct ds_error *err)
{
    uint32_t sig[MINHASH_K];
    minhash_signature(body ? body : "", body ? len : 0, sig);
    return neardup_writer_put(w, doc_id, sig, err);
}

long
store_neardup_backfill(struct store *s, struct ds_error *err)
{
    struct neardup_writer *w = NULL;
    if (neardup_writer_open(s, &w, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    long added = 0;
    bool began = false;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT id, body FROM documents WHERE id NOT IN"
                                " (SELECT doc_id FROM neardup_sigs) ORDER BY id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "reading documents for near-duplicate signatures");
        goto fail;
    }
    if (sqlite3_get_autocommit(s->db)) {
        if (store_begin(s, err) != 0)
            goto fail;
        began = true;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(st, 1);
        if (neardup_writer_add(w, sqlite3_column_int64(st, 0), body,
                               (size_t)sqlite3_column_bytes(st, 1), err) != 0)
            goto fail;
        added++;
    }
    if (rc != SQLITE_DONE) {
        store_fail(s, err, rc, "reading documents for near-duplicate signatures");
        goto fail;
    }
    sqlite3_finalize(st);
    st = NULL;
    neardup_writer_free(&w);
    /* Sweep band rows of documents deleted since they were saved. */
    if (store_exec(s,
                   "DELETE FROM neardup_bands WHERE doc_id NOT IN"
                   " (SELECT doc_id FROM neardup_sigs)",
                   "removing stale near-duplicate rows", err) != 0)
        goto fail;
    if (began && store_commit(s, err) != 0)
        return -1;
    return added;
fail:
    sqlite3_finalize(st);
    neardup_writer_free(&w);
    if (began)
        store_rollback(s);
    return -1;
}

int
store_neardup_stale(struct store *s, struct ds_error *err)
{
    int have = have_neardup_tables(s, err);
    if (have < 0)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                have ? "SELECT (SELECT max(id) FROM documents) >"
                                       " coalesce((SELECT max(doc_id) FROM neardup_sigs), 0)"
                                     : "SELECT EXISTS (SELECT 1 FROM documents)",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading near-duplicate signatures");
    int stale = -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        stale = sqlite3_column_int(st, 0) != 0;
    else
        store_fail(s, err, rc, "reading near-duplicate signatures");
    sqlite3_finalize(st);
    return stale;
}

/* The signature of doc_id: 1 found, 0 none, -1 error. */
static int
load_sig(struct store *s, sqlite3_stmt **cache, int64_t doc_id, uint32_t sig[MINHASH_K],
         struct ds_error *err)
{
    if (!*cache) {
        int rc = sqlite3_prepare_v2(s->db, "SELECT sig FROM neardup_sigs WHERE doc_id = ?1", -1,
                                    cache, NULL);
        if (rc != SQLITE_OK)
            return store_fail(s, err, rc, "reading near-duplicate signatures");
    }
    sqlite3_stmt *st = *cache;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, doc_id);
    int rc = sqlite3_step(st);
    int found = 0;
    if (rc == SQLITE_ROW)
        found = sig_unpack(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0), sig);
    else if (rc != SQLITE_DONE)
        found = store_fail(s, err, rc, "reading near-duplicate signatures");
    sqlite3_reset(st);
    return found;
}

static int
similar_cmp(const void *p, const void *q)
{
    const struct similar_doc *x = p, *y = q;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static int
neardup_cmp(const void *p, const void *q)
{
    const struct similar_doc *x = p, *y = q;
    if (x->jaccard != y->jaccard)
        return x->jaccard > y->jaccard ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int
store_near_dups(struct store *s, int64_t doc_id, double min_jaccard, struct similar_doc **out,
                size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    int have = have_neardup_tables(s, err);
    if (have <= 0)
        return have;
    sqlite3_stmt *sigst = NULL, *st = NULL;
    uint32_t sig[MINHASH_K], other[MINHASH_K];
    int result = -1;
    int found = load_sig(s, &sigst, doc_id, sig, err);
    if (found <= 0) {
        result = found;
        goto done;
    }
    struct buf sql = BUF_INIT;
    buf_puts(&sql, "SELECT DISTINCT doc_id FROM neardup_bands WHERE band_hash IN (");
    for (int b = 0; b < MINHASH_BANDS; b++)
        buf_printf(&sql, "%s?%d", b ? ", " : "", b + 1);
    buf_printf(&sql, ") AND doc_id <> ?%d ORDER BY doc_id", MINHASH_BANDS + 1);
    int rc = sqlite3_prepare_v2(s->db, buf_str(&sql), -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "finding near-duplicates");
        goto done;
    }
    for (int b = 0; b < MINHASH_BANDS; b++)
        sqlite3_bind_int64(st, b + 1, band_hash(sig, (size_t)b));
    sqlite3_bind_int64(st, MINHASH_BANDS + 1, doc_id);
    size_t n = 0, cap = 8;
    struct similar_doc *v = xmalloc(cap * sizeof *v);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int got = load_sig(s, &sigst, id, other, err);
        if (got < 0) {
            free(v);
            goto done;
        }
        double j = got ? minhash_similarity(sig, other) : 0;
        if (!got || j < min_jaccard)
            continue;
        if (n == cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[n++] = (struct similar_doc){id, 0, j, j >= NEARDUP_MIN_JACCARD};
    }
    if (rc != SQLITE_DONE) {
        free(v);
        store_fail(s, err, rc, "finding near-duplicates");
        goto done;
    }
    qsort(v, n, sizeof *v, neardup_cmp);
    *out = v;
    *n_out = n;
    result = 0;
done:
    sqlite3_finalize(st);
    sqlite3_finalize(sigst);
    return result;
}

/* ---- more like this ------------------------------------------------------------ */

/*
 * Cost model (measured): any FTS5 lookup of one term costs ~0.1 ms of setup
 * whatever the term, and tokenizing candidates costs ~0.5 ms each. So:
 *   - document frequencies are looked up for at most SIMILAR_DF_TERMS of the
 *     document's terms (chosen by tf, then length: long words are rarer),
 *     through store_word_docs (exact to 1,024 documents, then extrapolated
 *     from how far into the rowids the 1,024th is; cached per connection);
 *   - the OR query's cost is the sum of its terms' posting lists, so terms in
 *     more than SIMILAR_MAX_DF_SHARE of the documents (weak evidence anyway)
 *     stay out of it;
 *   - candidates are never tokenized: an FTS5 auxiliary function returns each
 *     candidate's counts of the query's terms and its length, from the index.
 * At 100k generated documents this keeps a lookup near 30-40 ms.
 */
#define SIMILAR_DF_TERMS 64
#define SIMILAR_MAX_DF_SHARE 0.02
#define SIMILAR_MAX_DF_MIN 2000

/* A term of the document: its counts (t.count_a = tf), idf and tf-idf weight. */
struct qterm {
    struct cmp_term t;
    double pre, df, idf, w;
};

static int
qterm_pre_cmp(const void *p, const void *q)
{
    const struct qterm *x = p, *y = q;
    if (x->pre != y->pre)
        return x->pre > y->pre ? -1 : 1;
    return strcmp(x->t.term, y->t.term);
}

static int
qterm_w_cmp(const void *p, const void *q)
{
    const struct qterm *x = p, *y = q;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return strcmp(x->t.term, y->t.term);
}

/* FTS5 auxiliary function: a blob of uint32 — the row's token count, then
 * the row's number of hits of each phrase of the query, in phrase order. */
static void
similar_tf_fn(const Fts5ExtensionApi *api, Fts5Context *ctx, sqlite3_context *out, int nval,
              sqlite3_value **val)
{
    (void)nval;
    (void)val;
    int nphrase = api->xPhraseCount(ctx), ninst = 0, ntok = 0;
    uint32_t *v = xcalloc((size_t)nphrase + 1, sizeof *v);
    if (api->xInstCount(ctx, &ninst) == SQLITE_OK) {
        for (int i = 0; i < ninst; i++) {
            int ph, col, off;
            if (api->xInst(ctx, i, &ph, &col, &off) == SQLITE_OK && ph >= 0 && ph < nphrase)
                v[ph + 1]++;
        }
    }
    if (api->xColumnSize(ctx, -1, &ntok) == SQLITE_OK && ntok > 0)
        v[0] = (uint32_t)ntok;
    sqlite3_result_blob(out, v, (int)(((size_t)nphrase + 1) * sizeof *v), free);
}

/* Score of a candidate from its phrase counts: cosine of tf-idf vectors over
 * the query's terms, damped by the length ratio. */
static double
candidate_score(const struct qterm *q, size_t nq, const uint32_t *qc, const uint32_t *cc)
{
    double dot = 0, nc = 0, nd = 0;
    for (size_t i = 0; i < nq; i++) {
        double wq = qc[i + 1] ? (1 + log((double)qc[i + 1])) * q[i].idf : 0;
        double wc = cc[i + 1] ? (1 + log((double)cc[i + 1])) * q[i].idf : 0;
        dot += wq * wc;
        nd += wq * wq;
        nc += wc * wc;
    }
    if (dot <= 0 || nd <= 0 || nc <= 0)
        return 0;
    double cos = dot / sqrt(nd * nc);
    double lq = DS_MAX(1.0, (double)qc[0]), lc = DS_MAX(1.0, (double)cc[0]);
    double ratio = lq < lc ? lq / lc : lc / lq;
    double score = cos * pow(ratio, 0.25);
    return score > 1 ? 1 : score;
}

int
store_similar(struct store *s, int64_t doc_id, size_t limit, struct similar_doc **out,
              size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *docst = NULL, *st = NULL, *sigst = NULL;
    struct cmp_counts *qc = cmp_counts_new();
    struct cmp_term *terms = NULL;
    struct qterm *q = NULL;
    size_t nq = 0, nused = 0;
    struct similar_doc *v = NULL, *dups = NULL;
    uint32_t **tf = NULL;
    uint32_t *self = NULL;
    size_t nv = 0, ndups = 0, cap = 0, ntf = 0;
    struct buf expr = BUF_INIT;
    int result = -1, rc;

    rc = sqlite3_prepare_v2(s->db, "SELECT title, body FROM documents WHERE id = ?1", -1, &docst,
                            NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "reading a document");
        goto done;
    }
    sqlite3_bind_int64(docst, 1, doc_id);
    rc = sqlite3_step(docst);
    if (rc == SQLITE_DONE) {
        ds_error_set(err, -1, "no document %lld", (long long)doc_id);
        goto done;
    }
    if (rc != SQLITE_ROW) {
        store_fail(s, err, rc, "reading a document");
        goto done;
    }
    struct cmp_tokenizer tok;
    store_cmp_tokenizer(s, &tok);
    for (int col = 0; col < 2; col++) {
        const char *t = (const char *)sqlite3_column_text(docst, col);
        if (t && cmp_counts_add_text(qc, t, (size_t)sqlite3_column_bytes(docst, col), &tok) != 0) {
            ds_error_set(err, -1, "could not tokenize document %lld", (long long)doc_id);
            goto done;
        }
    }
    sqlite3_reset(docst);

    /* Corpus size for idf: max(id) is O(log n) where count(*) scans; deleted
     * documents make it a slight overestimate, which shifts every idf alike. */
    double maxid = 1;
    rc = sqlite3_prepare_v2(s->db, "SELECT max(id) FROM documents", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        maxid = DS_MAX(1.0, sqlite3_column_double(st, 0));
    sqlite3_finalize(st);
    st = NULL;

    /* The document's terms; df for the likeliest keywords only. */
    nq = cmp_counts_terms(qc, &terms);
    q = xcalloc(nq + 1, sizeof *q);
    for (size_t i = 0; i < nq; i++) {
        q[i].t = terms[i];
        q[i].pre = (1 + log((double)terms[i].count_a)) * log(2.0 + (double)strlen(terms[i].word));
    }
    free(terms); /* the strings now belong to q */
    terms = NULL;
    qsort(q, nq, sizeof *q, qterm_pre_cmp);
    size_t ndf = DS_MIN(nq, (size_t)SIMILAR_DF_TERMS);
    if (store_df_ready(s, err) != 0)
        goto done;
    for (size_t i = 0; i < ndf; i++) {
        bool estimated;
        int64_t d = store_word_docs(s, q[i].t.word, &estimated, err);
        if (d < 0)
            goto done;
        /* 0: a word the index cannot search (the document itself has it) */
        q[i].df = (double)d;
        q[i].idf = d == 0 ? 0 : log(1.0 + maxid / DS_MAX(1.0, (double)d));
        q[i].w = (1.0 + log((double)q[i].t.count_a)) * q[i].idf;
    }
    qsort(q, ndf, sizeof *q, qterm_w_cmp);

    /* One OR query of the top terms, ranked by bm25; the auxiliary function
     * gives each candidate's hits of each term. */
    double max_df = DS_MAX((double)SIMILAR_MAX_DF_MIN, SIMILAR_MAX_DF_SHARE * maxid);
    for (size_t i = 0; i < ndf && nused < SIMILAR_QUERY_TERMS; i++) {
        if (q[i].w <= 0 || q[i].df > max_df || strchr(q[i].t.word, '"'))
            continue;
        if (i != nused) { /* keep the used terms first, in phrase order */
            struct qterm tmp = q[nused];
            q[nused] = q[i];
            q[i] = tmp;
        }
        buf_printf(&expr, "%s\"%s\"", nused ? " OR " : "", q[nused].t.word);
        nused++;
    }
    if (nused == 0) {
        result = 0; /* nothing to go on: no similar documents */
        goto done;
    }
    /* The auxiliary function is registered once per connection: FTS5 keeps
     * every registration, so only when the statement does not prepare. */
    for (int attempt = 0; attempt < 2; attempt++) {
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT rowid, dossier_similar_tf(docs_fts) FROM docs_fts"
                                " WHERE docs_fts MATCH ?1 AND rowid = ?2",
                                -1, &sigst, NULL);
        if (rc == SQLITE_OK || attempt)
            break;
        rc = s->fts->xCreateFunction(s->fts, "dossier_similar_tf", NULL, similar_tf_fn, NULL);
        if (rc != SQLITE_OK)
            break;
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT rowid, dossier_similar_tf(docs_fts) FROM docs_fts"
                                " WHERE docs_fts MATCH ?1 AND rowid <> ?2 ORDER BY rank"
                                " LIMIT " DS_STR(SIMILAR_CANDIDATES),
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "finding similar articles");
        goto done;
    }
    size_t blob_len = (nused + 1) * sizeof(uint32_t);
    cap = SIMILAR_CANDIDATES + 8;
    v = xmalloc(cap * sizeof *v);
    tf = xcalloc(cap, sizeof *tf);
    sqlite3_bind_text(st, 1, buf_str(&expr), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, doc_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && nv < cap) {
        if ((size_t)sqlite3_column_bytes(st, 1) != blob_len)
            continue;
        tf[nv] = xmalloc(blob_len);
        ntf++;
        memcpy(tf[nv], sqlite3_column_blob(st, 1), blob_len);
        v[nv++] = (struct similar_doc){sqlite3_column_int64(st, 0), 0, -1, false};
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_fail(s, err, rc, "finding similar articles");
        goto done;
    }
    sqlite3_finalize(st);
    st = NULL;

    /* The document's own counts of the same terms, and those of
     * near-duplicates the query missed. */
    int64_t want = doc_id;
    size_t k = 0;
    if (store_near_dups(s, doc_id, NEARDUP_MIN_JACCARD, &dups, &ndups, err) != 0)
        goto done;
    for (;;) {
        sqlite3_reset(sigst);
        sqlite3_bind_text(sigst, 1, buf_str(&expr), -1, SQLITE_STATIC);
        sqlite3_bind_int64(sigst, 2, want);
        rc = sqlite3_step(sigst);
        uint32_t *counts = NULL;
        if (rc == SQLITE_ROW && (size_t)sqlite3_column_bytes(sigst, 1) == blob_len) {
            counts = xmalloc(blob_len);
            memcpy(counts, sqlite3_column_blob(sigst, 1), blob_len);
        } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            store_fail(s, err, rc, "finding similar articles");
            goto done;
        }
        if (want == doc_id) {
            self = counts;
        } else if (counts) {
            if (nv == cap) {
                cap *= 2;
                v = xrealloc(v, cap * sizeof *v);
                tf = xrealloc(tf, cap * sizeof *tf);
            }
            tf[nv] = counts;
            ntf++;
            v[nv++] = dups[k - 1];
        }
        /* Next near-duplicate not already a candidate. */
        want = 0;
        while (k < ndups && !want) {
            size_t i;
            for (i = 0; i < nv && v[i].id != dups[k].id; i++)
                ;
            if (i < nv) {
                v[i].jaccard = dups[k].jaccard;
                v[i].near_dup = dups[k].near_dup;
            } else {
                want = dups[k].id;
            }
            k++;
        }
        if (!want)
            break;
    }
    sqlite3_finalize(sigst);
    sigst = NULL;
    if (!self) {
        self = xcalloc(nused + 1, sizeof *self);
        for (size_t i = 0; i < nused; i++)
            self[i + 1] = (uint32_t)q[i].t.count_a;
    }
    for (size_t i = 0; i < nv; i++)
        v[i].score = candidate_score(q, nused, self, tf[i]);

    /* Jaccard of the other candidates, where signatures exist. */
    int have = have_neardup_tables(s, err);
    if (have < 0)
        goto done;
    if (have) {
        uint32_t sig[MINHASH_K], other[MINHASH_K];
        int got = load_sig(s, &sigst, doc_id, sig, err);
        if (got < 0)
            goto done;
        for (size_t i = 0; got && i < nv; i++) {
            if (v[i].jaccard >= 0)
                continue;
            int g2 = load_sig(s, &sigst, v[i].id, other, err);
            if (g2 < 0)
                goto done;
            if (g2) {
                v[i].jaccard = minhash_similarity(sig, other);
                v[i].near_dup = v[i].jaccard >= NEARDUP_MIN_JACCARD;
            }
        }
    }
    qsort(v, nv, sizeof *v, similar_cmp);
    if (limit && nv > limit)
        nv = limit;
    *out = v;
    *n_out = nv;
    v = NULL;
    result = 0;
done:
    for (size_t i = 0; i < nq; i++) {
        free(q[i].t.term);
        free(q[i].t.word);
    }
    free(q);
    for (size_t i = 0; i < ntf; i++)
        free(tf[i]);
    free(tf);
    free(self);
    free(v);
    free(dups);
    buf_free(&expr);
    sqlite3_finalize(st);
    sqlite3_finalize(sigst);
    sqlite3_finalize(docst);
    cmp_counts_free(&qc);
    return result;
}

/* ---- groups ------------------------------------------------------------------------ */

static size_t
uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void
uf_union(size_t *parent, size_t x, size_t y)
{
    x = uf_find(parent, x);
    y = uf_find(parent, y);
    if (x != y)
        parent[DS_MAX(x, y)] = DS_MIN(x, y);
}

static size_t
id_index(const int64_t *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo] == id ? lo : SIZE_MAX;
}

struct group {
    int64_t *ids;
    size_t n;
};

static int
group_cmp(const void *p, const void *q)
{
    const struct group *x = p, *y = q;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return (x->ids[0] > y->ids[0]) - (x->ids[0] < y->ids[0]);
}

void
neardup_groups_free(int64_t **groups, size_t *sizes, size_t ngroups)
{
    for (size_t i = 0; i < ngroups; i++)
        free(groups[i]);
    free(groups);
    free(sizes);
}

int
store_neardup_groups(struct store *s, double min_jaccard, int64_t ***groups_out, size_t **sizes_out,
                     size_t *ngroups, struct ds_error *err)
{
    *groups_out = NULL;
    *sizes_out = NULL;
    *ngroups = 0;
    int have = have_neardup_tables(s, err);
    if (have <= 0)
        return have;
    sqlite3_stmt *st = NULL;
    size_t n = 0, cap = 1024;
    int64_t *ids = xmalloc(cap * sizeof *ids);
    uint32_t *sigs = xmalloc(cap * MINHASH_K * sizeof *sigs);
    size_t *parent = NULL;
    int result = -1;
    int rc = sqlite3_prepare_v2(s->db, "SELECT doc_id, sig FROM neardup_sigs ORDER BY doc_id", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        goto fail_rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap *= 2;
            ids = xrealloc(ids, cap * sizeof *ids);
            sigs = xrealloc(sigs, cap * MINHASH_K * sizeof *sigs);
        }
        if (!sig_unpack(sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1),
                        sigs + n * MINHASH_K))
            continue;
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    if (rc != SQLITE_DONE)
        goto fail_rc;
    sqlite3_finalize(st);
    st = NULL;
    parent = xmalloc((n + 1) * sizeof *parent);
    for (size_t i = 0; i < n; i++)
        parent[i] = i;

    /* Walk the buckets: documents sharing a band are candidates. */
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT band_hash, doc_id FROM neardup_bands"
                            " ORDER BY band_hash, doc_id",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        goto fail_rc;
    size_t bcap = 16, bn = 0;
    size_t *bucket = xmalloc(bcap * sizeof *bucket);
    int64_t cur = 0;
    for (;;) {
        rc = sqlite3_step(st);
        int64_t h = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        if (rc != SQLITE_ROW || (bn && h != cur)) {
            /* Verify pairs in the finished bucket (against its first members
             * only when it is large, to bound the work). */
            for (size_t x = 0; x < bn && x < 8; x++)
                for (size_t y = x + 1; y < bn; y++)
                    if (uf_find(parent, bucket[x]) != uf_find(parent, bucket[y]) &&
                        minhash_similarity(sigs + bucket[x] * MINHASH_K,
                                           sigs + bucket[y] * MINHASH_K) >= min_jaccard)
                        uf_union(parent, bucket[x], bucket[y]);
            bn = 0;
        }
        if (rc != SQLITE_ROW)
            break;
        cur = h;
        size_t ix = id_index(ids, n, sqlite3_column_int64(st, 1));
        if (ix == SIZE_MAX)
            continue;
        if (bn == bcap)
            bucket = xrealloc(bucket, (bcap *= 2) * sizeof *bucket);
        bucket[bn++] = ix;
    }
    free(bucket);
    if (rc != SQLITE_DONE)
        goto fail_rc;

    /* Collect groups of two or more. */
    size_t *count = xcalloc(n + 1, sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[uf_find(parent, i)]++;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i && count[i] > 1)
            ng++;
    struct group *g = xcalloc(ng + 1, sizeof *g);
    size_t *slot = xmalloc((n + 1) * sizeof *slot);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i && count[i] > 1) {
            slot[i] = k;
            g[k].ids = xmalloc(count[i] * sizeof *g[k].ids);
            k++;
        }
    for (size_t i = 0; i < n; i++) {
        size_t r = uf_find(parent, i);
        if (count[r] > 1) {
            struct group *gr = &g[slot[r]];
            gr->ids[gr->n++] = ids[i]; /* ids ascend, so each group is sorted */
        }
    }
    qsort(g, ng, sizeof *g, group_cmp);
    int64_t **groups = xmalloc((ng + 1) * sizeof *groups);
    size_t *sizes = xmalloc((ng + 1) * sizeof *sizes);
    for (size_t i = 0; i < ng; i++) {
        groups[i] = g[i].ids;
        sizes[i] = g[i].n;
    }
    free(g);
    free(slot);
    free(count);
    *groups_out = groups;
    *sizes_out = sizes;
    *ngroups = ng;
    result = 0;
    goto done;
fail_rc:
    store_fail(s, err, rc, "grouping near-duplicates");
done:
    sqlite3_finalize(st);
    free(ids);
    free(sigs);
    free(parent);
    return result;
}
