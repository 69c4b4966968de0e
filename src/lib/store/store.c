/*
 * store.c — opening the index (schema, migrations, refusal of foreign
 * files), transactions and SQLite error mapping. The indexer's side of the
 * store is in docs.c (files and documents) and meta.c (metadata, skipped
 * files, line frequencies, tags, totals, the shared tokenizer); searching
 * in search.c, extractions in extractions.c.
 *
 * The schema and its migrations are in schema.c.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dossier/store_stats.h"
#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "lib.h"

static void store_fts_pending_clear(struct store *s);


/* Fixed statements, prepared on first use (indexed by enum store_stmt_id). */
static const char *const stmt_sql[SQ__COUNT] = {
    [SQ_CHUNK_PUT] = "INSERT INTO body_chunks(id, size, data) VALUES (?1, ?2, ?3)",
    [SQ_HOLES_GET] = "SELECT chunk, off, len FROM body_holes",
    [SQ_HOLES_PUT] = "INSERT INTO body_holes(chunk, off, len) VALUES (?1, ?2, ?3)",
    [SQ_CHUNK_DOCS] = "SELECT id, body FROM documents WHERE typeof(body) = 'blob'",
    [SQ_CHUNK_REPOINT] = "UPDATE documents SET body = ?1 WHERE id = ?2",
    [SQ_CHUNK_DEAD] = "SELECT c.id FROM body_chunks c JOIN (SELECT chunk, sum(len) AS dead"
                      " FROM body_holes GROUP BY chunk) h ON h.chunk = c.id"
                      " WHERE h.dead * 2 > c.size ORDER BY c.id",
    [SQ_FILE_GET] = "SELECT size, mtime_ns, doc_id, rowid FROM files WHERE path = ?1",
    [SQ_FILE_PUT] = "INSERT INTO files(path, size, mtime_ns, doc_id) VALUES (?1, ?2, ?3, ?4)"
                    " ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
                    " mtime_ns = excluded.mtime_ns, doc_id = excluded.doc_id",
    [SQ_FILE_DOC] = "SELECT doc_id FROM files WHERE path = ?1",
    [SQ_FILE_DEL] = "DELETE FROM files WHERE path = ?1",
    [SQ_DOC_DEL_ORPHAN] = "DELETE FROM documents WHERE id = ?1"
                          " AND NOT EXISTS (SELECT 1 FROM files WHERE doc_id = ?1)",
    [SQ_DOC_BY_HASH] = "SELECT id FROM documents WHERE hash = ?1 ORDER BY id LIMIT 1",
    [SQ_FTS_INSERT] = "INSERT INTO docs_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
    [SQ_FTS_DELETE] = "INSERT INTO docs_fts(docs_fts, rowid, title, body)"
                      " VALUES ('delete', ?1, ?2, ?3)",
    [SQ_FTS_AUTOMERGE] = "INSERT INTO docs_fts(docs_fts, rank) VALUES ('automerge', ?1)",
    [SQ_FTS_MERGE] = "INSERT INTO docs_fts(docs_fts, rank) VALUES ('merge', ?1)",
    [SQ_FTS_STRUCTURE] = "SELECT block FROM docs_fts_data WHERE id = 10",
    [SQ_DOC_INSERT] = "INSERT INTO documents(hash, title, subtitle, section, source, published,"
                      " date_how, byline, lang, encoding, words, lead, body, raw, removed,"
                      " indexed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                      " ?13, ?14, ?15, ?16)",
    [SQ_DOC_UNDATED_PUT] = "INSERT OR REPLACE INTO doc_undated(doc_id, why, day_month)"
                           " VALUES (?1, ?2, ?3)",
    [SQ_DOC_URL_PUT] = "INSERT OR REPLACE INTO doc_urls(doc_id, url) VALUES (?1, ?2)",
    [SQ_DOC_URL_KEY_PUT] = "INSERT OR REPLACE INTO doc_url_keys(doc_id, key) VALUES (?1, ?2)",
    [SQ_DOC_SUMMARY_PUT] = "INSERT OR REPLACE INTO doc_summaries(doc_id, summary) VALUES (?1, ?2)",
    [SQ_DOC_GET] = "SELECT title, subtitle, section, source, published, date_how, byline, lang,"
                   " encoding, words, lead, body, raw, removed, hash,"
                   " (SELECT url FROM doc_urls WHERE doc_id = ?1),"
                   " (SELECT why FROM doc_undated WHERE doc_id = ?1),"
                   " (SELECT day_month FROM doc_undated WHERE doc_id = ?1),"
                   " (SELECT summary FROM doc_summaries WHERE doc_id = ?1)"
                   " FROM documents WHERE id = ?1",
    [SQ_DOC_FIRST_PATH] = "SELECT coalesce(min(path), (SELECT min(file) FROM items"
                          " WHERE doc_id = ?1)), max(count(*), 1),"
                          " min(path IN (SELECT path FROM files_missing))"
                          " FROM files WHERE doc_id = ?1",
    [SQ_DOC_EXISTS] = "SELECT 1 FROM documents WHERE id = ?1",
    [SQ_META_GET] = "SELECT value FROM meta WHERE key = ?1",
    [SQ_DOC_TEXT] = "SELECT title, ds_body(body) FROM documents WHERE id = ?1",
    [SQ_DOC_DAY] = "SELECT CAST(julianday(substr(published, 1, 10)) - 2440587.5 AS INTEGER)"
                   " FROM documents WHERE id = ?1",
    [SQ_META_SET] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
    [SQ_SKIP_PUT] = "INSERT OR REPLACE INTO skipped(path, reason) VALUES (?1, ?2)",
    [SQ_LINEFREQ_ADD] = "INSERT INTO line_freq(hash, docs) VALUES (?1, ?2)"
                        " ON CONFLICT(hash) DO UPDATE SET docs = docs + excluded.docs",
    [SQ_TAG_ADD] = "INSERT OR IGNORE INTO tags(doc_id, tag) VALUES (?1, ?2)",
    [SQ_TAG_DEL] = "DELETE FROM tags WHERE doc_id = ?1 AND tag = ?2",
    [SQ_TAG_HAS] = "SELECT 1 FROM tags WHERE doc_id = ?1 AND tag = ?2",
    [SQ_ROW_FETCH] = "SELECT published, source, coalesce(title, lead, ''), title IS NOT NULL,"
                     " (SELECT group_concat(slug, ',') FROM (SELECT slug FROM doc_topics"
                     "  WHERE doc_id = d.id ORDER BY score DESC, slug))"
                     " FROM documents d WHERE id = ?1",
    [SQ_SNIPPET] = "SELECT snippet(docs_fts, 1, ?2, ?3, '…', ?4) FROM docs_fts"
                   " WHERE docs_fts MATCH ?1 AND rowid = ?5",
    [SQ_DF_FIRST] = "SELECT count(*), max(r) FROM (SELECT rowid AS r FROM docs_fts"
                    " WHERE docs_fts MATCH ?1 ORDER BY rowid LIMIT ?2)",
    [SQ_FIG_DEL] = "DELETE FROM figure_rows WHERE doc_id = ?1",
    /* schema 26: the words by number (fig_words), the ends as distances;
     * 27: the subject key number pending until the statistics key it */
    [SQ_FIG_INS] = "INSERT INTO figure_rows(doc_id, \"start\", len, back, ahead, text,"
                   " value, unit, scale, kind, direction, period, subject, value_hi, approx,"
                   " key_id) VALUES (?1, ?2, ?3 - ?2, ?2 - ?4, ?5 - ?3, ?6, ?7, ?8, ?9, ?10,"
                   " ?11, ?12, ?13, ?14, ?15, " STORE_FIG_KEY_PENDING_SQL ")",
    [SQ_FIG_ALSO_INS] = "INSERT INTO figure_also(figure_id, spans) VALUES (?1, ?2)",
    [SQ_MENT_DEL] = "DELETE FROM mentions WHERE doc_id = ?1",
    [SQ_MENT_INS] = "INSERT INTO mentions(doc_id, entity_id, count, spans) VALUES (?1, ?2, ?3, ?4)"
                    " ON CONFLICT(doc_id, entity_id) DO UPDATE SET count = count + excluded.count,"
                    " spans = ds_spans_cat(spans, excluded.spans)",
    /* schema 27: found by the hash of kind and name (entities_h), no
     * UNIQUE(kind, name) index; the writer keeps them unique */
    [SQ_ENT_ALT] = "UPDATE entities SET alt = ?3 WHERE id = ?4",
    [SQ_ENT_GET] = "SELECT id, alt FROM entities WHERE kind = ?1 AND h = ?3 AND name = ?2",
    [SQ_ENT_INS] = "INSERT INTO entities(kind, name, alt, h) VALUES (?1, ?2, ?3, ?4)",
    [SQ_DT_DEL] = "DELETE FROM doc_topic_rows WHERE doc_id = ?1",
    [SQ_DT_INS] = "INSERT OR REPLACE INTO doc_topic_rows(doc_id, topic, score, spans)"
                  " VALUES (?1, ?2, ?3, ?4)",
    [SQ_FIG_GET] = "SELECT \"start\", \"end\", sent_start, sent_end, text, value, unit, scale,"
                   " kind, direction, period, subject, value_hi, approx,"
                   " (SELECT spans FROM figure_also WHERE figure_id = figures.id) FROM figures"
                   " WHERE doc_id = ?1"
                   " ORDER BY"
                   " \"start\", id",
    [SQ_MENT_GET] = "SELECT e.kind, e.name, e.alt, m.spans FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ?1"
                    " ORDER BY m.count DESC, e.name",
    [SQ_DT_GET] = "SELECT slug, score, spans FROM doc_topics WHERE doc_id = ?1"
                  " ORDER BY score DESC, slug",
    [SQ_TOPIC_ID_GET] = "SELECT id FROM topic_ids WHERE slug = ?1",
    [SQ_TOPIC_ID_INS] = "INSERT INTO topic_ids(slug) VALUES (?1)",
    [SQ_FIG_WORD_GET] = "SELECT id FROM fig_words WHERE word = ?1",
    [SQ_FIG_WORD_INS] = "INSERT INTO fig_words(word) VALUES (?1)",
    [SQ_LEN_DOCSIZE] = "SELECT sz FROM docs_fts_docsize WHERE id = ?1",
    [SQ_LEN_GET] = "SELECT lens FROM doc_lengths WHERE chunk = ?1",
    [SQ_LEN_PUT] = "INSERT OR REPLACE INTO doc_lengths(chunk, lens) VALUES (?1, ?2)",
    [SQ_TAGS_RESTORE] = "INSERT OR IGNORE INTO tags(doc_id, tag)"
                        " SELECT ?1, tag FROM tags_kept WHERE hash = ?2",
    [SQ_TAGS_KEPT_DEL] = "DELETE FROM tags_kept WHERE hash = ?1",
    [SQ_FILE_MISSING] = "INSERT OR IGNORE INTO files_missing(path) VALUES (?1)",
    /* a page going that feed items were linked to (store_items_link_pages):
     * their feeds are read again by the next run, which restores the items'
     * own summaries */
    [SQ_FEED_REREAD] = "UPDATE files SET mtime_ns = -1 WHERE doc_id IS NULL AND path IN"
                       " (SELECT file FROM items WHERE doc_id = ?1)"
                       " AND NOT EXISTS (SELECT 1 FROM files WHERE doc_id = ?1)",
};

/* ---- errors -------------------------------------------------------------------- */

int
store_fail(struct store *s, struct ds_error *err, int rc, const char *doing)
{
    const char *what;
    const char *path = s && s->path ? s->path : "the index";
    int prim = rc & 0xff;

    if (getenv("DOSSIER_DEBUG") && s && s->db)
        fprintf(stderr, "dossier: sqlite (%d): %s\n", rc, sqlite3_errmsg(s->db));
    /* a write that failed for want of space shows as an I/O error (the WAL,
     * its -shm) or a failed open: say what the cause is */
    int sys = s && s->db ? sqlite3_system_errno(s->db) : 0;
    if ((prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT))
        prim = SQLITE_FULL;
    if (s)
        s->failed_busy = prim == SQLITE_BUSY || prim == SQLITE_LOCKED;
    switch (prim) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        what = "the index is busy (another dossier is writing); try again";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        ds_error_set(err, -1, "%s: %s is not a dossier index or is damaged", doing, path);
        return -1;
    case SQLITE_FULL:
        what = "the disk is full (free some space; the next run goes on from the last saved "
               "batch)";
        break;
    case SQLITE_READONLY:
        what = "the index is read-only (opened for reading, or no write permission)";
        break;
    case SQLITE_CANTOPEN:
        ds_error_set(err, -1, "%s: cannot open %s (missing directory or no permission)", doing,
                     path);
        return -1;
    case SQLITE_IOERR:
        what = "input/output error on the index file";
        break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
        what = "permission denied";
        break;
    case SQLITE_NOMEM:
        what = "out of memory";
        break;
    case SQLITE_CONSTRAINT:
        what = "the change conflicts with what is stored (duplicate or missing entry)";
        break;
    case SQLITE_TOOBIG:
        what = "a value is too large to store";
        break;
    case SQLITE_INTERRUPT:
        what = "interrupted";
        break;
    case SQLITE_PROTOCOL:
        what = "the index's lock files are in an inconsistent state; try again";
        break;
    case SQLITE_SCHEMA:
        what = "the index changed while reading it; try again";
        break;
    default:
        ds_error_set(err, -1, "%s: internal database error (code %d)", doing, rc);
        return -1;
    }
    ds_error_set(err, -1, "%s: %s", doing, what);
    return -1;
}

/* ---- small helpers ---------------------------------------------------------- */

sqlite3_stmt *
store_stmt(struct store *s, enum store_stmt_id id, struct ds_error *err)
{
    sqlite3_stmt *st = s->stmts[id];
    s->failed_busy = false; /* store_failed_busy() speaks of this statement on */
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "preparing a query");
        return NULL;
    }
    s->stmts[id] = st;
    return st;
}

int
store_bind_text(sqlite3_stmt *st, int i, const char *text)
{
    if (!text)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
}

char *
store_col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

int
store_exec(struct store *s, const char *sql, const char *doing, struct ds_error *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, doing);
    return 0;
}

int
store_step_done(struct store *s, sqlite3_stmt *st, const char *doing, struct ds_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

/* See lib.h. */
int
store_pragma_int(struct store *s, const char *sql, int64_t *out, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading the index header");
    return 0;
}

/* ---- SQL functions ------------------------------------------------------------------- */

/* ds_fold(text): lower case beyond ASCII (É -> é, Ж -> ж) and Traditional
 * Han as Simplified (習 -> 习), for the query language's case- and
 * script-insensitive source: and entity filters (person:習近平 finds 习近平);
 * SQLite's own LIKE and NOCASE fold ASCII only. NULL stays NULL. */
static void
store_sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    struct buf b = BUF_INIT;
    buf_reserve(&b, n + 1);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(t + i, n - i, &cp);
        char enc[4];
        cp = cp >= 0x3400 ? store_hanfold(cp) : utf8_tolower(cp);
        buf_append(&b, enc, (size_t)utf8_encode(cp, enc));
        i += (size_t)len;
    }
    sqlite3_result_text(ctx, b.data ? b.data : "", (int)b.len, free);
}

/* The gazetteer-only extractor of s, loaded on the first call; NULL when
 * it cannot be (then no alias is known). */
static const struct extractor *
store_alias_ex(struct store *s)
{
    if (!s->alias_tried) {
        s->alias_tried = true;
        char *assets = ds_assets_dir(), *config = ds_config_dir();
        struct ds_error err = {0};
        if (extractor_open_gazetteers(assets, config, &s->alias_ex, &err) != 0)
            s->alias_ex = NULL;
        ds_error_clear(&err);
        free(assets);
        free(config);
    }
    return s->alias_ex;
}

/* The result of ds_alias or ds_alias_prefix: names ("\nA\nB\n", owned)
 * or NULL. */
static void
store_alias_result(sqlite3_context *ctx, char *names)
{
    if (names)
        sqlite3_result_text(ctx, names, -1, free);
    else
        sqlite3_result_null(ctx);
}

/* ds_alias(text): the canonical names of the shipped (and the user's)
 * gazetteer entities text is an alias of, in either script, as
 * "\nA\nB\n", or NULL: so org:鴻海 and country:美国 find the entities
 * stored under their English names. */
static void
store_sql_alias(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct extractor *ex = store_alias_ex(sqlite3_user_data(ctx));
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    store_alias_result(ctx, t && ex ? extractor_alias_names(ex, t) : NULL);
}

/* ds_alias_prefix(text): the same for every alias that starts with text,
 * so org:鴻* finds Foxconn as org:鴻海 does. */
static void
store_sql_alias_prefix(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct extractor *ex = store_alias_ex(sqlite3_user_data(ctx));
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    store_alias_result(ctx, t && *t && ex ? extractor_alias_prefix_names(ex, t) : NULL);
}

/* ds_raw_pack(raw, body): the raw text packed against the body, for the
 * migration that packs what older versions stored whole. */
static void
store_sql_raw_pack(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *raw = (const char *)sqlite3_value_text(argv[0]);
    size_t raw_len = (size_t)sqlite3_value_bytes(argv[0]);
    const char *body = (const char *)sqlite3_value_text(argv[1]);
    size_t body_len = (size_t)sqlite3_value_bytes(argv[1]);
    struct buf b = BUF_INIT;
    ingest_raw_pack(raw ? raw : "", raw ? raw_len : 0, body ? body : "", body ? body_len : 0, &b);
    sqlite3_result_blob(ctx, b.data, (int)b.len, free);
}

/* ---- open and close ------------------------------------------------------------- */

/* Connection settings. Called after store_identify(): switching to WAL
 * rewrites header bytes 18-19, which a file we refuse must never see. A
 * new file (schema version 0) gives its free pages back at the end of each
 * run (store_reclaim): that mode can only be chosen before WAL and the
 * first table. */
static int
store_configure(struct store *s, int64_t version, struct ds_error *err)
{
    if (store_exec(s, "PRAGMA foreign_keys = ON", "opening the index", err) != 0)
        return -1;
    if (!s->readonly) {
        if (version == 0 &&
            store_exec(s, "PRAGMA auto_vacuum = INCREMENTAL", "creating the index", err) != 0)
            return -1;
        if (store_exec(s, "PRAGMA journal_mode = WAL", "opening the index", err) != 0)
            return -1;
        if (store_exec(s, "PRAGMA synchronous = NORMAL", "opening the index", err) != 0)
            return -1;
    }
    return 0;
}


static int
store_make_parent(const char *path, struct ds_error *err)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        if (ds_mkdir_p(dir, 0700) != 0) {
            ds_error_set(err, -1, "cannot create the directory %s: %s", dir, strerror(errno));
            rc = -1;
        }
    }
    free(dir);
    return rc;
}

/* A read-only open of a file in a directory we cannot write, with no
 * writer at work (no -wal file): WAL mode would need to create the -shm
 * file there, so the file is opened as immutable instead (no locks, no
 * -shm). A writer needs that directory too, so none can start meanwhile
 * unless it is another user's; then the -wal file exists and the normal
 * read-only open (with its -shm) is used. */
static bool
store_wants_immutable(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    bool dir_ro = access(slash ? dir : ".", W_OK) != 0;
    free(dir);
    char *wal = xasprintf("%s-wal", path);
    bool no_writer = access(wal, F_OK) != 0;
    free(wal);
    return dir_ro && no_writer;
}

/* "file:" URI for path with immutable=1 (%, ? and # escaped). */
static char *
store_immutable_uri(const char *path)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            buf_printf(&b, "%%%02X", (unsigned char)*p);
        else
            buf_putc(&b, *p);
    }
    buf_puts(&b, "?immutable=1");
    return buf_steal(&b);
}

/* Open s->path into s->db: read-only, read-write or created; immutable
 * for a read-only open in a directory that cannot be written. 0, or -1
 * with err. */
static int
store_open_db(struct store *s, bool exists, bool memory, struct ds_error *err)
{
    int oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!exists)
        oflags |= SQLITE_OPEN_CREATE;
    int rc;
    if (s->readonly && exists && !memory && store_wants_immutable(s->path)) {
        char *uri = store_immutable_uri(s->path);
        s->immutable = true;
        rc = sqlite3_open_v2(uri, &s->db, oflags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
        free(uri);
    } else {
        rc = sqlite3_open_v2(s->path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
    }
    return rc == SQLITE_OK ? 0 : store_fail(s, err, rc, "opening the index");
}

/* What every connection needs before its first statement: the dossier
 * tokenizer (and an instance of it for store_tokenize), dossier_rank(),
 * ds_fold(), ds_raw_pack() and ds_body(). 0, or -1 with err. */
static int
store_register(struct store *s, struct ds_error *err)
{
    int rc = store_tokenizer_register(s->db, &s->fts);
    if (rc != SQLITE_OK) {
        ds_error_set(err, -1, "opening the index: this SQLite has no usable FTS5");
        return -1;
    }
    void *tok_ud = NULL;
    rc = s->fts->xFindTokenizer(s->fts, "dossier", &tok_ud, &s->tok);
    if (rc == SQLITE_OK)
        rc = s->tok.xCreate(tok_ud, NULL, 0, &s->tok_inst);
    if (rc != SQLITE_OK) {
        s->tok_inst = NULL;
        ds_error_set(err, -1, "opening the index: cannot create the tokenizer");
        return -1;
    }
    rc = store_rank_register(s);
    if (rc == SQLITE_OK)
        rc = store_url_key_register(s);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_fold", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, store_sql_fold, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_alias", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                        s, store_sql_alias, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_alias_prefix", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, s,
                                        store_sql_alias_prefix, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(s->db, "ds_raw_pack", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, store_sql_raw_pack, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_spans_register(s);
    if (rc == SQLITE_OK)
        rc = store_entity_register(s);
    if (rc == SQLITE_OK)
        rc = store_body_register(s);
    return rc == SQLITE_OK ? 0 : store_fail(s, err, rc, "opening the index");
}

int
store_open(const char *path, int flags, struct store **out, struct ds_error *err)
{
    struct store *s = xcalloc(1, sizeof *s);
    struct stat sb;

    *out = NULL;
    s->path = xstrdup(path);
    /* ":memory:" is a private in-memory index (tests, fuzzing). */
    bool memory = strcmp(path, ":memory:") == 0;
    s->readonly = (flags & STORE_READONLY) != 0 && !memory;
    bool exists = memory || stat(path, &sb) == 0;
    if (!exists && (!(flags & STORE_CREATE) || s->readonly)) {
        ds_error_set(err, -1, "no index at %s (build one with 'dossier index DIR')", path);
        goto fail;
    }
    if (exists && !memory && S_ISDIR(sb.st_mode)) {
        ds_error_set(err, -1, "%s is a directory, not a dossier index", path);
        goto fail;
    }
    if (!exists && store_make_parent(path, err) != 0)
        goto fail;
    if (store_open_db(s, exists, memory, err) != 0 || store_register(s, err) != 0)
        goto fail;
    store_set_busy_wait(s, STORE_BUSY_WAIT_MS);
    sqlite3_extended_result_codes(s->db, 1);
    int64_t version;
    if (store_identify(s, &version, err) != 0 || store_configure(s, version, err) != 0 ||
        store_migrate(s, version, err) != 0)
        goto fail;
    int rc = store_fts_hooks_install(s);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, "opening the index");
        goto fail;
    }
    *out = s;
    return 0;
fail:
    if (s->needs_upgrade && access(path, W_OK) == 0) {
        /* An index from an older dossier, opened for reading: upgrade it
         * once through a writable connection, then open it as asked. */
        store_close(&s);
        struct store *w = NULL;
        if (store_open(path, flags & ~STORE_READONLY, &w, err) != 0)
            return -1;
        store_close(&w);
        return store_open(path, flags, out, err);
    }
    store_close(&s);
    return -1;
}

bool
store_is_readonly(struct store *s)
{
    return s->readonly || sqlite3_db_readonly(s->db, "main") == 1;
}

const char *
store_path(const struct store *s)
{
    return s->path;
}

int
store_checkpoint(struct store *s, struct ds_error *err)
{
    if (s->readonly)
        return 0;
    return store_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", "saving the index", err);
}

void
store_close(struct store **sp)
{
    struct store *s = *sp;
    if (!s)
        return;
    for (int i = 0; i < SQ__COUNT; i++)
        sqlite3_finalize(s->stmts[i]);
    store_df_cache_free(s);
    store_ent_cache_free(s);
    store_topic_ids_free(s);
    store_fig_words_free(s);
    extractor_free(&s->alias_ex);
    store_fts_pending_clear(s);
    free(s->fts_pending);
    store_fts_gone_clear(s);
    free(s->fts_gone);
    free(s->lf.keys);
    free(s->lf.counts);
    store_lengths_discard(s);
    free(s->len_dirty);
    store_rank_cache_free(s);
    if (s->tok_inst)
        s->tok.xDelete(s->tok_inst);
    seg_free(&s->seg);
    free(s->hanfold);
    store_body_free(s);
    buf_free(&s->chunk.data);
    free(s->holes.v);
    store_chunk_cache_free(s);
    if (s->db) {
        if (!sqlite3_get_autocommit(s->db))
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close_v2(s->db);
    }
    free(s->path);
    free(s);
    *sp = NULL;
}

/* ---- interrupting long reads ----------------------------------------------------------- */

/* See lib.h. */
int
store_progress(void *ud)
{
    struct store *s = ud;
    if (s->interrupt_check && s->interrupt_check(s->interrupt_ud)) {
        s->interrupted = true;
        s->stops++;
        return 1;
    }
    return 0;
}

bool
store_set_interrupt(struct store *s, int (*check)(void *ud), void *ud)
{
    bool was = s->interrupted;
    s->interrupted = false;
    s->interrupt_check = check;
    s->interrupt_ud = ud;
    store_progress_restore(s);
    return was;
}

/* See lib.h. */
void
store_progress_restore(struct store *s)
{
    int ops = s->interrupt_ops > 0 ? s->interrupt_ops : 200000;
    bool on = s->interrupt_check != NULL;
    sqlite3_progress_handler(s->db, on ? ops : 0, on ? store_progress : NULL, s);
}

/* ---- transactions ---------------------------------------------------------------- */

/* One full-text entry: a single-row insert of its own (see migration 4). */
int
store_fts_insert(struct store *s, int64_t id, const char *title, const char *body,
                 struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FTS_INSERT, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    store_bind_text(st, 2, title);
    store_bind_text(st, 3, body);
    if (store_step_done(s, st, "indexing a document's text", err) != 0)
        return -1;
    return store_lengths_note(s, id, err);
}

static void
store_fts_pending_clear(struct store *s)
{
    for (size_t i = 0; i < s->nfts_pending; i++) {
        free(s->fts_pending[i].title);
        free(s->fts_pending[i].body);
    }
    s->nfts_pending = 0;
}

int
store_begin(struct store *s, struct ds_error *err)
{
    store_holes_drop(s); /* read again in this transaction when needed */
    return store_exec(s, s->readonly ? "BEGIN" : "BEGIN IMMEDIATE", "starting a transaction",
                      err);
}

int
store_commit(struct store *s, struct ds_error *err)
{
    int rc = store_chunk_flush(s, err); /* the rows' references point into it */
    if (rc == 0)
        rc = store_holes_flush(s, err);
    if (rc == 0)
        rc = store_fts_gone_flush(s, err);
    for (size_t i = 0; i < s->nfts_pending && rc == 0; i++) {
        struct store_fts_entry *e = &s->fts_pending[i];
        rc = store_fts_insert(s, e->id, e->title, e->body, err);
    }
    store_fts_pending_clear(s);
    if (rc == 0)
        rc = store_lengths_flush(s, err);
    if (rc == 0)
        rc = store_lf_flush(s, err);
    if (rc != 0) {
        store_rollback(s);
        return rc;
    }
    store_holes_drop(s);
    return store_exec(s, "COMMIT", "saving changes", err);
}

int
store_bulk_mode(struct store *s, struct ds_error *err)
{
    char sql[64];
    /* negative: KiB rather than pages */
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -STORE_BULK_CACHE_MB * 1024);
    return store_exec(s, sql, "opening the index", err);
}

/* See store.h. */
int
store_bulk_mode_end(struct store *s, struct ds_error *err)
{
    if (store_exec(s, "PRAGMA cache_size = -2000", "opening the index", err) != 0)
        return -1;
    sqlite3_db_release_memory(s->db);
    return 0;
}

void
store_rollback(struct store *s)
{
    store_fts_pending_clear(s);
    store_fts_gone_clear(s);
    store_chunk_discard(s);
    store_holes_drop(s);
    store_lengths_discard(s);
    store_lf_clear(s);
    /* ids of entities inserted by this transaction are no longer valid */
    store_ent_cache_free(s);
    store_topic_ids_free(s);
    store_fig_words_free(s);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

bool
store_in_transaction(struct store *s)
{
    return !sqlite3_get_autocommit(s->db);
}

int
store_read_begin(struct store *s, struct ds_error *err)
{
    if (store_in_transaction(s))
        return 0;
    if (store_exec(s, "BEGIN", "starting a read", err) != 0)
        return -1;
    return 1;
}

void
store_read_end(struct store *s, int begun)
{
    if (begun > 0 && store_in_transaction(s))
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

/* See store.h. */
void
store_release_memory(struct store *s)
{
    store_chunk_cache_free(s);
    sqlite3_db_release_memory(s->db);
}

/* See store.h. */
int64_t
store_memory_used(void)
{
    return sqlite3_memory_used();
}
