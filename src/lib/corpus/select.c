/*
 * corpus/select.c — selections (a query's documents or given ids, kept by
 * the store as a numbered set), the topic and outlet distributions, the
 * timeline with its topic series, and the whole statistics view in one
 * call (corpus.h). The rows come from the store (store_stats.h); what is
 * done with them here is the statistics.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/query.h"
#include "lib.h"

/* ---- selections ------------------------------------------------------------------------------ */

/* A new empty selection stored by the store, with its mentions cache. */
static int
corpus_sel_new(struct store *s, struct corpus_sel **out, struct ds_error *err)
{
    int64_t num = 0;
    *out = NULL;
    if (stats_sel_new(s, &num, err) != 0)
        return -1;
    struct corpus_sel *sel = xcalloc(1, sizeof *sel);
    sel->s = s;
    sel->num = num;
    sel->ment = corpus_ment_new();
    *out = sel;
    return 0;
}

/* True when q is NULL or its text is only whitespace: every document. */
static bool
corpus_query_is_empty(const struct query *q)
{
    if (!q)
        return true;
    const char *t = query_text(q);
    while (t && (*t == ' ' || *t == '\t' || *t == '\n'))
        t++;
    return !t || !*t;
}

/* Read the selection's ids back, sorted; on failure sel is freed. */
static int
corpus_sel_finish(struct corpus_sel **selp, struct corpus_sel **out, struct ds_error *err)
{
    struct corpus_sel *sel = *selp;
    if (stats_sel_ids(sel->s, sel->num, &sel->ids, &sel->n, err) != 0) {
        corpus_sel_free(selp);
        return -1;
    }
    *out = sel;
    return 0;
}

int
corpus_select(struct store *s, const struct query *q, struct corpus_sel **out,
              struct ds_error *err)
{
    *out = NULL;
    if (corpus_query_is_empty(q)) {
        int64_t n = 0;
        if (stats_doc_count(s, &n, err) != 0)
            return -1;
        struct corpus_sel *sel = xcalloc(1, sizeof *sel);
        sel->s = s;
        sel->all = true;
        sel->n = (size_t)n;
        sel->ment = corpus_ment_new();
        *out = sel;
        return 0;
    }
    struct corpus_sel *sel;
    if (corpus_sel_new(s, &sel, err) != 0)
        return -1;
    if (stats_sel_fill_query(s, sel->num, query_sql(q), query_param_count(q), q, err) != 0) {
        corpus_sel_free(&sel);
        return -1;
    }
    return corpus_sel_finish(&sel, out, err);
}

int
corpus_select_ids(struct store *s, const int64_t *ids, size_t n, struct corpus_sel **out,
                  struct ds_error *err)
{
    struct corpus_sel *sel;
    *out = NULL;
    if (corpus_sel_new(s, &sel, err) != 0)
        return -1;
    if (stats_sel_add_ids(s, sel->num, ids, n, err) != 0) {
        corpus_sel_free(&sel);
        return -1;
    }
    return corpus_sel_finish(&sel, out, err);
}

size_t
corpus_sel_count(const struct corpus_sel *sel)
{
    return sel ? sel->n : 0;
}

bool
corpus_sel_is_all(const struct corpus_sel *sel)
{
    return sel && sel->all;
}

bool
corpus_sel_has(const struct corpus_sel *sel, int64_t id)
{
    if (sel->all)
        return true;
    size_t lo = 0, hi = sel->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sel->ids[mid] < id)
            lo = mid + 1;
        else if (sel->ids[mid] > id)
            hi = mid;
        else
            return true;
    }
    return false;
}

void
corpus_sel_free(struct corpus_sel **selp)
{
    struct corpus_sel *sel = selp ? *selp : NULL;
    if (!sel)
        return;
    if (!sel->all)
        stats_sel_drop(sel->s, sel->num);
    corpus_ment_free(sel->ment);
    free(sel->ids);
    free(sel);
    *selp = NULL;
}

int
corpus_derived_current(struct store *s, struct ds_error *err)
{
    return stats_tables_current(s, err);
}

void
corpus_use_derived(struct store *s, bool use)
{
    stats_use_tables(s, use);
}

/* ---- distributions --------------------------------------------------------------------------- */

struct corpus_counts {
    struct corpus_count *v;
    size_t n, cap;
    size_t total; /* documents in the selection, for shares */
};

/* One distribution row (stats_distribution) as a corpus_count. */
static void
corpus_count_row(const char *key, const char *label, int64_t count, void *ud)
{
    struct corpus_counts *a = ud;
    struct corpus_count c = {0};
    c.key = corpus_clean_line(key ? key : "(unknown)", key ? strlen(key) : 9);
    c.label = label ? corpus_clean_line(label, strlen(label)) : NULL;
    c.count = count;
    c.share = a->total ? (double)c.count / (double)a->total : 0;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = c;
}

int
corpus_distribution(struct store *s, const struct corpus_sel *sel, enum corpus_dist kind,
                    size_t max, struct corpus_count **out, size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    bool topic = kind == CORPUS_DIST_TOPIC;
    /* the outlets of every document come from an index of documents */
    int cached = sel->all && !topic ? 0 : stats_tables_current(s, err);
    if (cached < 0)
        return -1;
    struct corpus_counts a = {NULL, 0, 0, sel->n};
    if (stats_distribution(s, sel->num, topic, cached, max, corpus_count_row, &a, err) != 0) {
        corpus_counts_free(a.v, a.n);
        return -1;
    }
    *out = a.v;
    *n_out = a.n;
    return 0;
}

/* ---- timeline -------------------------------------------------------------------------------- */

/* Day counts (dates owned by keep) and the undated. */
struct corpus_days {
    struct corpus_datecount *v;
    char **keep; /* v[i].date points here */
    size_t n, cap;
    int64_t undated;
};

/* Append (day, count); the day is copied. */
static void
corpus_days_push(struct corpus_days *d, const char *day, int64_t count)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
        d->keep = xrealloc(d->keep, d->cap * sizeof *d->keep);
    }
    d->keep[d->n] = xstrdup(day);
    d->v[d->n].date = d->keep[d->n];
    d->v[d->n].count = count;
    d->n++;
}

/* One row of stats_days: dated rows kept, the undated summed. */
static void
corpus_day_row(const char *day, int64_t count, void *ud)
{
    struct corpus_days *d = ud;
    if (!day || !*day)
        d->undated += count;
    else
        corpus_days_push(d, day, count);
}

/* One row of stats_undated: counted under its reason. */
static void
corpus_undated_row(const char *why, int64_t count, void *ud)
{
    struct corpus_timeline *t = ud;
    enum undated_reason r = undated_reason_parse(why);
    if ((size_t)r < DS_ARRAY_LEN(t->undated_why))
        t->undated_why[r] += count;
}

/* Free the days and zero d. */
static void
corpus_days_free(struct corpus_days *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->keep[i]);
    free(d->keep);
    free(d->v);
    memset(d, 0, sizeof *d);
}

/* Rows per topic of the timeline's series. */
struct corpus_series_rows {
    const struct corpus_count *topics;
    size_t ntopics;
    struct corpus_days *per; /* one per topic */
};

/* One row of stats_topic_days, filed under its topic (others ignored). */
static void
corpus_series_row(const char *slug, const char *day, int64_t count, void *ud)
{
    struct corpus_series_rows *r = ud;
    size_t t = 0;
    while (t < r->ntopics && (!slug || strcmp(r->topics[t].key, slug) != 0))
        t++;
    if (t == r->ntopics || !day || !*day)
        return;
    corpus_days_push(&r->per[t], day, count);
}

/* Add a series to out for each of topics[0..ntopics). */
static int
corpus_timeline_series(struct store *s, const struct corpus_sel *sel, bool cached,
                       const struct corpus_count *topics, size_t ntopics,
                       struct corpus_timeline *out, struct ds_error *err)
{
    struct buf slugs = BUF_INIT;
    buf_putc(&slugs, '[');
    for (size_t t = 0; t < ntopics; t++) {
        if (t)
            buf_putc(&slugs, ',');
        buf_put_json_string(&slugs, topics[t].key);
    }
    buf_putc(&slugs, ']');
    /* rows per topic (day strings owned here until the series are built) */
    struct corpus_series_rows r = {topics, ntopics, xcalloc(ntopics, sizeof *r.per)};
    int rc = stats_topic_days(s, sel->num, cached, buf_str(&slugs), corpus_series_row, &r, err);
    for (size_t t = 0; rc == 0 && t < ntopics; t++)
        corpus_timeline_add_series(out, topics[t].key, topics[t].label, r.per[t].v, r.per[t].n);
    for (size_t t = 0; t < ntopics; t++)
        corpus_days_free(&r.per[t]);
    free(r.per);
    buf_free(&slugs);
    return rc;
}

/* The timeline with series for given[0..ngiven) (the selection's top
 * topics, most documents first), or for the top max_series topics when
 * given is NULL. */
static int
corpus_timeline_topics(struct store *s, const struct corpus_sel *sel, enum corpus_unit unit,
                       const struct corpus_count *given, size_t ngiven, size_t max_series,
                       struct corpus_timeline *out, struct ds_error *err)
{
    struct corpus_days days = {0};
    memset(out, 0, sizeof *out);
    int cached = stats_tables_current(s, err);
    if (cached < 0)
        return -1;
    if (stats_days(s, sel->num, cached, corpus_day_row, &days, err) != 0) {
        corpus_days_free(&days);
        return -1;
    }
    corpus_timeline_build(days.v, days.n, unit, days.undated, out);
    corpus_days_free(&days);
    if (out->undated && stats_undated(s, sel->num, corpus_undated_row, out, err) != 0) {
        corpus_timeline_clear(out);
        return -1;
    }

    struct corpus_count *owned = NULL;
    const struct corpus_count *topics = given;
    size_t ntopics = DS_MIN(ngiven, max_series);
    if (!given && max_series && out->nbuckets) {
        if (corpus_distribution(s, sel, CORPUS_DIST_TOPIC, max_series, &owned, &ntopics, err)) {
            corpus_timeline_clear(out);
            return -1;
        }
        topics = owned;
    }
    int rc = 0;
    if (ntopics && out->nbuckets)
        rc = corpus_timeline_series(s, sel, cached, topics, ntopics, out, err);
    corpus_counts_free(owned, owned ? ntopics : 0);
    if (rc != 0)
        corpus_timeline_clear(out);
    return rc;
}

int
corpus_timeline(struct store *s, const struct corpus_sel *sel, enum corpus_unit unit,
                size_t max_series, struct corpus_timeline *out, struct ds_error *err)
{
    return corpus_timeline_topics(s, sel, unit, NULL, 0, max_series, out, err);
}

/* ---- the whole view -------------------------------------------------------------------------- */

int
corpus_overview(struct store *s, const struct corpus_sel *sel, size_t max,
                struct corpus_overview *out, struct ds_error *err)
{
    double t0 = ds_now();
    memset(out, 0, sizeof *out);
    out->documents = (int64_t)sel->n;
    /* the topic table also names the timeline's series: counted once */
    if (corpus_distribution(s, sel, CORPUS_DIST_TOPIC, DS_MAX(max, 6), &out->topics,
                            &out->ntopics, err) ||
        corpus_timeline_topics(s, sel, CORPUS_UNIT_AUTO, out->topics, out->ntopics, 6,
                               &out->timeline, err) != 0 ||
        corpus_distribution(s, sel, CORPUS_DIST_SOURCE, max, &out->sources, &out->nsources,
                            err) ||
        corpus_entities(s, sel, -1, max, &out->entities, &out->nentities, err) ||
        corpus_cooccur(s, sel, max, &out->pairs, &out->npairs, err)) {
        corpus_overview_clear(out);
        return -1;
    }
    if (max && out->ntopics > max) {
        for (size_t i = max; i < out->ntopics; i++) {
            free(out->topics[i].key);
            free(out->topics[i].label);
        }
        out->ntopics = max;
    }
    out->estimated = corpus_sel_estimated(sel);
    out->seconds = ds_now() - t0;
    return 0;
}
