/*
 * corpus/themes_kmeans.c — the k-means of the themes fit (themes.c reads
 * the sample and labels the themes): seeded spherical k-means, k-means++
 * starts, the best of THEMES_RESTARTS runs, the restarts on two threads.
 * Split from themes.c, which passed 1000 lines.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

#define THEMES_MAX_ROUNDS 50  /* k-means rounds at most */
#define THEMES_RESTARTS 4     /* k-means runs from different starts; the best fit wins */

/* ---- spherical k-means ------------------------------------------------------------------ */

/* See lib.h. */
uint64_t
th_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* The k centroids are dense and stored term by term: cent[t * k + c] is
 * term t's weight in centroid c, so that one pass over a document's terms
 * reads every centroid's weights of a term from one cache line. */

/* Cosine of row i with centroid c (both of length 1). */
static double
th_cos(const struct th_docs *d, size_t i, const double *cent, size_t k, size_t c)
{
    double s = 0;
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        s += th_w(d, i, p) * cent[d->term[p] * k + c];
    return s;
}

/* Centroid c set to row i. */
static void
th_set_row(const struct th_docs *d, size_t i, double *cent, size_t k, size_t c)
{
    for (size_t t = 0; t < d->nterms; t++)
        cent[t * k + c] = 0;
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        cent[d->term[p] * k + c] = th_w(d, i, p);
}

/* The dot product of row i with the row scattered into dense (nterms
 * wide, 0 where that row has no weight): th_cos of i with a centroid
 * th_set_row made from that row, the same products summed in the same
 * order, but read from one contiguous array instead of one double every
 * k in the term-major centroids (a cache line each). */
static double
th_dot_dense(const struct th_docs *d, size_t i, const double *dense)
{
    double s = 0;
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        s += th_w(d, i, p) * dense[d->term[p]];
    return s;
}

/* Centroid c set to row i, and the row scattered into dense (whose
 * entries for the previous row, prev, are cleared first; SIZE_MAX: none). */
static void
th_seed_row(const struct th_docs *d, size_t i, size_t prev, double *cent, size_t k, size_t c,
            double *dense)
{
    th_set_row(d, i, cent, k, c);
    if (prev != SIZE_MAX)
        for (size_t p = d->row[prev]; p < d->wend[prev]; p++)
            dense[d->term[p]] = 0;
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        dense[d->term[p]] = cent[(size_t)d->term[p] * k + c];
}

/* k-means++: the first centroid a random document, each next one a
 * document drawn with probability proportional to its distance (1 - cos)
 * from the nearest centroid so far. */
static void
th_seed(const struct th_docs *d, size_t k, uint64_t seed, double *cent)
{
    uint64_t st = seed;
    double *dist = xmalloc(d->n * sizeof *dist);
    double *dense = xcalloc(d->nterms + 1, sizeof *dense);
    size_t pick = th_rand(&st) % d->n;
    th_seed_row(d, pick, SIZE_MAX, cent, k, 0, dense);
    for (size_t i = 0; i < d->n; i++)
        dist[i] = 1 - th_dot_dense(d, i, dense);
    for (size_t c = 1; c < k; c++) {
        double total = 0;
        for (size_t i = 0; i < d->n; i++)
            total += dist[i] > 0 ? dist[i] : 0;
        double x = (double)(th_rand(&st) >> 11) / 9007199254740992.0 * total;
        size_t prev = pick;
        pick = d->n - 1;
        for (size_t i = 0; i < d->n; i++) {
            x -= dist[i] > 0 ? dist[i] : 0;
            if (x < 0) {
                pick = i;
                break;
            }
        }
        th_seed_row(d, pick, prev, cent, k, c, dense);
        for (size_t i = 0; i < d->n; i++) {
            double di = 1 - th_dot_dense(d, i, dense);
            if (di < dist[i])
                dist[i] = di;
        }
    }
    free(dense);
    free(dist);
}

/* v[0..k) += w * x[0..k), two lanes at a time where the compiler has
 * vector types: each lane is the scalar loop's own multiply and add, so
 * every sum is the same double, in half the instructions. */
static inline void
th_axpy(double *v, double w, const double *x, size_t k)
{
    size_t c = 0;
#if defined(__GNUC__)
    th_v2 wv = {w, w};
    for (; c + 2 <= k; c += 2) {
        th_v2 a, b;
        memcpy(&a, v + c, sizeof a);
        memcpy(&b, x + c, sizeof b);
        a += wv * b;
        memcpy(v + c, &a, sizeof a);
    }
#endif
    for (; c < k; c++)
        v[c] += w * x[c];
}

/* v[c0..c0+8) = row i's dot products with centroids c0..c0+7, summed in
 * registers: the same multiply and add per lane, term after term, as
 * th_axpy does (so the same doubles as th_cos), but without the round
 * trip through memory th_axpy's v makes for every term (a store and a
 * reload on each sum's chain: ~10 cycles a term instead of one add's 4;
 * most of the assign's time, issue 16). GCC's vector types only. */
#if defined(__GNUC__)
static void
th_scores8(const struct th_docs *d, size_t i, const double *cent, size_t k, size_t c0, double *v)
{
    struct th_sum8 s = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        th_sum8_add(&s, cent + (size_t)d->term[p] * k + c0, th_w(d, i, p));
    th_sum8_store(&s, v + c0);
}
#endif

/* v[0..k) = row i's dot product with each centroid, each summed in
 * th_cos's order: eight centroids at a time in registers, the rest (or
 * all, without vector types) through th_axpy. */
static void
th_scores(const struct th_docs *d, size_t i, const double *cent, size_t k, double *v)
{
    size_t c0 = 0;
#if defined(__GNUC__)
    for (; c0 + 8 <= k; c0 += 8)
        th_scores8(d, i, cent, k, c0, v);
#endif
    if (c0 == k)
        return;
    for (size_t c = c0; c < k; c++)
        v[c] = 0;
    for (size_t p = d->row[i]; p < d->wend[i]; p++)
        th_axpy(v + c0, th_w(d, i, p), cent + (size_t)d->term[p] * k + c0, k - c0);
}

/* Assign every document to its nearest centroid; how many changed. A
 * document with no weight keeps theme -1. */
static size_t
th_assign(const struct th_docs *d, size_t k, const double *cent, int *theme)
{
    size_t changed = 0;
    for (size_t i = 0; i < d->n; i++) {
        int best = -1;
        double bs = -1, v[CORPUS_THEMES_MAX_K];
        th_scores(d, i, cent, k, v);
        for (size_t c = 0; c < k && d->row[i] < d->row[i + 1]; c++)
            if (v[c] > bs) {
                bs = v[c];
                best = (int)c;
            }
        if (bs <= 0)
            best = -1;
        changed += theme[i] != best;
        theme[i] = best;
    }
    return changed;
}

/* Each centroid's sum of its documents' weights into cent (term by term),
 * size[c] its documents. Summed one theme at a time into a dense array of
 * the terms (a few hundred kB: it stays in the cache, where adding into
 * the term-major centroids misses on a line per term), each theme's
 * documents in their order, so every weight is the same double, added in
 * the same order to the same +0, as adding into cent directly (issue 16). */
static void
th_sums(const struct th_docs *d, size_t k, double *cent, const int *theme, size_t *size)
{
    size_t *order = xmalloc((d->n + 1) * sizeof *order), *start = xcalloc(k + 1, sizeof *start);
    for (size_t i = 0; i < d->n; i++)
        if (theme[i] >= 0)
            size[theme[i]]++;
    for (size_t c = 0; c < k; c++)
        start[c + 1] = start[c] + size[c];
    size_t *next = xmalloc((k + 1) * sizeof *next);
    memcpy(next, start, k * sizeof *next);
    for (size_t i = 0; i < d->n; i++)
        if (theme[i] >= 0)
            order[next[theme[i]]++] = i;
    double *acc = xmalloc((d->nterms + 1) * sizeof *acc);
    for (size_t c = 0; c < k; c++) {
        memset(acc, 0, d->nterms * sizeof *acc);
        for (size_t j = start[c]; j < start[c + 1]; j++) {
            size_t i = order[j];
            for (size_t p = d->row[i]; p < d->wend[i]; p++)
                acc[d->term[p]] += th_w(d, i, p);
        }
        for (size_t t = 0; t < d->nterms; t++)
            cent[t * k + c] = acc[t];
    }
    free(acc);
    free(next);
    free(start);
    free(order);
}

/* Each centroid the normalised sum of its documents; an empty theme takes
 * the document farthest from its own centroid. */
static void
th_update(const struct th_docs *d, size_t k, double *cent, int *theme)
{
    size_t *size = xcalloc(k, sizeof *size);
    th_sums(d, k, cent, theme, size);
    double norm[CORPUS_THEMES_MAX_K] = {0}; /* each summed in term order, as before */
    for (size_t t = 0; t < d->nterms; t++)
        for (size_t c = 0; c < k; c++)
            norm[c] += cent[t * k + c] * cent[t * k + c];
    for (size_t c = 0; c < k; c++)
        norm[c] = sqrt(norm[c]);
    for (size_t t = 0; t < d->nterms; t++)
        for (size_t c = 0; c < k; c++)
            if (norm[c] > 0)
                cent[t * k + c] /= norm[c];
    for (size_t c = 0; c < k; c++) {
        if (size[c])
            continue;
        size_t far = SIZE_MAX;
        double fs = 2;
        for (size_t i = 0; i < d->n; i++) {
            if (theme[i] < 0 || size[theme[i]] < 2)
                continue;
            double v = th_cos(d, i, cent, k, (size_t)theme[i]);
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
        th_set_row(d, far, cent, k, c);
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
            fit += th_cos(d, i, cent, k, (size_t)theme[i]);
    return fit;
}

/* The restarts of one thread (th_best_fit): every other one from first,
 * the best of them kept in best_cent (the first of equal fits). */
struct th_restarts {
    const struct th_docs *d;
    size_t k, first;
    const uint64_t *seeds;
    double *best_cent;
    double best_fit;
    int best_rounds;
    size_t best_restart;
};

static void *
th_restarts_run(void *arg)
{
    struct th_restarts *t = arg;
    const struct th_docs *d = t->d;
    double *cent = xcalloc(t->k * d->nterms + 1, sizeof *cent);
    int *theme = xmalloc((d->n + 1) * sizeof *theme);
    t->best_fit = -1;
    t->best_restart = SIZE_MAX;
    for (size_t r = t->first; r < THEMES_RESTARTS; r += 2) {
        int rounds;
        double fit = th_kmeans(d, t->k, t->seeds[r], cent, theme, &rounds);
        if (fit > t->best_fit) {
            t->best_fit = fit;
            memcpy(t->best_cent, cent, t->k * d->nterms * sizeof *cent);
            t->best_rounds = rounds;
            t->best_restart = r;
        }
    }
    free(cent);
    free(theme);
    return NULL;
}

/* The best of THEMES_RESTARTS k-means runs over d: its centroids into
 * best_cent (term by term); the rounds it took. The restarts are
 * independent (each from its own seed, drawn in order from seed), so the
 * odd ones run on a second thread while this one runs the even ones: the
 * index run's end has the second core to itself (its preparing thread is
 * done), and the fit halves in wall time. The winner is the one the
 * restarts run in turn would keep: the highest fit, the first of equals. */
int
th_best_fit(const struct th_docs *d, size_t k, uint64_t seed, double *best_cent)
{
    uint64_t seeds[THEMES_RESTARTS], st = seed;
    for (size_t r = 0; r < THEMES_RESTARTS; r++)
        seeds[r] = th_rand(&st);
    struct th_restarts even = {d, k, 0, seeds, best_cent, 0, 0, 0};
    struct th_restarts odd = {d, k, 1, seeds, NULL, 0, 0, 0};
    odd.best_cent = xmalloc((k * d->nterms + 1) * sizeof *odd.best_cent);
    pthread_t helper;
    bool threaded = pthread_create(&helper, NULL, th_restarts_run, &odd) == 0;
    th_restarts_run(&even);
    if (threaded)
        pthread_join(helper, NULL);
    else
        th_restarts_run(&odd);
    int rounds = even.best_rounds;
    if (odd.best_fit > even.best_fit ||
        (odd.best_fit == even.best_fit && odd.best_restart < even.best_restart)) {
        memcpy(best_cent, odd.best_cent, k * d->nterms * sizeof *best_cent);
        rounds = odd.best_rounds;
    }
    free(odd.best_cent);
    return rounds;
}
