/*
 * corpus/saved.c — saved searches with their counts: each query run once
 * (unranked, so it costs the match and nothing more), its hits counted, and
 * those above the search's seen mark counted as new. The rows and the mark
 * are the store's (store/saved.c); the CLI's `dossier searches` and the
 * browser's sidebar read the same numbers from here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/corpus.h"
#include "dossier/query.h"
#include "dossier/store.h"

/* Count one search's matches into c. 0, or -1 with err on a database
 * error (a query that does not parse is c->error, not a failure). */
static int
count_one(struct store *s, const struct saved_search *v, struct saved_count *c,
          struct ds_error *err)
{
    struct query *q = NULL;
    struct ds_error qerr;
    ds_error_clear(&qerr);
    if (query_parse(v->query, &q, &qerr) != 0) {
        c->error = xstrdup(qerr.msg);
        return 0;
    }
    struct result_set *rs = NULL;
    int rc = store_search(s, q, SORT_NONE, &rs, err);
    if (rc == 0) {
        c->total = result_set_count(rs);
        c->fresh = result_set_count_after(rs, v->seen_id);
    }
    result_set_free(&rs);
    query_free(&q);
    return rc;
}

/* See corpus.h. */
int
corpus_saved_counts(struct store *s, struct saved_count **out, size_t *n, struct ds_error *err)
{
    struct saved_search *v = NULL;
    size_t nv = 0;
    *out = NULL;
    *n = 0;
    if (store_saved_list(s, &v, &nv, err) != 0)
        return -1;
    struct saved_count *c = xcalloc(nv ? nv : 1, sizeof *c);
    int rc = 0;
    for (size_t i = 0; i < nv && rc == 0; i++) {
        c[i].name = xstrdup(v[i].name);
        c[i].query = xstrdup(v[i].query);
        c[i].seen_id = v[i].seen_id;
        rc = count_one(s, &v[i], &c[i], err);
    }
    saved_searches_free(v, nv);
    if (rc != 0) {
        saved_counts_free(c, nv);
        return -1;
    }
    *out = c;
    *n = nv;
    return 0;
}

/* See corpus.h. */
int
corpus_saved_recount(struct store *s, struct saved_count *c, int64_t seen_id,
                     struct ds_error *err)
{
    struct saved_search v = {.name = c->name, .query = c->query, .seen_id = seen_id};
    free(c->error);
    c->error = NULL;
    c->seen_id = seen_id;
    c->total = c->fresh = 0;
    return count_one(s, &v, c, err);
}

/* See corpus.h. */
void
saved_counts_free(struct saved_count *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].name);
        free(v[i].query);
        free(v[i].error);
    }
    free(v);
}
