/*
 * compare/similar.c — "more like this": the articles most similar to one,
 * scored on their whole texts.
 *
 * Candidates come from the index: one FTS5 OR query of the document's most
 * distinctive words (by tf-idf), ranked by bm25, plus its near-duplicates.
 * Each candidate is then scored by the cosine of the two documents' full
 * tf-idf vectors (every term of both texts, title terms counted three
 * times): two articles that merely share a handful of words in similar
 * proportions no longer score like two tellings of one story. The same
 * cosine over the title and lead (the first SIMILAR_LEAD_WORDS words, where
 * two tellings of one event say what happened) weighs as much again: two
 * articles of one running story share their background, not their leads.
 * These, the entities both state and the days between them make the
 * final score, a calibrated probability of the same story (evidence.c).
 * No document-frequency cap drops the names a story is about; only words in more than a fifth of the documents
 * (weak evidence, long posting lists) stay out of the candidate query.
 *
 * Cost model: the candidate query costs a term lookup per word in each
 * full-text segment plus the sum of its words' posting lists, each hit
 * ranked; each candidate costs its tokenizing (~0.15 ms for a 600-word
 * article) and one indexed vocabulary read per new term (cached for the
 * call). So the query has SIMILAR_QUERY_WORDS words and reads at most
 * SIMILAR_POSTINGS postings whatever the collection's size (a share of the
 * collection, as before, made the query grow with it), and
 * SIMILAR_CANDIDATES are scored: measured on basil-dev + BBC + 30k
 * generated articles (bench/results/2026-12-06-similar-latency.md), the
 * other outlets' versions are in the first 30 bm25 hits of the 30 words
 * for every query, as they were with 40 and 40, at three quarters of the
 * cost. Without the statistics tables' vocabulary (an index never brought
 * up to date), document frequencies are estimated for the document's
 * SIMILAR_DF_TERMS likeliest keywords only and other terms take the median
 * idf of those.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/containers.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "lib.h"

#define SIMILAR_QUERY_WORDS 30   /* words of the candidate query */
#define SIMILAR_CANDIDATES 30    /* candidates scored on their full texts */
#define SIMILAR_MAX_DF_SHARE 0.2 /* words in more documents stay out of the query */
#define SIMILAR_POSTINGS 8000.0  /* the query reads at most about this many postings */
#define SIMILAR_TITLE_WEIGHT 3   /* a title term counts this many times */
#define SIMILAR_DF_TERMS 64      /* df estimates when there is no vocabulary */
#define SIMILAR_LEAD_WORDS 60    /* words of the body in the lead vector */
#define SIMILAR_LEAD_BYTES 1200  /* and at most this many of its bytes */

/* A document as a term vector: tf.e[i] is a term and its weighted count,
 * words[i] the first surface form seen of it (for the candidate query). */
struct vec {
    struct strmap tf;
    char **words;
};

struct vec_fill {
    struct vec *v;
    const char *text;
    uint64_t times;
};

static void
vec_token(const char *token, size_t start, size_t end, void *ud)
{
    struct vec_fill *f = ud;
    size_t len = strlen(token);
    if (!len || text_is_stopword(f->text + start, end - start))
        return;
    bool added;
    struct vec *v = f->v;
    struct strmap_entry *e = strmap_upsert(&v->tf, token, len, &added);
    e->value += f->times;
    if (added) {
        v->words = xrealloc(v->words, v->tf.n * sizeof *v->words);
        v->words[v->tf.n - 1] = xstrndup(f->text + start, end - start);
    }
}

/* The vector of a title and body, title terms counted SIMILAR_TITLE_WEIGHT
 * times. 0, or -1 when the tokenizer fails. */
static int
vec_build(struct vec *v, const struct text_tokenizer *tok, const char *title, const char *body)
{
    const char *parts[2] = {title, body};
    const uint64_t times[2] = {SIMILAR_TITLE_WEIGHT, 1};
    for (int i = 0; i < 2; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        struct vec_fill f = {v, parts[i], times[i]};
        if (tok->tokenize(tok->ctx, parts[i], strlen(parts[i]), vec_token, &f) != 0)
            return -1;
    }
    return 0;
}

static void
vec_free(struct vec *v)
{
    for (size_t i = 0; i < v->tf.n; i++)
        free(v->words[i]);
    free(v->words);
    strmap_free(&v->tf);
    v->words = NULL;
}

/* The length of body's lead: up to its SIMILAR_LEAD_WORDS-th space-separated
 * word, at most SIMILAR_LEAD_BYTES (a text without spaces, Chinese), cut at
 * a character boundary. */
static size_t
lead_len(const char *body)
{
    size_t words = 0, i = 0;
    bool in_word = false;
    for (; body[i] && i < SIMILAR_LEAD_BYTES; i++) {
        bool space = body[i] == ' ' || body[i] == '\n' || body[i] == '\t';
        if (!space && !in_word && ++words > SIMILAR_LEAD_WORDS)
            break;
        in_word = !space;
    }
    while (i > 0 && body[i] && ((unsigned char)body[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* The vectors of a document: its whole text, and its title and lead (what
 * the story is about, where two tellings of one event agree most). */
static int
vec_build_both(struct vec *whole, struct vec *lead, const struct text_tokenizer *tok,
               const char *title, const char *body)
{
    if (vec_build(whole, tok, title, body) != 0)
        return -1;
    if (!body)
        return vec_build(lead, tok, title, NULL);
    char *head = xstrndup(body, lead_len(body));
    int rc = vec_build(lead, tok, title, head);
    free(head);
    return rc;
}

/* ---- inverse document frequencies ----------------------------------------------- */

/* idf of terms, looked up once per call. */
struct idf {
    struct store_termstats *ts;
    struct strmap cache; /* term -> idf * 1e6 + 1 (0 = not looked up) */
    double n;            /* documents (largest id) */
    double fallback;     /* idf of a term whose df is not known */
};

static double
idf_of_df(const struct idf *x, int64_t df)
{
    return log(1.0 + x->n / (double)(df > 0 ? df : 1));
}

/* The idf of term (surface form word); -1 with err on failure. Without an
 * exact vocabulary only terms already in the cache are known. */
static double
idf_get(struct idf *x, const char *term, const char *word, struct ds_error *err)
{
    struct strmap_entry *e = strmap_find(&x->cache, term, strlen(term));
    if (e)
        return (double)(e->value - 1) / 1e6;
    if (!store_termstats_exact(x->ts))
        return x->fallback;
    int64_t df = store_termstats_df(x->ts, term, word, err);
    if (df < 0)
        return -1;
    double v = idf_of_df(x, df);
    strmap_upsert(&x->cache, term, strlen(term), NULL)->value = (uint64_t)(v * 1e6) + 1;
    return v;
}

static int
double_cmp(const void *p, const void *q)
{
    double a = *(const double *)p, b = *(const double *)q;
    return (a > b) - (a < b);
}

struct pre {
    size_t i;
    double score;
};

static int
pre_cmp(const void *p, const void *q)
{
    const struct pre *a = p, *b = q;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* Without a vocabulary: estimate df for the likeliest keywords of v (by tf
 * and length: long words are rarer) and give the others the median idf. */
static int
idf_estimate(struct idf *x, const struct vec *v, struct ds_error *err)
{
    size_t n = v->tf.n;
    struct pre *p = xmalloc((n + 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = (struct pre){i, (1 + log((double)v->tf.e[i].value)) *
                                   log(2.0 + (double)strlen(v->words[i]))};
    qsort(p, n, sizeof *p, pre_cmp);
    size_t k = DS_MIN(n, (size_t)SIMILAR_DF_TERMS);
    double *got = xmalloc((k + 1) * sizeof *got);
    for (size_t j = 0; j < k; j++) {
        const struct strmap_entry *e = &v->tf.e[p[j].i];
        int64_t df = store_termstats_df(x->ts, e->key, v->words[p[j].i], err);
        if (df < 0) {
            free(p);
            free(got);
            return -1;
        }
        got[j] = idf_of_df(x, df);
        strmap_upsert(&x->cache, e->key, strlen(e->key), NULL)->value =
            (uint64_t)(got[j] * 1e6) + 1;
    }
    qsort(got, k, sizeof *got, double_cmp);
    x->fallback = k ? got[k / 2] : 1.0;
    free(got);
    free(p);
    return 0;
}

/* ---- scoring --------------------------------------------------------------------- */

/* tf-idf weights of v's terms (1 + ln tf) * idf, in tf order, and the norm. */
static int
vec_weights(const struct vec *v, struct idf *x, double **w_out, double *norm,
            struct ds_error *err)
{
    double *w = xmalloc((v->tf.n + 1) * sizeof *w);
    double sq = 0;
    for (size_t i = 0; i < v->tf.n; i++) {
        double idf = idf_get(x, v->tf.e[i].key, v->words[i], err);
        if (idf < 0) {
            free(w);
            return -1;
        }
        w[i] = (1 + log((double)v->tf.e[i].value)) * idf;
        sq += w[i] * w[i];
    }
    *w_out = w;
    *norm = sqrt(sq);
    return 0;
}

/* Cosine of the query's weights (qw, norm qn) and a candidate's vector. */
static int
cosine(const struct vec *q, const double *qw, double qn, const struct vec *c, struct idf *x,
       double *out, struct ds_error *err)
{
    double *cw, cn, dot = 0;
    if (vec_weights(c, x, &cw, &cn, err) != 0)
        return -1;
    for (size_t i = 0; i < c->tf.n; i++) {
        const struct strmap_entry *e = &c->tf.e[i];
        const struct strmap_entry *qe = strmap_find(&q->tf, e->key, strlen(e->key));
        if (qe)
            dot += cw[i] * qw[qe - q->tf.e];
    }
    free(cw);
    *out = qn > 0 && cn > 0 ? DS_MIN(1.0, dot / (qn * cn)) : 0;
    return 0;
}

/* The candidate query's words: the query's best weighted terms that the
 * index can search, leaving out the very common ones. words borrowed from q. */
static size_t
query_words(const struct vec *q, const double *qw, struct idf *x, const char **words)
{
    size_t n = q->tf.n, k = 0;
    struct pre *p = xmalloc((n + 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = (struct pre){i, qw[i]};
    qsort(p, n, sizeof *p, pre_cmp);
    double min_idf = idf_of_df(x, (int64_t)(SIMILAR_MAX_DF_SHARE * x->n));
    double budget = SIMILAR_POSTINGS, postings = 0;
    for (size_t j = 0; j < n && k < SIMILAR_QUERY_WORDS; j++) {
        if (p[j].score <= 0)
            break;
        const struct strmap_entry *e = &q->tf.e[p[j].i];
        double idf = qw[p[j].i] / (1 + log((double)e->value));
        if (x->n >= 50 && idf < min_idf)
            continue; /* in more than a fifth of the documents */
        /* The query costs the sum of its words' posting lists (df, from
         * idf = ln(1 + n/df)): stop adding words past the budget. */
        postings += x->n / (exp(idf) - 1);
        if (k && postings > budget)
            break;
        words[k++] = q->words[p[j].i];
    }
    free(p);
    return k;
}

static int
similar_cmp(const void *p, const void *q)
{
    const struct similar_doc *x = p, *y = q;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Candidates: the query's ids, then near-duplicates not among them. */
static int
candidates(struct store *s, int64_t doc_id, const char **words, size_t nw,
           struct similar_doc **out, size_t *n_out, struct ds_error *err)
{
    int64_t *ids = NULL;
    size_t n = 0;
    struct similar_doc *dups = NULL;
    size_t ndups = 0;
    if (store_term_candidates(s, words, nw, doc_id, SIMILAR_CANDIDATES, &ids, &n, err) != 0 ||
        neardup_find(s, doc_id, NEARDUP_MIN_JACCARD, &dups, &ndups, err) != 0) {
        free(ids);
        return -1;
    }
    struct similar_doc *v = xmalloc((n + ndups + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (struct similar_doc){.id = ids[i], .jaccard = -1};
    size_t nv = n;
    for (size_t k = 0; k < ndups; k++) {
        size_t i;
        for (i = 0; i < n && v[i].id != dups[k].id; i++)
            ;
        if (i == n)
            v[nv++] = dups[k];
        else
            v[i] = dups[k];
    }
    free(ids);
    free(dups);
    *out = v;
    *n_out = nv;
    return 0;
}

/* Jaccard estimates of the candidates not yet known, where signatures exist. */
static int
fill_jaccard(struct store *s, int64_t doc_id, struct similar_doc *v, size_t n,
             struct ds_error *err)
{
    uint32_t sig[MINHASH_K], other[MINHASH_K], shingles = 0, other_shingles = 0;
    int have = neardup_signature(s, doc_id, sig, &shingles, err);
    for (size_t i = 0; have > 0 && i < n; i++) {
        if (v[i].jaccard >= 0)
            continue;
        int got = neardup_signature(s, v[i].id, other, &other_shingles, err);
        if (got < 0)
            return -1;
        if (got) {
            v[i].jaccard = minhash_similarity(sig, other);
            int near = neardup_pair(s, doc_id, v[i].id, v[i].jaccard, shingles, other_shingles,
                                    err);
            if (near < 0)
                return -1;
            v[i].near_dup = near;
        }
    }
    return have < 0 ? -1 : 0;
}

/* The query side of one similar_find call: the document's vector and
 * weights, the idf cache, its facts. */
struct sim_query {
    struct text_tokenizer tok;
    struct vec q, lead;
    struct idf x;
    double *qw, qn, *lw, ln;
    struct sim_facts facts;
};

static void
sim_query_clear(struct sim_query *sq)
{
    free(sq->qw);
    free(sq->lw);
    vec_free(&sq->q);
    vec_free(&sq->lead);
    strmap_free(&sq->x.cache);
    store_termstats_free(&sq->x.ts);
    sim_facts_clear(&sq->facts);
}

/* Read doc_id and weigh its terms. 0, or -1 with err (no such document, a
 * text the tokenizer refuses, a database error). */
static int
sim_query_open(struct store *s, int64_t doc_id, struct sim_query *sq, struct ds_error *err)
{
    memset(sq, 0, sizeof *sq);
    sq->x = (struct idf){NULL, STRMAP_INIT, 1, 1};
    store_text_tokenizer_words(s, &sq->tok); /* Chinese as words, not bigrams */
    char *title = NULL, *body = NULL;
    int got = store_doc_text(s, doc_id, &title, &body, err);
    if (got != 0) {
        if (got > 0)
            ds_error_set(err, -1, "no document %lld", (long long)doc_id);
        return -1;
    }
    int rc = vec_build_both(&sq->q, &sq->lead, &sq->tok, title, body);
    free(title);
    free(body);
    if (rc != 0) {
        ds_error_set(err, -1, "could not tokenize document %lld", (long long)doc_id);
        return -1;
    }
    if (store_termstats_open(s, &sq->x.ts, err) != 0)
        return -1;
    sq->x.n = (double)DS_MAX((int64_t)1, store_termstats_docs_total(sq->x.ts));
    if (!store_termstats_exact(sq->x.ts) && idf_estimate(&sq->x, &sq->q, err) != 0)
        return -1;
    if (vec_weights(&sq->q, &sq->x, &sq->qw, &sq->qn, err) != 0 ||
        vec_weights(&sq->lead, &sq->x, &sq->lw, &sq->ln, err) != 0)
        return -1;
    return sim_facts_load(s, doc_id, &sq->facts, err);
}

/* Score one candidate: the cosine of the full texts, the evidence, the
 * calibrated score (a document gone meanwhile or not tokenizable keeps 0).
 * 0, or -1 with err. */
static int
score_candidate(struct store *s, struct sim_query *sq, struct similar_doc *d,
                struct ds_error *err)
{
    char *title = NULL, *body = NULL;
    int got = store_doc_text(s, d->id, &title, &body, err);
    if (got != 0)
        return got < 0 ? -1 : 0;
    struct vec c = {STRMAP_INIT, NULL}, cl = {STRMAP_INIT, NULL};
    int rc = 0;
    if (vec_build_both(&c, &cl, &sq->tok, title, body) == 0) {
        rc = cosine(&sq->q, sq->qw, sq->qn, &c, &sq->x, &d->cosine, err);
        if (rc == 0)
            rc = cosine(&sq->lead, sq->lw, sq->ln, &cl, &sq->x, &d->lead_cosine, err);
    }
    vec_free(&c);
    vec_free(&cl);
    free(title);
    free(body);
    struct sim_facts f;
    if (rc != 0 || sim_facts_load(s, d->id, &f, err) != 0)
        return -1;
    sim_evidence(&sq->facts, &f, d);
    sim_facts_clear(&f);
    d->score = d->cosine > 0 ? sim_calibrated(d) : 0;
    return 0;
}

int
similar_find(struct store *s, int64_t doc_id, size_t limit, struct similar_doc **out,
             size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    struct sim_query sq;
    const char **words = NULL;
    struct similar_doc *v = NULL;
    size_t nv = 0;
    int result = -1;
    int begun = store_read_begin(s, err);
    if (begun < 0)
        return -1;
    if (sim_query_open(s, doc_id, &sq, err) != 0)
        goto done;
    words = xmalloc((SIMILAR_QUERY_WORDS + 1) * sizeof *words);
    size_t nw = query_words(&sq.q, sq.qw, &sq.x, words);
    if (nw == 0) {
        result = 0; /* nothing to go on: no similar documents */
        goto done;
    }
    if (candidates(s, doc_id, words, nw, &v, &nv, err) != 0)
        goto done;
    for (size_t i = 0; i < nv; i++)
        if (score_candidate(s, &sq, &v[i], err) != 0)
            goto done;
    if (fill_jaccard(s, doc_id, v, nv, err) != 0)
        goto done;
    qsort(v, nv, sizeof *v, similar_cmp);
    if (limit && nv > limit)
        nv = limit;
    *out = v;
    *n_out = nv;
    v = NULL;
    result = 0;
done:
    free(v);
    free(words);
    sim_query_clear(&sq);
    store_read_end(s, begun);
    return result;
}

int
similar_pair(struct store *s, int64_t a, int64_t b, struct similar_doc *out,
             struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->id = b;
    out->jaccard = -1;
    struct sim_query sq;
    int begun = store_read_begin(s, err);
    if (begun < 0)
        return -1;
    int rc = sim_query_open(s, a, &sq, err);
    if (rc == 0)
        rc = score_candidate(s, &sq, out, err);
    sim_query_clear(&sq);
    store_read_end(s, begun);
    return rc;
}
