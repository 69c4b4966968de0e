/*
 * store_stats.h — the store's side of the corpus statistics (corpus.h): the
 * reads and writes the statistics need, each one function over fixed SQL
 * (store/stats_sql.c), so the corpus part computes timelines, tables, KWIC
 * lines and keyness without seeing a statement.
 *
 * Selections are numbered sets of document ids kept in a temporary table of
 * the connection (so SQL can join against them); a selection number of 0
 * means every document, with nothing stored. Functions that take `derived`
 * read the statistics tables kept in the index (corpus_*, see
 * stats_tables_current) when it is set and the index's own tables when not:
 * the caller asks stats_tables_current() once and passes the answer on.
 *
 * Contract: functions returning int give 0 on success and -1 with a human
 * message in err, unless documented otherwise. Strings handed to callbacks
 * are borrowed for the call. Callbacks returning int stop the walk with -1
 * (their error already in err), which the function returns.
 */
#ifndef DOSSIER_STORE_STATS_H
#define DOSSIER_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/util.h"

struct store;
struct query;

/* ---- selections ------------------------------------------------------------------------ */

/* A new, empty selection: *num is its number (> 0). */
int stats_sel_new(struct store *s, int64_t *num, struct ds_error *err);
/* Add the documents a compiled query selects: ids_sql is its SQL selecting
 * column "id" with parameters ?1..?nparams (query_sql), bound from q. */
int stats_sel_fill_query(struct store *s, int64_t num, const char *ids_sql, size_t nparams,
                         const struct query *q, struct ds_error *err);
/* Add the given document ids (duplicates and unknown ids are harmless). */
int stats_sel_add_ids(struct store *s, int64_t num, const int64_t *ids, size_t n,
                      struct ds_error *err);
/* The selection's ids, sorted, appended to *ids (a growing array of *n). */
int stats_sel_ids(struct store *s, int64_t num, int64_t **ids, size_t *n, struct ds_error *err);
/* Forget a selection's rows (errors are ignored: the table is temporary). */
void stats_sel_drop(struct store *s, int64_t num);
/* Documents in the index. */
int stats_doc_count(struct store *s, int64_t *n, struct ds_error *err);

/* ---- the derived tables ------------------------------------------------------------------ */

/* 1 when the statistics tables kept in the index describe it as it is now
 * (the last refresh counted every document with the current extraction
 * rules, and nothing was deleted since), 0 when they do not (or when
 * stats_use_tables(s, false)), -1 on error. */
int stats_tables_current(struct store *s, struct ds_error *err);
/* Mark the statistics tables stale (the schema upgrade that creates them
 * does): readers take the index's own tables until the next refresh, which
 * rebuilds them. */
int stats_tables_stale(struct store *s, struct ds_error *err);
/* For tests and benchmarks: when use is false, stats_tables_current()
 * answers 0, so every reader takes the index's own tables. */
void stats_use_tables(struct store *s, bool use);

/* ---- counts: topics, outlets, entities ------------------------------------------------- */

/* Documents per topic (slug, topic name) or per outlet (outlet, NULL) of
 * sel, most first (ties by key), at most max (0: all); fn gets each row (key
 * NULL for documents without an outlet). */
int stats_distribution(struct store *s, int64_t sel, bool topic, bool derived, size_t max,
                       void (*fn)(const char *key, const char *label, int64_t count, void *ud),
                       void *ud, struct ds_error *err);

struct stats_idcount {
    int64_t id, count;
};
/* The whole corpus's top max entities (of kind when not NULL: "person",
 * "org" ...) by documents mentioning them. *out is newly allocated. */
int stats_top_entities(struct store *s, const char *kind, bool derived, size_t max,
                       struct stats_idcount **out, size_t *n_out, struct ds_error *err);
/* Each (document, entity) mention of the documents of selection sel (> 0). */
int stats_mentions_sel(struct store *s, int64_t sel,
                       void (*fn)(int64_t doc, int64_t ent, void *ud), void *ud,
                       struct ds_error *err);
/* The same for the documents ids[0], ids[step], ids[2 step] ...; *taken
 * gets how many documents were read. */
int stats_mentions_of(struct store *s, const int64_t *ids, size_t n, size_t step,
                      void (*fn)(int64_t doc, int64_t ent, void *ud), void *ud, size_t *taken,
                      struct ds_error *err);
/* Keep, in order, the first max entities of v[0..n) that are of kind:
 * moved to the front, their number in *kept. */
int stats_entities_keep_kind(struct store *s, struct stats_idcount *v, size_t n, const char *kind,
                             size_t max, size_t *kept, struct ds_error *err);
/* Name and kind of each entity ids[i]: fn(i, found, name, kind) (name and
 * kind may be NULL; found false for an id with no entity). doing names the
 * work for an error message ("counting entities"). */
int stats_entity_names(struct store *s, const int64_t *ids, size_t n,
                       void (*fn)(size_t i, bool found, const char *name, const char *kind,
                                  void *ud),
                       void *ud, const char *doing, struct ds_error *err);

struct stats_pair {
    int64_t a, b, docs; /* entity ids, a < b; documents mentioning both */
};
/* The largest document id (0 for an empty index). */
int stats_max_doc_id(struct store *s, int64_t *maxid, struct ds_error *err);
/* fn(i, doc) for each document mentioning entity ids[i]. */
int stats_entity_docs(struct store *s, const int64_t *ids, size_t n,
                      void (*fn)(size_t i, int64_t doc, void *ud), void *ud,
                      struct ds_error *err);
/* The pairs kept in the derived tables (among the corpus's top entities).
 * *out is newly allocated. */
int stats_pairs_stored(struct store *s, struct stats_pair **out, size_t *n_out,
                       struct ds_error *err);

/* ---- dates ------------------------------------------------------------------------------- */

/* Documents of sel per day ("YYYY-MM-DD" as stored; NULL or "" for the
 * undated), in no particular order. */
int stats_days(struct store *s, int64_t sel, bool derived,
               void (*fn)(const char *day, int64_t count, void *ud), void *ud,
               struct ds_error *err);
/* The undated documents of sel (0: all) by why they are undated: fn gets
 * the stored reason ("no-date", "dateline-without-year", "body-date-only";
 * NULL for documents indexed before reasons were kept) and a count, most
 * first. */
int stats_undated(struct store *s, int64_t sel,
                  void (*fn)(const char *why, int64_t count, void *ud), void *ud,
                  struct ds_error *err);
/* Documents of sel per topic and day, for the topics named in slugs_json
 * (a JSON array of slugs). */
int stats_topic_days(struct store *s, int64_t sel, bool derived, const char *slugs_json,
                     void (*fn)(const char *slug, const char *day, int64_t count, void *ud),
                     void *ud, struct ds_error *err);

/* ---- documents for export --------------------------------------------------------------- */

struct stats_doc {
    int64_t id;
    const char *date, *source, *title, *path, *topics; /* topics: "a,b" or NULL */
    bool has_title;
};
/* fn for each document of sel, oldest first (undated last); stops when fn
 * returns non-zero (not an error). */
int stats_docs_each(struct store *s, int64_t sel, int (*fn)(const struct stats_doc *d, void *ud),
                    void *ud, struct ds_error *err);

/* ---- figures ----------------------------------------------------------------------------- */

/* A figure row with its document's date and outlet. */
struct stats_fig {
    int64_t doc_id;
    const char *date, *source, *text, *unit, *kind, *period, *subject;
    double value;
    uint32_t start, end;
};
/* The picked figures (a temporary set of figure ids) made empty. */
int stats_figsel_clear(struct store *s, struct ds_error *err);
/* Pick the whole corpus's figures by stored subject groups, biggest first
 * (figures without a subject last), until max figures are taken. */
int stats_figsel_take_groups(struct store *s, size_t max, struct ds_error *err);
/* Pick the given figure ids. */
int stats_figsel_add(struct store *s, const int64_t *ids, size_t n, struct ds_error *err);
/* (figure id, stored subject key) of selection sel (> 0), by key. */
int stats_fig_keys(struct store *s, int64_t sel,
                   void (*fn)(int64_t id, const char *key, void *ud), void *ud,
                   struct ds_error *err);
/* (figure id, subject) of sel, in no particular order. */
int stats_fig_subjects(struct store *s, int64_t sel,
                       void (*fn)(int64_t id, const char *subject, void *ud), void *ud,
                       struct ds_error *err);
/* Each figure of sel (or, when picked, of the picked set), in document
 * order then position. */
int stats_figures_each(struct store *s, int64_t sel, bool picked, bool derived,
                       void (*fn)(const struct stats_fig *f, void *ud), void *ud,
                       struct ds_error *err);

/* ---- text: KWIC and keyness -------------------------------------------------------------- */

/* Ids read as the caller goes. */
struct stats_ids;
/* With fts: the documents whose body has term as a phrase (the full-text
 * index; every document, not only sel's); without: the documents of sel.
 * In id order, read by stats_ids_next. */
int stats_kwic_candidates(struct store *s, const char *term, bool fts, int64_t sel,
                          struct stats_ids **out, struct ds_error *err);
/* 1 with the next *id, 0 at the end, -1 on error. */
int stats_ids_next(struct stats_ids *c, int64_t *id, struct ds_error *err);
void stats_ids_free(struct stats_ids **c);

/* A reader of documents' text by id (bodies, or titles and bodies). */
struct stats_text;
typedef int (*stats_text_fn)(const char *text, size_t len, void *ud);
int stats_text_open(struct store *s, bool with_title, struct stats_text **out,
                    struct ds_error *err);
/* fn for the document's title (when opened with titles, if it has one) then
 * its body (if any): 1 when the document exists, 0 when not, -1 on error. */
int stats_text_get(struct stats_text *r, int64_t id, stats_text_fn fn, void *ud,
                   struct ds_error *err);
void stats_text_free(struct stats_text **r);

/* Words (the documents' word counts) in sel. */
int stats_words(struct store *s, int64_t sel, int64_t *words, struct ds_error *err);
/* fn for the titles and bodies of ids[0], ids[stride] ... or, with ids
 * NULL, of every document whose id is a multiple of stride. */
int stats_texts(struct store *s, const int64_t *ids, size_t n, int64_t stride, stats_text_fn fn,
                void *ud, struct ds_error *err);
/* Tokens in the whole full-text index, read from FTS5's own totals; -1 when
 * they cannot be read. */
int64_t stats_index_tokens(struct store *s);
/* The same by summing the vocabulary (walks the whole index: slow). */
int stats_vocab_total(struct store *s, int64_t *total, struct ds_error *err);
/* Each term of the full-text index with its number of occurrences. */
int stats_vocab_each(struct store *s, void (*fn)(const char *term, int64_t count, void *ud),
                     void *ud, struct ds_error *err);
/* Occurrences of one term at a time, from the derived vocabulary or the
 * index's own. */
struct stats_vocab;
int stats_vocab_open(struct store *s, bool derived, struct stats_vocab **out,
                     struct ds_error *err);
/* *count: occurrences of term in the index (0 when it has none). */
int stats_vocab_count(struct stats_vocab *v, const char *term, double *count,
                      struct ds_error *err);
void stats_vocab_free(struct stats_vocab **v);

/* ---- keeping the derived tables ---------------------------------------------------------- */

struct stats_refresh_state {
    int64_t ndocs;   /* documents in the index */
    int64_t counted; /* documents the derived tables count */
    int64_t gone;    /* of those, deleted since */
    int64_t maxid;   /* the largest document id */
};
/* Start a refresh: a transaction of its own when the caller has none (*own
 * set), and where the tables stand. */
int stats_refresh_begin(struct store *s, bool *own, struct stats_refresh_state *st,
                        struct ds_error *err);
/* End it: commit when own and rc is 0, roll back when own and it is not.
 * Returns rc, or -1 when the commit fails. */
int stats_refresh_end(struct store *s, bool own, int rc, struct ds_error *err);
/* A meta value (NULL allowed) written with the statistics. */
int stats_meta_put(struct store *s, const char *key, const char *value, struct ds_error *err);

/* Makes the subject key of a figure's subject (NULL for none): newly
 * allocated. */
typedef char *(*stats_key_fn)(const char *subject, void *ud);
/* Every derived table but the pairs and the vocabulary from scratch:
 * documents, days, topics, entity counts, figure subject keys (key_of is
 * called once per run of equal subjects). */
int stats_rebuild_tables(struct store *s, stats_key_fn key_of, void *ud, struct ds_error *err);
/* The derived vocabulary from the full-text index's. */
int stats_vocab_rebuild(struct store *s, struct ds_error *err);
/* The ids of the top max entities by the derived counts, most documents
 * first (at most max written to ids). */
int stats_top_entity_ids(struct store *s, size_t max, int64_t *ids, size_t *n_out,
                         struct ds_error *err);
/* The stored pairs replaced by p[0..n). */
int stats_pairs_replace(struct store *s, const struct stats_pair *p, size_t n,
                        struct ds_error *err);
/* p[0..n) added to the stored pairs (docs may be negative); pairs left
 * with no document are dropped. */
int stats_pairs_add(struct store *s, const struct stats_pair *p, size_t n, struct ds_error *err);

/* The changes since the last refresh. above < 0 means the deleted
 * documents (kept by a trigger until the refresh), else the documents with
 * an id above it. */
int stats_change_mentions(struct store *s, int64_t above,
                          void (*fn)(int64_t doc, int64_t ent, void *ud), void *ud,
                          struct ds_error *err);
int stats_change_texts(struct store *s, int64_t above, stats_text_fn fn, void *ud,
                       struct ds_error *err);
/* Subtract what the deleted documents contributed (not the vocabulary and
 * the pairs); *counted_max gets the largest id still counted. */
int stats_subtract_gone(struct store *s, int64_t *counted_max, struct ds_error *err);
/* Add the documents above the id: dates, outlets, topics, entity counts
 * and figure subject keys (key_of as in stats_rebuild_tables). */
int stats_add_new(struct store *s, int64_t above, stats_key_fn key_of, void *ud,
                  struct ds_error *err);
/* Drop the rows counted down to nothing and the deleted documents' copies. */
int stats_changes_done(struct store *s, struct ds_error *err);
/* counts[i] added to the occurrences of terms[i] in the derived vocabulary,
 * which keeps the terms found twice or more: a term without a row takes its
 * count from the full-text index (already holding the change); terms left
 * with one or none are dropped. */
int stats_vocab_add(struct store *s, const char *const *terms, const int64_t *counts, size_t n,
                    struct ds_error *err);

/* ---- themes ------------------------------------------------------------------------------ */

/* Replace the stored themes: theme i + 1 is labels[i] with sizes[i]
 * documents; document doc_ids[j] belongs to theme themes[j] (1-based). One
 * transaction (the caller's when it has one). */
int stats_themes_put(struct store *s, const char *const *labels, const int64_t *sizes, size_t k,
                     const int64_t *doc_ids, const int *themes, size_t n, struct ds_error *err);
/* fn for each stored theme with its documents in selection sel (0: every
 * document), most first, themes with none left out. */
int stats_theme_counts(struct store *s, int64_t sel,
                       void (*fn)(int64_t id, const char *label, int64_t count, void *ud),
                       void *ud, struct ds_error *err);
/* fn for each stored theme, by number (none before a fit). */
int stats_themes_each(struct store *s,
                      void (*fn)(int64_t id, const char *label, int64_t size, void *ud),
                      void *ud, struct ds_error *err);

/* A fit of the themes as stored (corpus/themes.c makes and reads it): the
 * terms the documents are weighed by and each theme's label and centroid,
 * encoded by the caller. */
struct stats_theme_fit {
    int64_t k, seed; /* themes; the seed of the fit */
    int64_t docs;    /* documents in the index when fitted */
    int64_t sample;  /* the most documents a fit reads */
    int64_t fitted;  /* documents this fit read */
    char **terms;    /* nterms index terms and their idf */
    double *idf;
    size_t nterms;
    char **labels;        /* k labels ... */
    unsigned char **vec;  /* ... and centroids of veclen bytes */
    size_t *veclen;
};
void stats_theme_fit_free(struct stats_theme_fit *f);
/* Replace the stored fit, themes and assignments by f (themes of size 0,
 * no document assigned). One transaction (the caller's when it has one). */
int stats_theme_fit_put(struct store *s, const struct stats_theme_fit *f, struct ds_error *err);
/* The stored fit into *f: 1, 0 when there is none (f zeroed), -1 on error. */
int stats_theme_fit_get(struct store *s, struct stats_theme_fit *f, struct ds_error *err);
/* fn(id, content hash, ud) for every document (what a fit samples by), by
 * id; nothing is held. */
int stats_theme_doc_keys(struct store *s, void (*fn)(int64_t id, uint64_t hash, void *ud),
                         void *ud, struct ds_error *err);
/* fn(id, title or NULL, body, ud) for each document with no theme
 * assigned yet (all: every document), by id; fn returning non-zero stops
 * with -1. */
typedef int (*stats_theme_doc_fn)(int64_t id, const char *title, size_t tlen, const char *body,
                                  size_t blen, void *ud);
int stats_theme_docs_unassigned(struct store *s, bool all, stats_theme_doc_fn fn, void *ud,
                                struct ds_error *err);
/* Document ids[i] assigned to theme themes[i] (0: none), nothing else
 * written (the sizes are counted by stats_theme_resize); one transaction
 * (the caller's when it has one). */
int stats_theme_put_docs(struct store *s, const int64_t *ids, const int *themes, size_t n,
                         struct ds_error *err);
/* Every theme's size counted again from its documents. */
int stats_theme_resize(struct store *s, struct ds_error *err);
/* Theme number c + 1 becomes num[c] (a permutation of 1..k) in the themes,
 * their centroids and the documents' themes; inside the caller's
 * transaction. */
int stats_theme_renumber(struct store *s, const int *num, size_t k, struct ds_error *err);
/* When a theme's size is not its documents' count (documents were deleted),
 * every size counted again; nothing written otherwise. */
int stats_theme_drift(struct store *s, struct ds_error *err);
/* Documents in the index and of those, with a theme row (assigned, or 0). */
int stats_theme_counts_docs(struct store *s, int64_t *ndocs, int64_t *assigned,
                            struct ds_error *err);
/* The ids of theme's documents, ascending (newly allocated). */
int stats_theme_members(struct store *s, int64_t theme, int64_t **ids, size_t *n,
                        struct ds_error *err);

#endif