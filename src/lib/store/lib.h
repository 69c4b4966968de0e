/*
 * store/lib.h — what the store's own files (src/lib/store/) share: the
 * connection struct, the statement cache and the error mapping. Nothing
 * outside src/lib/store/ includes this header (the layering test checks), so
 * sqlite3.h stays inside the store part.
 */
#ifndef DOSSIER_LIB_STORE_H
#define DOSSIER_LIB_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "dossier/store.h"
#include "dossier/util.h"
#include "dossier/zh.h"

#define STORE_APPLICATION_ID 0x444F5353 /* 'DOSS' */
#define STORE_SCHEMA_VERSION 28
/* The schema from which bodies are packed into chunks (store/bodychunk.c) */
#define STORE_SCHEMA_CHUNKS 23
/* The schema from which a document's topics are kept by topic number
 * (doc_topic_rows, topic_ids; doc_topics is a view) */
#define STORE_SCHEMA_TOPIC_IDS 24
/* The schema from which figure subject keys are numbered (corpus_figkey's
 * id; corpus_fig keeps key_id) */
#define STORE_SCHEMA_FIG_KEY_IDS 25
/* The schema from which figures are kept in figure_rows, their words by
 * number in fig_words (figures is a view) */
#define STORE_SCHEMA_FIG_ROWS 26
/* The schema from which a figure's subject key number is kept in
 * figure_rows.key_id (corpus_fig dropped) */
#define STORE_SCHEMA_FIG_KEY_COL 27
/* figure_rows.key_id of a figure the statistics have not keyed yet: a
 * 4-byte number, as every key number is (stats_fig_key_id), so keying it
 * rewrites the row at the same size instead of splitting its page; no key
 * is negative */
#define STORE_FIG_KEY_PENDING_SQL "-2147483648"
/* The schema from which entities are found by entities.h, a 23-bit hash
 * of kind and name (store_entity_hash), instead of a UNIQUE(kind, name)
 * index that kept every name again */
#define STORE_SCHEMA_ENT_HASH 27
/* The schema from which an entity's kind is a number in entities.kind and
 * corpus_ent.kind (STORE_ENT_*), not a word */
#define STORE_SCHEMA_ENT_KINDS 28
/* An entity's kind as the file keeps it (schema 28): numbers written in
 * the file, never to change; the commonest kind is 1, which SQLite keeps
 * in a record's header with no byte of its own (0 is no kind). As text,
 * to be written into SQL. store_ent_code() and store_ent_word() turn the
 * kind's word (entity_kind_name) into its number and back. */
#define STORE_ENT_PERSON "1"
#define STORE_ENT_ORG "2"
#define STORE_ENT_COUNTRY "3"
#define STORE_ENT_PLACE "4"
#define STORE_ENT_AGREEMENT "5"
/* The version whose migration creates the statistics tables (corpus.h);
 * upgrading past it marks them stale (stats_tables_stale). */
#define STORE_SCHEMA_CORPUS 6

/* Han script folding: util's table (util/hanfold.c, from OpenCC's), under
 * the names the tokenizer and the word folding use. */
#define STORE_HANFOLD_LO ZH_FOLD_LO
#define STORE_HANFOLD_N ZH_FOLD_N
#define store_hanfold_table zh_fold_table
#define store_hanfold zh_fold

/* doc_lengths: token counts of STORE_LEN_CHUNK consecutive document ids per
 * row, 16 bits each (store/rank.c). */
#define STORE_LEN_CHUNK 4096
#define STORE_LEN_CHUNK_BYTES (2 * STORE_LEN_CHUNK)

/* Cached prepared statements, one per fixed SQL text (see store.c). */
enum store_stmt_id {
    SQ_FILE_GET,
    SQ_FILE_PUT,
    SQ_FILE_DOC,
    SQ_FILE_DEL,
    SQ_DOC_DEL_ORPHAN,
    SQ_DOC_BY_HASH,
    SQ_DOC_INSERT,
    SQ_DOC_URL_PUT,
    SQ_DOC_URL_KEY_PUT,
    SQ_DOC_SUMMARY_PUT,
    SQ_DOC_UNDATED_PUT,
    SQ_FTS_INSERT,
    SQ_FTS_DELETE,
    SQ_FTS_AUTOMERGE,
    SQ_FTS_MERGE,
    SQ_FTS_STRUCTURE,
    SQ_DOC_GET,
    SQ_DOC_FIRST_PATH,
    SQ_DOC_EXISTS,
    SQ_META_GET,
    SQ_DOC_TEXT,
    SQ_DOC_DAY,
    SQ_META_SET,
    SQ_SKIP_PUT,
    SQ_LINEFREQ_ADD,
    SQ_TAG_ADD,
    SQ_TAG_DEL,
    SQ_TAG_HAS,
    SQ_ROW_FETCH,
    SQ_SNIPPET,
    SQ_DF_FIRST,
    SQ_FIG_DEL,
    SQ_FIG_INS,
    SQ_FIG_ALSO_INS,
    SQ_MENT_DEL,
    SQ_MENT_INS,
    SQ_ENT_ALT,
    SQ_ENT_GET,
    SQ_ENT_INS,
    SQ_DT_DEL,
    SQ_DT_INS,
    SQ_FIG_GET,
    SQ_MENT_GET,
    SQ_DT_GET,
    SQ_TOPIC_ID_GET,
    SQ_TOPIC_ID_INS,
    SQ_FIG_WORD_GET,
    SQ_FIG_WORD_INS,
    SQ_LEN_DOCSIZE,
    SQ_LEN_GET,
    SQ_LEN_PUT,
    SQ_TAGS_RESTORE,
    SQ_TAGS_KEPT_DEL,
    SQ_FILE_MISSING,
    SQ_FEED_REREAD,
    SQ_CHUNK_PUT,     /* bodychunk.c */
    SQ_HOLES_GET,     /* bodyholes.c */
    SQ_HOLES_PUT,
    SQ_CHUNK_DOCS,
    SQ_CHUNK_REPOINT,
    SQ_CHUNK_DEAD,
    SQ__COUNT
};

struct store {
    sqlite3 *db;
    char *path;
    bool readonly;
    bool needs_upgrade;               /* read-only open of an older schema */
    bool immutable;                   /* read-only directory: opened immutable */
    bool vocab_ready;                 /* temp.docs_vocab exists */
    bool corpus_direct;               /* corpus_use_derived(s, false) */
    fts5_api *fts;                    /* borrowed from db */
    fts5_tokenizer tok;               /* the 'dossier' tokenizer's methods */
    Fts5Tokenizer *tok_inst;          /* one instance for store_tokenize */
    struct segmenter *seg;            /* Chinese words (store/words.c), made when first needed */
    uint32_t *hanfold;                /* store_hanfold_table(), made when first needed (words.c) */
    struct z_stream_s *body_z;        /* store_body_pack()'s deflate stream, made when first needed */
    /* The chunk of deflated bodies being filled in the open transaction,
     * written when full and before COMMIT (store/bodychunk.c) */
    struct store_chunk {
        struct buf data;
        int64_t id; /* 0: none pending */
    } chunk;
    /* The dead slices of chunks, read in the open write transaction when
     * first needed, written back at COMMIT when changed (store/bodyholes.c) */
    struct store_holes {
        struct store_hole {
            int64_t chunk;
            size_t off, len;
        } *v;
        size_t n, cap;
        bool loaded, dirty;
    } holes;
    /* The chunk read last, whole, once two bodies in a row were asked of
     * it: readers in id order (themes, signatures, statistics) take a
     * chunk's bodies one after another (store/bodychunk.c) */
    struct store_chunk_cache {
        struct buf data;
        int64_t id;            /* 0: none */
        unsigned int version;  /* SQLITE_FCNTL_DATA_VERSION when read */
        int64_t asked;         /* the chunk of the body asked last */
        unsigned int asked_version;
    } chunk_cache;
    sqlite3_stmt *stmts[SQ__COUNT];
    struct store_df_cache *dfc;       /* document frequencies (store/extractions.c) */
    struct extractor *alias_ex;       /* the gazetteer for ds_alias(), opened when first needed */
    bool alias_tried;                 /* alias_ex was tried (NULL: the assets failed to load) */
    struct store_ent_cache *ent_cache; /* entity ids by kind and name (store/extractions.c) */
    struct strmap *topic_ids;          /* topic numbers by slug (topic_ids, extractions.c) */
    struct strmap *fig_words;          /* figure words' numbers (fig_words, extractions.c) */
    /* Full-text entries of documents inserted in the open transaction,
     * written just before COMMIT (see store_doc_insert). */
    struct store_fts_entry {
        int64_t id;
        char *title, *body;
    } *fts_pending;
    size_t nfts_pending, fts_pending_cap;
    /* Documents deleted in the open transaction: their full-text entries
     * are deleted just before the pending ones are written (ftswrite.c). */
    struct store_fts_entry *fts_gone;
    size_t nfts_gone, fts_gone_cap;
    /* This connection is writing a new index (store_write_mode found it
     * empty): no merging while it writes, one segment at the end
     * (store_reclaim). */
    bool fts_fresh;
    /* Line counts added in the open transaction, hash -> documents (open
     * addressing, 0 = empty), written sorted just before COMMIT (see
     * store_linefreq_add). */
    struct store_lf_pending {
        uint64_t *keys;
        uint32_t *counts;
        size_t cap, n;
        uint32_t zero;  /* the count of hash 0 */
    } lf;
    /* doc_lengths chunks changed in the open transaction (store/rank.c) */
    struct store_len_chunk **len_dirty;
    size_t nlen_dirty, len_dirty_cap;
    struct store_rank_cache *rank_cache; /* phrase document counts (store/rank.c) */
    int (*interrupt_check)(void *);      /* store_set_interrupt */
    void *interrupt_ud;
    bool interrupted;
    unsigned long stops; /* statements the check stopped, ever (store_search) */
    int interrupt_ops;   /* SQLite steps between checks; 0: 200,000 (tests set fewer) */
    int (*search_watch)(void *); /* store_set_search_watch */
    void *search_watch_ud;
    bool failed_busy;       /* the last store_fail was another connection's lock */
    int busy_wait_ms;       /* store_set_busy_wait (SQLite cannot tell it back) */
    int64_t delay_until_ns; /* DOSSIER_TEST_SEARCH_DELAY_MS: the search sleeps until */
};

/* store/ftswrite.c: ds_fts_gone() and, on a writing connection, the TEMP
 * trigger that calls it for each deleted document (a SQLite result code);
 * write the deletions it kept (0, or -1 with err; the list is emptied
 * either way), or drop them (rollback, close). */
int store_fts_hooks_install(struct store *s);
int store_fts_gone_flush(struct store *s, struct ds_error *err);
void store_fts_gone_clear(struct store *s);
/* A store function that deletes documents runs in a transaction, so that
 * the deletions reach the full-text index in the same COMMIT (a crash can
 * never leave an entry without its document): store_own_begin() opens one
 * unless the caller has (1 opened, 0 already open, -1 with err), and
 * store_own_end() commits or rolls back what it opened and returns rc (or
 * -1 when the commit fails). (store/ftswrite.c) */
int store_own_begin(struct store *s, struct ds_error *err);
int store_own_end(struct store *s, int begun, int rc, struct ds_error *err);

/* Register dossier_rank() (BM25 as FTS5's bm25() computes it, with lengths
 * from doc_lengths) and the ds_length_chunk() aggregate used by migration 5.
 * Returns a SQLite result code. (store/rank.c) */
int store_rank_register(struct store *s);
/* After document id entered the full-text index: remember its token count
 * for doc_lengths. 0 or -1 with err set. */
int store_lengths_note(struct store *s, int64_t id, struct ds_error *err);
/* Write the doc_lengths chunks noted since the last flush (inside the
 * caller's transaction). 0 or -1 with err set; the notes are gone either way. */
int store_lengths_flush(struct store *s, struct ds_error *err);
/* Forget the notes (rollback, close). */
void store_lengths_discard(struct store *s);
/* Free the phrase-count cache of dossier_rank() (close). */
void store_rank_cache_free(struct store *s);

/* Make the per-connection word-frequency cache current (dropped when the
 * newest document id changed). 0, or -1 with err. (store/extractions.c) */
int store_df_ready(struct store *s, struct ds_error *err);
/* Documents whose text has word (as the tokenizer makes it a term): counted
 * exactly up to 1,024, beyond that estimated from the id of the 1,024th
 * (*estimated set; it assumes the word is spread over the ids as over the
 * corpus). 0 for a word the index cannot search. Cached; store_df_ready()
 * first. -1 with err on failure. (store/extractions.c) */
int64_t store_word_docs(struct store *s, const char *word, bool *estimated,
                        struct ds_error *err);

/* Free the document-frequency cache (store/extractions.c). */
void store_df_cache_free(struct store *s);
/* Forget the cached entity ids (store/extractions.c); after a rollback they may
 * name entities that no longer exist. */
void store_ent_cache_free(struct store *s);
void store_topic_ids_free(struct store *s);
void store_fig_words_free(struct store *s);

/* Register the 'dossier' FTS5 tokenizer on db; *api_out gets the connection's
 * fts5_api. Returns a SQLite result code. (store/tokenizer.c) */
int store_tokenizer_register(sqlite3 *db, fts5_api **api_out);

/* Fill err with a human message for SQLite result code rc while doing `doing`
 * ("saving a document"); never SQLite's own text. Returns -1. */
int store_fail(struct store *s, struct ds_error *err, int rc, const char *doing);
/* Read one integer from a pragma (or any one-value statement). 0 or -1. */
int store_pragma_int(struct store *s, const char *sql, int64_t *out, struct ds_error *err);
/* Check, reading only, that the file is ours (or new and empty) and its
 * schema number one this program can open; *version gets it. 0 or -1
 * with a message. (store/schema.c) */
int store_identify(struct store *s, int64_t *version, struct ds_error *err);
/* Bring the schema from version (checked by store_identify) up to date in
 * one transaction; a read-only store sets needs_upgrade and fails. */
int store_migrate(struct store *s, int64_t version, struct ds_error *err);
/* Put back the progress handler store_set_interrupt() chose (after a
 * search replaced it), leaving its flags as they are. (store/store.c) */
void store_progress_restore(struct store *s);
/* The progress handler store_set_interrupt() installs (ud: the store):
 * non-zero, and the statement stops, when the interrupt check says so. */
int store_progress(void *ud);
/* Register ds_url_key(url), url_normalize() in SQL (migration 17). Returns
 * a SQLite result code. (store/items.c) */
int store_url_key_register(struct store *s);
/* When DOSSIER_TEST_SEARCH_DELAY_MS asks for it and an interrupt check or
 * a search watch is set: make the search about to run take that long
 * (store_progress_restore() ends it); whether it did. (store/slow.c) */
bool store_test_delay_start(struct store *s);

/* The cached statement id, reset with bindings cleared; NULL (err filled)
 * when it cannot be prepared. Borrowed: valid until store_close(). */
sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, struct ds_error *err);

/* Run a cached statement that returns no rows (or whose rows are ignored)
 * and reset it; -1 with err on failure. */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *doing, struct ds_error *err);
/* Bind text or NULL. */
int store_bind_text(sqlite3_stmt *st, int i, const char *text);
/* Newly allocated copy of a text column, or NULL when the column is NULL. */
char *store_col_dup(sqlite3_stmt *st, int i);
/* Run a one-off statement (not in the cached table) that writes, binding
 * text ?1, ?2 and integers ?3, ?4 as far as it names parameters (unused
 * ones are ignored). Returns the rows it changed, or -1 with err.
 * (store/oneoff.c) */
int store_run_once(struct store *s, const char *sql, const char *t1, const char *t2, int64_t i3,
                   int64_t i4, const char *doing, struct ds_error *err);
/* Read the first column of a one-off statement's first row as an integer,
 * binding arg to ?1 when it names one: 0 with *out, 1 when there is no row
 * or the value is NULL (*out untouched), -1 with err. (store/oneoff.c) */
int store_int_once(struct store *s, const char *sql, int64_t arg, int64_t *out, const char *doing,
                   struct ds_error *err);
/* Run one SQL statement without results; -1 with err on failure. */
int store_exec(struct store *s, const char *sql, const char *doing, struct ds_error *err);
/* Prepare a one-off statement from query SQL and bind the query's params. */
int store_prepare_query(struct store *s, const char *sql, const struct query *q,
                        sqlite3_stmt **out, struct ds_error *err);

/* For a range over every string that starts with prefix (prefix <= x <
 * upper): upper, malloc'd, *ulen_out bytes long (not NUL-terminated at
 * ulen); NULL with *ulen_out 0 when no such bound exists (all 0xff bytes,
 * or an empty prefix). (store.c) */
char *store_prefix_upper(const char *prefix, size_t *ulen_out);

/* After document id (content hash) was inserted: give it back the tags kept
 * when a document with the same content was deleted (migration 8). 0, or
 * -1 with err. (store/keep.c) */
int store_tags_restore(struct store *s, int64_t id, uint64_t hash, struct ds_error *err);

/* Spans in a column (store/spans.c): store_bind_spans() binds their stored
 * form to parameter idx, scratch holding the bytes until the statement runs; store_spans_column() reads
 * either the stored form or the text "s-e,s-e" of older indexes (newly
 * allocated, *n_out of them; NULL when none); store_spans_register() adds
 * the SQL function ds_spans_cat(a, b) (a SQLite result code). */
int store_bind_spans(sqlite3_stmt *st, int idx, struct buf *scratch, const struct span *sp,
                     size_t n);
struct span *store_spans_column(sqlite3_stmt *st, int col, size_t *n_out);
int store_spans_register(struct store *s);

/* An entity's lookup number in entities.h: a 23-bit hash of its kind word
 * and name (3 bytes a row; names sharing one are told apart by the row);
 * store_entity_register() adds it as the SQL function ds_entity_hash(kind,
 * name) (a SQLite result code). */
int64_t store_entity_hash(const char *kind, const char *name);
int store_entity_register(struct store *s);
/* The stored number of an entity kind's word (-1: no kind of that word),
 * and the word of a stored number (NULL: none). */
int store_ent_code(const char *word);
const char *store_ent_word(int64_t code);
/* Bind the stored number of kind word to parameter i: NULL stays NULL, a
 * word of no kind binds -1, which no entity has (a SQLite result code). */
int store_ent_bind_kind(sqlite3_stmt *st, int i, const char *word);

/* A body as documents.body keeps it (store/zbody.c, schema 20).
 * store_body_pack() deflates body into out: with removed (may be NULL) and
 * the raw pack (raw_n bytes) in the same stream when raw is not NULL
 * (removed lines are the pack's literals: deflate stores them once), then
 * it returns 2 and the caller stores neither apart; 1 when out holds the
 * body alone; 0 (out empty) when the body stays text (short, or deflate
 * saves under an eighth). s keeps the deflate stream (NULL: one for the
 * call). store_body_unpack() gives a packed BLOB's body back in out and,
 * when extra is not NULL and the blob holds them, the removed lines and
 * the raw pack (extra->whole set; removed newly allocated or NULL, raw in
 * extra->raw, reset first). 0, or -1 when it is damaged.
 * store_body_register() adds the SQL functions ds_body(x) (the text,
 * whichever the form) and ds_body_pack(body, removed, raw) (a SQLite
 * result code). store_body_free() frees s's stream. */
struct store_body_extra {
    bool whole;   /* the blob held removed and raw */
    char *removed;
    struct buf raw;
};
int store_body_pack(struct store *s, const char *body, size_t n, const char *removed,
                    const void *raw, size_t raw_n, struct buf *out);
int store_body_unpack(const void *blob, size_t n, struct buf *out, struct store_body_extra *extra);
/* store_body_prepare() with s's own deflate stream (the writer's thread). */
void store_body_prepare_here(struct store *s, const struct article *a, const void *raw_packed,
                             size_t n, struct store_body *out);
int store_body_register(struct store *s);
void store_body_free(struct store *s);
/* A varint (7 bits a byte, low first) appended to b; read from *p (< end),
 * *p moved past it (false when damaged). (store/zbody.c) */
void store_varint_put(struct buf *b, size_t v);
bool store_varint_get(const unsigned char **p, const unsigned char *end, size_t *v);

/* Deflated bodies packed into chunks (store/bodychunk.c, schema 23).
 * store_chunk_put() writes n packed bytes (store_body_pack) into holes
 * (bodyholes.c) and the rest into the chunk pending in the open
 * transaction, and makes *ref the row's reference to them: 1, or 0
 * (nothing done) outside a transaction, -1 with err. A reference is a
 * version byte, then (chunk, offset, length) as varints for each slice,
 * at most STORE_EXTENTS_MAX; store_body_ref_add() appends one,
 * store_body_extents() reads them into v (how many; 0 when blob is no
 * reference or damaged). store_chunk_flush() writes the pending chunk
 * (before COMMIT), store_chunk_discard() drops it (rollback).
 * store_body_resolve() points *p, *pn at the packed bytes of a stored
 * body: a reference's slices (read into tmp, or in s's pending chunk; s
 * may be NULL), blob itself otherwise; 0, or -1 when the reference is
 * damaged. store_chunks_collect() rewrites chunks more than half dead
 * (store_reclaim). store_chunk_register() adds ds_body_own(),
 * ds_body_free() and ds_body_chunked() (a SQLite result code). */
enum { STORE_EXTENTS_MAX = 16 };
struct store_extent {
    int64_t chunk;
    size_t off, len;
};
int store_chunk_put(struct store *s, const void *packed, size_t n, struct buf *ref,
                    struct ds_error *err);
void store_body_ref_add(struct buf *ref, int64_t chunk, size_t off, size_t n);
size_t store_body_extents(const void *blob, size_t n, struct store_extent *v, size_t max);
int store_chunk_flush(struct store *s, struct ds_error *err);
void store_chunk_discard(struct store *s);
int store_body_resolve(struct store *s, sqlite3 *db, const void *blob, size_t n, struct buf *tmp,
                       const void **p, size_t *pn);
int store_chunks_collect(struct store *s, struct ds_error *err);
int store_chunk_register(struct store *s);
/* The holes of chunks (store/bodyholes.c), inside a write transaction:
 * store_holes_load() reads them unless read already; store_holes_fill()
 * writes as much of n packed bytes as holes take, appends their slices to
 * ref and sets *done to how many; store_holes_free_ref() makes a deleted
 * body's slices holes, store_holes_add() one slice (holes loaded);
 * store_holes_forget_chunk() drops a chunk's holes (the chunk goes);
 * store_holes_flush() writes them back when changed (store_commit);
 * store_holes_drop() forgets them (the transaction ends). 0 or -1 with err. */
int store_holes_load(struct store *s, struct ds_error *err);
int store_holes_fill(struct store *s, const void *packed, size_t n, struct buf *ref, size_t *done,
                     struct ds_error *err);
int store_holes_free_ref(struct store *s, const void *ref, size_t n, struct ds_error *err);
void store_holes_add(struct store *s, int64_t chunk, size_t off, size_t len);
void store_holes_forget_chunk(struct store *s, int64_t chunk);
int store_holes_flush(struct store *s, struct ds_error *err);
void store_holes_drop(struct store *s);
/* Forget the chunk read last (its memory too). */
void store_chunk_cache_free(struct store *s);

/* store/items.c: the document of a feed file's first item (by key):
 * 0 and *id_out, 1 when it has none, -1 on error. */
int store_feed_first_doc(struct store *s, const char *path, int64_t *id_out,
                         struct ds_error *err);

/* Shared between store.c, docs.c and meta.c: whether a document id exists
 * (1, 0, -1 with err; docs.c), a full-text row written at COMMIT
 * (store.c), and the in-memory line counts of a transaction, forgotten or
 * written sorted (meta.c). */
int store_doc_exists(struct store *s, int64_t id, struct ds_error *err);
int store_fts_insert(struct store *s, int64_t id, const char *title, const char *body,
                     struct ds_error *err);
void store_lf_clear(struct store *s);
int store_lf_flush(struct store *s, struct ds_error *err);

#endif
