/* gen.h — what the corpus generator's files share (bench/gen_corpus.c, the
 * English documents and the driver; bench/gen_zh.c, the Chinese documents):
 * the random numbers, the options of a run and the Chinese entry points.
 * Not part of dossier: the benchmarks only. */
#ifndef DOSSIER_BENCH_GEN_H
#define DOSSIER_BENCH_GEN_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/util.h"

/* ---- random numbers: xoshiro256** seeded through splitmix64 ------------------ */

struct rng {
    uint64_t s[4];
};

static inline uint64_t
splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline void
rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xd1342543de82ef95ULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in [0, 1). */
static inline double
rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [0, n). */
static inline size_t
rng_below(struct rng *r, size_t n)
{
    return (size_t)(rng_unit(r) * (double)n);
}

static inline bool
rng_chance(struct rng *r, double p)
{
    return rng_unit(r) < p;
}

static inline double
rng_normal(struct rng *r)
{
    double u1 = rng_unit(r), u2 = rng_unit(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

#define PICK(r, arr) ((arr)[rng_below((r), DS_ARRAY_LEN(arr))])

/* The options that shape documents. "news" is the real-looking profile
 * (bench/README.md): longer documents with a long tail, more names, site
 * boilerplate, and --zh-share of the documents written in Chinese. */
struct genopts {
    bool news;          /* --profile news */
    double words_mean;  /* classic: mean words (log-normal, sigma 0.8) */
    double cjk_share;   /* classic: share of documents naming CJK people */
    double zh_share;    /* share of documents written in Chinese */
};

/* A document length in words: classic log-normal, or news (log-normal,
 * median 440 generated words, ~600 by wc with names, figures and site
 * lines; sigma 0.75; 5% drawn from a Pareto tail from 1,500). */
size_t gen_length(struct rng *r, const struct genopts *o);

/* Chinese: build the vocabulary once (deterministic), write one document
 * (headline, date, byline, paragraphs, figures, names, site lines of the
 * outlet in Chinese), free the vocabulary. */
void gen_zh_init(void);
void gen_zh_document(struct rng *r, size_t words, const char *outlet, int year, int month,
                     int day, struct buf *out);
void gen_zh_free(void);

/* Site boilerplate of an outlet, in English or Chinese: the lines a
 * site repeats on every page (navigation, copyright, sharing), some on
 * all of its pages and some on a share. */
void gen_site_header(struct rng *r, const char *outlet, bool zh, struct buf *out);
void gen_site_footer(struct rng *r, const char *outlet, bool zh, int year, struct buf *out);

#endif
