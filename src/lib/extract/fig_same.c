/*
 * extract/fig_same.c — one fact stated twice is one figure: figures of an
 * article with the same value (and upper end), unit, scale, kind, period
 * and subject are merged into the first, which keeps every later mention's
 * span in `also`. Figures without a subject are never merged (two bare
 * "5%" may be two facts).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/extract.h"
#include "dossier/util.h"
#include "lib.h"

/* Are a and b, possibly NULL, the same text (ASCII case ignored)? */
static bool
same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return ds_strcasecmp_ascii(a, b) == 0;
}

/* Are a and b equal within a part in a million (values are parsed from
 * text and scaled, so equal statements give equal doubles, but be kind)? */
static bool
same_value(double a, double b)
{
    if (isnan(a) || isnan(b))
        return false;
    return fabs(a - b) <= 1e-6 * fmax(fabs(a), fabs(b));
}

/* Do a and b state the same fact? */
static bool
same_fact(const struct figure *a, const struct figure *b)
{
    return a->subject && b->subject && same_text(a->subject, b->subject) &&
           same_value(a->value, b->value) && same_value(a->value_hi, b->value_hi) &&
           same_text(a->unit, b->unit) && same_text(a->scale, b->scale) && a->kind == b->kind &&
           same_text(a->period, b->period);
}

/* See lib.h. */
void
fig_merge_same(struct extraction *x, size_t base)
{
    size_t w = base;
    for (size_t i = base; i < x->nfigures; i++) {
        struct figure *f = &x->figures[i];
        struct figure *into = NULL;
        for (size_t k = base; k < w && !into; k++)
            if (same_fact(&x->figures[k], f))
                into = &x->figures[k];
        if (!into) {
            if (w != i)
                x->figures[w] = *f;
            w++;
            continue;
        }
        into->also = xrealloc(into->also, (into->nalso + 1 + f->nalso) * sizeof *into->also);
        into->also[into->nalso++] = f->span;
        for (size_t k = 0; k < f->nalso; k++)
            into->also[into->nalso++] = f->also[k];
        fig_drop(f);
    }
    x->nfigures = w;
}
