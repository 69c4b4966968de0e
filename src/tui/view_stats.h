/*
 * view_stats.h — the statistics view (view_stats.c, S) and keyword in
 * context (view_kwic.c, w), both full screen like compare, and the export
 * of the list or the current table (e). app.c routes keys to them while
 * app->stats or app->kwic is set.
 */
#ifndef DOSSIER_VIEW_STATS_H
#define DOSSIER_VIEW_STATS_H

#include <stdbool.h>
#include <stdio.h>

struct app;
struct buf;
struct view_ops;

/* Compute the statistics of the articles app's query selects, unless they
 * are already computed for this query and topic (view_stats_current). The
 * view shows the error in place when this fails: returns -1. */
int view_stats_open(struct app *app);
/* view_stats_open computes the overview; the figures and distinctive terms
 * follow, one part per view_stats_step() call (the caller redraws between
 * parts and may handle keys). Returns whether parts remain. */
bool view_stats_step(struct app *app);
/* Whether parts remain to compute. */
bool view_stats_pending(void);
/* Whether the statistics held are for app's current query and topic. */
bool view_stats_current(const struct app *app);
/* Free them (safe when nothing is open). */
void view_stats_close(struct app *app);
/* Milliseconds the last computation took. */
double view_stats_ms(void);
/* "after:YYYY-MM-DD before:YYYY-MM-DD" covering the period of a timeline
 * bucket key of unit (enum corpus_unit); newly allocated, NULL when the key
 * does not parse. */
char *view_stats_period_filter(const char *key, int unit);
/* "person:NAME", "org:NAME", "country:NAME" for those kind names, else
 * "entity:NAME" (NAME quoted as query_field_text does); newly allocated. */
char *view_stats_entity_filter(const char *kind, const char *name);
/* Write the table the selection is in (coverage, topics over time, topics,
 * outlets, entities, pairs, distinctive terms or figures) in fmt (enum
 * corpus_format) to f; *what names a row ("row", "figure"). Returns the
 * rows written, -1 on a write error. */
long view_stats_export(struct app *app, FILE *f, int fmt, const char **what);

/* Find term in the articles app's query selects and show every occurrence;
 * an error or no occurrence is shown in place. Returns 0 or -1. */
int view_kwic_open(struct app *app, const char *term);
/* True while articles remain to be searched; view_kwic_step reads some more
 * of them (a few ms) and returns whether any remain. */
bool view_kwic_pending(void);
bool view_kwic_step(struct app *app);
/* Free the lines (safe when nothing is open). */
void view_kwic_close(void);
/* The last term looked up (borrowed), or NULL: w's prompt starts with it. */
const char *view_kwic_term(void);
/* Write the KWIC lines in fmt to f; returns the lines written, -1 on error. */
long view_kwic_export(FILE *f, int fmt);

/* Export what the screen shows to path (~ expands to $HOME; the extension
 * picks CSV, JSON or else a Markdown brief): the statistics view's figures,
 * the KWIC lines, or else the article list. The outcome goes to the status
 * line; an unwritable path is a message. Returns 0 or -1. */
int app_export(struct app *app, const char *path);

extern const struct view_ops view_stats_ops, view_kwic_ops;

#endif
