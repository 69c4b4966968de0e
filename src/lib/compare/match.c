/*
 * compare/match.c — which sentence of A is the counterpart of which sentence
 * of B (the alignment behind compare_texts). Pure: it sees each sentence as
 * a sorted set of term ids and knows nothing of the text.
 *
 * A pair is scored by what carries meaning in it: each shared term weighs
 * its rarity among the two articles' sentences (a word in every sentence
 * says nothing; a name or a figure found once on each side says a lot),
 * and names and figures weigh a little more than other words; a word both
 * articles use weighs less when the collection holds it in many documents
 * (the caller's scale, CMP_RARE_SHARE), except in a weak match's score.
 * The score is the weighted cosine of the two sets, 0..1. Order is a weak prior: it only
 * breaks near-ties, so reordered text still pairs.
 *
 * Pairs are accepted greedily, best first, one to one; two sentences that
 * hold the same quotation (shared_quote) count as such a pair whatever
 * their score. Then a weaker
 * pair (a paraphrase around the same name or figure: "Turnout was 38
 * percent" / "About 38 percent of voters cast ballots") is accepted when it
 * scores CMP_ALIGN_WEAK of the threshold, shares a name or a figure or
 * three terms, one word neither a name nor common in the collection or a
 * phrase of four such words in the same order (a quotation both tell),
 * and each sentence is the other's best candidate (so a
 * related sentence never takes the place of the real counterpart). A
 * sentence left over that is mostly contained in the counterpart of its
 * neighbour, or is a weak candidate of it adding terms the neighbour lacks
 * (one sentence split into two on the other side), becomes a part of that
 * pair. A sentence is "only in" its side when no sentence of the other
 * side scores the weak threshold with it, or when each that does is the
 * better counterpart of another sentence and it is not a split part.
 * Such a sentence still has a near counterpart (a weak match, shown apart
 * from "only in") when the sentence of the other side it scores best with
 * reaches CMP_ALIGN_NEAR of the threshold sharing two terms or more, not
 * only names: a paraphrase sharing little, told as neither a pair nor
 * absent.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* Extra weight of a name (a capitalised word) and of a figure: a little,
 * for they anchor a counterpart, but not so much that two statements about
 * the same people pair on the names and one word (1.5 paired "met the
 * governor about the levee" with "blamed the governor for the levee"; on
 * the hand-judged basil-dev rows 1.3 drops 13 of 31 wrong pairs and 15 of
 * 208 right ones, bench/results/2026-12-07-align6.md). */
#define MATCH_NAME_BOOST 1.3
#define MATCH_FIGURE_BOOST 1.3
/* How much the order prior may add to a score (a near-tie breaker). */
#define MATCH_ORDER_PRIOR 0.04
/* A leftover sentence is a split part of its neighbour's pair when this
 * share of its weight is shared with the neighbour's counterpart... */
#define MATCH_PART_CONTAINED 0.5
/* ...and part of that share is not already in the pair itself. */
#define MATCH_PART_NEW 0.2
/* Sentences of at most this many terms are short (see min_shared). */
#define MATCH_SHORT 3
/* find_joint_pairs runs when |A| x |B| sentences is at most this. */
#define MATCH_JOINT_MAX 250000u
/* Words other than names a run of shared words may hold and still be a
 * mention of someone (a title: "acting director Todd Jones"). */
#define MATCH_TITLE_WORDS 3
/* Two sentences sharing only names pair when the names are this share of
 * the shorter one at least (mention_only). */
#define MATCH_MENTION_COVER 0.75
/* A weak pair without a rare word still stands on a phrase: this many
 * content words other than names in a row, the same and in the same order in both
 * sentences (a quotation, a claim repeated word for word). */
#define MATCH_PHRASE_WORDS 4
/* Two sentences holding the same quotation are counterparts whatever else
 * they say ("I will not resign," he said after the meeting / "I will not
 * resign," said the governor): a run of this many quoted words or more,
 * stop words counted, the same in both and holding a content word, that
 * is on one side the whole quotation its sentence opens with (a statement
 * quoted, not a phrase in quotation marks inside a paraphrase)... */
#define MATCH_QUOTE_WHOLE 4
/* ...or that is this long with a content word not common in the
 * collection (a stretch of a longer quotation; "I don't think I can" is
 * no statement). */
#define MATCH_QUOTE_PART 6
/* Candidates kept per sentence of A: bounds memory on repetitive texts. */
#define MATCH_MAX_CANDS 16

struct cand {
    int32_t a, b;
    double score, rank;
    bool strong; /* reaches the threshold with enough shared terms */
};

/* Best rank first (score plus the order prior), then position. */
static int
cand_cmp(const void *p, const void *q)
{
    const struct cand *x = p, *y = q;
    if (x->rank != y->rank)
        return x->rank > y->rank ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

/* Term weights: idf over the sentences of both sides, times the
 * collection's scale (may be NULL: 1), boosted for names and figures. w[t]
 * for every term id < nterms. */
static double *
term_weights(const struct cmp_sentset *A, const struct cmp_sentset *B, const uint8_t *flags,
             const double *scale, size_t nterms)
{
    double *w = xcalloc(nterms + 1, sizeof *w);
    uint32_t *df = xcalloc(nterms + 1, sizeof *df);
    const struct cmp_sentset *sides[2] = {A, B};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->set_off[sides[s]->nsents]; i++)
            df[sides[s]->set[i]]++;
    double n = (double)(A->nsents + B->nsents) + 1;
    for (size_t t = 0; t < nterms; t++) {
        if (!df[t])
            continue;
        double idf = log(n / (double)df[t]) + 0.1;
        if (scale)
            idf *= scale[t];
        if (flags[t] & CMP_TERM_FIGURE)
            idf *= MATCH_FIGURE_BOOST;
        else if (flags[t] & CMP_TERM_NAME)
            idf *= MATCH_NAME_BOOST;
        w[t] = idf * idf;
    }
    free(df);
    return w;
}

/* Sum of the (squared) weights of each sentence's terms. */
static double *
sentence_norms(const struct cmp_sentset *S, const double *w)
{
    double *norm = xcalloc(S->nsents + 1, sizeof *norm);
    for (size_t s = 0; s < S->nsents; s++)
        for (size_t k = S->set_off[s]; k < S->set_off[s + 1]; k++)
            norm[s] += w[S->set[k]];
    return norm;
}

/* What two sentences share: how many terms, how many of them are names or
 * figures (anchors), how many are neither names nor common words (rare). */
struct overlap {
    size_t n, anchors, rare;
};

/* Weight of the terms sentences x of X and y of Y share (sorted sets);
 * *o (may be NULL) gets the counts, flags (may be NULL) tells names,
 * figures and common words. */
static double
shared_terms(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
             const double *w, const uint8_t *flags, struct overlap *o)
{
    size_t i = X->set_off[x], ie = X->set_off[x + 1];
    size_t j = Y->set_off[y], je = Y->set_off[y + 1];
    double sum = 0;
    struct overlap v = {0, 0, 0};
    while (i < ie && j < je) {
        if (X->set[i] < Y->set[j]) {
            i++;
        } else if (X->set[i] > Y->set[j]) {
            j++;
        } else {
            uint8_t f = flags ? flags[X->set[i]] : 0;
            sum += w[X->set[i]];
            v.n++;
            v.anchors += (f & (CMP_TERM_NAME | CMP_TERM_FIGURE)) != 0;
            v.rare += (f & (CMP_TERM_NAME | CMP_TERM_COMMON)) == 0;
            i++;
            j++;
        }
    }
    if (o)
        *o = v;
    return sum;
}

/* shared_terms, counting only the terms shared (*count). */
static double
shared_weight(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
              const double *w, size_t *count)
{
    struct overlap o;
    double sum = shared_terms(X, x, Y, y, w, NULL, &o);
    *count = o.n;
    return sum;
}

/* Whether term t is in sentence s of S. */
static bool
has_term(const struct cmp_sentset *S, size_t s, int32_t t)
{
    return bsearch(&t, S->set + S->set_off[s], S->set_off[s + 1] - S->set_off[s], sizeof t,
                   cmp_int32) != NULL;
}

/* Weight of the terms sentence x of X shares with y of Y and that sentence
 * z of X lacks. */
static double
fresh_weight(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
             size_t z, const double *w)
{
    double sum = 0;
    for (size_t k = X->set_off[x]; k < X->set_off[x + 1]; k++) {
        int32_t t = X->set[k];
        if (has_term(Y, y, t) && !has_term(X, z, t))
            sum += w[t];
    }
    return sum;
}

/* Does every run of consecutive shared terms in sentence x of X (its
 * content words in order; stop words do not break a run) belong to a name,
 * and none say what happened? A run holding a name is a mention, titles
 * and all ("editor of the Weekly Standard", "acting director Todd Jones"),
 * unless it holds more than MATCH_TITLE_WORDS other words ("threatened to
 * spill the beans about Cruz's wife"); a run without one says something
 * ("abuse of power", "veto"), and so does a run holding a figure or a
 * date. False when X has no word order. */
static bool
runs_only_name(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
               const uint8_t *flags)
{
    if (!X->seq || !flags)
        return false;
    bool name = false;
    size_t words = 0;
    for (size_t k = X->seq_off[x]; k <= X->seq_off[x + 1]; k++) {
        if (k < X->seq_off[x + 1] && has_term(Y, y, X->seq[k])) {
            uint8_t f = flags[X->seq[k]];
            if (f & (CMP_TERM_FIGURE | CMP_TERM_DATE))
                return false;
            name = name || (f & CMP_TERM_PROPER);
            words += !(f & CMP_TERM_PROPER);
            continue;
        }
        if (words > (name ? MATCH_TITLE_WORDS : 0))
            return false; /* the run just ended says something */
        name = false;
        words = 0;
    }
    return true; /* names only, or only those a pronoun stands for ("He was shot") */
}

/* Do sentences i of A and j of B share only who they speak of (names and
 * titles: "AARP's policy director David Certner", "editor of the Weekly
 * Standard"), no word of what is said about them, while the words they
 * share are less than MATCH_MENTION_COVER of the shorter sentence? Then
 * they are two statements about the same people, not counterparts. */
static bool
mention_only(const struct cmp_sentset *A, size_t i, const struct cmp_sentset *B, size_t j,
             const uint8_t *flags, size_t nshared)
{
    size_t na = A->set_off[i + 1] - A->set_off[i], nb = B->set_off[j + 1] - B->set_off[j];
    if ((double)nshared >= MATCH_MENTION_COVER * (double)DS_MIN(na, nb))
        return false;
    return runs_only_name(A, i, B, j, flags) && runs_only_name(B, j, A, i, flags);
}

/* The longest run of content words that sentence x of X and sentence y of
 * Y both hold in the same order (stop words skipped), counting only the
 * words that are no names (a shared "Senate Foreign Relations Committee"
 * is who is spoken of, not what is said); 0 without word order. */
static size_t
shared_phrase(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
              const uint8_t *flags)
{
    if (!X->seq || !Y->seq || !flags)
        return 0;
    const int32_t *p = X->seq + X->seq_off[x], *q = Y->seq + Y->seq_off[y];
    size_t np = X->seq_off[x + 1] - X->seq_off[x], nq = Y->seq_off[y + 1] - Y->seq_off[y];
    size_t best = 0;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < nq; j++) {
            size_t k = 0, words = 0;
            for (; i + k < np && j + k < nq && p[i + k] == q[j + k]; k++)
                words += !(flags[p[i + k]] & CMP_TERM_PROPER);
            if (words > best)
                best = words;
        }
    return best;
}

/* Is the run of k quoted words at p (of a sentence's quotation sequence
 * from q0 to q1) the whole quotation that the sentence opens with? */
static bool
leading_quote(const int32_t *q0, const int32_t *q1, const int32_t *p, size_t k)
{
    return q0 < q1 && q0[0] == CMP_QUOTE_LEAD && p == q0 + 1 &&
           (p + k == q1 || p[k] == CMP_QUOTE_END);
}

/* How many sentences of S quote the run of k words at run. */
static size_t
quoting_sentences(const struct cmp_sentset *S, const int32_t *run, size_t k)
{
    size_t n = 0;
    for (size_t s = 0; s < S->nsents; s++) {
        const int32_t *p = S->quote + S->quote_off[s], *pe = S->quote + S->quote_off[s + 1];
        for (; p + k <= pe; p++)
            if (memcmp(p, run, k * sizeof *run) == 0) {
                n++;
                break;
            }
    }
    return n;
}

/* Do sentence x of X and sentence y of Y hold the same quotation: a run of
 * quoted words the same in both, with a content word of x among them, of
 * MATCH_QUOTE_WHOLE words that is the whole quotation one of them opens
 * with or of MATCH_QUOTE_PART words with a content word not common in the
 * collection (flags), and quoted by no other sentence of either side
 * (a phrase an article quotes again and again, a magazine's headline or a
 * slogan, is what the story is about, not one statement)? False without
 * quotations. */
static bool
shared_quote(const struct cmp_sentset *X, size_t x, const struct cmp_sentset *Y, size_t y,
             const uint8_t *flags)
{
    if (!X->quote || !Y->quote)
        return false;
    const int32_t *p = X->quote + X->quote_off[x], *pe = X->quote + X->quote_off[x + 1];
    const int32_t *q = Y->quote + Y->quote_off[y], *qe = Y->quote + Y->quote_off[y + 1];
    for (const int32_t *i = p; i + MATCH_QUOTE_WHOLE <= pe; i++)
        for (const int32_t *j = q; j + MATCH_QUOTE_WHOLE <= qe; j++) {
            size_t k = 0, content = 0, rare = 0;
            for (; i + k < pe && j + k < qe && i[k] == j[k] && i[k] >= 0; k++)
                if (has_term(X, x, i[k])) {
                    content++;
                    rare += !flags || !(flags[i[k]] & CMP_TERM_COMMON);
                }
            if (k < MATCH_QUOTE_WHOLE || !content)
                continue;
            if (((k >= MATCH_QUOTE_PART && rare) || leading_quote(p, pe, i, k) ||
                 leading_quote(q, qe, j, k)) &&
                quoting_sentences(X, i, k) == 1 && quoting_sentences(Y, i, k) == 1)
                return true;
        }
    return false;
}

/* Shared terms a pair needs: three, so that a name and one word ("the
 * White House") do not pair two sentences about different things; two
 * short sentences (three terms or fewer each) pair on two, one-word ones
 * on one. */
static size_t
min_shared(size_t na, size_t nb)
{
    size_t shorter = DS_MIN(na, nb);
    if (na <= MATCH_SHORT && nb <= MATCH_SHORT)
        return DS_MIN(shorter, 2u);
    return 3;
}

struct match_ctx {
    const struct cmp_sentset *A, *B;
    const double *w, *norm_a, *norm_b;
    const uint8_t *flags;
    double threshold, weak; /* a strong pair's least score, a weak one's */
    struct cand *cands;
    size_t ncand, cap;
};

/* Keep c among sentence a's best MATCH_MAX_CANDS (cands[first..ncand),
 * sorted). */
static void
keep_cand(struct match_ctx *m, size_t first, struct cand c)
{
    size_t have = m->ncand - first;
    if (have == MATCH_MAX_CANDS && cand_cmp(&c, &m->cands[m->ncand - 1]) >= 0)
        return;
    if (have < MATCH_MAX_CANDS) {
        if (m->ncand == m->cap)
            m->cands = xrealloc(m->cands, (m->cap = m->cap ? m->cap * 2 : 64) * sizeof *m->cands);
        m->ncand++;
    }
    size_t pos = m->ncand - 1;
    while (pos > first && cand_cmp(&c, &m->cands[pos - 1]) < 0) {
        m->cands[pos] = m->cands[pos - 1];
        pos--;
    }
    m->cands[pos] = c;
}

/* Score sentence i of A against the B sentences that share a term with it
 * (found through the inverted index off/post) and keep the candidates. */
static void
score_sentence(struct match_ctx *m, size_t i, const size_t *off, const int32_t *post,
               uint8_t *seen, int32_t *touched)
{
    const struct cmp_sentset *A = m->A, *B = m->B;
    size_t nt = 0, first = m->ncand;
    for (size_t k = A->set_off[i]; k < A->set_off[i + 1]; k++)
        for (size_t p = off[A->set[k]]; p < off[A->set[k] + 1]; p++)
            if (!seen[post[p]]) {
                seen[post[p]] = 1;
                touched[nt++] = post[p];
            }
    size_t na = A->set_off[i + 1] - A->set_off[i];
    double pa = A->nsents > 1 ? (double)i / (double)(A->nsents - 1) : 0;
    for (size_t k = 0; k < nt; k++) {
        int32_t j = touched[k];
        seen[j] = 0;
        size_t nb = B->set_off[j + 1] - B->set_off[j];
        struct overlap o;
        double sh = shared_terms(A, i, B, (size_t)j, m->w, m->flags, &o);
        if (m->norm_a[i] <= 0 || m->norm_b[j] <= 0)
            continue;
        double score = sh / sqrt(m->norm_a[i] * m->norm_b[j]);
        bool enough = o.n >= min_shared(na, nb);
        bool strong = enough && score + 1e-12 >= m->threshold;
        /* A weak pair shares what a strong one must, or a name or a figure
         * and one more term; and one word at least that is neither a name
         * nor common, or a phrase of MATCH_PHRASE_WORDS words (the same thing
         * said, not only the same people). */
        bool weak = score + 1e-12 >= m->weak && (enough || (o.anchors && o.n >= 2)) &&
                    (o.rare || shared_phrase(A, i, B, (size_t)j, m->flags) >= MATCH_PHRASE_WORDS);
        if (!strong && shared_quote(A, i, B, (size_t)j, m->flags))
            strong = true; /* the same quotation: the same thing said */
        else if ((!strong && !weak) || mention_only(A, i, B, (size_t)j, m->flags, o.n))
            continue;
        double pb = B->nsents > 1 ? (double)j / (double)(B->nsents - 1) : 0;
        double prior = MATCH_ORDER_PRIOR * (1 - fabs(pa - pb));
        keep_cand(m, first,
                  (struct cand){(int32_t)i, j, score > 1 ? 1 : score, score + prior, strong});
    }
}

/* Every candidate pair at or above the weak threshold, best first. */
static void
find_candidates(struct match_ctx *m, size_t nterms)
{
    const struct cmp_sentset *B = m->B;
    size_t *off = xcalloc(nterms + 2, sizeof *off);
    size_t nb_set = B->set_off[B->nsents];
    for (size_t i = 0; i < nb_set; i++)
        off[B->set[i] + 1]++;
    for (size_t t = 0; t < nterms; t++)
        off[t + 1] += off[t];
    int32_t *post = xmalloc((nb_set + 1) * sizeof *post);
    size_t *fill = xmalloc((nterms + 1) * sizeof *fill);
    memcpy(fill, off, (nterms + 1) * sizeof *fill);
    for (size_t s = 0; s < B->nsents; s++)
        for (size_t i = B->set_off[s]; i < B->set_off[s + 1]; i++)
            post[fill[B->set[i]]++] = (int32_t)s;
    free(fill);
    uint8_t *seen = xcalloc(B->nsents + 1, 1);
    int32_t *touched = xmalloc((B->nsents + 1) * sizeof *touched);
    for (size_t i = 0; i < m->A->nsents; i++)
        score_sentence(m, i, off, post, seen, touched);
    if (m->ncand > 1)
        qsort(m->cands, m->ncand, sizeof *m->cands, cand_cmp);
    free(seen);
    free(touched);
    free(post);
    free(off);
}

/* Each sentence's best candidate on the other side: of[x] (-1 for none)
 * and its score. */
struct best {
    int32_t *of;
    double *score;
};

/* The best candidate of each sentence of A (side_b false) or of B. */
static struct best
best_candidates(const struct match_ctx *m, bool side_b)
{
    size_t n = side_b ? m->B->nsents : m->A->nsents;
    struct best b = {xmalloc((n + 1) * sizeof *b.of), xcalloc(n + 1, sizeof *b.score)};
    for (size_t i = 0; i < n; i++)
        b.of[i] = -1;
    for (size_t k = 0; k < m->ncand; k++) {
        const struct cand *c = &m->cands[k];
        int32_t x = side_b ? c->b : c->a;
        if (b.of[x] < 0 || c->score > b.score[x]) {
            b.of[x] = side_b ? c->a : c->b;
            b.score[x] = c->score;
        }
    }
    return b;
}

static void
best_free(struct best *b)
{
    free(b->of);
    free(b->score);
}

/* Leftover sentence x of X (unpaired) becomes a part of its neighbour's
 * pair when it adds to what that pair shares (terms of the counterpart the
 * neighbour lacks) and either is mostly contained in the neighbour's
 * counterpart or has it as its own best candidate (a weak pair at least).
 * px: X's pairs; bx: X's best candidates; partx[x] gets the counterpart. */
static void
find_parts(const struct cmp_sentset *X, const struct cmp_sentset *Y, const double *w,
           const double *norm_x, const int32_t *px, const struct best *bx, int32_t *partx)
{
    for (size_t x = 0; x < X->nsents; x++) {
        if (px[x] >= 0 || norm_x[x] <= 0)
            continue;
        for (int d = 0; d < 2 && partx[x] < 0; d++) {
            if ((d == 0 && x == 0) || (d == 1 && x + 1 >= X->nsents))
                continue;
            size_t nb = d == 0 ? x - 1 : x + 1;
            if (px[nb] < 0)
                continue;
            size_t y = (size_t)px[nb], nshared;
            double sh = shared_weight(X, x, Y, y, w, &nshared);
            if (nshared < 2)
                continue;
            double fresh = fresh_weight(X, x, Y, y, nb, w);
            if (sh >= MATCH_PART_CONTAINED * norm_x[x] && fresh >= MATCH_PART_NEW * norm_x[x])
                partx[x] = (int32_t)y;
            else if (bx->of[x] == (int32_t)y && fresh >= MATCH_PART_CONTAINED * sh)
                partx[x] = (int32_t)y;
        }
    }
}

/* Unpaired sentence x of X against two unpaired neighbours y, y+1 of Y
 * together (one sentence told as two, neither half enough alone): when
 * the pair of halves scores the threshold and each half shares something
 * more than a mention of the same people (mention_only),
 * x pairs with the half that shares more and the other becomes its part.
 * Skipped on texts so long that it would cost more than alignment. */
static void
find_joint_pairs(const struct cmp_sentset *X, const struct cmp_sentset *Y, const double *w,
                 const uint8_t *flags, const double *norm_x, const double *norm_y, int32_t *px,
                 int32_t *py, double *score_x, const int32_t *part_x, int32_t *part_y,
                 double threshold)
{
    if (X->nsents * Y->nsents > MATCH_JOINT_MAX || Y->nsents < 2)
        return;
    for (size_t x = 0; x < X->nsents; x++) {
        if (px[x] >= 0 || part_x[x] >= 0 || norm_x[x] <= 0)
            continue; /* paired, or already the half of a joint pair */
        double best = 0;
        size_t best_y = 0;
        for (size_t y = 0; y + 1 < Y->nsents; y++) {
            if (py[y] >= 0 || py[y + 1] >= 0 || part_y[y] >= 0 || part_y[y + 1] >= 0)
                continue;
            size_t n1, n2;
            double s1 = shared_weight(X, x, Y, y, w, &n1);
            double s2 = shared_weight(X, x, Y, y + 1, w, &n2);
            if (n1 == 0 || n2 == 0 || n1 + n2 < 3 || mention_only(X, x, Y, y, flags, n1) ||
                mention_only(X, x, Y, y + 1, flags, n2))
                continue; /* a half that only names the same people says nothing of x */
            double score = (s1 + s2) / sqrt(norm_x[x] * (norm_y[y] + norm_y[y + 1]));
            if (score + 1e-12 >= threshold && score > best) {
                best = score;
                best_y = s1 >= s2 ? y : y + 1;
            }
        }
        if (best <= 0)
            continue;
        size_t other = best_y > 0 && py[best_y - 1] < 0 && part_y[best_y - 1] < 0 &&
                               !(best_y + 1 < Y->nsents && py[best_y + 1] < 0 &&
                                 part_y[best_y + 1] < 0)
                           ? best_y - 1
                           : best_y + 1;
        px[x] = (int32_t)best_y;
        py[best_y] = (int32_t)x;
        score_x[x] = best > 1 ? 1 : best;
        part_y[other] = (int32_t)x;
    }
}

/* Pairs at or above the threshold, best first, one to one. */
static void
accept_strong(const struct match_ctx *m, struct cmp_matching *out)
{
    for (size_t k = 0; k < m->ncand; k++) {
        const struct cand *c = &m->cands[k];
        if (!c->strong || out->pa[c->a] >= 0 || out->pb[c->b] >= 0)
            continue;
        out->pa[c->a] = c->b;
        out->pb[c->b] = c->a;
        out->score_a[c->a] = c->score;
    }
}

/* Weak pairs between sentences still unpaired, each the other's best
 * candidate (ba: A's best, bb: B's). */
static void
accept_weak(const struct match_ctx *m, const struct best *ba, const struct best *bb,
            struct cmp_matching *out)
{
    for (size_t k = 0; k < m->ncand; k++) {
        const struct cand *c = &m->cands[k];
        if (out->pa[c->a] >= 0 || out->pb[c->b] >= 0 || out->part_a[c->a] >= 0 ||
            out->part_b[c->b] >= 0 || ba->of[c->a] != c->b || bb->of[c->b] != c->a)
            continue;
        out->pa[c->a] = c->b;
        out->pb[c->b] = c->a;
        out->score_a[c->a] = c->score;
    }
}

/* Each sentence x of X neither paired nor a part: its best-scoring
 * sentence of Y at least `least`, sharing two terms or more and not only
 * who they speak of (mention_only), into nearx[x] and near_score[x] (-1
 * and 0 for none). Skipped on texts as long as find_joint_pairs skips. */
static void
find_near(const struct cmp_sentset *X, const struct cmp_sentset *Y, const double *w,
          const uint8_t *flags, const double *norm_x, const double *norm_y, const int32_t *px,
          const int32_t *part_x, double least, int32_t *nearx, double *near_score)
{
    for (size_t x = 0; x < X->nsents; x++) {
        nearx[x] = -1;
        near_score[x] = 0;
    }
    if (X->nsents * Y->nsents > MATCH_JOINT_MAX)
        return;
    for (size_t x = 0; x < X->nsents; x++) {
        if (px[x] >= 0 || part_x[x] >= 0 || norm_x[x] <= 0)
            continue;
        for (size_t y = 0; y < Y->nsents; y++) {
            size_t n;
            if (norm_y[y] <= 0)
                continue;
            double score = shared_weight(X, x, Y, y, w, &n) / sqrt(norm_x[x] * norm_y[y]);
            if (n < 2 || score + 1e-12 < least || score <= near_score[x] ||
                mention_only(X, x, Y, y, flags, n))
                continue;
            nearx[x] = (int32_t)y;
            near_score[x] = score > 1 ? 1 : score;
        }
    }
}

/* One sentence told as two halves on the other side, neither enough alone. */
static void
accept_joint(const struct match_ctx *m, struct cmp_matching *out)
{
    const struct cmp_sentset *A = m->A, *B = m->B;
    find_joint_pairs(A, B, m->w, m->flags, m->norm_a, m->norm_b, out->pa, out->pb, out->score_a,
                     out->part_a, out->part_b, m->threshold);
    double *score_b = xcalloc(B->nsents + 1, sizeof *score_b);
    find_joint_pairs(B, A, m->w, m->flags, m->norm_b, m->norm_a, out->pb, out->pa, score_b,
                     out->part_b, out->part_a, m->threshold);
    for (size_t j = 0; j < B->nsents; j++)
        if (score_b[j] > 0)
            out->score_a[out->pb[j]] = score_b[j];
    free(score_b);
}

void
cmp_match(const struct cmp_sentset *A, const struct cmp_sentset *B, const uint8_t *flags,
          const double *scale, size_t nterms, double threshold, struct cmp_matching *out)
{
    out->pa = xmalloc((A->nsents + 1) * sizeof *out->pa);
    out->pb = xmalloc((B->nsents + 1) * sizeof *out->pb);
    out->part_a = xmalloc((A->nsents + 1) * sizeof *out->part_a);
    out->part_b = xmalloc((B->nsents + 1) * sizeof *out->part_b);
    out->score_a = xcalloc(A->nsents + 1, sizeof *out->score_a);
    out->near_a = xmalloc((A->nsents + 1) * sizeof *out->near_a);
    out->near_b = xmalloc((B->nsents + 1) * sizeof *out->near_b);
    out->near_score_a = xcalloc(A->nsents + 1, sizeof *out->near_score_a);
    out->near_score_b = xcalloc(B->nsents + 1, sizeof *out->near_score_b);
    for (size_t i = 0; i < A->nsents; i++)
        out->pa[i] = out->part_a[i] = -1;
    for (size_t j = 0; j < B->nsents; j++)
        out->pb[j] = out->part_b[j] = -1;
    double *w = term_weights(A, B, flags, scale, nterms);
    double *norm_a = sentence_norms(A, w), *norm_b = sentence_norms(B, w);
    struct match_ctx m = {A,         B, w, norm_a, norm_b, flags, threshold,
                          threshold * CMP_ALIGN_WEAK, NULL, 0, 0};
    find_candidates(&m, nterms);
    struct best ba = best_candidates(&m, false), bb = best_candidates(&m, true);
    accept_strong(&m, out);
    accept_joint(&m, out);
    accept_weak(&m, &ba, &bb, out);
    find_parts(A, B, w, norm_a, out->pa, &ba, out->part_a);
    find_parts(B, A, w, norm_b, out->pb, &bb, out->part_b);
    /* A weak match needs no evidence rare in the collection: it is scored
     * without the collection's scale, so that a pair standing on common
     * words becomes a weak match, not "only in". */
    double *w0 = scale ? term_weights(A, B, flags, NULL, nterms) : w;
    double *n0a = w0 != w ? sentence_norms(A, w0) : norm_a;
    double *n0b = w0 != w ? sentence_norms(B, w0) : norm_b;
    find_near(A, B, w0, flags, n0a, n0b, out->pa, out->part_a, threshold * CMP_ALIGN_NEAR,
              out->near_a, out->near_score_a);
    find_near(B, A, w0, flags, n0b, n0a, out->pb, out->part_b, threshold * CMP_ALIGN_NEAR,
              out->near_b, out->near_score_b);
    if (w0 != w) {
        free(n0a);
        free(n0b);
        free(w0);
    }
    best_free(&ba);
    best_free(&bb);
    free(m.cands);
    free(norm_a);
    free(norm_b);
    free(w);
}

void
cmp_matching_clear(struct cmp_matching *m)
{
    free(m->pa);
    free(m->pb);
    free(m->part_a);
    free(m->part_b);
    free(m->score_a);
    free(m->near_a);
    free(m->near_b);
    free(m->near_score_a);
    free(m->near_score_b);
    memset(m, 0, sizeof *m);
}
