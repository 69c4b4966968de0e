/*
 * store.c — opening the index (schema, migrations, refusal of foreign
 * files), transactions and SQLite error mapping. The indexer's side of the
 * store is in docs.c (files and documents) and meta.c (metadata, skipped
 * files, line frequencies, tags, totals, the shared tokenizer); searching
 * in search.c, extractions in extractions.c.
 *
 * The schema version is PRAGMA user_version; migrations[i] takes a database
 * from version i to i+1 inside one transaction. PRAGMA application_id marks
 * the file as ours ('DOSS'), so a SQLite file of another program is refused
 * instead of being altered.
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
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "lib.h"

static void store_fts_pending_clear(struct store *s);

/* ---- schema ------------------------------------------------------------------ */

static const char *const migrations[STORE_SCHEMA_VERSION] = {
    /* 0 -> 1 */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, title TEXT,"
    " subtitle TEXT, section TEXT, source TEXT, published TEXT, date_how TEXT, byline TEXT,"
    " lang TEXT, encoding TEXT, words INTEGER, lead TEXT, body TEXT NOT NULL, raw TEXT NOT NULL,"
    " removed TEXT, indexed_at INTEGER);"
    "CREATE INDEX documents_hash ON documents(hash);"
    "CREATE INDEX documents_published ON documents(published, id);"
    "CREATE INDEX documents_source ON documents(source);"
    "CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
    " doc_id INTEGER REFERENCES documents(id) ON DELETE CASCADE);"
    "CREATE INDEX files_doc ON files(doc_id);"
    "CREATE TABLE skipped(path TEXT PRIMARY KEY, reason TEXT);"
    "CREATE TABLE line_freq(hash INTEGER PRIMARY KEY, docs INTEGER NOT NULL);"
    "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='documents',"
    " content_rowid='id', tokenize='dossier');"
    "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
    " INSERT INTO docs_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
    "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN"
    " INSERT INTO docs_fts(docs_fts, rowid, title, body)"
    " VALUES ('delete', old.id, old.title, old.body); END;"
    "CREATE TRIGGER documents_au AFTER UPDATE OF title, body ON documents BEGIN"
    " INSERT INTO docs_fts(docs_fts, rowid, title, body)"
    " VALUES ('delete', old.id, old.title, old.body);"
    " INSERT INTO docs_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
    " alt TEXT, UNIQUE(kind, name));"
    "CREATE TABLE mentions(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
    " count INTEGER NOT NULL, spans TEXT, PRIMARY KEY(doc_id, entity_id)) WITHOUT ROWID;"
    "CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);"
    "CREATE TABLE figures(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " \"start\" INTEGER, \"end\" INTEGER, sent_start INTEGER, sent_end INTEGER, text TEXT,"
    " value REAL, unit TEXT, scale TEXT, kind TEXT, direction TEXT, period TEXT, subject TEXT);"
    "CREATE INDEX figures_doc ON figures(doc_id);"
    "CREATE INDEX figures_value ON figures(value);"
    "CREATE TABLE topics(slug TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;"
    "CREATE TABLE doc_topics(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " slug TEXT NOT NULL, score REAL, spans TEXT, PRIMARY KEY(doc_id, slug)) WITHOUT ROWID;"
    "CREATE INDEX doc_topics_slug ON doc_topics(slug, doc_id);"
    "CREATE TABLE tags(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " tag TEXT NOT NULL, PRIMARY KEY(doc_id, tag)) WITHOUT ROWID;"
    "CREATE INDEX tags_tag ON tags(tag, doc_id);"
    "CREATE TABLE notes(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " note TEXT NOT NULL, at INTEGER);"
    "CREATE INDEX notes_doc ON notes(doc_id);"
    "CREATE TABLE saved_searches(name TEXT PRIMARY KEY, query TEXT NOT NULL) WITHOUT ROWID;",
    /* 1 -> 2: a figure's range end and approximation word */
    "ALTER TABLE figures ADD COLUMN value_hi REAL;"
    "ALTER TABLE figures ADD COLUMN approx TEXT;",
    /* 2 -> 3: store_stats() sums words from an index, not the big rows
     * (1M documents: 250 ms -> ~20 ms) */
    "CREATE INDEX documents_words ON documents(words);",
    /* 3 -> 4: documents enter the full-text index by an explicit insert,
     * not a trigger. A trigger makes the document insert a multi-write
     * statement with a statement journal, and FTS5 flushes its pending
     * terms to a new segment at every such savepoint: one tiny segment per
     * document, merged again and again (about half of all indexing time). */
    "DROP TRIGGER IF EXISTS documents_ai;",
    /* 4 -> 5: every document's token count, 4,096 to a row, so ranking
     * reads a few blobs instead of one docsize lookup per hit (store/rank.c;
     * 4096 is STORE_LEN_CHUNK, written out because a migration never changes) */
    "CREATE TABLE doc_lengths(chunk INTEGER PRIMARY KEY, lens BLOB NOT NULL);"
    "INSERT INTO doc_lengths(chunk, lens) SELECT id / 4096, ds_length_chunk(id, sz)"
    " FROM docs_fts_docsize WHERE id >= 0 GROUP BY 1;",
    /* 5 -> 6: the statistics view's derived tables (store/stats_derived.c), kept
     * current by each index run instead of built by each reader (~1 s at
     * 100k documents); a deleted document's text and entities are kept
     * until the run subtracts them. Marked stale below: the next index run's
     * corpus_refresh() fills them, readers use the index's own tables until then. */
    "CREATE TABLE IF NOT EXISTS corpus_doc(id INTEGER PRIMARY KEY, day TEXT, source TEXT);"
    "CREATE TABLE IF NOT EXISTS corpus_dt(doc_id INTEGER NOT NULL, slug TEXT NOT NULL,"
    " day TEXT, PRIMARY KEY(doc_id, slug)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_day(day TEXT PRIMARY KEY, n INTEGER NOT NULL)"
    " WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_topic_day(slug TEXT NOT NULL, day TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(slug, day)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_ent(entity_id INTEGER PRIMARY KEY, kind TEXT,"
    " docs INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS corpus_ent_docs ON corpus_ent(docs DESC, entity_id);"
    "CREATE INDEX IF NOT EXISTS corpus_ent_kind ON corpus_ent(kind, docs DESC, entity_id);"
    "CREATE TABLE IF NOT EXISTS corpus_pair(a INTEGER NOT NULL, b INTEGER NOT NULL,"
    " docs INTEGER NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_vocab(term TEXT PRIMARY KEY, cnt INTEGER NOT NULL)"
    " WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_fig(doc_id INTEGER NOT NULL, id INTEGER NOT NULL,"
    " key TEXT NOT NULL, PRIMARY KEY(doc_id, id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS corpus_fig_key ON corpus_fig(key);"
    "CREATE TABLE IF NOT EXISTS corpus_figkey(key TEXT PRIMARY KEY, n INTEGER NOT NULL)"
    " WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS corpus_figkey_n ON corpus_figkey(n DESC, key);"
    "CREATE TABLE IF NOT EXISTS corpus_gone(id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
    "CREATE TABLE IF NOT EXISTS corpus_gone_ent(doc_id INTEGER NOT NULL,"
    " entity_id INTEGER NOT NULL);"
    "CREATE TRIGGER IF NOT EXISTS corpus_documents_bd BEFORE DELETE ON documents"
    " WHEN EXISTS (SELECT 1 FROM corpus_doc WHERE id = old.id)"
    " AND NOT EXISTS (SELECT 1 FROM corpus_gone WHERE id = old.id) BEGIN"
    " INSERT INTO corpus_gone_ent SELECT old.id, entity_id FROM mentions WHERE doc_id = old.id;"
    " INSERT INTO corpus_gone(id, title, body) VALUES (old.id, old.title, old.body); END;",
    /* 6 -> 7: bulk loading. FTS5 keeps up to 64 MB of pending terms (default 1 MB)
     * before writing a segment, so an index batch of 4,000 documents
     * (~12 MB of text) becomes one level-0 segment at COMMIT instead of
     * a dozen that are merged again at once (20k documents: user CPU
     * 9.0 -> 8.2 s). The memory is only used while a batch is pending. */
    "INSERT INTO docs_fts(docs_fts, rank) VALUES ('hashsize', 67108864);"
    /* ... and the raw text is kept as edits against the body (ds_raw_pack,
     * ingest/rawpack.c): it doubled the stored text (1.0 GB instead of
     * 0.54 GB at 100k documents) and the writes of every index run. A blob
     * in the same column: store_doc_get() still reads text as written
     * before. Lines only, so no compression library, and what cleaning
     * removed stays readable in `removed`. */
    "UPDATE documents SET raw = ds_raw_pack(raw, body) WHERE typeof(raw) = 'text';",
    /* 7 -> 8: one file, many documents (store/items.c). A feed file keeps
     * its row in files (doc_id NULL); each item is (file, key) -> its
     * content hash and document, so a changed feed re-indexes only its
     * changed items. doc_urls: the URL a file states for its document. */
    "CREATE TABLE IF NOT EXISTS items(file TEXT NOT NULL, key TEXT NOT NULL, hash INTEGER NOT NULL,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " PRIMARY KEY(file, key)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS items_doc ON items(doc_id);"
    "CREATE TABLE IF NOT EXISTS doc_urls(doc_id INTEGER PRIMARY KEY REFERENCES documents(id)"
    " ON DELETE CASCADE, url TEXT NOT NULL);",
    /* 8 -> 9: an index run never loses what it cannot see. A file under a
     * folder that could not be read is kept, marked missing, until the user
     * forgets it; and a deleted document's tags are kept by content hash, so
     * the same article indexed again gets them back (store/keep.c). */
    "CREATE TABLE IF NOT EXISTS files_missing(path TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TRIGGER IF NOT EXISTS files_missing_ad AFTER DELETE ON files BEGIN"
    " DELETE FROM files_missing WHERE path = old.path; END;"
    "CREATE TABLE IF NOT EXISTS tags_kept(hash INTEGER NOT NULL, tag TEXT NOT NULL,"
    " PRIMARY KEY(hash, tag)) WITHOUT ROWID;"
    "CREATE TRIGGER IF NOT EXISTS tags_keep BEFORE DELETE ON documents BEGIN"
    " INSERT OR IGNORE INTO tags_kept(hash, tag) SELECT old.hash, tag FROM tags"
    " WHERE doc_id = old.id; END;",
    /* 9 -> 10: the tokenizer folds Traditional Han characters to Simplified
     * (store/tokenizer.c), so the full-text index is rebuilt from the
     * documents with the folded terms; the statistics tables' vocabulary
     * was read from the old terms, so they are marked stale (as ST_STALE). */
    "INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');"
    "DELETE FROM meta WHERE key IN ('corpus_maxid', 'corpus_rules');",
    /* 10 -> 11: following a beat. A feed item is linked to the page behind
     * it by URL (store_items_link_pages looks pages up by the URL they
     * state), and a saved search remembers the highest document id when it
     * was last opened, so what matches above it is new (store/saved.c). */
    "CREATE INDEX IF NOT EXISTS doc_urls_url ON doc_urls(url);"
    "CREATE TABLE IF NOT EXISTS saved_seen(name TEXT PRIMARY KEY"
    " REFERENCES saved_searches(name) ON DELETE CASCADE, seen_id INTEGER NOT NULL)"
    " WITHOUT ROWID;",
    /* 11 -> 12: themes found in the collection (corpus/themes.c, written by
     * `dossier themes`, read by the query field theme:N): each theme's
     * number, label and size, and each document's theme */
    "CREATE TABLE IF NOT EXISTS themes(id INTEGER PRIMARY KEY, label TEXT NOT NULL,"
    " size INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS doc_themes(doc_id INTEGER PRIMARY KEY REFERENCES documents(id)"
    " ON DELETE CASCADE, theme INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS doc_themes_theme ON doc_themes(theme, doc_id);",
    /* 12 -> 13: stories (compare/story.c, store/story.c): the story each
     * document is in, its id that of the article that started it. Every
     * document of an older index is ungrouped until the next index run
     * groups it. Self-contained: no other migration reads this table. */
    "CREATE TABLE IF NOT EXISTS story_docs(doc_id INTEGER PRIMARY KEY"
    " REFERENCES documents(id) ON DELETE CASCADE, story INTEGER NOT NULL, score REAL);"
    "CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story, doc_id);",
    /* 13 -> 14: figures stated twice merged (figure_also, below); why an
     * undated article is undated ('no-date',
     * 'dateline-without-year', 'body-date-only'; no row for a dated one or
     * one indexed before this schema) and the month and day a dateline
     * gives without a year ("02-26"). A table of its own, as doc_urls:
     * only undated documents have a row. */
    "CREATE TABLE IF NOT EXISTS doc_undated(doc_id INTEGER PRIMARY KEY REFERENCES documents(id)"
    " ON DELETE CASCADE, why TEXT NOT NULL, day_month TEXT);"
    /* ... and a figure stated again (same value, unit and subject) is one
     * row: its other mentions' spans ("start-end,...") in figure_also */
    "CREATE TABLE IF NOT EXISTS figure_also(figure_id INTEGER PRIMARY KEY REFERENCES"
    " figures(id) ON DELETE CASCADE, spans TEXT NOT NULL);",
    /* 14 -> 15: a deleted document's full-text entry is deleted at COMMIT
     * with the batch (store/ftswrite.c), not by a trigger that made each
     * deletion a segment of its own. Each writing connection installs a
     * TEMP trigger that remembers the old row instead. */
    "DROP TRIGGER IF EXISTS documents_ad;",
    /* 15 -> 16: nothing to rewrite; the number tells older versions not to
     * read what this one writes: spans as varint BLOBs (store/spans.c; TEXT
     * rows of older indexes still read) and a saved page's raw text
     * deflated (ingest/rawpack.c, V2 packs). */
    "SELECT 1;",
    /* 16 -> 17: a feed item and a page are one page when their URLs have
     * the same normal form (url.h: case, default port, trailing slash,
     * fragment, tracking parameters), kept in a table beside the URL as
     * written, which `show` prints and the browser opens (store/items.c;
     * a table, not a column: every step stays safe to run twice) */
    "CREATE TABLE IF NOT EXISTS doc_url_keys(doc_id INTEGER PRIMARY KEY REFERENCES"
    " documents(id) ON DELETE CASCADE, key TEXT NOT NULL);"
    "INSERT OR REPLACE INTO doc_url_keys(doc_id, key) SELECT doc_id, ds_url_key(url) FROM doc_urls;"
    "CREATE INDEX IF NOT EXISTS doc_url_keys_key ON doc_url_keys(key);",
    /* 17 -> 18: themes fitted at the end of each index run (corpus/themes.c):
     * the fit (k, seed, documents then), its terms with their idf and each
     * theme's centroid, so a later run assigns new documents without a refit.
     * Themes saved before had no centroids: dropped, fitted again. */
    "CREATE TABLE IF NOT EXISTS theme_fit(id INTEGER PRIMARY KEY CHECK (id = 1),"
    " k INTEGER NOT NULL, seed INTEGER NOT NULL, docs INTEGER NOT NULL,"
    " sample INTEGER NOT NULL, fitted INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS theme_vocab(idx INTEGER PRIMARY KEY, term TEXT NOT NULL,"
    " idf REAL NOT NULL);"
    "CREATE TABLE IF NOT EXISTS theme_centroids(theme INTEGER PRIMARY KEY, vec BLOB NOT NULL);"
    "DELETE FROM doc_themes; DELETE FROM themes;",
    /* 18 -> 19: the file's own description of an article (a page's
     * description meta tags or JSON-LD, a feed item's summary, front
     * matter's description), article.summary. A table, not a column, as
     * doc_urls: only documents that state one have a row, and the step is
     * safe to run twice. Documents indexed before have none until their
     * file is read again. */
    "CREATE TABLE IF NOT EXISTS doc_summaries(doc_id INTEGER PRIMARY KEY REFERENCES"
    " documents(id) ON DELETE CASCADE, summary TEXT NOT NULL);",
};

/* Fixed statements, prepared on first use (indexed by enum store_stmt_id). */
static const char *const stmt_sql[SQ__COUNT] = {
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
    [SQ_DOC_TEXT] = "SELECT title, body FROM documents WHERE id = ?1",
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
    [SQ_FIG_DEL] = "DELETE FROM figures WHERE doc_id = ?1",
    [SQ_FIG_INS] = "INSERT INTO figures(doc_id, \"start\", \"end\", sent_start, sent_end, text,"
                   " value, unit, scale, kind, direction, period, subject, value_hi, approx)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [SQ_FIG_ALSO_INS] = "INSERT INTO figure_also(figure_id, spans) VALUES (?1, ?2)",
    [SQ_MENT_DEL] = "DELETE FROM mentions WHERE doc_id = ?1",
    [SQ_MENT_INS] = "INSERT INTO mentions(doc_id, entity_id, count, spans) VALUES (?1, ?2, ?3, ?4)"
                    " ON CONFLICT(doc_id, entity_id) DO UPDATE SET count = count + excluded.count,"
                    " spans = ds_spans_cat(spans, excluded.spans)",
    [SQ_ENT_UPSERT] = "INSERT INTO entities(kind, name, alt) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT(kind, name) DO UPDATE SET alt = coalesce(excluded.alt, alt)"
                      " RETURNING id, alt",
    [SQ_DT_DEL] = "DELETE FROM doc_topics WHERE doc_id = ?1",
    [SQ_DT_INS] = "INSERT OR REPLACE INTO doc_topics(doc_id, slug, score, spans)"
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
 * rewrites header bytes 18-19, which a file we refuse must never see. */
static int
store_configure(struct store *s, struct ds_error *err)
{
    if (store_exec(s, "PRAGMA foreign_keys = ON", "opening the index", err) != 0)
        return -1;
    if (!s->readonly) {
        if (store_exec(s, "PRAGMA journal_mode = WAL", "opening the index", err) != 0)
            return -1;
        if (store_exec(s, "PRAGMA synchronous = NORMAL", "opening the index", err) != 0)
            return -1;
    }
    return 0;
}

/* A schema number no dossier will reach: the header is damaged. */
#define STORE_SCHEMA_PLAUSIBLE 1000

/* Check, reading only, that the file is ours (or new and empty) and its
 * schema number one this program can open; *version gets it. Nothing is
 * written before this says yes. */
static int
store_identify(struct store *s, int64_t *version, struct ds_error *err)
{
    int64_t app_id, ntables;

    if (store_pragma_int(s, "PRAGMA application_id", &app_id, err) != 0)
        return -1;
    if (store_pragma_int(s, "PRAGMA user_version", version, err) != 0)
        return -1;
    if (store_pragma_int(s, "SELECT count(*) FROM sqlite_schema", &ntables, err) != 0)
        return -1;
    if (app_id != STORE_APPLICATION_ID && (app_id != 0 || ntables > 0 || *version != 0)) {
        ds_error_set(err, -1,
                     "%s is an SQLite database of another program, not a dossier index; "
                     "give dossier its own file (--db)",
                     s->path);
        return -1;
    }
    if (*version < 0 || *version > STORE_SCHEMA_PLAUSIBLE ||
        (*version == 0 && ntables > 0)) {
        ds_error_set(err, -1, "%s is not a dossier index or is damaged (schema number %lld)",
                     s->path, (long long)*version);
        return -1;
    }
    if (*version > STORE_SCHEMA_VERSION) {
        ds_error_set(err, -1,
                     "%s was written by a newer dossier (schema %lld, this one knows %d); "
                     "upgrade dossier",
                     s->path, (long long)*version, STORE_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* Bring the schema from version (checked by store_identify) up to date. */
static int
store_migrate(struct store *s, int64_t version, struct ds_error *err)
{
    if (version == STORE_SCHEMA_VERSION)
        return 0;
    if (s->readonly) {
        /* store_open() retries with a writable connection to upgrade */
        ds_error_set(err, -1, "%s needs upgrading (schema %lld to %d) and is read-only here",
                     s->path, (long long)version, STORE_SCHEMA_VERSION);
        s->needs_upgrade = true;
        return -1;
    }
    if (store_exec(s, "BEGIN IMMEDIATE", "upgrading the index", err) != 0)
        return -1;
    for (int64_t v = version; v >= 0 && v < STORE_SCHEMA_VERSION; v++) {
        if (store_exec(s, migrations[v], "upgrading the index", err) != 0)
            goto fail;
    }
    if (version < STORE_SCHEMA_CORPUS && stats_tables_stale(s, err) != 0)
        goto fail;
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
    if (store_exec(s, sql, "upgrading the index", err) != 0)
        goto fail;
    if (store_exec(s, "COMMIT", "upgrading the index", err) != 0)
        goto fail;
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
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
 * ds_fold() and ds_raw_pack(). 0, or -1 with err. */
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
        rc = sqlite3_create_function_v2(s->db, "ds_raw_pack", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, store_sql_raw_pack, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_spans_register(s);
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
    if (store_identify(s, &version, err) != 0 || store_configure(s, err) != 0 ||
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
    return store_exec(s, s->readonly ? "BEGIN" : "BEGIN IMMEDIATE", "starting a transaction",
                      err);
}

int
store_commit(struct store *s, struct ds_error *err)
{
    int rc = store_fts_gone_flush(s, err);
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
    store_lengths_discard(s);
    store_lf_clear(s);
    /* ids of entities inserted by this transaction are no longer valid */
    store_ent_cache_free(s);
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
    sqlite3_db_release_memory(s->db);
}

/* See store.h. */
int64_t
store_memory_used(void)
{
    return sqlite3_memory_used();
}
