/*
 * text.h — text helpers that every part above util shares: the byte span
 * (the currency between backend and front ends: a search hit, an entity
 * mention, a figure, a topic match and a sentence are all spans into an
 * article's cleaned body) and the stop words that similarity, keyness and
 * keywords leave out; the tokenizer interface those use and a basic
 * tokenizer for when there is no index.
 */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes [start, end) of a text. */
struct span {
    uint32_t start, end;
};

/* qsort comparator of struct span: by start, then end. */
int span_cmp(const void *a, const void *b);
/* In n spans sorted by position and not overlapping (sentences, changes),
 * the index of the first one ending after pos; n when none does. */
size_t span_first_after(const struct span *v, size_t n, uint32_t pos);

/* True for common function words (English, plus a few French, German,
 * Italian and Spanish ones, and Chinese ones and bare numerals: zh.h's
 * zh_is_stopword) given as surface text of len bytes, in any case;
 * "US" in capitals is the country, not the pronoun. They count for word
 * diffs, not for similarity, keyness or keywords. */
bool text_is_stopword(const char *word, size_t len);
/* The list of text_is_stopword's words in Latin script (lower case,
 * ASCII), *n of them; the Chinese ones are zh.h's. */
const char *const *text_stopwords(size_t *n);

/* ---- tokenizing (for similarity, keyness and word diffs) ------------------------------------------------------------ */

/* Receives one token (NUL-terminated, folded/stemmed) and its byte span. */
typedef void (*text_token_fn)(const char *token, size_t start, size_t end, void *ud);

/* A tokenizer: the index's (see store_text_tokenizer) or NULL for the basic
 * one. tokenize returns 0, or -1 on failure (comparison then fails). */
struct text_tokenizer {
    int (*tokenize)(void *ctx, const char *text, size_t len, text_token_fn fn, void *ud);
    void *ctx;
};

/* The built-in tokenizer: runs of letters and digits, lowercased, English
 * plural "s" stripped; CJK runs as overlapping bigrams (a lone character is
 * one token). Never fails. */
void text_tokenize_basic(const char *text, size_t len, text_token_fn fn, void *ud);

#endif
