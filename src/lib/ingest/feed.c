/*
 * ingest/feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one file, many
 * articles. libxml2 reads the feed as a stream (xmlTextReader) and each
 * <item>/<entry> is expanded into a small tree on its own, so memory stays
 * bounded by one item and a feed that breaks half-way still gives the items
 * before the break (f->error says where reading stopped: we read as far as
 * the XML is well-formed rather than skip the file, because a truncated
 * download or one bad item should not cost the reader the other items).
 *
 * The parser never touches the network (XML_PARSE_NONET), loads no DTD,
 * substitutes no entities (only the five built-ins are decoded) and keeps
 * libxml2's default limits on nesting depth and text size (no
 * XML_PARSE_HUGE); errors go to a handler, never to stderr.
 *
 * Item HTML goes through the page reader (ing_read_html: the same text,
 * structure and caption marking as a saved page); feed_item_html_to_text()
 * is the fallback when the reader finds nothing, and reads titles and
 * authors that hold markup.
 */
#include "config.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- HTML to text --------------------------------------------------------------- */

static const char *const skip_tags[] = {
    "script", "style", "noscript", "iframe", "object", "embed", "img", "figure",
    "picture", "video", "audio", "svg", "template", "head", "button", "form",
};
static const char *const block_tags[] = {
    "p",   "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
    "pre", "h1",  "h2",      "h3",      "h4",     "h5",     "h6",   "ul",    "ol",
    "dl",  "dt",  "dd",      "table",   "tr",     "hr",     "figcaption",
};

/* Is name (any case) one of list[0..n)? */
static bool
name_in(const xmlChar *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (xmlStrcasecmp(name, (const xmlChar *)list[i]) == 0)
            return true;
    return false;
}

/* Text of an HTML node, spaces collapsed; a block starts a new paragraph. */
struct html_text {
    struct buf *b;
    bool space; /* a space is pending */
};

/* End the current line; with paragraph, leave a blank line (never at the start). */
static void
html_break(struct html_text *t, bool paragraph)
{
    t->space = false;
    if (!t->b->len)
        return;
    if (t->b->data[t->b->len - 1] != '\n')
        buf_putc(t->b, '\n');
    if (paragraph && !(t->b->len >= 2 && t->b->data[t->b->len - 2] == '\n'))
        buf_putc(t->b, '\n');
}

/* Append text, runs of white space as one space (none at a line start). */
static void
html_chars(struct html_text *t, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            t->space = t->b->len && t->b->data[t->b->len - 1] != '\n';
            continue;
        }
        if (t->space)
            buf_putc(t->b, ' ');
        t->space = false;
        buf_putc(t->b, c);
    }
}

/* Depth-first over the tree without recursion (parser depth is capped, but
 * the walk need not rely on it). */
static void
html_walk(xmlNode *root, struct html_text *t)
{
    xmlNode *n = root;
    while (n) {
        bool descend = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                html_chars(t, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && n->name &&
                   !name_in(n->name, skip_tags, DS_ARRAY_LEN(skip_tags))) {
            if (xmlStrcasecmp(n->name, (const xmlChar *)"br") == 0) {
                html_break(t, false);
            } else if (xmlStrcasecmp(n->name, (const xmlChar *)"li") == 0) {
                html_break(t, false);
                buf_puts(t->b, "- ");
            } else if (name_in(n->name, block_tags, DS_ARRAY_LEN(block_tags))) {
                html_break(t, true);
            }
            descend = n->children != NULL;
        } else if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
            descend = n->children != NULL;
        }
        if (descend) {
            n = n->children;
            continue;
        }
        /* up until there is a next sibling, ending blocks on the way */
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n->type == XML_ELEMENT_NODE &&
                name_in(n->name, block_tags, DS_ARRAY_LEN(block_tags)))
                html_break(t, true);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
}

/* See ingest.h. */
void
feed_item_html_to_text(const char *html, size_t n, struct buf *out)
{
    struct buf b = BUF_INIT;
    if (n > FEED_MAX_CONTENT)
        n = FEED_MAX_CONTENT;
    htmlDocPtr doc = n ? htmlReadMemory(html, (int)n, NULL, "UTF-8",
                                        HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)
                       : NULL;
    if (doc) {
        struct html_text t = {&b, false};
        html_walk((xmlNode *)doc, &t);
        xmlFreeDoc(doc);
    }
    while (b.len && b.data[b.len - 1] == '\n')
        b.len--;
    if (b.len)
        buf_putc(&b, '\n');
    const char *enc;
    ingest_decode(buf_str(&b), b.len, out, &enc);
    buf_free(&b);
}

/* ---- reading the feed ------------------------------------------------------------- */

/* Free an item's strings and zero it. */
static void
item_free(struct feed_item *it)
{
    free(it->key);
    free(it->link);
    free(it->title);
    free(it->date);
    free(it->author);
    free(it->source);
    free(it->tags);
    free(it->content);
    free(it->summary);
    memset(it, 0, sizeof *it);
}

/* See ingest.h. */
void
feed_clear(struct feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        item_free(&f->items[i]);
    free(f->items);
    free(f->title);
    free(f->encoding);
    free(f->error);
    memset(f, 0, sizeof *f);
}

/* Is n an element with this local name? */
static bool
is_named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

/* The namespace URI of n contains frag ("purl.org/rss/1.0/modules/content")? */
static bool
ns_has(const xmlNode *n, const char *frag)
{
    return n->ns && n->ns->href && strstr((const char *)n->ns->href, frag);
}

/* The text and CDATA under n in document order, without recursion.
 * Entity references are skipped, never expanded: xmlNodeGetContent()
 * would expand them, nested entities exponentially (billion laughs). */
static void
collect_text(xmlNode *n, struct buf *b)
{
    xmlNode *root = n;
    while (n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            buf_puts(b, (const char *)n->content);
        if (n->type == XML_ELEMENT_NODE || n == root) {
            if (n->children && n->type != XML_ENTITY_REF_NODE) {
                n = n->children;
                continue;
            }
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

/* All text under n, trimmed; newly allocated, NULL when empty. */
static char *
node_text(xmlNode *n)
{
    if (!n)
        return NULL;
    struct buf b = BUF_INIT;
    collect_text(n, &b);
    const char *s = buf_str(&b);
    size_t len = b.len;
    while (len && isspace((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    char *r = len ? ing_dupn(s, len) : NULL;
    buf_free(&b);
    return r;
}

/* An attribute's value (any namespace), its entity references skipped as
 * in node_text; NULL when absent or empty. */
static char *
attr(xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && xmlStrcmp(a->name, (const xmlChar *)name) == 0) {
            struct buf b = BUF_INIT;
            for (xmlNode *c = a->children; c; c = c->next)
                if (c->type == XML_TEXT_NODE && c->content)
                    buf_puts(&b, (const char *)c->content);
            char *r = b.len ? buf_steal(&b) : NULL;
            buf_free(&b);
            return r;
        }
    return NULL;
}

/* Set *slot to s when empty (first one wins), else free s. */
static void
keep_first(char **slot, char *s)
{
    if (!*slot)
        *slot = s;
    else
        free(s);
}

/* Atom content of type="xhtml": the markup inside, serialised for the
 * HTML-to-text step. */
static char *
xhtml_content(xmlNode *n)
{
    xmlBufferPtr xb = xmlBufferCreate();
    for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(xb, n->doc, c, 0, 0);
    char *r = xstrdup((const char *)xmlBufferContent(xb));
    xmlBufferFree(xb);
    return r;
}

/* An item's children: content, with a rank (lower is better: full content
 * before a summary). */
struct item_read {
    struct feed_item *it;
    int content_rank;
    char *guid, *about, *atom_id;
};

/* Take c as the item's content when it ranks better than what it has. */
static void
read_content(struct item_read *r, xmlNode *c, int rank)
{
    if (rank >= r->content_rank)
        return;
    char *type = attr(c, "type");
    char *text = type && strcmp(type, "xhtml") == 0 ? xhtml_content(c) : node_text(c);
    bool html = !(type && strcmp(type, "text") == 0);
    free(type);
    if (!text)
        return;
    free(r->it->content);
    r->it->content = text;
    r->it->content_is_html = html;
    r->content_rank = rank;
}

/* An author: Atom <author><name>, dc:creator, RSS "mail (Name)". */
static void
read_author(struct feed_item *it, xmlNode *c)
{
    for (xmlNode *a = c->children; a; a = a->next)
        if (is_named(a, "name")) {
            keep_first(&it->author, node_text(a));
            return;
        }
    /* RSS 2.0 <author> is "mail@example.org (Name)": the name */
    char *t = node_text(c);
    char *open = t && strchr(t, '@') ? strchr(t, '(') : NULL;
    char *close = open ? strrchr(open, ')') : NULL;
    if (close && close > open + 1) {
        char *name = ing_dupn(open + 1, (size_t)(close - open - 1));
        free(t);
        t = name;
    }
    keep_first(&it->author, t);
}

/* A link: RSS text, or Atom href when rel is absent or "alternate". */
static void
read_link(struct feed_item *it, xmlNode *c)
{
    char *href = attr(c, "href");
    if (!href) {
        keep_first(&it->link, node_text(c)); /* RSS: <link>url</link> */
        return;
    }
    char *rel = attr(c, "rel");
    bool alternate = !rel || strcmp(rel, "alternate") == 0;
    free(rel);
    if (alternate)
        keep_first(&it->link, href);
    else
        free(href);
}

/* A category (RSS text, Atom term, dc:subject) as a tag. */
static void
read_category(struct feed_item *it, xmlNode *c)
{
    char *term = attr(c, "term");
    if (!term)
        term = node_text(c);
    if (!term)
        return;
    struct ing_meta m = {.tags = it->tags};
    ing_meta_add_tag(&m, term, strlen(term));
    it->tags = m.tags;
    free(term);
}

/* One child element of an item or entry. */
static void
read_child(struct item_read *r, xmlNode *c)
{
    struct feed_item *it = r->it;
    if (is_named(c, "title"))
        keep_first(&it->title, node_text(c));
    else if (is_named(c, "link"))
        read_link(it, c);
    else if (is_named(c, "guid"))
        keep_first(&r->guid, node_text(c));
    else if (is_named(c, "id"))
        keep_first(&r->atom_id, node_text(c));
    else if (is_named(c, "encoded") && ns_has(c, "modules/content"))
        read_content(r, c, 0);
    else if (is_named(c, "content"))
        read_content(r, c, 1);
    else if (is_named(c, "description") || is_named(c, "summary")) {
        read_content(r, c, 2);
        keep_first(&it->summary, node_text(c));
    }
    else if (is_named(c, "pubDate") || is_named(c, "published") ||
             (is_named(c, "date") && ns_has(c, "dc/elements")))
        keep_first(&it->date, node_text(c));
    else if (is_named(c, "updated") || is_named(c, "modified"))
        keep_first(&it->date, node_text(c)); /* only when nothing says published */
    else if (is_named(c, "author") || (is_named(c, "creator") && ns_has(c, "dc/elements")))
        read_author(it, c);
    else if (is_named(c, "category") || (is_named(c, "subject") && ns_has(c, "dc/elements")))
        read_category(it, c);
    else if (is_named(c, "publisher") && ns_has(c, "dc/elements"))
        keep_first(&it->source, node_text(c)); /* RSS 1.0's dc:publisher */
    else if (is_named(c, "source")) {
        xmlNode *t = c->children;
        while (t && !is_named(t, "title")) /* Atom: <source><title> */
            t = t->next;
        keep_first(&it->source, node_text(t ? t : c));
    }
}

/* Mix one field (NULL included, as its own value) into *h. */
static void
hash_field(uint64_t *h, const char *s)
{
    uint64_t x = s ? ds_hash64(s, strlen(s)) : 0x9E3779B97F4A7C15ull;
    *h = (*h ^ x) * 0x100000001B3ull + (x >> 29);
}

/* Fill it from an <item>/<entry> subtree. False when it has no text at all. */
static bool
read_item(xmlNode *node, struct feed_item *it)
{
    memset(it, 0, sizeof *it);
    struct item_read r = {it, 99, NULL, NULL, NULL};
    r.about = attr(node, "about"); /* RSS 1.0: rdf:about */
    for (xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            read_child(&r, c);
    /* pubDate and published come before updated whatever their order */
    for (xmlNode *c = node->children; c; c = c->next)
        if (is_named(c, "pubDate") || is_named(c, "published")) {
            free(it->date);
            it->date = node_text(c);
            break;
        }
    if (r.content_rank == 2) { /* the description is the text itself */
        free(it->summary);
        it->summary = NULL;
    }
    const char *id = r.guid ? r.guid : r.atom_id ? r.atom_id : r.about;
    if (id)
        it->key = xstrdup(id);
    else if (it->link)
        it->key = xstrdup(it->link);
    free(r.guid);
    free(r.atom_id);
    free(r.about);
    uint64_t h = 0xCBF29CE484222325ull;
    hash_field(&h, it->link);
    hash_field(&h, it->title);
    hash_field(&h, it->date);
    hash_field(&h, it->author);
    hash_field(&h, it->source);
    hash_field(&h, it->tags);
    hash_field(&h, it->content);
    if (it->summary) /* (an item without one hashes as before) */
        hash_field(&h, it->summary);
    it->hash = h;
    if (!it->key) {
        char key[40];
        uint64_t k = 0xCBF29CE484222325ull;
        hash_field(&k, it->title);
        hash_field(&k, it->date);
        snprintf(key, sizeof key, "title:%016llx", (unsigned long long)k);
        it->key = xstrdup(key);
    }
    return it->title || it->content;
}

/* The first error libxml2 reports while reading: "line N: message". */
static void
on_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
    char **err = arg;
    if (*err || (sev != XML_PARSER_SEVERITY_ERROR && sev != XML_PARSER_SEVERITY_VALIDITY_ERROR))
        return;
    size_t len = msg ? strlen(msg) : 0;
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    *err = xasprintf("line %d: %.*s", xmlTextReaderLocatorLineNumber(loc), (int)len,
                     msg ? msg : "");
}

/* Where the stream is: the root seen, the channel's title taken. */
struct feed_read {
    xmlTextReaderPtr rd;
    struct feed *f;
    size_t cap;
    bool is_feed; /* the root element is a feed's */
};

/* The element under the reader is an item or entry: expand and read it.
 * Returns false when the stream broke inside it. */
static bool
take_item(struct feed_read *fr)
{
    xmlNode *node = xmlTextReaderExpand(fr->rd);
    if (!node)
        return false;
    struct feed *f = fr->f;
    if (f->n >= FEED_MAX_ITEMS)
        return true;
    if (f->n == fr->cap) {
        fr->cap = fr->cap ? fr->cap * 2 : 16;
        f->items = xrealloc(f->items, fr->cap * sizeof *f->items);
    }
    struct feed_item *it = &f->items[f->n];
    if (read_item(node, it))
        f->n++;
    else
        item_free(it); /* an item with neither title nor text */
    return true;
}

/* See ingest.h. */
int
ingest_feed_read(const char *bytes, size_t n, struct feed *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    if (n > (size_t)INT32_MAX) {
        ds_error_set(err, -1, "not a feed: too large");
        return -1;
    }
    xmlTextReaderPtr rd = xmlReaderForMemory(bytes, (int)n, NULL, NULL,
                                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                 XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!rd) {
        ds_error_set(err, -1, "not a feed: the XML reader could not start");
        return -1;
    }
    char *error = NULL;
    xmlTextReaderSetErrorHandler(rd, on_error, &error);
    struct feed_read fr = {rd, out, 0, false};
    int ret = xmlTextReaderRead(rd);
    while (ret == 1) {
        int type = xmlTextReaderNodeType(rd);
        int depth = xmlTextReaderDepth(rd);
        const char *name = (const char *)xmlTextReaderConstLocalName(rd);
        if (type != XML_READER_TYPE_ELEMENT || !name) {
            ret = xmlTextReaderRead(rd);
            continue;
        }
        bool item = strcmp(name, "item") == 0 || strcmp(name, "entry") == 0;
        if (depth == 0 && !item) {
            if (strcmp(name, "rss") && strcmp(name, "feed") && strcmp(name, "RDF"))
                break;
            fr.is_feed = true;
        } else if (item) { /* (at depth 0: one item saved alone) */
            fr.is_feed |= depth == 0;
            if (!take_item(&fr))
                break;
            ret = xmlTextReaderNext(rd);
            continue;
        } else if (strcmp(name, "title") == 0 && !out->title && depth <= 2) {
            xmlNode *t = xmlTextReaderExpand(rd);
            if (!t)
                break;
            out->title = node_text(t);
            ret = xmlTextReaderNext(rd);
            continue;
        }
        ret = xmlTextReaderRead(rd);
    }
    const xmlChar *enc = xmlTextReaderConstEncoding(rd);
    if (enc) {
        out->encoding = xstrdup((const char *)enc);
        for (char *p = out->encoding; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    xmlFreeTextReader(rd);
    if (!fr.is_feed) {
        ds_error_set(err, -1, "not a feed: %s", error ? error : "no rss, feed or rdf:RDF root");
        free(error);
        feed_clear(out);
        return -1;
    }
    out->error = error;
    return 0;
}

/* ---- an item as an article ------------------------------------------------------- */

/* A copy of s, or NULL. */
static char *
dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* A title or name that may hold markup or entities (Atom type="html",
 * double-escaped RSS titles): its text on one line. */
static char *
plain_line(const char *s)
{
    if (!s || (!strchr(s, '<') && !strchr(s, '&')))
        return dup_or_null(s);
    struct buf b = BUF_INIT;
    feed_item_html_to_text(s, strlen(s), &b);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    return buf_steal(&b);
}

/* See ingest.h. */
int
ingest_feed_article(const struct ingest_ctx *ctx, const char *path, const struct feed *f,
                    size_t i, struct article *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path ? path : "");
    out->encoding = xstrdup(f->encoding ? f->encoding : "utf-8");
    const struct feed_item *it = &f->items[i];
    struct buf raw = BUF_INIT, text = BUF_INIT, removed = BUF_INIT;
    if (it->content && it->content_is_html) {
        struct ing_page pg = {0};
        struct ds_error perr;
        size_t cn = strlen(it->content);
        if (cn <= FEED_MAX_CONTENT && ing_read_html(it->content, cn, &pg, &perr) == 0 &&
            pg.text.len)
            buf_append(&raw, pg.text.data, pg.text.len);
        else
            feed_item_html_to_text(it->content, cn, &raw);
        ing_page_clear(&pg);
    } else if (it->content) {
        const char *enc;
        ingest_decode(it->content, strlen(it->content), &raw, &enc);
    }
    buf_append(&text, buf_str(&raw), raw.len);
    struct ing_meta m = {0};
    m.date_how = DATE_FEED;
    m.title = plain_line(it->title);
    m.date = dup_or_null(it->date);
    m.author = plain_line(it->author);
    m.source = plain_line(it->source ? it->source : f->title);
    m.url = dup_or_null(it->link);
    m.tags = dup_or_null(it->tags);
    m.summary = plain_line(it->summary);
    int rc = ing_finish(ctx, out, &raw, &text, &removed, &m, err);
    buf_free(&raw);
    return rc;
}
