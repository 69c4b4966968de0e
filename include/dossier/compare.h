/*
 * compare.h — reading two articles side by side, and finding related ones.
 *
 * Two articles (compare/align.c):
 *   - Both texts are split into sentences (sentences.h) and tokenized (the
 *     index's stemming tokenizer when the caller passes one, else a basic
 *     built-in one); stop words are ignored for similarity.
 *   - Alignment (compare/match.c) pairs each sentence of A with at most one
 *     sentence of B: every pair whose weighted cosine (names, figures and
 *     rare words count most) reaches CMP_ALIGN_THRESHOLD is found through
 *     an inverted index of B (never all-pairs string work) and accepted
 *     greedily, best first, order only breaking near-ties. Reordered text
 *     still pairs; this is not an LCS diff. Then weak pairs (paraphrases,
 *     CMP_ALIGN_WEAK) between sentences that are each other's best match.
 *     A sentence left over that is mostly inside its neighbour's
 *     counterpart, or has it as its best match, joins that pair as a split
 *     part (one sentence told as two).
 *   - The result is a list of rows in A's order (a pair, a sentence only in A,
 *     or one only in B placed after its predecessor in B), grouped into
 *     passages; inside each similar pair, the words that differ are listed
 *     as spans (deleted from A, inserted in B). A view renders rows, a
 *     passage is a run of rows that continue each other on both sides.
 *   - A summary pairs the two extractions: entities in both / only one,
 *     figures in both / only one / that seem to measure the same thing with
 *     a different value (flagged), topics of each.
 *
 * Keyness: log-likelihood G2 of a term's counts in two texts or two sets,
 * for "terms distinctive of each side" (keyness_g2 is the building block the
 * corpus statistics reuse).
 *
 * Near duplicates (compare/minhash.c, compare/neardup.c; rows in store/similar.c): MinHash signatures
 * of word 5-shingles, computed at index time, banded into an LSH table in the
 * store; "more like this" over the FTS5 index.
 *
 * For a view: render rows (each a pair of sentence spans, or one), group them
 * by passages, colour the deleted/inserted spans; compare_render() is the
 * plain-text rendering the CLI prints.
 *
 * Spans are byte ranges into the texts given; all memory in results is owned
 * by the result and freed by its *_clear(); pointers documented as borrowed
 * live as long as the inputs they point into.
 */
#ifndef DOSSIER_COMPARE_H
#define DOSSIER_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/extract.h"
#include "dossier/text.h"
#include "dossier/util.h"

struct store;
struct store_termstats;
struct query;

/* ---- keyness ----------------------------------------------------------------- */

/* Dunning's log-likelihood G2 (Rayson & Garside's form): a and b are a term's
 * counts in corpus 1 and 2, c and d the corpora's total token counts.
 *   E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
 *   G2 = 2(a ln(a/E1) + b ln(b/E2)), a zero count contributing 0.
 * Returns G2 >= 0 (0 when c or d is 0 or a+b is 0); which side the term is
 * distinctive of is the one with the higher relative frequency (a/c vs b/d).
 * G2 > 3.84 is significant at p < 0.05, > 10.83 at p < 0.001. */
double keyness_g2(double a, double b, double c, double d);

/* Term counts of one text or set of texts (stop words and bare numbers
 * left out), for keyness. */
struct cmp_counts;
struct cmp_counts *cmp_counts_new(void);
void cmp_counts_free(struct cmp_counts **c);
/* Tokenize text and add its terms. Returns 0, or -1 when the tokenizer fails. */
int cmp_counts_add_text(struct cmp_counts *c, const char *text, size_t len,
                        const struct text_tokenizer *tok);
/* Add n occurrences of a term (surface is a display form, may be NULL). */
void cmp_counts_add(struct cmp_counts *c, const char *term, const char *surface, uint32_t n);
/* Total tokens counted. */
uint64_t cmp_counts_total(const struct cmp_counts *c);
/* The count of one term (0 when absent). */
uint64_t cmp_counts_get(const struct cmp_counts *c, const char *term);

/* A term with its counts on each side and its keyness. */
struct cmp_term {
    char *term;        /* as tokenized (stemmed) */
    char *word;        /* the first surface form seen, for display */
    uint64_t count_a, count_b;
    double g2;         /* signed: > 0 distinctive of A, < 0 of B */
};
void cmp_terms_free(struct cmp_term *t, size_t n);

/* Every term of c, in first-seen order, its count in count_a (count_b and g2
 * are 0). *out newly allocated (cmp_terms_free); returns the count. */
size_t cmp_counts_terms(const struct cmp_counts *c, struct cmp_term **out);

/* Terms of a and b with G2 of at least min_g2, most distinctive first (by
 * |g2|, then term), at most max per side: A's terms first, then B's (g2 < 0).
 * *out is newly allocated (free with
 * cmp_terms_free); returns the count. */
size_t compare_keyness(const struct cmp_counts *a, const struct cmp_counts *b, double min_g2,
                       size_t max, struct cmp_term **out);

/* Two sets of articles (compare/sets.c). */
struct cmp_sets {
    size_t docs_a, docs_b;       /* articles counted on each side (at most limit, by rank) */
    size_t matched_a, matched_b; /* articles each query matches */
    /* distinctive of A (g2 > 0) first, then of B, by |g2|: terms (token
     * counts, at most 25 a side), entities (15) and topics (10) counted in
     * documents (count_a/count_b are numbers of articles) */
    struct cmp_term *terms, *entities, *topics;
    size_t nterms, nentities, ntopics;
};

/* Compare the first limit articles (by rank) a matches with those b matches:
 * their distinctive terms, entities and topics (G2 >= 3.84). Returns 0 and
 * fills *out (clear with cmp_sets_clear; lists are empty when a side has no
 * articles), or -1 with err on a search or database error. */
int compare_two_sets(struct store *s, const struct query *a, const struct query *b, size_t limit,
                     struct cmp_sets *out, struct ds_error *err);
void cmp_sets_clear(struct cmp_sets *c);

/* ---- aligning two texts ------------------------------------------------------ */

enum cmp_mark {
    CMP_SAME,    /* '=' a pair whose words are identical */
    CMP_SIMILAR, /* '~' a pair with some words changed */
    CMP_ONLY_A,  /* '<' */
    CMP_ONLY_B,  /* '>' */
    CMP_PART,    /* '+' a split part: a sentence whose counterpart is also
                  * its neighbour's (one sentence told as two on the other
                  * side); one of a/b is -1 and with names the counterpart */
    CMP_WEAK,    /* '?' a weak match: a sentence of one side (the other of
                  * a/b is -1) with no pair, whose nearest sentence of the
                  * other side (with) scores CMP_ALIGN_NEAR of the threshold
                  * or more (score); told apart from "only in" */
};
/* The gutter character of a mark: '=', '~', '<', '>', '+'. */
char compare_mark_char(enum cmp_mark m);

struct cmp_row {
    enum cmp_mark mark;
    int32_t a, b;      /* sentence indexes into sent_a / sent_b, -1 when absent */
    double score;      /* the pair's score (0 for one-sided rows and parts) */
    int32_t with;      /* CMP_PART: the other side's sentence, else -1 */
};

struct cmp_passage {
    enum cmp_mark mark; /* SAME when all its rows are, SIMILAR for other pairs */
    size_t row, nrows;  /* rows[row .. row + nrows) */
    struct span a, b;   /* bytes covered in A and B ({0,0} on a missing side) */
};

/* The least score of a strong pair of sentences: the cosine of their term
 * sets, each term weighted by its rarity among the two articles' sentences
 * (idf) and a little more for names and figures (a hyphenated compound
 * also stands for the word written whole, a number word for its figure,
 * an irregular verb form for its base and a dotted acronym for its
 * letters, when either text writes that form). A sentence is "only in A" when no
 * sentence of B reaches this (or the weak pair's rule below) with it, or
 * each that does is the better counterpart of another, and it is no split
 * part of a pair. */
#define CMP_ALIGN_THRESHOLD 0.35
/* A weak pair's least score, as a share of the threshold: a pair under the
 * threshold but at least this is accepted when each sentence is the
 * other's best candidate and they share a name or a figure and one more
 * term (or three terms), one of them no name and not common (in at most
 * CMP_COMMON_SHARE of the collection's documents, when the caller gives
 * cmp_options.rarity; "38 percent", "skylight", not "administration"). "Only
 * in A" means no such pair either. */
#define CMP_ALIGN_WEAK 0.6
/* A weak match's least score, as a share of the threshold (0.35 x 0.3 =
 * 0.105): a sentence with no pair whose best sentence on the other side
 * scores this, sharing two terms or more and not only names, is a weak
 * match (CMP_WEAK), not "only in"; "only in A" means no sentence of B
 * reaches this with it. */
#define CMP_ALIGN_NEAR 0.3
#define CMP_COMMON_SHARE 0.02
/* A word both articles use is evidence of a pair as far as it is rare in
 * the collection (cmp_options.rarity with its docs): held by more than
 * CMP_RARE_SHARE of the documents (or CMP_RARE_DOCS documents in a small
 * collection, whichever is more), its weight in a pair's score is its idf
 * times log(share) / log(CMP_RARE_SHARE), never less than CMP_RARE_FLOOR
 * of it, squared like the idf ("president", "government" and the names a
 * whole story is about say less that two sentences are one statement than
 * "whipsawed"). A sentence's words the other article lacks keep their
 * weight, and so does every word when the nearest sentence of a weak match
 * is scored (CMP_ALIGN_NEAR): a pair standing on common words becomes a
 * weak match, not "only in". On the hand-judged basil-dev rows this keeps
 * 170 of 215 right pairs and 9 of 24 wrong ones
 * (bench/results/2026-12-07-align7.md). */
#define CMP_RARE_SHARE 0.005
#define CMP_RARE_DOCS 5
#define CMP_RARE_FLOOR 0.6

/* Where a term is common: share(ctx, term, word) is the share of the
 * collection's documents holding term (as the tokenizer makes it; word is a
 * surface form of it), 0..1, or < 0 when unknown; docs is the number of
 * documents of the collection (0 when unknown: no word is weighed down by
 * CMP_RARE_SHARE, only marked common by CMP_COMMON_SHARE). */
struct cmp_rarity {
    double (*share)(void *ctx, const char *term, const char *word);
    void *ctx;
    double docs;
};

struct cmp_options {
    double threshold;               /* least pair score; 0 means CMP_ALIGN_THRESHOLD */
    const struct text_tokenizer *tok; /* NULL: text_tokenize_basic */
    const struct cmp_rarity *rarity;  /* NULL: every word counts as rare */
};

/* A cmp_rarity reading the index's document frequencies (store_termstats):
 * cmp_rarity_free() closes it. 0, or -1 with err. */
struct cmp_store_rarity {
    struct cmp_rarity r;
    struct store_termstats *ts;
    double docs;
};
int cmp_rarity_open(struct store *s, struct cmp_store_rarity *out, struct ds_error *err);
void cmp_rarity_free(struct cmp_store_rarity *r);

struct cmp_result {
    struct span *sent_a, *sent_b;   /* the sentences of each text */
    size_t nsent_a, nsent_b;
    struct cmp_row *rows;
    size_t nrows;
    struct cmp_passage *passages;
    size_t npassages;
    struct span *deleted;           /* words of A's paired sentences absent from B's, sorted */
    size_t ndeleted;
    struct span *inserted;          /* words of B's paired sentences absent from A's, sorted */
    size_t ninserted;
    double similarity;              /* cosine of the texts' term vectors (1 + ln tf), 0..1 */
    double aligned_a, aligned_b;    /* share of each side's sentences that are paired */
    struct cmp_counts *counts_a, *counts_b; /* term counts, for keyness */
    const char *text_a, *text_b;    /* the texts compared (borrowed) */
    size_t len_a, len_b;
};

/* Compare texts a[0..na) and b[0..nb). Returns 0 and fills *out (which the
 * caller clears with cmp_result_clear), or -1 with err set when the
 * tokenizer fails. Deterministic: the same inputs give the same result. */
int compare_texts(const char *a, size_t na, const char *b, size_t nb,
                  const struct cmp_options *opt, struct cmp_result *out, struct ds_error *err);
void cmp_result_clear(struct cmp_result *r);

/* ---- the summary --------------------------------------------------------------- */

enum cmp_side {
    CMP_SIDE_BOTH,
    CMP_SIDE_A,        /* only in A */
    CMP_SIDE_B,        /* only in B */
    CMP_SIDE_CONFLICT, /* figures: same measure, different values */
};
const char *compare_side_name(enum cmp_side s); /* "both", "only-a", "only-b", "conflict" */

/* Borrowed pointers into the extractions given to compare_summarize. */
struct cmp_entity_row {
    enum cmp_side side;
    const struct entity *a, *b; /* NULL on the side that lacks it */
};
struct cmp_figure_row {
    enum cmp_side side;
    const struct figure *a, *b;
};
struct cmp_topic_row {
    const char *slug;
    double score_a, score_b;    /* 0 when the side lacks the topic */
};

struct cmp_summary {
    struct cmp_entity_row *entities; /* both first, then only A, then only B */
    size_t nentities;
    struct cmp_figure_row *figures;  /* conflicts first, then both, only A, only B */
    size_t nfigures, nconflicts;
    struct cmp_topic_row *topics;    /* by the higher score, best first */
    size_t ntopics;
    struct cmp_term *terms;          /* distinctive terms (compare_keyness, G2 >= 3.84) */
    size_t nterms;
};

/* Pair the extractions xa (of text A) and xb (of B) using the alignment r
 * (may be NULL). Figures are the same on both sides when their units agree
 * and their values are equal within 0.5%, within the step of the last
 * digit either was written with ("$43 million" is "$43,885,310"), or
 * within 5% when either is approximate ("roughly"). They disagree only
 * when they describe the same quantity: same unit and kind, values within
 * a factor of 3, not told apart by the words next to them (a change and a
 * level, "fell $4" / "closed at $11"; "a day" / "a week"; roles of one
 * group, "killed" / "injured", compare/figure_roles.c), and the same
 * subject head with a word of context in common, or (without subjects that
 * say what is measured: a subject that names who acts, "Mr. Trump",
 * repeats the unit, or whose head is not near the figure counts as none;
 * subjects whose heads differ veto unless one is named in the other's
 * sentence) each the only such figure left (agreed ones aside) in its
 * sentence, the two sentences aligned with a word of context in common
 * besides the figure's own (two when only a weak pair), or the two clauses
 * sharing two content words (one, with a name both sentences give)
 * (compare/figures.c).
 * Entities are linked across forms first (compare/entities.c); a group
 * named on one side only is in both when the other text names it.
 * Fills *out (clear with cmp_summary_clear); it borrows from xa and xb. */
void compare_summarize(const struct cmp_result *r, const struct extraction *xa,
                       const struct extraction *xb, struct cmp_summary *out);
void cmp_summary_clear(struct cmp_summary *s);

/* ---- rendering ----------------------------------------------------------------- */

/* Wrap text[0..n) to at most cols display columns per line (utf8.h widths:
 * CJK is 2 columns), breaking at spaces where possible and anywhere inside
 * words longer than a line (CJK text breaks between characters). Control
 * characters become spaces. Returns the number of lines and sets *lines to
 * a newly allocated array of spans into text (trailing spaces excluded). */
size_t compare_wrap(const char *text, size_t n, size_t cols, struct span **lines);

/* Render r side by side in width columns (at least 20): each row's two
 * sentences wrapped into two columns around a 3-column gutter showing the
 * row's mark; a blank line between passages. A passage only in A next to
 * one only in B (a rewritten stretch) shares its lines, marked '|' where
 * both columns hold a sentence. With marks, deleted words appear as
 * [-word-] and inserted ones as {+word+}. Text never carries control or
 * bidi characters. Appends to out. */
void compare_render(const struct cmp_result *r, const char *a, const char *b, size_t width,
                    bool marks, struct buf *out);

/* ---- near duplicates (MinHash) ------------------------------------------------------ */

#define MINHASH_K 64       /* hashes per signature */
#define MINHASH_BANDS 8     /* LSH bands, each of MINHASH_BAND_ROWS slots */
#define MINHASH_BAND_ROWS 3 /* P(candidate) = 1-(1-J^3)^8: J=0.5 0.66, 0.7 0.97, 0.8 0.999 */

/* The MinHash signature of body's word 5-shingles (words lowercased; each CJK
 * character is a word), by one-permutation hashing with densification, so a
 * document costs one hash per shingle. A text with fewer than 5 words is one
 * shingle; an empty one gives all 0xFFFFFFFF. Returns the number of
 * shingles (words - 4; repeats counted, which news text rarely has), the
 * set size the containment estimate needs; 0 for an empty text. */
uint32_t minhash_signature(const char *body, size_t n, uint32_t sig[MINHASH_K]);

/* The signature near-duplicates are judged by: minhash_signature of
 * body's content lines, leaving out caption lines ("Caption: ", "Photo: ",
 * "Photos: ", "Image: ", "Video: " at the start, or "Hide Caption"
 * anywhere) and page furniture (compare_furniture_line), which repeat
 * across a site's pages whatever the article. Signatures saved by an older
 * rule are recomputed once (STORE_SIG_RULE, store_similar.h). */
uint32_t minhash_content_signature(const char *body, size_t n, uint32_t sig[MINHASH_K]);

/* Is the line s (n bytes, no newline) page furniture rather than story
 * (compare/furniture.c): a label of fewer than five words with no sentence
 * end ("Read more", "Advertisement"), or a call to action ("Sign up for our
 * newsletter...", "Share this story")? By shape only, naming no site;
 * stricter than ingest's cleaning, since only signatures and story keys
 * leave these lines out, never the text. */
bool compare_furniture_line(const char *s, size_t n);
/* Does s end a sentence (., !, ? or ." and the like at its end, trailing
 * spaces, quotes and brackets skipped)? */
bool compare_ends_sentence(const char *s, size_t n);

/* Estimated Jaccard similarity of the two shingle sets: the share of equal
 * slots (0..1). */
double minhash_similarity(const uint32_t a[MINHASH_K], const uint32_t b[MINHASH_K]);

/* The estimated share of the smaller set found in the larger, from the
 * estimated Jaccard j and the two sets' sizes: |A n B| = j(|A|+|B|)/(1+j),
 * over min(|A|,|B|), at most 1 (0 when a set is empty). */
double minhash_containment(double j, uint32_t na, uint32_t nb);

/* Two documents are near-duplicates when their Jaccard reaches
 * NEARDUP_MIN_JACCARD, or when it reaches NEARDUP_CONTAINED_MIN_JACCARD and
 * their containment reaches NEARDUP_MIN_CONTAINMENT (near these floors
 * decided on the exact sets, neardup_pair). The second rule is for edited
 * copies of short articles: two of eight paragraphs out, one in and ten
 * words changed leave the Jaccard at 0.2-0.5 but the containment at 0.54
 * or more for 95% of them, while articles of one event told by different
 * outlets share at most 0.34 of their 5-shingles (basil-dev's 159 pairs);
 * the floor sits between the two (bench/results/2026-12-07-neardup2.md).
 * The Jaccard floor keeps a short text from being a duplicate of any long
 * one that quotes it. */
#define NEARDUP_MIN_JACCARD 0.5
#define NEARDUP_CONTAINED_MIN_JACCARD 0.2
#define NEARDUP_MIN_CONTAINMENT 0.45
/* Are two documents with (estimated or exact) Jaccard j and na, nb
 * shingles near-duplicates by the rules above? */
bool neardup_near(double j, uint32_t na, uint32_t nb);

/* The exact Jaccard and containment of the distinct word 5-shingles of two
 * texts' content lines (as minhash_content_signature reads them). */
void minhash_content_overlap(const char *a, size_t na, const char *b, size_t nb, double *jaccard,
                             double *containment);

/* Paragraphs found again: of each text's content lines of
 * NEARDUP_PARA_MIN_WORDS words or more that end a sentence, or of
 * NEARDUP_PARA_LONG_WORDS words or more (prose: not a list of headlines a
 * site repeats under its pages, though a paragraph may lack its full
 * stop; nor a line of names, a team sheet, whose words mostly start with a
 * capital: two reports of one match share it), the share that the other text has
 * too, word for word but for a few words (their distinct words agree to
 * NEARDUP_PARA_SAME of the larger line's); the smaller of the two shares is
 * returned, and *matched is the smaller of the two counts. An edited copy
 * keeps most of its original's paragraphs whole, however long the ones
 * taken out were, while shingle containment counts words and falls with
 * them; two outlets' tellings of one event rewrite theirs (basil-dev's 159
 * pairs: at most 0.25, two paragraphs; 683 of 700 edited copies of seven
 * seeds at 0.5 or more with three or more; bench/results/2026-12-07-issue17b.md). */
double minhash_paragraphs_shared(const char *a, size_t na, const char *b, size_t nb,
                                 size_t *matched);
#define NEARDUP_PARA_MIN_WORDS 8
#define NEARDUP_PARA_LONG_WORDS 15
#define NEARDUP_PARA_MAX_CAPITALS 0.6
#define NEARDUP_PARA_SAME 0.7
/* A pair checked on its texts (below) is also near when this share of
 * both sides' paragraphs, and at least NEARDUP_PARA_MIN_MATCHED of them,
 * are found again. */
#define NEARDUP_PARA_MIN_SHARE 0.5
#define NEARDUP_PARA_MIN_MATCHED 3

/* Paragraphs and lines of names found again: as minhash_paragraphs_shared,
 * with the content lines of NEARDUP_LIST_MIN_WORDS words or more that are
 * mostly capitalised (team sheets, squads, lists of people) counted too. A
 * page made of team sheets (a match preview) and its edited copy share
 * little else; two reports of one match share them too, so neardup_pair
 * reads them only for two pages of the same title (with the same share and
 * count as paragraphs). */
double minhash_name_lines_shared(const char *a, size_t na, const char *b, size_t nb,
                                 size_t *matched);
#define NEARDUP_LIST_MIN_WORDS 6

/* Below NEARDUP_MIN_JACCARD the estimate decides only far from the floors:
 * a pair estimated at NEARDUP_CHECK_MIN_JACCARD and containment
 * NEARDUP_CHECK_MIN_CONTAINMENT or more is checked on the two stored texts
 * (minhash_content_overlap), since with 64 slots the estimate spreads by
 * about 0.06 and would miss copies just above the floors or take pairs
 * just below them. The containment gate is low (0.2, not the 0.45 floor)
 * because the paragraph test above needs the texts too: a copy with a true
 * Jaccard of 0.24 and containment of 0.41 was estimated at 0.14 / 0.25
 * (seven seeds of bench/neardup_eval.py: 5 copies grouped by the lower
 * gate, none by a Jaccard gate of 0.06 instead of 0.1). */
#define NEARDUP_CHECK_MIN_JACCARD 0.1
#define NEARDUP_CHECK_MIN_CONTAINMENT 0.2

/* A saved signature: the MINHASH_K slots, then the shingle count, each
 * 32-bit little-endian (STORE_SIG_RULE 3 and later). */
#define NEARDUP_SIG_BYTES ((MINHASH_K + 1) * sizeof(uint32_t))

/* ---- near-duplicates and "more like this" (compare/neardup.c, similar.c) ---- */

/* Saving signatures while indexing: open one writer per run, put each new or
 * changed document, free it before store_close(). Call inside the run's
 * transactions. put replaces the document's previous signature and bands. */
struct neardup_writer;
int neardup_writer_open(struct store *s, struct neardup_writer **out, struct ds_error *err);
int neardup_writer_put(struct neardup_writer *w, int64_t doc_id, const uint32_t sig[MINHASH_K],
                       uint32_t shingles, struct ds_error *err);
/* minhash_content_signature(body) then neardup_writer_put. */
int neardup_writer_add(struct neardup_writer *w, int64_t doc_id, const char *body, size_t len,
                       struct ds_error *err);
void neardup_writer_free(struct neardup_writer **w);

/* Compute and save signatures of every document that has none (an index made
 * before signatures existed) — of every document when the saved ones follow
 * an older rule (STORE_SIG_RULE) — and sweep band rows left by deleted
 * documents (in its own transaction unless one is open). Returns the number
 * computed, or -1 with err. Whether one is due: store_sig_stale(). */
long neardup_backfill(struct store *s, struct ds_error *err);

/* The saved signature of doc_id and its shingle count (shingles may be
 * NULL): 1 found, 0 none, -1 with err. */
int neardup_signature(struct store *s, int64_t doc_id, uint32_t sig[MINHASH_K],
                      uint32_t *shingles, struct ds_error *err);

/* A related document. similar_find fills every field; neardup_find only
 * the first four (the evidence stays 0, dated false). */
struct similar_doc {
    int64_t id;
    double score;      /* similarity with the document (0..1, see similar_find) */
    double jaccard;    /* estimated shingle Jaccard, -1 when unknown */
    bool near_dup;     /* neardup_pair: Jaccard, or containment with a Jaccard floor */
    /* the evidence the score combines (compare/evidence.c) */
    double cosine;     /* tf-idf cosine of the full texts, 0..1 */
    double lead_cosine; /* tf-idf cosine of the titles and leads, 0..1 */
    double entities;   /* Dice coefficient of the two entity sets, 0..1 */
    int shared_entities; /* entities (same kind and name) in both */
    int shared_figures;  /* figures with the same unit and value (within 0.5%) in both */
    bool dated;        /* both have a publication date: days is set */
    int days;          /* days between the two dates */
};

/* A similar_find score at or above this says "probably the same story": the
 * score is calibrated as the probability that two articles tell the same
 * event (bench/results/2026-12-06-similar-era.md). */
#define SIMILAR_SAME_STORY 0.5

/* One line saying why d is similar to doc_id, appended to out: the shared
 * entities (at most three, the most mentioned first, "+N" for the rest),
 * the number of shared figures, the days apart ("same day"), e.g.
 * "Michael Steele, RNC, Afghanistan +2 · 1 figure · 2 days apart"; "no
 * shared entities" when there are none. 0, or -1 with err. */
int similar_explain(struct store *s, int64_t doc_id, const struct similar_doc *d,
                    struct buf *out, struct ds_error *err);

/* Are documents a and b, whose signatures estimate Jaccard j over na and
 * nb shingles, near-duplicates? An estimate of NEARDUP_MIN_JACCARD or more
 * says yes; one in the checked range is decided by the exact overlap of
 * the stored texts (neardup_near on exact values); others say no. 1 yes,
 * 0 no, -1 with err. similar's marks, neardup_find and the groups all
 * decide by it. */
int neardup_pair(struct store *s, int64_t a, int64_t b, double j, uint32_t na, uint32_t nb,
                 struct ds_error *err);

/* Near-duplicates of doc_id found by its LSH bands (estimated Jaccard >=
 * min_jaccard, or neardup_near), most similar first, ties by id. *out newly allocated (free()). 0, or -1 with err. A
 * document without a signature has none. */
int neardup_find(struct store *s, int64_t doc_id, double min_jaccard, struct similar_doc **out,
                 size_t *n_out, struct ds_error *err);

/* The documents most similar to doc_id: candidates from an FTS5 OR query of
 * its 40 most distinctive words (tf-idf) and its near-duplicates, each
 * scored on the cosine of the two texts' full tf-idf vectors (title terms
 * counted three times), the same cosine over their titles and leads, the
 * entities they share and the days between their dates, combined into a
 * calibrated probability of the same
 * story (0..1, comparable across queries; see SIMILAR_SAME_STORY). At
 * most limit rows (0: all), best first, ties by id.
 * *out newly allocated (free()). 0, or -1 with err (no such document,
 * database error). */
int similar_find(struct store *s, int64_t doc_id, size_t limit, struct similar_doc **out,
                 size_t *n_out, struct ds_error *err);
/* similar_find's score and evidence of one pair: how likely b tells a's
 * story, in *out (jaccard left unknown, -1). 0 (a document b gone
 * meanwhile scores 0), or -1 with err (no document a, database error). */
int similar_pair(struct store *s, int64_t a, int64_t b, struct similar_doc *out,
                 struct ds_error *err);

/* Groups of near-duplicate documents over the whole index: candidates share
 * an LSH band or a value in any of enough slots that no pair with an
 * estimated Jaccard of NEARDUP_CONTAINED_MIN_JACCARD is missed; pairs
 * verified by signature (estimated Jaccard >= min_jaccard, or
 * neardup_near) and joined transitively. Each group's ids are sorted;
 * groups are ordered by size then first id. *groups_out is an array of
 * ngroups arrays, *sizes_out their lengths; free with neardup_groups_free. */
int neardup_groups(struct store *s, double min_jaccard, int64_t ***groups_out, size_t **sizes_out,
                   size_t *ngroups, struct ds_error *err);
void neardup_groups_free(int64_t **groups, size_t *sizes, size_t ngroups);

#endif
