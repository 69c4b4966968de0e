/*
 * store/oneoff.c — statements run once, outside the cached statement table:
 * a write with up to two text and two integer parameters, and a read of one
 * integer. Items, saved searches, stories and "more like this" each had
 * their own copy of these loops.
 */
#include "config.h"

#include "lib.h"

/* Bind the parameters sql names, in the order text ?1, text ?2, integer ?3,
 * integer ?4 (a statement that names fewer leaves the rest unbound). */
static void
bind_params(sqlite3_stmt *st, const char *t1, const char *t2, int64_t i3, int64_t i4)
{
    int np = sqlite3_bind_parameter_count(st);
    if (np >= 1)
        store_bind_text(st, 1, t1);
    if (np >= 2)
        store_bind_text(st, 2, t2);
    if (np >= 3)
        sqlite3_bind_int64(st, 3, i3);
    if (np >= 4)
        sqlite3_bind_int64(st, 4, i4);
}

/* See lib.h. */
int
store_run_once(struct store *s, const char *sql, const char *t1, const char *t2, int64_t i3,
               int64_t i4, const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, doing);
    bind_params(st, t1, t2, i3, i4);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, doing);
    return sqlite3_changes(s->db);
}

/* See lib.h. */
int
store_int_once(struct store *s, const char *sql, int64_t arg, int64_t *out, const char *doing,
               struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    int found = 1;
    if (rc == SQLITE_OK) {
        if (sqlite3_bind_parameter_count(st) >= 1)
            sqlite3_bind_int64(st, 1, arg);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            *out = sqlite3_column_int64(st, 0);
            found = 0;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return found;
}
