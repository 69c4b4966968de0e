/*
 * extract/periods.c — the period a figure refers to ("in the first
 * quarter", "from January to November in 2021", "year-on-year"): the
 * period expressions of a sentence are found once, and each figure takes
 * the nearest.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* Find the period expressions of sentence sent into pc. */
static void
fig_periods_scan(struct fig_periods *pc, struct ds_regex *re, const char *s,
                 const struct span *sent)
{
    pc->sent = *sent;
    pc->valid = true;
    pc->n[0] = pc->n[1] = 0;
    size_t pos = sent->start, n = sent->end;
    while (ds_regex_next(re, s, n, &pos)) {
        size_t a, b;
        if (!ds_regex_group(re, 0, &a, &b))
            continue;
        int basis = 0;
        for (size_t i = a; i + 4 <= b; i++)
            if (memcmp(s + i, "-on-", 4) == 0 || memcmp(s + i, " on ", 4) == 0)
                basis = 1;
        if (pc->n[basis] == pc->cap[basis]) {
            pc->cap[basis] = pc->cap[basis] ? pc->cap[basis] * 2 : 8;
            pc->v[basis] = xrealloc(pc->v[basis], pc->cap[basis] * sizeof *pc->v[basis]);
        }
        pc->v[basis][pc->n[basis]].start = (uint32_t)a;
        pc->v[basis][pc->n[basis]].end = (uint32_t)b;
        pc->n[basis]++;
    }
}

/* Nearest span of v (sorted, not overlapping) to the figure; SIZE_MAX if none. */
static size_t
fig_nearest(const struct span *v, size_t n, const struct figure *f, size_t *dist)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].start < f->span.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t best = SIZE_MAX;
    *dist = SIZE_MAX;
    for (size_t i = lo > 2 ? lo - 2 : 0; i < n && i < lo + 2; i++) {
        size_t a = v[i].start, b = v[i].end;
        if (a >= f->span.start && b <= f->span.end)
            continue; /* inside the figure itself */
        size_t d = b <= f->span.start ? f->span.start - b : a >= f->span.end ? a - f->span.end : 0;
        if (d < *dist) {
            *dist = d;
            best = i;
        }
    }
    return best;
}

/* The period nearest to the figure inside its sentence. A comparison basis
 * ("year-on-year") is used only when the sentence states no period. */
char *
fig_period(struct fig_periods *pc, struct ds_regex *re, const char *s, const struct span *sent,
           const struct figure *f)
{
    if (!pc->valid || pc->sent.start != sent->start || pc->sent.end != sent->end)
        fig_periods_scan(pc, re, s, sent);
    for (int k = 0; k < 2; k++) {
        size_t d, i = fig_nearest(pc->v[k], pc->n[k], f, &d);
        if (i != SIZE_MAX)
            return fig_clean_copy(s, pc->v[k][i].start, pc->v[k][i].end);
    }
    return NULL;
}
