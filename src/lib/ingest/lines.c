/*
 * ingest/lines.c — what kind of line this is: crumbs, "Published" lines,
 * bylines, datelines, headlines, labels, captions, source and copyright
 * lines, and whether a name alone on a line is an outlet's; plus the setters
 * that keep a document's strongest source and date.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- small helpers -------------------------------------------------------------- */

bool
ing_is_content(const struct ing_doc_line *l)
{
    return !l->blank && !l->why;
}

char *
ing_dupn(const char *s, size_t n)
{
    return xstrndup(s, n);
}

bool
ing_ends_with_any(const char *s, size_t n, const char *chars)
{
    return n && strchr(chars, s[n - 1]) != NULL;
}

void
ing_set_source(struct ing_doc *d, const char *name, size_t n, int rank)
{
    if (!name || !n || rank >= d->source_rank)
        return;
    free(d->source);
    d->source = ing_dupn(name, n);
    d->source_rank = rank;
}

void
ing_set_date(struct article *a, const struct ing_date *dt, enum date_source how)
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

/* A Chinese column or report banner: a whole line in lenticular brackets
 * (【財經專欄】), or in parentheses ending in 報道/报道 (（記者某某報道）).
 * It names a column, a section or a reporter, never the outlet. Writes the
 * text inside the brackets to *in. */
bool
ing_cjk_banner(const char *s, size_t n, const char **in, size_t *inl)
{
    static const char open_lent[] = "\xe3\x80\x90", close_lent[] = "\xe3\x80\x91";
    static const char open_par[] = "\xef\xbc\x88", close_par[] = "\xef\xbc\x89";
    static const char *const reports[] = {"\xe5\xa0\xb1\xe9\x81\x93", "\xe6\x8a\xa5\xe9\x81\x93"};
    if (n < 9 || n > 120)
        return false;
    bool lent = memcmp(s, open_lent, 3) == 0 && memcmp(s + n - 3, close_lent, 3) == 0;
    bool par = memcmp(s, open_par, 3) == 0 && memcmp(s + n - 3, close_par, 3) == 0;
    if (par) {
        par = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(reports) && n >= 12; k++)
            par = par || memcmp(s + n - 9, reports[k], 6) == 0;
    }
    if (!lent && !par)
        return false;
    if (lent && ing_ifind(s + 3, n - 6, close_lent))
        return false; /* two banners on one line, or text after one */
    *in = s + 3;
    *inl = n - 6;
    return true;
}

/* "SOURCE / ECONOMY", "Home > News > Business": short parts joined by a
 * separator. Writes the last part (the section) to *sec. A Chinese banner
 * (ing_cjk_banner) is a section label too. */
bool
ing_is_crumb(const char *s, size_t n, const char **sec, size_t *secl)
{
    static const char *const seps[] = {" / ", " > ", " | ", " \xe2\x80\xba ", " \xc2\xbb "};
    if (ing_cjk_banner(s, n, sec, secl))
        return true;
    if (n > 80 || ing_ends_with_any(s, n, ".,;:"))
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
bool
ing_is_published_line(const char *s, size_t n, struct ing_date *dt)
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
bool
ing_is_byline(const char *s, size_t n, char **name, struct ing_date *dt, bool *has_date)
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
    *name = ing_dupn(p, end);
    return true;
}

/* "Jane Doe Associated Press": an outlet's name ending a byline is the
 * source, not part of a name. Trims name in place. */
void
ing_byline_outlet(struct ing_doc *d, char *name)
{
    size_t n = strlen(name);
    for (size_t k = 1; k < n; k++) {
        if (name[k - 1] != ' ')
            continue;
        const char *canon = outlets_match(d->outlets, name + k, n - k);
        if (!canon)
            continue;
        ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
        while (k > 0 && (name[k - 1] == ' ' || name[k - 1] == ',' || name[k - 1] == '/'))
            k--;
        name[k] = '\0';
        return;
    }
}


/* The place opening a dateline: letters, spaces and . \' - / up to a
 * bracket, a dash or anything else, at most 60 bytes. Returns where it
 * ends (0: none); *caps: all in capitals ("WASHINGTON"). A place not in
 * capitals must be at most three capitalised words ("New York"), and no
 * place runs over five words (a sentence running into a bracket). */
static size_t
dateline_place(const char *s, size_t n, bool *caps)
{
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
    if (i == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return 0;
    *caps = lower == 0 && upper >= 3;
    if (!*caps) {
        /* "Berlin (dpa) -", "New York (AP) —": a short place, each word
         * capitalised; it needs the agency (checked by the caller) */
        int words = 0;
        for (size_t k = 0; k < i; k++) {
            if (k == 0 || s[k - 1] == ' ') {
                if (s[k] == ' ')
                    continue;
                words++;
                if (!(s[k] >= 'A' && s[k] <= 'Z'))
                    return 0;
            }
        }
        if (words > 3)
            return 0;
    }
    if (ing_count_words_max(s, i, 5) > 5)
        return 0;
    return i;
}

/* ", May 17" or ", May 17, 2018" at s[i] (the ','): the month, day and
 * year into dl. Returns where the date ends, or 0 when what follows the
 * comma is no month and day ("WASHINGTON, D.C. -"). */
static size_t
dateline_date(const char *s, size_t n, size_t i, struct ing_dateline *dl)
{
    size_t j = i + 1;
    while (j < n && s[j] == ' ')
        j++;
    size_t we = j;
    while (we < n &&
           ((s[we] >= 'a' && s[we] <= 'z') || (s[we] >= 'A' && s[we] <= 'Z') || s[we] == '.'))
        we++;
    int m = ing_month(s + j, we - j);
    if (!m)
        return 0;
    j = we;
    while (j < n && s[j] == ' ')
        j++;
    int day = 0;
    while (j < n && s[j] >= '0' && s[j] <= '9' && day < 100)
        day = day * 10 + (s[j++] - '0');
    if (day < 1 || day > 31)
        return 0;
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
    return j;
}

/* Does a dash (-, :, em or en dash) start at s[i]? */
static bool
dateline_dash_at(const char *s, size_t n, size_t i)
{
    if (i < n && (s[i] == '-' || s[i] == ':'))
        return true;
    return i + 3 <= n &&
           (memcmp(s + i, "\xe2\x80\x94", 3) == 0 || memcmp(s + i, "\xe2\x80\x93", 3) == 0);
}

/* "WASHINGTON, May 17 (Reuters) -", "BEIJING, May 17, 2018 (Xinhua) --",
 * "Geneva (AP) —": a place at the start of a paragraph, an optional date, an
 * optional agency in parentheses, then a dash. */
bool
ing_is_dateline(const char *s, size_t n, struct ing_dateline *dl)
{
    memset(dl, 0, sizeof *dl);
    bool caps_place = false;
    size_t i = dateline_place(s, n, &caps_place);
    if (i == 0)
        return false;
    dl->caps_place = caps_place;
    if (i < n && s[i] == ',') {
        i = dateline_date(s, n, i, dl);
        if (i == 0)
            return false;
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
    return dateline_dash_at(s, n, i);
}

/* A short headline-like line: not a sentence, not a list item. */
bool
ing_is_headline_like(const struct ing_doc_line *l)
{
    if (l->tl > 250 || ing_ends_with_any(l->t, l->tl, ",;:"))
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
bool
ing_is_short_label(const struct ing_doc_line *l)
{
    if (l->tl > 40 || !ing_is_headline_like(l) || ing_count_words(l->t, l->tl) > 3)
        return false;
    for (size_t i = 0; i < l->tl; i++)
        if (l->t[i] >= '0' && l->t[i] <= '9')
            return false;
    return true;
}

bool
ing_is_caption_like(const struct ing_doc_line *l)
{
    return ing_ifind(l->t, l->tl, "photo") || ing_ifind(l->t, l->tl, "image:") ||
           ing_ifind(l->t, l->tl, "credit") || ing_ifind(l->t, l->tl, "getty") ||
           ing_ifind(l->t, l->tl, "file pic");
}

/* "Source: X", "Source - X", "Sources: X" */
bool
ing_is_source_line(const char *s, size_t n, const char **val, size_t *vl)
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
    const char *bar = ing_ifind(p, left, " | "); /* fields after it: "| URL: http://..." */
    if (!left || ing_count_words(p, bar ? (size_t)(bar - p) : left) > 12)
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
bool
ing_is_copyright_line(const char *s, size_t n)
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


/* Does s read as a name standing alone: at most five words (twelve CJK
 * characters), each capitalised or a connector, no sentence punctuation,
 * no separators ("X | Y" footers are menus, not names)? Fills *ns. */
bool
ing_name_shape(const char *s, size_t n, struct ing_name_shape *ns)
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


/* Is s a line that never names anything, however often it repeats: one
 * holding a date ("Record March 20") or a month and a number, or led by a
 * label of a results or dividend table ("Year", "Pay April 15", "Net")? */
static bool
not_a_name(const char *s, size_t n)
{
    struct ing_date dt;
    size_t at;
    if (ing_find_date(s, n, &dt, &at))
        return true;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (ing_month(s + i, j - i) && j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9')
            return true; /* "March 20" */
        i = j + 1;
    }
    static const char *const labels[] = {
        "year", "quarter", "qtr", "qtly", "record", "pay", "payable", "net", "shr", "revs",
        "sales", "revenue", "revenues", "loss", "profit", "dividend", "div", "note", "total",
        "avg", "oper", "period", "months", "weeks", "mths", "prior"};
    size_t w = 0;
    while (w < n && s[w] != ' ')
        w++;
    for (size_t k = 0; k < DS_ARRAY_LEN(labels); k++)
        if (ing_ieq(s, w, labels[k]))
            return true;
    return false;
}

/* Is s (a line alone at the top or bottom) an outlet's name? strong is
 * outside evidence: the line repeats across the corpus, follows a dash or
 * ©, or is named elsewhere as the source. Without it the name itself must
 * look like an outlet's: an outlet word with another word ("Yellow Sea
 * Observer"), a leading article and two more words ("The Kestrel Herald";
 * "The End" is no outlet), a CJK outlet suffix. */
bool
ing_outlet_like(const char *s, size_t n, bool strong)
{
    struct ing_name_shape ns;
    const char *in;
    size_t inl;
    if (!ing_name_shape(s, n, &ns) || ns.person || ing_has_ui_word(s, n) || not_a_name(s, n) ||
        ing_cjk_banner(s, n, &in, &inl))
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
bool
ing_has_ui_word(const char *s, size_t n)
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
bool
ing_top_outlet_seen(const struct ing_doc_line *l)
{
    struct ing_name_shape ns;
    if (ing_has_ui_word(l->t, l->tl) || !ing_outlet_like(l->t, l->tl, true) ||
        !ing_name_shape(l->t, l->tl, &ns))
        return false;
    return ing_outlet_like(l->t, l->tl, false) || ns.words >= 3;
}

/* "© 2018 Prairie Grain Report", "Copyright 2021 The X. All rights
 * reserved.", "(c) X": the name after the mark and the years, or false. */
bool
ing_copyright_name(const char *s, size_t n, const char **name, size_t *nl)
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
bool
ing_dash_trailer(const char *s, size_t n, const char **name, size_t *nl)
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

bool
ing_is_bullet(const struct ing_doc_line *l)
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
