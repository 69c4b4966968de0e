/*
 * extract/fig_context.c — what a figure's sentence says about it: the
 * subject it measures (the noun phrase after "of", the words a figure
 * qualifies, or the clause before it), its direction (up, down), an
 * approximation ("more than", "about") and, for percentages, whether it is
 * a rate, a share or a change. Also the word helpers the figure steps share
 * (words before and after a point, list membership).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* ---- words around a point ---------------------------------------------------- */

/* Does s[i], inside [lo, hi), join two letters into one word: the dot
 * of an abbreviation ("U.S") or an ampersand ("A&E", "S&P")? */
static bool
fig_word_joint(const char *s, size_t lo, size_t i, size_t hi)
{
    return (s[i] == '.' || s[i] == '&') && i > lo && i + 1 < hi &&
           ex_is_alpha((unsigned char)s[i - 1]) && ex_is_alpha((unsigned char)s[i + 1]) &&
           (s[i] == '&' || i == lo + 1 || !ex_is_alpha((unsigned char)s[i - 2]));
}

/* The end of the word s[a, e) with the closing dot of an abbreviation
 * ("U.S.") when one follows before hi. */
static size_t
fig_abbrev_end(const char *s, size_t a, size_t e, size_t hi)
{
    return e < hi && s[e] == '.' && memchr(s + a, '.', e - a) ? e + 1 : e;
}

/* See lib.h. */
size_t
fig_words_before(const char *s, size_t lo, size_t pos, struct fig_word *w, size_t max)
{
    size_t k = 0, i = pos;
    while (k < max && i > lo) {
        while (i > lo && !ex_is_alpha((unsigned char)s[i - 1]) &&
               !ex_is_digit((unsigned char)s[i - 1])) {
            char c = s[i - 1];
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
                return k; /* stay in the clause */
            i--;
        }
        size_t e = i;
        while (i > lo &&
               (ex_is_alpha((unsigned char)s[i - 1]) || ex_is_digit((unsigned char)s[i - 1]) ||
                s[i - 1] == '-' || s[i - 1] == '\'' || fig_word_joint(s, lo, i - 1, pos)))
            i--;
        if (e == i)
            break;
        w[k].start = i;
        w[k].end = fig_abbrev_end(s, i, e, pos);
        k++;
    }
    return k;
}

/* See lib.h. */
size_t
fig_words_after(const char *s, size_t pos, size_t hi, struct fig_word *w, size_t max)
{
    size_t k = 0, i = pos;
    while (k < max && i < hi) {
        while (i < hi && !ex_is_alpha((unsigned char)s[i]) && !ex_is_digit((unsigned char)s[i])) {
            char c = s[i];
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.')
                return k;
            i++;
        }
        size_t b = i;
        while (i < hi && (ex_is_alpha((unsigned char)s[i]) || ex_is_digit((unsigned char)s[i]) ||
                          s[i] == '-' || s[i] == '\'' || fig_word_joint(s, pos, i, hi)))
            i++;
        if (b == i)
            break;
        w[k].start = b;
        w[k].end = i = fig_abbrev_end(s, b, i, hi);
        k++;
    }
    return k;
}

/* See lib.h. */
bool
fig_wis(const char *s, const struct fig_word *w, const char *word)
{
    size_t n = w->end - w->start;
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ex_lower((unsigned char)s[w->start + i]) != (unsigned char)word[i])
            return false;
    return true;
}

/* See lib.h. */
bool
fig_has(const struct fig_res *fr, enum fig_list l, const char *w, size_t n, bool lower)
{
    return wordset_has(&fr->lists[l], w, n, lower);
}

/* See lib.h. */
bool
fig_win(const struct fig_res *fr, const char *s, const struct fig_word *w, enum fig_list l)
{
    /* "May" written with its capital is the month ("May corn", "Spot
     * May"), not the modal verb (as in fig_word_in) */
    if ((l == FW_VERBS || l == FW_STRONG) && w->end - w->start == 3 &&
        memcmp(s + w->start, "May", 3) == 0)
        return false;
    return wordset_has(&fr->lists[l], s + w->start, w->end - w->start, true);
}

/* ---- the subject ----------------------------------------------------------------- */

/* Does the figure sit inside a noun phrase ("a 25% tariff", "Japan's US$69
 * billion surplus", "its $5bn loan")? */
static bool
fig_in_noun_phrase(const char *s, const struct span *sent, size_t fstart)
{
    size_t i = fstart;
    while (i > sent->start && s[i - 1] == ' ')
        i--;
    if (i >= sent->start + 2 && (s[i - 1] == 's' || s[i - 1] == 'S') &&
        (s[i - 2] == '\'' || (i >= sent->start + 4 && memcmp(s + i - 4, "\xe2\x80\x99", 3) == 0)))
        return true;
    struct fig_word w[1];
    if (fig_words_before(s, sent->start, fstart, w, 1) != 1)
        return false;
    static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our",
                                       "this", "that", "these", "those", "whose", NULL};
    for (const char *const *d = dets; *d; d++)
        if (fig_wis(s, &w[0], *d))
            return true;
    return false;
}

/* What a share is of: "40% of the country's population will", "18% of all
 * searchers say they": at most four words after "of" (a leading "the"
 * dropped), ending before a stop word, a verb or a pronoun. NULL if none. */
static char *
fig_subject_share(const struct fig_res *fr, const char *s, const struct span *sent, size_t fend)
{
    struct fig_word w[6];
    size_t k = fig_words_after(s, fend, sent->end, w, 6);
    if (k < 2 || !fig_wis(s, &w[0], "of"))
        return NULL;
    size_t first = fig_wis(s, &w[1], "the") ? 2 : 1, stop = first;
    while (stop < k && stop < first + 4 && !ex_is_digit((unsigned char)s[w[stop].start]) &&
           !fig_win(fr, s, &w[stop], FW_SUBJ_STOPS) && !fig_win(fr, s, &w[stop], FW_STRONG) &&
           !fig_win(fr, s, &w[stop], FW_WEAK) && !fig_win(fr, s, &w[stop], FW_AFTER_STOP) &&
           !(stop > first && fig_win(fr, s, &w[stop], FW_VERBS)))
        stop++;
    if (stop == first || (stop < k && ex_is_digit((unsigned char)s[w[stop].start])) ||
        (stop == first + 1 && fig_win(fr, s, &w[first], FW_CHANGE_NOUNS)))
        return NULL; /* "50% of the 22.8 million users": the count says more; "of the
                      * total" says nothing */
    return fig_clean_copy(s, w[first].start, w[stop - 1].end);
}

/* What a quantity, count or amount is of: "1.426 million tonnes of fresh
 * durian", "$5bn worth of goods". NULL when no "of" follows. */
static char *
fig_subject_of(const struct fig_res *fr, const char *s, const struct span *sent, size_t fend,
               enum figure_kind kind)
{
    if (kind != FIGURE_QUANTITY && kind != FIGURE_COUNT && kind != FIGURE_AMOUNT)
        return NULL;
    struct fig_word w[7];
    size_t k = fig_words_after(s, fend, sent->end, w, 7);
    size_t first = 0;
    if (k > 0 && fig_wis(s, &w[0], "worth"))
        first = 1;
    if (!(k > first + 1 && fig_wis(s, &w[first], "of")))
        return NULL;
    static const char *const dets[] = {"the", "its", "their", NULL};
    static const char *const wholes[] = {"two", "three", "four", "five", "six", "seven",
                                         "eight", "nine", "ten", "twelve", "twenty", NULL};
    size_t det = first + 1 + (k > first + 2 && fig_word_in(s, &w[first + 1], dets));
    if (det < k && (ex_is_digit((unsigned char)s[w[det].start]) ||
                    fig_word_in(s, &w[det], wholes)))
        return NULL; /* "nine of the 15 seats": a part, whose subject is the clause's */
    size_t stop = k;
    for (size_t i = first + 1; i < k; i++) {
        if (fig_wis(s, &w[i], "per"))
            return NULL; /* "17.8 tonnes of fruit per hectare": a rate, whose owner is before */
        if (fig_win(fr, s, &w[i], FW_SUBJ_STOPS) || ex_is_digit((unsigned char)s[w[i].start])) {
            stop = i;
            break;
        }
    }
    if (stop > first + 1) {
        size_t last = stop - 1;
        if (w[last].end - w[first + 1].start <= 60)
            return fig_clean_copy(s, w[first + 1].start, w[last].end);
    }
    return NULL;
}

/* A figure followed by what it is: "US$69 billion trade surplus", "a 25%
 * tariff" (up to three lower-case words right after it). NULL if none. */
static char *
fig_subject_after(const struct fig_res *fr, const char *s, const struct span *sent,
                  size_t fstart, size_t fend, enum figure_kind kind)
{
    if (kind == FIGURE_QUANTITY || kind == FIGURE_COUNT || !fig_in_noun_phrase(s, sent, fstart))
        return NULL;
    struct fig_word w[4];
    size_t k = fig_words_after(s, fend, sent->end, w, 4);
    size_t m = 0;
    while (m < k && m < 3 && ex_is_lower((unsigned char)s[w[m].start]) &&
           !fig_win(fr, s, &w[m], FW_AFTER_STOP) && !fig_win(fr, s, &w[m], FW_STRONG) &&
           (m == 0 || w[m].start == w[m - 1].end + 1))
        m++;
    if (m > 0 && w[0].start == fend + 1)
        return fig_clean_copy(s, w[0].start, w[m - 1].end);
    return NULL;
}

/* Does a dateline's dash end at s[i] (exclusive): " -", " --", an en or em
 * dash, with a space before it and before that what ends a dateline (a
 * day, a place in capitals, the agency's closing parenthesis or slash:
 * "March 24 -", "LONDON --", "(Reuters) -", "/Harbour Wire/ -")? */
static bool
fig_dateline_dash(const char *s, size_t lo, size_t i)
{
    size_t d = i; /* the dash is s[d, i) */
    if (s[i - 1] == '-')
        d = i >= 2 && s[i - 2] == '-' ? i - 2 : i - 1;
    else if (i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x80 &&
             ((unsigned char)s[i - 1] == 0x93 || (unsigned char)s[i - 1] == 0x94))
        d = i - 3;
    if (d == i || d < lo + 2 || s[d - 1] != ' ')
        return false;
    unsigned char c = (unsigned char)s[d - 2];
    return ex_is_digit(c) || ex_is_upper(c) || c == ')' || c == '/';
}

/* See lib.h. */
size_t
fig_dateline_end(const char *s, const struct span *sent)
{
    size_t hi = sent->end < sent->start + 80 ? sent->end : sent->start + 80;
    for (size_t i = sent->start + 2; i < hi; i++)
        if (s[i] == ' ' && fig_dateline_dash(s, sent->start, i))
            return i + 1;
    return sent->start;
}

/* See lib.h. */
size_t
fig_clause_start(const char *s, const struct span *sent, size_t fstart)
{
    size_t lo = sent->start;
    if (fstart > lo + 400)
        lo = fstart - 400; /* a clause longer than that has no useful subject */
    for (size_t i = fstart; i > lo; i--) {
        char c = s[i - 1];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == '"')
            return i;
        if (i < fstart && s[i] == ' ' && fig_dateline_dash(s, lo, i))
            return i; /* "LONDON, March 24 - OPEC output fell" */
    }
    return lo;
}

/* See lib.h. */
bool
fig_past_participle(const char *s, const struct fig_word *w)
{
    /* a compound ("customs-cleared", "self-imposed", "state-owned") is an
     * adjective before its noun, never a clause's verb */
    return w->end - w->start > 4 && s[w->end - 1] == 'd' && s[w->end - 2] == 'e' &&
           ex_is_lower((unsigned char)s[w->start]) && !memchr(s + w->start, '-', w->end - w->start);
}

/* Is w[i] (nearest first, of k) an "-ing" form after an auxiliary ("were
 * producing", "is trading"), so part of the verb group? */
static bool
fig_progressive(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t i,
                size_t k)
{
    size_t n = w[i].end - w[i].start;
    return n > 5 && i + 1 < k && ex_is_lower((unsigned char)s[w[i].start]) &&
           memcmp(s + w[i].end - 3, "ing", 3) == 0 && fig_win(fr, s, &w[i + 1], FW_STRONG);
}

/* Is the number w[i] (nearest first, of k) part of a name: a whole number
 * right after a capitalised word ("S&P 500", "FTSE 100", "Nikkei
 * 225")? */
static bool
fig_name_number(const char *s, const struct fig_word *w, size_t i, size_t k)
{
    if (i + 1 >= k || w[i + 1].end + 1 != w[i].start || s[w[i + 1].end] != ' ')
        return false;
    for (size_t j = w[i].start; j < w[i].end; j++)
        if (!ex_is_digit((unsigned char)s[j]))
            return false;
    return ex_is_upper((unsigned char)s[w[i + 1].start]);
}

/* Modal verbs: the word after one is a verb ("will carry"), the word
 * before one a noun ("costs would rise"). */
static const char *const fig_modals[] = {"will", "would", "could", "can", "may", "might",
                                         "should", "must", "shall", NULL};

/* Lower-case words ending in "ly" that are nouns, not adverbs. */
static const char *const fig_ly_nouns[] = {"supply", "family", "assembly", "monopoly", "rally",
                                           "ally", "anomaly", "reply", "tally", "belly",
                                           "jelly", "bully", "fly", "oligopoly", "italy",
                                           "july", "hourly", "daily", "weekly", "monthly",
                                           "quarterly", "yearly", NULL};

/* Is w[i] (nearest first, of k) part of the verb group before a figure: a
 * known verb (but not a noun before a modal: "costs would rise"), a
 * number, a past participle, an "-ing" form after an auxiliary, an
 * adverb in "-ly" ("rose a seasonally adjusted"), a word after a modal
 * ("will carry")? */
static bool
fig_in_verb_group(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t i,
                  size_t k)
{
    bool after_modal = i + 1 < k && fig_word_in(s, &w[i + 1], fig_modals);
    bool before_modal = i > 0 && fig_word_in(s, &w[i - 1], fig_modals);
    size_t n = w[i].end - w[i].start;
    if (before_modal && !fig_word_in(s, &w[i], fig_modals) && !after_modal)
        return false;
    if (fig_win(fr, s, &w[i], FW_VERBS) || fig_past_participle(s, &w[i]) ||
        fig_progressive(fr, s, w, i, k))
        return true;
    if (ex_is_digit((unsigned char)s[w[i].start]))
        return !fig_name_number(s, w, i, k);
    if (!ex_is_lower((unsigned char)s[w[i].start]))
        return false;
    return after_modal || (n > 4 && s[w[i].end - 2] == 'l' && s[w[i].end - 1] == 'y' &&
                           !fig_word_in(s, &w[i], fig_ly_nouns));
}

/* Nouns that are also verbs, read as nouns before a verb of change. */
static const char *const fig_verb_nouns[] = {"pay", "cost", "costs", "spending", "output",
                                             "sales", "earnings", "imports", "exports", NULL};

/* Is w[i] (nearest first, of k) an adjective after a copula that the
 * figure completes ("zinc stocks were steady at 48,225")? */
static bool
fig_predicate(const char *s, const struct fig_word *w, size_t i, size_t k)
{
    static const char *const adjs[] = {"steady", "unchanged", "flat", "stable", "firm", NULL};
    static const char *const copulas[] = {"was", "were", "is", "are", "remained", "held",
                                          "stayed", NULL};
    return i + 1 < k && fig_word_in(s, &w[i], adjs) && fig_word_in(s, &w[i + 1], copulas);
}

/* The words w[0..k) (nearest first) past the verb group before the figure:
 * the index of the first word that is not part of it (fig_in_verb_group);
 * when the figure follows no verb, past the nearest verb group further
 * back; k when the clause has no verb. */
static size_t
fig_skip_verbs(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t k)
{
    size_t i = 0;
    while (i < k && (fig_in_verb_group(fr, s, w, i, k) || fig_predicate(s, w, i, k)))
        i++;
    /* "average hourly pay rose", "Working costs rose": a noun that is
     * also a verb, before the verb of a change, heads the subject */
    for (size_t j = 1; j < i; j++)
        if (fig_word_in(s, &w[j], fig_verb_nouns) &&
            (fig_win(fr, s, &w[j - 1], FW_UP) || fig_win(fr, s, &w[j - 1], FW_DOWN)) &&
            !fig_wis(s, &w[j - 1], "up") && !fig_wis(s, &w[j - 1], "down")) {
            i = j;
            break;
        }
    if (i == 0 && k > 0) {
        /* No verb right before the figure: look for one further back
         * ("grossed $9m in its first week", "rose by more than"). */
        size_t j = 0;
        while (j < k && !fig_win(fr, s, &w[j], FW_VERBS) && !fig_past_participle(s, &w[j]))
            j++;
        if (j == k)
            return k; /* no verb: no subject from this clause */
        i = j;
        while (i < k && (fig_win(fr, s, &w[i], FW_VERBS) || fig_past_participle(s, &w[i])))
            i++;
    }
    return i;
}

/* Is w a determiner that opens a noun phrase after a verb ("lower its
 * tariffs")? Compared as written. */
static bool
fig_is_det(const char *s, const struct fig_word *w)
{
    static const char *const dets[] = {"its", "their", "his", "her", "our", "the", "a",
                                       "an", "this", "these", NULL};
    for (const char *const *d = dets; *d; d++)
        if (strlen(*d) == w->end - w->start && strncmp(*d, s + w->start, strlen(*d)) == 0)
            return true;
    return false;
}

/* Words that tell who reported what ("X said Y rose"), and the words of a
 * time adverbial that may follow them ("said on Monday", "said last week"). */
static const char *const fig_report_verbs[] = {"said", "says", "announced", "added", "showed",
                                               NULL};
static const char *const fig_report_times[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "today", "yesterday", "statement", "report", NULL};

/* See lib.h. */
bool
fig_word_in(const char *s, const struct fig_word *w, const char *const *list)
{
    /* "May" with its capital is the month, never the modal verb */
    bool month = w->end - w->start == 3 && memcmp(s + w->start, "May", 3) == 0;
    for (const char *const *p = list; *p; p++)
        if (fig_wis(s, w, *p) && !(month && strcmp(*p, "may") == 0))
            return true;
    return false;
}

/* A reporting verb among w[i..k) (nearest first) with words between it
 * and the figure: "Janet Yellen said on Monday the budget deficit rose 12
 * percent" measures the deficit, not Yellen. Returns one past the
 * farthest word of what was reported (the verb's index less a following
 * "on Monday", "last week", "in a statement" and "that"), or k when the
 * clause reports nothing. */
static size_t
fig_reported(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t i,
             size_t k)
{
    size_t rv = i;
    while (rv < k && !fig_word_in(s, &w[rv], fig_report_verbs))
        rv++;
    if (rv == k)
        return k;
    size_t f = rv; /* w[f - 1] is the word right after the verb */
    if (f > i && fig_wis(s, &w[f - 1], "that"))
        f--;
    for (size_t g = f, n = 0; g > i && n < 4; g--, n++) {
        if (fig_word_in(s, &w[g - 1], fig_report_times) ||
            fig_has(fr, FW_MONTHS, s + w[g - 1].start, w[g - 1].end - w[g - 1].start, false)) {
            f = g - 1; /* drop the adverbial through its time word */
            if (f > i && fig_wis(s, &w[f - 1], "that"))
                f--;
            break;
        }
        if (!fig_win(fr, s, &w[g - 1], FW_PREPS) && !fig_win(fr, s, &w[g - 1], FW_LEAD) &&
            !fig_wis(s, &w[g - 1], "last") && !fig_wis(s, &w[g - 1], "this"))
            break;
    }
    if (f <= i || fig_win(fr, s, &w[f - 1], FW_PREPS) || fig_win(fr, s, &w[f - 1], FW_WEAK))
        return k; /* nothing reported, "said by" (a participle), "said it": the sayer's */
    return f;
}

/* The subject's words among w[i..k) (nearest first): *last the nearest
 * kept, *firstw one past the farthest. A strong verb inside ("X is cutting
 * Y by" keeps Y; "X has grown at a rate of" keeps X), leading words
 * dropped, a verb phrase in front cut at its determiner. */
static void
fig_clause_words(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t i,
                 size_t k, size_t *last, size_t *firstw)
{
    *last = i;
    *firstw = k;
    size_t rep = fig_reported(fr, s, w, i, k);
    if (rep < k)
        k = *firstw = rep; /* what was reported, not who reported it */
    size_t sv = SIZE_MAX, fv = SIZE_MAX;
    for (size_t j = i; j < k; j++) {
        if (fig_win(fr, s, &w[j], FW_STRONG)) {
            if (sv == SIZE_MAX)
                sv = j;
            fv = j;
        }
    }
    if (sv != SIZE_MAX) {
        size_t top = sv; /* "cut its duties on US goods": skip the determiner */
        if (top > i && fig_win(fr, s, &w[top - 1], FW_LEAD))
            top--;
        if (top > i && !fig_win(fr, s, &w[top - 1], FW_PREPS))
            *firstw = top;
        else
            *last = fv + 1;
    }
    while (*firstw > *last && fig_win(fr, s, &w[*firstw - 1], FW_LEAD))
        (*firstw)--;
    /* A verb phrase in front: "lower its tariffs on imports" keeps what
     * follows the determiner, when the words before it are lower case. */
    for (size_t j = *firstw, seen = 0; j > *last && seen < 3; j--, seen++) {
        if (!ex_is_lower((unsigned char)s[w[j - 1].start]))
            break;
        if (fig_is_det(s, &w[j - 1]) && j - 1 > *last) {
            *firstw = j - 1;
            break;
        }
    }
}

/* Is w a tenor or compound written with a number ("2-year", "10-year",
 * "60-kg"): digits, a hyphen, then a letter? */
static bool
fig_tenor_word(const char *s, const struct fig_word *w)
{
    size_t i = w->start;
    while (i < w->end && ex_is_digit((unsigned char)s[i]))
        i++;
    return i > w->start && i + 1 < w->end && s[i] == '-' && ex_is_alpha((unsigned char)s[i + 1]);
}

/* Is w[0], right before a figure after "and" (w[1]), a noun whose verb is
 * left out, a figure before the conjunction ("Exports rose 9.4 pct and
 * imports 6.1 pct")? */
static bool
fig_gapped_noun(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t k)
{
    static const char *const not_noun[] = {"does", "goes", "has", "was", "is", "always",
                                           "perhaps", "thus", "less", NULL};
    const struct fig_word *n = &w[0];
    /* a plural ("imports", a verb too); "and attracted", "and save" are verbs */
    if (!ex_is_lower((unsigned char)s[n->start]) || n->end - n->start < 4 ||
        s[n->end - 1] != 's' || s[n->end - 2] == 's' || fig_word_in(s, n, not_noun) ||
        fig_win(fr, s, n, FW_LEAD) || fig_win(fr, s, n, FW_PREPS) ||
        (fig_win(fr, s, n, FW_VERBS) && !fig_word_in(s, n, fig_verb_nouns)) ||
        fig_win(fr, s, n, FW_STRONG) || fig_win(fr, s, n, FW_WEAK) || fig_win(fr, s, n, FW_APPROX))
        return false;
    for (size_t i = 2; i < k; i++)
        if (ex_is_digit((unsigned char)s[w[i].start]) && !fig_tenor_word(s, &w[i]))
            return true; /* a figure before the conjunction */
    return false;
}

/* The words w[0..k) (nearest first) of a clause cut at a conjunction that
 * opens a new clause after another figure: "HDFC Bank climbed 2.1% and
 * Infosys added 1.7%" gives Infosys the 1.7%, "Exports rose 18.4 pct and
 * imports grew 17.9 pct" imports the 17.9. The conjunction must be
 * followed by a name, a determiner, or a lower-case noun and its verb, and
 * a number must come before it. */
static size_t
fig_after_conjunction(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t k)
{
    static const char *const conj[] = {"and", "while", "but", "whereas", NULL};
    static const char *const dets[] = {"the", "its", "their", NULL};
    for (size_t j = 1; j + 1 < k; j++) {
        if (!fig_word_in(s, &w[j], conj))
            continue;
        bool noun_verb = j >= 2 && ex_is_lower((unsigned char)s[w[j - 1].start]) &&
                         !fig_win(fr, s, &w[j - 1], FW_LEAD) && !fig_win(fr, s, &w[j - 1], FW_PREPS) &&
                         !fig_win(fr, s, &w[j - 1], FW_VERBS) && !fig_win(fr, s, &w[j - 1], FW_STRONG) &&
                         !fig_win(fr, s, &w[j - 1], FW_WEAK) && /* "and now has" */
                         s[w[j - 1].end - 1] != 'y' && /* "and already", "and only" */
                         (fig_win(fr, s, &w[j - 2], FW_STRONG) || fig_past_participle(s, &w[j - 2]) ||
                          fig_wis(s, &w[j - 2], "were") || fig_wis(s, &w[j - 2], "was"));
        if (!ex_is_upper((unsigned char)s[w[j - 1].start]) && !fig_word_in(s, &w[j - 1], dets) &&
            !noun_verb)
            return k;
        bool verb = false; /* "and Infosys added": a clause, not "and Westminster" */
        for (size_t i = 0; i < j && !verb; i++)
            verb = fig_win(fr, s, &w[i], FW_STRONG) || fig_past_participle(s, &w[i]) ||
                   (fig_win(fr, s, &w[i], FW_VERBS) && !fig_win(fr, s, &w[i], FW_PREPS) &&
                    !fig_win(fr, s, &w[i], FW_LEAD) && !fig_win(fr, s, &w[i], FW_APPROX));
        if (!verb)
            return k;
        for (size_t i = j + 1; i < k; i++)
            if (ex_is_digit((unsigned char)s[w[i].start]) && !fig_tenor_word(s, &w[i]))
                return j;
        return k;
    }
    return k;
}

/* Is w[last..firstw) no subject: a number first, one weak word, another
 * figure inside, a lone verb or participle, or a change noun ("rise")? */
static bool
fig_clause_rejected(const struct fig_res *fr, const char *s, const struct fig_word *w,
                    size_t last, size_t firstw)
{
    static const char *const numbers[] = {"two", "three", "four", "five", "six", "seven",
                                          "eight", "nine", "ten", NULL};
    size_t a = w[firstw - 1].start, b = w[last].end;
    if (firstw - last <= 3 && fig_word_in(s, &w[firstw - 1], numbers) &&
        ex_is_lower((unsigned char)s[a]))
        return true; /* "rose four cts to 9.91 dlrs": another figure */
    if ((ex_is_digit((unsigned char)s[a]) && !fig_tenor_word(s, &w[firstw - 1])) ||
        (firstw - last == 1 && fig_win(fr, s, &w[last], FW_WEAK)))
        return true;
    /* Another figure inside is not a subject ("more than 3 pct and ..."). */
    for (size_t j = last; j < firstw; j++)
        if (ex_is_digit((unsigned char)s[w[j].start]) && !(w[j].end - w[j].start == 4) &&
            !fig_name_number(s, w, j, firstw) &&
            !memchr(s + w[j].start, '-', w[j].end - w[j].start)) /* "10-year" is a word */
            return true;
    bool before_modal = last > 0 && fig_word_in(s, &w[last - 1], fig_modals);
    if (firstw - last == 1 && ex_is_lower((unsigned char)s[a]) && !before_modal &&
        (fig_win(fr, s, &w[last], FW_VERBS) || fig_win(fr, s, &w[last], FW_STRONG) ||
         (b - a > 4 && (strncmp(s + b - 3, "ing", 3) == 0 || strncmp(s + b - 2, "ed", 2) == 0))))
        return true;
    /* A trailing change noun phrase is no subject. */
    return fig_has(fr, FW_CHANGE_NOUNS, s + a, b - a, true) ||
           (firstw - last <= 2 && fig_win(fr, s, &w[last], FW_CHANGE_NOUNS));
}

/* A label run into the text before the figure: "Revenue: 4.5 mln dlrs",
 * "Operating profit: 310 mln", or without a colon in a run-in list
 * ("Highlights: Unemployment rate 4.1 pct"; not for counts, whose noun says
 * what they count): one to four words joined by single spaces (the first
 * capitalised unless a colon follows: "- exports: 2.1 bln"), starting the
 * sentence (after a bullet) or after a colon or semicolon, none a verb,
 * number, month, time noun or pronoun, not ending in a preposition. */
static char *
fig_runin_label(const struct fig_res *fr, const char *s, const struct span *sent, size_t fstart,
                enum figure_kind kind)
{
    size_t e = fstart;
    while (e > sent->start && s[e - 1] == ' ')
        e--;
    bool colon = e > sent->start && s[e - 1] == ':';
    if (colon) {
        e--;
        while (e > sent->start && s[e - 1] == ' ')
            e--;
    } else if (e == fstart || kind == FIGURE_COUNT) {
        return NULL;
    }
    struct fig_word w[5];
    size_t k = fig_words_before(s, sent->start, e, w, 5);
    if (k == 0 || k > 4 || w[0].end != e ||
        !(ex_is_upper((unsigned char)s[w[k - 1].start]) || colon))
        return NULL;
    size_t b = w[k - 1].start;
    while (b > sent->start && (s[b - 1] == ' ' || s[b - 1] == '-' || s[b - 1] == '*' ||
                               (unsigned char)s[b - 1] >= 0x80))
        b--; /* a list's bullet ("- exports:", "• Output:") */
    if (b > sent->start ? s[b - 1] != ':' && s[b - 1] != ';' : !colon)
        return NULL; /* without a colon only in a run-in list ("Highlights: ...") */
    for (size_t j = 0; j < k; j++) {
        const struct fig_word *x = &w[j];
        if ((j + 1 < k && (x->start != w[j + 1].end + 1 || s[w[j + 1].end] != ' ')) ||
            ex_is_digit((unsigned char)s[x->start]) || fig_win(fr, s, x, FW_VERBS) ||
            fig_win(fr, s, x, FW_STRONG) || fig_win(fr, s, x, FW_APPROX) ||
            fig_win(fr, s, x, FW_TIME_NOUNS) || fig_win(fr, s, x, FW_WEAK) ||
            fig_win(fr, s, x, FW_LEAD) || fig_win(fr, s, x, FW_PREPS) ||
            fig_has(fr, FW_MONTHS, s + x->start, x->end - x->start, false) ||
            fig_word_in(s, x, fig_report_times))
            return NULL;
    }
    return fig_clean_copy(s, w[k - 1].start, w[0].end);
}

/* What a change before the figure is in: "A cut in the income tax rate to
 * 4.4%", "a rise in average earnings by 5%": the words (nearest first)
 * w[0] "to" or "by", then up to five words back to "in" after a change
 * noun. NULL if the clause is not so shaped. */
static char *
fig_change_in_before(const struct fig_res *fr, const char *s, const struct fig_word *w,
                     size_t k)
{
    static const char *const changes[] = {"cut", "cuts", "rise", "rises", "fall", "increase",
                                          "decrease", "drop", "reduction", "hike", "raise",
                                          "jump", "decline", "change", NULL};
    if (k < 4 || !(fig_wis(s, &w[0], "to") || fig_wis(s, &w[0], "by")))
        return NULL;
    for (size_t j = 2; j + 1 < k && j <= 6; j++) {
        if (!fig_wis(s, &w[j], "in"))
            continue;
        if (!fig_word_in(s, &w[j + 1], changes))
            return NULL;
        size_t far = j - 1; /* the first word after "in" */
        if (far > 1 && fig_win(fr, s, &w[far], FW_LEAD))
            far--;
        for (size_t i = 1; i <= far; i++)
            if (ex_is_digit((unsigned char)s[w[i].start]) || fig_win(fr, s, &w[i], FW_PREPS) ||
                fig_win(fr, s, &w[i], FW_STRONG))
                return NULL;
        return fig_clean_copy(s, w[far].start, w[1].end);
    }
    return NULL;
}

/* A copy of the previous figure's subject, or NULL. */
static char *
fig_prev_dup(const char *prev_subject)
{
    return prev_subject ? xstrdup(prev_subject) : NULL;
}

/* The subject from the clause before the figure ("The total trade value
 * between China and the US hit $682.32 billion" -> "total trade value
 * between China and the US"), at most 60 bytes cut at a word; the
 * sentence's previous subject when the clause gives none. */
static char *
fig_subject_clause(const struct fig_res *fr, const char *s, const struct span *sent,
                   size_t fstart, const char *prev_subject, enum figure_kind kind)
{
    size_t lo = fig_clause_start(s, sent, fstart);
    struct fig_word w[24];
    size_t k = fig_words_before(s, lo, fstart, w, 24); /* w[0] is nearest */
    if (kind != FIGURE_COUNT && k > 2 && fig_wis(s, &w[1], "and") && fig_gapped_noun(fr, s, w, k))
        return fig_clean_copy(s, w[0].start, w[0].end); /* "and imports 6.1 pct" */
    k = fig_after_conjunction(fr, s, w, k);
    char *changed = fig_change_in_before(fr, s, w, k);
    if (changed)
        return changed;
    size_t last, firstw;
    fig_clause_words(fr, s, w, fig_skip_verbs(fr, s, w, k), k, &last, &firstw);
    if (kind != FIGURE_COUNT && firstw > last + 1 && w[firstw - 1].end - w[firstw - 1].start == 4 &&
        (memcmp(s + w[firstw - 1].start, "19", 2) == 0 ||
         memcmp(s + w[firstw - 1].start, "20", 2) == 0) &&
        ex_is_digit((unsigned char)s[w[firstw - 1].start + 2]) &&
        ex_is_digit((unsigned char)s[w[firstw - 1].start + 3]))
        firstw--; /* "its 1987 net profit": the year dates an amount's phrase */
    if (last >= firstw || fig_clause_rejected(fr, s, w, last, firstw)) {
        char *label = fig_runin_label(fr, s, sent, fstart, kind);
        if (!label)
            label = fig_subject_of_lead(s, sent, fstart);
        return label ? label : fig_prev_dup(prev_subject);
    }
    size_t a = w[firstw - 1].start, b = w[last].end;
    if (b - a > 60) {
        /* Keep the head: cut at the last word boundary before 60 bytes. */
        size_t cut = a + 60;
        while (cut > a && s[cut] != ' ')
            cut--;
        if (cut == a)
            return NULL;
        b = cut;
    }
    return fig_clean_copy(s, a, b);
}

/* What a change names after it: "an 18 per cent rise in consolidated net
 * profit", "a 40% drop in headline earnings" (up to four words after "in",
 * ending before a stop word, a verb or a number). NULL if none. */
static char *
fig_subject_change_in(const struct fig_res *fr, const char *s, const struct span *sent,
                      size_t fstart, size_t fend)
{
    /* words that end the phrase: prepositions no list holds, periods */
    static const char *const ends[] = {"during", "outside", "across", "among", "including",
                                       "against", "month", "year", "quarter", "week", NULL};
    struct fig_word w[7];
    size_t k = fig_words_after(s, fend, sent->end, w, 7);
    if (k < 3 || !fig_win(fr, s, &w[0], FW_CHANGE_NOUNS) || !fig_wis(s, &w[1], "in") ||
        !fig_in_noun_phrase(s, sent, fstart))
        return NULL;
    size_t first = fig_win(fr, s, &w[2], FW_LEAD) ? 3 : 2, stop = first;
    while (stop < k && stop < first + 4 && !ex_is_digit((unsigned char)s[w[stop].start]) &&
           !fig_win(fr, s, &w[stop], FW_SUBJ_STOPS) && !fig_win(fr, s, &w[stop], FW_VERBS) &&
           !fig_win(fr, s, &w[stop], FW_STRONG) && !fig_win(fr, s, &w[stop], FW_WEAK) &&
           !fig_win(fr, s, &w[stop], FW_PREPS) && !fig_word_in(s, &w[stop], ends) &&
           !fig_win(fr, s, &w[stop], FW_MONTHS))
        stop++;
    if (stop == first || (stop < k && stop == first + 4))
        return NULL;
    return fig_clean_copy(s, w[first].start, w[stop - 1].end);
}

/* Does a list's bullet ("•", "-", "*"), and at most an article, open the
 * line before the figure at fstart? *article says there was one. */
static bool
fig_bullet_first(const char *s, size_t fstart, bool *article)
{
    size_t a = fstart;
    while (a > 0 && s[a - 1] != '\n')
        a--;
    while (a < fstart && s[a] == ' ')
        a++;
    if (a + 3 <= fstart && memcmp(s + a, "\xe2\x80\xa2", 3) == 0)
        a += 3;
    else if (a < fstart && (s[a] == '-' || s[a] == '*'))
        a++;
    else
        return false;
    while (a < fstart && s[a] == ' ')
        a++;
    *article = false;
    if (a + 2 <= fstart && (s[a] == 'A' || s[a] == 'a') && s[a + 1] == ' ') {
        *article = true;
        a += 2;
    } else if (a + 3 <= fstart && (s[a] == 'A' || s[a] == 'a') && s[a + 1] == 'n' && s[a + 2] == ' ') {
        *article = true;
        a += 3;
    }
    return a == fstart;
}

/* A list item that opens with a figure says what it is for after it: "•
 * $1.2 billion for road and bridge repairs", "• A 3% raise for state
 * employees", "• $75 million to expand broadband" (up to four words,
 * ending at a comma, a preposition, a verb or a number). NULL if none. */
static char *
fig_subject_bullet(const struct fig_res *fr, const char *s, const struct span *sent,
                   size_t fstart, size_t fend)
{
    bool article;
    if (!fig_bullet_first(s, fstart, &article))
        return NULL;
    struct fig_word w[9];
    size_t k = fig_words_after(s, fend, sent->end, w, 9), first;
    if (k >= 2 && fig_wis(s, &w[0], "for"))
        first = 1;
    else if (article && k >= 3 && ex_is_lower((unsigned char)s[w[0].start]) &&
             fig_wis(s, &w[1], "for"))
        first = 2; /* "A 3% raise for state employees" */
    else if (k >= 3 && fig_wis(s, &w[0], "to") && ex_is_lower((unsigned char)s[w[1].start]) &&
             !fig_win(fr, s, &w[1], FW_LEAD))
        first = 2; /* "$75 million to expand broadband" */
    else
        return NULL;
    if (first < k && fig_win(fr, s, &w[first], FW_LEAD))
        first++;
    size_t stop = first;
    while (stop < k && stop < first + 4 && !ex_is_digit((unsigned char)s[w[stop].start]) &&
           !fig_win(fr, s, &w[stop], FW_PREPS) && !fig_win(fr, s, &w[stop], FW_STRONG) &&
           !fig_win(fr, s, &w[stop], FW_WEAK) && !fig_win(fr, s, &w[stop], FW_APPROX)) {
        stop++;
        if (s[w[stop - 1].end] == ',' || s[w[stop - 1].end] == ';')
            break;
    }
    while (stop > first && (fig_wis(s, &w[stop - 1], "and") || fig_wis(s, &w[stop - 1], "or")))
        stop--;
    if (stop == first)
        return NULL;
    return fig_clean_copy(s, w[first].start, w[stop - 1].end);
}

/* See lib.h. */
char *
fig_subject(const struct fig_res *fr, const char *s, const struct span *sent, size_t fstart,
            size_t fend, const char *prev_subject, enum figure_kind kind)
{
    char *r = fig_subject_of(fr, s, sent, fend, kind);
    if (!r)
        r = fig_subject_change_in(fr, s, sent, fstart, fend);
    if (!r)
        r = fig_subject_bullet(fr, s, sent, fstart, fend);
    if (!r)
        r = fig_subject_after(fr, s, sent, fstart, fend, kind);
    if (!r)
        r = fig_subject_paren(fr, s, sent, fstart, fend);
    if (!r && kind == FIGURE_SHARE) {
        /* "ASEAN accounted for 15.4% of ..." is ASEAN's share; "40% of
         * the population will" has only what it is a share of */
        r = fig_subject_clause(fr, s, sent, fstart, NULL, kind);
        if (!r)
            r = fig_subject_share(fr, s, sent, fend);
    }
    if (!r)
        r = fig_subject_clause(fr, s, sent, fstart, prev_subject, kind);
    if (!r && kind == FIGURE_AMOUNT)
        r = fig_subject_in_what(s, sent, fend);
    return r;
}

/* ---- direction, approximation, kind ---------------------------------------------- */

/* See lib.h. */
void
fig_context(const struct fig_res *fr, const char *s, const struct span *sent, struct figure *f,
            size_t num_start)
{
    struct fig_word before[6], after[3];
    size_t nb = fig_words_before(s, sent->start, f->span.start, before, 6);
    size_t na = fig_words_after(s, f->span.end, sent->end, after, 3);
    (void)num_start;

    /* Direction: the nearest up/down word (before, then just after). */
    for (size_t i = 0; i < nb && !f->direction; i++) {
        if (fig_win(fr, s, &before[i], FW_UP))
            f->direction = xstrdup("up");
        else if (fig_win(fr, s, &before[i], FW_DOWN))
            f->direction = xstrdup("down");
    }
    for (size_t i = 0; i < na && i < 2 && !f->direction; i++) {
        if (fig_wis(s, &after[i], "higher") || fig_wis(s, &after[i], "up"))
            f->direction = xstrdup("up");
        else if (fig_wis(s, &after[i], "lower") || fig_wis(s, &after[i], "down"))
            f->direction = xstrdup("down");
    }
    /* Approximation. */
    if (nb >= 1) {
        if (fig_win(fr, s, &before[0], FW_APPROX))
            f->approx = fig_clean_copy(s, before[0].start, before[0].end);
        else if (nb >= 2 && (fig_wis(s, &before[0], "than") || fig_wis(s, &before[0], "least") ||
                             fig_wis(s, &before[0], "to")) &&
                 (fig_wis(s, &before[1], "more") || fig_wis(s, &before[1], "less") ||
                  fig_wis(s, &before[1], "fewer") || fig_wis(s, &before[1], "at") ||
                  fig_wis(s, &before[1], "close") || fig_wis(s, &before[1], "up")))
            f->approx = fig_clean_copy(s, before[1].start, before[0].end);
        if (f->approx)
            for (char *p = f->approx; *p; p++)
                *p = (char)ex_lower((unsigned char)*p);
    }
    if (f->approx && strcmp(f->approx, "up to") == 0 && f->direction &&
        strcmp(f->direction, "up") == 0 && nb >= 2 && fig_wis(s, &before[1], "up")) {
        /* "up to 50%" is a ceiling, not a rise, unless another word says so. */
        free(f->direction);
        f->direction = NULL;
        for (size_t i = 2; i < nb && !f->direction; i++) {
            if (fig_win(fr, s, &before[i], FW_UP))
                f->direction = xstrdup("up");
            else if (fig_win(fr, s, &before[i], FW_DOWN))
                f->direction = xstrdup("down");
        }
    }

    /* Kind for percentages. */
    if (f->unit && strcmp(f->unit, "%") == 0) {
        bool rate = false, share = false;
        for (size_t i = 0; i < nb && i < 4; i++)
            if (fig_win(fr, s, &before[i], FW_RATE))
                rate = true;
        for (size_t i = 0; i < na && i < 2; i++)
            if (fig_win(fr, s, &after[i], FW_RATE))
                rate = true;
        for (size_t i = 0; i < nb && i < 4; i++)
            if (fig_win(fr, s, &before[i], FW_SHARE))
                share = true;
        if (na >= 2 && fig_wis(s, &after[0], "of") &&
            !ex_is_digit((unsigned char)s[after[1].start]))
            share = true;
        if (rate)
            f->kind = FIGURE_RATE;
        else if (share)
            f->kind = FIGURE_SHARE;
        else if (f->direction)
            f->kind = FIGURE_CHANGE;
        else {
            bool yoy = false;
            for (size_t i = 0; i < na; i++)
                if (fig_wis(s, &after[i], "year-on-year") || fig_wis(s, &after[i], "yoy"))
                    yoy = true;
            for (size_t i = 0; i < nb; i++)
                if (fig_wis(s, &before[i], "year-on-year"))
                    yoy = true;
            f->kind = yoy ? FIGURE_CHANGE : FIGURE_RATE;
        }
    }
}
