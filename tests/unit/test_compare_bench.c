/*
 * test_compare_bench.c — a benchmark of the compare module on a large index
 * (not run by make check; build with `make tests/unit/test_compare_bench`).
 *
 *   test_compare_bench DB FILE...      (or a file listing paths, one a line, with @LIST)
 *   test_compare_bench --query DB      only the lookups, on an index built before
 *
 * Inserts every file's text as a document into a fresh index at DB, twice
 * the work measured separately: the bare insert (documents + FTS5), and the
 * MinHash signature plus its LSH rows. Then times similar_find() and
 * neardup_find() for 50 documents spread over the index (p50, p95, max),
 * neardup_groups() over everything, and compare_texts() of the two
 * longest documents. Prints one line per measurement.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/store_similar.h"
#include "dossier/store.h"

static int
count_words(const char *s)
{
    int n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ' || *s == '\n' || *s == '\t';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static int
dbl_cmp(const void *p, const void *q)
{
    double x = *(const double *)p, y = *(const double *)q;
    return (x > y) - (x < y);
}

static void
report(const char *what, double *t, size_t n)
{
    qsort(t, n, sizeof *t, dbl_cmp);
    printf("%-28s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n=%zu)\n", what, t[n / 2] * 1e3,
           t[n * 95 / 100] * 1e3, t[n - 1] * 1e3, n);
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_compare_bench DB FILE... | DB @LIST\n");
        return 2;
    }
    bool query_only = strcmp(argv[1], "--query") == 0;
    const char *db = argv[query_only ? 2 : 1];
    char **files = argv + 2;
    size_t nfiles = (size_t)argc - 2;
    struct buf list = BUF_INIT;
    struct ds_error err;
    ds_error_clear(&err);
    if (query_only) {
        nfiles = 0;
    } else if (argv[2][0] == '@') {
        if (ds_read_file(argv[2] + 1, (size_t)1 << 30, &list, &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
        size_t cap = 1024;
        nfiles = 0;
        files = xmalloc(cap * sizeof *files);
        for (char *p = list.data; p && *p;) {
            char *nl = strchr(p, '\n');
            if (nl)
                *nl = '\0';
            if (*p) {
                if (nfiles == cap)
                    files = xrealloc(files, (cap *= 2) * sizeof *files);
                files[nfiles++] = p;
            }
            p = nl ? nl + 1 : p + strlen(p);
        }
    }
    if (!query_only)
        unlink(db);
    struct store *s = NULL;
    if (store_open(db, STORE_CREATE, &s, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    struct neardup_writer *w = NULL;
    if (neardup_writer_open(s, &w, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    double t_insert = 0, t_sig = 0, t_put = 0;
    uint64_t bytes = 0;
    int64_t *ids = xmalloc((nfiles + 1) * sizeof *ids);
    size_t longest[2] = {0, 0}, lens[2] = {0, 0};
    struct buf text = BUF_INIT;
    store_begin(s, &err);
    for (size_t i = 0; i < nfiles; i++) {
        buf_reset(&text);
        if (ds_read_file(files[i], (size_t)8 << 20, &text, &err) != 0)
            continue;
        struct article a;
        memset(&a, 0, sizeof a);
        a.body = text.data ? text.data : (char *)(uintptr_t)"";
        a.raw = a.body;
        bytes += text.len;
        double t0 = ds_now();
        if (store_doc_insert(s, &a, ds_hash64(text.data, text.len) + i, &ids[i], &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
        double t1 = ds_now();
        uint32_t sig[MINHASH_K];
        uint32_t shingles = minhash_signature(a.body, text.len, sig);
        double t2 = ds_now();
        if (neardup_writer_put(w, ids[i], sig, shingles, &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
        double t3 = ds_now();
        t_insert += t1 - t0;
        t_sig += t2 - t1;
        t_put += t3 - t2;
        if (text.len > lens[0]) {
            lens[1] = lens[0];
            longest[1] = longest[0];
            lens[0] = text.len;
            longest[0] = i;
        } else if (text.len > lens[1]) {
            lens[1] = text.len;
            longest[1] = i;
        }
        if (i % 1000 == 999) {
            double t4 = ds_now();
            store_commit(s, &err);
            store_begin(s, &err);
            t_insert += ds_now() - t4;
        }
    }
    double t4 = ds_now();
    store_commit(s, &err);
    t_insert += ds_now() - t4;

    /* Lightly edited copies of every 100th document (a word in 40 replaced,
     * a sentence added at the top), to measure near-duplicate recall. */
    size_t ncopies = 0, cap_copies = nfiles / 100 + 1;
    int64_t (*copies)[2] = xmalloc(cap_copies * sizeof *copies);
    store_begin(s, &err);
    for (size_t i = 0; i < nfiles; i += 100) {
        buf_reset(&text);
        if (ds_read_file(files[i], (size_t)8 << 20, &text, &err) != 0 || text.len < 200)
            continue;
        struct buf ed = BUF_INIT;
        buf_puts(&ed, "Updated with comment from officials. ");
        int words = 0;
        for (const char *p = text.data; *p;) {
            size_t n = strcspn(p, " \n");
            if (++words % 40 == 0)
                buf_puts(&ed, "altered");
            else
                buf_append(&ed, p, n);
            p += n;
            while (*p == ' ' || *p == '\n')
                buf_putc(&ed, *p++);
        }
        struct article a;
        memset(&a, 0, sizeof a);
        a.body = ed.data;
        a.raw = ed.data;
        int64_t id;
        uint32_t sig[MINHASH_K];
        if (store_doc_insert(s, &a, ds_hash64(ed.data, ed.len) ^ 0x5555, &id, &err) == 0) {
            uint32_t shingles = minhash_signature(ed.data, ed.len, sig);
            if (!w && neardup_writer_open(s, &w, &err) != 0)
                return 2;
            neardup_writer_put(w, id, sig, shingles, &err);
            copies[ncopies][0] = ids[i];
            copies[ncopies][1] = id;
            ncopies++;
        }
        buf_free(&ed);
    }
    store_commit(s, &err);
    neardup_writer_free(&w);
    if (query_only) {
        struct store_stats st;
        if (store_stats(s, &st, &err) != 0 || st.documents < 2) {
            fprintf(stderr, "no documents: %s\n", err.msg);
            return 2;
        }
        nfiles = (size_t)st.documents;
        store_stats_clear(&st);
        ids = xrealloc(ids, nfiles * sizeof *ids);
        for (size_t i = 0; i < nfiles; i++)
            ids[i] = (int64_t)i + 1;
        longest[1] = 1;
        goto lookups;
    }
    printf("documents                    %zu (%.1f MB)\n", nfiles, (double)bytes / 1e6);
    printf("bare insert (docs + FTS5)    %.2f s, %.1f MB/s\n", t_insert,
           (double)bytes / 1e6 / t_insert);
    printf("minhash_signature            %.2f s, %.0f MB/s\n", t_sig, (double)bytes / 1e6 / t_sig);
    printf("signature + LSH rows saved   %.2f s\n", t_put);
    printf("near-dup overhead            %.1f%% of the bare insert\n",
           100 * (t_sig + t_put) / t_insert);

    size_t recalled = 0;
    double jsum = 0;
    for (size_t k = 0; k < ncopies; k++) {
        struct similar_doc *v = NULL;
        size_t n = 0;
        neardup_find(s, copies[k][0], NEARDUP_MIN_JACCARD, &v, &n, &err);
        for (size_t i = 0; i < n; i++)
            if (v[i].id == copies[k][1]) {
                recalled++;
                jsum += v[i].jaccard;
            }
        free(v);
    }
    printf("edited copies found          %zu of %zu (mean estimated Jaccard %.2f)\n", recalled,
           ncopies, recalled ? jsum / (double)recalled : 0.0);
    free(copies);
lookups:;
    size_t nq = 50;
    double *ts = xmalloc(nq * sizeof *ts), *td = xmalloc(nq * sizeof *td);
    size_t found_dups = 0;
    for (size_t k = 0; k < nq; k++) {
        int64_t id = ids[(k * 7919) % nfiles];
        struct similar_doc *v = NULL;
        size_t n = 0;
        double t0 = ds_now();
        if (similar_find(s, id, 10, &v, &n, &err) != 0)
            fprintf(stderr, "similar: %s\n", err.msg);
        ts[k] = ds_now() - t0;
        free(v);
        t0 = ds_now();
        neardup_find(s, id, NEARDUP_MIN_JACCARD, &v, &n, &err);
        td[k] = ds_now() - t0;
        found_dups += n;
        free(v);
    }
    report("similar_find (limit 10)", ts, nq);
    report("neardup_find", td, nq);
    printf("near-duplicates found for the 50: %zu\n", found_dups);
    int64_t **groups = NULL;
    size_t *sizes = NULL, ng = 0;
    double t0 = ds_now();
    neardup_groups(s, NEARDUP_MIN_JACCARD, &groups, &sizes, &ng, &err);
    printf("neardup_groups         %.2f s, %zu groups\n", ds_now() - t0, ng);
    neardup_groups_free(groups, sizes, ng);

    struct doc_record ra = {0}, rb = {0};
    if (nfiles >= 2 && store_doc_get(s, ids[longest[0]], &ra, &err) == 0 &&
        store_doc_get(s, ids[longest[1]], &rb, &err) == 0) {
        struct text_tokenizer tok;
        store_text_tokenizer(s, &tok);
        struct cmp_options opt = {0, &tok, NULL};
        double best = 1e9;
        struct cmp_result r;
        for (int rep = 0; rep < 5; rep++) {
            t0 = ds_now();
            compare_texts(ra.a.body, strlen(ra.a.body), rb.a.body, strlen(rb.a.body), &opt, &r,
                          &err);
            best = DS_MIN(best, ds_now() - t0);
            cmp_result_clear(&r);
        }
        printf("compare_texts longest two    %.2f ms (%d and %d words)\n", best * 1e3,
               count_words(ra.a.body), count_words(rb.a.body));
    }
    doc_record_clear(&ra);
    doc_record_clear(&rb);
    store_close(&s);
    free(ts);
    free(td);
    free(ids);
    buf_free(&text);
    if (files != argv + 2)
        free(files);
    buf_free(&list);
    return 0;
}
