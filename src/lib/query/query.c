/*
 * query/query.c — the query part's public face (query.h): parse text to a
 * tree (lexer.c, parser.c) and hand the tree to the store, which compiles
 * it to SQL once (store/qsql.c); combine queries.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/query.h"
#include "lib.h"

/* ---- parsing --------------------------------------------------------------------------- */

int
query_parse(const char *text, struct query **out, struct ds_error *err)
{
    struct parser p = {0};
    *out = NULL;
    if (!text)
        text = "";
    p.src = text;
    p.err = err;
    query_lex(&p);
    struct qnode *root = query_parse_tokens(&p);
    bool failed = p.failed;
    parser_clear(&p);
    if (failed)
        return -1;
    struct query *q = xcalloc(1, sizeof *q);
    q->text = xstrdup(text);
    q->root = root;
    q->sql = qsql_compile(root);
    *out = q;
    return 0;
}

void
query_free(struct query **qp)
{
    struct query *q = *qp;
    if (!q)
        return;
    qnode_free(q->root);
    qsql_free(&q->sql);
    free(q->text);
    free(q);
    *qp = NULL;
}

const char *
query_text(const struct query *q)
{
    return q->text;
}

bool
query_has_text(const struct query *q)
{
    return qsql_fts(q->sql) != NULL;
}

bool
query_is_empty(const struct query *q)
{
    return !q || !q->root;
}

const char *
query_fts_expr(const struct query *q)
{
    return qsql_fts(q->sql);
}

size_t
query_term_count(const struct query *q)
{
    return qsql_term_count(q->sql);
}

const char *
query_term_at(const struct query *q, size_t i)
{
    return qsql_term_at(q->sql, i);
}

/* ---- combining ------------------------------------------------------------------------- */

int
query_and(const struct query *q, const char *extra, struct query **out, struct ds_error *err)
{
    struct query *check = NULL;
    *out = NULL;
    if (query_parse(extra, &check, err) != 0)
        return -1;
    query_free(&check);
    if (!extra || !*extra || !q->root)
        return query_parse(q->root ? q->text : extra, out, err);
    char *both = xasprintf("(%s) (%s)", q->text, extra);
    int rc = query_parse(both, out, err);
    free(both);
    return rc;
}

/* ---- the compiled form, for callers not yet reading qtree.h ----------------------------- */

const char *
query_sql(const struct query *q)
{
    return qsql_ranked(q->sql);
}

const char *
query_sql_unranked(const struct query *q)
{
    return qsql_unranked(q->sql);
}

size_t
query_param_count(const struct query *q)
{
    return qsql_param_count(q->sql);
}
