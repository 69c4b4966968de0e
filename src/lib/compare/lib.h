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

/* terms.c */
bool cmp_is_letter_fragment(const char *s, size_t n);
bool cmp_is_number(const char *s, size_t n);
long cmp_counts_find(struct cmp_counts *c, const char *term, size_t len, bool create);
long cmp_counts_lookup(const struct cmp_counts *c, const char *term);
char *cmp_surface_dup(const char *text, size_t start, size_t end);
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
