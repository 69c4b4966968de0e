/*
 * test_fig_rows.c — figures kept in figure_rows (schema 26, issue 16): the
 * writer numbers each unit, scale, kind, direction and approximation word
 * once (fig_words) and keeps a figure's ends as distances from its start;
 * readers see the rows as before through the view figures; figure filters
 * find the same documents by index; a word numbered by a transaction that
 * rolls back is numbered again; an index of schema 25 (figures a table, as
 * main wrote it before) upgrades in place to the same answers, also after
 * an upgrade killed before its COMMIT.
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

enum { NDOCS = 40, NFIGS = 3 };

static const char *const units[] = {"USD", "%", "tonnes", "CNY"};
static const char *const scales[] = {NULL, "million", "billion"};
static const char *const dirs[] = {NULL, "up", "down"};
static const char *const approxes[] = {NULL, "about", "more than", NULL};

/* Document i's figures: NFIGS of them, their words, values and spans
 * varying with i and k. */
static void
figures_of(int i, struct extraction *x, struct figure *f, char texts[NFIGS][32],
           struct span *also)
{
    memset(x, 0, sizeof *x);
    memset(f, 0, NFIGS * sizeof *f);
    for (int k = 0; k < NFIGS; k++) {
        uint32_t start = (uint32_t)(40 * k + i % 5);
        f[k].span = (struct span){start, start + 6 + (uint32_t)k};
        f[k].sentence = (struct span){start - (uint32_t)(i % 5), start + 30};
        snprintf(texts[k], sizeof texts[k], "%d.%d bn", i, k);
        f[k].text = texts[k];
        f[k].value = (double)(i * 10 + k) * (k == 1 ? 1e9 : 1.0) + (k == 2 ? 0.25 : 0);
        f[k].value_hi = k == 2 && i % 3 == 0 ? f[k].value + 5 : f[k].value;
        f[k].unit = (char *)(uintptr_t)units[(size_t)(i + k) % 4];
        f[k].scale = (char *)(uintptr_t)scales[(size_t)(i + k) % 3];
        f[k].kind = (enum figure_kind)((i + k) % 6);
        f[k].direction = (char *)(uintptr_t)dirs[(size_t)i % 3];
        f[k].period = k == 0 && i % 4 == 0 ? (char *)(uintptr_t)"in the first half" : NULL;
        f[k].subject = k == 1 ? NULL : (char *)(uintptr_t)(i % 2 ? "exports" : "the port's debt");
        f[k].approx = (char *)(uintptr_t)approxes[(size_t)(i + k) % 4];
    }
    if (i % 7 == 0) { /* stated again: figure_also */
        *also = (struct span){200, 206};
        f[0].also = also;
        f[0].nalso = 1;
    }
    x->figures = f;
    x->nfigures = NFIGS;
}

static int
add_docs(struct store *s, int from, int to)
{
    struct ds_error err;
    ds_error_clear(&err);
    int n = 0;
    for (int i = from; i < to; i++) {
        char *body = xasprintf("Harbour report %d: the accounts, the budget and the port.", i);
        struct article a;
        memset(&a, 0, sizeof a);
        a.title = (char *)(uintptr_t)"Harbour figures";
        a.body = a.raw = body;
        a.words = 9;
        int64_t id;
        struct extraction x;
        struct figure f[NFIGS];
        char texts[NFIGS][32];
        struct span also;
        figures_of(i, &x, f, texts, &also);
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

static const char *
nul(const char *s)
{
    return s ? s : "-";
}

/* Every document's figures as store_get_extraction reads them, one line
 * each, every field (caller frees). */
static char *
figures_text(struct store *s, int64_t ndocs)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    for (int64_t id = 1; id <= ndocs; id++) {
        struct extraction x;
        if (store_get_extraction(s, id, &x, &err) != 0) {
            buf_printf(&b, "%lld: %s\n", (long long)id, err.msg);
            continue;
        }
        for (size_t k = 0; k < x.nfigures; k++) {
            const struct figure *f = &x.figures[k];
            buf_printf(&b, "%lld: %u-%u %u-%u %s %.17g %.17g %s %s %d %s %s %s %s %zu\n",
                       (long long)id, f->span.start, f->span.end, f->sentence.start,
                       f->sentence.end, nul(f->text), f->value, f->value_hi, nul(f->unit),
                       nul(f->scale), (int)f->kind, nul(f->direction), nul(f->period),
                       nul(f->subject), nul(f->approx), f->nalso);
        }
        extraction_clear(&x);
    }
    return buf_steal(&b);
}

/* The plan of sql, its details joined by '|' (caller frees). */
static char *
plan_of(struct store *s, const char *sql)
{
    struct buf plan = BUF_INIT;
    sqlite3_stmt *st = NULL;
    char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_prepare_v2(s->db, q, -1, &st, NULL);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        buf_printf(&plan, "%s|", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    free(q);
    return buf_steal(&plan);
}

/* Schema 25 as main wrote it: the figures table with its words as text
 * and its two indexes, figure_also pointing at it, no numbers; the subject
 * key numbers in corpus_fig. */
static const char downgrade_25[] =
    "BEGIN;"
    "CREATE TABLE corpus_fig(doc_id INTEGER NOT NULL, id INTEGER NOT NULL,"
    " key_id INTEGER NOT NULL, PRIMARY KEY(doc_id, id)) WITHOUT ROWID;"
    "INSERT INTO corpus_fig SELECT doc_id, id, key_id FROM figure_rows WHERE key_id > 0;"
    "CREATE INDEX corpus_fig_key ON corpus_fig(key_id);"
    "CREATE TABLE old_rows AS SELECT * FROM figures;"
    "CREATE TABLE old_also AS SELECT * FROM figure_also;"
    "DROP TABLE figure_also;"
    "DROP VIEW figures;"
    "CREATE TABLE figures(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " \"start\" INTEGER, \"end\" INTEGER, sent_start INTEGER, sent_end INTEGER, text TEXT,"
    " value REAL, unit TEXT, scale TEXT, kind TEXT, direction TEXT, period TEXT, subject TEXT,"
    " value_hi REAL, approx TEXT);"
    "CREATE INDEX figures_doc ON figures(doc_id);"
    "CREATE INDEX figures_value ON figures(value);"
    "CREATE TABLE figure_also(figure_id INTEGER PRIMARY KEY REFERENCES"
    " figures(id) ON DELETE CASCADE, spans TEXT NOT NULL);"
    "INSERT INTO figures SELECT * FROM old_rows; DROP TABLE old_rows;"
    "INSERT INTO figure_also SELECT * FROM old_also; DROP TABLE old_also;"
    "DROP TABLE figure_rows; DROP TABLE fig_words;"
    "PRAGMA user_version = 25;"
    "COMMIT;";

/* An upgrade that dies before its COMMIT: the child opens the file alone,
 * does part of the move (the words numbered, the rows copied, the old
 * table dropped) and exits without committing. 0 when the child ran. */
static int
killed_upgrade(const char *path)
{
    return killed_upgrade_run(path,
                              "BEGIN IMMEDIATE;"
                              "CREATE TABLE fig_words(id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);"
                              "INSERT INTO fig_words(word) SELECT DISTINCT unit FROM figures"
                              " WHERE unit IS NOT NULL;"
                              "CREATE TABLE figure_rows AS SELECT * FROM figures;"
                              "DROP TABLE figure_also; DROP TABLE figures;");
}

static const char *const queries[] = {"figure:>1bn", "figure:<5", "has:figures harbour",
                                      "figure:>=100 -figure:>1bn"};
#define NQ (sizeof queries / sizeof queries[0])

/* The file at path, downgraded to 25, opens at 26 with the same figures
 * and the same documents found as before (*before, q_before). */
static void
check_upgrade(const char *path, const char *label, const char *before, char **q_before,
              int64_t nwords, bool kill_first)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(store_open(path, 0, &s, &err) == 0, "%s: open: %s", label, err.msg);
    ok(store_exec(s, downgrade_25, "downgrading", &err) == 0, "%s: made schema 25: %s", label,
       err.msg);
    ok(one_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                  " AND name = 'figures'") == 1,
       "%s: figures a table again", label);
    store_close(&s);
    if (kill_first)
        ok(killed_upgrade(path) == 0, "%s: an upgrade killed before its COMMIT", label);
    ok(store_open(path, 0, &s, &err) == 0, "%s: opens: %s", label, err.msg);
    ok(one_int(s, "PRAGMA user_version") == STORE_SCHEMA_VERSION, "%s: upgraded", label);
    ok(one_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'"
                  " AND name = 'figures'") == 1,
       "%s: figures is the view", label);
    ok(one_int(s, "SELECT count(*) FROM fig_words") == nwords, "%s: each word numbered once",
       label);
    ok(one_int(s, "SELECT count(*) FROM figure_also f JOIN figure_rows r"
                  " ON r.id = f.figure_id") == (NDOCS + 6) / 7,
       "%s: figure_also kept, pointing at figure_rows", label);
    char *after = figures_text(s, NDOCS);
    ok(strcmp(after, before) == 0, "%s: every document's figures read as before", label);
    free(after);
    for (size_t i = 0; i < NQ; i++) {
        char *f = query_ids(s, queries[i], NDOCS);
        ok(strcmp(f, q_before[i]) == 0, "%s: %s finds the same documents (%s)", label,
           queries[i], f);
        free(f);
    }
    ok(one_int(s, "SELECT count(*) FROM pragma_integrity_check"
                  " WHERE integrity_check != 'ok'") == 0,
       "%s: integrity_check clean", label);
    ok(one_int(s, "SELECT count(*) FROM pragma_foreign_key_check") == 0,
       "%s: foreign_key_check clean", label);
    store_close(&s);
}

/* A figure filter and has:figures read figure_rows' indexes, not every row
 * nor the words. */
static void
check_plans(struct store *s)
{
    char *p = plan_of(s, "SELECT id FROM documents d WHERE"
                         " d.id IN (SELECT doc_id FROM figures WHERE value > 5)");
    ok(strstr(p, "USING INDEX figure_rows_value (value>?)") != NULL &&
           strstr(p, "fig_words") == NULL,
       "figure:>5 is an index lookup: %s", p);
    free(p);
    p = plan_of(s, "SELECT id FROM documents d WHERE d.id IN (SELECT doc_id FROM figures"
                   " WHERE value < 5 AND unit = '%')");
    ok(strstr(p, "USING INDEX figure_rows_value (value<?)") != NULL &&
           strstr(p, "fig_words_1 (word=?)") != NULL,
       "figure:<5%% looks the word up once, then by value: %s", p);
    free(p);
    p = plan_of(s, "SELECT id FROM documents d WHERE"
                   " EXISTS (SELECT 1 FROM figure_rows f WHERE f.doc_id = d.id)");
    ok(strstr(p, "COVERING INDEX figure_rows_doc (doc_id=?)") != NULL,
       "has:figures reads the doc index alone: %s", p);
    free(p);
    p = plan_of(s, "SELECT unit, kind FROM figures WHERE doc_id = 3");
    ok(strstr(p, "figure_rows_doc (doc_id=?)") != NULL &&
           strstr(p, "SEARCH u USING INTEGER PRIMARY KEY") != NULL &&
           strstr(p, "SEARCH sc") == NULL,
       "a document's figures: by doc, the words asked for by number: %s", p);
    free(p);
}

/* A word first numbered by a transaction that rolls back is numbered again
 * by the next (the cache goes with the rollback). */
static void
check_rollback(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t words = one_int(s, "SELECT count(*) FROM fig_words");
    ok(store_begin(s, &err) == 0, "begin");
    struct extraction x;
    struct figure f[NFIGS];
    char texts[NFIGS][32];
    struct span also;
    figures_of(1, &x, f, texts, &also);
    f[0].unit = (char *)(uintptr_t)"barrels";
    ok(store_put_extraction(s, 2, &x, &err) == 0, "a new unit, then rolled back");
    is_int(one_int(s, "SELECT count(*) FROM fig_words"), words + 1, "numbered in the transaction");
    store_rollback(s);
    is_int(one_int(s, "SELECT count(*) FROM fig_words"), words, "gone with the rollback");
    ok(store_begin(s, &err) == 0 && store_put_extraction(s, 2, &x, &err) == 0 &&
           store_commit(s, &err) == 0,
       "the same again, committed: %s", err.msg);
    is_int(one_int(s, "SELECT count(*) FROM figures WHERE doc_id = 2 AND unit = 'barrels'"), 1,
           "the word read back");
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (tmpdir_make("test_fig_rows") != 0)
        return 1;
    char *path = tmp_path("index.db");
    ok(store_open(path, STORE_CREATE, &s, &err) == 0, "a fresh index: %s", err.msg);
    ok(store_begin(s, &err) == 0, "begin");
    is_int(add_docs(s, 0, NDOCS), NDOCS, "documents with their figures");
    ok(store_commit(s, &err) == 0, "commit: %s", err.msg);

    /* 4 units, 2 scales, 6 kinds, 2 directions, 2 approximations */
    int64_t nwords = one_int(s, "SELECT count(*) FROM fig_words");
    is_int(nwords, 16, "each word numbered once");
    is_int(one_int(s, "SELECT count(*) FROM figure_rows"), NDOCS * NFIGS, "one row a figure");
    is_int(one_int(s, "SELECT count(*) FROM figures WHERE unit = 'USD' AND kind = 'amount'"),
           one_int(s, "SELECT count(*) FROM figure_rows r JOIN fig_words u ON u.id = r.unit"
                      " JOIN fig_words k ON k.id = r.kind"
                      " WHERE u.word = 'USD' AND k.word = 'amount'"),
           "words through the view");
    ok(one_int(s, "SELECT count(*) FROM figures WHERE unit = 'USD' AND kind = 'amount'") > 0,
       "some figures in dollars are amounts");
    is_int(one_int(s, "SELECT max(len) FROM figure_rows"), 6 + NFIGS - 1,
           "the end a length from the start");
    char *before = figures_text(s, NDOCS);
    ok(strstr(before, "1: 0-6 0-30 0.0 bn 0 0 USD - 0 - in the first half the port's debt - 1\n") ==
           before,
       "the first document's first figure: %.20s", before);
    ok(strstr(before, "8: 2-8 0-32 7.0 bn 70 70 CNY million 1 up - exports - 1\n") != NULL,
       "a figure stated twice keeps its other mention");
    check_plans(s);

    char *q_before[NQ];
    for (size_t i = 0; i < NQ; i++) {
        q_before[i] = query_ids(s, queries[i], NDOCS);
        ok(strlen(q_before[i]) > 0 && strncmp(q_before[i], "error", 5) != 0, "%s finds %s",
           queries[i], q_before[i]);
    }
    /* a deleted document's rows go with it (ON DELETE CASCADE) */
    ok(store_begin(s, &err) == 0 &&
           store_exec(s, "DELETE FROM documents WHERE id = 1", "deleting", &err) == 0 &&
           store_commit(s, &err) == 0,
       "a document deleted");
    is_int(one_int(s, "SELECT count(*) FROM figure_rows WHERE doc_id = 1"), 0,
           "its figures are gone");
    is_int(one_int(s, "SELECT count(*) FROM figure_also"), (NDOCS + 6) / 7 - 1,
           "and its figure stated twice");
    check_rollback(s);
    store_close(&s);
    /* put it back for the comparisons below: a fresh file */
    remove(path);
    ok(store_open(path, STORE_CREATE, &s, &err) == 0 && store_begin(s, &err) == 0 &&
           add_docs(s, 0, NDOCS) == NDOCS && store_commit(s, &err) == 0,
       "the index made again");
    store_close(&s);

    check_upgrade(path, "schema 25", before, q_before, nwords, false);
    check_upgrade(path, "killed, then again", before, q_before, nwords, true);

    for (size_t i = 0; i < NQ; i++)
        free(q_before[i]);
    free(before);
    free(path);
    tmpdir_remove();
    return done_testing();
}
