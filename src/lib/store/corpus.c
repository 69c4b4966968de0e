/*
 * store/corpus.c — the SQL behind corpus statistics (corpus.h): selections
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

#include "../corpus/lib.h"
#include "dossier/compare.h"
#include "dossier/text.h"
#include "dossier/query.h"
#include "dossier/utf8.h"
#include "lib.h"

/* Kinds as stored by store/extractions.c (words, not enum numbers). */
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

/* An int64 -> count table (open addressing; key 0 is never an id). */
struct corpus_imap {
    int64_t *keys;
    int64_t *vals;
    size_t cap, n;
};

/* The (document, entity) rows of a selection, in document order, and the
 * number of documents per entity: loaded once per selection (the entity
 * table and the co-occurrence pairs both use them). */
struct corpus_idcount {
    int64_t id, count;
};

/* Selections larger than this are counted on a systematic sample of this
 * many documents (every k-th id), counts scaled by k: the top entities and
 * pairs of 40,000 documents are stable on 8,000, and reading every mention
 * of a large selection costs ~4 us per document. */
#define CORPUS_MENT_SAMPLE 8000

struct corpus_ment {
    bool loaded;
    bool sampled;
    double scale;                 /* documents per sampled document */
    int64_t *doc, *ent;
    size_t n, cap;
    struct corpus_imap counts;
    struct corpus_idcount *ranked; /* by count, computed once */
    size_t nranked;
};

static int corpus_fresh(struct store *s, struct ds_error *err);

/* ---- selections ------------------------------------------------------------------------------ */

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
    sel->ment = xcalloc(1, sizeof *sel->ment);
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
        sel->ment = xcalloc(1, sizeof *sel->ment);
        *out = sel;
        return 0;
    }
    struct corpus_sel *sel;
    if (corpus_sel_new(s, &sel, err) != 0)
        return -1;
    size_t np = query_param_count(q);
    char *sql = xasprintf("INSERT OR IGNORE INTO temp.corpus_sel(sel, id)"
                          " SELECT ?%zu, id FROM (%s)",
                          np + 1, query_sql(q));
    sqlite3_stmt *st = NULL;
    int rc = store_prepare_query(s, sql, q, &st, err);
    free(sql);
    if (rc != 0) {
        corpus_sel_free(&sel);
        return -1;
    }
    sqlite3_bind_int64(st, (int)np + 1, sel->num);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
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
    corpus_ment_free(sel->ment);
    free(sel->ids);
    free(sel);
    *selp = NULL;
}

/* ---- distributions --------------------------------------------------------------------------- */

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
        "SELECT dt.slug, t.name, count(*) AS c FROM doc_topics dt INDEXED BY doc_topics_slug"
        " LEFT JOIN topics t ON t.slug = dt.slug GROUP BY dt.slug ORDER BY c DESC, dt.slug"
        " LIMIT ?2";
    /* every document, from the timeline's totals: a few thousand rows
     * instead of the topic index (110 ms at 1M documents) */
    static const char *const topic_all_cached =
        "SELECT x.slug, t.name, x.c FROM (SELECT slug, sum(n) AS c FROM corpus_topic_day"
        " GROUP BY slug) x LEFT JOIN topics t ON t.slug = x.slug"
        " ORDER BY x.c DESC, x.slug LIMIT ?2";
    static const char *const topic_sel =
        "SELECT x.slug, t.name, x.c FROM (SELECT dt.slug AS slug, count(*) AS c"
        " FROM temp.corpus_sel cs JOIN corpus_dt dt ON dt.doc_id = cs.id"
        " WHERE cs.sel = ?1 GROUP BY dt.slug) x LEFT JOIN topics t ON t.slug = x.slug"
        " ORDER BY x.c DESC, x.slug LIMIT ?2";
    static const char *const source_all =
        "SELECT d.source, NULL, count(*) AS c FROM documents d INDEXED BY documents_source"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2";
    static const char *const source_sel =
        "SELECT cd.source, NULL, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN corpus_doc cd ON cd.id = cs.id WHERE cs.sel = ?1"
        " GROUP BY cd.source ORDER BY c DESC, cd.source LIMIT ?2";
    /* without the derived tables: the same from the index's own tables */
    static const char *const topic_direct =
        "SELECT dt.slug, t.name, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN doc_topics dt ON dt.doc_id = cs.id LEFT JOIN topics t ON t.slug = dt.slug"
        " WHERE cs.sel = ?1 GROUP BY dt.slug ORDER BY c DESC, dt.slug LIMIT ?2";
    static const char *const source_direct =
        "SELECT d.source, NULL, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2";
    sqlite3_stmt *st;
    *out = NULL;
    *n_out = 0;
    bool topic = kind == CORPUS_DIST_TOPIC;
    int cached = sel->all && !topic ? 0 : corpus_fresh(s, err);
    if (cached < 0)
        return -1;
    const char *part = topic ? (cached ? topic_sel : topic_direct)
                             : (cached ? source_sel : source_direct);
    const char *all = topic ? (cached ? topic_all_cached : topic_all) : source_all;
    if (corpus_prepare(s, sel, all, part, &st, "counting documents", err) != 0)
        return -1;
    sqlite3_bind_int64(st, 2, max ? (int64_t)max : -1);
    return corpus_collect_counts(s, st, sel->n, out, n_out, "counting documents", err);
}

/* ---- entities of a selection: one pass over its mentions ------------------------------------- */


static size_t
corpus_imap_slot(const struct corpus_imap *m, int64_t k)
{
    uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15ull;
    size_t j = (size_t)(h >> 17) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != k)
        j = (j + 1) & (m->cap - 1);
    return j;
}

static void
corpus_imap_add(struct corpus_imap *m, int64_t k, int64_t v)
{
    if ((m->n + 1) * 2 > m->cap) {
        struct corpus_imap g = {NULL, NULL, m->cap ? m->cap * 2 : 1024, 0};
        g.keys = xcalloc(g.cap, sizeof *g.keys);
        g.vals = xcalloc(g.cap, sizeof *g.vals);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = corpus_imap_slot(&g, m->keys[i]);
                g.keys[j] = m->keys[i];
                g.vals[j] = m->vals[i];
                g.n++;
            }
        free(m->keys);
        free(m->vals);
        *m = g;
    }
    size_t j = corpus_imap_slot(m, k);
    if (!m->keys[j]) {
        m->keys[j] = k;
        m->n++;
    }
    m->vals[j] += v;
}

static void
corpus_imap_free(struct corpus_imap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}


void
corpus_ment_free(struct corpus_ment *m)
{
    if (!m)
        return;
    free(m->doc);
    free(m->ent);
    free(m->ranked);
    corpus_imap_free(&m->counts);
    free(m);
}

static void
corpus_ment_push(struct corpus_ment *m, int64_t doc, int64_t ent)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4096;
        m->doc = xrealloc(m->doc, m->cap * sizeof *m->doc);
        m->ent = xrealloc(m->ent, m->cap * sizeof *m->ent);
    }
    m->doc[m->n] = doc;
    m->ent[m->n] = ent;
    corpus_imap_add(&m->counts, ent, 1);
    m->n++;
}

static int
corpus_ment_load(struct store *s, const struct corpus_sel *sel, struct ds_error *err)
{
    struct corpus_ment *m = sel->ment;
    if (m->loaded)
        return 0;
    sqlite3_stmt *st = NULL;
    int rc;
    m->scale = 1;
    if (sel->n > CORPUS_MENT_SAMPLE) {
        size_t step = (sel->n + CORPUS_MENT_SAMPLE - 1) / CORPUS_MENT_SAMPLE, taken = 0;
        rc = sqlite3_prepare_v2(s->db, "SELECT entity_id FROM mentions WHERE doc_id = ?1", -1,
                                &st, NULL);
        for (size_t i = 0; rc == SQLITE_OK && i < sel->n; i += step, taken++) {
            sqlite3_bind_int64(st, 1, sel->ids[i]);
            while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                corpus_ment_push(m, sel->ids[i], sqlite3_column_int64(st, 0));
            sqlite3_reset(st);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        if (rc == SQLITE_OK)
            rc = SQLITE_DONE;
        m->sampled = true;
        m->scale = taken ? (double)sel->n / (double)taken : 1;
    } else {
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT m.doc_id, m.entity_id FROM temp.corpus_sel cs"
                                " JOIN mentions m ON m.doc_id = cs.id WHERE cs.sel = ?1",
                                -1, &st, NULL);
        if (rc == SQLITE_OK)
            sqlite3_bind_int64(st, 1, sel->num);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            corpus_ment_push(m, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        m->n = 0;
        corpus_imap_free(&m->counts);
        return store_fail(s, err, rc, "counting entities");
    }
    m->loaded = true;
    return 0;
}

bool
corpus_sel_estimated(const struct corpus_sel *sel)
{
    return sel && !sel->all && sel->n > CORPUS_MENT_SAMPLE;
}

static int
corpus_cmp_idcount(const void *a, const void *b)
{
    const struct corpus_idcount *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Entities of a loaded selection, most documents first (computed once;
 * borrowed), counts scaled to the whole selection when it was sampled. */
static const struct corpus_idcount *
corpus_ment_ranked(struct corpus_ment *m, size_t *n_out)
{
    if (!m->ranked) {
        struct corpus_idcount *v = xmalloc((m->counts.n ? m->counts.n : 1) * sizeof *v);
        size_t n = 0;
        for (size_t i = 0; i < m->counts.cap; i++)
            if (m->counts.keys[i]) {
                v[n].id = m->counts.keys[i];
                v[n].count = (int64_t)((double)m->counts.vals[i] * m->scale + 0.5);
                n++;
            }
        if (n > 1)
            qsort(v, n, sizeof *v, corpus_cmp_idcount);
        m->ranked = v;
        m->nranked = n;
    }
    *n_out = m->nranked;
    return m->ranked;
}

/* The top entities of sel (of one kind when kind >= 0): ids and counts,
 * at most max. */
static int
corpus_top_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                    struct corpus_idcount **out, size_t *n_out, struct ds_error *err)
{
    static const char *const any_all =
        "SELECT entity_id, docs FROM corpus_ent ORDER BY docs DESC, entity_id LIMIT ?1";
    static const char *const kind_all =
        "SELECT entity_id, docs FROM corpus_ent WHERE kind = ?2"
        " ORDER BY docs DESC, entity_id LIMIT ?1";
    static const char *const direct_all =
        "SELECT m.entity_id, m.c FROM (SELECT entity_id, count(*) AS c FROM mentions"
        " INDEXED BY mentions_entity GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id"
        " WHERE ?2 IS NULL OR e.kind = ?2 ORDER BY m.c DESC, m.entity_id LIMIT ?1";
    const char *kname =
        kind >= 0 && (size_t)kind < DS_ARRAY_LEN(corpus_entity_kinds) ? corpus_entity_kinds[kind]
                                                                      : NULL;
    *out = NULL;
    *n_out = 0;
    if (sel->all) {
        int cached = corpus_fresh(s, err);
        if (cached < 0)
            return -1;
        sqlite3_stmt *st = NULL;
        struct corpus_idcount *v = NULL;
        size_t n = 0, cap = 0;
        int rc = sqlite3_prepare_v2(s->db, !cached ? direct_all : kname ? kind_all : any_all, -1,
                                    &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, max > INT64_MAX ? -1 : (int64_t)max);
            if (kname)
                sqlite3_bind_text(st, 2, kname, -1, SQLITE_STATIC);
        }
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[n].id = sqlite3_column_int64(st, 0);
            v[n].count = sqlite3_column_int64(st, 1);
            n++;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE && rc != SQLITE_OK) {
            free(v);
            return store_fail(s, err, rc, "counting entities");
        }
        *out = v;
        *n_out = n;
        return 0;
    }
    if (corpus_ment_load(s, sel, err) != 0)
        return -1;
    size_t nr;
    const struct corpus_idcount *all_ranked = corpus_ment_ranked(sel->ment, &nr);
    size_t keep = kname ? nr : DS_MIN(nr, max);
    struct corpus_idcount *ranked = xmalloc((keep ? keep : 1) * sizeof *ranked);
    memcpy(ranked, all_ranked, keep * sizeof *ranked);
    if (!kname) {
        *out = ranked;
        *n_out = keep;
        return 0;
    }
    /* keep the first max of the wanted kind */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT kind = ?2 FROM entities WHERE id = ?1", -1, &st,
                                NULL);
    size_t w = 0;
    if (rc == SQLITE_OK)
        sqlite3_bind_text(st, 2, kname, -1, SQLITE_STATIC);
    for (size_t i = 0; rc == SQLITE_OK && i < nr && w < max; i++) {
        sqlite3_bind_int64(st, 1, ranked[i].id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_int(st, 0))
            ranked[w++] = ranked[i];
        sqlite3_reset(st);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        free(ranked);
        return store_fail(s, err, rc, "counting entities");
    }
    *out = ranked;
    *n_out = w;
    return 0;
}

int
corpus_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                struct corpus_count **out, size_t *n_out, struct ds_error *err)
{
    struct corpus_idcount *top = NULL;
    size_t ntop = 0;
    *out = NULL;
    *n_out = 0;
    if (corpus_top_entities(s, sel, kind, max ? max : (size_t)-1 / 2, &top, &ntop, err) != 0)
        return -1;
    struct corpus_count *v = xcalloc(ntop ? ntop : 1, sizeof *v);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT name, kind FROM entities WHERE id = ?1", -1, &st,
                                NULL);
    size_t n = 0;
    for (size_t i = 0; rc == SQLITE_OK && i < ntop; i++) {
        sqlite3_bind_int64(st, 1, top[i].id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *nm = (const char *)sqlite3_column_text(st, 0);
            const char *kd = (const char *)sqlite3_column_text(st, 1);
            v[n].key = corpus_clean_line(nm ? nm : "", nm ? strlen(nm) : 0);
            v[n].label = kd ? corpus_clean_line(kd, strlen(kd)) : NULL;
            v[n].count = top[i].count;
            v[n].share = sel->n ? (double)top[i].count / (double)sel->n : 0;
            n++;
        }
        sqlite3_reset(st);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    free(top);
    if (rc != SQLITE_OK) {
        corpus_counts_free(v, n);
        return store_fail(s, err, rc, "counting entities");
    }
    *out = v;
    *n_out = n;
    return 0;
}

/* ---- co-occurrence --------------------------------------------------------------------------- */

/* How many top entities take part: 40*39/2 = 780 pairs. */
#define CORPUS_COOCCUR_TOP 40

static int
corpus_cmp_pair(const void *a, const void *b)
{
    const struct corpus_pair *x = a, *y = b;
    if (x->docs != y->docs)
        return x->docs > y->docs ? -1 : 1;
    int c = strcmp(x->a, y->a);
    return c ? c : strcmp(x->b, y->b);
}

static int
corpus_cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Index of id in the sorted ids[0..n), or -1. */
static long
corpus_find_id(const int64_t *ids, size_t n, int64_t id)
{
    const int64_t *p = bsearch(&id, ids, n, sizeof *ids, corpus_cmp_i64);
    return p ? (long)(p - ids) : -1;
}

/* Pair counts among top[0..ntop) (sorted ids) from (doc, entity) rows in
 * document order: matrix[i * ntop + j] for i < j. */
static void
corpus_pair_matrix(const int64_t *doc, const int64_t *ent, size_t n, const int64_t *top,
                   size_t ntop, int64_t *matrix)
{
    int present[CORPUS_COOCCUR_TOP];
    size_t np = 0;
    for (size_t r = 0; r <= n; r++) {
        if (r == n || (r > 0 && doc[r] != doc[r - 1])) {
            for (size_t a = 0; a < np; a++)
                for (size_t b = a + 1; b < np; b++) {
                    int i = DS_MIN(present[a], present[b]), j = DS_MAX(present[a], present[b]);
                    matrix[(size_t)i * ntop + (size_t)j]++;
                }
            np = 0;
            if (r == n)
                break;
        }
        long k = corpus_find_id(top, ntop, ent[r]);
        if (k >= 0 && np < CORPUS_COOCCUR_TOP)
            present[np++] = (int)k;
    }
}

struct corpus_raw_pair {
    int64_t a, b, docs;
};

static size_t
corpus_popcount(uint64_t x)
{
    size_t c = 0;
    while (x) {
        x &= x - 1;
        c++;
    }
    return c;
}

/* Pairs among the entities top[0..ntop) (ids) over the whole corpus, from
 * their documents as bitsets (one per entity over the document ids): 780
 * AND-popcounts; a < b in each pair. *out is newly allocated. */
static int
corpus_pairs_of(struct store *s, const int64_t *topids, size_t ntop,
                struct corpus_raw_pair **out, size_t *n_out, struct ds_error *err)
{
    size_t np = 0;
    sqlite3_stmt *st = NULL;
    uint64_t *bits = NULL;
    struct corpus_raw_pair *pairs = NULL;
    int rc = SQLITE_OK;
    int64_t maxid = 0;

    *out = NULL;
    *n_out = 0;
    rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) FROM documents", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        maxid = sqlite3_column_int64(st, 0), rc = SQLITE_OK;
    sqlite3_finalize(st);
    st = NULL;
    size_t words = (size_t)(maxid / 64 + 1);
    if (rc == SQLITE_OK) {
        bits = xcalloc(words * (ntop ? ntop : 1), sizeof *bits);
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT doc_id FROM mentions INDEXED BY mentions_entity"
                                " WHERE entity_id = ?1",
                                -1, &st, NULL);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < ntop; i++) {
        uint64_t *b = bits + i * words;
        sqlite3_bind_int64(st, 1, topids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t d = sqlite3_column_int64(st, 0);
            if (d >= 0 && d <= maxid)
                b[d / 64] |= 1ull << (d % 64);
        }
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) {
        pairs = xmalloc((ntop * ntop + 1) * sizeof *pairs);
        for (size_t i = 0; i < ntop; i++)
            for (size_t j = i + 1; j < ntop; j++) {
                const uint64_t *x = bits + i * words, *y = bits + j * words;
                size_t c = 0;
                for (size_t w = 0; w < words; w++)
                    c += corpus_popcount(x[w] & y[w]);
                if (c) {
                    pairs[np].a = DS_MIN(topids[i], topids[j]);
                    pairs[np].b = DS_MAX(topids[i], topids[j]);
                    pairs[np].docs = (int64_t)c;
                    np++;
                }
            }
    }
    free(bits);
    if (rc != SQLITE_OK) {
        free(pairs);
        return store_fail(s, err, rc, "counting entity pairs");
    }
    *out = pairs;
    *n_out = np;
    return 0;
}

/* The same for the corpus's top entities, counted from mentions. */
static int
corpus_pairs_all(struct store *s, struct corpus_raw_pair **out, size_t *n_out,
                 struct ds_error *err)
{
    struct corpus_sel all = {0};
    all.all = true;
    struct corpus_idcount *top = NULL;
    size_t ntop = 0;
    *out = NULL;
    *n_out = 0;
    if (corpus_top_entities(s, &all, -1, CORPUS_COOCCUR_TOP, &top, &ntop, err) != 0)
        return -1;
    int64_t ids[CORPUS_COOCCUR_TOP];
    for (size_t i = 0; i < ntop; i++)
        ids[i] = top[i].id;
    free(top);
    return corpus_pairs_of(s, ids, ntop, out, n_out, err);
}

int
corpus_cooccur(struct store *s, const struct corpus_sel *sel, size_t max,
               struct corpus_pair **out, size_t *n_out, struct ds_error *err)
{
    struct corpus_raw_pair *raw = NULL;
    size_t nraw = 0;
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;

    *out = NULL;
    *n_out = 0;
    int cached = sel->all ? corpus_fresh(s, err) : 0;
    if (cached < 0)
        return -1;
    if (sel->all && !cached) {
        if (corpus_pairs_all(s, &raw, &nraw, err) != 0)
            return -1;
    } else if (sel->all) {
        size_t cap = 0;
        rc = sqlite3_prepare_v2(s->db, "SELECT a, b, docs FROM corpus_pair", -1, &st, NULL);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (nraw == cap) {
                cap = cap ? cap * 2 : 256;
                raw = xrealloc(raw, cap * sizeof *raw);
            }
            raw[nraw].a = sqlite3_column_int64(st, 0);
            raw[nraw].b = sqlite3_column_int64(st, 1);
            raw[nraw].docs = sqlite3_column_int64(st, 2);
            nraw++;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        st = NULL;
        if (rc != SQLITE_DONE) {
            free(raw);
            return store_fail(s, err, rc, "counting entity pairs");
        }
    } else {
        struct corpus_idcount *top = NULL;
        size_t ntop = 0;
        if (corpus_top_entities(s, sel, -1, CORPUS_COOCCUR_TOP, &top, &ntop, err) != 0)
            return -1;
        int64_t ids[CORPUS_COOCCUR_TOP];
        for (size_t i = 0; i < ntop; i++)
            ids[i] = top[i].id;
        free(top);
        qsort(ids, ntop, sizeof *ids, corpus_cmp_i64);
        int64_t *matrix = xcalloc(ntop * ntop + 1, sizeof *matrix);
        const struct corpus_ment *m = sel->ment;
        corpus_pair_matrix(m->doc, m->ent, m->n, ids, ntop, matrix);
        raw = xmalloc((ntop * ntop + 1) * sizeof *raw);
        for (size_t i = 0; i < ntop; i++)
            for (size_t j = i + 1; j < ntop; j++)
                if (matrix[i * ntop + j] > 0) {
                    raw[nraw].a = ids[i];
                    raw[nraw].b = ids[j];
                    raw[nraw].docs = (int64_t)((double)matrix[i * ntop + j] * m->scale + 0.5);
                    nraw++;
                }
        free(matrix);
    }
    /* names, then order */
    struct corpus_pair *pairs = xcalloc(nraw ? nraw : 1, sizeof *pairs);
    size_t np = 0;
    rc = sqlite3_prepare_v2(s->db, "SELECT name, kind FROM entities WHERE id = ?1", -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < nraw; i++) {
        char *name[2] = {NULL, NULL};
        enum entity_kind kind[2] = {ENTITY_ORG, ENTITY_ORG};
        int64_t id[2] = {raw[i].a, raw[i].b};
        for (int k = 0; k < 2 && rc == SQLITE_OK; k++) {
            sqlite3_bind_int64(st, 1, id[k]);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                const char *nm = (const char *)sqlite3_column_text(st, 0);
                name[k] = corpus_clean_line(nm ? nm : "", nm ? strlen(nm) : 0);
                kind[k] = corpus_entity_kind_parse((const char *)sqlite3_column_text(st, 1));
                rc = SQLITE_OK;
            } else if (rc == SQLITE_DONE) {
                name[k] = xstrdup("?");
                rc = SQLITE_OK;
            }
            sqlite3_reset(st);
        }
        if (rc != SQLITE_OK) {
            free(name[0]);
            free(name[1]);
            break;
        }
        int first = strcmp(name[0], name[1]) > 0 ? 1 : 0;
        pairs[np].a = name[first];
        pairs[np].b = name[1 - first];
        pairs[np].kind_a = kind[first];
        pairs[np].kind_b = kind[1 - first];
        pairs[np].docs = raw[i].docs;
        np++;
    }
    sqlite3_finalize(st);
    free(raw);
    if (rc != SQLITE_OK) {
        corpus_pairs_free(pairs, np);
        return store_fail(s, err, rc, "counting entity pairs");
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
    return 0;
}

/* ---- timeline -------------------------------------------------------------------------------- */

/* Run st (columns: day, count) into day counts (dates owned by *store). */
static int
corpus_collect_days(struct store *s, sqlite3_stmt *st, struct corpus_datecount **out,
                    size_t *n_out, int64_t *undated, char ***strings, struct ds_error *err)
{
    struct corpus_datecount *v = NULL;
    char **keep = NULL;
    size_t n = 0, cap = 0;
    int rc;
    *undated = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(st, 0);
        int64_t c = sqlite3_column_int64(st, 1);
        if (!d || !*d) {
            *undated += c;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, cap * sizeof *v);
            keep = xrealloc(keep, cap * sizeof *keep);
        }
        keep[n] = xstrdup(d);
        v[n].date = keep[n];
        v[n].count = c;
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < n; i++)
            free(keep[i]);
        free(keep);
        free(v);
        return store_fail(s, err, rc, "reading dates");
    }
    *out = v;
    *n_out = n;
    *strings = keep;
    return 0;
}

static void
corpus_days_free(struct corpus_datecount *v, char **keep, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(keep[i]);
    free(keep);
    free(v);
}

struct corpus_topic_rows {
    struct corpus_datecount *v;
    char **days; /* owned; v[i].date points here */
    size_t n, cap;
};

/* The timeline with series for topics[0..ntopics) (the selection's top
 * topics, most documents first), or for the top max_series topics when
 * topics is NULL. */
static int
corpus_timeline_topics(struct store *s, const struct corpus_sel *sel, enum corpus_unit unit,
                       const struct corpus_count *given, size_t ngiven, size_t max_series,
                       struct corpus_timeline *out, struct ds_error *err)
{
    static const char *const days_all = "SELECT day, n FROM corpus_day";
    static const char *const days_sel =
        "SELECT cd.day, count(*) FROM temp.corpus_sel cs JOIN corpus_doc cd"
        " ON cd.id = cs.id WHERE cs.sel = ?1 GROUP BY cd.day";
    /* every series in one grouped pass; ?2 is a JSON array of the slugs */
    static const char *const series_all =
        "SELECT slug, day, n FROM corpus_topic_day"
        " WHERE slug IN (SELECT value FROM json_each(?2))";
    static const char *const series_sel =
        "SELECT dt.slug, dt.day, count(*) FROM temp.corpus_sel cs JOIN corpus_dt dt"
        " ON dt.doc_id = cs.id WHERE cs.sel = ?1"
        " AND dt.slug IN (SELECT value FROM json_each(?2)) GROUP BY dt.slug, dt.day";
    /* without the derived tables: the index's own tables */
    static const char *const days_all_direct =
        "SELECT substr(published, 1, 10) AS day, count(*) FROM documents"
        " INDEXED BY documents_published GROUP BY day";
    static const char *const days_sel_direct =
        "SELECT substr(d.published, 1, 10) AS day, count(*) FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1 GROUP BY day";
    static const char *const series_all_direct =
        "SELECT dt.slug, substr(d.published, 1, 10) AS day, count(*) FROM doc_topics dt"
        " INDEXED BY doc_topics_slug JOIN documents d ON d.id = dt.doc_id"
        " WHERE dt.slug IN (SELECT value FROM json_each(?2)) GROUP BY dt.slug, day";
    static const char *const series_sel_direct =
        "SELECT dt.slug, substr(d.published, 1, 10) AS day, count(*) FROM temp.corpus_sel cs"
        " JOIN doc_topics dt ON dt.doc_id = cs.id JOIN documents d ON d.id = cs.id"
        " WHERE cs.sel = ?1 AND dt.slug IN (SELECT value FROM json_each(?2))"
        " GROUP BY dt.slug, day";
    struct corpus_datecount *days = NULL;
    char **keep = NULL;
    size_t nd = 0;
    int64_t undated = 0;
    sqlite3_stmt *st = NULL;

    memset(out, 0, sizeof *out);
    int cached = corpus_fresh(s, err);
    if (cached < 0)
        return -1;
    if (corpus_prepare(s, sel, cached ? days_all : days_all_direct,
                       cached ? days_sel : days_sel_direct, &st, "reading dates", err) != 0)
        return -1;
    int rc = corpus_collect_days(s, st, &days, &nd, &undated, &keep, err);
    sqlite3_finalize(st);
    st = NULL;
    if (rc != 0)
        return -1;
    corpus_timeline_build(days, nd, unit, undated, out);
    corpus_days_free(days, keep, nd);

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
    if (!ntopics || !out->nbuckets) {
        corpus_counts_free(owned, owned ? ntopics : 0);
        return 0;
    }
    struct buf slugs = BUF_INIT;
    buf_putc(&slugs, '[');
    for (size_t t = 0; t < ntopics; t++) {
        if (t)
            buf_putc(&slugs, ',');
        buf_put_json_string(&slugs, topics[t].key);
    }
    buf_putc(&slugs, ']');
    /* rows per topic (day strings owned here until the series are built) */
    struct corpus_topic_rows *per = xcalloc(ntopics, sizeof *per);
    if (corpus_prepare(s, sel, cached ? series_all : series_all_direct,
                       cached ? series_sel : series_sel_direct, &st, "reading topics", err) != 0)
        rc = -1;
    else
        sqlite3_bind_text(st, 2, buf_str(&slugs), -1, SQLITE_STATIC);
    while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *slug = (const char *)sqlite3_column_text(st, 0);
        const char *day = (const char *)sqlite3_column_text(st, 1);
        rc = 0;
        size_t t = 0;
        while (t < ntopics && (!slug || strcmp(topics[t].key, slug) != 0))
            t++;
        if (t == ntopics || !day || !*day)
            continue;
        struct corpus_topic_rows *r = &per[t];
        if (r->n == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 64;
            r->v = xrealloc(r->v, r->cap * sizeof *r->v);
            r->days = xrealloc(r->days, r->cap * sizeof *r->days);
        }
        r->days[r->n] = xstrdup(day);
        r->v[r->n].date = r->days[r->n];
        r->v[r->n].count = sqlite3_column_int64(st, 2);
        r->n++;
    }
    if (rc == SQLITE_DONE)
        rc = 0;
    else if (rc > 0)
        rc = store_fail(s, err, rc, "reading topics");
    for (size_t t = 0; rc == 0 && t < ntopics; t++)
        corpus_timeline_add_series(out, topics[t].key, topics[t].label, per[t].v, per[t].n);
    sqlite3_finalize(st);
    for (size_t t = 0; t < ntopics; t++) {
        for (size_t i = 0; i < per[t].n; i++)
            free(per[t].days[i]);
        free(per[t].days);
        free(per[t].v);
    }
    free(per);
    buf_free(&slugs);
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

/* ---- figures --------------------------------------------------------------------------------- */

static int
corpus_cmp_fig_ptr_subject(const void *a, const void *b)
{
    const struct corpus_figure *x = *(const struct corpus_figure *const *)a;
    const struct corpus_figure *y = *(const struct corpus_figure *const *)b;
    if (!x->subject || !y->subject)
        return (x->subject != NULL) - (y->subject != NULL);
    return strcmp(x->subject, y->subject);
}

/* Subject keys, computed once per distinct subject (wire copy repeats the
 * same subjects across thousands of articles). */
static void
corpus_figures_keys(struct corpus_figure *v, size_t n)
{
    struct corpus_figure **p = xmalloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = &v[i];
    if (n > 1)
        qsort(p, n, sizeof *p, corpus_cmp_fig_ptr_subject);
    char *key = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || corpus_cmp_fig_ptr_subject(&p[i], &p[i - 1]) != 0) {
            free(key);
            key = corpus_subject_key(p[i]->subject);
        }
        p[i]->subject_key = xstrdup(key);
    }
    free(key);
    free(p);
}

struct corpus_fig_subj {
    int64_t id;
    char *subject; /* or NULL */
    char *key;     /* borrowed from the first figure with the same subject */
};

static int
corpus_cmp_fs_subject(const void *a, const void *b)
{
    const struct corpus_fig_subj *x = a, *y = b;
    if (!x->subject || !y->subject)
        return (x->subject != NULL) - (y->subject != NULL);
    return strcmp(x->subject, y->subject);
}

static int
corpus_cmp_fs_key(const void *a, const void *b)
{
    const struct corpus_fig_subj *x = a, *y = b;
    return strcmp(x->key, y->key);
}

struct corpus_fs_group {
    size_t first, n;
    const char *key;
};

static int
corpus_cmp_fs_group(const void *a, const void *b)
{
    const struct corpus_fs_group *x = a, *y = b;
    bool xe = !*x->key, ye = !*y->key;
    if (xe != ye)
        return xe ? 1 : -1;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* corpus_figures_pick for the whole corpus from the stored groups: the
 * biggest subject groups in the table's order (figures without a subject
 * last) until max rows are taken. */
static int
corpus_figures_pick_all(struct store *s, size_t max, struct ds_error *err)
{
    sqlite3_stmt *groups = NULL, *ins = NULL;
    int64_t taken = 0;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT key, n FROM corpus_figkey INDEXED BY corpus_figkey_n"
                                " WHERE key != '' ORDER BY n DESC, key",
                                -1, &groups, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT OR IGNORE INTO temp.corpus_figsel(id)"
                                " SELECT id FROM corpus_fig WHERE key = ?1",
                                -1, &ins, NULL);
    bool empty_done = false;
    while (rc == SQLITE_OK && (size_t)taken < max) {
        rc = empty_done ? SQLITE_DONE : sqlite3_step(groups);
        const char *key = "";
        if (rc == SQLITE_ROW) {
            key = (const char *)sqlite3_column_text(groups, 0);
            taken += sqlite3_column_int64(groups, 1);
        } else if (rc == SQLITE_DONE && !empty_done) {
            empty_done = true; /* then the figures without a subject */
            taken = (int64_t)max;
        } else {
            break;
        }
        sqlite3_bind_text(ins, 1, key ? key : "", -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(groups);
    sqlite3_finalize(ins);
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading figures");
    return 0;
}

/* For a table of the first max figures grouped by subject: find, from the
 * ids and subjects alone, the groups that make up those rows, and put their
 * figure ids in temp.corpus_figsel, so only those rows are read in full
 * (the order is corpus_figures_sort's: biggest group first). */
static int
corpus_figures_pick(struct store *s, const struct corpus_sel *sel, size_t max,
                    struct ds_error *err)
{
    static const char *const all = "SELECT id, subject FROM figures";
    static const char *const part = "SELECT f.id, f.subject FROM temp.corpus_sel cs"
                                    " JOIN figures f ON f.doc_id = cs.id WHERE cs.sel = ?1";
    sqlite3_stmt *st = NULL;
    struct corpus_fig_subj *v = NULL;
    struct corpus_fs_group *g = NULL;
    char **keys = NULL;
    size_t n = 0, cap = 0, nkeys = 0, ng = 0;
    int rc, result = -1;

    if (store_exec(s,
                   "CREATE TEMP TABLE IF NOT EXISTS corpus_figsel(id INTEGER PRIMARY KEY);"
                   "DELETE FROM temp.corpus_figsel",
                   "reading figures", err) != 0)
        return -1;
    int fresh = corpus_fresh(s, err);
    if (fresh < 0)
        return -1;
    if (fresh && sel->all)
        return corpus_figures_pick_all(s, max, err);
    if (fresh) {
        /* the keys were made at index time: group the selection's figures */
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT f.id, f.key FROM temp.corpus_sel cs JOIN corpus_fig f"
                                " ON f.doc_id = cs.id WHERE cs.sel = ?1 ORDER BY f.key",
                                -1, &st, NULL);
        if (rc != SQLITE_OK)
            return store_fail(s, err, rc, "reading figures");
        sqlite3_bind_int64(st, 1, sel->num);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[n].id = sqlite3_column_int64(st, 0);
            v[n].subject = NULL;
            const char *k = (const char *)sqlite3_column_text(st, 1);
            if (!nkeys || strcmp(keys[nkeys - 1], k ? k : "") != 0) {
                if (nkeys % 1024 == 0)
                    keys = xrealloc(keys, (nkeys + 1024) * sizeof *keys);
                keys[nkeys++] = xstrdup(k ? k : "");
            }
            v[n].key = keys[nkeys - 1];
            n++;
        }
        sqlite3_finalize(st);
        st = NULL;
        if (rc != SQLITE_DONE) {
            store_fail(s, err, rc, "reading figures");
            goto done;
        }
        goto grouped;
    }
    if (corpus_prepare(s, sel, all, part, &st, "reading figures", err) != 0)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n].id = sqlite3_column_int64(st, 0);
        const char *t = (const char *)sqlite3_column_text(st, 1);
        v[n].subject = t ? corpus_clean_line(t, strlen(t)) : NULL;
        v[n].key = NULL;
        n++;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_DONE) {
        store_fail(s, err, rc, "reading figures");
        goto done;
    }
    /* one key per distinct subject */
    if (n > 1)
        qsort(v, n, sizeof *v, corpus_cmp_fs_subject);
    keys = xmalloc((n ? n : 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || corpus_cmp_fs_subject(&v[i], &v[i - 1]) != 0)
            keys[nkeys++] = corpus_subject_key(v[i].subject);
        v[i].key = keys[nkeys - 1];
    }
grouped:
    /* groups by key, in the table's order */
    if (n > 1)
        qsort(v, n, sizeof *v, corpus_cmp_fs_key);
    g = xmalloc((n ? n : 1) * sizeof *g);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(v[i].key, v[i - 1].key) != 0)
            g[ng++] = (struct corpus_fs_group){i, 0, v[i].key};
        g[ng - 1].n++;
    }
    if (ng > 1)
        qsort(g, ng, sizeof *g, corpus_cmp_fs_group);
    rc = sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO temp.corpus_figsel(id) VALUES (?1)", -1,
                            &st, NULL);
    size_t taken = 0;
    for (size_t k = 0; rc == SQLITE_OK && k < ng && taken < max; k++) {
        for (size_t j = 0; rc == SQLITE_OK && j < g[k].n; j++) {
            sqlite3_bind_int64(st, 1, v[g[k].first + j].id);
            rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        taken += g[k].n;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "reading figures");
        goto done;
    }
    result = 0;
done:
    for (size_t i = 0; i < n; i++)
        free(v[i].subject);
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
    free(v);
    free(g);
    return result;
}

int
corpus_figures(struct store *s, const struct corpus_sel *sel, enum corpus_fig_sort sort,
               size_t max, struct corpus_figure **out, size_t *n_out, struct ds_error *err)
{
    static const char *const cols =
        "f.doc_id, d.published, d.source, f.text, f.value, f.unit, f.kind, f.period, f.subject,"
        " f.\"start\", f.\"end\"";
    static const char *const cols_cached =
        "f.doc_id, d.day, d.source, f.text, f.value, f.unit, f.kind, f.period, f.subject,"
        " f.\"start\", f.\"end\"";
    /* with the derived tables, date and outlet come from corpus_doc
     * (in memory) instead of the documents' big rows */
    int cached = corpus_fresh(s, err);
    if (cached < 0)
        return -1;
    const char *docs = cached ? "corpus_doc d" : "documents d";
    const char *colset = cached ? cols_cached : cols;
    /* a limited table by subject reads only the rows it will show */
    bool picked = max && sort == CORPUS_FIG_BY_SUBJECT;
    if (picked && corpus_figures_pick(s, sel, max, err) != 0)
        return -1;
    /* the picked ids are already within the selection */
    char *all = picked ? xasprintf("SELECT %s FROM temp.corpus_figsel fs CROSS JOIN figures f"
                                   " ON f.id = fs.id JOIN %s ON d.id = f.doc_id"
                                   " ORDER BY f.doc_id, f.\"start\"", colset, docs)
                       : xasprintf("SELECT %s FROM figures f JOIN %s ON d.id = f.doc_id"
                                   " ORDER BY f.doc_id, f.\"start\"", colset, docs);
    char *part = picked ? xstrdup(all)
                        : xasprintf("SELECT %s FROM temp.corpus_sel cs JOIN figures f"
                                    " ON f.doc_id = cs.id JOIN %s ON d.id = f.doc_id"
                                    " WHERE cs.sel = ?1 ORDER BY f.doc_id, f.\"start\"",
                                    colset, docs);
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
        f->start = (uint32_t)sqlite3_column_int64(st, 9);
        f->end = (uint32_t)sqlite3_column_int64(st, 10);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        corpus_figures_free(v, n);
        return store_fail(s, err, rc, "reading figures");
    }
    corpus_figures_keys(v, n);
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

/* ---- documents for export -------------------------------------------------------------------- */

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

/* ---- keyword in context ---------------------------------------------------------------------- */

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
    size_t total; /* lines found, including those taken away (max counts all) */
    bool truncated;
};

static void
corpus_kwic_push(struct corpus_kwic_acc *a, int64_t doc, const char *body, size_t len,
                 size_t start, size_t end, size_t width)
{
    if (a->total >= a->max) {
        a->truncated = true;
        return;
    }
    a->total++;
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

/* A keyword-in-context search in progress (corpus.h): the candidate
 * documents are listed when it begins; each step tokenizes some of them. */
struct corpus_kwic_scan {
    struct store *s;
    struct corpus_toks want, got;
    struct corpus_kwic_acc acc;
    sqlite3_stmt *body;
    int64_t *cand; /* candidate document ids, in id order */
    size_t ncand, next;
    /* or, for corpus_kwic_find, the candidates' statement stepped as the
     * search goes (a few lines of a frequent word need not list all of its
     * documents first) and the selection they are filtered by */
    sqlite3_stmt *cand_st;
    const struct corpus_sel *sel;
    bool use_fts;
    size_t width;
    char *needle;
    bool cjk;
};

void
corpus_kwic_end(struct corpus_kwic_scan **kp)
{
    struct corpus_kwic_scan *k = kp ? *kp : NULL;
    if (!k)
        return;
    sqlite3_finalize(k->cand_st);
    sqlite3_finalize(k->body);
    corpus_kwic_free(k->acc.v, k->acc.n);
    free(k->want.v);
    free(k->got.v);
    free(k->cand);
    free(k->needle);
    free(k);
    *kp = NULL;
}

/* corpus_kwic_begin; lazy: candidates are read as the search goes (sel
 * must live as long as the search). */
static int
corpus_kwic_start(struct store *s, const struct corpus_sel *sel, const char *term, size_t width,
                  size_t max, bool lazy, struct corpus_kwic_scan **out, struct ds_error *err)
{
    sqlite3_stmt *cand = NULL;
    char *phrase = NULL;
    int rc = SQLITE_OK;
    struct corpus_kwic_scan *k = xcalloc(1, sizeof *k);
    size_t cap = 0;

    *out = NULL;
    k->s = s;
    k->width = width;
    k->acc.max = max ? max : 10000;
    k->needle = corpus_clean_line(term, strlen(term));
    if (!*k->needle) {
        ds_error_set(err, -1, "nothing to look for: the term is empty");
        goto fail;
    }
    k->cjk = corpus_has_cjk(k->needle);
    if (!k->cjk) {
        if (store_tokenize(s, k->needle, strlen(k->needle), corpus_tok_cb, &k->want, err) != 0)
            goto fail;
        if (!k->want.n) {
            ds_error_set(err, -1, "'%s' has no word the index knows (only punctuation?)",
                         k->needle);
            goto fail;
        }
    }
    /* Candidates: the FTS index narrows the documents unless the term is a
     * single CJK character (not a token of the index inside longer runs). */
    size_t ncp = 0;
    for (size_t i = 0, n = strlen(k->needle); i < n; ncp++) {
        uint32_t cp;
        i += (size_t)utf8_decode(k->needle + i, n - i, &cp);
    }
    bool use_fts = !k->cjk || ncp >= 2;
    k->use_fts = use_fts;
    phrase = corpus_fts_phrase(k->needle);
    if (use_fts) {
        /* every match, filtered by the selection in C: asking FTS5 for
         * "rowid IN (selection)" makes it test rowid by rowid (2 s for
         * 38k documents against 20 ms this way) */
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1 ORDER BY rowid",
                                -1, &cand, NULL);
        if (rc != SQLITE_OK) {
            store_fail(s, err, rc, "looking for the term");
            goto fail;
        }
        sqlite3_bind_text(cand, 1, phrase, -1, SQLITE_TRANSIENT);
    } else {
        static const char *const c_all = "SELECT id FROM documents ORDER BY id";
        static const char *const c_sel =
            "SELECT id FROM temp.corpus_sel WHERE sel = ?1 ORDER BY id";
        if (corpus_prepare(s, sel, c_all, c_sel, &cand, "looking for the term", err) != 0)
            goto fail;
    }
    if (lazy) {
        k->cand_st = cand;
        k->sel = sel;
        cand = NULL;
    }
    while (!lazy && (rc = sqlite3_step(cand)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(cand, 0);
        if (use_fts && !corpus_sel_has(sel, id))
            continue;
        if (k->ncand == cap) {
            cap = cap ? cap * 2 : 1024;
            k->cand = xrealloc(k->cand, cap * sizeof *k->cand);
        }
        k->cand[k->ncand++] = id;
    }
    if (!lazy && rc != SQLITE_DONE) {
        store_fail(s, err, rc, "looking for the term");
        goto fail;
    }
    rc = sqlite3_prepare_v2(s->db, "SELECT body FROM documents WHERE id = ?1", -1, &k->body, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "reading a document");
        goto fail;
    }
    sqlite3_finalize(cand);
    free(phrase);
    *out = k;
    return 0;
fail:
    sqlite3_finalize(cand);
    free(phrase);
    corpus_kwic_end(&k);
    return -1;
}

int
corpus_kwic_begin(struct store *s, const struct corpus_sel *sel, const char *term, size_t width,
                  size_t max, struct corpus_kwic_scan **out, struct ds_error *err)
{
    return corpus_kwic_start(s, sel, term, width, max, false, out, err);
}

/* The next candidate document: 1 with *id, 0 when there is none, -1 on
 * error. */
static int
corpus_kwic_next(struct corpus_kwic_scan *k, int64_t *id, struct ds_error *err)
{
    if (!k->cand_st) {
        if (k->next >= k->ncand)
            return 0;
        *id = k->cand[k->next++];
        return 1;
    }
    int rc;
    while ((rc = sqlite3_step(k->cand_st)) == SQLITE_ROW) {
        *id = sqlite3_column_int64(k->cand_st, 0);
        if (k->use_fts && !corpus_sel_has(k->sel, *id))
            continue;
        k->next++;
        return 1;
    }
    sqlite3_finalize(k->cand_st);
    k->cand_st = NULL;
    k->ncand = k->next; /* all were read */
    return rc == SQLITE_DONE ? 0 : store_fail(k->s, err, rc, "looking for the term");
}

int
corpus_kwic_more(struct corpus_kwic_scan *k, size_t ndocs, struct ds_error *err)
{
    struct store *s = k->s;
    size_t nlen = strlen(k->needle);
    int got = 0;
    int64_t id = 0;
    for (size_t done = 0; done < ndocs && !k->acc.truncated &&
                          (got = corpus_kwic_next(k, &id, err)) == 1;
         done++) {
        sqlite3_bind_int64(k->body, 1, id);
        int rc = sqlite3_step(k->body);
        if (rc != SQLITE_ROW) {
            sqlite3_reset(k->body);
            if (rc == SQLITE_DONE)
                continue;
            return store_fail(s, err, rc, "reading a document");
        }
        const char *text = (const char *)sqlite3_column_text(k->body, 0);
        size_t len = (size_t)sqlite3_column_bytes(k->body, 0);
        if (!text) {
            sqlite3_reset(k->body);
            continue;
        }
        if (k->cjk) {
            for (size_t p = corpus_find_ci(text, len, k->needle, nlen, 0); p != (size_t)-1;
                 p = corpus_find_ci(text, len, k->needle, nlen, p + nlen))
                corpus_kwic_push(&k->acc, id, text, len, p, p + nlen, k->width);
        } else {
            k->got.n = 0;
            if (store_tokenize(s, text, len, corpus_tok_cb, &k->got, err) != 0) {
                sqlite3_reset(k->body);
                return -1;
            }
            for (size_t i = 0; i + k->want.n <= k->got.n; i++) {
                size_t j = 0;
                while (j < k->want.n && k->got.v[i + j].hash == k->want.v[j].hash)
                    j++;
                if (j == k->want.n)
                    corpus_kwic_push(&k->acc, id, text, len, k->got.v[i].start,
                                     k->got.v[i + k->want.n - 1].end, k->width);
            }
        }
        sqlite3_reset(k->body);
    }
    if (got < 0)
        return -1;
    if (k->acc.truncated)
        return 0;
    return k->cand_st || k->next < k->ncand ? 1 : 0;
}

const struct corpus_kwic *
corpus_kwic_lines(const struct corpus_kwic_scan *k, size_t *n_out, bool *truncated_out)
{
    *n_out = k->acc.n;
    if (truncated_out)
        *truncated_out = k->acc.truncated;
    return k->acc.v;
}

void
corpus_kwic_progress(const struct corpus_kwic_scan *k, size_t *done, size_t *total)
{
    *done = k->next;
    *total = k->ncand;
}

void
corpus_kwic_take(struct corpus_kwic_scan *k, struct corpus_kwic **out, size_t *n_out)
{
    *out = k->acc.v;
    *n_out = k->acc.n;
    k->acc.v = NULL;
    k->acc.n = k->acc.cap = 0;
}

int
corpus_kwic_find(struct store *s, const struct corpus_sel *sel, const char *term,
                 size_t width, size_t max, struct corpus_kwic **out, size_t *n_out,
                 bool *truncated_out, struct ds_error *err)
{
    struct corpus_kwic_scan *k = NULL;
    *out = NULL;
    *n_out = 0;
    if (truncated_out)
        *truncated_out = false;
    if (corpus_kwic_start(s, sel, term, width, max, true, &k, err) != 0)
        return -1;
    if (corpus_kwic_more(k, (size_t)-1, err) < 0) {
        corpus_kwic_end(&k);
        return -1;
    }
    if (truncated_out)
        *truncated_out = k->acc.truncated;
    corpus_kwic_take(k, out, n_out);
    corpus_kwic_end(&k);
    return 0;
}

/* ---- keyness --------------------------------------------------------------------------------- */

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
corpus_tf_add(struct corpus_tf *t, const char *token, int64_t count)
{
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
    t->v[j].count += count;
    t->tokens += count;
}

static void
corpus_tf_cb(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    corpus_tf_add(ud, token, 1);
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

/* Tokenizing is a cost of keyness (~45 ms per MB); beyond this many bytes
 * of text a selection is sampled (every k-th document). */
#define CORPUS_KEYNESS_BUDGET (4u << 20)

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
    /* a sample skips rows by id alone, so skipped bodies are never read */
    static const char *const t_all = "SELECT title, body FROM documents WHERE id % ?2 = 0";
    static const char *const t_sel = "SELECT title, body FROM documents WHERE id = ?1";
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
    rc = sqlite3_prepare_v2(s->db, sel->all ? t_all : t_sel, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading documents");
    if (sel->all)
        sqlite3_bind_int64(st, 2, *stride);
    /* one statement run per selected document (every stride-th), or one
     * scan of the corpus */
    for (size_t i = 0; rc == SQLITE_OK && (sel->all ? i == 0 : i < sel->n);
         i += sel->all ? 1 : (size_t)*stride) {
        if (!sel->all)
            sqlite3_bind_int64(st, 1, sel->ids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int c = 0; c < 2; c++) {
                const char *text = (const char *)sqlite3_column_text(st, c);
                if (text && store_tokenize(s, text, (size_t)sqlite3_column_bytes(st, c),
                                           corpus_tf_cb, tf, err) != 0) {
                    sqlite3_finalize(st);
                    return -1;
                }
            }
        }
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
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

/* Function words and bare numbers are frequent everywhere and say nothing
 * about what a set of articles is about (the same rule as compare's). */
static bool
corpus_boring_term(const char *t)
{
    bool digits = true;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
            digits = false;
    return digits || text_is_stopword(t, strlen(t));
}

/* A SQLite varint (what FTS5 writes) at p[0..n); bytes used, 0 if cut. */
static size_t
corpus_varint(const unsigned char *p, size_t n, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            *v = (*v << 8) | p[i];
            return 9;
        }
        *v = (*v << 7) | (p[i] & 0x7F);
        if (!(p[i] & 0x80))
            return i + 1;
    }
    return 0;
}

/* Tokens in the whole index, from FTS5's "averages" record (row 1 of
 * docs_fts_data: the row count, then each column's total token count, as
 * varints), which FTS5 keeps current on every insert and delete. Summing
 * fts5vocab instead walks every doclist: seconds at 100k documents. -1
 * when the record cannot be read. */
static int64_t
corpus_index_tokens(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int64_t total = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT block FROM docs_fts_data WHERE id = 1", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *p = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0), k;
        uint64_t v, sum = 0;
        int cols = 0;
        if (p && (k = corpus_varint(p, n, &v)) > 0) { /* the row count */
            for (size_t off = k; off < n && (k = corpus_varint(p + off, n - off, &v)) > 0;
                 off += k, cols++)
                sum += v;
            if (cols == 2) /* title, body */
                total = (int64_t)sum;
        }
    }
    sqlite3_finalize(st);
    return total;
}

/* Past this many terms to score, one walk of the whole vocabulary is
 * cheaper than a lookup (a doclist walk) per term. */
#define CORPUS_VOCAB_SCAN 1000

static bool
corpus_term_eligible(const struct corpus_tf_entry *e, int64_t min_count)
{
    return e->term && e->count >= min_count && !corpus_boring_term(e->term);
}

static int
corpus_cmp_term(const void *a, const void *b)
{
    const struct corpus_term *x = a, *y = b;
    if (x->g2 != y->g2)
        return x->g2 > y->g2 ? -1 : 1;
    return strcmp(x->term, y->term);
}

static int corpus_keyness_score(struct store *s, struct corpus_tf *tap, int64_t stride_a,
                                const struct corpus_sel *ref, size_t max, int64_t min_count,
                                struct corpus_keyness *out, struct ds_error *err);

int
corpus_keyness(struct store *s, const struct corpus_sel *target, const struct corpus_sel *ref,
               size_t max, int64_t min_count, struct corpus_keyness *out,
               struct ds_error *err)
{
    struct corpus_tf ta = {0};
    int64_t stride_a = 1;
    memset(out, 0, sizeof *out);
    if (!ref && target->all) {
        ds_error_set(err, -1, "the selection is the whole corpus: nothing to compare it with"
                              " (narrow the query or give a reference set)");
        return -1;
    }
    if (corpus_count_terms(s, target, &ta, &stride_a, err) != 0) {
        corpus_tf_free(&ta);
        return -1;
    }
    int rc = corpus_keyness_score(s, &ta, stride_a, ref, max, min_count, out, err);
    corpus_tf_free(&ta);
    return rc;
}

/* Keyness of a selection against the rest of the corpus in steps
 * (corpus.h): the documents to tokenize (every stride-th of the selection)
 * are read a few at a time. */
static int corpus_tokens_of(struct store *s, sqlite3_stmt *st, int64_t sign,
                            struct corpus_tf *tf, struct ds_error *err);

struct corpus_keyness_scan {
    struct store *s;
    struct corpus_tf ta;
    int64_t stride;
    int64_t *ids;
    size_t n, next;
    sqlite3_stmt *st;
    size_t max;
    int64_t min_count;
};

void
corpus_keyness_end(struct corpus_keyness_scan **kp)
{
    struct corpus_keyness_scan *k = kp ? *kp : NULL;
    if (!k)
        return;
    sqlite3_finalize(k->st);
    corpus_tf_free(&k->ta);
    free(k->ids);
    free(k);
    *kp = NULL;
}

int
corpus_keyness_begin(struct store *s, const struct corpus_sel *target, size_t max,
                     int64_t min_count, struct corpus_keyness_scan **out, struct ds_error *err)
{
    static const char *const w_sel =
        "SELECT coalesce(sum(d.words), 0) FROM temp.corpus_sel cs JOIN documents d"
        " ON d.id = cs.id WHERE cs.sel = ?1";
    *out = NULL;
    if (target->all) {
        ds_error_set(err, -1, "the selection is the whole corpus: nothing to compare it with"
                              " (narrow the query or give a reference set)");
        return -1;
    }
    sqlite3_stmt *st = NULL;
    int64_t words = 0;
    if (corpus_prepare(s, target, w_sel, w_sel, &st, "counting words", err) != 0)
        return -1;
    int rc = corpus_step_int(s, st, &words, "counting words", err);
    sqlite3_finalize(st);
    if (rc != 0)
        return -1;
    struct corpus_keyness_scan *k = xcalloc(1, sizeof *k);
    k->s = s;
    k->max = max;
    k->min_count = min_count;
    /* the same sampling as corpus_count_terms: at most ~4 MB of text */
    int64_t bytes = words * 6;
    k->stride = bytes > (int64_t)CORPUS_KEYNESS_BUDGET ? bytes / CORPUS_KEYNESS_BUDGET + 1 : 1;
    k->n = target->n;
    k->ids = xmalloc((k->n ? k->n : 1) * sizeof *k->ids);
    memcpy(k->ids, target->ids, k->n * sizeof *k->ids);
    rc = sqlite3_prepare_v2(s->db, "SELECT title, body FROM documents WHERE id = ?1", -1, &k->st,
                            NULL);
    if (rc != SQLITE_OK) {
        corpus_keyness_end(&k);
        return store_fail(s, err, rc, "reading documents");
    }
    *out = k;
    return 0;
}

int
corpus_keyness_more(struct corpus_keyness_scan *k, size_t ndocs, struct ds_error *err)
{
    for (size_t done = 0; done < ndocs && k->next < k->n; done++) {
        sqlite3_bind_int64(k->st, 1, k->ids[k->next]);
        k->next += (size_t)k->stride;
        int rc = corpus_tokens_of(k->s, k->st, 1, &k->ta, err);
        sqlite3_reset(k->st);
        if (rc != 0)
            return -1;
    }
    return k->next < k->n ? 1 : 0;
}

void
corpus_keyness_progress(const struct corpus_keyness_scan *k, size_t *done, size_t *total)
{
    size_t stride = (size_t)k->stride;
    *done = (DS_MIN(k->next, k->n) + stride - 1) / stride;
    *total = (k->n + stride - 1) / stride;
}

int
corpus_keyness_finish(struct corpus_keyness_scan *k, struct corpus_keyness *out,
                      struct ds_error *err)
{
    return corpus_keyness_score(k->s, &k->ta, k->stride, NULL, k->max, k->min_count, out, err);
}

/* Keyness from the target's term counts ta (every stride_a-th document):
 * against ref's documents, or the rest of the corpus when ref is NULL. */
static int
corpus_keyness_score(struct store *s, struct corpus_tf *tap, int64_t stride_a,
                     const struct corpus_sel *ref, size_t max, int64_t min_count,
                     struct corpus_keyness *out, struct ds_error *err)
{
    struct corpus_tf ta = *tap, tb = {0};
    int64_t stride_b = 1;
    sqlite3_stmt *st = NULL;
    int result = -1, rc;
    struct corpus_term *terms = NULL;
    size_t nt = 0, cap = 0;
    bool corpus_bulk = false; /* tb holds the whole corpus's counts */

    memset(out, 0, sizeof *out);
    if (min_count <= 0)
        min_count = 3;
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
        int64_t total = corpus_index_tokens(s);
        if (total < 0) {
            /* summing the vocabulary walks the whole index: the slow way */
            rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(sum(cnt), 0) FROM temp.docs_vocab",
                                    -1, &st, NULL);
            if (rc != SQLITE_OK) {
                store_fail(s, err, rc, "reading term statistics");
                goto done;
            }
            if (corpus_step_int(s, st, &total, "reading term statistics", err) != 0)
                goto done;
            sqlite3_finalize(st);
            st = NULL;
        }
        d = (double)total - c;
        if (d < 0)
            d = 0;
        size_t ncand = 0;
        for (size_t i = 0; i < ta.cap; i++)
            ncand += corpus_term_eligible(&ta.v[i], min_count);
        /* where the corpus counts come from: the cached vocabulary (built
         * when the connection is warm), one walk of the vocabulary into
         * tb, or one lookup per term */
        int vocab = corpus_fresh(s, err);
        if (vocab < 0)
            goto done;
        if (!vocab && ncand > CORPUS_VOCAB_SCAN) {
            rc = sqlite3_prepare_v2(s->db, "SELECT term, cnt FROM temp.docs_vocab", -1, &st, NULL);
            while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
                const char *t = (const char *)sqlite3_column_text(st, 0);
                if (t)
                    corpus_tf_add(&tb, t, sqlite3_column_int64(st, 1));
                rc = SQLITE_OK;
            }
            sqlite3_finalize(st);
            st = NULL;
            if (rc != SQLITE_DONE) {
                store_fail(s, err, rc, "reading term statistics");
                goto done;
            }
            corpus_bulk = true;
        } else {
            rc = sqlite3_prepare_v2(s->db,
                                    vocab ? "SELECT cnt FROM corpus_vocab WHERE term = ?1"
                                          : "SELECT cnt FROM temp.docs_vocab WHERE term = ?1",
                                    -1, &st, NULL);
            if (rc != SQLITE_OK) {
                store_fail(s, err, rc, "reading term statistics");
                goto done;
            }
        }
    }
    for (size_t i = 0; i < ta.cap; i++) {
        const struct corpus_tf_entry *e = &ta.v[i];
        if (!corpus_term_eligible(e, min_count))
            continue;
        double a = (double)e->count * (double)stride_a, b;
        if (ref) {
            b = (double)corpus_tf_get(&tb, e->term) * (double)stride_b;
        } else if (corpus_bulk) {
            b = (double)corpus_tf_get(&tb, e->term) - a;
            if (b < 0)
                b = 0;
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
    corpus_tf_free(&tb);
    return result;
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

/* ---- derived tables, kept in the index ------------------------------------------------------- */

/* Whole-corpus facts every statistic needs, stored in the index (created by
 * migration STORE_SCHEMA_CORPUS) and kept current by corpus_refresh() at
 * the end of each index run:
 *   corpus_doc(id, day, source)        one row per document, day = YYYY-MM-DD
 *   corpus_dt(doc_id, slug, day)       one row per document and topic
 *   corpus_day(day, n), corpus_topic_day(slug, day, n)   the timeline of all
 *   corpus_ent(entity_id, kind, docs)  documents mentioning each entity
 *   corpus_pair(a, b, docs)            pairs among the top entities (a < b)
 *   corpus_vocab(term, cnt)            the full-text index's vocabulary
 *   corpus_fig(doc_id, id, key)        each figure's subject key (corpus_subject_key)
 *   corpus_figkey(key, n)              figures per subject key
 * Reading documents' rows for a date or an outlet touches a page per
 * document (a row is ~6 kB); these tables are small, so every statement of
 * the statistics view reads a few pages instead.
 *
 * They are current when meta corpus_maxid is the largest document id,
 * corpus_gone is empty and meta corpus_rules is the rules hash the
 * extractions were made with; otherwise (an index run that stopped half
 * way) every function reads the index's own tables instead: slower, same
 * answers. A trigger copies what a deleted document contributed
 * (corpus_gone: its text; corpus_gone_ent: its entities) before the row and
 * its extractions go, so a refresh can subtract it. */

/* 1 when the derived tables describe the index as it is, 0 when not. */
static int
corpus_fresh(struct store *s, struct ds_error *err)
{
    if (s->corpus_direct)
        return 0;
    sqlite3_stmt *st = NULL;
    int64_t fresh = 0;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT coalesce(CAST((SELECT value FROM meta WHERE key = 'corpus_maxid') AS INTEGER)"
        " = (SELECT coalesce(max(id), 0) FROM documents), 0)"
        " AND NOT EXISTS (SELECT 1 FROM corpus_gone)"
        " AND (SELECT value FROM meta WHERE key = 'corpus_rules')"
        " IS (SELECT value FROM meta WHERE key = 'rules_hash')",
        -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = corpus_step_int(s, st, &fresh, "checking the statistics tables", err);
    else
        rc = store_fail(s, err, rc, "checking the statistics tables");
    sqlite3_finalize(st);
    return rc != 0 ? -1 : fresh != 0;
}

struct corpus_id_text {
    int64_t id;
    char *text;
};

static int
corpus_cmp_id_text(const void *a, const void *b)
{
    const struct corpus_id_text *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Run a two-column (id, text) query into a newly allocated array sorted by
 * id. */
static int
corpus_load_id_text(struct store *s, const char *sql, struct corpus_id_text **out, size_t *n_out,
                    struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    struct corpus_id_text *v = NULL;
    size_t n = 0, cap = 0;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n].id = sqlite3_column_int64(st, 0);
        v[n].text = store_col_dup(st, 1);
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < n; i++)
            free(v[i].text);
        free(v);
        return store_fail(s, err, rc, "reading document dates");
    }
    if (n > 1)
        qsort(v, n, sizeof *v, corpus_cmp_id_text);
    *out = v;
    *n_out = n;
    return 0;
}

/* corpus_doc for every document, from the (published, id) and (source, id)
 * covering indexes merged by id in C (a scan of the table itself reads
 * every body). */
static int
corpus_fill_doc(struct store *s, struct ds_error *err)
{
    struct corpus_id_text *days = NULL, *srcs = NULL;
    size_t nd = 0, ns = 0;
    sqlite3_stmt *ins = NULL;
    int rc, result = -1;
    if (corpus_load_id_text(s,
                            "SELECT id, substr(published, 1, 10) FROM documents"
                            " INDEXED BY documents_published",
                            &days, &nd, err) != 0 ||
        corpus_load_id_text(s, "SELECT id, source FROM documents INDEXED BY documents_source",
                            &srcs, &ns, err) != 0)
        goto done;
    rc = sqlite3_prepare_v2(s->db, "INSERT INTO corpus_doc(id, day, source) VALUES (?1, ?2, ?3)",
                            -1, &ins, NULL);
    for (size_t i = 0, j = 0; rc == SQLITE_OK && i < nd; i++) {
        while (j < ns && srcs[j].id < days[i].id)
            j++;
        sqlite3_bind_int64(ins, 1, days[i].id);
        store_bind_text(ins, 2, days[i].text);
        store_bind_text(ins, 3, j < ns && srcs[j].id == days[i].id ? srcs[j].text : NULL);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "preparing statistics");
        goto done;
    }
    result = 0;
done:
    sqlite3_finalize(ins);
    for (size_t i = 0; i < nd; i++)
        free(days[i].text);
    for (size_t i = 0; i < ns; i++)
        free(srcs[i].text);
    free(days);
    free(srcs);
    return result;
}

/* The ids of the top entities by corpus_ent (at most CORPUS_COOCCUR_TOP),
 * sorted by id, and as text ("1,5,9") in *key (newly allocated). */
static int
corpus_top_ids(struct store *s, int64_t *ids, size_t *n_out, char **key, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    size_t n = 0;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT entity_id FROM corpus_ent ORDER BY docs DESC, entity_id"
                                " LIMIT ?1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_int(st, 1, CORPUS_COOCCUR_TOP);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && n < CORPUS_COOCCUR_TOP) {
        ids[n++] = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return store_fail(s, err, rc, "counting entities");
    qsort(ids, n, sizeof *ids, corpus_cmp_i64);
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
    *key = buf_steal(&b);
    *n_out = n;
    return 0;
}

static int
corpus_meta_put(struct store *s, const char *key, const char *value, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        store_bind_text(st, 2, value);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "saving statistics");
    return 0;
}

/* Pairs among the top entities from scratch; the top set is remembered
 * (meta corpus_pair_top) so a refresh can tell whether deltas still apply. */
static int
corpus_fill_pairs(struct store *s, struct ds_error *err)
{
    int64_t top[CORPUS_COOCCUR_TOP];
    size_t ntop = 0, np = 0;
    char *key = NULL;
    struct corpus_raw_pair *pairs = NULL;
    sqlite3_stmt *ins = NULL;
    if (store_exec(s, "DELETE FROM corpus_pair", "counting entity pairs", err) != 0 ||
        corpus_top_ids(s, top, &ntop, &key, err) != 0)
        return -1;
    int rc = corpus_pairs_of(s, top, ntop, &pairs, &np, err) != 0 ? -1 : 0;
    if (rc == 0)
        rc = sqlite3_prepare_v2(s->db, "INSERT INTO corpus_pair(a, b, docs) VALUES (?1, ?2, ?3)",
                                -1, &ins, NULL) == SQLITE_OK
                 ? 0
                 : store_fail(s, err, sqlite3_errcode(s->db), "counting entity pairs");
    for (size_t i = 0; rc == 0 && i < np; i++) {
        sqlite3_bind_int64(ins, 1, pairs[i].a);
        sqlite3_bind_int64(ins, 2, pairs[i].b);
        sqlite3_bind_int64(ins, 3, pairs[i].docs);
        int x = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (x != SQLITE_DONE)
            rc = store_fail(s, err, x, "counting entity pairs");
    }
    sqlite3_finalize(ins);
    free(pairs);
    if (rc == 0)
        rc = corpus_meta_put(s, "corpus_pair_top", key, err);
    free(key);
    return rc;
}

/* Subject keys of the figures st yields (id, doc_id, subject) into
 * corpus_fig, and their counts into corpus_figkey when count is set. */
static int
corpus_add_figs(struct store *s, sqlite3_stmt *st, bool count, struct ds_error *err)
{
    sqlite3_stmt *ins = NULL, *cnt = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO corpus_fig(doc_id, id, key) VALUES (?1, ?2, ?3)", -1,
                                &ins, NULL);
    if (rc == SQLITE_OK && count)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO corpus_figkey(key, n) VALUES (?1, 1)"
                                " ON CONFLICT(key) DO UPDATE SET n = n + 1",
                                -1, &cnt, NULL);
    char *last = NULL, *key = NULL;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 2);
        /* wire copy repeats subjects: one key per run of the same subject */
        if (!key || (t ? !last || strcmp(t, last) != 0 : last != NULL)) {
            char *clean = t ? corpus_clean_line(t, strlen(t)) : NULL;
            free(key);
            key = corpus_subject_key(clean);
            free(clean);
            free(last);
            last = t ? xstrdup(t) : NULL;
        }
        sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 1));
        sqlite3_bind_int64(ins, 2, sqlite3_column_int64(st, 0));
        sqlite3_bind_text(ins, 3, key, -1, SQLITE_STATIC);
        if (cnt)
            sqlite3_bind_text(cnt, 1, key, -1, SQLITE_STATIC);
        rc = sqlite3_step(ins);
        if (rc == SQLITE_DONE && cnt)
            rc = sqlite3_step(cnt);
        sqlite3_reset(ins);
        if (cnt)
            sqlite3_reset(cnt);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    free(last);
    free(key);
    sqlite3_finalize(ins);
    sqlite3_finalize(cnt);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading figures");
}

/* Everything from scratch: about 3.5 s of CPU at 100k documents (the walk of
 * the full-text vocabulary ~1.7 s, figure subject keys ~1 s). */
static int
corpus_rebuild(struct store *s, struct ds_error *err)
{
    if (store_exec(s,
                   "DELETE FROM corpus_doc; DELETE FROM corpus_dt; DELETE FROM corpus_day;"
                   "DELETE FROM corpus_topic_day; DELETE FROM corpus_ent; DELETE FROM corpus_vocab;"
                   "DELETE FROM corpus_gone; DELETE FROM corpus_gone_ent; DELETE FROM corpus_fig;"
                   "DELETE FROM corpus_figkey",
                   "preparing statistics", err) != 0 ||
        corpus_fill_doc(s, err) != 0)
        return -1;
    /* figures in bulk: the key index is built once at the end (a sort),
     * not row by row */
    sqlite3_stmt *st = NULL;
    if (store_exec(s, "DROP INDEX IF EXISTS corpus_fig_key", "reading figures", err) != 0)
        return -1;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, doc_id, subject FROM figures", -1, &st, NULL);
    rc = rc == SQLITE_OK ? corpus_add_figs(s, st, false, err)
                         : store_fail(s, err, rc, "reading figures");
    sqlite3_finalize(st);
    if (rc != 0 || store_exec(s,
                              "CREATE INDEX corpus_fig_key ON corpus_fig(key);"
                              "INSERT INTO corpus_figkey SELECT key, count(*) FROM corpus_fig"
                              " GROUP BY key",
                              "reading figures", err) != 0)
        return -1;
    if (store_exec(s,
                   "INSERT INTO corpus_day SELECT coalesce(day, ''), count(*) FROM corpus_doc"
                   " GROUP BY 1;"
                   "INSERT INTO corpus_dt SELECT dt.doc_id, dt.slug, cd.day FROM doc_topics dt"
                   " JOIN corpus_doc cd ON cd.id = dt.doc_id ORDER BY dt.doc_id, dt.slug;"
                   "INSERT INTO corpus_topic_day SELECT slug, coalesce(day, ''), count(*)"
                   " FROM corpus_dt GROUP BY 1, 2;"
                   "INSERT INTO corpus_ent SELECT m.entity_id, e.kind, m.c FROM"
                   " (SELECT entity_id, count(*) AS c FROM mentions INDEXED BY mentions_entity"
                   "  GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id",
                   "preparing statistics", err) != 0 ||
        corpus_fill_pairs(s, err) != 0 || corpus_vocab_ready(s, err) != 0)
        return -1;
    return store_exec(s, "INSERT INTO corpus_vocab SELECT term, cnt FROM temp.docs_vocab",
                      "reading term statistics", err);
}

/* Subtract (sign -1) or add (+1) the pair counts of (doc, entity) rows from
 * st (in document order) among top[0..ntop) into matrix. */
static int
corpus_pair_rows(struct store *s, sqlite3_stmt *st, const int64_t *top, size_t ntop, int sign,
                 int64_t *matrix, struct ds_error *err)
{
    int64_t *doc = NULL, *ent = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t e = sqlite3_column_int64(st, 1);
        if (corpus_find_id(top, ntop, e) < 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            doc = xrealloc(doc, cap * sizeof *doc);
            ent = xrealloc(ent, cap * sizeof *ent);
        }
        doc[n] = sqlite3_column_int64(st, 0);
        ent[n++] = e;
    }
    if (rc == SQLITE_DONE) {
        int64_t *m = xcalloc(ntop * ntop + 1, sizeof *m);
        corpus_pair_matrix(doc, ent, n, top, ntop, m);
        for (size_t i = 0; i < ntop * ntop; i++)
            matrix[i] += sign * m[i];
        free(m);
    }
    free(doc);
    free(ent);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "counting entity pairs");
}

/* Tokens of the title and body columns of st's rows into tf, each counted
 * sign times. */
struct corpus_tf_sign {
    struct corpus_tf *tf;
    int64_t sign;
};

static void
corpus_tf_sign_cb(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    struct corpus_tf_sign *t = ud;
    corpus_tf_add(t->tf, token, t->sign);
}

static int
corpus_tokens_of(struct store *s, sqlite3_stmt *st, int64_t sign, struct corpus_tf *tf,
                 struct ds_error *err)
{
    struct corpus_tf_sign ts = {tf, sign};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int c = 0; c < 2; c++) {
            const char *text = (const char *)sqlite3_column_text(st, c);
            if (text && store_tokenize(s, text, (size_t)sqlite3_column_bytes(st, c),
                                       corpus_tf_sign_cb, &ts, err) != 0)
                return -1;
        }
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading documents");
}

/* The changes since the last refresh, applied as deltas: what the deleted
 * documents contributed (copied by the trigger) is subtracted, the new
 * documents (ids above the largest one still counted: SQLite gives a new
 * row the largest id + 1) are added. */
static int
corpus_apply_changes(struct store *s, struct ds_error *err)
{
    static const char *const sub_gone =
        "UPDATE corpus_day SET n = n - x.c FROM (SELECT coalesce(cd.day, '') AS d, count(*) AS c"
        " FROM corpus_gone g JOIN corpus_doc cd ON cd.id = g.id GROUP BY 1) x"
        " WHERE corpus_day.day = x.d;"
        "UPDATE corpus_topic_day SET n = n - x.c FROM (SELECT dt.slug AS slug,"
        " coalesce(dt.day, '') AS d, count(*) AS c FROM corpus_gone g JOIN corpus_dt dt"
        " ON dt.doc_id = g.id GROUP BY 1, 2) x"
        " WHERE corpus_topic_day.slug = x.slug AND corpus_topic_day.day = x.d;"
        "UPDATE corpus_ent SET docs = docs - x.c FROM (SELECT entity_id, count(*) AS c"
        " FROM corpus_gone_ent GROUP BY entity_id) x WHERE corpus_ent.entity_id = x.entity_id;"
        "UPDATE corpus_figkey SET n = n - x.c FROM (SELECT f.key AS key, count(*) AS c"
        " FROM corpus_gone g JOIN corpus_fig f ON f.doc_id = g.id GROUP BY 1) x"
        " WHERE corpus_figkey.key = x.key;"
        "DELETE FROM corpus_fig WHERE doc_id IN (SELECT id FROM corpus_gone);"
        "DELETE FROM corpus_dt WHERE doc_id IN (SELECT id FROM corpus_gone);"
        "DELETE FROM corpus_doc WHERE id IN (SELECT id FROM corpus_gone)";
    /* ?1 = the largest id still counted */
    static const char *const add_new[] = {
        "INSERT INTO corpus_doc(id, day, source)"
        " SELECT id, substr(published, 1, 10), source FROM documents WHERE id > ?1",
        "INSERT INTO corpus_day(day, n) SELECT coalesce(day, ''), count(*) FROM corpus_doc"
        " WHERE id > ?1 GROUP BY 1 ON CONFLICT(day) DO UPDATE SET n = n + excluded.n",
        "INSERT INTO corpus_dt SELECT dt.doc_id, dt.slug, cd.day FROM doc_topics dt"
        " JOIN corpus_doc cd ON cd.id = dt.doc_id WHERE dt.doc_id > ?1",
        "INSERT INTO corpus_topic_day(slug, day, n) SELECT slug, coalesce(day, ''), count(*)"
        " FROM corpus_dt WHERE doc_id > ?1 GROUP BY 1, 2"
        " ON CONFLICT(slug, day) DO UPDATE SET n = n + excluded.n",
        "INSERT INTO corpus_ent(entity_id, kind, docs) SELECT m.entity_id, e.kind, m.c FROM"
        " (SELECT entity_id, count(*) AS c FROM mentions WHERE doc_id > ?1 GROUP BY entity_id) m"
        " JOIN entities e ON e.id = m.entity_id WHERE true"
        " ON CONFLICT(entity_id) DO UPDATE SET docs = docs + excluded.docs",
    };
    int64_t top[CORPUS_COOCCUR_TOP], top2[CORPUS_COOCCUR_TOP];
    size_t ntop = 0, ntop2 = 0;
    char *key = NULL, *key2 = NULL, *old_key = NULL;
    int64_t *matrix = NULL, maxid = 0;
    struct corpus_tf tf = {0};
    sqlite3_stmt *st = NULL;
    int result = -1, rc;

    /* pairs and vocabulary first: both read what the trigger kept */
    if (corpus_top_ids(s, top, &ntop, &key, err) != 0)
        goto done;
    old_key = store_meta_get(s, "corpus_pair_top");
    matrix = xcalloc(ntop * ntop + 1, sizeof *matrix);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT doc_id, entity_id FROM corpus_gone_ent ORDER BY doc_id", -1,
                           &st, NULL) != SQLITE_OK ||
        corpus_pair_rows(s, st, top, ntop, -1, matrix, err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(s->db, "SELECT title, body FROM corpus_gone", -1, &st, NULL) !=
            SQLITE_OK ||
        corpus_tokens_of(s, st, -1, &tf, err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    st = NULL;
    if (store_exec(s, sub_gone, "updating statistics", err) != 0)
        goto done;
    if (sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) FROM corpus_doc", -1, &st,
                           NULL) != SQLITE_OK ||
        corpus_step_int(s, st, &maxid, "updating statistics", err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    st = NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(add_new); i++) {
        if (sqlite3_prepare_v2(s->db, add_new[i], -1, &st, NULL) != SQLITE_OK)
            goto fail_st;
        sqlite3_bind_int64(st, 1, maxid);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        st = NULL;
        if (rc != SQLITE_DONE) {
            store_fail(s, err, rc, "updating statistics");
            goto done;
        }
    }
    if (sqlite3_prepare_v2(s->db,
                           "SELECT doc_id, entity_id FROM mentions WHERE doc_id > ?1"
                           " ORDER BY doc_id",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail_st;
    sqlite3_bind_int64(st, 1, maxid);
    if (corpus_pair_rows(s, st, top, ntop, 1, matrix, err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(s->db, "SELECT title, body FROM documents WHERE id > ?1", -1, &st,
                           NULL) != SQLITE_OK)
        goto fail_st;
    sqlite3_bind_int64(st, 1, maxid);
    if (corpus_tokens_of(s, st, 1, &tf, err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, doc_id, subject FROM figures WHERE doc_id > ?1"
                           " ORDER BY subject",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail_st;
    sqlite3_bind_int64(st, 1, maxid);
    if (corpus_add_figs(s, st, true, err) != 0)
        goto fail_st;
    sqlite3_finalize(st);
    st = NULL;
    if (store_exec(s,
                   "DELETE FROM corpus_figkey WHERE n <= 0;"
                   "DELETE FROM corpus_day WHERE n <= 0;"
                   "DELETE FROM corpus_topic_day WHERE n <= 0;"
                   "DELETE FROM corpus_ent WHERE docs <= 0;"
                   "DELETE FROM corpus_gone; DELETE FROM corpus_gone_ent",
                   "updating statistics", err) != 0)
        goto done;

    /* the vocabulary: one upsert per term whose count moved */
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO corpus_vocab(term, cnt) VALUES (?1, ?2)"
                           " ON CONFLICT(term) DO UPDATE SET cnt = cnt + excluded.cnt",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail_st;
    for (size_t i = 0; i < tf.cap; i++) {
        if (!tf.v[i].term || !tf.v[i].count)
            continue;
        sqlite3_bind_text(st, 1, tf.v[i].term, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, tf.v[i].count);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            store_fail(s, err, rc, "updating statistics");
            goto done;
        }
    }
    sqlite3_finalize(st);
    st = NULL;
    if (store_exec(s, "DELETE FROM corpus_vocab WHERE cnt <= 0", "updating statistics", err) != 0)
        goto done;

    /* the pairs: the deltas hold while the top entities stay the same */
    if (corpus_top_ids(s, top2, &ntop2, &key2, err) != 0)
        goto done;
    if (!old_key || strcmp(old_key, key) != 0 || strcmp(key, key2) != 0) {
        if (corpus_fill_pairs(s, err) != 0)
            goto done;
    } else {
        if (sqlite3_prepare_v2(s->db,
                               "INSERT INTO corpus_pair(a, b, docs) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT(a, b) DO UPDATE SET docs = docs + excluded.docs",
                               -1, &st, NULL) != SQLITE_OK)
            goto fail_st;
        for (size_t i = 0; i < ntop; i++)
            for (size_t j = i + 1; j < ntop; j++) {
                if (!matrix[i * ntop + j])
                    continue;
                sqlite3_bind_int64(st, 1, top[i]);
                sqlite3_bind_int64(st, 2, top[j]);
                sqlite3_bind_int64(st, 3, matrix[i * ntop + j]);
                rc = sqlite3_step(st);
                sqlite3_reset(st);
                if (rc != SQLITE_DONE) {
                    store_fail(s, err, rc, "counting entity pairs");
                    goto done;
                }
            }
        sqlite3_finalize(st);
        st = NULL;
        if (store_exec(s, "DELETE FROM corpus_pair WHERE docs <= 0", "counting entity pairs",
                       err) != 0)
            goto done;
    }
    result = 0;
    goto done;
fail_st:
    if (!err->msg[0])
        store_fail(s, err, sqlite3_errcode(s->db), "updating statistics");
done:
    sqlite3_finalize(st);
    corpus_tf_free(&tf);
    free(matrix);
    free(key);
    free(key2);
    free(old_key);
    return result;
}

int
corpus_derived_current(struct store *s, struct ds_error *err)
{
    return corpus_fresh(s, err);
}

void
corpus_use_derived(struct store *s, bool use)
{
    s->corpus_direct = !use;
}

/* Past this many changed documents (plus a twentieth of the index), a
 * rebuild is cheaper than tokenizing each changed document again. */
#define CORPUS_REFRESH_DELTA_MAX 2000

int
corpus_refresh(struct store *s, bool full, struct ds_error *err)
{
    bool own = sqlite3_get_autocommit(s->db) != 0;
    int64_t ndocs = 0, counted = 0, gone = 0, maxid = 0;
    char *rules = NULL, *stamp = NULL, *built = NULL;
    int rc = -1;
    if (own && store_exec(s, "BEGIN IMMEDIATE", "updating statistics", err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT (SELECT count(*) FROM documents),"
                           " (SELECT count(*) FROM corpus_doc), (SELECT count(*) FROM corpus_gone),"
                           " (SELECT coalesce(max(id), 0) FROM documents)",
                           -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        store_fail(s, err, sqlite3_errcode(s->db), "updating statistics");
        sqlite3_finalize(st);
        goto out;
    }
    ndocs = sqlite3_column_int64(st, 0);
    counted = sqlite3_column_int64(st, 1);
    gone = sqlite3_column_int64(st, 2);
    maxid = sqlite3_column_int64(st, 3);
    sqlite3_finalize(st);
    rules = store_meta_get(s, "rules_hash");
    stamp = store_meta_get(s, "corpus_rules");
    built = store_meta_get(s, "corpus_maxid");
    /* documents to add: all but those counted that are not gone */
    int64_t changes = gone + (ndocs - (counted - gone));
    bool same_rules = rules && stamp ? strcmp(rules, stamp) == 0 : !rules && !stamp;
    if (full || !built || !same_rules || changes > CORPUS_REFRESH_DELTA_MAX + ndocs / 20)
        rc = corpus_rebuild(s, err);
    else
        rc = changes ? corpus_apply_changes(s, err) : 0;
    if (rc == 0) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)maxid);
        /* the rules hash as the extractions were made (NULL: never indexed) */
        rc = corpus_meta_put(s, "corpus_maxid", num, err) != 0 ||
                     corpus_meta_put(s, "corpus_rules", rules, err) != 0
                 ? -1
                 : 0;
    }
out:
    free(rules);
    free(stamp);
    free(built);
    if (own) {
        if (rc == 0 && store_exec(s, "COMMIT", "updating statistics", err) != 0)
            rc = -1;
        if (rc != 0)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    return rc;
}
