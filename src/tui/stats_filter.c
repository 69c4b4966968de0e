/*
 * stats_filter.c — the query text the statistics view adds when a row is
 * chosen: a timeline bucket's period (after:/before:, weeks and months
 * rolling over year ends and leap days), an entity's kind filter, and
 * values quoted for the query language. Pure functions (no curses), unit-
 * tested in tests/unit/test_stats_filter.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier/corpus.h"
#include "tui.h"
#include "view_stats.h"

/* ---- dates for a bar's filter ---------------------------------------------------------------- */

/* "after:FIRST before:NEXT" for a bucket key of unit u (newly allocated), or
 * NULL when the key does not parse. */
char *
view_stats_period_filter(const char *key, int unit)
{
    int y = 0, m = 1, d = 1;
    int n = sscanf(key, "%d-%d-%d", &y, &m, &d);
    if (n < 1 || m < 1 || m > 12 || d < 1 || d > 31)
        return NULL;
    int y2 = y, m2 = m, d2 = d;
    if (unit == CORPUS_UNIT_YEAR) {
        m = d = 1;
        y2 = y + 1;
        m2 = d2 = 1;
    } else if (unit == CORPUS_UNIT_WEEK) {
        corpus_civil_from_days(corpus_days_from_civil(y, m, d) + 7, &y2, &m2, &d2);
    } else {
        d = 1;
        d2 = 1;
        m2 = m == 12 ? 1 : m + 1;
        y2 = m == 12 ? y + 1 : y;
    }
    char first[48], next[48];
    snprintf(first, sizeof first, "%04d-%02d-%02d", y, m, d);
    snprintf(next, sizeof next, "%04d-%02d-%02d", y2, m2, d2);
    struct buf b = BUF_INIT;
    query_put_field(&b, QF_AFTER, first);
    buf_putc(&b, ' ');
    query_put_field(&b, QF_BEFORE, next);
    return buf_steal(&b);
}

/* Plain when every byte is an ASCII letter or digit or part of a non-ASCII
 * character, and the word is not an operator; else quoted (quotes dropped). */
void
view_stats_quote(struct buf *b, const char *s)
{
    bool plain = *s != '\0' && strcmp(s, "OR") != 0 && strcmp(s, "AND") != 0 &&
                 strcmp(s, "NOT") != 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
        if (*p < 0x80 && !((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
                           (*p >= 'A' && *p <= 'Z')))
            plain = false;
    if (plain) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (const char *p = s; *p; p++)
        if (*p != '"')
            buf_putc(b, *p);
    buf_putc(b, '"');
}

/* The filter for an entity of the kind named kind ("person", "org"...). */
char *
view_stats_entity_filter(const char *kind, const char *name)
{
    struct buf b = BUF_INIT;
    if (kind && (!strcmp(kind, "person") || !strcmp(kind, "org") || !strcmp(kind, "country")))
        buf_printf(&b, "%s:", kind);
    else
        buf_puts(&b, "entity:");
    view_stats_quote(&b, name);
    return buf_steal(&b);
}
