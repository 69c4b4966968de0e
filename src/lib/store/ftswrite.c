/*
 * store/ftswrite.c — how the full-text index is written, so that an index
 * run adds one segment per batch and never rewrites what it did not change.
 *
 * Deletions: FTS5 flushes its pending terms to a new segment whenever a
 * statement that writes the table opens a savepoint, which every trigger
 * does. With the old AFTER DELETE trigger each deleted document became a
 * segment of its own (100 changed and 50 deleted files: ~150 one-page
 * segments), and FTS5's automerge then merged the big segments of the first
 * run with them: the second run rewrote the whole full-text table (493 MB
 * -> 609 MB with 28k free pages in issue 16). Now a TEMP trigger of each
 * writing connection hands the old row to ds_fts_gone(), which keeps it in
 * memory; store_commit() writes the deletions and then the insertions, each
 * a one-row statement without a savepoint, so a batch is one segment.
 *
 * Merging: FTS5 merges any four segments of a level, whatever their sizes,
 * so a small run after a big one would merge the big one's segments. A run
 * that changes a small share of the collection turns automerge off (the
 * crisis merge at 16 segments still bounds how many a query reads); a big
 * run leaves FTS5's default on (store_write_mode()).
 *
 * A new index: every segment holds its own copy of the terms it shares
 * with the others, and a fresh run of 10k English articles left 8 of them
 * (13 batches merged four at a time as they came): merged into one, the
 * full-text table is 0.7 MB smaller at 10k English, 3.2 MB at 5k Chinese
 * (bench/results/2026-12-07-dbsize8.md). So the run that finds the index
 * empty merges nothing while it writes (the crisis merge at 16 segments
 * still bounds what a query reads meanwhile) and merges all its segments
 * into one at the end (store_reclaim(), store_fts_merge_all()): one pass
 * over the index, 0.35-0.41 s CPU at 5k English, where the merging four at
 * a time it no longer does cost as much, and 1.3 s at 5k Chinese (+5% of
 * the run, for 3.7% of the file). Later runs merge as before and never
 * rewrite the whole index. The same run's end rebuilds its tables'
 * b-trees full (store_pack_btrees()): the indexes it wrote out of key
 * order and its WITHOUT ROWID tables were about three quarters full.
 *
 * Free pages: the pages that deleted and rewritten rows leave empty stay in
 * the file; an index made with auto_vacuum = INCREMENTAL gives them back at
 * the end of the run (store_reclaim()), so an incremental run grows the
 * file by what it added only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* ds_fts_gone(id, title, body), called by the TEMP trigger for each deleted
 * document. A document inserted in this transaction whose full-text entry
 * is still pending just loses the pending entry. */
static void
store_sql_fts_gone(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct store *s = sqlite3_user_data(ctx);
    int64_t id = sqlite3_value_int64(argv[0]);
    (void)argc;
    for (size_t i = s->nfts_pending; i-- > 0;) {
        if (s->fts_pending[i].id != id)
            continue;
        free(s->fts_pending[i].title);
        free(s->fts_pending[i].body);
        memmove(&s->fts_pending[i], &s->fts_pending[i + 1],
                (s->nfts_pending - i - 1) * sizeof *s->fts_pending);
        s->nfts_pending--;
        return;
    }
    if (s->nfts_gone == s->fts_gone_cap) {
        s->fts_gone_cap = s->fts_gone_cap ? s->fts_gone_cap * 2 : 64;
        s->fts_gone = xrealloc(s->fts_gone, s->fts_gone_cap * sizeof *s->fts_gone);
    }
    const unsigned char *t = sqlite3_value_text(argv[1]);
    const unsigned char *b = sqlite3_value_text(argv[2]);
    s->fts_gone[s->nfts_gone++] = (struct store_fts_entry){
        id, t ? xstrdup((const char *)t) : NULL, xstrdup(b ? (const char *)b : "")};
    sqlite3_result_null(ctx);
}

/* See lib.h. */
int
store_fts_hooks_install(struct store *s)
{
    int rc = sqlite3_create_function_v2(s->db, "ds_fts_gone", 3, SQLITE_UTF8, s,
                                        store_sql_fts_gone, NULL, NULL, NULL);
    if (rc != SQLITE_OK || s->readonly)
        return rc;
    return sqlite3_exec(s->db,
                        "CREATE TEMP TRIGGER IF NOT EXISTS documents_ad_fts AFTER DELETE ON"
                        " main.documents BEGIN"
                        " SELECT ds_fts_gone(old.id, old.title, ds_body(old.body));"
                        " END;",
                        NULL, NULL, NULL);
}

/* See lib.h. */
void
store_fts_gone_clear(struct store *s)
{
    for (size_t i = 0; i < s->nfts_gone; i++) {
        free(s->fts_gone[i].title);
        free(s->fts_gone[i].body);
    }
    s->nfts_gone = 0;
}

/* See lib.h. */
int
store_fts_gone_flush(struct store *s, struct ds_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < s->nfts_gone && rc == 0; i++) {
        struct store_fts_entry *e = &s->fts_gone[i];
        sqlite3_stmt *st = store_stmt(s, SQ_FTS_DELETE, err);
        if (!st) {
            rc = -1;
            break;
        }
        sqlite3_bind_int64(st, 1, e->id);
        store_bind_text(st, 2, e->title);
        store_bind_text(st, 3, e->body);
        rc = store_step_done(s, st, "forgetting a document's text", err);
    }
    store_fts_gone_clear(s);
    return rc;
}

/* See lib.h. */
int
store_own_begin(struct store *s, struct ds_error *err)
{
    if (store_in_transaction(s))
        return 0;
    return store_begin(s, err) == 0 ? 1 : -1;
}

/* See lib.h. */
int
store_own_end(struct store *s, int begun, int rc, struct ds_error *err)
{
    if (begun <= 0)
        return rc;
    if (rc == 0)
        return store_commit(s, err);
    store_rollback(s);
    return rc;
}

/* See store.h. */
int
store_write_mode(struct store *s, bool merge, struct ds_error *err)
{
    if (merge && !s->fts_fresh) {
        int64_t stored = 0;
        if (store_pragma_int(s, "SELECT EXISTS (SELECT 1 FROM documents)", &stored, err) != 0)
            return -1;
        s->fts_fresh = stored == 0;
    }
    sqlite3_stmt *st = store_stmt(s, SQ_FTS_AUTOMERGE, err);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, merge && !s->fts_fresh ? 4 : 0);
    return store_step_done(s, st, "setting up the full-text index", err);
}

/* See store.h. */
int
store_fts_segments(struct store *s, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FTS_STRUCTURE, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    int n = 0;
    if (rc == SQLITE_ROW) {
        /* the structure record: a 4-byte cookie, then varints nLevel,
         * nSegment (fts5_index.c, fts5StructureDecode) */
        const unsigned char *b = sqlite3_column_blob(st, 0);
        int len = sqlite3_column_bytes(st, 0), i = 4;
        for (int k = 0; k < 2 && i < len; k++) {
            uint64_t v = 0;
            while (i < len && (b[i] & 0x80))
                v = (v << 7) | (b[i++] & 0x7f);
            if (i < len)
                v = (v << 7) | b[i++];
            n = (int)v;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading the full-text index");
    return n;
}

/* See store.h. */
int
store_write_counts(struct store *s, struct store_write_counts *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->rows = (int64_t)sqlite3_total_changes64(s->db);
    if (store_pragma_int(s, "PRAGMA page_count", &out->pages, err) != 0 ||
        store_pragma_int(s, "PRAGMA freelist_count", &out->free_pages, err) != 0)
        return -1;
    int n = store_fts_segments(s, err);
    if (n < 0)
        return -1;
    out->fts_segments = n;
    return 0;
}

/* See store.h. */
size_t
store_fts_deletions_pending(const struct store *s)
{
    return s->nfts_gone;
}

/* All the full-text index's segments merged into one, STORE_FTS_MERGE_STEP
 * pages of work a transaction (FTS5's 'merge' with a negative count merges
 * across levels, as 'optimize' does, and drops what it has consumed of its
 * inputs at each step): the log holds one step, not a copy of the index,
 * and the freed pages are reused by the next step (1,000 pages, FTS5's
 * own unit for 'optimize': at 5k English the end's merge and reclaim took
 * 0.41 s CPU, against 0.58 s in steps of 8,192, whose freed pages the file
 * then had to move back). FTS5's way to tell that a step found nothing
 * left to merge: it changed fewer than two rows. 0, or -1 with err. */
#define STORE_FTS_MERGE_STEP 1000
static int
store_fts_merge_all(struct store *s, struct ds_error *err)
{
    for (;;) {
        sqlite3_stmt *st = store_stmt(s, SQ_FTS_MERGE, err);
        if (!st)
            return -1;
        sqlite3_int64 before = sqlite3_total_changes64(s->db);
        sqlite3_bind_int(st, 1, -STORE_FTS_MERGE_STEP);
        if (store_step_done(s, st, "merging the full-text index", err) != 0)
            return -1;
        if (sqlite3_total_changes64(s->db) - before < 2)
            return 0;
    }
}

/* A new index's b-trees packed: every table with an index or kept
 * WITHOUT ROWID rebuilt by REINDEX, one table a transaction (the log
 * holds one table's rebuild, not the file's). A run fills the indexes it
 * writes out of key order (mentions_entity, entities_h, figure_rows_value
 * ...) and its WITHOUT ROWID tables to about three quarters of each page;
 * rebuilt in key order they are full: at 10k generated English documents
 * 2.2 MB of 103 less for 0.6 s CPU (bench/results/2026-12-08-dbsize9.md).
 * Only at the end of the run that found the index empty, as the
 * full-text merge: later runs never rewrite what is stored. 0, or -1 with
 * err. */
static int
store_pack_btrees(struct store *s, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT DISTINCT tbl_name FROM main.sqlite_schema"
                                " WHERE type = 'index' OR (type = 'table'"
                                " AND sql LIKE '%WITHOUT ROWID%') ORDER BY 1",
                                -1, &st, NULL);
    char **names = NULL;
    size_t n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        rc = store_fail(s, err, rc, "packing the index");
    else
        rc = 0;
    for (size_t i = 0; i < n; i++) {
        /* a table's name as the schema has it, quoted (no value is bound
         * in REINDEX) */
        char *sql = rc == 0 ? sqlite3_mprintf("REINDEX main.\"%w\"", names[i]) : NULL;
        if (rc == 0 && (!sql || store_exec(s, sql, "packing the index", err) != 0))
            rc = -1;
        sqlite3_free(sql);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* See store.h. */
int
store_reclaim(struct store *s, int64_t *freed, struct ds_error *err)
{
    int64_t mode = 0, before = 0, after = 0;
    if (freed)
        *freed = 0;
    if (s->readonly)
        return 0;
    if (store_chunks_collect(s, err) != 0) /* dead bodies' slices first (bodychunk.c) */
        return -1;
    /* A new index's segments into one (see the top); the old ones' pages
     * all go back, however many. */
    bool fresh = s->fts_fresh;
    s->fts_fresh = false;
    if (fresh && (store_fts_merge_all(s, err) != 0 || store_pack_btrees(s, err) != 0 ||
                  store_write_mode(s, true, err) != 0))
        return -1; /* ... and FTS5's default merging again for later writers */
    if (store_pragma_int(s, "PRAGMA auto_vacuum", &mode, err) != 0 ||
        store_pragma_int(s, "PRAGMA freelist_count", &before, err) != 0)
        return -1;
    if (mode != 2 || before == 0) /* 2: incremental */
        return 0;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA incremental_vacuum(%d)", fresh ? 0 : STORE_RECLAIM_MAX_PAGES);
    if (store_exec(s, sql, "giving free pages back", err) != 0 ||
        store_pragma_int(s, "PRAGMA freelist_count", &after, err) != 0)
        return -1;
    if (freed)
        *freed = before - after;
    return 0;
}
