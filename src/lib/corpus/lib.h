/*
 * corpus/lib.h — what the corpus part's files share beyond the public
 * corpus.h: the selection struct, the entity pair counting that both the
 * statistics and the refresh of the derived tables use, and the term
 * counts of keyness and of the derived vocabulary. The SQL behind all of it
 * is the store's (store_stats.h).
 */
#ifndef DOSSIER_LIB_CORPUS_H
#define DOSSIER_LIB_CORPUS_H

#include "dossier/containers.h"
#include "dossier/corpus.h"
#include "dossier/store.h"
#include "dossier/store_stats.h"

struct corpus_ment;

struct corpus_sel {
    struct store *s; /* borrowed */
    int64_t num;     /* the store's selection number (0 when all: nothing stored) */
    bool all;        /* every document */
    int64_t *ids;    /* sorted ids (NULL when all) */
    size_t n;
    struct corpus_ment *ment; /* the selection's mentions, loaded on first use */
};

/* An empty mentions cache for a new selection, and its free (entities.c). */
struct corpus_ment *corpus_ment_new(void);
void corpus_ment_free(struct corpus_ment *m);

/* Free the strings of one figure and zero it (not the struct itself). */
void corpus_figure_clear(struct corpus_figure *f);

/* True when id is in sel (binary search; always true for all). */
bool corpus_sel_has(const struct corpus_sel *sel, int64_t id);

/* ---- entity pairs (entities.c) ---------------------------------------------------------- */

/* How many top entities take part: 40*39/2 = 780 pairs. */
#define CORPUS_COOCCUR_TOP 40

int corpus_cmp_i64(const void *a, const void *b);
/* Index of id in the sorted ids[0..n), or -1. */
long corpus_find_id(const int64_t *ids, size_t n, int64_t id);
/* Pair counts among top[0..ntop) (sorted ids) from (doc, entity) rows in
 * document order: matrix[i * ntop + j] for i < j. */
void corpus_pair_matrix(const int64_t *doc, const int64_t *ent, size_t n, const int64_t *top,
                        size_t ntop, int64_t *matrix);
/* Pairs among the entities topids[0..ntop) over the whole corpus (a < b
 * in each). *out is newly allocated. */
int corpus_pairs_of(struct store *s, const int64_t *topids, size_t ntop, struct stats_pair **out,
                    size_t *n_out, struct ds_error *err);

/* ---- term counts (keyness.c) ------------------------------------------------------------ */

/* Term counts: an open-addressing table keyed by the token text. */
struct corpus_tf {
    /* term -> count: an int64 kept in the u64 (a delta may go below zero) */
    struct strmap counts;
    int64_t tokens;
};

void corpus_tf_add(struct corpus_tf *t, const char *token, int64_t count);
void corpus_tf_free(struct corpus_tf *t);
/* Tokens of text (as the index makes them) into tf, each counted sign
 * times; the stats_text_fn of store_stats.h with ud a struct corpus_tf_sign. */
struct corpus_tf_sign {
    struct store *s;
    struct corpus_tf *tf;
    int64_t sign;
    struct ds_error *err;
};
int corpus_tf_text(const char *text, size_t len, void *ud);

/* ---- figures (figures.c) ---------------------------------------------------------------- */

/* The subject key of a stored subject (cleaned first): a stats_key_fn. */
char *corpus_fig_key(const char *subject, void *ud);

#endif
