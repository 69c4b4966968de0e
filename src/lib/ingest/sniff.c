/*
 * ingest/sniff.c — which format a file is, decided from its bytes with the
 * name only as a hint: a page saved as .txt is still a page, a feed saved as
 * .xml is a feed. Also the "empty" and "binary" verdicts (ingest_sniff) and
 * the list of file names the walk considers.
 */
#include "config.h"

#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

#define SNIFF_WINDOW 8192 /* bytes looked at for binary data */
#define SNIFF_HEAD 4096   /* bytes looked at for a feed's root element */

static bool
has_utf16_bom(const unsigned char *p, size_t n)
{
    return n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

/* UTF-16 without a BOM: in the first 8 KiB, the high bytes of (mostly
 * Latin or CJK) text alternate with NULs. 1 little-endian, 2 big-endian,
 * 0 neither. */
int
ing_utf16_no_bom(const char *bytes, size_t n)
{
    const unsigned char *p = (const unsigned char *)bytes;
    size_t w = DS_MIN(n, (size_t)SNIFF_WINDOW) & ~(size_t)1;
    if (w < 16 || has_utf16_bom(p, n))
        return 0;
    size_t zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i < w; i += 2) {
        zero_even += p[i] == 0;
        zero_odd += p[i + 1] == 0;
    }
    size_t units = w / 2;
    if (zero_odd * 10 >= units * 7 && zero_even * 20 <= units)
        return 1; /* "A\0B\0": little-endian */
    if (zero_even * 10 >= units * 7 && zero_odd * 20 <= units)
        return 2;
    return 0;
}

/* "empty", "binary" or NULL (see ingest.h). UTF-16 with a BOM is text. */
const char *
ingest_sniff(const char *bytes, size_t n)
{
    const unsigned char *p = (const unsigned char *)bytes;
    if (n == 0 || !bytes)
        return "empty";
    if (has_utf16_bom(p, n)) {
        /* text if any code unit is not a space/NUL */
        for (size_t i = 2; i < n; i++)
            if (p[i] != 0 && p[i] != ' ' && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
                return NULL;
        return "empty";
    }
    size_t w = DS_MIN(n, (size_t)SNIFF_WINDOW), ctl = 0;
    if (memchr(p, 0, w))
        return "binary";
    /* control bytes other than \t \n \f \r ESC (rare: the branch predicts well) */
    const uint32_t allowed =
        (1u << '\t') | (1u << '\n') | (1u << '\f') | (1u << '\r') | (1u << 0x1B);
    for (size_t i = 0; i < w; i++)
        if (p[i] < 0x20 && !((allowed >> p[i]) & 1u))
            ctl++;
    if (ctl * 10 > w * 3)
        return "binary";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            return NULL;
    }
    return "empty";
}

/* ---- formats ------------------------------------------------------------------ */

static const char *const format_names[] = {
    [FMT_TEXT] = "text",         [FMT_MARKDOWN] = "markdown", [FMT_FRONTMATTER] = "front-matter",
    [FMT_HTML] = "html",         [FMT_FEED] = "feed",         [FMT_XML] = "xml",
    [FMT_BINARY] = "binary",     [FMT_EMPTY] = "empty",
};

/* A static name for f ("text", "html", ...). */
const char *
ing_format_name(enum ing_format f)
{
    return (size_t)f < DS_ARRAY_LEN(format_names) && format_names[f] ? format_names[f] : "text";
}

/* The extensions the walk considers (lower case, with the dot) and the
 * format each suggests when the bytes do not decide. */
static const struct {
    const char *ext;
    enum ing_format fmt;
} known_ext[] = {
    {".txt", FMT_TEXT},   {".text", FMT_TEXT},    {".md", FMT_MARKDOWN},  {".markdown", FMT_MARKDOWN},
    {".mdown", FMT_MARKDOWN}, {".html", FMT_HTML}, {".htm", FMT_HTML},    {".xhtml", FMT_HTML},
    {".shtml", FMT_HTML}, {".rss", FMT_FEED},     {".atom", FMT_FEED},    {".xml", FMT_FEED},
    {".eml", FMT_TEXT}, /* an e-mail saved whole: mail.c reads it */
    {".org", FMT_TEXT}, /* an Org-mode note: its "#+KEY:" lines are a header block */
    {".enex", FMT_XML}, /* an Evernote export: newsxml.c reads its note */
};

/* The format path's extension suggests (case-insensitive), or false when
 * dossier does not consider files named so. A dot file (".txt") has none. */
bool
ing_format_by_name(const char *path, enum ing_format *fmt)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(known_ext); i++)
        if (ds_strcasecmp_ascii(dot, known_ext[i].ext) == 0) {
            *fmt = known_ext[i].fmt;
            return true;
        }
    return false;
}

/* The first occurrence of lit in s[0, n), or NULL. */
static const char *
find_lit(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == lit[0] && memcmp(s + i, lit, k) == 0)
            return s + i;
    return NULL;
}

/* Skip spaces, a UTF-8 BOM, and <!-- comments --> / <?processing?> other
 * than the XML declaration; returns the index of the first other byte. */
static size_t
skip_prolog(const char *s, size_t n, bool *xml_decl)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = find_lit(s + i + 4, n - i - 4, "-->");
            if (!end)
                return n;
            i = (size_t)(end - s) + 3;
        } else if (i + 5 <= n && memcmp(s + i, "<?xml", 5) == 0) {
            *xml_decl = true;
            const char *end = find_lit(s + i, n - i, "?>");
            if (!end)
                return n;
            i = (size_t)(end - s) + 2;
        } else {
            return i;
        }
    }
}

/* Does a tag named tag (e.g. "<rss") start at s[i], followed by a space, '>'
 * or '/'? Case-insensitive. */
static bool
tag_at(const char *s, size_t n, size_t i, const char *tag)
{
    size_t k = strlen(tag);
    if (i + k >= n || !ing_istarts(s + i, n - i, tag))
        return false;
    char c = s[i + k];
    return c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\r' || c == '\t';
}

/* Does a feed's root start at s[i]: a whole feed, or one of its items
 * (an RSS <item>, an Atom <entry>) saved alone? */
static bool
feed_root_at(const char *s, size_t n, size_t i)
{
    return tag_at(s, n, i, "<rss") || tag_at(s, n, i, "<feed") || tag_at(s, n, i, "<rdf:RDF") ||
           tag_at(s, n, i, "<item") || tag_at(s, n, i, "<entry");
}

/* The root element of an XML document at s[i] (after the prolog and any
 * doctype): a feed, a page (XHTML) or other XML. */
static enum ing_format
xml_root(const char *s, size_t n, size_t i)
{
    size_t lim = DS_MIN(n, i + SNIFF_HEAD);
    while (i < lim) {
        const char *lt = memchr(s + i, '<', lim - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 1 < lim && (s[i + 1] == '!' || s[i + 1] == '?')) {
            i++;
            continue;
        }
        if (feed_root_at(s, lim, i))
            return FMT_FEED;
        if (tag_at(s, lim, i, "<html"))
            return FMT_HTML;
        return FMT_XML;
    }
    return FMT_XML;
}

/* See lib.h. */
enum ing_format
ing_sniff_format(const char *path, const char *bytes, size_t n)
{
    if (ingest_sniff(bytes, n)) /* "empty" or "binary" */
        return strcmp(ingest_sniff(bytes, n), "empty") == 0 ? FMT_EMPTY : FMT_BINARY;
    enum ing_format hint = FMT_TEXT;
    bool named = path && ing_format_by_name(path, &hint);
    bool xml_decl = false;
    size_t i = skip_prolog(bytes, n, &xml_decl);
    if (i < n && bytes[i] == '<') {
        if (ing_istarts(bytes + i, n - i, "<!doctype html") || tag_at(bytes, n, i, "<html"))
            return FMT_HTML;
        if (feed_root_at(bytes, n, i))
            return FMT_FEED;
        if (xml_decl || ing_istarts(bytes + i, n - i, "<!doctype"))
            return xml_root(bytes, n, i);
        /* a fragment or a page without <html>: trust a web name, or tags
         * that only a page opens with */
        if (hint == FMT_HTML || tag_at(bytes, n, i, "<head") || tag_at(bytes, n, i, "<body") ||
            tag_at(bytes, n, i, "<meta") || tag_at(bytes, n, i, "<title"))
            return FMT_HTML;
    } else if (xml_decl) {
        return FMT_XML;
    }
    if (ing_has_front_matter(bytes + (i < n && n >= 3 && (unsigned char)bytes[0] == 0xEF ? 3 : 0),
                     n - (n >= 3 && (unsigned char)bytes[0] == 0xEF ? 3 : 0)))
        return FMT_FRONTMATTER;
    if (!named)
        return FMT_TEXT;
    /* a .html or .xml file that does not start like one is read as text */
    return hint == FMT_MARKDOWN ? FMT_MARKDOWN : FMT_TEXT;
}
