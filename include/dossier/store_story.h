/*
 * store_story.h — the rows behind stories: which story each document is in.
 * Grouping (which article joins which story) is the compare part's
 * (compare/story.c, story.h); the store only reads and writes rows.
 *
 * Table (schema 11): story_docs(doc_id, story, score): one row per
 * document that has been grouped, deleted with its document. A story's id
 * is the id of the article that started it; score is the evidence that
 * put the article in it (0 for the first). A document without a row has
 * not been grouped yet (it came after the last grouping).
 */
#ifndef DOSSIER_STORE_STORY_H
#define DOSSIER_STORE_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/util.h"

struct store;

/* A document as grouping sees it. */
struct story_doc {
    int64_t id;
    int64_t story;  /* 0 when not grouped yet */
    bool dated;
    int64_t day;    /* publication day, days since 1970-01-01 (when dated) */
};

/* Undated documents (no publication day) not grouped yet each start a
 * story of their own, in one statement; *n gets their number. 0, or -1
 * with err. */
int store_story_group_undated(struct store *s, size_t *n, struct ds_error *err);
/* A publication day: how many of its documents are not grouped yet, and
 * how many it has in all. */
struct story_day {
    int64_t day;
    size_t n;
    size_t all;
};
/* Every publication day of the collection, by day, with its counts: one
 * entry a day, not a document (so a million documents read a few
 * thousand); *undated gets the number of undated documents not grouped
 * yet. *out newly allocated (free()). 0, or -1 with err. */
int store_story_ungrouped_days(struct store *s, struct story_day **out, size_t *n,
                               size_t *undated, struct ds_error *err);
/* The dated documents not grouped yet published from day lo to day hi
 * (inclusive), by day and id. *out newly allocated (free()). 0, or -1. */
int store_story_ungrouped_span(struct store *s, int64_t lo, int64_t hi, struct story_doc **out,
                               size_t *n, struct ds_error *err);
/* The grouped documents published from day lo to day hi (inclusive), by
 * day and id. *out newly allocated (free()). 0, or -1 with err. */
int store_story_window(struct store *s, int64_t lo, int64_t hi, struct story_doc **out,
                       size_t *n, struct ds_error *err);
/* Put doc_id in story (its own id for a new story). 0, or -1 with err. */
int store_story_put(struct store *s, int64_t doc_id, int64_t story, double score,
                    struct ds_error *err);

/* The names of the people document doc_id mentions (its extraction), one a
 * line, into *out (newly allocated, "" when none). Grouping leaves them out
 * of what tells one event from another (compare/story.c). 0, or -1. */
int store_story_person_names(struct store *s, int64_t doc_id, char **out,
                             struct ds_error *err);

/* A story as listed. */
struct story_info {
    int64_t id;       /* the story: its first article's id */
    size_t articles;  /* articles in it */
    size_t outlets;   /* distinct outlets named among them (an article without one is
                       * not counted: it may be any of them) */
    char *first, *last; /* earliest and latest publication dates, or NULL */
    char *sources;    /* the outlets, "\n"-separated, by name */
    char *title;      /* the first article's title (or NULL) */
};
void story_info_clear(struct story_info *si);

/* The story doc_id is in: 0 and *info filled (clear it), 1 when the
 * document is not grouped, -1 with err. */
int store_story_of(struct store *s, int64_t doc_id, struct story_info *info,
                   struct ds_error *err);
/* The articles of story, by date and id. *ids newly allocated. 0, or -1. */
int store_story_members(struct store *s, int64_t story, int64_t **ids, size_t *n,
                        struct ds_error *err);
/* Stories of at least min_articles articles, most outlets first, then most
 * articles, then newest, at most limit (0: all); when ids is not NULL only
 * the stories of those documents. *out newly allocated (each cleared with
 * story_info_clear, then free()). 0, or -1 with err. */
int store_story_list(struct store *s, const int64_t *ids, size_t nids, size_t min_articles,
                     size_t limit, struct story_info **out, size_t *n, struct ds_error *err);

#endif
