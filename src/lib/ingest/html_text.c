/*
 * ingest/html_text.c — small helpers over libxml2's tree for the HTML
 * reader (names, attributes, walking, measuring text and links) and the
 * writer that turns the article's DOM into dossier's plain text.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* ---- nodes ---------------------------------------------------------------------- */

/* See html.h. */
bool
hx_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, tag) == 0;
}

/* See html.h. */
bool
hx_is_any(const xmlNode *n, const char *const *tags)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (; *tags; tags++)
        if (strcmp((const char *)n->name, *tags) == 0)
            return true;
    return false;
}

/* See html.h. */
const char *
hx_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0) {
            /* the HTML parser gives an attribute one text child */
            const xmlNode *t = a->children;
            return t && t->content ? (const char *)t->content : "";
        }
    return NULL;
}

/* See html.h. */
xmlNode *
hx_first_el(const xmlNode *n)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

/* See html.h. */
xmlNode *
hx_next_el(const xmlNode *n)
{
    for (xmlNode *c = n ? n->next : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

/* See html.h. */
size_t
hx_count_el(const xmlNode *n)
{
    size_t k = 0;
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        k += c->type == XML_ELEMENT_NODE;
    return k;
}

/* See html.h. */
xmlNode *
hx_next(xmlNode *n, const xmlNode *root, bool skip_children)
{
    if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* See html.h. */
void
hx_remove(xmlNode *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

/* See html.h. */
void
hx_rename(xmlNode *n, const char *tag)
{
    xmlNodeSetName(n, (const xmlChar *)tag);
}

/* See html.h. */
bool
hx_has_ancestor(const xmlNode *n, const char *tag, int depth)
{
    int d = 0;
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (depth > 0 && d++ >= depth)
            return false;
        if (hx_is(p, tag))
            return true;
    }
    return false;
}

/* See html.h. */
bool
hx_has_word(const char *s, const char *const *words)
{
    if (!s || !*s)
        return false;
    size_t n = strlen(s);
    for (; *words; words++)
        if (ing_ifind(s, n, *words))
            return true;
    return false;
}

/* See html.h. */
bool
hx_visible(const xmlNode *n)
{
    const char *style = hx_attr(n, "style");
    if (style) {
        char *st = xstrdup(style), *w = st;
        for (char *p = st; *p; p++)
            if (!isspace((unsigned char)*p))
                *w++ = (char)tolower((unsigned char)*p);
        *w = '\0';
        bool hidden = strstr(st, "display:none") || strstr(st, "visibility:hidden");
        free(st);
        if (hidden)
            return false;
    }
    if (hx_attr(n, "hidden"))
        return false;
    const char *aria = hx_attr(n, "aria-hidden");
    const char *cls = hx_attr(n, "class");
    if (aria && strcmp(aria, "true") == 0 && !(cls && strstr(cls, "fallback-image")))
        return false;
    return true;
}

/* ---- measuring text --------------------------------------------------------------- */

/* HTML white space. */
static bool
is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

struct measure {
    size_t chars;
    bool pending_space; /* a space is owed before the next character */
    bool started;
};

/* Count the characters of s into m as hx_text would write them. */
static void
measure_str(struct measure *m, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (is_space(*p)) {
            m->pending_space = m->started;
            continue;
        }
        if ((*p & 0xC0) == 0x80)
            continue; /* a continuation byte: same character */
        if (m->pending_space) {
            m->chars++;
            m->pending_space = false;
        }
        m->chars++;
        m->started = true;
    }
}

/* Count the text under n into m. */
static void
measure_node(const xmlNode *n, struct measure *m)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                measure_str(m, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            measure_node(c, m);
        }
    }
}

/* See html.h. */
size_t
hx_text_len(const xmlNode *n)
{
    struct measure m = {0, false, false};
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            measure_str(&m, (const char *)n->content);
    } else {
        measure_node(n, &m);
    }
    return m.chars;
}

/* Add the characters inside links under n to *sum (in-page "#x" links at 0.3).
 * Add the characters inside links under n to *sum (in-page "#x" links at 0.3). */
static void
link_chars(const xmlNode *n, double *sum)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (hx_is(c, "a")) {
            const char *href = hx_attr(c, "href");
            double k = href && href[0] == '#' && href[1] ? 0.3 : 1.0;
            *sum += (double)hx_text_len(c) * k;
        } else {
            link_chars(c, sum);
        }
    }
}

/* See html.h. */
double
hx_link_density(const xmlNode *n)
{
    size_t len = hx_text_len(n);
    if (!len)
        return 0;
    double links = 0;
    if (hx_is(n, "a"))
        links = (double)len;
    else
        link_chars(n, &links);
    return links / (double)len;
}

/* See html.h. */
size_t
hx_count_tag(const xmlNode *n, const char *tag)
{
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k += hx_is(c, tag) + hx_count_tag(c, tag);
    return k;
}

/* Commas in s, ASCII and CJK. */
static size_t
commas_str(const char *s)
{
    size_t k = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ',')
            k++;
        else if ((unsigned char)*p == 0xEF && (unsigned char)p[1] == 0xBC &&
                 (unsigned char)p[2] == 0x8C)
            k++; /* U+FF0C fullwidth comma */
        else if ((unsigned char)*p == 0xE3 && (unsigned char)p[1] == 0x80 &&
                 (unsigned char)p[2] == 0x81)
            k++; /* U+3001 ideographic comma */
    }
    return k;
}

/* See html.h. */
size_t
hx_commas(const xmlNode *n)
{
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            k += commas_str((const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE)
            k += hx_commas(c);
    }
    return k;
}

/* See html.h. */
bool
hx_is_blank_text(const xmlNode *n)
{
    if (n->type != XML_TEXT_NODE)
        return false;
    for (const unsigned char *p = n->content; p && *p; p++)
        if (!is_space(*p))
            return false;
    return true;
}

/* The text of a node, white space collapsed (no trimming across calls). */
static void
text_into(const xmlNode *n, struct buf *out, bool *space)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            for (const unsigned char *p = c->content; *p; p++) {
                if (is_space(*p)) {
                    *space = true;
                    continue;
                }
                if (*space && out->len)
                    buf_putc(out, ' ');
                *space = false;
                buf_putc(out, (char)*p);
            }
        } else if (c->type == XML_ELEMENT_NODE && !hx_is(c, "script") && !hx_is(c, "style")) {
            text_into(c, out, space);
        }
    }
}

/* See html.h. */
void
hx_text(const xmlNode *n, struct buf *out)
{
    struct buf t = BUF_INIT;
    bool space = false;
    if (n->type == XML_TEXT_NODE && n->content)
        buf_puts(&t, (const char *)n->content);
    else
        text_into(n, &t, &space);
    buf_append(out, t.data ? t.data : "", t.len);
    buf_free(&t);
}

/* See html.h. */
char *
hx_text_collapsed(const xmlNode *n)
{
    struct buf b = BUF_INIT;
    hx_text(n, &b);
    char *t = html_collapse(buf_str(&b));
    buf_free(&b);
    return t;
}

/* ---- writing the article as text ----------------------------------------------------- */

static const char *const block_tags[] = {
    "p",       "div",    "h1",     "h2",         "h3",         "h4",      "h5",    "h6",
    "ul",      "ol",     "li",     "blockquote", "pre",        "table",   "tr",    "section",
    "article", "header", "footer", "figure",     "figcaption", "dl",      "dt",    "dd",
    "main",    "aside",  "hr",     "address",    "details",    "summary", "thead", "tbody",
    "center",  "nav",    "form",   "fieldset",   "caption",    NULL,
};
static const char *const skip_tags[] = {
    "script", "style",  "noscript", "template", "svg",  "math", "iframe", "object", "embed",
    "button", "select", "textarea", "input",    "head", "title", "video", "audio",  "canvas",
    NULL,
};

struct writer {
    struct buf *out;
    bool space;      /* white space seen since the last character */
    bool line_open;  /* characters written on the current line */
    int blank_owed;  /* 1: a line break owed, 2: a blank line owed */
    int pre;         /* inside <pre> */
};

/* End the current line: kind 1 owes a line break, 2 a blank line. */
static void
w_break(struct writer *w, int kind)
{
    if (w->line_open || w->out->len)
        w->blank_owed = DS_MAX(w->blank_owed, kind);
    w->line_open = false;
    w->space = false;
}

/* Write the break owed, if any (never at the very start). */
static void
w_flush_break(struct writer *w)
{
    if (!w->blank_owed || !w->out->len) {
        w->blank_owed = 0;
        return;
    }
    buf_puts(w->out, w->blank_owed == 2 ? "\n\n" : "\n");
    w->blank_owed = 0;
}

/* Write text, white space collapsed (line breaks kept inside <pre>). */
static void
w_text(struct writer *w, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (w->pre && *p == '\n') {
            w_break(w, 1);
            continue;
        }
        if (is_space(*p)) {
            w->space = true;
            continue;
        }
        w_flush_break(w);
        if (w->space && w->line_open)
            buf_putc(w->out, ' ');
        w->space = false;
        w->line_open = true;
        buf_putc(w->out, (char)*p);
    }
}

/* Write the children of n: blocks on their own lines, list items with "- ",
 * captions with "Caption: ". */
static void
w_node(struct writer *w, const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            w_text(w, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || hx_is_any(c, skip_tags) || depth > INGEST_HTML_DEPTH)
            continue;
        if (hx_is(c, "br")) {
            w_break(w, 1);
            continue;
        }
        bool block = hx_is_any(c, block_tags);
        bool item = hx_is(c, "li") || hx_is(c, "tr") || hx_is(c, "dt") || hx_is(c, "dd");
        if (block)
            w_break(w, item ? 1 : 2);
        if (hx_is(c, "li")) {
            w_flush_break(w);
            buf_puts(w->out, "- ");
            w->line_open = true;
            w->space = false;
        } else if (hx_is(c, "figcaption")) {
            w_flush_break(w);
            buf_puts(w->out, "Caption: ");
            w->line_open = true;
            w->space = false;
        } else if (hx_is(c, "td") || hx_is(c, "th")) {
            w->space = true;
        }
        if (hx_is(c, "pre"))
            w->pre++;
        w_node(w, c, depth + 1);
        if (hx_is(c, "pre"))
            w->pre--;
        if (block)
            w_break(w, item ? 1 : 2);
        /* a list item left with only its marker is dropped */
        if (hx_is(c, "li") && w->out->len >= 2 &&
            memcmp(w->out->data + w->out->len - 2, "- ", 2) == 0) {
            w->out->len -= 2;
            w->out->data[w->out->len] = '\0';
            while (w->out->len && w->out->data[w->out->len - 1] == '\n')
                w->out->data[--w->out->len] = '\0';
        }
    }
}

/* See html.h. */
void
hx_write_text(const xmlNode *root, struct buf *out)
{
    struct writer w = {out, false, false, 0, 0};
    w_node(&w, root, 0);
    buf_putc(out, '\n');
}
