/* util/text.c — text helpers shared by every part (see text.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/text.h"
#include "dossier/util.h"

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

static int
stopword_cmp(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

bool
text_is_stopword(const char *word, size_t len)
{
    char low[16];
    if (len == 0 || len >= sizeof low)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 0x80)
            return false;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[len] = '\0';
    /* "us" is usually the country in news text (U.S.); keep it as a term. */
    if (strcmp(low, "us") == 0 && word[0] == 'U')
        return false;
    return bsearch(low, stopwords, DS_ARRAY_LEN(stopwords), sizeof stopwords[0], stopword_cmp) !=
           NULL;
}
