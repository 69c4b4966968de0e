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
                                           "writer", "auteur", NULL};

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

/* Does name part d (an itemprop=name inside byline block n) name the
 * block's author? In microdata a name belongs to the nearest item
 * (itemscope) around it: that item (up to n) must be an author or creator,
 * or have no itemprop at all; a publisher's or a photo's name is no
 * byline. */
static bool
names_author(const xmlNode *d, const xmlNode *n)
{
    for (const xmlNode *p = d->parent; p; p = p->parent) {
        if (hx_attr(p, "itemscope")) {
            const char *ip = hx_attr(p, "itemprop");
            return !ip || strstr(ip, "author") || strstr(ip, "creator");
        }
        if (p == n)
            break;
    }
    return true;
}

/* The names schema.org markup gives in byline block n: the text of each
 * itemprop=name part naming an author (names_author), distinct, joined
 * with ", " into b ("By <A> and <B>" is "A, B"). False when it marks none. */
static bool
byline_names(xmlNode *n, struct buf *b)
{
    size_t found = 0;
    for (xmlNode *d = n->children; d;) {
        const char *ip = d->type == XML_ELEMENT_NODE ? hx_attr(d, "itemprop") : NULL;
        if (!ip || strcmp(ip, "name") != 0 || !hx_text_len(d) || !names_author(d, n)) {
            d = hx_next(d, n, false);
            continue;
        }
        struct buf one = BUF_INIT;
        hx_text(d, &one);
        /* ", A," anywhere in ", " b "," means A is there already */
        char *probe = xasprintf(", %s,", buf_str(&one));
        char *all = xasprintf(", %s,", buf_str(b));
        if (!strstr(all, probe)) {
            if (found++)
                buf_puts(b, ", ");
            buf_puts(b, buf_str(&one));
        }
        free(probe);
        free(all);
        buf_free(&one);
        d = hx_next(d, n, true);
    }
    return found > 0;
}

/* Is n a link to its text's author page after "By" or "Posted by": an <a>
 * whose address ends in "/author/gwenharlow/" (or "/author/gwen-harlow"),
 * whose text is that name ("Gwen Harlow": a theme's "Posted by" link with
 * no class) and whose parent's text opens with the cue? */
static bool
author_page_link(const xmlNode *n)
{
    const char *href = hx_is(n, "a") ? hx_attr(n, "href") : NULL;
    const char *p = href ? strstr(href, "/author/") : NULL;
    if (!p || hx_text_len(n) > 60)
        return false;
    p += 8;
    size_t e = strcspn(p, "/?#");
    if (e < 4 || (p[e] == '/' && p[e + 1] && p[e + 1] != '?' && p[e + 1] != '#'))
        return false;
    char *t = hx_text_collapsed(n);
    size_t i = 0, j = 0;
    bool same = true;
    for (; same && t[i]; i++) {
        if (t[i] == ' ' || t[i] == '-' || t[i] == '.')
            continue;
        while (j < e && p[j] == '-')
            j++;
        same = j < e && tolower((unsigned char)t[i]) == tolower((unsigned char)p[j++]);
    }
    while (j < e && p[j] == '-')
        j++;
    free(t);
    if (!same || !i || j != e || !n->parent)
        return false;
    /* after "By" or "Posted by": a list of other writers' links is none */
    static const char *const leads[] = {"by ",       "posted by ", "written by ",
                                        "words by ", "story by ",  "published by "};
    char *pt = hx_text_collapsed(n->parent);
    bool led = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(leads) && !led; k++)
        led = ing_istarts(pt, strlen(pt), leads[k]);
    free(pt);
    return led;
}

/* Does a byline block's text name a photographer, illustrator or camera
 * operator and no writer ("Jane Roe Staff Photographer" in an "author"
 * block over the reporter's)? A photo's credit, not the byline. */
static bool
photo_credit(const char *t, size_t n)
{
    static const char *const photo[] = {"photographer", "videographer", "illustrator",
                                        "photo editor", "photos by",    "photo by"};
    static const char *const writer[] = {"writer",     "reporter", "correspondent", "columnist",
                                         "journalist", "words",    "text by",       "written by"};
    size_t len;
    return ing_ifind_first(t, n, photo, DS_ARRAY_LEN(photo), &len) &&
           !ing_ifind_first(t, n, writer, DS_ARRAY_LEN(writer), &len) && !ing_istarts(t, n, "by ");
}

/* See html.h. */
char *
html_block_byline(xmlNode *n, const char *match)
{
    const char *rel = hx_attr(n, "rel"), *ip = hx_attr(n, "itemprop");
    /* "authorization" (a sign-in box) is not "author" */
    bool named = hx_has_word(match, byline_words) && !ing_ifind(match, strlen(match), "authoriz");
    if (!((rel && strcmp(rel, "author") == 0) || (ip && strstr(ip, "author")) || named ||
          author_page_link(n)))
        return NULL;
    size_t len = hx_text_len(n);
    if (len == 0 || len >= 100)
        return NULL;
    struct buf b = BUF_INIT;
    if (!byline_names(n, &b))
        byline_text(n, &b);
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    if (!b.len || photo_credit(buf_str(&b), b.len)) {
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

/* White space in b as single spaces, in place: tabs and no-break spaces
 * (U+00A0) too, so "Jane Doe&nbsp;&nbsp; Monday" reads "Jane Doe Monday".
 * Line breaks stay (html_clean_byline stops at one). */
static void
squeeze_spaces(char *b)
{
    char *w = b;
    for (const char *p = b; *p;) {
        bool sp = *p == ' ' || *p == '\t';
        size_t len = 1;
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            sp = true;
            len = 2;
        }
        if (sp && w > b && w[-1] != ' ')
            *w++ = ' ';
        else if (!sp)
            *w++ = *p;
        p += len;
    }
    *w = '\0';
}

/* Length of s[0..n) without a last word that is one of words (compared
 * without case, a ',' or '.' after it allowed), when at least keep words
 * stay before it; n when there is no such word. */
static size_t
without_last_word(const char *s, size_t n, const char *const *words, int keep)
{
    size_t e = n;
    while (e && (s[e - 1] == ',' || s[e - 1] == '.'))
        e--;
    size_t b = e;
    while (b && s[b - 1] != ' ')
        b--;
    if (!b || ing_count_words(s, b) < keep)
        return n;
    for (const char *const *w = words; *w; w++)
        if (e - b == strlen(*w) && strncasecmp(s + b, *w, e - b) == 0)
            return b;
    return n;
}

/* Words that say what the writer does ("Staff Writer", "Chief Political
 * Correspondent"; a plural counts). "Staff" alone is no role: "Our Foreign
 * Staff" is a desk's byline, not a name and a job. */
static const char *const roles[] = {"writer",    "reporter",    "correspondent", "editor",
                                    "columnist", "contributor", "journalist",    "producer",
                                    "critic",    "photographer", NULL};

/* Does word w[0..n) start with one of roles ("writers")? */
static bool
is_role(const char *w, size_t n)
{
    for (const char *const *r = roles; *r; r++)
        if (n >= strlen(*r) && n <= strlen(*r) + 1 && strncasecmp(w, *r, strlen(*r)) == 0)
            return true;
    return false;
}

/* Words that go with a role ("Chief Political Correspondent"). */
static const char *const role_words[] = {
    "senior", "chief", "special", "contributing", "political", "foreign", "staff", "business",
    "economics", "science", "sports", "technology", "tech", "health", "news", "associate",
    "deputy", "managing", "executive", "investigative", "legal", "national", "international",
    "diplomatic", "world", "guest", "freelance", "opinion", "features", "culture", "arts",
    "education", "environment", "security", "defence", "defense", "crime", "city", NULL};

/* Is w[0..n) a role or a word that goes with one? */
static bool
is_role_word(const char *w, size_t n)
{
    if (is_role(w, n))
        return true;
    for (const char *const *r = role_words; *r; r++)
        if (n == strlen(*r) && strncasecmp(w, *r, n) == 0)
            return true;
    return false;
}

/* Length of s[0..n) without the writer's job after the names: ", Staff
 * Writer", ", Senior Correspondent" (the last comma's part: up to four
 * words, one a role), or role words ending in a role right after two or
 * more words of name ("Jane Doe Political Editor"). n when there is none;
 * "Our Foreign Staff" (one word of name left) stays. */
static size_t
without_role(const char *s, size_t n)
{
    const char *last = NULL;
    for (const char *c = ing_ifind(s, n, ", "); c;
         c = ing_ifind(c + 2, n - (size_t)(c + 2 - s), ", "))
        last = c;
    if (last && last > s) {
        const char *t = last + 2;
        size_t tl = n - (size_t)(t - s);
        bool role = false;
        for (size_t i = 0; i < tl;) {
            size_t j = i;
            while (j < tl && t[j] != ' ')
                j++;
            role = role || is_role(t + i, j - i);
            i = j + 1;
        }
        if ((role && ing_count_words(t, tl) <= 4) || ing_istarts(t, tl, "special to "))
            return (size_t)(last - s); /* ", Staff Writer", ", Special to the Ledger" */
    }
    size_t start = n;
    bool ends_in_role = false;
    while (start) {
        size_t p = start - (start < n); /* before the space that ends this word */
        size_t w = p;
        while (w && s[w - 1] != ' ')
            w--;
        if (start == n ? !is_role(s + w, p - w) : !is_role_word(s + w, p - w))
            break;
        ends_in_role = true;
        start = w;
    }
    return ends_in_role && start && ing_count_words(s, start) >= 2 ? start : n;
}

/* Trailing spaces and separators off s[0..cut). */
static size_t
trim_tail(const char *s, size_t cut)
{
    while (cut && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == '-' ||
                   s[cut - 1] == ':' || s[cut - 1] == '|'))
        cut--;
    return cut;
}

/* See html.h. */
char *
html_author_address_name(const char *href)
{
    static const char *const dirs[] = {"/author/", "/authors/", "/staff/", "/writers/", "/people/",
                                       "/profile/", NULL};
    const char *p = NULL;
    for (const char *const *d = dirs; *d && !p; d++)
        p = href ? strstr(href, *d) : NULL;
    if (!p)
        return NULL;
    p = strchr(p + 1, '/') + 1;
    size_t e = strcspn(p, "/?#");
    if (p[e] == '/' && p[e + 1] && p[e + 1] != '?' && p[e + 1] != '#')
        return NULL; /* a deeper path: not the author's own page */
    struct buf b = BUF_INIT;
    int words = 0;
    for (size_t i = 0; i < e; i++) {
        if (p[i] == '-') {
            if (!b.len || b.data[b.len - 1] == ' ')
                break;
            buf_putc(&b, ' ');
        } else if (isalpha((unsigned char)p[i])) {
            bool head = !b.len || b.data[b.len - 1] == ' ';
            words += head;
            buf_putc(&b, (char)(head ? toupper((unsigned char)p[i]) : tolower((unsigned char)p[i])));
        } else {
            words = 0; /* a number or a sign: an id, no name */
            break;
        }
    }
    /* two or three words of letters: "delia-brandt", "ana-de-souza" */
    if (words < 2 || words > 3 || !b.len || b.data[b.len - 1] == ' ') {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

/* See html.h. */
char *
html_clean_byline(char *b)
{
    if (!b)
        return NULL;
    squeeze_spaces(b);
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
    static const char *const stops[] = {
        " - ", " \xe2\x80\x94", " \xe2\x80\x93 ", " \xe2\x80\xa2", " | ", " @", "\n", " edited by ",
        " photographs by ", " photos by ", " illustrations by ", " updated ",
        /* "Par X avec AFP": the agency helped, X wrote */
        " avec ",
        /* a bio in an author block ("X is a staff writer
         * covering ..."), "X for the Valley Ledger" */
        " is a ", " is an ", " is the ", " covers ", " writes about ", " for the ", NULL};
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
    /* a weekday left of the date cut off ("Jane Doe Monday, March 2") */
    static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    if (cut < n)
        cut = without_last_word(s, trim_tail(s, cut), weekdays, 1);
    cut = trim_tail(s, without_role(s, trim_tail(s, cut)));
    char *r = cut && cut <= 100 && !byline_label_only(s, cut) ? xstrndup(s, cut) : NULL;
    free(b);
    return r;
}
