/*
 * store/check.c — `dossier check`: is the index whole? Runs SQLite's
 * integrity check, the foreign-key check and FTS5's own integrity check of
 * the full-text index against the documents table.
 */
#include "config.h"

#include <string.h>

#include "lib.h"

int
store_check(struct store *s, struct buf *report, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int problems = 0;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "checking the index");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (line && strcmp(line, "ok") != 0) {
            buf_printf(report, "integrity: %s\n", line);
            problems++;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "checking the index");

    rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "checking the index");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        buf_printf(report, "foreign key: row %lld of %s has no parent in %s\n",
                   (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 0),
                   sqlite3_column_text(st, 2));
        problems++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "checking the index");

    if (!s->readonly) {
        rc = sqlite3_exec(s->db, "INSERT INTO docs_fts(docs_fts, rank) VALUES('integrity-check', 1)",
                          NULL, NULL, NULL);
        if (rc == SQLITE_CORRUPT_VTAB || rc == SQLITE_CORRUPT) {
            buf_puts(report, "full-text index: does not match the documents\n");
            problems++;
        } else if (rc != SQLITE_OK) {
            return store_fail(s, err, rc, "checking the full-text index");
        }
    }
    return problems;
}
