/*
 * ingest/html.h — shared by the HTML reader's files (html.c: parsing and
 * the reader; html_main.c: finding the main text; html_meta.c: metadata;
 * html_text.c: DOM helpers and the text written out). Not part of any API.
 */
#ifndef DOSSIER_INGEST_HTML_H
#define DOSSIER_INGEST_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "dossier/util.h"

/* ---- DOM helpers (html_text.c) ---------------------------------------------- */

/* Is n an element named tag (lower case; libxml2 lower-cases HTML names)? */
bool hx_is(const xmlNode *n, const char *tag);
/* Is n an element whose name is one of tags (NULL-terminated)? */
bool hx_is_any(const xmlNode *n, const char *const *tags);
/* Attribute value (borrowed from the tree, lives as long as the node), or NULL. */
const char *hx_attr(const xmlNode *n, const char *name);
/* First element child, next element sibling, number of element children. */
xmlNode *hx_first_el(const xmlNode *n);
xmlNode *hx_next_el(const xmlNode *n);
size_t hx_count_el(const xmlNode *n);
/* The next node in document order after n (its first child unless
 * skip_children), or NULL at the end of root. */
xmlNode *hx_next(xmlNode *n, const xmlNode *root, bool skip_children);
/* Unlink and free n. */
void hx_remove(xmlNode *n);
/* Rename element n (keeps children and attributes). */
void hx_rename(xmlNode *n, const char *tag);
/* Does n have an ancestor named tag within depth levels (0: any)? */
bool hx_has_ancestor(const xmlNode *n, const char *tag, int depth);

/* The text of n with runs of white space as one space, trimmed, appended to
 * out. */
void hx_text(const xmlNode *n, struct buf *out);
/* Length in characters of that text (what reader modes measure). */
size_t hx_text_len(const xmlNode *n);
/* Characters inside <a> elements (those linking to "#..." count 0.3), over
 * hx_text_len: 0 for no text. */
double hx_link_density(const xmlNode *n);
/* Number of descendant elements named tag. */
size_t hx_count_tag(const xmlNode *n, const char *tag);
/* Number of ',' (and the CJK commas) in n's text. */
size_t hx_commas(const xmlNode *n);
/* Is n only white space (a text node or <br>-free)? */
bool hx_is_blank_text(const xmlNode *n);

/* Write the article DOM under root as plain text: headings, paragraphs,
 * list items, block quotes, table rows and preformatted text each on its
 * own line with blank lines between blocks; figure captions prefixed
 * "Caption: "; scripts, styles, forms and images dropped. */
void hx_write_text(const xmlNode *root, struct buf *out);

/* ---- main text (html_main.c) ----------------------------------------------- */

/* Find the main text of the page in doc the way reader modes do and write
 * it as text to out (hx_write_text). title (may be NULL) is the headline
 * found by html_meta: a heading repeating it is not part of the text.
 * *byline gets the visible byline the page marks up (malloc'd) unless it is
 * already set. Changes the tree. */
void html_main_text(xmlDoc *doc, const char *title, struct buf *out, char **byline);

/* ---- metadata (html_meta.c) ------------------------------------------------- */

struct html_meta {
    char *title, *byline, *site, *published, *url, *lang, *description;
    /* article:author / og:article:author: Open Graph means a profile there,
     * so a name in it counts only when the page shows no byline */
    char *byline_profile;
};
/* Metadata of doc by trust: JSON-LD (an Article's headline, author,
 * publisher name, datePublished), meta tags (Dublin Core, Open Graph,
 * article:*, citation_*, parsely-*, sailthru.*, twitter), <time datetime>,
 * <link rel=canonical>, the "saved from url=" comment, then <title> without
 * the site's name. Fields are malloc'd or NULL. */
void html_meta_read(xmlDoc *doc, struct html_meta *m);
void html_meta_clear(struct html_meta *m);
/* Word-overlap similarity of b to a (0..1), as reader modes compare titles. */
double html_similarity(const char *a, const char *b);

#endif
