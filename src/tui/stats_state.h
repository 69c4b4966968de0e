/*
 * stats_state.h — private to the statistics view: the numbers it holds
 * and the lines rendered from them (view_stats.c), which its export
 * (stats_export.c) writes out.
 */
#ifndef DOSSIER_STATS_STATE_H
#define DOSSIER_STATS_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dossier/corpus.h"
#include "tui.h"

enum stats_item_kind { SI_NONE, SI_FILTER, SI_FIGURE, SI_TERM };

/* The table a line belongs to (what e exports). */
enum stats_section {
    SEC_TIMELINE,
    SEC_SERIES,
    SEC_TOPICS,
    SEC_OUTLETS,
    SEC_ENTITIES,
    SEC_PAIRS,
    SEC_TERMS,
    SEC_FIGURES,
    SEC_THEMES,
    SEC_KIND0, /* + index in stats_kinds: people, organisations, countries, places */
};

/* The entity kinds listed on their own, after the mixed top entities. */
#define STATS_NKINDS 4
extern const enum entity_kind stats_kinds[STATS_NKINDS];
extern const char *const stats_kind_titles[STATS_NKINDS];
#define STATS_MAX_PER_KIND 8

struct stats_item {
    enum stats_item_kind kind;
    char *arg;  /* SI_FILTER: query text; SI_TERM: the term */
    size_t fig; /* SI_FIGURE: index in figs */
    int sec;    /* enum stats_section */
};

/* What is computed, in the order the view computes it: the overview first
 * (what the screen opens on), then the figures, then distinctive terms, so
 * a slow part never keeps the first screen back. */
enum stats_stage { STAGE_OVERVIEW, STAGE_KINDS, STAGE_FIGURES, STAGE_KEYNESS, STAGE_DONE };

struct stats_state {
    bool ready;
    int stage;              /* enum stats_stage: the next part to compute */
    struct corpus_sel *sel; /* kept while parts remain */
    char *key;   /* the query text and topic the numbers are for */
    char *error; /* why there is nothing to show, or NULL */
    struct corpus_overview ov;
    struct corpus_figure *figs;
    size_t nfigs;
    int fig_sort; /* enum corpus_fig_sort */
    struct corpus_keyness kn;
    bool has_keyness;
    struct corpus_keyness_scan *kscan; /* distinctive terms being counted */
    char **kn_forms; /* per term: how it is written where it first occurs, or NULL */
    struct corpus_count *kinds[STATS_NKINDS]; /* top entities of each kind */
    size_t nkinds[STATS_NKINDS];
    bool has_kinds;
    struct corpus_count *themes; /* the saved themes' articles in the selection */
    size_t nthemes;
    char **lines; /* rendered for width */
    struct stats_item *items;
    size_t nlines;
    int width;
    double ms;
};

/* Write the table of section sec (enum stats_section) of st to f in fmt
 * (enum corpus_format); *what becomes "figure" for the figures. Returns
 * the rows written, -1 on a write error. */
long stats_export_table(const struct stats_state *st, int sec, FILE *f, int fmt,
                        const char **what);

#endif
