/*
 * corpus/themes.c — themes found in the collection itself: every document
 * as a tf-idf vector of the index's terms (the index's tokenizer, stop
 * words out, terms in at least two documents and at most half of them),
 * grouped by spherical k-means (cosine similarity, k-means++ seeding from a
 * seeded generator, the best fit of THEMES_RESTARTS starts, so the same
 * collection and seed give the same themes),
 * each theme named by its most distinctive terms (G2 keyness of its
 * documents against the rest, each shown in its shortest form in the text).
 * Themes are numbered biggest first and saved in the index (store_stats.h:
 * stats_themes_put), where the query field theme:N finds them.
 *
 * Cost: one tokenizing pass over every document (~0.3 ms for a 600-word
 * article) and 8 bytes per distinct term of a document in memory; each
 * k-means round is one pass over the non-zero weights per theme.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/store_similar.h"
#include "dossier/text.h"
#include "lib.h"

#define THEMES_MAX_ROUNDS 50  /* k-means rounds at most */
#define THEMES_MAX_DF 0.5     /* terms in more documents than this share say nothing */
#define THEMES_LABEL_TERMS 4  /* terms in a theme's label */
#define THEMES_RESTARTS 4     /* k-means runs from different starts; the best fit wins */

/* Every document's terms: CSR rows of (term, count), then tf-idf weights. */
struct th_docs {
    struct strmap vocab; /* term -> index (insertion order); value: documents holding it
                          * (low 32 bits), uses of its naming form (high 32) */
    struct strmap forms; /* form as written (lower case) -> uses */
    char **surface;      /* per term: the form first seen */
    size_t nterms;
    int64_t *ids;
    size_t n;
    size_t *row;      /* n + 1 offsets into term/count/w */
    uint32_t *term;
    uint32_t *count;
    double *w;        /* tf-idf, each row of length 1 (or all 0) */
    size_t nnz, cap;
};

/* What the tokenizer callback fills for one document. */
struct th_fill {
    struct th_docs *d;
    const struct text_tokenizer *tok;
    const char *text;
    uint32_t *seen; /* the document's terms so far (indices, unsorted) */
    size_t nseen, seencap;
    int rc;
};

static void
th_token(const char *token, size_t start, size_t end, void *ud)
{
    struct th_fill *f = ud;
    size_t len = strlen(token);
    if (len < 2 || strspn(token, "0123456789.,") == len ||
        text_is_stopword(f->text + start, end - start))
        return;
    bool added;
    struct strmap_entry *e = strmap_upsert(&f->d->vocab, token, len, &added);
    size_t idx = (size_t)(e - f->d->vocab.e);
    if (added) {
        f->d->surface = xrealloc(f->d->surface, f->d->vocab.n * sizeof *f->d->surface);
        f->d->surface[idx] = NULL;
    }
    /* the form seen most often names the term ("award", not "awarding") */
    char *sf = xstrndup(f->text + start, end - start);
    for (char *c = sf; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    struct strmap_entry *fe = strmap_upsert(&f->d->forms, sf, end - start, NULL);
    fe->value++;
    if (added || fe->value > f->d->vocab.e[idx].value >> 32) {
        free(f->d->surface[idx]);
        f->d->surface[idx] = sf;
        f->d->vocab.e[idx].value = (fe->value << 32) | (f->d->vocab.e[idx].value & 0xffffffffu);
    } else {
        free(sf);
    }
    if (f->nseen == f->seencap) {
        f->seencap = f->seencap ? f->seencap * 2 : 256;
        f->seen = xrealloc(f->seen, f->seencap * sizeof *f->seen);
    }
    f->seen[f->nseen++] = (uint32_t)idx;
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

static int
th_u32_cmp(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

/* Append the document's terms (f->seen) as one row of (term, count). */
static void
th_row_add(struct th_docs *d, struct th_fill *f)
{
    if (f->nseen > 1)
        qsort(f->seen, f->nseen, sizeof *f->seen, th_u32_cmp);
    for (size_t i = 0; i < f->nseen;) {
        size_t j = i;
        while (j < f->nseen && f->seen[j] == f->seen[i])
            j++;
        if (d->nnz == d->cap) {
            d->cap = d->cap ? d->cap * 2 : 4096;
            d->term = xrealloc(d->term, d->cap * sizeof *d->term);
            d->count = xrealloc(d->count, d->cap * sizeof *d->count);
        }
        d->term[d->nnz] = f->seen[i];
        d->count[d->nnz++] = (uint32_t)(j - i);
        d->vocab.e[f->seen[i]].value++; /* one more document holds it (low bits) */
        i = j;
    }
    f->nseen = 0;
}

/* Read and tokenize every document into d (rows of term counts). */
static int
th_read(struct store *s, struct th_docs *d, struct ds_error *err)
{
    if (stats_all_ids(s, &d->ids, &d->n, err) != 0)
        return -1;
    struct text_tokenizer tok;
    store_text_tokenizer(s, &tok);
    struct stats_text *r = NULL;
    if (stats_text_open(s, true, &r, err) != 0)
        return -1;
    d->row = xmalloc((d->n + 1) * sizeof *d->row);
    struct th_fill f = {d, &tok, NULL, NULL, 0, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < d->n && rc == 0; i++) {
        d->row[i] = d->nnz;
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
    free(f.seen);
    stats_text_free(&r);
    return rc;
}

/* The tf-idf weights of every row, each row scaled to length 1; terms in
 * fewer than two documents or in more than THEMES_MAX_DF of them weigh 0. */
static void
th_weigh(struct th_docs *d)
{
    d->w = xcalloc(d->nnz + 1, sizeof *d->w);
    double n = (double)d->n;
    for (size_t i = 0; i < d->n; i++) {
        double norm = 0;
        for (size_t p = d->row[i]; p < d->row[i + 1]; p++) {
            double df = (double)(d->vocab.e[d->term[p]].value & 0xffffffffu);
            if (df < 2 || df > THEMES_MAX_DF * n)
                continue;
            d->w[p] = (1 + log((double)d->count[p])) * log(n / df);
            norm += d->w[p] * d->w[p];
        }
        norm = sqrt(norm);
        for (size_t p = d->row[i]; norm > 0 && p < d->row[i + 1]; p++)
            d->w[p] /= norm;
    }
}

static void
th_docs_free(struct th_docs *d)
{
    for (size_t i = 0; i < d->vocab.n; i++)
        free(d->surface[i]);
    free(d->surface);
    strmap_free(&d->vocab);
    strmap_free(&d->forms);
    free(d->ids);
    free(d->row);
    free(d->term);
    free(d->count);
    free(d->w);
    memset(d, 0, sizeof *d);
}

/* ---- spherical k-means ------------------------------------------------------------------ */

/* splitmix64: the seeded generator of the k-means++ choices. */
static uint64_t
th_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Cosine of row i with dense centroid c (both of length 1). */
static double
th_cos(const struct th_docs *d, size_t i, const double *c)
{
    double s = 0;
    for (size_t p = d->row[i]; p < d->row[i + 1]; p++)
        s += d->w[p] * c[d->term[p]];
    return s;
}

/* Centroid c set to row i. */
static void
th_set_row(const struct th_docs *d, size_t i, double *c)
{
    memset(c, 0, d->nterms * sizeof *c);
    for (size_t p = d->row[i]; p < d->row[i + 1]; p++)
        c[d->term[p]] = d->w[p];
}

/* k-means++: the first centroid a random document, each next one a
 * document drawn with probability proportional to its distance (1 - cos)
 * from the nearest centroid so far. */
static void
th_seed(const struct th_docs *d, size_t k, uint64_t seed, double *cent)
{
    uint64_t st = seed;
    double *dist = xmalloc(d->n * sizeof *dist);
    th_set_row(d, th_rand(&st) % d->n, cent);
    for (size_t i = 0; i < d->n; i++)
        dist[i] = 1 - th_cos(d, i, cent);
    for (size_t c = 1; c < k; c++) {
        double total = 0;
        for (size_t i = 0; i < d->n; i++)
            total += dist[i] > 0 ? dist[i] : 0;
        double x = (double)(th_rand(&st) >> 11) / 9007199254740992.0 * total;
        size_t pick = d->n - 1;
        for (size_t i = 0; i < d->n; i++) {
            x -= dist[i] > 0 ? dist[i] : 0;
            if (x < 0) {
                pick = i;
                break;
            }
        }
        th_set_row(d, pick, cent + c * d->nterms);
        for (size_t i = 0; i < d->n; i++) {
            double di = 1 - th_cos(d, i, cent + c * d->nterms);
            if (di < dist[i])
                dist[i] = di;
        }
    }
    free(dist);
}

/* Assign every document to its nearest centroid; how many changed. A
 * document with no weight keeps theme -1. */
static size_t
th_assign(const struct th_docs *d, size_t k, const double *cent, int *theme)
{
    size_t changed = 0;
    for (size_t i = 0; i < d->n; i++) {
        int best = -1;
        double bs = -1;
        for (size_t c = 0; c < k && d->row[i] < d->row[i + 1]; c++) {
            double v = th_cos(d, i, cent + c * d->nterms);
            if (v > bs) {
                bs = v;
                best = (int)c;
            }
        }
        if (bs <= 0)
            best = -1;
        changed += theme[i] != best;
        theme[i] = best;
    }
    return changed;
}

/* Each centroid the normalised sum of its documents; an empty theme takes
 * the document farthest from its own centroid. */
static void
th_update(const struct th_docs *d, size_t k, double *cent, int *theme)
{
    memset(cent, 0, k * d->nterms * sizeof *cent);
    size_t *size = xcalloc(k, sizeof *size);
    for (size_t i = 0; i < d->n; i++) {
        if (theme[i] < 0)
            continue;
        size[theme[i]]++;
        double *c = cent + (size_t)theme[i] * d->nterms;
        for (size_t p = d->row[i]; p < d->row[i + 1]; p++)
            c[d->term[p]] += d->w[p];
    }
    for (size_t c = 0; c < k; c++) {
        double *v = cent + c * d->nterms, norm = 0;
        for (size_t t = 0; t < d->nterms; t++)
            norm += v[t] * v[t];
        norm = sqrt(norm);
        for (size_t t = 0; norm > 0 && t < d->nterms; t++)
            v[t] /= norm;
    }
    for (size_t c = 0; c < k; c++) {
        if (size[c])
            continue;
        size_t far = SIZE_MAX;
        double fs = 2;
        for (size_t i = 0; i < d->n; i++) {
            if (theme[i] < 0 || size[theme[i]] < 2)
                continue;
            double v = th_cos(d, i, cent + (size_t)theme[i] * d->nterms);
            if (v < fs) {
                fs = v;
                far = i;
            }
        }
        if (far == SIZE_MAX)
            continue;
        size[theme[far]]--;
        theme[far] = (int)c;
        size[c] = 1;
        th_set_row(d, far, cent + c * d->nterms);
    }
    free(size);
}

/* One run of spherical k-means from the k-means++ start of seed: theme[i]
 * is document i's theme (0..k-1, -1 for none), *rounds the rounds run.
 * Returns the fit: the sum of each document's cosine with its theme. */
static double
th_kmeans(const struct th_docs *d, size_t k, uint64_t seed, double *cent, int *theme,
          int *rounds)
{
    for (size_t i = 0; i < d->n; i++)
        theme[i] = -2; /* nothing assigned yet */
    th_seed(d, k, seed, cent);
    *rounds = 0;
    while ((*rounds)++ < THEMES_MAX_ROUNDS && th_assign(d, k, cent, theme) > 0)
        th_update(d, k, cent, theme);
    double fit = 0;
    for (size_t i = 0; i < d->n; i++)
        if (theme[i] >= 0)
            fit += th_cos(d, i, cent + (size_t)theme[i] * d->nterms);
    return fit;
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
};

static int
th_term_cmp(const void *pa, const void *pb)
{
    const struct th_term *a = pa, *b = pb;
    if (a->g2 != b->g2)
        return a->g2 > b->g2 ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
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

/* Number the themes biggest first (ties: the one with the smaller first
 * document): map[c] is theme c's number - 1. */
static void
th_number(const struct th_docs *d, size_t k, const int *theme, size_t *map)
{
    struct th_rank *rk = xcalloc(k, sizeof *rk);
    for (size_t c = 0; c < k; c++) {
        rk[c].c = c;
        rk[c].first = INT64_MAX;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (theme[i] < 0)
            continue;
        rk[theme[i]].size++;
        if (d->ids[i] < rk[theme[i]].first)
            rk[theme[i]].first = d->ids[i];
    }
    qsort(rk, k, sizeof *rk, th_rank_cmp);
    for (size_t r = 0; r < k; r++)
        map[rk[r].c] = r;
    free(rk);
}

/* Fill out from the assignment: numbered biggest first, labelled, with
 * their documents. */
static void
th_result(const struct th_docs *d, size_t k, const int *theme, struct corpus_themes *out)
{
    size_t *map = xmalloc(k * sizeof *map);
    th_number(d, k, theme, map);
    double *counts = xcalloc(k * d->nterms + 1, sizeof *counts);
    double *tot = xcalloc(k, sizeof *tot);
    out->v = xcalloc(k, sizeof *out->v);
    out->n = k;
    for (size_t i = 0; i < d->n; i++) {
        if (theme[i] < 0)
            continue;
        size_t c = (size_t)theme[i];
        for (size_t p = d->row[i]; p < d->row[i + 1]; p++) {
            counts[c * d->nterms + d->term[p]] += d->count[p];
            tot[c] += d->count[p];
        }
        struct corpus_theme *t = &out->v[map[c]];
        t->docs = xrealloc(t->docs, ((size_t)t->size + 1) * sizeof *t->docs);
        t->docs[t->size++] = d->ids[i];
    }
    for (size_t c = 0; c < k; c++) {
        out->v[map[c]].id = (int)map[c] + 1;
        out->v[map[c]].label = th_label(d, k, c, counts, tot);
    }
    free(counts);
    free(tot);
    free(map);
}

/* Save the themes of out in the index. */
static int
th_save(struct store *s, const struct corpus_themes *out, struct ds_error *err)
{
    const char **labels = xcalloc(out->n + 1, sizeof *labels);
    int64_t *sizes = xcalloc(out->n + 1, sizeof *sizes);
    size_t n = 0;
    for (size_t c = 0; c < out->n; c++)
        n += (size_t)out->v[c].size;
    int64_t *ids = xmalloc((n + 1) * sizeof *ids);
    int *num = xmalloc((n + 1) * sizeof *num);
    n = 0;
    for (size_t c = 0; c < out->n; c++) {
        labels[c] = out->v[c].label;
        sizes[c] = out->v[c].size;
        for (int64_t j = 0; j < out->v[c].size; j++) {
            ids[n] = out->v[c].docs[j];
            num[n++] = out->v[c].id;
        }
    }
    int rc = stats_themes_put(s, labels, sizes, out->n, ids, num, n, err);
    free(labels);
    free(sizes);
    free(ids);
    free(num);
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

int
corpus_themes(struct store *s, size_t k, uint64_t seed, struct corpus_themes *out,
              struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    struct th_docs d = {0};
    d.vocab = (struct strmap)STRMAP_INIT;
    d.forms = (struct strmap)STRMAP_INIT;
    if (th_read(s, &d, err) != 0) {
        th_docs_free(&d);
        return -1;
    }
    if (k < 1 || d.n < k) {
        ds_error_set(err, -1, "%zu themes need at least %zu documents (the index has %zu)", k,
                     k, d.n);
        th_docs_free(&d);
        return -1;
    }
    th_weigh(&d);
    double *cent = xcalloc(k * d.nterms + 1, sizeof *cent);
    int *theme = xmalloc(d.n * sizeof *theme), *best = xmalloc(d.n * sizeof *best);
    double best_fit = -1;
    uint64_t st = seed;
    for (int r = 0; r < THEMES_RESTARTS; r++) {
        int rounds;
        double fit = th_kmeans(&d, k, th_rand(&st), cent, theme, &rounds);
        if (fit > best_fit) {
            best_fit = fit;
            memcpy(best, theme, d.n * sizeof *best);
            out->rounds = rounds;
        }
    }
    th_result(&d, k, best, out);
    out->ndocs = d.n;
    out->nterms = d.nterms;
    for (size_t i = 0; i < d.n; i++)
        out->unassigned += best[i] < 0;
    free(cent);
    free(theme);
    free(best);
    th_docs_free(&d);
    if (th_save(s, out, err) != 0) {
        corpus_themes_clear(out);
        return -1;
    }
    return 0;
}

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
