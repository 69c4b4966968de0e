/*
 * index/pipeline.c — step 3's preparing threads (see index/lib.h): each
 * pending file read, decoded, cleaned, extracted, hashed and its body
 * deflated, handed to the writer through a bounded queue in candidate
 * order.
 *
 * Extraction is the most expensive part of preparing (more CPU than the
 * bare full-text insert of the same text, issue 16), so with more than one
 * core it runs on several threads: each takes the next candidate, prepares
 * it with an extractor of its own (extractor_share: the rules' tables are
 * the first extractor's, read-only) and waits for its turn to queue it, so
 * that the writer sees the files in the order one thread would give them
 * and ids, rows and tables are those of a one-thread run.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "lib.h"

/* See index/lib.h. */
void
idx_prepared_clear(struct prepared *p)
{
    for (size_t i = 0; i < p->nitems; i++)
        idx_prepared_clear(&p->items[i]);
    free(p->items);
    free(p->feed_error);
    free(p->key);
    free(p->skip_reason);
    article_clear(&p->a);
    extraction_clear(&p->x);
    free(p->lines);
    buf_free(&p->raw_packed);
    store_body_clear(&p->zbody);
    memset(p, 0, sizeof *p);
}

/* What a file weighs in a batch: its bytes, and CJK text three times over.
 * FTS5 holds a batch's terms in memory until COMMIT, and overlapping
 * bigrams make ~3x the terms of English per byte, each a hash entry of its
 * own (10k Chinese news articles: ~10 bytes of memory per byte of text
 * against ~3 for English), so a batch of Chinese ends sooner. */
static uint64_t
batch_cost(const char *s, size_t n)
{
    uint64_t cjk = 0;
    for (size_t i = 0; i < n; i++)
        cjk += (unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] <= 0xE9;
    return n + 6 * cjk; /* a lead byte stands for 3 bytes */
}

static void
prepare(struct run *r, size_t i, const struct ingest_ctx *ictx, struct extractor *ex,
        struct buf *bytes, struct prepared *p)
{
    const char *path = r->cands[i].path;
    size_t max = r->opts->max_bytes ? r->opts->max_bytes : INDEX_DEFAULT_MAX_BYTES;
    struct ds_error err;

    memset(p, 0, sizeof *p);
    p->cand = i;
    if (ds_read_file(path, max, bytes, &err) != 0) {
        p->keep = errno != EFBIG;
        p->skip_reason = errno == EFBIG ? xasprintf("too large (over %zu MiB)", max >> 20)
                                        : xasprintf("unreadable: %s", strerror(errno));
        return;
    }
    p->bytes = bytes->len;
    p->cost = batch_cost(buf_str(bytes), bytes->len);
    p->hash = ds_hash64(buf_str(bytes), bytes->len);
    if (ingest_format_of(path, buf_str(bytes), bytes->len) == INGEST_FEED) {
        idx_prepare_feed(r, ictx, ex, bytes, p);
        return;
    }
    double t0 = idx_thread_cpu();
    int ing = ingest_article(ictx, path, buf_str(bytes), bytes->len, &p->a, &err);
    p->cpu[IDX_STEP_PREP_INGEST] += idx_thread_cpu() - t0;
    if (ing != 0) {
        /* "not an article: empty file" is reported as "empty", as before */
        const char *why = err.msg;
        if (strncmp(why, "not an article: ", 16) == 0 && ds_str_ends_with(why, " file"))
            p->skip_reason = xstrndup(why + 16, strlen(why) - 16 - 5);
        else
            p->skip_reason = xstrdup(why);
        return;
    }
    idx_prepare_article(ex, p);
}

/* See index/lib.h. */
void
idx_prepare_article(struct extractor *ex, struct prepared *p)
{
    double t0 = idx_thread_cpu();
    extractor_run(ex, &p->a, &p->x);
    double t1 = idx_thread_cpu();
    p->cpu[IDX_STEP_PREP_EXTRACT] += t1 - t0;
    p->nlines = ingest_line_hashes(p->a.raw, strlen(p->a.raw), &p->lines);
    p->shingles = minhash_content_signature(p->a.body, strlen(p->a.body), p->sig);
    ingest_raw_pack(p->a.raw, strlen(p->a.raw), p->a.body, strlen(p->a.body), &p->raw_packed);
    free(p->a.raw);
    p->a.raw = NULL;
    p->ingested = true;
    p->cpu[IDX_STEP_PREP_SIGN] += idx_thread_cpu() - t1;
}

/* A bounded queue between the preparing threads and the writer. While the
 * writer commits a batch the preparing threads can only fill the queue;
 * with room for a few dozen documents they keep working through part of
 * the commit instead of idling (two threads fill it in a fraction of a
 * commit whatever its size, and a full queue is at the peak of the run's
 * memory: 256 slots and 6 MB gave a 5k mixed peak of 61.7 MB, 128 and
 * 4 MB 59.5-61.5 MB, 64 and 4 MB 58.2 MB (2026-12-07-speed4.md);
 * trimming the heap after each commit took it to 58 MB but cost the
 * writer more CPU than the threads saved). Bounded by bytes too, so long
 * documents cannot make the indexer's memory grow (issue 16: fixed memory
 * at any size). */
#define QUEUE_SLOTS 64
#define QUEUE_BYTES ((size_t)4 << 20)

struct worker {
    struct idx_pipeline *pl;
    struct extractor *ex;   /* the run's for worker 0, else an extractor_share */
    pthread_t thread;
    bool started;
};

struct idx_pipeline {
    struct run *run;
    const struct ingest_ctx *ictx;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    struct prepared slots[QUEUE_SLOTS];
    size_t head, count;     /* ring of prepared items, in candidate order */
    size_t bytes;           /* file bytes of the items queued */
    size_t next_take;       /* the next candidate a thread takes to prepare */
    size_t next_queue;      /* the candidate whose turn it is to be queued */
    size_t running;         /* preparing threads not yet finished */
    bool stop;              /* the writer failed: stop preparing */
    struct worker workers[INDEX_MAX_PREPARE];
    size_t nworkers;
};

/* The first candidate from i on that is not unchanged (ncands: none). */
static size_t
next_pending(const struct run *r, size_t i)
{
    while (i < r->ncands && r->cands[i].unchanged)
        i++;
    return i;
}

/* Wait for candidate i's turn and room in the queue, then queue *p.
 * Called and returns with pl->mu held; false (p cleared) when stopped. */
static bool
queue_in_turn(struct idx_pipeline *pl, size_t i, struct prepared *p)
{
    while (!pl->stop && (pl->next_queue != i || pl->count == QUEUE_SLOTS ||
                         (pl->count && pl->bytes > QUEUE_BYTES)))
        pthread_cond_wait(&pl->changed, &pl->mu);
    if (pl->stop) {
        idx_prepared_clear(p);
        return false;
    }
    pl->slots[(pl->head + pl->count) % QUEUE_SLOTS] = *p;
    pl->count++;
    pl->bytes += p->bytes;
    pl->next_queue = next_pending(pl->run, i + 1);
    pthread_cond_broadcast(&pl->changed);
    return true;
}

static void *
worker_main(void *arg)
{
    struct worker *w = arg;
    struct idx_pipeline *pl = w->pl;
    struct buf bytes = BUF_INIT;
    /* the body is deflated here too, so the writer only binds its bytes */
    struct store_packer *pk = store_packer_new();
    pthread_mutex_lock(&pl->mu);
    while (!pl->stop && pl->next_take < pl->run->ncands) {
        size_t i = pl->next_take;
        pl->next_take = next_pending(pl->run, i + 1);
        pthread_mutex_unlock(&pl->mu);
        struct prepared p;
        prepare(pl->run, i, pl->ictx, w->ex, &bytes, &p);
        if (p.ingested) {
            double t0 = idx_thread_cpu();
            store_body_prepare(pk, &p.a, p.raw_packed.data, p.raw_packed.len, &p.zbody);
            p.cpu[IDX_STEP_PREP_DEFLATE] += idx_thread_cpu() - t0;
        }
        pthread_mutex_lock(&pl->mu);
        if (!queue_in_turn(pl, i, &p))
            break;
    }
    pl->running--;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->mu);
    buf_free(&bytes);
    store_packer_free(&pk);
    return NULL;
}

/* See index/lib.h. */
size_t
idx_prepare_threads(const struct index_options *o, size_t pending)
{
    size_t n = o->prepare_threads;
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? (size_t)cpus : 1;
    }
    /* a few files are not worth a thread and an extractor more */
    if (pending < 32 * n)
        n = pending / 32 ? pending / 32 : 1;
    return n > INDEX_MAX_PREPARE ? INDEX_MAX_PREPARE : n;
}

/* See index/lib.h. */
struct idx_pipeline *
idx_pipeline_start(struct run *r, const struct ingest_ctx *ictx, struct extractor *ex,
                   size_t pending)
{
    struct idx_pipeline *pl = xcalloc(1, sizeof *pl);
    pl->run = r;
    pl->ictx = ictx;
    pl->next_take = pl->next_queue = next_pending(r, 0);
    pthread_mutex_init(&pl->mu, NULL);
    pthread_cond_init(&pl->changed, NULL);
    size_t n = idx_prepare_threads(r->opts, pending);
    /* every extractor made before any thread runs: extractor_share reads
     * the first one, which its thread then writes (ThreadSanitizer) */
    for (size_t k = 0; k < n; k++) {
        pl->workers[k].pl = pl;
        pl->workers[k].ex = k == 0 ? ex : extractor_share(ex);
    }
    for (size_t k = 0; k < n; k++) {
        struct worker *w = &pl->workers[k];
        pthread_mutex_lock(&pl->mu);
        w->started = pthread_create(&w->thread, NULL, worker_main, w) == 0;
        pl->running += w->started;
        pthread_mutex_unlock(&pl->mu);
        if (!w->started) {
            if (k == 0)
                ds_fatal("cannot start the indexing thread");
            break;
        }
        pl->nworkers++;
    }
    for (size_t k = pl->nworkers; k < n; k++)
        extractor_free(&pl->workers[k].ex);
    return pl;
}

/* See index/lib.h. */
bool
idx_pipeline_next(struct idx_pipeline *pl, struct prepared *out)
{
    pthread_mutex_lock(&pl->mu);
    while (pl->count == 0 && pl->running > 0)
        pthread_cond_wait(&pl->changed, &pl->mu);
    bool got = pl->count > 0;
    if (got) {
        *out = pl->slots[pl->head];
        pl->head = (pl->head + 1) % QUEUE_SLOTS;
        pl->count--;
        pl->bytes -= out->bytes;
        pthread_cond_broadcast(&pl->changed);
    }
    pthread_mutex_unlock(&pl->mu);
    return got;
}

/* See index/lib.h. */
void
idx_pipeline_stop(struct idx_pipeline *pl)
{
    pthread_mutex_lock(&pl->mu);
    pl->stop = true;
    pthread_cond_broadcast(&pl->changed);
    pthread_mutex_unlock(&pl->mu);
    for (size_t k = 0; k < pl->nworkers; k++) {
        pthread_join(pl->workers[k].thread, NULL);
        if (k > 0)
            extractor_free(&pl->workers[k].ex);
    }
    while (pl->count) {
        idx_prepared_clear(&pl->slots[pl->head]);
        pl->head = (pl->head + 1) % QUEUE_SLOTS;
        pl->count--;
    }
    pthread_mutex_destroy(&pl->mu);
    pthread_cond_destroy(&pl->changed);
    free(pl);
}
