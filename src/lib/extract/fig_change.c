/*
 * extract/fig_change.c — a level after a change stated before it ("staff
 * numbers fell by 240 to 11,860", "approvals dropped 2,400 to 43,700"):
 * where the change starts, so that the level, like the change, takes the
 * counted noun of the clause's subject; and the nouns that count
 * themselves without a plural ending ("staff numbers": staff).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* See lib.h. */
size_t
fig_change_start(const char *s, size_t lo, size_t a)
{
    size_t i = a;
    while (i > lo && s[i - 1] == ' ')
        i--;
    size_t e = i;
    while (i > lo && (ex_is_digit((unsigned char)s[i - 1]) || s[i - 1] == ',' || s[i - 1] == '.'))
        i--;
    if (e == i || !ex_is_digit((unsigned char)s[i]) || i == lo || s[i - 1] != ' ')
        return a; /* no number before "to" */
    size_t num = i;
    i--;
    size_t we = i;
    while (i > lo && ex_is_alpha((unsigned char)s[i - 1]))
        i--;
    if (we == i)
        return a;
    /* "fell by 240 to": the verb comes before "by"; "dropped 2,400 to":
     * the number follows the verb itself */
    return fig_word_eq(s, i, we, "by") ? i : num;
}

/* See lib.h. */
bool
fig_self_counting(const char *s, size_t a, size_t b)
{
    static const char *const nouns[] = {"staff", "personnel", "police", "cattle", "livestock",
                                        "sheep", "aircraft", "poultry", NULL};
    struct fig_word w = {a, b};
    return fig_word_in(s, &w, nouns);
}

/* Words after "in" that say when or how, not what an amount is in ("$5
 * million in the first quarter", "in early trade", "in all"). */
static const char *const fig_in_not_what[] = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "quarters",
    "half", "period", "trade", "trading", "session", "total", "all", "part", "full", "terms",
    "time", "cash", "addition", "return", "response", "recent", "future", "talks", NULL};

/* See lib.h. */
char *
fig_subject_in_what(const char *s, const struct span *sent, size_t fend)
{
    size_t i = fend;
    if (i + 4 >= sent->end || memcmp(s + i, " in ", 4) != 0)
        return NULL;
    i += 4;
    static const char *const dets[] = {"a", "an", "the", NULL};
    struct fig_word w[4];
    size_t k = 0;
    while (k < 4 && i < sent->end && ex_is_lower((unsigned char)s[i])) {
        size_t e = i;
        while (e < sent->end && (ex_is_lower((unsigned char)s[e]) || s[e] == '-'))
            e++;
        w[k].start = i;
        w[k].end = e;
        k++;
        if (e >= sent->end || s[e] != ' ')
            break;
        i = e + 1;
    }
    static const char *const owners[] = {"its", "their", "his", "her", "our", "my", "your", NULL};
    if (k == 0 || fig_word_in(s, &w[0], owners))
        return NULL; /* "£4.80 in its pubs": where, not what */
    size_t first = fig_word_in(s, &w[0], dets) ? 1 : 0;
    /* the phrase ends at punctuation or at a word that opens another */
    static const char *const stops[] = {"and", "or", "to", "for", "from", "over", "by", "on",
                                        "at", "in", "of", "with", "after", "since", NULL};
    size_t last = first;
    while (last < k && !fig_word_in(s, &w[last], stops))
        last++;
    if (last == first || last - first > 2 || (last == k && k == 4))
        return NULL;
    size_t end = w[last - 1].end;
    if (last == k && end < sent->end && s[end] != ',' && s[end] != '.' && s[end] != ';')
        return NULL; /* "in damages Tuesday": no phrase of its own */
    for (size_t j = first; j < last; j++)
        if (fig_word_in(s, &w[j], fig_in_not_what))
            return NULL;
    return fig_clean_copy(s, w[first].start, end);
}

/* See lib.h. */
bool
fig_scaled_alone(const char *s, size_t n, size_t st, size_t pst)
{
    if (!ex_is_digit((unsigned char)s[st]))
        return false;
    for (size_t j = pst; j > 0 && pst - j < 40 && s[j - 1] != ')'; j--)
        if (s[j - 1] == '(')
            return false; /* "($175.6bn; £93.6bn)": a conversion */
    size_t i = st;
    while (i < n && (ex_is_digit((unsigned char)s[i]) || s[i] == '.' || s[i] == ','))
        i++;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && ex_is_alpha((unsigned char)s[i])) /* the scale word */
        i++;
    if (i >= n || s[i] != ' ')
        return true; /* punctuation or the end */
    size_t a = ++i;
    while (i < n && ex_is_alpha((unsigned char)s[i]))
        i++;
    static const char *const next[] = {"on", "in", "for", "to", "from", "by", "at", "and", "or",
                                       "a", "this", "next", "last", "over", "into", NULL};
    struct fig_word w = {a, i};
    return fig_word_in(s, &w, next);
}
