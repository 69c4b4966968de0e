/*
 * ingest/html_dates.c — dates a web page shows but no tag states: an
 * element just after the headline whose text is a date or a date line
 * ("Aug 02, 2023", "Stefan Roe | May 9, 2024, 3:15 PM", "Submitted by X on
 * Thu, 03/21/2024 - 10:22", numeric dates read day first on a day-first
 * region's page), "2 hours ago" counted back from a saved copy's saving
 * time, a "Last modified" footer, and an epoch a script would have written
 * into an element (data-timestamp). html_meta.c calls html_date_elements
 * after the tags and <time> found nothing.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* "YYYY-MM-DD" of a Unix time in seconds or milliseconds (10 or 13
 * digits: data-timestamp="1709721000000"), or NULL. */
static char *
epoch_day(const char *v)
{
    size_t len = v ? strspn(v, "0123456789") : 0;
    if (!v || v[len] || (len != 10 && len != 13))
        return NULL;
    long long t = strtoll(v, NULL, 10);
    if (len == 13)
        t /= 1000;
    if (t < 631152000LL || t > 4102444800LL) /* 1990 to 2100 */
        return NULL;
    long long days = t / 86400;
    /* civil from days (Howard Hinnant's algorithm) */
    long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1, mo = mp < 10 ? mp + 3 : mp - 9;
    return xasprintf("%04lld-%02lld-%02lld", yoe + era * 400 + (mo <= 2), mo, d);
}

/* Is n in a list of other stories, a table or an aside (or one itself)? */
static bool
outside_story(const xmlNode *n)
{
    static const char *const tags[] = {"li", "aside", "td", "th", "nav", "footer", NULL};
    for (const char *const *t = tags; *t; t++)
        if (hx_is(n, *t) || hx_has_ancestor(n, *t, 0))
            return true;
    return false;
}

/* Does n or one of its three nearest ancestors have a class of the
 * article's header ("post-meta", "byline", "date", "timestamp")? */
static bool
meta_class_near(const xmlNode *n)
{
    static const char *const words[] = {"meta",   "date",   "time",  "byline", "publish", "posted",
                                        "author", "header", "fecha", "datum",  "tarih", NULL};
    for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < 4; up++, n = n->parent) {
        const char *c = hx_attr(n, "class");
        for (const char *const *w = words; c && *w; w++)
            if (ing_ifind(c, strlen(c), *w))
                return true;
    }
    return false;
}

/* A date a script fills in from an attribute (data-timestamp, data-time,
 * data-epoch) of an element just after the headline: saved before the
 * script ran, the element is empty. */
static void
read_epoch_attr(xmlNode *root, struct html_meta *m)
{
    static const char *const attrs[] = {"data-timestamp", "data-time", "data-epoch",
                                        "data-published", NULL};
    bool after_h1 = false;
    int looked = 0;
    for (xmlNode *n = root; n && !m->published && looked < 40; n = hx_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (hx_is(n, "h1"))
            after_h1 = true;
        if (!after_h1 || hx_is(n, "h1"))
            continue;
        looked++;
        if (outside_story(n))
            continue;
        for (const char *const *a = attrs; *a && !m->published; a++)
            m->published = epoch_day(hx_attr(n, *a));
    }
}

/* Does n hold some text, and at most cap bytes of it? Stops counting past
 * cap: every element of a big page is asked. */
bool
html_text_within(xmlNode *n, size_t cap)
{
    size_t sum = 0;
    for (xmlNode *c = n; c; c = hx_next(c, n, false)) {
        if (c->type == XML_TEXT_NODE && c->content)
            sum += strnlen((const char *)c->content, cap + 1);
        if (sum > cap)
            return false;
    }
    return sum > 0;
}

/* How the page orders numeric dates (ING_ORDER_*). Only the United States
 * (and the Philippines, Canada in part) write the month first: a page
 * whose language names another region ("en-GB", "fr", "de-AT") or whose
 * address ends in such a country's domain (".co.uk", ".ie", ".au") is read
 * day first, an "en-US" page month first; a bare "en" or no language with
 * no such address says neither (its ambiguous dates are refused). */
static int
page_numeric_order(xmlNode *root, const struct html_meta *m)
{
    const char *lang = hx_attr(root, "lang");
    size_t ll = lang ? strlen(lang) : 0;
    if (ll >= 2 && !ing_istarts(lang, ll, "en"))
        return ING_ORDER_DAY_FIRST;
    if (ll > 3 && (lang[2] == '-' || lang[2] == '_'))
        return ing_ieq(lang + 3, ll - 3, "us") || ing_ieq(lang + 3, ll - 3, "ph") ||
                       ing_ieq(lang + 3, ll - 3, "ca")
                   ? ING_ORDER_MONTH_FIRST
                   : ING_ORDER_DAY_FIRST;
    static const char *const tlds[] = {".uk", ".ie", ".au", ".nz", ".in", ".za", ".sg", NULL};
    const char *u = m->url;
    size_t hl = 0;
    if (u && (u = strstr(u, "://")) != NULL) {
        u += 3;
        hl = strcspn(u, "/:?#");
    }
    for (const char *const *t = tlds; hl && *t; t++)
        if (hl > strlen(*t) && ing_ieq(u + hl - strlen(*t), strlen(*t), *t))
            return ING_ORDER_DAY_FIRST;
    return ING_ORDER_UNKNOWN;
}

/* The weekday a date text names before its numbers at num ("Tue,
 * 04/09/2024"), 0 for Sunday, or -1. */
static int
weekday_before(const char *t, const char *num)
{
    static const char *const days[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (const char *p = t; p + 3 <= num; p++) {
        if (p > t && isalpha((unsigned char)p[-1]))
            continue;
        size_t wl = 0;
        while (p + wl < num && isalpha((unsigned char)p[wl]))
            wl++;
        for (int k = 0; k < 7 && wl >= 3 && wl <= 9; k++)
            if (ing_istarts(p, wl, days[k]))
                return k;
    }
    return -1;
}

/* A numeric "03/21/2024" in t: month first as Drupal's default "Thu,
 * 03/21/2024 - 10:22" writes it (day first on a page that writes dates so),
 * day first also when the first number cannot be a month; refused when
 * both numbers could be the month on a page of no known order. */
static bool
slash_date(const char *t, int order, struct ing_date *dt)
{
    bool day_first = order == ING_ORDER_DAY_FIRST;
    for (const char *p = t; *p; p++) {
        int a, b, y, used = 0;
        if ((p > t && p[-1] >= '0' && p[-1] <= '9') || *p < '0' || *p > '9')
            continue;
        if (sscanf(p, "%2d/%2d/%4d%n", &a, &b, &y, &used) != 3 || used < 8 || y < 1900)
            continue;
        if (p[used] >= '0' && p[used] <= '9')
            continue;
        bool df = a > 12 || (day_first && b <= 12);
        if (order == ING_ORDER_UNKNOWN && a <= 12 && b <= 12 && a != b) {
            /* both could be the month: the weekday the text names decides */
            int wd = weekday_before(t, p);
            bool m_ok = wd >= 0 && ing_weekday_of(y, a, b) == wd;
            bool d_ok = wd >= 0 && ing_weekday_of(y, b, a) == wd;
            if (m_ok == d_ok)
                return false;
            df = d_ok;
        }
        int mo = df ? b : a, d = df ? a : b;
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            return false;
        *dt = (struct ing_date){.y = y, .m = mo, .d = d};
        return true;
    }
    return false;
}

/* "Stefan Labbé | May 9, 2024, 3:15 PM", "Valencia - 5 de marzo de 2024 -
 * 11:20 CET": the date of a header line's field after a bar, a middle dot
 * or a dash, when that field is a whole date. */
static bool
field_date(const char *t, size_t tl, struct ing_date *dt)
{
    static const char *const seps[] = {" | ", " \xc2\xb7 ", " \xe2\x80\xa2 ", " - "};
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        size_t sl = strlen(seps[k]);
        for (const char *hit = ing_ifind(t, tl, seps[k]); hit;) {
            const char *f = hit + sl;
            const char *next = ing_ifind(f, tl - (size_t)(f - t), seps[k]);
            size_t fl = next ? (size_t)(next - f) : tl - (size_t)(f - t);
            if (ing_parse_date_whole(f, fl, dt))
                return true;
            hit = next;
        }
    }
    return false;
}

/* After a date: only a time, possibly after one word ("4 марта 2024 г.,
 * 12:40", "4 Mart 2024 Pazartesi 09:15": a year's abbreviation or a
 * weekday in the page's language). */
static bool
time_after_date(const char *s, size_t n)
{
    if (ing_only_time(s, n))
        return true;
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t w = i;
    while (w < n && s[w] != ' ' && s[w] != ',')
        w++;
    return w > i && w - i <= 20 && ing_only_time(s + w, n - w);
}

/* A date element's "Label: date" or "Weekday, date" in any language
 * ("Опубликовано: 4 марта 2024 г., 12:40", "نشر في: 4 مارس 2024 - 10:30",
 * "Thứ hai, 4/3/2024, 09:15 (GMT+7)"): a lead of one to three words
 * before the first ": " or ", ", then a whole date (a numeric one in the
 * page's order). */
static bool
labelled_date(const char *t, size_t tl, int order, struct ing_date *dt)
{
    const char *colon = ing_ifind(t, tl < 48 ? tl : 48, ": ");
    const char *comma = ing_ifind(t, tl < 48 ? tl : 48, ", ");
    const char *lead_end = colon && (!comma || colon < comma) ? colon : comma;
    if (!lead_end || lead_end == t || ing_count_words(t, (size_t)(lead_end - t)) > 3)
        return false;
    size_t i = (size_t)(lead_end - t) + 2;
    while (i < tl && t[i] == ' ')
        i++;
    size_t e = ing_date_at(t, tl, i, dt);
    if (e && dt->y && dt->d)
        return time_after_date(t + e, tl - e);
    size_t ne = i;
    while (ne < tl && t[ne] != ' ' && t[ne] != ',')
        ne++;
    return order != ING_ORDER_UNKNOWN &&
           ing_numeric_date(t + i, ne - i, order == ING_ORDER_DAY_FIRST, dt) &&
           time_after_date(t + ne, tl - ne);
}

/* The date in a short element's text when the text is a date or a date
 * line ("Aug 02, 2023"; "Submitted by jdoe on Thu, 03/21/2024 - 10:22";
 * "Page last modified: 14 February 2024"), or NULL (also for an element
 * whose text runs longer than a date line: a container of the article). after_h1: the element
 * follows the headline, where a date alone is the article's. */
static char *
element_date(xmlNode *n, bool after_h1, int order)
{
    if (!html_text_within(n, 200))
        return NULL;
    char *t = hx_text_collapsed(n);
    size_t tl = strlen(t);
    struct ing_date dt;
    if (tl > 90) {
        free(t);
        return NULL;
    }
    bool cue = ing_istarts(t, tl, "submitted by ") || ing_istarts(t, tl, "posted ") ||
               ing_istarts(t, tl, "published ") || ing_istarts(t, tl, "published: ") ||
               ing_istarts(t, tl, "page last modified") ||
               ing_istarts(t, tl, "last modified") || ing_istarts(t, tl, "last updated") ||
               ing_istarts(t, tl, "page last updated");
    bool ok = (after_h1 && (ing_parse_date_whole(t, tl, &dt) || field_date(t, tl, &dt) ||
                            labelled_date(t, tl, order, &dt) ||
                            ing_script_label_date(t, tl, &dt))) ||
              (cue && (ing_find_date(t, tl, &dt, NULL) || slash_date(t, order, &dt)));
    free(t);
    return ok && dt.y && dt.m && dt.d ? xasprintf("%04d-%02d-%02d", dt.y, dt.m, dt.d) : NULL;
}

/* A relative date ("2 hours ago") in n's text, counted back from the time
 * the copy was saved, or NULL. */
static char *
relative_element_day(xmlNode *n, const struct html_meta *m)
{
    char *t = hx_text_collapsed(n);
    char *day = html_relative_day(t, m);
    free(t);
    return day;
}

/* The name in "Submitted by Jane Roe on <date>" (Drupal's default), or
 * NULL. */
static char *
submitted_by(const xmlNode *n)
{
    char *t = hx_text_collapsed(n), *name = NULL;
    size_t tl = strlen(t), lead = ing_istarts(t, tl, "submitted by ") ? 13
                                 : ing_istarts(t, tl, "posted by ")  ? 10
                                                                     : 0;
    const char *on = lead ? strstr(t + lead, " on ") : NULL;
    if (on && on > t + lead && ing_count_words_max(t + lead, (size_t)(on - t) - lead, 6) <= 5)
        name = xstrndup(t + lead, (size_t)(on - t) - lead);
    free(t);
    return name;
}

/* The person's name before a bar or a middle dot in a dated header line
 * ("Stefan Labbé | May 9, 2024, 3:15 PM"), or NULL. */
static char *
name_field(const xmlNode *n)
{
    char *t = hx_text_collapsed(n), *name = NULL;
    size_t tl = strlen(t), nl = tl;
    static const char *const seps[] = {" | ", " \xc2\xb7 ", " \xe2\x80\xa2 "};
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(t, tl, seps[k]);
        if (hit && (size_t)(hit - t) < nl)
            nl = (size_t)(hit - t);
    }
    struct ing_name_shape ns;
    if (nl < tl && ing_name_shape(t, nl, &ns) && ns.person)
        name = xstrndup(t, nl);
    free(t);
    return name;
}

/* The writer's name in the element just before a date element, when its
 * class says it is a name ("<span class="name">Park Ji-won</span> <span
 * class="date">Published ...</span>"), or NULL. */
static char *
name_beside(xmlNode *n)
{
    static const char *const words[] = {"name", "author", "writer", "reporter", NULL};
    xmlNode *p = n->prev;
    while (p && p->type != XML_ELEMENT_NODE)
        p = p->prev;
    if (!p || !hx_has_word(hx_attr(p, "class"), words) || !html_text_within(p, 48))
        return NULL;
    char *t = hx_text_collapsed(p);
    struct ing_name_shape ns;
    if (ing_name_shape(t, strlen(t), &ns) && ns.person)
        return t;
    free(t);
    return NULL;
}

/* A date no tag states: the first element after the page's <h1> whose
 * text is a date or a "Submitted by X on" line, else a "Last modified"
 * line anywhere (an old site's footer). Lists of other stories are not
 * read. */
static void
read_date_element(xmlNode *root, struct html_meta *m)
{
    bool after_h1 = false;
    int order = m->numeric_order;
    int looked = 0;
    for (xmlNode *n = root; n && !m->published; n = hx_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (hx_is(n, "h1"))
            after_h1 = true;
        if (hx_is_any(n, (const char *const[]){"script", "style", "h1", NULL}) ||
            outside_story(n))
            continue;
        bool near = after_h1 && looked++ < 40 && meta_class_near(n);
        m->published = element_date(n, near, order);
        if (!m->published && near && m->saved_y && html_text_within(n, 40))
            m->published = relative_element_day(n, m); /* "2 hours ago" */
        if (m->published && !m->byline_profile)
            m->byline_profile = submitted_by(n);
        if (m->published && !m->byline_profile && near)
            m->byline_profile = name_field(n); /* "Jane Roe | May 9, 2024" */
        if (m->published && !m->byline_profile && near)
            m->byline_profile = name_beside(n);
    }
}

/* ---- a script's own record of the page ------------------------------------------- */

/* Keys a page's script state or analytics push gives its story's fields
 * under ("publishedAt":1709550000, 'publish_date': '2024-05-21T14:30:00Z',
 * "firstPublished": 1709287200000, 'site_name': 'X', 'author_name': 'Y'),
 * compared with '_' and '-' dropped and case ignored. A key naming an
 * update or modification is none of them. */
static const char *const script_date_keys[] = {"publishedat",     "publishdate",    "datepublished",
                                               "firstpublished",  "publishedtime",  "publicationdate",
                                               "publishedon",     "pubdate",        NULL};
static const char *const script_site_keys[] = {"sitename", "publishername", NULL};
static const char *const script_author_keys[] = {"authorname", "authornames", NULL};

/* The key ending just before s[i] (a quoted or bare identifier), folded
 * into k (lower case, '_' and '-' dropped); false when there is none. */
static bool
key_before(const char *s, size_t i, char *k, size_t kcap)
{
    if (i && (s[i - 1] == '"' || s[i - 1] == '\''))
        i--;
    size_t b = i;
    while (b && (isalnum((unsigned char)s[b - 1]) || s[b - 1] == '_' || s[b - 1] == '-'))
        b--;
    if (b == i || i - b >= kcap)
        return false;
    size_t w = 0;
    for (size_t j = b; j < i; j++)
        if (s[j] != '_' && s[j] != '-')
            k[w++] = (char)tolower((unsigned char)s[j]);
    k[w] = '\0';
    return w > 0;
}

/* The value after a key's ':' or '=' at s[i] (a quoted string of at most
 * 120 bytes, or a run of digits), malloc'd, or NULL. */
static char *
value_after(const char *s, size_t n, size_t i)
{
    i++;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t e = i;
        while (e < n && s[e] != q && s[e] != '\\' && e - i <= 120)
            e++;
        return e < n && s[e] == q && e > i ? xstrndup(s + i, e - i) : NULL;
    }
    size_t e = i;
    while (e < n && isdigit((unsigned char)s[e]))
        e++;
    return e > i ? xstrndup(s + i, e - i) : NULL;
}

static bool
key_in(const char *k, const char *const *keys)
{
    for (const char *const *w = keys; *w; w++)
        if (strcmp(k, *w) == 0)
            return true;
    return false;
}

/* A date value of a script: an epoch (10 or 13 digits) or an ISO date
 * ("2024-05-21", "2024-05-21T14:30:00Z"), as "YYYY-MM-DD" or the ISO
 * string; NULL when it is neither. v is freed. */
static char *
script_date(char *v)
{
    char *day = epoch_day(v);
    struct ing_date dt;
    if (!day && strlen(v) >= 10 && v[4] == '-' && ing_parse_date_whole(v, 10, &dt) && dt.d)
        day = xstrdup(v);
    free(v);
    return day;
}

/* The story's publication date, site name and author as a script (not
 * JSON-LD: html_jsonld.c reads that) records them, each only where no tag
 * or element gave one: a page saved before its scripts ran shows them
 * nowhere else. A page whose scripts give several publication days holds
 * several stories (a section's front, a list of related ones): no date. */
static void
read_script_state(xmlNode *root, struct html_meta *m)
{
    char *day = NULL;
    bool several = false;
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        const char *type = hx_is(n, "script") ? hx_attr(n, "type") : NULL;
        if (!hx_is(n, "script") || (type && ing_ifind(type, strlen(type), "json")))
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        const char *s = buf_str(&b);
        char k[24];
        for (size_t i = 1; i < b.len; i++) {
            if ((s[i] != ':' && s[i] != '=') || !key_before(s, i, k, sizeof k))
                continue;
            if (key_in(k, script_date_keys) && !m->published) {
                char *v = value_after(s, b.len, i);
                v = v ? script_date(v) : NULL;
                if (v && day && strncmp(v, day, 10) != 0)
                    several = true;
                if (v && !day)
                    day = v;
                else
                    free(v);
                continue;
            }
            char **dst = key_in(k, script_site_keys)     ? &m->site
                         : key_in(k, script_author_keys) ? &m->byline_profile
                                                         : NULL;
            char *v = dst && !*dst ? value_after(s, b.len, i) : NULL;
            if (v && isdigit((unsigned char)v[0]))
                v = (free(v), NULL); /* a site or author is no number */
            if (v)
                *dst = v;
        }
        buf_free(&b);
    }
    if (day && !several && !m->published)
        m->published = day;
    else
        free(day);
}

/* See html.h. */
void
html_date_elements(xmlNode *root, struct html_meta *m)
{
    m->numeric_order = page_numeric_order(root, m);
    read_epoch_attr(root, m);
    read_date_element(root, m);
    read_script_state(root, m);
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
civil_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* See html.h. */
void
html_local_day(xmlNode *root, struct html_meta *m)
{
    const char *p = m->published;
    size_t l = p ? strlen(p) : 0;
    struct ing_date a, b;
    if (l < 17 || p[10] != 'T' || !(p[l - 1] == 'Z' || (l >= 6 && strcmp(p + l - 6, "+00:00") == 0)) ||
        atoi(p + 11) >= 12 || !ing_parse_date_whole(p, 10, &a) || !a.d)
        return;
    struct html_meta probe = {0};
    probe.numeric_order = m->numeric_order;
    read_date_element(root, &probe);
    if (probe.published && strlen(probe.published) >= 10 &&
        ing_parse_date_whole(probe.published, 10, &b) && b.d &&
        civil_days(b.y, b.m, b.d) + 1 == civil_days(a.y, a.m, a.d)) {
        free(m->published); /* "10:40 PM EST" printed, 03:40 UTC stated: the printed day */
        m->published = probe.published;
        probe.published = NULL;
    }
    html_meta_clear(&probe);
}
