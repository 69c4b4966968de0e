/*
 * query_ids.h — what the schema-upgrade tests share (test_topic_rows,
 * test_fig_rows): the ids a query finds among the first n documents, as
 * one line of text, so a search before and after an upgrade compares as
 * two strings. static inline so a test that does not use it still builds
 * with -Werror.
 */
#ifndef DOSSIER_TESTS_QUERY_IDS_H
#define DOSSIER_TESTS_QUERY_IDS_H

#include <stdint.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/util.h"

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

#endif
