/*
 * query/query.c — the query part's public face (query.h): parse text to a
 * tree (lexer.c, parser.c) and hand the tree to the store, which compiles
 * it to SQL once (store/qsql.c); combine queries; and write query text for
 * a filter by the one quoting rule, so no front end prints query syntax.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/query.h"
#include "lib.h"

/* ---- parsing --------------------------------------------------------------------------- */

/* Different words ending in '*' a query may hold. FTS5 reads the posting
 * list of every word each one starts, once per prefix: on 5,000 articles
 * 100 copies of "a*" took 48 s, and 12 one-letter prefixes take ~2 s (copies
 * are merged, so only distinct prefixes count). */
#define QUERY_MAX_PREFIXES 12

/* Refuse a query with more distinct prefixes than QUERY_MAX_PREFIXES,
 * pointing at the first one too many. */
static void
check_prefixes(struct parser *p)
{
    size_t distinct = 0;
    for (size_t i = 0; i < p->ntoks && !p->failed; i++) {
        const struct token *t = &p->toks[i];
        if (!t->prefix || (t->type != T_WORD && t->type != T_PHRASE))
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = p->toks[k].prefix && p->toks[k].type == t->type &&
                   strcmp(p->toks[k].text, t->text) == 0;
        if (!seen && ++distinct > QUERY_MAX_PREFIXES)
            parser_errorf(p, t->pos,
                          "more than %d different words ending in '*' (each is expanded "
                          "to every word it begins)",
                          QUERY_MAX_PREFIXES);
    }
}

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
    if (!p.failed)
        check_prefixes(&p);
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

int
query_and_field(const struct query *q, enum qfield field, const char *value, struct query **out,
                struct ds_error *err)
{
    char *extra = query_field_text(field, value);
    int rc = query_and(q, extra, out, err);
    free(extra);
    return rc;
}

/* ---- writing query text ---------------------------------------------------------------- */

/* True when v, written without quotes, reads back as one token holding v:
 * not empty, and no space, control character, parenthesis or quote. */
static bool
query_bare_ok(const char *v)
{
    if (!*v)
        return false;
    for (const unsigned char *c = (const unsigned char *)v; *c; c++)
        if (*c <= ' ' || *c == 0x7f || *c == '(' || *c == ')' || *c == '"')
            return false;
    return true;
}

/* Append v bare when bare reads back as v, else in double quotes. The
 * language has no escape for '"', so quotes inside v are dropped. */
static void
query_put_value(struct buf *b, const char *v, bool bare)
{
    if (bare) {
        buf_puts(b, v);
        return;
    }
    buf_putc(b, '"');
    for (const char *c = v; *c; c++)
        if (*c != '"')
            buf_putc(b, *c);
    buf_putc(b, '"');
}

void
query_put_field(struct buf *b, enum qfield field, const char *value)
{
    buf_puts(b, query_field_names[field]);
    buf_putc(b, ':');
    query_put_value(b, value ? value : "", query_bare_ok(value ? value : ""));
}

char *
query_field_text(enum qfield field, const char *value)
{
    struct buf b = BUF_INIT;
    query_put_field(&b, field, value);
    return buf_steal(&b);
}

void
query_put_term(struct buf *b, const char *term)
{
    const char *t = term ? term : "";
    size_t n = strlen(t);
    /* a bare word must also not read as an operator, a negation, a
     * prefix or a field name */
    bool bare = query_bare_ok(t) && t[0] != '-' && t[n - 1] != '*' && !strchr(t, ':') &&
                strcmp(t, "AND") != 0 && strcmp(t, "OR") != 0 && strcmp(t, "NOT") != 0;
    query_put_value(b, t, bare);
}

char *
query_term_text(const char *term)
{
    struct buf b = BUF_INIT;
    query_put_term(&b, term);
    return buf_steal(&b);
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
