/*
 * ingest/readers.c — readers: a format's decoded text to plain article text.
 * Plain text passes through less the HTML left in exports; Markdown goes to
 * cmark (markdown.c); a feed is many articles (feed.c). ingest_format_of()
 * tells the formats apart by their bytes.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- HTML leftovers ----------------------------------------------------------------- */

/* Tags that end a block of text (they become a line break) and inline ones
 * (they vanish). Anything else that looks like a tag is left alone, so
 * "a <b" or "x < y > z" in prose survives. */
static const char *const block_tags[] = {
    "p",          "div",    "br",         "li", "ul",    "ol",      "h1",      "h2",     "h3",
    "h4",         "h5",     "h6",         "tr", "table", "section", "article", "header", "footer",
    "blockquote", "figure", "figcaption", "hr", "aside", "nav",     "dd",      "dt",     "dl",
    "pre",        "tbody",  "thead",      "td", "th",    "main",
};
static const char *const inline_tags[] = {
    "a",    "b",     "i",      "u",    "em",  "strong",  "span",   "img",
    "font", "small", "big",    "sup",  "sub", "abbr",    "cite",   "code",
    "mark", "s",     "strike", "time", "wbr", "picture", "source", "label",
};

static int
tag_kind(const char *name, size_t n)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(block_tags); i++)
        if (ing_ieq(name, n, block_tags[i]))
            return 2;
    for (size_t i = 0; i < DS_ARRAY_LEN(inline_tags); i++)
        if (ing_ieq(name, n, inline_tags[i]))
            return 1;
    return 0;
}

/* A known tag at s[i] == '<': its end index (after '>') and kind, or 0. */
static size_t
html_tag(const char *s, size_t n, size_t i, int *kind)
{
    size_t j = i + 1;
    if (j < n && s[j] == '/')
        j++;
    size_t name = j;
    while (j < n && j - name < 12 && isalnum((unsigned char)s[j]))
        j++;
    if (j == name || j >= n)
        return 0;
    int k = tag_kind(s + name, j - name);
    if (!k || !(s[j] == '>' || s[j] == ' ' || s[j] == '/' || s[j] == '\t'))
        return 0;
    for (size_t e = j; e < n && e - j < 400; e++) {
        if (s[e] == '>') {
            *kind = k;
            return e + 1;
        }
        if (s[e] == '<' || s[e] == '\n')
            return 0;
    }
    return 0;
}

static const struct {
    const char *name;
    uint32_t cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB},    {"raquo", 0xBB},
    {"pound", 0xA3},   {"euro", 0x20AC},  {"yen", 0xA5},     {"cent", 0xA2},     {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122}, {"middot", 0xB7},  {"bull", 0x2022},   {"deg", 0xB0},
    {"times", 0xD7},   {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},   {"agrave", 0xE0},
    {"ccedil", 0xE7},  {"uuml", 0xFC},    {"ouml", 0xF6},    {"auml", 0xE4},     {"szlig", 0xDF},
    {"ntilde", 0xF1},  {"oacute", 0xF3},  {"iacute", 0xED},  {"uacute", 0xFA},   {"shy", 0},
    {"zwj", 0},        {"zwnj", 0},       {"thinsp", ' '},   {"ensp", ' '},      {"emsp", ' '},
};

/* Code points an entity may produce: never a control, surrogate or
 * invisible formatting character (those are dropped). */
static bool
entity_cp_ok(uint32_t cp)
{
    return cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp <= 0x10FFFF && !(cp >= 0x200B && cp <= 0x200F) && !(cp >= 0x202A && cp <= 0x202E) &&
           !(cp >= 0x2060 && cp <= 0x2069) && cp != 0xFEFF && cp != 0xAD;
}

/* An entity at s[i] == '&': its UTF-8 in tmp (*tlen bytes, 0 when the
 * character is one we drop) and the index after it; 0 when it is none. A
 * number naming no character (0, a surrogate, past U+10FFFF) is U+FFFD, as
 * HTML says. */
static size_t
html_entity(const char *s, size_t n, size_t i, char tmp[4], size_t *tlen)
{
    size_t j = i + 1;
    uint32_t cp = 0;
    bool have = false;
    if (j < n && s[j] == '#') {
        j++;
        bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
        if (hex)
            j++;
        size_t d0 = j;
        while (j < n && j - d0 < 12 &&
               (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]))) {
            char c = s[j];
            uint32_t v = (uint32_t)(isdigit((unsigned char)c) ? c - '0' : (c | 32) - 'a' + 10);
            cp = cp > 0x10FFFF ? cp : cp * (hex ? 16u : 10u) + v;
            j++;
        }
        if (j == d0)
            return 0;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        have = true;
    } else {
        size_t b = j;
        while (j < n && j - b < 8 && isalpha((unsigned char)s[j]))
            j++;
        for (size_t k = 0; k < DS_ARRAY_LEN(entities) && j > b; k++)
            if (strlen(entities[k].name) == j - b && strncmp(s + b, entities[k].name, j - b) == 0) {
                cp = entities[k].cp;
                have = true;
                break;
            }
    }
    if (!have || j >= n || s[j] != ';')
        return 0;
    *tlen = cp && entity_cp_ok(cp) ? (size_t)utf8_encode(cp, tmp) : 0;
    return j + 1;
}

/* Remove the HTML that survives in text exports: known tags (block tags
 * become line breaks) and character entities. Returns false (and writes
 * nothing) when the text has none, so the caller can keep its own copy. */
static bool
html_leftovers(const char *text, size_t n, struct buf *out)
{
    if (!memchr(text, '<', n) && !memchr(text, '&', n))
        return false;
    bool changed = false;
    size_t i = 0, run = 0;
    while (i < n) {
        char c = text[i];
        if (c != '<' && c != '&') {
            i++;
            continue;
        }
        char tmp[4];
        size_t tlen = 0, e;
        int kind = 0;
        if (c == '<')
            e = html_tag(text, n, i, &kind);
        else
            e = html_entity(text, n, i, tmp, &tlen);
        if (!e) {
            i++;
            continue;
        }
        buf_append(out, text + run, i - run);
        if (kind == 2)
            buf_putc(out, '\n');
        buf_append(out, tmp, tlen);
        changed = true;
        i = run = e;
    }
    if (!changed) {
        buf_reset(out);
        return false;
    }
    buf_append(out, text + run, n - run);
    return true;
}

/* See lib.h. */
char *
ing_unescape_line(char *s)
{
    if (!s || !strchr(s, '&'))
        return s;
    struct buf out = BUF_INIT;
    size_t n = strlen(s), i = 0, run = 0;
    while (i < n) {
        char tmp[4];
        size_t tlen = 0, e = s[i] == '&' ? html_entity(s, n, i, tmp, &tlen) : 0;
        if (!e) {
            i++;
            continue;
        }
        buf_append(&out, s + run, i - run);
        buf_append(&out, tmp, tlen);
        i = run = e;
    }
    if (!run) {
        buf_free(&out);
        return s;
    }
    buf_append(&out, s + run, n - run);
    free(s);
    return buf_steal(&out);
}

/* Plain text: the decoded text is the article text, less any HTML
 * leftovers (tags, entities). Never fails. */
int
ingest_read_text(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)err;
    struct buf tmp = BUF_INIT;
    if (html_leftovers(text, n, &tmp))
        buf_append(out, tmp.data, tmp.len);
    else
        buf_append(out, text, n);
    buf_free(&tmp);
    return 0;
}

/* Markdown: cmark's reading reduced to text (markdown.c). Never fails. */
int
ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)err;
    ing_markdown_to_text(text, n, out);
    return 0;
}

/* A feed is many articles, not one: the indexer reads its items
 * (ingest_feed_read, ingest_feed_article). Always fails. */
int
ingest_read_feed(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)text;
    (void)n;
    (void)out;
    ds_error_set(err, -1, "not an article: a feed (each of its items is one)");
    return -1;
}

/* ---- what a file holds -------------------------------------------------------------- */

/* The first bytes of UTF-16 text (after its BOM) with every code unit's
 * high byte dropped into out (at most SNIFF_UTF16 bytes): enough ASCII to
 * see a feed's root element. */
#define SNIFF_UTF16 8192
static size_t
utf16_ascii(const char *bytes, size_t n, char *out)
{
    bool le = (unsigned char)bytes[0] == 0xFF;
    size_t w = 0;
    for (size_t i = 2; i + 1 < n && w < SNIFF_UTF16; i += 2) {
        unsigned char lo = (unsigned char)bytes[le ? i : i + 1];
        unsigned char hi = (unsigned char)bytes[le ? i + 1 : i];
        out[w++] = hi || lo >= 0x80 ? '?' : (char)lo;
    }
    return w;
}

/* See ingest.h. The content sniffer's verdict (ing_sniff_format, sniff.c),
 * so the indexer and the readers never disagree on what a file is; a file
 * in UTF-16 with a BOM is looked at through its ASCII. */
enum ingest_format
ingest_format_of(const char *path, const char *bytes, size_t n)
{
    enum ing_format f;
    if (bytes && n >= 4 &&
        (((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE) ||
         ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF))) {
        char *head = xmalloc(SNIFF_UTF16);
        size_t w = utf16_ascii(bytes, n, head);
        f = ing_sniff_format(path, head, w);
        free(head);
    } else {
        f = ing_sniff_format(path, bytes ? bytes : "", bytes ? n : 0);
    }
    switch (f) {
    case FMT_FEED:
        return INGEST_FEED;
    case FMT_FRONTMATTER:
        return INGEST_FRONT_MATTER;
    case FMT_MARKDOWN:
        return INGEST_MARKDOWN;
    default:
        return INGEST_TEXT;
    }
}

/* ---- the readers by format ----------------------------------------------------------- */

/* Plain text: an e-mail saved whole (mail.c), a news database's export
 * (exports.c), or a header block on top as metadata and the rest as text. */
static int
read_text_page(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    int rc;
    if (ing_read_mail(text, n, pg, &rc, err))
        return rc;
    if (ing_read_export(text, n, pg))
        return 0;
    pg->meta.date_how = DATE_HEADER;
    size_t skip = ing_header_block(text, n, &pg->meta, &pg->removed);
    return ingest_read_text(text + skip, n - skip, &pg->text, err);
}

/* Markdown through cmark, after a header block as for text. */
static int
read_markdown_page(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    (void)err;
    pg->meta.date_how = DATE_HEADER;
    size_t skip = ing_header_block(text, n, &pg->meta, &pg->removed);
    ing_markdown_to_text(text + skip, n - skip, &pg->text);
    return 0;
}

/* Markdown with YAML or TOML front matter: the front matter is metadata. */
static int
read_frontmatter_page(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    (void)err;
    pg->meta.date_how = DATE_FRONT_MATTER;
    size_t skip = ing_front_matter(text, n, &pg->meta, &pg->removed);
    ing_markdown_to_text(text + skip, n - skip, &pg->text);
    return 0;
}

/* See lib.h. A feed is many articles: the indexer reads its items
 * (ingest_feed_read), so here it is no article. */
ing_read_fn
ing_reader(enum ing_format f, const char **why)
{
    *why = NULL;
    ing_xml_init();
    switch (f) {
    case FMT_TEXT:
        return read_text_page;
    case FMT_MARKDOWN:
        return read_markdown_page;
    case FMT_FRONTMATTER:
        return read_frontmatter_page;
    case FMT_HTML:
        return ing_read_html;
    case FMT_FEED:
        *why = "not an article: a feed (each of its items is one)";
        return NULL;
    case FMT_XML:
        return ing_read_newsxml; /* NITF, NewsML-G2; other XML is refused there */
    case FMT_BINARY:
        *why = "binary";
        return NULL;
    case FMT_EMPTY:
        *why = "empty";
        return NULL;
    }
    *why = "unknown format";
    return NULL;
}

/* Free every member of *pg and zero it. */
void
ing_page_clear(struct ing_page *pg)
{
    buf_free(&pg->text);
    free(pg->title);
    free(pg->subtitle);
    free(pg->summary);
    free(pg->byline);
    free(pg->source);
    free(pg->published);
    free(pg->url);
    free(pg->lang);
    ing_meta_clear(&pg->meta);
    buf_free(&pg->removed);
    memset(pg, 0, sizeof *pg);
}
