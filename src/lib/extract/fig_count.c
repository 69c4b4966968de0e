/*
 * extract/fig_count.c — whether a number before a noun is a count a careful
 * reader lists ("three people were killed", "36 ports", "5,207 U.S.
 * products") or no figure at all.
 *
 * The rule (issue 12): a counted noun phrase is a figure however its
 * number is written, in digits or in words, small or large. It is none
 * when the number is part of a name ("Fortune 500 companies"), counts time
 * or a score ("six years", "30 points"), is a year, or is a determiner in
 * an idiom: after a definite word ("the two leaders", "its three plants",
 * "all five members", "the company's two sites": a number that refers back
 * to things already named, not a count the article reports), before a noun
 * that lists rather than counts ("five things to know", "two thirds"), or
 * in a title-case line ("Three Things To Know"). "One of the" never reaches
 * here: no plural noun follows "one".
 */
#include "config.h"

#include <string.h>

#include "lib.h"

/* Words after which a number refers back to things already named. */
static const char *const fig_definite[] = {
    "the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both", "all",
    "each", "every", "first", "last", "next", "past", "other", "top", "whose", "this", "that",
    "aged", "ages", "age", "number", "no", "page", "size", "grade", "another", NULL};

/* Plural nouns a small number lists or divides rather than counts. */
static const char *const fig_list_nouns[] = {
    "things", "ways", "reasons", "tips", "steps", "questions", "lessons", "facts", "words",
    "takeaways", "thirds", "quarters", "halves", "fifths", "tenths", "stars", "sides",
    "moments", "takes", "signs", "secrets", "rules", "mistakes", "myths", "options", "problems",
    "issues", "aspects", "factors", "parts", "areas", "kinds", "types", "sorts", "elements",
    "priorities", "ideas", "approaches", "scenarios", "possibilities", "choices", "things",
    "camps", "versions", "olds", NULL};

/* Numbers in words that open a ratio ("four in ten"). */
static const char *const fig_small_words[] = {"one", "two", "three", "four", "five", "six",
                                              "seven", "eight", "nine", NULL};

/* Determiners two words before a small count, past an adjective ("the
 * original four members"). */
static const char *const fig_definite2[] = {"the", "its", "their", "his", "her", "our", "these",
                                            "those", "my", "your", "whose", NULL};

/* Function words that may be capitalised before a number without naming
 * anything ("Some 38,000 metalworkers" after a dateline). */
static const char *const fig_not_name[] = {
    "some", "about", "around", "nearly", "almost", "roughly", "approximately", "over", "under",
    "only", "just", "the", "a", "an", "and", "but", "all", "more", "fewer", "less", "at",
    "least", "by", "with", "of", "than", "to", "from", "in", "on", "for", "another", "its",
    "their", "these", "those", "another", "up", "down", "while", "as", "after", "before",
    "estimated", "approximately", "plus", "another", NULL};

/* Is the word in s[a, b) possessive ("Dexter's", "banks'")? */
static bool
fig_possessive(const char *s, size_t a, size_t b)
{
    return (b - a > 2 && s[b - 2] == '\'' && (s[b - 1] == 's' || s[b - 1] == 'S')) ||
           (b - a > 1 && s[b - 1] == '\'');
}

/* Is the number at st part of a name ("Standard & Poor's 1500", "Fortune
 * 500"): right after a capitalised word that does not start the sentence
 * and is no function word? A scaled number never is ("Dexter's 13.3 mln
 * shares"). */
static bool
fig_count_named(const char *s, const struct span *sent, size_t st, bool scaled)
{
    if (scaled || !fig_count_in_name(s, sent, st))
        return false;
    struct fig_word w;
    if (fig_words_before(s, sent->start, st, &w, 1) != 1)
        return true;
    return !fig_word_in(s, &w, fig_not_name);
}

/* Does the word after the noun ending at ue start with a capital (a
 * title-case line: "Three Things To Know")? */
static bool
fig_title_case_after(const char *s, size_t ue, size_t hi)
{
    struct fig_word w;
    return fig_words_after(s, ue, hi, &w, 1) == 1 && w.start == ue + 1 &&
           ex_is_upper((unsigned char)s[w.start]);
}

/* Is a capitalised number word right after a word part of a name ("the
 * opening two Six Nations wins")? Not after punctuation or a dateline's
 * dash ("Okla. — Three people"). */
static bool
fig_word_named(const char *s, const struct span *sent, const struct fig_count *c)
{
    if (ex_is_digit((unsigned char)s[c->ns]) || !ex_is_upper((unsigned char)s[c->ns]))
        return false;
    size_t i = c->st;
    while (i > sent->start && s[i - 1] == ' ')
        i--;
    return i > sent->start && i < c->st && ex_is_alpha((unsigned char)s[i - 1]);
}

/* See lib.h. */
bool
fig_count_threshold(const char *s, const struct span *sent, size_t st, size_t ue)
{
    static const char *const bound[] = {"more", "fewer", "less", "over", "above", "under",
                                        "below", NULL};
    struct fig_word w[2];
    if (fig_words_after(s, ue, sent->end, w, 2) != 2 || w[0].start != ue + 1 ||
        !fig_wis(s, &w[0], "or") || !fig_word_in(s, &w[1], bound))
        return false;
    size_t k = fig_words_before(s, sent->start, st, w, 1);
    return k == 1 && (fig_wis(s, &w[0], "with") || fig_wis(s, &w[0], "of"));
}

/* See lib.h. */
bool
fig_class_threshold(const char *s, const struct span *sent, size_t st)
{
    static const char *const bound[] = {"above", "over", "below", "under", "exceeding", NULL};
    struct fig_word w[6];
    size_t k = fig_words_before(s, sent->start, st, w, 6);
    if (k < 3 || w[0].end + 1 != st || !fig_word_in(s, &w[0], bound))
        return false;
    for (size_t i = 1; i + 1 < k; i++) {
        if (!fig_wis(s, &w[i], "with"))
            continue;
        /* the word before "with" is a plural noun: the class */
        const struct fig_word *h = &w[i + 1];
        size_t n = h->end - h->start;
        size_t b = h->start; /* opens a sentence or a line, past a bullet */
        while (b > sent->start && s[b - 1] != '\n' && !ex_is_alpha((unsigned char)s[b - 1]) &&
               !ex_is_digit((unsigned char)s[b - 1]))
            b--;
        bool opens = b == sent->start || s[b - 1] == '\n';
        bool lower = ex_is_lower((unsigned char)s[h->start]) ||
                     (opens && ex_is_lower((unsigned char)s[h->start + 1]));
        return n >= 4 && lower && s[h->end - 1] == 's' && s[h->end - 2] != 's';
    }
    return false;
}

/* See lib.h. */
bool
fig_count_kept(const struct fig_res *fr, const char *s, const struct span *sent,
               const struct fig_count *c)
{
    if (fig_has(fr, FW_TIME_NOUNS, s + c->us, c->ue - c->us, true) ||
        fig_count_named(s, sent, c->st, c->scaled))
        return false;
    if (c->scaled)
        return true;
    if (c->ne - c->ns == 4 && c->value >= 1900 && c->value <= 2100)
        return false; /* a year */
    if (ex_is_upper((unsigned char)s[c->us]) && fig_title_case_after(s, c->ue, sent->end))
        return false;
    if (c->value != (double)(long long)c->value)
        return false; /* "3.2 megapixel images": a measure, not a count */
    if (fig_word_named(s, sent, c))
        return false;
    if (c->value >= 100)
        return true;
    struct fig_word noun = {c->us, c->ue}, w[2];
    if (fig_word_in(s, &noun, fig_list_nouns))
        return false;
    if (c->value == 1 && !ex_is_digit((unsigned char)s[c->ns]))
        return false; /* "one" before a plural is never a count: "one in four" */
    size_t k = fig_words_before(s, sent->start, c->st, w, 2);
    if (k >= 1 && (fig_word_in(s, &w[0], fig_definite) || fig_possessive(s, w[0].start, w[0].end)))
        return false;
    if (k == 2 && fig_word_in(s, &w[1], fig_definite2) && ex_is_lower((unsigned char)s[w[0].start]) &&
        !fig_win(fr, s, &w[0], FW_VERBS) && !fig_win(fr, s, &w[0], FW_STRONG) &&
        !fig_win(fr, s, &w[0], FW_PREPS))
        return false; /* "the original four members" */
    if (k == 2 && fig_wis(s, &w[0], "in") &&
        (fig_word_in(s, &w[1], fig_small_words) || ex_is_digit((unsigned char)s[w[1].start])))
        return false; /* "one in four Turks", "four in ten leaders": a ratio */
    return true;
}

/* Words that may stand between a clause's start and a count that is its
 * subject ("and 25 others were injured", "More than 12,000 residents"). */
static const char *const fig_count_lead[] = {
    "as", "some", "about", "around", "nearly", "almost", "roughly",
    "approximately", "over", "under", "only", "just", "more", "than", "fewer", "less", "at",
    "least", "up", "to", "an", "estimated", "another", NULL};

/* Prepositions before a count that says where or over what ("in 12
 * counties", "across eleven jurisdictions"). */
static const char *const fig_count_place[] = {"in", "across", "at", "on", "from", "into",
                                              "among", "within", "throughout", "near", "for",
                                              "with", NULL};

/* Conjunctions that open a clause whose subject a count may be. */
static const char *const fig_count_conj[] = {"and", "but", "while", "whereas", NULL};

/* Words after a counted noun that are no verb. */
static const char *const fig_count_not_verb[] = {"and", "or", "than", "per", "each", "a",
                                                 "an", "the", "who", "which", "that", NULL};

/* See lib.h. A count after a preposition of place or extent (not "of",
 * "by", "to": "a total of", "fell by") is what it counts too. */
char *
fig_count_own_subject(const struct fig_res *fr, const char *s, const struct span *sent,
                      const struct figure *f)
{
    if (f->kind != FIGURE_COUNT || !f->unit)
        return NULL;
    size_t lo = fig_clause_start(s, sent, f->span.start);
    struct fig_word w[8];
    size_t k = fig_words_before(s, lo, f->span.start, w, 8);
    /* a bare count after a plural noun and a conjunction: the noun is what
     * it counts for ("The Greens hold one seat and independents 10"); a
     * count with a noun of its own follows a verb ("and runs 271 flights") */
    size_t d = f->span.start;
    while (d < f->span.end && (ex_is_digit((unsigned char)s[d]) || s[d] == ','))
        d++;
    if (k >= 2 && d == f->span.end && w[0].end + 1 == f->span.start &&
        fig_word_in(s, &w[1], fig_count_conj) && ex_is_lower((unsigned char)s[w[0].start]) &&
        w[0].end - w[0].start >= 4 && s[w[0].end - 1] == 's')
        return xstrndup(s + w[0].start, w[0].end - w[0].start);
    for (size_t i = 0; i < k; i++) {
        if (fig_word_in(s, &w[i], fig_count_place))
            return xstrdup(f->unit); /* "across eleven jurisdictions": a place or extent */
        if (fig_word_in(s, &w[i], fig_count_conj))
            break; /* "... were killed and 25 others were injured" */
        if (!fig_word_in(s, &w[i], fig_count_lead))
            return NULL; /* the count follows a verb or a noun: not the subject */
    }
    struct fig_word after;
    if (fig_words_after(s, f->span.end, sent->end, &after, 1) != 1 ||
        after.start != f->span.end + 1 || !ex_is_lower((unsigned char)s[after.start]) ||
        fig_win(fr, s, &after, FW_PREPS) || fig_win(fr, s, &after, FW_LEAD) ||
        fig_word_in(s, &after, fig_count_not_verb))
        return NULL; /* "40 homes in the area": no verb follows */
    return xstrdup(f->unit);
}
