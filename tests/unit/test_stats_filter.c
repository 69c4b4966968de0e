/*
 * test_stats_filter.c — the query text the statistics view adds when a row
 * is chosen (stats_filter.c): a bucket's period for each unit, across month,
 * year and leap-day boundaries; entity kinds; quoting. Every filter built
 * here must also parse as a query.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../../src/tui/tui.h"
#include "../../src/tui/view_stats.h"
#include "dossier/corpus.h"
#include "dossier/query.h"
#include "tap.h"

/* The filter for key in unit, checked against want and parsed as a query. */
static void
period(const char *key, int unit, const char *want)
{
    char *got = view_stats_period_filter(key, unit);
    is_str(got ? got : "(null)", want ? want : "(null)", key);
    if (got && want) {
        struct query *q = NULL;
        struct ds_error err;
        ds_error_clear(&err);
        ok(query_parse(got, &q, &err) == 0, "%s parses as a query", got);
        query_free(&q);
    }
    free(got);
}

static void
entity(const char *kind, const char *name, const char *want)
{
    char *got = view_stats_entity_filter(kind, name);
    is_str(got, want, want);
    struct query *q = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    ok(query_parse(got, &q, &err) == 0, "%s parses as a query", got);
    query_free(&q);
    free(got);
}

int
main(void)
{
    /* months: the first of the month to the first of the next */
    period("2021-03", CORPUS_UNIT_MONTH, "after:2021-03-01 before:2021-04-01");
    period("2021-12", CORPUS_UNIT_MONTH, "after:2021-12-01 before:2022-01-01");
    period("2021-03-17", CORPUS_UNIT_MONTH, "after:2021-03-01 before:2021-04-01");
    /* weeks: the Monday to the next Monday, over month ends, year ends, leap days */
    period("2023-11-20", CORPUS_UNIT_WEEK, "after:2023-11-20 before:2023-11-27");
    period("2023-11-27", CORPUS_UNIT_WEEK, "after:2023-11-27 before:2023-12-04");
    period("2024-12-30", CORPUS_UNIT_WEEK, "after:2024-12-30 before:2025-01-06");
    period("2024-02-26", CORPUS_UNIT_WEEK, "after:2024-02-26 before:2024-03-04");
    period("2023-02-27", CORPUS_UNIT_WEEK, "after:2023-02-27 before:2023-03-06");
    period("2000-02-28", CORPUS_UNIT_WEEK, "after:2000-02-28 before:2000-03-06");
    period("1900-02-26", CORPUS_UNIT_WEEK, "after:1900-02-26 before:1900-03-05");
    /* years */
    period("2019", CORPUS_UNIT_YEAR, "after:2019-01-01 before:2020-01-01");
    period("1999", CORPUS_UNIT_YEAR, "after:1999-01-01 before:2000-01-01");
    /* what does not parse gives no filter */
    period("", CORPUS_UNIT_MONTH, NULL);
    period("undated", CORPUS_UNIT_MONTH, NULL);
    period("2021-13", CORPUS_UNIT_MONTH, NULL);
    period("2021-00-01", CORPUS_UNIT_WEEK, NULL);

    /* entity kinds with their own field; others are entity: */
    entity("person", "Wang Wentao", "person:\"Wang Wentao\"");
    entity("org", "ASEAN", "org:ASEAN");
    entity("country", "China", "country:China");
    entity("place", "Rotterdam", "entity:Rotterdam");
    entity("agreement", "RCEP", "entity:RCEP");
    entity(NULL, "Beijing", "entity:Beijing");
    /* quoting (query_field_text): bare when it reads back as itself; spaces,
     * quotes inside, other scripts */
    entity("org", "AT&T", "org:AT&T");
    entity("org", "Procter & Gamble", "org:\"Procter & Gamble\"");
    entity("person", "O'Neill", "person:O'Neill");
    entity("org", "say \"no\"", "org:\"say no\"");
    entity("org", "OR", "org:OR");
    entity("person", "Jean-Luc", "person:Jean-Luc");
    entity("person", "王文涛", "person:王文涛");
    entity("country", "Côte d'Ivoire", "country:\"Côte d'Ivoire\"");
    return done_testing();
}
