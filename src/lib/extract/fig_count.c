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

/* Do games at st follow another count ("27 goals in 31 games"): the
 * games a tally was made in, counted too? */
static bool
fig_per_games(const char *s, const struct span *sent, size_t st)
{
    struct fig_word w[3];
    if (fig_words_before(s, sent->start, st, w, 3) != 3 || !fig_wis(s, &w[0], "in"))
        return false;
    bool plural = w[1].end - w[1].start >= 4 && s[w[1].end - 1] == 's' &&
                  ex_is_lower((unsigned char)s[w[1].start]);
    return plural && ex_is_digit((unsigned char)s[w[2].start]);
}

/* Is a noun that usually measures time or distance a tally here: games or
 * matches with a word between that qualifies them ("six straight games",
 * "20 league matches", "27 goals in 31 games"; not "in 82 games"), yards
 * gained ("threw for 284 yards", "96 rushing yards", "118 yards on 22
 * carries"; not a shot's "from 25 yards", "six yards out")? */
static bool
fig_tally(const char *s, const struct span *sent, const struct fig_count *c)
{
    struct fig_word noun = {c->us, c->ue}, w[1];
    bool yards = fig_wis(s, &noun, "yards");
    if (!yards && !fig_wis(s, &noun, "games") && !fig_wis(s, &noun, "matches"))
        return false;
    bool qualified = false;
    for (size_t i = c->ne; i < c->us && !qualified; i++)
        qualified = ex_is_alpha((unsigned char)s[i]);
    if (qualified)
        return true;
    if (!yards)
        return fig_per_games(s, sent, c->st);
    /* "added 118 yards on 22 carries": yards gained on counted plays */
    size_t e = c->ue;
    if (e + 5 < sent->end && memcmp(s + e, " on ", 4) == 0 && ex_is_digit((unsigned char)s[e + 4]))
        return true;
    return fig_words_before(s, sent->start, c->st, w, 1) == 1 && fig_wis(s, &w[0], "for");
}

/* Is a word of the modifiers s[a, b) a measure compound ("quarter-point",
 * "one-man", "11-year-old", "60-kg"): a number or fraction before the
 * hyphen, or an age? Before a small count it makes the phrase a
 * description ("two quarter-point cuts", "eleven year-old girl"), so only
 * a scaled count keeps it ("171.3 million 60-kg bags"). */
bool
fig_measure_mod(const char *s, size_t a, size_t b)
{
    static const char *const firsts[] = {"quarter", "half", "one", "two", "three", "four",
                                         "five", "six", "seven", "eight", "nine", "ten",
                                         "twelve", "twenty", "thirty", "year", NULL};
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && s[e] != ' ')
            e++;
        const char *h = memchr(s + i, '-', e - i);
        if (h) {
            struct fig_word first = {i, (size_t)(h - s)};
            if (ex_is_digit((unsigned char)s[i]) || fig_word_in(s, &first, firsts) ||
                (e - i > 4 && memcmp(s + e - 4, "-old", 4) == 0))
                return true;
        }
        i = e + 1;
    }
    return false;
}

/* See lib.h. */
bool
fig_part_of_whole(const char *s, size_t n, size_t ne)
{
    static const char *const times[] = {"years", "months", "weeks", "days", "hours", "minutes",
                                        "decades", NULL};
    char noun[48];
    if (!fig_of_count(s, n, ne, noun, sizeof noun) ||
        fig_word_in(noun, &(struct fig_word){0, strlen(noun)}, times))
        return false; /* "five of six years ago" */
    /* "two of the nine members of its committee" says who a body is */
    const char *at = strstr(s + ne, noun);
    size_t e = at ? (size_t)(at - s) + strlen(noun) : n;
    return !(e + 4 <= n && memcmp(s + e, " of ", 4) == 0);
}

/* See lib.h. */
bool
fig_total_of_part(const char *s, const struct span *sent, size_t st)
{
    struct fig_word w[3];
    if (fig_words_before(s, sent->start, st, w, 3) < 3 || !fig_wis(s, &w[1], "of") ||
        !(fig_wis(s, &w[0], "the") || fig_wis(s, &w[0], "its") || fig_wis(s, &w[0], "their")))
        return false;
    static const char *const wh[] = {"whose", "who", "which", "that", NULL};
    if ((!ex_is_digit((unsigned char)s[w[2].start]) && !fig_word_in(s, &w[2], fig_small_words)) ||
        fig_wis(s, &w[2], "one"))
        return false; /* "one of the three back-row positions": which one, not how many */
    struct fig_word after[3];
    size_t k = fig_words_after(s, st, sent->end, after, 3);
    if (k >= 2 && fig_word_in(s, &after[1], wh))
        return false; /* "four of the 12 whose ethnic backgrounds were known" */
    if (k >= 2 && after[1].end - after[1].start > 3 && memcmp(s + after[1].end - 3, "est", 3) == 0)
        return false; /* "of the five largest" ranks */
    return !(k == 3 && fig_wis(s, &after[2], "of")); /* "the nine members of its committee" */
}

/* See lib.h. */
bool
fig_count_kept(const struct fig_res *fr, const char *s, const struct span *sent,
               const struct fig_count *c)
{
    /* "11 break points" counts a statistic, not points of a game's score */
    bool compound = c->us > c->ne + 1 && fig_compound_count(s, c->ne + 1, c->ue);
    if ((fig_has(fr, FW_TIME_NOUNS, s + c->us, c->ue - c->us, true) && !fig_tally(s, sent, c) &&
         !compound) ||
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
    if (k >= 1 && (fig_word_in(s, &w[0], fig_definite) || fig_possessive(s, w[0].start, w[0].end)) &&
        !fig_total_of_part(s, sent, c->st))
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
    if (fig_total_of_part(s, sent, f->span.start))
        return xstrdup(f->unit); /* "nine of the 15 seats": the whole names itself */
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
    if (k >= 1 && d == f->span.end && (fig_wis(s, &w[0], "from") || fig_wis(s, &w[0], "than")))
        return NULL; /* "reduced to 66 seats from 104": whose the count compared is */
    if (k >= 3 && (fig_wis(s, &w[0], "in") || fig_wis(s, &w[0], "on")) &&
        ex_is_digit((unsigned char)s[w[2].start]) && s[w[1].end - 1] == 's' &&
        ex_is_lower((unsigned char)s[w[1].start]))
        return NULL; /* "27 goals in 31 games", "118 yards on 22 carries": whose the
                      * first count is */
    for (size_t i = 0; i < k; i++) {
        if (i > 0 && fig_wis(s, &w[i], "at") &&
            (fig_wis(s, &w[i - 1], "least") || fig_wis(s, &w[i - 1], "most")))
            continue; /* "killed at least 118 people": a bound, no place */
        if (fig_wis(s, &w[i], "for") && i + 1 < k &&
            ex_is_lower((unsigned char)s[w[i + 1].start]) &&
            (fig_past_participle(s, &w[i + 1]) ||
             (s[w[i + 1].end - 1] == 's' && i + 2 < k &&
              ex_is_digit((unsigned char)s[w[i + 2].start]))))
            return NULL; /* "passes for 311 yards", "rushed for 112 yards": the doer's */
        if (fig_word_in(s, &w[i], fig_count_place) ||
            (fig_wis(s, &w[i], "of") && i + 1 < k && fig_wis(s, &w[i + 1], "front")))
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

/* Does a verb of expectation follow at e ("analysts had expected",
 * "economists forecast")? */
bool
fig_expectation_after(const char *s, size_t e)
{
    static const char *const verbs[] = {"had", "have", "has", "expected", "forecast",
                                        "estimated", "predicted", "projected", "polled", NULL};
    if (s[e] != ' ')
        return false;
    size_t a = e + 1, b = a;
    while (ex_is_lower((unsigned char)s[b]))
        b++;
    if (!(b > a && fig_word_in(s, &(struct fig_word){a, b}, verbs)))
        return false;
    /* "2.68 crore homes have been completed": a passive, not what was
     * expected ("had been expected" is); a name before it stays a guess's */
    static const char *const guesses[] = {"expected", "forecast", "estimated", "predicted",
                                          "projected", "expecting", "forecasting", NULL};
    size_t ns = e;
    while (ns > 0 && ex_is_alpha((unsigned char)s[ns - 1]))
        ns--;
    if (strncmp(s + b, " been ", 6) != 0 || !ex_is_lower((unsigned char)s[ns]))
        return true;
    size_t c = b + 6, d = c;
    while (ex_is_lower((unsigned char)s[d]))
        d++;
    struct fig_word pw = {c, d};
    return !fig_past_participle(s, &pw) || fig_word_in(s, &pw, guesses);
}

/* Does a share in parentheses follow a bare number ending at e ("on 14,488
 * (32.8 per cent)", "11,200 (41%)")? */
static bool
fig_share_after(const char *s, size_t n, size_t e)
{
    if (e + 4 > n || s[e] != ' ' || s[e + 1] != '(' || !ex_is_digit((unsigned char)s[e + 2]))
        return false;
    const char *close = memchr(s + e + 2, ')', n - e - 2 < 20 ? n - e - 2 : 20);
    if (!close)
        return false;
    size_t len = (size_t)(close - (s + e + 2));
    return memchr(s + e + 2, '%', len) || (len > 8 && memcmp(close - 8, "per cent", 8) == 0) ||
           (len > 7 && memcmp(close - 7, "percent", 7) == 0);
}

/* Time words a comparison may name after a bare number ("up from 2,760
 * the winter before", "against 77 last year"). */
static const char *const fig_when_words[] = {
    "year", "years", "month", "week", "quarter", "season", "winter", "summer", "spring",
    "autumn", "fall", "day", "time", "election", "period", NULL};
static const char *const fig_when_lead[] = {"the", "a", "last", "this", "that", "previous",
                                            "a", "one", NULL};

/* See lib.h. */
enum fig_tail
fig_bare_tail(const char *s, size_t n, size_t e)
{
    /* a state after an adverb ("and 412 still missing") ends a clause too */
    static const char *const states[] = {"missing", "dead", "hurt", "injured", "wounded",
                                         "displaced", "unaccounted", NULL};
    static const char *const adverbs[] = {"still", "now", "also", NULL};
    static const char *const aux[] = {"were", "was", "are", "is", "had", "have", "has", NULL};
    if (fig_share_after(s, n, e))
        return FIG_TAIL_SHARE;
    struct fig_word w[4];
    size_t k = fig_words_after(s, e, n, w, 4);
    if (k == 0 || w[0].start != e + 1)
        return FIG_TAIL_NONE;
    /* "polled 2,903 and the Greens 1,560": the next of a list */
    if (k >= 2 && fig_wis(s, &w[0], "and") &&
        (fig_wis(s, &w[1], "the") || ex_is_upper((unsigned char)s[w[1].start])))
        return FIG_TAIL_LIST;
    /* "said 29,820 were completed": the subject of a passive */
    if (k >= 2 && fig_word_in(s, &w[0], aux) &&
        (fig_past_participle(s, &w[1]) ||
         (k >= 3 && fig_wis(s, &w[1], "been") && fig_past_participle(s, &w[2]))))
        return FIG_TAIL_PASSIVE;
    /* "and 11 damaged.": a participle ends the clause */
    size_t p = k >= 2 && fig_word_in(s, &w[0], adverbs) ? 1 : 0;
    if ((fig_past_participle(s, &w[p]) || fig_word_in(s, &w[p], states)) &&
        (w[p].end >= n || s[w[p].end] == '.' || s[w[p].end] == ',' || s[w[p].end] == ';' ||
         s[w[p].end] == '\n'))
        return FIG_TAIL_PARTICIPLE;
    /* "the winter before", "at the last election", "in the previous year" */
    size_t j = k >= 3 && (fig_wis(s, &w[0], "at") || fig_wis(s, &w[0], "in")) ? 1 : 0;
    for (size_t g = j; g < k && g < j + 3; g++)
        if (g > j && fig_word_in(s, &w[g], fig_when_words) && fig_word_in(s, &w[j], fig_when_lead))
            return FIG_TAIL_WHEN;
    /* "the 250,000 the market had expected", "the 9 analysts forecast" */
    for (size_t i = 1; i < k && i <= 2; i++)
        if (fig_expectation_after(s, w[i - 1].end))
            return FIG_TAIL_EXPECTED;
    return FIG_TAIL_NONE;
}

/* See lib.h. */
const char *
fig_one_counted(const struct extraction *out, size_t base, const char *s, size_t n, size_t ns,
                size_t ne, size_t *end)
{
    bool one = (ne - ns == 3 && ex_lower((unsigned char)s[ns]) == 'o' && s[ns + 1] == 'n' &&
                s[ns + 2] == 'e') ||
               (ne - ns == 1 && s[ns] == '1');
    if (!one || ne >= n || s[ne] != ' ')
        return NULL;
    size_t a = ne + 1, e = a;
    while (e < n && ex_is_lower((unsigned char)s[e]))
        e++;
    if (e - a < 3 || (e < n && (ex_is_alpha((unsigned char)s[e]) || s[e] == '-')))
        return NULL;
    for (size_t i = out->nfigures; i > base; i--) {
        const struct figure *f = &out->figures[i - 1];
        if (f->span.end > ns || ns - f->span.end > 300)
            break;
        for (size_t k = f->span.end; k + 1 < ns; k++)
            if (s[k] == '\n' && s[k + 1] == '\n')
                return NULL; /* another paragraph */
        if (f->kind == FIGURE_COUNT && f->unit && strlen(f->unit) == e - a + 1 &&
            memcmp(f->unit, s + a, e - a) == 0 && f->unit[e - a] == 's') {
            *end = e;
            return f->unit;
        }
    }
    return NULL;
}

/* Does "Of those," (these, them, whom) open the clause of the number at
 * ns, so that it counts what the count before it counted? */
bool
fig_of_those(const char *s, size_t ns)
{
    static const char *const opens[] = {"Of those, ", "Of these, ", "Of them, ", "of whom ",
                                        "of which ", NULL};
    for (const char *const *o = opens; *o; o++) {
        size_t k = strlen(*o);
        if (ns >= k && memcmp(s + ns - k, *o, k) == 0)
            return true;
    }
    return false;
}

/* Words before a number that make it a level, a time, a place, a rank or
 * an age, not a count of what was counted before ("rose to 244", "at 11",
 * "in 12", "the top 10", "now 34", "voters over 60", "numbers 19 and 10"). */
static const char *const fig_not_count_lead[] = {
    "at", "to", "by", "in", "on", "after", "before", "since", "until", "the", "page", "no",
    "number", "numbers", "aged", "age", "than", "per", "of", "top", "over", "under", "now",
    "was", "is", "just", "and", "between", NULL};

/* Is the bare whole number at m a count of what the count before it
 * counted, its noun left out ("won with 1,087 votes ... The Conservative
 * candidate polled 874, and Reform UK came third with 530", "41 seats ...
 * independents 10", "a majority of 212 from 2023")? The count lies within
 * 300 bytes before it, no blank line between, only percentages between
 * them; the number is whole, no year, and no word of its own follows it
 * (punctuation or a preposition); the word before it is lower case and no
 * preposition of a level, time or place. "of" opens only a majority. */
const struct figure *
fig_bare_counted(const char *s, size_t n, const struct extraction *out, size_t base, size_t ns,
                 size_t ne)
{
    const struct figure *pc = NULL;
    size_t at = out->nfigures;
    for (; at > base && !pc; at--) {
        const struct figure *f = &out->figures[at - 1];
        if (f->kind == FIGURE_COUNT && f->unit)
            pc = f;
        else if (!f->unit || strcmp(f->unit, "%") != 0)
            return NULL;
    }
    /* "infected 4,312 people in three provinces and killed 287": a count
     * of where does not name what the next counts; the count before does */
    static const char *const where[] = {"in", "across", "throughout", "within", NULL};
    struct fig_word pw;
    if (pc && at > base && fig_words_before(s, pc->span.start > 20 ? pc->span.start - 20 : 0,
                                           pc->span.start, &pw, 1) == 1 &&
        fig_word_in(s, &pw, where) && out->figures[at - 1].kind == FIGURE_COUNT &&
        out->figures[at - 1].unit && pc->span.start - out->figures[at - 1].span.end < 40)
        pc = &out->figures[at - 1];
    if (!pc || pc->span.end > ns || ns - pc->span.end > 300 ||
        memchr(s + ns, '.', ne - ns))
        return NULL;
    for (size_t i = pc->span.end; i + 1 < ns; i++)
        if (s[i] == '\n' && s[i + 1] == '\n')
            return NULL; /* another paragraph */
    double v = fig_parse_num(s, ns, ne);
    if (v < 2 || (v >= 1800 && v <= 2100 && !memchr(s + ns, ',', ne - ns)))
        return NULL;
    struct fig_word w[2];
    size_t e = ne;
    if (e + 1 < n && s[e] == '.' && ex_is_digit((unsigned char)s[e + 1]))
        return NULL; /* "7.2GB" */
    enum fig_tail tail = FIG_TAIL_NONE;
    bool punct = e >= n || s[e] == ',' || s[e] == '.' || s[e] == ';' || s[e] == '\n';
    bool prep = !punct && fig_words_after(s, e, n, w, 1) == 1 && w[0].start == e + 1 &&
                (fig_wis(s, &w[0], "from") || fig_wis(s, &w[0], "in") ||
                 fig_wis(s, &w[0], "against") || fig_wis(s, &w[0], "for"));
    bool against = prep && fig_wis(s, &w[0], "against"), for_ = prep && fig_wis(s, &w[0], "for");
    if (!punct && !prep && (tail = fig_bare_tail(s, n, e)) == FIG_TAIL_NONE)
        return NULL;
    size_t lo = ns > 40 ? ns - 40 : 0;
    size_t k = fig_words_before(s, lo, ns, w, 2);
    if (k == 0 || w[0].end + 1 != ns)
        return NULL;
    if (!ex_is_lower((unsigned char)s[w[0].start]))
        /* "the Liberal Democrats polled 2,903 and the Greens 1,560.": a
         * party and its count in a list */
        return punct && k == 2 && fig_wis(s, &w[1], "the") &&
                       ex_is_lower((unsigned char)s[w[0].start + 1]) && w[0].end - w[0].start > 3
                   ? pc
                   : NULL;
    if (fig_wis(s, &w[0], "of"))
        return k == 2 && fig_wis(s, &w[1], "majority") ? pc : NULL;
    if ((tail == FIG_TAIL_PARTICIPLE && fig_wis(s, &w[0], "and")) ||
        (tail == FIG_TAIL_EXPECTED && fig_wis(s, &w[0], "the")) || tail == FIG_TAIL_SHARE ||
        (against && fig_wis(s, &w[0], "to")))
        return pc; /* "and 11 damaged", "the 250,000 the market had expected", "on 14,488
                    * (32.8 per cent)", "21,406 votes in favor ... to 20,837 against" */
    if (for_ && !fig_wis(s, &w[0], "against"))
        return NULL; /* "for" only as a vote's: "against 11,225 for Fenner" */
    return fig_word_in(s, &w[0], fig_not_count_lead) ? NULL : pc;
}

/* See lib.h. */
bool
fig_variant_label(const char *s, const struct span *sent, size_t st)
{
    static const char *const kinds[] = {"version", "versions", "model", "models", "variant",
                                        "variants", "edition", "editions", "configuration",
                                        "configurations", "option", "options", "tier", NULL};
    struct fig_word w[2];
    return fig_words_before(s, sent->start, st, w, 2) == 2 && fig_wis(s, &w[0], "with") &&
           fig_word_in(s, &w[1], kinds);
}
