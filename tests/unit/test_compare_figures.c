/*
 * test_compare_figures.c — "figures that disagree" end to end: pairs of
 * short articles of our own, each telling one invented event twice, run
 * through the real extractor and compare_summarize. Each pair has one
 * planted disagreement (the same quantity told with two values), figures
 * both sides agree on, and figures of other quantities near the same
 * words (an offer and a demand; a budget and a loss), which must not be
 * flagged; nor two sums a person named as the subject of both asks and
 * refuses. Reports recall (planted disagreements flagged: of those whose two
 * figures the extractor finds, and of all) and precision (flags that are
 * planted) over all pairs, and asserts both of the comparison's part.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/compare.h"
#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "tap.h"

struct planted {
    const char *a, *b;
    const char *fig_a, *fig_b; /* the planted disagreement, as written; NULL: none */
};

/* Our own invented events. */
static const struct planted pairs[] = {
    {"Title: Fire in Marlow\n\n"
     "A fire destroyed 120 homes in the hill town of Marlow on Tuesday, officials said.\n"
     "The blaze burned across 4,000 acres before crews contained it on Wednesday.\n"
     "Mayor Ines Brandt said the town would ask the state for $2 million in aid.\n",
     "Title: Marlow fire\n\n"
     "Fire officials said 150 homes were destroyed in Marlow on Tuesday.\n"
     "Crews contained the fire after it burned 4,000 acres.\n"
     "Brandt said the town had already spent $300,000 on the response.\n",
     "120 homes", "150 homes"},
    {"Title: Port strike ends\n\n"
     "Dock workers at the port of Vell ended a strike on Friday after the operator raised its "
     "wage offer to 6 percent.\n"
     "The union had demanded 9 percent over two years.\n"
     "The strike lasted 11 days and left 40 ships waiting offshore.\n",
     "Title: Vell dock strike over\n\n"
     "The strike at the port of Vell ended on Friday after 14 days.\n"
     "The operator raised its wage offer to 6 percent; the union had asked for 9 percent.\n"
     "About 40 ships had been waiting to unload.\n",
     "11 days", "14 days"},
    {"Title: Rail budget\n\n"
     "The regional council approved a rail budget of $450 million on Monday.\n"
     "The vote was 31 to 12.\n"
     "The line lost $38 million last year, the council's report said.\n",
     "Title: Council backs rail spending\n\n"
     "The council voted 31 to 12 on Monday to approve $450 million for the rail network.\n"
     "According to the report, the line lost $52 million last year.\n",
     "$38 million", "$52 million"},
    {"Title: Bridge closed\n\n"
     "The Oster bridge will stay closed for 6 weeks while engineers repair a cracked beam.\n"
     "About 25,000 cars cross the bridge each day.\n"
     "Repairs will cost $3.1 million, the transport office said.\n",
     "Title: Oster bridge repairs\n\n"
     "Engineers found a cracked beam and the Oster bridge will close for 6 weeks.\n"
     "Some 25,000 vehicles use the bridge daily.\n"
     "The transport office put the cost of repairs at $4.5 million.\n",
     "$3.1 million", "$4.5 million"},
    {"Title: Flu season\n\n"
     "Hospitals in the province admitted 2,300 patients with flu in January, health officials "
     "said.\n"
     "The province bought 800,000 vaccine doses in the autumn.\n",
     "Title: Flu admissions rise\n\n"
     "Health officials said 3,100 patients with flu were admitted to hospitals in the province "
     "in January.\n"
     "In the autumn the province bought 800,000 doses of vaccine.\n",
     "2,300 patients", "3,100 patients"},
    {"Title: Ferry accident\n\n"
     "A ferry ran aground off the island of Skarn on Sunday with 212 passengers on board.\n"
     "Nine people were taken to hospital.\n"
     "The ferry company said the ship was 30 years old.\n",
     "Title: Skarn ferry runs aground\n\n"
     "The ferry, carrying 212 passengers, struck rocks near Skarn on Sunday.\n"
     "Four people were taken to hospital with minor injuries.\n",
     "Nine people", "Four people"},
    {"Title: Wage talks\n\n"
     "The governor offered teachers a raise of $2,000 a year on Thursday.\n"
     "The teachers' union demanded $5,000 and said it would strike on Monday.\n",
     "Title: Teachers reject offer\n\n"
     "Teachers rejected the governor's offer of $2,000 a year and asked for $5,000.\n"
     "The union said 12,000 members would strike on Monday.\n",
     NULL, NULL},
    {"Title: Dam money\n\n"
     "Governor Ada Hale has said that $800 million for the new dam is not negotiable, while "
     "her opponents want the money spent on roads.\n"
     "The dam would hold water for 90,000 farms.\n",
     "Title: Hale and the dam\n\n"
     "The dam would supply 90,000 farms in the valley.\n"
     "Before the vote, Ms. Hale publicly turned down a plan that her deputy floated last "
     "month, saying $500 million in dam spending was too little.\n",
     NULL, NULL},
};

/* Does figure f of a side's extraction start with text t in body? */
static bool
is_fig(const char *body, const struct figure *f, const char *t)
{
    return f && t && strncmp(body + f->span.start, t, strlen(t)) == 0;
}

static bool
load(struct extractor *ex, const char *name, const char *text, struct article *a,
     struct extraction *x)
{
    struct ingest_ctx ctx = {NULL, NULL, 0};
    struct ds_error err;
    memset(a, 0, sizeof *a);
    if (ingest_article(&ctx, name, text, strlen(text), a, &err) != 0)
        return false;
    extractor_run(ex, a, x);
    return true;
}

/* Does x hold a figure starting with text t in body? */
static bool
extracted(const char *body, const struct extraction *x, const char *t)
{
    for (size_t i = 0; t && i < x->nfigures; i++)
        if (is_fig(body, &x->figures[i], t))
            return true;
    return false;
}

/* Compare one pair; add its planted disagreements flagged to *hit, those
 * whose figures the extractor found to *found_both, its flags to *flags and
 * the flags that are the planted one to *right. */
static void
run_pair(struct extractor *ex, const struct planted *p, size_t *hit, size_t *found_both,
         size_t *flags, size_t *right)
{
    struct article aa, ab;
    struct extraction xa = {0}, xb = {0};
    if (!load(ex, "a.txt", p->a, &aa, &xa) || !load(ex, "b.txt", p->b, &ab, &xb)) {
        ok(0, "ingest a planted pair");
        return;
    }
    struct cmp_result r;
    struct ds_error err;
    if (compare_texts(aa.body, strlen(aa.body), ab.body, strlen(ab.body), NULL, &r, &err) == 0) {
        struct cmp_summary s;
        compare_summarize(&r, &xa, &xb, &s);
        bool found = false;
        for (size_t i = 0; i < s.nfigures; i++) {
            const struct cmp_figure_row *f = &s.figures[i];
            if (f->side != CMP_SIDE_CONFLICT)
                continue;
            bool planted = is_fig(aa.body, f->a, p->fig_a) && is_fig(ab.body, f->b, p->fig_b);
            (*flags)++;
            *right += planted;
            found = found || planted;
            if (!planted)
                diag("false flag: %s / %s", f->a->text, f->b->text);
        }
        bool both = extracted(aa.body, &xa, p->fig_a) && extracted(ab.body, &xb, p->fig_b);
        *found_both += both;
        if (p->fig_a && !found)
            diag("missed: %s / %s%s", p->fig_a, p->fig_b, both ? "" : " (not both extracted)");
        *hit += found;
        cmp_summary_clear(&s);
        cmp_result_clear(&r);
    }
    extraction_clear(&xa);
    extraction_clear(&xb);
    article_clear(&aa);
    article_clear(&ab);
}

int
main(void)
{
    char *assets = xasprintf("%s/assets", DOSSIER_SRCDIR);
    struct extractor *ex = NULL;
    struct ds_error err;
    if (extractor_open(assets, NULL, &ex, &err) != 0) {
        ok(0, "open the extractor: %s", err.msg);
        free(assets);
        return done_testing();
    }
    size_t planted = 0, hit = 0, found_both = 0, flags = 0, right = 0;
    for (size_t i = 0; i < DS_ARRAY_LEN(pairs); i++) {
        planted += pairs[i].fig_a != NULL;
        run_pair(ex, &pairs[i], &hit, &found_both, &flags, &right);
    }
    diag("planted disagreements flagged: %zu of %zu (%zu with both figures extracted); flags "
         "right: %zu of %zu", hit, planted, found_both, right, flags);
    ok(flags > 0 && right * 10 >= flags * 9, "precision of flags >= 0.9 (%zu of %zu)", right,
       flags);
    ok(found_both > 0 && hit * 10 >= found_both * 9,
       "recall of planted disagreements whose figures are extracted >= 0.9 (%zu of %zu)", hit,
       found_both);
    extractor_free(&ex);
    free(assets);
    return done_testing();
}
