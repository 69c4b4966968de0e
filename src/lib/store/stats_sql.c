/*
 * store/stats_sql.c — every SQL statement behind the corpus statistics
 * (store_stats.h), in one table, and the helpers that prepare them.
 *
 * Speed notes: dates are read from the covering index documents_published;
 * co-occurrence intersects the doc-id lists of the top entities (index
 * mentions_entity) in C instead of self-joining mentions, which would make
 * O(entities^2) rows per document; with current derived tables (corpus_*,
 * see stats_derived.c) every statement of the statistics view reads a few
 * small pages instead of the documents' big rows.
 */
#include "config.h"

#include "stats.h"

/* The figures table's columns, with the date from documents or corpus_doc. */
#define ST_FIG_COLS(date)                                                                        \
    "SELECT f.doc_id, " date ", d.source, f.text, f.value, f.unit, f.kind, f.period, f.subject," \
    " f.\"start\", f.\"end\""
#define ST_FIG_PICKED(docs)                                                                      \
    " FROM temp.corpus_figsel fs CROSS JOIN figures f ON f.id = fs.id JOIN " docs                \
    " ON d.id = f.doc_id ORDER BY f.doc_id, f.\"start\""
#define ST_FIG_ALL(docs) " FROM figures f JOIN " docs " ON d.id = f.doc_id ORDER BY f.doc_id, f.\"start\""
#define ST_FIG_SEL(docs)                                                                         \
    " FROM temp.corpus_sel cs JOIN figures f ON f.doc_id = cs.id JOIN " docs                      \
    " ON d.id = f.doc_id WHERE cs.sel = ?1 ORDER BY f.doc_id, f.\"start\""
/* A document as export lists it. */
#define ST_DOC_COLS                                                                              \
    "SELECT d.id, d.published, d.source, coalesce(d.title, d.lead, ''), d.title IS NOT NULL,"    \
    " (SELECT min(path) FROM files WHERE doc_id = d.id),"                                        \
    " (SELECT group_concat(slug, ',') FROM (SELECT slug FROM doc_topics"                         \
    "  WHERE doc_id = d.id ORDER BY score DESC, slug))"

const char *const stats_sql[ST__COUNT] = {
    [ST_SEL_TABLE] = "CREATE TEMP TABLE IF NOT EXISTS corpus_sel(sel INTEGER NOT NULL,"
                     " id INTEGER NOT NULL, PRIMARY KEY(sel, id)) WITHOUT ROWID",
    [ST_SEL_NEXT] = "SELECT coalesce(max(sel), 0) + 1 FROM temp.corpus_sel",
    [ST_SEL_FILL] = ST_SEL_FILL_FORMAT,
    [ST_SEL_ADD] = "INSERT OR IGNORE INTO temp.corpus_sel(sel, id) VALUES (?1, ?2)",
    [ST_SEL_IDS] = "SELECT id FROM temp.corpus_sel WHERE sel = ?1 ORDER BY id",
    [ST_SEL_DROP] = "DELETE FROM temp.corpus_sel WHERE sel = ?1",
    [ST_DOC_COUNT] = "SELECT count(*) FROM documents",
    [ST_MAX_DOC_ID] = "SELECT coalesce(max(id), 0) FROM documents",

    [ST_TOPIC_ALL] =
        "SELECT ti.slug, t.name, x.c FROM (SELECT topic, count(*) AS c FROM doc_topic_rows"
        " INDEXED BY doc_topic_rows_topic GROUP BY topic) x JOIN topic_ids ti ON ti.id = x.topic"
        " LEFT JOIN topics t ON t.slug = ti.slug ORDER BY x.c DESC, ti.slug LIMIT ?2",
    /* every document, from the timeline's totals: a few thousand rows
     * instead of the topic index (110 ms at 1M documents) */
    [ST_TOPIC_ALL_CACHED] =
        "SELECT ti.slug, t.name, x.c FROM (SELECT topic, sum(n) AS c FROM corpus_topic_day"
        " GROUP BY topic) x JOIN topic_ids ti ON ti.id = x.topic"
        " LEFT JOIN topics t ON t.slug = ti.slug ORDER BY x.c DESC, ti.slug LIMIT ?2",
    [ST_TOPIC_SEL] =
        "SELECT x.slug, t.name, x.c FROM (SELECT dt.slug AS slug, count(*) AS c"
        " FROM temp.corpus_sel cs JOIN doc_topics dt ON dt.doc_id = cs.id"
        " WHERE cs.sel = ?1 GROUP BY dt.slug) x LEFT JOIN topics t ON t.slug = x.slug"
        " ORDER BY x.c DESC, x.slug LIMIT ?2",
    /* without the derived tables: the same from the index's own tables */
    [ST_TOPIC_DIRECT] =
        "SELECT dt.slug, t.name, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN doc_topics dt ON dt.doc_id = cs.id LEFT JOIN topics t ON t.slug = dt.slug"
        " WHERE cs.sel = ?1 GROUP BY dt.slug ORDER BY c DESC, dt.slug LIMIT ?2",
    [ST_SOURCE_ALL] =
        "SELECT d.source, NULL, count(*) AS c FROM documents d INDEXED BY documents_source"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2",
    [ST_SOURCE_SEL] =
        "SELECT cd.source, NULL, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN corpus_doc cd ON cd.id = cs.id WHERE cs.sel = ?1"
        " GROUP BY cd.source ORDER BY c DESC, cd.source LIMIT ?2",
    [ST_SOURCE_DIRECT] =
        "SELECT d.source, NULL, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1"
        " GROUP BY d.source ORDER BY c DESC, d.source LIMIT ?2",

    /* entities in two documents or more from their partial index (schema
     * 24: 4.2k of 75k at 10k generated documents), then those in one in id
     * order, as one index over all of them gave (ST_CLEANUP deletes those
     * in none) */
    [ST_ENT_TOP_ANY] = "SELECT entity_id, docs FROM corpus_ent INDEXED BY corpus_ent_docs"
                       " WHERE docs > 1 ORDER BY docs DESC, entity_id LIMIT ?1",
    [ST_ENT_TOP_ONCE] = "SELECT entity_id, docs FROM corpus_ent WHERE docs = 1"
                        " ORDER BY entity_id LIMIT ?1",
    /* the same by kind (schema 25: corpus_ent_kind partial too, 1.7 MB of
     * 112 at 10k generated documents before) */
    [ST_ENT_TOP_KIND] = "SELECT entity_id, docs FROM corpus_ent INDEXED BY corpus_ent_kind"
                        " WHERE kind = ?2 AND docs > 1 ORDER BY docs DESC, entity_id LIMIT ?1",
    [ST_ENT_TOP_KIND_ONCE] = "SELECT entity_id, docs FROM corpus_ent WHERE kind = ?2"
                             " AND docs = 1 ORDER BY entity_id LIMIT ?1",
    [ST_ENT_TOP_DIRECT] =
        "SELECT m.entity_id, m.c FROM (SELECT entity_id, count(*) AS c FROM mentions"
        " INDEXED BY mentions_entity GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id"
        " WHERE ?2 IS NULL OR e.kind = ?2 ORDER BY m.c DESC, m.entity_id LIMIT ?1",
    [ST_MENT_OF_DOC] = "SELECT entity_id FROM mentions WHERE doc_id = ?1",
    [ST_MENT_SEL] = "SELECT m.doc_id, m.entity_id FROM temp.corpus_sel cs"
                    " JOIN mentions m ON m.doc_id = cs.id WHERE cs.sel = ?1",
    [ST_ENT_IS_KIND] = "SELECT kind = ?2 FROM entities WHERE id = ?1",
    /* the kind as its stored number (schema 28; stats_entity_names gives its word) */
    [ST_ENT_NAME] = "SELECT name, kind FROM entities WHERE id = ?1",
    [ST_ENT_DOCS] = "SELECT doc_id FROM mentions INDEXED BY mentions_entity WHERE entity_id = ?1",
    [ST_PAIRS_STORED] = "SELECT a, b, docs FROM corpus_pair",

    [ST_DAYS_ALL] = "SELECT day, n FROM corpus_day",
    [ST_DAYS_SEL] = "SELECT cd.day, count(*) FROM temp.corpus_sel cs JOIN corpus_doc cd"
                    " ON cd.id = cs.id WHERE cs.sel = ?1 GROUP BY cd.day",
    [ST_DAYS_ALL_DIRECT] = "SELECT substr(published, 1, 10) AS day, count(*) FROM documents"
                           " INDEXED BY documents_published GROUP BY day",
    [ST_DAYS_SEL_DIRECT] =
        "SELECT substr(d.published, 1, 10) AS day, count(*) FROM temp.corpus_sel cs"
        " JOIN documents d ON d.id = cs.id WHERE cs.sel = ?1 GROUP BY day",
    [ST_UNDATED_ALL] = "SELECT u.why, count(*) FROM documents d LEFT JOIN doc_undated u"
                       " ON u.doc_id = d.id WHERE d.published IS NULL"
                       " GROUP BY u.why ORDER BY count(*) DESC, u.why",
    [ST_UNDATED_SEL] = "SELECT u.why, count(*) FROM temp.corpus_sel cs JOIN documents d"
                       " ON d.id = cs.id LEFT JOIN doc_undated u ON u.doc_id = d.id"
                       " WHERE cs.sel = ?1 AND d.published IS NULL"
                       " GROUP BY u.why ORDER BY count(*) DESC, u.why",
    /* every series in one grouped pass; ?2 is a JSON array of the slugs */
    [ST_SERIES_ALL] = "SELECT ti.slug, d.day, d.n FROM topic_ids ti JOIN corpus_topic_day d"
                      " ON d.topic = ti.id WHERE ti.slug IN (SELECT value FROM json_each(?2))"
                      " ORDER BY ti.slug, d.day",
    [ST_SERIES_SEL] =
        "SELECT dt.slug, cd.day, count(*) FROM temp.corpus_sel cs JOIN doc_topics dt"
        " ON dt.doc_id = cs.id JOIN corpus_doc cd ON cd.id = cs.id WHERE cs.sel = ?1"
        " AND dt.slug IN (SELECT value FROM json_each(?2)) GROUP BY dt.slug, cd.day",
    [ST_SERIES_ALL_DIRECT] =
        "SELECT ti.slug, substr(d.published, 1, 10) AS day, count(*) FROM topic_ids ti"
        " JOIN doc_topic_rows r INDEXED BY doc_topic_rows_topic ON r.topic = ti.id"
        " JOIN documents d ON d.id = r.doc_id"
        " WHERE ti.slug IN (SELECT value FROM json_each(?2)) GROUP BY ti.slug, day",
    [ST_SERIES_SEL_DIRECT] =
        "SELECT dt.slug, substr(d.published, 1, 10) AS day, count(*) FROM temp.corpus_sel cs"
        " JOIN doc_topics dt ON dt.doc_id = cs.id JOIN documents d ON d.id = cs.id"
        " WHERE cs.sel = ?1 AND dt.slug IN (SELECT value FROM json_each(?2))"
        " GROUP BY dt.slug, day",

    [ST_DOCS_ALL] = ST_DOC_COLS " FROM documents d"
                                " ORDER BY d.published IS NULL, d.published, d.id",
    [ST_DOCS_SEL] = ST_DOC_COLS " FROM temp.corpus_sel cs JOIN documents d ON d.id = cs.id"
                                " WHERE cs.sel = ?1 ORDER BY d.published IS NULL, d.published,"
                                " d.id",

    [ST_FIGSEL_TABLE] = "CREATE TEMP TABLE IF NOT EXISTS corpus_figsel(id INTEGER PRIMARY KEY);"
                        "DELETE FROM temp.corpus_figsel",
    /* the keys of two figures or more from their partial index (schema 24:
     * 3.5k of 47k keys at 10k generated documents), then those of one
     * figure in key order from the table itself (every refresh deletes
     * the keys left with none, ST_CLEANUP): the same order as one index
     * over every key, which was 1.5 MB of it */
    [ST_FIGKEY_GROUPS] = "SELECT key, n, id FROM corpus_figkey INDEXED BY corpus_figkey_n"
                         " WHERE n > 1 AND key != '' ORDER BY n DESC, key",
    /* (schema 25: a scan and a sort, as no index orders the keys; read only
     * when the keys of several figures give fewer rows than asked) */
    [ST_FIGKEY_SINGLES] = "SELECT key, n, id FROM corpus_figkey WHERE n = 1 AND key != ''"
                          " ORDER BY key",
    /* key_id > 0: the terms of figure_rows_key's partial index (27) */
    [ST_FIGSEL_ADD_KEY] = "INSERT OR IGNORE INTO temp.corpus_figsel(id)"
                          " SELECT id FROM figure_rows WHERE key_id = ?1 AND key_id > 0",
    [ST_FIGSEL_ADD_ID] = "INSERT OR IGNORE INTO temp.corpus_figsel(id) VALUES (?1)",
    [ST_FIG_KEYS_SEL] = "SELECT f.id, k.key FROM temp.corpus_sel cs JOIN figure_rows f"
                        " ON f.doc_id = cs.id JOIN corpus_figkey k ON k.id = f.key_id"
                        " WHERE cs.sel = ?1 ORDER BY k.key",
    [ST_FIG_SUBJ_ALL] = "SELECT id, subject FROM figures",
    [ST_FIG_SUBJ_SEL] = "SELECT f.id, f.subject FROM temp.corpus_sel cs"
                        " JOIN figures f ON f.doc_id = cs.id WHERE cs.sel = ?1",
    /* the picked ids are already within the selection */
    [ST_FIG_ROWS_PICKED] = ST_FIG_COLS("d.published") ST_FIG_PICKED("documents d"),
    [ST_FIG_ROWS_ALL] = ST_FIG_COLS("d.published") ST_FIG_ALL("documents d"),
    [ST_FIG_ROWS_SEL] = ST_FIG_COLS("d.published") ST_FIG_SEL("documents d"),
    /* with the derived tables, date and outlet come from corpus_doc (in
     * memory) instead of the documents' big rows */
    [ST_FIG_ROWS_PICKED_CACHED] = ST_FIG_COLS("d.day") ST_FIG_PICKED("corpus_doc d"),
    [ST_FIG_ROWS_ALL_CACHED] = ST_FIG_COLS("d.day") ST_FIG_ALL("corpus_doc d"),
    [ST_FIG_ROWS_SEL_CACHED] = ST_FIG_COLS("d.day") ST_FIG_SEL("corpus_doc d"),
    /* a key by number (schema 25, stats_fig_key_id): the figures of a
     * run of one key are counted at once (?3); a figure keeps its number
     * in figure_rows (27), a row already numbered so is not written again */
    [ST_FIG_KEY_SET] = "UPDATE figure_rows SET key_id = ?2 WHERE id = ?1 AND key_id IS NOT ?2",
    [ST_FIGKEY_AT] = "SELECT key FROM corpus_figkey WHERE id = ?1",
    [ST_FIGKEY_BUMP] = "INSERT INTO corpus_figkey(id, key, n) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT(id) DO UPDATE SET n = n + excluded.n",
    [ST_FIG_KEY_INDEX_DROP] = "DROP INDEX IF EXISTS figure_rows_key",
    [ST_FIG_KEY_INDEX] = "CREATE INDEX figure_rows_key ON figure_rows(key_id) WHERE key_id > 0",
    [ST_FIGS_ALL] = "SELECT id, doc_id, subject FROM figures",
    [ST_FIGS_NEW] = "SELECT id, doc_id, subject FROM figures WHERE doc_id > ?1 ORDER BY subject",

    /* every match, filtered by the selection in C: asking FTS5 for "rowid
     * IN (selection)" makes it test rowid by rowid (2 s for 38k documents
     * against 20 ms this way) */
    [ST_KWIC_FTS] = "SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?1 ORDER BY rowid",
    [ST_KWIC_ALL] = "SELECT id FROM documents ORDER BY id",
    [ST_KWIC_SEL] = "SELECT id FROM temp.corpus_sel WHERE sel = ?1 ORDER BY id",
    [ST_DOC_BODY] = "SELECT ds_body(body) FROM documents WHERE id = ?1",
    [ST_DOC_TEXT] = "SELECT title, ds_body(body) FROM documents WHERE id = ?1",
    /* a sample skips rows by id alone, so skipped bodies are never read */
    [ST_TEXT_SAMPLE] = "SELECT title, ds_body(body) FROM documents WHERE id % ?2 = 0",
    [ST_WORDS_ALL] = "SELECT coalesce(sum(words), 0) FROM documents",
    [ST_WORDS_SEL] = "SELECT coalesce(sum(d.words), 0) FROM temp.corpus_sel cs JOIN documents d"
                     " ON d.id = cs.id WHERE cs.sel = ?1",
    [ST_VOCAB_TABLE] = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.docs_vocab"
                       " USING fts5vocab(main, docs_fts, row)",
    [ST_VOCAB_SUM] = "SELECT coalesce(sum(cnt), 0) FROM temp.docs_vocab",
    [ST_VOCAB_ALL] = "SELECT term, cnt FROM temp.docs_vocab",
    [ST_VOCAB_GET] = "SELECT cnt FROM temp.docs_vocab WHERE term = ?1",
    [ST_VOCAB_GET_DERIVED] = "SELECT cnt FROM corpus_vocab WHERE term = ?1",
    [ST_FTS_AVERAGES] = "SELECT block FROM docs_fts_data WHERE id = 1",

    [ST_FRESH] =
        "SELECT coalesce(CAST((SELECT value FROM meta WHERE key = 'corpus_maxid') AS INTEGER)"
        " = (SELECT coalesce(max(id), 0) FROM documents), 0)"
        " AND NOT EXISTS (SELECT 1 FROM corpus_gone)"
        " AND (SELECT value FROM meta WHERE key = 'corpus_rules')"
        " IS (SELECT value FROM meta WHERE key = 'rules_hash')",
    /* without corpus_maxid the tables are stale and the next refresh rebuilds them */
    [ST_STALE] = "DELETE FROM meta WHERE key IN ('corpus_maxid', 'corpus_rules')",
    [ST_REFRESH_STATE] =
        "SELECT (SELECT count(*) FROM documents),"
        " (SELECT count(*) FROM corpus_doc), (SELECT count(*) FROM corpus_gone),"
        " (SELECT coalesce(max(id), 0) FROM documents)",
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_META_PUT] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
    /* from the covering indexes (a scan of the table reads every body),
     * sorted by SQLite's sorter, whose memory the page cache bounds */
    [ST_CDOC_DAYS] = "INSERT INTO corpus_doc(id, day) SELECT id, substr(published, 1, 10)"
                     " FROM documents INDEXED BY documents_published ORDER BY id",
    [ST_CDOC_SOURCES] = "UPDATE corpus_doc SET source = s.source FROM (SELECT id, source"
                        " FROM documents INDEXED BY documents_source WHERE source IS NOT NULL"
                        " ORDER BY id) AS s WHERE corpus_doc.id = s.id",
    [ST_REBUILD_CLEAR] =
        "DELETE FROM corpus_doc; DELETE FROM corpus_gone_dt; DELETE FROM corpus_day;"
        "DELETE FROM corpus_topic_day; DELETE FROM corpus_ent; DELETE FROM corpus_vocab;"
        "DELETE FROM corpus_gone; DELETE FROM corpus_gone_ent; DELETE FROM corpus_figkey",
    [ST_REBUILD_FILL] =
        "INSERT INTO corpus_day SELECT coalesce(day, ''), count(*) FROM corpus_doc"
        " GROUP BY 1;"
        "INSERT INTO corpus_topic_day SELECT r.topic, coalesce(cd.day, ''), count(*)"
        " FROM doc_topic_rows r JOIN corpus_doc cd ON cd.id = r.doc_id GROUP BY 1, 2;"
        "INSERT INTO corpus_ent SELECT m.entity_id, e.kind, m.c FROM"
        " (SELECT entity_id, count(*) AS c FROM mentions INDEXED BY mentions_entity"
        "  GROUP BY entity_id) m JOIN entities e ON e.id = m.entity_id",
    /* a term found once is left out (schema 22): most of a Chinese index's
     * bigrams; a lookup that finds no row asks the index (ST_VOCAB_GET) */
    [ST_VOCAB_FILL] = "INSERT INTO corpus_vocab SELECT term, cnt FROM temp.docs_vocab"
                      " WHERE cnt > 1",
    [ST_TOP_ENT_IDS] = "SELECT entity_id FROM corpus_ent INDEXED BY corpus_ent_docs"
                       " WHERE docs > 1 ORDER BY docs DESC, entity_id LIMIT ?1",
    [ST_TOP_ENT_IDS_ONCE] = "SELECT entity_id FROM corpus_ent WHERE docs = 1"
                            " ORDER BY entity_id LIMIT ?1",
    [ST_PAIR_CLEAR] = "DELETE FROM corpus_pair",
    [ST_PAIR_INS] = "INSERT INTO corpus_pair(a, b, docs) VALUES (?1, ?2, ?3)",
    [ST_PAIR_ADD] = "INSERT INTO corpus_pair(a, b, docs) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT(a, b) DO UPDATE SET docs = docs + excluded.docs",
    [ST_PAIR_CLEAN] = "DELETE FROM corpus_pair WHERE docs <= 0",
    /* what the deleted documents contributed (copied by the trigger) */
    [ST_SUB_GONE] =
        "UPDATE corpus_day SET n = n - x.c FROM (SELECT coalesce(cd.day, '') AS d, count(*) AS c"
        " FROM corpus_gone g JOIN corpus_doc cd ON cd.id = g.id GROUP BY 1) x"
        " WHERE corpus_day.day = x.d;"
        "UPDATE corpus_topic_day SET n = n - x.c FROM (SELECT t.id AS topic,"
        " coalesce(cd.day, '') AS d, count(*) AS c FROM corpus_gone_dt g JOIN topic_ids t"
        " ON t.slug = g.slug JOIN corpus_doc cd ON cd.id = g.doc_id GROUP BY 1, 2) x"
        " WHERE corpus_topic_day.topic = x.topic AND corpus_topic_day.day = x.d;"
        "UPDATE corpus_ent SET docs = docs - x.c FROM (SELECT entity_id, count(*) AS c"
        " FROM corpus_gone_ent GROUP BY entity_id) x WHERE corpus_ent.entity_id = x.entity_id;"
        /* (a deleted figure's key is counted down as it goes: the
         * trigger figure_rows_gone, schema 27) */
        "DELETE FROM corpus_doc WHERE id IN (SELECT id FROM corpus_gone)",
    [ST_COUNTED_MAX] = "SELECT coalesce(max(id), 0) FROM corpus_doc",
    /* the new documents; ?1 = the largest id still counted */
    [ST_ADD_DOC] = "INSERT INTO corpus_doc(id, day, source)"
                   " SELECT id, substr(published, 1, 10), source FROM documents WHERE id > ?1",
    [ST_ADD_DAY] = "INSERT INTO corpus_day(day, n) SELECT coalesce(day, ''), count(*)"
                   " FROM corpus_doc WHERE id > ?1 GROUP BY 1"
                   " ON CONFLICT(day) DO UPDATE SET n = n + excluded.n",
    [ST_ADD_TOPIC_DAY] =
        "INSERT INTO corpus_topic_day(topic, day, n) SELECT r.topic, coalesce(cd.day, ''),"
        " count(*) FROM doc_topic_rows r JOIN corpus_doc cd ON cd.id = r.doc_id"
        " WHERE r.doc_id > ?1 GROUP BY 1, 2"
        " ON CONFLICT(topic, day) DO UPDATE SET n = n + excluded.n",
    [ST_ADD_ENT] =
        "INSERT INTO corpus_ent(entity_id, kind, docs) SELECT m.entity_id, e.kind, m.c FROM"
        " (SELECT entity_id, count(*) AS c FROM mentions WHERE doc_id > ?1 GROUP BY entity_id) m"
        " JOIN entities e ON e.id = m.entity_id WHERE true"
        " ON CONFLICT(entity_id) DO UPDATE SET docs = docs + excluded.docs",
    [ST_GONE_MENTIONS] = "SELECT doc_id, entity_id FROM corpus_gone_ent ORDER BY doc_id",
    [ST_NEW_MENTIONS] = "SELECT doc_id, entity_id FROM mentions WHERE doc_id > ?1"
                        " ORDER BY doc_id",
    [ST_GONE_TEXTS] = "SELECT title, ds_body(body) FROM corpus_gone",
    [ST_NEW_TEXTS] = "SELECT title, ds_body(body) FROM documents WHERE id > ?1",
    /* a key counted down to 0 stays while the next number is taken: a
     * key that probed past it (stats_fig_key_id) is still found */
    [ST_CLEANUP] = "DELETE FROM corpus_figkey WHERE n <= 0 AND NOT EXISTS (SELECT 1"
                   " FROM corpus_figkey x WHERE x.id = corpus_figkey.id + 1);"
                   "DELETE FROM corpus_day WHERE n <= 0;"
                   "DELETE FROM corpus_topic_day WHERE n <= 0;"
                   "DELETE FROM corpus_ent WHERE docs <= 0;"
                   "DELETE FROM corpus_gone; DELETE FROM corpus_gone_ent;"
                   "DELETE FROM corpus_gone_dt",
    [ST_VOCAB_ADD] = "UPDATE corpus_vocab SET cnt = cnt + ?2 WHERE term = ?1",
    /* a term without a row had 0 or 1 occurrences: its count now from the
     * index itself (a short doclist), kept when it is at least 2 */
    [ST_VOCAB_PUT] = "INSERT INTO corpus_vocab(term, cnt) SELECT ?1, cnt FROM temp.docs_vocab"
                     " WHERE term = ?1 AND cnt > 1",
    [ST_VOCAB_CLEAN] = "DELETE FROM corpus_vocab WHERE cnt <= 1",
    [ST_THEMES_CLEAR] = "DELETE FROM doc_themes; DELETE FROM themes",
    [ST_THEME_PUT] = "INSERT INTO themes(id, label, size) VALUES (?1, ?2, ?3)",
    [ST_DOC_THEME_PUT] = "INSERT OR REPLACE INTO doc_themes(doc_id, theme) VALUES (?1, ?2)",
    [ST_THEMES_EACH] = "SELECT id, label, size FROM themes ORDER BY id",
    [ST_THEMES_COUNT_ALL] = "SELECT id, label, size FROM themes WHERE size > 0"
                            " ORDER BY size DESC, id",
    [ST_THEMES_COUNT_SEL] =
        "SELECT th.id, th.label, count(*) AS c FROM temp.corpus_sel cs"
        " JOIN doc_themes dt ON dt.doc_id = cs.id JOIN themes th ON th.id = dt.theme"
        " WHERE cs.sel = ?1 GROUP BY th.id ORDER BY c DESC, th.id",
    [ST_THEME_FIT_CLEAR] = "DELETE FROM doc_themes; DELETE FROM themes; DELETE FROM theme_fit;"
                           " DELETE FROM theme_vocab; DELETE FROM theme_centroids",
    [ST_THEME_FIT_PUT] = "INSERT INTO theme_fit(id, k, seed, docs, sample, fitted)"
                         " VALUES (1, ?1, ?2, ?3, ?4, ?5)",
    [ST_THEME_VOCAB_PUT] = "INSERT INTO theme_vocab(idx, term, idf) VALUES (?1, ?2, ?3)",
    [ST_THEME_CENT_PUT] = "INSERT INTO theme_centroids(theme, vec) VALUES (?1, ?2)",
    [ST_THEME_FIT_GET] = "SELECT k, seed, docs, sample, fitted FROM theme_fit WHERE id = 1",
    [ST_THEME_VOCAB_GET] = "SELECT term, idf FROM theme_vocab ORDER BY idx",
    [ST_THEME_CENT_GET] = "SELECT c.theme, c.vec, t.label FROM theme_centroids c"
                          " JOIN themes t ON t.id = c.theme ORDER BY c.theme",
    [ST_THEME_DOC_KEYS] = "SELECT id, hash FROM documents ORDER BY id",
    [ST_THEME_DOCS_NEW] = "SELECT id, title, ds_body(body) FROM documents d WHERE NOT EXISTS"
                          " (SELECT 1 FROM doc_themes WHERE doc_id = d.id) ORDER BY id",
    [ST_THEME_DOCS_ALL] = "SELECT id, title, ds_body(body) FROM documents ORDER BY id",
    [ST_THEME_RESIZE] = "UPDATE themes SET size = (SELECT count(*) FROM doc_themes"
                        " WHERE theme = themes.id)",
    [ST_THEME_DOC_COUNTS] = "SELECT (SELECT count(*) FROM documents),"
                            " (SELECT count(*) FROM doc_themes)",
    [ST_THEME_MEMBERS] = "SELECT doc_id FROM doc_themes WHERE theme = ?1 ORDER BY doc_id",
    [ST_THEME_DRIFT] = "SELECT EXISTS (SELECT 1 FROM themes WHERE size !="
                       " (SELECT count(*) FROM doc_themes WHERE theme = themes.id))",
    /* renumbering: each old number to minus its new one, then all flipped */
    [ST_THEME_RENUM_DOCS] = "UPDATE doc_themes SET theme = -?2 WHERE theme = ?1",
    [ST_THEME_RENUM_CENT] = "UPDATE theme_centroids SET theme = -?2 WHERE theme = ?1",
    [ST_THEME_RENUM_THEME] = "UPDATE themes SET id = -?2 WHERE id = ?1",
    [ST_THEME_RENUM_FLIP] = "UPDATE doc_themes SET theme = -theme WHERE theme < 0;"
                            " UPDATE theme_centroids SET theme = -theme WHERE theme < 0;"
                            " UPDATE themes SET id = -id WHERE id < 0",
};

int
stats_prepare(struct store *s, enum stats_stmt_id id, sqlite3_stmt **out, const char *doing,
              struct ds_error *err)
{
    *out = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[id], -1, out, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(*out);
        *out = NULL;
        return store_fail(s, err, rc, doing);
    }
    return 0;
}

int
stats_prepare_sel(struct store *s, int64_t sel, enum stats_stmt_id id_all,
                  enum stats_stmt_id id_sel, sqlite3_stmt **out, const char *doing,
                  struct ds_error *err)
{
    if (stats_prepare(s, sel ? id_sel : id_all, out, doing, err) != 0)
        return -1;
    if (sel)
        sqlite3_bind_int64(*out, 1, sel);
    return 0;
}

int
stats_exec(struct store *s, enum stats_stmt_id id, const char *doing, struct ds_error *err)
{
    return store_exec(s, stats_sql[id], doing, err);
}

int
stats_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *doing,
               struct ds_error *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        return 0;
    }
    return store_fail(s, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc, doing);
}

int
stats_int(struct store *s, enum stats_stmt_id id, int64_t *out, const char *doing,
          struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    *out = 0;
    if (stats_prepare(s, id, &st, doing, err) != 0)
        return -1;
    int rc = stats_step_int(s, st, out, doing, err);
    sqlite3_finalize(st);
    return rc;
}

int
stats_each_id(struct store *s, enum stats_stmt_id id, int64_t num, const int64_t *ids, size_t n,
              const char *doing, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, stats_sql[id], -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        if (num)
            sqlite3_bind_int64(st, 1, num);
        sqlite3_bind_int64(st, num ? 2 : 1, ids[i]);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, doing);
    return 0;
}
