/*
 * store_corpus.c — the SQL behind corpus statistics (corpus.h): selections
 * kept as rows of a temporary table, distributions, entities and their
 * co-occurrence, dates for the timeline, the figures table, KWIC candidate
 * documents and term counts for keyness.
 *
 * Every statement exists in two fixed forms: one over the whole corpus
 * (an empty query: nothing is materialised and SQLite scans indexes) and
 * one joined to temp.corpus_sel with ?1 = the selection's number. Neither
 * form contains user text; terms and names are bound.
 *
 * Speed notes (see the report in corpus.h's callers): dates are read from
 * the covering index documents_published; co-occurrence intersects sorted
 * doc-id lists of the top entities (index mentions_entity) in C instead of
 * self-joining mentions, which would make O(entities^2) rows per document.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_private.h"
#include "dossier/query.h"
#include "dossier/utf8.h"
#include "store_private.h"

/* Kinds as stored by store_extract.c (words, not enum numbers). */
static const char *const corpus_entity_kinds[] = {
    [ENTITY_COUNTRY] = "country", [ENTITY_ORG] = "org",         [ENTITY_PERSON] = "person",
    [ENTITY_PLACE] = "place",     [ENTITY_AGREEMENT] = "agreement",
};

static enum entity_kind
corpus_entity_kind_parse(const char *t)
{
    for (size_t i = 0; t && i < DS_ARRAY_LEN(corpus_entity_kinds); i++)
        if (strcmp(t, corpus_entity_kinds[i]) == 0)
            return (enum entity_kind)i;
    return ENTITY_ORG;
}

/* ---- selections ------------------------------------------------------------------------ */

static int
corpus_ensure_table(struct store *s, struct ds_error *err)
{
    return store_exec(s,
                      "CREATE TEMP TABLE IF NOT EXISTS corpus_sel(sel INTEGER NOT NULL,"
                      " id INTEGER NOT NULL, PRIMARY KEY(sel, id)) WITHOUT ROWID",
                      "preparing statistics", err);
}

static int
corpus_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *doing,
                struct ds_error *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        return 0;
    }
    return store_fail(s, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc, doing);
}

/* Prepare the form of a statement that fits sel, binding ?1. */
static int
corpus_prepare(struct store *s, const struct corpus_sel *sel, const char *sql_all,
               const char *sql_sel, sqlite3_stmt **out, const char *doing, struct ds_error *err)
{
    *out = NULL;
    int rc = sqlite3_prepare_v2(s->db, sel->all ? sql_all : sql_sel, -1, out, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(*out);
        *out = NULL;
        return store_fail(s, err, rc, doing);
    }
    if (!sel->all)
        sqlite3_bind_int64(*out, 1, sel->num);
    return 0;
}

/* Read the selection's ids back, sorted, into sel->ids. */
static int
corpus_sel_load(struct store *s, struct corpus_sel *sel, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id FROM temp.corpus_sel WHERE sel = ?1 ORDER BY id",
                                -1, &st, NULL);
    size_t cap = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, sel->num);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (sel->n == cap) {
                cap = cap ? cap * 2 : 256;
                sel->ids = xrealloc(sel->ids, cap * sizeof *sel->ids);
            }
            sel->ids[sel->n++] = sqlite3_column_int64(st, 0);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading the selection");
    return 0;
}

static int
corpus_sel_new(struct store *s, struct corpus_sel **out, struct ds_error *err)
{
    *out = NULL;
    if (corpus_ensure_table(s, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    int64_t num = 0;
    int rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(sel), 0) + 1 FROM temp.corpus_sel",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "preparing statistics");
    rc = corpus_step_int(s, st, &num, "preparing statistics", err);
    sqlite3_finalize(st);
    if (rc != 0)
        return -1;
    struct corpus_sel *sel = xcalloc(1, sizeof *sel);
    sel->s = s;
    sel->num = num;
    *out = sel;
    return 0;
}

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

int
corpus_select(struct store *s, const struct query *q, struct corpus_sel **out,
              struct ds_error *err)
{
    *out = NULL;
    if (corpus_query_is_empty(q)) {
        struct corpus_sel *sel = xcalloc(1, sizeof *sel);
        sqlite3_stmt *st = NULL;
        int64_t n = 0;
        int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM documents", -1, &st, NULL);
        if (rc != SQLITE_OK) {
            free(sel);
            return store_fail(s, err, rc, "counting documents");
        }
        rc = corpus_step_int(s, st, &n, "counting documents", err);
        sqlite3_finalize(st);
        if (rc != 0) {
            free(sel);
            return -1;
        }
        sel->s = s;
        sel->all = true;
        sel->n = (size_t)n;
        *out = sel;
        return 0;
    }
    struct corpus_sel *sel;
    if (corpus_sel_new(s, &sel, err) != 0)
        return -1;
    size_t np = query_param_count(q);
    char *sql = xasprintf("INSERT OR IGNORE INTO temp.corpus_sel(sel, id) SELECT ?%zu, id FROM (%s)",
                          np + 1, query_sql(q));
    sqlite3_stmt *st = NULL;
    int rc = store_prepare_query(s, sql, q, &st, err);
    free(sql);
    if (rc != 0) {
        free(sel);
        return -1;
    }
    sqlite3_bind_int64(st, (int)np + 1, sel->num);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(sel);
        return store_fail(s, err, rc, "selecting documents");
    }
    if (corpus_sel_load(s, sel, err) != 0) {
        corpus_sel_free(&sel);
        return -1;
    }
    *out = sel;
    return 0;
}

int
corpus_select_ids(struct store *s, const int64_t *ids, size_t n, struct corpus_sel **out,
                  struct ds_error *err)
{
    struct corpus_sel *sel;
    if (corpus_sel_new(s, &sel, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT OR IGNORE INTO temp.corpus_sel(sel, id) VALUES (?1, ?2)",
                                -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_bind_int64(st, 1, sel->num);
        sqlite3_bind_int64(st, 2, ids[i]);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        corpus_sel_free(&sel);
        return store_fail(s, err, rc, "selecting documents");
    }
    if (corpus_sel_load(s, sel, err) != 0) {
        corpus_sel_free(&sel);
        return -1;
    }
    *out = sel;
    return 0;
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
    if (!sel->all) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(sel->s->db, "DELETE FROM temp.corpus_sel WHERE sel = ?1", -1, &st,
                               NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, sel->num);
            sqlite3_step(st);
        }
        sqlite3_finalize(st);
    }
    free(sel->ids);
    free(sel);
    *selp = NULL;
}

/* ---- distributions ------------------------------------------------------------------------- */

static void
corpus_count_push(struct corpus_count **arr, size_t *n, size_t *cap, struct corpus_count c)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *arr = xrealloc(*arr, *cap * sizeof **arr);
    }
    (*arr)[(*n)++] = c;
}

/* Run st (columns: key, label, count) into counts with shares of total. */
static int
corpus_collect_counts(struct store *s, sqlite3_stmt *st, size_t total, struct corpus_count **out,
                      size_t *n_out, const char *doing, struct ds_error *err)
{
    struct corpus_count *arr = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct corpus_count c = {0};
        const char *key = (const char *)sqlite3_column_text(st, 0);
        c.key = corpus_clean_line(key ? key : "(unknown)", key ? strlen(key) : 9);
        const char *label = (const char *)sqlite3_column_text(st, 1);
        c.label = label ? corpus_clean_line(label, strlen(label)) : NULL;
        c.count = sqlite3_column_int64(st, 2);
        c.share = total ? (double)c.count / (double)total : 0;
        corpus_count_push(&arr, &n, &cap, c);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        corpus_counts_free(arr, n);
        return store_fail(s, err, rc, doing);
    }
    *out = arr;
    *n_out = n;
    return 0;
}

int
corpus_distribution(struct store *s, const struct corpus_sel *sel, enum corpus_dist kind,
                    size_t max, struct corpus_count **out, size_t *n_out, struct ds_error *err)
{
    static const char *const topic_all =
        "SELECT dt.slug, t.name, count(*) AS c FROM doc_topics dt"
        " LEFT JOIN topics t ON t.slug = dt.slug GROUP BY dt.slug ORDER BY c DESC, dt.slug"
        " LIMIT ?2";
    static const char *const topic_sel =
        "SELECT dt.slug, t.name, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN doc_topics dt ON dt.doc_id = cs.id LEFT JOIN topics t ON t.slug = dt.slug"
        " WHERE cs.sel = ?1 GROUP BY dt.slug ORDER BY c DESC, dt.slug LIMIT ?2";
    static const char *const source_all =
        "SELECT d.source, NULL, count(*) AS c FROM documents d INDEXED BY documents_source"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2";
    static const char *const source_sel =
        "SELECT d.source, NULL, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2";
    sqlite3_stmt *st;
    *out = NULL;
    *n_out = 0;
    bool topic = kind == CORPUS_DIST_TOPIC;
    if (corpus_prepare(s, sel, topic ? topic_all : source_all, topic ? topic_sel : source_sel,
                       &st, "counting documents", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 2, max ? (int64_t)max : -1);
    return corpus_collect_counts(s, st, sel->n, out, n_out, "counting documents", err);
}

int
corpus_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                struct corpus_count **out, size_t *n_out, struct ds_error *err)
{
    static const char *const ent_all =
        "SELECT e.name, e.kind, c FROM (SELECT entity_id, count(*) AS c FROM mentions"
        " INDEXED BY mentions_entity GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id"
        " WHERE ?3 IS NULL OR e.kind = ?3 ORDER BY c DESC, e.name LIMIT ?2";
    static const char *const ent_sel =
        "SELECT e.name, e.kind, c FROM (SELECT m.entity_id, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN mentions m ON m.doc_id = cs.id WHERE cs.sel = ?1 GROUP BY m.entity_id) m"
        " JOIN entities e ON e.id = m.entity_id WHERE ?3 IS NULL OR e.kind = ?3"
        " ORDER BY c DESC, e.name LIMIT ?2";
    sqlite3_stmt *st;
    *out = NULL;
    *n_out = 0;
    if (corpus_prepare(s, sel, ent_all, ent_sel, &st, "counting entities", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 2, max ? (int64_t)max : -1);
    if (kind >= 0 && (size_t)kind < DS_ARRAY_LEN(corpus_entity_kinds))
        sqlite3_bind_text(st, 3, corpus_entity_kinds[kind], -1, SQLITE_STATIC);
    return corpus_collect_counts(s, st, sel->n, out, n_out, "counting entities", err);
}

/* ---- co-occurrence ------------------------------------------------------------------------- */

struct corpus_ent_docs {
    int64_t id;
    char *name;
    enum entity_kind kind;
    int64_t *docs; /* sorted, restricted to the selection */
    size_t n;
};

static int64_t
corpus_intersect(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
    size_t i = 0, j = 0;
    int64_t c = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            c++, i++, j++;
    }
    return c;
}

static int
corpus_cmp_pair(const void *a, const void *b)
{
    const struct corpus_pair *x = a, *y = b;
    if (x->docs != y->docs)
        return x->docs > y->docs ? -1 : 1;
    int c = strcmp(x->a, y->a);
    return c ? c : strcmp(x->b, y->b);
}

/* How many top entities take part: pairs among them are 40*39/2 = 780
 * list intersections, a few milliseconds at 100k documents. */
#define CORPUS_COOCCUR_TOP 40

int
corpus_cooccur(struct store *s, const struct corpus_sel *sel, size_t max,
               struct corpus_pair **out, size_t *n_out, struct ds_error *err)
{
    static const char *const top_all =
        "SELECT entity_id, count(*) AS c FROM mentions INDEXED BY mentions_entity"
        " GROUP BY entity_id ORDER BY c DESC, entity_id LIMIT ?2";
    static const char *const top_sel =
        "SELECT m.entity_id, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN mentions m ON m.doc_id = cs.id WHERE cs.sel = ?1"
        " GROUP BY m.entity_id ORDER BY c DESC, m.entity_id LIMIT ?2";
    struct corpus_ent_docs ents[CORPUS_COOCCUR_TOP];
    size_t ne = 0;
    sqlite3_stmt *st = NULL, *docs = NULL, *name = NULL;
    int rc, result = -1;
    struct corpus_pair *pairs = NULL;
    size_t np = 0, cap = 0;

    *out = NULL;
    *n_out = 0;
    memset(ents, 0, sizeof ents);
    if (corpus_prepare(s, sel, top_all, top_sel, &st, "counting entities", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 2, CORPUS_COOCCUR_TOP);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && ne < CORPUS_COOCCUR_TOP)
        ents[ne++].id = sqlite3_column_int64(st, 0);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        goto fail;
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT doc_id FROM mentions INDEXED BY mentions_entity"
                            " WHERE entity_id = ?1 ORDER BY doc_id",
                            -1, &docs, NULL);
    if (rc != SQLITE_OK)
        goto fail;
    rc = sqlite3_prepare_v2(s->db, "SELECT name, kind FROM entities WHERE id = ?1", -1, &name,
                            NULL);
    if (rc != SQLITE_OK)
        goto fail;
    for (size_t i = 0; i < ne; i++) {
        size_t dcap = 0;
        sqlite3_bind_int64(docs, 1, ents[i].id);
        while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
            int64_t d = sqlite3_column_int64(docs, 0);
            if (!corpus_sel_has(sel, d))
                continue;
            if (ents[i].n == dcap) {
                dcap = dcap ? dcap * 2 : 64;
                ents[i].docs = xrealloc(ents[i].docs, dcap * sizeof *ents[i].docs);
            }
            ents[i].docs[ents[i].n++] = d;
        }
        sqlite3_reset(docs);
        if (rc != SQLITE_DONE)
            goto fail;
        sqlite3_bind_int64(name, 1, ents[i].id);
        if ((rc = sqlite3_step(name)) != SQLITE_ROW)
            goto fail;
        const char *nm = (const char *)sqlite3_column_text(name, 0);
        ents[i].name = corpus_clean_line(nm ? nm : "", nm ? strlen(nm) : 0);
        ents[i].kind = corpus_entity_kind_parse((const char *)sqlite3_column_text(name, 1));
        sqlite3_reset(name);
    }
    for (size_t i = 0; i < ne; i++) {
        for (size_t j = i + 1; j < ne; j++) {
            int64_t c = corpus_intersect(ents[i].docs, ents[i].n, ents[j].docs, ents[j].n);
            if (c <= 0)
                continue;
            if (np == cap) {
                cap = cap ? cap * 2 : 64;
                pairs = xrealloc(pairs, cap * sizeof *pairs);
            }
            bool swap = strcmp(ents[i].name, ents[j].name) > 0;
            const struct corpus_ent_docs *a = swap ? &ents[j] : &ents[i];
            const struct corpus_ent_docs *b = swap ? &ents[i] : &ents[j];
            pairs[np].a = xstrdup(a->name);
            pairs[np].b = xstrdup(b->name);
            pairs[np].kind_a = a->kind;
            pairs[np].kind_b = b->kind;
            pairs[np].docs = c;
            np++;
        }
    }
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, corpus_cmp_pair);
    if (max && np > max) {
        for (size_t i = max; i < np; i++) {
            free(pairs[i].a);
            free(pairs[i].b);
        }
        np = max;
    }
    *out = pairs;
    *n_out = np;
    pairs = NULL;
    np = 0;
    result = 0;
    rc = SQLITE_OK;
fail:
    if (result != 0)
        store_fail(s, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "counting entity pairs");
    sqlite3_finalize(st);
    sqlite3_finalize(docs);
    sqlite3_finalize(name);
    for (size_t i = 0; i < ne; i++) {
        free(ents[i].docs);
        free(ents[i].name);
    }
    corpus_pairs_free(pairs, np);
    return result;
}

/* ---- timeline ----------------------------------------------------------------------------- */

/* Per-document dates of the selection: sorted ids with their date string
 * (NULL when undated), so topic series join in C without touching rows. */
struct corpus_datemap {
    int64_t *ids;
    char **dates;
    size_t n;
};

static void
corpus_datemap_free(struct corpus_datemap *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->dates[i]);
    free(m->ids);
    free(m->dates);
    memset(m, 0, sizeof *m);
}

static const char *
corpus_datemap_get(const struct corpus_datemap *m, int64_t id, bool *found)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->ids[mid] < id)
            lo = mid + 1;
        else if (m->ids[mid] > id)
            hi = mid;
        else {
            *found = true;
            return m->dates[mid];
        }
    }
    *found = false;
    return NULL;
}

struct corpus_idx {
    int64_t id;
    char *date;
};

static int
corpus_cmp_idx(const void *a, const void *b)
{
    const struct corpus_idx *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int
corpus_load_dates(struct store *s, const struct corpus_sel *sel, struct corpus_datemap *m,
                  struct ds_error *err)
{
    /* Both read the covering index (published, id): no document row is
     * touched. A small selection looks its rows up instead. */
    static const char *const all =
        "SELECT id, substr(published, 1, 10) FROM documents INDEXED BY documents_published";
    static const char *const big =
        "SELECT id, substr(published, 1, 10) FROM documents INDEXED BY documents_published"
        " WHERE id IN (SELECT id FROM temp.corpus_sel WHERE sel = ?1)";
    static const char *const small =
        "SELECT d.id, substr(d.published, 1, 10) FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1";
    sqlite3_stmt *st;
    memset(m, 0, sizeof *m);
    if (corpus_prepare(s, sel, all, sel->n > 5000 ? big : small, &st, "reading dates", err) != 0)
        return -1;
    struct corpus_idx *v = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n].id = sqlite3_column_int64(st, 0);
        v[n].date = store_col_dup(st, 1);
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < n; i++)
            free(v[i].date);
        free(v);
        return store_fail(s, err, rc, "reading dates");
    }
    if (n > 1)
        qsort(v, n, sizeof *v, corpus_cmp_idx);
    m->ids = xmalloc((n ? n : 1) * sizeof *m->ids);
    m->dates = xmalloc((n ? n : 1) * sizeof *m->dates);
    for (size_t i = 0; i < n; i++) {
        m->ids[i] = v[i].id;
        m->dates[i] = v[i].date;
    }
    m->n = n;
    free(v);
    return 0;
}

static int
corpus_cmp_datecount(const void *a, const void *b)
{
    const struct corpus_datecount *x = a, *y = b;
    return strcmp(x->date, y->date);
}

/* Collapse dates (borrowed strings, NULLs skipped) into day counts. */
static struct corpus_datecount *
corpus_day_counts(const char *const *dates, size_t n, size_t *n_out, int64_t *undated)
{
    struct corpus_datecount *v = xmalloc((n ? n : 1) * sizeof *v);
    size_t k = 0;
    *undated = 0;
    for (size_t i = 0; i < n; i++) {
        if (!dates[i] || !*dates[i]) {
            (*undated)++;
            continue;
        }
        v[k].date = dates[i];
        v[k].count = 1;
        k++;
    }
    if (k > 1)
        qsort(v, k, sizeof *v, corpus_cmp_datecount);
    size_t w = 0;
    for (size_t i = 0; i < k; i++) {
        if (w && strcmp(v[w - 1].date, v[i].date) == 0)
            v[w - 1].count++;
        else
            v[w++] = v[i];
    }
    *n_out = w;
    return v;
}

int
corpus_timeline(struct store *s, const struct corpus_sel *sel, enum corpus_unit unit,
                size_t max_series, struct corpus_timeline *out, struct ds_error *err)
{
    struct corpus_datemap m;
    memset(out, 0, sizeof *out);
    if (corpus_load_dates(s, sel, &m, err) != 0)
        return -1;
    size_t nd;
    int64_t undated;
    struct corpus_datecount *days = corpus_day_counts((const char *const *)m.dates, m.n, &nd, &undated);
    corpus_timeline_build(days, nd, unit, undated, out);
    free(days);

    struct corpus_count *topics = NULL;
    size_t ntopics = 0;
    int result = 0;
    if (max_series && out->nbuckets) {
        if (corpus_distribution(s, sel, CORPUS_DIST_TOPIC, max_series, &topics, &ntopics, err))
            result = -1;
    }
    sqlite3_stmt *st = NULL;
    if (ntopics && sqlite3_prepare_v2(s->db,
                                      "SELECT doc_id FROM doc_topics INDEXED BY doc_topics_slug"
                                      " WHERE slug = ?1",
                                      -1, &st, NULL) != SQLITE_OK) {
        result = store_fail(s, err, sqlite3_errcode(s->db), "reading topics");
        ntopics = 0;
    }
    const char **dates = NULL;
    size_t cap = 0;
    for (size_t t = 0; t < ntopics && result == 0; t++) {
        size_t n = 0;
        int rc;
        sqlite3_bind_text(st, 1, topics[t].key, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            bool found;
            const char *d = corpus_datemap_get(&m, sqlite3_column_int64(st, 0), &found);
            if (!found)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                dates = xrealloc(dates, cap * sizeof *dates);
            }
            dates[n++] = d;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            result = store_fail(s, err, rc, "reading topics");
            break;
        }
        size_t nd2;
        int64_t und2;
        struct corpus_datecount *tdays = corpus_day_counts(dates, n, &nd2, &und2);
        corpus_timeline_add_series(out, topics[t].key, topics[t].label, tdays, nd2);
        free(tdays);
    }
    sqlite3_finalize(st);
    free(dates);
    corpus_counts_free(topics, ntopics);
    corpus_datemap_free(&m);
    if (result != 0)
        corpus_timeline_clear(out);
    return result;
}

/* ---- figures ------------------------------------------------------------------------------ */

int
corpus_figures(struct store *s, const struct corpus_sel *sel, enum corpus_fig_sort sort,
               size_t max, struct corpus_figure **out, size_t *n_out, struct ds_error *err)
{
    static const char *const cols =
        "f.doc_id, d.published, d.source, f.text, f.value, f.unit, f.kind, f.period, f.subject,"
        " f.\"start\", f.\"end\"";
    char *all = xasprintf("SELECT %s FROM figures f JOIN documents d ON d.id = f.doc_id"
                          " ORDER BY f.doc_id, f.\"start\"", cols);
    char *part = xasprintf("SELECT %s FROM temp.corpus_sel cs JOIN figures f ON f.doc_id = cs.id"
                           " JOIN documents d ON d.id = f.doc_id WHERE cs.sel = ?1"
                           " ORDER BY f.doc_id, f.\"start\"", cols);
    sqlite3_stmt *st;
    *out = NULL;
    *n_out = 0;
    int rc = corpus_prepare(s, sel, all, part, &st, "reading figures", err);
    free(all);
    free(part);
    if (rc != 0)
        return -1;
    struct corpus_figure *v = NULL;
    size_t n = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, cap * sizeof *v);
        }
        struct corpus_figure *f = &v[n++];
        memset(f, 0, sizeof *f);
        f->doc_id = sqlite3_column_int64(st, 0);
        f->date = store_col_dup(st, 1);
        const char *t;
#define CORPUS_COL_CLEAN(field, i)                                                               \
    do {                                                                                         \
        t = (const char *)sqlite3_column_text(st, i);                                            \
        f->field = t ? corpus_clean_line(t, strlen(t)) : NULL;                                   \
    } while (0)
        CORPUS_COL_CLEAN(source, 2);
        CORPUS_COL_CLEAN(text, 3);
        f->value = sqlite3_column_double(st, 4);
        CORPUS_COL_CLEAN(unit, 5);
        CORPUS_COL_CLEAN(kind, 6);
        CORPUS_COL_CLEAN(period, 7);
        CORPUS_COL_CLEAN(subject, 8);
#undef CORPUS_COL_CLEAN
        f->subject_key = corpus_subject_key(f->subject);
        f->start = (uint32_t)sqlite3_column_int64(st, 9);
        f->end = (uint32_t)sqlite3_column_int64(st, 10);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        corpus_figures_free(v, n);
        return store_fail(s, err, rc, "reading figures");
    }
    corpus_figures_sort(v, n, sort);
    if (max && n > max) {
        for (size_t i = max; i < n; i++)
            corpus_figure_clear(&v[i]);
        n = max;
    }
    *out = v;
    *n_out = n;
    return 0;
}

/* ---- documents for export ------------------------------------------------------------------ */

int
corpus_docs_each(struct store *s, const struct corpus_sel *sel,
                 int (*fn)(const struct corpus_doc *d, void *ud), void *ud, struct ds_error *err)
{
    static const char *const cols =
        "d.id, d.published, d.source, coalesce(d.title, d.lead, ''), d.title IS NOT NULL,"
        " (SELECT min(path) FROM files WHERE doc_id = d.id),"
        " (SELECT group_concat(slug, ',') FROM (SELECT slug FROM doc_topics"
        "  WHERE doc_id = d.id ORDER BY score DESC, slug))";
    char *all = xasprintf("SELECT %s FROM documents d"
                          " ORDER BY d.published IS NULL, d.published, d.id", cols);
    char *part = xasprintf("SELECT %s FROM temp.corpus_sel cs JOIN documents d ON d.id = cs.id"
                           " WHERE cs.sel = ?1 ORDER BY d.published IS NULL, d.published, d.id",
                           cols);
    sqlite3_stmt *st;
    int rc = corpus_prepare(s, sel, all, part, &st, "reading documents", err);
    free(all);
    free(part);
    if (rc != 0)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct corpus_doc d;
        d.id = sqlite3_column_int64(st, 0);
        d.date = (const char *)sqlite3_column_text(st, 1);
        d.source = (const char *)sqlite3_column_text(st, 2);
        d.title = (const char *)sqlite3_column_text(st, 3);
        d.has_title = sqlite3_column_int(st, 4) != 0;
        d.path = (const char *)sqlite3_column_text(st, 5);
        d.topics = (const char *)sqlite3_column_text(st, 6);
        if (fn(&d, ud) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading documents");
    return 0;
}

/* ---- keyword in context -------------------------------------------------------------------- */

struct corpus_tok {
    uint64_t hash;
    size_t start, end;
};

struct corpus_toks {
    struct corpus_tok *v;
    size_t n, cap;
};

static void
corpus_tok_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct corpus_toks *t = ud;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n].hash = ds_hash64(token, strlen(token));
    t->v[t->n].start = start;
    t->v[t->n].end = end;
    t->n++;
}

static bool
corpus_has_cjk(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (utf8_is_cjk(cp))
            return true;
    }
    return false;
}

/* Case-insensitive (ASCII) search of needle in hay from pos; the match's
 * start or (size_t)-1. */
static size_t
corpus_find_ci(const char *hay, size_t n, const char *needle, size_t m, size_t pos)
{
    if (!m || m > n)
        return (size_t)-1;
    for (size_t i = pos; i + m <= n; i++) {
        size_t j = 0;
        while (j < m) {
            unsigned char a = (unsigned char)hay[i + j], b = (unsigned char)needle[j];
            if (a >= 'A' && a <= 'Z')
                a = (unsigned char)(a + 32);
            if (b >= 'A' && b <= 'Z')
                b = (unsigned char)(b + 32);
            if (a != b)
                break;
            j++;
        }
        if (j == m)
            return i;
    }
    return (size_t)-1;
}

struct corpus_kwic_acc {
    struct corpus_kwic *v;
    size_t n, cap, max;
    bool truncated;
};

static void
corpus_kwic_push(struct corpus_kwic_acc *a, int64_t doc, const char *body, size_t len,
                 size_t start, size_t end, size_t width)
{
    if (a->n >= a->max) {
        a->truncated = true;
        return;
    }
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    struct corpus_kwic *k = &a->v[a->n++];
    k->doc_id = doc;
    corpus_kwic_make(body, len, start, end, width, k);
}

/* The FTS5 phrase for term: the whole term in double quotes (quotes
 * doubled), restricted to the body column. */
static char *
corpus_fts_phrase(const char *term)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "body : \"");
    for (const char *p = term; *p; p++) {
        if (*p == '"')
            buf_putc(&b, '"');
        buf_putc(&b, *p);
    }
    buf_putc(&b, '"');
    return buf_steal(&b);
}

int
corpus_kwic_find(struct store *s, const struct corpus_sel *sel, const char *term,
                 size_t width, size_t max, struct corpus_kwic **out, size_t *n_out,
                 bool *truncated_out, struct ds_error *err)
{
    struct corpus_toks want = {0}, got = {0};
    struct corpus_kwic_acc acc = {0};
    sqlite3_stmt *cand = NULL, *body = NULL;
    int rc = SQLITE_OK, result = -1;
    char *phrase = NULL;
    char *needle = NULL;

    *out = NULL;
    *n_out = 0;
    if (truncated_out)
        *truncated_out = false;
    acc.max = max ? max : 10000;
    needle = corpus_clean_line(term, strlen(term));
    if (!*needle) {
        ds_error_set(err, -1, "nothing to look for: the term is empty");
        free(needle);
        return -1;
    }
    bool cjk = corpus_has_cjk(needle);
    if (!cjk) {
        if (store_tokenize(s, needle, strlen(needle), corpus_tok_cb, &want, err) != 0)
            goto done;
        if (!want.n) {
            ds_error_set(err, -1, "'%s' has no word the index knows (only punctuation?)", needle);
            goto done;
        }
    }
    /* Candidates: the FTS index narrows the documents unless the term is a
     * single CJK character (not a token of the index inside longer runs). */
    size_t ncp = 0;
    for (size_t i = 0, n = strlen(needle); i < n; ncp++) {
        uint32_t cp;
        i += (size_t)utf8_decode(needle + i, n - i, &cp);
    }
    bool use_fts = !cjk || ncp >= 2;
    phrase = corpus_fts_phrase(needle);
    if (use_fts) {
        static const char *const c_all =
            "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?2 ORDER BY rowid";
        static const char *const c_sel =
            "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?2"
            " AND rowid IN (SELECT id FROM temp.corpus_sel WHERE sel = ?1) ORDER BY rowid";
        if (corpus_prepare(s, sel, c_all, c_sel, &cand, "looking for the term", err) != 0)
            goto done;
        sqlite3_bind_text(cand, 2, phrase, -1, SQLITE_STATIC);
    } else {
        static const char *const c_all = "SELECT id FROM documents ORDER BY id";
        static const char *const c_sel =
            "SELECT id FROM temp.corpus_sel WHERE sel = ?1 ORDER BY id";
        if (corpus_prepare(s, sel, c_all, c_sel, &cand, "looking for the term", err) != 0)
            goto done;
    }
    rc = sqlite3_prepare_v2(s->db, "SELECT body FROM documents WHERE id = ?1", -1, &body, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "reading a document");
        goto done;
    }
    size_t nlen = strlen(needle);
    while (!acc.truncated && (rc = sqlite3_step(cand)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(cand, 0);
        sqlite3_bind_int64(body, 1, id);
        rc = sqlite3_step(body);
        if (rc != SQLITE_ROW) {
            sqlite3_reset(body);
            if (rc == SQLITE_DONE)
                continue;
            store_fail(s, err, rc, "reading a document");
            goto done;
        }
        const char *text = (const char *)sqlite3_column_text(body, 0);
        size_t len = (size_t)sqlite3_column_bytes(body, 0);
        if (!text) {
            sqlite3_reset(body);
            continue;
        }
        if (cjk) {
            for (size_t p = corpus_find_ci(text, len, needle, nlen, 0); p != (size_t)-1;
                 p = corpus_find_ci(text, len, needle, nlen, p + nlen))
                corpus_kwic_push(&acc, id, text, len, p, p + nlen, width);
        } else {
            got.n = 0;
            if (store_tokenize(s, text, len, corpus_tok_cb, &got, err) != 0) {
                sqlite3_reset(body);
                goto done;
            }
            for (size_t i = 0; i + want.n <= got.n; i++) {
                size_t j = 0;
                while (j < want.n && got.v[i + j].hash == want.v[j].hash)
                    j++;
                if (j == want.n)
                    corpus_kwic_push(&acc, id, text, len, got.v[i].start,
                                     got.v[i + want.n - 1].end, width);
            }
        }
        sqlite3_reset(body);
    }
    if (!acc.truncated && rc != SQLITE_DONE) {
        store_fail(s, err, rc, "looking for the term");
        goto done;
    }
    *out = acc.v;
    *n_out = acc.n;
    if (truncated_out)
        *truncated_out = acc.truncated;
    acc.v = NULL;
    acc.n = 0;
    result = 0;
done:
    sqlite3_finalize(cand);
    sqlite3_finalize(body);
    corpus_kwic_free(acc.v, acc.n);
    free(want.v);
    free(got.v);
    free(phrase);
    free(needle);
    return result;
}

/* ---- keyness ------------------------------------------------------------------------------- */

/* Term counts: an open-addressing table keyed by the token text. */
struct corpus_tf_entry {
    char *term;
    uint64_t hash;
    int64_t count;
};

struct corpus_tf {
    struct corpus_tf_entry *v;
    size_t cap, n;
    int64_t tokens;
};

static void
corpus_tf_grow(struct corpus_tf *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    struct corpus_tf_entry *v = xcalloc(cap, sizeof *v);
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->v[i].term)
            continue;
        size_t j = t->v[i].hash & (cap - 1);
        while (v[j].term)
            j = (j + 1) & (cap - 1);
        v[j] = t->v[i];
    }
    free(t->v);
    t->v = v;
    t->cap = cap;
}

static void
corpus_tf_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct corpus_tf *t = ud;
    (void)start;
    (void)end;
    size_t len = strlen(token);
    if (!len)
        return;
    if ((t->n + 1) * 2 > t->cap)
        corpus_tf_grow(t);
    uint64_t h = ds_hash64(token, len);
    size_t j = h & (t->cap - 1);
    while (t->v[j].term && (t->v[j].hash != h || strcmp(t->v[j].term, token) != 0))
        j = (j + 1) & (t->cap - 1);
    if (!t->v[j].term) {
        t->v[j].term = xstrdup(token);
        t->v[j].hash = h;
        t->n++;
    }
    t->v[j].count++;
    t->tokens++;
}

static int64_t
corpus_tf_get(const struct corpus_tf *t, const char *term)
{
    if (!t->cap)
        return 0;
    uint64_t h = ds_hash64(term, strlen(term));
    size_t j = h & (t->cap - 1);
    while (t->v[j].term) {
        if (t->v[j].hash == h && strcmp(t->v[j].term, term) == 0)
            return t->v[j].count;
        j = (j + 1) & (t->cap - 1);
    }
    return 0;
}

static void
corpus_tf_free(struct corpus_tf *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->v[i].term);
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* Tokenizing is the cost of keyness; beyond this many bytes of text a
 * selection is sampled (every k-th document). */
#define CORPUS_KEYNESS_BUDGET (24u << 20)

/* Count the tokens of the selection's titles and bodies into tf; *stride
 * gets the sampling step (1 = every document). */
static int
corpus_count_terms(struct store *s, const struct corpus_sel *sel, struct corpus_tf *tf,
                   int64_t *stride, struct ds_error *err)
{
    static const char *const w_all = "SELECT coalesce(sum(words), 0) FROM documents";
    static const char *const w_sel =
        "SELECT coalesce(sum(d.words), 0) FROM temp.corpus_sel cs JOIN documents d"
        " ON d.id = cs.id WHERE cs.sel = ?1";
    static const char *const t_all = "SELECT title, body FROM documents ORDER BY id";
    static const char *const t_sel =
        "SELECT d.title, d.body FROM temp.corpus_sel cs JOIN documents d ON d.id = cs.id"
        " WHERE cs.sel = ?1 ORDER BY cs.id";
    sqlite3_stmt *st;
    int64_t words = 0;
    if (corpus_prepare(s, sel, w_all, w_sel, &st, "counting words", err) != 0)
        return -1;
    int rc = corpus_step_int(s, st, &words, "counting words", err);
    sqlite3_finalize(st);
    if (rc != 0)
        return -1;
    /* about 6 bytes per word of English; CJK counts a character as a word */
    int64_t bytes = words * 6;
    *stride = bytes > (int64_t)CORPUS_KEYNESS_BUDGET ? bytes / CORPUS_KEYNESS_BUDGET + 1 : 1;
    if (corpus_prepare(s, sel, t_all, t_sel, &st, "reading documents", err) != 0)
        return -1;
    int64_t row = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (row++ % *stride)
            continue;
        for (int c = 0; c < 2; c++) {
            const char *text = (const char *)sqlite3_column_text(st, c);
            if (text && store_tokenize(s, text, (size_t)sqlite3_column_bytes(st, c), corpus_tf_cb,
                                       tf, err) != 0) {
                sqlite3_finalize(st);
                return -1;
            }
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading documents");
    return 0;
}

static int
corpus_vocab_ready(struct store *s, struct ds_error *err)
{
    if (s->vocab_ready)
        return 0;
    if (store_exec(s,
                   "CREATE VIRTUAL TABLE IF NOT EXISTS temp.docs_vocab"
                   " USING fts5vocab(main, docs_fts, row)",
                   "reading term statistics", err) != 0)
        return -1;
    s->vocab_ready = true;
    return 0;
}

static int
corpus_cmp_term(const void *a, const void *b)
{
    const struct corpus_term *x = a, *y = b;
    if (x->g2 != y->g2)
        return x->g2 > y->g2 ? -1 : 1;
    return strcmp(x->term, y->term);
}

int
corpus_keyness(struct store *s, const struct corpus_sel *target, const struct corpus_sel *ref,
               size_t max, int64_t min_count, struct corpus_keyness *out,
               struct ds_error *err)
{
    struct corpus_tf ta = {0}, tb = {0};
    int64_t stride_a = 1, stride_b = 1;
    sqlite3_stmt *st = NULL;
    int result = -1, rc;
    struct corpus_term *terms = NULL;
    size_t nt = 0, cap = 0;

    memset(out, 0, sizeof *out);
    if (min_count <= 0)
        min_count = 3;
    if (corpus_count_terms(s, target, &ta, &stride_a, err) != 0)
        goto done;
    double c = (double)ta.tokens * (double)stride_a;
    double d = 0;
    if (ref) {
        if (corpus_count_terms(s, ref, &tb, &stride_b, err) != 0)
            goto done;
        d = (double)tb.tokens * (double)stride_b;
    } else {
        /* the reference is the rest of the corpus: its totals from the
         * index's vocabulary, minus the target's */
        if (corpus_vocab_ready(s, err) != 0)
            goto done;
        rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(sum(cnt), 0) FROM temp.docs_vocab", -1,
                                &st, NULL);
        int64_t total = 0;
        if (rc != SQLITE_OK) {
            store_fail(s, err, rc, "reading term statistics");
            goto done;
        }
        if (corpus_step_int(s, st, &total, "reading term statistics", err) != 0)
            goto done;
        sqlite3_finalize(st);
        st = NULL;
        d = (double)total - c;
        if (d < 0)
            d = 0;
        rc = sqlite3_prepare_v2(s->db, "SELECT cnt FROM temp.docs_vocab WHERE term = ?1", -1, &st,
                                NULL);
        if (rc != SQLITE_OK) {
            store_fail(s, err, rc, "reading term statistics");
            goto done;
        }
    }
    for (size_t i = 0; i < ta.cap; i++) {
        const struct corpus_tf_entry *e = &ta.v[i];
        if (!e->term || e->count < min_count)
            continue;
        double a = (double)e->count * (double)stride_a, b;
        if (ref) {
            b = (double)corpus_tf_get(&tb, e->term) * (double)stride_b;
        } else {
            sqlite3_bind_text(st, 1, e->term, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            double total = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
            sqlite3_reset(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                store_fail(s, err, rc, "reading term statistics");
                goto done;
            }
            b = total - a;
            if (b < 0)
                b = 0;
        }
        if (a / c <= (d > 0 ? b / d : 0))
            continue; /* not over-represented */
        if (nt == cap) {
            cap = cap ? cap * 2 : 256;
            terms = xrealloc(terms, cap * sizeof *terms);
        }
        terms[nt].term = corpus_clean_line(e->term, strlen(e->term));
        terms[nt].a = (int64_t)a;
        terms[nt].b = (int64_t)b;
        terms[nt].g2 = corpus_g2(a, b, c, d);
        terms[nt].log_ratio = corpus_log_ratio(a, b, c, d);
        nt++;
    }
    if (nt > 1)
        qsort(terms, nt, sizeof *terms, corpus_cmp_term);
    if (max && nt > max) {
        for (size_t i = max; i < nt; i++)
            free(terms[i].term);
        nt = max;
    }
    out->terms = terms;
    out->nterms = nt;
    out->target_tokens = (int64_t)c;
    out->ref_tokens = (int64_t)d;
    out->sampled = stride_a > 1 || stride_b > 1;
    terms = NULL;
    nt = 0;
    result = 0;
done:
    sqlite3_finalize(st);
    corpus_terms_free(terms, nt);
    corpus_tf_free(&ta);
    corpus_tf_free(&tb);
    return result;
}

/* ---- the whole view ------------------------------------------------------------------------- */

int
corpus_overview(struct store *s, const struct corpus_sel *sel, size_t max,
                struct corpus_overview *out, struct ds_error *err)
{
    double t0 = ds_now();
    memset(out, 0, sizeof *out);
    out->documents = (int64_t)sel->n;
    if (corpus_timeline(s, sel, CORPUS_UNIT_AUTO, 6, &out->timeline, err) != 0 ||
        corpus_distribution(s, sel, CORPUS_DIST_TOPIC, max, &out->topics, &out->ntopics, err) ||
        corpus_distribution(s, sel, CORPUS_DIST_SOURCE, max, &out->sources, &out->nsources,
                            err) ||
        corpus_entities(s, sel, -1, max, &out->entities, &out->nentities, err) ||
        corpus_cooccur(s, sel, max, &out->pairs, &out->npairs, err)) {
        corpus_overview_clear(out);
        return -1;
    }
    out->seconds = ds_now() - t0;
    return 0;
}
