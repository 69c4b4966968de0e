/*
 * sentences.h — split text into sentences, for figure context (extract) and
 * for aligning two articles (compare).
 *
 * The splitter is rule-based and language-light: it ends sentences at . ! ?
 * (and the CJK full stops 。！？) followed by space, a line break or the
 * end, and survives abbreviations (Mr., Dr., U.S., Jan., Corp., Inc., e.g.,
 * i.e., No. 2), decimals (3.5, $1.5 bn), initials (J. P. Morgan) and closing
 * quotes or brackets after the stop, which stay in the sentence. After a
 * dotted abbreviation (U.S., a.m.) a capitalised word ends the sentence
 * only when it is one that starts sentences ("The", "He", "But"), so "the
 * U.S. Capitol Police" stays whole; a one-word sentence closing a
 * quotation ("Right?\u201d") joins the one before it, and so does a short
 * attribution after a quotation closing on ? or ! ("...?\" Obama said."); a
 * "sentence" without a word (an ellipsis between two stretches of a
 * quotation, "appropriated. ... This is") joins the sentence after it on
 * the same line, or else the one before it. A blank
 * line always ends a sentence; a single line break ends one unless the next
 * line starts in lower case (a wrapped line).
 */
#ifndef DOSSIER_SENTENCES_H
#define DOSSIER_SENTENCES_H

#include <stddef.h>

#include "dossier/text.h" /* struct span */

/* Split text[0..n) into sentences. Returns the count and sets *out to a newly
 * allocated array of spans (byte ranges into text, trimmed of surrounding
 * white space, never empty, in order); the caller frees *out. With no
 * sentence (empty or blank text) returns 0 and sets *out to NULL. */
size_t sentences_split(const char *text, size_t n, struct span **out);

#endif
