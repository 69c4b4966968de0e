/*
 * corpus/themes.c — fitting the themes found in the collection itself: a
 * sample of at most `sample` documents, drawn by their content hashes and
 * the seed (the same collection gives the same sample whatever order it
 * was indexed in), each a tf-idf vector of its words (the index's tokens,
 * but Chinese and Japanese as dictionary words, not bigrams: labels are
 * words and the vocabulary stays small; stop words out, terms in at
 * least two sampled documents and at most half of them), grouped by
 * spherical k-means (cosine similarity, k-means++ seeding from a seeded
 * generator, the best fit of
 * THEMES_RESTARTS starts, so the same collection and seed give the same
 * themes). Then every document is assigned to its nearest centroid
 * (themes_model.c, the same arithmetic for the sample and the rest), the
 * themes are numbered biggest first, each is named by its most distinctive
 * terms (G2 keyness of its sampled documents against the rest, each shown
 * in its most used form in the text), and the fit, the themes and every
 * assignment are saved in the index (store_stats.h), where theme:N, the
 * sidebar and the statistics view read them.
 *
 * Cost: one tokenizing pass over the sample (~0.3 ms for a 600-word
 * article) and 6 bytes per distinct term of a sampled document in memory
 * (its term and a 16-bit count; the weights are made from them as they are read);
 * each k-means round is one pass over the sample's non-zero weights per
 * theme; then one lean tokenizing pass over every other document (none
 * when the sample is the whole collection), each assignment written to the
 * index as it is made. Nothing is held per document of the collection: the
 * sample is drawn in one pass through a heap of the sample's size.
 */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/store_similar.h"
#include "dossier/text.h"
#include "lib.h"

#define THEMES_MAX_DF 0.5     /* terms in more documents than this share say nothing */
#define THEMES_LABEL_TERMS 4  /* terms in a theme's label */

/* The entry of forms for sf (len bytes), a form of term idx: most terms
 * are written one way nearly always, so the form the term was last seen
 * in is compared first, and only another form is looked up by its hash. */
static struct strmap_entry *
th_form(struct th_docs *d, size_t idx, const char *sf, size_t len)
{
    uint32_t last = d->form_of[idx];
    if (last && strcmp(d->forms.e[last - 1].key, sf) == 0)
        return &d->forms.e[last - 1];
    struct strmap_entry *fe = strmap_upsert(&d->forms, sf, len, NULL);
    d->form_of[idx] = (uint32_t)(fe - d->forms.e) + 1;
    return fe;
}

static inline void
th_count_set(struct th_docs *d, size_t p, uint32_t c)
{
    if (d->count32)
        d->count32[p] = c;
    else
        d->count[p] = (uint16_t)c;
}

/* Room for nnz + more counts, every count in 32 bits from now on when
 * wide (a term seen over 65,535 times in one document, which only a
 * very long text gives). */
static void
th_count_room(struct th_docs *d, size_t more, bool wide)
{
    if (wide && !d->count32) {
        d->count32 = xmalloc((d->cap ? d->cap : 1) * sizeof *d->count32);
        for (size_t p = 0; p < d->nnz; p++)
            d->count32[p] = d->count[p];
        free(d->count);
        d->count = NULL;
    }
    if (d->nnz + more <= d->cap)
        return;
    while (d->nnz + more > d->cap)
        d->cap = d->cap ? d->cap * 2 : 4096;
    d->term = xrealloc(d->term, d->cap * sizeof *d->term);
    if (d->count32)
        d->count32 = xrealloc(d->count32, d->cap * sizeof *d->count32);
    else
        d->count = xrealloc(d->count, d->cap * sizeof *d->count);
}

/* What the tokenizer callback fills for one document. */
struct th_fill {
    struct th_docs *d;
    const struct text_tokenizer *tok;
    const char *text;
    struct th_bag bag; /* the document's terms so far */
    int rc;
};

static void
th_token(const char *token, size_t start, size_t end, void *ud)
{
    struct th_fill *f = ud;
    size_t len = strlen(token);
    if (!th_token_keep(token, len, f->text, start, end))
        return;
    bool added;
    struct strmap_entry *e = strmap_upsert(&f->d->vocab, token, len, &added);
    size_t idx = (size_t)(e - f->d->vocab.e);
    if (added) {
        if (f->d->vocab.n > f->d->surface_cap) {
            /* doubled, not one more at each new term: a growing array
             * moved ~30,000 times leaves its old copies all over the heap */
            f->d->surface_cap = f->d->surface_cap ? f->d->surface_cap * 2 : 1024;
            f->d->surface = xrealloc(f->d->surface, f->d->surface_cap * sizeof *f->d->surface);
            f->d->form_of = xrealloc(f->d->form_of, f->d->surface_cap * sizeof *f->d->form_of);
            f->d->lead_of = xrealloc(f->d->lead_of, f->d->surface_cap * sizeof *f->d->lead_of);
        }
        f->d->surface[idx] = NULL;
        f->d->form_of[idx] = 0;
        th_bag_reserve(&f->bag, f->d->vocab.n);
    }
    /* the form seen most often names the term ("award", not "awarding");
     * lower-cased on the stack, copied only when it becomes the name */
    char stack[64], *sf = end - start < sizeof stack ? stack : xmalloc(end - start + 1);
    memcpy(sf, f->text + start, end - start);
    sf[end - start] = '\0';
    for (char *c = sf; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    struct strmap_entry *fe = th_form(f->d, idx, sf, end - start);
    fe->value++;
    uint32_t form = (uint32_t)(fe - f->d->forms.e) + 1;
    if (added || fe->value > f->d->vocab.e[idx].value >> 32) {
        /* copied only when another form takes over, not each time the
         * leading form is seen again; told by the form's entry (the forms'
         * keys are distinct), not by reading both strings again */
        if (added || f->d->lead_of[idx] != form) {
            free(f->d->surface[idx]);
            f->d->surface[idx] = xstrdup(sf);
            f->d->lead_of[idx] = form;
        }
        f->d->vocab.e[idx].value = (fe->value << 32) | (f->d->vocab.e[idx].value & 0xffffffffu);
    }
    if (sf != stack)
        free(sf);
    th_bag_add(&f->bag, (uint32_t)idx);
}

/* A stats_text_fn: tokenize the title or the body. */
static int
th_text(const char *text, size_t len, void *ud)
{
    struct th_fill *f = ud;
    f->text = text;
    if (f->tok->tokenize(f->tok->ctx, text, len, th_token, f) != 0)
        f->rc = -1;
    return 0;
}

/* Append the document's terms (f->bag) as one row of (term, count). */
static void
th_row_add(struct th_docs *d, struct th_fill *f)
{
    th_bag_done(&f->bag);
    bool wide = false;
    for (size_t i = 0; i < f->bag.n; i++)
        wide = wide || f->bag.counts[i] > UINT16_MAX;
    th_count_room(d, f->bag.n, wide);
    for (size_t i = 0; i < f->bag.n; i++) {
        d->term[d->nnz] = f->bag.terms[i];
        th_count_set(d, d->nnz++, f->bag.counts[i]);
        d->vocab.e[f->bag.terms[i]].value++; /* one more document holds it (low bits) */
    }
}

/* Read and tokenize the documents ids[0..n) into d (rows of term counts). */
static int
th_read(struct store *s, struct th_docs *d, const int64_t *ids, size_t n, struct ds_error *err)
{
    d->n = n;
    d->ids = xmalloc((n + 1) * sizeof *d->ids);
    memcpy(d->ids, ids, n * sizeof *ids);
    struct text_tokenizer tok;
    store_text_tokenizer_words(s, &tok);
    struct stats_text *r = NULL;
    if (stats_text_open(s, true, &r, err) != 0)
        return -1;
    d->row = xmalloc((d->n + 1) * sizeof *d->row);
    struct th_fill f = {d, &tok, NULL, {0}, 0};
    int rc = 0;
    for (size_t i = 0; i < d->n && rc == 0; i++) {
        d->row[i] = d->nnz;
        th_bag_next(&f.bag);
        if (stats_text_get(r, d->ids[i], th_text, &f, err) < 0 || f.rc != 0) {
            if (f.rc != 0)
                ds_error_set(err, -1, "tokenizing document %lld failed", (long long)d->ids[i]);
            rc = -1;
            break;
        }
        th_row_add(d, &f);
    }
    d->row[d->n] = d->nnz;
    d->nterms = d->vocab.n;
    th_bag_free(&f.bag);
    stats_text_free(&r);
    return rc;
}

/* Each row's terms that weigh (idf > 0) moved first, in the order they
 * were (by term), the others after them; d->wend[i] where they end. A term
 * of weight 0 adds exactly 0 to every sum k-means makes (the sums start at
 * +0 and every weight and centroid is >= 0), so its passes leave them out
 * and give the same doubles; only the labels' counts read the rest. */
static void
th_weighing_first(struct th_docs *d)
{
    d->wend = xmalloc((d->n + 1) * sizeof *d->wend);
    size_t cap = 0;
    uint32_t *rest_t = NULL, *rest_c = NULL;
    for (size_t i = 0; i < d->n; i++) {
        size_t len = d->row[i + 1] - d->row[i], at = d->row[i], nrest = 0;
        if (len > cap) {
            cap = len;
            rest_t = xrealloc(rest_t, cap * sizeof *rest_t);
            rest_c = xrealloc(rest_c, cap * sizeof *rest_c);
        }
        for (size_t p = d->row[i]; p < d->row[i + 1]; p++) {
            if (d->idf[d->term[p]] == 0) {
                rest_t[nrest] = d->term[p];
                rest_c[nrest++] = th_count(d, p);
                continue;
            }
            d->term[at] = d->term[p];
            th_count_set(d, at++, th_count(d, p));
        }
        d->wend[i] = at;
        memcpy(d->term + at, rest_t, nrest * sizeof *rest_t);
        for (size_t r = 0; r < nrest; r++)
            th_count_set(d, at + r, rest_c[r]);
    }
    free(rest_t);
    free(rest_c);
}

/* What the tf-idf weights of every row are made from (th_w): each term's
 * idf (0 for terms in fewer than two documents or in more than
 * THEMES_MAX_DF of them) and each row's length. */
static void
th_weigh(struct th_docs *d)
{
    double n = (double)d->n;
    for (uint32_t c = 1; c < TH_LC; c++)
        d->lc[c] = 1 + log((double)c);
    d->idf = xcalloc(d->nterms + 1, sizeof *d->idf);
    for (size_t t = 0; t < d->nterms; t++) {
        double df = (double)(d->vocab.e[t].value & 0xffffffffu);
        if (df >= 2 && df <= THEMES_MAX_DF * n)
            d->idf[t] = log(n / df);
    }
    th_weighing_first(d);
    d->norm = xmalloc((d->n + 1) * sizeof *d->norm);
    for (size_t i = 0; i < d->n; i++) {
        double norm = 0;
        for (size_t p = d->row[i]; p < d->wend[i]; p++) {
            double w = th_lc(d, p) * d->idf[d->term[p]];
            norm += w * w;
        }
        norm = sqrt(norm);
        d->norm[i] = norm > 0 ? norm : 1;
    }
}

static void
th_docs_free(struct th_docs *d)
{
    for (size_t i = 0; i < d->vocab.n; i++)
        free(d->surface[i]);
    free(d->surface);
    free(d->form_of);
    free(d->lead_of);
    strmap_free(&d->vocab);
    strmap_free(&d->forms);
    free(d->ids);
    free(d->row);
    free(d->wend);
    free(d->term);
    free(d->count);
    free(d->count32);
    free(d->idf);
    free(d->norm);
    memset(d, 0, sizeof *d);
}

/* ---- labels and numbering --------------------------------------------------------------- */

struct th_rank {
    size_t c;
    int64_t size, first;
};

static int
th_rank_cmp(const void *pa, const void *pb)
{
    const struct th_rank *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

struct th_term {
    uint32_t t;
    double g2;
    const char *key; /* the index term: ties in its order, not in the order read */
};

static int
th_term_cmp(const void *pa, const void *pb)
{
    const struct th_term *a = pa, *b = pb;
    if (a->g2 != b->g2)
        return a->g2 > b->g2 ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* The label of theme c: its THEMES_LABEL_TERMS terms of highest G2 among
 * those relatively more frequent in it than in the rest; counts is k rows
 * of term occurrences, tot each theme's tokens. Newly allocated. */
static char *
th_label(const struct th_docs *d, size_t k, size_t c, const double *counts, const double *tot)
{
    double all_tok = 0;
    for (size_t x = 0; x < k; x++)
        all_tok += tot[x];
    struct th_term *v = xmalloc((d->nterms + 1) * sizeof *v);
    size_t nv = 0;
    for (size_t t = 0; t < d->nterms; t++) {
        double a = counts[c * d->nterms + t], all = 0;
        if (a < 2)
            continue;
        for (size_t x = 0; x < k; x++)
            all += counts[x * d->nterms + t];
        double b = all - a, cc = tot[c], dd = all_tok - tot[c];
        if (dd > 0 && a / cc <= b / dd)
            continue;
        v[nv].t = (uint32_t)t;
        v[nv].key = d->vocab.e[t].key;
        v[nv++].g2 = corpus_g2(a, b, cc, dd);
    }
    qsort(v, nv, sizeof *v, th_term_cmp);
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < nv && i < THEMES_LABEL_TERMS; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", d->surface[v[i].t]);
    free(v);
    if (!b.len)
        buf_printf(&b, "theme %zu", c + 1);
    return buf_steal(&b);
}

/* Number the themes biggest first (ties: the one whose first document
 * comes first, in the order assigned: the sample's order, which the
 * content sets, then by id): size[c] and first[c] as th_assigned counts
 * them; map[c] is theme c's number - 1. */
static void
th_number(const int64_t *size, const int64_t *first, size_t k, size_t *map)
{
    struct th_rank *rk = xcalloc(k, sizeof *rk);
    for (size_t c = 0; c < k; c++)
        rk[c] = (struct th_rank){c, size[c], first[c]};
    qsort(rk, k, sizeof *rk, th_rank_cmp);
    for (size_t r = 0; r < k; r++)
        map[rk[r].c] = r;
    free(rk);
}

/* Each theme's label (by number, map as th_number) from the sample's
 * term counts: rows of d in theme stheme[i]. */
static char **
th_labels(const struct th_docs *d, size_t k, const int *stheme, const size_t *map)
{
    double *counts = xcalloc(k * d->nterms + 1, sizeof *counts);
    double *tot = xcalloc(k, sizeof *tot);
    for (size_t i = 0; i < d->n; i++) {
        if (stheme[i] < 0)
            continue;
        size_t c = (size_t)stheme[i];
        for (size_t p = d->row[i]; p < d->row[i + 1]; p++) {
            counts[c * d->nterms + d->term[p]] += th_count(d, p);
            tot[c] += th_count(d, p);
        }
    }
    char **labels = xcalloc(k, sizeof *labels);
    for (size_t c = 0; c < k; c++)
        labels[map[c]] = th_label(d, k, c, counts, tot);
    free(counts);
    free(tot);
    return labels;
}

/* ---- the sample, the model, the fit ----------------------------------------------------- */

/* stats_theme_doc_keys's callback: a document's key is its content hash
 * mixed with the seed. */
struct th_offer {
    struct th_sample *r;
    uint64_t seed;
};

static void
th_offer_doc(int64_t id, uint64_t hash, void *ud)
{
    struct th_offer *o = ud;
    uint64_t st = hash ^ (o->seed * 0xD1B54A32D192ED03ull);
    th_sample_offer(o->r, th_rand(&st), id);
}

/* The sample: the (at most) max documents whose content hash mixed with
 * seed comes first, in that order, into *ids; *ndocs the index's
 * documents. The same documents give the same sample, whatever their ids;
 * only the sample is held, not every document's key. */
static int
th_sample(struct store *s, uint64_t seed, size_t max, int64_t **ids, size_t *n, size_t *ndocs,
          struct ds_error *err)
{
    struct th_sample r;
    th_sample_init(&r, max);
    struct th_offer o = {&r, seed};
    if (stats_theme_doc_keys(s, th_offer_doc, &o, err) != 0) {
        th_sample_free(&r);
        return -1;
    }
    th_sample_sort(&r);
    *ndocs = r.offered;
    *n = r.n;
    *ids = xmalloc((*n + 1) * sizeof **ids);
    for (size_t i = 0; i < *n; i++)
        (*ids)[i] = r.v[i].id;
    th_sample_free(&r);
    return 0;
}

/* The model of the fit: the terms that weigh (idf > 0: in two documents
 * or more, at most THEMES_MAX_DF of them), in d's order, with their idf
 * and the centroids cent (over those terms only, in that order, term by
 * term as th_cos reads them: th_fit_weighing); newidx[t] is term t's index
 * in it (UINT32_MAX when it does not weigh). */
static void
th_model_build(const struct th_docs *d, size_t k, const double *cent, size_t nweigh,
               struct th_model *m, uint32_t *newidx)
{
    memset(m, 0, sizeof *m);
    m->k = k;
    m->idf = xmalloc((nweigh + 1) * sizeof *m->idf);
    m->cent = xmalloc((nweigh * k + 1) * sizeof *m->cent);
    memcpy(m->cent, cent, nweigh * k * sizeof *cent);
    for (size_t t = 0; t < d->nterms; t++) {
        newidx[t] = UINT32_MAX;
        if (d->idf[t] == 0)
            continue;
        const char *key = d->vocab.e[t].key;
        newidx[t] = (uint32_t)m->nterms;
        strmap_upsert(&m->vocab, key, strlen(key), NULL)->value = m->nterms;
        m->idf[m->nterms++] = d->idf[t];
    }
}

/* The k-means (th_best_fit) over the terms that weigh only: each row's
 * weighing terms (first in the row, th_weigh) renumbered in place to
 * 0..nweigh in term order, with their idf, for the fit, then given their
 * numbers back. A term that weighs nothing has 0 in every centroid and
 * adds exactly 0 to every sum, so the centroids are those of the whole
 * term space less its zero rows, to the bit; they are smaller by the
 * share of terms found once or in most documents (28% of a 5k mixed
 * sample, about half of a real one), and so are the k-means' passes over
 * them and its memory (four sets of centroids, issue 16). cent gets
 * k * nweigh weights; *nweigh_out the count. */
static int
th_fit_weighing(struct th_docs *d, size_t k, uint64_t seed, double **cent, size_t *nweigh_out)
{
    uint32_t *orig = xmalloc((d->nterms + 1) * sizeof *orig), *compact = NULL;
    double *idf = xmalloc((d->nterms + 1) * sizeof *idf), *all_idf = d->idf;
    size_t nweigh = 0, nterms = d->nterms;
    compact = xmalloc((nterms + 1) * sizeof *compact);
    for (size_t t = 0; t < nterms; t++) {
        compact[t] = (uint32_t)nweigh;
        if (all_idf[t] != 0) {
            orig[nweigh] = (uint32_t)t;
            idf[nweigh++] = all_idf[t];
        }
    }
    for (size_t i = 0; i < d->n; i++)
        for (size_t p = d->row[i]; p < d->wend[i]; p++)
            d->term[p] = compact[d->term[p]];
    free(compact);
    d->idf = idf;
    d->nterms = nweigh;
    *cent = xcalloc(k * nweigh + 1, sizeof **cent);
    int rounds = th_best_fit(d, k, seed, *cent);
    for (size_t i = 0; i < d->n; i++)
        for (size_t p = d->row[i]; p < d->wend[i]; p++)
            d->term[p] = orig[d->term[p]];
    d->idf = all_idf;
    d->nterms = nterms;
    free(idf);
    free(orig);
    *nweigh_out = nweigh;
    return rounds;
}

/* The sample's documents assigned by the model as any other document is
 * (th_model_nearest over the same terms and counts): stheme[i]. */
static void
th_assign_sample(const struct th_docs *d, const struct th_model *m, const uint32_t *newidx,
                 int *stheme)
{
    uint32_t *terms = xmalloc((d->nterms + 1) * sizeof *terms);
    uint32_t *counts = xmalloc((d->nterms + 1) * sizeof *counts);
    for (size_t i = 0; i < d->n; i++) {
        size_t n = 0;
        /* the terms that weigh are first in a row, sorted by term, and
         * newidx keeps the order */
        for (size_t p = d->row[i]; p < d->wend[i]; p++) {
            if (newidx[d->term[p]] == UINT32_MAX)
                continue;
            terms[n] = newidx[d->term[p]];
            counts[n++] = th_count(d, p);
        }
        stheme[i] = th_model_nearest(m, terms, counts, n);
    }
    free(terms);
    free(counts);
}

/* Save the fit (model m, labels and centroids by number), replacing the
 * stored one and every assignment (inside the caller's transaction). */
static int
th_save(struct store *s, const struct th_model *m, const size_t *map, char **labels,
        const struct stats_theme_fit *head, struct ds_error *err)
{
    struct stats_theme_fit f = {0};
    th_model_to_fit(m, &f);
    f.seed = head->seed;
    f.docs = head->docs;
    f.sample = head->sample;
    f.fitted = head->fitted;
    unsigned char **vec = xcalloc(m->k, sizeof *vec);
    size_t *veclen = xcalloc(m->k, sizeof *veclen);
    for (size_t c = 0; c < m->k; c++) {
        vec[map[c]] = f.vec[c];
        veclen[map[c]] = f.veclen[c];
        f.labels[c] = xstrdup(labels[c]);
    }
    free(f.vec);
    free(f.veclen);
    f.vec = vec;
    f.veclen = veclen;
    int rc = stats_theme_fit_put(s, &f, err);
    stats_theme_fit_free(&f);
    return rc;
}

/* Every document's theme written as it is assigned (o, numbered by map):
 * the sample's (stheme) first, then the others' by their text (none when
 * the sample is every document); then, when the sizes over every document
 * number the themes otherwise than the sample's did (a near tie), the
 * themes renumbered in the index; the sizes counted. */
static int
th_save_assigned(struct store *s, const struct th_docs *d, const struct th_model *m,
                 const int *stheme, size_t *map, size_t ndocs, struct th_assigned *o,
                 struct ds_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < d->n && rc == 0; i++)
        rc = th_assigned_add(o, d->ids[i], stheme[i]);
    if (rc == 0 && d->n < ndocs) {
        int64_t *skip = xmalloc((d->n + 1) * sizeof *skip);
        memcpy(skip, d->ids, d->n * sizeof *skip);
        qsort(skip, d->n, sizeof *skip, corpus_cmp_i64);
        rc = th_assign_texts(s, m, true, skip, d->n, o, err);
        free(skip);
    }
    if (rc == 0)
        rc = th_assigned_flush(o);
    size_t all[CORPUS_THEMES_MAX_K];
    th_number(o->size, o->first, m->k, all);
    int num[CORPUS_THEMES_MAX_K];
    bool same = true;
    for (size_t c = 0; c < m->k; c++) {
        num[map[c]] = (int)all[c] + 1;
        same = same && all[c] == map[c];
    }
    if (rc == 0 && !same)
        rc = stats_theme_renumber(s, num, m->k, err);
    if (rc == 0)
        rc = stats_theme_resize(s, err);
    return rc;
}

void
corpus_themes_clear(struct corpus_themes *t)
{
    for (size_t c = 0; c < t->n; c++) {
        free(t->v[c].label);
        free(t->v[c].docs);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* A fit computed, not yet saved (lib.h). */
struct th_fitted {
    struct th_docs d;
    size_t k, ndocs;
    struct stats_theme_fit head;
    int rounds;
    bool have_model;
    struct th_model m;
    int *stheme;
    size_t map[CORPUS_THEMES_MAX_K];
    char **labels;
};

/* The fit once the sample is read into f->d: k-means, the model, numbered
 * and labelled by the sample's themes; nothing written. */
static void
th_fit_sample(struct th_fitted *f)
{
    struct th_docs *d = &f->d;
    size_t k = f->k;
    th_weigh(d);
    double *cent;
    size_t nweigh;
    f->rounds = th_fit_weighing(d, k, (uint64_t)f->head.seed, &cent, &nweigh);
    uint32_t *newidx = xmalloc((d->nterms + 1) * sizeof *newidx);
    th_model_build(d, k, cent, nweigh, &f->m, newidx);
    f->have_model = true;
    free(cent);
    f->stheme = xmalloc((d->n + 1) * sizeof *f->stheme);
    th_assign_sample(d, &f->m, newidx, f->stheme);
    free(newidx);
    int64_t size[CORPUS_THEMES_MAX_K] = {0}, first[CORPUS_THEMES_MAX_K];
    for (size_t c = 0; c < k; c++)
        first[c] = INT64_MAX;
    for (size_t i = 0; i < d->n; i++) /* the sample's sizes, nothing written */
        if (f->stheme[i] >= 0 && size[f->stheme[i]]++ == 0)
            first[f->stheme[i]] = (int64_t)i;
    th_number(size, first, k, f->map);
    f->labels = th_labels(d, k, f->stheme, f->map);
}

/* See lib.h. */
void
th_fitted_free(struct th_fitted **fp)
{
    struct th_fitted *f = *fp;
    if (!f)
        return;
    if (f->labels)
        for (size_t c = 0; c < f->k; c++)
            free(f->labels[c]);
    free(f->labels);
    free(f->stheme);
    if (f->have_model)
        th_model_free(&f->m);
    th_docs_free(&f->d);
    free(f);
    *fp = NULL;
}

/* See lib.h. */
int
th_fit_compute(struct store *s, size_t k, uint64_t seed, size_t sample,
               const struct corpus_themes_wait *wait, struct th_fitted **out, size_t *ndocs_out,
               struct ds_error *err)
{
    struct th_fitted *f = *out = xcalloc(1, sizeof *f);
    *ndocs_out = 0;
    f->k = k;
    if (k < 1 || k > CORPUS_THEMES_MAX_K) {
        ds_error_set(err, -1, "themes: k must be 1 to %d, not %zu", CORPUS_THEMES_MAX_K, k);
        return -1;
    }
    if (sample < k)
        sample = k;
    int64_t *ids = NULL;
    size_t n = 0, ndocs = 0;
    if (th_sample(s, seed, sample, &ids, &n, &ndocs, err) != 0)
        return -1;
    f->ndocs = *ndocs_out = ndocs;
    if (ndocs < k) {
        ds_error_set(err, -1, "%zu themes need at least %zu documents (the index has %zu)", k,
                     k, ndocs);
        free(ids);
        return -1;
    }
    struct th_docs *d = &f->d;
    d->vocab = (struct strmap)STRMAP_INIT;
    d->forms = (struct strmap)STRMAP_INIT;
    int rc = th_read(s, d, ids, n, err);
    free(ids);
    strmap_free(&d->forms); /* only the reading counts the forms */
    d->forms = (struct strmap)STRMAP_INIT;
    f->head = (struct stats_theme_fit){.seed = (int64_t)seed, .docs = (int64_t)ndocs,
                                       .sample = (int64_t)sample, .fitted = (int64_t)n};
    if (wait && wait->fn)
        wait->fn(wait->ud);
    if (rc == 0)
        th_fit_sample(f);
    return rc;
}

/* See lib.h. */
int
th_fit_save(struct store *s, struct th_fitted *f, int *rounds, struct ds_error *err)
{
    *rounds = f->rounds;
    struct th_assigned o;
    th_assigned_init(&o, s, f->map, err);
    int rc = store_begin(s, err);
    if (rc == 0) {
        rc = th_save(s, &f->m, f->map, f->labels, &f->head, err);
        if (rc == 0)
            rc = th_save_assigned(s, &f->d, &f->m, f->stheme, f->map, f->ndocs, &o, err);
        rc = rc == 0 ? store_commit(s, err) : (store_rollback(s), -1);
    }
    th_assigned_free(&o);
    return rc;
}

/* See lib.h. */
int
th_fit(struct store *s, size_t k, uint64_t seed, size_t sample, int *rounds, size_t *ndocs_out,
       struct ds_error *err)
{
    struct th_fitted *f;
    *rounds = 0;
    int rc = th_fit_compute(s, k, seed, sample, NULL, &f, ndocs_out, err);
    if (rc == 0)
        rc = th_fit_save(s, f, rounds, err);
    th_fitted_free(&f);
    return rc;
}

/* See corpus.h. */
int
corpus_themes_fit(struct store *s, size_t k, uint64_t seed, size_t sample,
                  struct corpus_themes *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    int rounds;
    size_t ndocs;
    if (th_fit(s, k, seed, sample, &rounds, &ndocs, err) != 0)
        return -1;
    int have = corpus_themes_read(s, out, err);
    if (have <= 0) {
        if (have == 0)
            ds_error_set(err, -1, "the themes fitted were not found in the index");
        corpus_themes_clear(out);
        return -1;
    }
    out->rounds = rounds;
    return 0;
}
