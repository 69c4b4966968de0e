/*
 * test_story.c — stories (compare/story.c, store/story.c): three outlets'
 * tellings of one event within days form one story; an unrelated article
 * of the same day, the same people three weeks later and an undated
 * article each start their own; a later index run adds a new telling to
 * the story it belongs to, even one dated before the story's first
 * article; the best other-outlet version; the story: query field; two
 * articles sharing only a site's furniture stay apart; new documents read
 * from the index a few days at a time; a Chinese bigram's document count
 * (what a story key weighs it by) is exact past the 1,024 documents that
 * the phrase count would have extrapolated from (and costs no full-text
 * query); an article that matches one member of a story but not its first
 * one starts its own, and so does one whose title names only what is new
 * against a story of two members, or a person none of them mentions (and
 * none they do: a title naming the protagonist and his successor joins).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/corpus.h"
#include "dossier/extract.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "dossier/store_story.h"
#include "dossier/story.h"
#include "tap.h"

/* Removes an index file with its WAL and shared-memory files, and frees
 * the path. */
static void
remove_index(char *path)
{
    char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
    free(wal);
    free(shm);
    free(path);
}

/* A new index NAME in dir (its path in *path, freed by remove_index); a
 * failure to open is said and leaves NULL, which the checks then fail on. */
static struct store *
open_fresh(const char *dir, const char *name, char **path, struct ds_error *err)
{
    *path = xasprintf("%s/%s", dir, name);
    struct store *s = NULL;
    ds_error_clear(err);
    if (store_open(*path, STORE_CREATE, &s, err) != 0)
        diag("open: %s", err->msg);
    return s;
}

static int64_t
add(struct store *s, const char *source, const char *date, const char *title, const char *body)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t)title;
    a.source = (char *)(uintptr_t)source;
    a.published = (char *)(uintptr_t)date;
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.words = 80;
    int64_t id = 0;
    if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) != 0)
        diag("insert: %s", err.msg);
    return id;
}

static int64_t
story_of(struct store *s, int64_t id)
{
    struct story_info si;
    struct ds_error err;
    if (store_story_of(s, id, &si, &err) != 0)
        return 0;
    int64_t story = si.id;
    story_info_clear(&si);
    return story;
}

/* How many documents a query selects. */
static size_t
count(struct store *s, const char *text)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    if (query_parse(text, &q, &err) != 0 || store_search(s, q, SORT_DATE, &rs, &err) != 0) {
        query_free(&q);
        return (size_t)-1;
    }
    size_t n = result_set_count(rs);
    result_set_free(&rs);
    query_free(&q);
    return n;
}

/* The ids later_run needs. */
struct ids {
    int64_t a, b, c, other;
};

/* The first run: six articles, grouped. */
static struct ids
first_run(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    int64_t a = add(s, "Harbour Ledger", "2024-03-04", "Valparaiso pilots strike halts copper",
                    "Harbour pilots in Valparaiso walked off the job on Monday, halting copper "
                    "shipments. The pilots union said talks with the port authority over night "
                    "shift pay had collapsed, and eleven vessels waited at anchor.");
    int64_t b = add(s, "Andes Wire", "2024-03-05", "Copper exports stop as Valparaiso pilots strike",
                    "A strike by harbour pilots at Valparaiso stopped copper exports. Union "
                    "leaders blamed the port authority for the collapse of talks on night shift "
                    "pay; eleven ships are at anchor outside the harbour.");
    int64_t c = add(s, "Pacific Desk", "2024-03-06", "Valparaiso port authority sues striking pilots",
                    "The Valparaiso port authority went to court against the harbour pilots, "
                    "whose strike over night shift pay has held copper cargoes at anchor for "
                    "three days.");
    int64_t other = add(s, "Harbour Ledger", "2024-03-04", "Orchestra opens its winter season",
                        "The city orchestra opened its winter season with Sibelius and Nielsen; "
                        "critics praised the brass and the young conductor.");
    int64_t later = add(s, "Andes Wire", "2024-03-27", "Valparaiso pilots strike again",
                        "Harbour pilots in Valparaiso walked off the job again, three weeks "
                        "after the last strike over night shift pay halted copper shipments.");
    int64_t undated = add(s, "Pacific Desk", NULL, "Valparaiso pilots strike halts copper",
                          "Harbour pilots in Valparaiso walked off the job, halting copper "
                          "shipments over night shift pay.");
    store_commit(s, &err);

    /* two at a time: b and c meet a, and later the others, only through
     * the grouped documents of earlier slices */
    is_int(story_group_slices(s, 2, &err), 6, "six documents grouped, two at a time");
    is_int(story_group(s, &err), 0, "a second grouping has nothing to do");
    is_int(story_of(s, a), a, "the first telling starts a story");
    is_int(story_of(s, b), a, "the next day's telling from another outlet joins it");
    is_int(story_of(s, c), a, "and the day after's");
    is_int(story_of(s, other), other, "an unrelated article of the same day: its own story");
    is_int(story_of(s, later), later, "the same people three weeks later: another story");
    is_int(story_of(s, undated), undated, "an undated article: its own story");

    struct story_info si;
    is_int(store_story_of(s, b, &si, &err), 0, "the story of an article");
    is_int(si.articles, 3, "three articles");
    is_int(si.outlets, 3, "three outlets");
    is_str(si.first, "2024-03-04", "from the 4th");
    is_str(si.last, "2024-03-06", "to the 6th");
    is_str(si.sources, "Andes Wire\nHarbour Ledger\nPacific Desk", "its outlets, by name");
    story_info_clear(&si);

    struct story_info *list = NULL;
    size_t n = 0;
    is_int(store_story_list(s, NULL, 0, 2, 0, &list, &n, &err), 0, "list the stories");
    ok(n == 1 && list[0].id == a, "one story of two or more articles");
    for (size_t i = 0; i < n; i++)
        story_info_clear(&list[i]);
    free(list);
    int64_t only_other[1] = {other};
    is_int(store_story_list(s, only_other, 1, 1, 0, &list, &n, &err), 0, "stories of some articles");
    ok(n == 1 && list[0].id == other && list[0].articles == 1, "the one they are in");
    for (size_t i = 0; i < n; i++)
        story_info_clear(&list[i]);
    free(list);

    return (struct ids){a, b, c, other};
}

/* A later run, the best other-outlet version and story:. */
static void
later_run(struct store *s, struct ids id)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t a = id.a, b = id.b, c = id.c, other = id.other;
    /* A later run: a telling dated before the story's first article. */
    store_begin(s, &err);
    int64_t early = add(s, "Coast Courier", "2024-03-03",
                        "Valparaiso pilots threaten strike over copper port pay",
                        "Harbour pilots in Valparaiso said they would walk off the job and halt "
                        "copper shipments if talks with the port authority on night shift pay "
                        "failed.");
    store_commit(s, &err);
    is_int(story_group(s, &err), 1, "the new document is grouped");
    is_int(story_of(s, early), a, "and joins the story, though dated before its first article");

    int64_t best = 0;
    ok(neardup_backfill(s, &err) >= 0, "near-duplicate signatures, as an index run makes them");
    int bo = story_best_other(s, a, &best, &err);
    ok(bo == 0, "a best other-outlet version (%d %s)", bo, err.msg);
    ok(best == b || best == c || best == early, "from the story (%lld)", (long long)best);
    is_int(story_best_other(s, other, &best, &err), 1, "none for the orchestra");

    is_int(count(s, "story:1"), 4, "story:1 selects the story's four articles");
    char q[64];
    snprintf(q, sizeof q, "story:%lld source:\"Andes Wire\"", (long long)c);
    is_int(count(s, q), 1, "story: combines with other fields");

}

/* Two articles of one site and day that share only its furniture at the
 * top of the body (a newsletter promotion, a share line) are two stories:
 * the lead that keys a story leaves furniture out. */
static void
furniture_run(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    const char *promo = "Share this story\n"
                        "Sign up for the Lakeside Post morning newsletter to get the news that "
                        "matters to your town, from school boards to high school sports, in "
                        "your inbox before seven every weekday.\n"
                        "Follow us on Facebook\n";
    char *body1 = xasprintf("%sA ferry carrying forty passengers ran aground near Gull Island "
                            "on Sunday; nobody was hurt.\n", promo);
    char *body2 = xasprintf("%sThe county fair will add a second weekend in August after "
                            "record crowds last summer.\n", promo);
    store_begin(s, &err);
    int64_t x = add(s, "Lakeside Post", "2024-06-09", "Ferry runs aground off Gull Island", body1);
    int64_t y = add(s, "Lakeside Post", "2024-06-09", "County fair adds a second weekend", body2);
    store_commit(s, &err);
    is_int(story_group(s, &err), 2, "two articles sharing only furniture grouped");
    ok(story_of(s, x) == x && story_of(s, y) == y, "each is a story of its own (%lld, %lld)",
       (long long)story_of(s, x), (long long)story_of(s, y));
    free(body1);
    free(body2);
}

/* The new documents are read from the index a few days at a time: the
 * days come with their counts, a month without a day is undated, and a
 * day with more documents than a slice is a slice of its own. */
static void
days_run(struct store *s)
{
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    int64_t m1 = add(s, "Harbour Ledger", "2024-05-01", "Tin smelter reopens in Oruro",
                     "The tin smelter at Oruro reopened after a year, its owners said.");
    int64_t m2 = add(s, "Andes Wire", "2024-05-01", "Oruro tin smelter back at work",
                     "Work resumed at the Oruro tin smelter, closed for a year.");
    int64_t m3 = add(s, "Coast Courier", "2024-05-01", "Ferry timetable changes",
                     "The island ferry moves to its summer timetable next week.");
    int64_t month = add(s, "Pacific Desk", "2024-05", "Tin prices in May",
                        "Tin prices rose in May as the Oruro smelter reopened.");
    int64_t m4 = add(s, "Pacific Desk", "2024-05-02", "Oruro smelter hires",
                     "The reopened tin smelter at Oruro hired two hundred workers.");
    store_commit(s, &err);

    struct story_day *days = NULL;
    size_t ndays = 0, undated = 0;
    is_int(store_story_ungrouped_days(s, &days, &ndays, &undated, &err), 0,
           "the days of the collection");
    /* the days with documents to group: the 1st of May (three) and the 2nd */
    struct story_day new_days[2];
    size_t nnew = 0, all = 0;
    for (size_t i = 0; i < ndays; i++) {
        all += days[i].all;
        if (days[i].n && nnew < 2)
            new_days[nnew++] = days[i];
    }
    ok(nnew == 2 && new_days[0].n == 3 && new_days[1].n == 1 &&
           new_days[1].day == new_days[0].day + 1 && new_days[0].all == 3,
       "two days with new documents, three and one (%zu)", nnew);
    is_int(all, 12, "every dated document of the collection counted on its day");
    is_int(undated, 1, "the month alone is no day: undated");
    struct story_doc *v = NULL;
    size_t n = 0;
    if (nnew == 2) {
        is_int(store_story_ungrouped_span(s, new_days[0].day, new_days[1].day, &v, &n, &err), 0,
               "the new documents of both days");
        ok(n == 4 && v[0].id == m1 && v[1].id == m2 && v[2].id == m3 && v[3].id == m4,
           "by day and id, without the month (%zu)", n);
        free(v);
    }
    free(days);

    is_int(story_group_slices(s, 1, &err), 5, "five grouped, a day at a time");
    is_int(story_of(s, m2), m1, "the second telling of the day joins the first");
    is_int(story_of(s, m4), m1, "and the next day's, from the next slice");
    is_int(story_of(s, m3), m3, "the ferry: its own story");
    is_int(story_of(s, month), month, "a month without a day: its own story");
    is_int(store_story_ungrouped_days(s, &days, &ndays, &undated, &err), 0,
           "read the days again");
    size_t left = undated;
    for (size_t i = 0; i < ndays; i++)
        left += days[i].n;
    is_int(left, 0, "none left to group");
    free(days);
}

/* A bigram in the first 1,100 of 1,500 documents: for a story key the
 * statistics tables' vocabulary counts it exactly (a phrase count stops at
 * 1,024 documents and extrapolates to 1,500 from where it stopped), while a
 * longer Chinese word, and any word of the word tokenizer, is still counted
 * as a phrase. */
static void
bigram_df_run(const char *dir)
{
    struct ds_error err;
    ds_error_clear(&err);
    char *path = xasprintf("%s/bigram.db", dir);
    struct store *s = NULL;
    if (!ok(store_open(path, STORE_CREATE, &s, &err) == 0, "open: %s", err.msg)) {
        free(path);
        return;
    }
    store_begin(s, &err);
    for (int i = 0; i < 1500; i++) {
        char *body = xasprintf(i < 1100 ? "第%d份报告说关税上调。" : "第%d份报告说天气晴朗。", i);
        add(s, "Harbour Ledger", "2024-03-04", "报告", body);
        free(body);
    }
    store_commit(s, &err);
    is_int(corpus_refresh(s, true, &err), 0, "the statistics tables filled");
    struct store_termstats *ts = NULL;
    if (ok(store_termstats_open(s, &ts, &err) == 0, "term statistics: %s", err.msg)) {
        ok(store_termstats_exact(ts), "from the vocabulary");
        is_int(store_termstats_index_df(ts, "关税", "关税", &err), 1100,
               "a story key's bigram: from the vocabulary, exact");
        is_int(store_termstats_index_df(ts, "晴朗", "晴朗", &err), 400, "another bigram");
        int64_t phrase = store_termstats_index_df(ts, "关税上调", "关税上调", &err);
        ok(phrase > 1024 && phrase != 1100, "a four-character word: its phrase, extrapolated (%lld)",
           (long long)phrase);
        phrase = store_termstats_df(ts, "关税", "关税", &err);
        ok(phrase > 1024 && phrase != 1100,
           "a word tokenizer's bigram (more like this): still its phrase (%lld)", (long long)phrase);
        store_termstats_free(&ts);
    }
    ok(store_term_is_bigram("关税") && store_term_is_bigram("税") &&
           !store_term_is_bigram("关税上") && !store_term_is_bigram("tariff") &&
           !store_term_is_bigram("关x"),
       "bigrams and single characters are the index's own terms");
    store_close(&s);
    remove_index(path);
}

/* The shared account of the Atacama rains that both tellings below carry. */
static const char rains_account[] =
    "The regional government of Antofagasta declared a state of catastrophe and asked the "
    "army for help. Governor Ricardo Diaz said helicopters had flown water tanks and "
    "generators to Taltal and Chanaral, where the treatment plants were flooded with mud. "
    "The Pan-American Highway was closed at three places between Antofagasta and Copiapo, "
    "and the state copper company Codelco suspended shifts at its El Salvador mine. The "
    "meteorological office said the desert had received more rain in three days than in the "
    "previous five years, and warned of further mudslides in the ravines above the towns.";

/* Two tellings of one event whose titles and leads share little (their key
 * vectors are close but not sure), while the rest of their texts, the
 * people and places and the days say the same story. */
static void
rains_add(struct store *s, int day)
{
    char *x = xasprintf("Bridges on the coast washed away after three days of unusual storms, "
                        "leaving several thousand residents of Taltal and Chanaral without "
                        "drinking water and cut off from the nearest hospitals, while rescue "
                        "crews searched for a truck driver reported missing near a dry river "
                        "bed that had turned into a torrent overnight.\n\n%s", rains_account);
    char *y = xasprintf("Soldiers delivered water by air on Tuesday to Taltal and Chanaral in "
                        "the north of Chile, where a rare downpour destroyed roads, knocked "
                        "out power lines and forced families from homes built on the slopes; "
                        "schools stayed closed and the authorities urged people to avoid "
                        "travel until engineers had inspected the damaged crossings.\n\n%s",
                        rains_account);
    if (day == 0 || day == 1)
        add(s, "Harbour Ledger", "2024-05-06", "Storms strand northern towns", x);
    if (day == 0 || day == 2)
        add(s, "Andes Wire", "2024-05-07", "Army flies water to stranded towns", y);
    if (day == 0 || day == 1) {
        add(s, "Harbour Ledger", "2024-05-06", "Museum reopens after renovation",
            "The national history museum reopened its galleries after two years of work, "
            "with a new wing for textiles and a cafe on the roof terrace.");
        add(s, "Andes Wire", "2024-05-06", "Fishing quotas cut for anchovy",
            "Regulators cut the anchovy quota for the southern fleet by a fifth, citing "
            "warmer waters and a weak spawning season.");
    }
    free(x);
    free(y);
}

/* Grouping decides each pair once, by the same rule whether the documents
 * come in one run or in two: the close-but-not-sure pair is joined by the
 * pair score in both, and the stories are the same. */
static void
gray_run(const char *dir)
{
    struct store *s[2] = {NULL, NULL};
    struct ds_error err;
    ds_error_clear(&err);
    for (int i = 0; i < 2; i++) {
        char *path = xasprintf("%s/gray%d.db", dir, i);
        if (store_open(path, STORE_CREATE, &s[i], &err) != 0)
            diag("open: %s", err.msg);
        free(path);
    }
    store_begin(s[0], &err);
    rains_add(s[0], 0);
    store_commit(s[0], &err);
    is_int(story_group(s[0], &err), 4, "one run: four grouped");
    store_begin(s[1], &err);
    rains_add(s[1], 1);
    store_commit(s[1], &err);
    is_int(story_group(s[1], &err), 3, "two runs: three grouped in the first");
    store_begin(s[1], &err);
    rains_add(s[1], 2);
    store_commit(s[1], &err);
    is_int(story_group(s[1], &err), 1, "and the next day's telling in the second");
    /* ids: 1 and 2 the tellings in the first store; 1, 2, 3 then 4 in the second */
    struct similar_doc pr;
    if (similar_pair(s[0], 2, 1, &pr, &err) == 0)
        diag("pair: score %.2f cosine %.2f lead %.2f entities %.2f days %d", pr.score, pr.cosine,
             pr.lead_cosine, pr.entities, pr.days);
    is_int(story_of(s[0], 2), 1, "one run: the other outlet's telling joins the first");
    is_int(story_of(s[1], 4), 1, "two runs: the same");
    is_int(story_of(s[0], 3), 3, "an unrelated article of the day: its own story");
    is_int(story_of(s[1], 2), 2, "in both runs");
    for (int i = 0; i < 2; i++) {
        store_close(&s[i]);
        char *path = xasprintf("%s/gray%d.db", dir, i);
        remove_index(path);
    }
}

/* A running story told day after day: each day's article joins the story
 * while its first article is within STORY_DAYS, and then starts another,
 * so days of updates do not chain into one story. */
static void
running_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "running.db", &path, &err);
    static const char *const days[] = {"2024-07-01", "2024-07-03", "2024-07-05"};
    int64_t id[3];
    store_begin(s, &err);
    for (int i = 0; i < 3; i++) {
        char *body = xasprintf("Copper miners marching from Calama to Antofagasta over pension "
                               "cuts reached the coast road on the %s day of their walk, union "
                               "leaders said, as the mining ministry repeated its offer of talks.",
                               i == 0 ? "first" : i == 1 ? "third" : "fifth");
        id[i] = add(s, i % 2 ? "Andes Wire" : "Harbour Ledger", days[i],
                    "Calama miners march on over pension cuts", body);
        free(body);
    }
    store_commit(s, &err);
    is_int(story_group(s, &err), 3, "three days of a march grouped");
    is_int(story_of(s, id[1]), id[0], "two days on, the march is the same story");
    is_int(story_of(s, id[2]), id[2], "four days after its start, another story");
    store_close(&s);
    remove_index(path);
}

/* Four unrelated articles of an earlier month, so that the words of the
 * runs below are not in every document of the index. */
static void
add_filler(struct store *s)
{
    static const char *const filler[][2] = {
        {"Vineyards report an early harvest", "Growers in the Maipo valley began picking grapes "
                                              "two weeks early after a dry and warm summer."},
        {"Senate passes the pension bill", "Senators approved the pension bill by a wide "
                                           "margin after a night of debate on its costs."},
        {"Observatory names a new comet", "Astronomers at the desert observatory named the "
                                          "comet they found in March after a local teacher."},
        {"Football club signs a young striker", "The club signed a nineteen-year-old striker "
                                                "from the second division on a four-year deal."},
    };
    for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
        add(s, "Harbour Ledger", "2024-01-10", filler[i][0], filler[i][1]);
}

/* A chain: B tells A's event and starts another one on the same quay, C
 * tells only that other one. B joins A's story; C matches B but not A (nor
 * does similar_pair find them the same story), so it starts its own: a
 * story is not joined through one member the others do not agree with. */
static void
chain_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "chain.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    int64_t a = add(s, "Harbour Ledger", "2024-08-05", "Tanker fire closes Arica harbour",
                    "A fire on a fuel tanker closed the harbour of Arica on Monday. Firefighters "
                    "fought the blaze for six hours and the tanker crew was rescued.");
    int64_t b = add(s, "Andes Wire", "2024-08-06",
                    "Arica harbour reopens after tanker fire as fishermen block quay",
                    "The harbour of Arica reopened a day after the tanker fire, and at once "
                    "fishermen blocked the quay in protest against the new anchovy quotas.");
    int64_t c = add(s, "Pacific Desk", "2024-08-07", "Fishermen block quay over anchovy quotas",
                    "Fishermen blocked the quay for a second day in protest against the new "
                    "anchovy quotas, saying the cuts would ruin the small boats of the north.");
    store_commit(s, &err);
    is_int(story_group(s, &err), 7, "a chain of three grouped");
    struct similar_doc pr;
    if (similar_pair(s, c, a, &pr, &err) == 0)
        diag("pair C-A: score %.2f", pr.score);
    is_int(story_of(s, b), a, "B tells A's event: it joins A's story");
    is_int(story_of(s, c), c, "C matches B but not A: a story of its own");
    store_close(&s);
    remove_index(path);
}

/* Store an extraction of document id mentioning person and, unless NULL,
 * other (names), as indexing would store it. */
static void
mention_people(struct store *s, int64_t id, const char *person, const char *other)
{
    struct ds_error err;
    struct span sp[2] = {{0, 4}, {5, 9}};
    struct entity e[2] = {{(char *)(uintptr_t)person, NULL, ENTITY_PERSON, &sp[0], 1},
                          {(char *)(uintptr_t)other, NULL, ENTITY_PERSON, &sp[1], 1}};
    struct extraction x = {NULL, 0, e, other ? 2 : 1, NULL, 0};
    if (store_put_extraction(s, id, &x, &err) != 0)
        diag("extraction: %s", err.msg);
}

/* Article (source, date, title, body) mentioning person (a name) in its
 * stored extraction. */
static int64_t
add_about(struct store *s, const char *source, const char *date, const char *title,
          const char *body, const char *person)
{
    int64_t id = add(s, source, date, title, body);
    mention_people(s, id, person, NULL);
    return id;
}

/* Two events about one person, a day apart: two outlets tell of a recall
 * petition against a mayor, then one tells of her opening a bus terminal.
 * Her name fills every title, so the terminal article matches the
 * petition story's key words; but it shares only her with the story's
 * core, and none of the words its titles share ("recall", "petition"), so
 * it starts a story of its own. A third outlet's telling of the petition,
 * which shares her and "petition", still joins. */
static void
one_person_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "person.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    const char *who = "Ines Valdivia";
    int64_t a = add_about(s, "Harbour Ledger", "2024-09-02",
                          "Ines Valdivia faces recall petition over Arica water contract",
                          "Ines Valdivia, the mayor of Arica, faces a recall petition filed on "
                          "Monday by residents angry at the city's new water contract.", who);
    int64_t b = add_about(s, "Andes Wire", "2024-09-02",
                          "Recall petition against Ines Valdivia gathers signatures",
                          "Residents of Arica lined up to sign a petition to recall Ines "
                          "Valdivia over the water contract she signed in June.", who);
    int64_t c = add_about(s, "Pacific Desk", "2024-09-03",
                          "Ines Valdivia opens Arica bus terminal",
                          "Ines Valdivia, the mayor of Arica, opened the city's new bus "
                          "terminal on Tuesday, which residents of Arica had waited for since "
                          "June.",
                          who);
    int64_t d = add_about(s, "Northern Post", "2024-09-03",
                          "Ines Valdivia says Arica petition is politics",
                          "Ines Valdivia called the recall drive a political stunt on Tuesday "
                          "and said the water contract would lower bills in Arica.", who);
    store_commit(s, &err);
    is_int(story_group(s, &err), 8, "one person's two events grouped");
    is_int(story_of(s, b), a, "the petition's second telling joins the first");
    struct similar_doc pr;
    if (similar_pair(s, c, a, &pr, &err) == 0)
        diag("pair terminal-petition: score %.2f", pr.score);
    is_int(story_of(s, c), c, "her terminal opening, a day later: a story of its own");
    is_int(story_of(s, d), a, "a third telling of the petition joins its story");
    store_close(&s);
    remove_index(path);
}

/* A running story's next event: A, B and C tell of a ferry strike at
 * Valparaiso; C, the third, also says the strikers meet the transport
 * minister the next day. D tells of that meeting in C's words and names
 * the port and the strike only in passing, so it matches C far better than
 * the story's core: it starts a story of its own (STORY_CORE_SHARE), where
 * joining through C would chain the meeting into the strike. */
static void
drift_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "drift.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    int64_t a = add(s, "Harbour Ledger", "2024-10-01", "Ferry crews strike at Valparaiso",
                    "Ferry crews at Valparaiso walked off the boats on Tuesday over pay, and "
                    "the ferry crossings to the islands stopped for the day.");
    int64_t b = add(s, "Andes Wire", "2024-10-01", "Valparaiso ferry crossings stop as crews strike",
                    "No ferry left Valparaiso on Tuesday as crews went on strike over pay, "
                    "leaving islanders waiting on the quay for crossings.");
    int64_t c = add(s, "Pacific Desk", "2024-10-02",
                    "Valparaiso ferry strike goes on; crews to meet minister",
                    "The ferry strike at Valparaiso went on for a second day. Union leaders "
                    "will meet the transport minister in Santiago on Thursday to present "
                    "their wage demands and a plan for night shifts and pensions.");
    int64_t d = add(s, "Coast Radio", "2024-10-03",
                    "Union leaders meet transport minister in Santiago",
                    "Union leaders met the transport minister in Santiago on Thursday to "
                    "present their wage demands and a plan for night shifts and pensions, "
                    "a day after the Valparaiso ferry strike.");
    store_commit(s, &err);
    ok(story_group(s, &err) >= 0, "a running story grouped: %s", err.msg);
    is_int(story_of(s, b), a, "B tells A's strike: it joins A's story");
    is_int(story_of(s, c), a, "so does C, the strike's second day");
    is_int(story_of(s, d), d, "D, the meeting C foretold, matches C far better than the core: "
                              "a story of its own");
    store_close(&s);
    remove_index(path);
}

/* A running story's next event whose title is all new: A and B tell of a
 * dockers' strike at Antofagasta; C, a day later, tells of a minister's
 * offer of a freight subsidy, its lead full of the strike's words (so its
 * key matches the story's; without the rule it joins) and its title
 * sharing none of them. A story of two
 * members holds its event's words, so C starts a story of its own; D,
 * another telling of the strike whose title names it, still joins. */
static void
new_title_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "newtitle.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    int64_t a = add(s, "Harbour Ledger", "2024-11-04", "Dockers strike at Antofagasta over pay",
                    "Dockers at the port of Antofagasta struck on Monday over pay, and copper "
                    "shipments from the port stopped for the day.");
    int64_t b = add(s, "Andes Wire", "2024-11-04", "Antofagasta port stops as dockers strike",
                    "No copper ship left the port of Antofagasta on Monday as dockers went on "
                    "strike over pay and the quays stood empty.");
    int64_t c = add(s, "Pacific Desk", "2024-11-05",
                    "Minister offers freight subsidy",
                    "Dockers at the port of Antofagasta stayed on strike over pay on Tuesday "
                    "and copper shipments from the port stopped for a second day, so the "
                    "minister offered a freight subsidy.");
    int64_t d = add(s, "Coast Radio", "2024-11-05", "Copper piles up at Antofagasta as strike goes on",
                    "Copper piled up on the quays of Antofagasta on Tuesday as the dockers' "
                    "strike over pay went into a second day at the port.");
    store_commit(s, &err);
    ok(story_group(s, &err) >= 0, "a strike and an offer grouped: %s", err.msg);
    is_int(story_of(s, b), a, "B tells A's strike: it joins A's story");
    is_int(story_of(s, c), c, "C's title names only the new offer: a story of its own");
    is_int(story_of(s, d), a, "D's title names the strike: it joins the story");
    store_close(&s);
    remove_index(path);
}

/* A new person in the title: A and B tell of a senator calling for a
 * desalination plant at Arica; C, a day later, tells of the governor
 * rejecting it, in the same words, naming her in its title and him
 * nowhere. No member of the story mentions her, so C starts a story of its
 * own; D, a third telling naming the senator, still joins. */
static void
new_person_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "newperson.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    const char *he = "Tomas Ureta", *she = "Rosa Quispe";
    int64_t a = add_about(s, "Harbour Ledger", "2024-12-02",
                          "Senator Tomas Ureta calls for desalination plant in Arica",
                          "Senator Tomas Ureta called on Monday for a desalination plant to end "
                          "the water shortage in Arica, where taps ran dry for a week.", he);
    int64_t b = add_about(s, "Andes Wire", "2024-12-02",
                          "Ureta wants desalination plant to end Arica water shortage",
                          "Tomas Ureta, a senator for the north, said on Monday that only a "
                          "desalination plant would end the water shortage in Arica.", he);
    int64_t c = add_about(s, "Pacific Desk", "2024-12-03",
                          "Rosa Quispe rejects desalination plant for Arica",
                          "Rosa Quispe, the regional governor, said on Tuesday that a "
                          "desalination plant would not end the water shortage in Arica, where "
                          "taps ran dry for a week.", she);
    int64_t d = add_about(s, "Coast Radio", "2024-12-03",
                          "Senator Ureta presses for Arica desalination plant",
                          "Tomas Ureta pressed again on Tuesday for a desalination plant to end "
                          "the water shortage in Arica.", he);
    store_commit(s, &err);
    ok(story_group(s, &err) >= 0, "a call and its rejection grouped: %s", err.msg);
    is_int(story_of(s, b), a, "B tells A's call for a plant: it joins A's story");
    is_int(story_of(s, c), c, "C names in its title a person no member mentions: its own story");
    is_int(story_of(s, d), a, "D names the senator: it joins the story");
    store_close(&s);
    remove_index(path);
}

/* A new person beside the story's own in the title: A and B tell of a
 * fisheries minister resigning; C, a day later, names him and his acting
 * successor in its title, a man neither A nor B mentions. C still names
 * the story's protagonist, so it is a telling of the event and joins; D,
 * grouped before C, on the successor's first decision, names only him and
 * starts its own. */
static void
successor_run(const char *dir)
{
    char *path;
    struct ds_error err;
    struct store *s = open_fresh(dir, "successor.db", &path, &err);
    store_begin(s, &err);
    add_filler(s);
    const char *he = "Jorge Alvear", *next = "Mateo Rivas";
    int64_t a = add_about(s, "Harbour Ledger", "2025-01-06",
                          "Fisheries minister Jorge Alvear resigns over quota row",
                          "Jorge Alvear resigned as fisheries minister on Monday after weeks of "
                          "protest by the small boats of the north against his anchovy quotas.",
                          he);
    int64_t b = add_about(s, "Andes Wire", "2025-01-06",
                          "Alvear quits fisheries ministry as quota protests grow",
                          "Jorge Alvear quit the fisheries ministry on Monday as protests by "
                          "the small boats of the north against the anchovy quotas grew.", he);
    int64_t d = add_about(s, "Coast Radio", "2025-01-07",
                          "Mateo Rivas suspends anchovy quotas",
                          "Mateo Rivas suspended the anchovy quotas on Tuesday after weeks of "
                          "protest by the small boats of the north against the fisheries "
                          "ministry.", next);
    int64_t c = add(s, "Pacific Desk", "2025-01-07",
                          "Alvear resigns as fisheries minister; Rivas to act in his place",
                          "Jorge Alvear resigned as fisheries minister after weeks of protest "
                          "by the small boats of the north against the anchovy quotas, and "
                          "Mateo Rivas will act in his place.");
    mention_people(s, c, he, next);
    store_commit(s, &err);
    ok(story_group(s, &err) >= 0, "a resignation and a successor grouped: %s", err.msg);
    is_int(story_of(s, b), a, "B tells A's resignation: it joins A's story");
    is_int(story_of(s, c), a, "C names the minister and his successor: it joins the story");
    is_int(story_of(s, d), d, "D names only the successor: a story of its own");
    store_close(&s);
    remove_index(path);
}

int
main(void)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/test_story.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        return 1;
    char *path = xasprintf("%s/index.db", dir);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (!ok(store_open(path, STORE_CREATE, &s, &err) == 0, "open: %s", err.msg))
        return done_testing();

    later_run(s, first_run(s));
    furniture_run(s);
    days_run(s);
    store_close(&s);
    bigram_df_run(dir);
    gray_run(dir);
    running_run(dir);
    chain_run(dir);
    one_person_run(dir);
    drift_run(dir);
    new_title_run(dir);
    new_person_run(dir);
    successor_run(dir);
    remove_index(path);
    rmdir(dir);
    return done_testing();
}
