/*
 * corpus/keyness.c — distinctive terms of a selection (corpus.h): its
 * titles and bodies tokenized as the index does (sampled past ~4 MB of
 * text), each term's count scored by log-likelihood against a reference
 * set or against the rest of the corpus, whose counts come from the
 * full-text index's vocabulary (the derived copy when it is current).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/utf8.h"
#include "lib.h"

/* ---- term counts ----------------------------------------------------------------------------- */

void
corpus_tf_add(struct corpus_tf *t, const char *token, int64_t count)
{
    size_t len = strlen(token);
    if (!len)
        return;
    strmap_upsert(&t->counts, token, len, NULL)->value += (uint64_t)count;
    t->tokens += count;
}

/* One token into the counts, sign times (store_tokenize's callback). */
static void
corpus_tf_sign_cb(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    struct corpus_tf_sign *t = ud;
    corpus_tf_add(t->tf, token, t->sign);
}

int
corpus_tf_text(const char *text, size_t len, void *ud)
{
    struct corpus_tf_sign *t = ud;
    return store_tokenize(t->s, text, len, corpus_tf_sign_cb, t, t->err);
}

/* The same with Chinese cut into words (store_tokenize_words): what keyness
 * counts, so its terms are words (关税), not bigrams of two words. */
static int
corpus_tf_words(const char *text, size_t len, void *ud)
{
    struct corpus_tf_sign *t = ud;
    return store_tokenize_words(t->s, text, len, corpus_tf_sign_cb, t, t->err);
}

/* One term of the index's vocabulary into a corpus_tf. */
static void
corpus_tf_vocab_cb(const char *term, int64_t count, void *ud)
{
    corpus_tf_add(ud, term, count);
}

static int64_t
corpus_tf_get(const struct corpus_tf *t, const char *term)
{
    const struct strmap_entry *e = strmap_find(&t->counts, term, strlen(term));
    return e ? (int64_t)e->value : 0;
}

void
corpus_tf_free(struct corpus_tf *t)
{
    strmap_free(&t->counts);
    t->tokens = 0;
}

/* Tokenizing is a cost of keyness (~45 ms per MB); beyond this many bytes
 * of text a selection is sampled (every k-th document). */
#define CORPUS_KEYNESS_BUDGET (4u << 20)

/* The sampling step for a set of so many words: about 6 bytes per word of
 * English (CJK counts a character as a word). */
static int64_t
corpus_stride(int64_t words)
{
    int64_t bytes = words * 6;
    return bytes > (int64_t)CORPUS_KEYNESS_BUDGET ? bytes / CORPUS_KEYNESS_BUDGET + 1 : 1;
}

/* Count the tokens of the selection's titles and bodies into tf; *stride
 * gets the sampling step (1 = every document). */
static int
corpus_count_terms(struct store *s, const struct corpus_sel *sel, struct corpus_tf *tf,
                   int64_t *stride, struct ds_error *err)
{
    int64_t words = 0;
    if (stats_words(s, sel->num, &words, err) != 0)
        return -1;
    *stride = corpus_stride(words);
    struct corpus_tf_sign ts = {s, tf, 1, err};
    return stats_texts(s, sel->all ? NULL : sel->ids, sel->n, *stride, corpus_tf_words, &ts, err);
}

/* Function words and bare numbers are frequent everywhere and say nothing
 * about what a set of articles is about (the same rule as compare's). */
static bool
corpus_boring_term(const char *t)
{
    bool digits = true;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
            digits = false;
    return digits || text_is_stopword(t, strlen(t));
}

/* Past this many terms to score, one walk of the whole vocabulary is
 * cheaper than a lookup (a doclist walk) per term. */
#define CORPUS_VOCAB_SCAN 1000

static bool
corpus_term_eligible(const struct strmap_entry *e, int64_t min_count)
{
    return (int64_t)e->value >= min_count && !corpus_boring_term(e->key);
}

static int
corpus_cmp_term(const void *a, const void *b)
{
    const struct corpus_term *x = a, *y = b;
    if (x->g2 != y->g2)
        return x->g2 > y->g2 ? -1 : 1;
    return strcmp(x->term, y->term);
}

/* ---- scoring --------------------------------------------------------------------------------- */

/* Where the reference counts come from. */
struct corpus_ref {
    struct corpus_tf tb;        /* ref's counts, or the whole corpus's (bulk) */
    int64_t stride;             /* ref's sampling step */
    bool set;                   /* a reference set */
    bool bulk;                  /* tb holds the whole corpus's counts */
    struct stats_vocab *lookup; /* else one lookup per term */
    double d;                   /* reference tokens */
};

/* The reference is the rest of the corpus: its totals from the index's
 * vocabulary, minus the target's (c tokens, ta its counts). */
static int
corpus_ref_rest(struct store *s, const struct corpus_tf *ta, double c, int64_t min_count,
                struct corpus_ref *r, struct ds_error *err)
{
    int64_t total = stats_index_tokens(s);
    /* summing the vocabulary walks the whole index: the slow way */
    if (total < 0 && stats_vocab_total(s, &total, err) != 0)
        return -1;
    r->d = (double)total - c;
    if (r->d < 0)
        r->d = 0;
    size_t ncand = 0;
    for (size_t i = 0; i < ta->counts.n; i++)
        ncand += corpus_term_eligible(&ta->counts.e[i], min_count);
    /* where the corpus counts come from: the derived vocabulary, one walk
     * of the index's vocabulary into tb, or one lookup per term */
    int vocab = stats_tables_current(s, err);
    if (vocab < 0)
        return -1;
    if (!vocab && ncand > CORPUS_VOCAB_SCAN) {
        r->bulk = true;
        return stats_vocab_each(s, corpus_tf_vocab_cb, &r->tb, err);
    }
    return stats_vocab_open(s, vocab, &r->lookup, err);
}

/* The whole corpus's count of term: from the bulk counts or one lookup. */
static int
corpus_vocab_one(struct corpus_ref *r, const char *term, double *total, struct ds_error *err)
{
    if (r->bulk) {
        *total = (double)corpus_tf_get(&r->tb, term);
        return 0;
    }
    return stats_vocab_count(r->lookup, term, total, err);
}

/* The same for any term: a Chinese word is no term of the index, which
 * keeps its bigrams for exact search, so it counts as often as its rarest
 * bigram (exact for a two-character word, an upper bound otherwise). */
static int
corpus_vocab_total(struct corpus_ref *r, const char *term, double *total, struct ds_error *err)
{
    if (!store_term_is_cjk(term))
        return corpus_vocab_one(r, term, total, err);
    double best = -1;
    size_t n = strlen(term);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l1 = (size_t)utf8_decode(term + i, n - i, &cp);
        if (i + l1 >= n)
            break;
        size_t l2 = (size_t)utf8_decode(term + i + l1, n - i - l1, &cp);
        char bi[16];
        memcpy(bi, term + i, l1 + l2);
        bi[l1 + l2] = '\0';
        double c;
        if (corpus_vocab_one(r, bi, &c, err) != 0)
            return -1;
        if (best < 0 || c < best)
            best = c;
        i += l1;
    }
    *total = best < 0 ? 0 : best;
    return 0;
}

/* Occurrences of e's term in the reference (a: in the target). -1 on
 * error. */
static int
corpus_ref_count(struct corpus_ref *r, const struct strmap_entry *e, double a, double *b,
                 struct ds_error *err)
{
    if (r->set) {
        *b = (double)corpus_tf_get(&r->tb, e->key) * (double)r->stride;
        return 0;
    }
    double total = 0;
    if (corpus_vocab_total(r, e->key, &total, err) != 0)
        return -1;
    *b = total - a;
    if (*b < 0)
        *b = 0;
    return 0;
}

/* Keyness from the target's term counts ta (every stride_a-th document):
 * against ref's documents, or the rest of the corpus when ref is NULL. */
static int
corpus_keyness_score(struct store *s, struct corpus_tf *ta, int64_t stride_a,
                     const struct corpus_sel *ref, size_t max, int64_t min_count,
                     struct corpus_keyness *out, struct ds_error *err)
{
    struct corpus_ref r = {{STRMAP_INIT, 0}, 1, ref != NULL, false, NULL, 0};
    int result = -1;
    struct corpus_term *terms = NULL;
    size_t nt = 0, cap = 0;

    memset(out, 0, sizeof *out);
    if (min_count <= 0)
        min_count = 3;
    double c = (double)ta->tokens * (double)stride_a;
    if (ref) {
        if (corpus_count_terms(s, ref, &r.tb, &r.stride, err) != 0)
            goto done;
        r.d = (double)r.tb.tokens * (double)r.stride;
    } else if (corpus_ref_rest(s, ta, c, min_count, &r, err) != 0) {
        goto done;
    }
    double d = r.d;
    for (size_t i = 0; i < ta->counts.n; i++) {
        const struct strmap_entry *e = &ta->counts.e[i];
        if (!corpus_term_eligible(e, min_count))
            continue;
        double a = (double)(int64_t)e->value * (double)stride_a, b;
        if (corpus_ref_count(&r, e, a, &b, err) != 0)
            goto done;
        if (a / c <= (d > 0 ? b / d : 0))
            continue; /* not over-represented */
        if (nt == cap) {
            cap = cap ? cap * 2 : 256;
            terms = xrealloc(terms, cap * sizeof *terms);
        }
        terms[nt].term = corpus_clean_line(e->key, strlen(e->key));
        terms[nt].a = (int64_t)a;
        terms[nt].b = (int64_t)b;
        terms[nt].g2 = corpus_g2(a, b, c, d);
        terms[nt].log_ratio = corpus_log_ratio(a, b, c, d);
        nt++;
    }
    if (nt > 1)
        qsort(terms, nt, sizeof *terms, corpus_cmp_term);
    if (max && nt > max) {
        for (size_t i = max; i < nt; i++)
            free(terms[i].term);
        nt = max;
    }
    out->terms = terms;
    out->nterms = nt;
    out->target_tokens = (int64_t)c;
    out->ref_tokens = (int64_t)d;
    out->sampled = stride_a > 1 || r.stride > 1;
    terms = NULL;
    nt = 0;
    result = 0;
done:
    stats_vocab_free(&r.lookup);
    corpus_terms_free(terms, nt);
    corpus_tf_free(&r.tb);
    return result;
}

int
corpus_keyness(struct store *s, const struct corpus_sel *target, const struct corpus_sel *ref,
               size_t max, int64_t min_count, struct corpus_keyness *out,
               struct ds_error *err)
{
    struct corpus_tf ta = {0};
    int64_t stride_a = 1;
    memset(out, 0, sizeof *out);
    if (!ref && target->all) {
        ds_error_set(err, -1, "the selection is the whole corpus: nothing to compare it with"
                              " (narrow the query or give a reference set)");
        return -1;
    }
    if (corpus_count_terms(s, target, &ta, &stride_a, err) != 0) {
        corpus_tf_free(&ta);
        return -1;
    }
    int rc = corpus_keyness_score(s, &ta, stride_a, ref, max, min_count, out, err);
    corpus_tf_free(&ta);
    return rc;
}

/* ---- in steps -------------------------------------------------------------------------------- */

/* Keyness of a selection against the rest of the corpus in steps
 * (corpus.h): the documents to tokenize (every stride-th of the selection)
 * are read a few at a time. */
struct corpus_keyness_scan {
    struct store *s;
    struct corpus_tf ta;
    int64_t stride;
    int64_t *ids;
    size_t n, next;
    struct stats_text *text;
    size_t max;
    int64_t min_count;
};

void
corpus_keyness_end(struct corpus_keyness_scan **kp)
{
    struct corpus_keyness_scan *k = kp ? *kp : NULL;
    if (!k)
        return;
    stats_text_free(&k->text);
    corpus_tf_free(&k->ta);
    free(k->ids);
    free(k);
    *kp = NULL;
}

int
corpus_keyness_begin(struct store *s, const struct corpus_sel *target, size_t max,
                     int64_t min_count, struct corpus_keyness_scan **out, struct ds_error *err)
{
    *out = NULL;
    if (target->all) {
        ds_error_set(err, -1, "the selection is the whole corpus: nothing to compare it with"
                              " (narrow the query or give a reference set)");
        return -1;
    }
    int64_t words = 0;
    if (stats_words(s, target->num, &words, err) != 0)
        return -1;
    struct corpus_keyness_scan *k = xcalloc(1, sizeof *k);
    k->s = s;
    k->max = max;
    k->min_count = min_count;
    /* the same sampling as corpus_count_terms: at most ~4 MB of text */
    k->stride = corpus_stride(words);
    k->n = target->n;
    k->ids = xmalloc((k->n ? k->n : 1) * sizeof *k->ids);
    memcpy(k->ids, target->ids, k->n * sizeof *k->ids);
    if (stats_text_open(s, true, &k->text, err) != 0) {
        corpus_keyness_end(&k);
        return -1;
    }
    *out = k;
    return 0;
}

int
corpus_keyness_more(struct corpus_keyness_scan *k, size_t ndocs, struct ds_error *err)
{
    struct corpus_tf_sign ts = {k->s, &k->ta, 1, err};
    for (size_t done = 0; done < ndocs && k->next < k->n; done++) {
        int64_t id = k->ids[k->next];
        k->next += (size_t)k->stride;
        if (stats_text_get(k->text, id, corpus_tf_words, &ts, err) < 0)
            return -1;
    }
    return k->next < k->n ? 1 : 0;
}

void
corpus_keyness_progress(const struct corpus_keyness_scan *k, size_t *done, size_t *total)
{
    size_t stride = (size_t)k->stride;
    *done = (DS_MIN(k->next, k->n) + stride - 1) / stride;
    *total = (k->n + stride - 1) / stride;
}

int
corpus_keyness_finish(struct corpus_keyness_scan *k, struct corpus_keyness *out,
                      struct ds_error *err)
{
    return corpus_keyness_score(k->s, &k->ta, k->stride, NULL, k->max, k->min_count, out, err);
}
