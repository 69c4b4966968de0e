/*
 * extract/fig_tidy.c — a figure's subject made a noun phrase. The steps
 * that find a subject take the words before or after a figure up to a
 * known verb or stop word; when the verb is one no list knows ("The bill
 * includes", "BA's shares closed up four pence", "a deal that raises
 * wages") or an adverb ends the words ("Kuwait itself", "It now"), what
 * they return is a fragment. This step cuts such a subject at its verb and
 * trims what cannot end a noun phrase; NULL when nothing is left, so the
 * next way of finding a subject is tried.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

#define TIDY_MAX 24

/* Words that cannot end a noun phrase: adverbs, auxiliaries, a
 * comparative left by "as much as", "closer to". */
static const char *const tidy_tail[] = {
    "now", "then", "itself", "themselves", "himself", "herself", "today", "yesterday",
    "later", "also", "still", "already", "currently", "alone", "slightly", "sharply", "due",
    "recently", "respectively", "overall", "initially", "previously", "originally", "much",
    "many", "higher", "lower", "closer", "had", "has", "have", "been", "be", "was", "were",
    "is", "are", "will", "would", "could", "can", "may", "might", "should", "as", "so",
    /* adverbs and adjectives before a verb or a figure ("was earlier estimated", "as
     * high as", "little changed at", "to close at", "late Thursday") */
    "earlier", "early", "late", "little", "high", "low", "close", "not", "ago", "if",
    "unless", NULL};

/* Verbs no figure list holds that are never nouns. */
static const char *const tidy_verbs[] = {
    "includes", "include", "thought", "think", "thinks", "believe", "believes", "surpass",
    "surpasses", "involves", "contains", "pushes", "puts", "brings", "leaves", "say", "says",
    "said", "told", "argue", "argues", "claim", "reckon", "reckons",
    /* past tenses that are never nouns or adjectives */
    "ran", "sent", "went", "came", "began", "took", "gave", "got", "bought", "brought", "sold",
    "paid", "spent", "won", "fell", "rose", "grew", "knew", "drew", "met",
    /* present tenses that take a quantity as object */
    "produce", "produces", "generate", "generates", "operate", "operates", "serve", "serves",
    "carry", "carries", "represent", "represents", "employ", "produced", "put",
    /* market moves and verbs of extent no figure list holds */
    "shed", "firmed", "edged", "rallied", "affects", "affect", "covers", "want", "wants",
    "earn", "earns", "left", "kept", "keeps", NULL};

/* Verbs of expectation: what they take is the thing measured ("The bank
 * now sees growth of 1.8%", "officials expect core inflation of 2.8%"). */
static const char *const tidy_expect[] = {"sees", "see", "saw", "expects", "expect",
                                          "forecasts", "projects", "predicts", NULL};

/* Words that open a clause or an adverbial, never a noun phrase
 * ("Although below last year's peak"). */
static const char *const tidy_openers[] = {"although", "though", "because", "if", "unless",
                                           "despite", "following", "whether", "once", NULL};

/* Words that alone are no noun phrase: adverbs, wh-words, adjectives
 * left by "stuck at", "short of", "each put up". */
static const char *const tidy_lone[] = {"well", "only", "why", "how", "what", "when", "where",
                                        "each", "both", "short", "stuck", "just", "even", "far",
                                        "never", "ever", "put", "across", "among", "amid",
                                        "throughout", "versus", NULL};

/* Days of the week. */
static const char *const tidy_days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday", NULL};

/* Words ending in "ed" that are no past tense. */
static const char *const tidy_not_past[] = {"speed", "greed", "breed", "hundred", "indeed",
                                            "kindred", NULL};

/* Quantifiers: a past participle after one qualifies a noun. */
static const char *const tidy_quantifiers[] = {"all", "most", "many", "some", "newly", NULL};

/* Determiners: a verb followed by one has an object. */
static const char *const tidy_dets[] = {"the", "a", "an", "its", "their", "his", "her",
                                        "our", "some", "this", "these", NULL};

/* Nouns that only say what kind of number follows ("costs an average of
 * £4.80"): the thing measured is before the verb. */
static const char *const tidy_generic[] = {"average", "total", "sum", "maximum", "minimum",
                                           "peak", "record", "level", "figure", "amount",
                                           "estimated", NULL};

/* Periods: one before "the" ends an adverbial of time ("Over the whole
 * year the economy"). */
static const char *const tidy_periods[] = {"year", "month", "week", "quarter", "decade",
                                           "season", "period", "night", "morning", NULL};

static bool
tidy_in(const char *s, const struct fig_word *w, const char *const *list)
{
    return fig_word_in(s, w, list);
}

/* Is w a tenor ("two-year", "10-year", "six-month"), after which a past
 * participle qualifies a noun ("two-year fixed rate")? */
static bool
tidy_tenor(const char *s, const struct fig_word *w)
{
    static const char *const ends[] = {"-year", "-month", "-week", "-day", "-term", NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t k = strlen(*e);
        if (w->end - w->start > k && memcmp(s + w->end - k, *e, k) == 0)
            return true;
    }
    return false;
}

/* Is w a verb here: a known one, a lower-case past tense after a word that
 * is no determiner or preposition ("shares closed up", not "the proposed
 * tax"; last in the phrase only after an auxiliary: "shoppers questioned"
 * is a noun phrase, "had been earmarked" no), or a lower-case word ending
 * in "s" before a determiner ("costs an")? prev and next may be NULL. */
static bool
tidy_is_verb(const struct fig_res *fr, const char *s, const struct fig_word *w,
             const struct fig_word *prev, const struct fig_word *next)
{
    if (!ex_is_lower((unsigned char)s[w->start]))
        return false;
    if (tidy_in(s, w, tidy_verbs))
        return true;
    size_t n = w->end - w->start;
    if (fig_past_participle(s, w) && !tidy_in(s, w, tidy_not_past))
        return prev && !tidy_in(s, prev, tidy_dets) && !fig_win(fr, s, prev, FW_PREPS) &&
               !tidy_tenor(s, prev) && /* "two-year fixed" */
               !tidy_in(s, prev, tidy_quantifiers) && /* "all listed companies" */
               !fig_win(fr, s, prev, FW_LEAD) && (next || tidy_in(s, prev, tidy_tail));
    return n > 3 && s[w->end - 1] == 's' && s[w->end - 2] != 's' && next &&
           tidy_in(s, next, tidy_dets) && prev && !tidy_in(s, prev, tidy_dets);
}

/* Is the one word w no subject: a pronoun, a change noun ("rise"), a
 * lower-case verb form ("following", "received") or a currency named in
 * the plural ("euros", left by a conversion)? */
static bool
tidy_no_noun(const struct fig_res *fr, const char *s, const struct fig_word *w)
{
    size_t n = w->end - w->start;
    if (fig_win(fr, s, w, FW_WEAK) ||
        (fig_win(fr, s, w, FW_CHANGE_NOUNS) && !fig_wis(s, w, "growth")))
        return true; /* but growth is a thing measured ("sees growth of 1.8%") */
    if (ex_is_lower((unsigned char)s[w->start]) && n > 4 &&
        (memcmp(s + w->end - 3, "ing", 3) == 0 || fig_past_participle(s, w)))
        return true;
    const struct fig_unitmap *um = fig_unit_lookup(s, w->start, w->end);
    return um && um->cls == 2 && s[w->end - 1] == 's';
}

/* The words of subj (reading order) into w; returns how many. */
static size_t
tidy_words(const char *subj, struct fig_word *w, size_t max)
{
    size_t k = 0, i = 0;
    while (subj[i] && k < max) {
        while (subj[i] == ' ')
            i++;
        if (!subj[i])
            break;
        w[k].start = i;
        while (subj[i] && subj[i] != ' ')
            i++;
        w[k++].end = i;
    }
    return k;
}

/* Does w hold a letter or a digit? */
static bool
tidy_has_alnum(const char *s, const struct fig_word *w)
{
    for (size_t i = w->start; i < w->end; i++)
        if (ex_is_alpha((unsigned char)s[i]) || ex_is_digit((unsigned char)s[i]))
            return true;
    return false;
}

/* The words [*a, *b) cut at a relative pronoun ("deal that raises wages":
 * what the relative clause's verb acts on, else what comes before it), a
 * verb ("bill includes"; "pushed the Nikkei average": the object, unless
 * it only names a kind of number), an infinitive ("crop to shrink") and a
 * preposition before a gerund ("experts by forecasting"). */
static void
tidy_cut(const struct fig_res *fr, const char *s, const struct fig_word *w, size_t *a, size_t *b)
{
    for (size_t j = *a + 1; j < *b; j++) {
        if (fig_wis(s, &w[j], "that") || fig_wis(s, &w[j], "which") || fig_wis(s, &w[j], "who")) {
            if (j + 2 < *b && ex_is_lower((unsigned char)s[w[j + 1].start]))
                *a = j + 2 + (tidy_in(s, &w[j + 2], tidy_dets) && j + 3 < *b);
            else
                *b = j;
            break;
        }
    }
    for (size_t j = *a + 1; j < *b; j++) {
        const struct fig_word *next = j + 1 < *b ? &w[j + 1] : NULL;
        if (tidy_in(s, &w[j], tidy_expect) && next) {
            *a = j + 1 + (tidy_in(s, next, tidy_dets) && j + 2 < *b);
            break;
        }
        if (!tidy_is_verb(fr, s, &w[j], &w[j - 1], next))
            continue;
        if (next && tidy_in(s, next, tidy_dets) && j + 2 < *b &&
            !tidy_in(s, &w[j + 2], tidy_generic))
            *a = j + 2;
        else
            *b = j;
        break;
    }
    for (size_t j = *a + 1; j + 1 < *b; j++) {
        const struct fig_word *x = &w[j + 1];
        bool ing = x->end - x->start > 5 && memcmp(s + x->end - 3, "ing", 3) == 0;
        if (ex_is_lower((unsigned char)s[x->start]) && !tidy_in(s, x, tidy_dets) &&
            (fig_wis(s, &w[j], "to") || (ing && fig_win(fr, s, &w[j], FW_PREPS)))) {
            *b = j; /* "crop to shrink", "experts by forecasting" */
            break;
        }
    }
}

/* Cut what opens or ends the phrase [*a, *b) without naming the thing
 * measured: a place before the phrase's determiner ("In Dublin the average
 * rent", its preposition cut before), a time's possessive ("this year's
 * corn crop"), "One" before a name ("One Lincolnshire grower"), a time
 * after it ("Corn ending stocks next August"; not "for all of last year",
 * the period itself), a rate's period ("natural gas a day"). */
static void
tidy_time_edges(const struct fig_res *fr, const char *subj, const struct fig_word *w, size_t *a,
                size_t *b)
{
    static const char *const times[] = {"year's", "month's", "week's", "quarter's", "day's",
                                        "season's", "year", "month", "week", "quarter", NULL};
    static const char *const near[] = {"next", "last", "this", NULL};
    static const char *const whole[] = {"half", "all", "both", "against", "among", "amid",
                                        "despite", "unlike", NULL};
    for (size_t j = *a + 1; j + 1 < *b && j <= *a + 3; j++) {
        const struct fig_word *p = &w[j - 1];
        if (!ex_is_upper((unsigned char)subj[p->start]) || fig_win(fr, subj, p, FW_PREPS) ||
            tidy_in(subj, p, whole) ||
            (p->end - p->start > 4 && memcmp(subj + p->end - 3, "ing", 3) == 0))
            break; /* "Against the yen", "Half the world's", "Investigating the" */
        if (subj[w[j].start] == 't' && fig_wis(subj, &w[j], "the") &&
            ex_is_lower((unsigned char)subj[w[j + 1].start])) {
            *a = j + 1;
            break;
        }
    }
    if (*b - *a > 1 && tidy_in(subj, &w[*a], times) && subj[w[*a].end - 1] == 's')
        (*a)++;
    if (*b - *a > 1 && subj[w[*a].start] == 'O' && fig_wis(subj, &w[*a], "one") &&
        ex_is_upper((unsigned char)subj[w[*a + 1].start]))
        (*a)++; /* not "nine points" (a move's own text), "Six Nations" (a name) */
    if (*b - *a > 3 && tidy_in(subj, &w[*b - 2], near) &&
        !fig_win(fr, subj, &w[*b - 3], FW_PREPS) && !fig_wis(subj, &w[*b - 3], "the") &&
        (tidy_in(subj, &w[*b - 1], times) ||
         fig_has(fr, FW_MONTHS, subj + w[*b - 1].start, w[*b - 1].end - w[*b - 1].start, false)))
        *b -= 2;
    static const char *const spans[] = {"within", "for", "in", "over", "after", "under", NULL};
    if (*b - *a > 2 && (fig_wis(subj, &w[*b - 2], "a") || fig_wis(subj, &w[*b - 2], "per")) &&
        tidy_in(subj, &w[*b - 1], times) && !tidy_in(subj, &w[*b - 3], spans) &&
        !fig_win(fr, subj, &w[*b - 3], FW_PREPS))
        *b -= 2; /* "natural gas a day": the rate's period */
    /* "Operating profit in the July-September quarter": the period the
     * phrase ends with is the figure's period, not what it measures */
    static const char *const periods[] = {"quarter", "half", "year", "month", "week", "period",
                                          "season", NULL};
    static const char *const opens[] = {"in", "during", "for", "over", NULL};
    for (size_t j = *b >= 5 ? *b - 5 : *a; j + 2 < *b; j++)
        if (j > *a && tidy_in(subj, &w[j], opens) && fig_wis(subj, &w[j + 1], "the") &&
            tidy_in(subj, &w[*b - 1], periods)) {
            *b = j;
            break;
        }
}

/* Is w a dash standing alone ("-", an en or em dash)? */
static bool
tidy_dash(const char *s, const struct fig_word *w)
{
    size_t n = w->end - w->start;
    return (n == 1 && s[w->start] == '-') ||
           (n == 3 && memcmp(s + w->start, "\xe2\x80", 2) == 0 &&
            ((unsigned char)s[w->start + 2] == 0x93 || (unsigned char)s[w->start + 2] == 0x94));
}

/* Cut the place and day a phrase [*a, *b) is framed by: a dateline
 * before it ("Toronto - The federal government"), a day after it ("The
 * Union Cabinet on Wednesday") and a named place it ends with ("Cement
 * prices in Delhi", "solar farm near Dunmore"): where and when, not what
 * is measured. */
static void
tidy_place_edges(const char *s, const struct fig_word *w, size_t *a, size_t *b)
{
    for (size_t j = *a + 1; j + 1 < *b && j <= *a + 3; j++) {
        if (!ex_is_upper((unsigned char)s[w[j - 1].start]))
            break;
        if (tidy_dash(s, &w[j])) {
            if (ex_is_upper((unsigned char)s[w[j + 1].start]))
                *a = j + 1; /* not "Mr Yushchenko - keen", "Venezuela - the world's" */
            break;
        }
    }
    /* not "at": "US sales at GM", "directors at WorldCom" name the firm */
    static const char *const at[] = {"in", "near", NULL};
    if (*b - *a > 2 && fig_wis(s, &w[*b - 2], "on") && tidy_in(s, &w[*b - 1], tidy_days))
        *b -= 2;
    size_t j = *b;
    while (j > *a && *b - j < 3 && ex_is_upper((unsigned char)s[w[j - 1].start]))
        j--;
    /* nouns whose "in" names what they are in ("direct investment in
     * ASEAN", "a stake in Vodafone", "shares in Barclays"): part of the thing */
    static const char *const into[] = {"investment", "investments", "stake", "stakes",
                                       "shares", "share", "stock", "stocks",
                                       "interest", "holding", "holdings", "exposure",
                                       "presence", NULL};
    if (j < *b && j >= *a + 2 && tidy_in(s, &w[j - 1], at) &&
        !ex_is_upper((unsigned char)s[w[j - 2].start]) && !tidy_in(s, &w[j - 2], into))
        *b = j - 1;
    /* a long phrase framed by where or on what ("Carbon dioxide at the
     * Mauna Loa observatory", "average rate on a 30-year fixed
     * mortgage"): what is measured comes before */
    static const char *const frames[] = {"at", "on", "for", NULL};
    for (size_t i = *a + 2; *b - *a > 5 && i + 2 < *b; i++)
        if (tidy_in(s, &w[i], frames) && tidy_in(s, &w[i + 1], tidy_dets) &&
            !tidy_in(s, &w[i - 1], into)) {
            *b = i;
            break;
        }
}

/* See lib.h. */
char *
fig_subject_tidy(const struct fig_res *fr, char *subj)
{
    if (!subj)
        return NULL;
    struct fig_word w[TIDY_MAX];
    size_t k = tidy_words(subj, w, TIDY_MAX);
    if (k == TIDY_MAX)
        return subj; /* longer than any phrase this step reads */
    size_t a = 0, b = k;
    tidy_cut(fr, subj, w, &a, &b);
    tidy_place_edges(subj, w, &a, &b);
    while (b > a && (tidy_in(subj, &w[b - 1], tidy_tail) || fig_win(fr, subj, &w[b - 1], FW_LEAD) ||
                     fig_win(fr, subj, &w[b - 1], FW_PREPS) || !tidy_has_alnum(subj, &w[b - 1])))
        b--;
    while (a < b && (fig_win(fr, subj, &w[a], FW_LEAD) || fig_win(fr, subj, &w[a], FW_PREPS) ||
                     tidy_in(subj, &w[a], tidy_openers) || tidy_in(subj, &w[a], tidy_tail) ||
                     fig_wis(subj, &w[a], "below") || fig_wis(subj, &w[a], "above") ||
                     !tidy_has_alnum(subj, &w[a])))
        a++;
    if (b - a > 2 && (fig_win(fr, subj, &w[a], FW_PREPS) || fig_wis(subj, &w[a], "since")) &&
        fig_has(fr, FW_MONTHS, subj + w[a + 1].start, w[a + 1].end - w[a + 1].start, false))
        a += 2; /* "Since May the service": an adverbial of time opens it */
    else if (b - a > 2 && fig_win(fr, subj, &w[a + 1], FW_LEAD) &&
             fig_has(fr, FW_MONTHS, subj + w[a].start, w[a].end - w[a].start, false))
        a += 1; /* "May the service", its preposition cut before */
    while (a < b && fig_win(fr, subj, &w[a], FW_LEAD))
        a++;
    while (b > a && (fig_wis(subj, &w[b - 1], "below") || fig_wis(subj, &w[b - 1], "above") ||
                     fig_win(fr, subj, &w[b - 1], FW_WEAK)))
        b--; /* "well below the 95% needed", "said Thursday it" */
    if (b - a > 1 && fig_wis(subj, &w[a], "so-called"))
        a++; /* "the so-called core rate" */
    for (size_t j = a + 1; j + 1 < b; j++)
        if (fig_wis(subj, &w[j], "the") && tidy_in(subj, &w[j - 1], tidy_periods)) {
            a = j + 1; /* "whole year the economy": a time opens an adverbial */
            break;
        }
    if (b - a > 2 && ex_is_digit((unsigned char)subj[w[a].start])) {
        /* "1500 GMT the rand": a time or number before the phrase's
         * determiner opens an adverbial */
        for (size_t j = a + 1; j + 1 < b; j++)
            if (fig_wis(subj, &w[j], "the")) {
                a = j + 1;
                break;
            }
    }
    tidy_time_edges(fr, subj, w, &a, &b);
    /* a phrase of more than six words ends before its first preposition
     * but "of" ("Cattle and calves on feed for slaughter in ...", "Sales
     * of North American-built cars in the last ten days") */
    for (size_t j = a + 2; b - a > 6 && j < b; j++)
        if (fig_win(fr, subj, &w[j], FW_PREPS) && !fig_wis(subj, &w[j], "of")) {
            b = j;
            break;
        }
    if (b - a == 1 && ex_is_upper((unsigned char)subj[w[a].start]) &&
        (fig_word_in(subj, &w[a], tidy_days) ||
         fig_has(fr, FW_MONTHS, subj + w[a].start, w[a].end - w[a].start, false)))
        b = a; /* a day or a month alone names no thing measured */
    /* A pronoun and what follows it is a clause ("it tries", "they
     * want"): no noun phrase. */
    bool clause = b - a > 1 && fig_win(fr, subj, &w[a], FW_WEAK) &&
                  ex_is_lower((unsigned char)subj[w[a + 1].start]);
    /* an owner alone ("the country's") names no thing measured */
    bool owner = b - a == 1 && w[a].end - w[a].start > 2 && subj[w[a].end - 1] == 's' &&
                 subj[w[a].end - 2] == '\'';
    bool none = b == a || clause || owner || (b - a == 1 && (tidy_no_noun(fr, subj, &w[a]) ||
                                                             tidy_in(subj, &w[a], tidy_lone)));
    if (none) {
        free(subj);
        return NULL;
    }
    if (a == 0 && b == k)
        return subj;
    char *r = fig_clean_copy(subj, w[a].start, w[b - 1].end);
    free(subj);
    return r;
}
