/*
 * compare/summary.c — the summary that pairs two articles' extractions:
 * entities in both or one, figures in both, one, or disagreeing, topics and
 * distinctive terms. See compare.h for the contracts.
 */
#include "config.h"

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

/* Topics of each side, merged by slug, best first. */
static void
summarize_topics(const struct extraction *xa, const struct extraction *xb, struct cmp_summary *out)
{
    out->topics = xmalloc((xa->ntopics + xb->ntopics + 1) * sizeof *out->topics);
    for (size_t i = 0; i < xa->ntopics; i++)
        out->topics[out->ntopics++] =
            (struct cmp_topic_row){xa->topics[i].slug, xa->topics[i].score, 0};
    for (size_t j = 0; j < xb->ntopics; j++) {
        size_t k;
        for (k = 0; k < out->ntopics; k++)
            if (cmp_str_eq(out->topics[k].slug, xb->topics[j].slug))
                break;
        if (k < out->ntopics)
            out->topics[k].score_b = xb->topics[j].score;
        else
            out->topics[out->ntopics++] =
                (struct cmp_topic_row){xb->topics[j].slug, 0, xb->topics[j].score};
    }
    qsort(out->topics, out->ntopics, sizeof *out->topics, topic_row_cmp);
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
    out->figures = xmalloc((xa->nfigures + xb->nfigures + 1) * sizeof *out->figures);
    out->nfigures = cmp_pair_figures(r, xa, xb, out->figures, &out->nconflicts);
    qsort(out->figures, out->nfigures, sizeof *out->figures, figure_row_cmp);
    summarize_topics(xa, xb, out);
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
