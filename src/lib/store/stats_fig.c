/*
 * store/stats_fig.c — the figures table of the statistics: the picked set
 * (temp.corpus_figsel: the figure ids a limited table by subject will show,
 * so only those rows are read in full), subjects and stored subject keys,
 * the figure rows themselves, and the subject keys' numbers kept in
 * figure_rows.key_id (schema 27; corpus_fig before) (store_stats.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"

int
stats_figsel_clear(struct store *s, struct ds_error *err)
{
    return stats_exec(s, ST_FIGSEL_TABLE, "reading figures", err);
}

int
stats_figsel_take_groups(struct store *s, size_t max, struct ds_error *err)
{
    sqlite3_stmt *groups = NULL, *ins = NULL, *at = NULL;
    int64_t taken = 0;
    /* keys of several figures, then of one (their index is partial), then
     * the figures without a subject */
    enum stats_stmt_id steps[] = {ST_FIGKEY_GROUPS, ST_FIGKEY_SINGLES};
    size_t step = 0;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[steps[0]], -1, &groups, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGSEL_ADD_KEY], -1, &ins, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_AT], -1, &at, NULL);
    bool empty_done = false;
    while (rc == SQLITE_OK && (size_t)taken < max) {
        rc = empty_done ? SQLITE_DONE : sqlite3_step(groups);
        if (rc == SQLITE_DONE && !empty_done && step + 1 < DS_ARRAY_LEN(steps)) {
            sqlite3_finalize(groups);
            groups = NULL;
            rc = sqlite3_prepare_v2(s->db, stats_sql[steps[++step]], -1, &groups, NULL);
            continue;
        }
        int64_t id = 0;
        bool found = true;
        if (rc == SQLITE_ROW) {
            taken += sqlite3_column_int64(groups, 1);
            id = sqlite3_column_int64(groups, 2);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE && !empty_done) {
            empty_done = true; /* then the figures without a subject */
            taken = (int64_t)max;
            rc = stats_fig_key_id(at, "", &id, &found);
        } else {
            break;
        }
        if (rc != SQLITE_OK || !found)
            continue;
        sqlite3_bind_int64(ins, 1, id);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(groups);
    sqlite3_finalize(ins);
    sqlite3_finalize(at);
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading figures");
    return 0;
}

int
stats_figsel_add(struct store *s, const int64_t *ids, size_t n, struct ds_error *err)
{
    return stats_each_id(s, ST_FIGSEL_ADD_ID, 0, ids, n, "reading figures", err);
}

/* Rows (id, text) of st into fn. */
static int
stats_id_text_rows(struct store *s, sqlite3_stmt *st,
                   void (*fn)(int64_t id, const char *text, void *ud), void *ud,
                   struct ds_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1), ud);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading figures");
    return 0;
}

int
stats_fig_keys(struct store *s, int64_t sel, void (*fn)(int64_t id, const char *key, void *ud),
               void *ud, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, ST_FIG_KEYS_SEL, &st, "reading figures", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, sel);
    return stats_id_text_rows(s, st, fn, ud, err);
}

int
stats_fig_subjects(struct store *s, int64_t sel,
                   void (*fn)(int64_t id, const char *subject, void *ud), void *ud,
                   struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare_sel(s, sel, ST_FIG_SUBJ_ALL, ST_FIG_SUBJ_SEL, &st, "reading figures",
                          err) != 0)
        return -1;
    return stats_id_text_rows(s, st, fn, ud, err);
}

int
stats_figures_each(struct store *s, int64_t sel, bool picked, bool derived,
                   void (*fn)(const struct stats_fig *f, void *ud), void *ud,
                   struct ds_error *err)
{
    enum stats_stmt_id all, part;
    if (picked)
        all = part = derived ? ST_FIG_ROWS_PICKED_CACHED : ST_FIG_ROWS_PICKED;
    else if (derived)
        all = ST_FIG_ROWS_ALL_CACHED, part = ST_FIG_ROWS_SEL_CACHED;
    else
        all = ST_FIG_ROWS_ALL, part = ST_FIG_ROWS_SEL;
    sqlite3_stmt *st;
    if (stats_prepare_sel(s, sel, all, part, &st, "reading figures", err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct stats_fig f;
        f.doc_id = sqlite3_column_int64(st, 0);
        f.date = (const char *)sqlite3_column_text(st, 1);
        f.source = (const char *)sqlite3_column_text(st, 2);
        f.text = (const char *)sqlite3_column_text(st, 3);
        f.value = sqlite3_column_double(st, 4);
        f.unit = (const char *)sqlite3_column_text(st, 5);
        f.kind = (const char *)sqlite3_column_text(st, 6);
        f.period = (const char *)sqlite3_column_text(st, 7);
        f.subject = (const char *)sqlite3_column_text(st, 8);
        f.start = (uint32_t)sqlite3_column_int64(st, 9);
        f.end = (uint32_t)sqlite3_column_int64(st, 10);
        fn(&f, ud);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading figures");
    return 0;
}

/* ---- subject keys by number ------------------------------------------------------------------ */

/* A key's number is a 31-bit hash of it, the next free number after a
 * taken one (open addressing): the key is kept once, in corpus_figkey,
 * with no index from text to number (schema 25). ST_CLEANUP keeps a key
 * counted down to 0 while the number after it is taken, so no probe
 * stops early. */
#define STATS_FIG_KEY_RANGE 0x7fffffffLL

int
stats_fig_key_id(sqlite3_stmt *at, const char *key, int64_t *id, bool *found)
{
    int64_t h = 1 + (int64_t)(ds_hash64(key, strlen(key)) % (uint64_t)STATS_FIG_KEY_RANGE);
    *found = false;
    for (;; h++) {
        sqlite3_bind_int64(at, 1, h);
        int rc = sqlite3_step(at);
        bool same = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(at, 0), key) == 0;
        sqlite3_reset(at);
        if (rc == SQLITE_DONE || same) {
            *id = h;
            *found = same;
            return SQLITE_OK;
        }
        if (rc != SQLITE_ROW)
            return rc;
    }
}

/* Count n figures more under key number id (its text key). */
static int
stats_fig_key_bump(sqlite3_stmt *bump, int64_t id, const char *key, int64_t n)
{
    sqlite3_bind_int64(bump, 1, id);
    sqlite3_bind_text(bump, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(bump, 3, n);
    int rc = sqlite3_step(bump);
    sqlite3_reset(bump);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
stats_fig_keys_put(struct store *s, sqlite3_stmt *st, stats_key_fn key_of, void *ud,
                   struct ds_error *err)
{
    sqlite3_stmt *ins = NULL, *bump = NULL, *at = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIG_KEY_SET], -1, &ins, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_BUMP], -1, &bump, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_AT], -1, &at, NULL);
    char *last = NULL, *key = NULL;
    /* figures of the current key not counted yet; -1 when the key's new
     * row already counts the first */
    int64_t id = 0, run = 0;
    bool found = false;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *t = (const char *)sqlite3_column_text(st, 2);
        /* wire copy repeats subjects: one key per run of the same subject */
        if (!key || (t ? !last || strcmp(t, last) != 0 : last != NULL)) {
            char *next = key_of(t, ud);
            if (!key || strcmp(next, key) != 0) {
                rc = run > 0 ? stats_fig_key_bump(bump, id, key, run) : SQLITE_OK;
                run = 0;
                free(key);
                key = next;
                if (rc == SQLITE_OK)
                    rc = stats_fig_key_id(at, key, &id, &found);
                /* a new key's row at once, so the next probe sees its number */
                if (rc == SQLITE_OK && !found) {
                    rc = stats_fig_key_bump(bump, id, key, 1);
                    run = -1;
                }
            } else {
                free(next);
            }
            free(last);
            last = t ? xstrdup(t) : NULL;
        }
        sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 0));
        sqlite3_bind_int64(ins, 2, id);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
            run++;
        }
    }
    if (rc == SQLITE_DONE && run > 0) {
        int last_rc = stats_fig_key_bump(bump, id, key, run);
        rc = last_rc == SQLITE_OK ? SQLITE_DONE : last_rc;
    }
    free(last);
    free(key);
    sqlite3_finalize(ins);
    sqlite3_finalize(bump);
    sqlite3_finalize(at);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading figures");
}

/* Migration 25: corpus_fig and corpus_figkey of schema 24 (each figure's
 * key as text) renamed away, their keys numbered into the new tables. */
static const char fig_keys_old[] =
    "DROP INDEX IF EXISTS corpus_fig_key; DROP INDEX IF EXISTS corpus_figkey_n;"
    "DROP TABLE IF EXISTS corpus_fig_old; DROP TABLE IF EXISTS corpus_figkey_old;"
    "ALTER TABLE corpus_fig RENAME TO corpus_fig_old;"
    "ALTER TABLE corpus_figkey RENAME TO corpus_figkey_old;"
    "CREATE TABLE corpus_figkey(id INTEGER PRIMARY KEY, key TEXT NOT NULL, n INTEGER NOT NULL);"
    "CREATE TABLE corpus_fig(doc_id INTEGER NOT NULL, id INTEGER NOT NULL,"
    " key_id INTEGER NOT NULL, PRIMARY KEY(doc_id, id)) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS fig_key_map(key TEXT PRIMARY KEY, id INTEGER NOT NULL)"
    " WITHOUT ROWID; DELETE FROM temp.fig_key_map";
static const char fig_keys_rows[] =
    "INSERT INTO corpus_fig(doc_id, id, key_id) SELECT f.doc_id, f.id, m.id"
    " FROM corpus_fig_old f JOIN temp.fig_key_map m ON m.key = f.key ORDER BY 1, 2;"
    "DROP TABLE corpus_fig_old; DROP TABLE corpus_figkey_old; DROP TABLE temp.fig_key_map;"
    "CREATE INDEX corpus_figkey_n ON corpus_figkey(n DESC, key) WHERE n > 1;"
    "CREATE INDEX corpus_fig_key ON corpus_fig(key_id);";

int
stats_fig_keys_renumber(struct store *s, struct ds_error *err)
{
    if (store_exec(s, fig_keys_old, "upgrading the index", err) != 0)
        return -1;
    sqlite3_stmt *keys = NULL, *at = NULL, *bump = NULL, *map = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT key, n FROM corpus_figkey_old ORDER BY key", -1,
                                &keys, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_AT], -1, &at, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_BUMP], -1, &bump, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "INSERT INTO temp.fig_key_map(key, id) VALUES (?1, ?2)",
                                -1, &map, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(keys)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(keys, 0);
        int64_t id = 0;
        bool found = false;
        rc = stats_fig_key_id(at, key ? key : "", &id, &found);
        if (rc == SQLITE_OK)
            rc = stats_fig_key_bump(bump, id, key ? key : "", sqlite3_column_int64(keys, 1));
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(map, 1, key ? key : "", -1, SQLITE_STATIC);
            sqlite3_bind_int64(map, 2, id);
            rc = sqlite3_step(map);
            sqlite3_reset(map);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
    sqlite3_finalize(keys);
    sqlite3_finalize(at);
    sqlite3_finalize(bump);
    sqlite3_finalize(map);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "upgrading the index");
    return store_exec(s, fig_keys_rows, "upgrading the index", err);
}
