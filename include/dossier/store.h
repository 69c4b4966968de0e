/*
 * store.h — the index: one SQLite database (WAL) holding documents, the
 * files they came from, the FTS5 index, extractions and the reader's own
 * tags. This module (src/lib/store*.c) is the only one that includes
 * sqlite3.h; nothing outside it sees SQL error text.
 *
 * Contract:
 *   - store_open() creates or migrates the schema (PRAGMA user_version) and
 *     refuses, with a clear message, a file that is not a dossier database
 *     or whose schema is newer than this program.
 *   - Every function returns 0 on success and -1 on failure with a human
 *     message in err (never raw SQLite text), unless documented otherwise.
 *   - Writers batch: call store_begin()/store_commit() around many puts.
 *     A crash at any moment leaves the last committed state.
 *   - Strings returned inside result structs are owned by the struct and
 *     freed by the matching *_clear() function.
 *   - A store handle is used by one thread at a time.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/article.h"
#include "dossier/extract.h"
#include "dossier/util.h"

struct store;
struct query;

enum store_flags {
    STORE_READONLY = 1 << 0, /* open an existing database for reading only */
    STORE_CREATE = 1 << 1,   /* create the file (and its directory) if missing */
};

/* Open the index at path (":memory:" gives a private in-memory index). On
 * failure returns -1, *out is NULL and err says why in words: no index
 * there, not a dossier index, another program's database, a newer schema,
 * busy, permissions. */
int store_open(const char *path, int flags, struct store **out, struct ds_error *err);
void store_close(struct store **s);
/* Whether nothing can be written through s: opened STORE_READONLY, or the
 * file could only be opened for reading (no write permission on it). */
bool store_is_readonly(struct store *s);
/* The path s was opened with (":memory:" for a private in-memory index),
 * for a second connection to the same index (an index run's themes). */
const char *store_path(const struct store *s);

/* Copy what the write-ahead log holds into the index and truncate the log
 * to nothing: after a failed run (a full disk) the log would otherwise keep
 * its size. 0, or -1 with err (still no space, or another connection reads). */
int store_checkpoint(struct store *s, struct ds_error *err);

int store_begin(struct store *s, struct ds_error *err);
int store_commit(struct store *s, struct ds_error *err);
void store_rollback(struct store *s);
/* True inside a transaction (one the caller began, or another's). */
bool store_in_transaction(struct store *s);
/* Many reads as one: a deferred transaction, so the reads see one snapshot
 * and take the file locks once instead of once per statement (on a WAL
 * index each statement otherwise costs several fcntl calls). Returns 1 when
 * it began one, 0 when one was already open (nothing to end), -1 with err.
 * store_read_end(s, what store_read_begin returned) ends it. Never takes
 * the write lock, so an index run is not blocked. */
int store_read_begin(struct store *s, struct ds_error *err);
void store_read_end(struct store *s, int begun);
/* Prepare this connection for a long run of large write transactions (an
 * index run): a page cache big enough that a batch's dirty pages stay in
 * memory until COMMIT instead of being spilled to the WAL and written
 * again. Costs up to STORE_BULK_CACHE_MB of memory: the largest single part
 * of the indexer's peak (issue 16, <= 64 MB). 8 MB still holds a batch's
 * dirty pages (5k Chinese articles: 0.4% more blocks written than with 16 MB,
 * peak RSS 65.9 -> 57.2 MB). Returns 0 or -1 (err). */
#define STORE_BULK_CACHE_MB 8
int store_bulk_mode(struct store *s, struct ds_error *err);
/* The end of the bulk writes: the page cache back to SQLite's default size
 * (2 MB), and what it held given back, so the steps after (the statistics
 * rebuild, whose sorts take as much memory as the cache may) do not add
 * to it. Returns 0 or -1 (err). */
int store_bulk_mode_end(struct store *s, struct ds_error *err);
/* How the coming writes merge the full-text index: merge false (a run that
 * changes a small share of the collection) lets FTS5 add segments without
 * merging them with the big ones of earlier runs (until 16 pile up on a
 * level); true keeps FTS5's default (merge four segments of a level),
 * except on a connection that found the index empty: it merges nothing
 * until store_reclaim() makes its segments one. The setting is stored in
 * the index. 0, or -1 with err. (store/ftswrite.c) */
int store_write_mode(struct store *s, bool merge, struct ds_error *err);
/* How many segments the full-text index has (what a query reads): for
 * tests and benchmarks. >= 0, or -1 with err. */
int store_fts_segments(struct store *s, struct ds_error *err);
/* What writing has done to the index file, for tests and benchmarks of
 * incremental runs: rows this connection changed since it opened (SQLite's
 * total_changes), pages in the file, free pages among them, full-text
 * segments. 0, or -1 with err. */
struct store_write_counts {
    int64_t rows, pages, free_pages;
    int fts_segments;
};
int store_write_counts(struct store *s, struct store_write_counts *out, struct ds_error *err);
/* The end of a run that wrote: a new index's full-text segments merged
 * into one (store_write_mode) and its tables' b-trees rebuilt full
 * (REINDEX, one table a transaction), and free pages given back to the file
 * system, at most STORE_RECLAIM_MAX_PAGES of them (the rest at the next
 * run's end; all of them after that merge),
 * so that the file grows by what the run added, not also by the pages its
 * deletions and rewrites left empty. Only an index created with that mode
 * (auto_vacuum incremental: every new index since issue 16) can give pages
 * back; an older one keeps them and fills them in later runs. Outside a
 * transaction. *freed (may be NULL) gets the pages given back. 0, or -1
 * with err. (store/ftswrite.c) */
#define STORE_RECLAIM_MAX_PAGES 16384
int store_reclaim(struct store *s, int64_t *freed, struct ds_error *err);
/* Documents deleted in the open transaction whose full-text entries are
 * deleted at COMMIT (with the batch's new entries, as one segment). */
size_t store_fts_deletions_pending(const struct store *s);
/* Free what the connection's page cache holds and does not need (a front
 * end after a big view closes). */
void store_release_memory(struct store *s);
/* The bytes SQLite holds now in this process (page caches, statements):
 * what a front end's own memory is measured without. */
int64_t store_memory_used(void);

/* ---- files and documents (the indexer's side) ---------------------------- */

struct file_state {
    int64_t size;
    int64_t mtime_ns;
    int64_t doc_id;
    int64_t file_id;  /* the file's row (store_file_get; store_file_put ignores it) */
};

/* 0 and *out filled when path is indexed, 1 when it is not, -1 on error. */
int store_file_get(struct store *s, const char *path, struct file_state *out, struct ds_error *err);

/* Record that path holds document doc_id (insert or replace). */
int store_file_put(struct store *s, const char *path, const struct file_state *st,
                   struct ds_error *err);

/* Forget path; its document goes too when no other file holds it. */
int store_file_delete(struct store *s, const char *path, struct ds_error *err);

/* Mark path missing: its folder could not be read by this run, so the file
 * is kept (with its document and tags) until the user forgets it.
 * Deleting the file or store_files_clear_missing() clears the mark. 0 or
 * -1 (err). */
int store_file_mark_missing(struct store *s, const char *path, struct ds_error *err);
/* Clear the missing mark of path and of every file under path + "/" (they
 * were seen again). 0 or -1 (err). */
int store_files_clear_missing(struct store *s, const char *path, struct ds_error *err);

/* Call fn for every indexed path under prefix ("" = all), with the file's
 * row (file_state.file_id); the indexer uses it to find deleted files.
 * Iteration stops early when fn returns non-zero. */
int store_file_each(struct store *s, const char *prefix,
                    int (*fn)(const char *path, int64_t file_id, void *ud), void *ud,
                    struct ds_error *err);
/* store_file_each() for the paths after `after` (NULL: from the first),
 * so that a caller can stop, change the files and go on from where it
 * stopped. */
int store_file_each_after(struct store *s, const char *prefix, const char *after,
                          int (*fn)(const char *path, int64_t file_id, void *ud), void *ud,
                          struct ds_error *err);
/* The row store_file_put gave path last: > 0, 0 when path is not indexed,
 * -1 with err. */
int64_t store_file_id(struct store *s, const char *path, struct ds_error *err);

/* ---- one file, many documents: feed items (store/items.c) ------------------ */

/* Record a feed file (size, mtime; no document of its own: its items have). */
int store_feed_file_put(struct store *s, const char *path, const struct file_state *st,
                        struct ds_error *err);
/* An item as stored: the hash of its key and the hash of its content. */
struct store_item {
    uint64_t key_hash;
    uint64_t hash;
};
/* The items stored for file, sorted by key_hash; *out newly allocated (NULL
 * when none). */
int store_items_of(struct store *s, const char *file, struct store_item **out, size_t *n,
                   struct ds_error *err);
/* Item key of file is document doc_id, with content hash hash (insert or
 * replace); the document it held before goes when nothing else holds it. */
int store_item_put(struct store *s, const char *file, const char *key, uint64_t hash,
                   int64_t doc_id, struct ds_error *err);
/* Forget every item of file; their documents go unless something else
 * holds them. */
int store_items_forget(struct store *s, const char *file, struct ds_error *err);
/* The URL a file states for document doc_id (front matter, header, feed
 * link), kept as written (store_doc_origin() gives it back) and in its
 * normal form (url.h), by which items and pages are matched. */
int store_doc_url_put(struct store *s, int64_t doc_id, const char *url, struct ds_error *err);

/* Feed items whose link is the URL a page in the collection states are
 * that page: each such item is pointed at the page's document (one held by
 * a file) and the item's own document, the feed's summary, goes unless
 * something else holds it. So the list shows the full page once, not the
 * page and its summary as two articles, and rebuilding the index from the
 * same files links them again. Idempotent; an index run calls it after
 * storing (inside no transaction: it makes its own). *linked gets the
 * number of items linked now. 0, or -1 with err. */
int store_items_link_pages(struct store *s, size_t *linked, struct ds_error *err);
/* 1 when a document held by a file (a page, not only a feed item) states
 * url or another spelling of it (the same url_normalize() form), 0 when
 * none does, -1 with err. */
int store_page_with_url(struct store *s, const char *url, struct ds_error *err);

/* Where a document came from: the file (for a feed item, the feed file),
 * the feed item's key (NULL for a whole file) and the URL the file stated
 * (or NULL). Strings owned; free with doc_origin_clear. */
struct doc_origin {
    char *file, *item, *url;
};
int store_doc_origin(struct store *s, int64_t doc_id, struct doc_origin *out,
                     struct ds_error *err);
void doc_origin_clear(struct doc_origin *o);

/* Document with this content hash, if any: returns its id, 0 when none. */
int64_t store_doc_by_hash(struct store *s, uint64_t hash, struct ds_error *err);

/* A document's body as documents.body keeps it (deflated with its removed
 * lines and raw pack, or text), made off the writer's thread: deflating
 * is the biggest piece of a document's write after the full-text entry. */
struct store_body {
    struct buf z; /* the BLOB; empty when the body is stored as text */
    int kind;     /* 0 text, 1 the body alone, 2 with the removed lines and the raw pack */
    bool ready;   /* set by store_body_prepare() */
};
/* A deflate stream for store_body_prepare(), one per thread (268 kB,
 * made at the first body). Freed, and *pk set to NULL, by the free. */
struct store_packer;
struct store_packer *store_packer_new(void);
void store_packer_free(struct store_packer **pk);
/* a's body (a->body, a->removed) and raw_packed (n bytes, from
 * ingest_raw_pack()) as store_doc_insert_packed() would store them, into
 * *out (zeroed or cleared before; store_body_clear() frees it). */
void store_body_prepare(struct store_packer *pk, const struct article *a, const void *raw_packed,
                        size_t n, struct store_body *out);
void store_body_clear(struct store_body *b);

/* Insert a document (and its FTS entry); *id_out gets its id. The raw
 * text is stored as edits against the body (ingest_raw_pack). */
int store_doc_insert(struct store *s, const struct article *a, uint64_t hash, int64_t *id_out,
                     struct ds_error *err);
/* The same with a->raw already packed against a->body by ingest_raw_pack()
 * (raw_packed, n bytes; a->raw is not read), so that an indexer can pack on
 * another thread than the one writing. */
int store_doc_insert_packed(struct store *s, const struct article *a, uint64_t hash,
                            const void *raw_packed, size_t n, int64_t *id_out,
                            struct ds_error *err);
/* The same with the body already deflated by store_body_prepare() from
 * these a and raw_packed (body: NULL or not ready, deflated here). */
int store_doc_insert_body(struct store *s, const struct article *a, uint64_t hash,
                          const void *raw_packed, size_t n, const struct store_body *body,
                          int64_t *id_out, struct ds_error *err);

/* Replace the extraction (figures, entities, topics) of doc_id. */
int store_put_extraction(struct store *s, int64_t doc_id, const struct extraction *x,
                         struct ds_error *err);
/* The same for a document just inserted (store_doc_insert*), which has no
 * extraction yet: nothing to delete first (three lookups per document). */
int store_put_extraction_new(struct store *s, int64_t doc_id, const struct extraction *x,
                             struct ds_error *err);

/* Register the topics the rules define (slug, name), replacing the list. */
int store_set_topics(struct store *s, const char *const *slugs, const char *const *names, size_t n,
                     struct ds_error *err);

/* Files skipped by the last index run, with the reason. */
int store_skip_put(struct store *s, const char *path, const char *reason, struct ds_error *err);
int store_skip_clear(struct store *s, struct ds_error *err);
/* Call fn for each skipped file (by path) with its reason; stops early when
 * fn returns non-zero. */
int store_skip_each(struct store *s, int (*fn)(const char *path, const char *reason, void *ud),
                    void *ud, struct ds_error *err);

/* Corpus-wide line frequencies for furniture detection: the number of
 * documents each normalised-line hash was seen in. */
int store_linefreq_add(struct store *s, const uint64_t *hashes, size_t n, struct ds_error *err);
/* Lines seen in at least min_docs documents: fills a newly allocated array. */
int store_linefreq_frequent(struct store *s, int64_t min_docs, uint64_t **hashes_out,
                            size_t *n_out, struct ds_error *err);
/* The documents each of hashes[0..n) was seen in, into docs[0..n) (0 for
 * a line never seen), one lookup each. 0, or -1 with err. */
int store_linefreq_docs(struct store *s, const uint64_t *hashes, size_t n, int64_t *docs,
                        struct ds_error *err);

/* Key/value settings kept with the index (e.g. "rules_hash"). get returns a
 * newly allocated string or NULL. */
char *store_meta_get(struct store *s, const char *key);
int store_meta_set(struct store *s, const char *key, const char *value, struct ds_error *err);

/* ---- reading documents ----------------------------------------------------- */

struct doc_record {
    int64_t id;
    char *path;        /* the first file holding it */
    int nfiles;        /* how many files hold identical content */
    bool missing;      /* every such file is marked missing (store_file_mark_missing) */
    struct article a;  /* every article field, body and raw included */
    char *lead;        /* first sentence of the body (for lists when no title) */
    uint64_t hash;     /* of the file's bytes as read (ds_hash64) */
};
void doc_record_clear(struct doc_record *r);

/* 0 found, 1 no such document, -1 error. */
int store_doc_get(struct store *s, int64_t id, struct doc_record *out, struct ds_error *err);
/* Resolve "42" or a path (absolute or relative to cwd) to a document id:
 * 0 found, 1 not found, -1 error. */
int store_doc_resolve(struct store *s, const char *id_or_path, int64_t *id_out,
                      struct ds_error *err);

/* The stored extraction of a document (spans into its body). */
int store_get_extraction(struct store *s, int64_t doc_id, struct extraction *out,
                         struct ds_error *err);

/* Top terms of a document by tf-idf against the corpus. */
struct keyword {
    char *term;
    double weight;
};
int store_doc_keywords(struct store *s, int64_t doc_id, size_t max, struct keyword **out,
                       size_t *n_out, struct ds_error *err);
void keywords_free(struct keyword *k, size_t n);

/* ---- search ------------------------------------------------------------------ */

enum store_sort {
    SORT_RANK, /* bm25, title weighted higher; date order when there are no words */
    SORT_DATE, /* newest first; undated last */
    SORT_NONE, /* any order, the cheapest: for counts and sets */
};

struct result_row {
    int64_t id;
    char *published;   /* or NULL */
    char *source;      /* or NULL */
    char *title;       /* title, else the lead sentence */
    bool has_title;
    char *topics;      /* comma-separated slugs, best first, or NULL */
    double rank;       /* bm25 (lower is better) or 0 */
};
void result_row_clear(struct result_row *r);

/* A query's results with random access by position, for virtual lists:
 * opening runs the query once and keeps the matching ids (and ranks) in
 * memory, 8-16 bytes per hit; fetching any window is one primary-key lookup
 * per row; no statement stays open between calls, so a writer is never
 * blocked by an open list. The set borrows the store: free it first.
 * Measured at 1M documents: "all, by date" opens in ~70 ms, a 50-row window
 * takes ~0.3 ms. A document deleted after the search shows as a row titled
 * "(no longer in the index)". */
struct result_set;

/* Run q into *out (free with result_set_free). 0; -1 with err; or
 * STORE_STOPPED when the check of store_set_interrupt() stopped it. */
int store_search(struct store *s, const struct query *q, enum store_sort sort,
                 struct result_set **out, struct ds_error *err);
size_t result_set_count(const struct result_set *rs);
/* Fill rows[0..n) with positions [pos, pos+n) clipped to the count; returns
 * how many were filled, -1 on error. */
int result_set_fetch(struct result_set *rs, size_t pos, size_t n, struct result_row *rows,
                     struct ds_error *err);
/* How many documents of the set have an id above id (saved searches: the
 * documents indexed after the search was last opened). */
size_t result_set_count_after(const struct result_set *rs, int64_t id);
/* Position of a document in the set, or -1. */
long result_set_find(struct result_set *rs, int64_t doc_id);
void result_set_free(struct result_set **rs);

/* A snippet of doc_id's body around the query's hits, hits wrapped in
 * open/close markers (e.g. "[" "]"), at most max_tokens (1..64) tokens;
 * newly allocated. NULL when the query has no words or doc_id does not
 * match them. Costs ~0.3 ms: make them only for rows on screen. */
char *store_snippet(struct store *s, const struct query *q, int64_t doc_id, const char *open,
                    const char *close, size_t max_tokens);

/* Byte spans in doc_id's body that match the query's positive words and
 * phrases (stemmed the way the index stems; prefix* terms match stemmed or
 * unstemmed), sorted, overlaps merged. *spans_out is newly allocated (NULL
 * when none). For the title use store_hit_spans_text(). */
int store_hit_spans(struct store *s, const struct query *q, int64_t doc_id,
                    struct span **spans_out, size_t *n_out, struct ds_error *err);

/* The same for any text (e.g. a title shown apart from the body): spans are
 * byte offsets into text. */
int store_hit_spans_text(struct store *s, const struct query *q, const char *text, size_t len,
                         struct span **spans_out, size_t *n_out, struct ds_error *err);

/* Counts of documents per value for the documents a query selects. */
struct facet {
    char *key;         /* topic slug, outlet, entity name, month ... */
    char *label;       /* human name where it differs (topic name), else NULL */
    int64_t count;
};
void facets_free(struct facet *f, size_t n);
enum facet_kind { FACET_TOPIC, FACET_SOURCE, FACET_COUNTRY, FACET_PERSON, FACET_ORG, FACET_MONTH };
int store_facets(struct store *s, const struct query *q, enum facet_kind kind, size_t max,
                 struct facet **out, size_t *n_out, struct ds_error *err);
/* The same counts as store_facets(FACET_TOPIC) for the documents of a result
 * set already in hand (the browser's list): documents per topic, most first
 * (ties by slug), at most max (0: all), labels from the topics table. Costs
 * one lookup per hit for small sets and one pass over the topic index for
 * large ones (about 100 ms at a million documents, whatever the hit count).
 * 0, or -1 with err. *out is newly allocated: facets_free(). */
int result_set_topic_counts(struct result_set *rs, size_t max, struct facet **out,
                            size_t *n_out, struct ds_error *err);

/* Let long reads be abandoned (the browser's idle work when a key arrives):
 * while check is set, it is called every few hundred thousand SQLite steps
 * (about a millisecond) and a nonzero return stops the running statement,
 * which then fails with "interrupted". NULL turns it off. Returns whether a
 * statement was stopped since the previous call. */
bool store_set_interrupt(struct store *s, int (*check)(void *ud), void *ud);
/* Let a running search be cancelled from outside: while watch is set,
 * store_search() runs a second thread that calls watch(ud) every 20 ms and
 * stops the search when it returns nonzero; this reaches inside a single
 * step (FTS5 expanding prefixes: seconds without a progress check). watch
 * runs on that other thread, so it may only poll a descriptor or read a
 * flag. NULL turns it off. */
void store_set_search_watch(struct store *s, int (*watch)(void *ud), void *ud);
/* What store_search() returns when either check stopped it: not an error in
 * the query or the index, so a front end can say "cancelled" and keep what
 * it showed (err says "search stopped"). */
#define STORE_STOPPED (-2)
/* Tests only: DOSSIER_TEST_SEARCH_DELAY_MS=N in the environment makes every
 * store_search() that runs with an interrupt check or a search watch set
 * take at least N ms (sleeping in SQLite's progress handler, so the check,
 * the watch and sqlite3_interrupt() stop it as they stop a slow query). */

/* ---- another connection writing ------------------------------------------------ */

/* How long a statement waits for another connection's write lock (an index
 * run, a second dossier) before it fails as busy, by default. */
#define STORE_BUSY_WAIT_MS 5000
/* Set that wait in ms for this connection: 0 fails at once (the browser,
 * which must never hang on a key), STORE_BUSY_WAIT_MS puts it back. */
void store_set_busy_wait(struct store *s, int ms);
/* Whether another connection holds the write lock right now: takes and
 * drops the lock at once to find out, never waits. false for a read-only
 * store and inside this connection's own transaction. */
bool store_writer_active(struct store *s);
/* Whether the call that just failed (a -1 with err) failed for another
 * connection's lock, so that trying again later can succeed; false after a
 * failure of any other kind. */
bool store_failed_busy(const struct store *s);

/* ---- corpus totals ------------------------------------------------------------ */

struct store_stats {
    int64_t documents, files, words, outlets, skipped, duplicates;
    int64_t missing;              /* files marked missing */
    char *first_date, *last_date; /* or NULL */
};
int store_stats(struct store *s, struct store_stats *out, struct ds_error *err);
void store_stats_clear(struct store_stats *st);

/* Check the whole index: SQLite's integrity check, foreign keys and (when
 * opened for writing) the full-text index against the documents. Problems
 * (a damaged page included) are appended to report, one per line. Returns
 * the number of problems, or -1 with err set when the check could not run. */
int store_check(struct store *s, struct buf *report, struct ds_error *err);
/* Rebuild what derives from the stored documents: every SQL index, the
 * full-text index and ranking's token counts, in one transaction (then
 * corpus_refresh(s, true) rebuilds the statistics tables). 0, or -1 with
 * err (then nothing changed). */
int store_repair(struct store *s, struct ds_error *err);

/* ---- the reader's annotations ------------------------------------------------- */

int store_tag_add(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err);
int store_tag_remove(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err);
/* 1 when doc has tag, 0 when not, -1 on error. */
int store_tag_has(struct store *s, int64_t doc_id, const char *tag, struct ds_error *err);

/* Saved searches (store/saved.c): a name, the query text, and the highest
 * document id when the search was last opened (seen_id), so documents
 * above it are new to it. Sorted by name; strings owned by the array. */
struct saved_search {
    char *name, *query;
    int64_t seen_id;
};
/* Add a search, seen as of now (nothing new yet). 0, 1 when the name is
 * taken, -1 with err. */
int store_saved_add(struct store *s, const char *name, const char *query, struct ds_error *err);
/* 0 removed, 1 no such search, -1 with err. */
int store_saved_remove(struct store *s, const char *name, struct ds_error *err);
/* Mark a search opened now: what matches it today is no longer new. 0, 1
 * no such search, -1 with err. */
int store_saved_seen(struct store *s, const char *name, struct ds_error *err);
/* Mark a search seen as of document id seen_id (the highest id when it
 * was opened, which may be before now: what was indexed since stays new).
 * A later mark already written is kept. 0, 1 no such search, -1 with err. */
int store_saved_seen_at(struct store *s, const char *name, int64_t seen_id,
                        struct ds_error *err);
/* Every saved search; *out newly allocated (NULL when none). */
int store_saved_list(struct store *s, struct saved_search **out, size_t *n, struct ds_error *err);
void saved_searches_free(struct saved_search *v, size_t n);
/* The highest document id (0 when empty), or -1 with err. */
int64_t store_max_doc_id(struct store *s, struct ds_error *err);
/* A number that changes whenever another connection commits a change to
 * the index (PRAGMA data_version): the browser polls it to see new
 * articles arrive. -1 with err. */
int64_t store_data_version(struct store *s, struct ds_error *err);

/* ---- the tokenizer (shared with highlighting and comparison) ------------------ */

/* Tokenize text as the index does (porter + unicode61, CJK as overlapping
 * bigrams); fn gets each token (NUL-terminated, stemmed/folded) and its byte
 * span in text. */
int store_tokenize(struct store *s, const char *text, size_t len,
                   void (*fn)(const char *token, size_t start, size_t end, void *ud), void *ud,
                   struct ds_error *err);

/* Tokenize text into words for keywords, keyness and "more like this":
 * as store_tokenize, except that each Chinese or Japanese run is cut into
 * dictionary words (ICU; 关税, 习近平), each folded to Simplified, and
 * words of one character are left out. The index itself keeps bigrams.
 * (store/words.c) */
int store_tokenize_words(struct store *s, const char *text, size_t len,
                         void (*fn)(const char *token, size_t start, size_t end, void *ud),
                         void *ud, struct ds_error *err);
/* Text folded as the index folds it, one code point for one: letters
 * lowercased, Traditional Han as Simplified (關稅 -> 关税), so that words
 * are found in either script while the text is shown as written. */
struct store_folded {
    struct buf text; /* the folded text, NUL-terminated */
    size_t *map;     /* map[i]: offset in the original of the code point
                        whose folded bytes hold text byte i; map[text.len]
                        is the original's length */
    size_t cap;
    uint32_t *table; /* the direct folding table, made on first use */
};
/* Fold text[0..len) into f (reused between calls; start it zeroed). */
void store_fold_text(struct store_folded *f, const char *text, size_t len);
void store_folded_free(struct store_folded *f);
/* The code points that fold as cp does (its folded form first, then e.g.
 * the Traditional forms of a Simplified character), at most max; 0 when
 * there are more, or cp folds by a rule that is not inverted here (letters
 * other than ASCII): then fold the whole text. f's table is used. */
size_t store_fold_preimages(struct store_folded *f, uint32_t cp, uint32_t *out, size_t max);
/* The end in text of the code points from pos whose folded form is
 * want[0..wlen) (a folded term), or 0 when they do not fold to it. */
size_t store_fold_match(struct store_folded *f, const char *want, size_t wlen, const char *text,
                        size_t len, size_t pos);

/* Is term a Chinese or Japanese word (no term of the index, which holds
 * its bigrams)? */
bool store_term_is_cjk(const char *term);
/* True when term is one or two CJK characters and nothing else: a term the
 * index itself holds (a bigram, or a run's single character), whose
 * document count the statistics tables' vocabulary has. */
bool store_term_is_bigram(const char *term);

#endif
