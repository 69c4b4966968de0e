/*
 * ingest/html_byline.c — who wrote a web page, as the page shows it: the
 * byline block the markup names (rel=author, itemprop=author, a class or
 * id such as "byline") reduced to its name part, and any byline (visible,
 * meta tag or JSON-LD) cleaned to a list of names: no "By", no date, time,
 * handle, job title or "Updated" tail.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* ---- the byline block ------------------------------------------------------------ */

static const char *const byline_words[] = {"byline", "author", "dateline", "writtenby", "p-author",
                                           NULL};

/* Class words of the parts of a byline block that are not the name: the
 * writer's job ("author-title", "role"), a photo, a short biography. */
static const char *const byline_parts_not_name[] = {"title", "role", "job", "position",
                                                    "avatar", "photo", "bio", NULL};

/* The text of a byline block n without its <time>, scripts and the parts
 * byline_parts_not_name names, white space collapsed, appended to b. */
static void
byline_text(const xmlNode *n, struct buf *b)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar *p = c->content; *p; p++) {
                bool sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (!sp)
                    buf_putc(b, (char)*p);
                else if (b->len && b->data[b->len - 1] != ' ')
                    buf_putc(b, ' ');
            }
        } else if (c->type == XML_ELEMENT_NODE && !hx_is(c, "time") && !hx_is(c, "script") &&
                   !hx_is(c, "style") && !hx_has_word(hx_attr(c, "class"), byline_parts_not_name)) {
            if (b->len && b->data[b->len - 1] != ' ')
                buf_putc(b, ' ');
            byline_text(c, b);
        }
    }
}

/* The descendant of n that schema.org markup names the person's name
 * (itemprop="name"), or NULL. */
static const xmlNode *
byline_name_part(xmlNode *n)
{
    for (xmlNode *d = n->children; d; d = hx_next(d, n, false)) {
        const char *ip = d->type == XML_ELEMENT_NODE ? hx_attr(d, "itemprop") : NULL;
        if (ip && strcmp(ip, "name") == 0 && hx_text_len(d))
            return d;
    }
    return NULL;
}

/* See html.h. */
char *
html_block_byline(xmlNode *n, const char *match)
{
    const char *rel = hx_attr(n, "rel"), *ip = hx_attr(n, "itemprop");
    /* "authorization" (a sign-in box) is not "author" */
    bool named = hx_has_word(match, byline_words) && !ing_ifind(match, strlen(match), "authoriz");
    if (!((rel && strcmp(rel, "author") == 0) || (ip && strstr(ip, "author")) || named))
        return NULL;
    size_t len = hx_text_len(n);
    if (len == 0 || len >= 100)
        return NULL;
    struct buf b = BUF_INIT;
    const xmlNode *name = byline_name_part(n);
    if (name)
        hx_text(name, &b);
    else
        byline_text(n, &b);
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    if (!b.len) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

/* See html.h. */
char *
html_header_byline(xmlNode *node)
{
    if (!hx_count_tag(node, "h1") && !hx_has_ancestor(node, "article", 0))
        return NULL;
    for (xmlNode *d = node->children; d; d = hx_next(d, node, false)) {
        if (d->type != XML_ELEMENT_NODE)
            continue;
        const char *cls = hx_attr(d, "class"), *id = hx_attr(d, "id");
        char match[512];
        snprintf(match, sizeof match, "%s %s", cls ? cls : "", id ? id : "");
        char *b = html_block_byline(d, match);
        if (b)
            return b;
    }
    return NULL;
}

/* ---- a byline to names ------------------------------------------------------------ */

/* Where "3 hours ago", "1 day ago" starts in s[0..n), or n. */
static size_t
relative_time_at(const char *s, size_t n)
{
    static const char *const units[] = {"sec", "min", "hour", "hr", "day", "week", "month", "year",
                                        NULL};
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]) || (i && isalnum((unsigned char)s[i - 1])))
            continue;
        size_t j = i;
        while (j < n && isdigit((unsigned char)s[j]))
            j++;
        while (j < n && s[j] == ' ')
            j++;
        bool unit = false;
        for (const char *const *u = units; *u && !unit; u++)
            unit = n - j >= strlen(*u) && strncasecmp(s + j, *u, strlen(*u)) == 0;
        if (!unit)
            continue;
        while (j < n && isalpha((unsigned char)s[j]))
            j++;
        while (j < n && s[j] == ' ')
            j++;
        if (n - j >= 3 && strncasecmp(s + j, "ago", 3) == 0)
            return i;
    }
    return n;
}

/* Is s[0..n) only a label a byline block carries ("Updated", "Last
 * updated", "Published", "Posted")? */
static bool
byline_label_only(const char *s, size_t n)
{
    static const char *const labels[] = {"updated", "last updated", "published", "posted",
                                         "written", "share", NULL};
    for (const char *const *l = labels; *l; l++)
        if (n == strlen(*l) && strncasecmp(s, *l, n) == 0)
            return true;
    return false;
}

/* See html.h. */
char *
html_clean_byline(char *b)
{
    if (!b)
        return NULL;
    const char *s = b;
    size_t n = strlen(s);
    /* "by" may follow a label ("Tech Industry by X"); the other languages'
     * words only open the line (a "von" inside is part of a name) */
    static const char *const by[] = {"by ", "by: ", "por ", "von ", "par ", NULL};
    for (const char *const *w = by; *w; w++) {
        const char *in = ing_ifind(s, n, w[0]);
        size_t wl = strlen(*w);
        bool first = w == by || w == by + 1;
        if (in && (in == s || (first && in[-1] == ' ')) && (size_t)(in - s) < 40) {
            n -= (size_t)(in - s) + wl;
            s = in + wl;
            break;
        }
    }
    size_t cut = n;
    static const char *const stops[] = {" - ", " \xe2\x80\x94", " \xe2\x80\x93 ", " \xe2\x80\xa2",
                                        " | ", " @", "\n", " edited by ", " photographs by ",
                                        " photos by ", " illustrations by ", " updated ", NULL};
    for (const char *const *w = stops; *w; w++) {
        const char *at = ing_ifind(s, n, *w);
        if (at && (size_t)(at - s) < cut)
            cut = (size_t)(at - s);
    }
    struct ing_date dt;
    size_t at;
    if (ing_find_date(s, cut, &dt, &at) && at < cut)
        cut = at;
    cut = relative_time_at(s, cut);
    while (cut && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == '-' ||
                   s[cut - 1] == ':' || s[cut - 1] == '|'))
        cut--;
    char *r = cut && cut <= 100 && !byline_label_only(s, cut) ? xstrndup(s, cut) : NULL;
    free(b);
    return r;
}
