/*
 * ingest/lines.c — what kind of line this is: crumbs, "Published" lines,
 * bylines, datelines, headlines, labels, captions, source and copyright
 * lines, bullets; plus the setters that keep a document's strongest source
 * and date. Whether a name alone on a line is an outlet's: outlet_names.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
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

/* Where the date starts in a reading-time line ("4 min read · Feb 12,
 * 2025", "6 min read | 2024-03-01"): past the counter and the separator;
 * 0 when the line does not open so. */
static size_t
reading_time_head(const char *s, size_t n)
{
    static const char *const tails[] = {" min read", " mins read", " minute read",
                                        " minutes read"};
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0)
        return 0;
    size_t t = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(tails) && !t; k++)
        if (ing_istarts(s + i, n - i, tails[k]))
            t = strlen(tails[k]);
    if (!t)
        return 0;
    i += t;
    while (i < n && s[i] == ' ')
        i++;
    if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7)
        i += 2; /* a middle dot */
    else if (i + 3 <= n && memcmp(s + i, "\xe2\x80\xa2", 3) == 0)
        i += 3; /* a bullet */
    else if (i < n && (s[i] == '|' || s[i] == '-'))
        i++;
    else
        return 0;
    return i;
}

/* "Printed Jan 9, 2025 · ": a print view's own date and the separator
 * after it; the length to skip, or 0. The print date is never the
 * article's. */
static size_t
printed_head(const char *s, size_t n)
{
    if (!ing_istarts(s, n, "printed "))
        return 0;
    static const char *const seps[] = {" \xc2\xb7 ", " | ", " \xe2\x80\xa2 ", " - "};
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(s, n, seps[k]);
        if (hit)
            return (size_t)(hit - s) + strlen(seps[k]);
    }
    return 0;
}

/* "Published: Sep 11, 2024 07:06 PM", "Updated 2024-09-11", "Posted on ...",
 * "4 min read · Feb 12, 2025" */
bool
ing_is_published_line(const char *s, size_t n, struct ing_date *dt)
{
    static const char *const heads[] = {
        "published",
        "updated",
        "last updated",
        "first published",
        "originally published",
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
        "actualizado",
        "aktualisiert",
        "pubblicato il",
        "aggiornato il",
        "publicado em",
        "publi\xc3\xa9",
        "ver\xc3\xb6"
        "ffentlicht",
        "publicado",
        "pubblicato",
        "stand:",
        "gepubliceerd op",
        "bijgewerkt op",
        "gepubliceerd",
        "bijgewerkt",
        "opublikowano",
        "aktualizacja",
        "atualizado em",
        "\xe5\x8f\x91\xe5\xb8\x83\xe6\x97\xb6\xe9\x97\xb4", /* 发布时间 */
    };
    if (n > 120 || ing_count_words(s, n) > 20)
        return false;
    size_t pr = printed_head(s, n);
    if (pr) /* "Printed Jan 9, 2025 · Originally published Jan 7, 2025" */
        return ing_is_published_line(s + pr, n - pr, dt);
    size_t rt = reading_time_head(s, n), rat;
    if (rt && ing_find_date(s + rt, n - rt, dt, &rat) && rat < 4)
        return true;
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
    return ing_script_label_date(s, n, dt); /* "दिनांक: ...", "입력 ..." */
}

/* "By Jane Doe", "By Jane Doe and John Roe in Beijing | May 17, 2018" */
bool
ing_is_byline(const char *s, size_t n, char **name, struct ing_date *dt, bool *has_date)
{
    *has_date = false;
    static const char *const heads[] = {"by ",  "written by ", "words by ", "text by ",
                                        "von ", "par ",        "por ",      "by: ",
                                        "posted by ", "story by ", "haber: ",
                                        "analysis by ", "opinion by ", "commentary by ",
                                        /* a writer's credit by its field name, and the
                                         * "by" of Italian, Dutch and Polish */
                                        "words: ", "text: ", "tekst: ", "autor: ",
                                        "author: ", "di ", "door ", "oleh "};
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
        " at ", " on ", "; ",  " \xc2\xb7 ",     " \xe2\x80\xa2 ", " / ",
        " published ", " updated ", " posted "};
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
    /* "Door X Gepubliceerd op 14 februari 2024": a publication line run
     * on after the name, in any language ing_is_published_line reads */
    for (size_t k = 1; k < end; k++)
        if (p[k - 1] == ' ' && p[k] >= 'A' && p[k] <= 'Z' &&
            (ing_is_published_line(p + k, left - k, dt) ||
             ing_published_numeric(p + k, left - k, dt))) {
            *has_date = true;
            end = k;
            break;
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
                          ing_ieq(p + i, j - i, "la") || ing_ieq(p + i, j - i, "bin") ||
                          /* "and" in the bylines of German, French, Spanish */
                          ing_ieq(p + i, j - i, "und") || ing_ieq(p + i, j - i, "et") ||
                          ing_ieq(p + i, j - i, "y") ||
                          /* Italian, Portuguese, Dutch, Polish */
                          ing_ieq(p + i, j - i, "e") || ing_ieq(p + i, j - i, "en") ||
                          ing_ieq(p + i, j - i, "i") || ing_ieq(p + i, j - i, "da") ||
                          ing_ieq(p + i, j - i, "dos");
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

static bool dateline_dash_at(const char *s, size_t n, size_t i);

/* ", Iceland", ", S.C.", ", Wis." after a dateline's place at s[i] (the
 * ','): one to three capitalised words (or abbreviations) up to a comma, a
 * bracket or a dash. Returns where the region ends, 0 when there is none or
 * it is a month ("WASHINGTON, May 17"). */
static size_t
dateline_region(const char *s, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n && s[j] == ' ')
        j++;
    int words = 0;
    size_t end = 0;
    while (j < n && s[j] >= 'A' && s[j] <= 'Z' && words < 3) {
        size_t we = j;
        while (we < n && ((s[we] >= 'a' && s[we] <= 'z') || (s[we] >= 'A' && s[we] <= 'Z') ||
                          s[we] == '.' || s[we] == '-'))
            we++;
        if (words == 0 && ing_month(s + j, we - j))
            return 0;
        words++;
        end = we;
        j = we;
        if (j < n && s[j] == ' ' && j + 1 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
            j++;
        else
            break;
    }
    if (!words)
        return 0;
    size_t k = end;
    while (k < n && s[k] == ' ')
        k++;
    if (k < n && (s[k] == ',' || s[k] == '(' || dateline_dash_at(s, n, k)))
        return s[k] == ',' ? k : end;
    return 0;
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

/* One word of 2 to 8 capitals ("PTI", "IANS"). */
static bool
caps_word(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return true;
}

/* ", Kyodo -" after a dateline's date at s[i] (the ','): one or two
 * capitalised words of letters, then a dash. Returns where the words end,
 * or 0. */
static size_t
dateline_agency_after_comma(const char *s, size_t n, size_t i)
{
    if (i + 2 >= n || s[i + 1] != ' ' || !(s[i + 2] >= 'A' && s[i + 2] <= 'Z'))
        return 0;
    size_t j = i + 2, words = 0, end = 0;
    while (j < n && s[j] >= 'A' && s[j] <= 'Z' && words < 2) {
        while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
            j++;
        words++;
        end = j;
        if (j + 1 < n && s[j] == ' ' && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
            j++;
    }
    size_t k = end;
    while (k < n && s[k] == ' ')
        k++;
    return words && k > end && dateline_dash_at(s, n, k) && k + 1 < n && s[k + 1] == ' ' ? end : 0;
}

/* The length of "(ANSA) - " opening a paragraph: an agency in capitals in
 * parentheses and a dash, before the place of a dateline; 0 when none. */
static size_t
agency_first(const char *s, size_t n)
{
    if (n < 8 || s[0] != '(')
        return 0;
    const char *close = memchr(s, ')', DS_MIN(n, (size_t)30));
    if (!close || close - s < 2 || !caps_word(s + 1, (size_t)(close - s) - 1))
        return 0;
    size_t i = (size_t)(close - s) + 1;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '-')
        i++;
    else if (n - i >= 3 && (memcmp(s + i, "\xe2\x80\x94", 3) == 0 || memcmp(s + i, "\xe2\x80\x93", 3) == 0))
        i += 3;
    else
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    return i < n && s[i] >= 'A' && s[i] <= 'Z' ? i : 0;
}

/* "WASHINGTON, May 17 (Reuters) -", "BEIJING, May 17, 2018 (Xinhua) --",
 * "Geneva (AP) —": a place at the start of a paragraph, an optional date, an
 * optional agency in parentheses, then a dash. */
bool
ing_is_dateline(const char *s, size_t n, struct ing_dateline *dl)
{
    memset(dl, 0, sizeof *dl);
    size_t lead = agency_first(s, n);
    if (lead) { /* "(ANSA) - ROME, MAR 14 - ..." */
        if (!ing_is_dateline(s + lead, n - lead, dl))
            return false;
        if (!dl->agency) {
            dl->agency = s + 1;
            dl->agencyl = (size_t)(memchr(s, ')', n) ? (const char *)memchr(s, ')', n) - s - 1 : 0);
        }
        return true;
    }
    bool caps_place = false;
    size_t i = dateline_place(s, n, &caps_place);
    if (i == 0)
        return false;
    dl->caps_place = caps_place;
    if (i < n && s[i] == ',') {
        size_t r = dateline_region(s, n, i);
        if (r && r < n && s[r] == ',')
            i = r; /* "GREENVILLE, S.C., Feb 26 -" */
        else if (r && !dateline_date(s, n, i, dl))
            i = r; /* "GRINDAVIK, Iceland (AP) —" */
        if (s[i] == ',') {
            i = dateline_date(s, n, i, dl);
            if (i == 0)
                return false;
        }
    }
    if (caps_place && dl->month && i < n && s[i] == ',') {
        size_t e = dateline_agency_after_comma(s, n, i);
        if (e) { /* "TOKYO, March 3, Kyodo -" */
            dl->agency = s + i + 2;
            dl->agencyl = e - i - 2;
            return true;
        }
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
    /* "New Delhi, Mar 3 (PTI) Delhi airport will ...": an agency in
     * capitals after a date, the story straight after it without a dash */
    if (dl->agency && dl->month && i < n && s[i] >= 'A' && s[i] <= 'Z' &&
        caps_word(dl->agency, dl->agencyl))
        return true;
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
    bool mark = ing_istarts(s, n, "\xc2\xa9") || ing_istarts(s, n, "copyright") ||
                ing_istarts(s, n, "(c) ");
    if (n >= 200) /* a long notice: "Copyright 2024 X. Any reproduction ... is prohibited" */
        return n < 400 && mark &&
               (ing_ifind(s, n, "prohibited") || ing_ifind(s, n, "without permission") ||
                ing_ifind(s, n, "written consent") || ing_ifind(s, n, "rights reserved"));
    return mark || ing_ifind(s, n, "all rights reserved");
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

/* ---- a wire's and a read-later app's own lines -------------------------------- */

/* "Saved from www.x.com", "Saved on 14 Mar 2024", "Clipped from ...": a
 * read-later app's note on the copy (its date is the saving's, never the
 * article's). Returns the length of the lead, 0 when none. */
size_t
ing_saved_lead(const char *s, size_t n)
{
    static const char *const leads[] = {"saved from ", "saved on ", "clipped from ", "clipped on ",
                                        "saved to ", "saved at "};
    if (n > 160 || ing_count_words_max(s, n, 13) > 12)
        return 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(leads); k++)
        if (ing_istarts(s, n, leads[k]))
            return strlen(leads[k]);
    return 0;
}

/* "AP-EU-Germany-Rail-Strike, 1st Ld-Writethru,0431", "BC-US--Budget,0720":
 * a wire's slug line (the story's file name, its version and length): a
 * first word of three or more parts joined by hyphens, each capitalised,
 * and a word count or "Writethru" at the end. */
bool
ing_is_wire_slug(const char *s, size_t n)
{
    if (n > 100 || n < 8)
        return false;
    size_t i = 0, parts = 1;
    while (i < n && s[i] != ',' && s[i] != ' ') {
        if (s[i] == '-') {
            parts++;
            if (i + 1 < n && s[i + 1] != '-' && !(s[i + 1] >= 'A' && s[i + 1] <= 'Z') &&
                !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                return false;
        } else if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= '0' && s[i] <= '9'))) {
            return false;
        }
        i++;
    }
    if (parts < 3 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    size_t d = n;
    while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    return (n - d >= 3 && n - d <= 4 && d > 0 && s[d - 1] == ',') || ing_ifind(s, n, "writethru");
}

/* "03-07-24 0512EST": a wire's transmission stamp alone on a line (month,
 * day, two-digit year, the time and its zone). */
bool
ing_is_wire_stamp(const char *s, size_t n, struct ing_date *dt)
{
    int mo, d, y, t, used = 0;
    char zone[8] = "";
    if (n > 24 || !(s[0] >= '0' && s[0] <= '9'))
        return false;
    char line[32];
    memcpy(line, s, n);
    line[n] = '\0';
    if (sscanf(line, "%2d-%2d-%2d %4d%7[A-Z]%n", &mo, &d, &y, &t, zone, &used) < 5 ||
        (size_t)used != n || mo < 1 || mo > 12 || d < 1 || d > 31 || t > 2359)
        return false;
    *dt = (struct ing_date){.y = y < 70 ? 2000 + y : 1900 + y, .m = mo, .d = d};
    return true;
}

/* See lib.h. */
bool
ing_is_outlet_date_line(const char *s, size_t n, size_t *namel, struct ing_date *dt)
{
    static const char *const seps[] = {" \xc2\xb7 ", " | ", " \xe2\x80\xa2 ",
                                       " \xe2\x80\x94 ", " \xe2\x80\x93 "};
    if (n > 100)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(s, n, seps[k]);
        if (!hit || hit == s)
            continue;
        size_t nl = (size_t)(hit - s), r = nl + strlen(seps[k]);
        if (ing_parse_date_whole(s + r, n - r, dt) && dt->y && dt->d &&
            ing_outlet_like(s, nl, true)) {
            *namel = nl;
            return true;
        }
    }
    return false;
}
