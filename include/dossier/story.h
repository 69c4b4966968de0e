/*
 * story.h — stories: the same event told by any outlet within days
 * (compare/story.c; rows in store_story.h).
 *
 * Grouping runs at the end of every index run, over the documents not
 * grouped yet, in order of date: each joins the story of a match among
 * the articles published within STORY_DAYS days of it, or starts a story of
 * its own. Matches are found and first scored on a key vector per article
 * (its title, counted three times, and the first STORY_LEAD_WORDS words of
 * its body, tf-idf weighted, cosine), through an inverted index of the
 * articles in the window: a best match at STORY_SURE_SCORE or more is the
 * same story; below it, the best matches of STORY_MIN_SCORE or more are
 * weighed as similar does (similar_pair: whole texts, leads, entities, days
 * apart), and the first that is probably the same story (SIMILAR_SAME_STORY)
 * is joined, if the article also agrees with the story's first STORY_CORE
 * members (a key cosine of STORY_CORE_SCORE or a pair score of
 * SIMILAR_SAME_STORY with each), so a story does not drift from event to
 * event by matches with its last member, and, when the one person it
 * shares with those members is all that carries the match, the article
 * must also share a word of their common titles other than a name (what
 * happened: "Afghanistan comments", not "Steele"), so the same politician's
 * next event days later starts a story of its own; nor does it join a
 * story of two or more members none of which holds (in its title or lead)
 * a term of its title (its title names only what is new, a running
 * story's next event) or none of which mentions a person its title names
 * while they mention none it names (another person's move on the same
 * theme; a title naming the protagonist and his successor still joins)
 * (bench/results/2026-12-07-story4.md, story5.md); a story whose first article is
 * more than STORY_DAYS away is never joined, so days of updates on one
 * running story do not chain into one. So grouping costs one tokenizing of a title and lead per article,
 * and a pair score only for the few whose key vectors are close but not
 * sure. An article without a date is a story of its own. A story never
 * changes once made: a later article joins it or not.
 */
#ifndef DOSSIER_STORY_H
#define DOSSIER_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "dossier/util.h"

struct store;

#define STORY_DAYS 3          /* a match is at most this many days apart */
#define STORY_LEAD_WORDS 60   /* words of the body in the key vector */
/* On basil-dev + BBC (bench/results/2026-12-06-stories-pairs.md): pair
 * precision 0.959, recall 0.893 (0.937 and 0.843 by the key cosine alone at
 * 0.2); a floor of 0.05 finds more, but on 100k generated articles it scored
 * so many more pairs that grouping took over six times the CPU. A sure
 * match at 0.35 instead of 0.2 is more precise on basil-dev (1.000, recall
 * 0.881) but drops a plain same-story pair of the browser's fixtures. */
#define STORY_MIN_SCORE 0.1   /* key-vector cosine for a possible match */
#define STORY_SURE_SCORE 0.2  /* key-vector cosine for a sure one */
#define STORY_PAIR_SCORE 0.5  /* similar_pair's score for a possible one to join */
/* The members of a story a new one must agree with, and the key cosine
 * that is agreement without a pair score. Fitted on the even events of
 * basil-dev (real dates and moved into 14 days, + BBC): the highest floor
 * that keeps their real-dates pair precision and recall is 0.1, but it
 * split two tellings of the sample corpus (key cosines 0.090 and 0.093,
 * pair scores below 0.2 in an index of 43 articles); 0.08 keeps both. On
 * the odd events: same-era precision 0.548 -> 0.632, real dates 0.918 ->
 * 0.957, real recall kept (bench/results/2026-12-07-story.md). */
#define STORY_CORE 3
#define STORY_CORE_SCORE 0.08
/* A joining article's mean key cosine with the core, as a share of its
 * key cosine with its best match (compare/story.c, core_agrees). Fitted on
 * the even events of basil-dev: 0.55 to 0.7 give the same numbers there
 * (same era + BBC 0.811 -> 0.904 precision, recall 0.901 -> 0.926; real
 * dates kept); the lowest is kept. Odd events, same era: 0.761 -> 0.859
 * precision at the same recall; real dates unchanged; era 14 + BBC + 30k
 * generated 0.737 -> 0.871 precision, recall 0.950 -> 0.937
 * (bench/results/2026-12-07-story3.md). */
#define STORY_CORE_SHARE 0.55
/* The event check (compare/story.c, event_agrees): basil-dev moved into 14
 * days + BBC, precision 0.773 -> 0.859 at the same recall (0.881); real
 * dates unchanged (0.979 / 0.893); grouping CPU at 100k the same
 * (bench/results/2026-12-07-story2.md). */

/* Group every document not grouped yet (see above), in one transaction of
 * its own (none may be open). Returns the number grouped, or -1 with err. */
long story_group(struct store *s, struct ds_error *err);
/* story_group() taking the documents whole days at a time, at most slice
 * documents unless one day has more (each slice read from the index and
 * scored against the grouped ones of its days, earlier slices included),
 * so that its memory does not grow with the number of new documents (issue
 * 16); story_group() uses STORY_SLICE, 0 is all at once. Same stories,
 * same return. A slice's index (its window's keys and terms) is about
 * 3 kB a document: 4,096 took a 50k first run's peak RSS over 64 MB while
 * the themes' plan ran beside it (bench/results/2026-12-07-mem5.md); 1,024
 * costs ~10% more of the step's CPU (the window's margin days and terms
 * read again per slice). */
#define STORY_SLICE 1024
long story_group_slices(struct store *s, size_t slice, struct ds_error *err);

/* The best version of doc_id's story from another outlet: the article of
 * its story, from another outlet, that similar_find ranks highest; else
 * the best similar_find result from another outlet that scores at least
 * SIMILAR_SAME_STORY. 0 and *best, 1 when there is none, -1 with err. */
int story_best_other(struct store *s, int64_t doc_id, int64_t *best, struct ds_error *err);

#endif
