/*
 * ingest/copies.c — what a copy of an article adds around it, by shape:
 * the dateline a press-release service writes ("BOSTON, March 5, 2024
 * /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS WIRE)--Mar 12, 2024--"),
 * which dates the release and names the service that carried it; and the
 * lines a browser or a site's print view adds to a printed page (the
 * browser's header "12/18/24, 9:05 AM<tab>Title | Site" and footer
 * "https://...<tab>1/2", "Print this page | Close window", "Printer-
 * friendly version", "Article printed from X: https://...", "URL to
 * article: ...", "Printed on <date> from ..."), which are the copy's and
 * not the article's: the print date is never the article's date. Also
 * the credits a syndicated or wire copy ends with: "This story was
 * originally published by X" (X is the outlet when nothing else names
 * one) and "(Reporting by X; Editing by Y)" (X is the byline when the copy
 * has none). And the running heads and feet a page turned into text by a
 * PDF converter repeats ("A3 | THE X STANDARD | TUESDAY, MARCH 12, 2024",
 * "Thursday, May 16, 2024   The X   Page 1 of 2", "X STANDARD   3"): the
 * paper's name and the edition's date, never the article's text.
 */
#include "config.h"

#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

#define RELEASE_HEAD 200 /* bytes of a paragraph a release dateline fits in */

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Does a dash ("-", "--", an em or en dash) start at s[i]? */
static bool
dash_at(const char *s, size_t n, size_t i)
{
    return (i < n && s[i] == '-') ||
           (i + 3 <= n && (memcmp(s + i, "\xe2\x80\x94", 3) == 0 ||
                           memcmp(s + i, "\xe2\x80\x93", 3) == 0));
}

/* A service's name as a release writes it: letters, digits, '.', '-' and
 * spaces, 3 to 40 bytes, starting with a letter. */
static bool
service_name(const char *s, size_t n)
{
    if (n < 3 || n > 40 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' ||
              c == '-' || c == ' '))
            return false;
    }
    return true;
}

/* "PLACE, Month D, YYYY /Service/ --": the service between slashes after a
 * dated place, then a dash. */
static bool
slash_release(const char *s, size_t n, struct ing_release *r)
{
    size_t lim = DS_MIN(n, (size_t)RELEASE_HEAD);
    for (size_t i = 1; i + 2 < lim; i++) {
        if (s[i] != '/' || s[i - 1] != ' ')
            continue;
        const char *close = memchr(s + i + 1, '/', lim - i - 1);
        if (!close)
            return false;
        size_t a = i + 1, b = (size_t)(close - s), k = b + 1;
        while (k < n && s[k] == ' ')
            k++;
        struct ing_date dt;
        size_t at;
        if (!service_name(s + a, b - a) || !dash_at(s, n, k) ||
            !ing_find_date(s, i, &dt, &at) || !dt.y || !dt.d)
            return false;
        r->date = dt;
        r->service = s + a;
        r->servicel = b - a;
        return true;
    }
    return false;
}

/* "PLACE--(SERVICE)--Mar 12, 2024--": the service in parentheses between
 * double dashes after the place, the date after it. */
static bool
paren_release(const char *s, size_t n, struct ing_release *r)
{
    size_t lim = DS_MIN(n, (size_t)RELEASE_HEAD);
    const char *open = ing_ifind(s, lim, "--(");
    if (!open || open == s || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    size_t a = (size_t)(open - s) + 3;
    const char *close = ing_ifind(s + a, lim - a, ")--");
    if (!close)
        return false;
    size_t b = (size_t)(close - s), k = b + 3;
    struct ing_date dt = {0, 0, 0};
    size_t e = ing_date_at(s, n, k, &dt);
    if (!service_name(s + a, b - a) || (e && (!dt.y || !dt.d)))
        return false;
    /* a page's release may print its date above, not after the service:
     * "NASHVILLE, Tenn.--(BUSINESS WIRE)--Harlow Health said ..." */
    r->date = e ? dt : (struct ing_date){0, 0, 0};
    r->service = s + a;
    r->servicel = b - a;
    return true;
}

/* "RENO, NV / ACCESSWIRE / April 2, 2024 / Company said ...": the place,
 * the service and the date as fields between " / ". */
static bool
slashed_fields_release(const char *s, size_t n, struct ing_release *r)
{
    size_t lim = DS_MIN(n, (size_t)RELEASE_HEAD);
    const char *f1 = ing_ifind(s, lim, " / ");
    const char *f2 = f1 ? ing_ifind(f1 + 3, lim - (size_t)(f1 + 3 - s), " / ") : NULL;
    const char *f3 = f2 ? ing_ifind(f2 + 3, lim - (size_t)(f2 + 3 - s), " /") : NULL;
    struct ing_date dt;
    if (!f3 || f1 - s > 40 || !service_name(f1 + 3, (size_t)(f2 - f1 - 3)) ||
        !ing_parse_date_whole(f2 + 3, (size_t)(f3 - f2 - 3), &dt) || !dt.y || !dt.d)
        return false;
    r->date = dt;
    r->service = f1 + 3;
    r->servicel = (size_t)(f2 - f1 - 3);
    return true;
}

/* "TOKYO, Mar 4, 2024 - (JCN Newswire) - Company announced ...": a dated
 * place, then the service in parentheses between dashes. */
static bool
dash_paren_release(const char *s, size_t n, struct ing_release *r)
{
    size_t lim = DS_MIN(n, (size_t)RELEASE_HEAD);
    const char *open = ing_ifind(s, lim, " - (");
    const char *close = open ? ing_ifind(open + 4, lim - (size_t)(open + 4 - s), ") - ") : NULL;
    struct ing_date dt;
    size_t at;
    if (!close || !service_name(open + 4, (size_t)(close - open - 4)) ||
        !ing_find_date(s, (size_t)(open - s), &dt, &at) || !dt.y || !dt.d)
        return false;
    r->date = dt;
    r->service = open + 4;
    r->servicel = (size_t)(close - open - 4);
    return true;
}

/* See lib.h. */
bool
ing_is_release_dateline(const char *s, size_t n, struct ing_release *r)
{
    memset(r, 0, sizeof *r);
    if (n < 20 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    if (!slash_release(s, n, r) && !paren_release(s, n, r) && !slashed_fields_release(s, n, r) &&
        !dash_paren_release(s, n, r))
        return false;
    /* "EINPresswire.com": the service, not its address */
    if (r->servicel > 4 && ing_ieq(r->service + r->servicel - 4, 4, ".com"))
        r->servicel -= 4;
    return true;
}

/* "12/18/24, 9:05 AM": a browser's print stamp at s[0], numeric date then
 * a time; the index after it, or 0. */
static size_t
print_stamp(const char *s, size_t n)
{
    size_t i = 0;
    for (int part = 0; part < 3; part++) {
        size_t b = i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i == b || i - b > 4)
            return 0;
        if (part < 2 && (i >= n || s[i++] != '/'))
            return 0;
    }
    if (i + 2 >= n || s[i] != ',' || s[i + 1] != ' ')
        return 0;
    i += 2;
    size_t b = i;
    while (i < n && (is_digit(s[i]) || s[i] == ':'))
        i++;
    if (i == b || i - b > 5 || i >= n || s[i] != ' ')
        return 0;
    i++;
    if (i + 2 > n || !(ing_istarts(s + i, n - i, "AM") || ing_istarts(s + i, n - i, "PM")))
        return 0;
    return i + 2;
}

/* Does s end with a browser's page counter after a tab or wide space:
 * "https://example.com/story<tab>1/2", "about:blank<tab>1/1"? */
static bool
print_footer(const char *s, size_t n)
{
    size_t i = n;
    while (i && (is_digit(s[i - 1]) || s[i - 1] == '/'))
        i--;
    if (i == n || i == 0 || !memchr(s + i, '/', n - i) || !(s[i - 1] == '\t' || s[i - 1] == ' '))
        return false;
    return ing_istarts(s, n, "http://") || ing_istarts(s, n, "https://") ||
           ing_istarts(s, n, "about:") || ing_istarts(s, n, "file:");
}

/* See lib.h. */
bool
ing_is_print_line(const char *s, size_t n, const char **site, size_t *sitel)
{
    static const char *const whole[] = {"print this page",     "print this article",
                                        "printer-friendly version", "printer friendly version",
                                        "print view",          "click here to print",
                                        "click here to print.", "close window",
                                        "return to the full article", "back to the article"};
    *site = NULL;
    *sitel = 0;
    if (n == 0 || n > 300)
        return false;
    size_t stamp = print_stamp(s, n);
    if (stamp && stamp < n && (s[stamp] == '\t' || s[stamp] == ' '))
        return true; /* the browser's header: print time and the page's title */
    if (print_footer(s, n))
        return true;
    for (size_t k = 0; k < DS_ARRAY_LEN(whole); k++) {
        size_t wl = strlen(whole[k]);
        if (ing_ieq(s, n, whole[k]) ||
            (ing_istarts(s, n, whole[k]) && (ing_istarts(s + wl, n - wl, " | ") ||
                                             ing_istarts(s + wl, n - wl, " \xc2\xb7 "))))
            return true; /* "Print this page | Close window" */
    }
    if (ing_istarts(s, n, "url to article:") || ing_istarts(s, n, "url to this article:"))
        return true;
    if (ing_istarts(s, n, "printed on ") || ing_istarts(s, n, "printed from "))
        return ing_ifind(s, n, "http") != NULL;
    static const char *const from = "article printed from ";
    if (ing_istarts(s, n, from)) {
        const char *colon = ing_ifind(s, n, ": http");
        if (!colon)
            return false;
        *site = s + strlen(from);
        *sitel = (size_t)(colon - *site);
        return true;
    }
    return false;
}

/* See lib.h. */
void
ing_print_site(struct ing_doc *d, const char *s, size_t n)
{
    const char *canon = s ? outlets_match(d->outlets, s, n) : NULL;
    if (canon)
        ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
    else if (s && ing_outlet_like(s, n, true))
        ing_set_source(d, s, n, RANK_SOURCE_UNKNOWN);
}

/* See lib.h. */
bool
ing_republished_credit(struct ing_doc *d, const char *s, size_t n)
{
    static const char *const verbs[] = {" originally published by ", " originally published in ",
                                        " originally appeared in ", " originally appeared on ",
                                        " first appeared in ", " first appeared on "};
    if (!ing_istarts(s, n, "this ") || ing_count_words_max(s, n, 41) > 40)
        return false;
    size_t vl = 0;
    const char *v = ing_ifind_first(s, n, verbs, DS_ARRAY_LEN(verbs), &vl);
    if (!v || ing_count_words_max(s, (size_t)(v - s), 6) > 5)
        return false; /* "This article was ...": the credit opens the line */
    const char *name = v + vl;
    size_t nl = strcspn(name, ".,;(");
    if (nl > (size_t)(s + n - name))
        nl = (size_t)(s + n - name);
    while (nl && name[nl - 1] == ' ')
        nl--;
    const char *and = ing_ifind(name, nl, " and "); /* "X and is republished here" */
    if (and)
        nl = (size_t)(and - name);
    const char *on = ing_ifind(name, nl, " on "); /* "by X on March 4, 2024" */
    if (on)
        nl = (size_t)(on - name);
    const char *canon = outlets_match(d->outlets, name, nl);
    /* the copy's own outlet, if anything names it, wins over the original */
    if (canon)
        ing_set_source(d, canon, strlen(canon), RANK_FURNITURE);
    else if (ing_outlet_like(name, nl, true))
        ing_set_source(d, name, nl, RANK_FURNITURE_UNKNOWN);
    else
        return false;
    return true;
}

/* See lib.h. */
void
ing_credit_byline(struct ing_doc *d, const char *s, size_t n)
{
    if (d->a->byline || n < 16)
        return;
    size_t i = s[0] == '(' ? 1 : 0;
    if (!ing_istarts(s + i, n - i, "reporting by "))
        return;
    i += 13;
    size_t e = i;
    while (e < n && s[e] != ';' && s[e] != ')' && s[e] != ',')
        e++;
    const char *and = ing_ifind(s + i, e - i, " and ");
    if (and)
        e = (size_t)(and - s); /* the first reporter */
    const char *in = ing_ifind(s + i, e - i, " in ");
    if (in && in[4] >= 'A' && in[4] <= 'Z')
        e = (size_t)(in - s); /* "Reporting by Jane Roe in Helsinki; ..." */
    while (e > i && s[e - 1] == ' ')
        e--;
    struct ing_name_shape ns;
    if (e > i && ing_name_shape(s + i, e - i, &ns) && ns.person)
        d->a->byline = ing_dupn(s + i, e - i);
}

/* ---- a PDF's running heads ------------------------------------------------------------ */

/* A folio: "3", "A3", "B12", "Page 3", "Page 1 of 2", "p. 4". */
static bool
folio(const char *s, size_t n)
{
    size_t i = 0;
    if (ing_istarts(s, n, "page "))
        i = 5;
    else if (ing_istarts(s, n, "p. "))
        i = 3;
    else if (n >= 2 && s[0] >= 'A' && s[0] <= 'Z' && is_digit(s[1]))
        i = 1;
    size_t d = i;
    while (i < n && is_digit(s[i]))
        i++;
    if (i == d || i - d > 3)
        return false;
    if (i < n && ing_istarts(s + i, n - i, " of ")) {
        size_t j = i + 4, e = j;
        while (e < n && is_digit(s[e]))
            e++;
        return e > j && e == n;
    }
    return i == n;
}

/* An issue's season or month and year ("SPRING 2024", "March 2024"). */
static bool
issue_period(const char *s, size_t n)
{
    static const char *const seasons[] = {"spring ", "summer ", "autumn ", "fall ", "winter "};
    size_t i = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(seasons) && !i; k++)
        if (ing_istarts(s, n, seasons[k]))
            i = strlen(seasons[k]);
    if (!i)
        return false;
    return n - i == 4 && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]);
}

/* The next field of a running head from s[*i]: fields are separated by
 * " | " or a run of three or more spaces. false at the end. */
static bool
head_field(const char *s, size_t n, size_t *i, const char **f, size_t *fl)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '|'))
        (*i)++;
    if (*i >= n)
        return false;
    size_t a = *i, e = a;
    while (e < n && !(s[e] == '|' || (e + 2 < n && s[e] == ' ' && s[e + 1] == ' ' && s[e + 2] == ' ')))
        e++;
    *i = e;
    while (e > a && s[e - 1] == ' ')
        e--;
    *f = s + a;
    *fl = e - a;
    return true;
}

/* See lib.h. */
bool
ing_is_running_head(const char *s, size_t n, struct ing_running_head *h)
{
    memset(h, 0, sizeof *h);
    if (n > 160 || n < 5)
        return false;
    const char *f;
    size_t fl, i = 0, fields = 0, other = 0;
    bool marks = false;
    while (head_field(s, n, &i, &f, &fl)) {
        fields++;
        struct ing_date dt;
        if (folio(f, fl) || issue_period(f, fl)) {
            marks = true;
        } else if (!h->date.y && ing_parse_date_whole(f, fl, &dt) && dt.d) {
            h->date = dt;
            marks = true;
        } else if (!h->name && ing_outlet_like(f, fl, true)) {
            h->name = f;
            h->namel = fl;
        } else {
            other++;
        }
    }
    return fields >= 2 && marks && h->name && !other;
}

/* See lib.h. */
void
ing_running_heads(struct ing_doc *d)
{
    bool first = true;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        struct ing_running_head h;
        if (l->blank || l->why || !ing_is_running_head(l->t, l->tl, &h))
            continue;
        l->why = "running-head";
        if (!first)
            continue;
        first = false;
        const char *canon = outlets_match(d->outlets, h.name, h.namel);
        ing_set_source(d, canon ? canon : h.name, canon ? strlen(canon) : h.namel,
                       canon ? RANK_ALONE : RANK_ALONE_UNKNOWN);
        if (h.date.y)
            ing_set_date(d->a, &h.date, DATE_ISO_LINE);
    }
}

/* See lib.h. */
size_t
ing_prev_line(const struct ing_doc *d, size_t i)
{
    while (i-- > 0)
        if (!d->lines[i].blank)
            return i;
    return (size_t)-1;
}

/* See lib.h. */
bool
ing_topic_words(const char *name, size_t n)
{
    static const char *const words[] = {
        "live",      "updates",   "update",  "latest",   "breaking",      "news",       "world",
        "cup",       "climate",   "change",  "markets",  "market",        "report",     "analysis",
        "opinion",   "video",     "videos",  "photos",   "photo",         "gallery",    "new",
        "york",      "middle",    "east",    "west",     "north",         "south",      "united",
        "states",    "kingdom",   "nations", "national", "international", "global",     "business",
        "politics",  "sport",     "sports",  "health",   "science",       "technology", "tech",
        "election",  "elections", "war",     "top",      "stories",       "story",      "exclusive",
        "special",   "today",     "weekly",  "daily",    "morning",       "evening",    "briefing",
        "explainer", "review",    "travel",  "food",     "culture",       "arts",       "money",
        "economy",   "finance",   "weather", "crime",    "courts",        "city",       "county",
        "local",     "region",    "europe",  "asia",     "africa",        "america",    "street",
        "house",     "fact",      "check",   "hong",     "kong",          "los",        "angeles",
        "san",       "las",       "first",   "look",     "quick",         "take"};
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && name[e] != ' ')
            e++;
        if (ing_ieq_any(name + i, e - i, words, DS_ARRAY_LEN(words)))
            return true;
        i = e + 1;
    }
    return false;
}

/* See lib.h. */
bool
ing_caption_byline(struct ing_doc *d, const struct ing_doc_line *l)
{
    const char *bar = l->tl <= 80 ? ing_ifind(l->t, l->tl, " | ") : NULL;
    if (d->a->byline || !bar || ing_ifind(bar + 3, l->tl - (size_t)(bar + 3 - l->t), " | ") ||
        ing_is_caption_like(l))
        return false;
    const char *name = l->t, *right = bar + 3;
    size_t nl = (size_t)(bar - l->t), rl = l->tl - (size_t)(right - l->t);
    if (ing_istarts(name, nl, "by ")) {
        name += 3;
        nl -= 3;
    }
    struct ing_name_shape ns;
    if (!ing_name_shape(name, nl, &ns) || !ns.person || ns.words < 2 || ns.words > 4 ||
        ing_topic_words(name, nl))
        return false;
    const char *canon = outlets_match(d->outlets, right, rl);
    if (!canon && !ing_outlet_like(right, rl, false))
        return false;
    ing_set_source(d, canon ? canon : right, canon ? strlen(canon) : rl,
                   canon ? RANK_BYLINE : RANK_ALONE_UNKNOWN);
    d->a->byline = ing_dupn(name, nl);
    return true;
}

/* ---- an e-reader's clippings file ----------------------------------------------------- */

/* "- Your Highlight on Location 12-15 | Added on Sunday, April 21, 2024
 * 9:47:03 PM": the line a Kindle writes under each clipping's "Title
 * (Author)" (the date is the reader's, not the article's). */
static bool
clipping_stamp(const struct ing_doc_line *l)
{
    static const char *const heads[] = {"- your highlight", "- your note", "- your bookmark",
                                        "- your clipping"};
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++)
        if (ing_istarts(l->t, l->tl, heads[k]) && ing_ifind(l->t, l->tl, "added on "))
            return true;
    return false;
}

/* See lib.h. */
void
ing_reader_clippings(struct ing_doc *d)
{
    size_t first = d->n, second = d->n;
    for (size_t i = 0; i < d->n && second == d->n; i++)
        if (ing_is_content(&d->lines[i]))
            *(first == d->n ? &first : &second) = i;
    if (second == d->n || !clipping_stamp(&d->lines[second]))
        return;
    for (size_t i = second; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        size_t eq = 0;
        while (eq < l->tl && l->t[l->tl - 1 - eq] == '=')
            eq++;
        if (!ing_is_content(l))
            continue;
        if (clipping_stamp(l) || (eq >= 8 && eq == l->tl)) {
            l->why = "clipping";
        } else if (eq >= 8 && l->t[l->tl - 1 - eq] == ' ') { /* the rule joined to the line above */
            buf_printf(&d->cut, "clipping\t%.*s\n", (int)eq, l->t + l->tl - eq);
            l->tl -= eq + 1;
        }
    }
    /* "Title (Author)": the author in brackets at the end */
    struct ing_doc_line *t = &d->lines[first];
    const char *open = t->tl > 4 && t->t[t->tl - 1] == ')' ? NULL : t->t;
    for (size_t k = t->tl; !open && k-- > 1;)
        if (t->t[k] == '(' && t->t[k - 1] == ' ')
            open = t->t + k;
    struct ing_name_shape ns;
    size_t nl = open && open != t->t ? (size_t)(t->t + t->tl - open) - 2 : 0;
    if (!nl || !ing_name_shape(open + 1, nl, &ns) || !ns.person)
        return;
    if (!d->a->byline)
        d->a->byline = ing_dupn(open + 1, nl);
    buf_printf(&d->cut, "byline\t%.*s\n", (int)(nl + 2), open);
    t->tl = (size_t)(open - t->t) - 1;
}
