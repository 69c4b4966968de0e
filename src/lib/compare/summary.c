/*
 * compare/summary.c — the summary that pairs two articles' extractions:
 * entities in both or one, figures in both, one, or disagreeing, topics and
 * distinctive terms. See compare.h for the contracts.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/sentences.h"
#include "dossier/text.h"
#include "lib.h"

/* ---- the summary ------------------------------------------------------------------ */

const char *
compare_side_name(enum cmp_side s)
{
    switch (s) {
    case CMP_SIDE_BOTH:
        return "both";
    case CMP_SIDE_A:
        return "only-a";
    case CMP_SIDE_B:
        return "only-b";
    case CMP_SIDE_CONFLICT:
        return "conflict";
    }
    return "?";
}

static bool
str_eq(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}

/* Index of the sentence holding byte pos, or -1. */
static int32_t
sentence_at(const struct span *s, size_t n, uint32_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && s[lo].start <= pos ? (int32_t)lo : -1;
}

/* Word-set Jaccard of two subjects (ASCII-folded words of 3+ letters). */
static double
subject_similarity(const char *x, const char *y)
{
    if (!x || !y)
        return 0;
    struct cmp_counts *cx = cmp_counts_new(), *cy = cmp_counts_new();
    cmp_counts_add_text(cx, x, strlen(x), NULL);
    cmp_counts_add_text(cy, y, strlen(y), NULL);
    size_t inter = 0;
    for (size_t i = 0; i < cx->len; i++)
        if (cmp_counts_lookup(cy, cx->e[i].term) >= 0)
            inter++;
    size_t uni = cx->len + cy->len - inter;
    double j = uni ? (double)inter / (double)uni : 0;
    cmp_counts_free(&cx);
    cmp_counts_free(&cy);
    return j;
}

static bool
values_equal(double x, double y)
{
    double m = DS_MAX(fabs(x), fabs(y));
    return fabs(x - y) <= 0.005 * m;
}

/* Values that could be two reports of one measure: same sign, within a
 * factor of 10 (15% against 0.2% is two different things). */
static bool
values_comparable(double x, double y)
{
    if (x == 0 || y == 0)
        return x == y;
    if ((x < 0) != (y < 0))
        return false;
    double ax = fabs(x), ay = fabs(y);
    return DS_MAX(ax, ay) <= 10 * DS_MIN(ax, ay);
}

/* Figures of x in sentence sent (an index into sents) with f's unit and kind. */
static size_t
same_measure_count(const struct extraction *x, const struct figure *f, const struct span *sents,
                   size_t nsents, int32_t sent)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *g = &x->figures[i];
        if (g->kind == f->kind && str_eq(g->unit, f->unit) &&
            sentence_at(sents, nsents, g->span.start) == sent)
            n++;
    }
    return n;
}

static int
entity_row_rank(const struct cmp_entity_row *r)
{
    return (int)r->side;
}

static size_t
entity_row_mentions(const struct cmp_entity_row *r)
{
    return (r->a ? r->a->nspans : 0) + (r->b ? r->b->nspans : 0);
}

static int
entity_row_cmp(const void *p, const void *q)
{
    const struct cmp_entity_row *x = p, *y = q;
    if (entity_row_rank(x) != entity_row_rank(y))
        return entity_row_rank(x) - entity_row_rank(y);
    size_t mx = entity_row_mentions(x), my = entity_row_mentions(y);
    if (mx != my)
        return mx > my ? -1 : 1;
    const struct entity *ex = x->a ? x->a : x->b, *ey = y->a ? y->a : y->b;
    return strcmp(ex->name, ey->name);
}

static int
figure_row_rank(enum cmp_side s)
{
    return s == CMP_SIDE_CONFLICT ? 0 : (int)s + 1;
}

static int
figure_row_cmp(const void *p, const void *q)
{
    const struct cmp_figure_row *x = p, *y = q;
    if (x->side != y->side)
        return figure_row_rank(x->side) - figure_row_rank(y->side);
    uint32_t px = x->a ? x->a->span.start : x->b->span.start;
    uint32_t py = y->a ? y->a->span.start : y->b->span.start;
    return (px > py) - (px < py);
}

static int
topic_row_cmp(const void *p, const void *q)
{
    const struct cmp_topic_row *x = p, *y = q;
    double mx = DS_MAX(x->score_a, x->score_b), my = DS_MAX(y->score_a, y->score_b);
    if (mx != my)
        return mx > my ? -1 : 1;
    return strcmp(x->slug, y->slug);
}

void
compare_summarize(const struct cmp_result *r, const struct extraction *xa,
                  const struct extraction *xb, struct cmp_summary *out)
{
    memset(out, 0, sizeof *out);
    static const struct extraction empty;
    if (!xa)
        xa = &empty;
    if (!xb)
        xb = &empty;

    out->entities = xmalloc((xa->nentities + xb->nentities + 1) * sizeof *out->entities);
    out->nentities = cmp_link_entities(xa, xb, r, out->entities);
    qsort(out->entities, out->nentities, sizeof *out->entities, entity_row_cmp);

    /* Figures: equal values first, then conflicts among what is left. */
    size_t nfa = xa->nfigures, nfb = xb->nfigures;
    bool *ua = xcalloc(nfa + 1, sizeof *ua), *ub = xcalloc(nfb + 1, sizeof *ub);
    out->figures = xmalloc((nfa + nfb + 1) * sizeof *out->figures);
    for (size_t i = 0; i < nfa; i++) {
        const struct figure *fa = &xa->figures[i];
        for (size_t j = 0; j < nfb; j++) {
            const struct figure *fb = &xb->figures[j];
            if (!ub[j] && str_eq(fa->unit, fb->unit) && values_equal(fa->value, fb->value)) {
                ua[i] = ub[j] = true;
                out->figures[out->nfigures++] =
                    (struct cmp_figure_row){CMP_SIDE_BOTH, fa, fb};
                break;
            }
        }
    }
    /* Which B sentence each A sentence is paired with. */
    size_t nsa = r ? r->nsent_a : 0;
    int32_t *pair = xmalloc((nsa + 1) * sizeof *pair);
    for (size_t i = 0; i < nsa; i++)
        pair[i] = -1;
    for (size_t k = 0; r && k < r->nrows; k++)
        if (r->rows[k].a >= 0 && r->rows[k].b >= 0)
            pair[r->rows[k].a] = r->rows[k].b;
    for (size_t i = 0; i < nfa; i++) {
        if (ua[i])
            continue;
        const struct figure *fa = &xa->figures[i];
        int32_t sa = r ? sentence_at(r->sent_a, r->nsent_a, fa->span.start) : -1;
        for (size_t j = 0; j < nfb; j++) {
            const struct figure *fb = &xb->figures[j];
            if (ub[j] || !str_eq(fa->unit, fb->unit) || fa->kind != fb->kind)
                continue;
            if (!values_comparable(fa->value, fb->value))
                continue;
            int32_t sb = r ? sentence_at(r->sent_b, r->nsent_b, fb->span.start) : -1;
            bool aligned = sa >= 0 && sb >= 0 && pair[sa] == sb;
            double subj = subject_similarity(fa->subject, fb->subject);
            /* Aligned sentences holding several figures of this unit: the
             * subjects must agree a little too. */
            bool alone = aligned && same_measure_count(xa, fa, r->sent_a, r->nsent_a, sa) == 1 &&
                         same_measure_count(xb, fb, r->sent_b, r->nsent_b, sb) == 1;
            if ((aligned && (alone || subj >= 0.3)) || subj >= 0.5) {
                ua[i] = ub[j] = true;
                out->figures[out->nfigures++] =
                    (struct cmp_figure_row){CMP_SIDE_CONFLICT, fa, fb};
                out->nconflicts++;
                break;
            }
        }
    }
    free(pair);
    for (size_t i = 0; i < nfa; i++)
        if (!ua[i])
            out->figures[out->nfigures++] =
                (struct cmp_figure_row){CMP_SIDE_A, &xa->figures[i], NULL};
    for (size_t j = 0; j < nfb; j++)
        if (!ub[j])
            out->figures[out->nfigures++] =
                (struct cmp_figure_row){CMP_SIDE_B, NULL, &xb->figures[j]};
    qsort(out->figures, out->nfigures, sizeof *out->figures, figure_row_cmp);
    free(ua);
    free(ub);

    /* Topics of each side, merged by slug. */
    out->topics = xmalloc((xa->ntopics + xb->ntopics + 1) * sizeof *out->topics);
    for (size_t i = 0; i < xa->ntopics; i++)
        out->topics[out->ntopics++] =
            (struct cmp_topic_row){xa->topics[i].slug, xa->topics[i].score, 0};
    for (size_t j = 0; j < xb->ntopics; j++) {
        size_t k;
        for (k = 0; k < out->ntopics; k++)
            if (str_eq(out->topics[k].slug, xb->topics[j].slug))
                break;
        if (k < out->ntopics)
            out->topics[k].score_b = xb->topics[j].score;
        else
            out->topics[out->ntopics++] =
                (struct cmp_topic_row){xb->topics[j].slug, 0, xb->topics[j].score};
    }
    qsort(out->topics, out->ntopics, sizeof *out->topics, topic_row_cmp);

    if (r)
        out->nterms = compare_keyness(r->counts_a, r->counts_b, 3.84, 12, &out->terms);
}

void
cmp_summary_clear(struct cmp_summary *s)
{
    free(s->entities);
    free(s->figures);
    free(s->topics);
    cmp_terms_free(s->terms, s->nterms);
    memset(s, 0, sizeof *s);
}
