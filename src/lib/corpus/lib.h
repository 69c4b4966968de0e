/*
 * corpus/lib.h — what the corpus part's files share beyond the public
 * corpus.h: the selection struct, the entity pair counting that both the
 * statistics and the refresh of the derived tables use, and the term
 * counts of keyness and of the derived vocabulary. The SQL behind all of it
 * is the store's (store_stats.h).
 */
#ifndef DOSSIER_LIB_CORPUS_H
#define DOSSIER_LIB_CORPUS_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/corpus.h"
#include "dossier/store.h"
#include "dossier/store_stats.h"

struct corpus_ment;

struct corpus_sel {
    struct store *s; /* borrowed */
    int64_t num;     /* the store's selection number (0 when all: nothing stored) */
    bool all;        /* every document */
    int64_t *ids;    /* sorted ids (NULL when all) */
    size_t n;
    struct corpus_ment *ment; /* the selection's mentions, loaded on first use */
};

/* An empty mentions cache for a new selection, and its free (entities.c). */
struct corpus_ment *corpus_ment_new(void);
void corpus_ment_free(struct corpus_ment *m);

/* Free the strings of one figure and zero it (not the struct itself). */
void corpus_figure_clear(struct corpus_figure *f);

/* True when id is in sel (binary search; always true for all). */
bool corpus_sel_has(const struct corpus_sel *sel, int64_t id);

/* ---- entity pairs (entities.c) ---------------------------------------------------------- */

/* How many top entities take part: 40*39/2 = 780 pairs. */
#define CORPUS_COOCCUR_TOP 40

int corpus_cmp_i64(const void *a, const void *b);
/* Index of id in the sorted ids[0..n), or -1. */
long corpus_find_id(const int64_t *ids, size_t n, int64_t id);
/* Pair counts among top[0..ntop) (sorted ids) from (doc, entity) rows in
 * document order: matrix[i * ntop + j] for i < j. */
void corpus_pair_matrix(const int64_t *doc, const int64_t *ent, size_t n, const int64_t *top,
                        size_t ntop, int64_t *matrix);
/* Pairs among the entities topids[0..ntop) over the whole corpus (a < b
 * in each). *out is newly allocated. */
int corpus_pairs_of(struct store *s, const int64_t *topids, size_t ntop, struct stats_pair **out,
                    size_t *n_out, struct ds_error *err);

/* ---- term counts (keyness.c) ------------------------------------------------------------ */

/* Term counts: an open-addressing table keyed by the token text. */
struct corpus_tf {
    /* term -> count: an int64 kept in the u64 (a delta may go below zero) */
    struct strmap counts;
    int64_t tokens;
};

void corpus_tf_add(struct corpus_tf *t, const char *token, int64_t count);
void corpus_tf_free(struct corpus_tf *t);
/* Tokens of text (as the index makes them) into tf, each counted sign
 * times; the stats_text_fn of store_stats.h with ud a struct corpus_tf_sign. */
struct corpus_tf_sign {
    struct store *s;
    struct corpus_tf *tf;
    int64_t sign;
    struct ds_error *err;
};
int corpus_tf_text(const char *text, size_t len, void *ud);

/* ---- figures (figures.c) ---------------------------------------------------------------- */

/* The subject key of a stored subject (cleaned first): a stats_key_fn. */
char *corpus_fig_key(const char *subject, void *ud);

/* ---- themes (themes.c fits, themes_model.c stores and assigns) ------------------------- */

/* A fit as the assignment uses it: the terms (vocab: term -> index) with
 * their idf, and the centroids term by term (cent[t * k + c]). */
#if defined(__GNUC__)
/* Eight centroid sums kept in registers, each lane the same multiply and
 * add term after term as a plain loop (so the same doubles), without the
 * store and reload of every sum per term a loop over an array makes: most
 * of the k-means assign's time and th_model_nearest's (issue 16). GCC's
 * vector types only; callers keep a plain loop for the rest. */
typedef double th_v2 __attribute__((vector_size(16), aligned(8)));
struct th_sum8 {
    th_v2 a0, a1, a2, a3;
};

static inline void
th_sum8_add(struct th_sum8 *s, const double *c, double w)
{
    th_v2 wv = {w, w}, b0, b1, b2, b3;
    memcpy(&b0, c, sizeof b0);
    memcpy(&b1, c + 2, sizeof b1);
    memcpy(&b2, c + 4, sizeof b2);
    memcpy(&b3, c + 6, sizeof b3);
    s->a0 += wv * b0;
    s->a1 += wv * b1;
    s->a2 += wv * b2;
    s->a3 += wv * b3;
}

static inline void
th_sum8_store(const struct th_sum8 *s, double *out)
{
    memcpy(out, &s->a0, sizeof s->a0);
    memcpy(out + 2, &s->a1, sizeof s->a1);
    memcpy(out + 4, &s->a2, sizeof s->a2);
    memcpy(out + 6, &s->a3, sizeof s->a3);
}
#endif

struct th_model {
    size_t k, nterms;
    struct strmap vocab;
    double *idf;
    double *cent;
};
void th_model_free(struct th_model *m);
/* The model of a stored fit (0), or -1 when it does not hold together. */
int th_model_from_fit(const struct stats_theme_fit *f, struct th_model *m);
/* The terms, idf and centroids of m into f (k, terms, idf, labels, vec
 * allocated; labels left NULL for the caller). */
void th_model_to_fit(const struct th_model *m, struct stats_theme_fit *f);
/* The nearest theme (0..k-1) of the document with terms[i] (ascending)
 * counts[i] times: the largest cosine of its tf-idf vector; -1 when it has
 * no term of the model or no theme is nearer than orthogonal. */
int th_model_nearest(const struct th_model *m, const uint32_t *terms, const uint32_t *counts,
                     size_t n);
/* Whether a token counts as a term (two or more characters, not a number,
 * not a stop word as written in text[start, end)). */
bool th_token_keep(const char *token, size_t len, const char *text, size_t start, size_t end);
/* One document's terms counted as they come, without sorting every
 * token: per term the document it was last seen in (stamp) and its count
 * there; the document's distinct terms in first-seen order until
 * th_bag_done sorts them. Reused document after document. */
struct th_bag {
    struct th_tc {
        uint32_t stamp, count;
    } *tc;            /* per term */
    size_t tccap;     /* terms tc covers */
    uint32_t doc;     /* the current document's stamp (from 1) */
    uint32_t *terms;  /* its distinct terms */
    uint32_t *counts; /* after th_bag_done: counts[i] of terms[i] */
    size_t n, cap;
};
/* Make room for terms 0..nterms-1 (new ones unseen). */
void th_bag_reserve(struct th_bag *b, size_t nterms);
/* Start the next document. */
void th_bag_next(struct th_bag *b);
/* Term t (< the terms reserved) seen once more in the document. */
static inline void
th_bag_add(struct th_bag *b, uint32_t t)
{
    struct th_tc *tc = &b->tc[t];
    if (tc->stamp != b->doc) {
        if (b->n == b->cap) {
            b->cap = b->cap ? b->cap * 2 : 256;
            b->terms = xrealloc(b->terms, b->cap * sizeof *b->terms);
            b->counts = xrealloc(b->counts, b->cap * sizeof *b->counts);
        }
        tc->stamp = b->doc;
        tc->count = 0;
        b->terms[b->n++] = t;
    }
    tc->count++;
}
/* The document's distinct terms ascending in terms[0..n), their counts in
 * counts (what sorting every token and counting its runs gave). */
void th_bag_done(struct th_bag *b);
void th_bag_free(struct th_bag *b);
/* Where assigned documents go: a fixed buffer of TH_ASSIGN_BATCH rows
 * written to the index (doc_themes) whenever it fills, so nothing is held
 * per document; each theme's size and first document (in the order
 * assigned) counted as they pass. */
#define TH_ASSIGN_BATCH 4096
struct th_assigned {
    struct store *s;
    const size_t *num; /* theme c stored as num[c] + 1 (NULL: as c + 1); none as 0 */
    int64_t *ids;      /* the batch not written yet */
    int *themes;
    size_t n;
    size_t seen;                            /* documents assigned so far */
    int64_t size[CORPUS_THEMES_MAX_K];      /* per theme (0-based) */
    int64_t first[CORPUS_THEMES_MAX_K];     /* its first document's place, or INT64_MAX */
    struct ds_error *err;
};
/* Start o writing to s (num as above). */
void th_assigned_init(struct th_assigned *o, struct store *s, const size_t *num,
                      struct ds_error *err);
/* Document id assigned to theme (0-based, -1 none); 0, or -1 with o->err
 * when writing a full batch failed. */
int th_assigned_add(struct th_assigned *o, int64_t id, int theme);
/* Write what the batch holds: 0 or -1. */
int th_assigned_flush(struct th_assigned *o);
void th_assigned_free(struct th_assigned *o);
/* Assign by their text the documents with no theme yet (all: every one),
 * except those in skip[0..nskip) (sorted), into out. */
int th_assign_texts(struct store *s, const struct th_model *m, bool all, const int64_t *skip,
                    size_t nskip, struct th_assigned *out, struct ds_error *err);

/* The sample of a themes fit (themes.c reads it, themes_kmeans.c groups it). */
#define TH_LC 256             /* counts whose 1 + log(count) is kept in a table */

/* Every document's terms: CSR rows of (term, count), then tf-idf weights. */
struct th_docs {
    struct strmap vocab; /* term -> index (insertion order); value: documents holding it
                          * (low 32 bits), uses of its naming form (high 32) */
    struct strmap forms; /* form as written (lower case) -> uses */
    char **surface;      /* per term: the form first seen */
    uint32_t *form_of;   /* per term: the entry of forms last seen for it, + 1 (0: none) */
    uint32_t *lead_of;   /* per term: the entry of forms surface copies, + 1 */
    size_t surface_cap;  /* terms surface and form_of have room for */
    size_t nterms;
    int64_t *ids;
    size_t n;
    size_t *row;      /* n + 1 offsets into term/count/w */
    size_t *wend;     /* per row: the end of its terms that weigh (th_weigh puts
                       * them first, in term order; the rest weigh 0) */
    uint32_t *term;
    uint16_t *count;   /* counts, 16 bits while they fit (2 bytes a term of a
                        * sampled document fewer) ... */
    uint32_t *count32; /* ... all of them here instead once one does not */
    size_t nnz, cap;
    /* the tf-idf weights, made as they are read (th_w), not stored: 8
     * bytes a term of a sampled document fewer */
    double *idf;      /* per term: log(n / df), 0 when it does not weigh */
    double *norm;     /* per row: its weights' length (1 when all are 0) */
    double lc[TH_LC]; /* 1 + log(count) for counts below TH_LC */
};

/* The count of term p of the sample's rows. */
static inline uint32_t
th_count(const struct th_docs *d, size_t p)
{
    return d->count32 ? d->count32[p] : d->count[p];
}

/* 1 + log(count) of term p. */
static inline double
th_lc(const struct th_docs *d, size_t p)
{
    uint32_t c = th_count(d, p);
    return c < TH_LC ? d->lc[c] : 1 + log((double)c);
}

/* The tf-idf weight of term p of row i, its row scaled to length 1: the
 * very double a stored weight (computed, then divided by the norm) was. */
static inline double
th_w(const struct th_docs *d, size_t i, size_t p)
{
    return th_lc(d, p) * d->idf[d->term[p]] / d->norm[i];
}

/* splitmix64: the seeded generator of the sample's keys and the k-means++
 * choices. */
uint64_t th_rand(uint64_t *state);
/* The best of the k-means restarts over d (themes_kmeans.c): its
 * centroids into best_cent (term by term, k * d->nterms); the rounds it
 * took. */
int th_best_fit(const struct th_docs *d, size_t k, uint64_t seed, double *best_cent);

/* A fit in two steps, so that the reading and the k-means can run on a
 * connection of their own while the writer does other work
 * (corpus_themes_plan): th_fit_compute draws the sample, reads it and fits
 * (nothing written; wait, when not NULL, called between the reading and
 * the k-means; *out is set even on failure, *ndocs the index's documents), th_fit_save saves the fit and assigns every document (*rounds
 * the k-means rounds). */
struct th_fitted;
int th_fit_compute(struct store *s, size_t k, uint64_t seed, size_t sample,
                   const struct corpus_themes_wait *wait, struct th_fitted **out, size_t *ndocs,
                   struct ds_error *err);
int th_fit_save(struct store *s, struct th_fitted *f, int *rounds, struct ds_error *err);
void th_fitted_free(struct th_fitted **f);

/* corpus_themes_fit without reading the themes back: fit, assign every
 * document, save; *rounds the k-means rounds, *ndocs the index's
 * documents. */
int th_fit(struct store *s, size_t k, uint64_t seed, size_t sample, int *rounds, size_t *ndocs,
           struct ds_error *err);
/* The documents a fit reads: of every (key, id) offered, the max with the
 * smallest keys (ties: the smaller id), held in a max-heap of max entries
 * whatever the number offered. */
struct th_key {
    uint64_t mix;
    int64_t id;
};
struct th_sample {
    struct th_key *v;
    size_t n, max;
    size_t offered;
};
void th_sample_init(struct th_sample *r, size_t max);
void th_sample_offer(struct th_sample *r, uint64_t mix, int64_t id);
/* Sort the kept entries by key, smallest first. */
void th_sample_sort(struct th_sample *r);
void th_sample_free(struct th_sample *r);

#endif
