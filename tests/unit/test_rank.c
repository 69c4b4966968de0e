/*
 * test_rank.c — dossier_rank() against FTS5's bm25(): the same number for
 * every hit of every query, whether a document's length comes from
 * doc_lengths, from FTS5's fallback (missing chunk, a document longer than
 * 16 bits can count) or from a chunk rebuilt by migration 5; and the
 * writer's bookkeeping (batches across chunk boundaries, autocommit
 * inserts, rollback).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/corpus.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "store/lib.h"
#include "tap.h"

static const char *const vocab[] = {
    "tariff", "trade",  "export", "import",  "steel",    "ministry", "talks",   "deal",
    "growth", "yuan",   "dollar", "surplus", "deficit",  "rare",     "earth",   "chip",
    "port",   "grain",  "soy",    "beef",    "shipping", "customs",  "quota",   "subsidy",
    "market", "bank",   "rate",   "price",   "energy",   "oil",      "gas",     "solar",
};
#define NVOCAB (sizeof vocab / sizeof vocab[0])

static uint64_t rng = 42;

static unsigned
next_rand(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng >> 33);
}

/* n words; common words often, rare ones seldom (a skewed vocabulary). */
static char *
make_text(size_t n)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        unsigned r = next_rand() % 1000;
        size_t w = r < 500 ? r % 4 : r < 900 ? 4 + r % 12 : 16 + r % (NVOCAB - 16);
        buf_printf(&b, "%s%s", i ? " " : "", vocab[w]);
    }
    return buf_steal(&b);
}

static int64_t
insert_doc(struct store *s, size_t title_words, size_t body_words)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    char *title = make_text(title_words);
    char *body = make_text(body_words);
    a.title = title;
    a.body = body;
    a.raw = body;
    a.words = (int64_t)body_words;
    int64_t id = -1;
    uint64_t h = ds_hash64(body, strlen(body)) ^ next_rand();
    if (store_doc_insert(s, &a, h, &id, &err) != 0) {
        diag("insert: %s", err.msg);
        id = -1;
    }
    free(title);
    free(body);
    return id;
}

/* Rows of `expr` where dossier_rank and bm25 differ; -1 on error. *nrows
 * gets the number of hits compared. */
/* Hits of the MATCH text expr where dossier_rank and bm25 differ; -1 on
 * error. *nrows gets the number of hits compared. pass_match: give
 * dossier_rank the MATCH text too, as the query compiler does (phrase counts
 * cached by it). */
static long
rank_mismatches(struct store *s, const char *expr, bool pass_match, long *nrows)
{
    sqlite3_stmt *st = NULL;
    long bad = 0;
    *nrows = 0;
    const char *sql = pass_match ? "SELECT rowid, dossier_rank(docs_fts, 10.0, 1.0, ?1),"
                                   " bm25(docs_fts, 10.0, 1.0) FROM docs_fts"
                                   " WHERE docs_fts MATCH ?1"
                                 : "SELECT rowid, dossier_rank(docs_fts, 10.0, 1.0),"
                                   " bm25(docs_fts, 10.0, 1.0) FROM docs_fts"
                                   " WHERE docs_fts MATCH ?1";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        diag("prepare: %s", sqlite3_errmsg(s->db));
        return -1;
    }
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        double mine = sqlite3_column_double(st, 1), theirs = sqlite3_column_double(st, 2);
        (*nrows)++;
        if (fabs(mine - theirs) > 1e-9 * fmax(1.0, fabs(theirs)) && bad++ < 3)
            diag("%s: row %lld: dossier_rank %.12g, bm25 %.12g", expr,
                 (long long)sqlite3_column_int64(st, 0), mine, theirs);
    }
    if (rc != SQLITE_DONE) {
        diag("step: %s", sqlite3_errmsg(s->db));
        bad = -1;
    }
    sqlite3_finalize(st);
    return bad;
}

static const char *const queries[] = {
    "tariff",           "tariff trade",        "\"rare earth\"", "solar OR oil",
    "steel NOT talks",  "shipping customs",    "quota*",         "title:beef",
    "grain soy beef",   "subsidy market bank",
};

static void
check_all_queries(struct store *s, const char *when)
{
    long total = 0, bad = 0;
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        long n = 0;
        long m = rank_mismatches(s, queries[i], false, &n);
        bad += m < 0 ? 1000000 : m;
        total += n;
    }
    ok(total > 1000, "%s: the queries have hits to compare (%ld)", when, total);
    ok(bad == 0, "%s: dossier_rank equals bm25 on every hit (%ld differ)", when, bad);
}

/* As rank_mismatches, for a query in dossier's language compiled to its
 * MATCH text, which dossier_rank also gets. */
static long
rank_mismatches_q(struct store *s, const char *text, long *nrows)
{
    struct ds_error err;
    struct query *q = NULL;
    *nrows = 0;
    if (query_parse(text, &q, &err) != 0 || !query_fts_expr(q)) {
        diag("%s: %s", text, err.msg);
        query_free(&q);
        return -1;
    }
    long bad = rank_mismatches(s, query_fts_expr(q), true, nrows);
    query_free(&q);
    return bad;
}

static const char *const user_queries[] = {
    "tariff trade", "\"rare earth\" steel", "title:beef grain", "quota* customs",
    "solar OR oil", "steel -talks",          "(grain OR soy) beef", "tariff",
};

static void
check_user_queries(struct store *s, const char *when)
{
    long total = 0, bad = 0;
    for (size_t i = 0; i < sizeof user_queries / sizeof user_queries[0]; i++) {
        long n = 0;
        long m = rank_mismatches_q(s, user_queries[i], &n);
        bad += m < 0 ? 1000000 : m;
        total += n;
    }
    ok(total > 1000 && bad == 0, "%s: %ld hits, dossier_rank = bm25 (%ld differ)", when, total,
       bad);
}

static int
always_stop(void *ud)
{
    (*(int *)ud)++;
    return 1;
}

static int
never_stop(void *ud)
{
    (*(int *)ud)++;
    return 0;
}

/* The watch of store_set_search_watch (another thread): stop, and say so. */
static volatile int watch_said;

static int
watch_stop(void *ud)
{
    (void)ud;
    __atomic_store_n(&watch_said, 1, __ATOMIC_SEQ_CST);
    return 1;
}

static int
watch_never(void *ud)
{
    (void)ud;
    return 0;
}

/* A progress check that holds the statement until the watch has spoken
 * (at most 10 s), and never stops it itself. */
static int
wait_for_watch(void *ud)
{
    (void)ud;
    for (int i = 0; i < 10000 && !__atomic_load_n(&watch_said, __ATOMIC_SEQ_CST); i++)
        usleep(1000);
    return 0;
}

static long
count_sql(struct store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The stored 16-bit length of id, or -1 when its chunk is missing. */
static long
stored_length(struct store *s, int64_t id)
{
    sqlite3_stmt *st = NULL;
    long len = -1;
    sqlite3_prepare_v2(s->db, "SELECT lens FROM doc_lengths WHERE chunk = ?1", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, id / STORE_LEN_CHUNK);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == STORE_LEN_CHUNK_BYTES) {
        const unsigned char *p = sqlite3_column_blob(st, 0);
        size_t k = (size_t)(id % STORE_LEN_CHUNK);
        len = p[2 * k] | (p[2 * k + 1] << 8);
    }
    sqlite3_finalize(st);
    return len;
}

int
main(void)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct store *s = NULL;
    char dir[] = "/tmp/dossier-rank-XXXXXX";
    if (!mkdtemp(dir)) {
        diag("mkdtemp failed");
        return 1;
    }
    char *path = xasprintf("%s/rank.db", dir);

    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create: %s", err.msg);

    /* 5,000 documents in batches of 700: ids cross chunk 0 into chunk 1 in
     * the middle of a batch. */
    int64_t last = 0;
    bool inserted = true;
    for (int batch = 0; batch < 8 && inserted; batch++) {
        inserted = store_begin(s, &err) == 0;
        for (int i = 0; inserted && i < 700 && last < 5000; i++) {
            last = insert_doc(s, 2 + next_rand() % 8, 5 + next_rand() % 400);
            inserted = last > 0;
        }
        inserted = inserted && store_commit(s, &err) == 0;
    }
    ok(inserted && last == 5000, "5,000 documents indexed in batches (last id %lld)",
       (long long)last);
    is_int(count_sql(s, "SELECT count(*) FROM doc_lengths"), 2,
           "two doc_lengths chunks for ids 1..5000");
    is_int(count_sql(s, "SELECT count(*) FROM doc_lengths WHERE length(lens) <> "
                        "8192"),
           0, "every chunk holds 4,096 16-bit lengths");

    /* one document longer than 16 bits can count, outside a transaction */
    int64_t big = insert_doc(s, 3, 70000);
    ok(big > 0, "a 70,000-word document (autocommit)");
    is_int(stored_length(s, big), 0xffff, "its length is marked 'ask FTS5'");
    int64_t small = insert_doc(s, 4, 10);
    is_int(stored_length(s, small), 14, "an autocommit insert records its length (4 + 10)");

    check_all_queries(s, "lengths from doc_lengths");

    /* document counts for keywords: exact up to 1,024, estimated beyond */
    ok(store_df_ready(s, &err) == 0, "word-frequency cache ready");
    int within = 0, estimated_n = 0, nwords = (int)NVOCAB;
    for (size_t i = 0; i < NVOCAB; i++) {
        bool est = false;
        int64_t got = store_word_docs(s, vocab[i], &est, &err);
        char *sql = xasprintf("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH '\"%s\"'",
                              vocab[i]);
        long exact = count_sql(s, sql);
        free(sql);
        estimated_n += est;
        if (exact > 0 && (double)llabs(got - exact) <= 0.1 * (double)exact + 0.5 &&
            est == (exact >= 1024))
            within++;
        else
            diag("%s: %lld documents (%s), counted %ld", vocab[i], (long long)got,
                 est ? "estimated" : "exact", exact);
    }
    is_int(within, nwords, "term document counts within 10% (exact below 1,024)");
    ok(estimated_n == nwords, "common words (over 1,024 documents each) estimated: %d",
       estimated_n);
    for (int i = 0; i < 10; i++) {
        struct article a;
        memset(&a, 0, sizeof a);
        char body[64];
        snprintf(body, sizeof body, "zebrafish quota number %d", i);
        a.body = body;
        a.raw = body;
        int64_t id;
        store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err);
    }
    bool est = true;
    store_df_ready(s, &err); /* ten new documents: the cache starts again */
    is_int(store_word_docs(s, "Zebrafish", &est, &err), 10, "a rare word: counted exactly");
    ok(!est, "not estimated");
    est = true;
    is_int(store_word_docs(s, "zzyzx", &est, &err), 0, "a word in no document: 0");
    ok(!est, "and counted, not estimated");

    /* phrase counts cached by MATCH text: right the first time, from the
     * cache, after the corpus grew, and after a delete and an insert that
     * leave the row count as it was (only the data version changed) */
    check_user_queries(s, "phrase counts counted");
    ok(s->rank_cache != NULL, "the counts were cached");
    check_user_queries(s, "phrase counts from the cache");
    for (int i = 0; i < 300; i++)
        insert_doc(s, 3, 40);
    check_user_queries(s, "after 300 more documents");
    /* a deletion reaches the full-text index when its transaction commits
     * (store/ftswrite.c) */
    ok(store_begin(s, &err) == 0, "a transaction for the deletion");
    sqlite3_exec(s->db, "DELETE FROM documents WHERE id IN (SELECT rowid FROM docs_fts"
                        " WHERE docs_fts MATCH 'tariff' LIMIT 40)", NULL, NULL, NULL);
    ok(store_commit(s, &err) == 0, "deleted 40 documents");
    for (int i = 0; i < 40; i++)
        insert_doc(s, 2, 3);
    check_user_queries(s, "after 40 deleted and 40 added");

    /* topic counts of a result set in hand = store_facets over the query,
     * by lookups (a few hits) and by the index pass (most documents) */
    sqlite3_exec(s->db,
                 "INSERT INTO topics(slug, name) VALUES ('alpha', 'Alpha topic'),"
                 " ('beta', 'Beta'), ('gamma', 'Gamma'), ('delta', NULL);"
                 "INSERT INTO topic_ids(id, slug) VALUES (1, 'delta'), (2, 'gamma'),"
                 " (3, 'beta'), (4, 'alpha');"
                 "INSERT INTO doc_topic_rows(doc_id, topic, score) SELECT id,"
                 " CASE id % 4 WHEN 0 THEN 4 WHEN 1 THEN 3 WHEN 2 THEN 2 ELSE 1 END, 1"
                 " FROM documents;"
                 "INSERT INTO doc_topic_rows(doc_id, topic, score) SELECT id, 3, 0.5"
                 " FROM documents WHERE id % 7 = 0 AND id % 4 <> 1;",
                 NULL, NULL, NULL);
    const char *facet_queries[] = {"", "tariff", "zebrafish", "steel -talks", "title:beef"};
    for (size_t qi = 0; qi < sizeof facet_queries / sizeof facet_queries[0]; qi++) {
        struct query *fq = NULL;
        struct result_set *frs = NULL;
        struct facet *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        bool same = query_parse(facet_queries[qi], &fq, &err) == 0 &&
                    store_search(s, fq, SORT_RANK, &frs, &err) == 0 &&
                    result_set_topic_counts(frs, 3, &a, &na, &err) == 0 &&
                    store_facets(s, fq, FACET_TOPIC, 3, &b, &nb, &err) == 0 && na == nb &&
                    na > 0;
        for (size_t i = 0; same && i < na; i++)
            same = strcmp(a[i].key, b[i].key) == 0 && a[i].count == b[i].count &&
                   ((!a[i].label && !b[i].label) ||
                    (a[i].label && b[i].label && strcmp(a[i].label, b[i].label) == 0));
        if (!same)
            diag("%s", err.msg);
        ok(same, "topic counts of '%s' (%zu hits): %zu topics, first %s %lld",
           facet_queries[qi], frs ? result_set_count(frs) : 0, na, na ? a[0].key : "-",
           na ? (long long)a[0].count : 0LL);
        facets_free(a, na);
        facets_free(b, nb);
        result_set_free(&frs);
        query_free(&fq);
    }

    /* date order: the index walk (many hits) and SQL's sort (few) agree
     * with ORDER BY published DESC, id DESC, undated last */
    sqlite3_exec(s->db,
                 "UPDATE documents SET published = CASE WHEN id % 10 = 0 THEN NULL"
                 " ELSE date('2015-01-01', '+' || (id * 7919 % 3000) || ' days') END",
                 NULL, NULL, NULL);
    const char *date_queries[] = {"tariff", "zebrafish", "steel -talks", "title:beef OR quota"};
    for (size_t qi = 0; qi < sizeof date_queries / sizeof date_queries[0]; qi++) {
        struct query *dq = NULL;
        struct result_set *drs = NULL;
        query_parse(date_queries[qi], &dq, &err);
        char *sql = xasprintf("SELECT id FROM (%s) JOIN documents USING (id)"
                              " ORDER BY published DESC, id DESC",
                              query_sql_unranked(dq));
        sqlite3_stmt *st = NULL;
        int prc = store_prepare_query(s, sql, dq, &st, &err);
        free(sql);
        size_t n = 0, same = 0;
        bool searched = prc == 0 && store_search(s, dq, SORT_DATE, &drs, &err) == 0;
        while (searched && sqlite3_step(st) == SQLITE_ROW) {
            struct result_row row;
            if (result_set_fetch(drs, n, 1, &row, &err) == 1) {
                same += row.id == sqlite3_column_int64(st, 0);
                result_row_clear(&row);
            }
            n++;
        }
        sqlite3_finalize(st);
        ok(searched && n > 0 && same == n && result_set_count(drs) == n,
           "date order of '%s': %zu of %zu in place", date_queries[qi], same, n);
        result_set_free(&drs);
        query_free(&dq);
    }

    /* SORT_NONE: the same hits in no particular order (counts, sets) */
    for (size_t qi = 0; qi < sizeof date_queries / sizeof date_queries[0]; qi++) {
        struct query *nq = NULL;
        struct result_set *a = NULL, *b = NULL;
        query_parse(date_queries[qi], &nq, &err);
        bool same = store_search(s, nq, SORT_NONE, &a, &err) == 0 &&
                    store_search(s, nq, SORT_DATE, &b, &err) == 0 &&
                    result_set_count(a) == result_set_count(b) && result_set_count(a) > 0;
        for (size_t i = 0; same && i < result_set_count(b); i++) {
            struct result_row row;
            same = result_set_fetch(b, i, 1, &row, &err) == 1 && result_set_find(a, row.id) >= 0;
            result_row_clear(&row);
        }
        ok(same, "unordered search of '%s': the same %zu hits", date_queries[qi],
           result_set_count(a));
        result_set_free(&a);
        result_set_free(&b);
        query_free(&nq);
    }

    /* a long read can be stopped (the browser's idle work when a key comes) */
    {
        static const char *const longread =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)"
            " SELECT count(*) FROM c";
        int calls = 0;
        store_set_interrupt(s, always_stop, &calls);
        is_int(sqlite3_exec(s->db, longread, NULL, NULL, NULL), SQLITE_INTERRUPT,
               "a long statement is stopped by the check");
        ok(calls == 1, "after one call of it (%d)", calls);
        ok(store_set_interrupt(s, NULL, NULL), "store_set_interrupt says it stopped one");
        is_int(sqlite3_exec(s->db, longread, NULL, NULL, NULL), SQLITE_OK,
               "with the check off the statement runs to the end");
        ok(!store_set_interrupt(s, NULL, NULL), "and nothing was stopped since");
    }

    /* a search the check stops says so with its own status, not an error
     * (the browser's Esc / Ctrl-C: "search cancelled") */
    {
        struct query *sq = NULL;
        struct result_set *srs = NULL;
        ok(query_parse("tariff OR trade*", &sq, &err) == 0, "parse: %s", err.msg);
        int calls = 0;
        s->interrupt_ops = 100; /* check often: any search is long enough */
        store_set_interrupt(s, never_stop, &calls);
        is_int(store_search(s, sq, SORT_RANK, &srs, &err), 0,
               "a check that never stops lets the search finish");
        ok(calls > 0 && result_set_count(srs) > 0, "after %d checks, with %zu hits", calls,
           result_set_count(srs));
        result_set_free(&srs);
        calls = 0;
        store_set_interrupt(s, always_stop, &calls);
        int src = store_search(s, sq, SORT_RANK, &srs, &err);
        is_int(src, STORE_STOPPED, "a check that stops it: STORE_STOPPED, not -1");
        ok(srs == NULL && calls == 1 && strcmp(err.msg, "search stopped") == 0,
           "no result set, one check, \"%s\"", err.msg);
        ok(store_set_interrupt(s, NULL, NULL), "store_set_interrupt saw the stop");
        is_int(store_search(s, sq, SORT_DATE, &srs, &err), 0, "with the check off it runs again");
        result_set_free(&srs);
        struct query *few = NULL;
        ok(query_parse("\"rare earth\" solar", &few, &err) == 0, "parse: %s", err.msg);
        s->interrupt_ops = 0;
        store_set_interrupt(s, always_stop, &calls);
        is_int(store_search(s, few, SORT_DATE, &srs, &err), 0,
               "a short search is not stopped at the default period");
        result_set_free(&srs);
        store_set_interrupt(s, NULL, NULL);
        query_free(&few);

        /* the watch runs on another thread and reaches a statement wherever
         * it is: here the statement waits (in its progress check) until the
         * watch has said stop once, so the stop lands inside it */
        watch_said = 0;
        s->interrupt_ops = 100;
        store_set_interrupt(s, wait_for_watch, NULL);
        store_set_search_watch(s, watch_stop, NULL);
        src = store_search(s, sq, SORT_RANK, &srs, &err);
        is_int(src, STORE_STOPPED, "the watch stops a running search: STORE_STOPPED");
        ok(srs == NULL && strcmp(err.msg, "search stopped") == 0, "\"%s\"", err.msg);
        store_set_search_watch(s, watch_never, NULL);
        is_int(store_search(s, sq, SORT_RANK, &srs, &err), 0,
               "a watch that never says stop lets it finish");
        result_set_free(&srs);
        store_set_search_watch(s, NULL, NULL);
        store_set_interrupt(s, NULL, NULL);
        s->interrupt_ops = 0;
        query_free(&sq);
    }

    /* with the statistics tables current, every document's counts come
     * from their totals: still the same numbers */
    {
        ok(corpus_refresh(s, true, &err) == 0 && corpus_derived_current(s, &err) == 1,
           "statistics tables built and current");
        struct query *aq = NULL;
        struct result_set *ars = NULL;
        struct facet *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        bool same = query_parse("", &aq, &err) == 0 &&
                    store_search(s, aq, SORT_DATE, &ars, &err) == 0 &&
                    result_set_topic_counts(ars, 0, &a, &na, &err) == 0 &&
                    store_facets(s, aq, FACET_TOPIC, 0, &b, &nb, &err) == 0 && na == nb && na > 0;
        for (size_t i = 0; same && i < na; i++)
            same = strcmp(a[i].key, b[i].key) == 0 && a[i].count == b[i].count;
        ok(same, "all documents' topic counts from the statistics tables: %zu topics", na);
        facets_free(a, na);
        facets_free(b, nb);
        result_set_free(&ars);
        query_free(&aq);
    }

    /* a rolled-back batch leaves doc_lengths as it was */
    long before = count_sql(s, "SELECT count(*) FROM doc_lengths");
    ok(store_begin(s, &err) == 0, "begin a batch to roll back");
    int64_t gone = 0;
    for (int i = 0; i < 4200; i++)
        gone = insert_doc(s, 3, 5);
    store_rollback(s);
    ok(count_sql(s, "SELECT count(*) FROM doc_lengths") == before,
       "rollback: no chunk written for the ids up to %lld that were never committed",
       (long long)gone);

    /* stale or missing chunks only cost time: ranks stay exact */
    sqlite3_exec(s->db, "DELETE FROM doc_lengths WHERE chunk = 0", NULL, NULL, NULL);
    check_all_queries(s, "chunk 0 missing");
    sqlite3_exec(s->db, "UPDATE doc_lengths SET lens = x'0102' WHERE chunk = 1", NULL, NULL, NULL);
    check_all_queries(s, "chunk 1 truncated");
    store_close(&s);

    /* migration 5 rebuilds doc_lengths from FTS5's docsize */
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    is_int(sqlite3_exec(db, "DROP TABLE doc_lengths; PRAGMA user_version = 4", NULL, NULL, NULL),
           SQLITE_OK, "downgrade to schema 4");
    sqlite3_close(db);
    ok(store_open(path, STORE_READONLY, &s, &err) == 0, "schema 4 opens (read-only): %s",
       err.msg);
    is_int(count_sql(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "upgraded on open");
    is_int(count_sql(s, "SELECT count(*) FROM doc_lengths"), 2, "migration rebuilt both chunks");
    is_int(stored_length(s, small), 14, "rebuilt length of a small document");
    is_int(stored_length(s, big), 0xffff, "rebuilt length of the long document");
    check_all_queries(s, "after migration 5");

    /* the search API orders its hits lazily: a position asked for in the
     * unordered tail, then every window, agree with SQL's full ORDER BY */
    for (int pass = 0; pass < 2; pass++) {
        const char *text = pass ? "steel OR oil" : "tariff";
        int64_t *want = NULL;
        size_t nwant = 0;
        sqlite3_stmt *st = NULL;
        sqlite3_prepare_v2(s->db,
                           "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1"
                           " ORDER BY dossier_rank(docs_fts, 10.0, 1.0), rowid",
                           -1, &st, NULL);
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            want = xrealloc(want, (nwant + 1) * sizeof *want);
            want[nwant++] = sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
        struct query *lq = NULL;
        struct result_set *lrs = NULL;
        query_parse(text, &lq, &err);
        ok(nwant > 1000 && store_search(s, lq, SORT_RANK, &lrs, &err) == 0 &&
               result_set_count(lrs) == nwant,
           "%s: %zu hits", text, nwant);
        size_t probe = nwant - 5;
        is_int(lrs ? result_set_find(lrs, want[probe]) : -2, (long)probe,
               "a hit near the end is found at its place before anything was fetched");
        size_t same = 0, pos = 0;
        while (lrs && pos < nwant) {
            struct result_row win[7];
            int got = result_set_fetch(lrs, pos, 7, win, &err);
            if (got <= 0)
                break;
            for (int i = 0; i < got; i++) {
                same += win[i].id == want[pos + (size_t)i];
                result_row_clear(&win[i]);
            }
            pos += (size_t)got;
        }
        is_int((long)same, (long)nwant, "every window in SQL's order");
        result_set_free(&lrs);
        query_free(&lq);
        free(want);
    }

    /* the search API ranks with it: best hit first, ranks ascending */
    struct query *q = NULL;
    struct result_set *rs = NULL;
    ok(query_parse("tariff trade", &q, &err) == 0 &&
           store_search(s, q, SORT_RANK, &rs, &err) == 0,
       "ranked search");
    struct result_row rows[20];
    int n = rs ? result_set_fetch(rs, 0, 20, rows, &err) : 0;
    bool ascending = n == 20;
    for (int i = 1; i < n; i++)
        ascending = ascending && rows[i - 1].rank <= rows[i].rank;
    ok(ascending && rows[0].rank < 0, "results in rank order (%d rows)", n);
    for (int i = 0; i < n; i++)
        result_row_clear(&rows[i]);
    result_set_free(&rs);
    query_free(&q);
    store_close(&s);

    unlink(path);
    char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(path);
    return done_testing();
}
