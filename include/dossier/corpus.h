/*
 * corpus.h — statistics over a set of documents: coverage over time, topic,
 * outlet and entity distributions, entity co-occurrence, the figures table
 * grouped by subject, keyword in context and distinctive terms (keyness).
 *
 * Every table or chart is a plain array of structs, so the CLI prints it and
 * a TUI view renders it without knowing how it was computed. The SQL lives in
 * the store (store_stats.h: one function per read or write, nothing else
 * sees SQLite); selecting, merging, bucketing, alignment, scoring and
 * formatting live in src/lib/corpus/, and the pure parts are functions the
 * unit tests call directly.
 *
 * Contract:
 *   - Functions returning int give 0 on success and -1 with a human message
 *     in err on failure, unless documented otherwise.
 *   - Result structs own their strings and arrays; free them with the
 *     matching *_clear() / *_free() function, which accept zeroed structs.
 *   - Text copied out of articles (KWIC contexts, titles, subjects) has had
 *     control characters replaced by spaces, so it may be printed as is.
 *   - A selection borrows its store: free it before store_close().
 */
#ifndef DOSSIER_CORPUS_H
#define DOSSIER_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dossier/extract.h"
#include "dossier/util.h"

struct store;
struct query;

/* ---- selections ------------------------------------------------------------------------ */

/* The documents statistics are computed over (kept in a temporary table of
 * the store's connection, so SQL can join against it). */
struct corpus_sel;

/* The documents q selects (q NULL or empty: every document). *out is newly
 * allocated; free with corpus_sel_free(). */
int corpus_select(struct store *s, const struct query *q, struct corpus_sel **out,
                  struct ds_error *err);
/* The given document ids (unknown ids are kept but match nothing). */
int corpus_select_ids(struct store *s, const int64_t *ids, size_t n, struct corpus_sel **out,
                      struct ds_error *err);
/* True when entity counts and pairs of sel are estimates: a selection of
 * more than 8,000 documents (not the whole corpus) is counted on a
 * systematic sample of 8,000, scaled up. Everything else is exact. */
bool corpus_sel_estimated(const struct corpus_sel *sel);
/* Number of documents in the selection. */
size_t corpus_sel_count(const struct corpus_sel *sel);
/* True when the selection is the whole corpus (an empty query). */
bool corpus_sel_is_all(const struct corpus_sel *sel);
void corpus_sel_free(struct corpus_sel **sel);

/* Bring the statistics tables kept in the index (per-document dates,
 * outlets and topics; the timeline of all; entity counts; top pairs; the
 * full-text vocabulary; figure subject keys) up to date with its documents:
 * the changes since the last refresh are applied as deltas, or everything is
 * rebuilt when full is set, when the extraction rules changed, when much
 * changed or when they are marked stale (the schema upgrade that creates
 * them does): about 3.5 s of CPU at 100k documents. Runs in the caller's
 * transaction when there is one, else in its own. The index run calls it
 * at its end; readers never need to (without current tables every function
 * reads the index's own tables, more slowly, with the same answers). */
int corpus_refresh(struct store *s, bool full, struct ds_error *err);

/* 1 when the derived tables describe the index as it is now (the last index
 * run refreshed them and nothing changed since), 0 when they do not (every
 * function then reads the index's own tables), -1 on error. The store's
 * stats_tables_current() (store_stats.h), which the store's own readers use. */
int corpus_derived_current(struct store *s, struct ds_error *err);

/* For tests and benchmarks: when use is false, every function ignores the
 * derived tables and reads the index's own tables (the answers must be the
 * same). */
void corpus_use_derived(struct store *s, bool use);

/* ---- counts and shares (topics, outlets, entities) -------------------------------------- */

struct corpus_count {
    char *key;    /* topic slug, outlet, entity name */
    char *label;  /* topic name or entity kind; NULL when none */
    int64_t count;
    double share; /* count / documents in the selection (0..1) */
};
void corpus_counts_free(struct corpus_count *c, size_t n);

enum corpus_dist {
    CORPUS_DIST_TOPIC,  /* documents per topic */
    CORPUS_DIST_SOURCE, /* documents per outlet ("(unknown)" for none) */
};
/* The top max values (0 = all) by document count, ties by key. */
int corpus_distribution(struct store *s, const struct corpus_sel *sel, enum corpus_dist kind,
                        size_t max, struct corpus_count **out, size_t *n_out,
                        struct ds_error *err);

/* The top max entities of a kind (kind < 0: any kind) by the number of
 * selected documents mentioning them; label is the kind's name. */
int corpus_entities(struct store *s, const struct corpus_sel *sel, int kind, size_t max,
                    struct corpus_count **out, size_t *n_out, struct ds_error *err);

/* Entities appearing together: pairs among the selection's top entities,
 * by the number of documents mentioning both. */
struct corpus_pair {
    char *a, *b;             /* entity names, a < b */
    enum entity_kind kind_a, kind_b;
    int64_t docs;
};
void corpus_pairs_free(struct corpus_pair *p, size_t n);
int corpus_cooccur(struct store *s, const struct corpus_sel *sel, size_t max,
                   struct corpus_pair **out, size_t *n_out, struct ds_error *err);

/* ---- coverage over time ------------------------------------------------------------------ */

enum corpus_unit {
    CORPUS_UNIT_AUTO, /* chosen from the date range (see corpus_unit_for_range) */
    CORPUS_UNIT_WEEK, /* weeks starting on Monday, keyed by that Monday */
    CORPUS_UNIT_MONTH,
    CORPUS_UNIT_YEAR,
};
const char *corpus_unit_name(enum corpus_unit u);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back: week
 * buckets and the browser's period filters are computed with these. */
long corpus_days_from_civil(int y, int m, int d);
void corpus_civil_from_days(long days, int *y, int *m, int *d);

/* Documents per day, the input of bucketing. date is "YYYY-MM-DD", "YYYY-MM"
 * or "YYYY" (a missing month or day counts as the first). */
struct corpus_datecount {
    const char *date;
    int64_t count;
};

struct corpus_bucket {
    char key[12];   /* "2021-03" (month), "2021" (year), "2021-03-01" (week's Monday) */
    int64_t count;
};

/* One series over the same buckets (a topic's coverage, for sparklines). */
struct corpus_series {
    char *key;      /* topic slug */
    char *label;    /* topic name or NULL */
    int64_t total;
    int64_t *counts; /* nbuckets entries */
};

struct corpus_timeline {
    enum corpus_unit unit;
    struct corpus_bucket *buckets; /* contiguous: empty periods are present with 0 */
    size_t nbuckets;
    int64_t dated, undated;        /* documents with and without a usable date */
    int64_t undated_why[4];        /* the undated by enum undated_reason (article.h);
                                    * [0]: indexed before reasons were kept */
    int64_t max;                   /* largest bucket count (for scaling bars) */
    struct corpus_series *series;
    size_t nseries;
};
void corpus_timeline_clear(struct corpus_timeline *t);

/* Month when the range spans 4..60 months (at most 60 bars: a screen's
 * width or height); year beyond; week for a range of 15 days to 3 months;
 * month for anything shorter (a single date). */
enum corpus_unit corpus_unit_for_range(const char *first, const char *last);

/* Bucket dates[0..n) into *out (which must be zeroed): buckets run from the
 * first to the last date's period with no gaps. Unparseable dates count as
 * undated. With no dated input, nbuckets is 0 ("no dated articles"). */
void corpus_timeline_build(const struct corpus_datecount *dates, size_t n, enum corpus_unit unit,
                           int64_t undated, struct corpus_timeline *out);
/* Add a series bucketed like t (dates outside its range are ignored). The
 * key and label are copied. */
void corpus_timeline_add_series(struct corpus_timeline *t, const char *key, const char *label,
                                const struct corpus_datecount *dates, size_t n);

/* The selection's timeline plus one series per top topic (at most
 * max_series). */
int corpus_timeline(struct store *s, const struct corpus_sel *sel, enum corpus_unit unit,
                    size_t max_series, struct corpus_timeline *out, struct ds_error *err);

/* ---- figures ----------------------------------------------------------------------------- */

struct corpus_figure {
    int64_t doc_id;
    char *date;        /* or NULL */
    char *source;      /* or NULL */
    char *text;        /* as written */
    double value;
    char *unit;        /* or NULL */
    char *kind;        /* figure_kind_name() */
    char *period;      /* or NULL */
    char *subject;     /* or NULL */
    char *subject_key; /* corpus_subject_key(subject): "" when no subject */
    uint32_t start, end; /* byte span in the document's body */
};
void corpus_figures_free(struct corpus_figure *f, size_t n);

enum corpus_fig_sort {
    CORPUS_FIG_BY_SUBJECT, /* grouped by subject key, biggest group first (no subject last),
                              each group by date: how a number evolved */
    CORPUS_FIG_BY_DATE,    /* oldest first, undated last */
    CORPUS_FIG_BY_VALUE,   /* largest first */
};

/* Every figure of the selected documents (at most max, 0 = no limit), in
 * the given order. */
int corpus_figures(struct store *s, const struct corpus_sel *sel, enum corpus_fig_sort sort,
                   size_t max, struct corpus_figure **out, size_t *n_out, struct ds_error *err);
void corpus_figures_sort(struct corpus_figure *f, size_t n, enum corpus_fig_sort sort);

/* Normalised subject for grouping: lowercase, split on anything that is not
 * a letter or digit, English stopwords dropped, words sorted and joined by
 * one space ("China's trade with the US" -> "china trade us"). Newly
 * allocated; "" for NULL or a subject of stopwords only. */
char *corpus_subject_key(const char *subject);

/* ---- keyword in context ------------------------------------------------------------------ */

struct corpus_kwic {
    int64_t doc_id;
    uint32_t start, end; /* the occurrence: byte span in the document's body */
    char *left;          /* context before, cleaned, at most width columns, not padded */
    char *kw;            /* the occurrence as written, cleaned */
    char *right;         /* context after, cleaned, at most width columns */
};
void corpus_kwic_free(struct corpus_kwic *k, size_t n);

enum corpus_kwic_sort {
    CORPUS_KWIC_BY_DOC,   /* document order, then position */
    CORPUS_KWIC_BY_LEFT,  /* by the words before, nearest first */
    CORPUS_KWIC_BY_RIGHT, /* by the words after */
};

/* Every occurrence of term (a word or phrase, matched the way the index
 * stems it: "tariff" finds "tariffs"; text with CJK characters is matched as
 * a case-insensitive substring) in the selected documents, with width
 * columns of context on each side; at most max lines (0 = 10,000). Returns
 * 0 (possibly with no lines), -1 on error. *truncated_out (optional) is set
 * when max stopped the search. */
int corpus_kwic_find(struct store *s, const struct corpus_sel *sel, const char *term,
                     size_t width, size_t max, struct corpus_kwic **out, size_t *n_out,
                     bool *truncated_out, struct ds_error *err);

/* The same search in steps, so a front end can show what is found so far
 * and stay responsive (tokenizing costs ~45 ms per MB of text):
 * corpus_kwic_begin lists the candidate documents (sel is not needed
 * afterwards); corpus_kwic_more looks in up to ndocs more of them and returns
 * 1 while some remain, 0 when done, -1 on error; corpus_kwic_lines borrows
 * the lines found so far (document order); corpus_kwic_progress says how
 * many candidates were read of how many; corpus_kwic_take hands the lines
 * over (free with corpus_kwic_free); corpus_kwic_end frees the search. */
struct corpus_kwic_scan;
int corpus_kwic_begin(struct store *s, const struct corpus_sel *sel, const char *term,
                      size_t width, size_t max, struct corpus_kwic_scan **out,
                      struct ds_error *err);
int corpus_kwic_more(struct corpus_kwic_scan *k, size_t ndocs, struct ds_error *err);
const struct corpus_kwic *corpus_kwic_lines(const struct corpus_kwic_scan *k, size_t *n_out,
                                            bool *truncated_out);
void corpus_kwic_progress(const struct corpus_kwic_scan *k, size_t *done, size_t *total);
void corpus_kwic_take(struct corpus_kwic_scan *k, struct corpus_kwic **out, size_t *n_out);
void corpus_kwic_end(struct corpus_kwic_scan **k);

/* The KWIC line for the match [start, end) of body (len bytes): contexts
 * cut to width display columns at character boundaries, whitespace runs
 * and control characters turned into single spaces. Fills *out (owned). */
void corpus_kwic_make(const char *body, size_t len, size_t start, size_t end, size_t width,
                      struct corpus_kwic *out);
void corpus_kwic_sort(struct corpus_kwic *k, size_t n, enum corpus_kwic_sort sort);

/* Append one aligned line: left context right-aligned in width columns, a
 * space, the keyword, a space, the right context. Every line's keyword
 * starts at column width + 1, whatever the scripts. */
void corpus_kwic_format(const struct corpus_kwic *k, size_t width, struct buf *out);

/* ---- distinctive terms (keyness) ---------------------------------------------------------- */

/* Log-likelihood (G2, Dunning 1993; Rayson & Garside 2000) of a term seen a
 * times in a target of c tokens and b times in a reference of d tokens.
 * Always >= 0; 0 when either total is 0. Same as keyness_g2() (compare.h). */
double corpus_g2(double a, double b, double c, double d);
/* log2 of the ratio of relative frequencies, with 0.5 added to zero counts. */
double corpus_log_ratio(double a, double b, double c, double d);

struct corpus_term {
    char *term;     /* as the index stores it (stemmed, folded) */
    int64_t a, b;   /* occurrences in the target and in the reference */
    double g2;
    double log_ratio;
};
void corpus_terms_free(struct corpus_term *t, size_t n);

struct corpus_keyness {
    struct corpus_term *terms; /* over-represented in the target, highest g2 first */
    size_t nterms;
    int64_t target_tokens, ref_tokens;
    bool sampled;   /* the target (or reference) was too large: counts are from a sample */
};
void corpus_keyness_clear(struct corpus_keyness *k);

/* Terms of target most over-represented against ref (NULL: the rest of the
 * corpus, from the index's vocabulary). Terms seen fewer than min_count
 * times in the target (0 = 3), function words and bare numbers are not
 * scored. Counts are of index tokens (stemmed; CJK as bigrams) in titles and
 * bodies; a set of more than ~24 MB of text is sampled (every k-th
 * document, counts scaled by k, out->sampled set). */
int corpus_keyness(struct store *s, const struct corpus_sel *target, const struct corpus_sel *ref,
                   size_t max, int64_t min_count, struct corpus_keyness *out,
                   struct ds_error *err);

/* The same against the rest of the corpus, in steps (tokenizing costs ~45 ms
 * per MB; a large selection is sampled to ~4 MB as above):
 * corpus_keyness_begin lists target's documents (target is not needed
 * afterwards; the whole corpus is refused); corpus_keyness_more reads up to
 * ndocs more of them and returns 1 while some remain, 0 when done, -1 on
 * error; corpus_keyness_progress says how many were read of how many;
 * corpus_keyness_finish scores the terms into out (clear it with
 * corpus_keyness_clear); corpus_keyness_end frees the scan. */
struct corpus_keyness_scan;
int corpus_keyness_begin(struct store *s, const struct corpus_sel *target, size_t max,
                         int64_t min_count, struct corpus_keyness_scan **out,
                         struct ds_error *err);
int corpus_keyness_more(struct corpus_keyness_scan *k, size_t ndocs, struct ds_error *err);
void corpus_keyness_progress(const struct corpus_keyness_scan *k, size_t *done, size_t *total);
int corpus_keyness_finish(struct corpus_keyness_scan *k, struct corpus_keyness *out,
                          struct ds_error *err);
void corpus_keyness_end(struct corpus_keyness_scan **k);

/* ---- the statistics view in one call ------------------------------------------------------- */

struct corpus_overview {
    int64_t documents;
    struct corpus_timeline timeline;
    struct corpus_count *topics, *sources, *entities;
    size_t ntopics, nsources, nentities;
    struct corpus_pair *pairs;
    size_t npairs;
    bool estimated; /* entity counts and pairs are sampled estimates */
    double seconds; /* how long computing it took */
};
void corpus_overview_clear(struct corpus_overview *o);
/* Timeline (with up to 6 topic series), topics, outlets, top entities of
 * every kind and co-occurring pairs, each limited to max rows. */
int corpus_overview(struct store *s, const struct corpus_sel *sel, size_t max,
                    struct corpus_overview *out, struct ds_error *err);

/* ---- the view as text lines ------------------------------------------------------------- */

/* The overview as lines of at most width display columns (width >= 30):
 * coverage bars, a sparkline per topic, topics, outlets, entities and
 * pairs, each table under a title line. *lines_out is newly allocated;
 * free with corpus_lines_free(). A TUI view draws line i at row i. */
void corpus_render_overview(const struct corpus_overview *o, size_t width, char ***lines_out,
                            size_t *n_out);
/* The timeline part alone (what `dossier timeline` prints). */
void corpus_render_timeline(const struct corpus_timeline *t, int64_t documents, size_t width,
                            char ***lines_out, size_t *n_out);
/* The figures table (date, outlet, figure, period; subject too unless
 * grouped) in at most width columns (width >= 40). grouped: f is sorted
 * CORPUS_FIG_BY_SUBJECT and each subject gets a header "subject (count)". */
void corpus_render_figures(const struct corpus_figure *f, size_t n, bool grouped, size_t width,
                           char ***lines_out, size_t *n_out);
/* The keyness table (term, count here, count there, G2, log2 ratio) in at
 * most width columns (width >= 40). */
void corpus_render_keyness(const struct corpus_keyness *k, size_t width, char ***lines_out,
                           size_t *n_out);
void corpus_lines_free(char **lines, size_t n);

/* ---- export and output helpers --------------------------------------------------------------- */

enum corpus_format { CORPUS_FMT_CSV, CORPUS_FMT_JSON, CORPUS_FMT_MARKDOWN };
/* "csv", "json", "markdown" (or "md"); -1 when unknown. */
int corpus_format_parse(const char *name);

/* Write the selected documents (id, date, outlet, title, path, topics,
 * figures) to f in the given format, in date order. title names the set in
 * the Markdown brief (e.g. the query text). Returns the number of documents
 * written, -1 on error. */
long corpus_export(struct store *s, const struct corpus_sel *sel, enum corpus_format fmt,
                   const char *title, FILE *f, struct ds_error *err);

/* Append s as one CSV field (RFC 4180: quoted when it holds a comma, quote,
 * CR or LF; quotes doubled). NULL is an empty field. Control characters
 * other than newline become spaces. */
void corpus_csv_field(struct buf *b, const char *s);

/* ---- saved searches and what is new to them (saved.c) ----------------------------------- */

/* A saved search with its counts now: total matches, and of them the new
 * ones (documents indexed after it was last opened, store_saved_seen). */
struct saved_count {
    char *name, *query;
    int64_t seen_id; /* the highest document id when it was last opened */
    size_t total, fresh;
    char *error; /* the query no longer parses: why (counts 0), else NULL */
};
/* Every saved search (by name) with its counts: one search each. A query
 * that no longer parses is listed with its error, not fatal. *out newly
 * allocated; free with saved_counts_free. 0, or -1 with err. */
int corpus_saved_counts(struct store *s, struct saved_count **out, size_t *n,
                        struct ds_error *err);
void saved_counts_free(struct saved_count *v, size_t n);
/* Count c's search again as seen at seen_id (a mark the caller keeps
 * until it can write it): c's seen_id, total, fresh and error are
 * replaced. 0, or -1 with err. */
int corpus_saved_recount(struct store *s, struct saved_count *c, int64_t seen_id,
                         struct ds_error *err);

/* Newly allocated copy of s[0..n) fit for one line of a terminal or a
 * Markdown table: invalid UTF-8 becomes U+FFFD, control characters and
 * whitespace runs become one space, ends trimmed. */
char *corpus_clean_line(const char *s, size_t n);

/* ---- themes found in the collection ------------------------------------------------------- */

/* A theme: documents that share their distinctive vocabulary. */
struct corpus_theme {
    int id;        /* 1..k, biggest first when fitted: what theme:N in a query finds */
    char *label;   /* its most distinctive terms, ", " between them */
    int64_t size;  /* documents */
    int64_t *docs; /* their ids, ascending */
};
struct corpus_themes {
    struct corpus_theme *v;
    size_t n;
    size_t k;          /* themes asked for */
    uint64_t seed;     /* the seed of the fit */
    size_t ndocs;      /* documents in the index */
    size_t unassigned; /* of those, with no term of the fit (in no theme) */
    size_t fitted;     /* documents the fit read (a sample of at most sample) */
    size_t sample;     /* the most documents a fit reads */
    size_t fit_docs;   /* documents in the index when fitted */
    size_t nterms;     /* terms of the fit */
    int rounds;        /* k-means rounds run (0 when read from the index) */
};
void corpus_themes_clear(struct corpus_themes *t);
#define CORPUS_THEMES_K 8          /* themes when the caller does not say */
#define CORPUS_THEMES_MAX_K 100    /* themes at most */
#define CORPUS_THEMES_SEED 1       /* the default seed */
#define CORPUS_THEMES_SAMPLE 5000  /* a fit reads at most this many documents */
#define CORPUS_THEMES_MIN_DOCS 100 /* an index run fits themes from this many documents */
#define CORPUS_THEMES_REFIT_SHARE 0.25 /* ... and again once the collection grew by this share */
/* Fit k themes (k <= CORPUS_THEMES_MAX_K) on a sample of at most sample
 * documents, drawn by their content hashes and seed (the same collection
 * and seed give the same sample and themes, whatever order it was indexed
 * in): tf-idf vectors of the index's terms, spherical k-means seeded by
 * seed; then assign every document to its nearest theme, number the themes
 * biggest first, label each by its most distinctive terms (keyness in the
 * sample), and save the fit, the themes and every assignment in the index,
 * replacing any earlier ones. out gets them with their documents. Fails
 * when the index has fewer than k documents. */
int corpus_themes_fit(struct store *s, size_t k, uint64_t seed, size_t sample,
                      struct corpus_themes *out, struct ds_error *err);
/* What corpus_themes_update did. */
struct corpus_themes_run {
    bool fitted;     /* the themes were fitted (again) */
    size_t assigned; /* documents assigned to a theme (or to none) */
};
/* At the end of an index run: with no themes stored, fit them when the
 * index has CORPUS_THEMES_MIN_DOCS documents; with themes stored, fit again
 * (same k, seed and sample) when the collection grew by
 * CORPUS_THEMES_REFIT_SHARE since, else assign only the documents with no
 * theme yet to the stored centroids. Deleted documents' assignments are
 * gone with them; the sizes follow. Writes nothing when nothing changed. */
int corpus_themes_update(struct store *s, struct corpus_themes_run *run, struct ds_error *err);
/* corpus_themes_update in two steps, so that an index run can draw the
 * sample, read it and fit the k-means on a read-only connection of its
 * own (plan: nothing written) while its writer brings the statistics and
 * stories up to date, then save (apply, on the writing connection). The
 * plan reads only documents and the stored fit, which those steps do not
 * change, so the result is corpus_themes_update's. plan: 0, or -1 with
 * err (*out is set either way: free it). */
struct corpus_themes_plan;
/* Called by corpus_themes_plan once the sample is read, before the
 * k-means: an index run waits there for its writer to finish the other
 * steps, so that the fit's two threads have both cores, and the memory
 * those steps took is given back before the fit takes its own. */
struct corpus_themes_wait {
    void (*fn)(void *ud);
    void *ud;
};
int corpus_themes_plan(struct store *s, const struct corpus_themes_wait *wait,
                       struct corpus_themes_plan **out, struct ds_error *err);
int corpus_themes_apply(struct store *s, struct corpus_themes_plan *p, struct corpus_themes_run *run,
                        struct ds_error *err);
void corpus_themes_plan_free(struct corpus_themes_plan **p);
/* The stored themes with their documents and the fit's figures: 1, 0 when
 * none are stored, -1 on error. */
int corpus_themes_read(struct store *s, struct corpus_themes *out, struct ds_error *err);
/* The saved themes with their documents in sel, most first (none with no
 * document in it): key the theme's number ("3", what theme:3 finds), label
 * its terms, count and share of the selection. */
int corpus_theme_counts(struct store *s, const struct corpus_sel *sel, struct corpus_count **out,
                        size_t *n_out, struct ds_error *err);
/* The themes stored in the index, by number (none before a fit): id,
 * label and size of each; docs stays NULL. */
int corpus_themes_saved(struct store *s, struct corpus_themes *out, struct ds_error *err);

#endif
