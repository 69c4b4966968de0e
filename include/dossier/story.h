/*
 * story.h — stories: the same event told by any outlet within days
 * (compare/story.c; rows in store_story.h).
 *
 * Grouping runs at the end of every index run, over the documents not
 * grouped yet, in order of date: each joins the story of its best match
 * among the articles published within STORY_DAYS days of it, when the
 * match scores at least STORY_MIN_SCORE, or starts a story of its own. The
 * match is scored on a key vector per article (its title, counted three
 * times, and the first STORY_LEAD_WORDS words of its body, tf-idf weighted,
 * cosine), found through an inverted index of the articles in the window:
 * so grouping costs about one tokenizing of a title and lead per article,
 * not a similarity search. An article without a date is a story of its
 * own. A story never changes once made: a later article joins it or not.
 */
#ifndef DOSSIER_STORY_H
#define DOSSIER_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "dossier/util.h"

struct store;

#define STORY_DAYS 3          /* a match is at most this many days apart */
#define STORY_LEAD_WORDS 60   /* words of the body in the key vector */
#define STORY_MIN_SCORE 0.2   /* key-vector cosine for "the same story": on
                               * basil-dev + BBC, pairs in one story are of one
                               * event 94% of the time, and 84% of an event's
                               * pairs end up in one story (bench/story_eval.py) */

/* Group every document not grouped yet (see above), in one transaction of
 * its own (none may be open). Returns the number grouped, or -1 with err. */
long story_group(struct store *s, struct ds_error *err);
/* story_group() taking the documents whole days at a time, at most slice
 * documents unless one day has more (each slice read from the index and
 * scored against the grouped ones of its days, earlier slices included),
 * so that its memory does not grow with the number of new documents (issue
 * 16); story_group() uses STORY_SLICE, 0 is all at once. Same stories,
 * same return. */
#define STORY_SLICE 4096
long story_group_slices(struct store *s, size_t slice, struct ds_error *err);

/* The best version of doc_id's story from another outlet: the article of
 * its story, from another outlet, that similar_find ranks highest; else
 * the best similar_find result from another outlet that scores at least
 * SIMILAR_SAME_STORY. 0 and *best, 1 when there is none, -1 with err. */
int story_best_other(struct store *s, int64_t doc_id, int64_t *best, struct ds_error *err);

#endif
