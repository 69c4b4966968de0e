/*
 * extract/fig_bare.c — bare numbers the older steps leave unnamed, whose
 * unit the words around them give: a ratio's value ("a bid-to-cover ratio
 * of 2.86": times), a count after a verb of harm ("and wounded 71": people),
 * a count after the verb an earlier count followed ("General Motors sold
 * 118,422 cars ... Ford sold 84,610"), a level after a change in per cent
 * of what the count before counted ("sales fell 11.8 pct to 41,209"), a
 * total "making 4.80 for the year" after an amount, the rest of a group
 * opened "Of the 198 riders ..., 161 remain"; and the people a toll's
 * adjective counts ("712 dead", "64 missing").
 */
#include "config.h"

#include <string.h>

#include "lib.h"

/* Is the whole number [ns, ne) a count at all: an integer of 2 or more, not
 * a year? */
static bool
fig_bare_whole(const char *s, size_t ns, size_t ne)
{
    if (memchr(s + ns, '.', ne - ns))
        return false;
    double v = fig_parse_num(s, ns, ne);
    return v >= 2 && !(v >= 1800 && v <= 2100 && !memchr(s + ns, ',', ne - ns));
}

/* The last figure of this run before ns that is not a percentage, or NULL;
 * *pct tells whether a percentage came after it. */
static const struct figure *
fig_last_not_pct(const struct extraction *out, size_t base, size_t ns, bool *pct)
{
    *pct = false;
    for (size_t at = out->nfigures; at > base; at--) {
        const struct figure *f = &out->figures[at - 1];
        if (f->span.end > ns)
            continue;
        if (f->unit && strcmp(f->unit, "%") == 0) {
            *pct = true;
            continue;
        }
        return f;
    }
    return NULL;
}

/* Is there a paragraph break or more than lim bytes between a and b? */
static bool
fig_far(const char *s, size_t a, size_t b, size_t lim)
{
    if (a > b || b - a > lim)
        return true;
    for (size_t i = a; i + 1 < b; i++)
        if (s[i] == '\n' && s[i + 1] == '\n')
            return true;
    return false;
}

/* See lib.h. */
const char *
fig_bare_more(const char *s, size_t n, const struct extraction *out, size_t base, size_t ns,
              size_t ne, enum figure_kind *kind)
{
    static const char *const harm[] = {"killed", "wounded", "injured", "hurt", "evacuated",
                                       "rescued", "arrested", "detained", "displaced", NULL};
    static const char *const totals[] = {"making", "bringing", "taking", NULL};
    static const char *const not_verbs[] = {
        "to", "by", "at", "from", "of", "in", "on", "for", "and", "or", "the", "a", "an", "was",
        "were", "is", "are", "be", "been", "than", "about", "with", "vs", "against", "over",
        "under", "some", "nearly", "almost", "around", "only", "just", "until", "since", NULL};
    bool pct = false;
    const struct figure *pf = fig_last_not_pct(out, base, ns, &pct);
    bool counted = pf && pf->unit && (pf->kind == FIGURE_COUNT || pf->kind == FIGURE_QUANTITY);
    /* "Of the 198 riders who started the race, 161 remain" */
    if (counted && pf->span.start >= 7 && memcmp(s + pf->span.start - 7, "Of the ", 7) == 0 &&
        ns >= 2 && s[ns - 2] == ',' && ns - pf->span.end < 160 &&
        !memchr(s + pf->span.end, '.', ns - pf->span.end) && fig_bare_whole(s, ns, ne)) {
        *kind = pf->kind;
        return pf->unit;
    }
    struct fig_word w[3];
    size_t lo = ns > 60 ? ns - 60 : 0;
    size_t k = fig_words_before(s, lo, ns, w, 3);
    if (k == 0 || w[0].end + 1 != ns)
        return NULL;
    if (k >= 2 && fig_wis(s, &w[1], "ratio") &&
        (fig_wis(s, &w[0], "of") || fig_wis(s, &w[0], "was") || fig_wis(s, &w[0], "is") ||
         fig_wis(s, &w[0], "at"))) {
        *kind = FIGURE_QUANTITY; /* "a bid-to-cover ratio of 2.86" */
        return "times";
    }
    if (fig_word_in(s, &w[0], totals) && pf && pf->kind == FIGURE_AMOUNT && pf->unit &&
        !fig_far(s, pf->span.end, ns, 60)) {
        *kind = FIGURE_AMOUNT; /* "Final div 3.20 guilders, making 4.80 for the year" */
        return pf->unit;
    }
    if (!fig_bare_whole(s, ns, ne))
        return NULL;
    if (fig_word_in(s, &w[0], harm) && (ne >= n || s[ne] != '%')) {
        *kind = FIGURE_COUNT; /* "killed 23 people and wounded 71" */
        return "people";
    }
    if (!pf || fig_far(s, pf->span.end, ns, 600))
        return NULL;
    if (!counted)
        return NULL;
    const struct figure *last = out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL;
    if (pct && fig_wis(s, &w[0], "to") && last && last->span.end + 4 == ns && last->unit &&
        strcmp(last->unit, "%") == 0) {
        *kind = pf->kind; /* "Chrysler's sales fell 11.8 pct to 41,209" */
        return pf->unit;
    }
    /* "General Motors sold 118,422 cars ... while Ford Motor Co sold
     * 84,610": the verb an earlier count followed */
    if (!ex_is_lower((unsigned char)s[w[0].start]) || fig_word_in(s, &w[0], not_verbs) ||
        fig_word_in(s, &w[0], harm))
        return NULL;
    size_t len = w[0].end - w[0].start;
    for (size_t at = out->nfigures, seen = 0; at > base && seen < 6; at--, seen++) {
        const struct figure *f = &out->figures[at - 1];
        if (f->span.end > ns || fig_far(s, f->span.end, ns, 600))
            break;
        if ((f->kind != FIGURE_COUNT && f->kind != FIGURE_QUANTITY) || !f->unit ||
            f->span.start < len + 1)
            continue;
        size_t vs = f->span.start - 1 - len;
        if (s[f->span.start - 1] == ' ' && memcmp(s + vs, s + w[0].start, len) == 0 &&
            (vs == 0 || !ex_is_alpha((unsigned char)s[vs - 1]))) {
            *kind = f->kind;
            return f->unit;
        }
    }
    return NULL;
}

/* See lib.h. */
const char *
fig_toll_unit(const char *noun)
{
    static const char *const tolls[] = {"dead", "wounded", "injured", "missing", "homeless", NULL};
    for (const char *const *t = tolls; *t; t++)
        if (strcmp(noun, *t) == 0)
            return "people";
    return NULL;
}
