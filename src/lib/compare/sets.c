/*
 * compare/sets.c — two sets of articles compared: the terms, entities and
 * topics distinctive of each side (what `dossier compare --left --right` and
 * the browser's set comparison show). Terms are counted over titles and
 * bodies and scored with compare_keyness (token totals); entities and
 * topics count documents, so their G2 uses the set sizes as totals.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"

struct set_counts {
    struct cmp_counts *terms, *entities, *topics;
    size_t docs, matched;
};

static void
set_counts_clear(struct set_counts *sc)
{
    cmp_counts_free(&sc->terms);
    cmp_counts_free(&sc->entities);
    cmp_counts_free(&sc->topics);
}

/* Count the first limit articles q matches (by rank). 0, or -1 with err. */
static int
count_set(struct store *s, const struct query *q, size_t limit, struct set_counts *sc,
          struct ds_error *err)
{
    struct result_set *rs = NULL;
    memset(sc, 0, sizeof *sc);
    sc->terms = cmp_counts_new();
    sc->entities = cmp_counts_new();
    sc->topics = cmp_counts_new();
    if (store_search(s, q, SORT_RANK, &rs, err) != 0)
        return -1;
    int rc = -1;
    sc->matched = result_set_count(rs);
    struct text_tokenizer tok;
    store_text_tokenizer(s, &tok);
    for (size_t pos = 0; pos < sc->matched && sc->docs < limit; pos++) {
        struct result_row row;
        memset(&row, 0, sizeof row);
        if (result_set_fetch(rs, pos, 1, &row, err) != 1)
            goto out;
        struct doc_record rec = {0};
        struct extraction x = {0};
        int64_t id = row.id;
        result_row_clear(&row);
        if (store_doc_get(s, id, &rec, err) != 0 || store_get_extraction(s, id, &x, err) != 0) {
            doc_record_clear(&rec);
            extraction_clear(&x);
            goto out;
        }
        if (rec.a.title)
            cmp_counts_add_text(sc->terms, rec.a.title, strlen(rec.a.title), &tok);
        if (rec.a.body)
            cmp_counts_add_text(sc->terms, rec.a.body, strlen(rec.a.body), &tok);
        /* entities and topics count documents, not mentions */
        for (size_t i = 0; i < x.nentities; i++)
            cmp_counts_add(sc->entities, x.entities[i].name, x.entities[i].name, 1);
        for (size_t i = 0; i < x.ntopics; i++)
            cmp_counts_add(sc->topics, x.topics[i].slug, x.topics[i].slug, 1);
        sc->docs++;
        doc_record_clear(&rec);
        extraction_clear(&x);
    }
    rc = 0;
out:
    result_set_free(&rs);
    return rc;
}

static double
abs_g2(double g)
{
    return g < 0 ? -g : g;
}

/* A's terms first, then B's, each by |g2| then term. */
static int
term_order(const void *pa, const void *pb)
{
    const struct cmp_term *a = pa, *b = pb;
    if ((a->g2 > 0) != (b->g2 > 0))
        return a->g2 > 0 ? -1 : 1;
    if (abs_g2(a->g2) != abs_g2(b->g2))
        return abs_g2(a->g2) > abs_g2(b->g2) ? -1 : 1;
    return strcmp(a->term, b->term);
}

/* Keyness of document-count tables: the totals are the set sizes. */
static size_t
doc_keyness(const struct cmp_counts *a, size_t na, const struct cmp_counts *b, size_t nb,
            size_t max, struct cmp_term **out)
{
    struct cmp_term *ta = NULL, *tb = NULL;
    size_t n1 = cmp_counts_terms(a, &ta), n2 = cmp_counts_terms(b, &tb);
    struct cmp_term *res = xcalloc(n1 + n2 + 1, sizeof *res);
    size_t n = 0;
    for (size_t i = 0; i < n1 + n2; i++) {
        struct cmp_term *t = i < n1 ? &ta[i] : &tb[i - n1];
        uint64_t ca = cmp_counts_get(a, t->term), cb = cmp_counts_get(b, t->term);
        if (i >= n1 && ca > 0)
            continue; /* already seen from a */
        double g = keyness_g2((double)ca, (double)cb, (double)na, (double)nb);
        if (g < 3.84)
            continue;
        bool for_a = (double)ca / (double)na > (double)cb / (double)nb;
        res[n].term = xstrdup(t->term);
        res[n].word = xstrdup(t->word ? t->word : t->term);
        res[n].count_a = ca;
        res[n].count_b = cb;
        res[n].g2 = for_a ? g : -g;
        n++;
    }
    cmp_terms_free(ta, n1);
    cmp_terms_free(tb, n2);
    if (n > 1)
        qsort(res, n, sizeof *res, term_order);
    size_t k = 0, sa = 0, sb = 0;
    for (size_t i = 0; i < n; i++) {
        bool keep = res[i].g2 > 0 ? sa++ < max : sb++ < max;
        if (keep) {
            res[k++] = res[i];
        } else {
            free(res[i].term);
            free(res[i].word);
        }
    }
    *out = res;
    return k;
}

int
compare_two_sets(struct store *s, const struct query *a, const struct query *b, size_t limit,
                 struct cmp_sets *out, struct ds_error *err)
{
    struct set_counts L, R;
    memset(out, 0, sizeof *out);
    memset(&R, 0, sizeof R);
    int rc = -1;
    if (count_set(s, a, limit, &L, err) != 0 || count_set(s, b, limit, &R, err) != 0)
        goto out;
    out->docs_a = L.docs;
    out->docs_b = R.docs;
    out->matched_a = L.matched;
    out->matched_b = R.matched;
    if (L.docs && R.docs) {
        out->nterms = compare_keyness(L.terms, R.terms, 3.84, 25, &out->terms);
        out->nentities = doc_keyness(L.entities, L.docs, R.entities, R.docs, 15, &out->entities);
        out->ntopics = doc_keyness(L.topics, L.docs, R.topics, R.docs, 10, &out->topics);
    }
    rc = 0;
out:
    set_counts_clear(&L);
    set_counts_clear(&R);
    return rc;
}

void
cmp_sets_clear(struct cmp_sets *c)
{
    cmp_terms_free(c->terms, c->nterms);
    cmp_terms_free(c->entities, c->nentities);
    cmp_terms_free(c->topics, c->ntopics);
    memset(c, 0, sizeof *c);
}
