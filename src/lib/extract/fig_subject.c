/*
 * extract/fig_subject.c — a figure's subject when its own clause names
 * none: the noun phrase before a figure in parentheses ("retired women
 * (53%)"), the phrase of a sentence-opening "Of" ("Of those asked, 62%
 * said"), and the subject of the sentence's main clause ("The film, a
 * remake, was third with $7.5m"); the noun phrase a figure completes ("a
 * ceiling of 15.8 mln bpd", "raised its forecast to 4.3 trillion yen").
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* Words of FW_VERBS that are no verb: quantifiers and adverbs. */
static const char *const fig_not_verbs[] = {"more", "less", "least", "fewer", "only", "just",
                                            "all", "already", "reportedly", "likely", "up",
                                            "down", "worth", "between", "than", NULL};

/* Determiners: the word after one is a noun ("the total", "a cut"). */
static const char *const fig_dets[] = {"the", "a", "an", "its", "their", "his", "her", "our",
                                       "this", "these", "those", "that", NULL};

/* Words that open an adverbial before a main clause ("When it opened,",
 * "Despite the cut,"). */
static const char *const fig_openers[] = {
    "when", "where", "after", "before", "since", "while", "if", "although", "though",
    "because", "as", "despite", "until", "unless", "once", "following", "during", "amid",
    "meanwhile", "however", "but", "yet", "so", "also", NULL};

/* Is w[i] (of k) a verb of a main clause ("was", "took", "grossed"), as
 * written in lower case, not after a determiner or a possessive and not
 * before "of" ("the total cost of", "Singapore's own port")? Prepositions,
 * determiners and quantifiers are not. */
static bool
fig_main_verb(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t i,
              size_t k)
{
    if ((i > 0 && fig_word_in(s, &w[i - 1], fig_dets)) ||
        (i + 1 < k && fig_wis(s, &w[i + 1], "of")))
        return false;
    if (i > 0 && w[i - 1].end - w[i - 1].start > 2 && s[w[i - 1].end - 2] == '\'' &&
        s[w[i - 1].end - 1] == 's')
        return false; /* "Singapore's own port": after a possessive, an adjective */
    w += i;
    if (!ex_is_lower((unsigned char)s[w->start]) || fig_wis(s, w, "total"))
        return false; /* "China total trade": an adjective first */
    if (fig_win(fr, s, w, FW_STRONG) || fig_past_participle(s, w))
        return true;
    return fig_win(fr, s, w, FW_VERBS) && !fig_win(fr, s, w, FW_PREPS) &&
           !fig_win(fr, s, w, FW_APPROX) && !fig_win(fr, s, w, FW_LEAD) &&
           !fig_word_in(s, w, fig_not_verbs);
}

/* s[w[a].start, w[b - 1].end) (words in reading order) as a subject:
 * function words dropped at both ends; NULL when nothing is left, it starts
 * with a number, or it is a lone pronoun. At most 60 bytes, cut before a
 * conjunction or preposition. */
static char *
fig_phrase(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t a,
           size_t b)
{
    while (a < b && fig_win(fr, s, &w[a], FW_LEAD))
        a++;
    while (b > a && (fig_win(fr, s, &w[b - 1], FW_LEAD) ||
                     fig_word_in(s, &w[b - 1], fig_not_verbs)))
        b--; /* "the company also", "it only" */
    if (a == b || (b - a == 1 && fig_win(fr, s, &w[a], FW_WEAK)) ||
        ex_is_digit((unsigned char)s[w[a].start]))
        return NULL;
    if (w[b - 1].end - w[a].start > 60) {
        /* Too long: end before its last "and" (else preposition) that
         * leaves at most 60 bytes ("Trade between China and ..."). */
        size_t cut = 0, cut_and = 0;
        for (size_t i = a + 1; i < b && w[i].start - w[a].start <= 61; i++) {
            if (fig_wis(s, &w[i], "and") || fig_wis(s, &w[i], "or"))
                cut_and = i;
            else if (fig_win(fr, s, &w[i], FW_PREPS) || fig_wis(s, &w[i], "between"))
                cut = i;
        }
        b = cut_and ? cut_and : cut;
        if (b <= a)
            return NULL;
    }
    return fig_clean_copy(s, w[a].start, w[b - 1].end);
}

/* See lib.h. */
char *
fig_subject_paren(const struct fig_res *fr, const char *s, const struct span *sent,
                  size_t fstart, size_t fend)
{
    size_t p = fstart, q = fend;
    while (p > sent->start && s[p - 1] == ' ')
        p--;
    if (p == sent->start || s[p - 1] != '(')
        return NULL;
    while (q < sent->end && s[q] == ' ')
        q++;
    if (q < sent->end && s[q] != ')' && s[q] != ';' && s[q] != ',')
        return NULL;
    p--;
    while (p > sent->start && s[p - 1] == ' ')
        p--;
    struct fig_word w[5], r[4];
    size_t k = fig_words_before(s, fig_clause_start(s, sent, p), p, w, 5);
    if (k == 0 || w[0].end != p || ex_is_digit((unsigned char)s[w[0].start]))
        return NULL; /* "$86m (£46m)": a conversion, the first figure's subject */
    size_t n = 0;
    while (n < k && n < 4 && !ex_is_digit((unsigned char)s[w[n].start]) &&
           !fig_win(fr, s, &w[n], FW_VERBS) && !fig_win(fr, s, &w[n], FW_STRONG) &&
           !fig_win(fr, s, &w[n], FW_PREPS) && !fig_win(fr, s, &w[n], FW_WEAK) &&
           !fig_win(fr, s, &w[n], FW_LEAD))
        n++;
    for (size_t i = 0; i < n; i++)
        r[i] = w[n - 1 - i]; /* reading order */
    return n ? fig_phrase(fr, s, r, 0, n) : NULL;
}

/* See lib.h. */
char *
fig_subject_of_lead(const char *s, const struct span *sent, size_t fstart)
{
    size_t lo = fig_clause_start(s, sent, fstart);
    if (lo == sent->start || s[lo - 1] != ',')
        return NULL;
    struct fig_word w[7];
    size_t k = fig_words_after(s, sent->start, lo, w, 7);
    if (k < 2 || k == 7 || !fig_wis(s, &w[0], "of"))
        return NULL;
    for (size_t i = w[k - 1].end; i + 1 < lo; i++)
        if (s[i] != ' ')
            return NULL; /* the opener's comma is the clause's */
    size_t first = fig_wis(s, &w[1], "the") ? 2 : 1;
    if (first >= k)
        return NULL;
    return fig_clean_copy(s, w[first].start, w[k - 1].end);
}

/* Up to max words of s[pos, hi) in reading order, parentheses skipped,
 * ending at a comma (*next is then the byte after it, else SIZE_MAX), a
 * semicolon or a colon. Returns how many. */
static size_t
fig_main_words(const char *s, size_t pos, size_t hi, struct fig_word *w, size_t max,
               size_t *next)
{
    size_t k = 0, i = pos;
    int depth = 0;
    *next = SIZE_MAX;
    while (i < hi) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(' || c == ')') {
            depth += c == '(' ? 1 : (depth > 0 ? -1 : 0);
        } else if (depth == 0 && c == ',') {
            *next = i + 1;
            return k;
        } else if (depth == 0 && (c == ';' || c == ':')) {
            return k;
        } else if (depth == 0 && (ex_is_alpha(c) || ex_is_digit(c))) {
            if (k == max)
                return k;
            w[k].start = i;
            while (i < hi && (ex_is_alpha((unsigned char)s[i]) || ex_is_digit((unsigned char)s[i]) ||
                              s[i] == '-' || s[i] == '\''))
                i++;
            w[k++].end = i;
            continue;
        }
        i++;
    }
    return k;
}

/* Is the segment w[0..k) an adverbial before the main clause: a word that
 * opens one ("When", "Despite"), a preposition, a number, a month, or one
 * word ending in "ly" ("Separately")? */
static bool
fig_main_opener(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t k)
{
    size_t n = w[0].end - w[0].start;
    return fig_word_in(s, &w[0], fig_openers) || fig_win(fr, s, &w[0], FW_PREPS) ||
           ex_is_digit((unsigned char)s[w[0].start]) ||
           fig_has(fr, FW_MONTHS, s + w[0].start, n, false) ||
           (k == 1 && n > 3 && s[w[0].end - 2] == 'l' && s[w[0].end - 1] == 'y');
}

/* The subject of w[0..k) whose first verb is w[v]: the words before it,
 * or, when the verb reports ("The firm said its sales were"), the words
 * between "said (that)" and the next verb (the sayer when that is a
 * pronoun). NULL if none. */
static char *
fig_main_phrase(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t v,
                size_t k)
{
    static const char *const reports[] = {"said", "says", "announced", "reported", "showed",
                                          NULL};
    if (!fig_word_in(s, &w[v], reports) || (v + 1 < k && fig_wis(s, &w[v + 1], "by")))
        return v <= 10 ? fig_phrase(fr, s, w, 0, v) : NULL; /* "reported by" describes */
    size_t a = v + 1;
    if (a < k && fig_wis(s, &w[a], "that"))
        a++;
    size_t b = a;
    while (b < k && !fig_main_verb(fr, s, w, b, k))
        b++;
    char *r = b < k && b > a && b - a <= 10 ? fig_phrase(fr, s, w, a, b) : NULL;
    if (!r && b == a + 1 && fig_win(fr, s, &w[a], FW_WEAK) && v <= 10)
        r = fig_phrase(fr, s, w, 0, v); /* "The firm said it spent": the firm */
    return r;
}

/* See lib.h. */
char *
fig_subject_main(const struct fig_res *fr, const char *s, const struct span *sent,
                 size_t fstart)
{
    size_t pos = fig_dateline_end(s, sent), nc = 0, next;
    struct fig_word cand[6]; /* a subject whose verb comes after a comma */
    for (int seg = 0; seg < 5 && pos < fstart; seg++) {
        struct fig_word w[16];
        size_t k = fig_main_words(s, pos, fstart, w, 16, &next);
        if (k == 0)
            return NULL;
        size_t v = 0;
        while (v < k && !fig_main_verb(fr, s, w, v, k))
            v++;
        if (nc && (v == 0 || fig_wis(s, &w[0], "which") || fig_wis(s, &w[0], "who")))
            return fig_phrase(fr, s, cand, 0, nc); /* "Delta, which lost $6m," */
        bool apposition = nc && fig_word_in(s, &w[0], fig_dets);
        if (!apposition && fig_main_opener(fr, s, w, k)) {
            /* "Separately," "Before the match," "Qwest, meanwhile," */
        } else if (!apposition && v < k && v > 0) {
            return fig_main_phrase(fr, s, w, v, k);
        } else if (!apposition && v == k && k <= 6 && ex_is_upper((unsigned char)s[w[0].start])) {
            memcpy(cand, w, k * sizeof *w);
            nc = k;
        } else if (!apposition) {
            return NULL;
        }
        if (next == SIZE_MAX)
            return NULL;
        pos = next;
    }
    return NULL;
}

/* Heads before "of" that name no measure of their own: quantifiers and
 * parts ("one of", "a total of", "the rest of"), rates whose measure the
 * clause names ("an annual rate of"), the words other rules read ("a share
 * of", "a majority of", "a population of") and the nouns of light verbs
 * ("took delivery of"). */
static const char *const fig_of_heads_not[] = {
    "one", "some", "all", "most", "many", "each", "any", "none", "both", "half", "part",
    "majority", "minority", "share", "total", "sum", "number", "tune", "amount", "lot", "lots",
    "couple", "handful", "range", "maximum", "minimum", "upwards", "excess", "proportion",
    "percent", "cent", "rest", "end", "start", "beginning", "top", "bottom", "middle", "age",
    "population", "toll", "score", "group", "series", "set", "list", "out", "instead",
    "because", "ahead", "outside", "inside", "front", "made", "worth", "average", "rate",
    "pace", /* what a light verb takes: "took delivery of", "took control of" */
    "delivery", "control", "possession", "advantage", "charge", "use", "note",
    "account",
    /* a level or a guess of what the clause names: "hit a record of", "a
     * previous estimate of", "in the region of", "the equivalent of" */
    "high", "low", "record", "peak", "estimate", "estimates", "expectation", "expectations",
    "projection", "projections", "forecast", "forecasts", "figure", "figures", "equivalent",
    "region", "area", "order", "shape", "form", "consist", "consists", "consisting", NULL};

/* Verbs that set a measure they name as their object ("raised its
 * forecast to", "cut its base rate by", "kept its outlook at"). */
static const char *const fig_setting_verbs[] = {
    "raised", "raises", "raise", "raising", "lifted", "lifts", "lift", "lowered", "lowers",
    "lower", "lowering", "cut", "cuts", "cutting", "trimmed", "trims", "trim", "kept", "keeps",
    "keep", "held", "holds", "hold", "left", "leaves", "leave", "set", "sets", "revised",
    "revises", "increased", "increases", "reduced", "reduces", "boosted", "boosts", "slashed",
    "slashes", "hiked", "hikes", "upgraded", "downgraded", "narrowed", "widened",
    /* "The offer values Brightwell's equity at about $8.4 billion" */
    "values", "valued", NULL};

/* Is w a word of a noun phrase written in lower case ("self-imposed",
 * "full-year", "output"): letters and inner hyphens only? */
static bool
fig_np_word(const char *s, const struct fig_word *w)
{
    if (!ex_is_lower((unsigned char)s[w->start]))
        return false;
    for (size_t i = w->start; i < w->end; i++)
        if (!ex_is_lower((unsigned char)s[i]) && s[i] != '-')
            return false;
    return s[w->end - 1] != '-';
}

/* Does a comma, semicolon or colon follow word w (a clause's edge)? */
static bool
fig_word_edge(const char *s, const struct fig_word *w, size_t hi)
{
    return w->end < hi && (s[w->end] == ',' || s[w->end] == ';' || s[w->end] == ':');
}

/* "a global quota of 58 mln bags": w[0] is "of", w[1..] the phrase before
 * it (nearest first), up to four lower-case words after a determiner, a
 * possessive, a preposition or a verb. */
static char *
fig_subject_before_of(const struct fig_res *fr, const char *s, const struct fig_word *w,
                      size_t k, size_t hi)
{
    /* what a light verb takes is no phrase ("took charge of"), unless a
     * modifier makes it one ("a standing charge of", "pretax charge of") */
    static const char *const light[] = {"delivery", "control", "possession", "advantage",
                                        "charge", "use", "note", "account", NULL};
    static const char *const verbs[] = {"includes", "included", "including", "comprises",
                                        "contains", "covers", "presented", "unveiled", NULL};
    if (k < 3 || !fig_wis(s, &w[0], "of") ||
        (fig_word_in(s, &w[1], fig_of_heads_not) &&
         !(fig_word_in(s, &w[1], light) && fig_np_word(s, &w[2]) &&
           !fig_word_in(s, &w[2], fig_dets) && !fig_win(fr, s, &w[2], FW_VERBS) &&
           !fig_win(fr, s, &w[2], FW_STRONG) && !fig_win(fr, s, &w[2], FW_PREPS))))
        return NULL;
    size_t j = 1;
    while (j < k && j <= 5 && fig_np_word(s, &w[j]) && !fig_word_in(s, &w[j], fig_dets) &&
           !fig_win(fr, s, &w[j], FW_PREPS) && !fig_win(fr, s, &w[j], FW_LEAD) &&
           (j == 1 || (!fig_word_edge(s, &w[j], hi) && !fig_win(fr, s, &w[j], FW_STRONG) &&
                       !fig_win(fr, s, &w[j], FW_VERBS) && !fig_word_in(s, &w[j], verbs))))
        j++;
    if (j < k && j >= 2 && fig_word_in(s, &w[j], verbs))
        return fig_clean_copy(s, w[j - 1].start, w[1].end); /* "presented spending estimates of" */
    if (j == 1 || j > 5 || j == k)
        return NULL; /* no phrase, one too long to be one, or no word before it */
    if (fig_win(fr, s, &w[1], FW_CHANGE_NOUNS))
        return NULL; /* "a (year-on-year) rise of 5%": of what the clause names */
    static const char *const times[] = {"month", "year", "week", "day", "decade", "all-time",
                                        NULL};
    for (size_t i = 2; i < j; i++)
        if (fig_past_participle(s, &w[i]) || fig_word_in(s, &w[i], times) ||
            (w[i].end - w[i].start > 3 && s[w[i].end - 2] == 'l' && s[w[i].end - 1] == 'y'))
            return NULL; /* "a seasonally adjusted ...", "a four month high" */
    const struct fig_word *b = &w[j];
    if (j + 1 < k && fig_word_in(s, b, fig_dets) && fig_wis(s, &w[j + 1], "in"))
        return NULL; /* "growth in the eurozone of 1.9%": the phrase is longer */
    bool possessive = b->end - b->start > 2 && s[b->end - 1] == 's' && s[b->end - 2] == '\'';
    /* after a determiner, a possessive or a verb it is a phrase of its own;
     * after a preposition it is part of a longer one ("margin of error of",
     * "provision for loan losses of", "to extend output cuts of") */
    if (fig_win(fr, s, b, FW_PREPS) ||
        (!fig_word_in(s, b, fig_dets) && !possessive && !fig_win(fr, s, b, FW_STRONG) &&
         !fig_win(fr, s, b, FW_VERBS) && !fig_past_participle(s, b)))
        return NULL;
    return fig_clean_copy(s, w[j - 1].start, w[1].end);
}

/* "raised its full-year operating profit forecast to 4.3 trillion yen",
 * "lowered its growth forecast for this year to 1.5%", "cut its base rate
 * by 25 basis points": w[0] is "to", "at" or "by"; the object is the
 * phrase after the determiner that follows a setting verb, up to a
 * preposition. */
static char *
fig_subject_object(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t k)
{
    static const char *const dets[] = {"its", "their", "his", "her", "our", "the", NULL};
    if (k > 0 && fig_win(fr, s, &w[0], FW_APPROX)) {
        w++; /* "at about $8.4 billion" */
        k--;
    }
    if (k < 4 || !(fig_wis(s, &w[0], "to") || fig_wis(s, &w[0], "at") || fig_wis(s, &w[0], "by")))
        return NULL;
    size_t d = 1;
    while (d + 1 < k && d <= 9 && !fig_word_in(s, &w[d], dets) &&
           !(w[d].end - w[d].start > 2 && s[w[d].end - 2] == '\'' && s[w[d].end - 1] == 's' &&
             d >= 2)) { /* a possessive determines too: "values Brightwell's equity" */
        if (ex_is_digit((unsigned char)s[w[d].start]) || !ex_is_alpha((unsigned char)s[w[d].start]))
            return NULL;
        d++;
    }
    if (d + 1 >= k || d > 9 || d < 2 || !fig_word_in(s, &w[d + 1], fig_setting_verbs))
        return NULL;
    size_t e = d - 1; /* the phrase runs from w[d - 1] towards w[1] */
    while (e >= 1 && fig_np_word(s, &w[e]) && !fig_win(fr, s, &w[e], FW_PREPS) &&
           !fig_past_participle(s, &w[e]) && /* "kept its rate unchanged at" */
           (!fig_win(fr, s, &w[e], FW_LEAD) ||
            /* "the base bus and rail fare": "and" inside the phrase */
            (fig_wis(s, &w[e], "and") && e + 1 < d && e > 1 && fig_np_word(s, &w[e - 1]) &&
             !fig_win(fr, s, &w[e - 1], FW_PREPS) && !fig_win(fr, s, &w[e - 1], FW_LEAD))) &&
           d - e <= 6)
        e--;
    if (e + 1 == d || d - e > 6)
        return NULL;
    bool owner = s[w[d].end - 1] == 's' && s[w[d].end - 2] == '\''; /* "China's trade surplus" */
    return fig_clean_copy(s, w[owner ? d : d - 1].start, w[e + 1].end);
}

/* See lib.h. */
char *
fig_subject_named(const struct fig_res *fr, const char *s, const struct span *sent,
                  size_t fstart)
{
    struct fig_word w[12];
    size_t lo = fig_clause_start(s, sent, fstart);
    size_t k = fig_words_before(s, lo, fstart, w, 12); /* w[0] is nearest */
    char *r = fig_subject_before_of(fr, s, w, k, fstart);
    return r ? r : fig_subject_object(fr, s, w, k);
}
