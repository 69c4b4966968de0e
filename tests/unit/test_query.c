/*
 * test_query.c — the query language: valid queries checked by what they
 * select from a small in-memory index, the FTS5 expressions and highlight
 * terms they produce, bad queries with their exact messages and positions,
 * the text the composing API writes (query_field_text, query_term_text,
 * query_and_field) read back as the same value, and a replay of nasty
 * inputs through the fuzz target's entry point.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_stats.h"
#include "dossier/store_story.h"
#include "tap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void fuzz_query_cleanup(void);

static struct store *st;

/* Documents: id 1..6 */
static void
add(const char *title, const char *source, const char *date, const char *body,
    const char *topic, const char *tag, const char *person, double figure, const char *unit)
{
    struct ds_error err;
    struct article a;
    int64_t id;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t)title;
    a.source = (char *)(uintptr_t)source;
    a.published = (char *)(uintptr_t)date;
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    if (store_doc_insert(st, &a, ds_hash64(body, strlen(body)), &id, &err) != 0)
        diag("insert: %s", err.msg);
    struct span sp = {0, 4};
    struct entity e = {(char *)(uintptr_t)person, NULL, ENTITY_PERSON, &sp, 1};
    struct entity c = {(char *)(uintptr_t)"Japan", (char *)(uintptr_t)"日本", ENTITY_COUNTRY, &sp,
                       1};
    struct entity ents[2] = {e, c};
    struct figure f;
    memset(&f, 0, sizeof f);
    f.value = figure;
    f.value_hi = figure;
    f.unit = (char *)(uintptr_t)unit;
    struct topic_score t = {(char *)(uintptr_t)topic, 1.0, &sp, 1};
    struct extraction x = {&f, figure != 0, ents, person ? 2 : 0, &t, topic ? 1 : 0};
    if (store_put_extraction(st, id, &x, &err) != 0)
        diag("extraction: %s", err.msg);
    if (tag)
        store_tag_add(st, id, tag, &err);
}

/* The ids a query selects, in rank order, as "1,3,5"; or "ERR: message". */
static char *
run(const char *text)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    struct buf b = BUF_INIT;

    if (query_parse(text, &q, &err) != 0) {
        buf_printf(&b, "ERR: %s", err.msg);
        return buf_steal(&b);
    }
    if (store_search(st, q, SORT_DATE, &rs, &err) != 0) {
        buf_printf(&b, "DBERR: %s", err.msg);
        query_free(&q);
        return buf_steal(&b);
    }
    /* report in id order so expectations do not depend on ranking */
    size_t n = result_set_count(rs);
    char seen[64] = {0};
    struct result_row rows[64];
    int got = result_set_fetch(rs, 0, n < 64 ? n : 64, rows, &err);
    for (int i = 0; i < got; i++) {
        if (rows[i].id > 0 && rows[i].id < 64)
            seen[rows[i].id] = 1;
        result_row_clear(&rows[i]);
    }
    for (int i = 1; i < 64; i++)
        if (seen[i])
            buf_printf(&b, "%s%d", b.len ? "," : "", i);
    result_set_free(&rs);
    query_free(&q);
    return buf_steal(&b);
}

static void
selects(const char *text, const char *want)
{
    char *got = run(text);
    is_str(got, want, text);
    free(got);
}

static void
bad(const char *text, const char *msg, int pos)
{
    struct query *q = (struct query *)1;
    struct ds_error err;
    ds_error_clear(&err);
    int rc = query_parse(text, &q, &err);
    char name[200];
    snprintf(name, sizeof name, "rejects '%.60s'", text);
    ok(rc == -1 && q == NULL, "%s", name);
    is_str(err.msg, msg, "  message");
    is_int(err.pos, pos, "  position");
    if (rc == 0)
        query_free(&q);
}

static void
fts_is(const char *text, const char *want)
{
    struct query *q = NULL;
    struct ds_error err;
    if (query_parse(text, &q, &err) != 0) {
        ok(0, "fts of '%s': %s", text, err.msg);
        return;
    }
    char name[200];
    snprintf(name, sizeof name, "fts of '%s'", text);
    is_str(query_fts_expr(q), want, name);
    query_free(&q);
}

static void
test_valid(void)
{
    selects("", "1,2,3,4,5,6");
    selects("   ", "1,2,3,4,5,6");
    selects("tariffs", "1,2");
    selects("Tariff", "1,2");
    selects("tariffs soybeans", "1");
    selects("tariffs AND soybeans", "1");
    selects("tariffs OR rcep", "1,2,3");
    selects("tariffs -soybeans", "2");
    selects("tariffs NOT soybeans", "2");
    selects("-tariffs", "3,4,5,6");
    selects("NOT tariffs", "3,4,5,6");
    selects("-tariffs -rcep", "4,5,6");
    selects("\"cut tariffs\"", "1");
    selects("\"tariffs cut\"", "");
    selects("soy*", "1");
    selects("agree*", "1");
    selects("partner*", "3");
    selects("soybeans*", "1");
    selects("\"agreed to\"*", "1");
    selects("(tariffs OR rcep) AND asia", "2,3");
    selects("(tariffs OR rcep) -asia", "1");
    selects("-(tariffs OR rcep)", "4,5,6");
    selects("a AND (b OR (c AND (d OR tariffs)))", "");
    selects("tariffs OR (rcep AND -asia)", "1,2");
    selects("and", "1");              /* lower case: a plain word */
    selects("C++ & !!", "5");          /* punctuation-only words are dropped */
    selects("title:tariffs", "1");
    selects("title:\"enters into\"", "3");
    selects("-title:tariffs tariffs", "2");
    selects("source:xinhua", "1");
    selects("source:XIN", "1");
    selects("source:\"global times\"", "2");
    selects("source:100%", "");
    selects("source:a_b", "");
    selects("-source:xinhua", "2,3,4,5,6");
    selects("source:xinhua OR source:nikkei", "1,3");
    selects("source:ÉCONOMIE", "4");
    selects("source:économie", "4");
    selects("source:人民", "5");
    selects("source:xinhua OR rcep", "1,3");
    selects("(source:xinhua OR rcep) tariffs", "1");
    selects("after:2021", "1,2,4");
    selects("after:2021-06", "2,4");
    selects("after:2021-05-17", "1,2,4");
    selects("before:2021-05-17", "3,5");
    selects("before:2020", "5");
    selects("year:2021", "1");
    selects("year:2019", "5");
    selects("year:2018", "");
    selects("-after:2020", "5,6");
    selects("after:2020 before:2022", "1,3");
    selects("id:3", "3");
    selects("id:3 OR id:5", "3,5");
    /* stories: 1 and 3 in story 1, 2 in a story of its own, 4 not grouped */
    {
        struct ds_error serr;
        ok(store_story_put(st, 1, 1, 0, &serr) == 0 && store_story_put(st, 3, 1, 0.4, &serr) == 0 &&
               store_story_put(st, 2, 2, 0, &serr) == 0,
           "stories saved");
    }
    selects("story:3", "1,3");
    selects("story:1", "1,3");
    selects("story:2", "2");
    selects("story:4", "");
    selects("story:3 -id:1", "3");
    selects("topic:trade", "1,2");
    selects("topic:TRADE", "1,2");
    selects("-topic:trade", "3,4,5,6");
    selects("tag:later", "2");
    selects("theme:1", "1,2");
    selects("theme:2 OR id:5", "3,5");
    selects("-theme:1", "3,4,5,6");
    selects("theme:9", "");
    selects("person:\"Wang Wentao\"", "5");
    selects("person:wang", "");
    selects("person:wang*", "5");
    selects("person:\"wang w\"*", "5");
    selects("person:*", "ERR: 'person:*' needs a value at column 1");
    selects("country:ja*", "5,6");
    selects("entity:日*", "5,6");
    selects("topic:tr*", "1,2");
    selects("tag:lat*", "2");
    selects("tag:%*", "");
    selects("source:\"global times\"*", "2");
    selects("entity:\"wang wentao\"", "5");
    selects("country:japan", "5,6");
    selects("country:日本", "5,6");
    selects("org:japan", "");
    selects("has:figures", "1,3");
    selects("has:title", "1,2,3,4");
    selects("has:date", "1,2,3,4,5");
    selects("figure:>100bn", "1");
    selects("figure:>=682.32bn", "1");
    selects("figure:<5%", "");
    selects("figure:<=7.5%", "3");
    selects("figure:7.5%", "3");
    selects("figure:>1,000", "1");
    selects("figure:>1k", "1");
    selects("figure:<1mn", "3");
    selects("王文涛", "5");
    selects("关税", "5");
    selects("王文涛 -关税", "");
    selects("日本", "6");
    selects("日本 OR 王文涛", "5,6");
    selects("部长", "5");
}

static void
test_expressions(void)
{
    struct query *q, *q2;
    struct ds_error err;

    fts_is("tariffs", "\"tariffs\"");
    fts_is("a b", "(\"a\" AND \"b\")");
    fts_is("a OR b", "(\"a\" OR \"b\")");
    fts_is("a -b -c", "(((\"a\") NOT \"b\") NOT \"c\")");
    fts_is("soy*", "\"soy\"*");
    fts_is("title:x", "title : \"x\"");
    fts_is("税", "\"税\"*");
    fts_is("a\"b\"", "(\"a\" AND \"b\")");
    fts_is("source:x", NULL);
    fts_is("-a", NULL);
    fts_is("a OR source:x", NULL);
    fts_is("a source:x", "\"a\"");
    fts_is("NEAR(a b)", "(\"NEAR\" AND \"a\" AND \"b\")");
    fts_is("{title}:x", "\"{title}:x\"");

    query_parse("tariffs \"cut tariffs\" soy* -beans OR title:rcep", &q, &err);
    is_int(query_term_count(q), 4, "positive terms");
    is_str(query_term_at(q, 0), "tariffs", "term 0");
    is_str(query_term_at(q, 1), "cut tariffs", "term 1 (phrase)");
    is_str(query_term_at(q, 2), "soy*", "term 2 (prefix)");
    is_str(query_term_at(q, 3), "rcep", "term 3 (title)");
    ok(query_term_at(q, 4) == NULL, "term past the end");
    ok(query_has_text(q), "has text");
    is_str(query_text(q), "tariffs \"cut tariffs\" soy* -beans OR title:rcep", "text kept");
    query_free(&q);

    query_parse("source:x", &q, &err);
    ok(!query_has_text(q), "field only: no text");
    ok(strstr(query_sql(q), "x") == NULL, "user text never in the SQL");
    is_int(query_param_count(q), 1, "one parameter");
    is_str(qsql_param_at(q->sql, 0)->text, "%x%", "source is a LIKE pattern");
    ok(qsql_param_at(q->sql, 1) == NULL, "param past the end");

    ok(query_and(q, "tariffs", &q2, &err) == 0, "query_and");
    is_str(query_text(q2), "(source:x) (tariffs)", "combined text");
    ok(query_has_text(q2), "combined has text");
    query_free(&q2);
    ok(query_and(q, "sorce:y", &q2, &err) == -1 && q2 == NULL, "query_and rejects bad extra");
    is_int(err.pos, 0, "position is in extra");
    query_free(&q);
    query_parse("", &q, &err);
    ok(query_and(q, "topic:trade", &q2, &err) == 0, "query_and on empty");
    is_str(query_text(q2), "topic:trade", "empty AND x = x");
    query_free(&q2);
    query_free(&q);

    char *r = run("tariffs OR source:xinhua'; DROP TABLE documents; --");
    ok(strncmp(r, "ERR", 3) != 0 && strncmp(r, "DBERR", 5) != 0, "SQL in a value is just text");
    free(r);
    selects("", "1,2,3,4,5,6");
}

/* query_field_text(field, value) gives want, which parses back to one
 * filter of that field whose value is back (value with quotes dropped). */
static void
field_text(enum qfield field, const char *value, const char *want, const char *back)
{
    char *got = query_field_text(field, value);
    is_str(got, want, want);
    struct query *q = NULL;
    struct ds_error err;
    ok(query_parse(got, &q, &err) == 0 && q->root && q->root->kind == QN_FIELD &&
           q->root->field == field && strcmp(q->root->value, back) == 0,
       "  %s reads back as '%s'", got, back);
    query_free(&q);
    free(got);
}

/* query_term_text(term) gives want, which parses back to one text node
 * holding term as it is, not a prefix. */
static void
term_text(const char *term, const char *want)
{
    char *got = query_term_text(term);
    is_str(got, want, want);
    struct query *q = NULL;
    struct ds_error err;
    ok(query_parse(got, &q, &err) == 0 && q->root && q->root->kind == QN_TEXT &&
           strcmp(q->root->text, term) == 0 && !q->root->prefix,
       "  %s reads back as one term", got);
    query_free(&q);
    free(got);
}

/* Two query texts compile to the same statement and parameters. */
static bool
same_sql(const struct query *a, const struct query *b)
{
    if (strcmp(qsql_ranked(a->sql), qsql_ranked(b->sql)) != 0 ||
        qsql_param_count(a->sql) != qsql_param_count(b->sql))
        return false;
    for (size_t i = 0; i < qsql_param_count(a->sql); i++) {
        const struct qparam *x = qsql_param_at(a->sql, i), *y = qsql_param_at(b->sql, i);
        if (x->type != y->type || x->i != y->i || x->r != y->r ||
            strcmp(x->text ? x->text : "", y->text ? y->text : "") != 0)
            return false;
    }
    return true;
}

static void
test_compose(void)
{
    /* field values: bare when they read back as themselves */
    field_text(QF_SOURCE, "Reuters", "source:Reuters", "Reuters");
    field_text(QF_SOURCE, "Global Times", "source:\"Global Times\"", "Global Times");
    field_text(QF_ORG, "say \"no\"", "org:\"say no\"", "say no");
    field_text(QF_ORG, "\"quoted\"", "org:\"quoted\"", "quoted");
    field_text(QF_ORG, "AT&T", "org:AT&T", "AT&T");
    field_text(QF_PERSON, "O'Neill", "person:O'Neill", "O'Neill");
    field_text(QF_PERSON, "Jean-Luc", "person:Jean-Luc", "Jean-Luc");
    field_text(QF_ORG, "OR", "org:OR", "OR");
    field_text(QF_SOURCE, "a:b", "source:a:b", "a:b");
    field_text(QF_SOURCE, "Reuters: Asia", "source:\"Reuters: Asia\"", "Reuters: Asia");
    field_text(QF_SOURCE, "-dash", "source:-dash", "-dash");
    field_text(QF_ENTITY, "Bank (of) X", "entity:\"Bank (of) X\"", "Bank (of) X");
    field_text(QF_SOURCE, "tab\there", "source:\"tab\there\"", "tab\there");
    field_text(QF_SOURCE, "人民网", "source:人民网", "人民网");
    field_text(QF_PERSON, "王文涛", "person:王文涛", "王文涛");
    field_text(QF_SOURCE, "中国 日报", "source:\"中国 日报\"", "中国 日报");
    field_text(QF_COUNTRY, "Côte d'Ivoire", "country:\"Côte d'Ivoire\"", "Côte d'Ivoire");
    field_text(QF_TOPIC, "us-china", "topic:us-china", "us-china");
    field_text(QF_AFTER, "2021-03-01", "after:2021-03-01", "2021-03-01");
    /* nothing left to search for: written, and rejected when parsed */
    char *t = query_field_text(QF_SOURCE, "");
    is_str(t, "source:\"\"", "an empty value is quoted, not lost");
    free(t);
    t = query_field_text(QF_SOURCE, "\"\"");
    is_str(t, "source:\"\"", "a value of quotes alone is empty");
    free(t);
    struct buf b = BUF_INIT;
    query_put_field(&b, QF_AFTER, "2021-03-01");
    buf_putc(&b, ' ');
    query_put_field(&b, QF_BEFORE, "2021-04-01");
    is_str(buf_str(&b), "after:2021-03-01 before:2021-04-01", "query_put_field appends");
    buf_free(&b);

    /* free-text terms: bare only when not an operator, negation, prefix or field */
    term_text("tariff", "tariff");
    term_text("关税", "关税");
    term_text("OR", "\"OR\"");
    term_text("-x", "\"-x\"");
    term_text("soy*", "\"soy*\"");
    term_text("a:b", "\"a:b\"");
    term_text("cut tariffs", "\"cut tariffs\"");
    term_text("(x)", "\"(x)\"");
    t = query_term_text("say \"no\"");
    is_str(t, "\"say no\"", "quotes inside a term are dropped");
    free(t);

    /* query_and_field: the same query as writing the filter by hand */
    struct query *q = NULL, *q2 = NULL, *want = NULL;
    struct ds_error err;
    query_parse("tariffs", &q, &err);
    ok(query_and_field(q, QF_TOPIC, "trade", &q2, &err) == 0, "query_and_field");
    is_str(query_text(q2), "(tariffs) (topic:trade)", "  its text");
    query_parse("(tariffs) (topic:trade)", &want, &err);
    ok(same_sql(q2, want), "  the same SQL as the text written by hand");
    query_free(&want);
    query_free(&q2);
    query_free(&q);
    query_parse("", &q, &err);
    ok(query_and_field(q, QF_SOURCE, "Global Times", &q2, &err) == 0, "and_field on empty");
    is_str(query_text(q2), "source:\"Global Times\"", "  empty AND x = x");
    query_free(&q2);
    ok(query_and_field(q, QF_AFTER, "yesterday", &q2, &err) == -1 && q2 == NULL,
       "and_field rejects a bad value");
    is_str(err.msg, "bad date 'after:yesterday' (use YYYY, YYYY-MM or YYYY-MM-DD) at column 1",
           "  message");
    query_free(&q);
    selects("tariffs", "1,2");
    char *text = query_field_text(QF_SOURCE, "global times");
    selects(text, "2");
    free(text);
    text = query_field_text(QF_SOURCE, "人民");
    selects(text, "5");
    free(text);
}

static void
test_bad(void)
{
    bad("sorce:xinhua", "unknown field 'sorce:' at column 1 (fields: source, title, after, "
                        "before, year, id, topic, entity, person, org, country, tag, has, "
                        "figure, theme, story)",
        0);
    bad("tariffs http://x", "unknown field 'http:' at column 9 (fields: source, title, after, "
                            "before, year, id, topic, entity, person, org, country, tag, has, "
                            "figure, theme, story)",
        8);
    bad("a:b:c", "unknown field 'a:' at column 1 (fields: source, title, after, before, year, id, "
                 "topic, entity, person, org, country, tag, has, figure, theme, story)",
        0);
    bad("\"unclosed", "unclosed quote '\"' at column 1", 0);
    bad("tariffs \"cut", "unclosed quote '\"' at column 9", 8);
    bad("source:\"global", "unclosed quote '\"' at column 8", 7);
    bad("(tariffs", "unclosed '(' at column 1", 0);
    bad("((a) OR (b)", "unclosed '(' at column 1", 0);
    bad("(", "unclosed '(' at column 1", 0);
    bad("tariffs)", "unmatched ')' at column 8", 7);
    bad(")", "unmatched ')' at column 1", 0);
    bad("()", "empty parentheses at column 1", 0);
    bad("OR tariffs", "'OR' has nothing before it at column 1", 0);
    bad("tariffs OR", "'OR' has nothing after it at column 9", 8);
    bad("a OR OR b", "'OR' has nothing after it at column 3", 2);
    bad("AND", "'AND' has nothing before it at column 1", 0);
    bad("a AND", "'AND' has nothing after it at column 3", 2);
    bad("NOT", "'NOT' has nothing after it at column 1", 0);
    bad("a NOT)", "'NOT' has nothing after it at column 3", 2);
    bad("a -", "'-' has nothing after it at column 3", 2);
    bad("*", "'*' needs a word before it at column 1", 0);
    bad("source:", "'source:' needs a value at column 1", 0);
    bad("a source: b", "'source:' needs a value at column 3", 2);
    bad("source:\"\"", "'source:\"\"' needs a value at column 1", 0);
    bad("after:2021-13", "bad date 'after:2021-13' (use YYYY, YYYY-MM or YYYY-MM-DD) at column 1",
        0);
    bad("before:yesterday",
        "bad date 'before:yesterday' (use YYYY, YYYY-MM or YYYY-MM-DD) at column 1", 0);
    bad("after:21", "bad date 'after:21' (use YYYY, YYYY-MM or YYYY-MM-DD) at column 1", 0);
    bad("after:2021-02-30x",
        "bad date 'after:2021-02-30x' (use YYYY, YYYY-MM or YYYY-MM-DD) at column 1", 0);
    bad("year:21", "bad year 'year:21' (use four digits: year:2021) at column 1", 0);
    bad("id:abc", "bad id 'id:abc' (use a number: id:42) at column 1", 0);
    bad("theme:two", "bad theme 'theme:two' (use its number: theme:3, see dossier themes) at "
                     "column 1", 0);
    bad("story:x", "bad story 'story:x' (use an article's number: story:42) at column 1", 0);
    bad("has:pictures", "unknown 'has:pictures' (use has:figures, has:title or has:date) at "
                        "column 1",
        0);
    bad("figure:big", "bad figure 'figure:big' (e.g. figure:>100bn, figure:<5%) at column 1", 0);
    bad("figure:>5x", "bad figure 'figure:>5x' (e.g. figure:>100bn, figure:<5%) at column 1", 0);
    bad("关税 sorce:x", "unknown field 'sorce:' at column 4 (fields: source, title, after, before, "
                      "year, id, topic, entity, person, org, country, tag, has, figure, theme, story)",
        7);
    bad("-source:", "'source:' needs a value at column 2", 1);

    struct buf b = BUF_INIT;
    for (int i = 0; i < 40; i++)
        buf_putc(&b, '(');
    buf_puts(&b, "a");
    for (int i = 0; i < 40; i++)
        buf_putc(&b, ')');
    bad(b.data, "parentheses nested too deeply (at most 32) at column 33", 32);
    buf_reset(&b);
    for (int i = 0; i < 201; i++)
        buf_puts(&b, "ab ");
    bad(b.data, "too many terms (at most 200) at column 601", 600);
    buf_free(&b);
}

static void
test_replay(void)
{
    static const char *const nasty[] = {
        "\"", "*", "**", "NOT", "OR OR", "AND AND", "a:b:c", "((((", "))))", "(((a)))",
        "-", "--", "-(", "-\"\"", "\"\"", "\"\"*", "\"*\"", "\"a\"\"b\"", "a\"", "-*",
        "NOT NOT a", "NOT -a", "- a", "a - b", "(-a)", "(a OR -b)", "-(-a)", "a OR NOT b",
        "title:", "title:\"\"", "title:*", "title:-", "title:\"a", "source:%", "source:_",
        "source:\\", "tag:'", "topic:\"", "figure:", "figure:>", "figure:>=", "figure:.",
        "figure:1e999", "figure:>99999999999999999999999999999999999999tn", "id:0",
        "id:99999999999999999999", "year:0000", "after:0000-00-00", "NEAR(a b)", "a NEAR b",
        "{title body}: x", "^a", "a + b", "col:x", "rank:1", "\xf0\x9f\x98\x80", "😀 OR 🎉",
        "王文涛*", "王", "한국어", "ひらがな カタカナ", "\xff\xfe\xfd", "\xe3\x80", "a\xc0\xaf" "b",
        "\x01\x02\x1b[31m", "\t\n\r", "OR", "AND", ")", "(", "()", "( )", "(NOT)", "a (OR) b",
        "a AND NOT b", "title:a OR source:b -tag:c", "-source:x -topic:y", "x:", ":x", "::",
        "\"a\" OR \"\"", "!!! OR tariffs", "(!!!)", "-!!!", "tariffs -(!!!)",
    };
    size_t n = DS_ARRAY_LEN(nasty);
    for (size_t i = 0; i < n; i++)
        LLVMFuzzerTestOneInput((const uint8_t *)nasty[i], strlen(nasty[i]));
    ok(1, "replayed %zu nasty queries through the fuzz entry point", n);

    /* long inputs: deep nesting, many terms, binary */
    struct buf b = BUF_INIT;
    for (int i = 0; i < 2000; i++)
        buf_putc(&b, '(');
    buf_puts(&b, "a");
    for (int i = 0; i < 2000; i++)
        buf_putc(&b, ')');
    LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
    ok(1, "2000 levels of parentheses");
    buf_reset(&b);
    for (int i = 0; i < 2500; i++)
        buf_puts(&b, i % 3 ? "word " : "OR x ");
    LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
    ok(1, "10k-long input");
    buf_reset(&b);
    uint32_t seed = 12345;
    for (int round = 0; round < 200; round++) {
        buf_reset(&b);
        int len = (int)(seed % 40);
        for (int i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            char c = (char)((seed >> 16) & 0xff);
            buf_putc(&b, c ? c : ' ');
        }
        LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
    }
    ok(1, "200 random byte strings");
    buf_free(&b);
    fuzz_query_cleanup();
}

int
main(void)
{
    struct ds_error err;
    if (store_open(":memory:", STORE_CREATE, &st, &err) != 0) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
    add("China and US agree on tariffs", "Xinhua", "2021-05-17",
        "Beijing agreed to cut tariffs on soybeans.", "trade", NULL, NULL, 682.32e9, "USD");
    add("Ministry urges Washington", "Global Times", "2022-01-13",
        "The ministry urged Washington to lower tariffs across Asia.", "trade", "later", NULL, 0,
        NULL);
    add("RCEP enters into force", "Nikkei Asia", "2020-02",
        "The Regional Comprehensive Economic Partnership covers Asia.", NULL, NULL, NULL, 7.5,
        "%");
    add("Markets", "Reuters Économie", "2024-03-01", "Stocks rose.", NULL, NULL, NULL, 0, NULL);
    add(NULL, "人民网", "2019-12-31", "商务部部长王文涛表示，将继续推动关税减让。C++ & !!",
        NULL, NULL, "Wang Wentao", 0, NULL);
    add(NULL, NULL, NULL, "日本と中国。", NULL, NULL, "Kishida", 0, NULL);
    /* two themes, as dossier themes would save them */
    const char *labels[2] = {"tariffs, soybeans", "asia, partnership"};
    const int64_t sizes[2] = {2, 1}, theme_ids[3] = {1, 2, 3};
    const int themes[3] = {1, 1, 2};
    ok(stats_themes_put(st, labels, sizes, 2, theme_ids, themes, 3, &err) == 0, "themes saved");

    test_valid();
    test_expressions();
    test_compose();
    test_bad();
    store_close(&st);
    test_replay();
    return done_testing();
}
