/*
 * extract/lib.h — private to the extract part: the extractor's pieces
 * (gazetteer, topic rules, figure patterns) shared by extract.c,
 * figures.c, entities.c and topics.c in src/lib/extract/. Nothing outside
 * that folder includes it.
 */
#ifndef DOSSIER_LIB_EXTRACT_H
#define DOSSIER_LIB_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/extract.h"
#include "dossier/regex.h"
#include "dossier/zh.h"

/* ---- tokens (extract/tokens.c) ----------------------------------------- */

enum tk_flag {
    TK_CAP = 1 << 0,     /* starts with an upper-case letter */
    TK_ALLCAPS = 1 << 1, /* two or more letters, none lower case */
    TK_POSS = 1 << 2,    /* followed by 's (consumed) */
    TK_CJK = 1 << 3,     /* a run of Han/kana/hangul */
    TK_SENT = 1 << 4,    /* first token of a sentence (or line, or quote) */
    TK_NUM = 1 << 5,     /* starts with a digit */
    TK_NAMEY = 1 << 6,   /* Capitalised then lower case: could be a name */
    TK_WLDONE = 1 << 7,  /* tok.wl has been computed */
    TK_NICK = 1 << 8,    /* a nickname in quotes inside a name (entity pass) */
};

struct tok {
    uint32_t start, end;
    uint32_t wl; /* word-list membership, filled lazily by the entity pass */
    uint16_t flags;
    char sep; /* before the token: ' ' spaces only, '-' hyphen/dash, ',' etc., 0 at start */
};

struct toks {
    struct tok *v;
    size_t n, cap;
};

/* Cut s[0..n) into tokens: words (with their case, the separator before
 * them, a possessive 's consumed), CJK runs. t->v is reused (grown as
 * needed); the caller frees it. */
void ex_tokenize(const char *s, size_t n, struct toks *t);

/* Lowercase key of tokens [i, j] joined by one space into key (cap bytes);
 * returns its length or 0 if it does not fit. (extract/tokens.c) */
size_t tk_key(const char *s, const struct tok *v, size_t i, size_t j, char *key, size_t cap);

/* ---- gazetteer: token-sequence hash (extract/gazetteer.c) ---------------- */

struct gz_entity {
    char *name;
    enum entity_kind kind;
};

struct gz_alias {
    uint32_t entity;
    bool exact;       /* all-caps alias: the text must match it byte for byte */
    bool capital;     /* a capital city standing for its country's government */
    bool upper_first; /* the text must start with a capital letter */
    char *form;       /* exact aliases: tokens joined by one space */
    int32_t place;    /* capital aliases: the city as a place entity */
    int32_t next;     /* next alias with the same key, or -1 */
};

struct gz_slot {
    char *key;      /* lowercase tokens joined by one space; NULL = empty slot */
    uint64_t hash;
    bool prefix;    /* some longer alias starts with this key */
    int32_t alias;  /* first alias with exactly this key, or -1 */
};

/* The entity passes' word lists (extract/gazetteer.c): one hash set holds
 * them all, with a bit per list. */
enum wl_id {
    WL_TITLES, WL_ROLES_AFTER, WL_SAID_AFTER, WL_SAID_BEFORE, WL_STOP, WL_ORG_SUFFIX,
    WL_CONNECTORS, WL_GOV_AFTER, WL_GOV_BEFORE, WL_CN_SURNAMES, WL_PRONOUNS, WL_ORG_HEAD,
    WL_FUNCTION, WL_HONORIFIC, WL_GIVEN, WL_COUNT
};

/* Common given names, NULL-terminated (extract/given.c), and more of
 * them (extract/given_more.c); both are the list WL_GIVEN. */
extern const char *const ex_given_names[];
extern const char *const ex_given_more[];

struct ent_words;
/* Bits (1 << wl_id) of the lists holding w[0..n) exactly. */
uint32_t ent_words_bits(const struct ent_words *ew, const char *w, size_t n);

struct gazetteer {
    struct ent_words *words;
    struct gz_entity *ents;
    size_t nents, capents;
    struct gz_alias *aliases;
    size_t naliases, capaliases;
    struct gz_slot *slots;
    size_t nslots, used;
    bool lower_ok[256]; /* some alias may start in lower case with this byte */
    uint8_t first2[8192]; /* bit (b0 << 8 | b1): some key starts with these two
                           * (lower-case) bytes; b1 = 0 for one-byte keys */
    uint8_t cjk_first[8192]; /* bit cp: some alias starts with the BMP ideograph cp */
    uint8_t *cjk_chars;      /* [cp]: characters of the longest alias starting with the
                              * BMP ideograph cp (at most 255; NULL until one is added) */
};

/* The slot of key[0..len) (hash h), or NULL when no alias has that key or
 * starts with it. */
struct gz_slot *gz_find(const struct gazetteer *g, const char *key, size_t len, uint64_t h);
void gz_init(struct gazetteer *g);
void gz_free(struct gazetteer *g);
/* Load one gazetteer file; kind is the file's default kind. Returns 0, or -1
 * with "file:line: message" in err. A missing file is an error only when
 * required. */
int gz_load(struct gazetteer *g, const char *path, enum entity_kind kind, bool required,
            struct ds_error *err, uint64_t *hash);

/* ---- topic rules (extract/topics.c) ------------------------------------- */

enum tp_role { TP_WEIGHT, TP_ALL, TP_ANY };

#define TP_H3 4096u
#define TP_STEM_MAX 48    /* longest word a term can match, plus one */
#define TP_TERM_WORDS 8   /* most words in one term */
#define TP_LEAD_WORDS 60  /* the lead: this many words from the body's start */
#define TP_SIBLING_SHARE 0.25 /* a topic scores at least this share of its best sibling */

/* A 'terms' entry (extract/terms.c): words matched by their stems, or a
 * Chinese string matched inside CJK runs. */
struct tp_term {
    char *low[TP_TERM_WORDS];   /* each word's folded stem (cjk: the term itself) */
    char *exact[TP_TERM_WORDS]; /* the stem with its case kept, for words written
                                 * with a capital (matched with case), else NULL */
    uint8_t len[TP_TERM_WORDS]; /* strlen(low[i]) */
    uint8_t ntok;
    uint8_t first; /* cjk: bytes of the first character (the lookup key) */
    bool cjk;
    uint32_t next; /* next pattern filed under the same first stem, or UINT32_MAX */
};

struct tp_pattern {
    struct ds_regex *re;   /* anchored: tried at word starts (NULL for a term) */
    struct ds_regex *scan; /* unanchored: used when no literal prefix is known */
    struct tp_term *term;  /* a term instead of a regex, or NULL */
    char *src;             /* the pattern as written */
    uint32_t topic;
    enum tp_role role;
    double weight;
};

struct tp_topic {
    char *slug, *name;
    double threshold;
    int cap;
    int min_terms;  /* distinct terms needed unless one is in the title or lead */
    bool fallback;
    int32_t parent; /* the topic whose slug is this one's up to its last '/', or -1 */
    int depth;      /* number of '/' in the slug */
    char *where;    /* "file:line" of the [topic] header */
};

struct tp_entry {
    char lit[8];  /* lowercase literal prefix (1..7 bytes) */
    uint8_t len;
    uint32_t pattern;
};

struct tp_rules {
    struct tp_topic *topics;
    size_t ntopics;
    struct tp_pattern *pats;
    size_t npats;
    struct tp_entry *entries;      /* sorted by first byte */
    size_t nentries;
    uint32_t *first2;              /* prefixes of 1-2 bytes: 65537 offsets, entries
                                    * [first2[k], first2[k+1]) start with the lowercase
                                    * bytes k = b0 * 256 + b1 */
    uint32_t *h3;                  /* longer prefixes: TP_H3 + 1 offsets into long_entries,
                                    * bucketed by a hash of the first three bytes */
    struct tp_entry *long_entries;
    size_t nlong;
    bool short_first[256];         /* some 1-2 byte prefix starts with this byte */
    uint32_t *always;              /* patterns scanned over the whole text */
    size_t nalways;
    uint32_t *words;               /* terms: hash of first stems -> first pattern */
    uint32_t *chars;               /* CJK terms: hash of first characters */
    uint32_t *words_hash, *chars_hash; /* each filled slot's key hash: a probe reads
                                    * the pattern only when the hashes agree */
    uint32_t *fold;                /* zh_fold_table(): Han characters folded to
                                    * Simplified, for CJK terms (NULL: none) */
    uint8_t *cjk_first;            /* bit (cp - ZH_FOLD_LO): a CJK term starts
                                    * with folded character cp */
    size_t term_mask;              /* both tables have term_mask + 1 slots */
    uint32_t *order;               /* topics, deepest first (children before parents) */
    /* per-run scratch */
    uint32_t *count_body, *count_title, *stamp;
    char (*stems)[TP_STEM_MAX];    /* each token's stem */
    size_t nstems;
    double *raw;                   /* per topic: its subtree's weighted matches */
    uint32_t *distinct;            /* per topic: distinct patterns matched in its subtree */
    bool *lead;                    /* per topic: a match in the title or lead */
    bool *chosen;
    double *best;                  /* per topic: the best raw score of a chosen child */
    uint8_t *flags;                /* per topic: conditions (tp_decide) */
};

struct tp_hit {
    uint32_t pattern, start, end;
};

struct tp_hits {
    struct tp_hit *v;
    size_t n, cap;
};

void tp_hit_add(struct tp_hits *h, uint32_t pat, size_t a, size_t b);

void tp_init(struct tp_rules *r);
void tp_free(struct tp_rules *r);
/* The per-run scratch of a rule set (counters, stamps, scores), which an
 * extractor made by extractor_share has of its own: the one list of it. */
void tp_scratch_free(struct tp_rules *r);
/* Parse a rules file into r (a topic whose slug exists replaces it). Returns
 * 0, or -1 with "file:line: message". Missing optional files are fine. */
int tp_load(struct tp_rules *r, const char *path, bool required, struct ds_error *err,
            uint64_t *hash);
/* Build the dispatch tables after every file is loaded. */
void tp_finish(struct tp_rules *r);
/* One pass over s (cut into toks): regex patterns are tried where a token
 * starts (and at every character of a CJK run), then the terms; count each
 * pattern's matches into counts and record hits when hits is non-NULL.
 * Returns the number of words (a CJK character counts as one). */
size_t tp_scan(struct tp_rules *r, const char *s, size_t n, const struct toks *toks,
               uint32_t *counts, struct tp_hits *hits);
/* Score title and body; body_toks are the body's tokens when the caller has
 * them (NULL: tokenised here). (extract/score.c) */
void tp_run(struct tp_rules *r, const char *title, const char *body, const struct toks *body_toks,
            struct extraction *out);

/* Terms (extract/terms.c). The stem of w[0..n) into out (lower-cased
 * first when fold): light English suffix folding, so "tariffs", "tariffed"
 * and "tariff" agree. Returns its length, 0 when the word is too long. */
size_t tp_stem(const char *w, size_t n, char *out, bool fold);
/* Add each comma-separated term of list as a pattern of topic with weight.
 * Returns 0, or -1 with "file:line: message". */
int tp_add_terms(struct tp_rules *r, uint32_t topic, double weight, const char *list,
                 const char *path, int lineno, struct ds_error *err);
void tp_term_free(struct tp_term *t);
/* File the terms for lookup (after every rules file is loaded). */
void tp_terms_finish(struct tp_rules *r);
/* Count the terms of s[0..n) (cut into toks) into counts; record hits when
 * hits is non-NULL. */
void tp_terms_scan(struct tp_rules *r, const char *s, size_t n, const struct toks *toks,
                   uint32_t *counts, struct tp_hits *hits);

/* ---- word sets (extract.c) ---------------------------------------------- */

/* A fixed list of words as an open-addressing hash set. */
struct wordset {
    const char **w;
    size_t mask;
};
/* The next line of a rules or gazetteer file held in a writable buffer:
 * cuts it at '\n' (and a '\r' before it) and advances *cursor. NULL at the
 * end. (extract.c) */
char *ex_next_line(char **cursor);

void wordset_init(struct wordset *ws, const char *const *list);
void wordset_free(struct wordset *ws);
/* Is w[0..n) in the set (exactly, or lower-cased first when lower)? */
bool wordset_has(const struct wordset *ws, const char *w, size_t n, bool lower);

/* ---- the extractor ------------------------------------------------------ */

enum fig_list {
    FW_UP, FW_DOWN, FW_RATE, FW_SHARE, FW_TIME_NOUNS, FW_LABELS, FW_APPROX, FW_VERBS,
    FW_STRONG, FW_PREPS, FW_AFTER_STOP, FW_CHANGE_NOUNS, FW_LEAD, FW_MONTHS, FW_WEAK,
    FW_SUBJ_STOPS, FW_COUNT
};

struct fig_res {
    struct wordset lists[FW_COUNT];
    struct ds_regex *fig, *period;
    int g_cur, g_num, g_num2, g_scale, g_scale1, g_unit, g_noun, g_mod, g_pence, g_fw;
};

struct extractor {
    struct gazetteer gz;
    struct segmenter *seg; /* Chinese words (dossier/zh.h) */
    struct tp_rules tp;
    struct fig_res fr;
    uint64_t hash;
    const struct extractor *base; /* extractor_share's: whose tables these are */
};

/* Free an extractor made by extractor_share (extract/share.c): its own
 * scratch only, never the tables it borrows. */
void ex_share_free(struct extractor *ex);

/* The word lists, indexed by enum fig_list (extract/units.c). */
extern const char *const *const fig_lists[FW_COUNT];

/* A unit word and what it stands for. */
struct fig_unitmap {
    const char *word; /* lowercase, spaces collapsed to one */
    const char *unit;
    int cls; /* 0 percent, 1 pp, 2 money, 3 quantity, 4 hundredth of a currency
              * (cents, pence, sen, fen: unit is the usual currency), 5 index points */
};

/* The number written in s[a, b) ("1,234.5", "9-7/8", "five"; -1 for words
 * it does not know). */
double fig_parse_num(const char *s, size_t a, size_t b);
/* The same, with the upper end of a quote pair in *hi ("1.8135/45" ->
 * 1.8145; the value itself otherwise). */
double fig_parse_num2(const char *s, size_t a, size_t b, double *hi);
/* The per cent a fraction in words states ("a fifth" 20, "two-thirds"
 * 66.67, "half" 50, "one in ten" 10), or -1. */
double fig_fraction_words(const char *s, size_t a, size_t b);
/* The unit written in s[a, b) (case and spacing ignored), or NULL. */
const struct fig_unitmap *fig_unit_lookup(const char *s, size_t a, size_t b);
/* The ISO code of a currency sign or prefix ("$", "HK$", "£"), or NULL. */
const char *fig_currency_code(const char *s, size_t a, size_t b);
/* The dollar a bare "$" means in the text s[0, n) when not the US one
 * (a local paper's dateline), or NULL. */
const char *fig_home_dollar(const char *s, size_t n);
/* The franc a bare "franc(s)" means in this text: the French, Belgian or
 * Luxembourg one when its dateline names a city there, else the Swiss. */
const char *fig_home_franc(const char *s, size_t n);
/* A dateline city and the code of its place's currency. */
struct fig_city {
    const char *city, *code;
};
/* The code a bare currency name means on this text's dateline: that of
 * its city in tab (k cities), def when the dateline names another city or
 * there is none (units.c). */
const char *fig_home_currency(const char *s, size_t n, const struct fig_city *tab, size_t k,
                              const char *def);
/* The measures fig_pattern.h's FIG_MEASURES reads ("km per hour",
 * "carats", "head", "mg", "horsepower", "miles"), by their key lowercased
 * with spaces collapsed, or NULL (fig_measures.c). */
const struct fig_unitmap *fig_measure_lookup(const char *key);
/* The peso a bare "peso(s)" means in this text: the Philippine, Chilean,
 * Colombian, Argentine, Uruguayan, Cuban or Dominican one on a dateline
 * from there, else the Mexican (fig_measures.c). */
const char *fig_home_peso(const char *s, size_t n);
/* The crown a bare "crowns" means in this text: the Swedish, Danish,
 * Norwegian, Czech, Slovak, Icelandic or Estonian one on a dateline from
 * there, else "crowns" (fig_measures.c). */
const char *fig_home_crown(const char *s, size_t n);
/* The sign written before figure f ("minus 31 degrees", "-8C") or after a
 * temperature ("12 degrees below zero"): negates its value and takes the
 * word into its span (fig_sign.c). */
void fig_sign(const char *s, size_t n, struct figure *f);
/* Is the speed s[ns, me) the end of an acceleration spec, "0 to 60 mph in
 * 3.4 seconds" or "0-100 km/h in 2.9 s": how a car is rated, no figure
 * (fig_measures.c)? */
bool fig_sprint_spec(const char *s, size_t n, size_t ns, size_t me);
/* Is the figure written as text in hundredths of a currency ("65.42 U.S.
 * cents", "38 cts")? (fig_measures.c) */
bool fig_in_hundredths(const char *text);
/* Where the counted noun begins in a whole written "the 5.3 crore
 * registered voters" from its number at i (past a scale word and one
 * modifier), or i (fig_measures.c). */
size_t fig_of_whole_noun(const char *s, size_t n, size_t i);
/* The unit of the bare whole number [ns, ne) that the words before it
 * give (this run's figures are out->figures[base..]): "times" after "ratio
 * of", people after a verb of harm, the unit of an earlier count after the
 * same verb, of the count before a change in per cent ("fell 11.8 pct to
 * 41,209"), of an amount before "making", of "Of the 198 riders ..., 161",
 * the noun of a level after a change "by 12,400 to 1.38 million students"
 * (copied into buf); its kind in *kind; or NULL (fig_bare.c). */
const char *fig_bare_more(const char *s, size_t n, const struct extraction *out, size_t base,
                          size_t ns, size_t ne, enum figure_kind *kind, char *buf, size_t cap);
/* The unit of a count whose noun s[us, ue) is read after the number
 * ending at ne, when not the noun itself: a statistic of two words ("two
 * field goals"), or what a toll's adjective counts ("712 dead", "64
 * missing": people; "3,000 civilians dead": civilians); newly allocated,
 * or NULL (fig_bare.c). */
char *fig_noun_unit(const char *noun, const char *s, size_t ne, size_t us, size_t ue);
/* Is s[a, e) a counted noun of two words ("field goals", "break
 * points", "unforced errors")? (fig_bare.c) */
bool fig_compound_count(const char *s, size_t a, size_t e);
/* Is a move in points at ns in a poll's sentence, a rating in per cent
 * before it ("approval ... 41 percent, down three points"), so in
 * percentage points, not a game's points? (fig_bare.c) */
bool fig_poll_points(const char *s, const struct span *sent, size_t ns);
/* The subject of the figure before f when f restates it after "or" ("a
 * deficit of 5.6 billion shillings, or 4.1 pct of GDP", "2.8 mln dlrs, or
 * 19 cts a share"), newly allocated, else NULL (fig_bare.c). */
char *fig_restated_subject(const char *s, const struct figure *last, const struct figure *f);
/* Who a figure's clause is about when its subject is a pronoun or an age
 * stands between: the sayer before "said it" ("Messaging app Lumo said it
 * now has ..."), a name before an age between commas at the sentence's
 * start ("Okafor, 24, scored 27 goals"); newly allocated, or NULL
 * (fig_bare.c). */
char *fig_subject_referent(const char *s, const struct span *sent, size_t fstart);
/* The noun a measure qualifies when it stands between a determiner and
 * that noun ("a 212 km ride", "The new 391 km line", "its 100 kWh
 * battery", "96,000 dwt product tankers"), newly allocated, or NULL
 * (fig_bare.c). */
char *fig_subject_modified(const char *s, const struct span *sent, const struct figure *f);
/* The doer of a participle clause the figure ends (", killing at least 14
 * people": the main clause's subject), else fig_subject_modified
 * (fig_participle.c). */
char *fig_subject_early(const struct fig_res *fr, const char *s, const struct span *sent,
                        const struct figure *f);
/* The multiplier of a scale word ("bn" -> 1e9) and its name in *name. */
double fig_scale_mult(const char *s, size_t a, size_t b, const char **name);

/* Word helpers and a figure's context (extract/fig_context.c). */
/* A word (ASCII letters, digits, '-' and apostrophes inside): s[start, end). */
struct fig_word {
    size_t start, end;
};
/* Up to max words ending before pos, stopping at lo or at clause
 * punctuation; nearest first. Returns how many. */
size_t fig_words_before(const char *s, size_t lo, size_t pos, struct fig_word *w, size_t max);
/* Up to max words starting at or after pos, before hi or clause
 * punctuation (a full stop too). Returns how many. */
size_t fig_words_after(const char *s, size_t pos, size_t hi, struct fig_word *w, size_t max);
/* Is w the (lower-case ASCII) word, case ignored? */
bool fig_wis(const char *s, const struct fig_word *w, const char *word);
/* Is w[0..n) in list l (lower-cased first when lower)? */
bool fig_has(const struct fig_res *fr, enum fig_list l, const char *w, size_t n, bool lower);
/* Is w one of the (lower-case ASCII) words of the NULL-ended list, case
 * ignored? */
bool fig_word_in(const char *s, const struct fig_word *w, const char *const *list);
/* Is the word (lower-cased) in list l? */
bool fig_win(const struct fig_res *fr, const char *s, const struct fig_word *w, enum fig_list l);
/* The subject of the figure s[fstart, fend) in sentence sent: what it is of
 * ("tonnes of durian"), the words it qualifies ("a 25% tariff"), or the
 * clause before it; prev_subject (the sentence's previous figure's) when
 * the clause gives none. A new string or NULL. */
char *fig_subject(const struct fig_res *fr, const char *s, const struct span *sent, size_t fstart,
                  size_t fend, const char *prev_subject, enum figure_kind kind);
/* Where a sentence's text starts after its dateline ("NEW YORK — The
 * Dow ...", "LONDON, March 24 - OPEC ..."), or its start. */
size_t fig_dateline_end(const char *s, const struct span *sent);
/* Where the clause holding the figure at fstart starts: after the last
 * comma, semicolon, colon, parenthesis or quote before it, or a
 * dateline's dash; at most 400 bytes back. */
size_t fig_clause_start(const char *s, const struct span *sent, size_t fstart);
/* Is w a lower-case word of five letters or more ending in "ed" (a past
 * tense or participle: "grossed", "valued")? */
bool fig_past_participle(const char *s, const struct fig_word *w);

/* Subjects the figure's own clause does not give (extract/fig_subject.c). */
/* A figure alone in parentheses after a noun phrase ("retired women
 * (53%)"): that phrase; NULL when a figure stands before the parenthesis
 * (a conversion) or no noun phrase does. */
char *fig_subject_paren(const struct fig_res *fr, const char *s, const struct span *sent,
                        size_t fstart, size_t fend);
/* "Of those asked, 62% said": the phrase after a sentence-opening "Of"
 * when the figure's clause follows its comma. NULL otherwise. */
char *fig_subject_of_lead(const char *s, const struct span *sent, size_t fstart);
/* The noun phrase a figure completes: "a global quota of 58 mln bags",
 * "its self-imposed ceiling of 15.8 mln bpd" (the phrase before "of"), or
 * the object of a verb that sets it, "raised its full-year profit forecast
 * to 4.3 trillion yen", "cut its base rate by 25 basis points". NULL if
 * neither shape is there (extract/fig_subject.c). */
char *fig_subject_named(const struct fig_res *fr, const char *s, const struct span *sent,
                        size_t fstart);
/* The subject of the sentence's main clause, for a figure whose own clause
 * names none: its words before the first verb (at most ten), after
 * openers ("Separately,", "Before the match,"). NULL if none. */
char *fig_subject_main(const struct fig_res *fr, const char *s, const struct span *sent,
                       size_t fstart);
/* subj (owned; NULL passes through) as a noun phrase (extract/fig_tidy.c):
 * cut at a verb no list knows, a relative pronoun or an infinitive, with
 * adverbs, auxiliaries and function words trimmed from its end. Returns it
 * (or a new copy, subj freed), or NULL when nothing but a pronoun or a
 * change noun is left. */
char *fig_subject_tidy(const struct fig_res *fr, char *subj);
/* Direction, approximation and (for percentages) kind of f from the words
 * around it in its sentence. */
void fig_context(const struct fig_res *fr, const char *s, const struct span *sent, struct figure *f,
                 size_t num_start);

/* carry.c: does s[a, b) hold the word w (ASCII, compared in lower case)?
 * Does the sentence hold one of the words of the NULL-ended list? */
bool fig_word_eq(const char *s, size_t a, size_t b, const char *w);
/* Where a change stated before "to" at a starts (extract/fig_change.c):
 * "by" of "fell by 240 to", the number of "dropped 2,400 to"; else a. */
size_t fig_change_start(const char *s, size_t lo, size_t a);
/* Is s[a, b) a noun that counts itself with no plural ending ("staff",
 * "police", "cattle")? */
bool fig_self_counting(const char *s, size_t a, size_t b);
/* What an amount ending at fend is "in", when its clause names no
 * subject ("$61 million in compensatory damages", "invest ¥500 billion in
 * a semiconductor plant"); never a time ("in the first quarter"). */
char *fig_subject_in_what(const char *s, const struct span *sent, size_t fend);
/* Does the scaled number at st, written in digits, stand alone ("would
 * spend 60 mln on", "60 mln."), after an amount at pst that converts no
 * other ("(£6bn)")? Then it is in that amount's currency. */
bool fig_scaled_alone(const char *s, size_t n, size_t st, size_t pst);
bool fig_sentence_has(const char *s, const struct span *sent, const char *const *words);
/* Units from around a number (extract/carry.c). */
/* Does the sentence weigh something (so "pounds" are a weight)? */
bool fig_weight_sentence(const char *s, const struct span *sent);
/* Is the sentence about a market index (so "points" are an index's)? */
bool fig_market_sentence(const char *s, const struct span *sent);
/* Does the number at st look like an index level by its cue: 100 or more,
 * with a thousands comma or decimals, after "at"/"to" (words from lo on)
 * or before "mark"/"level" ("closed at 7,512.3", "the 40,000 mark")? */
bool fig_index_cue(const char *s, size_t n, size_t lo, size_t st);
/* Does the sentence name a stock index ("FTSE 100", "Nikkei", "index")? */
bool fig_index_sentence(const char *s, const struct span *sent);
/* Is the bare number at [ns, ne) an index's reading below 100 ("The
 * purchasing managers' index ... rose to 52.4"): decimals, after "to" or
 * "at", "index" before it, and no share in per cent in the sentence? */
bool fig_index_reading(const char *s, const struct span *sent, size_t ns, size_t ne);
/* The unit of a quantity whose rate's base comes after what it measures
 * ("17.8 tonnes of fresh fruit bunches per hectare": tonnes per hectare),
 * or after "from", "against" or "vs" takes the rate before it in the
 * sentence ("... from 19.2 tonnes"); else um->unit. ns starts the number,
 * [us, ue) is the unit as written. */
const char *fig_unit_per(const char *s, size_t n, size_t ns, size_t us, size_t ue,
                         const struct fig_unitmap *um, const struct figure *prev,
                         const struct span *sent);
/* Does " of M nouns" follow the number ending at ne ("made 15 of 22
 * shots")? Copies the plural noun into noun[cap]: the number counts it. */
bool fig_of_count(const char *s, size_t n, size_t ne, char *noun, size_t cap);
/* Does the bare number at st end a sentence whose subject counts a plural
 * noun and moved "to" or "at" it ("Mortgage approvals dropped to 43,700",
 * "The number of people waiting fell to 7.57 million")? Copies the noun
 * (lower case) into noun[cap]. Measures ("prices", "sales") count nothing.
 * The verb comes after verb_after (a figure before it is the subject's). */
bool fig_subject_count(const char *s, const struct span *sent, size_t st, size_t verb_after,
                       char *noun, size_t cap);
/* Does the count or quantity s[st, ue) only draw a class's line, after
 * "with"/"of" and before "or more"/"or fewer"... ("buildings with five
 * units or more")? */
bool fig_count_threshold(const char *s, const struct span *sent, size_t st, size_t ue);
/* Does the amount at st only draw a class's line: right after "above",
 * "over", "below", "under" or "exceeding", in a phrase "<plural noun>
 * with ..." ("customers with annual revenue above $100,000", "households
 * with incomes below £20,000")? */
bool fig_class_threshold(const char *s, const struct span *sent, size_t st);
/* Does the figure at st name a product's variant ("a version with 512GB
 * of storage", "the model with 1TB"): a label, not a measure reported? */
bool fig_variant_label(const char *s, const struct span *sent, size_t st);
/* Is the bare fraction at st ("24-1/4", "3/4") a wire stock price or its
 * change: after "at", "to", "up", "rose"... in a sentence about a stock?
 * Then *unit is "USD" (static) and *kind AMOUNT or CHANGE. */
bool fig_fraction_price(const char *s, const struct span *sent, size_t st, const char **unit,
                        enum figure_kind *kind);
/* Does a vote's tally open at the bare number [ns, ne) ("voted 23 to
 * 11")? */
bool fig_vote_tally(const char *s, size_t n, size_t lo, size_t ns, size_t ne);
/* A range's lower end written bare before "to" and the number at
 * [ns, ne), or after "between" and before "and", after lo: its span in
 * [*a, *b). */
bool fig_range_lower(const char *s, size_t n, size_t lo, size_t ns, size_t ne, size_t *a, size_t *b);
/* Where the lower end of a range ends when it repeats the upper end's
 * scale ("1.8 billion to 2.1 billion crowns": the end of "1.8"), else e,
 * the end of the words before " to " (fig_range.c). */
size_t fig_range_scaled(const char *s, size_t n, size_t lo, size_t e, size_t ne);
/* Is the figure p before " to " the start of a noun's range, "growth of
 * 1% to 2%", "a forecast of $4.60 to $4.80", though its sentence gives it
 * a direction (fig_range.c)? */
bool fig_range_of(const char *s, const struct span *sent, const struct figure *p);
/* The currency of a cents figure at pos: the dollar or euro of the nearest
 * money figure before it (out->figures from base on), else def. */
const char *fig_cents_currency(const struct extraction *out, size_t base, size_t pos,
                               const char *def);
/* The currency of an exchange rate at [st, ne) quoted "per dollar",
 * "against the euro", "to the greenback": the one the sentence names
 * before it ("the rand traded at 17.38 per dollar" is ZAR), or NULL. */
const char *fig_quote_currency(const char *s, const struct span *sent, size_t st, size_t ne);
/* The scale a results table's header gives the row holding st ("(in
 * millions, except per share)" above "Revenue $412.6 $361.9"), with its
 * name in *name, or 1 when the row is under no such header. */
double fig_table_scale(const char *s, size_t n, size_t st, const char **name);
/* Does the line holding pos compare numbers with "vs"? */
bool fig_line_compares(const char *s, size_t n, size_t pos);
/* The label of the results-table row holding the number at st ("Revs"),
 * or NULL. */
char *fig_row_label(const char *s, size_t n, size_t st);
/* A subject when the clause before figure f gives none: that of the figure
 * it converts (prev, "$86m (£46m)"), the words it qualifies ("5% growth"),
 * or what it counts. NULL if none. */
char *fig_subject_fallback(const struct fig_res *fr, const char *s, const struct figure *f,
                           const struct figure *prev);
/* Is the number at st part of a name ("Fortune 500 companies")? */
bool fig_count_in_name(const char *s, const struct span *sent, size_t st);
/* A number before a counted noun (extract/fig_count.c): where the figure
 * starts, the number, the noun, its value and whether a scale word
 * followed the number. */
struct fig_count {
    size_t st, ns, ne, us, ue;
    double value;
    bool scaled;
};
/* Does a verb of expectation follow at e ("analysts had expected",
 * "economists forecast")? */
bool fig_expectation_after(const char *s, size_t e);
/* How the clause goes on after a bare number ending at e, when that lets it
 * count what the count before it counted: a participle ends the clause
 * ("46 structures have been destroyed and 11 damaged", "and 412 still
 * missing"), it is compared at a time ("up from 2,760 the winter before"),
 * it was expected ("the 250,000 the market had expected"), its share
 * follows in parentheses ("on 14,488 (32.8 per cent)"), the next of a list
 * follows ("polled 2,903 and the Greens"), or it is a passive's subject
 * ("29,820 were completed"). */
enum fig_tail { FIG_TAIL_NONE, FIG_TAIL_PARTICIPLE, FIG_TAIL_WHEN, FIG_TAIL_EXPECTED,
                FIG_TAIL_SHARE, FIG_TAIL_LIST, FIG_TAIL_PASSIVE };
enum fig_tail fig_bare_tail(const char *s, size_t n, size_t e);
/* Does "Of those," (these, them, whom) open the clause of the number at
 * ns, so that it counts what the count before it counted? */
bool fig_of_those(const char *s, size_t ns);
/* The count before the bare whole number [ns, ne) (of this run's figures,
 * out->figures[base..]) when the number counts what it counted, its noun
 * left out, or NULL (extract/fig_count.c). */
const struct figure *fig_bare_counted(const char *s, size_t n, const struct extraction *out,
                                      size_t base, size_t ns, size_t ne);
/* The unit of a count before "one" (or "1") and a singular noun at
 * [ns, ne) when that count, within 300 bytes before in the paragraph,
 * counted the noun's plural ("41 seats ... one seat", "11 ports ... Only
 * one port"), with the noun's end in *end; else NULL. */
const char *fig_one_counted(const struct extraction *out, size_t base, const char *s, size_t n,
                            size_t ns, size_t ne, size_t *end);
/* Is a modifier before a counted noun a measure compound ("quarter-point",
 * "year-old", "60-kg")? */
bool fig_measure_mod(const char *s, size_t a, size_t b);
/* Is the count a figure: not a duration, a year, part of a name, nor a
 * small number used as a determiner ("the two leaders", "five things")? */
bool fig_count_kept(const struct fig_res *fr, const char *s, const struct span *sent,
                    const struct fig_count *c);
/* The subject of a count that is its clause's subject ("Three people were
 * killed", "and 25 others were injured") or sits in a prepositional phrase
 * ("across eleven jurisdictions"): what it counts. NULL when the count is
 * an object or no verb follows it. */
/* Is the count starting at st the whole a part is counted out of: "nine
 * of the 15 seats", "five of the seven races", "12 of its 40 stores"? */
bool fig_total_of_part(const char *s, const struct span *sent, size_t st);
/* Is the number in words ending at ne a part counted out of a whole ("nine
 * of the 15 seats"), not of a body's members ("two of the nine members of
 * its committee")? */
bool fig_part_of_whole(const char *s, size_t n, size_t ne);
char *fig_count_own_subject(const struct fig_res *fr, const char *s, const struct span *sent,
                            const struct figure *f);
/* The unit (borrowed) and kind of a number written without a unit, taken
 * from the figure it is compared with (prev), its results-table row or the
 * index move before it; false when none applies. */
bool fig_carry(const char *s, size_t n, const struct span *sent, size_t st, bool scaled,
               const struct figure *prev, const struct extraction *out, size_t base,
               const char **unit, enum figure_kind *kind);

/* Periods (extract/periods.c). The period expressions of one sentence,
 * found once for all its figures: [0] stated periods, [1] comparison bases
 * ("year-on-year"). */
struct fig_periods {
    struct span sent;
    bool valid;
    struct span *v[2];
    size_t n[2], cap[2];
};
/* The period nearest to figure f inside its sentence (a comparison basis
 * only when the sentence states no period), or NULL. */
char *fig_period(struct fig_periods *pc, struct ds_regex *re, const char *s,
                 const struct span *sent, const struct figure *f);
/* Units that are shapes of the words around a number (extract/fig_shapes.c). */
/* Is the number s[ns, ne) an earthquake's magnitude ("magnitude 7.1", "a
 * 6.8-magnitude quake")? Sets [*st, *me) to the figure with its word. */
bool fig_magnitude(const char *s, size_t n, size_t ns, size_t ne, size_t *st, size_t *me);
/* Is the number s[ns, ne) and " times" after it a multiple: a decimal
 * ("2.61 times the amount") or after a verb of bidding ("subscribed 16
 * times", "bid 91 times")? Not "three times in a row" (occasions). Sets
 * *me past "times". */
bool fig_multiple(const char *s, size_t n, size_t ns, size_t ne, size_t *me);
/* Is the bare fraction s[ns, ne) in 32nds or 64ths a bond's price or its
 * move in points ("rose 15/32", "gained 1-2/32 to yield", "98-14/32")? Sets
 * *unit and *kind (a change after a verb of moving). */
bool fig_bond_price(const char *s, const struct span *sent, size_t ns, size_t ne,
                    const char **unit, enum figure_kind *kind);
/* Are points at st a vote share's or a lead's ("share fell by 19.6 points"),
 * so percentage points, the sentence naming no index? */
bool fig_share_points(const char *s, const struct span *sent, size_t st);
/* The unit of a bare whole number a word before it names: "population of"
 * counts people; "majority of", with no count before it (counted_before
 * false), what the story counts next within 600 bytes ("votes", "seats").
 * NULL otherwise. */
const char *fig_lead_count(const char *s, size_t n, size_t ns, size_t ne, bool counted_before);
/* Does " of" and up to three lower-case words then "a day" or "per day"
 * follow a quantity ending at me ("cubic feet of natural gas a day")? */
bool fig_per_day_after(const char *s, size_t n, size_t me);
/* Is the unit s[us, ue) (of s[0, n)) a bare "c" of cents ("612c") with no
 * money figure in the 600 bytes before st (of this run's figures from
 * base): no figure? (A text in a local dollar, fig_home_dollar, writes
 * its share prices so: "jumped 31 per cent to 42.5c".) */
bool fig_cents_orphan(const char *s, size_t n, size_t us, size_t ue, const struct extraction *out,
                      size_t base, size_t st);
/* Is the amount [st, me) after "on a" and before a noun ending its clause
 * the base a rate is of ("$112 a year on a $250,000 home."), no figure? */
bool fig_rate_base(const char *s, size_t n, size_t st, size_t me);
/* The rate unit of prev ("bushels per acre") when f, in the same sentence,
 * compares with it written with the rate's first unit only ("against 119.8
 * bushels"); else NULL. */
const char *fig_rate_again(const char *s, const struct figure *prev, const struct figure *f);
/* Does the scaled bare number at ns count what prev, a scaled count before
 * it in the sentence, counted ("57 million people ... expected to reach 153
 * million")? */
bool fig_count_again(const char *s, const struct span *sent, const struct figure *prev, size_t ns);
/* The unit of a conversion in parentheses right after a quantity ("18
 * kilometers (11 miles)"): the noun s[us, ue) when it is an imperial
 * length, else NULL. st is where the number starts. */
const char *fig_conversion_unit(const char *s, size_t st, size_t us, size_t ue,
                                const struct figure *prev);
/* Does " of" (and a determiner) and a plural noun follow a scaled bare
 * number ending at me ("one mln of its shares")? Copies the noun. */
bool fig_of_plural(const char *s, size_t n, size_t me, char *noun, size_t cap);
/* Does the subject at [i, a) open with its head, a plural noun, and a
 * phrase or clause after it ("Customers with annual revenue above
 * $100,000"), or with "X numbers at" ("Passenger numbers at Kestrel
 * Airport")? Sets [*na, *nb) to the head. */
bool fig_head_postmodified(const char *s, size_t i, size_t a, size_t *na, size_t *nb);
/* Does the subject at [i, a) open with a toll ("The death toll from ...")?
 * Its count is of people. */
bool fig_toll_subject(const char *s, size_t i, size_t a);
/* Does "confidence" or "CI" follow a percentage ending at me ("95%
 * confidence interval"): a level, no figure? */
bool fig_confidence_level(const char *s, size_t n, size_t me);

/* s[a, b) with white space collapsed to one space and control bytes
 * dropped (extract/figure_text.c). */
char *fig_clean_copy(const char *s, size_t a, size_t b);

int fig_compile(struct fig_res *fr, struct ds_error *err);
void fig_free(struct fig_res *fr);
/* Figures of body[0..n); sentences are split only in the paragraphs that
 * hold a figure. */
void fig_run(struct fig_res *fr, const char *body, size_t n, struct extraction *out);
/* Chinese figures of body[0..n) (extract/zh_figures.c): appended to out,
 * replacing those from out->figures[base..] they overlap, then
 * out->figures[base..] sorted by position. */
void zh_fig_run(const char *body, size_t n, size_t base, struct extraction *out);
/* The Chinese figures of out->figures[base..] read together (extract/
 * zh_fig_after.c): a range written as two (3%至5%) becomes one, a bare 元
 * takes the currency the article names for it (港元, 新台幣...). */
void zh_fig_after(const char *body, size_t n, size_t base, struct extraction *out);
/* Merge the figures of x from base on that state the same fact (value,
 * upper end, unit, scale, kind, period and a subject, case ignored) into
 * the first of them, whose `also` gets the others' spans (fig_same.c). */
void fig_merge_same(struct extraction *x, size_t base);
/* Free what figure f owns and zero it (f itself is not freed). */
void fig_drop(struct figure *f);
/* Entities of body[0..n) from its tokens (ex_tokenize; token cache fields
 * are filled in). */
void ent_run(const struct gazetteer *g, struct segmenter *seg, const char *body, size_t n,
             struct toks *toks, struct extraction *out);

/* Helpers shared by the parts. */
static inline bool
ex_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
static inline bool
ex_is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
static inline bool
ex_is_alpha(unsigned char c)
{
    return ex_is_upper(c) || ex_is_lower(c);
}
static inline bool
ex_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
static inline unsigned char
ex_lower(unsigned char c)
{
    return ex_is_upper(c) ? (unsigned char)(c + 32) : c;
}

#endif
