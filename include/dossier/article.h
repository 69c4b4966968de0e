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

/* Why an article has no publication date (UNDATED_NOT_SO when it has one). */
enum undated_reason {
    UNDATED_NOT_SO = 0,
    UNDATED_NOTHING,      /* no date anywhere in the file, its metadata or its path */
    UNDATED_NO_YEAR,      /* a dateline with a month and day but no year ("SALVADOR, Feb 26 -") */
    UNDATED_BODY_ONLY,    /* dates only in the body text, none with a publication cue */
};

/* A static, stable name for r (stored in the database): "no-date",
 * "dateline-without-year", "body-date-only"; NULL for UNDATED_NOT_SO. */
const char *undated_reason_name(enum undated_reason r);
/* The reason as people read it: "no date found", ... ("" for NOT_SO). */
const char *undated_reason_text(enum undated_reason r);
/* The reason a stored name stands for (UNDATED_NOT_SO when unknown). */
enum undated_reason undated_reason_parse(const char *name);
/* A day_month ("02-26") as people read it, "Feb 26 (no year)", into out;
 * "" when dm is NULL or not of that form. */
void day_month_text(const char *dm, char out[24]);

struct article {
    char *path;        /* as given to the indexer (absolute) */
    char *raw;         /* decoded, normalised text before cleaning */
    char *body;        /* cleaned text; paragraphs separated by "\n\n" */
    char *removed;     /* lines cleaning dropped, one per line: "reason\tline" */
    char *encoding;    /* "utf-8", "windows-1252", "utf-8 (repaired)", ... */
    char *title;       /* explicit headline, or NULL */
    char *subtitle;    /* standfirst, or NULL */
    char *summary;     /* the file's own description of the article, one line: a
                        * page's JSON-LD description or description meta tags, a
                        * feed item's summary beside its full text, front matter's
                        * description/summary/excerpt; NULL when none is stated */
    char *section;     /* section label ("ECONOMY", "Trade war"), or NULL */
    char *source;      /* outlet, canonical name, or NULL */
    char *published;   /* "YYYY-MM-DD" (or "YYYY-MM"), or NULL */
    enum date_source date_how;
    enum undated_reason undated; /* why published is NULL */
    char *day_month;   /* "02-26": the month and day a dateline gives without a year
                        * (shown, never used as a date), or NULL */
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
