/*
 * test_ent_kinds.c — an entity's kind as a number (schema 28, issue 16):
 * entities.kind and corpus_ent.kind keep STORE_ENT_* instead of the kind's
 * word, in a fresh index and in one of schema 27 upgraded in place (ids
 * kept, its statistics still current), also after an upgrade killed
 * before its COMMIT. Every reader reads as before: the entity facets,
 * person:, org:, country: and entity: queries, the top entities of each
 * kind with and without the statistics tables, the pairs, a document's
 * entities with their kinds, the people grouping leaves out, and the
 * entities compare counts; the filters keep their lookup by kind in
 * entities_h and corpus_ent_kind; the writer finds a stored entity by its
 * number and hash.
 */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "dossier/compare.h"
#include "dossier/corpus.h"
#include "dossier/store.h"
#include "dossier/store_story.h"
#include "store/lib.h"
#include "query_ids.h"
#include "store/stats.h"
#include "tap.h"
#include "tmpdir.h"

enum { NDOCS = 36 };

static const char *const people[] = {"Ana Lima", "Tomas Berg", "Ines Faro", "Ola Strand"};

/* Document i: a person of four (one of its own in every fifth), the
 * harbour board in every third (named in Chinese too), Norway in every
 * fourth, a place in every second, a treaty in every sixth. */
static int
add_doc(struct store *s, int i, struct ds_error *err)
{
    char *body = xasprintf("Harbour note %d. The board met at the port about dues and ferries.", i);
    char *path = xasprintf("/nowhere/harbour-%02d.txt", i);
    char *own = xasprintf("Pilot %c%c Vik", 'A' + i % 26, 'a' + i / 26);
    struct article a;
    memset(&a, 0, sizeof a);
    a.path = path;
    a.title = (char *)(uintptr_t) "Harbour notes";
    a.body = a.raw = body;
    a.source = (char *)(uintptr_t)(i % 2 ? "Fjord Post" : "Coast Daily");
    char date[16];
    snprintf(date, sizeof date, "2023-%02d-%02d", i % 12 + 1, i % 27 + 1);
    a.published = date;
    a.words = 13;
    int64_t id = 0;
    int rc = store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, err);
    struct file_state fs = {1, 1, id, 0};
    if (rc == 0)
        rc = store_file_put(s, path, &fs, err);
    struct span sp = {0, 7};
    struct entity e[6];
    size_t n = 0;
    e[n++] = (struct entity){(char *)(uintptr_t)(i % 5 == 4 ? own : people[i % 4]), NULL,
                             ENTITY_PERSON, &sp, 1};
    if (i % 3 == 0)
        e[n++] = (struct entity){(char *)(uintptr_t) "Harbour Board",
                                 (char *)(uintptr_t) "港务局", ENTITY_ORG, &sp, 1};
    if (i % 4 == 0)
        e[n++] = (struct entity){(char *)(uintptr_t) "Norway", (char *)(uintptr_t) "挪威",
                                 ENTITY_COUNTRY, &sp, 1};
    if (i % 2 == 0)
        e[n++] = (struct entity){(char *)(uintptr_t) "Bergen", NULL, ENTITY_PLACE, &sp, 1};
    if (i % 6 == 1)
        e[n++] = (struct entity){(char *)(uintptr_t) "Harbour Accord", NULL, ENTITY_AGREEMENT,
                                 &sp, 1};
    /* a name that is a person and a place: two entities */
    if (i % 7 == 3)
        e[n++] = (struct entity){(char *)(uintptr_t) "Bergen", NULL, ENTITY_PERSON, &sp, 1};
    struct extraction x;
    memset(&x, 0, sizeof x);
    x.entities = e;
    x.nentities = n;
    struct topic_score t = {(char *)(uintptr_t) "transport", 1.0, &sp, 1};
    x.topics = &t;
    x.ntopics = 1;
    if (rc == 0)
        rc = store_put_extraction_new(s, id, &x, err);
    free(own);
    free(body);
    free(path);
    return rc;
}


static char *
one_text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        out = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out ? out : xstrdup("");
}

static const char *const queries[] = {
    "person:\"Ana Lima\"", "person:Bergen",  "org:\"Harbour Board\"", "org:港务局",
    "country:Norway",      "country:挪威",   "entity:Bergen",         "person:Tom*",
    "org:Harbour*",        "person:Norway",  "country:\"Harbour Board\"",
    "harbour person:\"Ines Faro\"",          "NOT country:Norway",
};

/* Everything the readers of entities answer, as text: queries' ids,
 * facets, top entities (whole and few) of each kind and of any, pairs, a
 * few documents' entities and people, compare's entity lists. */
static char *
answers(struct store *s)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    for (size_t i = 0; i < DS_ARRAY_LEN(queries); i++) {
        char *ids = query_ids(s, queries[i], NDOCS + 4);
        buf_printf(&b, "%s: %s\n", queries[i], ids);
        free(ids);
    }
    static const char *const fq[] = {"harbour", "person:\"Ana Lima\""};
    enum facet_kind fk[] = {FACET_PERSON, FACET_ORG, FACET_COUNTRY};
    for (size_t i = 0; i < DS_ARRAY_LEN(fq); i++)
        for (size_t k = 0; k < DS_ARRAY_LEN(fk); k++) {
            struct query *q = NULL;
            struct facet *f = NULL;
            size_t n = 0;
            if (query_parse(fq[i], &q, &err) != 0 ||
                store_facets(s, q, fk[k], 10, &f, &n, &err) != 0)
                buf_printf(&b, "error: %s\n", err.msg);
            buf_printf(&b, "facet %d of %s:", (int)fk[k], fq[i]);
            for (size_t j = 0; j < n; j++)
                buf_printf(&b, " %s/%s %lld;", f[j].key, f[j].label ? f[j].label : "-",
                           (long long)f[j].count);
            buf_putc(&b, '\n');
            facets_free(f, n);
            query_free(&q);
        }
    struct corpus_sel *all = NULL;
    if (corpus_select(s, NULL, &all, &err) != 0)
        buf_printf(&b, "error: %s\n", err.msg);
    int kinds[] = {ENTITY_PERSON, ENTITY_ORG, ENTITY_COUNTRY, ENTITY_PLACE, ENTITY_AGREEMENT, -1};
    for (size_t k = 0; k < DS_ARRAY_LEN(kinds); k++)
        for (size_t max = 2; max <= 50; max += 48) {
            struct corpus_count *c = NULL;
            size_t n = 0;
            if (corpus_entities(s, all, kinds[k], max, &c, &n, &err) != 0)
                buf_printf(&b, "error: %s\n", err.msg);
            buf_printf(&b, "kind %d, %zu:", kinds[k], max);
            for (size_t i = 0; i < n; i++)
                buf_printf(&b, " %s (%s) %lld;", c[i].key, c[i].label ? c[i].label : "-",
                           (long long)c[i].count);
            buf_putc(&b, '\n');
            corpus_counts_free(c, n);
        }
    struct corpus_pair *p = NULL;
    size_t np = 0;
    if (corpus_cooccur(s, all, 8, &p, &np, &err) != 0)
        buf_printf(&b, "error: %s\n", err.msg);
    buf_puts(&b, "pairs:");
    for (size_t i = 0; i < np; i++)
        buf_printf(&b, " %s (%d) + %s (%d) %lld;", p[i].a, (int)p[i].kind_a, p[i].b,
                   (int)p[i].kind_b, (long long)p[i].docs);
    buf_putc(&b, '\n');
    corpus_pairs_free(p, np);
    corpus_sel_free(&all);
    for (int64_t id = 1; id <= 8; id++) {
        struct extraction x;
        memset(&x, 0, sizeof x);
        char *names = NULL;
        if (store_get_extraction(s, id, &x, &err) != 0 ||
            store_story_person_names(s, id, &names, &err) != 0)
            buf_printf(&b, "error: %s\n", err.msg);
        buf_printf(&b, "doc %lld:", (long long)id);
        for (size_t i = 0; i < x.nentities; i++)
            buf_printf(&b, " %s %s/%s %zu;", entity_kind_name(x.entities[i].kind),
                       x.entities[i].name, x.entities[i].alt ? x.entities[i].alt : "-",
                       x.entities[i].nspans);
        buf_printf(&b, " people: %s\n", names ? names : "?");
        free(names);
        extraction_clear(&x);
    }
    struct query *qa = NULL, *qb = NULL;
    struct cmp_sets cs;
    memset(&cs, 0, sizeof cs);
    if (query_parse("person:\"Ines Faro\"", &qa, &err) != 0 ||
        query_parse("country:Norway", &qb, &err) != 0 ||
        compare_two_sets(s, qa, qb, 100, &cs, &err) != 0)
        buf_printf(&b, "error: %s\n", err.msg);
    buf_puts(&b, "compare:");
    for (size_t i = 0; i < cs.nentities; i++)
        buf_printf(&b, " %s %llu/%llu;", cs.entities[i].word,
                   (unsigned long long)cs.entities[i].count_a,
                   (unsigned long long)cs.entities[i].count_b);
    buf_putc(&b, '\n');
    cmp_sets_clear(&cs);
    query_free(&qa);
    query_free(&qb);
    return buf_steal(&b);
}

/* The plan of sql on s, its details joined by '|' (caller frees). */
static char *
plan_of(struct store *s, const char *sql)
{
    struct buf plan = BUF_INIT;
    sqlite3_stmt *st = NULL;
    char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
    if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK)
        buf_printf(&plan, "error: %s", sqlite3_errmsg(s->db));
    while (st && sqlite3_step(st) == SQLITE_ROW)
        buf_printf(&plan, "%s|", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    free(q);
    return buf_steal(&plan);
}

/* The kind filters read the entities of their kind by index. */
static void
check_plans(struct store *s, const char *label)
{
    static const char *const filters[] = {"person:\"Ana Lima\"", "org:Harbour*", "country:挪威"};
    for (size_t i = 0; i < DS_ARRAY_LEN(filters); i++) {
        struct query *q = NULL;
        struct ds_error err;
        char *p = query_parse(filters[i], &q, &err) == 0 ? plan_of(s, query_sql_unranked(q))
                                                          : xstrdup(err.msg);
        ok(strstr(p, "USING INDEX entities_h (kind=?)") != NULL, "%s: %s reads its kind by index: %s",
           label, filters[i], p);
        free(p);
        query_free(&q);
    }
    char *p = plan_of(s, stats_sql[ST_ENT_TOP_KIND]);
    ok(strstr(p, "corpus_ent_kind (kind=? AND docs>?)") != NULL,
       "%s: top entities of a kind by their partial index: %s", label, p);
    free(p);
    p = plan_of(s, "SELECT id, alt FROM entities WHERE kind = ?1 AND h = ?3 AND name = ?2");
    ok(strstr(p, "entities_h (kind=? AND h=?)") != NULL, "%s: the writer's lookup: %s", label, p);
    free(p);
}

/* Every entity's id, kind, name, alt name and hash, in id order; every
 * corpus_ent row. */
#define ENTITY_ROWS                                                                               \
    "SELECT group_concat(id || ' ' || kind || ' ' || name || ' ' || coalesce(alt, '-') || ' ' || h," \
    " '|') FROM (SELECT * FROM entities ORDER BY id)"
#define CORPUS_ENT_ROWS                                                                           \
    "SELECT group_concat(entity_id || ' ' || kind || ' ' || docs, '|')"                        \
    " FROM (SELECT * FROM corpus_ent ORDER BY entity_id)"

/* Kinds as numbers in both tables, every hash that of the kind's word. */
static void
check_numbers(struct store *s, const char *label)
{
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_table_info('entities')"
                      " WHERE name = 'kind' AND type = 'INTEGER'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM pragma_table_info('corpus_ent')"
                          " WHERE name = 'kind' AND type = 'INTEGER'") == 1,
       "%s: both kind columns are numbers", label);
    ok(sql_int(s->db, "SELECT count(*) FROM entities WHERE typeof(kind) != 'integer'"
                      " OR kind NOT BETWEEN 1 AND 5") == 0 &&
           sql_int(s->db, "SELECT count(*) FROM corpus_ent WHERE typeof(kind) != 'integer'"
                          " OR kind NOT BETWEEN 1 AND 5") == 0,
       "%s: every kind stored as a number of a kind", label);
    ok(sql_int(s->db, "SELECT count(*) FROM entities WHERE kind = " STORE_ENT_PERSON
                      " AND name = 'Ana Lima'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM entities WHERE kind = " STORE_ENT_ORG
                          " AND name = 'Harbour Board'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM entities WHERE kind = " STORE_ENT_COUNTRY
                          " AND name = 'Norway'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM entities WHERE kind = " STORE_ENT_PLACE
                          " AND name = 'Bergen'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM entities WHERE kind = " STORE_ENT_AGREEMENT
                          " AND name = 'Harbour Accord'") == 1,
       "%s: each kind its number, each entity once", label);
    ok(sql_int(s->db, "SELECT count(*) FROM entities WHERE h IS NOT ds_entity_hash(kind, name)"
                      " OR h IS NOT ds_entity_hash(CASE kind WHEN 1 THEN 'person' WHEN 2 THEN"
                      " 'org' WHEN 3 THEN 'country' WHEN 4 THEN 'place' ELSE 'agreement' END,"
                      " name)") == 0,
       "%s: every hash that of the kind's word and name", label);
}

/* Schema 27 as main wrote it: the kinds as words in entities (with its
 * hash index on them) and in corpus_ent with its two partial indexes. */
#define KIND_WORD                                                                                 \
    "CASE kind WHEN 1 THEN 'person' WHEN 2 THEN 'org' WHEN 3 THEN 'country'"                      \
    " WHEN 4 THEN 'place' WHEN 5 THEN 'agreement' END"
static const char downgrade_27[] =
    "BEGIN;"
    "CREATE TABLE entities_old(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
    " alt TEXT, h INTEGER NOT NULL);"
    "INSERT INTO entities_old SELECT id, " KIND_WORD ", name, alt, h FROM entities ORDER BY id;"
    "DROP TABLE entities; ALTER TABLE entities_old RENAME TO entities;"
    "CREATE INDEX entities_h ON entities(kind, h);"
    "CREATE TABLE corpus_ent_old(entity_id INTEGER PRIMARY KEY, kind TEXT,"
    " docs INTEGER NOT NULL);"
    "INSERT INTO corpus_ent_old SELECT entity_id, " KIND_WORD ", docs FROM corpus_ent;"
    "DROP TABLE corpus_ent; ALTER TABLE corpus_ent_old RENAME TO corpus_ent;"
    "CREATE INDEX corpus_ent_docs ON corpus_ent(docs DESC, entity_id) WHERE docs > 1;"
    "CREATE INDEX corpus_ent_kind ON corpus_ent(kind, docs DESC, entity_id) WHERE docs > 1;"
    "PRAGMA user_version = 27;"
    "COMMIT;";

/* An upgrade to 28 that dies before its COMMIT: the child copies the
 * entities with their numbers, drops the old table and corpus_ent, and
 * exits without committing. 0 when it ran. */
static int
killed_upgrade_28(const char *path)
{
    return killed_upgrade_run(path,
                              "BEGIN IMMEDIATE;"
                              "CREATE TABLE entities_new(id INTEGER PRIMARY KEY,"
                              " kind INTEGER NOT NULL, name TEXT NOT NULL, alt TEXT,"
                              " h INTEGER NOT NULL);"
                              "INSERT INTO entities_new SELECT id, CASE kind WHEN 'person'"
                              " THEN 1 ELSE 2 END, name, alt, h FROM entities;"
                              "DROP TABLE entities; DROP TABLE corpus_ent;"
                              "ALTER TABLE entities_new RENAME TO entities;");
}

static sqlite3 *
raw_open(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* The file at path, made schema 27 again, opens at 28 with the same
 * entities under the same ids, its statistics current, the same answers. */
static void
check_upgrade(const char *path, const char *label, const char *before, bool kill_first)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens: %s", label, err.msg);
    int64_t ments = sql_int(s->db, "SELECT count(*) FROM mentions");
    char *ents = one_text(s->db, ENTITY_ROWS), *cents = one_text(s->db, CORPUS_ENT_ROWS);
    store_close(&s);
    sqlite3 *db = raw_open(path);
    ok(db && sqlite3_exec(db, downgrade_27, NULL, NULL, NULL) == SQLITE_OK,
       "%s: made schema 27: %s", label, db ? sqlite3_errmsg(db) : "?");
    ok(sql_int(db, "SELECT count(*) FROM entities WHERE typeof(kind) = 'text'") > 0 &&
           sql_int(db, "SELECT count(*) FROM corpus_ent WHERE kind = 'person'") > 0,
       "%s: the kinds are words again", label);
    sqlite3_close(db);
    if (kill_first) {
        ok(killed_upgrade_28(path) == 0, "%s: an upgrade killed before its COMMIT", label);
        db = raw_open(path);
        ok(db && sql_int(db, "PRAGMA user_version") == 27 &&
               sql_int(db, "SELECT count(*) FROM entities WHERE typeof(kind) = 'text'") > 0 &&
               sql_int(db, "SELECT count(*) FROM corpus_ent") > 0,
           "%s: the killed upgrade left schema 27 as it was", label);
        sqlite3_close(db);
    }
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens again: %s", label, err.msg);
    ok(sql_int(s->db, "PRAGMA user_version") == STORE_SCHEMA_VERSION &&
           STORE_SCHEMA_VERSION == STORE_SCHEMA_ENT_KINDS,
       "%s: upgraded", label);
    check_numbers(s, label);
    char *ents_after = one_text(s->db, ENTITY_ROWS), *cents_after = one_text(s->db, CORPUS_ENT_ROWS);
    ok(strlen(ents) > 0 && strcmp(ents, ents_after) == 0 && strcmp(cents, cents_after) == 0 &&
           sql_int(s->db, "SELECT count(*) FROM mentions") == ments,
       "%s: the same entities under the same ids, the same counts, %lld mentions", label,
       (long long)ments);
    free(ents);
    free(ents_after);
    free(cents);
    free(cents_after);
    ok(stats_tables_current(s, &err) == 1, "%s: the statistics tables still current", label);
    char *after = answers(s);
    ok(strcmp(after, before) == 0, "%s: every reader answers as before", label);
    if (strcmp(after, before) != 0)
        diag("before:\n%s\nafter:\n%s", before, after);
    free(after);
    corpus_use_derived(s, false);
    after = answers(s);
    corpus_use_derived(s, true);
    ok(strcmp(after, before) == 0, "%s: also from the index's own tables", label);
    free(after);
    check_plans(s, label);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_integrity_check"
                      " WHERE integrity_check != 'ok'") == 0 &&
           sql_int(s->db, "SELECT count(*) FROM pragma_foreign_key_check") == 0 &&
           sql_int(s->db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_new'") == 0,
       "%s: integrity_check and foreign_key_check clean, nothing left over", label);
    store_close(&s);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (tmpdir_make("test_ent_kinds") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "a fresh index: %s", err.msg);
    ok(store_begin(s, &err) == 0, "begin");
    int added = 0;
    for (int i = 0; i < NDOCS; i++)
        added += add_doc(s, i, &err) == 0;
    ok(added == NDOCS, "documents with their entities: %s", err.msg);
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    ok(corpus_refresh(s, false, &err) == 0, "statistics refreshed: %s", err.msg);
    check_numbers(s, "fresh");

    char *before = answers(s);
    if (getenv("TEST_ENT_KINDS_SHOW"))
        diag("%s", before);
    ok(strstr(before, "error") == NULL, "every reader answers: %.80s", before);
    /* what the answers must be, so that two wrong ones cannot agree */
    ok(strstr(before, "person:\"Ana Lima\": 1 9 13 17 21 29 33 \n") &&
           strstr(before, "person:Bergen: 4 11 18 25 32 \n") &&
           strstr(before, "org:港务局: 1 4 7 10 13 16 19 22 25 28 31 34 \n") &&
           strstr(before, "country:挪威: 1 5 9 13 17 21 25 29 33 \n") &&
           strstr(before, "person:Norway: \n") && strstr(before, "country:\"Harbour Board\": \n"),
       "the kind filters find their documents, and none of another kind");
    ok(strstr(before, "entity:Bergen: 1 3 4 5 7 ") != NULL, "entity: finds every kind");
    ok(strstr(before, "facet 2 of harbour: Norway/挪威 9;") &&
           strstr(before, "facet 4 of harbour: Harbour Board/港务局 12;"),
       "facets by kind");
    ok(strstr(before, "kind 3, 2: Bergen (place) 18;") &&
           strstr(before, "kind 4, 2: Harbour Accord (agreement) 6;") &&
           strstr(before, "kind -1, 2: Bergen (place) 18; Harbour Board (org) 12;"),
       "top entities by kind with their kind's name");
    ok(strstr(before, "doc 4: ") && strstr(strstr(before, "doc 4: "), " person Bergen/- 1;") &&
           strstr(strstr(before, "doc 4: "), "people: Ola Strand\nBergen\n"),
       "a name of two kinds: the person among the people");
    ok(strstr(before, "doc 1: person Ana Lima/- 1; place Bergen/- 1; org Harbour Board/港务局 1;"
                      " country Norway/挪威 1; people: Ana Lima\n") &&
           strstr(before, "doc 2: agreement Harbour Accord/- 1; person Tomas Berg/- 1;"
                          " people: Tomas Berg\n"),
       "a document's entities with their kinds, and its people");
    ok(strstr(before, "compare: ") && strstr(before, " Ines Faro 7/0;"),
       "compare counts the entities of each side");
    corpus_use_derived(s, false);
    char *direct = answers(s);
    corpus_use_derived(s, true);
    ok(strcmp(direct, before) == 0, "the same without the statistics tables");
    if (strcmp(direct, before) != 0)
        diag("derived:\n%s\ndirect:\n%s", before, direct);
    free(direct);
    check_plans(s, "fresh");
    store_close(&s);

    check_upgrade(path, "schema 27", before, false);
    check_upgrade(path, "killed, then again", before, true);

    /* after the upgrade: a stored entity found by its number, a new one
     * written with its number, the statistics counting both */
    ok(store_open(path, 0, &s, &err) == 0 && store_begin(s, &err) == 0 &&
           add_doc(s, NDOCS, &err) == 0 && add_doc(s, NDOCS + 3, &err) == 0 &&
           store_commit(s, &err) == 0 && corpus_refresh(s, false, &err) == 0,
       "two documents added, refreshed: %s", err.msg);
    is_int(sql_int(s->db, "SELECT count(*) FROM entities WHERE name = 'Ana Lima'"), 1,
           "a stored entity is found, not written again");
    is_int(sql_int(s->db, "SELECT kind FROM entities WHERE name = 'Pilot Nb Vik'"),
           atoi(STORE_ENT_PERSON), "a new one written with its kind's number");
    char *derived = answers(s);
    corpus_use_derived(s, false);
    direct = answers(s);
    ok(strcmp(direct, derived) == 0 && strcmp(derived, before) != 0 &&
           strstr(derived, "person:\"Ana Lima\": 1 9 13 17 21 29 33 37 \n") != NULL,
       "after the change: the same as from the index's own tables, not as before");
    free(direct);
    free(derived);
    store_close(&s);

    free(before);
    free(path);
    tmpdir_remove();
    return done_testing();
}
