/*
 * store/stats_fig.c — the figures table of the statistics: the picked set
 * (temp.corpus_figsel: the figure ids a limited table by subject will show,
 * so only those rows are read in full), subjects and stored subject keys,
 * the figure rows themselves, and the subject keys kept in corpus_fig
 * (store_stats.h).
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
    sqlite3_stmt *groups = NULL, *ins = NULL;
    int64_t taken = 0;
    /* keys of several figures, then of one (their index is partial), then
     * the figures without a subject */
    enum stats_stmt_id steps[] = {ST_FIGKEY_GROUPS, ST_FIGKEY_SINGLES};
    size_t step = 0;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[steps[0]], -1, &groups, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGSEL_ADD_KEY], -1, &ins, NULL);
    bool empty_done = false;
    while (rc == SQLITE_OK && (size_t)taken < max) {
        rc = empty_done ? SQLITE_DONE : sqlite3_step(groups);
        if (rc == SQLITE_DONE && !empty_done && step + 1 < DS_ARRAY_LEN(steps)) {
            sqlite3_finalize(groups);
            groups = NULL;
            rc = sqlite3_prepare_v2(s->db, stats_sql[steps[++step]], -1, &groups, NULL);
            continue;
        }
        const char *key = "";
        if (rc == SQLITE_ROW) {
            key = (const char *)sqlite3_column_text(groups, 0);
            taken += sqlite3_column_int64(groups, 1);
        } else if (rc == SQLITE_DONE && !empty_done) {
            empty_done = true; /* then the figures without a subject */
            taken = (int64_t)max;
        } else {
            break;
        }
        sqlite3_bind_text(ins, 1, key ? key : "", -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(groups);
    sqlite3_finalize(ins);
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

/* ---- subject keys kept in corpus_fig ----------------------------------------------------------- */

int
stats_fig_keys_put(struct store *s, sqlite3_stmt *st, bool count, stats_key_fn key_of, void *ud,
                   struct ds_error *err)
{
    sqlite3_stmt *ins = NULL, *cnt = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIG_KEY_INS], -1, &ins, NULL);
    if (rc == SQLITE_OK && count)
        rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGKEY_BUMP], -1, &cnt, NULL);
    char *last = NULL, *key = NULL;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 2);
        /* wire copy repeats subjects: one key per run of the same subject */
        if (!key || (t ? !last || strcmp(t, last) != 0 : last != NULL)) {
            free(key);
            key = key_of(t, ud);
            free(last);
            last = t ? xstrdup(t) : NULL;
        }
        sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 1));
        sqlite3_bind_int64(ins, 2, sqlite3_column_int64(st, 0));
        sqlite3_bind_text(ins, 3, key, -1, SQLITE_STATIC);
        if (cnt)
            sqlite3_bind_text(cnt, 1, key, -1, SQLITE_STATIC);
        rc = sqlite3_step(ins);
        if (rc == SQLITE_DONE && cnt)
            rc = sqlite3_step(cnt);
        sqlite3_reset(ins);
        if (cnt)
            sqlite3_reset(cnt);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    free(last);
    free(key);
    sqlite3_finalize(ins);
    sqlite3_finalize(cnt);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading figures");
}
