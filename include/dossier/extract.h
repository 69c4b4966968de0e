/*
 * extract.h — what an article says, found at index time: figures (amounts,
 * shares, rates, quantities), entities (countries, organisations, people,
 * places, agreements) and topic scores from the rules file.
 *
 * Every span is a byte range [start, end) into article.body. The extractor
 * owns compiled PCRE2 patterns and gazetteers; it is not shared between
 * threads (open one per thread).
 */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/article.h"
#include "dossier/text.h" /* struct span */
#include "dossier/util.h"

enum figure_kind {
    FIGURE_AMOUNT,   /* money: $682.32 billion */
    FIGURE_CHANGE,   /* a change: up 30.2 percent, 2 percentage points */
    FIGURE_SHARE,    /* a share of a whole: 65.15 percent of ... */
    FIGURE_RATE,     /* a rate: an average annual rate of 7.5 percent, a tariff of 25% */
    FIGURE_QUANTITY, /* 1.426 million tonnes, 3 million barrels */
    FIGURE_COUNT,    /* 15 consecutive years, 3,000 companies */
};
const char *figure_kind_name(enum figure_kind k);

struct figure {
    struct span span;      /* the figure as written */
    struct span sentence;  /* the sentence holding it */
    char *text;            /* as written: "$682.32 billion" */
    double value;          /* fully scaled: 682320000000 */
    char *unit;            /* "USD", "CNY", "EUR", "GBP", "JPY", "%", "pp", "tonnes", ... */
    char *scale;           /* "million", "billion", "trillion", or NULL */
    enum figure_kind kind;
    char *direction;       /* "up", "down", or NULL */
    char *period;          /* "from January to November in 2021", or NULL */
    char *subject;         /* "China-US total trade value", or NULL */
    /* Added by the extract module (persisted by the store since schema 2): */
    double value_hi;       /* a range's upper end ("$30-50 billion"); == value otherwise */
    char *approx;          /* "about", "nearly", "more than", "up to", ... or NULL */
    /* The same fact stated again (value, unit, subject): its other mentions,
     * in text order (persisted since schema 11). */
    struct span *also;
    size_t nalso;
};

/* Append f as people read it: its text as written ("?" when it has none)
 * and, with_subject, its subject in parentheses; "-" when f is NULL. */
void figure_text(struct buf *b, const struct figure *f, bool with_subject);

enum entity_kind {
    ENTITY_COUNTRY,
    ENTITY_ORG,
    ENTITY_PERSON,
    ENTITY_PLACE,
    ENTITY_AGREEMENT,
};
const char *entity_kind_name(enum entity_kind k);

struct entity {
    char *name;            /* canonical: "United States", "Wang Wentao" */
    char *alt;             /* another script's form: "王文涛", or NULL */
    enum entity_kind kind;
    struct span *spans;    /* each mention */
    size_t nspans;
};

struct topic_score {
    char *slug;            /* "us-china" */
    double score;
    struct span *spans;    /* the words that matched the topic's rules */
    size_t nspans;
};

struct extraction {
    struct figure *figures;
    size_t nfigures;
    struct entity *entities;
    size_t nentities;
    struct topic_score *topics;
    size_t ntopics;
};

void extraction_clear(struct extraction *x);

struct extractor;

/* Load gazetteers and topic rules from assets_dir, then the user's overrides
 * from config_dir (either may be NULL). A bad rule or gazetteer line fails
 * with "file:line: message" in err. */
int extractor_open(const char *assets_dir, const char *config_dir, struct extractor **out,
                   struct ds_error *err);
void extractor_free(struct extractor **ex);

/* A second extractor for another thread, extracting what base does: it
 * borrows base's gazetteers, word lists, topic tables and compiled
 * patterns (read-only while extracting; not copied) and has its own
 * scratch, so the two may run at once. Free it with extractor_free, before
 * base. */
struct extractor *extractor_share(const struct extractor *base);

/* Extract from a cleaned article into *out (which the caller clears). */
void extractor_run(struct extractor *ex, const struct article *a, struct extraction *out);

/* Topic scores only (for re-scoring stored bodies when the rules change). */
void extractor_topics(struct extractor *ex, const char *title, const char *body,
                      struct extraction *out);

/* A hash of the loaded rules and gazetteers (and of the extractor's code
 * version): when it differs from the one stored with the index, stored
 * documents need re-extraction. */
uint64_t extractor_rules_hash(const struct extractor *ex);
/* The same hash an extractor_open of these directories would have, from
 * the files' bytes alone (nothing parsed: a run with nothing to extract
 * need not load the rules). 0, or -1 when the load would fail on a file
 * that cannot be read (*out is then meaningless). */
int extractor_rules_hash_files(const char *assets_dir, const char *config_dir, uint64_t *out);

/* An extractor with only the gazetteers loaded, for extractor_alias_names
 * (extractor_run must not be called on it). 0, or -1 with err. */
int extractor_open_gazetteers(const char *assets_dir, const char *config_dir,
                              struct extractor **out, struct ds_error *err);

/* The canonical names of the gazetteer entities text is an alias of (either
 * script, any case) as "\nA\nB\n", a new string; NULL when none. */
char *extractor_alias_names(const struct extractor *ex, const char *text);
/* The same for every alias that starts with prefix (its last word may be
 * cut short); NULL when none does. */
char *extractor_alias_prefix_names(const struct extractor *ex, const char *prefix);

/* The topics the rules define, in file order: slug and human name (borrowed,
 * valid while ex lives). */
size_t extractor_topic_count(const struct extractor *ex);
void extractor_topic_at(const struct extractor *ex, size_t i, const char **slug, const char **name);

#endif
