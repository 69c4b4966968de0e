/*
 * view_compare.h — private to the compare view: the comparison it shows
 * (struct cmp_state, view_compare.c) and its lines laid out in two columns
 * or across both (struct grid, compare_grid.c).
 */
#ifndef DOSSIER_VIEW_COMPARE_H
#define DOSSIER_VIEW_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/compare.h"
#include "tui.h"

/* Columns between the two sides (the row's mark in the middle). */
#define GUTTER 3

struct cmp_line {
    long a, b;  /* index into la / lb, -1 when the side is empty */
    long full;  /* index into lfull for a full-width line, else -1 */
    long row;   /* the cmp_result row it shows (-1: none) */
    char mark;  /* gutter mark on a row's first line, else ' ' */
    bool diff;  /* the first line of a run of differing rows (n/N stop here) */
};

/* Lines laid out in two columns or across both. */
struct grid {
    struct tlines la, lb, lfull;
    struct cmp_line *lines;
    size_t n, cap;
};

struct cmp_state {
    /* two sets of articles (=): queries and their comparison; else two articles */
    bool sets;
    char *query_a, *query_b;
    struct cmp_sets cs;
    int64_t id_a, id_b;
    struct doc_record da, db;
    struct extraction xa, xb;
    struct cmp_result r;
    struct cmp_summary sum;
    double ms; /* time to compare (backend) */
    int width; /* laid out for */
    struct grid hdr, body;
    size_t top_a, top_b; /* first body line shown on each side */
    bool unlocked;
    int side; /* 0 A, 1 B: the side Tab selected */
};

/* Empty grid; grid_clear frees its lines and leaves it empty. */
void grid_init(struct grid *g);
void grid_clear(struct grid *g);
/* Lay s out for a pane w columns wide: the strip (s->hdr) and the aligned
 * rows (s->body), or the two sets' lists; a re-layout keeps the aligned
 * row at the top of each side. */
void grid_layout(struct cmp_state *s, int w);

#endif
