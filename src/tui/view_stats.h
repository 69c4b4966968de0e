/*
 * view_stats.h — the statistics view (view_stats.c, S) and keyword in
 * context (view_kwic.c, w): full-screen views on the stack (tui.h), one of
 * the two at a time; and the query text the statistics add when a row is
 * chosen (stats_filter.c, pure functions, unit-tested).
 */
#ifndef DOSSIER_VIEW_STATS_H
#define DOSSIER_VIEW_STATS_H

#include <stdbool.h>

struct app;
struct buf;

/* S: show the statistics of the articles app's query selects (in place of
 * keyword in context), computing them unless they are for this query and
 * topic already. The overview comes first; the slower parts follow between
 * keys (all at once in script mode). An error is shown in place. */
void view_stats_show(struct app *app);

/* Find term in the articles app's query selects and show every occurrence
 * (in place of the statistics); an error or no occurrence is shown in
 * place. The first lines come at once, the rest between keys (all at once
 * in script mode). */
void view_kwic_show(struct app *app, const char *term);
/* The last term looked up (borrowed), or NULL: w's prompt starts with it. */
const char *view_kwic_term(void);

/* "after:YYYY-MM-DD before:YYYY-MM-DD" covering the period of a timeline
 * bucket key of unit (enum corpus_unit); newly allocated, NULL when the key
 * does not parse. */
char *view_stats_period_filter(const char *key, int unit);
/* "person:NAME", "org:NAME", "country:NAME" for those kind names, else
 * "entity:NAME" (NAME quoted as query_field_text does); newly allocated. */
char *view_stats_entity_filter(const char *kind, const char *name);

#endif
