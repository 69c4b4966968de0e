/*
 * store/keep.c — what an index run must not lose: files it could not see
 * (a folder unmounted, renamed or unreadable) stay indexed, marked missing
 * (table files_missing), until the user forgets them; and the reader's tags
 * outlive a deleted document, kept by its content hash (table tags_kept,
 * filled by the trigger of migration 8), so the same article indexed again
 * gets them back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* See lib.h. One statement per inserted document; the second only when a
 * kept tag was given back. */
int
store_tags_restore(struct store *s, int64_t id, uint64_t hash, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_TAGS_RESTORE, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, (int64_t)hash);
    if (store_step_done(s, st, "restoring tags", err) != 0)
        return -1;
    if (sqlite3_changes(s->db) == 0)
        return 0;
    st = store_stmt(s, SQ_TAGS_KEPT_DEL, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, (int64_t)hash);
    return store_step_done(s, st, "restoring tags", err);
}

int
store_file_mark_missing(struct store *s, const char *path, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FILE_MISSING, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    return store_step_done(s, st, "marking a file missing", err);
}

int
store_files_clear_missing(struct store *s, const char *path, struct ds_error *err)
{
    char *dir = xasprintf("%s/", path);
    size_t ulen;
    char *upper = store_prefix_upper(dir, &ulen);
    sqlite3_stmt *st = NULL;
    const char *sql = upper ? "DELETE FROM files_missing"
                              " WHERE path = ?1 OR (path >= ?2 AND path < ?3)"
                            : "DELETE FROM files_missing WHERE path = ?1 OR path >= ?2";
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        store_bind_text(st, 1, path);
        store_bind_text(st, 2, dir);
        if (upper)
            sqlite3_bind_text(st, 3, upper, (int)ulen, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    free(dir);
    free(upper);
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return store_fail(s, err, rc, "updating the file list");
    return 0;
}
