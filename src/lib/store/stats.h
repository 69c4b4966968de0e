/*
 * store/stats.h — what the store's statistics files (stats_*.c) share: the
 * table of their SQL statements and the helpers that prepare them. The
 * functions themselves are declared in the public store_stats.h.
 *
 * Every statement is fixed text in stats_sql[] with bound parameters; the
 * one exception is ST_SEL_FILL, a format that wraps the SQL a compiled query
 * hands over (query.h), which itself carries no user text. A statement that
 * reads a selection exists in two forms, one over every document and one
 * joined to temp.corpus_sel with ?1 = the selection's number.
 */
#ifndef DOSSIER_STORE_STATS_PRIVATE_H
#define DOSSIER_STORE_STATS_PRIVATE_H

#include "dossier/store_stats.h"
#include "lib.h"

enum stats_stmt_id {
    /* selections (stats_sel.c) */
    ST_SEL_TABLE,
    ST_SEL_NEXT,
    ST_SEL_FILL,
    ST_SEL_ADD,
    ST_SEL_IDS,
    ST_SEL_DROP,
    ST_DOC_COUNT,
    ST_MAX_DOC_ID,
    /* distributions */
    ST_TOPIC_ALL,
    ST_TOPIC_ALL_CACHED,
    ST_TOPIC_SEL,
    ST_TOPIC_DIRECT,
    ST_SOURCE_ALL,
    ST_SOURCE_SEL,
    ST_SOURCE_DIRECT,
    /* entities and pairs */
    ST_ENT_TOP_ANY,
    ST_ENT_TOP_ONCE,
    ST_ENT_TOP_KIND_ONCE,
    ST_ENT_TOP_KIND,
    ST_ENT_TOP_DIRECT,
    ST_MENT_OF_DOC,
    ST_MENT_SEL,
    ST_ENT_IS_KIND,
    ST_ENT_NAME,
    ST_ENT_DOCS,
    ST_PAIRS_STORED,
    /* timeline */
    ST_DAYS_ALL,
    ST_DAYS_SEL,
    ST_DAYS_ALL_DIRECT,
    ST_DAYS_SEL_DIRECT,
    ST_UNDATED_ALL,
    ST_UNDATED_SEL,
    ST_SERIES_ALL,
    ST_SERIES_SEL,
    ST_SERIES_ALL_DIRECT,
    ST_SERIES_SEL_DIRECT,
    /* documents for export */
    ST_DOCS_ALL,
    ST_DOCS_SEL,
    /* figures (stats_fig.c) */
    ST_FIGSEL_TABLE,
    ST_FIGKEY_GROUPS,
    ST_FIGKEY_SINGLES,
    ST_FIGSEL_ADD_KEY,
    ST_FIGSEL_ADD_ID,
    ST_FIG_KEYS_SEL,
    ST_FIG_SUBJ_ALL,
    ST_FIG_SUBJ_SEL,
    ST_FIG_ROWS_PICKED,
    ST_FIG_ROWS_ALL,
    ST_FIG_ROWS_SEL,
    ST_FIG_ROWS_PICKED_CACHED,
    ST_FIG_ROWS_ALL_CACHED,
    ST_FIG_ROWS_SEL_CACHED,
    ST_FIG_KEY_SET,
    ST_FIGKEY_BUMP,
    ST_FIGKEY_AT,
    ST_FIG_KEY_INDEX_DROP,
    ST_FIG_KEY_INDEX,
    ST_FIGS_ALL,
    ST_FIGS_NEW,
    /* text: KWIC and keyness (stats_text.c) */
    ST_KWIC_FTS,
    ST_KWIC_ALL,
    ST_KWIC_SEL,
    ST_DOC_BODY,
    ST_DOC_TEXT,
    ST_TEXT_SAMPLE,
    ST_WORDS_ALL,
    ST_WORDS_SEL,
    ST_VOCAB_TABLE,
    ST_VOCAB_SUM,
    ST_VOCAB_ALL,
    ST_VOCAB_GET,
    ST_VOCAB_GET_DERIVED,
    ST_FTS_AVERAGES,
    /* the derived tables (stats_derived.c) */
    ST_FRESH,
    ST_STALE,
    ST_REFRESH_STATE,
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_META_PUT,
    ST_CDOC_DAYS,
    ST_CDOC_SOURCES,
    ST_REBUILD_CLEAR,
    ST_REBUILD_FILL,
    ST_VOCAB_FILL,
    ST_TOP_ENT_IDS,
    ST_TOP_ENT_IDS_ONCE,
    ST_PAIR_CLEAR,
    ST_PAIR_INS,
    ST_PAIR_ADD,
    ST_PAIR_CLEAN,
    ST_SUB_GONE,
    ST_COUNTED_MAX,
    ST_ADD_DOC,
    ST_ADD_DAY,
    ST_ADD_TOPIC_DAY,
    ST_ADD_ENT,
    ST_GONE_MENTIONS,
    ST_NEW_MENTIONS,
    ST_GONE_TEXTS,
    ST_NEW_TEXTS,
    ST_CLEANUP,
    ST_VOCAB_ADD,
    ST_VOCAB_PUT,
    ST_VOCAB_CLEAN,
    /* themes (stats_themes.c) */
    ST_THEMES_CLEAR,
    ST_THEME_PUT,
    ST_DOC_THEME_PUT,
    ST_THEMES_EACH,
    ST_THEMES_COUNT_ALL,
    ST_THEMES_COUNT_SEL,
    ST_THEME_FIT_CLEAR,
    ST_THEME_FIT_PUT,
    ST_THEME_VOCAB_PUT,
    ST_THEME_CENT_PUT,
    ST_THEME_FIT_GET,
    ST_THEME_VOCAB_GET,
    ST_THEME_CENT_GET,
    ST_THEME_DOC_KEYS,
    ST_THEME_DOCS_NEW,
    ST_THEME_DOCS_ALL,
    ST_THEME_RESIZE,
    ST_THEME_DOC_COUNTS,
    ST_THEME_MEMBERS,
    ST_THEME_DRIFT,
    ST_THEME_RENUM_DOCS,
    ST_THEME_RENUM_CENT,
    ST_THEME_RENUM_THEME,
    ST_THEME_RENUM_FLIP,
    ST__COUNT
};

/* ST_SEL_FILL's text, a format: %zu is the selection's parameter number
 * (after the query's own), %s the query's SQL. */
#define ST_SEL_FILL_FORMAT "INSERT OR IGNORE INTO temp.corpus_sel(sel, id) SELECT ?%zu, id FROM (%s)"

/* The statements' text, by id (stats_sql.c). */
extern const char *const stats_sql[ST__COUNT];

/* Prepare statement id (one-off: finalize it); -1 with err (doing) when it
 * cannot be prepared, *out NULL. */
int stats_prepare(struct store *s, enum stats_stmt_id id, sqlite3_stmt **out, const char *doing,
                  struct ds_error *err);
/* Prepare the form that fits sel (0: id_all, else id_sel with ?1 bound). */
int stats_prepare_sel(struct store *s, int64_t sel, enum stats_stmt_id id_all,
                      enum stats_stmt_id id_sel, sqlite3_stmt **out, const char *doing,
                      struct ds_error *err);
/* Run statement id (which may hold several statements) without results. */
int stats_exec(struct store *s, enum stats_stmt_id id, const char *doing, struct ds_error *err);
/* Run statement id (no parameters) for the one integer it selects. */
int stats_int(struct store *s, enum stats_stmt_id id, int64_t *out, const char *doing,
              struct ds_error *err);
/* Run statement id once per ids[i]: with num non-zero, ?1 = num and ?2 =
 * the id, else ?1 = the id. */
int stats_each_id(struct store *s, enum stats_stmt_id id, int64_t num, const int64_t *ids,
                  size_t n, const char *doing, struct ds_error *err);
/* Step st to its end, appending column 0 of each row to *ids (a growing
 * array of *n), and finalize it. 0, or -1 with err (doing). */
int stats_collect_ids(struct store *s, sqlite3_stmt *st, int64_t **ids, size_t *n,
                      const char *doing, struct ds_error *err);
/* Step st once for one integer in column 0 (no row is an error). */
int stats_step_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *doing,
                   struct ds_error *err);

/* Subject keys of the figures st yields (id, doc_id, subject): numbered
 * and counted in corpus_figkey, written to corpus_fig; st is stepped, not
 * finalized (stats_fig.c). */
int stats_fig_keys_put(struct store *s, sqlite3_stmt *st, stats_key_fn key_of, void *ud,
                       struct ds_error *err);
/* The number of subject key key in corpus_figkey (at is ST_FIGKEY_AT):
 * its row's, or the free number it would take (*found false). A SQLite
 * result code. */
int stats_fig_key_id(sqlite3_stmt *at, const char *key, int64_t *id, bool *found);
/* Migration 25: the subject keys of a schema-24 corpus_fig (as text)
 * numbered, in the upgrade's transaction (stats_fig.c). */
int stats_fig_keys_renumber(struct store *s, struct ds_error *err);
/* Create temp.docs_vocab (fts5vocab over the full-text index) once per
 * connection (stats_text.c). */
int stats_vocab_ready(struct store *s, struct ds_error *err);

#endif
