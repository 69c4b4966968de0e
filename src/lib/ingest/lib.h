/*
 * ingest/lib.h — helpers shared by the files of src/lib/ingest/ and nothing else.
 * Not part of the public API: the contract for other modules is ingest.h.
 */
#ifndef DOSSIER_LIB_INGEST_H
#define DOSSIER_LIB_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"

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
/* The outlet a web address belongs to (its host or a parent domain listed
 * in domains.tsv, "https://www.foxnews.com/..." -> "Fox News"), or NULL. */
const char *outlets_for_url(const struct outlets *o, const char *url, size_t n);

/* Readers (ingest/readers.c): plain text is copied; markdown loses its
 * syntax (headings' #, emphasis, link and image syntax) but keeps its text. */
int ingest_read_text(const char *text, size_t n, struct buf *out, struct ds_error *err);
int ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err);

/* ---- one file's lines and metadata, shared by ingest.c, lines.c and
 * metadata.c (the ingest step for one file) ----------------------------- */

#define TOP_LINES 16     /* content lines at the top where metadata may sit */
#define BOTTOM_LINES 5   /* content lines at the bottom (trailers) */
#define DUP_MIN_BYTES 12 /* shorter repeated lines ("Q:", "* * *") are kept */

/* How strongly a line names the source; lower wins. */
enum {
    RANK_SOURCE_LINE = 0,        /* "Source: X", "来源：X"; the URL's domain */
    RANK_SOURCE_UNKNOWN = 5,     /* "Source: x" naming no known outlet */
    RANK_ALONE = 10,             /* a known outlet's name alone on a line */
    RANK_ALONE_SEEN = 12,        /* an unknown name alone, repeated across the corpus */
    RANK_ALONE_UNKNOWN = 15,     /* an unknown name alone that looks like an outlet's */
    RANK_BYLINE = 20,            /* a known outlet ending a byline */
    RANK_COPYRIGHT = 20,         /* a known outlet in a copyright line */
    RANK_COPYRIGHT_UNKNOWN = 25, /* the name in "© 2024 X" */
    RANK_MASTHEAD = 27,          /* the name in "X REPORT — Column" over the headline */
    RANK_DATELINE = 30,          /* a known agency in a dateline */
    RANK_DATELINE_UNKNOWN = 35,  /* another agency in a dateline: "(Tidewater)" */
    RANK_FURNITURE = 40,         /* a known outlet named in dropped furniture */
    RANK_FURNITURE_UNKNOWN = 45, /* an outlet-like name in dropped furniture */
    RANK_NONE = 99,
};

struct ing_doc_line {
    const char *t; /* trimmed text */
    size_t tl;
    size_t ind;      /* leading spaces */
    const char *why; /* reason it was dropped, or NULL */
    bool blank;
};

struct ing_doc {
    const struct ingest_ctx *ctx;
    const struct outlets *outlets;
    struct ing_doc_line *lines;
    size_t n;
    struct article *a;
    int source_rank; /* lower is stronger; 99 = none */
    char *source;
};

struct ing_dateline {
    const char *agency;
    size_t agencyl;
    int month, day, year;
    bool caps_place; /* the place is in capitals, as wire copy writes it */
};

/* What a short line looks like as a name. */
struct ing_name_shape {
    int words;        /* space-separated words */
    int latin;        /* ... of them not CJK */
    int cjk;          /* Han/kana/hangul characters */
    bool outlet_word; /* holds a word from is_outlet_word */
    bool other_word;  /* ... and a word that is not one (not all "World News") */
    bool article;     /* starts with "The", "Le", "Die"... */
    bool person;      /* two or three capitalised words and nothing else: a person */
};

/* lines.c: what kind of line this is (bylines, datelines, labels, outlet
 * names) and the setters of a document's source and date. */
bool ing_copyright_name(const char *s, size_t n, const char **name, size_t *nl);
bool ing_dash_trailer(const char *s, size_t n, const char **name, size_t *nl);
bool ing_ends_with_any(const char *s, size_t n, const char *chars);
bool ing_has_ui_word(const char *s, size_t n);
bool ing_is_bullet(const struct ing_doc_line *l);
bool ing_is_byline(const char *s, size_t n, char **name, struct ing_date *dt, bool *has_date);
bool ing_is_caption_like(const struct ing_doc_line *l);
bool ing_is_content(const struct ing_doc_line *l);
bool ing_is_copyright_line(const char *s, size_t n);
bool ing_is_crumb(const char *s, size_t n, const char **sec, size_t *secl);
bool ing_is_dateline(const char *s, size_t n, struct ing_dateline *dl);
bool ing_is_headline_like(const struct ing_doc_line *l);
bool ing_is_published_line(const char *s, size_t n, struct ing_date *dt);
bool ing_is_short_label(const struct ing_doc_line *l);
bool ing_is_source_line(const char *s, size_t n, const char **val, size_t *vl);
bool ing_name_shape(const char *s, size_t n, struct ing_name_shape *ns);
bool ing_outlet_like(const char *s, size_t n, bool strong);
bool ing_top_outlet_seen(const struct ing_doc_line *l);
char *ing_dupn(const char *s, size_t n);
void ing_byline_outlet(struct ing_doc *d, char *name);
void ing_set_date(struct article *a, const struct ing_date *dt, enum date_source how);
void ing_set_source(struct ing_doc *d, const char *name, size_t n, int rank);

/* metadata.c: the metadata a page states at its top, its bottom, in a
 * dateline and in dropped furniture. */
void ing_meta_bottom(struct ing_doc *d);
void ing_meta_dateline(struct ing_doc *d, const char *path);
void ing_meta_furniture_outlet(struct ing_doc *d);
void ing_meta_top(struct ing_doc *d);

#endif
