/*
 * query_ids.h — what the schema-upgrade tests share (test_topic_rows,
 * test_fig_rows, test_fig_keys): the ids a query finds among the first n
 * documents, as one line of text, so a search before and after an upgrade
 * compares as two strings; and an upgrade killed before its COMMIT.
 * static inline so a test that does not use one still builds with
 * -Werror.
 */
#ifndef DOSSIER_TESTS_QUERY_IDS_H
#define DOSSIER_TESTS_QUERY_IDS_H

#include <sqlite3.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/util.h"
#include "tap.h"

/* The ids of 1..n that query q finds, in id order ("1 4 7 "), or "error:
 * MESSAGE" (caller frees). */
static inline char *
query_ids(struct store *s, const char *q, int64_t n)
{
    struct buf b = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    struct query *qu = NULL;
    struct result_set *rs = NULL;
    if (query_parse(q, &qu, &err) != 0 || store_search(s, qu, SORT_RANK, &rs, &err) != 0) {
        buf_printf(&b, "error: %s", err.msg);
    } else {
        for (int64_t id = 1; id <= n; id++)
            if (result_set_find(rs, id) >= 0)
                buf_printf(&b, "%lld ", (long long)id);
    }
    result_set_free(&rs);
    query_free(&qu);
    return buf_steal(&b);
}

/* Part of an upgrade that dies before its COMMIT: a child opens the file
 * at path alone, runs sql (which begins a transaction and never commits)
 * and exits without closing, as if killed. 0 when the child ran sql
 * without error, -1 otherwise. */
/* The first column of the first row of sql as a number; -1 (and a
 * diagnostic) when there is none. */
static inline int64_t
sql_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        diag("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return v;
}

static sqlite3 *killed_upgrade_db; /* the child's connection, left open */

static inline int
killed_upgrade_run(const char *path, const char *sql)
{
    pid_t pid = fork();
    if (pid == 0) {
        /* Held in a static so that, under valgrind (which follows a fork),
         * the connection left open on purpose is still reachable at _exit,
         * not a leak that would fail the child. */
        if (sqlite3_open(path, &killed_upgrade_db) != SQLITE_OK)
            _exit(2);
        int rc = sqlite3_exec(killed_upgrade_db, sql, NULL, NULL, NULL);
        _exit(rc == SQLITE_OK ? 0 : 3); /* no COMMIT, no close: as if killed */
    }
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
                   WEXITSTATUS(status) == 0
               ? 0
               : -1;
}

#endif
