/*
 * ingest.h — from files on disk to struct article: finding files, reading
 * them (one reader per format), decoding any encoding to clean UTF-8,
 * dropping page furniture and finding the metadata the text states.
 *
 * Nothing here knows a particular outlet or file: the rules are generic and
 * the list of known outlets comes from assets/outlets.tsv plus the user's
 * $XDG_CONFIG_HOME/dossier/outlets.tsv.
 */
#ifndef DOSSIER_INGEST_H
#define DOSSIER_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "dossier/article.h"
#include "dossier/util.h"

/* ---- readers: a file format's bytes to plain text ---------------------------- */

struct reader {
    const char *name;                 /* "text", "markdown", "html", "feed" */
    const char *const *extensions;    /* NULL-terminated, lower case, with dot */
    /* Turn the file's decoded UTF-8 text into article text (e.g. strip
     * markdown syntax). Returns 0, or -1 with a reason in err. NULL for
     * formats that are more than text (pages, feeds): ingest_article reads
     * those. */
    int (*to_text)(const char *text, size_t n, struct buf *out, struct ds_error *err);
};

/* The reader for path by its extension (case-insensitive), or NULL when
 * dossier does not consider files so named: "text" (.txt .text),
 * "markdown" (.md .markdown .mdown), "html" (.html .htm .xhtml .shtml),
 * "feed" (.rss .atom .rdf .xml .feed; see ingest_feed_read). Only a hint:
 * the format is decided from the bytes (an HTML page named .txt is read as
 * a page; ingest_format_of tells feeds apart). */
const struct reader *ingest_reader_for(const char *path);

/* What a file holds, from its first bytes, its extension only a hint:
 * a feed (an XML root element rss, feed or rdf:RDF), Markdown with front
 * matter (a first line "---" or "+++" that a later line closes), Markdown
 * (by extension), else plain text. (A stand-in for the content sniffer.) */
enum ingest_format {
    INGEST_TEXT,
    INGEST_MARKDOWN,
    INGEST_FRONT_MATTER,
    INGEST_FEED,
};
enum ingest_format ingest_format_of(const char *path, const char *bytes, size_t n);

/* ---- finding files ------------------------------------------------------------ */

/* Walk roots (files or directories) recursively: hidden entries are skipped,
 * symlinks are followed once (a directory already visited is not entered
 * again, so loops end), files whose names no reader claims go to on_skip
 * ("not a text, page or feed").
 * on_file gets each readable candidate with its stat; on_skip gets paths
 * that cannot be walked, with a reason ("unreadable: Permission denied").
 * Returns 0, or the first non-zero value on_file returned. Paths given to
 * the callbacks are absolute. */
int ingest_walk(const char *const *roots, size_t nroots,
                int (*on_file)(const char *path, const struct stat *st, void *ud),
                void (*on_skip)(const char *path, const char *reason, void *ud), void *ud);

/* ---- decoding ----------------------------------------------------------------- */

/* Why bytes cannot be an article, or NULL when they can: "empty" (no bytes or
 * only whitespace), "binary" (a NUL byte, or more than 30% control bytes
 * other than \t \n \r \f ESC, in the first 8 KiB), "unknown encoding
 * (UTF-16 without a byte-order mark?)" (NULs in every other byte only).
 * UTF-16 with a BOM is text. */
const char *ingest_sniff(const char *bytes, size_t n);

/* Decode bytes to UTF-8: valid UTF-8 is kept (a BOM is dropped); UTF-16 with a
 * BOM is converted; text with no (or hardly any) valid multibyte sequence is
 * Windows-1252/Latin-1; otherwise each invalid byte becomes U+FFFD. Then
 * normalise: CRLF/CR to LF, NBSP and other odd spaces to ' ' (U+3000, the
 * ideographic space, is kept: it is visible, two columns wide, and CJK text
 * indents with it), zero-width characters, soft hyphens and bidi overrides
 * removed, C0/C1 controls, DEL and ANSI/OSC/DCS escape sequences stripped,
 * tabs to spaces, trailing spaces on lines removed. The result never holds a
 * control character other than \n. Appends to out (always NUL-terminated);
 * *encoding gets a static name: "utf-8", "utf-8 (repaired)",
 * "windows-1252", "utf-16le" or "utf-16be". Never fails. */
void ingest_decode(const char *bytes, size_t n, struct buf *out, const char **encoding);

/* ---- corpus-wide furniture ---------------------------------------------------- */

/* Hashes of the lines of text that could be furniture (lines of at most 100
 * bytes; only their words count, lower-cased, so markup and punctuation do
 * not matter), each once, sorted ascending; the indexer counts in how many
 * documents each occurs (store_linefreq_add) and hands the frequent ones
 * back in ingest_ctx. *out is malloc'd (NULL when there are none) and owned
 * by the caller. Returns the count. */
size_t ingest_line_hashes(const char *text, size_t n, uint64_t **out);

/* ---- outlets ------------------------------------------------------------------ */

struct outlets;
/* Load assets_dir/outlets.tsv then config_dir/outlets.tsv (either may be
 * NULL or missing): "Canonical name<TAB>alias|alias|..." a line, '#'
 * comments; where both files give an alias, the user's file wins. Each
 * directory's domains.tsv (same format, web domains as aliases) is read
 * after its outlets.tsv. On
 * success *out is new (free with outlets_free) and 0 is returned; a
 * malformed line fails with -1, *out NULL and "file:line: message". */
int outlets_load(const char *assets_dir, const char *config_dir, struct outlets **out,
                 struct ds_error *err);
/* Free *o (NULL is fine) and set it to NULL. */
void outlets_free(struct outlets **o);
/* Canonical outlet name if the whole line names a known outlet (ignoring
 * ASCII case, a leading "The", runs of spaces and surrounding punctuation),
 * else NULL. Borrowed: lives as long as o. A NULL o matches nothing. */
const char *outlets_match(const struct outlets *o, const char *line, size_t n);

/* ---- the whole step ----------------------------------------------------------- */

struct ingest_ctx {
    const struct outlets *outlets;     /* may be NULL */
    const uint64_t *frequent_lines;    /* sorted hashes of corpus-wide furniture lines */
    size_t nfrequent_lines;
};

/* Decode, clean and find metadata in one file's bytes. *out is overwritten
 * (not freed first) and owns every string; free with article_clear, also
 * after a failure. The format comes from the bytes with path's extension
 * as a hint (ing_sniff_format); a yyyy-mm-dd in path is the weakest date.
 * A web page's metadata (JSON-LD, meta tags, <title>, its byline) comes
 * first; the text's own lines are looked at only for what it did not
 * state. out->raw is the decoded file (the page's markup for HTML).
 * Unlike ingest_file, bytes in an unexplained charset are read as
 * Windows-1252. ctx may be NULL.
 *
 * Cleaning drops page furniture and records each dropped line in
 * out->removed as "reason\tline\n". Reasons: template, sponsored, icons,
 * label, paywall, frequent (a line ctx lists as seen in many documents; one
 * that reads as a sentence only at the top or bottom of the page, and never
 * when most of the page's short lines are frequent, as in a republished
 * wire story), prompt-block (short lines between subscription prompts),
 * duplicate (a repeated line; the first stays); and lines that
 * became metadata: title, section, published, date, byline, source,
 * copyright, masthead (an outlet's banner line above the headline).
 * The source is, strongest first: a "Source:"/"来源：" field, a known
 * outlet's name alone on the first or last line (outlets.tsv, whole-line
 * match), an unknown name alone there that repeats across the corpus or
 * looks like an outlet's ("— The X Review", "X Sea Observer"), a known
 * outlet ending the byline or in the copyright line, "© 2024 X", the
 * masthead, the agency of a dateline ("PLACE/PLACE, Nov 15 (X) -"), an
 * outlet named in dropped furniture. Cleaning never drops a sentence of prose (12+ words ending in
 * a full stop) except as a duplicate. Hard-wrapped text is rejoined into
 * paragraphs first. Metadata comes only from the page's structure (lines
 * at the top or bottom, datelines), never from dates or names in sentences.
 *
 * Returns 0, or -1 with a reason in err when the bytes are not an article
 * ("not an article: binary file", "... empty file", or nothing left after
 * cleaning). */
int ingest_article(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
                   struct article *out, struct ds_error *err);

/* ---- feeds: one file, many articles (ingest/feed.c) --------------------------- */

/* One item (RSS <item>, Atom <entry>) as the feed states it. Strings are
 * UTF-8, owned by the feed, NULL when absent. */
struct feed_item {
    char *key;        /* identity within the file: guid / Atom id / rdf:about,
                       * else the link, else "title:" + a hash of title and date */
    char *link;       /* the article's URL */
    char *title, *date, *author;
    char *source;     /* the outlet the item names (<source>, Atom source title) */
    char *tags;       /* categories, one per line, each ending in '\n' */
    char *content;    /* content:encoded, Atom content, else description/summary */
    char *summary;    /* description/summary when content is another element, else NULL */
    bool content_is_html; /* false for Atom type="text" */
    uint64_t hash;    /* of everything above: changes when the item changes */
};

struct feed {
    char *title;      /* the feed's own title: the outlet when an item names none */
    char *encoding;   /* as the XML declaration states it, lower case ("utf-8") */
    struct feed_item *items;
    size_t n;
    char *error;      /* not well-formed: "line N: message" where reading
                       * stopped (the items before it are kept), else NULL */
};

/* Limits that keep a hostile feed cheap: items read from one file, bytes
 * of one item's content. Past them the rest is ignored. */
#define FEED_MAX_ITEMS 20000
/* The longest summary kept (article.summary), in bytes: a longer one is cut
 * at a character boundary before it and ends in "…". */
#define INGEST_SUMMARY_MAX 1000
#define FEED_MAX_CONTENT (4u << 20)

/* Read an RSS 2.0, RSS 1.0 (RDF) or Atom feed with libxml2: no network, no
 * DTD loaded, no entities but the built-in five expanded, nesting and text
 * sizes within libxml2's default limits. A feed that is not well-formed is
 * read as far as it is: the items completed before the error are kept and
 * f->error says where reading stopped. Returns 0 (*out filled, free with
 * feed_clear), or -1 with err when the bytes are no feed or break before
 * the root element (out then empty). */
int ingest_feed_read(const char *bytes, size_t n, struct feed *out, struct ds_error *err);
/* Free every member and zero the struct. */
void feed_clear(struct feed *f);

/* Item i of f as an article, cleaned and with its metadata as for any file:
 * the item's title, date, author and link; the item's source, else the
 * feed's title, as the outlet; its HTML reduced to text. *out as for
 * ingest_article (path is the feed file's). Returns 0, or -1 with err when
 * the item holds no text at all. */
int ingest_feed_article(const struct ingest_ctx *ctx, const char *path, const struct feed *f,
                        size_t i, struct article *out, struct ds_error *err);

/* An item's HTML to plain text: block elements end lines, list items become
 * "- " lines, scripts, styles, images and figures are dropped, entities
 * decoded; the result is clean UTF-8 as ingest_decode() gives. Appends to
 * out. The one place feed HTML becomes text (the HTML reader will take
 * over). */
void feed_item_html_to_text(const char *html, size_t n, struct buf *out);

/* Everything the indexer stores for one file, read once (ingest_file). */
struct ingest_result {
    struct article a;       /* a.raw is NULL: it is in raw_packed */
    uint64_t hash;          /* of the file's bytes: identical files are stored once */
    uint64_t *lines;        /* ingest_line_hashes of the text the reader found */
    size_t nlines;
    struct buf raw_packed;  /* the raw text packed against a.body (ingest_raw_pack) */
    const char *format;     /* static: "text", "markdown", "html", ... */
};

/* One file's bytes to everything the indexer stores: sniffed (the format
 * from the bytes, path's extension as a hint), decoded (an unexplained
 * legacy charset is refused: "unknown encoding"), read by the format's
 * reader, cleaned, its metadata found (as ingest_article), the line hashes
 * for corpus-wide furniture counted and the raw text packed. *out is
 * overwritten; free with ingest_result_clear, also after a failure.
 * Returns 0, or -1 with the reason to skip the file in err ("empty",
 * "binary", "unknown encoding", "a feed (...)", "not an article: ..."). */
int ingest_file(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
                struct ingest_result *out, struct ds_error *err);
void ingest_result_clear(struct ingest_result *r);

/* The line hashes (as ingest_line_hashes) of the text a file's reader
 * finds, for the corpus-wide counts taken before any file is cleaned;
 * sniffed and decoded as ingest_file does. 0 (and *out NULL) when the file
 * is not read. *out is malloc'd and owned by the caller. */
size_t ingest_file_lines(const char *path, const char *bytes, size_t n, uint64_t **out);

/* The raw text as edits against the cleaned body (ingest/rawpack.c): the
 * lines cleaning removed or changed, and runs of body lines to copy. out
 * (reset first) gets bytes, not a string. Checked before it returns: the
 * edits applied to this body give raw back byte for byte (when they would
 * not, out holds raw whole). Any byte strings, "" included. */
void ingest_raw_pack(const char *raw, size_t raw_len, const char *body, size_t body_len,
                     struct buf *out);
/* Apply packed edits to body: out (reset first, NUL-terminated) gets the raw
 * text. Returns 0, or -1 when packed is not such edits or does not fit this
 * body (damaged), out then holding an unspecified prefix. */
int ingest_raw_unpack(const void *packed, size_t n, const char *body, size_t body_len,
                      struct buf *out);
/* Whether a pack is deflated already (a long one: a saved page's markup),
 * so that deflating it again would gain nothing. */
bool ingest_raw_pack_deflated(const void *packed, size_t n);

#endif
