/*
 * test_compare_sets.c — compare_two_sets on a small index in a temporary
 * directory: two groups of generated articles, one about "harbour" with the
 * entity Ruritania and the topic ports, the other about "orchard" with the
 * topic farming; each side's distinctive terms, entities and topics, the
 * counts, the document limit and an empty side.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "tap.h"

static int64_t
add_doc(struct store *s, const char *body, const char *entity, const char *topic)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.words = 20;
    int64_t id = 0;
    if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) != 0) {
        diag("insert failed: %s", err.msg);
        return -1;
    }
    struct span sp = {0, 4};
    struct entity e = {(char *)(uintptr_t)entity, NULL, ENTITY_COUNTRY, &sp, 1};
    struct topic_score t = {(char *)(uintptr_t)topic, 1.0, NULL, 0};
    struct extraction x = {NULL, 0, &e, entity ? 1 : 0, &t, 1};
    if (store_put_extraction(s, id, &x, &err) != 0) {
        diag("extraction failed: %s", err.msg);
        return -1;
    }
    return id;
}

static const struct cmp_term *
find_term(const struct cmp_term *t, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].word, word) == 0)
            return &t[i];
    return NULL;
}

static struct query *
parse(const char *text)
{
    struct query *q = NULL;
    struct ds_error err;
    if (query_parse(text, &q, &err) != 0)
        diag("query %s: %s", text, err.msg);
    return q;
}

int
main(void)
{
    char dir[] = "/tmp/dossier-test-sets.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char *dbpath = xasprintf("%s/index.db", dir);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (!ok(store_open(dbpath, STORE_CREATE, &s, &err) == 0, "open a fresh store: %s", err.msg))
        return done_testing();
    char text[256];
    for (int i = 0; i < 4; i++) {
        snprintf(text, sizeof text,
                 "The harbour cranes moved cargo number %d while the harbour pilots waited.", i);
        add_doc(s, text, "Ruritania", "ports");
        snprintf(text, sizeof text,
                 "The orchard growers picked apples in row %d and the orchard shop sold them.", i);
        add_doc(s, text, NULL, "farming");
    }
    struct query *qa = parse("harbour"), *qb = parse("orchard");
    struct cmp_sets cs;
    ok(compare_two_sets(s, qa, qb, 100, &cs, &err) == 0, "compare the two sets: %s", err.msg);
    is_int((long)cs.docs_a, 4, "four articles on the left");
    is_int((long)cs.docs_b, 4, "four on the right");
    const struct cmp_term *t = find_term(cs.terms, cs.nterms, "harbour");
    ok(t && t->g2 > 3.84, "'harbour' is distinctive of A");
    ok(t && t->count_a == 8 && t->count_b == 0, "counted twice in each of the four articles");
    t = find_term(cs.terms, cs.nterms, "orchard");
    ok(t && t->g2 < -3.84, "'orchard' is distinctive of B");
    ok(!find_term(cs.terms, cs.nterms, "the"), "stop words are not terms");
    bool order = true;
    for (size_t i = 1; i < cs.nterms; i++)
        if (cs.terms[i - 1].g2 < 0 && cs.terms[i].g2 > 0)
            order = false;
    ok(order, "A's terms come before B's");
    t = find_term(cs.entities, cs.nentities, "Ruritania");
    ok(t && t->g2 > 0 && t->count_a == 4 && t->count_b == 0,
       "an entity of every left article is distinctive of A (counted in articles)");
    t = find_term(cs.topics, cs.ntopics, "farming");
    ok(t && t->g2 < 0 && t->count_b == 4, "the right side's topic is distinctive of B");
    cmp_sets_clear(&cs);
    ok(cs.terms == NULL && cs.nterms == 0, "clear empties the result");

    ok(compare_two_sets(s, qa, qb, 2, &cs, &err) == 0, "with a limit of 2 articles");
    is_int((long)cs.docs_a, 2, "two are counted");
    is_int((long)cs.matched_a, 4, "of the four matched");
    cmp_sets_clear(&cs);

    struct query *qn = parse("volcano");
    ok(compare_two_sets(s, qa, qn, 100, &cs, &err) == 0, "a side that matches nothing");
    ok(cs.docs_b == 0 && cs.nterms == 0 && cs.nentities == 0, "gives empty lists, not an error");
    cmp_sets_clear(&cs);

    query_free(&qa);
    query_free(&qb);
    query_free(&qn);
    store_close(&s);
    char *wal = xasprintf("%s-wal", dbpath), *shm = xasprintf("%s-shm", dbpath);
    unlink(dbpath);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(dbpath);
    return done_testing();
}
