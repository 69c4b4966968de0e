/*
 * schema.c — the index's schema: the migrations that build it and bring an
 * older file up to date, and the check that a file is ours before anything
 * is written to it.
 *
 * The schema version is PRAGMA user_version; migrations[i] takes a database
 * from version i to i+1 inside one transaction. PRAGMA application_id marks
 * the file as ours ('DOSS'), so a SQLite file of another program is refused
 * instead of being altered. Every step is safe to run twice.
 */
#include "config.h"

#include <stdio.h>

#include "dossier/store_stats.h"
#include "lib.h"
#include "stats.h"

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
    /* 19 -> 20: the body deflated (store/zbody.c; 13.7 -> 6-7 MB of a 45 MB
     * index in issue 16), the removed lines and the raw pack in the same
     * stream when the pack is not deflated already (the removed lines are
     * its literals, stored once). documents.body holds a BLOB that ds_body()
     * inflates; the full-text index reads its content through the view
     * docs_text instead of the table. FTS5 keeps its content table's name
     * in the CREATE statement only, so a table of the new shape takes the
     * index's rows as they are (no rebuild: a copy of the pages) and then
     * the old one's name. The update trigger (no statement updates title
     * or body; kept for any that will) reads the text through ds_body(). */
    "DROP TRIGGER IF EXISTS documents_au;"
    "UPDATE documents SET body = ds_body_pack(body, removed, raw) WHERE typeof(body) = 'text';"
    "UPDATE documents SET removed = NULL, raw = X'' WHERE typeof(body) = 'blob'"
    " AND substr(body, 1, 1) = X'02';"
    "CREATE VIEW IF NOT EXISTS docs_text(id, title, body) AS"
    " SELECT id, title, ds_body(body) FROM documents;"
    "DROP TABLE IF EXISTS docs_fts_z;"
    "CREATE VIRTUAL TABLE docs_fts_z USING fts5(title, body, content='docs_text',"
    " content_rowid='id', tokenize='dossier');"
    "DELETE FROM docs_fts_z_data; DELETE FROM docs_fts_z_idx;"
    "DELETE FROM docs_fts_z_docsize; DELETE FROM docs_fts_z_config;"
    "INSERT INTO docs_fts_z_data SELECT * FROM docs_fts_data;"
    "INSERT INTO docs_fts_z_idx SELECT * FROM docs_fts_idx;"
    "INSERT INTO docs_fts_z_docsize SELECT * FROM docs_fts_docsize;"
    "INSERT INTO docs_fts_z_config SELECT * FROM docs_fts_config;"
    "DROP TABLE docs_fts;"
    "ALTER TABLE docs_fts_z RENAME TO docs_fts;"
    "CREATE TRIGGER documents_au AFTER UPDATE OF title, body ON documents BEGIN"
    " INSERT INTO docs_fts(docs_fts, rowid, title, body)"
    " VALUES ('delete', old.id, old.title, ds_body(old.body));"
    " INSERT INTO docs_fts(rowid, title, body) VALUES (new.id, new.title, ds_body(new.body));"
    " END;",
    /* 20 -> 21: themes read Chinese and Japanese as words, not the index's
     * bigrams (a fit's vocabulary of bigrams took 350 MB on 5,000 Chinese
     * articles, and its labels were fragments). A stored fit's terms are
     * the old tokens: dropped, so the next index run fits again. */
    "DELETE FROM theme_centroids; DELETE FROM theme_vocab; DELETE FROM theme_fit;"
    "DELETE FROM doc_themes; DELETE FROM themes;",
    /* 21 -> 22: a smaller index (issue 16: the database <= 2x the text).
     * corpus_dt was doc_topics again with each document's day (2.6 of 128
     * MB at 10k generated documents); the statistics join doc_topics with
     * corpus_doc instead, and the delete trigger keeps a deleted document's
     * topics in corpus_gone_dt, as its entities in corpus_gone_ent, until a
     * refresh subtracts them. The topics of documents deleted but not yet
     * subtracted move there before the table goes (the empty table made
     * first keeps the step safe to run twice). */
    "CREATE TABLE IF NOT EXISTS corpus_gone_dt(doc_id INTEGER NOT NULL, slug TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS corpus_dt(doc_id INTEGER NOT NULL, slug TEXT NOT NULL,"
    " day TEXT, PRIMARY KEY(doc_id, slug)) WITHOUT ROWID;"
    "INSERT INTO corpus_gone_dt SELECT dt.doc_id, dt.slug FROM corpus_dt dt"
    " WHERE dt.doc_id IN (SELECT id FROM corpus_gone)"
    " AND dt.doc_id NOT IN (SELECT doc_id FROM corpus_gone_dt);"
    "DROP TABLE IF EXISTS corpus_dt;"
    "DROP TRIGGER IF EXISTS corpus_documents_bd;"
    "CREATE TRIGGER corpus_documents_bd BEFORE DELETE ON documents"
    " WHEN EXISTS (SELECT 1 FROM corpus_doc WHERE id = old.id)"
    " AND NOT EXISTS (SELECT 1 FROM corpus_gone WHERE id = old.id) BEGIN"
    " INSERT INTO corpus_gone_ent SELECT old.id, entity_id FROM mentions WHERE doc_id = old.id;"
    " INSERT INTO corpus_gone_dt SELECT old.id, slug FROM doc_topics WHERE doc_id = old.id;"
    " INSERT INTO corpus_gone(id, title, body) VALUES (old.id, old.title, old.body); END;"
    /* ... and the derived vocabulary leaves out the terms found once (most
     * of a Chinese index's bigrams: 459k of 795k rows, 11.3 MB, at 5k
     * generated Chinese documents); a lookup without a row asks the
     * full-text index, whose doclist for such a term is short. */
    "DELETE FROM corpus_vocab WHERE cnt <= 1;",
    /* 22 -> 23: deflated bodies packed into chunks of ~256 kB
     * (store/bodychunk.c; issue 16: rows of 1-4 kB left 7.4 of 125 MB of
     * page slack at 10k generated documents). documents.body keeps a
     * reference (chunk, offset, length for each slice) that ds_body()
     * follows. A deleted document's slices become holes in body_holes
     * (ds_body_free, store/bodyholes.c), which later bodies fill, and
     * corpus_gone keeps its bytes, not the reference. An older index's
     * documents are copied into a table of the same shape, their bodies
     * into chunks in id order, and the new table takes the old one's name
     * (SQLite's way to rebuild a table: rows shrunk in place would leave
     * their pages as empty as they were; store_migrate turns foreign keys
     * off, so the old table's drop deletes nothing else). Its indexes,
     * triggers and the view the full-text index reads go and come back
     * with it; the update trigger does not come back: a chunk's rewrite
     * points rows elsewhere, the text stays, and no statement changes a
     * document's text in place (a changed file is a new document). The
     * lead is kept only for a document without a title, the one the list
     * shows it for; store_doc_get() makes the others from the body. */
    "DROP TRIGGER IF EXISTS documents_au;"
    "CREATE TABLE IF NOT EXISTS body_chunks(id INTEGER PRIMARY KEY, size INTEGER NOT NULL,"
    " data BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS body_holes(chunk INTEGER NOT NULL, off INTEGER NOT NULL,"
    " len INTEGER NOT NULL, PRIMARY KEY(chunk, off)) WITHOUT ROWID;"
    "DROP VIEW IF EXISTS docs_text;"
    "DROP TABLE IF EXISTS documents_new;"
    "CREATE TABLE documents_new(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, title TEXT,"
    " subtitle TEXT, section TEXT, source TEXT, published TEXT, date_how TEXT, byline TEXT,"
    " lang TEXT, encoding TEXT, words INTEGER, lead TEXT, body TEXT NOT NULL, raw TEXT NOT NULL,"
    " removed TEXT, indexed_at INTEGER);"
    "INSERT INTO documents_new SELECT id, hash, title, subtitle, section, source, published,"
    " date_how, byline, lang, encoding, words, CASE WHEN title IS NULL THEN lead END,"
    " ds_body_chunked(body), raw, removed, indexed_at FROM documents ORDER BY id;"
    "DROP TABLE documents;"
    "ALTER TABLE documents_new RENAME TO documents;"
    "CREATE INDEX documents_hash ON documents(hash);"
    "CREATE INDEX documents_published ON documents(published, id);"
    "CREATE INDEX documents_source ON documents(source);"
    "CREATE INDEX documents_words ON documents(words);"
    "CREATE VIEW docs_text(id, title, body) AS SELECT id, title, ds_body(body) FROM documents;"
    "CREATE TRIGGER tags_keep BEFORE DELETE ON documents BEGIN"
    " INSERT OR IGNORE INTO tags_kept(hash, tag) SELECT old.hash, tag FROM tags"
    " WHERE doc_id = old.id; END;"
    "CREATE TRIGGER body_chunks_ad AFTER DELETE ON documents"
    " WHEN typeof(old.body) = 'blob' BEGIN SELECT ds_body_free(old.body); END;"
    "CREATE TRIGGER corpus_documents_bd BEFORE DELETE ON documents"
    " WHEN EXISTS (SELECT 1 FROM corpus_doc WHERE id = old.id)"
    " AND NOT EXISTS (SELECT 1 FROM corpus_gone WHERE id = old.id) BEGIN"
    " INSERT INTO corpus_gone_ent SELECT old.id, entity_id FROM mentions WHERE doc_id = old.id;"
    " INSERT INTO corpus_gone_dt SELECT old.id, slug FROM doc_topics WHERE doc_id = old.id;"
    " INSERT INTO corpus_gone(id, title, body) VALUES (old.id, old.title, ds_body_own(old.body));"
    " END;",
    /* 23 -> 24: a document's topics by topic number, not slug (issue 16:
     * doc_topics and its slug index kept each row's 17-byte slug twice,
     * 8.6 of 117 MB at 10k generated documents). topic_ids numbers every
     * slug once; doc_topic_rows is doc_topics with the number, its index
     * (topic, doc_id) what topic: filters and the statistics read. The
     * view doc_topics (topic_rows_view, below) gives readers the rows as
     * before, slug and all, and the delete trigger still reads it; the
     * writer inserts into doc_topic_rows itself (store/extractions.c). The
     * rows move by store_migrate_topic_rows() after this step, only while
     * doc_topics is still a table (every step stays safe to run twice). */
    "CREATE TABLE IF NOT EXISTS topic_ids(id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE);"
    "CREATE TABLE IF NOT EXISTS doc_topic_rows(doc_id INTEGER NOT NULL REFERENCES documents(id)"
    " ON DELETE CASCADE, topic INTEGER NOT NULL, score REAL, spans BLOB,"
    " PRIMARY KEY(doc_id, topic)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS doc_topic_rows_topic ON doc_topic_rows(topic, doc_id);"
    /* ... and the statistics' two indexes by count keep only what is
     * counted more than once (most subject keys are one figure's, most
     * entities in one document): the readers take the rest in key or id
     * order from the table (stats_sql.c; -2.5 MB at 10k generated
     * documents). A figure's value_hi is written only when it differs from
     * value (figure_row reads it back from value); rows written before
     * keep theirs. */
    "DROP INDEX IF EXISTS corpus_figkey_n;"
    "CREATE INDEX corpus_figkey_n ON corpus_figkey(n DESC, key) WHERE n > 1;"
    "DROP INDEX IF EXISTS corpus_ent_docs;"
    "CREATE INDEX corpus_ent_docs ON corpus_ent(docs DESC, entity_id) WHERE docs > 1;",
    /* 24 -> 25: figure subject keys by number (issue 16: corpus_fig and its
     * key index kept each figure's key twice, ~19 bytes each, 4.3 of 112
     * MB at 10k generated documents). corpus_figkey(id, key, n) keeps each
     * key once, its number a hash of it (stats_fig_key_id: no index from
     * text to number); corpus_fig keeps (doc_id, id, key_id) and its index
     * (key_id). The keys are numbered in C by store_migrate_fig_keys()
     * after this step, only while corpus_fig still has its key column
     * (every step stays safe to run twice).
     * ... and the index of entities by kind keeps only those in more than
     * one document, as corpus_ent_docs since 24 (1.7 MB at 10k): the
     * readers take those in one in id order from the table; and the
     * timeline of topics keeps a topic by its number in topic_ids, not its
     * slug (store_migrate_fig_keys moves its rows too; 0.5 MB at 10k). */
    "DROP INDEX IF EXISTS corpus_ent_kind;"
    "CREATE INDEX corpus_ent_kind ON corpus_ent(kind, docs DESC, entity_id) WHERE docs > 1;",
    /* 25 -> 26: figures in figure_rows (issue 16: the figures table was the
     * largest written after the full-text index and the bodies, 6.2 MB and
     * 2.2 MB of indexes at 10k generated documents). A figure's unit,
     * scale, kind, direction and approximation are numbers in
     * fig_words, which keeps each word once (a few hundred in a
     * collection; the period stays text: it is a phrase, "from January to
     * November", and most figures have none); its end and its sentence's ends are distances from its
     * start (a byte or two each instead of two or three). The view
     * figures (figure_rows_view, below) gives readers the rows as before;
     * the writer inserts into figure_rows itself (store/extractions.c).
     * The rows move by store_migrate_figure_rows() after this step, only
     * while figures is still a table (every step stays safe to run twice). */
    "CREATE TABLE IF NOT EXISTS fig_words(id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);"
    "CREATE TABLE IF NOT EXISTS figure_rows(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " \"start\" INTEGER, len INTEGER, back INTEGER, ahead INTEGER, text TEXT, value REAL,"
    " unit INTEGER, scale INTEGER, kind INTEGER, direction INTEGER, period TEXT,"
    " subject TEXT, value_hi REAL, approx INTEGER);"
    "CREATE INDEX IF NOT EXISTS figure_rows_doc ON figure_rows(doc_id);"
    "CREATE INDEX IF NOT EXISTS figure_rows_value ON figure_rows(value);",
    /* 26 -> 27: a figure's subject key number in figure_rows.key_id
     * (issue 16: corpus_fig kept (doc_id, id, key_id) again for every
     * figure, 1.37 MB and its key index 1.21 MB at 10k generated
     * documents). The column, its partial index (figure_rows_key, the
     * figures of a key) and the trigger that counts a deleted figure out
     * of its key (figure_rows_gone) come with store_migrate_fig_key_col()
     * after this step, which copies the numbers and drops corpus_fig
     * (every step stays safe to run twice).
     * ... and entities are found by h, a 23-bit hash of kind and name
     * (entities_h on (kind, h): the kind first, so that person:, org:
     * and country: read the entities of their kind from it as they did
     * from the old index), instead of their UNIQUE(kind, name) index,
     * which kept every name again (2.6 MB at 10k); the writer keeps
     * (kind, name) unique, as it looked
     * an entity up before it wrote one already. The table is made again
     * by store_migrate_entity_hash() (a constraint cannot be dropped),
     * with foreign keys off so that dropping the old one deletes no
     * mention. */
    "DROP INDEX IF EXISTS corpus_fig_key;",
    /* 27 -> 28: an entity's kind as a number (STORE_ENT_*: person 1, org
     * 2, country 3, place 4, agreement 5), not a word, in entities, in
     * entities_h(kind, h) and in corpus_ent (issue 16: 0.9 MB of 104.8 at
     * 10k generated documents, where nine rows in ten are people). A
     * column's type cannot change: both tables are made again by
     * store_migrate_entity_kinds() after this step, entities with foreign
     * keys off (as 27) and its ids kept, so mentions and every order by
     * id stay; the readers compare the number, which keeps the lookup by
     * kind in entities_h and corpus_ent_kind, and give back the word. */
    "",
};

/* Migration 28's kinds as numbers, while entities keeps them as text
 * (the words are the only ones any dossier wrote; h stays: it is the
 * hash of the kind's word and name). In the upgrade's transaction: a
 * killed upgrade leaves the file at 27. */
#define ENT_KIND_NUMBER(COL)                                                                       \
    "CASE " COL " WHEN 'person' THEN " STORE_ENT_PERSON " WHEN 'org' THEN " STORE_ENT_ORG         \
    " WHEN 'country' THEN " STORE_ENT_COUNTRY " WHEN 'place' THEN " STORE_ENT_PLACE              \
    " WHEN 'agreement' THEN " STORE_ENT_AGREEMENT " ELSE 0 END"
static const char entity_kind_move[] =
    "DROP TABLE IF EXISTS entities_new;"
    "CREATE TABLE entities_new(id INTEGER PRIMARY KEY, kind INTEGER NOT NULL,"
    " name TEXT NOT NULL, alt TEXT, h INTEGER NOT NULL);"
    "INSERT INTO entities_new SELECT id, " ENT_KIND_NUMBER("kind") ", name, alt, h"
    " FROM entities ORDER BY id;"
    "DROP TABLE entities;"
    "ALTER TABLE entities_new RENAME TO entities;"
    "CREATE INDEX entities_h ON entities(kind, h);";
static const char corpus_ent_kind_move[] =
    "DROP TABLE IF EXISTS corpus_ent_new;"
    "CREATE TABLE corpus_ent_new(entity_id INTEGER PRIMARY KEY, kind INTEGER,"
    " docs INTEGER NOT NULL);"
    "INSERT INTO corpus_ent_new SELECT entity_id, " ENT_KIND_NUMBER("kind") ", docs"
    " FROM corpus_ent ORDER BY entity_id;"
    "DROP TABLE corpus_ent;"
    "ALTER TABLE corpus_ent_new RENAME TO corpus_ent;"
    "CREATE INDEX corpus_ent_docs ON corpus_ent(docs DESC, entity_id) WHERE docs > 1;"
    "CREATE INDEX corpus_ent_kind ON corpus_ent(kind, docs DESC, entity_id) WHERE docs > 1;";
#undef ENT_KIND_NUMBER

static const char entity_hash_move[] =
    "DROP TABLE IF EXISTS entities_new;"
    "CREATE TABLE entities_new(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
    " alt TEXT, h INTEGER NOT NULL);"
    "INSERT INTO entities_new SELECT id, kind, name, alt, ds_entity_hash(kind, name)"
    " FROM entities ORDER BY id;"
    "DROP TABLE entities;"
    "ALTER TABLE entities_new RENAME TO entities;"
    "CREATE INDEX entities_h ON entities(kind, h);";

/* Migration 27: the key numbers move from corpus_fig into figure_rows.
 * What documents deleted since the last refresh counted is subtracted
 * first (the refresh did it from corpus_fig; from 27 the trigger does it
 * as a figure goes). In the upgrade's transaction: a killed upgrade
 * leaves the file at 26. */
static const char fig_key_col_copy[] =
    "UPDATE corpus_figkey SET n = n - x.c FROM (SELECT f.key_id AS k, count(*) AS c"
    " FROM corpus_gone g CROSS JOIN corpus_fig f ON f.doc_id = g.id GROUP BY 1) x"
    " WHERE corpus_figkey.id = x.k;"
    "UPDATE figure_rows SET key_id = c.key_id FROM corpus_fig c"
    " WHERE c.doc_id = figure_rows.doc_id AND c.id = figure_rows.id;"
    "DROP TABLE corpus_fig;";
static const char fig_key_col_end[] =
    "CREATE INDEX IF NOT EXISTS figure_rows_key ON figure_rows(key_id) WHERE key_id > 0;"
    "CREATE TRIGGER IF NOT EXISTS figure_rows_gone AFTER DELETE ON figure_rows"
    " WHEN old.key_id > 0 BEGIN"
    " UPDATE corpus_figkey SET n = n - 1 WHERE id = old.key_id; END;";

static int store_has_column(struct store *s, const char *table, const char *column,
                            struct ds_error *err);

static int
store_migrate_fig_key_col(struct store *s, struct ds_error *err)
{
    int has = store_has_column(s, "figure_rows", "key_id", err);
    if (has < 0)
        return -1;
    if (!has && store_exec(s, "ALTER TABLE figure_rows ADD COLUMN key_id INTEGER",
                           "upgrading the index", err) != 0)
        return -1;
    int64_t tables;
    if (store_pragma_int(s,
                         "SELECT count(*) FROM sqlite_schema"
                         " WHERE type = 'table' AND name = 'corpus_fig'",
                         &tables, err) != 0)
        return -1;
    if (tables && store_exec(s, fig_key_col_copy, "upgrading the index", err) != 0)
        return -1;
    /* without corpus_fig no figure has its number: the next refresh
     * rebuilds the statistics */
    if (!tables && !has && stats_tables_stale(s, err) != 0)
        return -1;
    return store_exec(s, fig_key_col_end, "upgrading the index", err);
}

/* Migration 27's entities found by hash, while the table has no h. */
static int
store_migrate_entity_hash(struct store *s, struct ds_error *err)
{
    int has = store_has_column(s, "entities", "h", err);
    if (has < 0)
        return -1;
    return has ? 0 : store_exec(s, entity_hash_move, "upgrading the index", err);
}

/* Migration 28's kinds as numbers, in each table whose kind is still
 * text (corpus_ent is made again by migration 6 when a file older than
 * that is upgraded). */
static int
store_migrate_entity_kinds(struct store *s, struct ds_error *err)
{
    static const char *const tables[] = {"entities", "corpus_ent"};
    static const char *const moves[] = {entity_kind_move, corpus_ent_kind_move};
    for (size_t i = 0; i < DS_ARRAY_LEN(tables); i++) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db,
                                    "SELECT count(*) FROM pragma_table_info(?1)"
                                    " WHERE name = 'kind' AND type = 'TEXT'",
                                    -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        int64_t text = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW)
            return store_fail(s, err, rc, "upgrading the index");
        if (text && store_exec(s, moves[i], "upgrading the index", err) != 0)
            return -1;
    }
    return 0;
}

/* Migration 26's move of the figures into figure_rows, their words
 * numbered, and of figure_also to point at figure_rows (its key must name
 * a table). Foreign keys are on: figure_also moves before figures is
 * dropped, so the drop deletes nothing else. In the upgrade's
 * transaction: a killed upgrade leaves the file at 25. */
static const char figure_rows_move[] =
    "INSERT OR IGNORE INTO fig_words(word) SELECT w FROM (SELECT unit AS w FROM figures"
    " UNION SELECT scale FROM figures UNION SELECT kind FROM figures"
    " UNION SELECT direction FROM figures UNION SELECT approx FROM figures) WHERE w IS NOT NULL ORDER BY w;"
    "INSERT INTO figure_rows(id, doc_id, \"start\", len, back, ahead, text, value, unit, scale,"
    " kind, direction, period, subject, value_hi, approx)"
    " SELECT f.id, f.doc_id, f.\"start\", f.\"end\" - f.\"start\", f.\"start\" - f.sent_start,"
    " f.sent_end - f.\"end\", f.text, f.value,"
    " (SELECT id FROM fig_words WHERE word = f.unit), (SELECT id FROM fig_words WHERE word = f.scale),"
    " (SELECT id FROM fig_words WHERE word = f.kind),"
    " (SELECT id FROM fig_words WHERE word = f.direction),"
    " f.period, f.subject, f.value_hi,"
    " (SELECT id FROM fig_words WHERE word = f.approx) FROM figures f ORDER BY f.id;"
    "DROP TABLE IF EXISTS figure_also_new;"
    "CREATE TABLE figure_also_new(figure_id INTEGER PRIMARY KEY REFERENCES"
    " figure_rows(id) ON DELETE CASCADE, spans TEXT NOT NULL);"
    "INSERT INTO figure_also_new SELECT figure_id, spans FROM figure_also ORDER BY figure_id;"
    "DROP TABLE figure_also;"
    "ALTER TABLE figure_also_new RENAME TO figure_also;"
    "DROP TABLE figures;";
static const char figure_rows_view[] =
    "CREATE VIEW IF NOT EXISTS figures(id, doc_id, \"start\", \"end\", sent_start, sent_end, text,"
    " value, unit, scale, kind, direction, period, subject, value_hi, approx) AS"
    " SELECT f.id, f.doc_id, f.\"start\", f.\"start\" + f.len, f.\"start\" - f.back,"
    " f.\"start\" + f.len + f.ahead, f.text, f.value, u.word, sc.word, k.word, d.word, f.period,"
    " f.subject, f.value_hi, a.word FROM figure_rows f"
    " LEFT JOIN fig_words u ON u.id = f.unit LEFT JOIN fig_words sc ON sc.id = f.scale"
    " LEFT JOIN fig_words k ON k.id = f.kind LEFT JOIN fig_words d ON d.id = f.direction"
    " LEFT JOIN fig_words a ON a.id = f.approx;";

static int
store_migrate_figure_rows(struct store *s, struct ds_error *err)
{
    int64_t tables;
    if (store_pragma_int(s,
                         "SELECT count(*) FROM sqlite_schema"
                         " WHERE type = 'table' AND name = 'figures'",
                         &tables, err) != 0)
        return -1;
    if (tables && store_exec(s, figure_rows_move, "upgrading the index", err) != 0)
        return -1;
    return store_exec(s, figure_rows_view, "upgrading the index", err);
}

/* Migration 24's move of doc_topics' rows into doc_topic_rows, numbered
 * by topic_ids, and the view that takes the table's name. In the upgrade's
 * transaction: a killed upgrade leaves the file at 23. */
static const char topic_rows_move[] =
    "INSERT OR IGNORE INTO topic_ids(slug) SELECT DISTINCT slug FROM doc_topics ORDER BY slug;"
    "INSERT OR REPLACE INTO doc_topic_rows(doc_id, topic, score, spans)"
    " SELECT dt.doc_id, t.id, dt.score, dt.spans FROM doc_topics dt"
    " JOIN topic_ids t ON t.slug = dt.slug ORDER BY 1, 2;"
    "DROP TABLE doc_topics;";
static const char topic_rows_view[] =
    "CREATE VIEW IF NOT EXISTS doc_topics(doc_id, slug, score, spans) AS"
    " SELECT r.doc_id, t.slug, r.score, r.spans FROM doc_topic_rows r"
    " JOIN topic_ids t ON t.id = r.topic;";

static int
store_migrate_topic_rows(struct store *s, struct ds_error *err)
{
    int64_t tables;
    if (store_pragma_int(s,
                         "SELECT count(*) FROM sqlite_schema"
                         " WHERE type = 'table' AND name = 'doc_topics'",
                         &tables, err) != 0)
        return -1;
    if (tables && store_exec(s, topic_rows_move, "upgrading the index", err) != 0)
        return -1;
    return store_exec(s, topic_rows_view, "upgrading the index", err);
}

/* Migration 25's move of the timeline of topics to topic numbers. */
static const char topic_day_move[] =
    "INSERT OR IGNORE INTO topic_ids(slug) SELECT DISTINCT slug FROM corpus_topic_day"
    " ORDER BY slug;"
    "DROP TABLE IF EXISTS corpus_topic_day_new;"
    "CREATE TABLE corpus_topic_day_new(topic INTEGER NOT NULL, day TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(topic, day)) WITHOUT ROWID;"
    "INSERT INTO corpus_topic_day_new SELECT t.id, d.day, d.n FROM corpus_topic_day d"
    " JOIN topic_ids t ON t.slug = d.slug ORDER BY 1, 2;"
    "DROP TABLE corpus_topic_day;"
    "ALTER TABLE corpus_topic_day_new RENAME TO corpus_topic_day;";

/* Whether table has a column of that name: 1, 0, or -1 on error. */
static int
store_has_column(struct store *s, const char *table, const char *column, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "reading the index header");
    return n > 0;
}

/* Migration 25's numbering of the subject keys (stats_fig.c) and of the
 * timeline's topics, each only while its table keeps the text. In the
 * upgrade's transaction: a killed upgrade leaves the file at 24. */
static int
store_migrate_fig_keys(struct store *s, struct ds_error *err)
{
    int keys = store_has_column(s, "corpus_fig", "key", err);
    int slugs = keys < 0 ? -1 : store_has_column(s, "corpus_topic_day", "slug", err);
    if (slugs < 0)
        return -1;
    if (keys && stats_fig_keys_renumber(s, err) != 0)
        return -1;
    return slugs ? store_exec(s, topic_day_move, "upgrading the index", err) : 0;
}

/* A schema number no dossier will reach: the header is damaged. */
#define STORE_SCHEMA_PLAUSIBLE 1000

/* Check, reading only, that the file is ours (or new and empty) and its
 * schema number one this program can open; *version gets it. Nothing is
 * written before this says yes. */
int
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
int
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
    /* migration 23 rebuilds documents, 27 and 28 entities: their drops
     * must not cascade (a pragma that has no effect inside a transaction) */
    bool rebuild = version < STORE_SCHEMA_CHUNKS;
    bool fk_off = version < STORE_SCHEMA_ENT_KINDS;
    if (fk_off && store_exec(s, "PRAGMA foreign_keys = OFF", "upgrading the index", err) != 0)
        return -1;
    if (store_exec(s, "BEGIN IMMEDIATE", "upgrading the index", err) != 0)
        goto fail;
    for (int64_t v = version; v >= 0 && v < STORE_SCHEMA_VERSION; v++) {
        if (store_exec(s, migrations[v], "upgrading the index", err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_TOPIC_IDS && store_migrate_topic_rows(s, err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_FIG_KEY_IDS && store_migrate_fig_keys(s, err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_FIG_ROWS && store_migrate_figure_rows(s, err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_FIG_KEY_COL && store_migrate_fig_key_col(s, err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_ENT_HASH && store_migrate_entity_hash(s, err) != 0)
            goto fail;
        if (v + 1 == STORE_SCHEMA_ENT_KINDS && store_migrate_entity_kinds(s, err) != 0)
            goto fail;
    }
    if (version < STORE_SCHEMA_CORPUS && stats_tables_stale(s, err) != 0)
        goto fail;
    if (store_chunk_flush(s, err) != 0) /* the last chunk migration 23 filled */
        goto fail;
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
    if (store_exec(s, sql, "upgrading the index", err) != 0)
        goto fail;
    if (store_exec(s, "COMMIT", "upgrading the index", err) != 0)
        goto fail;
    store_holes_drop(s);
    if (fk_off && store_exec(s, "PRAGMA foreign_keys = ON", "upgrading the index", err) != 0)
        return -1;
    /* the old documents table's pages (23), doc_topics' (24), the old
     * corpus_fig's (25, 27), figures' (26) or entities' (28), when the
     * file gives pages back */
    return (rebuild || version < STORE_SCHEMA_ENT_KINDS) && version > 0
               ? store_reclaim(s, NULL, err)
               : 0;
fail:
    store_chunk_discard(s);
    store_holes_drop(s);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (fk_off)
        sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    return -1;
}
