/*
 * compare/figure_roles.c — what the words right around a figure say about
 * the quantity it measures, read from the text when two figures of one unit
 * might be one quantity told twice (figures.c): whether it is written as a
 * change ("fell $4", "rose by 2.5 percent", "a rise of 6 percent") or as a
 * level ("fell to $71"); what it is counted per ("120 patients a day",
 * "$71 a barrel"); the role its nearest words give it among roles that
 * measure different things with one unit (killed and injured, destroyed
 * and damaged, raised and spent, revenue and profit, exports and imports,
 * offered and asked for, votes for and against, won and lost); and the
 * content words of its own clause, stemmed ("killing", "killed": "kill").
 * English only; a text in another script finds none of these and changes
 * nothing.
 */
#include "config.h"

#include <string.h>

#include "dossier/text.h"
#include "lib.h"

/* How many content words of its clause on each side of a figure are read
 * (the short words and stopwords between them are read too, up to
 * NEAR_CAP words in all). */
#define NEAR_BEFORE 4
#define NEAR_AFTER 3
#define NEAR_CAP 16

struct fig_word {
    char w[24]; /* lower case, ASCII letters */
    size_t len;
    bool capital; /* written with a capital: a name, or a sentence's first word */
};

static bool
is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does byte c end a clause (the near words stop there)? */
static bool
clause_end(char c)
{
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"';
}

/* Is w a content word (four letters or more, not a stopword)? */
static bool
content_word(const struct fig_word *w)
{
    return w->len >= 4 && !text_is_stopword(w->w, w->len);
}

/* The words of text between lo and pos read backwards from pos (nearest
 * first), until max content words (or cap words) are read, stopping at a
 * clause's end; their count. */
static size_t
words_before(const char *text, uint32_t lo, uint32_t pos, struct fig_word *out, size_t max,
             size_t cap)
{
    size_t n = 0, content = 0;
    uint32_t i = pos;
    while (i > lo && content < max && n < cap) {
        char c = text[i - 1];
        if (clause_end(c))
            break;
        if (!is_letter(c)) {
            i--;
            continue;
        }
        uint32_t e = i;
        while (i > lo && (is_letter(text[i - 1]) || text[i - 1] == '\''))
            i--;
        size_t l = 0;
        out[n].capital = text[i] >= 'A' && text[i] <= 'Z';
        for (uint32_t k = i; k < e && l + 1 < sizeof out[n].w; k++)
            if (is_letter(text[k]))
                out[n].w[l++] = (char)(text[k] >= 'A' && text[k] <= 'Z' ? text[k] + 32 : text[k]);
        out[n].w[l] = '\0';
        out[n].len = l;
        content += content_word(&out[n++]);
    }
    return n;
}

/* The words of text from pos to hi, nearest first, until max content words
 * (or cap words) are read, stopping at a clause's end; their count. */
static size_t
words_after(const char *text, uint32_t pos, uint32_t hi, struct fig_word *out, size_t max,
            size_t cap)
{
    size_t n = 0, content = 0;
    uint32_t i = pos;
    while (i < hi && content < max && n < cap) {
        char c = text[i];
        if (clause_end(c) || (c == '.' && (i + 1 >= hi || text[i + 1] == ' ')))
            break;
        if (!is_letter(c)) {
            i++;
            continue;
        }
        size_t l = 0;
        out[n].capital = c >= 'A' && c <= 'Z';
        while (i < hi && (is_letter(text[i]) || text[i] == '\'')) {
            if (is_letter(text[i]) && l + 1 < sizeof out[n].w)
                out[n].w[l++] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32 : text[i]);
            i++;
        }
        out[n].w[l] = '\0';
        out[n].len = l;
        content += content_word(&out[n++]);
    }
    return n;
}

static bool
word_in(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return true;
    return false;
}

/* Verbs and adverbs that, right before a figure, make it the size of a
 * change ("fell $4", "up 3 percent"); before "to" it is the level reached. */
static const char *const change_verbs[] = {
    "rose",     "rise",    "rises",    "risen",   "rising",   "fell",     "fall",
    "falls",    "fallen",  "falling",  "dropped", "drop",     "drops",    "gained",
    "gain",     "gains",   "climbed",  "climb",   "climbs",   "jumped",   "jump",
    "jumps",    "slipped", "slid",     "declined", "decline", "declines", "increased",
    "decreased", "grew",   "grow",     "grows",   "up",       "down",     "plunged",
    "soared",   "surged",  "tumbled",  "sank",    "lowered",  "trimmed",
    "boosted",  "added",   "adds",     "shed",    "sheds",
};

/* Nouns of change: "a rise of 6 percent", "an increase of $2". */
static const char *const change_nouns[] = {
    "rise",     "increase", "drop",   "fall",  "decline", "cut",       "gain",   "jump",
    "raise",    "hike",     "growth", "reduction", "decrease", "loss", "change",
};

bool
cmp_figure_is_change(const char *text, const struct figure *f)
{
    if (f->kind == FIGURE_CHANGE)
        return true;
    if (!text || f->sentence.end <= f->sentence.start)
        return false;
    struct fig_word w[3];
    size_t n = words_before(text, f->sentence.start, f->span.start, w, 3, 3);
    if (n == 0)
        return false;
    /* "about", "nearly": the figure's own words, looked past */
    size_t k = strcmp(w[0].w, "about") == 0 || strcmp(w[0].w, "nearly") == 0 ||
               strcmp(w[0].w, "some") == 0 || strcmp(w[0].w, "almost") == 0;
    if (k >= n)
        return false;
    if (strcmp(w[k].w, "by") == 0)
        return true;
    if (word_in(w[k].w, change_verbs, DS_ARRAY_LEN(change_verbs)))
        return true;
    return k + 1 < n && strcmp(w[k].w, "of") == 0 &&
           word_in(w[k + 1].w, change_nouns, DS_ARRAY_LEN(change_nouns));
}

size_t
cmp_figure_per(const char *text, const struct figure *f, char *out, size_t cap)
{
    static const char *const adv[][2] = {{"daily", "day"},     {"weekly", "week"},
                                         {"monthly", "month"}, {"yearly", "year"},
                                         {"annually", "year"}, {"hourly", "hour"}};
    out[0] = '\0';
    if (!text || f->sentence.end <= f->sentence.start || cap < 2)
        return 0;
    struct fig_word w[2];
    size_t n = words_after(text, f->span.end, f->sentence.end, w, 2, 2);
    if (n == 0)
        return 0;
    const char *per = NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(adv) && !per; i++)
        if (strcmp(w[0].w, adv[i][0]) == 0)
            per = adv[i][1];
    if (!per && n == 2 &&
        (strcmp(w[0].w, "a") == 0 || strcmp(w[0].w, "an") == 0 || strcmp(w[0].w, "per") == 0 ||
         strcmp(w[0].w, "every") == 0))
        per = w[1].w;
    if (!per)
        return 0;
    size_t l = strlen(per);
    if (l > 3 && per[l - 1] == 's')
        l--;
    if (l + 1 > cap)
        return 0;
    memcpy(out, per, l);
    out[l] = '\0';
    return l;
}

/* Groups of roles: within a group, each role (a list of words) measures a
 * different thing with one unit. */
struct role {
    const char *const *words;
    size_t n;
};
#define ROLE(...)                                                                            \
    {                                                                                        \
        (const char *const[]){__VA_ARGS__},                                                  \
            sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)                \
    }

static const struct role roles[][4] = {
    {ROLE("killed", "killing", "kills", "kill", "dead", "died", "dies", "deaths", "death",
          "fatalities", "toll"),
     ROLE("injured", "injuring", "injuries", "injury", "hurt", "wounded", "wounding", "injures"),
     ROLE("missing"), ROLE("rescued", "survivors", "survived")},
    {ROLE("destroyed", "destroying", "destroys", "razed", "flattened"),
     ROLE("damaged", "damaging", "damages")},
    {ROLE("raised", "raising", "collected", "donated", "donations", "received", "earned",
          "income"),
     ROLE("spent", "spending", "spend", "spends", "paid", "pays", "taxes")},
    {ROLE("revenue", "revenues", "sales", "turnover"), ROLE("profit", "profits", "earnings"),
     ROLE("loss", "losses")},
    {ROLE("exports", "exported", "exporting", "export"),
     ROLE("imports", "imported", "importing", "import")},
    {ROLE("offered", "offer", "offers", "offering", "proposed", "proposal"),
     ROLE("demanded", "demand", "demands", "demanding", "asking", "asked", "wants", "wanted",
          "sought", "seeks", "seeking")},
    {ROLE("favour", "favor", "supported", "backed", "yes"),
     ROLE("against", "opposed", "opposing", "no")},
    {ROLE("bought", "buying", "buys", "buy", "purchased", "purchase", "purchases"),
     ROLE("sold", "selling", "sells", "sell")},
    {ROLE("won", "wins", "winning"), ROLE("lost", "losing", "loses")},
    {ROLE("arrested", "arrests", "detained"), ROLE("charged", "indicted", "convicted")},
};

/* The group of roles of a vote (for, against). */
#define VOTE_GROUP 6

/* The roles of each group the words w name, as bits (role r of group g:
 * bit 4g + r) into set. */
static uint64_t
roles_of(const struct fig_word *w, size_t n)
{
    uint64_t set = 0;
    for (size_t g = 0; g < DS_ARRAY_LEN(roles); g++)
        for (size_t r = 0; r < 4 && roles[g][r].words; r++)
            for (size_t i = 0; i < n; i++)
                if (word_in(w[i].w, roles[g][r].words, roles[g][r].n))
                    set |= 1ull << (4 * g + r);
    /* "voted for": "for" is a side of a vote only next to the verb */
    for (size_t i = 0; i < n; i++)
        if (strcmp(w[i].w, "for") == 0 &&
            ((i > 0 && strncmp(w[i - 1].w, "vot", 3) == 0) ||
             (i + 1 < n && strncmp(w[i + 1].w, "vot", 3) == 0)))
            set |= 1ull << (4 * VOTE_GROUP);
    return set;
}

/* The words of a figure's clause near it (NEAR_BEFORE before, NEAR_AFTER
 * after, counting every word), into w; their count. */
static size_t
near_words(const char *text, const struct figure *f, struct fig_word *w)
{
    if (!text || f->sentence.end <= f->sentence.start)
        return 0;
    size_t n = words_before(text, f->sentence.start, f->span.start, w, NEAR_BEFORE, NEAR_CAP);
    return n + words_after(text, f->span.end, f->sentence.end, w + n, NEAR_AFTER, NEAR_CAP);
}

bool
cmp_figure_roles_differ(const char *ta, const struct figure *a, const char *tb,
                        const struct figure *b)
{
    struct fig_word wa[2 * NEAR_CAP], wb[2 * NEAR_CAP];
    uint64_t ra = roles_of(wa, near_words(ta, a, wa)), rb = roles_of(wb, near_words(tb, b, wb));
    for (size_t g = 0; g < DS_ARRAY_LEN(roles); g++) {
        uint64_t ga = (ra >> (4 * g)) & 0xF, gb = (rb >> (4 * g)) & 0xF;
        if (ga && gb && !(ga & gb))
            return true;
    }
    return false;
}

/* w cut to its stem, in place: a final "ing", "ed", "es", "s" or "e"
 * dropped while three letters stay ("killing", "killed", "kills": "kill";
 * "votes", "voted": "vot"). */
static void
stem(struct fig_word *w)
{
    static const char *const ends[] = {"ing", "ed", "es", "s", "e"};
    for (size_t i = 0; i < DS_ARRAY_LEN(ends); i++) {
        size_t l = strlen(ends[i]);
        if (w->len >= l + 3 && strcmp(w->w + w->len - l, ends[i]) == 0) {
            w->len -= l;
            w->w[w->len] = '\0';
            return;
        }
    }
}

size_t
cmp_figure_near_shared(const char *ta, const struct figure *a, const char *tb,
                       const struct figure *b)
{
    struct fig_word wa[2 * NEAR_CAP], wb[2 * NEAR_CAP];
    size_t na = near_words(ta, a, wa), nb = near_words(tb, b, wb), shared = 0;
    bool skip[2 * NEAR_CAP];
    for (size_t i = 0; i < na; i++) {
        /* a name both share is no sign of one quantity ("Christmas" of a
         * song's new release and of its 1984 original) */
        skip[i] = !content_word(&wa[i]) || wa[i].capital;
        stem(&wa[i]);
    }
    for (size_t j = 0; j < nb; j++)
        stem(&wb[j]);
    for (size_t i = 0; i < na; i++) {
        if (skip[i])
            continue;
        bool dup = false;
        for (size_t k = 0; k < i && !dup; k++)
            dup = strcmp(wa[k].w, wa[i].w) == 0;
        for (size_t j = 0; j < nb && !dup; j++)
            if (strcmp(wa[i].w, wb[j].w) == 0) {
                shared++;
                break;
            }
    }
    return shared;
}

bool
cmp_figure_near_word(const char *text, const struct figure *f, const char *word)
{
    struct fig_word w[2 * NEAR_CAP];
    size_t n = near_words(text, f, w), wl = strlen(word);
    if (wl > 3 && word[wl - 1] == 's')
        wl--;
    for (size_t i = 0; i < n; i++) {
        size_t l = w[i].len;
        if (l > 3 && w[i].w[l - 1] == 's')
            l--;
        if (l == wl && strncmp(w[i].w, word, wl) == 0)
            return true;
    }
    return false;
}
