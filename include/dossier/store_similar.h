/*
 * store_similar.h — what the store keeps and reads for similarity: the
 * index's tokenizer, document frequencies, candidate documents for a set of
 * words, and the near-duplicate signature tables. Scoring, LSH banding and
 * grouping belong to the compare part (compare.h), which calls these; the
 * store only reads and writes rows, so it needs neither the MinHash
 * constants nor any compare function.
 *
 * Tables (created on first write, IF NOT EXISTS, so an index made before they
 * existed keeps working; readers treat their absence as "no signatures"):
 *   neardup_sigs(doc_id, sig)        a signature blob (opaque here);
 *                                    deleted with its document (cascade)
 *   neardup_bands(band_hash, doc_id) one row per LSH band key
 * Band rows are only candidates: readers verify each candidate by its
 * signature, so rows left behind by a deleted document are harmless
 * (store_sig_sweep removes them). A document costs one signature row and
 * one band row per band in one b-tree, with no secondary index.
 *
 * The signatures follow a rule (what of the body they are computed from),
 * numbered STORE_SIG_RULE and saved in the meta key "sig_rule" when they
 * all follow it. An index whose signatures follow an older rule (no key:
 * the whole body, before captions and page furniture were left out) is
 * stale: the next index run, or `similar` where it can write, computes
 * them all again (neardup_backfill), so nobody has to re-index.
 */
#ifndef DOSSIER_STORE_SIMILAR_H
#define DOSSIER_STORE_SIMILAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/text.h"
#include "dossier/util.h"

struct store;

/* The index's tokenizer as a text_tokenizer (borrows s). */
void store_text_tokenizer(struct store *s, struct text_tokenizer *out);
/* The same with Chinese and Japanese cut into words (store_tokenize_words). */
void store_text_tokenizer_words(struct store *s, struct text_tokenizer *out);
/* For comparing two texts (compare_texts): as store_text_tokenizer_words,
 * but every Chinese and Japanese word counts, one-character ones (的, 涨)
 * included, and a run is cut as folded, so a sentence written in either
 * script gives the same words. */
void store_text_tokenizer_compare(struct store *s, struct text_tokenizer *out);

/* ---- term statistics ----------------------------------------------------- */

/* Document frequencies for idf, read through one handle per lookup session.
 * From the statistics tables' vocabulary (exact as of the last index run,
 * one indexed read per term) when the index has it; else estimated per
 * word (store_word_docs: exact to 1,024 documents, then extrapolated), which
 * costs about 0.1 ms a word. */
struct store_termstats;
int store_termstats_open(struct store *s, struct store_termstats **out, struct ds_error *err);
void store_termstats_free(struct store_termstats **ts);
/* True when lookups are exact and cheap (the vocabulary is there). */
bool store_termstats_exact(const struct store_termstats *ts);
/* Largest document id, >= the number of documents (0 when empty). */
int64_t store_termstats_docs_total(const struct store_termstats *ts);
/* Documents holding term (as the tokenizer makes it); word is a surface
 * form of it, used when estimating. 0 for a term no document has (or one
 * the index cannot search), -1 with err on failure. */
int64_t store_termstats_df(struct store_termstats *ts, const char *term, const char *word,
                           struct ds_error *err);
/* The same for a term the index tokenizer made (story keys): a Chinese
 * bigram or single character is read from the vocabulary like any other
 * term (its occurrences in the collection, as for words), not counted as a
 * phrase with one full-text query each (~0.1 ms; a Chinese lead has dozens
 * of new bigrams). Without the vocabulary, as store_termstats_df. */
int64_t store_termstats_index_df(struct store_termstats *ts, const char *term, const char *word,
                                 struct ds_error *err);

/* A document's title and body (newly allocated; title may be NULL): 0, 1 no
 * such document, -1 with err. Cheaper than store_doc_get (no raw text). */
int store_doc_text(struct store *s, int64_t doc_id, char **title, char **body,
                   struct ds_error *err);

/* A document's publication day as days since 1970-01-01 (from the first ten
 * characters of its date, YYYY-MM-DD): 0 and *day, 1 when it has no such
 * date or there is no such document, -1 with err. */
int store_doc_day(struct store *s, int64_t doc_id, int64_t *day, struct ds_error *err);

/* The documents (other than exclude) holding any of words[0..n) — each an
 * FTS5 phrase, quoted here — best bm25 first, at most limit. *ids newly
 * allocated (free()). 0, or -1 with err. */
int store_term_candidates(struct store *s, const char *const *words, size_t n, int64_t exclude,
                          size_t limit, int64_t **ids, size_t *n_ids, struct ds_error *err);

/* ---- near-duplicate signatures ------------------------------------------------ */

/* Saving signatures while indexing: one writer per run (it creates the
 * tables and keeps its statements prepared); call inside the run's
 * transactions; free before store_close(). */
struct store_sig_writer;
int store_sig_writer_open(struct store *s, size_t nbands, struct store_sig_writer **out,
                          struct ds_error *err);
void store_sig_writer_free(struct store_sig_writer **w);
/* The document's saved signature (len bytes into sig): 1 found, 0 none, -1
 * with err. */
int store_sig_writer_old(struct store_sig_writer *w, int64_t doc_id, void *sig, size_t len,
                         struct ds_error *err);
/* Replace the document's signature and band rows: bands[0..nbands) are the
 * new band keys, old_bands those of the signature it replaces (NULL when it
 * had none). 0, or -1 with err. */
int store_sig_put(struct store_sig_writer *w, int64_t doc_id, const void *sig, size_t len,
                  const int64_t *bands, const int64_t *old_bands, struct ds_error *err);

/* The rule signatures are computed by now (compare/minhash.c,
 * minhash_content_signature): 2 = content lines, captions and page
 * furniture left out; 3 = the same, with the shingle count saved after
 * the slots (a longer blob, which readers of rule 2's length skip). Bump it
 * whenever that function reads the body or the blob's layout changes. */
#define STORE_SIG_RULE 3
/* 1 when the saved signatures are marked as following STORE_SIG_RULE, else 0. */
int store_sig_rule_current(struct store *s);
/* Mark the saved signatures as following STORE_SIG_RULE: 0, or -1 with err. */
int store_sig_rule_mark(struct store *s, struct ds_error *err);
/* Remove every signature and band row (before computing them all again
 * under a new rule; call inside a transaction): 0, or -1 with err. */
int store_sig_reset(struct store *s, struct ds_error *err);

/* 1 when the signature tables exist, 0 when not, -1 with err. */
int store_sig_tables(struct store *s, struct ds_error *err);
/* 1 when a backfill is due: the newest document has no signature, or the
 * saved signatures follow an older rule than STORE_SIG_RULE; 0 when not or
 * there are no documents, -1 with err. Cheap. */
int store_sig_stale(struct store *s, struct ds_error *err);
/* A document's signature: 1 found (len bytes into sig), 0 none or of another
 * length, -1 with err. */
int store_sig_get(struct store *s, int64_t doc_id, void *sig, size_t len, struct ds_error *err);
/* Documents (other than exclude) with any of the band keys, ascending;
 * *ids newly allocated (free()). 0, or -1 with err. */
int store_sig_band_docs(struct store *s, const int64_t *bands, size_t nbands, int64_t exclude,
                        int64_t **ids, size_t *n_ids, struct ds_error *err);
/* Call fn for every signature of len bytes, by document id; fn returns 0 to
 * go on. 0, fn's non-zero value, or -1 with err. */
int store_sig_each(struct store *s, size_t len,
                   int (*fn)(int64_t doc_id, const void *sig, void *ud), void *ud,
                   struct ds_error *err);
/* Call fn for every band row, ordered by band key then document id. */
int store_sig_bands_each(struct store *s, int (*fn)(int64_t band, int64_t doc_id, void *ud),
                         void *ud, struct ds_error *err);
/* Call fn with the body of every document that has no signature, by id. */
int store_sig_unsigned_each(struct store *s,
                            int (*fn)(int64_t doc_id, const char *body, size_t len, void *ud),
                            void *ud, struct ds_error *err);
/* Remove band rows of documents that have no signature any more. */
int store_sig_sweep(struct store *s, struct ds_error *err);

#endif
