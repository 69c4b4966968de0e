/*
 * query.h — the query language shared by the TUI prompt and `dossier search`.
 *
 *   free text      words, "phrases", prefix*, AND / OR / NOT (upper case),
 *                  -word, ( ); adjacent terms are ANDed; a lone CJK
 *                  character matches as a prefix of the indexed bigrams
 *   field filters  source:X (substring, any case)  title:X (words in titles)
 *                  after:DATE (on or after)  before:DATE (strictly before)
 *                    DATE = YYYY, YYYY-MM or YYYY-MM-DD
 *                  year:YYYY  id:N  topic:SLUG  tag:X
 *                  entity:X person:X org:X country:X (name or other-script
 *                    form, any case, whole name; X* = names starting with X;
 *                    topic: and tag: take X* too)
 *                  has:figures has:title has:date
 *                  figure:>100bn figure:<=5% figure:1.5mn (k m mn mln bn b tn
 *                    t thousand million billion trillion; % restricts to
 *                    percentages; no operator = within 0.5%)
 *   values with spaces are quoted: source:"Global Times"
 *   any term or filter can be negated: -source:X, -(a OR b), NOT x
 *   limits: 200 terms, parentheses 32 deep
 *
 * A query parses to a tree (qtree.h), which the store compiles to one SQL
 * statement with bound parameters (store/qsql.c): this part knows the
 * syntax and nothing of the tables. Errors name the offending token and its
 * byte position.
 *
 * Front ends compose filters through this API (query_and_field,
 * query_field_text), never by printing query text: values are written by
 * one quoting rule that reads back as the same value.
 */
#ifndef DOSSIER_QUERY_H
#define DOSSIER_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/qtree.h"
#include "dossier/util.h"

/* Parse text. On failure returns -1, *out is NULL, and err->msg reads like
 * "unknown field 'sorce:' at column 1" with err->pos the byte offset. The
 * empty string is a valid query that selects every document. */
int query_parse(const char *text, struct query **out, struct ds_error *err);
void query_free(struct query **q);

/* The text the query was parsed from (borrowed). */
const char *query_text(const struct query *q);

/* True when the query has free-text terms (so it can be ranked/snippeted). */
bool query_has_text(const struct query *q);
/* True when q selects every document (no words, no fields). */
bool query_is_empty(const struct query *q);

/* The FTS5 MATCH expression for the free-text part (borrowed, NULL if none);
 * for highlighting and snippets. */
const char *query_fts_expr(const struct query *q);

/* The positive free-text terms as typed (for find-in-article highlighting). */
size_t query_term_count(const struct query *q);
const char *query_term_at(const struct query *q, size_t i);

/* Combine: a query that is q AND extra (e.g. the sidebar's topic filter).
 * Returns a new query; q is unchanged. extra is query text; on failure -1
 * with err pointing into extra. */
int query_and(const struct query *q, const char *extra, struct query **out, struct ds_error *err);
/* q AND the filter field:value (query_field_text), e.g. the sidebar's
 * query_and_field(q, QF_TOPIC, slug, ...). As query_and. */
int query_and_field(const struct query *q, enum qfield field, const char *value, struct query **out,
                    struct ds_error *err);

/* Query text for one filter, "field:value", newly allocated; with
 * query_put_field appended to b. The one quoting rule: the value is
 * written bare when it reads back as itself (not empty; no space, control
 * character, parenthesis or '"'), else in double quotes with any '"'
 * inside dropped (the language has no escape for it). CJK and other
 * non-ASCII text is written as it is: source:人民网, org:AT&T,
 * person:"Wang Wentao". */
char *query_field_text(enum qfield field, const char *value);
void query_put_field(struct buf *b, enum qfield field, const char *value);
/* Query text for one free-text term that matches term as a word or phrase,
 * by the same rule; bare only when it also cannot read as an operator
 * (AND OR NOT), a negation ('-'), a prefix ('*') or a field (':'). */
char *query_term_text(const char *term);
void query_put_term(struct buf *b, const char *term);

/* The store's compiled form (qtree.h: qsql_*), for callers that do not
 * read qtree.h yet (store/corpus.c; tests/unit/test_rank.c). */
const char *query_sql(const struct query *q);
const char *query_sql_unranked(const struct query *q);
size_t query_param_count(const struct query *q);

#endif
