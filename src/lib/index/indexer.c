/*
 * index/indexer.c — one index run (see indexer.h).
 *
 * The walk hands its files on in chunks (INDEX_DEFAULT_CHUNK files), and
 * each chunk goes through three steps before the walk goes on, so that the
 * run's memory does not grow with the collection:
 *   1. compare each file's size and mtime with the store:
 *      unchanged files are done; new and changed files are pending;
 *   2. read the pending files once to count their short lines, so that lines
 *      repeated across many documents (page furniture of a site) are known
 *      before any of them is cleaned (on two threads: nothing else can run
 *      before this is done); the counts stored by earlier chunks and runs
 *      are merged in;
 *   3. read each pending file again (the page cache makes this cheap next to
 *      FTS5 tokenising, which dominates), clean and extract it (on one
 *      thread per core, pipeline.c), and store it here, in the walk's
 *      order, a batch per transaction.
 * Files that disappeared under a root are removed afterwards (the walk
 * marks the stored rows it found in a bitmap), in the same transaction
 * discipline; files the walk could not see (a root or folder
 * missing, unreadable or, for a root, empty) are kept and marked missing. The line counts of a document are added in the
 * same transaction as the document, so a killed run never counts a line
 * for a document that was not stored.
 */
#include "config.h"

#include "dossier/indexer.h"

#include <errno.h>
#include <pthread.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/story.h"
#include "dossier/store_similar.h"
#include "dossier/corpus.h"
#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "dossier/query.h"
#include "lib.h"

/* See index/lib.h. */
double
idx_thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* See indexer.h. */
const char *
index_step_name(enum index_step i)
{
    static const char *const names[IDX_STEP_COUNT] = {
        "writer: changes, furniture lines", "writer: document row, body",
        "writer: extraction rows", "writer: line counts", "writer: signatures",
        "writer: file rows", "writer: commit (full-text insert)",
        "preparing: read, clean", "preparing: extraction",
        "preparing: line hashes, signature, raw pack", "preparing: body deflate",
        "end: gone, links, backfill", "end: statistics tables", "end: stories",
        "end: themes", "end: skips, reclaim"};
    return (unsigned)i < IDX_STEP_COUNT ? names[i] : "?";
}

void
index_summary_clear(struct index_summary *sum)
{
    for (size_t i = 0; i < sum->nskips; i++) {
        free(sum->skips[i].path);
        free(sum->skips[i].reason);
    }
    free(sum->skips);
    memset(sum, 0, sizeof *sum);
}

void
idx_add_skip(struct index_summary *sum, const char *path, const char *reason)
{
    sum->skips = xrealloc(sum->skips, (sum->nskips + 1) * sizeof *sum->skips);
    sum->skips[sum->nskips].path = xstrdup(path);
    sum->skips[sum->nskips].reason = xstrdup(reason);
    sum->nskips++;
}

/* See index/lib.h. */
void
idx_report(struct run *r, const char *phase, size_t done, size_t total, bool force)
{
    if (!r->opts->progress)
        return;
    double now = ds_now();
    if (!force && now - r->last_progress < 0.2)
        return;
    r->last_progress = now;
    struct index_progress p = {phase, done, total, r->sum->bytes, now - r->started};
    r->opts->progress(&p, r->opts->progress_ud);
}

static int64_t
mtime_ns(const struct stat *st)
{
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int index_chunk(struct run *r);

/* The walk's callback: the file joins the chunk, and a full chunk is
 * indexed before the walk goes on. Non-zero stops the walk (r->err set). */
static int
on_file(const char *path, const struct stat *st, void *ud)
{
    struct run *r = ud;
    for (size_t i = 0; i < r->nroots; i++)
        if (!r->found[i] && ds_str_starts_with(path, r->prefixes[i]))
            r->found[i] = true;
    if (r->ncands == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->cands = xrealloc(r->cands, r->cap * sizeof *r->cands);
    }
    struct candidate *c = &r->cands[r->ncands++];
    c->path = xstrdup(path);
    c->st.size = (int64_t)st->st_size;
    c->st.mtime_ns = mtime_ns(st);
    c->st.doc_id = 0;
    c->old_doc = 0;
    c->unchanged = c->was_feed = false;
    c->items = NULL;
    c->nitems = 0;
    size_t chunk = r->opts->chunk_files ? r->opts->chunk_files : INDEX_DEFAULT_CHUNK;
    return r->ncands >= chunk ? index_chunk(r) : 0;
}

/* See index/lib.h. */
char *
idx_absolute_root(const char *root)
{
    char resolved[PATH_MAX];
    if (realpath(root, resolved))
        return xstrdup(resolved);
    if (root[0] == '/')
        return xstrdup(root);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return xstrdup(root);
    return xasprintf("%s/%s", cwd, root);
}

static void
add_unseen(struct run *r, const char *path)
{
    r->unseen = xrealloc(r->unseen, (r->nunseen + 1) * sizeof *r->unseen);
    r->unseen[r->nunseen++] = idx_absolute_root(path);
}

/* A path the walk could not read protects what is indexed under it. */
static void
on_skip(const char *path, const char *reason, void *ud)
{
    struct run *r = ud;
    idx_add_skip(r->sum, path, reason);
    if (ds_str_starts_with(reason, "unreadable") || ds_str_starts_with(reason, "cannot open") ||
        ds_str_starts_with(reason, "broken link"))
        add_unseen(r, path);
}

static int
cmp_cand(const void *a, const void *b)
{
    return strcmp(((const struct candidate *)a)->path, ((const struct candidate *)b)->path);
}

/* ---- step 3: prepare (other cores, pipeline.c) and store (this thread) ------------ */

/* See index/lib.h. */
int
idx_store_new_doc(struct run *r, struct prepared *p, int64_t *id, struct ds_error *err)
{
    double *cpu = r->sum->step_cpu, tw = idx_thread_cpu(), t1;
    int rc = store_doc_insert_body(r->store, &p->a, p->hash, p->raw_packed.data,
                                   p->raw_packed.len, &p->zbody, id, err);
    cpu[IDX_STEP_DOC_ROW] += (t1 = idx_thread_cpu()) - tw;
    if (rc == 0)
        rc = store_put_extraction_new(r->store, *id, &p->x, err);
    cpu[IDX_STEP_EXTRACT_ROWS] += (tw = idx_thread_cpu()) - t1;
    if (rc == 0)
        rc = store_linefreq_add(r->store, p->lines, p->nlines, err);
    cpu[IDX_STEP_LINEFREQ] += (t1 = idx_thread_cpu()) - tw;
    if (rc == 0)
        rc = neardup_writer_put(r->neardup, *id, p->sig, p->shingles, err);
    cpu[IDX_STEP_NEARDUP] += idx_thread_cpu() - t1;
    if (rc == 0 && p->a.url)
        rc = store_doc_url_put(r->store, *id, p->a.url, err);
    for (const char *t = p->a.tags; rc == 0 && t && *t;) {
        const char *nl = strchr(t, '\n');
        char *tag = xstrndup(t, nl ? (size_t)(nl - t) : strlen(t));
        rc = store_tag_add(r->store, *id, tag, err);
        free(tag);
        t = nl ? nl + 1 : t + strlen(t);
    }
    return rc;
}

/* store_prepared() but for marking the row seen. */
static int
store_prepared_in(struct run *r, struct prepared *p, struct ds_error *err)
{
    struct candidate *c = &r->cands[p->cand];
    r->sum->bytes += p->bytes;
    if (p->skip_reason) {
        idx_add_skip(r->sum, c->path, p->skip_reason);
        if (!c->old_doc || p->keep)
            return 0;
        /* the file no longer holds an article: its old document goes */
        r->sum->removed++;
        return store_file_delete(r->store, c->path, err);
    }
    if (p->feed)
        return idx_store_feed(r, p, err);
    if (c->was_feed && store_items_forget(r->store, c->path, err) != 0)
        return -1;
    int64_t existing = store_doc_by_hash(r->store, p->hash, err);
    if (existing < 0)
        return -1;
    if (existing && existing == c->old_doc) {
        /* touched but not changed: refresh the recorded mtime */
        c->st.doc_id = existing;
        r->sum->unchanged++;
        return store_file_put(r->store, c->path, &c->st, err);
    }
    if (c->old_doc) {
        if (store_file_delete(r->store, c->path, err) != 0)
            return -1;
        r->sum->updated++;
    }
    if (existing) {
        c->st.doc_id = existing;
        if (!c->old_doc)
            r->sum->duplicates++;
        return store_file_put(r->store, c->path, &c->st, err);
    }

    int64_t id = 0;
    int rc = idx_store_new_doc(r, p, &id, err);
    if (rc == 0) {
        c->st.doc_id = id;
        rc = store_file_put(r->store, c->path, &c->st, err);
    }
    if (rc == 0 && !c->old_doc)
        r->sum->added++;
    return rc;
}

/* Store one prepared file; its row (new when the file is new or changed)
 * is marked seen, so that gone.c keeps it. Returns 0, or -1 with err on a
 * database error. */
static int
store_prepared(struct run *r, struct prepared *p, struct ds_error *err)
{
    int rc = store_prepared_in(r, p, err);
    if (rc == 0 && !p->skip_reason)
        rc = idx_mark_stored(r, r->cands[p->cand].path, err);
    return rc;
}

/* Prepare on the preparing threads (pipeline.c), store here, a batch per
 * transaction. */
static int
store_pending(struct run *r, size_t pending, const struct ingest_ctx *ictx,
              struct extractor *ex, struct ds_error *err)
{
    struct idx_pipeline *pl = idx_pipeline_start(r, ictx, ex, pending);
    size_t batch = r->opts->batch_docs ? r->opts->batch_docs : INDEX_DEFAULT_BATCH;
    size_t in_batch = 0, done = 0, batch_bytes = 0;
    double *cpu = r->sum->step_cpu, stored = 0, parts = 0;
    for (int i = IDX_STEP_DOC_ROW; i <= IDX_STEP_NEARDUP; i++)
        parts -= cpu[i];
    int rc = store_begin(r->store, err);
    struct prepared p;
    while (rc == 0 && idx_pipeline_next(pl, &p)) {
        batch_bytes += p.cost;
        double t = idx_thread_cpu();
        rc = store_prepared(r, &p, err);
        stored += idx_thread_cpu() - t;
        for (int i = IDX_STEP_PREP_INGEST; i <= IDX_STEP_PREP_DEFLATE; i++)
            cpu[i] += p.cpu[i];
        idx_prepared_clear(&p);
        done++;
        idx_report(r, "indexing", r->pending_before + done, r->pending_before + pending, false);
        if (rc == 0 && (++in_batch >= batch || batch_bytes >= INDEX_BATCH_BYTES)) {
            t = idx_thread_cpu();
            rc = store_commit(r->store, err);
            cpu[IDX_STEP_COMMIT] += idx_thread_cpu() - t;
            if (rc == 0)
                rc = store_begin(r->store, err);
            in_batch = batch_bytes = 0;
        }
    }
    double t = idx_thread_cpu();
    if (rc == 0)
        rc = store_commit(r->store, err);
    else
        store_rollback(r->store);
    cpu[IDX_STEP_COMMIT] += idx_thread_cpu() - t;
    for (int i = IDX_STEP_DOC_ROW; i <= IDX_STEP_NEARDUP; i++)
        parts += cpu[i];
    cpu[IDX_STEP_FILE_ROWS] += stored - parts;
    /* on failure, the preparing threads stop and what they queued goes */
    idx_pipeline_stop(pl);
    if (rc == 0)
        idx_report(r, "indexing", r->pending_before + done, r->pending_before + pending, true);
    return rc;
}

/* ---- re-extraction after a rules change ------------------------------------------- */

static int
reextract_all(struct run *r, struct extractor *ex, struct ds_error *err)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    if (query_parse("", &q, err) != 0)
        return -1;
    int rc = store_search(r->store, q, SORT_DATE, &rs, err);
    query_free(&q);
    if (rc != 0)
        return -1;

    size_t total = result_set_count(rs);
    size_t batch = r->opts->batch_docs ? r->opts->batch_docs : INDEX_DEFAULT_BATCH;
    struct result_row rows[256];
    size_t done = 0;
    rc = store_begin(r->store, err);
    for (size_t pos = 0; pos < total && rc == 0;) {
        int got = result_set_fetch(rs, pos, DS_ARRAY_LEN(rows), rows, err);
        if (got <= 0) {
            rc = got < 0 ? -1 : 0;
            break;
        }
        for (int i = 0; i < got; i++) {
            struct doc_record rec = {0};
            if (rc == 0 && store_doc_get(r->store, rows[i].id, &rec, err) == 0) {
                struct extraction x = {0};
                extractor_run(ex, &rec.a, &x);
                rc = store_put_extraction(r->store, rec.id, &x, err);
                extraction_clear(&x);
                done++;
                r->sum->reextracted++;
                if (rc == 0 && done % batch == 0) {
                    rc = store_commit(r->store, err);
                    if (rc == 0)
                        rc = store_begin(r->store, err);
                }
            }
            doc_record_clear(&rec);
            result_row_clear(&rows[i]);
        }
        pos += (size_t)got;
        idx_report(r, "re-extracting", done, total, false);
    }
    if (rc == 0)
        rc = store_commit(r->store, err);
    else
        store_rollback(r->store);
    result_set_free(&rs);
    return rc;
}

/* ---- the run ------------------------------------------------------------------------ */

static int
register_topics(struct store *s, const struct extractor *ex, struct ds_error *err)
{
    size_t n = extractor_topic_count(ex);
    const char **slugs = xcalloc(n + 1, sizeof *slugs);
    const char **names = xcalloc(n + 1, sizeof *names);
    for (size_t i = 0; i < n; i++)
        extractor_topic_at(ex, i, &slugs[i], &names[i]);
    int rc = store_set_topics(s, slugs, names, n, err);
    free(slugs);
    free(names);
    return rc;
}

/* Step 1 of a run: which candidates changed since the last run (size and
 * mtime); *pending gets their number. 0, or -1 with err. */
static int
find_changes_in(struct run *r, size_t *pending, struct ds_error *err)
{
    for (size_t i = 0; i < r->ncands; i++) {
        struct candidate *c = &r->cands[i];
        struct file_state old;
        int found = store_file_get(r->store, c->path, &old, err);
        if (found < 0)
            return -1;
        if (found == 0) {
            idx_mark_seen(r, old.file_id);
            c->old_doc = old.doc_id;
            c->was_feed = old.doc_id == 0;
            if (old.size == c->st.size && old.mtime_ns == c->st.mtime_ns) {
                c->st.doc_id = old.doc_id;
                c->unchanged = true;
                r->sum->unchanged++;
                continue;
            }
            if (c->was_feed &&
                store_items_of(r->store, c->path, &c->items, &c->nitems, err) != 0)
                return -1;
        }
        (*pending)++;
    }
    return 0;
}

/* Step 1 in one read transaction: a statement each in autocommit took and
 * dropped the file lock each time (a no-change run of 10k files spent a
 * third of its time in fcntl and pread). 0, or -1 with err. */
static int
find_changes(struct run *r, size_t *pending, struct ds_error *err)
{
    int begun = store_read_begin(r->store, err);
    if (begun < 0)
        return -1;
    int rc = find_changes_in(r, pending, err);
    store_read_end(r->store, begun);
    return rc;
}

/* Steps 2 and 3 for the pending files: furniture lines across the corpus,
 * then prepare on the preparing threads and store here. What is committed so far
 * goes from the log into the index first: should the disk fill up, the log
 * then holds only the failed batch, which closing (or store_checkpoint)
 * gives back instead of keeping the disk full. A run that changes under a
 * tenth of the collection adds its segments without merging the big ones
 * (store_write_mode). 0, or -1 with err. */
static int
index_pending(struct run *r, size_t pending, struct outlets *outlets, struct extractor *ex,
              struct ds_error *err)
{
    uint64_t *frequent = NULL;
    size_t nfrequent = 0;
    double t = idx_thread_cpu();
    int rc = idx_frequent_lines(r, &frequent, &nfrequent, err);
    r->sum->step_cpu[IDX_STEP_CHANGES] += idx_thread_cpu() - t;
    struct ingest_ctx ictx = {outlets, frequent, nfrequent};
    if (rc == 0)
        rc = store_checkpoint(r->store, err);
    if (rc == 0)
        rc = store_bulk_mode(r->store, err);
    if (rc == 0)
        rc = store_write_mode(r->store, pending * 10 >= r->ncands, err);
    if (rc == 0)
        rc = store_pending(r, pending, &ictx, ex, err);
    free(frequent);
    return rc;
}

/* The last step of a run: its skipped files replace the last run's, in one
 * transaction. 0, or -1 with err. */
static int
record_skips(struct store *s, const struct index_summary *sum, struct ds_error *err)
{
    if (store_begin(s, err) != 0)
        return -1;
    int rc = store_skip_clear(s, err);
    for (size_t i = 0; i < sum->nskips && rc == 0; i++)
        rc = store_skip_put(s, sum->skips[i].path, sum->skips[i].reason, err);
    if (rc == 0)
        return store_commit(s, err);
    store_rollback(s);
    return -1;
}

/* Topics registered, and when the rules changed since the last run, what
 * is stored re-extracted from the stored bodies. 0, or -1 with err. */
static int
follow_rules(struct run *r, struct extractor *ex, struct ds_error *err)
{
    char hash[32];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)extractor_rules_hash(ex));
    char *old_hash = store_meta_get(r->store, "rules_hash");
    bool rules_changed = !old_hash || strcmp(old_hash, hash) != 0;
    free(old_hash);
    /* the topics are part of the rules: unchanged rules, nothing to write */
    if (rules_changed &&
        (register_topics(r->store, ex, err) != 0 || reextract_all(r, ex, err) != 0 ||
         store_meta_set(r->store, "rules_hash", hash, err) != 0))
        return -1;
    return 0;
}

/* The themes' plan (corpus_themes_plan: the sample drawn, read and
 * fitted, nothing written) on a read-only connection of its own, on a
 * second thread while the writer brings the statistics and the stories up
 * to date: the preparing thread is done, so the second core is free, and
 * the plan reads only documents and the stored fit, which those steps do
 * not change. */
struct themes_job {
    const char *path;
    struct corpus_themes_plan *plan;
    int rc;      /* the plan's; -2: no second connection (plan on the writer) */
    double cpu;  /* the plan's CPU seconds on its thread */
    struct ds_error err;
    pthread_mutex_t mu;
    pthread_cond_t done;
    bool writer_done; /* the statistics and stories are done: the k-means may start */
};

/* corpus_themes_wait: the plan's k-means waits for the writer's steps, so
 * that its two threads (themes.c) have both cores and the memory of those
 * steps is given back first (peak RSS: 66.5 MB at 5k English with the
 * k-means beside the stories, 55 MB alone). */
static void
themes_wait_writer(void *ud)
{
    struct themes_job *job = ud;
    pthread_mutex_lock(&job->mu);
    while (!job->writer_done)
        pthread_cond_wait(&job->done, &job->mu);
    pthread_mutex_unlock(&job->mu);
}

/* The writer's steps are done: let the k-means start. */
static void
themes_writer_done(struct themes_job *job)
{
    pthread_mutex_lock(&job->mu);
    job->writer_done = true;
    pthread_cond_broadcast(&job->done);
    pthread_mutex_unlock(&job->mu);
}

static void *
themes_plan_main(void *arg)
{
    struct themes_job *job = arg;
    double t = idx_thread_cpu();
    struct store *reader = NULL;
    struct ds_error oerr;
    if (store_open(job->path, STORE_READONLY, &reader, &oerr) != 0) {
        job->rc = -2;
        return NULL;
    }
    int begun = store_read_begin(reader, &job->err); /* one snapshot, locks taken once */
    struct corpus_themes_wait wait = {themes_wait_writer, job};
    job->rc = begun < 0 ? -1 : corpus_themes_plan(reader, &wait, &job->plan, &job->err);
    if (begun >= 0)
        store_read_end(reader, begun);
    store_close(&reader);
    job->cpu = idx_thread_cpu() - t;
    return NULL;
}

/* The statistics tables, then the stories (each step's CPU into cpu). */
static int
stats_and_stories(struct store *s, double *cpu, struct ds_error *err)
{
    double t = idx_thread_cpu(), t1;
    /* The statistics view's tables follow the documents (corpus.h). */
    if (corpus_refresh(s, false, err) != 0)
        return -1;
    cpu[IDX_STEP_STATS] += (t1 = idx_thread_cpu()) - t;
    /* New documents join stories (story.h), weighed with the vocabulary
     * just brought up to date. */
    int rc = story_group(s, err) < 0 ? -1 : 0;
    cpu[IDX_STEP_STORIES] += idx_thread_cpu() - t1;
    return rc;
}

/* The statistics, the stories and the themes: the themes' plan on a second
 * thread beside the first two when a second connection can be opened,
 * after them on this one otherwise; the themes saved last, here. */
static int
stats_stories_themes(struct run *r, struct ds_error *err)
{
    struct store *s = r->store;
    double *cpu = r->sum->step_cpu;
    double t0 = ds_cpu_now();
#ifdef __GLIBC__
    /* the plan's thread allocates in an arena of its own while this one
     * works in the main arena: what indexing freed goes back first, or
     * the two add up (5k mixed peak RSS 64.3 MB without, 60.4 MB with;
     * 61.0 MB before the plan had a thread) */
    malloc_trim(0);
#endif
    struct themes_job job = {.path = store_path(s), .rc = -2};
    pthread_mutex_init(&job.mu, NULL);
    pthread_cond_init(&job.done, NULL);
    pthread_t th;
    bool threaded = strcmp(job.path, ":memory:") != 0 &&
                    pthread_create(&th, NULL, themes_plan_main, &job) == 0;
    int rc = stats_and_stories(s, cpu, err);
#ifdef __GLIBC__
    /* what the steps before freed goes back before the themes fit takes
     * its centroids (2026-12-07-themes.md) */
    malloc_trim(0);
#endif
    themes_writer_done(&job);
    if (threaded)
        pthread_join(th, NULL);
    pthread_mutex_destroy(&job.mu);
    pthread_cond_destroy(&job.done);
    double t = idx_thread_cpu();
    if (rc == 0 && job.rc == -2) {
        corpus_themes_plan_free(&job.plan);
        job.rc = corpus_themes_plan(s, NULL, &job.plan, &job.err);
    }
    if (rc == 0 && job.rc != 0) {
        *err = job.err;
        rc = -1;
    }
    struct corpus_themes_run th_run = {0};
    if (rc == 0)
        rc = corpus_themes_apply(s, job.plan, &th_run, err);
    corpus_themes_plan_free(&job.plan);
    r->sum->themes_fitted = th_run.fitted;
    r->sum->themes_assigned = th_run.assigned;
    /* both threads' CPU since the plan began, less the statistics' and
     * the stories' */
    r->sum->themes_cpu = ds_cpu_now() - t0 - cpu[IDX_STEP_STATS] - cpu[IDX_STEP_STORIES];
    cpu[IDX_STEP_THEMES] += idx_thread_cpu() - t + job.cpu;
    return rc;
}

/* After storing: files gone from under the roots, feed items whose page is
 * here now (store_items_link_pages), near-duplicate signatures, the
 * statistics tables, stories and themes (stats_stories_themes) and the
 * skipped files; then the free pages given back. 0, or -1 with err. */
static int
finish_run(struct run *r, const char *const *roots, size_t nroots, struct ds_error *err)
{
    struct store *s = r->store;
    double *cpu = r->sum->step_cpu, t = idx_thread_cpu();
    size_t linked = 0;
    if (idx_remove_gone(r, roots, nroots, err) != 0 || store_items_link_pages(s, &linked, err) != 0)
        return -1;
    /* An index built before signatures existed gets them now (and band rows
     * of deleted documents are swept). */
    int stale = store_sig_stale(s, err);
    if (stale < 0 || (stale > 0 && neardup_backfill(s, err) < 0))
        return -1;
    cpu[IDX_STEP_GONE] += idx_thread_cpu() - t;
    /* the steps after the last file, named on the progress line (at 100k
     * documents they take minutes) */
    idx_report(r, "statistics, stories and themes", 0, 0, true);
    if (stats_stories_themes(r, err) != 0)
        return -1;
    t = idx_thread_cpu();
    /* What was skipped this run is what `dossier stats` reports. */
    if (record_skips(s, r->sum, err) != 0)
        return -1;
    /* The pages deletions left empty go back (store.h); a new index's
     * full-text segments are merged and its b-trees packed. */
    idx_report(r, "saving the index", 0, 0, true);
    int rc = store_reclaim(s, NULL, err);
    cpu[IDX_STEP_RECLAIM] += idx_thread_cpu() - t;
    return rc;
}

/* Empty the chunk of candidates (its array is kept for the next). */
static void
cands_clear(struct run *r)
{
    for (size_t i = 0; i < r->ncands; i++) {
        free(r->cands[i].path);
        free(r->cands[i].items);
    }
    r->ncands = 0;
}

/* The extraction rules and outlets, loaded once, and the stored documents
 * re-extracted when the rules changed since the last run. Called before
 * anything is written, so a rules file that cannot be loaded refuses the
 * run as before. 0, or -1 with err. */
static int
load_rules(struct run *r, struct ds_error *err)
{
    if (r->ex)
        return 0;
    if (extractor_open(r->assets, r->config, &r->ex, err) != 0 ||
        outlets_load(r->assets, r->config, &r->outlets, err) != 0)
        return -1;
    r->sum->rules_loaded = true;
    /* Rules changed since the last run: re-extract what is stored. */
    return follow_rules(r, r->ex, err);
}

/* Whether the rules files hash to what the last run stored: then a run
 * with no new or changed file needs no rules at all (a no-change run of
 * 100k files spent a third of its CPU loading them; issue 16). */
static bool
rules_unchanged(struct run *r)
{
    uint64_t h;
    if (extractor_rules_hash_files(r->assets, r->config, &h) != 0)
        return false;
    char hash[32];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)h);
    char *old_hash = store_meta_get(r->store, "rules_hash");
    bool same = old_hash && strcmp(old_hash, hash) == 0;
    free(old_hash);
    return same;
}

/* Steps 1 to 3 for the chunk of files the walk has handed on: what
 * changed, then furniture lines and the pending files stored; the chunk is
 * emptied. 0, or -1 with r->err. */
static int
index_chunk(struct run *r)
{
    size_t pending = 0;
    if (r->ncands)
        qsort(r->cands, r->ncands, sizeof *r->cands, cmp_cand);
    double t = idx_thread_cpu();
    int rc = find_changes(r, &pending, r->err);
    r->sum->step_cpu[IDX_STEP_CHANGES] += idx_thread_cpu() - t;
    if (rc == 0 && pending)
        rc = load_rules(r, r->err);
    if (rc == 0 && pending)
        rc = index_pending(r, pending, r->outlets, r->ex, r->err);
    r->files_before += r->ncands;
    r->pending_before += pending;
    cands_clear(r);
#ifdef __GLIBC__
    /* what the chunk's line counts and the preparing thread's arena freed
     * goes back, instead of adding to what the next steps take */
    if (pending)
        malloc_trim(0);
#endif
    return rc;
}

/* The roots' prefixes, to tell which of them the walk found files under. */
static void
run_roots(struct run *r, const char *const *roots, size_t nroots)
{
    r->nroots = nroots;
    r->prefixes = xcalloc(nroots ? nroots : 1, sizeof *r->prefixes);
    r->found = xcalloc(nroots ? nroots : 1, sizeof *r->found);
    for (size_t i = 0; i < nroots; i++)
        r->prefixes[i] = idx_root_prefix(roots[i]);
}

/* Free what a run holds. */
static void
run_free(struct run *r)
{
    cands_clear(r);
    free(r->cands);
    for (size_t i = 0; i < r->nunseen; i++)
        free(r->unseen[i]);
    free(r->unseen);
    for (size_t i = 0; i < r->nroots; i++)
        free(r->prefixes[i]);
    free(r->prefixes);
    free(r->found);
    free(r->seen);
    neardup_writer_free(&r->neardup);
}

int
indexer_run(struct store *s, const char *const *roots, size_t nroots,
            const struct index_options *opts, struct index_summary *sum, struct ds_error *err)
{
    struct run r = {.store = s, .opts = opts, .sum = sum, .err = err, .started = ds_now()};
    r.assets = opts->assets_dir ? xstrdup(opts->assets_dir) : ds_assets_dir();
    r.config = opts->config_dir ? xstrdup(opts->config_dir) : ds_config_dir();
    int rc = -1;

    memset(sum, 0, sizeof *sum);
    run_roots(&r, roots, nroots);
    /* Everything that can refuse the run is loaded before any write: now
     * when the rules changed, else by the first chunk with a file to store
     * (load_rules), before it writes. */
    if (!rules_unchanged(&r) && load_rules(&r, err) != 0)
        goto out;
    if (neardup_writer_open(s, &r.neardup, err) != 0)
        goto out;

    /* Steps 1 to 3 a chunk at a time, as the walk finds the files. */
    if (ingest_walk(roots, nroots, on_file, on_skip, &r) != 0 || index_chunk(&r) != 0)
        goto out;
    sum->files_seen = r.files_before;
    /* the steps after take their own memory: the rules (~4.5 MB of
     * gazetteers, topic rules and patterns) and the bulk cache go first */
    extractor_free(&r.ex);
    outlets_free(&r.outlets);
    if (r.pending_before && store_bulk_mode_end(s, err) != 0)
        goto out;

    if (finish_run(&r, roots, nroots, err) != 0)
        goto out;
    rc = 0;
out:
    sum->seconds = ds_now() - r.started;
    run_free(&r);
    extractor_free(&r.ex);
    outlets_free(&r.outlets);
    free(r.assets);
    free(r.config);
    return rc;
}
