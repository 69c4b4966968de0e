/*
 * index/furniture.c — step 2 of an index run: the short lines repeated
 * across many documents (a site's page furniture), known before any
 * document is cleaned. The pending files are read once on two threads and
 * their short lines counted; the lines stored by earlier runs are merged in.
 *
 * Memory is bounded (issue 16): each thread's map holds at most
 * LC_MAX_LINES distinct lines. When it is full the rarest lines are
 * forgotten (those seen once, then twice, ...), the lossy counting of Manku
 * and Motwani: a line that is furniture (in at least 0.5% of the documents)
 * is seen again long before its count could fall that low, so the set found
 * is the exact one in practice, while a million documents of distinct
 * headlines no longer hold a count each.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "lib.h"

/* Distinct lines one counting thread keeps (12 bytes a slot, at most half
 * the slots in use: 12 MB a thread). */
#define LC_MAX_LINES ((size_t)1 << 19)

/* An open-addressing map from line hash to the number of pending documents
 * holding the line; 0 marks an empty slot. */
struct line_counts {
    uint64_t *keys;
    uint32_t *counts;
    size_t cap, n;
    uint32_t forgotten;     /* lines seen this often or less were dropped */
};

static int
cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void
lc_put(struct line_counts *lc, uint64_t h, uint32_t n)
{
    size_t j = h & (lc->cap - 1);
    while (lc->keys[j] && lc->keys[j] != h)
        j = (j + 1) & (lc->cap - 1);
    if (!lc->keys[j]) {
        lc->keys[j] = h;
        lc->n++;
    }
    lc->counts[j] += n;
}

/* Rehash into cap slots, keeping the lines counted more than min. */
static void
lc_rehash(struct line_counts *lc, size_t cap, uint32_t min)
{
    struct line_counts old = *lc;
    lc->cap = cap;
    lc->keys = xcalloc(cap, sizeof *lc->keys);
    lc->counts = xcalloc(cap, sizeof *lc->counts);
    lc->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i] && old.counts[i] > min)
            lc_put(lc, old.keys[i], old.counts[i]);
    free(old.keys);
    free(old.counts);
}

static void
line_counts_add_n(struct line_counts *lc, uint64_t h, uint32_t n)
{
    if (h == 0)
        h = 1;
    if ((lc->n + 1) * 2 > lc->cap) {
        if (lc->n < LC_MAX_LINES) {
            lc_rehash(lc, lc->cap ? lc->cap * 2 : 4096, 0);
        } else {
            /* full: forget the rarest lines until half the room is free */
            do
                lc_rehash(lc, lc->cap, ++lc->forgotten);
            while (lc->n > LC_MAX_LINES / 2);
        }
    }
    lc_put(lc, h, n);
}

static void
line_counts_free(struct line_counts *lc)
{
    free(lc->keys);
    free(lc->counts);
    memset(lc, 0, sizeof *lc);
}

/* The threshold for "seen in many documents": at least 5 documents and at
 * least 0.5% of the corpus, so a small folder needs a line five times and a
 * big one needs it in a real share of its articles. */
static int64_t
furniture_min_docs(int64_t total_docs)
{
    int64_t share = (total_docs + 199) / 200;
    return share > 5 ? share : 5;
}

/* One share of the counting: the pending files whose index is `part`
 * modulo `parts`. */
struct count_share {
    struct run *run;
    size_t part, parts;
    struct line_counts lc;
    size_t pending;         /* files counted */
};

static void *
count_lines(void *arg)
{
    struct count_share *sh = arg;
    struct run *r = sh->run;
    struct buf bytes = BUF_INIT;
    size_t max = r->opts->max_bytes ? r->opts->max_bytes : INDEX_DEFAULT_MAX_BYTES;

    for (size_t i = sh->part; i < r->ncands; i += sh->parts) {
        struct candidate *c = &r->cands[i];
        if (c->unchanged)
            continue;
        if (sh->part == 0)
            idx_report(r, "scanning", r->files_before + i, r->files_before + r->ncands, false);
        struct ds_error ignored;
        if (ds_read_file(c->path, max, &bytes, &ignored) != 0)
            continue; /* step 3 reports it */
        uint64_t *hashes = NULL;
        size_t nh = ingest_file_lines(c->path, buf_str(&bytes), bytes.len, &hashes);
        for (size_t k = 0; k < nh; k++)
            line_counts_add_n(&sh->lc, hashes[k], 1);
        free(hashes);
        sh->pending++;
    }
    buf_free(&bytes);
    return NULL;
}

/* Count the pending files on this thread and a second one (at 100k
 * documents, ~2 s alone) into *lc; returns the files counted. */
static size_t
count_pending(struct run *r, struct line_counts *lc)
{
    struct count_share share[2] = {{r, 0, 2, {0}, 0}, {r, 1, 2, {0}, 0}};
    pthread_t helper;
    bool two = r->ncands > 64 && pthread_create(&helper, NULL, count_lines, &share[1]) == 0;
    if (!two)
        share[0].parts = 1;
    count_lines(&share[0]);
    if (two) {
        pthread_join(helper, NULL);
        struct line_counts *o = &share[1].lc;
        for (size_t i = 0; i < o->cap; i++)
            if (o->keys[i])
                line_counts_add_n(&share[0].lc, o->keys[i], o->counts[i]);
        line_counts_free(o);
    }
    *lc = share[0].lc;
    return share[0].pending + share[1].pending;
}

/* Of the lines counted this chunk short of min_docs by at most two, those
 * earlier runs stored at least twice count as two more (exact counts for
 * rare lines are not worth a query per line): they join set[0..*n) (room
 * for them grown as needed, *cap). Only they are looked up, so nothing is
 * read per line of the collection. 0, or -1 with err. */
static int
near_lines(struct run *r, const struct line_counts *lc, int64_t min_docs, uint64_t **set,
           size_t *n, size_t *cap, struct ds_error *err)
{
    uint64_t *near = NULL;
    size_t nnear = 0, capnear = 0;
    for (size_t i = 0; i < lc->cap; i++) {
        if (!lc->keys[i] || lc->counts[i] >= min_docs || lc->counts[i] + 2 < min_docs)
            continue;
        if (nnear == capnear)
            near = xrealloc(near, (capnear = capnear ? capnear * 2 : 64) * sizeof *near);
        near[nnear++] = lc->keys[i];
    }
    int64_t *docs = xcalloc(nnear ? nnear : 1, sizeof *docs);
    int rc = store_linefreq_docs(r->store, near, nnear, docs, err);
    for (size_t i = 0; i < nnear && rc == 0; i++) {
        if (docs[i] < 2)
            continue;
        if (*n == *cap)
            *set = xrealloc(*set, (*cap *= 2) * sizeof **set);
        (*set)[(*n)++] = near[i];
    }
    free(near);
    free(docs);
    return rc;
}

/* Sort and deduplicate set[0..n); returns the new length. */
static size_t
sort_unique(uint64_t *set, size_t n)
{
    if (n)
        qsort(set, n, sizeof *set, cmp_u64);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (w == 0 || set[w - 1] != set[i])
            set[w++] = set[i];
    return w;
}

/* See index/lib.h. */
int
idx_frequent_lines(struct run *r, uint64_t **out, size_t *nout, struct ds_error *err)
{
    struct line_counts lc;
    size_t pending = count_pending(r, &lc);
    *out = NULL;
    *nout = 0;
    struct store_stats st;
    uint64_t *freq_stored = NULL;
    size_t nfreq_stored = 0;
    int rc = store_stats(r->store, &st, err);
    if (rc != 0) {
        line_counts_free(&lc);
        return -1;
    }
    int64_t min_docs = furniture_min_docs(st.documents + (int64_t)pending);
    store_stats_clear(&st);
    /* the lines frequent on their own in what earlier runs stored */
    rc = store_linefreq_frequent(r->store, min_docs, &freq_stored, &nfreq_stored, err);
    size_t cap = nfreq_stored + 64, n = 0;
    uint64_t *set = xmalloc(cap * sizeof *set);
    for (size_t i = 0; i < nfreq_stored; i++)
        set[n++] = freq_stored[i];
    for (size_t i = 0; i < lc.cap && rc == 0; i++) {
        if (!lc.keys[i] || lc.counts[i] < min_docs)
            continue;
        if (n == cap)
            set = xrealloc(set, (cap *= 2) * sizeof *set);
        set[n++] = lc.keys[i];
    }
    if (rc == 0)
        rc = near_lines(r, &lc, min_docs, &set, &n, &cap, err);
    free(freq_stored);
    line_counts_free(&lc);
    if (rc != 0) {
        free(set);
        return -1;
    }
    *out = set;
    *nout = sort_unique(set, n);
    return 0;
}
