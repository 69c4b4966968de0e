/*
 * article.h — one article as dossier understands it: the text that was read,
 * the cleaned body that is indexed (every offset in the program points into
 * it), what cleaning removed, and the metadata found in the text.
 *
 * Produced by ingest (ingest.h), stored by store (store.h), read back by the
 * front ends. All strings are UTF-8 and owned by the struct; NULL means
 * "not found", never "".
 */
#ifndef DOSSIER_ARTICLE_H
#define DOSSIER_ARTICLE_H

#include <stdint.h>

/* How the publication date was found, weakest last. The values are never
 * stored (the store keeps date_source_name()), so they may be renumbered. */
enum date_source {
    DATE_NONE = 0,
    DATE_METADATA,       /* a web page's metadata (JSON-LD, meta tags, <time>) */
    DATE_FEED,           /* a feed item's pubDate / dc:date / published / updated */
    DATE_FRONT_MATTER,   /* the `date:` of Markdown front matter (YAML or TOML) */
    DATE_HEADER,         /* a "Date:" / "Published:" field of a header block */
    DATE_PUBLISHED_LINE, /* an explicit "Published: ..." / "Updated: ..." line */
    DATE_ISO_LINE,       /* a line holding only a date near the top */
    DATE_DATELINE,       /* "BEIJING, May 17 (Agency) -" with a year found nearby */
    DATE_BYLINE,         /* a date on the byline line */
    DATE_PATH,           /* yyyy-mm-dd (or yyyy/mm/dd) in the file path */
};

const char *date_source_name(enum date_source s);

struct article {
    char *path;        /* as given to the indexer (absolute) */
    char *raw;         /* decoded, normalised text before cleaning */
    char *body;        /* cleaned text; paragraphs separated by "\n\n" */
    char *removed;     /* lines cleaning dropped, one per line: "reason\tline" */
    char *encoding;    /* "utf-8", "windows-1252", "utf-8 (repaired)", ... */
    char *title;       /* explicit headline, or NULL */
    char *subtitle;    /* standfirst, or NULL */
    char *section;     /* section label ("ECONOMY", "Trade war"), or NULL */
    char *source;      /* outlet, canonical name, or NULL */
    char *published;   /* "YYYY-MM-DD" (or "YYYY-MM"), or NULL */
    enum date_source date_how;
    char *byline;      /* "Jane Doe", or NULL */
    char *lang;        /* ISO 639-1 guess ("en", "zh", "fr"), or NULL */
    char *url;         /* where the article lives on the web, as the file states it
                        * (a page's canonical link, og:url or "saved from" comment,
                        * front matter, header block, feed item link), or NULL */
    char *tags;        /* tags the file states (front matter, feed categories): one
                        * per line, each ending in '\n'; NULL when none */
    int words;         /* words in body (a CJK character counts as one) */
};

/* Free every member and zero the struct (the struct itself is not freed). */
void article_clear(struct article *a);

#endif
