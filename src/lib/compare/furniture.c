/*
 * compare/furniture.c — lines of a body that belong to the page, not to the
 * story: what near-duplicate signatures and story keys leave out.
 *
 * Ingest already drops the furniture it can tell (ingest/clean.c), but it
 * must keep anything that might be the article: a short line may be a
 * subhead, a sentence about a newsletter may be news. Signatures and story
 * keys can be stricter, since a line left out of them only weakens the
 * evidence a little, while a line of site furniture shared by unrelated
 * pages makes them look alike (two short pages of one site sharing "Sign up
 * for our morning newsletter..." and "Read more" estimate as
 * near-duplicates). The rules are by shape, and name no site:
 *   - a label: fewer than STRICT_LABEL_WORDS words and no sentence end
 *     ("Advertisement", "Read more", "Share this article", "Related");
 *   - a call to action: a line that opens with a verb asking the reader to
 *     do something on the page (read, share, sign up, subscribe, follow,
 *     watch...) and either is short or speaks to the reader or of the page
 *     ("you", "your", "our", "newsletter", "inbox", "app", "here").
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/util.h"

#define STRICT_LABEL_WORDS 5   /* a line of fewer words without a sentence end is a label */
#define ACTION_SHORT_WORDS 12  /* a call to action this short needs no other sign */
#define ACTION_MAX_WORDS 40    /* longer lines are prose whatever their first word */

/* ASCII case-insensitive: does word w (n bytes) equal lower-case s? */
static bool
word_is(const char *w, size_t n, const char *s)
{
    size_t i = 0;
    for (; i < n && s[i]; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != s[i])
            return false;
    }
    return i == n && !s[i];
}

static bool
word_in(const char *w, size_t n, const char *const *list, size_t nlist)
{
    for (size_t i = 0; i < nlist; i++)
        if (word_is(w, n, list[i]))
            return true;
    return false;
}

/* Verbs that open a request to do something on the page. */
static const char *const action_verbs[] = {
    "read",     "share",   "subscribe", "sign",   "follow",   "click",  "tap",
    "download", "watch",   "listen",    "join",   "like",     "get",    "support",
    "donate",   "register", "log",      "continue", "email",  "print",  "comment",
    "view",     "explore", "visit",     "see",    "discover", "try",    "bookmark",
    "tweet",    "send",    "receive",   "catch",  "check",    "stay",   "don't",
};

/* Words that speak to the reader or of the page itself. */
static const char *const page_words[] = {
    "you",       "your",         "our",     "newsletter", "newsletters", "inbox",
    "app",       "here",         "podcast", "subscribe",  "subscription", "email",
    "website",   "facebook",     "twitter", "instagram",  "whatsapp",    "youtube",
};

/* The end of the word that starts at s[i] (runs of letters, digits and
 * inner apostrophes); i itself when no word starts there. */
static size_t
word_end(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                     (s[j] >= '0' && s[j] <= '9') || (unsigned char)s[j] >= 0x80 ||
                     (j > i && s[j] == '\'' && j + 1 < n && s[j + 1] >= 'a' && s[j + 1] <= 'z')))
        j++;
    return j;
}

/* The number of words of s, counted up to `most` (more are not counted),
 * and the first one (*first, *first_len). */
static size_t
count_words(const char *s, size_t n, size_t most, const char **first, size_t *first_len)
{
    size_t count = 0;
    *first = NULL;
    *first_len = 0;
    for (size_t i = 0; i < n && count < most;) {
        size_t j = word_end(s, n, i);
        if (j == i) {
            i++;
            continue;
        }
        if (!count) {
            *first = s + i;
            *first_len = j - i;
        }
        count++;
        i = j;
    }
    return count;
}

/* Does any word of s speak to the reader or of the page (page_words)? */
static bool
has_page_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = word_end(s, n, i);
        if (j == i) {
            i++;
            continue;
        }
        if (word_in(s + i, j - i, page_words, DS_ARRAY_LEN(page_words)))
            return true;
        i = j;
    }
    return false;
}

bool
compare_ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3; /* a closing curly quote */
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

bool
compare_furniture_line(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    if (!n)
        return false;
    /* Chinese and Japanese lines have no spaces to count words by: only
     * the caption rules (minhash.c) apply to them. */
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] <= 0xE9)
            return false;
    const char *first;
    size_t first_len;
    /* Most lines are prose: counting stops past ACTION_MAX_WORDS, and the
     * page words are looked for only in a call to action of middling
     * length (the one case that asks). */
    size_t words = count_words(s, n, ACTION_MAX_WORDS + 1, &first, &first_len);
    if (words == 0)
        return false;
    if (words < STRICT_LABEL_WORDS && !compare_ends_sentence(s, n))
        return true;
    if (words > ACTION_MAX_WORDS ||
        !word_in(first, first_len, action_verbs, DS_ARRAY_LEN(action_verbs)))
        return false;
    /* "Read more", "Watch the video": short requests need nothing else;
     * longer ones must speak to the reader or of the page. */
    return words <= ACTION_SHORT_WORDS || has_page_word(s, n);
}
