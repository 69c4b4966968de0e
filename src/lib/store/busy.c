/*
 * store/busy.c — living beside another writer. SQLite lets one connection
 * write at a time; an index run holds the write lock for seconds at a time.
 * A batch command may wait for it (STORE_BUSY_WAIT_MS), the browser may not:
 * it sets the wait to 0, asks store_writer_active() to say so at once, and
 * keeps a write that failed as busy (store_failed_busy()) to try again.
 */
#include "config.h"

#include "lib.h"

/* See store.h. */
void
store_set_busy_wait(struct store *s, int ms)
{
    s->busy_wait_ms = ms > 0 ? ms : 0;
    sqlite3_busy_timeout(s->db, s->busy_wait_ms);
}

/* See store.h. */
bool
store_writer_active(struct store *s)
{
    if (store_is_readonly(s) || !sqlite3_get_autocommit(s->db))
        return false;
    /* the probe must not wait for the lock it asks about */
    sqlite3_busy_handler(s->db, NULL, NULL);
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_busy_timeout(s->db, s->busy_wait_ms);
    int prim = rc & 0xff;
    return prim == SQLITE_BUSY || prim == SQLITE_LOCKED;
}

/* See store.h. */
bool
store_failed_busy(const struct store *s)
{
    return s->failed_busy;
}
