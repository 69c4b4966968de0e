/* bench_query.c — search latency in process: dossier's own path (query_parse,
 * store_search, result_set_fetch of the first rows) against the floor, the
 * same words as an FTS5 MATCH ordered by bm25 with LIMIT on the bare table
 * that fts5_floor built from the same files.
 *
 *   bench_query --db DOSSIER_DB --floor FLOOR_DB --queries FILE
 *               [--limit 50] [--runs 3] [--verbose]
 *
 * FILE holds one query per line (plain words; gen_corpus --queries writes
 * it). One untimed pass warms the caches; then each query runs --runs times
 * on each side and its median counts. Output: a human summary on stderr and
 * a key=value line on stdout:
 *   queries=50 dossier_p50_ms=.. dossier_p95_ms=.. floor_p50_ms=.. floor_p95_ms=.. ratio_p50=..
 *   zero_mismatch=.. selective_n=.. selective_p50_ms=.. broad_n=.. broad_p50_ms=..
 * (selective: queries whose words match at most 1% of the documents).
 * Exit 0, or 1 when a database cannot be opened or a query fails. The
 * dossier index is opened read-write so that an older schema is migrated.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/util.h"

struct bq_result {
    double ms;
    long hits; /* rows fetched (floor) or the result count (dossier); -1 on error */
};

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of v[0..n) by nearest rank; sorts v. */
static double
quantile(double *v, size_t n, double q)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t k = (size_t)(q * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

static struct bq_result
run_dossier(struct store *s, const char *text, size_t limit)
{
    struct bq_result res = {0, -1};
    struct ds_error err;
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct result_row *rows = xcalloc(limit, sizeof *rows);
    double t0 = ds_now();
    if (query_parse(text, &q, &err) < 0) {
        fprintf(stderr, "bench_query: dossier: %s: %s\n", text, err.msg);
        goto out;
    }
    if (store_search(s, q, SORT_RANK, &rs, &err) < 0) {
        fprintf(stderr, "bench_query: dossier: %s: %s\n", text, err.msg);
        goto out;
    }
    int got = result_set_fetch(rs, 0, limit, rows, &err);
    if (got < 0) {
        fprintf(stderr, "bench_query: dossier fetch: %s: %s\n", text, err.msg);
        goto out;
    }
    for (int i = 0; i < got; i++)
        result_row_clear(&rows[i]);
    res.hits = (long)result_set_count(rs);
    res.ms = (ds_now() - t0) * 1e3;
out:
    result_set_free(&rs);
    query_free(&q);
    free(rows);
    return res;
}

/* Each word as an FTS5 string ("..." with quotes doubled), joined by spaces:
 * implicit AND, and no word can be read as an operator. */
static void
fts_match_expr(const char *text, struct buf *out)
{
    buf_reset(out);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (out->len)
            buf_putc(out, ' ');
        buf_putc(out, '"');
        for (; *p && *p != ' ' && *p != '\t'; p++) {
            if (*p == '"')
                buf_putc(out, '"');
            buf_putc(out, *p);
        }
        buf_putc(out, '"');
    }
}

static struct bq_result
run_floor(sqlite3 *db, const char *text, size_t limit, struct buf *expr)
{
    struct bq_result res = {0, -1};
    sqlite3_stmt *st = NULL;
    double t0 = ds_now();
    fts_match_expr(text, expr);
    if (sqlite3_prepare_v2(db,
                           "SELECT rowid, title FROM docs WHERE docs MATCH ?1 "
                           "ORDER BY rank LIMIT ?2",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench_query: floor: %s\n", sqlite3_errmsg(db));
        return res;
    }
    sqlite3_bind_text(st, 1, buf_str(expr), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
    long n = 0;
    int rc;
    size_t sink = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 1);
        sink += t ? t[0] : 0;
        n++;
    }
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "bench_query: floor: %s: %s\n", text, sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return res;
    }
    sqlite3_finalize(st);
    res.ms = (ds_now() - t0) * 1e3;
    res.hits = n + (long)(sink & 0); /* keep the column reads */
    return res;
}

static char **
read_queries(const char *path, size_t *n_out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char **v = NULL;
    size_t n = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0])
            continue;
        v = xrealloc(v, (n + 1) * sizeof *v);
        v[n++] = xstrdup(line);
    }
    fclose(f);
    *n_out = n;
    return v;
}

static void
usage(FILE *f)
{
    fprintf(f, "usage: bench_query --db DOSSIER_DB --floor FLOOR_DB --queries FILE "
               "[--limit 50] [--runs 3] [--verbose]\n");
}

int
main(int argc, char **argv)
{
    const char *dbpath = NULL, *floorpath = NULL, *qpath = NULL;
    long limit = 50, runs = 3;
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--db") == 0 && has)
            dbpath = argv[++i];
        else if (strcmp(a, "--floor") == 0 && has)
            floorpath = argv[++i];
        else if (strcmp(a, "--queries") == 0 && has)
            qpath = argv[++i];
        else if (strcmp(a, "--limit") == 0 && has)
            limit = strtol(argv[++i], NULL, 10);
        else if (strcmp(a, "--runs") == 0 && has)
            runs = strtol(argv[++i], NULL, 10);
        else if (strcmp(a, "--verbose") == 0)
            verbose = true;
        else {
            usage(strcmp(a, "--help") == 0 ? stdout : stderr);
            return strcmp(a, "--help") == 0 ? 0 : 2;
        }
    }
    if (!dbpath || !floorpath || !qpath || limit < 1 || runs < 1 || runs > 100) {
        usage(stderr);
        return 2;
    }

    int rc = 1;
    struct ds_error err;
    struct store *s = NULL;
    sqlite3 *fdb = NULL;
    size_t nq = 0;
    char **queries = read_queries(qpath, &nq);
    struct buf expr = BUF_INIT;
    double *dms = NULL, *fms = NULL, *samples = xcalloc((size_t)runs, sizeof *samples);
    double *sel = NULL, *broad = NULL;
    size_t nsel = 0, nbroad = 0;
    int64_t ndocs = 0;
    size_t zero_mismatch = 0;

    if (!queries || nq == 0) {
        fprintf(stderr, "bench_query: %s: no queries\n", qpath);
        goto out;
    }
    /* Read-write (nothing is written): an index from an older build of the
     * same schema line is migrated instead of refused. */
    if (store_open(dbpath, 0, &s, &err) < 0) {
        fprintf(stderr, "bench_query: %s: %s\n", dbpath, err.msg);
        goto out;
    }
    struct store_stats st;
    if (store_stats(s, &st, &err) == 0) {
        ndocs = st.documents;
        store_stats_clear(&st);
    }
    if (sqlite3_open_v2(floorpath, &fdb, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench_query: %s: %s\n", floorpath, sqlite3_errmsg(fdb));
        goto out;
    }
    /* Warm-up: page cache and SQLite's caches, both sides. */
    for (size_t i = 0; i < nq; i++) {
        struct bq_result d = run_dossier(s, queries[i], (size_t)limit);
        struct bq_result f = run_floor(fdb, queries[i], (size_t)limit, &expr);
        if (d.hits < 0 || f.hits < 0)
            goto out;
        if ((d.hits == 0) != (f.hits == 0))
            zero_mismatch++;
    }
    dms = xcalloc(nq, sizeof *dms);
    fms = xcalloc(nq, sizeof *fms);
    sel = xcalloc(nq, sizeof *sel);
    broad = xcalloc(nq, sizeof *broad);
    for (size_t i = 0; i < nq; i++) {
        long hits = 0, fhits = 0;
        for (long r = 0; r < runs; r++) {
            struct bq_result d = run_dossier(s, queries[i], (size_t)limit);
            if (d.hits < 0)
                goto out;
            samples[r] = d.ms;
            hits = d.hits;
        }
        dms[i] = quantile(samples, (size_t)runs, 0.5);
        for (long r = 0; r < runs; r++) {
            struct bq_result f = run_floor(fdb, queries[i], (size_t)limit, &expr);
            if (f.hits < 0)
                goto out;
            samples[r] = f.ms;
            fhits = f.hits;
        }
        fms[i] = quantile(samples, (size_t)runs, 0.5);
        /* Selective: the words match at most 1% of the documents. */
        if (ndocs > 0 && hits * 100 <= ndocs)
            sel[nsel++] = dms[i];
        else
            broad[nbroad++] = dms[i];
        if (verbose)
            fprintf(stderr, "  %-32s dossier %7.2f ms %7ld hits | floor %7.2f ms %3ld rows\n",
                    queries[i], dms[i], hits, fms[i], fhits);
    }
    double d50 = quantile(dms, nq, 0.5), d95 = quantile(dms, nq, 0.95);
    double f50 = quantile(fms, nq, 0.5), f95 = quantile(fms, nq, 0.95);
    double ratio = f50 > 0 ? d50 / f50 : 0;
    double s50 = quantile(sel, nsel, 0.5), b50 = quantile(broad, nbroad, 0.5);
    fprintf(stderr,
            "query %zu queries x %ld runs, first %ld rows: dossier p50 %.2f ms p95 %.2f ms | "
            "floor p50 %.2f ms p95 %.2f ms | ratio p50 %.2f (target p50 <= 5 ms)%s\n",
            nq, runs, limit, d50, d95, f50, f95, ratio,
            zero_mismatch ? " [hit/no-hit disagreements, see zero_mismatch]" : "");
    fprintf(stderr, "query dossier p50 by selectivity: %zu queries matching <= 1%% of %lld docs "
            "%.2f ms, %zu broader %.2f ms\n", nsel, (long long)ndocs, s50, nbroad, b50);
    printf("queries=%zu dossier_p50_ms=%.3f dossier_p95_ms=%.3f floor_p50_ms=%.3f "
           "floor_p95_ms=%.3f ratio_p50=%.2f zero_mismatch=%zu selective_n=%zu "
           "selective_p50_ms=%.3f broad_n=%zu broad_p50_ms=%.3f\n",
           nq, d50, d95, f50, f95, ratio, zero_mismatch, nsel, s50, nbroad, b50);
    rc = 0;
out:
    store_close(&s);
    sqlite3_close(fdb);
    for (size_t i = 0; i < nq; i++)
        free(queries[i]);
    free(queries);
    free(dms);
    free(fms);
    free(sel);
    free(broad);
    free(samples);
    buf_free(&expr);
    return rc;
}
