/*
 * corpus/themes_model.c — the themes as a model kept in the index: the
 * terms of the fit with their idf and each theme's centroid (themes.c fits
 * them on a sample), so that any document is assigned to its nearest theme
 * by its tf-idf vector alone. An index run calls corpus_themes_update():
 * the new documents are assigned to the stored centroids, and the themes
 * are fitted again when there are none yet (a collection of at least
 * CORPUS_THEMES_MIN_DOCS) or when the collection has grown by
 * CORPUS_THEMES_REFIT_SHARE since the last fit. `dossier themes` reads what
 * is stored (corpus_themes_read), the browser counts them in a selection
 * (corpus_theme_counts).
 *
 * A centroid is stored as (term index, weight) pairs, 4 + 8 bytes little
 * endian each, for its non-zero weights only.
 *
 * Also the two things that keep the themes from holding anything per
 * document: th_assigned writes assignments to the index 4,096 at a time as
 * they are made, and th_sample keeps the sample's keys in a heap of the
 * sample's size while every document's key streams past.
 *
 * Cost: one tokenizing pass over each new document, a lookup per token,
 * then k multiply-adds per distinct term.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/store_similar.h"
#include "dossier/text.h"
#include "lib.h"

/* See lib.h. */
bool
th_token_keep(const char *token, size_t len, const char *text, size_t start, size_t end)
{
    return len >= 2 && strspn(token, "0123456789.,") != len &&
           !text_is_stopword(text + start, end - start);
}

/* See lib.h. */
void
th_model_free(struct th_model *m)
{
    strmap_free(&m->vocab);
    free(m->idf);
    free(m->cent);
    memset(m, 0, sizeof *m);
}

/* score[c0..c0+8) += each term's weight times centroids c0..c0+7, summed
 * in registers term after term: the same multiply and add per lane as
 * the loop of th_model_nearest, without a store and a reload of every
 * score for each term (themes_kmeans.c's th_scores8; issue 16). */
#if defined(__GNUC__)
static void
th_model_scores8(const struct th_model *m, const uint32_t *terms, const double *w, size_t n,
                 size_t c0, double *score)
{
    struct th_sum8 s = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    for (size_t i = 0; i < n; i++)
        th_sum8_add(&s, m->cent + (size_t)terms[i] * m->k + c0, w[i]);
    th_sum8_store(&s, score + c0);
}
#endif

/* See lib.h. The weights made once, in a small buffer on the stack
 * (most documents) or the heap, then the scores eight themes at a time. */
int
th_model_nearest(const struct th_model *m, const uint32_t *terms, const uint32_t *counts,
                 size_t n)
{
    double score[CORPUS_THEMES_MAX_K] = {0}, norm = 0, stack[512];
    double *w = n <= sizeof stack / sizeof *stack ? stack : xmalloc(n * sizeof *w);
    for (size_t i = 0; i < n; i++) {
        w[i] = (1 + log((double)counts[i])) * m->idf[terms[i]];
        norm += w[i] * w[i];
    }
    size_t c0 = 0;
#if defined(__GNUC__)
    for (; c0 + 8 <= m->k; c0 += 8)
        th_model_scores8(m, terms, w, n, c0, score);
#endif
    for (size_t i = 0; c0 < m->k && i < n; i++) {
        const double *c = m->cent + (size_t)terms[i] * m->k;
        for (size_t t = c0; t < m->k; t++)
            score[t] += w[i] * c[t];
    }
    if (w != stack)
        free(w);
    int best = -1;
    double bs = 0;
    for (size_t t = 0; norm > 0 && t < m->k; t++)
        if (score[t] > bs) {
            bs = score[t];
            best = (int)t;
        }
    return best;
}

/* See lib.h. */
void
th_bag_reserve(struct th_bag *b, size_t nterms)
{
    if (nterms <= b->tccap)
        return;
    size_t cap = b->tccap ? b->tccap : 1024;
    while (cap < nterms)
        cap *= 2;
    b->tc = xrealloc(b->tc, cap * sizeof *b->tc);
    memset(b->tc + b->tccap, 0, (cap - b->tccap) * sizeof *b->tc);
    b->tccap = cap;
}

/* See lib.h. */
void
th_bag_next(struct th_bag *b)
{
    b->doc++;
    b->n = 0;
}

/* Sort v[0..n) ascending: insertion sort when short, else LSD radix sort
 * by bytes (only as many passes as the largest value has bytes) through
 * tmp; no comparison callback, O(n) for a long document. */
static void
th_sort_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
    if (n < 48) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = v[i];
            size_t j = i;
            for (; j > 0 && v[j - 1] > x; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    uint32_t max = 0, *src = v, *dst = tmp;
    for (size_t i = 0; i < n; i++)
        max |= v[i];
    for (int shift = 0; shift < 32 && (max >> shift); shift += 8) {
        size_t pos[257] = {0};
        for (size_t i = 0; i < n; i++)
            pos[((src[i] >> shift) & 0xff) + 1]++;
        for (size_t d = 1; d < 257; d++)
            pos[d] += pos[d - 1];
        for (size_t i = 0; i < n; i++)
            dst[pos[(src[i] >> shift) & 0xff]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

/* See lib.h. */
void
th_bag_done(struct th_bag *b)
{
    th_sort_u32(b->terms, b->counts, b->n);
    for (size_t i = 0; i < b->n; i++)
        b->counts[i] = b->tc[b->terms[i]].count;
}

/* See lib.h. */
void
th_bag_free(struct th_bag *b)
{
    free(b->tc);
    free(b->terms);
    free(b->counts);
    memset(b, 0, sizeof *b);
}

/* ---- stored form ------------------------------------------------------------------------ */

static void
th_put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
th_get_le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* See lib.h. */
void
th_model_to_fit(const struct th_model *m, struct stats_theme_fit *f)
{
    f->k = (int64_t)m->k;
    f->nterms = m->nterms;
    f->terms = xcalloc(m->nterms + 1, sizeof *f->terms);
    f->idf = xcalloc(m->nterms + 1, sizeof *f->idf);
    for (size_t t = 0; t < m->nterms; t++) {
        f->terms[t] = xstrdup(m->vocab.e[t].key);
        f->idf[t] = m->idf[t];
    }
    f->labels = xcalloc(m->k, sizeof *f->labels);
    f->vec = xcalloc(m->k, sizeof *f->vec);
    f->veclen = xcalloc(m->k, sizeof *f->veclen);
    for (size_t c = 0; c < m->k; c++) {
        size_t nz = 0;
        for (size_t t = 0; t < m->nterms; t++)
            nz += m->cent[t * m->k + c] != 0;
        unsigned char *p = f->vec[c] = xmalloc(nz * 12 + 1);
        for (size_t t = 0; t < m->nterms; t++) {
            double w = m->cent[t * m->k + c];
            if (w == 0)
                continue;
            uint64_t bits;
            memcpy(&bits, &w, sizeof bits);
            th_put_le(p, t, 4);
            th_put_le(p + 4, bits, 8);
            p += 12;
        }
        f->veclen[c] = nz * 12;
    }
}

/* See lib.h. */
int
th_model_from_fit(const struct stats_theme_fit *f, struct th_model *m)
{
    memset(m, 0, sizeof *m);
    if (f->k < 1 || f->k > CORPUS_THEMES_MAX_K)
        return -1;
    m->k = (size_t)f->k;
    m->nterms = f->nterms;
    m->idf = xcalloc(f->nterms + 1, sizeof *m->idf);
    m->cent = xcalloc(f->nterms * m->k + 1, sizeof *m->cent);
    for (size_t t = 0; t < f->nterms; t++) {
        strmap_upsert(&m->vocab, f->terms[t], strlen(f->terms[t]), NULL)->value = t;
        m->idf[t] = f->idf[t];
    }
    if (m->vocab.n != m->nterms) /* a term twice: not what a fit writes */
        goto bad;
    for (size_t c = 0; c < m->k; c++) {
        if (f->veclen[c] % 12)
            goto bad;
        for (const unsigned char *p = f->vec[c]; p < f->vec[c] + f->veclen[c]; p += 12) {
            uint64_t t = th_get_le(p, 4), bits = th_get_le(p + 4, 8);
            if (t >= m->nterms)
                goto bad;
            memcpy(&m->cent[t * m->k + c], &bits, sizeof bits);
        }
    }
    return 0;
bad:
    th_model_free(m);
    return -1;
}

/* ---- assigning documents by their text -------------------------------------------------- */

/* In a byhash value: the term may be the form of a stop word. */
#define TH_STOPPABLE ((uint64_t)1 << 63)

struct th_assign {
    const struct th_model *m;
    struct text_tokenizer tok;
    const char *text;
    struct th_bag bag;
    struct u64map byhash; /* a term's hash -> its index, TH_STOPPABLE when a
                           * stop word can be written as it */
    const int64_t *skip;  /* sorted ids not to assign (the fit's sample) */
    size_t nskip;
    struct th_assigned *out;
};

/* One token of a document: kept when it is a term of the fit. Looked up
 * by its 64-bit hash alone (byhash; two of the fit's terms sharing one is
 * checked when the table is built), and the stop word test made only for
 * a term a stop word can be written as (th_mark_stoppable): most tokens
 * are not terms, and of those that are, few are the form of a stop word;
 * a string compare and a binary search per token were half the cost. */
static void
th_assign_token(const char *token, size_t start, size_t end, void *ud)
{
    struct th_assign *a = ud;
    size_t len = strlen(token);
    const uint64_t *v = u64map_find(&a->byhash, ds_hash64(token, len));
    if (!v || ((*v & TH_STOPPABLE) && !th_token_keep(token, len, a->text, start, end)))
        return;
    th_bag_add(&a->bag, (uint32_t)*v);
}

/* A text_token_fn: a token a stop word gives marks its term stoppable. */
static void
th_stop_token(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    uint64_t *v = u64map_find(ud, ds_hash64(token, strlen(token)));
    if (v)
        *v |= TH_STOPPABLE;
}

/* Mark in byhash the terms th_token_keep may refuse for how they are
 * written: those a stop word of text_is_stopword gives when tokenized (an
 * ASCII word is tokenized alike in any case), and every term of Chinese or
 * Japanese (the numerals are stop words in any combination). A term's
 * other tests (length, digits) hold for every form: it passed them when
 * it was fitted. */
static int
th_mark_stoppable(struct th_assign *a, struct ds_error *err)
{
    size_t n;
    const char *const *words = text_stopwords(&n);
    for (size_t i = 0; i < n; i++)
        if (a->tok.tokenize(a->tok.ctx, words[i], strlen(words[i]), th_stop_token,
                            &a->byhash) != 0) {
            ds_error_set(err, -1, "tokenizing the stop words failed");
            return -1;
        }
    for (size_t t = 0; t < a->m->nterms; t++) {
        const char *key = a->m->vocab.e[t].key;
        if ((unsigned char)key[0] >= 0xE3)
            *u64map_find(&a->byhash, ds_hash64(key, strlen(key))) |= TH_STOPPABLE;
    }
    return 0;
}

/* See lib.h. */
void
th_assigned_init(struct th_assigned *o, struct store *s, const size_t *num, struct ds_error *err)
{
    memset(o, 0, sizeof *o);
    o->s = s;
    o->num = num;
    o->err = err;
    o->ids = xmalloc(TH_ASSIGN_BATCH * sizeof *o->ids);
    o->themes = xmalloc(TH_ASSIGN_BATCH * sizeof *o->themes);
    for (size_t c = 0; c < CORPUS_THEMES_MAX_K; c++)
        o->first[c] = INT64_MAX;
}

/* See lib.h. */
int
th_assigned_flush(struct th_assigned *o)
{
    int rc = o->n ? stats_theme_put_docs(o->s, o->ids, o->themes, o->n, o->err) : 0;
    o->n = 0;
    return rc;
}

/* See lib.h. */
int
th_assigned_add(struct th_assigned *o, int64_t id, int theme)
{
    if (theme >= 0) {
        o->size[theme]++;
        if (o->first[theme] == INT64_MAX)
            o->first[theme] = (int64_t)o->seen;
    }
    o->seen++;
    o->ids[o->n] = id;
    o->themes[o->n++] = theme < 0 ? 0 : o->num ? (int)o->num[theme] + 1 : theme + 1;
    return o->n == TH_ASSIGN_BATCH ? th_assigned_flush(o) : 0;
}

void
th_assigned_free(struct th_assigned *o)
{
    free(o->ids);
    free(o->themes);
    memset(o, 0, sizeof *o);
}

/* A stats_theme_doc_fn: one document's nearest theme (0-based, -1 none). */
static int
th_assign_doc(int64_t id, const char *title, size_t tlen, const char *body, size_t blen, void *ud)
{
    struct th_assign *a = ud;
    if (a->nskip && corpus_find_id(a->skip, a->nskip, id) >= 0)
        return 0;
    th_bag_next(&a->bag);
    if (title) {
        a->text = title;
        if (a->tok.tokenize(a->tok.ctx, title, tlen, th_assign_token, a) != 0)
            return -1;
    }
    a->text = body;
    if (a->tok.tokenize(a->tok.ctx, body, blen, th_assign_token, a) != 0)
        return -1;
    th_bag_done(&a->bag);
    return th_assigned_add(a->out, id,
                           th_model_nearest(a->m, a->bag.terms, a->bag.counts, a->bag.n));
}

/* See lib.h. */
int
th_assign_texts(struct store *s, const struct th_model *m, bool all, const int64_t *skip,
                size_t nskip, struct th_assigned *out, struct ds_error *err)
{
    struct th_assign a = {.m = m, .skip = skip, .nskip = nskip, .out = out};
    a.byhash = (struct u64map)U64MAP_INIT;
    for (size_t t = 0; t < m->nterms; t++) {
        bool added;
        const char *key = m->vocab.e[t].key;
        *u64map_upsert(&a.byhash, ds_hash64(key, strlen(key)), &added) = t;
        if (!added) {
            ds_error_set(err, -1, "two terms of the themes share a hash: run dossier themes --refit");
            u64map_free(&a.byhash);
            return -1;
        }
    }
    store_text_tokenizer_words(s, &a.tok);
    th_bag_reserve(&a.bag, m->nterms);
    int rc = th_mark_stoppable(&a, err);
    if (rc == 0)
        rc = stats_theme_docs_unassigned(s, all, th_assign_doc, &a, err);
    if (rc != 0 && !err->msg[0])
        ds_error_set(err, -1, "tokenizing a document for themes failed");
    u64map_free(&a.byhash);
    th_bag_free(&a.bag);
    return rc;
}

/* ---- the sample (themes.c draws it) ----------------------------------------------- */

/* Whether key a comes before key b. */
static bool
th_key_less(const struct th_key *a, const struct th_key *b)
{
    return a->mix != b->mix ? a->mix < b->mix : a->id < b->id;
}

static int
th_key_cmp(const void *pa, const void *pb)
{
    const struct th_key *a = pa, *b = pb;
    return th_key_less(a, b) ? -1 : th_key_less(b, a);
}

/* See lib.h. */
void
th_sample_init(struct th_sample *r, size_t max)
{
    memset(r, 0, sizeof *r);
    r->max = max;
    r->v = xmalloc((max + 1) * sizeof *r->v);
}

/* See lib.h: the heap's root v[0] is the largest key kept. */
void
th_sample_offer(struct th_sample *r, uint64_t mix, int64_t id)
{
    struct th_key k = {mix, id};
    r->offered++;
    size_t i;
    if (r->n < r->max) {
        for (i = r->n++; i > 0 && th_key_less(&r->v[(i - 1) / 2], &k); i = (i - 1) / 2)
            r->v[i] = r->v[(i - 1) / 2];
        r->v[i] = k;
        return;
    }
    if (!r->max || !th_key_less(&k, &r->v[0]))
        return;
    for (i = 0;;) { /* the root replaced: k sifted down */
        size_t c = 2 * i + 1;
        if (c >= r->n)
            break;
        if (c + 1 < r->n && th_key_less(&r->v[c], &r->v[c + 1]))
            c++;
        if (!th_key_less(&k, &r->v[c]))
            break;
        r->v[i] = r->v[c];
        i = c;
    }
    r->v[i] = k;
}

/* See lib.h. */
void
th_sample_sort(struct th_sample *r)
{
    qsort(r->v, r->n, sizeof *r->v, th_key_cmp);
}

void
th_sample_free(struct th_sample *r)
{
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* ---- an index run's update -------------------------------------------------------------- */

/* Assign the documents with no theme yet to the stored fit f, written as
 * they come (one transaction), then every theme's size counted. */
static int
th_assign_new(struct store *s, const struct stats_theme_fit *f, struct corpus_themes_run *run,
              struct ds_error *err)
{
    struct th_model m;
    if (th_model_from_fit(f, &m) != 0) {
        ds_error_set(err, -1, "the stored themes are damaged: run dossier themes --refit");
        return -1;
    }
    struct th_assigned o;
    th_assigned_init(&o, s, NULL, err);
    int rc = store_begin(s, err);
    if (rc == 0) {
        rc = th_assign_texts(s, &m, false, NULL, 0, &o, err);
        if (rc == 0)
            rc = th_assigned_flush(&o);
        if (rc == 0)
            rc = stats_theme_resize(s, err);
        rc = rc == 0 ? store_commit(s, err) : (store_rollback(s), -1);
    }
    run->assigned = o.seen;
    th_assigned_free(&o);
    th_model_free(&m);
    return rc;
}

/* What corpus_themes_plan found and computed (corpus.h). */
struct corpus_themes_plan {
    int have;                  /* a fit is stored (f) */
    struct stats_theme_fit f;
    int64_t ndocs, rows;       /* documents, and theme rows */
    bool fit;                  /* fit (again): fitted holds the fit */
    struct th_fitted *fitted;
    size_t fit_ndocs;          /* the documents the fit saw */
};

/* See corpus.h. */
int
corpus_themes_plan(struct store *s, const struct corpus_themes_wait *wait,
                   struct corpus_themes_plan **out, struct ds_error *err)
{
    struct corpus_themes_plan *p = *out = xcalloc(1, sizeof *p);
    p->have = stats_theme_fit_get(s, &p->f, err);
    if (p->have < 0 || stats_theme_counts_docs(s, &p->ndocs, &p->rows, err) != 0)
        return -1;
    const struct stats_theme_fit *f = &p->f;
    size_t k = p->have ? (size_t)f->k : CORPUS_THEMES_K;
    uint64_t seed = p->have ? (uint64_t)f->seed : CORPUS_THEMES_SEED;
    size_t sample = p->have && f->sample > 0 ? (size_t)f->sample : CORPUS_THEMES_SAMPLE;
    p->fit = p->have ? p->ndocs >= (int64_t)k &&
                           (double)p->ndocs >= (double)f->docs * (1 + CORPUS_THEMES_REFIT_SHARE)
                     : p->ndocs >= CORPUS_THEMES_MIN_DOCS;
    if (p->fit)
        return th_fit_compute(s, k, seed, sample, wait, &p->fitted, &p->fit_ndocs, err);
    return 0;
}

/* See corpus.h. */
int
corpus_themes_apply(struct store *s, struct corpus_themes_plan *p, struct corpus_themes_run *run,
                    struct ds_error *err)
{
    memset(run, 0, sizeof *run);
    int rc = 0;
    if (p->fit) {
        int rounds;
        run->assigned = p->fit_ndocs;
        rc = th_fit_save(s, p->fitted, &rounds, err);
        run->fitted = rc == 0;
    } else if (p->have && p->rows != p->ndocs) {
        rc = th_assign_new(s, &p->f, run, err);
    } else if (p->have && stats_theme_drift(s, err) != 0) {
        rc = -1; /* deleted documents dropped their rows; the sizes follow */
    }
    return rc;
}

/* See corpus.h. */
void
corpus_themes_plan_free(struct corpus_themes_plan **pp)
{
    struct corpus_themes_plan *p = *pp;
    if (!p)
        return;
    th_fitted_free(&p->fitted);
    stats_theme_fit_free(&p->f);
    free(p);
    *pp = NULL;
}

/* See corpus.h. */
int
corpus_themes_update(struct store *s, struct corpus_themes_run *run, struct ds_error *err)
{
    memset(run, 0, sizeof *run);
    struct corpus_themes_plan *p;
    int rc = corpus_themes_plan(s, NULL, &p, err);
    if (rc == 0)
        rc = corpus_themes_apply(s, p, run, err);
    else if (p->fit)
        run->assigned = p->fit_ndocs;
    corpus_themes_plan_free(&p);
    return rc;
}

/* ---- reading the stored themes ---------------------------------------------------------- */

/* stats_themes_each's callback: append one stored theme to the list. */
static void
th_saved_one(int64_t id, const char *label, int64_t size, void *ud)
{
    struct corpus_themes *t = ud;
    t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
    struct corpus_theme *c = &t->v[t->n++];
    memset(c, 0, sizeof *c);
    c->id = (int)id;
    c->label = xstrdup(label ? label : "");
    c->size = size;
}

/* See corpus.h. */
int
corpus_themes_saved(struct store *s, struct corpus_themes *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    if (stats_themes_each(s, th_saved_one, out, err) < 0) {
        corpus_themes_clear(out);
        return -1;
    }
    return 0;
}

/* See corpus.h. */
int
corpus_themes_read(struct store *s, struct corpus_themes *out, struct ds_error *err)
{
    struct stats_theme_fit f;
    int64_t ndocs, rows;
    int have = stats_theme_fit_get(s, &f, err);
    if (have <= 0 || corpus_themes_saved(s, out, err) != 0 ||
        stats_theme_counts_docs(s, &ndocs, &rows, err) != 0) {
        stats_theme_fit_free(&f);
        if (have > 0)
            corpus_themes_clear(out);
        return have;
    }
    out->k = (size_t)f.k;
    out->seed = (uint64_t)f.seed;
    out->fitted = (size_t)f.fitted;
    out->fit_docs = (size_t)f.docs;
    out->sample = (size_t)f.sample;
    out->ndocs = (size_t)ndocs;
    out->nterms = f.nterms;
    stats_theme_fit_free(&f);
    int64_t in = 0;
    for (size_t c = 0; c < out->n; c++) {
        size_t n;
        if (stats_theme_members(s, out->v[c].id, &out->v[c].docs, &n, err) != 0) {
            corpus_themes_clear(out);
            return -1;
        }
        out->v[c].size = (int64_t)n;
        in += (int64_t)n;
    }
    out->unassigned = (size_t)(ndocs - in);
    return 1;
}

/* Where corpus_theme_counts gathers its rows. */
struct th_counts {
    struct corpus_count *v;
    size_t n;
    size_t total; /* documents in the selection */
};

/* stats_theme_counts's callback: one theme's row as a corpus_count. */
static void
th_count_one(int64_t id, const char *label, int64_t count, void *ud)
{
    struct th_counts *a = ud;
    a->v = xrealloc(a->v, (a->n + 1) * sizeof *a->v);
    struct corpus_count *c = &a->v[a->n++];
    c->key = xasprintf("%lld", (long long)id);
    c->label = corpus_clean_line(label ? label : "", label ? strlen(label) : 0);
    c->count = count;
    c->share = a->total ? (double)count / (double)a->total : 0;
}

/* See corpus.h. */
int
corpus_theme_counts(struct store *s, const struct corpus_sel *sel, struct corpus_count **out,
                    size_t *n_out, struct ds_error *err)
{
    struct th_counts a = {NULL, 0, sel->n};
    *out = NULL;
    *n_out = 0;
    if (stats_theme_counts(s, sel->all ? 0 : sel->num, th_count_one, &a, err) != 0) {
        corpus_counts_free(a.v, a.n);
        return -1;
    }
    *out = a.v;
    *n_out = a.n;
    return 0;
}
