/*
 * fuzz_query.c — libFuzzer target for the query language: parse arbitrary
 * bytes; a failure must come with a message and a position inside the
 * input; a query that parses must run against a small in-memory index
 * (search in both orders, facets, snippet, hit spans) without any database
 * error; and the same bytes written as a filter value or a term by the
 * query API's quoting rule must read back as themselves. Any violation
 * aborts, which libFuzzer reports as a crash.
 *
 * The same entry point is linked into tests/unit/test_query, which replays
 * a list of nasty inputs through it in every `make check`.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/query.h"
#include "dossier/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void fuzz_query_cleanup(void);

static struct store *fq_store;

static void
fq_die(const char *what, const char *input, const struct ds_error *err)
{
    fprintf(stderr, "fuzz_query: %s for input '%s': %s\n", what, input, err ? err->msg : "");
    abort();
}

static void
fq_add(const char *title, const char *source, const char *date, const char *body)
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
    if (store_doc_insert(fq_store, &a, ds_hash64(body, strlen(body)), &id, &err) != 0)
        fq_die("insert", body, &err);
    struct span sp = {0, 5};
    struct entity e = {(char *)(uintptr_t)"China", NULL, ENTITY_COUNTRY, &sp, 1};
    struct figure f;
    memset(&f, 0, sizeof f);
    f.text = (char *)(uintptr_t)"5%";
    f.value = 5;
    f.value_hi = 5;
    f.unit = (char *)(uintptr_t)"%";
    struct topic_score t = {(char *)(uintptr_t)"trade", 1.0, &sp, 1};
    struct extraction x = {&f, 1, &e, 1, &t, 1};
    if (store_put_extraction(fq_store, id, &x, &err) != 0)
        fq_die("extraction", body, &err);
}

static void
fq_open(void)
{
    struct ds_error err;
    if (store_open(":memory:", STORE_CREATE, &fq_store, &err) != 0)
        fq_die("open", "", &err);
    fq_add("China and US agree on tariffs", "Xinhua", "2021-05-17",
           "Beijing agreed to cut tariffs on soybeans by 5%. Talks continue.");
    fq_add(NULL, "Global Times", NULL, "商务部部长王文涛表示，将继续推动关税减让。 OR AND NOT");
    fq_add("\"Quotes\" (and) parens*", NULL, "2020-02",
           "Body with \"quotes\", -dashes- and *stars*.");
}

/* text with its double quotes dropped (newly allocated): what the quoting
 * rule keeps of a value. */
static char *
fq_unquoted(const char *text)
{
    char *w = malloc(strlen(text) + 1), *o = w;
    if (!w)
        abort();
    for (const char *c = text; *c; c++)
        if (*c != '"')
            *o++ = *c;
    *o = '\0';
    return w;
}

/* The quoting rule (query_field_text, query_term_text): text written as a
 * source: value reads back as that value (a trailing '*' being the prefix
 * mark), and written as a term reads back as one term holding it. */
static void
fq_check_quoting(const char *text)
{
    struct ds_error err;
    struct query *q = NULL;
    char *w = fq_unquoted(text);
    size_t n = strlen(w);
    bool prefix = false;
    while (n > 0 && w[n - 1] == '*') {
        w[--n] = '\0';
        prefix = true;
    }
    char *ft = query_field_text(QF_SOURCE, text);
    int rc = query_parse(ft, &q, &err);
    if (!*w ? rc == 0
            : rc != 0 || !q->root || q->root->kind != QN_FIELD || q->root->field != QF_SOURCE ||
                  strcmp(q->root->value, w) != 0 || q->root->prefix != prefix)
        fq_die("a source: value that does not read back", ft, rc ? &err : NULL);
    query_free(&q);
    free(ft);
    free(w);

    w = fq_unquoted(text);
    bool words = false;
    for (const unsigned char *c = (const unsigned char *)w; *c; c++)
        words |= isalnum(*c) || *c >= 0x80;
    char *tt = query_term_text(text);
    rc = query_parse(tt, &q, &err);
    if (rc != 0 || (words ? !q->root || q->root->kind != QN_TEXT ||
                                strcmp(q->root->text, w) != 0 || q->root->prefix
                          : q->root != NULL))
        fq_die("a term that does not read back", tt, rc ? &err : NULL);
    query_free(&q);
    free(tt);
    free(w);
}

void
fuzz_query_cleanup(void)
{
    store_close(&fq_store);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ds_error err;
    struct query *q = NULL;
    char *text = malloc(size + 1);

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0'; /* the query API takes C strings: stop at a NUL */
    if (!fq_store)
        fq_open();
    fq_check_quoting(text);
    ds_error_clear(&err);
    if (query_parse(text, &q, &err) != 0) {
        if (q || err.msg[0] == '\0' || err.pos < 0 || (size_t)err.pos > strlen(text))
            fq_die("bad failure report", text, &err);
        free(text);
        return 0;
    }
    struct result_set *rs = NULL;
    for (int sort = SORT_RANK; sort <= SORT_DATE; sort++) {
        if (store_search(fq_store, q, (enum store_sort)sort, &rs, &err) != 0)
            fq_die("search failed", text, &err);
        struct result_row rows[4];
        int n = result_set_fetch(rs, 0, 4, rows, &err);
        if (n < 0)
            fq_die("fetch failed", text, &err);
        for (int i = 0; i < n; i++) {
            char *snip = store_snippet(fq_store, q, rows[i].id, "[", "]", 10);
            if (query_has_text(q) && !snip)
                fq_die("no snippet for a text query", text, NULL);
            free(snip);
            struct span *sp = NULL;
            size_t nsp = 0;
            if (store_hit_spans(fq_store, q, rows[i].id, &sp, &nsp, &err) != 0)
                fq_die("hit spans failed", text, &err);
            free(sp);
            result_row_clear(&rows[i]);
        }
        result_set_free(&rs);
    }
    struct facet *f = NULL;
    size_t nf = 0;
    if (store_facets(fq_store, q, FACET_TOPIC, 5, &f, &nf, &err) != 0)
        fq_die("facets failed", text, &err);
    facets_free(f, nf);
    struct query *q2 = NULL;
    if (query_and(q, "topic:trade", &q2, &err) != 0)
        fq_die("query_and failed", text, &err);
    if (store_search(fq_store, q2, SORT_RANK, &rs, &err) != 0)
        fq_die("combined search failed", text, &err);
    result_set_free(&rs);
    query_free(&q2);
    query_free(&q);
    free(text);
    return 0;
}
