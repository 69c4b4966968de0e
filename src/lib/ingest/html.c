/*
 * ingest/html.c — the HTML reader: a saved web page to article text and
 * metadata. libxml2's HTML parser reads the page (recovering from broken
 * markup, never touching the network, no external entities); html_meta.c
 * finds what the page says about itself and html_main.c its main text.
 *
 * Why libxml2: Debian ships it everywhere, its HTML parser recovers from
 * the tag soup real pages are, and it has XPath and the NONET option; on
 * Readability's test pages the text found in its trees scores body F1 0.99
 * against Firefox's reader view (bench/results/2026-12-06-html.md).
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* libxml2 reports errors through a global handler: silence it once. */
static void
quiet_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* The deepest nesting of elements under n (stops counting past limit). */
static int
depth_over(const xmlNode *n, int depth, int limit)
{
    if (depth > limit)
        return depth;
    int best = depth;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            int d = depth_over(c, depth + 1, limit);
            if (d > best)
                best = d;
            if (best > limit)
                break;
        }
    return best;
}

/* Cut elements nested deeper than INGEST_HTML_DEPTH (their text is lost,
 * with the reason said in the page's removed lines by the caller). Returns
 * true when something was cut. */
static bool
cut_deep(xmlNode *n, int depth)
{
    bool cut = false;
    for (xmlNode *c = n->children, *next; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (depth >= INGEST_HTML_DEPTH) {
            hx_remove(c);
            cut = true;
        } else {
            cut = cut_deep(c, depth + 1) || cut;
        }
    }
    return cut;
}

/* Entities in the markup can spell control characters and escapes
 * ("&#27;[31m"): what the parser hands back is normalised again like any
 * decoded text, so no field can drive a terminal. */
static char *
clean_text(char *s)
{
    if (!s)
        return NULL;
    struct buf b = BUF_INIT;
    const char *enc;
    ingest_decode(s, strlen(s), &b, &enc);
    free(s);
    /* metadata is one line */
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    if (!b.len) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

/* A DOCTYPE with an internal subset ("<!DOCTYPE html [<!ENTITY ...>]>"),
 * which HTML has no use for and libxml2's HTML parser would hand back as
 * text: the page with the subset left out, in *out (then true), so its
 * declarations never reach the article. Entities it declares stay
 * unexpanded, as written. */
static bool
drop_internal_subset(const char *text, size_t n, struct buf *out)
{
    size_t lim = n < 4096 ? n : 4096;
    const char *d = ing_ifind(text, lim, "<!doctype");
    if (!d)
        return false;
    size_t i = (size_t)(d - text) + 9;
    while (i < n && text[i] != '[' && text[i] != '>')
        i++;
    if (i >= n || text[i] != '[')
        return false;
    size_t open = i;
    const char *end = NULL;
    for (size_t j = open + 1; j + 1 < n; j++)
        if (text[j] == ']') {
            size_t k = j + 1;
            while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'))
                k++;
            if (k < n && text[k] == '>') {
                end = text + k;
                break;
            }
        }
    if (!end)
        return false;
    buf_append(out, text, open);
    buf_append(out, end, n - (size_t)(end - text));
    return true;
}

/* Move *p out (the caller owns it) and clear it. */
static char *
take(char **p)
{
    char *v = *p;
    *p = NULL;
    return v;
}

/* See lib.h. */
int
ing_read_html(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    if (n > INGEST_HTML_MAX) {
        ds_error_set(err, -1, "page too large (over %zu MiB of HTML)", INGEST_HTML_MAX >> 20);
        return -1;
    }
    xmlSetGenericErrorFunc(NULL, quiet_errors);
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;
    struct buf nosubset = BUF_INIT;
    if (drop_internal_subset(text, n, &nosubset)) {
        text = buf_str(&nosubset);
        n = nosubset.len;
    }
    htmlDocPtr doc = htmlReadMemory(text, (int)n, NULL, "UTF-8", opts);
    buf_free(&nosubset);
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc)
            xmlFreeDoc(doc);
        ds_error_set(err, -1, "not an article: the page has no HTML elements");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    /* libxml2 2.9 itself drops what is nested deeper than 256 levels below
     * the root (xmlParserMaxDepth): a tree that reaches the cap lost text,
     * and the page says so among its removed lines */
    if (depth_over(root, 0, INGEST_HTML_DEPTH) >= INGEST_HTML_DEPTH) {
        cut_deep(root, 0);
        buf_printf(&pg->removed, "too-deep\t(elements nested deeper than %d levels: their "
                                 "text is not read)\n", INGEST_HTML_DEPTH);
    }

    struct html_meta m;
    html_meta_read(doc, &m);
    char *byline = take(&m.byline);
    struct buf main = BUF_INIT;
    html_main_text(doc, m.title, &main, &byline);
    if (!byline)
        byline = take(&m.byline_profile);
    if (!byline)
        byline = take(&m.byline_org);
    xmlFreeDoc(doc);
    const char *enc;
    ingest_decode(buf_str(&main), main.len, &pg->text, &enc);
    buf_free(&main);

    pg->title = clean_text(ing_unescape_line(take(&m.title)));
    pg->byline = clean_text(ing_unescape_line(html_clean_byline(byline)));
    pg->source = clean_text(ing_unescape_line(take(&m.site)));
    pg->url = clean_text(take(&m.url));
    pg->summary = ing_cap_summary(clean_text(ing_unescape_line(take(&m.description))));
    pg->lang = clean_text(take(&m.lang));
    pg->published = clean_text(take(&m.published));
    pg->structured = true;
    pg->numeric_order = m.numeric_order;
    html_meta_clear(&m);
    return 0;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
xml_init_now(void)
{
    xmlInitParser();
}

void
ing_xml_init(void)
{
    pthread_once(&xml_once, xml_init_now);
}
