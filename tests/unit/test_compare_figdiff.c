/*
 * test_compare_figdiff.c — "figures that disagree" measured both ways on
 * tests/fixtures/figdiff/pairs.txt: pairs of tellings of one invented event
 * (our own words), run through the real extractor, compare_texts and
 * compare_summarize. Pairs of the category "disagree" each carry the
 * disagreement(s) that must be flagged (a death toll, a price, a vote
 * count ...); the other categories must give no flag: different quantities
 * with similar subjects ("quantity"), one figure at two precisions
 * ("rounding"), a figure and its change ("change"), one measure over
 * different periods ("period"). Reports recall (wanted flags given, of all
 * and of those whose two figures the extractor finds), precision (flags
 * that are wanted) and the pairs of each other category flagged, and
 * asserts floors on each: a rule that never fires fails the recall, a rule
 * that flags any two figures of one unit fails the precision and the
 * categories. tests/fixtures/figdiff/heldout.txt, a second set written after
 * the rule was fitted on pairs.txt, is scored and asserted apart.
 * FIGDIFF_VERBOSE=1 prints every flag and miss.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/article.h"
#include "dossier/compare.h"
#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "tap.h"

/* Floors (bench/results/2026-12-08-issue17c.md). First run, on 966d886's
 * rule: recall 9 of 14 (64%), precision 9 of 18 (50%), 9 of 23 no-flag pairs
 * flagged. Tuned (figure_roles.c and the subject rules of figures.c, fitted
 * on these pairs): recall 13 of 14 (the 14th, "12 years", is not extracted),
 * precision 13 of 14, 1 of 23 flagged (148 passengers on board / 96 who
 * missed connections: the same flight, another count). */
#define FLOOR_RECALL_PCT 92    /* wanted flags given, of all */
#define FLOOR_PRECISION_PCT 92 /* flags that are wanted */
#define MAX_NEG_FLAGGED 1      /* pairs of the no-flag categories with a flag */
/* heldout.txt, written after that fit and scored once, first run (floors):
 * recall 7 of 9 (8 with both figures extracted; "27 to 14" / "29 votes to
 * 12" missed), precision 7 of 7, 0 of 12 no-flag pairs flagged. 966d886's
 * rule on it: 6 of 9, 6 of 8, 2 of 12 (bought/sold, won/lost). Its author
 * had written figure_roles.c's lists: three of its five "quantity" pairs use
 * groups those lists hold. */
#define HELD_RECALL_PCT 77
#define HELD_PRECISION_PCT 100
#define HELD_NEG_FLAGGED 0

#define MAX_PAIRS 128
#define MAX_FLAGS 4

struct pair {
    char cat[16];
    char label[96];
    struct buf a, b;
    char flag_a[MAX_FLAGS][48], flag_b[MAX_FLAGS][48];
    size_t nflags;
};

static const char *const cats[] = {"disagree", "quantity", "rounding", "change", "period"};

static void
trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    memmove(s, s + i, n - i + 1);
}

/* Parse the fixture file into p (at most MAX_PAIRS); the count, or 0. */
static size_t
parse(const char *text, struct pair *p)
{
    size_t n = 0;
    struct buf *into = NULL;
    bool flags = false;
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        char tmp[256];
        size_t tl = len < sizeof tmp - 1 ? len : sizeof tmp - 1;
        memcpy(tmp, line, tl);
        tmp[tl] = '\0';
        if (strncmp(tmp, "== ", 3) == 0 && n < MAX_PAIRS) {
            struct pair *q = &p[n++];
            char *sp = strchr(tmp + 3, ' ');
            if (sp)
                *sp = '\0';
            snprintf(q->cat, sizeof q->cat, "%.15s", tmp + 3);
            snprintf(q->label, sizeof q->label, "%.95s", sp ? sp + 1 : "");
            into = NULL;
            flags = false;
        } else if (n && strcmp(tmp, "-- a") == 0) {
            into = &p[n - 1].a, flags = false;
        } else if (n && strcmp(tmp, "-- b") == 0) {
            into = &p[n - 1].b, flags = false;
        } else if (n && strcmp(tmp, "-- flag") == 0) {
            into = NULL, flags = true;
        } else if (flags && tl && tmp[0] != '#') {
            struct pair *q = &p[n - 1];
            char *bar = strchr(tmp, '|');
            if (bar && q->nflags < MAX_FLAGS) {
                *bar = '\0';
                snprintf(q->flag_a[q->nflags], sizeof q->flag_a[0], "%.47s", tmp);
                snprintf(q->flag_b[q->nflags], sizeof q->flag_b[0], "%.47s", bar + 1);
                trim(q->flag_a[q->nflags]);
                trim(q->flag_b[q->nflags]);
                q->nflags++;
            }
        } else if (into) {
            buf_append(into, line, len);
            buf_putc(into, '\n');
        }
        line += len + (nl != NULL);
    }
    return n;
}

/* Does figure f start with text t in body? */
static bool
is_fig(const char *body, const struct figure *f, const char *t)
{
    return f && t && strncasecmp(body + f->span.start, t, strlen(t)) == 0;
}

static bool
extracted(const char *body, const struct extraction *x, const char *t)
{
    for (size_t i = 0; i < x->nfigures; i++)
        if (is_fig(body, &x->figures[i], t))
            return true;
    return false;
}

static bool
load(struct extractor *ex, const char *name, const struct buf *text, struct article *a,
     struct extraction *x)
{
    struct ingest_ctx ctx = {NULL, NULL, 0};
    struct ds_error err;
    memset(a, 0, sizeof *a);
    if (ingest_article(&ctx, name, text->data, text->len, a, &err) != 0)
        return false;
    extractor_run(ex, a, x);
    return true;
}

struct tally {
    size_t wanted, wanted_extracted, wanted_flagged, flags, flags_right;
    size_t pairs[DS_ARRAY_LEN(cats)], flagged[DS_ARRAY_LEN(cats)];
};

static void
run_pair(struct extractor *ex, const struct pair *p, struct tally *t, bool verbose)
{
    size_t c = 0;
    while (c < DS_ARRAY_LEN(cats) && strcmp(cats[c], p->cat) != 0)
        c++;
    if (c == DS_ARRAY_LEN(cats) || !p->a.len || !p->b.len) {
        ok(0, "pair '%s %s' is well formed", p->cat, p->label);
        return;
    }
    t->pairs[c]++;
    t->wanted += p->nflags;
    struct article aa, ab;
    struct extraction xa = {0}, xb = {0};
    if (!load(ex, "a.txt", &p->a, &aa, &xa) || !load(ex, "b.txt", &p->b, &ab, &xb)) {
        ok(0, "ingest pair '%s'", p->label);
        return;
    }
    struct cmp_result r;
    struct ds_error err;
    bool hit[MAX_FLAGS] = {false};
    size_t nflags = 0;
    if (compare_texts(aa.body, strlen(aa.body), ab.body, strlen(ab.body), NULL, &r, &err) == 0) {
        struct cmp_summary s;
        compare_summarize(&r, &xa, &xb, &s);
        for (size_t i = 0; i < s.nfigures; i++) {
            const struct cmp_figure_row *f = &s.figures[i];
            if (f->side != CMP_SIDE_CONFLICT)
                continue;
            nflags++;
            bool right = false;
            for (size_t k = 0; k < p->nflags && !right; k++)
                if (is_fig(aa.body, f->a, p->flag_a[k]) && is_fig(ab.body, f->b, p->flag_b[k]))
                    right = hit[k] = true;
            t->flags_right += right;
            if (!right || verbose)
                diag("%s flag [%s %s]: %s (%s) / %s (%s)", right ? "right" : "FALSE", p->cat,
                     p->label, f->a->text, f->a->subject ? f->a->subject : "-", f->b->text,
                     f->b->subject ? f->b->subject : "-");
        }
        cmp_summary_clear(&s);
        cmp_result_clear(&r);
    }
    t->flags += nflags;
    t->flagged[c] += nflags > 0;
    for (size_t k = 0; k < p->nflags; k++) {
        bool both = extracted(aa.body, &xa, p->flag_a[k]) && extracted(ab.body, &xb, p->flag_b[k]);
        t->wanted_extracted += both;
        t->wanted_flagged += hit[k];
        if (!hit[k])
            diag("MISSED [%s]: %s / %s%s", p->label, p->flag_a[k], p->flag_b[k],
                 both ? "" : " (not both extracted)");
    }
    extraction_clear(&xa);
    extraction_clear(&xb);
    article_clear(&aa);
    article_clear(&ab);
}

/* Score the pairs of one fixture file; false when it cannot be read. */
static bool
score_file(struct extractor *ex, const char *name, struct tally *t, size_t *npairs)
{
    char *path = xasprintf("%s/tests/fixtures/figdiff/%s", DOSSIER_SRCDIR, name);
    struct buf text = {0};
    struct ds_error err;
    bool okay = ds_read_file(path, 1 << 20, &text, &err) == 0;
    free(path);
    if (!okay) {
        ok(0, "read %s: %s", name, err.msg);
        return false;
    }
    struct pair *pairs = xcalloc(MAX_PAIRS, sizeof *pairs);
    size_t n = parse(text.data, pairs);
    const char *v = getenv("FIGDIFF_VERBOSE");
    diag("%s", name);
    for (size_t i = 0; i < n; i++)
        run_pair(ex, &pairs[i], t, v && *v == '1');
    for (size_t i = 0; i < n; i++) {
        buf_free(&pairs[i].a);
        buf_free(&pairs[i].b);
    }
    free(pairs);
    buf_free(&text);
    *npairs = n;
    return true;
}

/* Report one file's tally and assert its floors. */
static void
check(const char *name, const struct tally *t, size_t n, size_t min_pairs, int recall_pct,
      int precision_pct, size_t max_neg)
{
    size_t neg_pairs = 0, neg_flagged = 0;
    for (size_t c = 0; c < DS_ARRAY_LEN(cats); c++) {
        diag("%s: %-8s pairs %zu, with a flag %zu", name, cats[c], t->pairs[c], t->flagged[c]);
        if (c > 0)
            neg_pairs += t->pairs[c], neg_flagged += t->flagged[c];
    }
    diag("%s: recall %zu of %zu wanted flags (%zu with both figures extracted); precision %zu "
         "of %zu flags; no-flag pairs flagged %zu of %zu",
         name, t->wanted_flagged, t->wanted, t->wanted_extracted, t->flags_right, t->flags,
         neg_flagged, neg_pairs);
    ok(n >= min_pairs && t->wanted >= min_pairs / 3 && neg_pairs >= min_pairs / 3,
       "%s: %zu pairs, %zu wanted flags, %zu no-flag pairs", name, n, t->wanted, neg_pairs);
    ok(t->wanted_flagged * 100 >= t->wanted * (size_t)recall_pct, "%s: recall >= %d%% (%zu of %zu)",
       name, recall_pct, t->wanted_flagged, t->wanted);
    ok(t->flags_right * 100 >= t->flags * (size_t)precision_pct && (precision_pct == 0 || t->flags),
       "%s: precision >= %d%% (%zu of %zu)", name, precision_pct, t->flags_right, t->flags);
    ok(neg_flagged <= max_neg, "%s: no-flag pairs flagged <= %zu (%zu)", name, max_neg,
       neg_flagged);
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
    struct tally fit = {0}, held = {0};
    size_t nfit = 0, nheld = 0;
    if (score_file(ex, "pairs.txt", &fit, &nfit))
        check("pairs.txt", &fit, nfit, 30, FLOOR_RECALL_PCT, FLOOR_PRECISION_PCT, MAX_NEG_FLAGGED);
    if (score_file(ex, "heldout.txt", &held, &nheld))
        check("heldout.txt", &held, nheld, 20, HELD_RECALL_PCT, HELD_PRECISION_PCT,
              HELD_NEG_FLAGGED);
    extractor_free(&ex);
    free(assets);
    return done_testing();
}
