/*
 * compare/evidence.c — what besides their words says two articles tell one
 * story: the entities and figures they share and the days between them;
 * the calibrated score that combines these with the text cosine; and the
 * one-line explanation of a result (similar_explain).
 *
 * The score is a logistic model, P(same story) = 1 / (1 + e^-z) with
 *   z = b + w_cos * cosine + w_lead * cosine of title and lead
 *         + w_ent * Dice(entities) + w_day * ln(1 + min(days apart, 30))
 * fitted by bench/similar_fit.py on labelled pairs: the candidates
 * similar_find gives for basil-dev's articles over basil-dev + BBC, same
 * event or not, with basil-dev's 53 events moved within 14 days of each
 * other (bench/basil_era.py): the other events' tellings, on the same
 * people and topics and in the same days, are the distractors, as in a
 * dense collection of one period (with the events' real dates, months
 * apart, the date alone would separate them). Fitted on half the events,
 * it holds on the other half (reliability table in
 * bench/results/2026-12-06-similar-era.md). Because it estimates a
 * probability, a score means the same for every query, and
 * SIMILAR_SAME_STORY (0.5) is where "probably the same story" starts. An
 * article without a date counts as SIM_UNDATED_DAYS apart: no evidence
 * either way. Shared figures fitted a weight below zero (tellings of one
 * event rarely state one amount in one unit, and amounts recur across
 * events): they are shown, not scored.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "lib.h"

/* fitted on the even-ranked basil-dev events within 14 days of each other
 * (bench_similar.sh --era 14, similar_fit.py, L2 0.1) */
#define SIM_B (-5.06)
#define SIM_W_COS 12.14
#define SIM_W_LEAD 11.41
#define SIM_W_ENT 1.60
#define SIM_W_DAY (-2.27)
#define SIM_UNDATED_DAYS 3.0
#define SIM_DAYS_CAP 30.0 /* a month or a year apart: the same evidence */
#define SIM_FIG_TOLERANCE 0.005 /* values within 0.5% are the same figure */

void
sim_facts_clear(struct sim_facts *f)
{
    extraction_clear(&f->x);
    f->dated = false;
    f->day = 0;
}

int
sim_facts_load(struct store *s, int64_t doc_id, struct sim_facts *f, struct ds_error *err)
{
    memset(f, 0, sizeof *f);
    if (store_get_extraction(s, doc_id, &f->x, err) != 0)
        return -1;
    int got = store_doc_day(s, doc_id, &f->day, err);
    if (got < 0)
        return -1;
    f->dated = got == 0;
    return 0;
}

static bool
same_entity(const struct entity *a, const struct entity *b)
{
    return a->kind == b->kind && strcmp(a->name, b->name) == 0;
}

/* Is e among x's entities? */
static bool
has_entity(const struct extraction *x, const struct entity *e)
{
    for (size_t i = 0; i < x->nentities; i++)
        if (same_entity(&x->entities[i], e))
            return true;
    return false;
}

/* Do a and b state the same amount? Both need a unit (a bare count is too
 * common to be evidence) and values within SIM_FIG_TOLERANCE. */
static bool
same_figure(const struct figure *a, const struct figure *b)
{
    if (!a->unit || !b->unit || strcmp(a->unit, b->unit) != 0 || a->value == 0)
        return false;
    double m = DS_MAX(fabs(a->value), fabs(b->value));
    return fabs(a->value - b->value) <= SIM_FIG_TOLERANCE * m;
}

/* Distinct figures of q (by value and unit) that c states too. */
static int
shared_figures(const struct extraction *q, const struct extraction *c)
{
    int n = 0;
    for (size_t i = 0; i < q->nfigures; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = same_figure(&q->figures[k], &q->figures[i]);
        for (size_t j = 0; !seen && j < c->nfigures; j++) {
            if (same_figure(&q->figures[i], &c->figures[j])) {
                n++;
                break;
            }
        }
    }
    return n;
}

void
sim_evidence(const struct sim_facts *q, const struct sim_facts *c, struct similar_doc *d)
{
    int shared = 0;
    for (size_t i = 0; i < q->x.nentities; i++)
        shared += has_entity(&c->x, &q->x.entities[i]);
    size_t both = q->x.nentities + c->x.nentities;
    d->shared_entities = shared;
    d->entities = both ? 2.0 * shared / (double)both : 0;
    d->shared_figures = shared_figures(&q->x, &c->x);
    d->dated = q->dated && c->dated;
    d->days = d->dated ? (int)llabs(q->day - c->day) : 0;
}

double
sim_calibrated(const struct similar_doc *d)
{
    double days = d->dated ? DS_MIN((double)d->days, SIM_DAYS_CAP) : SIM_UNDATED_DAYS;
    double z = SIM_B + SIM_W_COS * d->cosine + SIM_W_LEAD * d->lead_cosine +
               SIM_W_ENT * d->entities + SIM_W_DAY * log1p(days);
    return 1.0 / (1.0 + exp(-z));
}

/* ---- the explanation ------------------------------------------------------------ */

struct ent_pick {
    const struct entity *e;
    size_t mentions;
};

static int
ent_pick_cmp(const void *p, const void *q)
{
    const struct ent_pick *a = p, *b = q;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->e->name, b->e->name);
}

/* The shared entities, most mentioned (in q) first: three names and "+N". */
static void
explain_entities(const struct extraction *q, const struct extraction *c, struct buf *out)
{
    struct ent_pick *p = xmalloc((q->nentities + 1) * sizeof *p);
    size_t n = 0;
    for (size_t i = 0; i < q->nentities; i++)
        if (has_entity(c, &q->entities[i]))
            p[n++] = (struct ent_pick){&q->entities[i], q->entities[i].nspans};
    qsort(p, n, sizeof *p, ent_pick_cmp);
    if (!n)
        buf_puts(out, "no shared entities");
    for (size_t i = 0; i < n && i < 3; i++)
        buf_printf(out, "%s%s", i ? ", " : "", p[i].e->name);
    if (n > 3)
        buf_printf(out, " +%zu", n - 3);
    free(p);
}

int
similar_explain(struct store *s, int64_t doc_id, const struct similar_doc *d, struct buf *out,
                struct ds_error *err)
{
    struct sim_facts q, c;
    if (sim_facts_load(s, doc_id, &q, err) != 0)
        return -1;
    if (sim_facts_load(s, d->id, &c, err) != 0) {
        sim_facts_clear(&q);
        return -1;
    }
    explain_entities(&q.x, &c.x, out);
    int figs = shared_figures(&q.x, &c.x);
    if (figs)
        buf_printf(out, " · %d figure%s", figs, figs == 1 ? "" : "s");
    if (q.dated && c.dated) {
        long days = (long)llabs(q.day - c.day);
        if (days == 0)
            buf_puts(out, " · same day");
        else
            buf_printf(out, " · %ld day%s apart", days, days == 1 ? "" : "s");
    }
    sim_facts_clear(&q);
    sim_facts_clear(&c);
    return 0;
}
