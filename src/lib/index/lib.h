/*
 * index/lib.h — what the files of src/lib/index/ share: one run's state, a
 * candidate file, a prepared document, and the steps feeds.c adds to
 * indexer.c. Not part of the public API (indexer.h is).
 */
#ifndef DOSSIER_LIB_INDEX_H
#define DOSSIER_LIB_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/compare.h"
#include "dossier/extract.h"
#include "dossier/indexer.h"
#include "dossier/ingest.h"
#include "dossier/store.h"

/* CPU seconds of the calling thread (index_summary.step_cpu). */
double idx_thread_cpu(void);

/* A file the walk found, and what the store knew of it. */
struct candidate {
    char *path;
    struct file_state st;  /* size and mtime from the walk */
    int64_t old_doc;       /* the document the store had for it, 0 if new */
    bool unchanged;        /* size and mtime as stored: nothing to do */
    bool was_feed;         /* stored as a feed (items, no document of its own) */
    struct store_item *items; /* a changed feed's stored items, by key hash */
    size_t nitems;
};

/* One index run. The walk hands its files on a chunk at a time
 * (INDEX_DEFAULT_CHUNK): nothing is kept per file of the collection but a
 * bit per stored file row. */
struct run {
    struct store *store;
    struct neardup_writer *neardup; /* MinHash signatures for near-duplicates */
    const struct index_options *opts;
    struct index_summary *sum;
    struct ds_error *err;   /* where a failed chunk's error goes */
    struct outlets *outlets;
    struct extractor *ex;   /* NULL until a file needs it (rules unchanged) */
    char *assets, *config;  /* where the rules and outlets are loaded from */
    struct candidate *cands; /* the chunk being indexed */
    size_t ncands, cap;
    size_t files_before;    /* files of the chunks done before it */
    size_t pending_before;  /* pending files of those chunks */
    uint64_t *seen;         /* a bit per file row (store file_id) the walk found */
    size_t nseen;           /* words in seen */
    char **prefixes;        /* each root's absolute path, "/" ended for a folder */
    bool *found;            /* the walk found a file under prefixes[i] */
    size_t nroots;
    char **unseen;          /* absolute paths the walk could not read */
    size_t nunseen;
    double started, last_progress;
};

/* Everything about one file that needs no database: read, decode, clean,
 * extract, hash. A worker thread prepares these while this thread writes,
 * because FTS5 tokenising in the writer is the bottleneck (see DESIGN.md,
 * Performance) and extraction would otherwise add to it. */
struct prepared {
    size_t cand;            /* index into run.cands */
    char *skip_reason;      /* not an article: why (then nothing else is set) */
    bool keep;              /* skipped because unreadable: a stored document stays */
    uint64_t bytes;         /* bytes read */
    uint64_t cost;          /* its weight in a batch (indexer.c, batch_cost) */
    uint64_t hash;          /* of the file's bytes: identical content is stored once */
    bool ingested;          /* a, x, lines and sig are set */
    struct article a;
    struct extraction x;
    uint64_t *lines;        /* line hashes for the corpus-wide counts */
    size_t nlines;
    struct buf raw_packed;  /* a.raw packed against a.body (a.raw is then freed) */
    struct store_body zbody; /* the body deflated as stored, by the preparing thread */
    uint32_t sig[MINHASH_K];
    uint32_t shingles; /* sig's shingle count */
    double cpu[IDX_STEP_COUNT]; /* the preparing thread's CPU for it (IDX_STEP_PREP_*) */
    /* a feed: its items, each prepared like a file (hash: the item's) */
    bool feed;
    struct prepared *items;
    size_t nitems;
    char *feed_error;       /* where a broken feed stopped */
    char *key;              /* an item: its key in the feed */
    bool item_unchanged;    /* an item: stored with this hash already */
    bool item_known;        /* an item: stored before (changed if not unchanged) */
};

/* The absolute form of a root, even when it no longer exists (newly allocated). */
char *idx_absolute_root(const char *root);
/* Append a copy of path to a growing list. */
void idx_push_path(char ***list, size_t *n, size_t *cap, const char *path);
/* Call the run's progress callback (at most every 0.2 s unless force). */
void idx_report(struct run *r, const char *phase, size_t done, size_t total, bool force);
/* furniture.c, step 2: count the short lines of every pending file and
 * return the sorted set of furniture lines (*out, *nout; the caller frees
 * *out). 0, or -1 with err. */
int idx_frequent_lines(struct run *r, uint64_t **out, size_t *nout, struct ds_error *err);
/* gone.c: a root's prefix for found[] and the vanished files (newly allocated). */
char *idx_root_prefix(const char *root);
/* gone.c: the walk found the file stored in row file_id (ignored when <= 0). */
void idx_mark_seen(struct run *r, int64_t file_id);
/* gone.c: mark the row just stored for path as seen. 0, or -1 with err. */
int idx_mark_stored(struct run *r, const char *path, struct ds_error *err);
/* gone.c: after the files are stored, forget those of the roots that the
 * walk did not find, or keep them marked missing when the walk could not
 * see them. 0, or -1 with err. */
int idx_remove_gone(struct run *r, const char *const *roots, size_t nroots, struct ds_error *err);
/* Add a skipped path and its reason to the run's summary. */
void idx_add_skip(struct index_summary *sum, const char *path, const char *reason);
/* pipeline.c: the part of preparing that follows ingest: extract, hash
 * lines, sign, pack the raw text (p->a.raw is freed). */
void idx_prepare_article(struct extractor *ex, struct prepared *p);
/* pipeline.c: free what p holds and zero it. */
void idx_prepared_clear(struct prepared *p);
/* pipeline.c: how many threads prepare `pending` files: o->prepare_threads,
 * or the online CPUs when 0; one per 32 files at most; at most
 * INDEX_MAX_PREPARE. */
size_t idx_prepare_threads(const struct index_options *o, size_t pending);
/* pipeline.c: the preparing threads of step 3. Start them on r's
 * candidates that are not unchanged (ex is the first thread's; the others
 * get an extractor_share of it); idx_pipeline_next hands the prepared files
 * over in candidate order (false when there are no more);
 * idx_pipeline_stop stops and joins the threads, drops what is still
 * queued and frees pl (after a failure too). */
struct idx_pipeline;
struct idx_pipeline *idx_pipeline_start(struct run *r, const struct ingest_ctx *ictx,
                                        struct extractor *ex, size_t pending);
bool idx_pipeline_next(struct idx_pipeline *pl, struct prepared *out);
void idx_pipeline_stop(struct idx_pipeline *pl);
/* Store a new document for p (a file or a feed item): the document, its
 * extraction, line counts, signature, URL and tags; *id gets its id.
 * 0, or -1 with err. */
int idx_store_new_doc(struct run *r, struct prepared *p, int64_t *id, struct ds_error *err);

/* feeds.c: prepare a feed file's items (bytes read, p->cand and p->hash
 * set), and store them. */
void idx_prepare_feed(struct run *r, const struct ingest_ctx *ictx, struct extractor *ex,
                      struct buf *bytes, struct prepared *p);
int idx_store_feed(struct run *r, struct prepared *p, struct ds_error *err);

#endif
