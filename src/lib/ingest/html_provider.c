/*
 * ingest/html_provider.c — the original outlet of a story copied onto an
 * aggregator's page.
 *
 * Yahoo, MSN and their like carry other outlets' stories under their own
 * og:site_name; the page names the original outlet in a provider block
 * before the story's text (a logo's alt text or its link, "caas-logo",
 * "provider", itemprop="publisher") or in a copyright line at the story's
 * foot ("© The Midland Star"). That outlet is the
 * story's source; the aggregator's name is where it was read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* Sites that republish other outlets' stories whole. */
static const char *const aggregators[] = {
    "yahoo",      "yahoo news",      "yahoo finance", "yahoo sports", "yahoo life",
    "yahoo!",     "yahoo! news",     "msn",           "msn news",     "microsoft start",
    "apple news", "google news",     "flipboard",     "newsbreak",    "smartnews",
    "aol",        "ground news",     "newsnow"};

/* Is s an aggregator's name? */
static bool
is_aggregator(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
        n--;
    for (size_t k = 0; k < DS_ARRAY_LEN(aggregators); k++)
        if (ing_ieq(s, n, aggregators[k]))
            return true;
    return false;
}

/* Does the element's class, id or itemprop name a provider block? */
static bool
provider_block(const xmlNode *n)
{
    static const char *const marks[] = {"provider", "publisher", "source-name", "logo"};
    const char *attrs[] = {hx_attr(n, "class"), hx_attr(n, "id"), hx_attr(n, "itemprop")};
    for (size_t a = 0; a < DS_ARRAY_LEN(attrs); a++)
        for (size_t k = 0; attrs[a] && k < DS_ARRAY_LEN(marks); k++)
            if (ing_ifind(attrs[a], strlen(attrs[a]), marks[k]))
                return true;
    return false;
}

/* Is n a paragraph of the story's text (over 200 bytes)? Provider blocks
 * after it belong to ads and lists of other stories. */
static bool
story_paragraph(xmlNode *n)
{
    return hx_is(n, "p") && !html_text_within(n, 200);
}

/* name (taken) when it is shaped as an outlet's and no aggregator's, else
 * NULL (freed). */
static char *
outlet_or_null(char *name)
{
    size_t nl = name ? strlen(name) : 0;
    if (name && nl && nl <= 80 && !is_aggregator(name, nl) && ing_outlet_like(name, nl, true))
        return name;
    free(name);
    return NULL;
}

/* The outlet a provider block names: a logo's alt text (a block with no
 * text of its own), else its text. */
static char *
block_outlet(xmlNode *b)
{
    for (xmlNode *n = b; n && hx_text_len(b) == 0; n = hx_next(n, b, false))
        if (hx_is(n, "img") && hx_attr(n, "alt")) {
            char *alt = outlet_or_null(html_collapse(hx_attr(n, "alt")));
            if (alt)
                return alt;
        }
    if (!html_text_within(b, 80))
        return NULL;
    return outlet_or_null(hx_text_collapsed(b));
}

/* See html.h. */
char *
html_provider_site(xmlNode *root, const char *site)
{
    if (!root || !site || !is_aggregator(site, strlen(site)))
        return NULL;
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (story_paragraph(n))
            break;
        if (n->type != XML_ELEMENT_NODE || hx_is(n, "head") || hx_is(n, "meta") ||
            !provider_block(n) || hx_has_ancestor(n, "nav", 0))
            continue;
        char *o = block_outlet(n);
        if (o)
            return o;
    }
    char *best = NULL; /* "© The Midland Star" at the story's foot: the last one */
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "p") && !hx_is(n, "div") && !hx_is(n, "span") && !hx_is(n, "small"))
            continue;
        if (!html_text_within(n, 120))
            continue;
        char *t = hx_text_collapsed(n);
        const char *val;
        size_t tl = strlen(t), vl;
        if (ing_is_copyright_line(t, tl) && ing_copyright_name(t, tl, &val, &vl)) {
            char *o = outlet_or_null(xstrndup(val, vl));
            if (o) {
                free(best);
                best = o;
            }
        }
        free(t);
    }
    return best;
}
