/*
 * sentences.c — the sentence splitter (see sentences.h). One pass over the
 * bytes; each candidate stop looks only at the word before it and the
 * character after it, so the cost is linear in the text.
 */
#include "config.h"

#include "dossier/sentences.h"
#include "dossier/util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words that take a period without ending a sentence (case-sensitive). */
static const char *const sent_abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Messrs", "Mme", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Corp", "Inc", "Ltd", "Co",
    "Bros", "Gov", "Gen", "Sen", "Rep", "Rev", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr",
    "Dept", "Univ", "Mt", "Ft", "vs", "No", "Nos", "Vol", "Fig", "Art", "Sec", "approx", "est",
    "Ave", "Blvd", "Rd", "Hon", "Pres", "cf", "al", "Sens", "Reps", "Govs", "Supt", "Ald",
};

/* Words that start a sentence after a dotted abbreviation ("... in the
 * U.S. The next day"): after "U.S." any other capitalised word continues
 * the sentence ("the U.S. Capitol Police", "U.S. Fish and Wildlife"). */
static const char *const sent_starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So",
    "In", "On", "At", "As", "If", "This", "That", "These", "Those", "There", "Their", "His",
    "Her", "Its", "Our", "My", "When", "While", "After", "Before", "Since", "Yet", "Still",
    "Then", "Now", "Some", "Many", "Most", "Meanwhile", "However", "Also", "Last", "Earlier",
    "Later", "According", "What", "Why", "How", "Who", "Where", "Officials", "Both", "No",
};

static bool
sent_in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return true;
    return false;
}

/* White space, including U+00A0; returns its byte length or 0. */
static size_t
sent_space(const char *t, size_t n, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0)
        return 2;
    return 0;
}

/* A closing quote or bracket at i; returns its byte length or 0. */
static size_t
sent_closer(const char *t, size_t n, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (i + 1 < n && c == 0xC2 && (unsigned char)t[i + 1] == 0xBB) /* » */
        return 2;
    if (i + 2 < n) {
        unsigned char c1 = (unsigned char)t[i + 1], c2 = (unsigned char)t[i + 2];
        if (c == 0xE2 && c1 == 0x80 && (c2 == 0x99 || c2 == 0x9D)) /* ’ ” */
            return 3;
        if (c == 0xE3 && c1 == 0x80 && (c2 == 0x8D || c2 == 0x8F)) /* 」 』 */
            return 3;
        if (c == 0xEF && c1 == 0xBC && c2 == 0x89) /* ） */
            return 3;
    }
    return 0;
}

/* A CJK sentence stop at i (。！？); returns its byte length or 0. */
static size_t
sent_cjk_stop(const char *t, size_t n, size_t i)
{
    if (i + 2 >= n)
        return 0;
    unsigned char c = (unsigned char)t[i], c1 = (unsigned char)t[i + 1],
                  c2 = (unsigned char)t[i + 2];
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x82)
        return 3;
    if (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F))
        return 3;
    return 0;
}

static bool
sent_is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static bool
sent_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does the single '.' at i end a sentence, judging by the word before it and
 * the word after it (which starts at next, or next == n)? */
static bool
sent_period_ends(const char *t, size_t n, size_t i, size_t next)
{
    size_t ws = i;
    bool dotted = false;
    while (ws > 0 && (sent_is_alpha((unsigned char)t[ws - 1]) || t[ws - 1] == '.')) {
        if (t[ws - 1] == '.')
            dotted = true;
        ws--;
    }
    size_t wl = i - ws;
    if (wl == 0)
        return true;
    const char *w = t + ws;
    bool next_digit = next < n && t[next] >= '0' && t[next] <= '9';
    if (dotted) {
        /* e.g. i.e. a.m.: never a stop; U.S. and U.K.: a stop unless a word
         * that usually follows them comes next. */
        if (sent_is_lower((unsigned char)w[0]) && next < n && t[next] >= 'A' && t[next] <= 'Z') {
            size_t e = next;
            while (e < n && sent_is_alpha((unsigned char)t[e]))
                e++;
            return sent_in_list(t + next, e - next, sent_starters, DS_ARRAY_LEN(sent_starters));
        }
        if (sent_is_lower((unsigned char)w[0]))
            return false;
        size_t ne = next;
        while (ne < n && sent_is_alpha((unsigned char)t[ne]))
            ne++;
        return next >= n || ne == next ||
               sent_in_list(t + next, ne - next, sent_starters, DS_ARRAY_LEN(sent_starters));
    }
    if (wl == 1 && w[0] >= 'A' && w[0] <= 'Z')
        return false; /* an initial: J. P. Morgan */
    if (wl == 2 && memcmp(w, "No", 2) == 0)
        return !next_digit;
    if (sent_in_list(w, wl, sent_abbrevs, DS_ARRAY_LEN(sent_abbrevs)))
        return false;
    return true;
}

static void
sent_emit(const char *t, size_t n, size_t start, size_t end, struct span **out, size_t *count,
          size_t *cap)
{
    (void)n;
    while (end > start) {
        if ((unsigned char)t[end - 1] == 0xA0 && end - start >= 2 &&
            (unsigned char)t[end - 2] == 0xC2) {
            end -= 2;
            continue;
        }
        unsigned char c = (unsigned char)t[end - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            end--;
            continue;
        }
        break;
    }
    if (end <= start)
        return;
    if (*count == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *out = xrealloc(*out, *cap * sizeof **out);
    }
    (*out)[*count].start = (uint32_t)start;
    (*out)[*count].end = (uint32_t)end;
    (*count)++;
}

/* Bytes the splitter must look at once a sentence has started. */
static const bool sent_special[256] = {
    ['.'] = true, ['!'] = true, ['?'] = true, ['\n'] = true, [0xE3] = true, [0xEF] = true,
};

/* Verbs that make a short sentence a quotation's attribution. */
static const char *const sent_said[] = {
    "said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "tweeted",
    "replied", "continued", "told", "insisted", "explained", "declared", "recalled",
};

/* Does span s end with a closing quotation mark? */
static bool
sent_closes_quote(const char *t, struct span s)
{
    size_t len = s.end - s.start;
    const unsigned char *e = (const unsigned char *)t + s.end;
    return (len >= 1 && e[-1] == '"') ||
           (len >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && (e[-1] == 0x9D || e[-1] == 0x99));
}

/* Does span s close a quotation on a question or an exclamation mark
 * ("... a coin for baseball?\"")? */
static bool
sent_quote_asks(const char *t, struct span s)
{
    if (!sent_closes_quote(t, s))
        return false;
    size_t k = s.end - 1;
    while (k > s.start && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    return k > s.start && (t[k - 1] == '?' || t[k - 1] == '!');
}

/* Is span s a short attribution: at most four words, one of them a verb
 * of saying ("Obama said.", "Justice Breyer asked.")? */
static bool
sent_attribution(const char *t, struct span s)
{
    size_t words = 0;
    bool verb = false;
    for (size_t i = s.start; i < s.end;) {
        while (i < s.end && !sent_is_alpha((unsigned char)t[i]))
            i++;
        size_t w = i;
        while (i < s.end && sent_is_alpha((unsigned char)t[i]))
            i++;
        if (i == w)
            break;
        words++;
        verb = verb || sent_in_list(t + w, i - w, sent_said, DS_ARRAY_LEN(sent_said));
    }
    return verb && words <= 4;
}

/* Does span s hold no word: only stops, quotation marks, brackets and
 * other punctuation (an ellipsis marking words left out of a quotation,
 * "... This is a gross abuse", a stray "[...]")? A byte of a multibyte
 * character counts as a word unless it is of the punctuation block
 * U+2000-U+206F (curly quotes, dashes, the ellipsis character). */
static bool
sent_bare(const char *t, struct span s)
{
    for (size_t i = s.start; i < s.end; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= '0' && c <= '9') || sent_is_alpha(c))
            return false;
        if (c >= 0xC0 && !(c == 0xE2 && i + 1 < s.end && ((unsigned char)t[i + 1] == 0x80 ||
                                                          (unsigned char)t[i + 1] == 0x81)))
            return false;
    }
    return true;
}

/* Join to the sentence before it on the same line each one-word sentence
 * that closes a quotation (a tag question, "Right?", belongs to the
 * quotation) and each short attribution after a quotation that closed on
 * "?" or "!" ("\"... for baseball?\" Obama said."); a sentence without a
 * word joins the one after it on the same line, or else the one before
 * it. Returns the new count. */
static size_t
sent_join_words(const char *t, struct span *s, size_t count)
{
    size_t w = 0;
    for (size_t i = 0; i < count; i++) {
        if (i + 1 < count && sent_bare(t, s[i]) &&
            !memchr(t + s[i].end, '\n', s[i + 1].start - s[i].end)) {
            s[i + 1].start = s[i].start; /* "..." leads the words after it */
            continue;
        }
        size_t len = s[i].end - s[i].start;
        bool one_word = sent_closes_quote(t, s[i]) && !memchr(t + s[i].start, ' ', len);
        bool joins = w > 0 && (one_word || sent_bare(t, s[i]) ||
                               (sent_quote_asks(t, s[w - 1]) && sent_attribution(t, s[i])));
        if (joins && !memchr(t + s[w - 1].end, '\n', s[i].start - s[w - 1].end)) {
            s[w - 1].end = s[i].end;
            continue;
        }
        s[w++] = s[i];
    }
    return w;
}

size_t
sentences_split(const char *t, size_t n, struct span **out)
{
    size_t count = 0, cap = 0;
    size_t start = SIZE_MAX;
    size_t i = 0;
    *out = NULL;
    while (i < n) {
        size_t sp = sent_space(t, n, i);
        if (start == SIZE_MAX) {
            if (sp) {
                i += sp;
                continue;
            }
            start = i;
        }
        /* Inside a sentence only stops, line breaks and the lead bytes of
         * CJK stops matter: skip everything else in one tight loop. */
        while (i < n && !sent_special[(unsigned char)t[i]])
            i++;
        if (i >= n)
            break;
        unsigned char c = (unsigned char)t[i];
        if (c == '\n') {
            size_t j = i, lines = 0, l;
            while (j < n && (l = sent_space(t, n, j)) != 0) {
                if (t[j] == '\n')
                    lines++;
                j += l;
            }
            if (lines >= 2 || j >= n || !sent_is_lower((unsigned char)t[j])) {
                sent_emit(t, n, start, i, out, &count, &cap);
                start = SIZE_MAX;
            }
            i = j;
            continue;
        }
        size_t cjk = sent_cjk_stop(t, n, i);
        if (cjk) {
            size_t k = i + cjk, l;
            while (k < n && (l = sent_closer(t, n, k)) != 0)
                k += l;
            sent_emit(t, n, start, k, out, &count, &cap);
            start = SIZE_MAX;
            i = k;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            size_t j = i + 1, l;
            while (j < n && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
                j++;
            size_t k = j;
            while (k < n && (l = sent_closer(t, n, k)) != 0)
                k += l;
            if (k < n && !sent_space(t, n, k)) {
                i = j; /* 3.5, U.S.A, e.g., "word".) */
                continue;
            }
            size_t next = k;
            while (next < n && (l = sent_space(t, n, next)) != 0 && t[next] != '\n')
                next += l;
            bool ends = true;
            if (next < n && sent_is_lower((unsigned char)t[next]))
                ends = false;
            else if (c == '.' && j == i + 1)
                ends = sent_period_ends(t, n, i, next);
            if (ends) {
                sent_emit(t, n, start, k, out, &count, &cap);
                start = SIZE_MAX;
                i = k;
            } else {
                i = j;
            }
            continue;
        }
        i++;
    }
    if (start != SIZE_MAX)
        sent_emit(t, n, start, n, out, &count, &cap);
    return sent_join_words(t, *out, count);
}
