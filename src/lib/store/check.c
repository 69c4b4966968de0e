/*
 * store/check.c — `dossier check`: is the index whole? Runs SQLite's
 * integrity check, the foreign-key check and FTS5's own integrity check of
 * the full-text index against the documents table; a damaged page is a
 * problem to list, not a failure to run. `dossier check --repair` rebuilds
 * what is derived from the stored documents.
 */
#include "config.h"

#include <string.h>

#include "lib.h"

/* Run one checking statement: each row it returns is a problem, written by
 * line(). A damaged file (SQLITE_CORRUPT) is one problem too. Returns the
 * problems, or -1 with err for any other failure. */
static int
check_rows(struct store *s, const char *sql, const char *what, struct buf *report,
           void (*line)(sqlite3_stmt *st, struct buf *report), struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int problems = 0;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *first = (const char *)sqlite3_column_text(st, 0);
            if (first && strcmp(first, "ok") == 0)
                continue;
            line(st, report);
            problems++;
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE || rc == SQLITE_OK)
        return problems;
    if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
        buf_printf(report, "%s: the file is damaged (pages that cannot be read)\n", what);
        return problems + 1;
    }
    return store_fail(s, err, rc, "checking the index");
}

static void
integrity_line(sqlite3_stmt *st, struct buf *report)
{
    buf_printf(report, "integrity: %s\n", sqlite3_column_text(st, 0));
}

static void
fk_line(sqlite3_stmt *st, struct buf *report)
{
    buf_printf(report, "foreign key: row %lld of %s has no parent in %s\n",
               (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 0),
               sqlite3_column_text(st, 2));
}

int
store_check(struct store *s, struct buf *report, struct ds_error *err)
{
    int a = check_rows(s, "PRAGMA integrity_check", "integrity", report, integrity_line, err);
    if (a < 0)
        return -1;
    int b = check_rows(s, "PRAGMA foreign_key_check", "foreign keys", report, fk_line, err);
    if (b < 0)
        return -1;
    int problems = a + b;
    if (s->readonly)
        return problems; /* FTS5's check is a write-side command */
    int rc = sqlite3_exec(s->db, "INSERT INTO docs_fts(docs_fts, rank) VALUES('integrity-check', 1)",
                          NULL, NULL, NULL);
    if ((rc & 0xff) == SQLITE_CORRUPT) {
        buf_puts(report, "full-text index: does not match the documents\n");
        problems++;
    } else if (rc != SQLITE_OK) {
        return store_fail(s, err, rc, "checking the full-text index");
    }
    return problems;
}

int
store_repair(struct store *s, struct ds_error *err)
{
    if (store_begin(s, err) != 0)
        return -1;
    /* indexes from their tables, the full-text index and the token counts
     * of ranking from the documents (the statistics tables are the caller's:
     * corpus_refresh) */
    int rc = store_exec(s,
                        "REINDEX;"
                        "INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');"
                        "DELETE FROM doc_lengths;"
                        "INSERT INTO doc_lengths(chunk, lens) SELECT id / 4096,"
                        " ds_length_chunk(id, sz) FROM docs_fts_docsize WHERE id >= 0"
                        " GROUP BY 1;",
                        "repairing the index", err);
    if (rc == 0)
        return store_commit(s, err);
    store_rollback(s);
    return -1;
}
