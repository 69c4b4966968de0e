/*
 * test_topic_rows.c — a document's topics kept by topic number (schema 24,
 * issue 16): the writer numbers each slug once, readers see the rows as
 * before through the view doc_topics, topic: filters find the same
 * documents by index, and an index of schema 23 (slugs in doc_topics, as
 * main wrote it before) upgrades in place to the same answers, also after
 * an upgrade killed half way.
 */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "store/lib.h"
#include "query_ids.h"
#include "tap.h"
#include "tmpdir.h"

enum { NDOCS = 60 };

static const char *const slugs[] = {"economy", "economy/trade", "politics", "energy",
                                    "health"};
#define NSLUGS (sizeof slugs / sizeof slugs[0])

/* Document i's topics: two or three of slugs, with scores and spans. */
static void
topics_of(int i, struct extraction *x, struct topic_score *t, struct span *sp)
{
    memset(x, 0, sizeof *x);
    size_t n = 2 + (size_t)(i % 2);
    for (size_t k = 0; k < n; k++) {
        t[k].slug = (char *)(uintptr_t)slugs[((size_t)i + k * 2) % NSLUGS];
        t[k].score = 1.5 * (double)(i % 7) + (double)k;
        sp[k] = (struct span){(uint32_t)(k * 10), (uint32_t)(k * 10 + 5)};
        t[k].spans = &sp[k];
        t[k].nspans = 1;
    }
    x->topics = t;
    x->ntopics = n;
}

static int
add_docs(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    int n = 0;
    for (int i = 0; i < NDOCS; i++) {
        char *body = xasprintf("Report %d on the harbour accounts and the budget.", i);
        struct article a;
        memset(&a, 0, sizeof a);
        a.title = (char *)(uintptr_t)"Harbour notes";
        a.body = a.raw = body;
        a.words = 9;
        int64_t id;
        struct extraction x;
        struct topic_score t[3];
        struct span sp[3];
        topics_of(i, &x, t, sp);
        n += store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) == 0 &&
             store_put_extraction_new(s, id, &x, &err) == 0;
        free(body);
    }
    return n;
}

static int64_t
one_int(struct store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Every document's topics as store_get_extraction reads them, one line
 * each ("slug score start-end;..."), into out (caller frees). */
static char *
topics_text(struct store *s)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    for (int64_t id = 1; id <= NDOCS; id++) {
        struct extraction x;
        if (store_get_extraction(s, id, &x, &err) != 0) {
            buf_printf(&b, "%lld: %s\n", (long long)id, err.msg);
            continue;
        }
        buf_printf(&b, "%lld:", (long long)id);
        for (size_t k = 0; k < x.ntopics; k++)
            buf_printf(&b, " %s %.3f %u-%u", x.topics[k].slug, x.topics[k].score,
                       x.topics[k].nspans ? x.topics[k].spans[0].start : 0,
                       x.topics[k].nspans ? x.topics[k].spans[0].end : 0);
        buf_putc(&b, '\n');
        extraction_clear(&x);
    }
    return buf_steal(&b);
}

/* Schema 23 as main wrote it: the rows with their slugs in the table
 * doc_topics and its slug index, no numbers. */
static const char downgrade_23[] =
    "BEGIN;"
    "CREATE TABLE old_rows AS SELECT doc_id, slug, score, spans FROM doc_topics;"
    "DROP VIEW doc_topics;"
    "CREATE TABLE doc_topics(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " slug TEXT NOT NULL, score REAL, spans TEXT, PRIMARY KEY(doc_id, slug)) WITHOUT ROWID;"
    "CREATE INDEX doc_topics_slug ON doc_topics(slug, doc_id);"
    "INSERT INTO doc_topics SELECT * FROM old_rows; DROP TABLE old_rows;"
    "DROP TABLE doc_topic_rows; DROP TABLE topic_ids;"
    "PRAGMA user_version = 23;"
    "COMMIT;";

/* An upgrade that dies before its COMMIT: the child opens the file alone,
 * moves half of the work (the numbers, the rows, the old table dropped)
 * and exits without committing. 0 when the child ran. */
static int
killed_upgrade(const char *path)
{
    return killed_upgrade_run(path,
                              "BEGIN IMMEDIATE;"
                              "CREATE TABLE topic_ids(id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE);"
                              "INSERT INTO topic_ids(slug) SELECT DISTINCT slug FROM doc_topics;"
                              "DROP TABLE doc_topics;");
}

/* The file at path, downgraded to 23, opens at 24 with the same topics
 * and the same documents found; *before and the queries' answers are
 * what today's schema gave. */
static void
check_upgrade(const char *path, const char *label, const char *before, char **q_before,
              const char *const *queries, size_t nq, bool kill_first)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "%s: open: %s", label, err.msg);
    ok(store_exec(s, downgrade_23, "downgrading", &err) == 0, "%s: made schema 23: %s", label,
       err.msg);
    ok(one_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                  " AND name = 'doc_topics'") == 1,
       "%s: doc_topics a table again", label);
    store_close(&s);
    if (kill_first) {
        ok(killed_upgrade(path) == 0, "%s: an upgrade killed before its COMMIT", label);
    }
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens: %s", label, err.msg);
    ok(one_int(s, "PRAGMA user_version") == STORE_SCHEMA_VERSION, "%s: upgraded", label);
    ok(one_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'"
                  " AND name = 'doc_topics'") == 1,
       "%s: doc_topics is the view", label);
    ok(one_int(s, "SELECT count(*) FROM topic_ids") == (int64_t)NSLUGS,
       "%s: each slug numbered once", label);
    char *after = topics_text(s);
    ok(strcmp(after, before) == 0, "%s: every document's topics read as before", label);
    free(after);
    for (size_t i = 0; i < nq; i++) {
        char *f = query_ids(s, queries[i], NDOCS);
        ok(strcmp(f, q_before[i]) == 0, "%s: %s finds the same documents (%s)", label,
           queries[i], f);
        free(f);
    }
    ok(one_int(s, "SELECT count(*) FROM pragma_integrity_check"
                  " WHERE integrity_check != 'ok'") == 0,
       "%s: integrity_check clean", label);
    store_close(&s);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (tmpdir_make("test_topic_rows") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "a fresh index: %s", err.msg);
    ok(store_begin(s, &err) == 0, "begin");
    is_int(add_docs(s), NDOCS, "documents with their topics");
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);

    is_int(one_int(s, "SELECT count(*) FROM topic_ids"), (int64_t)NSLUGS,
           "each slug numbered once");
    is_int(one_int(s, "SELECT count(*) FROM doc_topic_rows"),
           one_int(s, "SELECT count(*) FROM doc_topics"), "the view shows every row");
    is_int(one_int(s, "SELECT count(*) FROM doc_topics WHERE slug = 'economy/trade'"), 30,
           "by slug through the view");
    char *before = topics_text(s);
    ok(strstr(before, "1: politics 1.000 10-15 economy 0.000 0-5\n") == before,
       "the first document's topics, best first: %.40s", before);

    /* a topic filter reads the topic index, not every row */
    sqlite3_stmt *st = NULL;
    struct buf plan = BUF_INIT;
    sqlite3_prepare_v2(s->db,
                       "EXPLAIN QUERY PLAN SELECT id FROM documents d WHERE "
                       "d.id IN (SELECT doc_id FROM doc_topics WHERE slug = 'energy')",
                       -1, &st, NULL);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        buf_printf(&plan, "%s|", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    ok(strstr(buf_str(&plan), "doc_topic_rows_topic (topic=?)") != NULL,
       "topic:energy is an index lookup: %s", buf_str(&plan));
    buf_free(&plan);

    const char *queries[] = {"topic:energy", "topic:economy*", "topic:economy/trade harbour",
                             "-topic:health"};
    size_t nq = sizeof queries / sizeof queries[0];
    char *q_before[4];
    for (size_t i = 0; i < nq; i++) {
        q_before[i] = query_ids(s, queries[i], NDOCS);
        ok(strlen(q_before[i]) > 0 && strncmp(q_before[i], "error", 5) != 0, "%s finds %s",
           queries[i], q_before[i]);
    }
    /* a deleted document's rows go with it (ON DELETE CASCADE) */
    ok(store_begin(s, &err) == 0 &&
           store_exec(s, "DELETE FROM documents WHERE id = 1", "deleting", &err) == 0 &&
           store_commit(s, &err) == 0,
       "a document deleted");
    is_int(one_int(s, "SELECT count(*) FROM doc_topic_rows WHERE doc_id = 1"), 0,
           "its topic rows are gone");
    store_close(&s);
    /* put it back for the comparisons below: a fresh file */
    remove(path);
    ok(store_open(path, STORE_CREATE, &s, &err) == 0 && store_begin(s, &err) == 0 &&
           add_docs(s) == NDOCS && store_commit(s, &err) == 0,
       "the index made again");
    store_close(&s);

    check_upgrade(path, "schema 23", before, q_before, queries, nq, false);
    check_upgrade(path, "killed, then again", before, q_before, queries, nq, true);

    for (size_t i = 0; i < nq; i++)
        free(q_before[i]);
    free(before);
    free(path);
    tmpdir_remove();
    return done_testing();
}
