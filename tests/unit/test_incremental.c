/*
 * test_incremental.c — index runs after the first stay small (issue 16): a
 * run with nothing changed writes no row and no page; a run that changes a
 * few files of a collection indexed in several batches adds at most two
 * full-text segments and merges none of the big ones (before, each deleted
 * document was a segment of its own and FTS5 then rewrote the whole index);
 * and what it writes is right: the new text is found, the old and the
 * deleted are not, and `dossier check` finds nothing wrong.
 */
#include "config.h"

#define _XOPEN_SOURCE 700 /* nftw */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier/indexer.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "tap.h"
#include "tmpdir.h"

#define NDOCS 80

static char *assets;

static const char *const words[] = {
    "harbour", "freight", "tariff", "copper", "lumber", "soybean", "rail",  "wheat",
    "quota",   "canal",   "ferry",  "cotton", "nickel", "orchard", "barge", "silo",
};

/* Article n of tmpdir/dir in our own words: a headline and three
 * paragraphs built from the word list, so every article differs. */
static void
write_article_in(const char *dir, int n, const char *extra)
{
    char *path = xasprintf("%s/%s/a%03d.txt", tmpdir, dir, n);
    FILE *f = fopen(path, "w");
    if (!f)
        ds_fatal("cannot write %s", path);
    fprintf(f, "Report %d on %s and %s\n\n", n, words[n % 16], words[(n / 16) % 16]);
    for (int p = 0; p < 3; p++) {
        for (int w = 0; w < 40; w++)
            fprintf(f, "%s%s", w ? " " : "", words[(n * 7 + p * 5 + w * 3) % 16]);
        fprintf(f, " item%dx%d.\n\n", n, p);
    }
    if (extra)
        fprintf(f, "%s\n", extra);
    fclose(f);
    free(path);
}

/* Article n of tmpdir/news. */
static void
write_article(int n, const char *extra)
{
    write_article_in("news", n, extra);
}

/* Index tmpdir/news into s: batch documents per transaction and chunk
 * files per walk chunk (0: the defaults). 0, or -1. */
static int
run_index_chunks(struct store *s, size_t batch, size_t chunk, struct index_summary *sum)
{
    char *root = xasprintf("%s/news", tmpdir);
    const char *roots[] = {root};
    struct index_options opts = {.assets_dir = assets, .config_dir = tmpdir, .batch_docs = batch,
                                 .chunk_files = chunk};
    struct ds_error err;
    int rc = indexer_run(s, roots, 1, &opts, sum, &err);
    if (rc != 0)
        diag("index failed: %s", err.msg);
    free(root);
    return rc;
}

static int
run_index(struct store *s, size_t batch, struct index_summary *sum)
{
    return run_index_chunks(s, batch, 0, sum);
}

static size_t
hits_sorted(struct store *s, const char *text, enum store_sort sort)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    size_t n = 0;
    if (query_parse(text, &q, &err) == 0 && store_search(s, q, sort, &rs, &err) == 0)
        n = result_set_count(rs);
    result_set_free(&rs);
    query_free(&q);
    return n;
}

/* Hits of text in date order (the documents joined). */
static size_t
hits(struct store *s, const char *text)
{
    return hits_sorted(s, text, SORT_DATE);
}

static void
test_runs(struct store *s)
{
    struct index_summary sum;
    struct store_write_counts a, b, c;
    struct ds_error err;

    /* first run: ten batches, so several segments of similar size */
    ok(run_index(s, 8, &sum) == 0 && sum.added == NDOCS, "first run adds %d documents", NDOCS);
    ok(sum.rules_loaded, "the first run loads the extraction rules");
    index_summary_clear(&sum);
    ok(store_write_counts(s, &a, &err) == 0, "write counts read");
    /* a new index merges nothing while it is written and its batches'
     * segments into one at the end (store_write_mode, store_reclaim) */
    is_int(a.fts_segments, 1, "the first run leaves one full-text segment");
    is_int(a.free_pages, 0, "and gives the merged segments' pages back");
    is_int(hits(s, "item5x0"), 1, "the merged index finds a document's words");

    ok(run_index(s, 0, &sum) == 0 && sum.unchanged == NDOCS, "second run: all unchanged");
    ok(!sum.rules_loaded, "a run with nothing changed does not load the rules");
    index_summary_clear(&sum);
    ok(store_write_counts(s, &b, &err) == 0, "write counts read again");
    is_int(b.rows - a.rows, 0, "a run with nothing changed writes no row");
    is_int(b.pages, a.pages, "nor a page");

    /* three changed, two deleted: under a tenth of the collection */
    for (int n = 10; n < 13; n++)
        write_article(n, "A closing line about the pelican census.");
    for (int n = 20; n < 22; n++) {
        char *path = xasprintf("%s/news/a%03d.txt", tmpdir, n);
        unlink(path);
        free(path);
    }
    ok(run_index(s, 0, &sum) == 0 && sum.updated == 3 && sum.removed == 2,
       "third run: 3 updated, 2 removed");
    ok(sum.rules_loaded, "a run with changed files loads the rules");
    index_summary_clear(&sum);
    ok(store_write_counts(s, &c, &err) == 0, "write counts after the changes");
    ok(c.fts_segments > b.fts_segments && c.fts_segments <= b.fts_segments + 2,
       "the changes add one or two segments and merge none (%d -> %d)", b.fts_segments,
       c.fts_segments);
    ok(c.pages - b.pages < (b.pages - 0) / 10,
       "the file grows by less than a tenth (%lld -> %lld pages)", (long long)b.pages,
       (long long)c.pages);
    is_int(hits(s, "pelican"), 3, "the changed text is found");
    is_int(hits(s, "item21x0"), 0, "a deleted document's text is not");
    is_int(hits(s, "item11x1"), 1, "a changed document's old words still match once");
    struct buf report = BUF_INIT;
    ok(store_check(s, &report, &err) == 0, "check finds no problem: %s", buf_str(&report));
    buf_free(&report);
}

/* The user's topic rules change and no file does: the run still sees it
 * (the rules files' hash) and re-extracts every stored document; the run
 * after, with nothing changed, loads nothing again. */
static void
test_rules_change(struct store *s)
{
    char *path = xasprintf("%s/topics.conf", tmpdir);
    FILE *f = fopen(path, "w");
    if (!f)
        ds_fatal("cannot write %s", path);
    fprintf(f, "[river-freight]\nname = River freight\nterms = 3 barge, canal\n");
    fclose(f);
    struct index_summary sum;
    int rc = run_index(s, 0, &sum);
    ok(rc == 0 && sum.rules_loaded && sum.reextracted > 0,
       "new user rules: loaded and %zu documents re-extracted", sum.reextracted);
    index_summary_clear(&sum);
    ok(run_index(s, 0, &sum) == 0 && !sum.rules_loaded && sum.reextracted == 0,
       "the run after: nothing loaded or re-extracted");
    index_summary_clear(&sum);
    unlink(path);
    ok(run_index(s, 0, &sum) == 0 && sum.rules_loaded && sum.reextracted > 0,
       "the user rules removed: re-extracted again");
    index_summary_clear(&sum);
    free(path);
}

/* A file forgotten outside any transaction (as `dossier forget` may): its
 * document's full-text entry goes in the same commit, so an unordered
 * search, which reads only the full-text index, no longer finds it. */
static void
test_delete_alone(struct store *s)
{
    struct ds_error err;
    char *path = xasprintf("%s/news/a030.txt", tmpdir);
    is_int(hits_sorted(s, "item30x0", SORT_NONE), 1, "before: the full-text index has a030");
    ok(store_file_delete(s, path, &err) == 0, "a030 forgotten outside a transaction");
    ok(!store_in_transaction(s), "and no transaction is left open");
    is_int(hits_sorted(s, "item30x0", SORT_NONE), 0, "its full-text entry went with it");
    free(path);
}

/* The walk hands its files on seven at a time (issue 16: the indexer's
 * memory does not grow with the collection): what a run finds is the same
 * as in one piece, and the vanished files of every chunk, and only those,
 * go, while a changed file (a new file row) is kept. */
static void
test_chunks(const char *db)
{
    struct store *s = NULL;
    struct index_summary sum;
    struct ds_error err;
    if (store_open(db, STORE_CREATE, &s, &err) != 0)
        ds_fatal("%s", err.msg);
    size_t files = NDOCS - 2; /* a020 and a021 were deleted by test_runs */
    int rc = run_index_chunks(s, 0, 7, &sum);
    ok(rc == 0 && sum.files_seen == files && sum.added == files,
       "in chunks of 7: %zu files seen, %zu added", sum.files_seen, sum.added);
    index_summary_clear(&sum);
    is_int(hits(s, "item79x2"), 1, "the last chunk's document is found");

    write_article(3, "A closing line about the heron count.");
    write_article(75, "Another closing line about the heron count.");
    for (int n = 0; n < 2; n++) {
        char *path = xasprintf("%s/news/a%03d.txt", tmpdir, n == 0 ? 40 : 78);
        unlink(path);
        free(path);
    }
    rc = run_index_chunks(s, 0, 7, &sum);
    ok(rc == 0 && sum.updated == 2 && sum.removed == 2 &&
           sum.unchanged == files - 4 && sum.files_seen == files - 2,
       "changes in chunks: %zu updated, %zu removed, %zu unchanged", sum.updated, sum.removed,
       sum.unchanged);
    index_summary_clear(&sum);
    is_int(hits(s, "heron"), 2, "the changed files are kept, with their new text");
    is_int(hits(s, "item40x0"), 0, "a deleted file of a middle chunk is gone");
    is_int(hits(s, "item78x0"), 0, "and one of the last chunk");

    rc = run_index_chunks(s, 0, 7, &sum);
    ok(rc == 0 && sum.removed == 0 && sum.unchanged == files - 2,
       "a run with nothing changed removes nothing (%zu removed)", sum.removed);
    index_summary_clear(&sum);

    /* twenty files gone: removed seven at a time, a transaction each */
    for (int n = 50; n < 70; n++) {
        char *path = xasprintf("%s/news/a%03d.txt", tmpdir, n);
        unlink(path);
        free(path);
    }
    rc = run_index_chunks(s, 0, 7, &sum);
    ok(rc == 0 && sum.removed == 20 && sum.unchanged == files - 22,
       "twenty files gone, in batches of seven: %zu removed", sum.removed);
    index_summary_clear(&sum);
    is_int(hits(s, "item50x0") + hits(s, "item57x0") + hits(s, "item69x0"), 0,
           "the first, a middle and the last of them are gone");
    is_int(hits(s, "item49x0") + hits(s, "item70x0"), 2, "their neighbours stay");
    struct buf report = BUF_INIT;
    ok(store_check(s, &report, &err) == 0, "check finds no problem: %s", buf_str(&report));
    buf_free(&report);
    store_close(&s);
}

/* A site's furniture line counted across chunks of four files: the first
 * chunk counts it four times (short of five, min_docs for a small
 * collection) and stores it; the second finds it four times more, and as
 * a line stored at least twice it counts two more: furniture, cut from
 * the second chunk's documents. Only the lines a chunk nearly counts are
 * looked up in the stored counts (issue 16). */
static void
test_furniture_chunks(const char *db)
{
    char *root = xasprintf("%s/site", tmpdir);
    mkdir(root, 0700);
    for (int n = 0; n < 8; n++) {
        char *path = xasprintf("%s/s%d.txt", root, n);
        FILE *f = fopen(path, "w");
        if (!f)
            ds_fatal("cannot write %s", path);
        fprintf(f, "Wharf notes %d\n\nThe %s barges at the wharf carried %d loads of %s this "
                   "week, the harbour office said.\n\nPlover Gazette members desk\n\nThe "
                   "wharf opens at six.\n",
                n, words[n], n + 3, words[n + 8]);
        fclose(f);
        free(path);
    }
    struct store *s = NULL;
    struct ds_error err;
    if (store_open(db, STORE_CREATE, &s, &err) != 0)
        ds_fatal("%s", err.msg);
    const char *roots[] = {root};
    struct index_options opts = {.assets_dir = assets, .config_dir = tmpdir, .chunk_files = 4};
    struct index_summary sum;
    ok(indexer_run(s, roots, 1, &opts, &sum, &err) == 0 && sum.added == 8,
       "eight pages of a site, four at a time");
    index_summary_clear(&sum);
    is_int(hits(s, "plover"), 4, "its furniture line stays in the first chunk's, not the second's");
    store_close(&s);
    free(root);
}

/* The size of tmpdir/grow/aNNN.txt, 0 when it does not exist. */
static int64_t
grow_file_size(int n)
{
    char *path = xasprintf("%s/grow/a%03d.txt", tmpdir, n);
    struct stat st;
    int64_t size = stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
    free(path);
    return size;
}

/* An incremental run grows the file by about what it changed (issue 16):
 * of 400 articles, 10 rewritten and 40 deleted (a run of neighbours, so
 * whole pages of every table empty out). The pages the deletions leave
 * empty go back to the file system at the end of the run, and the file
 * grows by no more than the bytes of the files changed and deleted (what
 * the full-text index adds: the new text and the deletions' markers).
 * Before, the emptied pages stayed in the file as free pages
 * (146 of them for 100 changed and 50 deleted of 10,000 generated
 * articles: +1,452 kB for 766 kB of files, now +868 kB). */
static void
test_growth(const char *db)
{
    enum { N = 400, CHANGED = 10, GONE = 40 };
    char *dir = xasprintf("%s/grow", tmpdir);
    mkdir(dir, 0700);
    for (int n = 0; n < N; n++)
        write_article_in("grow", n, NULL);
    struct store *s = NULL;
    struct ds_error err;
    if (store_open(db, STORE_CREATE, &s, &err) != 0)
        ds_fatal("%s", err.msg);
    const char *roots[] = {dir};
    struct index_options opts = {.assets_dir = assets, .config_dir = tmpdir};
    struct index_summary sum;
    ok(indexer_run(s, roots, 1, &opts, &sum, &err) == 0 && sum.added == N, "%d articles", N);
    index_summary_clear(&sum);
    struct store_write_counts a, b;
    ok(store_write_counts(s, &a, &err) == 0, "write counts read");
    /* a new index merges nothing while it is written and its batches'
     * segments into one at the end (store_write_mode, store_reclaim) */
    is_int(a.fts_segments, 1, "the first run leaves one full-text segment");
    is_int(a.free_pages, 0, "and gives the merged segments' pages back");
    is_int(hits(s, "item5x0"), 1, "the merged index finds a document's words");

    int64_t bytes = 0;
    for (int n = 0; n < CHANGED; n++) {
        char *line = xasprintf("Osprey nests counted on pier %d.", n);
        write_article_in("grow", 300 + n * 7, line);
        free(line);
        bytes += grow_file_size(300 + n * 7);
    }
    for (int n = 100; n < 100 + GONE; n++) {
        bytes += grow_file_size(n);
        char *path = xasprintf("%s/a%03d.txt", dir, n);
        unlink(path);
        free(path);
    }
    ok(indexer_run(s, roots, 1, &opts, &sum, &err) == 0 && sum.updated == CHANGED &&
           sum.removed == GONE,
       "%d changed and %d deleted", CHANGED, GONE);
    index_summary_clear(&sum);
    ok(store_write_counts(s, &b, &err) == 0, "write counts read again");
    is_int(b.free_pages, 0, "the pages the deletions emptied are given back");
    int64_t grown = (b.pages - a.pages) * 4096;
    ok(grown <= bytes, "the file grows by %lld bytes, no more than the %lld bytes of the "
                       "files changed and deleted",
       (long long)grown, (long long)bytes);
    is_int(hits(s, "osprey"), CHANGED, "the changed text is found");
    is_int(hits(s, "item120x1"), 0, "a deleted article is not");

    /* `dossier forget` of 40 more gives their pages back too */
    char *paths[GONE];
    const char *cpaths[GONE];
    for (int n = 0; n < GONE; n++)
        cpaths[n] = paths[n] = xasprintf("%s/a%03d.txt", dir, 200 + n);
    size_t forgotten = 0;
    ok(indexer_forget(s, cpaths, GONE, &forgotten, &err) == 0 && forgotten == GONE,
       "%d files forgotten", GONE);
    for (int n = 0; n < GONE; n++)
        free(paths[n]);
    ok(store_write_counts(s, &a, &err) == 0, "write counts read after forgetting");
    is_int(a.free_pages, 0, "the pages forgetting emptied are given back");
    ok(a.pages < b.pages, "the file shrinks (%lld -> %lld pages)", (long long)b.pages,
       (long long)a.pages);
    struct buf report = BUF_INIT;
    ok(store_check(s, &report, &err) == 0, "check finds no problem: %s", buf_str(&report));
    buf_free(&report);
    store_close(&s);
    free(dir);
}

int
main(void)
{
    if (tmpdir_make("dossier-incr") != 0)
        return 1;
    const char *env = getenv("DOSSIER_ASSETS");
    assets = env ? xstrdup(env) : xasprintf("%s/assets", DOSSIER_SRCDIR);
    char *news = xasprintf("%s/news", tmpdir);
    mkdir(news, 0700);
    for (int n = 0; n < NDOCS; n++)
        write_article(n, NULL);

    char *db = xasprintf("%s/index.db", tmpdir);
    struct store *s = NULL;
    struct ds_error err;
    if (store_open(db, STORE_CREATE, &s, &err) != 0)
        ds_fatal("%s", err.msg);
    test_runs(s);
    test_rules_change(s);
    test_delete_alone(s);
    store_close(&s);
    char *db2 = xasprintf("%s/chunked.db", tmpdir);
    test_chunks(db2);
    free(db2);
    db2 = xasprintf("%s/site.db", tmpdir);
    test_furniture_chunks(db2);
    free(db2);
    db2 = xasprintf("%s/grow.db", tmpdir);
    test_growth(db2);
    free(db2);

    tmpdir_remove();
    free(db);
    free(news);
    free(assets);
    return done_testing();
}
