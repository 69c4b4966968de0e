/*
 * ingest/newsxml.c — news in the XML formats agencies and archives hand
 * out: NITF (<nitf>, as newspaper archives and the big annotated corpora
 * ship articles) and IPTC NewsML-G2 (<newsItem>, also inside a
 * <newsMessage>). The formats state headline, date, byline and provider in
 * elements of their own, so the article is read from those instead of
 * guessed from lines; its text is the paragraphs of <body.content> (NITF)
 * or of <inlineXML>/<inlineData> (NewsML-G2). An Evernote export's note
 * is a clipped page, read as one. Other XML stays unread.
 *
 * libxml2 reads the file without the network, without loading the DTD the
 * file names and without expanding entities.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

#define NEWSXML_MAX ((size_t)16 << 20)

static void
quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static bool
named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first element named name at or below n (document order), or NULL. */
static xmlNode *
find(xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (named(n, name))
            return n;
        xmlNode *in = n->type == XML_ELEMENT_NODE ? find(n->children, name) : NULL;
        if (in)
            return in;
    }
    return NULL;
}

/* A copy of s with runs of white space collapsed and trimmed; NULL when
 * nothing is left. */
static char *
squeeze(const char *s)
{
    if (!s)
        return NULL;
    struct buf b = BUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, *s);
    }
    if (!b.len) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

static char *
text_of(const xmlNode *n)
{
    if (!n)
        return NULL;
    xmlChar *t = xmlNodeGetContent(n);
    char *s = squeeze((const char *)t);
    xmlFree(t);
    return s;
}

static char *
attr_of(const xmlNode *n, const char *name)
{
    if (!n)
        return NULL;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = squeeze((const char *)v);
    xmlFree(v);
    return s;
}

/* An element's attribute if the element is there and has it. */
static char *
find_attr(xmlNode *root, const char *el, const char *name)
{
    return attr_of(find(root, el), name);
}

/* "19981118T000000" (NITF's norm) or "2024-03-11T21:05:00+13:00" to
 * "YYYY-MM-DD"; s freed; NULL when it is neither. */
static char *
iso_day(char *s)
{
    char *out = NULL;
    if (s && strlen(s) >= 8 && strspn(s, "0123456789") >= 8)
        out = xasprintf("%.4s-%.2s-%.2s", s, s + 4, s + 6);
    else if (s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-')
        out = xasprintf("%.10s", s);
    free(s);
    return out;
}

/* The first of the candidates that is set; the others freed. */
static char *
first_of(char **v, size_t n)
{
    char *got = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!got && v[i])
            got = v[i];
        else
            free(v[i]);
    }
    return got;
}

/* The paragraphs under n (<p>, NITF's <hl2> subheads) as lines separated
 * by blank lines. */
static void
paragraphs(xmlNode *n, struct buf *out)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (named(n, "p") || named(n, "hl2")) {
            char *t = text_of(n);
            if (t) {
                buf_puts(out, t);
                buf_puts(out, "\n\n");
                free(t);
            }
            continue;
        }
        paragraphs(n->children, out);
    }
}

static void
read_nitf(xmlNode *root, struct ing_page *pg)
{
    char *title[] = {text_of(find(root, "hl1")), text_of(find(root, "title"))};
    pg->title = first_of(title, 2);
    char *date[] = {iso_day(find_attr(root, "date.issue", "norm")),
                    iso_day(find_attr(root, "pubdata", "date.publication")),
                    iso_day(find_attr(root, "date.release", "norm"))};
    pg->published = first_of(date, 3);
    xmlNode *by = find(root, "byline");
    xmlNode *person = by ? find(by->children, "person") : NULL;
    pg->byline = text_of(person ? person : by);
    char *src[] = {find_attr(root, "doc.copyright", "holder"), find_attr(root, "pubdata", "name")};
    pg->source = first_of(src, 2);
    xmlNode *body = find(root, "body.content");
    paragraphs(body ? body->children : NULL, &pg->text);
}

/* A NewsML-G2 value given as literal="..." or as a <name> child. */
static char *
literal_or_name(xmlNode *n)
{
    char *v = attr_of(n, "literal");
    return v ? v : (n ? text_of(find(n->children, "name")) : NULL);
}

static void
read_newsml(xmlNode *root, struct ing_page *pg)
{
    pg->title = text_of(find(root, "headline"));
    char *date[] = {iso_day(text_of(find(root, "contentCreated"))),
                    iso_day(text_of(find(root, "firstCreated"))),
                    iso_day(text_of(find(root, "versionCreated")))};
    pg->published = first_of(date, 3);
    pg->byline = literal_or_name(find(root, "creator"));
    char *src[] = {literal_or_name(find(root, "provider")),
                   literal_or_name(find(root, "copyrightHolder"))};
    pg->source = first_of(src, 2);
    xmlNode *inl = find(root, "inlineXML");
    if (inl) {
        xmlNode *body = find(inl->children, "body");
        paragraphs(body ? body->children : inl->children, &pg->text);
    } else {
        char *t = text_of(find(root, "inlineData"));
        if (t)
            buf_puts(&pg->text, t);
        free(t);
    }
}

/* An Evernote export (<en-export>): its first note's content is a web
 * clipping in HTML (ENML), read as a page; the note's <title> is the
 * title only when the page has none, its <source-url> the address. The
 * note's <created> and <updated> are the clipping's, never the article's,
 * and its <author> is the account's. */
static int
read_enex(xmlDoc *doc, xmlNode *root, struct ing_page *pg, struct ds_error *err)
{
    xmlNode *note = find(root->children, "note");
    xmlNode *content = note ? find(note->children, "content") : NULL;
    xmlChar *html = content ? xmlNodeGetContent(content) : NULL;
    char *title = note ? text_of(find(note->children, "title")) : NULL;
    char *url = note ? text_of(find(note->children, "source-url")) : NULL;
    xmlFreeDoc(doc);
    int rc = html ? ing_read_html((const char *)html, strlen((const char *)html), pg, err) : -1;
    if (!html)
        ds_error_set(err, -1, "an Evernote export without a note");
    xmlFree(html);
    if (rc == 0 && !pg->title) {
        pg->title = title;
        title = NULL;
    }
    if (rc == 0 && !pg->url) {
        pg->url = url;
        url = NULL;
    }
    free(title);
    free(url);
    return rc;
}

/* See lib.h. */
int
ing_read_newsxml(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    if (n > NEWSXML_MAX || n > (size_t)0x7fffffff) {
        ds_error_set(err, -1, "XML too large");
        return -1;
    }
    xmlSetGenericErrorFunc(NULL, quiet);
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER;
    xmlDocPtr doc = xmlReadMemory(text, (int)n, NULL, "UTF-8", opts);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (named(root, "en-export"))
        return read_enex(doc, root, pg, err);
    struct ing_page got = {0};
    bool nitf = named(root, "nitf");
    bool newsml = named(root, "newsItem") || named(root, "newsMessage");
    if (nitf)
        read_nitf(root, &got);
    else if (newsml)
        read_newsml(root, &got);
    if (doc)
        xmlFreeDoc(doc);
    if (!nitf && !newsml) {
        ds_error_set(err, -1, "XML that is neither a page nor a feed");
        return -1;
    }
    /* the text as any other reader's: clean UTF-8, no control characters */
    const char *enc;
    ingest_decode(buf_str(&got.text), got.text.len, &pg->text, &enc);
    buf_free(&got.text);
    pg->title = got.title;
    pg->published = got.published;
    pg->byline = got.byline;
    pg->source = got.source;
    pg->structured = true;
    return 0;
}
