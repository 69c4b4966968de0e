/*
 * ingest/readers.c — readers: a format's decoded text to plain article text.
 * Plain text passes through; markdown keeps what a reader would see rendered
 * (heading text, emphasised words, link text, code) and loses the syntax.
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
 * character is one we drop) and the index after it; 0 when it is none. */
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
        while (j < n && j - d0 < 7 &&
               (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]))) {
            char c = s[j];
            uint32_t v = (uint32_t)(isdigit((unsigned char)c) ? c - '0' : (c | 32) - 'a' + 10);
            cp = cp * (hex ? 16u : 10u) + v;
            j++;
        }
        if (j == d0)
            return 0;
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

static bool
is_alnum_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Markdown constructs (link text, URLs, code spans) are looked for only this
 * far ahead, so a line full of '[' or '`' costs linear time, not quadratic. */
#define MD_REACH 1024

/* Index of the ']' matching the '[' at s[i], or n (also when it is further
 * than MD_REACH away). */
static size_t
match_bracket(const char *s, size_t n, size_t i, char open, char close)
{
    int depth = 0;
    size_t lim = n - i > MD_REACH ? i + MD_REACH : n;
    for (size_t j = i; j < lim; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == open)
            depth++;
        else if (s[j] == close && --depth == 0)
            return j;
    }
    return n;
}

static void md_inline(const char *s, size_t n, struct buf *out, int depth);

/* A link or image at s[i] ('[' or "!["): writes its text (links) or nothing
 * (images) and returns the index after it, or i when it is not one. */
static size_t
md_link(const char *s, size_t n, size_t i, struct buf *out, int depth)
{
    bool image = s[i] == '!';
    size_t lb = image ? i + 1 : i;
    size_t rb = match_bracket(s, n, lb, '[', ']');
    if (rb >= n)
        return i;
    size_t end;
    if (rb + 1 < n && s[rb + 1] == '(') {
        end = match_bracket(s, n, rb + 1, '(', ')');
        if (end >= n)
            return i;
    } else if (rb + 1 < n && s[rb + 1] == '[') {
        end = match_bracket(s, n, rb + 1, '[', ']');
        if (end >= n)
            return i;
    } else {
        return i;
    }
    if (!image)
        md_inline(s + lb + 1, rb - lb - 1, out, depth + 1);
    return end + 1;
}

static void
md_inline(const char *s, size_t n, struct buf *out, int depth)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
            buf_putc(out, s[i + 1]);
            i += 2;
            continue;
        }
        if (c == '`') {
            size_t run = 0;
            while (i + run < n && s[i + run] == '`')
                run++;
            /* find the closing run of the same length, within reach */
            size_t lim = n - i > MD_REACH ? i + MD_REACH : n;
            for (size_t j = i + run; j + run <= lim; j++) {
                size_t r = 0;
                while (j + r < n && s[j + r] == '`')
                    r++;
                if (r == run) {
                    buf_append(out, s + i + run, j - i - run);
                    i = j + run;
                    goto next;
                }
                if (r)
                    j += r - 1;
            }
            buf_append(out, s + i, run);
            i += run;
            continue;
        }
        if (depth < 8 && (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '['))) {
            size_t after = md_link(s, n, i, out, depth);
            if (after != i) {
                i = after;
                continue;
            }
        }
        if (c == '<' && i + 1 < n &&
            (ing_istarts(s + i + 1, n - i - 1, "http://") ||
             ing_istarts(s + i + 1, n - i - 1, "https://"))) {
            const char *gt = memchr(s + i, '>', n - i);
            if (gt) {
                buf_append(out, s + i + 1, (size_t)(gt - s) - i - 1);
                i = (size_t)(gt - s) + 1;
                continue;
            }
        }
        if ((c == '*' || c == '_' || c == '~') && i + 1 < n && s[i + 1] == c) {
            i += 2; /* strong emphasis / strikethrough markers */
            continue;
        }
        if (c == '*' || c == '_') {
            unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
            unsigned char nx = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
            bool opening = !is_alnum_byte(prev) && nx != ' ';
            bool closing = prev != ' ' && !is_alnum_byte(nx);
            if (opening || closing) {
                i++;
                continue;
            }
        }
        buf_putc(out, c);
        i++;
    next:;
    }
}

static bool
only_chars(const char *s, size_t n, char a, size_t min)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == a)
            k++;
        else if (s[i] != ' ')
            return false;
    }
    return k >= min;
}

static int markdown_lines(const char *text, size_t n, struct buf *out, struct ds_error *err);

/* Markdown to plain text, line by line (see ingest/lib.h); inline HTML
 * and entities are handled as in plain text first. Never fails. */
int
ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    struct buf plain = BUF_INIT;
    if (html_leftovers(text, n, &plain)) {
        int rc = markdown_lines(plain.data, plain.len, out, err);
        buf_free(&plain);
        return rc;
    }
    return markdown_lines(text, n, out, err);
}

static int
markdown_lines(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)err;
    bool fence = false;
    size_t i = 0;
    buf_reserve(out, n + 1);
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + i;
        size_t len = e - i;
        size_t ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        const char *t = s + ind;
        size_t tl = len - ind;
        i = e + 1;

        if (ing_istarts(t, tl, "```") || ing_istarts(t, tl, "~~~")) {
            fence = !fence; /* the fence line goes, the code stays as text */
            continue;
        }
        if (fence) {
            buf_append(out, s, len);
            buf_putc(out, '\n');
            continue;
        }
        if (ind < 4 && (only_chars(t, tl, '=', 3) || only_chars(t, tl, '-', 3) ||
                        only_chars(t, tl, '*', 3) || only_chars(t, tl, '_', 3))) {
            buf_putc(out, '\n'); /* rule or setext underline */
            continue;
        }
        /* reference definition: [id]: url */
        if (ind < 4 && tl > 3 && t[0] == '[') {
            size_t rb = match_bracket(t, tl, 0, '[', ']');
            if (rb + 1 < tl && t[rb + 1] == ':')
                continue;
        }
        while (tl && t[0] == '>') { /* block quote */
            t++;
            tl--;
            if (tl && t[0] == ' ') {
                t++;
                tl--;
            }
        }
        if (ind < 4 && tl && t[0] == '#') {
            size_t h = 0;
            while (h < tl && t[h] == '#')
                h++;
            if (h <= 6 && (h == tl || t[h] == ' ')) {
                t += h;
                tl -= h;
                while (tl && t[0] == ' ') {
                    t++;
                    tl--;
                }
                while (tl && (t[tl - 1] == '#' || t[tl - 1] == ' '))
                    tl--;
                ind = 0;
            }
        }
        /* keep list indentation; other leading space is not meaningful */
        if (tl && (t[0] == '-' || t[0] == '*' || t[0] == '+' || (unsigned char)t[0] >= 0x80) && ind)
            buf_append(out, s, ind);
        md_inline(t, tl, out, 0);
        buf_putc(out, '\n');
    }
    return 0;
}

/* ---- the readers by format ----------------------------------------------------------- */

static int
read_text_page(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    return ingest_read_text(text, n, &pg->text, err);
}

static int
read_markdown_page(const char *text, size_t n, struct ing_page *pg, struct ds_error *err)
{
    return ingest_read_markdown(text, n, &pg->text, err);
}

/* See lib.h. Front matter is read as Markdown until its own reader plugs
 * in here; feeds are listed as skipped until theirs does. */
ing_read_fn
ing_reader(enum ing_format f, const char **why)
{
    *why = NULL;
    switch (f) {
    case FMT_TEXT:
        return read_text_page;
    case FMT_MARKDOWN:
    case FMT_FRONTMATTER:
        return read_markdown_page;
    case FMT_HTML:
        return ing_read_html;
    case FMT_FEED:
        *why = "a feed (feeds are not read yet)";
        return NULL;
    case FMT_XML:
        *why = "XML that is neither a page nor a feed";
        return NULL;
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
    free(pg->byline);
    free(pg->source);
    free(pg->published);
    free(pg->url);
    free(pg->lang);
    memset(pg, 0, sizeof *pg);
}
