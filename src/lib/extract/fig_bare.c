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

/* The plural noun of a level right after the number ending at ne, " to
 * 1.38 million students", copied into buf; false when there is none. */
static bool
fig_level_noun(const char *s, size_t n, size_t ne, char *buf, size_t cap)
{
    static const char *const scales[] = {"million", "billion", "thousand", "mln", "bn", NULL};
    if (ne + 5 > n || memcmp(s + ne, " to ", 4) != 0 || !ex_is_digit((unsigned char)s[ne + 4]))
        return false;
    struct fig_word w[3];
    size_t i = ne + 4;
    while (i < n && (ex_is_digit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'))
        i++;
    size_t k = fig_words_after(s, i, n, w, 2);
    if (k == 0 || w[0].start != i + 1)
        return false;
    struct fig_word *nw = fig_word_in(s, &w[0], scales) ? (k == 2 ? &w[1] : NULL) : &w[0];
    size_t len = nw ? nw->end - nw->start : 0;
    if (!nw || len < 4 || len + 1 > cap || s[nw->end - 1] != 's' || s[nw->end - 2] == 's' ||
        !ex_is_lower((unsigned char)s[nw->start]) || fig_unit_lookup(s, nw->start, nw->end))
        return false; /* "fell by 240 to 11,860 dlrs": a unit, not a counted noun */
    memcpy(buf, s + nw->start, len);
    buf[len] = '\0';
    return true;
}

/* Is the small number [ns, ne) an epidemic's reproduction number, named
 * before it in its sentence ("The reproduction number ... is estimated at
 * 1.1", "the R rate rose to 0.9")? */
static bool
fig_r_number(const char *s, size_t ns, size_t ne)
{
    static const char *const names[] = {"reproduction number", "R number", "R rate", "R value",
                                        "R0 ", NULL};
    double v = fig_parse_num(s, ns, ne);
    if (v <= 0 || v >= 20 || memchr(s + ns, ',', ne - ns))
        return false;
    size_t a = ns;
    while (a > 0 && ns - a < 160 && s[a - 1] != '\n' &&
           !(s[a - 1] == ' ' && a >= 2 && s[a - 2] == '.' &&
             (a < 3 || !ex_is_digit((unsigned char)s[a - 3]))))
        a--; /* back to the sentence's start, not past "0.9. " */
    for (const char *const *nm = names; *nm; nm++) {
        size_t l = strlen(*nm);
        for (size_t i = a; i + l <= ns; i++)
            if (memcmp(s + i, *nm, l) == 0 && (i == 0 || !ex_is_alpha((unsigned char)s[i - 1])))
                return true;
    }
    return false;
}

/* See lib.h. */
const char *
fig_bare_more(const char *s, size_t n, const struct extraction *out, size_t base, size_t ns,
              size_t ne, enum figure_kind *kind, char *buf, size_t cap)
{
    static const char *const harm[] = {"killed", "wounded", "injured", "hurt", "evacuated",
                                       "rescued", "arrested", "detained", "displaced", NULL};
    static const char *const totals[] = {"making", "bringing", "taking", NULL};
    static const char *const not_verbs[] = {
        "to", "by", "at", "from", "of", "in", "on", "for", "and", "or", "the", "a", "an", "was",
        "were", "is", "are", "be", "been", "than", "about", "with", "vs", "against", "over",
        "under", "some", "nearly", "almost", "around", "only", "just", "until", "since", NULL};
    if (fig_r_number(s, ns, ne)) {
        *kind = FIGURE_QUANTITY; /* "the reproduction number ... at between 1.1 and 1.3" */
        return "R";
    }
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
    if (fig_wis(s, &w[0], "minus")) {
        /* "wind chills reached minus 52": the temperature read before it */
        for (size_t i = out->nfigures; i > base; i--) {
            const struct figure *t = &out->figures[i - 1];
            if (fig_far(s, t->span.end, ns, 400))
                break;
            if (t->unit && (strcmp(t->unit, "degrees") == 0 || strcmp(t->unit, "\xc2\xb0" "C") == 0 ||
                            strcmp(t->unit, "\xc2\xb0" "F") == 0)) {
                *kind = FIGURE_QUANTITY;
                return t->unit;
            }
        }
        return NULL;
    }
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
    static const char *const moved[] = {
        "rose",    "fell",    "grew",   "dropped", "declined", "increased", "decreased",
        "jumped",  "climbed", "slipped", "slid",   "shrank",   "gained",    "dipped",
        "plunged", "surged",  "eased",  "risen",   "fallen",   "grown",     NULL};
    static const char *const staff[] = {"payrolls", "payroll", "employment", "employers",
                                        "jobs", NULL};
    size_t j = k >= 2 && fig_wis(s, &w[0], "by") ? 1 : 0;
    if (k >= j + 2 && (fig_word_in(s, &w[j], moved) || fig_wis(s, &w[j], "added")) &&
        fig_word_in(s, &w[j + 1], staff)) {
        *kind = FIGURE_COUNT; /* "Non-farm payrolls rose 117,000": jobs */
        return "jobs";
    }
    if (k >= 2 && fig_wis(s, &w[0], "by") && fig_word_in(s, &w[1], moved) &&
        fig_level_noun(s, n, ne, buf, cap)) {
        *kind = FIGURE_COUNT; /* "enrolment fell by 12,400 to 1.38 million students" */
        return buf;
    }
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

/* Counted nouns of two words, a statistic's name ("two field goals",
 * "44 unforced errors", "11 break points"): the first word is part of
 * what is counted, not a modifier to drop. */
static const char *const fig_compounds[] = {
    "field goals", "free throws", "break points", "match points", "set points",
    "unforced errors", "double faults", "home runs", "penalty kicks", "penalty corners",
    "corner kicks", "stolen bases", "shots on", "yellow cards", "red cards", NULL};

/* See lib.h. */
bool
fig_compound_count(const char *s, size_t a, size_t e)
{
    for (const char *const *c = fig_compounds; *c; c++)
        if (strlen(*c) == e - a && memcmp(s + a, *c, e - a) == 0)
            return true;
    return false;
}

/* See lib.h. */
char *
fig_noun_unit(const char *noun, const char *s, size_t ne, size_t us, size_t ue)
{
    static const char *const tolls[] = {"dead", "wounded", "injured", "missing", "homeless", NULL};
    static const char *const people[] = {"people", "children", "men", "women", NULL};
    /* the one word between the number and the noun */
    size_t a = ne;
    while (a < us && s[a] == ' ')
        a++;
    size_t e = us;
    while (e > a && s[e - 1] == ' ')
        e--;
    struct fig_word w = {a, e};
    bool one = e > a && !memchr(s + a, ' ', e - a);
    for (size_t i = a; one && i < e; i++)
        one = ex_is_lower((unsigned char)s[i]);
    if (one && fig_compound_count(s, a, ue))
        return xstrndup(s + a, ue - a); /* "two field goals" */
    bool toll = false;
    for (const char *const *t = tolls; *t && !toll; t++)
        toll = strcmp(noun, *t) == 0;
    if (!toll)
        return NULL;
    /* a plural noun before the toll is what is counted ("3,000 civilians
     * dead"; not "others", "left") */
    if (one && (fig_word_in(s, &w, people) ||
                (e - a >= 4 && s[e - 1] == 's' && s[e - 2] != 's' && !fig_wis(s, &w, "others"))))
        return xstrndup(s + a, e - a);
    return xstrdup("people");
}

/* See lib.h. */
bool
fig_poll_points(const char *s, const struct span *sent, size_t ns)
{
    static const char *const polls[] = {"approval", "support", "rating", "ratings",
                                        "disapproval", "favourability", "favorability", NULL};
    static const char *const pcts[] = {"percent", "pct", "cent", NULL};
    struct span before = {sent->start, (uint32_t)ns};
    if (ns >= sent->start + 9 && memcmp(s + ns - 9, "swing of ", 9) == 0)
        return true; /* "a swing of 9 points" between two votes */
    return ns > sent->start && fig_sentence_has(s, &before, polls) &&
           (memchr(s + sent->start, '%', ns - sent->start) || fig_sentence_has(s, &before, pcts));
}

/* See lib.h. */
char *
fig_restated_subject(const char *s, const struct figure *last, const struct figure *f)
{
    static const char *const gaps[] = {", or ", " or ", ", or about ", ", or some ",
                                       ", or nearly ", ", or almost ", ", or around ", NULL};
    if (!last || !last->subject || last->sentence.start != f->sentence.start ||
        last->span.end > f->span.start ||
        (last->kind == FIGURE_COUNT && last->unit &&
         ds_strcasecmp_ascii(last->subject, last->unit) == 0))
        return NULL; /* "4.464 million people, or 10.8% of the workforce": no count's own noun */
    size_t gap = f->span.start - last->span.end;
    for (const char *const *g = gaps; *g; g++)
        if (strlen(*g) == gap && memcmp(s + last->span.end, *g, gap) == 0)
            return xstrdup(last->subject);
    return NULL;
}


/* See lib.h. */
char *
fig_subject_referent(const char *s, const struct span *sent, size_t fstart)
{
    /* subject pronouns only: after "said its" the phrase it owns is the
     * subject ("said its spending on roads ... was worth $310m") */
    static const char *const pronouns[] = {"it", "he", "she", "they", NULL};
    static const char *const says[] = {"said", "says", "added", "announced", "reported",
                                       "expects", "warned", "estimated", "told", "believes",
                                       "forecast", "predicted", NULL};
    size_t a = sent->start;
    while (a < fstart && (s[a] == ' ' || s[a] == '\n'))
        a++;
    /* "Okafor, 24, scored 27 goals": a name before an age between commas */
    size_t e = a;
    while (e < fstart && (ex_is_alpha((unsigned char)s[e]) || s[e] == ' ' || s[e] == '-' ||
                          s[e] == '\''))
        e++;
    if (e > a && e + 4 < fstart && s[e] == ',' && s[e + 1] == ' ' &&
        ex_is_upper((unsigned char)s[a])) {
        size_t d = e + 2, dd = d;
        while (dd < fstart && ex_is_digit((unsigned char)s[dd]))
            dd++;
        if (dd > d && dd - d <= 3 && dd < fstart && s[dd] == ',' && !memchr(s + a, ' ', e - a))
            return xstrndup(s + a, e - a);
    }
    /* "Messaging app Lumo said it now has 300 million users": the pronoun
     * after a verb of saying is the sayer */
    struct fig_word w[14];
    size_t k = fig_words_before(s, a, fstart, w, 14);
    for (size_t i = 0; i < k; i++) {
        if (w[i].end - w[i].start > 2 && s[w[i].end - 2] == '\'' && s[w[i].end - 1] == 's')
            return NULL; /* "of Dexter's 13.3 mln shares": the owner's */
        if (!fig_word_in(s, &w[i], pronouns))
            continue;
        size_t v = i + 1;
        if (v < k && fig_wis(s, &w[v], "that"))
            v++;
        if (v >= k || !fig_word_in(s, &w[v], says))
            return NULL;
        static const char *const aux[] = {"has", "have", "had", "also", "would", "will",
                                          "previously", "already", NULL};
        size_t first = v + 1, last = k;
        while (first < last && fig_word_in(s, &w[first], aux))
            first++; /* "Oracle has said it" */
        if (first >= last || last - first > 6)
            return NULL; /* no sayer, or a clause too long to be one */
        for (size_t j = first; j < last; j++)
            if (ex_is_digit((unsigned char)s[w[j].start]) || fig_word_in(s, &w[j], pronouns))
                return NULL; /* "Last month it said it" */
        return fig_clean_copy(s, w[last - 1].start, w[first].end);
    }
    return NULL;
}

/* See lib.h. */
char *
fig_subject_modified(const char *s, const struct span *sent, const struct figure *f)
{
    static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our",
                                       "this", "each", "new", NULL};
    static const char *const stops[] = {
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "a", "an", "the",
        "per", "each", "that", "which", "was", "were", "is", "are", "has", "have", "had", "will",
        "would", "could", "can", "more", "less", "than", "a", "an", "as", "over", "into",
        "through", "across", "up", "down", "ago", "away", "long", "wide", "high", "deep", "old",
        "off", "out", "so", "too", "above", "below", "under", "after", "before", "behind",
        "ahead", "last", "this", "next", "a", "day", "year", "month", "week", "near", NULL};
    if (f->kind != FIGURE_QUANTITY || f->span.end + 2 >= sent->end || s[f->span.end] != ' ')
        return NULL;
    struct fig_word b[2], a[3];
    size_t kb = fig_words_before(s, sent->start, f->span.start, b, 2);
    if (kb == 0 || b[0].end + 1 != f->span.start ||
        !(fig_word_in(s, &b[0], dets) || (kb == 2 && fig_word_in(s, &b[1], dets) &&
                                          ex_is_lower((unsigned char)s[b[0].start]))))
        return NULL; /* "a 212 km ride", "The new 391 km line", "its 100 kWh battery" */
    size_t ka = fig_words_after(s, f->span.end, sent->end, a, 3);
    if (ka == 0 || a[0].start != f->span.end + 1 || a[0].end - a[0].start < 3 ||
        !ex_is_lower((unsigned char)s[a[0].start]) || fig_word_in(s, &a[0], stops) ||
        fig_past_participle(s, &a[0]))
        return NULL; /* "174.6 million units sold": a verb, no noun */
    for (size_t i = a[0].start; i < a[0].end; i++)
        if (!ex_is_lower((unsigned char)s[i]) && s[i] != '-')
            return NULL;
    if (ka >= 2 && a[1].start == a[0].end + 1 && fig_past_participle(s, &a[1]))
        return NULL; /* "Charter rates for a 4,250 TEU ship eased to": inside a subject */
    size_t end = a[0].end;
    /* "96,000 dwt product tankers from", "400-megawatt solar farm near": a
     * noun after it that ends the phrase is the head */
    if (ka >= 2 && a[1].start == a[0].end + 1 && ex_is_lower((unsigned char)s[a[1].start]) &&
        s[a[0].end - 1] != 's' && !fig_word_in(s, &a[1], stops) &&
        (ka == 2 || a[2].start != a[1].end + 1 || fig_word_in(s, &a[2], stops)))
        end = a[1].end;
    return xstrndup(s + a[0].start, end - a[0].start);
}
