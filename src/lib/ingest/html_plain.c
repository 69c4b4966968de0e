/*
 * ingest/html_plain.c — what a page with little or no metadata still says
 * about its article: a word processor's page (its generator tag; its
 * author and dates are the document's, not the article's; its title a
 * paragraph styled as one, its <title> often the file's name), the name
 * in a copyright foot, and the address a reader tool or an archive names
 * in a link whose text is that address or its host ("smh.com.au",
 * "Saved from https://...").
 */
#include "config.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* See html.h. */
bool
html_office_page(xmlNode *root)
{
    static const char *const suites[] = {"libreoffice", "openoffice", "microsoft word",
                                         "microsoft office", "google docs", "pages"};
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "meta"))
            continue;
        const char *name = hx_attr(n, "name"), *c = hx_attr(n, "content");
        if (!name || !c || !(ds_strcasecmp_ascii(name, "generator") == 0 ||
                             ds_strcasecmp_ascii(name, "progid") == 0))
            continue;
        if (ds_strcasecmp_ascii(c, "word.document") == 0)
            return true;
        for (size_t k = 0; k < DS_ARRAY_LEN(suites); k++)
            if (ing_istarts(c, strlen(c), suites[k]))
                return true;
    }
    return false;
}

/* See html.h. */
bool
html_file_name_title(const char *t)
{
    static const char *const exts[] = {".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt", ".pages"};
    size_t n = strlen(t);
    if (ing_istarts(t, n, "microsoft word - "))
        return true;
    for (size_t k = 0; k < DS_ARRAY_LEN(exts); k++) {
        size_t m = strlen(exts[k]);
        if (n > m && ing_ieq(t + n - m, m, exts[k]))
            return true;
    }
    return false;
}

/* Does the whole text of p sit inside one <b>/<strong> (a bold line), or
 * does p's class call it a title ("MsoTitle", "title")? */
static bool
styled_as_title(xmlNode *p, const char *text)
{
    const char *cls = hx_attr(p, "class");
    if (cls && ing_ifind(cls, strlen(cls), "title"))
        return true;
    for (xmlNode *c = p; c; c = hx_next(c, p, false)) {
        if (!hx_is(c, "b") && !hx_is(c, "strong"))
            continue;
        char *bt = hx_text_collapsed(c);
        bool whole = strcmp(bt, text) == 0;
        free(bt);
        return whole;
    }
    return false;
}

/* See html.h. */
char *
html_styled_title(xmlNode *root)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "p") && !hx_is(n, "h1") && !hx_is(n, "h2"))
            continue;
        char *t = hx_text_collapsed(n);
        size_t words = t[0] ? (size_t)ing_count_words(t, strlen(t)) : 0;
        if (words > 25) {
            free(t); /* the text has begun: no title above it */
            return NULL;
        }
        if (words >= 3 && (hx_is(n, "h1") || styled_as_title(n, t)) &&
            !ing_ends_with_any(t, strlen(t), ".:;,"))
            return t;
        free(t);
    }
    return NULL;
}

/* Is n a picture's credit rather than the page's foot: inside a figure or
 * an element whose class or id names a caption, a credit or a photo? */
static bool
in_picture_credit(const xmlNode *n)
{
    static const char *const words[] = {"caption", "credit", "photo", "image", NULL};
    if (hx_has_ancestor(n, "figure", 0) || hx_has_ancestor(n, "figcaption", 0))
        return true;
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (hx_has_word(hx_attr(p, "class"), words) || hx_has_word(hx_attr(p, "id"), words))
            return true;
    return false;
}

/* Does the copyright line t say a year or that rights are reserved (a
 * page's foot does; "(c) AFP" under a photo does not)? */
static bool
dated_notice(const char *t, size_t tl)
{
    for (size_t i = 0; i + 4 <= tl; i++)
        if ((t[i] == '1' || t[i] == '2') && strspn(t + i, "0123456789") == 4 &&
            (i == 0 || !isdigit((unsigned char)t[i - 1])))
            return true;
    return ing_ifind(t, tl, "rights") || ing_ifind(t, tl, "riservat") ||
           ing_ifind(t, tl, "r\xc3\xa9serv") || ing_ifind(t, tl, "vorbehalt");
}

/* See html.h. */
char *
html_copyright_site(xmlNode *root)
{
    char *best = NULL;
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "p") && !hx_is(n, "small") && !hx_is(n, "div") && !hx_is(n, "span") &&
            !hx_is(n, "li") && !hx_is(n, "footer"))
            continue;
        if (!html_text_within(n, 200) || in_picture_credit(n))
            continue;
        char *t = hx_text_collapsed(n);
        const char *val;
        size_t tl = strlen(t), vl;
        if (ing_is_copyright_line(t, tl) && dated_notice(t, tl) &&
            ing_copyright_name(t, tl, &val, &vl) && ing_outlet_like(val, vl, true)) {
            free(best); /* the last one: the page's own foot */
            best = xstrndup(val, vl);
        }
        free(t);
    }
    return best;
}

/* The host of an http(s) address (after "www."), its length in *hl. */
static const char *
url_host(const char *u, size_t *hl)
{
    const char *h = strstr(u, "://");
    if (!h || (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0))
        return NULL;
    h += 3;
    if (strncmp(h, "www.", 4) == 0)
        h += 4;
    *hl = strcspn(h, "/:?#");
    return *hl ? h : NULL;
}

/* Are a[0..n) and b[0..n) the same letters, case aside? */
static bool
same_ci(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

/* Is text the address href or its host: "smh.com.au" for
 * "https://www.smh.com.au/...", the address written out whole? */
static bool
names_own_address(const char *text, const char *href)
{
    size_t hl, tl = strlen(text);
    const char *host = url_host(href, &hl);
    if (!host || tl < 4 || strchr(text, ' '))
        return false;
    if (strcmp(text, href) == 0)
        return true;
    if (ing_istarts(text, tl, "www."))
        text += 4, tl -= 4;
    return tl == hl ? same_ci(text, host, tl)
                    : tl < hl && host[hl - tl - 1] == '.' && same_ci(host + hl - tl, text, tl);
}

/* See html.h. */
char *
html_source_link(xmlNode *root)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (hx_is(n, "p") && hx_text_len(n) > 200)
            return NULL; /* the text has begun: links in it cite others */
        if (!hx_is(n, "a") || hx_has_ancestor(n, "p", 0) || hx_has_ancestor(n, "li", 0))
            continue;
        const char *href = hx_attr(n, "href");
        if (!href)
            continue;
        char *t = hx_text_collapsed(n);
        bool own = names_own_address(t, href);
        free(t);
        if (own)
            return xstrdup(href);
    }
    return NULL;
}
