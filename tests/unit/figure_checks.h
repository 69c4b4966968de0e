/*
 * figure_checks.h — the checks the figure tests share: run the extractor
 * on one sentence and look for a figure by its text, its value, unit,
 * scale, kind and context, or for no figure at all. Included by one test
 * program each; ex is opened by its main().
 */
#ifndef DOSSIER_TESTS_FIGURE_CHECKS_H
#define DOSSIER_TESTS_FIGURE_CHECKS_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/extract.h"
#include "tap.h"

static struct extractor *ex;

static inline void
run(const char *body, struct extraction *x)
{
    struct article a;
    memset(&a, 0, sizeof a);
    a.body = xstrdup(body);
    memset(x, 0, sizeof *x);
    extractor_run(ex, &a, x);
    free(a.body);
}

static inline const struct figure *
find(const struct extraction *x, const char *text)
{
    for (size_t i = 0; i < x->nfigures; i++)
        if (strcmp(x->figures[i].text, text) == 0)
            return &x->figures[i];
    return NULL;
}

static inline int
near(double a, double b)
{
    return fabs(a - b) <= fabs(b) * 1e-9 + 1e-9;
}

/* One figure expected: its text, value, unit, scale and kind. */
static inline void
money(const char *body, const char *text, double value, const char *unit, const char *scale,
      enum figure_kind kind)
{
    struct extraction x;
    run(body, &x);
    const struct figure *f = find(&x, text);
    if (!ok(f != NULL, "found '%s' in '%s'", text, body)) {
        for (size_t i = 0; i < x.nfigures; i++)
            diag("got '%s'", x.figures[i].text);
        tap_skip(4, "not found");
    } else {
        if (!ok(near(f->value, value), "'%s' value", text))
            diag("got %.17g want %.17g", f->value, value);
        is_str(f->unit, unit, "unit");
        is_str(f->scale, scale, "scale");
        is_str(figure_kind_name(f->kind), figure_kind_name(kind), "kind");
        /* the span is the text as written */
        ok(strncmp(body + f->span.start, text, f->span.end - f->span.start) == 0 &&
               strlen(text) == f->span.end - f->span.start,
           "'%s' span points at the text", text);
    }
    extraction_clear(&x);
}

/* No figure at all in body. */
static inline void
none(const char *body)
{
    struct extraction x;
    run(body, &x);
    if (!ok(x.nfigures == 0, "no figure in '%s'", body))
        for (size_t i = 0; i < x.nfigures; i++)
            diag("got '%s'", x.figures[i].text);
    extraction_clear(&x);
}

/* body has figures, but none written text. */
static inline void
absent(const char *body, const char *text)
{
    struct extraction x;
    run(body, &x);
    ok(x.nfigures > 0 && find(&x, text) == NULL, "'%s' is no figure in '%s'", text, body);
    extraction_clear(&x);
}

static inline void
context(const char *body, const char *text, const char *direction, const char *period,
        const char *subject, const char *approx)
{
    struct extraction x;
    run(body, &x);
    const struct figure *f = find(&x, text);
    if (!ok(f != NULL, "context: found '%s'", text)) {
        tap_skip(4, "not found");
    } else {
        is_str(f->direction, direction, "direction");
        is_str(f->period, period, "period");
        is_str(f->subject, subject, "subject");
        is_str(f->approx, approx, "approximation");
    }
    extraction_clear(&x);
}

#endif
