/*
 * indexer.h — one index run: find files, skip what has not changed, read,
 * decode, clean and extract what has, store it in batched transactions, and
 * forget files that are gone.
 *
 * Contract:
 *   - Rules (topics, gazetteers) and outlet lists are loaded before the
 *     database is touched: a bad rule stops the run with "file:line: msg"
 *     and changes nothing.
 *   - Work is committed in batches; a run killed at any moment leaves the
 *     last committed batch, and the next run completes the rest (files are
 *     recorded only with their document, in the same transaction).
 *   - Files that cannot be articles (binary, empty, too large) are skipped
 *     with a reason, and a document such a file held before is removed; the
 *     run still succeeds.
 *   - Nothing the run cannot see is removed: a file, folder or root that
 *     cannot be read (missing, unmounted, no permission), or a root that
 *     is now empty, keeps its documents, marked missing (prune removes
 *     them; so does indexer_forget). Tags of a removed document are kept by
 *     content, and come back when the same text is indexed again.
 *   - When the rules changed since the last run, stored documents are
 *     re-extracted from their stored bodies, without re-reading files.
 *   - Nothing is printed: progress goes to a callback.
 */
#ifndef DOSSIER_INDEXER_H
#define DOSSIER_INDEXER_H

#include <stddef.h>
#include <stdint.h>

#include "dossier/store.h"
#include "dossier/util.h"

#define INDEX_DEFAULT_MAX_BYTES ((size_t)8 << 20)
/* Documents per transaction: FTS5 writes one segment per transaction (its
 * pending-terms limit is raised to 64 MB, store.c migration 7), so bigger
 * batches mean fewer merges and fewer rewrites of the same interior pages.
 * 4,000 (~12 MB of text) against 1,000: user CPU -8% at 20k documents; the
 * bare-FTS5 floor stays at 1,000, its own fixed definition. */
#define INDEX_DEFAULT_BATCH 4000
/* ... or fewer: a batch also ends after this many bytes of files (CJK
 * text counted three times: its bigrams are ~3x the terms), so the
 * terms FTS5 holds until COMMIT, the text the store keeps for them and the
 * page cache's dirty pages stay bounded whatever the documents' lengths
 * (issue 16: the indexer's memory does not grow with the collection). */
#define INDEX_BATCH_BYTES ((size_t)4 << 20)
/* Files the walk hands on at a time: each chunk is compared with the store,
 * its short lines counted and its pending files stored before the walk goes
 * on, so the indexer's memory does not grow with the collection (issue 16).
 * A big first run is then indexed as a series of runs of this many files. */
#define INDEX_DEFAULT_CHUNK 8192
/* The most threads preparing files (reading, cleaning, extracting) at once. */
#define INDEX_MAX_PREPARE 4

struct index_progress {
    const char *phase;   /* "scanning", "indexing", "re-extracting"; after
                          * the last file, the end's steps (total 0) */
    size_t done, total;  /* files (or documents) */
    uint64_t bytes;      /* bytes read so far in this phase */
    double elapsed;      /* seconds since the run started */
};

struct index_options {
    size_t max_bytes;       /* larger files are skipped; 0 = INDEX_DEFAULT_MAX_BYTES */
    const char *assets_dir; /* gazetteers, topics.conf, outlets.tsv; NULL = ds_assets_dir() */
    const char *config_dir; /* user overrides; NULL = ds_config_dir() */
    size_t batch_docs;      /* documents per transaction; 0 = INDEX_DEFAULT_BATCH */
    size_t chunk_files;     /* files walked per chunk; 0 = INDEX_DEFAULT_CHUNK */
    bool prune;             /* remove what cannot be seen instead of marking it missing */
    size_t prepare_threads; /* threads reading and extracting files; 0 = the online CPUs
                             * (at most INDEX_MAX_PREPARE); the index is the same */
    void (*progress)(const struct index_progress *p, void *ud);
    void *progress_ud;
};

struct index_skip {
    char *path;
    char *reason;
};

/* Where an index run's CPU went, a step at a time, each timed on the thread
 * that runs it (CLOCK_THREAD_CPUTIME_ID): the writer's steps, the preparing
 * thread's, and the steps at the end of the run. For bench/ (issue 16):
 * `DOSSIER_INDEX_STEPS=1 dossier index` prints them. */
enum index_step {
    IDX_STEP_CHANGES,   /* writer: what changed, corpus-wide furniture lines */
    IDX_STEP_DOC_ROW,   /* writer: the document row and its deflated body */
    IDX_STEP_EXTRACT_ROWS, /* writer: mentions, figures, topics rows */
    IDX_STEP_LINEFREQ,  /* writer: line counts */
    IDX_STEP_NEARDUP,   /* writer: MinHash signature and band rows */
    IDX_STEP_FILE_ROWS, /* writer: by-hash lookup, file row, url, tags, seen mark */
    IDX_STEP_COMMIT,    /* writer: COMMIT: the full-text insert of the batch, pages written */
    IDX_STEP_PREP_INGEST, /* preparing: read, decode, clean */
    IDX_STEP_PREP_EXTRACT, /* preparing: extraction */
    IDX_STEP_PREP_SIGN, /* preparing: line hashes, signature, raw text packed */
    IDX_STEP_PREP_DEFLATE, /* preparing: the body deflated */
    IDX_STEP_GONE,      /* end: files gone, feed pages linked, signatures backfilled */
    IDX_STEP_STATS,     /* end: the statistics tables (corpus_refresh) */
    IDX_STEP_STORIES,   /* end: stories */
    IDX_STEP_THEMES,    /* end: themes */
    IDX_STEP_RECLAIM,   /* end: skipped files recorded, free pages given back */
    IDX_STEP_COUNT
};

/* The name of step i, for printing. */
const char *index_step_name(enum index_step i);

struct index_summary {
    double step_cpu[IDX_STEP_COUNT]; /* CPU seconds of each step (enum index_step) */
    size_t files_seen;    /* candidate files found by the walk */
    size_t added;         /* new documents stored */
    size_t updated;       /* files whose content changed */
    size_t unchanged;     /* files skipped because size+mtime (or hash) matched */
    size_t duplicates;    /* files whose content was already stored */
    size_t removed;       /* files gone since the last run */
    size_t reextracted;   /* stored documents re-extracted after a rules change */
    bool rules_loaded;    /* the extraction rules were loaded: a file was new or
                           * changed, or the rules were (a run with neither
                           * only hashes the rules files) */
    size_t feeds;         /* feed files read (each item is a document: added,
                           * updated and unchanged count items for them) */
    size_t items;         /* feed items read */
    size_t missing;       /* files kept although they could not be seen (marked missing) */
    size_t roots_unreadable; /* roots that could not be opened or are empty */
    uint64_t bytes;       /* bytes read */
    bool themes_fitted;   /* the themes were fitted (again) at the end */
    size_t themes_assigned; /* documents assigned to a theme at the end */
    double themes_cpu;      /* CPU seconds fitting and assigning took */
    double seconds;
    struct index_skip *skips;
    size_t nskips;
};

void index_summary_clear(struct index_summary *sum);

/* Index roots (files or directories) into s. Returns 0 (even when files were
 * skipped), or -1 with err set when the run could not proceed (bad rules,
 * database error). */
int indexer_run(struct store *s, const char *const *roots, size_t nroots,
                const struct index_options *opts, struct index_summary *sum, struct ds_error *err);

/* Forget paths (files or folders, as given or absolute; they need not
 * exist): every indexed file equal to one or under it is removed with its
 * document, and the statistics follow. *forgotten gets the number of files.
 * Returns 0, or -1 with err. */
int indexer_forget(struct store *s, const char *const *paths, size_t npaths, size_t *forgotten,
                   struct ds_error *err);

/* ---- watching the roots (index/watch.c) -------------------------------------------
 * Which folders under the roots changed, for `dossier index --watch`:
 * inotify where there is one (each folder watched, new folders too; hidden
 * ones left out), else (or with poll_only) a poll that signs each root's
 * files (path, size, mtime) once a second. */
struct index_watch;
struct index_watch *index_watch_new(const char *const *roots, size_t nroots, bool poll_only);
/* True when the watch uses inotify (false: polling). */
bool index_watch_inotify(const struct index_watch *w);
/* Wait up to timeout_ms (polling: one poll interval) for a change; after the
 * first, wait until nothing happened for debounce_ms (2 s at most). Returns
 * 1 with *dirs (newly allocated, each string too) the folders to index again
 * (a folder gone or emptied is given as its parent, none under another), 0
 * when nothing changed, -1 when a signal interrupted the wait. */
int index_watch_wait(struct index_watch *w, int timeout_ms, int debounce_ms, char ***dirs,
                     size_t *n);
void index_watch_free(struct index_watch **w);

#endif
