/*
 * compare/lib.h — what the compare part's files share beyond compare.h: the
 * term table behind struct cmp_counts and the token helpers that terms.c
 * defines and align.c and summary.c use. Nothing outside src/lib/compare/
 * includes it.
 */
#ifndef DOSSIER_LIB_COMPARE_H
#define DOSSIER_LIB_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/compare.h"

struct cmp_entry {
    char *term;
    char *word;
    uint64_t hash;
    uint64_t n;
};

struct cmp_counts {
    struct cmp_entry *e;
    size_t len, ecap;
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t cap;      /* power of two */
    uint64_t total;
};

/* Each sentence of one text as a sorted set of term ids:
 * set[set_off[s] .. set_off[s + 1]) for sentence s < nsents; and, when seq
 * is not NULL, its content terms in the order written (repeats kept):
 * seq[seq_off[s] .. seq_off[s + 1]); and, when quote is not NULL, the terms
 * of every word inside quotation marks, stop words too, in order, each
 * quotation ended by CMP_QUOTE_END, the whole led by CMP_QUOTE_LEAD when
 * the sentence opens with a quotation: quote[quote_off[s] .. quote_off[s + 1]). */
struct cmp_sentset {
    const int32_t *set;
    const size_t *set_off;
    size_t nsents;
    const int32_t *seq;
    const size_t *seq_off;
    const int32_t *quote;
    const size_t *quote_off;
};
#define CMP_QUOTE_END (-1)
#define CMP_QUOTE_LEAD (-2)

/* Flags of a term id (align.c sets them, match.c weighs by them). */
#define CMP_TERM_NAME 1u   /* seen capitalised inside a sentence (weighs more) */
#define CMP_TERM_FIGURE 2u /* holds a digit */
#define CMP_TERM_COMMON 4u /* in more than CMP_COMMON_SHARE of the collection */
#define CMP_TERM_DATE 8u   /* a month or a day of the week (a fact, like a figure) */
#define CMP_TERM_PROPER 16u /* capitalised in most places inside a sentence */

/* match.c: pa[i] = the B sentence paired with A's sentence i or -1 (pb the
 * converse), score_a[i] its score; part_a[i] = the B sentence whose pair
 * A's unpaired sentence i is a split part of, or -1 (part_b the converse);
 * near_a[i] = the B sentence nearest to A's sentence i when i is neither
 * paired nor a part and they score CMP_ALIGN_NEAR of the threshold, else
 * -1, near_score_a[i] that score (near_b, near_score_b the converse).
 * scale (may be NULL) multiplies each term's idf in pair scores, not in
 * the near scores (CMP_RARE_SHARE). Arrays newly allocated;
 * cmp_matching_clear frees them. */
struct cmp_matching {
    int32_t *pa, *pb, *part_a, *part_b, *near_a, *near_b;
    double *score_a, *near_score_a, *near_score_b;
};
void cmp_match(const struct cmp_sentset *A, const struct cmp_sentset *B, const uint8_t *flags,
               const double *scale, size_t nterms, double threshold, struct cmp_matching *out);
void cmp_matching_clear(struct cmp_matching *m);

/* entities.c: the entities of xa and xb linked into groups, one row per
 * group into out (room for xa->nentities + xb->nentities); r (may be NULL)
 * gives the texts searched for a group named on one side only. Returns
 * the number of rows, unsorted. */
size_t cmp_link_entities(const struct extraction *xa, const struct extraction *xb,
                         const struct cmp_result *r, struct cmp_entity_row *out);

/* figures.c: the figures of xa and xb paired into out (room for both
 * counts): agreeing pairs, disagreeing ones (counted in *nconflicts), then
 * each side's own; r (may be NULL) gives the alignment and the texts.
 * Returns the number of rows, unsorted. */
size_t cmp_pair_figures(const struct cmp_result *r, const struct extraction *xa,
                        const struct extraction *xb, struct cmp_figure_row *out,
                        size_t *nconflicts);

/* figure_roles.c: what the words around figure f in text (its body) say.
 * Is f written as a change ("fell $4", "rose by 2 percent", "a rise of 6
 * percent"; or of kind FIGURE_CHANGE), not a level ("fell to $71")? */
bool cmp_figure_is_change(const char *text, const struct figure *f);
/* What f is counted per ("a day", "an hour", "a barrel", "weekly") into out
 * (cap bytes, singular, lower case); its length, 0 for none. */
size_t cmp_figure_per(const char *text, const struct figure *f, char *out, size_t cap);
/* Do the words next to a (in ta) and b (in tb) give them different roles
 * of one group (killed / injured, exports / imports, offered / asked for)? */
bool cmp_figure_roles_differ(const char *ta, const struct figure *a, const char *tb,
                             const struct figure *b);
/* How many content words of the clause right around a and b (a few words
 * each side, stemmed; not those A writes with a capital) do they share? */
size_t cmp_figure_near_shared(const char *ta, const struct figure *a, const char *tb,
                              const struct figure *b);
/* Is word (lower case; a plural 's' aside) one of the words of f's clause
 * right around it? */
bool cmp_figure_near_word(const char *text, const struct figure *f, const char *word);

/* terms.c */
int cmp_int32(const void *p, const void *q);
bool cmp_str_eq(const char *x, const char *y);
bool cmp_is_letter_fragment(const char *s, size_t n);
bool cmp_is_number(const char *s, size_t n);
long cmp_counts_find(struct cmp_counts *c, const char *term, size_t len, bool create);
long cmp_counts_lookup(const struct cmp_counts *c, const char *term);
char *cmp_surface_dup(const char *text, size_t start, size_t end);
/* Other forms of a word (align_forms.c). The figure a number word's term
 * stands for ("fifteen" -> "15"), or NULL. */
const char *cmp_number_word_figure(const char *term);
/* The base form of an irregular English verb form as written ("overridden"
 * -> "override", any case), or NULL. */
const char *cmp_irregular_base(const char *w, size_t n);
/* A dotted acronym needs this many letters ("F.B.I."; "U.S." would join
 * into the pronoun "us"). */
#define CMP_ACRONYM_MIN 3
/* The letters, lower-cased, of the dotted acronym whose first letter is
 * text[start] ("F.B.I." -> "fbi") into out (cap bytes, NUL-terminated);
 * returns their count, 0 when none starts there. */
size_t cmp_dotted_acronym(const char *text, size_t len, size_t start, char *out, size_t cap);
int cmp_run_tokenizer(const struct text_tokenizer *tok, const char *text, size_t len,
                      text_token_fn fn, void *ud);

/* evidence.c: what similar_find weighs besides the text cosine. */
struct sim_facts {
    struct extraction x; /* the stored extraction */
    bool dated;          /* day is set */
    int64_t day;         /* publication day, days since 1970-01-01 */
};
/* Load a document's extraction and date (clear with sim_facts_clear). 0, or
 * -1 with err. */
int sim_facts_load(struct store *s, int64_t doc_id, struct sim_facts *f, struct ds_error *err);
void sim_facts_clear(struct sim_facts *f);
/* Fill d's evidence fields (entities, figures, days) from q and c. */
void sim_evidence(const struct sim_facts *q, const struct sim_facts *c, struct similar_doc *d);
/* The calibrated score of d's evidence (cosine set), 0..1. */
double sim_calibrated(const struct similar_doc *d);

#endif
