/*
 * ingest/html_saved.c — what a saved copy of a page says about the saving:
 * the address it was saved from (a browser's "<!-- saved from url=... -->",
 * a saving extension's "url: ..." comment, a cache copy's <base href>) and
 * the time it was saved ("saved date: Tue Mar 05 2024 16:20:11 GMT+0000").
 * The saving time is never the article's date; it only turns a relative
 * date the page showed ("2 hours ago", "Yesterday") into a day.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* Is s an http(s) address? */
static bool
is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* The address after key in a comment ("saved from url=(0042)https://...",
 * "url: https://..."), or NULL. */
static char *
comment_url(const char *c, const char *key)
{
    const char *s = strstr(c, key);
    if (!s)
        return NULL;
    s += strlen(key);
    while (*s == ' ')
        s++;
    if (*s == '(')
        s = strchr(s, ')') ? strchr(s, ')') + 1 : s;
    size_t len = 0;
    while (s[len] && !isspace((unsigned char)s[len]))
        len++;
    return len && is_url(s) ? xstrndup(s, len) : NULL;
}

/* "saved date: Tue Mar 05 2024 16:20:11 GMT+0000": the day and hour into
 * m, when the comment holds them. */
static void
comment_saved_time(const char *c, struct html_meta *m)
{
    const char *s = strstr(c, "saved date:");
    if (!s)
        return;
    s += 11;
    size_t n = strcspn(s, "\n"), at;
    struct ing_date dt;
    if (!ing_find_date(s, n, &dt, &at) || !dt.y || !dt.m || !dt.d)
        return;
    m->saved_y = dt.y;
    m->saved_m = dt.m;
    m->saved_d = dt.d;
    m->saved_hour = 12; /* noon when no time follows */
    for (size_t i = at; i + 5 <= n; i++)
        if (isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) && s[i + 2] == ':' &&
            (i == 0 || s[i - 1] == ' ')) {
            m->saved_hour = (s[i] - '0') * 10 + (s[i + 1] - '0');
            break;
        }
}

/* The comments at the top of the document and just inside <html>. */
static void
read_comments(xmlDoc *doc, struct html_meta *m)
{
    for (xmlNode *n = doc->children; n; n = n->next) {
        xmlNode *scan = hx_is(n, "html") ? n->children : n;
        for (xmlNode *c = scan; c; c = c == n ? NULL : c->next) {
            if (c->type != XML_COMMENT_NODE || !c->content)
                continue;
            const char *text = (const char *)c->content;
            if (!m->url)
                m->url = comment_url(text, "saved from url=");
            if (!m->url && strstr(text, "saved date:"))
                m->url = comment_url(text, "url:");
            if (!m->saved_y)
                comment_saved_time(text, m);
        }
    }
}

/* See html.h. */
void
html_saved_read(xmlDoc *doc, struct html_meta *m)
{
    read_comments(doc, m);
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *n = root; n && !m->url; n = hx_next(n, root, false))
        if (hx_is(n, "base")) { /* a cache copy points its links at the page's address */
            const char *href = hx_attr(n, "href");
            if (href && is_url(href))
                m->url = xstrdup(href);
            break;
        }
    if (!m->url) /* a reader view's or an archive's link to the page it shows */
        m->url = html_source_link(root);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long
days_from_civil(int y, int mo, int d)
{
    y -= mo <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The civil date of a day count since 1970-01-01. */
static struct ing_date
civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), mo = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (struct ing_date){(int)(yoe + era * 400 + (mo <= 2)), mo, d};
}

/* See html.h. */
char *
html_relative_day(const char *t, const struct html_meta *m)
{
    if (!m->saved_y || !t)
        return NULL;
    size_t tl = strlen(t);
    long hours_back = -1;
    int num = 0;
    char unit[16];
    if (ing_ieq(t, tl, "yesterday"))
        hours_back = 24;
    else if (ing_ieq(t, tl, "today") || ing_ieq(t, tl, "just now"))
        hours_back = 0;
    else if (tl < 40 && sscanf(t, "%d %15[a-zA-Z] ago", &num, unit) == 2 && num >= 0 &&
             num < 1000 && ing_ifind(t, tl, " ago")) {
        size_t ul = strlen(unit);
        if (ul && unit[ul - 1] == 's')
            unit[--ul] = '\0';
        if (ing_ieq(unit, ul, "minute") || ing_ieq(unit, ul, "min") || ing_ieq(unit, ul, "second"))
            hours_back = 0;
        else if (ing_ieq(unit, ul, "hour") || ing_ieq(unit, ul, "hr") || ing_ieq(unit, ul, "h"))
            hours_back = num;
        else if (ing_ieq(unit, ul, "day"))
            hours_back = 24L * num;
        else if (ing_ieq(unit, ul, "week"))
            hours_back = 24L * 7 * num;
    }
    if (hours_back < 0)
        return NULL;
    long h = days_from_civil(m->saved_y, m->saved_m, m->saved_d) * 24 + m->saved_hour - hours_back;
    struct ing_date dt = civil_from_days(h >= 0 ? h / 24 : (h - 23) / 24);
    return xasprintf("%04d-%02d-%02d", dt.y, dt.m, dt.d);
}
