/*
 * store/search.c — running compiled queries: result sets with random access
 * by position (for virtual lists), snippets, hit spans and facets.
 *
 * Result sets: opening runs the query once and keeps the matching ids (and
 * ranks) in an array in memory. Why not a TEMP table or keyset paging: an
 * array costs 16 bytes per hit (16 MB at a million documents), fetching any
 * window is one primary-key lookup per row, finding a document's position
 * is a scan of the array, and no statement stays open between calls, so the
 * writer is never blocked by a reader's list. Opening "all, by date" at 1M
 * documents is one walk of the (published, id) index; a ranked set is
 * ordered in C, lazily, as far as the caller has looked (result_set_order).
 * A search can be stopped from outside (store_set_search_watch): a second
 * thread asks the caller's watch every 20 ms and calls sqlite3_interrupt(),
 * which reaches inside FTS5's prefix expansion where no progress handler
 * runs.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier/qtree.h"
#include "dossier/store_stats.h"
#include "lib.h"

struct result_hit {
    double rank; /* dossier_rank (lower is better); 0 when not ranked */
    int64_t id;
};

struct result_set {
    struct store *s;       /* borrowed: free the set before closing the store */
    struct result_hit *hits;
    size_t n;
    /* hits[0..ordered) are in display order; the rest are all ranked after
     * them but not yet sorted among themselves (ranked sets only). */
    size_t ordered;
    bool all; /* the empty query: every document */
};

static int
result_hit_cmp(const void *a, const void *b)
{
    const struct result_hit *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static void
result_hit_swap(struct result_hit *a, struct result_hit *b)
{
    struct result_hit t = *a;
    *a = *b;
    *b = t;
}

/* Rearrange h[0..n) so that its k smallest come first (in any order):
 * quickselect with a median-of-three pivot, O(n) expected. */
static void
result_select(struct result_hit *h, size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* the boundary k lies in [lo, hi) */
    while (hi - lo > 16 && k > lo && k < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (result_hit_cmp(&h[mid], &h[lo]) < 0)
            result_hit_swap(&h[mid], &h[lo]);
        if (result_hit_cmp(&h[hi - 1], &h[lo]) < 0)
            result_hit_swap(&h[hi - 1], &h[lo]);
        if (result_hit_cmp(&h[hi - 1], &h[mid]) < 0)
            result_hit_swap(&h[hi - 1], &h[mid]);
        struct result_hit pivot = h[mid];
        size_t i = lo, j = hi - 1;
        for (;;) { /* Hoare partition */
            while (result_hit_cmp(&h[i], &pivot) < 0)
                i++;
            while (result_hit_cmp(&pivot, &h[j]) < 0)
                j--;
            if (i >= j)
                break;
            result_hit_swap(&h[i], &h[j]);
            i++;
            j--;
        }
        /* now h[lo..j] <= pivot <= h[j+1..hi) */
        if (j + 1 >= hi)
            break; /* no progress (cannot happen with this pivot): sort below */
        if (k <= j)
            hi = j + 1;
        else
            lo = j + 1;
    }
    if (hi - lo > 1 && k > lo && k < hi)
        qsort(h + lo, hi - lo, sizeof *h, result_hit_cmp);
}

/* Make hits[0..want) final. Ranked results are sorted lazily: opening a
 * search of 190,000 hits only needs its first screen in order, and a full
 * sort of them costs more than the search (20-30 ms at a million
 * documents). Each extension at least doubles the ordered prefix, so
 * scrolling to the end costs O(n log n) in all. */
static void
result_set_order(struct result_set *rs, size_t want)
{
    if (want <= rs->ordered)
        return;
    size_t k = DS_MAX(want, DS_MAX(rs->ordered * 2, (size_t)256));
    if (k > rs->n)
        k = rs->n;
    struct result_hit *rest = rs->hits + rs->ordered;
    size_t nrest = rs->n - rs->ordered, take = k - rs->ordered;
    if (take < nrest)
        result_select(rest, nrest, take);
    qsort(rest, take, sizeof *rest, result_hit_cmp);
    rs->ordered = k;
}

int
store_prepare_query(struct store *s, const char *sql, const struct query *q,
                    sqlite3_stmt **out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "running the search");
    size_t np = qsql_param_count(q->sql);
    for (size_t i = 0; i < np; i++) {
        const struct qparam *p = qsql_param_at(q->sql, i);
        int k = (int)i + 1;
        switch (p->type) {
        case QPARAM_TEXT:
            rc = sqlite3_bind_text(st, k, p->text, -1, SQLITE_STATIC);
            break;
        case QPARAM_INT:
            rc = sqlite3_bind_int64(st, k, p->i);
            break;
        case QPARAM_REAL:
            rc = sqlite3_bind_double(st, k, p->r);
            break;
        }
        if (rc != SQLITE_OK) {
            sqlite3_finalize(st);
            return store_fail(s, err, rc, "running the search");
        }
    }
    *out = st;
    return 0;
}

/* Run sql (column 1: id) into rs->hits (rank 0), appending. */
static int
search_collect_ids(struct store *s, const char *sql, const struct query *q,
                   struct result_set *rs, size_t *cap, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    if (store_prepare_query(s, sql, q, &st, err) != 0)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (rs->n == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            rs->hits = xrealloc(rs->hits, *cap * sizeof *rs->hits);
        }
        rs->hits[rs->n++] = (struct result_hit){0, sqlite3_column_int64(st, 0)};
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "running the search");
    return 0;
}

/* Date order for a query whose hits are many: collect the ids (FTS5 alone
 * for words), then walk the (published, id) index newest first and keep
 * the hits, instead of one documents lookup per hit and a sort. At 1M
 * documents and 173k hits: ~0.4 s -> ~0.1 s. Returns 1 when the hits are
 * few and the caller should sort them in SQL, 0 done, -1 error. */
static int
search_by_date_walk(struct store *s, const struct query *q, struct result_set *rs,
                    struct ds_error *err)
{
    size_t cap = 0;
    if (search_collect_ids(s, qsql_ids(q->sql), q, rs, &cap, err) != 0)
        return -1;
    int64_t max_id = 0;
    for (size_t i = 0; i < rs->n; i++)
        max_id = DS_MAX(max_id, rs->hits[i].id);
    /* the walk reads every index entry: worth it from 1 hit in 32 */
    if ((int64_t)rs->n * 32 < max_id) {
        rs->n = 0;
        return 1;
    }
    uint64_t *bits = xcalloc((size_t)max_id / 64 + 1, sizeof *bits);
    for (size_t i = 0; i < rs->n; i++)
        if (rs->hits[i].id >= 0)
            bits[rs->hits[i].id / 64] |= 1ULL << (rs->hits[i].id % 64);
    size_t nhits = rs->n, kept = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id FROM documents ORDER BY published DESC, id DESC",
                                -1, &st, NULL);
    while (rc == SQLITE_OK && kept < nhits && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (id >= 0 && id <= max_id && (bits[id / 64] >> (id % 64) & 1))
            rs->hits[kept++] = (struct result_hit){0, id}; /* kept <= rows read */
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    free(bits);
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(s, err, rc, "running the search");
    rs->n = kept;
    return 0;
}

/* store_search() without telling a stop from an error. */
static int
search_run(struct store *s, const struct query *q, enum store_sort sort,
           struct result_set **out, struct ds_error *err)
{
    bool ranked = sort == SORT_RANK && qsql_fts(q->sql);
    if (sort == SORT_NONE) {
        struct result_set *rs = xcalloc(1, sizeof *rs);
        size_t cap = 0;
        rs->s = s;
        if (search_collect_ids(s, qsql_ids(q->sql), q, rs, &cap, err) != 0) {
            result_set_free(&rs);
            return -1;
        }
        rs->ordered = rs->n;
        rs->all = !q->root;
        *out = rs;
        return 0;
    }
    if (!ranked && qsql_fts(q->sql)) {
        struct result_set *rs = xcalloc(1, sizeof *rs);
        rs->s = s;
        int rc = search_by_date_walk(s, q, rs, err);
        if (rc <= 0) {
            rs->ordered = rs->n;
            if (rc < 0)
                result_set_free(&rs);
            *out = rs;
            return rc;
        }
        result_set_free(&rs);
    }
    /* ranked: in whatever order FTS5 yields them, ordered here (lazily) */
    char *sql = ranked ? xstrdup(qsql_ranked(q->sql))
                       : xasprintf("%s ORDER BY d.published DESC, d.id DESC",
                                   qsql_unranked(q->sql));
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = store_prepare_query(s, sql, q, &st, err);
    free(sql);
    if (rc != 0)
        return -1;

    struct result_set *rs = xcalloc(1, sizeof *rs);
    size_t cap = 0;
    rs->s = s;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (rs->n == cap) {
            cap = cap ? cap * 2 : 256;
            rs->hits = xrealloc(rs->hits, cap * sizeof *rs->hits);
        }
        rs->hits[rs->n].id = sqlite3_column_int64(st, 0);
        rs->hits[rs->n].rank = ranked ? sqlite3_column_double(st, 1) : 0;
        rs->n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        result_set_free(&rs);
        return store_fail(s, err, rc, "running the search");
    }
    rs->ordered = ranked ? 0 : rs->n;
    rs->all = !q->root;
    *out = rs;
    return 0;
}

/* ---- a search watched from another thread (store_set_search_watch) ---- */

struct search_watcher {
    struct store *s;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool done;  /* the search returned: the thread ends */
    bool fired; /* watch() said stop at least once */
};

/* Every 20 ms until done: ask watch(); while it says stop, interrupt (again
 * each time: an interrupt between two statements of one search is lost). */
static void *
search_watcher_main(void *arg)
{
    struct search_watcher *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->done) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 20 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&w->wake, &w->lock, &until);
        if (!w->done && w->s->search_watch(w->s->search_watch_ud)) {
            w->fired = true;
            sqlite3_interrupt(w->s->db);
        }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

void
store_set_search_watch(struct store *s, int (*watch)(void *ud), void *ud)
{
    s->search_watch = watch;
    s->search_watch_ud = ud;
}

int
store_search(struct store *s, const struct query *q, enum store_sort sort,
             struct result_set **out, struct ds_error *err)
{
    unsigned long stops = s->stops;
    *out = NULL;
    bool delayed = store_test_delay_start(s);
    struct search_watcher w = {.s = s};
    bool watching = s->search_watch != NULL;
    if (watching) {
        pthread_mutex_init(&w.lock, NULL);
        pthread_cond_init(&w.wake, NULL);
        watching = pthread_create(&w.thread, NULL, search_watcher_main, &w) == 0;
        if (!watching) {
            pthread_cond_destroy(&w.wake);
            pthread_mutex_destroy(&w.lock);
        }
    }
    int rc = search_run(s, q, sort, out, err);
    if (delayed)
        store_progress_restore(s);
    if (watching) {
        pthread_mutex_lock(&w.lock);
        w.done = true;
        pthread_cond_signal(&w.wake);
        pthread_mutex_unlock(&w.lock);
        pthread_join(w.thread, NULL);
        pthread_cond_destroy(&w.wake);
        pthread_mutex_destroy(&w.lock);
        if (w.fired && rc < 0)
            s->stops++;
    }
    if (rc < 0 && s->stops != stops) {
        ds_error_set(err, -1, "search stopped");
        return STORE_STOPPED;
    }
    return rc;
}

size_t
result_set_count(const struct result_set *rs)
{
    return rs ? rs->n : 0;
}

/* See store.h. */
size_t
result_set_count_after(const struct result_set *rs, int64_t id)
{
    size_t k = 0;
    for (size_t i = 0; rs && i < rs->n; i++)
        k += rs->hits[i].id > id;
    return k;
}

void
result_row_clear(struct result_row *r)
{
    if (!r)
        return;
    free(r->published);
    free(r->source);
    free(r->title);
    free(r->topics);
    memset(r, 0, sizeof *r);
}

int
result_set_fetch(struct result_set *rs, size_t pos, size_t n, struct result_row *rows,
                 struct ds_error *err)
{
    size_t filled = 0;
    if (pos >= rs->n)
        return 0;
    if (n > rs->n - pos)
        n = rs->n - pos;
    result_set_order(rs, pos + n);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = store_stmt(rs->s, SQ_ROW_FETCH, err);
        if (!st)
            goto fail;
        struct result_row *r = &rows[filled];
        memset(r, 0, sizeof *r);
        sqlite3_bind_int64(st, 1, rs->hits[pos + i].id);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            r->id = rs->hits[pos + i].id;
            r->published = store_col_dup(st, 0);
            r->source = store_col_dup(st, 1);
            r->title = store_col_dup(st, 2);
            r->has_title = sqlite3_column_int(st, 3) != 0;
            r->topics = store_col_dup(st, 4);
            r->rank = rs->hits[pos + i].rank;
            sqlite3_reset(st);
        } else {
            sqlite3_reset(st);
            if (rc != SQLITE_DONE) {
                store_fail(rs->s, err, rc, "reading search results");
                goto fail;
            }
            /* deleted since the search ran: show a placeholder row */
            r->id = rs->hits[pos + i].id;
            r->title = xstrdup("(no longer in the index)");
        }
        filled++;
    }
    return (int)filled;
fail:
    for (size_t i = 0; i < filled; i++)
        result_row_clear(&rows[i]);
    return -1;
}

long
result_set_find(struct result_set *rs, int64_t doc_id)
{
    for (size_t i = 0; i < rs->n; i++) {
        if (rs->hits[i].id != doc_id)
            continue;
        if (i < rs->ordered)
            return (long)i;
        /* in the unordered tail: order up to it, then it has a place */
        struct result_hit h = rs->hits[i];
        size_t before = rs->ordered;
        for (size_t j = rs->ordered; j < rs->n; j++)
            before += result_hit_cmp(&rs->hits[j], &h) < 0;
        result_set_order(rs, before + 1);
        return (long)before;
    }
    return -1;
}

void
result_set_free(struct result_set **rsp)
{
    struct result_set *rs = *rsp;
    if (!rs)
        return;
    free(rs->hits);
    free(rs);
    *rsp = NULL;
}

/* ---- snippets and hits ------------------------------------------------------------ */

char *
store_snippet(struct store *s, const struct query *q, int64_t doc_id, const char *open,
              const char *close, size_t max_tokens)
{
    struct ds_error err;
    const char *expr = qsql_fts(q->sql);
    if (!expr)
        return NULL;
    sqlite3_stmt *st = store_stmt(s, SQ_SNIPPET, &err);
    if (!st)
        return NULL;
    if (max_tokens < 1)
        max_tokens = 1;
    if (max_tokens > 64)
        max_tokens = 64; /* FTS5's limit */
    store_bind_text(st, 1, expr);
    store_bind_text(st, 2, open ? open : "");
    store_bind_text(st, 3, close ? close : "");
    sqlite3_bind_int(st, 4, (int)max_tokens);
    sqlite3_bind_int64(st, 5, doc_id);
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        out = store_col_dup(st, 0);
    sqlite3_reset(st);
    return out;
}

/* A query term as a token sequence; prefix when typed with '*'. */
struct hit_term {
    char **toks;
    size_t n;
    bool prefix;
    char *raw_last;     /* prefix terms: the last word unstemmed, ASCII-lowered */
};

struct tok_list {
    char **toks;
    size_t *start, *end;
    size_t n, cap;
};

static void
tok_list_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct tok_list *l = ud;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->toks = xrealloc(l->toks, l->cap * sizeof *l->toks);
        l->start = xrealloc(l->start, l->cap * sizeof *l->start);
        l->end = xrealloc(l->end, l->cap * sizeof *l->end);
    }
    l->toks[l->n] = xstrdup(token);
    l->start[l->n] = start;
    l->end[l->n] = end;
    l->n++;
}

static void
tok_list_free(struct tok_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->toks[i]);
    free(l->toks);
    free(l->start);
    free(l->end);
    memset(l, 0, sizeof *l);
}

static bool
hit_tok_eq(const char *doc_tok, const char *term_tok, bool prefix)
{
    if (prefix)
        return strncmp(doc_tok, term_tok, strlen(term_tok)) == 0;
    return strcmp(doc_tok, term_tok) == 0;
}

/* Spans in text where any of the terms occur. */
static int
store_hits_in(struct store *s, const struct hit_term *terms, size_t nterms, const char *text,
              size_t len, struct span **sp, size_t *n, size_t *cap, struct ds_error *err)
{
    struct tok_list l = {0};
    if (store_tokenize(s, text, len, tok_list_cb, &l, err) != 0)
        return -1;
    for (size_t i = 0; i < l.n; i++) {
        for (size_t t = 0; t < nterms; t++) {
            const struct hit_term *ht = &terms[t];
            if (ht->n == 0 || i + ht->n > l.n)
                continue;
            size_t k = 0;
            while (k < ht->n &&
                   (hit_tok_eq(l.toks[i + k], ht->toks[k], ht->prefix && k + 1 == ht->n) ||
                    (k + 1 == ht->n && ht->raw_last &&
                     hit_tok_eq(l.toks[i + k], ht->raw_last, true))))
                k++;
            if (k < ht->n)
                continue;
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *sp = xrealloc(*sp, *cap * sizeof **sp);
            }
            (*sp)[*n].start = (uint32_t)l.start[i];
            (*sp)[*n].end = (uint32_t)l.end[i + ht->n - 1];
            (*n)++;
            break;
        }
    }
    tok_list_free(&l);
    return 0;
}

/* Sort spans and merge overlapping ones (CJK bigrams overlap). */
static void
spans_normalise(struct span *sp, size_t *n)
{
    if (*n < 2)
        return;
    qsort(sp, *n, sizeof *sp, span_cmp);
    size_t w = 0;
    for (size_t i = 1; i < *n; i++) {
        if (sp[i].start <= sp[w].end) {
            if (sp[i].end > sp[w].end)
                sp[w].end = sp[i].end;
        } else {
            sp[++w] = sp[i];
        }
    }
    *n = w + 1;
}

static void
hit_terms_free(struct hit_term *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < t[i].n; k++)
            free(t[i].toks[k]);
        free(t[i].toks);
        free(t[i].raw_last);
    }
    free(t);
}

static int
store_hit_terms(struct store *s, const struct query *q, struct hit_term **out, size_t *n_out,
                struct ds_error *err)
{
    size_t n = qsql_term_count(q->sql);
    struct hit_term *terms = xcalloc(n ? n : 1, sizeof *terms);
    for (size_t i = 0; i < n; i++) {
        const char *t = qsql_term_at(q->sql, i);
        size_t len = strlen(t);
        struct tok_list l = {0};
        if (len > 0 && t[len - 1] == '*') {
            terms[i].prefix = true;
            len--;
        }
        if (store_tokenize(s, t, len, tok_list_cb, &l, err) != 0) {
            tok_list_free(&l);
            hit_terms_free(terms, n);
            return -1;
        }
        terms[i].toks = l.toks;
        terms[i].n = l.n;
        if (terms[i].prefix && l.n > 0) {
            char *raw = xstrndup(t + l.start[l.n - 1], l.end[l.n - 1] - l.start[l.n - 1]);
            for (char *c = raw; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c + 32);
            terms[i].raw_last = raw;
        }
        free(l.start);
        free(l.end);
        /* one CJK character: the index matches it as a prefix of bigrams */
        if (l.n == 1 && len <= 4 && (unsigned char)t[0] >= 0xE3)
            terms[i].prefix = true;
    }
    *out = terms;
    *n_out = n;
    return 0;
}

int
store_hit_spans_text(struct store *s, const struct query *q, const char *text, size_t len,
                     struct span **spans_out, size_t *n_out, struct ds_error *err)
{
    struct hit_term *terms;
    size_t nterms, n = 0, cap = 0;
    struct span *sp = NULL;

    *spans_out = NULL;
    *n_out = 0;
    if (store_hit_terms(s, q, &terms, &nterms, err) != 0)
        return -1;
    int rc = store_hits_in(s, terms, nterms, text, len, &sp, &n, &cap, err);
    hit_terms_free(terms, nterms);
    if (rc != 0) {
        free(sp);
        return -1;
    }
    spans_normalise(sp, &n);
    *spans_out = sp;
    *n_out = n;
    return 0;
}

int
store_hit_spans(struct store *s, const struct query *q, int64_t doc_id, struct span **spans_out,
                size_t *n_out, struct ds_error *err)
{
    struct doc_record r;
    *spans_out = NULL;
    *n_out = 0;
    int rc = store_doc_get(s, doc_id, &r, err);
    if (rc == 1) {
        ds_error_set(err, -1, "no document %lld", (long long)doc_id);
        return -1;
    }
    if (rc != 0)
        return -1;
    rc = store_hit_spans_text(s, q, r.a.body, strlen(r.a.body), spans_out, n_out, err);
    doc_record_clear(&r);
    return rc;
}

/* ---- facets ----------------------------------------------------------------------------- */

void
facets_free(struct facet *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(f[i].key);
        free(f[i].label);
    }
    free(f);
}

/* ---- topic counts of a result set ------------------------------------------------------ */

/* Up to this many hits (and under an eighth of the ids), topics are
 * counted by looking up each hit's; otherwise by one pass over the (slug,
 * doc_id) index against a bitmap of the hits, whose cost does not depend on
 * how many hit (~100 ms at 1M). */
#define TOPIC_COUNT_LOOKUPS 20000

static int
facet_count_cmp(const void *a, const void *b)
{
    const struct facet *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->key, y->key);
}

static void
facet_bump(struct facet **f, size_t *n, size_t *cap, const char *slug, int64_t by)
{
    for (size_t i = *n; i-- > 0;)
        if (strcmp((*f)[i].key, slug) == 0) {
            (*f)[i].count += by;
            return;
        }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *f = xrealloc(*f, *cap * sizeof **f);
    }
    (*f)[(*n)++] = (struct facet){xstrdup(slug), NULL, by};
}

/* The topic counts being gathered (facet_bump's arguments). */
struct topic_acc {
    struct facet *f;
    size_t n, cap;
};

/* Every document: the statistics tables' timeline has the totals. A
 * SQLite result code. */
static int
topic_counts_totals(struct store *s, struct topic_acc *a)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT t.slug, x.c FROM (SELECT topic, sum(n) AS c FROM corpus_topic_day GROUP BY topic)"
        " x JOIN topic_ids t ON t.id = x.topic ORDER BY t.slug",
        -1, &st, NULL);
    while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
        facet_bump(&a->f, &a->n, &a->cap, (const char *)sqlite3_column_text(st, 0),
                   sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Few hits: one lookup of each hit's topics. A SQLite result code. */
static int
topic_counts_lookups(struct result_set *rs, struct topic_acc *a)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(rs->s->db, "SELECT slug FROM doc_topics WHERE doc_id = ?1", -1,
                                &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < rs->n; i++) {
        sqlite3_bind_int64(st, 1, rs->hits[i].id);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            facet_bump(&a->f, &a->n, &a->cap, (const char *)sqlite3_column_text(st, 0), 1);
        rc = sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Many hits: one pass over the topic index, each row tested against a
 * bitmap of the hits. A SQLite result code. */
static int
topic_counts_scan(struct result_set *rs, int64_t max_id, struct topic_acc *a)
{
    uint64_t *bits = xcalloc((size_t)max_id / 64 + 1, sizeof *bits);
    for (size_t i = 0; i < rs->n; i++)
        if (rs->hits[i].id >= 0)
            bits[rs->hits[i].id / 64] |= 1ULL << (rs->hits[i].id % 64);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        rs->s->db,
        "SELECT t.slug, r.doc_id FROM doc_topic_rows r INDEXED BY doc_topic_rows_topic"
        " JOIN topic_ids t ON t.id = r.topic",
        -1, &st, NULL);
    /* rows come grouped by topic: count a run, then add it once */
    char *run = NULL;
    int64_t in_run = 0;
    while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *slug = (const char *)sqlite3_column_text(st, 0);
        int64_t id = sqlite3_column_int64(st, 1);
        if (!slug)
            continue;
        if (!run || strcmp(run, slug) != 0) {
            if (run && in_run)
                facet_bump(&a->f, &a->n, &a->cap, run, in_run);
            free(run);
            run = xstrdup(slug);
            in_run = 0;
        }
        in_run += id >= 0 && id <= max_id && (bits[id / 64] >> (id % 64) & 1);
    }
    if (run && in_run)
        facet_bump(&a->f, &a->n, &a->cap, run, in_run);
    free(run);
    sqlite3_finalize(st);
    free(bits);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Sort the counts, keep max (0: all) and label them from the topics
 * table. A SQLite result code. */
static int
topic_counts_finish(struct store *s, size_t max, struct topic_acc *a)
{
    if (a->n == 0)
        return SQLITE_OK;
    qsort(a->f, a->n, sizeof *a->f, facet_count_cmp);
    for (; max && a->n > max; a->n--)
        free(a->f[a->n - 1].key);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT name FROM topics WHERE slug = ?1", -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < a->n; i++) {
        sqlite3_bind_text(st, 1, a->f[i].key, -1, SQLITE_STATIC);
        if ((rc = sqlite3_step(st)) == SQLITE_ROW)
            a->f[i].label = store_col_dup(st, 0);
        rc = sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int
result_set_topic_counts(struct result_set *rs, size_t max, struct facet **out, size_t *n_out,
                        struct ds_error *err)
{
    struct store *s = rs->s;
    struct topic_acc a = {0};
    *out = NULL;
    *n_out = 0;
    int64_t max_id = 0;
    for (size_t i = 0; i < rs->n; i++)
        max_id = DS_MAX(max_id, rs->hits[i].id);
    int totals = rs->all ? stats_tables_current(s, err) : 0;
    if (totals < 0)
        return -1;
    int rc;
    if (totals)
        rc = topic_counts_totals(s, &a);
    else if (rs->n <= TOPIC_COUNT_LOOKUPS && (int64_t)rs->n * 8 < max_id)
        rc = topic_counts_lookups(rs, &a);
    else
        rc = topic_counts_scan(rs, max_id, &a);
    if (rc == SQLITE_OK)
        rc = topic_counts_finish(s, max, &a);
    if (rc != SQLITE_OK) {
        facets_free(a.f, a.n);
        return store_fail(s, err, rc, "counting topics");
    }
    *out = a.f;
    *n_out = a.n;
    return 0;
}

int
store_facets(struct store *s, const struct query *q, enum facet_kind kind, size_t max,
             struct facet **out, size_t *n_out, struct ds_error *err)
{
    const char *fmt;
    *out = NULL;
    *n_out = 0;
    switch (kind) {
    case FACET_TOPIC:
        fmt = "SELECT dt.slug, t.name, count(*) AS c FROM doc_topics dt"
              " LEFT JOIN topics t ON t.slug = dt.slug WHERE dt.doc_id IN (SELECT id FROM (%s))"
              " GROUP BY dt.slug ORDER BY c DESC, dt.slug LIMIT %zu";
        break;
    case FACET_SOURCE:
        fmt = "SELECT source, NULL, count(*) AS c FROM documents WHERE source IS NOT NULL"
              " AND id IN (SELECT id FROM (%s)) GROUP BY source ORDER BY c DESC, source"
              " LIMIT %zu";
        break;
    case FACET_MONTH:
        fmt = "SELECT substr(published, 1, 7) AS m, NULL, count(*) FROM documents"
              " WHERE length(published) >= 7 AND id IN (SELECT id FROM (%s))"
              " GROUP BY m ORDER BY m DESC LIMIT %zu";
        break;
    /* The entity counts start from the matching documents and look up each
     * one's mentions by its key. Written as "mentions WHERE doc_id IN (...)
     * AND kind = ?", SQLite walks every entity of the kind and probes each
     * against every matching document: entities x documents lookups, over
     * a minute for an empty query at 10k articles. CROSS JOIN fixes the
     * order; DISTINCT keeps each document counted once, as IN did. */
#define ENTITY_FACET_SQL(KIND)                                                                     \
    "SELECT e.name, e.alt, count(*) AS c FROM (SELECT DISTINCT id FROM (%s)) d"                    \
    " CROSS JOIN mentions m ON m.doc_id = d.id CROSS JOIN entities e ON e.id = m.entity_id"       \
    " WHERE e.kind = " KIND " GROUP BY e.id ORDER BY c DESC, e.name LIMIT %zu"
    case FACET_COUNTRY:
        fmt = ENTITY_FACET_SQL(STORE_ENT_COUNTRY);
        break;
    case FACET_PERSON:
        fmt = ENTITY_FACET_SQL(STORE_ENT_PERSON);
        break;
    case FACET_ORG:
        fmt = ENTITY_FACET_SQL(STORE_ENT_ORG);
        break;
#undef ENTITY_FACET_SQL
    default:
        ds_error_set(err, -1, "unknown facet");
        return -1;
    }
    struct buf sql = BUF_INIT;
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    buf_printf(&sql, fmt, qsql_unranked(q->sql), max ? max : (size_t)1000);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    sqlite3_stmt *st = NULL;
    int rc = store_prepare_query(s, buf_str(&sql), q, &st, err);
    buf_free(&sql);
    if (rc != 0)
        return -1;
    struct facet *f = NULL;
    size_t n = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            f = xrealloc(f, cap * sizeof *f);
        }
        f[n].key = store_col_dup(st, 0);
        if (!f[n].key)
            f[n].key = xstrdup("");
        f[n].label = store_col_dup(st, 1);
        f[n].count = sqlite3_column_int64(st, 2);
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        facets_free(f, n);
        return store_fail(s, err, rc, "counting facets");
    }
    *out = f;
    *n_out = n;
    return 0;
}
