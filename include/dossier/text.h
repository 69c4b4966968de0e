/*
 * text.h — text helpers that every part above util shares: the byte span
 * (the currency between backend and front ends: a search hit, an entity
 * mention, a figure, a topic match and a sentence are all spans into an
 * article's cleaned body) and the stop words that similarity, keyness and
 * keywords leave out.
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

/* True for common function words (English, plus a few French, German,
 * Italian and Spanish ones) given as surface text of len bytes, in any case;
 * "US" in capitals is the country, not the pronoun. They count for word
 * diffs, not for similarity, keyness or keywords. */
bool text_is_stopword(const char *word, size_t len);

#endif
