/* util/text.c — text helpers shared by every part (see text.h). */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/text.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"

int
span_cmp(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

size_t
span_first_after(const struct span *v, size_t n, uint32_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- stop words --------------------------------------------------------------- */

/* Sorted (strcmp order): binary searched. Function words only, no domain words. */
static const char *const stopwords[] = {
    "a",     "about", "after", "against", "al",    "also",   "am",    "an",    "and",
    "any",   "are",   "as",    "at",      "au",    "aux",    "be",    "been",  "before",
    "being", "between", "both", "but",    "by",    "can",    "could", "dans",  "das",
    "de",    "del",   "della", "dem",     "den",   "der",    "des",   "di",    "did",
    "die",   "do",    "does",  "du",      "during", "e",     "each",  "ein",   "eine",
    "el",    "en",    "es",    "et",      "for",   "from",   "had",   "has",   "have",
    "he",    "her",   "here",  "hers",    "him",   "his",    "how",   "i",     "if",
    "il",    "im",    "in",    "into",    "is",    "ist",    "it",    "its",   "la",
    "las",   "le",    "les",   "lo",      "los",   "may",    "me",    "might", "more",
    "most",  "mr",    "mrs",   "ms",      "much",  "must",   "my",    "no",    "nor",
    "not",   "of",    "on",    "one",     "only",  "or",     "other", "our",   "ours",
    "out",   "over",  "par",   "per",     "por",   "pour",   "s",     "said",  "says",
    "se",    "she",   "should", "since",  "so",    "some",   "such",  "than",  "that",
    "the",   "their", "theirs", "them",   "then",  "there",  "these", "they",  "this",
    "those", "through", "to",  "un",      "una",   "und",    "une",   "until", "up",
    "upon",  "us",    "very",  "was",     "we",    "were",   "what",  "when",  "where",
    "which", "while", "who",   "whom",    "why",   "will",   "with",  "would", "y",
    "yet",   "you",   "your",  "zu",
};

/* The longest stop word: a longer word is none (test_text checks the list). */
#define STOPWORD_MAX_LEN 7

/* strcmp's order of the stop word w and the len bytes of low. */
static int
stopword_cmp(const char *low, size_t len, const char *w)
{
    for (size_t i = 0; i < len; i++) {
        if (!w[i])
            return 1;
        if (low[i] != w[i])
            return (unsigned char)low[i] < (unsigned char)w[i] ? -1 : 1;
    }
    return w[len] ? -1 : 0;
}

/* Where the stop words starting with each byte begin (bucket[c]) and end
 * (bucket[c + 1]) in the sorted list, made once. */
static unsigned short stopword_first[257];
static pthread_once_t stopword_once = PTHREAD_ONCE_INIT;

static void
stopword_index(void)
{
    size_t w = 0;
    for (unsigned c = 0; c <= 256; c++) {
        while (w < DS_ARRAY_LEN(stopwords) && (unsigned char)stopwords[w][0] < c)
            w++;
        stopword_first[c] = (unsigned short)w;
    }
}

/* The range [*lo, *hi) of the stop words whose first byte is c. */
static void
stopword_bucket(unsigned char c, size_t *lo, size_t *hi)
{
    pthread_once(&stopword_once, stopword_index);
    *lo = stopword_first[c];
    *hi = stopword_first[c + 1];
}

/* See text.h. */
const char *const *
text_stopwords(size_t *n)
{
    *n = DS_ARRAY_LEN(stopwords);
    return stopwords;
}

bool
text_is_stopword(const char *word, size_t len)
{
    char low[STOPWORD_MAX_LEN];
    if (len > 0 && (unsigned char)word[0] >= 0xE3)
        return zh_is_stopword(word, len);
    if (len == 0 || len > STOPWORD_MAX_LEN)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 0x80)
            return false;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* "us" is usually the country in news text (U.S.); keep it as a term. */
    if (len == 2 && low[0] == 'u' && low[1] == 's' && word[0] == 'U')
        return false;
    size_t lo, hi;
    stopword_bucket((unsigned char)low[0], &lo, &hi);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = stopword_cmp(low, len, stopwords[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* ---- the basic tokenizer ---------------------------------------------------------- */

static bool
is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
        cp == UTF8_REPLACEMENT ||
        (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0xFE30 && cp <= 0xFE4F))
        return false;
    return true;
}

void
text_tokenize_basic(const char *text, size_t len, text_token_fn fn, void *ud)
{
    struct buf tok = BUF_INIT;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int k = utf8_decode(text + i, len - i, &cp);
        if (utf8_is_cjk(cp)) {
            /* A CJK run: overlapping bigrams, a lone character alone. */
            size_t first = i;
            size_t prev = i;
            size_t j = i + (size_t)k;
            int count = 1;
            while (j < len) {
                uint32_t c2;
                int k2 = utf8_decode(text + j, len - j, &c2);
                if (!utf8_is_cjk(c2))
                    break;
                buf_reset(&tok);
                buf_append(&tok, text + prev, j + (size_t)k2 - prev);
                fn(buf_str(&tok), prev, j + (size_t)k2, ud);
                prev = j;
                j += (size_t)k2;
                count++;
            }
            if (count == 1) {
                buf_reset(&tok);
                buf_append(&tok, text + first, j - first);
                fn(buf_str(&tok), first, j, ud);
            }
            i = j;
            continue;
        }
        if (!is_word_cp(cp)) {
            i += (size_t)k;
            continue;
        }
        size_t start = i;
        buf_reset(&tok);
        while (i < len) {
            uint32_t c2;
            int k2 = utf8_decode(text + i, len - i, &c2);
            if (!is_word_cp(c2) || utf8_is_cjk(c2))
                break;
            /* "don't", "China's": an apostrophe inside a word ends it; the
             * possessive s is dropped by the plural rule below. */
            char enc[4];
            int m = utf8_encode(utf8_tolower(c2), enc);
            buf_append(&tok, enc, (size_t)m);
            i += (size_t)k2;
        }
        /* Light English plural stripping: "tariffs" -> "tariff", "talks" -> "talk". */
        if (tok.len > 3 && tok.data[tok.len - 1] == 's' && tok.data[tok.len - 2] != 's' &&
            tok.data[tok.len - 2] != 'u' && tok.data[tok.len - 2] != 'i') {
            tok.len--;
            tok.data[tok.len] = '\0';
        }
        fn(buf_str(&tok), start, i, ud);
    }
    buf_free(&tok);
}
