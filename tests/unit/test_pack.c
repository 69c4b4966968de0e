/*
 * test_pack.c — the run that finds the index empty packs its b-trees at
 * its end (store_reclaim after store_write_mode, issue 16): an index
 * written out of key order (mentions_entity: each document's entities
 * land all over it) and a WITHOUT ROWID table are rebuilt full, the pages
 * freed go back, every answer stays; a later run's reclaim rebuilds
 * nothing.
 */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "dossier/store.h"
#include "store/lib.h"
#include "query_ids.h"
#include "tap.h"
#include "tmpdir.h"

enum { NDOCS = 1500, NENT = 2000 };

/* Document i (from 0): six people of NENT, spread by a multiplier so that
 * consecutive documents name far-apart entities. */
static int
add_doc(struct store *s, int i, struct ds_error *err)
{
    char *body = xasprintf("Council note %d: the members met again about the budget.", i);
    char *path = xasprintf("/nowhere/council-%03d.txt", i);
    struct article a;
    memset(&a, 0, sizeof a);
    a.path = path;
    a.title = (char *)(uintptr_t) "Council notes";
    a.body = a.raw = body;
    a.words = 10;
    int64_t id = 0;
    int rc = store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, err);
    struct file_state fs = {1, 1, id, 0};
    if (rc == 0)
        rc = store_file_put(s, path, &fs, err);
    struct span sp = {0, 7};
    struct entity e[6];
    char *names[6];
    for (int k = 0; k < 6; k++) {
        int n = (i * 7919 + k * 104729) % NENT;
        names[k] = xasprintf("Member %c%c%c", 'A' + n % 26, 'a' + n / 26 % 26, 'a' + k);
        e[k] = (struct entity){names[k], NULL, ENTITY_PERSON, &sp, 1};
    }
    struct topic_score t = {(char *)(uintptr_t)(i % 2 ? "politics" : "economy"), 1.0, &sp, 1};
    struct extraction x;
    memset(&x, 0, sizeof x);
    x.entities = e;
    x.nentities = 6;
    x.topics = &t;
    x.ntopics = 1;
    if (rc == 0)
        rc = store_put_extraction_new(s, id, &x, err);
    for (int k = 0; k < 6; k++)
        free(names[k]);
    free(body);
    free(path);
    return rc;
}


/* Per mille of table or index name's pages left unused (dbstat). */
static int64_t
unused_permille(sqlite3 *db, const char *name)
{
    char *sql = sqlite3_mprintf("SELECT 1000 * sum(unused) / sum(pgsize) FROM dbstat"
                                " WHERE name = %Q AND pagetype = 'leaf'",
                                name);
    int64_t v = sql_int(db, sql);
    sqlite3_free(sql);
    return v;
}

static int
add_batch(struct store *s, int from, int to, struct ds_error *err)
{
    if (store_begin(s, err) != 0)
        return -1;
    for (int i = from; i < to; i++)
        if (add_doc(s, i, err) != 0) {
            store_rollback(s);
            return -1;
        }
    return store_commit(s, err);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (tmpdir_make("test_pack") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "a fresh index: %s", err.msg);
    if (sql_int(s->db, "SELECT count(*) FROM dbstat WHERE name = 'meta'") < 0) {
        tap_skip(1, "this SQLite has no dbstat table");
        store_close(&s);
        tmpdir_remove();
        return done_testing();
    }
    ok(store_write_mode(s, true, &err) == 0, "a run begins on the empty index: %s", err.msg);
    ok(add_batch(s, 0, NDOCS / 2, &err) == 0 && add_batch(s, NDOCS / 2, NDOCS, &err) == 0,
       "two batches of documents: %s", err.msg);
    int64_t loose = unused_permille(s->db, "mentions_entity");
    int64_t loose_rows = unused_permille(s->db, "mentions");
    int64_t pages = sql_int(s->db, "PRAGMA page_count");
    char *before = query_ids(s, "person:\"Member Dba\"", NDOCS);
    char *before2 = query_ids(s, "person:Member* council", NDOCS);
    ok(strlen(before) > 0 && strlen(before2) > 0 && strncmp(before, "error", 5) != 0,
       "a person's documents: %s", before);
    ok(loose > 100, "written out of key order, mentions_entity leaves %lld per mille unused",
       (long long)loose);

    int64_t freed = 0;
    ok(store_reclaim(s, &freed, &err) == 0, "the run's end: %s", err.msg);
    int64_t packed = unused_permille(s->db, "mentions_entity");
    int64_t packed_rows = unused_permille(s->db, "mentions");
    ok(packed < 40 && packed < loose, "rebuilt at the end: %lld -> %lld per mille unused",
       (long long)loose, (long long)packed);
    ok(packed_rows <= loose_rows, "the WITHOUT ROWID table too: %lld -> %lld",
       (long long)loose_rows, (long long)packed_rows);
    int64_t pages_after = sql_int(s->db, "PRAGMA page_count");
    ok(pages_after < pages && sql_int(s->db, "PRAGMA freelist_count") == 0,
       "the file is smaller (%lld -> %lld pages), no page left free", (long long)pages,
       (long long)pages_after);
    char *after = query_ids(s, "person:\"Member Dba\"", NDOCS);
    char *after2 = query_ids(s, "person:Member* council", NDOCS);
    ok(strcmp(before, after) == 0 && strcmp(before2, after2) == 0, "the same answers");
    free(after);
    free(after2);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_integrity_check"
                      " WHERE integrity_check != 'ok'") == 0,
       "integrity_check clean");

    /* a later run: its rows split the full pages, and its end rebuilds
     * nothing (a run never rewrites what is stored) */
    ok(store_write_mode(s, true, &err) == 0 && add_batch(s, NDOCS, NDOCS + 300, &err) == 0,
       "a later run adds 300: %s", err.msg);
    int64_t later = unused_permille(s->db, "mentions_entity");
    ok(store_reclaim(s, &freed, &err) == 0, "its end: %s", err.msg);
    int64_t later_end = unused_permille(s->db, "mentions_entity");
    ok(later > packed && later_end == later,
       "its rows split full pages (%lld -> %lld per mille unused), its end rebuilds"
       " nothing (%lld)",
       (long long)packed, (long long)later, (long long)later_end);
    after = query_ids(s, "person:\"Member Dba\"", NDOCS);
    ok(strncmp(after, before, strlen(before) - 1) == 0, "the earlier documents still found");
    free(after);
    free(before);
    free(before2);
    store_close(&s);
    free(path);
    tmpdir_remove();
    return done_testing();
}
