/*
 * test_bodychunk.c — deflated bodies packed into chunks (store/bodychunk.c,
 * schema 23): read back byte for byte from a written chunk and from the
 * writer's pending one, found by search; a rollback and a writer killed
 * mid-batch leave no chunk and no reference behind; deleted bodies' slices
 * become holes that new bodies fill (split over several when none is big
 * enough), so the chunks do not grow, and a rollback or a writer killed
 * after writing into holes leaves every body as it was; a chunk mostly
 * deleted is rewritten by store_reclaim with its live slices; a deleted
 * document's text outlives its chunk; a reader's copy of a chunk is not
 * read after a writer changed it; an index of schema 22 (bodies in their
 * rows) migrated in place.
 */
#include "config.h"

#define _XOPEN_SOURCE 700 /* nftw */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "store/lib.h"
#include "tap.h"
#include "tmpdir.h"

enum { NDOCS = 400 };

/* Words of our own for generated bodies. */
static const char *const words[] = {
    "council", "harbour", "budget",  "ferry",   "school",   "river",   "bridge",  "market",
    "winter",  "mayor",   "tunnel",  "library", "orchard", "station", "voters",  "repairs",
    "season",  "pension", "grain",   "factory", "rainfall", "clinic", "freight", "museum",
    "tenants", "canal",   "quarry",  "festival", "licence", "subsidy", "drought", "courts",
};

/* The body of document i: ~3 kB of sentences, a word only it has
 * ("kelvin" + letters of i) in the middle. */
static char *
gen_body(int i)
{
    struct buf b = BUF_INIT;
    uint32_t seed = 2654435761u * (uint32_t)(i + 1);
    for (int s = 0; s < 40; s++) {
        buf_puts(&b, "The ");
        for (int w = 0; w < 9; w++) {
            seed = seed * 1103515245u + 12345u;
            buf_printf(&b, "%s%s", words[(seed >> 16) % DS_ARRAY_LEN(words)], w < 8 ? " " : "");
        }
        buf_printf(&b, " cost %u.%u million. ", (seed >> 8) % 900, (seed >> 4) % 10);
        if (s == 20)
            buf_printf(&b, "Kelvin%c%c%c spoke. ", 'a' + i % 26, 'a' + i / 26 % 26,
                       'a' + i / 676 % 26);
    }
    return buf_steal(&b);
}

/* Documents from..to-1 of gen_body, one file each (/c/i.txt), in the open
 * transaction; their ids in ids[i]. The number inserted. */
static int
add_docs(struct store *s, int from, int to, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    int n = 0;
    for (int i = from; i < to; i++) {
        char *body = gen_body(i);
        struct article a;
        memset(&a, 0, sizeof a);
        a.title = (char *)(uintptr_t)"Council notes";
        a.body = a.raw = body;
        a.words = 400;
        char *path = xasprintf("/c/%d.txt", i);
        struct file_state fs = {100, 1000 + i, 0, 0};
        if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &ids[i], &err) == 0) {
            fs.doc_id = ids[i];
            n += store_file_put(s, path, &fs, &err) == 0;
        } else {
            diag("insert %d: %s", i, err.msg);
        }
        free(path);
        free(body);
    }
    return n;
}

/* t_chunk(x): the chunk of a reference's first slice, NULL when x is no
 * reference; t_slices(x): how many slices it names. */
static void
sql_ref_part(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store_extent v[STORE_EXTENTS_MAX];
    size_t k = store_body_extents(sqlite3_value_blob(argv[0]),
                                  (size_t)sqlite3_value_bytes(argv[0]), v, STORE_EXTENTS_MAX);
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB || k == 0)
        sqlite3_result_null(ctx);
    else if (sqlite3_user_data(ctx))
        sqlite3_result_int64(ctx, (int64_t)k);
    else
        sqlite3_result_int64(ctx, v[0].chunk);
}

/* t_has(x, chunk): 1 when reference x has a slice in chunk, else 0. */
static void
sql_ref_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct store_extent v[STORE_EXTENTS_MAX];
    size_t k = store_body_extents(sqlite3_value_blob(argv[0]),
                                  (size_t)sqlite3_value_bytes(argv[0]), v, STORE_EXTENTS_MAX);
    int has = 0;
    for (size_t i = 0; i < k; i++)
        has |= v[i].chunk == sqlite3_value_int64(argv[1]);
    sqlite3_result_int(ctx, has);
}

static void
add_test_functions(struct store *s)
{
    static int slices_tag;
    sqlite3_create_function_v2(s->db, "t_has", 2, SQLITE_UTF8, NULL, sql_ref_has, NULL, NULL,
                               NULL);
    sqlite3_create_function_v2(s->db, "t_chunk", 1, SQLITE_UTF8, NULL, sql_ref_part, NULL, NULL,
                               NULL);
    sqlite3_create_function_v2(s->db, "t_slices", 1, SQLITE_UTF8, &slices_tag, sql_ref_part,
                               NULL, NULL, NULL);
}

/* One integer from sql on s's connection, or -1. */
static int64_t
one_int(struct store *s, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* How many of documents from..to-1 read back byte for byte through both
 * paths: store_doc_get (show, compare) and ds_body() (KWIC, statistics). */
static int
count_same(struct store *s, int from, int to, const int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    int same = 0;
    for (int i = from; i < to; i++) {
        char *want = gen_body(i), *title = NULL, *body = NULL;
        struct doc_record r;
        int got = store_doc_get(s, ids[i], &r, &err) == 0 && strcmp(r.a.body, want) == 0 &&
                  strcmp(r.a.raw, want) == 0;
        got = got && store_doc_text(s, ids[i], &title, &body, &err) == 0 && body &&
              strcmp(body, want) == 0;
        same += got;
        doc_record_clear(&r);
        free(title);
        free(body);
        free(want);
    }
    return same;
}

/* Number of results for text, or -1. */
static long
count_hits(struct store *s, const char *text)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (query_parse(text, &q, &err) != 0 || store_search(s, q, SORT_RANK, &rs, &err) != 0) {
        diag("search '%s': %s", text, err.msg);
        query_free(&q);
        return -1;
    }
    long n = (long)result_set_count(rs);
    result_set_free(&rs);
    query_free(&q);
    return n;
}

static void
check_clean(struct store *s, const char *what)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct buf report = BUF_INIT;
    int rc = store_check(s, &report, &err);
    ok(rc == 0, "%s: the full-text index agrees with the text (%d)", what, rc);
    if (report.len)
        diag("%s", buf_str(&report));
    buf_free(&report);
}

/* Bodies written in a batch go into chunks, read back from the pending
 * chunk before COMMIT and from the written ones after. */
static void
test_write(struct store *s, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_begin(s, &err) == 0, "begin");
    is_int(add_docs(s, 0, NDOCS, ids), NDOCS, "insert the documents");
    is_int(count_same(s, NDOCS - 5, NDOCS, ids), 5,
           "the last bodies read back from the chunk not yet written");
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    int64_t chunks = one_int(s, "SELECT count(*) FROM body_chunks");
    ok(chunks >= 2, "the bodies went into %lld chunks", (long long)chunks);
    is_int(one_int(s, "SELECT count(*) FROM documents WHERE t_chunk(body) IS NULL"), 0,
           "every row keeps a reference");
    ok(one_int(s, "SELECT max(length(body)) FROM documents") <= 12,
       "of a few bytes (%lld)", (long long)one_int(s, "SELECT max(length(body)) FROM documents"));
    is_int(one_int(s, "SELECT count(*) FROM body_chunks WHERE size > 262144"
                      " OR size != length(data)"),
           0, "no chunk over 256 kB; each size as written");
    is_int(count_same(s, 0, NDOCS, ids), NDOCS, "every body reads back byte for byte");
    is_int(count_hits(s, "kelvinaaa"), 1, "a word of the first body is found");
    is_int(count_hits(s, "kelvinjoa"), 1, "and one of the last");
    is_int(count_hits(s, "harbour"), NDOCS, "a common word in every body");
    check_clean(s, "after the batch");
}

/* A rollback drops the pending chunk with the rows that point into it. */
static void
test_rollback(struct store *s, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t chunks = one_int(s, "SELECT count(*) FROM body_chunks");
    ok(store_begin(s, &err) == 0, "begin");
    add_docs(s, NDOCS, NDOCS + 150, ids);
    store_rollback(s);
    is_int(one_int(s, "SELECT count(*) FROM body_chunks"), chunks, "rollback: no chunk written");
    is_int(one_int(s, "SELECT count(*) FROM documents"), NDOCS, "and no row");
    ok(store_begin(s, &err) == 0, "begin again");
    is_int(add_docs(s, NDOCS, NDOCS + 3, ids), 3, "three more documents");
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    is_int(count_same(s, NDOCS, NDOCS + 3, ids), 3, "read back after the rolled-back batch");
}

/* A writer killed in the middle of a batch, after a chunk was written:
 * the file has neither that chunk nor the rows. */
static void
test_killed(const char *path, int64_t *ids, int64_t chunks)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        struct store *s = NULL;
        struct ds_error err;
        ds_error_clear(&err);
        if (store_open(path, 0, &s, &err) != 0 || store_begin(s, &err) != 0)
            _exit(2);
        add_docs(s, NDOCS + 3, NDOCS + 300, ids);
        _exit(s->chunk.id > 0 ? 0 : 3); /* no COMMIT, no close */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    is_int(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0, "a writer died mid-batch");
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "the index opens after it: %s", err.msg);
    is_int(one_int(s, "SELECT count(*) FROM documents"), NDOCS + 3, "none of its rows");
    is_int(one_int(s, "SELECT count(*) FROM body_chunks"), chunks, "and none of its chunks");
    is_int(count_same(s, 0, NDOCS + 3, ids), NDOCS + 3, "every body still reads back");
    check_clean(s, "after a writer died");
    store_close(&s);
}

/* A document of its own text (path /c/big<tag>.txt) in the open
 * transaction; its id, or 0. */
static int64_t
add_text(struct store *s, int tag, char *text)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t)"Council notes, long";
    a.body = a.raw = text;
    a.words = 800;
    int64_t id = 0;
    char *path = xasprintf("/c/big%d.txt", tag);
    struct file_state fs = {200, 5000 + tag, 0, 0};
    if (store_doc_insert(s, &a, ds_hash64(text, strlen(text)), &id, &err) == 0) {
        fs.doc_id = id;
        if (store_file_put(s, path, &fs, &err) != 0)
            id = 0;
    }
    free(path);
    return id;
}

/* How many documents read otherwise than the texts noted in temp table
 * kept (id, t). */
static int64_t
count_changed(struct store *s)
{
    return one_int(s, "SELECT count(*) FROM documents d JOIN kept k ON k.id = d.id"
                      " WHERE ds_body(d.body) IS NOT k.t");
}

/* Every other document of the second chunk deleted (20): their slices are
 * holes; new bodies written later fill them, one bigger than any hole
 * split over several, and the chunks do not grow. A rollback, and a
 * writer killed after writing into holes, leave every body as it was. */
static void
test_holes(struct store *s, const char *path, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t second = one_int(s, "SELECT min(id) FROM body_chunks"
                                " WHERE id > (SELECT min(id) FROM body_chunks)");
    int gone[20], ngone = 0, in_second = 0;
    for (int i = 0; i < NDOCS && ngone < 20; i++) {
        char *q = xasprintf("SELECT t_chunk(body) FROM documents WHERE id = %lld",
                            (long long)ids[i]);
        if (one_int(s, q) == second && in_second++ % 2 == 0)
            gone[ngone++] = i;
        free(q);
    }
    is_int(ngone, 20, "20 documents of the second chunk to delete");
    int64_t chunks = one_int(s, "SELECT count(*) FROM body_chunks");
    int64_t size = one_int(s, "SELECT sum(size) FROM body_chunks");
    struct buf in = BUF_INIT;
    for (int k = 0; k < ngone; k++)
        buf_printf(&in, "%s%lld", k ? "," : "", (long long)ids[gone[k]]);
    char *q = xasprintf("SELECT sum(length(ds_body_own(body))) FROM documents WHERE id IN (%s)",
                        buf_str(&in));
    int64_t dead = one_int(s, q);
    free(q);
    buf_free(&in);
    ok(store_begin(s, &err) == 0, "begin");
    for (int k = 0; k < ngone; k++) {
        char *p = xasprintf("/c/%d.txt", gone[k]);
        store_file_delete(s, p, &err);
        free(p);
    }
    ok(store_commit(s, &err) == 0, "commit the deletions: %s", err.msg);
    is_int(one_int(s, "SELECT sum(len) FROM body_holes"), dead,
           "their slices are holes, byte for byte");
    is_int(one_int(s, "SELECT count(*) FROM body_holes"), 20, "20 of them, apart");

    ok(store_begin(s, &err) == 0, "begin");
    is_int(add_docs(s, NDOCS + 3, NDOCS + 13, ids), 10, "ten new documents");
    char *a = gen_body(7), *b = gen_body(8);
    char *big = xasprintf("%s %s", a, b);
    int64_t big_id = add_text(s, 1, big);
    ok(big_id > 0, "and one twice as long");
    is_int(count_same(s, NDOCS + 3, NDOCS + 13, ids), 10, "read back before COMMIT");
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    is_int(one_int(s, "SELECT count(*) FROM body_chunks"), chunks, "no new chunk");
    is_int(one_int(s, "SELECT sum(size) FROM body_chunks"), size, "the chunks as big as before");
    int64_t written = one_int(s, "SELECT sum(length(ds_body_own(body))) FROM documents"
                                 " WHERE id > 403");
    ok(one_int(s, "SELECT sum(len) FROM body_holes") == dead - written,
       "the holes smaller by the new bodies (%lld bytes)", (long long)written);
    q = xasprintf("SELECT t_slices(body) FROM documents WHERE id = %lld", (long long)big_id);
    ok(one_int(s, q) > 1, "the long body split over %lld holes", (long long)one_int(s, q));
    free(q);
    is_int(count_same(s, NDOCS + 3, NDOCS + 13, ids), 10, "the new bodies read back");
    char *title = NULL, *body = NULL;
    ok(store_doc_text(s, big_id, &title, &body, &err) == 0 && body && strcmp(body, big) == 0,
       "the long one too");
    free(title);
    free(body);
    is_int(count_hits(s, "kelvinzoa"), 1, "a word of a new body is found");
    is_int(count_same(s, 0, gone[0], ids), gone[0], "the bodies around them are intact");
    check_clean(s, "after filling holes");

    /* a rollback, and a writer killed, after writing into holes */
    ok(store_exec(s, "CREATE TEMP TABLE kept AS SELECT id, ds_body(body) AS t FROM documents",
                  "test", &err) == 0, "the texts noted");
    int64_t holes = one_int(s, "SELECT sum(len) FROM body_holes");
    ok(store_begin(s, &err) == 0, "begin");
    char *p = xasprintf("/c/%d.txt", gone[0] + 1);
    store_file_delete(s, p, &err);
    free(p);
    add_text(s, 2, big);
    store_rollback(s);
    is_int(one_int(s, "SELECT sum(len) FROM body_holes"), holes, "rollback: the holes as before");
    is_int(count_changed(s), 0, "and every body");
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        struct store *w = NULL;
        if (store_open(path, 0, &w, &err) != 0 || store_begin(w, &err) != 0)
            _exit(2);
        _exit(add_text(w, 3, big) > 0 && w->holes.dirty ? 0 : 3); /* no COMMIT */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    is_int(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0, "a writer died after filling holes");
    is_int(one_int(s, "SELECT sum(len) FROM body_holes"), holes, "the holes as before");
    is_int(count_changed(s), 0, "and every body");
    ok(store_exec(s, "DROP TABLE temp.kept", "test", &err) == 0, "the kept copy is dropped");
    free(a);
    free(b);
    free(big);
}

/* Most of the first chunk's documents deleted: the index run's reclaim
 * rewrites it with the rest, and a deleted body stays readable in
 * corpus_gone. */
static void
test_collect(struct store *s, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t first = one_int(s, "SELECT min(id) FROM body_chunks");
    char *q = xasprintf("SELECT max(id) FROM documents WHERE t_chunk(body) = %lld",
                        (long long)first);
    int64_t last = one_int(s, q);
    free(q);
    ok(store_exec(s, "CREATE TEMP TABLE kept_text AS SELECT id, ds_body(body) AS t"
                     " FROM documents", "test", &err) == 0, "the texts noted");
    ok(store_exec(s, "INSERT INTO corpus_doc(id, day, source) VALUES (1, NULL, NULL)", "test",
                  &err) == 0, "document 1 counted in the statistics");
    ok(store_begin(s, &err) == 0, "begin");
    int deleted = 0;
    for (int i = 0; ids[i] <= last; i++)
        if (i % 4 != 3) { /* three of four */
            char *path = xasprintf("/c/%d.txt", i);
            deleted += store_file_delete(s, path, &err) == 0;
            free(path);
        }
    ok(store_commit(s, &err) == 0, "commit the deletions: %s", err.msg);
    ok(one_int(s, "SELECT sum(len) FROM body_holes WHERE chunk = (SELECT min(id) FROM body_chunks)")
           > 0, "%d deletions left holes", deleted);
    is_int(one_int(s, "SELECT count(*) FROM corpus_gone WHERE id = 1 AND ds_body(body) ="
                      " (SELECT t FROM kept_text WHERE id = 1)"),
           1, "a deleted document's text kept for the statistics");
    int64_t freed = 0;
    ok(store_reclaim(s, &freed, &err) == 0, "reclaim: %s", err.msg);
    is_int(one_int(s, "SELECT count(*) FROM body_chunks WHERE id = " "1"), 0,
           "the chunk mostly dead is gone");
    is_int(one_int(s, "SELECT count(*) FROM body_holes WHERE chunk = " "1"), 0, "with its holes");
    ok(one_int(s, "SELECT max(id) FROM body_chunks") > first, "its live slices in a new one");
    is_int(one_int(s, "SELECT count(*) FROM documents d JOIN kept_text k ON k.id = d.id"
                      " WHERE ds_body(d.body) IS NOT k.t"),
           0, "every remaining body reads as before");
    is_int(count_same(s, 3, 4, ids), 1, "a moved body reads back whole");
    is_int(one_int(s, "SELECT count(*) FROM corpus_gone WHERE id = 1 AND ds_body(body) ="
                      " (SELECT t FROM kept_text WHERE id = 1)"),
           1, "the deleted document's text outlives its chunk");
    check_clean(s, "after the rewrite");
}

/* A reader that read the last chunk whole, then the writer deletes all
 * its documents, gives the chunk back and writes a new one under the
 * same id: the reader reads the new bodies, not its copy of the old. */
static void
test_reader_cache(const char *path, int64_t *ids)
{
    struct store *w = NULL, *r = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &w, &err) == 0 && store_open(path, STORE_READONLY, &r, &err) == 0,
       "a writer and a reader");
    add_test_functions(w);
    int64_t last = one_int(w, "SELECT max(id) FROM body_chunks");
    int in_last[NDOCS + 13], nin = 0;
    for (int i = 0; i < NDOCS + 13; i++) {
        char *q = xasprintf("SELECT t_has(body, %lld) FROM documents WHERE id = %lld",
                            (long long)last, (long long)ids[i]);
        if (one_int(w, q) == 1)
            in_last[nin++] = i;
        free(q);
    }
    ok(nin > 2, "%d documents in the last chunk", nin);
    int same = 0;
    for (int k = 0; k < 3 && k < nin; k++)
        same += count_same(r, in_last[k], in_last[k] + 1, ids);
    is_int(same, 3, "the reader reads bodies of the last chunk (and keeps it)");
    ok(store_begin(w, &err) == 0, "begin");
    int n = 0;
    for (int k = 0; k < nin; k++) {
        char *p = xasprintf("/c/%d.txt", in_last[k]);
        n += store_file_delete(w, p, &err) == 0;
        free(p);
    }
    ok(store_commit(w, &err) == 0 && store_reclaim(w, NULL, &err) == 0,
       "the writer deletes its %d documents and gives the chunk back", n);
    ok(one_int(w, "SELECT max(id) FROM body_chunks") < last, "the chunk is gone, others stay");
    ok(store_begin(w, &err) == 0, "begin");
    is_int(add_docs(w, NDOCS + 300 - 40, NDOCS + 300, ids), 40, "new documents");
    ok(store_commit(w, &err) == 0, "commit");
    is_int(one_int(w, "SELECT max(id) FROM body_chunks"), last, "in a chunk of the same id");
    is_int(count_same(r, NDOCS + 300 - 40, NDOCS + 300, ids), 40,
           "the reader reads the new bodies byte for byte");
    store_close(&r);
    store_close(&w);
}

/* Make the file at path an index of schema 22: each body back in its row,
 * the chunk tables and triggers gone, 22's delete trigger. 0 when done. */
static int
downgrade_to_22(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    const char *sql =
        "BEGIN;"
        "UPDATE documents SET body = ds_body_own(body) WHERE t_chunk(body) IS NOT NULL;"
        "DROP TRIGGER body_chunks_ad; DROP TABLE body_chunks; DROP TABLE body_holes;"
        "DROP TRIGGER corpus_documents_bd;"
        "CREATE TRIGGER corpus_documents_bd BEFORE DELETE ON documents"
        " WHEN EXISTS (SELECT 1 FROM corpus_doc WHERE id = old.id)"
        " AND NOT EXISTS (SELECT 1 FROM corpus_gone WHERE id = old.id) BEGIN"
        " INSERT INTO corpus_gone_ent SELECT old.id, entity_id FROM mentions"
        " WHERE doc_id = old.id;"
        " INSERT INTO corpus_gone_dt SELECT old.id, slug FROM doc_topics WHERE doc_id = old.id;"
        " INSERT INTO corpus_gone(id, title, body) VALUES (old.id, old.title, old.body); END;"
        "PRAGMA user_version = 22;"
        "COMMIT;";
    return store_exec(s, sql, "downgrading", &err);
}

/* An index of schema 22 opens with its bodies moved into chunks, and
 * reads and finds as before. */
static void
test_migration(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    int64_t ids[NDOCS];
    char *path = tmp_path("old.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create for the migration");
    add_test_functions(s);
    ok(store_begin(s, &err) == 0, "begin");
    add_docs(s, 0, NDOCS, ids);
    ok(store_commit(s, &err) == 0, "commit");
    int64_t pages = one_int(s, "SELECT count(*) FROM dbstat WHERE name = 'documents'");
    is_int(downgrade_to_22(s), 0, "made an index of schema 22");
    is_int(one_int(s, "SELECT count(*) FROM documents WHERE length(body) > 500"), NDOCS,
           "its bodies in their rows");
    store_close(&s);
    ok(store_open(path, 0, &s, &err) == 0, "... opens: %s", err.msg);
    add_test_functions(s);
    is_int(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "at the schema of today");
    ok(one_int(s, "SELECT count(*) FROM body_chunks") >= 2, "the bodies moved into chunks");
    is_int(one_int(s, "SELECT count(*) FROM documents WHERE t_chunk(body) IS NULL"), 0,
           "every row a reference");
    is_int(count_same(s, 0, NDOCS, ids), NDOCS, "every body reads back byte for byte");
    is_int(count_hits(s, "kelvinaaa"), 1, "and is found");
    is_int(one_int(s, "SELECT count(*) FROM files"), NDOCS, "the rows that point at them kept");
    if (pages < 0) {
        ok(1, "# SKIP no dbstat in this SQLite");
    } else {
        int64_t now = one_int(s, "SELECT count(*) FROM dbstat WHERE name = 'documents'");
        ok(now <= pages + 1, "the table rebuilt as compact as a new one (%lld pages, new %lld)",
           (long long)now, (long long)pages);
    }
    check_clean(s, "migrated");
    store_close(&s);
    free(path);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    static int64_t ids[NDOCS + 300];

    ds_error_clear(&err);
    if (tmpdir_make("test_bodychunk") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "open a fresh store: %s", err.msg);
    add_test_functions(s);
    test_write(s, ids);
    test_rollback(s, ids);
    int64_t chunks = one_int(s, "SELECT count(*) FROM body_chunks");
    store_close(&s);
    test_killed(path, ids, chunks);
    ok(store_open(path, 0, &s, &err) == 0, "reopen");
    add_test_functions(s);
    test_holes(s, path, ids);
    test_collect(s, ids);
    store_close(&s);
    test_reader_cache(path, ids);
    free(path);
    test_migration();
    tmpdir_remove();
    return done_testing();
}
