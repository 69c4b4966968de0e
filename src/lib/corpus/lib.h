/*
 * corpus/lib.h — what the corpus part's files (and, until its SQL moves
 * behind store functions, store/corpus.c) share beyond the public corpus.h:
 * the selection struct and the document iterator export uses.
 */
#ifndef DOSSIER_LIB_CORPUS_H
#define DOSSIER_LIB_CORPUS_H

#include "dossier/corpus.h"

struct corpus_ment;

struct corpus_sel {
    struct store *s; /* borrowed */
    int64_t num;     /* rows of temp.corpus_sel with sel = num (0 when all) */
    bool all;        /* every document: nothing stored */
    int64_t *ids;    /* sorted ids (NULL when all) */
    size_t n;
    struct corpus_ment *ment; /* the selection's mentions, loaded on first use */
};

/* Free the mentions cache of a selection (store/corpus.c). */
void corpus_ment_free(struct corpus_ment *m);

/* One selected document as export lists it (strings owned by the iterator,
 * valid during the callback). */
struct corpus_doc {
    int64_t id;
    const char *date, *source, *title, *path, *topics; /* topics: "a,b" or NULL */
    bool has_title;
};

/* Call fn for each selected document, oldest first (undated last); stops
 * when fn returns non-zero. 0 or -1 with err. */
int corpus_docs_each(struct store *s, const struct corpus_sel *sel,
                     int (*fn)(const struct corpus_doc *d, void *ud), void *ud,
                     struct ds_error *err);

/* Free the strings of one figure and zero it (not the struct itself). */
void corpus_figure_clear(struct corpus_figure *f);

/* True when id is in sel (binary search; always true for all). */
bool corpus_sel_has(const struct corpus_sel *sel, int64_t id);

#endif
