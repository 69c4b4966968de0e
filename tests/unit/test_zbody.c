/*
 * test_zbody.c — the body stored deflated (store/zbody.c, schema 20): read
 * back byte for byte, searched, snippeted and highlighted as before, its
 * full-text entry gone with it, and an index of schema 19 (bodies as text,
 * the full-text index reading the documents table) migrated in place.
 */
#include "config.h"

#define _XOPEN_SOURCE 700 /* nftw */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/ingest.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "store/lib.h"
#include "tap.h"
#include "tmpdir.h"

/* Our own words, long enough to be deflated; the unique word of each
 * (quernstone, 貨櫃碼頭) tells its full-text entry apart. */
static const char *const bodies[] = {
    "Ministers from eleven countries met in the port city on Tuesday to discuss tariffs on "
    "steel and aluminium. The talks, which ran late into the evening, ended without a joint "
    "statement. Officials said tariffs on steel would stay until the next round, and that a "
    "quernstone exhibit in the hall drew more visitors than the talks. Tariffs on grain were "
    "not discussed. The next round of talks is planned for the spring.",
    "港口城市的貿易談判於週二結束，部長們討論了鋼鐵和鋁的關稅。新的貨櫃碼頭將在明年啟用，"
    "官員表示關稅將維持到下一輪談判。部長們表示，鋼鐵關稅和鋁關稅將維持到下一輪談判，"
    "新的貨櫃碼頭將在明年啟用。Café owners near the port said the tariffs on coffee "
    "beans had doubled their costs since the spring; Zoë Dupré, who runs one, said so twice.",
    "Short note on tariffs.",
};

/* The documents of bodies[], one file each; ids in ids[]. */
static void
add_docs(struct store *s, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_begin(s, &err) == 0, "begin");
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++) {
        struct article a;
        memset(&a, 0, sizeof a);
        a.title = (char *)(uintptr_t)"Port talks";
        a.body = a.raw = (char *)(uintptr_t)bodies[i];
        a.words = 40;
        uint64_t h = ds_hash64(bodies[i], strlen(bodies[i]));
        char *path = xasprintf("/z/%zu.txt", i);
        struct file_state fs = {100, 1000, 0, 0};
        ok(store_doc_insert(s, &a, h, &ids[i], &err) == 0, "insert %zu: %s", i, err.msg);
        fs.doc_id = ids[i];
        ok(store_file_put(s, path, &fs, &err) == 0, "file %zu", i);
        free(path);
    }
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
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

/* How each body reads through the store: its snippet for "tariffs" and
 * its hit spans, as one string ("start-end,..." then the snippet). */
static char *
read_view(struct store *s, int64_t id)
{
    struct query *q = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    struct buf b = BUF_INIT;
    struct span *sp = NULL;
    size_t n = 0;
    query_parse("tariffs", &q, &err);
    if (store_hit_spans(s, q, id, &sp, &n, &err) != 0)
        buf_printf(&b, "error: %s", err.msg);
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%lu-%lu,", (unsigned long)sp[i].start, (unsigned long)sp[i].end);
    char *snip = store_snippet(s, q, id, "[", "]", 16);
    buf_printf(&b, " %s", snip ? snip : "(none)");
    free(snip);
    free(sp);
    query_free(&q);
    return buf_steal(&b);
}

/* A body's form in the file: "blob" or "text". */
static char *
stored_type(struct store *s, int64_t id)
{
    sqlite3_stmt *st;
    char *out = NULL;
    sqlite3_prepare_v2(s->db, "SELECT typeof(body), length(CAST(body AS BLOB)) FROM documents"
                              " WHERE id = ?1", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        out = xasprintf("%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out ? out : xstrdup("none");
}

/* store_body_pack and store_body_unpack by themselves. */
static void
test_pack(void)
{
    struct buf z = BUF_INIT, back = BUF_INIT;
    ok(store_body_pack(NULL, bodies[0], strlen(bodies[0]), NULL, NULL, 0, &z), "a long body is deflated");
    ok(z.len < strlen(bodies[0]) * 3 / 4, "to under three quarters (%zu of %zu bytes)", z.len,
       strlen(bodies[0]));
    ok(store_body_unpack(z.data, z.len, &back, NULL) == 0 && back.len == strlen(bodies[0]) &&
           memcmp(back.data, bodies[0], back.len) == 0,
       "and inflated byte for byte");
    ok(!store_body_pack(NULL, bodies[2], strlen(bodies[2]), NULL, NULL, 0, &z) && z.len == 0,
       "a short body stays text");
    /* bytes deflate cannot shrink stay as they are */
    char noise[600];
    uint32_t seed = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        seed = seed * 1103515245u + 12345u;
        noise[i] = (char)(seed >> 23);
    }
    ok(!store_body_pack(NULL, noise, sizeof noise, NULL, NULL, 0, &z), "a body deflate does not shrink stays text");
    store_body_pack(NULL, bodies[0], strlen(bodies[0]), NULL, NULL, 0, &z);
    z.data[z.len / 2] ^= 0x55;
    ok(store_body_unpack(z.data, z.len, &back, NULL) != 0 && back.len == 0, "damage is an error");
    ok(store_body_unpack("\x07xyz", 4, &back, NULL) != 0, "an unknown version is an error");
    ok(store_body_unpack("\x01\xff\xff\xff\xff\x0f", 6, &back, NULL) != 0,
       "a length deflate could not have made is an error");
    /* the removed lines and the raw pack in the body's stream */
    struct store_body_extra x = {.raw = BUF_INIT};
    is_int(store_body_pack(NULL, bodies[0], strlen(bodies[0]), "label\tPrint", "\x01pack", 5, &z),
           2, "a body with its removed lines and raw pack is one stream");
    ok(store_body_unpack(z.data, z.len, &back, NULL) == 0 && strcmp(back.data, bodies[0]) == 0,
       "whose body alone inflates");
    ok(store_body_unpack(z.data, z.len, &back, &x) == 0 && strcmp(back.data, bodies[0]) == 0 &&
           x.whole && x.removed && strcmp(x.removed, "label\tPrint") == 0 && x.raw.len == 5 &&
           memcmp(x.raw.data, "\x01pack", 5) == 0,
       "and gives all three back");
    free(x.removed);
    is_int(store_body_pack(NULL, bodies[0], strlen(bodies[0]), NULL, "", 0, &z), 2,
           "no removed lines: NULL kept as such");
    ok(store_body_unpack(z.data, z.len, &back, &x) == 0 && x.whole && !x.removed && x.raw.len == 0,
       "... and read back as NULL");
    buf_free(&x.raw);
    buf_free(&z);
    buf_free(&back);
}

/* One document with removed lines and a raw text unlike its body: both
 * travel inside the body's blob unless the raw pack is deflated already. */
static void
test_removed_raw(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    const char *removed = "frequent\tMenu Search Sign in\nlabel\tAdvertisement";
    struct buf raw = BUF_INIT, page = BUF_INIT;
    buf_printf(&raw, "Menu Search Sign in\n%s\nAdvertisement\n", bodies[0]);
    /* a page's markup around the text: its pack is deflated by ingest */
    for (int i = 0; i < 60; i++)
        buf_printf(&page, "<div class=\"nav item-%d\"><a href=\"/section/%d\">Section</a></div>\n",
                   i, i * 7);
    buf_printf(&page, "%s\n", bodies[0]);
    const char *raws[2] = {raw.data, page.data};
    for (int k = 0; k < 2; k++) {
        struct article a;
        memset(&a, 0, sizeof a);
        a.body = (char *)(uintptr_t)bodies[0];
        a.raw = (char *)(uintptr_t)raws[k];
        a.removed = (char *)(uintptr_t)removed;
        int64_t id = 0;
        ok(store_doc_insert(s, &a, 900 + (uint64_t)k, &id, &err) == 0, "insert %d", k);
        sqlite3_stmt *st;
        sqlite3_prepare_v2(s->db, "SELECT length(raw), removed IS NULL FROM documents"
                                  " WHERE id = ?1", -1, &st, NULL);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_step(st);
        if (k == 0)
            ok(sqlite3_column_int(st, 0) == 0 && sqlite3_column_int(st, 1) == 1,
               "the raw pack and removed lines went inside the body's blob");
        else
            ok(sqlite3_column_int(st, 0) > 0 && sqlite3_column_int(st, 1) == 0,
               "a deflated raw pack stays in its column (%d bytes)", sqlite3_column_int(st, 0));
        sqlite3_finalize(st);
        struct doc_record r;
        ok(store_doc_get(s, id, &r, &err) == 0 && strcmp(r.a.body, bodies[0]) == 0 &&
               strcmp(r.a.raw, raws[k]) == 0 && r.a.removed && strcmp(r.a.removed, removed) == 0,
           "body, raw text and removed lines %d read back byte for byte", k);
        doc_record_clear(&r);
    }
    buf_free(&raw);
    buf_free(&page);
}

/* A body deflated by store_body_prepare() (the indexer's preparing
 * thread, its own packer) is stored byte for byte as the writer would have
 * stored it: each body of bodies[] (deflated, and short text), with and
 * without removed lines and a raw text unlike it. */
static void
test_prepared(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct store_packer *pk = store_packer_new();
    size_t same = 0, n = 0;
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++)
        for (int k = 0; k < 2; k++, n++) {
            struct article a;
            memset(&a, 0, sizeof a);
            a.body = (char *)(uintptr_t)bodies[i];
            char *raw = xasprintf("Menu Search\n%s\nAdvertisement\n", bodies[i]);
            a.raw = k ? raw : a.body;
            a.removed = k ? (char *)(uintptr_t) "label\tMenu Search\nlabel\tAdvertisement" : NULL;
            struct buf packed = BUF_INIT;
            ingest_raw_pack(a.raw, strlen(a.raw), a.body, strlen(a.body), &packed);
            struct store_body b = {BUF_INIT, 0, false};
            store_body_prepare(pk, &a, packed.data, packed.len, &b);
            int64_t mine = 0, theirs = 0;
            int rc = store_doc_insert_packed(s, &a, 1000 + n, packed.data, packed.len, &theirs,
                                             &err) |
                     store_doc_insert_body(s, &a, 2000 + n, packed.data, packed.len, &b, &mine,
                                           &err);
            sqlite3_stmt *st;
            sqlite3_prepare_v2(s->db, "SELECT x.body IS y.body AND x.raw IS y.raw AND"
                                      " x.removed IS y.removed FROM documents x, documents y"
                                      " WHERE x.id = ?1 AND y.id = ?2", -1, &st, NULL);
            sqlite3_bind_int64(st, 1, mine);
            sqlite3_bind_int64(st, 2, theirs);
            same += rc == 0 && b.ready && sqlite3_step(st) == SQLITE_ROW &&
                    sqlite3_column_int(st, 0) == 1;
            sqlite3_finalize(st);
            store_body_clear(&b);
            buf_free(&packed);
            free(raw);
        }
    store_packer_free(&pk);
    ok(same == n && pk == NULL, "a body prepared off the writer is stored as the writer stores it"
       " (%zu of %zu)", same, n);
}

/* Stored deflated, read back whole, searched, highlighted and snippeted. */
static void
test_documents(struct store *s, int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++) {
        char *type = stored_type(s, ids[i]);
        ok(strcmp(type, i < 2 ? "blob" : "text") == 0, "body %zu stored as %s", i, type);
        free(type);
        struct doc_record r;
        ok(store_doc_get(s, ids[i], &r, &err) == 0 && strcmp(r.a.body, bodies[i]) == 0 &&
               strcmp(r.a.raw, bodies[i]) == 0,
           "body %zu read back byte for byte", i);
        doc_record_clear(&r);
        char *title = NULL, *body = NULL;
        ok(store_doc_text(s, ids[i], &title, &body, &err) == 0 && body &&
               strcmp(body, bodies[i]) == 0,
           "body %zu read back as text for comparison", i);
        free(title);
        free(body);
    }
    is_int(count_hits(s, "quernstone"), 1, "a word of a deflated body is found");
    is_int(count_hits(s, "货柜码头"), 1, "and a Chinese one, in either script");
    is_int(count_hits(s, "tariffs"), 3, "every body has the common word");
    char *v = read_view(s, ids[0]);
    /* "tariffs" at byte 75 of bodies[0], and three times after */
    ok(strncmp(v, "75-82,", 6) == 0, "hit spans point into the text: %s", v);
    ok(strstr(v, "[tariffs]") != NULL, "the snippet reads the text: %s", v);
    free(v);
    struct buf report = BUF_INIT;
    is_int(store_check(s, &report, &err), 0, "the full-text index agrees with the text");
    if (report.len)
        diag("%s", buf_str(&report));
    buf_free(&report);
}

/* A deleted document takes its full-text entry with it. */
static void
test_delete(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_begin(s, &err) == 0 && store_file_delete(s, "/z/0.txt", &err) == 0 &&
           store_commit(s, &err) == 0,
       "delete the first document");
    is_int(count_hits(s, "quernstone"), 0, "its words are no longer found");
    is_int(count_hits(s, "tariffs"), 2, "the others' still are");
    struct buf report = BUF_INIT;
    is_int(store_check(s, &report, &err), 0, "the full-text index agrees after the delete");
    if (report.len)
        diag("%s", buf_str(&report));
    buf_free(&report);
}

/* Make the file at path an index of schema 19: bodies as text, raw packs
 * in their column, the full-text
 * index reading them from documents, the old update trigger. The index
 * rows are kept: the same text gave them. 0 when done. */
static int
downgrade_to_19(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return -1;
    const char *sql =
        "BEGIN;"
        "DROP TRIGGER IF EXISTS documents_au;" /* gone since schema 23 */
        "CREATE TEMP TABLE plain(id INTEGER PRIMARY KEY, body TEXT);"
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET sql = replace(sql, 'content=''docs_text''',"
        " 'content=''documents''') WHERE name = 'docs_fts';"
        "PRAGMA writable_schema = OFF;"
        "DROP VIEW docs_text;"
        "COMMIT;";
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_stmt *st = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "UPDATE documents SET body = ?2, raw = ?3 WHERE id = ?1",
                                -1, &st, NULL);
    struct buf pack = BUF_INIT;
    for (int64_t id = 1; rc == SQLITE_OK && id <= (int64_t)DS_ARRAY_LEN(bodies); id++) {
        const char *b = bodies[id - 1];
        ingest_raw_pack(b, strlen(b), b, strlen(b), &pack); /* raw = body here */
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 3, pack.data, (int)pack.len, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
    }
    buf_free(&pack);
    sqlite3_finalize(st);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "CREATE TRIGGER documents_au AFTER UPDATE OF title, body ON documents"
                          " BEGIN INSERT INTO docs_fts(docs_fts, rowid, title, body)"
                          " VALUES ('delete', old.id, old.title, old.body);"
                          " INSERT INTO docs_fts(rowid, title, body)"
                          " VALUES (new.id, new.title, new.body); END;"
                          "PRAGMA user_version = 19",
                          NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        diag("downgrade: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

/* An index of schema 19 opens, its bodies deflated in place, and reads,
 * finds and highlights as it did. */
static void
test_migration(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    int64_t ids[DS_ARRAY_LEN(bodies)];
    char *path = tmp_path("old.db");
    char *before[DS_ARRAY_LEN(bodies)];

    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "create for the migration");
    add_docs(s, ids);
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++)
        before[i] = read_view(s, ids[i]);
    store_close(&s);
    is_int(downgrade_to_19(path), 0, "made an index of schema 19");
    ok(store_open(path, STORE_READONLY, &s, &err) == 0, "... opens: %s", err.msg);
    char *type = stored_type(s, ids[0]);
    is_str(type, "blob", "the bodies were deflated on the way");
    free(type);
    store_close(&s);

    ok(store_open(path, 0, &s, &err) == 0, "reopen");
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++) {
        char *after = read_view(s, ids[i]);
        ok(strcmp(after, before[i]) == 0,
           "body %zu highlights and snippets as before the migration: %s", i, after);
        free(after);
    }
    test_documents(s, ids);
    test_delete(s);
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++)
        free(before[i]);
    store_close(&s);
    free(path);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    int64_t ids[DS_ARRAY_LEN(bodies)];

    ds_error_clear(&err);
    if (tmpdir_make("test_zbody") != 0)
        return 1;
    test_pack();
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "open a fresh store: %s", err.msg);
    free(path);
    add_docs(s, ids);
    test_documents(s, ids);
    test_delete(s);
    test_removed_raw(s);
    test_prepared(s);
    store_close(&s);
    test_migration();
    tmpdir_remove();
    return done_testing();
}
