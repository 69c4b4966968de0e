/*
 * compare/story.c — grouping articles into stories at index time (story.h)
 * and finding the best other-outlet version of an article.
 *
 * Documents are taken in order of date. The grouped documents of the days
 * the new ones span (plus STORY_DAYS either side) go into an inverted index
 * first; then each new document is scored against the index's entries of
 * its window and added to it. A posting list is the window's entries
 * (sorted by day: found by binary search) followed by the new ones (sorted
 * by day too: walked back from the end), so a document costs the postings
 * of its key terms within its window. Terms in more than a tenth of the
 * documents weigh in the norm but are not looked up. The new documents
 * are read from the index whole days at a time, up to STORY_SLICE of them,
 * each slice with an index of its own days, so a first run of a million
 * documents holds one slice's keys and a list of its days, not of its
 * documents.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/containers.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "dossier/store_story.h"
#include "dossier/story.h"

#define STORY_TITLE_WEIGHT 3
#define STORY_MAX_DF_SHARE 0.1
/* Documents a slice's window of grouped ones may hold (about 300 bytes
 * each in the index), unless one day alone has more. */
#define STORY_WINDOW_MAX 32768
/* Best matches (of distinct stories) a document is checked against. */
#define STORY_TOP 3

/* An entry holding a term, and the term's weight in its key. */
struct posting {
    uint32_t e;
    float w;
};

/* One term of the run: its postings and idf. */
struct sterm {
    struct posting *p;
    size_t n, cap, nwin; /* p[0..nwin) window entries, then new ones */
    double idf;
    bool common;         /* in more than STORY_MAX_DF_SHARE of the documents */
};

struct sentry {
    int64_t id, story, day;
    uint32_t next; /* the story's next entry, NO_ENTRY after its last */
};

#define NO_ENTRY UINT32_MAX

struct grouping {
    struct store *s;
    struct text_tokenizer tok;
    struct store_termstats *ts;
    double ndocs;
    struct strmap terms; /* term -> index into t */
    struct sterm *t;     /* terms.n used of tcap */
    size_t tcap;
    struct sentry *e;
    size_t ne, ecap;
    struct u64map start; /* story -> the day of its first article + 1 (0: undated) */
    struct u64map members; /* story -> its first entry << 32 | its last */
    double *acc;         /* per entry, for one document's scoring */
    uint32_t *touched;
    size_t ntouched;
};

/* A key vector under construction: term indexes and counts. */
struct key {
    struct grouping *g;
    const char *text;
    struct u64map at;    /* term index -> position in idx */
    uint32_t *idx;
    double *w;
    bool *title;         /* per term: in the title */
    size_t n;
    unsigned times;
    size_t words, max_words;
    int failed;
    struct ds_error *err;
};

static void
key_token(const char *token, size_t start, size_t end, void *ud)
{
    struct key *k = ud;
    size_t len = strlen(token);
    if (k->failed || !len || (k->max_words && k->words >= k->max_words))
        return;
    k->words++;
    if (text_is_stopword(k->text + start, end - start))
        return;
    struct grouping *g = k->g;
    bool added;
    struct strmap_entry *e = strmap_upsert(&g->terms, token, len, &added);
    if (added) {
        if (g->terms.n > g->tcap) {
            g->tcap = g->tcap ? g->tcap * 2 : 4096;
            g->t = xrealloc(g->t, g->tcap * sizeof *g->t);
        }
        struct sterm *t = &g->t[g->terms.n - 1];
        memset(t, 0, sizeof *t);
        char *word = xstrndup(k->text + start, end - start);
        int64_t df = store_termstats_index_df(g->ts, token, word, k->err);
        free(word);
        if (df < 0)
            k->failed = 1;
        t->idf = log(1.0 + g->ndocs / (double)(df > 0 ? df : 1));
        t->common = g->ndocs >= 50 && (double)df > STORY_MAX_DF_SHARE * g->ndocs;
        e->value = g->terms.n - 1;
    }
    uint64_t *pos = u64map_upsert(&k->at, e->value, &added);
    if (added) {
        k->idx = xrealloc(k->idx, (k->n + 1) * sizeof *k->idx);
        k->w = xrealloc(k->w, (k->n + 1) * sizeof *k->w);
        k->title = xrealloc(k->title, (k->n + 1) * sizeof *k->title);
        k->idx[k->n] = (uint32_t)e->value;
        k->w[k->n] = 0;
        k->title[k->n] = false;
        *pos = k->n++;
    }
    k->w[*pos] += k->times;
    k->title[*pos] |= k->times == STORY_TITLE_WEIGHT;
}

static void
key_free(struct key *k)
{
    u64map_free(&k->at);
    free(k->idx);
    free(k->w);
    free(k->title);
}

/* The lead of body into out: its lines that are not page furniture
 * (compare_furniture_line: "Read more", "Share this story", a newsletter
 * promotion), up to the line that holds its STORY_LEAD_WORDS-th word
 * (tokenizing the rest of a long body would be wasted). */
static void
lead_text(const char *body, struct buf *out)
{
    size_t words = 0;
    for (const char *p = body; *p && words <= STORY_LEAD_WORDS;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!compare_furniture_line(p, n)) {
            bool in_word = false;
            for (size_t i = 0; i < n; i++) {
                bool space = p[i] == ' ' || p[i] == '\t';
                words += !space && !in_word;
                in_word = !space;
            }
            buf_append(out, p, n);
            buf_putc(out, '\n');
        }
        p += n + (nl != NULL);
    }
}

/* Add the tokens of text to key k, each counted times, the first max_words
 * of them (all when 0). A line at a time when bounded, and no line after
 * the one that reaches max_words: a lead without spaces (Chinese) is one
 * "word" per line to lead_text, so without this its whole body would be
 * tokenized for 60 tokens. Lines are cut where no token can cross (a
 * newline ends every word and every CJK run), so the tokens are the same. */
static void
key_add(struct key *k, const char *text, unsigned times, size_t max_words)
{
    struct grouping *g = k->g;
    k->times = times;
    k->words = 0;
    k->max_words = max_words;
    for (const char *p = text; *p && !k->failed && (!max_words || k->words < max_words);) {
        const char *nl = max_words ? strchr(p, '\n') : NULL;
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        k->text = p;
        g->tok.tokenize(g->tok.ctx, p, n, key_token, k);
        p += n + (nl != NULL);
    }
}

/* The key vector of document id, weights (1 + ln tf) * idf, normalised.
 * 0 (an empty key for a document gone meanwhile), or -1 with err. */
static int
key_build(struct grouping *g, int64_t id, struct key *k, struct ds_error *err)
{
    memset(k, 0, sizeof *k);
    k->g = g;
    k->err = err;
    k->at = (struct u64map)U64MAP_INIT;
    char *title = NULL, *body = NULL;
    int got = store_doc_text(g->s, id, &title, &body, err);
    if (got != 0)
        return got < 0 ? -1 : 0;
    struct buf lead = BUF_INIT;
    lead_text(body, &lead);
    if (title)
        key_add(k, title, STORY_TITLE_WEIGHT, 0);
    key_add(k, buf_str(&lead), 1, STORY_LEAD_WORDS);
    buf_free(&lead);
    free(title);
    free(body);
    if (k->failed)
        return -1;
    double sq = 0;
    for (size_t i = 0; i < k->n; i++) {
        k->w[i] = (1 + log(k->w[i])) * g->t[k->idx[i]].idf;
        sq += k->w[i] * k->w[i];
    }
    for (size_t i = 0; sq > 0 && i < k->n; i++)
        k->w[i] /= sqrt(sq);
    return 0;
}

/* Add entry (id, story, day) with key k to the index. */
static void
index_add(struct grouping *g, const struct key *k, int64_t id, int64_t story, int64_t day)
{
    if (g->ne == g->ecap) {
        g->ecap = g->ecap ? g->ecap * 2 : 1024;
        g->e = xrealloc(g->e, g->ecap * sizeof *g->e);
        g->acc = xrealloc(g->acc, g->ecap * sizeof *g->acc);
        g->touched = xrealloc(g->touched, g->ecap * sizeof *g->touched);
    }
    g->e[g->ne] = (struct sentry){id, story, day, NO_ENTRY};
    g->acc[g->ne] = 0;
    bool added;
    uint64_t *m = u64map_upsert(&g->members, (uint64_t)story, &added);
    if (!added)
        g->e[*m & 0xffffffffu].next = (uint32_t)g->ne;
    *m = (added ? (uint64_t)g->ne << 32 : *m & ~(uint64_t)0xffffffffu) | g->ne;
    for (size_t i = 0; i < k->n; i++) {
        struct sterm *t = &g->t[k->idx[i]];
        if (t->common)
            continue;
        if (t->n == t->cap)
            t->p = xrealloc(t->p, (t->cap = t->cap ? t->cap * 2 : 4) * sizeof *t->p);
        t->p[t->n++] = (struct posting){(uint32_t)g->ne, (float)k->w[i]};
    }
    g->ne++;
}

static void
touch(struct grouping *g, uint32_t at, double add)
{
    if (g->acc[at] == 0)
        g->touched[g->ntouched++] = at;
    g->acc[at] += add;
}

/* A window entry and its key cosine with the document being grouped. */
struct match {
    uint32_t at;
    double score;
};

/* Keep m among the STORY_TOP best of top[0..*n) (best first), one entry per
 * story: a story's best entry speaks for it. */
static void
top_add(const struct grouping *g, struct match *top, size_t *n, struct match m)
{
    for (size_t i = 0; i < *n; i++) {
        if (g->e[top[i].at].story != g->e[m.at].story)
            continue;
        if (top[i].score >= m.score)
            return;
        memmove(&top[i], &top[i + 1], (*n - i - 1) * sizeof *top);
        --*n;
        break;
    }
    size_t i = *n;
    while (i > 0 && top[i - 1].score < m.score)
        i--;
    if (i >= STORY_TOP)
        return;
    size_t last = *n < STORY_TOP ? *n : STORY_TOP - 1;
    memmove(&top[i + 1], &top[i], (last - i) * sizeof *top);
    top[i] = m;
    if (*n < STORY_TOP)
        ++*n;
}

/* The first of term t's window entries within STORY_DAYS before day (they
 * are sorted by day). */
static size_t
window_start(const struct grouping *g, const struct sterm *t, int64_t day)
{
    size_t lo = 0, hi = t->nwin;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->e[t->p[mid].e].day < day - STORY_DAYS)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The entries best matching key k of a document of day day, at most
 * STORY_TOP of distinct stories, best first, in top; returns how many.
 * g->acc keeps each entry's key cosine until index_reset. */
static size_t
index_best(struct grouping *g, const struct key *k, int64_t day, struct match *top)
{
    g->ntouched = 0;
    for (size_t i = 0; i < k->n; i++) {
        const struct sterm *t = &g->t[k->idx[i]];
        if (t->common)
            continue;
        /* window entries: sorted by day, from the first within reach */
        size_t lo = window_start(g, t, day);
        for (size_t j = lo; j < t->nwin && g->e[t->p[j].e].day <= day + STORY_DAYS; j++)
            touch(g, t->p[j].e, k->w[i] * t->p[j].w);
        /* new entries: sorted by day, walked back to the window's start */
        for (size_t j = t->n; j > t->nwin && g->e[t->p[j - 1].e].day >= day - STORY_DAYS; j--)
            touch(g, t->p[j - 1].e, k->w[i] * t->p[j - 1].w);
    }
    size_t n = 0;
    for (size_t i = 0; i < g->ntouched; i++) {
        uint32_t at = g->touched[i];
        if (g->acc[at] >= STORY_MIN_SCORE)
            top_add(g, top, &n, (struct match){at, g->acc[at]});
    }
    return n;
}

/* Clear the key cosines index_best left in g->acc. */
static void
index_reset(struct grouping *g)
{
    for (size_t i = 0; i < g->ntouched; i++)
        g->acc[g->touched[i]] = 0;
    g->ntouched = 0;
}

static void
grouping_free(struct grouping *g)
{
    for (size_t i = 0; i < g->terms.n; i++)
        free(g->t[i].p);
    free(g->t);
    strmap_free(&g->terms);
    free(g->e);
    free(g->acc);
    free(g->touched);
    u64map_free(&g->start);
    u64map_free(&g->members);
    store_termstats_free(&g->ts);
}

/* Index the grouped documents published from day lo to hi. 0, or -1. */
static int
load_window(struct grouping *g, int64_t lo, int64_t hi, struct ds_error *err)
{
    struct story_doc *w = NULL;
    size_t nw = 0;
    if (store_story_window(g->s, lo, hi, &w, &nw, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < nw && rc == 0; i++) {
        struct key k;
        rc = key_build(g, w[i].id, &k, err);
        if (rc == 0)
            index_add(g, &k, w[i].id, w[i].story, w[i].day);
        key_free(&k);
    }
    for (size_t i = 0; i < g->terms.n; i++)
        g->t[i].nwin = g->t[i].n;
    free(w);
    return rc;
}

/* Is story's first article within STORY_DAYS of day? A story is one event
 * told within days, so a running story of many days does not chain into
 * one. 1 yes, 0 no, -1 with err. */
static int
story_near(struct grouping *g, int64_t story, int64_t day, struct ds_error *err)
{
    bool added;
    uint64_t *v = u64map_upsert(&g->start, (uint64_t)story, &added);
    if (added) {
        int64_t first = 0;
        int got = store_doc_day(g->s, story, &first, err);
        if (got < 0)
            return -1;
        *v = got == 0 ? (uint64_t)(first + 1) : 0;
    }
    return !*v || llabs((int64_t)*v - 1 - day) <= STORY_DAYS;
}

/* Does document id (its key cosines with the index's entries in g->acc)
 * agree with the core of the story of entry best (its match): the story's
 * first STORY_CORE entries in the index (by day), each other than best at
 * a key cosine of at least STORY_CORE_SCORE or a similar_pair score of at
 * least STORY_PAIR_SCORE? So an article that matches one member of a story
 * but not its others does not join it: A ~ B and B ~ C do not make C a
 * telling of A's event, and a story does not drift from event to event on
 * one theme. And, for a core of two or more, its mean key cosine with the
 * core must be at least STORY_CORE_SHARE of its key cosine with best: a
 * running story's next event (a shutdown's national emergency) matches
 * the member that foretold it far better than the core, which it agrees
 * with only weakly, through the people and the theme. Members outside the
 * index (more than STORY_DAYS from the slice's days) are not asked. 1 yes,
 * 0 no, -1 with err. */
static int
core_agrees(struct grouping *g, int64_t id, uint32_t best, struct ds_error *err)
{
    const uint64_t *m = u64map_find(&g->members, (uint64_t)g->e[best].story);
    uint32_t at = m ? (uint32_t)(*m >> 32) : NO_ENTRY;
    double sum = 0;
    size_t i = 0;
    for (uint32_t c = at; i < STORY_CORE && c != NO_ENTRY; i++, c = g->e[c].next)
        sum += g->acc[c];
    if (i >= 2 && sum < STORY_CORE_SHARE * g->acc[best] * (double)i)
        return 0; /* matches a later member far better than the event's core */
    for (i = 0; i < STORY_CORE && at != NO_ENTRY; i++, at = g->e[at].next) {
        if (at == best || g->acc[at] >= STORY_CORE_SCORE)
            continue;
        struct similar_doc p;
        if (similar_pair(g->s, id, g->e[at].id, &p, err) != 0)
            return -1;
        if (p.score < STORY_PAIR_SCORE)
            return 0;
    }
    return 1;
}

/* ---- what is new in an article against the story ---------------------------- */

/* Does an entry of story within STORY_DAYS of day hold term t? */
static bool
story_holds(const struct grouping *g, const struct sterm *t, int64_t story, int64_t day)
{
    size_t lo = window_start(g, t, day);
    for (size_t j = lo; j < t->nwin && g->e[t->p[j].e].day <= day + STORY_DAYS; j++)
        if (g->e[t->p[j].e].story == story)
            return true;
    for (size_t j = t->n; j > t->nwin && g->e[t->p[j - 1].e].day >= day - STORY_DAYS; j--)
        if (g->e[t->p[j - 1].e].story == story)
            return true;
    return false;
}

/* Has story two or more members in the index (its first entry is not its
 * last)? */
static bool
story_has_two(const struct grouping *g, int64_t story)
{
    const uint64_t *m = u64map_find(&g->members, (uint64_t)story);
    return m && (uint32_t)(*m >> 32) != (uint32_t)*m;
}

/* Is the title of the document of key k all new to story: a story of two
 * or more members in the index, none of which holds (in its title or
 * lead) a term of the title? Terms too common to be posted are not asked,
 * and a title of only those is not new. A running story's next event (an
 * offer to end a shutdown, after days of the shutdown) matches the story
 * through its people and theme in the lead, and its title names what is
 * new: "Dreamers", "protections", "offer". A story's members together hold
 * its event's words, so another outlet's telling names some of them in
 * its title; with one member, two outlets' titles can share no word. */
static bool
title_all_new(const struct grouping *g, const struct key *k, int64_t story, int64_t day)
{
    if (!story_has_two(g, story))
        return false;
    bool asked = false;
    for (size_t i = 0; i < k->n; i++) {
        const struct sterm *t = &g->t[k->idx[i]];
        if (!k->title[i] || t->common)
            continue;
        if (story_holds(g, t, story, day))
            return false;
        asked = true;
    }
    return asked;
}

/* ---- what the event is, beyond who it is about ----------------------------- */

/* A term that names the event in a story's core titles: its first bytes
 * (up to STORY_EVENT_PREFIX), which a word of a telling must start with,
 * so "endorse" finds "endorsed" and "endorsement". */
#define STORY_EVENT_PREFIX 6
/* A term of the core's titles shorter than this says too little. */
#define STORY_EVENT_MIN_LEN 3

/* Tokens of a text, counted once per text (ud of event_token). */
struct event_words {
    struct strmap *count; /* term -> in how many texts (or any value) */
    struct strmap seen;   /* this text's terms */
    const char *text;
};

static void
event_token(const char *token, size_t start, size_t end, void *ud)
{
    struct event_words *w = ud;
    size_t len = strlen(token);
    if (len < STORY_EVENT_MIN_LEN || text_is_stopword(w->text + start, end - start))
        return;
    bool added;
    strmap_upsert(&w->seen, token, len, &added);
    if (added)
        strmap_upsert(w->count, token, len, &added)->value++;
}

/* Count text's terms once each into *count. */
static void
event_count(struct grouping *g, const char *text, struct strmap *count)
{
    struct event_words w = {count, STRMAP_INIT, text};
    g->tok.tokenize(g->tok.ctx, text, strlen(text), event_token, &w);
    strmap_free(&w.seen);
}

static void
last_token(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    struct buf *last = ud;
    last->len = 0;
    buf_append(last, token, strlen(token));
}

/* Count the people of a list (store_story_person_names: a name a line)
 * once each into *count, each by its last word (its surname: "Michael
 * Steele" and "Steele" are one person). */
static void
people_count(struct grouping *g, const char *people, struct strmap *count)
{
    struct strmap seen = STRMAP_INIT;
    struct buf last = BUF_INIT;
    for (const char *p = people; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        last.len = 0;
        g->tok.tokenize(g->tok.ctx, p, n, last_token, &last);
        bool added;
        if (last.len && (strmap_upsert(&seen, buf_str(&last), last.len, &added), added))
            strmap_upsert(count, buf_str(&last), last.len, &added)->value++;
        p += n + (nl != NULL);
    }
    buf_free(&last);
    strmap_free(&seen);
}

/* Does the title of document id (key k) name a person (by the last word
 * of a name it mentions) whom no member of story, a story of two or more
 * members in the index, mentions in its title or lead, and no person they
 * mention? Another outlet's telling of an event names its protagonist as
 * the others do; an article on another politician's remarks on the same
 * theme names someone new, and only them. A telling whose title names the
 * protagonist and someone new beside him (a departing minister and his
 * acting successor) is still the event. 1 yes, 0 no, -1 with err. */
static int
title_person_new(struct grouping *g, int64_t id, const struct key *k, int64_t story,
                 int64_t day, struct ds_error *err)
{
    if (!story_has_two(g, story))
        return 0;
    char *people = NULL;
    if (store_story_person_names(g->s, id, &people, err) != 0)
        return -1;
    struct strmap surnames = STRMAP_INIT;
    people_count(g, people, &surnames);
    bool found = false, known = false;
    for (size_t i = 0; i < surnames.n && !known; i++) {
        const char *name = surnames.e[i].key;
        const struct strmap_entry *t = strmap_find(&g->terms, name, strlen(name));
        const uint64_t *pos = t ? u64map_find(&k->at, t->value) : NULL;
        const struct sterm *st = t ? &g->t[t->value] : NULL;
        if (!pos || !k->title[*pos] || st->common)
            continue;
        bool held = story_holds(g, st, story, day);
        found |= !held;
        known |= held;
    }
    strmap_free(&surnames);
    free(people);
    return found && !known;
}

/* What a story's core (its first STORY_CORE entries in the index) says of
 * its event: terms in the titles of at least two of its members other
 * than a word of a person's name any of them mentions ("Afghanistan
 * comments" for a story of an RNC chairman's remarks), and the people at
 * least two of them mention (by surname). */
struct event_core {
    struct strmap terms;  /* keys */
    struct strmap people; /* surname -> how many members mention the person */
    size_t members;
};

static void
event_core_free(struct event_core *c)
{
    strmap_free(&c->terms);
    strmap_free(&c->people);
}

/* Read the core of story into *c. 0, or -1 with err. */
static int
event_core_read(struct grouping *g, int64_t story, struct event_core *c, struct ds_error *err)
{
    *c = (struct event_core){STRMAP_INIT, STRMAP_INIT, 0};
    struct strmap titles = STRMAP_INIT, names = STRMAP_INIT;
    const uint64_t *m = u64map_find(&g->members, (uint64_t)story);
    uint32_t at = m ? (uint32_t)(*m >> 32) : NO_ENTRY;
    int rc = 0;
    for (; c->members < STORY_CORE && at != NO_ENTRY && rc == 0; c->members++) {
        char *title = NULL, *body = NULL, *people = NULL;
        rc = store_doc_text(g->s, g->e[at].id, &title, &body, err) < 0 ? -1 : 0;
        if (rc == 0)
            rc = store_story_person_names(g->s, g->e[at].id, &people, err);
        if (rc == 0) {
            event_count(g, title ? title : "", &titles);
            event_count(g, people, &names);
            people_count(g, people, &c->people);
        }
        free(title);
        free(body);
        free(people);
        at = g->e[at].next;
    }
    for (size_t i = 0; rc == 0 && i < titles.n; i++) {
        const struct strmap_entry *t = &titles.e[i];
        bool added;
        if (t->value >= 2 && !strmap_find(&names, t->key, strlen(t->key)))
            strmap_upsert(&c->terms, t->key, strlen(t->key), &added);
    }
    strmap_free(&titles);
    strmap_free(&names);
    return rc;
}

/* Does a word of a text start with one of the event terms? (ud) */
struct event_find {
    const struct strmap *terms;
    bool found;
};

static void
event_find_token(const char *token, size_t start, size_t end, void *ud)
{
    (void)start;
    (void)end;
    struct event_find *f = ud;
    size_t len = strlen(token);
    for (size_t i = 0; i < f->terms->n && !f->found; i++) {
        const struct strmap_entry *t = &f->terms->e[i];
        size_t n = DS_MIN(strlen(t->key), (size_t)STORY_EVENT_PREFIX);
        f->found = len >= n && memcmp(token, t->key, n) == 0;
    }
}

/* How many people of the core (mentioned by two or more of its members)
 * document id mentions. -1 with err. */
static long
people_shared(struct grouping *g, int64_t id, const struct event_core *c, struct ds_error *err)
{
    char *people = NULL;
    if (store_story_person_names(g->s, id, &people, err) != 0)
        return -1;
    struct strmap mine = STRMAP_INIT;
    people_count(g, people, &mine);
    long shared = 0;
    for (size_t i = 0; i < mine.n; i++) {
        const struct strmap_entry *p = strmap_find(&c->people, mine.e[i].key,
                                                   strlen(mine.e[i].key));
        shared += p && p->value >= 2;
    }
    strmap_free(&mine);
    free(people);
    return shared;
}

/* Does document id tell the event of story? When what it shares with the
 * story's core (event_core_read) of people is one person, it must also
 * share what happened: a word of its title or body must start with one of
 * the core's event terms (their first STORY_EVENT_PREFIX bytes, so
 * "endorse" finds "endorsed"). An article on the same politician's next
 * move, days later, shares his name in every title and most of its key
 * words, but not "Afghanistan comments". Stories whose core shares no
 * event term, and articles sharing several people or none with it, are
 * not asked (there the person does not carry the match). 1 yes, 0 no,
 * -1 with err. */
static int
event_agrees(struct grouping *g, int64_t id, int64_t story, struct ds_error *err)
{
    struct event_core c;
    if (event_core_read(g, story, &c, err) != 0) {
        event_core_free(&c);
        return -1;
    }
    struct event_find f = {&c.terms, c.members < 2 || c.terms.n == 0};
    long shared = f.found ? 1 : people_shared(g, id, &c, err);
    f.found = f.found || shared != 1;
    char *title = NULL, *body = NULL;
    int rc = shared < 0 ? -1 : f.found ? 0 : store_doc_text(g->s, id, &title, &body, err);
    if (rc == 0 && title)
        g->tok.tokenize(g->tok.ctx, title, strlen(title), event_find_token, &f);
    if (rc == 0 && body && !f.found)
        g->tok.tokenize(g->tok.ctx, body, strlen(body), event_find_token, &f);
    free(title);
    free(body);
    event_core_free(&c);
    return rc < 0 ? -1 : f.found;
}

/* The story document id of day day joins: of its best matches (top[0..n))
 * whose story began within STORY_DAYS, the first whose key cosine is at
 * least STORY_SURE_SCORE or that similar_pair scores at least
 * STORY_PAIR_SCORE (the whole texts, the leads, the entities, the days
 * apart), whose title is not all new to the story (title_all_new) nor
 * names a person new to it (title_person_new), and that agrees with the
 * story's core (core_agrees); else its own, id. *score gets the key cosine (0 for its own
 * story). -1 with err. */
static int64_t
story_for(struct grouping *g, int64_t id, int64_t day, const struct key *k,
          const struct match *top, size_t n, double *score, struct ds_error *err)
{
    *score = 0;
    for (size_t i = 0; i < n; i++) {
        const struct sentry *e = &g->e[top[i].at];
        int near = story_near(g, e->story, day, err);
        if (near < 0)
            return -1;
        if (!near)
            continue;
        bool same = top[i].score >= STORY_SURE_SCORE;
        if (!same) {
            struct similar_doc p;
            if (similar_pair(g->s, id, e->id, &p, err) != 0)
                return -1;
            same = p.score >= STORY_PAIR_SCORE;
        }
        int core = same && !title_all_new(g, k, e->story, day);
        if (core > 0) {
            int person = title_person_new(g, id, k, e->story, day, err);
            core = person < 0 ? -1 : !person;
        }
        if (core > 0)
            core = core_agrees(g, id, top[i].at, err);
        if (core > 0)
            core = event_agrees(g, id, e->story, err);
        if (core < 0)
            return -1;
        if (core) {
            *score = top[i].score;
            return e->story;
        }
    }
    return id;
}

/* Group one dated document d: join a match's story (story_for) or start
 * one. */
static int
group_one(struct grouping *g, const struct story_doc *d, struct ds_error *err)
{
    struct key k;
    if (key_build(g, d->id, &k, err) != 0) {
        key_free(&k);
        return -1;
    }
    struct match top[STORY_TOP];
    size_t n = index_best(g, &k, d->day, top);
    double score;
    int64_t story = story_for(g, d->id, d->day, &k, top, n, &score, err);
    index_reset(g);
    int rc = story < 0 ? -1 : store_story_put(g->s, d->id, story, score, err);
    if (rc == 0)
        index_add(g, &k, d->id, story, d->day);
    key_free(&k);
    return rc;
}

/* Group the dated documents v[0..n) (by day). */
static int
group_all(struct grouping *g, const struct story_doc *v, size_t n, struct ds_error *err)
{
    if (n == 0)
        return 0;
    if (load_window(g, v[0].day - STORY_DAYS, v[n - 1].day + STORY_DAYS, err) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (group_one(g, &v[i], err) != 0)
            return -1;
    return 0;
}

/* Group the ungrouped documents of days lo to hi with an index of those
 * days' grouped documents (earlier slices included), freed after; *n gets
 * their number. 0, or -1 with err. */
static int
group_slice(struct store *s, int64_t lo, int64_t hi, size_t *n, struct ds_error *err)
{
    struct story_doc *v = NULL;
    if (store_story_ungrouped_span(s, lo, hi, &v, n, err) != 0)
        return -1;
    struct grouping g = {.s = s, .terms = STRMAP_INIT, .start = U64MAP_INIT,
                         .members = U64MAP_INIT};
    store_text_tokenizer(s, &g.tok);
    int rc = store_termstats_open(s, &g.ts, err);
    if (rc == 0) {
        g.ndocs = (double)DS_MAX((int64_t)1, store_termstats_docs_total(g.ts));
        rc = group_all(&g, v, *n, err);
    }
    grouping_free(&g);
    free(v);
    return rc;
}

/* The documents of days[0..n) published from day lo to day hi, by a
 * binary search for each end over the days. */
static size_t
docs_between(const struct story_day *days, size_t n, int64_t lo, int64_t hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (days[mid].day < lo)
            a = mid + 1;
        else
            b = mid;
    }
    size_t docs = 0;
    for (size_t i = a; i < n && days[i].day <= hi; i++)
        docs += days[i].all;
    return docs;
}

/* Where the slice starting at days[i] (a day with documents to group)
 * ends: the days after it join while the slice has at most `slice`
 * documents to group and its window (the documents within STORY_DAYS of
 * them) at most STORY_WINDOW_MAX, so an incremental run whose few new
 * documents span years does not index the whole collection at once. One
 * day is a slice however big. */
static size_t
slice_end(const struct story_day *days, size_t ndays, size_t i, size_t slice)
{
    size_t j = i + 1, docs = days[i].n;
    for (; j < ndays; j++) {
        if (!days[j].n)
            continue;
        size_t window = docs_between(days, ndays, days[i].day - STORY_DAYS,
                                     days[j].day + STORY_DAYS);
        if (docs + days[j].n > slice || window > STORY_WINDOW_MAX)
            break;
        docs += days[j].n;
    }
    return j;
}

/* Group the documents not grouped yet: undated ones each a story of its
 * own (no index needed), then the dated ones a slice of days at a time
 * (slice_end), read from the index slice by slice, so that nothing is
 * held per new document or per document of the collection. *n gets their
 * number. 0, or -1 with err. */
static int
group_new(struct store *s, size_t slice, size_t *n, struct ds_error *err)
{
    struct story_day *days = NULL;
    size_t ndays = 0, undated = 0;
    *n = 0;
    if (store_story_ungrouped_days(s, &days, &ndays, &undated, err) != 0)
        return -1;
    int rc = undated ? store_story_group_undated(s, n, err) : 0;
    for (size_t i = 0; rc == 0 && i < ndays;) {
        if (!days[i].n) {
            i++;
            continue;
        }
        size_t j = slice_end(days, ndays, i, slice), last = j - 1, got = 0;
        while (!days[last].n)
            last--; /* the slice ends on a day with documents to group */
        rc = group_slice(s, days[i].day, days[last].day, &got, err);
        *n += got;
        i = j;
    }
    free(days);
    return rc;
}

/* See story.h. */
long
story_group_slices(struct store *s, size_t slice, struct ds_error *err)
{
    if (store_begin(s, err) != 0)
        return -1;
    size_t n = 0;
    if (group_new(s, slice ? slice : SIZE_MAX, &n, err) != 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, err) == 0 ? (long)n : -1;
}

/* See story.h. */
long
story_group(struct store *s, struct ds_error *err)
{
    return story_group_slices(s, STORY_SLICE, err);
}

/* ---- the best other-outlet version ------------------------------------------------- */

/* The outlet of a document (newly allocated, NULL when it has none). */
static char *
source_of(struct store *s, int64_t id, struct ds_error *err)
{
    struct doc_record rec = {0};
    char *src = NULL;
    if (store_doc_get(s, id, &rec, err) == 0 && rec.a.source)
        src = xstrdup(rec.a.source);
    doc_record_clear(&rec);
    return src;
}

static bool
other_outlet(const char *a, const char *b)
{
    return !a || !b || strcmp(a, b) != 0;
}

int
story_best_other(struct store *s, int64_t doc_id, int64_t *best, struct ds_error *err)
{
    *best = 0;
    struct similar_doc *v = NULL;
    size_t n = 0;
    if (similar_find(s, doc_id, 20, &v, &n, err) != 0)
        return -1;
    int64_t *members = NULL;
    size_t nm = 0;
    struct story_info si;
    if (store_story_of(s, doc_id, &si, err) == 0) {
        if (store_story_members(s, si.id, &members, &nm, err) != 0)
            nm = 0;
        story_info_clear(&si);
    }
    char *mine = source_of(s, doc_id, err);
    for (int pass = 0; pass < 2 && !*best; pass++) {
        for (size_t i = 0; i < n && !*best; i++) {
            bool in_story = false;
            for (size_t m = 0; m < nm && !in_story; m++)
                in_story = members[m] == v[i].id;
            if (pass == 0 ? !in_story : v[i].score < SIMILAR_SAME_STORY)
                continue;
            char *theirs = source_of(s, v[i].id, err);
            if (other_outlet(mine, theirs))
                *best = v[i].id;
            free(theirs);
        }
    }
    free(mine);
    free(members);
    free(v);
    return *best ? 0 : 1;
}
