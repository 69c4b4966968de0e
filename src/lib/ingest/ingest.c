/*
 * ingest/ingest.c — the whole ingest step for one file: decode, read,
 * clean, and find the metadata the text itself states (headline, section,
 * standfirst, outlet, date, byline, language).
 *
 * Metadata comes only from the structure of the page — lines at the top or
 * the bottom that are labels, bylines, "Published:" lines, datelines — never
 * from dates or names mentioned inside sentences of the body.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

#define TOP_LINES 16     /* content lines at the top where metadata may sit */
#define BOTTOM_LINES 5   /* content lines at the bottom (trailers) */
#define DUP_MIN_BYTES 12 /* shorter repeated lines ("Q:", "* * *") are kept */

/* How strongly a line names the source; lower wins. */
enum {
    RANK_SOURCE_LINE = 0,        /* "Source: X", "来源：X" */
    RANK_ALONE = 10,             /* a known outlet's name alone on a line */
    RANK_ALONE_SEEN = 12,        /* an unknown name alone, repeated across the corpus */
    RANK_ALONE_UNKNOWN = 15,     /* an unknown name alone that looks like an outlet's */
    RANK_BYLINE = 20,            /* a known outlet ending a byline */
    RANK_COPYRIGHT = 20,         /* a known outlet in a copyright line */
    RANK_COPYRIGHT_UNKNOWN = 25, /* the name in "© 2024 X" */
    RANK_MASTHEAD = 27,          /* the name in "X REPORT — Column" over the headline */
    RANK_DATELINE = 30,          /* a known agency in a dateline */
    RANK_DATELINE_UNKNOWN = 35,  /* another agency in a dateline: "(Tidewater)" */
    RANK_FURNITURE = 40,         /* a known outlet named in dropped furniture */
    RANK_FURNITURE_UNKNOWN = 45, /* an outlet-like name in dropped furniture */
    RANK_NONE = 99,
};

struct line {
    const char *t; /* trimmed text */
    size_t tl;
    size_t ind;      /* leading spaces */
    const char *why; /* reason it was dropped, or NULL */
    bool blank;
};

struct doc {
    const struct ingest_ctx *ctx;
    const struct outlets *outlets;
    struct line *lines;
    size_t n;
    struct article *a;
    int source_rank; /* lower is stronger; 99 = none */
    char *source;
};

/* ---- small helpers -------------------------------------------------------------- */

static bool
is_content(const struct line *l)
{
    return !l->blank && !l->why;
}

static char *
dupn(const char *s, size_t n)
{
    return xstrndup(s, n);
}

static bool
ends_with_any(const char *s, size_t n, const char *chars)
{
    return n && strchr(chars, s[n - 1]) != NULL;
}

static void
set_source(struct doc *d, const char *name, size_t n, int rank)
{
    if (!name || !n || rank >= d->source_rank)
        return;
    free(d->source);
    d->source = dupn(name, n);
    d->source_rank = rank;
}

static void
set_date(struct article *a, const struct ing_date *dt, enum date_source how)
{
    if (a->published && a->date_how <= how)
        return;
    free(a->published);
    if (dt->d)
        a->published = xasprintf("%04d-%02d-%02d", dt->y, dt->m, dt->d);
    else
        a->published = xasprintf("%04d-%02d", dt->y, dt->m);
    a->date_how = how;
}

static bool
has_word_prefix(const char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    return ing_istarts(s, n, w) && (n == m || s[m] == ' ' || s[m] == ':' || s[m] == '-');
}

/* ---- line kinds ------------------------------------------------------------------ */

/* "SOURCE / ECONOMY", "Home > News > Business": short parts joined by a
 * separator. Writes the last part (the section) to *sec. */
static bool
is_crumb(const char *s, size_t n, const char **sec, size_t *secl)
{
    static const char *const seps[] = {" / ", " > ", " | ", " \xe2\x80\xba ", " \xc2\xbb "};
    if (n > 80 || ends_with_any(s, n, ".,;:"))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *last = NULL;
        int parts = 1;
        const char *p = s;
        size_t left = n;
        const char *hit;
        while ((hit = ing_ifind(p, left, seps[k])) != NULL) {
            size_t partlen = (size_t)(hit - p);
            if (partlen == 0 || ing_count_words(p, partlen) > 4)
                return false;
            parts++;
            last = hit + strlen(seps[k]);
            left -= (size_t)(last - p);
            p = last;
        }
        if (last && parts <= 5 && left > 0 && ing_count_words(p, left) <= 4) {
            *sec = p;
            *secl = left;
            return true;
        }
    }
    return false;
}

/* "Published: Sep 11, 2024 07:06 PM", "Updated 2024-09-11", "Posted on ..." */
static bool
is_published_line(const char *s, size_t n, struct ing_date *dt)
{
    static const char *const heads[] = {
        "published",
        "updated",
        "last updated",
        "first published",
        "posted",
        "date",
        "publication date",
        "release date",
        "released",
        "last modified",
        "modified",
        "publi\xc3\xa9 le",
        "mis \xc3\xa0 jour le",
        "ver\xc3\xb6"
        "ffentlicht am",
        "aktualisiert am",
        "publicado el",
        "actualizado el",
        "pubblicato il",
        "aggiornato il",
        "publicado em",
        "publi\xc3\xa9",
        "ver\xc3\xb6"
        "ffentlicht",
        "publicado",
        "pubblicato",
        "stand:",
        "\xe5\x8f\x91\xe5\xb8\x83\xe6\x97\xb6\xe9\x97\xb4", /* 发布时间 */
    };
    if (n > 120 || ing_count_words(s, n) > 20)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(heads); i++) {
        if (!has_word_prefix(s, n, heads[i]) && !ing_istarts(s, n, heads[i]))
            continue;
        size_t h = strlen(heads[i]);
        if (h < n && !(s[h] == ' ' || s[h] == ':' || s[h] == '-' || (unsigned char)s[h] >= 0x80))
            continue;
        size_t at;
        if (ing_find_date(s + h, n - h, dt, &at) && at < 24)
            return true;
    }
    return false;
}

/* "By Jane Doe", "By Jane Doe and John Roe in Beijing | May 17, 2018" */
static bool
is_byline(const char *s, size_t n, char **name, struct ing_date *dt, bool *has_date)
{
    *has_date = false;
    static const char *const heads[] = {"by ",  "written by ", "words by ", "text by ",
                                        "von ", "par ",        "por "};
    size_t h = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(heads) && !h; k++)
        if (ing_istarts(s, n, heads[k]))
            h = strlen(heads[k]);
    if (n < 5 || n > 160 || !h)
        return false;
    const char *p = s + h;
    size_t left = n - h;
    while (left && *p == ' ') {
        p++;
        left--;
    }
    if (!left || !((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0x80))
        return false;
    if (ing_count_words(p, left) > 16 || ing_is_prose(p, left, 8))
        return false;
    /* the name ends at a separator, a date, or " in <Place>" */
    size_t end = left;
    static const char *const stops[] = {
        " | ",  ", ",   " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " in ", " for ",
        " at ", " on ", "; ",  " \xc2\xb7 ",     " \xe2\x80\xa2 "};
    for (size_t k = 0; k < DS_ARRAY_LEN(stops); k++) {
        const char *hit = ing_ifind(p, end, stops[k]);
        if (hit && (size_t)(hit - p) < end)
            end = (size_t)(hit - p);
    }
    size_t at;
    if (ing_find_date(p, left, dt, &at)) {
        *has_date = true;
        if (at < end)
            end = at;
    }
    while (end && (p[end - 1] == ' ' || p[end - 1] == ',' || p[end - 1] == '|'))
        end--;
    if (!end)
        return false;
    /* every word of a name starts upper case (or is a joiner) */
    int words = 0;
    for (size_t i = 0; i < end;) {
        while (i < end && p[i] == ' ')
            i++;
        size_t j = i;
        while (j < end && p[j] != ' ')
            j++;
        if (j > i) {
            words++;
            bool joiner = ing_ieq(p + i, j - i, "and") || ing_ieq(p + i, j - i, "&") ||
                          ing_ieq(p + i, j - i, "de") || ing_ieq(p + i, j - i, "van") ||
                          ing_ieq(p + i, j - i, "von") || ing_ieq(p + i, j - i, "der") ||
                          ing_ieq(p + i, j - i, "la") || ing_ieq(p + i, j - i, "bin");
            unsigned char c = (unsigned char)p[i];
            if (!joiner && !((c >= 'A' && c <= 'Z') || c >= 0x80))
                return false;
        }
        i = j;
    }
    if (words < 1 || words > 10)
        return false;
    *name = dupn(p, end);
    return true;
}

/* "Jane Doe Associated Press": an outlet's name ending a byline is the
 * source, not part of a name. Trims name in place. */
static void
byline_outlet(struct doc *d, char *name)
{
    size_t n = strlen(name);
    for (size_t k = 1; k < n; k++) {
        if (name[k - 1] != ' ')
            continue;
        const char *canon = outlets_match(d->outlets, name + k, n - k);
        if (!canon)
            continue;
        set_source(d, canon, strlen(canon), RANK_BYLINE);
        while (k > 0 && (name[k - 1] == ' ' || name[k - 1] == ',' || name[k - 1] == '/'))
            k--;
        name[k] = '\0';
        return;
    }
}

struct dateline {
    const char *agency;
    size_t agencyl;
    int month, day, year;
    bool caps_place; /* the place is in capitals, as wire copy writes it */
};

/* "WASHINGTON, May 17 (Reuters) -", "BEIJING, May 17, 2018 (Xinhua) --",
 * "Geneva (AP) —": a place at the start of a paragraph, an optional date, an
 * optional agency in parentheses, then a dash. */
static bool
is_dateline(const char *s, size_t n, struct dateline *dl)
{
    memset(dl, 0, sizeof *dl);
    size_t i = 0, upper = 0, lower = 0;
    while (i < n && i < 60) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            upper++;
        else if (c >= 'a' && c <= 'z')
            lower++;
        else if (!(c == ' ' || c == '.' || c == '\'' || c == '-' || c == '/'))
            break;
        if (c == ' ' && i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '-'))
            break;
        i++;
    }
    size_t place_end = i;
    if (place_end == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    bool caps_place = lower == 0 && upper >= 3;
    if (!caps_place) {
        /* "Berlin (dpa) -", "New York (AP) —": a short place, each word
         * capitalised; it needs the agency (checked below) */
        int words = 0;
        for (size_t k = 0; k < place_end; k++) {
            if (k == 0 || s[k - 1] == ' ') {
                if (s[k] == ' ')
                    continue;
                words++;
                if (!(s[k] >= 'A' && s[k] <= 'Z'))
                    return false;
            }
        }
        if (words > 3)
            return false;
    }
    if (ing_count_words_max(s, place_end, 5) > 5)
        return false; /* a sentence running into a bracket, not a place */
    dl->caps_place = caps_place;
    if (i < n && s[i] == ',') {
        size_t j = i + 1;
        while (j < n && s[j] == ' ')
            j++;
        size_t we = j;
        while (we < n &&
               ((s[we] >= 'a' && s[we] <= 'z') || (s[we] >= 'A' && s[we] <= 'Z') || s[we] == '.'))
            we++;
        int m = ing_month(s + j, we - j);
        if (!m) {
            /* "WASHINGTON, D.C. -" style or a country after the city */
            return false;
        }
        j = we;
        while (j < n && s[j] == ' ')
            j++;
        int day = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9' && day < 100)
            day = day * 10 + (s[j++] - '0');
        if (day < 1 || day > 31)
            return false;
        dl->month = m;
        dl->day = day;
        if (j + 1 < n && s[j] == ',') {
            size_t k = j + 1;
            while (k < n && s[k] == ' ')
                k++;
            int y = 0, nd = 0;
            while (k < n && s[k] >= '0' && s[k] <= '9' && nd < 5) {
                y = y * 10 + (s[k++] - '0');
                nd++;
            }
            if (nd == 4 && y >= 1900 && y <= 2099) {
                dl->year = y;
                j = k;
            }
        }
        i = j;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '(') {
        const char *close = memchr(s + i, ')', DS_MIN(n - i, (size_t)60));
        if (!close)
            return false;
        dl->agency = s + i + 1;
        dl->agencyl = (size_t)(close - s) - i - 1;
        i = (size_t)(close - s) + 1;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (!caps_place && !dl->agency)
        return false;
    if (i < n && (s[i] == '-' || s[i] == ':'))
        return true;
    if (i + 3 <= n &&
        (memcmp(s + i, "\xe2\x80\x94", 3) == 0 || memcmp(s + i, "\xe2\x80\x93", 3) == 0))
        return true;
    return false;
}

/* A short headline-like line: not a sentence, not a list item. */
static bool
is_headline_like(const struct line *l)
{
    if (l->tl > 250 || ends_with_any(l->t, l->tl, ",;:"))
        return false;
    /* a headline may ask ("Can X win?") or trail off ("X..."); a full stop
     * ends a sentence */
    size_t n = l->tl;
    const char *t = l->t;
    for (;;) { /* look through closing quotes and brackets: 'rise."' ends a sentence */
        if (n && (t[n - 1] == '"' || t[n - 1] == '\'' || t[n - 1] == ')'))
            n--;
        else if (n >= 3 && (memcmp(t + n - 3, "\xe2\x80\x9d", 3) == 0 ||
                            memcmp(t + n - 3, "\xe2\x80\x99", 3) == 0))
            n -= 3;
        else
            break;
    }
    if (n && t[n - 1] == '.' && !(n >= 3 && t[n - 2] == '.' && t[n - 3] == '.'))
        return false;
    if (ing_is_prose(l->t, l->tl, 1) && ing_count_words_max(l->t, l->tl, 20) > 20)
        return false;
    int w = ing_count_words_max(l->t, l->tl, 30);
    if (w < 1 || w > 30)
        return false;
    unsigned char c = (unsigned char)l->t[0];
    if (c == '-' || c == '*' || c == '(' || c == '[')
        return false;
    if (c >= 'a' && c <= 'z') {
        /* lower case start only for brand names ("iTunes", "eBay") */
        bool inner_cap = false;
        for (size_t i = 1; i < l->tl && l->t[i] != ' '; i++)
            if (l->t[i] >= 'A' && l->t[i] <= 'Z')
                inner_cap = true;
        if (!inner_cap)
            return false;
    }
    if (l->tl >= 3 && memcmp(l->t, "\xe2\x80\xa2", 3) == 0) /* • */
        return false;
    return true;
}

/* A section label: one to three words ("Trade war", "ECONOMY", "China US");
 * four-word lines are headlines often enough ("Ore prices hit record"). */
static bool
is_short_label(const struct line *l)
{
    if (l->tl > 40 || !is_headline_like(l) || ing_count_words(l->t, l->tl) > 3)
        return false;
    for (size_t i = 0; i < l->tl; i++)
        if (l->t[i] >= '0' && l->t[i] <= '9')
            return false;
    return true;
}

static bool
is_caption_like(const struct line *l)
{
    return ing_ifind(l->t, l->tl, "photo") || ing_ifind(l->t, l->tl, "image:") ||
           ing_ifind(l->t, l->tl, "credit") || ing_ifind(l->t, l->tl, "getty") ||
           ing_ifind(l->t, l->tl, "file pic");
}

/* "Source: X", "Source - X", "Sources: X" */
static bool
is_source_line(const char *s, size_t n, const char **val, size_t *vl)
{
    size_t h;
    if (ing_istarts(s, n, "source:") || ing_istarts(s, n, "source -"))
        h = 7;
    else if (ing_istarts(s, n, "sources:"))
        h = 8;
    else if (ing_istarts(s, n, "\xe6\x9d\xa5\xe6\xba\x90\xef\xbc\x9a")) /* 来源： */
        h = 9;
    else
        return false;
    const char *p = s + h;
    size_t left = n - h;
    while (left && (*p == ' ' || *p == '-' || *p == ':')) {
        p++;
        left--;
    }
    if (!left || ing_count_words(p, left) > 12)
        return false;
    /* "Xinhua | Editor: Li Wei", "Reuters; additional reporting by ...":
     * the outlet is the first part */
    static const char *const cuts[] = {" | ", "; ", " / ", ", ", " - ", " \xe2\x80\x94 ", "  ",
                                       "\xef\xbc\x8c", "\xe3\x80\x80", " "
                                       "\xe7\xbc\x96\xe8\xbe\x91"};
    for (size_t k = 0; k < DS_ARRAY_LEN(cuts); k++) {
        const char *hit = ing_ifind(p, left, cuts[k]);
        if (hit && hit > p)
            left = (size_t)(hit - p);
    }
    while (left && (p[left - 1] == ' ' || p[left - 1] == '.'))
        left--;
    if (!left || ing_count_words(p, left) > 8)
        return false;
    *val = p;
    *vl = left;
    return true;
}

/* "© 2024 Reuters", "Copyright 2021 The Associated Press. All rights reserved." */
static bool
is_copyright_line(const char *s, size_t n)
{
    return n < 200 && (ing_istarts(s, n, "\xc2\xa9") || ing_istarts(s, n, "copyright") ||
                       ing_istarts(s, n, "(c) ") || ing_ifind(s, n, "all rights reserved"));
}

/* ---- outlet names that outlets.tsv does not know ------------------------------- */

/* Words that outlets put in their names ("Yellow Sea Observer", "Prairie
 * Grain Report") and people almost never have in theirs. */
static bool
is_outlet_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "times", "post", "news", "herald", "observer", "review", "report", "daily", "journal",
        "tribune", "gazette", "wire", "press", "monitor", "chronicle", "telegraph", "standard",
        "express", "mail", "star", "weekly", "magazine", "economist", "insider", "today", "agency",
        "media", "network", "radio", "tv", "television", "broadcasting", "bulletin", "courier",
        "dispatch", "examiner", "globe", "inquirer", "ledger", "mirror", "record", "register",
        "sentinel", "sun", "voice", "digest", "briefing", "online", "newswire", "quarterly",
        "zeitung", "presse", "nouvelles", "markets", "finance", "financial", "economic",
        "economics", "business", "watch", "notes", "letter", "week", "weekend", "nation",
        "informer", "bugle", "clarion", "advertiser", "enquirer", "pioneer", "leader", "citizen",
        "independent", "reporter", "wochenblatt", "diario", "noticias", "giornale", "corriere",
        "gazzetta", "jornal", "dagblad", "krant", "courrier", "quotidien", "hebdo", "observateur",
        "beobachter", "rundschau", "kurier", "anzeiger",
    };
    for (size_t i = 0; i < DS_ARRAY_LEN(words); i++)
        if (ing_ieq(w, n, words[i]))
            return true;
    return false;
}

static bool
is_article_word(const char *w, size_t n)
{
    static const char *const words[] = {"the", "le", "la", "les", "der", "die", "das", "el", "il"};
    for (size_t i = 0; i < DS_ARRAY_LEN(words); i++)
        if (ing_ieq(w, n, words[i]))
            return true;
    return false;
}

/* Small words a name may hold in lower case ("Voice of America"). */
static bool
is_name_connector(const char *w, size_t n)
{
    static const char *const words[] = {"of",  "the", "and", "for", "on",  "de", "du", "des",
                                        "del", "di",  "da",  "la",  "le",  "et", "y",  "am",
                                        "im",  "an",  "van", "von", "&",   "e",  "do", "dos"};
    for (size_t i = 0; i < DS_ARRAY_LEN(words); i++)
        if (ing_ieq(w, n, words[i]))
            return true;
    return false;
}

/* Han/kana/hangul names end in a word that means newspaper, agency, net,
 * observer, weekly... (报 社 网 新闻 观察 周刊 财经 日报 时报 通讯 新聞 時報
 * 通信 신문 뉴스 일보). */
static bool
cjk_outlet_suffix(const char *s, size_t n)
{
    static const char *const ends[] = {
        "\xe6\x8a\xa5", "\xe7\xa4\xbe", "\xe7\xbd\x91", "\xe6\x96\xb0\xe9\x97\xbb",
        "\xe8\xa7\x82\xe5\xaf\x9f", "\xe5\x91\xa8\xe5\x88\x8a", "\xe8\xb4\xa2\xe7\xbb\x8f",
        "\xe9\x80\x9a\xe8\xae\xaf", "\xe6\x96\xb0\xe8\x81\x9e", "\xe5\xa0\xb1",
        "\xe9\x80\x9a\xe4\xbf\xa1", "\xec\x8b\xa0\xeb\xac\xb8", "\xeb\x89\xb4\xec\x8a\xa4",
        "\xec\x9d\xbc\xeb\xb3\xb4"};
    for (size_t i = 0; i < DS_ARRAY_LEN(ends); i++) {
        size_t m = strlen(ends[i]);
        if (n > m && memcmp(s + n - m, ends[i], m) == 0)
            return true;
    }
    return false;
}

/* What a short line looks like as a name. */
struct name_shape {
    int words;        /* space-separated words */
    int latin;        /* ... of them not CJK */
    int cjk;          /* Han/kana/hangul characters */
    bool outlet_word; /* holds a word from is_outlet_word */
    bool other_word;  /* ... and a word that is not one (not all "World News") */
    bool article;     /* starts with "The", "Le", "Die"... */
    bool person;      /* two or three capitalised words and nothing else: a person */
};

/* Does s read as a name standing alone: at most five words (twelve CJK
 * characters), each capitalised or a connector, no sentence punctuation,
 * no separators ("X | Y" footers are menus, not names)? Fills *ns. */
static bool
name_shape(const char *s, size_t n, struct name_shape *ns)
{
    memset(ns, 0, sizeof *ns);
    if (n == 0 || n > 60 || s[n - 1] == '.')
        return false;
    static const char *const bad_utf8[] = {
        "\xef\xbc\x9a", "\xef\xbc\x8c", "\xe3\x80\x82", "\xef\xbc\x88", "\xef\xbc\x89",
        "\xe3\x80\x81", "\xe3\x80\x8a", "\xe3\x80\x8b", "\xe2\x80\x9c", "\xe2\x80\x9d",
        "\xc2\xa9",     "\xe2\x80\xa2", "\xe3\x80\x80", "\xc2\xb7",     "\xe2\x80\x94",
        "\xe2\x80\x93", "\xef\xbd\x9c", "\xef\xbc\x81", "\xef\xbc\x9f"};
    for (size_t i = 0; i < n; i++) {
        if (s[i] && strchr("!?;:,|\"()[]{}<>=@#/\\*_~+%$", s[i]))
            return false;
        if ((unsigned char)s[i] >= 0x80)
            for (size_t k = 0; k < DS_ARRAY_LEN(bad_utf8); k++)
                if (ing_istarts(s + i, n - i, bad_utf8[k]))
                    return false;
    }
    int caps = 0;
    bool all_upper = true;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i)
            break;
        const char *w = s + i;
        size_t wl = j - i;
        i = j;
        if (++ns->words > 5)
            return false;
        unsigned char c = (unsigned char)w[0];
        for (size_t k = 0; k < wl; k++)
            if (w[k] >= 'a' && w[k] <= 'z')
                all_upper = false;
        if (c >= 0x80) {
            uint32_t cp;
            utf8_decode(w, wl, &cp);
            if (utf8_is_cjk(cp) || (cp >= 0xAC00 && cp <= 0xD7AF)) {
                ns->cjk += ing_count_words(w, wl);
                caps++;
                continue;
            }
        }
        ns->latin++;
        if (is_outlet_word(w, wl))
            ns->outlet_word = true;
        else if (!(ns->words == 1 && is_article_word(w, wl)) && !is_name_connector(w, wl))
            ns->other_word = true;
        if (ns->words == 1 && is_article_word(w, wl) && (c >= 'A' && c <= 'Z'))
            ns->article = true;
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)
            caps++;
        else if (!is_name_connector(w, wl))
            return false;
    }
    if (ns->words == 0 || ns->cjk > 12 || (ns->latin == 0 && ns->cjk < 2))
        return false;
    ns->person = !ns->article && !ns->outlet_word && caps == ns->words && ns->words >= 2 &&
                 ns->words <= 3 && !(all_upper && ns->latin);
    return true;
}

static bool has_ui_word(const char *s, size_t n);

/* Is s (a line alone at the top or bottom) an outlet's name? strong is
 * outside evidence: the line repeats across the corpus, follows a dash or
 * ©, or is named elsewhere as the source. Without it the name itself must
 * look like an outlet's: an outlet word with another word ("Yellow Sea
 * Observer"), a leading article and two more words ("The Kestrel Herald";
 * "The End" is no outlet), a CJK outlet suffix. */
static bool
outlet_like(const char *s, size_t n, bool strong)
{
    struct name_shape ns;
    if (!name_shape(s, n, &ns) || ns.person || has_ui_word(s, n))
        return false;
    if (strong)
        return true;
    if (ns.cjk && !ns.latin)
        return cjk_outlet_suffix(s, n);
    return (ns.outlet_word && ns.other_word && ns.words >= 2) ||
           (ns.article && ns.words >= 3 && ns.other_word);
}

/* Words of page furniture that name no outlet ("Latest News", "Top Stories",
 * "Most Read"). */
static bool
has_ui_word(const char *s, size_t n)
{
    static const char *const words[] = {"latest", "top",     "more",    "most",   "read",
                                        "related", "stories", "story",   "popular", "breaking",
                                        "trending", "home",   "sections", "topics", "contact",
                                        "about",  "follow",  "share",   "comments", "sign",
                                        "log",    "menu",    "search",  "editor's", "picks",
                                        "recommended", "also", "next",  "previous", "back"};
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        for (size_t k = 0; k < DS_ARRAY_LEN(words) && j > i; k++)
            if (ing_ieq(s + i, j - i, words[k]))
                return true;
        i = j;
    }
    return false;
}

/* A line at the very top that the corpus repeats: a masthead naming the
 * outlet when it has an outlet's look or three or more words (section
 * labels like "World" or "Business" repeat too, and are shorter). */
static bool
top_outlet_seen(const struct line *l)
{
    struct name_shape ns;
    if (has_ui_word(l->t, l->tl) || !outlet_like(l->t, l->tl, true) ||
        !name_shape(l->t, l->tl, &ns))
        return false;
    return outlet_like(l->t, l->tl, false) || ns.words >= 3;
}

/* "© 2018 Prairie Grain Report", "Copyright 2021 The X. All rights
 * reserved.", "(c) X": the name after the mark and the years, or false. */
static bool
copyright_name(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i = 0;
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        if (ing_istarts(s + i, n - i, "\xc2\xa9"))
            i += 2;
        else if (ing_istarts(s + i, n - i, "(c)"))
            i += 3;
        else if (ing_istarts(s + i, n - i, "copyright"))
            i += 9;
        else
            break;
    }
    if (i == 0)
        return false;
    /* years: "2024", "2018-2024", "2018 – 2024," */
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '-'))
            i++;
        if (ing_istarts(s + i, n - i, "\xe2\x80\x93") ||
            ing_istarts(s + i, n - i, "\xe2\x80\x94")) {
            i += 3;
            continue;
        }
        if (i < n && s[i] >= '0' && s[i] <= '9') {
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            continue;
        }
        break;
    }
    if (ing_istarts(s + i, n - i, "by "))
        i += 3;
    size_t e = i;
    while (e < n && !strchr(".,;|(", s[e]))
        e++;
    const char *all = ing_ifind(s + i, e - i, " all rights");
    if (all)
        e = (size_t)(all - s);
    while (e > i && s[e - 1] == ' ')
        e--;
    if (e == i)
        return false;
    *name = s + i;
    *nl = e - i;
    return true;
}

/* A trailer "— The Lodestar Review" / "-- X" / "– X": the name after the
 * dash, or false. */
static bool
dash_trailer(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i;
    if (ing_istarts(s, n, "\xe2\x80\x94") || ing_istarts(s, n, "\xe2\x80\x93"))
        i = 3;
    else if (ing_istarts(s, n, "--"))
        i = 2;
    else if (ing_istarts(s, n, "- "))
        i = 1;
    else
        return false;
    while (i < n && (s[i] == ' ' || s[i] == '-'))
        i++;
    if (i >= n)
        return false;
    *name = s + i;
    *nl = n - i;
    return true;
}

static bool
is_bullet(const struct line *l)
{
    const char *t = l->t;
    size_t n = l->tl;
    if (n >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ')
        return true;
    static const char *const marks[] = {"\xe2\x80\xa2", "\xe2\x80\x93", "\xc2\xb7",
                                        "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x80\x94",
                                        "\xe2\x96\xa0", "\xe2\x97\x8f"};
    for (size_t i = 0; i < DS_ARRAY_LEN(marks); i++)
        if (ing_istarts(t, n, marks[i]))
            return true;
    return false;
}

/* ---- splitting ------------------------------------------------------------------- */

/* Hard-wrapped text (wire copy, old archives, mail) breaks every line near a
 * fixed width. Such text is rejoined into one line per paragraph so the
 * cleaning rules see whole paragraphs and the reader pane can wrap them.
 * A line joins the next when it reaches near the wrap width and the next
 * line is neither blank, indented (a new paragraph) nor a list item.
 * Returns false (out untouched) when the text does not look hard-wrapped. */
static bool
reflow(const char *text, size_t n, struct buf *out)
{
    size_t maxlen = 0, nonblank = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        size_t len = e - i;
        if (len > 100)
            return false;
        if (len) {
            nonblank++;
            maxlen = DS_MAX(maxlen, len);
        }
        i = e + 1;
    }
    if (nonblank < 4 || maxlen < 40)
        return false;
    size_t wide = maxlen * 6 / 10, nwide = 0, nprose = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (e - i >= wide) {
            nwide++;
            size_t spaces = 0;
            for (size_t k = i; k < e; k++)
                spaces += text[k] == ' ';
            char last = text[e - 1];
            if (spaces >= 5 &&
                ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last == ','))
                nprose++;
        }
        i = e + 1;
    }
    if (nwide * 2 < nonblank || nprose * 2 < nwide)
        return false;

    buf_reserve(out, n + 1);
    bool join_next = false, prev_blank = true;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + i;
        size_t len = e - i, ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        struct line probe = {s + ind, len - ind, ind, NULL, len == ind};
        bool starts_block = probe.blank || ind >= 2 || is_bullet(&probe);
        if (join_next && !starts_block) {
            /* continue the paragraph: "mid-" + "December" stays one word */
            if (out->len && out->data[out->len - 1] != '-')
                buf_putc(out, ' ');
            buf_append(out, s + ind, len - ind);
        } else {
            if (out->len)
                buf_putc(out, '\n');
            /* an indented first line opens a paragraph: give it a blank line */
            if (out->len && !probe.blank && ind >= 2 && !is_bullet(&probe) && !prev_blank)
                buf_putc(out, '\n');
            buf_append(out, s, len);
        }
        prev_blank = probe.blank;
        join_next = !probe.blank && len >= wide;
        i = e + 1;
    }
    buf_putc(out, '\n');
    return true;
}

static void
split_lines(struct doc *d, const char *text, size_t n)
{
    size_t cap = 64;
    d->lines = xmalloc(cap * sizeof *d->lines);
    d->n = 0;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (d->n == cap) {
            cap *= 2;
            d->lines = xrealloc(d->lines, cap * sizeof *d->lines);
        }
        struct line *l = &d->lines[d->n++];
        const char *s = text + i;
        size_t len = e - i;
        size_t ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        while (len > ind && s[len - 1] == ' ')
            len--;
        l->t = s + ind;
        l->tl = len - ind;
        l->ind = ind;
        l->why = NULL;
        l->blank = l->tl == 0;
        i = e + 1;
    }
}

/* ---- cleaning -------------------------------------------------------------------- */

static void
drop_furniture(struct doc *d)
{
    size_t nshort = 0, nfreq = 0, ncontent = 0;
    bool *freq = xcalloc(d->n ? d->n : 1, sizeof *freq);
    for (size_t i = 0; i < d->n; i++) {
        struct line *l = &d->lines[i];
        if (l->blank)
            continue;
        l->why = ing_furniture_reason(d->ctx, l->t, l->tl);
        if (l->why)
            continue;
        ncontent++;
        if (l->tl <= INGEST_FURNITURE_MAX) {
            nshort++;
            freq[i] = ing_is_frequent(d->ctx, l->t, l->tl);
            nfreq += freq[i];
        }
    }
    /* Lines seen in many documents are furniture ("Reuse this content"),
     * unless they read as sentences: a wire story republished by many outlets
     * shares its short paragraphs with every copy, and those are text. A
     * sentence-like frequent line goes only at the very top or bottom of a
     * page (boilerplate bios, standards notes), and not even there when most
     * of this page's short lines are frequent (it is such a copy). */
    bool copy = nshort >= 4 && nfreq * 2 > nshort;
    size_t seen = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct line *l = &d->lines[i];
        if (!is_content(l))
            continue;
        seen++;
        if (!freq[i])
            continue;
        bool sentence = ing_is_prose(l->t, l->tl, 4);
        bool edge = seen <= 2 || seen + 3 > ncontent;
        if (!sentence || (edge && !copy))
            l->why = "frequent";
    }
    free(freq);
}

/* A cheap hash for finding repeated lines: length plus the first and last
 * 32 bytes (candidates are compared in full, so collisions cost nothing). */
static uint64_t
quick_hash(const char *s, size_t n)
{
    if (n <= 64)
        return ds_hash64(s, n);
    uint64_t a = ds_hash64(s, 32), b = ds_hash64(s + n - 32, 32);
    return a ^ (b * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)n << 1);
}

/* Lines repeated inside the document: the first stays. */
static void
drop_duplicates(struct doc *d)
{
    size_t cap = 16;
    while (cap < d->n * 2)
        cap *= 2;
    uint64_t *tab = xcalloc(cap, sizeof *tab);
    size_t *who = xcalloc(cap, sizeof *who);
    for (size_t i = 0; i < d->n; i++) {
        struct line *l = &d->lines[i];
        if (l->blank || l->why || l->tl < DUP_MIN_BYTES)
            continue;
        uint64_t h = quick_hash(l->t, l->tl) | 1;
        size_t k = (size_t)h & (cap - 1);
        while (tab[k]) {
            if (tab[k] == h) {
                const struct line *o = &d->lines[who[k]];
                if (o->tl == l->tl && memcmp(o->t, l->t, l->tl) == 0) {
                    l->why = "duplicate";
                    break;
                }
            }
            k = (k + 1) & (cap - 1);
        }
        if (!l->why) {
            tab[k] = h;
            who[k] = i;
        }
    }
    free(tab);
    free(who);
}

static bool
is_prompt_reason(const char *why)
{
    return why && (strcmp(why, "paywall") == 0 || strcmp(why, "template") == 0 ||
                   strcmp(why, "sponsored") == 0);
}

/* Short lines caught between subscription prompts (or between a prompt and
 * the end of the page) belong to the same box of furniture: "Stay ahead
 * with our exclusives", a stray ".", an app blurb. A sentence of prose or
 * any longer line ends the run, so article text is never swept up. */
static void
drop_prompt_blocks(struct doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        if (!is_prompt_reason(d->lines[i].why)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        bool ok = true;
        while (j < d->n && !is_prompt_reason(d->lines[j].why)) {
            const struct line *l = &d->lines[j];
            if (is_content(l) && (l->tl > 160 || ing_count_words(l->t, l->tl) > 15 ||
                                  ing_is_prose(l->t, l->tl, 10))) {
                ok = false;
                break;
            }
            j++;
        }
        if (ok)
            for (size_t k = i + 1; k < j; k++)
                if (is_content(&d->lines[k]))
                    d->lines[k].why = "prompt-block";
        i = j;
    }
}

/* ---- metadata -------------------------------------------------------------------- */

/* A byline field without "By": "记者 林思远", "作者：X", "Autor: X". */
static bool
field_byline(const char *s, size_t n, char **name)
{
    static const char *const heads[] = {
        "\xe8\xae\xb0\xe8\x80\x85", /* 记者 */
        "\xe4\xbd\x9c\xe8\x80\x85", /* 作者 */
        "\xe6\x96\x87",             /* 文 */
        "author", "autor", "auteur", "reporter"};
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++) {
        size_t h = strlen(heads[k]);
        if (!ing_istarts(s, n, heads[k]))
            continue;
        size_t i = h;
        bool sep = false;
        while (i < n) {
            if (s[i] == ' ' || s[i] == ':') {
                i++;
                sep = true;
            } else if (ing_istarts(s + i, n - i, "\xef\xbc\x9a")) { /* ： */
                i += 3;
                sep = true;
            } else {
                break;
            }
        }
        size_t e = n;
        const char *from = ing_ifind(s + i, n - i, "\xe5\x8f\x91\xe8\x87\xaa"); /* 发自 */
        if (from)
            e = (size_t)(from - s);
        while (e > i && s[e - 1] == ' ')
            e--;
        if (!sep || i >= e || e - i > 60 || ing_count_words(s + i, e - i) > 6)
            return false;
        *name = dupn(s + i, e - i);
        return true;
    }
    return false;
}

/* The fields of a metadata line ("2022年01月01日 08:00　来源：X　记者 Y",
 * "Updated: 2018-07-06 | By Jane Doe in Beijing"): a byline or a source
 * named in one of them is taken. */
static void
meta_fields(struct doc *d, const char *s, size_t n)
{
    static const char *const seps[] = {" | ", "\xe3\x80\x80", " \xe2\x80\xa2 ", " \xc2\xb7 ",
                                       "|", "  ", "\xef\xbd\x9c"};
    size_t i = 0;
    while (i < n) {
        size_t e = n, skip = 0;
        for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
            const char *hit = ing_ifind(s + i, n - i, seps[k]);
            if (hit && (size_t)(hit - s) < e) {
                e = (size_t)(hit - s);
                skip = strlen(seps[k]);
            }
        }
        const char *f = s + i;
        size_t fl = e - i;
        while (fl && *f == ' ') {
            f++;
            fl--;
        }
        while (fl && f[fl - 1] == ' ')
            fl--;
        char *name = NULL;
        struct ing_date dt;
        bool has_date;
        const char *val;
        size_t vl;
        if (fl && !d->a->byline &&
            (is_byline(f, fl, &name, &dt, &has_date) || field_byline(f, fl, &name))) {
            byline_outlet(d, name);
            d->a->byline = name;
        } else if (fl && is_source_line(f, fl, &val, &vl)) {
            const char *canon = outlets_match(d->outlets, val, vl);
            set_source(d, canon ? canon : val, canon ? strlen(canon) : vl, RANK_SOURCE_LINE);
        }
        i = e + skip;
    }
}

/* A line that opens with a date and holds only short metadata fields after
 * it ("15 January 2020 • 9:58pm", "2022年01月01日 08:00　来源：X　记者 Y").
 * Prose that starts with a date ("May 17, 2018 was a day ...") is not one. */
static bool
is_date_led(const char *s, size_t n, struct ing_date *dt)
{
    if (n > 160 || ing_is_prose(s, n, 4))
        return false;
    size_t e = ing_date_at(s, n, 0, dt);
    if (!e)
        return false;
    if (e < n && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
        return false;
    if (ing_only_time(s + e, n - e))
        return true;
    /* fields after a separator */
    size_t i = e;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == ' '))
        i++;
    bool sep = i < n && (s[i] == '|' || ing_istarts(s + i, n - i, "\xe3\x80\x80") ||
                         ing_istarts(s + i, n - i, "\xe2\x80\xa2") ||
                         ing_istarts(s + i, n - i, "\xc2\xb7") ||
                         ing_istarts(s + i, n - i, "\xef\xbd\x9c"));
    return sep && ing_count_words(s + i, n - i) <= 30;
}

/* Is the line, alone at the very top, an outlet's masthead over the
 * headline below it: ALL CAPS with a dash or bar ("X REPORT — Market
 * Notes"), or a name that looks like an outlet's? */
static bool
is_masthead(const struct doc *d, const struct line *l)
{
    size_t up = 0, low = 0;
    for (size_t i = 0; i < l->tl; i++) {
        if (l->t[i] >= 'A' && l->t[i] <= 'Z')
            up++;
        else if (l->t[i] >= 'a' && l->t[i] <= 'z')
            low++;
    }
    bool dash = ing_ifind(l->t, l->tl, " \xe2\x80\x94 ") ||
                ing_ifind(l->t, l->tl, " \xe2\x80\x93 ") ||
                ing_ifind(l->t, l->tl, " - ") || ing_ifind(l->t, l->tl, " | ");
    if (dash && up >= 4 && up > 2 * low)
        return true;
    if (ing_is_frequent(d->ctx, l->t, l->tl))
        return true;
    return outlet_like(l->t, l->tl, false);
}

/* The masthead's parts: the outlet before the dash (when it reads as a
 * name) and the column or section after it. */
static void
masthead_meta(struct doc *d, const struct line *l)
{
    static const char *const seps[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " | "};
    const char *t = l->t;
    size_t n = l->tl, left = n;
    const char *right = NULL;
    size_t rightl = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(t, n, seps[k]);
        if (hit && (size_t)(hit - t) < left) {
            left = (size_t)(hit - t);
            right = hit + strlen(seps[k]);
            rightl = n - (size_t)(right - t);
        }
    }
    const char *canon = outlets_match(d->outlets, t, left);
    if (canon)
        set_source(d, canon, strlen(canon), RANK_ALONE);
    else if (outlet_like(t, left, true))
        set_source(d, t, left, RANK_MASTHEAD);
    struct line r = {right, rightl, 0, NULL, rightl == 0};
    if (right && !d->a->section && is_short_label(&r))
        d->a->section = dupn(right, rightl);
}

/* How many sentences s holds (a full stop after a one-letter word, as in
 * "U.S.", does not end one). */
static int
sentences(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?')
            continue;
        if (s[i] == '.' && i >= 1 && (i < 2 || s[i - 2] == ' ' || s[i - 2] == '.') &&
            s[i - 1] >= 'A' && s[i - 1] <= 'Z')
            continue;
        size_t j = i + 1;
        while (j < n && strchr("\"')", s[j]))
            j++;
        if (j >= n || s[j] == ' ')
            c++;
    }
    return c;
}

/* Length of a wire service's version tag opening a headline ("UPDATE 2-",
 * "REFILE-", "CORRECTED-", "RPT-"), which says which edition this is, not
 * what happened; 0 when there is none. */
static size_t
wire_prefix(const char *s, size_t n)
{
    static const char *const tags[] = {"UPDATE", "REFILE", "CORRECTED", "RPT", "REPEAT"};
    for (size_t k = 0; k < DS_ARRAY_LEN(tags); k++) {
        size_t m = strlen(tags[k]);
        if (n <= m || memcmp(s, tags[k], m) != 0)
            continue;
        size_t i = m;
        if (i < n && s[i] == ' ')
            i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i < n && s[i] == '-' && i + 1 < n && s[i + 1] != ' ' && n - i > 12)
            return i + 1;
    }
    return 0;
}

/* The top of the page: crumbs, "Published" lines, date lines, bylines, an
 * outlet's name, then the headline, a section label and a standfirst. */
static void
meta_top(struct doc *d)
{
    struct article *a = d->a;
    size_t seen = 0;
    size_t idx[TOP_LINES];
    bool gap_before[TOP_LINES];
    bool meta_direct[TOP_LINES]; /* a metadata line right under it */
    bool meta_after[TOP_LINES];  /* metadata before the next content line */
    size_t nidx = 0;
    bool gap = false;
    bool started = false;

    for (size_t i = 0; i < d->n && seen < TOP_LINES; i++) {
        struct line *l = &d->lines[i];
        if (l->why && nidx == 0 && strcmp(l->why, "frequent") == 0 && top_outlet_seen(l)) {
            /* a masthead printed on every page of the outlet */
            const char *canon = outlets_match(d->outlets, l->t, l->tl);
            set_source(d, canon ? canon : l->t, canon ? strlen(canon) : l->tl, RANK_ALONE_SEEN);
            l->why = "source";
        }
        if (l->blank || l->why) {
            gap = gap || started;
            continue;
        }
        seen++;
        struct ing_date dt;
        const char *sec, *val;
        size_t secl, vl;
        char *name = NULL;
        bool has_date;
        if (nidx == 0 && !a->section && is_crumb(l->t, l->tl, &sec, &secl)) {
            a->section = dupn(sec, secl);
            l->why = "section";
        } else if (is_published_line(l->t, l->tl, &dt)) {
            set_date(a, &dt, DATE_PUBLISHED_LINE);
            meta_fields(d, l->t, l->tl);
            l->why = "published";
        } else if (ing_parse_date_whole(l->t, l->tl, &dt)) {
            set_date(a, &dt, DATE_ISO_LINE);
            l->why = "date";
        } else if (is_date_led(l->t, l->tl, &dt)) {
            set_date(a, &dt, DATE_ISO_LINE);
            meta_fields(d, l->t, l->tl);
            l->why = "date";
        } else if (!a->byline && is_byline(l->t, l->tl, &name, &dt, &has_date)) {
            byline_outlet(d, name);
            a->byline = name;
            if (has_date)
                set_date(a, &dt, DATE_BYLINE);
            l->why = "byline";
        } else if (!a->byline && (ing_ieq(l->t, l->tl, "by") || ing_ieq(l->t, l->tl, "by:")) &&
                   i + 1 < d->n && is_content(&d->lines[i + 1])) {
            /* "By" alone, the name (and role) on the next line */
            struct line *nx = &d->lines[i + 1];
            char *probe = xasprintf("By %.*s", (int)nx->tl, nx->t);
            if (is_byline(probe, strlen(probe), &name, &dt, &has_date)) {
                byline_outlet(d, name);
                a->byline = name;
                if (has_date)
                    set_date(a, &dt, DATE_BYLINE);
                l->why = "byline";
                nx->why = "byline";
            }
            free(probe);
            if (!l->why)
                goto content;
        } else if (is_source_line(l->t, l->tl, &val, &vl)) {
            const char *canon = outlets_match(d->outlets, val, vl);
            set_source(d, canon ? canon : val, canon ? strlen(canon) : vl, RANK_SOURCE_LINE);
            l->why = "source";
        } else if (nidx == 0 && l->tl <= 60 && outlets_match(d->outlets, l->t, l->tl)) {
            const char *canon = outlets_match(d->outlets, l->t, l->tl);
            set_source(d, canon, strlen(canon), RANK_ALONE);
            l->why = "source";
        } else {
            goto content;
        }
        if (nidx > 0) {
            meta_after[nidx - 1] = true;
            if (idx[nidx - 1] + 1 == i)
                meta_direct[nidx - 1] = true;
        }
        gap = started; /* a metadata line separates like a blank one */
        continue;
    content:
        if (nidx < TOP_LINES) {
            gap_before[nidx] = gap;
            meta_direct[nidx] = meta_after[nidx] = false;
            idx[nidx++] = i;
        }
        started = true;
        gap = false;
    }
    if (nidx == 0)
        return;

    /* An outlet's name alone above the headline ("Yellow Sea Observer",
     * "东方经济观察"): the source, when it looks like an outlet's name or
     * the page names it as its source elsewhere. */
    size_t b = 0;
    if (nidx >= 3 && is_headline_like(&d->lines[idx[1]])) {
        struct line *c0 = &d->lines[idx[0]];
        bool named = d->source && strlen(d->source) == c0->tl &&
                     memcmp(d->source, c0->t, c0->tl) == 0;
        bool freq = ing_is_frequent(d->ctx, c0->t, c0->tl);
        struct name_shape ns;
        /* without outside evidence: a short name, a blank line under it, and
         * the date or byline under the headline ("Harbour Board Report
         * Delayed" over a standfirst is a headline) */
        if (outlet_like(c0->t, c0->tl, named || freq) && name_shape(c0->t, c0->tl, &ns) &&
            (named || freq ||
             (gap_before[1] && meta_after[1] &&
              ((ns.words >= 3 && ns.words <= 4) || (ns.cjk && !ns.latin))))) {
            set_source(d, c0->t, c0->tl, named ? RANK_SOURCE_LINE : RANK_ALONE_UNKNOWN);
            c0->why = "source";
            b = 1;
        }
    }
    /* A masthead over the headline: two headline-like lines, the second
     * directly on top of the date or byline. */
    if (nidx - b >= 2) {
        struct line *c0 = &d->lines[idx[b]], *c1 = &d->lines[idx[b + 1]];
        if (!gap_before[b + 1] && meta_direct[b + 1] && is_headline_like(c0) &&
            is_headline_like(c1) && !is_short_label(c0) && is_masthead(d, c0)) {
            masthead_meta(d, c0);
            c0->why = "masthead";
            b++;
        }
    }
    size_t *ix = idx + b;
    bool *gb = gap_before + b, *ma = meta_after + b;
    size_t ni = nidx - b;

    struct line *c0 = &d->lines[ix[0]];
    struct line *c1 = ni > 1 ? &d->lines[ix[1]] : NULL;
    bool gap01 = ni > 1 && gb[1];
    size_t title_at = (size_t)-1;

    if (!is_headline_like(c0))
        return; /* the text starts with prose: no title */
    if (ni == 1)
        return; /* a lone short line is no headline of anything */
    /* a standfirst may sit directly under the headline (no blank line) when
     * it is a single sentence or has no full stop */
    bool c2_standfirst = false;
    if (ni > 2 && !gb[2] && (ni == 3 || gb[3])) {
        const struct line *c2 = &d->lines[ix[2]];
        int w = ing_count_words(c2->t, c2->tl);
        c2_standfirst = w >= 4 && w <= 60 && sentences(c2->t, c2->tl) <= 1 &&
                        !ends_with_any(c2->t, c2->tl, ",;:") && !is_caption_like(c2);
    }
    if (is_short_label(c0) && c1 && is_headline_like(c1) && !ends_with_any(c1->t, c1->tl, "?") &&
        ing_count_words(c1->t, c1->tl) > ing_count_words(c0->t, c0->tl) &&
        (ni == 2 || gb[2] || c2_standfirst)) {
        if (!a->section)
            a->section = dupn(c0->t, c0->tl);
        c0->why = "section";
        title_at = 1;
    } else if (is_short_label(c0) && !gap01) {
        /* a label sitting directly on top of prose names the section */
        if (!a->section)
            a->section = dupn(c0->t, c0->tl);
        c0->why = "section";
        return;
    } else {
        title_at = 0;
    }
    struct line *t = &d->lines[ix[title_at]];
    size_t skip = wire_prefix(t->t, t->tl);
    a->title = dupn(t->t + skip, t->tl - skip);
    t->why = "title";

    /* standfirst: a short paragraph right after the headline, not a photo
     * caption; with blank lines around it, not a sentence ending in a full
     * stop unless a byline or date follows it (then up to two sentences);
     * directly under the headline, one sentence at most */
    size_t s = title_at + 1;
    if (s >= ni || !(s + 1 >= ni || gb[s + 1]))
        return;
    struct line *st = &d->lines[ix[s]];
    int w = ing_count_words(st->t, st->tl);
    if (w < 4 || ends_with_any(st->t, st->tl, ",;:") || is_caption_like(st))
        return;
    int ns = sentences(st->t, st->tl);
    bool take;
    if (gb[s])
        take = (w <= 40 && !ing_is_prose(st->t, st->tl, 1) && (s + 1 < ni || st->tl < 200)) ||
               (ma[s] && w <= 60 && ns <= 2);
    else
        take = w <= 60 && ns <= 1;
    if (take)
        a->subtitle = dupn(st->t, st->tl);
}

/* The bottom of the page: "Source: X", an outlet's name alone (known, or
 * unknown but looking like an outlet's or repeated across the corpus),
 * "— The X Review", copyright. Lines dropped as frequent are looked at too:
 * an outlet's name that ends many pages is the best evidence there is. */
static void
meta_bottom(struct doc *d)
{
    size_t seen = 0;
    for (size_t i = d->n; i-- > 0 && seen < BOTTOM_LINES;) {
        struct line *l = &d->lines[i];
        bool freq = l->why && strcmp(l->why, "frequent") == 0;
        if (!is_content(l) && !freq)
            continue;
        seen++;
        const char *val;
        size_t vl;
        const char *canon;
        struct ing_date dt;
        if (is_source_line(l->t, l->tl, &val, &vl)) {
            canon = outlets_match(d->outlets, val, vl);
            set_source(d, canon ? canon : val, canon ? strlen(canon) : vl, RANK_SOURCE_LINE);
            l->why = "source";
        } else if (l->tl <= 60 && (canon = outlets_match(d->outlets, l->t, l->tl)) != NULL) {
            set_source(d, canon, strlen(canon), RANK_ALONE);
            l->why = "source";
        } else if (dash_trailer(l->t, l->tl, &val, &vl) && outlet_like(val, vl, true)) {
            canon = outlets_match(d->outlets, val, vl);
            set_source(d, canon ? canon : val, canon ? strlen(canon) : vl,
                       canon ? RANK_ALONE : RANK_ALONE_SEEN);
            l->why = "source";
        } else if (outlet_like(l->t, l->tl, freq)) {
            set_source(d, l->t, l->tl, freq ? RANK_ALONE_SEEN : RANK_ALONE_UNKNOWN);
            l->why = "source";
        } else if (is_copyright_line(l->t, l->tl)) {
            canon = outlets_find_in(d->outlets, l->t, l->tl, NULL);
            if (canon)
                set_source(d, canon, strlen(canon), RANK_COPYRIGHT);
            else if (copyright_name(l->t, l->tl, &val, &vl) && !is_caption_like(l) &&
                     outlet_like(val, vl, true))
                set_source(d, val, vl, RANK_COPYRIGHT_UNKNOWN);
            l->why = "copyright";
        } else if (is_published_line(l->t, l->tl, &dt)) {
            set_date(d->a, &dt, DATE_PUBLISHED_LINE);
            l->why = "published";
        } else if (ing_is_prose(l->t, l->tl, 6)) {
            break; /* the article text itself: no trailer above this */
        }
    }
}

/* An agency named in a dateline that outlets.tsv does not know: one to
 * three capitalised words of letters ("Tidewater", "Kestrel News"). */
static bool
agency_like(const char *s, size_t n)
{
    if (n < 2 || n > 40)
        return false;
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
        words++;
        while (i < n && s[i] != ' ') {
            char c = s[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
                  c == '&' || c == '\''))
                return false;
            i++;
        }
    }
    return words >= 1 && words <= 3 && !has_ui_word(s, n);
}

/* A dateline opening one of the first paragraphs gives an agency and a day. */
static void
meta_dateline(struct doc *d, const char *path)
{
    size_t seen = 0;
    for (size_t i = 0; i < d->n && seen < 4; i++) {
        struct line *l = &d->lines[i];
        if (!is_content(l))
            continue;
        seen++;
        struct dateline dl;
        if (!is_dateline(l->t, l->tl, &dl))
            continue;
        if (dl.agency) {
            const char *canon = outlets_match(d->outlets, dl.agency, dl.agencyl);
            if (canon)
                set_source(d, canon, strlen(canon), RANK_DATELINE);
            else if (dl.caps_place && agency_like(dl.agency, dl.agencyl))
                set_source(d, dl.agency, dl.agencyl, RANK_DATELINE_UNKNOWN);
        }
        if (dl.month) {
            int year = dl.year;
            struct ing_date pd;
            if (!year && ing_path_date(path, &pd))
                year = pd.y;
            if (year) {
                struct ing_date dt = {year, dl.month, dl.day};
                set_date(d->a, &dt, DATE_DATELINE);
            }
        }
        break;
    }
}

/* The first run of capitalised words in s (a leading "The" included, up to
 * a possessive "'s") that looks like an outlet's name: "The Kestrel
 * Herald" in "Get The Kestrel Herald’s briefing". */
static bool
capitalised_name_in(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i, e = i, words = 0;
        for (;;) {
            size_t j = e;
            while (j < n && s[j] == ' ')
                j++;
            if (j >= n || !(s[j] >= 'A' && s[j] <= 'Z'))
                break;
            size_t k = j;
            while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                             s[k] == '-' || s[k] == '.'))
                k++;
            if (words == 0)
                b = j;
            e = k;
            words++;
            /* a possessive or punctuation ends the name */
            if (k >= n || s[k] != ' ')
                break;
        }
        if (words >= 2 && words <= 5 && outlet_like(s + b, e - b, false)) {
            *name = s + b;
            *nl = e - b;
            return true;
        }
        /* go on after this word */
        while (i < n && s[i] != ' ')
            i++;
        if (e > i)
            i = e;
    }
    return false;
}

/* Outlet named in page furniture that was dropped ("Your access to X has
 * expired"): the weakest evidence, used only when nothing else names one. */
static void
meta_furniture_outlet(struct doc *d)
{
    const char *best = NULL;
    size_t bestlen = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct line *l = &d->lines[i];
        if (!l->why || (strcmp(l->why, "paywall") != 0 && strcmp(l->why, "sponsored") != 0 &&
                        strcmp(l->why, "label") != 0 && strcmp(l->why, "frequent") != 0))
            continue;
        size_t ml;
        const char *c = outlets_find_in(d->outlets, l->t, l->tl, &ml);
        if (c && ml > bestlen) {
            best = c;
            bestlen = ml;
        }
    }
    if (best) {
        set_source(d, best, strlen(best), RANK_FURNITURE);
        return;
    }
    /* an unknown outlet's own furniture: "The X Herald's Business Briefing",
     * "X Markets newsletters: ..." */
    for (size_t i = 0; i < d->n; i++) {
        struct line *l = &d->lines[i];
        if (!l->why || (strcmp(l->why, "paywall") != 0 && strcmp(l->why, "frequent") != 0 &&
                        strcmp(l->why, "prompt-block") != 0))
            continue;
        const char *name;
        size_t nl;
        if (capitalised_name_in(l->t, l->tl, &name, &nl)) {
            set_source(d, name, nl, RANK_FURNITURE_UNKNOWN);
            return;
        }
    }
}

/* ---- language -------------------------------------------------------------------- */

/* Common function words of seven languages, grouped by first letter; mask
 * bit k is language k of lang_names. */
struct stopword {
    const char *w;
    unsigned char len;
    unsigned char mask;
};
static const struct stopword stopwords[] = {
    {"al", 2, 0x08},   {"alla", 4, 0x10},  {"anche", 5, 0x10}, {"and", 3, 0x01},
    {"ao", 2, 0x20},   {"are", 3, 0x01},   {"as", 2, 0x20},    {"au", 2, 0x02},
    {"auf", 3, 0x04},  {"aux", 3, 0x02},   {"by", 2, 0x01},    {"che", 3, 0x10},
    {"com", 3, 0x20},  {"con", 3, 0x08},   {"da", 2, 0x20},    {"dans", 4, 0x02},
    {"das", 3, 0x04},  {"dat", 3, 0x40},   {"de", 2, 0x6a},    {"dei", 3, 0x10},
    {"del", 3, 0x08},  {"della", 5, 0x10}, {"delle", 5, 0x10}, {"dem", 3, 0x04},
    {"den", 3, 0x04},  {"der", 3, 0x04},   {"des", 3, 0x02},   {"di", 2, 0x10},
    {"die", 3, 0x04},  {"do", 2, 0x20},    {"dos", 3, 0x20},   {"du", 2, 0x02},
    {"e", 1, 0x30},    {"een", 3, 0x40},   {"ein", 3, 0x04},   {"eine", 4, 0x04},
    {"el", 2, 0x08},   {"em", 2, 0x20},    {"en", 2, 0x4a},    {"es", 2, 0x08},
    {"est", 3, 0x02},  {"et", 2, 0x02},    {"for", 3, 0x01},   {"from", 4, 0x01},
    {"gli", 3, 0x10},  {"has", 3, 0x01},   {"het", 3, 0x40},   {"il", 2, 0x10},
    {"im", 2, 0x04},   {"in", 2, 0x01},    {"is", 2, 0x01},    {"ist", 3, 0x04},
    {"it", 2, 0x01},   {"la", 2, 0x1a},    {"las", 3, 0x08},   {"le", 2, 0x02},
    {"les", 3, 0x02},  {"los", 3, 0x08},   {"met", 3, 0x40},   {"mit", 3, 0x04},
    {"nel", 3, 0x10},  {"nicht", 5, 0x04}, {"niet", 4, 0x40},  {"non", 3, 0x10},
    {"o", 1, 0x20},    {"of", 2, 0x01},    {"on", 2, 0x01},    {"ont", 3, 0x02},
    {"ook", 3, 0x40},  {"op", 2, 0x40},    {"os", 2, 0x20},    {"para", 4, 0x28},
    {"pas", 3, 0x02},  {"per", 3, 0x10},   {"por", 3, 0x08},   {"pour", 4, 0x02},
    {"que", 3, 0x2a},  {"qui", 3, 0x02},   {"said", 4, 0x01},  {"se", 2, 0x08},
    {"sich", 4, 0x04}, {"sono", 4, 0x10},  {"su", 2, 0x08},    {"sur", 3, 0x02},
    {"that", 4, 0x01}, {"the", 3, 0x01},   {"to", 2, 0x01},    {"um", 2, 0x20},
    {"uma", 3, 0x20},  {"un", 2, 0x1a},    {"una", 3, 0x08},   {"und", 3, 0x04},
    {"une", 3, 0x02},  {"van", 3, 0x40},   {"von", 3, 0x04},   {"voor", 4, 0x40},
    {"was", 3, 0x01},  {"with", 4, 0x01},  {"wordt", 5, 0x40}, {"y", 1, 0x08},
    {"zijn", 4, 0x40}, {"zu", 2, 0x04},
};
/* stopwords[stop_start[c - 'a'] .. stop_start[c - 'a' + 1]) begin with letter c */
static const unsigned char stop_start[27] = {0,  10, 11, 14, 32, 42, 44, 45,  47,
                                             53, 53, 53, 58, 60, 64, 71, 76,  78,
                                             78, 84, 87, 93, 96, 99, 99, 100, 102};

static const char *const lang_names[7] = {"en", "fr", "de", "es", "it", "pt", "nl"};

static unsigned
stop_mask(const char *w, size_t n)
{
    unsigned char c = (unsigned char)(w[0] | 32);
    if (c < 'a' || c > 'z')
        return 0;
    for (unsigned k = stop_start[c - 'a']; k < stop_start[c - 'a' + 1]; k++) {
        if (stopwords[k].len != n)
            continue;
        size_t i = 1;
        while (i < n && (char)(w[i] | 32) == stopwords[k].w[i])
            i++;
        if (i == n)
            return stopwords[k].mask;
    }
    return 0;
}

static const char *
guess_lang(const char *s, size_t n)
{
    size_t han = 0, kana = 0, hangul = 0, latin = 0;
    int score[7] = {0};
    int hits = 0;
    size_t lim = DS_MIN(n, (size_t)1024); /* ~150 words are enough to tell */
    size_t i = 0;
    while (i < lim) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                size_t j = i;
                while (j < lim &&
                       (((unsigned char)s[j] | 32) >= 'a' && ((unsigned char)s[j] | 32) <= 'z'))
                    j++;
                latin += j - i;
                if (j - i <= 5) {
                    unsigned m = stop_mask(s + i, j - i);
                    for (int k = 0; m && k < 7; k++)
                        score[k] += (m >> k) & 1;
                    if (m && ++hits >= 24 && latin > 3 * (han + kana + hangul))
                        break; /* plenty of evidence already */
                }
                i = j;
            } else {
                i++;
            }
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, lim - i, &cp);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
            (cp >= 0xFF66 && cp <= 0xFF9F))
            kana++;
        else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
                 (cp >= 0x3130 && cp <= 0x318F))
            hangul++;
        else if (utf8_is_cjk(cp))
            han++;
        else if (cp < 0x250)
            latin++;
    }
    size_t cjk = han + kana + hangul;
    /* a CJK character carries about as much as three Latin letters */
    if (cjk * 3 > latin) {
        if (hangul * 3 > cjk)
            return "ko";
        if (kana * 10 > cjk)
            return "ja";
        return "zh";
    }
    int best = -1, second = 0;
    for (int k = 0; k < 7; k++) {
        if (best < 0 || score[k] > score[best]) {
            if (best >= 0)
                second = score[best];
            best = k;
        } else if (score[k] > second) {
            second = score[k];
        }
    }
    if (best < 0 || score[best] < 3 || score[best] <= second)
        return NULL;
    return lang_names[best];
}

/* ---- assembling ------------------------------------------------------------------ */

static void
assemble(struct doc *d, struct buf *body, struct buf *removed)
{
    bool pending_blank = false;
    for (size_t i = 0; i < d->n; i++) {
        const struct line *l = &d->lines[i];
        if (l->why) {
            buf_puts(removed, l->why);
            buf_putc(removed, '\t');
            buf_append(removed, l->t, l->tl);
            buf_putc(removed, '\n');
            continue;
        }
        if (l->blank) {
            pending_blank = body->len > 0;
            continue;
        }
        if (pending_blank)
            buf_append(body, "\n\n", 2);
        else if (body->len)
            buf_putc(body, '\n');
        pending_blank = false;
        if (l->ind && is_bullet(l))
            for (size_t k = 0; k < l->ind; k++)
                buf_putc(body, ' ');
        buf_append(body, l->t, l->tl);
    }
}

/* Is the encoding the decoder chose plausible? Text that is not UTF-8 is
 * read as Windows-1252, and Western text has a few accented letters among
 * ASCII ones; UTF-8 "repaired" has a few broken sequences. Big5, GB18030,
 * Shift-JIS or EUC-KR fail both (mostly bytes above 127, mostly not UTF-8)
 * and would be mojibake such as "¾ú¥v§Ã¤f": never indexed silently. */
static bool
encoding_plausible(const char *enc, const char *bytes, size_t n)
{
    bool latin = strcmp(enc, "windows-1252") == 0;
    if (!latin && strcmp(enc, "utf-8 (repaired)") != 0)
        return true;
    size_t high = 0, letters = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)bytes[i];
        if (c < 0x80) {
            letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(bytes + i, n - i, &cp);
        invalid += cp == 0xFFFD && k == 1;
        high += (size_t)k;
        i += (size_t)k;
    }
    /* (a few odd bytes are repairable whatever their share) */
    return latin ? high <= 16 || high * 10 <= (high + letters) * 3
                 : invalid <= 16 || invalid * 4 <= high;
}

/* See ingest.h. On success every string in *out is owned by it (free with
 * article_clear). On failure *out holds at most path and encoding. */
int
ingest_article(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
               struct article *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path ? path : "");
    const char *why = ingest_sniff(bytes, n);
    if (why) {
        ds_error_set(err, -1, "not an article: %s file", why);
        return -1;
    }
    struct buf raw = BUF_INIT, text = BUF_INIT, body = BUF_INIT, removed = BUF_INIT;
    const char *enc;
    ingest_decode(bytes, n, &raw, &enc);
    out->encoding = xstrdup(enc);
    if (!encoding_plausible(enc, bytes, n)) {
        buf_free(&raw);
        ds_error_set(err, -1, "not an article: unknown encoding (not UTF-8, and not a "
                              "Western single-byte text)");
        return -1;
    }

    const struct reader *r = path ? ingest_reader_for(path) : NULL;
    int rc = r ? r->to_text(buf_str(&raw), raw.len, &text, err)
               : ingest_read_text(buf_str(&raw), raw.len, &text, err);
    if (rc != 0) {
        buf_free(&raw);
        buf_free(&text);
        return -1;
    }

    struct buf flowed = BUF_INIT;
    if (reflow(buf_str(&text), text.len, &flowed)) {
        buf_free(&text);
        text = flowed;
    }

    struct doc d = {0};
    d.ctx = ctx;
    d.outlets = ctx ? ctx->outlets : NULL;
    d.a = out;
    d.source_rank = RANK_NONE;
    split_lines(&d, buf_str(&text), text.len);

    drop_furniture(&d);
    drop_duplicates(&d);
    meta_top(&d);
    meta_bottom(&d);
    drop_prompt_blocks(&d);
    meta_dateline(&d, out->path);
    if (!d.source)
        meta_furniture_outlet(&d);
    struct ing_date pd;
    if (!out->published && ing_path_date(out->path, &pd))
        set_date(out, &pd, DATE_PATH);

    assemble(&d, &body, &removed);
    out->source = d.source;
    out->raw = buf_steal(&raw);
    out->body = buf_steal(&body);
    out->removed = buf_steal(&removed);
    const char *lang = guess_lang(out->body, strlen(out->body));
    out->lang = lang ? xstrdup(lang) : NULL;
    out->words = ing_count_words(out->body, strlen(out->body));
    free(d.lines);
    buf_free(&text);
    if (out->body[0] == '\0' && !out->title) {
        ds_error_set(err, -1, "not an article: nothing left after cleaning");
        return -1;
    }
    return 0;
}
