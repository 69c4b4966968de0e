/*
 * stats_filter.c — the query text the statistics view adds when a row is
 * chosen: a timeline bucket's period (after:/before:, weeks and months
 * rolling over year ends and leap days) and an entity's kind filter, both
 * written by the query API (query_put_field, one quoting rule). Pure
 * functions (no curses), unit-tested in tests/unit/test_stats_filter.c.
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

/* The filter for an entity of the kind named kind ("person", "org"...). */
char *
view_stats_entity_filter(const char *kind, const char *name)
{
    enum qfield f = QF_ENTITY;
    if (kind && !strcmp(kind, "person"))
        f = QF_PERSON;
    else if (kind && !strcmp(kind, "org"))
        f = QF_ORG;
    else if (kind && !strcmp(kind, "country"))
        f = QF_COUNTRY;
    return query_field_text(f, name);
}
