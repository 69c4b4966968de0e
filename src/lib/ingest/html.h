/*
 * ingest/html.h — shared by the HTML reader's files (html.c: parsing and
 * the reader; html_main.c: finding the main text; html_byline.c: the
 * visible byline and cleaning bylines to names; html_meta.c: metadata from
 * meta tags, <time>, links and <title>; html_jsonld.c: JSON-LD;
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
/* Does s (a class and id, any case) hold one of words (NULL-terminated) as
 * a substring? False for NULL or empty s. */
bool hx_has_word(const char *s, const char *const *words);
/* False when the page hides n (display:none, visibility:hidden, hidden,
 * aria-hidden other than on a fallback image). */
bool hx_visible(const xmlNode *n);

/* The text of n with runs of white space as one space, trimmed, appended to
 * out. */
void hx_text(const xmlNode *n, struct buf *out);
/* n's text as hx_text writes it, its white space collapsed (html_collapse);
 * the caller frees it. */
char *hx_text_collapsed(const xmlNode *n);
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

/* ---- bylines (html_byline.c) ---------------------------------------------------- */

/* When n is a byline block the page marks up (rel=author, itemprop=author,
 * or match — its class and id — naming a byline, but not "authorization")
 * with under 100 characters of text: its name part (malloc'd): the
 * itemprop=name descendant when there is one, else its text without
 * <time>, scripts, the writer's job title, photo or biography. Else NULL. */
char *html_block_byline(xmlNode *n, const char *match);
/* The first byline block inside node when node is the article's header (it
 * holds the h1, or sits inside <article>), malloc'd; else NULL. Read before
 * the header goes as furniture. */
char *html_header_byline(xmlNode *node);
/* A byline as the page shows it to a name list: "By Jane Doe - Apr 16,
 * 2015 8:02 pm", "Jane Doe 2 hours ago" and "Tech by Jane Doe @jdoe" are
 * "Jane Doe"; a label alone ("Last Updated") is no byline. Cut at a date,
 * a time, a handle or a separator; a leading "By" (and what precedes an
 * inner " by ") goes. Returns the names (malloc'd) or NULL when nothing
 * name-like is left. Frees b (NULL is fine). */
char *html_clean_byline(char *b);

/* ---- metadata (html_meta.c) ------------------------------------------------- */

struct html_meta {
    char *title, *byline, *site, *published, *url, *lang, *description;
    /* article:author / og:article:author: Open Graph means a profile there,
     * so a name in it counts only when the page shows no byline */
    char *byline_profile;
    /* an organisation named as author (JSON-LD), or an author that is the
     * site's own name: counts only when the page shows no byline and has no
     * profile name */
    char *byline_org;
    /* when a saved copy was saved (html_saved.c), 0 when it does not say:
     * never the article's date, only what a relative date counts back from */
    int saved_y, saved_m, saved_d, saved_hour;
    /* how the page orders a numeric "04/03/2024" (ING_ORDER_*, lib.h): by
     * its language's region or its address's country; unknown when it
     * names neither */
    int numeric_order;
};
/* Set *dst to a copy of v unless it is set already or v is empty. */
void html_set_once(char **dst, const char *v);
/* Metadata of doc by trust: JSON-LD (an Article's headline, author,
 * publisher name, datePublished), meta tags (Dublin Core, Open Graph,
 * article:*, citation_*, parsely-*, sailthru.*, twitter), <time datetime>,
 * <link rel=canonical>, the "saved from url=" comment, then <title> without
 * the site's name. Fields are malloc'd or NULL. */
void html_meta_read(xmlDoc *doc, struct html_meta *m);
void html_meta_clear(struct html_meta *m);
/* The original outlet an aggregator's page (site: its og:site_name or
 * the like, "Yahoo News", "MSN") names in a provider block or a copyright
 * line, or NULL (html_provider.c). */
char *html_provider_site(xmlNode *root, const char *site);
/* A stated publication time in UTC before noon ("2024-03-05T03:40:00Z")
 * on a page that prints the day before as its date (an evening in the
 * Americas, "March 4, 2024 10:40 PM EST"): the printed, local day wins
 * (html_dates.c). */
void html_local_day(xmlNode *root, struct html_meta *m);
/* The name an author page's address spells ("https://x.example/author/
 * delia-brandt/" gives "Delia Brandt"): two or three words of letters
 * under /author/, /authors/, /staff/, /writers/, /people/ or /profile/;
 * malloc'd, or NULL. */
char *html_author_address_name(const char *href);
/* White space runs of s collapsed to one space, trimmed (malloc'd). */
char *html_collapse(const char *s);
/* Does n hold some text, and at most cap bytes of it? */
bool html_text_within(xmlNode *n, size_t cap);
/* Dates no tag states (html_dates.c): an epoch in a data attribute after
 * the headline, else a date element after it, a "Submitted by X on" or
 * "Last modified" line, a relative date against the saving time; into
 * m->published (and the name of a "Submitted by"/"Name | date" line into
 * m->byline_profile) when m has no date. */
void html_date_elements(xmlNode *root, struct html_meta *m);
/* What a saved copy says about its saving (html_saved.c): the address
 * ("saved from url=", a saving extension's "url:" comment, <base href>)
 * into m->url when it has none, and the saving time. */
void html_saved_read(xmlDoc *doc, struct html_meta *m);
/* "2 hours ago", "3 days ago", "Yesterday" counted back from the saving
 * time of m as "YYYY-MM-DD", or NULL (not relative, or no saving time). */
char *html_relative_day(const char *t, const struct html_meta *m);
/* What a page with little metadata still says (html_plain.c). Does a
 * generator tag name a word processor (its author and dates are then the
 * document's, not the article's)? */
bool html_office_page(xmlNode *root);
/* Is t a file's name ("Microsoft Word - draft.docx", "notes.pdf"), as a
 * word processor writes it into <title>? */
bool html_file_name_title(const char *t);
/* A paragraph styled as the title before the text begins (a class naming
 * a title, all of it bold, or an <h1>), malloc'd, or NULL. */
char *html_styled_title(xmlNode *root);
/* The name in the page's last copyright line ("(c) 2024 X. All rights
 * reserved."), when shaped as a name, the line says a year or reserves
 * rights and is no picture's credit; malloc'd or NULL. */
char *html_copyright_site(xmlNode *root);
/* The address a link outside the text names as its own (its text the
 * address or its host: a reader view's or an archive's link to the page
 * it shows), malloc'd or NULL. */
char *html_source_link(xmlNode *root);
/* Word-overlap similarity of b to a (0..1), as reader modes compare titles. */
double html_similarity(const char *a, const char *b);

/* ---- JSON-LD (html_jsonld.c) ------------------------------------------------------ */

/* The fields m does not have yet from the first schema.org Article of each
 * <script type="application/ld+json"> under root: headline or name (the
 * one closer to doc_title, the page's <title>, may be NULL), author names,
 * publisher name, datePublished, description, an http(s) url. Scripts that
 * are not JSON, or too deep, are skipped. */
void html_jsonld_read(xmlNode *root, const char *doc_title, struct html_meta *m);

#endif
