/*
 * store/stats_derived.c — the statistics tables kept in the index (store_stats.h):
 * whether they are current, and the writes that rebuild them or apply the
 * changes since the last refresh (corpus_refresh in the corpus part drives
 * them).
 *
 * Whole-corpus facts every statistic needs, created by the schema
 * migration to version 6 (store.c):
 *   corpus_doc(id, day, source)        one row per document, day = YYYY-MM-DD
 *   corpus_day(day, n), corpus_topic_day(topic, day, n)  the timeline of all
 *                                      (a topic by its number in topic_ids, schema 25)
 *   corpus_ent(entity_id, kind, docs)  documents mentioning each entity
 *   corpus_pair(a, b, docs)            pairs among the top entities (a < b)
 *   corpus_vocab(term, cnt)            the full-text index's terms found twice or more
 *   figure_rows.key_id                 each figure's subject key, by number
 *                                      (schema 27; corpus_fig(doc_id, id, key_id)
 *                                      before); negative until keyed
 *   corpus_figkey(id, key, n)          figures per subject key; its number is a
 *                                      hash of the key (stats_fig_key_id)
 * Reading documents' rows for a date or an outlet touches a page per
 * document (a row is ~6 kB); these tables are small, so every statement of
 * the statistics view reads a few pages instead.
 *
 * They are current when meta corpus_maxid is the largest document id,
 * corpus_gone is empty and meta corpus_rules is the rules hash the
 * extractions were made with; otherwise (an index run that stopped half
 * way, an index just upgraded from a schema without them) every reader
 * takes the index's own tables instead: slower, same answers. A trigger
 * copies what a deleted document contributed (corpus_gone: its text;
 * corpus_gone_ent: its entities; corpus_gone_dt: its topics) before the row
 * and its extractions go, so a refresh can subtract it; a deleted figure's
 * key is counted down by a trigger as it goes (figure_rows_gone). A document's topics
 * with its day are doc_topics joined with corpus_doc (schema 22 dropped
 * corpus_dt, which kept them again).
 */
#include "config.h"

#include <stdlib.h>

#include "stats.h"

int
stats_tables_current(struct store *s, struct ds_error *err)
{
    if (s->corpus_direct)
        return 0;
    int64_t fresh = 0;
    if (stats_int(s, ST_FRESH, &fresh, "checking the statistics tables", err) != 0)
        return -1;
    return fresh != 0;
}

int
stats_tables_stale(struct store *s, struct ds_error *err)
{
    return stats_exec(s, ST_STALE, "upgrading the index", err);
}

void
stats_use_tables(struct store *s, bool use)
{
    s->corpus_direct = !use;
}

int
stats_refresh_begin(struct store *s, bool *own, struct stats_refresh_state *state,
                    struct ds_error *err)
{
    *own = sqlite3_get_autocommit(s->db) != 0;
    if (*own && stats_exec(s, ST_BEGIN, "updating statistics", err) != 0) {
        *own = false;
        return -1;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, stats_sql[ST_REFRESH_STATE], -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        store_fail(s, err, sqlite3_errcode(s->db), "updating statistics");
        sqlite3_finalize(st);
        return -1;
    }
    state->ndocs = sqlite3_column_int64(st, 0);
    state->counted = sqlite3_column_int64(st, 1);
    state->gone = sqlite3_column_int64(st, 2);
    state->maxid = sqlite3_column_int64(st, 3);
    sqlite3_finalize(st);
    return 0;
}

int
stats_refresh_end(struct store *s, bool own, int rc, struct ds_error *err)
{
    if (!own)
        return rc;
    if (rc == 0 && stats_exec(s, ST_COMMIT, "updating statistics", err) != 0)
        rc = -1;
    if (rc != 0)
        sqlite3_exec(s->db, stats_sql[ST_ROLLBACK], NULL, NULL, NULL);
    return rc;
}

int
stats_meta_put(struct store *s, const char *key, const char *value, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_META_PUT], -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        store_bind_text(st, 2, value);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "saving statistics");
    return 0;
}

/* ---- from scratch ---------------------------------------------------------------------------- */

/* corpus_doc for every document: the days from the (published, id)
 * covering index, then the sources from the (source) one, both in SQL. In
 * C, the two lists held in memory and merged by id took ~100 bytes a
 * document (~100 MB at 1M; issue 16: the indexer's memory must not grow
 * with the collection). */
static int
stats_fill_doc(struct store *s, struct ds_error *err)
{
    if (stats_exec(s, ST_CDOC_DAYS, "preparing statistics", err) != 0)
        return -1;
    return stats_exec(s, ST_CDOC_SOURCES, "preparing statistics", err);
}

/* About 3.5 s of CPU at 100k documents with the vocabulary (its walk ~1.7
 * s, figure subject keys ~1 s). */
int
stats_rebuild_tables(struct store *s, stats_key_fn key_of, void *ud, struct ds_error *err)
{
    if (stats_exec(s, ST_REBUILD_CLEAR, "preparing statistics", err) != 0 ||
        stats_fill_doc(s, err) != 0)
        return -1;
    /* figures in bulk: the key index is built once at the end (a sort),
     * not row by row. Each figure's number is written into its row in
     * figure_rows, only where it changed: a fresh index's rows from the
     * pending number (the same size: no page splits), after a rules change
     * the few whose key moved. */
    sqlite3_stmt *st = NULL;
    if (stats_exec(s, ST_FIG_KEY_INDEX_DROP, "reading figures", err) != 0)
        return -1;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[ST_FIGS_ALL], -1, &st, NULL);
    rc = rc == SQLITE_OK ? stats_fig_keys_put(s, st, key_of, ud, err)
                         : store_fail(s, err, rc, "reading figures");
    sqlite3_finalize(st);
    if (rc != 0 || stats_exec(s, ST_FIG_KEY_INDEX, "reading figures", err) != 0)
        return -1;
    return stats_exec(s, ST_REBUILD_FILL, "preparing statistics", err);
}

int
stats_vocab_rebuild(struct store *s, struct ds_error *err)
{
    if (stats_vocab_ready(s, err) != 0)
        return -1;
    return stats_exec(s, ST_VOCAB_FILL, "reading term statistics", err);
}

/* At most max ids of statement id (?1 = max) into ids[*n...]. A SQLite
 * result code. */
static int
stats_id_rows(struct store *s, enum stats_stmt_id id, size_t max, int64_t *ids, size_t *n)
{
    sqlite3_stmt *st = NULL;
    size_t end = *n + max;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[id], -1, &st, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(st, 1, (int64_t)max);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && *n < end) {
        ids[(*n)++] = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
stats_top_entity_ids(struct store *s, size_t max, int64_t *ids, size_t *n_out,
                     struct ds_error *err)
{
    size_t n = 0;
    int rc = stats_id_rows(s, ST_TOP_ENT_IDS, max, ids, &n);
    /* those in one document after: their index is partial (schema 24) */
    if (n < max && (rc == SQLITE_DONE || rc == SQLITE_OK))
        rc = stats_id_rows(s, ST_TOP_ENT_IDS_ONCE, max - n, ids, &n);
    *n_out = n;
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting entities");
    return 0;
}

/* Run statement id for each pair of p[0..n). */
static int
stats_pairs_write(struct store *s, enum stats_stmt_id id, const struct stats_pair *p, size_t n,
                  struct ds_error *err)
{
    sqlite3_stmt *ins = NULL;
    if (stats_prepare(s, id, &ins, "counting entity pairs", err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        sqlite3_bind_int64(ins, 1, p[i].a);
        sqlite3_bind_int64(ins, 2, p[i].b);
        sqlite3_bind_int64(ins, 3, p[i].docs);
        int x = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (x != SQLITE_DONE)
            rc = store_fail(s, err, x, "counting entity pairs");
    }
    sqlite3_finalize(ins);
    return rc;
}

int
stats_pairs_replace(struct store *s, const struct stats_pair *p, size_t n, struct ds_error *err)
{
    if (stats_exec(s, ST_PAIR_CLEAR, "counting entity pairs", err) != 0)
        return -1;
    return stats_pairs_write(s, ST_PAIR_INS, p, n, err);
}

int
stats_pairs_add(struct store *s, const struct stats_pair *p, size_t n, struct ds_error *err)
{
    if (stats_pairs_write(s, ST_PAIR_ADD, p, n, err) != 0)
        return -1;
    return stats_exec(s, ST_PAIR_CLEAN, "counting entity pairs", err);
}

/* ---- the changes since the last refresh ---------------------------------------------------- */

int
stats_change_mentions(struct store *s, int64_t above,
                      void (*fn)(int64_t doc, int64_t ent, void *ud), void *ud,
                      struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (stats_prepare(s, above < 0 ? ST_GONE_MENTIONS : ST_NEW_MENTIONS, &st,
                      "updating statistics", err) != 0)
        return -1;
    if (above >= 0)
        sqlite3_bind_int64(st, 1, above);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), ud);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "counting entity pairs");
}

int
stats_subtract_gone(struct store *s, int64_t *counted_max, struct ds_error *err)
{
    *counted_max = 0;
    if (stats_exec(s, ST_SUB_GONE, "updating statistics", err) != 0)
        return -1;
    return stats_int(s, ST_COUNTED_MAX, counted_max, "updating statistics", err);
}

int
stats_add_new(struct store *s, int64_t above, stats_key_fn key_of, void *ud,
              struct ds_error *err)
{
    static const enum stats_stmt_id add[] = {ST_ADD_DOC, ST_ADD_DAY, ST_ADD_TOPIC_DAY,
                                             ST_ADD_ENT};
    sqlite3_stmt *st = NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(add); i++) {
        if (stats_prepare(s, add[i], &st, "updating statistics", err) != 0)
            return -1;
        sqlite3_bind_int64(st, 1, above);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return store_fail(s, err, rc, "updating statistics");
    }
    if (stats_prepare(s, ST_FIGS_NEW, &st, "updating statistics", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 1, above);
    int rc = stats_fig_keys_put(s, st, key_of, ud, err);
    sqlite3_finalize(st);
    return rc;
}

int
stats_changes_done(struct store *s, struct ds_error *err)
{
    return stats_exec(s, ST_CLEANUP, "updating statistics", err);
}

int
stats_vocab_add(struct store *s, const char *const *terms, const int64_t *counts, size_t n,
                struct ds_error *err)
{
    sqlite3_stmt *st = NULL, *put = NULL;
    if (stats_vocab_ready(s, err) != 0 ||
        stats_prepare(s, ST_VOCAB_ADD, &st, "updating statistics", err) != 0)
        return -1;
    if (stats_prepare(s, ST_VOCAB_PUT, &put, "updating statistics", err) != 0) {
        sqlite3_finalize(st);
        return -1;
    }
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
        sqlite3_bind_text(st, 1, terms[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, counts[i]);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        /* no row: 0 or 1 before, so only a gain can make it 2 or more */
        if (rc == SQLITE_DONE && sqlite3_changes(s->db) == 0 && counts[i] > 0) {
            sqlite3_bind_text(put, 1, terms[i], -1, SQLITE_STATIC);
            rc = sqlite3_step(put);
            sqlite3_reset(put);
        }
    }
    sqlite3_finalize(st);
    sqlite3_finalize(put);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "updating statistics");
    return stats_exec(s, ST_VOCAB_CLEAN, "updating statistics", err);
}
