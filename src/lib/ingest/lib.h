/*
 * ingest/lib.h — helpers shared by the files of src/lib/ingest/ and nothing else.
 * Not part of the public API: the contract for other modules is ingest.h.
 */
#ifndef DOSSIER_LIB_INGEST_H
#define DOSSIER_LIB_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/ingest.h"

/* One line of a text: [start, start+len) without the newline. */
struct ing_line {
    const char *s;
    size_t len;
};

/* Hash of a line as ingest_line_hashes() computes it: trimmed, ASCII
 * lowercased, runs of spaces collapsed. Returns false (and no hash) when the
 * line is empty or longer than INGEST_FURNITURE_MAX bytes after trimming. */
#define INGEST_FURNITURE_MAX 100
bool ing_line_hash(const char *s, size_t n, uint64_t *h);

/* A date parsed from text: y/m/d (d may be 0 when only a month is known). */
struct ing_date {
    int y, m, d;
};

/* Parse a date that makes up the whole of s (a weekday, a time and a time
 * zone may surround it): "Sep 11, 2024 07:06 PM", "11 September 2024",
 * "2024-09-11", "2024/09/11", "2024-09-11T07:06:00Z". Returns true on success. */
bool ing_parse_date_whole(const char *s, size_t n, struct ing_date *out);

/* Find the first date anywhere in s (same forms as above, surrounded by
 * anything). Returns true and its position in *at when found. */
bool ing_find_date(const char *s, size_t n, struct ing_date *out, size_t *at);

/* Parse a date starting exactly at s[i] (forms as above). Returns the index
 * just after it and fills *out, or returns 0 when no date starts there. */
size_t ing_date_at(const char *s, size_t n, size_t i, struct ing_date *out);

/* Is s only a time and/or time zone with separators ("9:58pm", "| 10:32 GMT",
 * "• 08:00")? An empty s is. */
bool ing_only_time(const char *s, size_t n);

/* Month number (1..12) for an English month name or abbreviation at s (len
 * n, case-insensitive), or 0. */
int ing_month(const char *s, size_t n);

/* yyyy-mm-dd, yyyy/mm/dd or yyyy_mm_dd (or yyyymmdd between separators) in a
 * path; the last one in the path wins (the deepest folder or the file name). */
bool ing_path_date(const char *path, struct ing_date *out);

/* Case-insensitive ASCII helpers over counted strings. */
bool ing_ieq(const char *a, size_t n, const char *lit);
bool ing_istarts(const char *a, size_t n, const char *lit);
const char *ing_ifind(const char *hay, size_t n, const char *needle);

/* Cleaning: why line (trimmed) is page furniture by its own look, or NULL.
 * ctx may be NULL. Corpus frequency is a separate question (below). */
const char *ing_furniture_reason(const struct ingest_ctx *ctx, const char *s, size_t n);

/* Is the line's hash among ctx->frequent_lines (lines seen in many docs)? */
bool ing_is_frequent(const struct ingest_ctx *ctx, const char *s, size_t n);

/* Number of words in s (letters/digits runs; a CJK character counts as one). */
int ing_count_words(const char *s, size_t n);
/* The same, but stops counting once past max (returns a value > max). */
int ing_count_words_max(const char *s, size_t n, int max);

/* Does the trimmed line read like a sentence of prose (>= min_words words
 * and ending with sentence punctuation, possibly followed by a quote)? */
bool ing_is_prose(const char *s, size_t n, int min_words);

/* Outlets matched inside a longer line (not the whole line): the canonical
 * name of the longest alias found at word boundaries, or NULL. Only aliases
 * of 5 or more bytes are looked for, so short ones ("AP") do not misfire, and
 * never inside a longer capitalised name ("Yellow Sea Observer" is not "The
 * Observer"). */
const char *outlets_find_in(const struct outlets *o, const char *line, size_t n, size_t *match_len);

/* Readers (ingest/readers.c): plain text is copied; markdown loses its
 * syntax (headings' #, emphasis, link and image syntax) but keeps its text. */
int ingest_read_text(const char *text, size_t n, struct buf *out, struct ds_error *err);
int ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err);

#endif
