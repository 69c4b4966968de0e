/*
 * test_store.c — the index: opening and refusing files, documents and
 * files (dedupe, cascade on delete), searching with result sets, facets,
 * tags, extractions, keywords, snippets, hit spans and CJK search.
 */
#include "config.h"

#define _XOPEN_SOURCE 700 /* nftw */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "tap.h"
#include "tmpdir.h"

static struct article
make_article(const char *title, const char *source, const char *published, const char *body)
{
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t)title;
    a.source = (char *)(uintptr_t)source;
    a.published = (char *)(uintptr_t)published;
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.words = 10;
    a.date_how = published ? DATE_ISO_LINE : DATE_NONE;
    return a;
}

static int64_t
add_doc(struct store *s, const char *path, const char *title, const char *source,
        const char *published, const char *body)
{
    struct ds_error err;
    struct article a = make_article(title, source, published, body);
    int64_t id = 0;
    uint64_t h = ds_hash64(body, strlen(body));
    int64_t existing = store_doc_by_hash(s, h, &err);
    if (existing > 0) {
        id = existing;
    } else if (store_doc_insert(s, &a, h, &id, &err) != 0) {
        diag("insert failed: %s", err.msg);
        return -1;
    }
    struct file_state st = {100, 1000, id, 0};
    if (store_file_put(s, path, &st, &err) != 0) {
        diag("file_put failed: %s", err.msg);
        return -1;
    }
    return id;
}

/* Number of results for query text, or -1 (with a diagnostic). */
static long
count_hits(struct store *s, const char *text)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    if (query_parse(text, &q, &err) != 0) {
        diag("parse '%s': %s", text, err.msg);
        return -1;
    }
    if (store_search(s, q, SORT_RANK, &rs, &err) != 0) {
        diag("search '%s': %s", text, err.msg);
        query_free(&q);
        return -1;
    }
    long n = (long)result_set_count(rs);
    result_set_free(&rs);
    query_free(&q);
    return n;
}

/* ds_body(x) for a connection of our own: the text as stored (the bodies
 * written here are too short to be deflated, so they are stored as text). */
static void
body_as_stored(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_value(ctx, argv[0]);
}

/* An index of schema 8, whose full-text index holds Han text unfolded (as
 * unicode61 tokens, not folded bigrams), is rebuilt by migration 8 -> 9, so
 * a Simplified query finds the Traditional text afterwards. */
static void
test_fold_migration(void)
{
    struct store *s = NULL;
    struct ds_error err;
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    fts5_api *api = NULL;
    fts5_tokenizer tok;
    void *ud = NULL;
    char *path = tmp_path("unfolded.db");

    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create for the folding migration");
    add_doc(s, "/t/hk.txt", "港聞", "港報", "2025-04-12", "美國對華關稅再度上調。");
    store_close(&s);

    sqlite3_open(path, &db);
    sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    ok(api && api->xFindTokenizer(api, "unicode61", &ud, &tok) == SQLITE_OK &&
           api->xCreateTokenizer(api, "dossier", ud, &tok, NULL) == SQLITE_OK,
       "an old, unfolding tokenizer under the name 'dossier'");
    /* the full-text index reads the documents through ds_body() (schema 20) */
    sqlite3_create_function(db, "ds_body", 1, SQLITE_UTF8, NULL, body_as_stored, NULL, NULL);
    is_int(sqlite3_exec(db, "INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');"
                            " PRAGMA user_version = 9", NULL, NULL, NULL),
           SQLITE_OK, "the full-text index rebuilt unfolded, as schema 9");
    sqlite3_close(db);

    ok(store_open(path, 0, &s, &err) == 0, "the schema-9 index opens (migrates)");
    is_int(count_hits(s, "关税"), 1, "after migration 9 -> 10 a Simplified query finds it");
    is_int(count_hits(s, "關稅"), 1, "... and the Traditional query too");
    store_close(&s);
    free(path);
}

static void
test_open_refusals(void)
{
    struct store *s = NULL;
    struct ds_error err;

    char *nested = tmp_path("a/b/index.db");
    ok(store_open(nested, STORE_CREATE, &s, &err) == 0, "STORE_CREATE makes parent directories");
    store_close(&s);
    ok(s == NULL, "store_close clears the pointer");
    ok(store_open(nested, STORE_READONLY, &s, &err) == 0, "reopen read-only");
    store_close(&s);
    free(nested);

    char *missing = tmp_path("missing.db");
    ok(store_open(missing, STORE_READONLY, &s, &err) == -1 && s == NULL, "missing file refused");
    ok(strstr(err.msg, "no index at") != NULL, "missing file message: %s", err.msg);
    free(missing);

    char *text = tmp_path("notes.txt");
    FILE *f = fopen(text, "w");
    fputs("This is not a database at all, just some words in a file.\n", f);
    fclose(f);
    ok(store_open(text, 0, &s, &err) == -1, "text file refused");
    ok(strstr(err.msg, "is not a dossier index or is damaged") != NULL, "text file message: %s",
       err.msg);
    free(text);

    char *foreign = tmp_path("foreign.db");
    sqlite3 *db;
    sqlite3_open(foreign, &db);
    sqlite3_exec(db, "CREATE TABLE contacts(name TEXT)", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(store_open(foreign, STORE_CREATE, &s, &err) == -1, "other program's database refused");
    ok(strstr(err.msg, "another program") != NULL, "foreign message: %s", err.msg);
    sqlite3_open(foreign, &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 1, "foreign database left untouched");
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(foreign);

    char *newer = tmp_path("newer.db");
    ok(store_open(newer, STORE_CREATE, &s, &err) == 0, "create for the newer-schema test");
    store_close(&s);
    sqlite3_open(newer, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(store_open(newer, 0, &s, &err) == -1, "newer schema refused");
    ok(strstr(err.msg, "was written by a newer dossier (schema 99, this one knows ") != NULL,
       "newer schema message: %s", err.msg);
    free(newer);

    /* a schema-1 index is migrated on open */
    char *old = tmp_path("v1.db");
    ok(store_open(old, STORE_CREATE, &s, &err) == 0, "create for the migration test");
    store_close(&s);
    sqlite3_open(old, &db);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    int current = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    /* the figures table of schema 1 (a view over figure_rows since 26) */
    is_int(sqlite3_exec(db,
                        "DROP VIEW figures; DROP TABLE figure_rows; DROP TABLE fig_words;"
                        "CREATE TABLE figures(id INTEGER PRIMARY KEY,"
                        " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                        " \"start\" INTEGER, \"end\" INTEGER, sent_start INTEGER,"
                        " sent_end INTEGER, text TEXT, value REAL, unit TEXT, scale TEXT,"
                        " kind TEXT, direction TEXT, period TEXT, subject TEXT);"
                        "CREATE INDEX figures_doc ON figures(doc_id);"
                        "CREATE INDEX figures_value ON figures(value);"
                        "DROP INDEX documents_words;"
                        " CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
                        " INSERT INTO docs_fts(rowid, title, body)"
                        " VALUES (new.id, new.title, new.body); END;"
                        " DROP TABLE doc_lengths;"
                        " PRAGMA user_version = 1",
                        NULL, NULL, NULL),
           SQLITE_OK, "downgrade to schema 1");
    sqlite3_close(db);
    ok(store_open(old, 0, &s, &err) == 0, "schema 1 opens: %s", err.msg);
    store_close(&s);
    sqlite3_open(old, &db);
    sqlite3_prepare_v2(db,
                       "SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'approx'",
                       -1, &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 1, "migrations 1 -> 3 added figures.approx");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'doc_urls'", -1, &st,
                       NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 1, "migration 7 -> 8 added doc_urls");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), current, "user_version is the current one after migrating");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents_words'", -1,
                       &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 1, "migration 2 -> 3 added documents_words");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'documents_ai'", -1,
                       &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 0, "migration 3 -> 4 dropped the insert trigger");
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* an older index opened for reading (dossier search after an upgrade of
     * dossier) is upgraded through a writable connection, then opened */
    sqlite3_open(old, &db);
    sqlite3_exec(db, "DROP TABLE doc_lengths; PRAGMA user_version = 3", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(store_open(old, STORE_READONLY, &s, &err) == 0, "older index opens read-only: %s",
       err.msg);
    store_close(&s);
    sqlite3_open(old, &db);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), current, "and was upgraded on the way");
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(old);

    /* another writer holds the lock: busy after the timeout, said in words */
    char *busy = tmp_path("busy.db");
    ok(store_open(busy, STORE_CREATE, &s, &err) == 0, "create for the busy test");
    sqlite3_open(busy, &db);
    is_int(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "other writer locks");
    double t0 = ds_now();
    ok(store_begin(s, &err) == -1, "second writer cannot begin");
    ok(ds_now() - t0 > 4.0, "waited for the busy timeout");
    ok(strstr(err.msg, "the index is busy (another dossier is writing); try again") != NULL,
       "busy message: %s", err.msg);
    ok(store_failed_busy(s), "the failure was the other writer's lock");
    ok(store_writer_active(s), "another writer is seen at once");
    store_set_busy_wait(s, 0);
    t0 = ds_now();
    ok(store_meta_set(s, "k", "v", &err) == -1 && store_failed_busy(s),
       "with no wait a write fails as busy");
    ok(ds_now() - t0 < 1.0, "at once (%.3f s)", ds_now() - t0);
    store_set_busy_wait(s, STORE_BUSY_WAIT_MS);
    ok(store_tag_add(s, 987654, "bookmark", &err) == -1 && !store_failed_busy(s),
       "a failure of another kind is not busy: %s", err.msg);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    ok(!store_writer_active(s), "no writer once the lock is gone");
    sqlite3_close(db);
    ok(store_begin(s, &err) == 0, "begin once the lock is gone");
    store_rollback(s);
    store_close(&s);
    free(busy);

    ok(store_open(tmpdir, STORE_CREATE, &s, &err) == -1 && strstr(err.msg, "is a directory"),
       "a directory is refused: %s", err.msg);

    char *ro = tmp_path("ro.db");
    ok(store_open(ro, STORE_CREATE, &s, &err) == 0, "create for the read-only test");
    store_close(&s);
    ok(store_open(ro, STORE_READONLY, &s, &err) == 0, "open read-only");
    ok(store_meta_set(s, "k", "v", &err) == -1, "write on read-only store fails");
    ok(strstr(err.msg, "read-only") != NULL && strstr(err.msg, "SQL") == NULL,
       "read-only message is human: %s", err.msg);
    store_close(&s);
    free(ro);
}

/* The last schema that stored the raw text whole, as text: migration 7 packs it. */
#define RAW_TEXT_SCHEMA 6

static const char *const raw_texts[] = {
    "Share this article\nTariff talks resume\n\nMinisters met on Tuesday.\nPrint\n",
    "Ministers met on Tuesday.",
    "Caf\xc3\xa9 owners protest\r\n\r\nThe levy starts in May.\n\n\nAdvertisement",
};
static const char *const raw_bodies[] = {
    "Tariff talks resume\n\nMinisters met on Tuesday.",
    "Ministers met on Tuesday.",
    "The levy starts in May.",
};

/* Raw text stored packed, read back byte for byte; an index that kept it
 * whole (schema 6 and before) is packed by migration 7. */
static void
test_raw_storage(void)
{
    struct ds_error err;
    struct store *s = NULL;
    sqlite3 *db;
    sqlite3_stmt *st;
    int64_t ids[3];
    char *path = tmp_path("raw.db");
    ds_error_clear(&err);

    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create for the raw text test");
    store_begin(s, &err);
    for (int i = 0; i < 3; i++) {
        struct article a = make_article(NULL, NULL, NULL, raw_bodies[i]);
        a.raw = (char *)(uintptr_t)raw_texts[i];
        ok(store_doc_insert(s, &a, 77 + (uint64_t)i, &ids[i], &err) == 0, "insert %d: %s", i,
           err.msg);
    }
    ok(store_commit(s, &err) == 0, "commit");
    for (int i = 0; i < 3; i++) {
        struct doc_record r;
        ok(store_doc_get(s, ids[i], &r, &err) == 0 && strcmp(r.a.raw, raw_texts[i]) == 0 &&
               strcmp(r.a.body, raw_bodies[i]) == 0,
           "raw text %d read back as written", i);
        doc_record_clear(&r);
    }
    store_close(&s);

    /* Make it the older schema: raw as text, FTS5 settings as they were. */
    sqlite3_open(path, &db);
    sqlite3_prepare_v2(db, "SELECT count(*), sum(length(raw) < 8) FROM documents"
                           " WHERE typeof(raw) = 'blob'", -1, &st, NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 3, "raw stored packed");
    is_int(sqlite3_column_int(st, 1), 1, "a raw text equal to the body costs a few bytes");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "UPDATE documents SET raw = ?2 WHERE id = ?1", -1, &st, NULL);
    for (int i = 0; i < 3; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        sqlite3_bind_text(st, 2, raw_texts[i], -1, SQLITE_STATIC);
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    char sql[160];
    snprintf(sql, sizeof sql, "DELETE FROM docs_fts_config WHERE k = 'hashsize';"
                              " PRAGMA user_version = %d", RAW_TEXT_SCHEMA);
    is_int(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "downgrade to raw text");
    sqlite3_close(db);

    ok(store_open(path, STORE_READONLY, &s, &err) == 0, "the older index opens: %s", err.msg);
    for (int i = 0; i < 3; i++) {
        struct doc_record r;
        ok(store_doc_get(s, ids[i], &r, &err) == 0 && strcmp(r.a.raw, raw_texts[i]) == 0,
           "raw text %d the same after the migration", i);
        doc_record_clear(&r);
    }
    store_close(&s);
    sqlite3_open(path, &db);
    sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM documents WHERE typeof(raw) = 'blob'),"
                           " (SELECT v FROM docs_fts_config WHERE k = 'hashsize')", -1, &st,
                       NULL);
    sqlite3_step(st);
    is_int(sqlite3_column_int(st, 0), 3, "the migration packed every raw text");
    is_int(sqlite3_column_int(st, 1), 67108864, "and set FTS5's pending-terms limit");
    sqlite3_finalize(st);
    /* text in the column (an older writer) is still read as it is; a
     * damaged pack is an error, not a wrong text */
    sqlite3_exec(db, "UPDATE documents SET raw = 'as it was' WHERE id = 1;"
                     " UPDATE documents SET raw = X'0163050f' WHERE id = 2", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(store_open(path, 0, &s, &err) == 0, "reopen");
    struct doc_record r;
    ok(store_doc_get(s, ids[0], &r, &err) == 0 && strcmp(r.a.raw, "as it was") == 0,
       "raw stored as text is read as text");
    doc_record_clear(&r);
    ok(store_doc_get(s, ids[1], &r, &err) == -1 && strstr(err.msg, "damaged"),
       "a damaged pack is reported: %s", err.msg);
    store_close(&s);
    free(path);
}

/* store_file_each: keep the first row's id and stop. */
static int
first_id(const char *path, int64_t file_id, void *ud)
{
    (void)path;
    *(int64_t *)ud = file_id;
    return 1;
}

static void
test_documents(struct store *s)
{
    struct ds_error err;
    int64_t a = add_doc(s, "/c/a.txt", "China and US agree on tariffs", "Xinhua", "2021-05-17",
                        "Beijing agreed to cut tariffs on soybeans. Talks continue next week.");
    int64_t b = add_doc(s, "/c/b.txt", NULL, "Global Times", "2022-01-13",
                        "The ministry urged Washington to improve trade ties.\n\nMore text.");
    int64_t b2 = add_doc(s, "/c/copy-of-b.txt", NULL, "Global Times", "2022-01-13",
                         "The ministry urged Washington to improve trade ties.\n\nMore text.");
    int64_t c = add_doc(s, "/c/c.txt", "RCEP enters into force", "Nikkei", NULL,
                        "The Regional Comprehensive Economic Partnership took effect for ten "
                        "members, lowering tariffs across Asia.");
    int64_t d = add_doc(s, "/c/zh.txt", "商务部", "人民网", "2020-03-01",
                        "商务部部长王文涛表示，将继续推动关税减让。");
    ok(a > 0 && b > 0 && c > 0 && d > 0, "documents inserted");
    is_int(b2, b, "identical content dedupes to one document");

    struct doc_record r;
    is_int(store_doc_get(s, b, &r, &err), 0, "doc_get finds b");
    is_str(r.lead, "The ministry urged Washington to improve trade ties.", "lead = first sentence");
    is_int(r.nfiles, 2, "two files hold b");
    is_str(r.path, "/c/b.txt", "first path");
    is_str(r.a.source, "Global Times", "source round-trips");
    ok(r.a.title == NULL, "NULL title stays NULL");
    is_int(r.a.date_how, DATE_ISO_LINE, "date_how round-trips");
    doc_record_clear(&r);
    is_int(store_doc_get(s, 9999, &r, &err), 1, "doc_get of a missing id returns 1");

    int64_t id = 0;
    is_int(store_doc_resolve(s, "/c/copy-of-b.txt", &id, &err), 0, "resolve by path");
    is_int(id, b, "resolved id");
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)c);
    is_int(store_doc_resolve(s, num, &id, &err), 0, "resolve by id");
    is_int(id, c, "resolved id by number");
    is_int(store_doc_resolve(s, "no/such/file.txt", &id, &err), 1, "unknown path gives 1");

    struct file_state fs;
    is_int(store_file_get(s, "/c/a.txt", &fs, &err), 0, "file_get finds a");
    is_int(fs.doc_id, a, "file_get doc id");
    is_int(store_file_get(s, "/c/zzz.txt", &fs, &err), 1, "file_get of unknown path gives 1");
    is_int(store_file_get(s, "/c/a.txt", &fs, &err), 0, "file_get finds a again");
    ok(fs.file_id > 0, "file_get gives the file's row");
    is_int(store_file_id(s, "/c/a.txt", &err), fs.file_id, "file_id gives the same row");
    is_int(store_file_id(s, "/c/zzz.txt", &err), 0, "file_id of an unknown path is 0");
    int64_t each_id = 0;
    store_file_each(s, "/c/a.txt", first_id, &each_id, &err);
    is_int(each_id, fs.file_id, "file_each passes the same row");

    /* long lead gets cut */
    char body[600];
    memset(body, 0, sizeof body);
    for (int i = 0; i < 60; i++)
        strcat(body, "word ");
    int64_t e = add_doc(s, "/c/long.txt", NULL, NULL, NULL, body);
    is_int(store_doc_get(s, e, &r, &err), 0, "long doc read");
    ok(r.lead && strlen(r.lead) <= 200 && ds_str_ends_with(r.lead, "…"), "long lead cut: %zu",
       r.lead ? strlen(r.lead) : 0);
    doc_record_clear(&r);

    struct store_stats st;
    is_int(store_stats(s, &st, &err), 0, "stats");
    is_int(st.documents, 5, "stats documents");
    is_int(st.files, 6, "stats files");
    is_int(st.duplicates, 1, "stats duplicates");
    is_int(st.outlets, 4, "stats outlets");
    is_str(st.first_date, "2020-03-01", "stats first date");
    is_str(st.last_date, "2022-01-13", "stats last date");
    store_stats_clear(&st);
}

static void
test_search(struct store *s)
{
    struct ds_error err;
    is_int(count_hits(s, ""), 5, "empty query selects all");
    is_int(count_hits(s, "tariffs"), 2, "word");
    is_int(count_hits(s, "tariff"), 2, "stem matches plural");
    is_int(count_hits(s, "王文涛"), 1, "CJK name inside a longer Han run");
    is_int(count_hits(s, "关税"), 1, "two-character CJK word");
    is_int(count_hits(s, "部长王文涛表示"), 1, "long CJK phrase");
    is_int(count_hits(s, "王涛"), 0, "non-adjacent CJK characters do not match");
    is_int(count_hits(s, "让"), 1, "single CJK character at the end of a run");
    is_int(count_hits(s, "税"), 1, "single CJK character inside a run");
    is_int(count_hits(s, "王"), 1, "single CJK character matches as a bigram prefix");
    is_int(count_hits(s, "source:xinhua"), 1, "source: case-insensitive");
    is_int(count_hits(s, "-tariffs"), 3, "pure negative");

    struct query *q;
    struct result_set *rs;
    query_parse("tariffs", &q, &err);
    ok(store_search(s, q, SORT_RANK, &rs, &err) == 0, "rank search");
    struct result_row rows[10];
    int n = result_set_fetch(rs, 0, 10, rows, &err);
    is_int(n, 2, "fetch clips to count");
    ok(n > 0 && rows[0].has_title && strstr(rows[0].title, "tariffs") != NULL,
       "title match ranks first (title weighted): %s", n > 0 ? rows[0].title : "");
    ok(n > 0 && rows[0].rank < 0, "bm25 rank returned");
    for (int i = 0; i < n; i++)
        result_row_clear(&rows[i]);
    char *snip = store_snippet(s, q, result_set_count(rs) ? 1 : 0, "[", "]", 8);
    ok(snip && strstr(snip, "[tariffs]") != NULL, "snippet marks the hit: %s", snip ? snip : "");
    free(snip);

    struct span *sp;
    size_t nsp;
    ok(store_hit_spans(s, q, 1, &sp, &nsp, &err) == 0, "hit spans");
    is_int(nsp, 1, "one hit in body");
    struct doc_record r;
    store_doc_get(s, 1, &r, &err);
    ok(nsp == 1 && strncmp(r.a.body + sp[0].start, "tariffs", sp[0].end - sp[0].start) == 0,
       "hit span covers the word");
    doc_record_clear(&r);
    free(sp);
    result_set_free(&rs);
    query_free(&q);

    query_parse("soy*", &q, &err);
    ok(store_hit_spans(s, q, 1, &sp, &nsp, &err) == 0 && nsp == 1, "prefix hit (unstemmed prefix)");
    free(sp);
    query_free(&q);
    query_parse("Agree*", &q, &err);
    ok(store_hit_spans(s, q, 1, &sp, &nsp, &err) == 0 && nsp == 1, "prefix hit (stemmed prefix)");
    free(sp);
    query_free(&q);

    query_parse("王文涛", &q, &err);
    ok(store_hit_spans(s, q, 4, &sp, &nsp, &err) == 0, "CJK hit spans");
    ok(nsp == 1 && sp[0].end - sp[0].start == 9, "CJK bigram hits merge into one span");
    free(sp);
    query_free(&q);

    query_parse("", &q, &err);
    ok(store_search(s, q, SORT_DATE, &rs, &err) == 0, "date search");
    n = result_set_fetch(rs, 0, 10, rows, &err);
    is_int(n, 5, "all rows");
    ok(n == 5 && strcmp(rows[0].published, "2022-01-13") == 0, "newest first");
    ok(n == 5 && rows[4].published == NULL && rows[3].published == NULL, "undated last");
    ok(n == 5 && !rows[0].has_title && rows[0].title != NULL, "untitled row shows its lead");
    is_int(result_set_find(rs, rows[2].id), 2, "find position");
    is_int(result_set_find(rs, 424242), -1, "find missing");
    for (int i = 0; i < n; i++)
        result_row_clear(&rows[i]);
    is_int(result_set_fetch(rs, 3, 10, rows, &err), 2, "window at the end");
    result_row_clear(&rows[0]);
    result_row_clear(&rows[1]);
    is_int(result_set_fetch(rs, 50, 10, rows, &err), 0, "window past the end");
    result_set_free(&rs);
    query_free(&q);
}

static void
test_tags_meta(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    is_int(store_tag_add(s, 1, "read-later", &err), 0, "tag add");
    is_int(store_tag_add(s, 1, "read-later", &err), 0, "tag add twice is fine");
    is_int(store_tag_has(s, 1, "read-later", &err), 1, "tag has");
    is_int(count_hits(s, "tag:read-later"), 1, "tag: query");
    is_int(store_tag_remove(s, 1, "read-later", &err), 0, "tag remove");
    is_int(store_tag_has(s, 1, "read-later", &err), 0, "tag gone");
    is_int(store_tag_add(s, 777, "x", &err), -1, "tag on missing doc fails");

    is_int(store_meta_set(s, "rules_hash", "abc", &err), 0, "meta set");
    char *v = store_meta_get(s, "rules_hash");
    is_str(v, "abc", "meta get");
    free(v);
    ok(store_meta_get(s, "nope") == NULL, "meta missing is NULL");

    uint64_t h[] = {1, 2, 3};
    store_linefreq_add(s, h, 3, &err);
    store_linefreq_add(s, h, 2, &err);
    uint64_t *out;
    size_t n;
    is_int(store_linefreq_frequent(s, 2, &out, &n, &err), 0, "linefreq frequent");
    is_int(n, 2, "two lines in >= 2 docs");
    free(out);

    /* Inside a transaction the counts wait for COMMIT (and a rollback
     * drops them), but a read in the transaction sees them. Hash 0 is a
     * hash like any other. */
    uint64_t h2[] = {0, 3, 9};
    ok(store_begin(s, &err) == 0, "begin");
    store_linefreq_add(s, h2, 3, &err);
    store_linefreq_add(s, h2, 2, &err);
    store_rollback(s);
    is_int(store_linefreq_frequent(s, 2, &out, &n, &err), 0, "linefreq after rollback");
    is_int(n, 2, "rolled-back counts are gone");
    free(out);
    ok(store_begin(s, &err) == 0, "begin");
    store_linefreq_add(s, h2, 3, &err);
    store_linefreq_add(s, h2, 2, &err);
    is_int(store_linefreq_frequent(s, 2, &out, &n, &err), 0, "linefreq inside a transaction");
    is_int(n, 4, "pending counts are seen: 1, 2, 0 and 3 (twice each)");
    free(out);
    store_linefreq_add(s, h2, 1, &err);
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    is_int(store_linefreq_frequent(s, 3, &out, &n, &err), 0, "linefreq after commit");
    is_int(n, 2, "lines 0 and 3 are in 3 documents after the commit");
    ok(n == 2 && ((out[0] == 0 && out[1] == 3) || (out[0] == 3 && out[1] == 0)),
       "hash 0 counted like the others");
    free(out);
    /* one line's count at a time, for the lines a chunk nearly counts as
     * furniture (a lookup each, not the whole table) */
    uint64_t ask[] = {3, 9, 1, 12345};
    int64_t docs[4] = {-1, -1, -1, -1};
    is_int(store_linefreq_docs(s, ask, 4, docs, &err), 0, "linefreq docs");
    ok(docs[0] == 3 && docs[1] == 1 && docs[2] == 2 && docs[3] == 0,
       "counts 3, 1, 2 and 0 for a line never seen (%lld %lld %lld %lld)", (long long)docs[0],
       (long long)docs[1], (long long)docs[2], (long long)docs[3]);

    is_int(store_skip_put(s, "/c/bad.bin", "binary", &err), 0, "skip put");
    struct store_stats st;
    store_stats(s, &st, &err);
    is_int(st.skipped, 1, "skipped counted");
    store_stats_clear(&st);
    store_skip_clear(s, &err);
    store_stats(s, &st, &err);
    is_int(st.skipped, 0, "skip clear");
    store_stats_clear(&st);
}

static void
free_x(struct extraction *x)
{
    for (size_t i = 0; i < x->nfigures; i++) {
        free(x->figures[i].text);
        free(x->figures[i].unit);
        free(x->figures[i].scale);
        free(x->figures[i].direction);
        free(x->figures[i].period);
        free(x->figures[i].subject);
        free(x->figures[i].approx);
    }
    free(x->figures);
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].name);
        free(x->entities[i].alt);
        free(x->entities[i].spans);
    }
    free(x->entities);
    for (size_t i = 0; i < x->ntopics; i++) {
        free(x->topics[i].slug);
        free(x->topics[i].spans);
    }
    free(x->topics);
    memset(x, 0, sizeof *x);
}

static void
test_extraction(struct store *s)
{
    struct ds_error err;
    struct span fs[1] = {{10, 17}}, es[2] = {{0, 5}, {30, 35}}, ts[1] = {{27, 34}};
    struct figure fig = {.span = {20, 33}, .sentence = {0, 40},
                         .text = (char *)(uintptr_t)"$200 billion", .value = 2e11,
                         .value_hi = 2e11, .unit = (char *)(uintptr_t)"USD",
                         .scale = (char *)(uintptr_t)"billion", .kind = FIGURE_AMOUNT,
                         .direction = (char *)(uintptr_t)"up",
                         .subject = (char *)(uintptr_t)"trade surplus",
                         .approx = (char *)(uintptr_t)"about"};
    struct figure pct = {.span = {40, 43}, .sentence = {0, 50}, .text = (char *)(uintptr_t)"25%",
                         .value = 25, .value_hi = 30, .unit = (char *)(uintptr_t)"%",
                         .kind = FIGURE_RATE};
    struct figure figs[2] = {fig, pct};
    struct entity ents[3] = {
        {(char *)(uintptr_t)"China", NULL, ENTITY_COUNTRY, es, 2},
        {(char *)(uintptr_t)"Wang Wentao", (char *)(uintptr_t)"王文涛", ENTITY_PERSON, fs, 1},
        {(char *)(uintptr_t)"Côte d'Ivoire", NULL, ENTITY_COUNTRY, fs, 1},
    };
    struct topic_score tops[1] = {{(char *)(uintptr_t)"us-china", 2.5, ts, 1}};
    struct extraction x = {figs, 2, ents, 3, tops, 1};
    (void)fs;

    is_int(store_put_extraction(s, 1, &x, &err), 0, "put extraction");
    is_int(store_put_extraction(s, 1, &x, &err), 0, "put extraction again replaces");
    struct extraction y;
    is_int(store_get_extraction(s, 1, &y, &err), 0, "get extraction");
    is_int(y.nfigures, 2, "figures round-trip");
    ok(y.nfigures == 2 && y.figures[0].value == 2e11 && strcmp(y.figures[0].unit, "USD") == 0 &&
           y.figures[0].kind == FIGURE_AMOUNT && y.figures[0].span.start == 20 &&
           strcmp(y.figures[0].subject, "trade surplus") == 0 && y.figures[0].period == NULL &&
           strcmp(y.figures[0].approx, "about") == 0,
       "figure fields round-trip");
    ok(y.nfigures == 2 && y.figures[1].value_hi == 30 && y.figures[1].approx == NULL,
       "range end round-trips");
    is_int(y.nentities, 3, "entities round-trip");
    ok(y.nentities == 3 && strcmp(y.entities[0].name, "China") == 0 &&
           y.entities[0].nspans == 2 && y.entities[0].spans[1].start == 30 &&
           y.entities[0].spans[1].end == 35,
       "entity spans round-trip");
    ok(y.nentities == 3 && y.entities[2].kind == ENTITY_PERSON &&
           strcmp(y.entities[2].alt, "王文涛") == 0,
       "entity kind and alt round-trip");
    ok(y.ntopics == 1 && strcmp(y.topics[0].slug, "us-china") == 0 && y.topics[0].score == 2.5 &&
           y.topics[0].nspans == 1 && y.topics[0].spans[0].end == 34,
       "topic round-trip");
    free_x(&y);

    const char *slugs[] = {"us-china", "rcep"}, *names[] = {"US-China", "RCEP"};
    is_int(store_set_topics(s, slugs, names, 2, &err), 0, "set topics");

    is_int(count_hits(s, "person:\"wang wentao\""), 1, "person: by name, any case");
    is_int(count_hits(s, "entity:王文涛"), 1, "entity: by alt");
    is_int(count_hits(s, "country:China"), 1, "country:");
    is_int(count_hits(s, "org:China"), 0, "kind filter applies");
    is_int(count_hits(s, "country:\"CÔTE D'IVOIRE\""), 1, "entity names fold case beyond ASCII");
    is_int(count_hits(s, "country:côte*"), 1, "folded prefix");
    is_int(count_hits(s, "topic:US-China"), 1, "topic: (lowercased)");
    is_int(count_hits(s, "has:figures"), 1, "has:figures");
    is_int(count_hits(s, "figure:>100bn"), 1, "figure:>100bn");
    is_int(count_hits(s, "figure:>300bn"), 0, "figure:>300bn");
    is_int(count_hits(s, "figure:<30%"), 1, "figure:<30%");
    is_int(count_hits(s, "figure:<20%"), 0, "figure:<20%");
    is_int(count_hits(s, "figure:200bn"), 1, "figure:=200bn");

    struct query *q;
    struct facet *f;
    size_t n;
    query_parse("", &q, &err);
    is_int(store_facets(s, q, FACET_TOPIC, 10, &f, &n, &err), 0, "topic facets");
    ok(n == 1 && strcmp(f[0].key, "us-china") == 0 && f[0].count == 1 && f[0].label &&
           strcmp(f[0].label, "US-China") == 0,
       "topic facet with label");
    facets_free(f, n);
    is_int(store_facets(s, q, FACET_SOURCE, 10, &f, &n, &err), 0, "source facets");
    ok(n == 4 && f[0].count == 1, "four outlets, one doc each");
    facets_free(f, n);
    is_int(store_facets(s, q, FACET_MONTH, 10, &f, &n, &err), 0, "month facets");
    ok(n == 3 && strcmp(f[0].key, "2022-01") == 0, "months newest first");
    facets_free(f, n);
    is_int(store_facets(s, q, FACET_PERSON, 10, &f, &n, &err), 0, "person facets");
    ok(n == 1 && strcmp(f[0].key, "Wang Wentao") == 0, "person facet");
    facets_free(f, n);
    query_free(&q);
    query_parse("rcep", &q, &err);
    is_int(store_facets(s, q, FACET_COUNTRY, 10, &f, &n, &err), 0, "facets of a text query");
    is_int(n, 0, "no countries in the RCEP doc");
    facets_free(f, n);
    query_free(&q);

    struct keyword *kw;
    is_int(store_doc_keywords(s, 3, 5, &kw, &n, &err), 0, "keywords");
    is_int(n, 5, "at most max keywords");
    keywords_free(kw, n);
    is_int(store_doc_keywords(s, 3, 0, &kw, &n, &err), 0, "all keywords");
    double w_rcep = -1, w_tariff = -1, w_the = -1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(kw[i].term, "rcep") == 0)
            w_rcep = kw[i].weight;
        if (strncmp(kw[i].term, "tariff", 6) == 0) /* shown as written: tariff(s) */
            w_tariff = kw[i].weight;
        if (strcmp(kw[i].term, "the") == 0)
            w_the = kw[i].weight;
    }
    ok(w_rcep > w_tariff && w_tariff > 0, "a term only this doc has outweighs a shared one");
    ok(w_the < 0, "function words are never keywords");
    ok(n > 1 && kw[0].weight >= kw[n - 1].weight, "sorted by weight");
    keywords_free(kw, n);
}

/* Spans are stored compactly (store/spans.c) and read back exactly, in any
 * order; an entity found twice gathers both lists; the text form of older
 * indexes still reads; a damaged value reads as fewer spans, never a crash. */
static void
test_spans(struct store *s)
{
    struct ds_error err;
    struct span many[200], two[2] = {{9000, 9004}, {3, 8}};
    for (int i = 0; i < 200; i++)
        many[i] = (struct span){(uint32_t)(100 + i * 12), (uint32_t)(100 + i * 12 + 7)};
    many[50] = (struct span){4000000000u, 4000000009u}; /* far out, then back */
    struct entity ents[2] = {
        {(char *)(uintptr_t)"Mercosur", NULL, ENTITY_ORG, many, 200},
        {(char *)(uintptr_t)"Mercosur", NULL, ENTITY_ORG, two, 2},
    };
    struct topic_score top = {(char *)(uintptr_t)"trade", 1.0, many, 200};
    struct extraction x = {NULL, 0, ents, 2, &top, 1};
    is_int(store_put_extraction(s, 2, &x, &err), 0, "put 200 spans, and 2 more for the entity");
    struct extraction y;
    is_int(store_get_extraction(s, 2, &y, &err), 0, "get them back");
    bool same = y.ntopics == 1 && y.topics[0].nspans == 200;
    for (size_t i = 0; same && i < 200; i++)
        same = y.topics[0].spans[i].start == many[i].start && y.topics[0].spans[i].end == many[i].end;
    ok(same, "200 topic spans back in their order, one far out of it");
    ok(y.nentities == 1 && y.entities[0].nspans == 202 && y.entities[0].spans[200].start == 9000 &&
           y.entities[0].spans[201].end == 8,
       "an entity found twice keeps both lists of spans (%zu)",
       y.nentities ? y.entities[0].nspans : 0);
    free_x(&y);

    char *path = tmp_path("index.db");
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    free(path);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT length(spans), typeof(spans) FROM doc_topics WHERE doc_id = 2",
                       -1, &st, NULL);
    int bytes = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    ok(bytes > 0 && bytes <= 3 * 200 + 12 &&
           strcmp((const char *)sqlite3_column_text(st, 1), "blob") == 0,
       "200 spans take %d bytes (the text form: ~2,000)", bytes);
    sqlite3_finalize(st);
    sqlite3_exec(db, "UPDATE doc_topic_rows SET spans = '7-9,20-25' WHERE doc_id = 2;"
                     "UPDATE mentions SET spans = x'ff80' WHERE doc_id = 2;",
                 NULL, NULL, NULL);
    sqlite3_close(db);
    is_int(store_get_extraction(s, 2, &y, &err), 0, "rows in the older text form read");
    ok(y.ntopics == 1 && y.topics[0].nspans == 2 && y.topics[0].spans[1].start == 20 &&
           y.topics[0].spans[1].end == 25,
       "text spans of an older index read as before");
    ok(y.nentities == 1 && y.entities[0].nspans == 0, "a damaged value reads as no span");
    free_x(&y);
}

/* The writer caches entity ids: an alt name learned later is still saved,
 * and an entity whose insert was rolled back is inserted again (a stale id
 * would break the mention's foreign key). */
static void
test_entity_ids(struct store *s)
{
    struct ds_error err;
    struct span sp[1] = {{0, 5}};
    struct entity plain = {(char *)(uintptr_t)"Li Ming", NULL, ENTITY_PERSON, sp, 1};
    struct entity with_alt = {(char *)(uintptr_t)"Li Ming", (char *)(uintptr_t)"李明",
                              ENTITY_PERSON, sp, 1};
    struct extraction x1 = {NULL, 0, &plain, 1, NULL, 0};
    struct extraction x2 = {NULL, 0, &with_alt, 1, NULL, 0};
    struct extraction y;
    ds_error_clear(&err);

    is_int(store_put_extraction(s, 2, &x1, &err), 0, "entity without alt");
    is_int(store_put_extraction(s, 2, &x2, &err), 0, "same entity, now with alt");
    is_int(store_put_extraction(s, 2, &x1, &err), 0, "and again without");
    is_int(store_get_extraction(s, 2, &y, &err), 0, "get extraction");
    ok(y.nentities == 1 && y.entities[0].alt && strcmp(y.entities[0].alt, "李明") == 0,
       "the alt learned from a later mention is kept");
    free_x(&y);

    struct entity fresh = {(char *)(uintptr_t)"Ruritania Trade Board", NULL, ENTITY_ORG, sp, 1};
    struct extraction x3 = {NULL, 0, &fresh, 1, NULL, 0};
    ok(store_begin(s, &err) == 0, "begin");
    is_int(store_put_extraction(s, 3, &x3, &err), 0, "new entity inside a transaction");
    store_rollback(s);
    ok(store_begin(s, &err) == 0, "begin again");
    ok(store_put_extraction(s, 3, &x3, &err) == 0,
       "the entity is saved again after the rollback: %s", err.msg);
    ok(store_commit(s, &err) == 0, "commit");
    is_int(store_get_extraction(s, 3, &y, &err), 0, "get extraction");
    ok(y.nentities == 1 && strcmp(y.entities[0].name, "Ruritania Trade Board") == 0,
       "mention of the re-inserted entity");
    free_x(&y);
    is_int(count_hits(s, "org:\"ruritania trade board\""), 1, "found by org:");
}

static void
test_delete(struct store *s)
{
    struct ds_error err;
    struct file_state fs;
    struct query *q;
    struct result_set *rs;
    struct result_row row;
    query_parse("washington", &q, &err);
    store_search(s, q, SORT_RANK, &rs, &err);
    query_free(&q);
    is_int(store_file_delete(s, "/c/b.txt", &err), 0, "delete one of two files");
    is_int(count_hits(s, "washington"), 1, "doc stays while another file holds it");
    is_int(store_file_delete(s, "/c/copy-of-b.txt", &err), 0, "delete the other");
    /* full-text deletions are written at COMMIT with the batch (ftswrite.c),
     * so the open transaction holds one for it */
    is_int((long)store_fts_deletions_pending(s), 1, "doc gone, its FTS entry deleted at COMMIT");
    is_int(result_set_fetch(rs, 0, 1, &row, &err), 1, "an older result set still fetches");
    is_str(row.title, "(no longer in the index)", "deleted document shows a placeholder");
    result_row_clear(&row);
    result_set_free(&rs);
    is_int(store_file_delete(s, "/c/a.txt", &err), 0, "delete a");
    struct extraction y;
    store_get_extraction(s, 1, &y, &err);
    ok(y.nfigures == 0 && y.nentities == 0 && y.ntopics == 0, "extraction cascades");
    free_x(&y);
    is_int(store_file_get(s, "/c/a.txt", &fs, &err), 1, "file row gone");
    is_int(store_file_delete(s, "/c/never.txt", &err), 0, "deleting an unknown path is fine");
}

/* A feed file's items: replaced one by one, shared with another feed,
 * forgotten with the file; where each document came from. */
static void
test_feed_items(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    char *path = tmp_path("items.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "items: open: %s", err.msg);
    free(path);
    struct article a1 = make_article("Item one", "Wire", "2024-01-01", "First item text.");
    struct article a2 = make_article("Item two", "Wire", "2024-01-02", "Second item text.");
    struct article a3 = make_article("Item two, edited", "Wire", "2024-01-02", "Edited text.");
    int64_t d1 = 0, d2 = 0, d3 = 0;
    struct file_state fs = {10, 20, 0, 0};
    store_begin(s, &err);
    ok(store_doc_insert(s, &a1, 1001, &d1, &err) == 0 && store_doc_insert(s, &a2, 1002, &d2, &err) == 0,
       "items: two documents");
    ok(store_item_put(s, "/f/a.rss", "g1", 1001, d1, &err) == 0 &&
           store_item_put(s, "/f/a.rss", "g2", 1002, d2, &err) == 0 &&
           store_item_put(s, "/f/b.rss", "same-story", 1001, d1, &err) == 0 &&
           store_feed_file_put(s, "/f/a.rss", &fs, &err) == 0 &&
           store_doc_url_put(s, d1, "https://x.example/1", &err) == 0,
       "items: recorded (one document in two feeds)");
    store_commit(s, &err);

    struct store_item *items = NULL;
    size_t n = 0;
    ok(store_items_of(s, "/f/a.rss", &items, &n, &err) == 0 && n == 2, "items_of: two");
    ok(n == 2 && items[0].key_hash <= items[1].key_hash &&
           (items[0].hash == 1001 || items[1].hash == 1001),
       "items_of: sorted by key hash, with content hashes");
    free(items);

    struct doc_origin o;
    ok(store_doc_origin(s, d1, &o, &err) == 0, "origin: read");
    is_str(o.file, "/f/a.rss", "origin: the feed file");
    is_str(o.item, "g1", "origin: the item key");
    is_str(o.url, "https://x.example/1", "origin: the URL");
    doc_origin_clear(&o);
    struct doc_record rec;
    ok(store_doc_get(s, d2, &rec, &err) == 0 && rec.path && strcmp(rec.path, "/f/a.rss") == 0,
       "doc_get: an item's path is its feed file");
    doc_record_clear(&rec);

    /* item g2 changes: its old document goes */
    store_begin(s, &err);
    ok(store_doc_insert(s, &a3, 1003, &d3, &err) == 0 &&
           store_item_put(s, "/f/a.rss", "g2", 1003, d3, &err) == 0,
       "item replaced");
    store_commit(s, &err);
    ok(store_doc_get(s, d2, &rec, &err) == 1, "the replaced item's document is gone");
    doc_record_clear(&rec);

    /* the feed goes: its own documents go, the shared one stays */
    store_begin(s, &err);
    ok(store_items_forget(s, "/f/a.rss", &err) == 0 && store_file_delete(s, "/f/a.rss", &err) == 0,
       "feed forgotten");
    store_commit(s, &err);
    ok(store_doc_get(s, d3, &rec, &err) == 1, "its item's document is gone");
    doc_record_clear(&rec);
    ok(store_doc_get(s, d1, &rec, &err) == 0 && strcmp(rec.path, "/f/b.rss") == 0,
       "a document another feed holds stays");
    doc_record_clear(&rec);
    struct store_stats st;
    ok(store_stats(s, &st, &err) == 0 && st.duplicates == 0 && st.documents == 1,
       "stats: a feed's file row is no duplicate");
    store_stats_clear(&st);
    store_close(&s);
}

/* Following a beat: a feed item linked to the page of its URL (and
 * unlinked when the page goes), saved searches and what is new to them. */
static void
test_beat(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    char *path = tmp_path("beat.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "beat: open: %s", err.msg);
    free(path);
    struct article sum = make_article("Pier", "Feed", "2024-03-01", "A short summary of the pier.");
    struct article page = make_article("Pier", "Desk", "2024-03-01", "The whole pier story, long.");
    int64_t ds = 0, dp = 0;
    struct file_state feed = {10, 20, 0, 0}, pf = {30, 40, 0, 0};
    store_begin(s, &err);
    ok(store_doc_insert(s, &sum, 2001, &ds, &err) == 0 &&
           store_item_put(s, "/f/c.rss", "k1", 2001, ds, &err) == 0 &&
           store_feed_file_put(s, "/f/c.rss", &feed, &err) == 0 &&
           store_doc_url_put(s, ds, "HTTPS://X.example:443/pier/?utm_source=rss#top", &err) == 0,
       "beat: a feed item with a URL (spelled otherwise than the page states it)");
    is_int(store_page_with_url(s, "https://x.example/pier", &err), 0, "no page states it yet");
    ok(store_doc_insert(s, &page, 2002, &dp, &err) == 0 && (pf.doc_id = dp) > 0 &&
           store_file_put(s, "/w/pier.html", &pf, &err) == 0 &&
           store_doc_url_put(s, dp, "https://x.example/pier", &err) == 0,
       "beat: the page of that URL");
    store_commit(s, &err);
    is_int(store_page_with_url(s, "https://x.example/pier", &err), 1, "a page states it now");
    is_int(store_page_with_url(s, "https://X.EXAMPLE/pier/?fbclid=1#c", &err), 1,
           "... however the URL is spelled");
    is_int(store_page_with_url(s, "https://x.example/pier-2", &err), 0, "... not another path");
    size_t linked = 9;
    ok(store_items_link_pages(s, &linked, &err) == 0 && linked == 1, "one item linked");
    struct doc_record rec;
    ok(store_doc_get(s, ds, &rec, &err) == 1, "the item's summary document is gone");
    doc_record_clear(&rec);
    struct doc_origin o;
    ok(store_doc_origin(s, dp, &o, &err) == 0 && o.item && strcmp(o.item, "k1") == 0 &&
           o.file && strcmp(o.file, "/w/pier.html") == 0,
       "the page is held by its file and by the item");
    doc_origin_clear(&o);
    ok(store_doc_url_put(s, dp, "https://x.example/pier/#Top", &err) == 0 &&
           store_doc_origin(s, dp, &o, &err) == 0 && o.url &&
           strcmp(o.url, "https://x.example/pier/#Top") == 0,
       "a document's URL is given back as written");
    doc_origin_clear(&o);
    ok(store_items_link_pages(s, &linked, &err) == 0 && linked == 0, "linking again: nothing");
    store_begin(s, &err);
    ok(store_file_delete(s, "/w/pier.html", &err) == 0, "the page file goes");
    store_commit(s, &err);
    struct file_state got;
    ok(store_file_get(s, "/f/c.rss", &got, &err) == 0 && got.mtime_ns == -1,
       "... and its feed is read again by the next run");

    /* saved searches */
    is_int(store_saved_add(s, "pier", "pier", &err), 0, "saved: add");
    is_int(store_saved_add(s, "pier", "quay", &err), 1, "saved: a taken name");
    struct saved_search *v = NULL;
    size_t n = 0;
    int64_t max = store_max_doc_id(s, &err);
    ok(store_saved_list(s, &v, &n, &err) == 0 && n == 1 && v[0].seen_id == max,
       "saved: listed, seen as of now (%lld)", (long long)max);
    saved_searches_free(v, n);
    int64_t dn = 0;
    struct article more = make_article("Pier reopens", "Desk", "2024-03-02", "The pier reopens.");
    store_begin(s, &err);
    store_doc_insert(s, &more, 2003, &dn, &err);
    store_commit(s, &err);
    struct query *q = NULL;
    struct result_set *rs = NULL;
    ok(query_parse("pier", &q, &err) == 0 && store_search(s, q, SORT_NONE, &rs, &err) == 0,
       "saved: search");
    is_int((long long)result_set_count_after(rs, max), 1, "one document is new to it");
    result_set_free(&rs);
    query_free(&q);
    is_int(store_saved_seen(s, "pier", &err), 0, "saved: seen");
    ok(store_saved_list(s, &v, &n, &err) == 0 && n == 1 && v[0].seen_id == dn,
       "saved: the mark moved to the newest document");
    saved_searches_free(v, n);
    is_int(store_saved_seen(s, "nothing", &err), 1, "saved: seen, no such search");
    is_int(store_saved_remove(s, "pier", &err), 0, "saved: remove");
    is_int(store_saved_remove(s, "pier", &err), 1, "saved: remove again");
    ok(store_data_version(s, &err) >= 0, "data_version reads");
    ok(store_doc_url_put(s, dn, "HTTP://X.example/reopens/?utm_source=a", &err) == 0,
       "a URL for the migration below");
    store_close(&s);

    /* migration 17: URLs stored before it get their normal form */
    path = tmp_path("beat.db");
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    is_int(sqlite3_exec(db,
                        "DROP TABLE doc_url_keys; PRAGMA user_version = 14",
                        NULL, NULL, NULL),
           SQLITE_OK, "beat: an index from before URL keys");
    sqlite3_close(db);
    ok(store_open(path, 0, &s, &err) == 0, "... opens (migrates): %s", err.msg);
    is_int(store_page_with_url(s, "HTTP://x.example:80/pier-x/?utm_medium=x", &err), 0,
           "... and a URL no page states is not found");
    store_close(&s);
    sqlite3_open(path, &db);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db,
                       "SELECT count(*), count(k.key), sum(k.key = 'http://x.example/reopens'"
                       " AND u.url = 'HTTP://X.example/reopens/?utm_source=a')"
                       " FROM doc_urls u LEFT JOIN doc_url_keys k USING (doc_id)",
                       -1, &st, NULL);
    sqlite3_step(st);
    ok(sqlite3_column_int(st, 0) > 0 &&
           sqlite3_column_int(st, 0) == sqlite3_column_int(st, 1) &&
           sqlite3_column_int(st, 2) == 1,
       "... and every stored URL has its normal form");
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(path);
}

static int
collect(const char *path, int64_t file_id, void *ud)
{
    (void)file_id;
    (*(int *)ud)++;
    return strstr(path, "zh") ? 1 : 0;
}

/* The whole file at path (malloc'd, *n bytes), or NULL. */
static char *
slurp(const char *path, size_t *n)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    if (ds_read_file(path, 64 << 20, &b, &err) != 0)
        return NULL;
    *n = b.len;
    return buf_steal(&b);
}

/* Write 4 bytes at offset 60 of the file: the header's user_version. */
static void
poke_user_version(const char *path, uint32_t v)
{
    unsigned char be[4] = {v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    FILE *f = fopen(path, "r+b");
    if (!f)
        return;
    fseek(f, 60, SEEK_SET);
    fwrite(be, 1, 4, f);
    fclose(f);
}

/* Issue 18, findings 2 and 8: a schema number outside the known range is
 * "not a dossier index or damaged" before anything runs (never an index
 * into the migration table), and a refused file is left byte for byte. */
static void
test_damaged_header(void)
{
    struct store *s = NULL;
    struct ds_error err;
    const uint32_t bad[] = {(uint32_t)-100000, (uint32_t)-1, 0x7fffffffu, 1001};
    char *path = tmp_path("damaged.db");
    for (size_t i = 0; i < DS_ARRAY_LEN(bad); i++) {
        ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create for damaged header %zu", i);
        store_close(&s);
        poke_user_version(path, bad[i]);
        for (int ro = 0; ro < 2; ro++) {
            ok(store_open(path, ro ? STORE_READONLY : 0, &s, &err) == -1 && !s,
               "schema number %d refused (%s)", (int32_t)bad[i], ro ? "read-only" : "writable");
            ok(strstr(err.msg, "not a dossier index or is damaged") != NULL, "message: %s",
               err.msg);
        }
        remove(path);
    }
    free(path);

    /* another program's file, in rollback-journal mode: not even the WAL
     * switch (header bytes 18-19) may happen before the refusal */
    char *foreign = tmp_path("foreign2.db");
    sqlite3 *db;
    sqlite3_open(foreign, &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL);
    sqlite3_close(db);
    size_t n0 = 0, n1 = 0;
    char *before = slurp(foreign, &n0);
    ok(store_open(foreign, STORE_CREATE, &s, &err) == -1, "foreign file refused");
    char *after = slurp(foreign, &n1);
    ok(before && after && n0 == n1 && memcmp(before, after, n0) == 0,
       "foreign file byte-identical after the refusal");
    ok(after && n1 > 19 && after[18] == 1 && after[19] == 1, "still in rollback-journal mode");
    free(before);
    free(after);
    free(foreign);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;

    ds_error_clear(&err);
    if (tmpdir_make("test_store") != 0)
        return 1;
    test_open_refusals();
    test_damaged_header();
    test_raw_storage();
    test_feed_items();
    test_beat();
    test_fold_migration();

    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "open a fresh store: %s", err.msg);
    free(path);
    ok(store_begin(s, &err) == 0, "begin");
    test_documents(s);
    ok(store_commit(s, &err) == 0, "commit");
    test_search(s);
    test_tags_meta(s);
    test_extraction(s);
    test_spans(s);
    test_entity_ids(s);

    int seen = 0;
    is_int(store_file_each(s, "/c/", collect, &seen, &err), 0, "file_each");
    is_int(seen, 6, "file_each in path order, stops when fn returns non-zero (zh is 6th)");
    seen = 0;
    store_file_each(s, "/nowhere/", collect, &seen, &err);
    is_int(seen, 0, "prefix filter");
    seen = 0;
    store_file_each(s, "/c/c", collect, &seen, &err);
    is_int(seen, 2, "prefix /c/c matches c.txt and copy-of-b.txt only");
    seen = 0;
    store_file_each(s, "", collect, &seen, &err);
    is_int(seen, 6, "empty prefix lists all (stopping at zh)");

    store_begin(s, &err);
    test_delete(s);
    store_rollback(s);
    is_int(count_hits(s, "washington"), 1, "rollback restores");

    store_close(&s);
    tmpdir_remove();
    return done_testing();
}
