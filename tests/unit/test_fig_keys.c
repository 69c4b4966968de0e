/*
 * test_fig_keys.c — figure subject keys by number in the statistics tables
 * (schema 25, issue 16): corpus_figkey numbers each key once, corpus_fig
 * keeps the number; the figures table by subject (limited: the stored keys
 * pick the rows) reads the same as from the index's own tables; an index of
 * schema 24 (keys as text in corpus_fig, as main wrote it before) upgrades
 * in place to the same answers with its statistics still current, also
 * after an upgrade killed before its COMMIT; the readers' statements are
 * index lookups. Also schema 25: the index of entities by kind keeps those
 * in more than one document, and the top entities of a kind read the same;
 * the timeline of topics keeps topic numbers, and the topic totals and
 * series read the same. Schema 27: the numbers are kept in
 * figure_rows.key_id (corpus_fig dropped); an index of schema 26 with a
 * document deleted since its last refresh upgrades to the same answers,
 * also after an upgrade killed before its COMMIT.
 */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/corpus.h"
#include "dossier/store.h"
#include "store/lib.h"
#include "query_ids.h"
#include "store/stats.h"
#include "tap.h"
#include "tmpdir.h"

enum { NDOCS = 48 };

/* Subjects written in several ways: some share a key, most do not. */
static const char *const subjects[] = {
    "harbour dues",    "Harbour dues",     "container traffic", "the toll on the bridge",
    "grain shipments", "ferry passengers", NULL,                "rail freight to the coast",
};
#define NSUBJ (sizeof subjects / sizeof subjects[0])

/* Document i: one or two figures, a date, an outlet; a port in every
 * third, a harbour master of its own (so in one document only). */
static int
add_doc(struct store *s, int i, struct ds_error *err)
{
    char *body = xasprintf("Port note %d. Dues rose %d pct this month. Traffic fell %d pct.", i,
                           i % 9 + 1, i % 5 + 2);
    char *path = xasprintf("/nowhere/note-%02d.txt", i);
    struct article a;
    memset(&a, 0, sizeof a);
    a.path = path;
    a.title = (char *)(uintptr_t) "Port notes";
    a.body = a.raw = body;
    a.source = (char *)(uintptr_t)(i % 2 ? "Harbour Gazette" : "Coast Wire");
    char date[16];
    snprintf(date, sizeof date, "2022-%02d-%02d", i % 12 + 1, i % 27 + 1);
    a.published = date;
    a.words = 12;
    int64_t id = 0;
    int rc = store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, err);
    struct file_state fs = {1, 1, id, 0};
    if (rc == 0)
        rc = store_file_put(s, path, &fs, err);
    struct figure f[2];
    memset(f, 0, sizeof f);
    struct extraction x;
    memset(&x, 0, sizeof x);
    x.figures = f;
    x.nfigures = 1 + (size_t)(i % 3 == 0);
    for (size_t k = 0; k < x.nfigures; k++) {
        const char *p = strstr(body, k ? "fell" : "rose");
        f[k].span.start = (uint32_t)(p - body) + 5;
        f[k].span.end = f[k].span.start + 5;
        f[k].text = (char *)(uintptr_t)(k ? "4 pct" : "3 pct");
        f[k].value = (double)(i % 9 + 1 + (int)k);
        f[k].value_hi = f[k].value;
        f[k].unit = (char *)(uintptr_t) "%";
        f[k].kind = FIGURE_RATE;
        f[k].subject = (char *)(uintptr_t)subjects[((size_t)i * 3 + k) % NSUBJ];
    }
    struct span sp = {0, 4};
    char *master = xasprintf("Harbour Master %c%c", 'A' + i % 26, 'a' + i / 26);
    struct entity e[2] = {{master, NULL, ENTITY_PERSON, &sp, 1},
                          {(char *)(uintptr_t) "Port Vell", NULL, ENTITY_PLACE, &sp, 1}};
    x.entities = e;
    x.nentities = 1 + (size_t)(i % 3 == 1);
    static const char *const slugs[] = {"economy", "transport", "economy/trade"};
    struct topic_score t[2] = {{(char *)(uintptr_t)slugs[i % 3], 2.0, &sp, 1},
                               {(char *)(uintptr_t)slugs[(i + 1) % 3], 1.0, &sp, 1}};
    x.topics = t;
    x.ntopics = 1 + (size_t)(i % 4 == 0);
    if (rc == 0)
        rc = store_put_extraction_new(s, id, &x, err);
    free(master);
    free(body);
    free(path);
    return rc;
}


/* The figures table by subject as the CLI prints it, whole and limited,
 * for every document and for a selection, from the derived tables. */
static char *
figures_text(struct store *s)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    struct corpus_sel *all = NULL, *some = NULL;
    int64_t ids[] = {2, 3, 5, 8, 13, 21, 34};
    if (corpus_select(s, NULL, &all, &err) != 0 ||
        corpus_select_ids(s, ids, DS_ARRAY_LEN(ids), &some, &err) != 0) {
        buf_printf(&b, "error: %s", err.msg);
        corpus_sel_free(&all);
        return buf_steal(&b);
    }
    struct corpus_sel *sels[] = {all, some};
    for (size_t k = 0; k < 2; k++)
        for (size_t max = 0; max <= 4; max += 2) {
            struct corpus_figure *f = NULL;
            size_t n = 0;
            char **lines = NULL;
            size_t nl = 0;
            if (corpus_figures(s, sels[k], CORPUS_FIG_BY_SUBJECT, max, &f, &n, &err) != 0) {
                buf_printf(&b, "error: %s\n", err.msg);
                continue;
            }
            buf_printf(&b, "-- %zu %zu: %zu figures\n", k, max, n);
            corpus_render_figures(f, n, true, 80, &lines, &nl);
            for (size_t i = 0; i < nl; i++)
                buf_printf(&b, "%s\n", lines[i]);
            corpus_lines_free(lines, nl);
            corpus_figures_free(f, n);
        }
    /* the top entities of each kind and of any, fewer and more than
     * those in two documents or more */
    int kinds[] = {ENTITY_PERSON, ENTITY_PLACE, -1};
    for (size_t k = 0; k < DS_ARRAY_LEN(kinds); k++)
        for (size_t max = 1; max <= 5; max += 4) {
            struct corpus_count *c = NULL;
            size_t n = 0;
            if (corpus_entities(s, all, kinds[k], max, &c, &n, &err) != 0) {
                buf_printf(&b, "error: %s\n", err.msg);
                continue;
            }
            buf_printf(&b, "-- kind %d, %zu:", kinds[k], max);
            for (size_t i = 0; i < n; i++)
                buf_printf(&b, " %s %lld;", c[i].key, (long long)c[i].count);
            buf_putc(&b, '\n');
            corpus_counts_free(c, n);
        }
    /* the topics' totals and their series over time */
    for (size_t k = 0; k < 2; k++) {
        struct corpus_count *c = NULL;
        size_t n = 0;
        struct corpus_timeline tl;
        if (corpus_distribution(s, sels[k], CORPUS_DIST_TOPIC, 0, &c, &n, &err) != 0 ||
            corpus_timeline(s, sels[k], CORPUS_UNIT_MONTH, 5, &tl, &err) != 0) {
            buf_printf(&b, "error: %s\n", err.msg);
            corpus_counts_free(c, n);
            continue;
        }
        buf_printf(&b, "-- topics %zu:", k);
        for (size_t i = 0; i < n; i++)
            buf_printf(&b, " %s %lld;", c[i].key, (long long)c[i].count);
        for (size_t i = 0; i < tl.nseries; i++) {
            buf_printf(&b, "\n%s %lld:", tl.series[i].key, (long long)tl.series[i].total);
            for (size_t j = 0; j < tl.nbuckets; j++)
                buf_printf(&b, " %s=%lld", tl.buckets[j].key, (long long)tl.series[i].counts[j]);
        }
        buf_putc(&b, '\n');
        corpus_counts_free(c, n);
        corpus_timeline_clear(&tl);
    }
    corpus_sel_free(&all);
    corpus_sel_free(&some);
    return buf_steal(&b);
}

/* corpus_figkey's counts are its figures' in figure_rows, every figure
 * has a number, nothing left at 0: the number of mismatches. */
static int64_t
keys_mismatch(sqlite3 *db)
{
    return sql_int(db, "SELECT (SELECT count(*) FROM corpus_figkey k WHERE n !="
                       " (SELECT count(*) FROM figure_rows f WHERE f.key_id = k.id) OR n <= 0)"
                       " + (SELECT count(*) FROM figure_rows f WHERE NOT EXISTS"
                       "  (SELECT 1 FROM corpus_figkey k WHERE k.id = f.key_id))");
}

/* The plan of statement id, its details joined by '|' (caller frees). */
static char *
plan_of(sqlite3 *db, enum stats_stmt_id id)
{
    struct buf b = BUF_INIT;
    char *sql = xasprintf("EXPLAIN QUERY PLAN %s", stats_sql[id]);
    sqlite3_stmt *st = NULL;
    sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS corpus_figsel(id INTEGER PRIMARY KEY);"
                     "CREATE TEMP TABLE IF NOT EXISTS corpus_sel(sel INTEGER NOT NULL,"
                     " id INTEGER NOT NULL, PRIMARY KEY(sel, id)) WITHOUT ROWID",
                 NULL, NULL, NULL);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        buf_printf(&b, "error: %s", sqlite3_errmsg(db));
    while (st && sqlite3_step(st) == SQLITE_ROW)
        buf_printf(&b, "%s|", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    free(sql);
    return buf_steal(&b);
}

/* Schema 24 as main wrote it: each figure's key as text in corpus_fig,
 * corpus_figkey keyed by the text. */
static const char downgrade_24[] =
    "BEGIN;"
    "CREATE TABLE old_fig AS SELECT f.doc_id, f.id, k.key FROM figure_rows f"
    " JOIN corpus_figkey k ON k.id = f.key_id;"
    "CREATE TABLE old_key AS SELECT key, n FROM corpus_figkey;"
    "DROP TRIGGER figure_rows_gone; DROP INDEX figure_rows_key;"
    "ALTER TABLE figure_rows DROP COLUMN key_id; DROP TABLE corpus_figkey;"
    "CREATE TABLE corpus_fig(doc_id INTEGER NOT NULL, id INTEGER NOT NULL,"
    " key TEXT NOT NULL, PRIMARY KEY(doc_id, id)) WITHOUT ROWID;"
    "CREATE INDEX corpus_fig_key ON corpus_fig(key);"
    "CREATE TABLE corpus_figkey(key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE INDEX corpus_figkey_n ON corpus_figkey(n DESC, key) WHERE n > 1;"
    "INSERT INTO corpus_fig SELECT * FROM old_fig; INSERT INTO corpus_figkey SELECT * FROM old_key;"
    "DROP TABLE old_fig; DROP TABLE old_key;"
    "CREATE TABLE old_day AS SELECT t.slug, d.day, d.n FROM corpus_topic_day d"
    " JOIN topic_ids t ON t.id = d.topic;"
    "DROP TABLE corpus_topic_day;"
    "CREATE TABLE corpus_topic_day(slug TEXT NOT NULL, day TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(slug, day)) WITHOUT ROWID;"
    "INSERT INTO corpus_topic_day SELECT * FROM old_day; DROP TABLE old_day;"
    "PRAGMA user_version = 24;"
    "COMMIT;";

/* An upgrade that dies before its COMMIT: the child numbers the keys,
 * drops the old corpus_fig and exits without committing. 0 when it ran. */
static int
killed_upgrade(const char *path)
{
    return killed_upgrade_run(path,
                              "BEGIN IMMEDIATE;"
                              "DROP INDEX corpus_fig_key; DROP INDEX corpus_figkey_n;"
                              "ALTER TABLE corpus_fig RENAME TO corpus_fig_old;"
                              "ALTER TABLE corpus_figkey RENAME TO corpus_figkey_old;"
                              "CREATE TABLE corpus_figkey(id INTEGER PRIMARY KEY,"
                              " key TEXT NOT NULL, n INTEGER NOT NULL);"
                              "INSERT INTO corpus_figkey(key, n) SELECT key, n"
                              " FROM corpus_figkey_old;");
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

/* The file at path, made schema 24 again, opens at 25 with its
 * statistics current and the same figures table. */
static void
check_upgrade(const char *path, const char *label, const char *before, bool kill_first)
{
    sqlite3 *db = raw_open(path);
    ok(db && sqlite3_exec(db, downgrade_24, NULL, NULL, NULL) == SQLITE_OK,
       "%s: made schema 24: %s", label, db ? sqlite3_errmsg(db) : "?");
    ok(sql_int(db, "SELECT count(*) FROM pragma_table_info('corpus_fig') WHERE name = 'key'") == 1,
       "%s: corpus_fig keeps keys as text again", label);
    sqlite3_close(db);
    if (kill_first)
        ok(killed_upgrade(path) == 0, "%s: an upgrade killed before its COMMIT", label);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens: %s", label, err.msg);
    ok(sql_int(s->db, "PRAGMA user_version") == STORE_SCHEMA_VERSION, "%s: upgraded", label);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_table_info('figure_rows')"
                      " WHERE name = 'key_id'") == 1 &&
           sql_int(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_fig'") == 0,
       "%s: figure_rows keeps the numbers, corpus_fig gone", label);
    ok(keys_mismatch(s->db) == 0, "%s: every count and number agrees", label);
    ok(stats_tables_current(s, &err) == 1, "%s: the statistics tables still current", label);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_table_info('corpus_topic_day')"
                      " WHERE name = 'topic'") == 1,
       "%s: the timeline keeps topic numbers", label);
    ok(sql_int(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_ent_kind'"
                      " AND sql LIKE '%WHERE docs > 1'") == 1,
       "%s: the index of entities by kind is partial", label);
    char *after = figures_text(s);
    ok(strcmp(after, before) == 0, "%s: the figures by subject read as before", label);
    if (strcmp(after, before) != 0)
        diag("before:\n%s\nafter:\n%s", before, after);
    free(after);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_integrity_check"
                      " WHERE integrity_check != 'ok'") == 0,
       "%s: integrity_check clean", label);
    store_close(&s);
}

/* Two keys whose hash gives the same number: the second takes the next
 * free one, and a key counted down to 0 stays while a key after it
 * probed past it. */
static void
check_probing(struct store *s)
{
    sqlite3_stmt *at = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_AT], -1, &at, NULL) == SQLITE_OK,
       "probe statement");
    int64_t h = 0, id = 0;
    bool found = true;
    ok(stats_fig_key_id(at, "probe alpha", &h, &found) == SQLITE_OK && !found && h > 0,
       "a new key: a free number");
    char *sql = xasprintf("INSERT INTO corpus_figkey(id, key, n) VALUES (%lld, 'probe other', 1)",
                          (long long)h);
    ok(store_exec(s, sql, "probing", &err) == 0, "another key takes that number: %s", err.msg);
    free(sql);
    ok(stats_fig_key_id(at, "probe alpha", &id, &found) == SQLITE_OK && !found && id == h + 1,
       "the key then gets the next number");
    sql = xasprintf("INSERT INTO corpus_figkey(id, key, n) VALUES (%lld, 'probe alpha', 2);"
                    "UPDATE corpus_figkey SET n = 0 WHERE id = %lld",
                    (long long)id, (long long)h);
    ok(store_exec(s, sql, "probing", &err) == 0 && stats_changes_done(s, &err) == 0,
       "the first counted down to 0, cleaned up: %s", err.msg);
    free(sql);
    ok(stats_fig_key_id(at, "probe alpha", &id, &found) == SQLITE_OK && found && id == h + 1,
       "the key after it is still found");
    sql = xasprintf("UPDATE corpus_figkey SET n = 0 WHERE id = %lld", (long long)h + 1);
    ok(store_exec(s, sql, "probing", &err) == 0 && stats_changes_done(s, &err) == 0 &&
           stats_changes_done(s, &err) == 0,
       "both at 0, cleaned up twice");
    free(sql);
    sql = xasprintf("SELECT count(*) FROM corpus_figkey WHERE id IN (%lld, %lld)", (long long)h,
                    (long long)h + 1);
    is_int(sql_int(s->db, sql), 0, "both rows gone");
    free(sql);
    sqlite3_finalize(at);
}

/* The readers name the key by its number through an index. */
static void
check_plans(sqlite3 *db)
{
    char *p = plan_of(db, ST_FIGSEL_ADD_KEY);
    ok(strstr(p, "figure_rows_key (key_id=?)") != NULL,
       "a subject's figures by the key's number, by index: %s", p);
    free(p);
    p = plan_of(db, ST_FIG_KEYS_SEL);
    ok(strstr(p, "SEARCH f USING INDEX figure_rows_doc (doc_id=?)") &&
           strstr(p, "SEARCH k USING INTEGER PRIMARY KEY (rowid=?)"),
       "a selection's keys: its figures by document, each key by number: %s", p);
    free(p);
    p = plan_of(db, ST_ENT_TOP_KIND);
    ok(strstr(p, "corpus_ent_kind (kind=? AND docs>?)") != NULL,
       "top entities of a kind by their partial index: %s", p);
    free(p);
    p = plan_of(db, ST_FIGKEY_GROUPS);
    ok(strstr(p, "corpus_figkey_n (n>?)") != NULL, "keys of several figures by count: %s", p);
    free(p);
}

/* Every entity's id, kind, name and alt name, in id order. */
#define ENTITY_ROWS                                                                               \
    "SELECT group_concat(id || ' ' || kind || ' ' || name || ' ' || coalesce(alt, '-'), '|')"  \
    " FROM (SELECT * FROM entities ORDER BY id)"

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

/* Schema 26 as main wrote it: corpus_fig(doc_id, id, key_id) with its
 * key index, no number in figure_rows; the figures of the document
 * deleted since the last refresh (kept in gone_fig before it went) still
 * in corpus_fig and counted, as main left them for its refresh. */
static const char downgrade_26[] =
    "BEGIN;"
    "CREATE TABLE corpus_fig(doc_id INTEGER NOT NULL, id INTEGER NOT NULL,"
    " key_id INTEGER NOT NULL, PRIMARY KEY(doc_id, id)) WITHOUT ROWID;"
    "INSERT INTO corpus_fig SELECT doc_id, id, key_id FROM figure_rows WHERE key_id > 0"
    " UNION ALL SELECT doc_id, id, key_id FROM gone_fig;"
    "UPDATE corpus_figkey SET n = n + x.c FROM (SELECT key_id AS k, count(*) AS c"
    " FROM gone_fig GROUP BY 1) x WHERE corpus_figkey.id = x.k;"
    "CREATE INDEX corpus_fig_key ON corpus_fig(key_id);"
    "DROP TABLE gone_fig;"
    "DROP TRIGGER figure_rows_gone; DROP INDEX figure_rows_key;"
    "ALTER TABLE figure_rows DROP COLUMN key_id;"
    /* entities with their UNIQUE(kind, name) (foreign keys are off here) */
    "CREATE TABLE entities_old(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
    " name TEXT NOT NULL, alt TEXT, UNIQUE(kind, name));"
    "INSERT INTO entities_old SELECT id, CASE kind WHEN 1 THEN 'person' WHEN 2 THEN 'org'"
    " WHEN 3 THEN 'country' WHEN 4 THEN 'place' WHEN 5 THEN 'agreement' END, name, alt"
    " FROM entities;"
    "DROP TABLE entities; ALTER TABLE entities_old RENAME TO entities;"
    "PRAGMA user_version = 26;"
    "COMMIT;";

/* An upgrade to 27 that dies before its COMMIT: the child adds the
 * column, copies the numbers, drops corpus_fig, copies the entities and
 * drops their table, and exits without committing. 0 when it ran. */
static int
killed_upgrade_27(const char *path)
{
    return killed_upgrade_run(path,
                              "BEGIN IMMEDIATE;"
                              "ALTER TABLE figure_rows ADD COLUMN key_id INTEGER;"
                              "UPDATE figure_rows SET key_id = c.key_id FROM corpus_fig c"
                              " WHERE c.id = figure_rows.id;"
                              "DROP TABLE corpus_fig;"
                              "CREATE TABLE entities_new(id INTEGER PRIMARY KEY, kind TEXT,"
                              " name TEXT, alt TEXT, h INTEGER);"
                              "INSERT INTO entities_new SELECT id, kind, name, alt, 0"
                              " FROM entities; DROP TABLE entities;");
}

/* The file at path: its last document deleted (no refresh), made schema
 * 26 again, opens at 27; after a refresh every count agrees and the
 * figures by subject read as from the index's own tables. */
static void
check_upgrade_26(const char *path, const char *label, bool kill_first)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens: %s", label, err.msg);
    ok(store_exec(s,
                  "CREATE TABLE gone_fig AS SELECT doc_id, id, key_id FROM figure_rows"
                  " WHERE doc_id = (SELECT max(id) FROM documents);"
                  "DELETE FROM documents WHERE id = (SELECT max(id) FROM documents)",
                  "deleting", &err) == 0,
       "%s: the last document deleted: %s", label, err.msg);
    ok(sql_int(s->db, "SELECT count(*) FROM gone_fig") > 0, "%s: it had figures", label);
    int64_t ents = sql_int(s->db, "SELECT count(*) FROM entities");
    int64_t ments = sql_int(s->db, "SELECT count(*) FROM mentions");
    char *names = one_text(s->db, ENTITY_ROWS);
    store_close(&s);
    sqlite3 *db = raw_open(path);
    ok(db && sqlite3_exec(db, downgrade_26, NULL, NULL, NULL) == SQLITE_OK,
       "%s: made schema 26: %s", label, db ? sqlite3_errmsg(db) : "?");
    sqlite3_close(db);
    if (kill_first)
        ok(killed_upgrade_27(path) == 0, "%s: an upgrade killed before its COMMIT", label);
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens again: %s", label, err.msg);
    ok(sql_int(s->db, "PRAGMA user_version") == STORE_SCHEMA_VERSION, "%s: upgraded", label);
    ok(sql_int(s->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_fig'") == 0,
       "%s: corpus_fig gone", label);
    ok(sql_int(s->db, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'entities'"
                      " AND name LIKE 'sqlite_autoindex%'") == 0 &&
           sql_int(s->db, "SELECT count(*) FROM entities"
                          " WHERE h IS NOT ds_entity_hash(kind, name)") == 0,
       "%s: entities found by hash, no UNIQUE index", label);
    char *names_after = one_text(s->db, ENTITY_ROWS);
    ok(ents > 0 && sql_int(s->db, "SELECT count(*) FROM entities") == ents &&
           sql_int(s->db, "SELECT count(*) FROM mentions") == ments &&
           strcmp(names, names_after) == 0,
       "%s: the same %lld entities and %lld mentions", label, (long long)ents,
       (long long)ments);
    free(names);
    free(names_after);
    ok(stats_tables_current(s, &err) == 0, "%s: a deletion to count", label);
    ok(corpus_refresh(s, false, &err) == 0, "%s: refreshed: %s", label, err.msg);
    ok(stats_tables_current(s, &err) == 1, "%s: current", label);
    ok(keys_mismatch(s->db) == 0, "%s: every count and number agrees", label);
    char *derived = figures_text(s);
    corpus_use_derived(s, false);
    char *direct = figures_text(s);
    ok(strcmp(direct, derived) == 0, "%s: the same as from the index's own tables", label);
    if (strcmp(direct, derived) != 0)
        diag("derived:\n%s\ndirect:\n%s", derived, direct);
    free(direct);
    free(derived);
    ok(sql_int(s->db, "SELECT count(*) FROM pragma_integrity_check"
                      " WHERE integrity_check != 'ok'") == 0 &&
           sql_int(s->db, "SELECT count(*) FROM pragma_foreign_key_check") == 0,
       "%s: integrity_check and foreign_key_check clean", label);
    store_close(&s);
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (tmpdir_make("test_fig_keys") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "a fresh index: %s", err.msg);
    ok(store_begin(s, &err) == 0, "begin");
    int added = 0;
    for (int i = 0; i < NDOCS; i++)
        added += add_doc(s, i, &err) == 0;
    ok(added == NDOCS, "documents with their figures: %s", err.msg);
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);
    ok(corpus_refresh(s, false, &err) == 0, "statistics refreshed: %s", err.msg);

    int64_t nkeys = sql_int(s->db, "SELECT count(*) FROM corpus_figkey");
    ok(nkeys > 2 && nkeys < (int64_t)NSUBJ, "each key numbered once (%lld)", (long long)nkeys);
    is_int(sql_int(s->db, "SELECT count(DISTINCT key_id) FROM figure_rows"
                          " WHERE subject IN ('harbour dues', 'Harbour dues')"),
           1, "two spellings of a subject, one key number");
    is_int(keys_mismatch(s->db), 0, "every count and number agrees");
    char *before = figures_text(s);
    ok(strstr(before, "error") == NULL && strstr(before, "-- 0 2: ") != NULL,
       "the figures by subject: %.60s", before);
    ok(strstr(before, "-- topics 0: economy 20; economy/trade 20; transport 20;\n"
                      "economy 20: 2022-01=4 ") != NULL,
       "topic totals and series: %s", strstr(before, "-- topics 0"));
    ok(strstr(before, "-- kind 2, 5: Harbour Master Aa 1; Harbour Master Ba 1;") != NULL &&
           strstr(before, "-- kind 3, 1: Port Vell 16;") != NULL &&
           strstr(before, "-- kind -1, 5: Port Vell 16; Harbour Master Aa 1;") != NULL,
       "people in one document each after the port, in id order");
    /* the same from the index's own tables */
    corpus_use_derived(s, false);
    char *direct = figures_text(s);
    corpus_use_derived(s, true);
    ok(strcmp(direct, before) == 0, "the same without the statistics tables");
    free(direct);
    check_plans(s->db);
    store_close(&s);

    check_upgrade(path, "schema 24", before, false);
    check_upgrade(path, "killed, then again", before, true);

    ok(store_open(path, 0, &s, &err) == 0, "opens again");
    check_probing(s);
    store_close(&s);

    /* an incremental step after the upgrade: one document deleted, two added */
    ok(store_open(path, 0, &s, &err) == 0 && store_begin(s, &err) == 0 &&
           store_exec(s, "DELETE FROM documents WHERE id = 4", "deleting", &err) == 0 &&
           add_doc(s, NDOCS, &err) == 0 && add_doc(s, NDOCS + 1, &err) == 0 &&
           store_commit(s, &err) == 0 && corpus_refresh(s, false, &err) == 0,
       "a document deleted, two added, refreshed: %s", err.msg);
    is_int(keys_mismatch(s->db), 0, "after the change: every count and number agrees");
    char *derived = figures_text(s);
    corpus_use_derived(s, false);
    direct = figures_text(s);
    ok(strcmp(direct, derived) == 0 && strcmp(derived, before) != 0,
       "after the change: the same as from the index's own tables, not as before");
    free(direct);
    free(derived);
    store_close(&s);

    check_upgrade_26(path, "schema 26", false);
    check_upgrade_26(path, "schema 26, killed, then again", true);

    free(before);
    free(path);
    tmpdir_remove();
    return done_testing();
}
