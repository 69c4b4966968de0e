/*
 * corpus/entities.c — the entities of a selection and their co-occurrence
 * (corpus.h). A selection's (document, entity) mentions are loaded once
 * (sampled past CORPUS_MENT_SAMPLE documents) and serve both the entity
 * table and the pairs; the whole corpus reads the derived tables' counts
 * when they are current. Pairs over the whole corpus intersect the
 * documents of the top entities as bitsets, 780 AND-popcounts, instead of
 * self-joining mentions (O(entities^2) rows per document).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "lib.h"

/* Kinds as the store keeps them (words, not enum numbers). */
static const char *const corpus_entity_kinds[] = {
    [ENTITY_COUNTRY] = "country", [ENTITY_ORG] = "org",         [ENTITY_PERSON] = "person",
    [ENTITY_PLACE] = "place",     [ENTITY_AGREEMENT] = "agreement",
};

static enum entity_kind
corpus_entity_kind_parse(const char *t)
{
    for (size_t i = 0; t && i < DS_ARRAY_LEN(corpus_entity_kinds); i++)
        if (strcmp(t, corpus_entity_kinds[i]) == 0)
            return (enum entity_kind)i;
    return ENTITY_ORG;
}

/* ---- the mentions of a selection ------------------------------------------------------------- */

/* Selections larger than this are counted on a systematic sample of this
 * many documents (every k-th id), counts scaled by k: the top entities and
 * pairs of 40,000 documents are stable on 8,000, and reading every mention
 * of a large selection costs ~4 us per document. */
#define CORPUS_MENT_SAMPLE 8000

/* The (document, entity) rows of a selection, in document order, and the
 * number of documents per entity: loaded once per selection (the entity
 * table and the co-occurrence pairs both use them). */
struct corpus_ment {
    bool loaded;
    bool sampled;
    double scale; /* documents per sampled document */
    int64_t *doc, *ent;
    size_t n, cap;
    struct u64map counts; /* entity id -> documents */
    struct stats_idcount *ranked; /* by count, computed once */
    size_t nranked;
};

struct corpus_ment *
corpus_ment_new(void)
{
    return xcalloc(1, sizeof(struct corpus_ment));
}

void
corpus_ment_free(struct corpus_ment *m)
{
    if (!m)
        return;
    free(m->doc);
    free(m->ent);
    free(m->ranked);
    u64map_free(&m->counts);
    free(m);
}

/* One (document, entity) mention into the cache and its counts. */
static void
corpus_ment_push(int64_t doc, int64_t ent, void *ud)
{
    struct corpus_ment *m = ud;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4096;
        m->doc = xrealloc(m->doc, m->cap * sizeof *m->doc);
        m->ent = xrealloc(m->ent, m->cap * sizeof *m->ent);
    }
    m->doc[m->n] = doc;
    m->ent[m->n] = ent;
    ++*u64map_upsert(&m->counts, (uint64_t)ent, NULL);
    m->n++;
}

/* Load sel's mentions once (a systematic sample past CORPUS_MENT_SAMPLE). */
static int
corpus_ment_load(struct store *s, const struct corpus_sel *sel, struct ds_error *err)
{
    struct corpus_ment *m = sel->ment;
    if (m->loaded)
        return 0;
    int rc;
    m->scale = 1;
    if (sel->n > CORPUS_MENT_SAMPLE) {
        size_t step = (sel->n + CORPUS_MENT_SAMPLE - 1) / CORPUS_MENT_SAMPLE, taken = 0;
        rc = stats_mentions_of(s, sel->ids, sel->n, step, corpus_ment_push, m, &taken, err);
        m->sampled = true;
        m->scale = taken ? (double)sel->n / (double)taken : 1;
    } else {
        rc = stats_mentions_sel(s, sel->num, corpus_ment_push, m, err);
    }
    if (rc != 0) {
        m->n = 0;
        u64map_free(&m->counts);
        return -1;
    }
    m->loaded = true;
    return 0;
}

bool
corpus_sel_estimated(const struct corpus_sel *sel)
{
    return sel && !sel->all && sel->n > CORPUS_MENT_SAMPLE;
}

static int
corpus_cmp_idcount(const void *a, const void *b)
{
    const struct stats_idcount *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Entities of a loaded selection, most documents first (computed once;
 * borrowed), counts scaled to the whole selection when it was sampled. */
static const struct stats_idcount *
corpus_ment_ranked(struct corpus_ment *m, size_t *n_out)
{
    if (!m->ranked) {
        struct stats_idcount *v = xmalloc((m->counts.n ? m->counts.n : 1) * sizeof *v);
        size_t n = 0;
        for (size_t i = 0; i < m->counts.cap; i++)
            if (m->counts.used[i]) {
                v[n].id = (int64_t)m->counts.keys[i];
                v[n].count = (int64_t)((double)m->counts.values[i] * m->scale + 0.5);
                n++;
            }
        if (n > 1)
            qsort(v, n, sizeof *v, corpus_cmp_idcount);
        m->ranked = v;
        m->nranked = n;
    }
    *n_out = m->nranked;
    return m->ranked;
}

/* ---- the top entities ------------------------------------------------------------------------ */

/* The top entities of sel (of one kind when kind >= 0): ids and counts,
 * at most max. */
static int
corpus_top_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                    struct stats_idcount **out, size_t *n_out, struct ds_error *err)
{
    const char *kname =
        kind >= 0 && (size_t)kind < DS_ARRAY_LEN(corpus_entity_kinds) ? corpus_entity_kinds[kind]
                                                                      : NULL;
    *out = NULL;
    *n_out = 0;
    if (sel->all) {
        int cached = stats_tables_current(s, err);
        if (cached < 0)
            return -1;
        return stats_top_entities(s, kname, cached, max, out, n_out, err);
    }
    if (corpus_ment_load(s, sel, err) != 0)
        return -1;
    size_t nr;
    const struct stats_idcount *all_ranked = corpus_ment_ranked(sel->ment, &nr);
    size_t keep = kname ? nr : DS_MIN(nr, max);
    struct stats_idcount *ranked = xmalloc((keep ? keep : 1) * sizeof *ranked);
    memcpy(ranked, all_ranked, keep * sizeof *ranked);
    size_t w = keep;
    /* of a kind: keep the first max of the wanted kind */
    if (kname && stats_entities_keep_kind(s, ranked, nr, kname, max, &w, err) != 0) {
        free(ranked);
        return -1;
    }
    *out = ranked;
    *n_out = w;
    return 0;
}

struct corpus_names {
    const struct stats_idcount *top;
    struct corpus_count *v;
    size_t n;
    size_t total; /* documents in the selection, for shares */
};

/* One entity name (stats_entity_names) as a corpus_count row; unknown ids are skipped. */
static void
corpus_name_row(size_t i, bool found, const char *nm, const char *kd, void *ud)
{
    struct corpus_names *a = ud;
    if (!found)
        return;
    struct corpus_count *c = &a->v[a->n++];
    c->key = corpus_clean_line(nm ? nm : "", nm ? strlen(nm) : 0);
    c->label = kd ? corpus_clean_line(kd, strlen(kd)) : NULL;
    c->count = a->top[i].count;
    c->share = a->total ? (double)a->top[i].count / (double)a->total : 0;
}

int
corpus_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                struct corpus_count **out, size_t *n_out, struct ds_error *err)
{
    struct stats_idcount *top = NULL;
    size_t ntop = 0;
    *out = NULL;
    *n_out = 0;
    if (corpus_top_entities(s, sel, kind, max ? max : (size_t)-1 / 2, &top, &ntop, err) != 0)
        return -1;
    int64_t *ids = xmalloc((ntop ? ntop : 1) * sizeof *ids);
    for (size_t i = 0; i < ntop; i++)
        ids[i] = top[i].id;
    struct corpus_names a = {top, xcalloc(ntop ? ntop : 1, sizeof *a.v), 0, sel->n};
    int rc = stats_entity_names(s, ids, ntop, corpus_name_row, &a, "counting entities", err);
    free(ids);
    free(top);
    if (rc != 0) {
        corpus_counts_free(a.v, a.n);
        return -1;
    }
    *out = a.v;
    *n_out = a.n;
    return 0;
}

/* ---- co-occurrence --------------------------------------------------------------------------- */

static int
corpus_cmp_pair(const void *a, const void *b)
{
    const struct corpus_pair *x = a, *y = b;
    if (x->docs != y->docs)
        return x->docs > y->docs ? -1 : 1;
    int c = strcmp(x->a, y->a);
    return c ? c : strcmp(x->b, y->b);
}

int
corpus_cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

long
corpus_find_id(const int64_t *ids, size_t n, int64_t id)
{
    const int64_t *p = bsearch(&id, ids, n, sizeof *ids, corpus_cmp_i64);
    return p ? (long)(p - ids) : -1;
}

void
corpus_pair_matrix(const int64_t *doc, const int64_t *ent, size_t n, const int64_t *top,
                   size_t ntop, int64_t *matrix)
{
    int present[CORPUS_COOCCUR_TOP];
    size_t np = 0;
    for (size_t r = 0; r <= n; r++) {
        if (r == n || (r > 0 && doc[r] != doc[r - 1])) {
            for (size_t a = 0; a < np; a++)
                for (size_t b = a + 1; b < np; b++) {
                    int i = DS_MIN(present[a], present[b]), j = DS_MAX(present[a], present[b]);
                    matrix[(size_t)i * ntop + (size_t)j]++;
                }
            np = 0;
            if (r == n)
                break;
        }
        long k = corpus_find_id(top, ntop, ent[r]);
        if (k >= 0 && np < CORPUS_COOCCUR_TOP)
            present[np++] = (int)k;
    }
}

static size_t
corpus_popcount(uint64_t x)
{
    size_t c = 0;
    while (x) {
        x &= x - 1;
        c++;
    }
    return c;
}

/* Documents of each top entity as a bitset over the document ids. */
/* Documents a pass over the top entities' documents marks at a time: a
 * bit each per entity (32 KB an entity), so that the pairs of a million
 * documents take a few passes, not a bitset of every document.
 * DOSSIER_TEST_PAIR_WINDOW sets it for tests. */
#define CORPUS_PAIR_WINDOW ((int64_t)1 << 18)

static int64_t
pair_window(void)
{
    const char *e = getenv("DOSSIER_TEST_PAIR_WINDOW");
    long long v = e ? strtoll(e, NULL, 10) : 0;
    return v > 0 ? (int64_t)v : CORPUS_PAIR_WINDOW;
}

/* The top entities' documents in [lo, lo + span), a bit each. */
struct corpus_bits {
    uint64_t *bits;
    size_t words;
    int64_t lo, span;
};

/* Mark document d in the bitset of top entity i, when in the window. */
static void
corpus_bits_set(size_t i, int64_t d, void *ud)
{
    struct corpus_bits *b = ud;
    if (d >= b->lo && d - b->lo < b->span) {
        int64_t at = d - b->lo;
        b->bits[i * b->words + (size_t)(at / 64)] |= 1ull << (at % 64);
    }
}

/* Add to counts[i * ntop + j] the documents both i and j are in, of the
 * window b marks. */
static void
corpus_bits_pairs(const struct corpus_bits *b, size_t ntop, size_t *counts)
{
    for (size_t i = 0; i < ntop; i++)
        for (size_t j = i + 1; j < ntop; j++) {
            const uint64_t *x = b->bits + i * b->words, *y = b->bits + j * b->words;
            size_t c = 0;
            for (size_t w = 0; w < b->words; w++)
                c += corpus_popcount(x[w] & y[w]);
            counts[i * ntop + j] += c;
        }
}

int
corpus_pairs_of(struct store *s, const int64_t *topids, size_t ntop, struct stats_pair **out,
                size_t *n_out, struct ds_error *err)
{
    int64_t maxid = 0;
    size_t np = 0;
    *out = NULL;
    *n_out = 0;
    if (stats_max_doc_id(s, &maxid, err) != 0)
        return -1;
    int64_t span = DS_MIN(maxid + 1, pair_window());
    struct corpus_bits b = {NULL, (size_t)(span / 64 + 1), 0, span};
    b.bits = xmalloc(b.words * (ntop ? ntop : 1) * sizeof *b.bits);
    size_t *counts = xcalloc(ntop * ntop + 1, sizeof *counts);
    int rc = 0;
    for (b.lo = 0; rc == 0 && b.lo <= maxid; b.lo += span) {
        memset(b.bits, 0, b.words * (ntop ? ntop : 1) * sizeof *b.bits);
        rc = stats_entity_docs(s, topids, ntop, corpus_bits_set, &b, err);
        if (rc == 0)
            corpus_bits_pairs(&b, ntop, counts);
    }
    free(b.bits);
    struct stats_pair *pairs = xmalloc((ntop * ntop + 1) * sizeof *pairs);
    for (size_t i = 0; i < ntop && rc == 0; i++)
        for (size_t j = i + 1; j < ntop; j++) {
            size_t c = counts[i * ntop + j];
            if (c) {
                pairs[np].a = DS_MIN(topids[i], topids[j]);
                pairs[np].b = DS_MAX(topids[i], topids[j]);
                pairs[np].docs = (int64_t)c;
                np++;
            }
        }
    free(counts);
    if (rc != 0) {
        free(pairs);
        return -1;
    }
    *out = pairs;
    *n_out = np;
    return 0;
}

/* The top entities' ids of sel, at most CORPUS_COOCCUR_TOP, into ids. */
static int
corpus_top_ids(struct store *s, const struct corpus_sel *sel, int64_t *ids, size_t *n_out,
               struct ds_error *err)
{
    struct stats_idcount *top = NULL;
    size_t ntop = 0;
    if (corpus_top_entities(s, sel, -1, CORPUS_COOCCUR_TOP, &top, &ntop, err) != 0)
        return -1;
    for (size_t i = 0; i < ntop; i++)
        ids[i] = top[i].id;
    free(top);
    *n_out = ntop;
    return 0;
}

/* Pairs among sel's top entities, from its loaded mentions, scaled. */
static int
corpus_pairs_sel(struct store *s, const struct corpus_sel *sel, struct stats_pair **out,
                 size_t *n_out, struct ds_error *err)
{
    int64_t ids[CORPUS_COOCCUR_TOP];
    size_t ntop = 0, nraw = 0;
    if (corpus_top_ids(s, sel, ids, &ntop, err) != 0)
        return -1;
    qsort(ids, ntop, sizeof *ids, corpus_cmp_i64);
    int64_t *matrix = xcalloc(ntop * ntop + 1, sizeof *matrix);
    const struct corpus_ment *m = sel->ment;
    corpus_pair_matrix(m->doc, m->ent, m->n, ids, ntop, matrix);
    struct stats_pair *raw = xmalloc((ntop * ntop + 1) * sizeof *raw);
    for (size_t i = 0; i < ntop; i++)
        for (size_t j = i + 1; j < ntop; j++)
            if (matrix[i * ntop + j] > 0) {
                raw[nraw].a = ids[i];
                raw[nraw].b = ids[j];
                raw[nraw].docs = (int64_t)((double)matrix[i * ntop + j] * m->scale + 0.5);
                nraw++;
            }
    free(matrix);
    *out = raw;
    *n_out = nraw;
    return 0;
}

/* Names of the pairs' entities, two per pair. */
struct corpus_pair_names {
    const struct stats_pair *raw;
    char **name;
    enum entity_kind *kind;
};

/* One pair member's name and kind; "?" for an id with no entity. */
static void
corpus_pair_name_row(size_t i, bool found, const char *nm, const char *kd, void *ud)
{
    struct corpus_pair_names *a = ud;
    a->name[i] = !found ? xstrdup("?") : corpus_clean_line(nm ? nm : "", nm ? strlen(nm) : 0);
    a->kind[i] = found ? corpus_entity_kind_parse(kd) : ENTITY_ORG;
}

/* raw[0..nraw) as named pairs, sorted, at most max. */
static int
corpus_pairs_named(struct store *s, const struct stats_pair *raw, size_t nraw, size_t max,
                   struct corpus_pair **out, size_t *n_out, struct ds_error *err)
{
    int64_t *ids = xmalloc((2 * nraw + 1) * sizeof *ids);
    for (size_t i = 0; i < nraw; i++) {
        ids[2 * i] = raw[i].a;
        ids[2 * i + 1] = raw[i].b;
    }
    struct corpus_pair_names a = {raw, xcalloc(2 * nraw + 1, sizeof(char *)),
                                  xcalloc(2 * nraw + 1, sizeof(enum entity_kind))};
    int rc = stats_entity_names(s, ids, 2 * nraw, corpus_pair_name_row, &a,
                                "counting entity pairs", err);
    free(ids);
    struct corpus_pair *pairs = xcalloc(nraw ? nraw : 1, sizeof *pairs);
    size_t np = 0;
    for (size_t i = 0; rc == 0 && i < nraw; i++, np++) {
        char **name = &a.name[2 * i];
        enum entity_kind *kind = &a.kind[2 * i];
        int first = strcmp(name[0], name[1]) > 0 ? 1 : 0;
        pairs[np].a = name[first];
        pairs[np].b = name[1 - first];
        pairs[np].kind_a = kind[first];
        pairs[np].kind_b = kind[1 - first];
        pairs[np].docs = raw[i].docs;
        name[0] = name[1] = NULL;
    }
    for (size_t i = 0; i < 2 * nraw; i++)
        free(a.name[i]);
    free(a.name);
    free(a.kind);
    if (rc != 0) {
        corpus_pairs_free(pairs, np);
        return -1;
    }
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, corpus_cmp_pair);
    if (max && np > max) {
        for (size_t i = max; i < np; i++) {
            free(pairs[i].a);
            free(pairs[i].b);
        }
        np = max;
    }
    *out = pairs;
    *n_out = np;
    return 0;
}

int
corpus_cooccur(struct store *s, const struct corpus_sel *sel, size_t max,
               struct corpus_pair **out, size_t *n_out, struct ds_error *err)
{
    struct stats_pair *raw = NULL;
    size_t nraw = 0;
    *out = NULL;
    *n_out = 0;
    int cached = sel->all ? stats_tables_current(s, err) : 0;
    if (cached < 0)
        return -1;
    int rc;
    if (sel->all && !cached) {
        /* the corpus's top entities, counted from mentions */
        int64_t ids[CORPUS_COOCCUR_TOP];
        size_t ntop = 0;
        rc = corpus_top_ids(s, sel, ids, &ntop, err);
        if (rc == 0)
            rc = corpus_pairs_of(s, ids, ntop, &raw, &nraw, err);
    } else if (sel->all) {
        rc = stats_pairs_stored(s, &raw, &nraw, err);
    } else {
        rc = corpus_pairs_sel(s, sel, &raw, &nraw, err);
    }
    if (rc == 0)
        rc = corpus_pairs_named(s, raw, nraw, max, out, n_out, err);
    free(raw);
    return rc;
}
